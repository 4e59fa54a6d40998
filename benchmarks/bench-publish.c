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
 * calendar grows, so either takes about a minute, and the machine's load
 * moves it by a third from one minute to the next: five runs of each,
 * alternated, each into a calendar of its own. The server is the limit,
 * so its own time is read from its log: the time it
 * spent answering at least one request (the union of the requests' spans:
 * with several requests in flight a waiting PUT counts its wait in
 * Radicale's figure), and each client's wall time as a multiple of it.
 *
 * Then the incremental runs, counted from the same log: one event changed
 * through the store (vdirsyncer: its .ics file rewritten with the new
 * bytes) and published again, at most one PUT and one listing request;
 * then nothing changed, at most one request. LiaHttp's own count of each
 * Liaison run must agree with the log.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <libical/ical.h>

#include "bench-util.h"
#include "lia-database.h"
#include "lia-event.h"
#include "lia-ical.h"
#include "lia-publish-job.h"
#include "lia-store.h"
#include "lia-target.h"
#include "lia-test-radicale.h"
#include "lia-test-util.h"

#define N_EVENTS   1000
#define N_RUNS     5
#define BUDGET     1.0
#define BUDGET_ONE_CHANGE_REQUESTS 2
#define BUDGET_ONE_CHANGE_PUTS 1
#define BUDGET_NO_CHANGE_REQUESTS 1
/* The time outside the server's spans is the client's work between
 * requests and the server's HTTP layer: Liaison's may not be more than
 * vdirsyncer's, in the same run. */
#define BUDGET_WALL_PER_SERVER 1.0
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

/* The events @target publishes now. */
static GArray *
select_event_ids (LiaStore  *store,
                  LiaTarget *target)
{
  g_autoptr(GDateTime) now = lia_store_dup_now (store);
  g_autoptr(GError) error = NULL;
  GArray *ids;

  if (!(ids = lia_target_select_event_ids (target, lia_store_get_database (store),
                                           g_date_time_to_unix (now), &error)))
    g_error ("select: %s", error->message);

  return ids;
}

/* The resource Liaison sends for event @id, as a file for vdirsyncer. */
static void
write_resource (LiaStore   *store,
                gint64      id,
                const char *folder)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("event-%" G_GINT64_FORMAT ".ics", id);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  if (!(bytes = lia_ical_export_resource (store, id, &error))
      || !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("export: %s", error->message);
}

static void
write_resources (LiaStore   *store,
                 LiaTarget  *target,
                 const char *folder)
{
  g_autoptr(GArray) ids = select_event_ids (store, target);

  g_assert_cmpuint (ids->len, ==, N_EVENTS);
  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < ids->len; i++)
    write_resource (store, g_array_index (ids, gint64, i), folder);
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

/* What a client's requests cost the server, from Radicale's log. */
typedef struct
{
  guint  n_requests;
  guint  n_puts;
  double busy_seconds;  /* answering at least one request */
  double sum_seconds;   /* the requests' own figures added up */
} ServerTime;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const double *x = a, *y = b;

  return (x[0] > y[0]) - (x[0] < y[0]);
}

/* @methods (may be NULL): the requests' methods, in order, are added. */
static ServerTime
take_server_time (LiaTestRadicale *radicale,
                  GString         *methods)
{
  g_autoptr(GPtrArray) requests = lia_test_radicale_take_requests (radicale);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, 2 * sizeof (double));
  ServerTime time = { 0 };
  double covered_until = -INFINITY;

  for (guint i = 0; i < requests->len; i++)
    {
      LiaTestRadicaleRequest *request = g_ptr_array_index (requests, i);
      double span[2] = { request->end - request->seconds, request->end };

      time.n_requests++;
      if (g_str_equal (request->method, "PUT"))
        time.n_puts++;
      time.sum_seconds += request->seconds;
      g_array_append_vals (spans, span, 1);
      if (methods != NULL)
        g_string_append_printf (methods, "%s%s", methods->len > 0 ? " " : "", request->method);
    }

  /* The union of the spans, in order of their start. */
  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const double *span = &g_array_index (spans, double, 2 * i);

      if (span[1] <= covered_until)
        continue;
      time.busy_seconds += span[1] - MAX (span[0], covered_until);
      covered_until = span[1];
    }

  return time;
}

/* CPU seconds (user and system) used so far by this process, or by its
 * children that ended. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);

  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Requests Liaison sent again after a passing failure, in every run. */
static guint n_retried;
/* The most requests Liaison had in flight at once, in its first publishes
 * (lia-publish-gate.h: one more while it makes the run faster). */
static guint most_in_flight[2] = { G_MAXUINT, 0 };
/* Of those, the ones Radicale never answered (a connection that broke
 * before its answer): LiaHttp counted them, Radicale's log has no line. */
static guint n_unanswered;

/* Publishes @target; *@n_requests is what LiaHttp counted, and
 * *@n_retries what was sent again. */
static double
time_liaison (LiaStore   *store,
              LiaTarget  *target,
              guint       n_expected,
              guint      *n_requests,
              guint      *n_retries)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(GError) error = NULL;
  LiaPublishOptions options;
  gint64 start;
  double ms;

  lia_publish_options_init (&options);
  options.password = PASSWORD;
  options.context.time_zone = "America/Edmonton";

  start = g_get_monotonic_time ();
  report = lia_publish_run (store, target, &options, NULL, NULL, NULL, &error);
  ms = bench_elapsed_ms (start);

  if (report == NULL)
    g_error ("publish: %s", error->message);
  if (report->state != LIA_PUBLISH_RUN_OK || report->n_done != n_expected)
    g_error ("publish: %s, %u done of %u: %s", lia_publish_run_state_to_nick (report->state),
             report->n_done, n_expected, report->message != NULL ? report->message : "");
  *n_requests = report->n_requests;
  *n_retries = report->n_retries;
  n_retried += report->n_retries;
  if (n_expected == N_EVENTS)
    {
      most_in_flight[0] = MIN (most_in_flight[0], report->in_flight);
      most_in_flight[1] = MAX (most_in_flight[1], report->in_flight);
    }

  return ms / 1000;
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

/* A pair from @folder to @calendar_url with a status of its own, its
 * discovery done. */
static char *
make_vdirsyncer_pair (const char *dir,
                      const char *folder,
                      const char *calendar_url,
                      guint       index)
{
  g_autofree char *name = g_strdup_printf ("vdirsyncer-%u.conf", index);
  g_autofree char *config_path = g_build_filename (dir, name, NULL);
  g_autofree char *config = NULL;
  g_autoptr(GError) error = NULL;

  config = g_strdup_printf ("[general]\n"
                            "status_path = \"%s/vdirsyncer-status-%u/\"\n"
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
                            dir, index, folder, calendar_url);
  if (!g_file_set_contents (config_path, config, -1, &error))
    g_error ("vdirsyncer config: %s", error->message);
  run_vdirsyncer (config_path, "discover");

  return g_steal_pointer (&config_path);
}

static double
time_vdirsyncer (const char *config_path)
{
  gint64 start = g_get_monotonic_time ();

  run_vdirsyncer (config_path, "sync");

  return bench_elapsed_ms (start) / 1000;
}

/* Changes one event as a user would (a new title, saved through the
 * store), and rewrites its file in vdirsyncer's storage with the bytes
 * Liaison will send for it. */
static void
change_one_event (LiaStore   *store,
                  LiaTarget  *target,
                  const char *folder)
{
  g_autoptr(GArray) ids = select_event_ids (store, target);
  gint64 id = g_array_index (ids, gint64, ids->len / 2);
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!(event = lia_store_get_event (store, id, &error)))
    g_error ("get: %s", error->message);
  title = g_strconcat (lia_event_get_title (event), " (moved to the annex)", NULL);
  lia_event_set_title (event, title);
  if (!lia_store_save_event (store, event, &error))
    g_error ("save: %s", error->message);

  write_resource (store, id, folder);
}

/* LiaHttp counts what it sent; the server's log what it answered. They
 * differ only by requests sent again that the server never answered. */
static void
check_counts (const char *run,
              guint       n_sent,
              guint       n_retries,
              ServerTime *server)
{
  if (server->n_requests > n_sent || n_sent - server->n_requests > n_retries)
    g_error ("%s: LiaHttp counted %u requests (%u sent again), Radicale's log %u",
             run, n_sent, n_retries, server->n_requests);
  n_unanswered += n_sent - server->n_requests;
}

static LiaTarget *
make_liaison_target (LiaDatabase *db,
                     const char  *calendar_url,
                     guint        index)
{
  g_autofree char *name = g_strdup_printf ("Library website %u", index);
  g_autoptr(LiaTarget) target = lia_target_new (name, LIA_TARGET_CALDAV, calendar_url);
  g_autoptr(GError) error = NULL;

  target->username = g_strdup (USERNAME);
  if (!lia_target_save (target, db, &error))
    g_error ("target: %s", error->message);

  return g_steal_pointer (&target);
}

int
main (int   argc,
      char *argv[])
{
  /* Each side publishes N_RUNS times into fresh calendars, in the order
   * LVVLLVVLLV, so that a machine growing busier or idler weighs on both. */
  static const char order[2 * N_RUNS + 1] = "LVVLLVVLLV";
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "resources", NULL);
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_target_free);
  g_autoptr(GPtrArray) configs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) calendars = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) liaison_methods = g_string_new (NULL);
  g_autoptr(GString) vdirsyncer_methods = g_string_new (NULL);
  LiaTestRadicale *radicale;
  double liaison_seconds[N_RUNS], vdirsyncer_seconds[N_RUNS];
  double liaison_busy[N_RUNS], vdirsyncer_busy[N_RUNS];
  double liaison_factor[N_RUNS], vdirsyncer_factor[N_RUNS];
  double liaison_cpu[N_RUNS], vdirsyncer_cpu[N_RUNS];
  guint n_retries;
  ServerTime liaison_first[N_RUNS], vdirsyncer_first[N_RUNS];
  ServerTime liaison_change, vdirsyncer_change, liaison_idle, vdirsyncer_idle;
  guint n_sent_first[N_RUNS], n_sent_change = 0, n_sent_idle = 0;
  guint n_liaison = 0, n_vdirsyncer = 0;
  LiaTarget *target;
  const char *config_path;

  if (!g_file_test (VDIRSYNCER, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is missing: install the vdirsyncer package", VDIRSYNCER);

  bench_begin ("publish");

  db = lia_database_open (db_path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store = lia_store_new (db);
  lia_store_set_clock (store, get_bench_now, NULL);
  fill_store (store);

  radicale = lia_test_radicale_start_logged (USERNAME, PASSWORD);
  for (guint i = 0; i < 2 * N_RUNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u", order[i] == 'L' ? "liaison" : "vdirsyncer", i);
      char *url = lia_test_radicale_make_calendar (radicale, name, NULL);

      g_ptr_array_add (calendars, url);
      if (order[i] == 'L')
        g_ptr_array_add (targets, make_liaison_target (db, url, i));
      else
        {
          if (configs->len == 0)
            write_resources (store, g_ptr_array_index (targets, 0), folder);
          g_ptr_array_add (configs, make_vdirsyncer_pair (dir, folder, url, i));
        }
    }

  /* The first publishes, each side's requests read from the log after it. */
  for (guint i = 0; i < 2 * N_RUNS; i++)
    {
      take_server_time (radicale, NULL);
      if (order[i] == 'L')
        {
          guint k = n_liaison++;
          double cpu = cpu_seconds (RUSAGE_SELF);

          liaison_seconds[k] = time_liaison (store, g_ptr_array_index (targets, k), N_EVENTS, &n_sent_first[k],
                                             &n_retries);
          liaison_cpu[k] = cpu_seconds (RUSAGE_SELF) - cpu;
          liaison_first[k] = take_server_time (radicale, NULL);
          liaison_busy[k] = liaison_first[k].busy_seconds;
          liaison_factor[k] = liaison_seconds[k] / liaison_busy[k];
          check_counts ("first publish", n_sent_first[k], n_retries, &liaison_first[k]);
        }
      else
        {
          guint k = n_vdirsyncer++;
          double cpu = cpu_seconds (RUSAGE_CHILDREN);

          vdirsyncer_seconds[k] = time_vdirsyncer (g_ptr_array_index (configs, k));
          vdirsyncer_cpu[k] = cpu_seconds (RUSAGE_CHILDREN) - cpu;
          vdirsyncer_first[k] = take_server_time (radicale, NULL);
          vdirsyncer_busy[k] = vdirsyncer_first[k].busy_seconds;
          vdirsyncer_factor[k] = vdirsyncer_seconds[k] / vdirsyncer_busy[k];
        }
      g_printerr ("  %s run %u: %.2f s\n", order[i] == 'L' ? "liaison" : "vdirsyncer", i,
               order[i] == 'L' ? liaison_seconds[n_liaison - 1] : vdirsyncer_seconds[n_vdirsyncer - 1]);
    }

  /* Every calendar holds every event once. */
  for (guint i = 0; i < calendars->len; i++)
    g_assert_cmpuint (count_events (radicale, g_ptr_array_index (calendars, i)), ==, N_EVENTS);

  /* One event changed, then nothing, on the first calendar of each. */
  target = g_ptr_array_index (targets, 0);
  config_path = g_ptr_array_index (configs, 0);
  change_one_event (store, target, folder);
  take_server_time (radicale, NULL);
  time_liaison (store, target, 1, &n_sent_change, &n_retries);
  liaison_change = take_server_time (radicale, liaison_methods);
  check_counts ("one change", n_sent_change, n_retries, &liaison_change);
  time_vdirsyncer (config_path);
  vdirsyncer_change = take_server_time (radicale, vdirsyncer_methods);
  time_liaison (store, target, 0, &n_sent_idle, &n_retries);
  liaison_idle = take_server_time (radicale, NULL);
  check_counts ("nothing changed", n_sent_idle, n_retries, &liaison_idle);
  time_vdirsyncer (config_path);
  vdirsyncer_idle = take_server_time (radicale, NULL);
  lia_test_radicale_stop (radicale);

  bench_row ("first publish, 1k events (caldav)", BENCH_UNIT_SECONDS,
             bench_median (liaison_seconds, N_RUNS), bench_median (vdirsyncer_seconds, N_RUNS),
             BENCH_BUDGET_RATIO, BUDGET);
  bench_row ("  Radicale's time in it", BENCH_UNIT_SECONDS,
             bench_median (liaison_busy, N_RUNS), bench_median (vdirsyncer_busy, N_RUNS),
             BENCH_BUDGET_NONE, NAN);
  bench_row ("  wall time / Radicale's time", BENCH_UNIT_FACTOR,
             bench_median (liaison_factor, N_RUNS), bench_median (vdirsyncer_factor, N_RUNS),
             BENCH_BUDGET_RATIO, BUDGET_WALL_PER_SERVER);
  bench_row ("  client's CPU time", BENCH_UNIT_SECONDS,
             bench_median (liaison_cpu, N_RUNS), bench_median (vdirsyncer_cpu, N_RUNS),
             BENCH_BUDGET_NONE, NAN);
  bench_row ("  requests", BENCH_UNIT_COUNT,
             liaison_first[0].n_requests, vdirsyncer_first[0].n_requests, BENCH_BUDGET_NONE, NAN);
  bench_row ("one event changed: requests", BENCH_UNIT_COUNT,
             liaison_change.n_requests, vdirsyncer_change.n_requests,
             BENCH_BUDGET_ABSOLUTE, BUDGET_ONE_CHANGE_REQUESTS);
  bench_row ("one event changed: PUTs", BENCH_UNIT_COUNT,
             liaison_change.n_puts, vdirsyncer_change.n_puts,
             BENCH_BUDGET_ABSOLUTE, BUDGET_ONE_CHANGE_PUTS);
  bench_row ("nothing changed: requests", BENCH_UNIT_COUNT,
             liaison_idle.n_requests, vdirsyncer_idle.n_requests,
             BENCH_BUDGET_ABSOLUTE, BUDGET_NO_CHANGE_REQUESTS);
  bench_note ("median of %u runs each, in the order %s; vdirsyncer 0.19; Liaison's time includes "
              "discovery, vdirsyncer's not; requests from Radicale's log, Liaison's the same as "
              "LiaHttp counted but for requests sent again that Radicale never answered", N_RUNS, order);
  bench_note ("Liaison sent %u requests again after a passing failure in all its runs; Radicale never "
              "answered %u of them", n_retried, n_unanswered);
  bench_note ("Liaison kept %u to %u requests in flight at most in its first publishes (of 4 it may)",
              most_in_flight[0], most_in_flight[1]);
  bench_note ("Radicale's own figures added up, first runs: %.1f s in Liaison's, %.1f s in vdirsyncer's",
              liaison_first[0].sum_seconds, vdirsyncer_first[0].sum_seconds);
  bench_note ("one event changed: Liaison sent %s; vdirsyncer %s",
              liaison_methods->str, vdirsyncer_methods->str);

  g_clear_object (&store);
  g_clear_object (&db);
  lia_test_remove_tree (dir);

  return bench_end ();
}
