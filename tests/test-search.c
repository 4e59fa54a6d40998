/* test-search.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lia-database.h"
#include "lia-sample-data.h"
#include "lia-search-private.h"
#include "lia-store.h"
#include "lia-test-util.h"

typedef struct
{
  char        *dir;
  LiaDatabase *database;
  LiaStore    *store;
} Fixture;

/* Rows written straight into the tables: the FTS triggers index them. */
static const char fixture_sql[] =
  "INSERT INTO partner (id, name, kind, description, services, address, email, website, created_at, updated_at) VALUES"
  " (1, 'École Père-Lacombe', 'school', 'Une école francophone de la maternelle à la 12e année.',"
  "  'Heure du conte', '4 rue Principale', 'info@ecole-pere-lacombe.ca', 'https://ecole-pere-lacombe.ca', 1, 1),"
  " (2, 'Maple Grove Food Bank', 'nonprofit', 'Emergency food hampers and a community kitchen.',"
  "  'Hampers|Cooking classes', '12 Maple Street', 'hello@maplefood.org', NULL, 1, 1),"
  " (3, 'Riverbend Seniors Centre', 'health', 'Programs for seniors; helps the food bank on Fridays.',"
  "  '', NULL, NULL, NULL, 1, 1),"
  " (4, 'Zion Lutheran Church', 'faith', 'Hosts the (free) NEAR-north meal \"Soup & Stories\".',"
  "  '', NULL, NULL, NULL, 1, 1);"
  "INSERT INTO contact (id, partner_id, name, role, email, created_at, updated_at) VALUES"
  " (1, 1, 'Émilie Côté', 'Directrice', 'emilie.cote@ecole-pere-lacombe.ca', 1, 1),"
  " (2, 2, 'Marc-André Hébert', 'Food bank manager', 'marc@maplefood.org', 1, 1),"
  " (3, 3, 'Grace Osei', 'Coordinator', NULL, 1, 1);"
  "INSERT INTO interaction (id, partner_id, contact_id, contact_name, staff, kind, occurred_at, summary, outcome,"
  " created_at, updated_at) VALUES"
  " (1, 1, 1, 'Émilie Côté', 'Ana', 'meeting', 100, 'Planned the École story time', 'Monthly visits agreed', 1, 1),"
  " (2, 2, 2, 'Marc-André Hébert', 'Ben', 'call', 200, 'Food drive in December', '', 1, 1),"
  " (3, 4, NULL, NULL, 'Ana', 'email', 300, 'Asked about the soup supper', '', 1, 1);";

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = lia_test_make_temp_dir ("search");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  lia_database_exec (fixture->database, fixture_sql, &error);
  g_assert_no_error (error);

  fixture->store = lia_store_new (fixture->database);
}

static void
fixture_setup_sample (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;

  lia_sample_data_options_init (&options);
  g_date_clear (&options.today, 1);
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);

  fixture->dir = lia_test_make_temp_dir ("search");
  path = g_build_filename (fixture->dir, "sample.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  lia_sample_data_fill (fixture->database, &options, NULL, &error);
  g_assert_no_error (error);

  fixture->store = lia_store_new (fixture->database);
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

static GPtrArray *
search (Fixture    *fixture,
        const char *text,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  results = lia_store_search (fixture->store, text, limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);

  /* Grouped: partners, then contacts, then interactions. */
  for (guint i = 1; i < results->len; i++)
    {
      LiaSearchResult *previous = g_ptr_array_index (results, i - 1);
      LiaSearchResult *result = g_ptr_array_index (results, i);

      g_assert_cmpint (previous->kind, <=, result->kind);
    }

  return results;
}

/* The ids of the results of @kind, in order, as "1,2,3". */
static char *
ids_of_kind (GPtrArray     *results,
             LiaRecordKind  kind)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      LiaSearchResult *result = g_ptr_array_index (results, i);

      if (result->kind != kind)
        continue;
      if (ids->len > 0)
        g_string_append_c (ids, ',');
      g_string_append_printf (ids, "%" G_GINT64_FORMAT, result->id);
    }

  return g_string_free (ids, FALSE);
}

static void
assert_found (Fixture       *fixture,
              const char    *text,
              LiaRecordKind  kind,
              const char    *expected_ids)
{
  g_autoptr(GPtrArray) results = search (fixture, text, 10);
  g_autofree char *ids = ids_of_kind (results, kind);

  g_assert_cmpstr (ids, ==, expected_ids);
}

static void
test_build_match (void)
{
  static const struct
  {
    const char *text;
    const char *match;
  } cases[] = {
    { "ecole", "\"ecole\"*" },
    { "  Maple \t Grove\n", "\"Maple\"* \"Grove\"*" },
    { "say \"hi\"", "\"say\"* \"\"\"hi\"\"\"*" },
    { "NEAR(ab c)", "\"NEAR(ab\"*" },
    { "NEAR(a b)", "\"NEAR(\"" },
    { "-soup*", "\"-soup*\"*" },
    { "m", "\"m\"" },
    { "5 b", "\"5\" \"b\"" },
    { "maple g", "\"maple\"*" },
    { "École", "\"École\"*" },
    { "Côte-d", "\"Côte-\"" },
    { "saint-jean-b", "\"saint-jean-\"" },
    { "o'b x", "\"o'\"" },
    { "a-b", "\"a-\"" },
    { "", NULL },
    { " \t\n ", NULL },
    { "*", NULL },
    { "\"", NULL },
    { "- ( ) * \" ^ :", NULL },
  };

  g_assert_null (_lia_search_build_match (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = _lia_search_build_match (cases[i].text);

      g_assert_cmpstr (match, ==, cases[i].match);
    }
}

static void
test_search_accents (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) results = search (fixture, "ecole", 10);
  LiaSearchResult *first;

  /* The partner by its name and e-mail, the contact by hers, the
   * interaction by its summary. */
  g_assert_cmpuint (results->len, ==, 3);
  first = g_ptr_array_index (results, 0);
  g_assert_cmpint (first->kind, ==, LIA_RECORD_PARTNER);
  g_assert_cmpint (first->id, ==, 1);
  g_assert_cmpint (first->partner_id, ==, 1);
  g_assert_cmpstr (first->title, ==, "École Père-Lacombe");

  assert_found (fixture, "ecole", LIA_RECORD_CONTACT, "1");
  assert_found (fixture, "ecole", LIA_RECORD_INTERACTION, "1");
  assert_found (fixture, "ÉCOLE", LIA_RECORD_PARTNER, "1");
  assert_found (fixture, "pere lacombe", LIA_RECORD_PARTNER, "1");
  assert_found (fixture, "PÈRE", LIA_RECORD_PARTNER, "1");
  assert_found (fixture, "emilie cote", LIA_RECORD_CONTACT, "1");
  assert_found (fixture, "hebert", LIA_RECORD_CONTACT, "2");
  assert_found (fixture, "Hébert", LIA_RECORD_INTERACTION, "2");
}

static void
test_search_prefix (Fixture       *fixture,
                    gconstpointer  data)
{
  assert_found (fixture, "map", LIA_RECORD_PARTNER, "2");
  assert_found (fixture, "map", LIA_RECORD_CONTACT, "2");  /* marc@maplefood.org */
  assert_found (fixture, "maple gro", LIA_RECORD_PARTNER, "2");
  assert_found (fixture, "gro map", LIA_RECORD_PARTNER, "2");
  assert_found (fixture, "maple grove x", LIA_RECORD_PARTNER, "2");  /* one letter: not yet a word */
  assert_found (fixture, "maple grove xy", LIA_RECORD_PARTNER, "");
  assert_found (fixture, "zion", LIA_RECORD_PARTNER, "4");
  assert_found (fixture, "zi", LIA_RECORD_PARTNER, "4");
  assert_found (fixture, "z", LIA_RECORD_PARTNER, "");  /* one letter alone: a whole word */
  assert_found (fixture, "12e", LIA_RECORD_PARTNER, "1");
  assert_found (fixture, "12 maple", LIA_RECORD_PARTNER, "2");
  assert_found (fixture, "pere-l", LIA_RECORD_PARTNER, "1");
  assert_found (fixture, "marc-a", LIA_RECORD_CONTACT, "2");
}

static void
test_search_ranking (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) results = search (fixture, "food", 10);

  /* A name outranks a description. */
  assert_found (fixture, "food", LIA_RECORD_PARTNER, "2,3");
  assert_found (fixture, "food", LIA_RECORD_CONTACT, "2");
  assert_found (fixture, "food", LIA_RECORD_INTERACTION, "2");
  g_assert_cmpuint (results->len, ==, 4);
}

static void
test_search_limit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) results = search (fixture, "food", 1);
  static const LiaRecordKind kinds[] = { LIA_RECORD_PARTNER, LIA_RECORD_CONTACT, LIA_RECORD_INTERACTION };

  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      LiaSearchResult *result = g_ptr_array_index (results, i);

      g_assert_cmpint (result->kind, ==, kinds[i]);
      g_assert_cmpint (result->id, ==, 2);
    }
}

static void
test_search_result_fields (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) results = search (fixture, "hampers", 10);
  g_autoptr(GPtrArray) soup = search (fixture, "soup", 10);
  g_autoptr(LiaSearchResult) copy = NULL;
  LiaSearchResult *result;

  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpstr (result->title, ==, "Maple Grove Food Bank");
  g_assert_nonnull (strstr (result->snippet, "food hampers"));
  g_assert_null (strstr (result->snippet, "  "));
  g_assert_cmpuint (result->snippet[strlen (result->snippet) - 1], !=, ' ');

  /* Contacts and interactions know their partner. */
  assert_found (fixture, "grace", LIA_RECORD_CONTACT, "3");
  g_assert_cmpuint (soup->len, ==, 2);
  result = g_ptr_array_index (soup, 1);
  g_assert_cmpint (result->kind, ==, LIA_RECORD_INTERACTION);
  g_assert_cmpint (result->id, ==, 3);
  g_assert_cmpint (result->partner_id, ==, 4);
  g_assert_cmpstr (result->title, ==, "Asked about the soup supper");

  copy = g_boxed_copy (LIA_TYPE_SEARCH_RESULT, result);
  g_assert_true (copy != result);
  g_assert_cmpint (copy->partner_id, ==, 4);
  g_assert_cmpstr (copy->title, ==, result->title);
  g_assert_cmpstr (copy->snippet, ==, result->snippet);
}

static void
test_search_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const texts[] = { "", " ", " \t\n ", "*", "\"\"", "- ( ) ^" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) results = search (fixture, texts[i], 10);

      g_assert_cmpuint (results->len, ==, 0);
    }

  {
    g_autoptr(GPtrArray) results = search (fixture, NULL, 10);

    g_assert_cmpuint (results->len, ==, 0);
  }
}

/* What would be FTS5 syntax is searched for as text, never an error. */
static void
test_search_syntax (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const texts[] = {
    "\"", "\"soup", "soup\"", "\"\"\"", "(", ")", "soup)", "(soup", "((soup))",
    "NEAR", "NEAR(soup stories)", "NEAR(soup stories, 2)", "soup NEAR stories",
    "-", "-soup", "soup -stories", "*", "soup*", "*soup", "s*o*u*p",
    "AND", "OR", "NOT", "soup AND", "OR soup", "NOT soup", "soup OR maple", "soup NOT maple",
    "title:soup", "{title}: soup", "- title : soup", "^soup", "+", "+soup", "'", "o'brien",
    "\\", "soup;", "soup' OR 1=1 --", "%", "_", "\xff\xfe broken utf-8",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) results = search (fixture, texts[i], 10);
      g_autofree char *escaped = g_strescape (texts[i], NULL);

      g_test_message ("%s: %u results", escaped, results->len);
    }

  /* Quotes, dashes, stars and parentheses are not operators... */
  assert_found (fixture, "\"soup", LIA_RECORD_PARTNER, "4");
  assert_found (fixture, "-soup", LIA_RECORD_PARTNER, "4");
  assert_found (fixture, "soup*", LIA_RECORD_PARTNER, "4");
  assert_found (fixture, "(free)", LIA_RECORD_PARTNER, "4");
  assert_found (fixture, "near-north", LIA_RECORD_PARTNER, "4");
  /* ... and neither are OR and NOT: every word must be there. */
  assert_found (fixture, "soup OR maple", LIA_RECORD_PARTNER, "");
  assert_found (fixture, "soup NOT maple", LIA_RECORD_PARTNER, "");
  assert_found (fixture, "NEAR soup", LIA_RECORD_PARTNER, "4");
}

static void
test_search_trash (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_found (fixture, "maple", LIA_RECORD_PARTNER, "2");

  /* Trashing takes the partner out of the index (the triggers)... */
  lia_database_exec (fixture->database, "UPDATE partner SET deleted_at = 5 WHERE id = 2", &error);
  g_assert_no_error (error);
  assert_found (fixture, "maple", LIA_RECORD_PARTNER, "");
  assert_found (fixture, "food", LIA_RECORD_PARTNER, "3");

  /* ... and restoring puts it back. */
  lia_database_exec (fixture->database, "UPDATE partner SET deleted_at = NULL WHERE id = 2", &error);
  g_assert_no_error (error);
  assert_found (fixture, "maple", LIA_RECORD_PARTNER, "2");

  /* The same for a contact and an interaction. */
  lia_database_exec (fixture->database,
                     "UPDATE contact SET deleted_at = 5 WHERE id = 2;"
                     "UPDATE interaction SET deleted_at = 5 WHERE id = 2;",
                     &error);
  g_assert_no_error (error);
  assert_found (fixture, "hebert", LIA_RECORD_CONTACT, "");
  assert_found (fixture, "food drive", LIA_RECORD_INTERACTION, "");
}

/* Through the store: a trashed partner takes its contacts and
 * interactions out of the results, and restoring brings them back. */
/* Events are found too, with their partner (0 for the library's own) and
 * a snippet of their description; trashed ones are not. */
static void
test_search_events (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaEvent) own = lia_event_new ();
  g_autoptr(LiaEvent) partner_event = lia_event_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  LiaSearchResult *result = NULL;

  lia_event_set_title (own, "Écoute musicale");
  lia_event_set_description (own, "Vinyl listening night in the reading room");
  lia_event_set_dtstart (own, "2026-12-01T19:00:00");
  lia_event_set_tzid (own, "America/Edmonton");
  g_assert_true (lia_store_save_event (fixture->store, own, &error));
  g_assert_no_error (error);

  lia_event_set_title (partner_event, "Garden Workshop");
  lia_event_set_description (partner_event, "Seed saving with the listening circle");
  lia_event_set_dtstart (partner_event, "2026-12-02");
  lia_event_set_all_day (partner_event, TRUE);
  lia_event_set_partner_id (partner_event, 1);
  g_assert_true (lia_store_save_event (fixture->store, partner_event, &error));
  g_assert_no_error (error);

  /* Accents and word beginnings, as for partners. */
  ids = g_strdup_printf ("%" G_GINT64_FORMAT, lia_event_get_id (own));
  assert_found (fixture, "ecout", LIA_RECORD_EVENT, ids);

  results = search (fixture, "listening", 10);
  for (guint i = 0; i < results->len; i++)
    {
      LiaSearchResult *candidate = g_ptr_array_index (results, i);

      if (candidate->kind == LIA_RECORD_EVENT && candidate->id == lia_event_get_id (partner_event))
        result = candidate;
    }
  g_assert_nonnull (result);
  g_assert_cmpint (result->partner_id, ==, 1);
  g_assert_cmpstr (result->title, ==, "Garden Workshop");
  g_assert_nonnull (strstr (result->snippet, "listening"));

  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT, lia_event_get_id (own), &error));
  g_assert_no_error (error);
  assert_found (fixture, "ecout", LIA_RECORD_EVENT, "");
}

static void
test_search_store_trash (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_found (fixture, "maple", LIA_RECORD_PARTNER, "2");
  assert_found (fixture, "hebert", LIA_RECORD_CONTACT, "2");

  lia_store_trash (fixture->store, LIA_RECORD_PARTNER, 2, &error);
  g_assert_no_error (error);
  assert_found (fixture, "maple", LIA_RECORD_PARTNER, "");
  assert_found (fixture, "hebert", LIA_RECORD_CONTACT, "");
  assert_found (fixture, "food drive", LIA_RECORD_INTERACTION, "");
  assert_found (fixture, "food", LIA_RECORD_PARTNER, "3");

  lia_store_restore (fixture->store, LIA_RECORD_PARTNER, 2, &error);
  g_assert_no_error (error);
  assert_found (fixture, "maple", LIA_RECORD_PARTNER, "2");
  assert_found (fixture, "hebert", LIA_RECORD_CONTACT, "2");
  assert_found (fixture, "food drive", LIA_RECORD_INTERACTION, "2");
}

static gboolean
contains (GPtrArray     *results,
          LiaRecordKind  kind,
          gint64         id,
          gint64         partner_id)
{
  for (guint i = 0; i < results->len; i++)
    {
      LiaSearchResult *result = g_ptr_array_index (results, i);

      if (result->kind == kind && result->id == id)
        return result->partner_id == partner_id;
    }

  return FALSE;
}

/* On the sample community: typing a name letter by letter finds it, with
 * its partner. */
static void
test_search_sample (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  stmt = lia_database_prepare (fixture->database,
                               "SELECT 0, id, id, name FROM partner WHERE id % 7 = 1"
                               " UNION ALL "
                               "SELECT 1, id, partner_id, name FROM contact WHERE id % 23 = 1",
                               &error);
  g_assert_no_error (error);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LiaRecordKind kind = sqlite3_column_int (stmt, 0) == 0 ? LIA_RECORD_PARTNER : LIA_RECORD_CONTACT;
      gint64 id = sqlite3_column_int64 (stmt, 1);
      gint64 partner_id = sqlite3_column_int64 (stmt, 2);
      const char *name = (const char *)sqlite3_column_text (stmt, 3);

      for (const char *end = g_utf8_next_char (name); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (name, end - name);
          g_autoptr(GPtrArray) results = search (fixture, prefix, 5);

          if (*end == '\0')
            {
              g_assert_true (contains (results, kind, id, partner_id));
              break;
            }
        }
      n++;
    }

  g_assert_cmpuint (n, >=, 15);
}

/* @text with its runs of spaces made one, and none at the ends. */
static char *
collapse_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *collapsed = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (collapsed, "%s%s", collapsed->len > 0 ? " " : "", words[i]);

  return g_string_free (collapsed, FALSE);
}

/* The best of each kind, and their snippets, are what sqlite's own
 * ranking of every match gives (bm25, then rowid), for words matching more
 * rows than the limit in every order of score: the best of a kind are kept
 * as the rows come, and each gets its snippet then. */
static void
test_search_best_as_sqlite (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char * const texts[] = { "Food", "community ce", "le", "Riv", "Story time", "ma" };
  static const struct
  {
    LiaRecordKind  kind;
    const char    *table;
  } tables[] = {
    { LIA_RECORD_PARTNER, "search_partner" },
    { LIA_RECORD_CONTACT, "search_contact" },
    { LIA_RECORD_INTERACTION, "search_interaction" },
    { LIA_RECORD_EVENT, "search_event" },
  };
  guint n_full = 0;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(GPtrArray) results = search (fixture, texts[t], 5);
      g_autofree char *match = _lia_search_build_match (texts[t]);

      for (guint k = 0; k < G_N_ELEMENTS (tables); k++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT rowid, snippet (%s, 1, '', '', '…', 12),"
                                                  " (SELECT count(*) FROM %s WHERE %s MATCH ?1)"
                                                  " FROM %s WHERE %s MATCH ?1"
                                                  " ORDER BY bm25 (%s, 10.0, 1.0), rowid LIMIT 5",
                                                  tables[k].table, tables[k].table, tables[k].table,
                                                  tables[k].table, tables[k].table, tables[k].table);
          g_autoptr(sqlite3_stmt) stmt = NULL;
          g_autoptr(GError) error = NULL;
          guint i = 0, n_matches = 0;

          stmt = lia_database_prepare (fixture->database, sql, &error);
          g_assert_no_error (error);
          sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
          for (guint r = 0; r < results->len; r++)
            {
              LiaSearchResult *result = g_ptr_array_index (results, r);
              g_autofree char *snippet = NULL;

              if (result->kind != tables[k].kind)
                continue;

              g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
              /* More matches than kept: the limit was at work. */
              n_matches = sqlite3_column_int (stmt, 2);
              if (i++ == 0 && n_matches > 5)
                n_full++;
              g_assert_cmpint (result->id, ==, sqlite3_column_int64 (stmt, 0));
              /* The same snippet, its runs of spaces made one. */
              snippet = collapse_spaces ((const char *)sqlite3_column_text (stmt, 1));
              g_assert_cmpstr (result->snippet, ==, snippet);
            }
          /* As many as sqlite finds, up to the limit. */
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          g_assert_cmpuint (i, ==, MIN (n_matches, 5));
        }
    }

  /* The limit was at work for most kinds of most texts. */
  g_assert_cmpuint (n_full, >=, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/build-match", test_build_match);
  g_test_add ("/search/accents", Fixture, NULL, fixture_setup, test_search_accents, fixture_teardown);
  g_test_add ("/search/prefix", Fixture, NULL, fixture_setup, test_search_prefix, fixture_teardown);
  g_test_add ("/search/ranking", Fixture, NULL, fixture_setup, test_search_ranking, fixture_teardown);
  g_test_add ("/search/limit", Fixture, NULL, fixture_setup, test_search_limit, fixture_teardown);
  g_test_add ("/search/result-fields", Fixture, NULL, fixture_setup, test_search_result_fields, fixture_teardown);
  g_test_add ("/search/empty", Fixture, NULL, fixture_setup, test_search_empty, fixture_teardown);
  g_test_add ("/search/syntax", Fixture, NULL, fixture_setup, test_search_syntax, fixture_teardown);
  g_test_add ("/search/trash", Fixture, NULL, fixture_setup, test_search_trash, fixture_teardown);
  g_test_add ("/search/store-trash", Fixture, NULL, fixture_setup, test_search_store_trash, fixture_teardown);
  g_test_add ("/search/events", Fixture, NULL, fixture_setup, test_search_events, fixture_teardown);
  g_test_add ("/search/sample", Fixture, NULL, fixture_setup_sample, test_search_sample, fixture_teardown);
  g_test_add ("/search/best-as-sqlite", Fixture, NULL, fixture_setup_sample, test_search_best_as_sqlite,
              fixture_teardown);

  return g_test_run ();
}
