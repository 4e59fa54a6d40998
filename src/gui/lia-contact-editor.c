/* lia-contact-editor.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-contact-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-contact-editor.h"
#include "lia-editor-util.h"
#include "lia-validate.h"

/* A person at a partner, as a form checked as it is typed. */
struct _LiaContactEditor
{
  AdwWindow        parent_instance;

  /* Owned */
  LiaStore        *store;
  LiaContact      *contact;      /* a copy, saved only on Save */
  gboolean         name_touched;
  gboolean         valid;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkButton       *trash_button;
  AdwEntryRow     *name_row;
  AdwEntryRow     *role_row;
  GtkSwitch       *primary_switch;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  AdwComboRow     *method_row;
  AdwEntryRow     *notes_row;
};

G_DEFINE_FINAL_TYPE (LiaContactEditor, lia_contact_editor, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_VALID, N_PROPS };
enum { SAVED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
validate (LiaContactEditor *self)
{
  g_autofree char *name = lia_editor_dup_text (self->name_row);
  gboolean valid = !lia_editor_is_blank (name);

  lia_editor_show_problem (self->name_row, valid || !self->name_touched ? NULL : _("A name is required"));
  valid &= lia_editor_check_row (self->email_row, lia_validate_email, _("Not an e-mail address"));
  valid &= lia_editor_check_row (self->phone_row, lia_validate_phone, _("Not a phone number"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact-editor.save", valid);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID]);
    }
}

static void
on_row_changed_cb (LiaContactEditor *self,
                   AdwEntryRow      *row)
{
  if (row == self->name_row)
    self->name_touched = TRUE;

  validate (self);
}

static void
on_entry_activated_cb (LiaContactEditor *self,
                       AdwEntryRow      *row)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "contact-editor.save", NULL);
}

static void
lia_contact_editor_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LiaContactEditor *self = LIA_CONTACT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  gboolean saved = lia_contact_editor_save (self, &error);

  lia_editor_close_if_saved (GTK_WINDOW (self), self->toast_overlay, saved, error);
}

static void
lia_contact_editor_trash_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LiaContactEditor *self = LIA_CONTACT_EDITOR (widget);
  gint64 id = lia_contact_get_id (self->contact);

  if (id == 0)
    return;

  lia_editor_trash_and_close (GTK_WINDOW (self), self->toast_overlay, self->store,
                              LIA_RECORD_CONTACT, id, lia_contact_get_name (self->contact));
}

static void
lia_contact_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_CONTACT_EDITOR);

  G_OBJECT_CLASS (lia_contact_editor_parent_class)->dispose (object);
}

static void
lia_contact_editor_finalize (GObject *object)
{
  LiaContactEditor *self = (LiaContactEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (lia_contact_editor_parent_class)->finalize (object);
}

static void
lia_contact_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaContactEditor *self = LIA_CONTACT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contact_editor_class_init (LiaContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_contact_editor_dispose;
  object_class->finalize = lia_contact_editor_finalize;
  object_class->get_property = lia_contact_editor_get_property;

  properties [PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaContactEditor::saved:
   * @contact: the contact as saved
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, trash_button);
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, primary_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, method_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "contact-editor.save", NULL, lia_contact_editor_save_action);
  gtk_widget_class_install_action (widget_class, "contact-editor.trash", NULL, lia_contact_editor_trash_action);

  lia_editor_class_add_shortcuts (widget_class, "contact-editor.save");
}

static void
lia_contact_editor_init (LiaContactEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lia_editor_set_enum_model (self->method_row, LIA_TYPE_CONTACT_METHOD);
}

/**
 * lia_contact_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database
 * @partner_id: the partner the person works at
 * @contact: (nullable): the person to edit, %NULL for a new one
 *
 * Returns: (transfer none): a new editor, owned by GTK like every toplevel
 */
LiaContactEditor *
lia_contact_editor_new (GtkWindow  *parent,
                        LiaStore   *store,
                        gint64      partner_id,
                        LiaContact *contact)
{
  LiaContactEditor *self;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (contact == NULL || LIA_IS_CONTACT (contact), NULL);

  self = g_object_new (LIA_TYPE_CONTACT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  if (contact != NULL && lia_contact_get_id (contact) != 0)
    self->contact = lia_store_get_contact (store, lia_contact_get_id (contact), NULL);
  if (self->contact == NULL)
    {
      self->contact = lia_contact_new ();
      lia_contact_set_partner_id (self->contact, partner_id);
    }

  title = lia_contact_get_id (self->contact) != 0 ? _("Edit Contact") : _("New Contact");
  adw_window_title_set_title (self->window_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->trash_button), lia_contact_get_id (self->contact) != 0);
  gtk_window_set_title (GTK_WINDOW (self), title);

  lia_editor_set_text (self->name_row, lia_contact_get_name (self->contact));
  lia_editor_set_text (self->role_row, lia_contact_get_role (self->contact));
  gtk_switch_set_active (self->primary_switch, lia_contact_get_is_primary (self->contact));
  lia_editor_set_text (self->email_row, lia_contact_get_email (self->contact));
  lia_editor_set_text (self->phone_row, lia_contact_get_phone (self->contact));
  adw_combo_row_set_selected (self->method_row, lia_contact_get_preferred_method (self->contact));
  lia_editor_set_text (self->notes_row, lia_contact_get_notes (self->contact));

  self->name_touched = lia_contact_get_id (self->contact) != 0;
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

gboolean
lia_contact_editor_get_valid (LiaContactEditor *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT_EDITOR (self), FALSE);

  return self->valid;
}

/**
 * lia_contact_editor_save:
 * @self: a #LiaContactEditor
 * @error: where to put what went wrong
 *
 * Returns: %TRUE when the contact was saved
 */
gboolean
lia_contact_editor_save (LiaContactEditor  *self,
                         GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *notes = NULL;

  g_return_val_if_fail (LIA_IS_CONTACT_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = lia_editor_dup_text (self->name_row);
  role = lia_editor_dup_text (self->role_row);
  email = lia_editor_dup_text (self->email_row);
  phone = lia_editor_dup_text (self->phone_row);
  notes = lia_editor_dup_text (self->notes_row);

  lia_contact_set_name (self->contact, name);
  lia_contact_set_role (self->contact, role);
  lia_contact_set_is_primary (self->contact, gtk_switch_get_active (self->primary_switch));
  lia_contact_set_email (self->contact, lia_editor_is_blank (email) ? NULL : email);
  lia_contact_set_phone (self->contact, lia_editor_is_blank (phone) ? NULL : phone);
  lia_contact_set_preferred_method (self->contact, adw_combo_row_get_selected (self->method_row));
  lia_contact_set_notes (self->contact, notes);

  if (!lia_store_save_contact (self->store, self->contact, error))
    return FALSE;

  g_signal_emit (self, signals [SAVED], 0, self->contact);

  return TRUE;
}
