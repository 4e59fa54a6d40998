/* lia-update-window.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-update-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-update-window.h"

/* Shown while a database of an older version is updated before its
 * window can open (a large file takes from seconds to half a minute).
 * The bar pulses as the update reports work; closing the window
 * stops the update, and the file stays as it was. */
struct _LiaUpdateWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  GCancellable         *cancellable;

  GtkProgressBar       *progress_bar;
};

G_DEFINE_FINAL_TYPE (LiaUpdateWindow, lia_update_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
lia_update_window_close_request (GtkWindow *window)
{
  LiaUpdateWindow *self = LIA_UPDATE_WINDOW (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (lia_update_window_parent_class)->close_request (window);
}

static void
lia_update_window_dispose (GObject *object)
{
  LiaUpdateWindow *self = LIA_UPDATE_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lia_update_window_parent_class)->dispose (object);
}

static void
lia_update_window_class_init (LiaUpdateWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lia_update_window_dispose;
  window_class->close_request = lia_update_window_close_request;
}

static void
lia_update_window_init (LiaUpdateWindow *self)
{
}

/**
 * lia_update_window_new:
 * @application: the application
 * @file_name: the database's name, as shown to the user
 * @cancellable: cancelled when the user closes the window
 */
LiaUpdateWindow *
lia_update_window_new (AdwApplication *application,
                       const char     *file_name,
                       GCancellable   *cancellable)
{
  g_autofree char *description = NULL;
  LiaUpdateWindow *self;
  GtkWidget *box, *header, *status, *bar;

  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (LIA_TYPE_UPDATE_WINDOW,
                       "application", application,
                       "title", _("Updating Records"),
                       "default-width", 480,
                       "default-height", 420,
                       "resizable", FALSE,
                       NULL);
  self->cancellable = g_object_ref (cancellable);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), gtk_label_new (NULL));
  gtk_widget_add_css_class (header, "flat");
  gtk_box_append (GTK_BOX (box), header);

  /* Translators: %s is a file name, such as liaison.db */
  description = g_strdup_printf (_("‘%s’ is being updated for this version of Liaison. "
                                   "A copy of the file as it was is saved beside it first.\n\n"
                                   "Closing this window stops the update and leaves the file as it was."),
                                 file_name);
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), APPLICATION_ID);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Updating Records"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_widget_add_css_class (status, "compact");

  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.1);
  gtk_widget_set_size_request (bar, 240, -1);
  gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Update progress"),
                                  -1);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), bar);
  gtk_box_append (GTK_BOX (box), status);
  self->progress_bar = GTK_PROGRESS_BAR (bar);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);

  return self;
}

/* The update goes on: the bar moves. */
void
lia_update_window_pulse (LiaUpdateWindow *self)
{
  g_return_if_fail (LIA_IS_UPDATE_WINDOW (self));

  gtk_progress_bar_pulse (self->progress_bar);
}
