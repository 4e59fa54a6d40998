/* test-store.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LiaStore against a real database file: round trips of every record,
 * the constraints, the trash, the search index, the side effects of
 * logging a contact, and the "changed" signal.
 */

#include "config.h"

#include <string.h>

#include "lia-database.h"
#include "lia-store.h"
#include "lia-test-util.h"
#include "lia-trash-item.h"
#include "lia-validate.h"

#define DAY 86400

typedef struct
{
  LiaRecordKind kind;
  gint64        id;
} Change;

typedef struct
{
  char        *dir;
  char        *path;
  LiaDatabase *database;
  LiaStore    *store;
  gint64       now;
  GArray      *changes;
} Fixture;

/* Noon of @day where the tests run: the store takes the day of an instant
 * in the local time zone. */
static gint64
unix_noon (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_local (year, month, day, 12, 0, 0);

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
  Change change = { kind, id };

  g_array_append_val (fixture->changes, change);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = lia_test_make_temp_dir ("store");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  fixture->now = unix_noon (2026, 3, 2);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_store_changed_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->changes, g_array_unref);
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = lia_database_prepare (fixture->database, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static gint64
count_rows (Fixture    *fixture,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return query_int (fixture, sql);
}

/* How many records of @table (one of the search tables, or NULL for all
 * four) match @text. */
static gint64
count_matches_in (Fixture    *fixture,
                  const char *table,
                  const char *text)
{
  static const char * const tables[] = { "search_partner", "search_contact", "search_interaction", "search_event" };
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM (");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (table == NULL || g_str_equal (table, tables[i]))
      g_string_append_printf (sql, "%sSELECT rowid FROM %s WHERE %s MATCH ?1",
                              sql->str[sql->len - 1] == '(' ? "" : " UNION ALL ", tables[i], tables[i]);
  g_string_append_c (sql, ')');

  stmt = lia_database_prepare (fixture->database, sql->str, &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static gint64
count_matches (Fixture    *fixture,
               const char *text)
{
  return count_matches_in (fixture, NULL, text);
}

static int
get_total_changes (Fixture *fixture)
{
  return sqlite3_total_changes (lia_database_get_handle (fixture->database));
}

static void
assert_changes (Fixture *fixture,
                ...)
{
  va_list args;
  guint i = 0;
  int kind;

  va_start (args, fixture);
  while ((kind = va_arg (args, int)) >= 0)
    {
      gint64 id = va_arg (args, gint64);
      Change *change;

      g_assert_cmpuint (i, <, fixture->changes->len);
      change = &g_array_index (fixture->changes, Change, i);
      g_assert_cmpint (change->kind, ==, kind);
      g_assert_cmpint (change->id, ==, id);
      i++;
    }
  va_end (args);

  g_assert_cmpuint (fixture->changes->len, ==, i);
  g_array_set_size (fixture->changes, 0);
}

static gint64
add_partner (Fixture    *fixture,
             const char *name)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_id (partner), >, 0);

  return lia_partner_get_id (partner);
}

static gint64
add_contact (Fixture    *fixture,
             gint64      partner_id,
             const char *name,
             gboolean    is_primary)
{
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (contact, "partner-id", partner_id, "name", name, "is-primary", is_primary, NULL);
  g_assert_true (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);

  return lia_contact_get_id (contact);
}

static gint64
add_interaction (Fixture            *fixture,
                 gint64              partner_id,
                 LiaInteractionKind  kind,
                 gint64              occurred_at,
                 const char         *summary)
{
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (interaction,
                "partner-id", partner_id,
                "kind", kind,
                "occurred-at", occurred_at,
                "summary", summary,
                NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);

  return lia_interaction_get_id (interaction);
}

static gint64
add_expectation (Fixture    *fixture,
                 gint64      partner_id,
                 int         cadence_days,
                 const char *due_on,
                 const char *next_due_on)
{
  g_autoptr(LiaExpectation) expectation = lia_expectation_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (expectation,
                "partner-id", partner_id,
                "what", "Monthly program listings",
                "cadence-days", cadence_days,
                "due-on", due_on,
                "next-due-on", next_due_on,
                NULL);
  g_assert_true (lia_store_save_expectation (fixture->store, expectation, &error));
  g_assert_no_error (error);

  return lia_expectation_get_id (expectation);
}

static void
test_partner_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(LiaPartner) loaded = NULL;
  g_autoptr(LiaPartner) reloaded = NULL;
  g_autoptr(GBytes) logo = g_bytes_new ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autoptr(GBytes) loaded_logo = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) loaded_tags = NULL;
  g_autofree char *name = NULL, *description = NULL, *services = NULL, *website = NULL;
  g_autofree char *email = NULL, *phone = NULL, *address = NULL, *owner = NULL, *notes = NULL;
  const char *tags[] = { "youth", "food", " food ", NULL };
  const char *sorted_tags[] = { "food", "youth", NULL };
  const char *new_tags[] = { "seniors", NULL };
  LiaPartnerKind kind;
  LiaPartnerStatus status;
  LiaUpkeepMode upkeep_mode;
  LiaPromotionTier tier;
  LiaChannels channels;
  int cadence_days;
  gint64 verified_at, id, created_at, updated_at, deleted_at;
  gint64 created = fixture->now;

  g_object_set (partner,
                "name", "Riverside Food Bank",
                "kind", LIA_PARTNER_KIND_NONPROFIT,
                "status", LIA_PARTNER_STATUS_PROSPECT,
                "description", "Groceries for families",
                "services", "Pantry; cooking classes",
                "website", "https://www.riversidefood.org",
                "email", "hello@riversidefood.org",
                "phone", "(555) 123-4567",
                "address", "12 River Road",
                "logo", logo,
                "owner", "Marta",
                "upkeep-mode", LIA_UPKEEP_MODE_PARTNER_SENDS,
                "cadence-days", 30,
                "info-verified-at", fixture->now - 5 * DAY,
                "promotion-tier", LIA_PROMOTION_TIER_FEATURED,
                "channels", LIA_CHANNEL_WEBSITE | LIA_CHANNEL_DISPLAY_BOARD,
                "tags", tags,
                "notes", "Ask for the loading dock",
                NULL);

  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_id (partner), >, 0);
  g_object_get (partner, "created-at", &created_at, "updated-at", &updated_at, NULL);
  g_assert_cmpint (created_at, ==, created);
  g_assert_cmpint (updated_at, ==, created);
  assert_changes (fixture, LIA_RECORD_PARTNER, lia_partner_get_id (partner), -1);

  loaded = lia_store_get_partner (fixture->store, lia_partner_get_id (partner), &error);
  g_assert_no_error (error);
  g_object_get (loaded,
                "id", &id, "name", &name, "kind", &kind, "status", &status,
                "description", &description, "services", &services, "website", &website,
                "email", &email, "phone", &phone, "address", &address, "logo", &loaded_logo,
                "owner", &owner, "upkeep-mode", &upkeep_mode, "cadence-days", &cadence_days,
                "info-verified-at", &verified_at, "promotion-tier", &tier, "channels", &channels,
                "tags", &loaded_tags, "notes", &notes, "created-at", &created_at,
                "updated-at", &updated_at, "deleted-at", &deleted_at,
                NULL);

  g_assert_cmpint (id, ==, lia_partner_get_id (partner));
  g_assert_cmpstr (name, ==, "Riverside Food Bank");
  g_assert_cmpint (kind, ==, LIA_PARTNER_KIND_NONPROFIT);
  g_assert_cmpint (status, ==, LIA_PARTNER_STATUS_PROSPECT);
  g_assert_cmpstr (description, ==, "Groceries for families");
  g_assert_cmpstr (services, ==, "Pantry; cooking classes");
  g_assert_cmpstr (website, ==, "https://www.riversidefood.org");
  g_assert_cmpstr (email, ==, "hello@riversidefood.org");
  g_assert_cmpstr (phone, ==, "(555) 123-4567");
  g_assert_cmpstr (address, ==, "12 River Road");
  g_assert_nonnull (loaded_logo);
  g_assert_true (g_bytes_equal (loaded_logo, logo));
  g_assert_cmpstr (owner, ==, "Marta");
  g_assert_cmpint (upkeep_mode, ==, LIA_UPKEEP_MODE_PARTNER_SENDS);
  g_assert_cmpint (cadence_days, ==, 30);
  g_assert_cmpint (verified_at, ==, fixture->now - 5 * DAY);
  g_assert_cmpint (tier, ==, LIA_PROMOTION_TIER_FEATURED);
  g_assert_cmpint (channels, ==, LIA_CHANNEL_WEBSITE | LIA_CHANNEL_DISPLAY_BOARD);
  /* Trimmed, without duplicates, sorted. */
  g_assert_true (g_strv_equal ((const char * const *)loaded_tags, sorted_tags));
  g_assert_cmpstr (notes, ==, "Ask for the loading dock");
  g_assert_cmpint (created_at, ==, created);
  g_assert_cmpint (updated_at, ==, created);
  g_assert_cmpint (deleted_at, ==, 0);

  /* An update keeps created-at, moves updated-at and replaces the tags. */
  fixture->now += 3600;
  g_object_set (loaded, "tags", new_tags, "logo", NULL, "email", "", "status", LIA_PARTNER_STATUS_ACTIVE, NULL);
  g_assert_true (lia_store_save_partner (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_id (loaded), ==, id);
  assert_changes (fixture, LIA_RECORD_PARTNER, id, -1);

  reloaded = lia_store_get_partner (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "partner"), ==, 1);
  g_assert_true (g_strv_equal (lia_partner_get_tags (reloaded), new_tags));
  g_assert_null (lia_partner_get_logo (reloaded));
  g_assert_null (lia_partner_get_email (reloaded));
  g_assert_cmpint (lia_partner_get_status (reloaded), ==, LIA_PARTNER_STATUS_ACTIVE);
  g_assert_cmpint (lia_partner_get_created_at (reloaded), ==, created);
  g_assert_cmpint (lia_partner_get_updated_at (reloaded), ==, created + 3600);
  g_assert_cmpint (count_rows (fixture, "partner_tag"), ==, 1);
}

static void
test_contact_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(LiaContact) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");

  g_array_set_size (fixture->changes, 0);
  g_object_set (contact,
                "partner-id", partner_id,
                "name", "Ana Díaz",
                "role", "Volunteer coordinator",
                "email", "ana@riversidefood.org",
                "phone", "555 123 4567 ext 12",
                "preferred-method", LIA_CONTACT_METHOD_IN_PERSON,
                "is-primary", TRUE,
                "notes", "Mornings only",
                NULL);
  g_assert_true (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  assert_changes (fixture,
                  LIA_RECORD_CONTACT, lia_contact_get_id (contact),
                  LIA_RECORD_PARTNER, partner_id,
                  -1);

  loaded = lia_store_get_contact (fixture->store, lia_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_partner_id (loaded), ==, partner_id);
  g_assert_cmpstr (lia_contact_get_name (loaded), ==, "Ana Díaz");
  g_assert_cmpstr (lia_contact_get_role (loaded), ==, "Volunteer coordinator");
  g_assert_cmpstr (lia_contact_get_email (loaded), ==, "ana@riversidefood.org");
  g_assert_cmpstr (lia_contact_get_phone (loaded), ==, "555 123 4567 ext 12");
  g_assert_cmpint (lia_contact_get_preferred_method (loaded), ==, LIA_CONTACT_METHOD_IN_PERSON);
  g_assert_true (lia_contact_get_is_primary (loaded));
  g_assert_cmpstr (lia_contact_get_notes (loaded), ==, "Mornings only");
  g_assert_cmpint (lia_contact_get_ended_at (loaded), ==, 0);
  g_assert_true (lia_contact_is_current (loaded));
  g_assert_cmpint (lia_contact_get_created_at (loaded), ==, fixture->now);
  g_assert_cmpint (lia_contact_get_updated_at (loaded), ==, fixture->now);
  g_assert_cmpint (lia_contact_get_deleted_at (loaded), ==, 0);

  /* No preferred method is stored as NULL and read back as NONE. */
  lia_contact_set_preferred_method (loaded, LIA_CONTACT_METHOD_NONE);
  g_assert_true (lia_store_save_contact (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM contact WHERE preferred_method IS NULL"), ==, 1);
  g_clear_object (&loaded);
  loaded = lia_store_get_contact (fixture->store, lia_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_preferred_method (loaded), ==, LIA_CONTACT_METHOD_NONE);
}

static void
test_agreement_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  g_autoptr(LiaAgreement) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL, *signed_on = NULL, *starts_on = NULL, *ends_on = NULL;
  g_autofree char *document = NULL, *notes = NULL;
  LiaAgreementKind kind;
  LiaAgreementStatus status;
  gboolean auto_renews;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 loaded_partner_id, created_at;

  g_object_set (agreement,
                "partner-id", partner_id,
                "title", "Meeting room MOU",
                "kind", LIA_AGREEMENT_KIND_LETTER,
                "signed-on", "2025-12-15",
                "starts-on", "2026-01-01",
                "ends-on", "2026-12-31",
                "auto-renews", TRUE,
                "document", "https://docs.example.org/mou.pdf",
                "status", LIA_AGREEMENT_STATUS_DRAFT,
                "notes", "Renew in November",
                NULL);
  g_assert_true (lia_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);

  loaded = lia_store_get_agreement (fixture->store, lia_agreement_get_id (agreement), &error);
  g_assert_no_error (error);
  g_object_get (loaded,
                "partner-id", &loaded_partner_id, "title", &title, "kind", &kind,
                "signed-on", &signed_on, "starts-on", &starts_on, "ends-on", &ends_on,
                "auto-renews", &auto_renews, "document", &document, "status", &status,
                "notes", &notes, "created-at", &created_at,
                NULL);
  g_assert_cmpint (loaded_partner_id, ==, partner_id);
  g_assert_cmpstr (title, ==, "Meeting room MOU");
  g_assert_cmpint (kind, ==, LIA_AGREEMENT_KIND_LETTER);
  g_assert_cmpstr (signed_on, ==, "2025-12-15");
  g_assert_cmpstr (starts_on, ==, "2026-01-01");
  g_assert_cmpstr (ends_on, ==, "2026-12-31");
  g_assert_true (auto_renews);
  g_assert_cmpstr (document, ==, "https://docs.example.org/mou.pdf");
  g_assert_cmpint (status, ==, LIA_AGREEMENT_STATUS_DRAFT);
  g_assert_cmpstr (notes, ==, "Renew in November");
  g_assert_cmpint (created_at, ==, fixture->now);
}

static void
test_expectation_round_trip (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  g_autoptr(LiaExpectation) expectation = lia_expectation_new ();
  g_autoptr(LiaExpectation) loaded = NULL;
  g_autoptr(LiaExpectation) one_off = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 id;

  g_object_set (agreement, "partner-id", partner_id, "title", "MOU", NULL);
  g_assert_true (lia_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);

  g_object_set (expectation,
                "partner-id", partner_id,
                "agreement-id", lia_agreement_get_id (agreement),
                "direction", LIA_DIRECTION_LIBRARY_PROVIDES,
                "what", "Meeting room on the 2nd Tuesday",
                "cadence-days", 28,
                "due-on", "2026-03-10",
                "status", LIA_EXPECTATION_STATUS_ACTIVE,
                "last-met-on", "2026-02-10",
                "next-due-on", "2026-03-10",
                NULL);
  g_assert_true (lia_store_save_expectation (fixture->store, expectation, &error));
  g_assert_no_error (error);
  id = lia_expectation_get_id (expectation);

  loaded = lia_store_get_expectation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_expectation_get_partner_id (loaded), ==, partner_id);
  g_assert_cmpint (lia_expectation_get_agreement_id (loaded), ==, lia_agreement_get_id (agreement));
  g_assert_cmpint (lia_expectation_get_direction (loaded), ==, LIA_DIRECTION_LIBRARY_PROVIDES);
  g_assert_cmpstr (lia_expectation_get_what (loaded), ==, "Meeting room on the 2nd Tuesday");
  g_assert_cmpint (lia_expectation_get_cadence_days (loaded), ==, 28);
  g_assert_cmpstr (lia_expectation_get_due_on (loaded), ==, "2026-03-10");
  g_assert_cmpint (lia_expectation_get_status (loaded), ==, LIA_EXPECTATION_STATUS_ACTIVE);
  g_assert_cmpstr (lia_expectation_get_last_met_on (loaded), ==, "2026-02-10");
  g_assert_cmpstr (lia_expectation_get_next_due_on (loaded), ==, "2026-03-10");
  g_assert_cmpint (lia_expectation_get_created_at (loaded), ==, fixture->now);
  g_assert_cmpint (lia_expectation_get_deleted_at (loaded), ==, 0);

  /* A one-off with a due date only is next due on that date; a repeating
   * one without any date comes due one cadence from today. */
  id = add_expectation (fixture, partner_id, 0, "2026-04-01", NULL);
  one_off = lia_store_get_expectation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_expectation_get_agreement_id (one_off), ==, 0);
  g_assert_cmpint (lia_expectation_get_cadence_days (one_off), ==, 0);
  g_assert_cmpstr (lia_expectation_get_next_due_on (one_off), ==, "2026-04-01");
  g_clear_object (&one_off);

  id = add_expectation (fixture, partner_id, 30, NULL, NULL);
  one_off = lia_store_get_expectation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_expectation_get_next_due_on (one_off), ==, "2026-04-01");
}

static void
test_interaction_round_trip (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(LiaInteraction) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 contact_id = add_contact (fixture, partner_id, "Ana Díaz", TRUE);
  gint64 expectation_id = add_expectation (fixture, partner_id, 30, NULL, "2026-03-15");
  gint64 occurred_at = unix_noon (2026, 3, 1);

  g_object_set (interaction,
                "partner-id", partner_id,
                "contact-id", contact_id,
                "staff", "Marta",
                "kind", LIA_INTERACTION_KIND_MEETING,
                "occurred-at", occurred_at,
                "summary", "Planned the summer reading fair",
                "outcome", "They will bring two volunteers",
                "follow-up-on", "2026-03-20",
                "follow-up-done-at", occurred_at + DAY,
                "confirms-info", TRUE,
                "expectation-id", expectation_id,
                NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  /* The contact's name is kept with the history. */
  g_assert_cmpstr (lia_interaction_get_contact_name (interaction), ==, "Ana Díaz");

  loaded = lia_store_get_interaction (fixture->store, lia_interaction_get_id (interaction), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_partner_id (loaded), ==, partner_id);
  g_assert_cmpint (lia_interaction_get_contact_id (loaded), ==, contact_id);
  g_assert_cmpstr (lia_interaction_get_contact_name (loaded), ==, "Ana Díaz");
  g_assert_cmpstr (lia_interaction_get_staff (loaded), ==, "Marta");
  g_assert_cmpint (lia_interaction_get_kind (loaded), ==, LIA_INTERACTION_KIND_MEETING);
  g_assert_cmpint (lia_interaction_get_occurred_at (loaded), ==, occurred_at);
  g_assert_cmpstr (lia_interaction_get_summary (loaded), ==, "Planned the summer reading fair");
  g_assert_cmpstr (lia_interaction_get_outcome (loaded), ==, "They will bring two volunteers");
  g_assert_cmpstr (lia_interaction_get_follow_up_on (loaded), ==, "2026-03-20");
  g_assert_cmpint (lia_interaction_get_follow_up_done_at (loaded), ==, occurred_at + DAY);
  g_assert_true (lia_interaction_get_confirms_info (loaded));
  g_assert_cmpint (lia_interaction_get_expectation_id (loaded), ==, expectation_id);
  g_assert_cmpint (lia_interaction_get_created_at (loaded), ==, fixture->now);
  g_assert_cmpint (lia_interaction_get_updated_at (loaded), ==, fixture->now);
  g_assert_cmpint (lia_interaction_get_deleted_at (loaded), ==, 0);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(LiaContact) contact = NULL;

  partner = lia_store_get_partner (fixture->store, 404, &error);
  g_assert_null (partner);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "This partner is no longer in the database. It may have been deleted from the trash.");
  g_clear_error (&error);

  contact = lia_store_get_contact (fixture->store, 404, &error);
  g_assert_null (contact);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Updating a record that is gone writes nothing. */
  partner = lia_partner_new ();
  g_object_set (partner, "id", (gint64)404, "name", "Ghost", NULL);
  g_assert_false (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (fixture, "partner"), ==, 0);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

static void
test_contact_needs_partner (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;
  int total_changes = get_total_changes (fixture);

  g_object_set (contact, "name", "Ana Díaz", NULL);
  g_assert_false (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_NO_PARTNER);
  g_clear_error (&error);

  g_object_set (contact, "partner-id", (gint64)77, NULL);
  g_assert_false (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "This partner is no longer in the database. It may have been deleted from the trash.");
  g_clear_error (&error);

  g_assert_cmpint (lia_contact_get_id (contact), ==, 0);
  g_assert_cmpint (count_rows (fixture, "contact"), ==, 0);
  g_assert_cmpint (get_total_changes (fixture), ==, total_changes);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* The schema refuses it too, whoever writes. */
  g_assert_false (lia_database_exec (fixture->database,
                                     "INSERT INTO contact (partner_id, name, created_at, updated_at)"
                                     " VALUES (77, 'Ana', 0, 0)",
                                     &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpint (count_rows (fixture, "contact"), ==, 0);
}

static void
test_bad_enums_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(GError) error = NULL;
  gint64 partner_id;
  int total_changes = get_total_changes (fixture);

  lia_partner_set_name (partner, "Riverside Food Bank");
  lia_partner_set_kind (partner, 42);
  g_assert_false (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "partner"), ==, 0);
  g_assert_cmpint (get_total_changes (fixture), ==, total_changes);

  partner_id = add_partner (fixture, "Riverside Food Bank");
  total_changes = get_total_changes (fixture);

  g_object_set (interaction, "partner-id", partner_id, "summary", "Call", NULL);
  lia_interaction_set_kind (interaction, -2);
  g_assert_false (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "interaction"), ==, 0);
  g_assert_cmpint (get_total_changes (fixture), ==, total_changes);

  /* The schema's CHECKs refuse unknown text too. */
  g_assert_false (lia_database_exec (fixture->database, "UPDATE partner SET kind = 'alien'", &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM partner WHERE kind = 'other'"), ==, 1);
}

static void
test_failed_validation_writes_nothing (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(LiaPartner) loaded = NULL;
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  g_autoptr(LiaExpectation) expectation = lia_expectation_new ();
  g_autoptr(GError) error = NULL;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  const char *tags[] = { "food", "", NULL };
  int total_changes;

  g_array_set_size (fixture->changes, 0);
  total_changes = get_total_changes (fixture);

  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_object_set (partner, "name", "Lakeside Food Bank", "website", "lakeside", "tags", tags, NULL);
  fixture->now += DAY;
  g_assert_false (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_URL);
  g_clear_error (&error);

  g_object_set (agreement, "partner-id", partner_id, "title", "MOU",
                "starts-on", "2026-05-01", "ends-on", "2026-04-01", NULL);
  g_assert_false (lia_store_save_agreement (fixture->store, agreement, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE_ORDER);
  g_clear_error (&error);

  g_object_set (expectation, "partner-id", partner_id, "what", "Listings", NULL);
  g_assert_false (lia_store_save_expectation (fixture->store, expectation, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_NO_DUE);
  g_clear_error (&error);

  g_assert_cmpint (get_total_changes (fixture), ==, total_changes);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpint (count_rows (fixture, "agreement"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "expectation"), ==, 0);
  g_assert_cmpint (lia_agreement_get_id (agreement), ==, 0);

  loaded = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_partner_get_name (loaded), ==, "Riverside Food Bank");
  g_assert_null (lia_partner_get_website (loaded));
  g_assert_null (lia_partner_get_tags (loaded) != NULL ? lia_partner_get_tags (loaded)[0] : NULL);
  g_assert_cmpint (lia_partner_get_updated_at (loaded), ==, fixture->now - DAY);
}

static void
test_failed_write_rolls_back (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(LiaExpectation) expectation = lia_expectation_new ();
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  g_autoptr(GError) error = NULL;
  gint64 riverside = add_partner (fixture, "Riverside Food Bank");
  gint64 lakeside = add_partner (fixture, "Lakeside Scouts");
  gint64 lakeside_contact = add_contact (fixture, lakeside, "Sam Lee", FALSE);
  gint64 lakeside_expectation = add_expectation (fixture, lakeside, 0, "2026-04-01", NULL);
  int total_changes;

  g_object_set (agreement, "partner-id", lakeside, "title", "Scouts MOU", NULL);
  g_assert_true (lia_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);
  total_changes = get_total_changes (fixture);

  /* Another partner's expectation: nothing of the entry, nor its
   * confirms-info, is written. */
  g_object_set (interaction,
                "partner-id", riverside,
                "summary", "Call about listings",
                "occurred-at", fixture->now,
                "confirms-info", TRUE,
                "expectation-id", lakeside_expectation,
                NULL);
  g_assert_false (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "The expectation “Monthly program listings” belongs to another partner. Choose one of this partner’s expectations.");
  g_clear_error (&error);

  g_object_set (interaction, "expectation-id", (gint64)0, "contact-id", lakeside_contact, NULL);
  g_assert_false (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Sam Lee works for another partner. Choose one of this partner’s contacts.");
  g_clear_error (&error);

  g_object_set (expectation, "partner-id", riverside, "what", "Listings", "cadence-days", 30,
                "agreement-id", lia_agreement_get_id (agreement), NULL);
  g_assert_false (lia_store_save_expectation (fixture->store, expectation, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "The agreement “Scouts MOU” belongs to another partner. Choose one of this partner’s agreements.");
  g_clear_error (&error);

  g_assert_cmpint (get_total_changes (fixture), ==, total_changes);
  g_assert_cmpint (count_rows (fixture, "interaction"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM partner WHERE info_verified_at IS NOT NULL"), ==, 0);
  g_assert_cmpint (lia_interaction_get_id (interaction), ==, 0);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

static void
test_trash_restore_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(LiaTrashItem) item = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(LiaContact) gone = NULL;
  LiaStoreCounts counts;
  gint64 n_partners = 0;
  gint64 riverside = add_partner (fixture, "Riverside Food Bank");
  gint64 lakeside = add_partner (fixture, "Lakeside Scouts");
  gint64 ana = add_contact (fixture, riverside, "Ana Díaz", TRUE);
  gint64 sam = add_contact (fixture, lakeside, "Sam Lee", TRUE);
  gint64 trashed_at = fixture->now + 60;

  add_interaction (fixture, riverside, LIA_INTERACTION_KIND_CALL, fixture->now, "Pantry hours");
  g_array_set_size (fixture->changes, 0);

  /* A partner takes its records to the trash. */
  fixture->now = trashed_at;
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, riverside, &error));
  g_assert_no_error (error);
  assert_changes (fixture, LIA_RECORD_PARTNER, riverside, -1);

  partner = lia_store_get_partner (fixture->store, riverside, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_deleted_at (partner), ==, trashed_at);
  g_clear_object (&partner);

  g_assert_true (lia_store_get_counts (fixture->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.partners, ==, 1);
  g_assert_cmpint (counts.contacts, ==, 1);
  g_assert_cmpint (counts.interactions, ==, 0);
  g_assert_true (lia_store_count_partners (fixture->store, &n_partners, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_partners, ==, 1);

  contacts = lia_store_list_contacts (fixture->store, riverside, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 0);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* Its records do not show on their own in the trash. */
  trash = lia_store_list_trash (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  item = g_list_model_get_item (trash, 0);
  g_assert_cmpint (lia_trash_item_get_kind (item), ==, LIA_RECORD_PARTNER);
  g_assert_cmpint (lia_trash_item_get_id (item), ==, riverside);
  g_assert_cmpstr (lia_trash_item_get_title (item), ==, "Riverside Food Bank");
  g_assert_null (lia_trash_item_get_partner_name (item));
  g_assert_cmpint (lia_trash_item_get_deleted_at (item), ==, trashed_at);
  g_assert_cmpstr (lia_trash_item_get_kind_label (item), ==, "Partner");
  g_clear_object (&item);
  g_clear_object (&trash);

  /* Trashing again changes nothing. */
  fixture->now += 60;
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, riverside, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT deleted_at FROM partner WHERE id = 1"), ==, trashed_at);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* A partner's record cannot come back without its partner. */
  g_assert_false (lia_store_restore (fixture->store, LIA_RECORD_CONTACT, ana, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "“Ana Díaz” belongs to the partner “Riverside Food Bank”, which is in the trash. Restore the partner first.");
  g_clear_error (&error);

  /* Nor can it change. */
  {
    g_autoptr(LiaContact) contact = lia_store_get_contact (fixture->store, ana, &error);

    g_assert_no_error (error);
    lia_contact_set_name (contact, "Ana María Díaz");
    g_assert_false (lia_store_save_contact (fixture->store, contact, &error));
    g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
    g_assert_cmpstr (error->message, ==,
                     "The partner “Riverside Food Bank” is in the trash. Restore it before changing its records.");
    g_clear_error (&error);
  }

  /* Restoring the partner brings its records back. */
  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_PARTNER, riverside, &error));
  g_assert_no_error (error);
  assert_changes (fixture, LIA_RECORD_PARTNER, riverside, -1);
  g_assert_true (lia_store_get_counts (fixture->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.partners, ==, 2);
  g_assert_cmpint (counts.contacts, ==, 2);
  g_assert_cmpint (counts.interactions, ==, 1);
  g_assert_true (lia_store_count_partners (fixture->store, &n_partners, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_partners, ==, 2);
  trash = lia_store_list_trash (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);
  g_clear_object (&trash);

  /* A contact on its own, then its partner: both listed, newest first. */
  fixture->now += 60;
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_CONTACT, sam, &error));
  g_assert_no_error (error);
  assert_changes (fixture, LIA_RECORD_CONTACT, sam, LIA_RECORD_PARTNER, lakeside, -1);
  fixture->now += 60;
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, riverside, &error));
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);

  trash = lia_store_list_trash (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 2);
  item = g_list_model_get_item (trash, 0);
  g_assert_cmpint (lia_trash_item_get_kind (item), ==, LIA_RECORD_PARTNER);
  g_clear_object (&item);
  item = g_list_model_get_item (trash, 1);
  g_assert_cmpint (lia_trash_item_get_kind (item), ==, LIA_RECORD_CONTACT);
  g_assert_cmpint (lia_trash_item_get_id (item), ==, sam);
  g_assert_cmpstr (lia_trash_item_get_title (item), ==, "Sam Lee");
  g_assert_cmpstr (lia_trash_item_get_partner_name (item), ==, "Lakeside Scouts");
  g_clear_object (&item);
  g_clear_object (&trash);

  /* Only what is in the trash can be deleted for good. */
  g_assert_false (lia_store_delete_forever (fixture->store, LIA_RECORD_PARTNER, lakeside, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "“Lakeside Scouts” is not in the trash, so it was not deleted. Move it to the trash first.");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "partner"), ==, 2);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  g_assert_true (lia_store_delete_forever (fixture->store, LIA_RECORD_CONTACT, sam, &error));
  g_assert_no_error (error);
  assert_changes (fixture, LIA_RECORD_CONTACT, sam, LIA_RECORD_PARTNER, lakeside, -1);
  gone = lia_store_get_contact (fixture->store, sam, &error);
  g_assert_null (gone);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A partner deleted for good takes everything of its own with it. */
  g_assert_true (lia_store_delete_forever (fixture->store, LIA_RECORD_PARTNER, riverside, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "partner"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "contact"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "interaction"), ==, 0);

  g_assert_false (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, riverside, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
}

static void
test_restore_primary (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) ana = NULL;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 ana_id = add_contact (fixture, partner_id, "Ana Díaz", TRUE);
  gint64 ben_id;

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_CONTACT, ana_id, &error));
  g_assert_no_error (error);
  ben_id = add_contact (fixture, partner_id, "Ben Okafor", TRUE);

  /* Ben took over while Ana was in the trash. */
  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_CONTACT, ana_id, &error));
  g_assert_no_error (error);
  ana = lia_store_get_contact (fixture->store, ana_id, &error);
  g_assert_no_error (error);
  g_assert_false (lia_contact_get_is_primary (ana));
  g_assert_cmpint (lia_contact_get_deleted_at (ana), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT id FROM contact WHERE is_primary = 1"), ==, ben_id);

  /* Saving another primary hands the role over. */
  lia_contact_set_is_primary (ana, TRUE);
  g_assert_true (lia_store_save_contact (fixture->store, ana, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT id FROM contact WHERE is_primary = 1"), ==, ana_id);
}

static void
test_search_index (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 interaction_id;

  add_contact (fixture, partner_id, "Ana Díaz", TRUE);
  interaction_id = add_interaction (fixture, partner_id, LIA_INTERACTION_KIND_CALL, fixture->now,
                                    "Talked about the pantry schedule");

  g_assert_cmpint (count_matches (fixture, "riverside"), ==, 1);
  g_assert_cmpint (count_matches (fixture, "diaz"), ==, 1);
  g_assert_cmpint (count_matches (fixture, "pantry"), ==, 1);
  g_assert_cmpint (count_matches (fixture, "river*"), ==, 1);
  /* Each kind in its own table, under the record's id. */
  g_assert_cmpint (count_matches_in (fixture, "search_partner", "riverside"), ==, 1);
  g_assert_cmpint (count_matches_in (fixture, "search_contact", "diaz"), ==, 1);
  g_assert_cmpint (count_matches_in (fixture, "search_interaction", "pantry"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT rowid FROM search_interaction WHERE search_interaction MATCH 'pantry'"),
                   ==, interaction_id);

  /* An update replaces the indexed text. */
  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_object_set (partner, "name", "Lakeside Food Bank", "services", "Cooking classes", NULL);
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_matches (fixture, "riverside"), ==, 0);
  g_assert_cmpint (count_matches (fixture, "lakeside"), ==, 1);
  g_assert_cmpint (count_matches (fixture, "cooking"), ==, 1);

  /* The trash leaves the index, with the partner's records... */
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, partner_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_matches (fixture, "lakeside"), ==, 0);
  g_assert_cmpint (count_matches (fixture, "diaz"), ==, 0);
  g_assert_cmpint (count_matches (fixture, "pantry"), ==, 0);

  /* ...and they come back with it. */
  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_PARTNER, partner_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_matches (fixture, "lakeside"), ==, 1);
  g_assert_cmpint (count_matches (fixture, "diaz"), ==, 1);
  g_assert_cmpint (count_matches (fixture, "pantry"), ==, 1);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_INTERACTION, interaction_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_matches (fixture, "pantry"), ==, 0);
  g_assert_cmpint (count_matches (fixture, "lakeside"), ==, 1);
  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_INTERACTION, interaction_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_matches (fixture, "pantry"), ==, 1);
}

static void
test_interaction_confirms_info (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(GDateTime) now = NULL;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 march_1 = unix_noon (2026, 3, 1);

  now = g_date_time_new_from_unix_utc (fixture->now);
  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_true (lia_partner_is_stale (partner, now));
  g_clear_object (&partner);

  g_object_set (interaction,
                "partner-id", partner_id,
                "kind", LIA_INTERACTION_KIND_CALL,
                "occurred-at", march_1,
                "summary", "Checked their hours and address",
                "confirms-info", TRUE,
                NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  assert_changes (fixture,
                  LIA_RECORD_PARTNER, partner_id,
                  LIA_RECORD_INTERACTION, lia_interaction_get_id (interaction),
                  LIA_RECORD_PARTNER, partner_id,
                  -1);

  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_info_verified_at (partner), ==, march_1);
  g_assert_false (lia_partner_is_stale (partner, now));
  g_clear_object (&partner);

  /* An older confirmation, logged late, does not move it back. */
  g_clear_object (&interaction);
  interaction = lia_interaction_new ();
  g_object_set (interaction,
                "partner-id", partner_id,
                "occurred-at", march_1 - 20 * DAY,
                "summary", "Visit in February",
                "confirms-info", TRUE,
                NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_info_verified_at (partner), ==, march_1);
  g_clear_object (&partner);

  /* Without confirms-info nothing changes; occurred-at defaults to now. */
  g_clear_object (&interaction);
  interaction = lia_interaction_new ();
  g_object_set (interaction, "partner-id", partner_id, "summary", "Note to self", NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_occurred_at (interaction), ==, fixture->now);
  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_info_verified_at (partner), ==, march_1);
}

static void
test_interaction_meets_expectation (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(LiaInteraction) one_off_interaction = lia_interaction_new ();
  g_autoptr(LiaExpectation) monthly = NULL;
  g_autoptr(LiaExpectation) one_off = NULL;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 monthly_id = add_expectation (fixture, partner_id, 30, NULL, "2026-03-01");
  gint64 one_off_id = add_expectation (fixture, partner_id, 0, "2026-04-01", NULL);

  g_array_set_size (fixture->changes, 0);

  /* Met two days late: still active, due one cadence after the due day. */
  g_object_set (interaction,
                "partner-id", partner_id,
                "kind", LIA_INTERACTION_KIND_EMAIL,
                "occurred-at", unix_noon (2026, 3, 3),
                "summary", "Their March listings arrived",
                "expectation-id", monthly_id,
                NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  assert_changes (fixture,
                  LIA_RECORD_INTERACTION, lia_interaction_get_id (interaction),
                  LIA_RECORD_EXPECTATION, monthly_id,
                  LIA_RECORD_PARTNER, partner_id,
                  -1);

  monthly = lia_store_get_expectation (fixture->store, monthly_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_expectation_get_status (monthly), ==, LIA_EXPECTATION_STATUS_ACTIVE);
  g_assert_cmpstr (lia_expectation_get_last_met_on (monthly), ==, "2026-03-03");
  g_assert_cmpstr (lia_expectation_get_next_due_on (monthly), ==, "2026-03-31");
  g_clear_object (&monthly);

  /* Editing the entry later does not meet it again. */
  g_object_set (interaction, "outcome", "Posted on the board", NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  monthly = lia_store_get_expectation (fixture->store, monthly_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_expectation_get_next_due_on (monthly), ==, "2026-03-31");
  g_clear_object (&monthly);

  /* Met very late: advanced until it is due after the day it was met. */
  {
    g_autoptr(LiaInteraction) late = lia_interaction_new ();

    g_object_set (late,
                  "partner-id", partner_id,
                  "occurred-at", unix_noon (2026, 5, 15),
                  "summary", "April and May listings together",
                  "expectation-id", monthly_id,
                  NULL);
    g_assert_true (lia_store_save_interaction (fixture->store, late, &error));
    g_assert_no_error (error);
    monthly = lia_store_get_expectation (fixture->store, monthly_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lia_expectation_get_last_met_on (monthly), ==, "2026-05-15");
    g_assert_cmpstr (lia_expectation_get_next_due_on (monthly), ==, "2026-05-30");
  }

  /* A one-off is met. */
  g_object_set (one_off_interaction,
                "partner-id", partner_id,
                "occurred-at", unix_noon (2026, 3, 20),
                "summary", "Signed volunteer forms",
                "expectation-id", one_off_id,
                NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, one_off_interaction, &error));
  g_assert_no_error (error);
  one_off = lia_store_get_expectation (fixture->store, one_off_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_expectation_get_status (one_off), ==, LIA_EXPECTATION_STATUS_MET);
  g_assert_cmpstr (lia_expectation_get_last_met_on (one_off), ==, "2026-03-20");
  g_assert_cmpint (lia_expectation_get_updated_at (one_off), ==, fixture->now);
}

static void
test_end_contact (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) contact = NULL;
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(LiaInteraction) loaded = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) everyone = NULL;
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 ana_id = add_contact (fixture, partner_id, "Ana Díaz", TRUE);
  gint64 ended_at;

  g_object_set (interaction,
                "partner-id", partner_id,
                "contact-id", ana_id,
                "summary", "Farewell lunch",
                NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);

  fixture->now += 7 * DAY;
  ended_at = fixture->now;
  g_assert_true (lia_store_end_contact (fixture->store, ana_id, &error));
  g_assert_no_error (error);
  assert_changes (fixture, LIA_RECORD_CONTACT, ana_id, LIA_RECORD_PARTNER, partner_id, -1);

  contact = lia_store_get_contact (fixture->store, ana_id, &error);
  g_assert_no_error (error);
  g_assert_false (lia_contact_is_current (contact));
  g_assert_cmpint (lia_contact_get_ended_at (contact), ==, ended_at);
  g_assert_cmpint (lia_contact_get_deleted_at (contact), ==, 0);

  /* Ending again keeps the first date. */
  fixture->now += DAY;
  g_assert_true (lia_store_end_contact (fixture->store, ana_id, &error));
  g_assert_no_error (error);
  g_clear_object (&contact);
  contact = lia_store_get_contact (fixture->store, ana_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_ended_at (contact), ==, ended_at);

  current = lia_store_list_contacts (fixture->store, partner_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 0);
  everyone = lia_store_list_contacts (fixture->store, partner_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (everyone->len, ==, 1);

  /* The history still names her, even once the contact is deleted for good. */
  loaded = lia_store_get_interaction (fixture->store, lia_interaction_get_id (interaction), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_contact_id (loaded), ==, ana_id);
  g_assert_cmpstr (lia_interaction_get_contact_name (loaded), ==, "Ana Díaz");
  g_clear_object (&loaded);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_CONTACT, ana_id, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_delete_forever (fixture->store, LIA_RECORD_CONTACT, ana_id, &error));
  g_assert_no_error (error);
  loaded = lia_store_get_interaction (fixture->store, lia_interaction_get_id (interaction), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_contact_id (loaded), ==, 0);
  g_assert_cmpstr (lia_interaction_get_contact_name (loaded), ==, "Ana Díaz");

  g_assert_false (lia_store_end_contact (fixture->store, ana_id, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
}

static void
assert_last_contact (Fixture *fixture,
                     gint64   partner_id,
                     gint64   expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPartner) partner = lia_store_get_partner (fixture->store, partner_id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_last_contact_at (partner), ==, expected);
}

static void
assert_next_due (Fixture    *fixture,
                 gint64      partner_id,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPartner) partner = lia_store_get_partner (fixture->store, partner_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (lia_partner_get_next_due_on (partner), ==, expected);
}

static void
test_partner_computed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(LiaInteraction) follow_up = lia_interaction_new ();
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 other_id = add_partner (fixture, "Lakeside Scouts");
  gint64 request_at = unix_noon (2026, 2, 20);
  gint64 latest_at = unix_noon (2026, 2, 25);
  gint64 latest_id, confirm_id, expectation_id;

  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_last_contact_at (partner), ==, 0);
  g_assert_null (lia_partner_get_next_due_on (partner));
  g_assert_cmpint (lia_partner_get_update_requested_at (partner), ==, 0);
  g_clear_object (&partner);

  add_interaction (fixture, partner_id, LIA_INTERACTION_KIND_UPDATE_REQUEST, request_at, "Asked for new hours");
  latest_id = add_interaction (fixture, partner_id, LIA_INTERACTION_KIND_CALL, latest_at, "Call");
  add_interaction (fixture, other_id, LIA_INTERACTION_KIND_CALL, latest_at + DAY, "Another partner");
  expectation_id = add_expectation (fixture, partner_id, 30, NULL, "2026-03-20");
  add_expectation (fixture, other_id, 30, NULL, "2026-03-05");

  g_object_set (follow_up,
                "partner-id", partner_id,
                "occurred-at", request_at - DAY,
                "summary", "Send them the room booking form",
                "follow-up-on", "2026-03-10",
                NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, follow_up, &error));
  g_assert_no_error (error);

  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_last_contact_at (partner), ==, latest_at);
  g_assert_cmpstr (lia_partner_get_next_due_on (partner), ==, "2026-03-10");
  g_assert_cmpint (lia_partner_get_update_requested_at (partner), ==, request_at);
  g_clear_object (&partner);

  /* A follow-up done no longer counts; the expectation is next. */
  g_object_set (follow_up, "follow-up-done-at", fixture->now, NULL);
  g_assert_true (lia_store_save_interaction (fixture->store, follow_up, &error));
  g_assert_no_error (error);

  /* Trashed entries do not count either. */
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_INTERACTION, latest_id, &error));
  g_assert_no_error (error);

  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_partner_get_next_due_on (partner), ==, "2026-03-20");
  g_assert_cmpint (lia_partner_get_last_contact_at (partner), ==, request_at);
  g_clear_object (&partner);

  /* Information confirmed after the request answers it. */
  {
    g_autoptr(LiaInteraction) confirm = lia_interaction_new ();

    g_object_set (confirm,
                  "partner-id", partner_id,
                  "occurred-at", request_at + DAY,
                  "summary", "They sent the new hours",
                  "confirms-info", TRUE,
                  NULL);
    g_assert_true (lia_store_save_interaction (fixture->store, confirm, &error));
    g_assert_no_error (error);
    confirm_id = lia_interaction_get_id (confirm);
  }

  partner = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_update_requested_at (partner), ==, 0);
  g_assert_cmpint (lia_partner_get_last_contact_at (partner), ==, request_at + DAY);
  g_clear_object (&partner);

  /* The last contact is a column the triggers of 0006 keep: it follows
   * a restore, an edit of the day and deleting forever, and another
   * partner's stays as it was. */
  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_INTERACTION, latest_id, &error));
  g_assert_no_error (error);
  assert_last_contact (fixture, partner_id, latest_at);

  {
    g_autoptr(LiaInteraction) latest = lia_store_get_interaction (fixture->store, latest_id, &error);

    g_assert_no_error (error);
    g_object_set (latest, "occurred-at", request_at - 2 * DAY, NULL);
    g_assert_true (lia_store_save_interaction (fixture->store, latest, &error));
    g_assert_no_error (error);
  }
  assert_last_contact (fixture, partner_id, request_at + DAY);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_INTERACTION, confirm_id, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_delete_forever (fixture->store, LIA_RECORD_INTERACTION, confirm_id, &error));
  g_assert_no_error (error);
  assert_last_contact (fixture, partner_id, request_at);
  assert_last_contact (fixture, other_id, latest_at + DAY);

  /* A trashed partner takes its interactions along, and comes back with them. */
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, partner_id, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_PARTNER, partner_id, &error));
  g_assert_no_error (error);
  assert_last_contact (fixture, partner_id, request_at);

  /* The next due day is kept the same way: it follows the expectation
   * moved on, then in the trash and back. */
  {
    g_autoptr(LiaExpectation) expectation = lia_store_get_expectation (fixture->store, expectation_id, &error);

    g_assert_no_error (error);
    g_object_set (expectation, "next-due-on", "2026-04-01", NULL);
    g_assert_true (lia_store_save_expectation (fixture->store, expectation, &error));
    g_assert_no_error (error);
  }
  assert_next_due (fixture, partner_id, "2026-04-01");
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EXPECTATION, expectation_id, &error));
  g_assert_no_error (error);
  assert_next_due (fixture, partner_id, NULL);
  assert_next_due (fixture, other_id, "2026-03-05");
  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_EXPECTATION, expectation_id, &error));
  g_assert_no_error (error);
  assert_next_due (fixture, partner_id, "2026-04-01");
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) expectations = NULL;
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 other_id = add_partner (fixture, "Lakeside Scouts");
  gint64 zoe = add_contact (fixture, partner_id, "Zoe Park", TRUE);
  gint64 ben = add_contact (fixture, partner_id, "ben Okafor", FALSE);
  gint64 ana = add_contact (fixture, partner_id, "Ana Díaz", FALSE);
  gint64 first, second, third;

  add_contact (fixture, other_id, "Sam Lee", TRUE);

  contacts = lia_store_list_contacts (fixture->store, partner_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 3);
  g_assert_cmpint (lia_contact_get_id (g_ptr_array_index (contacts, 0)), ==, zoe);
  g_assert_cmpint (lia_contact_get_id (g_ptr_array_index (contacts, 1)), ==, ana);
  g_assert_cmpint (lia_contact_get_id (g_ptr_array_index (contacts, 2)), ==, ben);

  first = add_interaction (fixture, partner_id, LIA_INTERACTION_KIND_CALL, unix_noon (2026, 1, 5), "January");
  third = add_interaction (fixture, partner_id, LIA_INTERACTION_KIND_CALL, unix_noon (2026, 3, 1), "March");
  second = add_interaction (fixture, partner_id, LIA_INTERACTION_KIND_CALL, unix_noon (2026, 2, 1), "February");
  add_interaction (fixture, other_id, LIA_INTERACTION_KIND_CALL, unix_noon (2026, 2, 1), "Elsewhere");

  interactions = lia_store_list_interactions (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interactions->len, ==, 3);
  g_assert_cmpint (lia_interaction_get_id (g_ptr_array_index (interactions, 0)), ==, third);
  g_assert_cmpint (lia_interaction_get_id (g_ptr_array_index (interactions, 1)), ==, second);
  g_assert_cmpint (lia_interaction_get_id (g_ptr_array_index (interactions, 2)), ==, first);

  g_object_set (agreement, "partner-id", partner_id, "title", "MOU", NULL);
  g_assert_true (lia_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);
  agreements = lia_store_list_agreements (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agreements->len, ==, 1);
  g_assert_true (LIA_IS_AGREEMENT (g_ptr_array_index (agreements, 0)));

  add_expectation (fixture, partner_id, 30, NULL, "2026-05-01");
  add_expectation (fixture, partner_id, 30, NULL, "2026-04-01");
  expectations = lia_store_list_expectations (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expectations->len, ==, 2);
  g_assert_cmpstr (lia_expectation_get_next_due_on (g_ptr_array_index (expectations, 0)), ==, "2026-04-01");
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  gint64 partner_id = add_partner (fixture, "Riverside Food Bank");
  gint64 expectation_id;
  gint64 interaction_id;

  assert_changes (fixture, LIA_RECORD_PARTNER, partner_id, -1);

  g_object_set (agreement, "partner-id", partner_id, "title", "MOU", NULL);
  g_assert_true (lia_store_save_agreement (fixture->store, agreement, &error));
  g_assert_no_error (error);
  assert_changes (fixture,
                  LIA_RECORD_AGREEMENT, lia_agreement_get_id (agreement),
                  LIA_RECORD_PARTNER, partner_id,
                  -1);

  expectation_id = add_expectation (fixture, partner_id, 30, NULL, NULL);
  assert_changes (fixture,
                  LIA_RECORD_EXPECTATION, expectation_id,
                  LIA_RECORD_PARTNER, partner_id,
                  -1);

  interaction_id = add_interaction (fixture, partner_id, LIA_INTERACTION_KIND_NOTE, fixture->now, "Note");
  assert_changes (fixture,
                  LIA_RECORD_INTERACTION, interaction_id,
                  LIA_RECORD_PARTNER, partner_id,
                  -1);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_AGREEMENT, lia_agreement_get_id (agreement), &error));
  g_assert_no_error (error);
  assert_changes (fixture,
                  LIA_RECORD_AGREEMENT, lia_agreement_get_id (agreement),
                  LIA_RECORD_PARTNER, partner_id,
                  -1);

  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_AGREEMENT, lia_agreement_get_id (agreement), &error));
  g_assert_no_error (error);
  assert_changes (fixture,
                  LIA_RECORD_AGREEMENT, lia_agreement_get_id (agreement),
                  LIA_RECORD_PARTNER, partner_id,
                  -1);

  /* Nothing is emitted for a write that failed. */
  g_assert_false (lia_store_delete_forever (fixture->store, LIA_RECORD_AGREEMENT,
                                            lia_agreement_get_id (agreement), &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  assert_changes (fixture, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/partner/round-trip", test_partner_round_trip);
  ADD ("/store/contact/round-trip", test_contact_round_trip);
  ADD ("/store/agreement/round-trip", test_agreement_round_trip);
  ADD ("/store/expectation/round-trip", test_expectation_round_trip);
  ADD ("/store/interaction/round-trip", test_interaction_round_trip);
  ADD ("/store/not-found", test_not_found);
  ADD ("/store/constraints/contact-needs-partner", test_contact_needs_partner);
  ADD ("/store/constraints/bad-enums", test_bad_enums_refused);
  ADD ("/store/constraints/failed-validation-writes-nothing", test_failed_validation_writes_nothing);
  ADD ("/store/constraints/failed-write-rolls-back", test_failed_write_rolls_back);
  ADD ("/store/trash/restore-delete", test_trash_restore_delete);
  ADD ("/store/trash/restore-primary", test_restore_primary);
  ADD ("/store/search-index", test_search_index);
  ADD ("/store/interaction/confirms-info", test_interaction_confirms_info);
  ADD ("/store/interaction/meets-expectation", test_interaction_meets_expectation);
  ADD ("/store/contact/end", test_end_contact);
  ADD ("/store/partner/computed", test_partner_computed);
  ADD ("/store/lists", test_lists);
  ADD ("/store/changed-signal", test_changed_signal);
#undef ADD

  return g_test_run ();
}
