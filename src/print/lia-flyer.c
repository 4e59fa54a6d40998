/* lia-flyer.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The event flyer: one page to pin on a board. What matters from across
 * the room comes first and biggest (title, then when), the details a
 * reader checks next sit in a labelled column, and the ways to act
 * (register, ask for accommodations) close the page beside the QR code.
 * Black on white with one accent colour, so it photocopies well.
 */

#define G_LOG_DOMAIN "lia-flyer"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-enums.h"
#include "lia-print-documents.h"
#include "lia-recurrence.h"
#include "lia-print-private.h"

#define LIA_TYPE_FLYER (lia_flyer_get_type ())
G_DECLARE_FINAL_TYPE (LiaFlyer, lia_flyer, LIA, FLYER, LiaDocument)

/* What is drawn on the page, placed by paginate(). */
typedef enum
{
  INK_BLACK,
  INK_ACCENT,
} Ink;

typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
  Ink          ink;
} TextBlock;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
  Ink    ink;
} Rule;

struct _LiaFlyer
{
  LiaDocument      parent_instance;

  gboolean         large_print;

  /* Owned: what the flyer says, read from the store once */
  char            *library_name;
  char            *title;
  char            *when;
  char            *repeats;
  char            *venue_name;
  char            *venue_room;
  char            *venue_address;
  gboolean         online;
  char            *audience;
  char            *cost;
  char            *registration;
  char            *description;
  char            *accessibility;
  char            *contact;
  char            *partner_name;
  cairo_surface_t *logo;
  char            *url;
  char            *short_url;
  char            *url_caption;
  gboolean         cancelled;
  gboolean         description_cut;
  gboolean         description_shown;

  /* Owned: the layout for the last setup */
  GArray          *blocks;
  GArray          *rules;
  double           qr_x;
  double           qr_y;
  double           qr_size;
  double           logo_x;
  double           logo_y;
  double           logo_scale;
};

G_DEFINE_FINAL_TYPE (LiaFlyer, lia_flyer, LIA_TYPE_DOCUMENT)

/* Type sizes in points, regular and large print. Large print follows the
 * common advice for low vision: body text of 16 pt or more. */
#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

typedef struct
{
  double kicker;       /* the library's name, the labels */
  double title;
  double when;
  double repeats;
  double body;
  double description;
  double url;
  double qr;           /* the QR code's side */
  int    description_lines;  /* at most; 0: what fits */
} Scale;

static const Scale regular_scale = { 10.5, 40, 20, 13, 13, 12, 15, 104, 0 };
static const Scale large_scale = { 14, 40, 26, 18, 18, 18, 20, 104, 5 };

/* The accent: a deep blue that stays above 7:1 against white. */
static const double accent_rgb[3] = { 0.043, 0.325, 0.580 };

/* Space between the sections, in points. */
#define GAP 16.0
#define LABEL_GAP 12.0

static void
text_block_clear (gpointer data)
{
  TextBlock *block = data;

  g_clear_object (&block->layout);
}

/* Helpers: reading the event */

static char *
dup_nonempty (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return NULL;

  return g_steal_pointer (&copy);
}

static gboolean
has_text (const char *text)
{
  g_autofree char *copy = dup_nonempty (text);

  return copy != NULL;
}

/* "https://www.example.org/register/" → "example.org/register": what a
 * reader types, without what browsers add for them. */
static char *
shorten_url (const char *url)
{
  const char *start = url;
  g_autofree char *copy = NULL;
  gsize length;

  if (g_ascii_strncasecmp (start, "https://", 8) == 0)
    start += 8;
  else if (g_ascii_strncasecmp (start, "http://", 7) == 0)
    start += 7;
  if (g_ascii_strncasecmp (start, "www.", 4) == 0)
    start += 4;

  copy = g_strdup (start);
  length = strlen (copy);
  while (length > 0 && copy[length - 1] == '/')
    copy[--length] = '\0';

  return length > 0 ? g_steal_pointer (&copy) : g_strdup (url);
}

/* "6:30", "8 pm", "18 h 30": a time of day as people say it, minutes only
 * when there are some. */
static char *
format_clock (GDateTime *time,
              gboolean   with_meridiem)
{
  const char *format;

  if (g_date_time_get_minute (time) == 0)
    /* Translators: an hour on the dot, with am/pm ("8 pm"); see
     * g_date_time_format(). French: "%-H h" */
    format = with_meridiem ? _("%-l %P")
                           /* Translators: an hour on the dot without
                            * am/pm, before a range's end ("6 – 8 pm").
                            * French: "%-H h" */
                           : _("%-l");
  else
    /* Translators: a time with minutes and am/pm ("6:30 pm"). French:
     * "%-H h %M" */
    format = with_meridiem ? _("%-l:%M %P")
                           /* Translators: a time with minutes without
                            * am/pm, before a range's end ("6:30 – 8 pm").
                            * French: "%-H h %M" */
                           : _("%-l:%M");

  return g_date_time_format (time, format);
}

static char *
format_date (GDateTime *time)
{
  /* Translators: a day on a flyer, "Tuesday 9 December"; see
   * g_date_time_format(). French: "%A %-d %B" */
  return g_date_time_format (time, _("%A %-d %B"));
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* "Tuesday 9 December, 6:30 – 8 pm"; all day: "Tuesday 9 December". */
static char *
format_when (gint64     start_utc,
             gint64     end_utc,
             gboolean   all_day,
             GTimeZone *zone)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_date = NULL;

  if (all_day)
    {
      g_autofree char *end_date = NULL;

      /* All-day days are 00:00–24:00 UTC (lia_recurrence_expand). */
      start = g_date_time_new_from_unix_utc (start_utc);
      end = g_date_time_new_from_unix_utc (MAX (start_utc, end_utc - 1));
      start_date = format_date (start);
      if (same_day (start, end))
        return g_steal_pointer (&start_date);

      end_date = format_date (end);
      /* Translators: a span of days or times, "Tuesday 9 December – Thursday 11 December" */
      return g_strdup_printf (_("%s – %s"), start_date, end_date);
    }

  {
    g_autoptr(GDateTime) start_utc_time = g_date_time_new_from_unix_utc (start_utc);
    g_autoptr(GDateTime) end_utc_time = g_date_time_new_from_unix_utc (MAX (start_utc, end_utc));

    start = g_date_time_to_timezone (start_utc_time, zone);
    end = g_date_time_to_timezone (end_utc_time, zone);
  }
  start_date = format_date (start);

  if (end_utc <= start_utc)
    {
      g_autofree char *clock = format_clock (start, TRUE);

      /* Translators: a day and a time, "Tuesday 9 December, 6:30 pm" */
      return g_strdup_printf (_("%s, %s"), start_date, clock);
    }

  if (same_day (start, end))
    {
      gboolean same_half = (g_date_time_get_hour (start) < 12) == (g_date_time_get_hour (end) < 12);
      g_autofree char *from = format_clock (start, !same_half);
      g_autofree char *to = format_clock (end, TRUE);
      g_autofree char *times = g_strdup_printf (_("%s – %s"), from, to);

      return g_strdup_printf (_("%s, %s"), start_date, times);
    }

  {
    g_autofree char *from = format_clock (start, TRUE);
    g_autofree char *end_date = format_date (end);
    g_autofree char *to = format_clock (end, TRUE);
    g_autofree char *first = g_strdup_printf (_("%s, %s"), start_date, from);
    g_autofree char *last = g_strdup_printf (_("%s, %s"), end_date, to);

    return g_strdup_printf (_("%s – %s"), first, last);
  }
}

/* The occurrence a flyer announces: the event itself, or a series' next
 * date from @now (its first when none is left). */
static gboolean
find_occurrence (LiaEvent      *event,
                 gint64         now_utc,
                 LiaOccurrence *occurrence,
                 GError       **error)
{
  /* 31 December 9999: the end of what libical counts. */
  const gint64 far_future = G_GINT64_CONSTANT (253402300799);
  g_autoptr(GArray) found = NULL;
  const char *rrule = lia_event_get_rrule (event);
  gboolean series = rrule != NULL && *rrule != '\0';

  found = lia_recurrence_expand (lia_event_get_dtstart (event),
                                 lia_event_get_dtend (event),
                                 lia_event_get_tzid (event),
                                 lia_event_get_all_day (event),
                                 rrule,
                                 lia_event_get_exdates (event),
                                 series ? now_utc : G_MININT32,
                                 far_future, 1, error);
  if (found == NULL)
    return FALSE;

  if (found->len == 0 && series)
    {
      g_clear_pointer (&found, g_array_unref);
      found = lia_recurrence_expand (lia_event_get_dtstart (event),
                                     lia_event_get_dtend (event),
                                     lia_event_get_tzid (event),
                                     lia_event_get_all_day (event),
                                     rrule,
                                     lia_event_get_exdates (event),
                                     G_MININT32, far_future, 1, error);
      if (found == NULL)
        return FALSE;
    }

  if (found->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The event ‘%s’ has no date to print"), lia_event_get_title (event));
      return FALSE;
    }

  occurrence->start_utc = g_array_index (found, LiaOccurrence, 0).start_utc;
  occurrence->end_utc = g_array_index (found, LiaOccurrence, 0).end_utc;
  occurrence->recurrence_id = NULL;

  return TRUE;
}

static char *
describe_repeats (LiaEvent *event)
{
  LiaRecurrence recurrence;
  const char *rrule = lia_event_get_rrule (event);

  if (rrule == NULL || *rrule == '\0' ||
      !lia_recurrence_parse (rrule, lia_event_get_dtstart (event), &recurrence, NULL))
    return NULL;

  /* "Repeats (custom rule)" tells a reader nothing: the date is enough. */
  if (recurrence.repeat == LIA_REPEAT_NONE || recurrence.repeat == LIA_REPEAT_CUSTOM)
    return NULL;

  return lia_recurrence_describe (&recurrence, lia_event_get_dtstart (event));
}


/* Helpers: laying out */

static PangoLayout *
make_layout (PangoContext *context,
             const char   *text,
             gboolean      markup,
             double        size,
             PangoWeight   weight,
             double        width,
             int           max_lines)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoLayout *layout = pango_layout_new (context);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Arabic, Hebrew: the paragraph's own direction, aligned to its start. */
  pango_layout_set_auto_dir (layout, TRUE);
  if (max_lines > 0)
    {
      /* Negative: at most that many lines in each paragraph. */
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  return layout;
}

/* An address breaks after its slashes when it must, not inside a word:
 * a zero-width space after each is where a line may end. */
static char *
make_url_breakable (const char *url)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char *p = url; *p != '\0'; p++)
    {
      g_string_append_c (text, *p);
      if (*p == '/' && p[1] != '\0' && p[1] != '/')
        g_string_append (text, "\u200B");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static PangoLayout *
make_url_layout (PangoContext *context,
                 const char   *url,
                 double        size,
                 double        width)
{
  PangoLayout *layout = make_layout (context, url, FALSE, size, PANGO_WEIGHT_BOLD, width, 4);
  PangoAttrList *attributes = pango_attr_list_new ();

  /* A hyphen in an address would be typed. */
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

static double layout_height (PangoLayout *layout);

/* The width of the widest part of @url between slashes at @size: what
 * must fit on one line. */
static double
measure_widest_url_part (PangoContext *context,
                         const char   *url,
                         double        size)
{
  g_auto(GStrv) parts = g_strsplit (url, "/", -1);
  PangoLayout *layout = make_layout (context, "", FALSE, size, PANGO_WEIGHT_BOLD, 0, 0);
  double widest = 0;

  pango_layout_set_width (layout, -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strconcat (parts[i], parts[i + 1] != NULL ? "/" : "", NULL);
      PangoRectangle logical;

      pango_layout_set_text (layout, part, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      widest = MAX (widest, (double) logical.width / PANGO_SCALE);
    }
  g_object_unref (layout);

  return widest;
}

static gboolean
fits_one_line (PangoContext *context,
               const char   *url,
               double        size,
               double        width)
{
  g_autofree char *breakable = make_url_breakable (url);
  PangoLayout *layout = make_url_layout (context, breakable, size, width);
  gboolean fits = pango_layout_get_line_count (layout) == 1;

  g_object_unref (layout);

  return fits;
}

/* The address in the biggest type, down to what stays readable, that
 * keeps it on one line, else (unless @one_line) on lines broken only after
 * slashes; NULL when that cannot be done in @width. */
static PangoLayout *
layout_url (PangoContext *context,
            const char   *url,
            const Scale  *scale,
            double        width,
            gboolean      one_line)
{
  g_autofree char *breakable = make_url_breakable (url);
  double smallest = scale->kicker * 1.1;
  double size;

  for (size = scale->url; size > smallest; size *= 0.92)
    {
      PangoLayout *layout = make_url_layout (context, breakable, size, width);

      if (pango_layout_get_line_count (layout) == 1)
        return layout;
      g_object_unref (layout);
    }

  if (one_line)
    return NULL;

  for (size = scale->url; size >= smallest * 0.99; size *= 0.92)
    if (measure_widest_url_part (context, url, size) <= width)
      return make_url_layout (context, breakable, size, width);

  return NULL;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.height / PANGO_SCALE;
}

/* Makes @layout's plain text fit @height points, ending in an ellipsis:
 * Pango's own ellipsizing by height does not always cut across
 * paragraphs, so what it leaves too tall is cut by hand at the last line
 * that fits. Returns FALSE when not even one line fits. */
static gboolean
fit_layout_height (PangoLayout *layout,
                   double       height)
{
  pango_layout_set_height (layout, (int) (height * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  for (guint tries = 0; tries < 8 && layout_height (layout) > height; tries++)
    {
      g_autoptr(GString) text = g_string_new (pango_layout_get_text (layout));
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      int cut = -1;

      do
        {
          PangoRectangle logical;
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if ((double) (logical.y + logical.height) / PANGO_SCALE > height)
            break;
          cut = line->start_index + line->length;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (cut <= 0)
        return FALSE;

      /* Leave room for the ellipsis on the last line that fits. */
      g_string_truncate (text, cut);
      while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
        g_string_truncate (text, text->len - 1);
      /* Again: the ellipsis took a line of its own, so give it a word. */
      if (tries > 0)
        {
          const char *space = g_utf8_strrchr (text->str, text->len, ' ');

          if (space != NULL && space > text->str)
            g_string_truncate (text, space - text->str);
        }
      g_string_append (text, "…");
      pango_layout_set_text (layout, text->str, -1);
    }

  return layout_height (layout) <= height;
}

static void
add_block (LiaFlyer    *self,
           PangoLayout *layout,
           double       x,
           double       y,
           Ink          ink)
{
  TextBlock block = { layout, x, y, ink };

  g_array_append_val (self->blocks, block);
}

static void
add_rule (LiaFlyer *self,
          double    x,
          double    y,
          double    width,
          double    height,
          Ink       ink)
{
  Rule rule = { x, y, width, height, ink };

  g_array_append_val (self->rules, rule);
}

static char *
make_kicker_markup (const char *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);
  g_autofree char *escaped = g_markup_escape_text (upper, -1);

  /* Small capitals spaced out: a label, not a sentence. */
  return g_strdup_printf ("<span letter_spacing=\"500\">%s</span>", escaped);
}

/* The label column and value of one detail ("WHERE" / "Main branch..."):
 * returns the row's height. */
static double
layout_detail (LiaFlyer     *self,
               PangoContext *context,
               const Scale  *scale,
               const char   *label,
               const char   *value_markup,
               double        label_width,
               double        left,
               double        y,
               double        width,
               int           max_lines)
{
  g_autofree char *kicker = make_kicker_markup (label);
  PangoLayout *label_layout = make_layout (context, kicker, TRUE, scale->kicker, PANGO_WEIGHT_BOLD,
                                           label_width - 8, 1);
  PangoLayout *value_layout = make_layout (context, value_markup, TRUE, scale->body, PANGO_WEIGHT_NORMAL,
                                           width - label_width, max_lines);
  double value_height = layout_height (value_layout);
  int baseline_value = pango_layout_get_baseline (value_layout);
  int baseline_label = pango_layout_get_baseline (label_layout);

  /* The label sits on the first line's baseline. */
  add_block (self, label_layout, left,
             y + (double) (baseline_value - baseline_label) / PANGO_SCALE, INK_ACCENT);
  add_block (self, value_layout, left + label_width, y, INK_BLACK);

  return value_height;
}

/* The foot of the page: the QR code with the address beside it, the
 * partner on the right — or above, when the address needs the room.
 * Returns the foot's top; *@height is 0 when there is nothing to show. */
static double
layout_foot (LiaFlyer     *self,
             PangoContext *context,
             const Scale  *scale,
             int           squeeze,
             double        left,
             double        width,
             double        bottom,
             double       *height)
{
  double footer_height = 0;
  double footer_top;
  double column_left = left + (self->url != NULL ? scale->qr + 12 : 0);
  double share = width * 0.6;
  gboolean beside = self->partner_name != NULL && self->url != NULL;
  double text_width = (beside ? share : width) - (column_left - left);
  double row_top = 0;
  PangoLayout *address = NULL;

  if (self->url != NULL)
    {
      double full_width = width - (column_left - left);

      /* One line in full-size type beside the partner; else in full
       * size with the partner above, when there is room for that; else
       * smaller, or broken after slashes. */
      if (beside && squeeze == 0 &&
          !fits_one_line (context, self->short_url, scale->url, text_width) &&
          fits_one_line (context, self->short_url, scale->url, full_width))
        {
          beside = FALSE;
          text_width = full_width;
        }
      address = layout_url (context, self->short_url, scale, text_width, beside);
      if (address == NULL && beside && squeeze == 0 &&
          (address = layout_url (context, self->short_url, scale, full_width, TRUE)) != NULL)
        {
          beside = FALSE;
          text_width = full_width;
        }
      if (address == NULL)
        address = layout_url (context, self->short_url, scale, text_width, FALSE);
      if (address == NULL && beside)
        {
          beside = FALSE;
          text_width = full_width;
          address = layout_url (context, self->short_url, scale, text_width, FALSE);
        }
      if (address == NULL)
        {
          g_autofree char *breakable = make_url_breakable (self->short_url);

          /* An address with a part longer than the line breaks inside it. */
          address = make_url_layout (context, breakable, scale->kicker * 1.1, text_width);
        }
    }

  if (self->partner_name != NULL)
    {
      double partner_left = beside ? left + share + 12 : left;
      double partner_width = left + width - partner_left;
      double offset = 0;
      g_autofree char *kicker = make_kicker_markup (_("In partnership with"));
      PangoLayout *caption = make_layout (context, kicker, TRUE, scale->kicker, PANGO_WEIGHT_BOLD,
                                          partner_width, 2);
      PangoLayout *name = make_layout (context, self->partner_name, FALSE, scale->body, PANGO_WEIGHT_BOLD,
                                       partner_width, 2);

      pango_layout_set_alignment (caption, PANGO_ALIGN_RIGHT);
      pango_layout_set_alignment (name, PANGO_ALIGN_RIGHT);
      /* Blocks at negative y are offsets from the foot's top (-1 is 0),
       * placed once its height is known. */
      add_block (self, caption, partner_left, -1, INK_ACCENT);
      offset = layout_height (caption) + 6;

      if (self->logo != NULL)
        {
          double box_width = MIN (partner_width, 180);
          double box_height = self->large_print ? 64 : 56;
          double logo_width = cairo_image_surface_get_width (self->logo);
          double logo_height = cairo_image_surface_get_height (self->logo);

          self->logo_scale = MIN (box_width / logo_width, box_height / logo_height);
          self->logo_x = left + width - logo_width * self->logo_scale;
          self->logo_y = offset;
          offset += logo_height * self->logo_scale + 6;
        }

      add_block (self, name, partner_left, -1 - offset, INK_BLACK);
      offset += layout_height (name);
      footer_height = offset;
      if (!beside)
        row_top = offset + GAP;
    }

  if (self->url != NULL)
    {
      g_autofree char *kicker = make_kicker_markup (self->url_caption);
      PangoLayout *caption = make_layout (context, kicker, TRUE, scale->kicker, PANGO_WEIGHT_BOLD, text_width, 2);
      double caption_height = layout_height (caption);

      self->qr_size = scale->qr;
      add_block (self, caption, column_left, -1 - row_top, INK_ACCENT);
      add_block (self, address, column_left, -1 - row_top - caption_height - 4, INK_BLACK);
      footer_height = MAX (footer_height,
                           row_top + MAX (self->qr_size, caption_height + 4 + layout_height (address)));
    }

  footer_top = bottom - footer_height;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      TextBlock *block = &g_array_index (self->blocks, TextBlock, i);

      if (block->y < 0)
        block->y = footer_top + (-block->y - 1);
    }
  self->qr_x = left;
  self->qr_y = footer_top + row_top;
  self->logo_y += footer_top;

  *height = footer_height;

  return footer_top;
}

/* Accessibility and whom to ask, above the foot (whose top, less a gap,
 * is @lower), marked by a bar of the accent. Returns the new @lower. */
static double
layout_accessibility (LiaFlyer     *self,
                      PangoContext *context,
                      const Scale  *scale,
                      int           squeeze,
                      double        left,
                      double        width,
                      double        lower)
{
  g_autoptr(GString) markup = NULL;
  g_autofree char *kicker = NULL;
  PangoLayout *caption;
  PangoLayout *layout;
  double inset = 14;
  double height;

  if (self->accessibility == NULL && self->contact == NULL)
    return lower;

  markup = g_string_new (NULL);
  kicker = make_kicker_markup (_("Accessibility"));
  caption = make_layout (context, kicker, TRUE, scale->kicker, PANGO_WEIGHT_BOLD, width - inset, 1);

  if (self->accessibility != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->accessibility, -1);

      g_string_append (markup, escaped);
    }
  if (self->contact != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->contact, -1);
      /* Translators: %s is a person, email or phone number */
      g_autofree char *line = g_strdup_printf (_("For accommodations, contact %s"), "\x01");
      g_auto(GStrv) parts = g_strsplit (line, "\x01", 2);
      g_autofree char *before = g_markup_escape_text (parts[0], -1);
      g_autofree char *after = g_markup_escape_text (parts[1] != NULL ? parts[1] : "", -1);

      g_string_append_printf (markup, "%s%s<b>%s</b>%s",
                              markup->len > 0 ? "\n" : "", before, escaped, after);
    }

  layout = make_layout (context, markup->str, TRUE, scale->body, PANGO_WEIGHT_NORMAL,
                        width - inset, squeeze > 1 ? 2 : 3);
  height = layout_height (caption) + 3 + layout_height (layout);
  lower -= height;
  add_rule (self, left, lower, 4, height, INK_ACCENT);
  add_block (self, caption, left + inset, lower, INK_ACCENT);
  add_block (self, layout, left + inset, lower + layout_height (caption) + 3, INK_BLACK);
  lower -= GAP * 1.25;

  return lower;
}

/* Lays the flyer out once, with some parts given fewer lines at each
 * @squeeze level; returns the bottom of the upper part and the top of the
 * lower part so the caller can try again when they meet. */
static void
layout_page (LiaFlyer           *self,
             const LiaPageSetup *setup,
             PangoContext       *context,
             int                 squeeze,
             double              grow,
             double             *upper_bottom,
             double             *lower_top)
{
  Scale grown = self->large_print ? large_scale : regular_scale;
  const Scale *scale = &grown;
  double left = setup->margin_left;
  double top = setup->margin_top;
  double width = setup->width - setup->margin_left - setup->margin_right;
  double bottom = setup->height - setup->margin_bottom;
  double y = top;
  double footer_height = 0;
  double footer_top;
  double lower;
  int detail_lines = squeeze > 0 ? 1 : 3;

  grown.title *= grow;
  grown.when *= grow;
  grown.repeats *= grow;
  grown.body *= grow;
  grown.description *= grow;
  grown.url *= grow;
  /* The code scans the same at any size; the address beside it matters more. */
  grown.qr *= MIN (grow, 1.15);
  self->description_cut = FALSE;
  self->description_shown = FALSE;

  g_array_set_size (self->blocks, 0);
  g_array_set_size (self->rules, 0);
  self->qr_size = 0;
  self->logo_scale = 0;

  /* The library's name over a bar of the accent. */
  {
    /* As the library writes it, not in capitals: its name is its brand. */
    PangoLayout *layout = make_layout (context, self->library_name, FALSE, scale->kicker * 1.3,
                                       PANGO_WEIGHT_BOLD, width, 1);

    add_block (self, layout, left, y, INK_ACCENT);
    y += layout_height (layout) + 6;
    add_rule (self, left, y, width, 6, INK_ACCENT);
    y += 6 + GAP * 1.5;
  }

  if (self->cancelled)
    {
      g_autofree char *kicker = make_kicker_markup (_("Cancelled"));
      PangoLayout *layout = make_layout (context, kicker, TRUE, scale->when, PANGO_WEIGHT_BOLD, width, 1);

      add_block (self, layout, left, y, INK_BLACK);
      y += layout_height (layout) + 4;
    }

  /* The title, three lines at most: a flyer's title is read from afar. */
  {
    PangoLayout *layout = make_layout (context, self->title, FALSE, scale->title, PANGO_WEIGHT_BOLD, width,
                                       squeeze > 1 ? 2 : 3);

    pango_layout_set_spacing (layout, (int) (-0.08 * scale->title * PANGO_SCALE));
    add_block (self, layout, left, y, INK_BLACK);
    y += layout_height (layout) + GAP * 0.75;
  }

  /* When. */
  {
    PangoLayout *layout = make_layout (context, self->when, FALSE, scale->when, PANGO_WEIGHT_BOLD, width, 2);

    add_block (self, layout, left, y, INK_ACCENT);
    y += layout_height (layout);
    if (self->repeats != NULL)
      {
        layout = make_layout (context, self->repeats, FALSE, scale->repeats, PANGO_WEIGHT_NORMAL, width, 2);
        y += 2;
        add_block (self, layout, left, y, INK_BLACK);
        y += layout_height (layout);
      }
    y += GAP * 1.25;
  }

  /* Where, who, cost, how to register. */
  {
    g_autoptr(GString) where = g_string_new (NULL);
    const char *labels[] = { _("Where"), _("Who"), _("Cost"), _("Register") };
    double label_width = scale->kicker * 6;

    /* The label column is as wide as its longest label, which depends on
     * the language. */
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        g_autofree char *kicker = make_kicker_markup (labels[i]);
        PangoLayout *layout = make_layout (context, kicker, TRUE, scale->kicker, PANGO_WEIGHT_BOLD, width, 0);
        PangoRectangle logical;

        pango_layout_set_width (layout, -1);
        pango_layout_get_extents (layout, NULL, &logical);
        label_width = MAX (label_width, (double) logical.width / PANGO_SCALE + scale->kicker * 2);
        g_object_unref (layout);
      }
    label_width = MIN (label_width, width / 3);

    if (self->venue_name != NULL || self->venue_room != NULL || self->venue_address != NULL)
      {
        g_autofree char *name = g_markup_escape_text (self->venue_name != NULL ? self->venue_name : "", -1);

        if (self->venue_name != NULL)
          g_string_append_printf (where, "<b>%s</b>", name);
        if (self->venue_room != NULL)
          {
            g_autofree char *room = g_markup_escape_text (self->venue_room, -1);

            g_string_append_printf (where, "%s%s", where->len > 0 ? "\n" : "", room);
          }
        if (self->venue_address != NULL)
          {
            g_autofree char *address = g_markup_escape_text (self->venue_address, -1);

            g_string_append_printf (where, "%s%s", where->len > 0 ? "\n" : "", address);
          }
      }
    else if (self->online)
      {
        g_autofree char *online = g_markup_escape_text (_("Online"), -1);

        g_string_append_printf (where, "<b>%s</b>", online);
      }

    if (where->len > 0)
      y += layout_detail (self, context, scale, _("Where"), where->str, label_width, left, y, width, detail_lines) + LABEL_GAP;
    if (self->audience != NULL)
      {
        g_autofree char *value = g_markup_escape_text (self->audience, -1);

        y += layout_detail (self, context, scale, _("Who"), value, label_width, left, y, width, detail_lines) + LABEL_GAP;
      }
    if (self->cost != NULL)
      {
        g_autofree char *value = g_markup_escape_text (self->cost, -1);

        y += layout_detail (self, context, scale, _("Cost"), value, label_width, left, y, width, detail_lines) + LABEL_GAP;
      }
    if (self->registration != NULL)
      {
        g_autofree char *value = g_markup_escape_text (self->registration, -1);

        y += layout_detail (self, context, scale, _("Register"), value, label_width, left, y, width, detail_lines) + LABEL_GAP;
      }
    y += GAP - LABEL_GAP;
  }

  *upper_bottom = y;

  footer_top = layout_foot (self, context, scale, squeeze, left, width, bottom, &footer_height);

  lower = footer_top;
  if (footer_height > 0)
    {
      lower -= GAP;
      add_rule (self, left, lower - 1.5, width, 1.5, INK_BLACK);
      lower -= 1.5 + GAP;
    }

  /* The note on accessibility goes when nothing else is left to give. */
  if (squeeze < 3)
    lower = layout_accessibility (self, context, scale, squeeze, left, width, lower);

  /* The description takes what is left between, ellipsized. */
  if (self->description != NULL && lower - y <= scale->description * 2)
    self->description_cut = TRUE;
  else if (self->description != NULL)
    {
      PangoLayout *layout = make_layout (context, self->description, FALSE, scale->description,
                                         PANGO_WEIGHT_NORMAL, width, 0);
      double available = lower - y;

      pango_layout_set_spacing (layout, (int) (0.25 * scale->description * PANGO_SCALE));
      self->description_cut = layout_height (layout) > available;
      if (scale->description_lines > 0)
        {
          PangoRectangle line;

          pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, 0), NULL, &line);
          available = MIN (available,
                           scale->description_lines * ((double) line.height / PANGO_SCALE + 0.25 * scale->description));
        }
      if (fit_layout_height (layout, available))
        {
          add_block (self, layout, left, y, INK_BLACK);
          y += layout_height (layout);
          self->description_shown = TRUE;
        }
      else
        g_object_unref (layout);
    }

  *lower_top = lower + GAP;
}

/* LiaDocument */

static guint
lia_flyer_paginate (LiaDocument        *document,
                    const LiaPageSetup *setup,
                    PangoContext       *context,
                    GError            **error)
{
  LiaFlyer *self = LIA_FLYER (document);
  double upper_bottom = 0;
  double lower_top = 0;

  /* The upper part (title, when, details) and the lower (accessibility,
   * foot) must not meet: on a small page or in large print with long
   * text, give parts fewer lines until they fit. */
  static const double grows[] = { 1.3, 1.15 };

  /* A short text on a big page would leave a hole in the middle: a
   * designer sets it bigger instead, as long as nothing is cut. */
  for (guint i = 0; i < G_N_ELEMENTS (grows); i++)
    {
      layout_page (self, setup, context, 0, grows[i], &upper_bottom, &lower_top);
      if (upper_bottom <= lower_top && !self->description_cut)
        return 1;
    }

  /* Some of the description is worth a tighter page; the accessibility
   * note (left out at the last level) is not traded for it. */
  for (int squeeze = 0; squeeze <= 2; squeeze++)
    {
      layout_page (self, setup, context, squeeze, 1.0, &upper_bottom, &lower_top);
      if (upper_bottom <= lower_top && (self->description == NULL || self->description_shown))
        return 1;
    }

  for (int squeeze = 0; squeeze <= 3; squeeze++)
    {
      layout_page (self, setup, context, squeeze, 1.0, &upper_bottom, &lower_top);
      if (upper_bottom <= lower_top)
        break;
    }

  return 1;
}

static void
set_ink (cairo_t *cr,
         Ink      ink)
{
  switch (ink)
    {
    case INK_ACCENT:
      cairo_set_source_rgb (cr, accent_rgb[0], accent_rgb[1], accent_rgb[2]);
      break;

    case INK_BLACK:
    default:
      cairo_set_source_rgb (cr, 0, 0, 0);
      break;
    }
}

static void
lia_flyer_draw_page (LiaDocument *document,
                     cairo_t     *cr,
                     guint        page)
{
  LiaFlyer *self = LIA_FLYER (document);

  g_return_if_fail (page == 0);

  for (guint i = 0; i < self->rules->len; i++)
    {
      const Rule *rule = &g_array_index (self->rules, Rule, i);

      set_ink (cr, rule->ink);
      cairo_rectangle (cr, rule->x, rule->y, rule->width, rule->height);
      cairo_fill (cr);
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const TextBlock *block = &g_array_index (self->blocks, TextBlock, i);

      set_ink (cr, block->ink);
      cairo_move_to (cr, block->x, block->y);
      pango_cairo_update_layout (cr, block->layout);
      pango_cairo_show_layout (cr, block->layout);
    }

  if (self->logo != NULL && self->logo_scale > 0)
    {
      cairo_save (cr);
      cairo_translate (cr, self->logo_x, self->logo_y);
      cairo_scale (cr, self->logo_scale, self->logo_scale);
      cairo_set_source_surface (cr, self->logo, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  if (self->url != NULL && self->qr_size > 0)
    {
      g_autoptr(GError) error = NULL;

      /* lia_flyer_new() checked that it encodes. */
      if (!lia_qr_draw (cr, self->url, self->qr_x, self->qr_y, self->qr_size, &error))
        g_warning ("%s", error->message);
    }
}

/* GObject */

static void
lia_flyer_finalize (GObject *object)
{
  LiaFlyer *self = (LiaFlyer *)object;

  g_clear_pointer (&self->library_name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->when, g_free);
  g_clear_pointer (&self->repeats, g_free);
  g_clear_pointer (&self->venue_name, g_free);
  g_clear_pointer (&self->venue_room, g_free);
  g_clear_pointer (&self->venue_address, g_free);
  g_clear_pointer (&self->audience, g_free);
  g_clear_pointer (&self->cost, g_free);
  g_clear_pointer (&self->registration, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->accessibility, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->partner_name, g_free);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->short_url, g_free);
  g_clear_pointer (&self->url_caption, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->rules, g_array_unref);

  G_OBJECT_CLASS (lia_flyer_parent_class)->finalize (object);
}

static void
lia_flyer_class_init (LiaFlyerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaDocumentClass *document_class = LIA_DOCUMENT_CLASS (klass);

  object_class->finalize = lia_flyer_finalize;

  document_class->paginate = lia_flyer_paginate;
  document_class->draw_page = lia_flyer_draw_page;
}

static void
lia_flyer_init (LiaFlyer *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (TextBlock));
  g_array_set_clear_func (self->blocks, text_block_clear);
  self->rules = g_array_new (FALSE, TRUE, sizeof (Rule));
}

/* Public API */

/**
 * lia_flyer_new:
 * @store: the store
 * @event_id: a single event, a series or an override
 * @large_print: bigger type for readers with low vision
 * @context: what the library says of itself
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the flyer of @event_id
 */
LiaDocument *
lia_flyer_new (LiaStore              *store,
               gint64                 event_id,
               gboolean               large_print,
               const LiaPrintContext *context,
               GError               **error)
{
  g_autoptr(LiaFlyer) self = NULL;
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  LiaOccurrence occurrence = { 0 };
  const char *url;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(event = lia_store_get_event (store, event_id, error)))
    return NULL;

  if (context->time_zone != NULL)
    zone = g_time_zone_new_identifier (context->time_zone);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  now = lia_store_dup_now (store);
  if (!find_occurrence (event, g_date_time_to_unix (now), &occurrence, error))
    return NULL;

  self = g_object_new (LIA_TYPE_FLYER, "title", lia_event_get_title (event), NULL);
  self->large_print = large_print;
  self->library_name = context->library_name != NULL && *context->library_name != '\0'
                       ? g_strdup (context->library_name) : g_strdup (_("The library"));
  self->title = dup_nonempty (lia_event_get_title (event));
  if (self->title == NULL)
    self->title = g_strdup (_("Untitled event"));
  /* A title is one paragraph whatever the editor let through. */
  g_strdelimit (self->title, "\r\n\t", ' ');
  self->when = format_when (occurrence.start_utc, occurrence.end_utc, lia_event_get_all_day (event), zone);
  self->repeats = describe_repeats (event);
  self->cancelled = lia_event_get_status (event) == LIA_EVENT_STATUS_CANCELLED;

  self->venue_name = dup_nonempty (lia_event_get_venue_name (event));
  self->venue_room = dup_nonempty (lia_event_get_venue_room (event));
  self->venue_address = dup_nonempty (lia_event_get_venue_address (event));
  self->online = has_text (lia_event_get_online_url (event));
  self->audience = g_strdup (lia_enum_to_label (LIA_TYPE_AUDIENCE, lia_event_get_audience (event)));
  self->cost = dup_nonempty (lia_event_get_cost (event));
  self->description = dup_nonempty (lia_event_get_description (event));
  if (self->description == NULL)
    self->description = dup_nonempty (lia_event_get_summary (event));
  self->accessibility = dup_nonempty (lia_event_get_accessibility (event));
  self->contact = dup_nonempty (lia_event_get_contact (event));

  /* The QR code leads to the registration, else the online event, else
   * the event's page (its image's address, the only other link it has). */
  if ((url = lia_event_get_registration_url (event)) != NULL && *url != '\0')
    {
      self->url_caption = g_strdup (_("Scan to register"));
      self->registration = g_strdup (_("Online — scan the code below"));
    }
  else if ((url = lia_event_get_online_url (event)) != NULL && *url != '\0')
    self->url_caption = g_strdup (_("Scan to join online"));
  else if ((url = lia_event_get_image_url (event)) != NULL && *url != '\0')
    self->url_caption = g_strdup (_("Scan for details"));
  else
    url = NULL;

  if (url != NULL)
    {
      cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
      cairo_t *cr = cairo_create (scratch);
      gboolean encodes;

      self->url = g_strstrip (g_strdup (url));
      self->short_url = shorten_url (self->url);
      /* A link too long for a code is an error now rather than a flyer
       * without its way to register. */
      encodes = lia_qr_draw (cr, self->url, 0, 0, 100, error);
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
      if (!encodes)
        return NULL;
    }

  if (lia_event_get_partner_id (event) != 0)
    {
      g_autoptr(LiaPartner) partner = NULL;

      if (!(partner = lia_store_get_partner (store, lia_event_get_partner_id (event), error)))
        return NULL;
      self->partner_name = dup_nonempty (lia_partner_get_name (partner));
      self->logo = _lia_print_load_png (lia_partner_get_logo (partner));
    }

  return LIA_DOCUMENT (g_steal_pointer (&self));
}
