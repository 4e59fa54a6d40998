/* lia-expectation.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-expectation"

#include "config.h"

#include "lia-expectation.h"

struct _LiaExpectation
{
  GObject               parent_instance;

  gint64                id;
  gint64                partner_id;
  gint64                agreement_id;
  LiaDirection          direction;
  int                   cadence_days;
  LiaExpectationStatus  status;
  gint64                created_at;
  gint64                updated_at;
  gint64                deleted_at;

  /* Owned */
  char                 *what;
  char                 *due_on;
  char                 *last_met_on;
  char                 *next_due_on;
};

G_DEFINE_FINAL_TYPE (LiaExpectation, lia_expectation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARTNER_ID,
  PROP_AGREEMENT_ID,
  PROP_DIRECTION,
  PROP_WHAT,
  PROP_CADENCE_DAYS,
  PROP_DUE_ON,
  PROP_STATUS,
  PROP_LAST_MET_ON,
  PROP_NEXT_DUE_ON,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lia_expectation_finalize (GObject *object)
{
  LiaExpectation *self = (LiaExpectation *)object;

  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->last_met_on, g_free);
  g_clear_pointer (&self->next_due_on, g_free);

  G_OBJECT_CLASS (lia_expectation_parent_class)->finalize (object);
}

static void
lia_expectation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaExpectation *self = LIA_EXPECTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;

    case PROP_AGREEMENT_ID:
      g_value_set_int64 (value, self->agreement_id);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;

    case PROP_CADENCE_DAYS:
      g_value_set_int (value, self->cadence_days);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_LAST_MET_ON:
      g_value_set_string (value, self->last_met_on);
      break;

    case PROP_NEXT_DUE_ON:
      g_value_set_string (value, self->next_due_on);
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
lia_expectation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaExpectation *self = LIA_EXPECTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      lia_expectation_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PARTNER_ID:
      lia_expectation_set_partner_id (self, g_value_get_int64 (value));
      break;

    case PROP_AGREEMENT_ID:
      lia_expectation_set_agreement_id (self, g_value_get_int64 (value));
      break;

    case PROP_DIRECTION:
      lia_expectation_set_direction (self, g_value_get_enum (value));
      break;

    case PROP_WHAT:
      lia_expectation_set_what (self, g_value_get_string (value));
      break;

    case PROP_CADENCE_DAYS:
      lia_expectation_set_cadence_days (self, g_value_get_int (value));
      break;

    case PROP_DUE_ON:
      lia_expectation_set_due_on (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      lia_expectation_set_status (self, g_value_get_enum (value));
      break;

    case PROP_LAST_MET_ON:
      lia_expectation_set_last_met_on (self, g_value_get_string (value));
      break;

    case PROP_NEXT_DUE_ON:
      lia_expectation_set_next_due_on (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      lia_expectation_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      lia_expectation_set_updated_at (self, g_value_get_int64 (value));
      break;

    case PROP_DELETED_AT:
      lia_expectation_set_deleted_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_expectation_class_init (LiaExpectationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_expectation_finalize;
  object_class->get_property = lia_expectation_get_property;
  object_class->set_property = lia_expectation_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AGREEMENT_ID] =
    g_param_spec_int64 ("agreement-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       LIA_TYPE_DIRECTION, LIA_DIRECTION_PARTNER_PROVIDES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WHAT] =
    g_param_spec_string ("what", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CADENCE_DAYS] =
    g_param_spec_int ("cadence-days", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LIA_TYPE_EXPECTATION_STATUS, LIA_EXPECTATION_STATUS_ACTIVE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_MET_ON] =
    g_param_spec_string ("last-met-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NEXT_DUE_ON] =
    g_param_spec_string ("next-due-on", NULL, NULL, NULL,
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
lia_expectation_init (LiaExpectation *self)
{
  self->direction = LIA_DIRECTION_PARTNER_PROVIDES;
  self->status = LIA_EXPECTATION_STATUS_ACTIVE;
}

LiaExpectation *
lia_expectation_new (void)
{
  return g_object_new (LIA_TYPE_EXPECTATION, NULL);
}

gint64
lia_expectation_get_id (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), 0);

  return self->id;
}

void
lia_expectation_set_id (LiaExpectation *self,
                        gint64          id)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
lia_expectation_get_partner_id (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), 0);

  return self->partner_id;
}

void
lia_expectation_set_partner_id (LiaExpectation *self,
                                gint64          partner_id)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (self->partner_id == partner_id)
    return;

  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER_ID]);
}

gint64
lia_expectation_get_agreement_id (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), 0);

  return self->agreement_id;
}

void
lia_expectation_set_agreement_id (LiaExpectation *self,
                                  gint64          agreement_id)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (self->agreement_id == agreement_id)
    return;

  self->agreement_id = agreement_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AGREEMENT_ID]);
}

LiaDirection
lia_expectation_get_direction (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), 0);

  return self->direction;
}

void
lia_expectation_set_direction (LiaExpectation *self,
                               LiaDirection    direction)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRECTION]);
}

const char *
lia_expectation_get_what (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), NULL);

  return self->what;
}

void
lia_expectation_set_what (LiaExpectation *self,
                          const char     *what)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (g_strcmp0 (self->what, what) == 0)
    return;

  g_free (self->what);
  self->what = g_strdup (what);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WHAT]);
}

int
lia_expectation_get_cadence_days (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), 0);

  return self->cadence_days;
}

void
lia_expectation_set_cadence_days (LiaExpectation *self,
                                  int             cadence_days)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (self->cadence_days == cadence_days)
    return;

  self->cadence_days = cadence_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CADENCE_DAYS]);
}

const char *
lia_expectation_get_due_on (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), NULL);

  return self->due_on;
}

void
lia_expectation_set_due_on (LiaExpectation *self,
                            const char     *due_on)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (g_strcmp0 (self->due_on, due_on) == 0)
    return;

  g_free (self->due_on);
  self->due_on = g_strdup (due_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DUE_ON]);
}

LiaExpectationStatus
lia_expectation_get_status (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), 0);

  return self->status;
}

void
lia_expectation_set_status (LiaExpectation       *self,
                            LiaExpectationStatus  status)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
lia_expectation_get_last_met_on (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), NULL);

  return self->last_met_on;
}

void
lia_expectation_set_last_met_on (LiaExpectation *self,
                                 const char     *last_met_on)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (g_strcmp0 (self->last_met_on, last_met_on) == 0)
    return;

  g_free (self->last_met_on);
  self->last_met_on = g_strdup (last_met_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_MET_ON]);
}

const char *
lia_expectation_get_next_due_on (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), NULL);

  return self->next_due_on;
}

void
lia_expectation_set_next_due_on (LiaExpectation *self,
                                 const char     *next_due_on)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (g_strcmp0 (self->next_due_on, next_due_on) == 0)
    return;

  g_free (self->next_due_on);
  self->next_due_on = g_strdup (next_due_on);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEXT_DUE_ON]);
}

gint64
lia_expectation_get_created_at (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), 0);

  return self->created_at;
}

void
lia_expectation_set_created_at (LiaExpectation *self,
                                gint64          created_at)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
lia_expectation_get_updated_at (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), 0);

  return self->updated_at;
}

void
lia_expectation_set_updated_at (LiaExpectation *self,
                                gint64          updated_at)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

gint64
lia_expectation_get_deleted_at (LiaExpectation *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION (self), 0);

  return self->deleted_at;
}

void
lia_expectation_set_deleted_at (LiaExpectation *self,
                                gint64          deleted_at)
{
  g_return_if_fail (LIA_IS_EXPECTATION (self));

  if (self->deleted_at == deleted_at)
    return;

  self->deleted_at = deleted_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED_AT]);
}

