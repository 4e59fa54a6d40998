/* lia-import-dialog.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_IMPORT_DIALOG (lia_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaImportDialog, lia_import_dialog, LIA, IMPORT_DIALOG, AdwWindow)

LiaImportDialog *lia_import_dialog_new       (GtkWindow       *parent,
                                              LiaStore        *store);
LiaStore        *lia_import_dialog_get_store (LiaImportDialog *self);
void             lia_import_dialog_load_file (LiaImportDialog *self,
                                              GFile           *file);

G_END_DECLS
