/* lia-contact-editor.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-contact.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTACT_EDITOR (lia_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaContactEditor, lia_contact_editor, LIA, CONTACT_EDITOR, AdwWindow)

/* @contact NULL: a new person at the partner @partner_id. Emits "saved"
 * (the LiaContact) before it closes. */
LiaContactEditor *lia_contact_editor_new       (GtkWindow        *parent,
                                                LiaStore         *store,
                                                gint64            partner_id,
                                                LiaContact       *contact);
gboolean          lia_contact_editor_get_valid (LiaContactEditor *self);
gboolean          lia_contact_editor_save      (LiaContactEditor *self,
                                                GError          **error);

G_END_DECLS
