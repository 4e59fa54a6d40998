/* test-attention.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The upkeep radar (lia-attention): each rule at its boundaries, snoozes,
 * the trash and the order of the items; what the Today page shows
 * (lia_attention_compute_shown) against every item.
 */

#include "config.h"

#include "lia-attention.h"
#include "lia-database.h"
#include "lia-sample-data.h"
#include "lia-store.h"
#include "lia-test-util.h"

#include <string.h>

#include <sqlite3.h>

#define DAY 86400

typedef struct
{
  char        *dir;
  LiaDatabase *database;
  LiaStore    *store;
  gint64       now;
} Fixture;

static gint64
unix_noon (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (date_time);
}

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = lia_test_make_temp_dir ("attention");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  fixture->now = unix_noon (2026, 3, 2);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gint64
add_partner (Fixture       *fixture,
             const char    *name,
             LiaUpkeepMode  mode,
             int            cadence_days,
             gint64         verified_at)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  lia_partner_set_upkeep_mode (partner, mode);
  lia_partner_set_cadence_days (partner, cadence_days);
  lia_partner_set_info_verified_at (partner, verified_at);
  lia_store_save_partner (fixture->store, partner, &error);
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

/* The items on @day ("YYYY-MM-DD"). */
static GPtrArray *
compute (Fixture    *fixture,
         const char *day)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  g_assert_true (g_date_valid (&date));
  items = lia_attention_compute (fixture->store, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);

  return items;
}

static LiaAttentionItem *
find_item (GPtrArray  *items,
           const char *key)
{
  for (guint i = 0; i < items->len; i++)
    {
      LiaAttentionItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->key, key))
        return item;
    }

  return NULL;
}

static void
snooze (Fixture    *fixture,
        const char *key,
        const char *day)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  g_assert_true (lia_attention_snooze (fixture->store, key, &date, &error));
  g_assert_no_error (error);
}

static void
test_stale_boundaries (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Verified on 1 March, every 30 days: fine through 31 March, stale from
   * 1 April. */
  gint64 id = add_partner (fixture, "Riverbend Food Bank", LIA_UPKEEP_MODE_PARTNER_SENDS,
                           30, unix_noon (2026, 3, 1));
  g_autofree char *key = g_strdup_printf ("stale:%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) before = compute (fixture, "2026-03-31");
  g_autoptr(GPtrArray) due = compute (fixture, "2026-04-01");
  g_autoptr(GPtrArray) after = compute (fixture, "2026-04-02");
  LiaAttentionItem *item;

  g_assert_null (find_item (before, key));

  item = find_item (due, key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_STALE);
  g_assert_cmpint (item->partner_id, ==, id);
  g_assert_cmpint (item->record_id, ==, 0);
  g_assert_cmpstr (item->due_on, ==, "2026-04-01");
  g_assert_cmpint (item->days_overdue, ==, 0);
  g_assert_cmpint (item->upkeep_mode, ==, LIA_UPKEEP_MODE_PARTNER_SENDS);
  g_assert_cmpstr (item->text, ==, "Riverbend Food Bank has not sent an update for 31 days (every 30)");

  item = find_item (after, key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->days_overdue, ==, 1);
}

static void
test_stale_cadence_change (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 id = add_partner (fixture, "Westbrook Arts Council", LIA_UPKEEP_MODE_LIBRARY_ASKS,
                           30, unix_noon (2026, 3, 1));
  g_autofree char *key = g_strdup_printf ("stale:%" G_GINT64_FORMAT, id);
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GPtrArray) stale = compute (fixture, "2026-04-10");
  g_autoptr(GPtrArray) longer = NULL;
  g_autoptr(GError) error = NULL;
  LiaAttentionItem *item;

  item = find_item (stale, key);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->text, ==, "Time to check in with Westbrook Arts Council (last confirmed 40 days ago, every 30)");

  partner = lia_store_get_partner (fixture->store, id, &error);
  g_assert_no_error (error);
  lia_partner_set_cadence_days (partner, 60);
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  longer = compute (fixture, "2026-04-10");
  g_assert_null (find_item (longer, key));
}

static void
test_stale_never_and_confirmed (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 id = add_partner (fixture, "Northside Garden", LIA_UPKEEP_MODE_LIBRARY_ASKS, 90, 0);
  g_autofree char *key = g_strdup_printf ("stale:%" G_GINT64_FORMAT, id);
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(GPtrArray) never = compute (fixture, "2026-03-02");
  g_autoptr(GPtrArray) confirmed = NULL;
  g_autoptr(GError) error = NULL;
  LiaAttentionItem *item;

  item = find_item (never, key);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->text, ==, "Time to check in with Northside Garden (never confirmed, every 90 days)");

  /* A contact that confirms the information resets the clock. */
  lia_interaction_set_partner_id (interaction, id);
  lia_interaction_set_kind (interaction, LIA_INTERACTION_KIND_CALL);
  lia_interaction_set_occurred_at (interaction, unix_noon (2026, 3, 2));
  lia_interaction_set_summary (interaction, "Checked their listing");
  lia_interaction_set_confirms_info (interaction, TRUE);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);

  confirmed = compute (fixture, "2026-03-02");
  g_assert_null (find_item (confirmed, key));
}

static gint64
add_follow_up (Fixture    *fixture,
               gint64      partner_id,
               const char *day)
{
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(GError) error = NULL;

  lia_interaction_set_partner_id (interaction, partner_id);
  lia_interaction_set_kind (interaction, LIA_INTERACTION_KIND_EMAIL);
  lia_interaction_set_occurred_at (interaction, unix_noon (2026, 3, 1));
  lia_interaction_set_summary (interaction, "Asked about the food drive");
  lia_interaction_set_follow_up_on (interaction, day);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);

  return lia_interaction_get_id (interaction);
}

static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", LIA_UPKEEP_MODE_PARTNER_SENDS,
                                   365, unix_noon (2026, 3, 1));
  gint64 id = add_follow_up (fixture, partner_id, "2026-03-20");
  g_autofree char *key = g_strdup_printf ("follow-up:%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) before = compute (fixture, "2026-03-19");
  g_autoptr(GPtrArray) due = compute (fixture, "2026-03-20");
  g_autoptr(GPtrArray) after = compute (fixture, "2026-03-21");
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(LiaInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  LiaAttentionItem *item;

  g_assert_null (find_item (before, key));
  item = find_item (due, key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_FOLLOW_UP);
  g_assert_cmpint (item->record_id, ==, id);
  g_assert_cmpint (item->days_overdue, ==, 0);
  g_assert_cmpstr (item->text, ==, "Follow up with Riverbend Food Bank: Asked about the food drive");
  item = find_item (after, key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->days_overdue, ==, 1);

  /* Done follow-ups leave the radar. */
  interaction = lia_store_get_interaction (fixture->store, id, &error);
  g_assert_no_error (error);
  lia_interaction_set_follow_up_done_at (interaction, unix_noon (2026, 3, 21));
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  done = compute (fixture, "2026-03-21");
  g_assert_null (find_item (done, key));
}

static gint64
add_expectation (Fixture      *fixture,
                 gint64        partner_id,
                 LiaDirection  direction,
                 const char   *what,
                 const char   *day)
{
  g_autoptr(LiaExpectation) expectation = lia_expectation_new ();
  g_autoptr(GError) error = NULL;

  lia_expectation_set_partner_id (expectation, partner_id);
  lia_expectation_set_direction (expectation, direction);
  lia_expectation_set_what (expectation, what);
  lia_expectation_set_due_on (expectation, day);
  g_assert_true (lia_store_save_expectation (fixture->store, expectation, &error));
  g_assert_no_error (error);

  return lia_expectation_get_id (expectation);
}

static void
test_expectation (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", LIA_UPKEEP_MODE_PARTNER_SENDS,
                                   365, unix_noon (2026, 3, 1));
  gint64 owed = add_expectation (fixture, partner_id, LIA_DIRECTION_PARTNER_PROVIDES,
                                 "monthly program list", "2026-04-01");
  gint64 promised = add_expectation (fixture, partner_id, LIA_DIRECTION_LIBRARY_PROVIDES,
                                     "meeting room", "2026-04-01");
  g_autofree char *owed_key = g_strdup_printf ("expectation:%" G_GINT64_FORMAT ":2026-04-01", owed);
  g_autofree char *promised_key = g_strdup_printf ("expectation:%" G_GINT64_FORMAT ":2026-04-01", promised);
  g_autoptr(GPtrArray) before = compute (fixture, "2026-03-31");
  g_autoptr(GPtrArray) due = compute (fixture, "2026-04-01");
  g_autoptr(GPtrArray) late = compute (fixture, "2026-04-08");
  g_autoptr(GPtrArray) missed = compute (fixture, "2026-04-09");
  LiaAttentionItem *item;

  g_assert_null (find_item (before, owed_key));
  g_assert_null (find_item (before, promised_key));

  item = find_item (due, owed_key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_EXPECTATION_DUE);
  g_assert_cmpint (item->record_id, ==, owed);
  g_assert_cmpint (item->direction, ==, LIA_DIRECTION_PARTNER_PROVIDES);
  g_assert_cmpstr (item->text, ==, "Partner owes: monthly program list, due today");
  item = find_item (due, promised_key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->direction, ==, LIA_DIRECTION_LIBRARY_PROVIDES);
  g_assert_true (g_str_has_prefix (item->text, "The library owes: meeting room on "));

  /* Seven days late is still due; eight is missed. */
  item = find_item (late, owed_key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_EXPECTATION_DUE);
  g_assert_cmpint (item->days_overdue, ==, 7);
  g_assert_cmpstr (item->text, ==, "Partner owes: monthly program list, 7 days late");
  item = find_item (missed, owed_key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_EXPECTATION_MISSED);
  g_assert_cmpint (item->days_overdue, ==, 8);
}

static gint64
add_agreement (Fixture    *fixture,
               gint64      partner_id,
               const char *ends_on,
               gboolean    auto_renews)
{
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  g_autoptr(GError) error = NULL;

  lia_agreement_set_partner_id (agreement, partner_id);
  lia_agreement_set_title (agreement, "Food drive MOU");
  lia_agreement_set_starts_on (agreement, "2025-01-01");
  lia_agreement_set_ends_on (agreement, ends_on);
  lia_agreement_set_auto_renews (agreement, auto_renews);
  lia_agreement_set_status (agreement, LIA_AGREEMENT_STATUS_ACTIVE);
  g_assert_true (lia_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);

  return lia_agreement_get_id (agreement);
}

static void
test_agreement (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", LIA_UPKEEP_MODE_PARTNER_SENDS,
                                   365, unix_noon (2026, 3, 1));
  gint64 ending = add_agreement (fixture, partner_id, "2026-06-30", FALSE);
  gint64 renewing = add_agreement (fixture, partner_id, "2026-06-30", TRUE);
  g_autofree char *key = g_strdup_printf ("agreement:%" G_GINT64_FORMAT, ending);
  g_autofree char *renew_key = g_strdup_printf ("agreement:%" G_GINT64_FORMAT, renewing);
  /* 30 June is 61 days after 30 April and 60 after 1 May. */
  g_autoptr(GPtrArray) early = compute (fixture, "2026-04-30");
  g_autoptr(GPtrArray) shown = compute (fixture, "2026-05-01");
  LiaAttentionItem *item;

  g_assert_null (find_item (early, key));
  item = find_item (shown, key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_AGREEMENT_ENDING);
  g_assert_cmpint (item->record_id, ==, ending);
  g_assert_cmpstr (item->due_on, ==, "2026-06-30");
  g_assert_cmpint (item->days_overdue, ==, -60);
  g_assert_true (g_str_has_prefix (item->text, "Agreement with Riverbend Food Bank ends on "));
  item = find_item (shown, renew_key);
  g_assert_nonnull (item);
  g_assert_true (g_str_has_prefix (item->text, "Agreement with Riverbend Food Bank renews on "));
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", LIA_UPKEEP_MODE_PARTNER_SENDS,
                                   365, unix_noon (2026, 3, 1));
  gint64 id = add_follow_up (fixture, partner_id, "2026-03-20");
  g_autofree char *key = g_strdup_printf ("follow-up:%" G_GINT64_FORMAT, id);
  g_autoptr(GPtrArray) snoozed = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) unsnoozed = NULL;
  g_autoptr(GError) error = NULL;

  snooze (fixture, key, "2026-03-27");
  snoozed = compute (fixture, "2026-03-26");
  g_assert_null (find_item (snoozed, key));
  /* It returns on the day the snooze ends. */
  back = compute (fixture, "2026-03-27");
  g_assert_nonnull (find_item (back, key));

  snooze (fixture, key, "2026-04-30");
  g_assert_true (lia_attention_unsnooze (fixture->store, key, &error));
  g_assert_no_error (error);
  unsnoozed = compute (fixture, "2026-03-26");
  g_assert_nonnull (find_item (unsnoozed, key));
}

static void
test_trashed_partner (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", LIA_UPKEEP_MODE_PARTNER_SENDS, 30, 0);
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) trashed = NULL;
  g_autoptr(GError) error = NULL;

  add_follow_up (fixture, partner_id, "2026-03-20");
  add_expectation (fixture, partner_id, LIA_DIRECTION_PARTNER_PROVIDES, "program list", "2026-03-20");
  add_agreement (fixture, partner_id, "2026-04-30", FALSE);

  shown = compute (fixture, "2026-03-25");
  g_assert_cmpuint (shown->len, ==, 4);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, partner_id, &error));
  g_assert_no_error (error);
  trashed = compute (fixture, "2026-03-25");
  g_assert_cmpuint (trashed->len, ==, 0);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 zeta = add_partner (fixture, "Zeta Club", LIA_UPKEEP_MODE_PARTNER_SENDS, 365, unix_noon (2026, 3, 1));
  gint64 alpha = add_partner (fixture, "Alpha Society", LIA_UPKEEP_MODE_PARTNER_SENDS, 365, unix_noon (2026, 3, 1));
  g_autoptr(GPtrArray) items = NULL;
  LiaAttentionItem *item;

  add_agreement (fixture, alpha, "2026-04-20", FALSE);                                   /* 10 days left */
  add_expectation (fixture, zeta, LIA_DIRECTION_PARTNER_PROVIDES, "list", "2026-04-05"); /* 5 days late */
  add_follow_up (fixture, zeta, "2026-04-05");                                           /* 5 days late */
  add_follow_up (fixture, alpha, "2026-04-05");                                          /* 5 days late */
  add_follow_up (fixture, zeta, "2026-03-30");                                           /* 11 days late */

  items = compute (fixture, "2026-04-10");
  g_assert_cmpuint (items->len, ==, 5);

  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->days_overdue, ==, 11);
  item = g_ptr_array_index (items, 1);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_FOLLOW_UP);
  g_assert_cmpstr (item->partner_name, ==, "Alpha Society");
  item = g_ptr_array_index (items, 2);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_FOLLOW_UP);
  g_assert_cmpstr (item->partner_name, ==, "Zeta Club");
  item = g_ptr_array_index (items, 3);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_EXPECTATION_DUE);
  item = g_ptr_array_index (items, 4);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_AGREEMENT_ENDING);
  g_assert_cmpint (item->days_overdue, ==, -10);
}

/* An event in UTC, so that its instants are plain to read. */
static gint64
add_event (Fixture    *fixture,
           gint64      partner_id,
           const char *title,
           const char *dtstart,
           gboolean    all_day,
           const char *venue,
           const char *description,
           const char *status,
           const char *rrule,
           gint64      last_end_utc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GDateTime) start = NULL;
  LiaDatabase *database = lia_store_get_database (fixture->store);

  if (all_day)
    {
      g_autofree char *midnight = g_strconcat (dtstart, "T00:00:00Z", NULL);

      start = g_date_time_new_from_iso8601 (midnight, NULL);
    }
  else
    {
      g_autofree char *utc = g_strconcat (dtstart, "Z", NULL);

      start = g_date_time_new_from_iso8601 (utc, NULL);
    }
  g_assert_nonnull (start);

  {
    gint64 start_utc = g_date_time_to_unix (start);
    /* A single event lasts an hour; a series without an end never ends. */
    g_autofree char *partner = partner_id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, partner_id) : g_strdup ("NULL");
    g_autofree char *last_end = last_end_utc != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, last_end_utc)
                                : rrule != NULL ? g_strdup ("NULL")
                                : g_strdup_printf ("%" G_GINT64_FORMAT, start_utc + 3600);
    g_autofree char *rule = rrule != NULL ? g_strdup_printf ("'%s'", rrule) : g_strdup ("NULL");
    g_autofree char *place = venue != NULL ? g_strdup_printf ("'%s'", venue) : g_strdup ("NULL");

    sql = g_strdup_printf ("INSERT INTO event (uid, partner_id, title, description, dtstart, tzid, all_day,"
                           " start_utc, last_end_utc, rrule, venue_name, status, created_at, updated_at)"
                           " VALUES ('%s@test', %s, '%s', '%s', '%s', %s, %d, %" G_GINT64_FORMAT ", %s, %s, %s, '%s', 1, 1)",
                           title, partner, title, description, dtstart, all_day ? "NULL" : "'UTC'", all_day,
                           start_utc, last_end, rule, place, status);
  }
  g_assert_true (lia_database_exec (database, sql, &error));
  g_assert_no_error (error);

  return sqlite3_last_insert_rowid (lia_database_get_handle (database));
}

static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 partner = add_partner (fixture, "Maple Literacy Council", LIA_UPKEEP_MODE_LIBRARY_ASKS, 90, fixture->now);
  gint64 complete = add_event (fixture, partner, "Book Club", "2026-03-20T10:00:00", FALSE,
                               "Main Branch", "We read.", "confirmed", NULL, 0);
  gint64 draft = add_event (fixture, partner, "Tutoring", "2026-03-20T10:00:00", FALSE,
                            NULL, "Help with homework.", "draft", NULL, 0);
  gint64 day_only = add_event (fixture, 0, "Book Sale", "2026-03-20", TRUE,
                               "Main Branch", "", "confirmed", NULL, 0);
  gint64 cancelled = add_event (fixture, partner, "Old Talk", "2026-03-20T10:00:00", FALSE,
                                NULL, "", "cancelled", NULL, 0);
  gint64 series = add_event (fixture, partner, "Storytime", "2026-01-06T10:00:00", FALSE,
                             NULL, "Stories.", "confirmed", "FREQ=WEEKLY", 0);
  g_autofree char *complete_key = g_strdup_printf ("event:%" G_GINT64_FORMAT, complete);
  g_autofree char *draft_key = g_strdup_printf ("event:%" G_GINT64_FORMAT, draft);
  g_autofree char *day_key = g_strdup_printf ("event:%" G_GINT64_FORMAT, day_only);
  g_autofree char *cancelled_key = g_strdup_printf ("event:%" G_GINT64_FORMAT, cancelled);
  g_autofree char *series_key = g_strdup_printf ("event:%" G_GINT64_FORMAT, series);
  g_autoptr(GPtrArray) early = compute (fixture, "2026-02-18");
  g_autoptr(GPtrArray) shown = compute (fixture, "2026-02-19");
  g_autoptr(GPtrArray) on_the_day = compute (fixture, "2026-03-20");
  g_autoptr(GPtrArray) after = compute (fixture, "2026-03-21");
  LiaAttentionAction actions[LIA_ATTENTION_MAX_ACTIONS];
  LiaAttentionItem *item;
  GDate shown_from;

  /* 30 days ahead: not on the 31st day before, on the 30th. */
  g_assert_null (find_item (early, draft_key));
  g_assert_null (find_item (early, day_key));
  item = find_item (shown, draft_key);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_EVENT_INCOMPLETE);
  g_assert_cmpstr (item->text, ==, "Tutoring on 20 Mar 2026 is a draft and lacks a venue");
  g_assert_cmpstr (item->due_on, ==, "2026-03-20");
  g_assert_cmpint (item->days_overdue, ==, -29);
  g_assert_cmpint (lia_attention_item_get_group (item), ==, LIA_ATTENTION_GROUP_EVENTS);
  g_assert_cmpuint (lia_attention_item_get_actions (item, actions), ==, 2);
  g_assert_cmpint (actions[0], ==, LIA_ATTENTION_ACTION_OPEN_EVENT);
  g_assert_cmpint (actions[1], ==, LIA_ATTENTION_ACTION_OPEN);
  lia_attention_item_get_shown_from (item, &shown_from);
  g_assert_cmpint (g_date_get_day (&shown_from), ==, 18);

  /* A day without hours, of the library itself: nothing to open but the event. */
  item = find_item (shown, day_key);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->text, ==, "Book Sale on 20 Mar 2026 lacks a time and a description");
  g_assert_cmpint (item->partner_id, ==, 0);
  g_assert_cmpuint (lia_attention_item_get_actions (item, actions), ==, 1);

  /* Complete or cancelled events need nothing. */
  g_assert_null (find_item (shown, complete_key));
  g_assert_null (find_item (shown, cancelled_key));

  /* A running series lacking a venue shows from today. */
  item = find_item (shown, series_key);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->due_on, ==, "2026-02-19");
  g_assert_cmpint (item->days_overdue, ==, 0);
  g_assert_cmpstr (item->text, ==, "Storytime on 19 Feb 2026 lacks a venue");

  /* On the day still; the day after, gone. */
  g_assert_nonnull (find_item (on_the_day, draft_key));
  g_assert_null (find_item (after, draft_key));
  g_assert_nonnull (find_item (after, series_key));

  /* Trashed events and partners never show. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) trashed = NULL;

    g_assert_true (lia_database_exec (lia_store_get_database (fixture->store),
                                      "UPDATE event SET deleted_at = 1 WHERE title = 'Book Sale'", &error));
    g_assert_no_error (error);
    g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, partner, &error));
    g_assert_no_error (error);
    trashed = compute (fixture, "2026-02-19");
    g_assert_null (find_item (trashed, day_key));
    g_assert_null (find_item (trashed, draft_key));
    g_assert_null (find_item (trashed, series_key));
  }
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_database_exec (lia_store_get_database (fixture->store), sql, &error));
  g_assert_no_error (error);
}

/* Promoted on the website, changed at @updated_at. */
static gint64
add_promoted_event (Fixture    *fixture,
                    const char *title,
                    const char *dtstart,
                    const char *status,
                    int         channels,
                    gint64      updated_at)
{
  gint64 id = add_event (fixture, 0, title, dtstart, FALSE, "Main Branch", "Come.", status, NULL, 0);
  g_autofree char *sql = g_strdup_printf ("UPDATE event SET promote = 1, channels = %d, updated_at = %" G_GINT64_FORMAT
                                          " WHERE id = %" G_GINT64_FORMAT, channels, updated_at, id);

  exec_sql (fixture, sql);

  return id;
}

static void
test_publishing (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *pending_key = NULL;
  g_autofree char *failed_key = NULL;
  g_autofree char *sql = NULL;
  LiaAttentionAction actions[LIA_ATTENTION_MAX_ACTIONS];
  LiaAttentionItem *item;
  gint64 target;
  gint64 book_club;

  sql = g_strdup_printf ("INSERT INTO publish_target (name, kind, url, created_at, updated_at)"
                         " VALUES ('Library website', 'folder', '/srv/www/events', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                         unix_noon (2026, 2, 1), unix_noon (2026, 2, 1));
  exec_sql (fixture, sql);
  target = sqlite3_last_insert_rowid (lia_database_get_handle (lia_store_get_database (fixture->store)));
  pending_key = g_strdup_printf ("publish-pending:%" G_GINT64_FORMAT, target);
  failed_key = g_strdup_printf ("publish-failed:%" G_GINT64_FORMAT, target);

  /* Only the first would be published: a draft, an event kept off the
   * website and one not promoted are not. */
  book_club = add_promoted_event (fixture, "Book Club", "2026-03-20T10:00:00", "confirmed", 1, unix_noon (2026, 2, 10));
  add_promoted_event (fixture, "Draft Talk", "2026-03-20T10:00:00", "draft", 1, unix_noon (2026, 2, 11));
  add_promoted_event (fixture, "Print Only", "2026-03-20T10:00:00", "confirmed", 2, unix_noon (2026, 2, 11));
  add_event (fixture, 0, "Not Promoted", "2026-03-20T10:00:00", FALSE, "Main Branch", "Come.", "confirmed", NULL, 0);
  exec_sql (fixture, "UPDATE event SET updated_at = 1770000000 WHERE title = 'Not Promoted'");

  /* Never published: what it would get waits, from its first change. */
  {
    g_autoptr(GPtrArray) items = compute (fixture, "2026-03-02");

    item = find_item (items, pending_key);
    g_assert_nonnull (item);
    g_assert_cmpint (item->kind, ==, LIA_ATTENTION_PUBLISH_PENDING);
    g_assert_cmpuint (item->n_waiting, ==, 1);
    g_assert_cmpstr (item->text, ==, "1 change waiting to be published to “Library website”");
    g_assert_cmpint (item->record_id, ==, target);
    g_assert_cmpint (item->partner_id, ==, 0);
    g_assert_cmpstr (item->due_on, ==, "2026-02-10");
    g_assert_cmpint (item->days_overdue, ==, 20);
    g_assert_cmpint (lia_attention_item_get_group (item), ==, LIA_ATTENTION_GROUP_PUBLISHING);
    g_assert_cmpstr (lia_attention_group_get_title (LIA_ATTENTION_GROUP_PUBLISHING), ==, "Publishing");
    g_assert_cmpuint (lia_attention_item_get_actions (item, actions), ==, 1);
    g_assert_cmpint (actions[0], ==, LIA_ATTENTION_ACTION_OPEN_PUBLISH);
    g_assert_cmpstr (lia_attention_action_get_label (actions[0]), ==, "_Review & Publish");
    g_assert_null (find_item (items, failed_key));
  }

  /* Published since: nothing waits. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE publish_target SET last_run_at = %" G_GINT64_FORMAT ", last_run_state = 'ok'",
                         unix_noon (2026, 2, 20));
  exec_sql (fixture, sql);
  {
    g_autoptr(GPtrArray) items = compute (fixture, "2026-03-02");

    g_assert_null (find_item (items, pending_key));
    g_assert_null (find_item (items, failed_key));
  }

  /* A change after the run, an event trashed after it (the run removes
   * it; one trashed before was removed already) and a step an
   * interrupted run left pending. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE event SET updated_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                         unix_noon (2026, 2, 25), book_club);
  exec_sql (fixture, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE event SET deleted_at = %" G_GINT64_FORMAT ", updated_at = %" G_GINT64_FORMAT
                         " WHERE id = %" G_GINT64_FORMAT,
                         unix_noon (2026, 2, 26), unix_noon (2026, 2, 26),
                         add_promoted_event (fixture, "Trashed Since", "2026-03-21T10:00:00", "confirmed", 1, 1));
  exec_sql (fixture, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE event SET deleted_at = %" G_GINT64_FORMAT ", updated_at = %" G_GINT64_FORMAT
                         " WHERE id = %" G_GINT64_FORMAT,
                         unix_noon (2026, 2, 15), unix_noon (2026, 2, 15),
                         add_promoted_event (fixture, "Trashed Before", "2026-03-21T10:00:00", "confirmed", 1, 1));
  exec_sql (fixture, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO publish_record (target_id, item_kind, item, state)"
                         " VALUES (%" G_GINT64_FORMAT ", 'file', 'events.json', 'pending')", target);
  exec_sql (fixture, sql);
  {
    g_autoptr(GPtrArray) items = compute (fixture, "2026-03-02");

    item = find_item (items, pending_key);
    g_assert_nonnull (item);
    g_assert_cmpuint (item->n_waiting, ==, 3);
    g_assert_cmpstr (item->text, ==, "3 changes waiting to be published to “Library website”");
    g_assert_cmpstr (item->due_on, ==, "2026-02-25");
    g_assert_null (find_item (items, failed_key));
  }

  /* A run that stopped: named with its reason. */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO publish_run (target_id, started_at, finished_at, state, message)"
                         " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'failed',"
                         " 'The server refused the password for ‘Library website’.')",
                         target, unix_noon (2026, 2, 27), unix_noon (2026, 2, 27));
  exec_sql (fixture, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE publish_target SET last_run_at = %" G_GINT64_FORMAT ", last_run_state = 'failed'",
                         unix_noon (2026, 2, 27));
  exec_sql (fixture, sql);
  {
    g_autoptr(GPtrArray) items = compute (fixture, "2026-03-02");

    item = find_item (items, failed_key);
    g_assert_nonnull (item);
    g_assert_cmpint (item->kind, ==, LIA_ATTENTION_PUBLISH_FAILED);
    g_assert_cmpstr (item->text, ==, "Publishing to “Library website” failed: The server refused the password for ‘Library website’.");
    g_assert_cmpstr (item->due_on, ==, "2026-02-27");
    g_assert_cmpstr (lia_attention_item_get_icon_name (item), ==, "dialog-warning-symbolic");
    g_assert_cmpint (lia_attention_item_get_group (item), ==, LIA_ATTENTION_GROUP_PUBLISHING);
    g_assert_cmpuint (lia_attention_item_get_actions (item, actions), ==, 1);
    g_assert_cmpint (actions[0], ==, LIA_ATTENTION_ACTION_OPEN_PUBLISH);
    /* The pending record still waits; the changes before the run too. */
    item = find_item (items, pending_key);
    g_assert_nonnull (item);
    g_assert_cmpuint (item->n_waiting, ==, 1);
  }

  /* A run that went through but left conflicts and refusals. */
  exec_sql (fixture, "UPDATE publish_target SET last_run_state = 'partial'");
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO publish_record (target_id, item_kind, item, state) VALUES"
                         " (%" G_GINT64_FORMAT ", 'file', 'events.ics', 'conflict'),"
                         " (%" G_GINT64_FORMAT ", 'file', 'events.rss', 'failed'),"
                         " (%" G_GINT64_FORMAT ", 'file', 'events.jsonld', 'failed')",
                         target, target, target);
  exec_sql (fixture, sql);
  {
    g_autoptr(GPtrArray) items = compute (fixture, "2026-03-02");

    item = find_item (items, failed_key);
    g_assert_nonnull (item);
    g_assert_cmpstr (item->text, ==, "Publishing to “Library website” needs you: 1 conflict, 2 items refused");
    g_assert_cmpuint (item->n_waiting, ==, 3);
  }

  /* Snoozed, then a disabled target: neither shows. */
  snooze (fixture, failed_key, "2026-03-05");
  {
    g_autoptr(GPtrArray) items = compute (fixture, "2026-03-02");
    g_autoptr(GPtrArray) later = compute (fixture, "2026-03-05");

    g_assert_null (find_item (items, failed_key));
    g_assert_nonnull (find_item (items, pending_key));
    g_assert_nonnull (find_item (later, failed_key));
  }
  exec_sql (fixture, "UPDATE publish_target SET enabled = 0");
  {
    g_autoptr(GPtrArray) items = compute (fixture, "2026-03-05");

    g_assert_null (find_item (items, failed_key));
    g_assert_null (find_item (items, pending_key));
  }
}

/* The sources over the partners' records read indexes alone
 * (0006-today-and-list-reads.sql): the plan of each of their statements,
 * still prepared in the connection's cache after a compute, names a
 * covering index for every table it reads. A plan that reads table rows
 * costs a page of the file a row, which no longer fits the page cache on a
 * large file (on the huge benchmark dataset Today took twice as long). The
 * snooze check is left out: it runs only while a snooze does, on a small
 * table. */
static void
test_plans_read_indexes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) items = compute (fixture, "2026-03-02");
  gpointer handle = lia_database_get_handle (fixture->database);

  g_assert_nonnull (items);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'stale:'", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'follow-up:'", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'expectation:'", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'agreement:'", "attention_snooze"), ==, 1);
  /* Single events and series. */
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'event:'", "attention_snooze"), ==, 2);
}

/* A sample community of @partners around 2 March 2026. */
static void
fill_sample (Fixture *fixture,
             guint    partners)
{
  LiaSampleDataOptions options;
  g_autoptr(GError) error = NULL;

  lia_sample_data_options_init (&options);
  options.partners = partners;
  g_date_set_dmy (&options.today, 2, G_DATE_MARCH, 2026);
  g_assert_true (lia_sample_data_fill (fixture->database, &options, NULL, &error));
  g_assert_no_error (error);
}

/* Checks that what the page is shown on @day with @limits is the first
 * items of each group of lia_attention_compute(), in its order with its
 * sentences, that the counts are the groups' sizes and the count of new
 * items lia_attention_count_new_since()'s from @since. Returns how many
 * groups were cut by their limit. */
static guint
check_shown (Fixture     *fixture,
             const char  *day,
             const guint *limits,
             const char  *since_day)
{
  g_autoptr(GPtrArray) all = compute (fixture, day);
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *groups[LIA_ATTENTION_N_GROUPS];
  guint counts[LIA_ATTENTION_N_GROUPS];
  guint n_new = G_MAXUINT;
  guint n_cut = 0;
  guint at = 0;
  GDate date, since;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  g_date_clear (&since, 1);
  g_date_set_parse (&since, since_day);
  g_assert_true (g_date_valid (&since));

  for (guint g = 0; g < LIA_ATTENTION_N_GROUPS; g++)
    groups[g] = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      LiaAttentionItem *item = g_ptr_array_index (all, i);

      g_ptr_array_add (groups[lia_attention_item_get_group (item)], item);
    }

  memset (counts, 0xff, sizeof counts);
  shown = lia_attention_compute_shown (fixture->store, &date, limits, &since, counts, &n_new, &error);
  g_assert_no_error (error);
  g_assert_nonnull (shown);

  g_assert_cmpuint (n_new, ==, lia_attention_count_new_since (all, &since));

  for (guint g = 0; g < LIA_ATTENTION_N_GROUPS; g++)
    {
      guint n = MIN (limits[g], groups[g]->len);

      g_assert_cmpuint (counts[g], ==, groups[g]->len);
      if (n < groups[g]->len)
        n_cut++;

      for (guint i = 0; i < n; i++, at++)
        {
          const LiaAttentionItem *want = g_ptr_array_index (groups[g], i);
          const LiaAttentionItem *got;

          g_assert_cmpuint (at, <, shown->len);
          got = g_ptr_array_index (shown, at);
          g_assert_cmpstr (got->key, ==, want->key);
          g_assert_cmpint (got->kind, ==, want->kind);
          g_assert_cmpstr (got->text, ==, want->text);
          g_assert_cmpstr (got->due_on, ==, want->due_on);
          g_assert_cmpint (got->days_overdue, ==, want->days_overdue);
          g_assert_cmpstr (got->partner_name, ==, want->partner_name);
          g_assert_cmpint (got->partner_id, ==, want->partner_id);
          g_assert_cmpint (got->record_id, ==, want->record_id);
          g_assert_cmpint (got->update_requested_at, ==, want->update_requested_at);
        }
      g_ptr_array_unref (groups[g]);
    }
  g_assert_cmpuint (at, ==, shown->len);

  return n_cut;
}

static void
test_shown_sample (Fixture       *fixture,
                   gconstpointer  data)
{
  static const guint twenty[LIA_ATTENTION_N_GROUPS] = { 20, 20, 20, 20, 20, 20 };
  static const guint mixed[LIA_ATTENTION_N_GROUPS] = { 3, 1, 7, 2, 0, 45 };
  static const guint none[LIA_ATTENTION_N_GROUPS] = { 0 };
  static const guint every[LIA_ATTENTION_N_GROUPS] = {
    G_MAXUINT, G_MAXUINT, G_MAXUINT, G_MAXUINT, G_MAXUINT, G_MAXUINT,
  };
  g_autoptr(GPtrArray) before = NULL;
  guint n_cut = 0;
  guint n_snoozed = 0;

  fill_sample (fixture, 400);

  /* Two months on, every group is long. */
  n_cut += check_shown (fixture, "2026-05-04", twenty, "2026-04-20");
  n_cut += check_shown (fixture, "2026-05-04", mixed, "2026-03-01");
  n_cut += check_shown (fixture, "2026-05-04", none, "2026-05-03");
  g_assert_cmpuint (check_shown (fixture, "2026-05-04", every, "2026-01-10"), ==, 0);
  n_cut += check_shown (fixture, "2026-03-02", twenty, "2026-02-01");
  /* Limits that cut groups were met: the test compares more than heads. */
  g_assert_cmpuint (n_cut, >=, 6);

  /* Snoozes running on the day (and one that ended) leave out the same
   * items from the counts and the rows. */
  before = compute (fixture, "2026-05-04");
  for (guint i = 0; i < before->len; i += 5)
    {
      LiaAttentionItem *item = g_ptr_array_index (before, i);

      snooze (fixture, item->key, i % 2 == 0 ? "2026-05-20" : "2026-05-04");
      n_snoozed += i % 2 == 0;
    }
  g_assert_cmpuint (n_snoozed, >, 10);
  {
    g_autoptr(GPtrArray) after = compute (fixture, "2026-05-04");

    g_assert_cmpuint (after->len, ==, before->len - n_snoozed);
  }
  check_shown (fixture, "2026-05-04", twenty, "2026-04-20");
  check_shown (fixture, "2026-05-04", mixed, "2026-03-20");
  check_shown (fixture, "2026-05-04", every, "2026-04-01");
}

static void
test_shown_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  static const guint two[LIA_ATTENTION_N_GROUPS] = { 2, 2, 2, 2, 2, 2 };
  gint64 riverbend = add_partner (fixture, "Riverbend Food Bank", LIA_UPKEEP_MODE_PARTNER_SENDS,
                                  30, unix_noon (2025, 6, 1));
  gint64 maple = add_partner (fixture, "Maple Street Shelter", LIA_UPKEEP_MODE_LIBRARY_ASKS,
                              30, unix_noon (2025, 6, 1));
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[LIA_ATTENTION_N_GROUPS];
  guint n_new = 0;
  LiaAttentionItem *item;
  GDate today, since;

  /* Three follow-ups, the latest due first; an agreement ending in 50
   * days (shown from 10 days ago) and one in 70 (not yet shown). */
  add_follow_up (fixture, riverbend, "2026-02-27");
  add_follow_up (fixture, maple, "2026-02-20");
  add_follow_up (fixture, riverbend, "2026-03-01");
  add_agreement (fixture, maple, "2026-04-21", FALSE);
  add_agreement (fixture, riverbend, "2026-05-11", FALSE);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_MARCH, 2026);
  g_date_clear (&since, 1);
  g_date_set_dmy (&since, 25, G_DATE_FEBRUARY, 2026);
  shown = lia_attention_compute_shown (fixture->store, &today, two, &since, counts, &n_new, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (counts[LIA_ATTENTION_GROUP_FOLLOW_UPS], ==, 3);
  g_assert_cmpuint (counts[LIA_ATTENTION_GROUP_AGREEMENTS], ==, 1);
  g_assert_cmpuint (counts[LIA_ATTENTION_GROUP_INFORMATION], ==, 2);
  g_assert_cmpuint (counts[LIA_ATTENTION_GROUP_PROMISES], ==, 0);
  /* Since 25 February: two follow-ups (27 Feb, 1 Mar) and the agreement
   * (shown from 20 Feb: not new); the partners were stale before. */
  g_assert_cmpuint (n_new, ==, 2);

  /* The two most overdue follow-ups, then the agreement, then the two
   * stale partners. */
  g_assert_cmpuint (shown->len, ==, 5);
  item = g_ptr_array_index (shown, 0);
  g_assert_cmpstr (item->due_on, ==, "2026-02-20");
  g_assert_cmpstr (item->partner_name, ==, "Maple Street Shelter");
  item = g_ptr_array_index (shown, 1);
  g_assert_cmpstr (item->due_on, ==, "2026-02-27");
  g_assert_nonnull (item->text);
  item = g_ptr_array_index (shown, 2);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_AGREEMENT_ENDING);
  item = g_ptr_array_index (shown, 3);
  g_assert_cmpint (item->kind, ==, LIA_ATTENTION_STALE);

  /* Without a day since, nothing is new. */
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = lia_attention_compute_shown (fixture->store, &today, two, NULL, NULL, &n_new, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 0);
}

/* Publishing: two sources in one group, merged by day, then kind. */
static void
test_shown_publishing (Fixture       *fixture,
                       gconstpointer  data)
{
  static const guint one[LIA_ATTENTION_N_GROUPS] = { 1, 1, 1, 1, 1, 1 };
  static const guint two[LIA_ATTENTION_N_GROUPS] = { 2, 2, 2, 2, 2, 2 };
  static const guint three[LIA_ATTENTION_N_GROUPS] = { 3, 3, 3, 3, 3, 3 };
  gpointer handle = lia_database_get_handle (fixture->database);
  g_autofree char *sql = NULL;
  gint64 stopped, waiting;

  /* A target whose run stopped on 27 February with a step left pending:
   * failed and pending on the same day. */
  sql = g_strdup_printf ("INSERT INTO publish_target (name, kind, url, created_at, updated_at, last_run_at, last_run_state)"
                         " VALUES ('Library website', 'folder', '/srv/www/events', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ", 'failed')",
                         unix_noon (2026, 2, 1), unix_noon (2026, 2, 1), unix_noon (2026, 2, 27));
  exec_sql (fixture, sql);
  stopped = sqlite3_last_insert_rowid (handle);
  /* One never run, added on 1 February, with a step pending: the most overdue. */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO publish_target (name, kind, url, created_at, updated_at)"
                         " VALUES ('Branch screens', 'folder', '/srv/screens', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                         unix_noon (2026, 2, 1), unix_noon (2026, 2, 1));
  exec_sql (fixture, sql);
  waiting = sqlite3_last_insert_rowid (handle);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO publish_record (target_id, item_kind, item, state) VALUES"
                         " (%" G_GINT64_FORMAT ", 'file', 'events.json', 'pending'),"
                         " (%" G_GINT64_FORMAT ", 'file', 'events.json', 'pending')",
                         stopped, waiting);
  exec_sql (fixture, sql);

  {
    g_autoptr(GPtrArray) all = compute (fixture, "2026-03-02");
    g_autofree char *first = g_strdup_printf ("publish-pending:%" G_GINT64_FORMAT, waiting);
    g_autofree char *second = g_strdup_printf ("publish-failed:%" G_GINT64_FORMAT, stopped);
    g_autofree char *third = g_strdup_printf ("publish-pending:%" G_GINT64_FORMAT, stopped);

    g_assert_cmpuint (all->len, ==, 3);
    g_assert_cmpstr (((LiaAttentionItem *)g_ptr_array_index (all, 0))->key, ==, first);
    g_assert_cmpstr (((LiaAttentionItem *)g_ptr_array_index (all, 1))->key, ==, second);
    g_assert_cmpstr (((LiaAttentionItem *)g_ptr_array_index (all, 2))->key, ==, third);
  }
  g_assert_cmpuint (check_shown (fixture, "2026-03-02", one, "2026-02-26"), ==, 1);
  g_assert_cmpuint (check_shown (fixture, "2026-03-02", two, "2026-01-01"), ==, 1);
  g_assert_cmpuint (check_shown (fixture, "2026-03-02", three, "2026-02-26"), ==, 0);
}

static void
test_shown_plans_read_indexes (Fixture       *fixture,
                               gconstpointer  data)
{
  static const guint twenty[LIA_ATTENTION_N_GROUPS] = { 20, 20, 20, 20, 20, 20 };
  gpointer handle = lia_database_get_handle (fixture->database);
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[LIA_ATTENTION_N_GROUPS];
  GDate today;

  fill_sample (fixture, 200);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 4, G_DATE_MAY, 2026);
  shown = lia_attention_compute_shown (fixture->store, &today, twenty, &today, counts, NULL, &error);
  g_assert_no_error (error);
  for (guint g = 0; g < LIA_ATTENTION_N_GROUPS; g++)
    if (g != LIA_ATTENTION_GROUP_PUBLISHING)
      g_assert_cmpuint (counts[g], >, 0);

  /* The counts, which read every item. */
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT count (*) AS stale,", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT count (*) AS follow_ups,", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT count (*) AS expectations,", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT count (*) AS agreements,", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT count (*) AS single_events,", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT count (*) AS series,", "attention_snooze"), ==, 1);
  /* The first rows (lia_attention_compute() was not called). */
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'stale:'", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'follow-up:'", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'expectation:'", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'agreement:'", "attention_snooze"), ==, 1);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT 'event:'", "attention_snooze"), ==, 2);
}

static void
test_kind_nicks (void)
{
  GEnumClass *klass = g_type_class_ref (LIA_TYPE_ATTENTION_KIND);

  g_assert_cmpstr (g_enum_get_value (klass, LIA_ATTENTION_STALE)->value_nick, ==, "stale");
  g_assert_cmpstr (g_enum_get_value (klass, LIA_ATTENTION_FOLLOW_UP)->value_nick, ==, "follow-up");
  g_assert_cmpstr (g_enum_get_value (klass, LIA_ATTENTION_EXPECTATION_DUE)->value_nick, ==, "expectation-due");
  g_assert_cmpstr (g_enum_get_value (klass, LIA_ATTENTION_EXPECTATION_MISSED)->value_nick, ==, "expectation-missed");
  g_assert_cmpstr (g_enum_get_value (klass, LIA_ATTENTION_AGREEMENT_ENDING)->value_nick, ==, "agreement-ending");
  g_assert_cmpstr (g_enum_get_value (klass, LIA_ATTENTION_PUBLISH_FAILED)->value_nick, ==, "publish-failed");
  g_assert_cmpstr (g_enum_get_value (klass, LIA_ATTENTION_PUBLISH_PENDING)->value_nick, ==, "publish-pending");
  g_type_class_unref (klass);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/attention/stale/boundaries", test_stale_boundaries);
  ADD ("/attention/stale/cadence-change", test_stale_cadence_change);
  ADD ("/attention/stale/never-and-confirmed", test_stale_never_and_confirmed);
  ADD ("/attention/follow-up", test_follow_up);
  ADD ("/attention/expectation", test_expectation);
  ADD ("/attention/agreement", test_agreement);
  ADD ("/attention/snooze", test_snooze);
  ADD ("/attention/trashed-partner", test_trashed_partner);
  ADD ("/attention/order", test_order);
  ADD ("/attention/events", test_events);
  ADD ("/attention/publishing", test_publishing);
  ADD ("/attention/plans-read-indexes", test_plans_read_indexes);
  ADD ("/attention/shown/sample", test_shown_sample);
  ADD ("/attention/shown/counts", test_shown_counts);
  ADD ("/attention/shown/publishing", test_shown_publishing);
  ADD ("/attention/shown/plans-read-indexes", test_shown_plans_read_indexes);
#undef ADD
  g_test_add_func ("/attention/kind-nicks", test_kind_nicks);

  return g_test_run ();
}
