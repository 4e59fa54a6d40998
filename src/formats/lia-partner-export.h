/* lia-partner-export.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-contact.h"
#include "lia-partner.h"
#include "lia-store.h"

G_BEGIN_DECLS

typedef enum
{
  LIA_PARTNER_EXPORT_CSV_PARTNERS,  /* one row per partner, with its primary contact */
  LIA_PARTNER_EXPORT_CSV_CONTACTS,  /* one row per current contact */
  LIA_PARTNER_EXPORT_VCARD,         /* vCard 4.0: a card per partner and per contact */
} LiaPartnerExportFormat;

gboolean lia_partner_export_format_from_name     (const char              *name,
                                                  LiaPartnerExportFormat  *format);
GBytes  *lia_partner_export                      (LiaStore                *store,
                                                  LiaPartnerExportFormat   format,
                                                  guint                   *n_partners,
                                                  GError                 **error);

void     lia_partner_export_append_csv_header    (GString                 *out);
void     lia_partner_export_append_csv_row       (GString                 *out,
                                                  LiaPartner              *partner,
                                                  LiaContact              *contact);
void     lia_partner_export_append_contacts_header (GString               *out);
void     lia_partner_export_append_contact_row   (GString                 *out,
                                                  LiaPartner              *partner,
                                                  LiaContact              *contact);
void     lia_partner_export_append_vcards        (GString                 *out,
                                                  LiaPartner              *partner,
                                                  GPtrArray               *contacts);

G_END_DECLS
