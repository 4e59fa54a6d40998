/* lia-store-private.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the store's other files (lia-store-query.c, lia-search.c) share
 * with lia-store.c.
 */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

/* SQL for the computed partner properties, as expressions on a partner
 * row named "p" (e.g. "... FROM partner AS p ..."), so the partner list
 * sorts by exactly what LiaPartner shows. Trashed rows do not count. */

/* last-contact-at: the latest interaction outside the trash, NULL when
 * none; a column kept by triggers (0006-today-and-list-reads.sql). */
#define LIA_STORE_SQL_LAST_CONTACT_AT "p.last_contact_at"

/* next-due-on: the earliest open follow-up or active expectation outside
 * the trash, NULL when none; a column kept by triggers (0006). */
#define LIA_STORE_SQL_NEXT_DUE_ON "p.next_due_on"

/* update-requested-at: the latest update request since the information
 * was last verified, NULL when none. */
#define LIA_STORE_SQL_UPDATE_REQUESTED_AT \
  "(SELECT max (i.occurred_at) FROM interaction AS i" \
  " WHERE i.partner_id = p.id AND i.kind = 'update-request' AND i.deleted_at IS NULL" \
  " AND i.occurred_at > coalesce (p.info_verified_at, 0))"

/* stale: "(" LIA_STORE_SQL_IS_STALE ")" with :now bound to now in Unix seconds. */
#define LIA_STORE_SQL_IS_STALE \
  "p.info_verified_at IS NULL OR p.info_verified_at + p.cadence_days * 86400 < :now"

/* The store's clock: a new reference to now, in UTC. */
GDateTime *_lia_store_now                   (LiaStore       *self);
/* Fills last-contact-at, next-due-on and update-requested-at of @partner. */
gboolean   _lia_store_load_partner_computed (LiaStore       *self,
                                             LiaPartner     *partner,
                                             GError        **error);
/* Emits "changed"; only after a committed write. */
/* lia-store-occurrences.c: the kept dates of repeating events. */
gboolean   _lia_store_occurrences_get_range (LiaStore       *self,
                                             gint64         *from,
                                             gint64         *to);
gint64     _lia_store_occurrences_get_longest (LiaStore     *self);
gint64     _lia_store_events_get_longest    (LiaStore       *self);
gboolean   _lia_store_occurrences_cover     (LiaStore       *self,
                                             gint64          from,
                                             gint64          to,
                                             GError        **error);
/* lia-store-events.c: where a window of the calendar may end to hold about
 * @n occurrences. */
gboolean   _lia_store_find_nth_start        (LiaStore       *self,
                                             gint64          from,
                                             gint64          to,
                                             guint           n,
                                             gint64         *nth_start,
                                             GError        **error);
gboolean   _lia_store_occurrences_write_series (LiaStore    *self,
                                                gint64       event_id,
                                                GError     **error);
gboolean   _lia_store_occurrences_event_saved (LiaStore     *self,
                                               gint64        event_id,
                                               gboolean      is_series,
                                               gint64        start_utc,
                                               gint64        last_end_utc,
                                               GError      **error);
void       _lia_store_emit_changed          (LiaStore       *self,
                                             LiaRecordKind   kind,
                                             gint64          id);


/* Binding and reading columns the same way in every file of the store. */

static inline gboolean
lia_sql_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

/* Optional text: empty is stored as NULL. */
static inline void
lia_sql_bind_text_or_null (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  if (lia_sql_is_blank (text))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Text of a NOT NULL DEFAULT '' column. */
static inline void
lia_sql_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

/* 0 means "none" and is stored as NULL. */
static inline void
lia_sql_bind_int64_or_null (sqlite3_stmt *stmt,
                            int           index,
                            gint64        value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static inline void
lia_sql_bind_nick (sqlite3_stmt *stmt,
                   int           index,
                   GType         type,
                   int           value)
{
  const char *nick = lia_enum_to_nick (type, value);

  if (nick == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, nick, -1, SQLITE_STATIC);
}

static inline const char *
lia_sql_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* The CHECKs of the schema keep unknown text out; the default covers NULL. */
static inline int
lia_sql_column_enum (sqlite3_stmt *stmt,
                     int           column,
                     GType         type,
                     int           fallback)
{
  int value = lia_enum_from_nick (type, lia_sql_column_text (stmt, column));

  return value >= 0 ? value : fallback;
}

static inline GBytes *
lia_sql_column_bytes (sqlite3_stmt *stmt,
                      int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
}

G_END_DECLS
