/* lia-print-operation.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints any LiaDocument through GTK's print dialog, and exports one as a
 * PDF: the paper and printer chosen are remembered for the session, the
 * first paper is the one of the page-size preference.
 */

#define G_LOG_DOMAIN "lia-print-operation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-print-operation.h"
#include "lia-settings.h"

struct _LiaPrintOperation
{
  GtkPrintOperation parent_instance;

  /* Owned */
  LiaDocument      *document;
};

G_DEFINE_FINAL_TYPE (LiaPrintOperation, lia_print_operation, GTK_TYPE_PRINT_OPERATION)

enum { PROP_0, PROP_DOCUMENT, N_PROPS };

static GParamSpec *properties [N_PROPS];

/* The session's choices: kept for the next print or export, as GNOME
 * Text Editor does, never saved. */
static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;
/* The preference the page setup was made from: a change of preference
 * wins over the paper chosen before. */
static LiaPageSize session_page_size = (LiaPageSize)-1;
static GFile *export_file_for_testing;

static GtkPageSetup *
page_setup_for_size (LiaPageSize size)
{
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPageSetup *page_setup = gtk_page_setup_new ();

  paper = gtk_paper_size_new (size == LIA_PAGE_SIZE_A4 ? GTK_PAPER_NAME_A4 : GTK_PAPER_NAME_LETTER);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);

  return page_setup;
}

/* A name a file system takes: no folder separators. */
static char *
sanitize_file_name (const char *file_name)
{
  return g_strdelimit (g_strdup (file_name), "/\\", '-');
}

static AdwToastOverlay *
find_overlay (GtkWidget       *widget,
              AdwToastOverlay *overlay)
{
  GtkWidget *ancestor;

  if (overlay != NULL)
    return overlay;
  ancestor = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  return ancestor != NULL ? ADW_TOAST_OVERLAY (ancestor) : NULL;
}

static GtkWindow *
find_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (AdwToastOverlay *overlay,
            AdwToast        *toast)
{
  g_autoptr(AdwToast) owned = toast;

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for ‘%s’", adw_toast_get_title (toast));
      return;
    }
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (overlay, g_steal_pointer (&owned));
}

static void
show_error (AdwToastOverlay *overlay,
            const GError    *error)
{
  show_toast (overlay, adw_toast_new (error->message));
}

static void
on_print_operation_begin_print_cb (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  LiaPrintOperation *self = LIA_PRINT_OPERATION (operation);
  /* PangoContext has no autoptr in Pango 1.50. */
  g_autoptr(GObject) pango_context = G_OBJECT (gtk_print_context_create_pango_context (context));
  g_autoptr(GError) error = NULL;
  LiaPageSetup setup;
  guint n_pages;

  /* The paper chosen in the dialog, which may not be the one we offered. */
  lia_page_setup_init_from_gtk (&setup, gtk_print_context_get_page_setup (context));
  n_pages = lia_document_paginate (self->document, &setup, PANGO_CONTEXT (pango_context), &error);
  if (n_pages == 0)
    {
      g_warning ("Could not lay out ‘%s’: %s", lia_document_get_title (self->document),
                 error != NULL ? error->message : "no pages");
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
on_print_operation_draw_page_cb (GtkPrintOperation *operation,
                                 GtkPrintContext   *context,
                                 int                page_nr)
{
  LiaPrintOperation *self = LIA_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_save (cr);
  lia_document_draw_page (self->document, cr, page_nr);
  cairo_restore (cr);
}

static void
on_print_operation_done_cb (GtkPrintOperation       *operation,
                            GtkPrintOperationResult  result,
                            AdwToastOverlay         *overlay)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      GtkPaperSize *paper;

      g_set_object (&session_settings, settings);
      /* The paper chosen in the dialog (its page setup is embedded) is
       * the next job's too. */
      if (settings != NULL && (paper = gtk_print_settings_get_paper_size (settings)) != NULL)
        {
          g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();

          gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
          gtk_page_setup_set_orientation (page_setup, gtk_print_settings_get_orientation (settings));
          lia_print_set_page_setup (page_setup);
          gtk_paper_size_free (paper);
        }
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (overlay, error);
    }
}

static void
lia_print_operation_dispose (GObject *object)
{
  LiaPrintOperation *self = (LiaPrintOperation *)object;

  g_clear_object (&self->document);

  G_OBJECT_CLASS (lia_print_operation_parent_class)->dispose (object);
}

static void
lia_print_operation_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaPrintOperation *self = LIA_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_print_operation_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaPrintOperation *self = LIA_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_print_operation_constructed (GObject *object)
{
  LiaPrintOperation *self = (LiaPrintOperation *)object;
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPageSetup) page_setup = lia_print_dup_page_setup ();
  g_autoptr(GtkPrintSettings) settings = lia_print_dup_print_settings ();
  const char *title = lia_document_get_title (self->document);

  G_OBJECT_CLASS (lia_print_operation_parent_class)->constructed (object);

  if (title != NULL)
    {
      g_autofree char *basename = sanitize_file_name (title);

      gtk_print_operation_set_job_name (operation, title);
      /* "Print to File" offers the document's title, not "output". */
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
    }
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_print_settings (operation, settings);
}

static void
lia_print_operation_class_init (LiaPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lia_print_operation_constructed;
  object_class->dispose = lia_print_operation_dispose;
  object_class->get_property = lia_print_operation_get_property;
  object_class->set_property = lia_print_operation_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         LIA_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_print_operation_init (LiaPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* With use-full-page FALSE GTK would put the origin at the corner of
   * the printer's printable area and the document's margins would come
   * on top of the printer's. The documents draw in points from the
   * paper's corner and keep their own margins (never smaller than the
   * printer's: see lia_page_setup_init_from_gtk()). */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);

  g_signal_connect (self, "begin-print", G_CALLBACK (on_print_operation_begin_print_cb), NULL);
  g_signal_connect (self, "draw-page", G_CALLBACK (on_print_operation_draw_page_cb), NULL);
}

/**
 * lia_print_operation_new:
 * @document: what to print
 *
 * Returns: (transfer full): a print operation with the session's page
 *   setup and print settings
 */
LiaPrintOperation *
lia_print_operation_new (LiaDocument *document)
{
  g_return_val_if_fail (LIA_IS_DOCUMENT (document), NULL);

  return g_object_new (LIA_TYPE_PRINT_OPERATION,
                       "document", document,
                       NULL);
}

LiaDocument *
lia_print_operation_get_document (LiaPrintOperation *self)
{
  g_return_val_if_fail (LIA_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}

/**
 * lia_print_dup_page_setup:
 *
 * Returns: (transfer full): the page setup to print with: the last one
 *   used in this session, else Letter or A4 as the preferences say
 */
GtkPageSetup *
lia_print_dup_page_setup (void)
{
  LiaPageSize size = lia_settings_get_page_size (lia_settings_get_default ());

  if (session_page_setup == NULL || size != session_page_size)
    {
      g_clear_object (&session_page_setup);
      session_page_setup = page_setup_for_size (size);
      session_page_size = size;
    }

  return gtk_page_setup_copy (session_page_setup);
}

/**
 * lia_print_set_page_setup:
 * @page_setup: (nullable): the page setup for the next jobs; %NULL goes
 *   back to the preference's paper
 */
void
lia_print_set_page_setup (GtkPageSetup *page_setup)
{
  g_return_if_fail (page_setup == NULL || GTK_IS_PAGE_SETUP (page_setup));

  g_clear_object (&session_page_setup);
  if (page_setup != NULL)
    {
      session_page_setup = gtk_page_setup_copy (page_setup);
      session_page_size = lia_settings_get_page_size (lia_settings_get_default ());
    }
}

/**
 * lia_print_dup_print_settings:
 *
 * Returns: (transfer full): a copy of the session's print settings
 */
GtkPrintSettings *
lia_print_dup_print_settings (void)
{
  return session_settings != NULL ? gtk_print_settings_copy (session_settings) : gtk_print_settings_new ();
}

/**
 * lia_page_setup_init_from_gtk:
 * @setup: the page to fill, in points
 * @page_setup: GTK's page setup
 *
 * The paper of @page_setup, turned as it says; the margins are the
 * documents' own (half an inch) unless the printer cannot print that
 * close to the edge.
 */
void
lia_page_setup_init_from_gtk (LiaPageSetup *setup,
                              GtkPageSetup *page_setup)
{
  g_return_if_fail (setup != NULL);
  g_return_if_fail (GTK_IS_PAGE_SETUP (page_setup));

  lia_page_setup_init (setup, LIA_PAGE_SIZE_LETTER);
  /* The paper turned as the orientation says. */
  setup->width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  setup->height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  setup->margin_top = MAX (setup->margin_top, gtk_page_setup_get_top_margin (page_setup, GTK_UNIT_POINTS));
  setup->margin_bottom = MAX (setup->margin_bottom, gtk_page_setup_get_bottom_margin (page_setup, GTK_UNIT_POINTS));
  setup->margin_left = MAX (setup->margin_left, gtk_page_setup_get_left_margin (page_setup, GTK_UNIT_POINTS));
  setup->margin_right = MAX (setup->margin_right, gtk_page_setup_get_right_margin (page_setup, GTK_UNIT_POINTS));
}

/**
 * lia_print_document:
 * @widget: the widget whose window the dialog belongs to
 * @overlay: (nullable): where to say what went wrong; %NULL: @widget's
 * @document: what to print
 * @file_name: (nullable): the name "Print to File" offers, like
 *   "Flyer – Story Time.pdf"
 *
 * Opens the print dialog for @document and prints it, without blocking.
 */
void
lia_print_document (GtkWidget       *widget,
                    AdwToastOverlay *overlay,
                    LiaDocument     *document,
                    const char      *file_name)
{
  g_autoptr(LiaPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (LIA_IS_DOCUMENT (document));

  overlay = find_overlay (widget, overlay);
  operation = lia_print_operation_new (document);
  if (file_name != NULL)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
      g_autofree char *basename = sanitize_file_name (file_name);

      /* GTK adds the extension of the format chosen in the dialog. */
      if (g_str_has_suffix (basename, ".pdf"))
        basename[strlen (basename) - strlen (".pdf")] = '\0';
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
    }
  if (overlay != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (on_print_operation_done_cb), overlay, 0);
  else
    g_signal_connect (operation, "done", G_CALLBACK (on_print_operation_done_cb), NULL);

  /* The dialog and the job hold the operation until "done". */
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    find_window (widget), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (overlay, error);
}

typedef struct
{
  LiaPageSetup  setup;
  char         *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->path);
  g_free (export);
}

static void
export_pdf_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(GError) error = NULL;

  if (!lia_document_write_pdf (LIA_DOCUMENT (source_object), &export->setup, export->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * lia_print_export_pdf_async:
 * @document: what to export; not to be used until the export is done
 * @setup: the page
 * @file: a local file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: for @callback
 *
 * Lays out and writes @document as a PDF in a worker thread: a long
 * bulletin or directory never holds the window up. The documents read
 * the store when they are made (on the main thread); laying out and
 * drawing use only what they hold.
 */
void
lia_print_export_pdf_async (LiaDocument         *document,
                            const LiaPageSetup  *setup,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (LIA_IS_DOCUMENT (document));
  g_return_if_fail (setup != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_print_export_pdf_async);

  if (g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A PDF can only be saved in a local folder"));
      return;
    }

  export = g_new0 (ExportData, 1);
  export->setup = *setup;
  export->path = g_file_get_path (file);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_pdf_thread);
}

gboolean
lia_print_export_pdf_finish (LiaDocument   *document,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (LIA_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  AdwToastOverlay *overlay;   /* a weak pointer */
  GtkWidget       *widget;    /* a weak pointer */
  GFile           *file;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_weak_pointer (&request->overlay);
  g_clear_weak_pointer (&request->widget);
  g_clear_object (&request->file);
  g_free (request);
}

/* The toast's Open button: the file, and the widget whose window opens
 * it, which the toast must not keep alive. */
typedef struct
{
  GFile   *file;
  GWeakRef widget;
} OpenData;

static void
open_data_free (gpointer  data,
                GClosure *closure)
{
  OpenData *open = data;

  g_clear_object (&open->file);
  g_weak_ref_clear (&open->widget);
  g_free (open);
}

static void
on_saved_toast_button_clicked_cb (AdwToast *toast,
                                  OpenData *open)
{
  g_autofree char *uri = g_file_get_uri (open->file);
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&open->widget);

  /* gtk_show_uri(): GtkFileLauncher is GTK 4.10 (STYLE.md). */
  gtk_show_uri (widget != NULL ? find_window (widget) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!lia_print_export_pdf_finish (LIA_DOCUMENT (object), result, &error))
    {
      show_error (request->overlay, error);
    }
  else
    {
      g_autofree char *basename = g_file_get_basename (request->file);
      g_autofree char *title = NULL;
      OpenData *open = g_new0 (OpenData, 1);
      AdwToast *toast;

      /* Translators: a PDF was written; %s is its file name */
      title = g_strdup_printf (_("Saved “%s”"), basename);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Open"));
      open->file = g_object_ref (request->file);
      g_weak_ref_init (&open->widget, request->widget);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_saved_toast_button_clicked_cb),
                             open, open_data_free, 0);
      show_toast (request->overlay, toast);
    }

  export_request_free (request);
}

static void
export_to_file (GtkWidget       *widget,
                AdwToastOverlay *overlay,
                LiaDocument     *document,
                GFile           *file)
{
  g_autoptr(GtkPageSetup) page_setup = lia_print_dup_page_setup ();
  ExportRequest *request = g_new0 (ExportRequest, 1);
  LiaPageSetup setup;

  lia_page_setup_init_from_gtk (&setup, page_setup);
  g_set_weak_pointer (&request->overlay, overlay);
  g_set_weak_pointer (&request->widget, widget);
  request->file = g_object_ref (file);
  lia_print_export_pdf_async (document, &setup, file, NULL, on_export_done_cb, request);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               LiaDocument     *document)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      GtkWidget *widget = g_object_get_data (G_OBJECT (chooser), "lia-widget");
      AdwToastOverlay *overlay = g_object_get_data (G_OBJECT (chooser), "lia-overlay");

      if (file != NULL && widget != NULL)
        export_to_file (widget, overlay, document, file);
    }
  g_object_unref (chooser);
  g_object_unref (document);
}

/**
 * lia_print_export_document:
 * @widget: the widget whose window the file chooser belongs to
 * @overlay: (nullable): where to say it is saved; %NULL: @widget's
 * @document: what to export
 * @file_name: the name offered, like "Flyer – Story Time.pdf"
 *
 * Asks where to save @document as a PDF, writes it on the session's page
 * setup and says so, with a button to open it.
 */
void
lia_print_export_document (GtkWidget       *widget,
                           AdwToastOverlay *overlay,
                           LiaDocument     *document,
                           const char      *file_name)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (LIA_IS_DOCUMENT (document));
  g_return_if_fail (file_name != NULL);

  overlay = find_overlay (widget, overlay);
  if (export_file_for_testing != NULL)
    {
      g_autoptr(GFile) file = g_steal_pointer (&export_file_for_testing);

      export_to_file (widget, overlay, document, file);
      return;
    }

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  name = sanitize_file_name (file_name);

  /* GtkFileChooserNative: GtkFileDialog is GTK 4.10 (STYLE.md). */
  chooser = gtk_file_chooser_native_new (_("Export as PDF"), find_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "lia-widget", g_object_ref (widget), g_object_unref);
  if (overlay != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "lia-overlay", g_object_ref (overlay), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), g_object_ref (document));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * lia_print_set_export_file_for_testing:
 * @file: (nullable): where the next export writes
 *
 * For tests, which cannot answer a file chooser.
 */
void
lia_print_set_export_file_for_testing (GFile *file)
{
  g_set_object (&export_file_for_testing, file);
}
