/* lia-contact-logger.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-contact-logger"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-contact-logger.h"
#include "lia-contact.h"
#include "lia-editor-util.h"
#include "lia-expectation.h"
#include "lia-interaction.h"
#include "lia-validate.h"

/* "Log a Contact": the one form staff fill many times a day, so it opens
 * with the cursor in Summary, Call chosen, and saves with Enter. */
struct _LiaContactLogger
{
  AdwWindow        parent_instance;

  /* Owned */
  LiaStore        *store;
  LiaPartner      *partner;
  LiaInteraction  *interaction;    /* the entry edited, NULL for a new one */
  GPtrArray       *contacts;       /* of LiaContact: contact_row's choices after "Nobody" */
  GPtrArray       *expectations;   /* of LiaExpectation: expectation_row's after "No" */
  LiaInteractionKind kind;
  gboolean         valid;
  gboolean         keeps_contact;      /* the entry's person is not offered */
  gboolean         keeps_expectation;  /* nor its expectation (met, ended) */

  /* Template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkButton       *trash_button;
  GtkBox          *kind_box;
  AdwEntryRow     *summary_row;
  AdwEntryRow     *outcome_row;
  AdwComboRow     *contact_row;
  AdwEntryRow     *follow_up_row;
  GtkMenuButton   *calendar_button;
  GtkPopover      *calendar_popover;
  GtkCalendar     *calendar;
  GtkSwitch       *confirms_switch;
  AdwComboRow     *expectation_row;
};

G_DEFINE_FINAL_TYPE (LiaContactLogger, lia_contact_logger, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_VALID, N_PROPS };
enum { SAVED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The kinds offered, in the order of the toggle buttons. */
static const struct {
  LiaInteractionKind  kind;
  const char         *label;
  const char         *icon_name;
} kinds[] = {
  { LIA_INTERACTION_KIND_CALL, N_("Call"), "call-start-symbolic" },
  { LIA_INTERACTION_KIND_EMAIL, N_("E-mail"), "mail-unread-symbolic" },
  { LIA_INTERACTION_KIND_MEETING, N_("Meeting"), "system-users-symbolic" },
  { LIA_INTERACTION_KIND_VISIT, N_("Visit"), "find-location-symbolic" },
  { LIA_INTERACTION_KIND_EVENT, N_("Event"), "x-office-calendar-symbolic" },
  { LIA_INTERACTION_KIND_NOTE, N_("Note"), "document-edit-symbolic" },
};

static void
validate (LiaContactLogger *self)
{
  g_autofree char *summary = lia_editor_dup_text (self->summary_row);
  gboolean follow_up_ok = lia_editor_check_row (self->follow_up_row, lia_validate_date,
                                                _("Not a day, like 2026-03-31"));
  gboolean valid;

  valid = !lia_editor_is_blank (summary) && follow_up_ok;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "logger.save", valid);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID]);
    }
}

static void
on_summary_changed_cb (LiaContactLogger *self)
{
  validate (self);
}

static void
on_follow_up_changed_cb (LiaContactLogger *self)
{
  validate (self);
}

static void
on_entry_activated_cb (LiaContactLogger *self,
                       AdwEntryRow      *row)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "logger.save", NULL);
  else if (row != self->summary_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
}

static void
on_calendar_day_selected_cb (LiaContactLogger *self,
                             GtkCalendar      *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->follow_up_row), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
on_kind_toggled_cb (LiaContactLogger *self,
                    GtkToggleButton  *button)
{
  if (gtk_toggle_button_get_active (button))
    self->kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lia-kind"));
}

static void
add_kind_buttons (LiaContactLogger *self)
{
  GtkToggleButton *group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), kinds[i].icon_name);
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _(kinds[i].label));
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_name (button, lia_enum_to_nick (LIA_TYPE_INTERACTION_KIND, kinds[i].kind));
      g_object_set_data (G_OBJECT (button), "lia-kind", GINT_TO_POINTER (kinds[i].kind));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_kind_toggled_cb), self, G_CONNECT_SWAPPED);

      if (group == NULL)
        group = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);

      gtk_box_append (self->kind_box, button);
    }

  /* Most contacts are calls. */
  gtk_toggle_button_set_active (group, TRUE);
  self->kind = LIA_INTERACTION_KIND_CALL;
}

static void
fill_choices (LiaContactLogger *self)
{
  g_autoptr(GtkStringList) contacts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) expectations = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) all_expectations = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner_id = lia_partner_get_id (self->partner);

  gtk_string_list_append (contacts, _("Nobody in particular"));
  self->contacts = lia_store_list_contacts (self->store, partner_id, FALSE, &error);
  if (self->contacts == NULL)
    {
      g_debug ("Cannot list the contacts: %s", error->message);
      g_clear_error (&error);
      self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint i = 0; i < self->contacts->len; i++)
    gtk_string_list_append (contacts, lia_contact_get_name (g_ptr_array_index (self->contacts, i)));
  adw_combo_row_set_model (self->contact_row, G_LIST_MODEL (contacts));
  /* The primary contact comes first: the likeliest person. */
  adw_combo_row_set_selected (self->contact_row, self->contacts->len > 0 ? 1 : 0);

  gtk_string_list_append (expectations, _("No"));
  self->expectations = g_ptr_array_new_with_free_func (g_object_unref);
  all_expectations = lia_store_list_expectations (self->store, partner_id, &error);
  if (all_expectations == NULL)
    g_debug ("Cannot list the expectations: %s", error->message);
  for (guint i = 0; all_expectations != NULL && i < all_expectations->len; i++)
    {
      LiaExpectation *expectation = g_ptr_array_index (all_expectations, i);

      if (lia_expectation_get_status (expectation) != LIA_EXPECTATION_STATUS_ACTIVE)
        continue;

      g_ptr_array_add (self->expectations, g_object_ref (expectation));
      gtk_string_list_append (expectations, lia_expectation_get_what (expectation));
    }
  adw_combo_row_set_model (self->expectation_row, G_LIST_MODEL (expectations));
  adw_combo_row_set_selected (self->expectation_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->expectation_row), self->expectations->len > 0);
}

static void
lia_contact_logger_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LiaContactLogger *self = LIA_CONTACT_LOGGER (widget);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (!self->valid)
    return;

  saved = lia_contact_logger_save (self, &error);

  lia_editor_close_if_saved (GTK_WINDOW (self), self->toast_overlay, saved, error);
}

static void
lia_contact_logger_trash_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LiaContactLogger *self = LIA_CONTACT_LOGGER (widget);

  if (self->interaction == NULL)
    return;

  lia_editor_trash_and_close (GTK_WINDOW (self), self->toast_overlay, self->store,
                              LIA_RECORD_INTERACTION, lia_interaction_get_id (self->interaction),
                              lia_interaction_get_summary (self->interaction));
}

static void
lia_contact_logger_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_CONTACT_LOGGER);

  G_OBJECT_CLASS (lia_contact_logger_parent_class)->dispose (object);
}

static void
lia_contact_logger_finalize (GObject *object)
{
  LiaContactLogger *self = (LiaContactLogger *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_object (&self->interaction);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->expectations, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_contact_logger_parent_class)->finalize (object);
}

static void
lia_contact_logger_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaContactLogger *self = LIA_CONTACT_LOGGER (object);

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
lia_contact_logger_class_init (LiaContactLoggerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_contact_logger_dispose;
  object_class->finalize = lia_contact_logger_finalize;
  object_class->get_property = lia_contact_logger_get_property;

  properties [PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaContactLogger::saved:
   * @interaction: the interaction as saved
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_INTERACTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-contact-logger.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, trash_button);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, kind_box);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, summary_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, contact_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, calendar);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, confirms_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaContactLogger, expectation_row);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_up_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "logger.save", NULL, lia_contact_logger_save_action);
  gtk_widget_class_install_action (widget_class, "logger.trash", NULL, lia_contact_logger_trash_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "logger.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "logger.save", NULL);
}

static void
lia_contact_logger_init (LiaContactLogger *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_kind_buttons (self);
  validate (self);
}

/**
 * lia_contact_logger_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database
 * @partner: who the contact was with
 *
 * Returns: (transfer none): a new logger, owned by GTK like every toplevel
 */
LiaContactLogger *
lia_contact_logger_new (GtkWindow  *parent,
                        LiaStore   *store,
                        LiaPartner *partner)
{
  LiaContactLogger *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_PARTNER (partner), NULL);

  self = g_object_new (LIA_TYPE_CONTACT_LOGGER,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->partner = g_object_ref (partner);

  adw_window_title_set_subtitle (self->window_title, lia_partner_get_name (partner));
  fill_choices (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));

  return self;
}

static void
select_kind (LiaContactLogger   *self,
             LiaInteractionKind  kind)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kind_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "lia-kind")) == (int)kind)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);

  /* A kind without a button (an update request) stays as it is. */
  self->kind = kind;
}

/**
 * lia_contact_logger_new_for_interaction:
 * @parent: (nullable): the window it belongs to
 * @store: the database
 * @interaction: the entry of the history to correct
 *
 * Returns: (transfer none): a new logger that edits @interaction, owned by
 *   GTK like every toplevel, or %NULL when its partner cannot be read
 */
LiaContactLogger *
lia_contact_logger_new_for_interaction (GtkWindow      *parent,
                                        LiaStore       *store,
                                        LiaInteraction *interaction)
{
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  LiaContactLogger *self;
  const char *title = _("Edit Contact Entry");
  gint64 contact_id, expectation_id;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_INTERACTION (interaction), NULL);
  g_return_val_if_fail (lia_interaction_get_id (interaction) != 0, NULL);

  partner = lia_store_get_partner (store, lia_interaction_get_partner_id (interaction), &error);
  if (partner == NULL)
    {
      g_debug ("Cannot read the partner of the entry: %s", error->message);
      return NULL;
    }

  self = lia_contact_logger_new (parent, store, partner);
  self->interaction = lia_store_get_interaction (store, lia_interaction_get_id (interaction), NULL);
  if (self->interaction == NULL)
    self->interaction = g_object_ref (interaction);

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (GTK_WIDGET (self->trash_button), TRUE);

  select_kind (self, lia_interaction_get_kind (self->interaction));
  lia_editor_set_text (self->summary_row, lia_interaction_get_summary (self->interaction));
  lia_editor_set_text (self->outcome_row, lia_interaction_get_outcome (self->interaction));
  lia_editor_set_text (self->follow_up_row, lia_interaction_get_follow_up_on (self->interaction));
  gtk_switch_set_active (self->confirms_switch, lia_interaction_get_confirms_info (self->interaction));

  contact_id = lia_interaction_get_contact_id (self->interaction);
  adw_combo_row_set_selected (self->contact_row, 0);
  self->keeps_contact = contact_id != 0;
  for (guint i = 0; contact_id != 0 && i < self->contacts->len; i++)
    if (lia_contact_get_id (g_ptr_array_index (self->contacts, i)) == contact_id)
      {
        adw_combo_row_set_selected (self->contact_row, i + 1);
        self->keeps_contact = FALSE;
      }

  /* Only people still there and active expectations are offered; a link
   * to one no longer offered is kept while "Nobody" or "No" is chosen. */
  expectation_id = lia_interaction_get_expectation_id (self->interaction);
  self->keeps_expectation = expectation_id != 0;
  for (guint i = 0; expectation_id != 0 && i < self->expectations->len; i++)
    if (lia_expectation_get_id (g_ptr_array_index (self->expectations, i)) == expectation_id)
      {
        adw_combo_row_set_selected (self->expectation_row, i + 1);
        self->keeps_expectation = FALSE;
      }

  validate (self);

  return self;
}

gboolean
lia_contact_logger_get_valid (LiaContactLogger *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT_LOGGER (self), FALSE);

  return self->valid;
}

/**
 * lia_contact_logger_set_confirms_info:
 * @self: a #LiaContactLogger
 * @confirms_info: whether the contact confirms the partner's information
 *
 * Sets the switch's starting state; checking in on out-of-date
 * information is a contact that usually confirms it.
 */
void
lia_contact_logger_set_confirms_info (LiaContactLogger *self,
                                      gboolean          confirms_info)
{
  g_return_if_fail (LIA_IS_CONTACT_LOGGER (self));

  gtk_switch_set_active (self->confirms_switch, confirms_info);
}

/**
 * lia_contact_logger_save:
 * @self: a #LiaContactLogger
 * @error: where to put what went wrong
 *
 * Saves the interaction through the store (which also applies "confirms
 * their information" and the expectation met) and emits
 * #LiaContactLogger::saved.
 *
 * Returns: %TRUE when the interaction was saved
 */
gboolean
lia_contact_logger_save (LiaContactLogger  *self,
                         GError           **error)
{
  g_autoptr(LiaInteraction) interaction = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *summary = lia_editor_dup_text (self->summary_row);
  g_autofree char *outcome = lia_editor_dup_text (self->outcome_row);
  g_autofree char *follow_up = lia_editor_dup_text (self->follow_up_row);
  guint contact = adw_combo_row_get_selected (self->contact_row);
  guint expectation = adw_combo_row_get_selected (self->expectation_row);

  g_return_val_if_fail (LIA_IS_CONTACT_LOGGER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->interaction != NULL)
    interaction = g_object_ref (self->interaction);
  else
    {
      interaction = lia_interaction_new ();
      lia_interaction_set_partner_id (interaction, lia_partner_get_id (self->partner));
      lia_interaction_set_occurred_at (interaction, g_date_time_to_unix (now));
    }

  lia_interaction_set_kind (interaction, self->kind);
  lia_interaction_set_summary (interaction, summary);
  lia_interaction_set_outcome (interaction, outcome);
  lia_interaction_set_follow_up_on (interaction, lia_editor_is_blank (follow_up) ? NULL : follow_up);
  lia_interaction_set_confirms_info (interaction, gtk_switch_get_active (self->confirms_switch));

  if (contact != GTK_INVALID_LIST_POSITION && contact > 0 && contact <= self->contacts->len)
    {
      LiaContact *person = g_ptr_array_index (self->contacts, contact - 1);

      lia_interaction_set_contact_id (interaction, lia_contact_get_id (person));
      lia_interaction_set_contact_name (interaction, lia_contact_get_name (person));
    }
  else if (!self->keeps_contact)
    {
      lia_interaction_set_contact_id (interaction, 0);
      lia_interaction_set_contact_name (interaction, NULL);
    }

  if (expectation == 0 && !self->keeps_expectation)
    lia_interaction_set_expectation_id (interaction, 0);
  else if (expectation != GTK_INVALID_LIST_POSITION && expectation > 0 && expectation <= self->expectations->len)
    lia_interaction_set_expectation_id (interaction,
                                        lia_expectation_get_id (g_ptr_array_index (self->expectations,
                                                                                   expectation - 1)));

  if (!lia_store_save_interaction (self->store, interaction, error))
    return FALSE;

  g_signal_emit (self, signals [SAVED], 0, interaction);

  return TRUE;
}
