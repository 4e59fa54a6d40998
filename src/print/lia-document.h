/* lia-document.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A printable document drawn with Cairo and Pango: laid out once for a
 * page (size and printable area), then drawn page by page — into a PDF
 * (lia_document_write_pdf) or a GtkPrintOperation (gui/). No GTK here.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "lia-settings.h"

G_BEGIN_DECLS

/* A page in points (1/72 in): its size and the margins nothing is drawn
 * in. */
typedef struct
{
  double width;
  double height;
  double margin_top;
  double margin_bottom;
  double margin_left;
  double margin_right;
} LiaPageSetup;

/* Letter (612 x 792 pt) or A4 (595.28 x 841.89 pt), 0.5 in margins. */
void lia_page_setup_init (LiaPageSetup *setup,
                          LiaPageSize   size);

#define LIA_TYPE_DOCUMENT (lia_document_get_type ())
G_DECLARE_DERIVABLE_TYPE (LiaDocument, lia_document, LIA, DOCUMENT, GObject)

struct _LiaDocumentClass
{
  GObjectClass parent_class;

  /* Lays the content out for @setup with @context (a Pango context for
   * the target surface: its resolution matters); returns the number of
   * pages (at least 1), or 0 with @error set. Called again when the setup
   * changes. */
  guint    (*paginate)  (LiaDocument        *self,
                         const LiaPageSetup *setup,
                         PangoContext       *context,
                         GError            **error);
  /* Draws page @page (from 0) on @cr, whose origin is the page's top left
   * corner and whose unit is the point. Nothing may be drawn outside the
   * printable area (inside the margins). */
  void     (*draw_page) (LiaDocument        *self,
                         cairo_t            *cr,
                         guint               page);
};

guint     lia_document_paginate   (LiaDocument        *self,
                                   const LiaPageSetup *setup,
                                   PangoContext       *context,
                                   GError            **error);
void      lia_document_draw_page  (LiaDocument        *self,
                                   cairo_t            *cr,
                                   guint               page);
/* The title shown by a print dialog and used as the PDF's title. */
const char *lia_document_get_title (LiaDocument       *self);
void      lia_document_set_title  (LiaDocument        *self,
                                   const char         *title);

/* Lays out and draws every page into a PDF at @path (written to a
 * temporary file beside it, then renamed). */
gboolean  lia_document_write_pdf  (LiaDocument        *self,
                                   const LiaPageSetup *setup,
                                   const char         *path,
                                   GError            **error);

G_END_DECLS
