/* lia-qr.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * QR codes drawn as vectors, made offline with libqrencode: a printed
 * flyer must not depend on a web service to show its link.
 */

#define G_LOG_DOMAIN "lia-qr"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <qrencode.h>

#include "lia-print-documents.h"

/* The blank border scanners need around the code, in modules. */
#define QUIET_ZONE 4

/**
 * lia_qr_draw:
 * @cr: where to draw
 * @text: what the code says, usually a URL
 * @x: the left of the square
 * @y: its top
 * @size: its side in points, quiet zone included
 * @error: return location for a #GError
 *
 * Draws @text as a QR code (error correction M, 8-bit) on a white square,
 * its modules in black whatever the current source is.
 *
 * Returns: whether it was drawn; %G_IO_ERROR_INVALID_DATA when @text is
 *   too long for a QR code
 */
gboolean
lia_qr_draw (cairo_t     *cr,
             const char  *text,
             double       x,
             double       y,
             double       size,
             GError     **error)
{
  QRcode *code;
  double module;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (size > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      if (errno == ERANGE)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The address is too long for a QR code (%u bytes)"), (guint) strlen (text));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("Could not make a QR code of ‘%s’"), text);
      return FALSE;
    }

  module = size / (code->width + 2 * QUIET_ZONE);

  cairo_save (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  /* Modules that touch share their edges exactly, so no hairline of white
   * shows between them in a viewer that antialiases. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    {
      for (int column = 0; column < code->width; column++)
        {
          int start = column;

          if (!(code->data[row * code->width + column] & 1))
            continue;

          /* A run of dark modules is one rectangle: fewer paths, a
           * smaller PDF. */
          while (column + 1 < code->width && (code->data[row * code->width + column + 1] & 1))
            column++;

          cairo_rectangle (cr,
                           x + (QUIET_ZONE + start) * module,
                           y + (QUIET_ZONE + row) * module,
                           (column - start + 1) * module,
                           module);
        }
    }
  cairo_fill (cr);

  cairo_restore (cr);
  QRcode_free (code);

  return TRUE;
}
