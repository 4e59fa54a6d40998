/* test-events-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Events area in a real window on a real database file: a recurring
 * event made in the editor shows its occurrences in the agenda and the
 * month view; the rule reads in plain words with its next dates; filters
 * and search narrow both views; a day clicked in the month opens its
 * agenda; the empty state.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-agenda.h"
#include "lia-database.h"
#include "lia-editor-util.h"
#include "lia-event-editor.h"
#include "lia-events-page.h"
#include "lia-month-view.h"
#include "lia-settings.h"
#include "lia-store.h"
#include "lia-window.h"
#include "lia-test-util.h"
#include "lia-test-widgets.h"

typedef struct
{
  char      *dir;
  char      *path;
  LiaStore  *store;
  LiaWindow *window;
  gint64     now;
} Fixture;

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

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

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 2, 15, 0, 0);
  GtkStack *area_stack;

  /* Times in the tests are Edmonton's. */
  lia_settings_set_library_time_zone (lia_settings_get_default (), "America/Edmonton");

  fixture->dir = lia_test_make_temp_dir ("events-page");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);
  database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (database);
  fixture->now = g_date_time_to_unix (now);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
  g_assert_true (lia_store_set_welcome_done (fixture->store, &error));
  g_assert_no_error (error);

  fixture->window = lia_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (is_mapped, fixture->window, "the window is on screen");

  area_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LIA_TYPE_WINDOW, "area_stack"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "events"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), ==, "events");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer weak = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (lia_test_is_null, &weak, "the window is finalized");

  g_assert_finalize_object (fixture->store);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static LiaEventsPage *
get_page (Fixture *fixture)
{
  GtkStack *area_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                   LIA_TYPE_WINDOW, "area_stack"));

  return LIA_EVENTS_PAGE (gtk_stack_get_child_by_name (area_stack, "events"));
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (get_page (fixture)), LIA_TYPE_EVENTS_PAGE, name);
}

static gpointer
editor_child (LiaEventEditor *editor,
              const char     *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_EVENT_EDITOR, name);
}

static LiaEventEditor *
find_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LIA_IS_EVENT_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* The titles of the agenda's events, in order, read from the model the
 * list view shows; reading it to the end loads every window. */
static GPtrArray *
agenda_titles (Fixture    *fixture,
               const char *title)
{
  GtkListView *view = lia_events_page_get_agenda_view (get_page (fixture));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  GPtrArray *starts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaAgendaItem) item = g_list_model_get_item (model, i);
      const LiaEventOccurrence *occurrence = lia_agenda_item_get_occurrence (item);

      /* Asked for its last items, the model reads on. */
      iterate ();
      if (occurrence != NULL && g_strcmp0 (occurrence->title, title) == 0)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (occurrence->start_utc);
          g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Edmonton");
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

          g_ptr_array_add (starts, g_date_time_format (local, "%Y-%m-%d %H:%M"));
        }
    }

  return starts;
}

static void
fill_editor (LiaEventEditor *editor)
{
  gtk_editable_set_text (editor_child (editor, "title_row"), "Homework Club");
  gtk_editable_set_text (editor_child (editor, "start_day_row"), "2026-11-10");
  gtk_editable_set_text (editor_child (editor, "start_time_row"), "15:30");
  gtk_editable_set_text (editor_child (editor, "end_time_row"), "17:00");
  gtk_editable_set_text (editor_child (editor, "venue_name_row"), "Riverbend Branch");
  /* Every 2 weeks on Tuesday, 5 times. */
  adw_combo_row_set_selected (editor_child (editor, "repeat_row"), 2);
  gtk_spin_button_set_value (editor_child (editor, "interval_spin"), 2);
  adw_combo_row_set_selected (editor_child (editor, "ends_row"), 2);
  gtk_spin_button_set_value (editor_child (editor, "count_spin"), 5);
}

static void
test_events_page_recurring_event (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GError) error = NULL;
  LiaEventEditor *editor;
  AdwActionRow *summary;
  LiaMonthView *month_view;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "agenda_stack")), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "events.new", NULL));
  iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  fill_editor (editor);
  iterate ();

  /* The rule in words, with its next dates. */
  g_assert_true (lia_event_editor_get_valid (editor));
  summary = editor_child (editor, "recurrence_summary_row");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (summary)), "Every 2 weeks on Tuesday"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (summary)), "5 times"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (summary), "Tue 10 Nov 2026"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (summary), "Tue 24 Nov 2026"));

  g_assert_true (lia_event_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  /* Its five dates in the agenda, at 15:30 Edmonton time each. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "agenda_stack")), ==, "list");
  starts = agenda_titles (fixture, "Homework Club");
  g_assert_cmpuint (starts->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (starts, 0), ==, "2026-11-10 15:30");
  g_assert_cmpstr (g_ptr_array_index (starts, 1), ==, "2026-11-24 15:30");
  g_assert_cmpstr (g_ptr_array_index (starts, 4), ==, "2027-01-05 15:30");

  /* And in the month view: November holds two, January one. */
  month_view = page_child (fixture, "month_view");
  gtk_toggle_button_set_active (page_child (fixture, "month_button"), TRUE);
  lia_month_view_set_month (month_view, 2026, 11);
  /* The grid shows six weeks: 26 Oct to 6 Dec. */
  g_assert_cmpuint (lia_month_view_get_n_occurrences (month_view), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "events.next-month", NULL));
  /* 30 Nov to 10 Jan: 8 and 22 Dec, 5 Jan. */
  g_assert_cmpuint (lia_month_view_get_n_occurrences (month_view), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "events.next-month", NULL));
  /* 28 Dec to 7 Feb: 5 Jan. */
  g_assert_cmpuint (lia_month_view_get_n_occurrences (month_view), ==, 1);
}

static LiaEvent *
add_event (Fixture        *fixture,
           const char     *title,
           const char     *dtstart,
           LiaEventStatus  status,
           gboolean        promote)
{
  g_autoptr(LiaEvent) event = lia_event_new ();
  g_autoptr(GError) error = NULL;

  lia_event_set_title (event, title);
  lia_event_set_dtstart (event, dtstart);
  lia_event_set_tzid (event, "America/Edmonton");
  lia_event_set_status (event, status);
  lia_event_set_promote (event, promote);
  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&event);
}

static void
test_events_page_filters (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LiaEvent) a = add_event (fixture, "Seed Library Swap", "2026-11-05T10:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE);
  g_autoptr(LiaEvent) b = add_event (fixture, "Board Games Night", "2026-11-06T18:00:00", LIA_EVENT_STATUS_DRAFT, FALSE);
  g_autoptr(LiaEvent) c = add_event (fixture, "Seed Starting Workshop", "2026-11-20T13:00:00", LIA_EVENT_STATUS_CONFIRMED, FALSE);
  g_autoptr(GPtrArray) seen = NULL;
  GtkDropDown *status;

  iterate ();
  g_clear_pointer (&seen, g_ptr_array_unref);
  seen = agenda_titles (fixture, "Board Games Night");
  g_assert_cmpuint (seen->len, ==, 1);

  /* Search by word beginning. */
  gtk_editable_set_text (page_child (fixture, "search_entry"), "seed");
  /* search-changed comes after a delay; emit it at once. */
  g_signal_emit_by_name (page_child (fixture, "search_entry"), "search-changed");
  iterate ();
  g_clear_pointer (&seen, g_ptr_array_unref);
  seen = agenda_titles (fixture, "Board Games Night");
  g_assert_cmpuint (seen->len, ==, 0);
  g_clear_pointer (&seen, g_ptr_array_unref);
  seen = agenda_titles (fixture, "Seed Starting Workshop");
  g_assert_cmpuint (seen->len, ==, 1);

  /* Drafts only, with the search cleared: the board games. */
  gtk_editable_set_text (page_child (fixture, "search_entry"), "");
  g_signal_emit_by_name (page_child (fixture, "search_entry"), "search-changed");
  status = GTK_DROP_DOWN (gtk_grid_get_child_at (page_child (fixture, "filter_grid"), 1, 1));
  gtk_drop_down_set_selected (status, 1 + LIA_EVENT_STATUS_DRAFT);
  iterate ();
  g_clear_pointer (&seen, g_ptr_array_unref);
  seen = agenda_titles (fixture, "Board Games Night");
  g_assert_cmpuint (seen->len, ==, 1);
  g_clear_pointer (&seen, g_ptr_array_unref);
  seen = agenda_titles (fixture, "Seed Library Swap");
  g_assert_cmpuint (seen->len, ==, 0);

  /* One partner's events: the library's own are left out. */
  gtk_drop_down_set_selected (status, 0);
  {
    g_autoptr(LiaPartner) partner = lia_partner_new ();
    g_autoptr(LiaEvent) theirs = NULL;
    g_autoptr(GError) error = NULL;
    GtkDropDown *partners = GTK_DROP_DOWN (gtk_grid_get_child_at (page_child (fixture, "filter_grid"), 1, 0));

    lia_partner_set_name (partner, "Maple Garden Club");
    g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
    g_assert_no_error (error);
    theirs = lia_event_new ();
    lia_event_set_title (theirs, "Seed Swap at the Garden");
    lia_event_set_dtstart (theirs, "2026-11-08T11:00:00");
    lia_event_set_tzid (theirs, "America/Edmonton");
    lia_event_set_partner_id (theirs, lia_partner_get_id (partner));
    g_assert_true (lia_store_save_event (fixture->store, theirs, &error));
    g_assert_no_error (error);

    /* The filter reads the partners when it is shown. */
    gtk_menu_button_popup (page_child (fixture, "filter_button"));
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (partners)), ==, 3);
    gtk_drop_down_set_selected (partners, 2);
    gtk_menu_button_popdown (page_child (fixture, "filter_button"));
    iterate ();
    g_clear_pointer (&seen, g_ptr_array_unref);
    seen = agenda_titles (fixture, "Seed Swap at the Garden");
    g_assert_cmpuint (seen->len, ==, 1);
    g_clear_pointer (&seen, g_ptr_array_unref);
    seen = agenda_titles (fixture, "Board Games Night");
    g_assert_cmpuint (seen->len, ==, 0);

    /* The library's own: the board games, not the garden. */
    gtk_drop_down_set_selected (partners, 1);
    iterate ();
    g_clear_pointer (&seen, g_ptr_array_unref);
    seen = agenda_titles (fixture, "Board Games Night");
    g_assert_cmpuint (seen->len, ==, 1);
    g_clear_pointer (&seen, g_ptr_array_unref);
    seen = agenda_titles (fixture, "Seed Swap at the Garden");
    g_assert_cmpuint (seen->len, ==, 0);
    gtk_drop_down_set_selected (partners, 0);
  }

  /* Nothing matches: the empty state says so. */
  gtk_editable_set_text (page_child (fixture, "search_entry"), "zzyzx");
  g_signal_emit_by_name (page_child (fixture, "search_entry"), "search-changed");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "agenda_stack")), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (page_child (fixture, "empty_page")), ==, "No Matching Events");
}

static void
test_events_page_month_day (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaEvent) a = add_event (fixture, "Early Event", "2026-11-05T10:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE);
  g_autoptr(LiaEvent) b = add_event (fixture, "Late Event", "2026-11-25T10:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE);
  GtkListView *view = lia_events_page_get_agenda_view (get_page (fixture));
  g_autoptr(LiaAgendaItem) first = NULL;
  LiaMonthView *month_view = page_child (fixture, "month_view");

  gtk_toggle_button_set_active (page_child (fixture, "month_button"), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "view_stack")), ==, "month");
  g_signal_emit_by_name (month_view, "day-activated", "2026-11-20");
  iterate ();

  /* The agenda from that day: the later event first. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "view_stack")), ==, "agenda");
  first = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), 1);
  g_assert_nonnull (first);
  g_assert_cmpstr (lia_agenda_item_get_occurrence (first)->title, ==, "Late Event");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

static gboolean
no_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIAISON_TEST_DATA"), "ical", name, NULL);

  return g_file_new_for_path (path);
}

static gint64
count_events (Fixture *fixture)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = lia_store_list_events (fixture->store, 0, &error);
  g_assert_no_error (error);

  return events->len;
}

/* Import Calendar: a preview first, then the events; twice changes
 * nothing; a broken file says why and writes nothing; Export writes what
 * the board shows. */
static void
test_events_page_import_export (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) google = fixture_file ("google.ics");
  g_autoptr(GFile) malformed = fixture_file ("malformed.ics");
  g_autofree char *out_path = g_build_filename (fixture->dir, "out.ics", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  AdwMessageDialog *dialog;

  dialog = lia_events_page_import_file (get_page (fixture), google);
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "4 new, 0 to update"));
  g_assert_cmpint (count_events (fixture), ==, 0);
  adw_message_dialog_response (dialog, "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  /* Four VEVENTs: a series, its moved date (an override, not listed on
   * its own) and two single events. */
  g_assert_cmpint (count_events (fixture), ==, 3);
  seen = agenda_titles (fixture, "Author Talk: Prairie Stories");
  g_assert_cmpuint (seen->len, ==, 1);

  /* The same file again: nothing to import. */
  dialog = lia_events_page_import_file (get_page (fixture), google);
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "0 new, 0 to update"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  /* Emitting a response does not close the dialog as its button does. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lia_test_iterate_until (no_dialog, NULL, "the preview closes");

  /* A broken file: no preview, nothing written. */
  g_assert_null (lia_events_page_import_file (get_page (fixture), malformed));
  g_assert_null (find_message_dialog ());
  g_assert_cmpint (count_events (fixture), ==, 3);

  g_assert_true (lia_events_page_export_file (get_page (fixture), out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &exported, NULL, &error));
  g_assert_true (g_str_has_prefix (exported, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (exported, "SUMMARY:Author Talk: Prairie Stories"));
}

/* The agenda position of the occurrence of @title that starts on @day
 * ('YYYY-MM-DD', Edmonton), or -1. */
static int
find_position (Fixture    *fixture,
               const char *title,
               const char *day)
{
  GtkListView *view = lia_events_page_get_agenda_view (get_page (fixture));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaAgendaItem) item = g_list_model_get_item (model, i);
      const LiaEventOccurrence *occurrence = lia_agenda_item_get_occurrence (item);

      iterate ();
      if (occurrence != NULL && g_str_has_prefix (occurrence->title, title))
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (occurrence->start_utc);
          g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Edmonton");
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
          g_autofree char *start = g_date_time_format (local, "%Y-%m-%d");

          if (g_str_equal (start, day))
            return (int)i;
        }
    }

  return -1;
}

static AdwMessageDialog *
activate_in_agenda (Fixture    *fixture,
                    const char *title,
                    const char *day)
{
  GtkListView *view = lia_events_page_get_agenda_view (get_page (fixture));
  int position = find_position (fixture, title, day);
  AdwMessageDialog *dialog;

  g_assert_cmpint (position, >=, 0);
  g_signal_emit_by_name (view, "activate", (guint)position);
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);

  return dialog;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  lia_test_iterate_until (no_dialog, NULL, "the question closes");
}

/* One date of a repeating event from the agenda: skipped (and back with
 * Undo), or changed on its own, the other dates left as they were. */
static void
test_events_page_one_date (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LiaEvent) series = lia_event_new ();
  g_autoptr(GError) error = NULL;
  LiaEventEditor *editor;
  GtkWidget *undo;

  lia_event_set_title (series, "Chess Club");
  lia_event_set_dtstart (series, "2026-11-04T16:00:00");
  lia_event_set_dtend (series, "2026-11-04T17:30:00");
  lia_event_set_tzid (series, "America/Edmonton");
  lia_event_set_rrule (series, "FREQ=WEEKLY;COUNT=4");
  g_assert_true (lia_store_save_event (fixture->store, series, &error));
  g_assert_no_error (error);
  iterate ();

  /* Skip the 11th; Undo brings it back. */
  answer (activate_in_agenda (fixture, "Chess Club", "2026-11-11"), "skip");
  g_assert_cmpint (find_position (fixture, "Chess Club", "2026-11-11"), ==, -1);
  g_assert_cmpint (find_position (fixture, "Chess Club", "2026-11-18"), >=, 0);
  undo = lia_test_find_widget (GTK_WIDGET (fixture->window), is_undo_button, NULL);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  iterate ();
  g_assert_cmpint (find_position (fixture, "Chess Club", "2026-11-11"), >=, 0);

  /* Change only the 18th: an editor for that date alone. */
  answer (activate_in_agenda (fixture, "Chess Club", "2026-11-18"), "one");
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "repeat_group")));
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "start_day_row")), ==, "2026-11-18");
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "start_time_row")), ==, "16:00");
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "end_time_row")), ==, "17:30");
  gtk_editable_set_text (editor_child (editor, "title_row"), "Chess Club: Tournament");
  gtk_editable_set_text (editor_child (editor, "start_day_row"), "2026-11-19");
  iterate ();
  g_assert_true (lia_event_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  g_assert_cmpint (find_position (fixture, "Chess Club: Tournament", "2026-11-19"), >=, 0);
  g_assert_cmpint (find_position (fixture, "Chess Club", "2026-11-18"), ==, -1);
  g_assert_cmpint (find_position (fixture, "Chess Club", "2026-11-25"), >=, 0);
  g_assert_cmpint (find_position (fixture, "Chess Club", "2026-11-04"), >=, 0);
}

/* An event's image: scaled to at most 2000 pixels and kept as PNG; a file
 * that is not an image changes nothing and says why. */
static void
test_events_page_image (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *png_path = g_build_filename (fixture->dir, "poster.png", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GdkPixbuf) poster = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3000, 1500);
  g_autoptr(LiaEvent) saved = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  LiaEventEditor *editor;
  GBytes *image;

  gdk_pixbuf_fill (poster, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save (poster, png_path, "png", &error, NULL));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (text_path, "not an image at all", -1, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (fixture)), "events.new", NULL));
  iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  gtk_editable_set_text (editor_child (editor, "title_row"), "Poster Workshop");

  g_assert_false (lia_event_editor_load_image_file (editor, text, &error));
  g_assert_error (error, LIA_EDITOR_ERROR, LIA_EDITOR_ERROR_NOT_AN_IMAGE);
  g_clear_error (&error);
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "image_picture")));

  g_assert_true (lia_event_editor_load_image_file (editor, png, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "image_picture")));
  g_assert_true (lia_event_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  {
    g_autoptr(GPtrArray) events = lia_store_list_events (fixture->store, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (events->len, ==, 1);
    saved = g_object_ref (g_ptr_array_index (events, 0));
  }
  image = lia_event_get_image (saved);
  g_assert_nonnull (image);
  texture = gdk_texture_new_from_bytes (image, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2000);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1000);
}

/* An event kept in another zone (imported from Toronto) is edited in its
 * own: saving it from the editor moves nothing. */
static void
test_events_page_other_zone (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LiaEvent) event = lia_event_new ();
  g_autoptr(LiaEvent) saved = NULL;
  g_autoptr(GError) error = NULL;
  LiaEventEditor *editor;

  lia_event_set_title (event, "Toronto author talk");
  lia_event_set_dtstart (event, "2026-12-10T19:00:00");
  lia_event_set_dtend (event, "2026-12-10T20:30:00");
  lia_event_set_tzid (event, "America/Toronto");
  lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);

  editor = lia_event_editor_new (GTK_WINDOW (fixture->window), fixture->store, 0, event);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "start_time_row")), ==, "19:00");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (editor_child (editor, "when_group"))),
                   ==, "America/Toronto");
  gtk_editable_set_text (editor_child (editor, "title_row"), "Toronto author talk (signing)");
  g_assert_true (lia_event_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  saved = lia_store_get_event (fixture->store, lia_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_event_get_title (saved), ==, "Toronto author talk (signing)");
  g_assert_cmpstr (lia_event_get_tzid (saved), ==, "America/Toronto");
  g_assert_cmpstr (lia_event_get_dtstart (saved), ==, "2026-12-10T19:00:00");
  g_assert_cmpint (lia_event_get_start_utc (saved), ==, lia_event_get_start_utc (event));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/events-page/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("recurring-event", test_events_page_recurring_event);
  ADD ("filters", test_events_page_filters);
  ADD ("month-day", test_events_page_month_day);
  ADD ("import-export", test_events_page_import_export);
  ADD ("one-date", test_events_page_one_date);
  ADD ("image", test_events_page_image);
  ADD ("other-zone", test_events_page_other_zone);

  return g_test_run ();
}
