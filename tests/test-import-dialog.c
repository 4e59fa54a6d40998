/* test-import-dialog.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Import Partners dialog over a real window on a sample database: the
 * preview of a spreadsheet (counts, each row's line, action and reason, the
 * skipped rows filter), the import and the list it refreshes, and files
 * that cannot be imported, which write nothing.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-database.h"
#include "lia-import-dialog.h"
#include "lia-partner-import.h"
#include "lia-partners-page.h"
#include "lia-sample-data.h"
#include "lia-store.h"
#include "lia-window.h"
#include "lia-test-util.h"

typedef struct
{
  char      *dir;
  char      *path;
  LiaStore  *store;
  LiaWindow *window;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  /* A window's pages read the store once it is on screen. */
  return gtk_widget_get_mapped (data) && (!LIA_IS_WINDOW (data) || lia_window_get_loaded (data));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;

  fixture->dir = lia_test_make_temp_dir ("import-dialog");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);

  lia_sample_data_options_init (&options);
  /* A fixed day: the same community on every day the tests run. */
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);
  g_assert_true (lia_sample_data_write (fixture->path, &options, NULL, &error));
  g_assert_no_error (error);

  database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (database);

  fixture->window = lia_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (is_mapped, fixture->window, "the window is on screen");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer weak = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (lia_test_is_null, &weak, "the window is finalized");

  g_assert_finalize_object (fixture->store);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gpointer
get_child (LiaImportDialog *dialog,
           const char      *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), LIA_TYPE_IMPORT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static guint
count_listed (Fixture *fixture)
{
  GObject *area_stack = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LIA_TYPE_WINDOW, "area_stack");
  GtkWidget *page;
  GObject *list_view;

  /* A page is made, and reads the store, once shown. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "partners");
  page = gtk_stack_get_child_by_name (GTK_STACK (area_stack), "partners");
  g_assert_true (LIA_IS_PARTNERS_PAGE (page));
  list_view = gtk_widget_get_template_child (page, LIA_TYPE_PARTNERS_PAGE, "list_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view))));
}

static gint64
count_partners (Fixture *fixture)
{
  LiaStoreCounts counts;
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_get_counts (fixture->store, &counts, &error));
  g_assert_no_error (error);

  return counts.partners;
}

typedef struct
{
  LiaImportDialog *dialog;
  const char      *page;
} PageCondition;

static gboolean
shows_page (gpointer data)
{
  PageCondition *condition = data;
  GtkStack *stack = get_child (condition->dialog, "stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), condition->page) == 0;
}

static LiaImportDialog *
open_dialog_on (Fixture    *fixture,
                GFile      *file,
                const char *page)
{
  LiaImportDialog *dialog = lia_import_dialog_new (GTK_WINDOW (fixture->window), fixture->store);
  PageCondition condition = { dialog, page };

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));

  gtk_window_present (GTK_WINDOW (dialog));
  lia_import_dialog_load_file (dialog, file);
  lia_test_iterate_until (shows_page, &condition, page);

  return dialog;
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIAISON_TEST_DATA"), "csv", name, NULL);

  return g_file_new_for_path (path);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static AdwActionRow *
find_row (LiaImportDialog *dialog,
          const char      *name)
{
  GtkListBox *list = get_child (dialog, "rows_list");

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return ADW_ACTION_ROW (row);

  return NULL;
}

static guint
count_rows (LiaImportDialog *dialog)
{
  GtkListBox *list = get_child (dialog, "rows_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;

  return n;
}

typedef struct
{
  Fixture *fixture;
  guint    n_items;
} CountCondition;

static gboolean
count_is (gpointer data)
{
  CountCondition *condition = data;

  return count_listed (condition->fixture) == condition->n_items;
}

static void
test_import_dialog_preview_and_import (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("google-sheets.csv");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  LiaImportDialog *dialog;
  AdwActionRow *row;
  GtkCheckButton *show_skipped;
  gint64 n_partners = count_partners (fixture);
  CountCondition condition = { fixture, count_listed (fixture) + 3 };
  LiaPartnerQuery query;
  gpointer weak;

  g_assert_cmpint (n_partners, >, 0);
  g_assert_cmpuint (count_listed (fixture), ==, n_partners);

  dialog = open_dialog_on (fixture, file, "preview");

  /* The preview: the counts, then a row per line of the file. */
  g_assert_cmpstr (gtk_label_get_label (get_child (dialog, "summary_label")), ==,
                   "3 to create, 0 to update, 1 to skip");
  g_assert_cmpuint (count_rows (dialog), ==, 4);

  row = find_row (dialog, "Youth Arts Collective (duplicate)");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "same partner as line 2 (same e-mail)");
  g_assert_true (has_label (GTK_WIDGET (row), "Line 4"));
  g_assert_true (has_label (GTK_WIDGET (row), "Skip"));

  row = find_row (dialog, "Grace Community Church");
  g_assert_nonnull (row);
  g_assert_true (has_label (GTK_WIDGET (row), "Line 5"));
  g_assert_true (has_label (GTK_WIDGET (row), "Create"));
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "e-mail ‘not-an-email’ left out: not an e-mail address");

  /* The skipped rows can be hidden. */
  row = find_row (dialog, "Youth Arts Collective (duplicate)");
  show_skipped = get_child (dialog, "show_skipped_button");
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (row)));
  gtk_check_button_set_active (show_skipped, FALSE);
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (find_row (dialog, "Grace Community Church"))));
  gtk_check_button_set_active (show_skipped, TRUE);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (row)));

  /* Nothing is written before the import. */
  g_assert_cmpint (count_partners (fixture), ==, n_partners);
  g_assert_cmpstr (gtk_button_get_label (get_child (dialog, "import_button")), ==, "_Import 3 Partners");
  g_assert_true (gtk_widget_is_sensitive (get_child (dialog, "import_button")));

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  lia_test_iterate_until (lia_test_is_null, &weak, "the dialog closes after the import");

  /* Written through the dialog's own connection, seen through the window's. */
  g_assert_cmpint (count_partners (fixture), ==, n_partners + 3);
  lia_test_iterate_until (count_is, &condition, "the list shows the new partners");

  lia_partner_query_init (&query);
  query.text = "Prairie Health";
  ids = lia_store_query_partner_ids (fixture->store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  partner = lia_store_get_partner (fixture->store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_partner_get_name (partner), ==, "Prairie Health Clinic");
  g_assert_cmpstr (lia_partner_get_email (partner), ==, "clinic@prairiehealth.example.ca");
}

static void
assert_cannot_import (Fixture    *fixture,
                      GFile      *file,
                      const char *message)
{
  gint64 n_partners = count_partners (fixture);
  guint n_listed = count_listed (fixture);
  LiaImportDialog *dialog;
  AdwStatusPage *error_page;

  dialog = open_dialog_on (fixture, file, "error");

  error_page = get_child (dialog, "error_page");
  g_assert_cmpstr (adw_status_page_get_description (error_page), ==, message);
  g_assert_false (gtk_widget_is_sensitive (get_child (dialog, "import_button")));

  g_assert_cmpint (count_partners (fixture), ==, n_partners);
  g_assert_cmpuint (count_listed (fixture), ==, n_listed);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_dialog_binary_file (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  g_autofree char *path = g_build_filename (fixture->dir, "photo.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *checksum = NULL;
  g_autofree char *checksum_after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, binary, sizeof binary, &error));
  g_assert_no_error (error);
  checksum = lia_test_checksum_file (fixture->path);

  assert_cannot_import (fixture, file,
                        "The file is not a CSV file (it holds binary data, like an image or a "
                        "spreadsheet in its own format). Save the spreadsheet as CSV and import that file.");

  checksum_after = lia_test_checksum_file (fixture->path);
  g_assert_cmpstr (checksum, ==, checksum_after);
}

static void
test_import_dialog_unusable_files (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GFile) empty = fixture_file ("empty.csv");
  g_autoptr(GFile) no_name = fixture_file ("no-name-column.csv");
  g_autoptr(GFile) latin1 = fixture_file ("latin1.csv");
  g_autofree char *no_name_path = g_file_get_path (no_name);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LiaCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  assert_cannot_import (fixture, empty, "The file is empty: there are no rows to import.");
  assert_cannot_import (fixture, latin1,
                        "Line 2 is not UTF-8 text (the file was probably saved as Latin-1 or "
                        "Windows-1252). Save the spreadsheet as “CSV UTF-8” and import that file.");

  /* The dialog says what the import says. */
  g_assert_true (g_file_get_contents (no_name_path, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  table = lia_csv_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_false (lia_partner_import_check_columns (table, &error));
  g_assert_error (error, LIA_PARTNER_IMPORT_ERROR, LIA_PARTNER_IMPORT_ERROR_NO_NAME_COLUMN);
  assert_cannot_import (fixture, no_name, error->message);
}

static void
test_import_dialog_from_partners_page (Fixture       *fixture,
                                       gconstpointer  data)
{
  GObject *area_stack = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LIA_TYPE_WINDOW, "area_stack");
  GListModel *toplevels = gtk_window_get_toplevels ();
  LiaImportDialog *dialog = NULL;
  GtkWidget *page;

  /* A page is made, and reads the store, once shown. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "partners");
  page = gtk_stack_get_child_by_name (GTK_STACK (area_stack), "partners");
  g_assert_true (gtk_widget_activate_action (page, "partners.import", NULL));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (LIA_IS_IMPORT_DIALOG (toplevel))
        dialog = LIA_IMPORT_DIALOG (toplevel);
    }

  g_assert_nonnull (dialog);
  g_assert_true (lia_import_dialog_get_store (dialog) == fixture->store);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (dialog, "stack")), ==, "choose");
  g_assert_false (gtk_widget_is_sensitive (get_child (dialog, "import_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  data_home = lia_test_make_temp_dir ("data-home");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/import-dialog/preview-and-import", Fixture, NULL,
              fixture_setup, test_import_dialog_preview_and_import, fixture_teardown);
  g_test_add ("/import-dialog/binary-file", Fixture, NULL,
              fixture_setup, test_import_dialog_binary_file, fixture_teardown);
  g_test_add ("/import-dialog/unusable-files", Fixture, NULL,
              fixture_setup, test_import_dialog_unusable_files, fixture_teardown);
  g_test_add ("/import-dialog/from-partners-page", Fixture, NULL,
              fixture_setup, test_import_dialog_from_partners_page, fixture_teardown);

  return g_test_run ();
}
