/* bench-partners.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The partners page on the shared datasets (small, large, huge; see
 * bench-data.h), against references that sqlite sets on the same file in
 * the same run:
 *
 *  - the first 50 rows of the partner list, for each sort: a new
 *    LiaPartnerList, lia_partner_list_set_query() and get_item 0..49,
 *    against `SELECT id, name FROM partner ORDER BY name LIMIT 50` stepped
 *    to the end; median of RUNS, budget LIST_BUDGET_MS;
 *  - search as you type: lia_store_search() for every prefix, letter by
 *    letter, of names of partners and contacts (30 picked from each
 *    dataset, all of them typed at every size), against a bare
 *    `SELECT rowid FROM search_KIND WHERE search_KIND MATCH ?` of the same
 *    words over each of the four search tables, stepped to the end; 95th
 *    percentile of every keystroke of RUNS runs, budget
 *    KEYSTROKE_BUDGET_MS (a frame at 60 Hz).
 *
 * Budgets are absolute and hold at the large size; small and huge are
 * shown, and each figure's growth from large to huge is compared with the
 * growth of what it reads (see bench_data_rows()): the partners for the
 * lists, every record of the four search tables for search. The ratios say how much
 * the app adds to sqlite. BENCH_VERBOSE=1 lists the keystrokes of the
 * first run over budget.
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "bench-data.h"
#include "bench-util.h"
#include "lia-database.h"
#include "lia-partner-list.h"
#include "lia-search-private.h"
#include "lia-store.h"

#define RUNS                 7
#define FIRST_ROWS           50
#define N_NAMES              30
#define RESULTS_PER_KIND     10
#define LIST_BUDGET_MS       100.0
#define KEYSTROKE_BUDGET_MS  16.0

static const struct
{
  LiaPartnerSort  sort;
  const char     *figure;
} sorts[] = {
  { LIA_PARTNER_SORT_NAME, "partner list, first 50, by name" },
  { LIA_PARTNER_SORT_LAST_CONTACT, "partner list, first 50, last contact" },
  { LIA_PARTNER_SORT_NEXT_DUE, "partner list, first 50, next due" },
};

/* The names typed at every size: those picked from each file, the same
 * keystrokes in all, so that growth compares the same work on more data.
 * (Picked from its own file alone, each size typed other names, and the
 * growth of a percentile measured what names the files happened to give:
 * huge's, one of 44 letters whose every word is in most of its events,
 * make its 95th percentile.) */
static GPtrArray *keystroke_names;

/* What a keystroke searches (0007-search-by-kind.sql). */
static const char * const search_tables[] = {
  "search_partner", "search_contact", "search_interaction", "search_event",
};

/* The figures at each size (indexed as bench_data_sizes). */
static BenchDataFigure list_figures[G_N_ELEMENTS (sorts)][3];
static BenchDataFigure keystroke_median[3];
static BenchDataFigure keystroke_p95[3];

/* What else one dataset gave, for the notes. */
typedef struct
{
  gint64  n_partners;
  gint64  n_indexed;     /* rows of the four search tables */
  guint   n_keystrokes;
  double  worst_ms;
  char   *worst;
} Dataset;

static double
time_first_rows (LiaStore       *store,
                 LiaPartnerSort  sort)
{
  g_autoptr(LiaPartnerList) list = lia_partner_list_new (store);
  LiaPartnerQuery query;
  gint64 start;

  lia_partner_query_init (&query);
  query.sort = sort;

  start = g_get_monotonic_time ();
  lia_partner_list_set_query (list, &query);
  for (guint i = 0; i < FIRST_ROWS; i++)
    {
      g_autoptr(LiaPartner) partner = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert (partner != NULL && lia_partner_get_name (partner) != NULL);
    }

  return bench_elapsed_ms (start);
}

static double
time_first_rows_reference (LiaDatabase *database)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n = 0;

  stmt = lia_database_prepare (database, "SELECT id, name FROM partner ORDER BY name LIMIT 50", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n += sqlite3_column_text (stmt, 1) != NULL;
  g_assert (n == FIRST_ROWS);

  return bench_elapsed_ms (start);
}

static void
measure_list (LiaStore *store,
              guint     size)
{
  LiaDatabase *database = lia_store_get_database (store);

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      double liaison[RUNS], reference[RUNS];

      for (guint i = 0; i < RUNS; i++)
        {
          liaison[i] = time_first_rows (store, sorts[s].sort);
          reference[i] = time_first_rows_reference (database);
        }
      list_figures[s][size].measured = TRUE;
      list_figures[s][size].liaison = bench_median (liaison, RUNS);
      list_figures[s][size].reference = bench_median (reference, RUNS);
    }
}

/* The @n_names names of @table at even steps over its rows, from the 8th. */
static void
add_names (LiaDatabase *database,
           const char  *table,
           guint        n_names,
           GPtrArray   *names)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM %s ORDER BY id LIMIT 1 OFFSET ?", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_rows = bench_data_count (database, table);

  g_assert (n_rows >= n_names + 7);
  stmt = lia_database_prepare (database, sql, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_names; i++)
    {
      const char *name;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, 7 + i * ((n_rows - 7) / n_names));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      name = (const char *)sqlite3_column_text (stmt, 0);
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (name));
    }
}

/* A BenchDataMeasure; @user_data the names. Names as a user would type
 * them: half partners, half contacts, spread over the ids of each file. */
static void
pick_names (const char *path,
            guint       size,
            gpointer    user_data)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  add_names (database, "partner", N_NAMES / 2, user_data);
  add_names (database, "contact", N_NAMES / 2, user_data);
}

static double
time_search (LiaStore   *store,
             const char *text)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  results = lia_store_search (store, text, RESULTS_PER_KIND, &error);
  g_assert_no_error (error);

  return bench_elapsed_ms (start);
}

static double
time_search_reference (LiaDatabase *database,
                       const char  *text)
{
  g_autofree char *match = _lia_search_build_match (text);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (match == NULL)
    return bench_elapsed_ms (start);

  for (guint t = 0; t < G_N_ELEMENTS (search_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?",
                                              search_tables[t], search_tables[t]);

      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = lia_database_prepare (database, sql, &error);
      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
    }

  return bench_elapsed_ms (start);
}

static void
measure_search (LiaStore *store,
                guint     size,
                Dataset  *dataset)
{
  GPtrArray *names = keystroke_names;
  g_autoptr(GArray) liaison = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean verbose = g_getenv ("BENCH_VERBOSE") != NULL;

  for (guint run = 0; run < RUNS; run++)
    for (guint n = 0; n < names->len; n++)
      {
        const char *name = g_ptr_array_index (names, n);

        for (const char *end = g_utf8_next_char (name); ; end = g_utf8_next_char (end))
          {
            g_autofree char *prefix = g_strndup (name, end - name);
            double ms = time_search (store, prefix);
            double ref_ms = time_search_reference (lia_store_get_database (store), prefix);

            g_array_append_val (liaison, ms);
            g_array_append_val (reference, ref_ms);
            if (verbose && run == 0 && ms > KEYSTROKE_BUDGET_MS)
              g_print ("  over budget: %.2f ms (reference %.2f ms) \"%s\"\n", ms, ref_ms, prefix);
            if (ms > dataset->worst_ms)
              {
                dataset->worst_ms = ms;
                g_free (dataset->worst);
                dataset->worst = g_steal_pointer (&prefix);
              }

            if (*end == '\0')
              break;
          }
      }

  dataset->n_keystrokes = liaison->len / RUNS;
  keystroke_median[size] = (BenchDataFigure) {
    TRUE,
    bench_percentile ((double *)(void *)liaison->data, liaison->len, 0.5),
    bench_percentile ((double *)(void *)reference->data, reference->len, 0.5),
  };
  keystroke_p95[size] = (BenchDataFigure) {
    TRUE,
    bench_percentile ((double *)(void *)liaison->data, liaison->len, 0.95),
    bench_percentile ((double *)(void *)reference->data, reference->len, 0.95),
  };
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
  g_autoptr(GError) error = NULL;

  database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  store = lia_store_new (database);

  dataset->n_partners = bench_data_count (database, "partner");
  /* One row of each FTS5 table's docsize shadow table per indexed record. */
  for (guint t = 0; t < G_N_ELEMENTS (search_tables); t++)
    {
      g_autofree char *docsize = g_strconcat (search_tables[t], "_docsize", NULL);

      dataset->n_indexed += bench_data_count (database, docsize);
    }
  measure_list (store, size);
  measure_search (store, size, dataset);
}

int
main (int   argc,
      char *argv[])
{
  Dataset datasets[G_N_ELEMENTS (bench_data_sizes)] = { { 0 } };
  gboolean own;
  double growth, search_growth;

  /* Every file's names first (without the shared files, the large one of
   * our own is written twice: the same seed, the same names). */
  keystroke_names = g_ptr_array_new_with_free_func (g_free);
  bench_data_measure_each (pick_names, keystroke_names);
  own = bench_data_measure_each (measure, datasets);

  /* The list reads a row for each partner. Search matches the words typed
   * in every indexed record, not only the partners and contacts the names
   * come from: its data is the four search tables, where the interactions (ten
   * times as many at huge as at large, for four times the partners) make
   * most rows. sqlite's own bare MATCH, the reference, grows with them. */
  growth = datasets[1].n_partners > 0 ? (double)datasets[2].n_partners / datasets[1].n_partners : NAN;
  search_growth = datasets[1].n_indexed > 0 ? (double)datasets[2].n_indexed / datasets[1].n_indexed : NAN;

  bench_begin ("partners");
  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    bench_data_rows (sorts[s].figure, list_figures[s], LIST_BUDGET_MS, growth);
  bench_data_rows ("search keystroke, median", keystroke_median, NAN, search_growth);
  bench_data_rows ("search keystroke, p95", keystroke_p95, KEYSTROKE_BUDGET_MS, search_growth);
  for (guint s = 0; s < G_N_ELEMENTS (bench_data_sizes); s++)
    if (datasets[s].n_partners > 0)
      bench_note ("%s: %" G_GINT64_FORMAT " partners, %" G_GINT64_FORMAT " records searched;"
                  " %u keystrokes a run, slowest %.2f ms (\"%s\")",
                  bench_data_sizes[s], datasets[s].n_partners, datasets[s].n_indexed,
                  datasets[s].n_keystrokes, datasets[s].worst_ms, datasets[s].worst);
  bench_note ("lists: median of %d runs; keystrokes: of every keystroke of %d runs;"
              " growth against the partners' (lists) and the records searched (search)",
              RUNS, RUNS);
  if (own)
    bench_data_note_own ("partners");

  for (guint s = 0; s < G_N_ELEMENTS (bench_data_sizes); s++)
    g_free (datasets[s].worst);
  g_ptr_array_unref (keystroke_names);

  return bench_end ();
}
