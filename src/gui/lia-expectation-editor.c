/* lia-expectation-editor.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-expectation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-agreement.h"
#include "lia-editor-util.h"
#include "lia-expectation-editor.h"
#include "lia-validate.h"

/* What one side promised the other, repeating or due once, as a form. */
struct _LiaExpectationEditor
{
  AdwWindow        parent_instance;

  /* Owned */
  LiaStore        *store;
  LiaExpectation  *expectation;  /* a copy, saved only on Save */
  GPtrArray       *agreements;   /* of LiaAgreement: agreement_row's choices after "None" */
  gboolean         what_touched;
  gboolean         valid;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkButton       *trash_button;
  AdwEntryRow     *what_row;
  AdwComboRow     *direction_row;
  AdwComboRow     *agreement_row;
  AdwComboRow     *status_row;
  GtkSpinButton   *cadence_spin;
  AdwEntryRow     *due_row;
};

G_DEFINE_FINAL_TYPE (LiaExpectationEditor, lia_expectation_editor, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_VALID, N_PROPS };
enum { SAVED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
validate (LiaExpectationEditor *self)
{
  g_autofree char *what = lia_editor_dup_text (self->what_row);
  g_autofree char *due = lia_editor_dup_text (self->due_row);
  gboolean valid = !lia_editor_is_blank (what);

  lia_editor_show_problem (self->what_row, valid || !self->what_touched ? NULL : _("Say what is expected"));

  if (!lia_editor_is_blank (due) && !lia_validate_date (due))
    {
      lia_editor_show_problem (self->due_row, _("Not a day, like 2026-03-31"));
      valid = FALSE;
    }
  else if (lia_editor_is_blank (due) && gtk_spin_button_get_value_as_int (self->cadence_spin) == 0)
    {
      /* Neither repeating nor due: nothing would ever come due. */
      lia_editor_show_problem (self->due_row, _("A day, or a number of days above"));
      valid = FALSE;
    }
  else
    {
      lia_editor_show_problem (self->due_row, NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "expectation-editor.save", valid);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID]);
    }
}

static void
on_row_changed_cb (LiaExpectationEditor *self,
                   AdwEntryRow          *row)
{
  if (row == self->what_row)
    self->what_touched = TRUE;

  validate (self);
}

static void
on_cadence_changed_cb (LiaExpectationEditor *self)
{
  validate (self);
}

static void
on_entry_activated_cb (LiaExpectationEditor *self,
                       AdwEntryRow          *row)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "expectation-editor.save", NULL);
}

static void
lia_expectation_editor_save_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LiaExpectationEditor *self = LIA_EXPECTATION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  gboolean saved = lia_expectation_editor_save (self, &error);

  lia_editor_close_if_saved (GTK_WINDOW (self), self->toast_overlay, saved, error);
}

static void
lia_expectation_editor_trash_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LiaExpectationEditor *self = LIA_EXPECTATION_EDITOR (widget);
  gint64 id = lia_expectation_get_id (self->expectation);

  if (id == 0)
    return;

  lia_editor_trash_and_close (GTK_WINDOW (self), self->toast_overlay, self->store,
                              LIA_RECORD_EXPECTATION, id, lia_expectation_get_what (self->expectation));
}

static void
lia_expectation_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_EXPECTATION_EDITOR);

  G_OBJECT_CLASS (lia_expectation_editor_parent_class)->dispose (object);
}

static void
lia_expectation_editor_finalize (GObject *object)
{
  LiaExpectationEditor *self = (LiaExpectationEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->expectation);
  g_clear_pointer (&self->agreements, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_expectation_editor_parent_class)->finalize (object);
}

static void
lia_expectation_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LiaExpectationEditor *self = LIA_EXPECTATION_EDITOR (object);

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
lia_expectation_editor_class_init (LiaExpectationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_expectation_editor_dispose;
  object_class->finalize = lia_expectation_editor_finalize;
  object_class->get_property = lia_expectation_editor_get_property;

  properties [PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaExpectationEditor::saved:
   * @expectation: the expectation as saved
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_EXPECTATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-expectation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaExpectationEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaExpectationEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaExpectationEditor, trash_button);
  gtk_widget_class_bind_template_child (widget_class, LiaExpectationEditor, what_row);
  gtk_widget_class_bind_template_child (widget_class, LiaExpectationEditor, direction_row);
  gtk_widget_class_bind_template_child (widget_class, LiaExpectationEditor, agreement_row);
  gtk_widget_class_bind_template_child (widget_class, LiaExpectationEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, LiaExpectationEditor, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaExpectationEditor, due_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cadence_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "expectation-editor.save", NULL, lia_expectation_editor_save_action);
  gtk_widget_class_install_action (widget_class, "expectation-editor.trash", NULL, lia_expectation_editor_trash_action);

  lia_editor_class_add_shortcuts (widget_class, "expectation-editor.save");
}

static void
lia_expectation_editor_init (LiaExpectationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lia_editor_set_enum_model (self->direction_row, LIA_TYPE_DIRECTION);
  lia_editor_set_enum_model (self->status_row, LIA_TYPE_EXPECTATION_STATUS);
}

static void
fill_agreements (LiaExpectationEditor *self,
                 gint64                partner_id,
                 gint64                agreement_id)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  gtk_string_list_append (list, _("None"));

  self->agreements = lia_store_list_agreements (self->store, partner_id, &error);
  if (self->agreements == NULL)
    {
      g_debug ("Cannot list the agreements: %s", error->message);
      self->agreements = g_ptr_array_new_with_free_func (g_object_unref);
    }

  for (guint i = 0; i < self->agreements->len; i++)
    {
      LiaAgreement *agreement = g_ptr_array_index (self->agreements, i);

      gtk_string_list_append (list, lia_agreement_get_title (agreement));
      if (lia_agreement_get_id (agreement) == agreement_id)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->agreement_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->agreement_row, selected);
}

/**
 * lia_expectation_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database
 * @partner_id: the partner it concerns
 * @agreement_id: the agreement a new expectation comes under, or 0
 * @expectation: (nullable): the expectation to edit, %NULL for a new one
 *
 * Returns: (transfer none): a new editor, owned by GTK like every toplevel
 */
LiaExpectationEditor *
lia_expectation_editor_new (GtkWindow      *parent,
                            LiaStore       *store,
                            gint64          partner_id,
                            gint64          agreement_id,
                            LiaExpectation *expectation)
{
  LiaExpectationEditor *self;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (expectation == NULL || LIA_IS_EXPECTATION (expectation), NULL);

  self = g_object_new (LIA_TYPE_EXPECTATION_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  if (expectation != NULL && lia_expectation_get_id (expectation) != 0)
    self->expectation = lia_store_get_expectation (store, lia_expectation_get_id (expectation), NULL);
  if (self->expectation == NULL)
    {
      self->expectation = lia_expectation_new ();
      lia_expectation_set_partner_id (self->expectation, partner_id);
      lia_expectation_set_agreement_id (self->expectation, agreement_id);
      lia_expectation_set_cadence_days (self->expectation, 30);
    }

  title = lia_expectation_get_id (self->expectation) != 0 ? _("Edit Expectation") : _("New Expectation");
  adw_window_title_set_title (self->window_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->trash_button), lia_expectation_get_id (self->expectation) != 0);
  gtk_window_set_title (GTK_WINDOW (self), title);

  lia_editor_set_text (self->what_row, lia_expectation_get_what (self->expectation));
  adw_combo_row_set_selected (self->direction_row, lia_expectation_get_direction (self->expectation));
  adw_combo_row_set_selected (self->status_row, lia_expectation_get_status (self->expectation));
  fill_agreements (self, lia_expectation_get_partner_id (self->expectation),
                   lia_expectation_get_agreement_id (self->expectation));
  gtk_spin_button_set_value (self->cadence_spin, MAX (0, lia_expectation_get_cadence_days (self->expectation)));
  lia_editor_set_text (self->due_row, lia_expectation_get_due_on (self->expectation));

  self->what_touched = lia_expectation_get_id (self->expectation) != 0;
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->what_row));

  return self;
}

gboolean
lia_expectation_editor_get_valid (LiaExpectationEditor *self)
{
  g_return_val_if_fail (LIA_IS_EXPECTATION_EDITOR (self), FALSE);

  return self->valid;
}

/**
 * lia_expectation_editor_save:
 * @self: a #LiaExpectationEditor
 * @error: where to put what went wrong
 *
 * Returns: %TRUE when the expectation was saved
 */
gboolean
lia_expectation_editor_save (LiaExpectationEditor  *self,
                             GError               **error)
{
  g_autofree char *what = NULL;
  g_autofree char *due = NULL;
  guint agreement;

  g_return_val_if_fail (LIA_IS_EXPECTATION_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  what = lia_editor_dup_text (self->what_row);
  due = lia_editor_dup_text (self->due_row);
  agreement = adw_combo_row_get_selected (self->agreement_row);

  lia_expectation_set_what (self->expectation, what);
  lia_expectation_set_direction (self->expectation, adw_combo_row_get_selected (self->direction_row));
  lia_expectation_set_status (self->expectation, adw_combo_row_get_selected (self->status_row));
  lia_expectation_set_cadence_days (self->expectation, gtk_spin_button_get_value_as_int (self->cadence_spin));
  lia_expectation_set_due_on (self->expectation, lia_editor_is_blank (due) ? NULL : due);
  lia_expectation_set_agreement_id (self->expectation,
                                    agreement > 0 && agreement <= self->agreements->len
                                      ? lia_agreement_get_id (g_ptr_array_index (self->agreements, agreement - 1))
                                      : 0);

  if (!lia_store_save_expectation (self->store, self->expectation, error))
    return FALSE;

  g_signal_emit (self, signals [SAVED], 0, self->expectation);

  return TRUE;
}
