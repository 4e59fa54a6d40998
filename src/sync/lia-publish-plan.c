/* lia-publish-plan.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan is a pure difference: what the target should hold, hashed,
 * against what its records say was sent. Nothing here touches the network,
 * so a dry run and the real run see the same plan.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "lia-publish-plan.h"

static const char * const state_nicks[] = { "ok", "pending", "conflict", "failed", "deleted" };
static const char * const item_kind_nicks[] = { "event", "file" };
static const char * const action_nicks[] = { "create", "update", "delete", "conflict" };

const char *
lia_publish_state_to_nick (LiaPublishState state)
{
  g_return_val_if_fail ((guint)state < G_N_ELEMENTS (state_nicks), NULL);

  return state_nicks[state];
}

gboolean
lia_publish_state_from_nick (const char      *nick,
                             LiaPublishState *state)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (state_nicks); i++)
    if (g_str_equal (nick, state_nicks[i]))
      {
        *state = (LiaPublishState)i;
        return TRUE;
      }

  return FALSE;
}

const char *
lia_publish_action_to_nick (LiaPublishAction action)
{
  g_return_val_if_fail ((guint)action < G_N_ELEMENTS (action_nicks), NULL);

  return action_nicks[action];
}

const char *
lia_publish_action_get_label (LiaPublishAction action)
{
  switch (action)
    {
    case LIA_PUBLISH_CREATE:
      return C_("publish action", "Create");
    case LIA_PUBLISH_UPDATE:
      return C_("publish action", "Update");
    case LIA_PUBLISH_DELETE:
      return C_("publish action", "Remove");
    case LIA_PUBLISH_CONFLICT:
      return C_("publish action", "Conflict");
    default:
      g_return_val_if_reached (NULL);
    }
}

LiaPublishRecord *
lia_publish_record_copy (const LiaPublishRecord *self)
{
  LiaPublishRecord *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->item = g_strdup (self->item);
  copy->remote_href = g_strdup (self->remote_href);
  copy->remote_etag = g_strdup (self->remote_etag);
  copy->remote_id = g_strdup (self->remote_id);
  copy->content_hash = g_strdup (self->content_hash);
  copy->last_error = g_strdup (self->last_error);

  return copy;
}

void
lia_publish_record_free (LiaPublishRecord *self)
{
  if (self == NULL)
    return;

  g_free (self->item);
  g_free (self->remote_href);
  g_free (self->remote_etag);
  g_free (self->remote_id);
  g_free (self->content_hash);
  g_free (self->last_error);
  g_free (self);
}

GHashTable *
lia_publish_records_load (LiaDatabase  *database,
                          gint64        target_id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) records = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_DATABASE (database), NULL);

  if (!(stmt = lia_database_prepare (database,
                                     "SELECT id, item_kind, item, remote_href, remote_etag, remote_id,"
                                     " content_hash, published_at, state, last_error"
                                     " FROM publish_record WHERE target_id = ?1",
                                     error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, target_id);

  records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)lia_publish_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaPublishRecord *record = g_new0 (LiaPublishRecord, 1);
      const char *kind = (const char *)sqlite3_column_text (stmt, 1);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->target_id = target_id;
      record->item_kind = g_strcmp0 (kind, "file") == 0 ? LIA_PUBLISH_ITEM_FILE : LIA_PUBLISH_ITEM_EVENT;
      record->item = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      record->remote_href = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      record->remote_etag = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      record->remote_id = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      record->content_hash = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      record->published_at = sqlite3_column_int64 (stmt, 7);
      if (!lia_publish_state_from_nick ((const char *)sqlite3_column_text (stmt, 8), &record->state))
        record->state = LIA_PUBLISH_STATE_PENDING;
      record->last_error = g_strdup ((const char *)sqlite3_column_text (stmt, 9));
      g_hash_table_replace (records, record->item, record);
    }
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

gboolean
lia_publish_record_save (LiaPublishRecord  *self,
                         LiaDatabase       *database,
                         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LIA_IS_DATABASE (database), FALSE);

  /* One statement is one transaction in autocommit mode: the record is on
   * disk before the next step is looked at. */
  if (!(stmt = lia_database_prepare (database,
                                     "INSERT INTO publish_record (target_id, item_kind, item, remote_href,"
                                     " remote_etag, remote_id, content_hash, published_at, state, last_error)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                                     " ON CONFLICT (target_id, item_kind, item) DO UPDATE SET"
                                     " remote_href = excluded.remote_href, remote_etag = excluded.remote_etag,"
                                     " remote_id = excluded.remote_id, content_hash = excluded.content_hash,"
                                     " published_at = excluded.published_at, state = excluded.state,"
                                     " last_error = excluded.last_error"
                                     " RETURNING id",
                                     error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->target_id);
  sqlite3_bind_text (stmt, 2, item_kind_nicks[self->item_kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->item, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 4, self->remote_href);
  bind_text_or_null (stmt, 5, self->remote_etag);
  bind_text_or_null (stmt, 6, self->remote_id);
  bind_text_or_null (stmt, 7, self->content_hash);
  if (self->published_at > 0)
    sqlite3_bind_int64 (stmt, 8, self->published_at);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_text (stmt, 9, state_nicks[self->state], -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 10, self->last_error);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (database, rc, error);
  self->id = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);

  return TRUE;
}

LiaPublishItem *
lia_publish_item_new (LiaPublishItemKind  item_kind,
                      const char         *item,
                      const char         *title,
                      GBytes             *content,
                      const char         *content_type)
{
  LiaPublishItem *self;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (content != NULL, NULL);

  self = g_new0 (LiaPublishItem, 1);
  self->item_kind = item_kind;
  self->item = g_strdup (item);
  self->title = g_strdup (title != NULL ? title : item);
  self->content = content;
  self->content_type = g_strdup (content_type);
  self->content_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);

  return self;
}

void
lia_publish_item_free (LiaPublishItem *self)
{
  if (self == NULL)
    return;

  g_free (self->item);
  g_free (self->title);
  g_clear_pointer (&self->content, g_bytes_unref);
  g_free (self->content_type);
  g_free (self->content_hash);
  g_free (self);
}

void
lia_publish_step_free (LiaPublishStep *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->item, lia_publish_item_free);
  g_clear_pointer (&self->record, lia_publish_record_free);
  g_free (self);
}

void
lia_publish_plan_free (LiaPublishPlan *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->target, lia_target_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self);
}

static LiaPublishStep *
step_new (LiaPublishAction  action,
          LiaPublishItem   *item,
          LiaPublishRecord *record)
{
  LiaPublishStep *step = g_new0 (LiaPublishStep, 1);

  step->action = action;
  step->item = item;
  step->record = record != NULL ? lia_publish_record_copy (record) : NULL;
  step->title = item != NULL ? item->title : step->record->item;

  return step;
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const LiaPublishRecord *ra = *(LiaPublishRecord * const *)a;
  const LiaPublishRecord *rb = *(LiaPublishRecord * const *)b;

  return g_strcmp0 (ra->item, rb->item);
}

LiaPublishPlan *
lia_publish_plan_diff (const LiaTarget *target,
                       GPtrArray       *items,
                       GHashTable      *records)
{
  g_autoptr(GPtrArray) owned = items;
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new ();
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  LiaPublishPlan *plan;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (records != NULL, NULL);

  plan = g_new0 (LiaPublishPlan, 1);
  plan->target = lia_target_copy (target);
  plan->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_publish_step_free);

  /* Items keep the order the publisher built them in (events by start). */
  g_ptr_array_set_free_func (owned, NULL);
  for (guint i = 0; i < owned->len; i++)
    {
      LiaPublishItem *item = g_ptr_array_index (owned, i);
      LiaPublishRecord *record = g_hash_table_lookup (records, item->item);

      if (g_hash_table_contains (wanted, item->item))
        {
          /* Two events with one uid: the first wins, as on a server. */
          lia_publish_item_free (item);
          continue;
        }
      g_hash_table_add (wanted, g_strdup (item->item));

      if (record != NULL && record->state == LIA_PUBLISH_STATE_CONFLICT)
        {
          g_ptr_array_add (conflicts, step_new (LIA_PUBLISH_CONFLICT, item, record));
          continue;
        }
      if (record != NULL && record->state == LIA_PUBLISH_STATE_OK &&
          g_strcmp0 (record->content_hash, item->content_hash) == 0)
        {
          plan->n_unchanged++;
          lia_publish_item_free (item);
          continue;
        }

      /* Never reached the server (no href), or deleted since: a create;
       * the publisher still looks for a copy a lost response left behind. */
      if (record == NULL || record->state == LIA_PUBLISH_STATE_DELETED || record->remote_href == NULL)
        {
          g_ptr_array_add (plan->steps, step_new (LIA_PUBLISH_CREATE, item, record));
          plan->n_create++;
        }
      else
        {
          g_ptr_array_add (plan->steps, step_new (LIA_PUBLISH_UPDATE, item, record));
          plan->n_update++;
        }
    }

  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LiaPublishRecord *record = value;

      if (g_hash_table_contains (wanted, record->item) || record->state == LIA_PUBLISH_STATE_DELETED)
        continue;
      /* Even one never sent is a delete: its create may have reached the
       * server before the run stopped; the job asks only when it can. */
      g_ptr_array_add (gone, record);
    }
  g_ptr_array_sort (gone, compare_records);
  for (guint i = 0; i < gone->len; i++)
    {
      LiaPublishRecord *record = g_ptr_array_index (gone, i);

      if (record->state == LIA_PUBLISH_STATE_CONFLICT)
        {
          g_ptr_array_add (conflicts, step_new (LIA_PUBLISH_CONFLICT, NULL, record));
          continue;
        }
      g_ptr_array_add (plan->steps, step_new (LIA_PUBLISH_DELETE, NULL, record));
      plan->n_delete++;
    }

  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (plan->steps, g_ptr_array_index (conflicts, i));
  plan->n_conflict = conflicts->len;

  return plan;
}
