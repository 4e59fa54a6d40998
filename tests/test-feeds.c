/* test-feeds.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The published feeds (lia-feeds): JSON Feed, JSON-LD, RSS and the partner
 * directory over a store with a few partners and events, each read back
 * (json-glib, GMarkupParseContext) and checked field by field.
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "lia-contact.h"
#include "lia-database.h"
#include "lia-feeds.h"
#include "lia-partner.h"
#include "lia-store.h"
#include "lia-test-util.h"

#define TZID "America/Edmonton"
#define SCRIPT_TITLE "<script>alert(1)</script>"
#define SECRET_NOTE "Secret note: the director is leaving"
#define OWNER_NAME "Ophelia Ownerstaff"
#define CONTACT_EMAIL "private.person@example.org"

typedef struct
{
  char        *dir;
  LiaDatabase *database;
  LiaStore    *store;
  gint64       now;
  gint64       alpha_id;
  char        *story_uid;
  char        *knitting_uid;
} Fixture;

static const LiaFeedInfo info = {
  .title = "Riverside Library events",
  .home_page_url = "https://library.example.org/events",
  .feed_url = "https://library.example.org/events.json",
  .description = "Programs at the library & with partners",
  .library_name = "Riverside Library",
  .tzid = TZID,
};

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

static gint64
add_partner (Fixture          *fixture,
             const char       *name,
             LiaPartnerStatus  status,
             LiaPromotionTier  tier)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  lia_partner_set_status (partner, status);
  lia_partner_set_promotion_tier (partner, tier);
  lia_partner_set_description (partner, "A community partner.");
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

static LiaEvent *
new_event (const char *title,
           const char *dtstart,
           const char *dtend)
{
  LiaEvent *event = lia_event_new ();

  lia_event_set_title (event, title);
  lia_event_set_dtstart (event, dtstart);
  lia_event_set_dtend (event, dtend);
  lia_event_set_tzid (event, TZID);
  lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);

  return event;
}

static gint64
save_event (Fixture  *fixture,
            LiaEvent *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);

  return lia_event_get_id (event);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 20, 17, 0, 0);
  g_autofree char *path = NULL;
  g_autoptr(LiaPartner) alpha = NULL;
  g_autoptr(LiaContact) contact = NULL;
  g_autoptr(LiaEvent) story = NULL;
  g_autoptr(LiaEvent) sale = NULL;
  g_autoptr(LiaEvent) knitting = NULL;
  g_autoptr(LiaEvent) moved = NULL;
  g_autoptr(LiaEvent) draft = NULL;
  g_autoptr(LiaEvent) talk = NULL;
  g_autoptr(LiaEvent) webinar = NULL;
  g_autoptr(LiaEvent) gone = NULL;
  g_autoptr(LiaEvent) script = NULL;
  gint64 trashed_partner;
  const char *story_categories[] = { "children", "reading", NULL };

  fixture->dir = lia_test_make_temp_dir ("feeds");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  fixture->now = g_date_time_to_unix (now);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);

  /* Partners: two promoted and active, the others left out for one reason each. */
  fixture->alpha_id = add_partner (fixture, "Alpha Literacy Society", LIA_PARTNER_STATUS_ACTIVE,
                                   LIA_PROMOTION_TIER_STANDARD);
  alpha = lia_store_get_partner (fixture->store, fixture->alpha_id, &error);
  g_assert_no_error (error);
  lia_partner_set_notes (alpha, SECRET_NOTE);
  lia_partner_set_owner (alpha, OWNER_NAME);
  lia_partner_set_kind (alpha, LIA_PARTNER_KIND_NONPROFIT);
  lia_partner_set_services (alpha, "Tutoring|English conversation");
  lia_partner_set_email (alpha, "info@alpha.example.org");
  lia_partner_set_phone (alpha, "780-555-0100");
  lia_partner_set_website (alpha, "https://alpha.example.org");
  g_assert_true (lia_store_save_partner (fixture->store, alpha, &error));
  g_assert_no_error (error);

  contact = lia_contact_new ();
  lia_contact_set_partner_id (contact, fixture->alpha_id);
  lia_contact_set_name (contact, "Private Person");
  lia_contact_set_email (contact, CONTACT_EMAIL);
  g_assert_true (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);

  add_partner (fixture, "Beta Chess Club", LIA_PARTNER_STATUS_ACTIVE, LIA_PROMOTION_TIER_FEATURED);
  add_partner (fixture, "Aardvark Listed Society", LIA_PARTNER_STATUS_ACTIVE, LIA_PROMOTION_TIER_LISTED_ONLY);
  add_partner (fixture, "Charlie Prospect", LIA_PARTNER_STATUS_PROSPECT, LIA_PROMOTION_TIER_FEATURED);
  add_partner (fixture, "Delta Not Promoted", LIA_PARTNER_STATUS_ACTIVE, LIA_PROMOTION_TIER_NOT_PROMOTED);
  trashed_partner = add_partner (fixture, "Echo Trashed", LIA_PARTNER_STATUS_ACTIVE,
                                 LIA_PROMOTION_TIER_STANDARD);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, trashed_partner, &error));
  g_assert_no_error (error);

  /* Events */
  story = new_event ("Story time", "2027-01-14T10:30:00", "2027-01-14T11:30:00");
  lia_event_set_partner_id (story, fixture->alpha_id);
  lia_event_set_summary (story, "Stories for little ones");
  lia_event_set_description (story, "Songs and rhymes too.");
  lia_event_set_venue_name (story, "Main branch");
  lia_event_set_venue_address (story, "1 River Road");
  lia_event_set_venue_room (story, "Room B");
  lia_event_set_registration_url (story, "https://library.example.org/register/story");
  lia_event_set_cost (story, "Free");
  lia_event_set_categories (story, story_categories);
  lia_event_set_image_url (story, "https://library.example.org/story.png");
  save_event (fixture, story);
  fixture->story_uid = g_strdup (lia_event_get_uid (story));

  sale = new_event ("Book sale", "2027-07-10", "2027-07-11");
  lia_event_set_all_day (sale, TRUE);
  lia_event_set_venue_name (sale, "Main branch");
  save_event (fixture, sale);

  knitting = new_event ("Knitting circle", "2027-07-06T18:00:00", "2027-07-06T20:00:00");
  lia_event_set_rrule (knitting, "FREQ=WEEKLY;BYDAY=TU");
  lia_event_set_exdates (knitting, "2027-07-20T18:00:00");
  lia_event_set_venue_name (knitting, "Main branch");
  save_event (fixture, knitting);
  fixture->knitting_uid = g_strdup (lia_event_get_uid (knitting));

  /* One date of the series moved an hour later: an item of its own. */
  moved = lia_event_copy (knitting);
  lia_event_set_id (moved, 0);
  lia_event_set_rrule (moved, NULL);
  lia_event_set_recurrence_of (moved, lia_event_get_id (knitting));
  lia_event_set_recurrence_id (moved, "2027-07-13T18:00:00");
  lia_event_set_title (moved, "Knitting circle (moved)");
  lia_event_set_dtstart (moved, "2027-07-13T19:00:00");
  lia_event_set_dtend (moved, "2027-07-13T21:00:00");
  save_event (fixture, moved);

  draft = new_event ("Draft idea", "2027-05-01T12:00:00", "2027-05-01T13:00:00");
  lia_event_set_status (draft, LIA_EVENT_STATUS_DRAFT);
  save_event (fixture, draft);

  talk = new_event ("Cancelled talk", "2027-02-01T19:00:00", "2027-02-01T20:00:00");
  lia_event_set_status (talk, LIA_EVENT_STATUS_CANCELLED);
  lia_event_set_venue_name (talk, "Main branch");
  save_event (fixture, talk);

  webinar = new_event ("Online webinar", "2027-03-01T12:00:00", "2027-03-01T13:00:00");
  lia_event_set_online_url (webinar, "https://meet.example.org/webinar");
  save_event (fixture, webinar);

  gone = new_event ("Gone event", "2027-03-02T12:00:00", "2027-03-02T13:00:00");
  save_event (fixture, gone);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, lia_event_get_id (gone), &error));
  g_assert_no_error (error);

  script = new_event (SCRIPT_TITLE, "2027-04-01T12:00:00", "2027-04-01T13:00:00");
  lia_event_set_description (script, "<b>bold</b> & \"quoted\"");
  save_event (fixture, script);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->story_uid);
  g_free (fixture->knitting_uid);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strstr_len (data, length, needle) != NULL;
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* The element of @array whose string member @name is @value. */
static JsonObject *
find_object (JsonArray  *array,
             const char *name,
             const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, name, NULL), value) == 0)
        return object;
    }

  return NULL;
}

static void
test_json_feed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = lia_feed_json (fixture->store, NULL, &info, &error);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonObject *feed, *item, *ext, *venue;
  JsonArray *items, *tags;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  root = parse_json (bytes);
  feed = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (feed, "version"), ==, "https://jsonfeed.org/version/1.1");
  g_assert_cmpstr (json_object_get_string_member (feed, "title"), ==, info.title);
  g_assert_cmpstr (json_object_get_string_member (feed, "home_page_url"), ==, info.home_page_url);
  g_assert_cmpstr (json_object_get_string_member (feed, "feed_url"), ==, info.feed_url);
  g_assert_cmpstr (json_object_get_string_member (feed, "description"), ==, info.description);

  items = json_object_get_array_member (feed, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 7);
  g_assert_null (find_object (items, "title", "Gone event"));
  g_assert_null (find_object (items, "title", "Draft idea"));

  /* A single event in winter: Edmonton is UTC-7. */
  item = find_object (items, "title", "Story time");
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, fixture->story_uid);
  g_assert_cmpstr (json_object_get_string_member (item, "url"), ==, "https://library.example.org/register/story");
  g_assert_cmpstr (json_object_get_string_member (item, "content_text"), ==,
                   "Stories for little ones\n\nSongs and rhymes too.");
  g_assert_cmpstr (json_object_get_string_member (item, "image"), ==, "https://library.example.org/story.png");
  g_assert_cmpstr (json_object_get_string_member (item, "date_published"), ==, "2026-11-20T17:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (item, "date_modified"), ==, "2026-11-20T17:00:00Z");
  tags = json_object_get_array_member (item, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  ext = json_object_get_object_member (item, "_event");
  g_assert_nonnull (ext);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (ext, "about"), "https://"));
  g_assert_cmpstr (json_object_get_string_member (ext, "start"), ==, "2027-01-14T10:30:00-07:00");
  g_assert_cmpstr (json_object_get_string_member (ext, "end"), ==, "2027-01-14T11:30:00-07:00");
  g_assert_false (json_object_get_boolean_member (ext, "all_day"));
  g_assert_cmpstr (json_object_get_string_member (ext, "timezone"), ==, TZID);
  g_assert_cmpstr (json_object_get_string_member (ext, "status"), ==, "confirmed");
  g_assert_cmpstr (json_object_get_string_member (ext, "cost"), ==, "Free");
  g_assert_cmpstr (json_object_get_string_member (ext, "organizer"), ==, "Alpha Literacy Society");
  g_assert_false (json_object_has_member (ext, "rrule"));
  venue = json_object_get_object_member (ext, "venue");
  g_assert_cmpstr (json_object_get_string_member (venue, "name"), ==, "Main branch");
  g_assert_cmpstr (json_object_get_string_member (venue, "address"), ==, "1 River Road");
  g_assert_cmpstr (json_object_get_string_member (venue, "room"), ==, "Room B");

  /* A series in summer: UTC-6, one item with its rule. */
  item = find_object (items, "title", "Knitting circle");
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, fixture->knitting_uid);
  ext = json_object_get_object_member (item, "_event");
  g_assert_cmpstr (json_object_get_string_member (ext, "start"), ==, "2027-07-06T18:00:00-06:00");
  g_assert_cmpstr (json_object_get_string_member (ext, "rrule"), ==, "FREQ=WEEKLY;BYDAY=TU");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ext, "exdates")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (ext, "exdates"), 0), ==,
                   "2027-07-20T18:00:00");
  g_assert_cmpstr (json_object_get_string_member (ext, "organizer"), ==, "Riverside Library");

  item = find_object (items, "title", "Knitting circle (moved)");
  g_assert_nonnull (item);
  id = g_strdup_printf ("%s/2027-07-13T18:00:00", fixture->knitting_uid);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, id);
  ext = json_object_get_object_member (item, "_event");
  g_assert_cmpstr (json_object_get_string_member (ext, "start"), ==, "2027-07-13T19:00:00-06:00");
  g_assert_cmpstr (json_object_get_string_member (ext, "recurrence_id"), ==, "2027-07-13T18:00:00");
  g_assert_false (json_object_has_member (ext, "rrule"));

  item = find_object (items, "title", "Book sale");
  ext = json_object_get_object_member (item, "_event");
  g_assert_true (json_object_get_boolean_member (ext, "all_day"));
  g_assert_cmpstr (json_object_get_string_member (ext, "start"), ==, "2027-07-10");
  g_assert_cmpstr (json_object_get_string_member (ext, "end"), ==, "2027-07-11");

  item = find_object (items, "title", "Cancelled talk");
  g_assert_nonnull (item);
  ext = json_object_get_object_member (item, "_event");
  g_assert_cmpstr (json_object_get_string_member (ext, "status"), ==, "cancelled");

  item = find_object (items, "title", "Online webinar");
  g_assert_cmpstr (json_object_get_string_member (item, "url"), ==, "https://meet.example.org/webinar");
  ext = json_object_get_object_member (item, "_event");
  g_assert_cmpstr (json_object_get_string_member (ext, "online_url"), ==, "https://meet.example.org/webinar");
  g_assert_false (json_object_has_member (ext, "venue"));

  /* User text is a plain string. */
  item = find_object (items, "title", SCRIPT_TITLE);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "content_text"), ==, "<b>bold</b> & \"quoted\"");

  again = lia_feed_json (fixture->store, NULL, &info, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_json_feed_query (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items;
  LiaEventQuery query;

  lia_event_query_init (&query);
  query.partner_id = fixture->alpha_id;
  bytes = lia_feed_json (fixture->store, &query, NULL, &error);
  g_assert_no_error (error);
  root = parse_json (bytes);
  items = json_object_get_array_member (json_node_get_object (root), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_nonnull (find_object (items, "title", "Story time"));
}

static void
test_jsonld (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = lia_feed_jsonld (fixture->store, NULL, &info, &error);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *event, *location, *address, *offer, *schedule;
  JsonArray *graph, *by_day;

  g_assert_no_error (error);
  root = parse_json (bytes);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "@context"), ==, "https://schema.org");
  graph = json_object_get_array_member (object, "@graph");
  g_assert_cmpuint (json_array_get_length (graph), ==, 7);
  g_assert_null (find_object (graph, "name", "Gone event"));
  g_assert_null (find_object (graph, "name", "Draft idea"));

  event = find_object (graph, "name", "Story time");
  g_assert_cmpstr (json_object_get_string_member (event, "@type"), ==, "Event");
  g_assert_cmpstr (json_object_get_string_member (event, "startDate"), ==, "2027-01-14T10:30:00-07:00");
  g_assert_cmpstr (json_object_get_string_member (event, "endDate"), ==, "2027-01-14T11:30:00-07:00");
  g_assert_cmpstr (json_object_get_string_member (event, "eventStatus"), ==, "https://schema.org/EventScheduled");
  g_assert_cmpstr (json_object_get_string_member (event, "eventAttendanceMode"), ==,
                   "https://schema.org/OfflineEventAttendanceMode");
  g_assert_cmpstr (json_object_get_string_member (event, "image"), ==, "https://library.example.org/story.png");
  location = json_object_get_object_member (event, "location");
  g_assert_cmpstr (json_object_get_string_member (location, "@type"), ==, "Place");
  g_assert_cmpstr (json_object_get_string_member (location, "name"), ==, "Main branch, Room B");
  address = json_object_get_object_member (location, "address");
  g_assert_cmpstr (json_object_get_string_member (address, "@type"), ==, "PostalAddress");
  g_assert_cmpstr (json_object_get_string_member (address, "streetAddress"), ==, "1 River Road");
  offer = json_object_get_object_member (event, "offers");
  g_assert_cmpstr (json_object_get_string_member (offer, "price"), ==, "Free");
  g_assert_cmpstr (json_object_get_string_member (offer, "url"), ==, "https://library.example.org/register/story");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (event, "organizer"), "name"), ==,
                   "Alpha Literacy Society");

  event = find_object (graph, "name", "Knitting circle");
  g_assert_cmpstr (json_object_get_string_member (event, "startDate"), ==, "2027-07-06T18:00:00-06:00");
  schedule = json_object_get_object_member (event, "eventSchedule");
  g_assert_nonnull (schedule);
  g_assert_cmpstr (json_object_get_string_member (schedule, "@type"), ==, "Schedule");
  g_assert_cmpstr (json_object_get_string_member (schedule, "repeatFrequency"), ==, "P1W");
  g_assert_cmpstr (json_object_get_string_member (schedule, "startDate"), ==, "2027-07-06");
  g_assert_cmpstr (json_object_get_string_member (schedule, "startTime"), ==, "18:00:00");
  g_assert_cmpstr (json_object_get_string_member (schedule, "endTime"), ==, "20:00:00");
  g_assert_cmpstr (json_object_get_string_member (schedule, "scheduleTimezone"), ==, TZID);
  by_day = json_object_get_array_member (schedule, "byDay");
  g_assert_cmpuint (json_array_get_length (by_day), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (by_day, 0), ==, "https://schema.org/Tuesday");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (event, "organizer"), "name"), ==,
                   "Riverside Library");

  event = find_object (graph, "name", "Book sale");
  g_assert_cmpstr (json_object_get_string_member (event, "startDate"), ==, "2027-07-10");
  g_assert_cmpstr (json_object_get_string_member (event, "endDate"), ==, "2027-07-11");

  event = find_object (graph, "name", "Cancelled talk");
  g_assert_cmpstr (json_object_get_string_member (event, "eventStatus"), ==, "https://schema.org/EventCancelled");

  event = find_object (graph, "name", "Online webinar");
  g_assert_cmpstr (json_object_get_string_member (event, "eventAttendanceMode"), ==,
                   "https://schema.org/OnlineEventAttendanceMode");
  location = json_object_get_object_member (event, "location");
  g_assert_cmpstr (json_object_get_string_member (location, "@type"), ==, "VirtualLocation");
  g_assert_cmpstr (json_object_get_string_member (location, "url"), ==, "https://meet.example.org/webinar");

  g_assert_nonnull (find_object (graph, "name", SCRIPT_TITLE));

  again = lia_feed_jsonld (fixture->store, NULL, &info, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* RSS read back with GMarkupParseContext */

typedef struct
{
  char      *title;
  char      *link;
  char      *description;
  char      *guid;
  gboolean   guid_is_permalink;
  char      *pub_date;
  GPtrArray *categories;
} RssItem;

typedef struct
{
  char      *channel_title;
  char      *channel_link;
  GPtrArray *items;    /* RssItem */
  RssItem   *current;  /* Borrowed */
  GString   *text;
} RssReader;

static void
rss_item_free (gpointer data)
{
  RssItem *item = data;

  g_free (item->title);
  g_free (item->link);
  g_free (item->description);
  g_free (item->guid);
  g_free (item->pub_date);
  g_ptr_array_unref (item->categories);
  g_free (item);
}

static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static void
on_rss_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  RssReader *reader = user_data;

  g_string_truncate (reader->text, 0);
  if (g_str_equal (element, "item"))
    {
      reader->current = g_new0 (RssItem, 1);
      reader->current->categories = g_ptr_array_new_with_free_func (g_free);
      reader->current->guid_is_permalink = TRUE;
      g_ptr_array_add (reader->items, reader->current);
    }
  else if (g_str_equal (element, "guid") && reader->current != NULL)
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "isPermaLink"))
          reader->current->guid_is_permalink = g_str_equal (values[i], "true");
    }
}

static void
on_rss_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  RssReader *reader = user_data;
  RssItem *item = reader->current;
  char *text = g_strdup (reader->text->str);

  if (g_str_equal (element, "item"))
    reader->current = NULL;
  else if (item == NULL && g_str_equal (element, "title"))
    replace_text (&reader->channel_title, text);
  else if (item == NULL && g_str_equal (element, "link"))
    replace_text (&reader->channel_link, text);
  else if (item != NULL && g_str_equal (element, "title"))
    replace_text (&item->title, text);
  else if (item != NULL && g_str_equal (element, "link"))
    replace_text (&item->link, text);
  else if (item != NULL && g_str_equal (element, "description"))
    replace_text (&item->description, text);
  else if (item != NULL && g_str_equal (element, "guid"))
    replace_text (&item->guid, text);
  else if (item != NULL && g_str_equal (element, "pubDate"))
    replace_text (&item->pub_date, text);
  else if (item != NULL && g_str_equal (element, "category"))
    g_ptr_array_add (item->categories, g_strdup (text));
  g_free (text);
  g_string_truncate (reader->text, 0);
}

static void
on_rss_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  RssReader *reader = user_data;

  g_string_append_len (reader->text, text, length);
}

static void
read_rss (GBytes    *bytes,
          RssReader *reader)
{
  static const GMarkupParser parser = { on_rss_start, on_rss_end, on_rss_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  reader->items = g_ptr_array_new_with_free_func (rss_item_free);
  reader->text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, reader, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
rss_reader_clear (RssReader *reader)
{
  g_clear_pointer (&reader->channel_title, g_free);
  g_clear_pointer (&reader->channel_link, g_free);
  g_clear_pointer (&reader->items, g_ptr_array_unref);
  if (reader->text != NULL)
    g_string_free (reader->text, TRUE);
  reader->text = NULL;
}

static RssItem *
find_rss_item (RssReader  *reader,
               const char *title)
{
  for (guint i = 0; i < reader->items->len; i++)
    {
      RssItem *item = g_ptr_array_index (reader->items, i);

      if (g_strcmp0 (item->title, title) == 0)
        return item;
    }

  return NULL;
}

static void
test_rss (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = lia_feed_rss (fixture->store, NULL, &info, &error);
  g_autoptr(GBytes) again = NULL;
  g_autofree char *guid = NULL;
  RssReader reader = { 0 };
  RssItem *item;

  g_assert_no_error (error);
  read_rss (bytes, &reader);
  g_assert_cmpstr (reader.channel_title, ==, info.title);
  g_assert_cmpstr (reader.channel_link, ==, info.home_page_url);
  /* The feed names its own address (atom:link rel="self"). */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_nonnull (strstr (text, "xmlns:atom=\"http://www.w3.org/2005/Atom\""));
    g_assert_nonnull (strstr (text, "<atom:link href=\"https://library.example.org/events.json\" rel=\"self\""));
  }
  g_assert_cmpuint (reader.items->len, ==, 7);
  g_assert_null (find_rss_item (&reader, "Gone event"));
  g_assert_null (find_rss_item (&reader, "Draft idea"));

  item = find_rss_item (&reader, "Story time");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->guid, ==, fixture->story_uid);
  g_assert_false (item->guid_is_permalink);
  g_assert_cmpstr (item->link, ==, "https://library.example.org/register/story");
  g_assert_cmpstr (item->description, ==, "Stories for little ones\n\nSongs and rhymes too.");
  g_assert_cmpstr (item->pub_date, ==, "Fri, 20 Nov 2026 17:00:00 +0000");
  g_assert_cmpuint (item->categories->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (item->categories, 0), ==, "children");
  g_assert_cmpstr (g_ptr_array_index (item->categories, 1), ==, "reading");

  item = find_rss_item (&reader, "Knitting circle");
  g_assert_cmpstr (item->guid, ==, fixture->knitting_uid);
  g_assert_cmpstr (item->link, ==, info.home_page_url);
  g_assert_nonnull (find_rss_item (&reader, "Cancelled talk"));
  item = find_rss_item (&reader, "Knitting circle (moved)");
  guid = g_strdup_printf ("%s/2027-07-13T18:00:00", fixture->knitting_uid);
  g_assert_cmpstr (item->guid, ==, guid);

  /* The script title comes back as text, and is escaped in the bytes. */
  item = find_rss_item (&reader, SCRIPT_TITLE);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->description, ==, "<b>bold</b> & \"quoted\"");
  g_assert_false (bytes_contain (bytes, "<script>"));
  g_assert_true (bytes_contain (bytes, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_false (bytes_contain (bytes, "<b>"));

  /* Guids (and everything else) are stable across runs. */
  again = lia_feed_rss (fixture->store, NULL, &info, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));

  rss_reader_clear (&reader);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = lia_feed_directory (fixture->store, &info, &error);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *partners, *services;
  JsonObject *alpha;

  g_assert_no_error (error);
  root = parse_json (bytes);
  partners = json_object_get_array_member (json_node_get_object (root), "partners");
  g_assert_cmpuint (json_array_get_length (partners), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (partners, 0), "name"), ==,
                   "Aardvark Listed Society");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (partners, 1), "name"), ==,
                   "Alpha Literacy Society");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (partners, 2), "name"), ==,
                   "Beta Chess Club");

  alpha = json_array_get_object_element (partners, 1);
  g_assert_cmpstr (json_object_get_string_member (alpha, "kind"), ==, "nonprofit");
  g_assert_cmpstr (json_object_get_string_member (alpha, "email"), ==, "info@alpha.example.org");
  g_assert_cmpstr (json_object_get_string_member (alpha, "phone"), ==, "780-555-0100");
  g_assert_cmpstr (json_object_get_string_member (alpha, "website"), ==, "https://alpha.example.org");
  services = json_object_get_array_member (alpha, "services");
  g_assert_cmpuint (json_array_get_length (services), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (services, 0), ==, "Tutoring");
  g_assert_cmpstr (json_array_get_string_element (services, 1), ==, "English conversation");
  g_assert_false (json_object_has_member (alpha, "notes"));
  g_assert_false (json_object_has_member (alpha, "owner"));

  g_assert_false (bytes_contain (bytes, SECRET_NOTE));
  g_assert_false (bytes_contain (bytes, OWNER_NAME));
  g_assert_false (bytes_contain (bytes, CONTACT_EMAIL));
  g_assert_false (bytes_contain (bytes, "Private Person"));
  g_assert_false (bytes_contain (bytes, "Charlie Prospect"));
  g_assert_false (bytes_contain (bytes, "Delta Not Promoted"));
  g_assert_false (bytes_contain (bytes, "Echo Trashed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/feeds/json", Fixture, NULL, fixture_setup, test_json_feed, fixture_teardown);
  g_test_add ("/feeds/json/query", Fixture, NULL, fixture_setup, test_json_feed_query, fixture_teardown);
  g_test_add ("/feeds/jsonld", Fixture, NULL, fixture_setup, test_jsonld, fixture_teardown);
  g_test_add ("/feeds/rss", Fixture, NULL, fixture_setup, test_rss, fixture_teardown);
  g_test_add ("/feeds/directory", Fixture, NULL, fixture_setup, test_directory, fixture_teardown);

  return g_test_run ();
}
