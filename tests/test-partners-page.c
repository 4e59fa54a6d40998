/* test-partners-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Partners area in a real window on real database files: the list and
 * its search, a new partner through the editor, a partner's logo, logging a
 * contact, correcting a history entry, the trash and its undo (partners,
 * contacts, history entries), the empty state.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-agreement-editor.h"
#include "lia-contact-editor.h"
#include "lia-contact-logger.h"
#include "lia-database.h"
#include "lia-expectation-editor.h"
#include "lia-partner-editor.h"
#include "lia-partner-list.h"
#include "lia-partner-view.h"
#include "lia-partners-page.h"
#include "lia-sample-data.h"
#include "lia-store.h"
#include "lia-time-format.h"
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

static void
present_window (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean narrow = GPOINTER_TO_INT (data);

  fixture->window = lia_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), narrow ? 400 : 1200, narrow ? 700 : 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (is_mapped, fixture->window, "the window is on screen");
}

static void
fixture_setup_sample (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LiaSampleDataOptions options;

  fixture->dir = lia_test_make_temp_dir ("partners-page");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);

  lia_sample_data_options_init (&options);
  /* A fixed day: the same community on every day the tests run. */
  g_date_set_dmy (&options.today, 2, G_DATE_NOVEMBER, 2026);
  g_assert_true (lia_sample_data_write (fixture->path, &options, NULL, &error));
  g_assert_no_error (error);

  fixture->store = open_store (fixture->path);
  present_window (fixture, data);
}

static void
fixture_setup_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = lia_test_make_temp_dir ("partners-page");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->store = open_store (fixture->path);
  g_assert_true (lia_store_set_welcome_done (fixture->store, &error));
  g_assert_no_error (error);
  present_window (fixture, data);
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

static LiaPartnersPage *
get_page (Fixture *fixture)
{
  GObject *area_stack = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LIA_TYPE_WINDOW, "area_stack");
  GtkWidget *page;

  g_assert_true (GTK_IS_STACK (area_stack));

  /* The window opens on Today; the sidebar brings Partners, made when
   * first shown. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (area_stack)), "partners") != 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "partners"));
  page = gtk_stack_get_child_by_name (GTK_STACK (area_stack), "partners");
  g_assert_true (LIA_IS_PARTNERS_PAGE (page));
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (area_stack)) == page);

  return LIA_PARTNERS_PAGE (page);
}

static gpointer
get_page_child (LiaPartnersPage *page,
                const char      *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), LIA_TYPE_PARTNERS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static guint
count_listed (LiaPartnersPage *page)
{
  GtkListView *list_view = get_page_child (page, "list_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view)));
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
}

/* Activates @action_name on @window, which closes it, and waits until it
 * is gone (it may be finalized at once). */
static void
activate_and_wait_closed (gpointer    window,
                          const char *action_name)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action_name, NULL));
  lia_test_iterate_until (lia_test_is_null, &weak, "the dialog is gone");
}

static gint64
first_partner_id (LiaPartnersPage *page)
{
  GtkListView *list_view = get_page_child (page, "list_view");
  g_autoptr(LiaPartner) partner = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)), 0);

  g_assert_true (LIA_IS_PARTNER (partner));
  return lia_partner_get_id (partner);
}

typedef struct
{
  LiaPartnersPage *page;
  guint            n_items;
} CountCondition;

static gboolean
count_is_below (gpointer data)
{
  CountCondition *condition = data;

  return count_listed (condition->page) < condition->n_items;
}

static gboolean
count_is_back (gpointer data)
{
  CountCondition *condition = data;

  return count_listed (condition->page) == condition->n_items;
}

static void
test_partners_page_list_and_search (Fixture       *fixture,
                                    gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  GtkSearchEntry *search_entry = get_page_child (page, "search_entry");
  CountCondition condition = { page, 60 };
  GtkListView *list_view = get_page_child (page, "list_view");
  guint n_found;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_page_child (page, "main_stack")), ==, "partners");
  g_assert_cmpuint (count_listed (page), ==, 60);
  g_assert_cmpstr (gtk_label_get_label (get_page_child (page, "count_label")), ==, "60 partners");
  g_assert_true (gtk_list_view_get_model (list_view) != NULL);

  /* Ctrl+F searches everything (the window's); typing in the list filters it. */
  g_assert_true (gtk_search_entry_get_key_capture_widget (search_entry) == GTK_WIDGET (list_view));

  /* Searching as one types narrows the list: search the first word of the
   * first partner's name (the sample's names follow its seed and day, so
   * the word is read from the data, not written here). */
  {
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
    g_autoptr(LiaPartner) first = g_list_model_get_item (model, 0);
    g_auto(GStrv) words = g_strsplit (lia_partner_get_name (first), " ", 2);
    guint n_expected = 0, n_prefixed = 0;

    for (guint i = 0; i < 60; i++)
      {
        g_autoptr(LiaPartner) partner = g_list_model_get_item (model, i);

        if (g_str_has_prefix (lia_partner_get_name (partner), words[0]))
          n_expected++;
      }
    g_assert_cmpuint (n_expected, >=, 1);

    gtk_editable_set_text (GTK_EDITABLE (search_entry), words[0]);
    lia_test_iterate_until (count_is_below, &condition, "the search narrows the list");
    n_found = count_listed (page);

    /* Every partner named so is found (other fields may match too). */
    for (guint i = 0; i < n_found; i++)
      {
        g_autoptr(LiaPartner) partner = g_list_model_get_item (model, i);

        if (g_str_has_prefix (lia_partner_get_name (partner), words[0]))
          n_prefixed++;
      }
    g_assert_cmpuint (n_prefixed, ==, n_expected);
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_page_child (page, "list_stack")), ==, "list");

  /* Nothing matches: the list says so. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "Zzyzxqwv");
  condition.n_items = 1;
  lia_test_iterate_until (count_is_below, &condition, "nothing matches");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_page_child (page, "list_stack")), ==, "no-results");
  g_assert_nonnull (strstr (adw_status_page_get_description (get_page_child (page, "no_results_page")), "Zzyzxqwv"));

  /* Clearing the filters brings everyone back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.clear-filters", NULL));
  condition.n_items = 60;
  lia_test_iterate_until (count_is_back, &condition, "every partner is back");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "");

  /* A filter from the menu narrows the list too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.status", "i", LIA_PARTNER_STATUS_PROSPECT));
  g_assert_cmpuint (count_listed (page), <, 60);
  for (guint i = 0; i < count_listed (page); i++)
    {
      g_autoptr(LiaPartner) partner = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list_view)), i);

      g_assert_cmpint (lia_partner_get_status (partner), ==, LIA_PARTNER_STATUS_PROSPECT);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.status", "i", -1));
  g_assert_cmpuint (count_listed (page), ==, 60);
}

static void
test_partners_page_create (Fixture       *fixture,
                           gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  g_autoptr(LiaPartner) saved = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  LiaPartnerEditor *editor;
  LiaPartnerQuery query;
  GObject *name_row, *email_row, *website_row;
  LiaPartner *shown;

  g_assert_null (find_toplevel (LIA_TYPE_PARTNER_EDITOR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.new", NULL));
  editor = find_toplevel (LIA_TYPE_PARTNER_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (fixture->window));

  name_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_PARTNER_EDITOR, "name_row");
  email_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_PARTNER_EDITOR, "email_row");
  website_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_PARTNER_EDITOR, "website_row");

  /* Empty, the form cannot be saved. */
  g_assert_false (lia_partner_editor_get_valid (editor));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Riverside Seed Library");
  g_assert_true (lia_partner_editor_get_valid (editor));

  /* A wrong e-mail address is shown as wrong, and Save waits. */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "seeds at riverside");
  g_assert_false (lia_partner_editor_get_valid (editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (email_row), "error"));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (find_toplevel (LIA_TYPE_PARTNER_EDITOR) == editor);

  gtk_editable_set_text (GTK_EDITABLE (email_row), "seeds@riverside.example.org");
  gtk_editable_set_text (GTK_EDITABLE (website_row), "https://seeds.example.org");
  g_assert_true (lia_partner_editor_get_valid (editor));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (email_row), "error"));

  activate_and_wait_closed (editor, "editor.save");

  /* Read back from the store. */
  lia_partner_query_init (&query);
  query.text = "Riverside Seed";
  ids = lia_store_query_partner_ids (fixture->store, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  saved = lia_store_get_partner (fixture->store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_partner_get_name (saved), ==, "Riverside Seed Library");
  g_assert_cmpstr (lia_partner_get_email (saved), ==, "seeds@riverside.example.org");
  g_assert_cmpstr (lia_partner_get_website (saved), ==, "https://seeds.example.org");

  /* The page lists it, and shows it. */
  {
    CountCondition condition = { page, 61 };

    lia_test_iterate_until (count_is_back, &condition, "the list has the new partner");
  }
  shown = lia_partners_page_get_partner (page);
  g_assert_nonnull (shown);
  g_assert_cmpint (lia_partner_get_id (shown), ==, lia_partner_get_id (saved));
}

static void
write_png (const char *path,
           int         width,
           int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3465a4ff);
  g_assert_true (gdk_pixbuf_savev (pixbuf, path, "png", NULL, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
has_custom_image (gpointer data)
{
  return adw_avatar_get_custom_image (data) != NULL;
}

static gboolean
has_no_custom_image (gpointer data)
{
  return adw_avatar_get_custom_image (data) == NULL;
}

static LiaPartnerEditor *
open_editor (LiaPartnersPage *page)
{
  LiaPartnerEditor *editor;

  g_assert_null (find_toplevel (LIA_TYPE_PARTNER_EDITOR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.edit", NULL));
  editor = find_toplevel (LIA_TYPE_PARTNER_EDITOR);
  g_assert_nonnull (editor);

  return editor;
}

static void
test_partners_page_logo (Fixture       *fixture,
                         gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  gint64 partner_id = first_partner_id (page);
  g_autofree char *big_path = g_build_filename (fixture->dir, "big-logo.png", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.png", NULL);
  g_autofree char *heavy_path = g_build_filename (fixture->dir, "heavy.png", NULL);
  g_autoptr(GFile) big_file = g_file_new_for_path (big_path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) heavy_file = g_file_new_for_path (heavy_path);
  g_autofree char *heavy = g_malloc0 (3 * 1024 * 1024);
  g_autoptr(LiaPartner) saved = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  LiaPartnerEditor *editor;
  GObject *view, *avatar, *editor_avatar, *problem_label;
  GdkPaintable *preview;
  GBytes *logo;
  const guint8 *logo_data;
  gsize logo_size;

  write_png (big_path, 1200, 800);
  g_assert_true (g_file_set_contents (text_path, "Not an image, only words.\n", -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (heavy_path, heavy, 3 * 1024 * 1024, &error));
  g_assert_no_error (error);

  g_assert_true (lia_partners_page_select_partner (page, partner_id));
  view = get_page_child (page, "partner_view");
  avatar = gtk_widget_get_template_child (GTK_WIDGET (view), LIA_TYPE_PARTNER_VIEW, "avatar");
  g_assert_true (ADW_IS_AVATAR (avatar));

  /* Without a logo, the initials. */
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (avatar)));

  editor = open_editor (page);
  editor_avatar = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_PARTNER_EDITOR, "logo_avatar");
  problem_label = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_PARTNER_EDITOR, "logo_problem_label");
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (editor_avatar)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem_label)));

  /* A big image is taken, and scaled down. */
  g_assert_true (lia_partner_editor_load_logo_file (editor, big_file, &error));
  g_assert_no_error (error);
  preview = adw_avatar_get_custom_image (ADW_AVATAR (editor_avatar));
  g_assert_nonnull (preview);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem_label)));

  /* A text file is refused with a message, and the logo stays. */
  g_assert_false (lia_partner_editor_load_logo_file (editor, text_file, &error));
  g_assert_error (error, LIA_PARTNER_EDITOR_ERROR, LIA_PARTNER_EDITOR_ERROR_NOT_AN_IMAGE);
  g_clear_error (&error);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problem_label)), "notes.png"));
  g_assert_true (adw_avatar_get_custom_image (ADW_AVATAR (editor_avatar)) == preview);

  /* So is a file over 2 MiB. */
  g_assert_false (lia_partner_editor_load_logo_file (editor, heavy_file, &error));
  g_assert_error (error, LIA_PARTNER_EDITOR_ERROR, LIA_PARTNER_EDITOR_ERROR_LOGO_TOO_BIG);
  g_clear_error (&error);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem_label)));
  g_assert_true (adw_avatar_get_custom_image (ADW_AVATAR (editor_avatar)) == preview);

  activate_and_wait_closed (editor, "editor.save");

  /* The store holds a small PNG. */
  saved = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  logo = lia_partner_get_logo (saved);
  g_assert_nonnull (logo);
  logo_data = g_bytes_get_data (logo, &logo_size);
  g_assert_cmpuint (logo_size, >, sizeof png_signature);
  g_assert_cmpmem (logo_data, sizeof png_signature, png_signature, sizeof png_signature);
  stream = g_memory_input_stream_new_from_bytes (logo);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 512);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), <=, 512);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), >=, 340);

  /* The view shows it. */
  lia_test_iterate_until (has_custom_image, avatar, "the avatar shows the logo");

  /* Remove takes it away again; the initials come back. */
  editor = open_editor (page);
  editor_avatar = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_PARTNER_EDITOR, "logo_avatar");
  g_assert_nonnull (adw_avatar_get_custom_image (ADW_AVATAR (editor_avatar)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-logo", NULL));
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (editor_avatar)));
  activate_and_wait_closed (editor, "editor.save");

  g_clear_object (&saved);
  saved = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_null (lia_partner_get_logo (saved));
  lia_test_iterate_until (has_no_custom_image, avatar, "the avatar shows the initials");
}

static gboolean
has_summary_focus (gpointer data)
{
  LiaContactLogger *logger = data;
  GObject *summary_row = gtk_widget_get_template_child (GTK_WIDGET (logger), LIA_TYPE_CONTACT_LOGGER, "summary_row");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (logger));

  return focus != NULL && (focus == GTK_WIDGET (summary_row) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (summary_row)));
}

static void
test_partners_page_log_contact (Fixture       *fixture,
                                gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  LiaInteraction *newest;
  LiaContactLogger *logger;
  GObject *summary_row, *outcome_row, *follow_up_row, *view, *history_list;
  GtkListBoxRow *first_row;
  gint64 partner_id = first_partner_id (page);

  g_assert_true (lia_partners_page_select_partner (page, partner_id));
  g_assert_cmpint (lia_partner_get_id (lia_partners_page_get_partner (page)), ==, partner_id);

  before = lia_store_list_interactions (fixture->store, partner_id, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.log-contact", NULL));
  logger = find_toplevel (LIA_TYPE_CONTACT_LOGGER);
  g_assert_nonnull (logger);
  lia_test_iterate_until (is_mapped, logger, "the logger is on screen");
  lia_test_iterate_until (has_summary_focus, logger, "the cursor is in Summary");

  /* Call is chosen; Summary is required. */
  g_assert_false (lia_contact_logger_get_valid (logger));
  summary_row = gtk_widget_get_template_child (GTK_WIDGET (logger), LIA_TYPE_CONTACT_LOGGER, "summary_row");
  outcome_row = gtk_widget_get_template_child (GTK_WIDGET (logger), LIA_TYPE_CONTACT_LOGGER, "outcome_row");
  follow_up_row = gtk_widget_get_template_child (GTK_WIDGET (logger), LIA_TYPE_CONTACT_LOGGER, "follow_up_row");
  gtk_editable_set_text (GTK_EDITABLE (summary_row), "Talked about the spring seed swap");
  gtk_editable_set_text (GTK_EDITABLE (outcome_row), "They will bring 40 packets");
  g_assert_true (lia_contact_logger_get_valid (logger));

  /* A follow-up that is not a day holds Save back. */
  gtk_editable_set_text (GTK_EDITABLE (follow_up_row), "2026-02-30");
  g_assert_false (lia_contact_logger_get_valid (logger));
  gtk_editable_set_text (GTK_EDITABLE (follow_up_row), "2027-03-01");
  g_assert_true (lia_contact_logger_get_valid (logger));

  activate_and_wait_closed (logger, "logger.save");

  after = lia_store_list_interactions (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  newest = g_ptr_array_index (after, 0);
  g_assert_cmpstr (lia_interaction_get_summary (newest), ==, "Talked about the spring seed swap");
  g_assert_cmpstr (lia_interaction_get_outcome (newest), ==, "They will bring 40 packets");
  g_assert_cmpstr (lia_interaction_get_follow_up_on (newest), ==, "2027-03-01");
  g_assert_cmpint (lia_interaction_get_kind (newest), ==, LIA_INTERACTION_KIND_CALL);

  /* The history shows it first. */
  view = get_page_child (page, "partner_view");
  history_list = gtk_widget_get_template_child (GTK_WIDGET (view), LIA_TYPE_PARTNER_VIEW, "history_list");
  first_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (history_list), 0);
  g_assert_true (ADW_IS_ACTION_ROW (first_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first_row)), ==,
                   "Talked about the spring seed swap");

  /* The partner is still the one shown. */
  g_assert_cmpint (lia_partner_get_id (lia_partners_page_get_partner (page)), ==, partner_id);
  g_assert_cmpint (lia_partner_get_last_contact_at (lia_partners_page_get_partner (page)), >, 0);
}

static void
test_partners_page_trash_undo (Fixture       *fixture,
                               gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  g_autoptr(LiaPartner) trashed = NULL;
  g_autoptr(LiaPartner) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 partner_id = first_partner_id (page);
  CountCondition condition = { page, 0 };

  g_assert_true (lia_partners_page_select_partner (page, partner_id));
  name = g_strdup (lia_partner_get_name (lia_partners_page_get_partner (page)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.trash", NULL));

  trashed = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_deleted_at (trashed), !=, 0);
  condition.n_items = 59;
  lia_test_iterate_until (count_is_back, &condition, "the partner leaves the list");

  /* The next partner takes its place. */
  g_assert_nonnull (lia_partners_page_get_partner (page));
  g_assert_cmpint (lia_partner_get_id (lia_partners_page_get_partner (page)), !=, partner_id);

  /* The toast's Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.undo-trash", "x", partner_id));
  restored = lia_store_get_partner (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_deleted_at (restored), ==, 0);
  g_assert_cmpstr (lia_partner_get_name (restored), ==, name);
  condition.n_items = 60;
  lia_test_iterate_until (count_is_back, &condition, "the partner is back in the list");
  g_assert_cmpint (lia_partner_get_id (lia_partners_page_get_partner (page)), ==, partner_id);
}

static GtkListBoxRow *
find_row (GObject    *list,
          const char *title)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;

  return NULL;
}

static GtkWidget *
find_button_by_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
lists_interaction (LiaStore *store,
                   gint64    partner_id,
                   gint64    interaction_id)
{
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;

  interactions = lia_store_list_interactions (store, partner_id, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < interactions->len; i++)
    if (lia_interaction_get_id (g_ptr_array_index (interactions, i)) == interaction_id)
      return TRUE;

  return FALSE;
}

static void
test_partners_page_trash_contact (Fixture       *fixture,
                                  gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  GObject *view = get_page_child (page, "partner_view");
  GObject *contacts_list = gtk_widget_get_template_child (GTK_WIDGET (view), LIA_TYPE_PARTNER_VIEW, "contacts_list");
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(LiaContact) trashed = NULL;
  g_autoptr(LiaContact) restored = NULL;
  g_autoptr(GError) error = NULL;
  LiaContactEditor *editor;
  GObject *trash_button;
  gint64 partner_id = first_partner_id (page);

  g_assert_true (lia_partners_page_select_partner (page, partner_id));
  lia_contact_set_partner_id (contact, partner_id);
  lia_contact_set_name (contact, "Ines Trashworthy");
  g_assert_true (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_row (contacts_list, "Ines Trashworthy"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "partner.edit-contact", "x",
                                             lia_contact_get_id (contact)));
  editor = find_toplevel (LIA_TYPE_CONTACT_EDITOR);
  g_assert_nonnull (editor);
  trash_button = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_CONTACT_EDITOR, "trash_button");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (trash_button)));
  activate_and_wait_closed (editor, "contact-editor.trash");

  trashed = lia_store_get_contact (fixture->store, lia_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_deleted_at (trashed), !=, 0);
  g_assert_null (find_row (contacts_list, "Ines Trashworthy"));

  /* The toast's Undo, on the window's toast overlay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "trash.undo", "(ix)",
                                             (gint32)LIA_RECORD_CONTACT, lia_contact_get_id (contact)));
  restored = lia_store_get_contact (fixture->store, lia_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_deleted_at (restored), ==, 0);
  g_assert_nonnull (find_row (contacts_list, "Ines Trashworthy"));

  /* A new contact cannot be trashed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "partner.add-contact", NULL));
  editor = find_toplevel (LIA_TYPE_CONTACT_EDITOR);
  trash_button = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_CONTACT_EDITOR, "trash_button");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (trash_button)));
  activate_and_wait_closed (editor, "window.close");
}

static LiaContactLogger *
open_history_entry (LiaPartnersPage *page,
                    const char      *summary)
{
  GObject *view = get_page_child (page, "partner_view");
  GObject *history_list = gtk_widget_get_template_child (GTK_WIDGET (view), LIA_TYPE_PARTNER_VIEW, "history_list");
  GtkListBoxRow *row = find_row (history_list, summary);
  LiaContactLogger *logger;

  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (history_list, "row-activated", row);
  logger = find_toplevel (LIA_TYPE_CONTACT_LOGGER);
  g_assert_nonnull (logger);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (logger)), ==, "Edit Contact Entry");

  return logger;
}

static void
test_partners_page_edit_history (Fixture       *fixture,
                                 gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  GObject *view = get_page_child (page, "partner_view");
  GObject *history_list = gtk_widget_get_template_child (GTK_WIDGET (view), LIA_TYPE_PARTNER_VIEW, "history_list");
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(LiaInteraction) edited = NULL;
  g_autoptr(LiaInteraction) done = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  LiaContactLogger *logger;
  GObject *summary_row, *follow_up_row;
  GtkWidget *done_button;
  gint64 partner_id = first_partner_id (page);
  gint64 id;

  g_assert_true (lia_partners_page_select_partner (page, partner_id));
  lia_interaction_set_partner_id (interaction, partner_id);
  lia_interaction_set_kind (interaction, LIA_INTERACTION_KIND_MEETING);
  lia_interaction_set_occurred_at (interaction, g_date_time_to_unix (now));
  lia_interaction_set_summary (interaction, "Planned the reading garden");
  lia_interaction_set_follow_up_on (interaction, "2027-04-01");
  g_assert_true (lia_store_save_interaction (fixture->store, interaction, &error));
  g_assert_no_error (error);
  id = lia_interaction_get_id (interaction);

  /* Correct the summary; the rest stays. */
  logger = open_history_entry (page, "Planned the reading garden");
  summary_row = gtk_widget_get_template_child (GTK_WIDGET (logger), LIA_TYPE_CONTACT_LOGGER, "summary_row");
  follow_up_row = gtk_widget_get_template_child (GTK_WIDGET (logger), LIA_TYPE_CONTACT_LOGGER, "follow_up_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (summary_row)), ==, "Planned the reading garden");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (follow_up_row)), ==, "2027-04-01");
  gtk_editable_set_text (GTK_EDITABLE (summary_row), "Planned the reading garden with the youth board");
  activate_and_wait_closed (logger, "logger.save");

  edited = lia_store_get_interaction (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_interaction_get_summary (edited), ==, "Planned the reading garden with the youth board");
  g_assert_cmpstr (lia_interaction_get_follow_up_on (edited), ==, "2027-04-01");
  g_assert_cmpint (lia_interaction_get_kind (edited), ==, LIA_INTERACTION_KIND_MEETING);
  g_assert_cmpint (lia_interaction_get_occurred_at (edited), ==, g_date_time_to_unix (now));

  /* Move it to the trash, then Undo. */
  logger = open_history_entry (page, "Planned the reading garden with the youth board");
  activate_and_wait_closed (logger, "logger.trash");
  g_assert_false (lists_interaction (fixture->store, partner_id, id));
  g_assert_null (find_row (history_list, "Planned the reading garden with the youth board"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "trash.undo", "(ix)",
                                             (gint32)LIA_RECORD_INTERACTION, id));
  g_assert_true (lists_interaction (fixture->store, partner_id, id));

  /* The open follow-up's Done button. */
  done_button = find_button_by_tooltip (GTK_WIDGET (find_row (history_list, "Planned the reading garden with the youth board")),
                                        "Mark the Follow-up as Done");
  g_assert_nonnull (done_button);
  g_signal_emit_by_name (done_button, "clicked");
  done = lia_store_get_interaction (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_interaction_get_follow_up_done_at (done), !=, 0);
  g_assert_null (find_button_by_tooltip (GTK_WIDGET (find_row (history_list, "Planned the reading garden with the youth board")),
                                         "Mark the Follow-up as Done"));
}

static void
test_partners_page_empty (Fixture       *fixture,
                          gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  AdwStatusPage *empty_page = get_page_child (page, "empty_page");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_page_child (page, "main_stack")), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No Partners Yet");
  g_assert_null (lia_partners_page_get_partner (page));

  /* The empty page's button opens the editor; a first partner leaves it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.new", NULL));
  {
    LiaPartnerEditor *editor = find_toplevel (LIA_TYPE_PARTNER_EDITOR);
    GObject *name_row;

    g_assert_nonnull (editor);
    name_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_PARTNER_EDITOR, "name_row");
    gtk_editable_set_text (GTK_EDITABLE (name_row), "First Partner");
    activate_and_wait_closed (editor, "editor.save");
  }

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_page_child (page, "main_stack")), ==, "partners");
  {
    CountCondition condition = { page, 1 };

    lia_test_iterate_until (count_is_back, &condition, "the first partner is listed");
  }
}

static void
test_partners_page_add_contact (Fixture       *fixture,
                                gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  GObject *view = get_page_child (page, "partner_view");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  LiaContactEditor *editor;
  GObject *name_row, *phone_row;
  gint64 partner_id = first_partner_id (page);
  gboolean found = FALSE;

  g_assert_true (lia_partners_page_select_partner (page, partner_id));
  before = lia_store_list_contacts (fixture->store, partner_id, TRUE, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "partner.add-contact", NULL));
  editor = find_toplevel (LIA_TYPE_CONTACT_EDITOR);
  g_assert_nonnull (editor);

  name_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_CONTACT_EDITOR, "name_row");
  phone_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_CONTACT_EDITOR, "phone_row");
  g_assert_false (lia_contact_editor_get_valid (editor));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Rosa Delgado");
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "not a number");
  g_assert_false (lia_contact_editor_get_valid (editor));
  gtk_editable_set_text (GTK_EDITABLE (phone_row), "(780) 555-0199");
  g_assert_true (lia_contact_editor_get_valid (editor));
  activate_and_wait_closed (editor, "contact-editor.save");

  after = lia_store_list_contacts (fixture->store, partner_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);

  /* The view lists the new person. */
  {
    GObject *contacts_list = gtk_widget_get_template_child (GTK_WIDGET (view), LIA_TYPE_PARTNER_VIEW, "contacts_list");
    GtkListBoxRow *row;

    for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (contacts_list), i)) != NULL; i++)
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Rosa Delgado") == 0)
        found = TRUE;
  }
  g_assert_true (found);
}

static void
test_partners_page_add_agreement (Fixture       *fixture,
                                  gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  GObject *view = get_page_child (page, "partner_view");
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GError) error = NULL;
  LiaAgreementEditor *editor;
  GObject *title_row, *starts_row, *ends_row;
  gint64 partner_id = first_partner_id (page);
  gboolean found = FALSE;

  g_assert_true (lia_partners_page_select_partner (page, partner_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "partner.add-agreement", NULL));
  editor = find_toplevel (LIA_TYPE_AGREEMENT_EDITOR);
  g_assert_nonnull (editor);

  title_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_AGREEMENT_EDITOR, "title_row");
  starts_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_AGREEMENT_EDITOR, "starts_row");
  ends_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_AGREEMENT_EDITOR, "ends_row");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Seed swap space");
  gtk_editable_set_text (GTK_EDITABLE (starts_row), "2027-01-01");
  gtk_editable_set_text (GTK_EDITABLE (ends_row), "2026-12-31");
  g_assert_false (lia_agreement_editor_get_valid (editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ends_row), "error"));
  gtk_editable_set_text (GTK_EDITABLE (ends_row), "2027-12-31");
  g_assert_true (lia_agreement_editor_get_valid (editor));
  activate_and_wait_closed (editor, "agreement-editor.save");

  agreements = lia_store_list_agreements (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agreements->len; i++)
    {
      LiaAgreement *agreement = g_ptr_array_index (agreements, i);

      if (g_strcmp0 (lia_agreement_get_title (agreement), "Seed swap space") == 0)
        {
          g_assert_cmpstr (lia_agreement_get_starts_on (agreement), ==, "2027-01-01");
          g_assert_cmpstr (lia_agreement_get_ends_on (agreement), ==, "2027-12-31");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_partners_page_add_expectation (Fixture       *fixture,
                                    gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  GObject *view = get_page_child (page, "partner_view");
  g_autoptr(GPtrArray) expectations = NULL;
  g_autoptr(GError) error = NULL;
  LiaExpectationEditor *editor;
  GObject *what_row, *due_row, *cadence_spin;
  gint64 partner_id = first_partner_id (page);
  gboolean found = FALSE;

  g_assert_true (lia_partners_page_select_partner (page, partner_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "partner.add-expectation", NULL));
  editor = find_toplevel (LIA_TYPE_EXPECTATION_EDITOR);
  g_assert_nonnull (editor);

  what_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_EXPECTATION_EDITOR, "what_row");
  due_row = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_EXPECTATION_EDITOR, "due_row");
  cadence_spin = gtk_widget_get_template_child (GTK_WIDGET (editor), LIA_TYPE_EXPECTATION_EDITOR, "cadence_spin");
  gtk_editable_set_text (GTK_EDITABLE (what_row), "Annual usage report");
  g_assert_true (lia_expectation_editor_get_valid (editor));

  /* Neither repeating nor due: it could never come due. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cadence_spin), 0);
  g_assert_false (lia_expectation_editor_get_valid (editor));
  gtk_editable_set_text (GTK_EDITABLE (due_row), "2027-06-30");
  g_assert_true (lia_expectation_editor_get_valid (editor));
  activate_and_wait_closed (editor, "expectation-editor.save");

  expectations = lia_store_list_expectations (fixture->store, partner_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < expectations->len; i++)
    {
      LiaExpectation *expectation = g_ptr_array_index (expectations, i);

      if (g_strcmp0 (lia_expectation_get_what (expectation), "Annual usage report") == 0)
        {
          g_assert_cmpstr (lia_expectation_get_due_on (expectation), ==, "2027-06-30");
          found = TRUE;
        }
    }
  g_assert_true (found);
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
test_partners_page_shortcuts (Fixture       *fixture,
                              gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  GtkWidget *list_view = get_page_child (page, "list_view");
  struct {
    GtkWidget  *widget;
    const char *accelerator;
    const char *action;
  } cases[] = {
    { GTK_WIDGET (page), "<Control>n", "partners.new" },
    { GTK_WIDGET (page), "<Control>l", "partners.log-contact" },
    { GTK_WIDGET (page), "<Control>e", "partners.edit" },
    { list_view, "Delete", "partners.trash" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *action = dup_shortcut_action (cases[i].widget, cases[i].accelerator);

      g_assert_cmpstr (action, ==, cases[i].action);
    }

  /* Delete is not a shortcut of the whole page: it deletes text in the search. */
  g_assert_null (dup_shortcut_action (GTK_WIDGET (page), "Delete"));
  /* Ctrl+F is the window's search of everything. */
  g_assert_null (dup_shortcut_action (GTK_WIDGET (page), "<Control>f"));
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static void
test_partners_page_narrow (Fixture       *fixture,
                           gconstpointer  data)
{
  LiaPartnersPage *page = get_page (fixture);
  AdwLeaflet *leaflet = get_page_child (page, "leaflet");
  GtkListView *list_view = get_page_child (page, "list_view");
  GObject *view = get_page_child (page, "partner_view");
  GObject *back_button = gtk_widget_get_template_child (GTK_WIDGET (view), LIA_TYPE_PARTNER_VIEW, "back_button");

  lia_test_iterate_until (is_folded, leaflet, "the page folds");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  /* Choosing a partner shows its record, with a way back. */
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "view");
  g_assert_nonnull (lia_partners_page_get_partner (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (back_button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "partners.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
}

static void
test_partners_page_relative_time (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 11, 28, 15, 0, 0);
  gint64 now_unix = g_date_time_to_unix (now);
  struct {
    gint64      seconds_ago;
    const char *expected;
  } cases[] = {
    { 60, "Today" },
    { 86400, "Yesterday" },
    { 3 * 86400, "3 days ago" },
    { 21 * 86400, "3 weeks ago" },
    { 65 * 86400, "2 months ago" },
    { 800 * 86400, "2 years ago" },
    { -86400, "Tomorrow" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lia_format_relative_time (now_unix - cases[i].seconds_ago, now);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autofree char *text = lia_format_relative_day ("2026-12-12", now);

    g_assert_cmpstr (text, ==, "In 2 weeks");
  }
  g_assert_null (lia_format_relative_day ("2026-02-30", now));
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

  g_test_add_func ("/partners-page/relative-time", test_partners_page_relative_time);
  g_test_add ("/partners-page/list-and-search", Fixture, NULL,
              fixture_setup_sample, test_partners_page_list_and_search, fixture_teardown);
  g_test_add ("/partners-page/create", Fixture, NULL,
              fixture_setup_sample, test_partners_page_create, fixture_teardown);
  g_test_add ("/partners-page/logo", Fixture, NULL,
              fixture_setup_sample, test_partners_page_logo, fixture_teardown);
  g_test_add ("/partners-page/log-contact", Fixture, NULL,
              fixture_setup_sample, test_partners_page_log_contact, fixture_teardown);
  g_test_add ("/partners-page/trash-undo", Fixture, NULL,
              fixture_setup_sample, test_partners_page_trash_undo, fixture_teardown);
  g_test_add ("/partners-page/trash-contact", Fixture, NULL,
              fixture_setup_sample, test_partners_page_trash_contact, fixture_teardown);
  g_test_add ("/partners-page/edit-history", Fixture, NULL,
              fixture_setup_sample, test_partners_page_edit_history, fixture_teardown);
  g_test_add ("/partners-page/add-contact", Fixture, NULL,
              fixture_setup_sample, test_partners_page_add_contact, fixture_teardown);
  g_test_add ("/partners-page/add-agreement", Fixture, NULL,
              fixture_setup_sample, test_partners_page_add_agreement, fixture_teardown);
  g_test_add ("/partners-page/add-expectation", Fixture, NULL,
              fixture_setup_sample, test_partners_page_add_expectation, fixture_teardown);
  g_test_add ("/partners-page/shortcuts", Fixture, NULL,
              fixture_setup_sample, test_partners_page_shortcuts, fixture_teardown);
  g_test_add ("/partners-page/narrow", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup_sample, test_partners_page_narrow, fixture_teardown);
  g_test_add ("/partners-page/empty", Fixture, NULL,
              fixture_setup_empty, test_partners_page_empty, fixture_teardown);

  ret = g_test_run ();

  lia_test_remove_tree (data_home);

  return ret;
}
