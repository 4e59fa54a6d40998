/* lia-trash-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-trash-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-time-format.h"
#include "lia-trash-item.h"
#include "lia-trash-page.h"

/* What is in the trash, newest first: each item can be restored or deleted
 * for good, and the whole trash emptied. Deleting asks first. */
struct _LiaTrashPage
{
  GtkWidget      parent_instance;

  /* Owned */
  LiaStore      *store;
  GListModel    *items;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkLabel      *count_label;
  GtkButton     *empty_button;
  GtkListBox    *list_box;

  /* While the trash is emptied, "changed" does not rebuild the list. */
  gboolean       emptying;
};

G_DEFINE_FINAL_TYPE (LiaTrashPage, lia_trash_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, N_PROPS };

static GParamSpec *properties [N_PROPS];

/* Indexed by LiaRecordKind; the icons of the Overview's rows. */
static const char * const kind_icons[] = {
  [LIA_RECORD_PARTNER] = "system-users-symbolic",
  [LIA_RECORD_CONTACT] = "avatar-default-symbolic",
  [LIA_RECORD_AGREEMENT] = "document-edit-symbolic",
  [LIA_RECORD_EXPECTATION] = "emblem-ok-symbolic",
  [LIA_RECORD_INTERACTION] = "mail-unread-symbolic",
  [LIA_RECORD_EVENT] = "x-office-calendar-symbolic",
};

/* The toast overlay of the window the page is in; a toast is lost (and
 * logged) when there is none. Takes @toast. */
static void
show_toast (LiaTrashPage *self,
            AdwToast     *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for: %s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error_toast (LiaTrashPage *self,
                  const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 10);
  show_toast (self, toast);
}

static GtkWindow *
get_parent_window (LiaTrashPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static LiaTrashItem *
find_item (LiaTrashPage  *self,
           LiaRecordKind  kind,
           gint64         id,
           guint         *position)
{
  guint n_items = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaTrashItem) item = g_list_model_get_item (self->items, i);

      if (lia_trash_item_get_kind (item) == kind && lia_trash_item_get_id (item) == id)
        {
          if (position != NULL)
            *position = i;
          return item; /* the model keeps its reference */
        }
    }

  return NULL;
}

/* After a row left the list, keyboard focus goes to the one that took its
 * place (or the new last one), not back to the top of the window. */
static void
focus_row_at (LiaTrashPage *self,
              guint         position)
{
  guint n_items = g_list_model_get_n_items (self->items);
  GtkListBoxRow *row;

  if (n_items == 0)
    return;

  row = gtk_list_box_get_row_at_index (self->list_box, MIN (position, n_items - 1));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* "Deleted today", "Deleted 3 days ago", "Deleted on 12 March 2026". */
static char *
format_deleted (gint64     deleted_at,
                GDateTime *now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (deleted_at);
  g_autoptr(GDateTime) then = NULL;
  g_autofree char *day = NULL;
  GDate then_date, now_date;
  int days;

  if (utc == NULL)
    return g_strdup ("");

  then = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));
  g_date_clear (&then_date, 1);
  g_date_clear (&now_date, 1);
  g_date_set_dmy (&then_date, g_date_time_get_day_of_month (then),
                  g_date_time_get_month (then), g_date_time_get_year (then));
  g_date_set_dmy (&now_date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  days = g_date_days_between (&then_date, &now_date);

  if (days <= 0)
    return g_strdup (_("Deleted today"));
  if (days == 1)
    return g_strdup (_("Deleted yesterday"));
  if (days < 31)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %d day ago", "Deleted %d days ago", days),
                            days);

  day = lia_format_day (deleted_at);
  /* Translators: %s is a day, as in "12 March 2026" */
  return g_strdup_printf (_("Deleted on %s"), day);
}

static GtkWidget *
create_row (gpointer item_ptr,
            gpointer user_data)
{
  LiaTrashItem *item = item_ptr;
  LiaRecordKind kind = lia_trash_item_get_kind (item);
  const char *title = lia_trash_item_get_title (item);
  const char *partner_name = lia_trash_item_get_partner_name (item);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *what = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *delete_label = NULL;
  GVariant *target;
  GtkWidget *row;
  GtkWidget *image;
  GtkWidget *restore_button;
  GtkWidget *delete_button;

  if (partner_name != NULL)
    /* Translators: a partner's record in the trash, as in "Contact of Riverbend Food Bank" */
    what = g_strdup_printf (_("%s of %s"), lia_trash_item_get_kind_label (item), partner_name);
  else
    what = g_strdup (lia_trash_item_get_kind_label (item));
  deleted = format_deleted (lia_trash_item_get_deleted_at (item), now);
  subtitle = g_strdup_printf ("%s · %s", what, deleted);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  image = gtk_image_new_from_icon_name (kind < G_N_ELEMENTS (kind_icons) ? kind_icons[kind] : "user-trash-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  target = g_variant_new ("(ix)", (gint32)kind, lia_trash_item_get_id (item));
  g_variant_ref_sink (target);

  restore_button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (restore_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (restore_button, _("Put it back where it was"));
  gtk_widget_add_css_class (restore_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore_button), "trash.restore");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (restore_button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore_button);

  delete_button = gtk_button_new_from_icon_name ("user-trash-full-symbolic");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete_button, _("Delete for Good"));
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_add_css_class (delete_button, "error");
  delete_label = g_strdup_printf (_("Delete ‘%s’ for good"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "trash.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete_button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  g_variant_unref (target);

  return row;
}

/**
 * lia_trash_page_refresh:
 * @self: a #LiaTrashPage
 *
 * Reads the trash again from the store.
 */
void
lia_trash_page_refresh (LiaTrashPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint n_items = 0;

  g_return_if_fail (LIA_IS_TRASH_PAGE (self));

  if (self->emptying)
    return;

  g_clear_object (&self->items);
  if (self->store != NULL)
    {
      self->items = lia_store_list_trash (self->store, &error);
      if (self->items == NULL)
        show_error_toast (self, error->message);
    }
  if (self->items == NULL)
    self->items = G_LIST_MODEL (g_list_store_new (LIA_TYPE_TRASH_ITEM));

  gtk_list_box_bind_model (self->list_box, self->items, create_row, self, NULL);

  n_items = g_list_model_get_n_items (self->items);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item in the trash", "%u items in the trash", n_items),
                           n_items);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "items" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.empty", n_items > 0);
}

static void
delete_forever (LiaTrashPage  *self,
                LiaRecordKind  kind,
                gint64         id)
{
  g_autoptr(GError) error = NULL;
  guint position = 0;

  if (self->store == NULL || find_item (self, kind, id, &position) == NULL)
    return;

  if (!lia_store_delete_forever (self->store, kind, id, &error))
    {
      show_error_toast (self, error->message);
      return;
    }

  focus_row_at (self, position);
}

static void
empty_trash (LiaTrashPage *self)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) first_error = NULL;
  guint n_items;

  if (self->store == NULL || self->items == NULL)
    return;

  items = g_object_ref (self->items);
  n_items = g_list_model_get_n_items (items);

  self->emptying = TRUE;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaTrashItem) item = g_list_model_get_item (items, i);
      g_autoptr(GError) error = NULL;

      /* A partner takes its records with it: they may be gone already. */
      if (!lia_store_delete_forever (self->store, lia_trash_item_get_kind (item),
                                     lia_trash_item_get_id (item), &error) &&
          !g_error_matches (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND) &&
          first_error == NULL)
        first_error = g_steal_pointer (&error);
    }
  self->emptying = FALSE;

  lia_trash_page_refresh (self);

  if (first_error != NULL)
    show_error_toast (self, first_error->message);
}

static void
on_store_changed_cb (LiaTrashPage  *self,
                     LiaRecordKind  kind,
                     gint64         id,
                     LiaStore      *store)
{
  lia_trash_page_refresh (self);
}

static void
on_delete_dialog_response_cb (LiaTrashPage     *self,
                              const char       *response,
                              AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "delete") != 0)
    return;

  delete_forever (self,
                  GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind")),
                  *(gint64 *)g_object_get_data (G_OBJECT (dialog), "id"));
}

static void
on_empty_dialog_response_cb (LiaTrashPage     *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "delete") == 0)
    empty_trash (self);
}

static AdwMessageDialog *
create_delete_dialog (LiaTrashPage *self,
                      const char   *delete_label)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_parent_window (self), NULL, NULL));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", delete_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

static void
lia_trash_page_restore_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LiaTrashPage *self = LIA_TRASH_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  LiaTrashItem *item;
  guint position = 0;
  gint32 kind;
  gint64 id;

  g_variant_get (parameter, "(ix)", &kind, &id);

  if (self->store == NULL || (item = find_item (self, kind, id, &position)) == NULL)
    return;

  /* Restoring refreshes the list, which drops @item. */
  title = g_strdup (lia_trash_item_get_title (item));

  if (!lia_store_restore (self->store, kind, id, &error))
    {
      show_error_toast (self, error->message);
      return;
    }

  focus_row_at (self, position);

  /* Translators: %s is what was restored, such as a partner's name */
  message = g_strdup_printf (_("‘%s’ restored"), title);
  show_toast (self, adw_toast_new (message));
}

static void
lia_trash_page_delete_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LiaTrashPage *self = LIA_TRASH_PAGE (widget);
  AdwMessageDialog *dialog;
  LiaTrashItem *item;
  gint32 kind;
  gint64 id;

  g_variant_get (parameter, "(ix)", &kind, &id);

  if ((item = find_item (self, kind, id, NULL)) == NULL)
    return;

  dialog = create_delete_dialog (self, _("_Delete"));
  adw_message_dialog_format_heading (dialog, _("Delete ‘%s’ for good?"), lia_trash_item_get_title (item));
  if (kind == LIA_RECORD_PARTNER)
    adw_message_dialog_set_body (dialog,
                                 _("This cannot be undone. Its contacts, agreements, expectations and "
                                   "history go with it."));
  else
    adw_message_dialog_set_body (dialog, _("This cannot be undone."));

  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (dialog), "id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_delete_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lia_trash_page_empty_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LiaTrashPage *self = LIA_TRASH_PAGE (widget);
  AdwMessageDialog *dialog;
  guint n_items;

  n_items = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  if (n_items == 0)
    return;

  dialog = create_delete_dialog (self, _("_Empty Trash"));
  adw_message_dialog_set_heading (dialog, _("Empty the Trash?"));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The item in the trash will be deleted for good. "
                                               "This cannot be undone.",
                                               "All %u items in the trash will be deleted for good. "
                                               "This cannot be undone.",
                                               n_items),
                                  n_items);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_empty_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lia_trash_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lia_trash_page_parent_class)->map (widget);

  /* "Deleted today" becomes "Deleted yesterday" overnight. */
  lia_trash_page_refresh (LIA_TRASH_PAGE (widget));
}

static void
lia_trash_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_TRASH_PAGE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lia_trash_page_parent_class)->dispose (object);
}

static void
lia_trash_page_finalize (GObject *object)
{
  LiaTrashPage *self = (LiaTrashPage *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (lia_trash_page_parent_class)->finalize (object);
}

static void
lia_trash_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaTrashPage *self = LIA_TRASH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_trash_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaTrashPage *self = LIA_TRASH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lia_trash_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_trash_page_class_init (LiaTrashPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_trash_page_dispose;
  object_class->finalize = lia_trash_page_finalize;
  object_class->get_property = lia_trash_page_get_property;
  object_class->set_property = lia_trash_page_set_property;

  widget_class->map = lia_trash_page_map;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-trash-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTrashPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaTrashPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiaTrashPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTrashPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTrashPage, list_box);

  gtk_widget_class_install_action (widget_class, "trash.restore", "(ix)", lia_trash_page_restore_action);
  gtk_widget_class_install_action (widget_class, "trash.delete", "(ix)", lia_trash_page_delete_action);
  gtk_widget_class_install_action (widget_class, "trash.empty", NULL, lia_trash_page_empty_action);
}

static void
lia_trash_page_init (LiaTrashPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lia_trash_page_refresh (self);
}

GtkWidget *
lia_trash_page_new (void)
{
  return g_object_new (LIA_TYPE_TRASH_PAGE, NULL);
}

LiaStore *
lia_trash_page_get_store (LiaTrashPage *self)
{
  g_return_val_if_fail (LIA_IS_TRASH_PAGE (self), NULL);

  return self->store;
}

void
lia_trash_page_set_store (LiaTrashPage *self,
                          LiaStore     *store)
{
  g_return_if_fail (LIA_IS_TRASH_PAGE (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_set_object (&self->store, store);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed",
                             G_CALLBACK (on_store_changed_cb),
                             self, G_CONNECT_SWAPPED);

  lia_trash_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}
