/* bench-events.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The events board on 50,000 events (sample data, with its recurring
 * series): the agenda's first rows from a new LiaAgenda, and what a month
 * view switch reads (six weeks: each day's count and first three). The
 * repeating dates are kept in event_occurrence; the first run of a fresh
 * file writes them (reported apart, not in the medians). The reference, measured
 * in the same run on the same file: sqlite stepping through the window's
 * event rows by the start index, without expanding series. Medians of
 * RUNS; budgets 100 ms and 16 ms.
 *
 * BENCH_DATABASE=FILE measures an existing sample file instead.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lia-agenda.h"
#include "lia-database.h"
#include "lia-sample-data.h"
#include "lia-store-private.h"

#define RUNS             9
#define AGENDA_BUDGET_MS 100.0
#define MONTH_BUDGET_MS  16.0

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

/* The agenda's first screen: a new LiaAgenda reads windows of days until
 * it holds its first items; then the first 50 rows are read as a list view
 * would. */
static double
time_agenda (LiaStore  *store,
             GTimeZone *zone,
             guint     *n_items)
{
  g_autoptr(LiaAgenda) agenda = NULL;
  gint64 start = g_get_monotonic_time ();

  agenda = lia_agenda_new (store, zone);
  for (guint i = 0; i < 50 && i < g_list_model_get_n_items (G_LIST_MODEL (agenda)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (agenda), i));
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (agenda));

  return elapsed_ms (start);
}

/* What switching the month view costs outside GTK: the six weeks it shows,
 * each day's count and first three occurrences (lia_store_summarize_days). */
static double
time_month (LiaStore  *store,
            GTimeZone *zone,
            gint64     from,
            guint     *n_occurrences)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (from);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  gint64 start = g_get_monotonic_time ();
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  days = lia_store_summarize_days (store, NULL, &first, 42, zone, 3, &error);
  if (days == NULL)
    g_error ("%s", error->message);
  *n_occurrences = 0;
  for (guint i = 0; i < days->len; i++)
    *n_occurrences += g_array_index (days, LiaDaySummary, i).n_occurrences;

  return elapsed_ms (start);
}

/* The reference: sqlite stepping through the rows of the same window's
 * events by the start index, without expanding anything. */
static double
time_reference (LiaDatabase *database,
                gint64       from,
                gint64       to)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  stmt = lia_database_prepare (database,
                               "SELECT id, title, dtstart, rrule FROM event"
                               " WHERE deleted_at IS NULL AND start_utc < ?2"
                               " AND (last_end_utc IS NULL OR last_end_utc >= ?1)",
                               &error);
  if (stmt == NULL)
    g_error ("%s", error->message);
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;

  return elapsed_ms (start);
}

static gboolean
print_figure (const char *name,
              double     *liaison,
              double     *reference,
              double      budget)
{
  double liaison_ms = median (liaison);
  double reference_ms = median (reference);
  gboolean pass = liaison_ms < budget;

  g_print ("%-40s %8.2fms %8.2fms %7.2f %6.0fms  %s\n",
           name, liaison_ms, reference_ms, liaison_ms / MAX (reference_ms, 0.001), budget,
           pass ? "pass" : "FAIL");

  return pass;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Edmonton");
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;
  double agenda[RUNS], agenda_reference[RUNS], month[RUNS], month_reference[RUNS];
  guint n_items = 0, n_occurrences = 0;
  double cover_ms;
  gboolean pass = TRUE;

  lia_sample_data_options_init (&options);
  options.partners = 5000;
  options.contacts = 20000;
  options.interactions = 20000;
  options.events = 50000;
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);

  if (g_getenv ("BENCH_DATABASE") != NULL)
    database = lia_database_open (g_getenv ("BENCH_DATABASE"), LIA_DATABASE_OPEN_DEFAULT, &error);
  else if (lia_sample_data_write (path, &options, NULL, &error))
    database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  store = lia_store_new (database);

  /* Once per file: the kept dates of the first windows (a fresh sample
   * has none). Not a figure with a budget: it is paid once, then kept. */
  {
    g_autoptr(GDateTime) first = g_date_time_new (zone, 2026, 11, 2, 0, 0, 0);
    gint64 start = g_get_monotonic_time ();

    if (!_lia_store_occurrences_cover (store, g_date_time_to_unix (first),
                                       g_date_time_to_unix (first) + 42 * 86400, &error))
      g_error ("%s", error->message);
    cover_ms = elapsed_ms (start);
  }

  for (guint i = 0; i < RUNS; i++)
    {
      /* Each run a month later, as when paging through the year. */
      g_autoptr(GDateTime) first = g_date_time_new (zone, 2026, 11, 2, 0, 0, 0);
      g_autoptr(GDateTime) monday = g_date_time_add_weeks (first, (int)i * 4);
      gint64 from = g_date_time_to_unix (monday);

      agenda[i] = time_agenda (store, zone, &n_items);
      agenda_reference[i] = time_reference (database, from, from + 14 * 86400);
      month[i] = time_month (store, zone, from, &n_occurrences);
      month_reference[i] = time_reference (database, from, from + 42 * 86400);
    }

  g_print ("%-40s %10s %10s %7s %8s  %s\n", "figure", "liaison", "reference", "ratio", "budget", "result");
  pass &= print_figure ("agenda, first rows", agenda, agenda_reference, AGENDA_BUDGET_MS);
  pass &= print_figure ("month view switch (six weeks)", month, month_reference, MONTH_BUDGET_MS);
  g_print ("(50,000 events; the agenda held %u items, the last six weeks %u occurrences;\n"
           " writing the kept dates of a fresh file took %.0f ms, once)\n",
           n_items, n_occurrences, cover_ms);

  g_clear_object (&store);
  g_clear_object (&database);
  remove_database (path);
  g_rmdir (dir);

  return pass ? 0 : 1;
}
