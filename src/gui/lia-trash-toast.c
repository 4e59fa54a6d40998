/* lia-trash-toast.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-trash-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-trash-toast.h"

static AdwToastOverlay *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *overlay = find_overlay_below (child);

      if (overlay != NULL)
        return overlay;
    }

  return NULL;
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (ancestor != NULL)
    return ADW_TOAST_OVERLAY (ancestor);

  return find_overlay_below (GTK_WIDGET (gtk_widget_get_root (widget)));
}

static void
on_undo_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AdwToastOverlay *overlay = user_data;
  LiaStore *store = g_object_get_data (G_OBJECT (overlay), "lia-trash-store");
  g_autoptr(GError) error = NULL;
  gint32 kind;
  gint64 id;

  if (store == NULL)
    return;

  g_variant_get (parameter, "(ix)", &kind, &id);
  if (!lia_store_restore (store, kind, id, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (overlay, toast);
    }
}

static void
add_undo_action (AdwToastOverlay *overlay,
                 LiaStore        *store)
{
  g_object_set_data_full (G_OBJECT (overlay), "lia-trash-store", g_object_ref (store), g_object_unref);

  if (g_object_get_data (G_OBJECT (overlay), "lia-trash-actions") == NULL)
    {
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
      g_autoptr(GSimpleAction) undo = g_simple_action_new ("undo", G_VARIANT_TYPE ("(ix)"));

      g_signal_connect_object (undo, "activate", G_CALLBACK (on_undo_activate_cb), overlay, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (undo));
      gtk_widget_insert_action_group (GTK_WIDGET (overlay), "trash", G_ACTION_GROUP (group));
      g_object_set_data (G_OBJECT (overlay), "lia-trash-actions", group);
    }
}

void
lia_show_trashed_toast (GtkWidget     *widget,
                        LiaStore      *store,
                        LiaRecordKind  kind,
                        gint64         id,
                        const char    *title)
{
  AdwToastOverlay *overlay;
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (LIA_IS_STORE (store));

  overlay = find_overlay (widget);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay to say that %s is in the trash", title);
      return;
    }

  add_undo_action (overlay, store);

  /* Translators: %s is the name of what was deleted */
  text = g_strdup_printf (_("‘%s’ moved to the trash"), title);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "trash.undo");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ix)", (gint32)kind, id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (overlay, toast);
}
