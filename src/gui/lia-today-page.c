/* lia-today-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The upkeep radar as a page: lia-attention's items in their groups, each
 * row with its primary action, the others and the snoozes in a menu. The
 * page knows nothing of the rules: a new source of items only needs its
 * group, icon and actions in lia-attention, and a handler here for an
 * action that did not exist yet.
 */

#define G_LOG_DOMAIN "lia-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-attention.h"
#include "lia-contact-logger.h"
#include "lia-event-editor.h"
#include "lia-settings.h"
#include "lia-time-format.h"
#include "lia-today-page.h"
#include "lia-upkeep.h"

/* The meta key that remembers the last day the page was looked at, for
 * the notification of what became due since. */
#define SEEN_ON_KEY "attention-seen-on"

/* How long "Ask for an Update" leaves a partner off the page: time for
 * them to answer. */
#define ASKED_SNOOZE_DAYS 7

/* Rows a group shows at first, and how many more each "Show More" adds: a
 * large desk has thousands of items, and a row for each would take
 * seconds to build and hundreds of megabytes to keep. */
#define ROWS_STEP 20
/* libadwaita's rows are at least this tall: rows enough to fill the page. */
#define ROW_MIN_HEIGHT 50

struct _LiaTodayPage
{
  GtkWidget       parent_instance;

  LiaStore       *store;
  GPtrArray      *items;          /* LiaAttentionItem: the rows shown, group by group */
  GHashTable     *items_by_key;   /* key → LiaAttentionItem, borrowed from items */
  guint           n_items;        /* every item, shown or not */
  GDate           today;
  guint           refresh_idle;
  guint           fill_tick;      /* the groups below, one a frame after the first rows */
  guint           fill_idle;
  guint           groups_made;    /* groups with rows made by the last reading */
  guint           clock_timeout;

  GtkWidget      *groups[LIA_ATTENTION_N_GROUPS];
  GtkLabel       *group_counts[LIA_ATTENTION_N_GROUPS];
  GtkListBox     *lists[LIA_ATTENTION_N_GROUPS];
  GtkWidget      *more_buttons[LIA_ATTENTION_N_GROUPS];
  guint           shown[LIA_ATTENTION_N_GROUPS];        /* rows the group may show */

  /* Template widgets */
  GtkStack       *stack;
  GtkBox         *groups_box;
  GtkLabel       *day_label;
  GtkLabel       *summary_label;
};

G_DEFINE_FINAL_TYPE (LiaTodayPage, lia_today_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_COUNT, N_PROPS };
enum { OPEN_PARTNER, OPEN_URI, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void refresh (LiaTodayPage *self);
static void refresh_groups (LiaTodayPage *self, guint max_groups);
static gboolean fill_tick_cb (GtkWidget *widget, GdkFrameClock *frame_clock, gpointer user_data);

/* An action to take back: the records as they were before it, a note it
 * logged, a snooze it set. */
typedef struct
{
  LiaTodayPage *self;
  GObject      *before;
  gint64        note_id;
  char         *snooze_key;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_object (&undo->self);
  g_clear_object (&undo->before);
  g_clear_pointer (&undo->snooze_key, g_free);
  g_free (undo);
}

static AdwToastOverlay *
find_overlay (LiaTodayPage *self)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  return ancestor != NULL ? ADW_TOAST_OVERLAY (ancestor) : NULL;
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  LiaStore *store = undo->self->store;
  g_autoptr(GError) error = NULL;
  gboolean done = TRUE;

  if (store == NULL)
    return;

  if (LIA_IS_PARTNER (undo->before))
    done = lia_store_save_partner (store, LIA_PARTNER (undo->before), &error);
  else if (LIA_IS_EXPECTATION (undo->before))
    done = lia_store_save_expectation (store, LIA_EXPECTATION (undo->before), &error);
  else if (LIA_IS_AGREEMENT (undo->before))
    done = lia_store_save_agreement (store, LIA_AGREEMENT (undo->before), &error);
  else if (LIA_IS_INTERACTION (undo->before))
    done = lia_store_save_interaction (store, LIA_INTERACTION (undo->before), &error);

  /* The note goes for good: it only said what the undone action did. */
  if (done && undo->note_id != 0)
    done = lia_store_trash (store, LIA_RECORD_INTERACTION, undo->note_id, &error) &&
           lia_store_delete_forever (store, LIA_RECORD_INTERACTION, undo->note_id, &error);

  if (done && undo->snooze_key != NULL)
    done = lia_attention_unsnooze (store, undo->snooze_key, &error);

  if (!done)
    {
      AdwToastOverlay *overlay = find_overlay (undo->self);

      g_warning ("Could not undo: %s", error->message);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (overlay, adw_toast_new (error->message));
    }

  refresh (undo->self);
}

/* Says what was done, with Undo when @undo is not NULL (taken). */
static void
show_toast (LiaTodayPage *self,
            const char   *title,
            Undo         *undo)
{
  AdwToastOverlay *overlay = find_overlay (self);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for ‘%s’", title);
      g_clear_pointer (&undo, undo_free);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  if (undo != NULL)
    {
      undo->self = g_object_ref (self);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                             undo, (GClosureNotify)(void (*) (void))undo_free, 0);
    }
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
show_error (LiaTodayPage *self,
            const GError *error)
{
  show_toast (self, error->message, NULL);
}

static Undo *
undo_new (gpointer    before,
          gint64      note_id,
          const char *snooze_key)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->before = before != NULL ? g_object_ref (before) : NULL;
  undo->note_id = note_id;
  undo->snooze_key = g_strdup (snooze_key);

  return undo;
}

static char *
format_short_day (const GDate *day)
{
  char buffer[64];

  /* Translators: a day in a sentence, as in "until 3 December"; see strftime() */
  if (g_date_strftime (buffer, sizeof buffer, _("%-d %B"), day) == 0)
    return g_strdup ("");

  return g_strdup (buffer);
}

/* What the row says under the item's sentence. */
static char *
describe_item (const LiaAttentionItem *item,
               GDateTime              *now)
{
  g_autofree char *when = lia_format_relative_day (item->due_on, now);

  switch (item->kind)
    {
    case LIA_ATTENTION_STALE:
      if (item->update_requested_at != 0)
        {
          g_autofree char *day = lia_format_day (item->update_requested_at);

          /* Translators: a day */
          return g_strdup_printf (_("Update requested on %s"), day);
        }
      return NULL;

    case LIA_ATTENTION_EXPECTATION_DUE:
    case LIA_ATTENTION_EXPECTATION_MISSED:
      /* The sentence says what and when; who is left to say. */
      return g_strdup (item->partner_name);

    case LIA_ATTENTION_EVENT_INCOMPLETE:
      /* Translators: who runs an event, then how soon it is, as in "In 4 days" */
      return g_strdup_printf (_("%s · %s"), item->partner_id != 0 ? item->partner_name : _("The library"), when);

    case LIA_ATTENTION_FOLLOW_UP:
    case LIA_ATTENTION_AGREEMENT_ENDING:
    default:
      return g_steal_pointer (&when);
    }
}

static GMenuModel *
create_menu (const LiaAttentionItem   *item,
             const LiaAttentionAction *actions,
             guint                     n_actions)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GMenu) snoozes = g_menu_new ();
  static const struct { const char *label; int days; } snooze_items[] = {
    { N_("Snooze Until _Tomorrow"), 1 },
    { N_("Snooze for a _Week"), 7 },
    { N_("_Snooze Until…"), 0 },
  };

  for (guint i = 1; i < n_actions; i++)
    {
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (lia_attention_action_get_label (actions[i]), NULL);

      g_menu_item_set_action_and_target_value (menu_item, "today.act",
                                               g_variant_new ("(si)", item->key, actions[i]));
      g_menu_append_item (others, menu_item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (snooze_items); i++)
    {
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (_(snooze_items[i].label), NULL);

      g_menu_item_set_action_and_target_value (menu_item, "today.snooze",
                                               g_variant_new ("(si)", item->key, snooze_items[i].days));
      g_menu_append_item (snoozes, menu_item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (others));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (snoozes));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* Everything a row shows: a row whose signature did not change is kept,
 * with its focus. */
static char *
item_signature (const LiaAttentionItem *item,
                const char             *subtitle)
{
  return g_strdup_printf ("%d\x1f%s\x1f%s\x1f%d\x1f%d", item->kind, item->text,
                          subtitle != NULL ? subtitle : "", item->upkeep_mode, item->direction);
}

/* The menu's popover is made when it first opens: a GtkPopoverMenu for
 * each of thousands of rows, with its action observers, cost seconds and
 * hundreds of megabytes before the window could show. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  GMenuModel *menu = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

static GtkWidget *
create_row (const LiaAttentionItem *item,
            const char             *subtitle,
            const char             *signature)
{
  LiaAttentionAction actions[LIA_ATTENTION_MAX_ACTIONS];
  guint n_actions = lia_attention_item_get_actions (item, actions);
  g_autoptr(GMenuModel) menu = create_menu (item, actions, n_actions);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (lia_attention_item_get_icon_name (item));
  GtkWidget *primary = gtk_button_new_with_mnemonic (lia_attention_action_get_label (actions[0]));
  GtkWidget *more = gtk_menu_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->text);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (item->kind == LIA_ATTENTION_EXPECTATION_MISSED || item->kind == LIA_ATTENTION_PUBLISH_FAILED)
    gtk_widget_add_css_class (icon, "warning");

  gtk_widget_set_valign (primary, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (primary), "today.act");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (primary),
                                          g_variant_new ("(si)", item->key, actions[0]));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), primary);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (more), create_popup_cb,
                                         g_steal_pointer (&menu), g_object_unref);
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  gtk_widget_set_tooltip_text (more, _("More Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Actions"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);

  gtk_widget_set_name (row, item->key);
  g_object_set_data_full (G_OBJECT (row), "lia-signature", g_strdup (signature), g_free);

  return row;
}

/* Where the focus was, so it can move to the row that takes a removed
 * row's place. */
static int
focused_row_index (LiaTodayPage *self,
                   GtkListBox   *list)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
    return -1;

  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

/* @items are the group's first rows, @count all of them. */
static void
update_group (LiaTodayPage      *self,
              LiaAttentionGroup  group,
              GPtrArray         *items,
              guint              count,
              GDateTime         *now)
{
  GtkListBox *list = self->lists[group];
  g_autoptr(GHashTable) old_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int focused = focused_row_index (self, list);
  gboolean focus_lost = FALSE;
  GtkWidget *child;
  g_autofree char *count_text = NULL;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      g_hash_table_insert (old_rows, (gpointer)gtk_widget_get_name (child), child);

  for (guint i = 0; i < MIN (items->len, self->shown[group]); i++)
    {
      const LiaAttentionItem *item = g_ptr_array_index (items, i);
      g_autofree char *subtitle = describe_item (item, now);
      g_autofree char *signature = item_signature (item, subtitle);
      GtkWidget *row = g_hash_table_lookup (old_rows, item->key);

      if (row != NULL &&
          g_strcmp0 (g_object_get_data (G_OBJECT (row), "lia-signature"), signature) == 0)
        {
          g_ptr_array_add (rows, g_object_ref (row));
          g_hash_table_remove (old_rows, item->key);
        }
      else
        g_ptr_array_add (rows, g_object_ref_sink (create_row (item, subtitle, signature)));
    }

  /* The rows that stay keep their place when the ones before them go. */
  {
    GHashTableIter iter;
    gpointer row;

    g_hash_table_iter_init (&iter, old_rows);
    while (g_hash_table_iter_next (&iter, NULL, &row))
      {
        if (gtk_list_box_row_get_index (row) == focused)
          focus_lost = TRUE;
        gtk_list_box_remove (list, row);
      }
  }

  for (guint i = 0; i < rows->len; i++)
    {
      GtkListBoxRow *row = g_ptr_array_index (rows, i);
      GtkListBoxRow *here = gtk_list_box_get_row_at_index (list, i);

      if (here == row)
        continue;
      if (gtk_widget_get_parent (GTK_WIDGET (row)) != NULL)
        gtk_list_box_remove (list, GTK_WIDGET (row));
      gtk_list_box_insert (list, GTK_WIDGET (row), i);
    }

  if (focus_lost && rows->len > 0)
    {
      GtkListBoxRow *row = g_ptr_array_index (rows, MIN ((guint)focused, rows->len - 1));

      gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
    }

  count_text = g_strdup_printf ("%'u", count);
  gtk_label_set_label (self->group_counts[group], count_text);
  gtk_widget_set_visible (self->groups[group], count > 0);
  gtk_widget_set_visible (self->more_buttons[group], count > rows->len);
}

static void
on_more_button_clicked_cb (GtkButton    *button,
                           LiaTodayPage *self)
{
  LiaAttentionGroup group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lia-group"));

  /* The store reads the group's next rows; the rows shown stay. */
  self->shown[group] += ROWS_STEP;
  refresh (self);
}

static GTimeZone *
dup_library_zone (void)
{
  g_autofree char *tzid = lia_settings_dup_library_time_zone (lia_settings_get_default ());
  GTimeZone *zone = NULL;

  if (tzid != NULL && *tzid != '\0')
    zone = g_time_zone_new_identifier (tzid);

  return zone != NULL ? zone : g_time_zone_new_local ();
}

static void
get_today (LiaTodayPage *self,
           GDate        *today)
{
  g_autoptr(GTimeZone) zone = dup_library_zone ();
  g_autoptr(GDateTime) now = lia_store_dup_now (self->store);

  lia_attention_get_today (zone, now, today);
}

/* Drops the groups waiting to come one a frame; each reading queues
 * them again while some are left. */
static void
cancel_fill (LiaTodayPage *self)
{
  g_clear_handle_id (&self->fill_idle, g_source_remove);
  if (self->fill_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
      self->fill_tick = 0;
    }
}

static void
refresh (LiaTodayPage *self)
{
  refresh_groups (self, G_MAXUINT);
}

/* Reads the store and makes the rows of at most @max_groups groups that
 * have items; the groups below stay hidden, to come one a frame. */
static void
refresh_groups (LiaTodayPage *self,
                guint         max_groups)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *groups[LIA_ATTENTION_N_GROUPS];
  guint counts[LIA_ATTENTION_N_GROUPS] = { 0 };
  guint old_count = self->n_items;
  guint rows_to_fill = G_MAXUINT;
  guint rows_made = 0;
  gboolean deferred = FALSE;
  char buffer[128];

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  cancel_fill (self);

  if (self->store == NULL)
    items = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_attention_item_unref);
  else
    {
      /* Only the rows shown are read and phrased, the rest counted: a
       * large desk has tens of thousands of items. */
      get_today (self, &self->today);
      if (!(items = lia_attention_compute_shown (self->store, &self->today, self->shown,
                                                 NULL, counts, NULL, &error)))
        {
          g_warning ("The Today page could not be computed: %s", error->message);
          show_error (self, error);
          return;
        }
    }

  now = self->store != NULL ? lia_store_dup_now (self->store) : g_date_time_new_now_utc ();

  for (guint g = 0; g < LIA_ATTENTION_N_GROUPS; g++)
    groups[g] = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      LiaAttentionItem *item = g_ptr_array_index (items, i);

      g_ptr_array_add (groups[lia_attention_item_get_group (item)], item);
    }

  g_hash_table_remove_all (self->items_by_key);
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  for (guint i = 0; i < self->items->len; i++)
    {
      LiaAttentionItem *item = g_ptr_array_index (self->items, i);

      g_hash_table_insert (self->items_by_key, item->key, item);
    }

  /* The first reading makes and lays out the rows that fill the page;
   * the groups below come once they are on screen, one a frame, so that
   * the window answers between them. Laying out a large desk's 120 rows
   * at once (their wrapped labels shaped at each width) kept the page
   * blank half a second longer (benchmarks/README.md, "startup"). */
  if (self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    rows_to_fill = gtk_widget_get_height (GTK_WIDGET (self)) / ROW_MIN_HEIGHT + 1;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    max_groups = G_MAXUINT;  /* no frames to wait for */

  self->n_items = 0;
  self->groups_made = 0;
  for (guint g = 0; g < LIA_ATTENTION_N_GROUPS; g++)
    {
      if (groups[g]->len > 0 && (rows_made >= rows_to_fill || self->groups_made >= max_groups))
        {
          gtk_widget_set_visible (self->groups[g], FALSE);
          deferred = TRUE;
        }
      else
        {
          update_group (self, g, groups[g], counts[g], now);
          rows_made += MIN (groups[g]->len, self->shown[g]);
          self->groups_made += groups[g]->len > 0;
        }
      g_ptr_array_unref (groups[g]);
      self->n_items += counts[g];
    }

  if (deferred)
    self->fill_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL, NULL);

  if (g_date_valid (&self->today) &&
      /* Translators: the day at the top of the Today page; see strftime() */
      g_date_strftime (buffer, sizeof buffer, _("%A %-d %B"), &self->today) > 0)
    gtk_label_set_label (self->day_label, buffer);

  {
    g_autofree char *summary = NULL;

    /* Translators: %'u groups the digits as the locale does (10,015) */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%'u thing needs a human today, most urgent first.",
                                            "%'u things need a human today, most urgent first.",
                                            self->n_items),
                               self->n_items);
    gtk_label_set_label (self->summary_label, summary);
  }

  /* Blank until there is a store to read; the first reading replaces the
   * blank page at once, later ones fade. */
  if (self->store == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_full (self->stack, self->n_items > 0 ? "items" : "empty",
                                      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0
                                      ? GTK_STACK_TRANSITION_TYPE_NONE : GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  if (old_count != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNT]);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  LiaTodayPage *self = data;

  self->refresh_idle = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static gboolean
fill_idle_cb (gpointer data)
{
  LiaTodayPage *self = data;

  self->fill_idle = 0;
  refresh_groups (self, self->groups_made + 1);

  return G_SOURCE_REMOVE;
}

/* A tick runs before its frame's layout and paint; an idle of low
 * priority runs after them, once the rows made last are on screen. */
static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  LiaTodayPage *self = LIA_TODAY_PAGE (widget);

  self->fill_tick = 0;
  if (self->fill_idle == 0)
    self->fill_idle = g_idle_add_full (G_PRIORITY_LOW, fill_idle_cb, self, NULL);

  return G_SOURCE_REMOVE;
}

/* Many writes (an import) come as many signals: one refresh for them all. */
static void
on_store_changed_cb (LiaTodayPage  *self,
                     LiaRecordKind  kind,
                     gint64         id,
                     LiaStore      *store)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

/* Past midnight the rules run on a new day. */
static gboolean
clock_cb (gpointer data)
{
  LiaTodayPage *self = data;
  GDate today;

  if (self->store == NULL)
    return G_SOURCE_CONTINUE;

  get_today (self, &today);
  if (!g_date_valid (&self->today) || g_date_compare (&today, &self->today) != 0)
    refresh (self);

  return G_SOURCE_CONTINUE;
}

static gboolean
snooze (LiaTodayPage *self,
        const char   *key,
        const GDate  *until,
        gboolean      quiet)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;

  if (!lia_attention_snooze (self->store, key, until, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  refresh (self);

  if (quiet)
    return TRUE;

  day = format_short_day (until);
  /* Translators: a day, as in "3 December" */
  title = g_strdup_printf (_("Snoozed until %s"), day);
  show_toast (self, title, undo_new (NULL, 0, key));

  return TRUE;
}

static void
snooze_for_days (LiaTodayPage *self,
                 const char   *key,
                 int           days,
                 gboolean      quiet)
{
  GDate until = self->today;

  g_date_add_days (&until, days);
  snooze (self, key, &until, quiet);
}

typedef struct
{
  LiaTodayPage *self;
  char         *key;
  GtkCalendar  *calendar;
} SnoozeDialogData;

static void
snooze_dialog_data_free (gpointer data)
{
  SnoozeDialogData *snooze_data = data;

  g_clear_object (&snooze_data->self);
  g_clear_pointer (&snooze_data->key, g_free);
  g_free (snooze_data);
}

static void
get_calendar_day (GtkCalendar *calendar,
                  GDate       *day)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (date),
                  g_date_time_get_month (date), g_date_time_get_year (date));
}

/* A snooze ends on a day to come. */
static void
on_snooze_calendar_day_selected_cb (GtkCalendar      *calendar,
                                    AdwMessageDialog *dialog)
{
  SnoozeDialogData *snooze_data = g_object_get_data (G_OBJECT (dialog), "lia-snooze");
  GDate day;

  get_calendar_day (calendar, &day);
  adw_message_dialog_set_response_enabled (dialog, "snooze",
                                           g_date_compare (&day, &snooze_data->self->today) > 0);
}

static void
on_snooze_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              SnoozeDialogData *snooze_data)
{
  GDate day;

  if (g_strcmp0 (response, "snooze") != 0 || snooze_data->self->store == NULL)
    return;

  get_calendar_day (snooze_data->calendar, &day);
  if (g_date_compare (&day, &snooze_data->self->today) > 0)
    snooze (snooze_data->self, snooze_data->key, &day, FALSE);
}

static void
present_snooze_dialog (LiaTodayPage           *self,
                       const LiaAttentionItem *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *calendar;
  SnoozeDialogData *snooze_data;
  g_autoptr(GDateTime) week = NULL;
  GDate next_week = self->today;

  g_date_add_days (&next_week, 7);
  week = g_date_time_new_local (g_date_get_year (&next_week), g_date_get_month (&next_week),
                                g_date_get_day (&next_week), 12, 0, 0);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Snooze Until"), item->text);
  calendar = gtk_calendar_new ();
  gtk_calendar_select_day (GTK_CALENDAR (calendar), week);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), calendar);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "snooze", _("_Snooze"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "snooze",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "snooze");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  snooze_data = g_new0 (SnoozeDialogData, 1);
  snooze_data->self = g_object_ref (self);
  snooze_data->key = g_strdup (item->key);
  snooze_data->calendar = GTK_CALENDAR (calendar);
  g_object_set_data_full (G_OBJECT (dialog), "lia-snooze", snooze_data, snooze_dialog_data_free);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_snooze_calendar_day_selected_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_snooze_dialog_response_cb), snooze_data);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lia_today_page_snooze_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LiaTodayPage *self = LIA_TODAY_PAGE (widget);
  const char *key;
  int days;
  LiaAttentionItem *item;

  g_variant_get (parameter, "(&si)", &key, &days);

  if (self->store == NULL || (item = g_hash_table_lookup (self->items_by_key, key)) == NULL)
    return;

  if (days > 0)
    snooze_for_days (self, key, days, FALSE);
  else
    present_snooze_dialog (self, item);
}

typedef struct
{
  LiaTodayPage     *self;
  LiaUpdateRequest *request;
  LiaAttentionItem *item;
  GtkTextBuffer    *buffer;
} AskData;

static void
ask_data_free (gpointer data)
{
  AskData *ask = data;

  g_clear_object (&ask->self);
  g_clear_pointer (&ask->request, lia_update_request_free);
  g_clear_pointer (&ask->item, lia_attention_item_unref);
  g_free (ask);
}

static const char *
get_sender (void)
{
  const char *sender = g_get_real_name ();

  /* No real name on the account: better no signature than a login name. */
  if (g_strcmp0 (sender, "Unknown") == 0 || sender[0] == '\0' ||
      g_strcmp0 (sender, g_get_user_name ()) == 0)
    return NULL;

  return sender;
}

/* Sent (to the mail program or the clipboard): logged, and the partner
 * leaves the page while they have time to answer. */
static void
on_ask_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           AskData          *ask)
{
  LiaTodayPage *self = ask->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkTextIter start, end;

  if ((g_strcmp0 (response, "send") != 0 && g_strcmp0 (response, "copy") != 0) ||
      self->store == NULL)
    return;

  /* What the coordinator changed in the text is what goes. */
  gtk_text_buffer_get_bounds (ask->buffer, &start, &end);
  g_free (ask->request->body);
  ask->request->body = gtk_text_buffer_get_text (ask->buffer, &start, &end, FALSE);

  if (!lia_upkeep_log_update_request (self->store, ask->item->partner_id, get_sender (), NULL, &error))
    {
      show_error (self, error);
      return;
    }

  if (g_strcmp0 (response, "send") == 0)
    {
      g_autofree char *uri = lia_update_request_to_uri (ask->request);
      gboolean handled = FALSE;

      g_signal_emit (self, signals [OPEN_URI], 0, uri, &handled);
      /* Translators: a partner's name */
      title = g_strdup_printf (_("Update requested from %s"), ask->item->partner_name);
    }
  else
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf ("%s\n\n%s", ask->request->subject, ask->request->body);
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
      /* Translators: a partner's name */
      title = g_strdup_printf (_("E-mail to %s copied; the request is logged"), ask->item->partner_name);
    }

  snooze_for_days (self, ask->item->key, ASKED_SNOOZE_DAYS, TRUE);
  show_toast (self, title, NULL);
}

/* The e-mail is shown before it goes: it can be read, changed, or copied
 * into a webmail page where no mail program opens mailto: links. */
static void
ask_for_update (LiaTodayPage           *self,
                const LiaAttentionItem *item)
{
  g_autoptr(LiaUpdateRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *heading = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *text_view;
  AskData *ask;

  request = lia_update_request_compose (self->store, item->partner_id, &self->today,
                                        lia_settings_get_library_name (lia_settings_get_default ()),
                                        get_sender (), &error);
  if (request == NULL)
    {
      show_error (self, error);
      return;
    }

  if (request->to == NULL)
    recipient = g_strdup (_("No e-mail address is on file: the mail program will ask for one."));
  else if (request->to_name != NULL)
    /* Translators: a person's name, then an e-mail address */
    recipient = g_strdup_printf (_("To: %s <%s>"), request->to_name, request->to);
  else
    /* Translators: an e-mail address */
    recipient = g_strdup_printf (_("To: %s"), request->to);
  /* Translators: the recipient line, then the e-mail's subject */
  heading = g_strdup_printf (_("%s\nSubject: %s"), recipient, request->subject);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Ask for an Update"), heading);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);

  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), request->body, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("E-mail text"),
                                  -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("_Copy Text"),
                                    "send", _("_Open in Mail Program"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "send");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  ask = g_new0 (AskData, 1);
  ask->self = g_object_ref (self);
  ask->request = g_steal_pointer (&request);
  ask->item = lia_attention_item_ref ((LiaAttentionItem *)item);
  ask->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  g_object_set_data_full (G_OBJECT (dialog), "lia-ask", ask, ask_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_ask_dialog_response_cb), ask);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_logger_saved_cb (LiaContactLogger *logger,
                    LiaInteraction   *interaction,
                    LiaTodayPage     *self)
{
  gint64 follow_up_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (logger), "lia-follow-up"));
  g_autoptr(GError) error = NULL;

  /* Logging the contact that followed up answers the follow-up. */
  if (follow_up_id != 0 && self->store != NULL &&
      !lia_upkeep_mark_follow_up_done (self->store, follow_up_id, &error))
    show_error (self, error);
}

static void
log_contact (LiaTodayPage           *self,
             const LiaAttentionItem *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GError) error = NULL;
  LiaContactLogger *logger;

  if (!(partner = lia_store_get_partner (self->store, item->partner_id, &error)))
    {
      show_error (self, error);
      return;
    }

  logger = lia_contact_logger_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->store, partner);
  /* Checking in is what brings the partner's information up to date. */
  if (item->kind == LIA_ATTENTION_STALE)
    lia_contact_logger_set_confirms_info (logger, TRUE);
  if (item->kind == LIA_ATTENTION_FOLLOW_UP)
    g_object_set_data (G_OBJECT (logger), "lia-follow-up", GSIZE_TO_POINTER (item->record_id));
  g_signal_connect_object (logger, "saved", G_CALLBACK (on_logger_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (logger));
}

static void
mark_verified (LiaTodayPage           *self,
               const LiaAttentionItem *item)
{
  g_autoptr(LiaPartner) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!(before = lia_store_get_partner (self->store, item->partner_id, &error)) ||
      !lia_upkeep_mark_verified (self->store, item->partner_id, &error))
    {
      show_error (self, error);
      return;
    }

  /* Translators: a partner's name */
  title = g_strdup_printf (_("Information about %s marked as verified"), item->partner_name);
  refresh (self);
  show_toast (self, title, undo_new (before, 0, NULL));
}

static void
mark_follow_up_done (LiaTodayPage           *self,
                     const LiaAttentionItem *item)
{
  g_autoptr(LiaInteraction) before = NULL;
  g_autoptr(GError) error = NULL;

  if (!(before = lia_store_get_interaction (self->store, item->record_id, &error)) ||
      !lia_upkeep_mark_follow_up_done (self->store, item->record_id, &error))
    {
      show_error (self, error);
      return;
    }

  refresh (self);
  show_toast (self, _("Follow-up marked as done"), undo_new (before, 0, NULL));
}

static void
mark_expectation (LiaTodayPage           *self,
                  const LiaAttentionItem *item,
                  gboolean                met)
{
  g_autoptr(LiaExpectation) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 note_id = 0;

  if (!(before = lia_store_get_expectation (self->store, item->record_id, &error)) ||
      !lia_upkeep_mark_expectation (self->store, item->record_id, met, &self->today,
                                    &note_id, &error))
    {
      show_error (self, error);
      return;
    }

  refresh (self);
  show_toast (self, met ? _("Marked as met") : _("Marked as missed"),
              undo_new (before, note_id, NULL));
}

static void
renew_agreement (LiaTodayPage           *self,
                 const LiaAttentionItem *item)
{
  g_autoptr(LiaAgreement) before = NULL;
  g_autoptr(LiaAgreement) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;

  if (!(before = lia_store_get_agreement (self->store, item->record_id, &error)) ||
      !lia_upkeep_renew_agreement (self->store, item->record_id, &error) ||
      !(after = lia_store_get_agreement (self->store, item->record_id, &error)))
    {
      show_error (self, error);
      return;
    }

  day = lia_format_iso_day (lia_agreement_get_ends_on (after));
  /* Translators: a partner's name, then a day */
  title = g_strdup_printf (_("Agreement with %s renewed until %s"), item->partner_name, day);
  refresh (self);
  show_toast (self, title, undo_new (before, 0, NULL));
}

/* The event's editor: what it lacks is filled in there. */
static void
open_event (LiaTodayPage           *self,
            const LiaAttentionItem *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  LiaEventEditor *editor;

  if (!(event = lia_store_get_event (self->store, item->record_id, &error)))
    {
      show_error (self, error);
      return;
    }

  editor = lia_event_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 item->partner_id, event);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
lia_today_page_act_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LiaTodayPage *self = LIA_TODAY_PAGE (widget);
  g_autoptr(LiaAttentionItem) item = NULL;
  const char *key;
  int action;

  g_variant_get (parameter, "(&si)", &key, &action);

  if (self->store == NULL || (item = g_hash_table_lookup (self->items_by_key, key)) == NULL)
    return;

  /* A refresh during the action frees the page's items. */
  lia_attention_item_ref (item);

  switch ((LiaAttentionAction)action)
    {
    case LIA_ATTENTION_ACTION_ASK_FOR_UPDATE:
      ask_for_update (self, item);
      break;
    case LIA_ATTENTION_ACTION_LOG_CONTACT:
      log_contact (self, item);
      break;
    case LIA_ATTENTION_ACTION_MARK_VERIFIED:
      mark_verified (self, item);
      break;
    case LIA_ATTENTION_ACTION_MARK_DONE:
      mark_follow_up_done (self, item);
      break;
    case LIA_ATTENTION_ACTION_MARK_MET:
      mark_expectation (self, item, TRUE);
      break;
    case LIA_ATTENTION_ACTION_MARK_MISSED:
      mark_expectation (self, item, FALSE);
      break;
    case LIA_ATTENTION_ACTION_RENEW:
      renew_agreement (self, item);
      break;
    case LIA_ATTENTION_ACTION_OPEN:
      g_signal_emit (self, signals [OPEN_PARTNER], 0, item->partner_id);
      break;
    case LIA_ATTENTION_ACTION_OPEN_EVENT:
      open_event (self, item);
      break;
    case LIA_ATTENTION_ACTION_OPEN_PUBLISH:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-area", "s", "publish");
      break;
    default:
      g_warning ("Unknown Today action %d", action);
    }
}

static gboolean
lia_today_page_real_open_uri (LiaTodayPage *self,
                              const char   *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* gtk_show_uri(): GtkUriLauncher is GTK 4.10 (STYLE.md). */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);

  return TRUE;
}

static GtkWidget *
create_group (LiaTodayPage      *self,
              LiaAttentionGroup  group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (lia_attention_group_get_title (group));
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *more = gtk_button_new_with_mnemonic (_("Show _More"));

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), count);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);

  gtk_widget_set_halign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "pill");
  gtk_widget_set_visible (more, FALSE);
  g_object_set_data (G_OBJECT (more), "lia-group", GUINT_TO_POINTER (group));
  g_signal_connect (more, "clicked", G_CALLBACK (on_more_button_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), more);
  gtk_widget_set_visible (box, FALSE);

  self->more_buttons[group] = more;
  self->shown[group] = ROWS_STEP;

  self->group_counts[group] = GTK_LABEL (count);
  self->lists[group] = GTK_LIST_BOX (list);

  return box;
}

static void
lia_today_page_dispose (GObject *object)
{
  LiaTodayPage *self = (LiaTodayPage *)object;

  lia_today_page_set_store (self, NULL);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  cancel_fill (self);
  g_clear_handle_id (&self->clock_timeout, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TODAY_PAGE);

  G_OBJECT_CLASS (lia_today_page_parent_class)->dispose (object);
}

static void
lia_today_page_finalize (GObject *object)
{
  LiaTodayPage *self = (LiaTodayPage *)object;

  g_clear_pointer (&self->items_by_key, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_today_page_parent_class)->finalize (object);
}

static void
lia_today_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaTodayPage *self = LIA_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_COUNT:
      g_value_set_uint (value, lia_today_page_get_count (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_today_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaTodayPage *self = LIA_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lia_today_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_today_page_class_init (LiaTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_today_page_dispose;
  object_class->finalize = lia_today_page_finalize;
  object_class->get_property = lia_today_page_get_property;
  object_class->set_property = lia_today_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The sidebar shows it beside the page's name. */
  properties [PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaTodayPage::open-partner:
   * @partner_id: the partner to show
   */
  signals [OPEN_PARTNER] =
    g_signal_new ("open-partner",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * LiaTodayPage::open-uri:
   * @uri: a mailto: URI
   *
   * Opens the user's mail program; tests handle it themselves.
   *
   * Returns: %TRUE when handled
   */
  signals [OPEN_URI] =
    g_signal_new_class_handler ("open-uri",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (lia_today_page_real_open_uri),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaTodayPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, LiaTodayPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTodayPage, summary_label);

  gtk_widget_class_install_action (widget_class, "today.act", "(si)", lia_today_page_act_action);
  gtk_widget_class_install_action (widget_class, "today.snooze", "(si)", lia_today_page_snooze_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_today_page_init (LiaTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_attention_item_unref);
  self->items_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_date_clear (&self->today, 1);

  for (guint g = 0; g < LIA_ATTENTION_N_GROUPS; g++)
    {
      self->groups[g] = create_group (self, g);
      gtk_box_append (self->groups_box, self->groups[g]);
    }

  self->clock_timeout = g_timeout_add_seconds (60, clock_cb, self);
  refresh (self);
}

GtkWidget *
lia_today_page_new (void)
{
  return g_object_new (LIA_TYPE_TODAY_PAGE, NULL);
}

LiaStore *
lia_today_page_get_store (LiaTodayPage *self)
{
  g_return_val_if_fail (LIA_IS_TODAY_PAGE (self), NULL);

  return self->store;
}

void
lia_today_page_set_store (LiaTodayPage *self,
                          LiaStore     *store)
{
  g_return_if_fail (LIA_IS_TODAY_PAGE (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_set_object (&self->store, store);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb),
                             self, G_CONNECT_SWAPPED);

  /* Only while the page is alive: dispose clears the store with no
   * widgets left to fill. */
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)) && self->stack != NULL)
    refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

guint
lia_today_page_get_count (LiaTodayPage *self)
{
  g_return_val_if_fail (LIA_IS_TODAY_PAGE (self), 0);

  return self->n_items;
}

void
lia_today_page_refresh (LiaTodayPage *self)
{
  g_return_if_fail (LIA_IS_TODAY_PAGE (self));

  refresh (self);
}

guint
lia_today_page_take_new_count (LiaTodayPage *self)
{
  LiaDatabase *database;
  g_autofree char *seen_on = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  GDate since;
  guint count = 0;

  g_return_val_if_fail (LIA_IS_TODAY_PAGE (self), 0);

  if (self->store == NULL || !g_date_valid (&self->today))
    return 0;

  database = lia_store_get_database (self->store);
  seen_on = lia_database_dup_meta (database, SEEN_ON_KEY);
  today = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&self->today),
                           g_date_get_month (&self->today), g_date_get_day (&self->today));

  if (seen_on != NULL)
    {
      g_date_clear (&since, 1);
      g_date_set_parse (&since, seen_on);
      /* Counted in SQL: the page holds the rows it shows alone. */
      if (g_date_valid (&since))
        {
          static const guint no_rows[LIA_ATTENTION_N_GROUPS] = { 0 };
          g_autoptr(GPtrArray) none = NULL;

          none = lia_attention_compute_shown (self->store, &self->today, no_rows,
                                              &since, NULL, &count, &error);
          if (none == NULL)
            {
              g_warning ("What became due could not be counted: %s", error->message);
              g_clear_error (&error);
              count = 0;
            }
        }
    }

  if (g_strcmp0 (seen_on, today) != 0 &&
      !lia_database_set_meta (database, SEEN_ON_KEY, today, &error))
    g_warning ("The day Today was seen could not be saved: %s", error->message);

  return count;
}
