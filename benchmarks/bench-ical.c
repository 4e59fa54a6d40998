/* bench-ical.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar export and import (lia-ical):
 *
 * 1. lia_ical_export() of 10,000 events (a tenth of them weekly series with
 *    an EXDATE, three zones, categories and Liaison's fields), from the
 *    store to the bytes. Reference: libical serialising the same calendar
 *    (parsed beforehand) with icalcomponent_as_ical_string_r(). Budget 1 s.
 * 2. Importing a feed of 5,000 events into a fresh database: from the bytes
 *    to the committed transaction (parse, plan against the store, save).
 *    Reference: libical parsing the same bytes (icalparser_parse_string),
 *    without the store. Budget 2 s.
 *
 * Each figure is the median of the runs, the reference measured
 * alternately in the same run.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "bench-util.h"
#include "lia-database.h"
#include "lia-ical.h"
#include "lia-store.h"

#define RUNS 3
#define EXPORT_EVENTS 10000
#define IMPORT_EVENTS 5000
#define EXPORT_BUDGET 1.0
#define IMPORT_BUDGET 2.0

static const char * const zones[] = { "America/Edmonton", "America/Toronto", "Europe/Paris" };
static const char * const categories[][3] = {
  { "Children", "Storytime", NULL },
  { "Adults", "Technology", NULL },
  { "Families", NULL, NULL },
  { "Seniors", "Health, wellness", NULL },
};




/* 10,000 events as the library keeps them. */
static void
fill_store (LiaStore *store)
{
  LiaDatabase *db = lia_store_get_database (store);
  g_autoptr(GError) error = NULL;

  if (!lia_database_begin (db, &error))
    g_error ("begin: %s", error->message);

  for (guint i = 0; i < EXPORT_EVENTS; i++)
    {
      g_autoptr(LiaEvent) event = lia_event_new ();
      g_autofree char *title = g_strdup_printf ("Program %u: crafts, stories; and snacks", i);
      g_autofree char *dtstart = g_strdup_printf ("2027-%02u-%02uT%02u:30:00", 1 + i % 12, 1 + i % 28, 9 + i % 9);
      g_autofree char *dtend = g_strdup_printf ("2027-%02u-%02uT%02u:00:00", 1 + i % 12, 1 + i % 28, 11 + i % 9);

      lia_event_set_title (event, title);
      lia_event_set_summary (event, "A program for the whole community.");
      lia_event_set_description (event, "Bring a friend, a snack; and your questions.\nRegistration opens a month before.");
      lia_event_set_dtstart (event, dtstart);
      lia_event_set_dtend (event, dtend);
      lia_event_set_tzid (event, zones[i % G_N_ELEMENTS (zones)]);
      if (i % 10 == 0)
        {
          g_autoptr(GDateTime) first = g_date_time_new_utc (2027, 1 + i % 12, 1 + i % 28, 9 + i % 9, 30, 0);
          g_autoptr(GDateTime) second = g_date_time_add_days (first, 7);
          g_autofree char *exdate = g_date_time_format (second, "%Y-%m-%dT%H:%M:%S");

          lia_event_set_rrule (event, "FREQ=WEEKLY;COUNT=10");
          lia_event_set_exdates (event, exdate);
        }
      lia_event_set_venue_name (event, "Riverbend Public Library");
      lia_event_set_venue_room (event, "Program Room A");
      lia_event_set_venue_address (event, "4410 51 Avenue, Riverbend, AB T9R 0P0");
      lia_event_set_registration_url (event, "https://riverbendlibrary.example.ca/register");
      lia_event_set_cost (event, "Free");
      lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
      lia_event_set_promote (event, i % 3 == 0);
      lia_event_set_channels (event, LIA_CHANNEL_WEBSITE);
      lia_event_set_categories (event, categories[i % G_N_ELEMENTS (categories)]);
      if (!lia_store_save_event (store, event, &error))
        g_error ("save: %s", error->message);
    }

  if (!lia_database_commit (db, &error))
    g_error ("commit: %s", error->message);
}

/* A partner's feed of 5,000 events, written by libical. */
static GBytes *
generate_feed (void)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  char *text;
  GBytes *bytes;

  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Riverbend Parks//Events feed 2.1//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));

  for (guint i = 0; i < IMPORT_EVENTS; i++)
    {
      icalcomponent *vevent = icalcomponent_new_vevent ();
      struct icaltimetype start = icaltime_null_time ();
      g_autofree char *uid = g_strdup_printf ("park-event-%u@parks.example.org", i);
      g_autofree char *summary = g_strdup_printf ("Park program %u: nature walk, crafts; snacks", i);
      const char *tzid = zones[i % G_N_ELEMENTS (zones)];
      icalproperty *prop;

      start.year = 2027;
      start.month = 1 + (i % 12);
      start.day = 1 + (i % 28);
      start.hour = 9 + (i % 8);
      icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
      icalcomponent_add_property (vevent, icalproperty_new_dtstamp (icaltime_from_timet_with_zone (1795000000, 0, icaltimezone_get_utc_timezone ())));
      icalcomponent_add_property (vevent, icalproperty_new_summary (summary));
      icalcomponent_add_property (vevent, icalproperty_new_description ("Meet at the pavilion.\nBring water, a hat; and sturdy shoes."));
      prop = icalproperty_new_dtstart (start);
      icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
      icalcomponent_add_property (vevent, prop);
      icaltime_adjust (&start, 0, 1, 30, 0);
      prop = icalproperty_new_dtend (start);
      icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
      icalcomponent_add_property (vevent, prop);
      if (i % 10 == 0)
        {
          struct icalrecurrencetype recur = icalrecurrencetype_from_string ("FREQ=WEEKLY;COUNT=8");

          icalcomponent_add_property (vevent, icalproperty_new_rrule (recur));
        }
      icalcomponent_add_property (vevent, icalproperty_new_location ("River Valley Park, 1 Park Road, Riverbend"));
      icalcomponent_add_property (vevent, icalproperty_new_url ("https://parks.example.org/programs"));
      icalcomponent_add_property (vevent, icalproperty_new_categories ("Outdoors"));
      icalcomponent_add_property (vevent, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
      icalcomponent_add_component (calendar, vevent);
    }

  text = icalcomponent_as_ical_string_r (calendar);
  bytes = g_bytes_new (text, strlen (text));
  icalmemory_free_buffer (text);
  icalcomponent_free (calendar);

  return bytes;
}

static double
time_export (LiaStore  *store,
             GBytes   **out)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  GBytes *bytes;

  if (!(bytes = lia_ical_export (store, NULL, &error)))
    g_error ("export: %s", error->message);
  *out = bytes;

  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_serialise (icalcomponent *calendar)
{
  gint64 start = g_get_monotonic_time ();
  char *text = icalcomponent_as_ical_string_r (calendar);
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  g_assert_cmpuint (strlen (text), >, 0);
  icalmemory_free_buffer (text);

  return seconds;
}

static double
time_import (const char *path,
             GBytes     *feed)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaIcalPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LiaStoreCounts counts = { 0 };
  double seconds;
  gint64 start;
  guint created;

  db = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store = lia_store_new (db);

  start = g_get_monotonic_time ();
  if (!(plan = lia_ical_plan_new (store, feed, "America/Edmonton", 0, &error)) ||
      !lia_ical_plan_apply (plan, store, &error))
    g_error ("import: %s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  lia_ical_plan_get_counts (plan, &created, NULL, NULL);
  g_assert_cmpuint (created, ==, IMPORT_EVENTS);
  g_assert_true (lia_store_get_counts (store, &counts, NULL));
  g_assert_cmpint (counts.events, ==, IMPORT_EVENTS);

  return seconds;
}

static double
time_parse (GBytes *feed)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (feed, NULL), g_bytes_get_size (feed));
  gint64 start = g_get_monotonic_time ();
  icalcomponent *calendar = icalparser_parse_string (text);
  double seconds = (g_get_monotonic_time () - start) / 1e6;

  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, IMPORT_EVENTS);
  icalcomponent_free (calendar);

  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *source_path = g_build_filename (dir, "source.db", NULL);
  g_autofree char *imported = g_build_filename (dir, "imported.db", NULL);
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GBytes) feed = generate_feed ();
  g_autoptr(GError) error = NULL;
  double export_times[RUNS], serialise_times[RUNS], import_times[RUNS], parse_times[RUNS];
  gsize export_size = 0;

  db = lia_database_open (source_path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store = lia_store_new (db);
  fill_store (store);
  bench_begin ("ical");

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      icalcomponent *calendar;

      export_times[i] = time_export (store, &bytes);
      export_size = g_bytes_get_size (bytes);
      text = g_strndup (g_bytes_get_data (bytes, NULL), export_size);
      calendar = icalparser_parse_string (text);
      g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, EXPORT_EVENTS);
      serialise_times[i] = time_serialise (calendar);
      icalcomponent_free (calendar);

      bench_remove_database (imported);
      import_times[i] = time_import (imported, feed);
      parse_times[i] = time_parse (feed);
    }

  bench_row ("export 10k events (ics)", BENCH_UNIT_SECONDS, bench_median (export_times, RUNS),
             bench_median (serialise_times, RUNS), BENCH_BUDGET_ABSOLUTE, EXPORT_BUDGET);
  bench_row ("import 5k events (ics)", BENCH_UNIT_SECONDS, bench_median (import_times, RUNS),
             bench_median (parse_times, RUNS), BENCH_BUDGET_ABSOLUTE, IMPORT_BUDGET);
  bench_note ("export: %" G_GSIZE_FORMAT " KiB; feed: %" G_GSIZE_FORMAT " KiB; references: libical "
              "serialising and parsing alone; median of %d",
              export_size / 1024, g_bytes_get_size (feed) / 1024, RUNS);

  g_clear_object (&store);
  g_clear_object (&db);
  bench_remove_database (source_path);
  bench_remove_database (imported);
  g_rmdir (dir);

  return bench_end ();
}
