/* bench-sample-data.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long `liaison sample-data` takes for the large benchmark dataset
 * (5,000 partners, 50,000 events, 100,000 interactions, 20,000 contacts),
 * as a ratio to the floor that sqlite itself sets: inserting the same number
 * of rows into the same schema (same indexes, same FTS triggers) straight
 * from SQL, in one transaction. Both are measured alternately in this run,
 * and each figure is the median of the runs.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lia-database.h"
#include "lia-sample-data.h"

#define RUNS 3
#define BUDGET 4.0

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

static double
time_generator (const char                 *path,
                const LiaSampleDataOptions *options)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!lia_sample_data_write (path, options, NULL, &error))
    g_error ("sample data: %s", error->message);

  return (g_get_monotonic_time () - start) / 1e6;
}

/* The same row counts as the generator wrote, with constant content. */
static double
time_floor (const char *path,
            const char *reference)
{
  g_autoptr(LiaDatabase) counted = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const tables[] = {
    "partner", "contact", "agreement", "expectation", "interaction", "event",
  };
  gint64 counts[G_N_ELEMENTS (tables)];
  g_autofree char *sql = NULL;
  gint64 start;

  counted = lia_database_open (reference, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      sqlite3_stmt *stmt = lia_database_prepare (counted, count_sql, &error);

      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      counts[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  g_clear_object (&counted);

  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %" G_GINT64_FORMAT ") "
    "INSERT INTO partner (id, name, description, services, created_at, updated_at) "
    "SELECT i, 'Partner ' || i, 'A community organisation', 'Programs', 1, 1 FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %" G_GINT64_FORMAT ") "
    "INSERT INTO contact (partner_id, name, role, email, created_at, updated_at) "
    "SELECT 1 + i %% %" G_GINT64_FORMAT ", 'Contact ' || i, 'Director', 'c@example.org', 1, 1 FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %" G_GINT64_FORMAT ") "
    "INSERT INTO agreement (id, partner_id, title, created_at, updated_at) "
    "SELECT i, 1 + i %% %" G_GINT64_FORMAT ", 'Agreement ' || i, 1, 1 FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %" G_GINT64_FORMAT ") "
    "INSERT INTO expectation (partner_id, direction, what, cadence_days, created_at, updated_at) "
    "SELECT 1 + i %% %" G_GINT64_FORMAT ", 'partner-provides', 'Program listings', 30, 1, 1 FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %" G_GINT64_FORMAT ") "
    "INSERT INTO interaction (partner_id, kind, occurred_at, summary, created_at, updated_at) "
    "SELECT 1 + i %% %" G_GINT64_FORMAT ", 'call', i, 'Called about the spring programs', 1, 1 FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %" G_GINT64_FORMAT ") "
    "INSERT INTO event (uid, partner_id, title, description, dtstart, tzid, start_utc, created_at, updated_at) "
    "SELECT 'e' || i || '@bench', 1 + i %% %" G_GINT64_FORMAT ", 'Event ' || i, 'Stories and songs', "
    "'2026-12-09T18:30:00', 'America/Edmonton', i, 1, 1 FROM n;",
    counts[0],
    counts[1], counts[0],
    counts[2], counts[0],
    counts[3], counts[0],
    counts[4], counts[0],
    counts[5], counts[0]);

  start = g_get_monotonic_time ();
  db = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (!lia_database_begin (db, &error) ||
      !lia_database_exec (db, sql, &error) ||
      !lia_database_commit (db, &error))
    g_error ("floor: %s", error->message);
  g_clear_object (&db);

  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *sample = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "floor.db", NULL);
  LiaSampleDataOptions options;
  double generator[RUNS], floor_times[RUNS], median_generator, median_floor, ratio;

  lia_sample_data_options_init (&options);
  options.partners = 5000;
  options.events = 50000;
  options.interactions = 100000;
  options.contacts = 20000;
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);

  for (guint i = 0; i < RUNS; i++)
    {
      remove_database (sample);
      generator[i] = time_generator (sample, &options);
      remove_database (floor_path);
      floor_times[i] = time_floor (floor_path, sample);
    }

  qsort (generator, RUNS, sizeof (double), compare_doubles);
  qsort (floor_times, RUNS, sizeof (double), compare_doubles);
  median_generator = generator[RUNS / 2];
  median_floor = floor_times[RUNS / 2];
  ratio = median_generator / median_floor;

  g_print ("%-34s %10s %10s %7s %7s  %s\n", "figure", "liaison", "reference", "ratio", "budget", "result");
  g_print ("%-34s %9.2fs %9.2fs %7.2f %7.2f  %s\n",
           "sample-data large (5k/50k/100k)", median_generator, median_floor, ratio, BUDGET,
           ratio <= BUDGET ? "pass" : "FAIL");

  remove_database (sample);
  remove_database (floor_path);
  g_rmdir (dir);

  return ratio <= BUDGET ? 0 : 1;
}
