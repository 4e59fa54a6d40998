/* lia-command-line.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-command-line"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>

#include "lia-agenda.h"
#include "lia-attention.h"
#include "lia-command-line.h"
#include "lia-credentials.h"
#include "lia-csv.h"
#include "lia-database.h"
#include "lia-enums.h"
#include "lia-feeds.h"
#include "lia-ical.h"
#include "lia-partner-export.h"
#include "lia-partner-import.h"
#include "lia-print-documents.h"
#include "lia-publish-job.h"
#include "lia-sample-data.h"
#include "lia-settings.h"
#include "lia-store.h"
#include "lia-target.h"

typedef struct
{
  const char *name;
  /* @argv starts with the command's name; the callee may rearrange it. */
  int       (*run) (const char *database, GStrv *argv);
} LiaCommand;

static char *global_database;

#define MAX_SAMPLE_COUNT 10000000
/* A hundred years: a target's window is checked by the target itself. */
#define MAX_DAYS 36500

static void
print_usage (FILE *stream)
{
  /* The forms of DESIGN.md's command line that exist so far. */
  fprintf (stream, "%s\n",
           _("Usage:\n"
             "  liaison [--database FILE]                       Open the window\n"
             "  liaison [--database FILE] info                  Show the file, schema version, counts and integrity\n"
             "  liaison sample-data --output FILE [--partners N] [--events N]\n"
             "                      [--interactions N] [--contacts N] [--seed S] [--date YYYY-MM-DD]\n"
             "                                                  Write a database of sample data\n"
             "  liaison [--database FILE] import [--dry-run] FILE.csv|FILE.ics\n"
             "                                                  Add and update partners from a spreadsheet,\n"
             "                                                  or events from an iCalendar file\n"
             "  liaison [--database FILE] export --format FORMAT --output FILE\n"
             "                                                  Write the partners (csv-partners, csv-contacts,\n"
             "                                                  vcard), the events (ics, json, jsonld, rss) or the\n"
             "                                                  directory to a file (- for standard output)\n"
             "  liaison [--database FILE] today [--json] [--date YYYY-MM-DD]\n"
             "                                                  List what needs doing (the Today page)\n"
             "  liaison [--database FILE] print flyer --event UID [--large-print] [--paper letter|a4]\n"
             "                      --output FILE.pdf\n"
             "                                                  Write an event's flyer as a PDF\n"
             "  liaison [--database FILE] print bulletin --month YYYY-MM | directory |\n"
             "                      update-sheet --partner NAME  [--paper letter|a4] --output FILE.pdf\n"
             "                                                  Write the month's bulletin, the resource\n"
             "                                                  directory or a partner's update sheet as a PDF\n"
             "  liaison [--database FILE] target add NAME --kind folder|webdav|caldav|tec --url URL\n"
             "                      [--user USER] [--password-file FILE] [--public-url URL]\n"
             "                      [--past-days N] [--future-days N] [--category C]... [--partner NAME]...\n"
             "                                                  Add a place to publish the events to\n"
             "  liaison [--database FILE] target list [--json]  List the targets and what is left to publish\n"
             "  liaison [--database FILE] target remove NAME    Forget a target (what it published stays)\n"
             "  liaison [--database FILE] publish [--target NAME] [--dry-run] [--password-file FILE]\n"
             "                                                  Publish the events to the targets\n"
             "  liaison --version                               Show the version\n"
             "\n"
             "Run ‘liaison COMMAND --help’ for the options of a command."));
}

static int
usage_error (const char *message)
{
  g_printerr ("liaison: %s\n", message);
  print_usage (stderr);

  return LIA_EXIT_USAGE;
}

/* Updating a large file takes from seconds to half a minute: a
 * command (or the nightly job's log) says why it waits. */
static void
say_if_updating (const char *path)
{
  if (lia_database_needs_update (path))
    g_printerr (_("Updating ‘%s’ for this version of Liaison. A copy of the file as it was is saved beside it first.\n"),
                path);
}

static int
failure (const GError *error)
{
  g_printerr ("liaison: %s\n", error->message);

  return LIA_EXIT_FAILURE;
}

/* Parses a command's own options; every command also takes --database, so
 * `liaison info --database FILE` works like `liaison --database FILE info`.
 * Up to @max_arguments arguments may remain after the command's name. */
static gboolean
parse_command_arguments (const char    *command,
                         GOptionEntry  *entries,
                         guint          max_arguments,
                         GStrv         *argv,
                         int           *exit_status)
{
  const GOptionEntry database_entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &global_database,
      N_("Use the database FILE instead of the default one"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (command);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, argv, &error))
    {
      *exit_status = usage_error (error->message);
      return FALSE;
    }

  if (g_strv_length (*argv) > max_arguments + 1)
    {
      g_autofree char *message = g_strdup_printf (_("‘%s’ does not take the argument ‘%s’"),
                                                  command, (*argv)[max_arguments + 1]);

      *exit_status = usage_error (message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_command_options (const char    *command,
                       GOptionEntry  *entries,
                       GStrv         *argv,
                       int           *exit_status)
{
  return parse_command_arguments (command, entries, 0, argv, exit_status);
}

static int
run_info (const char *database,
          GStrv      *argv)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  LiaStoreCounts counts = { 0 };
  int status = LIA_EXIT_OK;
  gboolean intact;

  if (!parse_command_options ("info", NULL, argv, &status))
    return status;

  if (global_database != NULL)
    database = global_database;
  if (database == NULL)
    database = default_path = lia_database_get_default_path ();

  /* info never creates a database: a typo in a path must not make one. */
  say_if_updating (database);
  if (!(db = lia_database_open (database, LIA_DATABASE_OPEN_DEFAULT, &error)))
    {
      if (default_path != NULL &&
          g_error_matches (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          g_set_error (&error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                       _("There is no database at ‘%s’ yet. Start Liaison once to create it, or name one with --database FILE."),
                       default_path);
        }
      return failure (error);
    }

  store = lia_store_new (db);
  if (!lia_store_get_counts (store, &counts, &error))
    return failure (error);

  intact = lia_database_check_integrity (db, &error);

  /* A stable, documented format (README, "Command line"): scripts read it. */
  g_print ("file: %s\n", lia_database_get_path (db));
  g_print ("schema-version: %d\n", lia_database_get_schema_version (db));
  if (lia_database_get_backup_path (db) != NULL)
    g_print ("backup: %s\n", lia_database_get_backup_path (db));
  g_print ("partners: %" G_GINT64_FORMAT "\n", counts.partners);
  g_print ("contacts: %" G_GINT64_FORMAT "\n", counts.contacts);
  g_print ("agreements: %" G_GINT64_FORMAT "\n", counts.agreements);
  g_print ("expectations: %" G_GINT64_FORMAT "\n", counts.expectations);
  g_print ("interactions: %" G_GINT64_FORMAT "\n", counts.interactions);
  g_print ("events: %" G_GINT64_FORMAT "\n", counts.events);
  g_print ("integrity: %s\n", intact ? "ok" : "damaged");

  if (!intact)
    return failure (error);

  return LIA_EXIT_OK;
}

/* A whole number from 0 to @max given to @option; unchanged when the
 * option was not given. */
static gboolean
parse_count (const char  *option,
             const char  *text,
             guint        max,
             guint       *value,
             int         *exit_status)
{
  guint64 number;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("%s needs a whole number from 0 to %u, not ‘%s’"),
                                                  option, max, text);

      *exit_status = usage_error (message);
      return FALSE;
    }

  *value = (guint)number;

  return TRUE;
}

static int
run_sample_data (const char *database,
                 GStrv      *argv)
{
  g_autofree char *output = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *events = NULL;
  g_autofree char *interactions = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the new database to FILE"), N_("FILE") },
    { "partners", 0, 0, G_OPTION_ARG_STRING, &partners, N_("Number of partners (default 60)"), "N" },
    { "events", 0, 0, G_OPTION_ARG_STRING, &events, N_("Number of events"), "N" },
    { "interactions", 0, 0, G_OPTION_ARG_STRING, &interactions, N_("Number of logged contacts"), "N" },
    { "contacts", 0, 0, G_OPTION_ARG_STRING, &contacts, N_("Number of contact people"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed, N_("Seed of the generator (default 1)"), "S" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Build the community around this day (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  LiaSampleDataOptions options;
  int status = LIA_EXIT_OK;
  guint64 seed_value;

  if (!parse_command_options ("sample-data", entries, argv, &status))
    return status;

  if (output == NULL)
    return usage_error (_("sample-data needs --output FILE"));

  lia_sample_data_options_init (&options);

  if (!parse_count ("--partners", partners, MAX_SAMPLE_COUNT, &options.partners, &status) ||
      !parse_count ("--events", events, MAX_SAMPLE_COUNT, &options.events, &status) ||
      !parse_count ("--interactions", interactions, MAX_SAMPLE_COUNT, &options.interactions, &status) ||
      !parse_count ("--contacts", contacts, MAX_SAMPLE_COUNT, &options.contacts, &status))
    return status;

  if (options.partners == 0 && (options.events > 0 || options.interactions > 0 || options.contacts > 0))
    return usage_error (_("contacts and interactions need at least one partner"));

  if (seed != NULL)
    {
      if (!g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &seed_value, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("--seed needs a whole number, not ‘%s’"), seed);
          return usage_error (message);
        }
      options.seed = seed_value;
    }

  if (date != NULL)
    {
      g_date_clear (&options.today, 1);
      g_date_set_parse (&options.today, date);
      if (!g_date_valid (&options.today) || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", date, 0, 0))
        {
          g_autofree char *message = g_strdup_printf (_("--date needs a day as YYYY-MM-DD, not ‘%s’"), date);
          return usage_error (message);
        }
    }

  if (!lia_sample_data_write (output, &options, NULL, &error))
    return failure (error);

  g_print ("%s\n", output);

  return LIA_EXIT_OK;
}

/* Opens the database of --database FILE (or the default one) for import
 * and export; NULL after printing the error. */
static LiaDatabase *
open_database (const char            *database,
               LiaDatabaseOpenFlags   flags)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;

  if (global_database != NULL)
    database = global_database;
  if (database == NULL)
    database = default_path = lia_database_get_default_path ();

  /* The default database's folder is made as the window would make it. */
  if (default_path != NULL && (flags & LIA_DATABASE_OPEN_CREATE))
    {
      g_autofree char *folder = g_path_get_dirname (default_path);

      g_mkdir_with_parents (folder, 0700);
    }

  say_if_updating (database);
  if (!(db = lia_database_open (database, flags, &error)))
    {
      if (default_path != NULL &&
          g_error_matches (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          g_set_error (&error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                       _("There is no database at ‘%s’ yet. Start Liaison once to create it, or name one with --database FILE."),
                       default_path);
        }
      failure (error);
      return NULL;
    }

  return g_steal_pointer (&db);
}

/* What import reads: a spreadsheet of partners or a calendar of events. */
typedef struct
{
  LiaCsvTable *table;     /* Owned; NULL for a calendar */
  GBytes      *calendar;  /* Owned; NULL for a spreadsheet */
} ImportFile;

static void
import_file_clear (ImportFile *file)
{
  g_clear_pointer (&file->table, lia_csv_table_unref);
  g_clear_pointer (&file->calendar, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportFile, import_file_clear)

/* Reads and checks the file before any database is opened, so a file that
 * cannot be imported leaves everything as it was. An iCalendar file (by
 * its content, whatever its name) is checked when it is planned. */
static gboolean
read_import_file (const char *path,
                  ImportFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      failure (error);
      return FALSE;
    }
  bytes = g_bytes_new_take (contents, length);

  if (lia_ical_sniff (bytes))
    {
      file->calendar = g_steal_pointer (&bytes);
      return TRUE;
    }

  if (!(file->table = lia_csv_parse (bytes, &error)) ||
      !lia_partner_import_check_columns (file->table, &error))
    {
      g_prefix_error (&error, "‘%s’: ", name);
      failure (error);
      return FALSE;
    }

  return TRUE;
}

/* The library's name (NULL when none is set) and time zone from the
 * settings. A scheduled job on a build that is not installed has no
 * settings schema: no name and the computer's zone then, not an abort. */
static void
dup_library_settings (char **library_name,
                      char **tzid)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, BASE_APPLICATION_ID, TRUE)) != NULL)
    {
      LiaSettings *settings = lia_settings_get_default ();
      const char *name = lia_settings_get_library_name (settings);

      if (library_name != NULL)
        *library_name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
      *tzid = lia_settings_dup_library_time_zone (settings);
    }
  else
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      if (library_name != NULL)
        *library_name = NULL;
      *tzid = g_strdup (g_time_zone_get_identifier (local));
    }
}

/* The plan of a calendar file: events from it, checked against @store. */
static LiaIcalPlan *
plan_calendar (LiaStore   *store,
               const char *path,
               GBytes     *calendar)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *tzid = NULL;
  LiaIcalPlan *plan;

  /* Floating times are the library's zone. */
  dup_library_settings (NULL, &tzid);

  if (!(plan = lia_ical_plan_new (store, calendar, tzid, -1, &error)))
    {
      g_prefix_error (&error, "‘%s’: ", name);
      failure (error);
      return NULL;
    }

  return plan;
}

static int
run_import (const char *database,
            GStrv      *argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what the import would do"), NULL },
    { NULL }
  };
  g_auto(ImportFile) file = { NULL, NULL };
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaImportPlan) plan = NULL;
  g_autoptr(LiaIcalPlan) ical_plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *scratch = NULL;
  int status = LIA_EXIT_OK;
  guint created, updated, skipped;
  gboolean planned = FALSE;
  gboolean applied = FALSE;

  if (!parse_command_arguments ("import", entries, 1, argv, &status))
    return status;

  if (g_strv_length (*argv) < 2)
    return usage_error (_("import needs the FILE.csv or FILE.ics to read"));

  if (!read_import_file ((*argv)[1], &file))
    return LIA_EXIT_FAILURE;

  /* A dry run never creates a database: a missing one is planned against
   * an empty copy in a scratch folder. So is a calendar for a missing
   * database, which libical only reads when it is planned: the database
   * is made once the file has proved readable. */
  if (dry_run || file.calendar != NULL)
    {
      g_autofree char *path = global_database != NULL ? g_strdup (global_database)
                              : database != NULL ? g_strdup (database)
                              : lia_database_get_default_path ();

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *scratch_db = NULL;

          if (!(scratch = g_dir_make_tmp ("liaison-import-XXXXXX", &error)))
            return failure (error);
          scratch_db = g_build_filename (scratch, "empty.db", NULL);
          if (!(db = lia_database_open (scratch_db, LIA_DATABASE_OPEN_CREATE, &error)))
            status = failure (error);
        }
    }

  if (status == LIA_EXIT_OK && db == NULL && !(db = open_database (database, LIA_DATABASE_OPEN_CREATE)))
    status = LIA_EXIT_FAILURE;

  if (status == LIA_EXIT_OK)
    store = lia_store_new (db);

  if (store != NULL && file.calendar != NULL)
    {
      if ((ical_plan = plan_calendar (store, (*argv)[1], file.calendar)) != NULL)
        {
          planned = TRUE;
          preview = lia_ical_plan_format (ical_plan);
          lia_ical_plan_get_counts (ical_plan, &created, &updated, &skipped);
          g_print ("%s", preview);

          if (!dry_run && scratch != NULL)
            {
              /* Planned against the empty scratch database: every event is
               * a create, which the new database takes as it is. */
              g_clear_object (&store);
              g_clear_object (&db);
              if ((db = open_database (database, LIA_DATABASE_OPEN_CREATE)) != NULL)
                store = lia_store_new (db);
            }
          if (!dry_run && store != NULL)
            applied = lia_ical_plan_apply (ical_plan, store, &error);
          else if (!dry_run)
            {
              planned = FALSE;
              status = LIA_EXIT_FAILURE;
            }
        }
      else
        status = LIA_EXIT_FAILURE;
    }
  else if (store != NULL)
    {
      if ((plan = lia_partner_import_plan (store, file.table, &error)) != NULL)
        {
          planned = TRUE;
          preview = lia_import_plan_format (plan);
          lia_import_plan_get_counts (plan, &created, &updated, &skipped);
          g_print ("%s", preview);
          if (!dry_run)
            applied = lia_import_plan_apply (plan, store, &error);
        }
      else
        status = failure (error);
    }

  if (planned)
    {
      /* Stable lines that scripts read (README, "Command line"). */
      if (dry_run)
        g_print ("Dry run: would create %u, update %u, skip %u.\n", created, updated, skipped);
      else if (!applied)
        status = failure (error);
      else
        g_print ("Created %u, updated %u, skipped %u.\n", created, updated, skipped);
    }

  if (scratch != NULL)
    {
      const char * const suffixes[] = { "", "-wal", "-shm" };

      g_clear_object (&store);
      g_clear_object (&db);
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file_path = g_strconcat (scratch, G_DIR_SEPARATOR_S "empty.db", suffixes[i], NULL);

          g_remove (file_path);
        }
      g_rmdir (scratch);
    }

  return status;
}

/* The feeds of `export`, written as a folder target writes them. */
static const struct
{
  const char *name;
  GBytes   *(*write) (LiaStore            *store,
                      const LiaEventQuery *query,
                      const LiaFeedInfo   *info,
                      GError             **error);
} feed_formats[] = {
  { "json", lia_feed_json },
  { "jsonld", lia_feed_jsonld },
  { "rss", lia_feed_rss },
  { "directory", NULL },
};

/* The feed @format_name of the events (or the directory of partners)
 * with what the settings say of the library; NULL when it is not a feed. */
static GBytes *
export_feed (LiaStore    *store,
             const char  *format_name,
             gboolean    *is_feed,
             GError     **error)
{
  g_autofree char *library_name = NULL;
  g_autofree char *tzid = NULL;
  g_autofree char *title = NULL;
  LiaFeedInfo info = { NULL };

  *is_feed = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (feed_formats); i++)
    {
      if (!g_str_equal (format_name, feed_formats[i].name))
        continue;

      *is_feed = TRUE;
      dup_library_settings (&library_name, &tzid);
      if (library_name == NULL)
        library_name = g_strdup ("Library");
      /* Titled as a folder target titles them (lia-feed-files.c). */
      title = g_strdup_printf ("%s Community Events", library_name);
      info.title = title;
      info.library_name = library_name;
      info.tzid = tzid;

      /* Every event out of the trash, drafts aside, as `export --format
       * ics` gives them; a target picks its own. */
      if (feed_formats[i].write == NULL)
        return lia_feed_directory (store, &info, error);
      return feed_formats[i].write (store, NULL, &info, error);
    }

  return NULL;
}

static int
run_export (const char *database,
            GStrv      *argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("What to write: csv-partners, csv-contacts, vcard, ics, json, jsonld, rss or directory"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (- for standard output)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LiaPartnerExportFormat format = 0;
  gboolean ics;
  gboolean feed = FALSE;
  int status = LIA_EXIT_OK;
  const char *data;
  gsize length;

  if (!parse_command_options ("export", entries, argv, &status))
    return status;

  if (format_name == NULL || output == NULL)
    return usage_error (_("export needs --format FORMAT and --output FILE"));

  ics = g_str_equal (format_name, "ics");
  for (guint i = 0; i < G_N_ELEMENTS (feed_formats); i++)
    feed = feed || g_str_equal (format_name, feed_formats[i].name);
  if (!ics && !feed && !lia_partner_export_format_from_name (format_name, &format))
    {
      g_autofree char *message = g_strdup_printf (_("--format needs csv-partners, csv-contacts, vcard, ics, json, jsonld, rss or directory, not ‘%s’"),
                                                  format_name);
      return usage_error (message);
    }

  /* export never creates a database: a typo in a path must not make one. */
  if (!(db = open_database (database, LIA_DATABASE_OPEN_DEFAULT)))
    return LIA_EXIT_FAILURE;

  if (!g_str_equal (output, "-"))
    {
      g_autoptr(GFile) output_file = g_file_new_for_path (output);
      g_autoptr(GFile) database_file = g_file_new_for_path (lia_database_get_path (db));

      if (g_file_equal (output_file, database_file))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("‘%s’ is the database itself: choose another --output file."), output);
          return failure (error);
        }
    }

  store = lia_store_new (db);
  if (ics)
    bytes = lia_ical_export (store, NULL, &error);
  else if (feed)
    bytes = export_feed (store, format_name, &feed, &error);
  else
    bytes = lia_partner_export (store, format, NULL, &error);
  if (bytes == NULL)
    return failure (error);

  data = g_bytes_get_data (bytes, &length);
  if (g_str_equal (output, "-"))
    {
      fwrite (data, 1, length, stdout);
      fflush (stdout);
      return LIA_EXIT_OK;
    }

  /* Written whole or not at all. */
  if (ics || feed)
    {
      g_autoptr(GFile) output_file = g_file_new_for_path (output);

      if (!g_file_replace_contents (output_file, data, length, NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        return failure (error);
    }
  else if (!g_file_set_contents (output, data, length, &error))
    return failure (error);

  g_print ("%s\n", output);

  return LIA_EXIT_OK;
}

/* How late an item is, in the stable words of `liaison today` (README,
 * "Command line"): scripts read them, so they are not translated. */
static char *
format_lateness (int days_overdue)
{
  if (days_overdue == 0)
    return g_strdup ("due today");
  if (days_overdue == 1)
    return g_strdup ("1 day late");
  if (days_overdue > 1)
    return g_strdup_printf ("%d days late", days_overdue);
  if (days_overdue == -1)
    return g_strdup ("1 day left");

  return g_strdup_printf ("%d days left", -days_overdue);
}

/* What --json prints: the builder's value, indented, on standard output. */
static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_today_json (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      LiaAttentionItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, lia_enum_to_nick (LIA_TYPE_ATTENTION_KIND, item->kind));
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, item->key);
      /* null: the library's own (an event of the library itself). */
      json_builder_set_member_name (builder, "partner");
      if (item->partner_id != 0)
        json_builder_add_string_value (builder, item->partner_name);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "partner_id");
      json_builder_add_int_value (builder, item->partner_id);
      json_builder_set_member_name (builder, "due");
      json_builder_add_string_value (builder, item->due_on);
      json_builder_set_member_name (builder, "days_overdue");
      json_builder_add_int_value (builder, item->days_overdue);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, item->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  print_json (builder);
}

static int
run_today (const char *database,
           GStrv      *argv)
{
  gboolean json = FALSE;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the items as JSON"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Evaluate the rules as of this day (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  int status = LIA_EXIT_OK;
  GDate today;

  if (!parse_command_options ("today", entries, argv, &status))
    return status;

  g_date_clear (&today, 1);
  if (date != NULL)
    {
      g_date_set_parse (&today, date);
      if (!g_date_valid (&today) || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", date, 0, 0))
        {
          g_autofree char *message = g_strdup_printf (_("--date needs a day as YYYY-MM-DD, not ‘%s’"), date);
          return usage_error (message);
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  /* today only reads: it never creates a database. */
  if (!(db = open_database (database, LIA_DATABASE_OPEN_DEFAULT)))
    return LIA_EXIT_FAILURE;

  store = lia_store_new (db);
  if (!(items = lia_attention_compute (store, &today, &error)))
    return failure (error);

  if (json)
    {
      print_today_json (items);
      return LIA_EXIT_OK;
    }

  if (items->len == 0)
    {
      g_print ("%s\n", _("Nothing needs doing today: every partner is up to date."));
      return LIA_EXIT_OK;
    }

  /* A stable, documented format (README, "Command line"): due day, how
   * late, partner and the sentence, separated by two spaces. */
  for (guint i = 0; i < items->len; i++)
    {
      LiaAttentionItem *item = g_ptr_array_index (items, i);
      g_autofree char *lateness = format_lateness (item->days_overdue);

      /* "-" stands for the library itself, so the columns stay four. */
      g_print ("%s  %s  %s  %s\n", item->due_on, lateness,
               item->partner_id != 0 ? item->partner_name : "-", item->text);
    }

  return LIA_EXIT_OK;
}

/* Publishing: targets and runs. */

/* The ids of the partners named by --partner, exactly or else ignoring
 * case; a name that matches none, or several, is an error. */
static GArray *
find_partner_ids (LiaStore     *store,
                  char * const *names,
                  GError      **error)
{
  g_autoptr(GArray) all_ids = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) all_names = NULL;

  if (!(all_names = lia_store_list_partner_names (store, &all_ids, error)))
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (names[i], -1);
      gint64 found = 0;
      guint n_folded = 0;
      gint64 folded_id = 0;

      for (guint j = 0; all_names[j] != NULL; j++)
        {
          g_autofree char *other = NULL;

          if (g_str_equal (all_names[j], names[i]))
            {
              found = g_array_index (all_ids, gint64, j);
              break;
            }
          other = g_utf8_casefold (all_names[j], -1);
          if (g_str_equal (other, folded))
            {
              folded_id = g_array_index (all_ids, gint64, j);
              n_folded++;
            }
        }

      if (found == 0 && n_folded == 1)
        found = folded_id;
      if (found == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       n_folded > 1 ? _("Several partners are named like ‘%s’: give the name exactly as it is written.")
                                    : _("There is no partner named ‘%s’ (see the Partners page for their names)."),
                       names[i]);
          return NULL;
        }
      g_array_append_val (ids, found);
    }

  return g_steal_pointer (&ids);
}

/* A password is wiped from memory before it is freed. */
static void
free_password (char *password)
{
  if (password != NULL)
    explicit_bzero (password, strlen (password));
  g_free (password);
}

typedef char LiaPassword;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaPassword, free_password)

static int
run_target_add (const char *database,
                GStrv      *argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *public_url = NULL;
  g_autofree char *past_days = NULL;
  g_autofree char *future_days = NULL;
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) partners = NULL;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("What the target is: folder, webdav, caldav or tec (WordPress, The Events Calendar)"), N_("KIND") },
    { "url", 'u', 0, G_OPTION_ARG_STRING, &url,
      N_("Where to publish: a folder, or the server’s address"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("Log in to the server as USER"), N_("USER") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Store the password read from FILE (its first line; only you may read the file) in the Secret Service"),
      N_("FILE") },
    { "public-url", 0, 0, G_OPTION_ARG_STRING, &public_url,
      N_("The address the published folder is read from, for the feeds’ links"), N_("URL") },
    { "past-days", 0, 0, G_OPTION_ARG_STRING, &past_days,
      N_("Keep events that ended at most N days ago (default 7)"), "N" },
    { "future-days", 0, 0, G_OPTION_ARG_STRING, &future_days,
      N_("Publish events starting at most N days ahead (default 365)"), "N" },
    { "category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &categories,
      N_("Only events of this category (repeat for several)"), N_("CATEGORY") },
    { "partner", 0, 0, G_OPTION_ARG_STRING_ARRAY, &partners,
      N_("Only events of this partner (repeat for several)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(LiaTarget) target = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaPassword) password = NULL;
  g_autoptr(GError) error = NULL;
  LiaTargetKind kind;
  int status = LIA_EXIT_OK;
  guint past = G_MAXUINT;
  guint future = G_MAXUINT;

  if (!parse_command_arguments ("target add NAME", entries, 1, argv, &status))
    return status;

  if (g_strv_length (*argv) < 2)
    return usage_error (_("target add needs the NAME of the target"));
  if (kind_name == NULL || url == NULL)
    return usage_error (_("target add needs --kind KIND and --url URL"));
  if (!lia_target_kind_from_nick (kind_name, &kind))
    {
      g_autofree char *message = g_strdup_printf (_("--kind needs folder, webdav, caldav or tec, not ‘%s’"), kind_name);

      return usage_error (message);
    }
  /* The target checks the range; this is the syntax. */
  if (!parse_count ("--past-days", past_days, MAX_DAYS, &past, &status) ||
      !parse_count ("--future-days", future_days, MAX_DAYS, &future, &status))
    return status;
  if (password_file != NULL && user == NULL)
    return usage_error (_("--password-file needs --user USER, whose password it holds"));

  /* A scheduled job runs from another folder: a folder target is kept
   * as an absolute path. */
  if (kind == LIA_TARGET_FOLDER && !g_path_is_absolute (url) && !g_str_has_prefix (url, "file:"))
    {
      g_autofree char *absolute = g_canonicalize_filename (url, NULL);

      g_free (url);
      url = g_steal_pointer (&absolute);
    }

  target = lia_target_new ((*argv)[1], kind, url);
  target->username = g_strdup (user);
  target->public_url = g_strdup (public_url);
  if (past != G_MAXUINT)
    target->past_days = (int)past;
  if (future != G_MAXUINT)
    target->future_days = (int)future;
  if (categories != NULL && categories[0] != NULL)
    target->categories = g_strdupv (categories);

  /* Everything that can be checked is, before anything is written. */
  if (!lia_target_validate (target, &error))
    return failure (error);
  if (password_file != NULL && !(password = lia_credentials_read_file (password_file, &error)))
    return failure (error);

  if (!(db = open_database (database, LIA_DATABASE_OPEN_CREATE)))
    return LIA_EXIT_FAILURE;
  store = lia_store_new (db);

  if (partners != NULL && partners[0] != NULL &&
      !(target->partner_ids = find_partner_ids (store, partners, &error)))
    return failure (error);

  if (!lia_target_save (target, db, &error))
    return failure (error);

  /* A stable, documented format (README, "Command line"). */
  g_print ("added: %s\n", target->name);

  if (password != NULL)
    {
      if (lia_credentials_store (target->name, target->url, target->username, password, NULL, &error))
        g_print ("password: stored in the Secret Service\n");
      else
        {
          /* The target is saved: a job on this machine gives the password
           * to each run instead. */
          g_printerr (_("liaison: The password was not stored: the Secret Service cannot be reached (%s). Give it to each run with ‘liaison publish --password-file FILE’.\n"),
                      error->message);
          g_print ("password: not stored\n");
        }
    }

  return LIA_EXIT_OK;
}

/* Unix seconds as ISO 8601 in UTC, for scripts. */
static char *
format_utc (gint64 unix_seconds)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
}

static void
print_targets_json (GPtrArray        *targets,
                    LiaPublishStatus *statuses)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < targets->len; i++)
    {
      LiaTarget *target = g_ptr_array_index (targets, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, target->name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, lia_target_kind_to_nick (target->kind));
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, target->url);
      json_builder_set_member_name (builder, "user");
      if (target->username != NULL)
        json_builder_add_string_value (builder, target->username);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "enabled");
      json_builder_add_boolean_value (builder, target->enabled);
      json_builder_set_member_name (builder, "last_run_at");
      if (target->last_run_at != 0)
        {
          g_autofree char *at = format_utc (target->last_run_at);

          json_builder_add_string_value (builder, at);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "last_run_state");
      if (target->last_run_state != NULL)
        json_builder_add_string_value (builder, target->last_run_state);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "pending");
      json_builder_add_int_value (builder, statuses[i].n_pending);
      json_builder_set_member_name (builder, "failed");
      json_builder_add_int_value (builder, statuses[i].n_failed);
      json_builder_set_member_name (builder, "conflicts");
      json_builder_add_int_value (builder, statuses[i].n_conflicts);
      json_builder_set_member_name (builder, "changed_since_run");
      json_builder_add_int_value (builder, statuses[i].changed_since_run);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  print_json (builder);
}

static int
run_target_list (const char *database,
                 GStrv      *argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the targets as JSON"), NULL },
    { NULL }
  };
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree LiaPublishStatus *statuses = NULL;
  g_autoptr(GError) error = NULL;
  int status = LIA_EXIT_OK;

  if (!parse_command_options ("target list", entries, argv, &status))
    return status;

  /* list only reads: it never creates a database. */
  if (!(db = open_database (database, LIA_DATABASE_OPEN_DEFAULT)))
    return LIA_EXIT_FAILURE;

  if (!(targets = lia_target_list (db, &error)))
    return failure (error);
  statuses = g_new0 (LiaPublishStatus, targets->len + 1);
  for (guint i = 0; i < targets->len; i++)
    if (!lia_publish_get_status (db, g_ptr_array_index (targets, i), &statuses[i], &error))
      return failure (error);

  if (json)
    {
      print_targets_json (targets, statuses);
      return LIA_EXIT_OK;
    }

  if (targets->len == 0)
    {
      g_print ("%s\n", _("There are no publish targets yet: add one with ‘liaison target add NAME --kind folder --url FOLDER’."));
      return LIA_EXIT_OK;
    }

  /* A stable, documented format (README, "Command line"): name, kind,
   * URL, user, last run and what is not published yet, separated by two
   * spaces; "-" for no user, "never" for no run. */
  for (guint i = 0; i < targets->len; i++)
    {
      LiaTarget *target = g_ptr_array_index (targets, i);
      g_autofree char *last_run = NULL;

      if (target->last_run_at != 0)
        {
          g_autofree char *at = format_utc (target->last_run_at);

          last_run = g_strdup_printf ("%s %s", at, target->last_run_state != NULL ? target->last_run_state : "-");
        }
      else
        last_run = g_strdup ("never");

      g_print ("%s  %s  %s  %s  %s  %u pending, %u failed, %u conflicts%s\n",
               target->name, lia_target_kind_to_nick (target->kind), target->url,
               target->username != NULL ? target->username : "-", last_run,
               statuses[i].n_pending, statuses[i].n_failed, statuses[i].n_conflicts,
               target->enabled ? "" : "  disabled");
    }

  return LIA_EXIT_OK;
}

static int
run_target_remove (const char *database,
                   GStrv      *argv)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) secret_error = NULL;
  int status = LIA_EXIT_OK;

  if (!parse_command_arguments ("target remove NAME", NULL, 1, argv, &status))
    return status;
  if (g_strv_length (*argv) < 2)
    return usage_error (_("target remove needs the NAME of the target"));

  if (!(db = open_database (database, LIA_DATABASE_OPEN_DEFAULT)))
    return LIA_EXIT_FAILURE;

  if (!(target = lia_target_load (db, (*argv)[1], &error)) ||
      !lia_target_delete (db, target->id, &error))
    return failure (error);

  /* Its password goes with it; where no Secret Service runs, none was
   * stored there. */
  if (!lia_credentials_clear (target->name, NULL, &secret_error))
    g_debug ("No password of “%s” removed: %s", target->name, secret_error->message);

  g_print ("removed: %s\n", target->name);

  return LIA_EXIT_OK;
}

static int
run_target (const char *database,
            GStrv      *argv)
{
  static const LiaCommand target_commands[] = {
    { "add", run_target_add },
    { "list", run_target_list },
    { "remove", run_target_remove },
  };
  int status = LIA_EXIT_OK;

  /* `liaison target --help`, or no subcommand at all. */
  if (g_strv_length (*argv) < 2 || (*argv)[1][0] == '-')
    {
      if (!parse_command_arguments ("target add|list|remove", NULL, 0, argv, &status))
        return status;
      return usage_error (_("target needs add, list or remove"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (target_commands); i++)
    {
      if (g_str_equal ((*argv)[1], target_commands[i].name))
        {
          g_auto(GStrv) command_args = g_strdupv (*argv + 1);

          return target_commands[i].run (database, &command_args);
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("target needs add, list or remove, not ‘%s’"), (*argv)[1]);

    return usage_error (message);
  }
}

/* One `liaison publish`: the targets, run one after the other on a worker
 * thread while the main thread waits for SIGINT or SIGTERM to cancel. */
typedef struct
{
  /* Borrowed */
  LiaStore          *store;
  GPtrArray         *targets;      /* LiaTarget */
  const char        *password;     /* from --password-file; NULL: the Secret Service */
  gboolean           dry_run;
  LiaPublishContext  context;

  int                status;       /* the worker's result */
  gboolean           done;
} PublishRun;

/* The lines of a run, as each step completes: a nightly job's log shows
 * how far it got even when it is killed. */
static void
print_step_cb (const LiaPublishLogLine *line,
               guint                    n_completed,
               guint                    n_steps,
               gpointer                 user_data)
{
  /* A stable, documented format (README, "Command line"). */
  if (line == NULL || line->outcome == LIA_PUBLISH_STEP_PLANNED)
    return;
  g_print ("%s %s %s %s\n", lia_publish_action_to_nick (line->action),
           lia_publish_step_outcome_to_nick (line->outcome), line->item, line->title);
  fflush (stdout);
}

static void
print_plan (const LiaPublishPlan *plan)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      LiaPublishStep *step = g_ptr_array_index (plan->steps, i);
      const char *item = step->item != NULL ? step->item->item : step->record->item;

      g_print ("%s %s %s\n", lia_publish_action_to_nick (step->action), item, step->title);
    }
  g_print ("%s: dry run: would create %u, update %u, delete %u; %u conflicts, %u unchanged\n",
           plan->target->name, plan->n_create, plan->n_update, plan->n_delete, plan->n_conflict,
           plan->n_unchanged);
}

/* The first reason a step was not done, for the line on stderr. */
static const char *
find_first_problem (const LiaPublishReport *report)
{
  for (guint i = 0; i < report->lines->len; i++)
    {
      LiaPublishLogLine *line = g_ptr_array_index (report->lines, i);

      if (line->outcome != LIA_PUBLISH_STEP_DONE && line->message != NULL)
        return line->message;
    }

  return NULL;
}

static int
publish_target (PublishRun      *run,
                const LiaTarget *target,
                GCancellable    *cancellable)
{
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPassword) stored = NULL;
  g_autoptr(GError) error = NULL;
  LiaPublishOptions options;
  const char *problem;

  lia_publish_options_init (&options);
  options.dry_run = run->dry_run;
  options.context = run->context;

  /* A dry run sends nothing, so it needs no password. */
  if (target->username != NULL && !run->dry_run)
    {
      if (run->password != NULL)
        options.password = run->password;
      /* Nobody may be there to answer a prompt to unlock the keyring. */
      else if ((stored = lia_credentials_lookup_unattended (target->name, cancellable, &error)) != NULL)
        options.password = stored;
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        {
          /* The keyring is locked: the message says what to do. */
          g_printerr (_("liaison: Publishing to “%s” stopped: %s\n"), target->name, error->message);
          return LIA_EXIT_FAILURE;
        }
      else if (error != NULL)
        {
          g_printerr (_("liaison: Publishing to “%s” needs the password of “%s”, and the Secret Service cannot be reached (%s): give it with ‘--password-file FILE’.\n"),
                      target->name, target->username, error->message);
          return LIA_EXIT_FAILURE;
        }
      else
        {
          g_printerr (_("liaison: Publishing to “%s” needs the password of “%s”: none is stored in the Secret Service. Store it with ‘liaison target add’ and ‘--password-file FILE’, or give it to each run with ‘--password-file FILE’.\n"),
                      target->name, target->username);
          return LIA_EXIT_FAILURE;
        }
    }

  if (!(report = lia_publish_run (run->store, target, &options, print_step_cb, NULL, cancellable, &error)))
    {
      g_printerr (_("liaison: Publishing to “%s” could not start: %s\n"), target->name, error->message);
      return LIA_EXIT_FAILURE;
    }

  if (report->state == LIA_PUBLISH_RUN_DRY_RUN)
    {
      if (report->plan != NULL)
        print_plan (report->plan);
      return LIA_EXIT_OK;
    }

  /* Conflicts waiting for the user were not run: their lines come last. */
  for (guint i = 0; i < report->lines->len; i++)
    {
      LiaPublishLogLine *line = g_ptr_array_index (report->lines, i);

      if (line->action == LIA_PUBLISH_CONFLICT)
        print_step_cb (line, 0, 0, NULL);
    }

  /* A stable, documented format (README, "Command line"). */
  if (report->state == LIA_PUBLISH_RUN_OK && report->plan != NULL && report->plan->steps->len == 0)
    g_print ("%s: nothing to do\n", target->name);
  else
    g_print ("%s: %u done, %u conflicts, %u failed, %u pending\n", target->name,
             report->n_done, report->n_conflicts, report->n_failed, report->n_pending);
  fflush (stdout);

  switch (report->state)
    {
    case LIA_PUBLISH_RUN_OK:
    case LIA_PUBLISH_RUN_DRY_RUN:
      return LIA_EXIT_OK;

    case LIA_PUBLISH_RUN_PARTIAL:
      problem = find_first_problem (report);
      /* TRANSLATORS: "Publishing to “Library website” left 1 failed, 0
       * conflicts and 2 pending." then the first reason, if any. */
      g_printerr (_("liaison: Publishing to “%s” left %u failed, %u conflicts and %u pending.%s%s\n"),
                  target->name, report->n_failed, report->n_conflicts, report->n_pending,
                  problem != NULL ? " " : "", problem != NULL ? problem : "");
      return LIA_EXIT_FAILURE;

    case LIA_PUBLISH_RUN_FAILED:
    case LIA_PUBLISH_RUN_CANCELLED:
    default:
      /* The job's message names the target and says why. */
      if (report->message != NULL)
        g_printerr ("liaison: %s\n", report->message);
      else
        g_printerr (_("liaison: Publishing to “%s” stopped.\n"), target->name);
      return LIA_EXIT_FAILURE;
    }
}

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PublishRun *run = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();

  /* The job's session belongs to this thread's context, never to the
   * main thread's, which is busy waiting for signals. */
  g_main_context_push_thread_default (context);

  run->status = LIA_EXIT_OK;
  for (guint i = 0; i < run->targets->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          run->status = LIA_EXIT_FAILURE;
          break;
        }
      if (publish_target (run, g_ptr_array_index (run->targets, i), cancellable) != LIA_EXIT_OK)
        run->status = LIA_EXIT_FAILURE;
    }

  g_main_context_pop_thread_default (context);
  g_task_return_boolean (task, TRUE);
}

static void
on_publish_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PublishRun *run = user_data;

  run->done = TRUE;
}

static gboolean
on_signal_cb (gpointer user_data)
{
  /* Steps under way finish and are recorded; the rest stay for the next
   * run. A second signal ends the program at once (the handler is gone). */
  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

static int
run_publish (const char *database,
             GStrv      *argv)
{
  g_autofree char *target_name = NULL;
  g_autofree char *password_file = NULL;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "target", 't', 0, G_OPTION_ARG_STRING, &target_name,
      N_("Publish to this target only (default: every enabled target)"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what publishing would do"), NULL },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from FILE (its first line; only you may read the file) instead of the Secret Service"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(LiaPassword) password = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *library_name = NULL;
  g_autofree char *tzid = NULL;
  PublishRun run = { NULL };
  guint signal_ids[2];
  int status = LIA_EXIT_OK;

  if (!parse_command_options ("publish", entries, argv, &status))
    return status;

  /* A refused password file stops everything before anything is sent. */
  if (password_file != NULL && !(password = lia_credentials_read_file (password_file, &error)))
    return failure (error);

  /* publish never creates a database. */
  if (!(db = open_database (database, LIA_DATABASE_OPEN_DEFAULT)))
    return LIA_EXIT_FAILURE;

  if (target_name != NULL)
    {
      LiaTarget *target;

      /* Named, it is published even when disabled. */
      if (!(target = lia_target_load (db, target_name, &error)))
        return failure (error);
      targets = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_target_free);
      g_ptr_array_add (targets, target);
    }
  else
    {
      g_autoptr(GPtrArray) all = NULL;

      if (!(all = lia_target_list (db, &error)))
        return failure (error);
      targets = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_target_free);
      for (guint i = 0; i < all->len; i++)
        {
          LiaTarget *target = g_ptr_array_index (all, i);

          if (target->enabled)
            g_ptr_array_add (targets, lia_target_copy (target));
        }
      if (targets->len == 0)
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no publish target to publish to: add one with ‘liaison target add NAME --kind folder --url FOLDER’."));
          return failure (error);
        }
    }

  store = lia_store_new (db);
  dup_library_settings (&library_name, &tzid);

  run.store = store;
  run.targets = targets;
  run.password = password;
  run.dry_run = dry_run;
  run.context.library_name = library_name;
  run.context.time_zone = tzid;

  cancellable = g_cancellable_new ();
  signal_ids[0] = g_unix_signal_add (SIGINT, on_signal_cb, cancellable);
  signal_ids[1] = g_unix_signal_add (SIGTERM, on_signal_cb, cancellable);

  task = g_task_new (NULL, cancellable, on_publish_done_cb, &run);
  g_task_set_task_data (task, &run, NULL);
  g_task_run_in_thread (task, publish_thread);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (signal_ids); i++)
    {
      GSource *source = g_main_context_find_source_by_id (NULL, signal_ids[i]);

      if (source != NULL && !g_source_is_destroyed (source))
        g_source_destroy (source);
    }

  return run.status;
}

/* The paper of --paper, else the page size of Preferences; a build that
 * is not installed has no settings schema and takes the locale's. */
static LiaPageSize
get_default_page_size (void)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, BASE_APPLICATION_ID, TRUE)) != NULL)
    return lia_settings_get_page_size (lia_settings_get_default ());

  return lia_page_size_for_locale ();
}

static gboolean
parse_paper (const char  *paper,
             LiaPageSize *size,
             int         *exit_status)
{
  if (paper == NULL)
    *size = get_default_page_size ();
  else if (g_ascii_strcasecmp (paper, "letter") == 0)
    *size = LIA_PAGE_SIZE_LETTER;
  else if (g_ascii_strcasecmp (paper, "a4") == 0)
    *size = LIA_PAGE_SIZE_A4;
  else
    {
      g_autofree char *message = g_strdup_printf (_("--paper needs letter or a4, not ‘%s’"), paper);

      *exit_status = usage_error (message);
      return FALSE;
    }

  return TRUE;
}

/* Writes @document as a PDF at @output and prints its path. */
static int
write_document (LiaDocument *document,
                LiaPageSize  size,
                const char  *output)
{
  g_autoptr(GError) error = NULL;
  LiaPageSetup setup;

  lia_page_setup_init (&setup, size);
  if (!lia_document_write_pdf (document, &setup, output, &error))
    return failure (error);

  g_print ("%s\n", output);

  return LIA_EXIT_OK;
}

static int
run_print_flyer (const char *database,
                 GStrv      *argv)
{
  g_autofree char *uid = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *output = NULL;
  g_autofree char *library_name = NULL;
  g_autofree char *tzid = NULL;
  gboolean large_print = FALSE;
  GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_STRING, &uid,
      N_("The event’s UID (as in an exported calendar)"), N_("UID") },
    { "large-print", 0, 0, G_OPTION_ARG_NONE, &large_print,
      N_("Bigger type, for readers with low vision"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("letter or a4 (default: the page size of Preferences)"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(LiaDocument) flyer = NULL;
  g_autoptr(GError) error = NULL;
  LiaPrintContext context = { NULL, NULL };
  LiaPageSize size;
  int status = LIA_EXIT_OK;

  if (!parse_command_options ("print flyer", entries, argv, &status))
    return status;

  if (uid == NULL || output == NULL)
    return usage_error (_("print flyer needs --event UID and --output FILE.pdf"));
  if (!parse_paper (paper, &size, &status))
    return status;

  /* print never creates a database: a typo in a path must not make one. */
  if (!(db = open_database (database, LIA_DATABASE_OPEN_DEFAULT)))
    return LIA_EXIT_FAILURE;

  store = lia_store_new (db);
  if (!(event = lia_store_get_event_by_uid (store, uid, NULL, &error)))
    {
      if (g_error_matches (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          g_set_error (&error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                       _("There is no event with the UID ‘%s’"), uid);
        }
      return failure (error);
    }

  dup_library_settings (&library_name, &tzid);
  context.library_name = library_name;
  context.time_zone = tzid;

  if (!(flyer = lia_flyer_new (store, lia_event_get_id (event), large_print, &context, &error)))
    return failure (error);

  return write_document (flyer, size, output);
}

/* What every document but the flyer shares: --paper and --output, the
 * database opened (never created), the library's settings. */
typedef LiaDocument *(*NewDocumentFunc) (LiaStore              *store,
                                         const LiaPrintContext *context,
                                         gpointer               data,
                                         GError               **error);

static int
print_document (const char      *database,
                const char      *paper,
                const char      *output,
                NewDocumentFunc  new_document,
                gpointer         data)
{
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *library_name = NULL;
  g_autofree char *tzid = NULL;
  LiaPrintContext context = { NULL, NULL };
  LiaPageSize size;
  int status = LIA_EXIT_OK;

  if (!parse_paper (paper, &size, &status))
    return status;
  if (!(db = open_database (database, LIA_DATABASE_OPEN_DEFAULT)))
    return LIA_EXIT_FAILURE;

  store = lia_store_new (db);
  dup_library_settings (&library_name, &tzid);
  context.library_name = library_name;
  context.time_zone = tzid;

  if (!(document = new_document (store, &context, data, &error)))
    return failure (error);

  return write_document (document, size, output);
}

static LiaDocument *
new_bulletin (LiaStore              *store,
              const LiaPrintContext *context,
              gpointer               data,
              GError               **error)
{
  return lia_bulletin_new (store, data, context, error);
}

static int
run_print_bulletin (const char *database,
                    GStrv      *argv)
{
  g_autofree char *month = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month, N_("The month, as 2026-12"), N_("YYYY-MM") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("letter or a4 (default: the page size of Preferences)"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { NULL }
  };
  GDate first;
  int year = 0, number = 0;
  char end = 0;
  int status = LIA_EXIT_OK;

  if (!parse_command_options ("print bulletin", entries, argv, &status))
    return status;
  if (month == NULL || output == NULL)
    return usage_error (_("print bulletin needs --month YYYY-MM and --output FILE.pdf"));
  if (sscanf (month, "%4d-%2d%c", &year, &number, &end) != 2 || strlen (month) != 7 ||
      !g_date_valid_dmy (1, (GDateMonth)number, (GDateYear)year))
    {
      g_autofree char *message = g_strdup_printf (_("--month takes a month as 2026-12, not ‘%s’"), month);

      return usage_error (message);
    }
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth)number, (GDateYear)year);

  return print_document (database, paper, output, new_bulletin, &first);
}

static LiaDocument *
new_directory (LiaStore              *store,
               const LiaPrintContext *context,
               gpointer               data,
               GError               **error)
{
  return lia_directory_sheet_new (store, context, error);
}

static int
run_print_directory (const char *database,
                     GStrv      *argv)
{
  g_autofree char *paper = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("letter or a4 (default: the page size of Preferences)"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { NULL }
  };
  int status = LIA_EXIT_OK;

  if (!parse_command_options ("print directory", entries, argv, &status))
    return status;
  if (output == NULL)
    return usage_error (_("print directory needs --output FILE.pdf"));

  return print_document (database, paper, output, new_directory, NULL);
}

static LiaDocument *
new_update_sheet (LiaStore              *store,
                  const LiaPrintContext *context,
                  gpointer               data,
                  GError               **error)
{
  char *names[] = { data, NULL };
  g_autoptr(GArray) ids = NULL;

  if (!(ids = find_partner_ids (store, names, error)))
    return NULL;

  return lia_update_sheet_new (store, g_array_index (ids, gint64, 0), context, error);
}

static int
run_print_update_sheet (const char *database,
                        GStrv      *argv)
{
  g_autofree char *partner = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, N_("The partner, by its name"), N_("NAME") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("letter or a4 (default: the page size of Preferences)"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { NULL }
  };
  int status = LIA_EXIT_OK;

  if (!parse_command_options ("print update-sheet", entries, argv, &status))
    return status;
  if (partner == NULL || output == NULL)
    return usage_error (_("print update-sheet needs --partner NAME and --output FILE.pdf"));

  return print_document (database, paper, output, new_update_sheet, partner);
}

/* `print DOCUMENT ...`: each document has its own options. */
static const LiaCommand print_commands[] = {
  { "flyer", run_print_flyer },
  { "bulletin", run_print_bulletin },
  { "directory", run_print_directory },
  { "update-sheet", run_print_update_sheet },
};

static int
run_print (const char *database,
           GStrv      *argv)
{
  g_auto(GStrv) sub_argv = NULL;

  if (g_strv_length (*argv) < 2 || (*argv)[1][0] == '-')
    return usage_error (_("print needs a document: flyer, bulletin, directory or update-sheet"));

  for (guint i = 0; i < G_N_ELEMENTS (print_commands); i++)
    {
      if (g_str_equal ((*argv)[1], print_commands[i].name))
        {
          /* "print flyer" is the command's name for its own options. */
          sub_argv = g_strdupv (*argv + 1);
          return print_commands[i].run (database, &sub_argv);
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("print needs a document: flyer, bulletin, directory or "
                                                  "update-sheet, not ‘%s’"), (*argv)[1]);

    return usage_error (message);
  }
}

static const LiaCommand commands[] = {
  { "info", run_info },
  { "sample-data", run_sample_data },
  { "import", run_import },
  { "export", run_export },
  { "today", run_today },
  { "print", run_print },
  { "target", run_target },
  { "publish", run_publish },
};

gboolean
lia_command_line_run (char ***argv,
                      char  **database,
                      int    *exit_status)
{
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &global_database,
      N_("Use the database FILE instead of the default one"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and quit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;

  g_return_val_if_fail (argv != NULL && *argv != NULL, FALSE);
  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (exit_status != NULL, FALSE);

  *database = NULL;
  *exit_status = LIA_EXIT_OK;
  g_clear_pointer (&global_database, g_free);

  /* Parse a copy: GOption rearranges and frees what it consumes. */
  args = g_strdupv (*argv);

  context = g_option_context_new (_("[COMMAND] — keep the library’s community partnerships"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at the command, whose options are its own. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_description (context,
                                    _("Commands:\n"
                                      "  info          Show the file, schema version, counts and integrity\n"
                                      "  sample-data   Write a database of sample data\n"
                                      "  import        Add and update partners from a CSV file, or events from an iCalendar file\n"
                                      "  export        Write the partners as CSV or vCard, the events as iCalendar or feeds, or the directory\n"
                                      "  today         List what needs doing (the Today page)\n"
                                      "  print         Write a flyer as a PDF\n"
                                      "  target        Add, list and remove the places the events are published to\n"
                                      "  publish       Publish the events to the targets"));

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *exit_status = usage_error (error->message);
      return TRUE;
    }
  if (version)
    {
      g_print ("liaison %s\n", PACKAGE_VERSION);
      return TRUE;
    }

  if (g_strv_length (args) < 2)
    {
      *database = g_steal_pointer (&global_database);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (args[1], commands[i].name))
        {
          g_autofree char *database_option = g_steal_pointer (&global_database);
          g_auto(GStrv) command_args = g_strdupv (args + 1);

          *exit_status = commands[i].run (database_option, &command_args);
          g_clear_pointer (&global_database, g_free);
          return TRUE;
        }
    }

  if (g_str_equal (args[1], "help"))
    {
      print_usage (stdout);
      return TRUE;
    }

  {
    g_autofree char *message = g_strdup_printf (_("unknown command ‘%s’"), args[1]);
    *exit_status = usage_error (message);
  }

  return TRUE;
}
