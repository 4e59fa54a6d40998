/* lia-partner-editor.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-editor-util.h"
#include "lia-partner.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_PARTNER_EDITOR (lia_partner_editor_get_type ())
/* A logo is loaded by lia_editor_load_image(): its errors. */
#define LIA_PARTNER_EDITOR_ERROR LIA_EDITOR_ERROR
#define LIA_PARTNER_EDITOR_ERROR_LOGO_TOO_BIG LIA_EDITOR_ERROR_IMAGE_TOO_BIG
#define LIA_PARTNER_EDITOR_ERROR_NOT_AN_IMAGE LIA_EDITOR_ERROR_NOT_AN_IMAGE

G_DECLARE_FINAL_TYPE (LiaPartnerEditor, lia_partner_editor, LIA, PARTNER_EDITOR, AdwWindow)

/* @partner NULL: a new partner. The editor works on a copy read from the
 * store and emits "saved" (the saved LiaPartner) before it closes. */
LiaPartnerEditor *lia_partner_editor_new            (GtkWindow        *parent,
                                                     LiaStore         *store,
                                                     LiaPartner       *partner);
gboolean          lia_partner_editor_get_valid      (LiaPartnerEditor *self);
gboolean          lia_partner_editor_save           (LiaPartnerEditor *self,
                                                     GError          **error);
gboolean          lia_partner_editor_load_logo_file (LiaPartnerEditor *self,
                                                     GFile            *file,
                                                     GError          **error);

/* The staff who can own a partner: the preferences' list, then the sample
 * database's people. */
char            **lia_dup_staff_names               (LiaStore         *store);

G_END_DECLS
