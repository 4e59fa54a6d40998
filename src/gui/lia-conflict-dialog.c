/* lia-conflict-dialog.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Someone changed what Liaison published: both versions side by side, and
 * the coordinator chooses. Reading the server's copy and resolving both
 * run on a worker thread with its own store.
 */

#define G_LOG_DOMAIN "lia-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-conflict-dialog.h"
#include "lia-publish-job.h"
#include "lia-publish-private.h"

/* A text this long is shown cut: the choice does not need all of it. */
#define MAX_SHOWN_BYTES (256 * 1024)

struct _LiaConflictDialog
{
  AdwWindow       parent_instance;

  /* Owned */
  LiaStore       *store;
  LiaTarget      *target;
  char           *item;
  GCancellable   *cancellable;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkLabel       *explanation_label;
  GtkTextView    *ours_view;
  GtkTextView    *theirs_view;
};

G_DEFINE_FINAL_TYPE (LiaConflictDialog, lia_conflict_dialog, ADW_TYPE_WINDOW)

enum { RESOLVED, N_SIGNALS };

static guint signals [N_SIGNALS];

typedef struct
{
  LiaPublishWork   *work;
  char             *item;
  gboolean          fetch;   /* read both versions, rather than resolve */
  LiaResolveChoice  choice;
  GBytes           *ours;    /* out */
  GBytes           *theirs;  /* out */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->work, _lia_publish_work_free);
  g_clear_pointer (&job->item, g_free);
  g_clear_pointer (&job->ours, g_bytes_unref);
  g_clear_pointer (&job->theirs, g_bytes_unref);
  g_free (job);
}

static Job *
job_new (LiaConflictDialog *self)
{
  Job *job = g_new0 (Job, 1);

  job->work = _lia_publish_work_new (self->store, self->target);
  job->item = g_strdup (self->item);

  return job;
}

/* What a server sent is not trusted to be UTF-8; line endings are shown
 * as one, so a CRLF feed and an LF copy of it compare equal. */
static char *
dup_text (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  g_autofree char *valid = NULL;
  g_auto(GStrv) lines = NULL;

  if (data == NULL)
    return NULL;

  valid = g_utf8_make_valid (data, MIN (size, MAX_SHOWN_BYTES));
  lines = g_strsplit (valid, "\r\n", -1);

  return g_strjoinv ("\n", lines);
}

/* Shows @text with the lines @other lacks marked, and returns the first
 * of them (-1: none). A line counts once per time it appears, so a
 * repeated "END:VEVENT" is not taken for a change. */
static int
show_text (GtkTextView *view,
           const char  *text,
           const char  *other,
           const char  *none,
           const char  *color)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) other_lines = NULL;
  GtkTextTag *tag;
  int first = -1;

  if (text == NULL)
    {
      gtk_text_buffer_set_text (buffer, none, -1);
      return -1;
    }

  gtk_text_buffer_set_text (buffer, text, -1);
  tag = gtk_text_buffer_create_tag (buffer, NULL, "paragraph-background", color, NULL);

  lines = g_strsplit (text, "\n", -1);
  other_lines = g_strsplit (other != NULL ? other : "", "\n", -1);
  for (guint i = 0; other_lines[i] != NULL; i++)
    g_hash_table_insert (counts, other_lines[i],
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, other_lines[i])) + 1));

  for (int i = 0; lines[i] != NULL; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, lines[i]));
      GtkTextIter start, end;

      if (n > 0)
        {
          g_hash_table_insert (counts, lines[i], GUINT_TO_POINTER (n - 1));
          continue;
        }

      gtk_text_buffer_get_iter_at_line (buffer, &start, i);
      end = start;
      gtk_text_iter_forward_to_line_end (&end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
      if (first < 0)
        first = i;
    }

  return first;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "lia-first-change");
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GtkTextIter iter;
  int y = 0;

  if (mark == NULL || adjustment == NULL)
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  gtk_text_view_get_line_yrange (view, &iter, &y, NULL);

  /* Not laid out that far yet: the next frame. */
  if (gtk_widget_get_height (widget) == 0 ||
      gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) < y)
    return G_SOURCE_CONTINUE;

  gtk_adjustment_set_value (adjustment, y);

  return G_SOURCE_REMOVE;
}

/* Both views open where they first differ, a few lines above it, once
 * they have a size to scroll in. */
static void
scroll_to_line (GtkTextView *view,
                int          line)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  if (line < 0)
    return;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, MAX (line - 3, 0));
  gtk_text_buffer_create_mark (buffer, "lia-first-change", &iter, TRUE);
  gtk_widget_add_tick_callback (GTK_WIDGET (view), scroll_tick_cb, NULL, NULL);
}

/* Reads both versions (job->fetch) or resolves the conflict. */
static void
conflict_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(LiaStore) store = NULL;
  LiaPublishOptions options;
  GError *error = NULL;

  _lia_publish_work_find_password (job->work, cancellable);
  _lia_publish_work_init_options (job->work, &options);

  if (!(store = _lia_publish_work_open_store (job->work, &error)) ||
      (job->fetch && !lia_publish_fetch_conflict (store, job->work->target, job->item, &options,
                                                  &job->ours, &job->theirs, cancellable, &error)) ||
      (!job->fetch && !lia_publish_resolve (store, job->work->target, job->item, job->choice, &options,
                                            cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
show_error (LiaConflictDialog *self,
            const char        *title,
            const GError      *error)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LiaConflictDialog *self = LIA_CONFLICT_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean fetched = g_task_propagate_boolean (G_TASK (result), &error);

  /* The dialog was closed meanwhile: its widgets are gone. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!fetched)
    {
      show_error (self, _("The Server’s Copy Could Not Be Read"), error);
      return;
    }

  {
    g_autofree char *ours = dup_text (job->ours);
    g_autofree char *theirs = dup_text (job->theirs);
    int ours_line, theirs_line;

    /* Green: what Liaison would send; yellow: what someone else wrote. */
    ours_line = show_text (self->ours_view, ours, theirs, _("(Liaison would remove it)"), "rgba(46,194,126,0.25)");
    theirs_line = show_text (self->theirs_view, theirs, ours, _("(It is no longer on the server)"),
                             "rgba(229,165,10,0.3)");
    g_debug ("First changes: line %d of ours, %d of theirs", ours_line, theirs_line);
    gtk_stack_set_visible_child_name (self->stack, "texts");
    scroll_to_line (self->ours_view, ours_line);
    scroll_to_line (self->theirs_view, theirs_line);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.keep-ours", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.take-theirs", TRUE);
}

static void
resolve_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LiaConflictDialog *self = LIA_CONFLICT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  gboolean resolved = g_task_propagate_boolean (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!resolved)
    {
      show_error (self, _("The Conflict Could Not Be Resolved"), error);
      return;
    }

  g_signal_emit (self, signals [RESOLVED], 0, self->target->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
resolve (LiaConflictDialog *self,
         LiaResolveChoice   choice)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, resolve_cb, NULL);
  Job *job = job_new (self);

  job->choice = choice;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.keep-ours", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.take-theirs", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  g_task_set_source_tag (task, resolve);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, conflict_thread);
}

static void
lia_conflict_dialog_keep_ours_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  resolve (LIA_CONFLICT_DIALOG (widget), LIA_RESOLVE_KEEP_OURS);
}

static void
lia_conflict_dialog_take_theirs_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  resolve (LIA_CONFLICT_DIALOG (widget), LIA_RESOLVE_TAKE_THEIRS);
}

static void
lia_conflict_dialog_dispose (GObject *object)
{
  LiaConflictDialog *self = (LiaConflictDialog *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_CONFLICT_DIALOG);

  G_OBJECT_CLASS (lia_conflict_dialog_parent_class)->dispose (object);
}

static void
lia_conflict_dialog_finalize (GObject *object)
{
  LiaConflictDialog *self = (LiaConflictDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->target, lia_target_free);
  g_clear_pointer (&self->item, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lia_conflict_dialog_parent_class)->finalize (object);
}

static void
lia_conflict_dialog_class_init (LiaConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_conflict_dialog_dispose;
  object_class->finalize = lia_conflict_dialog_finalize;

  /**
   * LiaConflictDialog::resolved:
   * @target_id: the target
   */
  signals [RESOLVED] =
    g_signal_new ("resolved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaisonapp/Liaison/gui/lia-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaConflictDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaConflictDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaConflictDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaConflictDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, LiaConflictDialog, ours_view);
  gtk_widget_class_bind_template_child (widget_class, LiaConflictDialog, theirs_view);

  gtk_widget_class_install_action (widget_class, "conflict.keep-ours", NULL, lia_conflict_dialog_keep_ours_action);
  gtk_widget_class_install_action (widget_class, "conflict.take-theirs", NULL,
                                   lia_conflict_dialog_take_theirs_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_conflict_dialog_init (LiaConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.keep-ours", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.take-theirs", FALSE);
}

LiaConflictDialog *
lia_conflict_dialog_new (GtkWindow       *parent,
                         LiaStore        *store,
                         const LiaTarget *target,
                         const char      *item,
                         const char      *title)
{
  LiaConflictDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *explanation = NULL;
  Job *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (LIA_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->target = lia_target_copy (target);
  self->item = g_strdup (item);

  adw_window_title_set_subtitle (self->window_title, title != NULL ? title : item);
  /* Translators: what is published (an event's title or a file's name), then a target's name */
  explanation = g_strdup_printf (_("“%s” was changed on “%s” since Liaison last published it. "
                                   "Keep Liaison’s version to send it over the change, or take the server’s "
                                   "to leave it as it is."),
                                 title != NULL ? title : item, target->name);
  gtk_label_set_text (self->explanation_label, explanation);

  task = g_task_new (self, self->cancellable, fetch_cb, NULL);
  g_task_set_source_tag (task, lia_conflict_dialog_new);
  job = job_new (self);
  job->fetch = TRUE;
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, conflict_thread);

  return self;
}
