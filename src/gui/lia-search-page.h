/* lia-search-page.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-search.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_SEARCH_PAGE (lia_search_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaSearchPage, lia_search_page, LIA, SEARCH_PAGE, GtkWidget)

GtkWidget  *lia_search_page_new            (void);
LiaStore   *lia_search_page_get_store      (LiaSearchPage *self);
void        lia_search_page_set_store      (LiaSearchPage *self,
                                            LiaStore      *store);
const char *lia_search_page_get_text       (LiaSearchPage *self);
void        lia_search_page_set_text       (LiaSearchPage *self,
                                            const char    *text);
gboolean    lia_search_page_focus_first    (LiaSearchPage *self);
gboolean    lia_search_page_activate_first (LiaSearchPage *self);

G_END_DECLS
