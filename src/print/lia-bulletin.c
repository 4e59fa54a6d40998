/* lia-bulletin.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly community bulletin: the month's events promoted on the print
 * bulletin channel, by day, in two columns, as many pages as they take.
 */

#define G_LOG_DOMAIN "lia-bulletin"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-print-documents.h"
#include "lia-sheet-flow.h"

#define N_COLUMNS 2
#define GUTTER 18.0
#define BODY_FONT "Cantarell, Sans 9.5"
#define HEADING_FONT "Cantarell, Sans Bold 12"
#define SUMMARY_FONT "Cantarell, Sans 9"
/* A few lines of summary: the bulletin points at the event, the flyer or
 * the website tells the rest. */
#define SUMMARY_LINES 3

#define LIA_TYPE_BULLETIN (lia_bulletin_get_type ())
G_DECLARE_FINAL_TYPE (LiaBulletin, lia_bulletin, LIA, BULLETIN, LiaDocument)

struct _LiaBulletin
{
  LiaDocument   parent_instance;

  LiaSheetFrame frame;        /* its title: "December 2026 — Community Events" */

  /* Owned */
  GTimeZone    *zone;
  GDateTime    *month_start;
  GArray       *occurrences;   /* LiaEventOccurrence, drafts left out */
  GHashTable   *events;        /* event id → LiaEvent */
};

G_DEFINE_FINAL_TYPE (LiaBulletin, lia_bulletin, LIA_TYPE_DOCUMENT)

/* The occurrence's day in the library's zone; one that began last month
 * (a long exhibition) is listed on the month's first day. */
static GDateTime *
get_day (LiaBulletin              *self,
         const LiaEventOccurrence *occurrence)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (MAX (occurrence->start_utc,
                                                                  g_date_time_to_unix (self->month_start)));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (start, self->zone);

  return g_date_time_new (self->zone,
                          g_date_time_get_year (local),
                          g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local),
                          0, 0, 0);
}

static char *
format_time (GDateTime *time)
{
  /* Translators: a time of day on the printed bulletin, as in "6:30 pm";
   * see g_date_time_format() (French: "%H:%M") */
  return g_date_time_format (time, _("%-l:%M %P"));
}

static char *
format_times (LiaBulletin              *self,
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
  start = g_date_time_to_timezone (start_utc, self->zone);
  from = format_time (start);
  if (occurrence->end_utc <= occurrence->start_utc)
    return g_steal_pointer (&from);

  end_utc = g_date_time_new_from_unix_utc (occurrence->end_utc);
  end = g_date_time_to_timezone (end_utc, self->zone);
  if (g_date_time_get_day_of_year (start) != g_date_time_get_day_of_year (end))
    return g_steal_pointer (&from);
  to = format_time (end);

  /* Translators: a time range, as in "6:30 pm – 8:00 pm" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static void
append_escaped (GString    *markup,
                const char *separator,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  if (separator != NULL && markup->len > 0)
    g_string_append (markup, separator);
  g_string_append (markup, escaped);
}

static char *
build_event_markup (LiaBulletin              *self,
                    const LiaEventOccurrence *occurrence,
                    LiaEvent                 *event)
{
  GString *markup = g_string_new (NULL);
  g_autoptr(GString) place = g_string_new (NULL);
  g_autoptr(GString) terms = g_string_new (NULL);
  g_autofree char *times = format_times (self, occurrence);
  g_autofree char *title = g_markup_escape_text (occurrence->title, -1);
  gboolean cancelled = occurrence->status == LIA_EVENT_STATUS_CANCELLED;

  /* Cancelled events stay on the sheet, marked, for those who saw them
   * announced elsewhere. */
  if (cancelled || occurrence->status == LIA_EVENT_STATUS_POSTPONED)
    {
      g_autofree char *label = g_markup_escape_text (lia_enum_to_label (LIA_TYPE_EVENT_STATUS,
                                                                        occurrence->status), -1);

      g_string_append_printf (markup, "<span weight=\"bold\" foreground=\"#a51d2d\">%s</span>  ", label);
    }
  append_escaped (markup, NULL, times);
  g_string_append_printf (markup, "\n<span size=\"11pt\" weight=\"bold\"%s>%s</span>",
                          cancelled ? " strikethrough=\"true\"" : "", title);

  if (event != NULL)
    {
      append_escaped (place, NULL, lia_event_get_venue_name (event));
      append_escaped (place, ", ", lia_event_get_venue_room (event));
      if (place->len == 0 && lia_event_get_online_url (event) != NULL
          && *lia_event_get_online_url (event) != '\0')
        append_escaped (place, NULL, _("Online"));
    }
  else
    append_escaped (place, NULL, occurrence->venue_name);
  if (occurrence->partner_name != NULL && *occurrence->partner_name != '\0')
    {
      /* Translators: the partner that runs an event, on the bulletin */
      g_autofree char *with = g_strdup_printf (_("With %s"), occurrence->partner_name);

      append_escaped (place, " · ", with);
    }

  if (event != NULL)
    {
      const char *url = lia_event_get_registration_url (event);

      append_escaped (terms, NULL, lia_event_get_cost (event));
      /* Just the fact: an address is long to copy from paper, and the
       * flyer or the website has it. */
      if (url != NULL && *url != '\0')
        append_escaped (terms, " · ", _("Registration required"));
    }
  /* Where, with whom, at what cost: one paragraph, wrapped as needed. */
  if (terms->len > 0)
    g_string_append_printf (place, "%s<span style=\"italic\">%s</span>", place->len > 0 ? " · " : "", terms->str);
  if (place->len > 0)
    g_string_append_printf (markup, "\n%s", place->str);

  return g_string_free (markup, FALSE);
}

static const char *
get_summary (LiaEvent *event)
{
  const char *summary;

  if (event == NULL)
    return NULL;
  summary = lia_event_get_summary (event);
  if (summary == NULL || *summary == '\0')
    summary = lia_event_get_description (event);

  return summary;
}

static void
add_day_heading (LiaBulletin *self,
                 GDateTime   *day,
                 int          section,
                 double       width)
{
  /* Translators: a day heading on the bulletin, as in "Tuesday 9 December";
   * see g_date_time_format() */
  g_autofree char *text = g_date_time_format (day, _("%A %-d %B"));
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  /* Translators: a day heading repeated at the top of a column, as in
   * "Tuesday 9 December (continued)" */
  g_autofree char *continued = g_strdup_printf (_("%s (continued)"), escaped);
  LiaSheetBlock block = {
    .layout = _lia_sheet_layout_new (self->frame.context, HEADING_FONT, width, escaped),
    .space_before = 14,
    .section = section,
    .is_heading = TRUE,
    .keep_with_next = TRUE,
  };

  _lia_sheet_flow_add (self->frame.flow, &block);
  _lia_sheet_flow_set_continued (self->frame.flow, section,
                                 _lia_sheet_layout_new (self->frame.context, HEADING_FONT, width, continued));
}

static void
add_event (LiaBulletin              *self,
           const LiaEventOccurrence *occurrence,
           int                       section,
           double                    width)
{
  LiaEvent *event = g_hash_table_lookup (self->events, &occurrence->event_id);
  g_autofree char *markup = build_event_markup (self, occurrence, event);
  const char *summary = get_summary (event);
  LiaSheetBlock head = {
    .layout = _lia_sheet_layout_new (self->frame.context, BODY_FONT, width, markup),
    .space_before = 8,
    .section = section,
  };

  if (summary != NULL && *summary != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (summary, -1);
      LiaSheetBlock block = {
        .layout = _lia_sheet_layout_new (self->frame.context, SUMMARY_FONT, width, escaped),
        .space_before = 1.5,
        .section = section,
      };

      /* At most a few lines, the last ellipsized. */
      pango_layout_set_height (block.layout, -SUMMARY_LINES);
      pango_layout_set_ellipsize (block.layout, PANGO_ELLIPSIZE_END);
      head.keep_with_next = TRUE;
      _lia_sheet_flow_add (self->frame.flow, &head);
      _lia_sheet_flow_add (self->frame.flow, &block);
    }
  else
    _lia_sheet_flow_add (self->frame.flow, &head);
}

static guint
lia_bulletin_paginate (LiaDocument        *document,
                       const LiaPageSetup *setup,
                       PangoContext       *context,
                       GError            **error)
{
  LiaBulletin *self = LIA_BULLETIN (document);
  double width = _lia_sheet_frame_begin (&self->frame, setup, context);
  double column_width = (width - GUTTER * (N_COLUMNS - 1)) / N_COLUMNS;
  g_autoptr(GDateTime) day = NULL;
  int section = -1;

  if (self->occurrences->len == 0)
    {
      LiaSheetBlock block = {
        .layout = _lia_sheet_layout_new (context, BODY_FONT, width,
                                         _("No events are listed in the bulletin this month.")),
        .section = -1,
      };

      _lia_sheet_flow_add (self->frame.flow, &block);

      return _lia_sheet_frame_paginate (&self->frame, 1, width, 0);
    }

  for (guint i = 0; i < self->occurrences->len; i++)
    {
      const LiaEventOccurrence *occurrence = &g_array_index (self->occurrences, LiaEventOccurrence, i);
      g_autoptr(GDateTime) this_day = get_day (self, occurrence);

      if (day == NULL || !g_date_time_equal (day, this_day))
        {
          g_clear_pointer (&day, g_date_time_unref);
          day = g_date_time_ref (this_day);
          add_day_heading (self, day, ++section, column_width);
        }
      add_event (self, occurrence, section, column_width);
    }

  return _lia_sheet_frame_paginate (&self->frame, N_COLUMNS, column_width, GUTTER);
}

static void
lia_bulletin_draw_page (LiaDocument *document,
                        cairo_t     *cr,
                        guint        page)
{
  _lia_sheet_frame_draw_page (&LIA_BULLETIN (document)->frame, cr, page);
}

static void
lia_bulletin_finalize (GObject *object)
{
  LiaBulletin *self = LIA_BULLETIN (object);

  _lia_sheet_frame_clear (&self->frame);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->month_start, g_date_time_unref);
  g_clear_pointer (&self->occurrences, g_array_unref);
  g_clear_pointer (&self->events, g_hash_table_unref);

  G_OBJECT_CLASS (lia_bulletin_parent_class)->finalize (object);
}

static void
lia_bulletin_class_init (LiaBulletinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaDocumentClass *document_class = LIA_DOCUMENT_CLASS (klass);

  object_class->finalize = lia_bulletin_finalize;
  document_class->paginate = lia_bulletin_paginate;
  document_class->draw_page = lia_bulletin_draw_page;
}

static void
lia_bulletin_init (LiaBulletin *self)
{
  self->events = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return (ia > ib) - (ia < ib);
}

/* The month's events and, in four statements, their details (place, cost,
 * summary: more than an occurrence carries). */
static gboolean
load_events (LiaBulletin  *self,
             LiaStore     *store,
             GError      **error)
{
  LiaEventQuery query;
  g_autoptr(GDateTime) month_end = g_date_time_add_months (self->month_start, 1);
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) events = NULL;

  lia_event_query_init (&query);
  query.channels = LIA_CHANNEL_PRINT_BULLETIN;
  query.promoted = 1;
  if (!(occurrences = lia_store_list_occurrences (store, &query,
                                                  g_date_time_to_unix (self->month_start),
                                                  g_date_time_to_unix (month_end),
                                                  0, error)))
    return FALSE;

  self->occurrences = g_array_sized_new (FALSE, TRUE, sizeof (LiaEventOccurrence), occurrences->len);
  g_array_set_clear_func (self->occurrences, (GDestroyNotify) lia_event_occurrence_clear);
  for (guint i = 0; i < occurrences->len; i++)
    {
      LiaEventOccurrence *occurrence = &g_array_index (occurrences, LiaEventOccurrence, i);

      /* Drafts are not announced; cancelled and postponed events are, marked. */
      if (occurrence->status == LIA_EVENT_STATUS_DRAFT)
        continue;
      g_array_append_val (ids, occurrence->series_id);
      g_array_append_val (self->occurrences, *occurrence);
      /* The copy owns the strings now. */
      memset (occurrence, 0, sizeof *occurrence);
    }

  if (ids->len == 0)
    return TRUE;
  /* Each series once. */
  g_array_sort (ids, compare_ids);
  for (guint i = ids->len - 1; i > 0; i--)
    if (g_array_index (ids, gint64, i) == g_array_index (ids, gint64, i - 1))
      g_array_remove_index (ids, i);
  if (!(events = lia_store_get_events_with_overrides (store, ids, error)))
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    {
      LiaEvent *event = g_ptr_array_index (events, i);
      gint64 *id = g_new (gint64, 1);

      *id = lia_event_get_id (event);
      g_hash_table_replace (self->events, id, g_object_ref (event));
    }

  return TRUE;
}

LiaDocument *
lia_bulletin_new (LiaStore              *store,
                  const GDate           *month,
                  const LiaPrintContext *context,
                  GError               **error)
{
  g_autoptr(LiaBulletin) self = NULL;
  g_autofree char *month_name = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (month != NULL && g_date_valid (month), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LIA_TYPE_BULLETIN, NULL);
  _lia_sheet_frame_init (&self->frame, context);
  if (context == NULL || context->time_zone == NULL
      || !(self->zone = g_time_zone_new_identifier (context->time_zone)))
    self->zone = g_time_zone_new_utc ();
  self->month_start = g_date_time_new (self->zone, g_date_get_year (month), g_date_get_month (month),
                                       1, 0, 0, 0);
  if (!load_events (self, store, error))
    return NULL;

  /* Translators: the month of a bulletin, as in "December 2026"; see
   * g_date_time_format() */
  month_name = g_date_time_format (self->month_start, _("%B %Y"));
  /* Translators: the title of the printed bulletin; %s is the month, as
   * in "December 2026" */
  self->frame.title = g_strdup_printf (_("%s — Community Events"), month_name);
  lia_document_set_title (LIA_DOCUMENT (self), self->frame.title);

  return LIA_DOCUMENT (g_steal_pointer (&self));
}
