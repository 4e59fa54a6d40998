/* lia-welcome-page.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIA_TYPE_WELCOME_PAGE (lia_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaWelcomePage, lia_welcome_page, LIA, WELCOME_PAGE, GtkWidget)

GtkWidget *lia_welcome_page_new      (void);
gboolean   lia_welcome_page_get_busy (LiaWelcomePage *self);
void       lia_welcome_page_set_busy (LiaWelcomePage *self,
                                      gboolean        busy);

G_END_DECLS
