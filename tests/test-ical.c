/* test-ical.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar import and export (lia-ical): files as Google Calendar, Office
 * 365, Apple Calendar and Nextcloud write them, re-imports that change
 * nothing, broken files that write nothing, and the export read back by
 * libical and by the importer.
 */

#include "config.h"

#include <string.h>
#include <libical/ical.h>

#include "lia-database.h"
#include "lia-ical.h"
#include "lia-store.h"
#include "lia-test-util.h"

#define DEFAULT_TZID "America/Edmonton"

typedef struct
{
  char        *dir;
  char        *path;
  LiaDatabase *database;
  LiaStore    *store;
  gint64       now;
} Fixture;

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 20, 17, 0, 0);

  fixture->dir = lia_test_make_temp_dir ("ical");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  fixture->now = g_date_time_to_unix (now);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIAISON_TEST_DATA"), "ical", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static LiaIcalPlan *
plan_bytes (LiaStore   *store,
            GBytes     *bytes,
            const char *tzid)
{
  g_autoptr(GError) error = NULL;
  LiaIcalPlan *plan;

  plan = lia_ical_plan_new (store, bytes, tzid, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static void
assert_counts (LiaIcalPlan *plan,
               guint        created,
               guint        updated,
               guint        skipped)
{
  guint c, u, s;

  lia_ical_plan_get_counts (plan, &c, &u, &s);
  if (c != created || u != updated || s != skipped)
    {
      g_autofree char *preview = lia_ical_plan_format (plan);

      g_test_message ("%s", preview);
    }
  g_assert_cmpuint (c, ==, created);
  g_assert_cmpuint (u, ==, updated);
  g_assert_cmpuint (s, ==, skipped);
}

/* Plans and applies @name; returns the plan. */
static LiaIcalPlan *
import_fixture (Fixture    *fixture,
                const char *name,
                guint       expected_created)
{
  g_autoptr(GBytes) bytes = read_fixture (name);
  g_autoptr(GError) error = NULL;
  LiaIcalPlan *plan = plan_bytes (fixture->store, bytes, DEFAULT_TZID);

  assert_counts (plan, expected_created, 0, lia_ical_plan_get_n_events (plan) - expected_created);
  g_assert_true (lia_ical_plan_apply (plan, fixture->store, &error));
  g_assert_no_error (error);

  return plan;
}

static LiaEvent *
get_event (LiaStore   *store,
           const char *uid,
           const char *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  LiaEvent *event = lia_store_get_event_by_uid (store, uid, recurrence_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);

  return event;
}

static gint64
count_events (LiaStore *store)
{
  LiaStoreCounts counts = { 0 };

  g_assert_true (lia_store_get_counts (store, &counts, NULL));

  return counts.events;
}

static int
total_changes (Fixture *fixture)
{
  return sqlite3_total_changes (lia_database_get_handle (fixture->database));
}

static gint64
unix_utc (int year,
          int month,
          int day,
          int hour,
          int minute)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (date_time);
}

/* Imports the same file again: everything is skipped and nothing written. */
static void
assert_reimport_changes_nothing (Fixture    *fixture,
                                 const char *name)
{
  g_autoptr(GBytes) bytes = read_fixture (name);
  g_autoptr(LiaIcalPlan) plan = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 events = count_events (fixture->store);
  int changes;
  guint n;

  /* Reading a window may keep its repeating dates (event_occurrence):
   * count from after that. */
  before = lia_store_list_occurrences (fixture->store, NULL, 0, G_MAXINT32, 0, &error);
  g_assert_no_error (error);
  changes = total_changes (fixture);

  plan = plan_bytes (fixture->store, bytes, DEFAULT_TZID);
  n = lia_ical_plan_get_n_events (plan);
  assert_counts (plan, 0, 0, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (lia_ical_plan_get_reason (plan, i), ==, "already up to date");
  g_assert_true (lia_ical_plan_apply (plan, fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (total_changes (fixture), ==, changes);
  g_assert_cmpint (count_events (fixture->store), ==, events);
  after = lia_store_list_occurrences (fixture->store, NULL, 0, G_MAXINT32, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      LiaEventOccurrence *a = &g_array_index (before, LiaEventOccurrence, i);
      LiaEventOccurrence *b = &g_array_index (after, LiaEventOccurrence, i);

      g_assert_cmpint (a->event_id, ==, b->event_id);
      g_assert_cmpint (a->start_utc, ==, b->start_utc);
      g_assert_cmpint (a->end_utc, ==, b->end_utc);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpint (a->status, ==, b->status);
    }
}

static void
test_sniff (void)
{
  const struct { const char *text; gboolean ical; } cases[] = {
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", TRUE },
    { "\xEF\xBB\xBF\r\n\r\nBEGIN:VCALENDAR\r\n", TRUE },
    { "  \n\nbegin:vcalendar\n", TRUE },
    { "Name,Email\r\nRiverbend,info@example.org\r\n", FALSE },
    { "BEGIN:VCARD\r\nVERSION:4.0\r\n", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));

      g_assert_cmpint (lia_ical_sniff (bytes), ==, cases[i].ical);
    }

  {
    g_autoptr(GBytes) google = read_fixture ("google.ics");
    g_autoptr(GBytes) text = read_fixture ("not-ical.txt");

    g_assert_true (lia_ical_sniff (google));
    g_assert_false (lia_ical_sniff (text));
  }
}

static void
test_google (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LiaIcalPlan) plan = import_fixture (fixture, "google.ics", 4);
  g_autoptr(LiaEvent) talk = get_event (fixture->store, "3m8v2q1k5l0c7t9p4r6s2b1a0d@google.com", NULL);
  g_autoptr(LiaEvent) series = get_event (fixture->store, "7kq2n4t0b9v1c3x5z8m6l2p0r4@google.com", NULL);
  g_autoptr(LiaEvent) moved = get_event (fixture->store, "7kq2n4t0b9v1c3x5z8m6l2p0r4@google.com",
                                         "2026-10-20T10:00:00");
  g_autoptr(LiaEvent) closed = get_event (fixture->store, "0p9o8i7u6y5t4r3e2w1q0a9s8d@google.com", NULL);
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = lia_ical_plan_format (plan);
  guint n_series = 0, n_moved = 0;

  g_assert_true (g_str_has_prefix (preview, "create  2026-11-04  Author Talk: Prairie Stories\n"));
  g_assert_true (g_str_has_suffix (preview, "\n4 events in the file.\n"));

  /* A UTC time of Google's, in the calendar's zone (X-WR-TIMEZONE):
   * 01:30Z on 5 November is 18:30 MST on the 4th. */
  g_assert_cmpstr (lia_event_get_tzid (talk), ==, "America/Edmonton");
  g_assert_cmpstr (lia_event_get_dtstart (talk), ==, "2026-11-04T18:30:00");
  g_assert_cmpstr (lia_event_get_dtend (talk), ==, "2026-11-04T20:00:00");
  g_assert_cmpint (lia_event_get_start_utc (talk), ==, unix_utc (2026, 11, 5, 1, 30));
  g_assert_cmpint (lia_event_get_start_utc (talk), ==, 1793842200);
  g_assert_cmpstr (lia_event_get_title (talk), ==, "Author Talk: Prairie Stories");
  g_assert_cmpstr (lia_event_get_venue_name (talk), ==, "Riverbend Public Library");
  g_assert_cmpstr (lia_event_get_venue_address (talk), ==, "4410 51 Avenue, Riverbend, AB T9R 0P0, Canada");
  g_assert_nonnull (strstr (lia_event_get_description (talk), "</i>, followed by questions"));
  g_assert_nonnull (strstr (lia_event_get_description (talk), "Riverbend Books; cash"));
  g_assert_cmpint (lia_event_get_status (talk), ==, LIA_EVENT_STATUS_CONFIRMED);
  g_assert_cmpint (lia_event_get_partner_id (talk), ==, 0);

  /* The series: 10:00 MDT on 6 October is 16:00Z; EXDATE kept. */
  g_assert_cmpstr (lia_event_get_tzid (series), ==, "America/Edmonton");
  g_assert_cmpstr (lia_event_get_dtstart (series), ==, "2026-10-06T10:00:00");
  g_assert_cmpint (lia_event_get_start_utc (series), ==, 1791302400);
  g_assert_nonnull (strstr (lia_event_get_rrule (series), "FREQ=WEEKLY"));
  g_assert_nonnull (strstr (lia_event_get_rrule (series), "BYDAY=TU"));
  g_assert_cmpstr (lia_event_get_exdates (series), ==, "2026-11-10T10:00:00");

  /* The override hangs on its series. */
  g_assert_cmpint (lia_event_get_recurrence_of (moved), ==, lia_event_get_id (series));
  g_assert_cmpstr (lia_event_get_dtstart (moved), ==, "2026-10-20T14:00:00");
  g_assert_cmpstr (lia_event_get_title (moved), ==, "Baby Rhyme Time (afternoon)");
  g_assert_null (lia_event_get_rrule (moved));
  g_assert_cmpint (lia_event_get_start_utc (moved), ==, unix_utc (2026, 10, 20, 20, 0));

  /* All day: one day, DTEND the day after. */
  g_assert_true (lia_event_get_all_day (closed));
  g_assert_cmpstr (lia_event_get_dtstart (closed), ==, "2026-11-11");
  g_assert_null (lia_event_get_dtend (closed));
  g_assert_cmpint (lia_event_get_start_utc (closed), ==, 1794355200);
  g_assert_cmpstr (lia_event_get_title (closed), ==, "Library closed – Remembrance Day");

  /* Tuesdays 6 October to 15 December: 11, less the EXDATE; 20 October
   * is the override's. */
  occurrences = lia_store_list_occurrences (fixture->store, NULL, unix_utc (2026, 10, 1, 0, 0),
                                            unix_utc (2027, 1, 1, 0, 0), 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < occurrences->len; i++)
    {
      LiaEventOccurrence *o = &g_array_index (occurrences, LiaEventOccurrence, i);

      if (o->series_id == lia_event_get_id (series))
        n_series++;
      if (o->event_id == lia_event_get_id (moved))
        {
          n_moved++;
          g_assert_cmpint (o->start_utc, ==, unix_utc (2026, 10, 20, 20, 0));
        }
      g_assert_cmpint (o->start_utc, !=, unix_utc (2026, 11, 10, 17, 0));
    }
  g_assert_cmpuint (n_series, ==, 10);
  g_assert_cmpuint (n_moved, ==, 1);

  assert_reimport_changes_nothing (fixture, "google.ics");
}

static void
test_office365 (Fixture       *fixture,
                gconstpointer  data)
{
  const char *uid = "040000008200E00074C5B7101A82E00800000000B0F1D4C3E45FDB01000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90";
  g_autoptr(LiaIcalPlan) plan = import_fixture (fixture, "office365.ics", 3);
  g_autoptr(LiaEvent) series = get_event (fixture->store, uid, NULL);
  g_autoptr(LiaEvent) cancelled = get_event (fixture->store, uid, "2026-10-21T10:00:00");
  g_autoptr(LiaEvent) help = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LiaIcalPlan) paris_plan = NULL;

  /* "Mountain Standard Time" is Windows' name: the library's zone. */
  g_assert_cmpstr (lia_event_get_tzid (series), ==, "America/Edmonton");
  g_assert_cmpstr (lia_event_get_dtstart (series), ==, "2026-09-23T10:00:00");
  g_assert_cmpstr (lia_event_get_dtend (series), ==, "2026-09-23T11:30:00");
  /* 10:00 MDT (UTC-6) */
  g_assert_cmpint (lia_event_get_start_utc (series), ==, 1790179200);
  g_assert_cmpstr (lia_event_get_exdates (series), ==, "2026-11-11T10:00:00");
  g_assert_nonnull (strstr (lia_event_get_rrule (series), "BYDAY=WE"));
  g_assert_cmpstr (lia_event_get_venue_name (series), ==, "Riverbend Public Library - Room B");
  g_assert_cmpint (lia_event_get_sequence (series), ==, 2);
  g_assert_nonnull (strstr (lia_ical_plan_get_reason (plan, 0), "Mountain Standard Time"));

  g_assert_cmpint (lia_event_get_status (cancelled), ==, LIA_EVENT_STATUS_CANCELLED);
  g_assert_cmpint (lia_event_get_recurrence_of (cancelled), ==, lia_event_get_id (series));
  g_assert_cmpstr (lia_event_get_title (cancelled), ==, "Canceled: ESL Conversation Circle");

  help = get_event (fixture->store,
                    "040000008200E00074C5B7101A82E00800000000C4D2E1F0A35FDB010000000000000000100000009F8E7D6C5B4A39281706F5E4D3C2B1A0",
                    NULL);
  g_assert_cmpstr (lia_event_get_title (help), ==, "Seniors' Tech Help");
  /* 13:30 MST (UTC-7) on 2 December */
  g_assert_cmpint (lia_event_get_start_utc (help), ==, unix_utc (2026, 12, 2, 20, 30));
  g_assert_cmpstr (lia_event_get_venue_address (help), ==, "4410 51 Avenue, Riverbend");

  assert_reimport_changes_nothing (fixture, "office365.ics");

  /* For a library elsewhere, ICU's zone for the name. */
  bytes = read_fixture ("office365.ics");
  paris_plan = lia_ical_plan_new (fixture->store, bytes, "Europe/Paris", 0, NULL);
  g_assert_nonnull (paris_plan);
  g_assert_cmpstr (lia_event_get_tzid (lia_ical_plan_get_event (paris_plan, 0)), ==, "America/Denver");
  g_assert_cmpint (lia_event_get_start_utc (lia_ical_plan_get_event (paris_plan, 0)), ==, 1790179200);
}

static void
test_apple (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LiaIcalPlan) plan = import_fixture (fixture, "apple.ics", 2);
  g_autoptr(LiaEvent) printing = get_event (fixture->store, "5E8B7C2A-1D3F-4A6B-9C8E-7F0A1B2C3D4E", NULL);
  g_autoptr(LiaEvent) fair = get_event (fixture->store, "A7C1E9F3-55B2-4E0D-8A61-2F3C4D5E6F70", NULL);

  g_assert_cmpstr (lia_event_get_tzid (printing), ==, "America/Edmonton");
  g_assert_cmpstr (lia_event_get_dtstart (printing), ==, "2026-11-28T14:00:00");
  /* 14:00 MST */
  g_assert_cmpint (lia_event_get_start_utc (printing), ==, 1795899600);
  g_assert_cmpstr (lia_event_get_registration_url (printing), ==, "https://riverbendlibrary.example.ca/events/3d-printing");
  g_assert_cmpstr (lia_event_get_image_url (printing), ==, "https://riverbendlibrary.example.ca/images/3d-printing-flyer.png");
  g_assert_cmpstr (lia_event_get_venue_name (printing), ==, "Riverbend Public Library Makerspace");
  g_assert_cmpstr (lia_event_get_venue_address (printing), ==, "4410 51 Avenue, Riverbend AB T9R 0P0, Canada");
  g_assert_cmpstr (lia_event_get_description (printing), ==,
                   "Design a keychain and watch it print. Ages 12 and up; materials provided.");

  /* Two days: DTEND is the day after the last. */
  g_assert_true (lia_event_get_all_day (fair));
  g_assert_cmpstr (lia_event_get_dtstart (fair), ==, "2026-12-13");
  g_assert_cmpstr (lia_event_get_dtend (fair), ==, "2026-12-14");

  assert_reimport_changes_nothing (fixture, "apple.ics");
}

static void
test_nextcloud (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaIcalPlan) plan = import_fixture (fixture, "nextcloud.ics", 2);
  g_autoptr(LiaEvent) story = get_event (fixture->store, "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f", NULL);
  g_autoptr(LiaEvent) writing = get_event (fixture->store, "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", NULL);
  const char * const story_categories[] = { "Enfants", "Lecture", NULL };
  const char * const writing_categories[] = { "Adultes", "Écriture", NULL };

  g_assert_cmpstr (lia_event_get_tzid (story), ==, "Europe/Paris");
  /* 15:00 CET (UTC+1) */
  g_assert_cmpint (lia_event_get_start_utc (story), ==, 1796479200);
  g_assert_true (g_strv_equal (lia_event_get_categories (story), story_categories));
  g_assert_cmpstr (lia_event_get_venue_name (story), ==, "Médiathèque Riverbend");
  g_assert_cmpstr (lia_event_get_description (story), ==,
                   "Des histoires, des comptines et un bricolage ; pour les 3–6 ans.");
  g_assert_cmpint (lia_event_get_status (story), ==, LIA_EVENT_STATUS_CONFIRMED);

  g_assert_cmpint (lia_event_get_status (writing), ==, LIA_EVENT_STATUS_CANCELLED);
  g_assert_true (g_strv_equal (lia_event_get_categories (writing), writing_categories));

  assert_reimport_changes_nothing (fixture, "nextcloud.ics");
}

static void
test_changed_copy (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaIcalPlan) first = import_fixture (fixture, "google.ics", 4);
  g_autoptr(GBytes) original = read_fixture ("google.ics");
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(LiaIcalPlan) plan = NULL;
  g_autoptr(LiaEvent) talk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  guint updated = G_MAXUINT;

  g_assert_cmpuint (g_string_replace (text, "SUMMARY:Author Talk: Prairie Stories",
                                      "SUMMARY:Author Talk: Prairie Stories (moved upstairs)", 0), ==, 1);
  changed = g_string_free_to_bytes (g_steal_pointer (&text));

  plan = plan_bytes (fixture->store, changed, DEFAULT_TZID);
  assert_counts (plan, 0, 1, 3);
  for (guint i = 0; i < lia_ical_plan_get_n_events (plan); i++)
    if (lia_ical_plan_get_action (plan, i) == LIA_ICAL_ACTION_UPDATE)
      {
        updated = i;
        g_assert_cmpstr (lia_ical_plan_get_reason (plan, i), ==, "changes title");
      }
  g_assert_cmpuint (updated, !=, G_MAXUINT);
  g_assert_true (lia_ical_plan_apply (plan, fixture->store, &error));
  g_assert_no_error (error);

  talk = get_event (fixture->store, "3m8v2q1k5l0c7t9p4r6s2b1a0d@google.com", NULL);
  g_assert_cmpstr (lia_event_get_title (talk), ==, "Author Talk: Prairie Stories (moved upstairs)");
  /* Overrides are not counted: the series, the talk and the day. */
  g_assert_cmpint (count_events (fixture->store), ==, 3);
}

static void
assert_refused (Fixture      *fixture,
                GBytes       *bytes,
                LiaIcalError  code,
                const char   *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaIcalPlan) plan = NULL;
  int changes = total_changes (fixture);

  plan = lia_ical_plan_new (fixture->store, bytes, DEFAULT_TZID, -1, &error);
  g_assert_null (plan);
  g_assert_error (error, LIA_ICAL_ERROR, (int)code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  g_assert_cmpint (total_changes (fixture), ==, changes);
  g_assert_cmpint (count_events (fixture->store), ==, 0);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) malformed = read_fixture ("malformed.ics");
  g_autoptr(GBytes) empty = read_fixture ("empty-calendar.ics");
  g_autoptr(GBytes) text = read_fixture ("not-ical.txt");
  g_autoptr(GBytes) google = read_fixture ("google.ics");
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GBytes) latin1 = NULL;
  const char *google_text = g_bytes_get_data (google, NULL);
  const char *last_event = strstr (google_text, "DTSTART;VALUE=DATE:20261111");
  static const char latin1_text[] = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Caf\xE9\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;

  /* The line a text editor broke. */
  assert_refused (fixture, malformed, LIA_ICAL_ERROR_MALFORMED, "Line 24");
  assert_refused (fixture, malformed, LIA_ICAL_ERROR_MALFORMED, "grown-ups. Drop in");

  /* A download cut short: the last VEVENT never ends. */
  g_assert_nonnull (last_event);
  cut = g_bytes_new (google_text, last_event - google_text + strlen ("DTSTART;VALUE=DATE:20261111\r\n"));
  assert_refused (fixture, cut, LIA_ICAL_ERROR_MALFORMED, "VEVENT that is never closed");

  assert_refused (fixture, empty, LIA_ICAL_ERROR_NO_EVENTS, "no events");
  assert_refused (fixture, text, LIA_ICAL_ERROR_NOT_ICALENDAR, "not an iCalendar file");

  latin1 = g_bytes_new_static (latin1_text, sizeof latin1_text - 1);
  assert_refused (fixture, latin1, LIA_ICAL_ERROR_MALFORMED, "UTF-8");

  /* Nothing was written to the file either. */
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->database);
  checksum = lia_test_checksum_file (fixture->path);
  {
    g_autoptr(GError) error = NULL;

    fixture->database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    fixture->store = lia_store_new (fixture->database);
  }
  assert_refused (fixture, malformed, LIA_ICAL_ERROR_MALFORMED, "Line 24");
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->database);
  after = lia_test_checksum_file (fixture->path);
  g_assert_cmpstr (checksum, ==, after);
  fixture->database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, NULL);
  fixture->store = lia_store_new (fixture->database);
}

static LiaEvent *
save_event (LiaStore   *store,
            LiaEvent   *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_save_event (store, event, &error));
  g_assert_no_error (error);

  return event;
}

static gint64
save_partner (LiaStore   *store,
              const char *name)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  lia_partner_set_promotion_tier (partner, LIA_PROMOTION_TIER_FEATURED);
  g_assert_true (lia_store_save_partner (store, partner, &error));
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

/* Events with every field Liaison has. */
static void
fill_store (LiaStore *store)
{
  gint64 partner_id = save_partner (store, "Friends of the Library, Riverbend");
  g_autoptr(LiaEvent) single = lia_event_new ();
  g_autoptr(LiaEvent) series = lia_event_new ();
  g_autoptr(LiaEvent) override = lia_event_new ();
  g_autoptr(LiaEvent) days = lia_event_new ();
  g_autoptr(LiaEvent) utc = lia_event_new ();
  g_autoptr(LiaEvent) paris = lia_event_new ();
  const char * const single_categories[] = { "Books", "Talks, readings", "Adults; seniors", NULL };
  const char * const series_categories[] = { "Children", NULL };
  const char *long_description =
    "A long description, with commas; semicolons and\nnew lines, and enough words to be folded "
    "more than once by libical — with accents: é, è, ü, and symbols: \\ backslash.";

  lia_event_set_title (single, "Book Sale: Fall Edition");
  lia_event_set_summary (single, "Thousands of used books, $1 each.");
  lia_event_set_description (single, long_description);
  lia_event_set_dtstart (single, "2026-12-05T09:30:00");
  lia_event_set_dtend (single, "2026-12-05T16:00:00");
  lia_event_set_tzid (single, "America/Edmonton");
  lia_event_set_venue_name (single, "Riverbend Public Library");
  lia_event_set_venue_room (single, "Program Room A");
  lia_event_set_venue_address (single, "4410 51 Avenue, Riverbend, AB T9R 0P0");
  lia_event_set_online_url (single, "https://meet.example.org/book-sale");
  lia_event_set_registration_url (single, "https://riverbendlibrary.example.ca/register/book-sale");
  lia_event_set_audience (single, LIA_AUDIENCE_SENIORS);
  lia_event_set_cost (single, "Free; donations welcome, thank you");
  lia_event_set_accessibility (single, "Step-free entrance.\nASL interpretation on request; call ahead.");
  lia_event_set_contact (single, "Morgan Lee, 780-555-0142");
  lia_event_set_image_url (single, "https://riverbendlibrary.example.ca/images/book-sale.jpg");
  lia_event_set_status (single, LIA_EVENT_STATUS_POSTPONED);
  lia_event_set_promote (single, TRUE);
  lia_event_set_channels (single, LIA_CHANNEL_WEBSITE | LIA_CHANNEL_FLYER);
  lia_event_set_featured (single, TRUE);
  lia_event_set_sequence (single, 3);
  lia_event_set_partner_id (single, partner_id);
  lia_event_set_categories (single, single_categories);
  save_event (store, single);

  lia_event_set_title (series, "Lego Club");
  lia_event_set_description (series, "Build, share, repeat.");
  lia_event_set_dtstart (series, "2026-10-03T14:00:00");
  lia_event_set_dtend (series, "2026-10-03T15:30:00");
  lia_event_set_tzid (series, "America/Edmonton");
  lia_event_set_rrule (series, "FREQ=WEEKLY;COUNT=12;BYDAY=SA");
  lia_event_set_exdates (series, "2026-10-10T14:00:00,2026-11-07T14:00:00");
  lia_event_set_venue_name (series, "Children's Area");
  lia_event_set_audience (series, LIA_AUDIENCE_CHILDREN);
  lia_event_set_status (series, LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_categories (series, series_categories);
  save_event (store, series);

  lia_event_set_uid (override, lia_event_get_uid (series));
  lia_event_set_recurrence_of (override, lia_event_get_id (series));
  lia_event_set_recurrence_id (override, "2026-10-31T14:00:00");
  lia_event_set_title (override, "Lego Club: Halloween build");
  lia_event_set_dtstart (override, "2026-10-31T13:00:00");
  lia_event_set_dtend (override, "2026-10-31T15:00:00");
  lia_event_set_tzid (override, "America/Edmonton");
  lia_event_set_status (override, LIA_EVENT_STATUS_CANCELLED);
  save_event (store, override);

  lia_event_set_title (days, "Winter Reading Challenge kickoff");
  lia_event_set_dtstart (days, "2026-12-19");
  lia_event_set_dtend (days, "2026-12-20");
  lia_event_set_tzid (days, "America/Edmonton");
  lia_event_set_all_day (days, TRUE);
  lia_event_set_status (days, LIA_EVENT_STATUS_DRAFT);
  save_event (store, days);

  lia_event_set_title (utc, "Online: Genealogy Q&A");
  lia_event_set_dtstart (utc, "2026-11-26T01:00:00");
  lia_event_set_tzid (utc, "UTC");
  lia_event_set_online_url (utc, "https://meet.example.org/genealogy");
  lia_event_set_status (utc, LIA_EVENT_STATUS_CONFIRMED);
  save_event (store, utc);

  lia_event_set_title (paris, "Twin-town video call");
  lia_event_set_dtstart (paris, "2026-11-30T18:00:00");
  lia_event_set_dtend (paris, "2026-11-30T19:00:00");
  lia_event_set_tzid (paris, "Europe/Paris");
  lia_event_set_venue_room (paris, "Studio");
  lia_event_set_status (paris, LIA_EVENT_STATUS_CONFIRMED);
  save_event (store, paris);
}

static void
assert_events_equal (LiaEvent *a,
                     LiaEvent *b)
{
  g_assert_cmpstr (lia_event_get_uid (a), ==, lia_event_get_uid (b));
  g_assert_cmpstr (lia_event_get_title (a), ==, lia_event_get_title (b));
  g_assert_cmpstr (lia_event_get_summary (a), ==, lia_event_get_summary (b));
  g_assert_cmpstr (lia_event_get_description (a), ==, lia_event_get_description (b));
  g_assert_cmpstr (lia_event_get_dtstart (a), ==, lia_event_get_dtstart (b));
  g_assert_cmpstr (lia_event_get_dtend (a), ==, lia_event_get_dtend (b));
  g_assert_cmpstr (lia_event_get_tzid (a), ==, lia_event_get_tzid (b));
  g_assert_cmpint (lia_event_get_all_day (a), ==, lia_event_get_all_day (b));
  g_assert_cmpint (lia_event_get_start_utc (a), ==, lia_event_get_start_utc (b));
  g_assert_cmpint (lia_event_get_last_end_utc (a), ==, lia_event_get_last_end_utc (b));
  g_assert_cmpstr (lia_event_get_rrule (a), ==, lia_event_get_rrule (b));
  g_assert_cmpstr (lia_event_get_exdates (a), ==, lia_event_get_exdates (b));
  g_assert_cmpstr (lia_event_get_recurrence_id (a), ==, lia_event_get_recurrence_id (b));
  g_assert_cmpstr (lia_event_get_venue_name (a), ==, lia_event_get_venue_name (b));
  g_assert_cmpstr (lia_event_get_venue_room (a), ==, lia_event_get_venue_room (b));
  g_assert_cmpstr (lia_event_get_venue_address (a), ==, lia_event_get_venue_address (b));
  g_assert_cmpstr (lia_event_get_online_url (a), ==, lia_event_get_online_url (b));
  g_assert_cmpstr (lia_event_get_registration_url (a), ==, lia_event_get_registration_url (b));
  g_assert_cmpint (lia_event_get_audience (a), ==, lia_event_get_audience (b));
  g_assert_cmpstr (lia_event_get_cost (a), ==, lia_event_get_cost (b));
  g_assert_cmpstr (lia_event_get_accessibility (a), ==, lia_event_get_accessibility (b));
  g_assert_cmpstr (lia_event_get_contact (a), ==, lia_event_get_contact (b));
  g_assert_cmpstr (lia_event_get_image_url (a), ==, lia_event_get_image_url (b));
  g_assert_cmpint (lia_event_get_status (a), ==, lia_event_get_status (b));
  g_assert_cmpint (lia_event_get_promote (a), ==, lia_event_get_promote (b));
  g_assert_cmpint (lia_event_get_channels (a), ==, lia_event_get_channels (b));
  g_assert_cmpint (lia_event_get_featured (a), ==, lia_event_get_featured (b));
  g_assert_cmpint (lia_event_get_sequence (a), ==, lia_event_get_sequence (b));
  g_assert_cmpint (lia_event_get_partner_id (a) != 0, ==, lia_event_get_partner_id (b) != 0);
  g_assert_true (lia_event_content_equal (a, b) ||
                 lia_event_get_partner_id (a) != lia_event_get_partner_id (b));
  {
    const char * const *ca = lia_event_get_categories (a);
    const char * const *cb = lia_event_get_categories (b);

    g_assert_cmpuint (ca != NULL ? g_strv_length ((char **)ca) : 0, ==,
                      cb != NULL ? g_strv_length ((char **)cb) : 0);
    for (guint i = 0; ca != NULL && ca[i] != NULL; i++)
      g_assert_true (g_strv_contains (cb, ca[i]));
  }
}

static void
assert_lines_folded (const char *text)
{
  const char *line = text;
  guint n = 0;

  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");

      g_assert_nonnull (end);
      g_assert_null (memchr (line, '\n', end - line));
      if (end - line > 75)
        g_error ("line of %d octets: %.*s", (int)(end - line), (int)(end - line), line);
      line = end + 2;
      n++;
    }
  g_assert_cmpuint (n, >, 10);
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) originals = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_autoptr(GRegex) unfold_regex = g_regex_new ("\r\n[ \t]", 0, 0, NULL);
  g_autofree char *fresh_path = NULL;
  g_autoptr(LiaDatabase) fresh_db = NULL;
  g_autoptr(LiaStore) fresh = NULL;
  g_autoptr(LiaIcalPlan) plan = NULL;
  g_autoptr(LiaIcalPlan) again = NULL;
  icalcomponent *calendar;
  guint n_vevents = 0, n_vtimezones = 0;
  gboolean seen_edmonton = FALSE, seen_paris = FALSE;

  fill_store (fixture->store);
  bytes = lia_ical_export (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* As RFC 5545 wants it. */
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  /* Content, once unfolded (libical folds at 75 octets). */
  unfolded = g_regex_replace_literal (unfold_regex, text, -1, 0, "", 0, NULL);
  g_assert_nonnull (strstr (unfolded, "\r\nPRODID:-//Liaison//Liaison " PACKAGE_VERSION "//EN\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (unfolded, "DTSTART;TZID=America/Edmonton:20261205T093000\r\n"));
  g_assert_nonnull (strstr (unfolded, "DTSTART;VALUE=DATE:20261219\r\nDTEND;VALUE=DATE:20261221\r\n"));
  g_assert_nonnull (strstr (unfolded, "DTSTART:20261126T010000Z\r\n"));
  g_assert_nonnull (strstr (unfolded, "RECURRENCE-ID;TZID=America/Edmonton:20261031T140000\r\n"));
  g_assert_nonnull (strstr (unfolded, "EXDATE;TZID=America/Edmonton:20261010T140000\r\n"));
  g_assert_nonnull (strstr (unfolded, "STATUS:TENTATIVE\r\n"));
  g_assert_nonnull (strstr (unfolded, "DTSTAMP:20261120T170000Z\r\n"));
  g_assert_nonnull (strstr (unfolded, "LOCATION:Riverbend Public Library\\, Program Room A\\, 4410 51 Avenue\\,"));
  g_assert_nonnull (strstr (unfolded, "DESCRIPTION:Thousands of used books\\, $1 each.\\n\\nA long description\\, with commas\\; semicolons and\\n"));
  g_assert_nonnull (strstr (unfolded, "CATEGORIES:Books\r\n"));
  g_assert_nonnull (strstr (unfolded, "X-LIAISON-CATEGORY:Talks, readings\r\n"));
  g_assert_nonnull (strstr (unfolded, "X-LIAISON-PARTNER:Friends of the Library, Riverbend\r\n"));
  assert_lines_folded (text);

  /* libical reads it back. */
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      if (icalcomponent_isa (c) == ICAL_VEVENT_COMPONENT)
        {
          g_assert_nonnull (icalcomponent_get_uid (c));
          if (icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY) != NULL)
            g_error ("%s", icalcomponent_as_ical_string (c));
          n_vevents++;
        }
      else if (icalcomponent_isa (c) == ICAL_VTIMEZONE_COMPONENT)
        {
          const char *tzid = icalproperty_get_tzid (icalcomponent_get_first_property (c, ICAL_TZID_PROPERTY));

          seen_edmonton |= g_strcmp0 (tzid, "America/Edmonton") == 0;
          seen_paris |= g_strcmp0 (tzid, "Europe/Paris") == 0;
          n_vtimezones++;
        }
    }
  g_assert_cmpuint (n_vevents, ==, 6);
  g_assert_cmpuint (n_vtimezones, ==, 2);
  g_assert_true (seen_edmonton && seen_paris);
  icalcomponent_free (calendar);

  /* Into a fresh database: the same events. */
  fresh_path = g_build_filename (fixture->dir, "fresh.db", NULL);
  fresh_db = lia_database_open (fresh_path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fresh = lia_store_new (fresh_db);
  lia_store_set_clock (fresh, get_fixture_now, fixture);
  save_partner (fresh, "Friends of the Library, Riverbend");

  plan = lia_ical_plan_new (fresh, bytes, "Europe/Paris", -1, &error);
  g_assert_no_error (error);
  assert_counts (plan, 6, 0, 0);
  g_assert_true (lia_ical_plan_apply (plan, fresh, &error));
  g_assert_no_error (error);

  originals = g_ptr_array_new_with_free_func (g_object_unref);
  for (gint64 partner = 0; partner <= 1; partner++)
    {
      g_autoptr(GPtrArray) events = lia_store_list_events (fixture->store, partner, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < events->len; i++)
        g_ptr_array_add (originals, g_object_ref (g_ptr_array_index (events, i)));
    }
  g_assert_cmpuint (originals->len, ==, 5);
  for (guint i = 0; i < originals->len; i++)
    {
      LiaEvent *original = g_ptr_array_index (originals, i);
      g_autoptr(LiaEvent) copy = get_event (fresh, lia_event_get_uid (original), NULL);

      assert_events_equal (original, copy);
      g_assert_true (lia_event_content_equal (original, copy));
      if (lia_event_is_recurring (original))
        {
          g_autoptr(LiaEvent) override = get_event (fixture->store, lia_event_get_uid (original), "2026-10-31T14:00:00");
          g_autoptr(LiaEvent) override_copy = get_event (fresh, lia_event_get_uid (original), "2026-10-31T14:00:00");

          assert_events_equal (override, override_copy);
          g_assert_cmpint (lia_event_get_recurrence_of (override_copy), ==, lia_event_get_id (copy));
        }
    }

  /* And into the database it came from: nothing to do. */
  again = plan_bytes (fixture->store, bytes, DEFAULT_TZID);
  assert_counts (again, 0, 0, 6);

  g_clear_object (&fresh);
  g_assert_finalize_object (g_steal_pointer (&fresh_db));
}

static void
test_export_query (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LiaEventQuery query;

  fill_store (fixture->store);
  lia_event_query_init (&query);
  query.status = LIA_EVENT_STATUS_CONFIRMED;
  query.partner_id = 0;
  bytes = lia_ical_export (fixture->store, &query, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text, "SUMMARY:Lego Club\r\n"));
  /* The series brings its override. */
  g_assert_nonnull (strstr (text, "SUMMARY:Lego Club: Halloween build\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Online: Genealogy Q&A\r\n"));
  g_assert_null (strstr (text, "Book Sale"));
  g_assert_null (strstr (text, "Winter Reading"));

  /* Words typed in the search, and a category. */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  lia_event_query_init (&query);
  query.text = "lego";
  bytes = lia_ical_export (fixture->store, &query, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "SUMMARY:Lego Club\r\n"));
  g_assert_null (strstr (text, "Genealogy"));

  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  lia_event_query_init (&query);
  query.category = "Books";
  bytes = lia_ical_export (fixture->store, &query, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "SUMMARY:Book Sale: Fall Edition\r\n"));
  g_assert_null (strstr (text, "Lego"));
  /* No event, no zone. */
  g_assert_null (strstr (text, "TZID:Europe/Paris"));
}

/* Zones neither libical nor ICU know: by the rules of the file's
 * VTIMEZONE, else in UTC; a TZID nothing defines; floating times. */
static void
test_zones (Fixture       *fixture,
            gconstpointer  data)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Customized Time Zone\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16011104T020000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\n"
    "TZOFFSETFROM:-0600\r\n"
    "TZOFFSETTO:-0700\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:16010311T020000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:-0700\r\n"
    "TZOFFSETTO:-0600\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Odd Offset\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0537\r\n"
    "TZOFFSETTO:+0537\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:custom@example.org\r\nSUMMARY:Custom zone\r\n"
    "DTSTART;TZID=Customized Time Zone:20270115T190000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:odd@example.org\r\nSUMMARY:Odd zone\r\n"
    "DTSTART;TZID=Odd Offset:20270115T120000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:nowhere@example.org\r\nSUMMARY:No zone\r\n"
    "DTSTART;TZID=Atlantis Standard Time:20270115T120000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:floating@example.org\r\nSUMMARY:Floating\r\n"
    "DTSTART:20270115T120000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:evolution@example.org\r\nSUMMARY:Evolution\r\n"
    "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Paris:20270115T120000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(LiaIcalPlan) plan = plan_bytes (fixture->store, bytes, DEFAULT_TZID);
  LiaEvent *event;

  assert_counts (plan, 4, 0, 1);

  event = lia_ical_plan_get_event (plan, 0);
  g_assert_cmpstr (lia_event_get_tzid (event), ==, "America/Edmonton");
  g_assert_cmpstr (lia_event_get_dtstart (event), ==, "2027-01-15T19:00:00");
  g_assert_cmpint (lia_event_get_start_utc (event), ==, unix_utc (2027, 1, 16, 2, 0));
  g_assert_nonnull (strstr (lia_ical_plan_get_reason (plan, 0), "Customized Time Zone"));

  /* 12:00 at +05:37 is 06:23 UTC. */
  event = lia_ical_plan_get_event (plan, 1);
  g_assert_cmpstr (lia_event_get_tzid (event), ==, "UTC");
  g_assert_cmpstr (lia_event_get_dtstart (event), ==, "2027-01-15T06:23:00");
  g_assert_nonnull (strstr (lia_ical_plan_get_reason (plan, 1), "converted to UTC"));

  g_assert_cmpint (lia_ical_plan_get_action (plan, 2), ==, LIA_ICAL_ACTION_SKIP);
  g_assert_cmpstr (lia_ical_plan_get_reason (plan, 2), ==, "unknown time zone ‘Atlantis Standard Time’");

  event = lia_ical_plan_get_event (plan, 3);
  g_assert_cmpstr (lia_event_get_tzid (event), ==, DEFAULT_TZID);
  g_assert_cmpstr (lia_event_get_dtstart (event), ==, "2027-01-15T12:00:00");

  event = lia_ical_plan_get_event (plan, 4);
  g_assert_cmpstr (lia_event_get_tzid (event), ==, "Europe/Paris");
}

/* A feed of 3,000 events, written by libical. */
static GBytes *
generate_feed (guint n)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  char *text;
  GBytes *bytes;

  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Riverbend Parks//Events feed 2.1//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));

  for (guint i = 0; i < n; i++)
    {
      icalcomponent *vevent = icalcomponent_new_vevent ();
      struct icaltimetype start = icaltime_null_time ();
      g_autofree char *uid = g_strdup_printf ("park-event-%u@parks.example.org", i);
      g_autofree char *summary = g_strdup_printf ("Park program %u: nature walk, crafts; snacks", i);
      icalproperty *prop;

      start.year = 2027;
      start.month = 1 + (i % 12);
      start.day = 1 + (i % 28);
      start.hour = 9 + (i % 8);
      start = icaltime_normalize (start);
      icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
      icalcomponent_add_property (vevent, icalproperty_new_summary (summary));
      prop = icalproperty_new_dtstart (start);
      icalproperty_add_parameter (prop, icalparameter_new_tzid ("America/Edmonton"));
      icalcomponent_add_property (vevent, prop);
      icaltime_adjust (&start, 0, 1, 30, 0);
      prop = icalproperty_new_dtend (start);
      icalproperty_add_parameter (prop, icalparameter_new_tzid ("America/Edmonton"));
      icalcomponent_add_property (vevent, prop);
      icalcomponent_add_property (vevent, icalproperty_new_location ("Riverbend River Valley Park, 1 Park Road"));
      icalcomponent_add_property (vevent, icalproperty_new_categories ("Outdoors"));
      icalcomponent_add_component (calendar, vevent);
    }

  text = icalcomponent_as_ical_string_r (calendar);
  bytes = g_bytes_new (text, strlen (text));
  icalmemory_free_buffer (text);
  icalcomponent_free (calendar);

  return bytes;
}

static void
test_large_feed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) feed = generate_feed (3000);
  g_autoptr(LiaIcalPlan) plan = plan_bytes (fixture->store, feed, DEFAULT_TZID);
  g_autoptr(LiaIcalPlan) again = NULL;
  g_autoptr(GError) error = NULL;

  assert_counts (plan, 3000, 0, 0);
  g_assert_true (lia_ical_plan_apply (plan, fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (fixture->store), ==, 3000);

  again = plan_bytes (fixture->store, feed, DEFAULT_TZID);
  assert_counts (again, 0, 0, 3000);
}

/* A published events.ics names itself and says where and how often to
 * fetch it (RFC 7986); a cancelled event stays in it, cancelled. */
static void
test_export_feed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LiaEvent) talk = lia_event_new ();
  g_autoptr(LiaEvent) cancelled = lia_event_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LiaIcalFeed feed = { "Riverbend Library: Community Events", "https://library.example/events.ics", 360 };
  icalcomponent *calendar;
  icalproperty *property;
  struct icaldurationtype every;
  guint n_cancelled = 0;

  lia_event_set_title (talk, "Author Talk");
  lia_event_set_dtstart (talk, "2026-12-03T19:00:00");
  lia_event_set_tzid (talk, "America/Edmonton");
  save_event (fixture->store, talk);
  lia_event_set_title (cancelled, "Old Talk");
  lia_event_set_dtstart (cancelled, "2026-12-04T19:00:00");
  lia_event_set_tzid (cancelled, "America/Edmonton");
  lia_event_set_status (cancelled, LIA_EVENT_STATUS_CANCELLED);
  save_event (fixture->store, cancelled);

  bytes = lia_ical_export_feed (fixture->store, NULL, &feed, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "\r\nNAME:Riverbend Library: Community Events\r\n"));
  g_assert_nonnull (strstr (text, "\r\nX-WR-CALNAME:Riverbend Library: Community Events\r\n"));
  g_assert_nonnull (strstr (text, "\r\nSOURCE;VALUE=URI:https://library.example/events.ics\r\n"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  property = icalcomponent_get_first_property (calendar, ICAL_REFRESHINTERVAL_PROPERTY);
  g_assert_nonnull (property);
  every = icalproperty_get_refreshinterval (property);
  g_assert_cmpint (icaldurationtype_as_int (every), ==, 6 * 3600);
  g_assert_cmpstr (icalproperty_get_name (icalcomponent_get_first_property (calendar, ICAL_NAME_PROPERTY)), ==,
                   "Riverbend Library: Community Events");
  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (icalcomponent_get_status (vevent) == ICAL_STATUS_CANCELLED)
      {
        g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, "Old Talk");
        n_cancelled++;
      }
  g_assert_cmpuint (n_cancelled, ==, 1);
  icalcomponent_free (calendar);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("LIAISON_TEST_DATA"));

  g_test_add_func ("/ical/sniff", test_sniff);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ical/import/google", test_google);
  ADD ("/ical/import/office365", test_office365);
  ADD ("/ical/import/apple", test_apple);
  ADD ("/ical/import/nextcloud", test_nextcloud);
  ADD ("/ical/import/changed-copy", test_changed_copy);
  ADD ("/ical/import/zones", test_zones);
  ADD ("/ical/import/bad-files", test_bad_files);
  ADD ("/ical/import/large-feed", test_large_feed);
  ADD ("/ical/export/round-trip", test_export_round_trip);
  ADD ("/ical/export/query", test_export_query);
  ADD ("/ical/export/feed", test_export_feed);
#undef ADD

  return g_test_run ();
}
