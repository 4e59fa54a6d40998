/* lia-target-editor.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"
#include "lia-target.h"

G_BEGIN_DECLS

#define LIA_TYPE_TARGET_EDITOR (lia_target_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaTargetEditor, lia_target_editor, LIA, TARGET_EDITOR, AdwWindow)

/* @target NULL: a new one. Emits "saved" (gint64 target id) and closes. */
LiaTargetEditor *lia_target_editor_new (GtkWindow       *parent,
                                        LiaStore        *store,
                                        const LiaTarget *target);

G_END_DECLS
