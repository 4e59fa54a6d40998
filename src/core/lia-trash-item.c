/* lia-trash-item.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-trash-item"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-trash-item.h"

struct _LiaTrashItem
{
  GObject        parent_instance;

  LiaRecordKind  kind;
  gint64         id;
  gint64         deleted_at;

  /* Owned */
  char          *title;
  char          *partner_name;
};

G_DEFINE_FINAL_TYPE (LiaTrashItem, lia_trash_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_PARTNER_NAME,
  PROP_DELETED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lia_trash_item_finalize (GObject *object)
{
  LiaTrashItem *self = (LiaTrashItem *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->partner_name, g_free);

  G_OBJECT_CLASS (lia_trash_item_parent_class)->finalize (object);
}

static void
lia_trash_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaTrashItem *self = LIA_TRASH_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PARTNER_NAME:
      g_value_set_string (value, self->partner_name);
      break;

    case PROP_DELETED_AT:
      g_value_set_int64 (value, self->deleted_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_trash_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaTrashItem *self = LIA_TRASH_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_PARTNER_NAME:
      self->partner_name = g_value_dup_string (value);
      break;

    case PROP_DELETED_AT:
      self->deleted_at = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_trash_item_class_init (LiaTrashItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_trash_item_finalize;
  object_class->get_property = lia_trash_item_get_property;
  object_class->set_property = lia_trash_item_set_property;

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LIA_TYPE_RECORD_KIND, LIA_RECORD_PARTNER,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PARTNER_NAME] =
    g_param_spec_string ("partner-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DELETED_AT] =
    g_param_spec_int64 ("deleted-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_trash_item_init (LiaTrashItem *self)
{
}

LiaTrashItem *
lia_trash_item_new (LiaRecordKind  kind,
                    gint64         id,
                    const char    *title,
                    const char    *partner_name,
                    gint64         deleted_at)
{
  return g_object_new (LIA_TYPE_TRASH_ITEM,
                       "kind", kind,
                       "id", id,
                       "title", title,
                       "partner-name", partner_name,
                       "deleted-at", deleted_at,
                       NULL);
}

LiaRecordKind
lia_trash_item_get_kind (LiaTrashItem *self)
{
  g_return_val_if_fail (LIA_IS_TRASH_ITEM (self), LIA_RECORD_PARTNER);

  return self->kind;
}

gint64
lia_trash_item_get_id (LiaTrashItem *self)
{
  g_return_val_if_fail (LIA_IS_TRASH_ITEM (self), 0);

  return self->id;
}

const char *
lia_trash_item_get_title (LiaTrashItem *self)
{
  g_return_val_if_fail (LIA_IS_TRASH_ITEM (self), NULL);

  return self->title;
}

const char *
lia_trash_item_get_partner_name (LiaTrashItem *self)
{
  g_return_val_if_fail (LIA_IS_TRASH_ITEM (self), NULL);

  return self->partner_name;
}

gint64
lia_trash_item_get_deleted_at (LiaTrashItem *self)
{
  g_return_val_if_fail (LIA_IS_TRASH_ITEM (self), 0);

  return self->deleted_at;
}

const char *
lia_trash_item_get_kind_label (LiaTrashItem *self)
{
  g_return_val_if_fail (LIA_IS_TRASH_ITEM (self), NULL);

  switch (self->kind)
    {
    case LIA_RECORD_PARTNER: return C_("record kind", "Partner");
    case LIA_RECORD_CONTACT: return C_("record kind", "Contact");
    case LIA_RECORD_AGREEMENT: return C_("record kind", "Agreement");
    case LIA_RECORD_EXPECTATION: return C_("record kind", "Expectation");
    case LIA_RECORD_INTERACTION: return C_("record kind", "Contact history entry");
    case LIA_RECORD_EVENT: return C_("record kind", "Event");
    default: g_return_val_if_reached (NULL);
    }
}
