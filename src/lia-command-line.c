/* lia-command-line.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-command-line"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "lia-attention.h"
#include "lia-command-line.h"
#include "lia-csv.h"
#include "lia-database.h"
#include "lia-enums.h"
#include "lia-ical.h"
#include "lia-partner-export.h"
#include "lia-partner-import.h"
#include "lia-sample-data.h"
#include "lia-settings.h"
#include "lia-store.h"

typedef struct
{
  const char *name;
  /* @argv starts with the command's name; the callee may rearrange it. */
  int       (*run) (const char *database, GStrv *argv);
} LiaCommand;

static char *global_database;

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
             "  liaison [--database FILE] export --format csv-partners|csv-contacts|vcard|ics --output FILE\n"
             "                                                  Write the partners, or the events (ics), to a file\n"
             "                                                  (- for standard output)\n"
             "  liaison [--database FILE] today [--json] [--date YYYY-MM-DD]\n"
             "                                                  List what needs doing (the Today page)\n"
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

static gboolean
parse_count (const char  *option,
             const char  *text,
             guint       *value,
             int         *exit_status)
{
  guint64 number;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 10000000, &number, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("%s needs a whole number from 0 to 10000000, not ‘%s’"),
                                                  option, text);

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

  if (!parse_count ("--partners", partners, &options.partners, &status) ||
      !parse_count ("--events", events, &options.events, &status) ||
      !parse_count ("--interactions", interactions, &options.interactions, &status) ||
      !parse_count ("--contacts", contacts, &options.contacts, &status))
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

/* The plan of a calendar file: events from it, checked against @store. */
static LiaIcalPlan *
plan_calendar (LiaStore   *store,
               const char *path,
               GBytes     *calendar)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *tzid = NULL;
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  LiaIcalPlan *plan;

  /* A scheduled job on a build that is not installed has no settings
   * schema: floating times are then the computer's zone, not an abort. */
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, BASE_APPLICATION_ID, TRUE)) != NULL)
    tzid = lia_settings_dup_library_time_zone (lia_settings_get_default ());
  else
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      tzid = g_strdup (g_time_zone_get_identifier (local));
    }

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

static int
run_export (const char *database,
            GStrv      *argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("What to write: csv-partners, csv-contacts, vcard or ics"), N_("FORMAT") },
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
  int status = LIA_EXIT_OK;
  const char *data;
  gsize length;

  if (!parse_command_options ("export", entries, argv, &status))
    return status;

  if (format_name == NULL || output == NULL)
    return usage_error (_("export needs --format FORMAT and --output FILE"));

  ics = g_str_equal (format_name, "ics");
  if (!ics && !lia_partner_export_format_from_name (format_name, &format))
    {
      g_autofree char *message = g_strdup_printf (_("--format needs csv-partners, csv-contacts, vcard or ics, not ‘%s’"),
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
  if (ics)
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

static void
print_today_json (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

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

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
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

static const LiaCommand commands[] = {
  { "info", run_info },
  { "sample-data", run_sample_data },
  { "import", run_import },
  { "export", run_export },
  { "today", run_today },
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
                                      "  export        Write the partners as CSV or vCard, or the events as iCalendar\n"
                                      "  today         List what needs doing (the Today page)"));

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
