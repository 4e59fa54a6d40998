/* lia-test-radicale.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real Radicale (CalDAV) for tests and benchmarks: its own folder, a
 * free port on 127.0.0.1, one user with a plain htpasswd password. It is
 * stopped by PID, and dies with the test process if that aborts.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _LiaTestRadicale LiaTestRadicale;

/* Starts /usr/bin/radicale for @username with @password and waits until it
 * answers. Fails the test (g_error) when it cannot. */
LiaTestRadicale *lia_test_radicale_start         (const char       *username,
                                                  const char       *password);
/* Like lia_test_radicale_start(), with every request logged (Radicale's
 * info level, each line stamped to the microsecond) for
 * lia_test_radicale_take_requests(). */
LiaTestRadicale *lia_test_radicale_start_logged  (const char       *username,
                                                  const char       *password);
/* Stops it (SIGTERM, then waits for it) and removes its folder. */
void             lia_test_radicale_stop          (LiaTestRadicale  *self);

/* "http://127.0.0.1:PORT/" */
const char      *lia_test_radicale_get_url       (LiaTestRadicale  *self);
const char      *lia_test_radicale_get_username  (LiaTestRadicale  *self);
const char      *lia_test_radicale_get_password  (LiaTestRadicale  *self);

/* Makes the calendar @name in the user's home with MKCALENDAR (with
 * @displayname when not NULL) and returns its URL, ending with a slash. */
char            *lia_test_radicale_make_calendar (LiaTestRadicale  *self,
                                                  const char       *name,
                                                  const char       *displayname);

/* Sends @method to @url (absolute, or a path on the server) as the user,
 * with @body (NULL: none) as text/calendar (XML for PROPFIND, with Depth:
 * 1), blocking, as another client would. Returns the status; the body and
 * the ETag header in @response and @etag when not NULL. */
guint            lia_test_radicale_send          (LiaTestRadicale  *self,
                                                  const char       *method,
                                                  const char       *url,
                                                  const char       *body,
                                                  GBytes          **response,
                                                  char            **etag);

/* The calendar at @calendar_url as Radicale serves it (GET on the
 * collection: every event of it in one VCALENDAR). */
char            *lia_test_radicale_get_calendar  (LiaTestRadicale  *self,
                                                  const char       *calendar_url);

/* A request as Radicale logged it. */
typedef struct
{
  char   *method;
  char   *path;
  guint   status;
  double  seconds;  /* Radicale's own time for it, from reading the request to its answer */
  double  end;      /* when the answer was ready, Unix seconds */
} LiaTestRadicaleRequest;

void             lia_test_radicale_request_free  (LiaTestRadicaleRequest *request);

/* The requests answered since the last call (or since the server started),
 * in the order they were answered; a GPtrArray of LiaTestRadicaleRequest.
 * Only for a server from lia_test_radicale_start_logged(). */
GPtrArray       *lia_test_radicale_take_requests (LiaTestRadicale  *self);

G_END_DECLS
