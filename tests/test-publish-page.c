/* test-publish-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Publish area in a real window on a real database file, with a
 * folder target in a temporary folder: added through the editor (checked
 * as it is typed), previewed, published (the files are there and the row
 * says so), previewed again (nothing to do); a file edited by hand is a
 * conflict, shown with both texts, and Keep Ours writes ours back; a
 * missing folder stops the run with a banner naming the target; Today
 * lists what waits and what failed. A target that signs in asks for its
 * password before anything is sent, and Cancel stops a run that waits on
 * a server.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lia-attention.h"
#include "lia-conflict-dialog.h"
#include "lia-database.h"
#include "lia-publish-job.h"
#include "lia-publish-page.h"
#include "lia-publish-plan.h"
#include "lia-settings.h"
#include "lia-store.h"
#include "lia-target-editor.h"
#include "lia-target.h"
#include "lia-today-page.h"
#include "lia-window.h"
#include "lia-test-util.h"
#include "lia-test-widgets.h"

#define TARGET_NAME "Library website"

typedef struct
{
  char      *dir;
  char      *path;
  char      *site;
  LiaStore  *store;
  LiaWindow *window;
  GPtrArray *events;  /* LiaEvent */
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  /* A window's pages read the store once it is on screen. */
  return gtk_widget_get_mapped (data) && (!LIA_IS_WINDOW (data) || lia_window_get_loaded (data));
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A promoted website event @days from now. */
static LiaEvent *
add_event (Fixture    *fixture,
           const char *title,
           int         days)
{
  g_autoptr(LiaEvent) event = lia_event_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autofree char *dtstart = g_date_time_format (day, "%Y-%m-%dT10:00:00");

  lia_event_set_title (event, title);
  lia_event_set_description (event, "Everyone is welcome.");
  lia_event_set_venue_name (event, "Main Branch");
  lia_event_set_dtstart (event, dtstart);
  lia_event_set_tzid (event, "UTC");
  lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_promote (event, TRUE);
  lia_event_set_channels (event, LIA_CHANNEL_WEBSITE);
  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&event);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  lia_settings_set_library_time_zone (lia_settings_get_default (), "UTC");
  lia_settings_set_library_name (lia_settings_get_default (), "Maple Public Library");

  fixture->dir = lia_test_make_temp_dir ("publish-page");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->site = g_build_filename (fixture->dir, "site", NULL);
  g_assert_cmpint (g_mkdir (fixture->site, 0700), ==, 0);
  database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (database);
  g_assert_true (lia_store_set_welcome_done (fixture->store, &error));
  g_assert_no_error (error);

  fixture->events = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->events, add_event (fixture, "Seed Library Swap", 3));
  g_ptr_array_add (fixture->events, add_event (fixture, "Board Games Night", 5));
  g_ptr_array_add (fixture->events, add_event (fixture, "Storytime in the Park", 9));

  fixture->window = lia_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (is_mapped, fixture->window, "the window is on screen");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "publish"));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer weak = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (lia_test_is_null, &weak, "the window is finalized");

  g_ptr_array_unref (fixture->events);
  g_assert_finalize_object (fixture->store);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->site);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gpointer
window_child (Fixture    *fixture,
              const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LIA_TYPE_WINDOW, name);
}

static LiaPublishPage *
get_page (Fixture *fixture)
{
  return LIA_PUBLISH_PAGE (gtk_stack_get_child_by_name (window_child (fixture, "area_stack"), "publish"));
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (get_page (fixture)), LIA_TYPE_PUBLISH_PAGE, name);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
no_editor (gpointer data)
{
  return find_toplevel (LIA_TYPE_TARGET_EDITOR) == NULL;
}

static gboolean
no_conflict_dialog (gpointer data)
{
  return find_toplevel (LIA_TYPE_CONFLICT_DIALOG) == NULL;
}

static gboolean
is_idle (gpointer data)
{
  return !lia_publish_page_get_busy (data);
}

static void
wait_idle (Fixture    *fixture,
           const char *what)
{
  iterate ();
  lia_test_iterate_until (is_idle, get_page (fixture), what);
  iterate ();
}

static LiaTarget *
load_target (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  LiaTarget *target = lia_target_load (lia_store_get_database (fixture->store), TARGET_NAME, &error);

  g_assert_no_error (error);
  g_assert_nonnull (target);

  return target;
}

static GtkListBoxRow *
find_row (GtkListBox *list,
          const char *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
      return row;

  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static const char *
target_state (Fixture *fixture)
{
  GtkListBoxRow *row = find_row (page_child (fixture, "targets_list"), TARGET_NAME);

  g_assert_nonnull (row);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gpointer
editor_child (GtkWindow  *editor,
              const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_TARGET_EDITOR, name);
}

/* Through the editor, as a coordinator would. */
static void
add_folder_target (Fixture *fixture)
{
  GtkWindow *editor;
  GtkWidget *save;
  GtkLabel *error_label;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "publish.add-target", NULL));
  editor = find_toplevel (LIA_TYPE_TARGET_EDITOR);
  g_assert_nonnull (editor);
  save = editor_child (editor, "save_button");
  error_label = editor_child (editor, "error_label");

  /* Nothing typed: nothing to save, and no reproach yet. */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* A folder without a name: the name is what is missing. */
  g_assert_cmpuint (adw_combo_row_get_selected (editor_child (editor, "kind_row")), ==, 0);
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "sign_in_group")));
  gtk_editable_set_text (editor_child (editor, "url_row"), fixture->site);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "name"));

  /* A web address as a WebDAV target that is not one: refused as typed. */
  adw_combo_row_set_selected (editor_child (editor, "kind_row"), 1);
  gtk_editable_set_text (editor_child (editor, "name_row"), TARGET_NAME);
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "sign_in_group")));
  g_assert_false (gtk_widget_get_sensitive (save));

  adw_combo_row_set_selected (editor_child (editor, "kind_row"), 0);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  gtk_widget_activate (save);
  lia_test_iterate_until (no_editor, NULL, "the editor closes");
  iterate ();
}

static gint64
publish (Fixture *fixture)
{
  g_autoptr(LiaTarget) target = load_target (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "publish.publish", "x", target->id));
  g_assert_true (lia_publish_page_get_busy (get_page (fixture)));
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "progress_box")));
  wait_idle (fixture, "the run ends");
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "progress_box")));

  return target->id;
}

static const LiaPublishPlan *
preview (Fixture *fixture)
{
  g_autoptr(LiaTarget) target = load_target (fixture);
  const LiaPublishPlan *plan;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "publish.preview", "x", target->id));
  wait_idle (fixture, "the plan is made");
  plan = lia_publish_page_get_plan (get_page (fixture));
  g_assert_nonnull (plan);
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "plan_group")));

  return plan;
}

static char *
read_site_file (Fixture    *fixture,
                const char *name)
{
  g_autofree char *path = g_build_filename (fixture->site, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static const char *files[] = {
  LIA_FEED_ICS, LIA_FEED_JSON, LIA_FEED_JSONLD, LIA_FEED_RSS, LIA_FEED_DIRECTORY,
};

/* Add, preview, publish, preview again. */
static void
test_publish_page_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkStack *stack = page_child (fixture, "stack");
  const LiaPublishPlan *plan;
  g_autofree char *ics = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (fixture, "area_stack")), ==, "publish");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  add_folder_target (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "targets");
  g_assert_cmpuint (count_rows (page_child (fixture, "targets_list")), ==, 1);
  g_assert_nonnull (strstr (target_state (fixture), "Never published"));
  g_assert_nonnull (strstr (target_state (fixture), "Folder · "));

  /* The plan: every feed file to create, nothing sent yet. */
  plan = preview (fixture);
  g_assert_cmpuint (plan->n_create, ==, G_N_ELEMENTS (files));
  g_assert_cmpuint (plan->n_update + plan->n_delete + plan->n_conflict, ==, 0);
  g_assert_cmpuint (count_rows (page_child (fixture, "plan_list")), ==, G_N_ELEMENTS (files));
  g_assert_cmpstr (adw_preferences_group_get_description (page_child (fixture, "plan_group")), ==,
                   "5 to create");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->site, files[i], NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* Publish Now: the files are there, the row says so, the log has it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "publish.publish-now", NULL));
  wait_idle (fixture, "the run ends");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->site, files[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  ics = read_site_file (fixture, LIA_FEED_ICS);
  g_assert_nonnull (strstr (ics, "Seed Library Swap"));
  g_assert_nonnull (strstr (ics, "Storytime in the Park"));
  g_assert_nonnull (strstr (target_state (fixture), "Published just now"));
  g_assert_null (strstr (target_state (fixture), "waiting"));
  g_assert_null (lia_publish_page_get_plan (get_page (fixture)));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "plan_group")));
  g_assert_false (gtk_info_bar_get_revealed (page_child (fixture, "banner")));
  g_assert_cmpuint (count_rows (page_child (fixture, "log_list")), ==, 1);
  g_assert_cmpuint (lia_publish_page_get_count (get_page (fixture)), ==, 0);

  /* Again: nothing to publish, and nothing to press. */
  plan = preview (fixture);
  g_assert_cmpuint (plan->n_create + plan->n_update + plan->n_delete + plan->n_conflict, ==, 0);
  g_assert_cmpuint (plan->n_unchanged, ==, G_N_ELEMENTS (files));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (page_child (fixture, "plan_group")),
                            "Nothing to publish"));
  g_assert_false (gtk_widget_get_sensitive (page_child (fixture, "publish_now_button")));
}

static gboolean
conflict_texts_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (data, LIA_TYPE_CONFLICT_DIALOG, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static char *
view_text (GtkWindow  *dialog,
           const char *name)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (dialog), LIA_TYPE_CONFLICT_DIALOG, name));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A feed edited by hand is never overwritten silently: both texts, and
 * Keep Ours puts ours back. */
static void
test_publish_page_conflict (Fixture       *fixture,
                            gconstpointer  data)
{
  LiaEvent *event = g_ptr_array_index (fixture->events, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *ics_path = g_build_filename (fixture->site, LIA_FEED_ICS, NULL);
  g_autofree char *edited = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  const LiaPublishPlan *plan;
  GtkListBoxRow *row;
  GtkWindow *dialog;

  add_folder_target (fixture);
  publish (fixture);

  /* Someone edits events.ics on the web server; an event changes here. */
  {
    g_autofree char *before = read_site_file (fixture, LIA_FEED_ICS);

    edited = g_strconcat (before, "X-EDITED-BY-HAND:webmaster\r\n", NULL);
    g_assert_true (g_file_set_contents (ics_path, edited, -1, &error));
    g_assert_no_error (error);
  }
  lia_event_set_title (event, "Board Games Marathon");
  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);

  /* The run sends what it can; events.ics waits for the coordinator. */
  publish (fixture);
  g_assert_nonnull (strstr (target_state (fixture), "1 conflict"));
  g_assert_cmpuint (lia_publish_page_get_count (get_page (fixture)), ==, 1);
  {
    g_autofree char *still = read_site_file (fixture, LIA_FEED_ICS);

    g_assert_cmpstr (still, ==, edited);
  }

  plan = preview (fixture);
  g_assert_cmpuint (plan->n_conflict, ==, 1);
  row = find_row (page_child (fixture, "plan_list"), LIA_FEED_ICS);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Conflict · Calendar feed (iCalendar)");

  /* Both texts side by side. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "publish.resolve", "s", LIA_FEED_ICS));
  dialog = find_toplevel (LIA_TYPE_CONFLICT_DIALOG);
  g_assert_nonnull (dialog);
  lia_test_iterate_until (conflict_texts_shown, dialog, "the texts are read");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                                 LIA_TYPE_CONFLICT_DIALOG,
                                                                                                 "stack"))), ==, "texts");
  ours = view_text (dialog, "ours_view");
  theirs = view_text (dialog, "theirs_view");
  g_assert_nonnull (strstr (ours, "Board Games Marathon"));
  g_assert_null (strstr (ours, "X-EDITED-BY-HAND"));
  g_assert_nonnull (strstr (theirs, "X-EDITED-BY-HAND:webmaster"));
  g_assert_null (strstr (theirs, "Board Games Marathon"));

  /* Keep Ours: the file is ours again, and nothing is left to resolve. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "conflict.keep-ours", NULL));
  lia_test_iterate_until (no_conflict_dialog, NULL, "the conflict dialog closes");
  wait_idle (fixture, "the plan is made again");
  after = read_site_file (fixture, LIA_FEED_ICS);
  g_assert_nonnull (strstr (after, "Board Games Marathon"));
  g_assert_null (strstr (after, "X-EDITED-BY-HAND"));
  plan = lia_publish_page_get_plan (get_page (fixture));
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->n_conflict, ==, 0);
  g_assert_null (strstr (target_state (fixture), "conflict"));
}

static gboolean
has_today_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* The folder is gone: the run stops, a banner names the target and what
 * to do, and Today lists it; changes waiting are listed there too, with
 * a button that opens this area. */
static void
test_publish_page_failure (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *today = gtk_stack_get_child_by_name (window_child (fixture, "area_stack"), "today");
  GtkInfoBar *banner = page_child (fixture, "banner");
  g_autofree char *pending_key = NULL;
  g_autofree char *failed_key = NULL;
  GtkWidget *row;
  gint64 id;

  add_folder_target (fixture);
  {
    g_autoptr(LiaTarget) target = load_target (fixture);

    pending_key = g_strdup_printf ("publish-pending:%" G_GINT64_FORMAT, target->id);
    failed_key = g_strdup_printf ("publish-failed:%" G_GINT64_FORMAT, target->id);
  }

  /* Never published: the events wait, and Today says so. */
  lia_today_page_refresh (LIA_TODAY_PAGE (today));
  row = lia_test_find_widget (today, has_today_row, pending_key);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "3 changes waiting to be published to “Library website”");

  lia_test_remove_tree (fixture->site);
  id = publish (fixture);
  g_assert_true (gtk_info_bar_get_revealed (banner));
  g_assert_nonnull (strstr (gtk_label_get_text (page_child (fixture, "banner_label")), "“" TARGET_NAME "”"));
  g_assert_nonnull (strstr (gtk_label_get_text (page_child (fixture, "banner_label")), "folder"));
  g_assert_nonnull (strstr (target_state (fixture), "Failed just now"));
  g_assert_cmpuint (lia_publish_page_get_count (get_page (fixture)), ==, 1);
  g_assert_cmpuint (count_rows (page_child (fixture, "log_list")), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->site, files[i], NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* Today was told; its button comes back here. */
  iterate ();
  row = lia_test_find_widget (today, has_today_row, failed_key);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            "Publishing to “Library website” failed"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "today"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (fixture, "area_stack")), ==, "today");
  g_assert_true (gtk_widget_activate_action (today, "today.act", "(si)", failed_key,
                                             (int)LIA_ATTENTION_ACTION_OPEN_PUBLISH));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (fixture, "area_stack")), ==, "publish");

  /* The folder is back: publishing works and the banner goes. */
  g_assert_cmpint (g_mkdir (fixture->site, 0700), ==, 0);
  g_assert_cmpint (publish (fixture), ==, id);
  g_assert_false (gtk_info_bar_get_revealed (banner));
  g_assert_nonnull (strstr (target_state (fixture), "Published just now"));
  iterate ();
  g_assert_null (lia_test_find_widget (today, has_today_row, failed_key));
  g_assert_null (lia_test_find_widget (today, has_today_row, pending_key));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

/* A WebDAV target that signs in, at a port where nothing listens. */
static LiaTarget *
add_webdav_target (Fixture *fixture)
{
  LiaTarget *target = lia_target_new ("Library WebDAV", LIA_TARGET_WEBDAV, "http://127.0.0.1:9/events/");
  g_autoptr(GError) error = NULL;

  target->username = g_strdup ("library");
  g_assert_true (lia_target_save (target, lia_store_get_database (fixture->store), &error));
  g_assert_no_error (error);
  lia_publish_page_refresh (get_page (fixture));
  g_assert_nonnull (find_row (page_child (fixture, "targets_list"), "Library WebDAV"));

  return target;
}

/* Publish asks for the password; @password NULL answers Cancel, else
 * Publish with it, not kept in the keyring. */
static void
answer_password (Fixture         *fixture,
                 const LiaTarget *target,
                 const char      *password)
{
  AdwMessageDialog *dialog;
  GtkWidget *box;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "publish.publish", "x", target->id));
  wait_idle (fixture, "the keyring is asked");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Password for “Library WebDAV”");
  box = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_PASSWORD_ENTRY (gtk_widget_get_first_child (box)));

  if (password != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (box)), password);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_last_child (box)), FALSE);
    }

  /* As a button would: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, password != NULL ? "publish" : "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lia_test_iterate_until (no_message_dialog, NULL, "the question closes");
}

/* A target that signs in, with no password kept: asked for before
 * anything is sent; Cancel sends nothing. */
static void
test_publish_page_password (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaTarget) target = add_webdav_target (fixture);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;

  answer_password (fixture, target, NULL);
  iterate ();
  g_assert_false (lia_publish_page_get_busy (get_page (fixture)));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "progress_box")));
  runs = lia_publish_list_runs (lia_store_get_database (fixture->store), target->id, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 0);

  /* A password typed (not kept): the run goes, to a server that is not
   * there, and stops with the target named. */
  answer_password (fixture, target, "s3cret");
  g_assert_true (lia_publish_page_get_busy (get_page (fixture)));
  wait_idle (fixture, "the run gives up");
  g_assert_true (gtk_info_bar_get_revealed (page_child (fixture, "banner")));
  g_assert_nonnull (strstr (gtk_label_get_text (page_child (fixture, "banner_label")), "“Library WebDAV”"));
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = lia_publish_list_runs (lia_store_get_database (fixture->store), target->id, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
}

/* Cancel, while the run waits on a server that does not answer: it
 * stops, says so, and nothing stays busy. */
static void
test_publish_page_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LiaTarget) target = add_webdav_target (fixture);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  gint64 started;

  answer_password (fixture, target, "s3cret");
  g_assert_true (lia_publish_page_get_busy (get_page (fixture)));
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "progress_box")));
  started = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "publish.cancel", NULL));
  wait_idle (fixture, "the run stops");
  /* Well before the retries would have run out. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "progress_box")));
  g_assert_false (gtk_widget_get_sensitive (page_child (fixture, "cancel_button")));

  runs = lia_publish_list_runs (lia_store_get_database (fixture->store), target->id, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (((LiaPublishReport *)g_ptr_array_index (runs, 0))->state, ==, LIA_PUBLISH_RUN_CANCELLED);
  row = find_row (page_child (fixture, "targets_list"), "Library WebDAV");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Cancelled just now"));
  g_assert_false (gtk_info_bar_get_revealed (page_child (fixture, "banner")));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/publish-page/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("folder", test_publish_page_folder);
  ADD ("conflict", test_publish_page_conflict);
  ADD ("failure", test_publish_page_failure);
  ADD ("password", test_publish_page_password);
  ADD ("cancel", test_publish_page_cancel);
#undef ADD

  return g_test_run ();
}
