/* lia-tec-server.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract of The Events Calendar's REST API as its documentation and
 * Swagger definitions give it ("The Events Calendar REST API Reference",
 * /wp-json/tribe/events/v1/doc), kept to what Liaison uses:
 * - GET /events/{id} 200 (404 when none; a trashed one still reads, with
 *   status "trash"), POST /events 201, POST/PUT/PATCH /events/{id} 200,
 *   DELETE /events/{id} 200 (moved to the trash), then 410;
 *   GET /events/by-slug/{slug} 200 or 404 (trashed posts lose their slug,
 *   as WordPress renames it "…__trashed").
 * - title, start_date and end_date required on create; dates
 *   "YYYY-MM-DD[ HH:MM[:SS]]"; website a URL; venue an existing venue id,
 *   organizer existing organizer ids; 400 otherwise, with WordPress's
 *   error body {"code", "message", "data": {"status"}}.
 * - A slug already taken gets "-2", "-3"... as WordPress makes it unique.
 * - GET /venues and /organizers: pages (per_page, at most 50, page) with
 *   next_rest_url, 404 when there is none at all; POST creates (201).
 * - WordPress Application Passwords (Basic): a wrong user or password is
 *   401 on any request; no login is 401 on a write and may read; a user
 *   without the capability is 403 on a write.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <libsoup/soup.h>

#include "lia-tec-server.h"

#define PREFIX "/site/wp-json/tribe/events/v1/"
#define MAX_PER_PAGE 50

typedef enum { POST_EVENT, POST_VENUE, POST_ORGANIZER } PostKind;

typedef struct
{
  gint64      id;
  PostKind    kind;
  JsonObject *fields;    /* Owned: what was sent, as TEC keeps it */
  char       *slug;
  gboolean    trashed;
  gint64      modified;  /* Unix seconds */
} Post;

struct _LiaTecServer
{
  GMutex        lock;
  GCond         ready_cond;
  gboolean      ready;

  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;   /* lives on the server thread */
  char         *url;

  GHashTable   *posts;    /* id → Post */
  GArray       *order;    /* gint64 ids, in creation order */
  gint64        next_id;
  gint64        last_modified;
  guint         delay_next_create_ms;
  GHashTable   *counts;   /* method → count */
  GPtrArray    *bodies;   /* char *: bodies of event writes */
};

static void
post_free (Post *post)
{
  g_clear_pointer (&post->fields, json_object_unref);
  g_free (post->slug);
  g_free (post);
}

static const char *
kind_endpoint (PostKind kind)
{
  return kind == POST_VENUE ? "venues" : kind == POST_ORGANIZER ? "organizers" : "events";
}

static const char *
kind_name_field (PostKind kind)
{
  return kind == POST_VENUE ? "venue" : kind == POST_ORGANIZER ? "organizer" : "title";
}

/* A modified time that always moves forward, even within one second, so
 * that an edit right after a publish is seen. Called with the lock held. */
static gint64
next_modified (LiaTecServer *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  self->last_modified = MAX (now, self->last_modified + 1);

  return self->last_modified;
}

static char *
format_utc (gint64 utc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (utc);

  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
}

static void
set_json (SoupServerMessage *msg,
          guint              status,
          JsonNode          *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8", SOUP_MEMORY_TAKE, text, length);
}

/* Takes @object. */
static void
set_object (SoupServerMessage *msg,
            guint              status,
            JsonObject        *object)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (root, object);
  set_json (msg, status, root);
}

/* WordPress's WP_Error as JSON. */
static void
set_error (SoupServerMessage *msg,
           guint              status,
           const char        *code,
           const char        *message)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *data = json_object_new ();

  json_object_set_string_member (object, "code", code);
  json_object_set_string_member (object, "message", message);
  json_object_set_int_member (data, "status", status);
  json_object_set_object_member (object, "data", data);
  set_object (msg, status, g_steal_pointer (&object));
}

/* Who is asking: the user name when the password is right, "" without a
 * login, NULL for a wrong one. */
static char *
check_login (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");
  g_autofree guchar *decoded = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) given = NULL;
  gsize length;
  const char *colon;

  if (header == NULL)
    return g_strdup ("");
  if (g_ascii_strncasecmp (header, "Basic ", 6) != 0)
    return NULL;

  decoded = g_base64_decode (header + 6, &length);
  if (decoded == NULL || memchr (decoded, '\0', length) != NULL)
    return NULL;
  given = g_string_new_len ((const char *)decoded, length);
  if ((colon = strchr (given->str, ':')) == NULL)
    return NULL;

  /* WordPress ignores the spaces of an application password. */
  expected = g_strdup (LIA_TEC_SERVER_PASSWORD);
  {
    g_autoptr(GString) password = g_string_new (NULL);
    g_autoptr(GString) wanted = g_string_new (NULL);

    for (const char *p = colon + 1; *p != '\0'; p++)
      if (*p != ' ')
        g_string_append_c (password, *p);
    for (const char *p = expected; *p != '\0'; p++)
      if (*p != ' ')
        g_string_append_c (wanted, *p);
    if (strcmp (password->str, wanted->str) != 0)
      return NULL;
  }

  g_string_truncate (given, colon - given->str);
  if (strcmp (given->str, LIA_TEC_SERVER_EDITOR) != 0 && strcmp (given->str, LIA_TEC_SERVER_READER) != 0)
    return NULL;

  return g_string_free (g_steal_pointer (&given), FALSE);
}

static Post *
lookup_post (LiaTecServer *self,
             PostKind      kind,
             gint64        id)
{
  Post *post = g_hash_table_lookup (self->posts, &id);

  return post != NULL && post->kind == kind ? post : NULL;
}

static Post *
lookup_event_by_slug (LiaTecServer *self,
                      const char   *slug)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      Post *post = g_hash_table_lookup (self->posts, &g_array_index (self->order, gint64, i));

      if (post->kind == POST_EVENT && !post->trashed && g_strcmp0 (post->slug, slug) == 0)
        return post;
    }

  return NULL;
}

/* The post as the API shows it. Called with the lock held. */
static JsonObject *
describe_post (LiaTecServer *self,
               Post         *post)
{
  JsonObject *object = json_object_new ();
  g_autofree char *modified = format_utc (post->modified);
  g_autofree char *rest_url = g_strdup_printf ("%s/wp-json/tribe/events/v1/%s/%" G_GINT64_FORMAT,
                                               self->url, kind_endpoint (post->kind), post->id);
  g_autofree char *url = g_strdup_printf ("%s/%s/%s/", self->url,
                                          post->kind == POST_EVENT ? "event" : kind_name_field (post->kind),
                                          post->slug);
  g_autoptr(GList) members = json_object_get_members (post->fields);

  json_object_set_int_member (object, "id", post->id);
  json_object_set_string_member (object, "status", post->trashed ? "trash" : "publish");
  json_object_set_string_member (object, "modified_utc", modified);
  json_object_set_string_member (object, "url", url);
  json_object_set_string_member (object, "rest_url", rest_url);
  json_object_set_string_member (object, "slug", post->slug);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (post->fields, name);

      if (json_object_has_member (object, name))
        continue;

      if (post->kind == POST_EVENT && strcmp (name, "venue") == 0)
        {
          Post *venue = lookup_post (self, POST_VENUE, json_node_get_int (value));

          if (venue != NULL)
            json_object_set_object_member (object, "venue", describe_post (self, venue));
        }
      else if (post->kind == POST_EVENT && strcmp (name, "organizer") == 0)
        {
          JsonArray *organizers = json_array_new ();
          JsonArray *ids = json_node_get_array (value);

          for (guint i = 0; i < json_array_get_length (ids); i++)
            {
              Post *organizer = lookup_post (self, POST_ORGANIZER, json_array_get_int_element (ids, i));

              if (organizer != NULL)
                json_array_add_object_element (organizers, describe_post (self, organizer));
            }
          json_object_set_array_member (object, "organizer", organizers);
        }
      else
        json_object_set_member (object, name, json_node_copy (value));
    }

  return object;
}

static gboolean
is_time (const char *text)
{
  static GRegex *regex = NULL;
  int year, month, day, hour = 0, minute = 0, second = 0;
  g_autoptr(GDateTime) time = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(\\d{4})-(\\d{2})-(\\d{2})(?: (\\d{2}):(\\d{2})(?::(\\d{2}))?)?$",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  if (text == NULL || !g_regex_match (regex, text, 0, NULL))
    return FALSE;

  if (sscanf (text, "%d-%d-%d %d:%d:%d", &year, &month, &day, &hour, &minute, &second) < 3)
    return FALSE;
  time = g_date_time_new_utc (year, month, day, hour, minute, second);

  return time != NULL;
}

static gboolean
is_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;

  if (text == NULL || strchr (text, ' ') != NULL || !(uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL)))
    return FALSE;

  return (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The parameters of an event write, as TEC's validators check them; on
 * error a 400 is set and FALSE returned. */
static gboolean
validate_event (LiaTecServer      *self,
                SoupServerMessage *msg,
                JsonObject        *body,
                Post              *existing)
{
  static const char * const required[] = { "title", "start_date", "end_date" };
  static const char * const times[] = { "start_date", "end_date" };
  const char *start;
  const char *end;

  if (existing == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (required); i++)
      {
        const char *value = get_string (body, required[i]);

        if (value == NULL || *value == '\0')
          {
            g_autofree char *message = g_strdup_printf ("Missing parameter(s): %s", required[i]);

            set_error (msg, 400, "rest_missing_callback_param", message);
            return FALSE;
          }
      }

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    if (json_object_has_member (body, times[i]) && !is_time (get_string (body, times[i])))
      {
        g_autofree char *message = g_strdup_printf ("Invalid parameter(s): %s", times[i]);

        set_error (msg, 400, "rest_invalid_param", message);
        return FALSE;
      }

  start = json_object_has_member (body, "start_date") ? get_string (body, "start_date")
        : existing != NULL ? get_string (existing->fields, "start_date") : NULL;
  end = json_object_has_member (body, "end_date") ? get_string (body, "end_date")
      : existing != NULL ? get_string (existing->fields, "end_date") : NULL;
  if (start != NULL && end != NULL && strcmp (end, start) < 0)
    {
      set_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): end_date (before start_date)");
      return FALSE;
    }

  if (json_object_has_member (body, "website") && !is_url (get_string (body, "website")))
    {
      set_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): website");
      return FALSE;
    }

  if (json_object_has_member (body, "timezone"))
    {
      const char *tzid = get_string (body, "timezone");
      g_autoptr(GTimeZone) zone = tzid != NULL ? g_time_zone_new_identifier (tzid) : NULL;

      if (zone == NULL)
        {
          set_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): timezone");
          return FALSE;
        }
    }

  if (json_object_has_member (body, "venue"))
    {
      JsonNode *venue = json_object_get_member (body, "venue");

      if (!JSON_NODE_HOLDS_VALUE (venue) || json_node_get_value_type (venue) != G_TYPE_INT64 ||
          lookup_post (self, POST_VENUE, json_node_get_int (venue)) == NULL)
        {
          set_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): venue");
          return FALSE;
        }
    }

  if (json_object_has_member (body, "organizer"))
    {
      JsonNode *organizer = json_object_get_member (body, "organizer");
      JsonArray *ids = JSON_NODE_HOLDS_ARRAY (organizer) ? json_node_get_array (organizer) : NULL;

      for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
        {
          JsonNode *id = json_array_get_element (ids, i);

          if (!JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64 ||
              lookup_post (self, POST_ORGANIZER, json_node_get_int (id)) == NULL)
            ids = NULL;
        }
      if (ids == NULL)
        {
          set_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): organizer");
          return FALSE;
        }
    }

  return TRUE;
}

/* WordPress's sanitize_title: what a slug becomes, and unique. */
static char *
make_slug (LiaTecServer *self,
           const char   *wanted,
           Post         *post)
{
  g_autoptr(GString) base = g_string_new (NULL);

  for (const char *p = wanted != NULL ? wanted : ""; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
      g_string_append_c (base, g_ascii_tolower (*p));
  if (base->len == 0)
    g_string_printf (base, "post-%" G_GINT64_FORMAT, post->id);

  for (guint n = 1; ; n++)
    {
      g_autofree char *slug = n == 1 ? g_strdup (base->str) : g_strdup_printf ("%s-%u", base->str, n);
      Post *other = post->kind == POST_EVENT ? lookup_event_by_slug (self, slug) : NULL;

      if (other == NULL || other == post)
        return g_steal_pointer (&slug);
    }
}

static JsonObject *
parse_body (SoupServerMessage *msg)
{
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (request);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || !json_parser_load_from_data (parser, data, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

typedef struct
{
  LiaTecServer      *server;
  SoupServerMessage *msg;
  gboolean           disconnected;
} Delayed;

static void
on_delayed_disconnected_cb (SoupServerMessage *msg,
                            Delayed           *delayed)
{
  delayed->disconnected = TRUE;
}

static gboolean
on_delay_elapsed_cb (gpointer user_data)
{
  Delayed *delayed = user_data;

  g_signal_handlers_disconnect_by_func (delayed->msg, on_delayed_disconnected_cb, delayed);
  if (!delayed->disconnected)
    soup_server_message_unpause (delayed->msg);
  g_object_unref (delayed->msg);
  g_free (delayed);

  return G_SOURCE_REMOVE;
}

static void
hold_answer (LiaTecServer      *self,
             SoupServerMessage *msg,
             guint              delay_ms)
{
  Delayed *delayed = g_new0 (Delayed, 1);
  g_autoptr(GSource) source = g_timeout_source_new (delay_ms);

  delayed->server = self;
  delayed->msg = g_object_ref (msg);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_delayed_disconnected_cb), delayed);
  soup_server_message_pause (msg);
  g_source_set_callback (source, on_delay_elapsed_cb, delayed, NULL);
  g_source_attach (source, self->context);
}

static void
write_post (LiaTecServer      *self,
            SoupServerMessage *msg,
            PostKind           kind,
            Post              *existing)
{
  g_autoptr(JsonObject) body = parse_body (msg);
  g_autoptr(GList) members = NULL;
  Post *post = existing;
  const char *name_field = kind_name_field (kind);

  if (body == NULL)
    {
      set_error (msg, 400, "rest_invalid_json", "Invalid JSON body passed.");
      return;
    }

  if (kind == POST_EVENT)
    {
      g_autoptr(GBytes) raw = soup_message_body_flatten (soup_server_message_get_request_body (msg));

      g_ptr_array_add (self->bodies, g_strndup (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw)));
      if (!validate_event (self, msg, body, existing))
        return;
    }
  else if (existing == NULL && (get_string (body, name_field) == NULL || *get_string (body, name_field) == '\0'))
    {
      g_autofree char *message = g_strdup_printf ("Missing parameter(s): %s", name_field);

      set_error (msg, 400, "rest_missing_callback_param", message);
      return;
    }

  if (post == NULL)
    {
      post = g_new0 (Post, 1);
      post->id = self->next_id++;
      post->kind = kind;
      post->fields = json_object_new ();
      g_hash_table_insert (self->posts, g_memdup2 (&post->id, sizeof post->id), post);
      g_array_append_val (self->order, post->id);
    }

  members = json_object_get_members (body);
  for (GList *l = members; l != NULL; l = l->next)
    if (strcmp (l->data, "id") != 0 && strcmp (l->data, "status") != 0 && strcmp (l->data, "slug") != 0)
      json_object_set_member (post->fields, l->data, json_node_copy (json_object_get_member (body, l->data)));

  if (existing == NULL || json_object_has_member (body, "slug"))
    {
      const char *wanted = get_string (body, "slug");
      char *slug = make_slug (self, wanted != NULL ? wanted : get_string (post->fields, name_field), post);

      g_free (post->slug);
      post->slug = slug;
    }
  post->modified = next_modified (self);

  set_object (msg, existing == NULL ? 201 : 200, describe_post (self, post));

  if (kind == POST_EVENT && existing == NULL && self->delay_next_create_ms > 0)
    {
      hold_answer (self, msg, self->delay_next_create_ms);
      self->delay_next_create_ms = 0;
    }
}

static void
list_posts (LiaTecServer      *self,
            SoupServerMessage *msg,
            PostKind           kind,
            GHashTable        *query)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonArray *posts = json_array_new ();
  const char *page_text = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  const char *per_page_text = query != NULL ? g_hash_table_lookup (query, "per_page") : NULL;
  guint page = page_text != NULL ? (guint)g_ascii_strtoull (page_text, NULL, 10) : 1;
  guint per_page = per_page_text != NULL ? (guint)g_ascii_strtoull (per_page_text, NULL, 10) : 10;
  guint total = 0;

  if (page == 0 || per_page == 0)
    {
      json_array_unref (posts);
      set_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): page, per_page");
      return;
    }
  per_page = MIN (per_page, MAX_PER_PAGE);

  for (guint i = 0; i < self->order->len; i++)
    {
      Post *post = g_hash_table_lookup (self->posts, &g_array_index (self->order, gint64, i));

      if (post->kind != kind || post->trashed)
        continue;
      if (total >= (page - 1) * per_page && total < page * per_page)
        json_array_add_object_element (posts, describe_post (self, post));
      total++;
    }

  if (json_array_get_length (posts) == 0)
    {
      json_array_unref (posts);
      set_error (msg, 404, kind == POST_VENUE ? "venue-archive-page-not-found" : "organizer-archive-page-not-found",
                 "The requested page was not found");
      return;
    }

  json_object_set_array_member (object, kind_endpoint (kind), posts);
  if (page * per_page < total)
    {
      g_autofree char *next = g_strdup_printf ("%s/wp-json/tribe/events/v1/%s?per_page=%u&page=%u",
                                               self->url, kind_endpoint (kind), per_page, page + 1);

      json_object_set_string_member (object, "next_rest_url", next);
    }
  json_object_set_int_member (object, "total", total);
  json_object_set_int_member (object, "total_pages", (total + per_page - 1) / per_page);
  set_object (msg, 200, g_steal_pointer (&object));
}

static void
handle_event (LiaTecServer      *self,
              SoupServerMessage *msg,
              const char        *method,
              gint64             id)
{
  Post *post = lookup_post (self, POST_EVENT, id);

  if (post == NULL)
    {
      set_error (msg, 404, "event-not-found", "The requested event does not exist");
      return;
    }

  if (strcmp (method, "GET") == 0)
    set_object (msg, 200, describe_post (self, post));
  else if (strcmp (method, "DELETE") == 0)
    {
      if (post->trashed)
        {
          set_error (msg, 410, "event-is-in-trash", "The event is already trashed");
          return;
        }
      post->trashed = TRUE;
      post->modified = next_modified (self);
      set_object (msg, 200, describe_post (self, post));
    }
  else if (post->trashed)
    set_error (msg, 410, "event-is-in-trash", "The event is already trashed");
  else
    write_post (self, msg, POST_EVENT, post);
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  LiaTecServer *self = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  const char *method = soup_server_message_get_method (msg);
  gboolean write = strcmp (method, "GET") != 0 && strcmp (method, "HEAD") != 0;
  g_autofree char *user = check_login (msg);
  g_auto(GStrv) parts = NULL;
  guint *count;
  guint n_parts;

  count = g_hash_table_lookup (self->counts, method);
  if (count == NULL)
    {
      count = g_new0 (guint, 1);
      g_hash_table_insert (self->counts, g_strdup (method), count);
    }
  (*count)++;

  if (user == NULL)
    {
      set_error (msg, 401, "incorrect_password", "The provided password is an invalid application password.");
      return;
    }
  if (write && *user == '\0')
    {
      set_error (msg, 401, "rest_cannot_create", "Sorry, you are not allowed to do that.");
      return;
    }
  if (write && strcmp (user, LIA_TEC_SERVER_READER) == 0)
    {
      set_error (msg, 403, "rest_forbidden", "Sorry, you are not allowed to do that.");
      return;
    }

  if (!g_str_has_prefix (path, PREFIX))
    {
      set_error (msg, 404, "rest_no_route", "No route was found matching the URL and request method.");
      return;
    }

  parts = g_strsplit (path + strlen (PREFIX), "/", -1);
  n_parts = g_strv_length (parts);
  if (n_parts > 0 && *parts[n_parts - 1] == '\0')
    {
      g_free (parts[n_parts - 1]);
      parts[--n_parts] = NULL;
    }

  if (n_parts == 1 && (strcmp (parts[0], "venues") == 0 || strcmp (parts[0], "organizers") == 0))
    {
      PostKind kind = strcmp (parts[0], "venues") == 0 ? POST_VENUE : POST_ORGANIZER;

      if (strcmp (method, "GET") == 0)
        list_posts (self, msg, kind, query);
      else if (strcmp (method, "POST") == 0)
        write_post (self, msg, kind, NULL);
      else
        set_error (msg, 404, "rest_no_route", "No route was found matching the URL and request method.");
    }
  else if (n_parts == 1 && strcmp (parts[0], "events") == 0 && strcmp (method, "POST") == 0)
    write_post (self, msg, POST_EVENT, NULL);
  else if (n_parts == 3 && strcmp (parts[0], "events") == 0 && strcmp (parts[1], "by-slug") == 0 &&
           strcmp (method, "GET") == 0)
    {
      Post *post = lookup_event_by_slug (self, parts[2]);

      if (post == NULL)
        set_error (msg, 404, "event-not-found", "The requested event does not exist");
      else
        set_object (msg, 200, describe_post (self, post));
    }
  else if (n_parts == 2 && strcmp (parts[0], "events") == 0 &&
           (strcmp (method, "GET") == 0 || strcmp (method, "POST") == 0 || strcmp (method, "PUT") == 0 ||
            strcmp (method, "PATCH") == 0 || strcmp (method, "DELETE") == 0))
    {
      char *end = NULL;
      gint64 id = g_ascii_strtoll (parts[1], &end, 10);

      if (end == parts[1] || *end != '\0' || id <= 0)
        set_error (msg, 400, "rest_invalid_param", "Invalid parameter(s): id");
      else
        handle_event (self, msg, method, id);
    }
  else
    set_error (msg, 404, "rest_no_route", "No route was found matching the URL and request method.");
}

static gpointer
server_thread (gpointer data)
{
  LiaTecServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *base = NULL;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, "/site", on_request_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify)g_uri_unref);

  g_mutex_lock (&self->lock);
  /* "http://127.0.0.1:PORT/" + "site" */
  self->url = g_strconcat (base, "site", NULL);
  self->ready = TRUE;
  g_cond_signal (&self->ready_cond);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Answers still held back, and what the disconnect left to do. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

LiaTecServer *
lia_tec_server_new (void)
{
  LiaTecServer *self = g_new0 (LiaTecServer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->ready_cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->posts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)post_free);
  self->order = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->next_id = 100;
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->bodies = g_ptr_array_new_with_free_func (g_free);

  self->thread = g_thread_new ("tec-server", server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->ready_cond, &self->lock);
  g_mutex_unlock (&self->lock);

  return self;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

void
lia_tec_server_free (LiaTecServer *self)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  /* Delayed answers left: their timeouts are dropped with the context. */
  g_source_set_callback (source, quit_cb, self->loop, NULL);
  g_source_attach (source, self->context);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_hash_table_unref (self->posts);
  g_array_unref (self->order);
  g_hash_table_unref (self->counts);
  g_ptr_array_unref (self->bodies);
  g_free (self->url);
  g_cond_clear (&self->ready_cond);
  g_mutex_clear (&self->lock);
  g_free (self);
}

const char *
lia_tec_server_get_url (LiaTecServer *self)
{
  return self->url;
}

void
lia_tec_server_delay_next_create (LiaTecServer *self,
                                  guint         delay_ms)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  self->delay_next_create_ms = delay_ms;
}

gint64
lia_tec_server_add_venue (LiaTecServer *self,
                          const char   *name)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Post *post = g_new0 (Post, 1);

  post->id = self->next_id++;
  post->kind = POST_VENUE;
  post->fields = json_object_new ();
  json_object_set_string_member (post->fields, "venue", name);
  post->slug = make_slug (self, name, post);
  post->modified = next_modified (self);
  g_hash_table_insert (self->posts, g_memdup2 (&post->id, sizeof post->id), post);
  g_array_append_val (self->order, post->id);

  return post->id;
}

static guint
count_posts (LiaTecServer *self,
             PostKind      kind,
             gboolean      include_trash)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->posts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Post *post = value;

      if (post->kind == kind && (include_trash || !post->trashed))
        n++;
    }

  return n;
}

guint
lia_tec_server_count_events (LiaTecServer *self,
                             gboolean      include_trash)
{
  return count_posts (self, POST_EVENT, include_trash);
}

guint
lia_tec_server_count_venues (LiaTecServer *self)
{
  return count_posts (self, POST_VENUE, TRUE);
}

guint
lia_tec_server_count_organizers (LiaTecServer *self)
{
  return count_posts (self, POST_ORGANIZER, TRUE);
}

guint
lia_tec_server_count_requests (LiaTecServer *self,
                               const char   *method)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  guint *count = g_hash_table_lookup (self->counts, method);

  return count != NULL ? *count : 0;
}

void
lia_tec_server_reset_counts (LiaTecServer *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  g_hash_table_remove_all (self->counts);
  g_ptr_array_set_size (self->bodies, 0);
}

JsonObject *
lia_tec_server_dup_event (LiaTecServer *self,
                          gint64        id)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Post *post = lookup_post (self, POST_EVENT, id);

  return post != NULL ? describe_post (self, post) : NULL;
}

GArray *
lia_tec_server_list_event_ids (LiaTecServer *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->order->len; i++)
    {
      gint64 id = g_array_index (self->order, gint64, i);

      if (lookup_post (self, POST_EVENT, id) != NULL)
        g_array_append_val (ids, id);
    }

  return ids;
}

void
lia_tec_server_edit_event (LiaTecServer *self,
                           gint64        id,
                           const char   *title)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  Post *post = lookup_post (self, POST_EVENT, id);

  g_assert_nonnull (post);
  json_object_set_string_member (post->fields, "title", title);
  post->modified = next_modified (self);
}

GPtrArray *
lia_tec_server_dup_event_bodies (LiaTecServer *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  GPtrArray *bodies = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->bodies->len; i++)
    g_ptr_array_add (bodies, g_strdup (g_ptr_array_index (self->bodies, i)));

  return bodies;
}
