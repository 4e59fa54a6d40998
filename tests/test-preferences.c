/* test-preferences.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences window writes what its widgets say to LiaSettings at
 * once, and follows the settings when they change elsewhere.
 */

#include "config.h"

#include <adwaita.h>

#include "lia-preferences-window.h"
#include "lia-settings.h"
#include "lia-test-util.h"

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
reset_settings (void)
{
  GSettings *gsettings = lia_settings_get_gsettings (lia_settings_get_default ());

  g_settings_reset (gsettings, "library-name");
  g_settings_reset (gsettings, "library-time-zone");
  g_settings_reset (gsettings, "staff-names");
  g_settings_reset (gsettings, "page-size");
}

static GtkWidget *
present_preferences (void)
{
  GtkWidget *window;

  reset_settings ();

  window = lia_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  lia_test_iterate_until (is_mapped, window, "the preferences are on screen");

  return window;
}

static void
destroy_preferences (GtkWidget *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  lia_test_iterate_until (lia_test_is_null, &weak, "the preferences are finalized");
}

static gpointer
get_child (GtkWidget  *window,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (window, LIA_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

/* Library name */

typedef struct
{
  GtkEditable *editable;
  const char  *text;
} TextWait;

static gboolean
has_text (gpointer data)
{
  TextWait *wait = data;

  return g_strcmp0 (gtk_editable_get_text (wait->editable), wait->text) == 0;
}

static void
test_preferences_library_name (void)
{
  LiaSettings *settings = lia_settings_get_default ();
  GtkWidget *window = present_preferences ();
  AdwEntryRow *row = get_child (window, "library_name_row");
  TextWait wait = { GTK_EDITABLE (row), "Elm Street Branch" };

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* Typing alone changes nothing; applying does. */
  gtk_editable_set_text (GTK_EDITABLE (row), "  Riverside Public Library ");
  g_assert_cmpstr (lia_settings_get_library_name (settings), ==, "");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (lia_settings_get_library_name (settings), ==, "Riverside Public Library");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Riverside Public Library");

  lia_settings_set_library_name (settings, "Elm Street Branch");
  lia_test_iterate_until (has_text, &wait, "the row shows the new library name");

  destroy_preferences (window);

  /* A new window shows the stored name. */
  window = present_preferences ();
  row = get_child (window, "library_name_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  destroy_preferences (window);
}

/* Time zone */

static guint
find_item (AdwComboRow *row,
           const char  *title)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), title) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

typedef struct
{
  AdwComboRow *row;
  guint        position;
} SelectedWait;

static gboolean
has_selected (gpointer data)
{
  SelectedWait *wait = data;

  return adw_combo_row_get_selected (wait->row) == wait->position;
}

typedef struct
{
  AdwComboRow *row;
  const char  *title;
} TitleWait;

static gboolean
has_selected_title (gpointer data)
{
  TitleWait *wait = data;
  GListModel *model = adw_combo_row_get_model (wait->row);
  guint position = adw_combo_row_get_selected (wait->row);

  return position < g_list_model_get_n_items (model) &&
         g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), position), wait->title) == 0;
}

static void
test_preferences_time_zone (void)
{
  LiaSettings *settings = lia_settings_get_default ();
  GSettings *gsettings = lia_settings_get_gsettings (settings);
  GtkWidget *window = present_preferences ();
  AdwComboRow *row = get_child (window, "time_zone_row");
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *local_title = NULL;
  g_autofree char *tzid = NULL;
  g_autofree char *stored = NULL;
  SelectedWait wait = { row, 0 };
  TitleWait title_wait = { row, "America/Montreal" };
  guint paris;
  guint edmonton;
  guint utc;

  /* First the computer's zone, meaning none was chosen. */
  local_title = g_strdup_printf ("Computer’s Time Zone (%s)", g_time_zone_get_identifier (local));
  g_assert_cmpuint (find_item (row, local_title), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  paris = find_item (row, "Europe/Paris");
  edmonton = find_item (row, "America/Edmonton");
  utc = find_item (row, "UTC");
  g_assert_cmpuint (paris, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (edmonton, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (utc, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (edmonton, <, paris);
  /* Titles read as words: "America/Los Angeles". */
  g_assert_cmpuint (find_item (row, "America/Los Angeles"), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (find_item (row, "America/Los_Angeles"), ==, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (row, paris);
  tzid = lia_settings_dup_library_time_zone (settings);
  g_assert_cmpstr (tzid, ==, "Europe/Paris");

  adw_combo_row_set_selected (row, 0);
  stored = g_settings_get_string (gsettings, "library-time-zone");
  g_assert_cmpstr (stored, ==, "");

  lia_settings_set_library_time_zone (settings, "America/Edmonton");
  wait.position = edmonton;
  lia_test_iterate_until (has_selected, &wait, "the row shows the new time zone");

  /* An alias that zone1970.tab leaves out is still shown. */
  g_assert_cmpuint (find_item (row, "America/Montreal"), ==, GTK_INVALID_LIST_POSITION);
  lia_settings_set_library_time_zone (settings, "America/Montreal");
  lia_test_iterate_until (has_selected_title, &title_wait, "the row shows the alias");

  lia_settings_set_library_time_zone (settings, "");
  wait.position = 0;
  lia_test_iterate_until (has_selected, &wait, "the row shows the computer's zone");

  destroy_preferences (window);
}

/* Page size */

static void
test_preferences_page_size (void)
{
  LiaSettings *settings = lia_settings_get_default ();
  GtkWidget *window = present_preferences ();
  AdwComboRow *row = get_child (window, "page_size_row");
  SelectedWait wait = { row, 0 };
  GListModel *model = adw_combo_row_get_model (row);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Letter");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "A4");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==,
                    lia_page_size_for_locale () == LIA_PAGE_SIZE_A4 ? 1 : 0);

  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (lia_settings_get_page_size (settings), ==, LIA_PAGE_SIZE_A4);
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpint (lia_settings_get_page_size (settings), ==, LIA_PAGE_SIZE_LETTER);

  lia_settings_set_page_size (settings, LIA_PAGE_SIZE_A4);
  wait.position = 1;
  lia_test_iterate_until (has_selected, &wait, "the row shows A4");

  destroy_preferences (window);
}

/* Staff */

static void
assert_staff (const char * const *expected)
{
  const char * const *names = lia_settings_get_staff_names (lia_settings_get_default ());

  g_assert_true (g_strv_equal (names, expected));
}

/* The staff rows' titles, in order, without the row that adds one. */
static GStrv
dup_staff_rows (GtkWidget *window)
{
  GtkWidget *list = get_child (window, "staff_list");
  GtkWidget *add_row = get_child (window, "add_staff_row");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child == add_row || !ADW_IS_ACTION_ROW (child))
        continue;

      g_strv_builder_add (builder, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
    }

  return g_strv_builder_end (builder);
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child))
        return child;

      if ((found = find_button (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
add_staff (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

typedef struct
{
  GtkWidget          *window;
  const char * const *names;
} RowsWait;

static gboolean
has_rows (gpointer data)
{
  RowsWait *wait = data;
  g_auto(GStrv) rows = dup_staff_rows (wait->window);

  return g_strv_equal ((const char * const *)rows, wait->names);
}

static void
test_preferences_staff (void)
{
  static const char *none[] = { NULL };
  static const char *dana[] = { "Dana Whitfield", NULL };
  static const char *both[] = { "Dana Whitfield", "Sam Okafor", NULL };
  static const char *sam[] = { "Sam Okafor", NULL };
  static const char *others[] = { "Ana Lima", "Jo Park", "Lee Chan", NULL };
  GtkWidget *window = present_preferences ();
  AdwEntryRow *add_row = get_child (window, "add_staff_row");
  g_auto(GStrv) rows = NULL;
  RowsWait wait = { window, NULL };
  GtkWidget *first_row;
  GtkWidget *button;

  assert_staff (none);

  add_staff (add_row, "  Dana Whitfield  ");
  assert_staff (dana);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");

  /* No duplicates (whatever the case), no empty names. */
  add_staff (add_row, "dana whitfield");
  assert_staff (dana);
  add_staff (add_row, "   ");
  assert_staff (dana);

  add_staff (add_row, "Sam Okafor");
  assert_staff (both);
  rows = dup_staff_rows (window);
  g_assert_true (g_strv_equal ((const char * const *)rows, both));

  /* The names come before the row that adds one. */
  g_assert_true (gtk_widget_get_last_child (get_child (window, "staff_list")) == GTK_WIDGET (add_row));

  /* Each row's button removes its name. */
  first_row = gtk_widget_get_first_child (get_child (window, "staff_list"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_row)), ==, "Dana Whitfield");
  button = find_button (first_row);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Remove");
  g_signal_emit_by_name (button, "clicked");
  assert_staff (sam);

  g_assert_true (gtk_widget_activate_action (window, "prefs.remove-staff", "s", "Sam Okafor"));
  assert_staff (none);
  wait.names = none;
  lia_test_iterate_until (has_rows, &wait, "no staff rows remain");

  /* Names set elsewhere show up. */
  lia_settings_set_staff_names (lia_settings_get_default (), others);
  wait.names = others;
  lia_test_iterate_until (has_rows, &wait, "the rows show the new staff");

  destroy_preferences (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/preferences/library-name", test_preferences_library_name);
  g_test_add_func ("/preferences/time-zone", test_preferences_time_zone);
  g_test_add_func ("/preferences/page-size", test_preferences_page_size);
  g_test_add_func ("/preferences/staff", test_preferences_staff);

  return g_test_run ();
}
