/* lia-sheet-flow.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the bulletin, the directory and the update sheet share: their
 * content as a list of Pango layouts ("blocks") flowed into the columns of
 * as many pages as they need, and a header and page footer drawn the same
 * way on each. Internal to print/.
 */
#pragma once

#include <pango/pangocairo.h>

#include "lia-document.h"

G_BEGIN_DECLS

/* One block of text in the flow. */
typedef struct
{
  PangoLayout *layout;          /* Owned */
  double       space_before;    /* points; dropped at the top of a column */
  double       indent;          /* points, from the column's left edge */
  /* > 0: ruled lines to write on, this wide, right of the text (the
   * update sheet); at least @min_rules of them. */
  double       rule_width;
  guint        min_rules;
  int          section;         /* the section it belongs to; -1: none */
  guint        is_heading : 1;  /* the heading of its section */
  guint        keep_with_next : 1;
  /* A very long text may be cut between two lines across columns; any
   * other block moves whole to the next column. */
  guint        splittable : 1;
} LiaSheetBlock;

typedef struct _LiaSheetFlow LiaSheetFlow;

LiaSheetFlow *_lia_sheet_flow_new           (void);
void          _lia_sheet_flow_free          (LiaSheetFlow       *flow);
/* Takes @block's layout, whose width must already be set. */
void          _lia_sheet_flow_add           (LiaSheetFlow       *flow,
                                             const LiaSheetBlock *block);
/* The heading repeated at the top of a column that continues @section
 * ("Tuesday 9 December (continued)"); takes @layout. */
void          _lia_sheet_flow_set_continued (LiaSheetFlow       *flow,
                                             int                 section,
                                             PangoLayout        *layout);
/* Places the blocks into @n_columns columns of @column_width points with
 * @gutter between them, each @height points high; returns the number of
 * pages (at least 1). */
guint         _lia_sheet_flow_paginate      (LiaSheetFlow       *flow,
                                             guint               n_columns,
                                             double              column_width,
                                             double              gutter,
                                             double              height);
/* Draws @page's blocks with the top left corner of the first column at
 * (@x, @y). */
void          _lia_sheet_flow_draw_page     (LiaSheetFlow       *flow,
                                             cairo_t            *cr,
                                             guint               page,
                                             double              x,
                                             double              y);

/* A layout for @context, @width points wide (word and character wrapping),
 * in @font ("Cantarell, Sans 10"), its direction taken from the text, with
 * @markup (already escaped). */
PangoLayout  *_lia_sheet_layout_new         (PangoContext       *context,
                                             const char         *font,
                                             double              width,
                                             const char         *markup);
/* The height of @layout in points. */
double        _lia_sheet_layout_height      (PangoLayout        *layout);

/* The header of a page, @title left and @library right over a rule; returns
 * its height (the same on every page). Nothing is drawn when @cr is NULL. */
double        _lia_sheet_draw_header        (cairo_t            *cr,
                                             PangoContext       *context,
                                             const LiaPageSetup *setup,
                                             const char         *title,
                                             const char         *library);
/* "Page 2 of 5" centred at the foot of the page; returns its height. */
double        _lia_sheet_draw_footer        (cairo_t            *cr,
                                             PangoContext       *context,
                                             const LiaPageSetup *setup,
                                             guint               page,
                                             guint               n_pages);

G_END_DECLS
