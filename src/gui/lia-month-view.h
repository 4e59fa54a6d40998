/* lia-month-view.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_MONTH_VIEW (lia_month_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaMonthView, lia_month_view, LIA, MONTH_VIEW, GtkWidget)

/* Six weeks around a month, each day with its first events; a click on a
 * day emits "day-activated" with the day as 'YYYY-MM-DD'. */
GtkWidget  *lia_month_view_new        (void);
void        lia_month_view_set_store  (LiaMonthView        *self,
                                       LiaStore            *store,
                                       GTimeZone           *zone);
void        lia_month_view_set_query  (LiaMonthView        *self,
                                       const LiaEventQuery *query);
void        lia_month_view_set_month  (LiaMonthView        *self,
                                       int                  year,
                                       int                  month);
void        lia_month_view_get_month  (LiaMonthView        *self,
                                       int                 *year,
                                       int                 *month);
void        lia_month_view_refresh    (LiaMonthView        *self);
/* How many occurrences the shown weeks hold (for tests and the summary). */
guint       lia_month_view_get_n_occurrences (LiaMonthView *self);

G_END_DECLS
