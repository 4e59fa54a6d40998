/* bench-datasets.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs first: empties LIA_BENCH_RESULTS (the rows of the previous run) and
 * writes the three shared datasets into LIA_BENCH_DATA, all seed 1 around
 * 2 November 2026, which bench_dataset_path() then finds for the other
 * programs:
 *
 *   small.db  60 partners (the generator's default sizes for them)
 *   large.db  5,000 partners, 20,000 contacts, 100,000 interactions,
 *             50,000 events
 *   huge.db   20,000 partners, 80,000 contacts, 1,000,000 interactions,
 *             250,000 events (about 40 s and 1 GB)
 *
 * Its figure: how long the generator takes for the large dataset, as a
 * ratio to the floor that sqlite itself sets, inserting the same number of
 * rows into the same schema (same indexes, same FTS triggers) straight from
 * SQL in one transaction; both measured alternately, median of RUNS. The
 * small and huge generations are shown without a budget.
 *
 * Without LIA_BENCH_DATA (run by hand) the files go to a temporary folder,
 * removed at the end.
 */

#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gstdio.h>

#include "bench-data.h"
#include "bench-util.h"
#include "lia-database.h"
#include "lia-sample-data.h"

#define RUNS 3
#define BUDGET 4.0

static double
time_generator (const char                 *path,
                const LiaSampleDataOptions *options)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!lia_sample_data_write (path, options, NULL, &error))
    g_error ("sample data: %s", error->message);

  return bench_elapsed_ms (start) / 1000.0;
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

  return bench_elapsed_ms (start) / 1000.0;
}


/* The rows of the previous run: the table shows this run's alone. */
static void
empty_results (void)
{
  const char *dir = g_getenv ("LIA_BENCH_RESULTS");
  g_autoptr(GDir) listing = NULL;
  const char *name;

  if (dir == NULL || *dir == '\0' || (listing = g_dir_open (dir, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".tsv"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (g_remove (path) != 0)
          g_error ("Cannot remove %s: %s", path, g_strerror (errno));
      }
}

/* One generation of @size into @dir, replacing the file of an earlier run. */
static double
write_dataset (const char                 *dir,
               const char                 *size,
               const LiaSampleDataOptions *options)
{
  g_autofree char *name = g_strconcat (size, ".db", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  bench_remove_database (path);

  return time_generator (path, options);
}

static goffset
file_size_mb (const char *dir,
              const char *size)
{
  g_autofree char *name = g_strconcat (size, ".db", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size / (1024 * 1024) : 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *data = g_getenv ("LIA_BENCH_DATA");
  g_autofree char *temporary = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *large = NULL;
  g_autofree char *floor_path = NULL;
  LiaSampleDataOptions small_options, large_options, huge_options;
  double generator[RUNS], floor_times[RUNS], small_seconds, huge_seconds;

  if (data != NULL && *data != '\0')
    {
      dir = g_strdup (data);
      if (g_mkdir_with_parents (dir, 0755) != 0)
        g_error ("Cannot create %s: %s", dir, g_strerror (errno));
    }
  else
    dir = g_strdup (temporary = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL));
  large = g_build_filename (dir, "large.db", NULL);
  floor_path = g_build_filename (dir, "floor.db", NULL);

  empty_results ();
  bench_begin ("datasets");

  bench_data_options_init (&small_options, "small");
  bench_data_options_init (&large_options, "large");
  bench_data_options_init (&huge_options, "huge");

  small_seconds = write_dataset (dir, "small", &small_options);

  /* The last of the runs stays as large.db. */
  for (guint i = 0; i < RUNS; i++)
    {
      generator[i] = write_dataset (dir, "large", &large_options);
      bench_remove_database (floor_path);
      floor_times[i] = time_floor (floor_path, large);
    }
  bench_remove_database (floor_path);

  huge_seconds = write_dataset (dir, "huge", &huge_options);

  bench_row ("sample data, small (60 partners)", BENCH_UNIT_SECONDS, small_seconds, NAN,
             BENCH_BUDGET_NONE, 0);
  bench_row ("sample data, large (5k/20k/100k/50k)", BENCH_UNIT_SECONDS,
             bench_median (generator, RUNS), bench_median (floor_times, RUNS),
             BENCH_BUDGET_RATIO, BUDGET);
  bench_note ("reference: the same row counts inserted from SQL; median of %d", RUNS);
  bench_row ("sample data, huge (20k/80k/1M/250k)", BENCH_UNIT_SECONDS, huge_seconds, NAN,
             BENCH_BUDGET_NONE, 0);
  bench_note ("partners/contacts/interactions/events, seed 1, 2026-11-02; files of %"
              G_GOFFSET_FORMAT ", %" G_GOFFSET_FORMAT " and %" G_GOFFSET_FORMAT " MB",
              file_size_mb (dir, "small"), file_size_mb (dir, "large"), file_size_mb (dir, "huge"));

  if (temporary != NULL)
    {
      static const char * const sizes[] = { "small", "large", "huge" };

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autofree char *name = g_strconcat (sizes[i], ".db", NULL);
          g_autofree char *path = g_build_filename (dir, name, NULL);

          bench_remove_database (path);
        }
      g_rmdir (temporary);
    }

  return bench_end ();
}
