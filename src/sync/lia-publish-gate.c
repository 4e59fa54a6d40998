/* lia-publish-gate.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lia-publish-gate.h"

void
lia_publish_gate_init (LiaPublishGate *self,
                       guint           max,
                       gint64        (*clock) (void))
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max > 0);

  memset (self, 0, sizeof *self);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->max = max;
  self->allowed = 1;
  self->settled = max == 1;
  self->clock = clock != NULL ? clock : g_get_monotonic_time;
}

void
lia_publish_gate_clear (LiaPublishGate *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
}

void
lia_publish_gate_enter (LiaPublishGate *self)
{
  g_mutex_lock (&self->lock);
  while (self->active >= self->allowed)
    g_cond_wait (&self->cond, &self->lock);
  self->active++;
  self->most_active = MAX (self->most_active, self->active);
  if (self->window_start == 0)
    self->window_start = self->clock ();
  g_mutex_unlock (&self->lock);
}

/* At the end of a window: one more while the last one paid, else back to
 * the number before it, for good. */
static void
end_window (LiaPublishGate *self)
{
  gint64 now = self->clock ();
  double rate = self->window_done * 1e6 / MAX (now - self->window_start, 1);

  if (self->last_rate > 0 && rate < self->last_rate * LIA_PUBLISH_GATE_GAIN)
    {
      self->allowed--;
      self->settled = TRUE;
    }
  else if (self->allowed < self->max)
    {
      self->last_rate = rate;
      self->allowed++;
    }
  else
    {
      self->settled = TRUE;
    }

  self->window_done = 0;
  self->window_start = now;
}

void
lia_publish_gate_leave (LiaPublishGate *self)
{
  g_mutex_lock (&self->lock);
  g_assert (self->active > 0);
  self->active--;
  if (!self->settled && ++self->window_done >= LIA_PUBLISH_GATE_WINDOW)
    end_window (self);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}
