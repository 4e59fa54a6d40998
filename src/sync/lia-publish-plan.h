/* lia-publish-plan.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a target should hold (items, each with its content and a hash of
 * it), what it was last sent (publish records), and the difference between
 * the two: the plan of a publish run.
 */
#pragma once

#include <gio/gio.h>

#include "lia-database.h"
#include "lia-target.h"

G_BEGIN_DECLS

typedef enum
{
  LIA_PUBLISH_ITEM_EVENT,  /* "event" in publish_record: one per uid (or per occurrence for tec) */
  LIA_PUBLISH_ITEM_FILE,   /* "file": a feed file, item = its name */
} LiaPublishItemKind;

typedef enum
{
  LIA_PUBLISH_STATE_OK,
  LIA_PUBLISH_STATE_PENDING,   /* not yet sent, or failed for a passing reason */
  LIA_PUBLISH_STATE_CONFLICT,  /* the remote copy changed under us (412) */
  LIA_PUBLISH_STATE_FAILED,    /* the server refused it (a 4xx other than 401/403/412) */
  LIA_PUBLISH_STATE_DELETED,   /* removed from the target */
} LiaPublishState;

const char *lia_publish_state_to_nick   (LiaPublishState state);
gboolean    lia_publish_state_from_nick (const char     *nick,
                                         LiaPublishState *state);

/* A row of publish_record: what was last sent for one item. */
typedef struct
{
  gint64              id;
  gint64              target_id;
  LiaPublishItemKind  item_kind;
  char               *item;          /* the item's key, see LiaPublishItem */
  char               *remote_href;   /* where it is on the server (absolute URL, or a path for folder) */
  char               *remote_etag;   /* the ETag last seen, NULL when none */
  char               *remote_id;     /* the server's id (tec: the post id) */
  char               *content_hash;  /* of the content last sent; NULL when never sent */
  gint64              published_at;
  LiaPublishState     state;
  char               *last_error;
} LiaPublishRecord;

LiaPublishRecord *lia_publish_record_copy (const LiaPublishRecord *self);
void              lia_publish_record_free (LiaPublishRecord       *self);

/* Every record of a target: item → LiaPublishRecord (one kind per target). */
GHashTable *lia_publish_records_load    (LiaDatabase    *database,
                                         gint64          target_id,
                                         GError        **error);
/* Inserts or replaces the record of (target_id, item_kind, item); sets
 * self->id. One statement, in its own transaction: a run records each
 * step as it completes. */
gboolean    lia_publish_record_save     (LiaPublishRecord *self,
                                         LiaDatabase      *database,
                                         GError          **error);

/* One thing a target should hold, built by its publisher. */
typedef struct
{
  LiaPublishItemKind  item_kind;
  char               *item;          /* event: the uid (tec: "uid@start-utc" per occurrence); file: its name */
  char               *title;         /* what the plan shows: the event's title, or the file's name */
  gint64              event_id;      /* 0 for a file */
  gint64              start_utc;     /* 0 for a file */
  GBytes             *content;       /* exactly what is sent */
  char               *content_type;  /* "text/calendar; charset=utf-8", ... */
  char               *content_hash;  /* SHA-256 hex of content (lia_publish_item_new computes it) */
} LiaPublishItem;

/* Takes over @content. */
LiaPublishItem *lia_publish_item_new    (LiaPublishItemKind  item_kind,
                                         const char         *item,
                                         const char         *title,
                                         GBytes             *content,
                                         const char         *content_type);
void            lia_publish_item_free   (LiaPublishItem     *self);

typedef enum
{
  LIA_PUBLISH_CREATE,   /* never sent, or deleted since */
  LIA_PUBLISH_UPDATE,   /* sent before, content changed, or pending/failed last time */
  LIA_PUBLISH_DELETE,   /* sent before, no longer selected */
  LIA_PUBLISH_CONFLICT, /* waits for the user: not run until resolved */
} LiaPublishAction;

/* "Create", "Update", "Delete", "Conflict" (translated). */
const char *lia_publish_action_get_label (LiaPublishAction action);
/* "create", "update", "delete", "conflict": the CLI's stable words. */
const char *lia_publish_action_to_nick   (LiaPublishAction action);

typedef struct
{
  LiaPublishAction   action;
  LiaPublishItem    *item;    /* NULL for a delete */
  LiaPublishRecord  *record;  /* the record before the run; NULL for a create never sent */
  /* For display: item->title, or for a delete the item key. */
  const char        *title;
} LiaPublishStep;

void lia_publish_step_free (LiaPublishStep *self);

typedef struct
{
  LiaTarget  *target;
  GPtrArray  *steps;        /* LiaPublishStep: creates and updates by start, then deletes, then conflicts */
  guint       n_unchanged;  /* items already published as they are */
  guint       n_create, n_update, n_delete, n_conflict;
} LiaPublishPlan;

void lia_publish_plan_free (LiaPublishPlan *self);

/* The plan from @items (what the target should hold; taken over) against
 * @records (lia_publish_records_load; not taken). An item whose hash equals
 * its record's, in state ok, is unchanged; a record in state conflict stays
 * a conflict step whatever the item says; a record (not deleted) with no
 * item becomes a delete. */
LiaPublishPlan *lia_publish_plan_diff   (const LiaTarget *target,
                                         GPtrArray       *items,
                                         GHashTable      *records);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaPublishRecord, lia_publish_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaPublishItem, lia_publish_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaPublishStep, lia_publish_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaPublishPlan, lia_publish_plan_free)

G_END_DECLS
