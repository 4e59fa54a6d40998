/* lia-welcome-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-welcome-page"

#include "config.h"

#include "lia-welcome-page.h"

/* The first page of an empty database. Its buttons activate the window's
 * win.start-empty and win.explore-sample actions; the window sets "busy"
 * while it makes the sample data. */
struct _LiaWelcomePage
{
  GtkWidget      parent_instance;

  gboolean       busy;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkButton     *start_empty_button;
  GtkButton     *explore_sample_button;
};

G_DEFINE_FINAL_TYPE (LiaWelcomePage, lia_welcome_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_BUSY, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
lia_welcome_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_WELCOME_PAGE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lia_welcome_page_parent_class)->dispose (object);
}

static void
lia_welcome_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaWelcomePage *self = LIA_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_welcome_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaWelcomePage *self = LIA_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      lia_welcome_page_set_busy (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_welcome_page_class_init (LiaWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_welcome_page_dispose;
  object_class->get_property = lia_welcome_page_get_property;
  object_class->set_property = lia_welcome_page_set_property;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, LiaWelcomePage, start_empty_button);
  gtk_widget_class_bind_template_child (widget_class, LiaWelcomePage, explore_sample_button);
}

static void
lia_welcome_page_init (LiaWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);
}

GtkWidget *
lia_welcome_page_new (void)
{
  return g_object_new (LIA_TYPE_WELCOME_PAGE, NULL);
}

gboolean
lia_welcome_page_get_busy (LiaWelcomePage *self)
{
  g_return_val_if_fail (LIA_IS_WELCOME_PAGE (self), FALSE);

  return self->busy;
}

void
lia_welcome_page_set_busy (LiaWelcomePage *self,
                           gboolean        busy)
{
  g_return_if_fail (LIA_IS_WELCOME_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}
