/* lia-agreement-editor.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-agreement-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-agreement-editor.h"
#include "lia-trash-toast.h"
#include "lia-validate.h"

/* What was agreed with a partner, as a form checked as it is typed. */
struct _LiaAgreementEditor
{
  AdwWindow        parent_instance;

  /* Owned */
  LiaStore        *store;
  LiaAgreement    *agreement;    /* a copy, saved only on Save */
  gboolean         title_touched;
  gboolean         valid;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkButton       *trash_button;
  AdwEntryRow     *title_row;
  AdwComboRow     *kind_row;
  AdwComboRow     *status_row;
  AdwEntryRow     *signed_row;
  AdwEntryRow     *starts_row;
  AdwEntryRow     *ends_row;
  GtkSwitch       *auto_renews_switch;
  AdwEntryRow     *document_row;
  AdwEntryRow     *notes_row;
};

G_DEFINE_FINAL_TYPE (LiaAgreementEditor, lia_agreement_editor, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_VALID, N_PROPS };
enum { SAVED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
show_problem (AdwEntryRow *row,
              const char  *problem)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "lia-problem-label");

  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_entry_row_add_suffix (row, label);
      g_object_set_data (G_OBJECT (row), "lia-problem-label", label);
    }

  gtk_label_set_label (GTK_LABEL (label), problem != NULL ? problem : "");
  gtk_widget_set_visible (label, problem != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), problem);

  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
check_date (AdwEntryRow *row)
{
  g_autofree char *text = dup_text (row);
  gboolean ok = is_blank (text) || lia_validate_date (text);

  show_problem (row, ok ? NULL : _("Not a day, like 2026-03-31"));
  return ok;
}

static void
validate (LiaAgreementEditor *self)
{
  g_autofree char *title = dup_text (self->title_row);
  gboolean valid = !is_blank (title);
  gboolean dates_ok;

  show_problem (self->title_row, valid || !self->title_touched ? NULL : _("A title is required"));
  valid &= check_date (self->signed_row);
  dates_ok = check_date (self->starts_row);
  dates_ok &= check_date (self->ends_row);
  valid &= dates_ok;

  if (dates_ok)
    {
      g_autofree char *starts = dup_text (self->starts_row);
      g_autofree char *ends = dup_text (self->ends_row);

      /* YYYY-MM-DD days compare as text. */
      if (!is_blank (starts) && !is_blank (ends) && strcmp (ends, starts) < 0)
        {
          show_problem (self->ends_row, _("Before the start"));
          valid = FALSE;
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement-editor.save", valid);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID]);
    }
}

static void
on_row_changed_cb (LiaAgreementEditor *self,
                   AdwEntryRow        *row)
{
  if (row == self->title_row)
    self->title_touched = TRUE;

  validate (self);
}

static void
on_entry_activated_cb (LiaAgreementEditor *self,
                       AdwEntryRow        *row)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "agreement-editor.save", NULL);
}

static void
set_enum_model (AdwComboRow *row,
                GType        type)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  /* The values count from 0 without gaps: the position is the value. */
  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (list, lia_enum_to_label (type, (int)i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
lia_agreement_editor_save_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LiaAgreementEditor *self = LIA_AGREEMENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!lia_agreement_editor_save (self, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lia_agreement_editor_trash_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LiaAgreementEditor *self = LIA_AGREEMENT_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 id = lia_agreement_get_id (self->agreement);
  g_autofree char *name = g_strdup (lia_agreement_get_title (self->agreement));
  g_autoptr(LiaStore) store = g_object_ref (self->store);
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return;

  if (!lia_store_trash (store, LIA_RECORD_AGREEMENT, id, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));

  if (parent != NULL)
    lia_show_trashed_toast (GTK_WIDGET (parent), store, LIA_RECORD_AGREEMENT, id, name);
}

static void
lia_agreement_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_AGREEMENT_EDITOR);

  G_OBJECT_CLASS (lia_agreement_editor_parent_class)->dispose (object);
}

static void
lia_agreement_editor_finalize (GObject *object)
{
  LiaAgreementEditor *self = (LiaAgreementEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->agreement);

  G_OBJECT_CLASS (lia_agreement_editor_parent_class)->finalize (object);
}

static void
lia_agreement_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LiaAgreementEditor *self = LIA_AGREEMENT_EDITOR (object);

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
lia_agreement_editor_class_init (LiaAgreementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_agreement_editor_dispose;
  object_class->finalize = lia_agreement_editor_finalize;
  object_class->get_property = lia_agreement_editor_get_property;

  properties [PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaAgreementEditor::saved:
   * @agreement: the agreement as saved
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_AGREEMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-agreement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, trash_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, signed_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, starts_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, auto_renews_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, document_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAgreementEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "agreement-editor.save", NULL, lia_agreement_editor_save_action);
  gtk_widget_class_install_action (widget_class, "agreement-editor.trash", NULL, lia_agreement_editor_trash_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "agreement-editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "agreement-editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "agreement-editor.save", NULL);
}

static void
lia_agreement_editor_init (LiaAgreementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_enum_model (self->kind_row, LIA_TYPE_AGREEMENT_KIND);
  set_enum_model (self->status_row, LIA_TYPE_AGREEMENT_STATUS);
}

/**
 * lia_agreement_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database
 * @partner_id: the partner it is with
 * @agreement: (nullable): the agreement to edit, %NULL for a new one
 *
 * Returns: (transfer none): a new editor, owned by GTK like every toplevel
 */
LiaAgreementEditor *
lia_agreement_editor_new (GtkWindow    *parent,
                          LiaStore     *store,
                          gint64        partner_id,
                          LiaAgreement *agreement)
{
  LiaAgreementEditor *self;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (agreement == NULL || LIA_IS_AGREEMENT (agreement), NULL);

  self = g_object_new (LIA_TYPE_AGREEMENT_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  if (agreement != NULL && lia_agreement_get_id (agreement) != 0)
    self->agreement = lia_store_get_agreement (store, lia_agreement_get_id (agreement), NULL);
  if (self->agreement == NULL)
    {
      self->agreement = lia_agreement_new ();
      lia_agreement_set_partner_id (self->agreement, partner_id);
      lia_agreement_set_status (self->agreement, LIA_AGREEMENT_STATUS_ACTIVE);
    }

  title = lia_agreement_get_id (self->agreement) != 0 ? _("Edit Agreement") : _("New Agreement");
  adw_window_title_set_title (self->window_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->trash_button), lia_agreement_get_id (self->agreement) != 0);
  gtk_window_set_title (GTK_WINDOW (self), title);

  set_entry (self->title_row, lia_agreement_get_title (self->agreement));
  adw_combo_row_set_selected (self->kind_row, lia_agreement_get_kind (self->agreement));
  adw_combo_row_set_selected (self->status_row, lia_agreement_get_status (self->agreement));
  set_entry (self->signed_row, lia_agreement_get_signed_on (self->agreement));
  set_entry (self->starts_row, lia_agreement_get_starts_on (self->agreement));
  set_entry (self->ends_row, lia_agreement_get_ends_on (self->agreement));
  gtk_switch_set_active (self->auto_renews_switch, lia_agreement_get_auto_renews (self->agreement));
  set_entry (self->document_row, lia_agreement_get_document (self->agreement));
  set_entry (self->notes_row, lia_agreement_get_notes (self->agreement));

  self->title_touched = lia_agreement_get_id (self->agreement) != 0;
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}

gboolean
lia_agreement_editor_get_valid (LiaAgreementEditor *self)
{
  g_return_val_if_fail (LIA_IS_AGREEMENT_EDITOR (self), FALSE);

  return self->valid;
}

/**
 * lia_agreement_editor_save:
 * @self: a #LiaAgreementEditor
 * @error: where to put what went wrong
 *
 * Returns: %TRUE when the agreement was saved
 */
gboolean
lia_agreement_editor_save (LiaAgreementEditor  *self,
                           GError             **error)
{
  g_autofree char *title = NULL;
  g_autofree char *signed_on = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  g_autofree char *document = NULL;
  g_autofree char *notes = NULL;

  g_return_val_if_fail (LIA_IS_AGREEMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = dup_text (self->title_row);
  signed_on = dup_text (self->signed_row);
  starts_on = dup_text (self->starts_row);
  ends_on = dup_text (self->ends_row);
  document = dup_text (self->document_row);
  notes = dup_text (self->notes_row);

  lia_agreement_set_title (self->agreement, title);
  lia_agreement_set_kind (self->agreement, adw_combo_row_get_selected (self->kind_row));
  lia_agreement_set_status (self->agreement, adw_combo_row_get_selected (self->status_row));
  lia_agreement_set_signed_on (self->agreement, is_blank (signed_on) ? NULL : signed_on);
  lia_agreement_set_starts_on (self->agreement, is_blank (starts_on) ? NULL : starts_on);
  lia_agreement_set_ends_on (self->agreement, is_blank (ends_on) ? NULL : ends_on);
  lia_agreement_set_auto_renews (self->agreement, gtk_switch_get_active (self->auto_renews_switch));
  lia_agreement_set_document (self->agreement, is_blank (document) ? NULL : document);
  lia_agreement_set_notes (self->agreement, notes);

  if (!lia_store_save_agreement (self->store, self->agreement, error))
    return FALSE;

  g_signal_emit (self, signals [SAVED], 0, self->agreement);

  return TRUE;
}
