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
} LiaAttentionKind;

#define LIA_TYPE_ATTENTION_KIND (lia_attention_kind_get_type ())
#define LIA_TYPE_ATTENTION_ITEM (lia_attention_item_get_type ())

/* An expectation is missed when it is more than this many days late. */
#define LIA_ATTENTION_MISSED_AFTER_DAYS 7
/* Agreements show this many days before they end. */
#define LIA_ATTENTION_AGREEMENT_NOTICE_DAYS 60

typedef struct
{
  LiaAttentionKind  kind;
  char             *key;           /* what a snooze names, e.g. "stale:42" */
  gint64            partner_id;
  char             *partner_name;
  char             *partner_sort_name; /* what partner lists sort by */
  gint64            record_id;     /* the interaction, expectation or agreement; 0 for stale */
  char             *due_on;        /* YYYY-MM-DD */
  int               days_overdue;  /* negative: days left */
  char             *text;          /* a translated sentence */
  LiaUpkeepMode     upkeep_mode;   /* stale items */
  LiaDirection      direction;     /* expectations */
} LiaAttentionItem;

GType             lia_attention_kind_get_type (void);
GType             lia_attention_item_get_type (void);

LiaAttentionItem *lia_attention_item_ref      (LiaAttentionItem  *item);
void              lia_attention_item_unref    (LiaAttentionItem  *item);

GPtrArray        *lia_attention_compute       (LiaStore          *store,
                                               const GDate       *today,
                                               GError           **error);
gboolean          lia_attention_snooze        (LiaStore          *store,
                                               const char        *key,
                                               const GDate       *until,
                                               GError           **error);
gboolean          lia_attention_unsnooze      (LiaStore          *store,
                                               const char        *key,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaAttentionItem, lia_attention_item_unref)

G_END_DECLS
