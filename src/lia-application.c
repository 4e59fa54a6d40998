/* lia-application.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-application"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-application.h"
#include "lia-command-line.h"
#include "lia-database.h"
#include "lia-import-dialog.h"
#include "lia-preferences-window.h"
#include "lia-store.h"
#include "lia-update-window.h"
#include "lia-window.h"

/* How long an update runs before its window shows: a small file's
 * update ends sooner, and a window that flashes by says nothing. */
#define UPDATE_WINDOW_DELAY_US (300 * G_TIME_SPAN_MILLISECOND)

struct _LiaApplication
{
  AdwApplication  parent_instance;

  /* Borrowed (weak pointer) */
  GtkWindow      *preferences_window;

  /* Owned: the files being updated before their windows open */
  GPtrArray      *updates;
  GTimeSpan       update_window_delay;
};

/* A file of an older version, updated in a worker thread. */
typedef struct
{
  LiaApplication  *app;
  GFile           *file;
  GCancellable    *cancellable;
  gint64           started;
  /* Borrowed (weak pointer): shown once the update takes a while */
  LiaUpdateWindow *window;
} Update;

G_DEFINE_FINAL_TYPE (LiaApplication, lia_application, ADW_TYPE_APPLICATION)

static gboolean
lia_application_local_command_line (GApplication   *application,
                                    char         ***arguments,
                                    int            *exit_status)
{
  g_autofree char *database = NULL;
  g_autoptr(GError) error = NULL;

  if (lia_command_line_run (arguments, &database, exit_status))
    return TRUE;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      *exit_status = LIA_EXIT_FAILURE;
      return TRUE;
    }

  if (database != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      g_application_open (application, &file, 1, "");
    }
  else
    {
      g_application_activate (application);
    }

  /* g_application_run() keeps the main loop running while a window holds
   * the application. */
  *exit_status = LIA_EXIT_OK;

  return TRUE;
}

static void
update_free (Update *update)
{
  if (update->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (update->window), (gpointer *)&update->window);
  g_object_unref (update->file);
  g_object_unref (update->cancellable);
  g_free (update);
}

static Update *
find_update_for_file (LiaApplication *self,
                      GFile          *file)
{
  for (guint i = 0; i < self->updates->len; i++)
    {
      Update *update = g_ptr_array_index (self->updates, i);

      if (g_file_equal (update->file, file))
        return update;
    }

  return NULL;
}

static void
on_updating (gpointer user_data)
{
  Update *update = user_data;
  LiaApplication *self = update->app;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (update->window != NULL)
    {
      lia_update_window_pulse (update->window);
      return;
    }

  if (g_cancellable_is_cancelled (update->cancellable) ||
      g_get_monotonic_time () - update->started < self->update_window_delay)
    return;

  base = g_file_get_basename (update->file);
  name = g_filename_display_name (base);
  update->window = lia_update_window_new (ADW_APPLICATION (self), name, update->cancellable);
  g_object_add_weak_pointer (G_OBJECT (update->window), (gpointer *)&update->window);
  gtk_window_present (GTK_WINDOW (update->window));
}

static void
on_update_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Update *update = user_data;
  LiaApplication *self = update->app;
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  database = lia_database_open_finish (result, &error);

  /* Closing the update window means leaving: no window for the file, even
   * when the update ended first. */
  if (!g_cancellable_is_cancelled (update->cancellable))
    {
      LiaWindow *window;

      if (database != NULL)
        store = lia_store_new (database);
      else
        g_debug ("Cannot update %s: %s", g_file_peek_path (update->file), error->message);

      window = lia_window_new (ADW_APPLICATION (self), store, error);
      gtk_window_present (GTK_WINDOW (window));
    }

  if (update->window != NULL)
    gtk_window_destroy (GTK_WINDOW (update->window));

  g_ptr_array_remove (self->updates, update);
  g_application_release (G_APPLICATION (self));
}

/* The window of a file of an older version opens after its update, which
 * for a large file takes long enough to need a window of its own. */
static void
start_update (LiaApplication *self,
              GFile          *file)
{
  Update *update = g_new0 (Update, 1);

  update->app = self;
  update->file = g_object_ref (file);
  update->cancellable = g_cancellable_new ();
  update->started = g_get_monotonic_time ();
  g_ptr_array_add (self->updates, update);

  g_application_hold (G_APPLICATION (self));
  lia_database_open_async (g_file_peek_path (file), LIA_DATABASE_OPEN_DEFAULT,
                           on_updating, update, update->cancellable, on_update_opened, update);
}

static LiaWindow *
find_window_for_file (LiaApplication *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      g_autoptr(GFile) shown = NULL;
      LiaStore *store;

      if (!LIA_IS_WINDOW (l->data))
        continue;

      store = lia_window_get_store (l->data);
      if (store == NULL)
        continue;

      shown = g_file_new_for_path (lia_database_get_path (lia_store_get_database (store)));
      if (g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

/* @is_default: the file is the default database, whose folder is made on
 * first use */
static void
open_file (LiaApplication *self,
           GFile          *file,
           gboolean        is_default)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LiaWindow *window;
  Update *update;

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  update = find_update_for_file (self, file);
  if (update != NULL)
    {
      if (update->window != NULL)
        gtk_window_present (GTK_WINDOW (update->window));
      return;
    }

  path = g_file_get_path (file);
  if (path != NULL && lia_database_needs_update (path))
    {
      start_update (self, file);
      return;
    }
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("‘%s’ is not a file on this computer. Liaison opens database files on this computer only."),
                   uri);
    }
  else
    {
      if (is_default)
        database = lia_database_open_default (&error);
      else
        database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
      if (database != NULL)
        store = lia_store_new (database);
    }

  if (store == NULL)
    g_debug ("Cannot open %s: %s", path ? path : "(not a local file)", error->message);

  window = lia_window_new (ADW_APPLICATION (self), store, error);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * lia_application_open_database:
 * @self: a #LiaApplication
 * @path: the database file
 *
 * Presents the window that shows @path, or opens a new one; a file that
 * cannot be opened gets a window that says why.
 */
void
lia_application_open_database (LiaApplication *self,
                               const char     *path)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (LIA_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  file = g_file_new_for_path (path);
  open_file (self, file, FALSE);
}

static void
lia_application_activate (GApplication *application)
{
  LiaApplication *self = LIA_APPLICATION (application);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = lia_database_get_default_path ();
  file = g_file_new_for_path (path);
  open_file (self, file, TRUE);
}

static void
lia_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  LiaApplication *self = LIA_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    open_file (self, files[i], FALSE);
}

static void
lia_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  LiaApplication *self = user_data;
  GList *windows;

  /* Destroying the windows lets each one finish (and save its size). */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

static void
lia_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  LiaApplication *self = user_data;
  static const char *developers[] = { "The Liaison Authors", NULL };
  GtkWindow *parent;
  GtkWidget *about;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Liaison"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Liaison Authors"),
                        "developers", developers,
                        "copyright", _("© 2026 The Liaison Authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://liaisonapp.org",
                        "issue-url", "https://liaisonapp.org/issues",
                        "translator-credits", _("translator-credits"),
                        "comments", _("Liaison is the library’s community desk: it keeps every partner "
                                      "organisation, what was agreed with each, every contact with them "
                                      "and the events they run, and publishes the event listings to the "
                                      "library’s website."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
lia_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LiaApplication *self = user_data;
  GtkWindow *parent;

  if (self->preferences_window != NULL)
    {
      gtk_window_present (self->preferences_window);
      return;
    }

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  self->preferences_window = GTK_WINDOW (lia_preferences_window_new (parent));
  g_object_add_weak_pointer (G_OBJECT (self->preferences_window),
                             (gpointer *)&self->preferences_window);
  gtk_window_present (self->preferences_window);
}

static void
on_open_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             LiaApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        open_file (self, file, FALSE);
    }

  g_object_unref (chooser);
}

static void
lia_application_open_database_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  LiaApplication *self = user_data;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_files = gtk_file_filter_new ();
  g_autofree char *default_path = lia_database_get_default_path ();
  g_autofree char *folder_path = g_path_get_dirname (default_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Database"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Liaison Databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_filter_set_name (all_files, _("All Files"));
  gtk_file_filter_add_pattern (all_files, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_files);

  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  /* The chooser holds its own reference until it answers. */
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lia_application_import_spreadsheet_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  LiaApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  LiaStore *store;

  /* Partners go into the database of the window in front; a window that
   * shows why its database could not be opened has none. */
  if (!LIA_IS_WINDOW (window) || (store = lia_window_get_store (LIA_WINDOW (window))) == NULL)
    return;

  gtk_window_present (GTK_WINDOW (lia_import_dialog_new (window, store)));
}

/* The window in front (one opened when there is none), for the actions
 * that show a place in it from outside: the notification, the desktop. */
static GtkWindow *
ensure_window (LiaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }

  return window;
}

/* Brings the window to the front, showing what @action_name (a win.
 * action, with @parameter) shows. */
static void
show_in_window (LiaApplication *self,
                const char     *action_name,
                GVariant       *parameter)
{
  GtkWindow *window = ensure_window (self);

  if (window == NULL)
    return;

  gtk_widget_activate_action_variant (GTK_WIDGET (window), action_name, parameter);
  gtk_window_present (window);
}

/* The notification's action: the window in front, on its Today page. */
static void
lia_application_show_today_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  show_in_window (user_data, "win.show-area", g_variant_new_string ("today"));
}

/* An area of the sidebar by its name ("today", "partners", "events",
 * "publish", "overview", "trash"), the month view of the events, or a
 * partner by id: what the window shows, reachable from outside over the
 * session bus (org.gtk.Actions). */
static void
lia_application_show_area_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  show_in_window (user_data, "win.show-area", parameter);
}

static void
lia_application_show_month_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  show_in_window (user_data, "win.show-month", NULL);
}

static void
lia_application_show_partner_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  show_in_window (user_data, "win.show-partner", parameter);
}

static const GActionEntry app_actions[] = {
  { "open-database", lia_application_open_database_action },
  { "show-today", lia_application_show_today_action },
  { "show-area", lia_application_show_area_action, "s" },
  { "show-month", lia_application_show_month_action },
  { "show-partner", lia_application_show_partner_action, "x" },
  { "import-spreadsheet", lia_application_import_spreadsheet_action },
  { "quit", lia_application_quit_action },
  { "about", lia_application_about_action },
  { "preferences", lia_application_preferences_action },
};

static void
lia_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", "<Control>slash", NULL };

  /* AdwApplication loads style.css and the style manager follows the
   * system's colour scheme. */
  G_APPLICATION_CLASS (lia_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "app.open-database", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "app.import-spreadsheet", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                         "win.show-help-overlay", shortcuts_accels);
}

static void
lia_application_dispose (GObject *object)
{
  LiaApplication *self = (LiaApplication *)object;

  if (self->preferences_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preferences_window),
                                    (gpointer *)&self->preferences_window);
      self->preferences_window = NULL;
    }
  g_clear_pointer (&self->updates, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_application_parent_class)->dispose (object);
}

static void
lia_application_class_init (LiaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lia_application_dispose;

  app_class->local_command_line = lia_application_local_command_line;
  app_class->startup = lia_application_startup;
  app_class->activate = lia_application_activate;
  app_class->open = lia_application_open;
}

static void
lia_application_init (LiaApplication *self)
{
  self->updates = g_ptr_array_new_with_free_func ((GDestroyNotify)update_free);
  self->update_window_delay = UPDATE_WINDOW_DELAY_US;
}

/* For tests: show the update window at the first word of an update. */
void
_lia_application_set_update_window_delay (LiaApplication *self,
                                          GTimeSpan       delay)
{
  g_return_if_fail (LIA_IS_APPLICATION (self));

  self->update_window_delay = delay;
}

LiaApplication *
lia_application_new (void)
{
  return g_object_new (LIA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
