/* lia-trash-item.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_TRASH_ITEM (lia_trash_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaTrashItem, lia_trash_item, LIA, TRASH_ITEM, GObject)

/* One row of the trash: what it is, its title ("Riverside Food Bank",
 * a contact's name, an interaction's summary), its partner's name for a
 * partner's record (NULL for a partner) and when it was trashed. */
LiaTrashItem  *lia_trash_item_new              (LiaRecordKind  kind,
                                                gint64         id,
                                                const char    *title,
                                                const char    *partner_name,
                                                gint64         deleted_at);
LiaRecordKind  lia_trash_item_get_kind         (LiaTrashItem  *self);
gint64         lia_trash_item_get_id           (LiaTrashItem  *self);
const char    *lia_trash_item_get_title        (LiaTrashItem  *self);
const char    *lia_trash_item_get_partner_name (LiaTrashItem  *self);
gint64         lia_trash_item_get_deleted_at   (LiaTrashItem  *self);
/* A translated word for the kind: "Partner", "Contact", ... */
const char    *lia_trash_item_get_kind_label   (LiaTrashItem  *self);

G_END_DECLS
