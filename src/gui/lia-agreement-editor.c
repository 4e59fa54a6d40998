/* lia-agreement-editor.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-agreement-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-agreement-editor.h"
#include "lia-editor-util.h"
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

static gboolean
check_date (AdwEntryRow *row)
{
  return lia_editor_check_row (row, lia_validate_date, _("Not a day, like 2026-03-31"));
}

static void
validate (LiaAgreementEditor *self)
{
  g_autofree char *title = lia_editor_dup_text (self->title_row);
  gboolean valid = !lia_editor_is_blank (title);
  gboolean dates_ok;

  lia_editor_show_problem (self->title_row, valid || !self->title_touched ? NULL : _("A title is required"));
  valid &= check_date (self->signed_row);
  dates_ok = check_date (self->starts_row);
  dates_ok &= check_date (self->ends_row);
  valid &= dates_ok;

  if (dates_ok)
    {
      g_autofree char *starts = lia_editor_dup_text (self->starts_row);
      g_autofree char *ends = lia_editor_dup_text (self->ends_row);

      /* YYYY-MM-DD days compare as text. */
      if (!lia_editor_is_blank (starts) && !lia_editor_is_blank (ends) && strcmp (ends, starts) < 0)
        {
          lia_editor_show_problem (self->ends_row, _("Before the start"));
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
lia_agreement_editor_save_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LiaAgreementEditor *self = LIA_AGREEMENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  gboolean saved = lia_agreement_editor_save (self, &error);

  lia_editor_close_if_saved (GTK_WINDOW (self), self->toast_overlay, saved, error);
}

static void
lia_agreement_editor_trash_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LiaAgreementEditor *self = LIA_AGREEMENT_EDITOR (widget);
  gint64 id = lia_agreement_get_id (self->agreement);

  if (id == 0)
    return;

  lia_editor_trash_and_close (GTK_WINDOW (self), self->toast_overlay, self->store,
                              LIA_RECORD_AGREEMENT, id, lia_agreement_get_title (self->agreement));
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

  lia_editor_class_add_shortcuts (widget_class, "agreement-editor.save");
}

static void
lia_agreement_editor_init (LiaAgreementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lia_editor_set_enum_model (self->kind_row, LIA_TYPE_AGREEMENT_KIND);
  lia_editor_set_enum_model (self->status_row, LIA_TYPE_AGREEMENT_STATUS);
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

  lia_editor_set_text (self->title_row, lia_agreement_get_title (self->agreement));
  adw_combo_row_set_selected (self->kind_row, lia_agreement_get_kind (self->agreement));
  adw_combo_row_set_selected (self->status_row, lia_agreement_get_status (self->agreement));
  lia_editor_set_text (self->signed_row, lia_agreement_get_signed_on (self->agreement));
  lia_editor_set_text (self->starts_row, lia_agreement_get_starts_on (self->agreement));
  lia_editor_set_text (self->ends_row, lia_agreement_get_ends_on (self->agreement));
  gtk_switch_set_active (self->auto_renews_switch, lia_agreement_get_auto_renews (self->agreement));
  lia_editor_set_text (self->document_row, lia_agreement_get_document (self->agreement));
  lia_editor_set_text (self->notes_row, lia_agreement_get_notes (self->agreement));

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

  title = lia_editor_dup_text (self->title_row);
  signed_on = lia_editor_dup_text (self->signed_row);
  starts_on = lia_editor_dup_text (self->starts_row);
  ends_on = lia_editor_dup_text (self->ends_row);
  document = lia_editor_dup_text (self->document_row);
  notes = lia_editor_dup_text (self->notes_row);

  lia_agreement_set_title (self->agreement, title);
  lia_agreement_set_kind (self->agreement, adw_combo_row_get_selected (self->kind_row));
  lia_agreement_set_status (self->agreement, adw_combo_row_get_selected (self->status_row));
  lia_agreement_set_signed_on (self->agreement, lia_editor_is_blank (signed_on) ? NULL : signed_on);
  lia_agreement_set_starts_on (self->agreement, lia_editor_is_blank (starts_on) ? NULL : starts_on);
  lia_agreement_set_ends_on (self->agreement, lia_editor_is_blank (ends_on) ? NULL : ends_on);
  lia_agreement_set_auto_renews (self->agreement, gtk_switch_get_active (self->auto_renews_switch));
  lia_agreement_set_document (self->agreement, lia_editor_is_blank (document) ? NULL : document);
  lia_agreement_set_notes (self->agreement, notes);

  if (!lia_store_save_agreement (self->store, self->agreement, error))
    return FALSE;

  g_signal_emit (self, signals [SAVED], 0, self->agreement);

  return TRUE;
}
