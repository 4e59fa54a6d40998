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

#include "lia-partner.h"
#include "lia-print-documents.h"

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
  double       min_height;      /* points; room kept for a picture beside it */
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

/* A partner's services (lia_partner_dup_services_list()), each after
 * @prefix, joined with @separator; "" when there are none. Not escaped. */
char         *_lia_sheet_join_services      (LiaPartner            *partner,
                                             const char            *prefix,
                                             const char            *separator);

/* What the three sheets share around their flow: a header on every page
 * (@title left, the library's name right, over a rule), the page number
 * at the foot ("Page 2 of 5"), hairlines between the columns. */
typedef struct
{
  /* Owned */
  char         *title;
  char         *library_name;
  PangoContext *context;
  LiaSheetFlow *flow;

  LiaPageSetup  setup;
  double        header_height;
  double        footer_height;
  guint         n_columns;
  double        column_width;
  double        gutter;
  guint         n_pages;
} LiaSheetFrame;

/* The library's name from @context ("The library" when it has none). */
void          _lia_sheet_frame_init         (LiaSheetFrame         *frame,
                                             const LiaPrintContext *context);
void          _lia_sheet_frame_clear        (LiaSheetFrame         *frame);
/* Starts a layout for @setup: a new, empty flow; returns the width between
 * the margins, the body's height is what the header and footer leave. */
double        _lia_sheet_frame_begin        (LiaSheetFrame         *frame,
                                             const LiaPageSetup    *setup,
                                             PangoContext          *context);
/* Flows the blocks added since _lia_sheet_frame_begin() into pages;
 * returns how many. */
guint         _lia_sheet_frame_paginate     (LiaSheetFrame         *frame,
                                             guint                  n_columns,
                                             double                 column_width,
                                             double                 gutter);
void          _lia_sheet_frame_draw_page    (LiaSheetFrame         *frame,
                                             cairo_t               *cr,
                                             guint                  page);

G_END_DECLS
