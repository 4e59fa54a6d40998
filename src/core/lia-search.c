/* lia-search.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type over the FTS5 table search_index, which triggers keep
 * current (0001-initial.sql): its rowid is id * 4 + kind, its tokenizer
 * folds case and accents, and trashed rows are not in it.
 *
 * A keystroke costs two passes over the rows that match. Ranking is what
 * costs most: bm25() reads the positions of every row it scores, about 1 µs
 * a row, and a two-letter prefix matches a third of a large database
 * (50,000 rows of the 5,000-partner benchmark, 60 ms to rank them all). So
 * the first pass scores at most RANK_CANDIDATES rows of each kind, the first
 * ones in rowid order, picked by the function lia_search_take() before
 * bm25() runs: the ranking is exact as soon as the words leave fewer, which
 * two or three more letters do. The second pass makes the snippets of the
 * rows kept, and only theirs.
 */

#define G_LOG_DOMAIN "lia-search"

#include "config.h"

#include "lia-search-private.h"

G_DEFINE_BOXED_TYPE (LiaSearchResult, lia_search_result,
                     lia_search_result_copy, lia_search_result_free)

#define MAX_WORDS        16
#define RANK_CANDIDATES  1000
#define SNIPPET_TOKENS   12
#define CANDIDATES_TYPE  "LiaSearchCandidates"

/* bm25 weights by column (kind, title, body): a word in a name or a
 * summary counts ten times a word in the body. */
#define RANKED_SQL \
  "SELECT rowid, bm25 (search_index, 0.0, 10.0, 1.0) FROM search_index" \
  " WHERE search_index MATCH ?1 AND lia_search_take (?2, rowid % 4)"

/* The rows kept, all at once: one MATCH (setting up long prefixes costs
 * the most, so not one a row), and a snippet only for the rows in the list
 * ("+rowid": a test on each row, not a lookup per value). */
#define DETAIL_SQL_FORMAT \
  "SELECT rowid, title, snippet (search_index, 2, '', '', '…', " G_STRINGIFY (SNIPPET_TOKENS) ")," \
  " CASE rowid %% 4" \
  "  WHEN 0 THEN rowid / 4" \
  "  WHEN 1 THEN (SELECT c.partner_id FROM contact AS c WHERE c.id = search_index.rowid / 4)" \
  "  WHEN 2 THEN (SELECT i.partner_id FROM interaction AS i WHERE i.id = search_index.rowid / 4)" \
  "  WHEN 3 THEN (SELECT coalesce (e.partner_id, 0) FROM event AS e WHERE e.id = search_index.rowid / 4)" \
  " END" \
  " FROM search_index WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND +rowid IN (%s)"

/* Indexed by search kind. */
static const struct
{
  int           search_kind;
  LiaRecordKind record_kind;
} kinds[] = {
  { LIA_SEARCH_KIND_PARTNER, LIA_RECORD_PARTNER },
  { LIA_SEARCH_KIND_CONTACT, LIA_RECORD_CONTACT },
  { LIA_SEARCH_KIND_INTERACTION, LIA_RECORD_INTERACTION },
  { LIA_SEARCH_KIND_EVENT, LIA_RECORD_EVENT },
};

typedef struct
{
  gint64 rowid;
  double score;
} Candidate;

/* What the first pass has taken, by search kind. */
typedef struct
{
  guint   n_taken[G_N_ELEMENTS (kinds)];
  guint   n_full;
  GArray *taken[G_N_ELEMENTS (kinds)];  /* of Candidate */
} Candidates;

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

/* lia_search_take (candidates, kind): whether the first pass scores this
 * row, until it has RANK_CANDIDATES of the kind. */
static void
take_cb (sqlite3_context  *context,
         int               argc,
         sqlite3_value   **argv)
{
  Candidates *candidates = sqlite3_value_pointer (argv[0], CANDIDATES_TYPE);
  int kind = sqlite3_value_int (argv[1]);
  gboolean take;

  take = candidates != NULL && kind >= 0 && kind < (int)G_N_ELEMENTS (kinds) &&
         candidates->n_taken[kind] < RANK_CANDIDATES;
  if (take && ++candidates->n_taken[kind] == RANK_CANDIDATES)
    candidates->n_full++;

  sqlite3_result_int (context, take);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;

  return (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

/* Appends the best @limit rows of each kind, with only kind and id set. */
static gboolean
rank (LiaDatabase  *database,
      const char   *match,
      guint         limit,
      GPtrArray    *results,
      GError      **error)
{
  g_autoptr(sqlite3_stmt) ranked = NULL;
  Candidates candidates = { { 0 } };
  gboolean ok = TRUE;
  int rc;

  /* Once a connection: sqlite refuses to replace a function while any
   * statement of the connection runs. */
  if (g_object_get_data (G_OBJECT (database), "lia-search-take") == NULL)
    {
      rc = sqlite3_create_function_v2 (lia_database_get_handle (database), "lia_search_take", 2,
                                       SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, take_cb, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return lia_database_set_error_from_sqlite (database, rc, error);
      g_object_set_data (G_OBJECT (database), "lia-search-take", GINT_TO_POINTER (TRUE));
    }

  if (!(ranked = lia_database_prepare (database, RANKED_SQL, error)))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    candidates.taken[k] = g_array_new (FALSE, FALSE, sizeof (Candidate));

  sqlite3_bind_text (ranked, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_pointer (ranked, 2, &candidates, CANDIDATES_TYPE, NULL);

  while ((rc = sqlite3_step (ranked)) == SQLITE_ROW)
    {
      Candidate candidate;

      candidate.rowid = sqlite3_column_int64 (ranked, 0);
      candidate.score = sqlite3_column_double (ranked, 1);
      g_array_append_val (candidates.taken[candidate.rowid % 4], candidate);

      /* The rest would only be read and left. */
      if (candidates.n_full == G_N_ELEMENTS (kinds))
        {
          rc = SQLITE_DONE;
          break;
        }
    }

  if (rc != SQLITE_DONE)
    ok = lia_database_set_error_from_sqlite (database, rc, error);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GArray *taken = candidates.taken[k];

      g_array_sort (taken, compare_candidates);
      for (guint i = 0; ok && i < MIN (taken->len, limit); i++)
        {
          LiaSearchResult *result = g_new0 (LiaSearchResult, 1);

          result->kind = kinds[k].record_kind;
          result->id = g_array_index (taken, Candidate, i).rowid / 4;
          g_ptr_array_add (results, result);
        }
      g_array_unref (taken);
    }

  return ok;
}

static gint64
get_rowid (const LiaSearchResult *result)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (kinds[k].record_kind == result->kind)
      return result->id * 4 + kinds[k].search_kind;

  g_assert_not_reached ();
}

/* Sets title, snippet and partner id of every result. */
static gboolean
fill_results (LiaDatabase  *database,
              const char   *match,
              GPtrArray    *results,
              GError      **error)
{
  g_autoptr(GHashTable) by_rowid = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) rowids = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) detail = NULL;
  g_autofree char *sql = NULL;
  g_autofree gint64 *keys = g_new (gint64, results->len);
  gint64 min = G_MAXINT64, max = G_MININT64;
  int rc;

  for (guint i = 0; i < results->len; i++)
    {
      keys[i] = get_rowid (g_ptr_array_index (results, i));
      g_hash_table_insert (by_rowid, &keys[i], g_ptr_array_index (results, i));
      g_string_append_printf (rowids, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", keys[i]);
      min = MIN (min, keys[i]);
      max = MAX (max, keys[i]);
    }

  sql = g_strdup_printf (DETAIL_SQL_FORMAT, rowids->str);
  if (!(detail = lia_database_prepare (database, sql, error)))
    return FALSE;

  sqlite3_bind_text (detail, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (detail, 2, min);
  sqlite3_bind_int64 (detail, 3, max);

  while ((rc = sqlite3_step (detail)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (detail, 0);
      LiaSearchResult *result = g_hash_table_lookup (by_rowid, &rowid);

      g_assert (result != NULL);
      result->title = g_strdup ((const char *)sqlite3_column_text (detail, 1));
      result->snippet = tidy_snippet ((const char *)sqlite3_column_text (detail, 2));
      result->partner_id = sqlite3_column_int64 (detail, 3);
    }

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

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
  if (!rank (database, match, limit_per_kind, results, error))
    return NULL;

  if (results->len > 0 && !fill_results (database, match, results, error))
    return NULL;

  g_debug ("%s: %u results", match, results->len);

  return g_steal_pointer (&results);
}
