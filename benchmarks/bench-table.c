/* bench-table.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs last: gathers every LIA_BENCH_RESULTS/PROGRAM.tsv (written by
 * bench_row() and bench_note(), see bench-util.c) into one table, grouped by
 * program in the order they ran (their files' modification times), the
 * notes under their rows, with the machine in a header and a summary line.
 *
 *   bench-table [EXPECTED-PROGRAM...]
 *
 * Exits 1 when a row FAILed, when a line cannot be read, or when an
 * expected program left no results although the `datasets` benchmark began
 * this run: datasets.tsv is then in the folder, and since that benchmark
 * empties the folder before anything else runs, a program missing beside it
 * was meant to run and did not (it crashed before its first row, timed out,
 * or was left out). Without datasets.tsv (programs run one by one) a missing
 * program is listed as "not run" and is not a failure.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

#define N_FIELDS 8

typedef struct
{
  char   *program;
  char   *path;
  gint64  modified_ns;
} ResultsFile;

typedef struct
{
  guint n_rows;
  guint n_pass;
  guint n_fail;
  guint n_info;
  guint n_unreadable;
} Summary;

static void
results_file_free (ResultsFile *file)
{
  g_free (file->program);
  g_free (file->path);
  g_free (file);
}

static int
compare_modified (gconstpointer a,
                  gconstpointer b)
{
  const ResultsFile *x = *(ResultsFile * const *)a, *y = *(ResultsFile * const *)b;

  if (x->modified_ns != y->modified_ns)
    return x->modified_ns < y->modified_ns ? -1 : 1;

  return strcmp (x->program, y->program);
}

/* A program's file is last written with its last row, and the programs run
 * one after another: the order of the times is the order they ran. */
static GPtrArray *
list_results (const char *dir)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify)results_file_free);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      ResultsFile *file;
      struct stat buf;

      if (!g_str_has_suffix (name, ".tsv"))
        continue;
      file = g_new0 (ResultsFile, 1);
      file->program = g_strndup (name, strlen (name) - strlen (".tsv"));
      file->path = g_build_filename (dir, name, NULL);
      if (stat (file->path, &buf) == 0)
        file->modified_ns = (gint64)buf.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + buf.st_mtim.tv_nsec;
      g_ptr_array_add (files, file);
    }
  g_ptr_array_sort (files, compare_modified);

  return g_steal_pointer (&files);
}

static gboolean
has_program (GPtrArray  *files,
             const char *program)
{
  for (guint i = 0; i < files->len; i++)
    if (g_str_equal (((ResultsFile *)g_ptr_array_index (files, i))->program, program))
      return TRUE;

  return FALSE;
}

/* The first line of /proc/FILE that starts with @key, after its colon. */
static char *
read_proc_field (const char *file,
                 const char *key)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (file, &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && strchr (lines[i], ':') != NULL)
      return g_strstrip (g_strdup (strchr (lines[i], ':') + 1));

  return NULL;
}

static void
print_machine (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  g_autofree char *cpu = read_proc_field ("/proc/cpuinfo", "model name");
  g_autofree char *memory = read_proc_field ("/proc/meminfo", "MemTotal");
  guint64 memory_kb = memory != NULL ? g_ascii_strtoull (memory, NULL, 10) : 0;

  g_print ("Liaison benchmarks, %s\n", date);
  g_print ("Machine: %s, %u CPUs, %.1f GiB memory; build: %s\n",
           cpu != NULL ? cpu : "unknown CPU", g_get_num_processors (),
           memory_kb / (1024.0 * 1024.0), BENCH_BUILDTYPE);
}

/* Prints @file's rows and notes, counting them in @summary. */
static void
print_program (ResultsFile *file,
               int          width,
               Summary     *summary)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_print ("\n%s\n", file->program);
  if (!g_file_get_contents (file->path, &contents, NULL, &error))
    {
      g_print ("  cannot read %s: %s\n", file->path, error->message);
      summary->n_unreadable++;
      return;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", N_FIELDS);
      if (g_strv_length (fields) >= 3 && g_str_equal (fields[1], "#"))
        {
          g_print ("    (%s)\n", fields[2]);
          continue;
        }
      if (g_strv_length (fields) != N_FIELDS)
        {
          g_print ("  unreadable line: %s\n", lines[i]);
          summary->n_unreadable++;
          continue;
        }

      /* program, figure, liaison, reference, ratio, budget, result, when */
      g_print ("  %-*s %10s %10s %7s %9s  %s\n", width, fields[1], fields[2], fields[3],
               fields[4], fields[5], fields[6]);
      summary->n_rows++;
      if (g_str_equal (fields[6], "pass"))
        summary->n_pass++;
      else if (g_str_equal (fields[6], "info"))
        summary->n_info++;
      else
        summary->n_fail++;
    }
}

/* The widest figure, so that the columns line up across programs. */
static int
figure_width (GPtrArray *files)
{
  int width = (int)strlen ("figure");

  for (guint f = 0; f < files->len; f++)
    {
      ResultsFile *file = g_ptr_array_index (files, f);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (file->path, &contents, NULL, NULL))
        continue;
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], "\t", N_FIELDS);

          if (g_strv_length (fields) == N_FIELDS && !g_str_equal (fields[1], "#"))
            width = MAX (width, (int)g_utf8_strlen (fields[1], -1));
        }
    }

  return width;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("LIA_BENCH_RESULTS");
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  Summary summary = { 0 };
  gboolean complete_run;
  guint n_missing = 0;
  int width;

  if (dir == NULL || *dir == '\0')
    {
      g_printerr ("LIA_BENCH_RESULTS is not set: run `meson test --benchmark -C _build`\n");
      return 1;
    }

  files = list_results (dir);
  complete_run = has_program (files, "datasets");
  for (int i = 1; i < argc; i++)
    if (!has_program (files, argv[i]))
      {
        g_string_append_printf (missing, "%s%s", n_missing > 0 ? ", " : "", argv[i]);
        n_missing++;
      }

  print_machine ();
  width = figure_width (files);
  g_print ("\n  %-*s %10s %10s %7s %9s  %s\n", width, "figure", "liaison", "reference", "ratio",
           "budget", "result");
  for (guint i = 0; i < files->len; i++)
    print_program (g_ptr_array_index (files, i), width, &summary);
  if (n_missing > 0)
    g_print ("\nnot run: %s%s\n", missing->str,
             complete_run ? "" : " (the datasets benchmark did not begin this run: not a failure)");

  g_print ("\n%u figures: %u pass, %u FAIL, %u info", summary.n_rows, summary.n_pass,
           summary.n_fail, summary.n_info);
  if (n_missing > 0)
    g_print ("; %u not run", n_missing);
  if (summary.n_unreadable > 0)
    g_print ("; %u unreadable", summary.n_unreadable);
  g_print ("\n");

  if (summary.n_fail > 0 || summary.n_unreadable > 0 || (complete_run && n_missing > 0))
    return 1;

  return 0;
}
