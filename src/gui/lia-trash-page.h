/* lia-trash-page.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_TRASH_PAGE (lia_trash_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaTrashPage, lia_trash_page, LIA, TRASH_PAGE, GtkWidget)

GtkWidget *lia_trash_page_new       (void);
LiaStore  *lia_trash_page_get_store (LiaTrashPage *self);
void       lia_trash_page_set_store (LiaTrashPage *self,
                                     LiaStore     *store);
void       lia_trash_page_refresh   (LiaTrashPage *self);

G_END_DECLS
