/* lia-target.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A publish target (a row of publish_target) and what it chooses to get.
 * Passwords are never here: see lia-credentials.h.
 */
#pragma once

#include <gio/gio.h>

#include "lia-database.h"
#include "lia-store.h"

G_BEGIN_DECLS

typedef enum
{
  LIA_TARGET_FOLDER,   /* feed files written into a folder */
  LIA_TARGET_WEBDAV,   /* the same files PUT to a WebDAV folder */
  LIA_TARGET_CALDAV,   /* one resource per event in a calendar collection */
  LIA_TARGET_TEC,      /* WordPress, The Events Calendar REST API */
} LiaTargetKind;

/* The feed files of a folder or WebDAV target, in publishing order. */
#define LIA_FEED_ICS       "events.ics"
#define LIA_FEED_JSON      "events.json"
#define LIA_FEED_JSONLD    "events.jsonld"
#define LIA_FEED_RSS       "events.rss"
#define LIA_FEED_DIRECTORY "directory.json"

typedef struct
{
  gint64         id;          /* 0 until saved */
  char          *name;
  LiaTargetKind  kind;
  char          *url;         /* folder: a path or file:// URI */
  char          *username;    /* NULL: none */
  gboolean       enabled;

  /* What it gets (the options column, JSON). Always: not in the trash,
   * not a draft, promoted on the website channel. */
  int            past_days;   /* events that ended at most this many days ago; default 7 */
  int            future_days; /* starting at most this many days ahead; default 365 */
  char         **categories;  /* NULL or empty: any; else at least one of these */
  GArray        *partner_ids; /* gint64; NULL or empty: any; 0 = the library's own */
  guint          statuses;    /* 1 << LiaEventStatus; 0: confirmed, cancelled, postponed */

  /* Folder/WebDAV: the public address of the folder the files are read
   * from (for the feeds' self links); NULL: the target's url. */
  char          *public_url;

  /* The last run, kept by the job. */
  gint64         last_run_at;    /* 0: never */
  char          *last_run_state; /* "ok", "partial", "failed", "cancelled"; NULL: never */
} LiaTarget;

GType        lia_target_get_type          (void) G_GNUC_CONST;
#define LIA_TYPE_TARGET (lia_target_get_type ())

LiaTarget   *lia_target_new               (const char     *name,
                                           LiaTargetKind   kind,
                                           const char     *url);
LiaTarget   *lia_target_copy              (const LiaTarget *self);
void         lia_target_free              (LiaTarget      *self);

const char  *lia_target_kind_to_nick      (LiaTargetKind   kind);
gboolean     lia_target_kind_from_nick    (const char     *nick,
                                           LiaTargetKind  *kind);
/* "Folder", "WebDAV", "CalDAV", "The Events Calendar" (translated). */
const char  *lia_target_kind_get_label    (LiaTargetKind   kind);

/* Checks name, URL (a folder path, or http(s) for the others) and options;
 * a LIA_VALIDATE_ERROR naming the field otherwise. */
gboolean     lia_target_validate          (const LiaTarget *self,
                                           GError        **error);

/* Inserts (id 0) or updates; sets self->id. Refuses a duplicate name with
 * a message naming it. */
gboolean     lia_target_save              (LiaTarget      *self,
                                           LiaDatabase    *database,
                                           GError        **error);
/* Removes the target and its publish records (what it published stays on
 * the server). */
gboolean     lia_target_delete            (LiaDatabase    *database,
                                           gint64          id,
                                           GError        **error);
/* NULL with G_IO_ERROR_NOT_FOUND when there is none by that name. */
LiaTarget   *lia_target_load              (LiaDatabase    *database,
                                           const char     *name,
                                           GError        **error);
LiaTarget   *lia_target_load_by_id        (LiaDatabase    *database,
                                           gint64          id,
                                           GError        **error);
/* Every target, by name: a GPtrArray of LiaTarget. */
GPtrArray   *lia_target_list              (LiaDatabase    *database,
                                           GError        **error);

/* The series and single events (not overrides) the target gets at @now
 * (Unix seconds), by start: a GArray of gint64 event ids. An override
 * travels with its series. */
GArray      *lia_target_select_event_ids  (const LiaTarget *self,
                                           LiaDatabase    *database,
                                           gint64          now,
                                           GError        **error);

/* The events the target would get but that ended before its window:
 * what it published of them stays on the server (a website keeps its past
 * events), so the plan does not remove them. */
GArray      *lia_target_select_past_event_ids (const LiaTarget *self,
                                               LiaDatabase    *database,
                                               gint64          now,
                                               GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaTarget, lia_target_free)

G_END_DECLS
