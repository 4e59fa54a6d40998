/* lia-interaction.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-interaction"

#include "config.h"

#include "lia-interaction.h"

struct _LiaInteraction
{
  GObject             parent_instance;

  gint64              id;
  gint64              partner_id;
  gint64              contact_id;
  LiaInteractionKind  kind;
  gint64              occurred_at;
  gint64              follow_up_done_at;
  gboolean            confirms_info;
  gint64              expectation_id;
  gint64              created_at;
  gint64              updated_at;
  gint64              deleted_at;

  /* Owned */
  char               *contact_name;
  char               *staff;
  char               *summary;
  char               *outcome;
  char               *follow_up_on;
};

G_DEFINE_FINAL_TYPE (LiaInteraction, lia_interaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTNER_ID,
  PROP_CONTACT_ID,
  PROP_CONTACT_NAME,
  PROP_STAFF,
  PROP_KIND,
  PROP_OCCURRED_AT,
  PROP_SUMMARY,
  PROP_OUTCOME,
  PROP_FOLLOW_UP_ON,
  PROP_FOLLOW_UP_DONE_AT,
  PROP_CONFIRMS_INFO,
  PROP_EXPECTATION_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lia_interaction_finalize (GObject *object)
{
  LiaInteraction *self = (LiaInteraction *)object;

  g_clear_pointer (&self->contact_name, g_free);
  g_clear_pointer (&self->staff, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->follow_up_on, g_free);

  G_OBJECT_CLASS (lia_interaction_parent_class)->finalize (object);
}

static void
lia_interaction_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaInteraction *self = LIA_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;

    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;

    case PROP_STAFF:
      g_value_set_string (value, self->staff);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_OCCURRED_AT:
      g_value_set_int64 (value, self->occurred_at);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    case PROP_FOLLOW_UP_ON:
      g_value_set_string (value, self->follow_up_on);
      break;

    case PROP_FOLLOW_UP_DONE_AT:
      g_value_set_int64 (value, self->follow_up_done_at);
      break;

    case PROP_CONFIRMS_INFO:
      g_value_set_boolean (value, self->confirms_info);
      break;

    case PROP_EXPECTATION_ID:
      g_value_set_int64 (value, self->expectation_id);
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
lia_interaction_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaInteraction *self = LIA_INTERACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      lia_interaction_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PARTNER_ID:
      lia_interaction_set_partner_id (self, g_value_get_int64 (value));
      break;

    case PROP_CONTACT_ID:
      lia_interaction_set_contact_id (self, g_value_get_int64 (value));
      break;

    case PROP_CONTACT_NAME:
      lia_interaction_set_contact_name (self, g_value_get_string (value));
      break;

    case PROP_STAFF:
      lia_interaction_set_staff (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      lia_interaction_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_OCCURRED_AT:
      lia_interaction_set_occurred_at (self, g_value_get_int64 (value));
      break;

    case PROP_SUMMARY:
      lia_interaction_set_summary (self, g_value_get_string (value));
      break;

    case PROP_OUTCOME:
      lia_interaction_set_outcome (self, g_value_get_string (value));
      break;

    case PROP_FOLLOW_UP_ON:
      lia_interaction_set_follow_up_on (self, g_value_get_string (value));
      break;

    case PROP_FOLLOW_UP_DONE_AT:
      lia_interaction_set_follow_up_done_at (self, g_value_get_int64 (value));
      break;

    case PROP_CONFIRMS_INFO:
      lia_interaction_set_confirms_info (self, g_value_get_boolean (value));
      break;

    case PROP_EXPECTATION_ID:
      lia_interaction_set_expectation_id (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      lia_interaction_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      lia_interaction_set_updated_at (self, g_value_get_int64 (value));
      break;

    case PROP_DELETED_AT:
      lia_interaction_set_deleted_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_interaction_class_init (LiaInteractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_interaction_finalize;
  object_class->get_property = lia_interaction_get_property;
  object_class->set_property = lia_interaction_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STAFF] =
    g_param_spec_string ("staff", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIA_TYPE_INTERACTION_KIND, LIA_INTERACTION_KIND_NOTE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OCCURRED_AT] =
    g_param_spec_int64 ("occurred-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FOLLOW_UP_ON] =
    g_param_spec_string ("follow-up-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FOLLOW_UP_DONE_AT] =
    g_param_spec_int64 ("follow-up-done-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONFIRMS_INFO] =
    g_param_spec_boolean ("confirms-info", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EXPECTATION_ID] =
    g_param_spec_int64 ("expectation-id", NULL, NULL,
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
lia_interaction_init (LiaInteraction *self)
{
  self->kind = LIA_INTERACTION_KIND_NOTE;
}

LiaInteraction *
lia_interaction_new (void)
{
  return g_object_new (LIA_TYPE_INTERACTION, NULL);
}

gint64
lia_interaction_get_id (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->id;
}

void
lia_interaction_set_id (LiaInteraction *self,
                        gint64          id)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
lia_interaction_get_partner_id (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->partner_id;
}

void
lia_interaction_set_partner_id (LiaInteraction *self,
                                gint64          partner_id)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->partner_id == partner_id)
    return;

  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER_ID]);
}

gint64
lia_interaction_get_contact_id (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->contact_id;
}

void
lia_interaction_set_contact_id (LiaInteraction *self,
                                gint64          contact_id)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->contact_id == contact_id)
    return;

  self->contact_id = contact_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT_ID]);
}

const char *
lia_interaction_get_contact_name (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), NULL);

  return self->contact_name;
}

void
lia_interaction_set_contact_name (LiaInteraction *self,
                                  const char     *contact_name)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (g_strcmp0 (self->contact_name, contact_name) == 0)
    return;

  g_free (self->contact_name);
  self->contact_name = g_strdup (contact_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT_NAME]);
}

const char *
lia_interaction_get_staff (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), NULL);

  return self->staff;
}

void
lia_interaction_set_staff (LiaInteraction *self,
                           const char     *staff)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (g_strcmp0 (self->staff, staff) == 0)
    return;

  g_free (self->staff);
  self->staff = g_strdup (staff);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAFF]);
}

LiaInteractionKind
lia_interaction_get_kind (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->kind;
}

void
lia_interaction_set_kind (LiaInteraction     *self,
                          LiaInteractionKind  kind)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

gint64
lia_interaction_get_occurred_at (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->occurred_at;
}

void
lia_interaction_set_occurred_at (LiaInteraction *self,
                                 gint64          occurred_at)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->occurred_at == occurred_at)
    return;

  self->occurred_at = occurred_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OCCURRED_AT]);
}

const char *
lia_interaction_get_summary (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), NULL);

  return self->summary;
}

void
lia_interaction_set_summary (LiaInteraction *self,
                             const char     *summary)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
}

const char *
lia_interaction_get_outcome (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), NULL);

  return self->outcome;
}

void
lia_interaction_set_outcome (LiaInteraction *self,
                             const char     *outcome)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (g_strcmp0 (self->outcome, outcome) == 0)
    return;

  g_free (self->outcome);
  self->outcome = g_strdup (outcome);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OUTCOME]);
}

const char *
lia_interaction_get_follow_up_on (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), NULL);

  return self->follow_up_on;
}

void
lia_interaction_set_follow_up_on (LiaInteraction *self,
                                  const char     *follow_up_on)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (g_strcmp0 (self->follow_up_on, follow_up_on) == 0)
    return;

  g_free (self->follow_up_on);
  self->follow_up_on = g_strdup (follow_up_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLLOW_UP_ON]);
}

gint64
lia_interaction_get_follow_up_done_at (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->follow_up_done_at;
}

void
lia_interaction_set_follow_up_done_at (LiaInteraction *self,
                                       gint64          follow_up_done_at)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->follow_up_done_at == follow_up_done_at)
    return;

  self->follow_up_done_at = follow_up_done_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLLOW_UP_DONE_AT]);
}

gboolean
lia_interaction_get_confirms_info (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), FALSE);

  return self->confirms_info;
}

void
lia_interaction_set_confirms_info (LiaInteraction *self,
                                   gboolean        confirms_info)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  confirms_info = !!confirms_info;

  if (self->confirms_info == confirms_info)
    return;

  self->confirms_info = confirms_info;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONFIRMS_INFO]);
}

gint64
lia_interaction_get_expectation_id (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->expectation_id;
}

void
lia_interaction_set_expectation_id (LiaInteraction *self,
                                    gint64          expectation_id)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->expectation_id == expectation_id)
    return;

  self->expectation_id = expectation_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPECTATION_ID]);
}

gint64
lia_interaction_get_created_at (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->created_at;
}

void
lia_interaction_set_created_at (LiaInteraction *self,
                                gint64          created_at)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
lia_interaction_get_updated_at (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->updated_at;
}

void
lia_interaction_set_updated_at (LiaInteraction *self,
                                gint64          updated_at)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

gint64
lia_interaction_get_deleted_at (LiaInteraction *self)
{
  g_return_val_if_fail (LIA_IS_INTERACTION (self), 0);

  return self->deleted_at;
}

void
lia_interaction_set_deleted_at (LiaInteraction *self,
                                gint64          deleted_at)
{
  g_return_if_fail (LIA_IS_INTERACTION (self));

  if (self->deleted_at == deleted_at)
    return;

  self->deleted_at = deleted_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED_AT]);
}

