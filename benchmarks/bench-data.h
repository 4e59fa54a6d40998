/* bench-data.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The datasets for the programs that measure at every size (partners,
 * events, today): the shared files of the `datasets` benchmark, or, when it
 * has not run, a large one of their own.
 */
#pragma once

#include "lia-database.h"
#include "lia-sample-data.h"

G_BEGIN_DECLS

/* The sizes in the order they are measured. */
extern const char * const bench_data_sizes[3];

/* The sizes of the dataset @size, seed 1, around 2 November 2026. */
void     bench_data_options_init (LiaSampleDataOptions *options,
                                  const char           *size);

typedef void (*BenchDataMeasure) (const char *path,
                                  guint       size,
                                  gpointer    user_data);

/* Calls @measure for each dataset there is, @size its index in
 * bench_data_sizes: the shared files (bench_dataset_path()), or, when they
 * are missing, a large one written into a temporary folder for the time of
 * the calls. Returns whether that happened (see bench_data_note_own()). */
gboolean bench_data_measure_each (BenchDataMeasure      measure,
                                  gpointer              user_data);
/* The note under a program's rows when it measured a large dataset of its
 * own: small and huge need the datasets benchmark. */
void     bench_data_note_own     (const char           *program);

/* The rows of @table, trashed ones included. */
gint64   bench_data_count        (LiaDatabase          *database,
                                  const char           *table);

/* A figure measured on one dataset, in milliseconds. */
typedef struct
{
  gboolean measured;
  double   liaison;
  double   reference;  /* NAN when there is none */
} BenchDataFigure;

/* The rows of @figure at each size measured (@at[i] on bench_data_sizes[i]):
 * the budget @budget_ms (NAN for none) at the large size alone, small and
 * huge as information; then, when large and huge were both measured, its
 * growth, huge over large (unit BENCH_UNIT_FACTOR), against @data_growth,
 * the growth of the rows it reads, budget a ratio of 1: the figure grows no
 * faster than the data. Returns whether every budget held. */
gboolean bench_data_rows         (const char            *figure,
                                  const BenchDataFigure *at,
                                  double                 budget_ms,
                                  double                 data_growth);

G_END_DECLS
