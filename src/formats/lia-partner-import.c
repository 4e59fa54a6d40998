/* lia-partner-import.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Partners from a spreadsheet. The header row is mapped onto partner fields
 * through the names spreadsheets use for them; every row then becomes a
 * create, an update of a partner already known (same name once normalised,
 * or same e-mail or website domain with a name that agrees) or a skip with
 * its reason. The plan is shown before anything is written, and applied in
 * one transaction.
 *
 * Cells that are empty never clear what the database has. An e-mail, website
 * or phone number that does not look right is left out (the row is still
 * imported) and the preview says so.
 */

#define G_LOG_DOMAIN "lia-partner-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-partner-import.h"
#include "lia-validate.h"

typedef enum
{
  FIELD_NONE = -1,
  FIELD_NAME,
  FIELD_EMAIL,
  FIELD_PHONE,
  FIELD_WEBSITE,
  FIELD_ADDRESS,
  FIELD_KIND,
  FIELD_STATUS,
  FIELD_DESCRIPTION,
  FIELD_SERVICES,
  FIELD_OWNER,
  FIELD_TAGS,
  FIELD_NOTES,
  FIELD_CONTACT_NAME,
  FIELD_CONTACT_EMAIL,
  FIELD_CONTACT_PHONE,
  FIELD_CONTACT_ROLE,
  N_FIELDS
} Field;

typedef struct
{
  guint            line;
  LiaImportAction  action;
  char            *name;
  GString         *reason;

  /* Owned; NULL for a skip */
  LiaPartner      *partner;
  /* Owned; NULL when the row has no contact to save */
  LiaContact      *contact;
  gboolean         partner_changed;
} PlanRow;

struct _LiaImportPlan
{
  GObject    parent_instance;

  /* Owned */
  GArray    *rows;             /* of PlanRow */
  GStrv      ignored_columns;

  guint      created;
  guint      updated;
  guint      skipped;
  gboolean   applied;
};

G_DEFINE_FINAL_TYPE (LiaImportPlan, lia_import_plan, G_TYPE_OBJECT)

G_DEFINE_QUARK (lia-partner-import-error-quark, lia_partner_import_error)

/* Header names, compared after dropping case, accents, spaces and
 * punctuation: "E-mail address" is "emailaddress". */
static const struct { const char *key; Field field; } synonyms[] = {
  { "name", FIELD_NAME }, { "organization", FIELD_NAME }, { "organisation", FIELD_NAME },
  { "org", FIELD_NAME }, { "orgname", FIELD_NAME }, { "organizationname", FIELD_NAME },
  { "organisationname", FIELD_NAME }, { "agency", FIELD_NAME }, { "partner", FIELD_NAME },
  { "partnername", FIELD_NAME }, { "company", FIELD_NAME }, { "companyname", FIELD_NAME },
  { "email", FIELD_EMAIL }, { "emailaddress", FIELD_EMAIL }, { "mail", FIELD_EMAIL },
  { "phone", FIELD_PHONE }, { "telephone", FIELD_PHONE }, { "tel", FIELD_PHONE },
  { "phonenumber", FIELD_PHONE }, { "telephonenumber", FIELD_PHONE },
  { "website", FIELD_WEBSITE }, { "web", FIELD_WEBSITE }, { "url", FIELD_WEBSITE },
  { "site", FIELD_WEBSITE }, { "homepage", FIELD_WEBSITE },
  { "address", FIELD_ADDRESS }, { "streetaddress", FIELD_ADDRESS }, { "location", FIELD_ADDRESS },
  { "type", FIELD_KIND }, { "kind", FIELD_KIND }, { "category", FIELD_KIND }, { "sector", FIELD_KIND },
  { "status", FIELD_STATUS },
  { "description", FIELD_DESCRIPTION }, { "about", FIELD_DESCRIPTION }, { "mission", FIELD_DESCRIPTION },
  { "services", FIELD_SERVICES }, { "servicesoffered", FIELD_SERVICES }, { "programs", FIELD_SERVICES },
  { "programmes", FIELD_SERVICES },
  { "owner", FIELD_OWNER }, { "staff", FIELD_OWNER }, { "liaison", FIELD_OWNER },
  { "staffcontact", FIELD_OWNER },
  { "tags", FIELD_TAGS },
  { "notes", FIELD_NOTES }, { "comments", FIELD_NOTES }, { "note", FIELD_NOTES }, { "comment", FIELD_NOTES },
  { "contact", FIELD_CONTACT_NAME }, { "contactperson", FIELD_CONTACT_NAME },
  { "contactname", FIELD_CONTACT_NAME }, { "primarycontact", FIELD_CONTACT_NAME },
  { "contactemail", FIELD_CONTACT_EMAIL }, { "contactemailaddress", FIELD_CONTACT_EMAIL },
  { "contactphone", FIELD_CONTACT_PHONE }, { "contacttelephone", FIELD_CONTACT_PHONE },
  { "contactrole", FIELD_CONTACT_ROLE }, { "contacttitle", FIELD_CONTACT_ROLE },
  { "contactposition", FIELD_CONTACT_ROLE },
};

/* What spreadsheets call the kinds of partner, beyond the kinds' own names. */
static const struct { const char *key; LiaPartnerKind kind; } kind_synonyms[] = {
  { "nonprofit", LIA_PARTNER_KIND_NONPROFIT }, { "notforprofit", LIA_PARTNER_KIND_NONPROFIT },
  { "charity", LIA_PARTNER_KIND_NONPROFIT }, { "ngo", LIA_PARTNER_KIND_NONPROFIT },
  { "npo", LIA_PARTNER_KIND_NONPROFIT }, { "communityorganization", LIA_PARTNER_KIND_NONPROFIT },
  { "government", LIA_PARTNER_KIND_GOVERNMENT }, { "gov", LIA_PARTNER_KIND_GOVERNMENT },
  { "governmentagency", LIA_PARTNER_KIND_GOVERNMENT }, { "municipal", LIA_PARTNER_KIND_GOVERNMENT },
  { "city", LIA_PARTNER_KIND_GOVERNMENT }, { "publicagency", LIA_PARTNER_KIND_GOVERNMENT },
  { "school", LIA_PARTNER_KIND_SCHOOL }, { "education", LIA_PARTNER_KIND_SCHOOL },
  { "college", LIA_PARTNER_KIND_SCHOOL }, { "university", LIA_PARTNER_KIND_SCHOOL },
  { "health", LIA_PARTNER_KIND_HEALTH }, { "healthcare", LIA_PARTNER_KIND_HEALTH },
  { "medical", LIA_PARTNER_KIND_HEALTH }, { "clinic", LIA_PARTNER_KIND_HEALTH },
  { "business", LIA_PARTNER_KIND_BUSINESS }, { "company", LIA_PARTNER_KIND_BUSINESS },
  { "forprofit", LIA_PARTNER_KIND_BUSINESS }, { "corporate", LIA_PARTNER_KIND_BUSINESS },
  { "faith", LIA_PARTNER_KIND_FAITH }, { "faithbased", LIA_PARTNER_KIND_FAITH },
  { "religious", LIA_PARTNER_KIND_FAITH }, { "church", LIA_PARTNER_KIND_FAITH },
  { "club", LIA_PARTNER_KIND_CLUB }, { "association", LIA_PARTNER_KIND_CLUB },
  { "society", LIA_PARTNER_KIND_CLUB },
  { "other", LIA_PARTNER_KIND_OTHER },
};

static const struct { const char *key; LiaPartnerStatus status; } status_synonyms[] = {
  { "prospect", LIA_PARTNER_STATUS_PROSPECT }, { "prospective", LIA_PARTNER_STATUS_PROSPECT },
  { "active", LIA_PARTNER_STATUS_ACTIVE }, { "current", LIA_PARTNER_STATUS_ACTIVE },
  { "paused", LIA_PARTNER_STATUS_PAUSED }, { "onhold", LIA_PARTNER_STATUS_PAUSED },
  { "inactive", LIA_PARTNER_STATUS_PAUSED },
  { "ended", LIA_PARTNER_STATUS_ENDED }, { "former", LIA_PARTNER_STATUS_ENDED },
  { "closed", LIA_PARTNER_STATUS_ENDED },
};

/* Websites many partners share: the same domain there is no evidence of
 * the same partner. */
static const char * const shared_domains[] = {
  "facebook.com", "instagram.com", "twitter.com", "x.com", "linkedin.com", "google.com",
  "sites.google.com", "wixsite.com", "wordpress.com", "blogspot.com", "linktr.ee",
  "eventbrite.com", "meetup.com", "squarespace.com", "weebly.com", "youtube.com",
};

static void
clear_plan_row (gpointer data)
{
  PlanRow *row = data;

  g_clear_pointer (&row->name, g_free);
  if (row->reason != NULL)
    g_string_free (row->reason, TRUE);
  row->reason = NULL;
  g_clear_object (&row->partner);
  g_clear_object (&row->contact);
}

/* "E-mail Address" -> "emailaddress" */
static char *
dup_key (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *key = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_tolower (*p));

  return g_string_free (key, FALSE);
}

static Field
field_for_header (const char *header)
{
  g_autofree char *key = dup_key (header);

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (key, synonyms[i].key))
      return synonyms[i].field;

  return FIELD_NONE;
}

/* Maps each field to its column (the first column that names it). */
static void
map_columns (LiaCsvTable *table,
             int          columns[N_FIELDS],
             GPtrArray   *ignored)
{
  const char * const *headers;
  guint n_headers;

  for (guint f = 0; f < N_FIELDS; f++)
    columns[f] = -1;

  headers = lia_csv_table_get_row (table, 0, &n_headers);
  for (guint c = 0; c < n_headers; c++)
    {
      Field field = field_for_header (headers[c]);

      if (field != FIELD_NONE && columns[field] < 0)
        columns[field] = (int)c;
      else if (ignored != NULL && headers[c][0] != '\0')
        g_ptr_array_add (ignored, g_strdup (headers[c]));
    }
}

static char *
dup_cell (LiaCsvTable *table,
          guint        row,
          const int    columns[N_FIELDS],
          Field        field)
{
  if (columns[field] < 0)
    return g_strdup ("");

  return g_strstrip (g_strdup (lia_csv_table_get_field (table, row, (guint)columns[field])));
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
add_reason (PlanRow    *row,
            const char *text)
{
  if (row->reason->len > 0)
    g_string_append (row->reason, "; ");
  g_string_append (row->reason, text);
}

static void
add_reason_printf (PlanRow    *row,
                   const char *format,
                   ...) G_GNUC_PRINTF (2, 3);

static void
add_reason_printf (PlanRow    *row,
                   const char *format,
                   ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  add_reason (row, text);
}

static char *
dup_email (PlanRow    *row,
           const char *cell,
           gboolean    of_contact)
{
  const char *text = cell;

  if (g_ascii_strncasecmp (text, "mailto:", 7) == 0)
    text += 7;
  if (is_empty (text))
    return NULL;
  if (lia_validate_email (text))
    return g_strdup (text);

  if (of_contact)
    add_reason_printf (row, _("contact e-mail ‘%s’ left out: not an e-mail address"), cell);
  else
    add_reason_printf (row, _("e-mail ‘%s’ left out: not an e-mail address"), cell);
  return NULL;
}

static char *
dup_website (PlanRow    *row,
             const char *cell)
{
  g_autofree char *url = NULL;

  if (is_empty (cell))
    return NULL;

  /* Spreadsheets often hold "www.foodbank.org" without a scheme. */
  if (strstr (cell, "://") == NULL && strchr (cell, '.') != NULL && strchr (cell, ' ') == NULL)
    url = g_strconcat ("https://", cell, NULL);
  else
    url = g_strdup (cell);

  if (lia_validate_url (url))
    return g_steal_pointer (&url);

  add_reason_printf (row, _("website ‘%s’ left out: not a web address"), cell);
  return NULL;
}

static char *
dup_phone (PlanRow    *row,
           const char *cell,
           gboolean    of_contact)
{
  if (is_empty (cell))
    return NULL;
  if (lia_validate_phone (cell))
    return g_strdup (cell);

  if (of_contact)
    add_reason_printf (row, _("contact phone ‘%s’ left out: not a phone number"), cell);
  else
    add_reason_printf (row, _("phone ‘%s’ left out: not a phone number"), cell);
  return NULL;
}

static char *
dup_domain_key (const char *website)
{
  g_autofree char *domain = NULL;

  if (website == NULL)
    return NULL;

  domain = lia_url_domain (website);
  if (is_empty (domain))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (shared_domains); i++)
    if (g_str_equal (domain, shared_domains[i]) ||
        (g_str_has_suffix (domain, shared_domains[i]) &&
         domain[strlen (domain) - strlen (shared_domains[i]) - 1] == '.'))
      return NULL;

  return g_steal_pointer (&domain);
}

static char *
dup_name_key (const char *name)
{
  g_autofree char *key = lia_normalize_name (name);

  /* A name made only of words that normalising drops ("The Inc.") */
  if (is_empty (key))
    {
      g_free (key);
      key = g_utf8_casefold (name, -1);
    }

  return g_steal_pointer (&key);
}

static char *
dup_email_key (const char *cell)
{
  const char *text = cell;

  if (g_ascii_strncasecmp (text, "mailto:", 7) == 0)
    text += 7;
  if (is_empty (text) || !lia_validate_email (text))
    return NULL;

  return g_utf8_casefold (text, -1);
}

static char *
dup_website_key (const char *cell)
{
  g_autofree char *url = NULL;

  if (is_empty (cell))
    return NULL;
  if (strstr (cell, "://") == NULL)
    url = g_strconcat ("https://", cell, NULL);
  else
    url = g_strdup (cell);
  if (!lia_validate_url (url))
    return NULL;

  return dup_domain_key (url);
}

static int
parse_kind (const char *cell)
{
  g_autofree char *key = dup_key (cell);

  for (guint i = 0; i < G_N_ELEMENTS (kind_synonyms); i++)
    if (g_str_equal (key, kind_synonyms[i].key))
      return kind_synonyms[i].kind;

  return -1;
}

static int
parse_status (const char *cell)
{
  g_autofree char *key = dup_key (cell);

  for (guint i = 0; i < G_N_ELEMENTS (status_synonyms); i++)
    if (g_str_equal (key, status_synonyms[i].key))
      return status_synonyms[i].status;

  return -1;
}

/* "reading, teens; ESL" -> { "reading", "teens", "ESL" } */
static GStrv
split_tags (const char *cell)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) parts = g_regex_split_simple ("[,;]", cell, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (tag[0] == '\0' || !g_hash_table_add (seen, tag))
        continue;
      g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

static gboolean
tags_equal (const char * const *a,
            const char * const *b)
{
  guint n_a = a != NULL ? g_strv_length ((GStrv)a) : 0;
  guint n_b = b != NULL ? g_strv_length ((GStrv)b) : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;

  return TRUE;
}

/* Sets a text field of an existing partner when the cell has a value that
 * differs; records the field's name among the changes. */
static void
update_text (LiaPartner  *partner,
             const char  *property,
             const char  *value,
             const char  *label,
             GPtrArray   *changes)
{
  g_autofree char *current = NULL;

  if (is_empty (value))
    return;

  g_object_get (partner, property, &current, NULL);
  if (g_strcmp0 (current, value) == 0)
    return;

  g_object_set (partner, property, value, NULL);
  g_ptr_array_add (changes, (gpointer)label);
}

typedef enum { MATCH_NONE, MATCH_NAME, MATCH_EMAIL, MATCH_WEBSITE } Match;

/* Partners by the keys an import matches on; a value is a partner id (the
 * database) or a plan row index (earlier rows of the file). */
typedef struct
{
  GHashTable *by_name;    /* key -> value */
  GHashTable *by_email;
  GHashTable *by_domain;
  GHashTable *name_keys;  /* value -> name key */
  GHashTable *names;      /* value -> name as written */
} Index;

static void
index_init (Index *index)
{
  index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_domain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->name_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  index->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->by_name, g_hash_table_unref);
  g_clear_pointer (&index->by_email, g_hash_table_unref);
  g_clear_pointer (&index->by_domain, g_hash_table_unref);
  g_clear_pointer (&index->name_keys, g_hash_table_unref);
  g_clear_pointer (&index->names, g_hash_table_unref);
}

/* Every word of @a starts, or is the start of, a word of @b. */
static gboolean
words_within (const char * const *a,
              const char * const *b)
{
  for (guint i = 0; a[i] != NULL; i++)
    {
      gboolean found = FALSE;

      if (a[i][0] == '\0')
        continue;
      for (guint j = 0; !found && b[j] != NULL; j++)
        found = b[j][0] != '\0' && (g_str_has_prefix (b[j], a[i]) || g_str_has_prefix (a[i], b[j]));
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* A shared e-mail or website is the same partner only when the names agree:
 * "Youth Arts Coll." and "Youth Arts Collective" do; the Meadowlark and the
 * Riverbend chapters of one charity, or two schools of one district, do not. */
static gboolean
names_compatible (const char *a,
                  const char *b)
{
  g_auto(GStrv) words_a = g_strsplit (a != NULL ? a : "", " ", -1);
  g_auto(GStrv) words_b = g_strsplit (b != NULL ? b : "", " ", -1);

  return words_within ((const char * const *)words_a, (const char * const *)words_b) ||
         words_within ((const char * const *)words_b, (const char * const *)words_a);
}

/* The first one in wins: a key already there is kept. */
static void
index_add (Index      *index,
           const char *name,
           const char *name_key,
           const char *email_key,
           const char *domain_key,
           gint64      value)
{
  g_hash_table_insert (index->name_keys, (gpointer)(gintptr)value, g_strdup (name_key));
  g_hash_table_insert (index->names, (gpointer)(gintptr)value, g_strdup (name));

  if (name_key != NULL && !g_hash_table_contains (index->by_name, name_key))
    g_hash_table_insert (index->by_name, g_strdup (name_key), (gpointer)(gintptr)value);
  if (email_key != NULL && !g_hash_table_contains (index->by_email, email_key))
    g_hash_table_insert (index->by_email, g_strdup (email_key), (gpointer)(gintptr)value);
  if (domain_key != NULL && !g_hash_table_contains (index->by_domain, domain_key))
    g_hash_table_insert (index->by_domain, g_strdup (domain_key), (gpointer)(gintptr)value);
}

typedef struct
{
  Match  match;
  gint64 value;
} Conflict;

/* The partner the keys point to. A shared e-mail or website whose names
 * disagree is no match: it is noted in @conflict (when that is still empty). */
static Match
index_lookup (Index      *index,
              const char *name_key,
              const char *email_key,
              const char *domain_key,
              gint64     *value,
              Conflict   *conflict)
{
  const struct { GHashTable *table; const char *key; Match match; } others[] = {
    { index->by_email, email_key, MATCH_EMAIL },
    { index->by_domain, domain_key, MATCH_WEBSITE },
  };
  gpointer found;

  if (name_key != NULL && g_hash_table_lookup_extended (index->by_name, name_key, NULL, &found))
    {
      *value = (gint64)(gintptr)found;
      return MATCH_NAME;
    }

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      if (others[i].key == NULL ||
          !g_hash_table_lookup_extended (others[i].table, others[i].key, NULL, &found))
        continue;

      if (names_compatible (name_key, g_hash_table_lookup (index->name_keys, found)))
        {
          *value = (gint64)(gintptr)found;
          return others[i].match;
        }

      if (conflict->match == MATCH_NONE)
        {
          conflict->match = others[i].match;
          conflict->value = (gint64)(gintptr)found;
        }
    }

  return MATCH_NONE;
}

static const char *
match_label (Match match)
{
  switch (match)
    {
    case MATCH_NAME:
      return C_("import match", "same name");
    case MATCH_EMAIL:
      return C_("import match", "same e-mail");
    case MATCH_WEBSITE:
      return C_("import match", "same website");
    case MATCH_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Every partner not in the trash, by the keys an import matches on. Read
 * once, so a large file is planned without a query per row. */
static gboolean
load_database_index (LiaStore  *store,
                     Index     *index,
                     GError   **error)
{
  LiaDatabase *db = lia_store_get_database (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = lia_database_prepare (db,
                               "SELECT id, name, email, website FROM partner "
                               "WHERE deleted_at IS NULL ORDER BY id",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *email = (const char *)sqlite3_column_text (stmt, 2);
      const char *website = (const char *)sqlite3_column_text (stmt, 3);
      g_autofree char *name_key = dup_name_key (name);
      g_autofree char *email_key = is_empty (email) ? NULL : g_utf8_casefold (email, -1);
      g_autofree char *domain_key = dup_domain_key (website);

      index_add (index, name, name_key, email_key, domain_key, sqlite3_column_int64 (stmt, 0));
    }

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (db, rc, error);

  return TRUE;
}

typedef struct
{
  char *name;
  char *email;
  char *phone;
  char *website;
  char *address;
  char *kind;
  char *status;
  char *description;
  char *services;
  char *owner;
  char *tags;
  char *notes;
  char *contact_name;
  char *contact_email;
  char *contact_phone;
  char *contact_role;
} Cells;

static void
cells_clear (Cells *cells)
{
  char **fields = (char **)cells;

  for (guint i = 0; i < sizeof (Cells) / sizeof (char *); i++)
    g_clear_pointer (&fields[i], g_free);
}

static void
cells_read (Cells       *cells,
            LiaCsvTable *table,
            guint        row,
            const int    columns[N_FIELDS])
{
  char **fields = (char **)cells;

  G_STATIC_ASSERT (sizeof (Cells) / sizeof (char *) == N_FIELDS);

  for (guint f = 0; f < N_FIELDS; f++)
    fields[f] = dup_cell (table, row, columns, (Field)f);
}

/* The contact columns: a new primary contact, or changes to the current
 * contact of the same name. */
static gboolean
plan_contact (LiaStore     *store,
              PlanRow      *row,
              const Cells  *cells,
              GPtrArray    *changes,
              GError      **error)
{
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autoptr(LiaContact) contact = NULL;
  gboolean has_primary = FALSE;

  if (is_empty (cells->contact_name))
    {
      if (!is_empty (cells->contact_email) || !is_empty (cells->contact_phone) ||
          !is_empty (cells->contact_role))
        add_reason (row, _("contact details without a contact name left out"));
      return TRUE;
    }

  email = dup_email (row, cells->contact_email, TRUE);
  phone = dup_phone (row, cells->contact_phone, TRUE);

  if (lia_partner_get_id (row->partner) != 0)
    {
      g_autoptr(GPtrArray) contacts = NULL;
      g_autofree char *key = dup_name_key (cells->contact_name);

      contacts = lia_store_list_contacts (store, lia_partner_get_id (row->partner), FALSE, error);
      if (contacts == NULL)
        return FALSE;

      for (guint i = 0; i < contacts->len; i++)
        {
          LiaContact *existing = g_ptr_array_index (contacts, i);
          g_autofree char *existing_key = dup_name_key (lia_contact_get_name (existing));

          if (lia_contact_get_is_primary (existing))
            has_primary = TRUE;
          if (contact == NULL && g_str_equal (key, existing_key))
            contact = g_object_ref (existing);
        }
    }

  if (contact != NULL)
    {
      gboolean changed = FALSE;

      if (!is_empty (cells->contact_role) &&
          g_strcmp0 (lia_contact_get_role (contact), cells->contact_role) != 0)
        {
          lia_contact_set_role (contact, cells->contact_role);
          changed = TRUE;
        }
      if (email != NULL && g_strcmp0 (lia_contact_get_email (contact), email) != 0)
        {
          lia_contact_set_email (contact, email);
          changed = TRUE;
        }
      if (phone != NULL && g_strcmp0 (lia_contact_get_phone (contact), phone) != 0)
        {
          lia_contact_set_phone (contact, phone);
          changed = TRUE;
        }
      if (!changed)
        return TRUE;

      g_ptr_array_add (changes, (gpointer)C_("changed field", "contact"));
    }
  else
    {
      contact = lia_contact_new ();
      lia_contact_set_name (contact, cells->contact_name);
      lia_contact_set_role (contact, cells->contact_role);
      lia_contact_set_email (contact, email);
      lia_contact_set_phone (contact, phone);
      lia_contact_set_is_primary (contact, !has_primary);
      if (lia_partner_get_id (row->partner) != 0)
        g_ptr_array_add (changes, (gpointer)C_("changed field", "new contact"));
    }

  row->contact = g_steal_pointer (&contact);

  return TRUE;
}

/* Puts the row's cells into @partner: all of them for a new partner, the
 * non-empty ones that differ for a known one (listed in @changes). */
static void
plan_fields (PlanRow     *row,
             LiaPartner  *partner,
             const Cells *cells,
             gboolean     is_new,
             GPtrArray   *changes)
{
  g_autofree char *email = dup_email (row, cells->email, FALSE);
  g_autofree char *website = dup_website (row, cells->website);
  g_autofree char *phone = dup_phone (row, cells->phone, FALSE);

  if (is_new)
    lia_partner_set_name (partner, cells->name);

  /* The same address in other capitals is no change. */
  if (email != NULL && lia_partner_get_email (partner) != NULL &&
      g_ascii_strcasecmp (email, lia_partner_get_email (partner)) == 0)
    g_clear_pointer (&email, g_free);
  update_text (partner, "email", email, C_("changed field", "e-mail"), changes);
  update_text (partner, "website", website, C_("changed field", "website"), changes);
  update_text (partner, "phone", phone, C_("changed field", "phone"), changes);
  update_text (partner, "address", cells->address, C_("changed field", "address"), changes);
  update_text (partner, "description", cells->description, C_("changed field", "description"), changes);
  update_text (partner, "services", cells->services, C_("changed field", "services"), changes);
  update_text (partner, "owner", cells->owner, C_("changed field", "owner"), changes);
  update_text (partner, "notes", cells->notes, C_("changed field", "notes"), changes);

  if (!is_empty (cells->kind))
    {
      int kind = parse_kind (cells->kind);

      if (kind < 0 && is_new)
        {
          kind = LIA_PARTNER_KIND_OTHER;
          add_reason_printf (row, _("type ‘%s’ is not one Liaison knows: imported as other"), cells->kind);
        }
      else if (kind < 0)
        add_reason_printf (row, _("type ‘%s’ is not one Liaison knows: left as it was"), cells->kind);

      if (kind >= 0 && (LiaPartnerKind)kind != lia_partner_get_kind (partner))
        {
          lia_partner_set_kind (partner, kind);
          g_ptr_array_add (changes, (gpointer)C_("changed field", "type"));
        }
    }

  if (!is_empty (cells->status))
    {
      int status = parse_status (cells->status);

      if (status < 0)
        add_reason_printf (row, _("status ‘%s’ is not one Liaison knows: left as %s"), cells->status,
                           lia_enum_to_nick (LIA_TYPE_PARTNER_STATUS, lia_partner_get_status (partner)));
      else if ((LiaPartnerStatus)status != lia_partner_get_status (partner))
        {
          lia_partner_set_status (partner, status);
          g_ptr_array_add (changes, (gpointer)C_("changed field", "status"));
        }
    }

  if (!is_empty (cells->tags))
    {
      g_auto(GStrv) tags = split_tags (cells->tags);

      if (!tags_equal ((const char * const *)tags, lia_partner_get_tags (partner)))
        {
          lia_partner_set_tags (partner, (const char * const *)tags);
          g_ptr_array_add (changes, (gpointer)C_("changed field", "tags"));
        }
    }
}

static void
skip_row (LiaImportPlan *self,
          PlanRow       *row,
          const char    *reason)
{
  g_clear_object (&row->partner);
  g_clear_object (&row->contact);
  row->action = LIA_IMPORT_ACTION_SKIP;
  /* The reason for the skip comes first; notes about fields are moot. */
  g_string_assign (row->reason, reason);
  self->skipped++;
}

static void
lia_import_plan_finalize (GObject *object)
{
  LiaImportPlan *self = (LiaImportPlan *)object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->ignored_columns, g_strfreev);

  G_OBJECT_CLASS (lia_import_plan_parent_class)->finalize (object);
}

static void
lia_import_plan_class_init (LiaImportPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_import_plan_finalize;
}

static void
lia_import_plan_init (LiaImportPlan *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (PlanRow));
  g_array_set_clear_func (self->rows, clear_plan_row);
}

/**
 * lia_partner_import_check_columns:
 *
 * Checks that @table has a header naming the partners, before anything
 * (even a database) is opened.
 */
gboolean
lia_partner_import_check_columns (LiaCsvTable  *table,
                                  GError      **error)
{
  int columns[N_FIELDS];

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  map_columns (table, columns, NULL);

  if (columns[FIELD_NAME] < 0)
    {
      const char * const *headers = lia_csv_table_get_row (table, 0, NULL);
      g_autoptr(GString) seen = g_string_new (NULL);

      for (guint i = 0; headers[i] != NULL && i < 12; i++)
        g_string_append_printf (seen, "%s“%s”", i > 0 ? ", " : "", headers[i]);

      g_set_error (error, LIA_PARTNER_IMPORT_ERROR, LIA_PARTNER_IMPORT_ERROR_NO_NAME_COLUMN,
                   _("No column holds the partners’ names (the first row has %s). Name that column “Name”, “Organization” or “Partner” and import the file again."),
                   seen->str);
      return FALSE;
    }

  if (lia_csv_table_get_n_rows (table) < 2)
    {
      g_set_error_literal (error, LIA_PARTNER_IMPORT_ERROR, LIA_PARTNER_IMPORT_ERROR_NO_ROWS,
                           _("The file has a row of column names but no partners under it."));
      return FALSE;
    }

  return TRUE;
}

/**
 * lia_partner_import_plan:
 * @store: the database the partners go into
 * @table: the file, its first row naming the columns
 *
 * Works out what importing @table would do, without writing anything.
 *
 * Returns: (transfer full) (nullable): the plan
 */
LiaImportPlan *
lia_partner_import_plan (LiaStore     *store,
                         LiaCsvTable  *table,
                         GError      **error)
{
  g_autoptr(LiaImportPlan) self = NULL;
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);
  /* partner id -> index of the plan row that already takes it */
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int columns[N_FIELDS];
  Index known = { 0 };
  Index earlier = { 0 };
  gboolean failed = FALSE;
  guint n_rows;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lia_partner_import_check_columns (table, error))
    return NULL;

  self = g_object_new (LIA_TYPE_IMPORT_PLAN, NULL);
  map_columns (table, columns, ignored);
  g_ptr_array_add (ignored, NULL);
  self->ignored_columns = (GStrv)g_ptr_array_steal (ignored, NULL);

  n_rows = lia_csv_table_get_n_rows (table);

  index_init (&known);
  index_init (&earlier);
  if (!load_database_index (store, &known, error))
    {
      index_clear (&known);
      index_clear (&earlier);
      return NULL;
    }

  for (guint r = 1; r < n_rows; r++)
    {
      g_autoptr(GPtrArray) changes = g_ptr_array_new ();
      g_autofree char *name_key = NULL;
      g_autofree char *email_key = NULL;
      g_autofree char *domain_key = NULL;
      g_autoptr(GError) local_error = NULL;
      Conflict earlier_conflict = { MATCH_NONE, 0 };
      Conflict known_conflict = { MATCH_NONE, 0 };
      Cells cells = { 0 };
      PlanRow *row;
      gint64 found = 0;
      Match match;

      g_array_set_size (self->rows, self->rows->len + 1);
      row = &g_array_index (self->rows, PlanRow, self->rows->len - 1);
      row->line = lia_csv_table_get_line (table, r);
      row->reason = g_string_new (NULL);

      cells_read (&cells, table, r, columns);
      row->name = g_strdup (cells.name);

      if (is_empty (cells.name))
        {
          skip_row (self, row, _("no name"));
          cells_clear (&cells);
          continue;
        }

      name_key = dup_name_key (cells.name);
      email_key = dup_email_key (cells.email);
      domain_key = dup_website_key (cells.website);

      /* A partner an earlier row of the file already has. */
      match = index_lookup (&earlier, name_key, email_key, domain_key, &found, &earlier_conflict);
      if (match != MATCH_NONE)
        {
          g_autofree char *reason = NULL;

          reason = g_strdup_printf (_("same partner as line %u (%s)"),
                                    g_array_index (self->rows, PlanRow, found).line,
                                    match_label (match));
          skip_row (self, row, reason);
          cells_clear (&cells);
          continue;
        }

      match = index_lookup (&known, name_key, email_key, domain_key, &found, &known_conflict);
      if (match != MATCH_NONE && g_hash_table_contains (claimed, &found))
        {
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (claimed, &found));
          g_autofree char *reason = NULL;

          reason = g_strdup_printf (_("same partner as line %u (%s)"),
                                    g_array_index (self->rows, PlanRow, first).line,
                                    match_label (match));
          skip_row (self, row, reason);
          cells_clear (&cells);
          continue;
        }

      if (match != MATCH_NONE)
        {
          g_autoptr(GString) reason = g_string_new (NULL);
          guint n_partner_changes;

          if (!(row->partner = lia_store_get_partner (store, found, error)))
            {
              failed = TRUE;
              cells_clear (&cells);
              break;
            }

          plan_fields (row, row->partner, &cells, FALSE, changes);
          n_partner_changes = changes->len;
          if (!plan_contact (store, row, &cells, changes, error))
            {
              failed = TRUE;
              cells_clear (&cells);
              break;
            }

          if (match != MATCH_NAME)
            g_string_append_printf (reason, _("matches ‘%s’ (%s)"),
                                    lia_partner_get_name (row->partner), match_label (match));

          if (changes->len == 0)
            {
              if (reason->len > 0)
                g_string_append (reason, "; ");
              g_string_append (reason, _("already up to date"));
              skip_row (self, row, reason->str);
            }
          else
            {
              g_autofree char *list = NULL;

              g_ptr_array_add (changes, NULL);
              list = g_strjoinv (", ", (GStrv)changes->pdata);
              if (reason->len > 0)
                g_string_append (reason, "; ");
              /* TRANSLATORS: %s lists fields, as "e-mail, phone, new contact" */
              g_string_append_printf (reason, _("changes %s"), list);
              if (row->reason->len > 0)
                g_string_append_printf (reason, "; %s", row->reason->str);
              g_string_assign (row->reason, reason->str);
              row->action = LIA_IMPORT_ACTION_UPDATE;
              row->partner_changed = n_partner_changes > 0;
            }

          g_hash_table_insert (claimed, g_memdup2 (&found, sizeof found),
                               GUINT_TO_POINTER (self->rows->len - 1));
        }
      else
        {
          row->partner = lia_partner_new ();
          plan_fields (row, row->partner, &cells, TRUE, changes);
          if (!plan_contact (store, row, &cells, changes, error))
            {
              failed = TRUE;
              cells_clear (&cells);
              break;
            }
          row->action = LIA_IMPORT_ACTION_CREATE;
          row->partner_changed = TRUE;

          if (earlier_conflict.match != MATCH_NONE)
            {
              guint line = g_array_index (self->rows, PlanRow, earlier_conflict.value).line;

              if (earlier_conflict.match == MATCH_EMAIL)
                add_reason_printf (row, _("shares its e-mail with line %u, not its name: imported as a separate partner"), line);
              else
                add_reason_printf (row, _("shares its website with line %u, not its name: imported as a separate partner"), line);
            }
          else if (known_conflict.match != MATCH_NONE)
            {
              const char *other = g_hash_table_lookup (known.names, (gpointer)(gintptr)known_conflict.value);

              if (known_conflict.match == MATCH_EMAIL)
                add_reason_printf (row, _("shares its e-mail with ‘%s’, not its name: imported as a separate partner"), other);
              else
                add_reason_printf (row, _("shares its website with ‘%s’, not its name: imported as a separate partner"), other);
            }
        }

      if (row->action != LIA_IMPORT_ACTION_SKIP &&
          !lia_partner_validate (row->partner, &local_error))
        {
          skip_row (self, row, local_error->message);
          cells_clear (&cells);
          continue;
        }

      if (row->action == LIA_IMPORT_ACTION_CREATE)
        self->created++;
      else if (row->action == LIA_IMPORT_ACTION_UPDATE)
        self->updated++;

      index_add (&earlier, cells.name, name_key, email_key, domain_key, self->rows->len - 1);
      cells_clear (&cells);
    }

  index_clear (&known);
  index_clear (&earlier);

  if (failed)
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
fail_apply (LiaDatabase   *db,
            PlanRow       *row,
            const GError  *cause,
            GError       **error)
{
  lia_database_rollback (db);
  g_set_error (error, LIA_PARTNER_IMPORT_ERROR, LIA_PARTNER_IMPORT_ERROR_FAILED,
               _("Nothing was imported: line %u (‘%s’) could not be saved. %s"),
               row->line, row->name, cause->message);

  return FALSE;
}

static gboolean
apply_rows (LiaImportPlan  *self,
            LiaStore       *store,
            LiaDatabase    *db,
            GError        **error)
{
  if (!lia_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      PlanRow *row = &g_array_index (self->rows, PlanRow, i);
      g_autoptr(GError) local_error = NULL;

      if (row->action == LIA_IMPORT_ACTION_SKIP)
        continue;

      if (row->partner_changed && !lia_store_save_partner (store, row->partner, &local_error))
        return fail_apply (db, row, local_error, error);

      if (row->contact != NULL)
        {
          lia_contact_set_partner_id (row->contact, lia_partner_get_id (row->partner));
          if (!lia_store_save_contact (store, row->contact, &local_error))
            return fail_apply (db, row, local_error, error);
        }
    }

  return lia_database_commit (db, error);
}

/**
 * lia_import_plan_apply:
 * @store: the store the plan was made against
 *
 * Creates and updates the partners (and their contacts) of the plan in one
 * transaction: when any row fails, nothing is written and @error names the
 * line. A plan is applied once.
 */
gboolean
lia_import_plan_apply (LiaImportPlan  *self,
                       LiaStore       *store,
                       GError        **error)
{

  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->applied = TRUE;

  if (self->created == 0 && self->updated == 0)
    return TRUE;

  return apply_rows (self, store, lia_store_get_database (store), error);
}

static const char *
action_word (LiaImportAction action)
{
  /* Not translated: scripts read the preview (README, "Command line"). */
  switch (action)
    {
    case LIA_IMPORT_ACTION_CREATE:
      return "create";
    case LIA_IMPORT_ACTION_UPDATE:
      return "update";
    case LIA_IMPORT_ACTION_SKIP:
      return "skip";
    default:
      g_assert_not_reached ();
    }
}

/**
 * lia_import_plan_format:
 *
 * The preview: one line per row of the file, "LINE  ACTION  NAME", then
 * " — REASON" when there is one; first a line naming the columns that are
 * not imported, when there are any.
 *
 * Returns: (transfer full): the text, each line ending in "\n"
 */
char *
lia_import_plan_format (LiaImportPlan *self)
{
  GString *out;

  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), NULL);

  out = g_string_new (NULL);

  if (self->ignored_columns[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("”, “", self->ignored_columns);

      g_string_append_printf (out, _("Columns not imported: “%s”"), list);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      PlanRow *row = &g_array_index (self->rows, PlanRow, i);
      g_autofree char *name = g_strdup (row->name);

      /* One line per row, even for a name typed over two lines. */
      g_strdelimit (name, "\r\n\t", ' ');
      g_string_append_printf (out, "%5u  %-6s  %s", row->line, action_word (row->action), name);
      if (row->reason->len > 0)
        {
          g_autofree char *reason = g_strdup (row->reason->str);

          g_strdelimit (reason, "\r\n\t", ' ');
          g_string_append_printf (out, " — %s", reason);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

void
lia_import_plan_get_counts (LiaImportPlan *self,
                            guint         *created,
                            guint         *updated,
                            guint         *skipped)
{
  g_return_if_fail (LIA_IS_IMPORT_PLAN (self));

  if (created != NULL)
    *created = self->created;
  if (updated != NULL)
    *updated = self->updated;
  if (skipped != NULL)
    *skipped = self->skipped;
}

/* The headers of the file that no partner field takes. */
const char * const *
lia_import_plan_get_ignored_columns (LiaImportPlan *self)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), NULL);

  return (const char * const *)self->ignored_columns;
}

guint
lia_import_plan_get_n_rows (LiaImportPlan *self)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), 0);

  return self->rows->len;
}

static PlanRow *
get_row (LiaImportPlan *self,
         guint          row)
{
  g_assert (row < self->rows->len);

  return &g_array_index (self->rows, PlanRow, row);
}

guint
lia_import_plan_get_line (LiaImportPlan *self,
                          guint          row)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return get_row (self, row)->line;
}

LiaImportAction
lia_import_plan_get_action (LiaImportPlan *self,
                            guint          row)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), LIA_IMPORT_ACTION_SKIP);
  g_return_val_if_fail (row < self->rows->len, LIA_IMPORT_ACTION_SKIP);

  return get_row (self, row)->action;
}

const char *
lia_import_plan_get_name (LiaImportPlan *self,
                          guint          row)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->name;
}

/* Why a row is skipped, what an update changes, and the fields left out;
 * "" when there is nothing to say. */
const char *
lia_import_plan_get_reason (LiaImportPlan *self,
                            guint          row)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->reason->str;
}

/**
 * lia_import_plan_get_partner:
 *
 * Returns: (transfer none) (nullable): the partner as it will be saved;
 *   %NULL for a skipped row
 */
LiaPartner *
lia_import_plan_get_partner (LiaImportPlan *self,
                             guint          row)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->partner;
}

/**
 * lia_import_plan_get_contact:
 *
 * Returns: (transfer none) (nullable): the contact the row creates or
 *   changes, if any
 */
LiaContact *
lia_import_plan_get_contact (LiaImportPlan *self,
                             guint          row)
{
  g_return_val_if_fail (LIA_IS_IMPORT_PLAN (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->contact;
}
