/* bench-today.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Today page reads (lia_attention_compute_shown: the first
 * ROWS_SHOWN items of each group, the counts of all) on the shared datasets
 * (small, large, huge; see bench-data.h), evaluated on 20 November 2026,
 * against a reference that sqlite sets on the same file in the same run:
 * the plain stale-partner query alone (`SELECT id, name FROM partner AS p
 * WHERE deleted_at IS NULL AND (stale)`), stepped to the end. Median of
 * RUNS; budget BUDGET_MS at the large size, small and huge shown, and the
 * growth from large to huge compared with the growth of the items it
 * counts (see main()). Every item made and sorted (lia_attention_compute,
 * what `liaison today` prints) is measured alongside, for information.
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "bench-data.h"
#include "bench-util.h"
#include "lia-attention.h"
#include "lia-database.h"
#include "lia-store-private.h"

#define RUNS       9
#define BUDGET_MS  50.0
/* The rows a group of the page shows at first (ROWS_STEP there). */
#define ROWS_SHOWN 20

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

  return bench_elapsed_ms (start);
}

static double
time_shown (LiaStore    *store,
            const GDate *today)
{
  static const guint limits[LIA_ATTENTION_N_GROUPS] = {
    ROWS_SHOWN, ROWS_SHOWN, ROWS_SHOWN, ROWS_SHOWN, ROWS_SHOWN, ROWS_SHOWN,
  };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[LIA_ATTENTION_N_GROUPS];
  gint64 start = g_get_monotonic_time ();

  items = lia_attention_compute_shown (store, today, limits, NULL, counts, NULL, &error);
  if (items == NULL)
    g_error ("%s", error->message);

  return bench_elapsed_ms (start);
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

  return bench_elapsed_ms (start);
}

/* What each size gave, by size. */
typedef struct
{
  BenchDataFigure figures[G_N_ELEMENTS (bench_data_sizes)];  /* the page */
  BenchDataFigure every[G_N_ELEMENTS (bench_data_sizes)];    /* every item */
  gint64          n_partners[G_N_ELEMENTS (bench_data_sizes)];
  guint           n_items[G_N_ELEMENTS (bench_data_sizes)];
} Sizes;

/* A BenchDataMeasure; @user_data the Sizes. */
static void
measure (const char *path,
         guint       size,
         gpointer    user_data)
{
  Sizes *sizes = user_data;
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (2026, 11, 20, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  double liaison[RUNS], every[RUNS], reference[RUNS];
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_NOVEMBER, 2026);

  database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  store = lia_store_new (database);
  sizes->n_partners[size] = bench_data_count (database, "partner");

  /* The page against its reference, alternately; every item apart, after:
   * between the page's runs it would push the page's index pages out of
   * the cache, which the page, refreshed after each change, keeps. */
  for (guint i = 0; i < RUNS; i++)
    {
      liaison[i] = time_shown (store, &today);
      reference[i] = time_reference (database, g_date_time_to_unix (midnight));
    }
  for (guint i = 0; i < RUNS; i++)
    every[i] = time_compute (store, &today, &sizes->n_items[size]);

  sizes->figures[size] = (BenchDataFigure) {
    TRUE, bench_median (liaison, RUNS), bench_median (reference, RUNS),
  };
  sizes->every[size] = (BenchDataFigure) {
    TRUE, bench_median (every, RUNS), sizes->figures[size].reference,
  };
}

int
main (int   argc,
      char *argv[])
{
  Sizes sizes = { { { 0 } } };
  gboolean own;
  double growth;

  own = bench_data_measure_each (measure, &sizes);

  /* The page counts the rows of every source: stale partners and
   * expectations (which grow with the partners, x4 from large to huge),
   * open follow-ups (with the interactions, x10) and series and events
   * lacking details (with the events, x5); it makes, phrases and sorts
   * only the first ROWS_SHOWN of each group. The data it grows with is
   * therefore its items (x5.6 from large to huge), the mix of those
   * growths as the page meets them. */
  growth = sizes.n_items[1] > 0 ? (double)sizes.n_items[2] / sizes.n_items[1] : NAN;

  bench_begin ("today");
  bench_data_rows ("today page, shown items", sizes.figures, BUDGET_MS, growth);
  /* Every item, made, phrased and sorted: what `liaison today` prints. */
  for (guint s = 0; s < G_N_ELEMENTS (bench_data_sizes); s++)
    if (sizes.every[s].measured)
      {
        g_autofree char *name = g_strdup_printf ("today, every item (command line), %s", bench_data_sizes[s]);

        bench_row (name, BENCH_UNIT_MS, sizes.every[s].liaison, sizes.every[s].reference,
                   BENCH_BUDGET_NONE, NAN);
      }
  if (sizes.every[1].measured && sizes.every[2].measured)
    bench_row ("today, every item (command line), growth huge/large", BENCH_UNIT_FACTOR,
               sizes.every[2].liaison / sizes.every[1].liaison, growth, BENCH_BUDGET_NONE, NAN);
  for (guint s = 0; s < G_N_ELEMENTS (bench_data_sizes); s++)
    if (sizes.figures[s].measured)
      bench_note ("%s: %" G_GINT64_FORMAT " partners, %u items on 2026-11-20",
                  bench_data_sizes[s], sizes.n_partners[s], sizes.n_items[s]);
  bench_note ("the page: %d rows a group and every group's count; median of %d runs;"
              " growth against the items'", ROWS_SHOWN, RUNS);
  if (own)
    bench_data_note_own ("today");


  return bench_end ();
}
