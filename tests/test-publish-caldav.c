/* test-publish-caldav.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CalDAV publisher against a real Radicale started for each test:
 * resources read back with libical, runs that send nothing when nothing
 * changed (and exactly one PUT for one change among 1,000), cancelled and
 * removed events, changes made by someone else (conflicts kept, resolved
 * either way), a wrong password, discovery from the server's root, and
 * runs cut short then resumed without duplicates.
 */

#include "config.h"

#include <string.h>
#include <libical/ical.h>

#include "lia-database.h"
#include "lia-publish-job.h"
#include "lia-publisher.h"
#include "lia-store.h"
#include "lia-target.h"
#include "lia-test-radicale.h"
#include "lia-test-util.h"

#define TZID        "America/Edmonton"
#define USERNAME    "librarian"
#define PASSWORD    "s3cret shelves"
#define TARGET_NAME "Library website"

typedef enum
{
  WITH_CALENDAR,
  WITHOUT_CALENDAR,
  WITHOUT_RADICALE,  /* the test brings its own server */
} FixtureKind;

typedef struct
{
  char            *dir;
  char            *path;
  LiaDatabase     *database;
  LiaStore        *store;
  gint64           now;
  LiaTestRadicale *radicale;
  char            *calendar_url;
  LiaTarget       *target;
} Fixture;

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

static void
save_target (Fixture    *fixture,
             const char *url)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&fixture->target, lia_target_free);
  fixture->target = lia_target_new (TARGET_NAME, LIA_TARGET_CALDAV, url);
  fixture->target->username = g_strdup (USERNAME);
  g_assert_true (lia_target_save (fixture->target, fixture->database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture->target->id, >, 0);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 20, 17, 0, 0);

  fixture->dir = lia_test_make_temp_dir ("publish-caldav");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  fixture->now = g_date_time_to_unix (now);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);

  if (GPOINTER_TO_INT (data) == WITHOUT_RADICALE)
    return;
  fixture->radicale = lia_test_radicale_start (USERNAME, PASSWORD);
  if (GPOINTER_TO_INT (data) == WITH_CALENDAR)
    {
      fixture->calendar_url = lia_test_radicale_make_calendar (fixture->radicale, "events", NULL);
      save_target (fixture, fixture->calendar_url);
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  lia_test_radicale_stop (fixture->radicale);
  g_clear_pointer (&fixture->target, lia_target_free);
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->calendar_url);
}

/* A promoted, confirmed website event of the library. */
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
  lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_promote (event, TRUE);
  lia_event_set_channels (event, LIA_CHANNEL_WEBSITE);

  return event;
}

static void
save_event (Fixture  *fixture,
            LiaEvent *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_event_get_id (event), >, 0);
}

static LiaEvent *
add_event (Fixture    *fixture,
           const char *title,
           const char *dtstart,
           const char *dtend,
           const char *rrule)
{
  LiaEvent *event = new_event (title, dtstart, dtend, rrule);

  save_event (fixture, event);

  return event;
}

static LiaEvent *
reload_event (Fixture  *fixture,
              LiaEvent *event)
{
  g_autoptr(GError) error = NULL;
  LiaEvent *loaded = lia_store_get_event (fixture->store, lia_event_get_id (event), &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  return loaded;
}

/* Saves a new title for @event (a change a calendar shows). */
static void
retitle_event (Fixture    *fixture,
               LiaEvent   *event,
               const char *title)
{
  g_autoptr(LiaEvent) loaded = reload_event (fixture, event);

  fixture->now += 60;
  lia_event_set_title (loaded, title);
  save_event (fixture, loaded);
}

static void
init_options (LiaPublishOptions *options,
              const char        *password)
{
  lia_publish_options_init (options);
  options->password = password;
  options->retry_delay_ms = 50;
  options->context.library_name = "Riverbend Public Library";
  options->context.time_zone = TZID;
}

static LiaPublishReport *
run_full (Fixture                *fixture,
          const char             *password,
          LiaPublishProgressFunc  progress,
          gpointer                user_data,
          GCancellable           *cancellable)
{
  g_autoptr(GError) error = NULL;
  LiaPublishOptions options;
  LiaPublishReport *report;

  init_options (&options, password);
  report = lia_publish_run (fixture->store, fixture->target, &options,
                            progress, user_data, cancellable, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_nonnull (report->plan);

  return report;
}

static LiaPublishReport *
run (Fixture *fixture)
{
  return run_full (fixture, PASSWORD, NULL, NULL, NULL);
}

/* What a run did, step by step: said when an assertion on it fails. */
static void
print_report (LiaPublishReport *report)
{
  g_test_message ("run: %s, %s", lia_publish_run_state_to_nick (report->state),
                  report->message != NULL ? report->message : "(no message)");
  for (guint i = 0; i < report->lines->len; i++)
    {
      LiaPublishLogLine *line = g_ptr_array_index (report->lines, i);

      g_test_message ("  %s %s: %s %s", lia_publish_action_to_nick (line->action), line->item,
                      lia_publish_step_outcome_to_nick (line->outcome),
                      line->message != NULL ? line->message : "");
    }
}

static void
assert_run_ok (LiaPublishReport *report)
{
  if (report->state != LIA_PUBLISH_RUN_OK)
    print_report (report);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_OK);
  g_assert_cmpuint (report->n_conflicts, ==, 0);
  g_assert_cmpuint (report->n_failed, ==, 0);
  g_assert_cmpuint (report->n_pending, ==, 0);
}

static GHashTable *
load_records (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GHashTable *records;

  records = lia_publish_records_load (fixture->database, fixture->target->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);

  return records;
}

static LiaPublishRecord *
get_record (GHashTable *records,
            LiaEvent   *event)
{
  LiaPublishRecord *record = g_hash_table_lookup (records, lia_event_get_uid (event));

  g_assert_nonnull (record);

  return record;
}

static void
assert_all_records_ok (Fixture *fixture,
                       guint    expected)
{
  g_autoptr(GHashTable) records = load_records (fixture);
  GHashTableIter iter;
  LiaPublishRecord *record;

  g_assert_cmpuint (g_hash_table_size (records), ==, expected);
  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &record))
    {
      g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_OK);
      g_assert_nonnull (record->remote_href);
      g_assert_true (g_str_has_prefix (record->remote_href, fixture->calendar_url));
      /* Radicale gives strong ETags: every record can be updated with If-Match. */
      g_assert_nonnull (record->remote_etag);
      g_assert_true (record->remote_etag[0] == '"');
    }
}

/* GETs @href as another client: the status, and its text when 200. */
static guint
get_remote (Fixture     *fixture,
            const char  *href,
            char       **text)
{
  g_autoptr(GBytes) body = NULL;
  guint status;

  status = lia_test_radicale_send (fixture->radicale, "GET", href, NULL, &body, NULL);
  if (text != NULL)
    *text = status == 200 ? g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body)) : NULL;

  return status;
}

static icalcomponent *
parse_calendar (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);

  return calendar;
}

/* The VEVENT of @calendar with @recurrence_id (NULL: the series or single). */
static icalcomponent *
find_vevent (icalcomponent *calendar,
             const char    *recurrence_id)
{
  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *property = icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY);

      if (recurrence_id == NULL && property == NULL)
        return vevent;
      if (recurrence_id != NULL && property != NULL
          && g_str_equal (icalproperty_get_value_as_string (property), recurrence_id))
        return vevent;
    }

  return NULL;
}

static guint
count_vevents (icalcomponent *calendar)
{
  return icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT);
}

/* Every event (series or single) of the calendar, once each: returns how
 * many there are, and fails on any UID held twice. */
static guint
count_remote_events (Fixture *fixture)
{
  g_autofree char *text = lia_test_radicale_get_calendar (fixture->radicale, fixture->calendar_url);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  icalcomponent *calendar;
  guint n = 0;

  calendar = icalparser_parse_string (text);
  if (calendar == NULL)
    return 0;  /* an empty collection */

  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (vevent);

      if (icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY) != NULL)
        continue;
      g_assert_nonnull (uid);
      g_assert_false (g_hash_table_contains (seen, uid));
      g_hash_table_add (seen, g_strdup (uid));
      n++;
    }
  icalcomponent_free (calendar);

  return n;
}

static void
test_first_publish (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaEvent) single = NULL;
  g_autoptr(LiaEvent) series = NULL;
  g_autoptr(LiaEvent) override = NULL;
  g_autoptr(LiaEvent) odd_uid = NULL;
  g_autoptr(LiaEvent) slash_uid = NULL;
  g_autoptr(LiaEvent) hidden = NULL;
  g_autoptr(LiaEvent) draft = NULL;
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishReport) again = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  icalcomponent *calendar;
  icalcomponent *vevent;
  struct icaltimetype dtstart;

  single = add_event (fixture, "Author talk: Prairie winters", "2026-12-03T19:00:00", "2026-12-03T20:30:00", NULL);
  series = add_event (fixture, "Toddler story time", "2026-12-02T10:00:00", "2026-12-02T10:45:00",
                      "FREQ=WEEKLY;COUNT=6");
  /* The third date moves to the afternoon, under another title. */
  override = lia_event_copy (series);
  lia_event_set_id (override, 0);
  lia_event_set_uid (override, lia_event_get_uid (series));
  lia_event_set_rrule (override, NULL);
  lia_event_set_recurrence_of (override, lia_event_get_id (series));
  lia_event_set_recurrence_id (override, "2026-12-16T10:00:00");
  lia_event_set_title (override, "Toddler story time (holiday songs)");
  lia_event_set_dtstart (override, "2026-12-16T14:00:00");
  lia_event_set_dtend (override, "2026-12-16T14:45:00");
  save_event (fixture, override);
  /* UIDs with characters a URL path cannot hold as they are; a slash
   * would be a folder on the server. */
  odd_uid = new_event ("Chess club", "2026-12-05T13:00:00", "2026-12-05T15:00:00", NULL);
  lia_event_set_uid (odd_uid, "chess club 2026?#1%@partner.example.org");
  save_event (fixture, odd_uid);
  slash_uid = new_event ("Lego club", "2026-12-06T13:00:00", "2026-12-06T15:00:00", NULL);
  lia_event_set_uid (slash_uid, "lego/club/2026");
  save_event (fixture, slash_uid);
  /* Neither goes to the website. */
  hidden = new_event ("Staff meeting", "2026-12-04T09:00:00", "2026-12-04T10:00:00", NULL);
  lia_event_set_promote (hidden, FALSE);
  save_event (fixture, hidden);
  draft = new_event ("Maybe a film night", "2026-12-04T18:00:00", "2026-12-04T20:00:00", NULL);
  lia_event_set_status (draft, LIA_EVENT_STATUS_DRAFT);
  save_event (fixture, draft);

  report = run (fixture);
  assert_run_ok (report);
  g_assert_cmpuint (report->plan->n_create, ==, 4);
  g_assert_cmpuint (report->n_done, ==, 4);
  assert_all_records_ok (fixture, 4);
  g_assert_cmpuint (count_remote_events (fixture), ==, 4);

  records = load_records (fixture);

  /* The single event. */
  g_assert_cmpuint (get_remote (fixture, get_record (records, single)->remote_href, &text), ==, 200);
  calendar = parse_calendar (text);
  g_assert_cmpuint (count_vevents (calendar), ==, 1);
  vevent = find_vevent (calendar, NULL);
  g_assert_nonnull (vevent);
  g_assert_cmpstr (icalcomponent_get_uid (vevent), ==, lia_event_get_uid (single));
  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, "Author talk: Prairie winters");
  dtstart = icalcomponent_get_dtstart (vevent);
  g_assert_cmpstr (icaltime_as_ical_string (dtstart), ==, "20261203T190000");
  g_assert_cmpstr (icalproperty_get_parameter_as_string (icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY),
                                                         "TZID"), ==, TZID);
  g_assert_null (icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY));
  icalcomponent_free (calendar);
  g_clear_pointer (&text, g_free);

  /* The series travels with its override, in one resource. */
  g_assert_cmpuint (get_remote (fixture, get_record (records, series)->remote_href, &text), ==, 200);
  calendar = parse_calendar (text);
  g_assert_cmpuint (count_vevents (calendar), ==, 2);
  vevent = find_vevent (calendar, NULL);
  g_assert_nonnull (vevent);
  g_assert_cmpstr (icalcomponent_get_uid (vevent), ==, lia_event_get_uid (series));
  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, "Toddler story time");
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (vevent)), ==, "20261202T100000");
  g_assert_cmpstr (icalproperty_get_value_as_string (icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY)),
                   ==, "FREQ=WEEKLY;COUNT=6");
  vevent = find_vevent (calendar, "20261216T100000");
  g_assert_nonnull (vevent);
  g_assert_cmpstr (icalcomponent_get_uid (vevent), ==, lia_event_get_uid (series));
  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, "Toddler story time (holiday songs)");
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (vevent)), ==, "20261216T140000");
  icalcomponent_free (calendar);
  g_clear_pointer (&text, g_free);

  /* The odd UIDs: safe names, the UIDs themselves inside. */
  g_assert_true (g_str_has_suffix (get_record (records, odd_uid)->remote_href,
                                   "/chess%20club%202026%3F%231%25@partner.example.org.ics"));
  g_assert_cmpuint (get_remote (fixture, get_record (records, odd_uid)->remote_href, &text), ==, 200);
  calendar = parse_calendar (text);
  g_assert_cmpstr (icalcomponent_get_uid (find_vevent (calendar, NULL)), ==, "chess club 2026?#1%@partner.example.org");
  icalcomponent_free (calendar);
  g_clear_pointer (&text, g_free);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "lego/club/2026", -1);
  name = g_strdup_printf ("/events/liaison-%s.ics", hash);
  g_assert_true (g_str_has_suffix (get_record (records, slash_uid)->remote_href, name));
  g_assert_cmpuint (get_remote (fixture, get_record (records, slash_uid)->remote_href, &text), ==, 200);
  calendar = parse_calendar (text);
  g_assert_cmpstr (icalcomponent_get_uid (find_vevent (calendar, NULL)), ==, "lego/club/2026");
  icalcomponent_free (calendar);

  g_assert_null (g_hash_table_lookup (records, lia_event_get_uid (hidden)));
  g_assert_null (g_hash_table_lookup (records, lia_event_get_uid (draft)));

  /* Nothing changed: nothing sent but the look at the collection. */
  again = run (fixture);
  assert_run_ok (again);
  g_assert_cmpuint (again->plan->steps->len, ==, 0);
  g_assert_cmpuint (again->plan->n_unchanged, ==, 4);
  g_assert_cmpuint (again->n_done, ==, 0);
  g_assert_cmpuint (again->n_requests, <=, 1);
  assert_all_records_ok (fixture, 4);
}

static void
test_one_change_among_many (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *text = NULL;
  LiaPublishRecord *old_record;
  LiaPublishRecord *new_record;
  LiaPublishStep *step;
  LiaEvent *changed;
  icalcomponent *calendar;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Program %u", i);
      g_autofree char *dtstart = g_strdup_printf ("2026-12-%02uT%02u:00:00", 1 + i % 28, 9 + i % 10);
      g_autofree char *dtend = g_strdup_printf ("2026-12-%02uT%02u:45:00", 1 + i % 28, 9 + i % 10);

      g_ptr_array_add (events, add_event (fixture, title, dtstart, dtend, NULL));
    }

  first = run (fixture);
  assert_run_ok (first);
  g_assert_cmpuint (first->plan->n_create, ==, 1000);
  g_assert_cmpuint (first->n_done, ==, 1000);
  /* One PROPFIND of the collection, then one PUT per event: Radicale's
   * ETags are strong, so none is read back. On a loaded machine a PUT
   * may time out and be sent again (the job retries passing failures), so
   * a few more are allowed here; the incremental run below is exact. */
  g_assert_cmpuint (first->n_requests, >=, 1 + 1000);
  g_assert_cmpuint (first->n_requests, <=, 1 + 1000 + 10);
  before = load_records (fixture);

  changed = g_ptr_array_index (events, 617);
  retitle_event (fixture, changed, "Program 617 (new room)");

  second = run (fixture);
  assert_run_ok (second);
  g_assert_cmpuint (second->plan->steps->len, ==, 1);
  g_assert_cmpuint (second->plan->n_update, ==, 1);
  g_assert_cmpuint (second->plan->n_unchanged, ==, 999);
  step = g_ptr_array_index (second->plan->steps, 0);
  g_assert_cmpint (step->action, ==, LIA_PUBLISH_UPDATE);
  g_assert_cmpstr (step->item->item, ==, lia_event_get_uid (changed));
  g_assert_cmpuint (second->n_done, ==, 1);
  /* The discovery PROPFIND and exactly one PUT. */
  g_assert_cmpuint (second->n_requests, ==, 1 + 1);

  after = load_records (fixture);
  old_record = get_record (before, changed);
  new_record = get_record (after, changed);
  g_assert_cmpstr (new_record->remote_href, ==, old_record->remote_href);
  g_assert_cmpstr (new_record->remote_etag, !=, old_record->remote_etag);
  g_assert_cmpuint (get_remote (fixture, new_record->remote_href, &text), ==, 200);
  calendar = parse_calendar (text);
  g_assert_cmpstr (icalcomponent_get_summary (find_vevent (calendar, NULL)), ==, "Program 617 (new room)");
  icalcomponent_free (calendar);

  /* The others were not touched. */
  for (guint i = 0; i < events->len; i++)
    {
      LiaEvent *event = g_ptr_array_index (events, i);

      if (event != changed)
        g_assert_cmpstr (get_record (after, event)->remote_etag, ==, get_record (before, event)->remote_etag);
    }
  g_assert_cmpuint (count_remote_events (fixture), ==, 1000);
}

static void
test_cancelled_and_removed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaEvent) kept = NULL;
  g_autoptr(LiaEvent) cancelled = NULL;
  g_autoptr(LiaEvent) trashed = NULL;
  g_autoptr(LiaEvent) unpromoted = NULL;
  g_autoptr(LiaEvent) loaded = NULL;
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(LiaPublishReport) third = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  icalcomponent *vevent;

  kept = add_event (fixture, "Knitting circle", "2026-12-07T14:00:00", "2026-12-07T16:00:00", NULL);
  cancelled = add_event (fixture, "Holiday concert", "2026-12-12T19:00:00", "2026-12-12T21:00:00", NULL);
  trashed = add_event (fixture, "Seed library launch", "2026-12-14T11:00:00", "2026-12-14T12:00:00", NULL);
  unpromoted = add_event (fixture, "Tax clinic", "2026-12-15T09:00:00", "2026-12-15T17:00:00", NULL);

  first = run (fixture);
  assert_run_ok (first);
  g_assert_cmpuint (first->n_done, ==, 4);
  g_assert_cmpuint (count_remote_events (fixture), ==, 4);

  fixture->now += 60;
  loaded = reload_event (fixture, cancelled);
  lia_event_set_status (loaded, LIA_EVENT_STATUS_CANCELLED);
  save_event (fixture, loaded);
  g_clear_object (&loaded);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, lia_event_get_id (trashed), &error));
  g_assert_no_error (error);
  loaded = reload_event (fixture, unpromoted);
  lia_event_set_promote (loaded, FALSE);
  save_event (fixture, loaded);

  second = run (fixture);
  assert_run_ok (second);
  g_assert_cmpuint (second->plan->n_update, ==, 1);
  g_assert_cmpuint (second->plan->n_delete, ==, 2);
  g_assert_cmpuint (second->plan->n_create, ==, 0);
  g_assert_cmpuint (second->n_done, ==, 3);

  records = load_records (fixture);
  /* Cancelled: still there, saying so. */
  g_assert_cmpint (get_record (records, cancelled)->state, ==, LIA_PUBLISH_STATE_OK);
  g_assert_cmpuint (get_remote (fixture, get_record (records, cancelled)->remote_href, &text), ==, 200);
  calendar = parse_calendar (text);
  vevent = find_vevent (calendar, NULL);
  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, "Holiday concert");
  g_assert_cmpint (icalcomponent_get_status (vevent), ==, ICAL_STATUS_CANCELLED);
  icalcomponent_free (calendar);

  /* Trashed and no longer promoted: gone from the server. */
  g_assert_cmpint (get_record (records, trashed)->state, ==, LIA_PUBLISH_STATE_DELETED);
  g_assert_cmpuint (get_remote (fixture, get_record (records, trashed)->remote_href, NULL), ==, 404);
  g_assert_cmpint (get_record (records, unpromoted)->state, ==, LIA_PUBLISH_STATE_DELETED);
  g_assert_cmpuint (get_remote (fixture, get_record (records, unpromoted)->remote_href, NULL), ==, 404);
  g_assert_cmpint (get_record (records, kept)->state, ==, LIA_PUBLISH_STATE_OK);
  g_assert_cmpuint (get_remote (fixture, get_record (records, kept)->remote_href, NULL), ==, 200);
  g_assert_cmpuint (count_remote_events (fixture), ==, 2);

  /* Deleted once is deleted: the next run has nothing to do. */
  third = run (fixture);
  assert_run_ok (third);
  g_assert_cmpuint (third->plan->steps->len, ==, 0);
}

/* Someone else edits @event's resource with another calendar client: a
 * plain PUT of their own text, another SUMMARY. */
static void
edit_remotely (Fixture    *fixture,
               const char *href,
               const char *old_title,
               const char *new_title)
{
  g_autofree char *text = NULL;
  g_autofree char *needle = g_strdup_printf ("SUMMARY:%s", old_title);
  g_autofree char *replacement = g_strdup_printf ("SUMMARY:%s", new_title);
  g_autoptr(GString) theirs = NULL;

  g_assert_cmpuint (get_remote (fixture, href, &text), ==, 200);
  theirs = g_string_new (text);
  g_assert_cmpuint (g_string_replace (theirs, needle, replacement, 1), ==, 1);
  g_assert_cmpuint (lia_test_radicale_send (fixture->radicale, "PUT", href, theirs->str, NULL, NULL), ==, 201);
}

static char *
remote_summary (Fixture    *fixture,
                const char *href)
{
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  char *summary;

  g_assert_cmpuint (get_remote (fixture, href, &text), ==, 200);
  calendar = parse_calendar (text);
  summary = g_strdup (icalcomponent_get_summary (find_vevent (calendar, NULL)));
  icalcomponent_free (calendar);

  return summary;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (text, needle) != NULL;
}

/* Publishes @event, lets someone else retitle it on the server, changes
 * ours too and runs: a conflict, their copy untouched. Returns the href. */
static char *
make_conflict (Fixture  *fixture,
               LiaEvent *event)
{
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(LiaPublishReport) third = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autofree char *summary = NULL;
  LiaPublishRecord *record;
  char *href;

  first = run (fixture);
  assert_run_ok (first);
  records = load_records (fixture);
  href = g_strdup (get_record (records, event)->remote_href);
  g_clear_pointer (&records, g_hash_table_unref);

  edit_remotely (fixture, href, "Board games night", "Board games night (moved to the annex)");
  retitle_event (fixture, event, "Board games night for teens");

  second = run (fixture);
  if (second->n_conflicts != 1)
    print_report (second);
  g_assert_cmpint (second->state, ==, LIA_PUBLISH_RUN_PARTIAL);
  g_assert_cmpuint (second->n_conflicts, ==, 1);
  g_assert_cmpuint (second->n_done, ==, 0);
  records = load_records (fixture);
  record = get_record (records, event);
  g_assert_cmpint (record->state, ==, LIA_PUBLISH_STATE_CONFLICT);
  summary = remote_summary (fixture, href);
  g_assert_cmpstr (summary, ==, "Board games night (moved to the annex)");
  g_clear_pointer (&summary, g_free);

  /* A conflict waits for the user: the next run leaves it alone. */
  third = run (fixture);
  g_assert_cmpuint (third->plan->n_conflict, ==, 1);
  g_assert_cmpuint (third->n_done, ==, 0);
  summary = remote_summary (fixture, href);
  g_assert_cmpstr (summary, ==, "Board games night (moved to the annex)");

  return href;
}

static void
test_conflict_keep_ours (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(LiaEvent) other = NULL;
  g_autoptr(LiaPublishReport) after = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *href = NULL;
  g_autofree char *summary = NULL;
  LiaPublishOptions options;

  event = add_event (fixture, "Board games night", "2026-12-11T18:00:00", "2026-12-11T21:00:00", NULL);
  other = add_event (fixture, "Coding club", "2026-12-10T16:00:00", "2026-12-10T17:30:00", NULL);
  href = make_conflict (fixture, event);

  init_options (&options, PASSWORD);
  g_assert_true (lia_publish_fetch_conflict (fixture->store, fixture->target, lia_event_get_uid (event),
                                             &options, &ours, &theirs, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (ours);
  g_assert_nonnull (theirs);
  g_assert_true (bytes_contain (ours, "SUMMARY:Board games night for teens"));
  g_assert_true (bytes_contain (theirs, "SUMMARY:Board games night (moved to the annex)"));

  g_assert_true (lia_publish_resolve (fixture->store, fixture->target, lia_event_get_uid (event),
                                      LIA_RESOLVE_KEEP_OURS, &options, NULL, &error));
  g_assert_no_error (error);

  summary = remote_summary (fixture, href);
  g_assert_cmpstr (summary, ==, "Board games night for teens");
  records = load_records (fixture);
  g_assert_cmpint (get_record (records, event)->state, ==, LIA_PUBLISH_STATE_OK);

  after = run (fixture);
  assert_run_ok (after);
  g_assert_cmpuint (after->plan->steps->len, ==, 0);
  assert_all_records_ok (fixture, 2);
  g_assert_cmpuint (count_remote_events (fixture), ==, 2);
}

static void
test_conflict_take_theirs (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(LiaEvent) loaded = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *href = NULL;
  g_autofree char *summary = NULL;
  LiaPublishOptions options;

  event = add_event (fixture, "Board games night", "2026-12-11T18:00:00", "2026-12-11T21:00:00", NULL);
  href = make_conflict (fixture, event);

  init_options (&options, PASSWORD);
  g_assert_true (lia_publish_resolve (fixture->store, fixture->target, lia_event_get_uid (event),
                                      LIA_RESOLVE_TAKE_THEIRS, &options, NULL, &error));
  g_assert_no_error (error);

  /* Their title is ours now; theirs stays on the server. */
  loaded = reload_event (fixture, event);
  g_assert_cmpstr (lia_event_get_title (loaded), ==, "Board games night (moved to the annex)");
  summary = remote_summary (fixture, href);
  g_assert_cmpstr (summary, ==, "Board games night (moved to the annex)");
  records = load_records (fixture);
  g_assert_cmpint (get_record (records, event)->state, !=, LIA_PUBLISH_STATE_CONFLICT);
  g_assert_cmpuint (count_remote_events (fixture), ==, 1);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(GHashTable) records = NULL;
  GHashTableIter iter;
  LiaPublishRecord *record;

  event = add_event (fixture, "Knitting circle", "2026-12-07T14:00:00", "2026-12-07T16:00:00", NULL);

  report = run_full (fixture, "not the password", NULL, NULL, NULL);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_FAILED);
  g_assert_nonnull (report->message);
  g_assert_nonnull (strstr (report->message, TARGET_NAME));
  g_assert_cmpuint (report->n_done, ==, 0);

  records = load_records (fixture);
  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &record))
    g_assert_cmpint (record->state, !=, LIA_PUBLISH_STATE_OK);
  g_assert_cmpuint (count_remote_events (fixture), ==, 0);
}

static void
test_discovery_from_root (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *other_url = NULL;
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishReport) again = NULL;
  g_autofree char *other = NULL;

  /* Two calendars: the one named after the target is chosen. */
  other_url = lia_test_radicale_make_calendar (fixture->radicale, "staff", "Staff rota");
  fixture->calendar_url = lia_test_radicale_make_calendar (fixture->radicale, "website", TARGET_NAME);
  save_target (fixture, lia_test_radicale_get_url (fixture->radicale));

  event = add_event (fixture, "Knitting circle", "2026-12-07T14:00:00", "2026-12-07T16:00:00", NULL);
  report = run (fixture);
  assert_run_ok (report);
  g_assert_cmpuint (report->n_done, ==, 1);
  assert_all_records_ok (fixture, 1);
  g_assert_cmpuint (count_remote_events (fixture), ==, 1);
  other = lia_test_radicale_get_calendar (fixture->radicale, other_url);
  g_assert_null (strstr (other, "Knitting circle"));

  /* Root, principal, calendar home: three PROPFINDs at most. */
  again = run (fixture);
  assert_run_ok (again);
  g_assert_cmpuint (again->plan->steps->len, ==, 0);
  g_assert_cmpuint (again->n_requests, <=, 3);
}

static void
test_discovery_single_calendar (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *principal_url = NULL;
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(LiaPublishReport) report = NULL;

  /* The only calendar, whatever its name; from the principal's URL. */
  fixture->calendar_url = lia_test_radicale_make_calendar (fixture->radicale, "anything", "Calendar");
  principal_url = g_strdup_printf ("%s%s/", lia_test_radicale_get_url (fixture->radicale), USERNAME);
  save_target (fixture, principal_url);

  event = add_event (fixture, "Knitting circle", "2026-12-07T14:00:00", "2026-12-07T16:00:00", NULL);
  report = run (fixture);
  assert_run_ok (report);
  assert_all_records_ok (fixture, 1);
  g_assert_cmpuint (count_remote_events (fixture), ==, 1);
}

static void
test_discovery_no_calendar (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaHttp) http = NULL;
  g_autoptr(LiaPublisher) publisher = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GError) error = NULL;
  LiaPublishContext context = { 0 };

  save_target (fixture, lia_test_radicale_get_url (fixture->radicale));
  event = add_event (fixture, "Knitting circle", "2026-12-07T14:00:00", "2026-12-07T16:00:00", NULL);

  http = lia_http_new (fixture->target->url, USERNAME, PASSWORD, &error);
  g_assert_no_error (error);
  publisher = lia_caldav_publisher_new (fixture->target, http, &context);
  g_assert_false (lia_publisher_prepare (publisher, NULL, &error));
  g_assert_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no calendar"));
  g_assert_nonnull (strstr (error->message, TARGET_NAME));

  report = run (fixture);
  g_assert_cmpint (report->state, ==, LIA_PUBLISH_RUN_FAILED);
  g_assert_nonnull (report->message);
  g_assert_nonnull (strstr (report->message, "no calendar"));
  g_assert_cmpuint (report->n_done, ==, 0);
  records = load_records (fixture);
  g_assert_cmpuint (g_hash_table_size (records), ==, 0);
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_after;
} CancelAfter;

static void
cancel_after_cb (const LiaPublishLogLine *line,
                 guint                    n_completed,
                 guint                    n_steps,
                 gpointer                 user_data)
{
  CancelAfter *cancel = user_data;

  if (n_completed >= cancel->cancel_after)
    g_cancellable_cancel (cancel->cancellable);
}

static void
test_interrupted_run (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  CancelAfter cancel = { cancellable, 12 };

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Homework help %u", i);
      g_autofree char *dtstart = g_strdup_printf ("2026-12-%02uT16:00:00", 1 + i % 28);
      g_autofree char *dtend = g_strdup_printf ("2026-12-%02uT17:00:00", 1 + i % 28);

      g_ptr_array_add (events, add_event (fixture, title, dtstart, dtend, NULL));
    }

  first = run_full (fixture, PASSWORD, cancel_after_cb, &cancel, cancellable);
  g_assert_cmpint (first->state, ==, LIA_PUBLISH_RUN_CANCELLED);
  g_assert_cmpuint (first->n_done, >=, 12);
  g_assert_cmpuint (first->n_done, <, 40);

  second = run (fixture);
  assert_run_ok (second);
  g_assert_cmpuint (first->n_done + second->n_done, >=, 40);
  assert_all_records_ok (fixture, 40);
  g_assert_cmpuint (count_remote_events (fixture), ==, 40);
}

/* A run that stopped after the server stored its steps but before they
 * were recorded: the next run's creates meet their own copies (412) and
 * take them, unless someone changed one meanwhile. */
static void
test_stored_not_recorded (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LiaPublishReport) first = NULL;
  g_autoptr(LiaPublishReport) second = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autofree char *href = NULL;
  g_autofree char *summary = NULL;
  char *sql_error = NULL;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Book club %u", i);
      g_autofree char *dtstart = g_strdup_printf ("2026-12-%02uT18:30:00", 1 + i);
      g_autofree char *dtend = g_strdup_printf ("2026-12-%02uT20:00:00", 1 + i);

      g_ptr_array_add (events, add_event (fixture, title, dtstart, dtend, NULL));
    }

  first = run (fixture);
  assert_run_ok (first);
  records = load_records (fixture);
  href = g_strdup (get_record (records, g_ptr_array_index (events, 4))->remote_href);
  edit_remotely (fixture, href, "Book club 4", "Book club 4 (their notes)");

  sqlite3_exec (lia_database_get_handle (fixture->database),
                "DELETE FROM publish_record", NULL, NULL, &sql_error);
  g_assert_null (sql_error);

  second = run (fixture);
  if (second->n_done != 5)
    print_report (second);
  g_assert_cmpuint (second->plan->n_create, ==, 6);
  g_assert_cmpuint (second->n_done, ==, 5);
  g_assert_cmpuint (second->n_conflicts, ==, 1);
  g_clear_pointer (&records, g_hash_table_unref);
  records = load_records (fixture);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (get_record (records, g_ptr_array_index (events, i))->state, ==,
                     i == 4 ? LIA_PUBLISH_STATE_CONFLICT : LIA_PUBLISH_STATE_OK);
  summary = remote_summary (fixture, href);
  g_assert_cmpstr (summary, ==, "Book club 4 (their notes)");
  g_assert_cmpuint (count_remote_events (fixture), ==, 6);
}


/* A CalDAV server of another make, in-process (a thread and main context
 * of its own, since a run blocks this one): other namespace prefixes than
 * Radicale's, a decoy element of another namespace, a calendar for tasks
 * only beside the one for events, and weak ETags after a PUT, so that the
 * publisher must read the strong one back. It checks If-Match and
 * If-None-Match as Radicale does. */
typedef struct
{
  GMutex        lock;
  GCond         ready_cond;
  gboolean      ready;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  SoupServer   *server;
  char         *url;
  GHashTable   *bodies;   /* path → GBytes */
  GHashTable   *etags;    /* path → strong ETag */
  guint         serial;
  guint         n_put, n_propfind, n_other;
} ContractServer;

#define CONTRACT_CALENDAR "/home/events/"

static const char contract_root[] =
  "<?xml version=\"1.0\"?>"
  "<D:multistatus xmlns:D=\"DAV:\"><D:response><D:href>/</D:href><D:propstat><D:prop>"
  "<z:current-user-principal xmlns:z=\"urn:example:not-dav\"><D:href>/decoy/</D:href></z:current-user-principal>"
  "<D:current-user-principal><D:href>/p/</D:href></D:current-user-principal>"
  "<D:resourcetype><D:collection/></D:resourcetype>"
  "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>"
  "<D:propstat><D:prop><cal:calendar-home-set xmlns:cal=\"urn:ietf:params:xml:ns:caldav\"/></D:prop>"
  "<D:status>HTTP/1.1 404 Not Found</D:status></D:propstat></D:response></D:multistatus>";

static const char contract_principal[] =
  "<?xml version=\"1.0\"?>"
  "<multistatus xmlns=\"DAV:\" xmlns:cal=\"urn:ietf:params:xml:ns:caldav\"><response><href>/p/</href>"
  "<propstat><prop><cal:calendar-home-set><href>/home/</href></cal:calendar-home-set></prop>"
  "<status>HTTP/1.1 200 OK</status></propstat></response></multistatus>";

static const char contract_home[] =
  "<?xml version=\"1.0\"?>"
  "<d:multistatus xmlns:d=\"DAV:\">"
  "<d:response><d:href>/home/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype>"
  "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
  "<d:response xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><d:href>/home/tasks/</d:href><d:propstat><d:prop>"
  "<d:resourcetype><d:collection/><C:calendar/></d:resourcetype><d:displayname>Tasks</d:displayname>"
  "<C:supported-calendar-component-set><C:comp name=\"VTODO\"/></C:supported-calendar-component-set>"
  "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
  "<d:response><d:href>http://example.org/home/events/</d:href><d:propstat><d:prop>"
  "<d:resourcetype><d:collection/><X:calendar xmlns:X=\"urn:ietf:params:xml:ns:caldav\"/></d:resourcetype>"
  "<d:displayname>Events &amp; programs</d:displayname>"
  "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
  "</d:multistatus>";

static void
contract_reply (SoupServerMessage *message,
                guint              status,
                const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (message, "application/xml; charset=utf-8", SOUP_MEMORY_COPY,
                                      body, strlen (body));
}

static void
contract_propfind (ContractServer    *self,
                   SoupServerMessage *message,
                   const char        *path)
{
  const char *etag = g_hash_table_lookup (self->etags, path);

  self->n_propfind++;
  if (g_str_equal (path, "/"))
    contract_reply (message, 207, contract_root);
  else if (g_str_equal (path, "/p/"))
    contract_reply (message, 207, contract_principal);
  else if (g_str_equal (path, "/home/"))
    contract_reply (message, 207, contract_home);
  else if (etag != NULL)
    {
      g_autofree char *body = NULL;

      body = g_strdup_printf ("<?xml version=\"1.0\"?><multistatus xmlns=\"DAV:\"><response><href>%s</href>"
                              "<propstat><prop><getetag>%s</getetag></prop><status>HTTP/1.1 200 OK</status>"
                              "</propstat></response></multistatus>", path, etag);
      contract_reply (message, 207, body);
    }
  else
    contract_reply (message, 404, NULL);
}

static void
contract_write (ContractServer    *self,
                SoupServerMessage *message,
                const char        *method,
                const char        *path)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  const char *if_match = soup_message_headers_get_one (headers, "If-Match");
  const char *if_none_match = soup_message_headers_get_one (headers, "If-None-Match");
  const char *etag = g_hash_table_lookup (self->etags, path);

  if ((if_match != NULL && g_strcmp0 (if_match, etag) != 0) || (if_none_match != NULL && etag != NULL))
    {
      contract_reply (message, 412, NULL);
      return;
    }

  if (g_str_equal (method, "DELETE"))
    {
      self->n_other++;
      g_hash_table_remove (self->bodies, path);
      g_hash_table_remove (self->etags, path);
      contract_reply (message, etag != NULL ? 204 : 404, NULL);
      return;
    }

  self->n_put++;
  g_hash_table_replace (self->bodies, g_strdup (path),
                        soup_message_body_flatten (soup_server_message_get_request_body (message)));
  g_hash_table_replace (self->etags, g_strdup (path), g_strdup_printf ("\"strong-%u\"", ++self->serial));
  contract_reply (message, etag != NULL ? 204 : 201, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "ETag", "W/\"weak\"");
}

static void
on_contract_request_cb (SoupServer        *server,
                        SoupServerMessage *message,
                        const char        *path,
                        GHashTable        *query,
                        gpointer           user_data)
{
  ContractServer *self = user_data;
  const char *method = soup_server_message_get_method (message);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  if (g_str_equal (method, "PROPFIND"))
    contract_propfind (self, message, path);
  else if (!g_str_has_prefix (path, CONTRACT_CALENDAR))
    contract_reply (message, 403, NULL);
  else if (g_str_equal (method, "PUT") || g_str_equal (method, "DELETE"))
    contract_write (self, message, method, path);
  else if (g_str_equal (method, "GET") && g_hash_table_contains (self->bodies, path))
    {
      GBytes *body = g_hash_table_lookup (self->bodies, path);

      self->n_other++;
      soup_server_message_set_status (message, 200, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "ETag",
                                    g_hash_table_lookup (self->etags, path));
      soup_server_message_set_response (message, "text/calendar", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  else
    contract_reply (message, 404, NULL);
}

static gpointer
contract_server_thread (gpointer data)
{
  ContractServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, on_contract_request_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);

  g_mutex_lock (&self->lock);
  self->url = g_uri_to_string (uris->data);
  self->ready = TRUE;
  g_cond_signal (&self->ready_cond);
  g_mutex_unlock (&self->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static ContractServer *
contract_server_start (void)
{
  ContractServer *self = g_new0 (ContractServer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->ready_cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->thread = g_thread_new ("caldav-contract", contract_server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->ready_cond, &self->lock);
  g_mutex_unlock (&self->lock);

  return self;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static void
contract_server_stop (ContractServer *self)
{
  g_main_context_invoke (self->context, quit_loop_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_hash_table_unref (self->bodies);
  g_hash_table_unref (self->etags);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready_cond);
  g_free (self->url);
  g_free (self);
}

static void
test_contract_server (Fixture       *fixture,
                      gconstpointer  data)
{
  ContractServer *server = contract_server_start ();
  g_autoptr(LiaEvent) first = NULL;
  g_autoptr(LiaEvent) second = NULL;
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublishReport) update = NULL;
  g_autoptr(LiaPublishReport) removal = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar_url = g_strconcat (server->url, CONTRACT_CALENDAR + 1, NULL);
  LiaPublishRecord *record;

  save_target (fixture, server->url);
  first = add_event (fixture, "Knitting circle", "2026-12-07T14:00:00", "2026-12-07T16:00:00", NULL);
  second = add_event (fixture, "Coding club", "2026-12-10T16:00:00", "2026-12-10T17:30:00", NULL);

  /* Root, principal, home; then each PUT and the PROPFIND that reads its
   * strong ETag back. */
  report = run (fixture);
  assert_run_ok (report);
  g_assert_cmpuint (report->n_done, ==, 2);
  g_assert_cmpuint (server->n_put, ==, 2);
  g_assert_cmpuint (server->n_propfind, ==, 3 + 2);
  g_assert_cmpuint (report->n_requests, ==, 3 + 2 + 2);
  records = load_records (fixture);
  for (guint i = 0; i < 2; i++)
    {
      record = get_record (records, i == 0 ? first : second);
      /* The calendar's href named another host: only its path is taken. */
      g_assert_true (g_str_has_prefix (record->remote_href, calendar_url));
      g_assert_cmpstr (record->remote_etag, ==,
                       g_hash_table_lookup (server->etags, record->remote_href + strlen (server->url) - 1));
    }
  g_clear_pointer (&records, g_hash_table_unref);

  /* An update goes with If-Match on the strong ETag (the server checks). */
  retitle_event (fixture, first, "Knitting circle (beginners welcome)");
  update = run (fixture);
  assert_run_ok (update);
  g_assert_cmpuint (update->n_done, ==, 1);
  g_assert_cmpuint (server->n_put, ==, 3);
  records = load_records (fixture);
  record = get_record (records, first);
  g_assert_cmpstr (record->remote_etag, ==,
                   g_hash_table_lookup (server->etags, record->remote_href + strlen (server->url) - 1));
  g_clear_pointer (&records, g_hash_table_unref);

  /* So does a delete. */
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, lia_event_get_id (second), &error));
  g_assert_no_error (error);
  removal = run (fixture);
  assert_run_ok (removal);
  g_assert_cmpuint (removal->plan->n_delete, ==, 1);
  g_assert_cmpuint (g_hash_table_size (server->bodies), ==, 1);

  contract_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, kind, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (kind), fixture_setup, func, fixture_teardown)

  ADD ("/publish-caldav/first-publish", WITH_CALENDAR, test_first_publish);
  ADD ("/publish-caldav/one-change-among-1000", WITH_CALENDAR, test_one_change_among_many);
  ADD ("/publish-caldav/cancelled-and-removed", WITH_CALENDAR, test_cancelled_and_removed);
  ADD ("/publish-caldav/conflict-keep-ours", WITH_CALENDAR, test_conflict_keep_ours);
  ADD ("/publish-caldav/conflict-take-theirs", WITH_CALENDAR, test_conflict_take_theirs);
  ADD ("/publish-caldav/wrong-password", WITH_CALENDAR, test_wrong_password);
  ADD ("/publish-caldav/discovery-from-root", WITHOUT_CALENDAR, test_discovery_from_root);
  ADD ("/publish-caldav/discovery-single-calendar", WITHOUT_CALENDAR, test_discovery_single_calendar);
  ADD ("/publish-caldav/discovery-no-calendar", WITHOUT_CALENDAR, test_discovery_no_calendar);
  ADD ("/publish-caldav/interrupted-run", WITH_CALENDAR, test_interrupted_run);
  ADD ("/publish-caldav/stored-not-recorded", WITH_CALENDAR, test_stored_not_recorded);
  ADD ("/publish-caldav/contract-server", WITHOUT_RADICALE, test_contract_server);

#undef ADD

  return g_test_run ();
}
