/* lia-test-radicale.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Radicale as Debian packages it, configured as ENVIRONMENT.md says:
 * htpasswd with plain passwords, owner_only rights, filesystem storage in
 * the folder. The port is found free by binding port 0 first; when Radicale
 * still cannot take it (another process was quicker), a new one is tried.
 *
 * A logged server is the same Radicale started through its Python module,
 * only with the time of each log line to the microsecond (its own format
 * stops at the second, too coarse to tell when requests overlapped).
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>
#include <libsoup/soup.h>

#include "lia-test-radicale.h"
#include "lia-test-util.h"

#define RADICALE_BIN "/usr/bin/radicale"
#define PYTHON_BIN "/usr/bin/python3"
#define LOGGED_SCRIPT \
  "import sys\n" \
  "import radicale.log\n" \
  "radicale.log.LOGGER_FORMAT = '[%(created).6f] ' + radicale.log.LOGGER_FORMAT\n" \
  "from radicale.__main__ import run\n" \
  "sys.argv[0] = 'radicale'\n" \
  "run()\n"
#define START_ATTEMPTS 3
#define READY_TIMEOUT_US (15 * G_USEC_PER_SEC)
#define STOP_TIMEOUT_US (5 * G_USEC_PER_SEC)

struct _LiaTestRadicale
{
  char        *dir;
  char        *log_path;
  char        *url;
  char        *username;
  char        *password;
  GPid         pid;
  SoupSession *session;
  gboolean     logged;
  gsize        log_offset;  /* what lia_test_radicale_take_requests() has read */
};

/* In the child: die with the test (an abort in the middle of a test must
 * not leave a server behind; SIGKILL, since a Radicale with a request
 * stuck in it ignores SIGTERM) and log into the folder, not the TAP
 * output. */
static void
child_setup (gpointer user_data)
{
  const char *log_path = user_data;
  int fd;

  prctl (PR_SET_PDEATHSIG, SIGKILL);
  fd = open (log_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd >= 0)
    {
      dup2 (fd, STDOUT_FILENO);
      dup2 (fd, STDERR_FILENO);
      close (fd);
    }
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
add_credentials (LiaTestRadicale *self,
                 SoupMessage     *message)
{
  g_autofree char *pair = g_strdup_printf ("%s:%s", self->username, self->password);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *value = g_strdup_printf ("Basic %s", encoded);

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", value);
}

static char *
resolve (LiaTestRadicale *self,
         const char      *url)
{
  g_autoptr(GUri) base = g_uri_parse (self->url, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GUri) uri = g_uri_parse_relative (base, url, G_URI_FLAGS_ENCODED, NULL);

  g_assert_nonnull (uri);

  return g_uri_to_string (uri);
}

/* Whether Radicale answers anything at all (a 401 will do). */
static gboolean
answers (LiaTestRadicale *self)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", self->url);
  g_autoptr(GBytes) body = NULL;

  body = soup_session_send_and_read (self->session, message, NULL, NULL);

  return body != NULL && soup_message_get_status (message) != 0;
}

static gboolean
has_exited (GPid pid)
{
  int status;

  return waitpid (pid, &status, WNOHANG) == pid;
}

static gboolean
try_start (LiaTestRadicale *self)
{
  const char *argv[] = { RADICALE_BIN, "--config", NULL, NULL };
  const char *logged_argv[] = { PYTHON_BIN, "-c", LOGGED_SCRIPT, "--config", NULL, NULL };
  g_autofree char *config_path = g_build_filename (self->dir, "config", NULL);
  g_autofree char *config = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port = lia_test_find_free_port ();
  gint64 deadline;

  config = g_strdup_printf ("[server]\n"
                            "hosts = 127.0.0.1:%u\n"
                            "[auth]\n"
                            "type = htpasswd\n"
                            "htpasswd_filename = %s/users\n"
                            "htpasswd_encryption = plain\n"
                            "[rights]\n"
                            "type = owner_only\n"
                            "[storage]\n"
                            "filesystem_folder = %s/collections\n"
                            "[logging]\n"
                            "level = %s\n",
                            port, self->dir, self->dir, self->logged ? "info" : "warning");
  write_file (self->dir, "config", config);
  argv[2] = config_path;
  logged_argv[4] = config_path;

  g_spawn_async (self->dir, (char **) (self->logged ? logged_argv : argv), NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD,
                 child_setup, self->log_path,
                 &self->pid, &error);
  g_assert_no_error (error);

  g_free (self->url);
  self->url = g_strdup_printf ("http://127.0.0.1:%u/", port);

  deadline = g_get_monotonic_time () + READY_TIMEOUT_US;
  while (g_get_monotonic_time () < deadline)
    {
      if (has_exited (self->pid))
        {
          self->pid = 0;
          return FALSE;
        }
      if (answers (self))
        return TRUE;
      g_usleep (50 * 1000);
    }

  kill (self->pid, SIGKILL);
  waitpid (self->pid, NULL, 0);
  self->pid = 0;

  return FALSE;
}

static LiaTestRadicale *
start (const char *username,
       const char *password,
       gboolean    logged)
{
  LiaTestRadicale *self = g_new0 (LiaTestRadicale, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *users = NULL;
  g_autofree char *log = NULL;

  if (!g_file_test (RADICALE_BIN, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is missing: install the radicale package", RADICALE_BIN);

  self->dir = g_dir_make_tmp ("liaison-radicale-XXXXXX", &error);
  g_assert_no_error (error);
  self->log_path = g_build_filename (self->dir, "radicale.log", NULL);
  self->username = g_strdup (username);
  self->password = g_strdup (password);
  self->session = soup_session_new_with_options ("timeout", 10, NULL);
  self->logged = logged;

  users = g_strdup_printf ("%s:%s\n", username, password);
  write_file (self->dir, "users", users);

  for (guint attempt = 0; attempt < START_ATTEMPTS; attempt++)
    if (try_start (self))
      return self;

  g_file_get_contents (self->log_path, &log, NULL, NULL);
  g_error ("Radicale did not start in %s:\n%s", self->dir, log ? log : "(no log)");
}

/**
 * lia_test_radicale_start:
 * @username: the only user
 * @password: the user's password
 *
 * Returns: (transfer full): a running Radicale; stop it with
 *   lia_test_radicale_stop()
 */
LiaTestRadicale *
lia_test_radicale_start (const char *username,
                         const char *password)
{
  return start (username, password, FALSE);
}

LiaTestRadicale *
lia_test_radicale_start_logged (const char *username,
                                const char *password)
{
  return start (username, password, TRUE);
}

void
lia_test_radicale_stop (LiaTestRadicale *self)
{
  if (self == NULL)
    return;

  if (self->pid != 0)
    {
      gint64 deadline = g_get_monotonic_time () + STOP_TIMEOUT_US;

      kill (self->pid, SIGTERM);
      while (!has_exited (self->pid))
        {
          if (g_get_monotonic_time () > deadline)
            {
              g_test_message ("Radicale did not stop on SIGTERM: killed");
              kill (self->pid, SIGKILL);
              waitpid (self->pid, NULL, 0);
              break;
            }
          g_usleep (20 * 1000);
        }
      g_spawn_close_pid (self->pid);
    }

  if (self->dir != NULL)
    lia_test_remove_tree (self->dir);

  g_clear_object (&self->session);
  g_free (self->dir);
  g_free (self->log_path);
  g_free (self->url);
  g_free (self->username);
  g_free (self->password);
  g_free (self);
}

const char *
lia_test_radicale_get_url (LiaTestRadicale *self)
{
  return self->url;
}

const char *
lia_test_radicale_get_username (LiaTestRadicale *self)
{
  return self->username;
}

const char *
lia_test_radicale_get_password (LiaTestRadicale *self)
{
  return self->password;
}

guint
lia_test_radicale_send (LiaTestRadicale  *self,
                        const char       *method,
                        const char       *url,
                        const char       *body,
                        GBytes          **response,
                        char            **etag)
{
  g_autofree char *absolute = resolve (self, url);
  g_autoptr(SoupMessage) message = soup_message_new (method, absolute);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_calendar_data = g_str_equal (method, "PUT");

  g_assert_nonnull (message);
  add_credentials (self, message);
  if (g_str_equal (method, "PROPFIND"))
    soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", "1");
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message,
                                                is_calendar_data ? "text/calendar; charset=utf-8"
                                                                 : "application/xml; charset=utf-8",
                                                request);
    }

  bytes = soup_session_send_and_read (self->session, message, NULL, &error);
  g_assert_no_error (error);

  if (response != NULL)
    *response = g_steal_pointer (&bytes);
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));

  return soup_message_get_status (message);
}

char *
lia_test_radicale_make_calendar (LiaTestRadicale *self,
                                 const char      *name,
                                 const char      *displayname)
{
  g_autofree char *path = g_strdup_printf ("/%s/%s/", self->username, name);
  g_autofree char *body = NULL;
  guint status;

  if (displayname != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (displayname, -1);

      body = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                              "<C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
                              "<D:set><D:prop><D:displayname>%s</D:displayname></D:prop></D:set>"
                              "</C:mkcalendar>",
                              escaped);
    }

  status = lia_test_radicale_send (self, "MKCALENDAR", path, body, NULL, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_CREATED);

  return resolve (self, path);
}

char *
lia_test_radicale_get_calendar (LiaTestRadicale *self,
                                const char      *calendar_url)
{
  g_autoptr(GBytes) body = NULL;
  guint status;

  status = lia_test_radicale_send (self, "GET", calendar_url, NULL, &body, NULL);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);

  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

void
lia_test_radicale_request_free (LiaTestRadicaleRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_free (request);
}

/* Radicale 3.1 logs, at info level, one line a request when its answer
 * is ready: "PUT response status for '/user/cal/x.ics' in 0.012 seconds:
 * 201 Created" (with " with depth '1'" after the path when the request
 * had a Depth), here after "[UNIX-TIME] [DATE] [PID/THREAD] [INFO] ". */
GPtrArray *
lia_test_radicale_take_requests (LiaTestRadicale *self)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_test_radicale_request_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *last_newline;
  gsize length;

  g_assert_true (self->logged);

  if (!g_file_get_contents (self->log_path, &log, &length, &error))
    g_error ("Radicale's log: %s", error->message);
  g_assert_cmpuint (length, >=, self->log_offset);

  /* Only whole lines: the one being written is read next time. */
  last_newline = g_strrstr_len (log + self->log_offset, length - self->log_offset, "\n");
  if (last_newline == NULL)
    return g_steal_pointer (&requests);
  text = g_strndup (log + self->log_offset, last_newline - (log + self->log_offset));
  lines = g_strsplit (text, "\n", -1);
  self->log_offset = last_newline + 1 - log;

  regex = g_regex_new ("^\\[([0-9.]+)\\] \\[[^]]*\\] \\[[^]]*\\] \\[INFO\\] ([A-Z]+) response status for "
                       "(.*?)(?: with depth '[^']*')? in ([0-9.]+) seconds: ([0-9]{3})",
                       G_REGEX_OPTIMIZE, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      LiaTestRadicaleRequest *request;
      g_autofree char *end = NULL;
      g_autofree char *seconds = NULL;
      g_autofree char *status = NULL;
      g_autofree char *quoted = NULL;

      if (!g_regex_match (regex, lines[i], 0, &match))
        continue;

      end = g_match_info_fetch (match, 1);
      seconds = g_match_info_fetch (match, 4);
      status = g_match_info_fetch (match, 5);
      quoted = g_match_info_fetch (match, 3);

      request = g_new0 (LiaTestRadicaleRequest, 1);
      request->method = g_match_info_fetch (match, 2);
      /* Python's repr(): quotes around it */
      request->path = strlen (quoted) >= 2 ? g_strndup (quoted + 1, strlen (quoted) - 2) : g_strdup (quoted);
      request->status = (guint) g_ascii_strtoull (status, NULL, 10);
      request->seconds = g_ascii_strtod (seconds, NULL);
      request->end = g_ascii_strtod (end, NULL);
      g_ptr_array_add (requests, request);
    }

  return g_steal_pointer (&requests);
}
