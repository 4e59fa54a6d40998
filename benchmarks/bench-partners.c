/* bench-partners.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The partners page on the large benchmark dataset (5,000 partners, 20,000
 * contacts, 100,000 interactions, 50,000 events), against references that
 * sqlite sets on the same file in the same run:
 *
 *  - the first 50 rows of the partner list, for each sort: a new
 *    LiaPartnerList, lia_partner_list_set_query() and get_item 0..49,
 *    against `SELECT id, name FROM partner ORDER BY name LIMIT 50` stepped
 *    to the end; median of RUNS, budget LIST_BUDGET_MS;
 *  - search as you type: lia_store_search() for every prefix, letter by
 *    letter, of 30 names of partners and contacts, against a bare
 *    `SELECT rowid FROM search_index WHERE search_index MATCH ?` of the same
 *    words; 95th percentile of every keystroke of RUNS runs, budget
 *    KEYSTROKE_BUDGET_MS (a frame at 60 Hz).
 *
 * Budgets are absolute; the ratios say how much the app adds to sqlite.
 * BENCH_DATABASE=FILE measures an existing sample file instead of generating
 * one; BENCH_VERBOSE=1 lists the keystrokes of the first run over budget.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lia-database.h"
#include "lia-partner-list.h"
#include "lia-sample-data.h"
#include "lia-search-private.h"
#include "lia-store.h"

#define RUNS                 7
#define FIRST_ROWS           50
#define N_NAMES              30
#define RESULTS_PER_KIND     10
#define LIST_BUDGET_MS       100.0
#define KEYSTROKE_BUDGET_MS  16.0

static gboolean all_passed = TRUE;

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

/* The value below which @fraction of @times lie (nearest rank); sorts. */
static double
percentile (GArray *times,
            double  fraction)
{
  guint rank;

  g_array_sort (times, compare_doubles);
  rank = (guint)(fraction * times->len + 0.999999);
  rank = CLAMP (rank, 1, times->len);

  return g_array_index (times, double, rank - 1);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_header (void)
{
  g_print ("%-40s %10s %10s %7s %8s  %s\n", "figure", "liaison", "reference", "ratio", "budget", "result");
}

static void
print_figure (const char *figure,
              double      liaison_ms,
              double      reference_ms,
              double      budget_ms)
{
  gboolean pass = liaison_ms < budget_ms;

  g_print ("%-40s %8.2fms %8.2fms %7.2f %6.0fms  %s\n",
           figure, liaison_ms, reference_ms, liaison_ms / MAX (reference_ms, 0.001), budget_ms,
           pass ? "pass" : "FAIL");
  all_passed &= pass;
}

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

  return elapsed_ms (start);
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

  return elapsed_ms (start);
}

static void
bench_list (LiaStore *store)
{
  static const struct
  {
    LiaPartnerSort  sort;
    const char     *figure;
  } sorts[] = {
    { LIA_PARTNER_SORT_NAME, "partner list, first 50, by name" },
    { LIA_PARTNER_SORT_LAST_CONTACT, "partner list, first 50, last contact" },
    { LIA_PARTNER_SORT_NEXT_DUE, "partner list, first 50, next due" },
  };
  LiaDatabase *database = lia_store_get_database (store);

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      double liaison[RUNS], reference[RUNS];

      for (guint i = 0; i < RUNS; i++)
        {
          liaison[i] = time_first_rows (store, sorts[s].sort);
          reference[i] = time_first_rows_reference (database);
        }

      qsort (liaison, RUNS, sizeof (double), compare_doubles);
      qsort (reference, RUNS, sizeof (double), compare_doubles);
      print_figure (sorts[s].figure, liaison[RUNS / 2], reference[RUNS / 2], LIST_BUDGET_MS);
    }
}

/* Names as a user would type them: half partners, half contacts, spread
 * over the ids. */
static GPtrArray *
pick_names (LiaDatabase *database)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  stmt = lia_database_prepare (database,
                               "SELECT name FROM (SELECT name FROM partner WHERE id % 331 = 7 LIMIT 15)"
                               " UNION ALL "
                               "SELECT name FROM (SELECT name FROM contact WHERE id % 1289 = 11 LIMIT 15)",
                               &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  g_assert (names->len == N_NAMES);

  return names;
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

  return elapsed_ms (start);
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
    return elapsed_ms (start);

  stmt = lia_database_prepare (database, "SELECT rowid FROM search_index WHERE search_index MATCH ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;

  return elapsed_ms (start);
}

static void
bench_search (LiaStore *store)
{
  g_autoptr(GPtrArray) names = pick_names (lia_store_get_database (store));
  g_autoptr(GArray) liaison = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean verbose = g_getenv ("BENCH_VERBOSE") != NULL;
  double worst_ms = 0;
  g_autofree char *worst = NULL;

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
            if (ms > worst_ms)
              {
                worst_ms = ms;
                g_free (worst);
                worst = g_steal_pointer (&prefix);
              }

            if (*end == '\0')
              break;
          }
      }

  g_print ("%-40s %8.2fms %8.2fms\n", "search keystroke, median",
           percentile (liaison, 0.5), percentile (reference, 0.5));
  print_figure ("search keystroke, p95",
                percentile (liaison, 0.95), percentile (reference, 0.95), KEYSTROKE_BUDGET_MS);
  g_print ("(%u keystrokes a run; slowest %.2f ms, \"%s\")\n", liaison->len / RUNS, worst_ms, worst);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;

  lia_sample_data_options_init (&options);
  options.partners = 5000;
  options.contacts = 20000;
  options.interactions = 100000;
  options.events = 50000;
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);

  /* BENCH_DATABASE: an existing sample file, to measure again without
   * generating it (`liaison sample-data` with the same sizes and day). */
  if (g_getenv ("BENCH_DATABASE") != NULL)
    database = lia_database_open (g_getenv ("BENCH_DATABASE"), LIA_DATABASE_OPEN_DEFAULT, &error);
  else if (lia_sample_data_write (path, &options, NULL, &error))
    database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  store = lia_store_new (database);

  print_header ();
  bench_list (store);
  bench_search (store);

  g_clear_object (&store);
  g_clear_object (&database);
  remove_database (path);
  g_rmdir (dir);

  return all_passed ? 0 : 1;
}
