/* lia-database.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-database"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-core-resources.h"
#include "lia-database-private.h"

#define MIGRATIONS_PATH "/org/liaisonapp/Liaison/core/migrations"

struct _LiaDatabase
{
  GObject  parent_instance;

  /* Owned */
  sqlite3 *handle;
  char    *path;
  char    *backup_path;
  int      schema_version;
  /* Transactions begun and not yet ended; only the outermost is sqlite's.
   * doomed: one inside it was rolled back, so it can only roll back too. */
  guint    depth;
  /* sql -> sqlite3_stmt, finalized with the database */
  GHashTable *statements;
  gboolean doomed;
};

G_DEFINE_FINAL_TYPE (LiaDatabase, lia_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (lia-database-error-quark, lia_database_error)

static LiaMigration *builtin_migrations;
static guint n_builtin_migrations;

static char *
dup_display_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_filename_display_name (base);
}

static int
compare_migration_names (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The migrations are the resource's NNNN-name.sql files, applied in order. */
static void
load_builtin_migrations (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GResource *resource;
      g_auto(GStrv) names = NULL;
      guint n;

      lia_core_register_resource ();
      resource = lia_core_get_resource ();

      names = g_resource_enumerate_children (resource, MIGRATIONS_PATH, 0, NULL);
      g_assert (names != NULL);
      n = g_strv_length (names);
      qsort (names, n, sizeof (char *), compare_migration_names);

      builtin_migrations = g_new0 (LiaMigration, n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *resource_path = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
          g_autoptr(GBytes) bytes = NULL;

          bytes = g_resource_lookup_data (resource, resource_path, 0, NULL);
          g_assert (bytes != NULL);
          builtin_migrations[i].version = (int)g_ascii_strtoll (names[i], NULL, 10);
          builtin_migrations[i].sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          /* Versions are contiguous from 1; a gap is a packaging mistake. */
          g_assert_cmpint (builtin_migrations[i].version, ==, (int)i + 1);
        }
      n_builtin_migrations = n;
      g_assert_cmpint (builtin_migrations[n - 1].version, ==, LIA_SCHEMA_VERSION);

      g_once_init_leave (&initialized, 1);
    }
}

static void
set_error_from_sqlite (GError     **error,
                       sqlite3     *handle,
                       int          rc,
                       const char  *path)
{
  g_autofree char *name = dup_display_name (path);
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_FULL,
                   _("The disk holding ‘%s’ is full, so the change was not saved. Free some space and try again."),
                   name);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CORRUPT,
                   _("‘%s’ is damaged (%s). Restore a backup copy, or open another database."),
                   name, detail);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_A_DATABASE,
                   _("‘%s’ is not a Liaison database. Choose another file."), name);
      break;

    case SQLITE_READONLY:
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_READ_ONLY,
                   _("‘%s’ cannot be written. Check that you may change the file and its folder."),
                   name);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_BUSY,
                   _("‘%s’ is busy in another program. Close it there and try again."), name);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("The change does not fit the records in ‘%s’ (%s)."), name, detail);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN,
                   _("‘%s’ cannot be opened (%s). Check that the file and its folder exist and that you may use them."),
                   name, detail);
      break;

    default:
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_FAILED,
                   _("Could not read or write ‘%s’: %s."), name, detail);
      break;
    }
}

static gboolean
exec_sql (sqlite3     *handle,
          const char  *path,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (error, handle, rc, path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *handle,
           const char  *path,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    set_error_from_sqlite (error, handle, rc, path);
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

/* The page cache grows with the file: a sixty-fourth of it, from 8 MiB
 * (the default is 2 MiB) to 64 MiB. What a page reads again on each
 * refresh grows with the file too (the Today page's indexes: about 12 MB
 * of the 1.2 GB huge benchmark file, more than an 8 MiB cache holds, so
 * every refresh read them from the file again). The cache takes memory
 * only for the pages read: a file under 512 MiB costs what it did. */
gint64
_lia_database_get_cache_kib (gint64 file_size)
{
  return CLAMP (file_size / 64 / 1024, 8192, 65536);
}

static gboolean
set_cache_size (sqlite3     *handle,
                const char  *path,
                GError     **error)
{
  g_autofree char *sql = NULL;
  gint64 page_count, page_size;

  if (!query_int (handle, path, "PRAGMA page_count", &page_count, error) ||
      !query_int (handle, path, "PRAGMA page_size", &page_size, error))
    return FALSE;

  sql = g_strdup_printf ("PRAGMA cache_size = -%" G_GINT64_FORMAT ";",
                         _lia_database_get_cache_kib (page_count * page_size));

  return exec_sql (handle, path, sql, error);
}

/* Reads the 100-byte header without sqlite, so that a file that is not an
 * sqlite database is refused before anything could touch it. */
static gboolean
check_header (const char  *path,
              gboolean    *exists,
              guint8      *header_out,
              GError     **error)
{
  g_autofree char *name = dup_display_name (path);
  static const char magic[16] = "SQLite format 3";
  char header[100];
  GStatBuf st;
  sqlite3_vfs *vfs;
  sqlite3_file *file;
  int rc, out_flags = 0;
  size_t n;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          *exists = FALSE;
          return TRUE;
        }
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN,
                   _("‘%s’ cannot be opened: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }

  *exists = TRUE;

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN,
                   _("‘%s’ is a folder, not a database. Choose a file."), name);
      return FALSE;
    }

  /* An empty file is an empty database: sqlite would create one in it. */
  if (st.st_size == 0)
    return TRUE;

  /* Read through sqlite's own file layer, never fopen()/fclose(): closing
   * any descriptor of a file drops every POSIX lock this process holds on
   * it, so a worker opening the database beside the window's connection
   * would silently unlock the window's (sqlite's "how to corrupt", 2.2.1).
   * The unix VFS knows the file is open already and defers that close. */
  vfs = sqlite3_vfs_find (NULL);
  file = g_malloc0 (vfs->szOsFile);
  rc = vfs->xOpen (vfs, path, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
  if (rc != SQLITE_OK)
    {
      g_free (file);
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN,
                   _("‘%s’ cannot be opened: %s."), name, sqlite3_errstr (rc));
      return FALSE;
    }
  rc = file->pMethods->xRead (file, header, sizeof header, 0);
  file->pMethods->xClose (file);
  g_free (file);
  n = rc == SQLITE_OK ? sizeof header : 0;

  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_A_DATABASE,
                   _("‘%s’ is not a Liaison database. Choose another file."), name);
      return FALSE;
    }

  if (header_out != NULL)
    memcpy (header_out, header, sizeof header);

  return TRUE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32)bytes[0] << 24 | (guint32)bytes[1] << 16 | (guint32)bytes[2] << 8 | bytes[3];
}

/**
 * lia_database_needs_update:
 * @path: a database file
 *
 * Whether opening @path will update an existing Liaison database to this
 * version's schema, read from the file's header without opening it. A
 * write-ahead log can hold a newer header than the file; then this says
 * %TRUE and the open finds nothing to do.
 *
 * Returns: %TRUE for a Liaison file of an older schema version
 */
gboolean
lia_database_needs_update (const char *path)
{
  guint8 header[100] = { 0 };
  gboolean exists = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Offsets 60 and 68 of sqlite's header: user_version, application_id. */
  if (!check_header (path, &exists, header, NULL) || !exists)
    return FALSE;

  return read_be32 (header + 68) == LIA_APPLICATION_ID &&
         read_be32 (header + 60) > 0 && read_be32 (header + 60) < LIA_SCHEMA_VERSION;
}

/* An update that a window waits for: how it shows that work goes on, and
 * how it is stopped. Shared between the opening thread and the caller's
 * main context; only the caller's context reads @finished. */
typedef struct
{
  gatomicrefcount           ref_count;
  GCancellable             *cancellable;
  GMainContext             *context;
  LiaDatabaseUpdatingFunc   updating;
  gpointer                  updating_data;
  gint64                    last_tick;
  gboolean                  finished;
} Progress;

#define TICK_INTERVAL_US (G_USEC_PER_SEC / 10)

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

static void
progress_unref (Progress *progress)
{
  if (g_atomic_ref_count_dec (&progress->ref_count))
    {
      g_clear_object (&progress->cancellable);
      g_main_context_unref (progress->context);
      g_free (progress);
    }
}

static gboolean
progress_dispatch_cb (gpointer data)
{
  Progress *progress = data;

  if (!progress->finished && progress->updating != NULL)
    progress->updating (progress->updating_data);

  return G_SOURCE_REMOVE;
}

/* From the opening thread: tells the caller, at most ten times a second
 * unless @now, that the update goes on. */
static void
progress_tick (Progress *progress,
               gboolean  now)
{
  gint64 time;

  if (progress == NULL)
    return;

  time = g_get_monotonic_time ();
  if (!now && time - progress->last_tick < TICK_INTERVAL_US)
    return;
  progress->last_tick = time;

  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, progress_dispatch_cb,
                              progress_ref (progress), (GDestroyNotify)progress_unref);
}

static gboolean
progress_is_cancelled (Progress *progress)
{
  return progress != NULL && g_cancellable_is_cancelled (progress->cancellable);
}

/* sqlite's progress handler: a non-zero return interrupts the statement,
 * and the migration's transaction rolls back. */
static int
progress_handler_cb (void *data)
{
  Progress *progress = data;

  progress_tick (progress, FALSE);

  return progress_is_cancelled (progress);
}

static void
set_cancelled_error (GError     **error,
                     const char  *path)
{
  g_autofree char *name = dup_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("The update of ‘%s’ was stopped. The file was left as it was."), name);
}

static char *
make_backup_path (const char *path,
                  int         version)
{
  g_autofree char *stem = NULL;

  stem = g_str_has_suffix (path, ".db") ? g_strndup (path, strlen (path) - 3) : g_strdup (path);

  for (guint i = 1; ; i++)
    {
      g_autofree char *candidate = NULL;

      if (i == 1)
        candidate = g_strdup_printf ("%s.v%d-backup.db", stem, version);
      else
        candidate = g_strdup_printf ("%s.v%d-backup-%u.db", stem, version, i);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
}

/* A consistent copy through sqlite's backup API, taken before a migration
 * changes an existing file, so an unwanted upgrade can be undone by hand. */
static gboolean
take_backup (LiaDatabase  *self,
             Progress     *progress,
             GError      **error)
{
  g_autofree char *backup_path = make_backup_path (self->path, self->schema_version);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->handle, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* In steps of 16 MiB (of 4 KiB pages), so a large file's copy
           * shows progress and can be stopped. */
          do
            {
              rc = sqlite3_backup_step (backup, 4096);
              progress_tick (progress, FALSE);
            }
          while (rc == SQLITE_OK && !progress_is_cancelled (progress));
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? sqlite3_errcode (dest) : rc;
        }
    }

  if (rc == SQLITE_OK && progress_is_cancelled (progress))
    {
      sqlite3_close_v2 (dest);
      g_unlink (backup_path);
      set_cancelled_error (error, self->path);
      return FALSE;
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = dup_display_name (self->path);

      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_MIGRATION,
                   _("Could not save a backup copy of ‘%s’ before updating it (%s). The file was not changed."),
                   name, dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      g_unlink (backup_path);
      return FALSE;
    }

  sqlite3_close_v2 (dest);
  g_debug ("Saved a copy of %s as %s", self->path, backup_path);
  self->backup_path = g_steal_pointer (&backup_path);

  return TRUE;
}

/* Every pending migration in one transaction: an update from any older
 * version happens whole or not at all. */
static gboolean
apply_migrations (LiaDatabase         *self,
                  const LiaMigration  *migrations,
                  guint                n_migrations,
                  GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  const LiaMigration *failed = NULL;
  int version = self->schema_version;

  if (!exec_sql (self->handle, self->path, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; failed == NULL && i < n_migrations; i++)
    {
      g_autofree char *pragmas = NULL;

      if (migrations[i].version <= self->schema_version)
        continue;

      g_debug ("Updating %s to schema version %d", self->path, migrations[i].version);
      pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 migrations[i].version, LIA_APPLICATION_ID);
      if (!exec_sql (self->handle, self->path, migrations[i].sql, &local_error) ||
          !exec_sql (self->handle, self->path, pragmas, &local_error))
        failed = &migrations[i];
      else
        version = migrations[i].version;
    }

  if (failed == NULL && !exec_sql (self->handle, self->path, "COMMIT", &local_error))
    failed = &migrations[n_migrations - 1];

  if (failed != NULL)
    {
      g_autofree char *name = dup_display_name (self->path);

      if (!sqlite3_get_autocommit (self->handle))
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);

      /* A full disk keeps its own, more useful, message. */
      if (g_error_matches (local_error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_FULL))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_MIGRATION,
                     _("Could not update ‘%s’ to schema version %d: %s The file was left as it was."),
                     name, failed->version, local_error->message);
      return FALSE;
    }

  self->schema_version = version;

  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
lia_database_finalize (GObject *object)
{
  LiaDatabase *self = (LiaDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (lia_database_parent_class)->finalize (object);
}

static void
lia_database_class_init (LiaDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_database_finalize;
}

static void
lia_database_init (LiaDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/**
 * lia_database_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/liaison/liaison.db`
 */
char *
lia_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "liaison", "liaison.db", NULL);
}

static LiaDatabase *
open_full (const char            *path,
           LiaDatabaseOpenFlags   flags,
           const LiaMigration    *migrations,
           guint                  n_migrations,
           Progress              *progress,
           GError               **error)
{
  g_autoptr(LiaDatabase) self = NULL;
  g_autofree char *name = NULL;
  gint64 version = 0;
  gint64 application_id = 0;
  gboolean exists = FALSE;
  int target_version;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = dup_display_name (path);
  target_version = n_migrations > 0 ? migrations[n_migrations - 1].version : 0;

  if (!check_header (path, &exists, NULL, error))
    return NULL;

  if (!exists && !(flags & LIA_DATABASE_OPEN_CREATE))
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("There is no database at ‘%s’. Check the file name."), path);
      return NULL;
    }

  if (!exists)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *folder_name = g_filename_display_name (folder);

          g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN,
                       _("Cannot create ‘%s’: the folder ‘%s’ does not exist."),
                       name, folder_name);
          return NULL;
        }
    }

  self = g_object_new (LIA_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (flags & LIA_DATABASE_OPEN_CREATE)
    open_flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (error, self->handle, rc, path);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 5000);
  /* Until the file is accepted, closing must not fold a WAL left by another
   * program (or a newer Liaison) into it: a refused file stays byte for byte.
   * Without such a WAL, closing removes the empty one that reading made. */
  {
    g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);

    if (g_file_test (wal_path, G_FILE_TEST_EXISTS))
      sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  }

  /* Nothing below writes until the file is known to be ours and not newer. */
  if (!query_int (self->handle, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (self->handle, path, "PRAGMA user_version", &version, error))
    return NULL;

  if (application_id != LIA_APPLICATION_ID)
    {
      gint64 n_objects = 0;

      if (application_id == 0 &&
          !query_int (self->handle, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        return NULL;

      if (application_id != 0 || n_objects > 0 || version != 0)
        {
          g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_LIAISON,
                       _("‘%s’ is a database of another program, not of Liaison. Choose another file."),
                       name);
          return NULL;
        }
    }

  if (version > target_version)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_TOO_NEW,
                   _("‘%s’ was saved by a newer version of Liaison (schema version %d; this version knows up to %d). Update Liaison to open it. The file was not changed."),
                   name, (int)version, target_version);
      return NULL;
    }

  self->schema_version = (int)version;

  if (sqlite3_db_readonly (self->handle, "main") == 1)
    {
      set_error_from_sqlite (error, NULL, SQLITE_READONLY, path);
      return NULL;
    }

  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  /* WAL lets worker threads read and write beside the window's connection.
   * Statement journals in memory: a transaction of many writes through the
   * FTS triggers (an import) otherwise makes a temporary file per
   * statement, and runs several times slower. No memory map: every page
   * of the file it touched counted in the window's resident memory (106
   * MiB of a large file after the Today page alone), while the month view,
   * which gained most from it, now reads covering indexes. */
  if (!exec_sql (self->handle, path,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA mmap_size = 0;",
                 error) ||
      !set_cache_size (self->handle, path, error))
    return NULL;

  if (self->schema_version < target_version)
    {
      gboolean migrated;

      /* A new file is made, not updated: nothing to show or to stop. */
      if (self->schema_version == 0)
        progress = NULL;

      progress_tick (progress, TRUE);
      if (self->schema_version > 0 && !take_backup (self, progress, error))
        return NULL;

      if (progress != NULL)
        sqlite3_progress_handler (self->handle, 10000, progress_handler_cb, progress);
      migrated = apply_migrations (self, migrations, n_migrations, error);
      sqlite3_progress_handler (self->handle, 0, NULL, NULL);

      if (!migrated)
        {
          /* Stopped by the user: the file is as it was, so its copy goes. */
          if (progress_is_cancelled (progress))
            {
              if (self->backup_path != NULL)
                g_unlink (self->backup_path);
              g_clear_error (error);
              set_cancelled_error (error, path);
            }
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

LiaDatabase *
_lia_database_open_with_migrations (const char            *path,
                                    LiaDatabaseOpenFlags   flags,
                                    const LiaMigration    *migrations,
                                    guint                  n_migrations,
                                    GError               **error)
{
  return open_full (path, flags, migrations, n_migrations, NULL, error);
}

typedef struct
{
  char                 *path;
  LiaDatabaseOpenFlags  flags;
  const LiaMigration   *migrations;
  guint                 n_migrations;
  Progress             *progress;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  progress_unref (data->progress);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  LiaDatabase *database;

  database = open_full (data->path, data->flags, data->migrations, data->n_migrations,
                        data->progress, &error);
  if (database != NULL)
    g_task_return_pointer (task, database, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
_lia_database_open_with_migrations_async (const char              *path,
                                          LiaDatabaseOpenFlags     flags,
                                          const LiaMigration      *migrations,
                                          guint                    n_migrations,
                                          LiaDatabaseUpdatingFunc  updating,
                                          gpointer                 updating_data,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _lia_database_open_with_migrations_async);
  /* A migration that finished before the stop still hands its file back. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;
  data->migrations = migrations;
  data->n_migrations = n_migrations;
  data->progress = g_new0 (Progress, 1);
  g_atomic_ref_count_init (&data->progress->ref_count);
  data->progress->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  data->progress->context = g_main_context_ref_thread_default ();
  data->progress->updating = updating;
  data->progress->updating_data = updating_data;
  g_task_set_task_data (task, data, (GDestroyNotify)open_data_free);

  g_task_run_in_thread (task, open_thread);
}

/**
 * lia_database_open_async:
 * @path: the database file
 * @flags: whether to create the file when it does not exist
 * @updating: (nullable): called on the caller's main
 *   context when an update of the file begins, then at most ten times a
 *   second while it goes on; never after @callback
 * @updating_data: data for @updating
 * @cancellable: (nullable): stops an update; the file stays as it was
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * lia_database_open() in a worker thread, for a window that shows the
 * update of a large file instead of hanging. The database is handed back
 * to the caller's thread; use it only there.
 */
void
lia_database_open_async (const char              *path,
                         LiaDatabaseOpenFlags     flags,
                         LiaDatabaseUpdatingFunc  updating,
                         gpointer                 updating_data,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load_builtin_migrations ();
  _lia_database_open_with_migrations_async (path, flags, builtin_migrations, n_builtin_migrations,
                                            updating, updating_data, cancellable, callback, user_data);
}

/**
 * lia_database_open_finish:
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when the update was stopped)
 */
LiaDatabase *
lia_database_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  OpenData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));
  data->progress->finished = TRUE;

  return g_task_propagate_pointer (G_TASK (result), error);
}


/**
 * lia_database_open:
 * @path: the database file
 * @flags: whether to create the file when it does not exist
 * @error: a location for a #LiaDatabaseError
 *
 * Opens a Liaison database and brings it to the current schema version,
 * keeping a backup copy of an existing file before changing it. A file that
 * is not a Liaison database, or that a newer Liaison wrote, is refused and
 * left exactly as it was.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
LiaDatabase *
lia_database_open (const char            *path,
                   LiaDatabaseOpenFlags   flags,
                   GError               **error)
{
  load_builtin_migrations ();

  return _lia_database_open_with_migrations (path, flags,
                                             builtin_migrations, n_builtin_migrations,
                                             error);
}

LiaDatabase *
_lia_database_open_at_version (const char  *path,
                               int          version,
                               GError     **error)
{
  load_builtin_migrations ();
  g_return_val_if_fail (version > 0 && (guint)version <= n_builtin_migrations, NULL);

  return open_full (path, LIA_DATABASE_OPEN_CREATE, builtin_migrations, (guint)version, NULL, error);
}

/**
 * lia_database_open_default:
 *
 * Opens the default database, creating it and its folder on first use.
 */
LiaDatabase *
lia_database_open_default (GError **error)
{
  g_autofree char *path = lia_database_get_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *folder_name = g_filename_display_name (folder);

      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CANNOT_OPEN,
                   _("Cannot create the folder ‘%s’: %s."), folder_name, g_strerror (saved_errno));
      return NULL;
    }

  return lia_database_open (path, LIA_DATABASE_OPEN_CREATE, error);
}

const char *
lia_database_get_path (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * lia_database_dup_display_name:
 *
 * Returns: (transfer full): the file's name, for titles and messages
 */
char *
lia_database_dup_display_name (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), NULL);

  return dup_display_name (self->path);
}

int
lia_database_get_schema_version (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * lia_database_get_backup_path:
 *
 * Returns: (nullable): the copy saved before this open migrated the file
 */
const char *
lia_database_get_backup_path (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), NULL);

  return self->backup_path;
}

sqlite3 *
lia_database_get_handle (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), NULL);

  return self->handle;
}

/**
 * lia_database_set_error_from_sqlite:
 * @rc: an sqlite result code
 *
 * Sets @error to the message a user can act on for @rc.
 *
 * Returns: %FALSE, so callers can `return lia_database_set_error_from_sqlite (...)`
 */
gboolean
lia_database_set_error_from_sqlite (LiaDatabase  *self,
                                    int           rc,
                                    GError      **error)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), FALSE);

  set_error_from_sqlite (error, self->handle, rc, self->path);

  return FALSE;
}

gboolean
lia_database_exec (LiaDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  return exec_sql (self->handle, self->path, sql, error);
}

/**
 * lia_database_prepare:
 *
 * Returns: (transfer full) (nullable): a statement to finalize
 */
sqlite3_stmt *
lia_database_prepare (LiaDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (error, self->handle, rc, self->path);
      return NULL;
    }

  return stmt;
}

/* sqlite ends a transaction by itself on some errors (SQLITE_FULL). */
static void
sync_depth (LiaDatabase *self)
{
  if (sqlite3_get_autocommit (self->handle))
    {
      self->depth = 0;
      self->doomed = FALSE;
    }
}

/* Statements handed out by lia_database_prepare_cached() and not yet
 * released, across every connection and thread: the value says whether the
 * statement stays cached (TRUE) or, prepared because the cached one was in
 * use, is finalized on release (FALSE). */
static GMutex checked_out_lock;
static GHashTable *checked_out;

/**
 * lia_database_prepare_cached:
 * @sql: a statement whose text comes from a fixed set (the cache is never
 *   pruned), not one built from user input
 *
 * Like lia_database_prepare(), but the statement is compiled once per
 * connection and reused: the store's writes run the same few statements
 * thousands of times in an import, and compiling them (with the search
 * index's triggers) cost more than running them. Release it with
 * lia_stmt_release(), or hold it in a g_autoptr(LiaStmt). A statement
 * already out (a caller nested in another that runs the same SQL) gets a
 * fresh one, so nested callers never share a cursor.
 *
 * Returns: (transfer none) (nullable): the statement, reset and unbound
 */
LiaStmt *
lia_database_prepare_cached (LiaDatabase  *self,
                             const char   *sql,
                             GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean cached = TRUE;

  g_return_val_if_fail (LIA_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  g_mutex_lock (&checked_out_lock);
  if (checked_out == NULL)
    checked_out = g_hash_table_new (NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL && g_hash_table_contains (checked_out, stmt))
    {
      stmt = NULL;
      cached = FALSE;
    }
  g_mutex_unlock (&checked_out_lock);

  if (stmt == NULL)
    {
      if (!(stmt = lia_database_prepare (self, sql, error)))
        return NULL;
      if (cached)
        g_hash_table_insert (self->statements, g_strdup (sql), stmt);
    }

  g_mutex_lock (&checked_out_lock);
  g_hash_table_insert (checked_out, stmt, GINT_TO_POINTER (cached));
  g_mutex_unlock (&checked_out_lock);

  return stmt;
}

void
lia_stmt_release (LiaStmt *stmt)
{
  gpointer cached = NULL;

  if (stmt == NULL)
    return;

  g_mutex_lock (&checked_out_lock);
  if (checked_out == NULL || !g_hash_table_steal_extended (checked_out, stmt, NULL, &cached))
    {
      g_mutex_unlock (&checked_out_lock);
      g_critical ("%s: statement %p did not come from lia_database_prepare_cached()", G_STRFUNC, stmt);
      return;
    }
  g_mutex_unlock (&checked_out_lock);

  if (GPOINTER_TO_INT (cached))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    sqlite3_finalize (stmt);
}

/**
 * lia_database_begin:
 *
 * Starts a write transaction. Every write goes through one, so a job either
 * commits whole or leaves no trace.
 *
 * Inside a transaction already begun (an import saving many partners
 * through the store, say) it joins that one: its commit waits for the
 * outermost commit, and its rollback dooms the whole transaction, which
 * can then only be rolled back. (Savepoints would undo less, but each one
 * makes sqlite's full-text index write out what it holds, which made a
 * large import several times slower.)
 */
gboolean
lia_database_begin (LiaDatabase  *self,
                    GError      **error)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), FALSE);

  sync_depth (self);
  if (self->depth == 0)
    {
      g_return_val_if_fail (sqlite3_get_autocommit (self->handle), FALSE);

      if (!exec_sql (self->handle, self->path, "BEGIN IMMEDIATE", error))
        return FALSE;
    }

  self->depth++;

  return TRUE;
}

/**
 * lia_database_commit:
 *
 * Commits the transaction; on failure (a full disk, say) it is rolled back.
 * Inside another transaction, it leaves the commit to the outermost one.
 */
gboolean
lia_database_commit (LiaDatabase  *self,
                     GError      **error)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), FALSE);

  sync_depth (self);
  if (self->depth > 1)
    {
      self->depth--;
      return TRUE;
    }

  if (self->doomed)
    {
      g_autofree char *name = dup_display_name (self->path);

      lia_database_rollback (self);
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_FAILED,
                   _("A step of the change to ‘%s’ failed, so none of it was saved."), name);
      return FALSE;
    }

  if (!exec_sql (self->handle, self->path, "COMMIT", error))
    {
      lia_database_rollback (self);
      return FALSE;
    }

  self->depth = 0;

  return TRUE;
}

/* Safe to call after sqlite already rolled back by itself (SQLITE_FULL).
 * Inside another transaction, it dooms that one (see lia_database_begin()). */
void
lia_database_rollback (LiaDatabase *self)
{
  g_return_if_fail (LIA_IS_DATABASE (self));

  sync_depth (self);
  if (self->depth > 1)
    {
      self->depth--;
      self->doomed = TRUE;
      return;
    }

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  self->depth = 0;
  self->doomed = FALSE;
}

/**
 * lia_database_check_integrity:
 *
 * Runs sqlite's integrity check and the foreign key check.
 */
gboolean
lia_database_check_integrity (LiaDatabase  *self,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *name = NULL;
  guint n_problems = 0;
  int rc;

  g_return_val_if_fail (LIA_IS_DATABASE (self), FALSE);

  name = dup_display_name (self->path);

  if (!(stmt = lia_database_prepare (self, "PRAGMA integrity_check(20)", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (n_problems++ < 3)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (error, self->handle, rc, self->path);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = lia_database_prepare (self, "PRAGMA foreign_key_check", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n_problems++ < 3)
        g_string_append_printf (problems, "%s%s row %" G_GINT64_FORMAT " refers to a missing %s",
                                problems->len ? "; " : "",
                                (const char *)sqlite3_column_text (stmt, 0),
                                (gint64)sqlite3_column_int64 (stmt, 1),
                                (const char *)sqlite3_column_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (error, self->handle, rc, self->path);
      return FALSE;
    }

  if (n_problems > 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CORRUPT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "‘%s’ is damaged: %u problem found (%s). Restore a backup copy.",
                                "‘%s’ is damaged: %u problems found (%s). Restore a backup copy.",
                                n_problems),
                   name, n_problems, problems->str);
      return FALSE;
    }

  return TRUE;
}

/**
 * lia_database_dup_meta:
 *
 * Returns: (transfer full) (nullable): the value of @key in the meta table
 */
char *
lia_database_dup_meta (LiaDatabase *self,
                       const char  *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->schema_version < 1 ||
      !(stmt = lia_database_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL)))
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

gboolean
lia_database_set_meta (LiaDatabase  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!(stmt = lia_database_prepare (self,
                                     "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                     "ON CONFLICT (key) DO UPDATE SET value = ?2",
                                     error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (error, self->handle, rc, self->path);
      return FALSE;
    }

  return TRUE;
}
