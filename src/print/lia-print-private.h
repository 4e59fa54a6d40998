/* lia-print-private.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the documents of print/ share and nobody else uses.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A logo stored as PNG (as the editors store them); NULL when there is
 * none or cairo cannot read it, so the document closes up around it. */
cairo_surface_t *_lia_print_load_png (GBytes *bytes);

G_END_DECLS
