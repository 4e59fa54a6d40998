/* lia-today-page.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_TODAY_PAGE (lia_today_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaTodayPage, lia_today_page, LIA, TODAY_PAGE, GtkWidget)

GtkWidget *lia_today_page_new        (void);
LiaStore  *lia_today_page_get_store  (LiaTodayPage *self);
void       lia_today_page_set_store  (LiaTodayPage *self,
                                      LiaStore     *store);
/* How many items are on the page: the sidebar's badge. */
guint      lia_today_page_get_count  (LiaTodayPage *self);
void       lia_today_page_refresh    (LiaTodayPage *self);
/* The items that became due since the last call (on any day before this
 * one, for this database); remembers today as seen. 0 the first time. */
guint      lia_today_page_take_new_count (LiaTodayPage *self);

G_END_DECLS
