/* lia-test-util.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lia-test-util.h"

#define TIMEOUT_SECONDS 20

/**
 * lia_test_make_temp_dir:
 * @name: a word for the folder's name, e.g. the test's unit
 *
 * Returns: (transfer full): a new, empty folder under the temporary folder
 */
char *
lia_test_make_temp_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("liaison-test-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);

  return dir;
}

void
lia_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          lia_test_remove_tree (child);
        }
    }

  g_remove (path);
}

/**
 * lia_test_checksum_file:
 *
 * Returns: (transfer full): the SHA-256 of the file's bytes, to show that a
 *   refused file was left exactly as it was
 */
char *
lia_test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

guint
lia_test_count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d))
    n++;

  return n;
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; fails the test after
 * TIMEOUT_SECONDS, naming @what it waited for. */
void
lia_test_iterate_until (LiaTestCondition  condition,
                        gpointer          data,
                        const char       *what)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  guint wake_up = g_timeout_add (20, wake_up_cb, NULL);

  while (!condition (data))
    {
      if (g_timer_elapsed (timer, NULL) > TIMEOUT_SECONDS)
        g_error ("Timed out waiting until %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_up);
}

/* A condition: the pointer at @data was cleared (a weak pointer). */
gboolean
lia_test_is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

struct _LiaTestChild
{
  GPid     pid;
  int      out_fd;
  int      err_fd;
  gboolean exited;
  int      wait_status;
};

static void
on_child_exit_cb (GPid     pid,
                  int      wait_status,
                  gpointer user_data)
{
  LiaTestChild *child = user_data;

  child->exited = TRUE;
  child->wait_status = wait_status;
  g_spawn_close_pid (pid);
}

static gboolean
child_has_exited (gpointer data)
{
  return ((LiaTestChild *)data)->exited;
}

static char *
read_to_end (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (text, buffer, n);
  close (fd);

  return g_string_free (text, FALSE);
}

/**
 * lia_test_child_spawn:
 * @argv: the program and its arguments
 * @envp: (nullable): its environment; NULL: this process's
 *
 * Returns: (transfer full): the running program, for lia_test_child_wait()
 */
LiaTestChild *
lia_test_child_spawn (const char * const *argv,
                      const char * const *envp)
{
  g_autoptr(GError) error = NULL;
  LiaTestChild *child = g_new0 (LiaTestChild, 1);

  g_spawn_async_with_pipes (NULL, (char **)argv, (char **)envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &child->pid, NULL, &child->out_fd, &child->err_fd, &error);
  g_assert_no_error (error);
  g_child_watch_add (child->pid, on_child_exit_cb, child);

  return child;
}

GPid
lia_test_child_get_pid (LiaTestChild *child)
{
  return child->pid;
}

/**
 * lia_test_child_wait:
 * @child: (transfer full): from lia_test_child_spawn()
 * @out: (out): what it wrote on standard output
 * @err: (out): what it wrote on standard error
 *
 * Runs the main loop until @child exits (failing the test when it was
 * killed by a signal, or takes too long).
 *
 * Returns: its exit status
 */
int
lia_test_child_wait (LiaTestChild  *child,
                     char         **out,
                     char         **err)
{
  int status;

  lia_test_iterate_until (child_has_exited, child, "the program to exit");
  *out = read_to_end (child->out_fd);
  *err = read_to_end (child->err_fd);
  g_assert_true (WIFEXITED (child->wait_status));
  status = WEXITSTATUS (child->wait_status);
  g_free (child);

  return status;
}

int
lia_test_run_liaison (const char * const *args,
                      char              **out,
                      char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("LIAISON_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  /* Never the user's keyring or settings service. */
  env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/liaison-test-bus", TRUE);

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* A port nothing listens on now, on 127.0.0.1; the server binds it a
 * moment later. */
guint16
lia_test_find_free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

guint
lia_test_check_plans_covering (gpointer     handle,
                               const char  *prefix,
                               const char  *except)
{
  sqlite3 *db = handle;
  guint n_checked = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      const char *sql = sqlite3_sql (stmt);
      g_autofree char *explain = NULL;
      sqlite3_stmt *plan = NULL;
      guint n_reads = 0;
      int rc;

      if (sql == NULL || !g_str_has_prefix (sql, prefix))
        continue;

      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &plan, NULL), ==, SQLITE_OK);
      while ((rc = sqlite3_step (plan)) == SQLITE_ROW)
        {
          const char *detail = (const char *)sqlite3_column_text (plan, 3);

          if (!g_str_has_prefix (detail, "SCAN ") && !g_str_has_prefix (detail, "SEARCH "))
            continue;
          if (except != NULL && strstr (detail, except) != NULL)
            continue;
          if (strstr (detail, "COVERING INDEX") == NULL)
            g_error ("reads table rows: %s\nin: %s", detail, sql);
          n_reads++;
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      g_assert_cmpuint (n_reads, >=, 1);
      sqlite3_finalize (plan);
      n_checked++;
    }

  return n_checked;
}
