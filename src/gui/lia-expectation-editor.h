/* lia-expectation-editor.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-expectation.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_EXPECTATION_EDITOR (lia_expectation_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaExpectationEditor, lia_expectation_editor, LIA, EXPECTATION_EDITOR, AdwWindow)

/* @expectation NULL: a new expectation of the partner @partner_id, under
 * @agreement_id (0 = none). Emits "saved" (the LiaExpectation) before it
 * closes. */
LiaExpectationEditor *lia_expectation_editor_new       (GtkWindow            *parent,
                                                        LiaStore             *store,
                                                        gint64                partner_id,
                                                        gint64                agreement_id,
                                                        LiaExpectation       *expectation);
gboolean              lia_expectation_editor_get_valid (LiaExpectationEditor *self);
gboolean              lia_expectation_editor_save      (LiaExpectationEditor *self,
                                                        GError              **error);

G_END_DECLS
