/* bench-util.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "bench-util.h"

static char *program_name;
static FILE *results;
static gboolean all_passed = TRUE;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

double
bench_median (double *values,
              guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

double
bench_percentile (double *values,
                  guint   n,
                  double  fraction)
{
  guint rank;

  g_return_val_if_fail (n > 0, 0);

  qsort (values, n, sizeof (double), compare_doubles);
  rank = (guint) ceil (fraction * n);

  return values[CLAMP (rank, 1, n) - 1];
}

double
bench_elapsed_ms (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

void
bench_remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (path);
  g_remove (wal);
  g_remove (shm);
}

char *
bench_dataset_path (const char *size)
{
  const char *dir = g_getenv ("LIA_BENCH_DATA");
  g_autofree char *name = g_strconcat (size, ".db", NULL);
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return NULL;
  path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&path) : NULL;
}

static const char *
unit_name (BenchUnit unit)
{
  switch (unit)
    {
    case BENCH_UNIT_SECONDS: return "s";
    case BENCH_UNIT_MS: return "ms";
    case BENCH_UNIT_MB: return "MB";
    case BENCH_UNIT_COUNT: return "";
    case BENCH_UNIT_FACTOR: return "x";
    default: g_assert_not_reached ();
    }
}

static char *
format_value (BenchUnit unit,
              double    value)
{
  if (isnan (value))
    return g_strdup ("-");
  if (unit == BENCH_UNIT_COUNT)
    return g_strdup_printf ("%.0f", value);
  if (unit == BENCH_UNIT_MB)
    return g_strdup_printf ("%.0f MB", value);

  return g_strdup_printf ("%.2f%s", value, unit_name (unit));
}

void
bench_begin (const char *program)
{
  const char *dir = g_getenv ("LIA_BENCH_RESULTS");

  g_return_if_fail (program_name == NULL);

  program_name = g_strdup (program);
  if (dir != NULL && *dir != '\0')
    {
      g_autofree char *name = g_strconcat (program, ".tsv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_mkdir_with_parents (dir, 0755);
      if ((results = fopen (path, "w")) == NULL)
        g_error ("Cannot write %s: %s", path, g_strerror (errno));
    }

  g_print ("%-44s %10s %10s %7s %8s  %s\n", "figure", "liaison", "reference", "ratio", "budget", "result");
}

gboolean
bench_row (const char  *figure,
           BenchUnit    unit,
           double       liaison,
           double       reference,
           BenchBudget  budget_kind,
           double       budget)
{
  g_autofree char *liaison_text = format_value (unit, liaison);
  g_autofree char *reference_text = format_value (unit, reference);
  g_autofree char *ratio_text = NULL;
  g_autofree char *budget_text = NULL;
  double ratio = NAN;
  const char *result;
  gboolean pass;

  g_return_val_if_fail (program_name != NULL, FALSE);
  g_return_val_if_fail (strchr (figure, '\t') == NULL, FALSE);

  if (!isnan (reference) && reference > 0)
    ratio = liaison / reference;
  ratio_text = isnan (ratio) ? g_strdup ("-") : g_strdup_printf ("%.2f", ratio);

  switch (budget_kind)
    {
    case BENCH_BUDGET_NONE:
      pass = TRUE;
      result = "info";
      budget_text = g_strdup ("-");
      break;
    case BENCH_BUDGET_ABSOLUTE:
      pass = liaison <= budget;
      result = pass ? "pass" : "FAIL";
      budget_text = format_value (unit, budget);
      break;
    case BENCH_BUDGET_RATIO:
      g_return_val_if_fail (!isnan (ratio), FALSE);
      pass = ratio <= budget;
      result = pass ? "pass" : "FAIL";
      budget_text = g_strdup_printf ("x%.2f", budget);
      break;
    default:
      g_assert_not_reached ();
    }
  all_passed &= pass;

  g_print ("%-44s %10s %10s %7s %8s  %s\n", figure, liaison_text, reference_text,
           ratio_text, budget_text, result);
  if (results != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");

      /* program, figure, liaison, reference, ratio, budget, result, when */
      fprintf (results, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", program_name, figure,
               liaison_text, reference_text, ratio_text, budget_text, result, when);
      fflush (results);
    }

  return pass;
}

void
bench_note (const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("  (%s)\n", text);
  if (results != NULL)
    {
      g_autofree char *one_line = g_strdelimit (g_strdup (text), "\t\n", ' ');

      fprintf (results, "%s\t#\t%s\n", program_name, one_line);
      fflush (results);
    }
}

int
bench_end (void)
{
  if (results != NULL)
    fclose (results);
  results = NULL;

  return all_passed ? 0 : 1;
}
