/* lia-attention.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The upkeep radar (DESIGN.md, "The upkeep radar"): what needs a human on a
 * given day, computed with SQL over the store's indexes.
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"
#include "lia-store.h"

G_BEGIN_DECLS

/* In the order that breaks ties between equally late items. */
typedef enum
{
  LIA_ATTENTION_STALE,
  LIA_ATTENTION_FOLLOW_UP,
  LIA_ATTENTION_EXPECTATION_DUE,
  LIA_ATTENTION_EXPECTATION_MISSED,
  LIA_ATTENTION_AGREEMENT_ENDING,
  LIA_ATTENTION_EVENT_INCOMPLETE,
  LIA_ATTENTION_PUBLISH_FAILED,   /* a target's last run failed, or items failed or conflict */
  LIA_ATTENTION_PUBLISH_PENDING,  /* events changed since a target's last run */
} LiaAttentionKind;

/* What the Today page groups by, in its order; a new source either joins
 * a group or adds one here. */
typedef enum
{
  LIA_ATTENTION_GROUP_PROMISES,
  LIA_ATTENTION_GROUP_FOLLOW_UPS,
  LIA_ATTENTION_GROUP_EVENTS,
  LIA_ATTENTION_GROUP_PUBLISHING,
  LIA_ATTENTION_GROUP_AGREEMENTS,
  LIA_ATTENTION_GROUP_INFORMATION,
} LiaAttentionGroup;

#define LIA_ATTENTION_N_GROUPS (LIA_ATTENTION_GROUP_INFORMATION + 1)

/* What can be done about an item; the page turns each into a button or a
 * menu item, the first one an item lists being its primary action. */
typedef enum
{
  LIA_ATTENTION_ACTION_ASK_FOR_UPDATE,
  LIA_ATTENTION_ACTION_LOG_CONTACT,
  LIA_ATTENTION_ACTION_MARK_VERIFIED,
  LIA_ATTENTION_ACTION_MARK_DONE,
  LIA_ATTENTION_ACTION_MARK_MET,
  LIA_ATTENTION_ACTION_MARK_MISSED,
  LIA_ATTENTION_ACTION_RENEW,
  LIA_ATTENTION_ACTION_OPEN,
  LIA_ATTENTION_ACTION_OPEN_EVENT,
  LIA_ATTENTION_ACTION_OPEN_PUBLISH,  /* the window's Publish area */
} LiaAttentionAction;

#define LIA_ATTENTION_MAX_ACTIONS 4

#define LIA_TYPE_ATTENTION_KIND (lia_attention_kind_get_type ())
#define LIA_TYPE_ATTENTION_ITEM (lia_attention_item_get_type ())

/* An expectation is missed when it is more than this many days late. */
#define LIA_ATTENTION_MISSED_AFTER_DAYS 7
/* Agreements show this many days before they end. */
#define LIA_ATTENTION_AGREEMENT_NOTICE_DAYS 60
/* Events with missing details show this many days ahead. */
#define LIA_ATTENTION_EVENT_NOTICE_DAYS 30

typedef struct
{
  LiaAttentionKind  kind;
  char             *key;           /* what a snooze names, e.g. "stale:42" */
  gint64            partner_id;
  char             *partner_name;
  char             *partner_sort_name; /* what partner lists sort by */
  gint64            record_id;     /* the interaction, expectation, agreement, event or publish target; 0 for stale */
  char             *due_on;        /* YYYY-MM-DD */
  int               days_overdue;  /* negative: days left */
  char             *text;          /* a translated sentence */
  LiaUpkeepMode     upkeep_mode;   /* stale items */
  LiaDirection      direction;     /* expectations */
  guint             n_waiting;     /* publishing: changes waiting, or failed and conflicting items */
  gint64            update_requested_at; /* stale items: the last request not yet answered, or 0 */
} LiaAttentionItem;

GType             lia_attention_kind_get_type (void);
GType             lia_attention_item_get_type (void);

LiaAttentionItem *lia_attention_item_ref      (LiaAttentionItem  *item);
void              lia_attention_item_unref    (LiaAttentionItem  *item);

GPtrArray        *lia_attention_compute       (LiaStore          *store,
                                               const GDate       *today,
                                               GError           **error);
/* What the Today page shows: the first @limits[group] items of each group
 * (as lia_attention_compute() orders them), group after group, and the
 * counts of all of them. */
GPtrArray        *lia_attention_compute_shown (LiaStore          *store,
                                               const GDate       *today,
                                               const guint       *limits,
                                               const GDate       *since,
                                               guint             *counts,
                                               guint             *n_new_since,
                                               GError           **error);
gboolean          lia_attention_snooze        (LiaStore          *store,
                                               const char        *key,
                                               const GDate       *until,
                                               GError           **error);
gboolean          lia_attention_unsnooze      (LiaStore          *store,
                                               const char        *key,
                                               GError           **error);

/* The day, in @zone, that @now falls on; @now NULL means now. */
void              lia_attention_get_today     (GTimeZone         *zone,
                                               GDateTime         *now,
                                               GDate             *today);

LiaAttentionGroup lia_attention_item_get_group   (const LiaAttentionItem *item);
const char       *lia_attention_item_get_icon_name (const LiaAttentionItem *item);
/* Fills @actions (LIA_ATTENTION_MAX_ACTIONS long), the primary one first;
 * returns how many. */
guint             lia_attention_item_get_actions (const LiaAttentionItem *item,
                                                  LiaAttentionAction     *actions);
/* The first day the item showed on the radar. */
void              lia_attention_item_get_shown_from (const LiaAttentionItem *item,
                                                     GDate                  *day);
const char       *lia_attention_group_get_title  (LiaAttentionGroup       group);
/* A button's label, with a mnemonic. */
const char       *lia_attention_action_get_label (LiaAttentionAction      action);

/* How many of @items first showed after @since: what became due since the
 * day Liaison last looked. */
guint             lia_attention_count_new_since  (GPtrArray              *items,
                                                  const GDate            *since);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaAttentionItem, lia_attention_item_unref)

G_END_DECLS
