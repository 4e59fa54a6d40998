/* lia-partners-page.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-partner.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_PARTNERS_PAGE (lia_partners_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaPartnersPage, lia_partners_page, LIA, PARTNERS_PAGE, GtkWidget)

GtkWidget  *lia_partners_page_new            (void);
LiaStore   *lia_partners_page_get_store      (LiaPartnersPage *self);
void        lia_partners_page_set_store      (LiaPartnersPage *self,
                                              LiaStore        *store);
LiaPartner *lia_partners_page_get_partner    (LiaPartnersPage *self);
gboolean    lia_partners_page_select_partner (LiaPartnersPage *self,
                                              gint64           partner_id);
void        lia_partners_page_show_partner   (LiaPartnersPage *self,
                                              gint64           partner_id);

G_END_DECLS
