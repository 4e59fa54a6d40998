/* lia-test-webservers.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real WebDAV servers for the publishing tests: nginx with the dav and
 * dav-ext modules (it ignores If-Match and If-None-Match) and Apache httpd
 * with mod_dav (it honours them), each on 127.0.0.1 on a free port with a
 * temporary folder, stopped by PID at the end — or when the test process
 * dies, since they are started with PR_SET_PDEATHSIG. Also what the
 * publishing tests share: a store with events to publish and a target,
 * and a plain HTTP client that plays "someone else" on the server.
 */
#pragma once

#include <glib.h>
#include <libsoup/soup.h>

#include "lia-database.h"
#include "lia-publish-job.h"
#include "lia-store.h"
#include "lia-target.h"

G_BEGIN_DECLS

typedef struct _LiaTestWebserver LiaTestWebserver;

/* Both abort the test when the server is missing or does not start: a
 * missing server is a failure, never a skip. */
LiaTestWebserver *lia_test_webserver_start_nginx  (void);
LiaTestWebserver *lia_test_webserver_start_apache (void);

/* The WebDAV root, "http://127.0.0.1:PORT/". */
const char       *lia_test_webserver_get_url      (LiaTestWebserver *self);
/* The folder on disk that the root serves. */
const char       *lia_test_webserver_get_root     (LiaTestWebserver *self);
/* Requests with @method whose path ends with @path_suffix (NULL: any)
 * answered with @status (0: any), from the server's own access log. */
guint             lia_test_webserver_count        (LiaTestWebserver *self,
                                                   const char       *method,
                                                   const char       *path_suffix,
                                                   guint             status);
/* Stops the server (SIGTERM to its PID, then waits) and removes its
 * folder. */
void              lia_test_webserver_stop         (LiaTestWebserver *self);

/* A store in a temporary folder with a target of @kind at @url, and
 * options for quick tests (library "Riverside Library", zone
 * America/Edmonton, retries after 10 ms). */
typedef struct
{
  char              *dir;
  LiaDatabase       *database;
  LiaStore          *store;
  LiaTarget         *target;
  LiaPublishOptions  options;
} LiaTestPublish;

LiaTestPublish   *lia_test_publish_new            (LiaTargetKind     kind,
                                                   const char       *url);
/* A confirmed event promoted on the website, @days_ahead days from now. */
gint64            lia_test_publish_add_event      (LiaTestPublish   *self,
                                                   const char       *title,
                                                   int               days_ahead);
void              lia_test_publish_retitle_event  (LiaTestPublish   *self,
                                                   gint64            id,
                                                   const char       *title);
LiaPublishReport *lia_test_publish_run            (LiaTestPublish   *self,
                                                   GCancellable     *cancellable);
/* The plan as it stands: how many steps it has. */
guint             lia_test_publish_count_steps    (LiaTestPublish   *self);
/* A copy of the record of @item; NULL when there is none. */
LiaPublishRecord *lia_test_publish_get_record     (LiaTestPublish   *self,
                                                   const char       *item);
void              lia_test_publish_free           (LiaTestPublish   *self);

/* Another client: one request with its own session; returns the status
 * and, when @body_out is not NULL, the response body. */
guint             lia_test_http_request           (const char       *method,
                                                   const char       *url,
                                                   const char       *body,
                                                   GBytes          **body_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaTestWebserver, lia_test_webserver_stop)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaTestPublish, lia_test_publish_free)

G_END_DECLS
