/* lia-publisher.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every kind of target does: build what it should hold, get ready
 * (discovery), apply one step, read back the remote copy of a conflict.
 * The job (lia-publish-job.h) does the rest — planning, several steps in
 * flight, retries, recording each step — the same way for every kind.
 */
#pragma once

#include <gio/gio.h>

#include "lia-http.h"
#include "lia-publish-plan.h"
#include "lia-store.h"
#include "lia-target.h"

G_BEGIN_DECLS

#define LIA_PUBLISH_ERROR (lia_publish_error_quark ())

typedef enum
{
  LIA_PUBLISH_ERROR_FAILED,
  LIA_PUBLISH_ERROR_AUTH,        /* 401/403, or no password: stops the run */
  LIA_PUBLISH_ERROR_CONFLICT,    /* 412: the remote copy changed under us */
  LIA_PUBLISH_ERROR_TRANSIENT,   /* 5xx, 408, 429, timeout, refused, cut short: retried */
  LIA_PUBLISH_ERROR_REFUSED,     /* another 4xx: this step failed, the others go on */
  LIA_PUBLISH_ERROR_INSECURE,    /* a TLS error, or credentials over plain HTTP to another host */
  LIA_PUBLISH_ERROR_NOT_FOUND,   /* discovery found no calendar, the folder is missing */
  LIA_PUBLISH_ERROR_PASSWORD_FILE, /* unreadable, or readable by others */
} LiaPublishError;

GQuark lia_publish_error_quark (void);

/* What a publisher needs to know of the library (from the settings). */
typedef struct
{
  const char *library_name;  /* NULL: "Library" */
  const char *time_zone;     /* IANA; NULL: UTC */
  int         refresh_minutes; /* events.ics REFRESH-INTERVAL; 0: 720 */
} LiaPublishContext;

/* What a step left on the server, for its record. */
typedef struct
{
  char *remote_href;
  char *remote_etag;   /* NULL when the server gave none, or only a weak one */
  char *remote_id;
} LiaPublishResult;

void lia_publish_result_clear (LiaPublishResult *result);

#define LIA_TYPE_PUBLISHER (lia_publisher_get_type ())
G_DECLARE_INTERFACE (LiaPublisher, lia_publisher, LIA, PUBLISHER, GObject)

struct _LiaPublisherInterface
{
  GTypeInterface parent_iface;

  /* What the target should hold: a GPtrArray of LiaPublishItem (with a
   * free func) for @event_ids (series and single events; their overrides
   * travel with them) — one per event (caldav), per occurrence (tec) or
   * the feed files (folder, webdav). Reads the store, no network. */
  GPtrArray *(*build_items)  (LiaPublisher            *self,
                              LiaStore                *store,
                              GArray                  *event_ids,
                              GError                 **error);
  /* Once per run before the first step; may use the network (discovery,
   * checking the folder or collection exists, the credentials work). */
  gboolean   (*prepare)      (LiaPublisher            *self,
                              GCancellable            *cancellable,
                              GError                 **error);
  /* Applies one step (create, update or delete); called from several
   * threads at once, so it keeps no per-step state in self. Create sends
   * If-None-Match: *, update and delete If-Match with step->record's ETag
   * where the kind has them; a 412 is LIA_PUBLISH_ERROR_CONFLICT with
   * @result's remote_href saying where the write went (the job reads it
   * back through fetch_remote: a copy already ours is a step done, its
   * earlier answer lost), a delete of what is already gone (404, 410)
   * succeeds. Fills @result. */
  gboolean   (*apply)        (LiaPublisher            *self,
                              const LiaPublishStep    *step,
                              LiaPublishResult        *result,
                              GCancellable            *cancellable,
                              GError                 **error);
  /* The remote copy of @record's item and its current ETag (NULL when the
   * server gives none): shown beside ours in a conflict. */
  GBytes    *(*fetch_remote) (LiaPublisher            *self,
                              const LiaPublishRecord  *record,
                              char                   **etag,
                              GCancellable            *cancellable,
                              GError                 **error);
};

/* The publisher for @target's kind. @http: NULL for a folder target. */
LiaPublisher *lia_publisher_new           (const LiaTarget          *target,
                                           LiaHttp                  *http,
                                           const LiaPublishContext  *context,
                                           GError                  **error);

GPtrArray    *lia_publisher_build_items   (LiaPublisher            *self,
                                           LiaStore                *store,
                                           GArray                  *event_ids,
                                           GError                 **error);
gboolean      lia_publisher_prepare       (LiaPublisher            *self,
                                           GCancellable            *cancellable,
                                           GError                 **error);
gboolean      lia_publisher_apply         (LiaPublisher            *self,
                                           const LiaPublishStep    *step,
                                           LiaPublishResult        *result,
                                           GCancellable            *cancellable,
                                           GError                 **error);
GBytes       *lia_publisher_fetch_remote  (LiaPublisher            *self,
                                           const LiaPublishRecord  *record,
                                           char                   **etag,
                                           GCancellable            *cancellable,
                                           GError                 **error);

/* The kinds (each in its own file). */
LiaPublisher *lia_folder_publisher_new    (const LiaTarget         *target,
                                           const LiaPublishContext *context);
LiaPublisher *lia_webdav_publisher_new    (const LiaTarget         *target,
                                           LiaHttp                 *http,
                                           const LiaPublishContext *context);
LiaPublisher *lia_caldav_publisher_new    (const LiaTarget         *target,
                                           LiaHttp                 *http,
                                           const LiaPublishContext *context);
LiaPublisher *lia_tec_publisher_new       (const LiaTarget         *target,
                                           LiaHttp                 *http,
                                           const LiaPublishContext *context);

/* The feed files of a folder or WebDAV target (events.ics, events.json,
 * events.jsonld, events.rss, directory.json), shared by both. */
GPtrArray    *lia_publisher_build_feed_files (const LiaTarget         *target,
                                              const LiaPublishContext *context,
                                              LiaStore                *store,
                                              GArray                  *event_ids,
                                              GError                 **error);

G_END_DECLS
