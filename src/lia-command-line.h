/* lia-command-line.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line (DESIGN.md, "Command line"). */
#define LIA_EXIT_OK      0
#define LIA_EXIT_FAILURE 1
#define LIA_EXIT_USAGE   2

/* Parses the global options (--database, --version) and runs a command
 * (info, sample-data, ...) when one is given, printing results on stdout and
 * errors on stderr. Returns TRUE when it handled the command line and set
 * @exit_status; FALSE when the window should open, with *@database set to
 * the file named by --database (or NULL for the default database). Needs no
 * display and no session bus. */
gboolean lia_command_line_run (char ***argv,
                               char  **database,
                               int    *exit_status);

G_END_DECLS
