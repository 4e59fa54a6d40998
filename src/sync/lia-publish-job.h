/* lia-publish-job.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A publish run: the plan, then its steps, several in flight over one
 * session, each recorded in publish_record the moment it completes — so
 * a run that is cancelled, crashes or loses the network resumes where it
 * stopped without sending anything twice. Blocking: the command line
 * calls it directly, the window on a worker thread with its own store.
 */
#pragma once

#include <gio/gio.h>

#include "lia-publish-plan.h"
#include "lia-publisher.h"
#include "lia-store.h"
#include "lia-target.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean    dry_run;          /* plan only, send nothing */
  const char *password;         /* NULL: none (folder, or a server without login) */
  guint       max_in_flight;    /* the most requests at once; 0: 4 (see lia-publish-gate.h) */
  guint       max_attempts;     /* a passing failure is tried this often; 0: 4 */
  guint       retry_delay_ms;   /* before the first retry, doubling; 0: 1000 */
  guint       timeout_seconds;  /* per request; 0: 30 */
  LiaPublishContext context;
} LiaPublishOptions;

void lia_publish_options_init (LiaPublishOptions *options);

typedef enum
{
  LIA_PUBLISH_STEP_DONE,
  LIA_PUBLISH_STEP_CONFLICT,
  LIA_PUBLISH_STEP_FAILED,      /* refused by the server: will be tried again next run */
  LIA_PUBLISH_STEP_PENDING,     /* not done: retries ran out, cancelled or stopped */
  LIA_PUBLISH_STEP_PLANNED,     /* dry run */
} LiaPublishStepOutcome;

/* "done", "conflict", "failed", "pending", "planned": the CLI's words. */
const char *lia_publish_step_outcome_to_nick (LiaPublishStepOutcome outcome);

/* One line of the run log. */
typedef struct
{
  gint64                 at;       /* Unix seconds */
  LiaPublishAction       action;
  char                  *item;
  char                  *title;
  LiaPublishStepOutcome  outcome;
  char                  *message;  /* why, for anything but done; NULL otherwise */
} LiaPublishLogLine;

void lia_publish_log_line_free (LiaPublishLogLine *self);

typedef enum
{
  LIA_PUBLISH_RUN_OK,         /* everything published */
  LIA_PUBLISH_RUN_PARTIAL,    /* some steps failed, conflict or stay pending */
  LIA_PUBLISH_RUN_FAILED,     /* stopped: credentials refused, server not found */
  LIA_PUBLISH_RUN_CANCELLED,
  LIA_PUBLISH_RUN_DRY_RUN,
} LiaPublishRunState;

const char *lia_publish_run_state_to_nick (LiaPublishRunState state);

typedef struct
{
  LiaPublishPlan     *plan;
  GPtrArray          *lines;      /* LiaPublishLogLine, in the order steps completed */
  LiaPublishRunState  state;
  guint               n_done, n_conflicts, n_failed, n_pending;
  guint               n_requests; /* HTTP requests sent, discovery and retries included */
  guint               n_retries;  /* requests sent again after a passing failure (not kept by the run log) */
  guint               in_flight;  /* the most requests the run had in flight at once (not kept) */
  gint64              started_at; /* Unix seconds */
  gint64              finished_at; /* Unix seconds; 0 for a dry run */
  char               *message;    /* why the run stopped; NULL when it did not */
} LiaPublishReport;

void lia_publish_report_free (LiaPublishReport *self);

/* Called on the job's thread after the plan (@line NULL, @n_completed 0)
 * and after each step. */
typedef void (*LiaPublishProgressFunc) (const LiaPublishLogLine *line,
                                        guint                    n_completed,
                                        guint                    n_steps,
                                        gpointer                 user_data);

/* The plan of @target as it stands (no network). */
LiaPublishPlan   *lia_publish_plan_compute (LiaStore                *store,
                                            const LiaTarget         *target,
                                            const LiaPublishContext *context,
                                            GError                 **error);

/* Plans and runs @target; NULL with @error only when nothing could start
 * (the plan failed to build); a run that stops on the way (401/403,
 * cancelled) returns its report with ->state and ->message. Records the
 * run (publish_run, publish_run_step) and the target's last run. */
LiaPublishReport *lia_publish_run          (LiaStore                *store,
                                            const LiaTarget         *target,
                                            const LiaPublishOptions *options,
                                            LiaPublishProgressFunc   progress,
                                            gpointer                 user_data,
                                            GCancellable            *cancellable,
                                            GError                 **error);

typedef enum
{
  LIA_RESOLVE_KEEP_OURS,    /* send ours over the remote copy, knowingly (If-Match its current ETag) */
  LIA_RESOLVE_TAKE_THEIRS,  /* keep the remote copy; a CalDAV event is read back into Liaison */
} LiaResolveChoice;

/* Resolves the conflict of @item on @target. */
gboolean          lia_publish_resolve      (LiaStore                *store,
                                            const LiaTarget         *target,
                                            const char              *item,
                                            LiaResolveChoice         choice,
                                            const LiaPublishOptions *options,
                                            GCancellable            *cancellable,
                                            GError                 **error);

/* Ours and theirs for a conflict: *ours from the plan (NULL when ours is
 * now a delete), *theirs from the server. */
gboolean          lia_publish_fetch_conflict (LiaStore                *store,
                                              const LiaTarget         *target,
                                              const char              *item,
                                              const LiaPublishOptions *options,
                                              GBytes                 **ours,
                                              GBytes                 **theirs,
                                              GCancellable            *cancellable,
                                              GError                 **error);

/* The last runs of a target, newest first, with their lines: for the
 * Publish page's log. A GPtrArray of LiaPublishReport (plan NULL). */
GPtrArray        *lia_publish_list_runs    (LiaDatabase             *database,
                                            gint64                   target_id,
                                            guint                    max,
                                            GError                 **error);

/* Per target: items not yet published as they are (records pending,
 * failed or conflict) — what the Today page and the page's rows show
 * without building a plan. */
typedef struct
{
  guint n_pending, n_failed, n_conflicts;
  gint64 changed_since_run;  /* events changed since the last run (updated_at > last_run_at) */
} LiaPublishStatus;

gboolean          lia_publish_get_status   (LiaDatabase             *database,
                                            const LiaTarget         *target,
                                            LiaPublishStatus        *status,
                                            GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaPublishReport, lia_publish_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaPublishLogLine, lia_publish_log_line_free)

G_END_DECLS
