/* lia-partner-list.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_PARTNER_LIST (lia_partner_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaPartnerList, lia_partner_list, LIA, PARTNER_LIST, GObject)

/* A GListModel of LiaPartner: holds the ids a LiaPartnerQuery selects and
 * loads a partner only when it is asked for, keeping the recently used
 * ones. Starts with every partner by name; follows the store's "changed". */
LiaPartnerList *lia_partner_list_new       (LiaStore              *store);
LiaStore       *lia_partner_list_get_store (LiaPartnerList        *self);
void            lia_partner_list_set_query (LiaPartnerList        *self,
                                            const LiaPartnerQuery *query);

G_END_DECLS
