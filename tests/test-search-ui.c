/* test-search-ui.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one search of the window (Ctrl+F) on the sample database: results
 * grouped by kind, accents and prefixes, opening a result, Escape, and text
 * that looks like search syntax.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-contact.h"
#include "lia-database.h"
#include "lia-partner-view.h"
#include "lia-partners-page.h"
#include "lia-sample-data.h"
#include "lia-search-page.h"
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

  fixture->dir = lia_test_make_temp_dir ("search-ui");
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
get_window_child (Fixture    *fixture,
                  const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LIA_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
get_search_child (Fixture    *fixture,
                  const char *name)
{
  GObject *child = gtk_widget_get_template_child (get_window_child (fixture, "search_page"),
                                                  LIA_TYPE_SEARCH_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

typedef struct
{
  LiaSearchPage *page;
  const char    *text;
} TextCondition;

static gboolean
has_searched (gpointer data)
{
  TextCondition *condition = data;

  return g_str_equal (lia_search_page_get_text (condition->page), condition->text);
}

/* Types @text into the search entry and waits for the search to run. */
static void
type_search (Fixture    *fixture,
             const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  TextCondition condition = { get_window_child (fixture, "search_page"), stripped };

  gtk_editable_set_text (get_window_child (fixture, "search_entry"), text);
  lia_test_iterate_until (has_searched, &condition, "the search has run");
}

static const LiaSearchResult *
get_result (GtkListBoxRow *row)
{
  const LiaSearchResult *result = g_object_get_data (G_OBJECT (row), "lia-search-result");

  g_assert_nonnull (result);
  return result;
}

/* The heading of the group @row is in. */
static const char *
get_group_title (GtkListBoxRow *row)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row)));
  int index = gtk_list_box_row_get_index (row);
  GtkWidget *header;

  while (index > 0 &&
         get_result (gtk_list_box_get_row_at_index (list, index - 1))->kind == get_result (row)->kind)
    index--;

  header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, index));
  g_assert_true (GTK_IS_LABEL (header));
  return gtk_label_get_label (GTK_LABEL (header));
}

static GtkListBoxRow *
find_row (Fixture       *fixture,
          LiaRecordKind  kind,
          gint64         id)
{
  GtkListBox *list = get_search_child (fixture, "results_list");
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (get_result (row)->kind == kind && get_result (row)->id == id)
      return row;

  return NULL;
}

/* The action @widget's shortcut controllers give @accelerator, or NULL. */
static char *
dup_shortcut_action (GtkWidget  *widget,
                     const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

static void
test_search_ui_accents (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkSearchBar *search_bar = get_window_child (fixture, "search_bar");
  GtkWidget *search_page = get_window_child (fixture, "search_page");
  GtkListBox *list = get_search_child (fixture, "results_list");
  GtkListBoxRow *row;
  guint n_ecoles = 0;

  g_autofree char *ctrl_f_action = dup_shortcut_action (GTK_WIDGET (fixture->window), "<Control>f");
  g_autofree char *escape_action = dup_shortcut_action (search_page, "Escape");

  g_assert_cmpstr (ctrl_f_action, ==, "win.search");
  g_assert_cmpstr (escape_action, ==, "search.stop");
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  g_assert_false (gtk_widget_get_visible (search_page));

  /* Ctrl+F opens the search, the cursor in its entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         get_window_child (fixture, "search_entry")));

  /* No accent, lower case: the schools are found. */
  type_search (fixture, "ecole");
  g_assert_true (gtk_widget_get_visible (search_page));
  g_assert_false (gtk_widget_get_visible (get_window_child (fixture, "sidebar_window")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_search_child (fixture, "stack")), ==, "results");

  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_cmpint (get_result (row)->kind, ==, LIA_RECORD_PARTNER);
  g_assert_cmpstr (get_group_title (row), ==, "Partners");

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const LiaSearchResult *result = get_result (row);

      if (result->kind == LIA_RECORD_PARTNER && g_str_has_prefix (result->title, "École"))
        n_ecoles++;
    }
  g_assert_cmpuint (n_ecoles, >, 0);
  g_assert_cmpuint (n_ecoles, <=, 10);

  /* Down goes from the entry into the results. */
  g_assert_true (lia_search_page_focus_first (LIA_SEARCH_PAGE (search_page)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));

  /* Nothing found: the page says so. */
  type_search (fixture, "zzyzxqwv");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_search_child (fixture, "stack")), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (get_search_child (fixture, "empty_page")), ==, "No Results");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
}

static gboolean
shows_no_partner (gpointer data)
{
  GObject *list_stack = gtk_widget_get_template_child (data, LIA_TYPE_PARTNERS_PAGE, "list_stack");

  return g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (list_stack)), "no-results");
}

static void
test_search_ui_open_contact (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LiaContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  GtkStack *area_stack = get_window_child (fixture, "area_stack");
  GtkListBox *sidebar = get_window_child (fixture, "sidebar");
  LiaPartnersPage *partners_page;
  LiaPartnerView *partner_view;
  GtkSearchEntry *filter_entry;
  GtkListBoxRow *row = NULL;
  gint64 contact_id;

  /* The first contact whose name is two words, the last one long. */
  for (contact_id = 1; contact_id < 100; contact_id++)
    {
      const char *space;

      g_clear_object (&contact);
      contact = lia_store_get_contact (fixture->store, contact_id, &error);
      g_assert_no_error (error);
      space = strrchr (lia_contact_get_name (contact), ' ');
      if (space != NULL && g_utf8_strlen (space + 1, -1) >= 5)
        break;
    }
  g_assert_cmpint (contact_id, <, 100);

  /* Both words, the last one cut short. */
  prefix = g_utf8_substring (lia_contact_get_name (contact), 0,
                             g_utf8_strlen (lia_contact_get_name (contact), -1) - 2);

  /* Elsewhere, with a list filter that leaves the partner out. */
  /* A page is made, and reads the store, once shown. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "partners");
  partners_page = LIA_PARTNERS_PAGE (gtk_stack_get_child_by_name (area_stack, "partners"));
  filter_entry = GTK_SEARCH_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (partners_page),
                                                                  LIA_TYPE_PARTNERS_PAGE, "search_entry"));
  gtk_editable_set_text (GTK_EDITABLE (filter_entry), "zzyzxqwv");
  lia_test_iterate_until (shows_no_partner, partners_page, "the list filter hides every partner");
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 2));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), !=, "partners");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  type_search (fixture, prefix);

  row = find_row (fixture, LIA_RECORD_CONTACT, contact_id);
  g_assert_nonnull (row);
  g_assert_cmpstr (get_group_title (row), ==, "Contacts");
  g_assert_cmpint (get_result (row)->partner_id, ==, lia_contact_get_partner_id (contact));

  g_signal_emit_by_name (get_search_child (fixture, "results_list"), "row-activated", row);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), ==, "partners");
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar))), ==, "partners");
  partner_view = LIA_PARTNER_VIEW (gtk_widget_get_template_child (GTK_WIDGET (partners_page),
                                                                  LIA_TYPE_PARTNERS_PAGE, "partner_view"));
  g_assert_nonnull (lia_partner_view_get_partner (partner_view));
  g_assert_cmpint (lia_partner_get_id (lia_partner_view_get_partner (partner_view)), ==,
                   lia_contact_get_partner_id (contact));
  g_assert_true (lia_partners_page_get_partner (partners_page) == lia_partner_view_get_partner (partner_view));

  /* The list's filter that hid the partner is cleared. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (filter_entry)), ==, "");

  /* The results stay, for the next one. */
  g_assert_true (gtk_search_bar_get_search_mode (get_window_child (fixture, "search_bar")));
}

static void
test_search_ui_escape (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkSearchBar *search_bar = get_window_child (fixture, "search_bar");
  GtkSearchEntry *search_entry = get_window_child (fixture, "search_entry");
  GtkWidget *search_page = get_window_child (fixture, "search_page");

  /* Escape in the entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  type_search (fixture, "ecole");
  g_signal_emit_by_name (search_entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "");
  g_assert_false (gtk_widget_get_visible (search_page));
  g_assert_true (gtk_widget_get_visible (get_window_child (fixture, "sidebar_window")));

  /* Escape in the results. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  type_search (fixture, "ecole");
  g_assert_true (lia_search_page_focus_first (LIA_SEARCH_PAGE (search_page)));
  g_assert_true (gtk_widget_activate_action (search_page, "search.stop", NULL));
  g_assert_false (gtk_search_bar_get_search_mode (search_bar));
  g_assert_false (gtk_widget_get_visible (search_page));

  /* The search button shows the search and hides it. */
  gtk_search_bar_set_search_mode (search_bar, TRUE);
  type_search (fixture, "ecole");
  gtk_search_bar_set_search_mode (search_bar, FALSE);
  g_assert_false (gtk_widget_get_visible (search_page));
}

static void
test_search_ui_syntax (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const texts[] = {
    "\"", "\"ecole", "ecole\"", "(", ")", "(ecole", "ecole OR", "OR ecole", "AND", "NOT",
    "*", "ecole*", "*ecole", "-", "-ecole", "ecole -", "e-", "^ecole", "title:ecole",
    "NEAR(ecole", "ecole + ", "'", "{ecole}", ":", "ecole\"\"\")", " ", "é", "e",
  };
  AdwStatusPage *empty_page = get_search_child (fixture, "empty_page");
  GtkStack *stack = get_search_child (fixture, "stack");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      type_search (fixture, texts[i]);

      /* A result or "No Results", never an error. */
      if (g_str_equal (gtk_stack_get_visible_child_name (stack), "empty"))
        g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No Results");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int ret;

  /* GLib caches the user data folder: set it before anything reads it. */
  data_home = lia_test_make_temp_dir ("data-home");
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/search-ui/accents", Fixture, NULL, fixture_setup, test_search_ui_accents, fixture_teardown);
  g_test_add ("/search-ui/open-contact", Fixture, NULL, fixture_setup, test_search_ui_open_contact, fixture_teardown);
  g_test_add ("/search-ui/escape", Fixture, NULL, fixture_setup, test_search_ui_escape, fixture_teardown);
  g_test_add ("/search-ui/syntax", Fixture, NULL, fixture_setup, test_search_ui_syntax, fixture_teardown);

  ret = g_test_run ();

  lia_test_remove_tree (data_home);

  return ret;
}
