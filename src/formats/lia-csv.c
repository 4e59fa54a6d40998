/* lia-csv.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An RFC 4180 reader that also takes what spreadsheets really write: a
 * UTF-8 byte order mark (Excel's "CSV UTF-8"), CRLF or LF line ends,
 * semicolons (LibreOffice and Excel in much of Europe) or tabs as the
 * separator, and fields quoted only where needed.
 */

#define G_LOG_DOMAIN "lia-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-csv.h"

struct _LiaCsvTable
{
  gatomicrefcount  ref_count;
  char             separator;

  /* Owned */
  GPtrArray       *rows;   /* of GStrv */
  GArray          *lines;  /* of guint: the line each row starts on */
};

G_DEFINE_BOXED_TYPE (LiaCsvTable, lia_csv_table, lia_csv_table_ref, lia_csv_table_unref)

G_DEFINE_QUARK (lia-csv-error-quark, lia_csv_error)

#define BOM "\xEF\xBB\xBF"
/* How much of the start of a file is looked at to tell text from binary. */
#define SNIFF_LENGTH 65536

static LiaCsvTable *
lia_csv_table_new (char separator)
{
  LiaCsvTable *self = g_new0 (LiaCsvTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->separator = separator;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  return self;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/* Text files have no NUL bytes and hardly any control characters; images,
 * spreadsheets in their own formats and archives have plenty. */
static gboolean
looks_binary (const char *data,
              gsize       length)
{
  gsize n = MIN (length, SNIFF_LENGTH);
  gsize controls = 0;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar)data[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        controls++;
    }

  return controls * 10 > n;
}

static guint
count_lines (const char *data,
             const char *end)
{
  guint line = 1;

  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;

  return line;
}

/* The separator is the one of , ; TAB that the first record (the header)
 * uses most, outside quotes; a comma when it has none of them. */
static char
detect_separator (const char *data,
                  gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char separator = ',';
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
          if (c == candidates[j])
            counts[j]++;
    }

  for (guint j = 0; j < G_N_ELEMENTS (candidates); j++)
    {
      if (counts[j] > best)
        {
          best = counts[j];
          separator = candidates[j];
        }
    }

  return separator;
}

static gboolean
all_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (((const char *)g_ptr_array_index (fields, i))[0] != '\0')
      return FALSE;

  return TRUE;
}

static gboolean
parse_records (LiaCsvTable  *table,
               const char   *data,
               gsize         length,
               GError      **error)
{
  const char separator = table->separator;
  guint line = 1;
  gsize i = 0;

  while (i < length)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      guint record_line = line;
      gboolean end_of_record = FALSE;

      while (!end_of_record)
        {
          g_autoptr(GString) field = g_string_new (NULL);

          if (i < length && data[i] == '"')
            {
              guint quote_line = line;

              i++;
              for (;;)
                {
                  if (i >= length)
                    {
                      g_set_error (error, LIA_CSV_ERROR, LIA_CSV_ERROR_MALFORMED,
                                   _("The quoted field that starts on line %u is never closed (a quote mark is missing). Correct that line in the spreadsheet and save it as CSV again."),
                                   quote_line);
                      return FALSE;
                    }
                  if (data[i] == '"')
                    {
                      if (i + 1 < length && data[i + 1] == '"')
                        {
                          g_string_append_c (field, '"');
                          i += 2;
                          continue;
                        }
                      i++;
                      break;
                    }
                  /* Line ends inside a field become LF. */
                  if (data[i] == '\r')
                    {
                      if (i + 1 < length && data[i + 1] == '\n')
                        i++;
                      g_string_append_c (field, '\n');
                      line++;
                      i++;
                      continue;
                    }
                  if (data[i] == '\n')
                    line++;
                  g_string_append_c (field, data[i]);
                  i++;
                }
            }

          /* Unquoted text, or what some programs write after a closing
           * quote ("a"b): kept as it is. */
          while (i < length && data[i] != separator && data[i] != '\r' && data[i] != '\n')
            g_string_append_c (field, data[i++]);

          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

          if (i < length && data[i] == separator)
            {
              i++;
              continue;
            }

          end_of_record = TRUE;
          if (i < length && data[i] == '\r')
            {
              i++;
              if (i < length && data[i] == '\n')
                i++;
              line++;
            }
          else if (i < length && data[i] == '\n')
            {
              i++;
              line++;
            }
        }

      if (all_empty (fields))
        continue;

      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (table->rows, g_ptr_array_steal (fields, NULL));
      g_array_append_val (table->lines, record_line);
    }

  return TRUE;
}

/**
 * lia_csv_parse:
 * @bytes: the contents of a file
 *
 * Reads a CSV file. The checks come in the order a user can act on them:
 * an empty file, a file that is not text at all, text that is not UTF-8,
 * then the quoting.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error set
 *   in the %LIA_CSV_ERROR domain
 */
LiaCsvTable *
lia_csv_parse (GBytes  *bytes,
               GError **error)
{
  g_autoptr(LiaCsvTable) table = NULL;
  const char *data;
  const char *invalid = NULL;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (data == NULL || length == 0 || is_blank (data, length))
    {
      g_set_error_literal (error, LIA_CSV_ERROR, LIA_CSV_ERROR_EMPTY,
                           _("The file is empty: there are no rows to import."));
      return NULL;
    }

  if (length >= 2 &&
      (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE) ||
       ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)))
    {
      g_set_error_literal (error, LIA_CSV_ERROR, LIA_CSV_ERROR_ENCODING,
                           _("The file is in UTF-16, not UTF-8. Save the spreadsheet as “CSV UTF-8” and import that file."));
      return NULL;
    }

  if (looks_binary (data, length))
    {
      g_set_error_literal (error, LIA_CSV_ERROR, LIA_CSV_ERROR_BINARY,
                           _("The file is not a CSV file (it holds binary data, like an image or a spreadsheet in its own format). Save the spreadsheet as CSV and import that file."));
      return NULL;
    }

  if (!g_utf8_validate (data, length, &invalid))
    {
      g_set_error (error, LIA_CSV_ERROR, LIA_CSV_ERROR_ENCODING,
                   _("Line %u is not UTF-8 text (the file was probably saved as Latin-1 or Windows-1252). Save the spreadsheet as “CSV UTF-8” and import that file."),
                   count_lines (data, invalid));
      return NULL;
    }

  table = lia_csv_table_new (detect_separator (data, length));
  if (!parse_records (table, data, length, error))
    return NULL;

  if (table->rows->len == 0)
    {
      g_set_error_literal (error, LIA_CSV_ERROR, LIA_CSV_ERROR_EMPTY,
                           _("The file is empty: there are no rows to import."));
      return NULL;
    }

  return g_steal_pointer (&table);
}

LiaCsvTable *
lia_csv_table_ref (LiaCsvTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
lia_csv_table_unref (LiaCsvTable *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->rows, g_ptr_array_unref);
      g_clear_pointer (&self->lines, g_array_unref);
      g_free (self);
    }
}

guint
lia_csv_table_get_n_rows (LiaCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * lia_csv_table_get_row:
 * @n_fields: (out) (optional): the number of fields
 *
 * Returns: (transfer none): the fields of @row, %NULL-terminated
 */
const char * const *
lia_csv_table_get_row (LiaCsvTable *self,
                       guint        row,
                       guint       *n_fields)
{
  const char * const *fields;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  fields = g_ptr_array_index (self->rows, row);
  if (n_fields != NULL)
    *n_fields = g_strv_length ((GStrv)fields);

  return fields;
}

/* Returns "" for a column the row does not reach (short rows are common). */
const char *
lia_csv_table_get_field (LiaCsvTable *self,
                         guint        row,
                         guint        column)
{
  const char * const *fields;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  fields = g_ptr_array_index (self->rows, row);
  for (guint i = 0; fields[i] != NULL; i++)
    if (i == column)
      return fields[i];

  return "";
}

/* The line of the file (from 1) on which @row starts. */
guint
lia_csv_table_get_line (LiaCsvTable *self,
                        guint        row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->lines->len, 0);

  return g_array_index (self->lines, guint, row);
}

char
lia_csv_table_get_separator (LiaCsvTable *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->separator;
}

static gboolean
needs_quotes (const char *field)
{
  gsize length = strlen (field);

  if (length == 0)
    return FALSE;

  /* Leading or trailing blanks survive only inside quotes; a semicolon is
   * quoted too, for spreadsheets that split on it. */
  return strpbrk (field, ",;\"\r\n\t") != NULL ||
         g_ascii_isspace (field[0]) || g_ascii_isspace (field[length - 1]);
}

/**
 * lia_csv_append_row:
 * @out: the file being written
 * @fields: (array zero-terminated=1): the fields; a %NULL array element ends the row
 *
 * Appends one record, comma-separated, quoted where needed, ending in CRLF.
 * When @out is empty, a UTF-8 byte order mark comes first, so Excel opens
 * the file as UTF-8.
 */
void
lia_csv_append_row (GString            *out,
                    const char * const *fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL);

  if (out->len == 0)
    g_string_append (out, BOM);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *field = fields[i];

      if (i > 0)
        g_string_append_c (out, ',');

      if (!needs_quotes (field))
        {
          g_string_append (out, field);
          continue;
        }

      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }

  g_string_append (out, "\r\n");
}
