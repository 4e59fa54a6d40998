/* lia-publish-job.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run: workers take steps from a queue and send them (blocking, one
 * SoupSession shared); the job's thread alone touches the database and
 * records each result the moment it arrives, so the records are never
 * behind what the server holds by more than the steps in flight — and
 * those are made safe by the preconditions (If-None-Match: * finds a
 * create that landed; a write that meets itself is recognised below,
 * for every kind of target).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "lia-ical.h"
#include "lia-publish-gate.h"
#include "lia-publish-job.h"
#include "lia-recurrence.h"

#define DEFAULT_IN_FLIGHT   4
#define DEFAULT_ATTEMPTS    4
#define DEFAULT_RETRY_MS    1000
#define DEFAULT_TIMEOUT     30

static const char * const outcome_nicks[] = { "done", "conflict", "failed", "pending", "planned" };
static const char * const run_state_nicks[] = { "ok", "partial", "failed", "cancelled", "dry-run" };

const char *
lia_publish_step_outcome_to_nick (LiaPublishStepOutcome outcome)
{
  g_return_val_if_fail ((guint)outcome < G_N_ELEMENTS (outcome_nicks), NULL);

  return outcome_nicks[outcome];
}

const char *
lia_publish_run_state_to_nick (LiaPublishRunState state)
{
  g_return_val_if_fail ((guint)state < G_N_ELEMENTS (run_state_nicks), NULL);

  return run_state_nicks[state];
}

void
lia_publish_options_init (LiaPublishOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

void
lia_publish_log_line_free (LiaPublishLogLine *self)
{
  if (self == NULL)
    return;

  g_free (self->item);
  g_free (self->title);
  g_free (self->message);
  g_free (self);
}

void
lia_publish_report_free (LiaPublishReport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->plan, lia_publish_plan_free);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_free (self->message);
  g_free (self);
}

/* g_set_str() is GLib 2.76. */
static void
set_str (char       **slot,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static LiaPublishReport *
report_new (void)
{
  LiaPublishReport *report = g_new0 (LiaPublishReport, 1);

  report->lines = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_publish_log_line_free);

  return report;
}

static gint64
store_now (LiaStore *store)
{
  g_autoptr(GDateTime) now = lia_store_dup_now (store);

  return g_date_time_to_unix (now);
}

/* The publisher of a target with an HTTP session: credentials only for
 * the real run, so planning never needs a password. */
static LiaPublisher *
publisher_for (const LiaTarget          *target,
               const LiaPublishContext  *context,
               const char               *password,
               guint                     timeout,
               LiaHttp                 **http_out,
               GError                  **error)
{
  g_autoptr(LiaHttp) http = NULL;
  LiaPublisher *publisher;

  if (target->kind != LIA_TARGET_FOLDER)
    {
      if (!(http = lia_http_new (target->url, password != NULL ? target->username : NULL, password, error)))
        return NULL;
      lia_http_set_timeout (http, timeout);
    }
  if (!(publisher = lia_publisher_new (target, http, context, error)))
    return NULL;
  if (http_out != NULL)
    *http_out = g_steal_pointer (&http);

  return publisher;
}

static gboolean
add_uids (LiaDatabase  *database,
          GArray       *ids,
          GHashTable   *uids,
          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (ids->len == 0)
    return TRUE;
  if (!(stmt = lia_database_prepare (database, "SELECT uid FROM event WHERE id = ?1", error)))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_add (uids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      else if (rc != SQLITE_DONE)
        return lia_database_set_error_from_sqlite (database, rc, error);
    }

  return TRUE;
}

/* An item key is a uid, or (one post per date) "uid@YYYYMMDDTHHMMSSZ":
 * splits off the date, if there is one. */
static char *
split_item_key (const char *key,
                gint64     *start_utc)
{
  const char *at = strrchr (key, '@');
  int y, mo, d, h, mi, se;
  char z;

  *start_utc = 0;
  if (at != NULL && strlen (at + 1) == 16 &&
      sscanf (at + 1, "%4d%2d%2dT%2d%2d%2d%c", &y, &mo, &d, &h, &mi, &se, &z) == 7 && z == 'Z')
    {
      g_autoptr(GDateTime) when = g_date_time_new_utc (y, mo, d, h, mi, se);

      if (when != NULL)
        {
          *start_utc = g_date_time_to_unix (when);
          return g_strndup (key, at - key);
        }
    }

  return g_strdup (key);
}

/* What a target published of an event stays when the event merely grew
 * old (ended before the target's window): a website keeps its past
 * events. Only a change of the event — trashed, unpromoted, a date taken
 * away — removes it. */
static gboolean
keep_past_items (LiaStore         *store,
                 const LiaTarget  *target,
                 GArray           *selected,
                 LiaPublishPlan   *plan,
                 GError          **error)
{
  LiaDatabase *database = lia_store_get_database (store);
  gint64 now = store_now (store);
  gint64 window_start = now - (gint64)target->past_days * 86400;
  g_autoptr(GArray) past = NULL;
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) aged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_delete = 0;

  if (plan->n_delete == 0)
    return TRUE;
  if (!(past = lia_target_select_past_event_ids (target, database, now, error)) ||
      !add_uids (database, selected, current, error) ||
      !add_uids (database, past, aged, error))
    return FALSE;

  for (guint i = 0; i < plan->steps->len;)
    {
      LiaPublishStep *step = g_ptr_array_index (plan->steps, i);
      g_autofree char *uid = NULL;
      gint64 start_utc;
      gboolean keep = FALSE;

      if (step->action != LIA_PUBLISH_DELETE || step->record->item_kind != LIA_PUBLISH_ITEM_EVENT)
        {
          i++;
          continue;
        }
      uid = split_item_key (step->record->item, &start_utc);
      if (start_utc == 0)
        keep = g_hash_table_contains (aged, uid);
      else
        keep = start_utc < window_start &&
               (g_hash_table_contains (aged, uid) || g_hash_table_contains (current, uid));

      if (keep)
        g_ptr_array_remove_index (plan->steps, i);
      else
        {
          n_delete++;
          i++;
        }
    }
  plan->n_delete = n_delete;

  return TRUE;
}

static LiaPublishPlan *
compute_plan (LiaStore         *store,
              const LiaTarget  *target,
              LiaPublisher     *publisher,
              GError          **error)
{
  LiaDatabase *database = lia_store_get_database (store);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(LiaPublishPlan) plan = NULL;
  GPtrArray *items;

  if (!(ids = lia_target_select_event_ids (target, database, store_now (store), error)))
    return NULL;
  if (!(items = lia_publisher_build_items (publisher, store, ids, error)))
    return NULL;
  if (!(records = lia_publish_records_load (database, target->id, error)))
    {
      g_ptr_array_unref (items);
      return NULL;
    }

  plan = lia_publish_plan_diff (target, items, records);
  if (!keep_past_items (store, target, ids, plan, error))
    return NULL;

  return g_steal_pointer (&plan);
}

LiaPublishPlan *
lia_publish_plan_compute (LiaStore                *store,
                          const LiaTarget         *target,
                          const LiaPublishContext *context,
                          GError                 **error)
{
  g_autoptr(LiaPublisher) publisher = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (target != NULL && context != NULL, NULL);

  if (!(publisher = publisher_for (target, context, NULL, DEFAULT_TIMEOUT, NULL, error)))
    return NULL;

  return compute_plan (store, target, publisher, error);
}

/* The run's shared state. Workers read steps and the flags; everything
 * else belongs to the job's thread. */
typedef struct
{
  LiaPublisher      *publisher;
  GCancellable      *cancellable;
  GAsyncQueue       *todo;       /* LiaPublishStep * (borrowed) */
  GAsyncQueue       *done;       /* StepResult * */
  guint              attempts;
  guint              retry_ms;
  int                stop;       /* atomic: 401/403 seen, take no more steps */
  int                n_retries;  /* atomic */
  LiaPublishGate     gate;       /* how many requests are in flight */
} Run;

typedef struct
{
  LiaPublishStep        *step;
  LiaPublishStepOutcome  outcome;
  LiaPublishResult       result;
  GError                *error;
} StepResult;

static void
step_result_free (StepResult *self)
{
  lia_publish_result_clear (&self->result);
  g_clear_error (&self->error);
  g_free (self);
}

/* A sleep that ends early on cancel or stop. */
static void
backoff (Run   *run,
         guint  ms)
{
  gint64 until = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < until &&
         !g_cancellable_is_cancelled (run->cancellable) && !g_atomic_int_get (&run->stop))
    g_usleep (MIN (20000, (until - g_get_monotonic_time ()) > 0 ? (gulong)(until - g_get_monotonic_time ()) : 0));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The events of an iCalendar text as sorted lines "UID RECURRENCE-ID
 * NAME;TZID:VALUE", so that the same events read the same whatever order,
 * folding, escaping and PRODID a server wrote them back with (Radicale
 * re-serialises what it stores). NULL when it is not iCalendar. */
static char *
describe_events (GBytes *data)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  icalcomponent *calendar;

  lia_time_zones_lock ();
  calendar = icalparser_parse_string (text);
  if (calendar != NULL)
    {
      for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
           event != NULL;
           event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          icalproperty *recurrence_id = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
          const char *uid = icalcomponent_get_uid (event);
          g_autofree char *key = g_strdup_printf ("%s %s",
                                                  uid != NULL ? uid : "",
                                                  recurrence_id != NULL ? icalproperty_get_value_as_string (recurrence_id) : "");

          for (icalproperty *property = icalcomponent_get_first_property (event, ICAL_ANY_PROPERTY);
               property != NULL;
               property = icalcomponent_get_next_property (event, ICAL_ANY_PROPERTY))
            {
              const char *tzid = icalproperty_get_parameter_as_string (property, "TZID");

              g_ptr_array_add (lines, g_strdup_printf ("%s %s;%s:%s", key,
                                                       icalproperty_get_property_name (property),
                                                       tzid != NULL ? tzid : "",
                                                       icalproperty_get_value_as_string (property)));
            }
        }
      icalcomponent_free (calendar);
    }
  lia_time_zones_unlock ();

  if (calendar == NULL || lines->len == 0)
    return NULL;

  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Whether @theirs is what @item sends: the same bytes (a file server
 * keeps them as sent), or for a calendar resource the same events as the
 * CalDAV server wrote them back. */
static gboolean
item_matches (const LiaPublishItem *item,
              GBytes               *theirs)
{
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, theirs);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (g_strcmp0 (hash, item->content_hash) == 0)
    return TRUE;
  if (item->item_kind != LIA_PUBLISH_ITEM_EVENT
      || item->content_type == NULL || !g_str_has_prefix (item->content_type, "text/calendar"))
    return FALSE;

  a = describe_events (theirs);
  b = describe_events (item->content);

  return a != NULL && g_strcmp0 (a, b) == 0;
}

/* A write refused as a conflict (412) may have met itself: an earlier
 * attempt of the step was stored, its answer lost (a run cut short, a
 * retry after a timeout). When the remote copy is already what the step
 * sends, the step is done. Creates are always read back; an update only
 * when the publisher says where it wrote (a conflict found before writing,
 * as a post changed on the website, is one). */
static gboolean
remote_is_ours (LiaPublisher         *publisher,
                const LiaPublishStep *step,
                LiaPublishResult     *result,
                GCancellable         *cancellable)
{
  LiaPublishRecord probe = { 0 };
  g_autoptr(GBytes) theirs = NULL;
  g_autofree char *etag = NULL;

  if (step->item == NULL)
    return FALSE;
  if (step->action != LIA_PUBLISH_CREATE
      && (step->action != LIA_PUBLISH_UPDATE || result->remote_href == NULL))
    return FALSE;
  if (step->record != NULL)
    probe = *step->record;
  else
    {
      probe.item_kind = step->item->item_kind;
      probe.item = step->item->item;
    }
  if (result->remote_href != NULL)
    probe.remote_href = result->remote_href;
  if (probe.remote_href == NULL)
    return FALSE;

  if (!(theirs = lia_publisher_fetch_remote (publisher, &probe, &etag, cancellable, NULL)) ||
      !item_matches (step->item, theirs))
    return FALSE;

  g_debug ("%s already holds what was to be sent", probe.remote_href);
  if (result->remote_href == NULL)
    result->remote_href = g_strdup (probe.remote_href);
  g_free (result->remote_etag);
  result->remote_etag = g_steal_pointer (&etag);
  if (result->remote_id == NULL)
    result->remote_id = g_strdup (probe.remote_id);
  return TRUE;
}

/* lia_publisher_apply(), with a conflict that met itself taken as done:
 * for a run's steps and a resolved conflict alike. */
static gboolean
apply_step (LiaPublisher         *publisher,
            const LiaPublishStep *step,
            LiaPublishResult     *result,
            GCancellable         *cancellable,
            GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  if (lia_publisher_apply (publisher, step, result, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_CONFLICT)
      && remote_is_ours (publisher, step, result, cancellable))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gpointer
worker (gpointer data)
{
  Run *run = data;
  LiaPublishStep *step;

  while ((step = g_async_queue_try_pop (run->todo)) != NULL)
    {
      StepResult *result = g_new0 (StepResult, 1);

      result->step = step;
      result->outcome = LIA_PUBLISH_STEP_PENDING;

      for (guint attempt = 1;; attempt++)
        {
          gboolean applied;

          g_clear_error (&result->error);
          lia_publish_result_clear (&result->result);

          if (g_atomic_int_get (&run->stop))
            {
              g_set_error_literal (&result->error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_AUTH,
                                   _("Not sent: the run stopped."));
              break;
            }
          if (g_cancellable_set_error_if_cancelled (run->cancellable, &result->error))
            break;

          /* A delete of what never reached the server needs no request. */
          if (step->action == LIA_PUBLISH_DELETE && step->record->remote_href == NULL)
            {
              result->outcome = LIA_PUBLISH_STEP_DONE;
              break;
            }

          lia_publish_gate_enter (&run->gate);
          applied = apply_step (run->publisher, step, &result->result, run->cancellable, &result->error);
          lia_publish_gate_leave (&run->gate);
          if (applied)
            {
              result->outcome = LIA_PUBLISH_STEP_DONE;
              break;
            }

          if (g_error_matches (result->error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_CONFLICT))
            {
              result->outcome = LIA_PUBLISH_STEP_CONFLICT;
              break;
            }
          if (g_error_matches (result->error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_AUTH))
            {
              g_atomic_int_set (&run->stop, TRUE);
              break;
            }
          if (g_error_matches (result->error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_REFUSED))
            {
              result->outcome = LIA_PUBLISH_STEP_FAILED;
              break;
            }
          if (!g_error_matches (result->error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT) ||
              attempt >= run->attempts)
            break;

          g_debug ("Trying “%s” again: %s", step->title, result->error->message);
          g_atomic_int_inc (&run->n_retries);
          backoff (run, run->retry_ms << (attempt - 1));
        }

      g_async_queue_push (run->done, result);
    }

  return NULL;
}

static gboolean
insert_run (LiaDatabase  *database,
            gint64        target_id,
            gint64        now,
            gint64       *run_id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare (database,
                                     "INSERT INTO publish_run (target_id, started_at, state)"
                                     " VALUES (?1, ?2, 'running')", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);
  *run_id = sqlite3_last_insert_rowid (lia_database_get_handle (database));

  return TRUE;
}

static void
insert_line (LiaDatabase             *database,
             gint64                   run_id,
             const LiaPublishLogLine *line)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  if (!(stmt = lia_database_prepare (database,
                                     "INSERT INTO publish_run_step (run_id, at, action, item, title, outcome, message)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &error)))
    {
      g_warning ("Could not log a publish step: %s", error->message);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, run_id);
  sqlite3_bind_int64 (stmt, 2, line->at);
  sqlite3_bind_text (stmt, 3, lia_publish_action_to_nick (line->action), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, line->item, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, line->title != NULL ? line->title : line->item, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, outcome_nicks[line->outcome], -1, SQLITE_STATIC);
  if (line->message != NULL)
    sqlite3_bind_text (stmt, 7, line->message, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_warning ("Could not log a publish step: %s", sqlite3_errmsg (lia_database_get_handle (database)));
}

static gboolean
finish_run (LiaDatabase       *database,
            const LiaTarget   *target,
            gint64             run_id,
            LiaPublishReport  *report,
            gint64             now,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) target_stmt = NULL;
  const char *state = run_state_nicks[report->state];
  int rc;

  if (!(stmt = lia_database_prepare (database,
                                     "UPDATE publish_run SET finished_at = ?2, state = ?3, n_done = ?4,"
                                     " n_conflicts = ?5, n_failed = ?6, n_pending = ?7, n_requests = ?8,"
                                     " message = ?9 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, (int)report->n_done);
  sqlite3_bind_int (stmt, 5, (int)report->n_conflicts);
  sqlite3_bind_int (stmt, 6, (int)report->n_failed);
  sqlite3_bind_int (stmt, 7, (int)report->n_pending);
  sqlite3_bind_int (stmt, 8, (int)report->n_requests);
  if (report->message != NULL)
    sqlite3_bind_text (stmt, 9, report->message, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  if (!(target_stmt = lia_database_prepare (database,
                                            "UPDATE publish_target SET last_run_at = ?2, last_run_state = ?3"
                                            " WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (target_stmt, 1, target->id);
  sqlite3_bind_int64 (target_stmt, 2, now);
  sqlite3_bind_text (target_stmt, 3, state, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (target_stmt)) != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

/* What the record says after a step. */
static gboolean
record_result (LiaDatabase      *database,
               const LiaTarget  *target,
               StepResult       *result,
               gint64            now,
               GError          **error)
{
  LiaPublishStep *step = result->step;
  g_autoptr(LiaPublishRecord) record = NULL;

  if (step->record != NULL)
    record = lia_publish_record_copy (step->record);
  else
    {
      record = g_new0 (LiaPublishRecord, 1);
      record->target_id = target->id;
      record->item_kind = step->item->item_kind;
      record->item = g_strdup (step->item->item);
    }
  record->target_id = target->id;

  switch (result->outcome)
    {
    case LIA_PUBLISH_STEP_DONE:
      g_clear_pointer (&record->last_error, g_free);
      record->published_at = now;
      if (step->action == LIA_PUBLISH_DELETE)
        {
          record->state = LIA_PUBLISH_STATE_DELETED;
          g_clear_pointer (&record->content_hash, g_free);
          g_clear_pointer (&record->remote_etag, g_free);
          break;
        }
      record->state = LIA_PUBLISH_STATE_OK;
      g_free (record->content_hash);
      record->content_hash = g_strdup (step->item->content_hash);
      if (result->result.remote_href != NULL)
        set_str (&record->remote_href, result->result.remote_href);
      g_free (record->remote_etag);
      record->remote_etag = g_strdup (result->result.remote_etag);
      if (result->result.remote_id != NULL)
        set_str (&record->remote_id, result->result.remote_id);
      break;

    case LIA_PUBLISH_STEP_CONFLICT:
      record->state = LIA_PUBLISH_STATE_CONFLICT;
      set_str (&record->last_error, result->error != NULL ? result->error->message : NULL);
      break;

    case LIA_PUBLISH_STEP_FAILED:
      record->state = LIA_PUBLISH_STATE_FAILED;
      set_str (&record->last_error, result->error != NULL ? result->error->message : NULL);
      break;

    case LIA_PUBLISH_STEP_PENDING:
    case LIA_PUBLISH_STEP_PLANNED:
    default:
      /* Nothing is known to have changed on the server; a record that
       * existed keeps what it said, marked to be tried again. A step that
       * never started leaves no trace. */
      if (step->record == NULL && g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return TRUE;
      if (step->record == NULL && g_error_matches (result->error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_AUTH))
        return TRUE;
      if (record->state != LIA_PUBLISH_STATE_DELETED)
        record->state = LIA_PUBLISH_STATE_PENDING;
      set_str (&record->last_error, result->error != NULL ? result->error->message : NULL);
      break;
    }

  return lia_publish_record_save (record, database, error);
}

static LiaPublishLogLine *
line_new (gint64                 at,
          const LiaPublishStep  *step,
          LiaPublishStepOutcome  outcome,
          const GError          *error)
{
  LiaPublishLogLine *line = g_new0 (LiaPublishLogLine, 1);

  line->at = at;
  line->action = step->action;
  line->item = g_strdup (step->item != NULL ? step->item->item : step->record->item);
  line->title = g_strdup (step->title);
  line->outcome = outcome;
  if (outcome != LIA_PUBLISH_STEP_DONE && outcome != LIA_PUBLISH_STEP_PLANNED)
    line->message = g_strdup (error != NULL ? error->message
                                            : outcome == LIA_PUBLISH_STEP_CONFLICT
                                              ? _("Changed on the server since Liaison published it: choose which copy to keep.")
                                              : NULL);

  return line;
}

static void
set_stop_message (LiaPublishReport *report,
                  const LiaTarget  *target,
                  const GError     *error)
{
  g_free (report->message);
  report->message = g_strdup_printf (_("Publishing to “%s” stopped: %s"), target->name, error->message);
}

LiaPublishReport *
lia_publish_run (LiaStore                *store,
                 const LiaTarget         *target,
                 const LiaPublishOptions *options,
                 LiaPublishProgressFunc   progress,
                 gpointer                 user_data,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  LiaDatabase *database;
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(LiaPublisher) publisher = NULL;
  g_autoptr(LiaHttp) http = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autoptr(GCancellable) own_cancellable = NULL;
  LiaPublishOptions defaults;
  Run run = { 0 };
  gint64 run_id = 0;
  guint n_steps = 0, n_completed = 0, n_threads;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (target != NULL && target->id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      lia_publish_options_init (&defaults);
      options = &defaults;
    }
  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  database = lia_store_get_database (store);
  report = report_new ();
  report->started_at = store_now (store);

  /* The session is made here, on the job's thread, before any request. */
  publisher = publisher_for (target, &options->context, options->password,
                             options->timeout_seconds > 0 ? options->timeout_seconds : DEFAULT_TIMEOUT,
                             &http, &local_error);
  if (publisher == NULL)
    {
      /* Refused before anything was planned (a password over plain HTTP,
       * an address that is not one): the run stops, and says why. */
      if (!g_error_matches (local_error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_INSECURE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      report->state = LIA_PUBLISH_RUN_FAILED;
      set_stop_message (report, target, local_error);
      report->finished_at = store_now (store);
      if (!options->dry_run && insert_run (database, target->id, report->started_at, &run_id, error))
        finish_run (database, target, run_id, report, report->finished_at, NULL);
      return g_steal_pointer (&report);
    }

  if (!(report->plan = compute_plan (store, target, publisher, error)))
    return NULL;

  for (guint i = 0; i < report->plan->steps->len; i++)
    if (((LiaPublishStep *)g_ptr_array_index (report->plan->steps, i))->action != LIA_PUBLISH_CONFLICT)
      n_steps++;
  if (progress != NULL)
    progress (NULL, 0, n_steps, user_data);

  if (options->dry_run)
    {
      for (guint i = 0; i < report->plan->steps->len; i++)
        {
          LiaPublishStep *step = g_ptr_array_index (report->plan->steps, i);

          g_ptr_array_add (report->lines,
                           line_new (store_now (store), step,
                                     step->action == LIA_PUBLISH_CONFLICT ? LIA_PUBLISH_STEP_CONFLICT
                                                                          : LIA_PUBLISH_STEP_PLANNED,
                                     NULL));
        }
      report->n_conflicts = report->plan->n_conflict;
      report->state = LIA_PUBLISH_RUN_DRY_RUN;
      return g_steal_pointer (&report);
    }

  if (!insert_run (database, target->id, store_now (store), &run_id, error))
    return NULL;

  run.publisher = publisher;
  run.cancellable = cancellable;
  run.todo = g_async_queue_new ();
  run.done = g_async_queue_new_full ((GDestroyNotify)step_result_free);
  run.attempts = options->max_attempts > 0 ? options->max_attempts : DEFAULT_ATTEMPTS;
  run.retry_ms = options->retry_delay_ms > 0 ? options->retry_delay_ms : DEFAULT_RETRY_MS;

  /* Nothing to send: not even discovery, so an idle nightly run costs no
   * request at all. */
  if (n_steps > 0)
    {
      gboolean prepared = FALSE;

      for (guint attempt = 1; !prepared; attempt++)
        {
          g_clear_error (&local_error);
          if (lia_publisher_prepare (publisher, cancellable, &local_error))
            prepared = TRUE;
          else if (!g_error_matches (local_error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_TRANSIENT) ||
                   attempt >= run.attempts)
            break;
          else
            {
              g_debug ("Trying to reach the target again: %s", local_error->message);
              g_atomic_int_inc (&run.n_retries);
              backoff (&run, run.retry_ms << (attempt - 1));
            }
        }

      if (!prepared)
        {
          report->state = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                            ? LIA_PUBLISH_RUN_CANCELLED : LIA_PUBLISH_RUN_FAILED;
          set_stop_message (report, target, local_error);
          report->n_pending = n_steps;
          n_steps = 0;
        }
    }

  for (guint i = 0; i < report->plan->steps->len && n_steps > 0; i++)
    {
      LiaPublishStep *step = g_ptr_array_index (report->plan->steps, i);

      if (step->action != LIA_PUBLISH_CONFLICT)
        g_async_queue_push (run.todo, step);
    }

  n_threads = MIN (options->max_in_flight > 0 ? options->max_in_flight : DEFAULT_IN_FLIGHT, n_steps);
  lia_publish_gate_init (&run.gate, MAX (n_threads, 1), NULL);
  threads = g_ptr_array_new ();
  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("lia-publish", worker, &run));

  while (n_completed < n_steps)
    {
      StepResult *result = g_async_queue_pop (run.done);
      LiaPublishLogLine *line;
      gint64 now = store_now (store);

      n_completed++;
      if (!record_result (database, target, result, now, &local_error))
        {
          /* The disk refused: stop sending rather than publish what
           * cannot be remembered. */
          g_atomic_int_set (&run.stop, TRUE);
          g_cancellable_cancel (cancellable);
          if (report->message == NULL)
            set_stop_message (report, target, local_error);
          g_clear_error (&local_error);
        }

      switch (result->outcome)
        {
        case LIA_PUBLISH_STEP_DONE:
          report->n_done++;
          break;
        case LIA_PUBLISH_STEP_CONFLICT:
          report->n_conflicts++;
          break;
        case LIA_PUBLISH_STEP_FAILED:
          report->n_failed++;
          break;
        default:
          report->n_pending++;
          if (g_error_matches (result->error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_AUTH) &&
              report->message == NULL)
            set_stop_message (report, target, result->error);
          break;
        }

      line = line_new (now, result->step, result->outcome, result->error);
      insert_line (database, run_id, line);
      g_ptr_array_add (report->lines, line);
      if (progress != NULL)
        progress (line, n_completed, n_steps, user_data);
      step_result_free (result);
    }

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  report->in_flight = run.gate.most_active;
  lia_publish_gate_clear (&run.gate);

  report->n_conflicts += report->plan->n_conflict;
  for (guint i = 0; i < report->plan->steps->len; i++)
    {
      LiaPublishStep *step = g_ptr_array_index (report->plan->steps, i);

      if (step->action == LIA_PUBLISH_CONFLICT)
        g_ptr_array_add (report->lines, line_new (store_now (store), step, LIA_PUBLISH_STEP_CONFLICT, NULL));
    }

  if (report->state != LIA_PUBLISH_RUN_FAILED && report->state != LIA_PUBLISH_RUN_CANCELLED)
    {
      if (g_atomic_int_get (&run.stop) && report->message != NULL)
        report->state = LIA_PUBLISH_RUN_FAILED;
      else if (g_cancellable_is_cancelled (cancellable) && report->n_pending > 0)
        report->state = LIA_PUBLISH_RUN_CANCELLED;
      else if (report->n_conflicts + report->n_failed + report->n_pending > 0)
        report->state = LIA_PUBLISH_RUN_PARTIAL;
      else
        report->state = LIA_PUBLISH_RUN_OK;
    }
  if (report->state == LIA_PUBLISH_RUN_CANCELLED && report->message == NULL)
    report->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Publishing to “%s” was cancelled; %u step was left for next time.",
                                                    "Publishing to “%s” was cancelled; %u steps were left for next time.",
                                                    report->n_pending),
                                       target->name, report->n_pending);

  report->n_requests = http != NULL ? lia_http_get_n_requests (http) : 0;
  report->n_retries = (guint)g_atomic_int_get (&run.n_retries);
  g_async_queue_unref (run.todo);
  g_async_queue_unref (run.done);

  report->finished_at = store_now (store);
  if (!finish_run (database, target, run_id, report, report->finished_at, &local_error))
    g_warning ("Could not record the publish run: %s", local_error->message);

  return g_steal_pointer (&report);
}

/* The conflict step of @item in a fresh plan. */
static LiaPublishStep *
find_conflict (LiaPublishPlan  *plan,
               const char      *item,
               const LiaTarget *target,
               GError         **error)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      LiaPublishStep *step = g_ptr_array_index (plan->steps, i);
      const char *key = step->item != NULL ? step->item->item : step->record->item;

      if (step->action == LIA_PUBLISH_CONFLICT && g_strcmp0 (key, item) == 0)
        return step;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("“%s” is no longer in conflict on “%s”."), item, target->name);
  return NULL;
}

gboolean
lia_publish_fetch_conflict (LiaStore                *store,
                            const LiaTarget         *target,
                            const char              *item,
                            const LiaPublishOptions *options,
                            GBytes                 **ours,
                            GBytes                 **theirs,
                            GCancellable            *cancellable,
                            GError                 **error)
{
  g_autoptr(LiaPublisher) publisher = NULL;
  g_autoptr(LiaPublishPlan) plan = NULL;
  LiaPublishStep *step;
  GBytes *remote;

  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != NULL && item != NULL && options != NULL, FALSE);

  if (!(publisher = publisher_for (target, &options->context, options->password,
                                   options->timeout_seconds > 0 ? options->timeout_seconds : DEFAULT_TIMEOUT,
                                   NULL, error)) ||
      !(plan = compute_plan (store, target, publisher, error)) ||
      !(step = find_conflict (plan, item, target, error)))
    return FALSE;

  if (!lia_publisher_prepare (publisher, cancellable, error) ||
      !(remote = lia_publisher_fetch_remote (publisher, step->record, NULL, cancellable, error)))
    return FALSE;

  if (ours != NULL)
    *ours = step->item != NULL ? g_bytes_ref (step->item->content) : NULL;
  if (theirs != NULL)
    *theirs = remote;
  else
    g_bytes_unref (remote);

  return TRUE;
}

gboolean
lia_publish_resolve (LiaStore                *store,
                     const LiaTarget         *target,
                     const char              *item,
                     LiaResolveChoice         choice,
                     const LiaPublishOptions *options,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  LiaDatabase *database;
  g_autoptr(LiaPublisher) publisher = NULL;
  g_autoptr(LiaPublishPlan) plan = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autofree char *etag = NULL;
  LiaPublishStep *step;
  g_autoptr(LiaPublishRecord) record = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (target != NULL && item != NULL && options != NULL, FALSE);

  database = lia_store_get_database (store);
  if (!(publisher = publisher_for (target, &options->context, options->password,
                                   options->timeout_seconds > 0 ? options->timeout_seconds : DEFAULT_TIMEOUT,
                                   NULL, error)) ||
      !(plan = compute_plan (store, target, publisher, error)) ||
      !(step = find_conflict (plan, item, target, error)))
    return FALSE;

  if (!lia_publisher_prepare (publisher, cancellable, error))
    return FALSE;

  theirs = lia_publisher_fetch_remote (publisher, step->record, &etag, cancellable, NULL);
  record = lia_publish_record_copy (step->record);

  if (choice == LIA_RESOLVE_KEEP_OURS)
    {
      LiaPublishStep forced = { 0 };
      LiaPublishResult result = { 0 };
      LiaPublishRecord base;

      /* Ours goes over the copy just read, knowingly: the preconditions
       * now name that copy (its ETag, or for a folder its hash). */
      base = *step->record;
      base.remote_etag = etag;
      base.content_hash = theirs != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, theirs) : NULL;
      forced.record = &base;
      forced.item = step->item;
      forced.title = step->title;
      if (step->item == NULL)
        forced.action = LIA_PUBLISH_DELETE;
      else if (theirs == NULL)
        forced.action = LIA_PUBLISH_CREATE;
      else
        forced.action = LIA_PUBLISH_UPDATE;

      if (!apply_step (publisher, &forced, &result, cancellable, error))
        {
          g_free (base.content_hash);
          lia_publish_result_clear (&result);
          return FALSE;
        }
      g_free (base.content_hash);

      g_clear_pointer (&record->last_error, g_free);
      record->published_at = store_now (store);
      if (step->item == NULL)
        {
          record->state = LIA_PUBLISH_STATE_DELETED;
          g_clear_pointer (&record->content_hash, g_free);
          g_clear_pointer (&record->remote_etag, g_free);
        }
      else
        {
          record->state = LIA_PUBLISH_STATE_OK;
          set_str (&record->content_hash, step->item->content_hash);
          if (result.remote_href != NULL)
            set_str (&record->remote_href, result.remote_href);
          set_str (&record->remote_etag, result.remote_etag);
          if (result.remote_id != NULL)
            set_str (&record->remote_id, result.remote_id);
        }
      lia_publish_result_clear (&result);
    }
  else
    {
      /* Theirs stays. A calendar event is read back so that Liaison holds
       * what the website shows; a feed file cannot be, so ours waits
       * until it changes again. */
      if (theirs != NULL && step->item != NULL && step->item->content_type != NULL &&
          g_str_has_prefix (step->item->content_type, "text/calendar") &&
          step->item->item_kind == LIA_PUBLISH_ITEM_EVENT)
        {
          g_autoptr(LiaIcalPlan) import = NULL;

          if (!(import = lia_ical_plan_new (store, theirs, options->context.time_zone, -1, error)) ||
              !lia_ical_plan_apply (import, store, error))
            return FALSE;
        }

      g_clear_pointer (&record->last_error, g_free);
      record->published_at = store_now (store);
      set_str (&record->remote_etag, etag);
      if (theirs == NULL)
        {
          /* Theirs is: gone. */
          record->state = LIA_PUBLISH_STATE_DELETED;
          g_clear_pointer (&record->content_hash, g_free);
        }
      else if (step->item == NULL)
        record->state = LIA_PUBLISH_STATE_DELETED;
      else
        {
          record->state = LIA_PUBLISH_STATE_OK;
          set_str (&record->content_hash, step->item->content_hash);
        }
    }

  return lia_publish_record_save (record, database, error);
}

GPtrArray *
lia_publish_list_runs (LiaDatabase  *database,
                       gint64        target_id,
                       guint         max,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) runs = NULL;
  g_autoptr(sqlite3_stmt) steps = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_publish_report_free);
  int rc;

  g_return_val_if_fail (LIA_IS_DATABASE (database), NULL);

  if (!(runs = lia_database_prepare (database,
                                     "SELECT id, state, n_done, n_conflicts, n_failed, n_pending, n_requests, message,"
                                     " started_at, finished_at"
                                     " FROM publish_run WHERE target_id = ?1 AND state <> 'running'"
                                     " ORDER BY started_at DESC, id DESC LIMIT ?2", error)) ||
      !(steps = lia_database_prepare (database,
                                      "SELECT at, action, item, title, outcome, message FROM publish_run_step"
                                      " WHERE run_id = ?1 ORDER BY id", error)))
    return NULL;
  sqlite3_bind_int64 (runs, 1, target_id);
  sqlite3_bind_int (runs, 2, (int)MIN (max, G_MAXINT));

  while ((rc = sqlite3_step (runs)) == SQLITE_ROW)
    {
      LiaPublishReport *report = report_new ();
      const char *state = (const char *)sqlite3_column_text (runs, 1);

      for (guint i = 0; i < G_N_ELEMENTS (run_state_nicks); i++)
        if (g_strcmp0 (state, run_state_nicks[i]) == 0)
          report->state = (LiaPublishRunState)i;
      report->n_done = (guint)sqlite3_column_int (runs, 2);
      report->n_conflicts = (guint)sqlite3_column_int (runs, 3);
      report->n_failed = (guint)sqlite3_column_int (runs, 4);
      report->n_pending = (guint)sqlite3_column_int (runs, 5);
      report->n_requests = (guint)sqlite3_column_int (runs, 6);
      report->message = g_strdup ((const char *)sqlite3_column_text (runs, 7));
      report->started_at = sqlite3_column_int64 (runs, 8);
      report->finished_at = sqlite3_column_int64 (runs, 9);

      sqlite3_reset (steps);
      sqlite3_bind_int64 (steps, 1, sqlite3_column_int64 (runs, 0));
      while (sqlite3_step (steps) == SQLITE_ROW)
        {
          LiaPublishLogLine *line = g_new0 (LiaPublishLogLine, 1);
          const char *action = (const char *)sqlite3_column_text (steps, 1);
          const char *outcome = (const char *)sqlite3_column_text (steps, 4);

          line->at = sqlite3_column_int64 (steps, 0);
          for (guint i = 0; i <= LIA_PUBLISH_CONFLICT; i++)
            if (g_strcmp0 (action, lia_publish_action_to_nick (i)) == 0)
              line->action = (LiaPublishAction)i;
          line->item = g_strdup ((const char *)sqlite3_column_text (steps, 2));
          line->title = g_strdup ((const char *)sqlite3_column_text (steps, 3));
          for (guint i = 0; i < G_N_ELEMENTS (outcome_nicks); i++)
            if (g_strcmp0 (outcome, outcome_nicks[i]) == 0)
              line->outcome = (LiaPublishStepOutcome)i;
          line->message = g_strdup ((const char *)sqlite3_column_text (steps, 5));
          g_ptr_array_add (report->lines, line);
        }
      g_ptr_array_add (reports, report);
    }
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&reports);
}

gboolean
lia_publish_get_status (LiaDatabase      *database,
                        const LiaTarget  *target,
                        LiaPublishStatus *status,
                        GError          **error)
{
  g_autoptr(sqlite3_stmt) records = NULL;
  g_autoptr(sqlite3_stmt) changed = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (target != NULL && status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  if (!(records = lia_database_prepare (database,
                                        "SELECT state, count (*) FROM publish_record"
                                        " WHERE target_id = ?1 AND state <> 'ok' GROUP BY state", error)))
    return FALSE;
  sqlite3_bind_int64 (records, 1, target->id);
  while ((rc = sqlite3_step (records)) == SQLITE_ROW)
    {
      const char *state = (const char *)sqlite3_column_text (records, 0);
      guint n = (guint)sqlite3_column_int (records, 1);

      if (g_strcmp0 (state, "pending") == 0)
        status->n_pending = n;
      else if (g_strcmp0 (state, "failed") == 0)
        status->n_failed = n;
      else if (g_strcmp0 (state, "conflict") == 0)
        status->n_conflicts = n;
    }
  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  /* The same rule the target selects by, without the window: a close
   * enough "waiting" count that needs no plan. */
  if (!(changed = lia_database_prepare (database,
                                        "SELECT count (*) FROM event AS e WHERE "
                                        LIA_SQL_EVENT_CHANGED_FOR_WEBSITE ("?1"), error)))
    return FALSE;
  sqlite3_bind_int64 (changed, 1, target->last_run_at);
  if ((rc = sqlite3_step (changed)) != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (database, rc, error);
  status->changed_since_run = sqlite3_column_int64 (changed, 0);

  return TRUE;
}
