/* lia-agreement-editor.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-agreement.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_AGREEMENT_EDITOR (lia_agreement_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaAgreementEditor, lia_agreement_editor, LIA, AGREEMENT_EDITOR, AdwWindow)

/* @agreement NULL: a new agreement with the partner @partner_id. Emits
 * "saved" (the LiaAgreement) before it closes. */
LiaAgreementEditor *lia_agreement_editor_new       (GtkWindow          *parent,
                                                    LiaStore           *store,
                                                    gint64              partner_id,
                                                    LiaAgreement       *agreement);
gboolean            lia_agreement_editor_get_valid (LiaAgreementEditor *self);
gboolean            lia_agreement_editor_save      (LiaAgreementEditor *self,
                                                    GError            **error);

G_END_DECLS
