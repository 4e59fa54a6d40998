/* lia-editor-util.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-editor-util"

#include "config.h"

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
