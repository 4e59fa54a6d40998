/* test-sample-data.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "lia-database.h"
#include "lia-sample-data.h"
#include "lia-test-util.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = lia_test_make_temp_dir ("sample-data");
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* The options of every test: a fixed day, so nothing depends on the clock. */
static void
init_options (LiaSampleDataOptions *options)
{
  lia_sample_data_options_init (options);
  g_date_clear (&options->today, 1);
  g_date_set_dmy (&options->today, 2, G_DATE_NOVEMBER, 2026);
}

static LiaDatabase *
open_new (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr(GError) error = NULL;
  LiaDatabase *database;

  database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  return database;
}

static LiaDatabase *
fill_new (Fixture                    *fixture,
          const char                 *name,
          const LiaSampleDataOptions *options)
{
  g_autoptr(LiaDatabase) database = open_new (fixture, name);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = lia_sample_data_fill (database, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  return g_steal_pointer (&database);
}

static gint64
query_int (LiaDatabase *database,
           const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = lia_database_prepare (database, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (LiaDatabase *database,
            const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = lia_database_prepare (database, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* Every distinct value of @column in @table, sorted and joined with commas. */
static char *
distinct_values (LiaDatabase *database,
                 const char  *table,
                 const char  *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (v, ',') FROM "
                                          "(SELECT DISTINCT %s AS v FROM %s ORDER BY v)",
                                          column, table);

  return query_text (database, sql);
}

/* A SHA-256 over every row of every table (FTS shadow tables included),
 * in rowid order; @with_meta FALSE leaves out the meta table. */
static char *
digest_database (LiaDatabase *database,
                 gboolean     with_meta)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) list = NULL;

  list = lia_database_prepare (database,
                               "SELECT name FROM sqlite_schema WHERE type = 'table'"
                               " AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
                               " ORDER BY name",
                               &error);
  g_assert_no_error (error);
  while (sqlite3_step (list) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (list, 0)));
  g_assert_cmpuint (tables->len, >=, 12);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (!with_meta && g_str_equal (table, "meta"))
        continue;

      g_checksum_update (checksum, (const guchar *)table, -1);

      /* WITHOUT ROWID tables have no rowid: their key orders them. */
      sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);
      if (sqlite3_prepare_v2 (lia_database_get_handle (database), sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_clear_pointer (&sql, g_free);
          sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", table);
          g_assert_cmpint (sqlite3_prepare_v2 (lia_database_get_handle (database), sql, -1, &stmt, NULL), ==, SQLITE_OK);
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              guchar type = (guchar)sqlite3_column_type (stmt, c);

              g_checksum_update (checksum, &type, 1);
              if (type == SQLITE_BLOB)
                g_checksum_update (checksum, sqlite3_column_blob (stmt, c), sqlite3_column_bytes (stmt, c));
              else if (type != SQLITE_NULL)
                g_checksum_update (checksum, sqlite3_column_text (stmt, c), sqlite3_column_bytes (stmt, c));
              g_checksum_update (checksum, (const guchar *)"\x1f", 1);
            }
          g_checksum_update (checksum, (const guchar *)"\x1e", 1);
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
assert_sound (LiaDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = query_text (database, "PRAGMA integrity_check");
  g_autoptr(sqlite3_stmt) stmt = lia_database_prepare (database, "PRAGMA foreign_key_check", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpstr (integrity, ==, "ok");
}

/* Every event's start_utc is its dtstart in its time zone; weekly rules
 * fall on the weekday of dtstart; single events end at dtend. */
static void
assert_event_times (LiaDatabase *database)
{
  static const char * const codes[] = { "", "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Edmonton");
  guint n = 0;

  g_assert_nonnull (tz);
  stmt = lia_database_prepare (database,
                               "SELECT dtstart, dtend, tzid, all_day, start_utc, last_end_utc, rrule FROM event",
                               &error);
  g_assert_no_error (error);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *dtstart = (const char *)sqlite3_column_text (stmt, 0);
      const char *dtend = (const char *)sqlite3_column_text (stmt, 1);
      const char *rrule = (const char *)sqlite3_column_text (stmt, 6);
      gboolean all_day = sqlite3_column_int (stmt, 3);
      int y, mo, d, h = 0, mi = 0, s = 0;
      g_autoptr(GDateTime) start = NULL;

      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, "America/Edmonton");
      if (all_day)
        {
          g_assert_cmpint (strlen (dtstart), ==, 10);
          g_assert_cmpint (sscanf (dtstart, "%d-%d-%d", &y, &mo, &d), ==, 3);
        }
      else
        {
          g_assert_cmpint (strlen (dtstart), ==, 19);
          g_assert_cmpint (sscanf (dtstart, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s), ==, 6);
        }
      start = g_date_time_new (tz, y, mo, d, h, mi, s);
      g_assert_cmpint (g_date_time_to_unix (start), ==, sqlite3_column_int64 (stmt, 4));

      if (rrule == NULL)
        {
          g_autoptr(GDateTime) end = NULL;

          if (all_day)
            g_assert_cmpint (sscanf (dtend, "%d-%d-%d", &y, &mo, &d), ==, 3);
          else
            g_assert_cmpint (sscanf (dtend, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s), ==, 6);
          end = g_date_time_new (tz, y, mo, d, h, mi, s);
          g_assert_cmpint (g_date_time_to_unix (end), ==, sqlite3_column_int64 (stmt, 5));
        }
      else
        {
          const char *byday = strstr (rrule, "BYDAY=");

          g_assert_nonnull (byday);
          g_assert_true (g_str_has_prefix (rrule, "FREQ=WEEKLY;") || g_str_has_prefix (rrule, "FREQ=MONTHLY;"));
          if (g_str_has_prefix (rrule, "FREQ=WEEKLY;"))
            g_assert_true (strncmp (byday + 6, codes[g_date_time_get_day_of_week (start)], 2) == 0);
          else
            {
              g_assert_cmpint (byday[6] - '0', ==, (d - 1) / 7 + 1);
              g_assert_true (strncmp (byday + 7, codes[g_date_time_get_day_of_week (start)], 2) == 0);
            }
          /* Never-ending series have no last end; the others end later. */
          if (strstr (rrule, "COUNT=") == NULL && strstr (rrule, "UNTIL=") == NULL)
            g_assert_cmpint (sqlite3_column_type (stmt, 5), ==, SQLITE_NULL);
          else
            g_assert_cmpint (sqlite3_column_int64 (stmt, 5), >, sqlite3_column_int64 (stmt, 4));
        }
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = NULL;
  LiaSampleDataOptions options;
  struct { const char *table, *column, *expected; } const distinct[] = {
    { "partner", "kind", "business,club,faith,government,health,nonprofit,other,school" },
    { "partner", "status", "active,ended,paused,prospect" },
    { "partner", "promotion_tier", "featured,listed-only,not-promoted,standard" },
    { "partner", "upkeep_mode", "library-asks,partner-sends" },
    { "expectation", "status", "active,met,missed,retired" },
    { "expectation", "direction", "library-provides,partner-provides" },
    { "interaction", "kind", "call,email,event,meeting,note,update-request,visit" },
    { "event", "status", "cancelled,confirmed,draft,postponed" },
    { "agreement", "kind", "letter,mou,verbal" },
    { "agreement", "status", "active,draft,ended" },
  };
  g_autofree char *staff = NULL;
  g_autofree char *day = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *sample = NULL;
  /* "Now" is noon of the sample day, Mountain Standard Time. */
  const char *now = "(unixepoch ('2026-11-02 19:00:00'))";
  g_autofree char *sql = NULL;

  init_options (&options);
  g_assert_cmpuint (options.partners, ==, 60);
  g_assert_cmpuint (options.seed, ==, 1);
  database = fill_new (fixture, "defaults.db", &options);

  g_assert_cmpint (query_int (database, "SELECT count(*) FROM partner"), ==, 60);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM contact"), ==, 180);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM interaction"), ==, 900);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event"), ==, 420);

  for (guint i = 0; i < G_N_ELEMENTS (distinct); i++)
    {
      g_autofree char *values = distinct_values (database, distinct[i].table, distinct[i].column);

      g_assert_cmpstr (values, ==, distinct[i].expected);
    }

  /* Meta. */
  sample = lia_database_dup_meta (database, "sample");
  seed = lia_database_dup_meta (database, "sample-seed");
  day = lia_database_dup_meta (database, "sample-day");
  staff = lia_database_dup_meta (database, "sample-staff");
  g_assert_cmpstr (sample, ==, "1");
  g_assert_cmpstr (seed, ==, "1");
  g_assert_cmpstr (day, ==, "2026-11-02");
  g_assert_nonnull (staff);
  {
    g_auto(GStrv) names = g_strsplit (staff, "\n", -1);

    g_assert_cmpuint (g_strv_length (names), ==, 5);
    for (guint i = 0; names[i] != NULL; i++)
      g_assert_cmpuint (strlen (names[i]), >, 3);
  }
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM partner WHERE owner IS NOT NULL AND owner NOT IN "
                              "(SELECT value FROM json_each ('[\"' || replace ((SELECT value FROM meta "
                              "WHERE key = 'sample-staff'), char (10), '\",\"') || '\"]'))"), ==, 0);

  /* Partners: unique names, some stale, some fresh, channels in range, tags. */
  g_assert_cmpint (query_int (database, "SELECT count(DISTINCT name) FROM partner"), ==, 60);
  sql = g_strdup_printf ("SELECT count(*) FROM partner WHERE info_verified_at < %s - cadence_days * 86400", now);
  g_assert_cmpint (query_int (database, sql), >, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM partner WHERE info_verified_at >= %s - cadence_days * 86400", now);
  g_assert_cmpint (query_int (database, sql), >, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM partner WHERE info_verified_at > %s", now);
  g_assert_cmpint (query_int (database, sql), ==, 0);
  g_assert_cmpint (query_int (database, "SELECT min(cadence_days) >= 14 AND max(cadence_days) <= 180 FROM partner"), ==, 1);
  g_assert_cmpint (query_int (database, "SELECT count(DISTINCT channels) FROM partner"), >, 3);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM partner WHERE id NOT IN (SELECT partner_id FROM partner_tag)"), ==, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM partner WHERE name LIKE '%École%'"), >, 0);

  /* Contacts: one current primary at most, some gone, their names kept. */
  g_assert_cmpint (query_int (database,
                              "SELECT max(n) FROM (SELECT count(*) AS n FROM contact WHERE is_primary = 1 "
                              "AND ended_at IS NULL GROUP BY partner_id)"), ==, 1);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM contact WHERE ended_at IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM interaction i JOIN contact c ON c.id = i.contact_id "
                              "WHERE i.contact_name IS NOT c.name OR i.partner_id <> c.partner_id"), ==, 0);
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM interaction i JOIN contact c ON c.id = i.contact_id "
                              "WHERE c.ended_at IS NOT NULL AND i.occurred_at > c.ended_at"), ==, 0);

  /* Agreements: some up for renewal within 60 days, some renewing themselves. */
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM agreement WHERE status = 'active' "
                              "AND ends_on BETWEEN '2026-11-02' AND date ('2026-11-02', '+60 days')"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM agreement WHERE auto_renews = 1"), >, 0);

  /* Expectations: some overdue, some tied to an agreement (of the same partner). */
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM expectation WHERE status = 'active' AND next_due_on < '2026-11-02'"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM expectation WHERE agreement_id IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM expectation e JOIN agreement a ON a.id = e.agreement_id "
                              "WHERE a.partner_id <> e.partner_id"), ==, 0);

  /* Interactions: the past year, follow-ups done, due and overdue. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM interaction WHERE occurred_at > %s "
                         "OR occurred_at < %s - 400 * 86400 OR follow_up_done_at > %s", now, now, now);
  g_assert_cmpint (query_int (database, sql), ==, 0);
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM interaction WHERE follow_up_on < '2026-11-02' AND follow_up_done_at IS NULL"), >, 0);
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM interaction WHERE follow_up_on >= '2026-11-02' AND follow_up_done_at IS NULL"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM interaction WHERE follow_up_done_at IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM interaction WHERE confirms_info = 1"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM interaction WHERE expectation_id IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM interaction i JOIN expectation e ON e.id = i.expectation_id "
                              "WHERE e.partner_id <> i.partner_id"), ==, 0);

  /* Events: library's own, recurring (ending and not), all-day, missing details. */
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event WHERE partner_id IS NULL"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event WHERE rrule IS NOT NULL AND last_end_utc IS NULL"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event WHERE rrule IS NOT NULL AND last_end_utc IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event WHERE all_day = 1"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event WHERE venue_name IS NULL AND online_url IS NULL"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event WHERE description = ''"), >, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event WHERE recurrence_of IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM event WHERE uid NOT GLOB "
                              "'[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]"
                              "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]"
                              "@sample.liaisonapp.org'"), ==, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event WHERE id NOT IN (SELECT event_id FROM event_category)"), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT min(start_utc) >= %s - 92 * 86400 AND max(start_utc) <= %s + 185 * 86400 FROM event",
                         now, now);
  g_assert_cmpint (query_int (database, sql), ==, 1);
  assert_event_times (database);

  /* Search finds accented names without the accents. */
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM search_partner WHERE search_partner MATCH 'ecole*'"), >, 0);
  g_assert_cmpint (query_int (database,
                              "SELECT count(*) FROM search_partner"), ==, 60);

  assert_sound (database);
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaDatabase) first = NULL;
  g_autoptr(LiaDatabase) second = NULL;
  g_autoptr(LiaDatabase) other_seed = NULL;
  g_autoptr(LiaDatabase) other_day = NULL;
  g_autofree char *digest_first = NULL;
  g_autofree char *digest_second = NULL;
  g_autofree char *data_first = NULL;
  g_autofree char *data_other_seed = NULL;
  g_autofree char *data_other_day = NULL;
  LiaSampleDataOptions options;

  init_options (&options);
  options.seed = 20261102;
  first = fill_new (fixture, "first.db", &options);
  second = fill_new (fixture, "second.db", &options);

  digest_first = digest_database (first, TRUE);
  digest_second = digest_database (second, TRUE);
  g_assert_cmpstr (digest_first, ==, digest_second);

  /* Another seed gives another community, beyond its meta data. */
  options.seed = 20261103;
  other_seed = fill_new (fixture, "other-seed.db", &options);
  data_first = digest_database (first, FALSE);
  data_other_seed = digest_database (other_seed, FALSE);
  g_assert_cmpstr (data_first, !=, data_other_seed);
  g_assert_cmpint (query_int (other_seed, "SELECT count(*) FROM partner"), ==, 60);

  /* Another day moves every date. */
  options.seed = 20261102;
  g_date_set_dmy (&options.today, 15, G_DATE_MARCH, 2027);
  other_day = fill_new (fixture, "other-day.db", &options);
  data_other_day = digest_database (other_day, FALSE);
  g_assert_cmpstr (data_first, !=, data_other_day);
  assert_event_times (other_day);
}

static void
test_sizes (Fixture       *fixture,
            gconstpointer  data)
{
  struct { guint partners, events, interactions, contacts; } const sizes[] = {
    { 7, 23, 41, 5 },
    { 1, 1, 1, 1 },
    { 25, 120, 300, 0 },
    { 3, 0, 0, 200 },
    { 0, 9, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("sizes-%u.db", i);
      g_autoptr(LiaDatabase) database = NULL;
      LiaSampleDataOptions options;
      guint partners = sizes[i].partners;

      init_options (&options);
      options.partners = partners;
      options.events = sizes[i].events;
      options.interactions = sizes[i].interactions;
      options.contacts = sizes[i].contacts;
      database = fill_new (fixture, name, &options);

      g_assert_cmpint (query_int (database, "SELECT count(*) FROM partner"), ==, partners);
      g_assert_cmpint (query_int (database, "SELECT count(*) FROM event"), ==,
                       sizes[i].events ? sizes[i].events : 7 * partners);
      g_assert_cmpint (query_int (database, "SELECT count(*) FROM interaction"), ==,
                       sizes[i].interactions ? sizes[i].interactions : 15 * partners);
      g_assert_cmpint (query_int (database, "SELECT count(*) FROM contact"), ==,
                       sizes[i].contacts ? sizes[i].contacts : 3 * partners);
      if (partners == 0)
        g_assert_cmpint (query_int (database, "SELECT count(*) FROM event WHERE partner_id IS NOT NULL"), ==, 0);
      assert_sound (database);
    }
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = open_new (fixture, "cancelled.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (fixture, "never.db");
  g_autofree char *sample = NULL;
  LiaSampleDataOptions options;

  init_options (&options);
  g_cancellable_cancel (cancellable);

  g_assert_false (lia_sample_data_fill (database, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM partner"), ==, 0);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event"), ==, 0);
  sample = lia_database_dup_meta (database, "sample");
  g_assert_null (sample);
  g_assert_true (sqlite3_get_autocommit (lia_database_get_handle (database)));
  g_clear_error (&error);

  /* Writing leaves nothing behind either. */
  g_assert_false (lia_sample_data_write (path, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&database);
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)))
      g_assert_true (g_str_has_prefix (name, "cancelled.db"));
  }
}

/* Cancelling while the rows are being written rolls everything back. */
typedef struct
{
  LiaDatabase          *database;
  LiaSampleDataOptions *options;
  GCancellable         *cancellable;
  GError               *error;
  gboolean              ok;
} FillJob;

static gpointer
fill_thread (gpointer data)
{
  FillJob *job = data;

  job->ok = lia_sample_data_fill (job->database, job->options, job->cancellable, &job->error);

  return NULL;
}

static void
test_cancelled_midway (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = open_new (fixture, "midway.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  LiaSampleDataOptions options;
  FillJob job = { 0 };
  GThread *thread;

  init_options (&options);
  options.partners = 20000;
  options.events = 500000;
  job.database = database;
  job.options = &options;
  job.cancellable = cancellable;

  thread = g_thread_new ("fill", fill_thread, &job);
  g_usleep (50 * 1000);
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);

  /* Far too much to finish in 50 ms: it must have been cancelled. */
  g_assert_false (job.ok);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&job.error);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM partner"), ==, 0);
  g_assert_cmpint (query_int (database,
                              "SELECT (SELECT count(*) FROM search_partner) + (SELECT count(*) FROM search_contact)"
                              " + (SELECT count(*) FROM search_interaction) + (SELECT count(*) FROM search_event)"),
                   ==, 0);
  g_assert_true (sqlite3_get_autocommit (lia_database_get_handle (database)));
}

static void
test_not_empty (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LiaSampleDataOptions options;

  init_options (&options);
  options.partners = 5;
  database = fill_new (fixture, "twice.db", &options);
  before = digest_database (database, TRUE);

  g_assert_false (lia_sample_data_fill (database, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY);
  after = digest_database (database, TRUE);
  g_assert_cmpstr (before, ==, after);
}

static void
test_write (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "Riverbend sample.db");
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaDatabase) filled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  LiaSampleDataOptions options;

  init_options (&options);
  options.partners = 12;
  g_assert_true (lia_sample_data_write (path, &options, NULL, &error));
  g_assert_no_error (error);

  /* Only the database: no temporary file, no -wal or -shm. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (lia_test_count_files (fixture->dir), ==, 1);

  database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM partner"), ==, 12);
  g_assert_true (lia_database_check_integrity (database, &error));
  g_assert_no_error (error);

  /* The same content as a fill with the same options. */
  filled = fill_new (fixture, "filled.db", &options);
  written = digest_database (database, TRUE);
  expected = digest_database (filled, TRUE);
  g_assert_cmpstr (written, ==, expected);
}

static void
test_write_refuses_existing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "precious.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LiaSampleDataOptions options;

  g_assert_true (g_file_set_contents (path, "years of partnerships", -1, NULL));
  before = lia_test_checksum_file (path);

  init_options (&options);
  g_assert_false (lia_sample_data_write (path, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "precious.db"));
  g_assert_nonnull (strstr (error->message, "already exists"));

  after = lia_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (lia_test_count_files (fixture->dir), ==, 1);
}

static void
test_write_missing_folder (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *folder = path_in (fixture, "no-such-folder");
  g_autofree char *path = g_build_filename (folder, "sample.db", NULL);
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;

  init_options (&options);
  g_assert_false (lia_sample_data_write (path, &options, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lia_test_count_files (fixture->dir), ==, 0);
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "large.db");
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;
  gint64 start;
  double seconds;

  init_options (&options);
  options.partners = 5000;
  options.events = 50000;
  options.interactions = 100000;
  options.contacts = 20000;

  start = g_get_monotonic_time ();
  g_assert_true (lia_sample_data_write (path, &options, NULL, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  g_test_message ("5,000 partners, 50,000 events, 100,000 interactions, 20,000 contacts: %.2f s", seconds);

  database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM partner"), ==, 5000);
  g_assert_cmpint (query_int (database, "SELECT count(DISTINCT name) FROM partner"), ==, 5000);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM event"), ==, 50000);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM interaction"), ==, 100000);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM contact"), ==, 20000);
  g_assert_cmpint (query_int (database, "SELECT count(DISTINCT uid) FROM event"), ==, 50000);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM search_partner WHERE search_partner MATCH 'ecole*'"), >, 0);
  assert_sound (database);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sample-data/defaults", test_defaults);
  ADD ("/sample-data/deterministic", test_deterministic);
  ADD ("/sample-data/sizes", test_sizes);
  ADD ("/sample-data/cancelled", test_cancelled);
  ADD ("/sample-data/cancelled-midway", test_cancelled_midway);
  ADD ("/sample-data/not-empty", test_not_empty);
  ADD ("/sample-data/write", test_write);
  ADD ("/sample-data/write/refuses-existing", test_write_refuses_existing);
  ADD ("/sample-data/write/missing-folder", test_write_missing_folder);
  ADD ("/sample-data/large", test_large);
#undef ADD

  return g_test_run ();
}
