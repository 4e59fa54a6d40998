/* floor-app.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor of the start-up benchmark (bench-startup.c): the least a
 * libadwaita application does to put a window on screen. It registers on
 * the session bus under an id of its own, as Liaison does (no
 * G_APPLICATION_NON_UNIQUE), and presents an empty AdwApplicationWindow of
 * Liaison's default size (the schema's window-width and window-height).
 * Whatever Liaison costs beyond this is Liaison's own.
 */

#include <adwaita.h>

#define FLOOR_APPLICATION_ID "org.liaisonapp.Liaison.Floor"
#define FLOOR_WIDTH  1100
#define FLOOR_HEIGHT 720

static void
on_activate_cb (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);

  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), FLOOR_WIDTH, FLOOR_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new (FLOOR_APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
