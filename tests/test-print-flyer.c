/* test-print-flyer.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The event flyer (lia-flyer) and the document base (lia-document) as a
 * reader meets them: each flyer is written to a PDF and read back with
 * poppler (its text, where each character sits, the page size, its images),
 * its QR code through pdftoppm and zbarimg, and `liaison print flyer`.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "lia-database.h"
#include "lia-print-documents.h"
#include "lia-store.h"
#include "lia-test-png.h"
#include "lia-test-util.h"

/* poppler-glib 22.02 (Debian 12) has no g_autoptr() of its own; names of
 * ours do not clash with those of a later version. */
typedef PopplerDocument TestDocument;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

#define REGISTRATION_URL "https://www.riverbendlibrary.example.ca/events/knit/register"
#define SHORT_URL "riverbendlibrary.example.ca/events/knit/register"
#define LIBRARY_NAME "Riverbend Public Library"
#define TITLE "Knitting Circle for Beginners"
#define PARTNER_NAME "Riverbend Yarn Collective"

typedef struct
{
  char        *dir;
  LiaDatabase *database;
  LiaStore    *store;
  gint64       partner_id;
} Fixture;

static GDateTime *
get_now_cb (gpointer user_data)
{
  /* Monday 1 December 2025, morning in Alberta. */
  return g_date_time_new_utc (2025, 12, 1, 16, 0, 0);
}

static gint64
add_partner (Fixture  *fixture,
             gboolean  with_logo)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, PARTNER_NAME);
  if (with_logo)
    {
      g_autoptr(GBytes) logo = lia_test_make_logo_png (240, 80);

      lia_partner_set_logo (partner, logo);
    }
  lia_store_save_partner (fixture->store, partner, &error);
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = lia_test_make_temp_dir ("print-flyer");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
  lia_store_set_clock (fixture->store, get_now_cb, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Tuesday 9 December 2025, 6:30 to 8 pm in Edmonton, with everything a
 * flyer shows. */
static LiaEvent *
make_event (gint64 partner_id)
{
  LiaEvent *event = lia_event_new ();

  lia_event_set_title (event, TITLE);
  lia_event_set_description (event, "Learn to cast on, knit and purl. Needles and yarn are provided; "
                                    "bring a project if you have one.");
  lia_event_set_dtstart (event, "2025-12-09T18:30:00");
  lia_event_set_dtend (event, "2025-12-09T20:00:00");
  lia_event_set_tzid (event, "America/Edmonton");
  lia_event_set_venue_name (event, "Riverside Branch");
  lia_event_set_venue_room (event, "Program Room B");
  lia_event_set_venue_address (event, "4410 51 Avenue, Riverbend");
  lia_event_set_audience (event, LIA_AUDIENCE_ADULTS);
  lia_event_set_cost (event, "Free, supplies included");
  lia_event_set_registration_url (event, REGISTRATION_URL);
  lia_event_set_accessibility (event, "Step-free entrance from the parking lot; large-print patterns.");
  lia_event_set_contact (event, "Programs desk, 780-555-0100");
  lia_event_set_partner_id (event, partner_id);

  return event;
}

static gint64
save_event (Fixture  *fixture,
            LiaEvent *event)
{
  g_autoptr(GError) error = NULL;

  lia_store_save_event (fixture->store, event, &error);
  g_assert_no_error (error);

  return lia_event_get_id (event);
}

static const LiaPrintContext print_context = { LIBRARY_NAME, "America/Edmonton" };

/* Writes the flyer of @event_id to a PDF in the fixture's folder and opens
 * it. */
static PopplerDocument *
write_flyer (Fixture     *fixture,
             gint64       event_id,
             gboolean     large_print,
             LiaPageSize  size,
             char       **pdf_path)
{
  g_autoptr(LiaDocument) flyer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "flyer.pdf", NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *document;
  LiaPageSetup setup;

  flyer = lia_flyer_new (fixture->store, event_id, large_print, &print_context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flyer);

  lia_page_setup_init (&setup, size);
  lia_document_write_pdf (flyer, &setup, path, &error);
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);

  if (pdf_path != NULL)
    *pdf_path = g_steal_pointer (&path);

  return document;
}

/* The page's text with every run of white space made one space: lines
 * wrap where the page is narrow. */
static char *
get_page_text (PopplerDocument *document)
{
  g_autoptr(TestPage) page = poppler_document_get_page (document, 0);
  g_autofree char *text = poppler_page_get_text (page);
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\r", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, words[i]);
    }

  return g_string_free (joined, FALSE);
}

#define assert_has_text(text, expected) \
  G_STMT_START { \
    if (strstr ((text), (expected)) == NULL) \
      g_error ("‘%s’ is not on the flyer: %s", (expected), (text)); \
  } G_STMT_END

/* An address may break across lines after a slash: compared without the
 * breaks. */
static void
assert_has_url (const char *text,
                const char *url)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && c != 0x200B)
        g_string_append_unichar (joined, c);
    }

  assert_has_text (joined->str, url);
}

/* Every character poppler finds lies inside the half-inch margins. */
static void
assert_inside_margins (PopplerDocument *document,
                       LiaPageSize      size)
{
  g_autoptr(TestPage) page = poppler_document_get_page (document, 0);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  LiaPageSetup setup;
  const char *p = text;
  guint n_rects = 0;
  guint n_checked = 0;
  /* Glyph boxes are the font's, which may reach a little past the ink. */
  const double slack = 1.0;

  lia_page_setup_init (&setup, size);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  g_assert_cmpuint (n_rects, >, 0);

  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;

      n_checked++;
      if (rects[i].x1 < setup.margin_left - slack ||
          rects[i].x2 > setup.width - setup.margin_right + slack ||
          rects[i].y1 < setup.margin_top - slack ||
          rects[i].y2 > setup.height - setup.margin_bottom + slack)
        g_error ("‘%.*s’ at (%.1f, %.1f)–(%.1f, %.1f) is outside the margins",
                 (int) (g_utf8_next_char (p) - p), p,
                 rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2);
    }

  g_assert_cmpuint (n_checked, >, 50);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median height of the character boxes (the size of the type), and
 * how many glyphs are drawn. */
static double
get_median_glyph_height (PopplerDocument *document,
                         guint           *n_glyphs)
{
  g_autoptr(TestPage) page = poppler_document_get_page (document, 0);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text;
  guint n_rects = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      double height = rects[i].y2 - rects[i].y1;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;

      g_array_append_val (heights, height);
      /* The text an ellipsis hides shares its box: glyphs drawn are
       * distinct boxes. */
      g_hash_table_add (places, g_strdup_printf ("%.0f,%.0f", rects[i].x1, rects[i].y1));
    }

  g_assert_cmpuint (heights->len, >, 0);
  *n_glyphs = g_hash_table_size (places);

  g_array_sort (heights, compare_doubles);

  return g_array_index (heights, double, heights->len / 2);
}

/* The lines the title takes: the distinct tops of the characters between
 * the library's name and @after, the text that follows the title. */
static guint
count_title_lines (PopplerDocument *document,
                   const char      *after)
{
  g_autoptr(TestPage) page = poppler_document_get_page (document, 0);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  const char *start = strstr (text, LIBRARY_NAME);
  const char *end = strstr (text, after);
  const char *p = text;
  guint n_rects = 0;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  start += strlen (LIBRARY_NAME);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));

  for (guint i = 0; i < n_rects && p < end; i++, p = g_utf8_next_char (p))
    {
      gboolean seen = FALSE;

      if (p < start || g_unichar_isspace (g_utf8_get_char (p)))
        continue;
      for (guint j = 0; j < tops->len; j++)
        seen = seen || fabs (g_array_index (tops, double, j) - rects[i].y1) < 2;
      if (!seen)
        g_array_append_val (tops, rects[i].y1);
    }

  return tops->len;
}

static guint
count_images (PopplerDocument *document)
{
  g_autoptr(TestPage) page = poppler_document_get_page (document, 0);
  GList *mapping = poppler_page_get_image_mapping (page);
  guint n = g_list_length (mapping);

  poppler_page_free_image_mapping (mapping);

  return n;
}

static void
test_flyer_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (add_partner (fixture, TRUE));
  g_autoptr(TestDocument) document = write_flyer (fixture, save_event (fixture, event), FALSE,
                                                     LIA_PAGE_SIZE_LETTER, NULL);
  g_autofree char *text = get_page_text (document);
  g_autofree char *title = poppler_document_get_title (document);

  assert_has_text (text, TITLE);
  assert_has_text (text, "Tuesday 9 December, 6:30 – 8 pm");
  assert_has_text (text, "Riverside Branch");
  assert_has_text (text, "Program Room B");
  assert_has_text (text, "4410 51 Avenue, Riverbend");
  assert_has_text (text, "Adults");
  assert_has_text (text, "Free, supplies included");
  assert_has_text (text, "SCAN TO REGISTER");
  assert_has_url (text, SHORT_URL);
  assert_has_text (text, PARTNER_NAME);
  assert_has_text (text, LIBRARY_NAME);
  assert_has_text (text, "Step-free entrance");
  assert_has_text (text, "For accommodations, contact Programs desk, 780-555-0100");
  assert_has_text (text, "Needles and yarn are provided");
  g_assert_cmpstr (title, ==, TITLE);

  /* The partner's logo is the one image. */
  g_assert_cmpuint (count_images (document), ==, 1);
  assert_inside_margins (document, LIA_PAGE_SIZE_LETTER);
}

static char *
decode_qr (const char *pdf_path,
           const char *dir)
{
  g_autofree char *prefix = g_build_filename (dir, "flyer", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int wait_status = 0;
  const char *render[] = { "pdftoppm", "-r", "200", "-png", "-singlefile", pdf_path, prefix, NULL };
  const char *scan[] = { "zbarimg", "--quiet", "--raw", png, NULL };

  g_spawn_sync (NULL, (char **) render, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  /* zbarimg's D-Bus complaints on stderr are harmless. */
  g_spawn_sync (NULL, (char **) scan, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return g_strstrip (g_steal_pointer (&out));
}

static void
test_flyer_qr (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (add_partner (fixture, TRUE));
  g_autofree char *pdf_path = NULL;
  g_autoptr(TestDocument) document = write_flyer (fixture, save_event (fixture, event), FALSE,
                                                     LIA_PAGE_SIZE_LETTER, &pdf_path);
  g_autofree char *decoded = decode_qr (pdf_path, fixture->dir);

  g_assert_cmpstr (decoded, ==, REGISTRATION_URL);
}

static void
test_flyer_qr_online (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (0);
  g_autofree char *pdf_path = NULL;
  g_autoptr(TestDocument) document = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *text = NULL;

  /* No registration: the code leads to the online event instead. */
  lia_event_set_registration_url (event, NULL);
  lia_event_set_venue_name (event, NULL);
  lia_event_set_venue_room (event, NULL);
  lia_event_set_venue_address (event, NULL);
  lia_event_set_online_url (event, "https://meet.example.org/knit");
  document = write_flyer (fixture, save_event (fixture, event), FALSE, LIA_PAGE_SIZE_A4, &pdf_path);
  text = get_page_text (document);
  decoded = decode_qr (pdf_path, fixture->dir);

  g_assert_cmpstr (decoded, ==, "https://meet.example.org/knit");
  assert_has_text (text, "Online");
  assert_has_text (text, "SCAN TO JOIN ONLINE");
  assert_has_url (text, "meet.example.org/knit");
}

static void
test_flyer_qr_qr_too_long (void)
{
  g_autoptr(GString) url = g_string_new ("https://example.org/");
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_c (url, 'a' + i % 26);

  g_assert_false (lia_qr_draw (cr, url->str, 0, 0, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_true (lia_qr_draw (cr, "https://example.org/", 0, 0, 100, &error));
  g_assert_no_error (error);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_flyer_long_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (add_partner (fixture, FALSE));
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new ("مرحبا بكم في المكتبة. ");
  g_autofree char *text = NULL;
  gint64 id;

  while (g_utf8_strlen (title->str, -1) < 300)
    g_string_append (title, "Intergenerational storytelling ");
  g_string_truncate (title, 300);
  for (guint i = 0; i < 60; i++)
    g_string_append (description, "Café littéraire à la bibliothèque : déjà vu, naïveté, façade. "
                                  "نادي القراءة للعائلات كل أسبوع. ");
  lia_event_set_title (event, title->str);
  lia_event_set_description (event, description->str);
  lia_event_set_accessibility (event, "Ramp at the north door. Élévateur disponible. "
                                      "Quiet room on request. Sign language interpretation with "
                                      "two weeks' notice. Seating for people who need to rest.");
  id = save_event (fixture, event);

  for (int large = 0; large <= 1; large++)
    for (LiaPageSize size = LIA_PAGE_SIZE_LETTER; size <= LIA_PAGE_SIZE_A4; size++)
      {
        g_autoptr(TestDocument) document = write_flyer (fixture, id, large, size, NULL);
        g_autofree char *page_text = get_page_text (document);
        gboolean arabic = FALSE;

        g_test_message ("large print %d, page size %d", large, size);
        assert_inside_margins (document, size);

        /* The title is cut to three lines. (cairo maps the ellipsis to
         * the text it hides, so poppler's text still holds all of it.) */
        g_assert_cmpuint (count_title_lines (document, "Tuesday"), <=, 3);
        assert_has_text (page_text, "Intergenerational storytelling");
        assert_has_text (page_text, "Élévateur disponible");
        /* Large print leaves the description out when the rest fills the
         * page; regular print always shows some of it. */
        if (!large)
          {
            assert_has_text (page_text, "Café littéraire");
            for (const char *p = page_text; *p != '\0'; p = g_utf8_next_char (p))
              arabic = arabic || (g_utf8_get_char (p) >= 0x0600 && g_utf8_get_char (p) <= 0x06FF);
            g_assert_true (arabic);
          }
        /* The foot of the page is still there. */
        assert_has_url (page_text, SHORT_URL);
        assert_has_text (page_text, PARTNER_NAME);

        if (large == 0 && size == LIA_PAGE_SIZE_LETTER)
          text = g_steal_pointer (&page_text);
      }

  g_assert_nonnull (text);
}

/* Pango gives each paragraph at least one line whatever the height: a
 * description of many short paragraphs must still stop at the space it
 * has. */
static void
test_flyer_many_paragraphs (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (add_partner (fixture, TRUE));
  g_autoptr(GString) description = g_string_new (NULL);
  gint64 id;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (description, "Paragraph %u of the program.\n", i);
  lia_event_set_description (event, description->str);
  id = save_event (fixture, event);

  for (int large = 0; large <= 1; large++)
    for (LiaPageSize size = LIA_PAGE_SIZE_LETTER; size <= LIA_PAGE_SIZE_A4; size++)
      {
        g_autoptr(TestDocument) document = write_flyer (fixture, id, large, size, NULL);
        g_autofree char *text = get_page_text (document);

        g_test_message ("large print %d, page size %d", large, size);
        assert_inside_margins (document, size);
        assert_has_text (text, "Paragraph 0 of the program.");
        g_assert_null (strstr (text, "Paragraph 199"));
        assert_has_url (text, SHORT_URL);
      }
}

static void
test_flyer_logo (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LiaEvent) with_logo = make_event (add_partner (fixture, TRUE));
  g_autoptr(LiaEvent) without_logo = make_event (add_partner (fixture, FALSE));
  g_autoptr(TestDocument) document = NULL;
  g_autofree char *text = NULL;

  document = write_flyer (fixture, save_event (fixture, with_logo), FALSE, LIA_PAGE_SIZE_LETTER, NULL);
  g_assert_cmpuint (count_images (document), ==, 1);
  g_clear_object (&document);

  /* No logo: no image, no empty frame; the name is still there. */
  document = write_flyer (fixture, save_event (fixture, without_logo), FALSE, LIA_PAGE_SIZE_LETTER, NULL);
  g_assert_cmpuint (count_images (document), ==, 0);
  text = get_page_text (document);
  assert_has_text (text, PARTNER_NAME);
  assert_has_text (text, "IN PARTNERSHIP WITH");
  assert_inside_margins (document, LIA_PAGE_SIZE_LETTER);
}

static void
test_flyer_broken_logo (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a not a PNG", 16);
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(TestDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, PARTNER_NAME);
  lia_partner_set_logo (partner, not_png);
  lia_store_save_partner (fixture->store, partner, &error);
  g_assert_no_error (error);

  event = make_event (lia_partner_get_id (partner));
  document = write_flyer (fixture, save_event (fixture, event), FALSE, LIA_PAGE_SIZE_LETTER, NULL);
  g_assert_cmpuint (count_images (document), ==, 0);
}

static void
test_flyer_page_sizes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (0);
  gint64 id = save_event (fixture, event);
  const struct { LiaPageSize size; double width; double height; } sizes[] = {
    { LIA_PAGE_SIZE_LETTER, 612, 792 },
    { LIA_PAGE_SIZE_A4, 595.28, 841.89 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(TestDocument) document = write_flyer (fixture, id, FALSE, sizes[i].size, NULL);
      g_autoptr(TestPage) page = poppler_document_get_page (document, 0);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, sizes[i].width, 0.5);
      g_assert_cmpfloat_with_epsilon (height, sizes[i].height, 0.5);
      assert_inside_margins (document, sizes[i].size);
    }
}

static void
test_flyer_large_print (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (add_partner (fixture, TRUE));
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(TestDocument) regular = NULL;
  g_autoptr(TestDocument) large = NULL;
  double regular_height, large_height;
  guint regular_glyphs, large_glyphs;
  gint64 id;

  for (guint i = 0; i < 40; i++)
    g_string_append (description, "Learn to cast on, knit and purl with patient volunteers. ");
  lia_event_set_description (event, description->str);
  id = save_event (fixture, event);

  regular = write_flyer (fixture, id, FALSE, LIA_PAGE_SIZE_LETTER, NULL);
  regular_height = get_median_glyph_height (regular, &regular_glyphs);
  large = write_flyer (fixture, id, TRUE, LIA_PAGE_SIZE_LETTER, NULL);
  large_height = get_median_glyph_height (large, &large_glyphs);

  g_test_message ("regular: %u glyphs, %.1f pt; large: %u glyphs, %.1f pt",
                  regular_glyphs, regular_height, large_glyphs, large_height);
  g_assert_cmpfloat (large_height, >, regular_height * 1.25);
  g_assert_cmpuint (large_glyphs, <, regular_glyphs);
  assert_inside_margins (large, LIA_PAGE_SIZE_LETTER);
}

static void
test_flyer_library_event (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (0);
  g_autoptr(TestDocument) document = NULL;
  g_autofree char *text = NULL;

  lia_event_set_accessibility (event, NULL);
  lia_event_set_contact (event, NULL);
  document = write_flyer (fixture, save_event (fixture, event), FALSE, LIA_PAGE_SIZE_LETTER, NULL);
  text = get_page_text (document);

  assert_has_text (text, LIBRARY_NAME);
  assert_has_text (text, TITLE);
  assert_has_url (text, SHORT_URL);
  g_assert_null (strstr (text, "IN PARTNERSHIP WITH"));
  g_assert_null (strstr (text, "ACCESSIBILITY"));
  g_assert_cmpuint (count_images (document), ==, 0);
  assert_inside_margins (document, LIA_PAGE_SIZE_LETTER);
}

static void
test_flyer_series (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (0);
  g_autoptr(TestDocument) document = NULL;
  g_autofree char *text = NULL;

  /* From 14 October 2025, every 2nd Tuesday: after 1 December, the next
   * is 9 December. */
  lia_event_set_dtstart (event, "2025-10-14T18:30:00");
  lia_event_set_dtend (event, "2025-10-14T20:00:00");
  lia_event_set_rrule (event, "FREQ=MONTHLY;BYDAY=2TU");
  document = write_flyer (fixture, save_event (fixture, event), FALSE, LIA_PAGE_SIZE_LETTER, NULL);
  text = get_page_text (document);

  assert_has_text (text, "Tuesday 9 December, 6:30 – 8 pm");
  assert_has_text (text, "Every 2nd Tuesday of the month");
}

static void
test_flyer_times (Fixture       *fixture,
                  gconstpointer  data)
{
  const struct {
    const char *dtstart;
    const char *dtend;
    gboolean    all_day;
    const char *expected;
  } cases[] = {
    { "2025-12-09", NULL, TRUE, "Tuesday 9 December" },
    { "2025-12-09", "2025-12-11", TRUE, "Tuesday 9 December – Thursday 11 December" },
    { "2025-12-09T10:00:00", "2025-12-09T13:30:00", FALSE, "Tuesday 9 December, 10 am – 1:30 pm" },
    { "2025-12-09T18:00:00", "2025-12-09T20:00:00", FALSE, "Tuesday 9 December, 6 – 8 pm" },
    { "2025-12-09T19:00:00", NULL, FALSE, "Tuesday 9 December, 7 pm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LiaEvent) event = make_event (0);
      g_autoptr(TestDocument) document = NULL;
      g_autofree char *text = NULL;

      lia_event_set_all_day (event, cases[i].all_day);
      lia_event_set_dtstart (event, cases[i].dtstart);
      lia_event_set_dtend (event, cases[i].dtend);
      document = write_flyer (fixture, save_event (fixture, event), FALSE, LIA_PAGE_SIZE_LETTER, NULL);
      text = get_page_text (document);
      assert_has_text (text, cases[i].expected);
      if (cases[i].all_day)
        g_assert_null (strstr (text, " pm"));
    }
}

static void
test_flyer_french (Fixture       *fixture,
                   gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(LiaEvent) event = make_event (0);
      g_autoptr(TestDocument) document = NULL;
      g_autofree char *text = NULL;
      g_autofree char *bin_dir = g_path_get_dirname (g_getenv ("LIAISON_BIN"));
      g_autofree char *locale_dir = g_build_filename (bin_dir, "..", "po", NULL);

      g_setenv ("LANGUAGE", "fr", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "fr_FR.UTF-8"));
      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      document = write_flyer (fixture, save_event (fixture, event), FALSE, LIA_PAGE_SIZE_A4, NULL);
      text = get_page_text (document);
      assert_has_text (text, "mardi 9 décembre, 18 h 30 – 20 h");
      assert_has_text (text, "SCANNER POUR S’INSCRIRE");
      return;
    }

  {
    locale_t french = newlocale (LC_ALL_MASK, "fr_FR.UTF-8", (locale_t) 0);

    if (french == (locale_t) 0)
      {
        g_test_skip ("No French locale here (fr_FR.UTF-8)");
        return;
      }
    freelocale (french);
  }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LiaEvent) event = make_event (add_partner (fixture, TRUE));
  g_autofree char *output = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.pdf", NULL);
  const char *database = lia_database_get_path (fixture->database);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  save_event (fixture, event);

  {
    const char *args[] = { "--database", database, "print", "flyer", "--event", lia_event_get_uid (event),
                           "--large-print", "--paper", "a4", "--output", output, NULL };

    g_autofree char *out = NULL;
    g_autofree char *expected = g_strconcat (output, "\n", NULL);

    g_assert_cmpint (lia_test_run_liaison (args, &out, &err), ==, 0);
    /* The path of what was written, for a script. */
    g_assert_cmpstr (out, ==, expected);
    g_assert_true (g_file_get_contents (output, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  }

  {
    const char *args[] = { "--database", database, "print", "flyer", "--event", "no-such-event@liaison",
                           "--output", missing, NULL };

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (lia_test_run_liaison (args, NULL, &err), ==, 1);
    g_assert_true (g_str_has_prefix (err, "liaison: "));
    g_assert_nonnull (strstr (err, "no-such-event@liaison"));
    /* One line. */
    g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  {
    const char *args[] = { "--database", database, "print", "flyer", "--event", "x", "--paper", "legal",
                           "--output", missing, NULL };

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (lia_test_run_liaison (args, NULL, &err), ==, 2);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/print-flyer/text", test_flyer_text);
  ADD ("/print-flyer/qr", test_flyer_qr);
  ADD ("/print-flyer/qr-online", test_flyer_qr_online);
  g_test_add_func ("/print-flyer/qr-too-long", test_flyer_qr_qr_too_long);
  ADD ("/print-flyer/long-text", test_flyer_long_text);
  ADD ("/print-flyer/many-paragraphs", test_flyer_many_paragraphs);
  ADD ("/print-flyer/logo", test_flyer_logo);
  ADD ("/print-flyer/broken-logo", test_flyer_broken_logo);
  ADD ("/print-flyer/page-sizes", test_flyer_page_sizes);
  ADD ("/print-flyer/large-print", test_flyer_large_print);
  ADD ("/print-flyer/library-event", test_flyer_library_event);
  ADD ("/print-flyer/series", test_flyer_series);
  ADD ("/print-flyer/times", test_flyer_times);
  ADD ("/print-flyer/french", test_flyer_french);
  ADD ("/print-flyer/command-line", test_command_line);
#undef ADD

  return g_test_run ();
}
