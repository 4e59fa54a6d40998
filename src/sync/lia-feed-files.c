/* lia-feed-files.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The feed files a folder or WebDAV target holds: events.ics, events.json,
 * events.jsonld, events.rss and directory.json, built from the same events
 * for both kinds. Each is a pure function of the store, so the bytes are
 * the same from one run to the next when nothing changed, and the plan
 * (which compares hashes) sends nothing.
 */

#define G_LOG_DOMAIN "lia-feed-files"

#include "config.h"

#include <string.h>

#include "lia-feeds.h"
#include "lia-ical.h"
#include "lia-publisher.h"

#define DEFAULT_REFRESH_MINUTES 720

/* The address the files are read from, without a trailing slash; NULL
 * when the target has none on the web (a folder given as a path). */
static char *
dup_public_base (const LiaTarget *target)
{
  const char *url = target->public_url != NULL && *target->public_url != '\0'
                    ? target->public_url : target->url;
  g_autofree char *scheme = NULL;
  gsize length;

  if (url == NULL)
    return NULL;
  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;

  length = strlen (url);
  while (length > 0 && url[length - 1] == '/')
    length--;

  return g_strndup (url, length);
}

static char *
dup_file_url (const char *base,
              const char *name)
{
  if (base == NULL)
    return NULL;
  return g_strconcat (base, "/", name, NULL);
}

/* events.ics, the largest of the files, is built on a thread of its own
 * while the others are built on the caller's: both only read the events
 * (the store, whose connection is for one thread, is not used), and
 * libical's zone cache is under lia_time_zones_lock. */
typedef struct
{
  const LiaFeedEvents *events;  /* borrowed */
  const LiaIcalFeed   *feed;    /* borrowed */
} CalendarTask;

static gpointer
build_calendar_item (gpointer data)
{
  CalendarTask *task = data;
  GBytes *content = lia_ical_export_feed_from_events (task->events, task->feed);

  /* Made here too: the item hashes the bytes (and takes them). */
  return lia_publish_item_new (LIA_PUBLISH_ITEM_FILE, LIA_FEED_ICS, LIA_FEED_ICS,
                               content, "text/calendar; charset=utf-8");
}

static gboolean
add_file (GPtrArray   *items,
          const char  *name,
          GBytes      *content,
          const char  *content_type)
{
  if (content == NULL)
    return FALSE;
  g_ptr_array_add (items, lia_publish_item_new (LIA_PUBLISH_ITEM_FILE, name, name,
                                                content, content_type));
  return TRUE;
}

/**
 * lia_publisher_build_feed_files:
 * @target: a folder or WebDAV target
 * @context: the library's name, zone and refresh interval
 * @store: where the events are read
 * @event_ids: the series and single events the target gets (gint64)
 * @error: return location for a #GError
 *
 * Builds the feed files of @target in publishing order. The files name
 * the library and, when the target is on the web, their own address. The
 * feed's title is not translated: a window in one language and a nightly
 * job in another must write the same bytes, or each would undo the other.
 *
 * Returns: (transfer full): a #GPtrArray of #LiaPublishItem, or %NULL
 */
GPtrArray *
lia_publisher_build_feed_files (const LiaTarget         *target,
                                const LiaPublishContext *context,
                                LiaStore                *store,
                                GArray                  *event_ids,
                                GError                 **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  g_autofree char *ics_url = NULL;
  g_autofree char *json_url = NULL;
  g_autofree char *jsonld_url = NULL;
  g_autofree char *rss_url = NULL;
  g_autofree char *directory_url = NULL;
  const char *library_name;
  LiaEventQuery query;
  LiaIcalFeed ical_feed = { 0 };
  LiaFeedInfo info = { 0 };
  g_autoptr(LiaFeedEvents) events = NULL;
  CalendarTask task;
  GThread *thread;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (event_ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  library_name = context->library_name != NULL && *context->library_name != '\0'
                 ? context->library_name : "Library";
  title = g_strdup_printf ("%s Community Events", library_name);
  base = dup_public_base (target);
  ics_url = dup_file_url (base, LIA_FEED_ICS);
  json_url = dup_file_url (base, LIA_FEED_JSON);
  jsonld_url = dup_file_url (base, LIA_FEED_JSONLD);
  rss_url = dup_file_url (base, LIA_FEED_RSS);
  directory_url = dup_file_url (base, LIA_FEED_DIRECTORY);

  lia_event_query_init (&query);
  query.ids = event_ids;

  ical_feed.name = title;
  ical_feed.source_url = ics_url;
  ical_feed.refresh_minutes = context->refresh_minutes > 0
                              ? context->refresh_minutes : DEFAULT_REFRESH_MINUTES;

  info.title = title;
  info.home_page_url = base;
  info.library_name = library_name;
  info.tzid = context->time_zone;

  /* Read once for the four event files: the same events in each. */
  if (!(events = lia_feed_events_load (store, &query, error)))
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_publish_item_free);
  /* Its place first, filled when the thread is done. */
  g_ptr_array_add (items, NULL);
  task.events = events;
  task.feed = &ical_feed;
  thread = g_thread_new ("lia-feed-ics", build_calendar_item, &task);

  info.feed_url = json_url;
  add_file (items, LIA_FEED_JSON, lia_feed_json_from_events (events, &info), "application/feed+json");
  info.feed_url = jsonld_url;
  add_file (items, LIA_FEED_JSONLD, lia_feed_jsonld_from_events (events, &info), "application/ld+json");
  info.feed_url = rss_url;
  add_file (items, LIA_FEED_RSS, lia_feed_rss_from_events (events, &info), "application/rss+xml");
  info.feed_url = directory_url;
  /* Joined before anything returns: the thread borrows the events. */
  if (!add_file (items, LIA_FEED_DIRECTORY, lia_feed_directory (store, &info, error), "application/json"))
    {
      lia_publish_item_free (g_thread_join (thread));
      return NULL;
    }
  g_ptr_array_index (items, 0) = g_thread_join (thread);

  return g_steal_pointer (&items);
}
