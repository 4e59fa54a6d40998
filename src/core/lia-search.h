/* lia-search.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-store.h"

G_BEGIN_DECLS

/* One hit of lia_store_search(). @partner_id is the partner the record
 * belongs to (a partner's own id for a partner); @snippet is plain text from
 * the record's body around the words found, "…" where it was cut. */
typedef struct
{
  LiaRecordKind  kind;
  gint64         id;
  gint64         partner_id;
  char          *title;
  char          *snippet;
} LiaSearchResult;

#define LIA_TYPE_SEARCH_RESULT (lia_search_result_get_type ())

GType            lia_search_result_get_type (void);
LiaSearchResult *lia_search_result_copy     (const LiaSearchResult  *result);
void             lia_search_result_free     (LiaSearchResult        *result);

/* Searches partners, contacts and interactions for @text as the user typed
 * it: every word is a prefix, accents and case do not matter, and nothing in
 * @text is read as search syntax. Returns the results of each kind in that
 * order, best first, at most @limit_per_kind of each; an empty array when
 * @text holds no word. What is in the trash is never found. */
GPtrArray       *lia_store_search           (LiaStore               *self,
                                             const char             *text,
                                             guint                   limit_per_kind,
                                             GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaSearchResult, lia_search_result_free)

G_END_DECLS
