/* bench-import.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long importing a spreadsheet of 10,000 partners (each with a primary
 * contact) takes, from the CSV bytes to the committed transaction, into a
 * fresh database: read, plan (matching every row against the database and
 * the earlier rows), apply through the store. The reference, measured
 * alternately in the same run, is sqlite inserting the same 10,000 partners
 * and 10,000 contacts straight from SQL into the same schema (same indexes,
 * same FTS triggers) in one transaction. Each figure is the median of the
 * runs; the budget is 2 seconds for the import.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-util.h"
#include "lia-csv.h"
#include "lia-database.h"
#include "lia-partner-import.h"
#include "lia-store.h"

#define RUNS 3
#define ROWS 10000
#define BUDGET_SECONDS 2.0

static const char * const kinds[] = { "Nonprofit", "Government", "School", "Health", "Business", "Faith", "Club" };

/* A spreadsheet as a library keeps it: names, kinds, e-mail, phone,
 * website, address, services, notes (some over two lines) and a contact. */
static GBytes *
generate_csv (void)
{
  static const char * const header[] = {
    "Organization", "Type", "Email", "Phone", "Website", "Address", "Services", "Notes",
    "Contact Person", "Contact Email", "Contact Title", NULL
  };
  GString *out = g_string_new (NULL);

  lia_csv_append_row (out, header);
  for (guint i = 1; i <= ROWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Community Partner %u of Riverbend", i);
      g_autofree char *email = g_strdup_printf ("office@partner%u.example.org", i);
      g_autofree char *phone = g_strdup_printf ("(780) 555-%04u", i % 10000);
      g_autofree char *website = g_strdup_printf ("https://www.partner%u.example.org/about", i);
      g_autofree char *address = g_strdup_printf ("%u 51 Avenue, Riverbend, AB T9R 0P0", 100 + i);
      g_autofree char *notes = g_strdup_printf (i % 3 ? "Met at the fair, %u." : "Two lines:\nsends listings by e-mail, %u.", i);
      g_autofree char *contact = g_strdup_printf ("Jordan Cardinal %u", i);
      g_autofree char *contact_email = g_strdup_printf ("jordan@partner%u.example.org", i);
      const char * const row[] = {
        name, kinds[i % G_N_ELEMENTS (kinds)], email, phone, website, address,
        "Food hampers, tutoring; rides", notes, contact, contact_email, "Program Director", NULL
      };

      lia_csv_append_row (out, row);
    }

  return g_string_free_to_bytes (out);
}

static double
time_import (const char *path,
             GBytes     *csv)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaCsvTable) table = NULL;
  g_autoptr(LiaImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LiaStoreCounts counts = { 0 };
  gint64 start = g_get_monotonic_time ();
  double seconds;
  guint created;

  db = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store = lia_store_new (db);
  if (!(table = lia_csv_parse (csv, &error)) ||
      !(plan = lia_partner_import_plan (store, table, &error)) ||
      !lia_import_plan_apply (plan, store, &error))
    g_error ("import: %s", error->message);
  seconds = bench_elapsed_ms (start) / 1000.0;

  lia_import_plan_get_counts (plan, &created, NULL, NULL);
  g_assert_cmpuint (created, ==, ROWS);
  g_assert_true (lia_store_get_counts (store, &counts, NULL));
  g_assert_cmpint (counts.partners, ==, ROWS);
  g_assert_cmpint (counts.contacts, ==, ROWS);

  return seconds;
}

static double
time_floor (const char *path)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 start;

  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO partner (id, name, kind, email, phone, website, address, services, notes, created_at, updated_at) "
    "SELECT i, 'Community Partner ' || i || ' of Riverbend', 'nonprofit', 'office@partner' || i || '.example.org', "
    "'(780) 555-0100', 'https://www.partner' || i || '.example.org/about', i || ' 51 Avenue, Riverbend, AB T9R 0P0', "
    "'Food hampers, tutoring; rides', 'Met at the fair.', 1, 1 FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO contact (partner_id, name, role, email, is_primary, created_at, updated_at) "
    "SELECT i, 'Jordan Cardinal ' || i, 'Program Director', 'jordan@partner' || i || '.example.org', 1, 1, 1 FROM n;",
    ROWS, ROWS);

  start = g_get_monotonic_time ();
  db = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  if (!lia_database_begin (db, &error) ||
      !lia_database_exec (db, sql, &error) ||
      !lia_database_commit (db, &error))
    g_error ("floor: %s", error->message);

  return bench_elapsed_ms (start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *imported = g_build_filename (dir, "imported.db", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "floor.db", NULL);
  g_autoptr(GBytes) csv = generate_csv ();
  double import_times[RUNS], floor_times[RUNS];

  bench_begin ("import");
  for (guint i = 0; i < RUNS; i++)
    {
      bench_remove_database (imported);
      import_times[i] = time_import (imported, csv);
      bench_remove_database (floor_path);
      floor_times[i] = time_floor (floor_path);
    }

  bench_row ("import 10k partners (CSV)", BENCH_UNIT_SECONDS, bench_median (import_times, RUNS),
             bench_median (floor_times, RUNS), BENCH_BUDGET_ABSOLUTE, BUDGET_SECONDS);
  bench_note ("reference: the same partners and contacts inserted from SQL; median of %d", RUNS);

  bench_remove_database (imported);
  bench_remove_database (floor_path);
  g_rmdir (dir);

  return bench_end ();
}
