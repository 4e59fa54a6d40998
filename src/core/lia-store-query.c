/* lia-store-query.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The partner list's query: the ids of the partners a LiaPartnerQuery
 * selects, in its order, from one SQL statement over the indexes of
 * 0001-initial.sql and 0006-today-and-list-reads.sql. No partner is loaded
 * here; LiaPartnerList materialises the rows that are shown.
 *
 * The whole list is a walk of one index: partner_sort_idx by name,
 * partner_last_contact_idx by last contact and partner_next_due_idx by next
 * due (columns the triggers of 0006 keep).
 */

#define G_LOG_DOMAIN "lia-store-query"

#include "config.h"

#include "lia-partner-list.h"
#include "lia-search-private.h"
#include "lia-store-private.h"

/* The order of partner_sort_idx, so sorting by name walks the index. */
#define BY_NAME " p.sort_name, p.name, p.id"

static const char *
nick_or_null (GType type,
              int   value)
{
  return value < 0 ? NULL : lia_enum_to_nick (type, value);
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  g_assert (index > 0);
  sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

void
lia_partner_query_init (LiaPartnerQuery *q)
{
  g_return_if_fail (q != NULL);

  q->text = NULL;
  q->status = -1;
  q->kind = -1;
  q->owner = NULL;
  q->tier = -1;
  q->stale_only = FALSE;
  q->sort = LIA_PARTNER_SORT_NAME;
}

/**
 * lia_store_query_partner_ids:
 * @self: a #LiaStore
 * @query: what to select and how to sort it
 * @now: (nullable): the moment staleness is measured against; %NULL for the
 *   store's clock
 * @error: return location for a #GError
 *
 * Selects the partners outside the trash that pass every filter of @query:
 * status, kind, owner, promotion tier, stale information, and text (each
 * word a prefix of a word of the partner's name, description, services,
 * address, e-mail, website or notes; text without a word selects
 * everything). Sorts by name (case folded), by last contact (newest first,
 * never contacted last) or by next due day (soonest first, nothing due
 * last), then by name.
 *
 * Returns: (transfer full) (element-type gint64): the partners' ids, in order
 */
GArray *
lia_store_query_partner_ids (LiaStore               *self,
                             const LiaPartnerQuery  *query,
                             GDateTime              *now,
                             GError                **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) store_now = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *match = NULL;
  const char *status, *kind, *tier;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  status = nick_or_null (LIA_TYPE_PARTNER_STATUS, query->status);
  kind = nick_or_null (LIA_TYPE_PARTNER_KIND, query->kind);
  tier = nick_or_null (LIA_TYPE_PROMOTION_TIER, query->tier);

  g_return_val_if_fail (query->status < 0 || status != NULL, NULL);
  g_return_val_if_fail (query->kind < 0 || kind != NULL, NULL);
  g_return_val_if_fail (query->tier < 0 || tier != NULL, NULL);
  g_return_val_if_fail (query->sort <= LIA_PARTNER_SORT_NEXT_DUE, NULL);

  match = _lia_search_build_match (query->text);

  sql = g_string_new (NULL);
  g_string_append (sql, "SELECT p.id FROM partner AS p");

  /* "deleted_at IS NULL" lets the partial indexes serve. */
  g_string_append (sql, " WHERE p.deleted_at IS NULL");
  if (status != NULL)
    g_string_append (sql, " AND p.status = :status");
  if (kind != NULL)
    g_string_append (sql, " AND p.kind = :kind");
  if (query->owner != NULL)
    g_string_append (sql, " AND p.owner = :owner");
  if (tier != NULL)
    g_string_append (sql, " AND p.promotion_tier = :tier");
  if (query->stale_only)
    g_string_append (sql, " AND (" LIA_STORE_SQL_IS_STALE ")");
  if (match != NULL)
    g_string_append (sql,
                     " AND p.id IN (SELECT rowid FROM search_partner"
                     " WHERE search_partner MATCH :match)");

  switch (query->sort)
    {
    case LIA_PARTNER_SORT_LAST_CONTACT:
      g_string_append (sql, " ORDER BY " LIA_STORE_SQL_LAST_CONTACT_AT " DESC NULLS LAST," BY_NAME);
      break;

    case LIA_PARTNER_SORT_NEXT_DUE:
      /* Nothing due last: the order of partner_next_due_idx. */
      g_string_append (sql, " ORDER BY " LIA_STORE_SQL_NEXT_DUE_ON " IS NULL, " LIA_STORE_SQL_NEXT_DUE_ON "," BY_NAME);
      break;

    case LIA_PARTNER_SORT_NAME:
    default:
      g_string_append (sql, " ORDER BY" BY_NAME);
      break;
    }

  if (!(stmt = lia_database_prepare (lia_store_get_database (self), sql->str, error)))
    return NULL;

  if (status != NULL)
    bind_text (stmt, ":status", status);
  if (kind != NULL)
    bind_text (stmt, ":kind", kind);
  if (query->owner != NULL)
    bind_text (stmt, ":owner", query->owner);
  if (tier != NULL)
    bind_text (stmt, ":tier", tier);
  if (match != NULL)
    bind_text (stmt, ":match", match);
  if (query->stale_only)
    {
      if (now == NULL)
        now = store_now = _lia_store_now (self);
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"),
                          g_date_time_to_unix (now));
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 256);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (lia_store_get_database (self), rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}
