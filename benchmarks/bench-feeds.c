/* bench-feeds.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feed generation for publishing: the plan of a folder target over 10,000
 * promoted events, which selects them, builds the five feed files
 * (events.ics, events.json, events.jsonld, events.rss, directory.json),
 * hashes them and compares with the records. Budget: 1 s.
 * Reference, measured alternately in the same run: json-glib writing
 * 10,000 objects of the same fields from a tree built beforehand — the
 * cost of serialising alone.
 * Also shown (no budget): the plan of a CalDAV target, one resource per
 * event.
 *
 * BENCH_DATABASE=FILE keeps the generated events in FILE, or reads them
 * from it when it exists (the event uids are random: the same file gives
 * the same bytes); BENCH_DUMP=DIR writes the feed files of the first run
 * there, to compare the bytes of two builds.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bench-util.h"
#include "lia-database.h"
#include "lia-publish-job.h"
#include "lia-store.h"
#include "lia-target.h"

#define RUNS 3
#define EVENTS 10000
#define BUDGET 1.0

static const char * const zones[] = { "America/Edmonton", "America/Toronto", "Europe/Paris" };
static const char * const categories[][3] = {
  { "Children", "Storytime", NULL },
  { "Adults", "Technology", NULL },
  { "Families", NULL, NULL },
};

static GDateTime *
fixed_now (gpointer user_data)
{
  return g_date_time_new_utc (2027, 1, 1, 12, 0, 0);
}




static void
fill_store (LiaStore *store)
{
  LiaDatabase *db = lia_store_get_database (store);
  g_autoptr(GError) error = NULL;

  if (!lia_database_begin (db, &error))
    g_error ("begin: %s", error->message);

  for (guint i = 0; i < EVENTS; i++)
    {
      g_autoptr(LiaEvent) event = lia_event_new ();
      g_autofree char *title = g_strdup_printf ("Program %u: crafts, stories & snacks", i);
      g_autofree char *dtstart = g_strdup_printf ("2027-%02u-%02uT%02u:30:00", 1 + i % 12, 1 + i % 28, 9 + i % 9);
      g_autofree char *dtend = g_strdup_printf ("2027-%02u-%02uT%02u:00:00", 1 + i % 12, 1 + i % 28, 11 + i % 9);

      lia_event_set_title (event, title);
      lia_event_set_summary (event, "A program for the whole community.");
      lia_event_set_description (event, "Bring a friend, a snack; and your questions.\nRegistration opens a month before.");
      lia_event_set_dtstart (event, dtstart);
      lia_event_set_dtend (event, dtend);
      lia_event_set_tzid (event, zones[i % G_N_ELEMENTS (zones)]);
      if (i % 10 == 0)
        lia_event_set_rrule (event, "FREQ=WEEKLY;COUNT=10");
      lia_event_set_venue_name (event, "Riverbend Public Library");
      lia_event_set_venue_address (event, "4410 51 Avenue, Riverbend, AB T9R 0P0");
      lia_event_set_registration_url (event, "https://riverbendlibrary.example.ca/register");
      lia_event_set_cost (event, "Free");
      lia_event_set_status (event, i % 50 == 0 ? LIA_EVENT_STATUS_CANCELLED : LIA_EVENT_STATUS_CONFIRMED);
      lia_event_set_promote (event, TRUE);
      lia_event_set_channels (event, LIA_CHANNEL_WEBSITE);
      lia_event_set_categories (event, categories[i % G_N_ELEMENTS (categories)]);
      if (!lia_store_save_event (store, event, &error))
        g_error ("save: %s", error->message);
    }

  if (!lia_database_commit (db, &error))
    g_error ("commit: %s", error->message);
}

static void
dump_files (LiaPublishPlan *plan,
            const char     *dir)
{
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < plan->steps->len; i++)
    {
      LiaPublishItem *item = ((LiaPublishStep *)g_ptr_array_index (plan->steps, i))->item;
      g_autofree char *path = g_build_filename (dir, item->item, NULL);
      gsize size;
      const char *data = g_bytes_get_data (item->content, &size);

      if (!g_file_set_contents (path, data, size, &error))
        g_error ("dump: %s", error->message);
    }
}

static double
time_plan (LiaStore        *store,
           const LiaTarget *target,
           guint            expected_steps,
           const char      *dump_dir,
           gsize           *bytes)
{
  LiaPublishContext context = { "Riverbend Public Library", "America/Edmonton", 720 };
  g_autoptr(LiaPublishPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!(plan = lia_publish_plan_compute (store, target, &context, &error)))
    g_error ("plan: %s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  g_assert_cmpuint (plan->steps->len, ==, expected_steps);
  *bytes = 0;
  for (guint i = 0; i < plan->steps->len; i++)
    *bytes += g_bytes_get_size (((LiaPublishStep *)g_ptr_array_index (plan->steps, i))->item->content);
  if (dump_dir != NULL)
    dump_files (plan, dump_dir);

  return seconds;
}

static JsonNode *
build_reference_tree (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < EVENTS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Program %u: crafts, stories & snacks", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, "6c1f0a9e-4b7d-4a8e-9f4e-5d2c1b0a9e8f@liaison");
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      json_builder_set_member_name (builder, "content_text");
      json_builder_add_string_value (builder, "A program for the whole community.\n\nBring a friend, a snack; and your questions.");
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, "2027-03-04T10:30:00-07:00");
      json_builder_set_member_name (builder, "end");
      json_builder_add_string_value (builder, "2027-03-04T12:00:00-07:00");
      json_builder_set_member_name (builder, "location");
      json_builder_add_string_value (builder, "Riverbend Public Library, 4410 51 Avenue, Riverbend, AB T9R 0P0");
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, "https://riverbendlibrary.example.ca/register");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static double
time_reference (JsonNode *tree)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  json_generator_set_root (generator, tree);
  text = json_generator_to_data (generator, NULL);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpuint (strlen (text), >, EVENTS * 100);

  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  const char *kept = g_getenv ("BENCH_DATABASE");
  g_autofree char *path = kept != NULL ? g_strdup (kept) : g_build_filename (dir, "feeds.db", NULL);
  gboolean filled = kept != NULL && g_file_test (kept, G_FILE_TEST_EXISTS);
  g_autofree char *run_name = g_path_get_basename (dir);
  g_autofree char *folder_name = NULL;
  g_autofree char *caldav_name = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaTarget) folder = NULL;
  g_autoptr(LiaTarget) caldav = NULL;
  g_autoptr(JsonNode) tree = build_reference_tree ();
  g_autoptr(GError) error = NULL;
  double feed_times[RUNS], reference_times[RUNS], caldav_times[RUNS];
  gsize feed_bytes = 0, caldav_bytes = 0;

  db = lia_database_open (path, filled ? LIA_DATABASE_OPEN_DEFAULT : LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store = lia_store_new (db);
  lia_store_set_clock (store, fixed_now, NULL);
  if (!filled)
    fill_store (store);

  /* Names of this run: a kept file holds the targets of earlier ones. */
  folder_name = g_strdup_printf ("Website folder %s", run_name);
  caldav_name = g_strdup_printf ("Calendar %s", run_name);
  folder = lia_target_new (folder_name, LIA_TARGET_FOLDER, dir);
  folder->future_days = 400;
  if (!lia_target_save (folder, db, &error))
    g_error ("target: %s", error->message);
  caldav = lia_target_new (caldav_name, LIA_TARGET_CALDAV, "https://calendar.example.org/library/events/");
  caldav->future_days = 400;
  if (!lia_target_save (caldav, db, &error))
    g_error ("target: %s", error->message);

  bench_begin ("feeds");
  for (guint i = 0; i < RUNS; i++)
    {
      feed_times[i] = time_plan (store, folder, 5, i == 0 ? g_getenv ("BENCH_DUMP") : NULL, &feed_bytes);
      reference_times[i] = time_reference (tree);
      caldav_times[i] = time_plan (store, caldav, EVENTS, NULL, &caldav_bytes);
    }

  bench_row ("feed files for 10k events", BENCH_UNIT_SECONDS, bench_median (feed_times, RUNS),
             bench_median (reference_times, RUNS), BENCH_BUDGET_ABSOLUTE, BUDGET);
  bench_row ("CalDAV plan, 10k resources", BENCH_UNIT_SECONDS, bench_median (caldav_times, RUNS), NAN,
             BENCH_BUDGET_NONE, 0);
  bench_note ("feed files: %" G_GSIZE_FORMAT " KiB in all; CalDAV resources: %" G_GSIZE_FORMAT " KiB; "
              "reference: json-glib writing 10,000 objects; median of %d",
              feed_bytes / 1024, caldav_bytes / 1024, RUNS);

  g_clear_object (&store);
  g_clear_object (&db);
  if (kept == NULL)
    bench_remove_database (path);
  g_rmdir (dir);

  return bench_end ();
}
