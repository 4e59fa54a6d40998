/* lia-test-webservers.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <pwd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "lia-event.h"
#include "lia-test-util.h"
#include "lia-test-webservers.h"

#define NGINX "/usr/sbin/nginx"
#define NGINX_DAV_EXT "/usr/lib/nginx/modules/ngx_http_dav_ext_module.so"
#define APACHE "/usr/sbin/apache2"
#define APACHE_MODULES "/usr/lib/apache2/modules"
#define APACHE_USER "www-data"
#define START_TIMEOUT_USEC (10 * G_USEC_PER_SEC)
#define STOP_TIMEOUT_USEC (5 * G_USEC_PER_SEC)

struct _LiaTestWebserver
{
  char  *name;
  char  *dir;
  char  *root;
  char  *url;
  char  *access_log;
  char  *error_log;
  GPid   pid;
  guint  port;
};

static gboolean
can_connect (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

/* The server dies with the test process, even when an assertion aborts it
 * before the teardown could stop it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static LiaTestWebserver *
new_server (const char *name)
{
  LiaTestWebserver *self = g_new0 (LiaTestWebserver, 1);

  self->name = g_strdup (name);
  self->dir = lia_test_make_temp_dir (name);
  /* Apache's children run as www-data and must reach the document root. */
  g_assert_cmpint (g_chmod (self->dir, 0755), ==, 0);
  self->root = g_build_filename (self->dir, "www", NULL);
  g_assert_cmpint (g_mkdir (self->root, 0755), ==, 0);
  self->access_log = g_build_filename (self->dir, "access.log", NULL);
  self->error_log = g_build_filename (self->dir, "error.log", NULL);
  self->port = lia_test_find_free_port ();
  self->url = g_strdup_printf ("http://127.0.0.1:%u/", self->port);

  return self;
}

static void
spawn_and_wait (LiaTestWebserver   *self,
                const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  g_spawn_async (self->dir, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 die_with_parent, NULL, &self->pid, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + START_TIMEOUT_USEC;
  while (!can_connect (self->port))
    {
      int status = 0;

      if (waitpid (self->pid, &status, WNOHANG) == self->pid)
        {
          g_autofree char *log = NULL;

          g_file_get_contents (self->error_log, &log, NULL, NULL);
          self->pid = 0;
          g_error ("%s exited at start (status %d): %s", self->name, status, log != NULL ? log : "");
        }
      if (g_get_monotonic_time () > deadline)
        g_error ("%s did not listen on port %u in time", self->name, self->port);
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
}

/**
 * lia_test_webserver_start_nginx:
 *
 * nginx in one process (no master, so its PID is the server), with
 * dav_methods PUT DELETE MKCOL COPY MOVE and the dav-ext module's PROPFIND
 * and OPTIONS, its temporary files and logs in its own folder.
 */
LiaTestWebserver *
lia_test_webserver_start_nginx (void)
{
  LiaTestWebserver *self = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *temp = NULL;

  g_assert_true (g_file_test (NGINX, G_FILE_TEST_IS_EXECUTABLE));
  g_assert_true (g_file_test (NGINX_DAV_EXT, G_FILE_TEST_EXISTS));

  self = new_server ("nginx");
  temp = g_build_filename (self->dir, "temp", NULL);
  g_assert_cmpint (g_mkdir (temp, 0700), ==, 0);
  conf_path = g_build_filename (self->dir, "nginx.conf", NULL);
  conf = g_strdup_printf ("load_module %s;\n"
                          "daemon off;\n"
                          "master_process off;\n"
                          "pid %s/nginx.pid;\n"
                          "error_log %s;\n"
                          "events { worker_connections 64; }\n"
                          "http {\n"
                          "  log_format methods '$request_method $uri $status';\n"
                          "  access_log %s methods;\n"
                          "  client_body_temp_path %s/body;\n"
                          "  proxy_temp_path %s/proxy;\n"
                          "  fastcgi_temp_path %s/fastcgi;\n"
                          "  uwsgi_temp_path %s/uwsgi;\n"
                          "  scgi_temp_path %s/scgi;\n"
                          "  server {\n"
                          "    listen 127.0.0.1:%u;\n"
                          "    root %s;\n"
                          "    location / {\n"
                          "      dav_methods PUT DELETE MKCOL COPY MOVE;\n"
                          "      dav_ext_methods PROPFIND OPTIONS;\n"
                          "      create_full_put_path on;\n"
                          "      dav_access user:rw group:r all:r;\n"
                          "    }\n"
                          "  }\n"
                          "}\n",
                          NGINX_DAV_EXT, self->dir, self->error_log, self->access_log,
                          temp, temp, temp, temp, temp, self->port, self->root);
  write_file (conf_path, conf);

  {
    const char * const argv[] = { NGINX, "-p", self->dir, "-c", conf_path, "-e", self->error_log, NULL };

    spawn_and_wait (self, argv);
  }

  return self;
}

static void
chown_to_apache_user (const char *path)
{
  struct passwd *user = getpwnam (APACHE_USER);

  g_assert_nonnull (user);
  g_assert_cmpint (chown (path, user->pw_uid, user->pw_gid), ==, 0);
}

/**
 * lia_test_webserver_start_apache:
 *
 * Apache httpd in the foreground with mod_dav and mod_dav_fs. It refuses to
 * serve as root, so its children run as www-data, which owns the document
 * root and the lock database's folder.
 */
LiaTestWebserver *
lia_test_webserver_start_apache (void)
{
  LiaTestWebserver *self = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *lock_dir = NULL;

  g_assert_true (g_file_test (APACHE, G_FILE_TEST_IS_EXECUTABLE));
  g_assert_true (g_file_test (APACHE_MODULES "/mod_dav_fs.so", G_FILE_TEST_EXISTS));

  self = new_server ("apache");
  chown_to_apache_user (self->root);
  lock_dir = g_build_filename (self->dir, "lock", NULL);
  g_assert_cmpint (g_mkdir (lock_dir, 0755), ==, 0);
  chown_to_apache_user (lock_dir);

  conf_path = g_build_filename (self->dir, "httpd.conf", NULL);
  conf = g_strdup_printf ("ServerRoot %s\n"
                          "ServerName 127.0.0.1\n"
                          "Listen 127.0.0.1:%u\n"
                          "PidFile %s/httpd.pid\n"
                          "DefaultRuntimeDir %s\n"
                          "Mutex file:%s default\n"
                          "LoadModule mpm_event_module " APACHE_MODULES "/mod_mpm_event.so\n"
                          "LoadModule authz_core_module " APACHE_MODULES "/mod_authz_core.so\n"
                          "LoadModule dav_module " APACHE_MODULES "/mod_dav.so\n"
                          "LoadModule dav_fs_module " APACHE_MODULES "/mod_dav_fs.so\n"
                          "User " APACHE_USER "\n"
                          "Group " APACHE_USER "\n"
                          "ErrorLog %s\n"
                          "LogLevel warn\n"
                          "LogFormat \"%%m %%U %%>s\" methods\n"
                          "CustomLog %s methods\n"
                          "DavLockDB %s/DavLock\n"
                          "DocumentRoot %s\n"
                          "<Directory %s>\n"
                          "  Dav On\n"
                          "  Require all granted\n"
                          "</Directory>\n",
                          self->dir, self->port, self->dir, self->dir, self->dir,
                          self->error_log, self->access_log, lock_dir, self->root, self->root);
  write_file (conf_path, conf);

  {
    const char * const argv[] = { APACHE, "-f", conf_path, "-DFOREGROUND", NULL };

    spawn_and_wait (self, argv);
  }

  return self;
}

const char *
lia_test_webserver_get_url (LiaTestWebserver *self)
{
  return self->url;
}

const char *
lia_test_webserver_get_root (LiaTestWebserver *self)
{
  return self->root;
}

guint
lia_test_webserver_count (LiaTestWebserver *self,
                          const char       *method,
                          const char       *path_suffix,
                          guint             status)
{
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  guint count = 0;

  if (!g_file_get_contents (self->access_log, &log, NULL, NULL))
    return 0;
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 3);

      if (g_strv_length (fields) < 3 || g_strcmp0 (fields[0], method) != 0)
        continue;
      if (status != 0 && strtoul (fields[2], NULL, 10) != status)
        continue;
      if (path_suffix == NULL || g_str_has_suffix (fields[1], path_suffix))
        count++;
    }

  return count;
}

void
lia_test_webserver_stop (LiaTestWebserver *self)
{
  if (self == NULL)
    return;

  if (self->pid > 0)
    {
      gint64 deadline = g_get_monotonic_time () + STOP_TIMEOUT_USEC;
      int status = 0;

      kill (self->pid, SIGTERM);
      while (waitpid (self->pid, &status, WNOHANG) == 0)
        {
          if (g_get_monotonic_time () > deadline)
            {
              kill (self->pid, SIGKILL);
              waitpid (self->pid, &status, 0);
              break;
            }
          g_usleep (10 * G_TIME_SPAN_MILLISECOND);
        }
      g_spawn_close_pid (self->pid);
    }

  lia_test_remove_tree (self->dir);
  g_free (self->name);
  g_free (self->dir);
  g_free (self->root);
  g_free (self->url);
  g_free (self->access_log);
  g_free (self->error_log);
  g_free (self);
}

/* Publishing */

#define TEST_TZID "America/Edmonton"

LiaTestPublish *
lia_test_publish_new (LiaTargetKind  kind,
                      const char    *url)
{
  LiaTestPublish *self = g_new0 (LiaTestPublish, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  self->dir = lia_test_make_temp_dir ("publish");
  path = g_build_filename (self->dir, "liaison.db", NULL);
  self->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  self->store = lia_store_new (self->database);

  self->target = lia_target_new ("Library website", kind, url);
  g_assert_true (lia_target_save (self->target, self->database, &error));
  g_assert_no_error (error);

  lia_publish_options_init (&self->options);
  self->options.context.library_name = "Riverside Library";
  self->options.context.time_zone = TEST_TZID;
  self->options.retry_delay_ms = 10;
  self->options.timeout_seconds = 10;

  return self;
}

gint64
lia_test_publish_add_event (LiaTestPublish *self,
                            const char     *title,
                            int             days_ahead)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (TEST_TZID);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_ahead);
  g_autofree char *start = g_date_time_format (day, "%Y-%m-%dT10:00:00");
  g_autofree char *end = g_date_time_format (day, "%Y-%m-%dT11:30:00");
  g_autoptr(LiaEvent) event = lia_event_new ();
  g_autoptr(GError) error = NULL;

  lia_event_set_title (event, title);
  lia_event_set_dtstart (event, start);
  lia_event_set_dtend (event, end);
  lia_event_set_tzid (event, TEST_TZID);
  lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_promote (event, TRUE);
  lia_event_set_channels (event, LIA_CHANNEL_WEBSITE);
  lia_event_set_venue_name (event, "Main branch");
  lia_event_set_description (event, "All welcome & free.");
  g_assert_true (lia_store_save_event (self->store, event, &error));
  g_assert_no_error (error);

  return lia_event_get_id (event);
}

void
lia_test_publish_retitle_event (LiaTestPublish *self,
                                gint64          id,
                                const char     *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaEvent) event = lia_store_get_event (self->store, id, &error);

  g_assert_no_error (error);
  lia_event_set_title (event, title);
  g_assert_true (lia_store_save_event (self->store, event, &error));
  g_assert_no_error (error);
}

LiaPublishReport *
lia_test_publish_run (LiaTestPublish *self,
                      GCancellable   *cancellable)
{
  g_autoptr(GError) error = NULL;
  LiaPublishReport *report;

  report = lia_publish_run (self->store, self->target, &self->options, NULL, NULL, cancellable, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

guint
lia_test_publish_count_steps (LiaTestPublish *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPublishPlan) plan = NULL;

  plan = lia_publish_plan_compute (self->store, self->target, &self->options.context, &error);
  g_assert_no_error (error);

  return plan->steps->len;
}

LiaPublishRecord *
lia_test_publish_get_record (LiaTestPublish *self,
                             const char     *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) records = NULL;
  LiaPublishRecord *record;

  records = lia_publish_records_load (self->database, self->target->id, &error);
  g_assert_no_error (error);
  record = g_hash_table_lookup (records, item);

  return record != NULL ? lia_publish_record_copy (record) : NULL;
}

void
lia_test_publish_free (LiaTestPublish *self)
{
  if (self == NULL)
    return;

  lia_target_free (self->target);
  g_assert_finalize_object (self->store);
  g_assert_finalize_object (self->database);
  lia_test_remove_tree (self->dir);
  g_free (self->dir);
  g_free (self);
}

guint
lia_test_http_request (const char  *method,
                       const char  *url,
                       const char  *body,
                       GBytes     **body_out)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (message);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "text/plain", bytes);
    }
  response = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  if (body_out != NULL)
    *body_out = g_steal_pointer (&response);

  return soup_message_get_status (message);
}
