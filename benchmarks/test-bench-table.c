/* test-bench-table.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `table` benchmark's program (BENCH_TABLE) over a folder of results
 * written here in bench-util's format: its output and exit status for a
 * run that passed, one with a FAIL row and one with an expected program
 * missing.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <utime.h>

#include <glib/gstdio.h>

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("liaison-bench-table-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) listing = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

/* A results file, a second after the one written before it, as if each
 * program ran after the other. */
static void
write_results (Fixture    *fixture,
               const char *program,
               const char *contents)
{
  static gint64 seconds = 1795000000;
  g_autofree char *name = g_strconcat (program, ".tsv", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  struct utimbuf times;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  seconds++;
  times.actime = times.modtime = seconds;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static void
write_passing_run (Fixture *fixture)
{
  write_results (fixture, "datasets",
                 "datasets\tsample data, large\t12.00s\t4.00s\t3.00\tx4.00\tpass\t2026-11-29 03:00\n"
                 "datasets\t#\tmedian of 3\n"
                 "datasets\tsample data, huge\t40.00s\t-\t-\t-\tinfo\t2026-11-29 03:01\n");
  write_results (fixture, "partners",
                 "partners\tpartner list, by name, large\t2.00ms\t0.50ms\t4.00\t100.00ms\tpass\t2026-11-29 03:02\n");
}

/* Runs the table over the fixture's folder with @expected programs; returns
 * its standard output, its exit status in @status. */
static char *
run_table (Fixture            *fixture,
           const char * const *expected,
           int                *status)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LIA_BENCH_RESULTS", fixture->dir, TRUE);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  g_assert_nonnull (g_getenv ("BENCH_TABLE"));
  g_strv_builder_add (builder, g_getenv ("BENCH_TABLE"));
  g_strv_builder_addv (builder, (const char **)expected);
  argv = g_strv_builder_end (builder);

  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);
  g_test_message ("%s%s", out, err);

  return out;
}

static void
test_table_pass (Fixture       *fixture,
                 gconstpointer  data)
{
  const char * const expected[] = { "datasets", "partners", NULL };
  g_autofree char *out = NULL;
  int status;

  write_passing_run (fixture);
  out = run_table (fixture, expected, &status);

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Machine: "));
  g_assert_nonnull (strstr (out, "CPUs"));
  /* Programs in the order they ran, each row under its program, the note
   * under its row. */
  g_assert_nonnull (strstr (out, "\ndatasets\n  sample data, large "));
  g_assert_nonnull (strstr (out, "    (median of 3)\n  sample data, huge "));
  g_assert_true (strstr (out, "\ndatasets\n") < strstr (out, "\npartners\n"));
  g_assert_true (g_regex_match_simple ("partner list, by name, large +2.00ms +0.50ms +4.00 +100.00ms +pass",
                                       out, 0, 0));
  g_assert_nonnull (strstr (out, "3 figures: 2 pass, 0 FAIL, 1 info\n"));
  g_assert_null (strstr (out, "not run"));
}

static void
test_table_fail (Fixture       *fixture,
                 gconstpointer  data)
{
  const char * const expected[] = { "datasets", "partners", "today", NULL };
  g_autofree char *out = NULL;
  int status;

  write_passing_run (fixture);
  write_results (fixture, "today",
                 "today\ttoday page, large\t80.00ms\t3.00ms\t26.67\t50.00ms\tFAIL\t2026-11-29 03:03\n");
  out = run_table (fixture, expected, &status);

  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_regex_match_simple ("today page, large +80.00ms .* FAIL", out, 0, 0));
  g_assert_nonnull (strstr (out, "4 figures: 2 pass, 1 FAIL, 1 info\n"));
}

static void
test_table_missing (Fixture       *fixture,
                    gconstpointer  data)
{
  const char * const expected[] = { "datasets", "partners", "events", NULL };
  g_autofree char *out = NULL;
  g_autofree char *datasets = g_build_filename (fixture->dir, "datasets.tsv", NULL);
  int status;

  /* The datasets benchmark began the run: a missing program is a failure. */
  write_passing_run (fixture);
  out = run_table (fixture, expected, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "\nnot run: events\n"));
  g_assert_nonnull (strstr (out, "3 figures: 2 pass, 0 FAIL, 1 info; 1 not run\n"));
  g_clear_pointer (&out, g_free);

  /* Programs run one by one: listed, not a failure. */
  g_assert_cmpint (g_remove (datasets), ==, 0);
  out = run_table (fixture, expected, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "not run: datasets, events (the datasets benchmark did not begin this run"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bench-table/pass", Fixture, NULL, fixture_set_up, test_table_pass, fixture_tear_down);
  g_test_add ("/bench-table/fail", Fixture, NULL, fixture_set_up, test_table_fail, fixture_tear_down);
  g_test_add ("/bench-table/missing", Fixture, NULL, fixture_set_up, test_table_missing, fixture_tear_down);

  return g_test_run ();
}
