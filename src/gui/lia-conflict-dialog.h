/* lia-conflict-dialog.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"
#include "lia-target.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONFLICT_DIALOG (lia_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaConflictDialog, lia_conflict_dialog, LIA, CONFLICT_DIALOG, AdwWindow)

/* Shows ours and theirs of @item on @target (read on a worker thread);
 * Keep Ours or Take Theirs resolves it there, emits "resolved" (gint64
 * target id) and closes. @title is what the plan calls the item. */
LiaConflictDialog *lia_conflict_dialog_new (GtkWindow       *parent,
                                            LiaStore        *store,
                                            const LiaTarget *target,
                                            const char      *item,
                                            const char      *title);

G_END_DECLS
