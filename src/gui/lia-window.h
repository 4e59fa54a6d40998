/* lia-window.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_WINDOW (lia_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaWindow, lia_window, LIA, WINDOW, AdwApplicationWindow)

/* @store is NULL when the database could not be opened; @error then says
 * why and the window shows it. @application may be NULL (tests). */
LiaWindow  *lia_window_new             (AdwApplication *application,
                                        LiaStore       *store,
                                        const GError   *error);
gboolean    lia_window_get_loaded      (LiaWindow      *self);
LiaStore   *lia_window_get_store       (LiaWindow      *self);
void        lia_window_set_store       (LiaWindow      *self,
                                        LiaStore       *store);
char       *lia_window_dup_sample_path (void);

G_END_DECLS
