/* test-window.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window on real database files: the welcome page, starting with
 * an empty desk, exploring the sample data, a file that cannot be opened.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "lia-database.h"
#include "lia-events-page.h"
#include "lia-overview-page.h"
#include "lia-partner-list.h"
#include "lia-partners-page.h"
#include "lia-sample-data.h"
#include "lia-settings.h"
#include "lia-store.h"
#include "lia-today-page.h"
#include "lia-welcome-page.h"
#include "lia-window.h"
#include "lia-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  /* A window's pages read the store once it is on screen. */
  return gtk_widget_get_mapped (data) && (!LIA_IS_WINDOW (data) || lia_window_get_loaded (data));
}

/* Sidebar order, as src/gui/lia-window.c lists them. */
static const char * const area_names[] = {
  "today", "partners", "events", "publish", "overview", "trash",
};

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = lia_test_make_temp_dir ("window");
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static LiaStore *
open_store (const char *path)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);

  return lia_store_new (database);
}

static LiaWindow *
present_window (LiaStore     *store,
                const GError *error)
{
  LiaWindow *window = lia_window_new (NULL, store, error);

  gtk_window_present (GTK_WINDOW (window));
  lia_test_iterate_until (is_mapped, window, "the window is on screen");

  return window;
}

/* Destroys @window and waits until it is gone, so its database closes. */
static void
destroy_window (LiaWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  lia_test_iterate_until (lia_test_is_null, &weak, "the window is finalized");
}

static gpointer
get_child (LiaWindow  *window,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), LIA_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
visible_page (LiaWindow *window)
{
  return gtk_stack_get_visible_child_name (get_child (window, "stack"));
}

static LiaOverviewPage *
get_overview (LiaWindow *window)
{
  GtkStack *area_stack = get_child (window, "area_stack");
  GtkWidget *page;

  /* A page is made, and reads the store, once shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "overview");
  page = gtk_stack_get_child_by_name (area_stack, "overview");

  g_assert_true (LIA_IS_OVERVIEW_PAGE (page));
  return LIA_OVERVIEW_PAGE (page);
}

static gint64
read_count (LiaOverviewPage *page,
            const char      *name)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (page), LIA_TYPE_OVERVIEW_PAGE, name);

  g_assert_true (GTK_IS_LABEL (label));
  return g_ascii_strtoll (gtk_label_get_label (GTK_LABEL (label)), NULL, 10);
}

static void
test_window_welcome (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaStore) store = open_store (fixture->path);
  LiaWindow *window = present_window (store, NULL);
  AdwWindowTitle *title = get_child (window, "window_title");

  g_assert_cmpstr (visible_page (window), ==, "welcome");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "liaison.db — Liaison");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "liaison.db");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "");
  g_assert_true (lia_window_get_store (window) == store);

  destroy_window (window);
}

static void
test_window_start_empty (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LiaStore) store = open_store (fixture->path);
  g_autoptr(LiaStore) reopened = NULL;
  LiaWindow *window = present_window (store, NULL);
  GtkStack *area_stack = get_child (window, "area_stack");
  AdwWindowTitle *area_title = get_child (window, "area_title");

  g_assert_cmpstr (visible_page (window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));

  g_assert_cmpstr (visible_page (window), ==, "desk");
  /* The desk opens on its first area, Today. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), ==, "today");
  g_assert_cmpstr (adw_window_title_get_title (area_title), ==, "Today");
  g_assert_cmpint (read_count (get_overview (window), "partners_count"), ==, 0);

  reopened = open_store (fixture->path);
  g_assert_true (lia_store_get_welcome_done (reopened));

  destroy_window (window);

  /* The next window on the same file opens on the desk. */
  window = present_window (reopened, NULL);
  g_assert_cmpstr (visible_page (window), ==, "desk");
  destroy_window (window);
}

static gboolean
has_other_store (gpointer data)
{
  LiaWindow *window = data;
  LiaStore *original = g_object_get_data (G_OBJECT (window), "original-store");

  return lia_window_get_store (window) != original;
}

static void
test_window_explore_sample (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaStore) store = open_store (fixture->path);
  g_autofree char *sample_path = lia_window_dup_sample_path ();
  g_autofree char *expected_path = g_build_filename (g_get_user_data_dir (), "liaison", "liaison-sample.db", NULL);
  LiaWindow *window = present_window (store, NULL);
  LiaWelcomePage *welcome_page = get_child (window, "welcome_page");
  AdwWindowTitle *title = get_child (window, "window_title");
  LiaStore *sample;

  g_assert_cmpstr (sample_path, ==, expected_path);
  g_assert_false (g_file_test (sample_path, G_FILE_TEST_EXISTS));

  g_object_set_data (G_OBJECT (window), "original-store", store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-sample", NULL));

  /* While the sample data is made, both choices wait. */
  g_assert_true (lia_welcome_page_get_busy (welcome_page));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (welcome_page),
                                                                          LIA_TYPE_WELCOME_PAGE,
                                                                          "start_empty_button"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (welcome_page),
                                                                          LIA_TYPE_WELCOME_PAGE,
                                                                          "explore_sample_button"))));

  lia_test_iterate_until (has_other_store, window, "the window shows the sample data");

  sample = lia_window_get_store (window);
  g_assert_true (LIA_IS_STORE (sample));
  g_assert_true (lia_store_is_sample (sample));
  g_assert_true (g_file_test (sample_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (lia_welcome_page_get_busy (welcome_page));

  g_assert_cmpstr (visible_page (window), ==, "desk");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "liaison-sample.db — Liaison");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "liaison-sample.db");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Sample data");
  g_assert_cmpint (read_count (get_overview (window), "partners_count"), >, 0);
  g_assert_cmpint (read_count (get_overview (window), "events_count"), >, 0);

  /* The first database is untouched: still waiting for its welcome. */
  g_assert_true (lia_store_is_empty (store));
  g_assert_false (lia_store_get_welcome_done (store));

  destroy_window (window);

  /* A second time, the sample made earlier is opened as it is. */
  window = present_window (store, NULL);
  g_object_set_data (G_OBJECT (window), "original-store", store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-sample", NULL));
  lia_test_iterate_until (has_other_store, window, "the window shows the sample data again");
  g_assert_true (lia_store_is_sample (lia_window_get_store (window)));
  g_assert_cmpstr (visible_page (window), ==, "desk");
  destroy_window (window);

  lia_test_remove_tree (g_get_user_data_dir ());
}

static void
test_window_sample_database (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;
  LiaStoreCounts counts;
  LiaOverviewPage *overview;
  LiaWindow *window;

  lia_sample_data_options_init (&options);
  /* A fixed day: the same community on every day the tests run. */
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);
  g_assert_true (lia_sample_data_write (fixture->path, &options, NULL, &error));
  g_assert_no_error (error);

  store = open_store (fixture->path);
  g_assert_true (lia_store_get_counts (store, &counts, &error));
  window = present_window (store, NULL);

  /* A database with content opens on the desk, never on the welcome page. */
  g_assert_cmpstr (visible_page (window), ==, "desk");
  g_assert_cmpstr (adw_window_title_get_subtitle (get_child (window, "window_title")), ==, "Sample data");

  overview = get_overview (window);
  g_assert_cmpint (read_count (overview, "partners_count"), ==, counts.partners);
  g_assert_cmpint (read_count (overview, "contacts_count"), ==, counts.contacts);
  g_assert_cmpint (read_count (overview, "agreements_count"), ==, counts.agreements);
  g_assert_cmpint (read_count (overview, "expectations_count"), ==, counts.expectations);
  g_assert_cmpint (read_count (overview, "interactions_count"), ==, counts.interactions);
  g_assert_cmpint (read_count (overview, "events_count"), ==, counts.events);
  g_assert_cmpint (counts.partners, ==, 60);

  destroy_window (window);
}


static GtkWidget *
get_area (LiaWindow  *window,
          const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (get_child (window, "area_stack"), name);

  g_assert_nonnull (page);
  return page;
}

static LiaStore *
get_page_store (GtkWidget *page)
{
  LiaStore *store = NULL;

  g_object_get (page, "store", &store, NULL);
  if (store != NULL)
    g_object_unref (store);

  return store;
}

/* The pages read the store when first shown; Today and Publish at once,
 * for their counts in the sidebar. The actions that show a place (the
 * application's show-area, show-month and show-partner forward to them)
 * load what they show. */
static void
test_window_areas_load_when_shown (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;
  GtkStack *area_stack;
  GtkWidget *events_page;
  LiaWindow *window;

  lia_sample_data_options_init (&options);
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);
  g_assert_true (lia_sample_data_write (fixture->path, &options, NULL, &error));
  g_assert_no_error (error);

  store = open_store (fixture->path);

  /* Before the first frame the window holds Today alone: making every
   * page there cost a tenth of the start-up. */
  window = lia_window_new (NULL, store, NULL);
  area_stack = get_child (window, "area_stack");
  g_assert_false (lia_window_get_loaded (window));
  g_assert_nonnull (gtk_stack_get_child_by_name (area_stack, "today"));
  for (guint i = 0; i < G_N_ELEMENTS (area_names); i++)
    if (!g_str_equal (area_names[i], "today"))
      g_assert_null (gtk_stack_get_child_by_name (area_stack, area_names[i]));
  gtk_window_present (GTK_WINDOW (window));
  lia_test_iterate_until (is_mapped, window, "the window is on screen");

  g_assert_true (lia_window_get_loaded (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), ==, "today");
  g_assert_true (get_page_store (get_area (window, "today")) == store);
  g_assert_true (get_page_store (get_area (window, "publish")) == store);
  /* The others are made when first shown: a page never visited holds
   * neither widgets nor data. */
  g_assert_null (gtk_stack_get_child_by_name (area_stack, "partners"));
  g_assert_null (gtk_stack_get_child_by_name (area_stack, "events"));
  g_assert_null (gtk_stack_get_child_by_name (area_stack, "overview"));
  g_assert_null (gtk_stack_get_child_by_name (area_stack, "trash"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "trash"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), ==, "trash");
  g_assert_true (get_page_store (get_area (window, "trash")) == store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-month", NULL));
  events_page = get_area (window, "events");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), ==, "events");
  g_assert_true (get_page_store (events_page) == store);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (events_page,
                                                                                             LIA_TYPE_EVENTS_PAGE,
                                                                                             "view_stack"))),
                   ==, "month");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-partner", "x", (gint64) 3));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (area_stack), ==, "partners");
  g_assert_true (get_page_store (get_area (window, "partners")) == store);
  g_assert_nonnull (lia_partners_page_get_partner (LIA_PARTNERS_PAGE (get_area (window, "partners"))));
  g_assert_cmpint (lia_partner_get_id (lia_partners_page_get_partner (LIA_PARTNERS_PAGE (get_area (window, "partners")))),
                   ==, 3);
  g_assert_null (gtk_stack_get_child_by_name (area_stack, "overview"));

  destroy_window (window);
}

static GtkWidget *
get_partner_list (LiaWindow *window)
{
  return GTK_WIDGET (gtk_widget_get_template_child (get_area (window, "partners"), LIA_TYPE_PARTNERS_PAGE, "list_view"));
}

/* The list has scrolled to the partner and made the rows around it. */
static gboolean
partner_list_scrolled (gpointer data)
{
  GtkWidget *list = get_partner_list (data);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  guint n_rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n_rows++;

  return gtk_adjustment_get_value (adjustment) > 0 && n_rows > 5;
}

/* Showing a partner far down the list on the first visit to Partners (from
 * Today, or the desktop's show-partner) scrolls the list to it with its
 * neighbours around it: in GTK 4.8 a scroll before the list had rows left
 * the first row alone on screen. */
static void
test_window_show_partner_scrolls (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;
  LiaPartnerQuery query;
  LiaWindow *window;
  gint64 last_id;

  lia_sample_data_options_init (&options);
  g_assert_true (lia_sample_data_write (fixture->path, &options, NULL, &error));
  g_assert_no_error (error);
  store = open_store (fixture->path);
  lia_partner_query_init (&query);
  ids = lia_store_query_partner_ids (store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, 30);
  last_id = g_array_index (ids, gint64, ids->len - 1);

  window = lia_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  lia_test_iterate_until (is_mapped, window, "the window is on screen");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-partner", "x", last_id));
  lia_test_iterate_until (partner_list_scrolled, window, "the partner list scrolled to the partner");
  g_assert_cmpint (lia_partner_get_id (lia_partners_page_get_partner (LIA_PARTNERS_PAGE (get_area (window, "partners")))),
                   ==, last_id);

  destroy_window (window);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

/* A large desk: each group of Today shows its first rows, and "Show More"
 * the next ones; the counts stay whole. */
static void
test_window_today_rows_by_step (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;
  LiaTodayPage *today;
  GtkWidget *groups_box;
  gboolean more_shown = FALSE;
  guint total = 0;
  LiaWindow *window;

  lia_sample_data_options_init (&options);
  options.partners = 400;
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);
  g_assert_true (lia_sample_data_write (fixture->path, &options, NULL, &error));
  g_assert_no_error (error);

  store = open_store (fixture->path);
  window = present_window (store, NULL);
  today = LIA_TODAY_PAGE (get_area (window, "today"));
  groups_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (today), LIA_TYPE_TODAY_PAGE, "groups_box"));

  for (GtkWidget *group = gtk_widget_get_first_child (groups_box); group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GtkWidget *header = gtk_widget_get_first_child (group);
      GtkWidget *list = gtk_widget_get_next_sibling (header);
      GtkWidget *more = list != NULL ? gtk_widget_get_next_sibling (list) : NULL;
      guint count, rows;

      /* The groups only: a title, the list and its "Show More". */
      if (!GTK_IS_LIST_BOX (list) || !GTK_IS_BUTTON (more) || !gtk_widget_get_visible (group))
        continue;
      count = atoi (gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (header))));
      rows = count_rows (list);

      total += count;
      g_assert_cmpuint (rows, ==, MIN (count, 20));
      g_assert_cmpint (gtk_widget_get_visible (more), ==, count > 20);
      if (count > 20)
        {
          more_shown = TRUE;
          g_signal_emit_by_name (more, "clicked");
          g_assert_cmpuint (count_rows (list), ==, MIN (count, 40));
          g_assert_cmpint (gtk_widget_get_visible (more), ==, count > 40);
        }
    }

  g_assert_true (more_shown);
  g_assert_cmpuint (total, ==, lia_today_page_get_count (today));

  destroy_window (window);
}


static gboolean
has_class_action (GType       type,
                  const char *name)
{
  GtkWidgetClass *widget_class = g_type_class_ref (type);
  const GVariantType *parameter_type;
  const char *action_name;
  const char *property_name;
  gboolean found = FALSE;
  GType owner;
  guint i = 0;

  /* GTK 4.8 writes every out argument. */
  while (!found && gtk_widget_class_query_action (widget_class, i++, &owner, &action_name,
                                                  &parameter_type, &property_name))
    found = g_str_equal (action_name, name);
  g_type_class_unref (widget_class);

  return found;
}

/* The shortcuts window is not built with the window (GtkApplication would
 * build one for each window before it shows), but by the window's action
 * when first asked for. Presenting it is left out: GTK 4.8's shortcut
 * labels warn of a negative width when laid out. */
static void
test_window_shortcuts (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LiaStore) store = open_store (fixture->path);
  LiaWindow *window = present_window (store, NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      g_assert_false (GTK_IS_SHORTCUTS_WINDOW (toplevel));
    }
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (has_class_action (LIA_TYPE_WINDOW, "win.show-help-overlay"));
  g_assert_true (g_resources_get_info ("/org/liaisonapp/Liaison/gui/lia-shortcuts-window.ui",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));

  destroy_window (window);
}

static void
test_window_size_saved (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LiaStore) store = open_store (fixture->path);
  GSettings *settings = lia_settings_get_gsettings (lia_settings_get_default ());
  LiaWindow *window;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = present_window (store, NULL);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  destroy_window (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static void
test_window_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  LiaWindow *window;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar;

  g_assert_true (lia_store_set_welcome_done (store, &error));
  g_assert_no_error (error);

  window = lia_window_new (NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  gtk_window_present (GTK_WINDOW (window));
  lia_test_iterate_until (is_mapped, window, "the window is on screen");

  leaflet = get_child (window, "leaflet");
  sidebar = get_child (window, "sidebar");
  g_assert_cmpstr (visible_page (window), ==, "desk");
  lia_test_iterate_until (is_folded, leaflet, "the desk folds");

  /* Folded, the window opens on the area; Back shows the list of areas. */
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  g_signal_emit_by_name (sidebar, "row-activated", gtk_list_box_get_row_at_index (sidebar, 4));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (LIA_IS_OVERVIEW_PAGE (gtk_stack_get_visible_child (get_child (window, "area_stack"))));

  destroy_window (window);
}

static AdwMessageDialog *
find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == parent)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog_for (data) != NULL;
}

static void
test_window_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  AdwStatusPage *error_page;
  AdwMessageDialog *dialog;
  LiaWindow *window;

  g_file_set_contents (fixture->path, "These are not the rows you are looking for.\n"
                                      "Not an sqlite file at all, but long enough to look like one.\n",
                       -1, &error);
  g_assert_no_error (error);

  database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_null (database);
  g_assert_nonnull (error);

  window = present_window (NULL, error);
  error_page = get_child (window, "error_page");

  g_assert_cmpstr (visible_page (window), ==, "error");
  g_assert_null (lia_window_get_store (window));
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "Cannot Open the Database");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), error->message));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Liaison");

  lia_test_iterate_until (has_dialog, window, "the error dialog is shown");
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), error->message));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Open another database"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "open");
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));

  /* Close leaves the window and its status page. */
  adw_message_dialog_response (dialog, "close");
  g_assert_cmpstr (visible_page (window), ==, "error");

  destroy_window (window);
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

  g_test_add ("/window/welcome", Fixture, NULL, fixture_setup, test_window_welcome, fixture_teardown);
  g_test_add ("/window/start-empty", Fixture, NULL, fixture_setup, test_window_start_empty, fixture_teardown);
  g_test_add ("/window/explore-sample", Fixture, NULL, fixture_setup, test_window_explore_sample, fixture_teardown);
  g_test_add ("/window/sample-database", Fixture, NULL, fixture_setup, test_window_sample_database, fixture_teardown);
  g_test_add ("/window/size-saved", Fixture, NULL, fixture_setup, test_window_size_saved, fixture_teardown);
  g_test_add ("/window/narrow", Fixture, NULL, fixture_setup, test_window_narrow, fixture_teardown);
  g_test_add ("/window/areas-load-when-shown", Fixture, NULL, fixture_setup, test_window_areas_load_when_shown, fixture_teardown);
  g_test_add ("/window/show-partner-scrolls", Fixture, NULL, fixture_setup, test_window_show_partner_scrolls, fixture_teardown);
  g_test_add ("/window/today-rows-by-step", Fixture, NULL, fixture_setup, test_window_today_rows_by_step, fixture_teardown);
  g_test_add ("/window/shortcuts", Fixture, NULL, fixture_setup, test_window_shortcuts, fixture_teardown);
  g_test_add ("/window/error", Fixture, NULL, fixture_setup, test_window_error, fixture_teardown);

  ret = g_test_run ();

  lia_test_remove_tree (data_home);

  return ret;
}
