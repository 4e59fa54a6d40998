/* test-publish-tec.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Events Calendar publisher (lia-tec-publisher) through whole publish
 * runs (lia_publish_run) from a real sqlite store to the TEC contract
 * server (lia-tec-server), which keeps what it is sent in memory: what
 * the site holds is asserted there, post by post.
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lia-database.h"
#include "lia-publish-job.h"
#include "lia-publish-plan.h"
#include "lia-publisher.h"
#include "lia-store.h"
#include "lia-target.h"
#include "lia-tec-server.h"
#include "lia-test-util.h"

#define TZID "America/Edmonton"
#define LIBRARY "Riverside Library"
#define TARGET_NAME "Library website"
#define VENUE "Main branch"
#define SCRIPT_TITLE "<script>alert(1)</script>"
#define DAY (24 * 60 * 60)
#define N_SERIES 4
#define N_ITEMS (2 + N_SERIES)

typedef struct
{
  char         *dir;
  LiaDatabase  *database;
  LiaStore     *store;
  LiaTecServer *server;
  LiaTarget    *target;
  LiaPublishOptions options;

  char         *story_day;    /* "YYYY-MM-DD", ten days from now in TZID */
  gint64        story_id;
  gint64        knitting_id;
  gint64        sale_id;
} Fixture;

/* Days from now, as the day of an event in TZID. */
static char *
dup_day (int days)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (TZID);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gint64
save_event (Fixture    *fixture,
            const char *title,
            const char *dtstart,
            const char *dtend,
            gboolean    all_day,
            const char *rrule)
{
  g_autoptr(LiaEvent) event = lia_event_new ();
  g_autoptr(GError) error = NULL;

  lia_event_set_title (event, title);
  lia_event_set_dtstart (event, dtstart);
  lia_event_set_dtend (event, dtend);
  lia_event_set_tzid (event, TZID);
  lia_event_set_all_day (event, all_day);
  lia_event_set_rrule (event, rrule);
  lia_event_set_venue_name (event, VENUE);
  lia_event_set_venue_address (event, "1 River Road");
  lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_promote (event, TRUE);
  lia_event_set_channels (event, LIA_CHANNEL_WEBSITE);
  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);

  return lia_event_get_id (event);
}

static LiaEvent *
get_event (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  LiaEvent *event = lia_store_get_event (fixture->store, id, &error);

  g_assert_no_error (error);

  return event;
}

static void
resave_event (Fixture  *fixture,
              LiaEvent *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaEvent) story = NULL;
  g_autofree char *path = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *knitting_day = dup_day (12);
  g_autofree char *sale_day = dup_day (20);
  const char *categories[] = { "children", "reading", NULL };

  fixture->dir = lia_test_make_temp_dir ("publish-tec");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  fixture->server = lia_tec_server_new ();

  fixture->target = lia_target_new (TARGET_NAME, LIA_TARGET_TEC, lia_tec_server_get_url (fixture->server));
  fixture->target->username = g_strdup (LIA_TEC_SERVER_EDITOR);
  g_assert_true (lia_target_save (fixture->target, fixture->database, &error));
  g_assert_no_error (error);

  lia_publish_options_init (&fixture->options);
  fixture->options.password = LIA_TEC_SERVER_PASSWORD;
  fixture->options.retry_delay_ms = 10;
  fixture->options.timeout_seconds = 5;
  fixture->options.context.library_name = LIBRARY;
  fixture->options.context.time_zone = TZID;

  /* A single event, a weekly series of four and an all-day event, all at
   * one venue and all the library's own (one organizer). */
  fixture->story_day = dup_day (10);
  start = g_strdup_printf ("%sT10:30:00", fixture->story_day);
  end = g_strdup_printf ("%sT11:30:00", fixture->story_day);
  fixture->story_id = save_event (fixture, "Story time", start, end, FALSE, NULL);
  story = get_event (fixture, fixture->story_id);
  lia_event_set_summary (story, "Stories for little ones");
  lia_event_set_description (story, "Songs and rhymes too.\n\nBring a blanket.");
  lia_event_set_cost (story, "Free");
  lia_event_set_registration_url (story, "https://library.example.org/register/story");
  lia_event_set_categories (story, categories);
  resave_event (fixture, story);

  g_free (start);
  g_free (end);
  start = g_strdup_printf ("%sT18:00:00", knitting_day);
  end = g_strdup_printf ("%sT20:00:00", knitting_day);
  fixture->knitting_id = save_event (fixture, "Knitting circle", start, end, FALSE, "FREQ=WEEKLY;COUNT=4");

  fixture->sale_id = save_event (fixture, "Book sale", sale_day, NULL, TRUE, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  lia_tec_server_free (fixture->server);
  g_clear_pointer (&fixture->target, lia_target_free);
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->story_day);
}

static LiaPublishReport *
run (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  LiaPublishReport *report;

  report = lia_publish_run (fixture->store, fixture->target, &fixture->options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static guint
count_writes (Fixture *fixture)
{
  return lia_tec_server_count_requests (fixture->server, "POST") +
         lia_tec_server_count_requests (fixture->server, "PUT") +
         lia_tec_server_count_requests (fixture->server, "PATCH") +
         lia_tec_server_count_requests (fixture->server, "DELETE");
}

/* The events the site shows (not trashed) whose title starts with
 * @prefix: a GPtrArray of JsonObject. */
static GPtrArray *
find_events (Fixture    *fixture,
             const char *prefix)
{
  g_autoptr(GArray) ids = lia_tec_server_list_event_ids (fixture->server);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify)json_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonObject) event = lia_tec_server_dup_event (fixture->server, g_array_index (ids, gint64, i));

      if (g_strcmp0 (json_object_get_string_member (event, "status"), "trash") != 0 &&
          g_str_has_prefix (json_object_get_string_member (event, "title"), prefix))
        g_ptr_array_add (found, g_steal_pointer (&event));
    }

  return found;
}

static JsonObject *
find_one_event (Fixture    *fixture,
                const char *prefix)
{
  g_autoptr(GPtrArray) found = find_events (fixture, prefix);

  g_assert_cmpuint (found->len, ==, 1);

  return json_object_ref (g_ptr_array_index (found, 0));
}

static gint64
get_venue_id (JsonObject *event)
{
  JsonObject *venue = json_object_get_object_member (event, "venue");

  g_assert_nonnull (venue);
  g_assert_cmpstr (json_object_get_string_member (venue, "venue"), ==, VENUE);

  return json_object_get_int_member (venue, "id");
}

static gint64
get_organizer_id (JsonObject *event)
{
  JsonArray *organizers = json_object_get_array_member (event, "organizer");
  JsonObject *organizer;

  g_assert_nonnull (organizers);
  g_assert_cmpuint (json_array_get_length (organizers), ==, 1);
  organizer = json_array_get_object_element (organizers, 0);
  g_assert_cmpstr (json_object_get_string_member (organizer, "organizer"), ==, LIBRARY);

  return json_object_get_int_member (organizer, "id");
}

static guint
count_titled (Fixture    *fixture,
              const char *prefix)
{
  g_autoptr(GPtrArray) found = find_events (fixture, prefix);

  return found->len;
}

static const LiaPublishLogLine *
find_line (LiaPublishReport *report,
           const char       *title)
{
  for (guint i = 0; i < report->lines->len; i++)
    {
      const LiaPublishLogLine *line = g_ptr_array_index (report->lines, i);

      if (g_strcmp0 (line->title, title) == 0)
        return line;
    }

  g_assert_not_reached ();
}

static void
test_first_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = run (fixture);
  g_autoptr(LiaPublishReport) again = NULL;
  g_autoptr(GPtrArray) knitting = NULL;
  g_autoptr(JsonObject) story = NULL;
  g_autoptr(JsonObject) sale = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GHashTable) starts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *story_start = g_strdup_printf ("%s 10:30:00", fixture->story_day);
  g_autofree char *story_end = g_strdup_printf ("%s 11:30:00", fixture->story_day);
  JsonArray *categories;
  gint64 venue_id;
  gint64 organizer_id;

  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (report->n_done, ==, N_ITEMS);
  g_assert_cmpuint (report->plan->n_create, ==, N_ITEMS);

  /* One post per date, one venue and one organizer shared by all. */
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, N_ITEMS);
  g_assert_cmpuint (lia_tec_server_count_venues (fixture->server), ==, 1);
  g_assert_cmpuint (lia_tec_server_count_organizers (fixture->server), ==, 1);

  story = find_one_event (fixture, "Story time");
  venue_id = get_venue_id (story);
  organizer_id = get_organizer_id (story);
  g_assert_cmpstr (json_object_get_string_member (story, "start_date"), ==, story_start);
  g_assert_cmpstr (json_object_get_string_member (story, "end_date"), ==, story_end);
  g_assert_cmpstr (json_object_get_string_member (story, "timezone"), ==, TZID);
  g_assert_false (json_object_get_boolean_member (story, "all_day"));
  g_assert_cmpstr (json_object_get_string_member (story, "cost"), ==, "Free");
  g_assert_cmpstr (json_object_get_string_member (story, "website"), ==,
                   "https://library.example.org/register/story");
  g_assert_cmpstr (json_object_get_string_member (story, "description"), ==,
                   "<p>Stories for little ones</p>\n<p>Songs and rhymes too.</p>\n<p>Bring a blanket.</p>");
  g_assert_cmpstr (json_object_get_string_member (story, "status"), ==, "publish");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (story, "slug"), "story-time-"));
  categories = json_object_get_array_member (story, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (categories, 0), ==, "children");

  sale = find_one_event (fixture, "Book sale");
  g_assert_true (json_object_get_boolean_member (sale, "all_day"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (sale, "start_date"), " 00:00:00"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (sale, "end_date"), " 23:59:59"));
  g_assert_cmpint (strncmp (json_object_get_string_member (sale, "start_date"),
                            json_object_get_string_member (sale, "end_date"), 10), ==, 0);
  g_assert_cmpint (get_venue_id (sale), ==, venue_id);
  g_assert_cmpint (get_organizer_id (sale), ==, organizer_id);

  /* The series: four posts a week apart, each with a slug of its own. */
  knitting = find_events (fixture, "Knitting circle");
  g_assert_cmpuint (knitting->len, ==, N_SERIES);
  for (guint i = 0; i < knitting->len; i++)
    {
      JsonObject *event = g_ptr_array_index (knitting, i);
      const char *start = json_object_get_string_member (event, "start_date");

      g_assert_true (g_str_has_suffix (start, " 18:00:00"));
      g_assert_false (g_hash_table_contains (starts, start));
      g_hash_table_add (starts, (gpointer)start);
      g_assert_cmpint (get_venue_id (event), ==, venue_id);
      g_assert_cmpint (get_organizer_id (event), ==, organizer_id);
    }

  /* Each record holds the post id, its page and its modified_utc. */
  records = lia_publish_records_load (fixture->database, fixture->target->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (records), ==, N_ITEMS);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, records);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        LiaPublishRecord *record = value;
        g_autoptr(JsonObject) event = NULL;

        g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_OK);
        g_assert_nonnull (record->remote_id);
        event = lia_tec_server_dup_event (fixture->server, g_ascii_strtoll (record->remote_id, NULL, 10));
        g_assert_nonnull (event);
        g_assert_cmpstr (record->remote_href, ==, json_object_get_string_member (event, "url"));
        g_assert_cmpstr (record->remote_etag, ==, json_object_get_string_member (event, "modified_utc"));
        g_assert_true (strstr (record->item, "@") != NULL);
      }
  }

  /* Nothing changed: nothing sent but the venue and organizer lists. */
  lia_tec_server_reset_counts (fixture->server);
  again = run (fixture);
  g_assert_cmpint (again->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (again->plan->n_unchanged, ==, N_ITEMS);
  g_assert_cmpuint (again->plan->steps->len, ==, 0);
  g_assert_cmpuint (count_writes (fixture), ==, 0);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, N_ITEMS);
}

/* The content of the items is the same byte for byte when built twice. */
static void
test_content_stable (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaHttp) http = lia_http_new (fixture->target->url, NULL, NULL, &error);
  g_autoptr(LiaPublisher) publisher = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  g_assert_no_error (error);
  publisher = lia_tec_publisher_new (fixture->target, http, &fixture->options.context);
  ids = lia_target_select_event_ids (fixture->target, fixture->database, g_get_real_time () / G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);

  first = lia_publisher_build_items (publisher, fixture->store, ids, &error);
  g_assert_no_error (error);
  second = lia_publisher_build_items (publisher, fixture->store, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, N_ITEMS);
  g_assert_cmpuint (second->len, ==, N_ITEMS);

  for (guint i = 0; i < first->len; i++)
    {
      LiaPublishItem *a = g_ptr_array_index (first, i);
      LiaPublishItem *b = g_ptr_array_index (second, i);

      g_assert_cmpint (a->item_kind, ==, LIA_PUBLISH_ITEM_EVENT);
      g_assert_cmpstr (a->item, ==, b->item);
      g_assert_true (g_bytes_equal (a->content, b->content));
      g_assert_cmpstr (a->content_hash, ==, b->content_hash);
      g_assert_cmpstr (a->content_type, ==, "application/json");
    }
}

static void
test_change_one (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = run (fixture);
  g_autoptr(LiaPublishReport) changed = NULL;
  g_autoptr(LiaPublishReport) series = NULL;
  g_autoptr(LiaEvent) story = get_event (fixture, fixture->story_id);
  g_autoptr(LiaEvent) knitting = get_event (fixture, fixture->knitting_id);
  g_autoptr(JsonObject) before = find_one_event (fixture, "Story time");
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GPtrArray) renamed = NULL;

  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);

  lia_event_set_title (story, "Story time for toddlers");
  resave_event (fixture, story);
  lia_tec_server_reset_counts (fixture->server);

  changed = run (fixture);
  g_assert_cmpint (changed->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (changed->plan->n_update, ==, 1);
  g_assert_cmpuint (changed->n_done, ==, 1);
  /* One write, to the same post: no duplicate, no delete. */
  g_assert_cmpuint (count_writes (fixture), ==, 1);
  bodies = lia_tec_server_dup_event_bodies (fixture->server);
  g_assert_cmpuint (bodies->len, ==, 1);
  after = find_one_event (fixture, "Story time for toddlers");
  g_assert_cmpint (json_object_get_int_member (after, "id"), ==, json_object_get_int_member (before, "id"));
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, N_ITEMS);
  g_assert_cmpuint (lia_tec_server_count_venues (fixture->server), ==, 1);

  /* A change to a series is an update of each of its dates. */
  lia_event_set_title (knitting, "Knitting and crochet circle");
  resave_event (fixture, knitting);
  lia_tec_server_reset_counts (fixture->server);
  series = run (fixture);
  g_assert_cmpint (series->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (series->n_done, ==, N_SERIES);
  g_assert_cmpuint (count_writes (fixture), ==, N_SERIES);
  renamed = find_events (fixture, "Knitting and crochet circle");
  g_assert_cmpuint (renamed->len, ==, N_SERIES);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, N_ITEMS);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = run (fixture);
  g_autoptr(LiaPublishReport) cancelled = NULL;
  g_autoptr(LiaEvent) story = get_event (fixture, fixture->story_id);
  g_autoptr(JsonObject) event = NULL;

  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);

  lia_event_set_status (story, LIA_EVENT_STATUS_CANCELLED);
  resave_event (fixture, story);
  lia_tec_server_reset_counts (fixture->server);
  cancelled = run (fixture);
  g_assert_cmpint (cancelled->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (cancelled->n_done, ==, 1);
  g_assert_cmpuint (lia_tec_server_count_requests (fixture->server, "DELETE"), ==, 0);

  /* Still on the site, saying it is cancelled. */
  event = find_one_event (fixture, "CANCELED: Story time");
  g_assert_cmpstr (json_object_get_string_member (event, "status"), ==, "publish");
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, FALSE), ==, N_ITEMS);
}

static void
delete_remotely (Fixture    *fixture,
                 const char *remote_id)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("%s/wp-json/tribe/events/v1/events/%s",
                                          lia_tec_server_get_url (fixture->server), remote_id);
  g_autoptr(SoupMessage) message = soup_message_new ("DELETE", url);
  g_autofree char *credentials = g_strdup_printf ("%s:%s", LIA_TEC_SERVER_EDITOR, LIA_TEC_SERVER_PASSWORD);
  g_autofree char *encoded = g_base64_encode ((const guchar *)credentials, strlen (credentials));
  g_autofree char *authorization = g_strdup_printf ("Basic %s", encoded);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_append (soup_message_get_request_headers (message), "Authorization", authorization);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);

  /* The contract: a second DELETE is 410. */
  g_clear_object (&message);
  g_clear_pointer (&body, g_bytes_unref);
  message = soup_message_new ("DELETE", url);
  soup_message_headers_append (soup_message_get_request_headers (message), "Authorization", authorization);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_GONE);
}

static void
test_deleted (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = run (fixture);
  g_autoptr(LiaPublishReport) deleted = NULL;
  g_autoptr(LiaPublishReport) again = NULL;
  g_autoptr(JsonObject) sale = find_one_event (fixture, "Book sale");
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sale_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (sale, "id"));

  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);

  /* Story time goes to Liaison's trash; the sale was trashed on the site
   * already, so its DELETE meets a 410, which is done all the same. */
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, fixture->story_id, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, fixture->sale_id, &error));
  g_assert_no_error (error);
  delete_remotely (fixture, sale_id);

  lia_tec_server_reset_counts (fixture->server);
  deleted = run (fixture);
  g_assert_cmpint (deleted->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (deleted->plan->n_delete, ==, 2);
  g_assert_cmpuint (deleted->n_done, ==, 2);
  g_assert_cmpuint (lia_tec_server_count_requests (fixture->server, "DELETE"), ==, 2);
  g_assert_cmpuint (lia_tec_server_count_requests (fixture->server, "POST"), ==, 0);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, FALSE), ==, N_SERIES);
  g_assert_cmpuint (count_titled (fixture, "Story time"), ==, 0);

  records = lia_publish_records_load (fixture->database, fixture->target->id, &error);
  g_assert_no_error (error);
  {
    GHashTableIter iter;
    gpointer value;
    guint n_deleted = 0;

    g_hash_table_iter_init (&iter, records);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      n_deleted += ((LiaPublishRecord *)value)->state == LIA_PUBLISH_STATE_DELETED;
    g_assert_cmpuint (n_deleted, ==, 2);
  }

  lia_tec_server_reset_counts (fixture->server);
  again = run (fixture);
  g_assert_cmpuint (again->plan->steps->len, ==, 0);
  g_assert_cmpuint (count_writes (fixture), ==, 0);
}

static GDateTime *
get_year_later (gpointer user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add_days (now, 400);
}

/* A year on, every event has ended before the target's window: what the
 * site shows of them stays (a website keeps its past events). Trashing
 * one of them still takes it off. */
static void
test_past_kept (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = run (fixture);
  g_autoptr(LiaPublishReport) later = NULL;
  g_autoptr(LiaPublishReport) trashed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, FALSE), ==, N_ITEMS);

  lia_store_set_clock (fixture->store, get_year_later, NULL);
  lia_tec_server_reset_counts (fixture->server);
  later = run (fixture);
  g_assert_cmpint (later->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (later->plan->n_delete, ==, 0);
  g_assert_cmpuint (later->plan->steps->len, ==, 0);
  g_assert_cmpuint (count_writes (fixture), ==, 0);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, FALSE), ==, N_ITEMS);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, fixture->story_id, &error));
  g_assert_no_error (error);
  lia_tec_server_reset_counts (fixture->server);
  trashed = run (fixture);
  g_assert_cmpuint (trashed->plan->n_delete, ==, 1);
  g_assert_cmpuint (lia_tec_server_count_requests (fixture->server, "DELETE"), ==, 1);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, FALSE), ==, N_ITEMS - 1);
  g_assert_cmpuint (count_titled (fixture, "Story time"), ==, 0);
}

/* The site has venues already, over several pages of TEC's archive (50
 * a page): the one named as ours is found on the second and reused. */
static void
test_existing_venues (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(JsonObject) story = NULL;
  gint64 main_branch = 0;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Branch %02u", i);

      if (i == 55)
        main_branch = lia_tec_server_add_venue (fixture->server, VENUE);
      else
        lia_tec_server_add_venue (fixture->server, name);
    }

  report = run (fixture);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (lia_tec_server_count_venues (fixture->server), ==, 60);
  g_assert_cmpuint (lia_tec_server_count_organizers (fixture->server), ==, 1);
  story = find_one_event (fixture, "Story time");
  g_assert_cmpint (get_venue_id (story), ==, main_branch);
}

/* One date of the series moved an hour later: the same post, updated. */
static void
test_moved_date (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = run (fixture);
  g_autoptr(LiaPublishReport) moved = NULL;
  g_autoptr(LiaEvent) knitting = get_event (fixture, fixture->knitting_id);
  g_autoptr(LiaEvent) override = lia_event_copy (knitting);
  g_autoptr(GPtrArray) before = find_events (fixture, "Knitting circle");
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = g_strndup (lia_event_get_dtstart (knitting), 10);
  g_autofree char *second_day = NULL;
  g_autofree char *recurrence_id = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *expected = NULL;
  gint64 post_id = 0;
  GDate date;

  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);

  g_date_set_parse (&date, day);
  g_assert_true (g_date_valid (&date));
  g_date_add_days (&date, 7);
  second_day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date));
  recurrence_id = g_strdup_printf ("%sT18:00:00", second_day);
  start = g_strdup_printf ("%sT19:00:00", second_day);
  end = g_strdup_printf ("%sT21:00:00", second_day);
  expected = g_strdup_printf ("%s 19:00:00", second_day);

  for (guint i = 0; i < before->len; i++)
    {
      JsonObject *event = g_ptr_array_index (before, i);
      g_autofree char *old_start = g_strdup_printf ("%s 18:00:00", second_day);

      if (g_strcmp0 (json_object_get_string_member (event, "start_date"), old_start) == 0)
        post_id = json_object_get_int_member (event, "id");
    }
  g_assert_cmpint (post_id, >, 0);

  lia_event_set_id (override, 0);
  lia_event_set_uid (override, lia_event_get_uid (knitting));
  lia_event_set_rrule (override, NULL);
  lia_event_set_recurrence_of (override, fixture->knitting_id);
  lia_event_set_recurrence_id (override, recurrence_id);
  lia_event_set_dtstart (override, start);
  lia_event_set_dtend (override, end);
  g_assert_true (lia_store_save_event (fixture->store, override, &error));
  g_assert_no_error (error);

  lia_tec_server_reset_counts (fixture->server);
  moved = run (fixture);
  g_assert_cmpint (moved->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (moved->plan->n_update, ==, 1);
  g_assert_cmpuint (moved->plan->n_create + moved->plan->n_delete, ==, 0);
  g_assert_cmpuint (count_writes (fixture), ==, 1);
  after = lia_tec_server_dup_event (fixture->server, post_id);
  g_assert_cmpstr (json_object_get_string_member (after, "start_date"), ==, expected);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, N_ITEMS);
}

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;

  fixture->options.password = "wrong password";
  report = run (fixture);

  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_FAILED);
  g_assert_nonnull (report->message);
  g_assert_nonnull (strstr (report->message, TARGET_NAME));
  g_assert_cmpuint (report->n_done, ==, 0);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, 0);
  g_assert_cmpuint (lia_tec_server_count_venues (fixture->server), ==, 0);
  /* Stopped at the first answer: not one write attempted. */
  g_assert_cmpuint (count_writes (fixture), ==, 0);
}

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;

  g_free (fixture->target->username);
  fixture->target->username = g_strdup (LIA_TEC_SERVER_READER);
  report = run (fixture);

  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_FAILED);
  g_assert_nonnull (report->message);
  g_assert_nonnull (strstr (report->message, TARGET_NAME));
  /* WordPress's own words come with it. */
  g_assert_nonnull (strstr (report->message, "not allowed"));
  g_assert_cmpuint (report->n_done, ==, 0);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, 0);
  g_assert_cmpuint (lia_tec_server_count_venues (fixture->server), ==, 0);
  g_assert_cmpuint (lia_tec_server_count_organizers (fixture->server), ==, 0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaEvent) story = get_event (fixture, fixture->story_id);
  const LiaPublishLogLine *line;

  /* The store takes any text as a registration link; TEC wants a URL. */
  lia_event_set_registration_url (story, "ask at the front desk");
  resave_event (fixture, story);

  report = run (fixture);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  g_assert_cmpuint (report->n_failed, ==, 1);
  g_assert_cmpuint (report->n_done, ==, N_ITEMS - 1);

  line = find_line (report, "Story time");
  g_assert_cmpint (line->outcome, ==, LIA_PUBLISH_STEP_FAILED);
  g_assert_nonnull (line->message);
  /* The server's own words. */
  g_assert_nonnull (strstr (line->message, "Invalid parameter(s): website"));

  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, N_ITEMS - 1);
  g_assert_cmpuint (count_titled (fixture, "Story time"), ==, 0);
}

static void
test_timeout_create (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishReport) rerun = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) story = NULL;
  GHashTableIter iter;
  gpointer value;
  gint64 story_id = 0;

  /* Only Story time is published. */
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, fixture->knitting_id, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, fixture->sale_id, &error));
  g_assert_no_error (error);

  /* The server stores the event, and its answer comes after the client
   * has given up. */
  fixture->options.timeout_seconds = 1;
  fixture->options.max_attempts = 1;
  lia_tec_server_delay_next_create (fixture->server, 3000);
  report = run (fixture);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  g_assert_cmpuint (report->n_pending, ==, 1);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, 1);

  /* The rerun finds it by its slug and updates it: still exactly one. */
  lia_tec_server_reset_counts (fixture->server);
  rerun = run (fixture);
  g_assert_cmpint (rerun->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (rerun->n_done, ==, 1);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, 1);
  g_assert_cmpuint (lia_tec_server_count_requests (fixture->server, "POST"), ==, 1);

  ids = lia_tec_server_list_event_ids (fixture->server);
  g_assert_cmpuint (ids->len, ==, 1);
  story = lia_tec_server_dup_event (fixture->server, g_array_index (ids, gint64, 0));
  g_assert_cmpstr (json_object_get_string_member (story, "title"), ==, "Story time");

  records = lia_publish_records_load (fixture->database, fixture->target->id, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LiaPublishRecord *record = value;

      if (record->state == LIA_PUBLISH_STATE_OK)
        story_id = g_ascii_strtoll (record->remote_id, NULL, 10);
    }
  g_assert_cmpint (story_id, ==, g_array_index (ids, gint64, 0));
}

/* With retries, the same run finds its own create by slug. */
static void
test_timeout_retried (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, fixture->knitting_id, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, fixture->sale_id, &error));
  g_assert_no_error (error);

  fixture->options.timeout_seconds = 1;
  fixture->options.max_attempts = 3;
  lia_tec_server_delay_next_create (fixture->server, 3000);
  report = run (fixture);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (report->n_done, ==, 1);
  g_assert_cmpuint (report->n_retries, ==, 1);
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, 1);
  /* The lost create, then the update of what it left. */
  bodies = lia_tec_server_dup_event_bodies (fixture->server);
  g_assert_cmpuint (bodies->len, ==, 2);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = run (fixture);
  g_autoptr(LiaPublishReport) conflict = NULL;
  g_autoptr(LiaEvent) story = get_event (fixture, fixture->story_id);
  g_autoptr(JsonObject) before = find_one_event (fixture, "Story time");
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) resolved = NULL;
  g_autoptr(LiaPublishReport) settled = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autofree char *item = NULL;
  const LiaPublishLogLine *line;
  gint64 id = json_object_get_int_member (before, "id");
  GHashTableIter iter;
  gpointer value;
  guint n_conflicts = 0;

  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);

  /* A site editor changes the post; then Liaison's copy changes too. */
  lia_tec_server_edit_event (fixture->server, id, "Story time (edited on the site)");
  lia_event_set_title (story, "Story time at ten thirty");
  resave_event (fixture, story);

  lia_tec_server_reset_counts (fixture->server);
  conflict = run (fixture);
  g_assert_cmpint (conflict->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  g_assert_cmpuint (conflict->n_conflicts, ==, 1);
  line = find_line (conflict, "Story time at ten thirty");
  g_assert_cmpint (line->outcome, ==, LIA_PUBLISH_STEP_CONFLICT);

  /* Never overwritten. */
  g_assert_cmpuint (count_writes (fixture), ==, 0);
  after = lia_tec_server_dup_event (fixture->server, id);
  g_assert_cmpstr (json_object_get_string_member (after, "title"), ==, "Story time (edited on the site)");

  records = lia_publish_records_load (fixture->database, fixture->target->id, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LiaPublishRecord *record = value;

      if (record->state == LIA_PUBLISH_STATE_CONFLICT)
        {
          n_conflicts++;
          item = g_strdup (record->item);
        }
    }
  g_assert_cmpuint (n_conflicts, ==, 1);

  /* Both copies, theirs read from the site... */
  g_assert_true (lia_publish_fetch_conflict (fixture->store, fixture->target, item, &fixture->options,
                                             &ours, &theirs, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (ours, NULL), "Story time at ten thirty"));
  g_assert_nonnull (theirs);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (theirs, NULL), g_bytes_get_size (theirs));

    g_assert_nonnull (strstr (text, "Story time (edited on the site)"));
  }

  /* ...then ours kept, knowingly: the same post now says ours. */
  g_assert_true (lia_publish_resolve (fixture->store, fixture->target, item, LIA_RESOLVE_KEEP_OURS,
                                      &fixture->options, NULL, &error));
  g_assert_no_error (error);
  resolved = lia_tec_server_dup_event (fixture->server, id);
  g_assert_cmpstr (json_object_get_string_member (resolved, "title"), ==, "Story time at ten thirty");
  g_assert_cmpuint (lia_tec_server_count_events (fixture->server, TRUE), ==, N_ITEMS);

  lia_tec_server_reset_counts (fixture->server);
  settled = run (fixture);
  g_assert_cmpint (settled->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (settled->plan->steps->len, ==, 0);
  g_assert_cmpuint (count_writes (fixture), ==, 0);
}

/* Markup a user typed reaches the site as text, in the title and the
 * description alike. */
static void
test_script_inert (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaEvent) story = get_event (fixture, fixture->story_id);
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(JsonObject) event = NULL;
  const char *description;

  lia_event_set_title (story, SCRIPT_TITLE);
  lia_event_set_summary (story, NULL);
  lia_event_set_description (story, "<img src=x onerror=alert(2)> & <b>bold</b>");
  resave_event (fixture, story);

  report = run (fixture);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);

  event = find_one_event (fixture, "&lt;script&gt;");
  g_assert_cmpstr (json_object_get_string_member (event, "title"), ==,
                   "&lt;script&gt;alert(1)&lt;/script&gt;");
  description = json_object_get_string_member (event, "description");
  g_assert_cmpstr (description, ==,
                   "<p>&lt;img src=x onerror=alert(2)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</p>");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (event, "slug"), "script-alert-1-script-"));

  /* Nowhere in what was sent is there a tag a browser would run. */
  bodies = lia_tec_server_dup_event_bodies (fixture->server);
  g_assert_cmpuint (bodies->len, ==, N_ITEMS);
  for (guint i = 0; i < bodies->len; i++)
    {
      const char *body = g_ptr_array_index (bodies, i);

      g_assert_null (strstr (body, "<script"));
      g_assert_null (strstr (body, "<img"));
      g_assert_null (strstr (body, "<b>"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/publish-tec/first-run", Fixture, NULL, fixture_setup, test_first_run, fixture_teardown);
  g_test_add ("/publish-tec/content-stable", Fixture, NULL, fixture_setup, test_content_stable, fixture_teardown);
  g_test_add ("/publish-tec/change-one", Fixture, NULL, fixture_setup, test_change_one, fixture_teardown);
  g_test_add ("/publish-tec/cancelled", Fixture, NULL, fixture_setup, test_cancelled, fixture_teardown);
  g_test_add ("/publish-tec/deleted", Fixture, NULL, fixture_setup, test_deleted, fixture_teardown);
  g_test_add ("/publish-tec/past-kept", Fixture, NULL, fixture_setup, test_past_kept, fixture_teardown);
  g_test_add ("/publish-tec/existing-venues", Fixture, NULL, fixture_setup, test_existing_venues, fixture_teardown);
  g_test_add ("/publish-tec/moved-date", Fixture, NULL, fixture_setup, test_moved_date, fixture_teardown);
  g_test_add ("/publish-tec/unauthorized", Fixture, NULL, fixture_setup, test_unauthorized, fixture_teardown);
  g_test_add ("/publish-tec/forbidden", Fixture, NULL, fixture_setup, test_forbidden, fixture_teardown);
  g_test_add ("/publish-tec/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/publish-tec/timeout-create", Fixture, NULL, fixture_setup, test_timeout_create, fixture_teardown);
  g_test_add ("/publish-tec/timeout-retried", Fixture, NULL, fixture_setup, test_timeout_retried, fixture_teardown);
  g_test_add ("/publish-tec/conflict", Fixture, NULL, fixture_setup, test_conflict, fixture_teardown);
  g_test_add ("/publish-tec/script-inert", Fixture, NULL, fixture_setup, test_script_inert, fixture_teardown);

  return g_test_run ();
}
