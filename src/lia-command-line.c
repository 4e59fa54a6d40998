/* lia-command-line.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-command-line"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "lia-command-line.h"
#include "lia-database.h"
#include "lia-sample-data.h"
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
 * `liaison info --database FILE` works like `liaison --database FILE info`. */
static gboolean
parse_command_options (const char    *command,
                       GOptionEntry  *entries,
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

  if (g_strv_length (*argv) > 1)
    {
      g_autofree char *message = g_strdup_printf (_("‘%s’ does not take the argument ‘%s’"),
                                                  command, (*argv)[1]);

      *exit_status = usage_error (message);
      return FALSE;
    }

  return TRUE;
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

static const LiaCommand commands[] = {
  { "info", run_info },
  { "sample-data", run_sample_data },
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
                                      "  sample-data   Write a database of sample data"));

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
