/* test-events.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Events in the store (lia-store-events.c) and LiaEvent: saving and
 * reading every field, validation, the derived span, SEQUENCE, the
 * calendar's occurrences (series, EXDATE, overrides, filters), the trash
 * and the "changed" signal.
 */

#include "config.h"

#include <string.h>

#include "lia-database.h"
#include "lia-event.h"
#include "lia-recurrence.h"
#include "lia-agenda.h"
#include "lia-store.h"
#include "lia-test-util.h"
#include "lia-trash-item.h"
#include "lia-validate.h"

#define TZID "America/Edmonton"
#define HOUR 3600
#define DAY  86400

typedef struct
{
  LiaRecordKind kind;
  gint64        id;
} Change;

typedef struct
{
  char        *dir;
  LiaDatabase *database;
  LiaStore    *store;
  gint64       now;
  GArray      *changes;
} Fixture;

static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (date_time);
}

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

static void
on_store_changed_cb (LiaStore      *store,
                     LiaRecordKind  kind,
                     gint64         id,
                     Fixture       *fixture)
{
  Change change = { kind, id };

  g_array_append_val (fixture->changes, change);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = lia_test_make_temp_dir ("events");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  fixture->now = utc (2026, 1, 2, 12, 0);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_store_changed_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_array_unref (fixture->changes);
}

static gboolean
has_change (Fixture       *fixture,
            LiaRecordKind  kind,
            gint64         id)
{
  for (guint i = 0; i < fixture->changes->len; i++)
    {
      Change *change = &g_array_index (fixture->changes, Change, i);

      if (change->kind == kind && change->id == id)
        return TRUE;
    }

  return FALSE;
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = lia_database_prepare (fixture->database, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  lia_database_exec (fixture->database, sql, &error);
  g_assert_no_error (error);
}

static gint64
add_partner (Fixture    *fixture,
             const char *name)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  lia_store_save_partner (fixture->store, partner, &error);
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

static LiaEvent *
new_event (const char *title,
           const char *dtstart,
           const char *dtend,
           const char *rrule)
{
  LiaEvent *event = lia_event_new ();

  lia_event_set_title (event, title);
  lia_event_set_dtstart (event, dtstart);
  lia_event_set_dtend (event, dtend);
  lia_event_set_tzid (event, TZID);
  lia_event_set_rrule (event, rrule);

  return event;
}

static void
save (Fixture  *fixture,
      LiaEvent *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_event_get_id (event), >, 0);
}

static gint64
add_event (Fixture    *fixture,
           const char *title,
           const char *dtstart,
           const char *dtend,
           const char *rrule)
{
  g_autoptr(LiaEvent) event = new_event (title, dtstart, dtend, rrule);

  save (fixture, event);

  return lia_event_get_id (event);
}

static LiaEvent *
get_event (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  LiaEvent *event;

  event = lia_store_get_event (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);

  return event;
}

/* An override of the date @recurrence_id of @series_id, moved to @dtstart. */
static gint64
add_override (Fixture    *fixture,
              gint64      series_id,
              const char *recurrence_id,
              const char *title,
              const char *dtstart,
              const char *dtend)
{
  g_autoptr(LiaEvent) series = get_event (fixture, series_id);
  g_autoptr(LiaEvent) event = lia_event_copy (series);

  lia_event_set_id (event, 0);
  lia_event_set_rrule (event, NULL);
  lia_event_set_exdates (event, NULL);
  lia_event_set_recurrence_of (event, series_id);
  lia_event_set_recurrence_id (event, recurrence_id);
  lia_event_set_title (event, title);
  lia_event_set_dtstart (event, dtstart);
  lia_event_set_dtend (event, dtend);
  save (fixture, event);

  return lia_event_get_id (event);
}

static GArray *
list (Fixture             *fixture,
      const LiaEventQuery *query,
      gint64               from,
      gint64               to,
      guint                max)
{
  g_autoptr(GError) error = NULL;
  GArray *occurrences;

  occurrences = lia_store_list_occurrences (fixture->store, query, from, to, max, &error);
  g_assert_no_error (error);
  g_assert_nonnull (occurrences);

  return occurrences;
}

static LiaEventOccurrence *
occurrence_at (GArray *occurrences,
               guint   i)
{
  g_assert_cmpuint (i, <, occurrences->len);

  return &g_array_index (occurrences, LiaEventOccurrence, i);
}

/* How many occurrences @query finds in January 2026. */
static guint
count_january (Fixture             *fixture,
               const LiaEventQuery *query)
{
  g_autoptr(GArray) occurrences = list (fixture, query, utc (2026, 1, 1, 0, 0), utc (2026, 2, 1, 0, 0), 0);

  return occurrences->len;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaEvent) event = lia_event_new ();
  g_autoptr(LiaEvent) loaded = NULL;
  g_autoptr(LiaEvent) by_uid = NULL;
  g_autoptr(GBytes) image = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\1", 10);
  g_autoptr(GError) error = NULL;
  const char * const categories[] = { "Kids", "Art", NULL };
  const char * const sorted[] = { "Art", "Kids", NULL };
  gint64 partner_id = add_partner (fixture, "Riverbend Arts Council");
  g_autofree char *feed_sql = NULL;

  feed_sql = g_strdup_printf ("INSERT INTO intake_feed (id, partner_id, url, created_at)"
                              " VALUES (7, %" G_GINT64_FORMAT ", 'https://x.example/ics', 0)", partner_id);
  exec_sql (fixture, feed_sql);

  lia_event_set_uid (event, "given-uid@example.org");
  lia_event_set_partner_id (event, partner_id);
  lia_event_set_title (event, "  Painting for kids  ");
  lia_event_set_summary (event, "Bring an apron");
  lia_event_set_description (event, "Watercolours, brushes and paper provided.");
  lia_event_set_dtstart (event, "2026-01-10T10:00:00");
  lia_event_set_dtend (event, "2026-01-10T11:30:00");
  lia_event_set_tzid (event, TZID);
  lia_event_set_rrule (event, "FREQ=WEEKLY;COUNT=4");
  lia_event_set_exdates (event, "2026-01-17T10:00:00");
  lia_event_set_venue_name (event, "Riverbend Public Library");
  lia_event_set_venue_address (event, "4920 50 Street");
  lia_event_set_venue_room (event, "Program room");
  lia_event_set_online_url (event, "https://meet.example.org/paint");
  lia_event_set_audience (event, LIA_AUDIENCE_CHILDREN);
  lia_event_set_cost (event, "Free");
  lia_event_set_registration_url (event, "https://library.example.org/register");
  lia_event_set_accessibility (event, "Step-free entrance");
  lia_event_set_contact (event, "programs@library.example.org");
  lia_event_set_image (event, image);
  lia_event_set_image_url (event, "https://library.example.org/paint.png");
  lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_promote (event, TRUE);
  lia_event_set_channels (event, LIA_CHANNEL_WEBSITE | LIA_CHANNEL_FLYER);
  lia_event_set_featured (event, TRUE);
  lia_event_set_source (event, LIA_EVENT_SOURCE_INTAKE);
  lia_event_set_intake_feed_id (event, 7);
  lia_event_set_remote_uid (event, "remote-42");
  lia_event_set_sequence (event, 3);
  lia_event_set_categories (event, categories);
  save (fixture, event);

  g_assert_cmpint (lia_event_get_created_at (event), ==, fixture->now);
  g_assert_cmpint (lia_event_get_updated_at (event), ==, fixture->now);

  loaded = get_event (fixture, lia_event_get_id (event));
  g_assert_cmpint (lia_event_get_id (loaded), ==, lia_event_get_id (event));
  g_assert_cmpstr (lia_event_get_uid (loaded), ==, "given-uid@example.org");
  g_assert_cmpint (lia_event_get_recurrence_of (loaded), ==, 0);
  g_assert_null (lia_event_get_recurrence_id (loaded));
  g_assert_cmpint (lia_event_get_partner_id (loaded), ==, partner_id);
  g_assert_cmpstr (lia_event_get_title (loaded), ==, "Painting for kids");
  g_assert_cmpstr (lia_event_get_summary (loaded), ==, "Bring an apron");
  g_assert_cmpstr (lia_event_get_description (loaded), ==, "Watercolours, brushes and paper provided.");
  g_assert_cmpstr (lia_event_get_dtstart (loaded), ==, "2026-01-10T10:00:00");
  g_assert_cmpstr (lia_event_get_dtend (loaded), ==, "2026-01-10T11:30:00");
  g_assert_cmpstr (lia_event_get_tzid (loaded), ==, TZID);
  g_assert_false (lia_event_get_all_day (loaded));
  g_assert_cmpint (lia_event_get_start_utc (loaded), ==, utc (2026, 1, 10, 17, 0));
  g_assert_cmpint (lia_event_get_last_end_utc (loaded), ==, utc (2026, 1, 31, 18, 30));
  g_assert_cmpstr (lia_event_get_rrule (loaded), ==, "FREQ=WEEKLY;COUNT=4");
  g_assert_cmpstr (lia_event_get_exdates (loaded), ==, "2026-01-17T10:00:00");
  g_assert_cmpstr (lia_event_get_venue_name (loaded), ==, "Riverbend Public Library");
  g_assert_cmpstr (lia_event_get_venue_address (loaded), ==, "4920 50 Street");
  g_assert_cmpstr (lia_event_get_venue_room (loaded), ==, "Program room");
  g_assert_cmpstr (lia_event_get_online_url (loaded), ==, "https://meet.example.org/paint");
  g_assert_cmpint (lia_event_get_audience (loaded), ==, LIA_AUDIENCE_CHILDREN);
  g_assert_cmpstr (lia_event_get_cost (loaded), ==, "Free");
  g_assert_cmpstr (lia_event_get_registration_url (loaded), ==, "https://library.example.org/register");
  g_assert_cmpstr (lia_event_get_accessibility (loaded), ==, "Step-free entrance");
  g_assert_cmpstr (lia_event_get_contact (loaded), ==, "programs@library.example.org");
  g_assert_nonnull (lia_event_get_image (loaded));
  g_assert_true (g_bytes_equal (lia_event_get_image (loaded), image));
  g_assert_cmpstr (lia_event_get_image_url (loaded), ==, "https://library.example.org/paint.png");
  g_assert_cmpint (lia_event_get_status (loaded), ==, LIA_EVENT_STATUS_CONFIRMED);
  g_assert_true (lia_event_get_promote (loaded));
  g_assert_cmpint (lia_event_get_channels (loaded), ==, LIA_CHANNEL_WEBSITE | LIA_CHANNEL_FLYER);
  g_assert_true (lia_event_get_featured (loaded));
  g_assert_cmpint (lia_event_get_source (loaded), ==, LIA_EVENT_SOURCE_INTAKE);
  g_assert_cmpint (lia_event_get_intake_feed_id (loaded), ==, 7);
  g_assert_cmpstr (lia_event_get_remote_uid (loaded), ==, "remote-42");
  g_assert_cmpint (lia_event_get_sequence (loaded), ==, 3);
  g_assert_true (g_strv_equal (lia_event_get_categories (loaded), sorted));
  g_assert_cmpint (lia_event_get_created_at (loaded), ==, fixture->now);
  g_assert_cmpint (lia_event_get_updated_at (loaded), ==, fixture->now);
  g_assert_cmpint (lia_event_get_deleted_at (loaded), ==, 0);
  g_assert_true (lia_event_is_recurring (loaded));
  g_assert_true (lia_event_content_equal (event, loaded));

  by_uid = lia_store_get_event_by_uid (fixture->store, "given-uid@example.org", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_event_get_id (by_uid), ==, lia_event_get_id (event));

  /* Clearing optional fields stores nothing; an update moves updated-at. */
  fixture->now += HOUR;
  lia_event_set_categories (loaded, NULL);
  lia_event_set_image (loaded, NULL);
  lia_event_set_venue_room (loaded, "");
  save (fixture, loaded);
  g_clear_object (&by_uid);
  by_uid = get_event (fixture, lia_event_get_id (event));
  g_assert_null (lia_event_get_image (by_uid));
  g_assert_null (lia_event_get_venue_room (by_uid));
  g_assert_true (lia_event_get_categories (by_uid) == NULL || lia_event_get_categories (by_uid)[0] == NULL);
  g_assert_cmpint (lia_event_get_created_at (by_uid), ==, fixture->now - HOUR);
  g_assert_cmpint (lia_event_get_updated_at (by_uid), ==, fixture->now);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_category"), ==, 0);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaEvent) event = NULL;

  event = lia_store_get_event (fixture->store, 42, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (event);
  g_clear_error (&error);

  event = lia_store_get_event_by_uid (fixture->store, "nobody@liaison", NULL, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (event);
  g_clear_error (&error);

  /* Saving an event that was deleted for good. */
  event = new_event ("Gone", "2026-01-10T10:00:00", NULL, NULL);
  lia_event_set_id (event, 42);
  g_assert_false (lia_store_save_event (fixture->store, event, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event"), ==, 0);
}

static void
test_uid (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(LiaEvent) event = new_event ("Book club", "2026-01-10T10:00:00", NULL, NULL);
  g_autoptr(LiaEvent) other = new_event ("Book club", "2026-01-10T10:00:00", NULL, NULL);
  g_autoptr(LiaEvent) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;

  g_assert_null (lia_event_get_uid (event));
  save (fixture, event);
  uid = g_strdup (lia_event_get_uid (event));
  g_assert_nonnull (uid);
  g_assert_true (g_str_has_suffix (uid, "@liaison"));
  g_assert_cmpuint (strlen (uid), ==, 36 + strlen ("@liaison"));
  {
    g_autofree char *uuid = g_strndup (uid, 36);

    g_assert_true (g_uuid_string_is_valid (uuid));
  }

  /* Stable across saves, even when the object forgot it. */
  lia_event_set_title (event, "Book club (January)");
  save (fixture, event);
  g_assert_cmpstr (lia_event_get_uid (event), ==, uid);
  lia_event_set_uid (event, NULL);
  save (fixture, event);
  g_assert_cmpstr (lia_event_get_uid (event), ==, uid);

  loaded = lia_store_get_event_by_uid (fixture->store, uid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_event_get_title (loaded), ==, "Book club (January)");

  save (fixture, other);
  g_assert_cmpstr (lia_event_get_uid (other), !=, uid);
}

static void
assert_refused (Fixture  *fixture,
                LiaEvent *event,
                int       code)
{
  g_autoptr(GError) error = NULL;
  gint64 events = query_int (fixture, "SELECT count(*) FROM event");
  int changes = sqlite3_total_changes (lia_database_get_handle (fixture->database));

  g_array_set_size (fixture->changes, 0);
  g_assert_false (lia_store_save_event (fixture->store, event, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event"), ==, events);
  g_assert_cmpint (sqlite3_total_changes (lia_database_get_handle (fixture->database)), ==, changes);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaEvent) event = NULL;
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank");
  gint64 other_partner_id = add_partner (fixture, "Riverbend Arts Council");
  gint64 single_id = add_event (fixture, "Single", "2026-01-10T10:00:00", NULL, NULL);
  g_autoptr(LiaEvent) series = new_event ("Series", "2026-01-08T10:00:00", "2026-01-08T11:00:00", "FREQ=WEEKLY");

  lia_event_set_partner_id (series, partner_id);
  save (fixture, series);

  event = new_event ("   ", "2026-01-10T10:00:00", NULL, NULL);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_REQUIRED);
  g_clear_object (&event);

  /* An all-day event needs no zone. */
  event = new_event ("Fair", "2026-01-10", NULL, NULL);
  lia_event_set_tzid (event, NULL);
  lia_event_set_all_day (event, TRUE);
  save (fixture, event);
  g_clear_object (&event);

  event = new_event ("Talk", NULL, NULL, NULL);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_REQUIRED);
  g_clear_object (&event);

  event = new_event ("Talk", "2026-02-30T10:00:00", NULL, NULL);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_DATE);
  g_clear_object (&event);

  event = new_event ("Talk", "2026-01-10 10:00", NULL, NULL);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_DATE);
  g_clear_object (&event);

  event = new_event ("Talk", "2026-01-10T25:00:00", NULL, NULL);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_DATE);
  g_clear_object (&event);

  /* An all-day event is days, not times. */
  event = new_event ("Fair", "2026-01-10T10:00:00", NULL, NULL);
  lia_event_set_all_day (event, TRUE);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_DATE);
  g_clear_object (&event);

  event = new_event ("Talk", "2026-01-10T10:00:00", "2026-01-10T09:00:00", NULL);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_DATE_ORDER);
  g_clear_object (&event);

  event = new_event ("Fair", "2026-01-10", "2026-01-09", NULL);
  lia_event_set_all_day (event, TRUE);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_DATE_ORDER);
  g_clear_object (&event);

  event = new_event ("Talk", "2026-01-10T10:00:00", "2026-01-10T11:00:00", NULL);
  lia_event_set_tzid (event, "Mars/Olympus_Mons");
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_clear_object (&event);

  /* A time needs its zone; a day does not. */
  event = new_event ("Talk", "2026-01-10T10:00:00", "2026-01-10T11:00:00", NULL);
  lia_event_set_tzid (event, NULL);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_clear_object (&event);

  event = new_event ("Talk", "2026-01-10T10:00:00", "2026-01-10T11:00:00", "FREQ=SOMETIMES;BYDAY=XX");
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_clear_object (&event);

  event = new_event ("Talk", "2026-01-10T10:00:00", "2026-01-10T11:00:00", "FREQ=WEEKLY");
  lia_event_set_exdates (event, "2026-01-17T10:00:00,next Tuesday");
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_DATE);
  g_clear_object (&event);

  /* Overrides: of a series, with its partner, without a rule of their own. */
  event = new_event ("Moved", "2026-01-16T10:00:00", NULL, NULL);
  lia_event_set_recurrence_of (event, single_id);
  lia_event_set_recurrence_id (event, "2026-01-10T10:00:00");
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_clear_object (&event);

  event = new_event ("Moved", "2026-01-16T10:00:00", NULL, NULL);
  lia_event_set_recurrence_of (event, lia_event_get_id (series));
  lia_event_set_recurrence_id (event, "2026-01-15T10:00:00");
  lia_event_set_partner_id (event, other_partner_id);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_clear_object (&event);

  event = new_event ("Moved", "2026-01-16T10:00:00", NULL, "FREQ=DAILY");
  lia_event_set_recurrence_of (event, lia_event_get_id (series));
  lia_event_set_recurrence_id (event, "2026-01-15T10:00:00");
  lia_event_set_partner_id (event, partner_id);
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_clear_object (&event);

  event = new_event ("Moved", "2026-01-16T10:00:00", NULL, NULL);
  lia_event_set_recurrence_id (event, "2026-01-15T10:00:00");
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_clear_object (&event);

  /* An update that fails keeps the row as it was. */
  event = get_event (fixture, single_id);
  lia_event_set_title (event, "");
  assert_refused (fixture, event, LIA_VALIDATE_ERROR_REQUIRED);
  g_clear_object (&event);
  event = get_event (fixture, single_id);
  g_assert_cmpstr (lia_event_get_title (event), ==, "Single");
}

static void
test_span (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LiaEvent) timed = new_event ("Talk", "2026-01-10T10:00:00", "2026-01-10T12:00:00", NULL);
  g_autoptr(LiaEvent) no_end = new_event ("Drop-in", "2026-01-10T10:00:00", NULL, NULL);
  g_autoptr(LiaEvent) day = new_event ("Fair", "2026-01-10", NULL, NULL);
  g_autoptr(LiaEvent) days = new_event ("Festival", "2026-01-10", "2026-01-12", NULL);
  g_autoptr(LiaEvent) counted = new_event ("Class", "2026-01-10T10:00:00", "2026-01-10T12:00:00", "FREQ=WEEKLY;COUNT=3");
  g_autoptr(LiaEvent) endless = new_event ("Club", "2026-01-10T10:00:00", "2026-01-10T12:00:00", "FREQ=WEEKLY");
  g_autoptr(LiaEvent) summer = new_event ("Picnic", "2026-07-10T10:00:00", "2026-07-10T12:00:00", NULL);

  lia_event_set_all_day (day, TRUE);
  lia_event_set_all_day (days, TRUE);
  save (fixture, timed);
  save (fixture, no_end);
  save (fixture, day);
  save (fixture, days);
  save (fixture, counted);
  save (fixture, endless);
  save (fixture, summer);

  /* Edmonton is UTC-7 in winter, UTC-6 in summer. */
  g_assert_cmpint (lia_event_get_start_utc (timed), ==, utc (2026, 1, 10, 17, 0));
  g_assert_cmpint (lia_event_get_last_end_utc (timed), ==, utc (2026, 1, 10, 19, 0));
  g_assert_cmpint (lia_event_get_start_utc (no_end), ==, utc (2026, 1, 10, 17, 0));
  g_assert_cmpint (lia_event_get_last_end_utc (no_end), ==, utc (2026, 1, 10, 17, 0));
  g_assert_cmpint (lia_event_get_start_utc (day), ==, utc (2026, 1, 10, 0, 0));
  g_assert_cmpint (lia_event_get_last_end_utc (day), ==, utc (2026, 1, 11, 0, 0));
  g_assert_cmpint (lia_event_get_start_utc (days), ==, utc (2026, 1, 10, 0, 0));
  g_assert_cmpint (lia_event_get_last_end_utc (days), ==, utc (2026, 1, 13, 0, 0));
  g_assert_cmpint (lia_event_get_last_end_utc (counted), ==, utc (2026, 1, 24, 19, 0));
  g_assert_cmpint (lia_event_get_start_utc (endless), ==, utc (2026, 1, 10, 17, 0));
  g_assert_cmpint (lia_event_get_last_end_utc (endless), ==, 0);
  g_assert_cmpint (lia_event_get_start_utc (summer), ==, utc (2026, 7, 10, 16, 0));

  /* What the table holds: NULL for a series that never ends. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event WHERE last_end_utc IS NULL"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT start_utc FROM event WHERE title = 'Class'"), ==, utc (2026, 1, 10, 17, 0));

  /* Moving the start moves the span. */
  lia_event_set_dtstart (timed, "2026-01-11T10:00:00");
  lia_event_set_dtend (timed, "2026-01-11T11:00:00");
  save (fixture, timed);
  g_assert_cmpint (query_int (fixture, "SELECT last_end_utc FROM event WHERE title = 'Talk'"), ==, utc (2026, 1, 11, 18, 0));
}

static void
add_publish_record (Fixture    *fixture,
                    const char *uid)
{
  g_autofree char *sql = NULL;

  exec_sql (fixture, "INSERT OR IGNORE INTO publish_target (id, name, kind, url, created_at, updated_at)"
                     " VALUES (1, 'Website', 'folder', 'file:///srv/www', 0, 0)");
  sql = g_strdup_printf ("INSERT INTO publish_record (target_id, item_kind, item, state, published_at)"
                         " VALUES (1, 'event', '%s', 'ok', 0)", uid);
  exec_sql (fixture, sql);
}

static void
test_sequence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaEvent) event = new_event ("Knitting circle", "2026-01-10T10:00:00", NULL, NULL);
  g_autoptr(LiaEvent) loaded = NULL;

  save (fixture, event);
  g_assert_cmpint (lia_event_get_sequence (event), ==, 0);

  /* Not published yet: nobody holds an older copy. */
  lia_event_set_title (event, "Knitting and crochet circle");
  save (fixture, event);
  g_assert_cmpint (lia_event_get_sequence (event), ==, 0);

  add_publish_record (fixture, lia_event_get_uid (event));

  /* Saved unchanged: no bump. */
  save (fixture, event);
  g_assert_cmpint (lia_event_get_sequence (event), ==, 0);

  lia_event_set_dtstart (event, "2026-01-10T11:00:00");
  save (fixture, event);
  g_assert_cmpint (lia_event_get_sequence (event), ==, 1);
  loaded = get_event (fixture, lia_event_get_id (event));
  g_assert_cmpint (lia_event_get_sequence (loaded), ==, 1);

  /* Promotion is the library's business, not the calendar's. */
  lia_event_set_promote (event, TRUE);
  lia_event_set_featured (event, TRUE);
  lia_event_set_channels (event, LIA_CHANNEL_WEBSITE | LIA_CHANNEL_NEWSLETTER);
  save (fixture, event);
  g_assert_cmpint (lia_event_get_sequence (event), ==, 1);

  /* An empty text is no text: no bump. */
  lia_event_set_cost (event, "");
  save (fixture, event);
  g_assert_cmpint (lia_event_get_sequence (event), ==, 1);

  lia_event_set_status (event, LIA_EVENT_STATUS_CANCELLED);
  save (fixture, event);
  g_assert_cmpint (lia_event_get_sequence (event), ==, 2);

  /* One bump a save, from what is stored even if the object is behind. */
  g_clear_object (&loaded);
  loaded = get_event (fixture, lia_event_get_id (event));
  lia_event_set_sequence (loaded, 0);
  lia_event_set_description (loaded, "Needles provided.");
  save (fixture, loaded);
  g_assert_cmpint (lia_event_get_sequence (loaded), ==, 3);
}

static void
test_occurrences_series (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(LiaEvent) series = new_event ("Story time", "2026-01-08T10:00:00", "2026-01-08T11:00:00", "FREQ=WEEKLY");
  gint64 single_id = add_event (fixture, "Author talk", "2026-01-20T19:00:00", "2026-01-20T20:30:00", NULL);
  LiaEventOccurrence *o;

  add_event (fixture, "Last year", "2025-12-20T19:00:00", NULL, NULL);
  add_event (fixture, "Next month", "2026-02-03T19:00:00", NULL, NULL);
  lia_event_set_exdates (series, "2026-01-22T10:00:00");
  save (fixture, series);

  occurrences = list (fixture, NULL, utc (2026, 1, 1, 0, 0), utc (2026, 2, 1, 0, 0), 0);
  /* Thursdays 8, 15, (22 skipped), 29, and the talk on the 20th. */
  g_assert_cmpuint (occurrences->len, ==, 4);

  o = occurrence_at (occurrences, 0);
  g_assert_cmpstr (o->title, ==, "Story time");
  g_assert_cmpint (o->event_id, ==, lia_event_get_id (series));
  g_assert_cmpint (o->series_id, ==, lia_event_get_id (series));
  g_assert_cmpint (o->start_utc, ==, utc (2026, 1, 8, 17, 0));
  g_assert_cmpint (o->end_utc, ==, utc (2026, 1, 8, 18, 0));
  g_assert_cmpstr (o->recurrence_id, ==, "2026-01-08T10:00:00");
  g_assert_null (o->partner_name);
  g_assert_cmpint (o->partner_id, ==, 0);
  g_assert_cmpint (o->status, ==, LIA_EVENT_STATUS_DRAFT);

  o = occurrence_at (occurrences, 1);
  g_assert_cmpint (o->start_utc, ==, utc (2026, 1, 15, 17, 0));

  o = occurrence_at (occurrences, 2);
  g_assert_cmpstr (o->title, ==, "Author talk");
  g_assert_cmpint (o->event_id, ==, single_id);
  g_assert_cmpint (o->series_id, ==, single_id);
  g_assert_null (o->recurrence_id);
  g_assert_cmpint (o->start_utc, ==, utc (2026, 1, 21, 2, 0));
  g_assert_cmpint (o->end_utc, ==, utc (2026, 1, 21, 3, 30));

  o = occurrence_at (occurrences, 3);
  g_assert_cmpint (o->start_utc, ==, utc (2026, 1, 29, 17, 0));
  g_clear_pointer (&occurrences, g_array_unref);

  /* An event running across the window's start is in it. */
  occurrences = list (fixture, NULL, utc (2026, 1, 21, 3, 0), utc (2026, 1, 21, 4, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 1);
  g_assert_cmpint (occurrence_at (occurrences, 0)->event_id, ==, single_id);
  g_clear_pointer (&occurrences, g_array_unref);

  /* One that ends as the window starts is not. */
  occurrences = list (fixture, NULL, utc (2026, 1, 21, 3, 30), utc (2026, 1, 21, 4, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 0);
  g_clear_pointer (&occurrences, g_array_unref);

  /* A window far ahead still has the endless series. */
  occurrences = list (fixture, NULL, utc (2027, 6, 1, 0, 0), utc (2027, 6, 8, 0, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 1);
  g_assert_cmpstr (occurrence_at (occurrences, 0)->recurrence_id, ==, "2027-06-03T10:00:00");
  g_assert_cmpint (occurrence_at (occurrences, 0)->start_utc, ==, utc (2027, 6, 3, 16, 0));
}

static void
test_occurrences_overrides (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GArray) january = NULL;
  g_autoptr(GArray) february = NULL;
  g_autoptr(LiaEvent) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 series_id = add_event (fixture, "Story time", "2026-01-08T10:00:00", "2026-01-08T11:00:00", "FREQ=WEEKLY");
  gint64 within_id, out_id, into_id;
  g_autoptr(LiaEvent) series = get_event (fixture, series_id);

  within_id = add_override (fixture, series_id, "2026-01-15T10:00:00", "Story time (Friday)",
                            "2026-01-16T10:00:00", "2026-01-16T11:00:00");
  out_id = add_override (fixture, series_id, "2026-01-29T10:00:00", "Story time (February)",
                         "2026-02-03T10:00:00", "2026-02-03T11:00:00");
  into_id = add_override (fixture, series_id, "2026-02-05T10:00:00", "Story time (early)",
                          "2026-01-30T10:00:00", "2026-01-30T11:00:00");

  /* The override shares the series' uid and is found by it. */
  loaded = lia_store_get_event_by_uid (fixture->store, lia_event_get_uid (series), "2026-01-15T10:00:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_event_get_id (loaded), ==, within_id);
  g_assert_cmpint (lia_event_get_recurrence_of (loaded), ==, series_id);
  g_assert_false (lia_event_is_recurring (loaded));

  january = list (fixture, NULL, utc (2026, 1, 1, 0, 0), utc (2026, 2, 1, 0, 0), 0);
  g_assert_cmpuint (january->len, ==, 4);
  g_assert_cmpint (occurrence_at (january, 0)->event_id, ==, series_id);
  g_assert_cmpint (occurrence_at (january, 0)->start_utc, ==, utc (2026, 1, 8, 17, 0));
  g_assert_cmpint (occurrence_at (january, 1)->event_id, ==, within_id);
  g_assert_cmpint (occurrence_at (january, 1)->series_id, ==, series_id);
  g_assert_cmpstr (occurrence_at (january, 1)->recurrence_id, ==, "2026-01-15T10:00:00");
  g_assert_cmpstr (occurrence_at (january, 1)->title, ==, "Story time (Friday)");
  g_assert_cmpint (occurrence_at (january, 1)->start_utc, ==, utc (2026, 1, 16, 17, 0));
  g_assert_cmpint (occurrence_at (january, 1)->end_utc, ==, utc (2026, 1, 16, 18, 0));
  g_assert_cmpint (occurrence_at (january, 2)->event_id, ==, series_id);
  g_assert_cmpint (occurrence_at (january, 2)->start_utc, ==, utc (2026, 1, 22, 17, 0));
  g_assert_cmpint (occurrence_at (january, 3)->event_id, ==, into_id);
  g_assert_cmpint (occurrence_at (january, 3)->start_utc, ==, utc (2026, 1, 30, 17, 0));
  g_assert_cmpstr (occurrence_at (january, 3)->recurrence_id, ==, "2026-02-05T10:00:00");

  february = list (fixture, NULL, utc (2026, 2, 1, 0, 0), utc (2026, 3, 1, 0, 0), 0);
  g_assert_cmpuint (february->len, ==, 4);
  g_assert_cmpint (occurrence_at (february, 0)->event_id, ==, out_id);
  g_assert_cmpint (occurrence_at (february, 0)->start_utc, ==, utc (2026, 2, 3, 17, 0));
  g_assert_cmpint (occurrence_at (february, 1)->start_utc, ==, utc (2026, 2, 12, 17, 0));
  g_assert_cmpint (occurrence_at (february, 2)->start_utc, ==, utc (2026, 2, 19, 17, 0));
  g_assert_cmpint (occurrence_at (february, 3)->start_utc, ==, utc (2026, 2, 26, 17, 0));

  /* Overrides are not listed as events of their own. */
  {
    g_autoptr(GPtrArray) events = lia_store_list_events (fixture->store, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (events->len, ==, 1);
    g_assert_cmpint (lia_event_get_id (g_ptr_array_index (events, 0)), ==, series_id);
  }
}

/* The categories in use, sorted, leave out those whose events are all in
 * the trash; a changed date of a series adds none of its own. */
static void
test_categories (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaEvent) games_event = new_event ("Gaming night", "2026-01-14T18:00:00", "2026-01-14T20:00:00", NULL);
  g_autoptr(LiaEvent) series = new_event ("Story time", "2026-01-08T10:00:00", "2026-01-08T11:00:00", "FREQ=WEEKLY;COUNT=4");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = NULL;
  const char * const kids[] = { "Reading", "Kids", NULL };
  const char * const games[] = { "Games", "Kids", NULL };
  const char * const all[] = { "Games", "Kids", "Reading", NULL };
  const char * const live[] = { "Kids", "Reading", NULL };

  categories = lia_store_list_event_categories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (categories), ==, 0);
  g_clear_pointer (&categories, g_strfreev);

  lia_event_set_categories (games_event, games);
  save (fixture, games_event);
  lia_event_set_categories (series, kids);
  save (fixture, series);
  add_override (fixture, lia_event_get_id (series), "2026-01-15T10:00:00", "Story time (Friday)",
                "2026-01-16T10:00:00", "2026-01-16T11:00:00");

  categories = lia_store_list_event_categories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *)categories, all));
  g_clear_pointer (&categories, g_strfreev);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, lia_event_get_id (games_event), &error));
  g_assert_no_error (error);
  categories = lia_store_list_event_categories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *)categories, live));
  g_clear_pointer (&categories, g_strfreev);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, lia_event_get_id (series), &error));
  g_assert_no_error (error);
  categories = lia_store_list_event_categories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (categories), ==, 0);
}

/* The calendar's windows read indexes alone (0006): the agenda's single
 * events and changed dates, with their partners, and the month view's,
 * through event_single_start_idx in start order, rather than an event row
 * a page each. A series' own row is looked up by id (its dates come from
 * event_occurrence), which is allowed: series are few and their rows read
 * again and again. */
static void
test_plans_read_indexes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LiaEvent) single = new_event ("Food drive", "2026-01-12T09:00:00", "2026-01-12T15:00:00", NULL);
  g_autoptr(LiaEvent) series = new_event ("Story time", "2026-01-08T10:00:00", "2026-01-08T11:00:00", "FREQ=WEEKLY;COUNT=4");
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (TZID);
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gpointer handle = lia_database_get_handle (fixture->database);
  GDate first;

  lia_event_set_partner_id (single, add_partner (fixture, "Riverbend Food Bank"));
  save (fixture, single);
  save (fixture, series);
  add_override (fixture, lia_event_get_id (series), "2026-01-15T10:00:00", "Story time (Friday)",
                "2026-01-16T10:00:00", "2026-01-16T11:00:00");

  occurrences = list (fixture, NULL, utc (2026, 1, 1, 0, 0), utc (2026, 2, 1, 0, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 5);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 29, G_DATE_DECEMBER, 2025);
  summaries = lia_store_summarize_days (fixture->store, NULL, &first, 42, zone, 3, &error);
  g_assert_no_error (error);

  /* The window's statement, and the month's for the first events of a day. */
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT e.id, e.recurrence_of, e.recurrence_id,",
                                                   "INTEGER PRIMARY KEY"), ==, 2);
  g_assert_cmpuint (lia_test_check_plans_covering (handle, "SELECT e.id, e.start_utc, e.all_day, e.last_end_utc,",
                                                   NULL), ==, 1);
}

static void
test_occurrences_filters (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LiaEvent) partner_event = new_event ("Food drive", "2026-01-12T09:00:00", "2026-01-12T15:00:00", NULL);
  g_autoptr(LiaEvent) teen_event = new_event ("Gaming night", "2026-01-14T18:00:00", "2026-01-14T20:00:00", NULL);
  g_autoptr(LiaEvent) series = new_event ("Story time", "2026-01-08T10:00:00", "2026-01-08T11:00:00", "FREQ=WEEKLY;COUNT=4");
  g_autoptr(GArray) occurrences = NULL;
  const char * const kids[] = { "Kids", "Reading", NULL };
  const char * const games[] = { "Games", NULL };
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank");
  gint64 other_partner_id = add_partner (fixture, "Riverbend Arts Council");
  LiaEventQuery query;

  lia_event_set_partner_id (partner_event, partner_id);
  lia_event_set_status (partner_event, LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_description (partner_event, "Bring canned goods to the library.");
  lia_event_set_venue_name (partner_event, "Main hall");
  save (fixture, partner_event);

  lia_event_set_audience (teen_event, LIA_AUDIENCE_TEENS);
  lia_event_set_categories (teen_event, games);
  lia_event_set_promote (teen_event, TRUE);
  lia_event_set_channels (teen_event, LIA_CHANNEL_WEBSITE | LIA_CHANNEL_NEWSLETTER);
  save (fixture, teen_event);

  lia_event_set_audience (series, LIA_AUDIENCE_CHILDREN);
  lia_event_set_categories (series, kids);
  lia_event_set_promote (series, TRUE);
  lia_event_set_channels (series, LIA_CHANNEL_WEBSITE);
  save (fixture, series);
  /* A changed date inherits the series' categories and text. */
  add_override (fixture, lia_event_get_id (series), "2026-01-15T10:00:00", "Story time (Friday)",
                "2026-01-16T10:00:00", "2026-01-16T11:00:00");

  lia_event_query_init (&query);
  g_assert_null (query.text);
  g_assert_cmpint (query.partner_id, ==, -1);
  g_assert_null (query.category);
  g_assert_cmpint (query.audience, ==, -1);
  g_assert_cmpint (query.status, ==, -1);
  g_assert_cmpint (query.promoted, ==, -1);
  g_assert_cmpint (query.channels, ==, 0);
  g_assert_cmpuint (count_january (fixture, &query), ==, 6);

  query.partner_id = partner_id;
  occurrences = list (fixture, &query, utc (2026, 1, 1, 0, 0), utc (2026, 2, 1, 0, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 1);
  g_assert_cmpstr (occurrence_at (occurrences, 0)->title, ==, "Food drive");
  g_assert_cmpint (occurrence_at (occurrences, 0)->partner_id, ==, partner_id);
  g_assert_cmpstr (occurrence_at (occurrences, 0)->partner_name, ==, "Riverbend Food Bank");
  g_assert_cmpstr (occurrence_at (occurrences, 0)->venue_name, ==, "Main hall");
  g_assert_cmpint (occurrence_at (occurrences, 0)->status, ==, LIA_EVENT_STATUS_CONFIRMED);
  query.partner_id = other_partner_id;
  g_assert_cmpuint (count_january (fixture, &query), ==, 0);
  query.partner_id = 0;
  g_assert_cmpuint (count_january (fixture, &query), ==, 5);
  query.partner_id = -1;

  query.category = "Kids";
  g_assert_cmpuint (count_january (fixture, &query), ==, 4);
  query.category = "Games";
  g_assert_cmpuint (count_january (fixture, &query), ==, 1);
  query.category = "kids";
  g_assert_cmpuint (count_january (fixture, &query), ==, 0);
  query.category = NULL;

  query.audience = LIA_AUDIENCE_TEENS;
  g_assert_cmpuint (count_january (fixture, &query), ==, 1);
  query.audience = LIA_AUDIENCE_CHILDREN;
  g_assert_cmpuint (count_january (fixture, &query), ==, 4);
  query.audience = LIA_AUDIENCE_SENIORS;
  g_assert_cmpuint (count_january (fixture, &query), ==, 0);
  query.audience = -1;

  query.status = LIA_EVENT_STATUS_CONFIRMED;
  g_assert_cmpuint (count_january (fixture, &query), ==, 1);
  query.status = LIA_EVENT_STATUS_DRAFT;
  g_assert_cmpuint (count_january (fixture, &query), ==, 5);
  query.status = -1;

  query.promoted = 1;
  g_assert_cmpuint (count_january (fixture, &query), ==, 5);
  query.promoted = 0;
  g_assert_cmpuint (count_january (fixture, &query), ==, 1);
  query.promoted = -1;

  query.channels = LIA_CHANNEL_WEBSITE;
  g_assert_cmpuint (count_january (fixture, &query), ==, 5);
  query.channels = LIA_CHANNEL_WEBSITE | LIA_CHANNEL_NEWSLETTER;
  g_assert_cmpuint (count_january (fixture, &query), ==, 1);
  query.channels = LIA_CHANNEL_FLYER;
  g_assert_cmpuint (count_january (fixture, &query), ==, 0);
  query.channels = 0;

  /* Text: prefixes, accents and case do not matter; syntax is not read. */
  query.text = "stor";
  g_assert_cmpuint (count_january (fixture, &query), ==, 4);
  query.text = "CANNED";
  g_assert_cmpuint (count_january (fixture, &query), ==, 1);
  query.text = "gaming nig";
  g_assert_cmpuint (count_january (fixture, &query), ==, 1);
  query.text = "\"canned\" OR NOT *";
  g_assert_cmpuint (count_january (fixture, &query), ==, 0);
  query.text = "knitting";
  g_assert_cmpuint (count_january (fixture, &query), ==, 0);
  query.text = NULL;

  /* Filters combine. */
  query.audience = LIA_AUDIENCE_CHILDREN;
  query.text = "story";
  query.channels = LIA_CHANNEL_WEBSITE;
  query.partner_id = 0;
  g_assert_cmpuint (count_january (fixture, &query), ==, 4);
  query.promoted = 0;
  g_assert_cmpuint (count_january (fixture, &query), ==, 0);
}

static void
test_occurrences_max_and_order (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GArray) occurrences = NULL;

  add_event (fixture, "Zumba", "2026-01-10T10:00:00", NULL, NULL);
  add_event (fixture, "Art walk", "2026-01-10T10:00:00", NULL, NULL);
  add_event (fixture, "Early bird", "2026-01-09T08:00:00", NULL, NULL);
  add_event (fixture, "Chess", "2026-01-11T10:00:00", NULL, NULL);

  occurrences = list (fixture, NULL, utc (2026, 1, 1, 0, 0), utc (2026, 2, 1, 0, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 4);
  g_assert_cmpstr (occurrence_at (occurrences, 0)->title, ==, "Early bird");
  g_assert_cmpstr (occurrence_at (occurrences, 1)->title, ==, "Art walk");
  g_assert_cmpstr (occurrence_at (occurrences, 2)->title, ==, "Zumba");
  g_assert_cmpstr (occurrence_at (occurrences, 3)->title, ==, "Chess");
  g_clear_pointer (&occurrences, g_array_unref);

  occurrences = list (fixture, NULL, utc (2026, 1, 1, 0, 0), utc (2026, 2, 1, 0, 0), 2);
  g_assert_cmpuint (occurrences->len, ==, 2);
  g_assert_cmpstr (occurrence_at (occurrences, 0)->title, ==, "Early bird");
  g_assert_cmpstr (occurrence_at (occurrences, 1)->title, ==, "Art walk");
  g_clear_pointer (&occurrences, g_array_unref);

  /* An empty window holds nothing. */
  occurrences = list (fixture, NULL, utc (2026, 1, 10, 0, 0), utc (2026, 1, 10, 0, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 0);
}

static void
test_occurrences_trash_and_cancelled (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(LiaEvent) cancelled = new_event ("Cancelled talk", "2026-01-12T19:00:00", NULL, NULL);
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  gint64 trashed_id = add_event (fixture, "Trashed talk", "2026-01-13T19:00:00", NULL, NULL);

  lia_event_set_status (cancelled, LIA_EVENT_STATUS_CANCELLED);
  save (fixture, cancelled);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, trashed_id, &error));
  g_assert_no_error (error);

  occurrences = list (fixture, NULL, utc (2026, 1, 1, 0, 0), utc (2026, 2, 1, 0, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 1);
  g_assert_cmpstr (occurrence_at (occurrences, 0)->title, ==, "Cancelled talk");
  g_assert_cmpint (occurrence_at (occurrences, 0)->status, ==, LIA_EVENT_STATUS_CANCELLED);
}

static gint64
count_trashed_events (Fixture *fixture)
{
  return query_int (fixture, "SELECT count(*) FROM event WHERE deleted_at IS NOT NULL");
}

static guint
count_trash_items (Fixture       *fixture,
                   LiaRecordKind  kind)
{
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  trash = lia_store_list_trash (fixture->store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(LiaTrashItem) item = g_list_model_get_item (trash, i);

      if (lia_trash_item_get_kind (item) == kind)
        n++;
    }

  return n;
}

static void
test_trash_series (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(LiaTrashItem) item = NULL;
  g_autoptr(LiaEvent) series = new_event ("Story time", "2026-01-08T10:00:00", "2026-01-08T11:00:00", "FREQ=WEEKLY");
  gint64 partner_id = add_partner (fixture, "Riverbend Arts Council");
  gint64 series_id, first_id, second_id;

  lia_event_set_partner_id (series, partner_id);
  save (fixture, series);
  series_id = lia_event_get_id (series);
  first_id = add_override (fixture, series_id, "2026-01-15T10:00:00", "Story time (Friday)",
                           "2026-01-16T10:00:00", "2026-01-16T11:00:00");
  second_id = add_override (fixture, series_id, "2026-01-22T10:00:00", "Story time (Wednesday)",
                            "2026-01-21T10:00:00", "2026-01-21T11:00:00");

  /* One date goes to the trash on its own: the series shows it again. */
  fixture->now += HOUR;
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, second_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_january (fixture, NULL), ==, 4);
  g_assert_cmpuint (count_trash_items (fixture, LIA_RECORD_EVENT), ==, 1);

  /* The series takes its remaining override with it, and is listed alone. */
  fixture->now += HOUR;
  g_array_set_size (fixture->changes, 0);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, series_id, &error));
  g_assert_no_error (error);
  g_assert_true (has_change (fixture, LIA_RECORD_EVENT, series_id));
  g_assert_true (has_change (fixture, LIA_RECORD_PARTNER, partner_id));
  g_assert_cmpint (count_trashed_events (fixture), ==, 3);
  g_assert_cmpuint (count_january (fixture, NULL), ==, 0);
  g_assert_cmpuint (count_trash_items (fixture, LIA_RECORD_EVENT), ==, 2);

  trash = lia_store_list_trash (fixture->store, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (trash, 0);
  g_assert_cmpint (lia_trash_item_get_kind (item), ==, LIA_RECORD_EVENT);
  g_assert_cmpint (lia_trash_item_get_id (item), ==, series_id);
  g_assert_cmpstr (lia_trash_item_get_title (item), ==, "Story time");
  g_assert_cmpstr (lia_trash_item_get_kind_label (item), ==, "Event");

  /* A date cannot come back without its series. */
  g_assert_false (lia_store_restore (fixture->store, LIA_RECORD_EVENT, second_id, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Restoring brings back what went with it, not what was trashed before. */
  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_EVENT, series_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_trashed_events (fixture), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event WHERE deleted_at IS NULL"), ==, 2);
  g_assert_cmpuint (count_january (fixture, NULL), ==, 4);
  {
    g_autoptr(LiaEvent) first = get_event (fixture, first_id);
    g_autoptr(LiaEvent) second = get_event (fixture, second_id);

    g_assert_cmpint (lia_event_get_deleted_at (first), ==, 0);
    g_assert_cmpint (lia_event_get_deleted_at (second), !=, 0);
  }

  /* The search index follows: the series is found again. */
  {
    LiaEventQuery query;

    lia_event_query_init (&query);
    query.text = "story";
    g_assert_cmpuint (count_january (fixture, &query), ==, 4);
  }

  /* Deleting the series for good removes its overrides and categories. */
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, series_id, &error));
  g_assert_true (lia_store_delete_forever (fixture->store, LIA_RECORD_EVENT, series_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event"), ==, 0);
  g_assert_cmpuint (count_trash_items (fixture, LIA_RECORD_EVENT), ==, 0);
}

static void
test_trash_library_event (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_event (fixture, "Library open house", "2026-01-10T10:00:00", NULL, NULL);
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank");
  g_autoptr(LiaEvent) partner_event = new_event ("Food drive", "2026-01-12T09:00:00", NULL, NULL);

  lia_event_set_partner_id (partner_event, partner_id);
  save (fixture, partner_event);

  /* The library's own event: no partner to tell. */
  g_array_set_size (fixture->changes, 0);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, id, &error));
  g_assert_no_error (error);
  g_assert_true (has_change (fixture, LIA_RECORD_EVENT, id));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_EVENT, id, &error));
  g_assert_no_error (error);

  /* A partner's event waits for its partner. */
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, lia_event_get_id (partner_event), &error));
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, partner_id, &error));
  g_assert_no_error (error);
  g_assert_false (lia_store_restore (fixture->store, LIA_RECORD_EVENT, lia_event_get_id (partner_event), &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A trashed partner takes no new events. */
  g_clear_object (&partner_event);
  partner_event = new_event ("Food drive 2", "2026-01-19T09:00:00", NULL, NULL);
  lia_event_set_partner_id (partner_event, partner_id);
  g_assert_false (lia_store_save_event (fixture->store, partner_event, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Not in the trash: not deleted. */
  g_assert_false (lia_store_delete_forever (fixture->store, LIA_RECORD_EVENT, id, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
}

static void
test_changed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LiaEvent) event = new_event ("Food drive", "2026-01-12T09:00:00", NULL, NULL);
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank");
  gint64 other_id = add_partner (fixture, "Riverbend Arts Council");
  gint64 library_id;

  lia_event_set_partner_id (event, partner_id);
  g_array_set_size (fixture->changes, 0);
  save (fixture, event);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  g_assert_true (has_change (fixture, LIA_RECORD_EVENT, lia_event_get_id (event)));
  g_assert_true (has_change (fixture, LIA_RECORD_PARTNER, partner_id));

  /* Moving it to another partner tells both. */
  g_array_set_size (fixture->changes, 0);
  lia_event_set_partner_id (event, other_id);
  save (fixture, event);
  g_assert_true (has_change (fixture, LIA_RECORD_PARTNER, partner_id));
  g_assert_true (has_change (fixture, LIA_RECORD_PARTNER, other_id));

  g_array_set_size (fixture->changes, 0);
  library_id = add_event (fixture, "Library open house", "2026-01-10T10:00:00", NULL, NULL);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_true (has_change (fixture, LIA_RECORD_EVENT, library_id));
}

static void
test_list_events (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner_id = add_partner (fixture, "Riverbend Food Bank");
  g_autoptr(LiaEvent) late = new_event ("Late", "2026-03-01T10:00:00", NULL, NULL);
  g_autoptr(LiaEvent) early = new_event ("Early", "2026-01-01T10:00:00", NULL, NULL);
  gint64 trashed_id;

  lia_event_set_partner_id (late, partner_id);
  lia_event_set_partner_id (early, partner_id);
  save (fixture, late);
  save (fixture, early);
  add_event (fixture, "Library's own", "2026-02-01T10:00:00", NULL, NULL);
  trashed_id = add_event (fixture, "Trashed", "2026-02-01T10:00:00", NULL, NULL);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, trashed_id, &error));

  events = lia_store_list_events (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (lia_event_get_title (g_ptr_array_index (events, 0)), ==, "Early");
  g_assert_cmpstr (lia_event_get_title (g_ptr_array_index (events, 1)), ==, "Late");
  g_clear_pointer (&events, g_ptr_array_unref);

  events = lia_store_list_events (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (lia_event_get_title (g_ptr_array_index (events, 0)), ==, "Library's own");
}

static void
test_promotion_tier (void)
{
  g_autoptr(LiaEvent) event = lia_event_new ();

  lia_event_apply_promotion_tier (event, LIA_PROMOTION_TIER_FEATURED);
  g_assert_true (lia_event_get_promote (event));
  g_assert_true (lia_event_get_featured (event));
  g_assert_cmpint (lia_event_get_channels (event), ==,
                   LIA_CHANNEL_WEBSITE | LIA_CHANNEL_PRINT_BULLETIN | LIA_CHANNEL_FLYER |
                   LIA_CHANNEL_NEWSLETTER | LIA_CHANNEL_DISPLAY_BOARD);

  lia_event_apply_promotion_tier (event, LIA_PROMOTION_TIER_STANDARD);
  g_assert_true (lia_event_get_promote (event));
  g_assert_false (lia_event_get_featured (event));
  g_assert_cmpint (lia_event_get_channels (event), ==, LIA_CHANNEL_WEBSITE | LIA_CHANNEL_PRINT_BULLETIN);

  lia_event_apply_promotion_tier (event, LIA_PROMOTION_TIER_LISTED_ONLY);
  g_assert_false (lia_event_get_promote (event));
  g_assert_false (lia_event_get_featured (event));
  g_assert_cmpint (lia_event_get_channels (event), ==, LIA_CHANNEL_WEBSITE);

  lia_event_apply_promotion_tier (event, LIA_PROMOTION_TIER_NOT_PROMOTED);
  g_assert_false (lia_event_get_promote (event));
  g_assert_false (lia_event_get_featured (event));
  g_assert_cmpint (lia_event_get_channels (event), ==, LIA_CHANNEL_NONE);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notifies)
{
  (*n_notifies)++;
}

static void
test_model (void)
{
  g_autoptr(LiaEvent) event = new_event ("Story time", "2026-01-08T10:00:00", NULL, "FREQ=WEEKLY");
  g_autoptr(LiaEvent) copy = NULL;
  g_autoptr(GBytes) image = g_bytes_new_static ("abc", 3);
  const char * const categories[] = { "Kids", "Art", NULL };
  const char * const reversed[] = { "Art", "Kids", NULL };
  guint n_notifies = 0;

  g_assert_true (lia_event_is_recurring (event));
  lia_event_set_rrule (event, "");
  g_assert_false (lia_event_is_recurring (event));
  lia_event_set_rrule (event, "FREQ=WEEKLY");

  lia_event_set_categories (event, categories);
  lia_event_set_image (event, image);
  lia_event_set_id (event, 5);
  copy = lia_event_copy (event);
  g_assert_true (copy != event);
  g_assert_cmpint (lia_event_get_id (copy), ==, 5);
  g_assert_cmpstr (lia_event_get_title (copy), ==, "Story time");
  g_assert_true (g_strv_equal (lia_event_get_categories (copy), categories));
  g_assert_true (g_bytes_equal (lia_event_get_image (copy), image));
  g_assert_true (lia_event_content_equal (event, copy));

  /* Empty is none; categories are a set; promotion and ids do not count. */
  lia_event_set_cost (copy, "");
  lia_event_set_categories (copy, reversed);
  lia_event_set_promote (copy, TRUE);
  lia_event_set_channels (copy, LIA_CHANNEL_FLYER);
  lia_event_set_featured (copy, TRUE);
  lia_event_set_sequence (copy, 9);
  lia_event_set_updated_at (copy, 1000);
  g_assert_true (lia_event_content_equal (event, copy));

  lia_event_set_venue_room (copy, "Room B");
  g_assert_false (lia_event_content_equal (event, copy));
  lia_event_set_venue_room (copy, NULL);
  lia_event_set_audience (copy, LIA_AUDIENCE_SENIORS);
  g_assert_false (lia_event_content_equal (event, copy));
  lia_event_set_audience (copy, LIA_AUDIENCE_ALL);
  lia_event_set_exdates (copy, "2026-01-15T10:00:00");
  g_assert_false (lia_event_content_equal (event, copy));
  lia_event_set_exdates (copy, NULL);
  lia_event_set_image (copy, NULL);
  g_assert_false (lia_event_content_equal (event, copy));

  /* Setters notify only on change. */
  g_signal_connect (event, "notify", G_CALLBACK (on_notify_cb), &n_notifies);
  lia_event_set_title (event, "Story time");
  lia_event_set_status (event, LIA_EVENT_STATUS_DRAFT);
  lia_event_set_categories (event, categories);
  lia_event_set_all_day (event, FALSE);
  g_assert_cmpuint (n_notifies, ==, 0);
  lia_event_set_title (event, "Story hour");
  lia_event_set_status (event, LIA_EVENT_STATUS_POSTPONED);
  g_object_set (event, "venue-name", "Hall", "sequence", 2, NULL);
  g_assert_cmpuint (n_notifies, ==, 4);
  g_assert_cmpint (lia_event_get_sequence (event), ==, 2);
}

static void
test_enums (void)
{
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, LIA_EVENT_STATUS_POSTPONED), ==, "postponed");
  g_assert_cmpint (lia_enum_from_nick (LIA_TYPE_EVENT_STATUS, "cancelled"), ==, LIA_EVENT_STATUS_CANCELLED);
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_AUDIENCE, LIA_AUDIENCE_ALL), ==, "all");
  g_assert_cmpint (lia_enum_from_nick (LIA_TYPE_AUDIENCE, "families"), ==, LIA_AUDIENCE_FAMILIES);
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_EVENT_SOURCE, LIA_EVENT_SOURCE_INTAKE), ==, "intake");
  g_assert_cmpint (lia_enum_from_nick (LIA_TYPE_EVENT_SOURCE, "manual"), ==, LIA_EVENT_SOURCE_MANUAL);
  g_assert_cmpint (lia_enum_from_nick (LIA_TYPE_AUDIENCE, "everyone"), ==, -1);

  g_assert_cmpstr (lia_enum_to_label (LIA_TYPE_EVENT_STATUS, LIA_EVENT_STATUS_DRAFT), ==, "Draft");
  g_assert_cmpstr (lia_enum_to_label (LIA_TYPE_EVENT_STATUS, LIA_EVENT_STATUS_CANCELLED), ==, "Cancelled");
  g_assert_cmpstr (lia_enum_to_label (LIA_TYPE_AUDIENCE, LIA_AUDIENCE_ALL), ==, "Everyone");
  g_assert_cmpstr (lia_enum_to_label (LIA_TYPE_AUDIENCE, LIA_AUDIENCE_TEENS), ==, "Teens");
  g_assert_nonnull (lia_enum_to_label (LIA_TYPE_EVENT_SOURCE, LIA_EVENT_SOURCE_MANUAL));
  g_assert_null (lia_enum_to_label (LIA_TYPE_AUDIENCE, 42));

  {
    GEnumClass *klass = g_type_class_ref (LIA_TYPE_RECORD_KIND);

    g_assert_cmpstr (g_enum_get_value (klass, LIA_RECORD_EVENT)->value_nick, ==, "event");
    g_type_class_unref (klass);
  }
}

static gint64
local_utc (int year,
           int month,
           int day)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (TZID);
  g_autoptr(GDateTime) midnight = g_date_time_new (zone, year, month, day, 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

/* The repeating dates kept in event_occurrence: written when a window
 * needs them, the same as libical's expansion, widened for a later window,
 * written again when the series changes, gone with it. */
static void
test_kept_dates (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 series = add_event (fixture, "Storytime", "2026-01-06T10:00:00", "2026-01-06T11:00:00",
                             "FREQ=WEEKLY");
  g_autoptr(GArray) march = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) later = NULL;
  g_autoptr(GArray) thursdays = NULL;
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from = local_utc (2026, 3, 1), to = local_utc (2026, 4, 1);
  gint64 kept_to;

  /* Nothing is kept before a window is read. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_occurrence"), ==, 0);

  march = lia_store_list_occurrences (fixture->store, NULL, from, to, 0, &error);
  g_assert_no_error (error);
  expected = lia_recurrence_expand ("2026-01-06T10:00:00", "2026-01-06T11:00:00", TZID, FALSE,
                                    "FREQ=WEEKLY", NULL, from, to, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (march->len, ==, 5);
  g_assert_cmpuint (march->len, ==, expected->len);
  for (guint i = 0; i < march->len; i++)
    {
      g_assert_cmpint (g_array_index (march, LiaEventOccurrence, i).start_utc, ==,
                       g_array_index (expected, LiaOccurrence, i).start_utc);
      g_assert_cmpint (g_array_index (march, LiaEventOccurrence, i).end_utc, ==,
                       g_array_index (expected, LiaOccurrence, i).end_utc);
      g_assert_cmpstr (g_array_index (march, LiaEventOccurrence, i).recurrence_id, ==,
                       g_array_index (expected, LiaOccurrence, i).recurrence_id);
    }
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_occurrence WHERE series_id = 1"), >, 5);
  kept_to = query_int (fixture, "SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'occurrences-to'");
  g_assert_cmpint (kept_to, >=, to);

  /* Years later: the range widens, the dates are there. */
  later = lia_store_list_occurrences (fixture->store, NULL, local_utc (2030, 3, 1), local_utc (2030, 3, 8), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpstr (g_array_index (later, LiaEventOccurrence, 0).recurrence_id, ==, "2030-03-05T10:00:00");
  g_assert_cmpint (query_int (fixture, "SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'occurrences-to'"),
                   >, local_utc (2030, 3, 8));

  /* Saved as Thursdays: its kept dates are written again. */
  event = get_event (fixture, series);
  lia_event_set_rrule (event, "FREQ=WEEKLY;BYDAY=TH");
  save (fixture, event);
  g_assert_cmpint (query_int (fixture,
                              "SELECT count(*) FROM event_occurrence WHERE series_id = 1"
                              " AND strftime ('%w', recurrence_id) <> '4'"), ==, 0);
  thursdays = lia_store_list_occurrences (fixture->store, NULL, from, to, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (thursdays->len, ==, 4);
  g_assert_cmpstr (g_array_index (thursdays, LiaEventOccurrence, 0).recurrence_id, ==, "2026-03-05T10:00:00");

  /* No longer repeating: no dates kept; deleted for good: none either. */
  lia_event_set_rrule (event, NULL);
  save (fixture, event);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_occurrence"), ==, 0);
  lia_event_set_rrule (event, "FREQ=DAILY");
  save (fixture, event);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_occurrence"), >, 0);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, series, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_delete_forever (fixture->store, LIA_RECORD_EVENT, series, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_occurrence"), ==, 0);
}

/* The month view's counts: from the indexes (no filter) they are what
 * listing every occurrence gives, day by day, with the same first titles. */
/* The agenda from @day: its first read holds @n_first occurrences, and
 * reading on gives every occurrence of @n_days days once, in the order of
 * one read of the whole span, each day under one heading. */
static void
assert_agenda_reads (Fixture *fixture,
                     int      year,
                     int      month,
                     int      day_of_month,
                     guint    n_days,
                     guint    n_first)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (TZID);
  g_autoptr(LiaAgenda) agenda = NULL;
  g_autoptr(GArray) expected = NULL;
  GListModel *model;
  GDate day, last_day;
  guint n = 0, n_headings = 0;
  gint64 from = local_utc (year, month, day_of_month);

  expected = list (fixture, NULL, from, from + n_days * DAY, 0);

  agenda = lia_agenda_new (fixture->store, zone);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, day_of_month, month, year);
  lia_agenda_set_start_day (agenda, &day);
  model = G_LIST_MODEL (agenda);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaAgendaItem) item = g_list_model_get_item (model, i);

      n += lia_agenda_item_get_kind (item) == LIA_AGENDA_ITEM_OCCURRENCE;
    }
  g_assert_cmpuint (n, ==, n_first);

  while (lia_agenda_load_more (agenda))
    ;

  n = 0;
  g_date_clear (&last_day, 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaAgendaItem) item = g_list_model_get_item (model, i);
      const LiaEventOccurrence *occurrence = lia_agenda_item_get_occurrence (item);

      if (lia_agenda_item_get_kind (item) == LIA_AGENDA_ITEM_DAY)
        {
          g_assert_true (!g_date_valid (&last_day) || g_date_compare (lia_agenda_item_get_day (item), &last_day) > 0);
          last_day = *lia_agenda_item_get_day (item);
          n_headings++;
          continue;
        }

      g_assert_cmpuint (n, <, expected->len);
      g_assert_cmpstr (occurrence->title, ==, g_array_index (expected, LiaEventOccurrence, n).title);
      g_assert_cmpint (occurrence->start_utc, ==, g_array_index (expected, LiaEventOccurrence, n).start_utc);
      n++;
    }
  g_assert_cmpuint (n, ==, expected->len);
  g_assert_cmpuint (n_headings, ==, n_days);
}

/* Days more crowded than a screen: the agenda's first read stops a screen
 * in (FIRST_ITEMS in lia-agenda.c, 60), before a start shared by seven
 * events; or, when more than a screen start at the same second, holds
 * that second alone. Reading on misses and repeats nothing. */
static void
test_agenda_crowded_day (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *title = g_strdup_printf ("Drop-in %03u", i);
      g_autofree char *start = g_strdup_printf ("2026-01-20T%02u:%02u:00", 8 + i / 60, i % 60);
      g_autofree char *end = g_strdup_printf ("2026-01-20T%02u:%02u:00", 8 + i / 60 + 2, i % 60);

      add_event (fixture, title, start, end, NULL);
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nine o'clock %u", i);

      add_event (fixture, title, "2026-01-20T09:00:00", "2026-01-20T10:00:00", NULL);
    }
  add_event (fixture, "Late risers", "2026-01-19T10:30:00", "2026-01-19T11:00:00", "FREQ=DAILY;COUNT=3");
  add_event (fixture, "Next day", "2026-01-22T10:00:00", "2026-01-22T11:00:00", NULL);

  /* 08:00 to 08:59; the seven at 09:00 are the 61st to 67th: they wait
   * for the next read, whole. Then the series' dates on the 20th and
   * 21st, and the 22nd's event. */
  assert_agenda_reads (fixture, 2026, 1, 20, 3, 60);

  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *title = g_strdup_printf ("Noon %02u", i);

      add_event (fixture, title, "2026-01-25T12:00:00", "2026-01-25T13:00:00", NULL);
    }
  add_event (fixture, "Afternoon", "2026-01-25T13:00:00", "2026-01-25T14:00:00", NULL);
  assert_agenda_reads (fixture, 2026, 1, 25, 1, 70);
}

static void
assert_summaries_match_list (Fixture             *fixture,
                             const LiaEventQuery *query,
                             const GDate         *first_day,
                             guint                n_days)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (TZID);
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *counts = g_new0 (guint, n_days);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  gint64 from = local_utc (g_date_get_year (first_day), g_date_get_month (first_day), g_date_get_day (first_day));
  guint total = 0;

  for (guint i = 0; i < n_days; i++)
    g_ptr_array_add (titles, g_ptr_array_new ());

  summaries = lia_store_summarize_days (fixture->store, query, first_day, n_days, zone, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, n_days);

  all = lia_store_list_occurrences (fixture->store, query, from - DAY, from + (n_days + 1) * DAY, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      LiaEventOccurrence *o = &g_array_index (all, LiaEventOccurrence, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (o->start_utc);
      g_autoptr(GDateTime) local = o->all_day ? g_date_time_ref (utc) : g_date_time_to_timezone (utc, zone);
      GDate day;
      int index;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      index = g_date_days_between (first_day, &day);
      if (index < 0 || index >= (int)n_days)
        continue;
      counts[index]++;
      total++;
      if (((GPtrArray *)g_ptr_array_index (titles, index))->len < 3)
        g_ptr_array_add (g_ptr_array_index (titles, index), o->title);
    }

  g_assert_cmpuint (total, >, 0);
  for (guint i = 0; i < n_days; i++)
    {
      LiaDaySummary *summary = &g_array_index (summaries, LiaDaySummary, i);
      GPtrArray *expected = g_ptr_array_index (titles, i);

      g_assert_cmpuint (summary->n_occurrences, ==, counts[i]);
      g_assert_cmpuint (summary->first->len, ==, expected->len);
      for (guint t = 0; t < expected->len; t++)
        g_assert_cmpstr (g_array_index (summary->first, LiaEventOccurrence, t).title, ==,
                         g_ptr_array_index (expected, t));
    }
}

/* More events start with a day's third than it lists: their titles
 * decide, as in the list (the month reads only the earliest and those
 * tied with the last of them). */
static void
test_summarize_days_ties (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const titles[] = { "Eve", "Dan", "Cleo", "Bo", "Ana" };
  GDate first;

  add_event (fixture, "Zumba", "2026-03-03T09:00:00", "2026-03-03T10:00:00", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    add_event (fixture, titles[i], "2026-03-03T10:00:00", "2026-03-03T11:00:00", NULL);
  add_event (fixture, "Art Club", "2026-03-03T11:00:00", "2026-03-03T12:00:00", "FREQ=WEEKLY");

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 2, G_DATE_MARCH, 2026);
  assert_summaries_match_list (fixture, NULL, &first, 7);
}

static void
test_summarize_days (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 series = add_event (fixture, "Storytime", "2026-03-03T10:00:00", "2026-03-03T11:00:00",
                             "FREQ=WEEKLY;BYDAY=TU,TH");
  gint64 gone = add_event (fixture, "Old Club", "2026-03-02T18:00:00", "2026-03-02T19:00:00",
                           "FREQ=DAILY");
  g_autoptr(LiaEvent) all_day = new_event ("Book Sale", "2026-03-14", NULL, NULL);
  g_autoptr(LiaEvent) cancelled = new_event ("Cancelled Talk", "2026-03-14T10:00:00", NULL, NULL);
  g_autoptr(GError) error = NULL;
  LiaEventQuery query;
  GDate first;

  add_event (fixture, "Author Reading", "2026-03-03T10:00:00", "2026-03-03T11:00:00", NULL);
  add_event (fixture, "Late Night", "2026-03-31T23:30:00", "2026-04-01T00:30:00", NULL);
  lia_event_set_all_day (all_day, TRUE);
  lia_event_set_tzid (all_day, NULL);
  save (fixture, all_day);
  lia_event_set_status (cancelled, LIA_EVENT_STATUS_CANCELLED);
  save (fixture, cancelled);
  /* The 5 March date moves to the 6th. */
  add_override (fixture, series, "2026-03-05T10:00:00", "Storytime (moved)", "2026-03-06T10:00:00",
                "2026-03-06T11:00:00");
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, gone, &error));
  g_assert_no_error (error);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 2, G_DATE_MARCH, 2026);
  assert_summaries_match_list (fixture, NULL, &first, 42);

  /* With a filter, through the list. */
  lia_event_query_init (&query);
  query.status = LIA_EVENT_STATUS_CANCELLED;
  assert_summaries_match_list (fixture, &query, &first, 42);
}

/* A partner's events go to the trash with it, come back with it, and go
 * for good with it. */
static void
test_trash_partner_events (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 partner = add_partner (fixture, "Maple Garden Club");
  g_autoptr(LiaEvent) event = new_event ("Seed Swap", "2026-03-10T10:00:00", NULL, "FREQ=WEEKLY;COUNT=3");
  g_autoptr(LiaEvent) own = new_event ("Story Hour", "2026-03-11T10:00:00", NULL, NULL);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) trashed = NULL;
  g_autoptr(GArray) restored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from = local_utc (2026, 3, 1), to = local_utc (2026, 4, 1);

  lia_event_set_partner_id (event, partner);
  save (fixture, event);
  save (fixture, own);
  before = lia_store_list_occurrences (fixture->store, NULL, from, to, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 4);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, partner, &error));
  g_assert_no_error (error);
  trashed = lia_store_list_occurrences (fixture->store, NULL, from, to, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trashed->len, ==, 1);
  g_assert_cmpstr (g_array_index (trashed, LiaEventOccurrence, 0).title, ==, "Story Hour");

  g_assert_true (lia_store_restore (fixture->store, LIA_RECORD_PARTNER, partner, &error));
  g_assert_no_error (error);
  restored = lia_store_list_occurrences (fixture->store, NULL, from, to, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (restored->len, ==, 4);

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, partner, &error));
  g_assert_true (lia_store_delete_forever (fixture->store, LIA_RECORD_PARTNER, partner, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_occurrence"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/events/round-trip", test_round_trip);
  ADD ("/events/not-found", test_not_found);
  ADD ("/events/uid", test_uid);
  ADD ("/events/validation", test_validation);
  ADD ("/events/span", test_span);
  ADD ("/events/sequence", test_sequence);
  ADD ("/events/occurrences/series", test_occurrences_series);
  ADD ("/events/occurrences/overrides", test_occurrences_overrides);
  ADD ("/events/occurrences/filters", test_occurrences_filters);
  ADD ("/events/categories", test_categories);
  ADD ("/events/plans-read-indexes", test_plans_read_indexes);
  ADD ("/events/agenda-crowded-day", test_agenda_crowded_day);
  ADD ("/events/occurrences/max-and-order", test_occurrences_max_and_order);
  ADD ("/events/occurrences/trash-and-cancelled", test_occurrences_trash_and_cancelled);
  ADD ("/events/trash/series", test_trash_series);
  ADD ("/events/trash/library-event", test_trash_library_event);
  ADD ("/events/changed", test_changed);
  ADD ("/events/list-events", test_list_events);
  ADD ("/events/occurrences/kept-dates", test_kept_dates);
  ADD ("/events/occurrences/summarize-days", test_summarize_days);
  ADD ("/events/occurrences/summarize-days-ties", test_summarize_days_ties);
  ADD ("/events/trash/partner", test_trash_partner_events);
#undef ADD
  g_test_add_func ("/events/promotion-tier", test_promotion_tier);
  g_test_add_func ("/events/model", test_model);
  g_test_add_func ("/events/enums", test_enums);

  return g_test_run ();
}
