/* lia-document.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of every printed document: the page setup, the title, and the
 * way to a PDF. Subclasses lay out in paginate() and draw in draw_page().
 */

#define G_LOG_DOMAIN "lia-document"

#include "config.h"

#include <string.h>

#include <errno.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "lia-document.h"
#include "lia-print-private.h"

typedef struct
{
  /* Owned */
  char *title;
} LiaDocumentPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LiaDocument, lia_document, G_TYPE_OBJECT)

enum { PROP_0, PROP_TITLE, N_PROPS };

static GParamSpec *properties [N_PROPS];

/* Half an inch: what every office printer can reach. */
#define MARGIN 36.0

static void
lia_document_finalize (GObject *object)
{
  LiaDocument *self = (LiaDocument *)object;
  LiaDocumentPrivate *priv = lia_document_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);

  G_OBJECT_CLASS (lia_document_parent_class)->finalize (object);
}

static void
lia_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LiaDocument *self = LIA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, lia_document_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LiaDocument *self = LIA_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      lia_document_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_document_class_init (LiaDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_document_finalize;
  object_class->get_property = lia_document_get_property;
  object_class->set_property = lia_document_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_document_init (LiaDocument *self)
{
}

/**
 * lia_page_setup_init:
 * @setup: the setup to fill
 * @size: Letter or A4
 *
 * Sets @setup to @size in points with half-inch margins.
 */
void
lia_page_setup_init (LiaPageSetup *setup,
                     LiaPageSize   size)
{
  g_return_if_fail (setup != NULL);

  if (size == LIA_PAGE_SIZE_A4)
    {
      setup->width = 595.28;
      setup->height = 841.89;
    }
  else
    {
      setup->width = 612.0;
      setup->height = 792.0;
    }

  setup->margin_top = MARGIN;
  setup->margin_bottom = MARGIN;
  setup->margin_left = MARGIN;
  setup->margin_right = MARGIN;
}

guint
lia_document_paginate (LiaDocument        *self,
                       const LiaPageSetup *setup,
                       PangoContext       *context,
                       GError            **error)
{
  g_return_val_if_fail (LIA_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (setup != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);
  g_return_val_if_fail (LIA_DOCUMENT_GET_CLASS (self)->paginate != NULL, 0);

  return LIA_DOCUMENT_GET_CLASS (self)->paginate (self, setup, context, error);
}

void
lia_document_draw_page (LiaDocument *self,
                        cairo_t     *cr,
                        guint        page)
{
  g_return_if_fail (LIA_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (LIA_DOCUMENT_GET_CLASS (self)->draw_page != NULL);

  /* A subclass that forgets a restore must not shift the next page. */
  cairo_save (cr);
  LIA_DOCUMENT_GET_CLASS (self)->draw_page (self, cr, page);
  cairo_restore (cr);
}

const char *
lia_document_get_title (LiaDocument *self)
{
  LiaDocumentPrivate *priv;

  g_return_val_if_fail (LIA_IS_DOCUMENT (self), NULL);

  priv = lia_document_get_instance_private (self);

  return priv->title;
}

void
lia_document_set_title (LiaDocument *self,
                        const char  *title)
{
  LiaDocumentPrivate *priv;

  g_return_if_fail (LIA_IS_DOCUMENT (self));

  priv = lia_document_get_instance_private (self);

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

static gboolean
set_error_from_cairo (cairo_status_t  status,
                      const char     *path,
                      GError        **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the PDF ‘%s’: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

/**
 * lia_document_write_pdf:
 * @self: a document
 * @setup: the page
 * @path: where to write the PDF
 * @error: return location for a #GError
 *
 * Lays @self out for @setup and writes every page into a PDF. The PDF is
 * written beside @path and renamed over it once complete, so a reader never
 * sees half a file and a failure leaves what was there.
 *
 * Returns: whether @path now holds the PDF
 */
gboolean
lia_document_write_pdf (LiaDocument        *self,
                        const LiaPageSetup *setup,
                        const char         *path,
                        GError            **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *temp_path = NULL;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;
  int fd;

  g_return_val_if_fail (LIA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (setup != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf (".%s.XXXXXX", base);
  temp_path = g_build_filename (folder, template, NULL);

  fd = g_mkstemp (temp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the PDF ‘%s’: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  /* cairo opens the file by name; the descriptor only reserved it. */
  close (fd);

  surface = cairo_pdf_surface_create (temp_path, setup->width, setup->height);
  if (lia_document_get_title (self) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, lia_document_get_title (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Liaison");
  cr = cairo_create (surface);

  /* The layout is made with the PDF's own font options and resolution,
   * so what paginate() measures is what is drawn. */
  context = pango_cairo_create_context (cr);
  n_pages = lia_document_paginate (self, setup, context, error);
  for (guint i = 0; i < n_pages; i++)
    {
      lia_document_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  g_object_unref (context);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* paginate() set @error when it returned no page. */
  if (n_pages == 0 || !set_error_from_cairo (status, path, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }

  /* mkstemp makes the file private; a PDF is for sharing. */
  g_chmod (temp_path, 0644);

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the PDF ‘%s’: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const guint8 *data;
  gsize         length;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->length -= length;

  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
_lia_print_load_png (GBytes *bytes)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;
  reader.data = g_bytes_get_data (bytes, &reader.length);
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_width (surface) <= 0
      || cairo_image_surface_get_height (surface) <= 0)
    {
      g_debug ("A logo is not a PNG cairo can read: %s", cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}
