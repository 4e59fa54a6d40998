/* lia-database.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this program writes; a newer file is refused. */
#define LIA_SCHEMA_VERSION 7

/* PRAGMA application_id of every Liaison database ("LIAS"). */
#define LIA_APPLICATION_ID 0x4C494153

#define LIA_DATABASE_ERROR (lia_database_error_quark ())

typedef enum
{
  LIA_DATABASE_ERROR_FAILED,
  LIA_DATABASE_ERROR_CANNOT_OPEN,     /* missing folder, permissions */
  LIA_DATABASE_ERROR_NOT_FOUND,       /* opened without CREATE and the file is absent */
  LIA_DATABASE_ERROR_NOT_A_DATABASE,  /* not an sqlite file at all */
  LIA_DATABASE_ERROR_NOT_LIAISON,     /* an sqlite file of another program */
  LIA_DATABASE_ERROR_TOO_NEW,         /* written by a newer Liaison: refused, untouched */
  LIA_DATABASE_ERROR_CORRUPT,
  LIA_DATABASE_ERROR_READ_ONLY,
  LIA_DATABASE_ERROR_FULL,            /* the disk (or the size limit) is full */
  LIA_DATABASE_ERROR_BUSY,
  LIA_DATABASE_ERROR_CONSTRAINT,
  LIA_DATABASE_ERROR_MIGRATION,
} LiaDatabaseError;

typedef enum
{
  LIA_DATABASE_OPEN_DEFAULT = 0,
  LIA_DATABASE_OPEN_CREATE  = 1 << 0,  /* create the file when absent (never its folder) */
} LiaDatabaseOpenFlags;

/* Called while lia_database_open_async() updates a file's schema. */
typedef void (*LiaDatabaseUpdatingFunc) (gpointer user_data);

#define LIA_TYPE_DATABASE (lia_database_get_type ())

G_DECLARE_FINAL_TYPE (LiaDatabase, lia_database, LIA, DATABASE, GObject)

GQuark       lia_database_error_quark          (void);
char        *lia_database_get_default_path     (void);
LiaDatabase *lia_database_open                 (const char            *path,
                                                LiaDatabaseOpenFlags   flags,
                                                GError               **error);
LiaDatabase *lia_database_open_default         (GError               **error);
gboolean     lia_database_needs_update         (const char            *path);
void         lia_database_open_async           (const char            *path,
                                                LiaDatabaseOpenFlags   flags,
                                                LiaDatabaseUpdatingFunc updating,
                                                gpointer               updating_data,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
LiaDatabase *lia_database_open_finish          (GAsyncResult          *result,
                                                GError               **error);
const char  *lia_database_get_path             (LiaDatabase           *self);
char        *lia_database_dup_display_name     (LiaDatabase           *self);
int          lia_database_get_schema_version   (LiaDatabase           *self);
const char  *lia_database_get_backup_path      (LiaDatabase           *self);
sqlite3     *lia_database_get_handle           (LiaDatabase           *self);
gboolean     lia_database_exec                 (LiaDatabase           *self,
                                                const char            *sql,
                                                GError               **error);
gboolean     lia_database_begin                (LiaDatabase           *self,
                                                GError               **error);
gboolean     lia_database_commit               (LiaDatabase           *self,
                                                GError               **error);
void         lia_database_rollback             (LiaDatabase           *self);
sqlite3_stmt *lia_database_prepare             (LiaDatabase           *self,
                                                const char            *sql,
                                                GError               **error);
gboolean     lia_database_check_integrity      (LiaDatabase           *self,
                                                GError               **error);
char        *lia_database_dup_meta             (LiaDatabase           *self,
                                                const char            *key);
gboolean     lia_database_set_meta             (LiaDatabase           *self,
                                                const char            *key,
                                                const char            *value,
                                                GError               **error);
gboolean     lia_database_set_error_from_sqlite (LiaDatabase          *self,
                                                 int                   rc,
                                                 GError              **error);

/* A statement from lia_database_prepare_cached(): released (reset, its
 * bindings cleared, kept for the next caller) rather than finalized. */
typedef sqlite3_stmt LiaStmt;

LiaStmt     *lia_database_prepare_cached       (LiaDatabase           *self,
                                                const char            *sql,
                                                GError               **error);
void         lia_stmt_release                  (LiaStmt               *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaStmt, lia_stmt_release)

G_END_DECLS
