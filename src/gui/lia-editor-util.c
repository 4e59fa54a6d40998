/* lia-editor-util.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-editor-util"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-editor-util.h"
#include "lia-enums.h"
#include "lia-trash-toast.h"

/**
 * lia_editor_dup_text:
 * @row: a row of a form
 *
 * Returns: (transfer full): what @row holds, without surrounding spaces
 */
char *
lia_editor_dup_text (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Fills @row with @text, or empties it when @text is %NULL. */
void
lia_editor_set_text (AdwEntryRow *row,
                     const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

gboolean
lia_editor_is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* Offers the values of the enumeration @enum_type in @row, by their labels. */
void
lia_editor_set_enum_model (AdwComboRow *row,
                           GType        enum_type)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  g_autoptr(GtkStringList) list = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (G_TYPE_IS_ENUM (enum_type));

  enum_class = g_type_class_ref (enum_type);
  list = gtk_string_list_new (NULL);

  /* The values count from 0 without gaps: the position is the value. */
  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (list, lia_enum_to_label (enum_type, (int)i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/* Marks @row as wrong (or right again with %NULL), saying what is wrong
 * beside it and in its tooltip. */
void
lia_editor_show_problem (AdwEntryRow *row,
                         const char  *problem)
{
  GtkWidget *label;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  label = g_object_get_data (G_OBJECT (row), "lia-problem-label");
  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_entry_row_add_suffix (row, label);
      g_object_set_data (G_OBJECT (row), "lia-problem-label", label);
    }

  gtk_label_set_label (GTK_LABEL (label), problem != NULL ? problem : "");
  gtk_widget_set_visible (label, problem != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), problem);

  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/**
 * lia_editor_check_row:
 * @row: an optional field
 * @validate: what its text must pass when there is any
 * @problem: what to say beside @row when it does not
 *
 * Returns: %TRUE when @row is blank or passes @validate
 */
gboolean
lia_editor_check_row (AdwEntryRow *row,
                      gboolean   (*validate) (const char *text),
                      const char  *problem)
{
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);
  g_return_val_if_fail (validate != NULL, FALSE);

  text = lia_editor_dup_text (row);
  ok = lia_editor_is_blank (text) || validate (text);

  lia_editor_show_problem (row, ok ? NULL : problem);
  return ok;
}

/* Says what went wrong on the editor's @overlay, long enough to be read. */
void
lia_editor_show_error (AdwToastOverlay *overlay,
                       const GError    *error)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (error != NULL);

  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (overlay, toast);
}

/* The end of a Save action: closes @editor when the record was @saved, or
 * else says why not on @overlay and keeps it open. */
void
lia_editor_close_if_saved (GtkWindow       *editor,
                           AdwToastOverlay *overlay,
                           gboolean         saved,
                           const GError    *error)
{
  g_return_if_fail (GTK_IS_WINDOW (editor));
  g_return_if_fail (saved || error != NULL);

  if (!saved)
    {
      lia_editor_show_error (overlay, error);
      return;
    }

  gtk_window_destroy (editor);
}

/**
 * lia_editor_trash_and_close:
 * @editor: the editor window of the record
 * @overlay: where @editor shows what went wrong
 * @store: the database
 * @kind: what the record is
 * @id: the record's id
 * @title: (nullable): what the record is called, for the toast
 *
 * Moves the record to the trash and closes @editor, then offers Undo on the
 * window @editor belongs to. On failure, says why on @overlay and keeps
 * @editor open.
 *
 * Returns: %TRUE when the record went to the trash
 */
gboolean
lia_editor_trash_and_close (GtkWindow       *editor,
                            AdwToastOverlay *overlay,
                            LiaStore        *store,
                            LiaRecordKind    kind,
                            gint64           id,
                            const char      *title)
{
  GtkWindow *parent;
  g_autoptr(LiaStore) store_ref = NULL;
  g_autofree char *title_copy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), FALSE);
  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);

  /* Closing the editor may free the record, and the store with it. */
  parent = gtk_window_get_transient_for (editor);
  store_ref = g_object_ref (store);
  title_copy = g_strdup (title);

  if (!lia_store_trash (store_ref, kind, id, &error))
    {
      lia_editor_show_error (overlay, error);
      return FALSE;
    }

  gtk_window_destroy (editor);

  if (parent != NULL)
    lia_show_trashed_toast (GTK_WIDGET (parent), store_ref, kind, id, title_copy);

  return TRUE;
}

/* The keys every record editor answers to: Escape closes it, Ctrl+S and
 * Ctrl+Enter activate @save_action. */
void
lia_editor_class_add_shortcuts (GtkWidgetClass *widget_class,
                                const char     *save_action)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (save_action != NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, save_action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, save_action, NULL);
}

G_DEFINE_QUARK (lia-editor-error-quark, lia_editor_error)

/* Reads @file, refusing what is too heavy. */
static GBytes *
load_image_bytes (GFile       *file,
                  const char  *display_name,
                  gsize        max_file_size,
                  GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  /* Measured before and after reading: the file may grow in between. */
  if ((gsize)g_file_info_get_size (info) <= max_file_size &&
      !g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  if ((gsize)g_file_info_get_size (info) > max_file_size || length > max_file_size)
    {
      g_autofree char *limit = g_format_size (max_file_size);

      g_set_error (error, LIA_EDITOR_ERROR, LIA_EDITOR_ERROR_IMAGE_TOO_BIG,
                   /* Translators: a file name, then a size such as "2.1 MB" */
                   _("‘%s’ is over %s: choose a smaller image"),
                   display_name, limit);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * lia_editor_load_image:
 * @file: an image file
 * @max_file_size: the most the file may weigh
 * @max_side: the longest side of the image kept, in pixels
 * @error: where to put what went wrong
 *
 * Returns: (transfer full): the image as a PNG, scaled down when larger
 */
GBytes *
lia_editor_load_image (GFile   *file,
                       gsize    max_file_size,
                       int      max_side,
                       GError **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display_name = g_filename_display_name (basename);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = load_image_bytes (file, display_name, max_file_size, error)))
    return NULL;

  texture = gdk_texture_new_from_bytes (bytes, &local_error);
  if (texture != NULL)
    {
      stream = g_memory_input_stream_new_from_bytes (bytes);

      if (gdk_texture_get_width (texture) > max_side || gdk_texture_get_height (texture) > max_side)
        pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, max_side, max_side, TRUE,
                                                      NULL, &local_error);
      else
        pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &local_error);
    }

  if (pixbuf == NULL)
    {
      g_debug ("Cannot read ‘%s’ as an image: %s", display_name, local_error->message);
      g_set_error (error, LIA_EDITOR_ERROR, LIA_EDITOR_ERROR_NOT_AN_IMAGE,
                   /* Translators: %s is a file name */
                   _("‘%s’ is not a PNG, JPEG, SVG or WebP image"),
                   display_name);
      return NULL;
    }

  if (!gdk_pixbuf_save_to_bufferv (pixbuf, &buffer, &length, "png", NULL, NULL, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}
