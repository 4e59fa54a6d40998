/* lia-partner-editor.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-partner-editor"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "lia-editor-util.h"
#include "lia-partner-editor.h"
#include "lia-settings.h"
#include "lia-validate.h"

/* A partner's profile as a form. Fields are checked as they are typed, with
 * the same rules the store applies, and Save waits until they are right. */
struct _LiaPartnerEditor
{
  AdwWindow       parent_instance;

  /* Owned */
  LiaStore       *store;
  LiaPartner     *partner;      /* a copy, saved only on Save */
  GStrv           owners;       /* the owner_row's choices after "Nobody" */
  GtkNativeDialog *logo_chooser;
  gboolean        name_touched;
  gboolean        valid;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwToastOverlay *toast_overlay;
  AdwEntryRow    *name_row;
  AdwActionRow   *logo_row;
  AdwAvatar      *logo_avatar;
  GtkLabel       *logo_problem_label;
  AdwComboRow    *kind_row;
  AdwComboRow    *status_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *services_row;
  AdwEntryRow    *website_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *address_row;
  AdwComboRow    *owner_row;
  AdwComboRow    *upkeep_row;
  GtkSpinButton  *cadence_spin;
  AdwPreferencesGroup *promotion_group;
  AdwComboRow    *tier_row;
  AdwEntryRow    *notes_row;

  /* Borrowed: the channel check buttons, in LiaChannels bit order */
  GtkCheckButton *channel_checks[5];
};

G_DEFINE_FINAL_TYPE (LiaPartnerEditor, lia_partner_editor, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_VALID, N_PROPS };
enum { SAVED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* What a logo file may weigh, and the size of the stored logo's longest
 * side: a logo is shown small, and the database keeps a copy of each. */
#define LOGO_MAX_FILE_SIZE (2 * 1024 * 1024)
#define LOGO_MAX_SIDE      512

/* Tells assistive technologies whether @widget holds something wrong. */
static void
set_invalid (GtkWidget *widget,
             gboolean   invalid)
{
  if (invalid)
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                 GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
}

/* Marks @row as wrong (or right again), saying what is wrong beside it. */
static void
show_problem (AdwEntryRow *row,
              const char  *problem)
{
  lia_editor_show_problem (row, problem);
  set_invalid (GTK_WIDGET (row), problem != NULL);
}

static gboolean
check_row (AdwEntryRow *row,
           gboolean   (*validate) (const char *text),
           const char  *problem)
{
  gboolean ok = lia_editor_check_row (row, validate, problem);

  set_invalid (GTK_WIDGET (row), !ok);
  return ok;
}

static void
validate (LiaPartnerEditor *self)
{
  g_autofree char *name = lia_editor_dup_text (self->name_row);
  gboolean valid = TRUE;

  if (lia_editor_is_blank (name))
    {
      valid = FALSE;
      show_problem (self->name_row, self->name_touched ? _("A name is required") : NULL);
    }
  else
    {
      show_problem (self->name_row, NULL);
    }

  valid &= check_row (self->website_row, lia_validate_url, _("Not a web address, like https://example.org"));
  valid &= check_row (self->email_row, lia_validate_email, _("Not an e-mail address"));
  valid &= check_row (self->phone_row, lia_validate_phone, _("Not a phone number"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VALID]);
    }
}

/* Says beside the logo row why the file chosen was not taken. */
static void
show_logo_problem (LiaPartnerEditor *self,
                   const char       *problem)
{
  gtk_label_set_label (self->logo_problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->logo_problem_label), problem != NULL);

  set_invalid (GTK_WIDGET (self->logo_row), problem != NULL);
}

/* The preview: the partner's logo, or the initials of the name typed. */
static void
show_logo (LiaPartnerEditor *self)
{
  GBytes *logo = lia_partner_get_logo (self->partner);
  g_autoptr(GdkTexture) texture = NULL;

  if (logo != NULL && g_bytes_get_size (logo) > 0)
    {
      g_autoptr(GError) error = NULL;

      texture = gdk_texture_new_from_bytes (logo, &error);
      if (texture == NULL)
        g_debug ("Cannot show the logo: %s", error->message);
    }

  adw_avatar_set_custom_image (self->logo_avatar, GDK_PAINTABLE (texture));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-logo", logo != NULL);
}

static void
on_logo_chooser_response_cb (LiaPartnerEditor     *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  /* The problem is shown beside the row. */
  if (file != NULL)
    lia_partner_editor_load_logo_file (self, file, NULL);

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->logo_chooser);
}

static void
on_row_changed_cb (LiaPartnerEditor *self,
                   AdwEntryRow      *row)
{
  if (row == self->name_row)
    {
      g_autofree char *name = lia_editor_dup_text (self->name_row);

      self->name_touched = TRUE;
      adw_avatar_set_text (self->logo_avatar, name);
    }

  validate (self);
}

static void
on_entry_activated_cb (LiaPartnerEditor *self,
                       AdwEntryRow      *row)
{
  if (self->valid)
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
add_channel_rows (LiaPartnerEditor *self)
{
  g_autoptr(GFlagsClass) flags_class = g_type_class_ref (LIA_TYPE_CHANNELS);
  guint n = 0;

  for (guint i = 0; i < flags_class->n_values && n < G_N_ELEMENTS (self->channel_checks); i++)
    {
      guint value = flags_class->values[i].value;
      GtkWidget *row, *check;

      if (value == 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     lia_enum_to_label (LIA_TYPE_CHANNELS, (int)value));
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "lia-channel", GUINT_TO_POINTER (value));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->promotion_group, row);
      self->channel_checks[n++] = GTK_CHECK_BUTTON (check);
    }
}

static void
fill_owner_row (LiaPartnerEditor *self,
                const char       *owner)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = lia_dup_staff_names (self->store);
  guint selected = 0;

  gtk_string_list_append (list, _("Nobody"));

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strv_builder_add (builder, names[i]);
      gtk_string_list_append (list, names[i]);
      if (g_strcmp0 (owner, names[i]) == 0)
        selected = i + 1;
    }

  /* Someone who left the preferences' list still owns what they own. */
  if (!lia_editor_is_blank (owner) && selected == 0)
    {
      g_strv_builder_add (builder, owner);
      gtk_string_list_append (list, owner);
      selected = g_list_model_get_n_items (G_LIST_MODEL (list)) - 1;
    }

  g_strfreev (self->owners);
  self->owners = g_strv_builder_end (builder);
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->owner_row, selected);
}

static void
fill_form (LiaPartnerEditor *self)
{
  LiaPartner *partner = self->partner;
  LiaChannels channels = lia_partner_get_channels (partner);

  lia_editor_set_text (self->name_row, lia_partner_get_name (partner));
  adw_avatar_set_text (self->logo_avatar, lia_partner_get_name (partner));
  show_logo (self);
  adw_combo_row_set_selected (self->kind_row, lia_partner_get_kind (partner));
  adw_combo_row_set_selected (self->status_row, lia_partner_get_status (partner));
  lia_editor_set_text (self->description_row, lia_partner_get_description (partner));
  lia_editor_set_text (self->services_row, lia_partner_get_services (partner));
  lia_editor_set_text (self->website_row, lia_partner_get_website (partner));
  lia_editor_set_text (self->email_row, lia_partner_get_email (partner));
  lia_editor_set_text (self->phone_row, lia_partner_get_phone (partner));
  lia_editor_set_text (self->address_row, lia_partner_get_address (partner));
  fill_owner_row (self, lia_partner_get_owner (partner));
  adw_combo_row_set_selected (self->upkeep_row, lia_partner_get_upkeep_mode (partner));
  gtk_spin_button_set_value (self->cadence_spin, MAX (1, lia_partner_get_cadence_days (partner)));
  adw_combo_row_set_selected (self->tier_row, lia_partner_get_promotion_tier (partner));
  lia_editor_set_text (self->notes_row, lia_partner_get_notes (partner));

  for (guint i = 0; i < G_N_ELEMENTS (self->channel_checks); i++)
    {
      guint value;

      if (self->channel_checks[i] == NULL)
        continue;

      value = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->channel_checks[i]), "lia-channel"));
      gtk_check_button_set_active (self->channel_checks[i], (channels & value) == value);
    }

  /* Filling the form is not the user typing. */
  self->name_touched = lia_partner_get_id (partner) != 0;
  validate (self);
}

static char *
dup_optional_text (AdwEntryRow *row)
{
  char *text = lia_editor_dup_text (row);

  if (lia_editor_is_blank (text))
    g_clear_pointer (&text, g_free);

  return text;
}

static void
read_form (LiaPartnerEditor *self)
{
  LiaPartner *partner = self->partner;
  g_autofree char *name = lia_editor_dup_text (self->name_row);
  g_autofree char *description = lia_editor_dup_text (self->description_row);
  g_autofree char *services = lia_editor_dup_text (self->services_row);
  g_autofree char *website = dup_optional_text (self->website_row);
  g_autofree char *email = dup_optional_text (self->email_row);
  g_autofree char *phone = dup_optional_text (self->phone_row);
  g_autofree char *address = dup_optional_text (self->address_row);
  g_autofree char *notes = lia_editor_dup_text (self->notes_row);
  guint owner = adw_combo_row_get_selected (self->owner_row);
  LiaChannels channels = LIA_CHANNEL_NONE;

  lia_partner_set_name (partner, name);
  lia_partner_set_kind (partner, adw_combo_row_get_selected (self->kind_row));
  lia_partner_set_status (partner, adw_combo_row_get_selected (self->status_row));
  lia_partner_set_description (partner, description);
  lia_partner_set_services (partner, services);
  lia_partner_set_website (partner, website);
  lia_partner_set_email (partner, email);
  lia_partner_set_phone (partner, phone);
  lia_partner_set_address (partner, address);
  lia_partner_set_owner (partner, owner > 0 && owner <= g_strv_length (self->owners)
                                    ? self->owners[owner - 1] : NULL);
  lia_partner_set_upkeep_mode (partner, adw_combo_row_get_selected (self->upkeep_row));
  lia_partner_set_cadence_days (partner, gtk_spin_button_get_value_as_int (self->cadence_spin));
  lia_partner_set_promotion_tier (partner, adw_combo_row_get_selected (self->tier_row));
  lia_partner_set_notes (partner, notes);

  for (guint i = 0; i < G_N_ELEMENTS (self->channel_checks); i++)
    if (self->channel_checks[i] != NULL && gtk_check_button_get_active (self->channel_checks[i]))
      channels |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->channel_checks[i]), "lia-channel"));
  lia_partner_set_channels (partner, channels);
}

static void
lia_partner_editor_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LiaPartnerEditor *self = LIA_PARTNER_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  gboolean saved = lia_partner_editor_save (self, &error);

  lia_editor_close_if_saved (GTK_WINDOW (self), self->toast_overlay, saved, error);
}

static void
lia_partner_editor_choose_logo_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LiaPartnerEditor *self = LIA_PARTNER_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->logo_chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_mime_type (filter, "image/webp");

  chooser = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_logo_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  self->logo_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->logo_chooser);
}

static void
lia_partner_editor_remove_logo_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LiaPartnerEditor *self = LIA_PARTNER_EDITOR (widget);

  lia_partner_set_logo (self->partner, NULL);
  show_logo_problem (self, NULL);
  show_logo (self);
}

static void
lia_partner_editor_finalize (GObject *object)
{
  LiaPartnerEditor *self = (LiaPartnerEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->owners, g_strfreev);

  G_OBJECT_CLASS (lia_partner_editor_parent_class)->finalize (object);
}

static void
lia_partner_editor_dispose (GObject *object)
{
  LiaPartnerEditor *self = (LiaPartnerEditor *)object;

  if (self->logo_chooser != NULL)
    gtk_native_dialog_destroy (self->logo_chooser);
  g_clear_object (&self->logo_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_PARTNER_EDITOR);

  G_OBJECT_CLASS (lia_partner_editor_parent_class)->dispose (object);
}

static void
lia_partner_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaPartnerEditor *self = LIA_PARTNER_EDITOR (object);

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
lia_partner_editor_class_init (LiaPartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_partner_editor_dispose;
  object_class->finalize = lia_partner_editor_finalize;
  object_class->get_property = lia_partner_editor_get_property;

  properties [PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaPartnerEditor::saved:
   * @partner: the partner as saved
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_PARTNER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-partner-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, logo_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, logo_avatar);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, logo_problem_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, services_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, website_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, upkeep_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, promotion_group);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, tier_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, lia_partner_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-logo", NULL, lia_partner_editor_choose_logo_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-logo", NULL, lia_partner_editor_remove_logo_action);

  lia_editor_class_add_shortcuts (widget_class, "editor.save");
}

static void
lia_partner_editor_init (LiaPartnerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  lia_editor_set_enum_model (self->kind_row, LIA_TYPE_PARTNER_KIND);
  lia_editor_set_enum_model (self->status_row, LIA_TYPE_PARTNER_STATUS);
  lia_editor_set_enum_model (self->upkeep_row, LIA_TYPE_UPKEEP_MODE);
  lia_editor_set_enum_model (self->tier_row, LIA_TYPE_PROMOTION_TIER);
  add_channel_rows (self);
}

/**
 * lia_partner_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database
 * @partner: (nullable): the partner to edit, %NULL for a new one
 *
 * Returns: (transfer none): a new editor, owned by GTK like every toplevel
 */
LiaPartnerEditor *
lia_partner_editor_new (GtkWindow  *parent,
                        LiaStore   *store,
                        LiaPartner *partner)
{
  LiaPartnerEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (partner == NULL || LIA_IS_PARTNER (partner), NULL);

  self = g_object_new (LIA_TYPE_PARTNER_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  if (partner != NULL && lia_partner_get_id (partner) != 0)
    {
      g_autoptr(GError) error = NULL;

      /* Work on a fresh copy: the list's partner changes only once saved. */
      self->partner = lia_store_get_partner (store, lia_partner_get_id (partner), &error);
      if (self->partner == NULL)
        {
          g_debug ("Cannot read the partner: %s", error->message);
          self->partner = g_object_ref (partner);
        }
      adw_window_title_set_title (self->window_title, _("Edit Partner"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Partner"));
    }
  else
    {
      self->partner = lia_partner_new ();
      adw_window_title_set_title (self->window_title, _("New Partner"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Partner"));
    }

  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

gboolean
lia_partner_editor_get_valid (LiaPartnerEditor *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER_EDITOR (self), FALSE);

  return self->valid;
}

/**
 * lia_partner_editor_save:
 * @self: a #LiaPartnerEditor
 * @error: where to put what went wrong
 *
 * Saves the form through the store and emits #LiaPartnerEditor::saved.
 *
 * Returns: %TRUE when the partner was saved
 */
gboolean
lia_partner_editor_save (LiaPartnerEditor  *self,
                         GError           **error)
{
  g_return_val_if_fail (LIA_IS_PARTNER_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  read_form (self);

  if (!lia_store_save_partner (self->store, self->partner, error))
    return FALSE;

  g_signal_emit (self, signals [SAVED], 0, self->partner);

  return TRUE;
}

/**
 * lia_partner_editor_load_logo_file:
 * @self: a #LiaPartnerEditor
 * @file: an image file
 * @error: where to put what went wrong
 *
 * Makes the image in @file the partner's logo, scaled down to at most
 * 512 pixels and stored as PNG; it is saved with the form. A file that is
 * too big or not an image leaves the logo as it was, and the problem is
 * shown beside the logo row.
 *
 * Returns: %TRUE when the logo was taken
 */
gboolean
lia_partner_editor_load_logo_file (LiaPartnerEditor  *self,
                                   GFile             *file,
                                   GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) logo = NULL;

  g_return_val_if_fail (LIA_IS_PARTNER_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  logo = lia_editor_load_image (file, LOGO_MAX_FILE_SIZE, LOGO_MAX_SIDE, &local_error);

  if (logo == NULL)
    {
      show_logo_problem (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  show_logo_problem (self, NULL);
  lia_partner_set_logo (self->partner, logo);
  show_logo (self);

  return TRUE;
}

/**
 * lia_dup_staff_names:
 * @store: (nullable): the database shown
 *
 * Returns: (transfer full): the staff names of the preferences, then those
 *   of a sample database, without repeats
 */
char **
lia_dup_staff_names (LiaStore *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *names = lia_settings_get_staff_names (lia_settings_get_default ());
  g_autofree char *sample_staff = NULL;
  g_auto(GStrv) sample_names = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (!lia_editor_is_blank (names[i]) && g_hash_table_add (seen, (gpointer)names[i]))
      g_strv_builder_add (builder, names[i]);

  if (store != NULL && lia_store_is_sample (store))
    sample_staff = lia_database_dup_meta (lia_store_get_database (store), "sample-staff");

  if (sample_staff != NULL)
    {
      sample_names = g_strsplit (sample_staff, "\n", -1);
      for (guint i = 0; sample_names[i] != NULL; i++)
        if (!lia_editor_is_blank (sample_names[i]) && g_hash_table_add (seen, sample_names[i]))
          g_strv_builder_add (builder, sample_names[i]);
    }

  return g_strv_builder_end (builder);
}
