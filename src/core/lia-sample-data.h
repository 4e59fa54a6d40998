/* lia-sample-data.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-database.h"

G_BEGIN_DECLS

/* What to generate. Zero sizes mean "about right for @partners"; the same
 * options (sizes, @seed and @today) always give byte-identical content. */
typedef struct
{
  guint   partners;      /* default 60 */
  guint   events;        /* 0 = about 7 per partner */
  guint   interactions;  /* 0 = about 15 per partner */
  guint   contacts;      /* 0 = about 3 per partner */
  guint64 seed;          /* default 1 */
  GDate   today;         /* the day the community is generated around; default: today, local time */
} LiaSampleDataOptions;

void     lia_sample_data_options_init (LiaSampleDataOptions        *options);

/* Fills an empty, freshly opened database in one transaction; rolls back on
 * any error (G_IO_ERROR_CANCELLED when @cancellable fires). Sets the meta keys
 * 'sample' (1), 'sample-seed', 'sample-day' (YYYY-MM-DD) and 'sample-staff'
 * (the staff names, one a line). */
gboolean lia_sample_data_fill         (LiaDatabase                 *database,
                                       const LiaSampleDataOptions  *options,
                                       GCancellable                *cancellable,
                                       GError                     **error);

/* Writes a new database file at @path: refuses an existing file
 * (G_IO_ERROR_EXISTS), builds it under a temporary name in the same folder
 * and renames it into place, so a failure leaves no file behind. */
gboolean lia_sample_data_write        (const char                  *path,
                                       const LiaSampleDataOptions  *options,
                                       GCancellable                *cancellable,
                                       GError                     **error);

G_END_DECLS
