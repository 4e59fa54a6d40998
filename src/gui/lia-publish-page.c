/* lia-publish-page.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Publish area: the targets with their state, the plan of one of them
 * (a dry run), a run with its progress and Cancel, and the log of its last
 * runs. Plans, runs and resolutions go to a worker thread with a store of
 * its own on the same database file, so the window never waits on the
 * network; the run records every step itself.
 */

#define G_LOG_DOMAIN "lia-publish-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-conflict-dialog.h"
#include "lia-credentials.h"
#include "lia-publish-job.h"
#include "lia-publish-page.h"
#include "lia-publish-private.h"
#include "lia-publisher.h"
#include "lia-settings.h"
#include "lia-target-editor.h"
#include "lia-target.h"
#include "lia-time-format.h"

/* A plan of thousands of steps is summed up in its header; the list shows
 * the first ones. */
#define MAX_PLAN_ROWS 200
#define MAX_LOG_RUNS 5
#define MAX_LOG_LINES 100

struct _LiaPublishPage
{
  GtkWidget            parent_instance;

  /* Owned */
  LiaStore            *store;
  GPtrArray           *targets;          /* LiaTarget, by name */
  LiaPublishPlan      *plan;             /* the preview shown, or NULL */
  GCancellable        *cancellable;      /* cancelled when the page goes */
  GCancellable        *run_cancellable;  /* the run under way */
  gint64               selected_id;
  gint64               busy_id;          /* the target being planned or run; 0: none */
  gint64               banner_target_id;
  guint                refresh_idle;
  guint                count;

  /* Template widgets */
  GtkInfoBar          *banner;
  GtkLabel            *banner_label;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkListBox          *targets_list;
  GtkWidget           *progress_box;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkWidget           *cancel_button;
  AdwPreferencesGroup *plan_group;
  GtkListBox          *plan_list;
  GtkWidget           *publish_now_button;
  AdwPreferencesGroup *log_group;
  GtkListBox          *log_list;
};

G_DEFINE_FINAL_TYPE (LiaPublishPage, lia_publish_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, PROP_COUNT, PROP_BUSY, N_PROPS };
enum { PUBLISHED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* A run: the work for the worker, and what comes back. */
typedef struct
{
  LiaPublishWork  *work;
  LiaPublishPage  *self;            /* a reference, for the progress */
  gboolean         store_password;  /* keep the typed password in the keyring */
  char            *keyring_error;   /* why it could not be kept */
} RunJob;

typedef struct
{
  LiaPublishPage *self;
  gint64          target_id;
  guint           n_completed;
  guint           n_steps;
} Progress;

static void start_run (LiaPublishPage *self,
                       gint64          target_id,
                       const char     *password,
                       gboolean        store_password);

static void
run_job_free (gpointer data)
{
  RunJob *job = data;

  g_clear_pointer (&job->work, _lia_publish_work_free);
  g_clear_object (&job->self);
  g_clear_pointer (&job->keyring_error, g_free);
  g_free (job);
}

static const LiaTarget *
find_target (LiaPublishPage *self,
             gint64          id)
{
  for (guint i = 0; self->targets != NULL && i < self->targets->len; i++)
    {
      const LiaTarget *target = g_ptr_array_index (self->targets, i);

      if (target->id == id)
        return target;
    }

  return NULL;
}

static GtkWindow *
get_parent_window (LiaPublishPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (LiaPublishPage *self,
            const char     *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for ‘%s’", title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_banner (LiaPublishPage *self,
             gint64          target_id,
             const char     *text)
{
  self->banner_target_id = target_id;
  gtk_label_set_text (self->banner_label, text);
  gtk_info_bar_set_revealed (self->banner, TRUE);
}

static void
hide_banner (LiaPublishPage *self)
{
  self->banner_target_id = 0;
  gtk_info_bar_set_revealed (self->banner, FALSE);
}

/* "just now", "5 minutes ago", "2 hours ago", "on 12 March 2026". */
static char *
format_ago (gint64     then,
            GDateTime *now)
{
  gint64 seconds = g_date_time_to_unix (now) - then;
  g_autofree char *day = NULL;

  if (seconds < 60)
    return g_strdup (_("just now"));
  if (seconds < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", (int)(seconds / 60)),
                            (int)(seconds / 60));
  if (seconds < 86400)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", (int)(seconds / 3600)),
                            (int)(seconds / 3600));

  day = lia_format_day (then);
  /* Translators: a day, as in "on 12 March 2026" */
  return g_strdup_printf (_("on %s"), day);
}

/* "Published 2 hours ago · 3 changes waiting · 1 conflict · 2 failed". */
static char *
describe_state (LiaPublishPage         *self,
                const LiaTarget        *target,
                const LiaPublishStatus *status)
{
  g_autoptr(GDateTime) now = lia_store_dup_now (self->store);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint64 waiting = status->n_pending + MAX (status->changed_since_run, 0);

  if (target->last_run_at == 0 || target->last_run_state == NULL)
    g_ptr_array_add (parts, g_strdup (_("Never published")));
  else
    {
      g_autofree char *ago = format_ago (target->last_run_at, now);

      if (g_str_equal (target->last_run_state, "failed"))
        /* Translators: when, as in "2 hours ago" or "on 12 March 2026" */
        g_ptr_array_add (parts, g_strdup_printf (_("Failed %s"), ago));
      else if (g_str_equal (target->last_run_state, "cancelled"))
        /* Translators: when, as in "2 hours ago" or "on 12 March 2026" */
        g_ptr_array_add (parts, g_strdup_printf (_("Cancelled %s"), ago));
      else if (g_str_equal (target->last_run_state, "partial"))
        /* Translators: when, as in "2 hours ago" or "on 12 March 2026" */
        g_ptr_array_add (parts, g_strdup_printf (_("Partly published %s"), ago));
      else
        /* Translators: when, as in "2 hours ago" or "on 12 March 2026" */
        g_ptr_array_add (parts, g_strdup_printf (_("Published %s"), ago));
    }

  if (waiting > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change waiting",
                                                          "%u changes waiting", waiting),
                                             (guint)waiting));
  if (status->n_conflicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict",
                                                          "%u conflicts", status->n_conflicts),
                                             status->n_conflicts));
  if (status->n_failed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed",
                                                          "%u failed", status->n_failed),
                                             status->n_failed));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static const char *
target_icon_name (LiaTargetKind kind)
{
  switch (kind)
    {
    case LIA_TARGET_FOLDER:
      return "folder-symbolic";
    case LIA_TARGET_CALDAV:
      return "x-office-calendar-symbolic";
    case LIA_TARGET_WEBDAV:
      return "folder-remote-symbolic";
    case LIA_TARGET_TEC:
    default:
      return "web-browser-symbolic";
    }
}

static const char *
action_icon_name (LiaPublishAction action)
{
  switch (action)
    {
    case LIA_PUBLISH_CREATE:
      return "list-add-symbolic";
    case LIA_PUBLISH_UPDATE:
      return "document-edit-symbolic";
    case LIA_PUBLISH_DELETE:
      return "user-trash-symbolic";
    case LIA_PUBLISH_CONFLICT:
    default:
      return "dialog-warning-symbolic";
    }
}

static GtkWidget *
create_target_row (LiaPublishPage  *self,
                   const LiaTarget *target)
{
  LiaDatabase *database = lia_store_get_database (self->store);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *state = NULL;
  LiaPublishStatus status = { 0, };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *publish;
  GtkWidget *more;
  GVariant *id = g_variant_new_int64 (target->id);
  gboolean needs_human;

  g_variant_ref_sink (id);

  if (!lia_publish_get_status (database, target, &status, &error))
    {
      g_warning ("The state of ‘%s’ could not be read: %s", target->name, error->message);
      state = g_strdup (error->message);
    }
  else
    state = describe_state (self, target, &status);

  needs_human = status.n_conflicts > 0 || status.n_failed > 0 ||
                g_strcmp0 (target->last_run_state, "failed") == 0;
  if (needs_human)
    self->count++;

  /* Translators: a target's kind, then its address, as in "Folder · /srv/www/events" */
  subtitle = g_strdup_printf (_("%s · %s\n%s"), lia_target_kind_get_label (target->kind), target->url, state);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), target->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_name (row, target->name);
  g_object_set_data_full (G_OBJECT (row), "lia-state", g_strdup (state), g_free);

  icon = gtk_image_new_from_icon_name (target_icon_name (target->kind));
  if (needs_human)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  publish = gtk_button_new_with_mnemonic (_("_Publish"));
  gtk_widget_set_valign (publish, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (publish), "publish.publish");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (publish), id);
  gtk_widget_set_sensitive (publish, target->enabled);
  {
    /* Translators: a target's name; the tooltip of its Publish button */
    g_autofree char *tooltip = g_strdup_printf (_("Publish to “%s”"), target->name);

    gtk_widget_set_tooltip_text (publish, tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (publish), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), publish);

  {
    g_autoptr(GMenuItem) preview = g_menu_item_new (_("Pre_view Changes"), NULL);
    g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
    g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove…"), NULL);

    g_menu_item_set_action_and_target_value (preview, "publish.preview", id);
    g_menu_item_set_action_and_target_value (edit, "publish.edit", id);
    g_menu_item_set_action_and_target_value (remove, "publish.remove", id);
    g_menu_append_item (menu, preview);
    g_menu_append_item (menu, edit);
    g_menu_append_item (section, remove);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  }

  more = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  gtk_widget_set_tooltip_text (more, _("More Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Actions"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);

  g_object_set_data_full (G_OBJECT (row), "lia-id", g_memdup2 (&target->id, sizeof target->id), g_free);
  g_variant_unref (id);

  return row;
}

static gint64
row_get_target_id (GtkListBoxRow *row)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "lia-id") : NULL;

  return id != NULL ? *id : 0;
}

/* What a feed file is, for people who do not read file names. */
static const char *
describe_file (const char *name)
{
  if (g_strcmp0 (name, LIA_FEED_ICS) == 0)
    return _("Calendar feed (iCalendar)");
  if (g_strcmp0 (name, LIA_FEED_JSON) == 0)
    return _("News feed (JSON Feed)");
  if (g_strcmp0 (name, LIA_FEED_JSONLD) == 0)
    return _("Events for search engines (schema.org)");
  if (g_strcmp0 (name, LIA_FEED_RSS) == 0)
    return _("News feed (RSS)");
  if (g_strcmp0 (name, LIA_FEED_DIRECTORY) == 0)
    return _("Community resource directory");

  return NULL;
}

static const char *
outcome_icon_name (LiaPublishStepOutcome outcome)
{
  switch (outcome)
    {
    case LIA_PUBLISH_STEP_DONE:
      return "emblem-ok-symbolic";
    case LIA_PUBLISH_STEP_CONFLICT:
      return "dialog-warning-symbolic";
    case LIA_PUBLISH_STEP_FAILED:
      return "dialog-error-symbolic";
    case LIA_PUBLISH_STEP_PENDING:
    case LIA_PUBLISH_STEP_PLANNED:
    default:
      return "content-loading-symbolic";
    }
}

static const char *
run_state_label (LiaPublishRunState state)
{
  switch (state)
    {
    case LIA_PUBLISH_RUN_OK:
      return _("Published");
    case LIA_PUBLISH_RUN_PARTIAL:
      return _("Partly Published");
    case LIA_PUBLISH_RUN_FAILED:
      return _("Failed");
    case LIA_PUBLISH_RUN_CANCELLED:
      return _("Cancelled");
    case LIA_PUBLISH_RUN_DRY_RUN:
    default:
      return _("Previewed");
    }
}

static GtkWidget *
create_run_row (LiaPublishPage         *self,
                const LiaPublishReport *report)
{
  g_autoptr(GDateTime) now = lia_store_dup_now (self->store);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon;
  gint64 at = report->finished_at != 0 ? report->finished_at : report->started_at;

  if (at != 0)
    {
      g_autofree char *ago = format_ago (at, now);

      /* Translators: how a run ended, then when, as in "Published · 2 hours ago" */
      title = g_strdup_printf (_("%s · %s"), run_state_label (report->state), ago);
    }
  else
    title = g_strdup (run_state_label (report->state));

  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u done", "%u done", report->n_done),
                                           report->n_done));
  if (report->n_conflicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts",
                                                          report->n_conflicts),
                                             report->n_conflicts));
  if (report->n_failed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed",
                                                          report->n_failed),
                                             report->n_failed));
  if (report->n_pending > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u left for later",
                                                          "%u left for later", report->n_pending),
                                             report->n_pending));
  if (report->message != NULL)
    g_ptr_array_add (parts, g_strdup (report->message));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **)parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  switch (report->state)
    {
    case LIA_PUBLISH_RUN_OK:
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      break;
    case LIA_PUBLISH_RUN_FAILED:
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
      break;
    default:
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      break;
    }
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  for (guint i = 0; i < report->lines->len && i < MAX_LOG_LINES; i++)
    {
      const LiaPublishLogLine *line = g_ptr_array_index (report->lines, i);
      GtkWidget *line_row = adw_action_row_new ();
      GtkWidget *line_icon = gtk_image_new_from_icon_name (outcome_icon_name (line->outcome));
      g_autofree char *line_subtitle = NULL;

      const char *what = line->message != NULL ? line->message : describe_file (line->item);

      if (what != NULL)
        /* Translators: what a step did, then what went wrong or what the file is, as in "Update · The server refused it" */
        line_subtitle = g_strdup_printf (_("%s · %s"), lia_publish_action_get_label (line->action), what);
      else
        line_subtitle = g_strdup (lia_publish_action_get_label (line->action));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line_row), line->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (line_row), line_subtitle);
      gtk_widget_set_tooltip_text (line_icon, lia_publish_step_outcome_to_nick (line->outcome));
      if (line->outcome == LIA_PUBLISH_STEP_DONE)
        gtk_widget_add_css_class (line_icon, "success");
      else if (line->outcome == LIA_PUBLISH_STEP_FAILED)
        gtk_widget_add_css_class (line_icon, "error");
      else if (line->outcome == LIA_PUBLISH_STEP_CONFLICT)
        gtk_widget_add_css_class (line_icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (line_row), line_icon);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line_row);
    }

  return row;
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
refresh_log (LiaPublishPage *self)
{
  const LiaTarget *target = find_target (self, self->selected_id);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  remove_rows (self->log_list);

  if (target == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->log_group), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->log_group), TRUE);
  /* Translators: a target's name */
  description = g_strdup_printf (_("The last runs to “%s”"), target->name);
  adw_preferences_group_set_description (self->log_group, description);

  if (!(runs = lia_publish_list_runs (lia_store_get_database (self->store), target->id, MAX_LOG_RUNS, &error)))
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_list_box_append (self->log_list, row);
      return;
    }

  for (guint i = 0; i < runs->len; i++)
    gtk_list_box_append (self->log_list, create_run_row (self, g_ptr_array_index (runs, i)));

  if (runs->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not published yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->log_list, row);
    }
}

static void
update_actions (LiaPublishPage *self)
{
  gboolean idle = self->busy_id == 0 && self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.publish", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.preview", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.edit", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.remove", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.add-target", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.publish-now",
                                 idle && self->plan != NULL &&
                                 self->plan->n_create + self->plan->n_update + self->plan->n_delete > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.resolve", idle && self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.cancel", self->run_cancellable != NULL);
}

static void
set_busy (LiaPublishPage *self,
          gint64          target_id)
{
  if (self->busy_id == target_id)
    return;

  self->busy_id = target_id;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
select_target (LiaPublishPage *self,
               gint64          id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->targets_list, i)) != NULL; i++)
    if (row_get_target_id (row) == id)
      {
        gtk_list_box_select_row (self->targets_list, row);
        return;
      }
}

static void
refresh (LiaPublishPage *self)
{
  g_autoptr(GError) error = NULL;
  guint old_count = self->count;
  gint64 selected = self->selected_id;

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->count = 0;

  /* The rows go first: removing the selected one selects nothing. */
  g_signal_handlers_block_matched (self->targets_list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  remove_rows (self->targets_list);
  g_signal_handlers_unblock_matched (self->targets_list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  if (self->store != NULL &&
      !(self->targets = lia_target_list (lia_store_get_database (self->store), &error)))
    show_banner (self, 0, error->message);

  for (guint i = 0; self->targets != NULL && i < self->targets->len; i++)
    gtk_list_box_append (self->targets_list, create_target_row (self, g_ptr_array_index (self->targets, i)));

  gtk_stack_set_visible_child_name (self->stack,
                                    self->targets != NULL && self->targets->len > 0 ? "targets" : "empty");

  if (find_target (self, selected) == NULL)
    selected = self->targets != NULL && self->targets->len > 0
               ? ((LiaTarget *)g_ptr_array_index (self->targets, 0))->id : 0;
  self->selected_id = selected;
  select_target (self, selected);
  refresh_log (self);

  if (self->plan != NULL && find_target (self, self->plan->target->id) == NULL)
    {
      g_clear_pointer (&self->plan, lia_publish_plan_free);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_group), FALSE);
    }

  update_actions (self);
  if (old_count != self->count)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNT]);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  LiaPublishPage *self = data;

  self->refresh_idle = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* An edited event changes what waits: one refresh for many writes. */
static void
on_store_changed_cb (LiaPublishPage *self,
                     LiaRecordKind   kind,
                     gint64          id,
                     LiaStore       *store)
{
  if (self->refresh_idle == 0 && self->busy_id == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

static void
on_targets_list_row_selected_cb (LiaPublishPage *self,
                                 GtkListBoxRow  *row,
                                 GtkListBox     *list)
{
  gint64 id = row_get_target_id (row);

  if (id == 0 || id == self->selected_id)
    return;

  self->selected_id = id;
  refresh_log (self);
}

/* "12 to create, 1 to update, 2 to remove; 340 unchanged". */
static char *
describe_plan (const LiaPublishPlan *plan)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *changes = NULL;

  if (plan->n_create > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to create", "%u to create", plan->n_create),
                                             plan->n_create));
  if (plan->n_update > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to update", "%u to update", plan->n_update),
                                             plan->n_update));
  if (plan->n_delete > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to remove", "%u to remove", plan->n_delete),
                                             plan->n_delete));
  if (plan->n_conflict > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict to resolve",
                                                          "%u conflicts to resolve", plan->n_conflict),
                                             plan->n_conflict));

  if (parts->len == 0)
    /* Translators: the plan of a publish run that has nothing to send */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Nothing to publish: everything is up to date (%u unchanged)",
                                         "Nothing to publish: everything is up to date (%u unchanged)",
                                         plan->n_unchanged),
                            plan->n_unchanged);

  g_ptr_array_add (parts, NULL);
  changes = g_strjoinv (_(", "), (char **)parts->pdata);
  if (plan->n_unchanged == 0)
    return g_steal_pointer (&changes);

  /* Translators: the changes, as in "12 to create, 1 to update", then how many stay as they are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u unchanged", "%s; %u unchanged", plan->n_unchanged),
                          changes, plan->n_unchanged);
}

static GtkWidget *
create_step_row (const LiaPublishStep *step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  gboolean is_file = step->item != NULL ? step->item->item_kind == LIA_PUBLISH_ITEM_FILE
                                        : step->record->item_kind == LIA_PUBLISH_ITEM_FILE;
  const char *what = is_file ? describe_file (step->item != NULL ? step->item->item : step->record->item) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->title);
  if (what != NULL)
    {
      /* Translators: what a step does, then what the file is, as in "Update · Calendar feed (iCalendar)" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), lia_publish_action_get_label (step->action), what);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lia_publish_action_get_label (step->action));

  icon = gtk_image_new_from_icon_name (action_icon_name (step->action));
  if (step->action == LIA_PUBLISH_CONFLICT)
    gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (icon, lia_publish_action_get_label (step->action));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (step->action == LIA_PUBLISH_CONFLICT)
    {
      const char *item = step->item != NULL ? step->item->item : step->record->item;
      GtkWidget *resolve = gtk_button_new_with_mnemonic (_("_Resolve…"));

      gtk_widget_set_valign (resolve, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (resolve), "publish.resolve");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (resolve), g_variant_new_string (item));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), resolve);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), resolve);
      gtk_widget_set_name (row, item);
    }

  return row;
}

static void
show_plan (LiaPublishPage *self)
{
  const LiaPublishPlan *plan = self->plan;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  remove_rows (self->plan_list);

  if (plan == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->plan_group), FALSE);
      return;
    }

  /* Translators: a target's name */
  title = g_strdup_printf (_("Changes for “%s”"), plan->target->name);
  description = describe_plan (plan);
  adw_preferences_group_set_title (self->plan_group, title);
  adw_preferences_group_set_description (self->plan_group, description);

  for (guint i = 0; i < plan->steps->len && i < MAX_PLAN_ROWS; i++)
    gtk_list_box_append (self->plan_list, create_step_row (g_ptr_array_index (plan->steps, i)));

  if (plan->steps->len > MAX_PLAN_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = NULL;
      guint n_more = plan->steps->len - MAX_PLAN_ROWS;

      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more change", "and %u more changes", n_more),
                              n_more);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->plan_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->plan_list), plan->steps->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group), TRUE);
  update_actions (self);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LiaPublishWork *work = task_data;
  g_autoptr(LiaStore) store = NULL;
  LiaPublishOptions options;
  LiaPublishPlan *plan;
  GError *error = NULL;

  _lia_publish_work_init_options (work, &options);

  if (!(store = _lia_publish_work_open_store (work, &error)) ||
      !(plan = lia_publish_plan_compute (store, work->target, &options.context, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, plan, (GDestroyNotify)lia_publish_plan_free);
}

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (object);
  LiaPublishWork *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(LiaPublishPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = g_task_propagate_pointer (G_TASK (result), &error);

  /* The page went meanwhile. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, 0);

  if (plan == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: a target's name, then why its changes could not be listed */
      text = g_strdup_printf (_("The changes for “%s” could not be listed: %s"), work->target->name, error->message);
      show_banner (self, work->target->id, text);
      return;
    }

  g_clear_pointer (&self->plan, lia_publish_plan_free);
  self->plan = g_steal_pointer (&plan);
  show_plan (self);
}

static void
start_plan (LiaPublishPage *self,
            gint64          target_id)
{
  const LiaTarget *target = find_target (self, target_id);
  g_autoptr(GTask) task = NULL;

  if (target == NULL || self->busy_id != 0)
    return;

  hide_banner (self);
  select_target (self, target_id);
  set_busy (self, target_id);

  task = g_task_new (self, self->cancellable, plan_cb, NULL);
  g_task_set_source_tag (task, start_plan);
  g_task_set_task_data (task, _lia_publish_work_new (self->store, target), _lia_publish_work_free);
  g_task_run_in_thread (task, plan_thread);
}

static void
update_progress (LiaPublishPage *self,
                 const char     *name,
                 guint           n_completed,
                 guint           n_steps)
{
  g_autofree char *text = NULL;

  if (n_steps == 0)
    {
      /* Translators: a target's name */
      text = g_strdup_printf (_("Preparing to publish to “%s”…"), name);
      gtk_progress_bar_pulse (self->progress_bar);
    }
  else
    {
      /* Translators: how many steps are done, of how many */
      text = g_strdup_printf (_("Publishing %u of %u…"), MIN (n_completed + 1, n_steps), n_steps);
      gtk_progress_bar_set_fraction (self->progress_bar, (double)n_completed / n_steps);
    }
  gtk_label_set_text (self->progress_label, text);
}

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  LiaPublishPage *self = progress->self;
  const LiaTarget *target = find_target (self, progress->target_id);

  /* A late report of a run that has ended. */
  if (self->busy_id != progress->target_id || self->run_cancellable == NULL || target == NULL)
    return G_SOURCE_REMOVE;

  update_progress (self, target->name, progress->n_completed, progress->n_steps);

  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->self);
  g_free (progress);
}

/* On the worker thread: to the main loop. */
static void
on_run_progress (const LiaPublishLogLine *line,
                 guint                    n_completed,
                 guint                    n_steps,
                 gpointer                 user_data)
{
  RunJob *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (job->self);
  progress->target_id = job->work->target->id;
  progress->n_completed = n_completed;
  progress->n_steps = n_steps;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_idle_cb, progress, progress_free);
}

#define NEEDS_PASSWORD_ERROR (g_quark_from_static_string ("lia-publish-page-needs-password"))

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunJob *job = task_data;
  LiaPublishWork *work = job->work;
  g_autoptr(LiaStore) store = NULL;
  LiaPublishOptions options;
  LiaPublishReport *report;
  GError *error = NULL;

  if (job->store_password && work->password != NULL)
    {
      g_autoptr(GError) keyring_error = NULL;

      if (!lia_credentials_store (work->target->name, work->target->url, work->target->username,
                                  work->password, cancellable, &keyring_error))
        job->keyring_error = g_strdup (keyring_error->message);
    }

  _lia_publish_work_find_password (work, cancellable);

  /* A target that signs in needs a password before anything is sent. */
  if (work->target->username != NULL && work->password == NULL)
    {
      g_task_return_new_error (task, NEEDS_PASSWORD_ERROR, 0, "no password");
      return;
    }

  _lia_publish_work_init_options (work, &options);

  if (!(store = _lia_publish_work_open_store (work, &error)) ||
      !(report = lia_publish_run (store, work->target, &options, on_run_progress, job, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, report, (GDestroyNotify)lia_publish_report_free);
}

static void
on_password_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         LiaPublishPage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "lia-entry");
  GtkCheckButton *remember = g_object_get_data (G_OBJECT (dialog), "lia-remember");
  gint64 target_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "lia-target-id"));
  g_autofree char *password = g_strdup (gtk_editable_get_text (entry));

  /* GTK 4.8's password entry, focused while its window is destroyed,
   * reads the window half gone. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (g_strcmp0 (response, "publish") != 0 || *password == '\0')
    return;

  start_run (self, target_id, password, gtk_check_button_get_active (remember));
  memset (password, 0, strlen (password));
}

static void
ask_password (LiaPublishPage  *self,
              const LiaTarget *target)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_password_entry_new ();
  GtkWidget *remember = gtk_check_button_new_with_mnemonic (_("_Remember in the keyring"));

  /* Translators: a target's name */
  dialog = adw_message_dialog_new (get_parent_window (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Password for “%s”"), target->name);
  /* Translators: a user name, then an address */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Liaison signs in as %s at %s."),
                                  target->username, target->url);

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"),
                                  -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (remember), TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), remember);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "publish", _("_Publish"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "publish");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "lia-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "lia-remember", remember);
  g_object_set_data (G_OBJECT (dialog), "lia-target-id", GSIZE_TO_POINTER (target->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_password_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* The counts the toast gives: what was done, by action. */
static void
count_done (const LiaPublishReport *report,
            guint                  *created,
            guint                  *updated,
            guint                  *removed)
{
  *created = *updated = *removed = 0;

  for (guint i = 0; i < report->lines->len; i++)
    {
      const LiaPublishLogLine *line = g_ptr_array_index (report->lines, i);

      if (line->outcome != LIA_PUBLISH_STEP_DONE)
        continue;
      if (line->action == LIA_PUBLISH_CREATE)
        (*created)++;
      else if (line->action == LIA_PUBLISH_UPDATE)
        (*updated)++;
      else if (line->action == LIA_PUBLISH_DELETE)
        (*removed)++;
    }
}

static char *
describe_report (const LiaTarget        *target,
                 const LiaPublishReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *done = NULL;
  guint created, updated, removed;

  count_done (report, &created, &updated, &removed);

  if (created > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u created", "%u created", created), created));
  if (updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", updated), updated));
  if (removed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", removed), removed));
  if (report->n_conflicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts",
                                                          report->n_conflicts),
                                             report->n_conflicts));
  if (report->n_failed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed",
                                                          report->n_failed),
                                             report->n_failed));

  if (parts->len == 0)
    /* Translators: a target's name */
    return g_strdup_printf (_("“%s” is up to date"), target->name);

  g_ptr_array_add (parts, NULL);
  done = g_strjoinv (_(", "), (char **)parts->pdata);

  if (created + updated + removed == 0)
    /* Translators: a target's name, then what waits, as in "1 conflict" */
    return g_strdup_printf (_("Nothing sent to “%s”: %s"), target->name, done);

  if (report->state == LIA_PUBLISH_RUN_CANCELLED)
    /* Translators: a target's name, then what was done before the run was cancelled */
    return g_strdup_printf (_("Publishing to “%s” cancelled after: %s"), target->name, done);

  /* Translators: a target's name, then what was done, as in "12 created, 1 updated" */
  return g_strdup_printf (_("Published to “%s”: %s"), target->name, done);
}

static const char *
what_to_do (const LiaTarget *target)
{
  if (target->kind == LIA_TARGET_FOLDER)
    return _("Check that the folder exists and can be written to, or edit the target.");

  return _("Check the address, the user name and the password of the target, then try again.");
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (object);
  RunJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(LiaTarget) target = lia_target_copy (job->work->target);
  g_autoptr(LiaPublishReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  g_clear_object (&self->run_cancellable);
  gtk_widget_set_visible (self->progress_box, FALSE);
  set_busy (self, 0);

  if (job->keyring_error != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: why the keyring refused it */
      text = g_strdup_printf (_("The password could not be kept in the keyring: %s"), job->keyring_error);
      show_toast (self, text);
    }

  if (report == NULL && g_error_matches (error, NEEDS_PASSWORD_ERROR, 0))
    {
      ask_password (self, target);
      return;
    }

  /* The run wrote on its own connection: read the targets again. */
  g_clear_pointer (&self->plan, lia_publish_plan_free);
  show_plan (self);
  refresh (self);
  g_signal_emit (self, signals [PUBLISHED], 0, target->id);

  if (report == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = NULL;

      /* Translators: a target's name */
      text = g_strdup_printf (_("Publishing to “%s” cancelled"), target->name);
      show_toast (self, text);
      return;
    }

  if (report == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: a target's name, why publishing could not start, then what to do */
      text = g_strdup_printf (_("Publishing to “%s” could not start: %s %s"), target->name, error->message,
                              what_to_do (target));
      show_banner (self, target->id, text);
      return;
    }

  if (report->state == LIA_PUBLISH_RUN_FAILED)
    {
      g_autofree char *text = NULL;

      /* Translators: a target's name, why the run stopped, then what to do */
      text = g_strdup_printf (_("Publishing to “%s” stopped: %s %s"), target->name,
                              report->message != NULL ? report->message : "", what_to_do (target));
      show_banner (self, target->id, text);
      return;
    }

  {
    g_autofree char *text = describe_report (target, report);

    show_toast (self, text);
  }
}

static void
start_run (LiaPublishPage *self,
           gint64          target_id,
           const char     *password,
           gboolean        store_password)
{
  const LiaTarget *target = find_target (self, target_id);
  g_autoptr(GTask) task = NULL;
  RunJob *job;

  if (target == NULL || self->busy_id != 0)
    return;

  hide_banner (self);
  select_target (self, target_id);
  g_clear_pointer (&self->plan, lia_publish_plan_free);
  show_plan (self);

  job = g_new0 (RunJob, 1);
  job->work = _lia_publish_work_new (self->store, target);
  job->work->password = g_strdup (password);
  job->store_password = store_password;
  job->self = g_object_ref (self);

  self->run_cancellable = g_cancellable_new ();
  set_busy (self, target_id);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  update_progress (self, target->name, 0, 0);
  gtk_widget_set_visible (self->progress_box, TRUE);

  task = g_task_new (self, self->run_cancellable, run_cb, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, job, run_job_free);
  g_task_run_in_thread (task, run_thread);
}

static void
on_target_editor_saved_cb (LiaPublishPage  *self,
                           gint64           target_id,
                           LiaTargetEditor *editor)
{
  self->selected_id = target_id;
  refresh (self);
}

static void
open_editor (LiaPublishPage  *self,
             const LiaTarget *target)
{
  LiaTargetEditor *editor = lia_target_editor_new (get_parent_window (self), self->store, target);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_target_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_banner_response_cb (LiaPublishPage *self,
                       int             response,
                       GtkInfoBar     *banner)
{
  const LiaTarget *target = find_target (self, self->banner_target_id);

  if (response == GTK_RESPONSE_ACCEPT && target != NULL)
    open_editor (self, target);

  hide_banner (self);
}

static void
lia_publish_page_add_target_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (widget);

  if (self->store != NULL)
    open_editor (self, NULL);
}

static void
lia_publish_page_edit_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (widget);
  const LiaTarget *target = find_target (self, g_variant_get_int64 (parameter));

  if (target != NULL)
    open_editor (self, target);
}

static void
lia_publish_page_publish_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  start_run (LIA_PUBLISH_PAGE (widget), g_variant_get_int64 (parameter), NULL, FALSE);
}

static void
lia_publish_page_preview_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  start_plan (LIA_PUBLISH_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
lia_publish_page_publish_now_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (widget);

  if (self->plan != NULL)
    start_run (self, self->plan->target->id, NULL, FALSE);
}

static void
lia_publish_page_close_preview_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (widget);

  g_clear_pointer (&self->plan, lia_publish_plan_free);
  show_plan (self);
  update_actions (self);
}

static void
lia_publish_page_cancel_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (widget);

  if (self->run_cancellable != NULL)
    {
      g_cancellable_cancel (self->run_cancellable);
      gtk_label_set_text (self->progress_label, _("Cancelling…"));
    }
}

static void
on_conflict_dialog_resolved_cb (LiaPublishPage    *self,
                                gint64             target_id,
                                LiaConflictDialog *dialog)
{
  refresh (self);
  g_signal_emit (self, signals [PUBLISHED], 0, target_id);
  start_plan (self, target_id);
}

static void
lia_publish_page_resolve_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (widget);
  const char *item = g_variant_get_string (parameter, NULL);
  const char *title = item;
  LiaConflictDialog *dialog;

  if (self->plan == NULL)
    return;

  for (guint i = 0; i < self->plan->steps->len; i++)
    {
      const LiaPublishStep *step = g_ptr_array_index (self->plan->steps, i);

      if (step->action == LIA_PUBLISH_CONFLICT && step->record != NULL && g_str_equal (step->record->item, item))
        title = step->title;
    }

  dialog = lia_conflict_dialog_new (get_parent_window (self), self->store, self->plan->target, item, title);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_conflict_dialog_resolved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
forget_password_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  /* Nothing stored, or no keyring: nothing to forget. */
  if (!lia_credentials_clear (task_data, cancellable, &error))
    g_debug ("The password of ‘%s’ was not cleared: %s", (const char *)task_data, error->message);
  g_task_return_boolean (task, TRUE);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       LiaPublishPage   *self)
{
  gint64 target_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "lia-target-id"));
  const LiaTarget *target = find_target (self, target_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "remove") != 0 || target == NULL || self->busy_id != 0)
    return;

  if (!lia_target_delete (lia_store_get_database (self->store), target_id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (target->username != NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

      g_task_set_source_tag (task, on_remove_response_cb);
      g_task_set_task_data (task, g_strdup (target->name), g_free);
      g_task_run_in_thread (task, forget_password_thread);
    }

  /* Translators: a target's name */
  text = g_strdup_printf (_("“%s” removed"), target->name);
  if (self->plan != NULL && self->plan->target->id == target_id)
    {
      g_clear_pointer (&self->plan, lia_publish_plan_free);
      show_plan (self);
    }
  show_toast (self, text);
  refresh (self);
}

static void
lia_publish_page_remove_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (widget);
  const LiaTarget *target = find_target (self, g_variant_get_int64 (parameter));
  GtkWidget *dialog;

  if (target == NULL)
    return;

  dialog = adw_message_dialog_new (get_parent_window (self), NULL, NULL);
  /* Translators: a target's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove “%s”?"), target->name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Liaison stops publishing there and forgets what it sent. "
                                 "What is already published stays where it is."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "lia-target-id", GSIZE_TO_POINTER (target->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lia_publish_page_dispose (GObject *object)
{
  LiaPublishPage *self = (LiaPublishPage *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PUBLISH_PAGE);

  /* The template's root box is not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lia_publish_page_parent_class)->dispose (object);
}

static void
lia_publish_page_finalize (GObject *object)
{
  LiaPublishPage *self = (LiaPublishPage *)object;

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->plan, lia_publish_plan_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->run_cancellable);

  G_OBJECT_CLASS (lia_publish_page_parent_class)->finalize (object);
}

static void
lia_publish_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy_id != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_publish_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaPublishPage *self = LIA_PUBLISH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lia_publish_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_publish_page_class_init (LiaPublishPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_publish_page_dispose;
  object_class->finalize = lia_publish_page_finalize;
  object_class->get_property = lia_publish_page_get_property;
  object_class->set_property = lia_publish_page_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaPublishPage::published:
   * @target_id: the target
   *
   * A run or a resolution ended: what Today shows may have changed.
   */
  signals [PUBLISHED] =
    g_signal_new ("published",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-publish-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, banner);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, targets_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, publish_now_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, log_group);
  gtk_widget_class_bind_template_child (widget_class, LiaPublishPage, log_list);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_targets_list_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "publish.add-target", NULL, lia_publish_page_add_target_action);
  gtk_widget_class_install_action (widget_class, "publish.publish", "x", lia_publish_page_publish_action);
  gtk_widget_class_install_action (widget_class, "publish.preview", "x", lia_publish_page_preview_action);
  gtk_widget_class_install_action (widget_class, "publish.edit", "x", lia_publish_page_edit_action);
  gtk_widget_class_install_action (widget_class, "publish.remove", "x", lia_publish_page_remove_action);
  gtk_widget_class_install_action (widget_class, "publish.publish-now", NULL, lia_publish_page_publish_now_action);
  gtk_widget_class_install_action (widget_class, "publish.close-preview", NULL, lia_publish_page_close_preview_action);
  gtk_widget_class_install_action (widget_class, "publish.cancel", NULL, lia_publish_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "publish.resolve", "s", lia_publish_page_resolve_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "publish.add-target", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_publish_page_init (LiaPublishPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_info_bar_add_button (self->banner, _("_Edit Target"), GTK_RESPONSE_ACCEPT);
  refresh (self);
}

GtkWidget *
lia_publish_page_new (void)
{
  return g_object_new (LIA_TYPE_PUBLISH_PAGE, NULL);
}

LiaStore *
lia_publish_page_get_store (LiaPublishPage *self)
{
  g_return_val_if_fail (LIA_IS_PUBLISH_PAGE (self), NULL);

  return self->store;
}

void
lia_publish_page_set_store (LiaPublishPage *self,
                            LiaStore       *store)
{
  g_return_if_fail (LIA_IS_PUBLISH_PAGE (self));
  g_return_if_fail (store == NULL || LIA_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb),
                             self, G_CONNECT_SWAPPED);

  g_clear_pointer (&self->plan, lia_publish_plan_free);
  self->selected_id = 0;
  if (self->stack != NULL)
    {
      hide_banner (self);
      show_plan (self);
      refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

guint
lia_publish_page_get_count (LiaPublishPage *self)
{
  g_return_val_if_fail (LIA_IS_PUBLISH_PAGE (self), 0);

  return self->count;
}

void
lia_publish_page_refresh (LiaPublishPage *self)
{
  g_return_if_fail (LIA_IS_PUBLISH_PAGE (self));

  refresh (self);
}

const LiaPublishPlan *
lia_publish_page_get_plan (LiaPublishPage *self)
{
  g_return_val_if_fail (LIA_IS_PUBLISH_PAGE (self), NULL);

  return self->plan;
}

gboolean
lia_publish_page_get_busy (LiaPublishPage *self)
{
  g_return_val_if_fail (LIA_IS_PUBLISH_PAGE (self), FALSE);

  return self->busy_id != 0;
}

/* Shared with the conflict dialog (lia-publish-private.h). */

LiaPublishWork *
_lia_publish_work_new (LiaStore        *store,
                       const LiaTarget *target)
{
  LiaSettings *settings = lia_settings_get_default ();
  LiaPublishWork *work = g_new0 (LiaPublishWork, 1);

  work->database_path = g_strdup (lia_database_get_path (lia_store_get_database (store)));
  work->target = lia_target_copy (target);
  work->library_name = g_strdup (lia_settings_get_library_name (settings));
  work->time_zone = lia_settings_dup_library_time_zone (settings);

  return work;
}

void
_lia_publish_work_free (gpointer data)
{
  LiaPublishWork *work = data;

  g_clear_pointer (&work->database_path, g_free);
  g_clear_pointer (&work->target, lia_target_free);
  g_clear_pointer (&work->library_name, g_free);
  g_clear_pointer (&work->time_zone, g_free);
  if (work->password != NULL)
    memset (work->password, 0, strlen (work->password));
  g_clear_pointer (&work->password, g_free);
  g_free (work);
}

LiaStore *
_lia_publish_work_open_store (LiaPublishWork  *work,
                              GError         **error)
{
  g_autoptr(LiaDatabase) database = NULL;

  if (!(database = lia_database_open (work->database_path, LIA_DATABASE_OPEN_DEFAULT, error)))
    return NULL;

  return lia_store_new (database);
}

void
_lia_publish_work_find_password (LiaPublishWork *work,
                                 GCancellable   *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (work->password != NULL || work->target->username == NULL)
    return;

  if (!(work->password = lia_credentials_lookup (work->target->name, cancellable, &error)) && error != NULL)
    g_debug ("No password for ‘%s’ from the keyring: %s", work->target->name, error->message);
}

void
_lia_publish_work_init_options (LiaPublishWork    *work,
                                LiaPublishOptions *options)
{
  lia_publish_options_init (options);
  options->password = work->password;
  options->context.library_name = work->library_name != NULL && *work->library_name != '\0'
                                  ? work->library_name : NULL;
  options->context.time_zone = work->time_zone != NULL && *work->time_zone != '\0'
                               ? work->time_zone : NULL;
}
