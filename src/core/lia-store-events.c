/* lia-store-events.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's events: reading and writing the event and event_category
 * rows of 0001-initial.sql, and the calendar's occurrences.
 *
 * A series is one row with its RRULE and EXDATEs; an occurrence that was
 * moved or changed is another row (an override: recurrence_of, the series'
 * id, and recurrence_id, the occurrence's original start). start_utc and
 * last_end_utc are derived on save, so a window of the calendar reads only
 * the rows whose span meets it (event_listing_idx, event_occurrence) and
 * expands only those series; single events and overrides are placed
 * from the derived columns, without libical.
 */

#define G_LOG_DOMAIN "lia-store-events"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "lia-recurrence.h"
#include "lia-search-private.h"
#include "lia-store-private.h"
#include "lia-validate.h"

#define EVENT_COLUMNS \
  "id, uid, recurrence_of, recurrence_id, partner_id, title, summary, description, dtstart, dtend," \
  " tzid, all_day, start_utc, last_end_utc, rrule, exdates, venue_name, venue_address, venue_room," \
  " online_url, audience, cost, registration_url, accessibility, contact, image, image_url, status," \
  " promote, channels, featured, source, intake_feed_id, remote_uid, sequence, created_at, updated_at," \
  " deleted_at"

#define UID_SUFFIX "@liaison"

/* Helpers */

static gboolean
step_done (LiaDatabase   *database,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

static void
set_event_not_found_error (GError **error)
{
  g_set_error_literal (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                       _("This event is no longer in the database. It may have been deleted from the trash."));
}

static gboolean
is_valid_enum (GType type,
               int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  return g_enum_get_value (klass, value) != NULL;
}

/* 'YYYY-MM-DDTHH:MM:SS', a real day and time of day (the zone decides
 * whether the instant exists; see lia_time_to_utc). */
static gboolean
is_wall_time (const char *text)
{
  g_autofree char *day = NULL;
  static const int positions[] = { 11, 12, 14, 15, 17, 18 };

  if (text == NULL || strlen (text) != 19 || text[10] != 'T' || text[13] != ':' || text[16] != ':')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    if (!g_ascii_isdigit (text[positions[i]]))
      return FALSE;

  if (g_ascii_strtoull (text + 11, NULL, 10) > 23 ||
      g_ascii_strtoull (text + 14, NULL, 10) > 59 ||
      g_ascii_strtoull (text + 17, NULL, 10) > 59)
    return FALSE;

  day = g_strndup (text, 10);

  return lia_validate_date (day);
}

static gboolean
is_event_time (const char *text,
               gboolean    all_day)
{
  return all_day ? lia_validate_date (text) : is_wall_time (text);
}

/* What the event alone must satisfy; sets the derived span. */
static gboolean
validate_event (LiaEvent  *event,
                gint64    *start_utc,
                gint64    *last_end_utc,
                GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *dtstart = lia_event_get_dtstart (event);
  const char *dtend = lia_event_get_dtend (event);
  const char *tzid = lia_event_get_tzid (event);
  const char *rrule = lia_event_get_rrule (event);
  const char *exdates = lia_event_get_exdates (event);
  gboolean all_day = lia_event_get_all_day (event);

  if (lia_sql_is_blank (lia_event_get_title (event)))
    {
      g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_REQUIRED,
                           _("An event needs a title."));
      return FALSE;
    }

  if (lia_sql_is_blank (dtstart))
    {
      g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_REQUIRED,
                           _("An event needs a start."));
      return FALSE;
    }

  if (!is_event_time (dtstart, all_day))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE,
                   all_day ? _("The start “%s” is not a real day.")
                           : _("The start “%s” is not a real date and time."),
                   dtstart);
      return FALSE;
    }

  if (!lia_sql_is_blank (dtend) && !is_event_time (dtend, all_day))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE,
                   all_day ? _("The end “%s” is not a real day.")
                           : _("The end “%s” is not a real date and time."),
                   dtend);
      return FALSE;
    }

  /* Both in the event's zone and in the same form: text order is time order. */
  if (!lia_sql_is_blank (dtend) && strcmp (dtend, dtstart) < 0)
    {
      g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE_ORDER,
                           _("The event ends before it starts."));
      return FALSE;
    }

  if (!all_day && !lia_sql_is_blank (tzid) && !lia_time_zone_is_known (tzid))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                   _("The time zone “%s” is not one Liaison knows. Choose a time zone from the list."),
                   tzid);
      return FALSE;
    }

  if (!is_valid_enum (LIA_TYPE_EVENT_STATUS, lia_event_get_status (event)) ||
      !is_valid_enum (LIA_TYPE_AUDIENCE, lia_event_get_audience (event)) ||
      !is_valid_enum (LIA_TYPE_EVENT_SOURCE, lia_event_get_source (event)))
    {
      g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                           _("The event’s status, audience or source is not one Liaison knows."));
      return FALSE;
    }

  if ((lia_event_get_recurrence_of (event) != 0) != !lia_sql_is_blank (lia_event_get_recurrence_id (event)))
    {
      g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                           _("A changed date of a repeating event must name both the event and the date it replaces."));
      return FALSE;
    }

  if (lia_event_get_recurrence_of (event) != 0 && !lia_sql_is_blank (rrule))
    {
      g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                           _("A changed date of a repeating event cannot repeat itself."));
      return FALSE;
    }

  if (!lia_recurrence_get_span (dtstart,
                                lia_sql_is_blank (dtend) ? NULL : dtend,
                                lia_sql_is_blank (tzid) ? NULL : tzid,
                                all_day,
                                lia_sql_is_blank (rrule) ? NULL : rrule,
                                lia_sql_is_blank (exdates) ? NULL : exdates,
                                start_utc, last_end_utc, &local_error))
    {
      if (g_error_matches (local_error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_INVALID_RULE))
        g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                     _("The repeat rule “%s” could not be read."), rrule);
      else if (g_error_matches (local_error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_UNKNOWN_ZONE))
        g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                             _("Choose the time zone of the event."));
      else if (!lia_sql_is_blank (exdates))
        g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE,
                     _("The skipped dates “%s” are not all dates of the event."), exdates);
      else
        g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE,
                     _("The start “%s” is not a real date and time."), dtstart);
      return FALSE;
    }

  return TRUE;
}

static LiaEvent *
read_event (sqlite3_stmt *stmt)
{
  g_autoptr(GBytes) image = lia_sql_column_bytes (stmt, 25);
  LiaEvent *event = lia_event_new ();

  g_object_freeze_notify (G_OBJECT (event));
  lia_event_set_id (event, sqlite3_column_int64 (stmt, 0));
  lia_event_set_uid (event, lia_sql_column_text (stmt, 1));
  lia_event_set_recurrence_of (event, sqlite3_column_int64 (stmt, 2));
  lia_event_set_recurrence_id (event, lia_sql_column_text (stmt, 3));
  lia_event_set_partner_id (event, sqlite3_column_int64 (stmt, 4));
  lia_event_set_title (event, lia_sql_column_text (stmt, 5));
  lia_event_set_summary (event, lia_sql_column_text (stmt, 6));
  lia_event_set_description (event, lia_sql_column_text (stmt, 7));
  lia_event_set_dtstart (event, lia_sql_column_text (stmt, 8));
  lia_event_set_dtend (event, lia_sql_column_text (stmt, 9));
  lia_event_set_tzid (event, lia_sql_column_text (stmt, 10));
  lia_event_set_all_day (event, sqlite3_column_int (stmt, 11));
  lia_event_set_start_utc (event, sqlite3_column_int64 (stmt, 12));
  lia_event_set_last_end_utc (event, sqlite3_column_int64 (stmt, 13));
  lia_event_set_rrule (event, lia_sql_column_text (stmt, 14));
  lia_event_set_exdates (event, lia_sql_column_text (stmt, 15));
  lia_event_set_venue_name (event, lia_sql_column_text (stmt, 16));
  lia_event_set_venue_address (event, lia_sql_column_text (stmt, 17));
  lia_event_set_venue_room (event, lia_sql_column_text (stmt, 18));
  lia_event_set_online_url (event, lia_sql_column_text (stmt, 19));
  lia_event_set_audience (event, lia_sql_column_enum (stmt, 20, LIA_TYPE_AUDIENCE, LIA_AUDIENCE_ALL));
  lia_event_set_cost (event, lia_sql_column_text (stmt, 21));
  lia_event_set_registration_url (event, lia_sql_column_text (stmt, 22));
  lia_event_set_accessibility (event, lia_sql_column_text (stmt, 23));
  lia_event_set_contact (event, lia_sql_column_text (stmt, 24));
  lia_event_set_image (event, image);
  lia_event_set_image_url (event, lia_sql_column_text (stmt, 26));
  lia_event_set_status (event, lia_sql_column_enum (stmt, 27, LIA_TYPE_EVENT_STATUS, LIA_EVENT_STATUS_DRAFT));
  lia_event_set_promote (event, sqlite3_column_int (stmt, 28));
  lia_event_set_channels (event, sqlite3_column_int (stmt, 29));
  lia_event_set_featured (event, sqlite3_column_int (stmt, 30));
  lia_event_set_source (event, lia_sql_column_enum (stmt, 31, LIA_TYPE_EVENT_SOURCE, LIA_EVENT_SOURCE_MANUAL));
  lia_event_set_intake_feed_id (event, sqlite3_column_int64 (stmt, 32));
  lia_event_set_remote_uid (event, lia_sql_column_text (stmt, 33));
  lia_event_set_sequence (event, sqlite3_column_int (stmt, 34));
  lia_event_set_created_at (event, sqlite3_column_int64 (stmt, 35));
  lia_event_set_updated_at (event, sqlite3_column_int64 (stmt, 36));
  lia_event_set_deleted_at (event, sqlite3_column_int64 (stmt, 37));
  g_object_thaw_notify (G_OBJECT (event));

  return event;
}

static gboolean
load_event_categories (LiaDatabase  *database,
                       LiaEvent     *event,
                       GError      **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) categories = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT category FROM event_category WHERE event_id = ? ORDER BY category",
                                            error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, lia_event_get_id (event));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, lia_sql_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  categories = g_strv_builder_end (builder);
  lia_event_set_categories (event, (const char * const *)categories);

  return TRUE;
}

/* Runs @stmt (its parameters bound) and returns its only row, categories
 * included. */
static LiaEvent *
get_one_event (LiaDatabase   *database,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(LiaEvent) event = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      set_event_not_found_error (error);
      return NULL;
    }
  else if (rc != SQLITE_ROW)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  event = read_event (stmt);
  sqlite3_reset (stmt);

  if (!load_event_categories (database, event, error))
    return NULL;

  return g_steal_pointer (&event);
}

static LiaEvent *
get_event_by_id (LiaDatabase  *database,
                 gint64        id,
                 GError      **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT " EVENT_COLUMNS " FROM event WHERE id = ?",
                                            error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  return get_one_event (database, stmt, error);
}

/* A partner's events may only be added or changed while the partner
 * exists and is not in the trash. */
static gboolean
check_partner_usable (LiaDatabase  *database,
                      gint64        partner_id,
                      GError      **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT name, deleted_at FROM partner WHERE id = ?",
                                            error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, partner_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                           _("This partner is no longer in the database. It may have been deleted from the trash."));
      return FALSE;
    }
  else if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (database, rc, error);

  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("The partner “%s” is in the trash. Restore it before changing its records."),
                   lia_sql_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

/* An override points at a series of the same partner and shares its uid;
 * sets *@uid to the series' uid. */
static gboolean
check_override_series (LiaDatabase  *database,
                       LiaEvent     *event,
                       char        **uid,
                       GError      **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT uid, title, partner_id, rrule FROM event"
                                            " WHERE id = ? AND recurrence_of IS NULL",
                                            error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, lia_event_get_recurrence_of (event));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                           _("The repeating event this date belongs to is no longer in the database."));
      return FALSE;
    }
  else if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (database, rc, error);

  if (lia_sql_is_blank (lia_sql_column_text (stmt, 3)))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                   _("“%s” does not repeat, so none of its dates can be changed on its own."),
                   lia_sql_column_text (stmt, 1));
      return FALSE;
    }

  if (sqlite3_column_int64 (stmt, 2) != lia_event_get_partner_id (event))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                   _("A changed date of “%s” must belong to the same partner as the repeating event."),
                   lia_sql_column_text (stmt, 1));
      return FALSE;
    }

  if (!lia_sql_is_blank (lia_event_get_uid (event)) &&
      g_strcmp0 (lia_event_get_uid (event), lia_sql_column_text (stmt, 0)) != 0)
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                   _("A changed date of “%s” must keep the identifier of the repeating event."),
                   lia_sql_column_text (stmt, 1));
      return FALSE;
    }

  *uid = g_strdup (lia_sql_column_text (stmt, 0));

  return TRUE;
}

static gboolean
query_published (LiaDatabase  *database,
                 const char   *uid,
                 gboolean     *published,
                 GError      **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT EXISTS (SELECT 1 FROM publish_record"
                                            " WHERE item_kind = 'event' AND item = ?)",
                                            error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (database, rc, error);

  *published = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

static gboolean
write_event_categories (LiaDatabase  *database,
                        gint64        event_id,
                        LiaEvent     *event,
                        GError      **error)
{
  g_autoptr(LiaStmt) delete = NULL;
  g_autoptr(LiaStmt) insert = NULL;
  const char * const *categories = lia_event_get_categories (event);

  if (!(delete = lia_database_prepare_cached (database, "DELETE FROM event_category WHERE event_id = ?", error)))
    return FALSE;

  sqlite3_bind_int64 (delete, 1, event_id);
  if (!step_done (database, delete, error))
    return FALSE;

  if (categories == NULL || categories[0] == NULL)
    return TRUE;

  if (!(insert = lia_database_prepare_cached (database,
                                              "INSERT OR IGNORE INTO event_category (event_id, category) VALUES (?, ?)",
                                              error)))
    return FALSE;

  for (guint i = 0; categories[i] != NULL; i++)
    {
      g_autofree char *category = g_strstrip (g_strdup (categories[i]));

      if (category[0] == '\0')
        continue;

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, event_id);
      sqlite3_bind_text (insert, 2, category, -1, SQLITE_TRANSIENT);

      if (!step_done (database, insert, error))
        return FALSE;
    }

  return TRUE;
}

/* A series' overrides follow its partner and uid. */
static gboolean
update_overrides (LiaDatabase  *database,
                  gint64        series_id,
                  gint64        partner_id,
                  const char   *uid,
                  GError      **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "UPDATE event SET partner_id = ?2, uid = ?3"
                                            " WHERE recurrence_of = ?1 AND (partner_id IS NOT ?2 OR uid IS NOT ?3)",
                                            error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  lia_sql_bind_int64_or_null (stmt, 2, partner_id);
  sqlite3_bind_text (stmt, 3, uid, -1, SQLITE_TRANSIENT);

  return step_done (database, stmt, error);
}

/* Occurrences */

/* What the occurrences are sorted by: the title's collation key is made
 * once a title (g_utf8_collate() normalises both strings at each call). */
typedef struct
{
  gint64      start_utc;
  const char *title_key;
  gint64      event_id;
  const char *recurrence_id;
  guint       index;
} SortEntry;

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  const SortEntry *x = a, *y = b;
  int cmp;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;

  if ((cmp = strcmp (x->title_key, y->title_key)) != 0)
    return cmp;

  if (x->event_id != y->event_id)
    return x->event_id < y->event_id ? -1 : 1;

  return g_strcmp0 (x->recurrence_id, y->recurrence_id);
}

/* Sorts @occurrences by start, then title, and keeps the first @max (0: all). */
static GArray *
sort_occurrences (GArray *occurrences,
                  guint   max)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree SortEntry *entries = g_new (SortEntry, MAX (occurrences->len, 1));
  GArray *sorted;
  guint n;

  for (guint i = 0; i < occurrences->len; i++)
    {
      LiaEventOccurrence *o = &g_array_index (occurrences, LiaEventOccurrence, i);
      const char *title = o->title != NULL ? o->title : "";
      char *key = g_hash_table_lookup (keys, title);

      if (key == NULL)
        {
          key = g_utf8_collate_key (title, -1);
          g_hash_table_insert (keys, (gpointer)title, key);
        }

      entries[i].start_utc = o->start_utc;
      entries[i].title_key = key;
      entries[i].event_id = o->event_id;
      entries[i].recurrence_id = o->recurrence_id;
      entries[i].index = i;
    }

  qsort (entries, occurrences->len, sizeof (SortEntry), compare_sort_entries);

  n = max > 0 ? MIN (max, occurrences->len) : occurrences->len;
  sorted = g_array_sized_new (FALSE, TRUE, sizeof (LiaEventOccurrence), n);
  g_array_set_clear_func (sorted, (GDestroyNotify)lia_event_occurrence_clear);

  /* The kept entries move to @sorted; the others are cleared with @occurrences. */
  for (guint i = 0; i < n; i++)
    {
      LiaEventOccurrence *o = &g_array_index (occurrences, LiaEventOccurrence, entries[i].index);

      g_array_append_vals (sorted, o, 1);
      memset (o, 0, sizeof *o);
    }

  return sorted;
}

/* Whether [@start, @end) meets [@from, @to); an instant (@end = @start)
 * meets it when it falls inside. */
static gboolean
overlaps (gint64 start,
          gint64 end,
          gint64 from,
          gint64 to)
{
  return start < to && (end > from || start >= from);
}

/* The row columns of OCCURRENCE_SQL. */
enum {
  OCC_ID,
  OCC_RECURRENCE_OF,
  OCC_RECURRENCE_ID,
  OCC_TITLE,
  OCC_ALL_DAY,
  OCC_STATUS,
  OCC_PARTNER_ID,
  OCC_PARTNER_NAME,
  OCC_VENUE_NAME,
  OCC_PROMOTE,
  OCC_FEATURED,
  OCC_START_UTC,
  OCC_LAST_END_UTC,
  OCC_DTSTART,
  OCC_DTEND,
  OCC_TZID,
  OCC_RRULE,
  OCC_EXDATES,
};

/* Events, series and overrides out of the trash whose span meets the
 * window [?1, ?2): the first arm walks event_listing_idx over the single
 * events and overrides that start in the window, the second those that
 * started before it and are still running; an override's series must be
 * out of the trash too. event_listing_idx and event_occurrence_listing_idx
 * hold every column selected here (0006-today-and-list-reads.sql), so
 * without filters the window is read from them and partner_name_idx alone,
 * in start order, instead of a row a page each (2,771 of them for the
 * first day of the huge benchmark dataset). The filters follow, each a
 * fixed text, so the statements are few and cached. */
#define OCCURRENCE_SQL_SELECT \
  "SELECT e.id, e.recurrence_of, e.recurrence_id, e.title, e.all_day, e.status, e.partner_id, p.name," \
  " e.venue_name, e.promote, e.featured, e.start_utc, e.last_end_utc, e.dtstart, e.dtend, e.tzid," \
  " e.rrule, e.exdates" \
  " FROM event AS e LEFT JOIN partner AS p INDEXED BY partner_name_idx ON p.id = e.partner_id" \
  " WHERE e.deleted_at IS NULL" \
  " AND (e.recurrence_of IS NULL OR EXISTS (SELECT 1 FROM event AS s" \
  " WHERE s.id = e.recurrence_of AND s.deleted_at IS NULL))"

#define OCCURRENCE_WINDOW_ARMS 3

/* Single events and changed dates come from the event table: those that
 * start in the window, and those that started before it (at most the
 * longest such event before, ?10) and still run. A series' dates come
 * from event_occurrence (lia-store-occurrences.c), as far back as its
 * longest date (?11). */
#define NOT_SERIES " AND (e.rrule IS NULL OR e.recurrence_of IS NOT NULL)"

static const char * const occurrence_windows[OCCURRENCE_WINDOW_ARMS] = {
  " AND e.start_utc >= ?1 AND e.start_utc < ?2" NOT_SERIES,
  " AND e.start_utc < ?1 AND e.start_utc >= ?1 - ?10 AND e.last_end_utc > ?1" NOT_SERIES,
  NULL,
};

#define OCCURRENCE_SQL_DATES \
  "SELECT e.id, e.recurrence_of, o.recurrence_id, e.title, e.all_day, e.status, e.partner_id, p.name," \
  " e.venue_name, e.promote, e.featured, o.start_utc, o.end_utc, e.dtstart, e.dtend, e.tzid," \
  " e.rrule, e.exdates" \
  " FROM event_occurrence AS o JOIN event AS e ON e.id = o.series_id" \
  " LEFT JOIN partner AS p INDEXED BY partner_name_idx ON p.id = e.partner_id" \
  " WHERE e.deleted_at IS NULL AND o.start_utc >= ?1 - ?11 AND o.start_utc < ?2"

/* Text and category are those of the series (overrides are not in
 * search_event and need not repeat the categories); the rest are the
 * row's own, so a cancelled date of a series is found as cancelled. */
#define FILTER_TEXT \
  " AND coalesce (e.recurrence_of, e.id) IN" \
  " (SELECT rowid FROM search_event WHERE search_event MATCH ?3)"
#define FILTER_PARTNER_NONE " AND e.partner_id IS NULL"
#define FILTER_PARTNER      " AND e.partner_id = ?4"
#define FILTER_CATEGORY \
  " AND EXISTS (SELECT 1 FROM event_category AS c" \
  " WHERE c.event_id = coalesce (e.recurrence_of, e.id) AND c.category = ?5)"
#define FILTER_AUDIENCE     " AND e.audience = ?6"
#define FILTER_STATUS       " AND e.status = ?7"
#define FILTER_PROMOTED     " AND e.promote = ?8"
#define FILTER_CHANNELS     " AND (e.channels & ?9) = ?9"

static char *
build_occurrence_sql (const LiaEventQuery *query,
                      gboolean             have_match)
{
  GString *sql = g_string_new (NULL);

  for (guint arm = 0; arm < OCCURRENCE_WINDOW_ARMS; arm++)
    {
      if (arm > 0)
        g_string_append (sql, " UNION ALL ");

      if (occurrence_windows[arm] != NULL)
        {
          g_string_append (sql, OCCURRENCE_SQL_SELECT);
          g_string_append (sql, occurrence_windows[arm]);
        }
      else
        g_string_append (sql, OCCURRENCE_SQL_DATES);

      if (have_match)
        g_string_append (sql, FILTER_TEXT);
      if (query->partner_id == 0)
        g_string_append (sql, FILTER_PARTNER_NONE);
      else if (query->partner_id > 0)
        g_string_append (sql, FILTER_PARTNER);
      if (query->category != NULL)
        g_string_append (sql, FILTER_CATEGORY);
      if (query->audience >= 0)
        g_string_append (sql, FILTER_AUDIENCE);
      if (query->status >= 0)
        g_string_append (sql, FILTER_STATUS);
      if (query->promoted >= 0)
        g_string_append (sql, FILTER_PROMOTED);
      if (query->channels != 0)
        g_string_append (sql, FILTER_CHANNELS);
    }

  return g_string_free (sql, FALSE);
}

static void
fill_occurrence (LiaEventOccurrence *occurrence,
                 sqlite3_stmt       *stmt)
{
  occurrence->title = g_strdup (lia_sql_column_text (stmt, OCC_TITLE));
  occurrence->all_day = sqlite3_column_int (stmt, OCC_ALL_DAY) != 0;
  occurrence->status = lia_sql_column_enum (stmt, OCC_STATUS, LIA_TYPE_EVENT_STATUS, LIA_EVENT_STATUS_DRAFT);
  occurrence->partner_id = sqlite3_column_int64 (stmt, OCC_PARTNER_ID);
  occurrence->partner_name = g_strdup (lia_sql_column_text (stmt, OCC_PARTNER_NAME));
  occurrence->venue_name = g_strdup (lia_sql_column_text (stmt, OCC_VENUE_NAME));
  occurrence->promote = sqlite3_column_int (stmt, OCC_PROMOTE) != 0;
  occurrence->featured = sqlite3_column_int (stmt, OCC_FEATURED) != 0;
}

/* The recurrence ids of the overrides out of the trash, by series id
 * (gint64 → set of strings): those dates are shown from their override
 * rows (when the window and the filters take them), never from the
 * series. One walk of event_recurrence_idx over the overrides alone
 * ("IS NOT NULL" would make sqlite scan a partial index of every event
 * instead), rather than one query a series: most series have none. */
static GHashTable *
load_override_ids (LiaDatabase  *database,
                   GError      **error)
{
  g_autoptr(GHashTable) by_series = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  by_series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify)g_hash_table_unref);

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT recurrence_of, recurrence_id FROM event"
                                            " INDEXED BY event_recurrence_idx"
                                            " WHERE recurrence_of > 0 AND deleted_at IS NULL",
                                            error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 series_id = sqlite3_column_int64 (stmt, 0);
      GHashTable *ids = g_hash_table_lookup (by_series, &series_id);

      if (ids == NULL)
        {
          ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (by_series, g_memdup2 (&series_id, sizeof series_id), ids);
        }
      g_hash_table_add (ids, g_strdup (lia_sql_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&by_series);
}

/* Appends the kept date of a series in the current row of @stmt. */
static gboolean
take_date (LiaDatabase   *database,
           sqlite3_stmt  *stmt,
           gint64         from_utc,
           gint64         to_utc,
           GHashTable   **overrides,
           GArray        *occurrences,
           GError       **error)
{
  LiaEventOccurrence occurrence = { 0 };
  GHashTable *override_ids;
  gint64 series_id = sqlite3_column_int64 (stmt, OCC_ID);
  gint64 start = sqlite3_column_int64 (stmt, OCC_START_UTC);
  gint64 end = sqlite3_column_int64 (stmt, OCC_LAST_END_UTC);
  const char *recurrence_id = lia_sql_column_text (stmt, OCC_RECURRENCE_ID);

  if (!overlaps (start, end, from_utc, to_utc))
    return TRUE;

  if (*overrides == NULL && !(*overrides = load_override_ids (database, error)))
    return FALSE;
  override_ids = g_hash_table_lookup (*overrides, &series_id);
  if (override_ids != NULL && recurrence_id != NULL && g_hash_table_contains (override_ids, recurrence_id))
    return TRUE;

  occurrence.event_id = series_id;
  occurrence.series_id = series_id;
  occurrence.start_utc = start;
  occurrence.end_utc = end;
  occurrence.recurrence_id = g_strdup (recurrence_id);
  fill_occurrence (&occurrence, stmt);
  g_array_append_val (occurrences, occurrence);

  return TRUE;
}

/* Public API */

/**
 * lia_event_query_init:
 * @q: a #LiaEventQuery
 *
 * Sets every field of @q to "any".
 */
void
lia_event_query_init (LiaEventQuery *q)
{
  g_return_if_fail (q != NULL);

  q->text = NULL;
  q->partner_id = -1;
  q->category = NULL;
  q->audience = -1;
  q->status = -1;
  q->promoted = -1;
  q->channels = LIA_CHANNEL_NONE;
  q->ids = NULL;
}

void
lia_event_occurrence_clear (LiaEventOccurrence *occurrence)
{
  if (occurrence == NULL)
    return;

  g_clear_pointer (&occurrence->recurrence_id, g_free);
  g_clear_pointer (&occurrence->title, g_free);
  g_clear_pointer (&occurrence->partner_name, g_free);
  g_clear_pointer (&occurrence->venue_name, g_free);
}

/**
 * lia_store_get_event:
 *
 * Returns: (transfer full): the event with its categories, in the trash or not
 */
LiaEvent *
lia_store_get_event (LiaStore  *self,
                     gint64     id,
                     GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return get_event_by_id (lia_store_get_database (self), id, error);
}

/**
 * lia_store_get_event_by_uid:
 * @recurrence_id: (nullable): the override's original start, %NULL for the
 *   series or single event
 *
 * Returns: (transfer full): the event with its categories
 */
LiaEvent *
lia_store_get_event_by_uid (LiaStore    *self,
                            const char  *uid,
                            const char  *recurrence_id,
                            GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  LiaDatabase *database;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = lia_store_get_database (self);

  /* The expression of event_uid_idx, so this is one seek. */
  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT " EVENT_COLUMNS " FROM event"
                                            " WHERE uid = ?1 AND coalesce (recurrence_id, '') = ?2",
                                            error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, recurrence_id != NULL ? recurrence_id : "", -1, SQLITE_TRANSIENT);

  return get_one_event (database, stmt, error);
}

/* "1,2,3": integers only, so the list is written into the SQL. */
static void
append_id_list (GString *sql,
                GArray  *ids)
{
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
}

/* Reads the rows of @sql (EVENT_COLUMNS first) into @events. */
static gboolean
read_events (LiaDatabase  *database,
             const char   *sql,
             GPtrArray    *events,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare (database, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, read_event (stmt));
  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

/* The categories of all @events at once, as load_event_categories() gives
 * them to one. */
static gboolean
load_all_categories (LiaDatabase  *database,
                     GPtrArray    *events,
                     GError      **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT event_id, category FROM event_category WHERE event_id IN (");
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), events->len);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  static const char * const none[] = { NULL };
  gint64 current = 0;
  int rc;

  if (events->len == 0)
    return TRUE;

  for (guint i = 0; i < events->len; i++)
    {
      gint64 id = lia_event_get_id (g_ptr_array_index (events, i));

      g_array_append_val (ids, id);
    }
  /* The ids live in @ids, which outlives the table. */
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (events, i));
  append_id_list (sql, ids);
  g_string_append (sql, ") ORDER BY event_id, category");

  if (!(stmt = lia_database_prepare (database, sql->str, error)))
    return FALSE;

  /* Every event gets its (maybe empty) list, as one read alone would. */
  for (guint i = 0; i < events->len; i++)
    lia_event_set_categories (g_ptr_array_index (events, i), none);

  while (TRUE)
    {
      gint64 id = 0;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      if (builder != NULL && (rc != SQLITE_ROW || id != current))
        {
          g_auto(GStrv) categories = g_strv_builder_end (builder);
          LiaEvent *event = g_hash_table_lookup (by_id, &current);

          if (event != NULL)
            lia_event_set_categories (event, (const char * const *)categories);
          g_clear_pointer (&builder, g_strv_builder_unref);
        }
      if (rc != SQLITE_ROW)
        break;
      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          current = id;
        }
      g_strv_builder_add (builder, lia_sql_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

/**
 * lia_store_get_events_with_overrides:
 * @ids: (element-type gint64): series and single events
 *
 * See lia-store.h. Duplicates in @ids come out as often as they are in it.
 *
 * Returns: (transfer full) (element-type LiaEvent): the events, or %NULL
 *   with @error set
 */
GPtrArray *
lia_store_get_events_with_overrides (LiaStore   *self,
                                     GArray     *ids,
                                     GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) override_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) everything = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GArray) row_ids = NULL;
  g_autoptr(GArray) series_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) sql = NULL;
  LiaDatabase *database;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = lia_store_get_database (self);
  events = g_ptr_array_new_full (ids->len, g_object_unref);
  if (ids->len == 0)
    return g_steal_pointer (&events);

  sql = g_string_new ("SELECT " EVENT_COLUMNS " FROM event WHERE id IN (");
  append_id_list (sql, ids);
  g_string_append (sql, ")");
  if (!read_events (database, sql->str, rows, error))
    return NULL;
  /* Sized once: the table's keys point into it. */
  row_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), rows->len);
  g_array_set_size (row_ids, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      LiaEvent *event = g_ptr_array_index (rows, i);
      gint64 id = lia_event_get_id (event);

      g_array_index (row_ids, gint64, i) = id;
      g_hash_table_insert (by_id, &g_array_index (row_ids, gint64, i), event);
      if (lia_event_is_recurring (event))
        g_array_append_val (series_ids, id);
    }

  if (series_ids->len > 0)
    {
      g_string_assign (sql, "SELECT " EVENT_COLUMNS " FROM event WHERE recurrence_of IN (");
      append_id_list (sql, series_ids);
      g_string_append (sql, ") AND deleted_at IS NULL ORDER BY recurrence_of, recurrence_id, id");
      if (!read_events (database, sql->str, override_rows, error))
        return NULL;
    }
  for (guint i = 0; i < override_rows->len; i++)
    {
      LiaEvent *override = g_ptr_array_index (override_rows, i);
      gint64 series_id = lia_event_get_recurrence_of (override);
      LiaEvent *series = g_hash_table_lookup (by_id, &series_id);
      GPtrArray *list;

      if (!(list = g_hash_table_lookup (overrides, series)))
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (overrides, series, list);
        }
      g_ptr_array_add (list, override);
    }

  g_ptr_array_extend (everything, rows, NULL, NULL);
  g_ptr_array_extend (everything, override_rows, NULL, NULL);
  if (!load_all_categories (database, everything, error))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      LiaEvent *event = g_hash_table_lookup (by_id, &g_array_index (ids, gint64, i));
      GPtrArray *list;

      if (event == NULL)
        {
          set_event_not_found_error (error);
          return NULL;
        }
      g_ptr_array_add (events, g_object_ref (event));
      if ((list = g_hash_table_lookup (overrides, event)) != NULL)
        for (guint j = 0; j < list->len; j++)
          g_ptr_array_add (events, g_object_ref (g_ptr_array_index (list, j)));
    }

  return g_steal_pointer (&events);
}

/**
 * lia_store_save_event:
 *
 * Validates and writes @event with its categories in one transaction (see
 * lia-store.h), then sets its id, uid, derived span, sequence and
 * timestamps.
 */
gboolean
lia_store_save_event (LiaStore  *self,
                      LiaEvent  *event,
                      GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(LiaEvent) old = NULL;
  g_autoptr(GDateTime) now_time = NULL;
  g_autofree char *uid = NULL;
  LiaDatabase *database;
  GBytes *image;
  gint64 start_utc = 0;
  gint64 last_end_utc = 0;
  gint64 partner_id;
  gint64 old_partner_id = 0;
  gint64 id;
  gint64 now;
  int sequence;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_EVENT (event), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_event (event, &start_utc, &last_end_utc, error))
    return FALSE;

  database = lia_store_get_database (self);
  now_time = _lia_store_now (self);
  now = g_date_time_to_unix (now_time);
  id = lia_event_get_id (event);
  partner_id = lia_event_get_partner_id (event);
  sequence = lia_event_get_sequence (event);

  if (!lia_database_begin (database, error))
    return FALSE;

  if (id != 0)
    {
      if (!(old = get_event_by_id (database, id, error)))
        goto failed;
      old_partner_id = lia_event_get_partner_id (old);
      sequence = MAX (sequence, lia_event_get_sequence (old));
    }

  if (partner_id != 0 && !check_partner_usable (database, partner_id, error))
    goto failed;

  if (lia_event_get_recurrence_of (event) != 0)
    {
      if (!check_override_series (database, event, &uid, error))
        goto failed;
    }
  else if (!lia_sql_is_blank (lia_event_get_uid (event)))
    uid = g_strstrip (g_strdup (lia_event_get_uid (event)));
  else if (old != NULL && !lia_sql_is_blank (lia_event_get_uid (old)))
    uid = g_strdup (lia_event_get_uid (old));
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      uid = g_strconcat (uuid, UID_SUFFIX, NULL);
    }

  /* What subscribers already hold changes: they must see a new SEQUENCE. */
  if (old != NULL && !lia_event_content_equal (old, event))
    {
      gboolean published = FALSE;

      if (!query_published (database, uid, &published, error))
        goto failed;
      if (published)
        sequence++;
    }

  if (id == 0)
    stmt = lia_database_prepare_cached (database,
                                        "INSERT INTO event (uid, recurrence_of, recurrence_id, partner_id, title,"
                                        " summary, description, dtstart, dtend, tzid, all_day, start_utc, last_end_utc,"
                                        " rrule, exdates, venue_name, venue_address, venue_room, online_url, audience,"
                                        " cost, registration_url, accessibility, contact, image, image_url, status,"
                                        " promote, channels, featured, source, intake_feed_id, remote_uid, sequence,"
                                        " created_at, updated_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                                        " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,"
                                        " ?31, ?32, ?33, ?34, ?35, ?35)",
                                        error);
  else
    stmt = lia_database_prepare_cached (database,
                                        "UPDATE event SET uid = ?1, recurrence_of = ?2, recurrence_id = ?3,"
                                        " partner_id = ?4, title = ?5, summary = ?6, description = ?7, dtstart = ?8,"
                                        " dtend = ?9, tzid = ?10, all_day = ?11, start_utc = ?12, last_end_utc = ?13,"
                                        " rrule = ?14, exdates = ?15, venue_name = ?16, venue_address = ?17,"
                                        " venue_room = ?18, online_url = ?19, audience = ?20, cost = ?21,"
                                        " registration_url = ?22, accessibility = ?23, contact = ?24, image = ?25,"
                                        " image_url = ?26, status = ?27, promote = ?28, channels = ?29,"
                                        " featured = ?30, source = ?31, intake_feed_id = ?32, remote_uid = ?33,"
                                        " sequence = ?34, updated_at = max (?35, created_at)"
                                        " WHERE id = ?36",
                                        error);
  if (stmt == NULL)
    goto failed;

  image = lia_event_get_image (event);

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  lia_sql_bind_int64_or_null (stmt, 2, lia_event_get_recurrence_of (event));
  lia_sql_bind_text_or_null (stmt, 3, lia_event_get_recurrence_of (event) != 0 ? lia_event_get_recurrence_id (event) : NULL);
  lia_sql_bind_int64_or_null (stmt, 4, partner_id);
  sqlite3_bind_text (stmt, 5, g_strstrip (g_strdup (lia_event_get_title (event))), -1, g_free);
  lia_sql_bind_text (stmt, 6, lia_event_get_summary (event));
  lia_sql_bind_text (stmt, 7, lia_event_get_description (event));
  sqlite3_bind_text (stmt, 8, lia_event_get_dtstart (event), -1, SQLITE_TRANSIENT);
  lia_sql_bind_text_or_null (stmt, 9, lia_event_get_dtend (event));
  lia_sql_bind_text_or_null (stmt, 10, lia_event_get_tzid (event));
  sqlite3_bind_int (stmt, 11, lia_event_get_all_day (event));
  sqlite3_bind_int64 (stmt, 12, start_utc);
  lia_sql_bind_int64_or_null (stmt, 13, last_end_utc);
  lia_sql_bind_text_or_null (stmt, 14, lia_event_get_rrule (event));
  lia_sql_bind_text_or_null (stmt, 15, lia_event_get_exdates (event));
  lia_sql_bind_text_or_null (stmt, 16, lia_event_get_venue_name (event));
  lia_sql_bind_text_or_null (stmt, 17, lia_event_get_venue_address (event));
  lia_sql_bind_text_or_null (stmt, 18, lia_event_get_venue_room (event));
  lia_sql_bind_text_or_null (stmt, 19, lia_event_get_online_url (event));
  lia_sql_bind_nick (stmt, 20, LIA_TYPE_AUDIENCE, lia_event_get_audience (event));
  lia_sql_bind_text_or_null (stmt, 21, lia_event_get_cost (event));
  lia_sql_bind_text_or_null (stmt, 22, lia_event_get_registration_url (event));
  lia_sql_bind_text (stmt, 23, lia_event_get_accessibility (event));
  lia_sql_bind_text_or_null (stmt, 24, lia_event_get_contact (event));
  if (image != NULL && g_bytes_get_size (image) > 0)
    sqlite3_bind_blob64 (stmt, 25, g_bytes_get_data (image, NULL), g_bytes_get_size (image), SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 25);
  lia_sql_bind_text_or_null (stmt, 26, lia_event_get_image_url (event));
  lia_sql_bind_nick (stmt, 27, LIA_TYPE_EVENT_STATUS, lia_event_get_status (event));
  sqlite3_bind_int (stmt, 28, lia_event_get_promote (event));
  sqlite3_bind_int (stmt, 29, lia_event_get_channels (event));
  sqlite3_bind_int (stmt, 30, lia_event_get_featured (event));
  lia_sql_bind_nick (stmt, 31, LIA_TYPE_EVENT_SOURCE, lia_event_get_source (event));
  lia_sql_bind_int64_or_null (stmt, 32, lia_event_get_intake_feed_id (event));
  lia_sql_bind_text_or_null (stmt, 33, lia_event_get_remote_uid (event));
  sqlite3_bind_int (stmt, 34, sequence);
  sqlite3_bind_int64 (stmt, 35, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 36, id);

  if (!step_done (database, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (lia_database_get_handle (database));
  else if (!update_overrides (database, id, partner_id, uid, error))
    goto failed;

  if (!write_event_categories (database, id, event, error) ||
      !_lia_store_occurrences_event_saved (self, id,
                                           !lia_sql_is_blank (lia_event_get_rrule (event)) &&
                                           lia_event_get_recurrence_of (event) == 0,
                                           start_utc, last_end_utc, error) ||
      !lia_database_commit (database, error))
    goto failed;

  g_object_freeze_notify (G_OBJECT (event));
  if (lia_event_get_id (event) == 0)
    {
      lia_event_set_id (event, id);
      lia_event_set_created_at (event, now);
    }
  lia_event_set_updated_at (event, MAX (now, lia_event_get_created_at (event)));
  lia_event_set_uid (event, uid);
  lia_event_set_start_utc (event, start_utc);
  lia_event_set_last_end_utc (event, last_end_utc);
  lia_event_set_sequence (event, sequence);
  g_object_thaw_notify (G_OBJECT (event));

  _lia_store_emit_changed (self, LIA_RECORD_EVENT, id);
  if (partner_id != 0)
    _lia_store_emit_changed (self, LIA_RECORD_PARTNER, partner_id);
  if (old_partner_id != 0 && old_partner_id != partner_id)
    _lia_store_emit_changed (self, LIA_RECORD_PARTNER, old_partner_id);

  return TRUE;

failed:
  lia_database_rollback (database);
  return FALSE;
}

/**
 * lia_store_list_events:
 * @partner_id: a partner, or 0 for the library's own events
 *
 * Returns: (transfer full) (element-type LiaEvent): the series and single
 *   events of @partner_id out of the trash, with their categories, by start
 */
GPtrArray *
lia_store_list_events (LiaStore  *self,
                       gint64     partner_id,
                       GError   **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LiaStmt) stmt = NULL;
  LiaDatabase *database;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = lia_store_get_database (self);

  if (partner_id == 0)
    stmt = lia_database_prepare_cached (database,
                                        "SELECT " EVENT_COLUMNS " FROM event WHERE partner_id IS NULL"
                                        " AND recurrence_of IS NULL AND deleted_at IS NULL ORDER BY start_utc, id",
                                        error);
  else
    stmt = lia_database_prepare_cached (database,
                                        "SELECT " EVENT_COLUMNS " FROM event WHERE partner_id = ?"
                                        " AND recurrence_of IS NULL AND deleted_at IS NULL ORDER BY start_utc, id",
                                        error);
  if (stmt == NULL)
    return NULL;

  if (partner_id != 0)
    sqlite3_bind_int64 (stmt, 1, partner_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, read_event (stmt));

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  for (guint i = 0; i < events->len; i++)
    if (!load_event_categories (database, g_ptr_array_index (events, i), error))
      return NULL;

  return g_steal_pointer (&events);
}

/**
 * lia_store_list_occurrences:
 * @query: (nullable): what to select; %NULL selects every event
 * @max: the most occurrences to return, 0 for all
 *
 * See lia-store.h. A query's text and category are matched against the
 * series of an overridden date; its partner, audience, status and
 * promotion against the date's own row.
 *
 * Returns: (transfer full): a GArray of LiaEventOccurrence
 */
GArray *
lia_store_list_occurrences (LiaStore             *self,
                            const LiaEventQuery  *query,
                            gint64                from_utc,
                            gint64                to_utc,
                            guint                 max,
                            GError              **error)
{
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GHashTable) overrides = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  GArray *sorted;
  LiaEventQuery any;
  LiaDatabase *database;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query == NULL)
    {
      lia_event_query_init (&any);
      query = &any;
    }

  occurrences = g_array_new (FALSE, TRUE, sizeof (LiaEventOccurrence));
  g_array_set_clear_func (occurrences, (GDestroyNotify)lia_event_occurrence_clear);

  if (to_utc <= from_utc)
    return g_steal_pointer (&occurrences);

  database = lia_store_get_database (self);
  if (!_lia_store_occurrences_cover (self, from_utc, to_utc, error))
    return NULL;

  match = query->text != NULL ? _lia_search_build_match (query->text) : NULL;
  sql = build_occurrence_sql (query, match != NULL);

  if (!(stmt = lia_database_prepare_cached (database, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  if (match != NULL)
    sqlite3_bind_text (stmt, 3, match, -1, SQLITE_TRANSIENT);
  if (query->partner_id > 0)
    sqlite3_bind_int64 (stmt, 4, query->partner_id);
  if (query->category != NULL)
    sqlite3_bind_text (stmt, 5, query->category, -1, SQLITE_TRANSIENT);
  if (query->audience >= 0)
    lia_sql_bind_nick (stmt, 6, LIA_TYPE_AUDIENCE, query->audience);
  if (query->status >= 0)
    lia_sql_bind_nick (stmt, 7, LIA_TYPE_EVENT_STATUS, query->status);
  if (query->promoted >= 0)
    sqlite3_bind_int (stmt, 8, query->promoted != 0);
  if (query->channels != 0)
    sqlite3_bind_int (stmt, 9, query->channels);
  sqlite3_bind_int64 (stmt, 10, _lia_store_events_get_longest (self));
  sqlite3_bind_int64 (stmt, 11, _lia_store_occurrences_get_longest (self));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *rrule = lia_sql_column_text (stmt, OCC_RRULE);
      LiaEventOccurrence occurrence = { 0 };
      gint64 start, end;

      /* A kept date of a series, unless a changed date replaces it. */
      if (sqlite3_column_type (stmt, OCC_RECURRENCE_OF) == SQLITE_NULL && !lia_sql_is_blank (rrule))
        {
          if (!take_date (database, stmt, from_utc, to_utc, &overrides, occurrences, error))
            return NULL;
          continue;
        }

      /* A single event or an override: one occurrence, as derived on save. */
      start = sqlite3_column_int64 (stmt, OCC_START_UTC);
      end = sqlite3_column_type (stmt, OCC_LAST_END_UTC) == SQLITE_NULL
              ? start : sqlite3_column_int64 (stmt, OCC_LAST_END_UTC);
      if (!overlaps (start, end, from_utc, to_utc))
        continue;

      occurrence.event_id = sqlite3_column_int64 (stmt, OCC_ID);
      occurrence.series_id = sqlite3_column_type (stmt, OCC_RECURRENCE_OF) == SQLITE_NULL
                               ? occurrence.event_id : sqlite3_column_int64 (stmt, OCC_RECURRENCE_OF);
      occurrence.start_utc = start;
      occurrence.end_utc = end;
      occurrence.recurrence_id = g_strdup (lia_sql_column_text (stmt, OCC_RECURRENCE_ID));
      fill_occurrence (&occurrence, stmt);
      g_array_append_val (occurrences, occurrence);
    }

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  sorted = sort_occurrences (occurrences, max);

  g_debug ("%u occurrences in [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
           sorted->len, from_utc, to_utc);

  return sorted;
}

/**
 * _lia_store_find_nth_start:
 * @n: how many starts to pass, from 0
 * @nth_start: (out): the start of the @n-th single event, changed date or
 *   kept date of a series that starts in [@from, @to); @to when fewer do
 *
 * From event_single_start_idx and event_occurrence_start_idx alone, both
 * in start order, merged: about @n index entries, however crowded the
 * calendar. Events in the trash and replaced dates count too, so a window
 * that ends there holds at most @n occurrences that start in it.
 */
gboolean
_lia_store_find_nth_start (LiaStore  *self,
                           gint64     from,
                           gint64     to,
                           guint      n,
                           gint64    *nth_start,
                           GError   **error)
{
  LiaDatabase *database = lia_store_get_database (self);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  *nth_start = to;
  if (to <= from)
    return TRUE;

  if (!_lia_store_occurrences_cover (self, from, to, error))
    return FALSE;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT start_utc FROM event INDEXED BY event_single_start_idx"
                                            " WHERE deleted_at IS NULL AND (rrule IS NULL OR recurrence_of IS NOT NULL)"
                                            " AND start_utc >= ?1 AND start_utc < ?2"
                                            " UNION ALL "
                                            "SELECT start_utc FROM event_occurrence INDEXED BY event_occurrence_start_idx"
                                            " WHERE start_utc >= ?1 AND start_utc < ?2"
                                            " ORDER BY 1 LIMIT 1 OFFSET ?3",
                                            error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, n);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *nth_start = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

void
lia_day_summary_clear (LiaDaySummary *summary)
{
  if (summary == NULL)
    return;

  g_clear_pointer (&summary->first, g_array_unref);
}

static gboolean
query_filters (const LiaEventQuery *query)
{
  return query != NULL &&
         ((query->text != NULL && query->text[0] != '\0') || query->partner_id >= 0 ||
          query->category != NULL || query->audience >= 0 || query->status >= 0 ||
          query->promoted >= 0 || query->channels != 0);
}

/* Which of the @n_days days an occurrence starts on, or -1. */
static int
find_day (const gint64 *starts,
          guint         n_days,
          gint64        first_utc_day,
          gint64        start_utc,
          gboolean      all_day)
{
  guint low = 0, high = n_days;

  /* An all-day date is 00:00 UTC of its day. */
  if (all_day)
    {
      gint64 day = (start_utc >= 0 ? start_utc : start_utc - 86399) / 86400 - first_utc_day;

      return day >= 0 && day < (gint64)n_days ? (int)day : -1;
    }

  if (start_utc < starts[0] || start_utc >= starts[n_days])
    return -1;

  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (starts[middle] <= start_utc)
        low = middle;
      else
        high = middle;
    }

  return (int)low;
}

typedef struct
{
  gint64   start_utc;
  gint64   id;         /* the series, or the single event / changed date */
  gboolean is_date;    /* a kept date of a series */
  gint64   end_utc;
  char    *recurrence_id;
} Candidate;

static void
candidate_clear (gpointer data)
{
  g_free (((Candidate *)data)->recurrence_id);
}

static int
compare_candidate_starts (gconstpointer a,
                          gconstpointer b)
{
  gint64 x = ((const Candidate *)a)->start_utc, y = ((const Candidate *)b)->start_utc;

  return (x > y) - (x < y);
}

/* Keeps the @keep earliest candidates of a day. */
static void
offer (GArray    *candidates,
       guint      keep,
       Candidate *candidate)
{
  guint latest = 0;

  if (candidates->len < keep)
    {
      g_array_append_vals (candidates, candidate, 1);
      return;
    }

  for (guint i = 1; i < candidates->len; i++)
    if (g_array_index (candidates, Candidate, i).start_utc > g_array_index (candidates, Candidate, latest).start_utc)
      latest = i;

  if (candidate->start_utc < g_array_index (candidates, Candidate, latest).start_utc)
    {
      g_array_remove_index_fast (candidates, latest);
      g_array_append_vals (candidates, candidate, 1);
    }
  else
    g_free (candidate->recurrence_id);
}

/* The (series id, original start) of the changed dates out of the trash:
 * those dates count from their own rows. */
static GHashTable *
load_moved_dates (LiaDatabase  *database,
                  GHashTable  **moved_series,
                  GError      **error)
{
  g_autoptr(GHashTable) moved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT o.recurrence_of, o.recurrence_id FROM event AS o"
                                            " INDEXED BY event_recurrence_idx"
                                            " WHERE o.recurrence_of > 0 AND o.deleted_at IS NULL",
                                            error)))
    return NULL;

  /* Keyed "series recurrence-id"; the ids of the series that have any in
   * @moved_series, which a month asks about for each of its dates (without
   * formatting a key for each: a tenth of the month's time). */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 series_id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (moved, g_strdup_printf ("%" G_GINT64_FORMAT " %s", series_id, lia_sql_column_text (stmt, 1)));
      g_hash_table_add (series, g_memdup2 (&series_id, sizeof series_id));
    }

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  *moved_series = g_steal_pointer (&series);

  return g_steal_pointer (&moved);
}

/* The ids of the events in the trash: few, from event_trashed_idx. */
static GHashTable *
load_trashed (LiaDatabase  *database,
              GError      **error)
{
  g_autoptr(GHashTable) trashed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT id FROM event INDEXED BY event_trashed_idx"
                                            " WHERE deleted_at IS NOT NULL",
                                            error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (trashed, g_memdup2 (&id, sizeof id));
    }

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&trashed);
}

/* The details of a kept candidate, as lia_store_list_occurrences() gives. */
static gboolean
read_candidate (LiaDatabase         *database,
                const Candidate     *candidate,
                LiaEventOccurrence  *occurrence,
                GError             **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (database,
                                            OCCURRENCE_SQL_SELECT " AND e.id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, candidate->id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (database, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);

  occurrence->event_id = candidate->id;
  occurrence->series_id = sqlite3_column_type (stmt, OCC_RECURRENCE_OF) == SQLITE_NULL
                            ? candidate->id : sqlite3_column_int64 (stmt, OCC_RECURRENCE_OF);
  occurrence->start_utc = candidate->start_utc;
  occurrence->end_utc = candidate->end_utc;
  occurrence->recurrence_id = g_strdup (candidate->is_date ? candidate->recurrence_id
                                                           : lia_sql_column_text (stmt, OCC_RECURRENCE_ID));
  fill_occurrence (occurrence, stmt);

  return TRUE;
}

static gboolean
summarize_from_list (LiaStore             *self,
                     const LiaEventQuery  *query,
                     const gint64         *starts,
                     guint                 n_days,
                     gint64                first_utc_day,
                     guint                 per_day,
                     GArray               *summaries,
                     GError              **error)
{
  g_autoptr(GArray) occurrences = NULL;

  /* A day either side: all-day dates are UTC days. */
  occurrences = lia_store_list_occurrences (self, query, starts[0] - 86400, starts[n_days] + 86400, 0, error);
  if (occurrences == NULL)
    return FALSE;

  for (guint i = 0; i < occurrences->len; i++)
    {
      LiaEventOccurrence *o = &g_array_index (occurrences, LiaEventOccurrence, i);
      int day = find_day (starts, n_days, first_utc_day, o->start_utc, o->all_day);
      LiaDaySummary *summary;

      if (day < 0)
        continue;
      summary = &g_array_index (summaries, LiaDaySummary, day);
      summary->n_occurrences++;
      if (summary->first->len < per_day)
        {
          g_array_append_vals (summary->first, o, 1);
          memset (o, 0, sizeof *o);
        }
    }

  return TRUE;
}

/**
 * lia_store_summarize_days:
 * @self: a #LiaStore
 * @query: (nullable): which events
 * @first_day: the first day
 * @n_days: how many days
 * @zone: the library's time zone
 * @per_day: how many occurrences each day lists
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LiaDaySummary): one summary a day
 */
GArray *
lia_store_summarize_days (LiaStore             *self,
                          const LiaEventQuery  *query,
                          const GDate          *first_day,
                          guint                 n_days,
                          GTimeZone            *zone,
                          guint                 per_day,
                          GError              **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autofree gint64 *starts = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GHashTable) moved = NULL;
  g_autoptr(GHashTable) moved_series = NULL;
  g_autoptr(GHashTable) trashed = NULL;
  g_autoptr(LiaStmt) dates = NULL;
  g_autoptr(LiaStmt) singles = NULL;
  LiaDatabase *database;
  gint64 first_utc_day;
  /* Kept a day before titles break the ties between equal starts. */
  guint keep = per_day * 4;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), NULL);
  g_return_val_if_fail (n_days > 0, NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = lia_store_get_database (self);
  summaries = g_array_new (FALSE, TRUE, sizeof (LiaDaySummary));
  g_array_set_clear_func (summaries, (GDestroyNotify)lia_day_summary_clear);
  g_array_set_size (summaries, n_days);
  starts = g_new (gint64, n_days + 1);
  for (guint i = 0; i <= n_days; i++)
    {
      GDate day = *first_day;
      g_autoptr(GDateTime) midnight = NULL;

      g_date_add_days (&day, i);
      midnight = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day),
                                  g_date_get_day (&day), 0, 0, 0);
      starts[i] = g_date_time_to_unix (midnight);
      if (i < n_days)
        {
          LiaDaySummary *summary = &g_array_index (summaries, LiaDaySummary, i);

          summary->first = g_array_new (FALSE, TRUE, sizeof (LiaEventOccurrence));
          g_array_set_clear_func (summary->first, (GDestroyNotify)lia_event_occurrence_clear);
        }
    }
  /* 1970-01-01 is day 719163 of GDate's count. */
  first_utc_day = (gint64)g_date_get_julian (first_day) - 719163;

  if (query_filters (query))
    {
      if (!summarize_from_list (self, query, starts, n_days, first_utc_day, per_day, summaries, error))
        return NULL;
      return g_steal_pointer (&summaries);
    }

  /* All-day dates of the first and last days are UTC days: a day either side. */
  if (!_lia_store_occurrences_cover (self, starts[0] - 86400, starts[n_days] + 86400, error) ||
      !(moved = load_moved_dates (database, &moved_series, error)))
    return NULL;

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint i = 0; i < n_days; i++)
    {
      GArray *day = g_array_new (FALSE, TRUE, sizeof (Candidate));

      g_array_set_clear_func (day, candidate_clear);
      g_ptr_array_add (candidates, day);
    }
  if (!(trashed = load_trashed (database, error)))
    return NULL;

  /* The kept dates, from event_occurrence_start_idx alone but for the
   * recurrence id of a date that is moved somewhere (rare). */
  if (!(dates = lia_database_prepare_cached (database,
                                             "SELECT series_id, start_utc, all_day, rowid FROM event_occurrence"
                                             " INDEXED BY event_occurrence_start_idx"
                                             " WHERE start_utc >= ?1 AND start_utc < ?2",
                                             error)))
    return NULL;
  sqlite3_bind_int64 (dates, 1, starts[0] - 86400);
  sqlite3_bind_int64 (dates, 2, starts[n_days] + 86400);

  while ((rc = sqlite3_step (dates)) == SQLITE_ROW)
    {
      gint64 series_id = sqlite3_column_int64 (dates, 0);
      gint64 start = sqlite3_column_int64 (dates, 1);
      int day = find_day (starts, n_days, first_utc_day, start, sqlite3_column_int (dates, 2));
      Candidate candidate = { 0 };

      if (day < 0 || g_hash_table_contains (trashed, &series_id))
        continue;

      candidate.start_utc = start;
      candidate.id = series_id;
      candidate.is_date = TRUE;

      /* A moved date counts from its own row. */
      if (g_hash_table_contains (moved_series, &series_id))
        {
          g_autoptr(LiaStmt) detail = lia_database_prepare_cached (database,
                                                                   "SELECT recurrence_id, end_utc FROM event_occurrence WHERE rowid = ?",
                                                                   error);
          g_autofree char *key = NULL;

          if (detail == NULL)
            return NULL;
          sqlite3_bind_int64 (detail, 1, sqlite3_column_int64 (dates, 3));
          if (sqlite3_step (detail) != SQLITE_ROW)
            continue;
          key = g_strdup_printf ("%" G_GINT64_FORMAT " %s", series_id, lia_sql_column_text (detail, 0));
          if (g_hash_table_contains (moved, key))
            continue;
        }

      g_array_index (summaries, LiaDaySummary, day).n_occurrences++;
      offer (g_ptr_array_index (candidates, day), keep, &candidate);
    }
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  /* Single events and moved dates that start in the days. */
  if (!(singles = lia_database_prepare_cached (database,
                                               "SELECT e.id, e.start_utc, e.all_day, e.last_end_utc, e.recurrence_of"
                                               " FROM event AS e INDEXED BY event_single_start_idx"
                                               " WHERE e.deleted_at IS NULL AND (e.rrule IS NULL OR e.recurrence_of IS NOT NULL)"
                                               " AND e.start_utc >= ?1 AND e.start_utc < ?2",
                                               error)))
    return NULL;
  sqlite3_bind_int64 (singles, 1, starts[0] - 86400);
  sqlite3_bind_int64 (singles, 2, starts[n_days] + 86400);

  while ((rc = sqlite3_step (singles)) == SQLITE_ROW)
    {
      gint64 start = sqlite3_column_int64 (singles, 1);
      int day = find_day (starts, n_days, first_utc_day, start, sqlite3_column_int (singles, 2));
      gint64 series_id = sqlite3_column_int64 (singles, 4);
      Candidate candidate = { 0 };

      /* A moved date of a series in the trash is gone with it. */
      if (day < 0 || (series_id != 0 && g_hash_table_contains (trashed, &series_id)))
        continue;

      candidate.start_utc = start;
      candidate.id = sqlite3_column_int64 (singles, 0);
      candidate.end_utc = sqlite3_column_type (singles, 3) == SQLITE_NULL ? start : sqlite3_column_int64 (singles, 3);
      g_array_index (summaries, LiaDaySummary, day).n_occurrences++;
      offer (g_ptr_array_index (candidates, day), keep, &candidate);
    }
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  /* Only the kept few are read, then ordered as the agenda orders them:
   * the @per_day earliest and those that start with the last of them,
   * whose titles break the tie. Reading all @keep cost four times as many
   * event rows (504 for a six-week month on the large benchmark dataset). */
  for (guint d = 0; d < n_days; d++)
    {
      GArray *day = g_ptr_array_index (candidates, d);
      g_autoptr(GArray) read = g_array_new (FALSE, TRUE, sizeof (LiaEventOccurrence));
      LiaDaySummary *summary = &g_array_index (summaries, LiaDaySummary, d);
      gint64 last_start = G_MAXINT64;
      GArray *sorted;

      g_array_set_clear_func (read, (GDestroyNotify)lia_event_occurrence_clear);
      if (day->len > per_day && per_day > 0)
        {
          g_array_sort (day, compare_candidate_starts);
          last_start = g_array_index (day, Candidate, per_day - 1).start_utc;
        }
      for (guint i = 0; i < day->len; i++)
        {
          Candidate *candidate = &g_array_index (day, Candidate, i);
          LiaEventOccurrence occurrence = { 0 };

          if (candidate->start_utc > last_start)
            break;

          if (candidate->is_date)
            {
              /* A kept date's end and recurrence id, from its row. */
              g_autoptr(LiaStmt) detail = lia_database_prepare_cached (database,
                                                                       "SELECT end_utc, recurrence_id FROM event_occurrence"
                                                                       " WHERE series_id = ?1 AND start_utc = ?2",
                                                                       error);

              if (detail == NULL)
                return NULL;
              sqlite3_bind_int64 (detail, 1, candidate->id);
              sqlite3_bind_int64 (detail, 2, candidate->start_utc);
              if (sqlite3_step (detail) == SQLITE_ROW)
                {
                  candidate->end_utc = sqlite3_column_int64 (detail, 0);
                  candidate->recurrence_id = g_strdup (lia_sql_column_text (detail, 1));
                }
            }
          if (!read_candidate (database, candidate, &occurrence, error))
            return NULL;
          g_array_append_val (read, occurrence);
        }

      sorted = sort_occurrences (read, per_day);
      g_array_unref (summary->first);
      summary->first = sorted;
    }

  return g_steal_pointer (&summaries);
}
