/* test-application.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LiaApplication run as `liaison` is: which database its window opens,
 * with and without --database, and one window per file.
 */

#include "config.h"

#include <adwaita.h>

#include "lia-application.h"
#include "lia-database-private.h"
#include "lia-sample-data.h"
#include "lia-store.h"
#include "lia-update-window.h"
#include "lia-window.h"
#include "lia-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  GPtrArray   *seen_paths;
  GStrv        seen_titles;
  guint        n_windows;
  gboolean     reopening;
  gboolean     check_actions;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = lia_test_make_temp_dir ("application");
  fixture->path = g_build_filename (fixture->dir, "branch-library.db", NULL);
  fixture->seen_paths = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_ptr_array_unref (fixture->seen_paths);
  g_strfreev (fixture->seen_titles);
}

static gboolean
has_window (gpointer data)
{
  return gtk_application_get_windows (data) != NULL;
}

static const char *
visible_area (GtkWindow *window)
{
  GtkStack *area_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), LIA_TYPE_WINDOW,
                                                                   "area_stack"));

  return gtk_stack_get_visible_child_name (area_stack);
}

/* The actions a desktop (or the benchmarks) can call over the bus show
 * their place in the window. */
static void
check_show_actions (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_nonnull (window);
  g_assert_cmpstr (visible_area (window), ==, "today");

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-area", g_variant_new_string ("partners"));
  g_assert_cmpstr (visible_area (window), ==, "partners");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-month", NULL);
  g_assert_cmpstr (visible_area (window), ==, "events");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-partner", g_variant_new_int64 (1));
  g_assert_cmpstr (visible_area (window), ==, "partners");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-today", NULL);
  g_assert_cmpstr (visible_area (window), ==, "today");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
}

/* Once a window is up, notes what every window shows and quits. */
static void
record_and_quit (GApplication *app,
                 Fixture      *fixture)
{
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();

  lia_test_iterate_until (has_window, app, "a window opens");
  if (fixture->check_actions)
    check_show_actions (app);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      LiaStore *store;

      g_assert_true (LIA_IS_WINDOW (l->data));
      g_strv_builder_add (titles, gtk_window_get_title (l->data));
      store = lia_window_get_store (l->data);
      g_assert_nonnull (store);
      g_ptr_array_add (fixture->seen_paths,
                       g_strdup (lia_database_get_path (lia_store_get_database (store))));
      fixture->n_windows++;
    }
  fixture->seen_titles = g_strv_builder_end (titles);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
on_activate_after_cb (GApplication *app,
                      Fixture      *fixture)
{
  record_and_quit (app, fixture);
}

static void
on_open_after_cb (GApplication  *app,
                  GFile        **files,
                  int            n_files,
                  const char    *hint,
                  Fixture       *fixture)
{
  if (fixture->reopening)
    return;

  /* Asking for the same file again must present the same window. */
  fixture->reopening = TRUE;
  g_application_open (app, files, n_files, hint);
  record_and_quit (app, fixture);
}

static int
run_liaison (Fixture    *fixture,
             const char *first,
             ...)
{
  g_autoptr(LiaApplication) app = lia_application_new ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  /* No session bus here: each run is its own primary instance. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_after_cb), fixture);
  g_signal_connect_after (app, "open", G_CALLBACK (on_open_after_cb), fixture);

  g_ptr_array_add (args, (char *)"liaison");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return g_application_run (G_APPLICATION (app), (int)args->len - 1, (char **)args->pdata);
}

static void
test_database_option (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_cmpint (run_liaison (fixture, "--database", fixture->path, NULL), ==, 0);

  g_assert_cmpuint (fixture->n_windows, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->seen_paths, 0), ==, fixture->path);
  g_assert_cmpstr (fixture->seen_titles[0], ==, "branch-library.db — Liaison");
  /* The window created the file it was asked for, at the current schema. */
  {
    g_autoptr(LiaDatabase) db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, NULL);

    g_assert_nonnull (db);
    g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  }
}

static void
test_default_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *expected = lia_database_get_default_path ();

  g_assert_true (g_str_has_prefix (expected, g_get_user_data_dir ()));
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_liaison (fixture, NULL), ==, 0);

  g_assert_cmpuint (fixture->n_windows, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->seen_paths, 0), ==, expected);
  g_assert_cmpstr (fixture->seen_titles[0], ==, "liaison.db — Liaison");
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_show_actions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;

  lia_sample_data_options_init (&options);
  g_assert_true (lia_sample_data_write (fixture->path, &options, NULL, &error));
  g_assert_no_error (error);

  fixture->check_actions = TRUE;
  g_assert_cmpint (run_liaison (fixture, "--database", fixture->path, NULL), ==, 0);
  g_assert_cmpuint (fixture->n_windows, ==, 1);
}

typedef struct
{
  GPtrArray *added;    /* the windows' type names, in the order they opened */
  gboolean   closed_update_window;
  gboolean   close_update_window;
  gint64     schema_version;
  char      *title;
} UpdateRun;

static gboolean
has_liaison_window (gpointer data)
{
  for (GList *l = gtk_application_get_windows (data); l != NULL; l = l->next)
    if (LIA_IS_WINDOW (l->data))
      return TRUE;

  return FALSE;
}

static gboolean
close_window_cb (gpointer data)
{
  /* GTK closes only a realized window. */
  gtk_widget_realize (data);
  gtk_window_close (data);

  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 UpdateRun      *run)
{
  g_ptr_array_add (run->added, g_strdup (G_OBJECT_TYPE_NAME (window)));
  /* A stopped update opens nothing. */
  g_assert_false (run->close_update_window && LIA_IS_WINDOW (window));
  if (LIA_IS_UPDATE_WINDOW (window) && run->close_update_window)
    {
      /* As the user would, before the update's result is in: that comes
       * at the default priority. */
      g_idle_add_full (G_PRIORITY_HIGH, close_window_cb, g_object_ref (window), g_object_unref);
      run->closed_update_window = TRUE;
    }
}

static void
on_update_open_after_cb (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint,
                         UpdateRun     *run)
{
  GtkWindow *window;

  if (run->close_update_window)
    {
      /* The update stops and nothing else opens: the run ends by itself. */
      return;
    }

  lia_test_iterate_until (has_liaison_window, app, "the file's window opens");
  /* The update window is gone once the file's window is up. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  run->title = g_strdup (gtk_window_get_title (window));
  run->schema_version = lia_database_get_schema_version (lia_store_get_database (lia_window_get_store (LIA_WINDOW (window))));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static int
run_update (Fixture   *fixture,
            UpdateRun *run)
{
  g_autoptr(LiaApplication) app = lia_application_new ();
  const char *argv[] = { "liaison", "--database", fixture->path, NULL };

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  _lia_application_set_update_window_delay (app, 0);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), run);
  g_signal_connect_after (app, "open", G_CALLBACK (on_update_open_after_cb), run);

  return g_application_run (G_APPLICATION (app), 3, (char **)argv);
}

/* A file of schema 6 with a partner and @n_interactions notes of it. */
static void
write_version_6 (Fixture *fixture,
                 guint    n_interactions)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  db = _lia_database_open_at_version (fixture->path, 6, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO partner (id, name, created_at, updated_at)"
                         " VALUES (1, 'Millbrook Seniors Centre', 1, 1);"
                         "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                         " INSERT INTO interaction (partner_id, kind, occurred_at, summary, created_at, updated_at)"
                         " SELECT 1, 'call', i, 'Talked about the pantry, visit ' || i, 1, 1 FROM n;",
                         n_interactions);
  g_assert_true (lia_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* A file of an older version opens after its update, which has its own
 * window while it runs. */
static void
test_update_window (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "branch-library.v6-backup.db", NULL);
  UpdateRun run = { g_ptr_array_new_with_free_func (g_free) };

  write_version_6 (fixture, 1);
  g_assert_true (lia_database_needs_update (fixture->path));

  g_assert_cmpint (run_update (fixture, &run), ==, 0);

  g_assert_cmpuint (run.added->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (run.added, 0), ==, "LiaUpdateWindow");
  g_assert_cmpstr (g_ptr_array_index (run.added, 1), ==, "LiaWindow");
  g_assert_cmpstr (run.title, ==, "branch-library.db — Liaison");
  g_assert_cmpint (run.schema_version, ==, LIA_SCHEMA_VERSION);
  g_assert_false (lia_database_needs_update (fixture->path));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  g_ptr_array_unref (run.added);
  g_free (run.title);
}

/* Closing the update window leaves: no window for the file opens, the
 * update stops and the file stays as it was, without a backup. */
static void
test_update_window_closed (Fixture       *fixture,
                           gconstpointer  data)
{
  UpdateRun run = { g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* An update of about half a second here, against the window closed
   * the moment it shows (a few milliseconds). */
  write_version_6 (fixture, 60000);
  before = lia_test_checksum_file (fixture->path);
  run.close_update_window = TRUE;

  g_assert_cmpint (run_update (fixture, &run), ==, 0);

  g_assert_true (run.closed_update_window);
  g_assert_cmpuint (run.added->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (run.added, 0), ==, "LiaUpdateWindow");
  after = lia_test_checksum_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (lia_test_count_files (fixture->dir), ==, 1);
  g_assert_true (lia_database_needs_update (fixture->path));

  g_ptr_array_unref (run.added);
}

static void
test_usage_error_opens_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_assert_cmpint (run_liaison (fixture, "--database", fixture->path, "frobnicate", NULL), ==, 2);
  g_assert_cmpuint (fixture->n_windows, ==, 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = lia_test_make_temp_dir ("application-data");
  int ret;

  /* GLib caches the user data folder: set it before anything reads it. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/application/database-option", test_database_option);
  ADD ("/application/default-database", test_default_database);
  ADD ("/application/usage-error-opens-nothing", test_usage_error_opens_nothing);
  ADD ("/application/show-actions", test_show_actions);
  ADD ("/application/update-window", test_update_window);
  ADD ("/application/update-window-closed", test_update_window_closed);
#undef ADD

  ret = g_test_run ();
  lia_test_remove_tree (data_home);

  return ret;
}
