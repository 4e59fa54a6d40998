/* lia-event-editor.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An event as a form: what, when and how often (in plain words, with the
 * next dates shown as the rule changes), where, the details a listing
 * needs, and the library's promotion decision.
 */

#define G_LOG_DOMAIN "lia-event-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-agenda.h"
#include "lia-editor-util.h"
#include "lia-event-editor.h"
#include "lia-print-documents.h"
#include "lia-print-operation.h"
#include "lia-recurrence.h"
#include "lia-settings.h"
#include "lia-validate.h"

/* The Repeats choices, in the order of the combo row. */
enum
{
  REPEAT_NONE,
  REPEAT_DAILY,
  REPEAT_WEEKLY,
  REPEAT_MONTHLY_BY_DATE,
  REPEAT_MONTHLY_BY_WEEKDAY,
  REPEAT_YEARLY,
  REPEAT_CUSTOM,
};

enum { ENDS_NEVER, ENDS_ON_DAY, ENDS_AFTER_COUNT };

/* How many next dates the form lists. */
#define N_NEXT_DATES 4

/* An event's image is printed on flyers: larger than a logo. */
#define IMAGE_MAX_FILE_SIZE (10 * 1024 * 1024)
#define IMAGE_MAX_SIDE      2000

struct _LiaEventEditor
{
  AdwWindow        parent_instance;

  /* Owned */
  LiaStore        *store;
  LiaEvent        *event;          /* a copy, saved only on Save */
  GArray          *partner_ids;    /* gint64, parallel to partner_row's model */
  char            *tzid;           /* the library's zone, for timed events */
  char            *custom_rrule;   /* a rule the form cannot say, kept as it is */
  gboolean         title_touched;
  gboolean         valid;
  gboolean         loading;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkButton       *trash_button;
  AdwEntryRow     *title_row;
  AdwComboRow     *partner_row;
  AdwComboRow     *status_row;
  AdwComboRow     *audience_row;
  GtkSwitch       *all_day_switch;
  AdwEntryRow     *start_day_row;
  AdwEntryRow     *start_time_row;
  AdwEntryRow     *end_day_row;
  AdwEntryRow     *end_time_row;
  AdwPreferencesGroup *when_group;
  AdwPreferencesGroup *repeat_group;
  AdwComboRow     *repeat_row;
  AdwActionRow    *interval_row;
  GtkSpinButton   *interval_spin;
  AdwActionRow    *weekdays_row;
  GtkBox          *weekdays_box;
  AdwComboRow     *ends_row;
  AdwEntryRow     *until_row;
  AdwActionRow    *count_row;
  GtkSpinButton   *count_spin;
  AdwActionRow    *recurrence_summary_row;
  AdwEntryRow     *venue_name_row;
  AdwEntryRow     *venue_address_row;
  AdwEntryRow     *venue_room_row;
  AdwEntryRow     *online_url_row;
  AdwEntryRow     *summary_row;
  AdwEntryRow     *description_row;
  AdwEntryRow     *categories_row;
  AdwEntryRow     *cost_row;
  AdwEntryRow     *registration_row;
  AdwEntryRow     *accessibility_row;
  AdwEntryRow     *contact_row;
  AdwActionRow    *image_row;
  GtkPicture      *image_picture;
  AdwEntryRow     *image_url_row;
  GtkSwitch       *promote_switch;
  GtkCheckButton  *website_check;
  GtkCheckButton  *bulletin_check;
  GtkCheckButton  *flyer_check;
  GtkCheckButton  *newsletter_check;
  GtkCheckButton  *display_check;
  GtkSwitch       *featured_switch;

  GtkToggleButton *weekday_buttons[7];
};

G_DEFINE_FINAL_TYPE (LiaEventEditor, lia_event_editor, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_VALID, N_PROPS };
enum { SAVED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
is_time (const char *text)
{
  int hours, minutes;
  char extra;

  return text != NULL &&
         sscanf (text, "%d:%d%c", &hours, &minutes, &extra) == 2 &&
         strlen (text) >= 4 && strlen (text) <= 5 &&
         hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60;
}

static gboolean
check_time (AdwEntryRow *row)
{
  return lia_editor_check_row (row, is_time, _("Not a time, like 14:30"));
}

static gboolean
check_day (AdwEntryRow *row)
{
  return lia_editor_check_row (row, lia_validate_date, _("Not a day, like 2026-03-31"));
}

/* "9:05" → "09:05:00" */
static char *
normalize_time (const char *text)
{
  int hours = 0, minutes = 0;

  sscanf (text, "%d:%d", &hours, &minutes);

  return g_strdup_printf ("%02d:%02d:00", hours, minutes);
}

/* The start and end as the event stores them; NULL start when the form
 * does not hold a valid one. */
static void
build_times (LiaEventEditor  *self,
             char           **dtstart,
             char           **dtend)
{
  g_autofree char *start_day = lia_editor_dup_text (self->start_day_row);
  g_autofree char *start_time = lia_editor_dup_text (self->start_time_row);
  g_autofree char *end_day = lia_editor_dup_text (self->end_day_row);
  g_autofree char *end_time = lia_editor_dup_text (self->end_time_row);
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);

  *dtstart = NULL;
  *dtend = NULL;

  if (!lia_validate_date (start_day) || lia_editor_is_blank (start_day))
    return;

  if (all_day)
    {
      *dtstart = g_strdup (start_day);
      if (!lia_editor_is_blank (end_day) && lia_validate_date (end_day) && strcmp (end_day, start_day) != 0)
        *dtend = g_strdup (end_day);
      return;
    }

  if (!is_time (start_time))
    return;

  {
    g_autofree char *start = normalize_time (start_time);

    *dtstart = g_strdup_printf ("%sT%s", start_day, start);
  }

  if (is_time (end_time))
    {
      g_autofree char *end = normalize_time (end_time);
      const char *day = lia_editor_is_blank (end_day) || !lia_validate_date (end_day) ? start_day : end_day;

      *dtend = g_strdup_printf ("%sT%s", day, end);
    }
}

static LiaWeekdays
selected_weekdays (LiaEventEditor *self)
{
  LiaWeekdays weekdays = 0;

  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->weekday_buttons[i]))
      weekdays |= 1 << i;

  return weekdays;
}

/* The Repeats part of the form as a LiaRecurrence. */
static void
build_recurrence (LiaEventEditor *self,
                  const char     *dtstart,
                  LiaRecurrence  *recurrence)
{
  guint repeat = adw_combo_row_get_selected (self->repeat_row);
  guint ends = adw_combo_row_get_selected (self->ends_row);

  lia_recurrence_init (recurrence);

  switch (repeat)
    {
    case REPEAT_DAILY: recurrence->repeat = LIA_REPEAT_DAILY; break;
    case REPEAT_WEEKLY: recurrence->repeat = LIA_REPEAT_WEEKLY; break;
    case REPEAT_MONTHLY_BY_DATE: recurrence->repeat = LIA_REPEAT_MONTHLY_BY_DATE; break;
    case REPEAT_MONTHLY_BY_WEEKDAY: recurrence->repeat = LIA_REPEAT_MONTHLY_BY_WEEKDAY; break;
    case REPEAT_YEARLY: recurrence->repeat = LIA_REPEAT_YEARLY; break;
    case REPEAT_CUSTOM: recurrence->repeat = LIA_REPEAT_CUSTOM; return;
    default: return;
    }

  recurrence->interval = MAX (1, gtk_spin_button_get_value_as_int (self->interval_spin));
  recurrence->weekdays = selected_weekdays (self);

  /* The nth weekday of the start day's month; the fifth is "the last". */
  if (recurrence->repeat == LIA_REPEAT_MONTHLY_BY_WEEKDAY && dtstart != NULL)
    {
      int day = (int)g_ascii_strtoll (dtstart + 8, NULL, 10);

      recurrence->nth = day > 28 ? -1 : (day - 1) / 7 + 1;
    }

  if (ends == ENDS_ON_DAY)
    {
      g_autofree char *until = lia_editor_dup_text (self->until_row);

      if (lia_validate_date (until) && !lia_editor_is_blank (until))
        g_strlcpy (recurrence->until, until, sizeof recurrence->until);
    }
  else if (ends == ENDS_AFTER_COUNT)
    recurrence->count = MAX (1, gtk_spin_button_get_value_as_int (self->count_spin));
}

static char *
build_rrule (LiaEventEditor *self,
             const char     *dtstart)
{
  LiaRecurrence recurrence;

  if (dtstart == NULL)
    return NULL;

  build_recurrence (self, dtstart, &recurrence);
  if (recurrence.repeat == LIA_REPEAT_CUSTOM)
    return g_strdup (self->custom_rrule);

  return lia_recurrence_to_rrule (&recurrence, dtstart,
                                  gtk_switch_get_active (self->all_day_switch) ? NULL : self->tzid);
}

/* The rule in words and its next dates, as the form changes. */
static void
update_recurrence_summary (LiaEventEditor *self,
                           const char     *dtstart,
                           const char     *dtend)
{
  g_autofree char *rrule = build_rrule (self, dtstart);
  g_autofree char *words = NULL;
  g_autoptr(GString) dates = g_string_new (NULL);
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);
  LiaRecurrence recurrence;

  if (dtstart == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->recurrence_summary_row),
                                     _("Choose when it starts to see its dates"));
      adw_action_row_set_subtitle (self->recurrence_summary_row, "");
      return;
    }

  if (!lia_recurrence_parse (rrule, dtstart, &recurrence, NULL))
    lia_recurrence_init (&recurrence);
  words = lia_recurrence_describe (&recurrence, dtstart);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->recurrence_summary_row), words);

  {
    g_autoptr(GArray) next = NULL;
    g_autoptr(GDateTime) now = lia_store_dup_now (self->store);
    gint64 start_utc = 0;

    /* The next dates from today, or from the start when that is later. */
    if (lia_time_to_utc (dtstart, self->tzid, all_day, &start_utc, NULL))
      next = lia_recurrence_expand (dtstart, dtend, all_day ? NULL : self->tzid, all_day, rrule,
                                    lia_event_get_exdates (self->event),
                                    MAX (start_utc, g_date_time_to_unix (now)) - 1,
                                    G_MAXINT64 / 2, N_NEXT_DATES, NULL);

    for (guint i = 0; next != NULL && i < next->len; i++)
      {
        LiaOccurrence *occurrence = &g_array_index (next, LiaOccurrence, i);
        g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (occurrence->start_utc);
        g_autoptr(GTimeZone) zone = all_day ? NULL : g_time_zone_new_identifier (self->tzid);
        g_autoptr(GDateTime) local = NULL;
        g_autofree char *text = NULL;

        if (zone == NULL)
          zone = g_time_zone_new_utc ();
        local = g_date_time_to_timezone (utc, zone);
        /* Translators: a date in the list of an event's next dates; see g_date_time_format() */
        text = g_date_time_format (local, _("%a %-e %b %Y"));

        if (dates->len > 0)
          g_string_append (dates, ", ");
        g_string_append (dates, text);
      }
  }

  adw_action_row_set_subtitle (self->recurrence_summary_row, dates->str);
}

static void
update_recurrence_rows (LiaEventEditor *self)
{
  guint repeat = adw_combo_row_get_selected (self->repeat_row);
  guint ends = adw_combo_row_get_selected (self->ends_row);
  gboolean repeats = repeat != REPEAT_NONE && repeat != REPEAT_CUSTOM;
  const char *unit = NULL;
  int interval = gtk_spin_button_get_value_as_int (self->interval_spin);

  gtk_widget_set_visible (GTK_WIDGET (self->interval_row), repeats);
  gtk_widget_set_visible (GTK_WIDGET (self->weekdays_row), repeat == REPEAT_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->ends_row), repeats);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), repeats && ends == ENDS_ON_DAY);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), repeats && ends == ENDS_AFTER_COUNT);

  switch (repeat)
    {
    case REPEAT_DAILY:
      unit = g_dngettext (GETTEXT_PACKAGE, "day", "days", interval);
      break;
    case REPEAT_WEEKLY:
      unit = g_dngettext (GETTEXT_PACKAGE, "week", "weeks", interval);
      break;
    case REPEAT_MONTHLY_BY_DATE:
    case REPEAT_MONTHLY_BY_WEEKDAY:
      unit = g_dngettext (GETTEXT_PACKAGE, "month", "months", interval);
      break;
    case REPEAT_YEARLY:
      unit = g_dngettext (GETTEXT_PACKAGE, "year", "years", interval);
      break;
    default:
      break;
    }
  adw_action_row_set_subtitle (self->interval_row, unit != NULL ? unit : "");
}

static void
validate (LiaEventEditor *self)
{
  g_autofree char *title = lia_editor_dup_text (self->title_row);
  g_autofree char *start_day = lia_editor_dup_text (self->start_day_row);
  g_autofree char *dtstart = NULL;
  g_autofree char *dtend = NULL;
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);
  gboolean valid = !lia_editor_is_blank (title);

  if (self->loading)
    return;

  lia_editor_show_problem (self->title_row, valid || !self->title_touched ? NULL : _("A title is required"));

  valid &= check_day (self->start_day_row);
  if (lia_editor_is_blank (start_day))
    valid = FALSE;
  valid &= check_day (self->end_day_row);
  if (!all_day)
    {
      g_autofree char *start_time = lia_editor_dup_text (self->start_time_row);

      valid &= check_time (self->start_time_row);
      valid &= check_time (self->end_time_row);
      if (lia_editor_is_blank (start_time))
        valid = FALSE;
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->until_row)))
    valid &= check_day (self->until_row);
  valid &= lia_editor_check_row (self->image_url_row, lia_validate_url, _("Not a web address, like https://example.org"));
  valid &= lia_editor_check_row (self->registration_row, lia_validate_url, _("Not a web address, like https://example.org"));
  valid &= lia_editor_check_row (self->online_url_row, lia_validate_url, _("Not a web address, like https://example.org"));

  build_times (self, &dtstart, &dtend);
  if (dtstart != NULL && dtend != NULL && strcmp (dtend, dtstart) < 0)
    {
      lia_editor_show_problem (all_day ? self->end_day_row : self->end_time_row, _("Before the start"));
      valid = FALSE;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->weekdays_row)) && selected_weekdays (self) == 0)
    valid = FALSE;

  update_recurrence_rows (self);
  update_recurrence_summary (self, dtstart, dtend);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.save", valid);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID]);
    }
}

static void
on_row_changed_cb (LiaEventEditor *self,
                   AdwEntryRow    *row)
{
  if (row == self->title_row)
    self->title_touched = TRUE;

  validate (self);
}

static void
on_entry_activated_cb (LiaEventEditor *self,
                       AdwEntryRow    *row)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "event-editor.save", NULL);
}

static void
on_all_day_changed_cb (LiaEventEditor *self)
{
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->start_time_row), !all_day);
  gtk_widget_set_visible (GTK_WIDGET (self->end_time_row), !all_day);
  validate (self);
}

static void
on_recurrence_changed_cb (LiaEventEditor *self)
{
  /* A weekly rule with no day chosen takes the start's weekday. */
  if (adw_combo_row_get_selected (self->repeat_row) == REPEAT_WEEKLY && selected_weekdays (self) == 0)
    {
      g_autofree char *start_day = lia_editor_dup_text (self->start_day_row);
      GDate date;

      g_date_clear (&date, 1);
      if (lia_validate_date (start_day) && !lia_editor_is_blank (start_day))
        {
          g_date_set_parse (&date, start_day);
          if (g_date_valid (&date))
            gtk_toggle_button_set_active (self->weekday_buttons[g_date_get_weekday (&date) - G_DATE_MONDAY], TRUE);
        }
    }

  validate (self);
}

/* A new event of a partner takes the partner's promotion tier. */
static void
on_partner_changed_cb (LiaEventEditor *self)
{
  guint position = adw_combo_row_get_selected (self->partner_row);
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(LiaEvent) defaults = NULL;
  LiaChannels channels;

  if (self->loading || lia_event_get_id (self->event) != 0 ||
      position == GTK_INVALID_LIST_POSITION || position == 0 || position >= self->partner_ids->len)
    return;

  partner = lia_store_get_partner (self->store, g_array_index (self->partner_ids, gint64, position), NULL);
  if (partner == NULL)
    return;

  defaults = lia_event_new ();
  lia_event_apply_promotion_tier (defaults, lia_partner_get_promotion_tier (partner));
  channels = lia_event_get_channels (defaults);
  gtk_switch_set_active (self->promote_switch, lia_event_get_promote (defaults));
  gtk_switch_set_active (self->featured_switch, lia_event_get_featured (defaults));
  gtk_check_button_set_active (self->website_check, (channels & LIA_CHANNEL_WEBSITE) != 0);
  gtk_check_button_set_active (self->bulletin_check, (channels & LIA_CHANNEL_PRINT_BULLETIN) != 0);
  gtk_check_button_set_active (self->flyer_check, (channels & LIA_CHANNEL_FLYER) != 0);
  gtk_check_button_set_active (self->newsletter_check, (channels & LIA_CHANNEL_NEWSLETTER) != 0);
  gtk_check_button_set_active (self->display_check, (channels & LIA_CHANNEL_DISPLAY_BOARD) != 0);
}

static void
show_image (LiaEventEditor *self)
{
  GBytes *image = lia_event_get_image (self->event);
  g_autoptr(GdkTexture) texture = NULL;

  if (image != NULL && g_bytes_get_size (image) > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!(texture = gdk_texture_new_from_bytes (image, &error)))
        g_debug ("Cannot show the image: %s", error->message);
    }

  gtk_picture_set_paintable (self->image_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->image_picture), texture != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.remove-image", texture != NULL);
}

/**
 * lia_event_editor_load_image_file:
 * @self: a #LiaEventEditor
 * @file: an image file
 * @error: where to put what went wrong
 *
 * Makes the image in @file the event's (at most 2000 pixels, as PNG),
 * saved with the form; a file too big or not an image changes nothing and
 * says why.
 *
 * Returns: %TRUE when the image was taken
 */
gboolean
lia_event_editor_load_image_file (LiaEventEditor  *self,
                                  GFile           *file,
                                  GError         **error)
{
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIA_IS_EVENT_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(image = lia_editor_load_image (file, IMAGE_MAX_FILE_SIZE, IMAGE_MAX_SIDE, &local_error)))
    {
      lia_editor_show_error (self->toast_overlay, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  lia_event_set_image (self->event, image);
  show_image (self);

  return TRUE;
}

static void
on_image_chooser_response_cb (GtkNativeDialog *chooser,
                              int              response,
                              LiaEventEditor  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lia_event_editor_load_image_file (self, file, NULL);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
lia_event_editor_choose_image_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LiaEventEditor *self = LIA_EVENT_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  chooser = gtk_file_chooser_native_new (_("Choose an Image"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_image_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
lia_event_editor_remove_image_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LiaEventEditor *self = LIA_EVENT_EDITOR (widget);

  lia_event_set_image (self->event, NULL);
  show_image (self);
}

static void
lia_event_editor_save_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LiaEventEditor *self = LIA_EVENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gboolean saved = lia_event_editor_save (self, &error);

  lia_editor_close_if_saved (GTK_WINDOW (self), self->toast_overlay, saved, error);
}

static void
lia_event_editor_trash_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LiaEventEditor *self = LIA_EVENT_EDITOR (widget);
  gint64 id = lia_event_get_id (self->event);

  if (id == 0)
    return;

  lia_editor_trash_and_close (GTK_WINDOW (self), self->toast_overlay, self->store,
                              LIA_RECORD_EVENT, id, lia_event_get_title (self->event));
}

/* The flyer of the event as saved: a new event has none yet. */
static LiaDocument *
create_flyer (LiaEventEditor  *self,
              gboolean         large_print,
              char           **file_name)
{
  LiaSettings *settings = lia_settings_get_default ();
  LiaPrintContext context = { lia_settings_get_library_name (settings), self->tzid };
  g_autoptr(LiaDocument) flyer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = lia_event_get_id (self->event);

  if (id == 0)
    return NULL;
  if (!(flyer = lia_flyer_new (self->store, id, large_print, &context, &error)))
    {
      lia_editor_show_error (self->toast_overlay, error);
      return NULL;
    }
  if (large_print)
    /* Translators: the file name offered for an event's large-print flyer; %s is its title */
    *file_name = g_strdup_printf (_("Large-Print Flyer – %s.pdf"), lia_event_get_title (self->event));
  else
    /* Translators: the file name offered for an event's flyer; %s is its title */
    *file_name = g_strdup_printf (_("Flyer – %s.pdf"), lia_event_get_title (self->event));

  return g_steal_pointer (&flyer);
}

/* The large-print actions are the same ones with "large" in the name. */
static void
lia_event_editor_print_flyer_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LiaEventEditor *self = LIA_EVENT_EDITOR (widget);
  g_autofree char *file_name = NULL;
  g_autoptr(LiaDocument) flyer = create_flyer (self, strstr (action_name, "large") != NULL, &file_name);

  if (flyer != NULL)
    lia_print_document (widget, self->toast_overlay, flyer, file_name);
}

static void
lia_event_editor_export_flyer_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LiaEventEditor *self = LIA_EVENT_EDITOR (widget);
  g_autofree char *file_name = NULL;
  g_autoptr(LiaDocument) flyer = create_flyer (self, strstr (action_name, "large") != NULL, &file_name);

  if (flyer != NULL)
    lia_print_export_document (widget, self->toast_overlay, flyer, file_name);
}

static void
lia_event_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_EVENT_EDITOR);

  G_OBJECT_CLASS (lia_event_editor_parent_class)->dispose (object);
}

static void
lia_event_editor_finalize (GObject *object)
{
  LiaEventEditor *self = (LiaEventEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->event);
  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->custom_rrule, g_free);

  G_OBJECT_CLASS (lia_event_editor_parent_class)->finalize (object);
}

static void
lia_event_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaEventEditor *self = LIA_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_event_editor_class_init (LiaEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_event_editor_dispose;
  object_class->finalize = lia_event_editor_finalize;
  object_class->get_property = lia_event_editor_get_property;

  properties [PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaEventEditor::saved:
   * @event: the event as saved
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-event-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LiaEventEditor, name)
  BIND (window_title);
  BIND (toast_overlay);
  BIND (trash_button);
  BIND (title_row);
  BIND (partner_row);
  BIND (status_row);
  BIND (audience_row);
  BIND (all_day_switch);
  BIND (start_day_row);
  BIND (start_time_row);
  BIND (end_day_row);
  BIND (end_time_row);
  BIND (when_group);
  BIND (repeat_group);
  BIND (repeat_row);
  BIND (interval_row);
  BIND (interval_spin);
  BIND (weekdays_row);
  BIND (weekdays_box);
  BIND (ends_row);
  BIND (until_row);
  BIND (count_row);
  BIND (count_spin);
  BIND (recurrence_summary_row);
  BIND (venue_name_row);
  BIND (venue_address_row);
  BIND (venue_room_row);
  BIND (online_url_row);
  BIND (summary_row);
  BIND (description_row);
  BIND (categories_row);
  BIND (cost_row);
  BIND (registration_row);
  BIND (accessibility_row);
  BIND (contact_row);
  BIND (image_row);
  BIND (image_picture);
  BIND (image_url_row);
  BIND (promote_switch);
  BIND (website_check);
  BIND (bulletin_check);
  BIND (flyer_check);
  BIND (newsletter_check);
  BIND (display_check);
  BIND (featured_switch);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_day_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recurrence_changed_cb);

  gtk_widget_class_install_action (widget_class, "event-editor.save", NULL, lia_event_editor_save_action);
  gtk_widget_class_install_action (widget_class, "event-editor.trash", NULL, lia_event_editor_trash_action);
  gtk_widget_class_install_action (widget_class, "event-editor.choose-image", NULL, lia_event_editor_choose_image_action);
  gtk_widget_class_install_action (widget_class, "event-editor.remove-image", NULL, lia_event_editor_remove_image_action);
  gtk_widget_class_install_action (widget_class, "event-editor.print-flyer", NULL, lia_event_editor_print_flyer_action);
  gtk_widget_class_install_action (widget_class, "event-editor.export-flyer", NULL, lia_event_editor_export_flyer_action);
  gtk_widget_class_install_action (widget_class, "event-editor.print-large-flyer", NULL, lia_event_editor_print_flyer_action);
  gtk_widget_class_install_action (widget_class, "event-editor.export-large-flyer", NULL,
                                   lia_event_editor_export_flyer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "event-editor.print-flyer", NULL);

  lia_editor_class_add_shortcuts (widget_class, "event-editor.save");
}

static void
lia_event_editor_init (LiaEventEditor *self)
{
  g_autoptr(GtkStringList) repeats = NULL;
  g_autoptr(GtkStringList) ends = NULL;
  GDate monday;

  /* Until lia_event_editor_new() has filled the form. */
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  lia_editor_set_enum_model (self->status_row, LIA_TYPE_EVENT_STATUS);
  lia_editor_set_enum_model (self->audience_row, LIA_TYPE_AUDIENCE);

  repeats = gtk_string_list_new ((const char *[]) {
    _("Does not repeat"),
    _("Every day"),
    _("Every week"),
    _("Every month, on the same day"),
    _("Every month, on the same weekday"),
    _("Every year"),
    NULL,
  });
  adw_combo_row_set_model (self->repeat_row, G_LIST_MODEL (repeats));

  ends = gtk_string_list_new ((const char *[]) {
    _("Never"),
    _("On a day"),
    _("After a number of times"),
    NULL,
  });
  adw_combo_row_set_model (self->ends_row, G_LIST_MODEL (ends));

  /* Monday to Sunday, in the user's language. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 5, 1, 2026);
  for (guint i = 0; i < 7; i++)
    {
      GDate day = monday;
      char name[32];
      char full[64];
      GtkWidget *button;

      g_date_add_days (&day, i);
      g_date_strftime (name, sizeof name, "%a", &day);
      g_date_strftime (full, sizeof full, "%A", &day);
      button = gtk_toggle_button_new_with_label (name);
      gtk_widget_set_tooltip_text (button, full);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                      -1);
      g_signal_connect_object (button, "toggled", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->weekdays_box, button);
      self->weekday_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  {
    g_autofree char *tzid = lia_settings_dup_library_time_zone (lia_settings_get_default ());

    self->tzid = lia_time_zone_is_known (tzid) ? g_steal_pointer (&tzid) : g_strdup ("UTC");
    adw_preferences_group_set_description (self->when_group, self->tzid);
  }
}

static void
fill_partners (LiaEventEditor *self,
               gint64          partner_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) found = NULL;
  guint selected = 0;
  gint64 none = 0;

  /* Translators: the partner of the library's own events */
  gtk_string_list_append (names, _("The library itself"));
  g_array_append_val (self->partner_ids, none);

  /* One query for the names: an editor opens at once with thousands. */
  found = lia_store_list_partner_names (self->store, &ids, NULL);
  for (guint i = 0; found != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (id == partner_id)
        selected = self->partner_ids->len;
      gtk_string_list_append (names, found[i]);
      g_array_append_val (self->partner_ids, id);
    }

  adw_combo_row_set_model (self->partner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->partner_row, selected);
  g_signal_connect_object (self->partner_row, "notify::selected",
                           G_CALLBACK (on_partner_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
fill_times (LiaEventEditor *self)
{
  const char *dtstart = lia_event_get_dtstart (self->event);
  const char *dtend = lia_event_get_dtend (self->event);
  gboolean all_day = lia_event_get_all_day (self->event);
  g_autofree char *start_day = NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *end_day = NULL;
  g_autofree char *end_time = NULL;

  gtk_switch_set_active (self->all_day_switch, all_day);
  gtk_widget_set_visible (GTK_WIDGET (self->start_time_row), !all_day);
  gtk_widget_set_visible (GTK_WIDGET (self->end_time_row), !all_day);

  if (dtstart != NULL && strlen (dtstart) >= 10)
    {
      start_day = g_strndup (dtstart, 10);
      if (strlen (dtstart) >= 16)
        start_time = g_strndup (dtstart + 11, 5);
    }
  if (dtend != NULL && strlen (dtend) >= 10)
    {
      end_day = g_strndup (dtend, 10);
      if (strlen (dtend) >= 16)
        end_time = g_strndup (dtend + 11, 5);
      /* A timed event that ends on its start day shows only the end time. */
      if (!all_day && g_strcmp0 (start_day, end_day) == 0)
        g_clear_pointer (&end_day, g_free);
    }

  lia_editor_set_text (self->start_day_row, start_day);
  lia_editor_set_text (self->start_time_row, start_time);
  lia_editor_set_text (self->end_day_row, end_day);
  lia_editor_set_text (self->end_time_row, end_time);
}

static void
fill_recurrence (LiaEventEditor *self)
{
  LiaRecurrence recurrence;
  guint repeat = REPEAT_NONE;

  if (!lia_recurrence_parse (lia_event_get_rrule (self->event), lia_event_get_dtstart (self->event),
                             &recurrence, NULL))
    lia_recurrence_init (&recurrence);

  switch (recurrence.repeat)
    {
    case LIA_REPEAT_DAILY: repeat = REPEAT_DAILY; break;
    case LIA_REPEAT_WEEKLY: repeat = REPEAT_WEEKLY; break;
    case LIA_REPEAT_MONTHLY_BY_DATE: repeat = REPEAT_MONTHLY_BY_DATE; break;
    case LIA_REPEAT_MONTHLY_BY_WEEKDAY: repeat = REPEAT_MONTHLY_BY_WEEKDAY; break;
    case LIA_REPEAT_YEARLY: repeat = REPEAT_YEARLY; break;
    case LIA_REPEAT_CUSTOM:
      /* Kept as it is; the form only offers to leave it or replace it. */
      repeat = REPEAT_CUSTOM;
      self->custom_rrule = g_strdup (lia_event_get_rrule (self->event));
      gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (self->repeat_row)),
                              _("Custom rule (kept as imported)"));
      break;
    case LIA_REPEAT_NONE:
    default:
      break;
    }

  adw_combo_row_set_selected (self->repeat_row, repeat);
  gtk_spin_button_set_value (self->interval_spin, MAX (1, recurrence.interval));
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->weekday_buttons[i], (recurrence.weekdays & (1 << i)) != 0);

  if (recurrence.until[0] != '\0')
    {
      adw_combo_row_set_selected (self->ends_row, ENDS_ON_DAY);
      lia_editor_set_text (self->until_row, recurrence.until);
    }
  else if (recurrence.count > 0)
    {
      adw_combo_row_set_selected (self->ends_row, ENDS_AFTER_COUNT);
      gtk_spin_button_set_value (self->count_spin, recurrence.count);
    }
  else
    adw_combo_row_set_selected (self->ends_row, ENDS_NEVER);
}

/**
 * lia_event_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database
 * @partner_id: the partner of a new event (0: the library's own)
 * @event: (nullable): the event to edit, %NULL for a new one
 *
 * Returns: (transfer none): a new editor, owned by GTK like every toplevel
 */
LiaEventEditor *
lia_event_editor_new (GtkWindow *parent,
                      LiaStore  *store,
                      gint64     partner_id,
                      LiaEvent  *event)
{
  LiaEventEditor *self;
  LiaChannels channels;
  const char *title;
  g_autofree char *categories = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (event == NULL || LIA_IS_EVENT (event), NULL);

  self = g_object_new (LIA_TYPE_EVENT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->loading = TRUE;

  if (event != NULL && lia_event_get_id (event) != 0)
    self->event = lia_store_get_event (store, lia_event_get_id (event), NULL);
  if (self->event == NULL)
    {
      g_autoptr(GDateTime) now = lia_store_dup_now (store);
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (self->tzid);
      g_autoptr(GDateTime) here = NULL;
      g_autoptr(GDateTime) tomorrow = NULL;
      g_autofree char *dtstart = NULL;
      g_autofree char *dtend = NULL;

      /* A new event starts tomorrow at ten, for an hour. */
      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      here = g_date_time_to_timezone (now, zone);
      tomorrow = g_date_time_add_days (here, 1);
      dtstart = g_date_time_format (tomorrow, "%Y-%m-%dT10:00:00");
      dtend = g_date_time_format (tomorrow, "%Y-%m-%dT11:00:00");

      self->event = event != NULL ? lia_event_copy (event) : lia_event_new ();
      if (event == NULL)
        {
          lia_event_set_partner_id (self->event, partner_id);
          lia_event_set_dtstart (self->event, dtstart);
          lia_event_set_dtend (self->event, dtend);
          lia_event_set_tzid (self->event, self->tzid);
          lia_event_set_status (self->event, LIA_EVENT_STATUS_DRAFT);
          lia_event_set_audience (self->event, LIA_AUDIENCE_ALL);
        }
    }

  /* An event kept in another zone than the library's (imported from a
   * partner elsewhere) is edited in its own: its wall times are shown
   * and saved in that zone, never moved by the difference. */
  if (!lia_event_get_all_day (self->event) && lia_event_get_tzid (self->event) != NULL &&
      g_strcmp0 (lia_event_get_tzid (self->event), self->tzid) != 0 &&
      lia_time_zone_is_known (lia_event_get_tzid (self->event)))
    {
      g_free (self->tzid);
      self->tzid = g_strdup (lia_event_get_tzid (self->event));
      adw_preferences_group_set_description (self->when_group, self->tzid);
    }

  title = lia_event_get_id (self->event) != 0 ? _("Edit Event") : _("New Event");
  adw_window_title_set_title (self->window_title, title);
  /* One date of a repeating event: it cannot repeat, and stays with the
   * series' partner. */
  if (lia_event_get_recurrence_of (self->event) != 0)
    {
      adw_window_title_set_subtitle (self->window_title, _("One date of a repeating event"));
      gtk_widget_set_visible (GTK_WIDGET (self->repeat_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->partner_row), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->trash_button), lia_event_get_id (self->event) != 0);
  /* A flyer is printed from the event as saved: a new one has nothing to
   * print yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.print-flyer", lia_event_get_id (self->event) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.export-flyer", lia_event_get_id (self->event) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.print-large-flyer", lia_event_get_id (self->event) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.export-large-flyer",
                                 lia_event_get_id (self->event) != 0);
  gtk_window_set_title (GTK_WINDOW (self), title);

  fill_partners (self, lia_event_get_partner_id (self->event));
  lia_editor_set_text (self->title_row, lia_event_get_title (self->event));
  adw_combo_row_set_selected (self->status_row, lia_event_get_status (self->event));
  adw_combo_row_set_selected (self->audience_row, lia_event_get_audience (self->event));
  fill_times (self);
  fill_recurrence (self);

  lia_editor_set_text (self->venue_name_row, lia_event_get_venue_name (self->event));
  lia_editor_set_text (self->venue_address_row, lia_event_get_venue_address (self->event));
  lia_editor_set_text (self->venue_room_row, lia_event_get_venue_room (self->event));
  lia_editor_set_text (self->online_url_row, lia_event_get_online_url (self->event));
  lia_editor_set_text (self->summary_row, lia_event_get_summary (self->event));
  lia_editor_set_text (self->description_row, lia_event_get_description (self->event));
  if (lia_event_get_categories (self->event) != NULL)
    categories = g_strjoinv (", ", (char **)lia_event_get_categories (self->event));
  lia_editor_set_text (self->categories_row, categories);
  lia_editor_set_text (self->cost_row, lia_event_get_cost (self->event));
  lia_editor_set_text (self->registration_row, lia_event_get_registration_url (self->event));
  lia_editor_set_text (self->accessibility_row, lia_event_get_accessibility (self->event));
  lia_editor_set_text (self->contact_row, lia_event_get_contact (self->event));
  lia_editor_set_text (self->image_url_row, lia_event_get_image_url (self->event));
  show_image (self);

  channels = lia_event_get_channels (self->event);
  gtk_switch_set_active (self->promote_switch, lia_event_get_promote (self->event));
  gtk_check_button_set_active (self->website_check, (channels & LIA_CHANNEL_WEBSITE) != 0);
  gtk_check_button_set_active (self->bulletin_check, (channels & LIA_CHANNEL_PRINT_BULLETIN) != 0);
  gtk_check_button_set_active (self->flyer_check, (channels & LIA_CHANNEL_FLYER) != 0);
  gtk_check_button_set_active (self->newsletter_check, (channels & LIA_CHANNEL_NEWSLETTER) != 0);
  gtk_check_button_set_active (self->display_check, (channels & LIA_CHANNEL_DISPLAY_BOARD) != 0);
  gtk_switch_set_active (self->featured_switch, lia_event_get_featured (self->event));

  self->loading = FALSE;
  /* A new partner event starts from the partner's promotion tier. */
  on_partner_changed_cb (self);

  self->title_touched = lia_event_get_id (self->event) != 0;
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}

gboolean
lia_event_editor_get_valid (LiaEventEditor *self)
{
  g_return_val_if_fail (LIA_IS_EVENT_EDITOR (self), FALSE);

  return self->valid;
}

static char *
dup_text_or_null (AdwEntryRow *row)
{
  g_autofree char *text = lia_editor_dup_text (row);

  return lia_editor_is_blank (text) ? NULL : g_steal_pointer (&text);
}

/**
 * lia_event_editor_save:
 * @self: a #LiaEventEditor
 * @error: where to put what went wrong
 *
 * Returns: %TRUE when the event was saved
 */
gboolean
lia_event_editor_save (LiaEventEditor  *self,
                       GError         **error)
{
  g_autofree char *title = NULL;
  g_autofree char *dtstart = NULL;
  g_autofree char *dtend = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *categories = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) category_list = NULL;
  gboolean all_day;
  guint partner = adw_combo_row_get_selected (self->partner_row);
  LiaChannels channels = 0;

  g_return_val_if_fail (LIA_IS_EVENT_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  all_day = gtk_switch_get_active (self->all_day_switch);
  title = lia_editor_dup_text (self->title_row);
  build_times (self, &dtstart, &dtend);
  rrule = build_rrule (self, dtstart);

  lia_event_set_title (self->event, title);
  lia_event_set_partner_id (self->event,
                            partner < self->partner_ids->len ? g_array_index (self->partner_ids, gint64, partner) : 0);
  lia_event_set_status (self->event, adw_combo_row_get_selected (self->status_row));
  lia_event_set_audience (self->event, adw_combo_row_get_selected (self->audience_row));
  lia_event_set_all_day (self->event, all_day);
  lia_event_set_dtstart (self->event, dtstart);
  lia_event_set_dtend (self->event, dtend);
  lia_event_set_tzid (self->event, all_day ? NULL : self->tzid);
  /* An override of one date cannot repeat. */
  if (lia_event_get_recurrence_of (self->event) == 0)
    lia_event_set_rrule (self->event, rrule);

#define SET_TEXT(setter, row) \
  G_STMT_START { g_autofree char *text = dup_text_or_null (row); setter (self->event, text); } G_STMT_END
  SET_TEXT (lia_event_set_venue_name, self->venue_name_row);
  SET_TEXT (lia_event_set_venue_address, self->venue_address_row);
  SET_TEXT (lia_event_set_venue_room, self->venue_room_row);
  SET_TEXT (lia_event_set_online_url, self->online_url_row);
  SET_TEXT (lia_event_set_cost, self->cost_row);
  SET_TEXT (lia_event_set_registration_url, self->registration_row);
  SET_TEXT (lia_event_set_contact, self->contact_row);
  SET_TEXT (lia_event_set_image_url, self->image_url_row);
#undef SET_TEXT
  {
    g_autofree char *summary = lia_editor_dup_text (self->summary_row);
    g_autofree char *description = lia_editor_dup_text (self->description_row);
    g_autofree char *accessibility = lia_editor_dup_text (self->accessibility_row);

    lia_event_set_summary (self->event, summary);
    lia_event_set_description (self->event, description);
    lia_event_set_accessibility (self->event, accessibility);
  }

  categories = lia_editor_dup_text (self->categories_row);
  parts = g_strsplit (categories, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *category = g_strstrip (parts[i]);

      if (*category != '\0')
        g_strv_builder_add (builder, category);
    }
  category_list = g_strv_builder_end (builder);
  lia_event_set_categories (self->event, (const char * const *)category_list);

  if (gtk_check_button_get_active (self->website_check))
    channels |= LIA_CHANNEL_WEBSITE;
  if (gtk_check_button_get_active (self->bulletin_check))
    channels |= LIA_CHANNEL_PRINT_BULLETIN;
  if (gtk_check_button_get_active (self->flyer_check))
    channels |= LIA_CHANNEL_FLYER;
  if (gtk_check_button_get_active (self->newsletter_check))
    channels |= LIA_CHANNEL_NEWSLETTER;
  if (gtk_check_button_get_active (self->display_check))
    channels |= LIA_CHANNEL_DISPLAY_BOARD;
  lia_event_set_promote (self->event, gtk_switch_get_active (self->promote_switch));
  lia_event_set_channels (self->event, channels);
  lia_event_set_featured (self->event, gtk_switch_get_active (self->featured_switch));

  if (!lia_store_save_event (self->store, self->event, error))
    return FALSE;

  g_signal_emit (self, signals [SAVED], 0, self->event);

  return TRUE;
}
