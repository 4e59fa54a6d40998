/* bench-print.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing to PDF (print/), one figure a document:
 *
 * 1. An event flyer: lia_flyer_new() (the event, its partner and logo read
 *    from the store, the dates in words) and lia_document_write_pdf() on
 *    Letter, a whole flyer with its QR code and logo. Budget: 100 ms.
 *    Reference, measured alternately in the same run: cairo writing an
 *    empty one-page PDF of the same size — the cost of a PDF file at all.
 *
 * 2. The bulletin of a month of 300 events: lia_bulletin_new() and
 *    lia_document_write_pdf() on Letter. Budget: 1 s. Reference: cairo
 *    writing a PDF of as many empty pages.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "lia-database.h"
#include "lia-print-documents.h"
#include "lia-store.h"

#define RUNS 21
#define FLYER_BUDGET 0.100
#define BULLETIN_EVENTS 300
#define BULLETIN_BUDGET 1.0

static const LiaPrintContext bulletin_context = {
  .library_name = "Riverbend Public Library",
  .time_zone = "America/Edmonton",
};

static GDateTime *
fixed_now (gpointer user_data)
{
  return g_date_time_new_utc (2027, 1, 4, 12, 0, 0);
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A partner's logo of the size the editor keeps (at most 512 px a side). */
static GBytes *
make_logo (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 512, 192);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  for (int i = 0; i < 12; i++)
    {
      cairo_set_source_rgb (cr, i / 12.0, 0.4, 1 - i / 12.0);
      cairo_arc (cr, 40 + i * 40, 96, 36, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  if (cairo_surface_write_to_png_stream (surface, append_png_cb, png) != CAIRO_STATUS_SUCCESS)
    g_error ("could not make the logo");
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static gint64
add_event (LiaStore *store)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(LiaEvent) event = lia_event_new ();
  g_autoptr(GBytes) logo = make_logo ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, "Riverbend Yarn Collective");
  lia_partner_set_logo (partner, logo);
  if (!lia_store_save_partner (store, partner, &error))
    g_error ("partner: %s", error->message);

  lia_event_set_title (event, "Knitting Circle for Beginners: cast on, knit, purl and a first scarf");
  lia_event_set_description (event,
                             "Learn to cast on, knit and purl with patient volunteers. Needles and yarn "
                             "are provided; bring a project if you have one. Café et thé offerts. "
                             "مرحبا بكم في المكتبة.");
  lia_event_set_dtstart (event, "2027-01-12T18:30:00");
  lia_event_set_dtend (event, "2027-01-12T20:00:00");
  lia_event_set_tzid (event, "America/Edmonton");
  lia_event_set_rrule (event, "FREQ=MONTHLY;BYDAY=2TU");
  lia_event_set_venue_name (event, "Riverside Branch");
  lia_event_set_venue_room (event, "Program Room B");
  lia_event_set_venue_address (event, "4410 51 Avenue, Riverbend, AB T9R 0P0");
  lia_event_set_audience (event, LIA_AUDIENCE_ADULTS);
  lia_event_set_cost (event, "Free, supplies included");
  lia_event_set_registration_url (event, "https://www.riverbendlibrary.example.ca/events/knit/register");
  lia_event_set_accessibility (event, "Step-free entrance from the parking lot; large-print patterns.");
  lia_event_set_contact (event, "Programs desk, 780-555-0100");
  lia_event_set_partner_id (event, lia_partner_get_id (partner));
  if (!lia_store_save_event (store, event, &error))
    g_error ("event: %s", error->message);

  return lia_event_get_id (event);
}

static double
time_flyer (LiaStore   *store,
            gint64      event_id,
            const char *path)
{
  const LiaPrintContext context = { "Riverbend Public Library", "America/Edmonton" };
  g_autoptr(LiaDocument) flyer = NULL;
  g_autoptr(GError) error = NULL;
  LiaPageSetup setup;
  gint64 start = g_get_monotonic_time ();

  flyer = lia_flyer_new (store, event_id, FALSE, &context, &error);
  if (flyer == NULL)
    g_error ("flyer: %s", error->message);
  lia_page_setup_init (&setup, LIA_PAGE_SIZE_LETTER);
  if (!lia_document_write_pdf (flyer, &setup, path, &error))
    g_error ("PDF: %s", error->message);

  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_empty_pdf (const char *path)
{
  LiaPageSetup setup;
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface;
  cairo_t *cr;

  lia_page_setup_init (&setup, LIA_PAGE_SIZE_LETTER);
  surface = cairo_pdf_surface_create (path, setup.width, setup.height);
  cr = cairo_create (surface);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("empty PDF: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);

  return (g_get_monotonic_time () - start) / 1e6;
}

/* 300 events in December 2026, about ten a day, as a busy library's
 * partners send them: a place, a partner, a cost, a summary. */
static void
add_bulletin_events (LiaStore *store)
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

  for (guint i = 0; i < BULLETIN_EVENTS; i++)
    {
      g_autoptr(LiaEvent) event = lia_event_new ();
      g_autofree char *title = g_strdup_printf ("Program %u: crafts, stories and snacks", i);
      guint day = 1 + i * 31 / BULLETIN_EVENTS;
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
  if (!(bulletin = lia_bulletin_new (store, month, &bulletin_context, &error))
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
  g_autofree char *path = g_build_filename (dir, "print.db", NULL);
  g_autofree char *flyer_path = g_build_filename (dir, "flyer.pdf", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *bulletin_db_path = g_build_filename (dir, "bulletin.db", NULL);
  g_autofree char *bulletin_path = g_build_filename (dir, "bulletin.pdf", NULL);
  g_autoptr(LiaDatabase) bulletin_db = NULL;
  g_autoptr(LiaStore) bulletin_store = NULL;
  double bulletin_times[RUNS], pages_times[RUNS];
  guint n_pages = 0;
  g_autoptr(LiaDatabase) db = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double flyer_times[RUNS], empty_times[RUNS];
  GStatBuf flyer_stat;
  gint64 event_id;

  db = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  store = lia_store_new (db);
  lia_store_set_clock (store, fixed_now, NULL);
  event_id = add_event (store);
  bulletin_db = lia_database_open (bulletin_db_path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  bulletin_store = lia_store_new (bulletin_db);
  add_bulletin_events (bulletin_store);

  /* The first flyer loads the fonts (fontconfig's cache): kept out of the
   * figure, as a running app has them already. */
  time_flyer (store, event_id, flyer_path);
  time_empty_pdf (empty_path);

  bench_begin ("print");

  for (guint i = 0; i < RUNS; i++)
    {
      flyer_times[i] = time_flyer (store, event_id, flyer_path);
      empty_times[i] = time_empty_pdf (empty_path);
      bulletin_times[i] = time_bulletin (bulletin_store, bulletin_path, &n_pages);
      pages_times[i] = time_empty_pages (empty_path, n_pages);
    }

  g_stat (flyer_path, &flyer_stat);

  bench_row ("event flyer to PDF (Letter)", BENCH_UNIT_MS, bench_median (flyer_times, RUNS) * 1000,
             bench_median (empty_times, RUNS) * 1000, BENCH_BUDGET_ABSOLUTE, FLYER_BUDGET * 1000);
  bench_note ("flyer: %" G_GINT64_FORMAT " KiB; reference: an empty page of the same size",
              (gint64) flyer_stat.st_size / 1024);
  bench_row ("bulletin, 300 events to PDF", BENCH_UNIT_MS, bench_median (bulletin_times, RUNS) * 1000,
             bench_median (pages_times, RUNS) * 1000, BENCH_BUDGET_ABSOLUTE, BULLETIN_BUDGET * 1000);
  bench_note ("bulletin: %u pages; reference: as many empty pages; medians of %d", n_pages, RUNS);

  g_clear_object (&store);
  g_clear_object (&db);
  g_clear_object (&bulletin_store);
  g_clear_object (&bulletin_db);
  bench_remove_database (path);
  bench_remove_database (bulletin_db_path);
  g_unlink (bulletin_path);
  g_unlink (flyer_path);
  g_unlink (empty_path);
  g_rmdir (dir);

  return bench_end ();
}
