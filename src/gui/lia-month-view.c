/* lia-month-view.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The month grid. Its 42 cells are made once and only relabelled when the
 * month or the events change, so switching months is one query and a few
 * hundred label updates.
 */

#define G_LOG_DOMAIN "lia-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-month-view.h"

#define N_CELLS 42
/* Titles a cell shows before "N more". */
#define TITLES_PER_CELL 3

typedef struct
{
  GtkWidget *box;
  GtkWidget *number;
  GtkWidget *titles[TITLES_PER_CELL];
  GtkWidget *more;
  GDate      day;
} Cell;

struct _LiaMonthView
{
  GtkWidget      parent_instance;

  LiaStore      *store;
  GTimeZone     *zone;
  LiaEventQuery  query;
  char          *query_text;
  char          *query_category;
  int            year;
  int            month;
  guint          n_occurrences;
  gulong         changed_handler;

  GtkWidget     *grid;
  Cell           cells[N_CELLS];
};

G_DEFINE_FINAL_TYPE (LiaMonthView, lia_month_view, GTK_TYPE_WIDGET)

enum { DAY_ACTIVATED, N_SIGNALS };

static guint signals [N_SIGNALS];

static char *
format_iso_day (const GDate *day)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day),
                          g_date_get_month (day), g_date_get_day (day));
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    LiaMonthView    *self)
{
  Cell *cell = g_object_get_data (G_OBJECT (gesture), "lia-cell");
  g_autofree char *day = format_iso_day (&cell->day);

  g_signal_emit (self, signals [DAY_ACTIVATED], 0, day);
}

static void
fill (LiaMonthView *self)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint counts[N_CELLS] = { 0 };
  GDate first, today;
  char buffer[16];

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, self->month, self->year);
  /* Weeks start on Monday, as in the library's printed calendars. */
  g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);

  g_date_clear (&today, 1);
  if (self->store != NULL && self->zone != NULL)
    {
      g_autoptr(GDateTime) here = NULL;

      now = lia_store_dup_now (self->store);
      here = g_date_time_to_timezone (now, self->zone);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (here),
                      g_date_time_get_month (here), g_date_time_get_year (here));
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];

      cell->day = first;
      g_date_add_days (&cell->day, i);
      g_snprintf (buffer, sizeof buffer, "%u", g_date_get_day (&cell->day));
      gtk_label_set_label (GTK_LABEL (cell->number), buffer);

      if ((int)g_date_get_month (&cell->day) == self->month)
        gtk_widget_remove_css_class (cell->box, "other-month");
      else
        gtk_widget_add_css_class (cell->box, "other-month");
      if (g_date_valid (&today) && g_date_compare (&today, &cell->day) == 0)
        gtk_widget_add_css_class (cell->box, "today");
      else
        gtk_widget_remove_css_class (cell->box, "today");

      for (guint t = 0; t < TITLES_PER_CELL; t++)
        gtk_widget_set_visible (cell->titles[t], FALSE);
      gtk_widget_set_visible (cell->more, FALSE);
    }

  self->n_occurrences = 0;
  if (self->store == NULL || self->zone == NULL)
    return;

  /* Counted from the indexes; only the titles shown are read. */
  summaries = lia_store_summarize_days (self->store, &self->query, &self->cells[0].day, N_CELLS,
                                        self->zone, TITLES_PER_CELL, &error);
  if (summaries == NULL)
    {
      g_warning ("The month could not be read: %s", error->message);
      return;
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      const LiaDaySummary *summary = &g_array_index (summaries, LiaDaySummary, i);
      Cell *cell = &self->cells[i];

      counts[i] = summary->n_occurrences;
      self->n_occurrences += summary->n_occurrences;
      for (guint t = 0; t < summary->first->len && t < TITLES_PER_CELL; t++)
        {
          const LiaEventOccurrence *occurrence = &g_array_index (summary->first, LiaEventOccurrence, t);
          GtkWidget *title = cell->titles[t];

          gtk_label_set_label (GTK_LABEL (title), occurrence->title);
          gtk_widget_set_tooltip_text (title, occurrence->title);
          if (occurrence->status == LIA_EVENT_STATUS_CANCELLED)
            gtk_widget_add_css_class (title, "cancelled");
          else
            gtk_widget_remove_css_class (title, "cancelled");
          gtk_widget_set_visible (title, TRUE);
        }
    }

  for (guint i = 0; i < N_CELLS; i++)
    if (counts[i] > TITLES_PER_CELL)
      {
        g_autofree char *more = NULL;

        /* Translators: more events on a day of the month view than it shows */
        more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more",
                                             counts[i] - TITLES_PER_CELL),
                                counts[i] - TITLES_PER_CELL);
        gtk_label_set_label (GTK_LABEL (self->cells[i].more), more);
        gtk_widget_set_visible (self->cells[i].more, TRUE);
      }
}

static void
on_store_changed_cb (LiaMonthView  *self,
                     LiaRecordKind  kind,
                     gint64         id,
                     LiaStore      *store)
{
  if (kind == LIA_RECORD_EVENT && gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
}

static void
lia_month_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lia_month_view_parent_class)->map (widget);

  /* Changes made while it was hidden. */
  fill (LIA_MONTH_VIEW (widget));
}

static void
lia_month_view_dispose (GObject *object)
{
  LiaMonthView *self = (LiaMonthView *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (lia_month_view_parent_class)->dispose (object);
}

static void
lia_month_view_finalize (GObject *object)
{
  LiaMonthView *self = (LiaMonthView *)object;

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->query_category, g_free);

  G_OBJECT_CLASS (lia_month_view_parent_class)->finalize (object);
}

static void
lia_month_view_class_init (LiaMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_month_view_dispose;
  object_class->finalize = lia_month_view_finalize;
  widget_class->map = lia_month_view_map;

  /**
   * LiaMonthView::day-activated:
   * @day: the day clicked, 'YYYY-MM-DD'
   */
  signals [DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthview");
}

static void
lia_month_view_init (LiaMonthView *self)
{
  GDate monday;

  lia_event_query_init (&self->query);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), FALSE);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->grid, "month-grid");

  /* The weekday names, from a week that starts on a Monday. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 5, 1, 2026);
  for (guint column = 0; column < 7; column++)
    {
      char name[32];
      GtkWidget *label;
      GDate day = monday;

      g_date_add_days (&day, column);
      g_date_strftime (name, sizeof name, "%a", &day);
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_set_margin_bottom (label, 6);
      gtk_grid_attach (GTK_GRID (self->grid), label, column, 0, 1, 1);
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      GtkGesture *click = gtk_gesture_click_new ();

      cell->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (cell->box, "month-cell");
      gtk_widget_set_vexpand (cell->box, TRUE);
      gtk_widget_set_size_request (cell->box, -1, 84);
      cell->number = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell->number), 0.0f);
      gtk_widget_add_css_class (cell->number, "day-number");
      gtk_box_append (GTK_BOX (cell->box), cell->number);
      for (guint t = 0; t < TITLES_PER_CELL; t++)
        {
          cell->titles[t] = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (cell->titles[t]), 0.0f);
          gtk_label_set_ellipsize (GTK_LABEL (cell->titles[t]), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (cell->titles[t], "event-title");
          gtk_box_append (GTK_BOX (cell->box), cell->titles[t]);
        }
      cell->more = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell->more), 0.0f);
      gtk_widget_add_css_class (cell->more, "dim-label");
      gtk_widget_add_css_class (cell->more, "caption");
      gtk_box_append (GTK_BOX (cell->box), cell->more);

      g_object_set_data (G_OBJECT (click), "lia-cell", cell);
      g_signal_connect (click, "pressed", G_CALLBACK (on_cell_pressed_cb), self);
      gtk_widget_add_controller (cell->box, GTK_EVENT_CONTROLLER (click));

      gtk_grid_attach (GTK_GRID (self->grid), cell->box, i % 7, 1 + i / 7, 1, 1);
    }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    self->year = g_date_time_get_year (now);
    self->month = g_date_time_get_month (now);
  }
  fill (self);
}

GtkWidget *
lia_month_view_new (void)
{
  return g_object_new (LIA_TYPE_MONTH_VIEW, NULL);
}

void
lia_month_view_set_store (LiaMonthView *self,
                          LiaStore     *store,
                          GTimeZone    *zone)
{
  g_return_if_fail (LIA_IS_MONTH_VIEW (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  if (zone != NULL)
    self->zone = g_time_zone_ref (zone);
  if (self->store != NULL)
    self->changed_handler = g_signal_connect_object (store, "changed",
                                                     G_CALLBACK (on_store_changed_cb),
                                                     self, G_CONNECT_SWAPPED);
  fill (self);
}

void
lia_month_view_set_query (LiaMonthView        *self,
                          const LiaEventQuery *query)
{
  g_return_if_fail (LIA_IS_MONTH_VIEW (self));

  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->query_category, g_free);
  if (query == NULL)
    lia_event_query_init (&self->query);
  else
    {
      self->query = *query;
      self->query_text = g_strdup (query->text);
      self->query_category = g_strdup (query->category);
    }
  self->query.text = self->query_text;
  self->query.category = self->query_category;

  fill (self);
}

void
lia_month_view_set_month (LiaMonthView *self,
                          int           year,
                          int           month)
{
  g_return_if_fail (LIA_IS_MONTH_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = year;
  self->month = month;
  fill (self);
}

void
lia_month_view_get_month (LiaMonthView *self,
                          int          *year,
                          int          *month)
{
  g_return_if_fail (LIA_IS_MONTH_VIEW (self));

  if (year != NULL)
    *year = self->year;
  if (month != NULL)
    *month = self->month;
}

void
lia_month_view_refresh (LiaMonthView *self)
{
  g_return_if_fail (LIA_IS_MONTH_VIEW (self));

  fill (self);
}

guint
lia_month_view_get_n_occurrences (LiaMonthView *self)
{
  g_return_val_if_fail (LIA_IS_MONTH_VIEW (self), 0);

  return self->n_occurrences;
}
