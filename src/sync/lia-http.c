/* lia-http.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SoupSession per run. Several steps are in flight at once, each on
 * its own thread with the blocking API, which libsoup allows from 3.2 on
 * once the session is set up; over HTTP/1.1 keep-alive that is a few
 * connections reused for the whole run.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-http.h"
#include "lia-publisher.h"

#define DEFAULT_TIMEOUT 30
#define MAX_CONNECTIONS 8
#define MAX_REDIRECTS 5

struct _LiaHttp
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *authorization;  /* "Basic ..." or NULL */
  guint        n_requests;     /* atomic */
};

G_DEFINE_FINAL_TYPE (LiaHttp, lia_http, G_TYPE_OBJECT)

static void
lia_http_finalize (GObject *object)
{
  LiaHttp *self = (LiaHttp *)object;

  g_clear_object (&self->session);
  g_free (self->base_url);
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_free (self->authorization);

  G_OBJECT_CLASS (lia_http_parent_class)->finalize (object);
}

static void
lia_http_class_init (LiaHttpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_http_finalize;
}

static void
lia_http_init (LiaHttp *self)
{
}

static gboolean
is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

LiaHttp *
lia_http_new (const char  *base_url,
              const char  *username,
              const char  *password,
              GError     **error)
{
  g_autoptr(LiaHttp) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *user_agent = NULL;
  const char *scheme;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, &local_error)) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_FAILED,
                   _("“%s” is not a web address."), base_url);
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_FAILED,
                   _("“%s” is not an http or https address."), base_url);
      return NULL;
    }
  /* A password over plain HTTP can be read by anyone on the way; only a
   * server on this very machine is exempt. */
  if (username != NULL && *username != '\0' && g_ascii_strcasecmp (scheme, "http") == 0 && !is_loopback (uri))
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_INSECURE,
                   _("Liaison will not send a password over plain http to %s: anyone on the way could read "
                     "it. Use the server’s https:// address."),
                   g_uri_get_host (uri));
      return NULL;
    }

  self = g_object_new (LIA_TYPE_HTTP, NULL);
  user_agent = g_strdup_printf ("Liaison/%s ", PACKAGE_VERSION);
  /* TLS errors are never ignored: libsoup 3 fails the request on an
   * untrusted certificate unless accept-certificate is handled, and it
   * is not. */
  self->session = soup_session_new_with_options ("max-conns", MAX_CONNECTIONS * 2,
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 "timeout", DEFAULT_TIMEOUT,
                                                 "idle-timeout", 60,
                                                 "user-agent", user_agent,
                                                 NULL);
  self->base_url = g_strdup (base_url);
  if (username != NULL && *username != '\0')
    {
      g_autofree char *pair = g_strdup_printf ("%s:%s", username, password != NULL ? password : "");
      g_autofree char *encoded = g_base64_encode ((const guchar *)pair, strlen (pair));

      self->authorization = g_strdup_printf ("Basic %s", encoded);
      memset (pair, 0, strlen (pair));
    }

  return g_steal_pointer (&self);
}

SoupSession *
lia_http_get_session (LiaHttp *self)
{
  g_return_val_if_fail (LIA_IS_HTTP (self), NULL);

  return self->session;
}

const char *
lia_http_get_base_url (LiaHttp *self)
{
  g_return_val_if_fail (LIA_IS_HTTP (self), NULL);

  return self->base_url;
}

void
lia_http_set_timeout (LiaHttp *self,
                      guint    seconds)
{
  g_return_if_fail (LIA_IS_HTTP (self));

  soup_session_set_timeout (self->session, seconds);
}

guint
lia_http_get_n_requests (LiaHttp *self)
{
  g_return_val_if_fail (LIA_IS_HTTP (self), 0);

  return (guint)g_atomic_int_get (&self->n_requests);
}

char *
lia_http_resolve (const char *base,
                  const char *href)
{
  g_autoptr(GUri) base_uri = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (href != NULL, NULL);

  if (base == NULL || !(base_uri = g_uri_parse (base, SOUP_HTTP_URI_FLAGS, NULL)))
    return g_strdup (href);
  if (!(uri = g_uri_parse_relative (base_uri, href, SOUP_HTTP_URI_FLAGS, NULL)))
    return g_strdup (href);

  return g_uri_to_string (uri);
}

static gboolean
same_origin (const char *a,
             const char *b)
{
  g_autoptr(GUri) ua = g_uri_parse (a, SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GUri) ub = g_uri_parse (b, SOUP_HTTP_URI_FLAGS, NULL);

  return ua != NULL && ub != NULL &&
         g_ascii_strcasecmp (g_uri_get_scheme (ua), g_uri_get_scheme (ub)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (ua), g_uri_get_host (ub)) == 0 &&
         g_uri_get_port (ua) == g_uri_get_port (ub);
}

static char *
path_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  return g_strdup (uri != NULL ? g_uri_get_path (uri) : url);
}

static void
set_transport_error (GError      **error,
                     GError       *cause,
                     const char   *method,
                     const char   *url)
{
  g_autofree char *path = path_of (url);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, cause);
      return;
    }
  if (cause->domain == G_TLS_ERROR)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_INSECURE,
                   _("The secure connection to the server failed (%s). Check the address and the server’s "
                     "certificate; Liaison never sends anything over a connection it cannot trust."),
                   cause->message);
      g_error_free (cause);
      return;
    }
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (cause, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT,
                 _("Could not connect to the server (%s)."), cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT,
                 _("The server did not answer %s %s in time."), method, path);
  else
    g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT,
                 _("The connection broke during %s %s (%s)."), method, path, cause->message);
  g_error_free (cause);
}

GBytes *
lia_http_send (LiaHttp             *self,
               const char          *method,
               const char          *url,
               const char * const  *headers,
               GBytes              *body,
               const char          *content_type,
               SoupMessage        **message_out,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *request_headers;
  GBytes *response = NULL;
  goffset expected;

  g_return_val_if_fail (LIA_IS_HTTP (self), NULL);
  g_return_val_if_fail (method != NULL && url != NULL, NULL);

  absolute = lia_http_resolve (self->base_url, url);

  /* Redirects are followed here, not by libsoup: it follows them only for
   * GET-like methods (a PUT answered 307 would look done without being
   * stored) and stalls on a PROPFIND with a body. 307/308 repeat the
   * request with its body; 303 turns it into a GET. */
  for (guint hops = 0;; hops++)
    {
      const char *location;
      guint status;

      g_clear_object (&message);
      if (!(message = soup_message_new (method, absolute)))
        {
          g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_FAILED,
                       _("“%s” is not a web address."), absolute);
          return NULL;
        }
      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

      request_headers = soup_message_get_request_headers (message);
      /* Up front, so that a 401 never makes libsoup re-send a PUT without
       * its body (libsoup 3.2.3; see ENVIRONMENT.md); and only to the
       * target's own server. */
      if (self->authorization != NULL && same_origin (self->base_url, absolute))
        soup_message_headers_replace (request_headers, "Authorization", self->authorization);
      for (guint i = 0; headers != NULL && headers[i] != NULL && headers[i + 1] != NULL; i += 2)
        soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);
      if (body != NULL)
        soup_message_set_request_body_from_bytes (message, content_type, body);

      g_atomic_int_inc (&self->n_requests);
      g_clear_pointer (&response, g_bytes_unref);
      response = soup_session_send_and_read (self->session, message, cancellable, &local_error);
      if (response == NULL)
        {
          set_transport_error (error, g_steal_pointer (&local_error), method, absolute);
          return NULL;
        }

      status = soup_message_get_status (message);
      location = soup_message_headers_get_one (soup_message_get_response_headers (message), "Location");
      if (!SOUP_STATUS_IS_REDIRECTION (status) || status == SOUP_STATUS_NOT_MODIFIED ||
          location == NULL || hops >= MAX_REDIRECTS)
        break;

      {
        g_autofree char *next = lia_http_resolve (absolute, location);

        if (g_str_has_prefix (absolute, "https:") && !g_str_has_prefix (next, "https:"))
          {
            g_bytes_unref (response);
            g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_INSECURE,
                         _("The server sent Liaison from https to an insecure address (%s); nothing was sent "
                           "there."), next);
            return NULL;
          }
        g_free (absolute);
        absolute = g_steal_pointer (&next);
      }
      if (status == SOUP_STATUS_SEE_OTHER && g_strcmp0 (method, "HEAD") != 0)
        {
          method = "GET";
          body = NULL;
        }
    }

  /* A body cut short by a closed connection: libsoup may hand back what
   * arrived; the step is then not known to be done. */
  expected = soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  /* Content-Length counts the encoded bytes: libsoup hands back the body
   * decoded (Radicale gzips even a 20-byte 412), so only a body sent as it
   * is can be measured against it. */
  if (soup_message_headers_get_encoding (soup_message_get_response_headers (message)) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (soup_message_get_response_headers (message), "Content-Encoding") == NULL &&
      expected > 0 && (goffset)g_bytes_get_size (response) < expected && g_strcmp0 (method, "HEAD") != 0)
    {
      g_autofree char *path = path_of (absolute);

      g_bytes_unref (response);
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT,
                   _("The server’s answer to %s %s was cut short."), method, path);
      return NULL;
    }

  if (message_out != NULL)
    *message_out = g_steal_pointer (&message);

  return response;
}

gboolean
lia_http_check_status (SoupMessage  *message,
                       GError      **error)
{
  guint status;
  const char *method;
  g_autofree char *path = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (SOUP_IS_MESSAGE (message), FALSE);

  status = soup_message_get_status (message);
  if ((status >= 200 && status < 300) || status == SOUP_STATUS_NOT_MODIFIED)
    return TRUE;

  method = soup_message_get_method (message);
  path = g_strdup (g_uri_get_path (soup_message_get_uri (message)));
  reason = g_strdup (soup_message_get_reason_phrase (message) != NULL && *soup_message_get_reason_phrase (message)
                       ? soup_message_get_reason_phrase (message)
                       : soup_status_get_phrase (status));

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_AUTH,
                   _("the server refused the user name or password (%u %s). Check them in the target’s "
                     "settings."),
                   status, reason);
      return FALSE;
    case SOUP_STATUS_FORBIDDEN:
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_AUTH,
                   _("the server does not allow this user to write there (%u %s). Ask the website’s "
                     "administrator for write access."),
                   status, reason);
      return FALSE;
    case SOUP_STATUS_PRECONDITION_FAILED:
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_CONFLICT,
                   _("Someone changed %s on the server since Liaison last published it."), path);
      return FALSE;
    case SOUP_STATUS_REQUEST_TIMEOUT:
    case 429:
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT,
                   _("The server is busy (%s %s: %u %s)."), method, path, status, reason);
      return FALSE;
    default:
      break;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_REFUSED,
                   _("The server kept sending %s %s elsewhere (%u %s); check the target’s address."),
                   method, path, status, reason);
      return FALSE;
    }
  /* Below 100: libsoup's own failures, treated as passing. */
  if (status >= 500 || status < 100)
    g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT,
                 _("The server failed %s %s (%u %s)."), method, path, status, reason);
  else
    g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_REFUSED,
                 _("The server refused %s %s (%u %s)."), method, path, status, reason);

  return FALSE;
}
