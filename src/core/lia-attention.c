/* lia-attention.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-attention"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lia-attention.h"
#include "lia-store-private.h"

/* What the sources are run with: the day the rules are evaluated on. */
typedef struct
{
  LiaDatabase *database;
  char         today[16];  /* YYYY-MM-DD */
  gint64       today_unix; /* 00:00 UTC of today */
  gboolean     snoozing;   /* whether a snooze runs on today */
  GHashTable  *days;       /* YYYY-MM-DD → as shown, see format_day() */
} LiaAttentionContext;

/* Fills the item's text (and what else its kind says) from its row. */
typedef void (*LiaAttentionDescribeFunc) (LiaAttentionContext *context,
                                          LiaAttentionItem    *item,
                                          sqlite3_stmt        *stmt);

/* A source of the radar: one query and the sentence of its rows. The
 * command line lists every item (sql); the Today page counts them
 * (count_sql) and phrases only the first rows it shows (first_sql). The
 * three are made of the same parts (SOURCE()): the rules are written once. */
typedef struct
{
  LiaAttentionKind          kind;
  guint                     notice_days;  /* shown this many days before it is due */
  const char               *sql;
  const char               *count_sql;    /* its items, and those shown after :since */
  const char               *first_sql;    /* its first :limit items, in the radar's order */
  LiaAttentionDescribeFunc  describe;
} LiaAttentionSource;

G_DEFINE_BOXED_TYPE (LiaAttentionItem, lia_attention_item,
                     lia_attention_item_ref, lia_attention_item_unref)

/* The partner of an item, joined by id through partner_name_idx
 * (0006-today-and-list-reads.sql), which holds the names alone. Every
 * source reads indexes alone, never table rows (test-attention checks the
 * plans): the indexes of 0006 hold the columns each source selects. */
#define PARTNER_BY_ID " partner AS p INDEXED BY partner_name_idx"

/* Whether the item's partner (@column holds its id) is not in the trash,
 * without reading the partner: the trashed partners are few, read once
 * a query through partner_deleted_idx. A count reads no partner at all;
 * joined by id for every item, they cost a lookup in partner_name_idx
 * each, half the counts' time. */
#define PARTNER_TRASHED_IDS "(SELECT id FROM partner WHERE deleted_at IS NOT NULL)"
#define PARTNER_NOT_TRASHED(column) " AND " column " NOT IN " PARTNER_TRASHED_IDS

/* "Snoozed" is the same clause in every source: @key_sql is the SQL of the
 * item's key. :snoozing is 0 when no snooze is running, which spares a
 * lookup per item on most days. */
#define NOT_SNOOZED(key_sql) \
  " AND (:snoozing = 0 OR NOT EXISTS (SELECT 1 FROM attention_snooze AS s" \
  " WHERE s.item_key = " key_sql " AND s.until_day > :today))"

/* Copies @text to @at; returns where the next string goes. */
static char *
put_string (char       **field,
            char        *at,
            const char  *text,
            gsize        length)
{
  *field = memcpy (at, text, length + 1);

  return at + length + 1;
}

/* Writes @date as the store keeps days, YYYY-MM-DD, into @day. */
static void
print_date (const GDate *date,
            char        *day,
            gsize        size)
{
  g_snprintf (day, size, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

static LiaAttentionItem *
attention_item_new (LiaAttentionKind  kind,
                    sqlite3_stmt     *stmt)
{
  LiaAttentionItem *item;
  const char *key, *name, *due_on, *sort_name;
  gsize key_len, name_len, due_len, sort_len;
  char *at;

  /* Every source selects key, partner id, partner name, record id, due
   * day, days overdue and the partner's sort name as its first seven
   * columns. The four strings live in the item's own block: a page of
   * 50,000 items spent a quarter of its time in malloc() and free() with
   * a block each. */
  key = (const char *)sqlite3_column_text (stmt, 0);
  name = (const char *)sqlite3_column_text (stmt, 2);
  due_on = (const char *)sqlite3_column_text (stmt, 4);
  sort_name = (const char *)sqlite3_column_text (stmt, 6);
  key_len = key != NULL ? strlen (key) : 0;
  name_len = name != NULL ? strlen (name) : 0;
  due_len = due_on != NULL ? strlen (due_on) : 0;
  sort_len = sort_name != NULL ? strlen (sort_name) : 0;

  item = g_rc_box_alloc0 (sizeof (LiaAttentionItem) + key_len + name_len + due_len + sort_len + 4);
  at = (char *)(item + 1);
  item->kind = kind;
  at = put_string (&item->key, at, key != NULL ? key : "", key_len);
  item->partner_id = sqlite3_column_int64 (stmt, 1);
  at = put_string (&item->partner_name, at, name != NULL ? name : "", name_len);
  item->record_id = sqlite3_column_int64 (stmt, 3);
  item->days_overdue = sqlite3_column_int (stmt, 5);
  if (due_on != NULL)
    at = put_string (&item->due_on, at, due_on, due_len);
  if (sort_name != NULL)
    put_string (&item->partner_sort_name, at, sort_name, sort_len);

  return item;
}

static void
attention_item_clear (gpointer data)
{
  LiaAttentionItem *item = data;

  g_clear_pointer (&item->text, g_free);
}

static void
bind_context (sqlite3_stmt        *stmt,
              LiaAttentionContext *context)
{
  int index;

  if ((index = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
    sqlite3_bind_text (stmt, index, context->today, -1, SQLITE_TRANSIENT);
  if ((index = sqlite3_bind_parameter_index (stmt, ":now")) > 0)
    sqlite3_bind_int64 (stmt, index, context->today_unix);
  if ((index = sqlite3_bind_parameter_index (stmt, ":snoozing")) > 0)
    sqlite3_bind_int (stmt, index, context->snoozing);
}

/* Runs @sql (one of @source's) with :limit bound to @limit when it has
 * one, and appends an item with its sentence to @items for each row. */
static gboolean
collect (LiaAttentionContext       *context,
         const LiaAttentionSource  *source,
         const char                *sql,
         guint                      limit,
         GPtrArray                 *items,
         GError                   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int index, rc;

  if (!(stmt = lia_database_prepare_cached (context->database, sql, error)))
    return FALSE;

  bind_context (stmt, context);
  if ((index = sqlite3_bind_parameter_index (stmt, ":limit")) > 0)
    sqlite3_bind_int64 (stmt, index, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaAttentionItem *item = attention_item_new (source->kind, stmt);

      source->describe (context, item, stmt);
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (context->database, rc, error);

  return TRUE;
}

/* How many items @source has, and how many of them first showed after
 * @since (none when @since is %NULL). */
static gboolean
count_source (LiaAttentionContext       *context,
              const LiaAttentionSource  *source,
              const GDate               *since,
              guint                     *n_items,
              guint                     *n_new,
              GError                   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (context->database, source->count_sql, error)))
    return FALSE;

  bind_context (stmt, context);
  /* Shown after @since is due after @since plus the notice. */
  if (since != NULL)
    {
      GDate due = *since;
      char day[16];

      g_date_add_days (&due, source->notice_days);
      print_date (&due, day, sizeof day);
      sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":since"), day, -1, SQLITE_TRANSIENT);
    }

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (context->database, rc, error);
  *n_items = sqlite3_column_int (stmt, 0);
  *n_new = sqlite3_column_int (stmt, 1);

  return TRUE;
}

static gboolean
find_snoozing (LiaAttentionContext  *context,
               GError              **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (context->database,
                                            "SELECT EXISTS (SELECT 1 FROM attention_snooze WHERE until_day > :today)",
                                            error)))
    return FALSE;

  bind_context (stmt, context);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (context->database, rc, error);
  context->snoozing = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

/* A day as the page shows it, owned by @context. Items share a few dozen
 * days, and g_date_strftime() opens an iconv converter on every call:
 * formatting each day once took a quarter of the events' time. */
static const char *
format_day (LiaAttentionContext *context,
            const char          *day)
{
  GDate date;
  char buffer[64];
  char *shown;

  if ((shown = g_hash_table_lookup (context->days, day)) != NULL)
    return shown;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  if (!g_date_valid (&date) ||
      g_date_strftime (buffer, sizeof buffer, "%-d %b %Y", &date) == 0)
    shown = g_strdup (day);
  else
    shown = g_strdup (buffer);
  g_hash_table_insert (context->days, g_strdup (day), shown);

  return shown;
}

/* Stale partner information: verified longer ago than the cadence. */
static void
describe_stale (LiaAttentionContext *context,
                LiaAttentionItem    *item,
                sqlite3_stmt        *stmt)
{
  int cadence = sqlite3_column_int (stmt, 8);
  gboolean never = sqlite3_column_type (stmt, 9) == SQLITE_NULL;
  int days = sqlite3_column_int (stmt, 9);

  item->update_requested_at = sqlite3_column_int64 (stmt, 10);

  item->upkeep_mode = g_str_equal ((const char *)sqlite3_column_text (stmt, 7), "partner-sends")
                      ? LIA_UPKEEP_MODE_PARTNER_SENDS : LIA_UPKEEP_MODE_LIBRARY_ASKS;

  if (item->upkeep_mode == LIA_UPKEEP_MODE_PARTNER_SENDS)
    {
      if (never)
        /* Translators: a partner's name, then their cadence in days */
        item->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s has never sent an update (every %d day)",
                                                   "%s has never sent an update (every %d days)",
                                                   cadence),
                                      item->partner_name, cadence);
      else
        /* Translators: a partner's name, days since the last update, the cadence in days */
        item->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s has not sent an update for %d days (every %d)",
                                                   "%s has not sent an update for %d days (every %d)",
                                                   days),
                                      item->partner_name, days, cadence);
    }
  else
    {
      if (never)
        /* Translators: a partner's name, then their cadence in days */
        item->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Time to check in with %s (never confirmed, every %d day)",
                                                   "Time to check in with %s (never confirmed, every %d days)",
                                                   cadence),
                                      item->partner_name, cadence);
      else
        /* Translators: a partner's name, days since the last confirmation, the cadence in days */
        item->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Time to check in with %s (last confirmed %d days ago, every %d)",
                                                   "Time to check in with %s (last confirmed %d days ago, every %d)",
                                                   days),
                                      item->partner_name, days, cadence);
    }
}

/* Stale from the day after the cadence runs out; never verified counts
 * from the day the partner was added. Column 9 is the days since the
 * information was verified, NULL when it never was; column 10 the pending
 * update request. */
#define STALE_DUE \
  "date ((coalesce (p.info_verified_at, p.created_at) / 86400 + p.cadence_days + 1) * 86400, 'unixepoch')"
#define STALE_COLUMNS \
  "SELECT 'stale:' || p.id, p.id, p.name, 0, " STALE_DUE "," \
  " :now / 86400 - coalesce (p.info_verified_at, p.created_at) / 86400 - p.cadence_days - 1," \
  " p.sort_name, p.upkeep_mode, p.cadence_days," \
  " :now / 86400 - p.info_verified_at / 86400," \
  " " LIA_STORE_SQL_UPDATE_REQUESTED_AT
#define STALE_FROM " FROM partner AS p"
#define STALE_WHERE \
  " WHERE p.deleted_at IS NULL AND p.status <> 'ended'" \
  " AND (" LIA_STORE_SQL_IS_STALE ")" \
  NOT_SNOOZED ("'stale:' || p.id")

static void
describe_follow_up (LiaAttentionContext *context,
                    LiaAttentionItem    *item,
                    sqlite3_stmt        *stmt)
{
  /* Translators: a partner's name, then the summary of the contact to follow up */
  item->text = g_strdup_printf (_("Follow up with %s: %s"),
                                item->partner_name, (const char *)sqlite3_column_text (stmt, 7));
}

#define FOLLOW_UP_DUE "i.follow_up_on"
#define FOLLOW_UP_COLUMNS \
  "SELECT 'follow-up:' || i.id, p.id, p.name, i.id, " FOLLOW_UP_DUE "," \
  " CAST (julianday (:today) - julianday (" FOLLOW_UP_DUE ") AS INTEGER), p.sort_name, i.summary"
#define FOLLOW_UP_FROM " FROM interaction AS i"
#define FOLLOW_UP_JOIN " JOIN" PARTNER_BY_ID " ON p.id = i.partner_id"
#define FOLLOW_UP_WHERE \
  " WHERE i.follow_up_on IS NOT NULL AND i.follow_up_done_at IS NULL AND i.deleted_at IS NULL" \
  " AND i.follow_up_on <= :today" \
  PARTNER_NOT_TRASHED ("i.partner_id") \
  NOT_SNOOZED ("'follow-up:' || i.id")

static void
describe_expectation (LiaAttentionContext *context,
                      LiaAttentionItem    *item,
                      sqlite3_stmt        *stmt)
{
  const char *what = (const char *)sqlite3_column_text (stmt, 8);

  if (item->days_overdue > LIA_ATTENTION_MISSED_AFTER_DAYS)
    item->kind = LIA_ATTENTION_EXPECTATION_MISSED;

  if (g_str_equal ((const char *)sqlite3_column_text (stmt, 7), "library-provides"))
    {
      const char *day = format_day (context, item->due_on);

      item->direction = LIA_DIRECTION_LIBRARY_PROVIDES;
      /* Translators: what the library promised, then the day it was due */
      item->text = g_strdup_printf (_("The library owes: %s on %s"), what, day);
    }
  else
    {
      item->direction = LIA_DIRECTION_PARTNER_PROVIDES;
      if (item->days_overdue == 0)
        /* Translators: what the partner promised */
        item->text = g_strdup_printf (_("Partner owes: %s, due today"), what);
      else
        /* Translators: what the partner promised, then how late it is */
        item->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Partner owes: %s, %d day late",
                                                   "Partner owes: %s, %d days late",
                                                   item->days_overdue),
                                      what, item->days_overdue);
    }
}

/* Due, or missed (describe_expectation()) when later than
 * LIA_ATTENTION_MISSED_AFTER_DAYS: the kind follows the days overdue, so
 * the source's own order is the radar's. */
#define EXPECTATION_DUE "e.next_due_on"
#define EXPECTATION_COLUMNS \
  "SELECT 'expectation:' || e.id || ':' || e.next_due_on, p.id, p.name, e.id, " EXPECTATION_DUE "," \
  " CAST (julianday (:today) - julianday (" EXPECTATION_DUE ") AS INTEGER), p.sort_name, e.direction, e.what"
#define EXPECTATION_FROM " FROM expectation AS e"
#define EXPECTATION_JOIN " JOIN" PARTNER_BY_ID " ON p.id = e.partner_id"
#define EXPECTATION_WHERE \
  " WHERE e.status = 'active' AND e.deleted_at IS NULL AND e.next_due_on <= :today" \
  PARTNER_NOT_TRASHED ("e.partner_id") \
  NOT_SNOOZED ("'expectation:' || e.id || ':' || e.next_due_on")

static void
describe_agreement (LiaAttentionContext *context,
                    LiaAttentionItem    *item,
                    sqlite3_stmt        *stmt)
{
  const char *day = format_day (context, item->due_on);

  if (sqlite3_column_int (stmt, 7))
    /* Translators: a partner's name, then a day */
    item->text = g_strdup_printf (_("Agreement with %s renews on %s"), item->partner_name, day);
  else
    /* Translators: a partner's name, then a day */
    item->text = g_strdup_printf (_("Agreement with %s ends on %s"), item->partner_name, day);
}

#define AGREEMENT_DUE "a.ends_on"
#define AGREEMENT_COLUMNS \
  "SELECT 'agreement:' || a.id, p.id, p.name, a.id, " AGREEMENT_DUE "," \
  " CAST (julianday (:today) - julianday (" AGREEMENT_DUE ") AS INTEGER), p.sort_name, a.auto_renews"
#define AGREEMENT_FROM " FROM agreement AS a"
#define AGREEMENT_JOIN " JOIN" PARTNER_BY_ID " ON p.id = a.partner_id"
#define AGREEMENT_WHERE \
  " WHERE a.status = 'active' AND a.deleted_at IS NULL" \
  " AND a.ends_on <= date (:today, '+60 days')" \
  PARTNER_NOT_TRASHED ("a.partner_id") \
  NOT_SNOOZED ("'agreement:' || a.id")

G_STATIC_ASSERT (LIA_ATTENTION_AGREEMENT_NOTICE_DAYS == 60);

/* An upcoming event a listing cannot go out with: no time (a single day
 * without hours), no venue (nor an online link), no description, or still
 * a draft. Column 7 is the title; 8 to 11 say what is missing. */
static void
describe_event (LiaAttentionContext *context,
                LiaAttentionItem    *item,
                sqlite3_stmt        *stmt)
{
  const char *title = (const char *)sqlite3_column_text (stmt, 7);
  const char *day = format_day (context, item->due_on);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  gboolean draft = sqlite3_column_int (stmt, 11);

  if (sqlite3_column_int (stmt, 8))
    g_ptr_array_add (missing, (char *)_("a time"));
  if (sqlite3_column_int (stmt, 9))
    g_ptr_array_add (missing, (char *)_("a venue"));
  if (sqlite3_column_int (stmt, 10))
    g_ptr_array_add (missing, (char *)_("a description"));

  if (missing->len == 0)
    /* Translators: an event's title, then its day */
    item->text = g_strdup_printf (_("%s on %s is still a draft"), title, day);
  else
    {
      g_autofree char *list = NULL;

      if (missing->len == 1)
        list = g_strdup (g_ptr_array_index (missing, 0));
      else if (missing->len == 2)
        /* Translators: two things an event lacks, as in "a venue and a description" */
        list = g_strdup_printf (_("%s and %s"), (char *)g_ptr_array_index (missing, 0),
                                (char *)g_ptr_array_index (missing, 1));
      else
        /* Translators: three things an event lacks */
        list = g_strdup_printf (_("%s, %s and %s"), (char *)g_ptr_array_index (missing, 0),
                                (char *)g_ptr_array_index (missing, 1),
                                (char *)g_ptr_array_index (missing, 2));

      if (draft)
        /* Translators: an event's title, its day, then what it lacks, as in "a venue and a description" */
        item->text = g_strdup_printf (_("%s on %s is a draft and lacks %s"), title, day, list);
      else
        /* Translators: an event's title, its day, then what it lacks, as in "a venue and a description" */
        item->text = g_strdup_printf (_("%s on %s lacks %s"), title, day, list);
    }
}

#define EVENT_DUE "date (max (e.start_utc, :now), 'unixepoch')"
#define EVENT_COLUMNS \
  "SELECT 'event:' || e.id, coalesce (p.id, 0), coalesce (p.name, ''), e.id, " EVENT_DUE "," \
  " CAST (julianday (:today) - julianday (" EVENT_DUE ") AS INTEGER)," \
  " coalesce (p.sort_name, ''), e.title," \
  " e.all_day = 1 AND e.dtend IS NULL," \
  " coalesce (trim (e.venue_name), '') = '' AND coalesce (trim (e.online_url), '') = ''," \
  " trim (e.description) = '' AND trim (e.summary) = ''," \
  " e.status = 'draft'"
/* The library's own events have no partner. */
#define EVENT_JOIN " LEFT JOIN" PARTNER_BY_ID " ON p.id = e.partner_id"

/* Its terms on e are the WHERE of event_single_lacking_idx and
 * event_series_lacking_idx (0005-event-lacking-index.sql, 0006): keep them the
 * same. */
#define EVENT_LACKS \
  " AND e.status <> 'cancelled'" \
  " AND (e.partner_id IS NULL OR e.partner_id NOT IN " PARTNER_TRASHED_IDS ")" \
  " AND ((e.all_day = 1 AND e.dtend IS NULL)" \
  "      OR (coalesce (trim (e.venue_name), '') = '' AND coalesce (trim (e.online_url), '') = '')" \
  "      OR (trim (e.description) = '' AND trim (e.summary) = '')" \
  "      OR e.status = 'draft')" \
  NOT_SNOOZED ("'event:' || e.id")

/* Single events that start in the next 30 days, by
 * event_single_lacking_idx; series still running that started before the
 * 30 days end, by event_series_lacking_idx, from today (their next date).
 * Both indexes hold the events that lack details alone
 * (0005-event-lacking-index.sql), their WHERE the terms of EVENT_LACKS, and
 * since 0006 every column EVENT_COLUMNS reads. Changed dates of a series
 * are the series' business. */
#define EVENT_SINGLES_FROM " FROM event AS e INDEXED BY event_single_lacking_idx"
#define EVENT_SINGLES_WHERE \
  " WHERE e.deleted_at IS NULL AND e.rrule IS NULL AND e.recurrence_of IS NULL" \
  " AND e.start_utc >= :now AND e.start_utc < :now + " G_STRINGIFY (LIA_ATTENTION_EVENT_NOTICE_DAYS) " * 86400" \
  EVENT_LACKS
#define EVENT_SERIES_FROM " FROM event AS e INDEXED BY event_series_lacking_idx"
#define EVENT_SERIES_WHERE \
  " WHERE e.deleted_at IS NULL AND e.rrule IS NOT NULL AND e.recurrence_of IS NULL" \
  " AND (e.last_end_utc IS NULL OR e.last_end_utc >= :now)" \
  " AND e.start_utc < :now + " G_STRINGIFY (LIA_ATTENTION_EVENT_NOTICE_DAYS) " * 86400" \
  EVENT_LACKS

/* Publishing, in SQL over the sync layer's tables (core does not know
 * sync/): a target whose last run failed, or with items the server
 * refused or that conflict; and a target with changes waiting. Column 7
 * is the target's name. */
static void
describe_publish_failed (LiaAttentionContext *context,
                         LiaAttentionItem    *item,
                         sqlite3_stmt        *stmt)
{
  const char *name = (const char *)sqlite3_column_text (stmt, 7);
  gboolean run_failed = sqlite3_column_int (stmt, 8);
  guint n_conflicts = sqlite3_column_int (stmt, 9);
  guint n_failed = sqlite3_column_int (stmt, 10);
  const char *message = (const char *)sqlite3_column_text (stmt, 11);
  g_autofree char *conflicts = NULL;
  g_autofree char *failed = NULL;

  item->n_waiting = n_conflicts + n_failed;

  if (run_failed)
    {
      if (message != NULL && *message != '\0')
        /* Translators: a publish target's name, then why its last run stopped */
        item->text = g_strdup_printf (_("Publishing to “%s” failed: %s"), name, message);
      else
        /* Translators: a publish target's name */
        item->text = g_strdup_printf (_("Publishing to “%s” failed"), name);
      return;
    }

  conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", n_conflicts),
                               n_conflicts);
  failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item refused", "%u items refused", n_failed),
                            n_failed);
  if (n_conflicts > 0 && n_failed > 0)
    /* Translators: a publish target's name, then "2 conflicts" and "1 item refused" */
    item->text = g_strdup_printf (_("Publishing to “%s” needs you: %s, %s"), name, conflicts, failed);
  else
    /* Translators: a publish target's name, then "2 conflicts" or "1 item refused" */
    item->text = g_strdup_printf (_("Publishing to “%s” needs you: %s"), name,
                                  n_conflicts > 0 ? conflicts : failed);
}

/* Shown from the day of the last run (or the target's last change). */
#define PUBLISH_FAILED_DUE "date (min (coalesce (t.last_run_at, t.updated_at), :now), 'unixepoch')"
#define PUBLISH_FAILED_COLUMNS \
  "SELECT 'publish-failed:' || t.id, 0, '', t.id, " PUBLISH_FAILED_DUE "," \
  " CAST (julianday (:today) - julianday (" PUBLISH_FAILED_DUE ") AS INTEGER)," \
  " '', t.name, coalesce (t.last_run_state = 'failed', 0)," \
  " (SELECT count (*) FROM publish_record AS r WHERE r.target_id = t.id AND r.state = 'conflict')," \
  " (SELECT count (*) FROM publish_record AS r WHERE r.target_id = t.id AND r.state = 'failed')," \
  " (SELECT u.message FROM publish_run AS u WHERE u.target_id = t.id ORDER BY u.started_at DESC, u.id DESC LIMIT 1)"
#define PUBLISH_FAILED_FROM " FROM publish_target AS t"
#define PUBLISH_FAILED_WHERE \
  " WHERE t.enabled = 1" \
  " AND (t.last_run_state = 'failed'" \
  "      OR EXISTS (SELECT 1 FROM publish_record AS r WHERE r.target_id = t.id AND r.state IN ('failed', 'conflict')))" \
  NOT_SNOOZED ("'publish-failed:' || t.id")

static void
describe_publish_pending (LiaAttentionContext *context,
                          LiaAttentionItem    *item,
                          sqlite3_stmt        *stmt)
{
  const char *name = (const char *)sqlite3_column_text (stmt, 7);

  item->n_waiting = sqlite3_column_int (stmt, 8) + sqlite3_column_int (stmt, 9);
  /* Translators: how many changes, then a publish target's name */
  item->text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u change waiting to be published to “%s”",
                                             "%u changes waiting to be published to “%s”",
                                             item->n_waiting),
                                item->n_waiting, name);
}

/* What a target would get, as lia_publish_get_status() counts it (so
 * Today and the Publish page give the same number; the sync layer decides
 * exactly): promoted on the website channel, not a draft, changed or
 * trashed since the last run. */
#define PUBLISH_CHANGED_EVENTS \
  " FROM publish_target AS t2 JOIN event AS e" \
  " ON " LIA_SQL_EVENT_CHANGED_FOR_WEBSITE ("coalesce (t2.last_run_at, 0)") \
  " WHERE t2.enabled = 1"

/* Shown from the first change waiting (never before the target was
 * added); records left pending by an interrupted run wait too. */
#define PUBLISH_PENDING_DUE "date (min (coalesce (c.since, t.last_run_at, t.created_at), :now), 'unixepoch')"
#define PUBLISH_PENDING_COLUMNS \
  "SELECT 'publish-pending:' || t.id, 0, '', t.id, " PUBLISH_PENDING_DUE "," \
  " CAST (julianday (:today) - julianday (" PUBLISH_PENDING_DUE ") AS INTEGER)," \
  " '', t.name, coalesce (c.n, 0)," \
  " (SELECT count (*) FROM publish_record AS r WHERE r.target_id = t.id AND r.state = 'pending')"
/* The changes are part of what the item is: its count needs them too. */
#define PUBLISH_PENDING_FROM \
  " FROM publish_target AS t LEFT JOIN" \
  " (SELECT t2.id AS target_id, count (*) AS n, max (min (e.updated_at), t2.created_at) AS since" \
  PUBLISH_CHANGED_EVENTS \
  "  GROUP BY t2.id) AS c ON c.target_id = t.id"
#define PUBLISH_PENDING_WHERE \
  " WHERE t.enabled = 1" \
  " AND (c.n > 0 OR EXISTS (SELECT 1 FROM publish_record AS r WHERE r.target_id = t.id AND r.state = 'pending'))" \
  NOT_SNOOZED ("'publish-pending:' || t.id")

/* A source from the parts of its SQL: @columns (key, partner id, name,
 * record id, due day, days overdue, the partner's sort name, then its
 * own), @from, @join (what @columns alone read: the partner's names),
 * @where and @due, the SQL of its due day. Its count is @from and @where
 * alone, named @name (the tests find it by that). Its first rows are in
 * compare_items()'s order within one source: due day (most days overdue
 * first; the kind of an expectation follows them), then the partner's
 * sort name, name and the key. Where @from's index is in due order
 * (follow-ups, expectations, agreements) sqlite reads rows only until
 * :limit are past, sorting the ties; elsewhere it keeps the first :limit
 * as the rows go by, never sorting them all. */
#define SOURCE(kind, name, notice_days, columns, from, join, where, due, describe) \
  { kind, notice_days, \
    columns from join where, \
    "SELECT count (*) AS " name ", total (" due " > :since)" from where, \
    columns from join where " ORDER BY 5, 7, 3, 1 LIMIT :limit", \
    describe }

/* The sources of the radar: a later one is its SQL, its sentence and one
 * more line here. */
static const LiaAttentionSource sources[] = {
  SOURCE (LIA_ATTENTION_STALE, "stale", 0,
          STALE_COLUMNS, STALE_FROM, "", STALE_WHERE, STALE_DUE, describe_stale),
  SOURCE (LIA_ATTENTION_FOLLOW_UP, "follow_ups", 0,
          FOLLOW_UP_COLUMNS, FOLLOW_UP_FROM, FOLLOW_UP_JOIN, FOLLOW_UP_WHERE, FOLLOW_UP_DUE,
          describe_follow_up),
  SOURCE (LIA_ATTENTION_EXPECTATION_DUE, "expectations", 0,
          EXPECTATION_COLUMNS, EXPECTATION_FROM, EXPECTATION_JOIN, EXPECTATION_WHERE, EXPECTATION_DUE,
          describe_expectation),
  SOURCE (LIA_ATTENTION_AGREEMENT_ENDING, "agreements", LIA_ATTENTION_AGREEMENT_NOTICE_DAYS,
          AGREEMENT_COLUMNS, AGREEMENT_FROM, AGREEMENT_JOIN, AGREEMENT_WHERE, AGREEMENT_DUE,
          describe_agreement),
  SOURCE (LIA_ATTENTION_EVENT_INCOMPLETE, "single_events", LIA_ATTENTION_EVENT_NOTICE_DAYS,
          EVENT_COLUMNS, EVENT_SINGLES_FROM, EVENT_JOIN, EVENT_SINGLES_WHERE, EVENT_DUE, describe_event),
  SOURCE (LIA_ATTENTION_EVENT_INCOMPLETE, "series", LIA_ATTENTION_EVENT_NOTICE_DAYS,
          EVENT_COLUMNS, EVENT_SERIES_FROM, EVENT_JOIN, EVENT_SERIES_WHERE, EVENT_DUE, describe_event),
  SOURCE (LIA_ATTENTION_PUBLISH_FAILED, "publish_failed", 0,
          PUBLISH_FAILED_COLUMNS, PUBLISH_FAILED_FROM, "", PUBLISH_FAILED_WHERE, PUBLISH_FAILED_DUE,
          describe_publish_failed),
  SOURCE (LIA_ATTENTION_PUBLISH_PENDING, "publish_pending", 0,
          PUBLISH_PENDING_COLUMNS, PUBLISH_PENDING_FROM, "", PUBLISH_PENDING_WHERE, PUBLISH_PENDING_DUE,
          describe_publish_pending),
};

/* The partner's sort name (casefolded, accents removed: what the partner
 * list sorts by) breaks ties; comparing it costs a strcmp(), where
 * g_utf8_collate() normalised both names on every call. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const LiaAttentionItem *x = *(LiaAttentionItem * const *)a;
  const LiaAttentionItem *y = *(LiaAttentionItem * const *)b;
  int result;

  if (x->days_overdue != y->days_overdue)
    return x->days_overdue > y->days_overdue ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if ((result = g_strcmp0 (x->partner_sort_name, y->partner_sort_name)) != 0)
    return result;
  if ((result = g_strcmp0 (x->partner_name, y->partner_name)) != 0)
    return result;

  return g_strcmp0 (x->key, y->key);
}

/* Sets @context up for @today. Clear it with clear_context(), whatever
 * this returns. */
static gboolean
init_context (LiaAttentionContext  *context,
              LiaStore             *store,
              const GDate          *today,
              GError              **error)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (g_date_get_year (today),
                                                       g_date_get_month (today),
                                                       g_date_get_day (today), 0, 0, 0);

  context->database = lia_store_get_database (store);
  print_date (today, context->today, sizeof context->today);
  context->today_unix = g_date_time_to_unix (midnight);
  context->snoozing = FALSE;
  context->days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return find_snoozing (context, error);
}

static void
clear_context (LiaAttentionContext *context)
{
  g_clear_pointer (&context->days, g_hash_table_unref);
}

static LiaAttentionGroup
kind_get_group (LiaAttentionKind kind)
{
  switch (kind)
    {
    case LIA_ATTENTION_EXPECTATION_DUE:
    case LIA_ATTENTION_EXPECTATION_MISSED:
      return LIA_ATTENTION_GROUP_PROMISES;
    case LIA_ATTENTION_FOLLOW_UP:
      return LIA_ATTENTION_GROUP_FOLLOW_UPS;
    case LIA_ATTENTION_AGREEMENT_ENDING:
      return LIA_ATTENTION_GROUP_AGREEMENTS;
    case LIA_ATTENTION_EVENT_INCOMPLETE:
      return LIA_ATTENTION_GROUP_EVENTS;
    case LIA_ATTENTION_PUBLISH_FAILED:
    case LIA_ATTENTION_PUBLISH_PENDING:
      return LIA_ATTENTION_GROUP_PUBLISHING;
    case LIA_ATTENTION_STALE:
    default:
      return LIA_ATTENTION_GROUP_INFORMATION;
    }
}

GType
lia_attention_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { LIA_ATTENTION_STALE, "LIA_ATTENTION_STALE", "stale" },
        { LIA_ATTENTION_FOLLOW_UP, "LIA_ATTENTION_FOLLOW_UP", "follow-up" },
        { LIA_ATTENTION_EXPECTATION_DUE, "LIA_ATTENTION_EXPECTATION_DUE", "expectation-due" },
        { LIA_ATTENTION_EXPECTATION_MISSED, "LIA_ATTENTION_EXPECTATION_MISSED", "expectation-missed" },
        { LIA_ATTENTION_AGREEMENT_ENDING, "LIA_ATTENTION_AGREEMENT_ENDING", "agreement-ending" },
        { LIA_ATTENTION_EVENT_INCOMPLETE, "LIA_ATTENTION_EVENT_INCOMPLETE", "event-incomplete" },
        { LIA_ATTENTION_PUBLISH_FAILED, "LIA_ATTENTION_PUBLISH_FAILED", "publish-failed" },
        { LIA_ATTENTION_PUBLISH_PENDING, "LIA_ATTENTION_PUBLISH_PENDING", "publish-pending" },
        { 0, NULL, NULL }
      };

      g_once_init_leave (&type, g_enum_register_static ("LiaAttentionKind", values));
    }

  return type;
}

LiaAttentionItem *
lia_attention_item_ref (LiaAttentionItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return g_rc_box_acquire (item);
}

void
lia_attention_item_unref (LiaAttentionItem *item)
{
  g_return_if_fail (item != NULL);

  g_rc_box_release_full (item, attention_item_clear);
}

/**
 * lia_attention_compute:
 * @store: a #LiaStore
 * @today: the day to evaluate the rules on
 * @error: return location for a #GError
 *
 * Lists what needs a human on @today, most urgent first: most days overdue,
 * then by kind, then by partner name. Trashed records and snoozed items
 * are left out.
 *
 * Returns: (transfer full) (element-type LiaAttentionItem): the items
 */
GPtrArray *
lia_attention_compute (LiaStore     *store,
                       const GDate  *today,
                       GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  LiaAttentionContext context;
  gboolean done;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_attention_item_unref);

  done = init_context (&context, store, today, error);
  for (guint i = 0; done && i < G_N_ELEMENTS (sources); i++)
    done = collect (&context, &sources[i], sources[i].sql, 0, items, error);
  clear_context (&context);

  if (!done)
    return NULL;

  g_ptr_array_sort (items, compare_items);

  return g_steal_pointer (&items);
}

/**
 * lia_attention_compute_shown:
 * @store: a #LiaStore
 * @today: the day to evaluate the rules on
 * @limits: (array fixed-size=6): how many items of each group to list
 * @since: (nullable): a day, for @n_new_since
 * @counts: (out caller-allocates) (array fixed-size=6) (optional): how many
 *   items each group has in all
 * @n_new_since: (out) (optional): how many items first showed after @since
 *   (lia_attention_count_new_since() over every item); 0 without @since
 * @error: return location for a #GError
 *
 * What the Today page shows: the first @limits[group] items of each group,
 * the same items in the same order as lia_attention_compute() gives, with
 * the counts of every item. Only the items listed are made and phrased;
 * the others are counted in SQL over the same rules.
 *
 * Returns: (transfer full) (element-type LiaAttentionItem): the items, group
 *   by group in the order of #LiaAttentionGroup
 */
GPtrArray *
lia_attention_compute_shown (LiaStore     *store,
                             const GDate  *today,
                             const guint  *limits,
                             const GDate  *since,
                             guint        *counts,
                             guint        *n_new_since,
                             GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GPtrArray *groups[LIA_ATTENTION_N_GROUPS];
  guint group_counts[LIA_ATTENTION_N_GROUPS] = { 0 };
  guint n_new = 0;
  LiaAttentionContext context;
  gboolean done;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (limits != NULL, NULL);
  g_return_val_if_fail (since == NULL || g_date_valid (since), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_attention_item_unref);
  for (guint g = 0; g < LIA_ATTENTION_N_GROUPS; g++)
    groups[g] = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_attention_item_unref);

  done = init_context (&context, store, today, error);
  for (guint i = 0; done && i < G_N_ELEMENTS (sources); i++)
    {
      LiaAttentionGroup group = kind_get_group (sources[i].kind);
      guint n_items = 0, n_source_new = 0;

      done = count_source (&context, &sources[i], since, &n_items, &n_source_new, error);
      if (done && n_items > 0 && limits[group] > 0)
        done = collect (&context, &sources[i], sources[i].first_sql, limits[group], groups[group], error);
      group_counts[group] += n_items;
      n_new += n_source_new;
    }
  clear_context (&context);

  /* A group of several sources has the first of each: their merge, cut
   * to the limit, is the group's first. */
  for (guint g = 0; g < LIA_ATTENTION_N_GROUPS; g++)
    {
      if (done)
        {
          g_ptr_array_sort (groups[g], compare_items);
          if (groups[g]->len > limits[g])
            g_ptr_array_set_size (groups[g], limits[g]);
          g_ptr_array_extend_and_steal (items, g_steal_pointer (&groups[g]));
        }
      else
        g_clear_pointer (&groups[g], g_ptr_array_unref);
    }

  if (!done)
    return NULL;

  if (counts != NULL)
    memcpy (counts, group_counts, sizeof group_counts);
  if (n_new_since != NULL)
    *n_new_since = n_new;

  return g_steal_pointer (&items);
}

static gboolean
write_snooze (LiaStore     *store,
              const char   *sql,
              const char   *key,
              const char   *until,
              GError      **error)
{
  LiaDatabase *database = lia_store_get_database (store);
  g_autoptr(GDateTime) now = _lia_store_now (store);
  int rc;

  if (!lia_database_begin (database, error))
    return FALSE;

  {
    g_autoptr(LiaStmt) stmt = lia_database_prepare_cached (database, sql, error);

    if (stmt == NULL)
      {
        lia_database_rollback (database);
        return FALSE;
      }

    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
    if (until != NULL)
      {
        sqlite3_bind_text (stmt, 2, until, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (now));
      }

    if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
      {
        lia_database_set_error_from_sqlite (database, rc, error);
        g_clear_pointer (&stmt, lia_stmt_release);
        lia_database_rollback (database);
        return FALSE;
      }
  }

  return lia_database_commit (database, error);
}

/**
 * lia_attention_snooze:
 * @store: a #LiaStore
 * @key: the item's key
 * @until: the day the item comes back
 * @error: return location for a #GError
 *
 * Leaves the item out of the radar until @until (it shows again on that
 * day). Snoozing again replaces the day.
 *
 * Returns: whether the snooze was saved
 */
gboolean
lia_attention_snooze (LiaStore     *store,
                      const char   *key,
                      const GDate  *until,
                      GError      **error)
{
  char day[16];

  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);
  g_return_val_if_fail (until != NULL && g_date_valid (until), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  print_date (until, day, sizeof day);

  return write_snooze (store,
                       "INSERT INTO attention_snooze (item_key, until_day, created_at) VALUES (?1, ?2, ?3)"
                       " ON CONFLICT (item_key) DO UPDATE SET until_day = excluded.until_day,"
                       " created_at = excluded.created_at",
                       key, day, error);
}

/**
 * lia_attention_unsnooze:
 * @store: a #LiaStore
 * @key: the item's key
 * @error: return location for a #GError
 *
 * Brings a snoozed item back at once; nothing happens when it was not snoozed.
 *
 * Returns: whether the snooze was removed
 */
gboolean
lia_attention_unsnooze (LiaStore     *store,
                        const char   *key,
                        GError      **error)
{
  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_snooze (store, "DELETE FROM attention_snooze WHERE item_key = ?1",
                       key, NULL, error);
}

/**
 * lia_attention_get_today:
 * @zone: (nullable): the library's time zone; %NULL means local time
 * @now: (nullable): the instant; %NULL means now
 * @today: (out): the day
 *
 * The day the radar runs on: the library's day, not UTC's.
 */
void
lia_attention_get_today (GTimeZone *zone,
                         GDateTime *now,
                         GDate     *today)
{
  g_autoptr(GDateTime) here = NULL;
  g_autoptr(GTimeZone) local = NULL;

  g_return_if_fail (today != NULL);

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();
  if (now != NULL)
    here = g_date_time_to_timezone (now, zone);
  else
    here = g_date_time_new_now (zone);

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (here),
                  g_date_time_get_month (here), g_date_time_get_year (here));
}

LiaAttentionGroup
lia_attention_item_get_group (const LiaAttentionItem *item)
{
  g_return_val_if_fail (item != NULL, LIA_ATTENTION_GROUP_INFORMATION);

  return kind_get_group (item->kind);
}

const char *
lia_attention_item_get_icon_name (const LiaAttentionItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case LIA_ATTENTION_STALE:
      return item->upkeep_mode == LIA_UPKEEP_MODE_PARTNER_SENDS
             ? "mail-unread-symbolic" : "call-start-symbolic";
    case LIA_ATTENTION_FOLLOW_UP:
      return "mail-reply-sender-symbolic";
    case LIA_ATTENTION_EXPECTATION_DUE:
      return "task-due-symbolic";
    case LIA_ATTENTION_EXPECTATION_MISSED:
      return "dialog-warning-symbolic";
    case LIA_ATTENTION_EVENT_INCOMPLETE:
      return "x-office-calendar-symbolic";
    case LIA_ATTENTION_PUBLISH_FAILED:
      return "dialog-warning-symbolic";
    case LIA_ATTENTION_PUBLISH_PENDING:
      return "send-to-symbolic";
    case LIA_ATTENTION_AGREEMENT_ENDING:
    default:
      return "x-office-document-symbolic";
    }
}

guint
lia_attention_item_get_actions (const LiaAttentionItem *item,
                                LiaAttentionAction     *actions)
{
  guint n = 0;

  g_return_val_if_fail (item != NULL, 0);
  g_return_val_if_fail (actions != NULL, 0);

  switch (item->kind)
    {
    case LIA_ATTENTION_STALE:
      /* In partner-sends mode the partner is late, so the library asks;
       * in library-asks mode the library checks in itself. */
      if (item->upkeep_mode == LIA_UPKEEP_MODE_PARTNER_SENDS)
        {
          actions[n++] = LIA_ATTENTION_ACTION_ASK_FOR_UPDATE;
          actions[n++] = LIA_ATTENTION_ACTION_LOG_CONTACT;
        }
      else
        {
          actions[n++] = LIA_ATTENTION_ACTION_LOG_CONTACT;
          actions[n++] = LIA_ATTENTION_ACTION_ASK_FOR_UPDATE;
        }
      actions[n++] = LIA_ATTENTION_ACTION_MARK_VERIFIED;
      break;
    case LIA_ATTENTION_FOLLOW_UP:
      actions[n++] = LIA_ATTENTION_ACTION_LOG_CONTACT;
      actions[n++] = LIA_ATTENTION_ACTION_MARK_DONE;
      break;
    case LIA_ATTENTION_EXPECTATION_DUE:
    case LIA_ATTENTION_EXPECTATION_MISSED:
      actions[n++] = LIA_ATTENTION_ACTION_MARK_MET;
      actions[n++] = LIA_ATTENTION_ACTION_MARK_MISSED;
      break;
    case LIA_ATTENTION_EVENT_INCOMPLETE:
      actions[n++] = LIA_ATTENTION_ACTION_OPEN_EVENT;
      /* The library's own events have no partner to open. */
      if (item->partner_id == 0)
        return n;
      break;
    case LIA_ATTENTION_PUBLISH_FAILED:
    case LIA_ATTENTION_PUBLISH_PENDING:
      /* No partner: the Publish page is where it is dealt with. */
      actions[n++] = LIA_ATTENTION_ACTION_OPEN_PUBLISH;
      return n;
    case LIA_ATTENTION_AGREEMENT_ENDING:
    default:
      actions[n++] = LIA_ATTENTION_ACTION_RENEW;
      break;
    }
  actions[n++] = LIA_ATTENTION_ACTION_OPEN;

  g_assert (n <= LIA_ATTENTION_MAX_ACTIONS);

  return n;
}

void
lia_attention_item_get_shown_from (const LiaAttentionItem *item,
                                   GDate                  *day)
{
  g_return_if_fail (item != NULL);
  g_return_if_fail (day != NULL);

  g_date_clear (day, 1);
  g_date_set_parse (day, item->due_on);
  g_return_if_fail (g_date_valid (day));

  /* Every other kind shows on its due day. */
  if (item->kind == LIA_ATTENTION_AGREEMENT_ENDING)
    g_date_subtract_days (day, LIA_ATTENTION_AGREEMENT_NOTICE_DAYS);
  else if (item->kind == LIA_ATTENTION_EVENT_INCOMPLETE)
    g_date_subtract_days (day, LIA_ATTENTION_EVENT_NOTICE_DAYS);
}

const char *
lia_attention_group_get_title (LiaAttentionGroup group)
{
  switch (group)
    {
    case LIA_ATTENTION_GROUP_PROMISES:
      return _("Promises");
    case LIA_ATTENTION_GROUP_FOLLOW_UPS:
      return _("Follow-Ups");
    case LIA_ATTENTION_GROUP_EVENTS:
      return _("Upcoming Events");
    case LIA_ATTENTION_GROUP_PUBLISHING:
      return _("Publishing");
    case LIA_ATTENTION_GROUP_AGREEMENTS:
      return _("Agreements");
    case LIA_ATTENTION_GROUP_INFORMATION:
      return _("Out-of-Date Information");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lia_attention_action_get_label (LiaAttentionAction action)
{
  switch (action)
    {
    case LIA_ATTENTION_ACTION_ASK_FOR_UPDATE:
      return _("_Ask for an Update");
    case LIA_ATTENTION_ACTION_LOG_CONTACT:
      return _("_Log a Contact");
    case LIA_ATTENTION_ACTION_MARK_VERIFIED:
      return _("Mark as _Verified");
    case LIA_ATTENTION_ACTION_MARK_DONE:
      return _("Mark as _Done");
    case LIA_ATTENTION_ACTION_MARK_MET:
      return _("Mark _Met");
    case LIA_ATTENTION_ACTION_MARK_MISSED:
      return _("Mark M_issed");
    case LIA_ATTENTION_ACTION_RENEW:
      return _("_Renew");
    case LIA_ATTENTION_ACTION_OPEN:
      return _("_Open Partner");
    case LIA_ATTENTION_ACTION_OPEN_EVENT:
      return _("_Edit Event");
    case LIA_ATTENTION_ACTION_OPEN_PUBLISH:
      return _("_Review & Publish");
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
lia_attention_count_new_since (GPtrArray   *items,
                               const GDate *since)
{
  guint count = 0;

  g_return_val_if_fail (items != NULL, 0);
  g_return_val_if_fail (since != NULL && g_date_valid (since), 0);

  for (guint i = 0; i < items->len; i++)
    {
      GDate shown_from;

      lia_attention_item_get_shown_from (g_ptr_array_index (items, i), &shown_from);
      if (g_date_valid (&shown_from) && g_date_compare (&shown_from, since) > 0)
        count++;
    }

  return count;
}
