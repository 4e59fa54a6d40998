/* lia-events-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The community events board: the agenda (a GtkListView over LiaAgenda,
 * which expands occurrences a window at a time as it scrolls) and the
 * month grid, with the same search and filters.
 */

#define G_LOG_DOMAIN "lia-events-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-agenda.h"
#include "lia-event-editor.h"
#include "lia-ical.h"
#include "lia-events-page.h"
#include "lia-month-view.h"
#include "lia-print-documents.h"
#include "lia-print-operation.h"
#include "lia-recurrence.h"
#include "lia-settings.h"

/* The filter drop-downs, in the popover's order. */
enum { FILTER_PARTNER, FILTER_STATUS, FILTER_AUDIENCE, FILTER_PROMOTED, FILTER_CHANNEL, FILTER_CATEGORY, N_FILTERS };

static const LiaChannels filter_channels[] = {
  LIA_CHANNEL_WEBSITE, LIA_CHANNEL_PRINT_BULLETIN, LIA_CHANNEL_FLYER,
  LIA_CHANNEL_NEWSLETTER, LIA_CHANNEL_DISPLAY_BOARD,
};

struct _LiaEventsPage
{
  GtkWidget        parent_instance;

  LiaStore        *store;
  LiaAgenda       *agenda;
  GTimeZone       *zone;
  GStrv            categories;
  GArray          *partner_ids;   /* gint64 a choice of the partner filter: -1 any, 0 the library */
  GtkDropDown     *filters[N_FILTERS];

  /* Template widgets */
  GtkToggleButton *agenda_button;
  GtkToggleButton *month_button;
  GtkWidget       *month_navigation;
  GtkLabel        *month_label;
  GtkSearchEntry  *search_entry;
  GtkMenuButton   *filter_button;
  GtkGrid         *filter_grid;
  GtkStack        *view_stack;
  GtkStack        *agenda_stack;
  GtkListView     *agenda_view;
  AdwStatusPage   *empty_page;
  LiaMonthView    *month_view;
};

G_DEFINE_FINAL_TYPE (LiaEventsPage, lia_events_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void refresh_categories (LiaEventsPage *self);

static GTimeZone *
dup_library_zone (void)
{
  g_autofree char *tzid = lia_settings_dup_library_time_zone (lia_settings_get_default ());
  GTimeZone *zone = NULL;

  if (tzid != NULL && *tzid != '\0')
    zone = g_time_zone_new_identifier (tzid);

  return zone != NULL ? zone : g_time_zone_new_local ();
}

/* "10:00 – 11:30", "All day", "From 10:00". */
static char *
format_times (LiaEventsPage            *self,
              const LiaEventOccurrence *occurrence)
{
  g_autoptr(GDateTime) start_utc = NULL;
  g_autoptr(GDateTime) end_utc = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (occurrence->all_day)
    return g_strdup (_("All day"));

  start_utc = g_date_time_new_from_unix_utc (occurrence->start_utc);
  end_utc = g_date_time_new_from_unix_utc (occurrence->end_utc);
  start = g_date_time_to_timezone (start_utc, self->zone);
  end = g_date_time_to_timezone (end_utc, self->zone);
  /* Translators: an event's time of day in the agenda; see g_date_time_format() */
  from = g_date_time_format (start, _("%H:%M"));
  if (occurrence->end_utc <= occurrence->start_utc)
    return g_steal_pointer (&from);

  to = g_date_time_format (end, _("%H:%M"));
  /* Translators: an event's start and end times */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static char *
format_heading (LiaEventsPage *self,
                const GDate   *day)
{
  g_autoptr(GDateTime) now = self->store != NULL ? lia_store_dup_now (self->store) : g_date_time_new_now_utc ();
  g_autoptr(GDateTime) here = g_date_time_to_timezone (now, self->zone);
  GDate today;
  char buffer[128];
  int days;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (here),
                  g_date_time_get_month (here), g_date_time_get_year (here));
  days = g_date_days_between (&today, day);

  /* Translators: a day heading of the agenda; see strftime() */
  g_date_strftime (buffer, sizeof buffer, _("%A %-d %B %Y"), day);
  if (days == 0)
    /* Translators: the agenda's heading for today; %s is the date */
    return g_strdup_printf (_("Today, %s"), buffer);
  if (days == 1)
    /* Translators: the agenda's heading for tomorrow; %s is the date */
    return g_strdup_printf (_("Tomorrow, %s"), buffer);

  return g_strdup (buffer);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              LiaEventsPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "agenda-day");

  gtk_label_set_xalign (GTK_LABEL (time), 0.0f);
  gtk_label_set_width_chars (GTK_LABEL (time), 13);
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_set_valign (time, GTK_ALIGN_START);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);

  gtk_widget_add_css_class (status, "event-status");
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (star, _("Featured"));

  gtk_box_append (GTK_BOX (row), time);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), status);
  gtk_box_append (GTK_BOX (row), star);
  gtk_widget_add_css_class (row, "agenda-event");

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), row);

  g_object_set_data (G_OBJECT (box), "heading", heading);
  g_object_set_data (G_OBJECT (box), "row", row);
  g_object_set_data (G_OBJECT (box), "time", time);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "status", status);
  g_object_set_data (G_OBJECT (box), "star", star);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             LiaEventsPage            *self)
{
  LiaAgendaItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *heading = g_object_get_data (G_OBJECT (box), "heading");
  GtkWidget *row = g_object_get_data (G_OBJECT (box), "row");
  const LiaEventOccurrence *occurrence = lia_agenda_item_get_occurrence (item);

  if (occurrence == NULL)
    {
      g_autofree char *text = format_heading (self, lia_agenda_item_get_day (item));

      gtk_label_set_label (GTK_LABEL (heading), text);
      gtk_widget_set_visible (heading, TRUE);
      gtk_widget_set_visible (row, FALSE);
      gtk_list_item_set_activatable (list_item, FALSE);
      gtk_list_item_set_selectable (list_item, FALSE);
      return;
    }

  {
    g_autofree char *times = format_times (self, occurrence);
    g_autoptr(GPtrArray) parts = g_ptr_array_new ();
    g_autofree char *subtitle = NULL;
    GtkWidget *status = g_object_get_data (G_OBJECT (box), "status");
    GtkWidget *title = g_object_get_data (G_OBJECT (box), "title");
    const char *status_text = NULL;

    gtk_label_set_label (GTK_LABEL (g_object_get_data (G_OBJECT (box), "time")), times);
    gtk_label_set_label (GTK_LABEL (title), occurrence->title);

    g_ptr_array_add (parts, occurrence->partner_name != NULL ? occurrence->partner_name
                                                             : (char *)_("The library"));
    /* A partner's event at the partner's own place names it once. */
    if (occurrence->venue_name != NULL && *occurrence->venue_name != '\0' &&
        g_strcmp0 (occurrence->venue_name, occurrence->partner_name) != 0)
      g_ptr_array_add (parts, occurrence->venue_name);
    if (occurrence->recurrence_id != NULL)
      g_ptr_array_add (parts, (char *)_("Repeats"));
    g_ptr_array_add (parts, NULL);
    subtitle = g_strjoinv (" · ", (char **)parts->pdata);
    gtk_label_set_label (GTK_LABEL (g_object_get_data (G_OBJECT (box), "subtitle")), subtitle);

    gtk_widget_remove_css_class (status, "draft");
    gtk_widget_remove_css_class (status, "cancelled");
    gtk_widget_remove_css_class (title, "cancelled");
    switch (occurrence->status)
      {
      case LIA_EVENT_STATUS_DRAFT:
        status_text = lia_enum_to_label (LIA_TYPE_EVENT_STATUS, occurrence->status);
        gtk_widget_add_css_class (status, "draft");
        break;
      case LIA_EVENT_STATUS_CANCELLED:
      case LIA_EVENT_STATUS_POSTPONED:
        status_text = lia_enum_to_label (LIA_TYPE_EVENT_STATUS, occurrence->status);
        gtk_widget_add_css_class (status, "cancelled");
        gtk_widget_add_css_class (title, "cancelled");
        break;
      default:
        break;
      }
    gtk_label_set_label (GTK_LABEL (status), status_text);
    gtk_widget_set_visible (status, status_text != NULL);
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "star"), occurrence->featured);

    gtk_widget_set_visible (heading, FALSE);
    gtk_widget_set_visible (row, TRUE);
    gtk_list_item_set_activatable (list_item, TRUE);
  }
}

static void
update_agenda_state (LiaEventsPage *self)
{
  gboolean empty = self->agenda == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->agenda)) == 0;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean filtered = text[0] != '\0';

  for (guint i = 0; i < N_FILTERS; i++)
    filtered |= gtk_drop_down_get_selected (self->filters[i]) > 0;

  if (filtered)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Events"));
      adw_status_page_set_description (self->empty_page, _("Nothing in the next two years matches the search and filters."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Upcoming Events"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every program the library and its partners run belongs here, with the library’s decision about promoting it."));
    }

  gtk_stack_set_visible_child_name (self->agenda_stack, empty ? "empty" : "list");
}

static void
on_agenda_items_changed_cb (LiaEventsPage *self)
{
  update_agenda_state (self);
}

static void
build_query (LiaEventsPage *self,
             LiaEventQuery *query)
{
  guint status = gtk_drop_down_get_selected (self->filters[FILTER_STATUS]);
  guint audience = gtk_drop_down_get_selected (self->filters[FILTER_AUDIENCE]);
  guint promoted = gtk_drop_down_get_selected (self->filters[FILTER_PROMOTED]);
  guint channel = gtk_drop_down_get_selected (self->filters[FILTER_CHANNEL]);
  guint category = gtk_drop_down_get_selected (self->filters[FILTER_CATEGORY]);
  guint partner = gtk_drop_down_get_selected (self->filters[FILTER_PARTNER]);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  lia_event_query_init (query);
  query->text = text[0] != '\0' ? text : NULL;
  /* Position 0 of every drop-down is "any". */
  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    query->status = (int)status - 1;
  if (audience > 0 && audience != GTK_INVALID_LIST_POSITION)
    query->audience = (int)audience - 1;
  if (promoted > 0 && promoted != GTK_INVALID_LIST_POSITION)
    query->promoted = promoted == 1 ? 1 : 0;
  if (channel > 0 && channel <= G_N_ELEMENTS (filter_channels))
    query->channels = filter_channels[channel - 1];
  if (category > 0 && self->categories != NULL && category <= g_strv_length (self->categories))
    query->category = self->categories[category - 1];
  if (partner > 0 && partner < self->partner_ids->len)
    query->partner_id = g_array_index (self->partner_ids, gint64, partner);
}

static void
on_filters_changed_cb (LiaEventsPage *self)
{
  LiaEventQuery query;

  if (self->agenda == NULL)
    return;

  build_query (self, &query);
  lia_agenda_set_query (self->agenda, &query);
  lia_month_view_set_query (self->month_view, &query);
  update_agenda_state (self);
}

static void
update_month_label (LiaEventsPage *self)
{
  int year, month;
  GDate first;
  char buffer[64];

  lia_month_view_get_month (self->month_view, &year, &month);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  /* Translators: the month shown in the month view; see strftime() */
  g_date_strftime (buffer, sizeof buffer, _("%B %Y"), &first);
  gtk_label_set_label (self->month_label, buffer);
}

static void
on_view_toggled_cb (LiaEventsPage *self)
{
  gboolean month = gtk_toggle_button_get_active (self->month_button);

  gtk_stack_set_visible_child_name (self->view_stack, month ? "month" : "agenda");
  gtk_widget_set_visible (self->month_navigation, month);
  update_month_label (self);
}

static void
move_month (LiaEventsPage *self,
            int            months)
{
  int year, month;

  lia_month_view_get_month (self->month_view, &year, &month);
  month += months;
  while (month > 12)
    {
      month -= 12;
      year++;
    }
  while (month < 1)
    {
      month += 12;
      year--;
    }
  lia_month_view_set_month (self->month_view, year, month);
  update_month_label (self);
}

static void
lia_events_page_month_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LiaEventsPage *self = LIA_EVENTS_PAGE (widget);

  if (g_str_equal (action_name, "events.previous-month"))
    move_month (self, -1);
  else if (g_str_equal (action_name, "events.next-month"))
    move_month (self, 1);
  else
    {
      g_autoptr(GDateTime) now = self->store != NULL ? lia_store_dup_now (self->store) : g_date_time_new_now_utc ();
      g_autoptr(GDateTime) here = g_date_time_to_timezone (now, self->zone);

      lia_month_view_set_month (self->month_view, g_date_time_get_year (here), g_date_time_get_month (here));
      update_month_label (self);
    }
}

/* A day clicked in the month: its agenda. */
static void
on_month_day_activated_cb (LiaEventsPage *self,
                           const char    *day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  if (!g_date_valid (&date))
    return;

  lia_events_page_show_day (self, &date);
}

static void
open_editor (LiaEventsPage *self,
             LiaEvent      *event)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LiaEventEditor *editor;

  if (self->store == NULL)
    return;

  editor = lia_event_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, 0, event);
  gtk_window_present (GTK_WINDOW (editor));
}

static AdwToastOverlay *
find_overlay (LiaEventsPage *self)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  return ancestor != NULL ? ADW_TOAST_OVERLAY (ancestor) : NULL;
}

static void
show_toast (LiaEventsPage *self,
            const char    *title)
{
  AdwToastOverlay *overlay = find_overlay (self);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for ‘%s’", title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
on_import_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       LiaEventsPage    *self)
{
  LiaIcalPlan *plan = g_object_get_data (G_OBJECT (dialog), "lia-plan");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint created, updated, skipped;

  if (g_strcmp0 (response, "import") != 0 || self->store == NULL)
    return;

  lia_ical_plan_get_counts (plan, &created, &updated, &skipped);
  if (!lia_ical_plan_apply (plan, self->store, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* Translators: after importing a calendar: events added, then events updated */
  title = g_strdup_printf (_("Calendar imported: %u new, %u updated"), created, updated);
  show_toast (self, title);
  refresh_categories (self);
  on_filters_changed_cb (self);
}

/**
 * lia_events_page_import_file:
 * @self: a #LiaEventsPage
 * @file: an iCalendar file
 *
 * Reads @file and shows what importing it would do, to import it or not;
 * a file that cannot be imported says why and changes nothing.
 *
 * Returns: (transfer none) (nullable): the preview dialog
 */
AdwMessageDialog *
lia_events_page_import_file (LiaEventsPage *self,
                             GFile         *file)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LiaIcalPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tzid = lia_settings_dup_library_time_zone (lia_settings_get_default ());
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  g_autofree char *preview = NULL;
  GtkWidget *dialog;
  GtkWidget *label;
  GtkWidget *scrolled;
  guint created, updated, skipped;

  g_return_val_if_fail (LIA_IS_EVENTS_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->store == NULL)
    return NULL;

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(plan = lia_ical_plan_new (self->store, bytes, tzid != NULL && *tzid != '\0' ? tzid : "UTC", 0, &error)))
    {
      /* Translators: a file name, then why it cannot be imported */
      g_autofree char *message = g_strdup_printf (_("‘%s’ cannot be imported: %s"), name, error->message);

      show_toast (self, message);
      return NULL;
    }

  lia_ical_plan_get_counts (plan, &created, &updated, &skipped);
  /* Translators: what importing a calendar will do: new, updated and unchanged events */
  body = g_strdup_printf (_("%u new, %u to update, %u unchanged or left out. Nothing changes until you import."),
                          created, updated, skipped);
  preview = lia_ical_plan_format (plan);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, body);
  {
    /* Translators: %s is a file name */
    g_autofree char *heading = g_strdup_printf (_("Import ‘%s’"), name);

    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), heading);
  }
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);

  label = gtk_label_new (preview);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", created + updated > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lia-plan", g_steal_pointer (&plan), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return ADW_MESSAGE_DIALOG (dialog);
}

/**
 * lia_events_page_export_file:
 * @self: a #LiaEventsPage
 * @file: where to write
 * @error: return location for a #GError
 *
 * Writes the events the search and filters select as iCalendar.
 *
 * Returns: whether the file was written
 */
gboolean
lia_events_page_export_file (LiaEventsPage  *self,
                             GFile          *file,
                             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  LiaEventQuery query;

  g_return_val_if_fail (LIA_IS_EVENTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL)
    return FALSE;

  build_query (self, &query);
  if (!(bytes = lia_ical_export (self->store, &query, error)))
    return FALSE;

  /* Written beside and renamed: a failed write leaves the old file whole. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               LiaEventsPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lia_events_page_import_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               LiaEventsPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !lia_events_page_export_file (self, file, &error))
        show_toast (self, error->message);
      else if (file != NULL)
        show_toast (self, _("Calendar exported"));
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static GtkFileFilter *
calendar_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendars (iCalendar)"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");

  return filter;
}

static void
lia_events_page_import_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LiaEventsPage *self = LIA_EVENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = calendar_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import a Calendar"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lia_events_page_export_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LiaEventsPage *self = LIA_EVENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = calendar_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Calendar"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("events.ics"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The bulletin of the month the month view shows (the agenda shows the
 * same month's days when it is switched to). */
static LiaDocument *
create_bulletin (LiaEventsPage  *self,
                 char          **file_name)
{
  LiaSettings *settings = lia_settings_get_default ();
  g_autofree char *tzid = lia_settings_dup_library_time_zone (settings);
  LiaPrintContext context = { lia_settings_get_library_name (settings), tzid };
  g_autoptr(LiaDocument) bulletin = NULL;
  g_autoptr(GError) error = NULL;
  int year, month;
  GDate first;
  char name[64];

  if (self->store == NULL)
    return NULL;

  lia_month_view_get_month (self->month_view, &year, &month);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  if (!(bulletin = lia_bulletin_new (self->store, &first, &context, &error)))
    {
      show_toast (self, error->message);
      return NULL;
    }
  /* Translators: the month of a bulletin, in its file name; see strftime() */
  g_date_strftime (name, sizeof name, _("%B %Y"), &first);
  /* Translators: the file name offered for a bulletin; %s is its month */
  *file_name = g_strdup_printf (_("Bulletin – %s.pdf"), name);

  return g_steal_pointer (&bulletin);
}

static void
lia_events_page_print_bulletin_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LiaEventsPage *self = LIA_EVENTS_PAGE (widget);
  g_autofree char *file_name = NULL;
  g_autoptr(LiaDocument) bulletin = create_bulletin (self, &file_name);

  if (bulletin != NULL)
    lia_print_document (widget, NULL, bulletin, file_name);
}

static void
lia_events_page_export_bulletin_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LiaEventsPage *self = LIA_EVENTS_PAGE (widget);
  g_autofree char *file_name = NULL;
  g_autoptr(LiaDocument) bulletin = create_bulletin (self, &file_name);

  if (bulletin != NULL)
    lia_print_export_document (widget, NULL, bulletin, file_name);
}

/* One date of a repeating event, chosen in the agenda. */
typedef struct
{
  LiaEventsPage *self;
  gint64         series_id;
  gint64         event_id;       /* the moved date's own row, or the series */
  char          *recurrence_id;
  gint64         start_utc;
  gint64         end_utc;
} DateChoice;

static void
date_choice_free (gpointer data)
{
  DateChoice *choice = data;

  g_clear_object (&choice->self);
  g_clear_pointer (&choice->recurrence_id, g_free);
  g_free (choice);
}

/* A new moved date of the series: the series' fields on that date. */
static LiaEvent *
new_moved_date (LiaEvent         *series,
                const DateChoice *choice)
{
  LiaEvent *date = lia_event_copy (series);
  gboolean all_day = lia_event_get_all_day (series);

  lia_event_set_id (date, 0);
  lia_event_set_rrule (date, NULL);
  lia_event_set_exdates (date, NULL);
  lia_event_set_sequence (date, 0);
  lia_event_set_recurrence_of (date, choice->series_id);
  lia_event_set_recurrence_id (date, choice->recurrence_id);
  lia_event_set_dtstart (date, choice->recurrence_id);

  if (all_day)
    {
      /* An all-day date ends at 00:00 UTC after its last day. */
      g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (choice->end_utc - 1);
      g_autofree char *day = g_date_time_format (last, "%Y-%m-%d");

      lia_event_set_dtend (date, g_strcmp0 (day, choice->recurrence_id) != 0 ? day : NULL);
    }
  else if (choice->end_utc > choice->start_utc)
    {
      g_autofree char *end = lia_time_from_utc (choice->end_utc, lia_event_get_tzid (series));

      lia_event_set_dtend (date, end);
    }
  else
    lia_event_set_dtend (date, NULL);

  return date;
}

typedef struct
{
  LiaEventsPage *self;
  LiaEvent      *series;     /* as it was */
  gint64         moved_id;   /* a moved date trashed with the skip, or 0 */
} SkipUndo;

static void
skip_undo_free (gpointer data)
{
  SkipUndo *undo = data;

  g_clear_object (&undo->self);
  g_clear_object (&undo->series);
  g_free (undo);
}

static void
on_skip_undo_clicked_cb (AdwToast *toast,
                         SkipUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->self->store == NULL)
    return;

  if (!lia_store_save_event (undo->self->store, undo->series, &error) ||
      (undo->moved_id != 0 &&
       !lia_store_restore (undo->self->store, LIA_RECORD_EVENT, undo->moved_id, &error)))
    show_toast (undo->self, error->message);
}

/* Leaves one date out of the series (an EXDATE), with Undo. */
static void
skip_date (LiaEventsPage    *self,
           const DateChoice *choice)
{
  g_autoptr(LiaEvent) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exdates = NULL;
  g_autofree char *title = NULL;
  AdwToastOverlay *overlay = find_overlay (self);
  const char *old_exdates;
  SkipUndo *undo;

  if (!(series = lia_store_get_event (self->store, choice->series_id, &error)))
    {
      show_toast (self, error->message);
      return;
    }

  undo = g_new0 (SkipUndo, 1);
  undo->self = g_object_ref (self);
  undo->series = lia_event_copy (series);

  old_exdates = lia_event_get_exdates (series);
  exdates = old_exdates != NULL && *old_exdates != '\0'
            ? g_strconcat (old_exdates, ",", choice->recurrence_id, NULL)
            : g_strdup (choice->recurrence_id);
  lia_event_set_exdates (series, exdates);

  /* A date moved elsewhere goes with it, to the trash. */
  if (choice->event_id != choice->series_id)
    {
      if (!lia_store_trash (self->store, LIA_RECORD_EVENT, choice->event_id, &error))
        {
          show_toast (self, error->message);
          skip_undo_free (undo);
          return;
        }
      undo->moved_id = choice->event_id;
    }

  if (!lia_store_save_event (self->store, series, &error))
    {
      show_toast (self, error->message);
      skip_undo_free (undo);
      return;
    }

  /* Translators: an event's title */
  title = g_strdup_printf (_("One date of “%s” skipped"), lia_event_get_title (series));
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 10);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_skip_undo_clicked_cb),
                             undo, (GClosureNotify)(void (*) (void))skip_undo_free, 0);
      adw_toast_overlay_add_toast (overlay, toast);
    }
  else
    skip_undo_free (undo);
}

static void
on_date_choice_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            DateChoice       *choice)
{
  LiaEventsPage *self = choice->self;
  g_autoptr(LiaEvent) series = NULL;
  g_autoptr(LiaEvent) date = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  if (g_strcmp0 (response, "skip") == 0)
    {
      skip_date (self, choice);
      return;
    }

  if (!(series = lia_store_get_event (self->store, choice->series_id, &error)))
    {
      show_toast (self, error->message);
      return;
    }

  if (g_strcmp0 (response, "all") == 0)
    open_editor (self, series);
  else if (choice->event_id != choice->series_id)
    {
      if ((date = lia_store_get_event (self->store, choice->event_id, &error)) != NULL)
        open_editor (self, date);
      else
        show_toast (self, error->message);
    }
  else
    {
      date = new_moved_date (series, choice);
      open_editor (self, date);
    }
}

static void
present_date_choice (LiaEventsPage            *self,
                     const LiaEventOccurrence *occurrence)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (occurrence->start_utc);
  g_autoptr(GDateTime) local = occurrence->all_day ? g_date_time_ref (utc) : g_date_time_to_timezone (utc, self->zone);
  /* Translators: the date of one occurrence, in a question; see g_date_time_format() */
  g_autofree char *day = g_date_time_format (local, _("%A %-e %B"));
  g_autofree char *body = NULL;
  DateChoice *choice;
  GtkWidget *dialog;

  /* Translators: an event's title, then one of its dates */
  body = g_strdup_printf (_("“%s” repeats. Change every date, or only %s?"), occurrence->title, day);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("A Repeating Event"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "skip", _("_Skip This Date"),
                                    "one", _("_Only This Date"),
                                    "all", _("_All Dates"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "skip", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "all", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "all");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  choice = g_new0 (DateChoice, 1);
  choice->self = g_object_ref (self);
  choice->series_id = occurrence->series_id;
  choice->event_id = occurrence->event_id;
  choice->recurrence_id = g_strdup (occurrence->recurrence_id);
  choice->start_utc = occurrence->start_utc;
  choice->end_utc = occurrence->end_utc;
  g_object_set_data_full (G_OBJECT (dialog), "lia-choice", choice, date_choice_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_date_choice_response_cb), choice);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_agenda_activate_cb (LiaEventsPage *self,
                       guint          position)
{
  g_autoptr(LiaAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->agenda), position);
  const LiaEventOccurrence *occurrence;
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL || (occurrence = lia_agenda_item_get_occurrence (item)) == NULL)
    return;

  /* A date of a repeating event: this date, or all of them? */
  if (occurrence->recurrence_id != NULL)
    {
      present_date_choice (self, occurrence);
      return;
    }

  if (!(event = lia_store_get_event (self->store, occurrence->event_id, &error)))
    {
      show_toast (self, error->message);
      return;
    }
  open_editor (self, event);
}

static void
lia_events_page_new_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  open_editor (LIA_EVENTS_PAGE (widget), NULL);
}

static GtkDropDown *
add_filter (LiaEventsPage *self,
            int            row,
            const char    *label,
            GtkStringList *choices)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 1.0f);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), drop_down);
  gtk_grid_attach (self->filter_grid, title, 0, row, 1, 1);
  gtk_grid_attach (self->filter_grid, drop_down, 1, row, 1, 1);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_filters_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return GTK_DROP_DOWN (drop_down);
}

static GtkStringList *
enum_choices (GType type)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any"));
  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (list, lia_enum_to_label (type, (int)i));

  return list;
}

static void
build_filters (LiaEventsPage *self)
{
  g_autoptr(GtkStringList) status = enum_choices (LIA_TYPE_EVENT_STATUS);
  g_autoptr(GtkStringList) audience = enum_choices (LIA_TYPE_AUDIENCE);
  g_autoptr(GtkStringList) promoted = gtk_string_list_new ((const char *[]) {
    _("Any"), _("Promoted"), _("Not promoted"), NULL,
  });
  g_autoptr(GtkStringList) channels = gtk_string_list_new ((const char *[]) {
    _("Any"), _("Website"), _("Print Bulletin"), _("Flyer"), _("Newsletter"), _("Display Board"), NULL,
  });
  g_autoptr(GtkStringList) categories = gtk_string_list_new ((const char *[]) { _("Any"), NULL });

  g_autoptr(GtkStringList) partners = gtk_string_list_new ((const char *[]) { _("Any"), NULL });
  gint64 any = -1;

  self->filters[FILTER_PARTNER] = add_filter (self, 0, _("Pa_rtner"), partners);
  self->filters[FILTER_STATUS] = add_filter (self, 1, _("_Status"), status);
  self->filters[FILTER_AUDIENCE] = add_filter (self, 2, _("A_udience"), audience);
  self->filters[FILTER_PROMOTED] = add_filter (self, 3, _("_Promotion"), promoted);
  self->filters[FILTER_CHANNEL] = add_filter (self, 4, _("C_hannel"), channels);
  self->filters[FILTER_CATEGORY] = add_filter (self, 5, _("Ca_tegory"), categories);

  /* Thousands of partners: typing finds one. */
  gtk_drop_down_set_enable_search (self->filters[FILTER_PARTNER], TRUE);
  gtk_drop_down_set_expression (self->filters[FILTER_PARTNER],
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->partner_ids, any);
}

/* The partners for the filter, by name, the choice kept. */
static void
refresh_partners (LiaEventsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("Any"), NULL });
  g_autoptr(GArray) ids = NULL;
  guint selected = gtk_drop_down_get_selected (self->filters[FILTER_PARTNER]);
  gint64 chosen = selected < self->partner_ids->len ? g_array_index (self->partner_ids, gint64, selected) : -1;
  gint64 any = -1, library = 0;
  guint position = 0;
  g_auto(GStrv) names_found = NULL;

  g_array_set_size (self->partner_ids, 0);
  g_array_append_val (self->partner_ids, any);
  /* Translators: the partner filter's choice for the library's own events */
  gtk_string_list_append (names, _("The library itself"));
  g_array_append_val (self->partner_ids, library);
  if (chosen == 0)
    position = 1;

  if (self->store != NULL && (names_found = lia_store_list_partner_names (self->store, &ids, NULL)) != NULL)
    for (guint i = 0; i < ids->len; i++)
      {
        gint64 id = g_array_index (ids, gint64, i);

        if (id == chosen)
          position = self->partner_ids->len;
        gtk_string_list_append (names, names_found[i]);
        g_array_append_val (self->partner_ids, id);
      }

  g_signal_handlers_block_by_func (self->filters[FILTER_PARTNER], on_filters_changed_cb, self);
  gtk_drop_down_set_model (self->filters[FILTER_PARTNER], G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->filters[FILTER_PARTNER], position);
  g_signal_handlers_unblock_by_func (self->filters[FILTER_PARTNER], on_filters_changed_cb, self);
}

/* What the filters offer is read when they are shown: partners and
 * categories come and go. */
static void
on_filter_popover_show_cb (LiaEventsPage *self)
{
  guint category = gtk_drop_down_get_selected (self->filters[FILTER_CATEGORY]);
  g_autofree char *chosen = NULL;

  if (category > 0 && self->categories != NULL && category <= g_strv_length (self->categories))
    chosen = g_strdup (self->categories[category - 1]);

  refresh_partners (self);
  refresh_categories (self);
  for (guint i = 0; chosen != NULL && self->categories != NULL && self->categories[i] != NULL; i++)
    if (g_str_equal (self->categories[i], chosen))
      {
        g_signal_handlers_block_by_func (self->filters[FILTER_CATEGORY], on_filters_changed_cb, self);
        gtk_drop_down_set_selected (self->filters[FILTER_CATEGORY], i + 1);
        g_signal_handlers_unblock_by_func (self->filters[FILTER_CATEGORY], on_filters_changed_cb, self);
      }
}

/* The categories in use, for the filter. */
static void
refresh_categories (LiaEventsPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char *[]) { _("Any"), NULL });
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->categories, g_strfreev);
  if (self->store != NULL && !(self->categories = lia_store_list_event_categories (self->store, &error)))
    g_warning ("The categories could not be read: %s", error->message);

  for (guint i = 0; self->categories != NULL && self->categories[i] != NULL; i++)
    gtk_string_list_append (list, self->categories[i]);

  g_signal_handlers_block_by_func (self->filters[FILTER_CATEGORY], on_filters_changed_cb, self);
  gtk_drop_down_set_model (self->filters[FILTER_CATEGORY], G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->filters[FILTER_CATEGORY], 0);
  g_signal_handlers_unblock_by_func (self->filters[FILTER_CATEGORY], on_filters_changed_cb, self);
}

static void
lia_events_page_dispose (GObject *object)
{
  LiaEventsPage *self = (LiaEventsPage *)object;
  GtkWidget *child;

  if (self->agenda != NULL)
    gtk_list_view_set_model (self->agenda_view, NULL);
  g_clear_object (&self->agenda);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_EVENTS_PAGE);

  /* The template's root box is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lia_events_page_parent_class)->dispose (object);
}

static void
lia_events_page_finalize (GObject *object)
{
  LiaEventsPage *self = (LiaEventsPage *)object;

  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->partner_ids, g_array_unref);

  G_OBJECT_CLASS (lia_events_page_parent_class)->finalize (object);
}

static void
lia_events_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaEventsPage *self = LIA_EVENTS_PAGE (object);

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
lia_events_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaEventsPage *self = LIA_EVENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lia_events_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_events_page_class_init (LiaEventsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_events_page_dispose;
  object_class->finalize = lia_events_page_finalize;
  object_class->get_property = lia_events_page_get_property;
  object_class->set_property = lia_events_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIA_TYPE_MONTH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-events-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, agenda_button);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, month_navigation);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, agenda_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiaEventsPage, month_view);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_month_day_activated_cb);

  gtk_widget_class_install_action (widget_class, "events.new", NULL, lia_events_page_new_action);
  gtk_widget_class_install_action (widget_class, "events.import", NULL, lia_events_page_import_action);
  gtk_widget_class_install_action (widget_class, "events.export", NULL, lia_events_page_export_action);
  gtk_widget_class_install_action (widget_class, "events.print-bulletin", NULL, lia_events_page_print_bulletin_action);
  gtk_widget_class_install_action (widget_class, "events.export-bulletin", NULL, lia_events_page_export_bulletin_action);
  gtk_widget_class_install_action (widget_class, "events.previous-month", NULL, lia_events_page_month_action);
  gtk_widget_class_install_action (widget_class, "events.next-month", NULL, lia_events_page_month_action);
  gtk_widget_class_install_action (widget_class, "events.this-month", NULL, lia_events_page_month_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "events.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "events.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "events.next-month", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_events_page_init (LiaEventsPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Until there is a store to print from. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.print-bulletin", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.export-bulletin", FALSE);

  self->zone = dup_library_zone ();
  build_filters (self);
  g_signal_connect_object (gtk_menu_button_get_popover (self->filter_button), "show",
                           G_CALLBACK (on_filter_popover_show_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->agenda_view, factory);
  g_object_unref (factory);

  update_month_label (self);
  update_agenda_state (self);
}

GtkWidget *
lia_events_page_new (void)
{
  return g_object_new (LIA_TYPE_EVENTS_PAGE, NULL);
}

LiaStore *
lia_events_page_get_store (LiaEventsPage *self)
{
  g_return_val_if_fail (LIA_IS_EVENTS_PAGE (self), NULL);

  return self->store;
}

void
lia_events_page_set_store (LiaEventsPage *self,
                           LiaStore      *store)
{
  g_return_if_fail (LIA_IS_EVENTS_PAGE (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_list_view_set_model (self->agenda_view, NULL);
  g_clear_object (&self->agenda);

  if (self->store != NULL)
    {
      g_autoptr(GtkNoSelection) selection = NULL;

      self->agenda = lia_agenda_new (self->store, self->zone);
      g_signal_connect_object (self->agenda, "items-changed",
                               G_CALLBACK (on_agenda_items_changed_cb), self, G_CONNECT_SWAPPED);
      selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->agenda)));
      gtk_list_view_set_model (self->agenda_view, GTK_SELECTION_MODEL (selection));
      refresh_categories (self);
      on_filters_changed_cb (self);
    }

  lia_month_view_set_store (self->month_view, self->store, self->zone);
  update_agenda_state (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.print-bulletin", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.export-bulletin", self->store != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/**
 * lia_events_page_show_day:
 * @self: a #LiaEventsPage
 * @day: a day
 *
 * Shows the agenda from @day.
 */
void
lia_events_page_show_day (LiaEventsPage *self,
                          const GDate   *day)
{
  g_return_if_fail (LIA_IS_EVENTS_PAGE (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  if (self->agenda != NULL)
    lia_agenda_set_start_day (self->agenda, day);
  gtk_toggle_button_set_active (self->agenda_button, TRUE);
  if (self->agenda != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->agenda)) > 0)
    /* gtk_list_view_scroll_to() is GTK 4.12. */
    gtk_widget_activate_action (GTK_WIDGET (self->agenda_view), "list.scroll-to-item", "u", 0);
}

/**
 * lia_events_page_show_month:
 * @self: a #LiaEventsPage
 *
 * Shows the month view, on the month it was left at.
 */
void
lia_events_page_show_month (LiaEventsPage *self)
{
  g_return_if_fail (LIA_IS_EVENTS_PAGE (self));

  gtk_toggle_button_set_active (self->month_button, TRUE);
}

GtkListView *
lia_events_page_get_agenda_view (LiaEventsPage *self)
{
  g_return_val_if_fail (LIA_IS_EVENTS_PAGE (self), NULL);

  return self->agenda_view;
}
