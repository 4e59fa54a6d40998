/* lia-http.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one SoupSession of a publish run: keep-alive, several connections to
 * the host, a timeout, credentials sent up front, TLS errors never
 * ignored, and HTTP statuses turned into LIA_PUBLISH_ERRORs.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define LIA_TYPE_HTTP (lia_http_get_type ())
G_DECLARE_FINAL_TYPE (LiaHttp, lia_http, LIA, HTTP, GObject)

/* @base_url: the target's URL (http or https). With a @username it refuses
 * (LIA_PUBLISH_ERROR_INSECURE) plain http to anything but loopback.
 * Create it on the thread that runs the job; lia_http_send() may then be
 * called from any thread (libsoup >= 3.2). */
LiaHttp     *lia_http_new           (const char    *base_url,
                                     const char    *username,
                                     const char    *password,
                                     GError       **error);
SoupSession *lia_http_get_session   (LiaHttp       *self);
const char  *lia_http_get_base_url  (LiaHttp       *self);
/* Seconds before a request is given up (and retried): default 30. */
void         lia_http_set_timeout   (LiaHttp       *self,
                                     guint          seconds);
/* Requests sent so far (every attempt, discovery included): what the
 * incremental tests and the benchmark count. */
guint        lia_http_get_n_requests (LiaHttp      *self);

/* Sends @method to @url (absolute, or relative to the base URL) with
 * @body (NULL: none) of @content_type, and @headers (NULL-terminated
 * name, value pairs; NULL: none), blocking. Basic credentials go in the
 * first request (to the target's own host only), so libsoup never re-sends
 * a body after a 401. Redirects are followed here for every method (307
 * and 308 with the body, 303 as a GET), never from https to http. Returns the
 * response body (never NULL on success) and sets *@message_out (may be
 * NULL) to the message for its status and headers. Transport failures:
 * refused, reset, timeout, a cut-short body → LIA_PUBLISH_ERROR_TRANSIENT;
 * a TLS error → LIA_PUBLISH_ERROR_INSECURE; cancelled → G_IO_ERROR_CANCELLED.
 * HTTP statuses are not errors here: see lia_http_check_status(). */
GBytes      *lia_http_send          (LiaHttp       *self,
                                     const char    *method,
                                     const char    *url,
                                     const char * const *headers,
                                     GBytes        *body,
                                     const char    *content_type,
                                     SoupMessage  **message_out,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* 2xx and 304 → TRUE; a redirect still there after lia_http_send()
 * followed five → REFUSED; 401/403 → AUTH;
 * 412 → CONFLICT; 408, 429, 5xx → TRANSIENT; another 4xx → REFUSED, each
 * with a message that says the method, the URL's path and the status. */
gboolean     lia_http_check_status  (SoupMessage   *message,
                                     GError       **error);

/* The absolute form of @href (a path or URL) against @base. */
char        *lia_http_resolve       (const char    *base,
                                     const char    *href);

G_END_DECLS
