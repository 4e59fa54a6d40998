/* bench-util.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the benchmarks share: the median of repeated runs, removing a
 * database with its WAL files, the shared datasets, and the rows of the one
 * table.
 *
 * Every program reports its figures through bench_row(): the row is printed
 * at once (for `meson test --benchmark -v NAME`), and, when
 * LIA_BENCH_RESULTS names a folder (meson sets it), written to
 * FOLDER/PROGRAM.tsv, which the `table` benchmark, run last, gathers into
 * the one table of every figure.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BENCH_UNIT_SECONDS,
  BENCH_UNIT_MS,
  BENCH_UNIT_MB,
  BENCH_UNIT_COUNT,     /* requests, items */
  BENCH_UNIT_FACTOR,    /* a growth: huge / large */
} BenchUnit;

typedef enum
{
  BENCH_BUDGET_NONE,      /* information only */
  BENCH_BUDGET_ABSOLUTE,  /* liaison <= budget, in the row's unit */
  BENCH_BUDGET_RATIO,     /* liaison / reference <= budget */
} BenchBudget;

/* Sorts @values in place. */
double       bench_median          (double      *values,
                                    guint        n);
/* Nearest rank; sorts @values in place. */
double       bench_percentile      (double      *values,
                                    guint        n,
                                    double       fraction);
double       bench_elapsed_ms      (gint64       start_us);
void         bench_remove_database (const char  *path);

/* The shared datasets ("small", "large", "huge") written by the `datasets`
 * benchmark into LIA_BENCH_DATA; NULL when it has not run (a program run
 * alone then makes its own). */
char        *bench_dataset_path    (const char  *size);

/* Starts @program's rows: prints the header, empties its results file. */
void         bench_begin           (const char  *program);
/* One row. @reference is NAN where there is none. Returns whether it met
 * its budget (always TRUE for BENCH_BUDGET_NONE). */
gboolean     bench_row             (const char  *figure,
                                    BenchUnit    unit,
                                    double       liaison,
                                    double       reference,
                                    BenchBudget  budget_kind,
                                    double       budget);
/* A line under the rows: the data, the sizes, what the figure means. */
void         bench_note            (const char  *format,
                                    ...) G_GNUC_PRINTF (1, 2);
/* 0 when every row met its budget, 1 otherwise. */
int          bench_end             (void);

G_END_DECLS
