/* lia-application.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIA_TYPE_APPLICATION (lia_application_get_type ())

G_DECLARE_FINAL_TYPE (LiaApplication, lia_application, LIA, APPLICATION, AdwApplication)

LiaApplication *lia_application_new           (void);
void            lia_application_open_database (LiaApplication *self,
                                               const char     *path);

/* For tests */
void            _lia_application_set_update_window_delay (LiaApplication *self,
                                                          GTimeSpan       delay);

G_END_DECLS
