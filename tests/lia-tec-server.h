/* lia-tec-server.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contract server for The Events Calendar's REST API
 * (/wp-json/tribe/events/v1: events, events/by-slug, venues, organizers)
 * on an in-process SoupServer, with WordPress Application Password login.
 * It runs in a thread of its own, with its own GMainContext, because a
 * publish run blocks the thread that starts it. Everything it holds is in
 * memory; the accessors below may be called from any thread.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The application password both users have (WordPress shows them in
 * groups of four with spaces, and accepts them either way). */
#define LIA_TEC_SERVER_PASSWORD "abcd EFGH ijkl MNOP qrst UVWX"
/* May create, edit and delete events, venues and organizers. */
#define LIA_TEC_SERVER_EDITOR   "editor"
/* Logged in, but may only read: 403 on every write. */
#define LIA_TEC_SERVER_READER   "reader"

typedef struct _LiaTecServer LiaTecServer;

LiaTecServer *lia_tec_server_new               (void);
void          lia_tec_server_free              (LiaTecServer *self);

/* The site's address ("http://127.0.0.1:PORT/site"): the target's url. */
const char   *lia_tec_server_get_url           (LiaTecServer *self);

/* The next POST /events stores the event, then holds its answer back for
 * @delay_ms (longer than the client's timeout). */
void          lia_tec_server_delay_next_create (LiaTecServer *self,
                                                guint         delay_ms);

/* A venue made on the site by hand: its id. */
gint64        lia_tec_server_add_venue         (LiaTecServer *self,
                                                const char   *name);

/* Posts held, trashed ones left out (@include_trash FALSE). */
guint         lia_tec_server_count_events      (LiaTecServer *self,
                                                gboolean      include_trash);
guint         lia_tec_server_count_venues      (LiaTecServer *self);
guint         lia_tec_server_count_organizers  (LiaTecServer *self);

/* Requests by method since the last reset (GET, POST, PUT, DELETE). */
guint         lia_tec_server_count_requests    (LiaTecServer *self,
                                                const char   *method);
void          lia_tec_server_reset_counts      (LiaTecServer *self);

/* An event as GET /events/{id} gives it (NULL when none, trashed or not). */
JsonObject   *lia_tec_server_dup_event         (LiaTecServer *self,
                                                gint64        id);
/* The ids of the events held, trashed ones included, in creation order. */
GArray       *lia_tec_server_list_event_ids    (LiaTecServer *self);
/* What a site editor does in wp-admin: a new title, a new modified_utc. */
void          lia_tec_server_edit_event        (LiaTecServer *self,
                                                gint64        id,
                                                const char   *title);
/* The raw bodies of the POSTs to /events and /events/{id}, in order. */
GPtrArray    *lia_tec_server_dup_event_bodies  (LiaTecServer *self);

G_END_DECLS
