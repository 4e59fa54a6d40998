/* lia-partner.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-partner"

#include "config.h"

#include "lia-partner-private.h"

struct _LiaPartner
{
  GObject           parent_instance;

  gint64            id;
  LiaPartnerKind    kind;
  LiaPartnerStatus  status;
  LiaUpkeepMode     upkeep_mode;
  int               cadence_days;
  gint64            info_verified_at;
  LiaPromotionTier  promotion_tier;
  LiaChannels       channels;
  gint64            created_at;
  gint64            updated_at;
  gint64            deleted_at;
  gint64            last_contact_at;
  gint64            update_requested_at;

  /* Owned */
  char             *name;
  char             *description;
  char             *services;
  char             *website;
  char             *email;
  char             *phone;
  char             *address;
  GBytes           *logo;
  char             *owner;
  GStrv             tags;
  char             *notes;
  char             *next_due_on;
};

G_DEFINE_FINAL_TYPE (LiaPartner, lia_partner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_STATUS,
  PROP_DESCRIPTION,
  PROP_SERVICES,
  PROP_WEBSITE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_ADDRESS,
  PROP_LOGO,
  PROP_OWNER,
  PROP_UPKEEP_MODE,
  PROP_CADENCE_DAYS,
  PROP_INFO_VERIFIED_AT,
  PROP_PROMOTION_TIER,
  PROP_CHANNELS,
  PROP_TAGS,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  PROP_LAST_CONTACT_AT,
  PROP_NEXT_DUE_ON,
  PROP_UPDATE_REQUESTED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lia_partner_finalize (GObject *object)
{
  LiaPartner *self = (LiaPartner *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->services, g_free);
  g_clear_pointer (&self->website, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->next_due_on, g_free);

  G_OBJECT_CLASS (lia_partner_parent_class)->finalize (object);
}

static void
lia_partner_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaPartner *self = LIA_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_SERVICES:
      g_value_set_string (value, self->services);
      break;

    case PROP_WEBSITE:
      g_value_set_string (value, self->website);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_LOGO:
      g_value_set_boxed (value, self->logo);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_UPKEEP_MODE:
      g_value_set_enum (value, self->upkeep_mode);
      break;

    case PROP_CADENCE_DAYS:
      g_value_set_int (value, self->cadence_days);
      break;

    case PROP_INFO_VERIFIED_AT:
      g_value_set_int64 (value, self->info_verified_at);
      break;

    case PROP_PROMOTION_TIER:
      g_value_set_enum (value, self->promotion_tier);
      break;

    case PROP_CHANNELS:
      g_value_set_flags (value, self->channels);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
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

    case PROP_LAST_CONTACT_AT:
      g_value_set_int64 (value, self->last_contact_at);
      break;

    case PROP_NEXT_DUE_ON:
      g_value_set_string (value, self->next_due_on);
      break;

    case PROP_UPDATE_REQUESTED_AT:
      g_value_set_int64 (value, self->update_requested_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_partner_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LiaPartner *self = LIA_PARTNER (object);

  switch (prop_id)
    {
    case PROP_ID:
      lia_partner_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      lia_partner_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      lia_partner_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      lia_partner_set_status (self, g_value_get_enum (value));
      break;

    case PROP_DESCRIPTION:
      lia_partner_set_description (self, g_value_get_string (value));
      break;

    case PROP_SERVICES:
      lia_partner_set_services (self, g_value_get_string (value));
      break;

    case PROP_WEBSITE:
      lia_partner_set_website (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      lia_partner_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      lia_partner_set_phone (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      lia_partner_set_address (self, g_value_get_string (value));
      break;

    case PROP_LOGO:
      lia_partner_set_logo (self, g_value_get_boxed (value));
      break;

    case PROP_OWNER:
      lia_partner_set_owner (self, g_value_get_string (value));
      break;

    case PROP_UPKEEP_MODE:
      lia_partner_set_upkeep_mode (self, g_value_get_enum (value));
      break;

    case PROP_CADENCE_DAYS:
      lia_partner_set_cadence_days (self, g_value_get_int (value));
      break;

    case PROP_INFO_VERIFIED_AT:
      lia_partner_set_info_verified_at (self, g_value_get_int64 (value));
      break;

    case PROP_PROMOTION_TIER:
      lia_partner_set_promotion_tier (self, g_value_get_enum (value));
      break;

    case PROP_CHANNELS:
      lia_partner_set_channels (self, g_value_get_flags (value));
      break;

    case PROP_TAGS:
      lia_partner_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      lia_partner_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      lia_partner_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      lia_partner_set_updated_at (self, g_value_get_int64 (value));
      break;

    case PROP_DELETED_AT:
      lia_partner_set_deleted_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_partner_class_init (LiaPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_partner_finalize;
  object_class->get_property = lia_partner_get_property;
  object_class->set_property = lia_partner_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIA_TYPE_PARTNER_KIND, LIA_PARTNER_KIND_OTHER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LIA_TYPE_PARTNER_STATUS, LIA_PARTNER_STATUS_ACTIVE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SERVICES] =
    g_param_spec_string ("services", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WEBSITE] =
    g_param_spec_string ("website", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOGO] =
    g_param_spec_boxed ("logo", NULL, NULL, G_TYPE_BYTES,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UPKEEP_MODE] =
    g_param_spec_enum ("upkeep-mode", NULL, NULL,
                       LIA_TYPE_UPKEEP_MODE, LIA_UPKEEP_MODE_LIBRARY_ASKS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CADENCE_DAYS] =
    g_param_spec_int ("cadence-days", NULL, NULL,
                      G_MININT, G_MAXINT, 90,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_INFO_VERIFIED_AT] =
    g_param_spec_int64 ("info-verified-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PROMOTION_TIER] =
    g_param_spec_enum ("promotion-tier", NULL, NULL,
                       LIA_TYPE_PROMOTION_TIER, LIA_PROMOTION_TIER_LISTED_ONLY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CHANNELS] =
    g_param_spec_flags ("channels", NULL, NULL,
                        LIA_TYPE_CHANNELS, LIA_CHANNEL_NONE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
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

  properties [PROP_LAST_CONTACT_AT] =
    g_param_spec_int64 ("last-contact-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_NEXT_DUE_ON] =
    g_param_spec_string ("next-due-on", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_UPDATE_REQUESTED_AT] =
    g_param_spec_int64 ("update-requested-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_partner_init (LiaPartner *self)
{
  self->kind = LIA_PARTNER_KIND_OTHER;
  self->status = LIA_PARTNER_STATUS_ACTIVE;
  self->upkeep_mode = LIA_UPKEEP_MODE_LIBRARY_ASKS;
  self->cadence_days = 90;
  self->promotion_tier = LIA_PROMOTION_TIER_LISTED_ONLY;
}

LiaPartner *
lia_partner_new (void)
{
  return g_object_new (LIA_TYPE_PARTNER, NULL);
}

gint64
lia_partner_get_id (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->id;
}

void
lia_partner_set_id (LiaPartner *self,
                    gint64      id)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
lia_partner_get_name (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->name;
}

void
lia_partner_set_name (LiaPartner *self,
                      const char *name)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

LiaPartnerKind
lia_partner_get_kind (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->kind;
}

void
lia_partner_set_kind (LiaPartner     *self,
                      LiaPartnerKind  kind)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

LiaPartnerStatus
lia_partner_get_status (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->status;
}

void
lia_partner_set_status (LiaPartner       *self,
                        LiaPartnerStatus  status)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
lia_partner_get_description (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->description;
}

void
lia_partner_set_description (LiaPartner *self,
                             const char *description)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

const char *
lia_partner_get_services (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->services;
}

void
lia_partner_set_services (LiaPartner *self,
                          const char *services)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (g_strcmp0 (self->services, services) == 0)
    return;

  g_free (self->services);
  self->services = g_strdup (services);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SERVICES]);
}

const char *
lia_partner_get_website (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->website;
}

void
lia_partner_set_website (LiaPartner *self,
                         const char *website)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (g_strcmp0 (self->website, website) == 0)
    return;

  g_free (self->website);
  self->website = g_strdup (website);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WEBSITE]);
}

const char *
lia_partner_get_email (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->email;
}

void
lia_partner_set_email (LiaPartner *self,
                       const char *email)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
lia_partner_get_phone (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->phone;
}

void
lia_partner_set_phone (LiaPartner *self,
                       const char *phone)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONE]);
}

const char *
lia_partner_get_address (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->address;
}

void
lia_partner_set_address (LiaPartner *self,
                         const char *address)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (g_strcmp0 (self->address, address) == 0)
    return;

  g_free (self->address);
  self->address = g_strdup (address);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ADDRESS]);
}

/**
 * lia_partner_get_logo:
 *
 * Returns: (transfer none) (nullable): the image bytes
 */
GBytes *
lia_partner_get_logo (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->logo;
}

void
lia_partner_set_logo (LiaPartner *self,
                      GBytes     *logo)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->logo == logo ||
      (self->logo != NULL && logo != NULL && g_bytes_equal (self->logo, logo)))
    return;

  g_clear_pointer (&self->logo, g_bytes_unref);
  if (logo != NULL)
    self->logo = g_bytes_ref (logo);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOGO]);
}

const char *
lia_partner_get_owner (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->owner;
}

void
lia_partner_set_owner (LiaPartner *self,
                       const char *owner)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (g_strcmp0 (self->owner, owner) == 0)
    return;

  g_free (self->owner);
  self->owner = g_strdup (owner);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OWNER]);
}

LiaUpkeepMode
lia_partner_get_upkeep_mode (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->upkeep_mode;
}

void
lia_partner_set_upkeep_mode (LiaPartner    *self,
                             LiaUpkeepMode  upkeep_mode)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->upkeep_mode == upkeep_mode)
    return;

  self->upkeep_mode = upkeep_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPKEEP_MODE]);
}

int
lia_partner_get_cadence_days (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->cadence_days;
}

void
lia_partner_set_cadence_days (LiaPartner *self,
                              int         cadence_days)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->cadence_days == cadence_days)
    return;

  self->cadence_days = cadence_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CADENCE_DAYS]);
}

gint64
lia_partner_get_info_verified_at (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->info_verified_at;
}

void
lia_partner_set_info_verified_at (LiaPartner *self,
                                  gint64      info_verified_at)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->info_verified_at == info_verified_at)
    return;

  self->info_verified_at = info_verified_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INFO_VERIFIED_AT]);
}

LiaPromotionTier
lia_partner_get_promotion_tier (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->promotion_tier;
}

void
lia_partner_set_promotion_tier (LiaPartner       *self,
                                LiaPromotionTier  promotion_tier)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->promotion_tier == promotion_tier)
    return;

  self->promotion_tier = promotion_tier;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROMOTION_TIER]);
}

LiaChannels
lia_partner_get_channels (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->channels;
}

void
lia_partner_set_channels (LiaPartner  *self,
                          LiaChannels  channels)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->channels == channels)
    return;

  self->channels = channels;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANNELS]);
}

const char * const *
lia_partner_get_tags (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return (const char * const *)self->tags;
}

void
lia_partner_set_tags (LiaPartner         *self,
                      const char * const *tags)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->tags == (GStrv)tags ||
      (self->tags != NULL && tags != NULL && g_strv_equal ((const char * const *)self->tags, tags)))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **)tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TAGS]);
}

const char *
lia_partner_get_notes (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->notes;
}

void
lia_partner_set_notes (LiaPartner *self,
                       const char *notes)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

gint64
lia_partner_get_created_at (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->created_at;
}

void
lia_partner_set_created_at (LiaPartner *self,
                            gint64      created_at)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
lia_partner_get_updated_at (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->updated_at;
}

void
lia_partner_set_updated_at (LiaPartner *self,
                            gint64      updated_at)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

gint64
lia_partner_get_deleted_at (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->deleted_at;
}

void
lia_partner_set_deleted_at (LiaPartner *self,
                            gint64      deleted_at)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  if (self->deleted_at == deleted_at)
    return;

  self->deleted_at = deleted_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED_AT]);
}

gint64
lia_partner_get_last_contact_at (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->last_contact_at;
}

const char *
lia_partner_get_next_due_on (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  return self->next_due_on;
}

gint64
lia_partner_get_update_requested_at (LiaPartner *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), 0);

  return self->update_requested_at;
}


/**
 * lia_partner_is_stale:
 * @now: the current time
 *
 * Returns: whether the partner's information was never verified, or was
 *   verified longer ago than its cadence
 */
gboolean
lia_partner_is_stale (LiaPartner *self,
                      GDateTime  *now)
{
  g_return_val_if_fail (LIA_IS_PARTNER (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->info_verified_at == 0)
    return TRUE;

  return self->info_verified_at + (gint64)self->cadence_days * 86400 < g_date_time_to_unix (now);
}

void
_lia_partner_set_computed (LiaPartner *self,
                           gint64      last_contact_at,
                           const char *next_due_on,
                           gint64      update_requested_at)
{
  g_return_if_fail (LIA_IS_PARTNER (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->last_contact_at != last_contact_at)
    {
      self->last_contact_at = last_contact_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_CONTACT_AT]);
    }

  if (g_strcmp0 (self->next_due_on, next_due_on) != 0)
    {
      g_free (self->next_due_on);
      self->next_due_on = g_strdup (next_due_on);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEXT_DUE_ON]);
    }

  if (self->update_requested_at != update_requested_at)
    {
      self->update_requested_at = update_requested_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATE_REQUESTED_AT]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

GStrv
lia_partner_dup_services_list (LiaPartner *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (LIA_IS_PARTNER (self), NULL);

  if (self->services != NULL)
    {
      parts = g_strsplit_set (self->services, "|\n", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *service = g_strstrip (parts[i]);

          if (*service != '\0')
            g_strv_builder_add (builder, service);
        }
    }

  return g_strv_builder_end (builder);
}
