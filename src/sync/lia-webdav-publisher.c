/* lia-webdav-publisher.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A WebDAV target: the feed files PUT into a WebDAV folder (Apache
 * mod_dav, nginx, Nextcloud). A new file is sent with If-None-Match: *,
 * a changed one with If-Match on the ETag we last saw, so a copy someone
 * else changed answers 412 and becomes a conflict instead of being
 * overwritten.
 *
 * What servers do shapes this file:
 * - Apache gives a weak ETag (W/"...") for a file written in the current
 *   second, and a weak ETag never matches If-Match. We keep only strong
 *   ETags; an update without one first reads the file back and compares
 *   it with what we last sent.
 * - nginx ignores If-Match and If-None-Match on PUT and overwrites. The
 *   records still keep every file once (files are named, never
 *   duplicated), but a change someone made there is only noticed when
 *   we have no ETag and read the file back; with an ETag we trust the
 *   precondition, as checking it ourselves would cost a request per file.
 * - A retried PUT whose first attempt was stored but whose answer was
 *   lost gets 412: the job reads the file back (fetch_remote), and when it
 *   already holds what we send the step is done, not a conflict.
 * - Redirects (a moved folder) are followed by lia_http_send() for every
 *   method; the record keeps the address that answered.
 */

#define G_LOG_DOMAIN "lia-webdav-publisher"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-publisher.h"

#define LIA_TYPE_WEBDAV_PUBLISHER (lia_webdav_publisher_get_type ())
G_DECLARE_FINAL_TYPE (LiaWebdavPublisher, lia_webdav_publisher, LIA, WEBDAV_PUBLISHER, GObject)

struct _LiaWebdavPublisher
{
  GObject            parent_instance;

  /* Owned */
  LiaTarget         *target;
  LiaHttp           *http;
  LiaPublishContext  context;
  char              *library_name;
  char              *time_zone;
  char              *folder_url;   /* the target's url, ending with '/' */
};

static void lia_webdav_publisher_iface_init (LiaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaWebdavPublisher, lia_webdav_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_PUBLISHER,
                                                      lia_webdav_publisher_iface_init))

/* lia_http_send(), which follows redirects for every method; *@url_out
 * is where the request was finally answered (a moved folder). */
static GBytes *
send_following (LiaWebdavPublisher  *self,
                const char          *method,
                const char          *url,
                const char * const  *headers,
                GBytes              *body,
                const char          *content_type,
                SoupMessage        **message_out,
                char               **url_out,
                GCancellable        *cancellable,
                GError             **error)
{
  GBytes *response;

  response = lia_http_send (self->http, method, url, headers, body, content_type,
                            message_out, cancellable, error);
  if (response != NULL && url_out != NULL)
    *url_out = g_uri_to_string (soup_message_get_uri (*message_out));

  return response;
}

static char *
dup_file_url (LiaWebdavPublisher *self,
              const char         *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);

  return g_strconcat (self->folder_url, escaped, NULL);
}

/* The message's ETag when it is strong: a weak one never matches If-Match. */
static char *
dup_strong_etag (SoupMessage *message)
{
  const char *etag;

  if (message == NULL)
    return NULL;
  etag = soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag");
  if (etag == NULL || g_str_has_prefix (etag, "W/") || *etag != '"')
    return NULL;
  return g_strdup (etag);
}

static gboolean
is_status (SoupMessage *message,
           guint        status)
{
  return soup_message_get_status (message) == status;
}

/* GET @url: its body, its strong ETag (or NULL) and whether it exists. */
static GBytes *
get_file (LiaWebdavPublisher  *self,
          const char          *url,
          char               **etag,
          gboolean            *exists,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;

  body = lia_http_send (self->http, "GET", url, NULL, NULL, NULL, &message, cancellable, error);
  if (body == NULL)
    return NULL;
  if (is_status (message, SOUP_STATUS_NOT_FOUND) || is_status (message, SOUP_STATUS_GONE))
    {
      *exists = FALSE;
      return g_bytes_new (NULL, 0);
    }
  if (!lia_http_check_status (message, error))
    return NULL;

  *exists = TRUE;
  if (etag != NULL)
    *etag = dup_strong_etag (message);
  return g_steal_pointer (&body);
}

/* The strong ETag of @url now, by HEAD; NULL when the server gives only a
 * weak one (or none). */
static char *
head_etag (LiaWebdavPublisher *self,
           const char         *url,
           GCancellable       *cancellable)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = lia_http_send (self->http, "HEAD", url, NULL, NULL, NULL, &message, cancellable, &error);
  if (body == NULL || !lia_http_check_status (message, NULL))
    return NULL;
  return dup_strong_etag (message);
}

static gboolean
content_equals (GBytes     *content,
                const char *hash)
{
  g_autofree char *content_hash = NULL;

  if (hash == NULL)
    return FALSE;
  content_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  return g_strcmp0 (content_hash, hash) == 0;
}

static void
set_conflict (GError     **error,
              const char  *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_CONFLICT,
               _("Someone changed %s on the server since Liaison last published it."),
               uri != NULL ? g_uri_get_path (uri) : url);
}

static gboolean
put_file (LiaWebdavPublisher    *self,
          const LiaPublishStep  *step,
          const char            *url,
          LiaPublishResult      *result,
          GCancellable          *cancellable,
          GError               **error)
{
  const LiaPublishRecord *record = step->record;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *final_url = NULL;
  const char *headers[3] = { NULL, NULL, NULL };

  if (step->action == LIA_PUBLISH_CREATE || record == NULL || record->content_hash == NULL)
    {
      headers[0] = "If-None-Match";
      headers[1] = "*";
    }
  else if (record->remote_etag != NULL)
    {
      headers[0] = "If-Match";
      headers[1] = record->remote_etag;
    }
  else
    {
      /* No strong ETag was kept (Apache's weak one right after a write, or
       * a server without ETags): read the file back, and go on only when it
       * is still what we last sent. */
      g_autoptr(GBytes) remote = NULL;
      gboolean exists = FALSE;

      remote = get_file (self, url, &etag, &exists, cancellable, error);
      if (remote == NULL)
        return FALSE;
      if (!exists)
        {
          headers[0] = "If-None-Match";
          headers[1] = "*";
        }
      else if (!content_equals (remote, record->content_hash)
               && !content_equals (remote, step->item->content_hash))
        {
          set_conflict (error, url);
          return FALSE;
        }
      else if (etag != NULL)
        {
          headers[0] = "If-Match";
          headers[1] = etag;
        }
    }

  body = send_following (self, "PUT", url, headers, step->item->content, step->item->content_type,
                         &message, &final_url, cancellable, error);
  if (body == NULL)
    return FALSE;
  /* Said even when the PUT fails: the job reads it back after a 412. */
  result->remote_href = g_steal_pointer (&final_url);
  if (!lia_http_check_status (message, error))
    return FALSE;

  result->remote_etag = dup_strong_etag (message);
  if (result->remote_etag == NULL)
    result->remote_etag = head_etag (self, result->remote_href, cancellable);
  return TRUE;
}

static gboolean
delete_file (LiaWebdavPublisher    *self,
             const LiaPublishStep  *step,
             const char            *url,
             LiaPublishResult      *result,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *headers[3] = { NULL, NULL, NULL };

  if (step->record->remote_etag != NULL)
    {
      headers[0] = "If-Match";
      headers[1] = step->record->remote_etag;
    }

  body = send_following (self, "DELETE", url, headers, NULL, NULL, &message,
                         &result->remote_href, cancellable, error);
  if (body == NULL)
    return FALSE;
  /* Already gone is what we wanted. */
  if (!is_status (message, SOUP_STATUS_NOT_FOUND) && !is_status (message, SOUP_STATUS_GONE)
      && !lia_http_check_status (message, error))
    return FALSE;

  return TRUE;
}

static GPtrArray *
lia_webdav_publisher_build_items (LiaPublisher  *publisher,
                                  LiaStore      *store,
                                  GArray        *event_ids,
                                  GError       **error)
{
  LiaWebdavPublisher *self = LIA_WEBDAV_PUBLISHER (publisher);

  return lia_publisher_build_feed_files (self->target, &self->context, store, event_ids, error);
}

/* The folder must exist before the first PUT: PROPFIND it, and make it
 * (MKCOL) when it is missing. Also the first request with the
 * credentials, so a refused password stops the run here. */
static gboolean
lia_webdav_publisher_prepare (LiaPublisher  *publisher,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LiaWebdavPublisher *self = LIA_WEBDAV_PUBLISHER (publisher);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(SoupMessage) mkcol = NULL;
  g_autoptr(GBytes) body = NULL;
  const char * const headers[] = { "Depth", "0", NULL };

  /* Without a body (all properties, RFC 4918 9.1: one resource at Depth
   * 0): libsoup 3.2 follows a redirect of a PROPFIND, but re-sending a
   * body after one hangs until the timeout. */
  body = lia_http_send (self->http, "PROPFIND", self->folder_url, headers, NULL, NULL,
                        &message, cancellable, error);
  if (body == NULL)
    return FALSE;
  if (!is_status (message, SOUP_STATUS_NOT_FOUND))
    {
      /* A server without PROPFIND (405, 501) may still take PUTs. */
      if (is_status (message, SOUP_STATUS_METHOD_NOT_ALLOWED)
          || is_status (message, SOUP_STATUS_NOT_IMPLEMENTED))
        return TRUE;
      return lia_http_check_status (message, error);
    }

  g_clear_pointer (&body, g_bytes_unref);
  body = send_following (self, "MKCOL", self->folder_url, NULL, NULL, NULL, &mkcol, NULL,
                         cancellable, error);
  if (body == NULL)
    return FALSE;
  if (is_status (mkcol, SOUP_STATUS_CONFLICT) || is_status (mkcol, SOUP_STATUS_NOT_FOUND)
      || is_status (mkcol, SOUP_STATUS_METHOD_NOT_ALLOWED))
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                   _("the folder %s does not exist and the server would not create it (%u %s)."),
                   self->folder_url,
                   soup_message_get_status (mkcol), soup_message_get_reason_phrase (mkcol));
      return FALSE;
    }

  return lia_http_check_status (mkcol, error);
}

static gboolean
lia_webdav_publisher_apply (LiaPublisher          *publisher,
                            const LiaPublishStep  *step,
                            LiaPublishResult      *result,
                            GCancellable          *cancellable,
                            GError               **error)
{
  LiaWebdavPublisher *self = LIA_WEBDAV_PUBLISHER (publisher);
  const char *name = step->item != NULL ? step->item->item : step->record->item;
  g_autofree char *url = dup_file_url (self, name);

  if (step->action == LIA_PUBLISH_DELETE)
    return delete_file (self, step, url, result, cancellable, error);

  g_return_val_if_fail (step->item != NULL, FALSE);
  return put_file (self, step, url, result, cancellable, error);
}

static GBytes *
lia_webdav_publisher_fetch_remote (LiaPublisher            *publisher,
                                   const LiaPublishRecord  *record,
                                   char                   **etag,
                                   GCancellable            *cancellable,
                                   GError                 **error)
{
  LiaWebdavPublisher *self = LIA_WEBDAV_PUBLISHER (publisher);
  g_autofree char *url = dup_file_url (self, record->item);
  g_autofree char *strong = NULL;
  g_autoptr(GBytes) remote = NULL;
  gboolean exists = FALSE;

  remote = get_file (self, url, &strong, &exists, cancellable, error);
  if (remote == NULL)
    return NULL;
  if (!exists)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                   _("%s is no longer on the server."),
                   uri != NULL ? g_uri_get_path (uri) : url);
      return NULL;
    }

  if (etag != NULL)
    *etag = g_steal_pointer (&strong);
  return g_steal_pointer (&remote);
}

static void
lia_webdav_publisher_iface_init (LiaPublisherInterface *iface)
{
  iface->build_items = lia_webdav_publisher_build_items;
  iface->prepare = lia_webdav_publisher_prepare;
  iface->apply = lia_webdav_publisher_apply;
  iface->fetch_remote = lia_webdav_publisher_fetch_remote;
}

static void
lia_webdav_publisher_finalize (GObject *object)
{
  LiaWebdavPublisher *self = (LiaWebdavPublisher *)object;

  g_clear_pointer (&self->target, lia_target_free);
  g_clear_object (&self->http);
  g_clear_pointer (&self->library_name, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->folder_url, g_free);

  G_OBJECT_CLASS (lia_webdav_publisher_parent_class)->finalize (object);
}

static void
lia_webdav_publisher_class_init (LiaWebdavPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_webdav_publisher_finalize;
}

static void
lia_webdav_publisher_init (LiaWebdavPublisher *self)
{
}

/**
 * lia_webdav_publisher_new:
 * @target: a WebDAV target (its url the folder's, http or https)
 * @http: the run's session
 * @context: the library's name, zone and refresh interval (copied)
 *
 * Returns: (transfer full): the publisher of @target
 */
LiaPublisher *
lia_webdav_publisher_new (const LiaTarget         *target,
                          LiaHttp                 *http,
                          const LiaPublishContext *context)
{
  LiaWebdavPublisher *self;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (target->url != NULL, NULL);
  g_return_val_if_fail (LIA_IS_HTTP (http), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  self = g_object_new (LIA_TYPE_WEBDAV_PUBLISHER, NULL);
  self->target = lia_target_copy (target);
  self->http = g_object_ref (http);
  self->library_name = g_strdup (context->library_name);
  self->time_zone = g_strdup (context->time_zone);
  self->context = *context;
  self->context.library_name = self->library_name;
  self->context.time_zone = self->time_zone;
  self->folder_url = g_str_has_suffix (target->url, "/")
                     ? g_strdup (target->url) : g_strconcat (target->url, "/", NULL);

  return LIA_PUBLISHER (self);
}
