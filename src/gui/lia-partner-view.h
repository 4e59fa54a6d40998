/* lia-partner-view.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-partner.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_PARTNER_VIEW (lia_partner_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaPartnerView, lia_partner_view, LIA, PARTNER_VIEW, GtkWidget)

GtkWidget  *lia_partner_view_new         (void);
LiaStore   *lia_partner_view_get_store   (LiaPartnerView *self);
void        lia_partner_view_set_store   (LiaPartnerView *self,
                                          LiaStore       *store);
LiaPartner *lia_partner_view_get_partner (LiaPartnerView *self);
void        lia_partner_view_set_partner (LiaPartnerView *self,
                                          LiaPartner     *partner);
gboolean    lia_partner_view_get_folded  (LiaPartnerView *self);
void        lia_partner_view_set_folded  (LiaPartnerView *self,
                                          gboolean        folded);
void        lia_partner_view_reload      (LiaPartnerView *self);

G_END_DECLS
