/* lia-feeds.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The published feeds of the events board and the partner directory:
 * JSON Feed 1.1 with an event extension, a schema.org Event list
 * (JSON-LD), RSS 2.0 and directory.json. Pure functions over the store.
 */
#pragma once

#include <gio/gio.h>

#include "lia-store.h"

G_BEGIN_DECLS

/* What a feed says about itself. Any field may be NULL; tzid NULL (or a
 * zone GLib does not know) means UTC: the zone of the times written. */
typedef struct
{
  const char *title;
  const char *home_page_url;
  const char *feed_url;
  const char *description;
  const char *library_name;
  const char *tzid;
} LiaFeedInfo;

/* The events @query selects (NULL: all not in the trash), one item per
 * series or single event and one per override of a series' date; series
 * are not expanded. Drafts are left out unless @query asks for them
 * (status draft); cancelled events are kept with their status. */
GBytes *lia_feed_json      (LiaStore            *store,
                            const LiaEventQuery *query,
                            const LiaFeedInfo   *info,
                            GError             **error);
GBytes *lia_feed_jsonld    (LiaStore            *store,
                            const LiaEventQuery *query,
                            const LiaFeedInfo   *info,
                            GError             **error);
GBytes *lia_feed_rss       (LiaStore            *store,
                            const LiaEventQuery *query,
                            const LiaFeedInfo   *info,
                            GError             **error);

/* The events of @query read once for several feeds (lia_feed_*_from_events,
 * lia_ical_export_feed_from_events), with the store's now and the names
 * of their partners: what lia-feed-files builds its four event files from.
 * Once read, it is not changed: builders may run on other threads (the
 * store is not needed again). */
typedef struct _LiaFeedEvents LiaFeedEvents;

LiaFeedEvents *lia_feed_events_load          (LiaStore            *store,
                                              const LiaEventQuery *query,
                                              GError             **error);
void           lia_feed_events_free          (LiaFeedEvents       *events);
GBytes        *lia_feed_json_from_events     (const LiaFeedEvents *events,
                                              const LiaFeedInfo   *info);
GBytes        *lia_feed_jsonld_from_events   (const LiaFeedEvents *events,
                                              const LiaFeedInfo   *info);
GBytes        *lia_feed_rss_from_events      (const LiaFeedEvents *events,
                                              const LiaFeedInfo   *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaFeedEvents, lia_feed_events_free)

/* The promoted partners (tier featured, standard or listed-only; status
 * active; not in the trash) by name, with their public fields only. */
GBytes *lia_feed_directory (LiaStore            *store,
                            const LiaFeedInfo   *info,
                            GError             **error);

G_END_DECLS
