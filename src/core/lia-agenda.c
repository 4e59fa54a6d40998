/* lia-agenda.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-agenda"

#include "config.h"

#include <string.h>

#include "lia-agenda.h"
#include "lia-store-private.h"

/* Days read per query: a crowded calendar fills the screen with one day
 * (hundreds of events on the benchmark's), a quiet one needs weeks; the
 * window doubles from one day up to this while little comes. */
#define MAX_WINDOW_DAYS 14
/* Asked for an item this close to the end, the model reads the next window. */
#define PREFETCH_ITEMS 40
/* What a reload reads before it returns, so the first screen is full. */
#define FIRST_ITEMS 60

struct _LiaAgendaItem
{
  GObject             parent_instance;

  LiaAgendaItemKind   kind;
  GDate               day;
  LiaEventOccurrence  occurrence;
};

G_DEFINE_FINAL_TYPE (LiaAgendaItem, lia_agenda_item, G_TYPE_OBJECT)

static void
lia_agenda_item_finalize (GObject *object)
{
  LiaAgendaItem *self = (LiaAgendaItem *)object;

  lia_event_occurrence_clear (&self->occurrence);

  G_OBJECT_CLASS (lia_agenda_item_parent_class)->finalize (object);
}

static void
lia_agenda_item_class_init (LiaAgendaItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_agenda_item_finalize;
}

static void
lia_agenda_item_init (LiaAgendaItem *self)
{
  g_date_clear (&self->day, 1);
}

LiaAgendaItemKind
lia_agenda_item_get_kind (LiaAgendaItem *self)
{
  g_return_val_if_fail (LIA_IS_AGENDA_ITEM (self), LIA_AGENDA_ITEM_DAY);

  return self->kind;
}

const GDate *
lia_agenda_item_get_day (LiaAgendaItem *self)
{
  g_return_val_if_fail (LIA_IS_AGENDA_ITEM (self), NULL);

  return &self->day;
}

const LiaEventOccurrence *
lia_agenda_item_get_occurrence (LiaAgendaItem *self)
{
  g_return_val_if_fail (LIA_IS_AGENDA_ITEM (self), NULL);

  return self->kind == LIA_AGENDA_ITEM_OCCURRENCE ? &self->occurrence : NULL;
}

struct _LiaAgenda
{
  GObject        parent_instance;

  LiaStore      *store;
  GTimeZone     *zone;
  LiaEventQuery  query;
  char          *query_text;
  char          *query_category;
  GDate          start_day;
  GPtrArray     *items;        /* LiaAgendaItem */
  int            loaded_days;  /* whole days from start_day read so far */
  gint64         read_until;   /* UTC: read up to here, within the next day */
  int            window_days;  /* the next window's length */
  GDate          last_day;     /* the day of the last heading */
  guint          load_idle;
  gulong         changed_handler;
};

static void lia_agenda_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaAgenda, lia_agenda, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lia_agenda_list_model_init))

static gint64
day_start_utc (LiaAgenda   *self,
               const GDate *day,
               int          offset)
{
  GDate date = *day;
  g_autoptr(GDateTime) midnight = NULL;

  g_date_add_days (&date, offset);
  midnight = g_date_time_new (self->zone, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

/* The day an occurrence is listed under: its first day, in the library's
 * zone; all-day events are days already (00:00 UTC). */
static void
occurrence_day (LiaAgenda                *self,
                const LiaEventOccurrence *occurrence,
                GDate                    *day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (occurrence->start_utc);
  g_autoptr(GDateTime) local = NULL;

  if (occurrence->all_day)
    local = g_date_time_ref (utc);
  else
    local = g_date_time_to_timezone (utc, self->zone);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

static void
take_occurrence (LiaAgendaItem      *item,
                 LiaEventOccurrence *occurrence)
{
  item->occurrence = *occurrence;
  /* The item owns the strings now. */
  memset (occurrence, 0, sizeof *occurrence);
}

/* Reads one more window of days and appends its items; returns how many
 * were added. A window ends early where it would hold more than a screen
 * (FIRST_ITEMS starts, from the indexes): on a crowded day the first read
 * stays about a screen long, where the whole day was 2,771 occurrences on
 * the huge benchmark dataset. The next window goes on from there. */
static guint
load_window (LiaAgenda *self)
{
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from, to, window_end;
  guint before = self->items->len;
  gboolean first;

  if (self->store == NULL || self->loaded_days >= LIA_AGENDA_HORIZON_DAYS)
    return 0;

  from = day_start_utc (self, &self->start_day, self->loaded_days);
  first = self->loaded_days == 0 && self->read_until <= from;
  from = MAX (from, self->read_until);
  window_end = day_start_utc (self, &self->start_day, self->loaded_days + self->window_days);

  /* More than a screen starting at the very second the window does (the
   * all-day events of a day, on a crowded calendar): that second alone. */
  if (!_lia_store_find_nth_start (self->store, from, window_end, FIRST_ITEMS, &to, &error) ||
      (to <= from && !_lia_store_find_nth_start (self->store, from + 1, window_end, 0, &to, &error)))
    {
      g_warning ("The agenda could not be read: %s", error->message);
      self->loaded_days = LIA_AGENDA_HORIZON_DAYS;
      return 0;
    }

  self->read_until = to;
  if (to == window_end)
    self->loaded_days += self->window_days;

  occurrences = lia_store_list_occurrences (self->store, &self->query, from, to, 0, &error);
  if (occurrences == NULL)
    {
      g_warning ("The agenda could not be read: %s", error->message);
      self->loaded_days = LIA_AGENDA_HORIZON_DAYS;
      return 0;
    }

  for (guint i = 0; i < occurrences->len; i++)
    {
      LiaEventOccurrence *occurrence = &g_array_index (occurrences, LiaEventOccurrence, i);
      LiaAgendaItem *item;
      GDate day;

      /* An occurrence that overlaps two windows belongs to the one it
       * starts in; the first window also lists what is already going on. */
      if (occurrence->start_utc < from && !first)
        continue;

      occurrence_day (self, occurrence, &day);
      if (g_date_compare (&day, &self->start_day) < 0)
        day = self->start_day;

      if (!g_date_valid (&self->last_day) || g_date_compare (&day, &self->last_day) != 0)
        {
          LiaAgendaItem *heading = g_object_new (LIA_TYPE_AGENDA_ITEM, NULL);

          heading->kind = LIA_AGENDA_ITEM_DAY;
          heading->day = day;
          g_ptr_array_add (self->items, heading);
          self->last_day = day;
        }

      item = g_object_new (LIA_TYPE_AGENDA_ITEM, NULL);
      item->kind = LIA_AGENDA_ITEM_OCCURRENCE;
      item->day = day;
      take_occurrence (item, occurrence);
      g_ptr_array_add (self->items, item);
    }

  if (self->items->len - before < FIRST_ITEMS)
    self->window_days = MIN (self->window_days * 2, MAX_WINDOW_DAYS);

  return self->items->len - before;
}

static gboolean
load_idle_cb (gpointer data)
{
  LiaAgenda *self = data;

  self->load_idle = 0;
  lia_agenda_load_more (self);

  return G_SOURCE_REMOVE;
}

static GType
lia_agenda_get_item_type (GListModel *model)
{
  return LIA_TYPE_AGENDA_ITEM;
}

static guint
lia_agenda_get_n_items (GListModel *model)
{
  return LIA_AGENDA (model)->items->len;
}

static gpointer
lia_agenda_get_item (GListModel *model,
                     guint       position)
{
  LiaAgenda *self = LIA_AGENDA (model);

  if (position >= self->items->len)
    return NULL;

  /* Near the end: read on, after this call (the list is being asked, not
   * changed, now). */
  if (position + PREFETCH_ITEMS >= self->items->len && !lia_agenda_is_complete (self) &&
      self->load_idle == 0)
    self->load_idle = g_idle_add (load_idle_cb, self);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
lia_agenda_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lia_agenda_get_item_type;
  iface->get_n_items = lia_agenda_get_n_items;
  iface->get_item = lia_agenda_get_item;
}

static void
on_store_changed_cb (LiaAgenda     *self,
                     LiaRecordKind  kind,
                     gint64         id,
                     LiaStore      *store)
{
  /* A partner's name shows on its events. */
  if (kind == LIA_RECORD_EVENT || (kind == LIA_RECORD_PARTNER && id == 0))
    lia_agenda_reload (self);
}

static void
lia_agenda_dispose (GObject *object)
{
  LiaAgenda *self = (LiaAgenda *)object;

  g_clear_handle_id (&self->load_idle, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_agenda_parent_class)->dispose (object);
}

static void
lia_agenda_finalize (GObject *object)
{
  LiaAgenda *self = (LiaAgenda *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->query_category, g_free);

  G_OBJECT_CLASS (lia_agenda_parent_class)->finalize (object);
}

static void
lia_agenda_class_init (LiaAgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_agenda_dispose;
  object_class->finalize = lia_agenda_finalize;
}

static void
lia_agenda_init (LiaAgenda *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  lia_event_query_init (&self->query);
  g_date_clear (&self->start_day, 1);
  g_date_clear (&self->last_day, 1);
}

/**
 * lia_agenda_new:
 * @store: the database
 * @zone: the library's time zone
 *
 * Returns: (transfer full): an agenda from today, of every event
 */
LiaAgenda *
lia_agenda_new (LiaStore  *store,
                GTimeZone *zone)
{
  LiaAgenda *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) here = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (LIA_TYPE_AGENDA, NULL);
  self->store = g_object_ref (store);
  self->zone = g_time_zone_ref (zone);
  self->changed_handler = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                                                   self, G_CONNECT_SWAPPED);

  now = lia_store_dup_now (store);
  here = g_date_time_to_timezone (now, zone);
  g_date_set_dmy (&self->start_day, g_date_time_get_day_of_month (here),
                  g_date_time_get_month (here), g_date_time_get_year (here));
  lia_agenda_reload (self);

  return self;
}

void
lia_agenda_set_query (LiaAgenda           *self,
                      const LiaEventQuery *query)
{
  g_return_if_fail (LIA_IS_AGENDA (self));

  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->query_category, g_free);

  if (query == NULL)
    lia_event_query_init (&self->query);
  else
    {
      self->query = *query;
      self->query_text = g_strdup (query->text);
      self->query_category = g_strdup (query->category);
    }
  /* The agenda keeps its own copies of the strings. */
  self->query.text = self->query_text;
  self->query.category = self->query_category;

  lia_agenda_reload (self);
}

void
lia_agenda_set_start_day (LiaAgenda   *self,
                          const GDate *day)
{
  g_return_if_fail (LIA_IS_AGENDA (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->start_day = *day;
  lia_agenda_reload (self);
}

/**
 * lia_agenda_reload:
 * @self: a #LiaAgenda
 *
 * Reads the agenda again from its start day: after a change of the
 * events, the query or the day.
 */
void
lia_agenda_reload (LiaAgenda *self)
{
  guint removed;

  g_return_if_fail (LIA_IS_AGENDA (self));

  g_clear_handle_id (&self->load_idle, g_source_remove);

  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  self->loaded_days = 0;
  self->read_until = G_MININT64;
  self->window_days = 1;
  g_date_clear (&self->last_day, 1);

  while (self->items->len < FIRST_ITEMS && !lia_agenda_is_complete (self))
    load_window (self);

  if (removed > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

gboolean
lia_agenda_load_more (LiaAgenda *self)
{
  guint before;
  guint added = 0;

  g_return_val_if_fail (LIA_IS_AGENDA (self), FALSE);

  before = self->items->len;

  /* Quiet weeks add nothing: read on until something comes, or the end. */
  while (added == 0 && !lia_agenda_is_complete (self))
    added = load_window (self);

  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, added);

  return !lia_agenda_is_complete (self);
}

gboolean
lia_agenda_is_complete (LiaAgenda *self)
{
  g_return_val_if_fail (LIA_IS_AGENDA (self), TRUE);

  return self->store == NULL || self->loaded_days >= LIA_AGENDA_HORIZON_DAYS;
}

/**
 * lia_store_list_event_categories:
 * @store: a #LiaStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the categories in use, sorted
 */
/* The categories are a few dozen names over many events: the query hops
 * from one name to the next in event_category_category_idx and keeps
 * those with an event outside the trash, usually its first. DISTINCT over
 * the join read every event's categories and the event row of each
 * (140 ms on the large benchmark dataset, 1 ms now). */
#define CATEGORIES_SQL \
  "WITH RECURSIVE c (category) AS (" \
  "SELECT min (category) FROM event_category" \
  " UNION ALL " \
  "SELECT (SELECT min (x.category) FROM event_category AS x WHERE x.category > c.category)" \
  " FROM c WHERE c.category IS NOT NULL) " \
  "SELECT category FROM c WHERE category IS NOT NULL" \
  " AND EXISTS (SELECT 1 FROM event_category AS x JOIN event AS e ON e.id = x.event_id" \
  " WHERE x.category = c.category AND e.deleted_at IS NULL)" \
  " ORDER BY category"

GStrv
lia_store_list_event_categories (LiaStore  *store,
                                 GError   **error)
{
  LiaDatabase *database;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  database = lia_store_get_database (store);
  if (!(stmt = lia_database_prepare_cached (database,
                                            CATEGORIES_SQL,
                                            error)))
    return NULL;

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * lia_store_list_partner_names:
 * @store: a #LiaStore
 * @ids: (out) (transfer full): the partners' ids, in the same order
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the partners' names
 */
GStrv
lia_store_list_partner_names (LiaStore  *store,
                              GArray   **ids,
                              GError   **error)
{
  LiaDatabase *database;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  database = lia_store_get_database (store);
  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT id, name FROM partner INDEXED BY partner_sort_idx"
                                            " WHERE deleted_at IS NULL ORDER BY sort_name, name",
                                            error)))
    return NULL;

  builder = g_strv_builder_new ();
  found = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (found, id);
      g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 1));
    }

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  *ids = g_steal_pointer (&found);

  return g_strv_builder_end (builder);
}
