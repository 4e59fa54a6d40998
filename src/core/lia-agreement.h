/* lia-agreement.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_AGREEMENT (lia_agreement_get_type ())

G_DECLARE_FINAL_TYPE (LiaAgreement, lia_agreement, LIA, AGREEMENT, GObject)

/* What the library and a partner agreed. Dates are 'YYYY-MM-DD' or NULL;
 * ids and instants are 0 when unset. */

LiaAgreement      *lia_agreement_new             (void);
gint64             lia_agreement_get_id          (LiaAgreement *self);
void               lia_agreement_set_id          (LiaAgreement *self,
                                                  gint64        id);
gint64             lia_agreement_get_partner_id  (LiaAgreement *self);
void               lia_agreement_set_partner_id  (LiaAgreement *self,
                                                  gint64        partner_id);
const char        *lia_agreement_get_title       (LiaAgreement *self);
void               lia_agreement_set_title       (LiaAgreement *self,
                                                  const char   *title);
LiaAgreementKind   lia_agreement_get_kind        (LiaAgreement *self);
void               lia_agreement_set_kind        (LiaAgreement     *self,
                                                  LiaAgreementKind  kind);
const char        *lia_agreement_get_signed_on   (LiaAgreement *self);
void               lia_agreement_set_signed_on   (LiaAgreement *self,
                                                  const char   *signed_on);
const char        *lia_agreement_get_starts_on   (LiaAgreement *self);
void               lia_agreement_set_starts_on   (LiaAgreement *self,
                                                  const char   *starts_on);
const char        *lia_agreement_get_ends_on     (LiaAgreement *self);
void               lia_agreement_set_ends_on     (LiaAgreement *self,
                                                  const char   *ends_on);
gboolean           lia_agreement_get_auto_renews (LiaAgreement *self);
void               lia_agreement_set_auto_renews (LiaAgreement *self,
                                                  gboolean      auto_renews);
const char        *lia_agreement_get_document    (LiaAgreement *self);
void               lia_agreement_set_document    (LiaAgreement *self,
                                                  const char   *document);
LiaAgreementStatus lia_agreement_get_status      (LiaAgreement *self);
void               lia_agreement_set_status      (LiaAgreement       *self,
                                                  LiaAgreementStatus  status);
const char        *lia_agreement_get_notes       (LiaAgreement *self);
void               lia_agreement_set_notes       (LiaAgreement *self,
                                                  const char   *notes);
gint64             lia_agreement_get_created_at  (LiaAgreement *self);
void               lia_agreement_set_created_at  (LiaAgreement *self,
                                                  gint64        created_at);
gint64             lia_agreement_get_updated_at  (LiaAgreement *self);
void               lia_agreement_set_updated_at  (LiaAgreement *self,
                                                  gint64        updated_at);
gint64             lia_agreement_get_deleted_at  (LiaAgreement *self);
void               lia_agreement_set_deleted_at  (LiaAgreement *self,
                                                  gint64        deleted_at);

G_END_DECLS
