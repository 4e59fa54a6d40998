/* bench-publish.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first publish of 1,000 events (a tenth of them weekly series) to a
 * local Radicale: lia_publish_run() into a fresh calendar, from the plan to
 * the last record. Reference: vdirsyncer 0.19 (the Debian package) syncing
 * the same 1,000 resources — the bytes Liaison sends, one .ics file each —
 * from a filesystem storage into another fresh calendar of the same
 * server, in the same run (its discovery is left out of its time; Liaison's
 * is in). Budget: a ratio of 1, Liaison at least as fast.
 *
 * Radicale writes one resource at a time and a PUT costs more as the
 * calendar grows, so either takes about a minute: one run of each.
 */

#include "config.h"

#include <string.h>
#include <libical/ical.h>

#include "lia-database.h"
#include "lia-event.h"
#include "lia-ical.h"
#include "lia-publish-job.h"
#include "lia-store.h"
#include "lia-target.h"
#include "lia-test-radicale.h"
#include "lia-test-util.h"

#define N_EVENTS   1000
#define BUDGET     1.0
#define USERNAME   "librarian"
#define PASSWORD   "bench-password"
#define VDIRSYNCER "/usr/bin/vdirsyncer"

static void
fill_store (LiaStore *store)
{
  LiaDatabase *db = lia_store_get_database (store);
  g_autoptr(GError) error = NULL;

  if (!lia_database_begin (db, &error))
    g_error ("begin: %s", error->message);

  for (guint i = 0; i < N_EVENTS; i++)
    {
      g_autoptr(LiaEvent) event = lia_event_new ();
      g_autofree char *title = g_strdup_printf ("Program %u: crafts, stories; and snacks", i);
      g_autofree char *dtstart = g_strdup_printf ("2027-%02u-%02uT%02u:30:00", 1 + i % 6, 1 + i % 28, 9 + i % 9);
      g_autofree char *dtend = g_strdup_printf ("2027-%02u-%02uT%02u:00:00", 1 + i % 6, 1 + i % 28, 11 + i % 9);

      lia_event_set_title (event, title);
      lia_event_set_description (event, "Bring a friend, a snack; and your questions.\nRegistration opens a month before.");
      lia_event_set_dtstart (event, dtstart);
      lia_event_set_dtend (event, dtend);
      lia_event_set_tzid (event, "America/Edmonton");
      if (i % 10 == 0)
        lia_event_set_rrule (event, "FREQ=WEEKLY;COUNT=10");
      lia_event_set_venue_name (event, "Riverbend Public Library");
      lia_event_set_venue_address (event, "4410 51 Avenue, Riverbend, AB T9R 0P0");
      lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
      lia_event_set_promote (event, TRUE);
      lia_event_set_channels (event, LIA_CHANNEL_WEBSITE);
      if (!lia_store_save_event (store, event, &error))
        g_error ("save: %s", error->message);
    }

  if (!lia_database_commit (db, &error))
    g_error ("commit: %s", error->message);
}

static GDateTime *
get_bench_now (gpointer user_data)
{
  return g_date_time_new_utc (2026, 12, 1, 12, 0, 0);
}

/* The resources Liaison would send, one file each, for vdirsyncer. */
static void
write_resources (LiaStore   *store,
                 LiaTarget  *target,
                 const char *folder)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GDateTime) now = lia_store_dup_now (store);
  g_autoptr(GError) error = NULL;

  if (!(ids = lia_target_select_event_ids (target, lia_store_get_database (store),
                                           g_date_time_to_unix (now), &error)))
    g_error ("select: %s", error->message);
  g_assert_cmpuint (ids->len, ==, N_EVENTS);

  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GBytes) bytes = lia_ical_export_resource (store, id, &error);
      g_autofree char *name = g_strdup_printf ("event-%" G_GINT64_FORMAT ".ics", id);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (bytes == NULL
          || !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        g_error ("export: %s", error->message);
    }
}

/* How many events (series or single) the calendar holds. */
static guint
count_events (LiaTestRadicale *radicale,
              const char      *calendar_url)
{
  g_autofree char *text = lia_test_radicale_get_calendar (radicale, calendar_url);
  icalcomponent *calendar = icalparser_parse_string (text);
  guint n = 0;

  if (calendar == NULL)
    return 0;
  for (icalcomponent *vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY) == NULL)
      n++;
  icalcomponent_free (calendar);

  return n;
}

static double
time_liaison (LiaStore   *store,
              LiaTarget  *target,
              guint      *n_requests)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(GError) error = NULL;
  LiaPublishOptions options;
  gint64 start;
  double seconds;

  lia_publish_options_init (&options);
  options.password = PASSWORD;
  options.context.time_zone = "America/Edmonton";

  start = g_get_monotonic_time ();
  report = lia_publish_run (store, target, &options, NULL, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  if (report == NULL)
    g_error ("publish: %s", error->message);
  if (report->state != LIA_PUBLISH_RUN_OK || report->n_done != N_EVENTS)
    g_error ("publish: %s, %u done: %s", lia_publish_run_state_to_nick (report->state),
             report->n_done, report->message != NULL ? report->message : "");
  *n_requests = report->n_requests;

  return seconds;
}

static void
run_vdirsyncer (const char *config,
                const char *command)
{
  const char *argv[] = { VDIRSYNCER, "-c", config, command, "bench", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, NULL, &err, &status, &error))
    g_error ("%s: %s", VDIRSYNCER, error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("vdirsyncer %s: %s\n%s", command, error->message, err);
}

static double
time_vdirsyncer (const char *dir,
                 const char *folder,
                 const char *calendar_url)
{
  g_autofree char *config_path = g_build_filename (dir, "vdirsyncer.conf", NULL);
  g_autofree char *config = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  config = g_strdup_printf ("[general]\n"
                            "status_path = \"%s/vdirsyncer-status/\"\n"
                            "\n"
                            "[pair bench]\n"
                            "a = \"bench_local\"\n"
                            "b = \"bench_remote\"\n"
                            "collections = null\n"
                            "\n"
                            "[storage bench_local]\n"
                            "type = \"filesystem\"\n"
                            "path = \"%s/\"\n"
                            "fileext = \".ics\"\n"
                            "\n"
                            "[storage bench_remote]\n"
                            "type = \"caldav\"\n"
                            "url = \"%s\"\n"
                            "username = \"" USERNAME "\"\n"
                            "password = \"" PASSWORD "\"\n",
                            dir, folder, calendar_url);
  if (!g_file_set_contents (config_path, config, -1, &error))
    g_error ("vdirsyncer config: %s", error->message);

  run_vdirsyncer (config_path, "discover");
  start = g_get_monotonic_time ();
  run_vdirsyncer (config_path, "sync");

  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "resources", NULL);
  g_autofree char *liaison_url = NULL;
  g_autofree char *vdirsyncer_url = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  LiaTestRadicale *radicale;
  double liaison_seconds, vdirsyncer_seconds, ratio;
  guint n_requests = 0;
  gboolean pass;

  if (!g_file_test (VDIRSYNCER, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is missing: install the vdirsyncer package", VDIRSYNCER);

  db = lia_database_open (db_path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store = lia_store_new (db);
  lia_store_set_clock (store, get_bench_now, NULL);
  fill_store (store);

  radicale = lia_test_radicale_start (USERNAME, PASSWORD);
  liaison_url = lia_test_radicale_make_calendar (radicale, "liaison", NULL);
  vdirsyncer_url = lia_test_radicale_make_calendar (radicale, "vdirsyncer", NULL);

  target = lia_target_new ("Library website", LIA_TARGET_CALDAV, liaison_url);
  target->username = g_strdup (USERNAME);
  if (!lia_target_save (target, db, &error))
    g_error ("target: %s", error->message);
  write_resources (store, target, folder);

  liaison_seconds = time_liaison (store, target, &n_requests);
  vdirsyncer_seconds = time_vdirsyncer (dir, folder, vdirsyncer_url);

  /* Both calendars hold every event once. */
  g_assert_cmpuint (count_events (radicale, liaison_url), ==, N_EVENTS);
  g_assert_cmpuint (count_events (radicale, vdirsyncer_url), ==, N_EVENTS);
  lia_test_radicale_stop (radicale);

  ratio = liaison_seconds / vdirsyncer_seconds;
  pass = ratio <= BUDGET;
  g_print ("%-34s %10s %10s %7s %7s  %s\n", "figure", "liaison", "vdirsyncer", "ratio", "budget", "result");
  g_print ("%-34s %9.2fs %9.2fs %7.2f %7.2f  %s\n",
           "first publish, 1k events (caldav)", liaison_seconds, vdirsyncer_seconds, ratio,
           BUDGET, pass ? "pass" : "FAIL");
  g_print ("(Liaison: %u requests, discovery included)\n", n_requests);

  g_clear_object (&store);
  g_clear_object (&db);
  lia_test_remove_tree (dir);

  return pass ? 0 : 1;
}
