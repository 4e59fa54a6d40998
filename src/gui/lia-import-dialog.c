/* lia-import-dialog.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import Partners: choose a CSV file, see what importing it would do (which
 * rows create a partner, update one or are skipped, and why), then import.
 * Reading and planning, and then writing, run on a worker thread with their
 * own connection to the database file (WAL lets them beside the window's);
 * the window's store then announces that its partners were reloaded.
 */

#define G_LOG_DOMAIN "lia-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-csv.h"
#include "lia-import-dialog.h"
#include "lia-partner-import.h"

struct _LiaImportDialog
{
  AdwWindow        parent_instance;

  /* Owned */
  LiaStore        *store;
  LiaImportPlan   *plan;
  GCancellable    *cancellable;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkButton       *import_button;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkLabel        *busy_label;
  GtkLabel        *summary_label;
  GtkCheckButton  *show_skipped_button;
  GtkLabel        *ignored_label;
  GtkListBox      *rows_list;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (LiaImportDialog, lia_import_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_STORE, N_PROPS };

static GParamSpec *properties [N_PROPS];

/* What a worker needs: the database file, and the spreadsheet or the plan. */
typedef struct
{
  char          *database_path;
  GFile         *file;
  LiaImportPlan *plan;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->database_path, g_free);
  g_clear_object (&job->file);
  g_clear_object (&job->plan);
  g_free (job);
}

static Job *
job_new (LiaImportDialog *self)
{
  Job *job = g_new0 (Job, 1);

  job->database_path = g_strdup (lia_database_get_path (lia_store_get_database (self->store)));

  return job;
}

static LiaStore *
open_worker_store (const char  *path,
                   GError     **error)
{
  g_autoptr(LiaDatabase) database = NULL;

  if (!(database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, error)))
    return NULL;

  return lia_store_new (database);
}

static guint
count_to_import (LiaImportPlan *plan)
{
  guint created = 0, updated = 0;

  if (plan == NULL)
    return 0;

  lia_import_plan_get_counts (plan, &created, &updated, NULL);

  return created + updated;
}

static void
update_import_button (LiaImportDialog *self)
{
  gboolean previewing = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "preview");
  guint n = previewing ? count_to_import (self->plan) : 0;

  if (n > 0)
    {
      g_autofree char *label = NULL;

      /* Translators: the button that imports; %u is how many partners are created or updated */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Partner", "_Import %u Partners", n), n);
      gtk_button_set_label (self->import_button, label);
    }
  else
    {
      gtk_button_set_label (self->import_button, _("_Import"));
    }

  /* Shown once there is a plan, insensitive when it changes nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", n > 0);
}

static void
show_page (LiaImportDialog *self,
           const char      *name)
{
  gboolean busy = g_str_equal (name, "busy");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !busy);
  update_import_button (self);
}

static void
show_busy (LiaImportDialog *self,
           const char      *message)
{
  gtk_label_set_label (self->busy_label, message);
  show_page (self, "busy");
}

static void
show_error (LiaImportDialog *self,
            const GError    *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  show_page (self, "error");
}

static const char *
action_label (LiaImportAction action)
{
  switch (action)
    {
    case LIA_IMPORT_ACTION_CREATE:
      /* Translators: what the import does with a row of the spreadsheet */
      return C_("import action", "Create");
    case LIA_IMPORT_ACTION_UPDATE:
      return C_("import action", "Update");
    case LIA_IMPORT_ACTION_SKIP:
      return C_("import action", "Skip");
    default:
      g_assert_not_reached ();
    }
}

static const char *
action_style (LiaImportAction action)
{
  switch (action)
    {
    case LIA_IMPORT_ACTION_CREATE:
      return "success";
    case LIA_IMPORT_ACTION_UPDATE:
      return "accent";
    case LIA_IMPORT_ACTION_SKIP:
      return "dim-label";
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
create_row (LiaImportPlan *plan,
            guint          i)
{
  LiaImportAction action = lia_import_plan_get_action (plan, i);
  const char *name = lia_import_plan_get_name (plan, i);
  g_autofree char *line = NULL;
  GtkWidget *row, *line_label, *action_widget;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && name[0] != '\0' ? name : _("No name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lia_import_plan_get_reason (plan, i));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  g_object_set_data (G_OBJECT (row), "lia-import-row", GUINT_TO_POINTER (i + 1));

  /* Translators: the line of the spreadsheet a row comes from */
  line = g_strdup_printf (_("Line %u"), lia_import_plan_get_line (plan, i));
  line_label = gtk_label_new (line);
  gtk_label_set_width_chars (GTK_LABEL (line_label), 8);
  gtk_label_set_xalign (GTK_LABEL (line_label), 0.0f);
  gtk_widget_add_css_class (line_label, "caption");
  gtk_widget_add_css_class (line_label, "dim-label");
  gtk_widget_add_css_class (line_label, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), line_label);

  action_widget = gtk_label_new (action_label (action));
  gtk_widget_add_css_class (action_widget, "heading");
  gtk_widget_add_css_class (action_widget, action_style (action));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_widget);

  return row;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  LiaImportDialog *self = user_data;
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lia-import-row"));

  if (self->plan == NULL || i == 0)
    return TRUE;

  return gtk_check_button_get_active (self->show_skipped_button) ||
         lia_import_plan_get_action (self->plan, i - 1) != LIA_IMPORT_ACTION_SKIP;
}

static void
clear_rows (LiaImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_list))) != NULL)
    gtk_list_box_remove (self->rows_list, child);
}

static void
show_preview (LiaImportDialog *self)
{
  const char * const *ignored = lia_import_plan_get_ignored_columns (self->plan);
  guint created = 0, updated = 0, skipped = 0;
  g_autofree char *summary = NULL;
  g_autofree char *create_text = NULL;
  g_autofree char *update_text = NULL;
  g_autofree char *skip_text = NULL;

  lia_import_plan_get_counts (self->plan, &created, &updated, &skipped);

  /* Translators: the three parts make "12 to create, 3 to update, 2 to skip" */
  create_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to create", "%u to create", created), created);
  update_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to update", "%u to update", updated), updated);
  skip_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to skip", "%u to skip", skipped), skipped);
  /* Translators: "12 to create, 3 to update, 2 to skip" */
  summary = g_strdup_printf (_("%s, %s, %s"), create_text, update_text, skip_text);
  gtk_label_set_label (self->summary_label, summary);

  if (ignored != NULL && ignored[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("”, “", (GStrv)ignored);
      g_autofree char *text = NULL;

      /* Translators: %s lists the spreadsheet's column names, each in quotes */
      text = g_strdup_printf (_("Columns not imported: “%s”"), list);
      gtk_label_set_label (self->ignored_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->ignored_label), FALSE);
    }

  clear_rows (self);
  for (guint i = 0; i < lia_import_plan_get_n_rows (self->plan); i++)
    gtk_list_box_append (self->rows_list, create_row (self->plan, i));

  show_page (self, "preview");
}

static void
show_toast_on_parent (LiaImportDialog *self,
                      guint            n_partners)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *title = NULL;
  GtkWidget *content;

  if (!ADW_IS_APPLICATION_WINDOW (parent))
    return;

  /* The main window's content is its toast overlay. */
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent));
  if (!ADW_IS_TOAST_OVERLAY (content))
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u partner", "Imported %u partners", n_partners),
                           n_partners);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (title));
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LiaCsvTable) table = NULL;
  g_autoptr(LiaStore) store = NULL;
  LiaImportPlan *plan;
  GError *error = NULL;

  if (!(bytes = g_file_load_bytes (job->file, cancellable, NULL, &error)) ||
      !(table = lia_csv_parse (bytes, &error)) ||
      !(store = open_worker_store (job->database_path, &error)) ||
      !(plan = lia_partner_import_plan (store, table, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, plan, g_object_unref);
}

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LiaImportDialog *self = LIA_IMPORT_DIALOG (object);
  g_autoptr(LiaImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = g_task_propagate_pointer (G_TASK (result), &error);

  /* The dialog was closed meanwhile: its widgets are gone. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (plan == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->plan, plan);
  show_preview (self);
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(LiaStore) store = NULL;
  GError *error = NULL;

  if (!(store = open_worker_store (job->database_path, &error)) ||
      !lia_import_plan_apply (job->plan, store, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LiaImportDialog *self = LIA_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  gboolean applied;
  guint n_partners;

  applied = g_task_propagate_boolean (G_TASK (result), &error);

  /* Written or not, the window's partners are what the file now holds. */
  if (applied)
    lia_store_emit_reloaded (self->store);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!applied)
    {
      /* A plan is applied once: choosing the file again makes a new one. */
      g_clear_object (&self->plan);
      show_error (self, error);
      return;
    }

  n_partners = count_to_import (self->plan);
  show_toast_on_parent (self, n_partners);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_show_skipped_button_active_cb (LiaImportDialog *self)
{
  gtk_list_box_invalidate_filter (self->rows_list);
}

static void
on_chooser_response_cb (LiaImportDialog *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lia_import_dialog_load_file (self, file);
    }

  g_object_unref (chooser);
}

static void
lia_import_dialog_choose_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LiaImportDialog *self = LIA_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) spreadsheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_files = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Spreadsheet"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (spreadsheets, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_pattern (spreadsheets, "*.csv");
  gtk_file_filter_add_pattern (spreadsheets, "*.CSV");
  gtk_file_filter_add_mime_type (spreadsheets, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), spreadsheets);
  gtk_file_filter_set_name (all_files, _("All Files"));
  gtk_file_filter_add_pattern (all_files, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_files);

  /* The chooser holds its own reference until it answers. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lia_import_dialog_apply_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LiaImportDialog *self = LIA_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->plan == NULL || count_to_import (self->plan) == 0)
    return;

  show_busy (self, _("Importing…"));

  job = job_new (self);
  job->plan = g_object_ref (self->plan);

  task = g_task_new (self, NULL, apply_cb, NULL);
  g_task_set_source_tag (task, lia_import_dialog_apply_action);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, apply_thread);
}

static void
lia_import_dialog_dispose (GObject *object)
{
  LiaImportDialog *self = (LiaImportDialog *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (lia_import_dialog_parent_class)->dispose (object);
}

static void
lia_import_dialog_finalize (GObject *object)
{
  LiaImportDialog *self = (LiaImportDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lia_import_dialog_parent_class)->finalize (object);
}

static void
lia_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaImportDialog *self = LIA_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_import_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaImportDialog *self = LIA_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_import_dialog_class_init (LiaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_import_dialog_dispose;
  object_class->finalize = lia_import_dialog_finalize;
  object_class->get_property = lia_import_dialog_get_property;
  object_class->set_property = lia_import_dialog_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, show_skipped_button);
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, ignored_label);
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, rows_list);
  gtk_widget_class_bind_template_child (widget_class, LiaImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_show_skipped_button_active_cb);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, lia_import_dialog_choose_action);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, lia_import_dialog_apply_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_import_dialog_init (LiaImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_filter_func (self->rows_list, filter_row, self, NULL);
  show_page (self, "choose");
}

/**
 * lia_import_dialog_new:
 * @parent: (nullable): the main window
 * @store: the database the partners go into
 *
 * Returns: (transfer none): a new dialog, owned by GTK like every toplevel
 */
LiaImportDialog *
lia_import_dialog_new (GtkWindow *parent,
                       LiaStore  *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

LiaStore *
lia_import_dialog_get_store (LiaImportDialog *self)
{
  g_return_val_if_fail (LIA_IS_IMPORT_DIALOG (self), NULL);

  return self->store;
}

/**
 * lia_import_dialog_load_file:
 * @self: a #LiaImportDialog
 * @file: a CSV file
 *
 * Reads @file and plans its import on a worker thread, then shows the
 * preview, or why the file cannot be imported. What "Choose File…" does
 * with the file chosen.
 */
void
lia_import_dialog_load_file (LiaImportDialog *self,
                             GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  Job *job;

  g_return_if_fail (LIA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  display_name = g_filename_display_name (basename);
  adw_window_title_set_subtitle (self->window_title, display_name);

  g_clear_object (&self->plan);
  clear_rows (self);
  show_busy (self, _("Reading the spreadsheet…"));

  job = job_new (self);
  job->file = g_object_ref (file);

  task = g_task_new (self, self->cancellable, plan_cb, NULL);
  g_task_set_source_tag (task, lia_import_dialog_load_file);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, plan_thread);
}
