/* lia-publisher.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lia-publisher.h"

G_DEFINE_QUARK (lia-publish-error-quark, lia_publish_error)

G_DEFINE_INTERFACE (LiaPublisher, lia_publisher, G_TYPE_OBJECT)

static void
lia_publisher_default_init (LiaPublisherInterface *iface)
{
}

void
lia_publish_result_clear (LiaPublishResult *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->remote_href, g_free);
  g_clear_pointer (&result->remote_etag, g_free);
  g_clear_pointer (&result->remote_id, g_free);
}

LiaPublisher *
lia_publisher_new (const LiaTarget          *target,
                   LiaHttp                  *http,
                   const LiaPublishContext  *context,
                   GError                  **error)
{
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (target->kind == LIA_TARGET_FOLDER || LIA_IS_HTTP (http), NULL);

  switch (target->kind)
    {
    case LIA_TARGET_FOLDER:
      return lia_folder_publisher_new (target, context);
    case LIA_TARGET_WEBDAV:
      return lia_webdav_publisher_new (target, http, context);
    case LIA_TARGET_CALDAV:
      return lia_caldav_publisher_new (target, http, context);
    case LIA_TARGET_TEC:
      return lia_tec_publisher_new (target, http, context);
    default:
      g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_FAILED,
                   _("Liaison does not know how to publish to this kind of target."));
      return NULL;
    }
}

GPtrArray *
lia_publisher_build_items (LiaPublisher  *self,
                           LiaStore      *store,
                           GArray        *event_ids,
                           GError       **error)
{
  g_return_val_if_fail (LIA_IS_PUBLISHER (self), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (event_ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return LIA_PUBLISHER_GET_IFACE (self)->build_items (self, store, event_ids, error);
}

gboolean
lia_publisher_prepare (LiaPublisher  *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  LiaPublisherInterface *iface;

  g_return_val_if_fail (LIA_IS_PUBLISHER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = LIA_PUBLISHER_GET_IFACE (self);
  if (iface->prepare == NULL)
    return TRUE;

  return iface->prepare (self, cancellable, error);
}

gboolean
lia_publisher_apply (LiaPublisher          *self,
                     const LiaPublishStep  *step,
                     LiaPublishResult      *result,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_return_val_if_fail (LIA_IS_PUBLISHER (self), FALSE);
  g_return_val_if_fail (step != NULL && result != NULL, FALSE);
  g_return_val_if_fail (step->action != LIA_PUBLISH_CONFLICT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return LIA_PUBLISHER_GET_IFACE (self)->apply (self, step, result, cancellable, error);
}

GBytes *
lia_publisher_fetch_remote (LiaPublisher            *self,
                            const LiaPublishRecord  *record,
                            char                   **etag,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  g_return_val_if_fail (LIA_IS_PUBLISHER (self), NULL);
  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (etag != NULL)
    *etag = NULL;

  return LIA_PUBLISHER_GET_IFACE (self)->fetch_remote (self, record, etag, cancellable, error);
}
