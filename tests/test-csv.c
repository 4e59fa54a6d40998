/* test-csv.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV reader on files as spreadsheets write them (tests/data/csv/), and
 * on files it must refuse, each with the error a user can act on.
 */

#include "config.h"

#include <string.h>

#include "lia-csv.h"

/* A 1x1 PNG: what a user picks when the file chooser shows "All files". */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
};

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIAISON_TEST_DATA"), "csv", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static LiaCsvTable *
parse_fixture (const char *name)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autoptr(GError) error = NULL;
  LiaCsvTable *table;

  table = lia_csv_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);

  return table;
}

static LiaCsvTable *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  LiaCsvTable *table;

  table = lia_csv_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);

  return table;
}

static void
assert_refused (GBytes     *bytes,
                LiaCsvError code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaCsvTable) table = NULL;

  table = lia_csv_parse (bytes, &error);
  g_assert_null (table);
  g_assert_error (error, LIA_CSV_ERROR, (int)code);
  g_assert_nonnull (strstr (error->message, fragment));
  /* One line, to fit the command line's "liaison: ..." message. */
  g_assert_null (strchr (error->message, '\n'));
}

static void
assert_refused_text (const char *text,
                     gssize      length,
                     LiaCsvError code,
                     const char *fragment)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);

  assert_refused (bytes, code, fragment);
}

static void
test_excel_bom_crlf (void)
{
  g_autoptr(LiaCsvTable) table = parse_fixture ("excel-utf8.csv");
  guint n_fields;
  const char * const *header;

  g_assert_cmpint (lia_csv_table_get_separator (table), ==, ',');
  /* The header and four partners; the ",,,,," line and the blank one are left out. */
  g_assert_cmpuint (lia_csv_table_get_n_rows (table), ==, 5);

  header = lia_csv_table_get_row (table, 0, &n_fields);
  g_assert_cmpuint (n_fields, ==, 10);
  /* The byte order mark is not part of the first header. */
  g_assert_cmpstr (header[0], ==, "Organization");
  g_assert_cmpstr (header[9], ==, "Notes");

  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 0), ==, "Northside Food Bank");
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 5), ==, "12 Elm Street, Edmonton");
  /* No carriage return is left at the end of a record. */
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 9), ==, "Hampers on Fridays");
  g_assert_cmpstr (lia_csv_table_get_field (table, 3, 0), ==, "Café Literacy Circle");
  g_assert_cmpstr (lia_csv_table_get_field (table, 3, 9), ==, "Meets at the \"Bean There\" café");
  g_assert_cmpstr (lia_csv_table_get_field (table, 2, 9), ==, "");

  g_assert_cmpuint (lia_csv_table_get_line (table, 0), ==, 1);
  g_assert_cmpuint (lia_csv_table_get_line (table, 1), ==, 2);
  g_assert_cmpuint (lia_csv_table_get_line (table, 4), ==, 5);
}

static void
test_semicolon (void)
{
  g_autoptr(LiaCsvTable) table = parse_fixture ("libreoffice-semicolon.csv");

  g_assert_cmpint (lia_csv_table_get_separator (table), ==, ';');
  g_assert_cmpuint (lia_csv_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (lia_csv_table_get_field (table, 0, 2), ==, "E-mail");
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 0), ==, "Bibliothèque des Enfants");
  /* A separator inside quotes belongs to the field; a comma is just text. */
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 5), ==, "5 rue de la Paix; 75002 Paris");
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 6), ==, "Heure du conte, ateliers");
  g_assert_cmpstr (lia_csv_table_get_field (table, 2, 4), ==, "");
}

static void
test_tab (void)
{
  g_autoptr(LiaCsvTable) table = parse_text ("Name\tEmail\tNotes\r\n"
                                             "Food Bank\tinfo@food.example.org\tOpen, weekdays; not Sundays\r\n");

  g_assert_cmpint (lia_csv_table_get_separator (table), ==, '\t');
  g_assert_cmpuint (lia_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 1), ==, "info@food.example.org");
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 2), ==, "Open, weekdays; not Sundays");
}

static void
test_google_sheets_header (void)
{
  g_autoptr(LiaCsvTable) table = parse_fixture ("google-sheets.csv");
  guint n_fields;
  const char * const *header = lia_csv_table_get_row (table, 0, &n_fields);

  g_assert_cmpint (lia_csv_table_get_separator (table), ==, ',');
  g_assert_cmpuint (n_fields, ==, 13);
  g_assert_cmpstr (header[0], ==, "Partner Name");
  g_assert_cmpstr (header[2], ==, "E-mail Address");
  g_assert_cmpstr (header[12], ==, "Contact Role");
  g_assert_cmpuint (lia_csv_table_get_n_rows (table), ==, 5);
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 7), ==, "Murals, zines, open studio");
  g_assert_cmpstr (lia_csv_table_get_field (table, 2, 5), ==, "88 Jasper Ave, Suite 200");
}

static void
test_multiline (void)
{
  g_autoptr(LiaCsvTable) table = parse_fixture ("multiline-notes.csv");

  /* Three trailing blank lines are not rows. */
  g_assert_cmpuint (lia_csv_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 1), ==,
                   "First line of notes\nsecond line, with a comma\nthird line with \"quotes\"");
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 2), ==, "seniors@example.org");
  /* A CRLF inside a quoted field becomes a LF. */
  g_assert_cmpstr (lia_csv_table_get_field (table, 2, 1), ==, "Met at the fair.\nFollow up in spring.");
  g_assert_cmpstr (lia_csv_table_get_field (table, 3, 0), ==, "Plain Partner");
  g_assert_cmpstr (lia_csv_table_get_field (table, 3, 2), ==, "");
  /* A field past the end of a short row is empty. */
  g_assert_cmpstr (lia_csv_table_get_field (table, 3, 7), ==, "");

  /* Rows know the line they start on, after multi-line fields. */
  g_assert_cmpuint (lia_csv_table_get_line (table, 1), ==, 2);
  g_assert_cmpuint (lia_csv_table_get_line (table, 2), ==, 5);
  g_assert_cmpuint (lia_csv_table_get_line (table, 3), ==, 7);
}

static void
test_mixed_quoting (void)
{
  g_autoptr(LiaCsvTable) table = parse_text ("Name,Notes,Phone\n"
                                             "\"Arts \"\"Hub\"\"\",plain,\"555-0100\"\n"
                                             "plain,\"\",\n"
                                             "\"\"\"\",\"a,b\"c,x\n");
  guint n_fields;

  g_assert_cmpuint (lia_csv_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 0), ==, "Arts \"Hub\"");
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 2), ==, "555-0100");
  lia_csv_table_get_row (table, 2, &n_fields);
  /* A trailing separator ends with an empty field. */
  g_assert_cmpuint (n_fields, ==, 3);
  g_assert_cmpstr (lia_csv_table_get_field (table, 2, 1), ==, "");
  g_assert_cmpstr (lia_csv_table_get_field (table, 3, 0), ==, "\"");
  /* Text after a closing quote is kept, as spreadsheets do. */
  g_assert_cmpstr (lia_csv_table_get_field (table, 3, 1), ==, "a,bc");
}

static void
test_trailing_empty_lines (void)
{
  g_autoptr(LiaCsvTable) table = parse_text ("Name\n\nFood Bank\r\n\r\n;;\n\n");

  /* No trailing record for the last line end, and blank lines are skipped. */
  g_assert_cmpuint (lia_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (lia_csv_table_get_field (table, 1, 0), ==, "Food Bank");
  g_assert_cmpuint (lia_csv_table_get_line (table, 1), ==, 3);
  /* The header has no separator, so it is a comma: ";;" is text. */
  g_assert_cmpstr (lia_csv_table_get_field (table, 2, 0), ==, ";;");
}

static void
test_refuses_binary (void)
{
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  static const char controls[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11\x12 abc";

  assert_refused (png, LIA_CSV_ERROR_BINARY, "not a CSV file");
  /* No NUL byte, but mostly control characters. */
  assert_refused_text (controls, -1, LIA_CSV_ERROR_BINARY, "binary data");
  /* A NUL anywhere is enough. */
  assert_refused_text ("Name\nFood\0Bank\n", 15, LIA_CSV_ERROR_BINARY, "Save the spreadsheet as CSV");
}

static void
test_refuses_empty (void)
{
  g_autoptr(GBytes) empty = load_fixture ("empty.csv");

  g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);
  assert_refused (empty, LIA_CSV_ERROR_EMPTY, "The file is empty");
  assert_refused_text ("\xEF\xBB\xBF", -1, LIA_CSV_ERROR_EMPTY, "empty");
  assert_refused_text ("\r\n\r\n  \n", -1, LIA_CSV_ERROR_EMPTY, "empty");
  assert_refused_text (",,,\r\n,,,\r\n", -1, LIA_CSV_ERROR_EMPTY, "no rows");
}

static void
test_refuses_latin1 (void)
{
  g_autoptr(GBytes) latin1 = load_fixture ("latin1.csv");

  /* "Café" with é as the single byte 0xE9, on the second line. */
  assert_refused (latin1, LIA_CSV_ERROR_ENCODING, "Line 2 is not UTF-8");
  assert_refused (latin1, LIA_CSV_ERROR_ENCODING, "“CSV UTF-8”");
  assert_refused_text ("\xFF\xFEN\0a\0m\0e\0", 10, LIA_CSV_ERROR_ENCODING, "UTF-16");
}

static void
test_refuses_unterminated_quote (void)
{
  assert_refused_text ("Name,Notes\n"
                       "Food Bank,ok\n"
                       "Arts Hub,\"never closed\n"
                       "Seniors Centre,fine\n",
                       -1, LIA_CSV_ERROR_MALFORMED, "starts on line 3 is never closed");
}

static void
test_writer (void)
{
  static const char * const header[] = { "Name", "Notes", NULL };
  static const char * const tricky[] = {
    "Arts, Culture & \"Hub\"", "two\nlines; and a semicolon", NULL
  };
  static const char * const plain[] = { "Café", "", NULL };
  static const char * const spaced[] = { " leading", "trailing ", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(LiaCsvTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  lia_csv_append_row (out, header);
  lia_csv_append_row (out, tricky);
  lia_csv_append_row (out, plain);
  lia_csv_append_row (out, spaced);

  /* One byte order mark, at the start; CRLF line ends; quotes only where needed. */
  g_assert_true (g_str_has_prefix (out->str, "\xEF\xBB\xBFName,Notes\r\n"));
  g_assert_null (strstr (out->str + 3, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (out->str, "\r\n\"Arts, Culture & \"\"Hub\"\"\",\"two\nlines; and a semicolon\"\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nCafé,\r\n"));
  g_assert_true (g_str_has_suffix (out->str, "\r\n\" leading\",\"trailing \"\r\n"));

  /* And it reads back the same. */
  bytes = g_bytes_new (out->str, out->len);
  table = lia_csv_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lia_csv_table_get_n_rows (table), ==, 4);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpstr (lia_csv_table_get_field (table, 1, i), ==, tricky[i]);
      g_assert_cmpstr (lia_csv_table_get_field (table, 3, i), ==, spaced[i]);
    }
  g_assert_cmpstr (lia_csv_table_get_field (table, 2, 0), ==, "Café");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("LIAISON_TEST_DATA"));

  g_test_add_func ("/csv/excel-bom-crlf", test_excel_bom_crlf);
  g_test_add_func ("/csv/semicolon", test_semicolon);
  g_test_add_func ("/csv/tab", test_tab);
  g_test_add_func ("/csv/google-sheets-header", test_google_sheets_header);
  g_test_add_func ("/csv/multiline", test_multiline);
  g_test_add_func ("/csv/mixed-quoting", test_mixed_quoting);
  g_test_add_func ("/csv/trailing-empty-lines", test_trailing_empty_lines);
  g_test_add_func ("/csv/refuses/binary", test_refuses_binary);
  g_test_add_func ("/csv/refuses/empty", test_refuses_empty);
  g_test_add_func ("/csv/refuses/latin1", test_refuses_latin1);
  g_test_add_func ("/csv/refuses/unterminated-quote", test_refuses_unterminated_quote);
  g_test_add_func ("/csv/writer", test_writer);

  return g_test_run ();
}
