/* lia-print-documents.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents Liaison prints, each a LiaDocument made from the store.
 * What the library says of itself (its name, zone for the dates) comes in
 * a LiaPrintContext.
 */
#pragma once

#include "lia-document.h"
#include "lia-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *library_name;  /* NULL: "The library" */
  const char *time_zone;     /* IANA, for the dates in words; NULL: UTC */
} LiaPrintContext;

/* An event flyer (lia-flyer.c): title, date and time in words ("Tuesday
 * 9 December, 6:30 – 8 pm"), place, audience, cost and registration,
 * description, the partner's name and logo, accessibility and whom to ask,
 * a QR code to the registration (else online, else image) URL with the
 * address printed beside it, the library's name. @large_print: bigger type
 * for readers with low vision. @event_id: a single event or a series (its
 * next date from now). */
LiaDocument *lia_flyer_new            (LiaStore              *store,
                                       gint64                 event_id,
                                       gboolean               large_print,
                                       const LiaPrintContext *context,
                                       GError               **error);

/* The monthly community bulletin (lia-bulletin.c): the events promoted on
 * the print bulletin channel in @month (its first day; dates in the
 * library's zone), grouped by day, as many pages as needed, page numbers
 * and the month in the header, cancelled events marked. */
LiaDocument *lia_bulletin_new         (LiaStore              *store,
                                       const GDate           *month,
                                       const LiaPrintContext *context,
                                       GError               **error);

/* The community resource directory (lia-directory-sheet.c): promoted
 * partners by kind, with services, public contact details and website. */
LiaDocument *lia_directory_sheet_new  (LiaStore              *store,
                                       const LiaPrintContext *context,
                                       GError               **error);

/* The update sheet of one partner (lia-update-sheet.c): what the library
 * has on file, with space to correct it. */
LiaDocument *lia_update_sheet_new     (LiaStore              *store,
                                       gint64                 partner_id,
                                       const LiaPrintContext *context,
                                       GError               **error);

/* A QR code of @text (lia-qr.c, libqrencode, error correction M), @size
 * points square with its quiet zone, its top left corner at (@x, @y). */
gboolean     lia_qr_draw              (cairo_t               *cr,
                                       const char            *text,
                                       double                 x,
                                       double                 y,
                                       double                 size,
                                       GError               **error);

G_END_DECLS
