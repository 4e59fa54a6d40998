/* lia-tec-publisher.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Events Calendar (a WordPress plugin) through its REST API under
 * {site}/wp-json/tribe/events/v1/, logged in with a WordPress Application
 * Password (HTTP Basic, which lia-http sends with the first request and
 * refuses over plain HTTP except to loopback).
 *
 * What this relies on: The Events Calendar's knowledge-base pages "The
 * Events Calendar REST API Reference" and "Using The Events Calendar REST
 * API"; the Swagger definitions each site serves at
 * /wp-json/tribe/events/v1/doc, as the plugin writes them (its
 * src/Tribe/REST/V1/Endpoints/Single_Event.php and Archive_Venue.php and
 * the route registration of events/by-slug were read for the statuses
 * below); and the WordPress REST API Handbook's "Authentication" page
 * ("Basic Authentication with Application Passwords", WordPress 5.6+):
 * - POST /events creates (201), POST or PUT /events/{id} updates (200:
 *   the route is WP_REST_Server::EDITABLE), DELETE /events/{id} moves the
 *   post to the trash (200) and answers 410 when it is there already;
 *   GET /events/{id} reads one (404 when there is none), GET
 *   /events/by-slug/{slug} finds one by its slug (404 when none).
 * - Fields sent: title, description (HTML), slug, status (a post status),
 *   start_date and end_date ("YYYY-MM-DD HH:MM:SS", wall time in
 *   timezone), timezone, all_day, cost, website, categories (names or
 *   ids), image (id or URL), venue (an id) and organizer (ids). 400 for a
 *   missing title or start date and for a parameter in the wrong format,
 *   with WordPress's {"code", "message", "data": {"status"}} body.
 * - An event read back carries id, url, slug and modified_utc.
 * - GET /venues and /organizers list at most 50 a page, with
 *   next_rest_url while there are more, and answer 404 (not an empty
 *   list) when there is none at all; POST /venues ("venue": its name)
 *   and POST /organizers ("organizer": its name) create one (201).
 *
 * TEC knows no recurrence in its free version: every date of a series is
 * an event post of its own, keyed "<uid>@<original start, UTC>" so that a
 * date moved by an override stays the same post. Its slug is the title
 * made URL-safe plus a short hash of that key: a create whose response
 * was lost (a timeout after the server stored it) is found again with
 * GET /events/by-slug/{slug} and updated instead of posted twice.
 *
 * TEC's event status ("scheduled", "canceled", "postponed") is not a field
 * of the v1 REST API, so a cancelled date stays published ("publish"),
 * its title prefixed with "CANCELED: " (TEC's own spelling), and so does
 * a postponed one with "POSTPONED: ": a visitor who saw the date learns
 * it is off, and a search engine that indexed the page finds it updated.
 *
 * An item's content is the body sent, except that the venue and the
 * organizer (the partner, or the library for its own events) are named in
 * a private member, "_liaison", which apply() replaces by their ids:
 * each is created once (POST /venues, /organizers, under a lock) when the
 * site has none by that name, and the content does not depend on ids one
 * site gave.
 *
 * The remote copy changed under us when its modified_utc differs from the
 * one recorded at our last write (kept as the record's ETag): the update
 * is then a conflict, never an overwrite.
 */

#define G_LOG_DOMAIN "lia-tec"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lia-publisher.h"
#include "lia-recurrence.h"
#include "lia-validate.h"

#define API_PATH "wp-json/tribe/events/v1/"
#define DAY (24 * 60 * 60)
/* The private member of an item's content that apply() turns into ids. */
#define LINKED_MEMBER "_liaison"
#define JSON_TYPE "application/json"
#define SLUG_MAX 60
#define MAX_PAGES 1000
/* The most TEC gives in one page of an archive. */
#define PER_PAGE 50

G_DECLARE_FINAL_TYPE (LiaTecPublisher, lia_tec_publisher, LIA, TEC_PUBLISHER, GObject)

struct _LiaTecPublisher
{
  GObject     parent_instance;

  /* Owned */
  LiaTarget  *target;
  LiaHttp    *http;
  char       *api_url;        /* {site}/wp-json/tribe/events/v1/ */
  char       *library_name;
  char       *time_zone;      /* IANA */
  GTimeZone  *zone;

  /* Venues and organizers by name → post id (gint64 in a pointer-sized
   * box). Read in prepare(), grown by apply() on several threads: the
   * lock is held across the POST that creates one, so two steps naming
   * the same new venue create it once. */
  GMutex      linked_lock;
  GHashTable *venues;
  GHashTable *organizers;
};

static void lia_tec_publisher_iface_init (LiaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaTecPublisher, lia_tec_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIA_TYPE_PUBLISHER, lia_tec_publisher_iface_init))

/* The two kinds of linked post: the endpoint, the name's field and the
 * member of an archive page. */
typedef struct
{
  const char *endpoint;
  const char *name_field;
} LinkedKind;

static const LinkedKind venue_kind = { "venues", "venue" };
static const LinkedKind organizer_kind = { "organizers", "organizer" };


/* A member of @object when it holds an array or object, else NULL. */
static JsonArray *
get_array_member (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A string member, or NULL whatever else it holds (TEC answers [] or
 * false for what an event does not have). */
static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
dup_api_url (LiaTecPublisher *self,
             const char      *format,
             ...) G_GNUC_PRINTF (2, 3);

static char *
dup_api_url (LiaTecPublisher *self,
             const char      *format,
             ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);

  return g_strconcat (self->api_url, path, NULL);
}

/* Content building */

/* User text as HTML paragraphs: a blank line starts a paragraph, a line
 * break inside one is <br>; everything escaped, so markup a user typed
 * shows as text and never runs. */
static void
append_paragraphs (GString    *html,
                   const char *text)
{
  g_auto(GStrv) paragraphs = NULL;

  if (lia_text_is_blank (text))
    return;

  paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;
      gboolean first = TRUE;

      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;

      g_string_append (html, "<p>");
      lines = g_strsplit (paragraphs[i], "\n", -1);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (g_strstrip (lines[j]), -1);

          if (!first)
            g_string_append (html, "<br>\n");
          g_string_append (html, escaped);
          first = FALSE;
        }
      g_string_append (html, "</p>\n");
    }
}

static char *
build_description (LiaEvent *event)
{
  GString *html = g_string_new (NULL);

  /* As the feeds have it: the summary, then the description. Nothing
   * here is translated, so the content (and its hash) does not change
   * with the language of whoever runs the publish. */
  append_paragraphs (html, lia_event_get_summary (event));
  append_paragraphs (html, lia_event_get_description (event));

  /* Without a trailing newline, so the text is the same whatever the
   * last paragraph was. */
  if (html->len > 0 && html->str[html->len - 1] == '\n')
    g_string_truncate (html, html->len - 1);

  return g_string_free (html, FALSE);
}

/* The title made URL-safe (ASCII letters and digits, '-' between words),
 * then '-' and the first 8 hex digits of SHA-256 of @key: the same title
 * on two dates gives two slugs, and the same date always the same one. */
static char *
build_slug (const char *title,
            const char *key)
{
  g_autofree char *ascii = g_str_to_ascii (title != NULL ? title : "", "C");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0' && slug->len < SLUG_MAX; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  if (slug->len == 0)
    g_string_append (slug, "event");
  g_string_append_printf (slug, "-%.8s", hash);

  return g_string_free (slug, FALSE);
}

static char *
format_wall_time (gint64     utc,
                  GTimeZone *zone)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, zone);

  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

/* The UTC day of an all-day instant (lia-recurrence keeps days as
 * 00:00–24:00 UTC so that they stay days in every zone). */
static char *
format_day (gint64      utc,
            const char *time)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autofree char *day = g_date_time_format (instant, "%Y-%m-%d");

  return g_strdup_printf ("%s %s", day, time);
}

/* "20270713T010000Z": the item key's part that names a date. */
static char *
format_key_time (gint64 utc)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (utc);

  return g_date_time_format (instant, "%Y%m%dT%H%M%SZ");
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (lia_text_is_blank (value))
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

typedef struct
{
  LiaEvent                 *series;     /* Borrowed */
  LiaEvent                 *event;      /* Borrowed: the override, or the series */
  const LiaEventOccurrence *occurrence;
  const char               *key;
} OccurrenceInfo;

static GBytes *
build_content (LiaTecPublisher      *self,
               const OccurrenceInfo *info,
               char                **title_out)
{
  LiaEvent *event = info->event;
  const LiaEventOccurrence *occurrence = info->occurrence;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *description = build_description (event);
  g_autofree char *slug = build_slug (lia_event_get_title (event), info->key);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char * const *categories = lia_event_get_categories (event);
  const char *organizer;
  const char *website;
  char *text;
  gsize length;

  switch (occurrence->status)
    {
    case LIA_EVENT_STATUS_CANCELLED:
      /* Not translated: TEC's own word, what the site's visitors read. */
      title = g_strconcat ("CANCELED: ", lia_event_get_title (event), NULL);
      break;
    case LIA_EVENT_STATUS_POSTPONED:
      title = g_strconcat ("POSTPONED: ", lia_event_get_title (event), NULL);
      break;
    default:
      title = g_strdup (lia_event_get_title (event));
      break;
    }
  /* WordPress prints a title as HTML: escaped, a title typed as markup
   * shows as text. */
  escaped_title = g_markup_escape_text (title, -1);

  if (occurrence->all_day)
    {
      /* TEC's all-day events run from 00:00:00 to 23:59:59 of their days. */
      gint64 last = MAX (occurrence->end_utc, occurrence->start_utc + DAY) - 1;

      start = format_day (occurrence->start_utc, "00:00:00");
      end = format_day (last, "23:59:59");
    }
  else
    {
      start = format_wall_time (occurrence->start_utc, self->zone);
      end = format_wall_time (MAX (occurrence->end_utc, occurrence->start_utc), self->zone);
    }

  website = !lia_text_is_blank (lia_event_get_registration_url (event)) ? lia_event_get_registration_url (event)
                                                                : lia_event_get_online_url (event);
  organizer = occurrence->partner_name != NULL ? occurrence->partner_name : self->library_name;

  json_builder_begin_object (builder);
  add_string_member (builder, "title", escaped_title);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, description);
  add_string_member (builder, "slug", slug);
  add_string_member (builder, "status", "publish");
  add_string_member (builder, "start_date", start);
  add_string_member (builder, "end_date", end);
  add_string_member (builder, "timezone", self->time_zone);
  json_builder_set_member_name (builder, "all_day");
  json_builder_add_boolean_value (builder, occurrence->all_day);
  add_string_member (builder, "cost", lia_event_get_cost (event));
  add_string_member (builder, "website", website);
  add_string_member (builder, "image", lia_event_get_image_url (event));
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    json_builder_add_string_value (builder, categories[i]);
  json_builder_end_array (builder);

  /* By name here, so the content (and its hash) does not depend on the
   * ids one site gave them; apply() swaps in the ids. */
  json_builder_set_member_name (builder, LINKED_MEMBER);
  json_builder_begin_object (builder);
  add_string_member (builder, "venue", lia_event_get_venue_name (event));
  add_string_member (builder, "venue_address", lia_event_get_venue_address (event));
  add_string_member (builder, "organizer", organizer);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  *title_out = g_steal_pointer (&title);

  return g_bytes_new_take (text, length);
}

/* The key of an occurrence: its original start, so that an override
 * moving the date keeps the same key (and post). */
static char *
build_key (LiaEvent                 *series,
           const LiaEventOccurrence *occurrence,
           GError                  **error)
{
  g_autofree char *when = NULL;
  gint64 original = occurrence->start_utc;

  if (occurrence->recurrence_id != NULL &&
      !lia_time_to_utc (occurrence->recurrence_id, lia_event_get_tzid (series),
                        lia_event_get_all_day (series), &original, error))
    return NULL;

  when = format_key_time (original);

  return g_strdup_printf ("%s@%s", lia_event_get_uid (series), when);
}

static LiaEvent *
lookup_event (LiaStore    *store,
              GHashTable  *cache,
              gint64       id,
              GError     **error)
{
  LiaEvent *event = g_hash_table_lookup (cache, &id);

  if (event == NULL)
    {
      if (!(event = lia_store_get_event (store, id, error)))
        return NULL;
      g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), event);
    }

  return event;
}

/* Request helpers */

/* WordPress's error body: {"code": ..., "message": ..., "data": ...}. */
static char *
dup_server_message (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  const char *message;
  gsize length;
  const char *data;

  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &length);
  if (length == 0 || !json_parser_load_from_data (parser, data, length, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  message = get_string_member (object, "message");

  return lia_text_is_blank (message) ? NULL : g_strdup (message);
}

/* lia_http_check_status(), with the server's own words when it gave
 * some ("Invalid parameter(s): website"): what the user needs to fix.
 * The job names the target when a 401/403 stops the run. */
static gboolean
check_response (SoupMessage  *message,
                GBytes       *body,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *server_message = NULL;

  if (lia_http_check_status (message, &local_error))
    return TRUE;

  if ((server_message = dup_server_message (body)) != NULL)
    g_prefix_error (&local_error, "%s — ", server_message);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static JsonNode *
parse_json (GBytes      *body,
            const char  *url,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  if (!json_parser_load_from_data (parser, data, length, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      /* A body cut short, or a page of the site's theme instead of the
       * API (a proxy, a maintenance page): try again later. */
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT,
                   _("The website answered %s with something that is not The Events Calendar’s JSON"),
                   url);
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

/* Sends @method to @url with @body (a JSON object, or NULL); returns the
 * message, and the parsed answer in *@answer when the status is 2xx. The
 * statuses in @accepted (0-terminated) come back without an error and
 * without an answer. */
static SoupMessage *
send_json (LiaTecPublisher  *self,
           const char       *method,
           const char       *url,
           JsonNode         *body,
           const guint      *accepted,
           JsonNode        **answer,
           GCancellable     *cancellable,
           GError          **error)
{
  static const char * const headers[] = { "Accept", JSON_TYPE, NULL };
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(SoupMessage) message = NULL;
  guint status;

  if (body != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize length;
      char *data;

      json_generator_set_root (generator, body);
      data = json_generator_to_data (generator, &length);
      request = g_bytes_new_take (data, length);
    }

  if (!(response = lia_http_send (self->http, method, url, headers, request,
                                  request != NULL ? JSON_TYPE : NULL,
                                  &message, cancellable, error)))
    return NULL;

  status = soup_message_get_status (message);
  for (guint i = 0; accepted != NULL && accepted[i] != 0; i++)
    if (status == accepted[i])
      return g_steal_pointer (&message);

  if (!check_response (message, response, error))
    return NULL;

  if (answer != NULL && !(*answer = parse_json (response, url, error)))
    return NULL;

  return g_steal_pointer (&message);
}

static gint64
get_id_member (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "id");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);

  return json_node_get_int (node);
}

/* What a step leaves in its record: the post id, its page and its
 * modified_utc (our ETag). */
static gboolean
fill_result (JsonNode          *answer,
             const char        *url,
             LiaPublishResult  *result,
             GError           **error)
{
  JsonObject *event = json_node_get_object (answer);
  gint64 id = get_id_member (event);

  if (id <= 0)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_FAILED,
                   _("The website answered %s without the event’s id"), url);
      return FALSE;
    }

  result->remote_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  result->remote_href = g_strdup (get_string_member (event, "url"));
  result->remote_etag = g_strdup (get_string_member (event, "modified_utc"));

  return TRUE;
}

/* Venues and organizers */

/* Reads every page of @kind's archive into @table. */
static gboolean
load_linked (LiaTecPublisher   *self,
             const LinkedKind  *kind,
             GHashTable        *table,
             GCancellable      *cancellable,
             GError           **error)
{
  static const guint accepted[] = { SOUP_STATUS_NOT_FOUND, 0 };
  gboolean more = TRUE;

  /* Pages asked for by number rather than by following next_rest_url:
   * a site behind a proxy may write its own address there with http://,
   * or with another host, where the credentials must not go. */
  for (guint page = 1; more && page <= MAX_PAGES; page++)
    {
      g_autofree char *url = dup_api_url (self, "%s?per_page=%u&page=%u", kind->endpoint, PER_PAGE, page);
      g_autoptr(SoupMessage) message = NULL;
      g_autoptr(JsonNode) answer = NULL;
      JsonObject *object;
      JsonArray *posts;

      if (!(message = send_json (self, "GET", url, NULL, accepted, &answer, cancellable, error)))
        return FALSE;
      /* TEC answers an archive with nothing in it with 404. */
      if (soup_message_get_status (message) == SOUP_STATUS_NOT_FOUND)
        return TRUE;

      object = json_node_get_object (answer);
      posts = get_array_member (object, kind->endpoint);
      for (guint i = 0; posts != NULL && i < json_array_get_length (posts); i++)
        {
          JsonNode *node = json_array_get_element (posts, i);
          JsonObject *post = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *name = post != NULL ? get_string_member (post, kind->name_field) : NULL;
          gint64 id = post != NULL ? get_id_member (post) : 0;

          /* The first of two posts with one name wins, every run alike. */
          if (!lia_text_is_blank (name) && id > 0 && !g_hash_table_contains (table, name))
            g_hash_table_insert (table, g_strdup (name), g_memdup2 (&id, sizeof id));
        }

      more = !lia_text_is_blank (get_string_member (object, "next_rest_url"));
    }

  return TRUE;
}

/* The id of the venue or organizer named @name, created the first time. */
static gint64
resolve_linked (LiaTecPublisher   *self,
                const LinkedKind  *kind,
                GHashTable        *table,
                const char        *name,
                const char        *address,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->linked_lock);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *url = NULL;
  gint64 *known = g_hash_table_lookup (table, name);
  gint64 id;

  if (known != NULL)
    return *known;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, kind->name_field, name);
  add_string_member (builder, "address", address);
  add_string_member (builder, "status", "publish");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  url = dup_api_url (self, "%s", kind->endpoint);
  if (!(message = send_json (self, "POST", url, body, NULL, &answer, cancellable, error)))
    return 0;

  if ((id = get_id_member (json_node_get_object (answer))) <= 0)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_FAILED,
                   _("The website answered %s without the new post’s id"), url);
      return 0;
    }

  g_hash_table_insert (table, g_strdup (name), g_memdup2 (&id, sizeof id));

  return id;
}

/* The body TEC gets: the item's content with its venue and organizer
 * names turned into ids. */
static JsonNode *
build_request (LiaTecPublisher  *self,
               GBytes           *content,
               char            **slug,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *linked;
  const char *venue = NULL;
  const char *address = NULL;
  const char *organizer = NULL;
  gsize length;
  const char *data = g_bytes_get_data (content, &length);

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_node_copy (json_parser_get_root (parser));
  object = json_node_get_object (root);

  if ((linked = get_object_member (object, LINKED_MEMBER)) != NULL)
    {
      venue = get_string_member (linked, "venue");
      address = get_string_member (linked, "venue_address");
      organizer = get_string_member (linked, "organizer");
    }

  if (!lia_text_is_blank (venue))
    {
      gint64 id = resolve_linked (self, &venue_kind, self->venues, venue, address, cancellable, error);

      if (id <= 0)
        return NULL;
      json_object_set_int_member (object, "venue", id);
    }

  if (!lia_text_is_blank (organizer))
    {
      gint64 id = resolve_linked (self, &organizer_kind, self->organizers, organizer, NULL, cancellable, error);
      JsonArray *ids;

      if (id <= 0)
        return NULL;
      ids = json_array_new ();
      json_array_add_int_element (ids, id);
      json_object_set_array_member (object, "organizer", ids);
    }

  json_object_remove_member (object, LINKED_MEMBER);
  *slug = g_strdup (get_string_member (object, "slug"));
  if (*slug == NULL)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_FAILED, _("The event to publish has no slug"));
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* LiaPublisher */

static GPtrArray *
lia_tec_publisher_build_items (LiaPublisher  *publisher,
                               LiaStore      *store,
                               GArray        *event_ids,
                               GError       **error)
{
  LiaTecPublisher *self = LIA_TEC_PUBLISHER (publisher);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_publish_item_free);
  g_autoptr(GHashTable) selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GDateTime) now = lia_store_dup_now (store);
  gint64 now_utc = g_date_time_to_unix (now);
  gint64 from = now_utc - (gint64)MAX (self->target->past_days, 0) * DAY;
  gint64 to = now_utc + (gint64)MAX (self->target->future_days, 0) * DAY;

  for (guint i = 0; i < event_ids->len; i++)
    {
      gint64 id = g_array_index (event_ids, gint64, i);

      g_hash_table_add (selected, g_memdup2 (&id, sizeof id));
    }

  /* One read of the window for every series (the store keeps their dates
   * expanded), overrides in place of the dates they change. */
  if (!(occurrences = lia_store_list_occurrences (store, NULL, from, to, 0, error)))
    return NULL;

  for (guint i = 0; i < occurrences->len; i++)
    {
      const LiaEventOccurrence *occurrence = &g_array_index (occurrences, LiaEventOccurrence, i);
      g_autofree char *key = NULL;
      g_autofree char *title = NULL;
      OccurrenceInfo info = { NULL, };
      LiaPublishItem *item;
      GBytes *content;

      if (!g_hash_table_contains (selected, &occurrence->series_id))
        continue;
      /* An override still being written is not published; the series'
       * other dates are. */
      if (occurrence->status == LIA_EVENT_STATUS_DRAFT)
        continue;

      if (!(info.series = lookup_event (store, events, occurrence->series_id, error)) ||
          !(info.event = lookup_event (store, events, occurrence->event_id, error)) ||
          !(key = build_key (info.series, occurrence, error)))
        return NULL;

      info.occurrence = occurrence;
      info.key = key;
      content = build_content (self, &info, &title);

      item = lia_publish_item_new (LIA_PUBLISH_ITEM_EVENT, key, title, content, JSON_TYPE);
      item->event_id = occurrence->event_id;
      item->start_utc = occurrence->start_utc;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

static gboolean
lia_tec_publisher_prepare (LiaPublisher  *publisher,
                           GCancellable  *cancellable,
                           GError       **error)
{
  LiaTecPublisher *self = LIA_TEC_PUBLISHER (publisher);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->linked_lock);

  g_hash_table_remove_all (self->venues);
  g_hash_table_remove_all (self->organizers);

  return load_linked (self, &venue_kind, self->venues, cancellable, error) &&
         load_linked (self, &organizer_kind, self->organizers, cancellable, error);
}

/* Creates the post, or, when a post with its slug exists already (our
 * create whose answer never came), updates that one. */
static gboolean
create_event (LiaTecPublisher   *self,
              JsonNode          *request,
              const char        *slug,
              LiaPublishResult  *result,
              GCancellable      *cancellable,
              GError           **error)
{
  static const guint not_found[] = { SOUP_STATUS_NOT_FOUND, 0 };
  g_autofree char *escaped_slug = g_uri_escape_string (slug, NULL, FALSE);
  g_autofree char *find_url = dup_api_url (self, "events/by-slug/%s", escaped_slug);
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) found = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(JsonNode) existing = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (!(found = send_json (self, "GET", find_url, NULL, not_found, &existing, cancellable, error)))
    return FALSE;

  if (soup_message_get_status (found) == SOUP_STATUS_NOT_FOUND)
    url = dup_api_url (self, "events");
  else
    {
      gint64 id = get_id_member (json_node_get_object (existing));

      g_debug ("Event %s is on the site already as %" G_GINT64_FORMAT ": updated, not created again",
               slug, id);
      url = dup_api_url (self, "events/%" G_GINT64_FORMAT, id);
    }

  if (!(message = send_json (self, "POST", url, request, NULL, &answer, cancellable, error)))
    return FALSE;

  return fill_result (answer, url, result, error);
}

static gboolean
update_event (LiaTecPublisher         *self,
              const LiaPublishRecord  *record,
              JsonNode                *request,
              const char              *slug,
              LiaPublishResult        *result,
              GCancellable            *cancellable,
              GError                 **error)
{
  static const guint gone[] = { SOUP_STATUS_NOT_FOUND, SOUP_STATUS_GONE, 0 };
  g_autofree char *url = dup_api_url (self, "events/%s", record->remote_id);
  g_autoptr(SoupMessage) current = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(JsonNode) remote = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonObject *object;
  const char *modified;

  if (!(current = send_json (self, "GET", url, NULL, gone, &remote, cancellable, error)))
    return FALSE;

  /* Removed from the site for good: published again as a new post. */
  if (remote == NULL)
    return create_event (self, request, slug, result, cancellable, error);

  object = json_node_get_object (remote);
  modified = get_string_member (object, "modified_utc");
  if (record->remote_etag != NULL && g_strcmp0 (modified, record->remote_etag) != 0)
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_CONFLICT,
                   _("The event was changed on the website (at %s UTC) since Liaison last published it"),
                   modified != NULL ? modified : "?");
      return FALSE;
    }

  if (!(message = send_json (self, "POST", url, request, NULL, &answer, cancellable, error)))
    return FALSE;

  return fill_result (answer, url, result, error);
}

static gboolean
delete_event (LiaTecPublisher         *self,
              const LiaPublishRecord  *record,
              LiaPublishResult        *result,
              GCancellable            *cancellable,
              GError                 **error)
{
  static const guint gone[] = { SOUP_STATUS_NOT_FOUND, SOUP_STATUS_GONE, 0 };
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;

  /* Never created: nothing to remove. */
  if (record == NULL || lia_text_is_blank (record->remote_id))
    return TRUE;

  url = dup_api_url (self, "events/%s", record->remote_id);
  /* 200: moved to the trash; 410: in the trash already; 404: gone. */
  if (!(message = send_json (self, "DELETE", url, NULL, gone, NULL, cancellable, error)))
    return FALSE;

  result->remote_id = g_strdup (record->remote_id);
  result->remote_href = g_strdup (record->remote_href);

  return TRUE;
}

static gboolean
lia_tec_publisher_apply (LiaPublisher            *publisher,
                         const LiaPublishStep    *step,
                         LiaPublishResult        *result,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  LiaTecPublisher *self = LIA_TEC_PUBLISHER (publisher);
  g_autoptr(JsonNode) request = NULL;
  g_autofree char *slug = NULL;

  if (step->action == LIA_PUBLISH_DELETE)
    return delete_event (self, step->record, result, cancellable, error);

  g_return_val_if_fail (step->item != NULL, FALSE);

  if (!(request = build_request (self, step->item->content, &slug, cancellable, error)))
    return FALSE;

  if (step->record != NULL && !lia_text_is_blank (step->record->remote_id))
    return update_event (self, step->record, request, slug, result, cancellable, error);

  return create_event (self, request, slug, result, cancellable, error);
}

static GBytes *
lia_tec_publisher_fetch_remote (LiaPublisher            *publisher,
                                const LiaPublishRecord  *record,
                                char                   **etag,
                                GCancellable            *cancellable,
                                GError                 **error)
{
  LiaTecPublisher *self = LIA_TEC_PUBLISHER (publisher);
  static const char * const headers[] = { "Accept", JSON_TYPE, NULL };
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (lia_text_is_blank (record->remote_id))
    {
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND,
                   _("The event was never published on the website"));
      return NULL;
    }

  url = dup_api_url (self, "events/%s", record->remote_id);
  if (!(body = lia_http_send (self->http, "GET", url, headers, NULL, NULL, &message, cancellable, error)) ||
      !check_response (message, body, error) ||
      !(answer = parse_json (body, url, error)))
    return NULL;

  if (etag != NULL)
    *etag = g_strdup (get_string_member (json_node_get_object (answer), "modified_utc"));

  return g_steal_pointer (&body);
}

static void
lia_tec_publisher_iface_init (LiaPublisherInterface *iface)
{
  iface->build_items = lia_tec_publisher_build_items;
  iface->prepare = lia_tec_publisher_prepare;
  iface->apply = lia_tec_publisher_apply;
  iface->fetch_remote = lia_tec_publisher_fetch_remote;
}

static void
lia_tec_publisher_finalize (GObject *object)
{
  LiaTecPublisher *self = (LiaTecPublisher *)object;

  g_clear_pointer (&self->target, lia_target_free);
  g_clear_object (&self->http);
  g_clear_pointer (&self->api_url, g_free);
  g_clear_pointer (&self->library_name, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->venues, g_hash_table_unref);
  g_clear_pointer (&self->organizers, g_hash_table_unref);
  g_mutex_clear (&self->linked_lock);

  G_OBJECT_CLASS (lia_tec_publisher_parent_class)->finalize (object);
}

static void
lia_tec_publisher_class_init (LiaTecPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_tec_publisher_finalize;
}

static void
lia_tec_publisher_init (LiaTecPublisher *self)
{
  g_mutex_init (&self->linked_lock);
  self->venues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->organizers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * lia_tec_publisher_new:
 * @target: a target of kind %LIA_TARGET_TEC; its url is the WordPress site
 * @http: the run's session
 * @context: the library's name and zone
 *
 * Returns: (transfer full): the publisher
 */
LiaPublisher *
lia_tec_publisher_new (const LiaTarget         *target,
                       LiaHttp                 *http,
                       const LiaPublishContext *context)
{
  LiaTecPublisher *self;
  g_autofree char *site = NULL;
  gsize length;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (LIA_IS_HTTP (http), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  self = g_object_new (lia_tec_publisher_get_type (), NULL);
  self->target = lia_target_copy (target);
  self->http = g_object_ref (http);

  /* The site may live in a folder (https://example.org/library/). */
  site = g_strdup (target->url);
  length = strlen (site);
  while (length > 0 && site[length - 1] == '/')
    site[--length] = '\0';
  self->api_url = g_strconcat (site, "/" API_PATH, NULL);

  self->library_name = g_strdup (context->library_name != NULL ? context->library_name : "Library");
  self->time_zone = g_strdup (context->time_zone != NULL ? context->time_zone : "UTC");
  self->zone = g_time_zone_new_identifier (self->time_zone);
  if (self->zone == NULL)
    {
      g_debug ("Time zone %s unknown: times published in UTC", self->time_zone);
      g_free (self->time_zone);
      self->time_zone = g_strdup ("UTC");
      self->zone = g_time_zone_new_utc ();
    }

  return LIA_PUBLISHER (self);
}
