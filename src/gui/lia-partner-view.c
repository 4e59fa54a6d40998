/* lia-partner-view.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-partner-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-agreement.h"
#include "lia-agreement-editor.h"
#include "lia-contact.h"
#include "lia-contact-editor.h"
#include "lia-contact-logger.h"
#include "lia-event-editor.h"
#include "lia-expectation.h"
#include "lia-expectation-editor.h"
#include "lia-interaction.h"
#include "lia-partner-view.h"
#include "lia-time-format.h"

/* The record of one partner: its profile, the people there, what was
 * agreed, every contact with it, how it is promoted and kept up to date.
 * The actions of its toolbar (partners.*) belong to the page around it. */
struct _LiaPartnerView
{
  GtkWidget          parent_instance;

  /* Owned */
  LiaStore          *store;
  LiaPartner        *partner;
  gboolean           folded;

  /* Template widgets */
  GtkButton         *back_button;
  GtkLabel          *toolbar_title;
  GtkScrolledWindow *scrolled_window;
  AdwAvatar         *avatar;
  GtkLabel          *name_label;
  GtkLabel          *summary_label;
  GtkWidget         *stale_box;
  GtkLabel          *stale_label;
  GtkLabel          *description_label;
  GtkListBox        *profile_list;
  GtkListBox        *contacts_list;
  GtkListBox        *agreements_list;
  GtkListBox        *events_list;
  GtkListBox        *history_list;
  GtkListBox        *promotion_list;
  GtkListBox        *upkeep_list;
};

G_DEFINE_FINAL_TYPE (LiaPartnerView, lia_partner_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_PARTNER, PROP_FOLDED, N_PROPS };
enum { TOAST, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* History shows this many interactions, newest first. */
#define HISTORY_LIMIT 50

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
emit_toast (LiaPartnerView *self,
            AdwToast       *toast)
{
  g_signal_emit (self, signals [TOAST], 0, toast);
  g_object_unref (toast);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (list, label);
}

static AdwActionRow *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (!is_blank (subtitle))
    adw_action_row_set_subtitle (row, subtitle);
  gtk_list_box_append (list, GTK_WIDGET (row));

  return row;
}

/* A row that shows a field of the partner: the field's name, its value. */
static AdwActionRow *
add_field_row (GtkListBox *list,
               const char *field,
               const char *value)
{
  AdwActionRow *row;

  if (is_blank (value))
    return NULL;

  row = add_row (list, field, value);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_action_row_set_subtitle_lines (row, 0);

  return row;
}

static void
make_link_row (AdwActionRow *row,
               const char   *uri,
               const char   *icon_name,
               const char   *tooltip)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (image, tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), tooltip);
  adw_action_row_add_suffix (row, image);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "lia-uri", g_strdup (uri), g_free);
}

static char *
dup_website_uri (const char *website)
{
  if (g_str_has_prefix (website, "http://") || g_str_has_prefix (website, "https://"))
    return g_strdup (website);

  return g_strconcat ("https://", website, NULL);
}

static char *
join_strings (GPtrArray  *parts,
              const char *separator)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (separator, (char **)parts->pdata);
}

/* The partner's logo in @avatar; without one, or when it cannot be read,
 * the initials of the name. */
static void
show_logo (AdwAvatar *avatar,
           GBytes    *logo)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (logo != NULL && g_bytes_get_size (logo) > 0)
    {
      g_autoptr(GError) error = NULL;

      texture = gdk_texture_new_from_bytes (logo, &error);
      if (texture == NULL)
        g_debug ("Cannot show the logo: %s", error->message);
    }

  adw_avatar_set_custom_image (avatar, GDK_PAINTABLE (texture));
}

static void
fill_header (LiaPartnerView *self,
             GDateTime      *now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  const char *owner = lia_partner_get_owner (self->partner);
  const char *name = lia_partner_get_name (self->partner);

  gtk_label_set_label (self->toolbar_title, name);
  gtk_label_set_label (self->name_label, name);
  adw_avatar_set_text (self->avatar, name);
  show_logo (self->avatar, lia_partner_get_logo (self->partner));

  g_ptr_array_add (parts, g_strdup (lia_enum_to_label (LIA_TYPE_PARTNER_KIND, lia_partner_get_kind (self->partner))));
  g_ptr_array_add (parts, g_strdup (lia_enum_to_label (LIA_TYPE_PARTNER_STATUS, lia_partner_get_status (self->partner))));
  if (!is_blank (owner))
    /* Translators: who keeps the partnership, "Kept by Amira" */
    g_ptr_array_add (parts, g_strdup_printf (_("Kept by %s"), owner));
  summary = join_strings (parts, " · ");
  gtk_label_set_label (self->summary_label, summary);

  if (lia_partner_is_stale (self->partner, now))
    {
      gint64 verified_at = lia_partner_get_info_verified_at (self->partner);
      g_autofree char *text = NULL;

      if (verified_at > 0)
        {
          g_autofree char *ago = lia_format_relative_time (verified_at, now);

          /* Translators: %s is a relative time, "5 months ago" */
          text = g_strdup_printf (_("Information out of date: last confirmed %s"), ago);
        }
      else
        {
          text = g_strdup (_("Information never confirmed with the partner"));
        }

      gtk_label_set_label (self->stale_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->stale_label), text);
      gtk_widget_set_visible (self->stale_box, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->stale_box, FALSE);
    }

  gtk_label_set_label (self->description_label, lia_partner_get_description (self->partner));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          !is_blank (lia_partner_get_description (self->partner)));
}

static void
fill_profile (LiaPartnerView *self)
{
  const char *website = lia_partner_get_website (self->partner);
  const char *email = lia_partner_get_email (self->partner);
  const char *phone = lia_partner_get_phone (self->partner);
  const char * const *tags = lia_partner_get_tags (self->partner);
  AdwActionRow *row;

  clear_list (self->profile_list);

  add_field_row (self->profile_list, _("Services"), lia_partner_get_services (self->partner));

  if (!is_blank (website))
    {
      g_autofree char *uri = dup_website_uri (website);

      row = add_field_row (self->profile_list, _("Website"), website);
      make_link_row (row, uri, "adw-external-link-symbolic", _("Open the Website"));
    }

  if (!is_blank (email))
    {
      g_autofree char *uri = g_strconcat ("mailto:", email, NULL);

      row = add_field_row (self->profile_list, _("E-mail"), email);
      make_link_row (row, uri, "mail-unread-symbolic", _("Write an E-mail"));
    }

  if (!is_blank (phone))
    {
      row = add_field_row (self->profile_list, _("Phone"), phone);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
    }

  add_field_row (self->profile_list, _("Address"), lia_partner_get_address (self->partner));

  if (tags != NULL && tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **)tags);

      add_field_row (self->profile_list, _("Tags"), joined);
    }

  add_field_row (self->profile_list, _("Notes"), lia_partner_get_notes (self->partner));
}

static void
on_contact_undo_clicked_cb (LiaPartnerView *self,
                            AdwToast       *toast)
{
  gint64 contact_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "lia-contact-id"));
  g_autoptr(LiaContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  contact = lia_store_get_contact (self->store, contact_id, &error);
  if (contact != NULL)
    {
      lia_contact_set_ended_at (contact, 0);
      lia_store_save_contact (self->store, contact, &error);
    }

  if (error != NULL)
    emit_toast (self, adw_toast_new (error->message));
}

static void
on_end_contact_clicked_cb (GtkButton      *button,
                           LiaPartnerView *self)
{
  LiaContact *contact = g_object_get_data (G_OBJECT (button), "lia-contact");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 contact_id;
  AdwToast *toast;

  if (self->store == NULL || contact == NULL)
    return;

  contact_id = lia_contact_get_id (contact);
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("‘%s’ marked as gone"), lia_contact_get_name (contact));

  /* The row, the button and @contact go away when the store reloads us. */
  if (!lia_store_end_contact (self->store, contact_id, &error))
    {
      emit_toast (self, adw_toast_new (error->message));
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "lia-contact-id", GSIZE_TO_POINTER ((gsize)contact_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_contact_undo_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  emit_toast (self, toast);
}

static void
on_email_button_clicked_cb (GtkButton      *button,
                            LiaPartnerView *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "lia-uri");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
add_email_button (LiaPartnerView *self,
                  AdwActionRow   *row,
                  const char     *email)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("mail-unread-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Write an E-mail"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Write an E-mail"),
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "lia-uri", g_strconcat ("mailto:", email, NULL), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_email_button_clicked_cb), self, 0);
  adw_action_row_add_suffix (row, button);
}

static void
make_contact_row_editable (AdwActionRow *row,
                           LiaContact   *contact)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The target first: an action name without it would not match "x". */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (lia_contact_get_id (contact)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "partner.edit-contact");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Edit Contact"));
}

static int
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  LiaContact *contact_a = *(LiaContact **)a;
  LiaContact *contact_b = *(LiaContact **)b;

  /* Current people first, in the store's order (primary, then name). */
  return (int)!lia_contact_is_current (contact_a) - (int)!lia_contact_is_current (contact_b);
}

static void
fill_contacts (LiaPartnerView *self)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->contacts_list);

  contacts = lia_store_list_contacts (self->store, lia_partner_get_id (self->partner), TRUE, &error);
  if (contacts == NULL)
    {
      g_debug ("Cannot list the contacts: %s", error->message);
      return;
    }

  g_ptr_array_sort (contacts, compare_contacts);

  for (guint i = 0; i < contacts->len; i++)
    {
      LiaContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *subtitle = NULL;
      const char *role = lia_contact_get_role (contact);
      const char *email = lia_contact_get_email (contact);
      const char *phone = lia_contact_get_phone (contact);
      AdwActionRow *row;

      if (!is_blank (role))
        g_ptr_array_add (parts, g_strdup (role));

      if (lia_contact_is_current (contact))
        {
          GtkWidget *button;

          if (!is_blank (email))
            g_ptr_array_add (parts, g_strdup (email));
          if (!is_blank (phone))
            g_ptr_array_add (parts, g_strdup (phone));
          subtitle = join_strings (parts, " · ");
          row = add_row (self->contacts_list, lia_contact_get_name (contact), subtitle);

          if (lia_contact_get_is_primary (contact))
            {
              GtkWidget *label = gtk_label_new (_("Primary"));

              gtk_widget_add_css_class (label, "caption");
              gtk_widget_add_css_class (label, "dim-label");
              adw_action_row_add_suffix (row, label);
            }

          if (!is_blank (email))
            add_email_button (self, row, email);

          button = gtk_button_new_from_icon_name ("system-log-out-symbolic");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Mark as Gone"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark as Gone"),
                                          -1);
          g_object_set_data_full (G_OBJECT (button), "lia-contact", g_object_ref (contact), g_object_unref);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_end_contact_clicked_cb), self, 0);
          adw_action_row_add_suffix (row, button);
          make_contact_row_editable (row, contact);
        }
      else
        {
          g_autofree char *day = lia_format_day (lia_contact_get_ended_at (contact));

          /* Translators: %s is a day; a contact who left the partner */
          g_ptr_array_add (parts, g_strdup_printf (_("Left on %s"), day));
          subtitle = join_strings (parts, " · ");
          row = add_row (self->contacts_list, lia_contact_get_name (contact), subtitle);
          gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
          make_contact_row_editable (row, contact);
        }
    }
}

static char *
describe_expectation (LiaExpectation *expectation,
                      GDateTime      *now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  LiaExpectationStatus status = lia_expectation_get_status (expectation);
  int cadence = lia_expectation_get_cadence_days (expectation);
  const char *next_due = lia_expectation_get_next_due_on (expectation);
  const char *last_met = lia_expectation_get_last_met_on (expectation);

  g_ptr_array_add (parts, g_strdup (lia_enum_to_label (LIA_TYPE_DIRECTION, lia_expectation_get_direction (expectation))));

  if (cadence > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %d day", "every %d days", cadence),
                                             cadence));

  if (status == LIA_EXPECTATION_STATUS_ACTIVE && !is_blank (next_due))
    {
      g_autofree char *when = lia_format_iso_day (next_due);

      /* Translators: %s is a day */
      g_ptr_array_add (parts, g_strdup_printf (_("next due %s"), when));
    }
  else
    {
      g_ptr_array_add (parts, g_strdup (lia_enum_to_label (LIA_TYPE_EXPECTATION_STATUS, status)));
    }

  if (!is_blank (last_met))
    {
      g_autofree char *when = lia_format_iso_day (last_met);

      /* Translators: %s is a day */
      g_ptr_array_add (parts, g_strdup_printf (_("last met %s"), when));
    }

  return join_strings (parts, " · ");
}

static char *
describe_agreement (LiaAgreement *agreement)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *starts_on = lia_agreement_get_starts_on (agreement);
  const char *ends_on = lia_agreement_get_ends_on (agreement);

  g_ptr_array_add (parts, g_strdup (lia_enum_to_label (LIA_TYPE_AGREEMENT_KIND, lia_agreement_get_kind (agreement))));
  g_ptr_array_add (parts, g_strdup (lia_enum_to_label (LIA_TYPE_AGREEMENT_STATUS, lia_agreement_get_status (agreement))));

  if (!is_blank (starts_on) && !is_blank (ends_on))
    {
      g_autofree char *start = lia_format_iso_day (starts_on);
      g_autofree char *end = lia_format_iso_day (ends_on);

      /* Translators: a period, "1 January 2026 – 31 December 2026" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s – %s"), start, end));
    }
  else if (!is_blank (ends_on))
    {
      g_autofree char *end = lia_format_iso_day (ends_on);

      /* Translators: %s is a day */
      g_ptr_array_add (parts, g_strdup_printf (_("until %s"), end));
    }

  if (lia_agreement_get_auto_renews (agreement))
    g_ptr_array_add (parts, g_strdup (_("renews by itself")));

  return join_strings (parts, " · ");
}

static void
add_edit_agreement_button (AdwExpanderRow *row,
                           LiaAgreement   *agreement)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Edit Agreement"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Agreement"),
                                  -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (lia_agreement_get_id (agreement)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "partner.edit-agreement");
  adw_expander_row_add_action (row, button);
}

static void
make_expectation_row_editable (GtkWidget      *row,
                               LiaExpectation *expectation)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (lia_expectation_get_id (expectation)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "partner.edit-expectation");
  gtk_widget_set_tooltip_text (row, _("Edit Expectation"));
}

static void
fill_agreements (LiaPartnerView *self,
                 GDateTime      *now)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) expectations = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner_id = lia_partner_get_id (self->partner);

  clear_list (self->agreements_list);

  agreements = lia_store_list_agreements (self->store, partner_id, &error);
  if (agreements != NULL)
    expectations = lia_store_list_expectations (self->store, partner_id, &error);
  if (agreements == NULL || expectations == NULL)
    {
      g_debug ("Cannot list the agreements: %s", error->message);
      return;
    }

  for (guint i = 0; i < agreements->len; i++)
    {
      LiaAgreement *agreement = g_ptr_array_index (agreements, i);
      g_autofree char *subtitle = describe_agreement (agreement);
      AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      guint n_expectations = 0;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_agreement_get_title (agreement));
      adw_expander_row_set_subtitle (row, subtitle);
      adw_expander_row_add_prefix (row, gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      add_edit_agreement_button (row, agreement);

      for (guint j = 0; j < expectations->len; j++)
        {
          LiaExpectation *expectation = g_ptr_array_index (expectations, j);
          g_autofree char *description = NULL;
          GtkWidget *child;

          if (lia_expectation_get_agreement_id (expectation) != lia_agreement_get_id (agreement))
            continue;

          description = describe_expectation (expectation, now);
          child = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), lia_expectation_get_what (expectation));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (child), description);
          make_expectation_row_editable (child, expectation);
          adw_expander_row_add_row (row, child);
          n_expectations++;
        }

      if (n_expectations == 0)
        {
          GtkWidget *child = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("No expectations recorded"));
          gtk_widget_add_css_class (child, "dim-label");
          adw_expander_row_add_row (row, child);
        }

      adw_expander_row_set_expanded (row, lia_agreement_get_status (agreement) == LIA_AGREEMENT_STATUS_ACTIVE &&
                                          n_expectations > 0);
      gtk_list_box_append (self->agreements_list, GTK_WIDGET (row));
    }

  /* Expectations outside any agreement follow. */
  for (guint j = 0; j < expectations->len; j++)
    {
      LiaExpectation *expectation = g_ptr_array_index (expectations, j);
      g_autofree char *description = NULL;
      AdwActionRow *row;

      if (lia_expectation_get_agreement_id (expectation) != 0)
        continue;

      description = describe_expectation (expectation, now);
      row = add_row (self->agreements_list, lia_expectation_get_what (expectation), description);
      adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      make_expectation_row_editable (GTK_WIDGET (row), expectation);
    }
}

static void
on_follow_up_done_clicked_cb (GtkButton      *button,
                              LiaPartnerView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "lia-interaction-id"));
  g_autoptr(LiaInteraction) interaction = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  /* The row and the button go away when the store reloads us. */
  interaction = lia_store_get_interaction (self->store, id, &error);
  if (interaction != NULL)
    {
      lia_interaction_set_follow_up_done_at (interaction, g_date_time_to_unix (now));
      lia_store_save_interaction (self->store, interaction, &error);
    }

  if (error != NULL)
    emit_toast (self, adw_toast_new (error->message));
}

static const char *
get_interaction_icon (LiaInteractionKind kind)
{
  switch (kind)
    {
    case LIA_INTERACTION_KIND_CALL:           return "call-start-symbolic";
    case LIA_INTERACTION_KIND_EMAIL:          return "mail-unread-symbolic";
    case LIA_INTERACTION_KIND_MEETING:        return "system-users-symbolic";
    case LIA_INTERACTION_KIND_VISIT:          return "find-location-symbolic";
    case LIA_INTERACTION_KIND_EVENT:          return "x-office-calendar-symbolic";
    case LIA_INTERACTION_KIND_NOTE:           return "document-edit-symbolic";
    case LIA_INTERACTION_KIND_UPDATE_REQUEST: return "mail-send-symbolic";
    default:                                  return "chat-message-new-symbolic";
    }
}

static void
fill_history (LiaPartnerView *self,
              GDateTime      *now)
{
  g_autoptr(GPtrArray) interactions = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->history_list);

  interactions = lia_store_list_interactions (self->store, lia_partner_get_id (self->partner), &error);
  if (interactions == NULL)
    {
      g_debug ("Cannot list the interactions: %s", error->message);
      return;
    }

  for (guint i = 0; i < MIN (interactions->len, HISTORY_LIMIT); i++)
    {
      LiaInteraction *interaction = g_ptr_array_index (interactions, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *subtitle = NULL;
      g_autofree char *ago = lia_format_relative_time (lia_interaction_get_occurred_at (interaction), now);
      g_autofree char *day = lia_format_day (lia_interaction_get_occurred_at (interaction));
      LiaInteractionKind kind = lia_interaction_get_kind (interaction);
      const char *contact_name = lia_interaction_get_contact_name (interaction);
      const char *staff = lia_interaction_get_staff (interaction);
      const char *outcome = lia_interaction_get_outcome (interaction);
      const char *follow_up = lia_interaction_get_follow_up_on (interaction);
      GtkWidget *icon;
      AdwActionRow *row;

      if (!is_blank (contact_name))
        /* Translators: "Call with Dana Smith" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s with %s"),
                                                 lia_enum_to_label (LIA_TYPE_INTERACTION_KIND, kind),
                                                 contact_name));
      else
        g_ptr_array_add (parts, g_strdup (lia_enum_to_label (LIA_TYPE_INTERACTION_KIND, kind)));

      /* Translators: "3 weeks ago (12 March 2026)" */
      g_ptr_array_add (parts, g_strdup_printf (_("%s (%s)"), ago, day));

      if (!is_blank (staff))
        /* Translators: the staff member who logged a contact */
        g_ptr_array_add (parts, g_strdup_printf (_("by %s"), staff));

      subtitle = join_strings (parts, " · ");

      if (!is_blank (outcome))
        {
          char *with_outcome = g_strdup_printf ("%s\n%s", subtitle, outcome);

          g_free (subtitle);
          subtitle = with_outcome;
        }

      if (!is_blank (follow_up) && lia_interaction_get_follow_up_done_at (interaction) == 0)
        {
          g_autofree char *when = lia_format_iso_day (follow_up);
          /* Translators: %s is a day */
          char *with_follow_up = g_strdup_printf (_("%s\nFollow up by %s"), subtitle, when);

          g_free (subtitle);
          subtitle = with_follow_up;
        }

      row = add_row (self->history_list, lia_interaction_get_summary (interaction), subtitle);
      adw_action_row_set_title_lines (row, 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "lia-interaction-id",
                         GSIZE_TO_POINTER ((gsize)lia_interaction_get_id (interaction)));
      icon = gtk_image_new_from_icon_name (get_interaction_icon (kind));
      gtk_widget_set_tooltip_text (icon, lia_enum_to_label (LIA_TYPE_INTERACTION_KIND, kind));
      adw_action_row_add_prefix (row, icon);

      if (lia_interaction_get_confirms_info (interaction))
        {
          GtkWidget *check = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

          gtk_widget_set_tooltip_text (check, _("Confirmed their information"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Confirmed their information"),
                                          -1);
          adw_action_row_add_suffix (row, check);
        }

      if (!is_blank (follow_up) && lia_interaction_get_follow_up_done_at (interaction) == 0)
        {
          GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));

          gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (done, _("Mark the Follow-up as Done"));
          gtk_widget_add_css_class (done, "flat");
          g_object_set_data (G_OBJECT (done), "lia-interaction-id",
                             GSIZE_TO_POINTER ((gsize)lia_interaction_get_id (interaction)));
          g_signal_connect_object (done, "clicked", G_CALLBACK (on_follow_up_done_clicked_cb), self, 0);
          adw_action_row_add_suffix (row, done);
        }
    }

  if (interactions->len > HISTORY_LIMIT)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u older contact not shown",
                                                            "%u older contacts not shown",
                                                            interactions->len - HISTORY_LIMIT),
                                               interactions->len - HISTORY_LIMIT);
      AdwActionRow *row = add_row (self->history_list, more, NULL);

      gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
    }
}

static void
fill_promotion (LiaPartnerView *self)
{
  g_autoptr(GFlagsClass) flags_class = g_type_class_ref (LIA_TYPE_CHANNELS);
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  LiaChannels mask = lia_partner_get_channels (self->partner);

  clear_list (self->promotion_list);

  add_field_row (self->promotion_list, _("Tier"),
                 lia_enum_to_label (LIA_TYPE_PROMOTION_TIER, lia_partner_get_promotion_tier (self->partner)));

  for (guint i = 0; i < flags_class->n_values; i++)
    {
      guint value = flags_class->values[i].value;

      if (value != 0 && (mask & value) == value)
        g_ptr_array_add (channels, (gpointer)lia_enum_to_label (LIA_TYPE_CHANNELS, (int)value));
    }

  if (channels->len > 0)
    joined = join_strings (channels, ", ");
  else
    joined = g_strdup (_("None"));
  add_field_row (self->promotion_list, _("Channels"), joined);
}

static void
fill_upkeep (LiaPartnerView *self,
             GDateTime      *now)
{
  int cadence = lia_partner_get_cadence_days (self->partner);
  gint64 verified_at = lia_partner_get_info_verified_at (self->partner);
  gint64 requested_at = lia_partner_get_update_requested_at (self->partner);
  const char *next_due = lia_partner_get_next_due_on (self->partner);
  gint64 last_contact_at = lia_partner_get_last_contact_at (self->partner);
  g_autofree char *cadence_text = NULL;
  g_autofree char *verified_text = NULL;

  clear_list (self->upkeep_list);

  add_field_row (self->upkeep_list, _("Mode"),
                 lia_enum_to_label (LIA_TYPE_UPKEEP_MODE, lia_partner_get_upkeep_mode (self->partner)));

  cadence_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d day", "Every %d days", cadence), cadence);
  add_field_row (self->upkeep_list, _("Cadence"), cadence_text);

  if (verified_at > 0)
    {
      g_autofree char *day = lia_format_day (verified_at);
      g_autofree char *ago = lia_format_relative_time (verified_at, now);

      verified_text = g_strdup_printf (_("%s (%s)"), day, ago);
    }
  else
    {
      verified_text = g_strdup (_("Never"));
    }
  add_field_row (self->upkeep_list, _("Last Verified"), verified_text);

  if (requested_at > 0)
    {
      g_autofree char *day = lia_format_day (requested_at);
      g_autofree char *text = NULL;

      /* Translators: %s is a day */
      text = g_strdup_printf (_("Update requested on %s"), day);
      add_field_row (self->upkeep_list, _("Waiting"), text);
    }

  if (last_contact_at > 0)
    {
      g_autofree char *day = lia_format_day (last_contact_at);
      g_autofree char *ago = lia_format_relative_time (last_contact_at, now);
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), day, ago);

      add_field_row (self->upkeep_list, _("Last Contact"), text);
    }

  if (!is_blank (next_due))
    {
      g_autofree char *day = lia_format_iso_day (next_due);
      g_autofree char *when = lia_format_relative_day (next_due, now);
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), day, when != NULL ? when : "");

      add_field_row (self->upkeep_list, _("Next Due"), text);
    }
}

/* How many upcoming dates the partner's record lists. */
#define N_UPCOMING_EVENTS 5

static void
fill_events (LiaPartnerView *self,
             GDateTime      *now)
{
  LiaEventQuery query;
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from = g_date_time_to_unix (now);

  clear_list (self->events_list);
  set_placeholder (self->events_list, _("No upcoming events. Their programs go on the events board with Add Event."));

  lia_event_query_init (&query);
  query.partner_id = lia_partner_get_id (self->partner);
  /* A year ahead is what a record needs; the board shows the rest. */
  occurrences = lia_store_list_occurrences (self->store, &query, from, from + 366 * 86400,
                                            N_UPCOMING_EVENTS, &error);
  if (occurrences == NULL)
    {
      g_warning ("The partner's events could not be read: %s", error->message);
      return;
    }

  for (guint i = 0; i < occurrences->len; i++)
    {
      const LiaEventOccurrence *occurrence = &g_array_index (occurrences, LiaEventOccurrence, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (occurrence->start_utc);
      g_autoptr(GDateTime) local = occurrence->all_day ? g_date_time_ref (utc) : g_date_time_to_local (utc);
      /* Translators: when an event is, in a partner's record; see g_date_time_format() */
      g_autofree char *when = g_date_time_format (local, occurrence->all_day ? _("%a %-e %b %Y") : _("%a %-e %b %Y, %H:%M"));
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      if (occurrence->status != LIA_EVENT_STATUS_CONFIRMED)
        /* Translators: when an event is, then its status, as in "Draft" */
        subtitle = g_strdup_printf (_("%s · %s"), when, lia_enum_to_label (LIA_TYPE_EVENT_STATUS, occurrence->status));
      else
        subtitle = g_strdup (when);

      row = add_row (self->events_list, occurrence->title, subtitle);
      adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "lia-event-id", GSIZE_TO_POINTER (occurrence->event_id));
    }
}

static void
fill (LiaPartnerView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->partner == NULL || self->store == NULL)
    {
      clear_list (self->profile_list);
      clear_list (self->contacts_list);
      clear_list (self->agreements_list);
      clear_list (self->events_list);
      clear_list (self->history_list);
      clear_list (self->promotion_list);
      clear_list (self->upkeep_list);
      return;
    }

  fill_header (self, now);
  fill_profile (self);
  fill_contacts (self);
  fill_agreements (self, now);
  fill_events (self, now);
  fill_history (self, now);
  fill_promotion (self);
  fill_upkeep (self, now);
}

static void
on_row_activated_cb (LiaPartnerView *self,
                     GtkListBoxRow  *row,
                     GtkListBox     *list)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "lia-uri");
  gint64 interaction_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "lia-interaction-id"));
  gint64 event_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "lia-event-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (event_id != 0 && self->store != NULL)
    {
      g_autoptr(LiaEvent) event = NULL;
      g_autoptr(GError) error = NULL;

      if ((event = lia_store_get_event (self->store, event_id, &error)) != NULL)
        gtk_window_present (GTK_WINDOW (lia_event_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              self->store, lia_partner_get_id (self->partner),
                                                              event)));
      else
        emit_toast (self, adw_toast_new (error->message));
      return;
    }

  if (interaction_id != 0 && self->store != NULL)
    {
      g_autoptr(LiaInteraction) interaction = NULL;
      g_autoptr(GError) error = NULL;
      LiaContactLogger *logger = NULL;

      interaction = lia_store_get_interaction (self->store, interaction_id, &error);
      if (interaction != NULL)
        logger = lia_contact_logger_new_for_interaction (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         self->store, interaction);
      if (logger != NULL)
        gtk_window_present (GTK_WINDOW (logger));
      else if (error != NULL)
        emit_toast (self, adw_toast_new (error->message));
      return;
    }

  if (uri == NULL)
    return;

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_store_changed_cb (LiaPartnerView *self,
                     LiaRecordKind   kind,
                     gint64          id,
                     LiaStore       *store)
{
  /* Id 0: partners changed through another connection (an import). */
  if (self->partner != NULL && kind == LIA_RECORD_PARTNER &&
      (id == 0 || id == lia_partner_get_id (self->partner)))
    lia_partner_view_reload (self);
  /* A trashed or restored event says so only as an event. */
  else if (self->partner != NULL && kind == LIA_RECORD_EVENT)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      fill_events (self, now);
    }
}

static void
present_contact_editor (LiaPartnerView *self,
                        LiaContact     *contact)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LiaContactEditor *editor;

  editor = lia_contact_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                   lia_partner_get_id (self->partner), contact);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
lia_partner_view_add_contact_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LiaPartnerView *self = LIA_PARTNER_VIEW (widget);

  if (self->store == NULL || self->partner == NULL)
    return;

  present_contact_editor (self, NULL);
}

static void
lia_partner_view_edit_contact_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LiaPartnerView *self = LIA_PARTNER_VIEW (widget);
  g_autoptr(LiaContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->partner == NULL)
    return;

  contact = lia_store_get_contact (self->store, g_variant_get_int64 (parameter), &error);
  if (contact == NULL)
    {
      emit_toast (self, adw_toast_new (error->message));
      return;
    }

  present_contact_editor (self, contact);
}

static void
lia_partner_view_add_agreement_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LiaPartnerView *self = LIA_PARTNER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  LiaAgreementEditor *editor;

  if (self->store == NULL || self->partner == NULL)
    return;

  editor = lia_agreement_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                     lia_partner_get_id (self->partner), NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
lia_partner_view_edit_agreement_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LiaPartnerView *self = LIA_PARTNER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(LiaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  LiaAgreementEditor *editor;

  if (self->store == NULL || self->partner == NULL)
    return;

  agreement = lia_store_get_agreement (self->store, g_variant_get_int64 (parameter), &error);
  if (agreement == NULL)
    {
      emit_toast (self, adw_toast_new (error->message));
      return;
    }

  editor = lia_agreement_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                     lia_partner_get_id (self->partner), agreement);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
present_expectation_editor (LiaPartnerView *self,
                            LiaExpectation *expectation)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LiaExpectationEditor *editor;

  editor = lia_expectation_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                       lia_partner_get_id (self->partner), 0, expectation);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
lia_partner_view_add_expectation_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  LiaPartnerView *self = LIA_PARTNER_VIEW (widget);

  if (self->store == NULL || self->partner == NULL)
    return;

  present_expectation_editor (self, NULL);
}

static void
lia_partner_view_edit_expectation_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  LiaPartnerView *self = LIA_PARTNER_VIEW (widget);
  g_autoptr(LiaExpectation) expectation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->partner == NULL)
    return;

  expectation = lia_store_get_expectation (self->store, g_variant_get_int64 (parameter), &error);
  if (expectation == NULL)
    {
      emit_toast (self, adw_toast_new (error->message));
      return;
    }

  present_expectation_editor (self, expectation);
}

static void
lia_partner_view_add_event_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LiaPartnerView *self = LIA_PARTNER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL || self->partner == NULL)
    return;

  gtk_window_present (GTK_WINDOW (lia_event_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                        self->store, lia_partner_get_id (self->partner),
                                                        NULL)));
}

static void
lia_partner_view_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_PARTNER_VIEW);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lia_partner_view_parent_class)->dispose (object);
}

static void
lia_partner_view_finalize (GObject *object)
{
  LiaPartnerView *self = (LiaPartnerView *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->partner);

  G_OBJECT_CLASS (lia_partner_view_parent_class)->finalize (object);
}

static void
lia_partner_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaPartnerView *self = LIA_PARTNER_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PARTNER:
      g_value_set_object (value, self->partner);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_partner_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaPartnerView *self = LIA_PARTNER_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lia_partner_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_PARTNER:
      lia_partner_view_set_partner (self, g_value_get_object (value));
      break;

    case PROP_FOLDED:
      lia_partner_view_set_folded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_partner_view_class_init (LiaPartnerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_partner_view_dispose;
  object_class->finalize = lia_partner_view_finalize;
  object_class->get_property = lia_partner_view_get_property;
  object_class->set_property = lia_partner_view_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL,
                         LIA_TYPE_PARTNER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaPartnerView::toast:
   * @toast: what to say
   *
   * Asks the page to show @toast (after the view did something).
   */
  signals [TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-partner-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, back_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, toolbar_title);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, avatar);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, name_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, stale_box);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, stale_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, description_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, profile_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, agreements_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, events_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, history_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, promotion_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnerView, upkeep_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "partner.add-contact", NULL, lia_partner_view_add_contact_action);
  gtk_widget_class_install_action (widget_class, "partner.edit-contact", "x", lia_partner_view_edit_contact_action);
  gtk_widget_class_install_action (widget_class, "partner.add-agreement", NULL, lia_partner_view_add_agreement_action);
  gtk_widget_class_install_action (widget_class, "partner.add-event", NULL, lia_partner_view_add_event_action);
  gtk_widget_class_install_action (widget_class, "partner.edit-agreement", "x", lia_partner_view_edit_agreement_action);
  gtk_widget_class_install_action (widget_class, "partner.add-expectation", NULL, lia_partner_view_add_expectation_action);
  gtk_widget_class_install_action (widget_class, "partner.edit-expectation", "x", lia_partner_view_edit_expectation_action);
}

static void
lia_partner_view_init (LiaPartnerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_placeholder (self->profile_list, _("Nothing recorded yet"));
  set_placeholder (self->contacts_list, _("No contacts yet"));
  set_placeholder (self->agreements_list, _("No agreements or expectations yet"));
  set_placeholder (self->history_list, _("No contact logged yet. Press Ctrl+L to log one."));
}

GtkWidget *
lia_partner_view_new (void)
{
  return g_object_new (LIA_TYPE_PARTNER_VIEW, NULL);
}

LiaStore *
lia_partner_view_get_store (LiaPartnerView *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER_VIEW (self), NULL);

  return self->store;
}

void
lia_partner_view_set_store (LiaPartnerView *self,
                            LiaStore       *store)
{
  g_return_if_fail (LIA_IS_PARTNER_VIEW (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_set_object (&self->store, store);
  g_clear_object (&self->partner);

  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER]);
}

/**
 * lia_partner_view_get_partner:
 * @self: a #LiaPartnerView
 *
 * Returns: (transfer none) (nullable): the partner shown
 */
LiaPartner *
lia_partner_view_get_partner (LiaPartnerView *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER_VIEW (self), NULL);

  return self->partner;
}

void
lia_partner_view_set_partner (LiaPartnerView *self,
                              LiaPartner     *partner)
{
  gboolean other_partner;

  g_return_if_fail (LIA_IS_PARTNER_VIEW (self));
  g_return_if_fail (partner == NULL || LIA_IS_PARTNER (partner));

  other_partner = self->partner == NULL || partner == NULL ||
                  lia_partner_get_id (self->partner) != lia_partner_get_id (partner);

  if (!g_set_object (&self->partner, partner))
    return;

  fill (self);

  if (other_partner)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER]);
}

/**
 * lia_partner_view_reload:
 * @self: a #LiaPartnerView
 *
 * Reads the partner and its records again from the store.
 */
void
lia_partner_view_reload (LiaPartnerView *self)
{
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIA_IS_PARTNER_VIEW (self));

  if (self->partner == NULL || self->store == NULL)
    return;

  partner = lia_store_get_partner (self->store, lia_partner_get_id (self->partner), &error);
  if (partner == NULL)
    {
      g_debug ("Cannot read the partner again: %s", error->message);
      return;
    }

  /* A partner moved to the trash stays on screen until the page moves on. */
  if (lia_partner_get_deleted_at (partner) != 0)
    return;

  g_set_object (&self->partner, partner);
  fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER]);
}

gboolean
lia_partner_view_get_folded (LiaPartnerView *self)
{
  g_return_val_if_fail (LIA_IS_PARTNER_VIEW (self), FALSE);

  return self->folded;
}

void
lia_partner_view_set_folded (LiaPartnerView *self,
                             gboolean        folded)
{
  g_return_if_fail (LIA_IS_PARTNER_VIEW (self));

  folded = !!folded;
  if (self->folded == folded)
    return;

  self->folded = folded;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FOLDED]);
}
