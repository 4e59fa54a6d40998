/* lia-update-window.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIA_TYPE_UPDATE_WINDOW (lia_update_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaUpdateWindow, lia_update_window, LIA, UPDATE_WINDOW, AdwApplicationWindow)

LiaUpdateWindow *lia_update_window_new   (AdwApplication  *application,
                                          const char      *file_name,
                                          GCancellable    *cancellable);
void             lia_update_window_pulse (LiaUpdateWindow *self);

G_END_DECLS
