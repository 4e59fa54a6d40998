/* lia-partner-export.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Partners out of Liaison: CSV a spreadsheet opens (and that
 * lia-partner-import.c reads back into the same partners), and vCard 4.0
 * (RFC 6350) for address books.
 */

#define G_LOG_DOMAIN "lia-partner-export"

#include "config.h"

#include <string.h>

#include "lia-csv.h"
#include "lia-partner-export.h"

/* vCard lines are folded to at most 75 octets (RFC 6350, 3.2). */
#define VCARD_LINE_OCTETS 75

static const char *
text_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
dup_tags (LiaPartner *partner)
{
  const char * const *tags = lia_partner_get_tags (partner);

  if (tags == NULL)
    return g_strdup ("");

  return g_strjoinv (", ", (GStrv)tags);
}

/* The primary contact, or the first current one. */
static LiaContact *
find_primary (GPtrArray *contacts)
{
  if (contacts == NULL || contacts->len == 0)
    return NULL;

  for (guint i = 0; i < contacts->len; i++)
    if (lia_contact_get_is_primary (g_ptr_array_index (contacts, i)))
      return g_ptr_array_index (contacts, i);

  return g_ptr_array_index (contacts, 0);
}

/* RFC 6350, 3.4: backslash, comma, semicolon and line ends escaped. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text_or_empty (text); *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* Appends @line with CRLF, folded so no line is longer than 75 octets: a
 * continuation starts with one space, and no UTF-8 character is split. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize length = strlen (line);
  gsize start = 0;
  gboolean first = TRUE;

  while (length - start > (first ? VCARD_LINE_OCTETS : VCARD_LINE_OCTETS - 1))
    {
      gsize end = start + (first ? VCARD_LINE_OCTETS : VCARD_LINE_OCTETS - 1);

      while (end > start && ((guchar)line[end] & 0xC0) == 0x80)
        end--;

      if (!first)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line + start, end - start);
      g_string_append (out, "\r\n");
      start = end;
      first = FALSE;
    }

  if (!first)
    g_string_append_c (out, ' ');
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

/* NAME:escaped value, left out when the value is empty. */
static void
append_property (GString    *out,
                 const char *name,
                 const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  line = g_string_new (name);
  g_string_append_c (line, ':');
  append_escaped (line, value);
  append_folded (out, line->str);
}

gboolean
lia_partner_export_format_from_name (const char             *name,
                                     LiaPartnerExportFormat *format)
{
  static const struct { const char *name; LiaPartnerExportFormat format; } formats[] = {
    { "csv-partners", LIA_PARTNER_EXPORT_CSV_PARTNERS },
    { "csv-contacts", LIA_PARTNER_EXPORT_CSV_CONTACTS },
    { "vcard", LIA_PARTNER_EXPORT_VCARD },
  };

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (name, formats[i].name))
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

/* The column names are ones the importer maps back to the same fields;
 * they are not translated, so a file reads the same everywhere. */
void
lia_partner_export_append_csv_header (GString *out)
{
  static const char * const header[] = {
    "Name", "Type", "Status", "Description", "Services", "Website", "Email", "Phone",
    "Address", "Owner", "Tags", "Notes", "Contact", "Contact Role", "Contact Email",
    "Contact Phone", NULL
  };

  g_return_if_fail (out != NULL);

  lia_csv_append_row (out, header);
}

/**
 * lia_partner_export_append_csv_row:
 * @contact: (nullable): the contact for the Contact columns
 */
void
lia_partner_export_append_csv_row (GString    *out,
                                   LiaPartner *partner,
                                   LiaContact *contact)
{
  g_autofree char *tags = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (LIA_IS_PARTNER (partner));
  g_return_if_fail (contact == NULL || LIA_IS_CONTACT (contact));

  tags = dup_tags (partner);

  {
    const char * const row[] = {
      text_or_empty (lia_partner_get_name (partner)),
      lia_enum_to_nick (LIA_TYPE_PARTNER_KIND, lia_partner_get_kind (partner)),
      lia_enum_to_nick (LIA_TYPE_PARTNER_STATUS, lia_partner_get_status (partner)),
      text_or_empty (lia_partner_get_description (partner)),
      text_or_empty (lia_partner_get_services (partner)),
      text_or_empty (lia_partner_get_website (partner)),
      text_or_empty (lia_partner_get_email (partner)),
      text_or_empty (lia_partner_get_phone (partner)),
      text_or_empty (lia_partner_get_address (partner)),
      text_or_empty (lia_partner_get_owner (partner)),
      tags,
      text_or_empty (lia_partner_get_notes (partner)),
      contact != NULL ? text_or_empty (lia_contact_get_name (contact)) : "",
      contact != NULL ? text_or_empty (lia_contact_get_role (contact)) : "",
      contact != NULL ? text_or_empty (lia_contact_get_email (contact)) : "",
      contact != NULL ? text_or_empty (lia_contact_get_phone (contact)) : "",
      NULL
    };

    lia_csv_append_row (out, row);
  }
}

void
lia_partner_export_append_contacts_header (GString *out)
{
  static const char * const header[] = {
    "Partner", "Contact Name", "Contact Role", "Contact Email", "Contact Phone",
    "Preferred Method", "Primary", "Contact Notes", NULL
  };

  g_return_if_fail (out != NULL);

  lia_csv_append_row (out, header);
}

void
lia_partner_export_append_contact_row (GString    *out,
                                       LiaPartner *partner,
                                       LiaContact *contact)
{
  const char *method;

  g_return_if_fail (out != NULL);
  g_return_if_fail (LIA_IS_PARTNER (partner));
  g_return_if_fail (LIA_IS_CONTACT (contact));

  method = lia_enum_to_nick (LIA_TYPE_CONTACT_METHOD, lia_contact_get_preferred_method (contact));

  {
    const char * const row[] = {
      text_or_empty (lia_partner_get_name (partner)),
      text_or_empty (lia_contact_get_name (contact)),
      text_or_empty (lia_contact_get_role (contact)),
      text_or_empty (lia_contact_get_email (contact)),
      text_or_empty (lia_contact_get_phone (contact)),
      text_or_empty (method),
      lia_contact_get_is_primary (contact) ? "yes" : "no",
      text_or_empty (lia_contact_get_notes (contact)),
      NULL
    };

    lia_csv_append_row (out, row);
  }
}

/**
 * lia_partner_export_append_vcards:
 * @contacts: (element-type LiaContact) (nullable): the partner's current contacts
 *
 * Appends a vCard 4.0 for the organisation (KIND:org) and one for each
 * contact (KIND:individual, with the organisation as ORG).
 */
void
lia_partner_export_append_vcards (GString    *out,
                                  LiaPartner *partner,
                                  GPtrArray  *contacts)
{
  const char *name;
  const char *address;
  const char * const *tags;

  g_return_if_fail (out != NULL);
  g_return_if_fail (LIA_IS_PARTNER (partner));

  name = lia_partner_get_name (partner);
  address = lia_partner_get_address (partner);
  tags = lia_partner_get_tags (partner);

  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\n");
  append_property (out, "FN", name);
  append_property (out, "ORG", name);
  append_property (out, "EMAIL;TYPE=work", lia_partner_get_email (partner));
  append_property (out, "TEL;TYPE=work", lia_partner_get_phone (partner));
  append_property (out, "URL", lia_partner_get_website (partner));
  if (address != NULL && address[0] != '\0')
    {
      g_autoptr(GString) line = g_string_new ("ADR;TYPE=work:;;");

      /* The whole address in the street component. */
      append_escaped (line, address);
      g_string_append (line, ";;;;");
      append_folded (out, line->str);
    }
  if (tags != NULL && tags[0] != NULL)
    {
      g_autoptr(GString) line = g_string_new ("CATEGORIES:");

      for (guint i = 0; tags[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (line, ',');
          append_escaped (line, tags[i]);
        }
      append_folded (out, line->str);
    }
  append_property (out, "NOTE", lia_partner_get_description (partner));
  g_string_append (out, "END:VCARD\r\n");

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      LiaContact *contact = g_ptr_array_index (contacts, i);

      g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\n");
      append_property (out, "FN", lia_contact_get_name (contact));
      append_property (out, "ORG", name);
      append_property (out, "TITLE", lia_contact_get_role (contact));
      append_property (out, "EMAIL;TYPE=work", lia_contact_get_email (contact));
      append_property (out, "TEL;TYPE=work", lia_contact_get_phone (contact));
      g_string_append (out, "END:VCARD\r\n");
    }
}

static GArray *
list_partner_ids (LiaStore  *store,
                  GError   **error)
{
  LiaDatabase *db = lia_store_get_database (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = lia_database_prepare (db,
                               "SELECT id FROM partner WHERE deleted_at IS NULL "
                               "ORDER BY sort_name, name, id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * lia_partner_export:
 * @n_partners: (out) (optional): how many partners were written
 *
 * Writes every partner not in the trash, by name.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
lia_partner_export (LiaStore                *store,
                    LiaPartnerExportFormat   format,
                    guint                   *n_partners,
                    GError                 **error)
{
  g_autoptr(GArray) ids = NULL;
  GString *out;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(ids = list_partner_ids (store, error)))
    return NULL;

  out = g_string_new (NULL);
  if (format == LIA_PARTNER_EXPORT_CSV_PARTNERS)
    lia_partner_export_append_csv_header (out);
  else if (format == LIA_PARTNER_EXPORT_CSV_CONTACTS)
    lia_partner_export_append_contacts_header (out);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LiaPartner) partner = NULL;
      g_autoptr(GPtrArray) contacts = NULL;

      if (!(partner = lia_store_get_partner (store, g_array_index (ids, gint64, i), error)) ||
          !(contacts = lia_store_list_contacts (store, lia_partner_get_id (partner), FALSE, error)))
        {
          g_string_free (out, TRUE);
          return NULL;
        }

      switch (format)
        {
        case LIA_PARTNER_EXPORT_CSV_PARTNERS:
          lia_partner_export_append_csv_row (out, partner, find_primary (contacts));
          break;

        case LIA_PARTNER_EXPORT_CSV_CONTACTS:
          for (guint j = 0; j < contacts->len; j++)
            lia_partner_export_append_contact_row (out, partner, g_ptr_array_index (contacts, j));
          break;

        case LIA_PARTNER_EXPORT_VCARD:
          lia_partner_export_append_vcards (out, partner, contacts);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (n_partners != NULL)
    *n_partners = ids->len;

  return g_string_free_to_bytes (out);
}
