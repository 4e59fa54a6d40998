/* lia-target-editor.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds or edits a publish target: where it is, how Liaison signs in, and
 * which events it gets. Checked as it is typed (lia_target_validate); the
 * password goes to the keyring on a worker thread, never to the database.
 */

#define G_LOG_DOMAIN "lia-target-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-agenda.h"
#include "lia-credentials.h"
#include "lia-target-editor.h"

static const LiaTargetKind kinds[] = {
  LIA_TARGET_FOLDER, LIA_TARGET_WEBDAV, LIA_TARGET_CALDAV, LIA_TARGET_TEC,
};

struct _LiaTargetEditor
{
  AdwWindow             parent_instance;

  /* Owned */
  LiaStore             *store;
  LiaTarget            *target;     /* what is edited: a copy, id 0 when new */
  GPtrArray            *partner_checks; /* GtkCheckButton, with "lia-partner-id" */
  GCancellable         *cancellable;
  gboolean              touched;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  GtkLabel             *error_label;
  AdwEntryRow          *name_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *url_row;
  GtkWidget            *choose_button;
  AdwEntryRow          *public_url_row;
  AdwPreferencesGroup  *sign_in_group;
  AdwEntryRow          *user_row;
  AdwPasswordEntryRow  *password_row;
  GtkSpinButton        *past_spin;
  GtkSpinButton        *future_spin;
  AdwEntryRow          *categories_row;
  AdwExpanderRow       *partners_row;
};

G_DEFINE_FINAL_TYPE (LiaTargetEditor, lia_target_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals [N_SIGNALS];

/* The password on its way to the keyring. */
typedef struct
{
  char *name;
  char *url;
  char *username;
  char *password;
} KeyringJob;

static void
keyring_job_free (gpointer data)
{
  KeyringJob *job = data;

  g_free (job->name);
  g_free (job->url);
  g_free (job->username);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static char *
dup_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static LiaTargetKind
get_kind (LiaTargetEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < G_N_ELEMENTS (kinds) ? kinds[selected] : LIA_TARGET_FOLDER;
}

/* The target as the fields say, over the one edited (its id and last run). */
static LiaTarget *
build_target (LiaTargetEditor *self)
{
  LiaTarget *target = lia_target_copy (self->target);
  g_autofree char *categories = dup_text (self->categories_row);

  g_free (target->name);
  target->name = dup_text (self->name_row);
  if (target->name == NULL)
    target->name = g_strdup ("");
  target->kind = get_kind (self);
  g_free (target->url);
  target->url = dup_text (self->url_row);
  if (target->url == NULL)
    target->url = g_strdup ("");
  g_free (target->public_url);
  target->public_url = dup_text (self->public_url_row);
  g_free (target->username);
  target->username = target->kind != LIA_TARGET_FOLDER ? dup_text (self->user_row) : NULL;
  target->past_days = gtk_spin_button_get_value_as_int (self->past_spin);
  target->future_days = gtk_spin_button_get_value_as_int (self->future_spin);

  g_clear_pointer (&target->categories, g_strfreev);
  if (categories != NULL)
    {
      g_auto(GStrv) split = g_strsplit (categories, ",", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; split[i] != NULL; i++)
        {
          g_strstrip (split[i]);
          if (*split[i] != '\0')
            g_strv_builder_add (builder, split[i]);
        }
      target->categories = g_strv_builder_end (builder);
    }

  g_clear_pointer (&target->partner_ids, g_array_unref);
  for (guint i = 0; i < self->partner_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->partner_checks, i);
      gint64 *id = g_object_get_data (G_OBJECT (check), "lia-partner-id");

      if (!gtk_check_button_get_active (check))
        continue;
      if (target->partner_ids == NULL)
        target->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (target->partner_ids, *id);
    }

  return target;
}

static gboolean
validate (LiaTargetEditor  *self,
          GError          **error)
{
  g_autoptr(LiaTarget) target = build_target (self);

  return lia_target_validate (target, error);
}

static void
update_state (LiaTargetEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  /* Before lia_target_editor_new() filled the form. */
  if (self->target == NULL)
    return;

  valid = validate (self, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "target-editor.save", valid);

  /* Nothing is wrong with an empty form yet. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !valid && self->touched);
  if (!valid)
    gtk_label_set_text (self->error_label, error->message);
}

static void
update_partners_subtitle (LiaTargetEditor *self)
{
  guint n = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->partner_checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->partner_checks, i));

  if (n == 0)
    subtitle = g_strdup (_("Every partner’s events and the library’s own"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen", "%u chosen", n), n);
  adw_expander_row_set_subtitle (self->partners_row, subtitle);
}

static void
on_row_changed_cb (LiaTargetEditor *self)
{
  self->touched = TRUE;
  update_state (self);
}

static void
on_partner_toggled_cb (LiaTargetEditor *self)
{
  update_partners_subtitle (self);
  update_state (self);
}

static void
on_kind_changed_cb (LiaTargetEditor *self)
{
  LiaTargetKind kind = get_kind (self);

  switch (kind)
    {
    case LIA_TARGET_FOLDER:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("Folder"));
      break;
    case LIA_TARGET_WEBDAV:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("WebDAV Folder Address"));
      break;
    case LIA_TARGET_CALDAV:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("Calendar or Server Address"));
      break;
    case LIA_TARGET_TEC:
    default:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("WordPress Site Address"));
      break;
    }

  gtk_widget_set_visible (self->choose_button, kind == LIA_TARGET_FOLDER);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_group), kind != LIA_TARGET_FOLDER);
  /* Only files have a public address apart from where they are written. */
  gtk_widget_set_visible (GTK_WIDGET (self->public_url_row),
                          kind == LIA_TARGET_FOLDER || kind == LIA_TARGET_WEBDAV);
  update_state (self);
}

static void
on_folder_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               LiaTargetEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->url_row), path);
    }

  g_object_unref (chooser);
}

static void
lia_target_editor_choose_folder_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LiaTargetEditor *self = LIA_TARGET_EDITOR (widget);
  GtkFileChooserNative *chooser;

  /* GtkFileDialog is GTK 4.10 (STYLE.md). */
  chooser = gtk_file_chooser_native_new (_("Choose the Folder to Publish To"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
store_password_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  KeyringJob *job = task_data;
  GError *error = NULL;

  if (!lia_credentials_store (job->name, job->url, job->username, job->password, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
store_password_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LiaTargetEditor *self = LIA_TARGET_EDITOR (object);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  {
    g_autofree char *text = NULL;

    /* Translators: why the keyring refused the password */
    text = g_strdup_printf (_("The target is saved, but the password could not be kept in the keyring: %s. "
                              "Liaison asks for it when publishing."), error->message);
    gtk_label_set_text (self->error_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    gtk_widget_set_sensitive (self->save_button, TRUE);
  }
}

static void
lia_target_editor_save_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LiaTargetEditor *self = LIA_TARGET_EDITOR (widget);
  g_autoptr(LiaTarget) target = build_target (self);
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (!lia_target_validate (target, &error) ||
      !lia_target_save (target, lia_store_get_database (self->store), &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  lia_target_free (self->target);
  self->target = lia_target_copy (target);
  g_signal_emit (self, signals [SAVED], 0, target->id);

  if (target->kind != LIA_TARGET_FOLDER && *password != '\0')
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, store_password_cb, NULL);
      KeyringJob *job = g_new0 (KeyringJob, 1);

      job->name = g_strdup (target->name);
      job->url = g_strdup (target->url);
      job->username = g_strdup (target->username);
      job->password = g_strdup (password);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      g_task_set_source_tag (task, lia_target_editor_save_action);
      g_task_set_task_data (task, job, keyring_job_free);
      g_task_run_in_thread (task, store_password_thread);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_partner_row (LiaTargetEditor *self,
                 const char      *name,
                 gint64           id,
                 gboolean         active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), "lia-partner-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_partner_toggled_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->partner_checks, check);
  adw_expander_row_add_row (self->partners_row, row);
}

static gboolean
has_partner (const LiaTarget *target,
             gint64           id)
{
  for (guint i = 0; target->partner_ids != NULL && i < target->partner_ids->len; i++)
    if (g_array_index (target->partner_ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static void
fill_partners (LiaTargetEditor *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  add_partner_row (self, _("The library’s own events"), 0, has_partner (self->target, 0));

  if (!(names = lia_store_list_partner_names (self->store, &ids, &error)))
    {
      g_warning ("The partners could not be read: %s", error->message);
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      add_partner_row (self, names[i], id, has_partner (self->target, id));
    }
}

static void
fill (LiaTargetEditor *self)
{
  const LiaTarget *target = self->target;

  adw_window_title_set_title (self->window_title, target->id == 0 ? _("New Target") : _("Edit Target"));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == target->kind)
      adw_combo_row_set_selected (self->kind_row, i);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), target->name != NULL ? target->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), target->url != NULL ? target->url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->public_url_row), target->public_url != NULL ? target->public_url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), target->username != NULL ? target->username : "");
  gtk_spin_button_set_value (self->past_spin, target->past_days);
  gtk_spin_button_set_value (self->future_spin, target->future_days);
  if (target->categories != NULL)
    {
      g_autofree char *categories = g_strjoinv (", ", target->categories);

      gtk_editable_set_text (GTK_EDITABLE (self->categories_row), categories);
    }
  if (target->id != 0)
    /* The one stored is not shown; typing one replaces it. */
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("New Password (optional)"));

  fill_partners (self);
  update_partners_subtitle (self);
  on_kind_changed_cb (self);
  self->touched = target->id != 0;
  update_state (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

static void
lia_target_editor_dispose (GObject *object)
{
  LiaTargetEditor *self = (LiaTargetEditor *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TARGET_EDITOR);

  G_OBJECT_CLASS (lia_target_editor_parent_class)->dispose (object);
}

static void
lia_target_editor_finalize (GObject *object)
{
  LiaTargetEditor *self = (LiaTargetEditor *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->target, lia_target_free);
  g_clear_pointer (&self->partner_checks, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lia_target_editor_parent_class)->finalize (object);
}

static void
lia_target_editor_class_init (LiaTargetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_target_editor_dispose;
  object_class->finalize = lia_target_editor_finalize;

  /**
   * LiaTargetEditor::saved:
   * @target_id: the target, as saved
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-target-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, choose_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, public_url_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, sign_in_group);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, user_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, password_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, past_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, future_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, categories_row);
  gtk_widget_class_bind_template_child (widget_class, LiaTargetEditor, partners_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed_cb);

  gtk_widget_class_install_action (widget_class, "target-editor.save", NULL, lia_target_editor_save_action);
  gtk_widget_class_install_action (widget_class, "target-editor.choose-folder", NULL,
                                   lia_target_editor_choose_folder_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "target-editor.save", NULL);
}

static void
lia_target_editor_init (LiaTargetEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->partner_checks = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, lia_target_kind_get_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
}

LiaTargetEditor *
lia_target_editor_new (GtkWindow       *parent,
                       LiaStore        *store,
                       const LiaTarget *target)
{
  LiaTargetEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  self = g_object_new (LIA_TYPE_TARGET_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->target = target != NULL ? lia_target_copy (target) : lia_target_new ("", LIA_TARGET_FOLDER, "");
  fill (self);

  return self;
}
