/* bench-data.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>

#include "bench-data.h"
#include "bench-util.h"
#include "lia-sample-data.h"

enum { SMALL, LARGE, HUGE };

const char * const bench_data_sizes[3] = { "small", "large", "huge" };

void
bench_data_options_init (LiaSampleDataOptions *options,
                         const char           *size)
{
  lia_sample_data_options_init (options);
  if (g_str_equal (size, "large"))
    {
      options->partners = 5000;
      options->contacts = 20000;
      options->interactions = 100000;
      options->events = 50000;
    }
  else if (g_str_equal (size, "huge"))
    {
      options->partners = 20000;
      options->contacts = 80000;
      options->interactions = 1000000;
      options->events = 250000;
    }
  else
    g_assert (g_str_equal (size, "small"));  /* the generator's defaults for 60 partners */
  options->seed = 1;
  g_date_set_dmy (&options->today, 2, G_DATE_NOVEMBER, 2026);
}

gboolean
bench_data_measure_each (BenchDataMeasure measure,
                         gpointer         user_data)
{
  g_autofree char *dir = NULL;
  g_autofree char *own = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (bench_data_sizes); s++)
    {
      g_autofree char *path = bench_dataset_path (bench_data_sizes[s]);

      if (path == NULL && g_str_equal (bench_data_sizes[s], "large"))
        {
          g_autoptr(GError) error = NULL;
          LiaSampleDataOptions options;

          bench_data_options_init (&options, bench_data_sizes[s]);
          dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
          own = g_build_filename (dir, "large.db", NULL);
          if (!lia_sample_data_write (own, &options, NULL, &error))
            g_error ("sample data: %s", error->message);
          path = g_strdup (own);
        }
      if (path != NULL)
        measure (path, s, user_data);
    }

  if (own == NULL)
    return FALSE;

  bench_remove_database (own);
  g_rmdir (dir);

  return TRUE;
}

void
bench_data_note_own (const char *program)
{
  bench_note ("large generated here; small and huge need the datasets benchmark "
              "(meson test -C _build --benchmark datasets %s)", program);
}

gint64
bench_data_count (LiaDatabase *database,
                  const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = lia_database_prepare (database, sql, &error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, error != NULL ? error->message : "no row");

  return sqlite3_column_int64 (stmt, 0);
}

gboolean
bench_data_rows (const char            *figure,
                 const BenchDataFigure *at,
                 double                 budget_ms,
                 double                 data_growth)
{
  g_autofree char *growth = g_strdup_printf ("%s, growth huge/large", figure);
  gboolean pass = TRUE;

  for (guint s = 0; s < G_N_ELEMENTS (bench_data_sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("%s, %s", figure, bench_data_sizes[s]);
      gboolean budgeted = g_str_equal (bench_data_sizes[s], "large") && !isnan (budget_ms);

      if (at[s].measured)
        pass &= bench_row (name, BENCH_UNIT_MS, at[s].liaison, at[s].reference,
                           budgeted ? BENCH_BUDGET_ABSOLUTE : BENCH_BUDGET_NONE, budget_ms);
    }
  if (at[LARGE].measured && at[HUGE].measured)
    pass &= bench_row (growth, BENCH_UNIT_FACTOR, at[HUGE].liaison / at[LARGE].liaison, data_growth,
                       BENCH_BUDGET_RATIO, 1.0);

  return pass;
}
