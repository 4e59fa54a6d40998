/* lia-feeds.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The feeds a publishing target writes beside events.ics: JSON Feed 1.1
 * (events.json) with an "_event" extension, a schema.org Event list in
 * JSON-LD (events.jsonld), RSS 2.0 (events.rss) and the partner directory
 * (directory.json).
 *
 * Nothing is expanded: a series is one item carrying its RRULE (JSON-LD
 * gives its first date and, when the rule is simple, an eventSchedule),
 * and an override of one of its dates is an item of its own. User text
 * goes out inert: json-glib escapes the JSON, and the RSS is built with
 * g_markup_printf_escaped(), never by pasting text.
 */

#define G_LOG_DOMAIN "lia-feeds"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "lia-database.h"
#include "lia-enums.h"
#include "lia-event.h"
#include "lia-feeds.h"
#include "lia-formats-private.h"
#include "lia-partner.h"
#include "lia-search-private.h"
#include "lia-validate.h"

#define EVENT_EXTENSION_ABOUT "https://liaisonapp.org/feeds/event-extension"

/* What a feed's times are written in. */
typedef struct
{
  /* Owned */
  GTimeZone  *zone;           /* the library's zone */
  GHashTable *zones;          /* tzid → GTimeZone: GLib parses a zone file anew for each new one */
} FeedZones;

static GTimeZone *
dup_zone (const char *tzid)
{
  GTimeZone *zone = NULL;

  if (tzid != NULL && *tzid != '\0')
    zone = g_time_zone_new_identifier (tzid);

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

static void
feed_zones_init (FeedZones         *self,
                 const LiaFeedInfo *info)
{
  self->zone = dup_zone (info != NULL ? info->tzid : NULL);
  self->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_time_zone_unref);
}

static void
feed_zones_clear (FeedZones *self)
{
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->zones, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FeedZones, feed_zones_clear)

/* The events */

/* One event (a CalDAV resource, 10,000 of them for a calendar's plan) is
 * read through the store's cached statements; a list in bulk, in a few
 * statements compiled for that list. */

static gboolean
read_events_one_by_one (LiaStore   *store,
                        GArray     *ids,
                        GPtrArray  *events,
                        GError    **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GArray) override_ids = NULL;
      LiaEvent *event;

      if (!(event = lia_store_get_event (store, g_array_index (ids, gint64, i), error)))
        return FALSE;
      g_ptr_array_add (events, event);

      if (!lia_event_is_recurring (event))
        continue;
      if (!(override_ids = _lia_formats_select_override_ids (store, lia_event_get_id (event), error)))
        return FALSE;
      for (guint j = 0; j < override_ids->len; j++)
        {
          LiaEvent *override;

          if (!(override = lia_store_get_event (store, g_array_index (override_ids, gint64, j), error)))
            return FALSE;
          g_ptr_array_add (events, override);
        }
    }

  return TRUE;
}

/**
 * lia_feed_events_load:
 * @store: the events' store
 * @query: (nullable): which events; %NULL for all not in the trash
 * @error: return location for a #GError
 *
 * Reads the events @query selects with their overrides, the names of
 * their partners and the store's now, once for all the feeds of a target.
 *
 * Returns: (transfer full): the events, or %NULL with @error set
 */
LiaFeedEvents *
lia_feed_events_load (LiaStore             *store,
                      const LiaEventQuery  *query,
                      GError              **error)
{
  g_autoptr(LiaFeedEvents) self = NULL;
  g_autoptr(GArray) ids = NULL;
  /* Drafts are not for the public, unless a status was asked for. */
  gboolean skip_drafts = query == NULL || query->status < 0;
  gboolean draft_series = FALSE;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Drafts included: the calendar export keeps them. */
  if (!(ids = _lia_formats_select_event_ids (store, query, FALSE, error)))
    return NULL;

  self = g_new0 (LiaFeedEvents, 1);
  self->now = lia_store_dup_now (store);
  self->partner_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (ids->len == 1)
    {
      self->events = g_ptr_array_new_with_free_func (g_object_unref);
      if (!read_events_one_by_one (store, ids, self->events, error))
        return NULL;
    }
  else if (!(self->events = lia_store_get_events_with_overrides (store, ids, error)))
    return NULL;

  self->published = g_ptr_array_sized_new (self->events->len);
  for (guint i = 0; i < self->events->len; i++)
    {
      LiaEvent *event = g_ptr_array_index (self->events, i);
      gint64 partner_id = lia_event_get_partner_id (event);
      gpointer key = GSIZE_TO_POINTER ((gsize)partner_id);

      /* Overrides follow their series and go with it. */
      if (lia_event_get_recurrence_of (event) == 0)
        draft_series = skip_drafts && lia_event_get_status (event) == LIA_EVENT_STATUS_DRAFT;
      if (!draft_series)
        g_ptr_array_add (self->published, event);

      /* A partner not found has no entry, and the feeds name the library. */
      if (partner_id > 0 && !g_hash_table_contains (self->partner_names, key))
        {
          g_autoptr(LiaPartner) partner = lia_store_get_partner (store, partner_id, NULL);

          if (partner != NULL)
            g_hash_table_insert (self->partner_names, key, g_strdup (lia_partner_get_name (partner)));
        }
    }

  return g_steal_pointer (&self);
}

void
lia_feed_events_free (LiaFeedEvents *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->published, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->partner_names, g_hash_table_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_free (self);
}

const char *
_lia_feed_events_lookup_partner (const LiaFeedEvents *self,
                                 gint64               partner_id,
                                 const char          *fallback)
{
  gpointer name;

  if (partner_id > 0 &&
      g_hash_table_lookup_extended (self->partner_names, GSIZE_TO_POINTER ((gsize)partner_id), NULL, &name))
    return name;

  return fallback;
}

/* The partner's name, or the library's for its own events (may be NULL). */
static const char *
lookup_organizer (const LiaFeedEvents *events,
                  const LiaFeedInfo   *info,
                  LiaEvent            *event)
{
  return _lia_feed_events_lookup_partner (events, lia_event_get_partner_id (event),
                                          info != NULL ? info->library_name : NULL);
}

/* "uid" for a series or single event, "uid/recurrence-id" for an
 * override: stable across runs. */
static char *
dup_item_id (LiaEvent *event)
{
  if (lia_event_get_recurrence_id (event) != NULL)
    return g_strdup_printf ("%s/%s", lia_event_get_uid (event), lia_event_get_recurrence_id (event));

  return g_strdup (lia_event_get_uid (event));
}

/* Summary and description, one paragraph each. */
static char *
dup_content_text (LiaEvent *event)
{
  const char *summary = lia_event_get_summary (event);
  const char *description = lia_event_get_description (event);

  if (!lia_text_is_blank (summary) && !lia_text_is_blank (description))
    return g_strdup_printf ("%s\n\n%s", summary, description);
  if (!lia_text_is_blank (summary))
    return g_strdup (summary);
  if (!lia_text_is_blank (description))
    return g_strdup (description);

  return g_strdup (lia_event_get_title (event));
}

static const char *
get_link (LiaEvent *event)
{
  if (!lia_text_is_blank (lia_event_get_registration_url (event)))
    return lia_event_get_registration_url (event);
  if (!lia_text_is_blank (lia_event_get_online_url (event)))
    return lia_event_get_online_url (event);

  return NULL;
}

/* A wall-clock time of the event ("YYYY-MM-DDTHH:MM:SS" in its zone) as
 * RFC 3339 in @zone; an all-day event's day as it is. NULL when unset. */
static char *
format_event_time (FeedZones  *self,
                   LiaEvent   *event,
                   const char *text)
{
  const char *tzid = lia_event_get_tzid (event);
  GTimeZone *event_zone;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) converted = NULL;

  if (lia_text_is_blank (text))
    return NULL;
  if (lia_event_get_all_day (event))
    return g_strndup (text, 10);

  if (!(event_zone = g_hash_table_lookup (self->zones, tzid != NULL ? tzid : "")))
    {
      event_zone = dup_zone (tzid);
      g_hash_table_insert (self->zones, g_strdup (tzid != NULL ? tzid : ""), event_zone);
    }
  if (!(local = g_date_time_new_from_iso8601 (text, event_zone)))
    return NULL;
  converted = g_date_time_to_timezone (local, self->zone);

  return g_date_time_format (converted, "%Y-%m-%dT%H:%M:%S%:z");
}

static char *
format_instant (gint64 unix_time)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_time <= 0 || !(time = g_date_time_new_from_unix_utc (unix_time)))
    return NULL;

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* RFC 822 (as RSS 2.0 reads it), in English whatever the locale. */
static char *
format_rfc822 (gint64 unix_time)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GDateTime) time = NULL;

  if (unix_time <= 0 || !(time = g_date_time_new_from_unix_utc (unix_time)))
    return NULL;

  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d +0000",
                          days[g_date_time_get_day_of_week (time) - 1],
                          g_date_time_get_day_of_month (time),
                          months[g_date_time_get_month (time) - 1],
                          g_date_time_get_year (time),
                          g_date_time_get_hour (time),
                          g_date_time_get_minute (time),
                          g_date_time_get_second (time));
}

static void
set_text (JsonObject *object,
          const char *name,
          const char *text)
{
  if (!lia_text_is_blank (text))
    json_object_set_string_member (object, name, text);
}

static void
take_text (JsonObject *object,
           const char *name,
           char       *text)
{
  set_text (object, name, text);
  g_free (text);
}

static JsonArray *
new_string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    if (!lia_text_is_blank (strings[i]))
      json_array_add_string_element (array, strings[i]);

  return array;
}

static GBytes *
generate_json (JsonObject *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);
  gsize length = 0;
  char *text;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

typedef JsonObject *(*BuildItemFunc) (FeedZones  *zones,
                                      LiaEvent   *event,
                                      const char *organizer);

/* A feed of thousands of items, written one item at a time: json-glib
 * writes @head and each item (compact), and each item's tree is freed as
 * soon as it is written, so the feed is never one tree of 10,000 objects
 * (building, writing and freeing that cost more than the rest of a feed).
 * @list_member is appended to @head as an array of the items. */
static GBytes *
generate_streamed (JsonObject          *head,
                   const char          *list_member,
                   const LiaFeedEvents *events,
                   const LiaFeedInfo   *info,
                   FeedZones           *zones,
                   BuildItemFunc        build_item)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) head_node = json_node_init_object (json_node_alloc (), head);
  g_autoptr(JsonNode) name_node = json_node_init_string (json_node_alloc (), list_member);
  GString *out = g_string_sized_new (1024 + events->published->len * 1024);

  json_generator_set_root (generator, head_node);
  json_generator_to_gstring (generator, out);
  /* Reopen the head object for the list: "{...}" → "{...,"NAME":[". */
  g_assert (out->len >= 2 && out->str[out->len - 1] == '}');
  g_string_truncate (out, out->len - 1);
  if (json_object_get_size (head) > 0)
    g_string_append_c (out, ',');
  json_generator_set_root (generator, name_node);
  json_generator_to_gstring (generator, out);
  g_string_append (out, ":[");

  for (guint i = 0; i < events->published->len; i++)
    {
      LiaEvent *event = g_ptr_array_index (events->published, i);
      g_autoptr(JsonNode) item = json_node_init_object (json_node_alloc (),
                                                        build_item (zones, event,
                                                                    lookup_organizer (events, info, event)));

      if (i > 0)
        g_string_append_c (out, ',');
      json_generator_set_root (generator, item);
      json_generator_to_gstring (generator, out);
      json_object_unref (json_node_get_object (item));
    }
  g_string_append (out, "]}\n");

  return g_string_free_to_bytes (out);
}

static const char *
status_nick (LiaEvent *event)
{
  return lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, lia_event_get_status (event));
}

/* JSON Feed */

static JsonObject *
build_event_extension (FeedZones  *self,
                       LiaEvent   *event,
                       const char *organizer)
{
  JsonObject *ext = json_object_new ();
  JsonObject *venue = json_object_new ();

  json_object_set_string_member (ext, "about", EVENT_EXTENSION_ABOUT);
  take_text (ext, "start", format_event_time (self, event, lia_event_get_dtstart (event)));
  take_text (ext, "end", format_event_time (self, event, lia_event_get_dtend (event)));
  json_object_set_boolean_member (ext, "all_day", lia_event_get_all_day (event));
  set_text (ext, "timezone", lia_event_get_tzid (event));
  set_text (ext, "rrule", lia_event_get_rrule (event));
  if (!lia_text_is_blank (lia_event_get_exdates (event)))
    {
      g_auto(GStrv) exdates = g_strsplit (lia_event_get_exdates (event), ",", -1);

      json_object_set_array_member (ext, "exdates", new_string_array ((const char * const *)exdates));
    }
  set_text (ext, "recurrence_id", lia_event_get_recurrence_id (event));
  json_object_set_string_member (ext, "status", status_nick (event));

  set_text (venue, "name", lia_event_get_venue_name (event));
  set_text (venue, "address", lia_event_get_venue_address (event));
  set_text (venue, "room", lia_event_get_venue_room (event));
  if (json_object_get_size (venue) > 0)
    json_object_set_object_member (ext, "venue", venue);
  else
    json_object_unref (venue);

  set_text (ext, "online_url", lia_event_get_online_url (event));
  json_object_set_string_member (ext, "audience",
                                 lia_enum_to_nick (LIA_TYPE_AUDIENCE, lia_event_get_audience (event)));
  set_text (ext, "cost", lia_event_get_cost (event));
  set_text (ext, "registration_url", lia_event_get_registration_url (event));
  set_text (ext, "accessibility", lia_event_get_accessibility (event));
  set_text (ext, "organizer", organizer);

  return ext;
}

static JsonObject *
build_json_item (FeedZones  *self,
                 LiaEvent   *event,
                 const char *organizer)
{
  JsonObject *item = json_object_new ();
  const char * const *categories = lia_event_get_categories (event);

  take_text (item, "id", dup_item_id (event));
  set_text (item, "url", get_link (event));
  set_text (item, "title", lia_event_get_title (event));
  json_object_set_string_member (item, "content_text", "");
  take_text (item, "content_text", dup_content_text (event));
  set_text (item, "image", lia_event_get_image_url (event));
  take_text (item, "date_published", format_instant (lia_event_get_created_at (event)));
  take_text (item, "date_modified", format_instant (lia_event_get_updated_at (event)));
  if (categories != NULL && categories[0] != NULL)
    json_object_set_array_member (item, "tags", new_string_array (categories));
  json_object_set_object_member (item, "_event", build_event_extension (self, event, organizer));

  return item;
}

GBytes *
lia_feed_json_from_events (const LiaFeedEvents *events,
                           const LiaFeedInfo   *info)
{
  g_auto(FeedZones) zones = { 0 };
  g_autoptr(JsonObject) root = NULL;

  g_return_val_if_fail (events != NULL, NULL);

  feed_zones_init (&zones, info);
  root = json_object_new ();
  json_object_set_string_member (root, "version", "https://jsonfeed.org/version/1.1");
  json_object_set_string_member (root, "title", "");
  if (info != NULL)
    {
      set_text (root, "title", info->title);
      set_text (root, "home_page_url", info->home_page_url);
      set_text (root, "feed_url", info->feed_url);
      set_text (root, "description", info->description);
    }

  return generate_streamed (root, "items", events, info, &zones, build_json_item);
}

GBytes *
lia_feed_json (LiaStore             *store,
               const LiaEventQuery  *query,
               const LiaFeedInfo    *info,
               GError              **error)
{
  g_autoptr(LiaFeedEvents) events = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(events = lia_feed_events_load (store, query, error)))
    return NULL;

  return lia_feed_json_from_events (events, info);
}

/* JSON-LD */

static const char *
schema_status (LiaEvent *event)
{
  switch (lia_event_get_status (event))
    {
    case LIA_EVENT_STATUS_CANCELLED:
      return "https://schema.org/EventCancelled";
    case LIA_EVENT_STATUS_POSTPONED:
      return "https://schema.org/EventPostponed";
    case LIA_EVENT_STATUS_DRAFT:
    case LIA_EVENT_STATUS_CONFIRMED:
    default:
      return "https://schema.org/EventScheduled";
    }
}

static const char *
schema_day (const char *byday)
{
  static const struct { const char *ical; const char *schema; } days[] = {
    { "MO", "https://schema.org/Monday" },
    { "TU", "https://schema.org/Tuesday" },
    { "WE", "https://schema.org/Wednesday" },
    { "TH", "https://schema.org/Thursday" },
    { "FR", "https://schema.org/Friday" },
    { "SA", "https://schema.org/Saturday" },
    { "SU", "https://schema.org/Sunday" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (g_strcmp0 (byday, days[i].ical) == 0)
      return days[i].schema;

  return NULL;
}

/* A schema.org Schedule for an RRULE made only of FREQ, INTERVAL, plain
 * BYDAY, COUNT, UNTIL and WKST; NULL for anything else (the feed then
 * gives only the first date). */
static JsonObject *
build_schedule (LiaEvent *event)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonObject) schedule = json_object_new ();
  g_autoptr(JsonArray) by_day = NULL;
  const char *unit = NULL;
  const char *start = lia_event_get_dtstart (event);
  gint64 interval = 1;

  if (lia_text_is_blank (lia_event_get_rrule (event)))
    return NULL;

  json_object_set_string_member (schedule, "@type", "Schedule");
  parts = g_strsplit (lia_event_get_rrule (event), ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *value = strchr (parts[i], '=');
      g_autofree char *key = NULL;

      if (value == NULL)
        return NULL;
      key = g_ascii_strup (parts[i], value - parts[i]);
      value++;

      if (g_str_equal (key, "FREQ"))
        {
          if (g_ascii_strcasecmp (value, "DAILY") == 0)
            unit = "D";
          else if (g_ascii_strcasecmp (value, "WEEKLY") == 0)
            unit = "W";
          else if (g_ascii_strcasecmp (value, "MONTHLY") == 0)
            unit = "M";
          else if (g_ascii_strcasecmp (value, "YEARLY") == 0)
            unit = "Y";
          else
            return NULL;
        }
      else if (g_str_equal (key, "INTERVAL"))
        {
          if (!g_ascii_string_to_signed (value, 10, 1, 1000, &interval, NULL))
            return NULL;
        }
      else if (g_str_equal (key, "BYDAY"))
        {
          g_auto(GStrv) days = g_strsplit (value, ",", -1);

          by_day = json_array_new ();
          for (guint j = 0; days[j] != NULL; j++)
            {
              g_autofree char *day = g_ascii_strup (days[j], -1);
              const char *name = schema_day (day);

              if (name == NULL)
                return NULL;
              json_array_add_string_element (by_day, name);
            }
        }
      else if (g_str_equal (key, "COUNT"))
        {
          gint64 count;

          if (!g_ascii_string_to_signed (value, 10, 1, G_MAXINT, &count, NULL))
            return NULL;
          json_object_set_int_member (schedule, "repeatCount", count);
        }
      else if (g_str_equal (key, "UNTIL"))
        {
          if (strlen (value) < 8)
            return NULL;
          take_text (schedule, "endDate", g_strdup_printf ("%.4s-%.2s-%.2s", value, value + 4, value + 6));
        }
      else if (!g_str_equal (key, "WKST"))
        return NULL;
    }

  if (unit == NULL)
    return NULL;

  take_text (schedule, "repeatFrequency", g_strdup_printf ("P%" G_GINT64_FORMAT "%s", interval, unit));
  if (by_day != NULL)
    json_object_set_array_member (schedule, "byDay", g_steal_pointer (&by_day));
  /* Wall-clock times in the event's own zone, which stay right across a
   * change of offset (daylight saving time) where an offset would not. */
  if (start != NULL && strlen (start) >= 10)
    take_text (schedule, "startDate", g_strndup (start, 10));
  if (!lia_event_get_all_day (event))
    {
      const char *end = lia_event_get_dtend (event);

      if (start != NULL && strlen (start) > 11)
        json_object_set_string_member (schedule, "startTime", start + 11);
      if (end != NULL && strlen (end) > 11)
        json_object_set_string_member (schedule, "endTime", end + 11);
    }
  set_text (schedule, "scheduleTimezone", lia_event_get_tzid (event));

  return g_steal_pointer (&schedule);
}

static JsonObject *
build_place (LiaEvent *event)
{
  JsonObject *place = json_object_new ();
  const char *name = lia_event_get_venue_name (event);
  const char *room = lia_event_get_venue_room (event);

  json_object_set_string_member (place, "@type", "Place");
  if (!lia_text_is_blank (name) && !lia_text_is_blank (room))
    take_text (place, "name", g_strdup_printf ("%s, %s", name, room));
  else
    set_text (place, "name", !lia_text_is_blank (name) ? name : room);
  if (!lia_text_is_blank (lia_event_get_venue_address (event)))
    {
      JsonObject *address = json_object_new ();

      json_object_set_string_member (address, "@type", "PostalAddress");
      json_object_set_string_member (address, "streetAddress", lia_event_get_venue_address (event));
      json_object_set_object_member (place, "address", address);
    }

  return place;
}

static JsonObject *
build_jsonld_event (FeedZones  *self,
                    LiaEvent   *event,
                    const char *organizer)
{
  JsonObject *object = json_object_new ();
  gboolean online = !lia_text_is_blank (lia_event_get_online_url (event));
  gboolean offline = !lia_text_is_blank (lia_event_get_venue_name (event))
    || !lia_text_is_blank (lia_event_get_venue_address (event))
    || !lia_text_is_blank (lia_event_get_venue_room (event));
  const char *cost = lia_event_get_cost (event);
  const char *registration = lia_event_get_registration_url (event);
  JsonObject *schedule;

  json_object_set_string_member (object, "@type", "Event");
  take_text (object, "@id", dup_item_id (event));
  set_text (object, "name", lia_event_get_title (event));
  take_text (object, "description", dup_content_text (event));
  take_text (object, "startDate", format_event_time (self, event, lia_event_get_dtstart (event)));
  take_text (object, "endDate", format_event_time (self, event, lia_event_get_dtend (event)));
  json_object_set_string_member (object, "eventStatus", schema_status (event));
  json_object_set_string_member (object, "eventAttendanceMode",
                                 online && offline ? "https://schema.org/MixedEventAttendanceMode"
                                 : online ? "https://schema.org/OnlineEventAttendanceMode"
                                 : "https://schema.org/OfflineEventAttendanceMode");

  if (online && offline)
    {
      JsonArray *locations = json_array_new ();
      JsonObject *virtual = json_object_new ();

      json_object_set_string_member (virtual, "@type", "VirtualLocation");
      json_object_set_string_member (virtual, "url", lia_event_get_online_url (event));
      json_array_add_object_element (locations, build_place (event));
      json_array_add_object_element (locations, virtual);
      json_object_set_array_member (object, "location", locations);
    }
  else if (online)
    {
      JsonObject *virtual = json_object_new ();

      json_object_set_string_member (virtual, "@type", "VirtualLocation");
      json_object_set_string_member (virtual, "url", lia_event_get_online_url (event));
      json_object_set_object_member (object, "location", virtual);
    }
  else if (offline)
    json_object_set_object_member (object, "location", build_place (event));

  set_text (object, "image", lia_event_get_image_url (event));

  if (!lia_text_is_blank (cost) || !lia_text_is_blank (registration))
    {
      JsonObject *offer = json_object_new ();

      json_object_set_string_member (offer, "@type", "Offer");
      json_object_set_string_member (offer, "price", !lia_text_is_blank (cost) ? cost : "Free");
      set_text (offer, "url", registration);
      json_object_set_object_member (object, "offers", offer);
    }

  if (!lia_text_is_blank (organizer))
    {
      JsonObject *organization = json_object_new ();

      json_object_set_string_member (organization, "@type", "Organization");
      json_object_set_string_member (organization, "name", organizer);
      json_object_set_object_member (object, "organizer", organization);
    }

  if (lia_event_is_recurring (event) && (schedule = build_schedule (event)) != NULL)
    json_object_set_object_member (object, "eventSchedule", schedule);

  return object;
}

GBytes *
lia_feed_jsonld_from_events (const LiaFeedEvents *events,
                             const LiaFeedInfo   *info)
{
  g_auto(FeedZones) zones = { 0 };
  g_autoptr(JsonObject) root = NULL;

  g_return_val_if_fail (events != NULL, NULL);

  feed_zones_init (&zones, info);
  root = json_object_new ();
  json_object_set_string_member (root, "@context", "https://schema.org");
  return generate_streamed (root, "@graph", events, info, &zones, build_jsonld_event);
}

GBytes *
lia_feed_jsonld (LiaStore             *store,
                 const LiaEventQuery  *query,
                 const LiaFeedInfo    *info,
                 GError              **error)
{
  g_autoptr(LiaFeedEvents) events = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(events = lia_feed_events_load (store, query, error)))
    return NULL;

  return lia_feed_jsonld_from_events (events, info);
}

/* RSS */

static void
append_element (GString    *out,
                const char *indent,
                const char *name,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (out, "%s<%s>%s</%s>\n", indent, name, escaped, name);
}

static void
append_rss_item (GString    *out,
                 LiaEvent   *event,
                 const char *fallback_link)
{
  const char * const *categories = lia_event_get_categories (event);
  const char *link = get_link (event);
  g_autofree char *guid = dup_item_id (event);
  g_autofree char *escaped_guid = g_markup_escape_text (guid, -1);
  g_autofree char *description = dup_content_text (event);
  g_autofree char *pub_date = format_rfc822 (lia_event_get_created_at (event));

  g_string_append (out, "    <item>\n");
  append_element (out, "      ", "title", lia_event_get_title (event));
  append_element (out, "      ", "link", link != NULL ? link : fallback_link);
  append_element (out, "      ", "description", description);
  g_string_append_printf (out, "      <guid isPermaLink=\"false\">%s</guid>\n", escaped_guid);
  append_element (out, "      ", "pubDate", pub_date);
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    append_element (out, "      ", "category", categories[i]);
  g_string_append (out, "    </item>\n");
}

GBytes *
lia_feed_rss_from_events (const LiaFeedEvents *events,
                          const LiaFeedInfo   *info)
{
  g_autoptr(GString) out = NULL;
  const char *title = NULL;
  const char *link = NULL;
  const char *description = NULL;

  g_return_val_if_fail (events != NULL, NULL);

  if (info != NULL)
    {
      title = info->title;
      link = info->home_page_url;
      description = info->description;
    }

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
                      "  <channel>\n");
  append_element (out, "    ", "title", title != NULL ? title : "");
  append_element (out, "    ", "link", link != NULL ? link : "");
  append_element (out, "    ", "description", description != NULL ? description : "");
  /* Where the feed itself lives, as the RSS Advisory Board recommends. */
  if (info != NULL && info->feed_url != NULL && *info->feed_url != '\0')
    {
      g_autofree char *self_url = g_markup_escape_text (info->feed_url, -1);

      g_string_append_printf (out, "    <atom:link href=\"%s\" rel=\"self\" type=\"application/rss+xml\"/>\n",
                              self_url);
    }
  for (guint i = 0; i < events->published->len; i++)
    append_rss_item (out, g_ptr_array_index (events->published, i), link);
  g_string_append (out, "  </channel>\n</rss>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
lia_feed_rss (LiaStore             *store,
              const LiaEventQuery  *query,
              const LiaFeedInfo    *info,
              GError              **error)
{
  g_autoptr(LiaFeedEvents) events = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(events = lia_feed_events_load (store, query, error)))
    return NULL;

  return lia_feed_rss_from_events (events, info);
}

/* The directory */

static JsonArray *
new_services_array (LiaPartner *partner)
{
  JsonArray *array = json_array_new ();
  g_auto(GStrv) services = lia_partner_dup_services_list (partner);

  for (guint i = 0; services[i] != NULL; i++)
    json_array_add_string_element (array, services[i]);

  return array;
}

static JsonObject *
build_directory_entry (LiaPartner *partner)
{
  JsonObject *entry = json_object_new ();

  /* Only the partner record's own public fields: never notes, owner,
   * contacts or upkeep. */
  json_object_set_string_member (entry, "name", lia_partner_get_name (partner));
  json_object_set_string_member (entry, "kind",
                                 lia_enum_to_nick (LIA_TYPE_PARTNER_KIND, lia_partner_get_kind (partner)));
  json_object_set_string_member (entry, "promotion",
                                 lia_enum_to_nick (LIA_TYPE_PROMOTION_TIER,
                                                   lia_partner_get_promotion_tier (partner)));
  set_text (entry, "description", lia_partner_get_description (partner));
  json_object_set_array_member (entry, "services", new_services_array (partner));
  set_text (entry, "website", lia_partner_get_website (partner));
  set_text (entry, "email", lia_partner_get_email (partner));
  set_text (entry, "phone", lia_partner_get_phone (partner));
  set_text (entry, "address", lia_partner_get_address (partner));

  return entry;
}

static int
compare_partner_names (gconstpointer a,
                       gconstpointer b)
{
  LiaPartner *pa = *(LiaPartner **)a;
  LiaPartner *pb = *(LiaPartner **)b;
  int cmp = g_utf8_collate (lia_partner_get_name (pa), lia_partner_get_name (pb));

  if (cmp != 0)
    return cmp;

  return (lia_partner_get_id (pa) > lia_partner_get_id (pb)) - (lia_partner_get_id (pa) < lia_partner_get_id (pb));
}

GBytes *
lia_feed_directory (LiaStore           *store,
                    const LiaFeedInfo  *info,
                    GError            **error)
{
  LiaPartnerQuery query;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonObject) root = NULL;
  JsonArray *entries;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lia_partner_query_init (&query);
  query.status = LIA_PARTNER_STATUS_ACTIVE;
  query.sort = LIA_PARTNER_SORT_NAME;
  if (!(ids = lia_store_query_partner_ids (store, &query, NULL, error)))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      LiaPartner *partner;

      if (!(partner = lia_store_get_partner (store, g_array_index (ids, gint64, i), error)))
        return NULL;
      if (lia_partner_get_deleted_at (partner) != 0
          || lia_partner_get_status (partner) != LIA_PARTNER_STATUS_ACTIVE
          || lia_partner_get_promotion_tier (partner) == LIA_PROMOTION_TIER_NOT_PROMOTED)
        {
          g_object_unref (partner);
          continue;
        }
      g_ptr_array_add (partners, partner);
    }
  g_ptr_array_sort (partners, compare_partner_names);

  root = json_object_new ();
  json_object_set_int_member (root, "version", 1);
  if (info != NULL)
    {
      set_text (root, "title", info->title);
      set_text (root, "home_page_url", info->home_page_url);
      set_text (root, "library", info->library_name);
    }
  entries = json_array_new ();
  for (guint i = 0; i < partners->len; i++)
    json_array_add_object_element (entries, build_directory_entry (g_ptr_array_index (partners, i)));
  json_object_set_array_member (root, "partners", entries);

  return generate_json (root);
}
