/* lia-search.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type over one FTS5 table a kind of record (search_partner,
 * search_contact, search_interaction, search_event), which triggers keep
 * current (0007-search-by-kind.sql): the rowid is the record's id, the
 * tokenizer folds case and accents, and trashed records are not in them.
 *
 * A keystroke is one pass over each table. Ranking is what costs most:
 * bm25() reads the positions of every row it scores, about 1 µs a row,
 * and a two-letter prefix matches a third of a large database (50,000
 * rows of the 5,000-partner benchmark, 60 ms to rank them all). So each
 * table scores at most RANK_CANDIDATES rows, the first ones in rowid order
 * (LIMIT): the ranking is exact as soon as the words leave fewer, which
 * two or three more letters do, and a kind whose records seldom hold the
 * words costs no more than its own matches. Snippets are made for the
 * rows that enter the best as they come (see RANKED_SQL).
 */

#define G_LOG_DOMAIN "lia-search"

#include "config.h"

#include <string.h>

#include "lia-search-private.h"

G_DEFINE_BOXED_TYPE (LiaSearchResult, lia_search_result,
                     lia_search_result_copy, lia_search_result_free)

#define MAX_WORDS        16
#define RANK_CANDIDATES  1000
#define SNIPPET_TOKENS   12
#define BEST_TYPE        "LiaSearchBest"

/* One pass: bm25 scores the first RANK_CANDIDATES matches in rowid order,
 * and lia_search_keep() keeps the best of them as they come; a row gets
 * its snippet when it enters the best, a few dozen rows at most. A second
 * MATCH for the snippets of the rows kept cost as much again: FTS5 reads
 * the whole doclist of a prefix longer than the prefix index ("Riverbend"*,
 * 230,000 events of the huge benchmark dataset) each time it sets one up.
 * bm25 weights by column (title, body): a word in a name or a summary
 * counts ten times a word in the body. */
#define RANKED_SQL(table) \
  "SELECT rowid, CASE WHEN lia_search_keep (?2, rowid, bm25 (" table ", 10.0, 1.0))" \
  " THEN snippet (" table ", 1, '', '', '…', " G_STRINGIFY (SNIPPET_TOKENS) ") END" \
  " FROM " table " WHERE " table " MATCH ?1 LIMIT " G_STRINGIFY (RANK_CANDIDATES)

/* In the order results are returned; @record_sql gives the title (as its
 * view in 0007-search-by-kind.sql puts it in the table) and the partner. */
static const struct
{
  LiaRecordKind  record_kind;
  const char    *ranked_sql;
  const char    *record_sql;
} kinds[] = {
  { LIA_RECORD_PARTNER, RANKED_SQL ("search_partner"),
    "SELECT name, id FROM partner WHERE id = ?1" },
  { LIA_RECORD_CONTACT, RANKED_SQL ("search_contact"),
    "SELECT name, partner_id FROM contact WHERE id = ?1" },
  { LIA_RECORD_INTERACTION, RANKED_SQL ("search_interaction"),
    "SELECT summary, partner_id FROM interaction WHERE id = ?1" },
  { LIA_RECORD_EVENT, RANKED_SQL ("search_event"),
    "SELECT title, coalesce (partner_id, 0) FROM event WHERE id = ?1" },
};

typedef struct
{
  gint64 id;
  double score;
} Candidate;

/* The best rows seen so far, best first; @best holds @limit. */
typedef struct
{
  guint     limit;
  guint     n;
  Candidate best[];
} Best;

/* How many characters of @word the tokenizer would keep. */
static guint
count_word_chars (const char *word)
{
  guint n = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      n++;

  return n;
}

/* Where the last run of word characters of @word starts, and its length. */
static const char *
find_last_token (const char *word,
                 guint      *n_chars)
{
  const char *start = NULL;
  gboolean in_token = FALSE;

  *n_chars = 0;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean token_char = g_unichar_isalnum (g_utf8_get_char (p));

      if (token_char && !in_token)
        {
          start = p;
          *n_chars = 0;
        }
      if (token_char)
        (*n_chars)++;
      in_token = token_char;
    }

  return start;
}

static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (end && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      else if (!end && start == NULL)
        {
          start = p;
        }

      if (*p == '\0')
        break;
    }

  return words;
}

static void
append_quoted (GString    *match,
               const char *word,
               gboolean    prefix)
{
  if (match->len > 0)
    g_string_append_c (match, ' ');

  g_string_append_c (match, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');

  if (prefix)
    g_string_append_c (match, '*');
}

/* Collapses the runs of spaces that empty fields leave in the body. */
static char *
tidy_snippet (const char *text)
{
  GString *tidy = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = tidy->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (tidy, ' ');
      space = FALSE;
      g_string_append_c (tidy, *p);
    }

  return g_string_free (tidy, FALSE);
}

static int
compare_candidates (const Candidate *x,
                    const Candidate *y)
{
  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;

  return (x->id > y->id) - (x->id < y->id);
}

/* lia_search_keep (best, rowid, score): whether the row enters the best
 * rows seen so far; every row of the final best did when it came. */
static void
keep_cb (sqlite3_context  *context,
         int               argc,
         sqlite3_value   **argv)
{
  Best *best = sqlite3_value_pointer (argv[0], BEST_TYPE);
  Candidate candidate = { sqlite3_value_int64 (argv[1]), sqlite3_value_double (argv[2]) };
  guint at;

  if (best == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }

  /* Where it goes; the worst falls off the end when full. */
  for (at = best->n; at > 0 && compare_candidates (&candidate, &best->best[at - 1]) < 0; at--)
    ;
  if (at == best->limit)
    {
      sqlite3_result_int (context, 0);
      return;
    }

  if (best->n < best->limit)
    best->n++;
  memmove (&best->best[at + 1], &best->best[at], (best->n - 1 - at) * sizeof (Candidate));
  best->best[at] = candidate;
  sqlite3_result_int (context, 1);
}

/* Once a connection: sqlite refuses to replace a function while any
 * statement of the connection runs. */
static gboolean
ensure_keep_function (LiaDatabase  *database,
                      GError      **error)
{
  int rc;

  if (g_object_get_data (G_OBJECT (database), "lia-search-keep") != NULL)
    return TRUE;

  rc = sqlite3_create_function_v2 (lia_database_get_handle (database), "lia_search_keep", 3,
                                   SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, keep_cb, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return lia_database_set_error_from_sqlite (database, rc, error);
  g_object_set_data (G_OBJECT (database), "lia-search-keep", GINT_TO_POINTER (TRUE));

  return TRUE;
}

/* Appends the best @limit records of kind @k to @results, with their
 * title, snippet and partner id. */
static gboolean
search_kind (LiaDatabase  *database,
             guint         k,
             const char   *match,
             guint         limit,
             GPtrArray    *results,
             GError      **error)
{
  g_autoptr(LiaStmt) ranked = NULL;
  g_autoptr(GHashTable) snippets = NULL;
  g_autofree Best *best = NULL;
  int rc;

  if (!ensure_keep_function (database, error) ||
      !(ranked = lia_database_prepare_cached (database, kinds[k].ranked_sql, error)))
    return FALSE;

  best = g_malloc0 (sizeof (Best) + limit * sizeof (Candidate));
  best->limit = limit;
  snippets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  sqlite3_bind_text (ranked, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_pointer (ranked, 2, best, BEST_TYPE, NULL);
  while ((rc = sqlite3_step (ranked)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (ranked, 1) != SQLITE_NULL)
        g_hash_table_replace (snippets, g_memdup2 (&(gint64) { sqlite3_column_int64 (ranked, 0) }, sizeof (gint64)),
                              g_strdup ((const char *)sqlite3_column_text (ranked, 1)));
    }

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  for (guint i = 0; i < best->n; i++)
    {
      g_autoptr(LiaStmt) record = NULL;
      LiaSearchResult *result;
      const char *snippet;

      if (!(record = lia_database_prepare_cached (database, kinds[k].record_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (record, 1, best->best[i].id);
      if ((rc = sqlite3_step (record)) == SQLITE_DONE)
        continue;  /* gone since: another connection wrote */
      if (rc != SQLITE_ROW)
        return lia_database_set_error_from_sqlite (database, rc, error);

      result = g_new0 (LiaSearchResult, 1);
      result->kind = kinds[k].record_kind;
      result->id = best->best[i].id;
      result->title = g_strdup ((const char *)sqlite3_column_text (record, 0));
      result->partner_id = sqlite3_column_int64 (record, 1);
      snippet = g_hash_table_lookup (snippets, &result->id);
      result->snippet = tidy_snippet (snippet);
      g_ptr_array_add (results, result);
    }

  return TRUE;
}

/**
 * _lia_search_build_match:
 * @text: what the user typed
 *
 * Words are separated by white space; a word without a letter or a digit is
 * dropped. Each word is a prefix, except that a one-letter prefix, which
 * would match nearly everything and has no prefix index to make it cheap
 * (a tenth of a second and more on a large database), is never searched
 * for: a one-letter word is left out when longer words are there and
 * otherwise matches whole words only ("5", "B"), and a word that ends in one
 * letter after a separator ("Côte-d", "O'B") matches what comes before.
 *
 * Returns: (transfer full) (nullable): the MATCH expression, or %NULL when
 *   @text holds no word
 */
char *
_lia_search_build_match (const char *text)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) match = NULL;
  g_autofree char *valid = NULL;
  gboolean have_long = FALSE;
  guint n = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  words = split_words (valid);

  for (guint i = 0; i < words->len; i++)
    if (count_word_chars (g_ptr_array_index (words, i)) > 1)
      have_long = TRUE;

  match = g_string_new (NULL);
  for (guint i = 0; i < words->len && n < MAX_WORDS; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      guint n_chars = count_word_chars (word);

      const char *last;
      guint last_chars;

      if (n_chars == 0 || (n_chars == 1 && have_long))
        continue;

      last = find_last_token (word, &last_chars);
      if (n_chars > 1 && last_chars == 1)
        {
          /* "côte-d": the words before the letter, which are complete. */
          g_autofree char *complete = g_strndup (word, last - word);

          append_quoted (match, complete, FALSE);
        }
      else
        {
          append_quoted (match, word, n_chars > 1);
        }
      n++;
    }

  if (n == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}

LiaSearchResult *
lia_search_result_copy (const LiaSearchResult *result)
{
  LiaSearchResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->title = g_strdup (result->title);
  copy->snippet = g_strdup (result->snippet);

  return copy;
}

void
lia_search_result_free (LiaSearchResult *result)
{
  if (result == NULL)
    return;

  g_free (result->title);
  g_free (result->snippet);
  g_free (result);
}

/**
 * lia_store_search:
 * @self: a #LiaStore
 * @text: what the user typed
 * @limit_per_kind: the most results of each kind, at least 1
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type LiaSearchResult): partners,
 *   then contacts, then interactions, each best first
 */
GPtrArray *
lia_store_search (LiaStore    *self,
                  const char  *text,
                  guint        limit_per_kind,
                  GError     **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *match = NULL;
  LiaDatabase *database;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (limit_per_kind > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_search_result_free);

  if (!(match = _lia_search_build_match (text)))
    return g_steal_pointer (&results);

  database = lia_store_get_database (self);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (!search_kind (database, k, match, limit_per_kind, results, error))
        return NULL;
    }

  g_debug ("%s: %u results", match, results->len);

  return g_steal_pointer (&results);
}
