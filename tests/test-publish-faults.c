/* test-publish-faults.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The publish run against a WebDAV folder that misbehaves on purpose: an
 * in-process SoupServer, on a thread and main context of its own (the run
 * blocks the test's thread), that keeps files with strong ETags, honours
 * If-Match and If-None-Match, and injects 5xx, 401, 412, slowness, cut
 * short answers and redirects. Besides, refused connections, TLS to a
 * plain port and a password over plain HTTP.
 */

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "lia-http.h"
#include "lia-publish-job.h"
#include "lia-publisher.h"
#include "lia-test-util.h"
#include "lia-test-webservers.h"

#define N_FILES 5
#define FOLDER "/dav/"

static const char * const feed_files[N_FILES] = {
  LIA_FEED_ICS, LIA_FEED_JSON, LIA_FEED_JSONLD, LIA_FEED_RSS, LIA_FEED_DIRECTORY,
};

/* The server */

typedef struct
{
  GMutex         lock;
  GCond          cond;
  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  char          *url;           /* http://127.0.0.1:PORT/ */
  guint          port;
  gboolean       ready;

  /* Under lock */
  GHashTable    *files;         /* path → GBytes */
  GHashTable    *etags;         /* path → "\"n\"" */
  guint          next_etag;
  GPtrArray     *log;           /* "METHOD path STATUS" */

  /* Faults, set before a run, read under lock. */
  const char    *fault_name;    /* the file faults apply to; NULL: every file */
  GQueue         put_statuses;  /* statuses the next PUTs get instead of being stored */
  guint          every_status;  /* every request answered this; 0: none */
  gboolean       truncate_puts; /* stored, then an answer cut short */
  guint          n_puts;        /* PUTs received */
  GCancellable  *cancel_on_put; /* cancelled when PUT number cancel_at_put arrives */
  guint          cancel_at_put; /* 0: the first */
  guint          slow_ms;       /* from then on, PUTs stored, then answered this late */
  const char    *redirect_from; /* a folder answered 307 to FOLDER */
} FakeDav;

static void
log_request (FakeDav    *self,
             const char *method,
             const char *path,
             guint       status)
{
  g_ptr_array_add (self->log, g_strdup_printf ("%s %s %u", method, path, status));
}

static guint
count_requests (FakeDav    *self,
                const char *method,
                const char *suffix,
                guint       status)
{
  guint count = 0;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->log->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (self->log, i), " ", 3);

      if (g_strcmp0 (fields[0], method) != 0 && method != NULL)
        continue;
      if (suffix != NULL && !g_str_has_suffix (fields[1], suffix))
        continue;
      if (status != 0 && strtoul (fields[2], NULL, 10) != status)
        continue;
      count++;
    }
  g_mutex_unlock (&self->lock);

  return count;
}

static GBytes *
dup_file (FakeDav    *self,
          const char *name)
{
  g_autofree char *path = g_strconcat (FOLDER, name, NULL);
  GBytes *bytes;

  g_mutex_lock (&self->lock);
  bytes = g_hash_table_lookup (self->files, path);
  if (bytes != NULL)
    g_bytes_ref (bytes);
  g_mutex_unlock (&self->lock);

  return bytes;
}

static guint
count_files (FakeDav *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = g_hash_table_size (self->files);
  g_mutex_unlock (&self->lock);

  return n;
}

static gboolean
applies_to (FakeDav    *self,
            const char *path)
{
  return self->fault_name == NULL || g_str_has_suffix (path, self->fault_name);
}

static gboolean
on_slow_answer_cb (gpointer data)
{
  SoupServerMessage *message = data;

  soup_server_message_unpause (message);
  return G_SOURCE_REMOVE;
}

/* An answer that promises more than it sends, then the connection
 * closes: what a proxy or server crash leaves. */
static void
answer_truncated (SoupServerMessage *message)
{
  static const char answer[] = "HTTP/1.1 201 Created\r\nContent-Length: 100\r\nContent-Type: text/plain\r\n\r\nstored";
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

  g_output_stream_write_all (g_io_stream_get_output_stream (stream), answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static guint
handle_put (FakeDav           *self,
            SoupServerMessage *message,
            const char        *path)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  const char *if_match = soup_message_headers_get_one (headers, "If-Match");
  const char *if_none_match = soup_message_headers_get_one (headers, "If-None-Match");
  const char *etag = g_hash_table_lookup (self->etags, path);
  g_autoptr(GBytes) content = soup_message_body_flatten (body);
  gboolean existed = g_hash_table_contains (self->files, path);
  char *new_etag;

  if (applies_to (self, path) && !g_queue_is_empty (&self->put_statuses))
    return GPOINTER_TO_UINT (g_queue_pop_head (&self->put_statuses));
  if (g_strcmp0 (if_none_match, "*") == 0 && existed)
    return SOUP_STATUS_PRECONDITION_FAILED;
  if (if_match != NULL && g_strcmp0 (if_match, etag) != 0)
    return SOUP_STATUS_PRECONDITION_FAILED;

  new_etag = g_strdup_printf ("\"%u\"", ++self->next_etag);
  g_hash_table_replace (self->files, g_strdup (path), g_bytes_ref (content));
  g_hash_table_replace (self->etags, g_strdup (path), new_etag);
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "ETag", new_etag);

  return existed ? SOUP_STATUS_NO_CONTENT : SOUP_STATUS_CREATED;
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  FakeDav *self = user_data;
  const char *method = soup_server_message_get_method (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);
  guint status = SOUP_STATUS_NOT_FOUND;
  gboolean truncate = FALSE;
  guint delay = 0;

  g_mutex_lock (&self->lock);

  if (self->every_status != 0)
    status = self->every_status;
  else if (self->redirect_from != NULL && g_str_has_prefix (path, self->redirect_from))
    {
      g_autofree char *location = g_strconcat (self->url, FOLDER + 1, path + strlen (self->redirect_from), NULL);

      soup_message_headers_replace (response_headers, "Location", location);
      status = SOUP_STATUS_TEMPORARY_REDIRECT;
    }
  else if (g_str_equal (method, "PROPFIND") && g_str_equal (path, FOLDER))
    {
      static const char multistatus[] =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>" FOLDER "</D:href>"
        "<D:propstat><D:prop><D:resourcetype><D:collection/></D:resourcetype></D:prop>"
        "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>\n";

      soup_server_message_set_response (message, "application/xml; charset=utf-8", SOUP_MEMORY_STATIC,
                                        multistatus, strlen (multistatus));
      status = SOUP_STATUS_MULTI_STATUS;
    }
  else if (g_str_equal (method, "PUT") && g_str_has_prefix (path, FOLDER))
    {
      self->n_puts++;
      if (self->n_puts >= MAX (self->cancel_at_put, 1))
        {
          if (self->cancel_on_put != NULL)
            g_cancellable_cancel (self->cancel_on_put);
          delay = self->slow_ms;
        }
      status = handle_put (self, message, path);
      truncate = self->truncate_puts && applies_to (self, path);
    }
  else if ((g_str_equal (method, "GET") || g_str_equal (method, "HEAD")) && g_hash_table_contains (self->files, path))
    {
      GBytes *content = g_hash_table_lookup (self->files, path);

      soup_message_headers_replace (response_headers, "ETag", g_hash_table_lookup (self->etags, path));
      soup_server_message_set_response (message, "application/octet-stream", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (content, NULL), g_bytes_get_size (content));
      status = SOUP_STATUS_OK;
    }
  else if (g_str_equal (method, "DELETE") && g_hash_table_contains (self->files, path))
    {
      g_hash_table_remove (self->files, path);
      g_hash_table_remove (self->etags, path);
      status = SOUP_STATUS_NO_CONTENT;
    }

  log_request (self, method, path, truncate ? 0 : status);
  g_mutex_unlock (&self->lock);

  if (truncate)
    {
      answer_truncated (message);
      return;
    }
  soup_server_message_set_status (message, status, NULL);
  if (delay > 0)
    {
      /* On the server's own context; the message is kept until then even
       * when the client gave up on it. */
      g_autoptr(GSource) source = g_timeout_source_new (delay);

      soup_server_message_pause (message);
      g_source_set_callback (source, on_slow_answer_cb, g_object_ref (message), g_object_unref);
      g_source_attach (source, self->context);
    }
}

static gpointer
run_server (gpointer data)
{
  FakeDav *self = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, on_request_cb, self, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);

  g_mutex_lock (&self->lock);
  self->port = g_uri_get_port (uris->data);
  self->url = g_strdup_printf ("http://127.0.0.1:%u/", self->port);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (server);
  g_clear_object (&server);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static FakeDav *
fake_dav_start (void)
{
  FakeDav *self = g_new0 (FakeDav, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->put_statuses);
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->log = g_ptr_array_new_with_free_func (g_free);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("fake-dav", run_server, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  return self;
}

static void
fake_dav_set_faults (FakeDav    *self,
                     const char *fault_name,
                     ...)
{
  va_list args;
  guint status;

  g_mutex_lock (&self->lock);
  self->fault_name = fault_name;
  g_queue_clear (&self->put_statuses);
  va_start (args, fault_name);
  while ((status = va_arg (args, guint)) != 0)
    g_queue_push_tail (&self->put_statuses, GUINT_TO_POINTER (status));
  va_end (args);
  g_mutex_unlock (&self->lock);
}

static void
fake_dav_stop (FakeDav *self)
{
  g_main_loop_quit (self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_hash_table_unref (self->files);
  g_hash_table_unref (self->etags);
  g_ptr_array_unref (self->log);
  g_queue_clear (&self->put_statuses);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->url);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeDav, fake_dav_stop)

/* Fixtures */

static LiaTestPublish *
new_publish (FakeDav    *dav,
             const char *folder)
{
  g_autofree char *url = g_strconcat (dav->url, folder, NULL);
  LiaTestPublish *publish = lia_test_publish_new (LIA_TARGET_WEBDAV, url);

  lia_test_publish_add_event (publish, "Story time", 3);
  lia_test_publish_add_event (publish, "Book sale", 10);

  return publish;
}

/* The server holds each file exactly as its record says was sent. */
static void
assert_published (FakeDav        *dav,
                  LiaTestPublish *publish)
{
  g_assert_cmpuint (count_files (dav), ==, N_FILES);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(GBytes) content = dup_file (dav, feed_files[i]);
      g_autoptr(LiaPublishRecord) record = lia_test_publish_get_record (publish, feed_files[i]);
      g_autofree char *hash = NULL;

      g_assert_nonnull (content);
      g_assert_nonnull (record);
      hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
      g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_OK);
      g_assert_cmpstr (record->content_hash, ==, hash);
    }
}

static gboolean
report_mentions (LiaPublishReport *report,
                 const char       *text)
{
  if (report->message != NULL && strstr (report->message, text) != NULL)
    return TRUE;
  for (guint i = 0; i < report->lines->len; i++)
    {
      LiaPublishLogLine *line = g_ptr_array_index (report->lines, i);

      if (line->message != NULL && strstr (line->message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Tests */

static void
test_retry_then_done (void)
{
  g_autoptr(FakeDav) dav = fake_dav_start ();
  g_autoptr(LiaTestPublish) publish = new_publish (dav, "dav/");
  g_autoptr(LiaPublishReport) report = NULL;

  fake_dav_set_faults (dav, LIA_FEED_ICS, 500, 503, 0);
  report = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (report->n_done, ==, N_FILES);
  g_assert_cmpuint (count_requests (dav, "PUT", LIA_FEED_ICS, 500), ==, 1);
  g_assert_cmpuint (count_requests (dav, "PUT", LIA_FEED_ICS, 503), ==, 1);
  g_assert_cmpuint (count_requests (dav, "PUT", LIA_FEED_ICS, 201), ==, 1);
  g_assert_cmpuint (count_requests (dav, "PUT", NULL, 0), ==, N_FILES + 2);
  g_assert_cmpuint (report->n_retries, ==, 2);
  assert_published (dav, publish);
}

static void
test_unauthorized_stops (void)
{
  g_autoptr(FakeDav) dav = fake_dav_start ();
  g_autoptr(LiaTestPublish) publish = new_publish (dav, "dav/");
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishReport) second = NULL;

  /* Refused at the first request: nothing else is sent. */
  dav->every_status = SOUP_STATUS_UNAUTHORIZED;
  report = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_FAILED);
  g_assert_nonnull (report->message);
  g_assert_nonnull (strstr (report->message, "Library website"));
  g_assert_cmpuint (report->n_done, ==, 0);
  g_assert_cmpuint (count_requests (dav, NULL, NULL, 0), ==, 1);
  g_assert_cmpuint (count_files (dav), ==, 0);

  /* Refused at the first PUT, one step at a time: the run stops there. */
  dav->every_status = 0;
  publish->options.max_in_flight = 1;
  fake_dav_set_faults (dav, NULL, SOUP_STATUS_UNAUTHORIZED, 0);
  second = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_FAILED);
  g_assert_nonnull (strstr (second->message, "Library website"));
  g_assert_cmpuint (count_requests (dav, "PUT", NULL, 0), ==, 1);
  g_assert_cmpuint (count_files (dav), ==, 0);
  g_assert_cmpuint (second->n_done, ==, 0);
  g_assert_cmpuint (second->n_pending, ==, N_FILES);
}

static void
test_precondition_conflict (void)
{
  g_autoptr(FakeDav) dav = fake_dav_start ();
  g_autoptr(LiaTestPublish) publish = new_publish (dav, "dav/");
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishRecord) record = NULL;

  fake_dav_set_faults (dav, LIA_FEED_JSON, SOUP_STATUS_PRECONDITION_FAILED, 0);
  report = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  g_assert_cmpuint (report->n_conflicts, ==, 1);
  g_assert_cmpuint (report->n_done, ==, N_FILES - 1);
  /* Not retried: a conflict waits for the user. */
  g_assert_cmpuint (count_requests (dav, "PUT", LIA_FEED_JSON, 0), ==, 1);
  record = lia_test_publish_get_record (publish, LIA_FEED_JSON);
  g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_CONFLICT);
  g_assert_null (dup_file (dav, LIA_FEED_JSON));
}

static void
test_slow_cancel (void)
{
  g_autoptr(FakeDav) dav = fake_dav_start ();
  g_autoptr(LiaTestPublish) publish = new_publish (dav, "dav/");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  gint64 started = g_get_monotonic_time ();

  /* The server thread cancels as the first PUT arrives, and answers it
   * (stored) only seconds later. */
  dav->slow_ms = 3000;
  dav->cancel_on_put = cancellable;
  report = lia_test_publish_run (publish, cancellable);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_CANCELLED);
  g_assert_cmpuint (report->n_done, ==, 0);
  g_assert_cmpuint (report->n_pending, ==, N_FILES);
  g_assert_nonnull (report->message);
  /* Cancelling did not wait for the slow answers. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(LiaPublishRecord) record = lia_test_publish_get_record (publish, feed_files[i]);

      g_assert_true (record == NULL || record->state == LIA_PUBLISH_STATE_PENDING);
    }

  /* Again, with a quick server: what landed is recognised, nothing is
   * duplicated or taken for a conflict. */
  dav->slow_ms = 0;
  dav->cancel_on_put = NULL;
  second = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (second->n_done, ==, N_FILES);
  g_assert_cmpuint (second->n_conflicts, ==, 0);
  assert_published (dav, publish);
}

static void
test_truncated_answer (void)
{
  g_autoptr(FakeDav) dav = fake_dav_start ();
  g_autoptr(LiaTestPublish) publish = new_publish (dav, "dav/");
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(LiaPublishRecord) record = NULL;

  dav->fault_name = LIA_FEED_RSS;
  dav->truncate_puts = TRUE;
  report = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  g_assert_cmpuint (report->n_done, ==, N_FILES - 1);
  g_assert_cmpuint (report->n_pending, ==, 1);
  g_assert_true (report_mentions (report, "cut short") || report_mentions (report, "broke"));
  /* Tried again (passing), then left for next time. */
  g_assert_cmpuint (count_requests (dav, "PUT", LIA_FEED_RSS, 0), >, 1);
  record = lia_test_publish_get_record (publish, LIA_FEED_RSS);
  g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_PENDING);

  /* The server had stored it: the next run finds it there, as ours. */
  dav->truncate_puts = FALSE;
  second = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (second->n_done, ==, 1);
  g_assert_cmpuint (second->n_conflicts, ==, 0);
  assert_published (dav, publish);
}

/* An update stored but its answer lost: the next run's If-Match names the
 * copy before it, the server answers 412, and the job reads the file
 * back: it is ours, so the step is done, not a conflict. */
static void
test_truncated_update (void)
{
  g_autoptr(FakeDav) dav = fake_dav_start ();
  g_autofree char *url = g_strconcat (dav->url, "dav/", NULL);
  g_autoptr(LiaTestPublish) publish = lia_test_publish_new (LIA_TARGET_WEBDAV, url);
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) cut = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  gint64 id;

  id = lia_test_publish_add_event (publish, "Story time", 3);
  lia_test_publish_add_event (publish, "Book sale", 10);
  first = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (first->state, ==, LIA_PUBLISH_RUN_OK);

  lia_test_publish_retitle_event (publish, id, "Story time for toddlers");
  dav->fault_name = LIA_FEED_RSS;
  dav->truncate_puts = TRUE;
  cut = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (cut->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  g_assert_cmpuint (cut->n_pending, ==, 1);

  dav->truncate_puts = FALSE;
  second = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (second->n_done, ==, 1);
  g_assert_cmpuint (second->n_conflicts, ==, 0);
  g_assert_cmpuint (count_requests (dav, "PUT", LIA_FEED_RSS, SOUP_STATUS_PRECONDITION_FAILED), ==, 1);
  assert_published (dav, publish);
}

static void
test_connection_refused (void)
{
  g_autoptr(LiaTestPublish) publish = NULL;
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A port that was free a moment ago and nobody listens on. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u/dav/", port);

  publish = lia_test_publish_new (LIA_TARGET_WEBDAV, url);
  lia_test_publish_add_event (publish, "Story time", 3);
  publish->options.max_attempts = 3;
  report = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (report->state, !=, LIA_PUBLISH_RUN_OK);
  g_assert_cmpint (report->state, !=, LIA_PUBLISH_RUN_CANCELLED);
  g_assert_cmpuint (report->n_done, ==, 0);
  g_assert_cmpuint (report->n_pending, ==, N_FILES);
  g_assert_true (report_mentions (report, "Could not connect"));
  /* Retried before giving up. */
  g_assert_cmpuint (report->n_requests, ==, 3);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(LiaPublishRecord) record = lia_test_publish_get_record (publish, feed_files[i]);

      g_assert_true (record == NULL || record->state == LIA_PUBLISH_STATE_PENDING);
    }
}

static void
test_redirect_followed (void)
{
  g_autoptr(FakeDav) dav = fake_dav_start ();
  g_autoptr(LiaTestPublish) publish = new_publish (dav, "old/");
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishRecord) record = NULL;
  g_autofree char *href = NULL;

  dav->redirect_from = "/old/";
  report = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (report->n_done, ==, N_FILES);
  g_assert_cmpuint (count_requests (dav, "PUT", NULL, SOUP_STATUS_TEMPORARY_REDIRECT), ==, N_FILES);
  g_assert_cmpuint (count_requests (dav, "PUT", NULL, SOUP_STATUS_CREATED), ==, N_FILES);
  assert_published (dav, publish);
  record = lia_test_publish_get_record (publish, LIA_FEED_ICS);
  href = g_strconcat (dav->url, "dav/", LIA_FEED_ICS, NULL);
  g_assert_cmpstr (record->remote_href, ==, href);
}

static void
test_tls_to_plain_port (void)
{
  g_autoptr(FakeDav) dav = fake_dav_start ();
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%u/dav/", dav->port);
  g_autoptr(LiaTestPublish) publish = lia_test_publish_new (LIA_TARGET_WEBDAV, url);
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaHttp) http = NULL;
  g_autoptr(GBytes) body = NULL;

  lia_test_publish_add_event (publish, "Story time", 3);
  /* The server waits for a request's end that never comes, and the client
   * for a TLS answer: a timeout, kept short. */
  publish->options.max_attempts = 2;
  publish->options.timeout_seconds = 2;
  report = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (report->state, !=, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (report->n_done, ==, 0);
  g_assert_cmpuint (report->n_pending, ==, N_FILES);
  g_assert_cmpuint (count_files (dav), ==, 0);
  g_assert_cmpuint (count_requests (dav, "PUT", NULL, 0), ==, 0);

  /* The request itself fails with a security or passing error, never
   * succeeds by ignoring TLS. */
  http = lia_http_new (url, NULL, NULL, &error);
  g_assert_no_error (error);
  lia_http_set_timeout (http, 2);
  body = lia_http_send (http, "GET", url, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (body);
  g_assert_true (g_error_matches (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_INSECURE)
                 || g_error_matches (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT));
}

static void
test_password_over_plain_http (void)
{
  g_autoptr(LiaTestPublish) publish = NULL;
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaHttp) http = NULL;

  /* 192.0.2.0/24 is for documentation: nothing would answer anyway. */
  http = lia_http_new ("http://192.0.2.10/dav/", "librarian", "secret", &error);
  g_assert_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_INSECURE);
  g_assert_null (http);
  g_clear_error (&error);

  publish = lia_test_publish_new (LIA_TARGET_WEBDAV, "http://192.0.2.10/dav/");
  lia_test_publish_add_event (publish, "Story time", 3);
  publish->target->username = g_strdup ("librarian");
  g_assert_true (lia_target_save (publish->target, publish->database, &error));
  g_assert_no_error (error);
  publish->options.password = "secret";
  report = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_FAILED);
  g_assert_cmpuint (report->n_requests, ==, 0);
  g_assert_nonnull (report->message);
  g_assert_nonnull (strstr (report->message, "Library website"));
  g_assert_nonnull (strstr (report->message, "192.0.2.10"));
}

/* Cancelled while the third step is on the wire, one step at a time: two
 * files are done, the third landed on the server without our knowing,
 * two were never sent. The restarted run ends with each file once. */
static void
test_killed_midway (void)
{
  g_autoptr(FakeDav) dav = fake_dav_start ();
  g_autoptr(LiaTestPublish) publish = new_publish (dav, "dav/");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  guint n_ok = 0;

  publish->options.max_in_flight = 1;
  dav->cancel_on_put = cancellable;
  dav->cancel_at_put = 3;
  dav->slow_ms = 1000;
  report = lia_test_publish_run (publish, cancellable);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_CANCELLED);
  g_assert_cmpuint (report->n_done, ==, 2);
  g_assert_cmpuint (report->n_pending, ==, N_FILES - 2);
  g_assert_cmpuint (count_requests (dav, "PUT", NULL, 0), ==, 3);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(LiaPublishRecord) record = lia_test_publish_get_record (publish, feed_files[i]);

      if (record != NULL && record->state == LIA_PUBLISH_STATE_OK)
        n_ok++;
    }
  g_assert_cmpuint (n_ok, ==, 2);

  /* Restarted: the two done are not sent again; the one that landed is
   * found to be ours, not a conflict. */
  dav->cancel_on_put = NULL;
  dav->slow_ms = 0;
  publish->options.max_in_flight = 0;
  second = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (second->n_done, ==, N_FILES - 2);
  g_assert_cmpuint (second->n_conflicts, ==, 0);
  assert_published (dav, publish);
  g_assert_cmpuint (count_requests (dav, "PUT", feed_files[0], 0), ==, 1);
  g_assert_cmpuint (count_requests (dav, "PUT", feed_files[1], 0), ==, 1);
  g_assert_cmpuint (count_requests (dav, "PUT", NULL, 0), ==, 3 + N_FILES - 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publish-faults/retry-then-done", test_retry_then_done);
  g_test_add_func ("/publish-faults/unauthorized-stops", test_unauthorized_stops);
  g_test_add_func ("/publish-faults/precondition-conflict", test_precondition_conflict);
  g_test_add_func ("/publish-faults/slow-cancel", test_slow_cancel);
  g_test_add_func ("/publish-faults/truncated-answer", test_truncated_answer);
  g_test_add_func ("/publish-faults/truncated-update", test_truncated_update);
  g_test_add_func ("/publish-faults/connection-refused", test_connection_refused);
  g_test_add_func ("/publish-faults/redirect-followed", test_redirect_followed);
  g_test_add_func ("/publish-faults/tls-to-plain-port", test_tls_to_plain_port);
  g_test_add_func ("/publish-faults/password-over-plain-http", test_password_over_plain_http);
  g_test_add_func ("/publish-faults/killed-midway", test_killed_midway);

  return g_test_run ();
}
