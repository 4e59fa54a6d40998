/* lia-overview-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-overview-page.h"
#include "lia-settings.h"

/* What the database holds: the counts of each kind of record, the file and
 * its schema version. */
struct _LiaOverviewPage
{
  GtkWidget  parent_instance;

  /* Owned */
  LiaStore  *store;

  /* Template widgets */
  GtkLabel  *heading;
  GtkLabel  *summary;
  GtkLabel  *partners_count;
  GtkLabel  *contacts_count;
  GtkLabel  *agreements_count;
  GtkLabel  *expectations_count;
  GtkLabel  *interactions_count;
  GtkLabel  *events_count;
  GtkLabel  *path_label;
  GtkLabel  *schema_version_label;
};

G_DEFINE_FINAL_TYPE (LiaOverviewPage, lia_overview_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_label_set_label (label, text);
}

static void
update_heading (LiaOverviewPage *self)
{
  const char *library_name = lia_settings_get_library_name (lia_settings_get_default ());

  if (library_name != NULL && library_name[0] != '\0')
    gtk_label_set_label (self->heading, library_name);
  else
    gtk_label_set_label (self->heading, _("Your Community Desk"));
}

/**
 * lia_overview_page_refresh:
 * @self: a #LiaOverviewPage
 *
 * Reads the counts again from the store.
 */
void
lia_overview_page_refresh (LiaOverviewPage *self)
{
  GtkLabel *counts_labels[] = {
    self->partners_count, self->contacts_count, self->agreements_count,
    self->expectations_count, self->interactions_count, self->events_count,
  };
  LiaStoreCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  LiaDatabase *database;

  g_return_if_fail (LIA_IS_OVERVIEW_PAGE (self));

  update_heading (self);

  if (self->store == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (counts_labels); i++)
        gtk_label_set_label (counts_labels[i], "—");
      gtk_label_set_label (self->summary, "");
      gtk_label_set_label (self->path_label, "");
      gtk_label_set_label (self->schema_version_label, "");
      return;
    }

  if (lia_store_get_counts (self->store, &counts, &error))
    {
      set_count (self->partners_count, counts.partners);
      set_count (self->contacts_count, counts.contacts);
      set_count (self->agreements_count, counts.agreements);
      set_count (self->expectations_count, counts.expectations);
      set_count (self->interactions_count, counts.interactions);
      set_count (self->events_count, counts.events);
    }
  else
    {
      g_debug ("Cannot count the records: %s", error->message);
      for (guint i = 0; i < G_N_ELEMENTS (counts_labels); i++)
        gtk_label_set_label (counts_labels[i], "—");
    }

  if (lia_store_is_sample (self->store))
    gtk_label_set_label (self->summary,
                         _("This is sample data: a made-up library’s partnerships to look around in. "
                           "Nothing here is real."));
  else if (counts.partners == 0)
    gtk_label_set_label (self->summary,
                         _("Nothing is recorded yet. Partners, contacts and events appear here as "
                           "you add them."));
  else
    gtk_label_set_label (self->summary, _("What this database holds."));

  database = lia_store_get_database (self->store);
  gtk_label_set_label (self->path_label, lia_database_get_path (database));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->path_label), lia_database_get_path (database));
  version = g_strdup_printf ("%d", lia_database_get_schema_version (database));
  gtk_label_set_label (self->schema_version_label, version);
}

static void
lia_overview_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lia_overview_page_parent_class)->map (widget);

  /* Other pages change the database; show what it holds now. */
  lia_overview_page_refresh (LIA_OVERVIEW_PAGE (widget));
}

static void
lia_overview_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_OVERVIEW_PAGE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lia_overview_page_parent_class)->dispose (object);
}

static void
lia_overview_page_finalize (GObject *object)
{
  LiaOverviewPage *self = (LiaOverviewPage *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_overview_page_parent_class)->finalize (object);
}

static void
lia_overview_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaOverviewPage *self = LIA_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_overview_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaOverviewPage *self = LIA_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lia_overview_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_overview_page_class_init (LiaOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_overview_page_dispose;
  object_class->finalize = lia_overview_page_finalize;
  object_class->get_property = lia_overview_page_get_property;
  object_class->set_property = lia_overview_page_set_property;

  widget_class->map = lia_overview_page_map;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, heading);
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, summary);
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, partners_count);
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, contacts_count);
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, agreements_count);
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, expectations_count);
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, interactions_count);
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, events_count);
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, path_label);
  gtk_widget_class_bind_template_child (widget_class, LiaOverviewPage, schema_version_label);
}

static void
lia_overview_page_init (LiaOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (lia_settings_get_default (), "notify::library-name",
                           G_CALLBACK (update_heading), self, G_CONNECT_SWAPPED);

  lia_overview_page_refresh (self);
}

GtkWidget *
lia_overview_page_new (void)
{
  return g_object_new (LIA_TYPE_OVERVIEW_PAGE, NULL);
}

LiaStore *
lia_overview_page_get_store (LiaOverviewPage *self)
{
  g_return_val_if_fail (LIA_IS_OVERVIEW_PAGE (self), NULL);

  return self->store;
}

void
lia_overview_page_set_store (LiaOverviewPage *self,
                             LiaStore        *store)
{
  g_return_if_fail (LIA_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  lia_overview_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}
