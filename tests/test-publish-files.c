/* test-publish-files.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The feed files published to a folder and to real WebDAV servers: nginx
 * (no preconditions) and Apache mod_dav (If-Match, If-None-Match, weak
 * ETags right after a write). Each file is read back with a real parser;
 * a second run sends nothing; a copy someone else changed is a conflict,
 * never overwritten until the user chooses.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>

#include "lia-publish-job.h"
#include "lia-publisher.h"
#include "lia-test-util.h"
#include "lia-test-webservers.h"

#define SCRIPT_TITLE "<script>alert(1)</script>"
#define N_FILES 5

static const char * const feed_files[N_FILES] = {
  LIA_FEED_ICS, LIA_FEED_JSON, LIA_FEED_JSONLD, LIA_FEED_RSS, LIA_FEED_DIRECTORY,
};

static void
add_events (LiaTestPublish *publish,
            gint64         *story_id)
{
  gint64 id = lia_test_publish_add_event (publish, "Story time", 3);

  if (story_id != NULL)
    *story_id = id;
  lia_test_publish_add_event (publish, SCRIPT_TITLE, 5);
  lia_test_publish_add_event (publish, "Book sale", 10);
}

static GBytes *
load_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gint64
get_mtime_usec (const char *dir,
                const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) modified = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  modified = g_file_info_get_modification_date_time (info);

  return g_date_time_to_unix (modified) * G_USEC_PER_SEC + g_date_time_get_microsecond (modified);
}

static char *
hash_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strstr_len (data, length, needle) != NULL;
}

static void
assert_record_matches (LiaTestPublish *publish,
                       const char     *name,
                       GBytes         *remote)
{
  g_autoptr(LiaPublishRecord) record = lia_test_publish_get_record (publish, name);
  g_autofree char *hash = hash_bytes (remote);

  g_assert_nonnull (record);
  g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_OK);
  g_assert_cmpstr (record->content_hash, ==, hash);
}

/* Reading the feeds back */

static void
check_ics (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *event;
  guint n_events = 0;
  gboolean found = FALSE;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      n_events++;
      /* Text in iCalendar is never markup: the title is kept as it is. */
      if (g_strcmp0 (icalcomponent_get_summary (event), SCRIPT_TITLE) == 0)
        found = TRUE;
    }
  g_assert_cmpuint (n_events, ==, 3);
  g_assert_true (found);
  g_assert_true (strstr (text, "NAME:Riverside Library Community Events") != NULL);
  g_assert_true (strstr (text, "REFRESH-INTERVAL;VALUE=DURATION:PT12H") != NULL);
  icalcomponent_free (calendar);
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* The array member @array_name of the root holds an object whose string
 * @member is the script title, as text. */
static void
check_json_titles (GBytes     *bytes,
                   const char *array_name,
                   const char *member)
{
  g_autoptr(JsonNode) root = parse_json (bytes);
  JsonArray *array;
  gboolean found = FALSE;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  array = json_object_get_array_member (json_node_get_object (root), array_name);
  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), SCRIPT_TITLE) == 0)
        found = TRUE;
      /* Markup fields would be rendered by a website: the title must not
       * become one. */
      if (json_object_has_member (object, "content_html"))
        g_assert_null (strstr (json_object_get_string_member (object, "content_html"), "<script"));
    }
  g_assert_true (found);
}

typedef struct
{
  gboolean  in_item;
  gboolean  in_title;
  GString  *title;
  GPtrArray *titles;
} RssReader;

static void
rss_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  RssReader *reader = user_data;

  /* The feed holds no element a browser would run. */
  g_assert_cmpstr (element, !=, "script");
  if (g_str_equal (element, "item"))
    reader->in_item = TRUE;
  else if (reader->in_item && g_str_equal (element, "title"))
    {
      reader->in_title = TRUE;
      g_string_truncate (reader->title, 0);
    }
}

static void
rss_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  RssReader *reader = user_data;

  if (g_str_equal (element, "item"))
    reader->in_item = FALSE;
  else if (reader->in_title && g_str_equal (element, "title"))
    {
      reader->in_title = FALSE;
      g_ptr_array_add (reader->titles, g_strdup (reader->title->str));
    }
}

static void
rss_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  RssReader *reader = user_data;

  if (reader->in_title)
    g_string_append_len (reader->title, text, length);
}

static void
check_rss (GBytes *bytes)
{
  static const GMarkupParser parser = { rss_start, rss_end, rss_text, NULL, NULL };
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  RssReader reader = { FALSE, FALSE, title, titles };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length = 0;

  data = g_bytes_get_data (bytes, &length);
  /* Skip the XML declaration, which GMarkup does not read. */
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  data = strchr (data, '\n') + 1;
  length -= data - (const char *) g_bytes_get_data (bytes, NULL);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &reader, NULL);
  g_markup_parse_context_parse (context, data, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (titles->len, ==, 3);
  g_assert_true (g_ptr_array_find_with_equal_func (titles, SCRIPT_TITLE, g_str_equal, NULL));
  g_assert_false (bytes_contain (bytes, "<script"));
}

static void
check_feeds (const char *dir)
{
  g_autoptr(GBytes) ics = load_file (dir, LIA_FEED_ICS);
  g_autoptr(GBytes) json = load_file (dir, LIA_FEED_JSON);
  g_autoptr(GBytes) jsonld = load_file (dir, LIA_FEED_JSONLD);
  g_autoptr(GBytes) rss = load_file (dir, LIA_FEED_RSS);
  g_autoptr(GBytes) directory = load_file (dir, LIA_FEED_DIRECTORY);
  g_autoptr(JsonNode) directory_root = NULL;

  check_ics (ics);
  check_json_titles (json, "items", "title");
  check_json_titles (jsonld, "@graph", "name");
  check_rss (rss);
  directory_root = parse_json (directory);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (directory_root));
}

/* Folder */

static void
test_folder_publish (void)
{
  g_autofree char *dir = lia_test_make_temp_dir ("publish-folder");
  g_autoptr(LiaTestPublish) publish = lia_test_publish_new (LIA_TARGET_FOLDER, dir);
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  gint64 mtimes[N_FILES];

  add_events (publish, NULL);
  first = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (first->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (first->n_done, ==, N_FILES);
  g_assert_cmpuint (lia_test_count_files (dir), ==, N_FILES);
  check_feeds (dir);

  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(GBytes) content = load_file (dir, feed_files[i]);
      g_autoptr(LiaPublishRecord) record = lia_test_publish_get_record (publish, feed_files[i]);
      g_autofree char *path = g_build_filename (dir, feed_files[i], NULL);

      assert_record_matches (publish, feed_files[i], content);
      g_assert_cmpstr (record->remote_href, ==, path);
      mtimes[i] = get_mtime_usec (dir, feed_files[i]);
    }

  /* Nothing changed: nothing to do, nothing written. */
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (lia_test_publish_count_steps (publish), ==, 0);
  second = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (second->n_done, ==, 0);
  g_assert_cmpuint (second->lines->len, ==, 0);
  for (guint i = 0; i < N_FILES; i++)
    g_assert_cmpint (get_mtime_usec (dir, feed_files[i]), ==, mtimes[i]);
  /* No temporary file was left beside them. */
  g_assert_cmpuint (lia_test_count_files (dir), ==, N_FILES);

  g_clear_pointer (&publish, lia_test_publish_free);
  lia_test_remove_tree (dir);
}

/* The bytes of every file are the same from one build to the next, even
 * a second apart: the feeds write no "now". */
static void
test_feed_files_stable (void)
{
  g_autoptr(LiaTestPublish) publish = lia_test_publish_new (LIA_TARGET_WEBDAV,
                                                            "https://library.example.org/feeds/");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;
  LiaPublishItem *ics;

  add_events (publish, NULL);
  ids = lia_target_select_event_ids (publish->target, publish->database, g_get_real_time () / G_USEC_PER_SEC,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);

  first = lia_publisher_build_feed_files (publish->target, &publish->options.context, publish->store, ids, &error);
  g_assert_no_error (error);
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  second = lia_publisher_build_feed_files (publish->target, &publish->options.context, publish->store, ids, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (first->len, ==, N_FILES);
  g_assert_cmpuint (second->len, ==, N_FILES);
  for (guint i = 0; i < N_FILES; i++)
    {
      LiaPublishItem *a = g_ptr_array_index (first, i);
      LiaPublishItem *b = g_ptr_array_index (second, i);

      g_assert_cmpstr (a->item, ==, feed_files[i]);
      g_assert_cmpint (a->item_kind, ==, LIA_PUBLISH_ITEM_FILE);
      g_assert_cmpstr (a->content_hash, ==, b->content_hash);
    }

  /* The calendar says where it is fetched from, and each file its type. */
  ics = g_ptr_array_index (first, 0);
  g_assert_cmpstr (ics->content_type, ==, "text/calendar; charset=utf-8");
  g_assert_true (bytes_contain (ics->content, "SOURCE;VALUE=URI:https://library.example.org/feeds/events.ics"));
  g_assert_cmpstr (((LiaPublishItem *) g_ptr_array_index (first, 1))->content_type, ==, "application/feed+json");
  g_assert_true (bytes_contain (((LiaPublishItem *) g_ptr_array_index (first, 1))->content,
                                "https://library.example.org/feeds/events.json"));
  g_assert_cmpstr (((LiaPublishItem *) g_ptr_array_index (first, 2))->content_type, ==, "application/ld+json");
  g_assert_cmpstr (((LiaPublishItem *) g_ptr_array_index (first, 3))->content_type, ==, "application/rss+xml");
  g_assert_cmpstr (((LiaPublishItem *) g_ptr_array_index (first, 4))->content_type, ==, "application/json");
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_folder_edited (void)
{
  g_autofree char *dir = lia_test_make_temp_dir ("publish-folder");
  g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);
  g_autoptr(LiaTestPublish) publish = lia_test_publish_new (LIA_TARGET_FOLDER, uri);
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(LiaPublishRecord) record = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  gint64 story_id;

  add_events (publish, &story_id);
  first = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (first->state, ==, LIA_PUBLISH_RUN_OK);

  /* Someone edits events.ics by hand; then an event changes. */
  write_text (dir, LIA_FEED_ICS, "BEGIN:VCALENDAR\r\nX-EDITED:by hand\r\nEND:VCALENDAR\r\n");
  lia_test_publish_retitle_event (publish, story_id, "Story time for toddlers");

  second = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  g_assert_cmpuint (second->n_conflicts, ==, 1);
  g_assert_cmpuint (second->n_done, ==, 3);
  kept = load_file (dir, LIA_FEED_ICS);
  g_assert_true (bytes_contain (kept, "X-EDITED:by hand"));
  record = lia_test_publish_get_record (publish, LIA_FEED_ICS);
  g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_CONFLICT);
  g_assert_nonnull (record->last_error);

  /* Both copies can be shown. */
  g_assert_true (lia_publish_fetch_conflict (publish->store, publish->target, LIA_FEED_ICS, &publish->options,
                                             &ours, &theirs, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bytes_contain (theirs, "X-EDITED:by hand"));
  g_assert_true (bytes_contain (ours, "Story time for toddlers"));

  /* Keeping ours writes it over the edited copy, knowingly. */
  g_assert_true (lia_publish_resolve (publish->store, publish->target, LIA_FEED_ICS, LIA_RESOLVE_KEEP_OURS,
                                      &publish->options, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_bytes_unref);
  kept = load_file (dir, LIA_FEED_ICS);
  g_assert_true (g_bytes_equal (kept, ours));
  assert_record_matches (publish, LIA_FEED_ICS, kept);
  g_assert_cmpuint (lia_test_publish_count_steps (publish), ==, 0);

  g_clear_pointer (&publish, lia_test_publish_free);
  lia_test_remove_tree (dir);
}

static void
test_folder_missing (void)
{
  g_autofree char *dir = lia_test_make_temp_dir ("publish-folder");
  g_autofree char *missing = g_build_filename (dir, "not-there", NULL);
  g_autoptr(LiaTestPublish) publish = lia_test_publish_new (LIA_TARGET_FOLDER, missing);
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishRecord) record = NULL;

  add_events (publish, NULL);
  report = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_FAILED);
  g_assert_nonnull (report->message);
  g_assert_nonnull (strstr (report->message, missing));
  g_assert_cmpuint (report->n_done, ==, 0);
  g_assert_cmpuint (report->n_pending, ==, N_FILES);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (lia_test_count_files (dir), ==, 0);
  record = lia_test_publish_get_record (publish, LIA_FEED_ICS);
  g_assert_true (record == NULL || record->state != LIA_PUBLISH_STATE_OK);

  g_clear_pointer (&publish, lia_test_publish_free);
  lia_test_remove_tree (dir);
}

/* nginx: no preconditions, but publishing is incremental */

static void
test_nginx_incremental (void)
{
  g_autoptr(LiaTestWebserver) nginx = lia_test_webserver_start_nginx ();
  g_autofree char *url = g_strconcat (lia_test_webserver_get_url (nginx), "feeds/", NULL);
  g_autofree char *folder = g_build_filename (lia_test_webserver_get_root (nginx), "feeds", NULL);
  g_autoptr(LiaTestPublish) publish = lia_test_publish_new (LIA_TARGET_WEBDAV, url);
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(LiaPublishReport) third = NULL;
  g_autoptr(LiaPublishReport) fourth = NULL;
  g_autoptr(GError) error = NULL;
  gint64 story_id;

  add_events (publish, &story_id);

  /* The folder does not exist yet: made with MKCOL, then one PUT a file. */
  first = lia_test_publish_run (publish, NULL);
  g_assert_cmpstr (first->message, ==, NULL);
  g_assert_cmpint (first->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (first->n_done, ==, N_FILES);
  g_assert_cmpuint (lia_test_webserver_count (nginx, "MKCOL", "/feeds/", 201), ==, 1);
  g_assert_cmpuint (lia_test_webserver_count (nginx, "PUT", NULL, 0), ==, N_FILES);
  check_feeds (folder);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(GBytes) remote = load_file (folder, feed_files[i]);
      g_autoptr(LiaPublishRecord) record = lia_test_publish_get_record (publish, feed_files[i]);
      g_autofree char *href = g_strconcat (url, feed_files[i], NULL);

      g_assert_cmpuint (lia_test_webserver_count (nginx, "PUT", feed_files[i], 201), ==, 1);
      assert_record_matches (publish, feed_files[i], remote);
      g_assert_cmpstr (record->remote_href, ==, href);
    }

  /* Again: not one request. */
  second = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (second->n_done, ==, 0);
  g_assert_cmpuint (second->n_requests, ==, 0);
  g_assert_cmpuint (lia_test_webserver_count (nginx, "PUT", NULL, 0), ==, N_FILES);

  /* One event changes: each file that shows it is sent once; the
   * directory of partners is not. */
  lia_test_publish_retitle_event (publish, story_id, "Story time for toddlers");
  third = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (third->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (third->n_done, ==, N_FILES - 1);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(GBytes) remote = load_file (folder, feed_files[i]);
      guint expected = g_str_equal (feed_files[i], LIA_FEED_DIRECTORY) ? 1 : 2;

      g_assert_cmpuint (lia_test_webserver_count (nginx, "PUT", feed_files[i], 0), ==, expected);
      assert_record_matches (publish, feed_files[i], remote);
    }
  g_assert_cmpuint (lia_test_webserver_count (nginx, "PUT", NULL, 0), ==, 2 * N_FILES - 1);
  g_assert_cmpuint (lia_test_count_files (folder), ==, N_FILES);

  /* The records are lost (a crash before they were written): nginx
   * ignores If-None-Match, so each create overwrites the file with the
   * same bytes. Files are named, so nothing is duplicated. */
  g_assert_true (lia_database_exec (publish->database, "DELETE FROM publish_record", &error));
  g_assert_no_error (error);
  fourth = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (fourth->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (fourth->n_done, ==, N_FILES);
  g_assert_cmpuint (fourth->n_conflicts, ==, 0);
  g_assert_cmpuint (lia_test_count_files (folder), ==, N_FILES);
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(GBytes) remote = load_file (folder, feed_files[i]);

      assert_record_matches (publish, feed_files[i], remote);
    }
}

/* Apache: preconditions honoured, conflicts found and resolved */

static void
put_as_someone_else (const char *url,
                     const char *text)
{
  guint status = lia_test_http_request ("PUT", url, text, NULL);

  g_assert_true (status == SOUP_STATUS_CREATED || status == SOUP_STATUS_NO_CONTENT);
}

static GBytes *
get_remote (const char *url)
{
  GBytes *body = NULL;

  g_assert_cmpuint (lia_test_http_request ("GET", url, NULL, &body), ==, SOUP_STATUS_OK);
  return body;
}

/* The strong ETag Apache gives once the file's second has passed. */
static char *
wait_for_strong_etag (const char *url)
{
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(SoupSession) session = soup_session_new ();
      g_autoptr(SoupMessage) message = soup_message_new ("HEAD", url);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) error = NULL;
      const char *etag;

      body = soup_session_send_and_read (session, message, NULL, &error);
      g_assert_no_error (error);
      etag = soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag");
      g_assert_nonnull (etag);
      if (!g_str_has_prefix (etag, "W/"))
        return g_strdup (etag);
      g_usleep (100 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_not_reached ();
}

static void
test_apache_conflicts (void)
{
  g_autoptr(LiaTestWebserver) apache = lia_test_webserver_start_apache ();
  g_autofree char *url = g_strconcat (lia_test_webserver_get_url (apache), "feeds/", NULL);
  g_autofree char *ics_url = g_strconcat (url, LIA_FEED_ICS, NULL);
  g_autofree char *json_url = g_strconcat (url, LIA_FEED_JSON, NULL);
  g_autofree char *rss_url = g_strconcat (url, LIA_FEED_RSS, NULL);
  g_autoptr(LiaTestPublish) publish = lia_test_publish_new (LIA_TARGET_WEBDAV, url);
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(LiaPublishReport) third = NULL;
  g_autoptr(LiaPublishRecord) record = NULL;
  g_autoptr(GBytes) remote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *strong = NULL;
  gint64 story_id;

  add_events (publish, &story_id);

  /* Someone else already has an events.rss there: the create, sent with
   * If-None-Match: *, is refused and becomes a conflict. */
  g_assert_cmpuint (lia_test_http_request ("MKCOL", url, NULL, NULL), ==, SOUP_STATUS_CREATED);
  put_as_someone_else (rss_url, "their own rss");

  first = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (first->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  g_assert_cmpuint (first->n_done, ==, N_FILES - 1);
  g_assert_cmpuint (first->n_conflicts, ==, 1);
  g_assert_cmpuint (lia_test_webserver_count (apache, "PUT", LIA_FEED_RSS, 412), ==, 1);
  remote = get_remote (rss_url);
  g_assert_cmpmem (g_bytes_get_data (remote, NULL), g_bytes_get_size (remote), "their own rss", 13);
  g_clear_pointer (&remote, g_bytes_unref);
  record = lia_test_publish_get_record (publish, LIA_FEED_RSS);
  g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_CONFLICT);
  g_clear_pointer (&record, lia_publish_record_free);

  /* Two more files change under us. events.ics as if its strong ETag had
   * been kept (the If-Match path: Apache answers 412); events.json with
   * no ETag kept (Apache's was weak right after the write: it is read back
   * and compared instead). */
  strong = wait_for_strong_etag (ics_url);
  record = lia_test_publish_get_record (publish, LIA_FEED_ICS);
  g_free (record->remote_etag);
  record->remote_etag = g_strdup (strong);
  g_assert_true (lia_publish_record_save (record, publish->database, &error));
  g_assert_no_error (error);
  g_clear_pointer (&record, lia_publish_record_free);
  record = lia_test_publish_get_record (publish, LIA_FEED_JSON);
  g_assert_null (record->remote_etag);
  g_clear_pointer (&record, lia_publish_record_free);

  put_as_someone_else (ics_url, "BEGIN:VCALENDAR\r\nX-THEIRS:1\r\nEND:VCALENDAR\r\n");
  put_as_someone_else (json_url, "{\"theirs\": true}");
  lia_test_publish_retitle_event (publish, story_id, "Story time for toddlers");

  second = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  /* events.jsonld done; ics and json in conflict; rss still waiting. */
  g_assert_cmpuint (second->n_done, ==, 1);
  g_assert_cmpuint (second->n_conflicts, ==, 3);
  g_assert_cmpuint (lia_test_webserver_count (apache, "PUT", LIA_FEED_ICS, 412), ==, 1);
  remote = get_remote (ics_url);
  g_assert_true (bytes_contain (remote, "X-THEIRS:1"));
  g_clear_pointer (&remote, g_bytes_unref);
  remote = get_remote (json_url);
  g_assert_true (bytes_contain (remote, "\"theirs\""));
  g_clear_pointer (&remote, g_bytes_unref);
  record = lia_test_publish_get_record (publish, LIA_FEED_JSON);
  g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_CONFLICT);
  g_clear_pointer (&record, lia_publish_record_free);

  /* Keep ours for events.ics and events.json: written over theirs. */
  g_assert_true (lia_publish_resolve (publish->store, publish->target, LIA_FEED_ICS, LIA_RESOLVE_KEEP_OURS,
                                      &publish->options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lia_publish_resolve (publish->store, publish->target, LIA_FEED_JSON, LIA_RESOLVE_KEEP_OURS,
                                      &publish->options, NULL, &error));
  g_assert_no_error (error);
  remote = get_remote (ics_url);
  g_assert_true (bytes_contain (remote, "Story time for toddlers"));
  assert_record_matches (publish, LIA_FEED_ICS, remote);
  g_clear_pointer (&remote, g_bytes_unref);
  remote = get_remote (json_url);
  assert_record_matches (publish, LIA_FEED_JSON, remote);
  g_clear_pointer (&remote, g_bytes_unref);

  /* Take theirs for events.rss: it stays, and the record is settled. */
  g_assert_true (lia_publish_resolve (publish->store, publish->target, LIA_FEED_RSS, LIA_RESOLVE_TAKE_THEIRS,
                                      &publish->options, NULL, &error));
  g_assert_no_error (error);
  remote = get_remote (rss_url);
  g_assert_cmpmem (g_bytes_get_data (remote, NULL), g_bytes_get_size (remote), "their own rss", 13);
  record = lia_test_publish_get_record (publish, LIA_FEED_RSS);
  g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_OK);

  /* Nothing is left to do. */
  g_assert_cmpuint (lia_test_publish_count_steps (publish), ==, 0);
  third = lia_test_publish_run (publish, NULL);
  g_assert_cmpint (third->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (third->n_requests, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publish-files/feed-files-stable", test_feed_files_stable);
  g_test_add_func ("/publish-files/folder/publish", test_folder_publish);
  g_test_add_func ("/publish-files/folder/edited", test_folder_edited);
  g_test_add_func ("/publish-files/folder/missing", test_folder_missing);
  g_test_add_func ("/publish-files/nginx/incremental", test_nginx_incremental);
  g_test_add_func ("/publish-files/apache/conflicts", test_apache_conflicts);

  return g_test_run ();
}
