/* lia-agreement.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-agreement"

#include "config.h"

#include "lia-agreement.h"

struct _LiaAgreement
{
  GObject             parent_instance;

  gint64              id;
  gint64              partner_id;
  LiaAgreementKind    kind;
  gboolean            auto_renews;
  LiaAgreementStatus  status;
  gint64              created_at;
  gint64              updated_at;
  gint64              deleted_at;

  /* Owned */
  char               *title;
  char               *signed_on;
  char               *starts_on;
  char               *ends_on;
  char               *document;
  char               *notes;
};

G_DEFINE_FINAL_TYPE (LiaAgreement, lia_agreement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTNER_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_SIGNED_ON,
  PROP_STARTS_ON,
  PROP_ENDS_ON,
  PROP_AUTO_RENEWS,
  PROP_DOCUMENT,
  PROP_STATUS,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lia_agreement_finalize (GObject *object)
{
  LiaAgreement *self = (LiaAgreement *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->signed_on, g_free);
  g_clear_pointer (&self->starts_on, g_free);
  g_clear_pointer (&self->ends_on, g_free);
  g_clear_pointer (&self->document, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (lia_agreement_parent_class)->finalize (object);
}

static void
lia_agreement_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LiaAgreement *self = LIA_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_SIGNED_ON:
      g_value_set_string (value, self->signed_on);
      break;

    case PROP_STARTS_ON:
      g_value_set_string (value, self->starts_on);
      break;

    case PROP_ENDS_ON:
      g_value_set_string (value, self->ends_on);
      break;

    case PROP_AUTO_RENEWS:
      g_value_set_boolean (value, self->auto_renews);
      break;

    case PROP_DOCUMENT:
      g_value_set_string (value, self->document);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_agreement_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LiaAgreement *self = LIA_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      lia_agreement_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PARTNER_ID:
      lia_agreement_set_partner_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      lia_agreement_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      lia_agreement_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_SIGNED_ON:
      lia_agreement_set_signed_on (self, g_value_get_string (value));
      break;

    case PROP_STARTS_ON:
      lia_agreement_set_starts_on (self, g_value_get_string (value));
      break;

    case PROP_ENDS_ON:
      lia_agreement_set_ends_on (self, g_value_get_string (value));
      break;

    case PROP_AUTO_RENEWS:
      lia_agreement_set_auto_renews (self, g_value_get_boolean (value));
      break;

    case PROP_DOCUMENT:
      lia_agreement_set_document (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      lia_agreement_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOTES:
      lia_agreement_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      lia_agreement_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      lia_agreement_set_updated_at (self, g_value_get_int64 (value));
      break;

    case PROP_DELETED_AT:
      lia_agreement_set_deleted_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_agreement_class_init (LiaAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_agreement_finalize;
  object_class->get_property = lia_agreement_get_property;
  object_class->set_property = lia_agreement_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIA_TYPE_AGREEMENT_KIND, LIA_AGREEMENT_KIND_MOU,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SIGNED_ON] =
    g_param_spec_string ("signed-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STARTS_ON] =
    g_param_spec_string ("starts-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ENDS_ON] =
    g_param_spec_string ("ends-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUTO_RENEWS] =
    g_param_spec_boolean ("auto-renews", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DOCUMENT] =
    g_param_spec_string ("document", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LIA_TYPE_AGREEMENT_STATUS, LIA_AGREEMENT_STATUS_ACTIVE,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_agreement_init (LiaAgreement *self)
{
  self->kind = LIA_AGREEMENT_KIND_MOU;
  self->status = LIA_AGREEMENT_STATUS_ACTIVE;
}

LiaAgreement *
lia_agreement_new (void)
{
  return g_object_new (LIA_TYPE_AGREEMENT, NULL);
}

gint64
lia_agreement_get_id (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), 0);

  return self->id;
}

void
lia_agreement_set_id (LiaAgreement *self,
                      gint64        id)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
lia_agreement_get_partner_id (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), 0);

  return self->partner_id;
}

void
lia_agreement_set_partner_id (LiaAgreement *self,
                              gint64        partner_id)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (self->partner_id == partner_id)
    return;

  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER_ID]);
}

const char *
lia_agreement_get_title (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), NULL);

  return self->title;
}

void
lia_agreement_set_title (LiaAgreement *self,
                         const char   *title)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

LiaAgreementKind
lia_agreement_get_kind (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), 0);

  return self->kind;
}

void
lia_agreement_set_kind (LiaAgreement     *self,
                        LiaAgreementKind  kind)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

const char *
lia_agreement_get_signed_on (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), NULL);

  return self->signed_on;
}

void
lia_agreement_set_signed_on (LiaAgreement *self,
                             const char   *signed_on)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (g_strcmp0 (self->signed_on, signed_on) == 0)
    return;

  g_free (self->signed_on);
  self->signed_on = g_strdup (signed_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIGNED_ON]);
}

const char *
lia_agreement_get_starts_on (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), NULL);

  return self->starts_on;
}

void
lia_agreement_set_starts_on (LiaAgreement *self,
                             const char   *starts_on)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (g_strcmp0 (self->starts_on, starts_on) == 0)
    return;

  g_free (self->starts_on);
  self->starts_on = g_strdup (starts_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STARTS_ON]);
}

const char *
lia_agreement_get_ends_on (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), NULL);

  return self->ends_on;
}

void
lia_agreement_set_ends_on (LiaAgreement *self,
                           const char   *ends_on)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (g_strcmp0 (self->ends_on, ends_on) == 0)
    return;

  g_free (self->ends_on);
  self->ends_on = g_strdup (ends_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENDS_ON]);
}

gboolean
lia_agreement_get_auto_renews (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), FALSE);

  return self->auto_renews;
}

void
lia_agreement_set_auto_renews (LiaAgreement *self,
                               gboolean      auto_renews)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  auto_renews = !!auto_renews;

  if (self->auto_renews == auto_renews)
    return;

  self->auto_renews = auto_renews;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTO_RENEWS]);
}

const char *
lia_agreement_get_document (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), NULL);

  return self->document;
}

void
lia_agreement_set_document (LiaAgreement *self,
                            const char   *document)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (g_strcmp0 (self->document, document) == 0)
    return;

  g_free (self->document);
  self->document = g_strdup (document);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

LiaAgreementStatus
lia_agreement_get_status (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), 0);

  return self->status;
}

void
lia_agreement_set_status (LiaAgreement       *self,
                          LiaAgreementStatus  status)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
lia_agreement_get_notes (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), NULL);

  return self->notes;
}

void
lia_agreement_set_notes (LiaAgreement *self,
                         const char   *notes)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTES]);
}

gint64
lia_agreement_get_created_at (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), 0);

  return self->created_at;
}

void
lia_agreement_set_created_at (LiaAgreement *self,
                              gint64        created_at)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
lia_agreement_get_updated_at (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), 0);

  return self->updated_at;
}

void
lia_agreement_set_updated_at (LiaAgreement *self,
                              gint64        updated_at)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

gint64
lia_agreement_get_deleted_at (LiaAgreement *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT (self), 0);

  return self->deleted_at;
}

void
lia_agreement_set_deleted_at (LiaAgreement *self,
                              gint64        deleted_at)
{
  g_return_if_fail (LIA_IS_AGREEMENT (self));

  if (self->deleted_at == deleted_at)
    return;

  self->deleted_at = deleted_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED_AT]);
}

