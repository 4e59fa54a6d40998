/* bench-today.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Today page's items (lia_attention_compute) on the large benchmark
 * dataset (5,000 partners, 20,000 contacts, 100,000 interactions, 50,000
 * events), evaluated on 20 November 2026, against a reference that sqlite
 * sets on the same file in the same run: the plain stale-partner query
 * alone (`SELECT id, name FROM partner AS p WHERE deleted_at IS NULL AND
 * (stale)`), stepped to the end. Median of RUNS; budget BUDGET_MS.
 *
 * BENCH_DATABASE=FILE measures an existing sample file instead of
 * generating one.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lia-attention.h"
#include "lia-database.h"
#include "lia-sample-data.h"
#include "lia-store-private.h"

#define RUNS       9
#define BUDGET_MS  50.0

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *times)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (double));
  double result;

  g_array_append_vals (array, times, RUNS);
  g_array_sort (array, compare_doubles);
  result = g_array_index (array, double, RUNS / 2);
  g_array_unref (array);

  return result;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_compute (LiaStore    *store,
              const GDate *today,
              guint       *n_items)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  items = lia_attention_compute (store, today, &error);
  if (items == NULL)
    g_error ("%s", error->message);
  *n_items = items->len;

  return elapsed_ms (start);
}

static double
time_reference (LiaDatabase *database,
                gint64       now)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  stmt = lia_database_prepare (database,
                               "SELECT p.id, p.name FROM partner AS p"
                               " WHERE p.deleted_at IS NULL AND (" LIA_STORE_SQL_IS_STALE ")",
                               &error);
  if (stmt == NULL)
    g_error ("%s", error->message);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"), now);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;

  return elapsed_ms (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (2026, 11, 20, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;
  double liaison[RUNS], reference[RUNS];
  double liaison_ms, reference_ms;
  guint n_items = 0;
  gboolean pass;
  GDate today;

  lia_sample_data_options_init (&options);
  options.partners = 5000;
  options.contacts = 20000;
  options.interactions = 100000;
  options.events = 50000;
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_NOVEMBER, 2026);

  if (g_getenv ("BENCH_DATABASE") != NULL)
    database = lia_database_open (g_getenv ("BENCH_DATABASE"), LIA_DATABASE_OPEN_DEFAULT, &error);
  else if (lia_sample_data_write (path, &options, NULL, &error))
    database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  store = lia_store_new (database);

  for (guint i = 0; i < RUNS; i++)
    {
      liaison[i] = time_compute (store, &today, &n_items);
      reference[i] = time_reference (database, g_date_time_to_unix (midnight));
    }
  liaison_ms = median (liaison);
  reference_ms = median (reference);
  pass = liaison_ms < BUDGET_MS;

  g_print ("%-40s %10s %10s %7s %8s  %s\n", "figure", "liaison", "reference", "ratio", "budget", "result");
  g_print ("%-40s %8.2fms %8.2fms %7.2f %6.0fms  %s\n",
           "today page, all items", liaison_ms, reference_ms,
           liaison_ms / MAX (reference_ms, 0.001), BUDGET_MS, pass ? "pass" : "FAIL");
  g_print ("(%u items on 2026-11-20)\n", n_items);

  g_clear_object (&store);
  g_clear_object (&database);
  remove_database (path);
  g_rmdir (dir);

  return pass ? 0 : 1;
}
