/* lia-trash-toast.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

/* Shows "‘@title’ moved to the trash" with Undo (lia_store_restore()) on the
 * AdwToastOverlay that holds @widget, or else the first one in @widget's
 * window. Undo is the action "trash.undo" with the target (kind, id), "(ix)",
 * reachable from any widget inside that overlay. */
void lia_show_trashed_toast (GtkWidget     *widget,
                             LiaStore      *store,
                             LiaRecordKind  kind,
                             gint64         id,
                             const char    *title);

G_END_DECLS
