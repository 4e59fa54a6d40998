/* bench-print-bulletin.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed bulletin (lia-bulletin): a month of 300 events, from the
 * store to the PDF on disk (lia_bulletin_new, lia_document_write_pdf on
 * Letter). Reference: cairo writing a PDF of as many empty pages. Median of
 * the runs, the reference measured alternately in the same run; budget 1 s.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "lia-database.h"
#include "lia-print-documents.h"
#include "lia-store.h"

#define RUNS 7
#define EVENTS 300
#define BUDGET 1.0

static const LiaPrintContext print_context = {
  .library_name = "Riverbend Public Library",
  .time_zone = "America/Edmonton",
};

/* 300 events in December 2026, about ten a day, as a busy library's
 * partners send them: a place, a partner, a cost, a summary. */
static void
fill_store (LiaStore *store)
{
  LiaDatabase *db = lia_store_get_database (store);
  g_autoptr(GError) error = NULL;
  gint64 partner_ids[10];

  if (!lia_database_begin (db, &error))
    g_error ("begin: %s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (partner_ids); i++)
    {
      g_autoptr(LiaPartner) partner = lia_partner_new ();
      g_autofree char *name = g_strdup_printf ("Riverbend Community Partner %u", i);

      lia_partner_set_name (partner, name);
      lia_partner_set_status (partner, LIA_PARTNER_STATUS_ACTIVE);
      lia_partner_set_promotion_tier (partner, LIA_PROMOTION_TIER_STANDARD);
      if (!lia_store_save_partner (store, partner, &error))
        g_error ("save partner: %s", error->message);
      partner_ids[i] = lia_partner_get_id (partner);
    }

  for (guint i = 0; i < EVENTS; i++)
    {
      g_autoptr(LiaEvent) event = lia_event_new ();
      g_autofree char *title = g_strdup_printf ("Program %u: crafts, stories and snacks", i);
      guint day = 1 + i * 31 / EVENTS;
      g_autofree char *dtstart = g_strdup_printf ("2026-12-%02uT%02u:30:00", day, 9 + i % 10);
      g_autofree char *dtend = g_strdup_printf ("2026-12-%02uT%02u:15:00", day, 10 + i % 10);

      lia_event_set_title (event, title);
      lia_event_set_summary (event, "A program for the whole community: bring a friend, a snack and "
                             "your questions. Registration opens a month before.");
      lia_event_set_dtstart (event, dtstart);
      lia_event_set_dtend (event, dtend);
      lia_event_set_tzid (event, "America/Edmonton");
      lia_event_set_partner_id (event, partner_ids[i % G_N_ELEMENTS (partner_ids)]);
      lia_event_set_venue_name (event, "Riverbend Public Library");
      lia_event_set_venue_room (event, "Program Room A");
      lia_event_set_cost (event, i % 4 == 0 ? "$5" : "Free");
      if (i % 3 == 0)
        lia_event_set_registration_url (event, "https://riverbendlibrary.example.ca/register");
      lia_event_set_status (event, i % 20 == 7 ? LIA_EVENT_STATUS_CANCELLED : LIA_EVENT_STATUS_CONFIRMED);
      lia_event_set_promote (event, TRUE);
      lia_event_set_channels (event, LIA_CHANNEL_WEBSITE | LIA_CHANNEL_PRINT_BULLETIN);
      if (!lia_store_save_event (store, event, &error))
        g_error ("save: %s", error->message);
    }

  if (!lia_database_commit (db, &error))
    g_error ("commit: %s", error->message);
}

static double
time_bulletin (LiaStore   *store,
               const char *path,
               guint      *n_pages)
{
  g_autoptr(GDate) month = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  g_autoptr(LiaDocument) bulletin = NULL;
  g_autoptr(GError) error = NULL;
  LiaPageSetup setup;
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;

  lia_page_setup_init (&setup, LIA_PAGE_SIZE_LETTER);
  if (!(bulletin = lia_bulletin_new (store, month, &print_context, &error))
      || !lia_document_write_pdf (bulletin, &setup, path, &error))
    g_error ("bulletin: %s", error->message);
  start = g_get_monotonic_time () - start;

  /* The pages, counted outside the time. */
  surface = cairo_pdf_surface_create (NULL, setup.width, setup.height);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  *n_pages = lia_document_paginate (bulletin, &setup, context, &error);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return start / 1e6;
}

static double
time_empty_pages (const char *path,
                  guint       n_pages)
{
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "bulletin.db", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "bulletin.pdf", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double bulletin_times[RUNS], empty_times[RUNS];
  double bulletin_median, empty_median;
  guint n_pages = 0;
  gboolean pass;

  db = lia_database_open (db_path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store = lia_store_new (db);
  fill_store (store);

  for (guint i = 0; i < RUNS; i++)
    {
      bulletin_times[i] = time_bulletin (store, pdf_path, &n_pages);
      empty_times[i] = time_empty_pages (empty_path, n_pages);
    }

  bulletin_median = bench_median (bulletin_times, RUNS);
  empty_median = bench_median (empty_times, RUNS);
  pass = bulletin_median < BUDGET;

  g_print ("%-34s %10s %10s %7s %7s  %s\n", "figure", "liaison", "reference", "ratio", "budget", "result");
  g_print ("%-34s %9.3fs %9.3fs %7.1f %6.2fs  %s\n",
           "bulletin, 300 events to PDF", bulletin_median, empty_median, bulletin_median / empty_median,
           BUDGET, pass ? "pass" : "FAIL");
  g_print ("(%u pages, Letter)\n", n_pages);

  g_clear_object (&store);
  g_clear_object (&db);
  bench_remove_database (db_path);
  g_remove (pdf_path);
  g_remove (empty_path);
  g_rmdir (dir);

  return pass ? 0 : 1;
}
