/* test-partner-query.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lia_store_query_partner_ids() and LiaPartnerList, over rows written with
 * SQL (the small fixture) or by the sample-data generator.
 */

#include "config.h"

#include <string.h>

#include "lia-database.h"
#include "lia-partner-list.h"
#include "lia-sample-data.h"
#include "lia-store.h"
#include "lia-test-util.h"

#define DAY 86400

/* 2026-11-02 12:00 UTC, the "now" of every test. */
#define NOW G_GINT64_CONSTANT (1793620800)

typedef struct
{
  char        *dir;
  LiaDatabase *database;
  LiaStore    *store;
} Fixture;

typedef struct
{
  guint n_signals;
  guint n_items;   /* the length the announced changes give */
} ItemsChanged;

/* Five partners and a trashed one; see each test for what they show. */
static char *
make_fixture_sql (void)
{
  return g_strdup_printf (
    "INSERT INTO partner (id, name, kind, status, owner, promotion_tier, cadence_days, info_verified_at,"
    " description, created_at, updated_at, deleted_at) VALUES"
    " (1, 'École Père-Lacombe', 'school', 'active', 'Ana', 'standard', 90, %1$" G_GINT64_FORMAT " - 10 * %2$d,"
    "  'Une école francophone.', 1, 1, NULL),"
    " (2, 'Maple Grove Food Bank', 'nonprofit', 'active', 'Ben', 'featured', 90, NULL,"
    "  'Emergency food hampers for the community.', 1, 1, NULL),"
    " (3, 'aardvark Tutoring', 'business', 'prospect', NULL, 'listed-only', 90, %1$" G_GINT64_FORMAT " - 100 * %2$d,"
    "  'Homework help after school.', 1, 1, NULL),"
    " (4, 'Zion Lutheran Church', 'faith', 'paused', 'Ana', 'not-promoted', 30, %1$" G_GINT64_FORMAT " - 30 * %2$d,"
    "  'Community meals.', 1, 1, NULL),"
    " (5, 'Old Maple Partner', 'other', 'active', 'Ana', 'featured', 90, NULL,"
    "  'A maple syrup festival.', 1, 1, %1$" G_GINT64_FORMAT " - %2$d),"
    " (6, 'Brightside Seniors Centre', 'health', 'active', 'Ben', 'standard', 7, %1$" G_GINT64_FORMAT " - 8 * %2$d,"
    "  'Programs for seniors in the community.', 1, 1, NULL);"
    "INSERT INTO interaction (id, partner_id, kind, occurred_at, summary, follow_up_on, follow_up_done_at,"
    " created_at, updated_at, deleted_at) VALUES"
    " (1, 1, 'call', %1$" G_GINT64_FORMAT " - 5 * %2$d, 'Story time', '2026-11-20', NULL, 1, 1, NULL),"
    " (2, 2, 'call', %1$" G_GINT64_FORMAT " - 1 * %2$d, 'Food drive', NULL, NULL, 1, 1, NULL),"
    " (3, 2, 'call', %1$" G_GINT64_FORMAT " - 40 * %2$d, 'Hampers', '2026-11-05', %1$" G_GINT64_FORMAT " - 2 * %2$d, 1, 1, NULL),"
    " (4, 4, 'visit', %1$" G_GINT64_FORMAT " - 3 * %2$d, 'Trashed visit', NULL, NULL, 1, 1, %1$" G_GINT64_FORMAT "),"
    " (5, 4, 'visit', %1$" G_GINT64_FORMAT " - 60 * %2$d, 'Meal visit', NULL, NULL, 1, 1, NULL),"
    " (6, 6, 'call', %1$" G_GINT64_FORMAT " - 20 * %2$d, 'Programs', NULL, NULL, 1, 1, NULL),"
    " (7, 6, 'call', %1$" G_GINT64_FORMAT " - 30 * %2$d, 'Trashed call', '2026-11-08', NULL, 1, 1, %1$" G_GINT64_FORMAT ");"
    "INSERT INTO expectation (id, partner_id, direction, what, cadence_days, due_on, status, next_due_on,"
    " created_at, updated_at, deleted_at) VALUES"
    " (1, 1, 'partner-provides', 'Program listings', 30, NULL, 'active', '2026-12-01', 1, 1, NULL),"
    " (2, 2, 'library-provides', 'Display space', NULL, '2026-11-03', 'met', '2026-11-03', 1, 1, NULL),"
    " (3, 2, 'partner-provides', 'Annual report', NULL, '2026-11-10', 'active', NULL, 1, 1, NULL),"
    " (4, 3, 'partner-provides', 'Volunteers', 14, NULL, 'active', '2026-11-15', 1, 1, NULL),"
    " (5, 3, 'partner-provides', 'Trashed', 14, NULL, 'active', '2026-11-04', 1, 1, %1$" G_GINT64_FORMAT "),"
    " (6, 6, 'partner-provides', 'Flyers', 30, NULL, 'active', '2026-11-25', 1, 1, NULL),"
    " (7, 4, 'partner-provides', 'Retired', 30, NULL, 'retired', '2026-11-01', 1, 1, NULL);",
    NOW, DAY);
}

static GDateTime *
fixed_now (gpointer user_data)
{
  return g_date_time_new_from_unix_utc (NOW);
}

static void
open_store (Fixture    *fixture,
            const char *path)
{
  g_autoptr(GError) error = NULL;

  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  lia_store_set_clock (fixture->store, fixed_now, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *sql = make_fixture_sql ();
  g_autoptr(GError) error = NULL;

  fixture->dir = lia_test_make_temp_dir ("partner-query");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  open_store (fixture, path);

  lia_database_exec (fixture->database, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_setup_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = lia_test_make_temp_dir ("partner-query");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  open_store (fixture, path);
}

/* @data: the number of partners of a sample database; fills it around
 * the day of NOW. */
static void
fixture_setup_sample (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;

  lia_sample_data_options_init (&options);
  options.partners = GPOINTER_TO_UINT (data);
  if (options.partners > 1000)
    {
      /* The partners are what is measured; the rest only has to be there. */
      options.contacts = options.partners;
      options.interactions = options.partners * 2;
      options.events = 100;
    }
  g_date_clear (&options.today, 1);
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);

  fixture->dir = lia_test_make_temp_dir ("partner-query");
  path = g_build_filename (fixture->dir, "sample.db", NULL);
  lia_sample_data_write (path, &options, NULL, &error);
  g_assert_no_error (error);

  open_store (fixture, path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GArray *
query_ids (Fixture               *fixture,
           const LiaPartnerQuery *query)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (NOW);
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = lia_store_query_partner_ids (fixture->store, query, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);

  return ids;
}

static char *
format_ids (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));

  return g_string_free (text, FALSE);
}

/* Compares the ids as text, "3,6,2", so a failure shows both lists. */
static void
assert_query (Fixture               *fixture,
              const LiaPartnerQuery *query,
              const char            *expected)
{
  g_autoptr(GArray) ids = query_ids (fixture, query);
  g_autofree char *text = format_ids (ids);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_text (Fixture        *fixture,
             const char     *text,
             LiaPartnerSort  sort,
             const char     *expected)
{
  LiaPartnerQuery query;

  lia_partner_query_init (&query);
  query.text = text;
  query.sort = sort;
  assert_query (fixture, &query, expected);
}

static void
test_query_init (void)
{
  LiaPartnerQuery query;

  memset (&query, 0x55, sizeof query);
  lia_partner_query_init (&query);
  g_assert_null (query.text);
  g_assert_cmpint (query.status, ==, -1);
  g_assert_cmpint (query.kind, ==, -1);
  g_assert_null (query.owner);
  g_assert_cmpint (query.tier, ==, -1);
  g_assert_false (query.stale_only);
  g_assert_cmpint (query.sort, ==, LIA_PARTNER_SORT_NAME);
}

/* By name; never the trashed partner. The fixture's rows are written with
 * SQL, so their sort_name is the trigger's lower(name), which folds ASCII
 * only: "École" comes after "Zion" here (see /partner-query/sort-name). */
static void
test_query_sorts (Fixture       *fixture,
                  gconstpointer  data)
{
  LiaPartnerQuery query;

  lia_partner_query_init (&query);
  assert_query (fixture, &query, "3,6,2,4,1");

  /* Newest contact first, never contacted last; trashed interactions do
   * not count (partner 4's latest). */
  query.sort = LIA_PARTNER_SORT_LAST_CONTACT;
  assert_query (fixture, &query, "2,1,6,4,3");

  /* Soonest first, nothing due last: 2's active expectation has only a due
   * day (11-10; its follow-up is done and the other expectation met), 3's
   * expectation 11-15 (the trashed one of 11-04 does not count), 1's
   * follow-up 11-20 before its expectation 12-01, 6's expectation 11-25
   * (its trashed follow-up of 11-08 does not count), 4's expectation is
   * retired. */
  query.sort = LIA_PARTNER_SORT_NEXT_DUE;
  assert_query (fixture, &query, "2,3,1,6,4");
}

static char *
sort_name_of (Fixture *fixture,
              gint64   id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  char *sort_name;

  stmt = lia_database_prepare (fixture->database, "SELECT sort_name FROM partner WHERE id = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sort_name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  return sort_name;
}

static void
assert_sort_name (Fixture    *fixture,
                  gint64      id,
                  const char *expected)
{
  g_autofree char *sort_name = sort_name_of (fixture, id);

  g_assert_cmpstr (sort_name, ==, expected);
}

/* Names the store saves sort by their accent-free casefolded key, so
 * "École" is among the E's; rows written with plain SQL get lower(name)
 * from the schema's triggers, which leave the store's key alone. */
static void
test_query_sort_name (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *names[] = {
    "Zion Lutheran Church", "École des Érables", "Eastview Library", "Écoute Jeunesse", "eagle scouts",
  };
  g_autoptr(LiaPartner) ecole = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) sorted = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  LiaPartnerQuery query;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LiaPartner) partner = lia_partner_new ();

      lia_partner_set_name (partner, names[i]);
      lia_store_save_partner (fixture->store, partner, &error);
      g_assert_no_error (error);
      g_assert_cmpint (lia_partner_get_id (partner), ==, i + 1);
    }

  lia_partner_query_init (&query);
  ids = query_ids (fixture, &query);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LiaPartner) partner = lia_store_get_partner (fixture->store, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      g_string_append_printf (sorted, "%s%s", i > 0 ? "; " : "", lia_partner_get_name (partner));
    }
  g_assert_cmpstr (sorted->str, ==,
                   "eagle scouts; Eastview Library; École des Érables; Écoute Jeunesse; Zion Lutheran Church");
  assert_sort_name (fixture, 2, "ecole des erables");

  /* The store renames and writes the key in one UPDATE: the trigger keeps
   * out of it. */
  ecole = lia_store_get_partner (fixture->store, 2, &error);
  g_assert_no_error (error);
  lia_partner_set_name (ecole, "Élan Arts");
  lia_store_save_partner (fixture->store, ecole, &error);
  g_assert_no_error (error);
  assert_sort_name (fixture, 2, "elan arts");

  /* A rename that keeps the key (an accent put back) looks like plain SQL
   * to the trigger; the store's key wins, not lower(name). */
  lia_partner_set_name (ecole, "Elan Arts");
  lia_store_save_partner (fixture->store, ecole, &error);
  g_assert_no_error (error);
  lia_partner_set_name (ecole, "Élan Arts");
  lia_store_save_partner (fixture->store, ecole, &error);
  g_assert_no_error (error);
  assert_sort_name (fixture, 2, "elan arts");

  /* Plain SQL: the triggers fill in lower(name), on insert and rename. */
  lia_database_exec (fixture->database,
                     "INSERT INTO partner (id, name, created_at, updated_at)"
                     " VALUES (10, 'Amber Hall', 0, 0)",
                     &error);
  g_assert_no_error (error);
  assert_sort_name (fixture, 10, "amber hall");
  lia_database_exec (fixture->database, "UPDATE partner SET name = 'YMCA North' WHERE id = 10", &error);
  g_assert_no_error (error);
  assert_sort_name (fixture, 10, "ymca north");
  lia_database_exec (fixture->database, "UPDATE partner SET notes = 'x' WHERE id = 10", &error);
  g_assert_no_error (error);
  assert_sort_name (fixture, 10, "ymca north");
  assert_query (fixture, &query, "5,3,4,2,10,1");
}

static void
test_query_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  LiaPartnerQuery query;

  lia_partner_query_init (&query);
  query.status = LIA_PARTNER_STATUS_ACTIVE;
  assert_query (fixture, &query, "6,2,1");
  query.status = LIA_PARTNER_STATUS_PROSPECT;
  assert_query (fixture, &query, "3");
  query.status = LIA_PARTNER_STATUS_ENDED;
  assert_query (fixture, &query, "");

  lia_partner_query_init (&query);
  query.kind = LIA_PARTNER_KIND_SCHOOL;
  assert_query (fixture, &query, "1");
  query.status = LIA_PARTNER_STATUS_PAUSED;
  assert_query (fixture, &query, "");

  lia_partner_query_init (&query);
  query.owner = "Ana";
  assert_query (fixture, &query, "4,1");
  query.sort = LIA_PARTNER_SORT_LAST_CONTACT;
  assert_query (fixture, &query, "1,4");
  query.owner = "Nobody";
  assert_query (fixture, &query, "");

  lia_partner_query_init (&query);
  query.tier = LIA_PROMOTION_TIER_FEATURED;
  assert_query (fixture, &query, "2");
  query.tier = LIA_PROMOTION_TIER_STANDARD;
  assert_query (fixture, &query, "6,1");

  lia_partner_query_init (&query);
  query.status = LIA_PARTNER_STATUS_ACTIVE;
  query.owner = "Ben";
  query.tier = LIA_PROMOTION_TIER_STANDARD;
  query.text = "seniors";
  query.sort = LIA_PARTNER_SORT_NEXT_DUE;
  assert_query (fixture, &query, "6");
}

/* Stale: never verified, or verified more than cadence days ago. 4 was
 * verified exactly 30 days ago with a cadence of 30: not yet. */
static void
test_query_stale (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) later = g_date_time_new_from_unix_utc (NOW + 1);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LiaPartnerQuery query;

  lia_partner_query_init (&query);
  query.stale_only = TRUE;
  assert_query (fixture, &query, "3,6,2");

  query.owner = "Ben";
  assert_query (fixture, &query, "6,2");

  /* A second later 4 is stale too. */
  query.owner = NULL;
  ids = lia_store_query_partner_ids (fixture->store, &query, later, &error);
  g_assert_no_error (error);
  text = format_ids (ids);
  g_assert_cmpstr (text, ==, "3,6,2,4");
  g_clear_pointer (&ids, g_array_unref);

  /* Without a time, the store's clock (NOW). */
  ids = lia_store_query_partner_ids (fixture->store, &query, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = format_ids (ids);
  g_assert_cmpstr (text, ==, "3,6,2");
}

static void
test_query_text (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_text (fixture, "ecole", LIA_PARTNER_SORT_NAME, "1");
  assert_text (fixture, "École", LIA_PARTNER_SORT_NAME, "1");
  assert_text (fixture, "pere-lac", LIA_PARTNER_SORT_NAME, "1");
  assert_text (fixture, "maple", LIA_PARTNER_SORT_NAME, "2");  /* not the trashed one */
  assert_text (fixture, "Maple gro", LIA_PARTNER_SORT_NAME, "2");
  assert_text (fixture, "tut", LIA_PARTNER_SORT_NAME, "3");
  assert_text (fixture, "school", LIA_PARTNER_SORT_NAME, "3");  /* the description */
  assert_text (fixture, "nothing like it", LIA_PARTNER_SORT_NAME, "");

  /* With each sort; next due narrowed by text takes another path. */
  assert_text (fixture, "comm", LIA_PARTNER_SORT_NAME, "6,2,4");
  assert_text (fixture, "comm", LIA_PARTNER_SORT_LAST_CONTACT, "2,6,4");
  assert_text (fixture, "comm", LIA_PARTNER_SORT_NEXT_DUE, "2,6,4");
  assert_text (fixture, "e", LIA_PARTNER_SORT_NEXT_DUE, "");

  /* No word: no filter. */
  assert_text (fixture, "", LIA_PARTNER_SORT_NAME, "3,6,2,4,1");
  assert_text (fixture, " * \" ", LIA_PARTNER_SORT_NAME, "3,6,2,4,1");

  /* Search syntax is text. */
  assert_text (fixture, "\"maple", LIA_PARTNER_SORT_NAME, "2");
  assert_text (fixture, "(maple)", LIA_PARTNER_SORT_NAME, "2");
  assert_text (fixture, "-maple", LIA_PARTNER_SORT_NAME, "2");
  assert_text (fixture, "maple*", LIA_PARTNER_SORT_NAME, "2");
  assert_text (fixture, "maple OR zion", LIA_PARTNER_SORT_NAME, "");
  assert_text (fixture, "NEAR(maple grove)", LIA_PARTNER_SORT_NAME, "");
  assert_text (fixture, "maple NOT", LIA_PARTNER_SORT_NAME, "");
  assert_text (fixture, "title:maple", LIA_PARTNER_SORT_NAME, "");
}

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *changed)
{
  g_assert_cmpuint (position + removed, <=, changed->n_items);

  changed->n_signals++;
  changed->n_items = changed->n_items - removed + added;
  g_assert_cmpuint (changed->n_items, ==, g_list_model_get_n_items (model));
}

static char *
dup_name (GListModel *model,
          guint       position)
{
  g_autoptr(LiaPartner) partner = g_list_model_get_item (model, position);

  g_assert_nonnull (partner);
  g_assert_true (LIA_IS_PARTNER (partner));

  return g_strdup (lia_partner_get_name (partner));
}

static void
assert_name (GListModel *model,
             guint       position,
             const char *name)
{
  g_autofree char *actual = dup_name (model, position);

  g_assert_cmpstr (actual, ==, name);
}

static void
test_list_set_query (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaPartnerList) list = lia_partner_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  ItemsChanged changed = { 0, 5 };
  LiaPartnerQuery query;
  guint n_items = 0;

  g_assert_true (lia_partner_list_get_store (list) == fixture->store);
  g_assert_true (g_list_model_get_item_type (model) == LIA_TYPE_PARTNER);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  assert_name (model, 0, "aardvark Tutoring");
  assert_name (model, 4, "École Père-Lacombe");
  g_assert_null (g_list_model_get_item (model, 5));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);

  lia_partner_query_init (&query);
  query.status = LIA_PARTNER_STATUS_ACTIVE;
  lia_partner_list_set_query (list, &query);
  g_assert_cmpuint (changed.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 3);
  assert_name (model, 0, "Brightside Seniors Centre");
  assert_name (model, 1, "Maple Grove Food Bank");
  assert_name (model, 2, "École Père-Lacombe");

  /* The same query again changes nothing. */
  lia_partner_list_set_query (list, &query);
  g_assert_cmpuint (changed.n_signals, ==, 1);

  /* The query is copied. */
  {
    g_autofree char *text = g_strdup ("comm");

    lia_partner_query_init (&query);
    query.text = text;
    query.sort = LIA_PARTNER_SORT_LAST_CONTACT;
    lia_partner_list_set_query (list, &query);
  }
  g_assert_cmpuint (changed.n_signals, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  assert_name (model, 0, "Maple Grove Food Bank");
  assert_name (model, 1, "Brightside Seniors Centre");
  assert_name (model, 2, "Zion Lutheran Church");

  lia_partner_query_init (&query);
  query.text = "nothing like it";
  lia_partner_list_set_query (list, &query);
  g_assert_cmpuint (changed.n_signals, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));
}

static gboolean
signalled (gpointer data)
{
  ItemsChanged *changed = data;

  return changed->n_signals > 0;
}

/* Writes @sql and reports partner @id changed, as the store does after a
 * write; then waits for the list to announce it. */
static void
change_partner (Fixture      *fixture,
                ItemsChanged *changed,
                gint64        id,
                const char   *sql)
{
  g_autoptr(GError) error = NULL;

  lia_database_exec (fixture->database, sql, &error);
  g_assert_no_error (error);

  changed->n_signals = 0;
  g_signal_emit_by_name (fixture->store, "changed", LIA_RECORD_PARTNER, id);
  lia_test_iterate_until (signalled, changed, "the list announces the change");
}

static void
test_list_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaPartnerList) list = lia_partner_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(LiaPartner) before = g_list_model_get_item (model, 2);
  g_autoptr(LiaPartner) after = NULL;
  ItemsChanged changed = { 0, 5 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  g_assert_cmpstr (lia_partner_get_name (before), ==, "Maple Grove Food Bank");

  /* In place: the row is announced and loaded again. */
  change_partner (fixture, &changed, 2,
                  "UPDATE partner SET name = 'Maple Grove Food Bank Society' WHERE id = 2");
  g_assert_cmpuint (changed.n_signals, ==, 1);
  after = g_list_model_get_item (model, 2);
  g_assert_true (after != before);
  g_assert_cmpstr (lia_partner_get_name (after), ==, "Maple Grove Food Bank Society");

  /* Moved: "aardvark" becomes "Yew Tutoring". */
  change_partner (fixture, &changed, 3, "UPDATE partner SET name = 'Yew Tutoring' WHERE id = 3");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  assert_name (model, 0, "Brightside Seniors Centre");
  assert_name (model, 2, "Yew Tutoring");
  assert_name (model, 4, "École Père-Lacombe");

  /* Trashed: gone. */
  change_partner (fixture, &changed, 6, "UPDATE partner SET deleted_at = 1 WHERE id = 6");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  assert_name (model, 0, "Maple Grove Food Bank Society");

  /* Restored, with a burst of changes: one refresh. */
  change_partner (fixture, &changed, 6,
                  "UPDATE partner SET deleted_at = NULL WHERE id = 6;"
                  "UPDATE partner SET deleted_at = NULL WHERE id = 5;");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  assert_name (model, 0, "Brightside Seniors Centre");
  assert_name (model, 2, "Old Maple Partner");
}

/* Through the store, whose "changed" the list follows. */
static void
test_list_store_trash (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LiaPartnerList) list = lia_partner_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0, 5 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);

  lia_store_trash (fixture->store, LIA_RECORD_PARTNER, 3, &error);
  g_assert_no_error (error);
  lia_test_iterate_until (signalled, &changed, "the list drops the trashed partner");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  assert_name (model, 0, "Brightside Seniors Centre");

  changed.n_signals = 0;
  lia_store_restore (fixture->store, LIA_RECORD_PARTNER, 3, &error);
  g_assert_no_error (error);
  lia_test_iterate_until (signalled, &changed, "the list shows the restored partner");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  assert_name (model, 0, "aardvark Tutoring");
}

/* A sample of 5,000 partners: the names in the list are those of the
 * database in the same order, loaded one by one. */
static void
test_list_lazy (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaPartnerList) list = lia_partner_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPartner) first = NULL;
  g_autoptr(LiaPartner) again = NULL;
  LiaPartner *evicted;
  guint position = 0;
  int rc;

  stmt = lia_database_prepare (fixture->database,
                               "SELECT name FROM partner WHERE deleted_at IS NULL"
                               " ORDER BY sort_name, name, id",
                               &error);
  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (position % 7 == 0 || position < 60)
        assert_name (model, position, (const char *)sqlite3_column_text (stmt, 0));
      position++;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  g_assert_cmpuint (position, ==, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, position);
  g_assert_null (g_list_model_get_item (model, position));

  /* Recently used partners are kept, ... */
  first = g_list_model_get_item (model, 4999);
  again = g_list_model_get_item (model, 4999);
  g_assert_true (first == again);

  /* ... the least recently used ones let go. */
  evicted = first;
  g_clear_object (&first);
  g_clear_object (&again);
  g_object_add_weak_pointer (G_OBJECT (evicted), (gpointer *)&evicted);
  for (guint i = 0; i < 1000 && evicted != NULL; i++)
    g_object_unref (g_list_model_get_item (model, i));
  g_assert_null (evicted);
}

/* The order of the ids is the order of what LiaPartner shows, and stale
 * is what lia_partner_is_stale() says, on the sample community. */
static void
test_list_agrees_with_partner (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(LiaPartnerList) list = lia_partner_list_new (fixture->store);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (NOW);
  GListModel *model = G_LIST_MODEL (list);
  LiaPartnerQuery query;
  guint n_all, n_stale = 0, n_due = 0, n_contacted = 0;

  n_all = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_all, >, 50);

  lia_partner_query_init (&query);
  query.sort = LIA_PARTNER_SORT_LAST_CONTACT;
  lia_partner_list_set_query (list, &query);
  for (guint i = 1; i < n_all; i++)
    {
      g_autoptr(LiaPartner) a = g_list_model_get_item (model, i - 1);
      g_autoptr(LiaPartner) b = g_list_model_get_item (model, i);
      gint64 at = lia_partner_get_last_contact_at (a), bt = lia_partner_get_last_contact_at (b);

      g_assert_true (bt == 0 || (at != 0 && at >= bt));
      n_contacted += at != 0;
    }
  g_assert_cmpuint (n_contacted, >, 0);

  for (guint pass = 0; pass < 2; pass++)
    {
      /* Without text, then narrowed by text (another path), which must
       * keep the same relative order. */
      lia_partner_query_init (&query);
      query.sort = LIA_PARTNER_SORT_NEXT_DUE;
      query.text = pass == 0 ? NULL : "riverbend";
      lia_partner_list_set_query (list, &query);
      g_assert_cmpuint (g_list_model_get_n_items (model), >, 20);
      for (guint i = 1; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(LiaPartner) a = g_list_model_get_item (model, i - 1);
          g_autoptr(LiaPartner) b = g_list_model_get_item (model, i);
          const char *ad = lia_partner_get_next_due_on (a), *bd = lia_partner_get_next_due_on (b);

          g_assert_true (bd == NULL || (ad != NULL && strcmp (ad, bd) <= 0));
          n_due += ad != NULL;
        }
    }
  g_assert_cmpuint (n_due, >, 0);

  lia_partner_query_init (&query);
  query.stale_only = TRUE;
  lia_partner_list_set_query (list, &query);
  n_stale = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_stale; i++)
    {
      g_autoptr(LiaPartner) partner = g_list_model_get_item (model, i);

      g_assert_true (lia_partner_is_stale (partner, now));
    }

  lia_partner_query_init (&query);
  lia_partner_list_set_query (list, &query);
  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(LiaPartner) partner = g_list_model_get_item (model, i);

      n_stale -= lia_partner_is_stale (partner, now);
    }
  g_assert_cmpuint (n_stale, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/partner-query/init", test_query_init);
  g_test_add ("/partner-query/sorts", Fixture, NULL, fixture_setup, test_query_sorts, fixture_teardown);
  g_test_add ("/partner-query/sort-name", Fixture, NULL, fixture_setup_empty, test_query_sort_name, fixture_teardown);
  g_test_add ("/partner-query/filters", Fixture, NULL, fixture_setup, test_query_filters, fixture_teardown);
  g_test_add ("/partner-query/stale", Fixture, NULL, fixture_setup, test_query_stale, fixture_teardown);
  g_test_add ("/partner-query/text", Fixture, NULL, fixture_setup, test_query_text, fixture_teardown);
  g_test_add ("/partner-list/set-query", Fixture, NULL, fixture_setup, test_list_set_query, fixture_teardown);
  g_test_add ("/partner-list/changed", Fixture, NULL, fixture_setup, test_list_changed, fixture_teardown);
  g_test_add ("/partner-list/store-trash", Fixture, NULL, fixture_setup, test_list_store_trash, fixture_teardown);
  g_test_add ("/partner-list/lazy", Fixture, GUINT_TO_POINTER (5000),
              fixture_setup_sample, test_list_lazy, fixture_teardown);
  g_test_add ("/partner-list/agrees-with-partner", Fixture, GUINT_TO_POINTER (60),
              fixture_setup_sample, test_list_agrees_with_partner, fixture_teardown);

  return g_test_run ();
}
