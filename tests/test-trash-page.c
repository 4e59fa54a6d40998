/* test-trash-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Trash area in a real window on a real database file: what it lists,
 * Restore, Delete for Good and Empty Trash with their confirmations, the
 * empty state.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-database.h"
#include "lia-store.h"
#include "lia-trash-page.h"
#include "lia-window.h"
#include "lia-test-util.h"

#define DAY (24 * 60 * 60)

typedef struct
{
  char      *dir;
  char      *path;
  LiaStore  *store;
  LiaWindow *window;
  gint64     now;
  gint64     riverbend_id;
  gint64     oak_street_id;
  gint64     maple_id;
  gint64     dana_id;
} Fixture;

static GDateTime *
get_fixture_now (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_new_from_unix_utc (fixture->now);
}

static gboolean
is_mapped (gpointer data)
{
  /* A window's pages read the store once it is on screen. */
  return gtk_widget_get_mapped (data) && (!LIA_IS_WINDOW (data) || lia_window_get_loaded (data));
}

static gint64
add_partner (Fixture    *fixture,
             const char *name)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

static gint64
add_contact (Fixture    *fixture,
             gint64      partner_id,
             const char *name)
{
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (contact, "partner-id", partner_id, "name", name, NULL);
  g_assert_true (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);

  return lia_contact_get_id (contact);
}

/* Trashes a record as if @days_ago days ago. */
static void
trash (Fixture       *fixture,
       LiaRecordKind  kind,
       gint64         id,
       int            days_ago)
{
  g_autoptr(GError) error = NULL;
  gint64 real_now = fixture->now;

  fixture->now -= days_ago * DAY;
  g_assert_true (lia_store_trash (fixture->store, kind, id, &error));
  g_assert_no_error (error);
  fixture->now = real_now;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = lia_test_make_temp_dir ("trash-page");
  fixture->path = g_build_filename (fixture->dir, "liaison.db", NULL);

  database = lia_database_open (fixture->path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (database);
  fixture->now = g_get_real_time () / G_USEC_PER_SEC;
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
  g_assert_true (lia_store_set_welcome_done (fixture->store, &error));
  g_assert_no_error (error);

  fixture->riverbend_id = add_partner (fixture, "Riverbend Food Bank");
  fixture->oak_street_id = add_partner (fixture, "Oak Street Community Garden");
  fixture->maple_id = add_partner (fixture, "Maple Literacy Council");
  fixture->dana_id = add_contact (fixture, fixture->riverbend_id, "Dana Ortiz");

  fixture->window = lia_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (is_mapped, fixture->window, "the window is on screen");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", "trash"));
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

static LiaTrashPage *
get_page (Fixture *fixture)
{
  GObject *area_stack = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), LIA_TYPE_WINDOW, "area_stack");
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (area_stack), "trash");

  g_assert_true (LIA_IS_TRASH_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (lia_trash_page_get_store (LIA_TRASH_PAGE (page)) == fixture->store);

  return LIA_TRASH_PAGE (page);
}

static gpointer
get_page_child (LiaTrashPage *page,
                const char   *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), LIA_TYPE_TRASH_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static guint
count_rows (LiaTrashPage *page)
{
  GtkListBox *list_box = get_page_child (page, "list_box");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list_box, n) != NULL)
    n++;

  return n;
}

static AdwActionRow *
get_row (LiaTrashPage *page,
         int           index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (get_page_child (page, "list_box"), index);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return ADW_ACTION_ROW (row);
}

static const char *
row_title (LiaTrashPage *page,
           int           index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_row (page, index)));
}

static const char *
visible_state (LiaTrashPage *page)
{
  return gtk_stack_get_visible_child_name (get_page_child (page, "stack"));
}

static GtkButton *
find_button (GtkWidget  *widget,
             const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return GTK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *button = find_button (child, action_name);

      if (button != NULL)
        return button;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
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

/* As a click does; gtk_widget_activate() would wait for its animation. */
static void
click (GtkButton *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

/* Clicks @button of a row, which asks; returns the dialog. */
static AdwMessageDialog *
click_for_dialog (Fixture   *fixture,
                  GtkButton *button)
{
  AdwMessageDialog *dialog;

  g_assert_nonnull (button);
  g_assert_null (find_dialog_for (GTK_WINDOW (fixture->window)));
  click (button);
  dialog = find_dialog_for (GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);

  /* Nothing is deleted before an answer; Cancel is the safe default. */
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "delete"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  return dialog;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  lia_test_iterate_until (lia_test_is_null, &weak, "the dialog is gone");
}

static gboolean
shows_restored_toast (gpointer data)
{
  return has_label (data, "‘Oak Street Community Garden’ restored");
}

static void
test_trash_page_restore_and_delete (Fixture       *fixture,
                                    gconstpointer  data)
{
  LiaTrashPage *page = get_page (fixture);
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(LiaContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  const char *subtitle;

  /* Nothing in the trash yet. */
  g_assert_cmpstr (visible_state (page), ==, "empty");
  g_assert_cmpuint (count_rows (page), ==, 0);

  trash (fixture, LIA_RECORD_PARTNER, fixture->oak_street_id, 3);
  trash (fixture, LIA_RECORD_CONTACT, fixture->dana_id, 0);

  /* Newest first; a partner's record says whose it is. */
  g_assert_cmpstr (visible_state (page), ==, "items");
  g_assert_cmpuint (count_rows (page), ==, 2);
  g_assert_cmpstr (gtk_label_get_label (get_page_child (page, "count_label")), ==, "2 items in the trash");
  g_assert_cmpstr (row_title (page, 0), ==, "Dana Ortiz");
  subtitle = adw_action_row_get_subtitle (get_row (page, 0));
  g_assert_true (g_str_has_prefix (subtitle, "Contact of Riverbend Food Bank · Deleted "));
  g_assert_cmpstr (row_title (page, 1), ==, "Oak Street Community Garden");
  g_assert_cmpstr (adw_action_row_get_subtitle (get_row (page, 1)), ==, "Partner · Deleted 3 days ago");

  /* Restore brings the partner back, says so, and it leaves the trash. */
  click (find_button (GTK_WIDGET (get_row (page, 1)), "trash.restore"));
  partner = lia_store_get_partner (fixture->store, fixture->oak_street_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_deleted_at (partner), ==, 0);
  g_assert_cmpuint (count_rows (page), ==, 1);
  g_assert_cmpstr (row_title (page, 0), ==, "Dana Ortiz");
  /* The keyboard stays in the list. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (get_row (page, 0)));
  lia_test_iterate_until (shows_restored_toast, fixture->window, "the toast says it was restored");

  /* Delete for Good asks first; Cancel keeps the contact. */
  dialog = click_for_dialog (fixture, find_button (GTK_WIDGET (get_row (page, 0)), "trash.delete"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete ‘Dana Ortiz’ for good?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "This cannot be undone.");
  answer (dialog, "cancel");
  g_assert_cmpuint (count_rows (page), ==, 1);
  contact = lia_store_get_contact (fixture->store, fixture->dana_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_deleted_at (contact), !=, 0);
  g_clear_object (&contact);

  /* Delete removes it from the database. */
  dialog = click_for_dialog (fixture, find_button (GTK_WIDGET (get_row (page, 0)), "trash.delete"));
  answer (dialog, "delete");
  contact = lia_store_get_contact (fixture->store, fixture->dana_id, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (contact);
  g_clear_error (&error);

  /* Nothing is left: the empty state, and nothing to empty. */
  g_assert_cmpuint (count_rows (page), ==, 0);
  g_assert_cmpstr (visible_state (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (get_page_child (page, "empty_page")), ==, "Trash Is Empty");
  g_assert_false (gtk_widget_get_sensitive (get_page_child (page, "empty_button")));

  /* The rest is untouched. */
  g_clear_object (&partner);
  partner = lia_store_get_partner (fixture->store, fixture->riverbend_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_partner_get_deleted_at (partner), ==, 0);
}

static void
test_trash_page_empty_trash (Fixture       *fixture,
                             gconstpointer  data)
{
  LiaTrashPage *page = get_page (fixture);
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(LiaPartner) maple = NULL;
  g_autoptr(LiaContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  /* The contact first, then its partner: both are listed. */
  trash (fixture, LIA_RECORD_CONTACT, fixture->dana_id, 2);
  trash (fixture, LIA_RECORD_PARTNER, fixture->riverbend_id, 1);
  trash (fixture, LIA_RECORD_PARTNER, fixture->oak_street_id, 0);
  g_assert_cmpuint (count_rows (page), ==, 3);
  g_assert_cmpstr (row_title (page, 0), ==, "Oak Street Community Garden");
  g_assert_cmpstr (row_title (page, 1), ==, "Riverbend Food Bank");
  g_assert_cmpstr (row_title (page, 2), ==, "Dana Ortiz");
  g_assert_cmpstr (adw_action_row_get_subtitle (get_row (page, 1)), ==, "Partner · Deleted yesterday");

  /* Deleting a partner for good says what goes with it. */
  dialog = click_for_dialog (fixture, find_button (GTK_WIDGET (get_row (page, 1)), "trash.delete"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete ‘Riverbend Food Bank’ for good?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "This cannot be undone. Its contacts, agreements, expectations and history go with it.");
  answer (dialog, "cancel");

  /* Empty Trash asks too; Cancel keeps everything. */
  dialog = click_for_dialog (fixture, GTK_BUTTON (get_page_child (page, "empty_button")));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Empty the Trash?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "All 3 items"));
  answer (dialog, "cancel");
  g_assert_cmpuint (count_rows (page), ==, 3);

  dialog = click_for_dialog (fixture, GTK_BUTTON (get_page_child (page, "empty_button")));
  answer (dialog, "delete");

  g_assert_cmpuint (count_rows (page), ==, 0);
  g_assert_cmpstr (visible_state (page), ==, "empty");
  partner = lia_store_get_partner (fixture->store, fixture->riverbend_id, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (partner);
  g_clear_error (&error);
  partner = lia_store_get_partner (fixture->store, fixture->oak_street_id, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  contact = lia_store_get_contact (fixture->store, fixture->dana_id, &error);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* What was not in the trash stays. */
  maple = lia_store_get_partner (fixture->store, fixture->maple_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_partner_get_name (maple), ==, "Maple Literacy Council");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/trash-page/restore-and-delete", Fixture, NULL,
              fixture_setup, test_trash_page_restore_and_delete, fixture_teardown);
  g_test_add ("/trash-page/empty-trash", Fixture, NULL,
              fixture_setup, test_trash_page_empty_trash, fixture_teardown);

  return g_test_run ();
}
