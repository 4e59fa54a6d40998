/* lia-formats-private.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of formats/ share and nobody else uses.
 */
#pragma once

#include "lia-feeds.h"
#include "lia-store.h"

G_BEGIN_DECLS

GArray *_lia_formats_select_event_ids (LiaStore             *store,
                                       const LiaEventQuery  *query,
                                       gboolean              skip_drafts,
                                       GError              **error);
GArray *_lia_formats_select_override_ids (LiaStore          *store,
                                          gint64             series_id,
                                          GError           **error);

/* lia-feeds.h's LiaFeedEvents. */
struct _LiaFeedEvents
{
  GPtrArray  *events;         /* LiaEvent: each series or single event followed by its overrides,
                               * drafts included (the calendar export keeps them) */
  GPtrArray  *published;      /* LiaEvent (borrowed from @events): what the feeds show, without
                               * draft series and their overrides unless the query asked a status */
  GHashTable *partner_names;  /* partner id → name (maybe NULL), for each partner found */
  GDateTime  *now;            /* the store's now when read */
};

/* The partner's name (NULL when it has none), or @fallback when the
 * partner was not found or @partner_id is none. */
const char *_lia_feed_events_lookup_partner (const LiaFeedEvents *events,
                                             gint64               partner_id,
                                             const char          *fallback);

G_END_DECLS
