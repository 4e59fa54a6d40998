/* test-partner-import.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Planning and applying partner imports against a real database file in a
 * temporary folder; exporting partners as CSV and vCard.
 */

#include "config.h"

#include <string.h>

#include "lia-csv.h"
#include "lia-partner-export.h"
#include "lia-partner-import.h"
#include "lia-store.h"
#include "lia-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  LiaDatabase *db;
  LiaStore    *store;
} Fixture;

static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
};

static void
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->db = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->db);
}

static void
close_store (Fixture *fixture)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = lia_test_make_temp_dir ("partner-import");
  fixture->path = g_build_filename (fixture->dir, "partners.db", NULL);
  open_store (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  close_store (fixture);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

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

static LiaImportPlan *
plan_bytes (LiaStore *store,
            GBytes   *bytes)
{
  g_autoptr(LiaCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  LiaImportPlan *plan;

  table = lia_csv_parse (bytes, &error);
  g_assert_no_error (error);
  plan = lia_partner_import_plan (store, table, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static LiaImportPlan *
plan_text (Fixture    *fixture,
           const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return plan_bytes (fixture->store, bytes);
}

static LiaImportPlan *
plan_fixture (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GBytes) bytes = load_fixture (name);

  return plan_bytes (fixture->store, bytes);
}

static void
apply (Fixture       *fixture,
       LiaImportPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_import_plan_apply (plan, fixture->store, &error));
  g_assert_no_error (error);
}

static gint64
count (Fixture    *fixture,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = lia_database_prepare (fixture->db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static gint64
find_partner (Fixture    *fixture,
              const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = lia_database_prepare (fixture->db, "SELECT id FROM partner WHERE name = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static LiaPartner *
get_partner (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = find_partner (fixture, name);
  LiaPartner *partner;

  g_assert_cmpint (id, >, 0);
  partner = lia_store_get_partner (fixture->store, id, &error);
  g_assert_no_error (error);

  return partner;
}

static gint64
save_partner (Fixture    *fixture,
              const char *name,
              const char *email,
              const char *website)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  lia_partner_set_email (partner, email);
  lia_partner_set_website (partner, website);
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

/* The plan row for file line @line. */
static guint
row_of_line (LiaImportPlan *plan,
             guint          line)
{
  for (guint i = 0; i < lia_import_plan_get_n_rows (plan); i++)
    if (lia_import_plan_get_line (plan, i) == line)
      return i;

  g_assert_not_reached ();
}

static void
assert_row (LiaImportPlan   *plan,
            guint            line,
            LiaImportAction  action,
            const char      *name,
            const char      *reason_fragment)
{
  guint row = row_of_line (plan, line);

  g_assert_cmpint (lia_import_plan_get_action (plan, row), ==, action);
  g_assert_cmpstr (lia_import_plan_get_name (plan, row), ==, name);
  if (reason_fragment == NULL)
    g_assert_cmpstr (lia_import_plan_get_reason (plan, row), ==, "");
  else if (strstr (lia_import_plan_get_reason (plan, row), reason_fragment) == NULL)
    g_error ("line %u: reason ‘%s’ lacks ‘%s’", line,
             lia_import_plan_get_reason (plan, row), reason_fragment);
}

static void
assert_counts (LiaImportPlan *plan,
               guint          created,
               guint          updated,
               guint          skipped)
{
  guint c, u, s;

  lia_import_plan_get_counts (plan, &c, &u, &s);
  g_assert_cmpuint (c, ==, created);
  g_assert_cmpuint (u, ==, updated);
  g_assert_cmpuint (s, ==, skipped);
}

static void
test_creates (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LiaImportPlan) plan = plan_fixture (fixture, "excel-utf8.csv");
  g_autoptr(LiaPartner) food_bank = NULL;
  g_autoptr(LiaPartner) school = NULL;
  g_autoptr(LiaPartner) city = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  LiaContact *maria;

  g_assert_cmpuint (lia_import_plan_get_n_rows (plan), ==, 4);
  assert_counts (plan, 4, 0, 0);
  assert_row (plan, 2, LIA_IMPORT_ACTION_CREATE, "Northside Food Bank", NULL);
  assert_row (plan, 3, LIA_IMPORT_ACTION_CREATE, "Riverside Elementary School", NULL);
  assert_row (plan, 4, LIA_IMPORT_ACTION_CREATE, "Café Literacy Circle", NULL);
  /* Too short for a phone number: the partner comes in without it. */
  assert_row (plan, 5, LIA_IMPORT_ACTION_CREATE, "City of Edmonton Recreation", "phone ‘311’ left out");

  /* Planning writes nothing. */
  g_assert_cmpint (count (fixture, "partner"), ==, 0);

  apply (fixture, plan);
  g_assert_cmpint (count (fixture, "partner"), ==, 4);
  g_assert_cmpint (count (fixture, "contact"), ==, 3);

  food_bank = get_partner (fixture, "Northside Food Bank");
  g_assert_cmpint (lia_partner_get_kind (food_bank), ==, LIA_PARTNER_KIND_NONPROFIT);
  g_assert_cmpstr (lia_partner_get_email (food_bank), ==, "info@northsidefoodbank.org");
  g_assert_cmpstr (lia_partner_get_phone (food_bank), ==, "780-555-0101");
  g_assert_cmpstr (lia_partner_get_address (food_bank), ==, "12 Elm Street, Edmonton");
  g_assert_cmpstr (lia_partner_get_notes (food_bank), ==, "Hampers on Fridays");

  /* The contact columns make the primary contact. */
  contacts = lia_store_list_contacts (fixture->store, lia_partner_get_id (food_bank), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  maria = g_ptr_array_index (contacts, 0);
  g_assert_cmpstr (lia_contact_get_name (maria), ==, "Maria Lopez");
  g_assert_cmpstr (lia_contact_get_email (maria), ==, "maria@northsidefoodbank.org");
  g_assert_cmpstr (lia_contact_get_role (maria), ==, "Volunteer Coordinator");
  g_assert_true (lia_contact_get_is_primary (maria));

  /* A website without its scheme gets https://. */
  school = get_partner (fixture, "Riverside Elementary School");
  g_assert_cmpstr (lia_partner_get_website (school), ==, "https://riverside.example.edu");
  g_assert_cmpint (lia_partner_get_kind (school), ==, LIA_PARTNER_KIND_SCHOOL);

  city = get_partner (fixture, "City of Edmonton Recreation");
  g_assert_cmpint (lia_partner_get_kind (city), ==, LIA_PARTNER_KIND_GOVERNMENT);
  g_assert_true (lia_partner_get_phone (city) == NULL || lia_partner_get_phone (city)[0] == '\0');
}

static void
test_updates (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LiaImportPlan) plan = NULL;
  g_autoptr(LiaImportPlan) again = NULL;
  g_autoptr(LiaPartner) food_bank = NULL;
  g_autoptr(LiaPartner) arts = NULL;
  g_autoptr(LiaPartner) clinic = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    "Name,Email,Website,Phone,Contact,Contact Email\r\n"
    "Northside Food Bank,new@northside.example.org,,,,\r\n"
    "Youth Arts Collective,TEAM@youtharts.example.org,,780-555-0199,Jordan Reyes,jordan@youtharts.example.org\r\n"
    "Prairie Health Clinic,,https://prairiehealth.example.ca,,,\r\n"
    "Brand New Partner,,,,,\r\n"
    "NORTHSIDE FOOD BANK,,,,,\r\n"
    "Someone Else,new@northside.example.org,,,,\r\n"
    "Prairie Clinic,,,,,\r\n"
    ",orphan@example.org,,,,\r\n";
  gint64 food_bank_id, arts_id, clinic_id;

  food_bank_id = save_partner (fixture, "The Northside Food Bank, Inc.", NULL, NULL);
  arts_id = save_partner (fixture, "Youth Arts Coll.", "team@youtharts.example.org", NULL);
  clinic_id = save_partner (fixture, "Prairie Clinic", NULL, "https://www.prairiehealth.example.ca/about");

  plan = plan_text (fixture, csv);
  /* Matched by the normalised name, by e-mail (any case), by website domain. */
  assert_row (plan, 2, LIA_IMPORT_ACTION_UPDATE, "Northside Food Bank", "changes e-mail");
  assert_row (plan, 3, LIA_IMPORT_ACTION_UPDATE, "Youth Arts Collective", "matches ‘Youth Arts Coll.’ (same e-mail)");
  assert_row (plan, 3, LIA_IMPORT_ACTION_UPDATE, "Youth Arts Collective", "changes phone, new contact");
  assert_row (plan, 4, LIA_IMPORT_ACTION_UPDATE, "Prairie Health Clinic", "(same website)");
  assert_row (plan, 5, LIA_IMPORT_ACTION_CREATE, "Brand New Partner", NULL);
  /* Duplicates within the file are skipped, naming the first line. */
  assert_row (plan, 6, LIA_IMPORT_ACTION_SKIP, "NORTHSIDE FOOD BANK", "same partner as line 2 (same name)");
  /* A shared e-mail with another name is another partner (a chapter, a
   * department), and the preview says so. */
  assert_row (plan, 7, LIA_IMPORT_ACTION_CREATE, "Someone Else",
              "shares its e-mail with line 2, not its name: imported as a separate partner");
  /* The partner line 4 already updates. */
  assert_row (plan, 8, LIA_IMPORT_ACTION_SKIP, "Prairie Clinic", "same partner as line 4");
  assert_row (plan, 9, LIA_IMPORT_ACTION_SKIP, "", "no name");
  assert_counts (plan, 2, 3, 3);

  apply (fixture, plan);
  g_assert_cmpint (count (fixture, "partner"), ==, 5);

  /* An update keeps the partner's name and what the file leaves empty. */
  food_bank = lia_store_get_partner (fixture->store, food_bank_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_partner_get_name (food_bank), ==, "The Northside Food Bank, Inc.");
  g_assert_cmpstr (lia_partner_get_email (food_bank), ==, "new@northside.example.org");

  arts = lia_store_get_partner (fixture->store, arts_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_partner_get_email (arts), ==, "team@youtharts.example.org");
  g_assert_cmpstr (lia_partner_get_phone (arts), ==, "780-555-0199");
  contacts = lia_store_list_contacts (fixture->store, arts_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (lia_contact_get_name (g_ptr_array_index (contacts, 0)), ==, "Jordan Reyes");
  g_assert_true (lia_contact_get_is_primary (g_ptr_array_index (contacts, 0)));

  clinic = lia_store_get_partner (fixture->store, clinic_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_partner_get_website (clinic), ==, "https://prairiehealth.example.ca");

  /* The same file again changes nothing. */
  again = plan_text (fixture, csv);
  assert_counts (again, 0, 0, 8);
  assert_row (again, 2, LIA_IMPORT_ACTION_SKIP, "Northside Food Bank", "already up to date");
  assert_row (again, 3, LIA_IMPORT_ACTION_SKIP, "Youth Arts Collective", "already up to date");
  assert_row (again, 5, LIA_IMPORT_ACTION_SKIP, "Brand New Partner", "already up to date");
}

static void
test_shared_address (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaImportPlan) plan = NULL;

  save_partner (fixture, "City of Edmonton Libraries", "info@edmonton.example.ca",
                "https://www.edmonton.example.ca/libraries");
  save_partner (fixture, "Harbour Seniors", NULL, "https://www.facebook.com/harbourseniors");

  plan = plan_text (fixture,
                    "Name,Website,Email\n"
                    "City of Edmonton Recreation,https://edmonton.example.ca/rec,\n"
                    "City of Edmonton,,info@edmonton.example.ca\n"
                    "Riverbend Seniors,https://facebook.com/riverbendseniors,\n");
  /* Two departments of one city: the same domain, other names. */
  assert_row (plan, 2, LIA_IMPORT_ACTION_CREATE, "City of Edmonton Recreation",
              "shares its website with ‘City of Edmonton Libraries’, not its name");
  /* A shorter form of the name is the same partner. */
  assert_row (plan, 3, LIA_IMPORT_ACTION_SKIP, "City of Edmonton",
              "matches ‘City of Edmonton Libraries’ (same e-mail); already up to date");
  /* Pages on a shared host say nothing about who is who. */
  assert_row (plan, 4, LIA_IMPORT_ACTION_CREATE, "Riverbend Seniors", NULL);
  assert_counts (plan, 2, 0, 1);
}

static void
test_duplicates_and_bad_fields (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LiaImportPlan) plan = plan_fixture (fixture, "google-sheets.csv");
  g_autoptr(LiaPartner) arts = NULL;
  g_autoptr(LiaPartner) church = NULL;
  g_autofree char *preview = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  assert_row (plan, 2, LIA_IMPORT_ACTION_CREATE, "Youth Arts Collective", NULL);
  assert_row (plan, 3, LIA_IMPORT_ACTION_CREATE, "Prairie Health Clinic", NULL);
  assert_row (plan, 4, LIA_IMPORT_ACTION_SKIP, "Youth Arts Collective (duplicate)",
              "same partner as line 2 (same e-mail)");
  /* A bad e-mail is left out; the partner still comes in. */
  assert_row (plan, 5, LIA_IMPORT_ACTION_CREATE, "Grace Community Church",
              "e-mail ‘not-an-email’ left out: not an e-mail address");
  assert_counts (plan, 3, 0, 1);

  /* The preview, as the command line prints it. */
  preview = lia_import_plan_format (plan);
  g_assert_true (g_str_has_prefix (preview, "    2  create  Youth Arts Collective\n"
                                            "    3  create  Prairie Health Clinic\n"
                                            "    4  skip    Youth Arts Collective (duplicate) — same partner as line 2 (same e-mail)\n"));
  g_assert_true (g_str_has_suffix (preview, "    5  create  Grace Community Church — e-mail ‘not-an-email’ left out: not an e-mail address\n"));

  apply (fixture, plan);
  g_assert_cmpint (count (fixture, "partner"), ==, 3);

  arts = get_partner (fixture, "Youth Arts Collective");
  g_assert_cmpstr (lia_partner_get_services (arts), ==, "Murals, zines, open studio");
  g_assert_cmpstr (lia_partner_get_description (arts), ==, "Art for every teen");
  g_assert_cmpstr (lia_partner_get_owner (arts), ==, "Priya");
  g_assert_cmpstr (lia_partner_get_phone (arts), ==, "(780) 555-0199");
  contacts = lia_store_list_contacts (fixture->store, lia_partner_get_id (arts), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (lia_contact_get_role (g_ptr_array_index (contacts, 0)), ==, "Director");
  g_assert_cmpstr (lia_contact_get_phone (g_ptr_array_index (contacts, 0)), ==, "780-555-0198");

  church = get_partner (fixture, "Grace Community Church");
  g_assert_cmpint (lia_partner_get_kind (church), ==, LIA_PARTNER_KIND_FAITH);
  g_assert_true (lia_partner_get_email (church) == NULL || lia_partner_get_email (church)[0] == '\0');
}

static void
test_semicolons_and_unknown_kind (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(LiaImportPlan) plan = plan_fixture (fixture, "libreoffice-semicolon.csv");
  g_autoptr(LiaPartner) library = NULL;
  g_autoptr(LiaPartner) club = NULL;

  assert_counts (plan, 3, 0, 0);
  assert_row (plan, 4, LIA_IMPORT_ACTION_CREATE, "Association Sportive",
              "type ‘sports club’ is not one Liaison knows: imported as other");
  apply (fixture, plan);

  library = get_partner (fixture, "Bibliothèque des Enfants");
  g_assert_cmpint (lia_partner_get_kind (library), ==, LIA_PARTNER_KIND_SCHOOL);
  g_assert_cmpstr (lia_partner_get_address (library), ==, "5 rue de la Paix; 75002 Paris");
  g_assert_cmpstr (lia_partner_get_services (library), ==, "Heure du conte, ateliers");
  g_assert_cmpstr (lia_partner_get_owner (library), ==, "Dana");
  g_assert_cmpstr (lia_partner_get_phone (library), ==, "+33 1 23 45 67 89");

  club = get_partner (fixture, "Association Sportive");
  g_assert_cmpint (lia_partner_get_kind (club), ==, LIA_PARTNER_KIND_OTHER);
}

static void
test_multiline_notes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaImportPlan) plan = plan_fixture (fixture, "multiline-notes.csv");
  g_autoptr(LiaPartner) seniors = NULL;
  g_autofree char *preview = NULL;

  assert_counts (plan, 3, 0, 0);
  assert_row (plan, 5, LIA_IMPORT_ACTION_CREATE, "Newcomer Services", NULL);
  preview = lia_import_plan_format (plan);
  /* One line of preview per row, whatever the notes hold. */
  {
    g_auto(GStrv) lines = g_strsplit (preview, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
  }

  apply (fixture, plan);
  seniors = get_partner (fixture, "Seniors Centre");
  g_assert_cmpstr (lia_partner_get_notes (seniors), ==,
                   "First line of notes\nsecond line, with a comma\nthird line with \"quotes\"");
  g_assert_cmpstr (lia_partner_get_email (seniors), ==, "seniors@example.org");
}

static void
test_header_synonyms (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaImportPlan) plan = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  const char * const *ignored;

  plan = plan_text (fixture,
                    "Agency;E-MAIL ADDRESS;Tel;URL;Street Address;Sector;Status;About;Services Offered;"
                    "Staff Contact;Comments;Contact Name;Contact E-mail;Contact Telephone;Contact Position;Budget\n"
                    "Harbour Seniors;hello@harbour.example.org;604 555 0123;harbour.example.org;1 Pier Rd;"
                    "Health;Prospect;Keeps seniors active;Walks;Lee;Met in May;Ada Park;ada@harbour.example.org;"
                    "604 555 0124;Coordinator;12000\n");
  g_assert_cmpstr (lia_import_plan_get_ignored_columns (plan)[0], ==, "Budget");
  ignored = lia_import_plan_get_ignored_columns (plan);
  g_assert_null (ignored[1]);
  assert_counts (plan, 1, 0, 0);

  partner = g_object_ref (lia_import_plan_get_partner (plan, 0));
  g_assert_cmpstr (lia_partner_get_name (partner), ==, "Harbour Seniors");
  g_assert_cmpstr (lia_partner_get_email (partner), ==, "hello@harbour.example.org");
  g_assert_cmpstr (lia_partner_get_phone (partner), ==, "604 555 0123");
  g_assert_cmpstr (lia_partner_get_website (partner), ==, "https://harbour.example.org");
  g_assert_cmpstr (lia_partner_get_address (partner), ==, "1 Pier Rd");
  g_assert_cmpint (lia_partner_get_kind (partner), ==, LIA_PARTNER_KIND_HEALTH);
  g_assert_cmpint (lia_partner_get_status (partner), ==, LIA_PARTNER_STATUS_PROSPECT);
  g_assert_cmpstr (lia_partner_get_description (partner), ==, "Keeps seniors active");
  g_assert_cmpstr (lia_partner_get_services (partner), ==, "Walks");
  g_assert_cmpstr (lia_partner_get_owner (partner), ==, "Lee");
  g_assert_cmpstr (lia_partner_get_notes (partner), ==, "Met in May");
  g_assert_cmpstr (lia_contact_get_name (lia_import_plan_get_contact (plan, 0)), ==, "Ada Park");
  g_assert_cmpstr (lia_contact_get_email (lia_import_plan_get_contact (plan, 0)), ==, "ada@harbour.example.org");
  g_assert_cmpstr (lia_contact_get_phone (lia_import_plan_get_contact (plan, 0)), ==, "604 555 0124");
  g_assert_cmpstr (lia_contact_get_role (lia_import_plan_get_contact (plan, 0)), ==, "Coordinator");
}

static void
test_refused_files (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *fixture; GQuark (*domain) (void); int code; const char *fragment; } cases[] = {
    { NULL, lia_csv_error_quark, LIA_CSV_ERROR_BINARY, "not a CSV file" },
    { "empty.csv", lia_csv_error_quark, LIA_CSV_ERROR_EMPTY, "empty" },
    { "latin1.csv", lia_csv_error_quark, LIA_CSV_ERROR_ENCODING, "CSV UTF-8" },
    { "no-name-column.csv", lia_partner_import_error_quark, LIA_PARTNER_IMPORT_ERROR_NO_NAME_COLUMN,
      "“Email”, “Phone”, “Website”" },
  };
  g_autofree char *before = NULL;

  save_partner (fixture, "Northside Food Bank", "info@northsidefoodbank.org", NULL);
  close_store (fixture);
  before = lia_test_checksum_file (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(LiaCsvTable) table = NULL;
      g_autoptr(LiaImportPlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      if (cases[i].fixture != NULL)
        bytes = load_fixture (cases[i].fixture);
      else
        bytes = g_bytes_new_static (tiny_png, sizeof tiny_png);

      open_store (fixture);
      table = lia_csv_parse (bytes, &error);
      if (table != NULL)
        plan = lia_partner_import_plan (fixture->store, table, &error);
      g_assert_null (plan);
      g_assert_error (error, cases[i].domain (), cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
      g_assert_cmpint (count (fixture, "partner"), ==, 1);
      close_store (fixture);

      after = lia_test_checksum_file (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }

  /* Column names and nothing under them. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("Name,Email\r\n", 12);
    g_autoptr(LiaCsvTable) table = lia_csv_parse (bytes, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (table);
    g_assert_false (lia_partner_import_check_columns (table, &error));
    g_assert_error (error, LIA_PARTNER_IMPORT_ERROR, LIA_PARTNER_IMPORT_ERROR_NO_ROWS);
  }
}

static void
test_one_transaction (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  char *sql_error = NULL;

  save_partner (fixture, "Already Here", NULL, NULL);
  plan = plan_fixture (fixture, "excel-utf8.csv");
  assert_counts (plan, 4, 0, 0);

  /* The third partner of the file breaks a rule of the database. A TEMP
   * trigger lives on this connection only, never in the file. */
  g_assert_cmpint (sqlite3_exec (lia_database_get_handle (fixture->db),
                                 "CREATE TEMP TRIGGER refuse_cafe BEFORE INSERT ON main.partner "
                                 "WHEN NEW.name = 'Café Literacy Circle' "
                                 "BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                 NULL, NULL, &sql_error), ==, SQLITE_OK);
  g_assert_null (sql_error);

  g_assert_false (lia_import_plan_apply (plan, fixture->store, &error));
  g_assert_error (error, LIA_PARTNER_IMPORT_ERROR, LIA_PARTNER_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "line 4"));
  g_assert_nonnull (strstr (error->message, "Café Literacy Circle"));

  /* The two partners saved before it are gone with it. */
  g_assert_cmpint (count (fixture, "partner"), ==, 1);
  g_assert_cmpint (count (fixture, "contact"), ==, 0);
  g_assert_cmpint (find_partner (fixture, "Northside Food Bank"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (lia_database_get_handle (fixture->db)));
}

static void
fill_partner (LiaPartner *partner,
              const char *name,
              int         n)
{
  const char *tags[] = { "reading", "teens", NULL };

  lia_partner_set_name (partner, name);
  lia_partner_set_kind (partner, n % 2 ? LIA_PARTNER_KIND_FAITH : LIA_PARTNER_KIND_SCHOOL);
  lia_partner_set_status (partner, n % 2 ? LIA_PARTNER_STATUS_PAUSED : LIA_PARTNER_STATUS_PROSPECT);
  lia_partner_set_description (partner, "Helps newcomers; runs \"conversation circles\", twice a week");
  lia_partner_set_services (partner, "ESL\nJob search");
  lia_partner_set_owner (partner, "Dana");
  lia_partner_set_notes (partner, "Line one\nLine two, \"quoted\"");
  lia_partner_set_tags (partner, tags);
}

static void
assert_same_partner (LiaPartner *a,
                     LiaPartner *b)
{
  static const char * const texts[] = {
    "name", "description", "services", "website", "email", "phone", "address", "owner", "notes",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      g_object_get (a, texts[i], &x, NULL);
      g_object_get (b, texts[i], &y, NULL);
      g_assert_cmpstr (x != NULL ? x : "", ==, y != NULL ? y : "");
    }
  g_assert_cmpint (lia_partner_get_kind (a), ==, lia_partner_get_kind (b));
  g_assert_cmpint (lia_partner_get_status (a), ==, lia_partner_get_status (b));
  g_assert_true (g_strv_equal ((const char * const *)lia_partner_get_tags (a),
                               (const char * const *)lia_partner_get_tags (b)));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(LiaDatabase) copy_db = NULL;
  g_autoptr(LiaStore) copy = NULL;
  g_autoptr(LiaImportPlan) plan = NULL;
  g_autoptr(LiaImportPlan) again = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) reexported = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Café Parlons Français", "Edmonton Mennonite Centre for Newcomers",
                          "Boys & Girls Club, Northside", "Public Health \"Well Baby\" Clinic" };
  guint n_partners = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LiaPartner) partner = lia_partner_new ();
      g_autoptr(LiaContact) contact = lia_contact_new ();
      g_autofree char *email = g_strdup_printf ("office%u@partner%u.example.org", i, i);
      g_autofree char *website = g_strdup_printf ("https://partner%u.example.org/about", i);

      fill_partner (partner, names[i], (int)i);
      lia_partner_set_email (partner, email);
      lia_partner_set_website (partner, website);
      lia_partner_set_phone (partner, "780-555-0100");
      lia_partner_set_address (partner, "10 Main Street, Suite 4\nEdmonton AB");
      g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
      g_assert_no_error (error);

      lia_contact_set_partner_id (contact, lia_partner_get_id (partner));
      lia_contact_set_name (contact, "Sam O’Neil");
      lia_contact_set_role (contact, "Director, Programs");
      lia_contact_set_email (contact, "sam@example.org");
      lia_contact_set_is_primary (contact, TRUE);
      g_assert_true (lia_store_save_contact (fixture->store, contact, &error));
      g_assert_no_error (error);
    }

  exported = lia_partner_export (fixture->store, LIA_PARTNER_EXPORT_CSV_PARTNERS, &n_partners, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_partners, ==, G_N_ELEMENTS (names));

  copy_db = lia_database_open (copy_path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  copy = lia_store_new (copy_db);
  plan = plan_bytes (copy, exported);
  assert_counts (plan, G_N_ELEMENTS (names), 0, 0);
  g_assert_true (lia_import_plan_apply (plan, copy, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LiaPartner) original = get_partner (fixture, names[i]);
      g_autoptr(LiaPartner) imported = NULL;
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(sqlite3_stmt) stmt = lia_database_prepare (copy_db, "SELECT id FROM partner WHERE name = ?", NULL);

      sqlite3_bind_text (stmt, 1, names[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      imported = lia_store_get_partner (copy, sqlite3_column_int64 (stmt, 0), &error);
      g_assert_no_error (error);
      assert_same_partner (original, imported);

      contacts = lia_store_list_contacts (copy, lia_partner_get_id (imported), FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (contacts->len, ==, 1);
      g_assert_cmpstr (lia_contact_get_name (g_ptr_array_index (contacts, 0)), ==, "Sam O’Neil");
      g_assert_cmpstr (lia_contact_get_role (g_ptr_array_index (contacts, 0)), ==, "Director, Programs");
      g_assert_true (lia_contact_get_is_primary (g_ptr_array_index (contacts, 0)));
    }

  /* Exporting the copy gives the same file, and importing it again changes nothing. */
  reexported = lia_partner_export (copy, LIA_PARTNER_EXPORT_CSV_PARTNERS, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (exported, reexported));
  again = plan_bytes (fixture->store, exported);
  assert_counts (again, 0, 0, G_N_ELEMENTS (names));
}

static void
test_contacts_csv (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaImportPlan) plan = plan_fixture (fixture, "excel-utf8.csv");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  apply (fixture, plan);
  bytes = lia_partner_export (fixture->store, LIA_PARTNER_EXPORT_CSV_CONTACTS, NULL, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFPartner,Contact Name,Contact Role,Contact Email,"
                                         "Contact Phone,Preferred Method,Primary,Contact Notes\r\n"));
  /* By partner name: Café, Northside, Riverside. */
  g_assert_nonnull (strstr (text, "\r\nCafé Literacy Circle,Anaïs Dubois,,,,,yes,\r\n"
                                  "Northside Food Bank,Maria Lopez,Volunteer Coordinator,maria@northsidefoodbank.org,,,yes,\r\n"
                                  "Riverside Elementary School,Tom Becker,Principal,tbecker@riverside.example.edu,,,yes,\r\n"));
}

/* Undoes the folding of RFC 6350, 3.2. */
static char *
unfold (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\r\n ", "", 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_vcard (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *unfolded = NULL;
  g_autoptr(GBytes) from_store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_cards = 0;

  for (guint i = 0; i < 12; i++)
    g_string_append (long_text, "Lecture à voix haute, ");
  g_string_append (long_text, "le samedi; café offert.\nDeuxième ligne \\ fin");

  lia_partner_set_name (partner, "Boys & Girls Club, Northside; Edmonton");
  lia_partner_set_email (partner, "info@bgc.example.org");
  lia_partner_set_phone (partner, "780-555-0111");
  lia_partner_set_website (partner, "https://bgc.example.org");
  lia_partner_set_address (partner, "1 Main St, Edmonton");
  lia_partner_set_description (partner, long_text->str);
  lia_contact_set_name (contact, "Ana Díaz");
  lia_contact_set_role (contact, "Director, Youth");
  lia_contact_set_email (contact, "ana@bgc.example.org");
  lia_contact_set_phone (contact, "780-555-0112");
  g_ptr_array_add (contacts, contact);

  lia_partner_export_append_vcards (out, partner, contacts);

  g_assert_true (g_str_has_prefix (out->str, "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\n"));
  g_assert_true (g_str_has_suffix (out->str, "END:VCARD\r\n"));
  /* RFC 6350 escaping of commas, semicolons, backslashes and line ends. */
  g_assert_nonnull (strstr (out->str, "\r\nFN:Boys & Girls Club\\, Northside\\; Edmonton\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nORG:Boys & Girls Club\\, Northside\\; Edmonton\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nEMAIL;TYPE=work:info@bgc.example.org\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nTEL;TYPE=work:780-555-0111\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nURL:https://bgc.example.org\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nADR;TYPE=work:;;1 Main St\\, Edmonton;;;;\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nKIND:individual\r\nFN:Ana Díaz\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nTITLE:Director\\, Youth\r\n"));
  g_assert_nonnull (strstr (out->str, "\r\nEMAIL;TYPE=work:ana@bgc.example.org\r\n"));

  /* Every line ends in CRLF, is at most 75 octets and valid UTF-8 on its
   * own: folding never splits a character. */
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  lines = g_strsplit (out->str, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (g_str_equal (lines[i], "BEGIN:VCARD"))
        n_cards++;
    }
  g_assert_cmpuint (n_cards, ==, 2);
  /* The long note was folded, and unfolds to the escaped text. */
  g_assert_nonnull (strstr (out->str, "\r\n "));
  unfolded = unfold (out->str);
  {
    g_autoptr(GString) expected = g_string_new (long_text->str);

    g_string_replace (expected, "\\", "\\\\", 0);
    g_string_replace (expected, ",", "\\,", 0);
    g_string_replace (expected, ";", "\\;", 0);
    g_string_replace (expected, "\n", "\\n", 0);
    g_string_prepend (expected, "\r\nNOTE:");
    g_string_append (expected, "\r\n");
    g_assert_nonnull (strstr (unfolded, expected->str));
  }

  /* Through the store: a card per partner and per contact. */
  {
    g_autoptr(LiaImportPlan) plan = plan_fixture (fixture, "excel-utf8.csv");

    apply (fixture, plan);
  }
  from_store = lia_partner_export (fixture->store, LIA_PARTNER_EXPORT_VCARD, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (from_store, NULL), g_bytes_get_size (from_store));
    g_auto(GStrv) cards = g_strsplit (text, "BEGIN:VCARD\r\n", -1);

    g_assert_cmpuint (g_strv_length (cards), ==, 1 + 4 + 3);
    g_assert_nonnull (strstr (text, "FN:Maria Lopez\r\nORG:Northside Food Bank\r\nTITLE:Volunteer Coordinator\r\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("LIAISON_TEST_DATA"));

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/partner-import/creates", test_creates);
  ADD ("/partner-import/updates", test_updates);
  ADD ("/partner-import/shared-address", test_shared_address);
  ADD ("/partner-import/duplicates-and-bad-fields", test_duplicates_and_bad_fields);
  ADD ("/partner-import/semicolons-and-unknown-kind", test_semicolons_and_unknown_kind);
  ADD ("/partner-import/multiline-notes", test_multiline_notes);
  ADD ("/partner-import/header-synonyms", test_header_synonyms);
  ADD ("/partner-import/refused-files", test_refused_files);
  ADD ("/partner-import/one-transaction", test_one_transaction);
  ADD ("/partner-export/round-trip", test_round_trip);
  ADD ("/partner-export/contacts-csv", test_contacts_csv);
  ADD ("/partner-export/vcard", test_vcard);
#undef ADD

  return g_test_run ();
}
