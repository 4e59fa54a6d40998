/* test-credentials.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Target passwords in a real Secret Service — gnome-keyring-daemon, started
 * by this test on the private session bus of dbus-run-session, with its
 * keyrings in a temporary home — and in password files, which are refused
 * unless their owner alone may read them.
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <libsoup/soup.h>

#include "lia-credentials.h"
#include "lia-publisher.h"
#include "lia-test-util.h"

/* The keyring's own password: gnome-keyring-daemon --unlock creates the
 * login keyring with the password read from its standard input. */
#define KEYRING_PASSWORD "liaison-test-keyring"

static char *keyring_home;
static GPid keyring_pid;

/* The same schema as lia-credentials.c, written out again: a change of its
 * name or attributes would lose every password already stored. */
static const SecretSchema target_schema = {
  "org.liaisonapp.Liaison.Target", SECRET_SCHEMA_NONE,
  {
    { "target", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static void
kill_keyring_on_parent_death (gpointer data)
{
  /* An assertion that aborts the test must not leave the daemon behind. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static gboolean
secrets_name_has_owner (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* Starts gnome-keyring-daemon in the foreground (so its PID is ours to
 * stop) with a home of its own, and waits until it serves secrets. */
static void
start_keyring (void)
{
  const char *argv[] = { GNOME_KEYRING_DAEMON, "--foreground", "--unlock", "--components=secrets", NULL };
  const char *dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR" };
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  gint64 deadline;
  int stdin_fd = -1;

  /* The environment is set before GDBus starts its thread. */
  keyring_home = lia_test_make_temp_dir ("keyring");
  g_setenv ("HOME", keyring_home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (keyring_home, dirs[i], NULL);

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      g_setenv (dirs[i], dir, TRUE);
    }

  /* Never the user's own keyring: this test owns a session bus of its own
   * (meson runs it under dbus-run-session) with no Secret Service on it. */
  if (address == NULL || *address == '\0')
    g_error ("test-credentials needs a private session bus: run it under dbus-run-session");
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  if (secrets_name_has_owner (bus))
    g_error ("a Secret Service already runs on this bus: run test-credentials under dbus-run-session");

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                            kill_keyring_on_parent_death, NULL,
                            &keyring_pid, &stdin_fd, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (write (stdin_fd, KEYRING_PASSWORD, strlen (KEYRING_PASSWORD)), ==, strlen (KEYRING_PASSWORD));
  close (stdin_fd);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!secrets_name_has_owner (bus))
    {
      int wait_status;

      if (waitpid (keyring_pid, &wait_status, WNOHANG) == keyring_pid)
        g_error ("gnome-keyring-daemon stopped before serving secrets (wait status %d)", wait_status);
      if (g_get_monotonic_time () > deadline)
        g_error ("gnome-keyring-daemon did not serve secrets within 20 s");
      g_usleep (20 * 1000);
    }
}

static void
stop_keyring (void)
{
  int wait_status = 0;

  secret_service_disconnect ();
  if (keyring_pid > 0)
    {
      kill (keyring_pid, SIGTERM);
      waitpid (keyring_pid, &wait_status, 0);
      g_spawn_close_pid (keyring_pid);
      keyring_pid = 0;
    }
  if (keyring_home != NULL)
    {
      lia_test_remove_tree (keyring_home);
      g_clear_pointer (&keyring_home, g_free);
    }
}

/* The items stored for @target_name, with their attributes. */
static GList *
search_target (const char *target_name)
{
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_sync (&target_schema, SECRET_SEARCH_ALL, NULL, &error,
                                       "target", target_name, NULL);
  g_assert_no_error (error);

  return items;
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GList *items;

  g_assert_true (lia_credentials_store ("Library website", "https://www.example.org/dav/events/", "alice",
                                        "correct horse", NULL, &error));
  g_assert_no_error (error);

  password = lia_credentials_lookup ("Library website", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "correct horse");

  /* One item, named for the target, that says where and as whom. */
  items = search_target ("Library website");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  attributes = secret_retrievable_get_attributes (items->data);
  label = secret_retrievable_get_label (items->data);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "url"), ==, "https://www.example.org/dav/events/");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "user"), ==, "alice");
  g_assert_cmpstr (label, ==, "Liaison: Library website");
  g_list_free_full (items, g_object_unref);

  g_assert_true (lia_credentials_clear ("Library website", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&password, g_free);
  password = lia_credentials_lookup ("Library website", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (password);
  g_assert_null (search_target ("Library website"));

  /* Clearing what is not there is no error. */
  g_assert_true (lia_credentials_clear ("Library website", NULL, &error));
  g_assert_no_error (error);
}

static void
test_store_replaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GList *items;

  g_assert_true (lia_credentials_store ("calendar", "https://cal.example.org/", "alice", "first", NULL, &error));
  g_assert_no_error (error);
  /* Another user and URL for the same target: the old item goes, or a
   * lookup by name could return either. */
  g_assert_true (lia_credentials_store ("calendar", "https://cal.example.org/dav/", "bob", "second", NULL, &error));
  g_assert_no_error (error);

  password = lia_credentials_lookup ("calendar", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "second");

  items = search_target ("calendar");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  attributes = secret_retrievable_get_attributes (items->data);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "user"), ==, "bob");
  g_list_free_full (items, g_object_unref);

  g_assert_true (lia_credentials_clear ("calendar", NULL, &error));
  g_assert_no_error (error);
}

static void
test_targets_apart (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GList *items;

  /* No user and no URL: the attributes are left out, not stored empty. */
  g_assert_true (lia_credentials_store ("a", NULL, NULL, "password a", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lia_credentials_store ("b", "https://b.example.org/", "bea", "password b", NULL, &error));
  g_assert_no_error (error);

  items = search_target ("a");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  attributes = secret_retrievable_get_attributes (items->data);
  g_assert_false (g_hash_table_contains (attributes, "user"));
  g_assert_false (g_hash_table_contains (attributes, "url"));
  g_list_free_full (items, g_object_unref);

  g_assert_true (lia_credentials_clear ("a", NULL, &error));
  g_assert_no_error (error);

  a = lia_credentials_lookup ("a", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (a);
  b = lia_credentials_lookup ("b", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, "password b");

  g_assert_true (lia_credentials_clear ("b", NULL, &error));
  g_assert_no_error (error);
}

/* Password files. */

typedef struct
{
  char *dir;
} FileFixture;

static void
file_setup (FileFixture   *fixture,
            gconstpointer  data)
{
  fixture->dir = lia_test_make_temp_dir ("password-file");
}

static void
file_teardown (FileFixture   *fixture,
               gconstpointer  data)
{
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_password_file (FileFixture *fixture,
                     const char  *name,
                     const char  *contents,
                     int          mode)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);

  return path;
}

static void
assert_refused (const char *path,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *display = g_filename_display_name (path);

  password = lia_credentials_read_file (path, &error);
  g_assert_null (password);
  g_assert_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_PASSWORD_FILE);
  /* The message names the file and says what is wrong with it. */
  g_assert_nonnull (strstr (error->message, display));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
assert_reads (const char *path,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  password = lia_credentials_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, expected);
}

static void
test_file_owner_only (FileFixture   *fixture,
                      gconstpointer  data)
{
  g_autofree char *lf = write_password_file (fixture, "lf", "s3cret pass\n", 0600);
  g_autofree char *crlf = write_password_file (fixture, "crlf", "s3cret pass\r\nsecond line\r\n", 0600);
  g_autofree char *bare = write_password_file (fixture, "bare", "s3cret pass", 0400);
  g_autofree char *two = write_password_file (fixture, "two", "first\nsecond\n", 0600);

  /* The first line, without its ending; spaces inside are the password's. */
  assert_reads (lf, "s3cret pass");
  assert_reads (crlf, "s3cret pass");
  assert_reads (bare, "s3cret pass");
  assert_reads (two, "first");
}

static void
test_file_readable_by_others (FileFixture   *fixture,
                              gconstpointer  data)
{
  const int modes[] = { 0644, 0640, 0604, 0620, 0602, 0660 };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *name = g_strdup_printf ("mode-%03o", modes[i]);
      g_autofree char *path = write_password_file (fixture, name, "s3cret\n", modes[i]);
      g_autofree char *mode = g_strdup_printf ("mode %03o", modes[i]);
      g_autofree char *fix = g_strdup_printf ("chmod 600 %s", path);
      g_autofree char *sum = lia_test_checksum_file (path);
      struct stat st;

      assert_refused (path, mode);
      /* The message gives the command that fixes it. */
      assert_refused (path, fix);
      /* Refused, and left as it was. */
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, modes[i]);
      {
        g_autofree char *after = lia_test_checksum_file (path);

        g_assert_cmpstr (after, ==, sum);
      }
    }
}

static void
test_file_fix_quotes_path (FileFixture   *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = write_password_file (fixture, "web site's password", "s3cret\n", 0644);
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *fix = g_strdup_printf ("chmod 600 %s", quoted);

  /* A command that can be pasted into a shell as it is. */
  assert_refused (path, fix);
}

static void
test_file_not_regular (FileFixture   *fixture,
                       gconstpointer  data)
{
  g_autofree char *target = write_password_file (fixture, "real", "s3cret\n", 0600);
  g_autofree char *link = g_build_filename (fixture->dir, "link", NULL);
  g_autofree char *dir = g_build_filename (fixture->dir, "folder", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "fifo", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", NULL);

  /* A link's own mode says nothing of who may read what it points to. */
  g_assert_cmpint (symlink (target, link), ==, 0);
  assert_refused (link, "symbolic link");

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  assert_refused (dir, "not a regular file");

  /* Opened without waiting for a writer, then refused. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, "not a regular file");

  assert_refused (missing, g_strerror (ENOENT));
}

static void
test_file_empty (FileFixture   *fixture,
                 gconstpointer  data)
{
  g_autofree char *empty = write_password_file (fixture, "empty", "", 0600);
  g_autofree char *newline = write_password_file (fixture, "newline", "\n", 0600);
  g_autofree char *crlf = write_password_file (fixture, "crlf", "\r\ns3cret\r\n", 0600);

  assert_refused (empty, "no password");
  assert_refused (newline, "no password");
  /* The first line is the password, even when a later one is not empty. */
  assert_refused (crlf, "no password");
}

static void
test_file_other_owner (FileFixture   *fixture,
                       gconstpointer  data)
{
  if (getuid () == 0)
    {
      g_autofree char *path = write_password_file (fixture, "nobody", "s3cret\n", 0600);

      /* root reads anything: only the owner check stands between a job
       * run as root and another user's file. */
      g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
      assert_refused (path, "belongs to another user");
    }
  else
    {
      struct stat st;

      /* A file of root's that everyone may read: the owner is refused
       * before the mode is looked at. */
      g_assert_cmpint (g_stat ("/etc/passwd", &st), ==, 0);
      g_assert_cmpint (st.st_uid, ==, 0);
      assert_refused ("/etc/passwd", "belongs to another user");
    }
}

/* The command line with a Secret Service: `target add --password-file`
 * stores the password, `publish` finds it, `target remove` clears it. A
 * WebDAV server of its own (SoupServer) takes PUTs from alice:s3cret
 * only. */

typedef struct
{
  GHashTable *files;        /* path → GBytes */
  guint       n_refused;    /* requests without the right credentials */
  char       *expected;     /* the Authorization header that is let in */
} DavServer;

static void
on_dav_request_cb (SoupServer        *server,
                   SoupServerMessage *message,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  DavServer *dav = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);
  const char *method = soup_server_message_get_method (message);
  const char *authorization = soup_message_headers_get_one (request_headers, "Authorization");

  if (g_strcmp0 (authorization, dav->expected) != 0)
    {
      dav->n_refused++;
      soup_message_headers_replace (response_headers, "WWW-Authenticate", "Basic realm=\"dav\"");
      soup_server_message_set_status (message, SOUP_STATUS_UNAUTHORIZED, NULL);
      return;
    }

  if (g_str_equal (method, "PROPFIND"))
    {
      static const char multistatus[] =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/</d:href>"
        "<d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop>"
        "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>\n";

      soup_server_message_set_response (message, "application/xml; charset=utf-8", SOUP_MEMORY_STATIC,
                                        multistatus, strlen (multistatus));
      soup_server_message_set_status (message, SOUP_STATUS_MULTI_STATUS, NULL);
    }
  else if (g_str_equal (method, "PUT"))
    {
      g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
      g_autofree char *etag = g_strdup_printf ("\"%u\"", g_hash_table_size (dav->files) + 1);

      g_hash_table_replace (dav->files, g_strdup (path), g_bytes_ref (body));
      soup_message_headers_replace (response_headers, "ETag", etag);
      soup_server_message_set_status (message, SOUP_STATUS_CREATED, NULL);
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
}

/* Runs liaison on this test's session bus (so with its keyring) while the
 * main loop serves the DAV server; its output in *@out and *@err. */
static int
run_liaison (char       **out,
             char       **err,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *)g_getenv ("LIAISON_BIN"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_free (*out);
  g_free (*err);

  return lia_test_child_wait (lia_test_child_spawn ((const char * const *)args->pdata, NULL), out, err);
}

static void
test_command_line (FileFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->dir, "sample.db", NULL);
  g_autofree char *right = write_password_file (fixture, "right", "s3cret\n", 0600);
  g_autofree char *wrong = write_password_file (fixture, "wrong", "guess\n", 0600);
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoslist(GUri) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *url2 = NULL;
  g_autofree char *credentials = g_base64_encode ((const guchar *)"alice:s3cret", strlen ("alice:s3cret"));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *password = NULL;
  DavServer dav = { NULL };

  dav.files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  dav.expected = g_strdup_printf ("Basic %s", credentials);
  soup_server_add_handler (server, NULL, on_dav_request_cb, &dav, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/dav/", g_uri_get_port (uris->data));
  url2 = g_strdup_printf ("http://127.0.0.1:%d/dav2/", g_uri_get_port (uris->data));

  g_assert_cmpint (run_liaison (&out, &err, "sample-data", "--output", database, "--partners", "5",
                                "--events", "20", NULL), ==, 0);

  /* Stored, under the target's name. */
  g_assert_cmpint (run_liaison (&out, &err, "--database", database, "target", "add", "dav", "--kind", "webdav",
                                "--url", url, "--user", "alice", "--password-file", right, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "added: dav\npassword: stored in the Secret Service\n");
  g_assert_cmpstr (err, ==, "");
  password = lia_credentials_lookup ("dav", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "s3cret");

  /* Found again by publish: every file sent as alice, none refused, and
   * the password nowhere in what was printed. */
  g_assert_cmpint (run_liaison (&out, &err, "--database", database, "publish", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_suffix (out, "\ndav: 5 done, 0 conflicts, 0 failed, 0 pending\n"));
  g_assert_cmpuint (dav.n_refused, ==, 0);
  g_assert_cmpuint (g_hash_table_size (dav.files), ==, 5);
  g_assert_true (g_hash_table_contains (dav.files, "/dav/events.ics"));
  g_assert_null (strstr (out, "s3cret"));

  /* A wrong password stored: the server's 401 stops the run, in one line
   * that names the target. */
  g_assert_cmpint (run_liaison (&out, &err, "--database", database, "target", "add", "dav2", "--kind", "webdav",
                                "--url", url2, "--user", "alice", "--password-file", wrong, NULL), ==, 0);
  g_assert_cmpint (run_liaison (&out, &err, "--database", database, "publish", "--target", "dav2", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "liaison: Publishing to “dav2” stopped: "));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  g_assert_cmpuint (dav.n_refused, >, 0);
  g_assert_cmpuint (g_hash_table_size (dav.files), ==, 5);
  g_assert_null (strstr (err, "guess"));

  /* A password file given to the run wins over the Secret Service. */
  g_assert_cmpint (run_liaison (&out, &err, "--database", database, "publish", "--target", "dav2",
                                "--password-file", right, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, "\ndav2: 5 done, 0 conflicts, 0 failed, 0 pending\n"));
  g_assert_true (g_hash_table_contains (dav.files, "/dav2/events.ics"));

  /* Removed with its target. */
  g_assert_cmpint (run_liaison (&out, &err, "--database", database, "target", "remove", "dav", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "removed: dav\n");
  g_clear_pointer (&password, g_free);
  password = lia_credentials_lookup ("dav", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (password);
  g_clear_pointer (&password, g_free);
  password = lia_credentials_lookup ("dav2", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "guess");
  g_assert_true (lia_credentials_clear ("dav2", NULL, &error));

  soup_server_disconnect (server);
  g_hash_table_unref (dav.files);
  g_free (dav.expected);
}

/* Locks the keyring: it stays locked (unlocking needs a person at a
 * prompt), so this test is registered last. */
static void
test_locked_keyring (FileFixture   *fixture,
                     gconstpointer  data)
{
  g_autofree char *database = g_build_filename (fixture->dir, "sample.db", NULL);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GList *locked = NULL;
  GList *objects;

  g_assert_true (lia_credentials_store ("nightly", "https://dav.example.org/", "alice", "s3cret", NULL, &error));
  g_assert_no_error (error);
  password = lia_credentials_lookup_unattended ("nightly", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "s3cret");
  g_clear_pointer (&password, g_free);
  /* None stored is no error. */
  password = lia_credentials_lookup_unattended ("nobody", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (password);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  objects = g_list_append (NULL, collection);
  g_assert_cmpint (secret_service_lock_sync (service, objects, NULL, &locked, &error), ==, 1);
  g_assert_no_error (error);
  g_list_free (objects);
  g_list_free_full (locked, g_object_unref);

  /* Refused at once, saying why, rather than a prompt to unlock it. */
  password = lia_credentials_lookup_unattended ("nightly", NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "locked keyring"));
  g_assert_null (password);
  g_clear_error (&error);

  /* And a nightly publish stops in one line. */
  g_assert_cmpint (run_liaison (&out, &err, "sample-data", "--output", database, "--partners", "2",
                                "--events", "4", NULL), ==, 0);
  g_assert_cmpint (run_liaison (&out, &err, "--database", database, "target", "add", "nightly", "--kind", "webdav",
                                "--url", "https://dav.example.org/", "--user", "alice", NULL), ==, 0);
  g_assert_cmpint (run_liaison (&out, &err, "--database", database, "publish", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "liaison: Publishing to “nightly” stopped: "));
  g_assert_nonnull (strstr (err, "locked keyring"));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  g_assert_cmpstr (out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  start_keyring ();

  g_test_add_func ("/credentials/secret-service/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/credentials/secret-service/store-replaces", test_store_replaces);
  g_test_add_func ("/credentials/secret-service/targets-apart", test_targets_apart);

#define ADD(path, func) g_test_add (path, FileFixture, NULL, file_setup, func, file_teardown)
  ADD ("/credentials/file/owner-only", test_file_owner_only);
  ADD ("/credentials/file/readable-by-others", test_file_readable_by_others);
  ADD ("/credentials/file/fix-quotes-path", test_file_fix_quotes_path);
  ADD ("/credentials/file/not-regular", test_file_not_regular);
  ADD ("/credentials/file/empty", test_file_empty);
  ADD ("/credentials/file/other-owner", test_file_other_owner);
  ADD ("/credentials/command-line/publish", test_command_line);
  /* Last (GTest runs suites in the order they are made): it leaves the
   * keyring locked. */
  ADD ("/credentials/locked/unattended", test_locked_keyring);
#undef ADD

  status = g_test_run ();

  stop_keyring ();

  return status;
}
