/* lia-overview-page.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_OVERVIEW_PAGE (lia_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaOverviewPage, lia_overview_page, LIA, OVERVIEW_PAGE, GtkWidget)

GtkWidget *lia_overview_page_new       (void);
LiaStore  *lia_overview_page_get_store (LiaOverviewPage *self);
void       lia_overview_page_set_store (LiaOverviewPage *self,
                                        LiaStore        *store);
void       lia_overview_page_refresh   (LiaOverviewPage *self);

G_END_DECLS
