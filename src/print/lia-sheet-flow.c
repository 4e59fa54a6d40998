/* lia-sheet-flow.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-sheet-flow.h"

/* The distance between two ruled lines: enough to write on by hand. */
#define RULE_SPACING 20.0
#define HEADER_FONT "Cantarell, Sans Bold 15"
#define HEADER_LIBRARY_FONT "Cantarell, Sans 10"
#define FOOTER_FONT "Cantarell, Sans 8.5"

/* Where each line of a block is, in points from the block's top. */
typedef struct
{
  double top;
  double bottom;
  double baseline;
  double x;
} Line;

typedef struct
{
  LiaSheetBlock block;
  GArray       *lines;   /* Line */
} Item;

/* A piece of an item (or of a continued heading, when @item is -1 and
 * @section says which) on a page. */
typedef struct
{
  int    item;
  int    section;
  guint  first_line;
  guint  n_lines;
  guint  page;
  guint  column;
  double y;
  double height;
} Placement;

struct _LiaSheetFlow
{
  GArray    *items;       /* Item */
  GPtrArray *continued;   /* PangoLayout, by section; NULL where none */
  GArray    *continued_lines; /* GArray of Line, by section */
  GArray    *placements;  /* Placement */
  double     column_width;
  double     gutter;
};

static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int y0, y1;
      Line line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      line.top = (double) y0 / PANGO_SCALE;
      line.bottom = (double) y1 / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return lines;
}

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->block.layout);
  g_clear_pointer (&item->lines, g_array_unref);
}

LiaSheetFlow *
_lia_sheet_flow_new (void)
{
  LiaSheetFlow *flow = g_new0 (LiaSheetFlow, 1);

  flow->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (flow->items, clear_item);
  flow->continued = g_ptr_array_new_with_free_func (g_object_unref);
  flow->continued_lines = g_array_new (FALSE, TRUE, sizeof (GArray *));
  flow->placements = g_array_new (FALSE, FALSE, sizeof (Placement));

  return flow;
}

void
_lia_sheet_flow_free (LiaSheetFlow *flow)
{
  if (flow == NULL)
    return;
  g_array_unref (flow->items);
  g_ptr_array_unref (flow->continued);
  for (guint i = 0; i < flow->continued_lines->len; i++)
    g_clear_pointer (&g_array_index (flow->continued_lines, GArray *, i), g_array_unref);
  g_array_unref (flow->continued_lines);
  g_array_unref (flow->placements);
  g_free (flow);
}

void
_lia_sheet_flow_add (LiaSheetFlow        *flow,
                     const LiaSheetBlock *block)
{
  Item item = { .block = *block };

  g_assert (PANGO_IS_LAYOUT (block->layout));
  item.lines = measure_lines (block->layout);
  g_array_append_val (flow->items, item);
}

void
_lia_sheet_flow_set_continued (LiaSheetFlow *flow,
                               int           section,
                               PangoLayout  *layout)
{
  g_assert (section >= 0);
  while (flow->continued->len <= (guint) section)
    {
      GArray *none = NULL;

      g_ptr_array_add (flow->continued, NULL);
      g_array_append_val (flow->continued_lines, none);
    }
  g_clear_object (&flow->continued->pdata[section]);
  flow->continued->pdata[section] = layout;
  g_clear_pointer (&g_array_index (flow->continued_lines, GArray *, section), g_array_unref);
  g_array_index (flow->continued_lines, GArray *, section) = measure_lines (layout);
}

static GArray *
get_continued_lines (LiaSheetFlow *flow,
                     int           section)
{
  if (section < 0 || (guint) section >= flow->continued_lines->len)
    return NULL;

  return g_array_index (flow->continued_lines, GArray *, section);
}

static double
lines_height (GArray *lines,
              guint   first,
              guint   n)
{
  return g_array_index (lines, Line, first + n - 1).bottom - g_array_index (lines, Line, first).top;
}

/* The height of an item's lines from @first to the end, with its ruled
 * lines when it has them. */
static double
item_height (const Item *item,
             guint       first,
             guint       n)
{
  double height = lines_height (item->lines, first, n);

  if (first + n == item->lines->len)
    height = MAX (height, item->block.min_height);

  if (item->block.rule_width > 0)
    {
      double rules = item->block.min_rules * RULE_SPACING;

      /* Only the last piece of a cut block needs its minimum of rules. */
      if (first + n == item->lines->len)
        height = MAX (height, rules);
      height = (int) (height / RULE_SPACING + 0.999) * RULE_SPACING;
    }

  return height;
}

typedef struct
{
  LiaSheetFlow *flow;
  guint         n_columns;
  double        height;
  guint         page;
  guint         column;
  double        y;          /* used height of the column */
  double        top;        /* where its blocks start, under a continued heading */
  guint         max_page;
  /* Balancing the last page: a block that would have to be cut although
   * it may not be fails the try instead. */
  gboolean      balancing;
  gboolean      failed;
} Cursor;

static void
next_column (Cursor *cursor)
{
  cursor->column++;
  if (cursor->column == cursor->n_columns)
    {
      cursor->column = 0;
      cursor->page++;
    }
  cursor->y = 0;
  cursor->top = 0;
}

static void
place (Cursor *cursor,
       int     item,
       int     section,
       guint   first_line,
       guint   n_lines,
       double  space_before,
       double  height)
{
  Placement placement = {
    .item = item,
    .section = section,
    .first_line = first_line,
    .n_lines = n_lines,
    .page = cursor->page,
    .column = cursor->column,
    .y = cursor->y + (cursor->y > 0 ? space_before : 0),
    .height = height,
  };

  g_array_append_val (cursor->flow->placements, placement);
  cursor->y = placement.y + height;
}

/* At the top of a column in the middle of a section, its heading again. */
static void
place_continued (Cursor *cursor,
                 int     section)
{
  GArray *lines;

  if (cursor->y > 0 || !(lines = get_continued_lines (cursor->flow, section)))
    return;
  place (cursor, -1, section, 0, lines->len, 0, lines_height (lines, 0, lines->len));
  cursor->top = cursor->y;
}

static double
space_before (const Cursor *cursor,
              const Item   *item)
{
  return cursor->y > 0 ? item->block.space_before : 0;
}

/* Places the items from @first on, from where @cursor is. */
static void
flow_items (LiaSheetFlow *flow,
            Cursor       *cursor,
            guint         first)
{
  double height = cursor->height;

  for (guint i = first; i < flow->items->len && !cursor->failed; i++)
    {
      const Item *item = &g_array_index (flow->items, Item, i);
      double chain = 0;
      guint last = i;
      guint first_line = 0;

      /* A block goes to the next column when it, with the blocks it keeps
       * with, does not fit in what is left of this one (unless it is
       * alone in the column: then it is cut, or drawn as far as it goes). */
      for (guint j = i; j < flow->items->len; j++)
        {
          const Item *next = &g_array_index (flow->items, Item, j);

          chain += (j == i ? space_before (cursor, next) : next->block.space_before)
                   + item_height (next, 0, next->lines->len);
          last = j;
          if (!next->block.keep_with_next)
            break;
        }
      if (cursor->y > cursor->top && cursor->y + chain > height
          && !(item->block.splittable && last == i))
        {
          next_column (cursor);
          if (!item->block.is_heading)
            place_continued (cursor, item->block.section);
        }
      if (cursor->balancing && !item->block.splittable
          && cursor->y + item_height (item, 0, item->lines->len) > height)
        {
          cursor->failed = TRUE;
          return;
        }

      /* Cut a block that does not fit between two of its lines: a long
       * text, or any block taller than a whole column (never drawn past
       * the margin). */
      while (first_line < item->lines->len)
        {
          double before = space_before (cursor, item);
          guint n = item->lines->len - first_line;

          while (n > 1 && cursor->y + before + item_height (item, first_line, n) > height
                 && (item->block.splittable || cursor->y <= cursor->top))
            n--;
          if (cursor->page > cursor->max_page)
            {
              cursor->failed = TRUE;
              return;
            }
          /* Nothing fits under the heading alone: drawn there all the same. */
          if (cursor->y + before + item_height (item, first_line, n) > height && cursor->y > cursor->top)
            {
              next_column (cursor);
              place_continued (cursor, item->block.section);
              continue;
            }
          place (cursor, i, item->block.section, first_line, n, item->block.space_before,
                 item_height (item, first_line, n));
          first_line += n;
          if (first_line < item->lines->len)
            {
              next_column (cursor);
              place_continued (cursor, item->block.section);
            }
        }
    }
}

/* The columns of the last page as even as they go: the shortest column
 * height that still takes what is left in the page's columns, found by
 * bisection. The page then reads as two half columns rather than one full
 * and one with a few lines at its top. */
static void
balance_last_page (LiaSheetFlow *flow,
                   guint         n_columns,
                   double        height,
                   guint         last_page)
{
  guint start = 0;
  guint first;
  const Placement *placement;
  gboolean continued;
  double low = 0;
  double high = height;

  while (start < flow->placements->len
         && g_array_index (flow->placements, Placement, start).page != last_page)
    start++;
  if (start == flow->placements->len)
    return;

  /* Start over from the page's first block, when it is the start of one. */
  placement = &g_array_index (flow->placements, Placement, start);
  continued = placement->item < 0;
  if (continued && start + 1 < flow->placements->len)
    placement++;
  if (placement->item < 0 || placement->first_line != 0)
    return;
  first = placement->item;

  for (guint k = 0; k < 16 && high - low > 1; k++)
    {
      double middle = (low + high) / 2;
      Cursor cursor = { flow, n_columns, middle, last_page, 0, 0, 0, last_page, TRUE, FALSE };

      g_array_set_size (flow->placements, start);
      if (continued)
        place_continued (&cursor, g_array_index (flow->items, Item, first).block.section);
      flow_items (flow, &cursor, first);
      if (!cursor.failed && cursor.page == last_page)
        high = middle;
      else
        low = middle;
    }

  {
    Cursor cursor = { flow, n_columns, high, last_page, 0, 0, 0, G_MAXUINT, FALSE, FALSE };

    g_array_set_size (flow->placements, start);
    if (continued)
      place_continued (&cursor, g_array_index (flow->items, Item, first).block.section);
    flow_items (flow, &cursor, first);
    g_assert (cursor.page == last_page);
  }
}

guint
_lia_sheet_flow_paginate (LiaSheetFlow *flow,
                          guint         n_columns,
                          double        column_width,
                          double        gutter,
                          double        height)
{
  Cursor cursor = { flow, n_columns, height, 0, 0, 0, 0, G_MAXUINT, FALSE, FALSE };

  g_assert (n_columns > 0);
  g_array_set_size (flow->placements, 0);
  flow->column_width = column_width;
  flow->gutter = gutter;

  flow_items (flow, &cursor, 0);
  /* A last page in one column stays so: a few events read better in one
   * column than cut in two under a "continued" heading. */
  if (cursor.column > 0)
    balance_last_page (flow, n_columns, height, cursor.page);

  return cursor.page + 1;
}

static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            GArray      *lines,
            guint        first,
            guint        n,
            double       x,
            double       y)
{
  double top = g_array_index (lines, Line, first).top;

  for (guint k = first; k < first + n; k++)
    {
      const Line *line = &g_array_index (lines, Line, k);

      cairo_move_to (cr, x + line->x, y + line->baseline - top);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (layout, k));
    }
}

void
_lia_sheet_flow_draw_page (LiaSheetFlow *flow,
                           cairo_t      *cr,
                           guint         page,
                           double        x,
                           double        y)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < flow->placements->len; i++)
    {
      const Placement *placement = &g_array_index (flow->placements, Placement, i);
      double column_x = x + placement->column * (flow->column_width + flow->gutter);
      const Item *item;

      if (placement->page != page)
        continue;
      if (placement->item < 0)
        {
          draw_lines (cr, g_ptr_array_index (flow->continued, placement->section),
                      get_continued_lines (flow, placement->section),
                      placement->first_line, placement->n_lines, column_x, y + placement->y);
          continue;
        }

      item = &g_array_index (flow->items, Item, placement->item);
      draw_lines (cr, item->block.layout, item->lines, placement->first_line, placement->n_lines,
                  column_x + item->block.indent, y + placement->y);

      if (item->block.rule_width > 0)
        {
          double rules_x = column_x + flow->column_width - item->block.rule_width;

          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
          cairo_set_line_width (cr, 0.5);
          for (double rule_y = RULE_SPACING; rule_y <= placement->height + 0.01; rule_y += RULE_SPACING)
            {
              cairo_move_to (cr, rules_x, y + placement->y + rule_y - 0.25);
              cairo_line_to (cr, column_x + flow->column_width, y + placement->y + rule_y - 0.25);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
  cairo_restore (cr);
}

PangoLayout *
_lia_sheet_layout_new (PangoContext *context,
                       const char   *font,
                       double        width,
                       const char   *markup)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Each paragraph takes its direction from its own text: an Arabic name
   * is right to left among English ones. */
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

double
_lia_sheet_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static double
draw_header (cairo_t            *cr,
                        PangoContext       *context,
                        const LiaPageSetup *setup,
                        const char         *title,
                        const char         *library)
{
  double width = setup->width - setup->margin_left - setup->margin_right;
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *library_markup = g_markup_escape_text (library, -1);
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) library_layout = NULL;
  double height;

  /* The library's name right, on at most 40 % of the line, and the title
   * in what is left. */
  double library_width;
  int library_pango_width;

  library_layout = _lia_sheet_layout_new (context, HEADER_LIBRARY_FONT, width * 0.4, library_markup);
  pango_layout_set_alignment (library_layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_auto_dir (library_layout, FALSE);
  pango_layout_set_width (library_layout, -1);
  pango_layout_get_size (library_layout, &library_pango_width, NULL);
  library_width = MIN ((double) library_pango_width / PANGO_SCALE, width * 0.4);
  pango_layout_set_width (library_layout, (int) (library_width * PANGO_SCALE));
  title_layout = _lia_sheet_layout_new (context, HEADER_FONT, width - library_width - 18, title_markup);
  pango_layout_set_auto_dir (title_layout, FALSE);
  height = MAX (_lia_sheet_layout_height (title_layout), _lia_sheet_layout_height (library_layout));

  if (cr != NULL)
    {
      PangoLayoutIter *iter;
      double title_baseline, library_baseline;

      /* The two texts on one baseline: the title's first line. */
      iter = pango_layout_get_iter (title_layout);
      title_baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      pango_layout_iter_free (iter);
      iter = pango_layout_get_iter (library_layout);
      library_baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      pango_layout_iter_free (iter);

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, setup->margin_left, setup->margin_top);
      pango_cairo_show_layout (cr, title_layout);
      cairo_move_to (cr, setup->margin_left + width - library_width,
                     setup->margin_top + MAX (0, title_baseline - library_baseline));
      pango_cairo_show_layout (cr, library_layout);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, setup->margin_left, setup->margin_top + height + 6.75);
      cairo_line_to (cr, setup->margin_left + width, setup->margin_top + height + 6.75);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  return height + 8 + 14;
}

static double
draw_footer (cairo_t            *cr,
                        PangoContext       *context,
                        const LiaPageSetup *setup,
                        guint               page,
                        guint               n_pages)
{
  double width = setup->width - setup->margin_left - setup->margin_right;
  /* Translators: the foot of a printed page */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page + 1, MAX (n_pages, 1));
  g_autoptr(PangoLayout) layout = _lia_sheet_layout_new (context, FOOTER_FONT, width, text);
  double height;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  height = _lia_sheet_layout_height (layout);
  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, setup->margin_left, setup->height - setup->margin_bottom - height);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  return height + 10;
}

char *
_lia_sheet_join_services (LiaPartner *partner,
                          const char *prefix,
                          const char *separator)
{
  g_auto(GStrv) services = lia_partner_dup_services_list (partner);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; services[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, prefix);
      g_string_append (joined, services[i]);
    }

  return g_string_free (joined, FALSE);
}

void
_lia_sheet_frame_init (LiaSheetFrame         *frame,
                       const LiaPrintContext *context)
{
  memset (frame, 0, sizeof *frame);
  frame->library_name = g_strdup (context != NULL && context->library_name != NULL
                                  ? context->library_name : _("The library"));
}

void
_lia_sheet_frame_clear (LiaSheetFrame *frame)
{
  g_clear_pointer (&frame->title, g_free);
  g_clear_pointer (&frame->library_name, g_free);
  g_clear_object (&frame->context);
  g_clear_pointer (&frame->flow, _lia_sheet_flow_free);
}

double
_lia_sheet_frame_begin (LiaSheetFrame      *frame,
                        const LiaPageSetup *setup,
                        PangoContext       *context)
{
  g_assert (frame->title != NULL);

  g_set_object (&frame->context, context);
  frame->setup = *setup;
  g_clear_pointer (&frame->flow, _lia_sheet_flow_free);
  frame->flow = _lia_sheet_flow_new ();
  frame->header_height = draw_header (NULL, context, setup, frame->title, frame->library_name);
  frame->footer_height = draw_footer (NULL, context, setup, 0, 1);

  return setup->width - setup->margin_left - setup->margin_right;
}

guint
_lia_sheet_frame_paginate (LiaSheetFrame *frame,
                           guint          n_columns,
                           double         column_width,
                           double         gutter)
{
  const LiaPageSetup *setup = &frame->setup;

  frame->n_columns = n_columns;
  frame->column_width = column_width;
  frame->gutter = gutter;
  frame->n_pages = _lia_sheet_flow_paginate (frame->flow, n_columns, column_width, gutter,
                                             setup->height - setup->margin_top - setup->margin_bottom
                                             - frame->header_height - frame->footer_height);

  return frame->n_pages;
}

void
_lia_sheet_frame_draw_page (LiaSheetFrame *frame,
                            cairo_t       *cr,
                            guint          page)
{
  const LiaPageSetup *setup = &frame->setup;
  double top = setup->margin_top + frame->header_height;
  double bottom = setup->height - setup->margin_bottom - frame->footer_height;

  g_return_if_fail (frame->flow != NULL);

  draw_header (cr, frame->context, setup, frame->title, frame->library_name);
  _lia_sheet_flow_draw_page (frame->flow, cr, page, setup->margin_left, top);

  /* A hairline in the middle of each gutter. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  for (guint i = 1; i < frame->n_columns; i++)
    {
      double x = setup->margin_left + i * (frame->column_width + frame->gutter) - frame->gutter / 2;

      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_footer (cr, frame->context, setup, page, frame->n_pages);
}
