/* test-publish-plan.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets (validation, saving, options, which events each gets), publish
 * records and the plan: the difference between what a target should hold
 * and what was sent, on a real sqlite file.
 */

#include "config.h"

#include <string.h>

#include "lia-database.h"
#include "lia-publish-job.h"
#include "lia-publish-plan.h"
#include "lia-store.h"
#include "lia-target.h"
#include "lia-test-util.h"
#include "lia-validate.h"

#define TZID "America/Edmonton"

typedef struct
{
  char        *dir;
  LiaDatabase *database;
  LiaStore    *store;
  gint64       now;
} Fixture;

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 20, 17, 0, 0);
  g_autofree char *path = NULL;

  fixture->dir = lia_test_make_temp_dir ("publish-plan");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  fixture->now = g_date_time_to_unix (now);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = lia_database_prepare (fixture->database, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static gint64
add_event (Fixture        *fixture,
           const char     *title,
           const char     *dtstart,
           LiaEventStatus  status,
           gboolean        promote,
           LiaChannels     channels,
           gint64          partner_id,
           const char     *category)
{
  g_autoptr(LiaEvent) event = lia_event_new ();
  g_autoptr(GError) error = NULL;
  const char *categories[] = { category, NULL };

  lia_event_set_title (event, title);
  lia_event_set_dtstart (event, dtstart);
  lia_event_set_tzid (event, TZID);
  lia_event_set_status (event, status);
  lia_event_set_promote (event, promote);
  lia_event_set_channels (event, channels);
  lia_event_set_partner_id (event, partner_id);
  if (category != NULL)
    lia_event_set_categories (event, categories);
  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);

  return lia_event_get_id (event);
}

static void
test_target_validate (Fixture       *fixture,
                      gconstpointer  data)
{
  struct {
    const char    *name;
    LiaTargetKind  kind;
    const char    *url;
    const char    *field;
  } bad[] = {
    { "  ", LIA_TARGET_FOLDER, "/srv/www", "Name" },
    { "Site", LIA_TARGET_FOLDER, "", "Folder" },
    { "Site", LIA_TARGET_FOLDER, "relative/path", "Folder" },
    { "Site", LIA_TARGET_CALDAV, "", "Address" },
    { "Site", LIA_TARGET_WEBDAV, "ftp://example.org/", "Address" },
    { "Site", LIA_TARGET_TEC, "not a url", "Address" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LiaTarget) target = lia_target_new (bad[i].name, bad[i].kind, bad[i].url);
      g_autoptr(GError) error = NULL;

      g_assert_false (lia_target_save (target, fixture->database, &error));
      g_assert_error (error, LIA_VALIDATE_ERROR, error->code);
      g_assert_true (g_str_has_prefix (error->message, bad[i].field));
      g_assert_cmpint (target->id, ==, 0);
    }

  /* Nothing was written by any of them. */
  g_assert_cmpint (count_rows (fixture, "SELECT count (*) FROM publish_target"), ==, 0);

  {
    g_autoptr(LiaTarget) target = lia_target_new ("Site", LIA_TARGET_CALDAV, "https://cal.example.org/");
    g_autoptr(GError) error = NULL;

    target->future_days = 0;
    g_assert_false (lia_target_validate (target, &error));
    g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  }
}

static void
test_target_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LiaTarget) target = lia_target_new ("Library website", LIA_TARGET_WEBDAV,
                                                "https://www.example.org/dav/events/");
  g_autoptr(LiaTarget) loaded = NULL;
  g_autoptr(LiaTarget) twin = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  const char *categories[] = { "Children", "Workshops", NULL };
  gint64 partner = 42, own = 0;

  target->username = g_strdup ("webmaster");
  target->past_days = 3;
  target->future_days = 90;
  target->categories = g_strdupv ((char **)categories);
  target->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (target->partner_ids, partner);
  g_array_append_val (target->partner_ids, own);
  target->statuses = 1u << LIA_EVENT_STATUS_CONFIRMED;
  target->public_url = g_strdup ("https://www.example.org/events/");

  g_assert_true (lia_target_save (target, fixture->database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (target->id, >, 0);

  loaded = lia_target_load (fixture->database, "Library website", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, target->id);
  g_assert_cmpint (loaded->kind, ==, LIA_TARGET_WEBDAV);
  g_assert_cmpstr (loaded->url, ==, "https://www.example.org/dav/events/");
  g_assert_cmpstr (loaded->username, ==, "webmaster");
  g_assert_cmpint (loaded->past_days, ==, 3);
  g_assert_cmpint (loaded->future_days, ==, 90);
  g_assert_cmpstrv (loaded->categories, categories);
  g_assert_cmpuint (loaded->partner_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (loaded->partner_ids, gint64, 0), ==, 42);
  g_assert_cmpint (g_array_index (loaded->partner_ids, gint64, 1), ==, 0);
  g_assert_cmpuint (loaded->statuses, ==, 1u << LIA_EVENT_STATUS_CONFIRMED);
  g_assert_cmpstr (loaded->public_url, ==, "https://www.example.org/events/");
  g_assert_cmpint (loaded->last_run_at, ==, 0);
  g_assert_null (loaded->last_run_state);

  /* The password is nowhere in the row. */
  g_assert_cmpint (count_rows (fixture, "SELECT count (*) FROM publish_target WHERE options LIKE '%pass%'"), ==, 0);

  /* A second target by the same name is refused, naming it. */
  twin = lia_target_new ("Library website", LIA_TARGET_FOLDER, "/srv/www/events");
  g_assert_false (lia_target_save (twin, fixture->database, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "Library website"));
  g_clear_error (&error);

  g_assert_null (lia_target_load (fixture->database, "Nope", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  all = lia_target_list (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_true (lia_target_delete (fixture->database, target->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count (*) FROM publish_target"), ==, 0);
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_target_selects (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaTarget) target = lia_target_new ("Site", LIA_TARGET_FOLDER, "/srv/www");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  gint64 partner_id, soon, cancelled, draft, unpromoted, print_only, past, far, old, partners, trashed;

  lia_partner_set_name (partner, "Alpha Literacy Society");
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  partner_id = lia_partner_get_id (partner);

  /* Now is 20 November 2026; the default window is 7 days back, 365 ahead. */
  soon = add_event (fixture, "Story time", "2026-11-25T10:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE,
                    LIA_CHANNEL_WEBSITE, 0, "Children");
  cancelled = add_event (fixture, "Cancelled talk", "2026-11-26T19:00:00", LIA_EVENT_STATUS_CANCELLED, TRUE,
                         LIA_CHANNEL_WEBSITE | LIA_CHANNEL_FLYER, 0, NULL);
  draft = add_event (fixture, "Draft", "2026-11-27T19:00:00", LIA_EVENT_STATUS_DRAFT, TRUE,
                     LIA_CHANNEL_WEBSITE, 0, NULL);
  unpromoted = add_event (fixture, "Staff only", "2026-11-27T19:00:00", LIA_EVENT_STATUS_CONFIRMED, FALSE,
                          LIA_CHANNEL_WEBSITE, 0, NULL);
  print_only = add_event (fixture, "Bulletin only", "2026-11-27T19:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE,
                          LIA_CHANNEL_PRINT_BULLETIN, 0, NULL);
  past = add_event (fixture, "Last week", "2026-11-16T10:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE,
                    LIA_CHANNEL_WEBSITE, 0, NULL);
  old = add_event (fixture, "Last month", "2026-10-01T10:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE,
                   LIA_CHANNEL_WEBSITE, 0, NULL);
  far = add_event (fixture, "In two years", "2028-11-01T10:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE,
                   LIA_CHANNEL_WEBSITE, 0, NULL);
  partners = add_event (fixture, "Partner's workshop", "2026-12-01T10:00:00", LIA_EVENT_STATUS_POSTPONED, TRUE,
                        LIA_CHANNEL_WEBSITE, partner_id, "Workshops");
  trashed = add_event (fixture, "Trashed", "2026-12-02T10:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE,
                       LIA_CHANNEL_WEBSITE, 0, NULL);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, trashed, &error));
  g_assert_no_error (error);

  ids = lia_target_select_event_ids (target, fixture->database, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
  /* By start. */
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, past);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, soon);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, cancelled);
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, partners);
  g_assert_false (ids_contain (ids, draft));
  g_assert_false (ids_contain (ids, unpromoted));
  g_assert_false (ids_contain (ids, print_only));
  g_assert_false (ids_contain (ids, old));
  g_assert_false (ids_contain (ids, far));
  g_clear_pointer (&ids, g_array_unref);

  /* Drafts stay out even when asked for. */
  target->statuses = (1u << LIA_EVENT_STATUS_DRAFT) | (1u << LIA_EVENT_STATUS_CONFIRMED);
  ids = lia_target_select_event_ids (target, fixture->database, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_false (ids_contain (ids, draft));
  g_assert_false (ids_contain (ids, cancelled));
  g_clear_pointer (&ids, g_array_unref);
  target->statuses = 0;

  /* Categories: any of them. */
  target->categories = g_strsplit ("Workshops,Children", ",", -1);
  ids = lia_target_select_event_ids (target, fixture->database, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_true (ids_contain (ids, soon) && ids_contain (ids, partners));
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&target->categories, g_strfreev);

  /* Partners, 0 being the library's own. */
  target->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (target->partner_ids, partner_id);
  ids = lia_target_select_event_ids (target, fixture->database, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, partners);
  g_clear_pointer (&ids, g_array_unref);

  {
    gint64 own = 0;

    g_array_set_size (target->partner_ids, 0);
    g_array_append_val (target->partner_ids, own);
  }
  ids = lia_target_select_event_ids (target, fixture->database, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_false (ids_contain (ids, partners));
  g_clear_pointer (&ids, g_array_unref);

  /* A wider window reaches back and ahead. */
  g_clear_pointer (&target->partner_ids, g_array_unref);
  target->past_days = 90;
  target->future_days = 1000;
  ids = lia_target_select_event_ids (target, fixture->database, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_true (ids_contain (ids, old) && ids_contain (ids, far));
}

static LiaPublishItem *
item (const char *key,
      const char *text)
{
  return lia_publish_item_new (LIA_PUBLISH_ITEM_EVENT, key, key, g_bytes_new (text, strlen (text)),
                               "text/calendar; charset=utf-8");
}

static LiaPublishRecord *
save_record (Fixture         *fixture,
             gint64           target_id,
             const char      *key,
             const char      *text,
             LiaPublishState  state)
{
  LiaPublishRecord *record = g_new0 (LiaPublishRecord, 1);
  g_autoptr(GError) error = NULL;

  record->target_id = target_id;
  record->item_kind = LIA_PUBLISH_ITEM_EVENT;
  record->item = g_strdup (key);
  record->remote_href = g_strdup_printf ("https://cal.example.org/c/%s.ics", key);
  record->remote_etag = g_strdup ("\"1\"");
  record->content_hash = text != NULL ? g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1) : NULL;
  record->published_at = fixture->now;
  record->state = state;
  g_assert_true (lia_publish_record_save (record, fixture->database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record->id, >, 0);

  return record;
}

static LiaPublishStep *
find_step (LiaPublishPlan *plan,
           const char     *key)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      LiaPublishStep *step = g_ptr_array_index (plan->steps, i);

      if (g_strcmp0 (step->item != NULL ? step->item->item : step->record->item, key) == 0)
        return step;
    }
  return NULL;
}

static void
test_plan_diff (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaTarget) target = lia_target_new ("Calendar", LIA_TARGET_CALDAV, "https://cal.example.org/c/");
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(LiaPublishPlan) plan = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_publish_item_free);
  g_autoptr(GError) error = NULL;
  LiaPublishRecord *saved;
  LiaPublishStep *step;

  g_assert_true (lia_target_save (target, fixture->database, &error));

  lia_publish_record_free (save_record (fixture, target->id, "same", "A", LIA_PUBLISH_STATE_OK));
  lia_publish_record_free (save_record (fixture, target->id, "changed", "old", LIA_PUBLISH_STATE_OK));
  lia_publish_record_free (save_record (fixture, target->id, "retry", "R", LIA_PUBLISH_STATE_PENDING));
  lia_publish_record_free (save_record (fixture, target->id, "refused", "F", LIA_PUBLISH_STATE_FAILED));
  lia_publish_record_free (save_record (fixture, target->id, "fought", "X", LIA_PUBLISH_STATE_CONFLICT));
  lia_publish_record_free (save_record (fixture, target->id, "gone", "G", LIA_PUBLISH_STATE_OK));
  lia_publish_record_free (save_record (fixture, target->id, "back", NULL, LIA_PUBLISH_STATE_DELETED));
  lia_publish_record_free (save_record (fixture, target->id, "long-gone", NULL, LIA_PUBLISH_STATE_DELETED));

  /* Saving again replaces, it does not add. */
  saved = save_record (fixture, target->id, "same", "A", LIA_PUBLISH_STATE_OK);
  g_assert_cmpint (count_rows (fixture, "SELECT count (*) FROM publish_record"), ==, 8);
  lia_publish_record_free (saved);

  g_ptr_array_add (items, item ("same", "A"));
  g_ptr_array_add (items, item ("changed", "new"));
  g_ptr_array_add (items, item ("retry", "R"));
  g_ptr_array_add (items, item ("refused", "F"));
  g_ptr_array_add (items, item ("fought", "Y"));
  g_ptr_array_add (items, item ("back", "B"));
  g_ptr_array_add (items, item ("new", "N"));
  g_ptr_array_add (items, item ("new", "N twice"));

  records = lia_publish_records_load (fixture->database, target->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (records), ==, 8);

  plan = lia_publish_plan_diff (target, g_steal_pointer (&items), records);
  g_assert_cmpuint (plan->n_unchanged, ==, 1);
  g_assert_cmpuint (plan->n_create, ==, 2);
  g_assert_cmpuint (plan->n_update, ==, 3);
  g_assert_cmpuint (plan->n_delete, ==, 1);
  g_assert_cmpuint (plan->n_conflict, ==, 1);
  g_assert_cmpuint (plan->steps->len, ==, 7);

  g_assert_null (find_step (plan, "same"));
  step = find_step (plan, "changed");
  g_assert_cmpint (step->action, ==, LIA_PUBLISH_UPDATE);
  g_assert_cmpstr (step->record->remote_etag, ==, "\"1\"");
  g_assert_cmpint (find_step (plan, "retry")->action, ==, LIA_PUBLISH_UPDATE);
  g_assert_cmpint (find_step (plan, "refused")->action, ==, LIA_PUBLISH_UPDATE);
  g_assert_cmpint (find_step (plan, "back")->action, ==, LIA_PUBLISH_CREATE);
  step = find_step (plan, "new");
  g_assert_cmpint (step->action, ==, LIA_PUBLISH_CREATE);
  g_assert_null (step->record);
  /* The first of two items with one key wins. */
  g_assert_cmpint (g_bytes_get_size (step->item->content), ==, 1);
  g_assert_cmpint (find_step (plan, "gone")->action, ==, LIA_PUBLISH_DELETE);
  g_assert_null (find_step (plan, "long-gone"));

  /* Conflicts wait for the user, after everything else. */
  step = g_ptr_array_index (plan->steps, plan->steps->len - 1);
  g_assert_cmpint (step->action, ==, LIA_PUBLISH_CONFLICT);
  g_assert_cmpstr (step->item->item, ==, "fought");
  g_assert_cmpint (((LiaPublishStep *)g_ptr_array_index (plan->steps, plan->steps->len - 2))->action,
                   ==, LIA_PUBLISH_DELETE);
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LiaTarget) target = lia_target_new ("Calendar", LIA_TARGET_CALDAV, "https://cal.example.org/c/");
  g_autoptr(GError) error = NULL;
  LiaPublishStatus status;

  g_assert_true (lia_target_save (target, fixture->database, &error));
  add_event (fixture, "Story time", "2026-11-25T10:00:00", LIA_EVENT_STATUS_CONFIRMED, TRUE,
             LIA_CHANNEL_WEBSITE, 0, NULL);
  add_event (fixture, "Draft", "2026-11-25T10:00:00", LIA_EVENT_STATUS_DRAFT, TRUE, LIA_CHANNEL_WEBSITE, 0, NULL);
  lia_publish_record_free (save_record (fixture, target->id, "a", "A", LIA_PUBLISH_STATE_PENDING));
  lia_publish_record_free (save_record (fixture, target->id, "b", "B", LIA_PUBLISH_STATE_FAILED));
  lia_publish_record_free (save_record (fixture, target->id, "c", "C", LIA_PUBLISH_STATE_CONFLICT));
  lia_publish_record_free (save_record (fixture, target->id, "d", "D", LIA_PUBLISH_STATE_CONFLICT));
  lia_publish_record_free (save_record (fixture, target->id, "e", "E", LIA_PUBLISH_STATE_OK));

  g_assert_true (lia_publish_get_status (fixture->database, target, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status.n_pending, ==, 1);
  g_assert_cmpuint (status.n_failed, ==, 1);
  g_assert_cmpuint (status.n_conflicts, ==, 2);
  g_assert_cmpint (status.changed_since_run, ==, 1);

  target->last_run_at = fixture->now + 60;
  g_assert_true (lia_publish_get_status (fixture->database, target, &status, &error));
  g_assert_cmpint (status.changed_since_run, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/publish-plan/target/validate", Fixture, NULL, fixture_setup, test_target_validate, fixture_teardown);
  g_test_add ("/publish-plan/target/round-trip", Fixture, NULL, fixture_setup, test_target_round_trip,
              fixture_teardown);
  g_test_add ("/publish-plan/target/selects", Fixture, NULL, fixture_setup, test_target_selects, fixture_teardown);
  g_test_add ("/publish-plan/diff", Fixture, NULL, fixture_setup, test_plan_diff, fixture_teardown);
  g_test_add ("/publish-plan/status", Fixture, NULL, fixture_setup, test_status, fixture_teardown);

  return g_test_run ();
}
