/* test-upkeep.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Today page's actions write (lia-upkeep): the update-request
 * e-mail and its mailto: URI, logging it, marking verified, follow-ups
 * done, expectations met or missed, renewing agreements.
 */

#include "config.h"

#include <string.h>

#include "lia-attention.h"
#include "lia-database.h"
#include "lia-store.h"
#include "lia-test-util.h"
#include "lia-upkeep.h"

#define HOUR 3600
#define DAY 86400

typedef struct
{
  char        *dir;
  LiaDatabase *database;
  LiaStore    *store;
  gint64       now;
  guint        n_changed;
} Fixture;

static gint64
unix_noon (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (date_time);
}

static gint64
unix_midnight (int year,
               int month,
               int day)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return g_date_time_to_unix (date_time);
}

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

static void
on_store_changed_cb (LiaStore      *store,
                     LiaRecordKind  kind,
                     gint64         id,
                     Fixture       *fixture)
{
  fixture->n_changed++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = lia_test_make_temp_dir ("upkeep");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  fixture->now = unix_noon (2026, 3, 2);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_store_changed_cb), fixture);
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

static int
get_total_changes (Fixture *fixture)
{
  return sqlite3_total_changes (lia_database_get_handle (fixture->database));
}

static void
set_day (GDate      *date,
         const char *day)
{
  g_date_clear (date, 1);
  g_date_set_parse (date, day);
  g_assert_true (g_date_valid (date));
}

static gint64
add_partner (Fixture    *fixture,
             const char *name,
             const char *email)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  lia_partner_set_email (partner, email);
  lia_partner_set_cadence_days (partner, 30);
  lia_partner_set_info_verified_at (partner, unix_noon (2026, 1, 1));
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

static gint64
add_contact (Fixture    *fixture,
             gint64      partner_id,
             const char *name,
             const char *role,
             const char *email,
             const char *phone,
             gboolean    is_primary)
{
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;

  lia_contact_set_partner_id (contact, partner_id);
  lia_contact_set_name (contact, name);
  lia_contact_set_role (contact, role);
  lia_contact_set_email (contact, email);
  lia_contact_set_phone (contact, phone);
  lia_contact_set_is_primary (contact, is_primary);
  g_assert_true (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);

  return lia_contact_get_id (contact);
}

static gint64
add_expectation (Fixture              *fixture,
                 gint64                partner_id,
                 LiaDirection          direction,
                 const char           *what,
                 int                   cadence_days,
                 const char           *due_on,
                 LiaExpectationStatus  status)
{
  g_autoptr(LiaExpectation) expectation = lia_expectation_new ();
  g_autoptr(GError) error = NULL;

  lia_expectation_set_partner_id (expectation, partner_id);
  lia_expectation_set_direction (expectation, direction);
  lia_expectation_set_what (expectation, what);
  lia_expectation_set_cadence_days (expectation, cadence_days);
  lia_expectation_set_due_on (expectation, due_on);
  lia_expectation_set_status (expectation, status);
  g_assert_true (lia_store_save_expectation (fixture->store, expectation, &error));
  g_assert_no_error (error);

  return lia_expectation_get_id (expectation);
}

static gint64
add_agreement (Fixture            *fixture,
               gint64              partner_id,
               const char         *starts_on,
               const char         *ends_on,
               LiaAgreementStatus  status)
{
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  g_autoptr(GError) error = NULL;

  lia_agreement_set_partner_id (agreement, partner_id);
  lia_agreement_set_title (agreement, "Food drive MOU");
  lia_agreement_set_starts_on (agreement, starts_on);
  lia_agreement_set_ends_on (agreement, ends_on);
  lia_agreement_set_status (agreement, status);
  g_assert_true (lia_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);

  return lia_agreement_get_id (agreement);
}

/* No event store API yet: rows go in with SQL. @last_end_utc 0 is NULL. */
static void
add_event (Fixture    *fixture,
           gint64      partner_id,
           const char *title,
           const char *dtstart,
           gint64      start_utc,
           gint64      last_end_utc,
           const char *rrule,
           const char *status)
{
  static guint n_events = 0;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = g_strdup_printf ("event-%u@test", ++n_events);

  stmt = lia_database_prepare (fixture->database,
                               "INSERT INTO event (uid, partner_id, title, dtstart, start_utc, last_end_utc,"
                               " rrule, status, created_at, updated_at)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                               &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, partner_id);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, dtstart, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, start_utc);
  if (last_end_utc != 0)
    sqlite3_bind_int64 (stmt, 6, last_end_utc);
  if (rrule != NULL)
    sqlite3_bind_text (stmt, 7, rrule, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, fixture->now);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static LiaUpdateRequest *
compose (Fixture    *fixture,
         gint64      partner_id,
         const char *library_name,
         const char *sender)
{
  g_autoptr(GError) error = NULL;
  LiaUpdateRequest *request;
  GDate today;

  set_day (&today, "2026-03-02");
  request = lia_update_request_compose (fixture->store, partner_id, &today, library_name, sender, &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);
  g_assert_nonnull (request->subject);
  g_assert_nonnull (request->body);
  g_assert_true (g_str_has_suffix (request->body, "\n"));

  return request;
}

static GPtrArray *
compute (Fixture    *fixture,
         const char *day)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  GDate date;

  set_day (&date, day);
  items = lia_attention_compute (fixture->store, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);

  return items;
}

static gboolean
has_item (GPtrArray  *items,
          const char *key)
{
  for (guint i = 0; i < items->len; i++)
    {
      LiaAttentionItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->key, key))
        return TRUE;
    }

  return FALSE;
}

static guint
count_interactions (Fixture *fixture,
                    gint64   partner_id)
{
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;

  interactions = lia_store_list_interactions (fixture->store, partner_id, &error);
  g_assert_no_error (error);

  return interactions->len;
}

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” is not in:\n%s", (needle), (haystack)); \
  } G_STMT_END

#define assert_lacks(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) != NULL) \
      g_error ("“%s” should not be in:\n%s", (needle), (haystack)); \
  } G_STMT_END

static void
test_compose_full (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaUpdateRequest) request = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner_id;
  gint64 other_id;
  gint64 left_id;

  partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  other_id = add_partner (fixture, "Westbrook Arts Council", "hello@westbrook.org");

  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  lia_partner_set_address (partner, "12 Mill Road\nRiverside");
  lia_partner_set_phone (partner, "555-0100");
  lia_partner_set_website (partner, "https://riverbend.org");
  lia_partner_set_description (partner, "Food for everyone in the valley.");
  lia_partner_set_services (partner, "Food pantry\nWeekly meals");
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  add_contact (fixture, partner_id, "Lee Wong", "Treasurer", NULL, NULL, FALSE);
  add_contact (fixture, partner_id, "Dana Smith", "Volunteer coordinator", "dana@riverbend.org", "555-0101", TRUE);
  left_id = add_contact (fixture, partner_id, "Pat Gone", "Former director", "pat@riverbend.org", NULL, FALSE);
  g_assert_true (lia_store_end_contact (fixture->store, left_id, &error));
  g_assert_no_error (error);

  add_event (fixture, partner_id, "Spring food drive", "2026-03-14T10:00:00",
             unix_noon (2026, 3, 14), unix_noon (2026, 3, 14) + 2 * HOUR, NULL, "confirmed");
  add_event (fixture, partner_id, "Winter coat drive", "2026-01-10T10:00:00",
             unix_noon (2026, 1, 10), unix_noon (2026, 1, 10) + 2 * HOUR, NULL, "confirmed");
  add_event (fixture, partner_id, "Tuesday lunch", "2026-01-06T12:00:00",
             unix_noon (2026, 1, 6), 0, "FREQ=WEEKLY", "confirmed");
  add_event (fixture, partner_id, "Autumn talks", "2025-09-01T18:00:00",
             unix_noon (2025, 9, 1), unix_noon (2026, 2, 1), "FREQ=WEEKLY", "confirmed");
  add_event (fixture, partner_id, "Cancelled gala", "2026-04-01T19:00:00",
             unix_noon (2026, 4, 1), 0, NULL, "cancelled");
  add_event (fixture, partner_id, "Today at midnight", "2026-03-02",
             unix_midnight (2026, 3, 2), 0, NULL, "draft");
  add_event (fixture, other_id, "Westbrook open studio", "2026-03-20T10:00:00",
             unix_noon (2026, 3, 20), 0, NULL, "confirmed");

  add_expectation (fixture, partner_id, LIA_DIRECTION_PARTNER_PROVIDES, "monthly program list",
                   30, "2026-04-01", LIA_EXPECTATION_STATUS_ACTIVE);
  add_expectation (fixture, partner_id, LIA_DIRECTION_LIBRARY_PROVIDES, "meeting room",
                   0, "2026-03-10", LIA_EXPECTATION_STATUS_ACTIVE);
  add_expectation (fixture, partner_id, LIA_DIRECTION_PARTNER_PROVIDES, "annual report",
                   0, "2026-01-15", LIA_EXPECTATION_STATUS_MET);

  request = compose (fixture, partner_id, "Riverside Library", "Amira");

  g_assert_cmpstr (request->to, ==, "dana@riverbend.org");
  g_assert_cmpstr (request->to_name, ==, "Dana Smith");
  g_assert_cmpstr (request->subject, ==, "Please check your listing with Riverside Library");

  g_assert_true (g_str_has_prefix (request->body, "Hello Dana,\n\n"));
  assert_contains (request->body,
                   "To keep our listing at Riverside Library up to date, could you check what we have on file"
                   " for Riverbend Food Bank?\n");
  assert_contains (request->body,
                   "\nRiverbend Food Bank\n"
                   "Address: 12 Mill Road\n"
                   "  Riverside\n"
                   "Phone: 555-0100\n"
                   "E-mail: info@riverbend.org\n"
                   "Website: https://riverbend.org\n"
                   "Description: Food for everyone in the valley.\n");
  assert_contains (request->body,
                   "\nContacts\n"
                   "- Dana Smith (primary), Volunteer coordinator, dana@riverbend.org, 555-0101\n"
                   "- Lee Wong, Treasurer\n\n");
  assert_lacks (request->body, "Pat Gone");
  assert_contains (request->body, "\nServices\nFood pantry\nWeekly meals\n\n");

  /* In order of start; the past, the ended series, the cancelled and
   * another partner's events are left out. */
  assert_contains (request->body,
                   "\nUpcoming events\n"
                   "- Tuesday lunch, from 6 Jan 2026 (repeats)\n"
                   "- Today at midnight, 2 Mar 2026\n"
                   "- Spring food drive, 14 Mar 2026\n\n");
  assert_lacks (request->body, "Winter coat drive");
  assert_lacks (request->body, "Autumn talks");
  assert_lacks (request->body, "Cancelled gala");
  assert_lacks (request->body, "Westbrook");

  assert_contains (request->body,
                   "\nWhat we agreed\n"
                   "You provide:\n"
                   "- monthly program list, next due 1 Apr 2026\n"
                   "The library provides:\n"
                   "- meeting room, next due 10 Mar 2026\n\n");
  assert_lacks (request->body, "annual report");

  assert_contains (request->body, "“all correct”");
  g_assert_true (g_str_has_suffix (request->body, "\n\nThank you,\nAmira\nRiverside Library\n"));
}

static void
test_compose_no_contacts (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 with_email = add_partner (fixture, "Northside Garden", "info@northside.org");
  gint64 without_email = add_partner (fixture, "Hill Chess Club", NULL);
  gint64 silent_primary = add_partner (fixture, "Lakeside Choir", "choir@lakeside.org");
  g_autoptr(LiaUpdateRequest) request = NULL;
  g_autoptr(LiaUpdateRequest) no_address = NULL;
  g_autoptr(LiaUpdateRequest) partner_address = NULL;
  g_autofree char *uri = NULL;

  request = compose (fixture, with_email, NULL, "");
  g_assert_cmpstr (request->to, ==, "info@northside.org");
  g_assert_null (request->to_name);
  g_assert_cmpstr (request->subject, ==, "Please check your listing");
  g_assert_true (g_str_has_prefix (request->body, "Hello,\n\n"));
  assert_contains (request->body,
                   "To keep our listing up to date, could you check what we have on file for Northside Garden?\n");
  /* The partner's details always; the empty sections not at all. */
  assert_contains (request->body, "\nNorthside Garden\nE-mail: info@northside.org\n\n");
  assert_lacks (request->body, "Address:");
  assert_lacks (request->body, "Contacts");
  assert_lacks (request->body, "Services");
  assert_lacks (request->body, "Upcoming events");
  assert_lacks (request->body, "What we agreed");
  g_assert_true (g_str_has_suffix (request->body, "\n\nThank you!\n"));

  no_address = compose (fixture, without_email, "Riverside Library", NULL);
  g_assert_null (no_address->to);
  g_assert_true (g_str_has_suffix (no_address->body, "\n\nThank you,\nRiverside Library\n"));
  uri = lia_update_request_to_uri (no_address);
  g_assert_true (g_str_has_prefix (uri, "mailto:?subject=Please%20check%20your%20listing%20with%20Riverside%20Library&body=Hello%2C%0D%0A"));

  /* A primary contact without an address: the partner's address, the
   * contact's name. */
  add_contact (fixture, silent_primary, "Dr. Ruth Park", "Director", NULL, "555-0199", TRUE);
  partner_address = compose (fixture, silent_primary, NULL, NULL);
  g_assert_cmpstr (partner_address->to, ==, "choir@lakeside.org");
  g_assert_cmpstr (partner_address->to_name, ==, "Dr. Ruth Park");
  g_assert_true (g_str_has_prefix (partner_address->body, "Hello Dr. Ruth Park,\n"));
}

static void
test_compose_trashed (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  LiaUpdateRequest *request;
  g_autoptr(GError) error = NULL;
  GDate today;

  set_day (&today, "2026-03-02");

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, partner_id, &error));
  g_assert_no_error (error);

  request = lia_update_request_compose (fixture->store, partner_id, &today, NULL, NULL, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (request);
  g_clear_error (&error);

  request = lia_update_request_compose (fixture->store, partner_id + 100, &today, NULL, NULL, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (request);
}

static void
test_to_uri (void)
{
  LiaUpdateRequest request = {
    .to = (char *)"dana+news@riverbend.org",
    .to_name = (char *)"Dana Smith",
    .subject = (char *)"Café & more?",
    .body = (char *)"Hello Dana,\n\nTea & cakes? Yes = 100%\nÉté\n",
  };
  g_autofree char *uri = lia_update_request_to_uri (&request);
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) params = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) body_lf = NULL;

  g_assert_true (g_str_has_prefix (uri, "mailto:"));
  g_assert_true (g_str_is_ascii (uri));
  g_assert_null (strchr (uri, ' '));
  g_assert_null (strchr (uri, '\n'));
  assert_contains (uri, "Hello%20Dana%2C%0D%0A%0D%0ATea%20%26%20cakes%3F");

  /* One "?" and one "&": those in the text are escaped. */
  parts = g_strsplit (uri + strlen ("mailto:"), "?", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  params = g_strsplit (parts[1], "&", -1);
  g_assert_cmpuint (g_strv_length (params), ==, 2);
  g_assert_true (g_str_has_prefix (params[0], "subject="));
  g_assert_true (g_str_has_prefix (params[1], "body="));

  to = g_uri_unescape_string (parts[0], NULL);
  subject = g_uri_unescape_string (params[0] + strlen ("subject="), NULL);
  body = g_uri_unescape_string (params[1] + strlen ("body="), NULL);
  g_assert_cmpstr (to, ==, request.to);
  g_assert_cmpstr (subject, ==, request.subject);

  /* Lines end in CRLF (RFC 6068); apart from that the body round-trips. */
  g_assert_null (strstr (body, "\n\n"));
  body_lf = g_string_new (body);
  g_assert_cmpuint (g_string_replace (body_lf, "\r\n", "\n", 0), ==, 4);
  g_assert_cmpstr (body_lf->str, ==, request.body);
}

static void
test_log_update_request (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  gint64 contact_id = add_contact (fixture, partner_id, "Dana Smith", NULL, "dana@riverbend.org", NULL, TRUE);
  g_autoptr(LiaInteraction) interaction = NULL;
  g_autoptr(LiaInteraction) confirmation = lia_interaction_new ();
  g_autoptr(LiaPartner) requested = NULL;
  g_autoptr(LiaPartner) confirmed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 interaction_id = 0;

  fixture->n_changed = 0;
  g_assert_true (lia_upkeep_log_update_request (fixture->store, partner_id, "Amira", &interaction_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (interaction_id, >, 0);
  g_assert_cmpuint (fixture->n_changed, >=, 1);

  interaction = lia_store_get_interaction (fixture->store, interaction_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_partner_id (interaction), ==, partner_id);
  g_assert_cmpint (lia_interaction_get_kind (interaction), ==, LIA_INTERACTION_KIND_UPDATE_REQUEST);
  g_assert_cmpstr (lia_interaction_get_summary (interaction), ==, "Asked for an update");
  g_assert_cmpint (lia_interaction_get_contact_id (interaction), ==, contact_id);
  g_assert_cmpstr (lia_interaction_get_contact_name (interaction), ==, "Dana Smith");
  g_assert_cmpstr (lia_interaction_get_staff (interaction), ==, "Amira");
  g_assert_cmpint (lia_interaction_get_occurred_at (interaction), ==, fixture->now);
  g_assert_false (lia_interaction_get_confirms_info (interaction));

  requested = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_update_requested_at (requested), ==, fixture->now);
  g_assert_cmpint (lia_partner_get_info_verified_at (requested), ==, unix_noon (2026, 1, 1));

  /* The partner answers the next day: the request is no longer pending. */
  fixture->now += DAY;
  lia_interaction_set_partner_id (confirmation, partner_id);
  lia_interaction_set_kind (confirmation, LIA_INTERACTION_KIND_EMAIL);
  lia_interaction_set_summary (confirmation, "Dana confirmed the listing");
  lia_interaction_set_confirms_info (confirmation, TRUE);
  g_assert_true (lia_store_save_interaction (fixture->store, confirmation, &error));
  g_assert_no_error (error);

  confirmed = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_update_requested_at (confirmed), ==, 0);
  g_assert_cmpint (lia_partner_get_info_verified_at (confirmed), ==, fixture->now);
}

static void
test_log_update_request_no_contact (Fixture       *fixture,
                                    gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Northside Garden", NULL);
  g_autoptr(LiaInteraction) interaction = NULL;
  g_autoptr(GError) error = NULL;
  gint64 interaction_id = 0;

  /* Someone who is not the primary contact is not picked. */
  add_contact (fixture, partner_id, "Lee Wong", NULL, "lee@northside.org", NULL, FALSE);

  g_assert_true (lia_upkeep_log_update_request (fixture->store, partner_id, NULL, &interaction_id, &error));
  g_assert_no_error (error);
  interaction = lia_store_get_interaction (fixture->store, interaction_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_contact_id (interaction), ==, 0);
  g_assert_null (lia_interaction_get_staff (interaction));

  /* A missing partner writes nothing. */
  g_assert_false (lia_upkeep_log_update_request (fixture->store, partner_id + 100, NULL, NULL, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_interactions (fixture, partner_id), ==, 1);
}

static void
test_mark_verified (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  g_autofree char *key = g_strdup_printf ("stale:%" G_GINT64_FORMAT, partner_id);
  g_autoptr(GPtrArray) stale = compute (fixture, "2026-03-02");
  g_autoptr(GPtrArray) verified = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;

  /* Verified on 1 January, every 30 days. */
  g_assert_true (has_item (stale, key));

  fixture->n_changed = 0;
  g_assert_true (lia_upkeep_mark_verified (fixture->store, partner_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, >=, 1);

  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_info_verified_at (partner), ==, fixture->now);
  g_assert_cmpstr (lia_partner_get_email (partner), ==, "info@riverbend.org");

  verified = compute (fixture, "2026-03-02");
  g_assert_false (has_item (verified, key));

  g_assert_false (lia_upkeep_mark_verified (fixture->store, partner_id + 100, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
}

static void
test_mark_follow_up_done (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(LiaInteraction) done = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  lia_interaction_set_partner_id (interaction, partner_id);
  lia_interaction_set_kind (interaction, LIA_INTERACTION_KIND_CALL);
  lia_interaction_set_occurred_at (interaction, unix_noon (2026, 2, 20));
  lia_interaction_set_summary (interaction, "Asked about the food drive");
  lia_interaction_set_follow_up_on (interaction, "2026-03-01");
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  key = g_strdup_printf ("follow-up:%" G_GINT64_FORMAT, lia_interaction_get_id (interaction));

  due = compute (fixture, "2026-03-02");
  g_assert_true (has_item (due, key));

  fixture->n_changed = 0;
  g_assert_true (lia_upkeep_mark_follow_up_done (fixture->store, lia_interaction_get_id (interaction), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, >=, 1);

  done = lia_store_get_interaction (fixture->store, lia_interaction_get_id (interaction), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_follow_up_done_at (done), ==, fixture->now);
  g_assert_cmpstr (lia_interaction_get_summary (done), ==, "Asked about the food drive");
  g_assert_cmpstr (lia_interaction_get_follow_up_on (done), ==, "2026-03-01");

  after = compute (fixture, "2026-03-02");
  g_assert_false (has_item (after, key));
}

static void
test_met_recurring (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  gint64 id = add_expectation (fixture, partner_id, LIA_DIRECTION_PARTNER_PROVIDES, "monthly program list",
                               30, "2026-03-01", LIA_EXPECTATION_STATUS_ACTIVE);
  g_autoptr(LiaExpectation) expectation = NULL;
  g_autoptr(LiaInteraction) note = NULL;
  g_autoptr(GError) error = NULL;
  gint64 note_id = 0;
  GDate day;

  set_day (&day, "2026-03-02");
  fixture->n_changed = 0;
  g_assert_true (lia_upkeep_mark_expectation (fixture->store, id, TRUE, &day, &note_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (note_id, >, 0);
  g_assert_cmpuint (fixture->n_changed, >=, 1);

  expectation = lia_store_get_expectation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_expectation_get_status (expectation), ==, LIA_EXPECTATION_STATUS_ACTIVE);
  g_assert_cmpstr (lia_expectation_get_last_met_on (expectation), ==, "2026-03-02");
  g_assert_cmpstr (lia_expectation_get_next_due_on (expectation), ==, "2026-03-31");

  note = lia_store_get_interaction (fixture->store, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_partner_id (note), ==, partner_id);
  g_assert_cmpint (lia_interaction_get_kind (note), ==, LIA_INTERACTION_KIND_NOTE);
  g_assert_cmpint (lia_interaction_get_expectation_id (note), ==, id);
  g_assert_cmpstr (lia_interaction_get_summary (note), ==, "Met: monthly program list");
  g_assert_false (lia_interaction_get_confirms_info (note));
  g_assert_cmpuint (count_interactions (fixture, partner_id), ==, 1);
}

static void
test_met_earlier_day (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  gint64 id = add_expectation (fixture, partner_id, LIA_DIRECTION_LIBRARY_PROVIDES, "meeting room",
                               0, "2026-02-25", LIA_EXPECTATION_STATUS_ACTIVE);
  g_autoptr(LiaExpectation) expectation = NULL;
  g_autoptr(LiaInteraction) note = NULL;
  g_autoptr(GDateTime) occurred = NULL;
  g_autoptr(GError) error = NULL;
  gint64 note_id = 0;
  GDate day;

  /* Met last week, logged today: the note and the expectation say last week. */
  set_day (&day, "2026-02-24");
  g_assert_true (lia_upkeep_mark_expectation (fixture->store, id, TRUE, &day, &note_id, &error));
  g_assert_no_error (error);

  expectation = lia_store_get_expectation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_expectation_get_status (expectation), ==, LIA_EXPECTATION_STATUS_MET);
  g_assert_cmpstr (lia_expectation_get_last_met_on (expectation), ==, "2026-02-24");

  note = lia_store_get_interaction (fixture->store, note_id, &error);
  g_assert_no_error (error);
  occurred = g_date_time_new_from_unix_local (lia_interaction_get_occurred_at (note));
  g_assert_cmpint (g_date_time_get_day_of_month (occurred), ==, 24);
  g_assert_cmpint (g_date_time_get_month (occurred), ==, 2);
}

static void
test_missed_recurring (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  gint64 id = add_expectation (fixture, partner_id, LIA_DIRECTION_PARTNER_PROVIDES, "monthly program list",
                               30, "2026-03-01", LIA_EXPECTATION_STATUS_ACTIVE);
  g_autoptr(LiaExpectation) expectation = NULL;
  g_autoptr(LiaInteraction) note = NULL;
  g_autoptr(GError) error = NULL;
  gint64 note_id = 0;
  GDate day;

  /* Missed long after: one cadence on from the missed due day, no more. */
  set_day (&day, "2026-04-15");
  fixture->n_changed = 0;
  g_assert_true (lia_upkeep_mark_expectation (fixture->store, id, FALSE, &day, &note_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (note_id, >, 0);
  g_assert_cmpuint (fixture->n_changed, >=, 1);

  expectation = lia_store_get_expectation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_expectation_get_status (expectation), ==, LIA_EXPECTATION_STATUS_ACTIVE);
  g_assert_cmpstr (lia_expectation_get_next_due_on (expectation), ==, "2026-03-31");
  g_assert_null (lia_expectation_get_last_met_on (expectation));

  note = lia_store_get_interaction (fixture->store, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_kind (note), ==, LIA_INTERACTION_KIND_NOTE);
  g_assert_cmpint (lia_interaction_get_expectation_id (note), ==, 0);
  g_assert_cmpstr (lia_interaction_get_summary (note), ==, "Missed: monthly program list, due 1 Mar 2026");
}

static void
test_missed_one_time (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  gint64 id = add_expectation (fixture, partner_id, LIA_DIRECTION_PARTNER_PROVIDES, "annual report",
                               0, "2026-02-20", LIA_EXPECTATION_STATUS_ACTIVE);
  g_autofree char *key = g_strdup_printf ("expectation:%" G_GINT64_FORMAT ":2026-02-20", id);
  g_autoptr(GPtrArray) due = compute (fixture, "2026-03-02");
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(LiaExpectation) expectation = NULL;
  g_autoptr(LiaInteraction) note = NULL;
  g_autoptr(GError) error = NULL;
  gint64 note_id = 0;

  g_assert_true (has_item (due, key));

  /* NULL: today. */
  fixture->n_changed = 0;
  g_assert_true (lia_upkeep_mark_expectation (fixture->store, id, FALSE, NULL, &note_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, >=, 1);

  expectation = lia_store_get_expectation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_expectation_get_status (expectation), ==, LIA_EXPECTATION_STATUS_MISSED);
  g_assert_null (lia_expectation_get_last_met_on (expectation));

  note = lia_store_get_interaction (fixture->store, note_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_expectation_id (note), ==, 0);
  g_assert_cmpint (lia_interaction_get_occurred_at (note), ==, fixture->now);
  g_assert_cmpstr (lia_interaction_get_summary (note), ==, "Missed: annual report, due 20 Feb 2026");

  after = compute (fixture, "2026-03-02");
  g_assert_false (has_item (after, key));
}

static void
test_mark_not_active (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  gint64 met = add_expectation (fixture, partner_id, LIA_DIRECTION_PARTNER_PROVIDES, "annual report",
                                0, "2026-02-20", LIA_EXPECTATION_STATUS_MET);
  gint64 retired = add_expectation (fixture, partner_id, LIA_DIRECTION_PARTNER_PROVIDES, "monthly list",
                                    30, "2026-02-20", LIA_EXPECTATION_STATUS_RETIRED);
  g_autoptr(LiaExpectation) expectation = NULL;
  g_autoptr(GError) error = NULL;
  int total_changes = get_total_changes (fixture);
  gint64 note_id = -1;
  GDate day;

  set_day (&day, "2026-03-02");
  fixture->n_changed = 0;

  g_assert_false (lia_upkeep_mark_expectation (fixture->store, met, TRUE, &day, &note_id, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (lia_upkeep_mark_expectation (fixture->store, retired, FALSE, &day, &note_id, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (lia_upkeep_mark_expectation (fixture->store, retired + 100, FALSE, &day, &note_id, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (get_total_changes (fixture), ==, total_changes);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpint (note_id, ==, -1);
  g_assert_cmpuint (count_interactions (fixture, partner_id), ==, 0);

  expectation = lia_store_get_expectation (fixture->store, retired, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_expectation_get_status (expectation), ==, LIA_EXPECTATION_STATUS_RETIRED);

  /* The database is usable afterwards: no transaction was left open. */
  g_assert_true (lia_upkeep_mark_verified (fixture->store, partner_id, &error));
  g_assert_no_error (error);
}

static void
assert_renewed (Fixture    *fixture,
                gint64      partner_id,
                const char *starts_on,
                const char *ends_on,
                const char *next_starts_on,
                const char *next_ends_on)
{
  gint64 id = add_agreement (fixture, partner_id, starts_on, ends_on, LIA_AGREEMENT_STATUS_ACTIVE);
  g_autoptr(LiaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  fixture->n_changed = 0;
  g_assert_true (lia_upkeep_renew_agreement (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, >=, 1);

  agreement = lia_store_get_agreement (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_agreement_get_starts_on (agreement), ==, next_starts_on);
  g_assert_cmpstr (lia_agreement_get_ends_on (agreement), ==, next_ends_on);
  g_assert_cmpint (lia_agreement_get_status (agreement), ==, LIA_AGREEMENT_STATUS_ACTIVE);
  g_assert_cmpstr (lia_agreement_get_title (agreement), ==, "Food drive MOU");
}

static void
test_renew (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  g_autoptr(LiaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ended;

  /* As long as the current term: whole years and months stay whole. */
  assert_renewed (fixture, partner_id, "2025-01-01", "2025-12-31", "2026-01-01", "2026-12-31");
  assert_renewed (fixture, partner_id, "2027-01-01", "2027-12-31", "2028-01-01", "2028-12-31");
  assert_renewed (fixture, partner_id, "2025-03-15", "2025-06-14", "2025-06-15", "2025-09-14");
  /* Otherwise as many days. */
  assert_renewed (fixture, partner_id, "2026-01-10", "2026-01-19", "2026-01-20", "2026-01-29");
  /* No start: a year. */
  assert_renewed (fixture, partner_id, NULL, "2026-06-30", "2026-07-01", "2027-06-30");

  /* An agreement that ended is active again. */
  ended = add_agreement (fixture, partner_id, "2025-01-01", "2025-12-31", LIA_AGREEMENT_STATUS_ENDED);
  g_assert_true (lia_upkeep_renew_agreement (fixture->store, ended, &error));
  g_assert_no_error (error);
  agreement = lia_store_get_agreement (fixture->store, ended, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_agreement_get_status (agreement), ==, LIA_AGREEMENT_STATUS_ACTIVE);
  g_assert_cmpstr (lia_agreement_get_ends_on (agreement), ==, "2026-12-31");
}

static void
test_renew_no_end (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank", "info@riverbend.org");
  gint64 id = add_agreement (fixture, partner_id, "2025-01-01", NULL, LIA_AGREEMENT_STATUS_ACTIVE);
  g_autoptr(LiaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  int total_changes = get_total_changes (fixture);

  fixture->n_changed = 0;
  g_assert_false (lia_upkeep_renew_agreement (fixture->store, id, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (lia_upkeep_renew_agreement (fixture->store, id + 100, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (get_total_changes (fixture), ==, total_changes);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  agreement = lia_store_get_agreement (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_agreement_get_starts_on (agreement), ==, "2025-01-01");
  g_assert_null (lia_agreement_get_ends_on (agreement));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/upkeep/compose/full", test_compose_full);
  ADD ("/upkeep/compose/no-contacts", test_compose_no_contacts);
  ADD ("/upkeep/compose/trashed", test_compose_trashed);
  ADD ("/upkeep/log-update-request", test_log_update_request);
  ADD ("/upkeep/log-update-request/no-contact", test_log_update_request_no_contact);
  ADD ("/upkeep/mark-verified", test_mark_verified);
  ADD ("/upkeep/follow-up-done", test_mark_follow_up_done);
  ADD ("/upkeep/expectation/met-recurring", test_met_recurring);
  ADD ("/upkeep/expectation/met-earlier-day", test_met_earlier_day);
  ADD ("/upkeep/expectation/missed-recurring", test_missed_recurring);
  ADD ("/upkeep/expectation/missed-one-time", test_missed_one_time);
  ADD ("/upkeep/expectation/not-active", test_mark_not_active);
  ADD ("/upkeep/renew", test_renew);
  ADD ("/upkeep/renew/no-end", test_renew_no_end);
#undef ADD
  g_test_add_func ("/upkeep/to-uri", test_to_uri);

  return g_test_run ();
}
