/* lia-test-widgets.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window tests share to find their way in a widget tree.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*LiaTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);

/* The first widget under @widget (itself included, depth first) that
 * @match accepts, or NULL. */
GtkWidget *lia_test_find_widget (GtkWidget          *widget,
                                 LiaTestWidgetMatch  match,
                                 gconstpointer       data);

G_END_DECLS
