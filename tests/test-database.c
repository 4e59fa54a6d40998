/* test-database.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "lia-attention.h"
#include "lia-core-resources.h"
#include "lia-database-private.h"
#include "lia-partner-list.h"
#include "lia-search.h"
#include "lia-store-private.h"
#include "lia-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = lia_test_make_temp_dir ("database");
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
query_int (sqlite3    *handle,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (sqlite3    *handle,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* The details of EXPLAIN QUERY PLAN, one line each. */
static char *
query_plan (sqlite3    *handle,
            const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *)sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* Runs SQL on a file through a plain sqlite connection, behind Liaison's back. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

static LiaDatabase *
create_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  LiaDatabase *db;

  db = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

static void
insert_partners (LiaDatabase *db,
                 guint        n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO partner (name, description, created_at, updated_at) "
                                              "VALUES ('Partner %u', '%s', 1, 1)",
                                              i, "A community organisation with a long description");
      lia_database_exec (db, sql, &error);
      g_assert_no_error (error);
    }
}

static void
test_fresh (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  sqlite3 *handle = lia_database_get_handle (db);
  g_autofree char *journal = query_text (handle, "PRAGMA journal_mode");
  static const char * const tables[] = {
    "meta", "partner", "partner_tag", "contact", "agreement", "expectation",
    "interaction", "event", "event_category", "publish_target", "publish_record",
    "intake_feed", "intake_item", "search_partner", "search_contact",
    "search_interaction", "search_event",
  };

  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (handle, "PRAGMA application_id"), ==, LIA_APPLICATION_ID);
  g_assert_cmpint (query_int (handle, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_null (lia_database_get_backup_path (db));
  g_assert_cmpstr (lia_database_get_path (db), ==, fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'", tables[i]);
      g_assert_cmpint (query_int (handle, sql), ==, 1);
    }

  g_assert_true (lia_database_check_integrity (db, NULL));
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;

  insert_partners (db, 3);
  g_clear_object (&db);

  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  /* Nothing to migrate, so no backup copy. */
  g_assert_null (lia_database_get_backup_path (db));
  g_assert_cmpint (query_int (lia_database_get_handle (db), "SELECT count(*) FROM partner"), ==, 3);
  g_clear_object (&db);
  g_assert_cmpuint (lia_test_count_files (fixture->dir), ==, 1);
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
assert_refused_unchanged (Fixture    *fixture,
                          int         code,
                          const char *fragment)
{
  g_autofree char *before = lia_test_checksum_file (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = lia_test_count_files (fixture->dir);

  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, code);
  g_assert_null (db);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_nonnull (strstr (error->message, "liaison.db"));

  after = lia_test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
  /* No journal, WAL or backup left beside it. */
  g_assert_cmpuint (lia_test_count_files (fixture->dir), ==, n_files);
}

static void
test_newer_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);

  insert_partners (db, 2);
  g_clear_object (&db);
  raw_exec (fixture->path, "PRAGMA user_version = 99");

  assert_refused_unchanged (fixture, LIA_DATABASE_ERROR_TOO_NEW, "newer version of Liaison");
}

/* A newer Liaison that is still running (or crashed) leaves its last
 * changes in the WAL; refusing the file must not fold them in either. */
static void
test_newer_with_wal_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *copy_wal = g_build_filename (fixture->dir, "copy.db-wal", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *before = NULL, *before_wal = NULL, *after = NULL, *after_wal = NULL;
  g_autoptr(LiaDatabase) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  insert_partners (db, 2);
  g_assert_true (lia_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 99;", NULL));

  /* Copy the file and its WAL while the connection is open, as a crash would leave them. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (wal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_true (g_file_set_contents (copy_wal, contents, length, NULL));
  g_clear_object (&db);

  before = lia_test_checksum_file (copy);
  before_wal = lia_test_checksum_file (copy_wal);

  refused = lia_database_open (copy, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_TOO_NEW);
  g_assert_null (refused);

  after = lia_test_checksum_file (copy);
  after_wal = lia_test_checksum_file (copy_wal);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (before_wal, ==, after_wal);
}

static void
test_garbage_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guchar bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int (rand) & 0xff;
  g_assert_true (g_file_set_contents (fixture->path, (const char *)bytes, sizeof bytes, NULL));
  assert_refused_unchanged (fixture, LIA_DATABASE_ERROR_NOT_A_DATABASE, "not a Liaison database");

  /* A short text file, like a CSV picked by mistake. */
  g_assert_true (g_file_set_contents (fixture->path, "name,email\nFood Bank,a@b.c\n", -1, NULL));
  assert_refused_unchanged (fixture, LIA_DATABASE_ERROR_NOT_A_DATABASE, "not a Liaison database");
}

static void
test_other_program_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  raw_exec (fixture->path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
  assert_refused_unchanged (fixture, LIA_DATABASE_ERROR_NOT_LIAISON, "another program");
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  insert_partners (db, 3000);
  g_clear_object (&db);

  /* Scribble over the middle of the file, leaving the header intact. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 64 * 1024);
  memset (contents + length / 2, 0xA5, 16 * 1024);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  if (db != NULL)
    {
      g_assert_false (lia_database_check_integrity (db, &error));
    }
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

static void
test_unwritable_path (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *no_folder = g_build_filename (fixture->dir, "missing", "liaison.db", NULL);
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = lia_database_open (no_folder, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_null (db);
  g_clear_error (&error);

  /* A folder in place of the file. */
  db = lia_database_open (fixture->dir, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN);
  g_assert_null (db);
  g_clear_error (&error);

  /* /proc cannot be written even by root, who ignores file permissions. */
  db = lia_database_open ("/proc/liaison-test.db", LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN);
  g_assert_null (db);
}

/* A full disk in the middle of a write: sqlite answers SQLITE_FULL when the
 * file reaches max_page_count, the same path as ENOSPC from the disk. */
static void
test_full_rolls_back (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = lia_database_get_handle (db);
  g_autofree char *limit = NULL;
  g_autofree char *long_text = g_strnfill (2000, 'x');
  gboolean ok = TRUE;

  insert_partners (db, 5);
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           query_int (handle, "PRAGMA page_count") + 8);
  g_assert_true (lia_database_exec (db, limit, NULL));

  g_assert_true (lia_database_begin (db, &error));
  for (guint i = 0; ok && i < 1000; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO partner (name, description, created_at, updated_at) "
                                              "VALUES ('Big %u', '%s', 1, 1)", i, long_text);
      ok = lia_database_exec (db, sql, &error);
    }
  if (ok)
    ok = lia_database_commit (db, &error);
  else
    lia_database_rollback (db);

  g_assert_false (ok);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_true (sqlite3_get_autocommit (handle));
  /* Nothing of the failed transaction stayed. */
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM partner"), ==, 5);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM search_partner"), ==, 5);
}

/* The built-in migrations, then @extra_sql as the next version. Free the
 * array and each sql but @extra_sql's with free_migrations(). */
static LiaMigration *
builtin_plus (const char *extra_sql,
              guint      *n)
{
  g_auto(GStrv) names = NULL;
  LiaMigration *migrations;
  guint count;

  names = g_resource_enumerate_children (lia_core_get_resource (),
                                         "/org/liaisonapp/Liaison/core/migrations", 0, NULL);
  g_assert_nonnull (names);
  count = g_strv_length (names);
  g_assert_cmpuint (count, ==, LIA_SCHEMA_VERSION);

  migrations = g_new0 (LiaMigration, count + 1);
  for (guint i = 0; i < count; i++)
    {
      /* Named NNNN-what.sql: version i + 1 is the name that starts so. */
      g_autofree char *prefix = g_strdup_printf ("%04u-", i + 1);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      for (guint j = 0; j < count; j++)
        if (g_str_has_prefix (names[j], prefix))
          path = g_build_path ("/", "/org/liaisonapp/Liaison/core/migrations", names[j], NULL);
      g_assert_nonnull (path);
      bytes = g_resource_lookup_data (lia_core_get_resource (), path, 0, NULL);
      g_assert_nonnull (bytes);
      migrations[i].version = (int)i + 1;
      migrations[i].sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  migrations[count].version = (int)count + 1;
  migrations[count].sql = extra_sql;
  *n = count + 1;

  return migrations;
}

static void
free_migrations (LiaMigration *migrations,
                 guint         n_builtin)
{
  for (guint i = 0; i < n_builtin; i++)
    g_free ((char *)migrations[i].sql);
  g_free (migrations);
}

static void
test_backup_before_migration (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  g_autoptr(LiaDatabase) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_backup = g_strdup_printf ("%s/liaison.v%d-backup.db", fixture->dir, LIA_SCHEMA_VERSION);
  LiaMigration *migrations;
  guint n;

  insert_partners (db, 4);
  g_clear_object (&db);

  migrations = builtin_plus ("CREATE TABLE extra (x INTEGER); INSERT INTO extra VALUES (7);", &n);
  db = _lia_database_open_with_migrations (fixture->path, LIA_DATABASE_OPEN_DEFAULT, migrations, n, &error);
  free_migrations (migrations, n - 1);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION + 1);
  g_assert_cmpint (query_int (lia_database_get_handle (db), "SELECT x FROM extra"), ==, 7);
  g_assert_cmpint (query_int (lia_database_get_handle (db), "SELECT count(*) FROM partner"), ==, 4);
  g_assert_cmpstr (lia_database_get_backup_path (db), ==, expected_backup);

  /* The copy is the file as it was: the partners, no new table. */
  backup = lia_database_open (expected_backup, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (backup), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (lia_database_get_handle (backup), "SELECT count(*) FROM partner"), ==, 4);
  g_assert_cmpint (query_int (lia_database_get_handle (backup),
                              "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"), ==, 0);
}

static void
test_failed_migration_leaves_file (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  LiaMigration *migrations;
  guint n;

  insert_partners (db, 2);
  g_clear_object (&db);

  /* The first statement works, the second fails: both must be undone. */
  migrations = builtin_plus ("CREATE TABLE extra (x INTEGER); INSERT INTO no_such_table VALUES (1);", &n);
  db = _lia_database_open_with_migrations (fixture->path, LIA_DATABASE_OPEN_DEFAULT, migrations, n, &error);
  free_migrations (migrations, n - 1);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "left as it was"));
  g_assert_null (db);
  g_clear_error (&error);

  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (lia_database_get_handle (db),
                              "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"), ==, 0);
  g_assert_cmpint (query_int (lia_database_get_handle (db), "SELECT count(*) FROM partner"), ==, 2);
}

/* A file of schema version 1 with a partner and an update request opens
 * at the current version, with its data, the index of version 2, which
 * the query of "update requested on" uses, and the table of kept dates
 * of version 3. */
static void
test_migrate_1_to_2 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  sqlite3 *handle;

  db = _lia_database_open_at_version (fixture->path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, 1);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, 1);
  insert_partners (db, 2);
  g_assert_true (lia_database_exec (db,
                                    "INSERT INTO interaction (partner_id, kind, occurred_at, summary, created_at, updated_at)"
                                    " VALUES (1, 'update-request', 100, 'Asked', 100, 100),"
                                    "        (1, 'call', 200, 'Called', 200, 200)",
                                    &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = lia_database_get_handle (db);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM event_occurrence"), ==, 0);
  g_assert_nonnull (lia_database_get_backup_path (db));
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM partner"), ==, 2);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM interaction"), ==, 2);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM sqlite_schema WHERE name = 'interaction_update_request_idx'"),
                   ==, 1);
  plan = query_plan (handle,
                     "SELECT max (i.occurred_at) FROM interaction AS i"
                     " WHERE i.partner_id = 1 AND i.kind = 'update-request' AND i.deleted_at IS NULL");
  g_assert_nonnull (strstr (plan, "interaction_update_request_idx"));
  g_assert_true (lia_database_check_integrity (db, NULL));
}

/* A file of schema version 4 with upcoming events opens at version 5 with
 * the indexes of the events that lack details, through which the Today
 * page lists them: a single event without a description and a running
 * series without a venue; the complete event is left out. */
static void
test_migrate_4_to_5 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;
  GDate today;
  guint n;

  db = _lia_database_open_at_version (fixture->path, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, 4);
  insert_partners (db, 1);
  /* 2026-11-20 00:00 UTC is 1795132800; the single is on the 25th, the
   * series began in October and never ends. */
  g_assert_true (lia_database_exec (db,
                                    "INSERT INTO event (uid, partner_id, title, dtstart, tzid, start_utc, last_end_utc,"
                                    " rrule, venue_name, description, status, created_at, updated_at) VALUES"
                                    " ('single@test', 1, 'Story time', '2026-11-25T10:00:00', 'UTC', 1795600800,"
                                    "  1795604400, NULL, 'Main branch', '', 'confirmed', 1, 1),"
                                    " ('series@test', 1, 'Chess club', '2026-10-06T18:00:00', 'UTC', 1791309600,"
                                    "  NULL, 'FREQ=WEEKLY', NULL, 'Bring a board', 'confirmed', 1, 1),"
                                    " ('complete@test', 1, 'Book sale', '2026-11-26T10:00:00', 'UTC', 1795687200,"
                                    "  1795690800, NULL, 'Main branch', 'Books', 'confirmed', 1, 1)",
                                    &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = lia_database_get_handle (db);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (handle,
                              "SELECT count(*) FROM sqlite_schema WHERE name IN"
                              " ('event_single_lacking_idx', 'event_series_lacking_idx')"),
                   ==, 2);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM sqlite_schema WHERE name = 'event_series_end_idx'"),
                   ==, 0);

  /* The page's queries name the indexes (INDEXED BY): they would fail to
   * prepare if the indexes did not fit them. */
  store = lia_store_new (db);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_NOVEMBER, 2026);
  items = lia_attention_compute (store, &today, &error);
  g_assert_no_error (error);
  n = 0;
  for (guint i = 0; i < items->len; i++)
    {
      LiaAttentionItem *item = g_ptr_array_index (items, i);

      if (item->kind == LIA_ATTENTION_EVENT_INCOMPLETE)
        {
          g_assert_true (strstr (item->text, "Story time") != NULL || strstr (item->text, "Chess club") != NULL);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (lia_database_check_integrity (db, NULL));
}

/* A file of schema version 5 opens at version 6 with each partner's last
 * contact and next due day filled in from its records outside the trash,
 * which the triggers then keep, and the list's sorts by them walk their
 * indexes. */
static void
test_migrate_5_to_6 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  LiaPartnerQuery query;
  sqlite3 *handle;

  db = _lia_database_open_at_version (fixture->path, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, 5);
  insert_partners (db, 3);
  /* Partner 1: a call at 100 and a later one in the trash; partner 2: a
   * visit at 200; partner 3: nothing. */
  g_assert_true (lia_database_exec (db,
                                    "INSERT INTO interaction (partner_id, kind, occurred_at, summary, follow_up_on,"
                                    " follow_up_done_at, created_at, updated_at, deleted_at) VALUES"
                                    " (1, 'call', 100, 'Call', '2026-03-10', NULL, 1, 1, NULL),"
                                    " (1, 'call', 300, 'Trashed call', '2026-03-01', NULL, 1, 1, 400),"
                                    " (2, 'visit', 200, 'Visit', '2026-02-01', 250, 1, 1, NULL)",
                                    &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = lia_database_get_handle (db);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (handle, "SELECT last_contact_at FROM partner WHERE id = 1"), ==, 100);
  g_assert_cmpint (query_int (handle, "SELECT last_contact_at FROM partner WHERE id = 2"), ==, 200);
  g_assert_cmpint (query_int (handle, "SELECT last_contact_at IS NULL FROM partner WHERE id = 3"), ==, 1);
  /* The next due day: partner 1's open follow-up; partner 2's was done. */
  g_assert_cmpint (query_int (handle, "SELECT next_due_on = '2026-03-10' FROM partner WHERE id = 1"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT next_due_on IS NULL FROM partner WHERE id = 2"), ==, 1);

  /* A new interaction moves it on; the list orders by it, never
   * contacted last, walking its index without a sort. */
  g_assert_true (lia_database_exec (db,
                                    "INSERT INTO interaction (partner_id, kind, occurred_at, summary, created_at,"
                                    " updated_at) VALUES (1, 'email', 250, 'E-mail', 1, 1)",
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (handle, "SELECT last_contact_at FROM partner WHERE id = 1"), ==, 250);

  store = lia_store_new (db);
  lia_partner_query_init (&query);
  query.sort = LIA_PARTNER_SORT_LAST_CONTACT;
  ids = lia_store_query_partner_ids (store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, 3);

  plan = query_plan (handle,
                     "SELECT p.id FROM partner AS p WHERE p.deleted_at IS NULL"
                     " ORDER BY " LIA_STORE_SQL_LAST_CONTACT_AT " DESC NULLS LAST, p.sort_name, p.name, p.id");
  g_assert_nonnull (strstr (plan, "INDEX partner_last_contact_idx"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_clear_pointer (&plan, g_free);

  query.sort = LIA_PARTNER_SORT_NEXT_DUE;
  g_clear_pointer (&ids, g_array_unref);
  ids = lia_store_query_partner_ids (store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 2);
  plan = query_plan (handle,
                     "SELECT p.id FROM partner AS p WHERE p.deleted_at IS NULL ORDER BY "
                     LIA_STORE_SQL_NEXT_DUE_ON " IS NULL, " LIA_STORE_SQL_NEXT_DUE_ON ", p.sort_name, p.name, p.id");
  g_assert_nonnull (strstr (plan, "INDEX partner_next_due_idx"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_assert_true (lia_database_check_integrity (db, NULL));
}

/* A file of schema version 6 opens at version 7 with one search table a
 * kind, each holding its records outside the trash under their own ids
 * (a changed date of a series is found through its series), the old
 * search_index gone, and the triggers keeping the new tables. */
/* A file of schema 6, as the version before this one left it. */
static void
write_version_6 (const char *path)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = _lia_database_open_at_version (path, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, 6);
  insert_partners (db, 3);
}

static void
test_needs_update (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;

  g_assert_false (lia_database_needs_update (fixture->path));

  write_version_6 (fixture->path);
  g_assert_true (lia_database_needs_update (fixture->path));
  {
    g_autoptr(LiaDatabase) db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
  }
  g_assert_false (lia_database_needs_update (fixture->path));

  /* Another program's file and a text file are not Liaison's to update. */
  g_assert_cmpint (sqlite3_open (other, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 3; CREATE TABLE t (x);", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_false (lia_database_needs_update (other));
  g_assert_true (g_file_set_contents (text, "partners, events", -1, NULL));
  g_assert_false (lia_database_needs_update (text));
  g_assert_false (lia_database_needs_update (fixture->dir));
}

typedef struct
{
  GMainLoop    *loop;
  LiaDatabase  *database;
  GError       *error;
  GCancellable *cancellable;
  guint         n_updating;
  gboolean      done;
} AsyncOpen;

static void
on_updating (gpointer user_data)
{
  AsyncOpen *open = user_data;

  g_assert_false (open->done);
  open->n_updating++;
  if (open->cancellable != NULL)
    g_cancellable_cancel (open->cancellable);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncOpen *open = user_data;

  open->database = lia_database_open_finish (result, &open->error);
  open->done = TRUE;
  g_main_loop_quit (open->loop);
}

static void
test_open_async_updates (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *backup = g_strdup_printf ("%s/liaison.v6-backup.db", fixture->dir);
  AsyncOpen open = { g_main_loop_new (NULL, FALSE) };

  write_version_6 (fixture->path);

  lia_database_open_async (fixture->path, LIA_DATABASE_OPEN_DEFAULT, on_updating, &open, NULL, on_opened, &open);
  g_main_loop_run (open.loop);

  g_assert_no_error (open.error);
  g_assert_nonnull (open.database);
  g_assert_cmpint (lia_database_get_schema_version (open.database), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (lia_database_get_handle (open.database), "SELECT count(*) FROM search_partner"), ==, 3);
  g_assert_cmpstr (lia_database_get_backup_path (open.database), ==, backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  /* Told once as the update began, at least. */
  g_assert_cmpuint (open.n_updating, >=, 1);

  /* A file that needs nothing opens without a word. */
  g_clear_object (&open.database);
  open.n_updating = 0;
  open.done = FALSE;
  lia_database_open_async (fixture->path, LIA_DATABASE_OPEN_DEFAULT, on_updating, &open, NULL, on_opened, &open);
  g_main_loop_run (open.loop);
  g_assert_no_error (open.error);
  g_assert_nonnull (open.database);
  g_assert_cmpuint (open.n_updating, ==, 0);

  g_clear_object (&open.database);
  g_main_loop_unref (open.loop);
}

/* Stopped while a migration runs: the transaction rolls back, the file is
 * byte for byte as it was, and its backup copy is gone again. */
static void
test_open_async_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  /* A migration that would run for minutes unless interrupted. */
  static const char *endless = "CREATE TABLE extra (x INTEGER);"
                               "WITH RECURSIVE c (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000)"
                               " INSERT INTO extra SELECT x FROM c;";
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AsyncOpen open = { g_main_loop_new (NULL, FALSE) };
  LiaMigration *migrations;
  guint n_files;
  guint n;

  write_version_6 (fixture->path);
  before = lia_test_checksum_file (fixture->path);
  n_files = lia_test_count_files (fixture->dir);

  open.cancellable = g_cancellable_new ();
  migrations = builtin_plus (endless, &n);
  _lia_database_open_with_migrations_async (fixture->path, LIA_DATABASE_OPEN_DEFAULT, migrations, n,
                                            on_updating, &open, open.cancellable, on_opened, &open);
  g_main_loop_run (open.loop);
  free_migrations (migrations, n - 1);

  g_assert_error (open.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (open.error->message, "left as it was"));
  g_assert_null (open.database);
  g_assert_cmpuint (open.n_updating, >=, 1);

  after = lia_test_checksum_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (lia_test_count_files (fixture->dir), ==, n_files);
  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (lia_database_get_handle (db),
                              "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"), ==, 0);
  g_assert_cmpint (query_int (lia_database_get_handle (db), "SELECT count(*) FROM search_partner"), ==, 3);

  g_clear_error (&open.error);
  g_object_unref (open.cancellable);
  g_main_loop_unref (open.loop);
}

static void
test_migrate_6_to_7 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;

  db = _lia_database_open_at_version (fixture->path, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, 6);
  insert_partners (db, 2);
  g_assert_true (lia_database_exec (db,
                                    "UPDATE partner SET name = 'Millbrook Seniors Centre', notes = 'Tai chi' WHERE id = 1;"
                                    "UPDATE partner SET name = 'Trashed Theatre', deleted_at = 5 WHERE id = 2;"
                                    "INSERT INTO contact (id, partner_id, name, role, created_at, updated_at)"
                                    " VALUES (7, 1, 'Ana Díaz', 'Coordinator', 1, 1);"
                                    "INSERT INTO interaction (id, partner_id, kind, occurred_at, summary, created_at, updated_at)"
                                    " VALUES (9, 1, 'call', 100, 'Talked about the pantry', 1, 1);"
                                    "INSERT INTO event (id, uid, partner_id, title, dtstart, tzid, start_utc, rrule,"
                                    " venue_name, created_at, updated_at) VALUES"
                                    " (11, 'series@test', 1, 'Chess club', '2026-10-06T18:00:00', 'UTC', 1791309600,"
                                    "  'FREQ=WEEKLY', 'Millbrook hall', 1, 1);"
                                    "INSERT INTO event (id, uid, recurrence_of, recurrence_id, partner_id, title, dtstart,"
                                    " tzid, start_utc, created_at, updated_at) VALUES"
                                    " (12, 'series@test', 11, '2026-10-13T18:00:00', 1, 'Chess club finals',"
                                    "  '2026-10-13T18:00:00', 'UTC', 1791914400, 1, 1);",
                                    &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = lia_database_get_handle (db);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'search_index%'"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT rowid FROM search_partner WHERE search_partner MATCH 'tai chi'"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM search_partner"), ==, 1);
  g_assert_cmpint (query_int (handle, "SELECT rowid FROM search_contact WHERE search_contact MATCH 'diaz'"), ==, 7);
  g_assert_cmpint (query_int (handle, "SELECT rowid FROM search_interaction WHERE search_interaction MATCH 'pantry'"),
                   ==, 9);
  g_assert_cmpint (query_int (handle, "SELECT rowid FROM search_event WHERE search_event MATCH 'chess'"), ==, 11);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM search_event"), ==, 1);

  /* Search as the window does it: a partner, its contact and its event. */
  store = lia_store_new (db);
  results = lia_store_search (store, "millbro", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (((LiaSearchResult *)g_ptr_array_index (results, 0))->kind, ==, LIA_RECORD_PARTNER);
  g_assert_cmpint (((LiaSearchResult *)g_ptr_array_index (results, 1))->kind, ==, LIA_RECORD_EVENT);
  g_assert_cmpint (((LiaSearchResult *)g_ptr_array_index (results, 1))->id, ==, 11);
  g_assert_cmpint (((LiaSearchResult *)g_ptr_array_index (results, 1))->partner_id, ==, 1);

  /* The triggers keep the new tables: a restore, an edit, a delete. */
  g_assert_true (lia_database_exec (db,
                                    "UPDATE partner SET deleted_at = NULL WHERE id = 2;"
                                    "UPDATE event SET title = 'Checkers club' WHERE id = 11;"
                                    "DELETE FROM contact WHERE id = 7;",
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (handle, "SELECT rowid FROM search_partner WHERE search_partner MATCH 'theatre'"), ==, 2);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM search_event WHERE search_event MATCH 'chess'"), ==, 0);
  g_assert_cmpint (query_int (handle, "SELECT rowid FROM search_event WHERE search_event MATCH 'checkers'"), ==, 11);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM search_contact"), ==, 0);
  g_assert_true (lia_database_check_integrity (db, NULL));
}

/* The page cache is 8 MiB up to a file of 512 MiB, then a sixty-fourth
 * of the file, up to 64 MiB; an open file gets its size's. */
static void
test_cache_size (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);

  g_assert_cmpint (_lia_database_get_cache_kib (0), ==, 8192);
  g_assert_cmpint (_lia_database_get_cache_kib (512 * (gint64)1024 * 1024), ==, 8192);
  g_assert_cmpint (_lia_database_get_cache_kib (1216 * (gint64)1024 * 1024), ==, 19456);
  g_assert_cmpint (_lia_database_get_cache_kib (4 * (gint64)1024 * 1024 * 1024), ==, 65536);
  g_assert_cmpint (_lia_database_get_cache_kib (40 * (gint64)1024 * 1024 * 1024), ==, 65536);
  g_assert_cmpint (query_int (lia_database_get_handle (db), "PRAGMA cache_size"), ==, -8192);
}

static void
assert_rejected (LiaDatabase *db,
                 const char  *sql)
{
  g_autoptr(GError) error = NULL;

  if (lia_database_exec (db, sql, &error))
    g_error ("accepted: %s", sql);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
}

static void
test_constraints (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_database_exec (db,
    "INSERT INTO partner (id, name, created_at, updated_at) VALUES (1, 'Riverbend Food Bank', 1, 1);"
    "INSERT INTO partner (id, name, created_at, updated_at) VALUES (2, 'École Sainte-Anne', 1, 1);"
    "INSERT INTO agreement (id, partner_id, title, created_at, updated_at) VALUES (1, 1, 'MOU', 1, 1);"
    "INSERT INTO contact (partner_id, name, is_primary, created_at, updated_at) VALUES (1, 'Ana', 1, 1, 1);",
    &error));
  g_assert_no_error (error);

  assert_rejected (db, "INSERT INTO partner (name, created_at, updated_at) VALUES ('  ', 1, 1)");
  assert_rejected (db, "INSERT INTO partner (name, kind, created_at, updated_at) VALUES ('X', 'bogus', 1, 1)");
  assert_rejected (db, "INSERT INTO partner (name, cadence_days, created_at, updated_at) VALUES ('X', 0, 1, 1)");
  assert_rejected (db, "INSERT INTO contact (partner_id, name, created_at, updated_at) VALUES (99, 'Nobody', 1, 1)");
  assert_rejected (db, "INSERT INTO contact (partner_id, name, is_primary, created_at, updated_at) VALUES (1, 'Ben', 1, 1, 1)");
  assert_rejected (db, "INSERT INTO agreement (partner_id, title, starts_on, ends_on, created_at, updated_at) "
                       "VALUES (1, 'Lease', '2026-05-01', '2026-04-01', 1, 1)");
  assert_rejected (db, "INSERT INTO agreement (partner_id, title, ends_on, created_at, updated_at) "
                       "VALUES (1, 'Lease', '2026-02-30', 1, 1)");
  assert_rejected (db, "INSERT INTO expectation (partner_id, agreement_id, direction, what, due_on, created_at, updated_at) "
                       "VALUES (2, 1, 'partner-provides', 'Listings', '2026-12-01', 1, 1)");
  assert_rejected (db, "INSERT INTO expectation (partner_id, direction, what, created_at, updated_at) "
                       "VALUES (1, 'partner-provides', 'Listings', 1, 1)");
  assert_rejected (db, "INSERT INTO event (uid, title, dtstart, dtend, start_utc, created_at, updated_at) "
                       "VALUES ('a@b', 'Talk', '2026-12-09T18:30:00', '2026-12-09T17:00:00', 1, 1, 1)");
  assert_rejected (db, "INSERT INTO publish_target (name, kind, url, created_at, updated_at) "
                       "VALUES ('Web', 'ftp', 'x', 1, 1)");

  /* The search index follows the data, accents folded, prefixes matched. */
  g_assert_cmpint (query_int (lia_database_get_handle (db),
                              "SELECT count(*) FROM search_partner WHERE search_partner MATCH 'ecole'"), ==, 1);
  g_assert_cmpint (query_int (lia_database_get_handle (db),
                              "SELECT count(*) FROM search_partner WHERE search_partner MATCH 'river*'"), ==, 1);
  g_assert_true (lia_database_exec (db, "UPDATE partner SET deleted_at = 5 WHERE id = 2", NULL));
  g_assert_cmpint (query_int (lia_database_get_handle (db),
                              "SELECT count(*) FROM search_partner WHERE search_partner MATCH 'ecole'"), ==, 0);
}

static void
test_meta (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = lia_database_dup_meta (db, "welcome-done");
  g_autofree char *value = NULL;

  g_assert_null (missing);
  g_assert_true (lia_database_set_meta (db, "welcome-done", "1", &error));
  g_assert_true (lia_database_set_meta (db, "welcome-done", "2", &error));
  g_assert_no_error (error);
  value = lia_database_dup_meta (db, "welcome-done");
  g_assert_cmpstr (value, ==, "2");
}

static void
test_statement_cache (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaDatabase) db = create_database (fixture->path);
  const char *sql = "SELECT ?1";
  LiaStmt *outer, *nested, *again;

  outer = lia_database_prepare_cached (db, sql, NULL);
  g_assert_nonnull (outer);
  sqlite3_bind_int (outer, 1, 7);
  g_assert_cmpint (sqlite3_step (outer), ==, SQLITE_ROW);

  /* A caller nested inside another one running the same SQL gets its own
   * cursor, so the outer one is not reset under its feet. */
  nested = lia_database_prepare_cached (db, sql, NULL);
  g_assert_true (nested != outer);
  sqlite3_bind_int (nested, 1, 9);
  g_assert_cmpint (sqlite3_step (nested), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (nested, 0), ==, 9);
  lia_stmt_release (nested);
  g_assert_cmpint (sqlite3_column_int (outer, 0), ==, 7);
  lia_stmt_release (outer);

  /* Released, the cached statement comes back reset and unbound. */
  again = lia_database_prepare_cached (db, sql, NULL);
  g_assert_true (again == outer);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (again, 0), ==, SQLITE_NULL);
  lia_stmt_release (again);
}

/* A second connection in the same process (a worker beside the window)
 * must not take the first one's locks away: another process then still
 * cannot take the file out of WAL mode while the window holds it. */
static void
test_second_open_keeps_locks (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LiaDatabase) window = NULL;
  g_autoptr(LiaDatabase) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "sqlite3", fixture->path, "PRAGMA journal_mode = DELETE;", NULL };

  window = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (lia_database_exec (window, "SELECT count (*) FROM meta", &error));

  worker = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&worker);

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  /* sqlite3 reports the lock; the mode stays WAL. */
  g_assert_nonnull (strstr (err, "locked"));
  g_assert_null (strstr (out, "delete"));
  g_assert_true (lia_database_exec (window, "SELECT count (*) FROM meta", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/database/fresh", test_fresh);
  ADD ("/database/reopen", test_reopen);
  ADD ("/database/missing", test_missing);
  ADD ("/database/newer-refused", test_newer_refused);
  ADD ("/database/newer-with-wal-refused", test_newer_with_wal_refused);
  ADD ("/database/garbage-refused", test_garbage_refused);
  ADD ("/database/other-program-refused", test_other_program_refused);
  ADD ("/database/corrupt", test_corrupt);
  ADD ("/database/unwritable-path", test_unwritable_path);
  ADD ("/database/full-rolls-back", test_full_rolls_back);
  ADD ("/database/backup-before-migration", test_backup_before_migration);
  ADD ("/database/failed-migration", test_failed_migration_leaves_file);
  ADD ("/database/migrate-1-to-2", test_migrate_1_to_2);
  ADD ("/database/migrate-4-to-5", test_migrate_4_to_5);
  ADD ("/database/migrate-5-to-6", test_migrate_5_to_6);
  ADD ("/database/migrate-6-to-7", test_migrate_6_to_7);
  ADD ("/database/needs-update", test_needs_update);
  ADD ("/database/open-async-updates", test_open_async_updates);
  ADD ("/database/open-async-cancel", test_open_async_cancel);
  ADD ("/database/cache-size", test_cache_size);
  ADD ("/database/constraints", test_constraints);
  ADD ("/database/meta", test_meta);
  ADD ("/database/statement-cache", test_statement_cache);
  ADD ("/database/second-open-keeps-locks", test_second_open_keeps_locks);
#undef ADD

  return g_test_run ();
}
