/* lia-publish-gate.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How many requests a publish run keeps in flight. The run's workers pass
 * the gate for each request; it lets one through at first and one more
 * after each LIA_PUBLISH_GATE_WINDOW requests for as long as that makes
 * the run at least LIA_PUBLISH_GATE_GAIN times faster, then keeps the
 * last number that did. A distant server, whose round trips set the
 * pace, gets them all; a server that takes its writes one at a time
 * (Radicale holds a lock for each) gets one, since more only made it
 * spend longer on each.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIA_PUBLISH_GATE_WINDOW 8
#define LIA_PUBLISH_GATE_GAIN   1.25

typedef struct
{
  GMutex  lock;
  GCond   cond;
  guint   max;          /* the most ever let through at once */
  guint   allowed;      /* let through at once now */
  guint   active;
  guint   most_active;  /* the most that were through at once */
  gboolean settled;
  guint   window_done;  /* requests done since window_start */
  gint64  window_start; /* µs, of the clock */
  double  last_rate;    /* requests a second in the window before */
  gint64 (*clock) (void);
} LiaPublishGate;

/* @clock: NULL for g_get_monotonic_time(); tests give their own. */
void  lia_publish_gate_init  (LiaPublishGate *self,
                              guint           max,
                              gint64        (*clock) (void));
void  lia_publish_gate_clear (LiaPublishGate *self);
/* Waits until a request may go. */
void  lia_publish_gate_enter (LiaPublishGate *self);
/* A request is done; may let more through, or fewer. */
void  lia_publish_gate_leave (LiaPublishGate *self);

G_END_DECLS
