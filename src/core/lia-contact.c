/* lia-contact.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-contact"

#include "config.h"

#include "lia-contact.h"

struct _LiaContact
{
  GObject           parent_instance;

  gint64            id;
  gint64            partner_id;
  LiaContactMethod  preferred_method;
  gboolean          is_primary;
  gint64            ended_at;
  gint64            created_at;
  gint64            updated_at;
  gint64            deleted_at;

  /* Owned */
  char             *name;
  char             *role;
  char             *email;
  char             *phone;
  char             *notes;
};

G_DEFINE_FINAL_TYPE (LiaContact, lia_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTNER_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_PREFERRED_METHOD,
  PROP_IS_PRIMARY,
  PROP_NOTES,
  PROP_ENDED_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lia_contact_finalize (GObject *object)
{
  LiaContact *self = (LiaContact *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (lia_contact_parent_class)->finalize (object);
}

static void
lia_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaContact *self = LIA_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_PREFERRED_METHOD:
      g_value_set_enum (value, self->preferred_method);
      break;

    case PROP_IS_PRIMARY:
      g_value_set_boolean (value, self->is_primary);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ENDED_AT:
      g_value_set_int64 (value, self->ended_at);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_DELETED_AT:
      g_value_set_int64 (value, self->deleted_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LiaContact *self = LIA_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      lia_contact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PARTNER_ID:
      lia_contact_set_partner_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      lia_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      lia_contact_set_role (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      lia_contact_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      lia_contact_set_phone (self, g_value_get_string (value));
      break;

    case PROP_PREFERRED_METHOD:
      lia_contact_set_preferred_method (self, g_value_get_enum (value));
      break;

    case PROP_IS_PRIMARY:
      lia_contact_set_is_primary (self, g_value_get_boolean (value));
      break;

    case PROP_NOTES:
      lia_contact_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ENDED_AT:
      lia_contact_set_ended_at (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      lia_contact_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      lia_contact_set_updated_at (self, g_value_get_int64 (value));
      break;

    case PROP_DELETED_AT:
      lia_contact_set_deleted_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contact_class_init (LiaContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_contact_finalize;
  object_class->get_property = lia_contact_get_property;
  object_class->set_property = lia_contact_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PREFERRED_METHOD] =
    g_param_spec_enum ("preferred-method", NULL, NULL,
                       LIA_TYPE_CONTACT_METHOD, LIA_CONTACT_METHOD_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IS_PRIMARY] =
    g_param_spec_boolean ("is-primary", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ENDED_AT] =
    g_param_spec_int64 ("ended-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DELETED_AT] =
    g_param_spec_int64 ("deleted-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_contact_init (LiaContact *self)
{
}

LiaContact *
lia_contact_new (void)
{
  return g_object_new (LIA_TYPE_CONTACT, NULL);
}

gint64
lia_contact_get_id (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);

  return self->id;
}

void
lia_contact_set_id (LiaContact *self,
                    gint64      id)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
lia_contact_get_partner_id (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);

  return self->partner_id;
}

void
lia_contact_set_partner_id (LiaContact *self,
                            gint64      partner_id)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (self->partner_id == partner_id)
    return;

  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER_ID]);
}

const char *
lia_contact_get_name (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return self->name;
}

void
lia_contact_set_name (LiaContact *self,
                      const char *name)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
lia_contact_get_role (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return self->role;
}

void
lia_contact_set_role (LiaContact *self,
                      const char *role)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (g_strcmp0 (self->role, role) == 0)
    return;

  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROLE]);
}

const char *
lia_contact_get_email (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return self->email;
}

void
lia_contact_set_email (LiaContact *self,
                       const char *email)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
lia_contact_get_phone (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return self->phone;
}

void
lia_contact_set_phone (LiaContact *self,
                       const char *phone)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONE]);
}

LiaContactMethod
lia_contact_get_preferred_method (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);

  return self->preferred_method;
}

void
lia_contact_set_preferred_method (LiaContact       *self,
                                  LiaContactMethod  preferred_method)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (self->preferred_method == preferred_method)
    return;

  self->preferred_method = preferred_method;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREFERRED_METHOD]);
}

gboolean
lia_contact_get_is_primary (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), FALSE);

  return self->is_primary;
}

void
lia_contact_set_is_primary (LiaContact *self,
                            gboolean    is_primary)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  is_primary = !!is_primary;

  if (self->is_primary == is_primary)
    return;

  self->is_primary = is_primary;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_PRIMARY]);
}

const char *
lia_contact_get_notes (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  return self->notes;
}

void
lia_contact_set_notes (LiaContact *self,
                       const char *notes)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

gint64
lia_contact_get_ended_at (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);

  return self->ended_at;
}

void
lia_contact_set_ended_at (LiaContact *self,
                          gint64      ended_at)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (self->ended_at == ended_at)
    return;

  self->ended_at = ended_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENDED_AT]);
}

gint64
lia_contact_get_created_at (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);

  return self->created_at;
}

void
lia_contact_set_created_at (LiaContact *self,
                            gint64      created_at)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
lia_contact_get_updated_at (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);

  return self->updated_at;
}

void
lia_contact_set_updated_at (LiaContact *self,
                            gint64      updated_at)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

gint64
lia_contact_get_deleted_at (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);

  return self->deleted_at;
}

void
lia_contact_set_deleted_at (LiaContact *self,
                            gint64      deleted_at)
{
  g_return_if_fail (LIA_IS_CONTACT (self));

  if (self->deleted_at == deleted_at)
    return;

  self->deleted_at = deleted_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED_AT]);
}


gboolean
lia_contact_is_current (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), FALSE);

  return self->ended_at == 0;
}
