/* lia-settings.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  LIA_PAGE_SIZE_LETTER,
  LIA_PAGE_SIZE_A4,
} LiaPageSize;

#define LIA_TYPE_PAGE_SIZE (lia_page_size_get_type ())
GType lia_page_size_get_type (void);

#define LIA_TYPE_SETTINGS (lia_settings_get_type ())

G_DECLARE_FINAL_TYPE (LiaSettings, lia_settings, LIA, SETTINGS, GObject)

/* One object owns the GSettings of the application. The library's keys are
 * properties of the same name (library-name, library-time-zone, staff-names,
 * page-size) that widgets bind to; the window binds its size keys
 * (window-width, window-height, window-maximized) to the GSettings returned
 * by lia_settings_get_gsettings(). page-size is a LiaPageSize: the stored
 * choice, or the locale's paper when none was made. The library-time-zone
 * property is the stored IANA name, "" for the computer's zone;
 * lia_settings_dup_library_time_zone() resolves "" to the computer's zone. */
LiaSettings  *lia_settings_new                   (void);
LiaSettings  *lia_settings_get_default           (void);
GSettings    *lia_settings_get_gsettings         (LiaSettings  *self);
const char   *lia_settings_get_library_name      (LiaSettings  *self);
void          lia_settings_set_library_name      (LiaSettings  *self,
                                                  const char   *name);
char         *lia_settings_dup_library_time_zone (LiaSettings  *self);
void          lia_settings_set_library_time_zone (LiaSettings  *self,
                                                  const char   *tzid);
const char * const *lia_settings_get_staff_names (LiaSettings  *self);
void          lia_settings_set_staff_names       (LiaSettings  *self,
                                                  const char * const *names);
LiaPageSize   lia_settings_get_page_size         (LiaSettings  *self);
void          lia_settings_set_page_size         (LiaSettings  *self,
                                                  LiaPageSize   page_size);
LiaPageSize   lia_page_size_for_locale           (void);

G_END_DECLS
