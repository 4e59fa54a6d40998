/* bench-events.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The events board on the shared datasets (small, large, huge; see
 * bench-data.h), with their recurring series: the agenda's first rows from
 * a new LiaAgenda, and what a month view switch reads (six weeks: each
 * day's count and first three). The reference, measured in the same run on
 * the same file: sqlite stepping through the window's event rows by the
 * start index, without expanding series. Medians of RUNS; budgets
 * AGENDA_BUDGET_MS and MONTH_BUDGET_MS at the large size, small and huge
 * shown, and each figure's growth from large to huge compared with the
 * growth of the events.
 *
 * The repeating dates are kept in event_occurrence; the first window on a
 * fresh file writes them, into the shared file (reported apart, not in the
 * medians). This program runs right after the datasets benchmark so that
 * it pays that once, on fresh files, and every later reader (the app's
 * start-up among them) opens files that have their dates.
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "bench-data.h"
#include "bench-util.h"
#include "lia-agenda.h"
#include "lia-database.h"
#include "lia-store-private.h"

#define RUNS             9
#define AGENDA_BUDGET_MS 100.0
#define MONTH_BUDGET_MS  16.0

/* The figures at each size (indexed as bench_data_sizes). */
static BenchDataFigure agenda_figures[3];
static BenchDataFigure month_figures[3];
static BenchDataFigure cover_figures[3];

/* What else one dataset gave, for the notes. */
typedef struct
{
  gint64 n_events;
  guint  n_items;
  guint  n_occurrences;
} Dataset;

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

  return bench_elapsed_ms (start);
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

  return bench_elapsed_ms (start);
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

  return bench_elapsed_ms (start);
}

/* A BenchDataMeasure; @user_data the datasets, by size. */
static void
measure (const char *path,
         guint       size,
         gpointer    user_data)
{
  Dataset *dataset = (Dataset *)user_data + size;
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Edmonton");
  g_autoptr(GError) error = NULL;
  double agenda[RUNS], agenda_reference[RUNS], month[RUNS], month_reference[RUNS];

  database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  store = lia_store_new (database);
  dataset->n_events = bench_data_count (database, "event");

  /* Once per file: the kept dates of the first windows (a fresh sample
   * has none). Not a figure with a budget: it is paid once, then kept. */
  {
    g_autoptr(GDateTime) first = g_date_time_new (zone, 2026, 11, 2, 0, 0, 0);
    gint64 start = g_get_monotonic_time ();

    if (!_lia_store_occurrences_cover (store, g_date_time_to_unix (first),
                                       g_date_time_to_unix (first) + 42 * 86400, &error))
      g_error ("%s", error->message);
    cover_figures[size] = (BenchDataFigure) { TRUE, bench_elapsed_ms (start), NAN };
  }

  for (guint i = 0; i < RUNS; i++)
    {
      /* Each run a month later, as when paging through the year. */
      g_autoptr(GDateTime) first = g_date_time_new (zone, 2026, 11, 2, 0, 0, 0);
      g_autoptr(GDateTime) monday = g_date_time_add_weeks (first, (int)i * 4);
      gint64 from = g_date_time_to_unix (monday);

      agenda[i] = time_agenda (store, zone, &dataset->n_items);
      agenda_reference[i] = time_reference (database, from, from + 14 * 86400);
      month[i] = time_month (store, zone, from, &dataset->n_occurrences);
      month_reference[i] = time_reference (database, from, from + 42 * 86400);
    }

  agenda_figures[size] = (BenchDataFigure) {
    TRUE, bench_median (agenda, RUNS), bench_median (agenda_reference, RUNS),
  };
  month_figures[size] = (BenchDataFigure) {
    TRUE, bench_median (month, RUNS), bench_median (month_reference, RUNS),
  };
}

int
main (int   argc,
      char *argv[])
{
  Dataset datasets[G_N_ELEMENTS (bench_data_sizes)] = { { 0 } };
  gboolean own;
  double growth;

  own = bench_data_measure_each (measure, datasets);

  /* Both read the events of a window, whose number grows with the
   * events. */
  growth = datasets[1].n_events > 0 ? (double)datasets[2].n_events / datasets[1].n_events : NAN;

  bench_begin ("events");
  bench_data_rows ("agenda, first rows", agenda_figures, AGENDA_BUDGET_MS, growth);
  bench_data_rows ("month view switch (six weeks)", month_figures, MONTH_BUDGET_MS, growth);
  for (guint s = 0; s < G_N_ELEMENTS (bench_data_sizes); s++)
    if (datasets[s].n_events > 0)
      bench_note ("%s: %" G_GINT64_FORMAT " events; the agenda held %u items, the last six weeks %u occurrences",
                  bench_data_sizes[s], datasets[s].n_events, datasets[s].n_items,
                  datasets[s].n_occurrences);
  bench_note ("medians of %d runs, each a month later; growth against the events'", RUNS);
  for (guint s = 0; s < G_N_ELEMENTS (bench_data_sizes); s++)
    if (cover_figures[s].measured)
      {
        g_autofree char *name = g_strdup_printf ("kept dates written, once, %s", bench_data_sizes[s]);

        bench_row (name, BENCH_UNIT_MS, cover_figures[s].liaison, NAN, BENCH_BUDGET_NONE, 0);
      }
  bench_note ("the first window's dates, written into a fresh file (milliseconds when the file has them)");
  if (own)
    bench_data_note_own ("events");


  return bench_end ();
}
