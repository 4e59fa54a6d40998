/* lia-database-private.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-database.h"

G_BEGIN_DECLS

typedef struct
{
  int         version;
  const char *sql;
} LiaMigration;

/* Opens with an explicit list of migrations (sorted by version), so tests
 * can migrate a file to a version this build does not ship. */
LiaDatabase *_lia_database_open_with_migrations (const char            *path,
                                                 LiaDatabaseOpenFlags   flags,
                                                 const LiaMigration    *migrations,
                                                 guint                  n_migrations,
                                                 GError               **error);

void         _lia_database_open_with_migrations_async (const char              *path,
                                                       LiaDatabaseOpenFlags     flags,
                                                       const LiaMigration      *migrations,
                                                       guint                    n_migrations,
                                                       LiaDatabaseUpdatingFunc  updating,
                                                       gpointer                 updating_data,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);

/* Opens @path brought only to schema @version of the built-in migrations:
 * the older files that tests update. */
LiaDatabase *_lia_database_open_at_version       (const char            *path,
                                                 int                    version,
                                                 GError               **error);

/* The page cache, in KiB, for a file of @file_size bytes (see
 * set_cache_size() in lia-database.c). */
gint64       _lia_database_get_cache_kib        (gint64                 file_size);

G_END_DECLS
