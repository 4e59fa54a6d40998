/* main.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "lia-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaApplication) app = NULL;

  /* Before the command line runs: its messages are translated too. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lia_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
