/* test-print-ui.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing from the window: a LiaPrintOperation exported to PDF has the
 * document's pages on the paper of the page setup (Letter, A4), drawn
 * from the paper's corner inside the margins; the session's paper follows
 * the page-size preference; the window's Export actions write a PDF and
 * are enabled only where there is a record to print.
 */

#include "config.h"

#include <adwaita.h>
#include <poppler.h>
#include <string.h>

#include "lia-database.h"
#include "lia-event-editor.h"
#include "lia-events-page.h"
#include "lia-partners-page.h"
#include "lia-print-documents.h"
#include "lia-print-operation.h"
#include "lia-settings.h"
#include "lia-store.h"
#include "lia-window.h"
#include "lia-test-util.h"
#include "lia-test-widgets.h"

/* A document of a known number of pages, each with its number in a line
 * of text at the top left corner of the printable area. */
#define TEST_TYPE_DOCUMENT (test_document_get_type ())
G_DECLARE_FINAL_TYPE (TestDocument, test_document, TEST, DOCUMENT, LiaDocument)

struct _TestDocument
{
  LiaDocument  parent_instance;
  guint        n_pages;
  LiaPageSetup setup;
};

G_DEFINE_FINAL_TYPE (TestDocument, test_document, LIA_TYPE_DOCUMENT)

static guint
test_document_paginate (LiaDocument        *document,
                        const LiaPageSetup *setup,
                        PangoContext       *context,
                        GError            **error)
{
  TestDocument *self = TEST_DOCUMENT (document);

  g_assert_nonnull (context);
  self->setup = *setup;

  return self->n_pages;
}

static void
test_document_draw_page (LiaDocument *document,
                         cairo_t     *cr,
                         guint        page)
{
  TestDocument *self = TEST_DOCUMENT (document);
  g_autoptr(GObject) layout = G_OBJECT (pango_cairo_create_layout (cr));
  g_autofree char *text = g_strdup_printf ("Page %u of %u", page + 1, self->n_pages);

  pango_layout_set_text (PANGO_LAYOUT (layout), text, -1);
  cairo_move_to (cr, self->setup.margin_left, self->setup.margin_top);
  pango_cairo_show_layout (cr, PANGO_LAYOUT (layout));
}

static void
test_document_class_init (TestDocumentClass *klass)
{
  LIA_DOCUMENT_CLASS (klass)->paginate = test_document_paginate;
  LIA_DOCUMENT_CLASS (klass)->draw_page = test_document_draw_page;
}

static void
test_document_init (TestDocument *self)
{
}

typedef struct
{
  char      *dir;
  LiaStore  *store;
  LiaWindow *window;
} Fixture;

static GDateTime *
get_fixture_now (gpointer user_data)
{
  return g_date_time_new_utc (2026, 11, 2, 15, 0, 0);
}

static gboolean
is_mapped (gpointer data)
{
  /* A window's pages read the store once it is on screen. */
  return gtk_widget_get_mapped (data) && (!LIA_IS_WINDOW (data) || lia_window_get_loaded (data));
}

/* A whole PDF at @data: the export writes beside it and renames, but a
 * reader must not depend on it. */
static gboolean
pdf_is_written (gpointer data)
{
  g_autofree char *uri = g_filename_to_uri (data, NULL, NULL);
  g_autoptr(GObject) pdf = NULL;

  if (!g_file_test (data, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  pdf = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));

  return pdf != NULL;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          g_autoptr(GMenuModel) owned = link;

          if (menu_has_action (link, action))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
is_menu_button_for (GtkWidget     *widget,
                    gconstpointer  action)
{
  GMenuModel *model;

  return GTK_IS_MENU_BUTTON (widget) &&
         (model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget))) != NULL &&
         menu_has_action (model, action);
}

/* A menu's entry (GtkModelButton is private) by its label, which has
 * lost its mnemonic's underline. */
static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") == NULL ||
      !g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;
  g_object_get (widget, "text", &text, NULL);

  return g_strcmp0 (text, label) == 0;
}

/* Whether the entry of @action in the menu it is in can be chosen (an
 * action that is disabled greys its entry out): what a user sees. */
static gboolean
menu_item_is_sensitive (GtkWidget  *root,
                        const char *action,
                        const char *label)
{
  GtkWidget *button = lia_test_find_widget (root, is_menu_button_for, action);
  GtkWidget *item;
  gboolean sensitive;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  item = lia_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                               is_menu_item, label);
  g_assert_nonnull (item);
  sensitive = gtk_widget_get_sensitive (item);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  iterate ();

  return sensitive;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  lia_settings_set_library_time_zone (lia_settings_get_default (), "America/Edmonton");
  lia_settings_set_page_size (lia_settings_get_default (), LIA_PAGE_SIZE_LETTER);
  lia_print_set_page_setup (NULL);

  fixture->dir = lia_test_make_temp_dir ("print-ui");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (database);
  lia_store_set_clock (fixture->store, get_fixture_now, fixture);
  g_assert_true (lia_store_set_welcome_done (fixture->store, &error));
  g_assert_no_error (error);

  fixture->window = lia_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (is_mapped, fixture->window, "the window is on screen");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gpointer weak = fixture->window;

  lia_print_set_export_file_for_testing (NULL);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  lia_test_iterate_until (lia_test_is_null, &weak, "the window is finalized");

  g_assert_finalize_object (fixture->store);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gpointer
window_area (Fixture    *fixture,
             const char *name)
{
  GtkStack *area_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                   LIA_TYPE_WINDOW, "area_stack"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area", "s", name));

  return gtk_stack_get_child_by_name (area_stack, name);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  return pdf;
}

static void
on_operation_done_cb (GtkPrintOperation       *operation,
                      GtkPrintOperationResult  result,
                      gpointer                 user_data)
{
  GtkPrintOperationResult *done = user_data;

  *done = result;
}

static gboolean
is_done (gpointer data)
{
  return *(GtkPrintOperationResult *)data != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
}

/* Runs @operation to a PDF at @path. */
static void
run_export (LiaPrintOperation *operation,
            GtkWindow         *parent,
            const char        *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult done = GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_signal_connect (operation, "done", G_CALLBACK (on_operation_done_cb), &done);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    parent, &error);
  g_assert_no_error (error);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    lia_test_iterate_until (is_done, &done, "the export is done");
  else
    done = result;
  g_assert_cmpint (done, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

/* The operation's PDF: the document's three pages, each the paper's size,
 * the text where the document put it (the paper's corner is the origin:
 * use-full-page) and inside the margins. */
static void
check_export (Fixture     *fixture,
              const char  *paper_name,
              double       width,
              double       height)
{
  g_autoptr(TestDocument) document = g_object_new (TEST_TYPE_DOCUMENT, NULL);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(LiaPrintOperation) operation = NULL;
  g_autoptr(GObject) pdf = NULL;   /* Poppler 22.02 has no autoptr */
  g_autofree char *path = g_build_filename (fixture->dir, "export.pdf", NULL);
  GtkPaperSize *paper = gtk_paper_size_new (paper_name);

  document->n_pages = 3;
  lia_document_set_title (LIA_DOCUMENT (document), "Test Document");
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_paper_size_free (paper);
  lia_print_set_page_setup (page_setup);

  operation = lia_print_operation_new (LIA_DOCUMENT (document));
  g_assert_true (lia_print_operation_get_document (operation) == LIA_DOCUMENT (document));
  g_assert_true (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation)) != NULL);
  run_export (operation, GTK_WINDOW (fixture->window), path);

  /* The document was laid out for the paper, with margins. */
  g_assert_cmpfloat_with_epsilon (document->setup.width, width, 0.5);
  g_assert_cmpfloat_with_epsilon (document->setup.height, height, 0.5);
  g_assert_cmpfloat (document->setup.margin_top, >=, 36 - 0.01);
  g_assert_cmpfloat (document->setup.margin_left, >=, 36 - 0.01);

  pdf = G_OBJECT (open_pdf (path));
  g_assert_cmpint (poppler_document_get_n_pages (POPPLER_DOCUMENT (pdf)), ==, 3);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GObject) page_object = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (pdf), i));
      PopplerPage *page = POPPLER_PAGE (page_object);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *expected = g_strdup_printf ("Page %d of 3", i + 1);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      double page_width, page_height;

      poppler_page_get_size (page, &page_width, &page_height);
      g_assert_cmpfloat_with_epsilon (page_width, width, 1);
      g_assert_cmpfloat_with_epsilon (page_height, height, 1);
      g_assert_nonnull (strstr (text, expected));

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      g_assert_cmpuint (n_rects, >, 0);
      /* Drawn at the margin's corner of the paper, not of the printer's
       * printable area added to it. */
      g_assert_cmpfloat_with_epsilon (rects[0].x1, document->setup.margin_left, 3);
      for (guint r = 0; r < n_rects; r++)
        {
          g_assert_cmpfloat (rects[r].x1, >=, document->setup.margin_left - 1);
          g_assert_cmpfloat (rects[r].x2, <=, width - document->setup.margin_right + 1);
          g_assert_cmpfloat (rects[r].y1, >=, document->setup.margin_top - 1);
          g_assert_cmpfloat (rects[r].y2, <=, height - document->setup.margin_bottom + 1);
        }
    }
}

static void
test_print_ui_export_letter (Fixture       *fixture,
                             gconstpointer  data)
{
  check_export (fixture, GTK_PAPER_NAME_LETTER, 612, 792);
}

static void
test_print_ui_export_a4 (Fixture       *fixture,
                         gconstpointer  data)
{
  check_export (fixture, GTK_PAPER_NAME_A4, 595.28, 841.89);
}

/* The first paper is the preference's, a change of preference wins over
 * the paper printed on before. */
static void
test_print_ui_page_size (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GtkPageSetup) letter = NULL;
  g_autoptr(GtkPageSetup) a4 = NULL;
  LiaPageSetup setup;

  letter = lia_print_dup_page_setup ();
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (letter, GTK_UNIT_POINTS), 612, 0.5);
  lia_page_setup_init_from_gtk (&setup, letter);
  g_assert_cmpfloat_with_epsilon (setup.width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (setup.height, 792, 0.5);
  g_assert_cmpfloat_with_epsilon (setup.margin_left, 36, 0.5);

  lia_settings_set_page_size (lia_settings_get_default (), LIA_PAGE_SIZE_A4);
  a4 = lia_print_dup_page_setup ();
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (a4, GTK_UNIT_POINTS), 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_height (a4, GTK_UNIT_POINTS), 841.89, 0.5);

  /* Landscape: the paper turned. */
  gtk_page_setup_set_orientation (a4, GTK_PAGE_ORIENTATION_LANDSCAPE);
  lia_page_setup_init_from_gtk (&setup, a4);
  g_assert_cmpfloat_with_epsilon (setup.width, 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (setup.height, 595.28, 0.5);
}

/* @expected: (nullable): a text on the first page */
static void
check_pdf_written (const char *path,
                   const char *expected)
{
  g_autoptr(GObject) pdf = NULL;
  g_autoptr(GObject) page = NULL;
  double width, height;

  lia_test_iterate_until (pdf_is_written, (gpointer)path, "the PDF is written");
  pdf = G_OBJECT (open_pdf (path));
  g_assert_cmpint (poppler_document_get_n_pages (POPPLER_DOCUMENT (pdf)), >=, 1);
  page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (pdf), 0));
  poppler_page_get_size (POPPLER_PAGE (page), &width, &height);
  if (expected != NULL)
    {
      g_autofree char *text = poppler_page_get_text (POPPLER_PAGE (page));

      g_assert_nonnull (strstr (text, expected));
    }
  /* The session's paper: Letter, as the preference says. */
  g_assert_cmpfloat_with_epsilon (width, 612, 1);
  g_assert_cmpfloat_with_epsilon (height, 792, 1);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median height of the characters on the first page: large print
 * sets its body bigger. */
static double
median_glyph_height (const char *path)
{
  g_autoptr(GObject) pdf = G_OBJECT (open_pdf (path));
  g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (pdf), 0));
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0;

  g_assert_true (poppler_page_get_text_layout (POPPLER_PAGE (page), &rects, &n));
  for (guint i = 0; i < n; i++)
    {
      double h = rects[i].y2 - rects[i].y1;

      if (h > 0)
        g_array_append_val (heights, h);
    }
  g_assert_cmpuint (heights->len, >, 0);
  g_array_sort (heights, compare_doubles);

  return g_array_index (heights, double, heights->len / 2);
}

static void
export_to (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  lia_print_set_export_file_for_testing (file);
}

static gint64
add_event (Fixture *fixture)
{
  g_autoptr(LiaEvent) event = lia_event_new ();
  g_autoptr(GError) error = NULL;

  lia_event_set_title (event, "Story Time");
  lia_event_set_dtstart (event, "2026-12-09T18:30:00");
  lia_event_set_dtend (event, "2026-12-09T20:00:00");
  lia_event_set_tzid (event, "America/Edmonton");
  lia_event_set_venue_name (event, "Main Branch");
  lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_promote (event, TRUE);
  lia_event_set_channels (event, LIA_CHANNEL_FLYER | LIA_CHANNEL_PRINT_BULLETIN);
  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);

  return lia_event_get_id (event);
}

/* The flyer printed through GTK is the flyer lia_document_write_pdf()
 * writes: the same pages and the same text at the same places (GTK's
 * origin is the paper's corner, not the printable area's). */
static void
test_print_ui_operation_matches_pdf (Fixture       *fixture,
                                     gconstpointer  data)
{
  LiaPrintContext context = { "Riverside Library", "America/Edmonton" };
  g_autofree char *printed_path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *written_path = g_build_filename (fixture->dir, "written.pdf", NULL);
  g_autoptr(GtkPageSetup) page_setup = lia_print_dup_page_setup ();
  g_autoptr(LiaPrintOperation) operation = NULL;
  g_autoptr(LiaDocument) flyer = NULL;
  g_autoptr(GObject) printed = NULL;
  g_autoptr(GObject) written = NULL;
  g_autoptr(GError) error = NULL;
  LiaPageSetup setup;
  int n_pages;

  flyer = lia_flyer_new (fixture->store, add_event (fixture), FALSE, &context, &error);
  g_assert_no_error (error);
  operation = lia_print_operation_new (flyer);
  run_export (operation, GTK_WINDOW (fixture->window), printed_path);
  lia_page_setup_init_from_gtk (&setup, page_setup);
  g_assert_true (lia_document_write_pdf (flyer, &setup, written_path, &error));
  g_assert_no_error (error);

  printed = G_OBJECT (open_pdf (printed_path));
  written = G_OBJECT (open_pdf (written_path));
  n_pages = poppler_document_get_n_pages (POPPLER_DOCUMENT (written));
  g_assert_cmpint (poppler_document_get_n_pages (POPPLER_DOCUMENT (printed)), ==, n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) printed_page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (printed), i));
      g_autoptr(GObject) written_page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (written), i));
      g_autofree char *printed_text = poppler_page_get_text (POPPLER_PAGE (printed_page));
      g_autofree char *written_text = poppler_page_get_text (POPPLER_PAGE (written_page));
      g_autofree PopplerRectangle *printed_rects = NULL;
      g_autofree PopplerRectangle *written_rects = NULL;
      guint n_printed = 0, n_written = 0;

      g_assert_nonnull (strstr (written_text, "Story Time"));
      g_assert_cmpstr (printed_text, ==, written_text);
      g_assert_true (poppler_page_get_text_layout (POPPLER_PAGE (printed_page), &printed_rects, &n_printed));
      g_assert_true (poppler_page_get_text_layout (POPPLER_PAGE (written_page), &written_rects, &n_written));
      g_assert_cmpuint (n_printed, ==, n_written);
      for (guint r = 0; r < n_written; r++)
        {
          g_assert_cmpfloat_with_epsilon (printed_rects[r].x1, written_rects[r].x1, 1);
          g_assert_cmpfloat_with_epsilon (printed_rects[r].y1, written_rects[r].y1, 1);
        }
    }
}

/* A new event has no flyer yet; a saved one exports its flyer. */
static void
test_print_ui_flyer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Flyer – Story Time.pdf", NULL);
  g_autofree char *large_path = g_build_filename (fixture->dir, "large.pdf", NULL);
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  LiaEventEditor *editor;
  gint64 id = add_event (fixture);

  editor = lia_event_editor_new (GTK_WINDOW (fixture->window), fixture->store, 0, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (menu_item_is_sensitive (GTK_WIDGET (editor), "event-editor.export-flyer", "Export Flyer as PDF…"));
  g_assert_false (menu_item_is_sensitive (GTK_WIDGET (editor), "event-editor.print-flyer", "Print Flyer…"));
  export_to (path);
  gtk_widget_activate_action (GTK_WIDGET (editor), "event-editor.export-flyer", NULL);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  event = lia_store_get_event (fixture->store, id, &error);
  g_assert_no_error (error);
  editor = lia_event_editor_new (GTK_WINDOW (fixture->window), fixture->store, 0, event);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (menu_item_is_sensitive (GTK_WIDGET (editor), "event-editor.export-flyer", "Export Flyer as PDF…"));
  g_assert_true (menu_item_is_sensitive (GTK_WIDGET (editor), "event-editor.print-flyer", "Print Flyer…"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "event-editor.export-flyer", NULL));
  check_pdf_written (path, "Story Time");

  /* The large-print flyer: the same event, bigger type. */
  g_assert_true (menu_item_is_sensitive (GTK_WIDGET (editor), "event-editor.export-large-flyer",
                                         "Export Large-Print Flyer as PDF…"));
  g_assert_true (menu_item_is_sensitive (GTK_WIDGET (editor), "event-editor.print-large-flyer",
                                         "Print Large-Print Flyer…"));
  export_to (large_path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "event-editor.export-large-flyer", NULL));
  check_pdf_written (large_path, "Story Time");
  g_assert_cmpfloat (median_glyph_height (large_path), >, 1.2 * median_glyph_height (path));
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
}

/* The bulletin of the month the Events page shows. */
static void
test_print_ui_bulletin (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bulletin.pdf", NULL);
  GtkWidget *page;

  add_event (fixture);
  page = window_area (fixture, "events");
  g_assert_true (LIA_IS_EVENTS_PAGE (page));
  /* The page opens on November (the store's clock); the event is in
   * December. */
  g_assert_true (gtk_widget_activate_action (page, "events.next-month", NULL));
  g_assert_true (menu_item_is_sensitive (page, "events.print-bulletin", "Print Bulletin…"));
  g_assert_true (menu_item_is_sensitive (page, "events.export-bulletin", "Export Bulletin as PDF…"));
  export_to (path);
  g_assert_true (gtk_widget_activate_action (page, "events.export-bulletin", NULL));
  check_pdf_written (path, "Story Time");
}

/* The directory from the Partners page; a partner's update sheet only
 * when one is shown. */
static void
test_print_ui_partners (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *directory_path = g_build_filename (fixture->dir, "directory.pdf", NULL);
  g_autofree char *sheet_path = g_build_filename (fixture->dir, "sheet.pdf", NULL);
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  lia_partner_set_name (partner, "Friends of the Library");
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  page = window_area (fixture, "partners");
  g_assert_true (LIA_IS_PARTNERS_PAGE (page));
  iterate ();
  g_assert_false (menu_item_is_sensitive (page, "partners.export-update-sheet", "Export Update Sheet as PDF…"));
  g_assert_false (menu_item_is_sensitive (page, "partners.print-update-sheet", "Print Update Sheet…"));
  g_assert_true (menu_item_is_sensitive (page, "partners.print-directory", "Print Directory…"));
  g_assert_true (menu_item_is_sensitive (page, "partners.export-directory", "Export Directory as PDF…"));

  export_to (directory_path);
  g_assert_true (gtk_widget_activate_action (page, "partners.export-directory", NULL));
  check_pdf_written (directory_path, NULL);

  lia_partners_page_show_partner (LIA_PARTNERS_PAGE (page), lia_partner_get_id (partner));
  iterate ();
  g_assert_true (menu_item_is_sensitive (page, "partners.print-update-sheet", "Print Update Sheet…"));
  g_assert_true (menu_item_is_sensitive (page, "partners.export-update-sheet", "Export Update Sheet as PDF…"));
  export_to (sheet_path);
  g_assert_true (gtk_widget_activate_action (page, "partners.export-update-sheet", NULL));
  check_pdf_written (sheet_path, "Friends of the Library");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/print-ui/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("export-letter", test_print_ui_export_letter);
  ADD ("export-a4", test_print_ui_export_a4);
  ADD ("page-size", test_print_ui_page_size);
  ADD ("operation-matches-pdf", test_print_ui_operation_matches_pdf);
  ADD ("flyer", test_print_ui_flyer);
  ADD ("bulletin", test_print_ui_bulletin);
  ADD ("partners", test_print_ui_partners);

  return g_test_run ();
}
