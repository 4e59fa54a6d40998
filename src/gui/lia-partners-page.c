/* lia-partners-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-partners-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-contact-logger.h"
#include "lia-import-dialog.h"
#include "lia-partner-editor.h"
#include "lia-partner-list.h"
#include "lia-partner-view.h"
#include "lia-partners-page.h"
#include "lia-print-documents.h"
#include "lia-print-operation.h"
#include "lia-settings.h"
#include "lia-time-format.h"

/* The "Partners" area: a searchable, filterable list of every partner (a
 * lazy model over row ids, smooth with thousands of partners) beside the
 * record of the one selected. */
struct _LiaPartnersPage
{
  GtkWidget           parent_instance;

  /* Owned */
  LiaStore           *store;
  LiaPartnerList     *partners;
  GtkSingleSelection *selection;
  GMenu              *owner_menu;
  GArray             *ids;            /* of gint64, the list's order; NULL until asked */
  char               *search_text;
  char               *owner;
  gint64              selected_id;
  gint64              total;
  guint               scroll_tick;    /* a scroll waiting for the list's first frame */
  guint               scroll_position;

  /* Filters, the state of the partners.* property actions */
  int                 status;
  int                 kind;
  int                 tier;
  int                 sort;
  gboolean            stale_only;
  guint               reselecting : 1;
  guint               applying : 1;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkStack           *main_stack;
  AdwStatusPage      *empty_page;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *no_results_page;
  GtkLabel           *count_label;
  GtkStack           *view_stack;
  LiaPartnerView     *partner_view;
};

G_DEFINE_FINAL_TYPE (LiaPartnersPage, lia_partners_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER_STATUS,
  PROP_FILTER_KIND,
  PROP_FILTER_OWNER,
  PROP_FILTER_TIER,
  PROP_STALE_ONLY,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_toast (LiaPartnersPage *self,
            AdwToast        *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error_toast (LiaPartnersPage *self,
                  const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 10);
  show_toast (self, toast);
}

static gboolean
has_filters (LiaPartnersPage *self)
{
  return (self->search_text != NULL && self->search_text[0] != '\0') ||
         self->status >= 0 || self->kind >= 0 || self->tier >= 0 ||
         (self->owner != NULL && self->owner[0] != '\0') || self->stale_only;
}

static void
update_actions (LiaPartnersPage *self)
{
  gboolean has_partner = lia_partner_view_get_partner (self->partner_view) != NULL &&
                         g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "partner");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.new", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.import", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.edit", has_partner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.log-contact", has_partner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.trash", has_partner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.print-update-sheet", has_partner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.export-update-sheet", has_partner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.print-directory", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.export-directory", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.clear-filters", has_filters (self));
}

static void
update_state (LiaPartnersPage *self)
{
  g_autofree char *count = NULL;
  guint n_items = self->partners != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->partners)) : 0;

  if (self->store == NULL || (self->total == 0 && !has_filters (self)))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      update_actions (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "partners");

  if (n_items == 0)
    {
      g_autofree char *description = NULL;

      if (self->search_text != NULL && self->search_text[0] != '\0')
        /* Translators: %s is what was typed in the search entry */
        description = g_strdup_printf (_("No partner matches ‘%s’. Try a different search, or fewer filters."),
                                       self->search_text);
      else
        description = g_strdup (_("No partner matches these filters."));

      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->list_stack, "no-results");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }

  if (has_filters (self))
    /* Translators: shown below the list, "12 of 60 partners"; %'u groups
     * the digits as the locale does (5,000) */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u partner", "%'u of %'u partners", n_items),
                             n_items, (guint)self->total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u partner", "%'u partners", n_items), n_items);
  gtk_label_set_label (self->count_label, count);

  /* The menu button shows when its filters (not the search) hide partners. */
  if (self->status >= 0 || self->kind >= 0 || self->tier >= 0 || self->stale_only ||
      (self->owner != NULL && self->owner[0] != '\0'))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");

  update_actions (self);
}

static void
count_partners (LiaPartnersPage *self)
{
  g_autoptr(GError) error = NULL;

  self->total = 0;
  if (self->store == NULL)
    return;

  if (!lia_store_count_partners (self->store, &self->total, &error))
    {
      self->total = 0;
      g_debug ("Cannot count the partners: %s", error->message);
    }
}

static void
show_partner (LiaPartnersPage *self,
              LiaPartner      *partner)
{
  lia_partner_view_set_partner (self->partner_view, partner);
  gtk_stack_set_visible_child_name (self->view_stack, partner != NULL ? "partner" : "none");
  self->selected_id = partner != NULL ? lia_partner_get_id (partner) : 0;
  update_actions (self);
}

static void
fill_query (LiaPartnersPage *self,
            LiaPartnerQuery *query)
{
  lia_partner_query_init (query);
  query->text = self->search_text;
  query->status = self->status;
  query->kind = self->kind;
  query->owner = (self->owner != NULL && self->owner[0] != '\0') ? self->owner : NULL;
  query->tier = self->tier;
  query->stale_only = self->stale_only;
  query->sort = self->sort;
}

/* The position of @partner_id in the list, or GTK_INVALID_LIST_POSITION.
 * The ids come from the same query as the list's, without loading anyone. */
static guint
find_position (LiaPartnersPage *self,
               gint64           partner_id)
{
  if (self->partners == NULL || partner_id == 0)
    return GTK_INVALID_LIST_POSITION;

  if (self->ids == NULL)
    {
      g_autoptr(GError) error = NULL;
      LiaPartnerQuery query;

      fill_query (self, &query);
      self->ids = lia_store_query_partner_ids (self->store, &query, NULL, &error);
      if (self->ids == NULL)
        {
          g_debug ("Cannot look for the partner: %s", error->message);
          return GTK_INVALID_LIST_POSITION;
        }
    }

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == partner_id)
      return i < g_list_model_get_n_items (G_LIST_MODEL (self->partners)) ? i : GTK_INVALID_LIST_POSITION;

  return GTK_INVALID_LIST_POSITION;
}

static void
apply_query (LiaPartnersPage *self)
{
  LiaPartnerQuery query;
  guint position;

  if (self->partners == NULL)
    {
      update_state (self);
      return;
    }

  fill_query (self, &query);
  g_clear_pointer (&self->ids, g_array_unref);

  self->reselecting = TRUE;
  self->applying = TRUE;
  lia_partner_list_set_query (self->partners, &query);
  self->applying = FALSE;

  /* The partner on the right stays; the list marks it when it is there. */
  position = find_position (self, self->selected_id);
  gtk_single_selection_set_selected (self->selection, position);
  self->reselecting = FALSE;

  update_state (self);
}

static void
populate_owner_menu (LiaPartnersPage *self)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GMenuItem) anyone = NULL;

  g_menu_remove_all (self->owner_menu);

  anyone = g_menu_item_new (_("Anyone"), NULL);
  g_menu_item_set_action_and_target_value (anyone, "partners.owner", g_variant_new_string (""));
  g_menu_append_item (self->owner_menu, anyone);

  names = lia_dup_staff_names (self->store);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (names[i], NULL);

      g_menu_item_set_action_and_target_value (item, "partners.owner", g_variant_new_string (names[i]));
      g_menu_append_item (self->owner_menu, item);
    }
}

static GMenu *
create_enum_menu (GType       type,
                  const char *action,
                  const char *any_label)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) any = g_menu_item_new (any_label, NULL);

  g_menu_item_set_action_and_target_value (any, action, g_variant_new_int32 (-1));
  g_menu_append_item (menu, any);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      int value = enum_class->values[i].value;
      g_autoptr(GMenuItem) item = g_menu_item_new (lia_enum_to_label (type, value), NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_int32 (value));
      g_menu_append_item (menu, item);
    }

  return menu;
}

static GMenuModel *
create_filter_menu (LiaPartnersPage *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) sort_section = g_menu_new ();
  g_autoptr(GMenu) show_section = g_menu_new ();
  g_autoptr(GMenu) clear_section = g_menu_new ();
  g_autoptr(GMenu) status_menu = create_enum_menu (LIA_TYPE_PARTNER_STATUS, "partners.status", _("Any Status"));
  g_autoptr(GMenu) kind_menu = create_enum_menu (LIA_TYPE_PARTNER_KIND, "partners.kind", _("Any Kind"));
  g_autoptr(GMenu) tier_menu = create_enum_menu (LIA_TYPE_PROMOTION_TIER, "partners.tier", _("Any Promotion"));
  static const char * const sort_labels[] = { N_("_Name"), N_("_Last Contact"), N_("Next _Due") };

  for (guint i = 0; i < G_N_ELEMENTS (sort_labels); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(sort_labels[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "partners.sort", g_variant_new_int32 ((gint32)i));
      g_menu_append_item (sort_section, item);
    }
  g_menu_append_section (menu, _("Sort By"), G_MENU_MODEL (sort_section));

  g_menu_append_submenu (show_section, _("_Status"), G_MENU_MODEL (status_menu));
  g_menu_append_submenu (show_section, _("_Kind"), G_MENU_MODEL (kind_menu));
  g_menu_append_submenu (show_section, _("_Owner"), G_MENU_MODEL (self->owner_menu));
  g_menu_append_submenu (show_section, _("_Promotion"), G_MENU_MODEL (tier_menu));
  g_menu_append (show_section, _("Only Information _Out of Date"), "partners.stale-only");
  g_menu_append_section (menu, _("Show"), G_MENU_MODEL (show_section));

  g_menu_append (clear_section, _("_Clear Filters"), "partners.clear-filters");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clear_section));

  return G_MENU_MODEL (menu);
}

/* Rows of the list, built once and bound to partners as they scroll by. */
typedef struct
{
  GtkLabel *name;
  GtkLabel *details;
  GtkLabel *last_contact;
  GtkImage *stale;
} PartnerRow;

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  PartnerRow *row = g_new0 (PartnerRow, 1);
  GtkWidget *box, *labels, *trailing;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (labels, TRUE);
  row->name = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->name, 0.0f);
  gtk_label_set_ellipsize (row->name, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->name), "heading");
  /* Long names ellipsize instead of widening the list. */
  gtk_label_set_max_width_chars (row->name, 24);
  row->details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->details, 0.0f);
  gtk_label_set_ellipsize (row->details, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (row->details, 24);
  gtk_widget_add_css_class (GTK_WIDGET (row->details), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->details), "dim-label");
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (row->name));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (row->details));

  trailing = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_valign (trailing, GTK_ALIGN_CENTER);
  row->last_contact = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->last_contact, 1.0f);
  gtk_widget_add_css_class (GTK_WIDGET (row->last_contact), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->last_contact), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->last_contact), "numeric");
  row->stale = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_set_halign (GTK_WIDGET (row->stale), GTK_ALIGN_END);
  gtk_widget_add_css_class (GTK_WIDGET (row->stale), "warning");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->stale), _("Information out of date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->stale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Information out of date"),
                                  -1);
  gtk_box_append (GTK_BOX (trailing), GTK_WIDGET (row->last_contact));
  gtk_box_append (GTK_BOX (trailing), GTK_WIDGET (row->stale));

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), trailing);

  gtk_list_item_set_child (list_item, box);
  g_object_set_data_full (G_OBJECT (list_item), "lia-partner-row", row, g_free);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  PartnerRow *row = g_object_get_data (G_OBJECT (list_item), "lia-partner-row");
  LiaPartner *partner = gtk_list_item_get_item (list_item);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *details = NULL;
  g_autofree char *last_contact = NULL;
  const char *kind_label;
  const char *owner;
  gint64 last_contact_at;

  if (partner == NULL)
    return;

  gtk_label_set_label (row->name, lia_partner_get_name (partner));

  kind_label = lia_enum_to_label (LIA_TYPE_PARTNER_KIND, lia_partner_get_kind (partner));
  owner = lia_partner_get_owner (partner);
  if (owner != NULL && owner[0] != '\0')
    /* Translators: a partner's kind and its owner, "Nonprofit · Amira" */
    details = g_strdup_printf (_("%s · %s"), kind_label, owner);
  else
    details = g_strdup (kind_label);
  gtk_label_set_label (row->details, details);

  last_contact_at = lia_partner_get_last_contact_at (partner);
  if (last_contact_at > 0)
    last_contact = lia_format_relative_time (last_contact_at, now);
  else
    last_contact = g_strdup (_("Never contacted"));
  gtk_label_set_label (row->last_contact, last_contact);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->last_contact), _("Last contact"));

  gtk_widget_set_visible (GTK_WIDGET (row->stale), lia_partner_is_stale (partner, now));
}

static void
navigate_to_view (LiaPartnersPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_selection_changed_cb (LiaPartnersPage    *self,
                         GParamSpec         *pspec,
                         GtkSingleSelection *selection)
{
  LiaPartner *partner = gtk_single_selection_get_selected_item (selection);

  /* A list that was filtered or refreshed keeps the record on the right;
   * marking it again in the list is not choosing another. */
  if (partner == NULL || self->reselecting)
    return;

  if (lia_partner_get_id (partner) != self->selected_id ||
      lia_partner_view_get_partner (self->partner_view) == NULL)
    show_partner (self, partner);

  navigate_to_view (self);
}

static void
on_list_view_activate_cb (LiaPartnersPage *self,
                          guint            position,
                          GtkListView     *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  navigate_to_view (self);
}

static void
on_search_entry_search_changed_cb (LiaPartnersPage *self,
                                   GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  apply_query (self);
}

static void
on_search_entry_stop_search_cb (LiaPartnersPage *self,
                                GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_search_entry_activate_cb (LiaPartnersPage *self,
                             GtkSearchEntry  *entry)
{
  /* Enter takes the first match. */
  if (self->partners != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->partners)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      navigate_to_view (self);
    }
}

static void
on_partner_view_toast_cb (LiaPartnersPage *self,
                          AdwToast        *toast,
                          LiaPartnerView  *view)
{
  show_toast (self, g_object_ref (toast));
}

static void
on_store_changed_cb (LiaPartnersPage *self,
                     LiaRecordKind    kind,
                     gint64           id,
                     LiaStore        *store)
{
  if (kind != LIA_RECORD_PARTNER)
    return;

  /* The list refreshes itself a moment later; see below. */
  count_partners (self);
  update_state (self);
}

/* Runs before the selection model sees the change: whatever it selects
 * meanwhile is not the user choosing a partner. */
static void
on_partners_items_changing_cb (LiaPartnersPage *self)
{
  if (!self->applying)
    self->reselecting = TRUE;
}

static void
on_partners_items_changed_cb (LiaPartnersPage *self,
                              guint            position,
                              guint            removed,
                              guint            added,
                              GListModel      *partners)
{
  guint selected;

  if (self->applying)
    return;

  /* The list refreshed after a change: mark the shown partner again. */
  g_clear_pointer (&self->ids, g_array_unref);
  selected = find_position (self, self->selected_id);
  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, selected);
  self->reselecting = FALSE;

  update_state (self);
}

static void
on_staff_names_changed_cb (LiaPartnersPage *self)
{
  populate_owner_menu (self);
}

static void
on_property_filter_changed_cb (LiaPartnersPage *self)
{
  apply_query (self);
}

static GtkWindow *
get_parent_window (LiaPartnersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_editor_saved_cb (LiaPartnersPage  *self,
                    LiaPartner       *partner,
                    LiaPartnerEditor *editor)
{
  lia_partners_page_select_partner (self, lia_partner_get_id (partner));
}

static void
lia_partners_page_new_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (widget);
  LiaPartnerEditor *editor;

  g_return_if_fail (self->store != NULL);

  editor = lia_partner_editor_new (get_parent_window (self), self->store, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
lia_partners_page_import_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (widget);

  g_return_if_fail (self->store != NULL);

  gtk_window_present (GTK_WINDOW (lia_import_dialog_new (get_parent_window (self), self->store)));
}

static void
lia_partners_page_edit_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (widget);
  LiaPartner *partner = lia_partner_view_get_partner (self->partner_view);
  LiaPartnerEditor *editor;

  if (partner == NULL || self->store == NULL)
    return;

  editor = lia_partner_editor_new (get_parent_window (self), self->store, partner);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The update sheet of the partner shown, or the directory: what the
 * store holds now, in the library's zone and name. */
static LiaDocument *
create_document (LiaPartnersPage  *self,
                 gboolean          update_sheet,
                 char            **file_name)
{
  LiaSettings *settings = lia_settings_get_default ();
  g_autofree char *tzid = lia_settings_dup_library_time_zone (settings);
  LiaPrintContext context = { lia_settings_get_library_name (settings), tzid };
  LiaPartner *partner = lia_partner_view_get_partner (self->partner_view);
  g_autoptr(LiaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || (update_sheet && partner == NULL))
    return NULL;

  if (update_sheet)
    {
      document = lia_update_sheet_new (self->store, lia_partner_get_id (partner), &context, &error);
      /* Translators: the file name offered for a partner's update sheet; %s is its name */
      *file_name = g_strdup_printf (_("Update Sheet – %s.pdf"), lia_partner_get_name (partner));
    }
  else
    {
      document = lia_directory_sheet_new (self->store, &context, &error);
      /* Translators: the file name offered for the community resource directory */
      *file_name = g_strdup (_("Community Directory.pdf"));
    }
  if (document == NULL)
    {
      show_error_toast (self, error->message);
      return NULL;
    }

  return g_steal_pointer (&document);
}

static void
lia_partners_page_print_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (widget);
  gboolean update_sheet = g_str_has_suffix (action_name, "-update-sheet");
  g_autofree char *file_name = NULL;
  g_autoptr(LiaDocument) document = create_document (self, update_sheet, &file_name);

  if (document == NULL)
    return;
  if (g_str_has_prefix (action_name, "partners.export-"))
    lia_print_export_document (widget, self->toast_overlay, document, file_name);
  else
    lia_print_document (widget, self->toast_overlay, document, file_name);
}

static void
lia_partners_page_log_contact_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (widget);
  LiaPartner *partner = lia_partner_view_get_partner (self->partner_view);
  LiaContactLogger *logger;

  if (partner == NULL || self->store == NULL)
    return;

  logger = lia_contact_logger_new (get_parent_window (self), self->store, partner);
  gtk_window_present (GTK_WINDOW (logger));
}

/* The partner shown after @partner_id leaves the list: the next one, or
 * the one before at the end. 0 when there is none. */
static gint64
find_neighbour (LiaPartnersPage *self,
                gint64           partner_id)
{
  guint position = find_position (self, partner_id);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->partners));
  g_autoptr(LiaPartner) neighbour = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return 0;

  if (position + 1 < n_items)
    neighbour = g_list_model_get_item (G_LIST_MODEL (self->partners), position + 1);
  else if (position > 0)
    neighbour = g_list_model_get_item (G_LIST_MODEL (self->partners), position - 1);

  return neighbour != NULL ? lia_partner_get_id (neighbour) : 0;
}

static void
lia_partners_page_trash_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (widget);
  LiaPartner *shown = lia_partner_view_get_partner (self->partner_view);
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 neighbour_id;

  if (shown == NULL || self->store == NULL)
    return;

  partner = g_object_ref (shown);
  neighbour_id = find_neighbour (self, lia_partner_get_id (partner));

  if (!lia_store_trash (self->store, LIA_RECORD_PARTNER, lia_partner_get_id (partner), &error))
    {
      show_error_toast (self, error->message);
      return;
    }

  if (neighbour_id == 0 || !lia_partners_page_select_partner (self, neighbour_id))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      show_partner (self, NULL);
    }
  update_state (self);

  /* Translators: %s is a partner's name */
  title = g_strdup_printf (_("‘%s’ moved to the trash"), lia_partner_get_name (partner));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "partners.undo-trash");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (lia_partner_get_id (partner)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
lia_partners_page_undo_trash_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (widget);
  gint64 partner_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!lia_store_restore (self->store, LIA_RECORD_PARTNER, partner_id, &error))
    {
      show_error_toast (self, error->message);
      return;
    }

  lia_partners_page_select_partner (self, partner_id);
}

static void
clear_filters (LiaPartnersPage *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_set (self,
                "filter-status", -1,
                "filter-kind", -1,
                "filter-tier", -1,
                "filter-owner", "",
                "stale-only", FALSE,
                NULL);
  g_object_thaw_notify (G_OBJECT (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  apply_query (self);
}

static void
lia_partners_page_clear_filters_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  clear_filters (LIA_PARTNERS_PAGE (widget));
}

static void
lia_partners_page_back_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
lia_partners_page_dispose (GObject *object)
{
  LiaPartnersPage *self = (LiaPartnersPage *)object;
  GtkWidget *child;

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
      self->scroll_tick = 0;
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_PARTNERS_PAGE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->partners);

  G_OBJECT_CLASS (lia_partners_page_parent_class)->dispose (object);
}

static void
lia_partners_page_finalize (GObject *object)
{
  LiaPartnersPage *self = (LiaPartnersPage *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->owner_menu);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->owner, g_free);

  G_OBJECT_CLASS (lia_partners_page_parent_class)->finalize (object);
}

static void
lia_partners_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_FILTER_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_FILTER_OWNER:
      g_value_set_string (value, self->owner != NULL ? self->owner : "");
      break;

    case PROP_FILTER_TIER:
      g_value_set_int (value, self->tier);
      break;

    case PROP_STALE_ONLY:
      g_value_set_boolean (value, self->stale_only);
      break;

    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int_filter (LiaPartnersPage *self,
                int             *field,
                int              value,
                GParamSpec      *pspec)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
lia_partners_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaPartnersPage *self = LIA_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lia_partners_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_FILTER_STATUS:
      set_int_filter (self, &self->status, g_value_get_int (value), pspec);
      break;

    case PROP_FILTER_KIND:
      set_int_filter (self, &self->kind, g_value_get_int (value), pspec);
      break;

    case PROP_FILTER_OWNER:
      {
        const char *owner = g_value_get_string (value);

        if (g_strcmp0 (self->owner, owner) != 0)
          {
            g_free (self->owner);
            self->owner = g_strdup (owner);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;

    case PROP_FILTER_TIER:
      set_int_filter (self, &self->tier, g_value_get_int (value), pspec);
      break;

    case PROP_STALE_ONLY:
      if (self->stale_only != g_value_get_boolean (value))
        {
          self->stale_only = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SORT:
      set_int_filter (self, &self->sort, g_value_get_int (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_partners_page_class_init (LiaPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_partners_page_dispose;
  object_class->finalize = lia_partners_page_finalize;
  object_class->get_property = lia_partners_page_get_property;
  object_class->set_property = lia_partners_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILTER_STATUS] =
    g_param_spec_int ("filter-status", NULL, NULL, -1, LIA_PARTNER_STATUS_ENDED, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILTER_KIND] =
    g_param_spec_int ("filter-kind", NULL, NULL, -1, LIA_PARTNER_KIND_OTHER, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILTER_OWNER] =
    g_param_spec_string ("filter-owner", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILTER_TIER] =
    g_param_spec_int ("filter-tier", NULL, NULL, -1, LIA_PROMOTION_TIER_NOT_PROMOTED, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STALE_ONLY] =
    g_param_spec_boolean ("stale-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL, LIA_PARTNER_SORT_NAME, LIA_PARTNER_SORT_NEXT_DUE,
                      LIA_PARTNER_SORT_NAME,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIA_TYPE_PARTNER_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPartnersPage, partner_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_partner_view_toast_cb);

  gtk_widget_class_install_action (widget_class, "partners.new", NULL, lia_partners_page_new_action);
  gtk_widget_class_install_action (widget_class, "partners.import", NULL, lia_partners_page_import_action);
  gtk_widget_class_install_action (widget_class, "partners.edit", NULL, lia_partners_page_edit_action);
  gtk_widget_class_install_action (widget_class, "partners.log-contact", NULL, lia_partners_page_log_contact_action);
  gtk_widget_class_install_action (widget_class, "partners.trash", NULL, lia_partners_page_trash_action);
  gtk_widget_class_install_action (widget_class, "partners.print-update-sheet", NULL, lia_partners_page_print_action);
  gtk_widget_class_install_action (widget_class, "partners.export-update-sheet", NULL, lia_partners_page_print_action);
  gtk_widget_class_install_action (widget_class, "partners.print-directory", NULL, lia_partners_page_print_action);
  gtk_widget_class_install_action (widget_class, "partners.export-directory", NULL, lia_partners_page_print_action);
  gtk_widget_class_install_action (widget_class, "partners.undo-trash", "x", lia_partners_page_undo_trash_action);
  gtk_widget_class_install_action (widget_class, "partners.clear-filters", NULL, lia_partners_page_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "partners.back", NULL, lia_partners_page_back_action);
  gtk_widget_class_install_property_action (widget_class, "partners.status", "filter-status");
  gtk_widget_class_install_property_action (widget_class, "partners.kind", "filter-kind");
  gtk_widget_class_install_property_action (widget_class, "partners.owner", "filter-owner");
  gtk_widget_class_install_property_action (widget_class, "partners.tier", "filter-tier");
  gtk_widget_class_install_property_action (widget_class, "partners.stale-only", "stale-only");
  gtk_widget_class_install_property_action (widget_class, "partners.sort", "sort");
}

static void
add_shortcut (GtkEventController *controller,
              guint               keyval,
              GdkModifierType     modifiers,
              const char         *action_name)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

static void
lia_partners_page_init (LiaPartnersPage *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;
  g_autoptr(GMenuModel) filter_menu = NULL;

  self->status = -1;
  self->kind = -1;
  self->tier = -1;
  self->sort = LIA_PARTNER_SORT_NAME;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_menu = g_menu_new ();
  populate_owner_menu (self);
  filter_menu = create_filter_menu (self);
  gtk_menu_button_set_menu_model (self->filter_button, filter_menu);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* While the page is on screen, wherever the focus is in the window. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (controller, GDK_KEY_n, GDK_CONTROL_MASK, "partners.new");
  add_shortcut (controller, GDK_KEY_l, GDK_CONTROL_MASK, "partners.log-contact");
  add_shortcut (controller, GDK_KEY_e, GDK_CONTROL_MASK, "partners.edit");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Delete trashes the partner only from the list, never from a text field. */
  controller = gtk_shortcut_controller_new ();
  add_shortcut (controller, GDK_KEY_Delete, 0, "partners.trash");
  add_shortcut (controller, GDK_KEY_KP_Delete, 0, "partners.trash");
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));

  g_signal_connect_object (lia_settings_get_default (), "notify::staff-names",
                           G_CALLBACK (on_staff_names_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::filter-status", G_CALLBACK (on_property_filter_changed_cb), NULL);
  g_signal_connect (self, "notify::filter-kind", G_CALLBACK (on_property_filter_changed_cb), NULL);
  g_signal_connect (self, "notify::filter-owner", G_CALLBACK (on_property_filter_changed_cb), NULL);
  g_signal_connect (self, "notify::filter-tier", G_CALLBACK (on_property_filter_changed_cb), NULL);
  g_signal_connect (self, "notify::stale-only", G_CALLBACK (on_property_filter_changed_cb), NULL);
  g_signal_connect (self, "notify::sort", G_CALLBACK (on_property_filter_changed_cb), NULL);

  update_state (self);
}

GtkWidget *
lia_partners_page_new (void)
{
  return g_object_new (LIA_TYPE_PARTNERS_PAGE, NULL);
}

LiaStore *
lia_partners_page_get_store (LiaPartnersPage *self)
{
  g_return_val_if_fail (LIA_IS_PARTNERS_PAGE (self), NULL);

  return self->store;
}

void
lia_partners_page_set_store (LiaPartnersPage *self,
                             LiaStore        *store)
{
  g_return_if_fail (LIA_IS_PARTNERS_PAGE (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_set_object (&self->store, store);

  show_partner (self, NULL);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->partners);
  g_clear_pointer (&self->ids, g_array_unref);

  lia_partner_view_set_store (self->partner_view, store);

  if (store != NULL)
    {
      /* The list refreshes a moment after the store's "changed"; its
       * items-changed tells us when to mark the shown partner again. */
      self->partners = lia_partner_list_new (store);
      g_signal_connect_object (self->partners, "items-changed", G_CALLBACK (on_partners_items_changing_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->partners));
      g_signal_connect_object (self->partners, "items-changed", G_CALLBACK (on_partners_items_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  count_partners (self);
  populate_owner_menu (self);
  apply_query (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/**
 * lia_partners_page_get_partner:
 * @self: a #LiaPartnersPage
 *
 * Returns: (transfer none) (nullable): the partner shown beside the list
 */
LiaPartner *
lia_partners_page_get_partner (LiaPartnersPage *self)
{
  g_return_val_if_fail (LIA_IS_PARTNERS_PAGE (self), NULL);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "partner"))
    return NULL;

  return lia_partner_view_get_partner (self->partner_view);
}

/* Whether the list view has made its rows and been laid out with them. */
static gboolean
list_has_rows (LiaPartnersPage *self)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);

  return gtk_widget_get_first_child (list) != NULL && gtk_widget_get_height (list) > 0;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  LiaPartnersPage *self = user_data;

  /* Tick callbacks run before the frame's layout: the rows come a frame
   * after the list is first shown. */
  if (!list_has_rows (self))
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  gtk_widget_activate_action (widget, "list.scroll-to-item", "u", self->scroll_position);

  return G_SOURCE_REMOVE;
}

/* In GTK 4.8, scrolling a list view that has no rows yet (the page made,
 * or shown for the first time, to show a partner) left it with its first
 * row alone until the user scrolled: the scroll waits for the rows. */
static void
scroll_to (LiaPartnersPage *self,
           guint            position)
{
  if (list_has_rows (self) && self->scroll_tick == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      return;
    }

  self->scroll_position = position;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_tick_cb, self, NULL);
}

/**
 * lia_partners_page_select_partner:
 * @self: a #LiaPartnersPage
 * @partner_id: a partner's id
 *
 * Shows the partner, and selects it in the list when the search and
 * filters let it in.
 *
 * Returns: %TRUE when the partner exists and is not in the trash
 */
gboolean
lia_partners_page_select_partner (LiaPartnersPage *self,
                                  gint64           partner_id)
{
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_val_if_fail (LIA_IS_PARTNERS_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  partner = lia_store_get_partner (self->store, partner_id, &error);
  if (partner == NULL || lia_partner_get_deleted_at (partner) != 0)
    return FALSE;

  count_partners (self);
  g_clear_pointer (&self->ids, g_array_unref);
  update_state (self);

  show_partner (self, partner);
  position = find_position (self, partner_id);
  self->reselecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->reselecting = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);

  return TRUE;
}

/**
 * lia_partners_page_show_partner:
 * @self: a #LiaPartnersPage
 * @partner_id: a partner's id
 *
 * Shows the partner and selects it in the list, clearing the search and
 * filters of the list when they leave it out.
 */
void
lia_partners_page_show_partner (LiaPartnersPage *self,
                                gint64           partner_id)
{
  g_return_if_fail (LIA_IS_PARTNERS_PAGE (self));

  if (self->store == NULL)
    return;

  g_clear_pointer (&self->ids, g_array_unref);
  if (has_filters (self) && find_position (self, partner_id) == GTK_INVALID_LIST_POSITION)
    clear_filters (self);

  if (lia_partners_page_select_partner (self, partner_id))
    navigate_to_view (self);
}
