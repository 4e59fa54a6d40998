/* lia-events-page.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_EVENTS_PAGE (lia_events_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaEventsPage, lia_events_page, LIA, EVENTS_PAGE, GtkWidget)

GtkWidget   *lia_events_page_new             (void);
LiaStore    *lia_events_page_get_store       (LiaEventsPage *self);
void         lia_events_page_set_store       (LiaEventsPage *self,
                                              LiaStore      *store);
void         lia_events_page_show_day        (LiaEventsPage *self,
                                              const GDate   *day);
void         lia_events_page_show_month      (LiaEventsPage *self);
GtkListView *lia_events_page_get_agenda_view (LiaEventsPage *self);
AdwMessageDialog *lia_events_page_import_file (LiaEventsPage *self,
                                               GFile         *file);
gboolean     lia_events_page_export_file     (LiaEventsPage  *self,
                                              GFile          *file,
                                              GError        **error);

G_END_DECLS
