/* bench-util.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the benchmarks share: the median of repeated runs, and removing a
 * database with its WAL files.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sorts @values in place. */
double bench_median          (double     *values,
                              guint       n);
void   bench_remove_database (const char *path);

G_END_DECLS
