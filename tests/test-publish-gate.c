/* test-publish-gate.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gate that sets how many requests a publish run keeps in flight, on
 * a clock of the test's own: a server that takes its writes one at a time
 * keeps one, a distant one gets every worker.
 */

#include "config.h"

#include "lia-publish-gate.h"

#define REQUEST_US 50000

static gint64 now_us;

static gint64
test_clock (void)
{
  return now_us;
}

/* Sends @n requests through @gate: as many at once as it lets through.
 * @serial: the server answers one after another, REQUEST_US each, however
 * many wait; otherwise all those in flight come back REQUEST_US later. */
static void
simulate (LiaPublishGate *gate,
          guint           n,
          gboolean        serial)
{
  guint sent = 0;

  while (sent < n)
    {
      guint batch = 0;

      /* Never blocks: the test is the only thread. */
      while (gate->active < gate->allowed && sent < n)
        {
          lia_publish_gate_enter (gate);
          sent++;
          batch++;
        }

      if (serial)
        for (guint i = 0; i < batch; i++)
          {
            now_us += REQUEST_US;
            lia_publish_gate_leave (gate);
          }
      else
        {
          now_us += REQUEST_US;
          for (guint i = 0; i < batch; i++)
            lia_publish_gate_leave (gate);
        }
    }
}

static void
test_serial_keeps_one (void)
{
  LiaPublishGate gate;

  now_us = 1;
  lia_publish_gate_init (&gate, 4, test_clock);
  simulate (&gate, 200, TRUE);
  /* Two were tried once, for a window, and were no faster. */
  g_assert_cmpuint (gate.allowed, ==, 1);
  g_assert_true (gate.settled);
  g_assert_cmpuint (gate.most_active, ==, 2);
  lia_publish_gate_clear (&gate);
}

static void
test_latency_gets_all (void)
{
  LiaPublishGate gate;

  now_us = 1;
  lia_publish_gate_init (&gate, 4, test_clock);
  simulate (&gate, 200, FALSE);
  g_assert_cmpuint (gate.allowed, ==, 4);
  g_assert_true (gate.settled);
  g_assert_cmpuint (gate.most_active, ==, 4);
  lia_publish_gate_clear (&gate);
}

/* A few requests stay one at a time: the first window is not over. */
static void
test_few_requests (void)
{
  LiaPublishGate gate;

  now_us = 1;
  lia_publish_gate_init (&gate, 4, test_clock);
  simulate (&gate, LIA_PUBLISH_GATE_WINDOW - 1, FALSE);
  g_assert_cmpuint (gate.allowed, ==, 1);
  g_assert_cmpuint (gate.most_active, ==, 1);
  g_assert_false (gate.settled);
  lia_publish_gate_clear (&gate);
}

static void
test_one_at_most (void)
{
  LiaPublishGate gate;

  now_us = 1;
  lia_publish_gate_init (&gate, 1, test_clock);
  g_assert_true (gate.settled);
  simulate (&gate, 50, FALSE);
  g_assert_cmpuint (gate.allowed, ==, 1);
  g_assert_cmpuint (gate.most_active, ==, 1);
  lia_publish_gate_clear (&gate);
}

/* Threads waiting at a full gate go on as requests finish. */
static gpointer
pass_cb (gpointer data)
{
  LiaPublishGate *gate = data;

  for (guint i = 0; i < 50; i++)
    {
      lia_publish_gate_enter (gate);
      g_assert_cmpuint (gate->active, <=, gate->max);
      g_usleep (100);
      lia_publish_gate_leave (gate);
    }

  return NULL;
}

static void
test_threads (void)
{
  LiaPublishGate gate;
  GThread *threads[4];

  lia_publish_gate_init (&gate, G_N_ELEMENTS (threads), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("gate", pass_cb, &gate);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (gate.active, ==, 0);
  g_assert_cmpuint (gate.most_active, >=, 1);
  g_assert_cmpuint (gate.most_active, <=, G_N_ELEMENTS (threads));
  lia_publish_gate_clear (&gate);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publish-gate/serial-keeps-one", test_serial_keeps_one);
  g_test_add_func ("/publish-gate/latency-gets-all", test_latency_gets_all);
  g_test_add_func ("/publish-gate/few-requests", test_few_requests);
  g_test_add_func ("/publish-gate/one-at-most", test_one_at_most);
  g_test_add_func ("/publish-gate/threads", test_threads);

  return g_test_run ();
}
