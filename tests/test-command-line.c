/* test-command-line.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `liaison` binary as a script or a scheduled job would, and
 * checks its output, its messages and its exit status.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lia-database.h"
#include "lia-test-util.h"

typedef struct
{
  char *dir;
  char *data_home;
  char *out;
  char *err;
  int   status;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = lia_test_make_temp_dir ("cli");
  g_assert_nonnull (fixture->dir);
  fixture->data_home = g_build_filename (fixture->dir, "data-home", NULL);
  g_assert_cmpint (g_mkdir (fixture->data_home, 0700), ==, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_home);
  g_free (fixture->out);
  g_free (fixture->err);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Runs liaison with the arguments (NULL-terminated), with a private
 * XDG_DATA_HOME so the default database is the fixture's. */
static int
run (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_ptr_array_add (args, (char *)g_getenv ("LIAISON_BIN"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_setenv (env, "XDG_DATA_HOME", fixture->data_home, TRUE);
  /* No session bus: liaison must never reach the Secret Service of the
   * person running the tests (test-credentials has one of its own). */
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/liaison-test-bus", TRUE);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  g_spawn_sync (NULL, (char **)args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &fixture->out, &fixture->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  fixture->status = WEXITSTATUS (wait_status);

  return fixture->status;
}

/* A failure is one line on stderr, starting with "liaison: ". */
static void
assert_one_line_error (Fixture    *fixture,
                       const char *fragment)
{
  g_assert_true (g_str_has_prefix (fixture->err, "liaison: "));
  g_assert_nonnull (strstr (fixture->err, fragment));
  g_assert_nonnull (strchr (fixture->err, '\n'));
  g_assert_cmpstr (strchr (fixture->err, '\n') + 1, ==, "");
  g_assert_cmpstr (fixture->out, ==, "");
}

static void
write_sample (Fixture    *fixture,
              const char *path)
{
  g_assert_cmpint (run (fixture, "sample-data", "--output", path, "--seed", "3",
                        "--date", "2026-11-02", NULL), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_cmpint (run (fixture, "--version", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "liaison " PACKAGE_VERSION "\n");
  g_assert_cmpstr (fixture->err, ==, "");
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpint (run (fixture, "frobnicate", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (fixture->err, "liaison: unknown command ‘frobnicate’\n"));
  g_assert_nonnull (strstr (fixture->err, "Usage:"));
  g_assert_cmpstr (fixture->out, ==, "");

  g_assert_cmpint (run (fixture, "--frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--frobnicate"));
  g_assert_nonnull (strstr (fixture->err, "Usage:"));

  g_assert_cmpint (run (fixture, "info", "--verbose", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--verbose"));

  g_assert_cmpint (run (fixture, "info", "extra", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "extra"));

  g_assert_cmpint (run (fixture, "sample-data", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--output"));

  g_assert_cmpint (run (fixture, "sample-data", "--output", "x.db", "--partners", "many", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "many"));

  g_assert_cmpint (run (fixture, "sample-data", "--output", "x.db", "--date", "2026-13-45", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "YYYY-MM-DD"));
  /* A usage error writes nothing. */
  g_assert_false (g_file_test ("x.db", G_FILE_TEST_EXISTS));
}

static void
test_info_sample (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "sample.db");
  g_autofree char *expected_file = NULL;

  write_sample (fixture, path);

  g_assert_cmpint (run (fixture, "--database", path, "info", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  expected_file = g_strdup_printf ("file: %s\n", path);
  g_assert_true (g_str_has_prefix (fixture->out, expected_file));
  g_assert_nonnull (strstr (fixture->out, "\nschema-version: " G_STRINGIFY (LIA_SCHEMA_VERSION) "\n"));
  g_assert_nonnull (strstr (fixture->out, "\npartners: 60\n"));
  g_assert_true (g_str_has_suffix (fixture->out, "\nintegrity: ok\n"));
  g_assert_null (strstr (fixture->out, "\nevents: 0\n"));
  g_assert_null (strstr (fixture->out, "\ninteractions: 0\n"));
  g_assert_null (strstr (fixture->out, "\ncontacts: 0\n"));

  /* The option may also follow the command. */
  {
    g_autofree char *first = g_strdup (fixture->out);

    g_assert_cmpint (run (fixture, "info", "--database", path, NULL), ==, 0);
    g_assert_cmpstr (fixture->out, ==, first);
  }
}

static void
test_info_default_database (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *default_path = g_build_filename (fixture->data_home, "liaison", "liaison.db", NULL);

  /* info never creates a database. */
  g_assert_cmpint (run (fixture, "info", NULL), ==, 1);
  assert_one_line_error (fixture, "There is no database at");
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
}

static void
test_info_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "nowhere.db");

  g_assert_cmpint (run (fixture, "--database", path, "info", NULL), ==, 1);
  assert_one_line_error (fixture, "nowhere.db");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_info_garbage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "garbage.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "this is a spreadsheet, not a database\n", -1, NULL));
  before = lia_test_checksum_file (path);

  g_assert_cmpint (run (fixture, "--database", path, "info", NULL), ==, 1);
  assert_one_line_error (fixture, "not a Liaison database");
  after = lia_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_info_newer (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *handle = NULL;

  write_sample (fixture, path);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 42", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  before = lia_test_checksum_file (path);

  g_assert_cmpint (run (fixture, "--database", path, "info", NULL), ==, 1);
  assert_one_line_error (fixture, "newer version of Liaison");
  g_assert_nonnull (strstr (fixture->err, "42"));
  after = lia_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_info_corrupt (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "damaged.db");
  g_autofree char *contents = NULL;
  gsize length;

  write_sample (fixture, path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  memset (contents + length / 2, 0x5A, MIN (length / 4, 64 * 1024));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  g_assert_cmpint (run (fixture, "--database", path, "info", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "damaged"));
  g_assert_true (g_str_has_prefix (fixture->err, "liaison: "));
}

static void
test_sample_data_refuses_existing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "precious.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "years of partnerships", -1, NULL));
  before = lia_test_checksum_file (path);

  g_assert_cmpint (run (fixture, "sample-data", "--output", path, NULL), ==, 1);
  assert_one_line_error (fixture, "already exists");
  after = lia_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_sample_data_sizes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "sized.db");

  g_assert_cmpint (run (fixture, "sample-data", "--output", path, "--partners", "25",
                        "--events", "120", "--interactions", "300", NULL), ==, 0);
  g_assert_cmpint (run (fixture, "--database", path, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "\npartners: 25\n"));
  g_assert_nonnull (strstr (fixture->out, "\nevents: 120\n"));
  g_assert_nonnull (strstr (fixture->out, "\ninteractions: 300\n"));
}

static void
test_sample_data_deterministic (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *a = path_in (fixture, "a.db");
  g_autofree char *b = path_in (fixture, "b.db");
  g_autofree char *info_a = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autoptr(GError) error = NULL;

  write_sample (fixture, a);
  write_sample (fixture, b);

  /* Every row of both files, through sqlite's own dump. */
  {
    g_autofree char *cmd_a = g_strdup_printf ("sqlite3 '%s' .dump", a);
    g_autofree char *cmd_b = g_strdup_printf ("sqlite3 '%s' .dump", b);

    g_spawn_command_line_sync (cmd_a, &dump_a, NULL, NULL, &error);
    g_assert_no_error (error);
    g_spawn_command_line_sync (cmd_b, &dump_b, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (strlen (dump_a), >, 10000);
  g_assert_true (g_str_equal (dump_a, dump_b));

  g_assert_cmpint (run (fixture, "--database", a, "info", NULL), ==, 0);
  info_a = g_strdup (fixture->out);
  g_assert_nonnull (strstr (info_a, "integrity: ok"));
}

/* Import and export (partners as CSV and vCard). */

static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
};

static char *
csv_fixture (const char *name)
{
  return g_build_filename (g_getenv ("LIAISON_TEST_DATA"), "csv", name, NULL);
}

static void
test_import_dry_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *missing = path_in (fixture, "not-yet.db");
  g_autofree char *sample = path_in (fixture, "sample.db");
  g_autofree char *csv = csv_fixture ("excel-utf8.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Against a database that does not exist: it is not created. */
  g_assert_cmpint (run (fixture, "--database", missing, "import", "--dry-run", csv, NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_true (g_str_has_prefix (fixture->out, "    2  create  Northside Food Bank\n"
                                                 "    3  create  Riverside Elementary School\n"));
  g_assert_true (g_str_has_suffix (fixture->out, "\nDry run: would create 4, update 0, skip 0.\n"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Against a real one: byte for byte the same afterwards. */
  write_sample (fixture, sample);
  before = lia_test_checksum_file (sample);
  g_assert_cmpint (run (fixture, "import", "--database", sample, "--dry-run", csv, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nDry run: would create 4, update 0, skip 0.\n"));
  after = lia_test_checksum_file (sample);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (run (fixture, "--database", sample, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "\npartners: 60\n"));
}

static void
test_import_then_info (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "imported.db");
  g_autofree char *excel = csv_fixture ("excel-utf8.csv");
  g_autofree char *sheets = csv_fixture ("google-sheets.csv");

  g_assert_cmpint (run (fixture, "--database", path, "import", excel, NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_nonnull (strstr (fixture->out, "    5  create  City of Edmonton Recreation — phone ‘311’ left out"));
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 4, updated 0, skipped 0.\n"));

  g_assert_cmpint (run (fixture, "--database", path, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "\npartners: 4\n"));
  g_assert_nonnull (strstr (fixture->out, "\ncontacts: 3\n"));
  g_assert_true (g_str_has_suffix (fixture->out, "\nintegrity: ok\n"));

  g_assert_cmpint (run (fixture, "--database", path, "import", sheets, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 3, updated 0, skipped 1.\n"));

  /* The same file twice adds nothing. */
  g_assert_cmpint (run (fixture, "--database", path, "import", excel, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 0, updated 0, skipped 4.\n"));
  g_assert_nonnull (strstr (fixture->out, "    2  skip    Northside Food Bank — already up to date\n"));

  g_assert_cmpint (run (fixture, "--database", path, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "\npartners: 7\n"));

  /* Into the default database, made (with its folder) when absent. */
  g_assert_cmpint (run (fixture, "import", excel, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 4, updated 0, skipped 0.\n"));
  g_assert_cmpint (run (fixture, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "\npartners: 4\n"));
}

static void
test_import_bad_files (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *sample = path_in (fixture, "sample.db");
  g_autofree char *missing = path_in (fixture, "not-yet.db");
  g_autofree char *png = path_in (fixture, "logo.png");
  g_autofree char *nowhere = path_in (fixture, "nowhere.csv");
  g_autofree char *empty = csv_fixture ("empty.csv");
  g_autofree char *latin1 = csv_fixture ("latin1.csv");
  g_autofree char *no_name = csv_fixture ("no-name-column.csv");
  g_autofree char *excel = csv_fixture ("excel-utf8.csv");
  g_autofree char *before = NULL;
  const struct { const char *file; const char *fragment; } cases[] = {
    { png, "‘logo.png’: The file is not a CSV file" },
    { empty, "‘empty.csv’: The file is empty" },
    { latin1, "‘latin1.csv’: Line 2 is not UTF-8" },
    { no_name, "‘no-name-column.csv’: No column holds the partners’ names" },
    { nowhere, "nowhere.csv" },
  };

  g_assert_true (g_file_set_contents (png, (const char *)tiny_png, sizeof tiny_png, NULL));
  write_sample (fixture, sample);
  before = lia_test_checksum_file (sample);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *after = NULL;

      g_assert_cmpint (run (fixture, "--database", sample, "import", cases[i].file, NULL), ==, 1);
      assert_one_line_error (fixture, cases[i].fragment);
      after = lia_test_checksum_file (sample);
      g_assert_cmpstr (before, ==, after);

      /* A file refused before any database is opened creates none. */
      g_assert_cmpint (run (fixture, "--database", missing, "import", cases[i].file, NULL), ==, 1);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }

  g_assert_cmpint (run (fixture, "--database", sample, "import", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "FILE.csv"));
  g_assert_cmpint (run (fixture, "--database", sample, "import", excel, latin1, NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "latin1.csv"));
  g_assert_cmpint (run (fixture, "--database", sample, "import", "--frobnicate", excel, NULL), ==, 2);
  {
    g_autofree char *after = lia_test_checksum_file (sample);

    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sample = path_in (fixture, "sample.db");
  g_autofree char *fresh = path_in (fixture, "fresh.db");
  g_autofree char *csv = path_in (fixture, "partners.csv");
  g_autofree char *missing = path_in (fixture, "not-yet.db");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  write_sample (fixture, sample);
  g_assert_cmpint (run (fixture, "--database", sample, "export", "--format", "csv-partners",
                        "--output", csv, NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  expected = g_strdup_printf ("%s\n", csv);
  g_assert_cmpstr (fixture->out, ==, expected);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFName,Type,Status,"));

  g_assert_cmpint (run (fixture, "--database", fresh, "import", csv, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 60, updated 0, skipped 0.\n"));
  g_assert_cmpint (run (fixture, "--database", fresh, "info", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "\npartners: 60\n"));

  /* vCard and contacts to standard output. */
  g_assert_cmpint (run (fixture, "--database", sample, "export", "--format", "vcard", "--output", "-", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_cmpint (run (fixture, "export", "--database", sample, "--format", "csv-contacts", "--output", "-", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "\xEF\xBB\xBFPartner,Contact Name,"));

  /* Mistakes. */
  g_assert_cmpint (run (fixture, "--database", sample, "export", "--format", "xlsx", "--output", csv, NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "xlsx"));
  g_assert_cmpint (run (fixture, "--database", sample, "export", "--format", "vcard", NULL), ==, 2);
  g_assert_cmpint (run (fixture, "--database", sample, "export", "--format", "vcard", "--output", sample, NULL), ==, 1);
  assert_one_line_error (fixture, "the database itself");
  g_assert_cmpint (run (fixture, "--database", missing, "export", "--format", "vcard", "--output", "-", NULL), ==, 1);
  assert_one_line_error (fixture, "not-yet.db");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static char *
ical_fixture (const char *name)
{
  return g_build_filename (g_getenv ("LIAISON_TEST_DATA"), "ical", name, NULL);
}

static void
test_import_ics_dry_run (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *missing = path_in (fixture, "not-yet.db");
  g_autofree char *sample = path_in (fixture, "sample.db");
  g_autofree char *google = ical_fixture ("google.ics");
  g_autofree char *malformed = ical_fixture ("malformed.ics");
  g_autofree char *empty = ical_fixture ("empty-calendar.ics");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Chosen by the content: a calendar, not a spreadsheet. */
  g_assert_cmpint (run (fixture, "--database", missing, "import", "--dry-run", google, NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_true (g_str_has_prefix (fixture->out, "create  2026-11-04  Author Talk: Prairie Stories\n"));
  g_assert_nonnull (strstr (fixture->out, "\ncreate  2026-11-11  Library closed – Remembrance Day\n"));
  g_assert_true (g_str_has_suffix (fixture->out, "\n4 events in the file.\n"
                                                 "Dry run: would create 4, update 0, skip 0.\n"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Against a real database: byte for byte the same afterwards. */
  write_sample (fixture, sample);
  before = lia_test_checksum_file (sample);
  g_assert_cmpint (run (fixture, "import", "--database", sample, "--dry-run", google, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nDry run: would create 4, update 0, skip 0.\n"));
  after = lia_test_checksum_file (sample);
  g_assert_cmpstr (before, ==, after);

  /* Broken calendars: one line, nothing written, nothing created. */
  g_assert_cmpint (run (fixture, "--database", sample, "import", malformed, NULL), ==, 1);
  assert_one_line_error (fixture, "‘malformed.ics’: Line 24 is not iCalendar");
  g_assert_cmpint (run (fixture, "--database", sample, "import", empty, NULL), ==, 1);
  assert_one_line_error (fixture, "‘empty-calendar.ics’: The calendar holds no events");
  g_clear_pointer (&after, g_free);
  after = lia_test_checksum_file (sample);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (run (fixture, "--database", missing, "import", malformed, NULL), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_import_ics_export_round_trip (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "events.db");
  g_autofree char *fresh = path_in (fixture, "fresh.db");
  g_autofree char *ics = path_in (fixture, "events.ics");
  g_autofree char *office = ical_fixture ("office365.ics");
  g_autofree char *nextcloud = ical_fixture ("nextcloud.ics");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  /* Into a new database, made once the file proved readable. */
  g_assert_cmpint (run (fixture, "--database", path, "import", office, NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 3, updated 0, skipped 0.\n"));
  g_assert_cmpint (run (fixture, "--database", path, "import", nextcloud, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 2, updated 0, skipped 0.\n"));

  /* The same file twice adds nothing. */
  g_assert_cmpint (run (fixture, "--database", path, "import", office, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 0, updated 0, skipped 3.\n"));
  g_assert_nonnull (strstr (fixture->out, "skip    2026-09-23  ESL Conversation Circle — already up to date\n"));

  g_assert_cmpint (run (fixture, "--database", path, "export", "--format", "ics", "--output", ics, NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  expected = g_strdup_printf ("%s\n", ics);
  g_assert_cmpstr (fixture->out, ==, expected);
  g_assert_true (g_file_get_contents (ics, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nBEGIN:VTIMEZONE\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nTZID:Europe/Paris\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nSTATUS:CANCELLED\r\n"));

  /* Back into a fresh database, and into the one it came from. */
  g_assert_cmpint (run (fixture, "--database", fresh, "import", ics, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 5, updated 0, skipped 0.\n"));
  g_assert_cmpint (run (fixture, "--database", path, "import", ics, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\nCreated 0, updated 0, skipped 5.\n"));
  g_assert_cmpint (run (fixture, "--database", fresh, "info", NULL), ==, 0);
  /* The override is part of its series. */
  g_assert_nonnull (strstr (fixture->out, "\nevents: 4\n"));

  /* To standard output; a format that does not exist. */
  g_assert_cmpint (run (fixture, "--database", fresh, "export", "--format", "ics", "--output", "-", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpint (run (fixture, "--database", fresh, "export", "--format", "ical", "--output", ics, NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "ics"));
}

static void
test_today_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "sample.db");
  g_autofree char *first = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *empty = path_in (fixture, "empty.db");

  write_sample (fixture, path);

  g_assert_cmpint (run (fixture, "--database", path, "today", "--date", "2026-11-20", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  first = g_strdup (fixture->out);
  lines = g_strsplit (first, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 1);
  /* One item a line: the due day, how late, the partner, the sentence. */
  for (guint i = 0; lines[i + 1] != NULL; i++)
    g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}  "
                                         "(due today|1 day late|[0-9]+ days late|1 day left|[0-9]+ days left)  "
                                         "[^ ].*  [^ ].*$",
                                         lines[i], 0, 0));

  /* The same day gives the same items. */
  g_assert_cmpint (run (fixture, "today", "--database", path, "--date", "2026-11-20", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, first);

  /* Nothing due: a sentence, and success. */
  g_assert_cmpint (run (fixture, "sample-data", "--output", empty, "--partners", "0", NULL), ==, 0);
  g_assert_cmpint (run (fixture, "--database", empty, "today", "--date", "2026-11-20", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "Nothing needs doing today: every partner is up to date.\n");
}

static void
test_today_json (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "sample.db");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gboolean seen_library_event = FALSE;
  JsonArray *array;

  write_sample (fixture, path);

  g_assert_cmpint (run (fixture, "--database", path, "today", "--json", "--date", "2026-11-20", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, fixture->out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >, 0);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *kind = json_object_get_string_member (object, "kind");

      g_assert_true (g_str_equal (kind, "stale") || g_str_equal (kind, "follow-up") ||
                     g_str_equal (kind, "expectation-due") || g_str_equal (kind, "expectation-missed") ||
                     g_str_equal (kind, "agreement-ending") || g_str_equal (kind, "event-incomplete"));
      /* Only an event can be the library's own, with no partner. */
      if (json_object_get_int_member (object, "partner_id") == 0)
        {
          g_assert_cmpstr (kind, ==, "event-incomplete");
          g_assert_true (json_object_get_null_member (object, "partner"));
          seen_library_event = TRUE;
        }
      else
        {
          g_assert_nonnull (json_object_get_string_member (object, "partner"));
          g_assert_cmpint (json_object_get_int_member (object, "partner_id"), >, 0);
        }
      g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                                           json_object_get_string_member (object, "due"), 0, 0));
      g_assert_true (json_object_has_member (object, "days_overdue"));
      g_assert_nonnull (json_object_get_string_member (object, "text"));
    }
  /* The sample has library events that lack details. */
  g_assert_true (seen_library_event);
}

static void
test_today_bad_date (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = path_in (fixture, "sample.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_sample (fixture, path);
  before = lia_test_checksum_file (path);

  g_assert_cmpint (run (fixture, "--database", path, "today", "--date", "2026-02-30", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (fixture->err, "liaison: --date needs a day as YYYY-MM-DD"));
  g_assert_cmpstr (fixture->out, ==, "");
  g_assert_cmpint (run (fixture, "--database", path, "today", "--date", "tomorrow", NULL), ==, 2);
  g_assert_cmpint (run (fixture, "--database", path, "today", "--date", "2026-1-5", NULL), ==, 2);

  after = lia_test_checksum_file (path);
  g_assert_cmpstr (after, ==, before);
}

/* Publishing */

/* A sample database built around today, so that a target's window (a week
 * back, a year ahead of the real clock) holds its events. */
static char *
write_sample_today (Fixture    *fixture,
                    const char *name)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  char *path = path_in (fixture, name);

  g_assert_cmpint (run (fixture, "sample-data", "--output", path, "--seed", "3", "--date", today, NULL), ==, 0);

  return path;
}

static char *
write_password_file (Fixture    *fixture,
                     const char *name,
                     int         mode)
{
  g_autoptr(GError) error = NULL;
  char *path = path_in (fixture, name);

  g_file_set_contents (path, "s3cret\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);

  return path;
}

/* The targets of `target list --json`. */
static JsonArray *
list_targets (Fixture    *fixture,
              const char *database,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run (fixture, "--database", database, "target", "list", "--json", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, fixture->out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

  return json_node_get_array (json_parser_get_root (parser));
}

static guint
count_targets (Fixture    *fixture,
               const char *database)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  return json_array_get_length (list_targets (fixture, database, parser));
}

/* A usage error: the message on stderr, then the usage; nothing on stdout. */
static void
assert_usage_error (Fixture    *fixture,
                    const char *fragment)
{
  g_assert_cmpint (fixture->status, ==, 2);
  g_assert_true (g_str_has_prefix (fixture->err, "liaison: "));
  if (strstr (fixture->err, fragment) == NULL)
    g_error ("“%s” does not say “%s”", fixture->err, fragment);
  g_assert_nonnull (strstr (fixture->err, "Usage:"));
  g_assert_cmpstr (fixture->out, ==, "");
}

static void
test_target_add_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *missing = path_in (fixture, "not-yet.db");
  g_autofree char *default_path = g_build_filename (fixture->data_home, "liaison", "liaison.db", NULL);
  g_autofree char *path = NULL;
  g_autofree char *open_file = write_password_file (fixture, "open-password", 0644);
  g_autofree char *password_file = write_password_file (fixture, "password", 0600);

  /* Usage errors (2): nothing opened, nothing made. */
  run (fixture, "--database", missing, "target", "add", NULL);
  assert_usage_error (fixture, "needs the NAME");
  run (fixture, "--database", missing, "target", "add", "site", NULL);
  assert_usage_error (fixture, "--kind KIND and --url URL");
  run (fixture, "--database", missing, "target", "add", "site", "--kind", "ftp", "--url", "/srv/www", NULL);
  assert_usage_error (fixture, "not ‘ftp’");
  run (fixture, "--database", missing, "target", "add", "site", "--kind", "folder", "--url", "/srv/www",
       "--past-days", "a week", NULL);
  assert_usage_error (fixture, "--past-days needs a whole number from 0 to 36500, not ‘a week’");
  run (fixture, "--database", missing, "target", "add", "site", "--kind", "webdav",
       "--url", "https://dav.example.org/", "--password-file", password_file, NULL);
  assert_usage_error (fixture, "--password-file needs --user");
  run (fixture, "--database", missing, "target", "add", "site", "extra", "--kind", "folder", "--url", "/srv/www", NULL);
  assert_usage_error (fixture, "extra");
  run (fixture, "--database", missing, "target", "frobnicate", NULL);
  assert_usage_error (fixture, "add, list or remove, not ‘frobnicate’");
  run (fixture, "target", NULL);
  assert_usage_error (fixture, "add, list or remove");

  /* Refused values (1): one line, still nothing made. */
  g_assert_cmpint (run (fixture, "--database", missing, "target", "add", "site", "--kind", "webdav",
                        "--url", "dav.example.org", NULL), ==, 1);
  assert_one_line_error (fixture, "“dav.example.org” is not a web address");
  g_assert_cmpint (run (fixture, "--database", missing, "target", "add", "site", "--kind", "folder",
                        "--url", "/srv/www", "--future-days", "20000", NULL), ==, 1);
  assert_one_line_error (fixture, "Dates:");
  g_assert_cmpint (run (fixture, "--database", missing, "target", "add", "site", "--kind", "webdav",
                        "--url", "https://dav.example.org/", "--user", "alice", "--password-file", open_file, NULL), ==, 1);
  assert_one_line_error (fixture, "chmod 600");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));

  /* Against a database: a duplicate name or an unknown partner adds
   * nothing. */
  path = write_sample_today (fixture, "sample.db");
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "site", "--kind", "folder",
                        "--url", "/srv/www", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "added: site\n");
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "site", "--kind", "folder",
                        "--url", "/srv/other", NULL), ==, 1);
  assert_one_line_error (fixture, "already a target called “site”");
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "partners", "--kind", "folder",
                        "--url", "/srv/www", "--partner", "Nobody At All", NULL), ==, 1);
  assert_one_line_error (fixture, "no partner named ‘Nobody At All’");
  g_assert_cmpuint (count_targets (fixture, path), ==, 1);
}

static void
test_target_list_remove (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = write_sample_today (fixture, "sample.db");
  g_autofree char *password_file = write_password_file (fixture, "password", 0600);
  g_autofree char *www = path_in (fixture, "www");
  g_autofree char *expected = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *object;

  /* None yet: a sentence, and an empty array. */
  g_assert_cmpint (run (fixture, "--database", path, "target", "list", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (fixture->out, "There are no publish targets yet"));
  g_assert_cmpuint (count_targets (fixture, path), ==, 0);

  /* A folder named from the current folder is kept absolute. */
  {
    g_autoptr(GPtrArray) args = g_ptr_array_new ();
    g_autofree char *cwd = g_get_current_dir ();

    g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
    g_assert_cmpint (run (fixture, "--database", path, "target", "add", "site", "--kind", "folder",
                          "--url", "www", "--past-days", "30", "--category", "Storytime",
                          "--category", "Technology", NULL), ==, 0);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
  }

  /* No Secret Service here (the test gives liaison no session bus): the
   * target is kept, and it says how to give the password instead. */
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "dav", "--kind", "webdav",
                        "--url", "https://dav.example.org/events/", "--user", "alice",
                        "--password-file", password_file, NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "added: dav\npassword: not stored\n");
  g_assert_true (g_str_has_prefix (fixture->err, "liaison: The password was not stored"));
  g_assert_nonnull (strstr (fixture->err, "liaison publish --password-file FILE"));
  g_assert_cmpstr (strchr (fixture->err, '\n') + 1, ==, "");

  /* By name; two spaces between the columns. */
  g_assert_cmpint (run (fixture, "--database", path, "target", "list", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  expected = g_strdup_printf ("dav  webdav  https://dav.example.org/events/  alice  never  0 pending, 0 failed, 0 conflicts\n"
                              "site  folder  %s  -  never  0 pending, 0 failed, 0 conflicts\n", www);
  g_assert_cmpstr (fixture->out, ==, expected);

  array = list_targets (fixture, path, parser);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "dav");
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "webdav");
  g_assert_cmpstr (json_object_get_string_member (object, "url"), ==, "https://dav.example.org/events/");
  g_assert_cmpstr (json_object_get_string_member (object, "user"), ==, "alice");
  g_assert_true (json_object_get_boolean_member (object, "enabled"));
  g_assert_true (json_object_get_null_member (object, "last_run_at"));
  g_assert_true (json_object_get_null_member (object, "last_run_state"));
  g_assert_cmpint (json_object_get_int_member (object, "pending"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "failed"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "conflicts"), ==, 0);
  /* Never published: every event it gets has changed since. */
  g_assert_cmpint (json_object_get_int_member (object, "changed_since_run"), >, 0);
  /* Nothing of the password in what is listed. */
  g_assert_null (strstr (fixture->out, "s3cret"));
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "site");
  g_assert_cmpstr (json_object_get_string_member (object, "url"), ==, www);
  g_assert_true (json_object_get_null_member (object, "user"));

  g_assert_cmpint (run (fixture, "--database", path, "target", "remove", "dav", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "removed: dav\n");
  g_assert_cmpuint (count_targets (fixture, path), ==, 1);
  g_assert_cmpint (run (fixture, "--database", path, "target", "remove", "dav", NULL), ==, 1);
  assert_one_line_error (fixture, "no publish target called “dav”");
  run (fixture, "--database", path, "target", "remove", NULL);
  assert_usage_error (fixture, "needs the NAME");
  g_assert_cmpuint (count_targets (fixture, path), ==, 1);
}

/* The feed files a folder target holds. */
static const char * const feed_files[] = {
  "events.ics", "events.json", "events.jsonld", "events.rss", "directory.json",
};

static void
test_publish_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_sample_today (fixture, "sample.db");
  g_autofree char *www = path_in (fixture, "www");
  g_autofree char *events_json = g_build_filename (www, "events.json", NULL);
  g_autofree char *first_sum = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) feed = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_cmpint (g_mkdir (www, 0755), ==, 0);
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "site", "--kind", "folder",
                        "--url", www, NULL), ==, 0);

  /* The plan, and nothing written or recorded. */
  g_assert_cmpint (run (fixture, "--database", path, "publish", "--dry-run", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (feed_files); i++)
    {
      g_autofree char *line = g_strdup_printf ("create %s %s\n", feed_files[i], feed_files[i]);

      g_assert_nonnull (strstr (fixture->out, line));
    }
  g_assert_true (g_str_has_suffix (fixture->out, "\nsite: dry run: would create 5, update 0, delete 0; 0 conflicts, 0 unchanged\n"));
  g_assert_cmpuint (lia_test_count_files (www), ==, 0);
  object = json_array_get_object_element (list_targets (fixture, path, parser), 0);
  g_assert_true (json_object_get_null_member (object, "last_run_at"));

  /* Published: a line per file, then the target's summary. */
  g_assert_cmpint (run (fixture, "--database", path, "publish", NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (feed_files); i++)
    {
      g_autofree char *line = g_strdup_printf ("create done %s %s\n", feed_files[i], feed_files[i]);
      g_autofree char *file = g_build_filename (www, feed_files[i], NULL);

      g_assert_nonnull (strstr (fixture->out, line));
      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_true (g_str_has_suffix (fixture->out, "\nsite: 5 done, 0 conflicts, 0 failed, 0 pending\n"));
  g_assert_cmpuint (lia_test_count_files (www), ==, 5);

  /* What was written is the sample's events. */
  g_assert_true (json_parser_load_from_file (feed, events_json, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json_parser_get_root (feed)), "items")), >, 0);
  first_sum = lia_test_checksum_file (events_json);

  object = json_array_get_object_element (list_targets (fixture, path, parser), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "last_run_state"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (object, "pending"), ==, 0);

  /* Again: nothing to do, nothing written, success. */
  g_assert_cmpint (run (fixture, "--database", path, "publish", "--target", "site", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "site: nothing to do\n");
  g_assert_cmpstr (fixture->err, ==, "");
  {
    g_autofree char *sum = lia_test_checksum_file (events_json);

    g_assert_cmpstr (sum, ==, first_sum);
  }
  g_assert_cmpint (run (fixture, "--database", path, "publish", "--dry-run", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "site: dry run: would create 0, update 0, delete 0; 0 conflicts, 5 unchanged\n");
}

static void
test_publish_refused_password_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = write_sample_today (fixture, "sample.db");
  g_autofree char *www = path_in (fixture, "www");
  g_autofree char *open_file = write_password_file (fixture, "open-password", 0644);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_cmpint (g_mkdir (www, 0755), ==, 0);
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "site", "--kind", "folder",
                        "--url", www, NULL), ==, 0);

  /* Refused before anything is planned or sent. */
  g_assert_cmpint (run (fixture, "--database", path, "publish", "--password-file", open_file, NULL), ==, 1);
  assert_one_line_error (fixture, "chmod 600");
  g_assert_nonnull (strstr (fixture->err, "open-password"));
  g_assert_cmpuint (lia_test_count_files (www), ==, 0);
  object = json_array_get_object_element (list_targets (fixture, path, parser), 0);
  g_assert_true (json_object_get_null_member (object, "last_run_at"));
}

static void
test_publish_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_sample_today (fixture, "sample.db");
  g_autofree char *missing = path_in (fixture, "not-yet.db");
  g_autofree char *gone = path_in (fixture, "gone");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  /* publish never makes a database. */
  g_assert_cmpint (run (fixture, "--database", missing, "publish", NULL), ==, 1);
  assert_one_line_error (fixture, "not-yet.db");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (fixture, "--database", path, "publish", NULL), ==, 1);
  assert_one_line_error (fixture, "no publish target to publish to");
  g_assert_cmpint (run (fixture, "--database", path, "publish", "--target", "site", NULL), ==, 1);
  assert_one_line_error (fixture, "no publish target called “site”");
  run (fixture, "--database", path, "publish", "--frobnicate", NULL);
  assert_usage_error (fixture, "--frobnicate");

  /* A folder that is not there: the run stops, says why in one line, and
   * leaves every step for the next run. */
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "site", "--kind", "folder",
                        "--url", gone, NULL), ==, 0);
  g_assert_cmpint (run (fixture, "--database", path, "publish", NULL), ==, 1);
  g_assert_cmpstr (fixture->out, ==, "site: 0 done, 0 conflicts, 0 failed, 5 pending\n");
  g_assert_true (g_str_has_prefix (fixture->err, "liaison: Publishing to “site” stopped: "));
  g_assert_nonnull (strstr (fixture->err, gone));
  g_assert_cmpstr (strchr (fixture->err, '\n') + 1, ==, "");
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  array = list_targets (fixture, path, parser);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "last_run_state"), ==, "failed");
}

static void
test_publish_needs_password (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = write_sample_today (fixture, "sample.db");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  /* A login, and no Secret Service to hold its password. */
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "dav", "--kind", "webdav",
                        "--url", "https://dav.example.org/events/", "--user", "alice", NULL), ==, 0);
  g_assert_cmpint (run (fixture, "--database", path, "publish", NULL), ==, 1);
  assert_one_line_error (fixture, "Publishing to “dav” needs the password of “alice”");
  g_assert_nonnull (strstr (fixture->err, "--password-file FILE"));
  object = json_array_get_object_element (list_targets (fixture, path, parser), 0);
  g_assert_true (json_object_get_null_member (object, "last_run_at"));

  /* A dry run sends nothing, so it needs none. */
  g_assert_cmpint (run (fixture, "--database", path, "publish", "--dry-run", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (fixture->out, "\ndav: dry run: would create 5, update 0, delete 0; 0 conflicts, 0 unchanged\n"));
}

/* Someone edits a published file by hand: Liaison's next update of it is a
 * conflict, the run says so and exits 1, and it stays a conflict (never
 * overwritten) until it is resolved in the window. */
static void
test_publish_conflict (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_sample_today (fixture, "sample.db");
  g_autofree char *www = path_in (fixture, "www");
  g_autofree char *rss = g_build_filename (www, "events.rss", NULL);
  g_autofree char *edited_sum = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (www, 0755), ==, 0);
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "site", "--kind", "folder",
                        "--url", www, NULL), ==, 0);
  g_assert_cmpint (run (fixture, "--database", path, "publish", NULL), ==, 0);

  /* The web team edits the RSS; the events change in Liaison. */
  g_file_set_contents (rss, "<rss version=\"2.0\"><channel><title>Edited</title></channel></rss>\n", -1, &error);
  g_assert_no_error (error);
  edited_sum = lia_test_checksum_file (rss);
  {
    g_autoptr(LiaDatabase) db = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (lia_database_exec (db, "UPDATE event SET title = title || ' (new room)', updated_at = updated_at + 1",
                                      &error));
    g_assert_no_error (error);
  }

  g_assert_cmpint (run (fixture, "--database", path, "publish", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->out, "update done events.json events.json\n"));
  g_assert_nonnull (strstr (fixture->out, "update conflict events.rss events.rss\n"));
  g_assert_true (g_str_has_suffix (fixture->out, "\nsite: 3 done, 1 conflicts, 0 failed, 0 pending\n"));
  g_assert_true (g_str_has_prefix (fixture->err, "liaison: Publishing to “site” left 0 failed, 1 conflicts and 0 pending. "));
  g_assert_cmpstr (strchr (fixture->err, '\n') + 1, ==, "");
  {
    g_autofree char *sum = lia_test_checksum_file (rss);

    g_assert_cmpstr (sum, ==, edited_sum);
  }

  /* Next night: still a conflict, still not overwritten, still 1. */
  g_assert_cmpint (run (fixture, "--database", path, "publish", NULL), ==, 1);
  g_assert_cmpstr (fixture->out, ==, "conflict conflict events.rss events.rss\n"
                                     "site: 0 done, 1 conflicts, 0 failed, 0 pending\n");
  g_assert_true (g_str_has_prefix (fixture->err, "liaison: Publishing to “site” left 0 failed, 1 conflicts and 0 pending."));
  {
    g_autofree char *sum = lia_test_checksum_file (rss);

    g_assert_cmpstr (sum, ==, edited_sum);
  }
  g_assert_cmpint (run (fixture, "--database", path, "target", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, " partial  0 pending, 0 failed, 1 conflicts\n"));
}

/* A WebDAV server that takes every request and never answers: a run that
 * only a signal can stop. */
static void
on_hold_request_cb (SoupServer        *server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  guint *n_requests = user_data;

  (*n_requests)++;
  soup_server_message_pause (message);
}

static gboolean
has_requests (gpointer data)
{
  return *(guint *)data > 0;
}

static void
test_publish_cancelled_by_signal (Fixture       *fixture,
                                  gconstpointer  data)
{
  const int signals[] = { SIGTERM, SIGINT };
  g_autofree char *path = write_sample_today (fixture, "sample.db");
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;
  g_autoslist(GUri) uris = NULL;
  guint n_requests = 0;

  soup_server_add_handler (server, NULL, on_hold_request_cb, &n_requests, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/dav/", g_uri_get_port (uris->data));
  g_assert_cmpint (run (fixture, "--database", path, "target", "add", "dav", "--kind", "webdav",
                        "--url", url, NULL), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      const char *argv[] = { g_getenv ("LIAISON_BIN"), "--database", path, "publish", NULL };
      g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", fixture->data_home, TRUE);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      LiaTestChild *child;

      n_requests = 0;
      child = lia_test_child_spawn (argv, (const char * const *)env);

      /* Under way, waiting for the server: then the signal. */
      lia_test_iterate_until (has_requests, &n_requests, "the first request of the run");
      g_assert_cmpint (kill (lia_test_child_get_pid (child), signals[i]), ==, 0);

      /* Stopped by itself, not killed: it says so, and keeps what is left. */
      g_assert_cmpint (lia_test_child_wait (child, &out, &err), ==, 1);
      g_assert_true (g_str_has_prefix (err, "liaison: Publishing to “dav” stopped: "));
      g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
      g_assert_cmpstr (out, ==, "dav: 0 done, 0 conflicts, 0 failed, 5 pending\n");
    }
}

static void
test_export_feeds (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_sample_today (fixture, "sample.db");
  g_autofree char *json = path_in (fixture, "events.json");
  g_autofree char *jsonld = path_in (fixture, "events.jsonld");
  g_autofree char *rss = path_in (fixture, "events.rss");
  g_autofree char *directory = path_in (fixture, "directory.json");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  /* JSON Feed 1.1. */
  g_assert_cmpint (run (fixture, "--database", path, "export", "--format", "json", "--output", json, NULL), ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  expected = g_strdup_printf ("%s\n", json);
  g_assert_cmpstr (fixture->out, ==, expected);
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "https://jsonfeed.org/version/1.1");
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Library Community Events");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "items")), >, 0);

  /* schema.org JSON-LD. */
  g_assert_cmpint (run (fixture, "--database", path, "export", "--format", "jsonld", "--output", jsonld, NULL), ==, 0);
  g_assert_true (json_parser_load_from_file (parser, jsonld, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "@context"), ==, "https://schema.org");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "@graph")), >, 0);

  /* RSS 2.0: well-formed XML. */
  g_assert_cmpint (run (fixture, "--database", path, "export", "--format", "rss", "--output", rss, NULL), ==, 0);
  g_assert_true (g_file_get_contents (rss, &contents, NULL, &error));
  g_assert_no_error (error);
  {
    GMarkupParser markup = { NULL };
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&markup, 0, NULL, NULL);

    g_assert_true (g_markup_parse_context_parse (context, contents, -1, &error));
    g_assert_no_error (error);
    g_assert_true (g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (contents, "<rss version=\"2.0\""));
  g_assert_nonnull (strstr (contents, "<item>"));

  /* The directory, to standard output. */
  g_assert_cmpint (run (fixture, "--database", path, "export", "--format", "directory", "--output", "-", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, fixture->out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "partners")), >, 0);
  g_assert_false (g_file_test (directory, G_FILE_TEST_EXISTS));

  /* The usage names every format. */
  run (fixture, "--database", path, "export", "--format", "atom", "--output", "-", NULL);
  assert_usage_error (fixture, "jsonld, rss or directory, not ‘atom’");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("LIAISON_BIN"));

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/command-line/version", test_version);
  ADD ("/command-line/usage-errors", test_usage_errors);
  ADD ("/command-line/info/sample", test_info_sample);
  ADD ("/command-line/info/default-database", test_info_default_database);
  ADD ("/command-line/info/missing", test_info_missing);
  ADD ("/command-line/info/garbage", test_info_garbage);
  ADD ("/command-line/info/newer", test_info_newer);
  ADD ("/command-line/info/corrupt", test_info_corrupt);
  ADD ("/command-line/sample-data/refuses-existing", test_sample_data_refuses_existing);
  ADD ("/command-line/sample-data/sizes", test_sample_data_sizes);
  ADD ("/command-line/sample-data/deterministic", test_sample_data_deterministic);
  ADD ("/command-line/import/dry-run", test_import_dry_run);
  ADD ("/command-line/import/then-info", test_import_then_info);
  ADD ("/command-line/import/bad-files", test_import_bad_files);
  ADD ("/command-line/export/round-trip", test_export_round_trip);
  ADD ("/command-line/import/ics-dry-run", test_import_ics_dry_run);
  ADD ("/command-line/import/ics-export-round-trip", test_import_ics_export_round_trip);
  ADD ("/command-line/today/text", test_today_text);
  ADD ("/command-line/today/json", test_today_json);
  ADD ("/command-line/today/bad-date", test_today_bad_date);
  ADD ("/command-line/target/add-errors", test_target_add_errors);
  ADD ("/command-line/target/list-remove", test_target_list_remove);
  ADD ("/command-line/publish/folder", test_publish_folder);
  ADD ("/command-line/publish/refused-password-file", test_publish_refused_password_file);
  ADD ("/command-line/publish/errors", test_publish_errors);
  ADD ("/command-line/publish/conflict", test_publish_conflict);
  ADD ("/command-line/publish/needs-password", test_publish_needs_password);
  ADD ("/command-line/publish/cancelled-by-signal", test_publish_cancelled_by_signal);
  ADD ("/command-line/export/feeds", test_export_feeds);
#undef ADD

  return g_test_run ();
}
