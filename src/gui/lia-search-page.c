/* lia-search-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-search-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-search-page.h"

/* The results of the one search over the whole database, grouped by kind:
 * partners, contacts, then contact history. The window shows it in place of
 * the list of areas while there is text in its search entry. */
struct _LiaSearchPage
{
  GtkWidget      parent_instance;

  /* Owned */
  LiaStore      *store;
  char          *text;
  guint          refresh_id;

  /* Template widgets */
  GtkStack      *stack;
  GtkListBox    *results_list;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (LiaSearchPage, lia_search_page, GTK_TYPE_WIDGET)

/* The most results of each kind. */
#define LIMIT_PER_KIND 10

enum { PROP_0, PROP_STORE, PROP_TEXT, N_PROPS };
enum { RESULT_ACTIVATED, STOP_SEARCH, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const LiaSearchResult *
get_row_result (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "lia-search-result");
}

static const char *
get_kind_title (LiaRecordKind kind)
{
  switch (kind)
    {
    case LIA_RECORD_PARTNER:
      return _("Partners");

    case LIA_RECORD_CONTACT:
      return _("Contacts");

    case LIA_RECORD_INTERACTION:
      return _("Contact History");

    case LIA_RECORD_EVENT:
      return _("Events");

    case LIA_RECORD_AGREEMENT:
    case LIA_RECORD_EXPECTATION:
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
create_label (const char *text,
              const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, style_class);

  return label;
}

static GtkWidget *
create_row (const LiaSearchResult *result)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *snippet;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), create_label (result->title, "heading"));

  snippet = create_label (result->snippet, "caption");
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_widget_set_visible (snippet, result->snippet != NULL && result->snippet[0] != '\0');
  gtk_box_append (GTK_BOX (box), snippet);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, result->title != NULL ? result->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, result->snippet != NULL ? result->snippet : "",
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "lia-search-result",
                          lia_search_result_copy (result),
                          (GDestroyNotify)lia_search_result_free);

  return row;
}

/* A heading above the first result of each kind. */
static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  const LiaSearchResult *result = get_row_result (row);
  GtkWidget *header;

  if (before != NULL && get_row_result (before)->kind == result->kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = create_label (get_kind_title (result->kind), "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
remove_rows (LiaSearchPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static void
show_empty (LiaSearchPage *self,
            const char    *title,
            const char    *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
search (LiaSearchPage *self)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  remove_rows (self);

  if (self->store == NULL || self->text == NULL || self->text[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
      return;
    }

  results = lia_store_search (self->store, self->text, LIMIT_PER_KIND, &error);
  if (results == NULL)
    {
      g_debug ("Cannot search for ‘%s’: %s", self->text, error->message);
      show_empty (self, _("Cannot Search"), error->message);
      return;
    }

  if (results->len == 0)
    {
      show_empty (self, _("No Results"),
                  _("Names, notes and contact history are searched by the start of each word. Try fewer or shorter words."));
      return;
    }

  for (guint i = 0; i < results->len; i++)
    gtk_list_box_append (self->results_list, create_row (g_ptr_array_index (results, i)));

  gtk_stack_set_visible_child_name (self->stack, "results");
}

static gboolean
refresh_cb (gpointer data)
{
  LiaSearchPage *self = data;

  self->refresh_id = 0;
  search (self);

  return G_SOURCE_REMOVE;
}

/* Results follow edits, once the writes of a moment are done. */
static void
on_store_changed_cb (LiaSearchPage *self,
                     LiaRecordKind  kind,
                     gint64         id,
                     LiaStore      *store)
{
  if (self->text == NULL || self->text[0] == '\0' || self->refresh_id != 0)
    return;

  self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_results_list_row_activated_cb (LiaSearchPage *self,
                                  GtkListBoxRow *row,
                                  GtkListBox    *list_box)
{
  g_signal_emit (self, signals [RESULT_ACTIVATED], 0, get_row_result (row));
}

static void
lia_search_page_stop_search_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  g_signal_emit (widget, signals [STOP_SEARCH], 0);
}

static void
lia_search_page_dispose (GObject *object)
{
  LiaSearchPage *self = (LiaSearchPage *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (object), LIA_TYPE_SEARCH_PAGE);

  G_OBJECT_CLASS (lia_search_page_parent_class)->dispose (object);
}

static void
lia_search_page_finalize (GObject *object)
{
  LiaSearchPage *self = (LiaSearchPage *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (lia_search_page_parent_class)->finalize (object);
}

static void
lia_search_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaSearchPage *self = LIA_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TEXT:
      g_value_set_string (value, lia_search_page_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_search_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaSearchPage *self = LIA_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lia_search_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_TEXT:
      lia_search_page_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_search_page_class_init (LiaSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_search_page_dispose;
  object_class->finalize = lia_search_page_finalize;
  object_class->get_property = lia_search_page_get_property;
  object_class->set_property = lia_search_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaSearchPage::result-activated:
   * @result: the #LiaSearchResult chosen
   */
  signals [RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_SEARCH_RESULT | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * LiaSearchPage::stop-search:
   *
   * Escape was pressed in the results.
   */
  signals [STOP_SEARCH] =
    g_signal_new ("stop-search",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaSearchPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, LiaSearchPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "search.stop", NULL, lia_search_page_stop_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "search.stop", NULL);
}

static void
lia_search_page_init (LiaSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->results_list, update_header_cb, NULL, NULL);
}

GtkWidget *
lia_search_page_new (void)
{
  return g_object_new (LIA_TYPE_SEARCH_PAGE, NULL);
}

LiaStore *
lia_search_page_get_store (LiaSearchPage *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_PAGE (self), NULL);

  return self->store;
}

void
lia_search_page_set_store (LiaSearchPage *self,
                           LiaStore      *store)
{
  g_return_if_fail (LIA_IS_SEARCH_PAGE (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_set_object (&self->store, store);

  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                             self, G_CONNECT_SWAPPED);

  search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

const char *
lia_search_page_get_text (LiaSearchPage *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_PAGE (self), NULL);

  return self->text != NULL ? self->text : "";
}

/**
 * lia_search_page_set_text:
 * @self: a #LiaSearchPage
 * @text: (nullable): what the user typed
 *
 * Searches for @text at once: the search entry that calls this waits for
 * the user to pause.
 */
void
lia_search_page_set_text (LiaSearchPage *self,
                          const char    *text)
{
  g_return_if_fail (LIA_IS_SEARCH_PAGE (self));

  if (g_strcmp0 (lia_search_page_get_text (self), text != NULL ? text : "") == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

/**
 * lia_search_page_focus_first:
 * @self: a #LiaSearchPage
 *
 * Moves the keyboard focus to the first result.
 *
 * Returns: %TRUE when there is a result to focus
 */
gboolean
lia_search_page_focus_first (LiaSearchPage *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LIA_IS_SEARCH_PAGE (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    return FALSE;

  gtk_list_box_select_row (self->results_list, row);
  return gtk_widget_grab_focus (GTK_WIDGET (row));
}

/**
 * lia_search_page_activate_first:
 * @self: a #LiaSearchPage
 *
 * Chooses the first result, as Enter in the search entry does.
 *
 * Returns: %TRUE when there was a result
 */
gboolean
lia_search_page_activate_first (LiaSearchPage *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LIA_IS_SEARCH_PAGE (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    return FALSE;

  gtk_list_box_select_row (self->results_list, row);
  g_signal_emit (self, signals [RESULT_ACTIVATED], 0, get_row_result (row));
  return TRUE;
}
