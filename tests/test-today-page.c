/* test-today-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Today area in a real window on a real database file: its groups and
 * the sidebar's count, each action clicked on a row and the item leaving
 * (and coming back after a snooze), Undo, the empty state, and the desktop
 * notification at start, received by a notification server on the test's
 * own session bus (the test runs under dbus-run-session).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-application.h"
#include "lia-contact-logger.h"
#include "lia-attention.h"
#include "lia-database.h"
#include "lia-partners-page.h"
#include "lia-store.h"
#include "lia-today-page.h"
#include "lia-window.h"
#include "lia-test-util.h"
#include "lia-test-widgets.h"

#define DAY (24 * 60 * 60)

typedef struct
{
  char      *dir;
  char      *path;
  LiaStore  *store;
  LiaWindow *window;
  gint64     now;
  gint64     riverbend_id;   /* partner-sends, stale */
  gint64     oak_street_id;  /* library-asks, stale */
  gint64     maple_id;       /* up to date, with a follow-up, a promise and an agreement */
  gint64     follow_up_id;
  gint64     expectation_id;
  gint64     agreement_id;
} Fixture;

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

static gint64
unix_noon (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (date_time);
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

static gboolean
is_mapped (gpointer data)
{
  /* A window's pages read the store once it is on screen. */
  return gtk_widget_get_mapped (data) && (!LIA_IS_WINDOW (data) || lia_window_get_loaded (data));
}

static gint64
add_partner (Fixture       *fixture,
             const char    *name,
             LiaUpkeepMode  mode,
             int            cadence_days,
             int            verified_days_ago)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  lia_partner_set_upkeep_mode (partner, mode);
  lia_partner_set_cadence_days (partner, cadence_days);
  lia_partner_set_info_verified_at (partner, fixture->now - verified_days_ago * DAY);
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(LiaExpectation) expectation = lia_expectation_new ();
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = lia_test_make_temp_dir ("today-page");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);

  database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (database);
  fixture->now = unix_noon (2026, 3, 2);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
  g_assert_true (lia_store_set_welcome_done (fixture->store, &error));
  g_assert_no_error (error);

  /* Stale since 21 Feb and 21 Feb: verified 40 days ago every 30, and
   * 100 days ago every 90. */
  fixture->riverbend_id = add_partner (fixture, "Riverbend Food Bank",
                                       LIA_UPKEEP_MODE_PARTNER_SENDS, 30, 40);
  fixture->oak_street_id = add_partner (fixture, "Oak Street Community Garden",
                                        LIA_UPKEEP_MODE_LIBRARY_ASKS, 90, 100);
  fixture->maple_id = add_partner (fixture, "Maple Literacy Council",
                                   LIA_UPKEEP_MODE_LIBRARY_ASKS, 90, 0);

  g_object_set (contact, "partner-id", fixture->riverbend_id, "name", "Dana Ortiz",
                "email", "dana@riverbend.example", "is-primary", TRUE, NULL);
  g_assert_true (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);

  lia_interaction_set_partner_id (interaction, fixture->maple_id);
  lia_interaction_set_kind (interaction, LIA_INTERACTION_KIND_CALL);
  lia_interaction_set_occurred_at (interaction, fixture->now - 10 * DAY);
  lia_interaction_set_summary (interaction, "Asked about tutors for the spring");
  lia_interaction_set_follow_up_on (interaction, "2026-03-01");
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  fixture->follow_up_id = lia_interaction_get_id (interaction);

  lia_expectation_set_partner_id (expectation, fixture->maple_id);
  lia_expectation_set_direction (expectation, LIA_DIRECTION_PARTNER_PROVIDES);
  lia_expectation_set_what (expectation, "monthly tutoring schedule");
  lia_expectation_set_cadence_days (expectation, 30);
  lia_expectation_set_next_due_on (expectation, "2026-02-27");
  g_assert_true (lia_store_save_expectation (fixture->store, expectation, &error));
  g_assert_no_error (error);
  fixture->expectation_id = lia_expectation_get_id (expectation);

  lia_agreement_set_partner_id (agreement, fixture->maple_id);
  lia_agreement_set_title (agreement, "Tutoring space");
  lia_agreement_set_starts_on (agreement, "2025-04-02");
  lia_agreement_set_ends_on (agreement, "2026-04-01");
  g_assert_true (lia_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);
  fixture->agreement_id = lia_agreement_get_id (agreement);
}

static void
open_window (Fixture        *fixture,
             AdwApplication *application)
{
  fixture->window = lia_window_new (application, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (is_mapped, fixture->window, "the window is on screen");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gpointer weak = fixture->window;

      g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      lia_test_iterate_until (lia_test_is_null, &weak, "the window is finalized");
    }

  g_assert_finalize_object (fixture->store);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gpointer
get_child (LiaWindow  *window,
           const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), LIA_TYPE_WINDOW, name);
}

static LiaTodayPage *
get_page (Fixture *fixture)
{
  GtkStack *area_stack = get_child (fixture->window, "area_stack");

  return LIA_TODAY_PAGE (gtk_stack_get_child_by_name (area_stack, "today"));
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_row_named (GtkWidget     *widget,
              gconstpointer  name)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *key)
{
  return lia_test_find_widget (GTK_WIDGET (get_page (fixture)), is_row_named, key);
}

/* The row's own button: what a coordinator clicks. */
static void
click_primary (Fixture    *fixture,
               const char *key,
               const char *label)
{
  GtkWidget *row = find_row (fixture, key);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = lia_test_find_widget (row, is_button_labelled, label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static void
click_undo (Fixture *fixture)
{
  GtkWidget *undo;

  iterate ();
  undo = lia_test_find_widget (GTK_WIDGET (fixture->window), is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  /* "clicked" at once: gtk_widget_activate() clicks after a short animation. */
  g_signal_emit_by_name (undo, "clicked");
  iterate ();
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

static char *
row_text (GtkWidget *row)
{
  return g_strdup_printf ("%s | %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) ?: "");
}

static void
test_today_lists_items (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *stale_key = g_strdup_printf ("stale:%" G_GINT64_FORMAT, fixture->riverbend_id);
  g_autofree char *asks_key = g_strdup_printf ("stale:%" G_GINT64_FORMAT, fixture->oak_street_id);
  g_autofree char *follow_up_key = g_strdup_printf ("follow-up:%" G_GINT64_FORMAT, fixture->follow_up_id);
  g_autofree char *agreement_key = g_strdup_printf ("agreement:%" G_GINT64_FORMAT, fixture->agreement_id);
  g_autofree char *expectation_key = g_strdup_printf ("expectation:%" G_GINT64_FORMAT ":2026-02-27",
                                                      fixture->expectation_id);
  GtkStack *area_stack;
  GtkListBox *sidebar;
  g_autofree char *text = NULL;
  GtkWidget *rows[5];

  open_window (fixture, NULL);
  area_stack = get_child (fixture->window, "area_stack");
  sidebar = get_child (fixture->window, "sidebar");

  /* The desk opens on Today. */
  g_assert_true (LIA_IS_TODAY_PAGE (gtk_stack_get_visible_child (area_stack)));
  g_assert_cmpuint (lia_today_page_get_count (get_page (fixture)), ==, 5);

  /* The sidebar's count. */
  {
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0));
    GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
    GtkWidget *count = gtk_widget_get_last_child (box);

    g_assert_cmpstr (gtk_widget_get_name (row), ==, "today");
    g_assert_true (GTK_IS_LABEL (count));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, "5");
    g_assert_true (gtk_widget_get_visible (count));
  }

  rows[0] = find_row (fixture, expectation_key);
  rows[1] = find_row (fixture, follow_up_key);
  rows[2] = find_row (fixture, agreement_key);
  /* Both nine days late: by name. */
  rows[3] = find_row (fixture, asks_key);
  rows[4] = find_row (fixture, stale_key);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_nonnull (rows[i]);

  text = row_text (rows[0]);
  g_assert_cmpstr (text, ==, "Partner owes: monthly tutoring schedule, 3 days late | Maple Literacy Council");
  g_clear_pointer (&text, g_free);
  text = row_text (rows[4]);
  g_assert_cmpstr (text, ==, "Riverbend Food Bank has not sent an update for 40 days (every 30) | ");
  g_clear_pointer (&text, g_free);
  text = row_text (rows[3]);
  g_assert_cmpstr (text, ==, "Time to check in with Oak Street Community Garden (last confirmed 100 days ago, every 90) | ");

  /* Groups in their order, on the page from top to bottom. */
  lia_test_iterate_until (is_allocated, rows[4], "the rows are laid out");
  for (guint i = 1; i < G_N_ELEMENTS (rows); i++)
    {
      graphene_point_t above, below;

      g_assert_true (gtk_widget_compute_point (rows[i - 1], GTK_WIDGET (get_page (fixture)),
                                               &GRAPHENE_POINT_INIT (0, 0), &above));
      g_assert_true (gtk_widget_compute_point (rows[i], GTK_WIDGET (get_page (fixture)),
                                               &GRAPHENE_POINT_INIT (0, 0), &below));
      g_test_message ("row %u at %g, row %u at %g", i - 1, above.y, i, below.y);
      g_assert_cmpfloat (above.y, <, below.y);
    }

  /* Each row's primary action fits its kind. */
  g_assert_nonnull (lia_test_find_widget (rows[0], is_button_labelled, "Mark _Met"));
  g_assert_nonnull (lia_test_find_widget (rows[1], is_button_labelled, "_Log a Contact"));
  g_assert_nonnull (lia_test_find_widget (rows[2], is_button_labelled, "_Renew"));
  g_assert_nonnull (lia_test_find_widget (rows[3], is_button_labelled, "_Log a Contact"));
  g_assert_nonnull (lia_test_find_widget (rows[4], is_button_labelled, "_Ask for an Update"));
}

static void
test_today_mark_verified_and_undo (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *key = g_strdup_printf ("stale:%" G_GINT64_FORMAT, fixture->oak_street_id);
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  gint64 verified_before;

  open_window (fixture, NULL);
  partner = lia_store_get_partner (fixture->store, fixture->oak_street_id, &error);
  verified_before = lia_partner_get_info_verified_at (partner);
  g_clear_object (&partner);

  gtk_widget_activate_action (GTK_WIDGET (find_row (fixture, key)), "today.act", "(si)",
                              key, LIA_ATTENTION_ACTION_MARK_VERIFIED);
  iterate ();

  g_assert_null (find_row (fixture, key));
  g_assert_cmpuint (lia_today_page_get_count (get_page (fixture)), ==, 4);
  partner = lia_store_get_partner (fixture->store, fixture->oak_street_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_info_verified_at (partner), ==, fixture->now);
  g_clear_object (&partner);

  click_undo (fixture);
  partner = lia_store_get_partner (fixture->store, fixture->oak_street_id, &error);
  g_assert_cmpint (lia_partner_get_info_verified_at (partner), ==, verified_before);
  g_assert_nonnull (find_row (fixture, key));
  g_assert_cmpuint (lia_today_page_get_count (get_page (fixture)), ==, 5);
}

static gboolean
on_open_uri_cb (LiaTodayPage *page,
                const char   *uri,
                char        **out)
{
  g_free (*out);
  *out = g_strdup (uri);

  return TRUE;
}

static void
test_today_ask_for_update (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *key = g_strdup_printf ("stale:%" G_GINT64_FORMAT, fixture->riverbend_id);
  g_autofree char *uri = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  LiaInteraction *request;
  const char *query;

  open_window (fixture, NULL);
  g_signal_connect (get_page (fixture), "open-uri", G_CALLBACK (on_open_uri_cb), &uri);

  click_primary (fixture, key, "_Ask for an Update");

  /* The e-mail is shown first; nothing is logged until it goes. */
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "To: Dana Ortiz <dana@riverbend.example>\nSubject: Please check your listing");
  interactions = lia_store_list_interactions (fixture->store, fixture->riverbend_id, &error);
  g_assert_cmpuint (interactions->len, ==, 0);
  g_clear_pointer (&interactions, g_ptr_array_unref);
  adw_message_dialog_response (dialog, "send");
  iterate ();

  /* The mail program gets the e-mail to the primary contact. */
  g_assert_nonnull (uri);
  g_assert_true (g_str_has_prefix (uri, "mailto:dana@riverbend.example?"));
  query = strstr (uri, "body=");
  g_assert_nonnull (query);
  body = g_uri_unescape_string (query + strlen ("body="), NULL);
  g_assert_nonnull (strstr (body, "Riverbend Food Bank"));
  g_assert_nonnull (strstr (body, "Dana Ortiz"));

  /* Logged, and off the page while the partner has time to answer. */
  interactions = lia_store_list_interactions (fixture->store, fixture->riverbend_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interactions->len, ==, 1);
  request = g_ptr_array_index (interactions, 0);
  g_assert_cmpint (lia_interaction_get_kind (request), ==, LIA_INTERACTION_KIND_UPDATE_REQUEST);
  g_assert_null (find_row (fixture, key));

  /* A week later, still no answer: back, saying when it was asked. */
  fixture->now += 7 * DAY;
  lia_today_page_refresh (get_page (fixture));
  g_assert_nonnull (find_row (fixture, key));
  text = row_text (find_row (fixture, key));
  g_assert_true (g_str_has_suffix (text, "| Update requested on 2 March 2026"));
}

static void
test_today_snooze (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *key = g_strdup_printf ("follow-up:%" G_GINT64_FORMAT, fixture->follow_up_id);

  open_window (fixture, NULL);

  gtk_widget_activate_action (GTK_WIDGET (find_row (fixture, key)), "today.snooze", "(si)", key, 1);
  iterate ();
  g_assert_null (find_row (fixture, key));
  g_assert_cmpuint (lia_today_page_get_count (get_page (fixture)), ==, 4);

  /* Tomorrow it is back. */
  fixture->now += DAY;
  lia_today_page_refresh (get_page (fixture));
  g_assert_nonnull (find_row (fixture, key));

  /* Snoozed for a week, then undone. */
  gtk_widget_activate_action (GTK_WIDGET (find_row (fixture, key)), "today.snooze", "(si)", key, 7);
  iterate ();
  g_assert_null (find_row (fixture, key));
  click_undo (fixture);
  g_assert_nonnull (find_row (fixture, key));
}

static gboolean
row_is_gone (gpointer data)
{
  Fixture *fixture = ((gpointer *)data)[0];
  const char *key = ((gpointer *)data)[1];

  return find_row (fixture, key) == NULL;
}

static void
test_today_snooze_until (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *key = g_strdup_printf ("agreement:%" G_GINT64_FORMAT, fixture->agreement_id);
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 3, 2, 12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 3, 20, 12, 0, 0);
  AdwMessageDialog *dialog;
  GtkCalendar *calendar;

  open_window (fixture, NULL);

  gtk_widget_activate_action (GTK_WIDGET (find_row (fixture, key)), "today.snooze", "(si)", key, 0);
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  calendar = GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog));

  /* A snooze ends on a day to come. */
  gtk_calendar_select_day (calendar, today);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "snooze"));
  gtk_calendar_select_day (calendar, later);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "snooze"));
  adw_message_dialog_response (dialog, "snooze");
  iterate ();
  g_assert_null (find_row (fixture, key));

  /* The day before it ends it is still away; on that day it is back. */
  fixture->now = unix_noon (2026, 3, 19);
  lia_today_page_refresh (get_page (fixture));
  g_assert_null (find_row (fixture, key));
  fixture->now = unix_noon (2026, 3, 20);
  lia_today_page_refresh (get_page (fixture));
  g_assert_nonnull (find_row (fixture, key));
}

/* Logging the contact that answers a follow-up closes it. */
static void
test_today_log_contact (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *key = g_strdup_printf ("follow-up:%" G_GINT64_FORMAT, fixture->follow_up_id);
  g_autoptr(LiaInteraction) follow_up = NULL;
  g_autoptr(GList) toplevels = NULL;
  g_autoptr(GError) error = NULL;
  LiaContactLogger *logger = NULL;
  GtkEditable *summary;
  gpointer gone[2] = { fixture, key };

  open_window (fixture, NULL);
  click_primary (fixture, key, "_Log a Contact");

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (LIA_IS_CONTACT_LOGGER (l->data))
      logger = l->data;
  g_assert_nonnull (logger);

  summary = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (logger), LIA_TYPE_CONTACT_LOGGER,
                                                         "summary_row"));
  gtk_editable_set_text (summary, "Tutors confirmed for April");
  g_assert_true (lia_contact_logger_save (logger, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (logger));

  lia_test_iterate_until (row_is_gone, gone, "the follow-up leaves the page");
  follow_up = lia_store_get_interaction (fixture->store, fixture->follow_up_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_follow_up_done_at (follow_up), ==, fixture->now);
}

static void
test_today_met_and_renew (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *expectation_key = g_strdup_printf ("expectation:%" G_GINT64_FORMAT ":2026-02-27",
                                                      fixture->expectation_id);
  g_autofree char *agreement_key = g_strdup_printf ("agreement:%" G_GINT64_FORMAT, fixture->agreement_id);
  g_autoptr(LiaExpectation) expectation = NULL;
  g_autoptr(LiaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  open_window (fixture, NULL);

  click_primary (fixture, expectation_key, "Mark _Met");
  g_assert_null (find_row (fixture, expectation_key));
  expectation = lia_store_get_expectation (fixture->store, fixture->expectation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_expectation_get_last_met_on (expectation), ==, "2026-03-02");
  g_assert_cmpstr (lia_expectation_get_next_due_on (expectation), >, "2026-03-02");

  click_primary (fixture, agreement_key, "_Renew");
  g_assert_null (find_row (fixture, agreement_key));
  agreement = lia_store_get_agreement (fixture->store, fixture->agreement_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_agreement_get_starts_on (agreement), ==, "2026-04-02");
  g_assert_cmpstr (lia_agreement_get_ends_on (agreement), ==, "2027-04-01");

  g_assert_cmpuint (lia_today_page_get_count (get_page (fixture)), ==, 3);
}

static void
on_open_partner_cb (LiaTodayPage *page,
                    gint64        partner_id,
                    gint64       *out)
{
  *out = partner_id;
}

static void
test_today_open_partner (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *key = g_strdup_printf ("stale:%" G_GINT64_FORMAT, fixture->riverbend_id);
  GtkStack *area_stack;
  LiaPartnersPage *partners;
  gint64 opened = 0;

  open_window (fixture, NULL);
  area_stack = get_child (fixture->window, "area_stack");
  g_signal_connect (get_page (fixture), "open-partner", G_CALLBACK (on_open_partner_cb), &opened);

  gtk_widget_activate_action (GTK_WIDGET (find_row (fixture, key)), "today.act", "(si)",
                              key, LIA_ATTENTION_ACTION_OPEN);
  iterate ();

  g_assert_cmpint (opened, ==, fixture->riverbend_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), ==, "partners");
  partners = LIA_PARTNERS_PAGE (gtk_stack_get_visible_child (area_stack));
  g_assert_nonnull (lia_partners_page_get_partner (partners));
  g_assert_cmpint (lia_partner_get_id (lia_partners_page_get_partner (partners)), ==, fixture->riverbend_id);
}

static gboolean
page_is_empty (gpointer data)
{
  return lia_today_page_get_count (data) == 0;
}

static void
test_today_empty_state (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkStack *stack;
  GtkListBox *sidebar;
  GtkWidget *count;

  open_window (fixture, NULL);

  for (gint64 id = fixture->riverbend_id; id <= fixture->maple_id; id++)
    {
      g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, id, &error));
      g_assert_no_error (error);
    }

  /* The page follows the store by itself. */
  lia_test_iterate_until (page_is_empty, get_page (fixture), "the page is empty");

  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (get_page (fixture)), LIA_TYPE_TODAY_PAGE, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  sidebar = get_child (fixture->window, "sidebar");
  count = gtk_widget_get_last_child (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (sidebar, 0)));
  g_assert_false (gtk_widget_get_visible (count));
}

/* Until the store is read (after the window's first frame) the page is
 * blank, never "All Caught Up"; the list then replaces it at once. */
static void
test_today_blank_until_read (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkStack *stack;

  fixture->window = lia_window_new (NULL, fixture->store, NULL);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (get_page (fixture)), LIA_TYPE_TODAY_PAGE, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (is_mapped, fixture->window, "the window is on screen");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "items");
  g_assert_false (gtk_stack_get_transition_running (stack));
}

/* A notification server on the test's session bus. */
typedef struct
{
  guint      owner_id;
  guint      registration_id;
  GDBusConnection *connection;
  GPtrArray *summaries;
  GPtrArray *bodies;
  GPtrArray *actions;
} NotificationServer;

static const char notification_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

static void
notification_method_call (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *object_path,
                          const char            *interface_name,
                          const char            *method_name,
                          GVariant              *parameters,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  NotificationServer *server = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      const char *summary, *body;
      g_autofree const char **actions = NULL;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, NULL, NULL,
                     &summary, &body, &actions, NULL, NULL);
      g_ptr_array_add (server->summaries, g_strdup (summary));
      g_ptr_array_add (server->bodies, g_strdup (body));
      g_ptr_array_add (server->actions, g_strjoinv ("|", (char **)actions));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", server->summaries->len));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "Liaison", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
server_has_notification (gpointer data)
{
  NotificationServer *server = data;

  return server->summaries->len > 0;
}

static gboolean
name_is_owned (gpointer data)
{
  return *(gboolean *)data;
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  *(gboolean *)user_data = TRUE;
}

static gboolean
today_is_visible (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *area_stack = get_child (fixture->window, "area_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (area_stack), "today") == 0;
}

static void
test_today_notification (Fixture       *fixture,
                         gconstpointer  data)
{
  static const GDBusInterfaceVTable vtable = { notification_method_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notification_xml, NULL);
  g_autoptr(LiaApplication) application = NULL;
  NotificationServer server = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *seen_on = NULL;
  gboolean owned = FALSE;
  GtkStack *area_stack;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_error ("This test needs its own session bus: run it under dbus-run-session");

  server.summaries = g_ptr_array_new_with_free_func (g_free);
  server.bodies = g_ptr_array_new_with_free_func (g_free);
  server.actions = g_ptr_array_new_with_free_func (g_free);
  /* A connection of its own, like a real server: the application's
   * shared connection would receive its own signals differently. */
  {
    g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

    g_assert_no_error (error);
    server.connection = g_dbus_connection_new_for_address_sync (address,
                                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                                NULL, NULL, &error);
    g_assert_no_error (error);
  }
  server.registration_id = g_dbus_connection_register_object (server.connection,
                                                              "/org/freedesktop/Notifications",
                                                              info->interfaces[0], &vtable,
                                                              &server, NULL, &error);
  g_assert_no_error (error);
  server.owner_id = g_bus_own_name_on_connection (server.connection, "org.freedesktop.Notifications",
                                                  G_BUS_NAME_OWNER_FLAGS_NONE,
                                                  on_name_acquired_cb, NULL, &owned, NULL);
  lia_test_iterate_until (name_is_owned, &owned, "the notification server is on the bus");

  /* Last looked on 25 Feb: since then the promise (27 Feb) and the
   * follow-up (1 Mar) became due; the stale partners were already. */
  g_assert_true (lia_database_set_meta (lia_store_get_database (fixture->store),
                                        "attention-seen-on", "2026-02-25", &error));
  g_assert_no_error (error);

  application = lia_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  open_window (fixture, ADW_APPLICATION (application));

  lia_test_iterate_until (server_has_notification, &server, "the notification arrived");
  g_assert_cmpuint (server.summaries->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (server.summaries, 0), ==, "New Things Need a Human");
  g_assert_cmpstr (g_ptr_array_index (server.bodies, 0), ==,
                   "2 items became due since you last opened Liaison.");
  g_assert_nonnull (strstr (g_ptr_array_index (server.actions, 0), "default"));
  g_assert_nonnull (strstr (g_ptr_array_index (server.actions, 0), "Open Today"));

  seen_on = lia_database_dup_meta (lia_store_get_database (fixture->store), "attention-seen-on");
  g_assert_cmpstr (seen_on, ==, "2026-03-02");

  /* Clicking it opens Today, wherever the window was. */
  area_stack = get_child (fixture->window, "area_stack");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "trash");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), ==, "trash");
  g_dbus_connection_emit_signal (server.connection, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", 1, "default"), &error);
  g_assert_no_error (error);
  lia_test_iterate_until (today_is_visible, fixture, "Today is shown");

  /* A second start the same day says nothing new. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  iterate ();
  open_window (fixture, ADW_APPLICATION (application));
  for (int i = 0; i < 20; i++)
    {
      iterate ();
      g_usleep (10000);
    }
  g_assert_cmpuint (server.summaries->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  iterate ();

  g_bus_unown_name (server.owner_id);
  g_dbus_connection_unregister_object (server.connection, server.registration_id);
  g_dbus_connection_close_sync (server.connection, NULL, NULL);
  g_clear_object (&server.connection);
  g_ptr_array_unref (server.summaries);
  g_ptr_array_unref (server.bodies);
  g_ptr_array_unref (server.actions);
}

static gboolean
is_label_text (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The keys of @list's rows, in order, one a line. */
static char *
list_keys (GtkWidget *list)
{
  GString *keys = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (keys, "%s\n", gtk_widget_get_name (row));

  return g_string_free (keys, FALSE);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *c = text; *c != '\0'; c++)
    n += *c == '\n';

  return n;
}

static void
test_today_show_more (Fixture       *fixture,
                      gconstpointer  data)
{
  LiaTodayPage *page;
  GtkWidget *title, *count, *group, *list, *more;
  GtkLabel *summary;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) keys = NULL;

  /* 45 more stale partners: 47 in the group, 50 items in all. */
  for (int i = 0; i < 45; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %02d", i);

      add_partner (fixture, name, LIA_UPKEEP_MODE_LIBRARY_ASKS, 30, 100 + i);
    }

  open_window (fixture, NULL);
  page = get_page (fixture);
  g_assert_cmpuint (lia_today_page_get_count (page), ==, 50);
  summary = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page), LIA_TYPE_TODAY_PAGE, "summary_label"));
  g_assert_cmpstr (gtk_label_get_label (summary), ==, "50 things need a human today, most urgent first.");

  title = lia_test_find_widget (GTK_WIDGET (page), is_label_text, "Out-of-Date Information");
  g_assert_nonnull (title);
  count = gtk_widget_get_next_sibling (title);
  group = gtk_widget_get_parent (gtk_widget_get_parent (title));
  list = gtk_widget_get_next_sibling (gtk_widget_get_parent (title));
  more = gtk_widget_get_last_child (group);
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_assert_true (is_button_labelled (more, "Show _More"));

  /* The count is the group's; 20 rows, most overdue first. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, "47");
  first = list_keys (list);
  g_assert_cmpuint (count_lines (first), ==, 20);
  keys = g_strsplit (first, "\n", -1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_row (fixture, keys[0]))),
                   ==, "Time to check in with Partner 44 (last confirmed 144 days ago, every 30)");
  g_assert_true (gtk_widget_get_visible (more));

  /* Show More reads 20 more; the rows shown stay first. */
  g_signal_emit_by_name (more, "clicked");
  iterate ();
  second = list_keys (list);
  g_assert_cmpuint (count_lines (second), ==, 40);
  g_assert_true (g_str_has_prefix (second, first));
  g_assert_true (gtk_widget_get_visible (more));

  g_signal_emit_by_name (more, "clicked");
  iterate ();
  third = list_keys (list);
  g_assert_cmpuint (count_lines (third), ==, 47);
  g_assert_true (g_str_has_prefix (third, second));
  g_assert_false (gtk_widget_get_visible (more));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, "47");

  /* A row read by Show More acts like the first ones: snoozed, it goes,
   * and the counts follow. */
  {
    g_auto(GStrv) all = g_strsplit (third, "\n", -1);
    const char *key = all[45];

    gtk_widget_activate_action (GTK_WIDGET (find_row (fixture, key)), "today.snooze", "(si)", key, 7);
    iterate ();
    g_assert_null (find_row (fixture, key));
    g_assert_cmpuint (lia_today_page_get_count (page), ==, 49);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, "46");
    g_assert_cmpstr (gtk_label_get_label (summary), ==, "49 things need a human today, most urgent first.");
    after = list_keys (list);
    g_assert_cmpuint (count_lines (after), ==, 46);
    click_undo (fixture);
    g_assert_nonnull (find_row (fixture, key));
    g_assert_cmpuint (lia_today_page_get_count (page), ==, 50);
  }
}

/* What the page showed when its first reading replaced the blank page,
 * and how many frames were painted before the rest came. */
typedef struct
{
  GtkWidget  *promises;         /* the Promises group's list */
  GtkWidget  *follow_ups;       /* the Follow-Ups group */
  GtkWidget  *agreements;       /* the Agreements group, below it */
  guint       paints;
  int         paints_at_items;
  guint       rows_at_items;
  gboolean    follow_ups_at_items;
  int         paints_at_follow_ups;
  int         paints_at_agreements;
} FillWatch;

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   FillWatch     *watch)
{
  watch->paints++;
}

static void
on_window_realize_cb (GtkWidget *window,
                      FillWatch *watch)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), watch);
}

static void
on_visible_child_cb (GtkStack   *stack,
                     GParamSpec *pspec,
                     FillWatch  *watch)
{
  if (watch->paints_at_items < 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (stack), "items") == 0)
    {
      watch->paints_at_items = watch->paints;
      watch->rows_at_items = count_rows (watch->promises);
      watch->follow_ups_at_items = gtk_widget_get_visible (watch->follow_ups);
    }
}

/* Which frame a group below first showed in. */
static void
on_group_visible_cb (GtkWidget  *group,
                     GParamSpec *pspec,
                     FillWatch  *watch)
{
  int *paints_at = group == watch->follow_ups ? &watch->paints_at_follow_ups : &watch->paints_at_agreements;

  if (*paints_at < 0 && gtk_widget_get_visible (group))
    *paints_at = watch->paints;
}

static gboolean
agreements_shown (gpointer data)
{
  FillWatch *watch = data;

  return watch->paints_at_agreements >= 0;
}

static gboolean
out_of_date_shown (gpointer data)
{
  GtkWidget *title = lia_test_find_widget (GTK_WIDGET (data), is_label_text, "Out-of-Date Information");

  return gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (title)));
}

static void
test_today_first_rows_then_the_rest (Fixture       *fixture,
                                     gconstpointer  data)
{
  FillWatch watch = { .paints_at_items = -1, .paints_at_follow_ups = -1, .paints_at_agreements = -1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *first_key = NULL;
  g_autofree char *follow_up_key = g_strdup_printf ("follow-up:%" G_GINT64_FORMAT, fixture->follow_up_id);
  GtkWidget *first_row;
  LiaTodayPage *page;
  GtkStack *stack;

  /* 19 more promises missed: 20 rows in the first group, more than a
   * 760-pixel window shows; the follow-up, the agreement and the stale
   * partners come in the groups below. */
  for (int i = 0; i < 19; i++)
    {
      g_autoptr(LiaExpectation) expectation = lia_expectation_new ();
      g_autofree char *what = g_strdup_printf ("report %02d", i);

      lia_expectation_set_partner_id (expectation, fixture->maple_id);
      lia_expectation_set_direction (expectation, LIA_DIRECTION_PARTNER_PROVIDES);
      lia_expectation_set_what (expectation, what);
      lia_expectation_set_cadence_days (expectation, 30);
      lia_expectation_set_next_due_on (expectation, "2026-02-20");
      g_assert_true (lia_store_save_expectation (fixture->store, expectation, &error));
      g_assert_no_error (error);
    }

  fixture->window = lia_window_new (NULL, fixture->store, NULL);
  page = get_page (fixture);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), LIA_TYPE_TODAY_PAGE, "stack"));
  watch.promises = gtk_widget_get_next_sibling (gtk_widget_get_parent (
    lia_test_find_widget (GTK_WIDGET (page), is_label_text, "Promises")));
  watch.follow_ups = gtk_widget_get_parent (gtk_widget_get_parent (
    lia_test_find_widget (GTK_WIDGET (page), is_label_text, "Follow-Ups")));
  watch.agreements = gtk_widget_get_parent (gtk_widget_get_parent (
    lia_test_find_widget (GTK_WIDGET (page), is_label_text, "Agreements")));
  g_assert_true (GTK_IS_LIST_BOX (watch.promises));
  g_signal_connect (fixture->window, "realize", G_CALLBACK (on_window_realize_cb), &watch);
  g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (on_visible_child_cb), &watch);
  g_signal_connect (watch.follow_ups, "notify::visible", G_CALLBACK (on_group_visible_cb), &watch);
  g_signal_connect (watch.agreements, "notify::visible", G_CALLBACK (on_group_visible_cb), &watch);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (agreements_shown, &watch, "the groups below are shown");

  /* The first reading made the rows that fill the page, and left the
   * groups below for after a frame with those rows was painted; then
   * they came one a frame. */
  g_assert_cmpint (watch.paints_at_items, >=, 0);
  g_assert_cmpuint (watch.rows_at_items, ==, 20);
  g_assert_false (watch.follow_ups_at_items);
  g_assert_cmpint (watch.paints_at_follow_ups, >, watch.paints_at_items);
  g_assert_cmpint (watch.paints_at_agreements, >, watch.paints_at_follow_ups);

  /* Then the rest, the first rows kept as they were; the summary counted
   * every item from the start. */
  first_row = gtk_widget_get_first_child (watch.promises);
  first_key = g_strdup (gtk_widget_get_name (first_row));
  lia_test_iterate_until (out_of_date_shown, page, "the last group is shown");
  g_assert_nonnull (find_row (fixture, follow_up_key));
  g_assert_true (gtk_widget_get_visible (watch.agreements));
  g_assert_true (gtk_widget_get_first_child (watch.promises) == first_row);
  g_assert_cmpstr (gtk_widget_get_name (first_row), ==, first_key);
  g_assert_cmpuint (count_rows (watch.promises), ==, 20);
  g_assert_cmpuint (lia_today_page_get_count (page), ==, 24);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/today-page/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("lists-items", test_today_lists_items);
  ADD ("mark-verified-and-undo", test_today_mark_verified_and_undo);
  ADD ("ask-for-update", test_today_ask_for_update);
  ADD ("snooze", test_today_snooze);
  ADD ("snooze-until", test_today_snooze_until);
  ADD ("log-contact", test_today_log_contact);
  ADD ("met-and-renew", test_today_met_and_renew);
  ADD ("open-partner", test_today_open_partner);
  ADD ("empty-state", test_today_empty_state);
  ADD ("blank-until-read", test_today_blank_until_read);
  ADD ("notification", test_today_notification);
  ADD ("show-more", test_today_show_more);
  ADD ("first-rows-then-the-rest", test_today_first_rows_then_the_rest);

  return g_test_run ();
}
