/* lia-store-occurrences.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expanded dates of repeating events (the event_occurrence table of
 * schema version 3): kept for a range of time named in the meta table,
 * widened when a window falls outside it, written again for a series when
 * it is saved. Reading a window of the calendar is then one index range
 * instead of a libical expansion of every series that runs in it.
 */

#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include "lia-recurrence.h"
#include "lia-store-private.h"

#define RANGE_FROM_KEY  "occurrences-from"
#define RANGE_TO_KEY    "occurrences-to"
#define LONGEST_KEY     "occurrences-longest"
#define SINGLE_LONGEST_KEY "events-longest"

#define DAY (24 * 60 * 60)
/* How much a range grows past the window that needed it: a year ahead
 * (the agenda and the months a coordinator pages through), half a year
 * back. */
#define MARGIN_AHEAD (365 * DAY)
#define MARGIN_BACK  (183 * DAY)

static gboolean
read_meta_int64 (LiaDatabase *database,
                 const char  *key,
                 gint64      *value)
{
  g_autofree char *text = lia_database_dup_meta (database, key);

  if (text == NULL)
    return FALSE;

  *value = g_ascii_strtoll (text, NULL, 10);

  return TRUE;
}

static gboolean
write_meta_int64 (LiaDatabase  *database,
                  const char   *key,
                  gint64        value,
                  GError      **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return lia_database_set_meta (database, key, text, error);
}

/**
 * _lia_store_occurrences_get_range:
 *
 * Returns: whether dates are kept, and for which [*from, *to)
 */
gboolean
_lia_store_occurrences_get_range (LiaStore *self,
                                  gint64   *from,
                                  gint64   *to)
{
  LiaDatabase *database = lia_store_get_database (self);

  return read_meta_int64 (database, RANGE_FROM_KEY, from) &&
         read_meta_int64 (database, RANGE_TO_KEY, to);
}

/* The longest a kept date lasts: how far before a window a date that
 * overlaps it can start. */
gint64
_lia_store_occurrences_get_longest (LiaStore *self)
{
  gint64 longest = 0;

  read_meta_int64 (lia_store_get_database (self), LONGEST_KEY, &longest);

  return longest;
}

/* Writes the dates of the series in the current row of @select (id,
 * dtstart, dtend, tzid, all_day, rrule, exdates) that start in
 * [@from, @to). */
static gboolean
write_dates (LiaDatabase   *database,
             sqlite3_stmt  *select,
             gint64         from,
             gint64         to,
             gint64        *longest,
             GError       **error)
{
  g_autoptr(GArray) dates = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LiaStmt) insert = NULL;
  gint64 series_id = sqlite3_column_int64 (select, 0);

  dates = lia_recurrence_expand ((const char *)sqlite3_column_text (select, 1),
                                 (const char *)sqlite3_column_text (select, 2),
                                 (const char *)sqlite3_column_text (select, 3),
                                 sqlite3_column_int (select, 4),
                                 (const char *)sqlite3_column_text (select, 5),
                                 (const char *)sqlite3_column_text (select, 6),
                                 from, to, 0, &local_error);
  if (dates == NULL)
    {
      /* Saved rows were validated; one written otherwise must not stop
       * the rest of the calendar. */
      g_debug ("Event %" G_GINT64_FORMAT " cannot be expanded: %s", series_id, local_error->message);
      return TRUE;
    }

  if (!(insert = lia_database_prepare_cached (database,
                                              "INSERT INTO event_occurrence (series_id, start_utc, end_utc, recurrence_id, all_day)"
                                              " VALUES (?1, ?2, ?3, ?4, ?5)",
                                              error)))
    return FALSE;

  for (guint i = 0; i < dates->len; i++)
    {
      LiaOccurrence *date = &g_array_index (dates, LiaOccurrence, i);
      int rc;

      /* A date that started before the part being written is in the
       * part before it already. */
      if (date->start_utc < from || date->start_utc >= to)
        continue;

      sqlite3_bind_int64 (insert, 1, series_id);
      sqlite3_bind_int64 (insert, 2, date->start_utc);
      sqlite3_bind_int64 (insert, 3, date->end_utc);
      sqlite3_bind_text (insert, 4, date->recurrence_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 5, sqlite3_column_int (select, 4) != 0);
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        return lia_database_set_error_from_sqlite (database, rc, error);

      *longest = MAX (*longest, date->end_utc - date->start_utc);
    }

  return TRUE;
}

#define SERIES_COLUMNS "id, dtstart, dtend, tzid, all_day, rrule, exdates"

/* The dates in [@from, @to) of every series that runs then, trashed ones
 * too (restoring one must not need its dates again). */
static gboolean
write_part (LiaDatabase  *database,
            gint64        from,
            gint64        to,
            gint64       *longest,
            GError      **error)
{
  g_autoptr(LiaStmt) select = NULL;
  int rc;

  if (from >= to)
    return TRUE;

  if (!(select = lia_database_prepare_cached (database,
                                              "SELECT " SERIES_COLUMNS " FROM event"
                                               " WHERE rrule IS NOT NULL AND recurrence_of IS NULL"
                                              " AND start_utc < ?2 AND (last_end_utc IS NULL OR last_end_utc >= ?1)",
                                              error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, from);
  sqlite3_bind_int64 (select, 2, to);

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    if (!write_dates (database, select, from, to, longest, error))
      return FALSE;

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

/**
 * _lia_store_occurrences_cover:
 * @self: a #LiaStore
 * @from: the window's start
 * @to: the window's end
 * @error: return location for a #GError
 *
 * Makes the kept range hold [@from, @to), writing the dates of the part it
 * did not hold with a margin, in one transaction. Nothing is written when
 * it held it already.
 *
 * Returns: whether the range holds the window
 */
gboolean
_lia_store_occurrences_cover (LiaStore  *self,
                              gint64     from,
                              gint64     to,
                              GError   **error)
{
  LiaDatabase *database = lia_store_get_database (self);
  gint64 kept_from = 0, kept_to = 0, new_from, new_to;
  gint64 longest = _lia_store_occurrences_get_longest (self);
  gboolean kept = _lia_store_occurrences_get_range (self, &kept_from, &kept_to);

  /* Windows are [from, to): a date starting before @from can still
   * overlap it; the kept range is about starts. */
  from -= longest;

  if (kept && from >= kept_from && to <= kept_to)
    return TRUE;

  new_from = kept ? MIN (kept_from, from - MARGIN_BACK) : from - MARGIN_BACK;
  new_to = kept ? MAX (kept_to, to + MARGIN_AHEAD) : to + MARGIN_AHEAD;
  if (kept && from >= kept_from)
    new_from = kept_from;
  if (kept && to <= kept_to)
    new_to = kept_to;

  g_debug ("Keeping the dates of repeating events from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
           new_from, new_to);

  if (!lia_database_begin (database, error))
    return FALSE;

  if (kept)
    {
      if (!write_part (database, new_from, kept_from, &longest, error) ||
          !write_part (database, kept_to, new_to, &longest, error))
        goto failed;
    }
  else
    {
      if (!lia_database_exec (database, "DELETE FROM event_occurrence", error) ||
          !write_part (database, new_from, new_to, &longest, error))
        goto failed;
    }

  if (!write_meta_int64 (database, RANGE_FROM_KEY, new_from, error) ||
      !write_meta_int64 (database, RANGE_TO_KEY, new_to, error) ||
      !write_meta_int64 (database, LONGEST_KEY, longest, error) ||
      !lia_database_commit (database, error))
    goto failed;

  return TRUE;

failed:
  lia_database_rollback (database);
  return FALSE;
}

/**
 * _lia_store_occurrences_write_series:
 * @self: a #LiaStore
 * @event_id: an event just saved
 * @error: return location for a #GError
 *
 * Writes the kept dates of @event_id again: none when it is not (or no
 * longer) a series. Runs inside the save's transaction.
 */
gboolean
_lia_store_occurrences_write_series (LiaStore  *self,
                                     gint64     event_id,
                                     GError   **error)
{
  LiaDatabase *database = lia_store_get_database (self);
  g_autoptr(LiaStmt) remove = NULL;
  g_autoptr(LiaStmt) select = NULL;
  gint64 from, to;
  gint64 longest = _lia_store_occurrences_get_longest (self);
  gint64 before = longest;
  int rc;

  if (!(remove = lia_database_prepare_cached (database,
                                              "DELETE FROM event_occurrence WHERE series_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (remove, 1, event_id);
  rc = sqlite3_step (remove);
  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  if (!_lia_store_occurrences_get_range (self, &from, &to))
    return TRUE;

  if (!(select = lia_database_prepare_cached (database,
                                              "SELECT " SERIES_COLUMNS " FROM event WHERE id = ?1"
                                              " AND rrule IS NOT NULL AND recurrence_of IS NULL",
                                              error)))
    return FALSE;
  sqlite3_bind_int64 (select, 1, event_id);

  if ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      if (!write_dates (database, select, from, to, &longest, error))
        return FALSE;
    }
  else if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  if (longest != before)
    return write_meta_int64 (database, LONGEST_KEY, longest, error);

  return TRUE;
}

/**
 * _lia_store_events_get_longest:
 *
 * The longest a single event or a changed date lasts (never less than it
 * is; it only grows): how far before a window one that overlaps it can
 * start. Read from the events once, then kept as they are saved.
 */
gint64
_lia_store_events_get_longest (LiaStore *self)
{
  LiaDatabase *database = lia_store_get_database (self);
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 longest = 0;

  if (read_meta_int64 (database, SINGLE_LONGEST_KEY, &longest))
    return longest;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT coalesce (max (last_end_utc - start_utc), 0) FROM event"
                                             " WHERE rrule IS NULL OR recurrence_of IS NOT NULL",
                                            &error)) ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      /* Without it, windows read as if events lasted a year at most. */
      g_warning ("The longest event could not be read: %s", error != NULL ? error->message : "");
      return 366 * DAY;
    }
  longest = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, lia_stmt_release);

  if (!write_meta_int64 (database, SINGLE_LONGEST_KEY, longest, &error))
    g_debug ("The longest event could not be kept: %s", error->message);

  return longest;
}

/**
 * _lia_store_occurrences_event_saved:
 * @self: a #LiaStore
 * @event_id: an event just saved
 * @is_series: whether it repeats (and is not a changed date)
 * @start_utc: its start
 * @last_end_utc: its end
 * @error: return location for a #GError
 *
 * Keeps the dates and figures of this file right after a save, inside the
 * save's transaction.
 */
gboolean
_lia_store_occurrences_event_saved (LiaStore  *self,
                                    gint64     event_id,
                                    gboolean   is_series,
                                    gint64     start_utc,
                                    gint64     last_end_utc,
                                    GError   **error)
{
  LiaDatabase *database = lia_store_get_database (self);
  gint64 longest;

  if (!_lia_store_occurrences_write_series (self, event_id, error))
    return FALSE;

  /* A series' span is not one date; only the others count here. */
  if (is_series || !read_meta_int64 (database, SINGLE_LONGEST_KEY, &longest))
    return TRUE;
  if (last_end_utc - start_utc > longest)
    return write_meta_int64 (database, SINGLE_LONGEST_KEY, last_end_utc - start_utc, error);

  return TRUE;
}
