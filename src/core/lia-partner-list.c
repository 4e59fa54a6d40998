/* lia-partner-list.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The partners page's model. It holds ids only (lia_store_query_partner_ids,
 * a few milliseconds for 5,000 partners) and loads a LiaPartner when a row
 * asks for it, so a list of thousands costs what its visible rows cost. The
 * CACHE_SIZE most recently used partners are kept.
 *
 * The store's "changed" drops the changed partner from the cache at once and
 * schedules one refresh for the whole burst (an import changes hundreds): the
 * ids are queried again and only the range that differs is announced, plus
 * the rows of the changed partners, so the view keeps its scroll position and
 * rebinds those rows with fresh objects. A "changed" with id 0 (an import
 * through another connection) empties the cache and announces every row.
 */

#define G_LOG_DOMAIN "lia-partner-list"

#include "config.h"

#include "lia-partner-list.h"

#define CACHE_SIZE      256
#define MAX_DIRTY_ROWS  64  /* more changed partners than this: announce everything */

typedef struct
{
  GList       link;     /* in lru; data points at the entry */
  gint64      id;
  LiaPartner *partner;  /* Owned */
} CacheEntry;

struct _LiaPartnerList
{
  GObject          parent_instance;

  /* Owned */
  LiaStore        *store;
  GArray          *ids;       /* gint64, in the query's order */
  GHashTable      *cache;     /* &entry->id -> CacheEntry */
  GQueue           lru;       /* of CacheEntry, most recently used first */
  GArray          *dirty;     /* gint64 ids changed since the last refresh */
  char            *text;
  char            *owner;
  guint            refresh_id;
  gboolean         reload_all;  /* "changed" with id 0 since the last refresh */

  /* text and owner point at the two strings above */
  LiaPartnerQuery  query;
};

static void lia_partner_list_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaPartnerList, lia_partner_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      lia_partner_list_list_model_iface_init))

enum { PROP_0, PROP_STORE, PROP_N_ITEMS, N_PROPS };

static GParamSpec *properties [N_PROPS];

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_clear_object (&entry->partner);
  g_free (entry);
}

static void
uncache (LiaPartnerList *self,
         CacheEntry     *entry)
{
  g_queue_unlink (&self->lru, &entry->link);
  g_hash_table_remove (self->cache, &entry->id);
}

static void
cache (LiaPartnerList *self,
       gint64          id,
       LiaPartner     *partner)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  entry->id = id;
  entry->partner = g_object_ref (partner);
  entry->link.data = entry;
  g_queue_push_head_link (&self->lru, &entry->link);
  g_hash_table_insert (self->cache, &entry->id, entry);

  while (self->lru.length > CACHE_SIZE)
    uncache (self, self->lru.tail->data);
}

static gint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return -1;
}

/* Takes @ids and announces what differs from the current ids: the run
 * between their common beginning and common end. */
static void
replace_ids (LiaPartnerList *self,
             GArray         *ids,
             guint          *changed_start,
             guint          *changed_end)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->ids);
  const gint64 *a = (const gint64 *)old->data;
  const gint64 *b = (const gint64 *)ids->data;
  guint old_n = old->len, new_n = ids->len;
  guint prefix = 0, suffix = 0;

  self->ids = ids;

  while (prefix < old_n && prefix < new_n && a[prefix] == b[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         a[old_n - 1 - suffix] == b[new_n - 1 - suffix])
    suffix++;

  *changed_start = prefix;
  *changed_end = new_n - suffix;

  if (prefix == old_n && old_n == new_n)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_n - prefix - suffix,
                              new_n - prefix - suffix);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/* Announces the rows of the partners that changed in place, whose objects
 * the cache no longer holds. */
static void
announce_dirty_rows (LiaPartnerList *self,
                     guint           changed_start,
                     guint           changed_end)
{
  if (self->reload_all || self->dirty->len > MAX_DIRTY_ROWS)
    {
      if (self->ids->len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, self->ids->len, self->ids->len);
      return;
    }

  for (guint i = 0; i < self->dirty->len; i++)
    {
      gint position = find_id (self->ids, g_array_index (self->dirty, gint64, i));

      if (position >= 0 && ((guint)position < changed_start || (guint)position >= changed_end))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
}

static void
refresh (LiaPartnerList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;
  guint changed_start, changed_end;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  ids = lia_store_query_partner_ids (self->store, &self->query, NULL, &error);
  if (ids == NULL)
    {
      g_warning ("Could not list the partners: %s", error->message);
      g_array_set_size (self->dirty, 0);
      return;
    }

  replace_ids (self, ids, &changed_start, &changed_end);
  announce_dirty_rows (self, changed_start, changed_end);
  g_array_set_size (self->dirty, 0);
  self->reload_all = FALSE;
}

static gboolean
refresh_cb (gpointer data)
{
  LiaPartnerList *self = data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* For a contact, agreement, expectation or interaction the store also
 * reports its partner, which is all this list shows. */
static void
on_store_changed_cb (LiaPartnerList *self,
                     LiaRecordKind   kind,
                     gint64          id,
                     LiaStore       *store)
{
  CacheEntry *entry;

  if (kind != LIA_RECORD_PARTNER)
    return;

  /* Id 0: any partner may have changed (lia_store_emit_reloaded). */
  if (id == 0)
    {
      g_queue_init (&self->lru);
      g_hash_table_remove_all (self->cache);
      self->reload_all = TRUE;
    }
  else
    {
      if ((entry = g_hash_table_lookup (self->cache, &id)))
        uncache (self, entry);

      g_array_append_val (self->dirty, id);
    }

  /* Before GTK lays out and draws the next frame. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

static GType
lia_partner_list_get_item_type (GListModel *model)
{
  return LIA_TYPE_PARTNER;
}

static guint
lia_partner_list_get_n_items (GListModel *model)
{
  LiaPartnerList *self = LIA_PARTNER_LIST (model);

  return self->ids->len;
}

static gpointer
lia_partner_list_get_item (GListModel *model,
                           guint       position)
{
  LiaPartnerList *self = LIA_PARTNER_LIST (model);
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  CacheEntry *entry;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);

  if ((entry = g_hash_table_lookup (self->cache, &id)))
    {
      g_queue_unlink (&self->lru, &entry->link);
      g_queue_push_head_link (&self->lru, &entry->link);
      return g_object_ref (entry->partner);
    }

  if (!(partner = lia_store_get_partner (self->store, id, &error)))
    {
      /* Gone between a change and its refresh: the refresh removes it. */
      if (g_error_matches (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND))
        g_debug ("Partner %" G_GINT64_FORMAT " is gone", id);
      else
        g_warning ("Could not load partner %" G_GINT64_FORMAT ": %s", id, error->message);
      partner = lia_partner_new ();
      lia_partner_set_id (partner, id);
      return g_steal_pointer (&partner);
    }

  cache (self, id, partner);

  return g_steal_pointer (&partner);
}

static void
lia_partner_list_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lia_partner_list_get_item_type;
  iface->get_n_items = lia_partner_list_get_n_items;
  iface->get_item = lia_partner_list_get_item;
}

static void
lia_partner_list_constructed (GObject *object)
{
  LiaPartnerList *self = (LiaPartnerList *)object;

  G_OBJECT_CLASS (lia_partner_list_parent_class)->constructed (object);

  g_assert (LIA_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
lia_partner_list_dispose (GObject *object)
{
  LiaPartnerList *self = (LiaPartnerList *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  G_OBJECT_CLASS (lia_partner_list_parent_class)->dispose (object);
}

static void
lia_partner_list_finalize (GObject *object)
{
  LiaPartnerList *self = (LiaPartnerList *)object;

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_queue_init (&self->lru);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->dirty, g_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_partner_list_parent_class)->finalize (object);
}

static void
lia_partner_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaPartnerList *self = LIA_PARTNER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_partner_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaPartnerList *self = LIA_PARTNER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_partner_list_class_init (LiaPartnerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lia_partner_list_constructed;
  object_class->dispose = lia_partner_list_dispose;
  object_class->finalize = lia_partner_list_finalize;
  object_class->get_property = lia_partner_list_get_property;
  object_class->set_property = lia_partner_list_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_partner_list_init (LiaPartnerList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->dirty = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, cache_entry_free);
  g_queue_init (&self->lru);
  lia_partner_query_init (&self->query);
}

LiaPartnerList *
lia_partner_list_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_PARTNER_LIST, "store", store, NULL);
}

LiaStore *
lia_partner_list_get_store (LiaPartnerList *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER_LIST (self), NULL);

  return self->store;
}

/**
 * lia_partner_list_set_query:
 * @self: a #LiaPartnerList
 * @query: the partners to show and their order; copied
 *
 * Queries the ids again and announces the rows that differ.
 */
void
lia_partner_list_set_query (LiaPartnerList        *self,
                            const LiaPartnerQuery *query)
{
  char *text, *owner;

  g_return_if_fail (LIA_IS_PARTNER_LIST (self));
  g_return_if_fail (query != NULL);

  /* Copied first: @query may hold this list's own strings. */
  text = g_strdup (query->text);
  owner = g_strdup (query->owner);
  g_free (self->text);
  g_free (self->owner);

  self->query = *query;
  self->query.text = self->text = text;
  self->query.owner = self->owner = owner;

  refresh (self);
}
