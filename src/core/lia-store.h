/* lia-store.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-database.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 partners;
  gint64 contacts;
  gint64 agreements;
  gint64 expectations;
  gint64 interactions;
  gint64 events;
} LiaStoreCounts;

#define LIA_TYPE_STORE (lia_store_get_type ())

G_DECLARE_FINAL_TYPE (LiaStore, lia_store, LIA, STORE, GObject)

/* The store owns the UI thread's database connection and is the only
 * object that writes through it. Counts leave out what is in the trash. */
LiaStore    *lia_store_new             (LiaDatabase     *database);
LiaDatabase *lia_store_get_database    (LiaStore        *self);
gboolean     lia_store_get_counts      (LiaStore        *self,
                                        LiaStoreCounts  *counts,
                                        GError         **error);
gboolean     lia_store_is_empty        (LiaStore        *self);
gboolean     lia_store_is_sample       (LiaStore        *self);
gboolean     lia_store_get_welcome_done (LiaStore       *self);
gboolean     lia_store_set_welcome_done (LiaStore       *self,
                                         GError        **error);

G_END_DECLS
