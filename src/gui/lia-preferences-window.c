/* lia-preferences-window.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-preferences-window.h"
#include "lia-settings.h"

#define ZONE_TAB "/usr/share/zoneinfo/zone1970.tab"

/* Every change applies at once, as in every GNOME preferences window. The
 * widgets follow LiaSettings, so a change made elsewhere shows here too. */
struct _LiaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Borrowed */
  LiaSettings          *settings;

  /* Owned */
  GPtrArray            *time_zones;     /* IANA ids; "" first: the computer's zone */
  GPtrArray            *staff_rows;     /* AdwActionRow, in the order of the names */

  guint                 updating : 1;

  /* Template widgets */
  AdwEntryRow          *library_name_row;
  AdwComboRow          *time_zone_row;
  AdwComboRow          *page_size_row;
  GtkListBox           *staff_list;
  AdwEntryRow          *add_staff_row;
};

G_DEFINE_FINAL_TYPE (LiaPreferencesWindow, lia_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_toast (LiaPreferencesWindow *self,
            const char           *title)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
}

/* Sets the text without revealing the row's apply button, which would
 * otherwise offer to apply what the program wrote itself. */
static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gboolean show_apply_button = adw_entry_row_get_show_apply_button (row);

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (row, show_apply_button);
}

/* Time zones */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The zones of zone1970.tab (one per region since 1970), sorted, and UTC. */
static GPtrArray *
read_time_zones (void)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (ZONE_TAB, &contents, NULL, &error))
    {
      g_debug ("No list of time zones: %s", error->message);
      return g_steal_pointer (&zones);
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (fields) < 3 || fields[2][0] == '\0')
        continue;

      g_ptr_array_add (zones, g_strdup (fields[2]));
    }

  g_ptr_array_add (zones, g_strdup ("UTC"));
  g_ptr_array_sort (zones, compare_strings);

  return g_steal_pointer (&zones);
}

static char *
dup_zone_title (const char *tzid)
{
  /* "America/Port_of_Spain" reads "America/Port of Spain" */
  return g_strdelimit (g_strdup (tzid), "_", ' ');
}

static void
fill_time_zones (LiaPreferencesWindow *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GPtrArray) zones = read_time_zones ();
  g_autofree char *local_title = NULL;

  self->time_zones = g_ptr_array_new_with_free_func (g_free);

  /* Translators: %s is the computer's time zone, such as America/Edmonton */
  local_title = g_strdup_printf (_("Computer’s Time Zone (%s)"), g_time_zone_get_identifier (local));
  g_ptr_array_add (self->time_zones, g_strdup (""));
  gtk_string_list_append (titles, local_title);

  for (guint i = 0; i < zones->len; i++)
    {
      g_autofree char *title = dup_zone_title (g_ptr_array_index (zones, i));

      g_ptr_array_add (self->time_zones, g_strdup (g_ptr_array_index (zones, i)));
      gtk_string_list_append (titles, title);
    }

  adw_combo_row_set_model (self->time_zone_row, G_LIST_MODEL (titles));
}

static guint
find_time_zone (LiaPreferencesWindow *self,
                const char           *tzid)
{
  for (guint i = 0; i < self->time_zones->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->time_zones, i), tzid) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
update_time_zone (LiaPreferencesWindow *self)
{
  GSettings *gsettings = lia_settings_get_gsettings (self->settings);
  g_autofree char *tzid = NULL;
  guint position;

  /* lia_settings_dup_library_time_zone() answers the computer's zone when
   * none was chosen; this row also shows whether one was. */
  tzid = g_settings_get_string (gsettings, "library-time-zone");
  position = find_time_zone (self, tzid);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* A valid zone that zone1970.tab leaves out (an alias): show it too. */
      GtkStringList *titles = GTK_STRING_LIST (adw_combo_row_get_model (self->time_zone_row));
      g_autofree char *title = dup_zone_title (tzid);

      g_ptr_array_add (self->time_zones, g_strdup (tzid));
      gtk_string_list_append (titles, title);
      position = self->time_zones->len - 1;
    }

  adw_combo_row_set_selected (self->time_zone_row, position);
}

static void
on_time_zone_row_selected_cb (LiaPreferencesWindow *self,
                              GParamSpec           *pspec,
                              AdwComboRow          *row)
{
  guint position = adw_combo_row_get_selected (row);

  if (self->updating || position == GTK_INVALID_LIST_POSITION || position >= self->time_zones->len)
    return;

  lia_settings_set_library_time_zone (self->settings, g_ptr_array_index (self->time_zones, position));
}

/* Library name and page size */

static void
update_library_name (LiaPreferencesWindow *self)
{
  const char *name = lia_settings_get_library_name (self->settings);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->library_name_row)), name) != 0)
    set_row_text (self->library_name_row, name);
}

static void
on_library_name_row_apply_cb (LiaPreferencesWindow *self,
                              AdwEntryRow          *row)
{
  lia_settings_set_library_name (self->settings, gtk_editable_get_text (GTK_EDITABLE (row)));
  /* The settings trim the name; show what was kept. */
  update_library_name (self);
}

static void
update_page_size (LiaPreferencesWindow *self)
{
  guint position = lia_settings_get_page_size (self->settings) == LIA_PAGE_SIZE_A4 ? 1 : 0;

  adw_combo_row_set_selected (self->page_size_row, position);
}

static void
on_page_size_row_selected_cb (LiaPreferencesWindow *self,
                              GParamSpec           *pspec,
                              AdwComboRow          *row)
{
  guint position = adw_combo_row_get_selected (row);

  if (self->updating || position == GTK_INVALID_LIST_POSITION)
    return;

  lia_settings_set_page_size (self->settings, position == 1 ? LIA_PAGE_SIZE_A4 : LIA_PAGE_SIZE_LETTER);
}

/* Staff */

static GtkWidget *
create_staff_row (const char *name)
{
  g_autofree char *label = NULL;
  GtkWidget *button;
  GtkWidget *row;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

  /* Translators: the accessible name of a button; %s is a staff member */
  label = g_strdup_printf (_("Remove %s"), name);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.remove-staff");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_staff (LiaPreferencesWindow *self)
{
  const char * const *names = lia_settings_get_staff_names (self->settings);

  for (guint i = 0; i < self->staff_rows->len; i++)
    gtk_list_box_remove (self->staff_list, g_ptr_array_index (self->staff_rows, i));
  g_ptr_array_set_size (self->staff_rows, 0);

  /* The names come first; the row that adds one stays last. */
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GtkWidget *row = create_staff_row (names[i]);

      gtk_list_box_insert (self->staff_list, row, (int)i);
      g_ptr_array_add (self->staff_rows, row);
    }
}

static gboolean
has_staff_name (LiaPreferencesWindow *self,
                const char           *name)
{
  const char * const *names = lia_settings_get_staff_names (self->settings);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *other = g_utf8_casefold (names[i], -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
on_add_staff_row_apply_cb (LiaPreferencesWindow *self,
                           AdwEntryRow          *row)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;

  g_strstrip (name);
  if (name[0] == '\0')
    {
      set_row_text (row, "");
      return;
    }

  if (has_staff_name (self, name))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a staff member's name */
      message = g_strdup_printf (_("%s is already on the staff list"), name);
      show_toast (self, message);
      return;
    }

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **)lia_settings_get_staff_names (self->settings));
  g_strv_builder_add (builder, name);
  names = g_strv_builder_end (builder);

  lia_settings_set_staff_names (self->settings, (const char * const *)names);
  set_row_text (row, "");
}

static void
lia_preferences_window_remove_staff_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  LiaPreferencesWindow *self = LIA_PREFERENCES_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  const char * const *names = lia_settings_get_staff_names (self->settings);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (g_strcmp0 (names[i], name) != 0)
        g_strv_builder_add (builder, names[i]);
    }
  kept = g_strv_builder_end (builder);

  /* The focused button goes away with its row; keep the focus nearby. */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_staff_row));
  lia_settings_set_staff_names (self->settings, (const char * const *)kept);
}

static void
update_all (LiaPreferencesWindow *self)
{
  self->updating = TRUE;
  update_library_name (self);
  update_time_zone (self);
  update_page_size (self);
  update_staff (self);
  self->updating = FALSE;
}

static void
on_settings_notify_cb (LiaPreferencesWindow *self,
                       GParamSpec           *pspec,
                       LiaSettings          *settings)
{
  self->updating = TRUE;

  if (g_str_equal (pspec->name, "library-name"))
    update_library_name (self);
  else if (g_str_equal (pspec->name, "library-time-zone"))
    update_time_zone (self);
  else if (g_str_equal (pspec->name, "page-size"))
    update_page_size (self);
  else if (g_str_equal (pspec->name, "staff-names"))
    update_staff (self);

  self->updating = FALSE;
}

static void
lia_preferences_window_show (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lia_preferences_window_parent_class)->show (widget);

  /* Open on the page, not inside the library name with its text selected;
   * Tab reaches every row. */
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);
}

static void
lia_preferences_window_dispose (GObject *object)
{
  LiaPreferencesWindow *self = (LiaPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (lia_preferences_window_parent_class)->dispose (object);

  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);
}

static void
lia_preferences_window_finalize (GObject *object)
{
  LiaPreferencesWindow *self = (LiaPreferencesWindow *)object;

  g_clear_pointer (&self->time_zones, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_preferences_window_parent_class)->finalize (object);
}

static void
lia_preferences_window_class_init (LiaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_preferences_window_dispose;
  object_class->finalize = lia_preferences_window_finalize;

  widget_class->show = lia_preferences_window_show;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, library_name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, page_size_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, staff_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, add_staff_row);
  gtk_widget_class_bind_template_callback (widget_class, on_library_name_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_zone_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_size_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_staff_row_apply_cb);

  gtk_widget_class_install_action (widget_class, "prefs.remove-staff", "s",
                                   lia_preferences_window_remove_staff_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
lia_preferences_window_init (LiaPreferencesWindow *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->settings = lia_settings_get_default ();
  self->staff_rows = g_ptr_array_new ();

  self->updating = TRUE;
  fill_time_zones (self);
  self->updating = FALSE;

  update_all (self);

  g_signal_connect_object (self->settings, "notify",
                           G_CALLBACK (on_settings_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * lia_preferences_window_new:
 * @parent: (nullable): the window it is modal for
 *
 * Returns: (transfer none): a new preferences window, owned by GTK
 */
GtkWidget *
lia_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (LIA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
