/* lia-partner.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_PARTNER (lia_partner_get_type ())

G_DECLARE_FINAL_TYPE (LiaPartner, lia_partner, LIA, PARTNER, GObject)

/* A partner organisation. Properties are named like the columns of the
 * "partner" table; ids and instants are 0 when unset (id 0: not saved yet).
 * last-contact-at, next-due-on and update-requested-at are read-only: the
 * store computes them from the partner's history when it loads one. */

LiaPartner         *lia_partner_new                     (void);
gint64              lia_partner_get_id                  (LiaPartner *self);
void                lia_partner_set_id                  (LiaPartner *self,
                                                         gint64      id);
const char         *lia_partner_get_name                (LiaPartner *self);
void                lia_partner_set_name                (LiaPartner *self,
                                                         const char *name);
LiaPartnerKind      lia_partner_get_kind                (LiaPartner *self);
void                lia_partner_set_kind                (LiaPartner     *self,
                                                         LiaPartnerKind  kind);
LiaPartnerStatus    lia_partner_get_status              (LiaPartner *self);
void                lia_partner_set_status              (LiaPartner       *self,
                                                         LiaPartnerStatus  status);
const char         *lia_partner_get_description         (LiaPartner *self);
void                lia_partner_set_description         (LiaPartner *self,
                                                         const char *description);
const char         *lia_partner_get_services            (LiaPartner *self);
/* The services one by one: kept as one text, a service a line or
 * '|'-separated; trimmed, empty ones left out. Never NULL. */
GStrv               lia_partner_dup_services_list       (LiaPartner *self);
void                lia_partner_set_services            (LiaPartner *self,
                                                         const char *services);
const char         *lia_partner_get_website             (LiaPartner *self);
void                lia_partner_set_website             (LiaPartner *self,
                                                         const char *website);
const char         *lia_partner_get_email               (LiaPartner *self);
void                lia_partner_set_email               (LiaPartner *self,
                                                         const char *email);
const char         *lia_partner_get_phone               (LiaPartner *self);
void                lia_partner_set_phone               (LiaPartner *self,
                                                         const char *phone);
const char         *lia_partner_get_address             (LiaPartner *self);
void                lia_partner_set_address             (LiaPartner *self,
                                                         const char *address);
GBytes             *lia_partner_get_logo                (LiaPartner *self);
void                lia_partner_set_logo                (LiaPartner *self,
                                                         GBytes     *logo);
const char         *lia_partner_get_owner               (LiaPartner *self);
void                lia_partner_set_owner               (LiaPartner *self,
                                                         const char *owner);
LiaUpkeepMode       lia_partner_get_upkeep_mode         (LiaPartner *self);
void                lia_partner_set_upkeep_mode         (LiaPartner    *self,
                                                         LiaUpkeepMode  upkeep_mode);
int                 lia_partner_get_cadence_days        (LiaPartner *self);
void                lia_partner_set_cadence_days        (LiaPartner *self,
                                                         int         cadence_days);
gint64              lia_partner_get_info_verified_at    (LiaPartner *self);
void                lia_partner_set_info_verified_at    (LiaPartner *self,
                                                         gint64      info_verified_at);
LiaPromotionTier    lia_partner_get_promotion_tier      (LiaPartner *self);
void                lia_partner_set_promotion_tier      (LiaPartner       *self,
                                                         LiaPromotionTier  promotion_tier);
LiaChannels         lia_partner_get_channels            (LiaPartner *self);
void                lia_partner_set_channels            (LiaPartner  *self,
                                                         LiaChannels  channels);
const char * const *lia_partner_get_tags                (LiaPartner *self);
void                lia_partner_set_tags                (LiaPartner         *self,
                                                         const char * const *tags);
const char         *lia_partner_get_notes               (LiaPartner *self);
void                lia_partner_set_notes               (LiaPartner *self,
                                                         const char *notes);
gint64              lia_partner_get_created_at          (LiaPartner *self);
void                lia_partner_set_created_at          (LiaPartner *self,
                                                         gint64      created_at);
gint64              lia_partner_get_updated_at          (LiaPartner *self);
void                lia_partner_set_updated_at          (LiaPartner *self,
                                                         gint64      updated_at);
gint64              lia_partner_get_deleted_at          (LiaPartner *self);
void                lia_partner_set_deleted_at          (LiaPartner *self,
                                                         gint64      deleted_at);
gint64              lia_partner_get_last_contact_at     (LiaPartner *self);
const char         *lia_partner_get_next_due_on         (LiaPartner *self);
gint64              lia_partner_get_update_requested_at (LiaPartner *self);

/* TRUE when the information was never verified, or was verified longer
 * ago than the partner's cadence. */
gboolean lia_partner_is_stale (LiaPartner *self,
                               GDateTime  *now);

G_END_DECLS
