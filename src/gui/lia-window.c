/* lia-window.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-window"

#include "config.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <glib/gi18n.h>

#include "lia-event-editor.h"
#include "lia-events-page.h"
#include "lia-overview-page.h"
#include "lia-partners-page.h"
#include "lia-publish-page.h"
#include "lia-sample-data.h"
#include "lia-search-page.h"
#include "lia-settings.h"
#include "lia-today-page.h"
#include "lia-trash-page.h"
#include "lia-welcome-page.h"
#include "lia-window.h"

/* The areas of the desk, in sidebar order. Adding an area is one line here:
 * its page is a widget with a writable "store" property (a LiaStore) that
 * the window keeps set to the database it shows, and, when the sidebar
 * should show how many things wait there, a readable "count" (guint) and
 * has_count set. */
typedef struct
{
  const char *name;
  const char *title;          /* N_() */
  const char *icon_name;
  GType     (*get_type) (void);
  gboolean    has_count;      /* its page has a "count"; known here, so the
                               * sidebar is made without the page's class */
} LiaArea;

static const LiaArea areas[] = {
  { "today", N_("Today"), "task-due-symbolic", lia_today_page_get_type, TRUE },
  { "partners", N_("Partners"), "system-users-symbolic", lia_partners_page_get_type, FALSE },
  { "events", N_("Events"), "x-office-calendar-symbolic", lia_events_page_get_type, FALSE },
  { "publish", N_("Publish"), "send-to-symbolic", lia_publish_page_get_type, TRUE },
  { "overview", N_("Overview"), "view-grid-symbolic", lia_overview_page_get_type, FALSE },
  { "trash", N_("Trash"), "user-trash-symbolic", lia_trash_page_get_type, FALSE },
};

struct _LiaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  LiaStore             *store;
  GCancellable         *cancellable;
  char                 *error_message;
  GtkWindow            *shortcuts_window;
  guint                 load_idle;
  guint                 release_tick;
  guint                 release_idle;
  gboolean              loaded;       /* the pages may read the store */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  LiaWelcomePage       *welcome_page;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *window_title;
  GtkListBox           *sidebar;
  GtkScrolledWindow    *sidebar_window;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  LiaSearchPage        *search_page;
  AdwWindowTitle       *area_title;
  GtkStack             *area_stack;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (LiaWindow, lia_window, ADW_TYPE_APPLICATION_WINDOW)

/* What a coordinator can do when a database cannot be opened. */
#define WHAT_TO_DO N_("Open another database (Ctrl+O), or restore a backup copy of this one.")

enum { PROP_0, PROP_STORE, N_PROPS };

static GParamSpec *properties [N_PROPS];

/**
 * lia_window_dup_sample_path:
 *
 * Returns: (transfer full): where "Explore with Sample Data" keeps its
 *   database, `$XDG_DATA_HOME/liaison/liaison-sample.db`
 */
char *
lia_window_dup_sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "liaison", "liaison-sample.db", NULL);
}

static void
show_toast (LiaWindow  *self,
            const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_busy (LiaWindow *self,
          gboolean   busy)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-empty", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.explore-sample", !busy);
  lia_welcome_page_set_busy (self->welcome_page, busy);
}

static void
update_title (LiaWindow *self)
{
  g_autofree char *display_name = NULL;
  g_autofree char *title = NULL;

  if (self->store == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Liaison"));
      adw_window_title_set_title (self->window_title, _("Liaison"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  display_name = lia_database_dup_display_name (lia_store_get_database (self->store));
  /* Translators: the window title; %s is the database's file name */
  title = g_strdup_printf (_("%s — Liaison"), display_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, display_name);
  adw_window_title_set_subtitle (self->window_title,
                                 lia_store_is_sample (self->store) ? _("Sample data") : NULL);
}

static void
update_visible_page (LiaWindow *self)
{
  if (self->store == NULL)
    gtk_stack_set_visible_child_name (self->stack, "error");
  else if (lia_store_is_empty (self->store) && !lia_store_get_welcome_done (self->store))
    gtk_stack_set_visible_child_name (self->stack, "welcome");
  else
    gtk_stack_set_visible_child_name (self->stack, "desk");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 g_str_equal (gtk_stack_get_visible_child_name (self->stack), "desk"));
}

/* A page reads its data when it is first shown, and the first page only
 * once the window is on screen: on a large database, the six pages loading
 * at once kept the window off screen for seconds. The pages with a sidebar
 * count (Today, Publish) are bound with the first, so their counts are
 * right from the start. */
static void
bind_page (LiaWindow *self,
           GtkWidget *page)
{
  if (g_object_get_data (G_OBJECT (page), "lia-bound") != NULL)
    return;

  g_object_set_data (G_OBJECT (page), "lia-bound", GINT_TO_POINTER (TRUE));
  g_object_bind_property (self, "store", page, "store", G_BINDING_SYNC_CREATE);
}

static GtkWidget *get_page (LiaWindow  *self,
                             const char *name);

/* The page cache of the window's connection (8 MiB, see lia-database.c)
 * fills while a page reads a large database: Today's sources, the list's
 * partners, the calendar's windows. Kept, it added to every later page's
 * memory; given back once the page has read what it shows, the next query
 * reads again from the system's file cache. */
static gboolean
release_memory_idle_cb (gpointer data)
{
  LiaWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->release_idle = 0;

  if (self->store != NULL &&
      !lia_database_exec (lia_store_get_database (self->store), "PRAGMA shrink_memory", &error))
    g_debug ("Cannot release the database's cache: %s", error->message);

#ifdef __GLIBC__
  malloc_trim (0);
#endif

  return G_SOURCE_REMOVE;
}

/* Once the next frame is drawn: the renderer's first frame of a page
 * leaves most of what it freed (software GL compiles its shaders then).
 * A tick callback runs in the frame's update phase; the idle it adds runs
 * after the frame's paint, which has a higher priority. */
static gboolean
release_memory_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *frame_clock,
                        gpointer       user_data)
{
  LiaWindow *self = LIA_WINDOW (widget);

  self->release_tick = 0;
  if (self->release_idle == 0)
    self->release_idle = g_idle_add_full (G_PRIORITY_LOW, release_memory_idle_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

static void
queue_release_memory (LiaWindow *self)
{
  if (self->release_tick == 0 && self->release_idle == 0)
    self->release_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), release_memory_tick_cb, NULL, NULL);
}

static void
on_area_stack_visible_child_cb (LiaWindow  *self,
                                GParamSpec *pspec,
                                GtkStack   *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  if (child == NULL)
    return;

  if (self->loaded)
    {
      bind_page (self, child);
      queue_release_memory (self);
    }

  adw_window_title_set_title (self->area_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (stack, child)));
}

static void
on_sidebar_row_selected_cb (LiaWindow     *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list_box)
{
  if (row == NULL)
    return;

  get_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  gtk_stack_set_visible_child_name (self->area_stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated_cb (LiaWindow     *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list_box)
{
  get_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  gtk_stack_set_visible_child_name (self->area_stack, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
count_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  guint count = g_value_get_uint (from);

  g_value_take_string (to, count > 0 ? g_strdup_printf ("%'u", count) : NULL);

  return TRUE;
}

static gboolean
count_to_visible (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);

  return TRUE;
}

static GtkWidget *
create_sidebar_row (const LiaArea *area)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name (area->icon_name);
  label = gtk_label_new (_(area->title));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();

  /* Bound to the page's count when the page is made. */
  if (area->has_count)
    {
      GtkWidget *count = gtk_label_new (NULL);

      gtk_widget_add_css_class (count, "sidebar-count");
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (count, FALSE);
      gtk_box_append (GTK_BOX (box), count);
      g_object_set_data (G_OBJECT (row), "lia-count", count);
    }

  gtk_widget_set_name (row, area->name);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void on_today_open_partner_cb (LiaTodayPage   *page,
                                      gint64          partner_id,
                                      LiaWindow      *self);
static void on_publish_published_cb  (LiaPublishPage *page,
                                      gint64          target_id,
                                      LiaWindow      *self);

static GtkWidget *
create_page (LiaWindow *self,
             guint      index)
{
  const LiaArea *area = &areas[index];
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->sidebar, index));
  GtkWidget *count = g_object_get_data (G_OBJECT (row), "lia-count");
  GtkWidget *page = g_object_new (area->get_type (), NULL);

  gtk_stack_add_titled (self->area_stack, page, area->name, _(area->title));
  if (count != NULL)
    {
      g_object_bind_property_full (page, "count", count, "label", G_BINDING_SYNC_CREATE,
                                   count_to_label, NULL, NULL, NULL);
      g_object_bind_property_full (page, "count", count, "visible", G_BINDING_SYNC_CREATE,
                                   count_to_visible, NULL, NULL, NULL);
    }

  if (LIA_IS_TODAY_PAGE (page))
    g_signal_connect_object (page, "open-partner", G_CALLBACK (on_today_open_partner_cb), self, 0);
  else if (LIA_IS_PUBLISH_PAGE (page))
    g_signal_connect_object (page, "published", G_CALLBACK (on_publish_published_cb), self, 0);

  return page;
}

/* Makes only the page asked for: selecting the first row while the window
 * is built must not make the others. */
static GtkWidget *
get_page (LiaWindow  *self,
          const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->area_stack, name);

  for (guint i = 0; page == NULL && i < G_N_ELEMENTS (areas); i++)
    if (g_str_equal (areas[i].name, name))
      page = create_page (self, i);

  return page;
}

static void
add_areas (LiaWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    gtk_list_box_append (self->sidebar, create_sidebar_row (&areas[i]));
  create_page (self, 0);

  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
}

static void
select_area (LiaWindow  *self,
             const char *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), name))
      {
        gtk_list_box_select_row (self->sidebar, row);
        /* Asked for before the window was on screen: it loads now. */
        bind_page (self, gtk_stack_get_visible_child (self->area_stack));
        return;
      }
}

/* While there is text to search for, the results take the place of the
 * list of areas. */
static void
on_search_entry_search_changed_cb (LiaWindow      *self,
                                   GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gboolean searching = text[0] != '\0';

  lia_search_page_set_text (self->search_page, text);
  gtk_widget_set_visible (GTK_WIDGET (self->search_page), searching);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_window), !searching);
}

static void
on_search_entry_activate_cb (LiaWindow      *self,
                             GtkSearchEntry *entry)
{
  lia_search_page_activate_first (self->search_page);
}

static gboolean
on_search_entry_key_pressed_cb (LiaWindow             *self,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & gtk_accelerator_get_default_mod_mask ()) == 0)
    return lia_search_page_focus_first (self->search_page);

  return GDK_EVENT_PROPAGATE;
}

static void
on_search_bar_search_mode_cb (LiaWindow    *self,
                              GParamSpec   *pspec,
                              GtkSearchBar *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar));
}

static void
on_search_page_stop_search_cb (LiaWindow     *self,
                               LiaSearchPage *search_page)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* A result opens its partner: the partner found, or the one a contact or
 * a conversation belongs to; an event opens in its editor. */
static void
on_search_page_result_activated_cb (LiaWindow             *self,
                                    const LiaSearchResult *result,
                                    LiaSearchPage         *search_page)
{
  GtkWidget *partners_page = get_page (self, "partners");

  if (result->kind == LIA_RECORD_EVENT)
    {
      g_autoptr(LiaEvent) event = NULL;
      g_autoptr(GError) error = NULL;

      if (!(event = lia_store_get_event (self->store, result->id, &error)))
        {
          show_toast (self, error->message);
          return;
        }
      select_area (self, "events");
      gtk_window_present (GTK_WINDOW (lia_event_editor_new (GTK_WINDOW (self), self->store,
                                                            result->partner_id, event)));
      return;
    }

  select_area (self, "partners");
  lia_partners_page_show_partner (LIA_PARTNERS_PAGE (partners_page), result->partner_id);

  /* Side by side, the focus stays in the results, for the next one. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_today_open_partner_cb (LiaTodayPage *page,
                          gint64        partner_id,
                          LiaWindow    *self)
{
  GtkWidget *partners_page = get_page (self, "partners");

  select_area (self, "partners");
  lia_partners_page_show_partner (LIA_PARTNERS_PAGE (partners_page), partner_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A run wrote on its own connection: Today reads what waits again. */
static void
on_publish_published_cb (LiaPublishPage *page,
                         gint64          target_id,
                         LiaWindow      *self)
{
  lia_today_page_refresh (LIA_TODAY_PAGE (get_page (self, "today")));
}

static void
lia_window_show_area_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  select_area (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
lia_window_show_month_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  select_area (self, "events");
  lia_events_page_show_month (LIA_EVENTS_PAGE (get_page (self, "events")));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
lia_window_show_partner_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  GtkWidget *partners_page = get_page (self, "partners");

  select_area (self, "partners");
  lia_partners_page_show_partner (LIA_PARTNERS_PAGE (partners_page), g_variant_get_int64 (parameter));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  queue_release_memory (self);
}

/* Once per database a day: what became due since Liaison last looked,
 * as a desktop notification that opens Today. */
static void
notify_new_items (LiaWindow *self)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  guint count;

  /* Today reads the store once the window is on screen. */
  if (self->store == NULL || application == NULL || !self->loaded ||
      (count = lia_today_page_take_new_count (LIA_TODAY_PAGE (get_page (self, "today")))) == 0)
    return;

  notification = g_notification_new (g_dngettext (GETTEXT_PACKAGE,
                                                  "Something New Needs a Human",
                                                  "New Things Need a Human",
                                                  count));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u item became due since you last opened Liaison.",
                                       "%u items became due since you last opened Liaison.",
                                       count),
                          count);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-today");
  g_notification_add_button (notification, _("Open Today"), "app.show-today");
  g_application_send_notification (application, "new-today-items", notification);
}

static void
lia_window_search_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  /* Folded, the search is on the sidebar's side. */
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* The shortcuts window is built when first asked for: built for every
 * window by GtkApplication, it cost a few tens of milliseconds before the
 * window could show. */
static void
lia_window_show_help_overlay_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource ("/org/liaisonapp/Liaison/gui/lia-shortcuts-window.ui");
      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static void
lia_window_go_back_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
lia_window_start_empty_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->store != NULL);

  if (!lia_store_set_welcome_done (self->store, &error))
    {
      show_toast (self, error->message);
      return;
    }

  update_visible_page (self);
}

static gboolean
open_sample (LiaWindow   *self,
             const char  *path,
             GError     **error)
{
  g_autoptr(LiaDatabase) database = NULL;
  g_autoptr(LiaStore) store = NULL;

  database = lia_database_open (path, LIA_DATABASE_OPEN_DEFAULT, error);
  if (database == NULL)
    return FALSE;

  store = lia_store_new (database);
  lia_window_set_store (self, store);

  return TRUE;
}

static void
write_sample_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *folder = g_path_get_dirname (path);
  LiaSampleDataOptions options;
  GError *error = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display_folder = g_filename_display_name (folder);

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("The folder ‘%s’ cannot be created: %s"),
                               display_folder, g_strerror (saved_errno));
      return;
    }

  lia_sample_data_options_init (&options);
  if (!lia_sample_data_write (path, &options, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
write_sample_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LiaWindow *self = LIA_WINDOW (object);
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = g_task_propagate_boolean (G_TASK (result), &error);

  /* The window was closed meanwhile: its widgets are gone. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (!written)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The sample data could not be made: %s"), error->message);
      show_toast (self, message);
      return;
    }

  if (!open_sample (self, path, &error))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The sample data could not be opened: %s"), error->message);
      show_toast (self, message);
    }
}

static void
lia_window_explore_sample_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  g_autofree char *path = lia_window_dup_sample_path ();
  g_autoptr(GTask) task = NULL;

  /* A sample database made earlier is opened as it is. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;

      if (!open_sample (self, path, &error))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("The sample data could not be opened: %s"), error->message);
          show_toast (self, message);
        }
      return;
    }

  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, write_sample_cb, NULL);
  g_task_set_source_tag (task, lia_window_explore_sample_action);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, write_sample_thread);
}

static void
on_error_dialog_response_cb (LiaWindow        *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (g_strcmp0 (response, "open") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "app.open-database", NULL);
    }
  else if (g_strcmp0 (response, "quit") == 0)
    {
      if (application != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
      else
        gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
present_error_dialog (LiaWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open the Database"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  self->error_message, _(WHAT_TO_DO));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "quit", _("_Quit"),
                                    "close", _("_Close"),
                                    "open", _("_Open Another Database…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_error_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
present_error_dialog_idle (gpointer data)
{
  LiaWindow *self = data;

  if (self->error_message != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    present_error_dialog (self);

  return G_SOURCE_REMOVE;
}

static void
on_map_cb (LiaWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_map_cb, NULL);

  /* Once the window is on screen, so the dialog stacks above it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_error_dialog_idle,
                   g_object_ref (self), g_object_unref);
}

static void
show_error (LiaWindow    *self,
            const GError *error)
{
  g_autofree char *description = NULL;

  g_free (self->error_message);
  self->error_message = g_strdup (error != NULL ? error->message
                                                : _("The database could not be opened."));

  description = g_strdup_printf ("%s\n\n%s", self->error_message, _(WHAT_TO_DO));
  adw_status_page_set_description (self->error_page, description);

  /* The dialog needs its parent on screen. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    present_error_dialog (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* Fixed thresholds: glibc otherwise raises both each time a large block is
 * freed, up to 32 MiB, and the renderer's buffers of a few megabytes
 * (software GL's offscreen textures, cairo's groups) then come from the
 * heap and stay resident after the one frame that needed them. At 128 KiB
 * (glibc's first values) such a block is mapped and given back when freed,
 * and a freed heap top is trimmed. Only after the first frame: mapping
 * each of the renderer's large blocks anew made the start 60 ms slower. */
static void
fix_malloc_thresholds (void)
{
#ifdef __GLIBC__
  static gsize done;

  if (g_once_init_enter (&done))
    {
      mallopt (M_MMAP_THRESHOLD, 128 * 1024);
      mallopt (M_TRIM_THRESHOLD, 128 * 1024);
      g_once_init_leave (&done, TRUE);
    }
#endif
}

static gboolean
load_pages_idle_cb (gpointer data)
{
  LiaWindow *self = data;

  self->load_idle = 0;
  fix_malloc_thresholds ();
  self->loaded = TRUE;

  /* The pages with a count in the sidebar are made and read now; the
   * others when first shown (get_page()): a page never visited holds
   * neither widgets nor data. */
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      GtkWidget *page = areas[i].has_count ? get_page (self, areas[i].name)
                                           : gtk_stack_get_child_by_name (self->area_stack, areas[i].name);

      if (page != NULL &&
          (areas[i].has_count || page == gtk_stack_get_visible_child (self->area_stack)))
        bind_page (self, page);
    }
  notify_new_items (self);
  queue_release_memory (self);

  return G_SOURCE_REMOVE;
}

/* After the first frame: an idle source runs after the frame clock's
 * paint, which has a higher priority. */
static void
on_window_map_cb (LiaWindow *self)
{
  if (self->loaded || self->load_idle != 0)
    return;

  self->load_idle = g_idle_add (load_pages_idle_cb, self);
}

static void
lia_window_dispose (GObject *object)
{
  LiaWindow *self = (LiaWindow *)object;

  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_clear_handle_id (&self->release_idle, g_source_remove);
  if (self->release_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->release_tick);
  self->release_tick = 0;
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_WINDOW);

  G_OBJECT_CLASS (lia_window_parent_class)->dispose (object);
}

static void
lia_window_finalize (GObject *object)
{
  LiaWindow *self = (LiaWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (lia_window_parent_class)->finalize (object);
}

static void
lia_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiaWindow *self = LIA_WINDOW (object);

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
lia_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LiaWindow *self = LIA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lia_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_window_class_init (LiaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_window_dispose;
  object_class->finalize = lia_window_finalize;
  object_class->get_property = lia_window_get_property;
  object_class->set_property = lia_window_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIA_TYPE_WELCOME_PAGE);
  g_type_ensure (LIA_TYPE_SEARCH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, sidebar_window);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, search_page);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, area_title);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, area_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_page_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_page_result_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.start-empty", NULL, lia_window_start_empty_action);
  gtk_widget_class_install_action (widget_class, "win.explore-sample", NULL, lia_window_explore_sample_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, lia_window_go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   lia_window_show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, lia_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-area", "s", lia_window_show_area_action);
  gtk_widget_class_install_action (widget_class, "win.show-month", NULL, lia_window_show_month_action);
  gtk_widget_class_install_action (widget_class, "win.show-partner", "x", lia_window_show_partner_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
lia_window_init (LiaWindow *self)
{
  GSettings *settings;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  settings = lia_settings_get_gsettings (lia_settings_get_default ());
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  add_areas (self);
  g_signal_connect (self, "map", G_CALLBACK (on_window_map_cb), NULL);
  g_object_bind_property (self, "store", self->search_page, "store", G_BINDING_SYNC_CREATE);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_title (self);
  update_visible_page (self);
}

/**
 * lia_window_new:
 * @application: (nullable): the application
 * @store: (nullable): the database to show
 * @error: (nullable): why the database could not be opened, when @store is %NULL
 *
 * Returns: (transfer none): a new window, owned by GTK like every toplevel
 */
LiaWindow *
lia_window_new (AdwApplication *application,
                LiaStore       *store,
                const GError   *error)
{
  LiaWindow *self;

  g_return_val_if_fail (application == NULL || ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || LIA_IS_STORE (store), NULL);

  self = g_object_new (LIA_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);

  if (store == NULL)
    {
      show_error (self, error);
    }
  else
    {
      const char *backup = lia_database_get_backup_path (lia_store_get_database (store));

      notify_new_items (self);
      if (backup != NULL)
        {
          g_autofree char *base = g_path_get_basename (backup);
          g_autofree char *name = g_filename_display_name (base);
          g_autofree char *title = NULL;

          /* Translators: %s is a file name, such as liaison.v6-backup.db */
          title = g_strdup_printf (_("Updated for this version of Liaison. The file as it was is kept as ‘%s’."), name);
          show_toast (self, title);
        }
    }

  return self;
}

/**
 * lia_window_get_loaded:
 * @self: a #LiaWindow
 *
 * Returns: whether the pages have read the store: from the first idle
 *   moment after the window was first shown
 */
gboolean
lia_window_get_loaded (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), FALSE);

  return self->loaded;
}

LiaStore *
lia_window_get_store (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);

  return self->store;
}

void
lia_window_set_store (LiaWindow *self,
                      LiaStore  *store)
{
  g_return_if_fail (LIA_IS_WINDOW (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  update_title (self);
  update_visible_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
  notify_new_items (self);
}
