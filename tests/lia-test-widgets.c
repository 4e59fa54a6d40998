/* lia-test-widgets.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lia-test-widgets.h"

GtkWidget *
lia_test_find_widget (GtkWidget          *widget,
                      LiaTestWidgetMatch  match,
                      gconstpointer       data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lia_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}
