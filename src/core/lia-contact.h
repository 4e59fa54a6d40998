/* lia-contact.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTACT (lia_contact_get_type ())

G_DECLARE_FINAL_TYPE (LiaContact, lia_contact, LIA, CONTACT, GObject)

/* A person at a partner. ended-at is set when they leave; the contact is
 * kept so the history still names them. Ids and instants are 0 when unset. */

LiaContact      *lia_contact_new                  (void);
gint64           lia_contact_get_id               (LiaContact *self);
void             lia_contact_set_id               (LiaContact *self,
                                                   gint64      id);
gint64           lia_contact_get_partner_id       (LiaContact *self);
void             lia_contact_set_partner_id       (LiaContact *self,
                                                   gint64      partner_id);
const char      *lia_contact_get_name             (LiaContact *self);
void             lia_contact_set_name             (LiaContact *self,
                                                   const char *name);
const char      *lia_contact_get_role             (LiaContact *self);
void             lia_contact_set_role             (LiaContact *self,
                                                   const char *role);
const char      *lia_contact_get_email            (LiaContact *self);
void             lia_contact_set_email            (LiaContact *self,
                                                   const char *email);
const char      *lia_contact_get_phone            (LiaContact *self);
void             lia_contact_set_phone            (LiaContact *self,
                                                   const char *phone);
LiaContactMethod lia_contact_get_preferred_method (LiaContact *self);
void             lia_contact_set_preferred_method (LiaContact       *self,
                                                   LiaContactMethod  preferred_method);
gboolean         lia_contact_get_is_primary       (LiaContact *self);
void             lia_contact_set_is_primary       (LiaContact *self,
                                                   gboolean    is_primary);
const char      *lia_contact_get_notes            (LiaContact *self);
void             lia_contact_set_notes            (LiaContact *self,
                                                   const char *notes);
gint64           lia_contact_get_ended_at         (LiaContact *self);
void             lia_contact_set_ended_at         (LiaContact *self,
                                                   gint64      ended_at);
gint64           lia_contact_get_created_at       (LiaContact *self);
void             lia_contact_set_created_at       (LiaContact *self,
                                                   gint64      created_at);
gint64           lia_contact_get_updated_at       (LiaContact *self);
void             lia_contact_set_updated_at       (LiaContact *self,
                                                   gint64      updated_at);
gint64           lia_contact_get_deleted_at       (LiaContact *self);
void             lia_contact_set_deleted_at       (LiaContact *self,
                                                   gint64      deleted_at);

/* TRUE while the person has not left (ended-at is 0). */
gboolean lia_contact_is_current (LiaContact *self);

G_END_DECLS
