/* bench-startup.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Liaison's start-up and memory, against the floor that GTK itself sets
 * (floor-app.c: an AdwApplication presenting an empty AdwApplicationWindow
 * of Liaison's default size). Run under xvfb-run; the program starts one
 * session bus of its own and keeps it for every launch, as a desktop does.
 *
 * 1. Start to first frame: from spawning the program until its first
 *    top-level window is mapped and viewable, as the X server reports it
 *    (MapNotify on the root window, then map_state == IsViewable). Liaison
 *    opens the large dataset (`liaison -d FILE`). Floor and Liaison are
 *    launched alternately, a warm-up launch of each left out; median of
 *    RUNS each. Budget: a ratio of 1.3.
 *    Also, in the memory launches (below, so that these launches stop as
 *    soon as the window maps), the start to a still window: until the
 *    window's pixels last changed before the process went quiet
 *    (XGetImage every POLL_MS). For Liaison that is Today's rows drawn;
 *    for the floor, its one frame. Information: what a user waits for
 *    after the first frame, which the figure above leaves out.
 * 2. Memory: peak resident memory (VmHWM) of Liaison after it has shown
 *    every area of the sidebar and a partner (app.show-area and
 *    app.show-partner, called over the session bus as a desktop would),
 *    each page left to draw, against the floor's VmHWM once its window is
 *    shown and drawn. Median of MEMORY_RUNS each. Budget: a ratio of 1.3.
 *
 * Usage: bench-startup LIAISON FLOOR SCHEMA_DIR DBUS_DAEMON
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/Xutil.h>

#include "bench-util.h"
#include "lia-database.h"
#include "lia-sample-data.h"

#define RUNS          9
#define MEMORY_RUNS   3
#define TIME_BUDGET   1.3
#define MEMORY_BUDGET 1.3
#define MAP_TIMEOUT_S 60
/* A process has settled once it used no CPU for this long. */
#define SETTLE_QUIET_MS 300
#define SETTLE_TIMEOUT_S 60
/* How often the window's pixels are read while it fills. */
#define POLL_MS 20

static const char *areas[] = { "today", "partners", "events", "publish", "overview", "trash" };

typedef struct
{
  const char *liaison;
  const char *floor;
  char       *database;
  gint64      partner_id;   /* the partner with the most interactions */
  Display    *display;
  Atom        net_wm_pid;
  Atom        net_wm_name;
  Atom        utf8_string;
} Bench;

static GSubprocess *bus;

static void
end_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* One session bus for every launch, as on a desktop: a bus per launch
 * would add the start of its activated services to each. */
static void
start_bus (const char *dbus_daemon)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  char address[1024];
  ssize_t n, length = 0;
  int fds[2];

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  /* Silent, so that meson's pipes close when we end; and it ends with
   * us, even when a check fails midway. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, end_with_parent, NULL, NULL);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  bus = g_subprocess_launcher_spawn (launcher, &error, dbus_daemon, "--session", "--nofork",
                                     "--print-address=3", NULL);
  if (bus == NULL)
    g_error ("Cannot start %s: %s", dbus_daemon, error->message);
  g_clear_object (&launcher);  /* closes our copy of the pipe's end */

  while (length < (ssize_t) sizeof address - 1 &&
         (n = read (fds[0], address + length, sizeof address - 1 - length)) > 0)
    {
      length += n;
      if (memchr (address, '\n', length) != NULL)
        break;
    }
  close (fds[0]);
  address[length] = '\0';
  g_strchomp (address);
  if (address[0] == '\0')
    g_error ("%s printed no address", dbus_daemon);

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
}

static void
stop_bus (void)
{
  g_subprocess_send_signal (bus, SIGTERM);
  g_subprocess_wait (bus, NULL, NULL);
  g_clear_object (&bus);
}

static char *
prepare_database (const char *folder)
{
  g_autofree char *shared = bench_dataset_path ("large");
  g_autofree char *path = g_build_filename (folder, "large.db", NULL);
  g_autoptr(GError) error = NULL;

  /* A copy: Liaison writes to the file it opens (the kept dates of the
   * events, the day it last looked), and the shared dataset stays as the
   * other benchmarks expect it. */
  if (shared != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_path (shared);
      g_autoptr(GFile) to = g_file_new_for_path (path);

      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("Cannot copy %s: %s", shared, error->message);
    }
  else
    {
      LiaSampleDataOptions options;

      lia_sample_data_options_init (&options);
      options.partners = 5000;
      options.contacts = 20000;
      options.interactions = 100000;
      options.events = 50000;
      g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);
      if (!lia_sample_data_write (path, &options, NULL, &error))
        g_error ("Cannot write the sample data: %s", error->message);
    }

  return g_steal_pointer (&path);
}

static gint64
find_busiest_partner (const char *path)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    g_error ("%s", error->message);
  stmt = lia_database_prepare (database,
                               "SELECT partner_id FROM interaction GROUP BY partner_id "
                               "ORDER BY count(*) DESC LIMIT 1", &error);
  if (stmt == NULL)
    g_error ("%s", error->message);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("The dataset has no interactions");
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return id;
}

static GPid
launch (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  GPid pid;

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("Cannot start %s: %s", argv[0], error->message);

  return pid;
}

static void
stop (GPid pid)
{
  int status;

  kill (pid, SIGTERM);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
}

static gboolean
get_window_pid (Bench  *bench,
                Window  window,
                GPid   *pid)
{
  Atom type;
  int format;
  unsigned long n_items, remaining;
  unsigned char *data = NULL;
  gboolean found = FALSE;

  if (XGetWindowProperty (bench->display, window, bench->net_wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &remaining, &data) == Success &&
      type == XA_CARDINAL && format == 32 && n_items == 1)
    {
      *pid = (GPid) *(unsigned long *) data;
      found = TRUE;
    }
  if (data != NULL)
    XFree (data);

  return found;
}

static char *
dup_window_title (Bench  *bench,
                  Window  window)
{
  Atom type;
  int format;
  unsigned long n_items, remaining;
  unsigned char *data = NULL;
  char *title = NULL;

  if (XGetWindowProperty (bench->display, window, bench->net_wm_name, 0, 1024, False,
                          bench->utf8_string, &type, &format, &n_items, &remaining,
                          &data) == Success && data != NULL)
    title = g_strndup ((const char *) data, n_items);
  if (data != NULL)
    XFree (data);

  return title;
}

/* Reads the X server's events until a top-level window of @pid is mapped
 * and viewable; returns it, and the time since @start_us in *elapsed_ms. */
static Window
wait_for_map (Bench      *bench,
              const char *program,
              GPid        pid,
              gint64      start_us,
              double     *elapsed_ms)
{
  gint64 deadline = start_us + MAP_TIMEOUT_S * G_USEC_PER_SEC;
  struct pollfd pfd = { .fd = ConnectionNumber (bench->display), .events = POLLIN };

  for (;;)
    {
      while (XPending (bench->display) > 0)
        {
          XEvent event;
          XWindowAttributes attributes;
          GPid window_pid;

          XNextEvent (bench->display, &event);
          if (event.type != MapNotify)
            continue;
          if (!XGetWindowAttributes (bench->display, event.xmap.window, &attributes) ||
              attributes.map_state != IsViewable)
            continue;
          if (!get_window_pid (bench, event.xmap.window, &window_pid) || window_pid != pid)
            continue;

          *elapsed_ms = bench_elapsed_ms (start_us);
          return event.xmap.window;
        }

      int status;

      if (g_get_monotonic_time () > deadline)
        g_error ("No window of %s (process %d) after %d s", program, pid, MAP_TIMEOUT_S);
      /* Which program, and how: a crash, or an instance that found the
       * application's name still owned on the bus and handed over. */
      if (waitpid (pid, &status, WNOHANG) == pid)
        g_error ("%s (process %d) ended before showing a window: %s %d", program, pid,
                 WIFSIGNALED (status) ? "signal" : "exit status",
                 WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
      poll (&pfd, 1, 100);
    }
}

static void
drain_events (Bench *bench)
{
  while (XPending (bench->display) > 0)
    {
      XEvent event;

      XNextEvent (bench->display, &event);
    }
}

static guint64
get_cpu_ticks (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &contents, NULL, NULL) ||
      (after_name = strrchr (contents, ')')) == NULL)
    g_error ("Cannot read %s", path);

  /* After the name: state is field 3; utime and stime are 14 and 15. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    g_error ("Unexpected %s", path);

  return g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10);
}

/* Waits until @pid, all its threads, has used no CPU for
 * SETTLE_QUIET_MS: whatever the last request set going (queries, layout,
 * the frames drawn) is done. */
static void
settle (Bench *bench,
        GPid   pid)
{
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_S * G_USEC_PER_SEC;
  guint64 ticks = get_cpu_ticks (pid);

  for (;;)
    {
      guint64 now;

      g_usleep (SETTLE_QUIET_MS * 1000);
      drain_events (bench);
      now = get_cpu_ticks (pid);
      if (now == ticks)
        return;
      ticks = now;
      if (g_get_monotonic_time () > deadline)
        g_error ("Process %d still busy after %d s", pid, SETTLE_TIMEOUT_S);
    }
}

static double
get_status_mb (GPid        pid,
               const char *key)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    g_error ("Cannot read %s", path);
  if ((line = strstr (contents, key)) == NULL)
    g_error ("No %s in %s", key, path);

  return g_ascii_strtod (line + strlen (key) + 1, NULL) / 1024.0;
}

static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  return 0;
}

/* Reads @window's pixels every POLL_MS until @pid has used no CPU for
 * SETTLE_QUIET_MS; returns the time since @start_us at which they last
 * changed. The first frame can be blank while a page reads its data, and
 * then the pixels stay the same for a while: the process's CPU, not the
 * pixels, says when it is done. */
static double
wait_for_still_window (Bench  *bench,
                       Window  window,
                       GPid    pid,
                       gint64  start_us)
{
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_S * G_USEC_PER_SEC;
  gint64 last_change = g_get_monotonic_time ();
  gint64 last_cpu_check = last_change;
  guint64 ticks = get_cpu_ticks (pid);
  g_autofree char *previous = NULL;
  gsize previous_size = 0;
  int (*old_handler) (Display *, XErrorEvent *);

  /* The window goes when the process does; a read then is not an error. */
  old_handler = XSetErrorHandler (ignore_x_error);

  for (;;)
    {
      XWindowAttributes attributes;
      XImage *image = NULL;
      gint64 now;

      if (XGetWindowAttributes (bench->display, window, &attributes))
        image = XGetImage (bench->display, window, 0, 0, attributes.width, attributes.height,
                           AllPlanes, ZPixmap);
      now = g_get_monotonic_time ();
      if (image != NULL)
        {
          gsize size = (gsize) image->bytes_per_line * image->height;

          if (previous == NULL || size != previous_size || memcmp (previous, image->data, size) != 0)
            {
              g_free (previous);
              previous = g_memdup2 (image->data, size);
              previous_size = size;
              last_change = now;
            }
          XDestroyImage (image);
        }

      if (now - last_cpu_check >= SETTLE_QUIET_MS * 1000)
        {
          guint64 current = get_cpu_ticks (pid);

          if (current == ticks)
            break;
          ticks = current;
          last_cpu_check = now;
        }
      if (now > deadline)
        g_error ("Process %d still busy after %d s", pid, SETTLE_TIMEOUT_S);
      g_usleep (POLL_MS * 1000);
    }

  XSync (bench->display, False);
  XSetErrorHandler (old_handler);
  drain_events (bench);

  return (last_change - start_us) / 1000.0;
}

static void
activate_action (GDBusConnection *connection,
                 const char      *name,
                 GVariant        *parameter)
{
  g_autofree char *object_path = g_strconcat ("/", APPLICATION_ID, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder parameters;

  g_strdelimit (object_path, ".", '/');
  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&parameters, "v", parameter);
  reply = g_dbus_connection_call_sync (connection, APPLICATION_ID, object_path,
                                       "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", name, &parameters, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 30000, NULL, &error);
  if (reply == NULL)
    g_error ("app.%s: %s", name, error->message);
}

static const char **
liaison_argv (Bench *bench)
{
  static const char *argv[4];

  argv[0] = bench->liaison;
  argv[1] = "-d";
  argv[2] = bench->database;
  argv[3] = NULL;

  return argv;
}

static const char **
floor_argv (Bench *bench)
{
  static const char *argv[2];

  argv[0] = bench->floor;
  argv[1] = NULL;

  return argv;
}

static void
check_title (Bench  *bench,
             Window  window)
{
  g_autofree char *title = dup_window_title (bench, window);
  g_autofree char *name = g_path_get_basename (bench->database);

  /* "large.db — Liaison": the database is open, not the error page. */
  if (title == NULL || !g_str_has_prefix (title, name))
    g_error ("Liaison did not open %s (its window says ‘%s’)", bench->database, title);
}

/* One launch: the time to the first frame; with @still_ms, to a still
 * window; with @memory, the process shows what it has to show, then its
 * VmHWM is read. */
static double
run_once (Bench    *bench,
          gboolean  is_liaison,
          gboolean  memory,
          double   *peak_mb,
          double   *still_ms)
{
  const char **argv = is_liaison ? liaison_argv (bench) : floor_argv (bench);
  double elapsed_ms;
  Window window;
  gint64 start;
  GPid pid;

  drain_events (bench);
  start = g_get_monotonic_time ();
  pid = launch (argv);
  window = wait_for_map (bench, argv[0], pid, start, &elapsed_ms);

  if (is_liaison)
    check_title (bench, window);

  if (still_ms != NULL)
    *still_ms = wait_for_still_window (bench, window, pid, start);

  if (memory)
    {
      if (still_ms == NULL)
        settle (bench, pid);
      if (is_liaison && g_getenv ("BENCH_VERBOSE") != NULL)
        g_print ("  shown: VmHWM %.1f MB\n", get_status_mb (pid, "VmHWM:"));
      if (is_liaison)
        {
          g_autoptr(GDBusConnection) connection = NULL;
          g_autoptr(GError) error = NULL;

          connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
          if (connection == NULL)
            g_error ("%s", error->message);
          for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
            {
              activate_action (connection, "show-area", g_variant_new_string (areas[i]));
              settle (bench, pid);
              if (g_getenv ("BENCH_VERBOSE") != NULL)
                g_print ("  %s: VmHWM %.1f MB\n", areas[i], get_status_mb (pid, "VmHWM:"));
              if (g_str_equal (areas[i], "events"))
                {
                  activate_action (connection, "show-month", NULL);
                  settle (bench, pid);
                }
            }
          activate_action (connection, "show-partner", g_variant_new_int64 (bench->partner_id));
          settle (bench, pid);
          if (g_getenv ("BENCH_VERBOSE") != NULL)
            g_print ("  partner: VmHWM %.1f MB\n", get_status_mb (pid, "VmHWM:"));
        }
      *peak_mb = get_status_mb (pid, "VmHWM:");
    }

  stop (pid);

  return elapsed_ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  double liaison_ms[RUNS], floor_ms[RUNS];
  double liaison_still_ms[MEMORY_RUNS], floor_still_ms[MEMORY_RUNS];
  double liaison_mb[MEMORY_RUNS], floor_mb[MEMORY_RUNS];
  double warm_up_ms, unused;
  Bench bench = { 0 };

  if (argc != 5)
    {
      g_printerr ("Usage: %s LIAISON FLOOR SCHEMA_DIR DBUS_DAEMON\n", argv[0]);
      return 2;
    }
  bench.liaison = argv[1];
  bench.floor = argv[2];

  /* The same for both programs: settings from the schema's defaults, kept
   * in memory (no dconf service to start, the window at its default size);
   * no accessibility bus (it would start at-spi's services on the bus);
   * the C locale. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", argv[3], TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  bench_begin ("startup");

  if ((bench.display = XOpenDisplay (NULL)) == NULL)
    g_error ("No X display (run under xvfb-run)");
  bench.net_wm_pid = XInternAtom (bench.display, "_NET_WM_PID", False);
  bench.net_wm_name = XInternAtom (bench.display, "_NET_WM_NAME", False);
  bench.utf8_string = XInternAtom (bench.display, "UTF8_STRING", False);
  XSelectInput (bench.display, DefaultRootWindow (bench.display), SubstructureNotifyMask);

  if (!(folder = g_dir_make_tmp ("bench-startup-XXXXXX", &error)))
    g_error ("%s", error->message);
  bench.database = prepare_database (folder);
  bench.partner_id = find_busiest_partner (bench.database);

  start_bus (argv[4]);

  /* The warm-up: the files in the page cache, the bus's first clients;
   * Liaison's first launch on a fresh file also writes the kept dates of
   * the events once (see "events"), so it shows every page. */
  run_once (&bench, FALSE, FALSE, NULL, NULL);
  warm_up_ms = run_once (&bench, TRUE, TRUE, &unused, NULL);

  for (guint i = 0; i < RUNS; i++)
    {
      floor_ms[i] = run_once (&bench, FALSE, FALSE, NULL, NULL);
      liaison_ms[i] = run_once (&bench, TRUE, FALSE, NULL, NULL);
      if (g_getenv ("BENCH_VERBOSE") != NULL)
        g_print ("run %u: floor %.1f ms, liaison %.1f ms\n", i, floor_ms[i], liaison_ms[i]);
    }

  for (guint i = 0; i < MEMORY_RUNS; i++)
    {
      run_once (&bench, FALSE, TRUE, &floor_mb[i], &floor_still_ms[i]);
      run_once (&bench, TRUE, TRUE, &liaison_mb[i], &liaison_still_ms[i]);
      if (g_getenv ("BENCH_VERBOSE") != NULL)
        g_print ("memory %u: floor %.1f MB (still at %.0f ms), liaison %.1f MB (still at %.0f ms)\n",
                 i, floor_mb[i], floor_still_ms[i], liaison_mb[i], liaison_still_ms[i]);
    }

  bench_row ("start to first frame", BENCH_UNIT_MS,
             bench_median (liaison_ms, RUNS), bench_median (floor_ms, RUNS),
             BENCH_BUDGET_RATIO, TIME_BUDGET);
  bench_row ("start to a still window (Today's rows drawn)", BENCH_UNIT_MS,
             bench_median (liaison_still_ms, MEMORY_RUNS), bench_median (floor_still_ms, MEMORY_RUNS),
             BENCH_BUDGET_NONE, 0);
  bench_row ("memory, every page (VmHWM)", BENCH_UNIT_MB,
             bench_median (liaison_mb, MEMORY_RUNS), bench_median (floor_mb, MEMORY_RUNS),
             BENCH_BUDGET_RATIO, MEMORY_BUDGET);
  bench_note ("(large dataset; reference: an empty AdwApplicationWindow; median of %d launches "
              "and %d for memory; Liaison's warm-up launch, left out: %.0f ms)",
              RUNS, MEMORY_RUNS, warm_up_ms);

  stop_bus ();
  XCloseDisplay (bench.display);
  bench_remove_database (bench.database);
  g_rmdir (folder);

  return bench_end ();
}
