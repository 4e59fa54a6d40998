/* test-print-sheets.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bulletin, the directory and the update sheet, each written to a PDF
 * and read back with poppler-glib: what they say, what they leave out, in
 * which order and on how many pages, and that nothing is drawn in the
 * margins, on Letter and A4.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "lia-contact.h"
#include "lia-database.h"
#include "lia-partner.h"
#include "lia-print-documents.h"
#include "lia-sample-data.h"
#include "lia-store.h"
#include "lia-test-png.h"
#include "lia-test-util.h"

/* poppler-glib 22 (Debian 12) declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define TZID "America/Edmonton"
#define LIBRARY "Riverside Library"
#define SECRET_NOTE "Secret note: the director is leaving"
#define OWNER_NAME "Ophelia Ownerstaff"
#define CONTACT_EMAIL "private.person@example.org"
#define ARABIC_TITLE "أمسية شعرية"

typedef struct
{
  char        *dir;
  LiaDatabase *database;
  LiaStore    *store;
  gint64       alpha_id;
  gint64       beta_id;
} Fixture;

static const LiaPrintContext print_context = {
  .library_name = LIBRARY,
  .time_zone = TZID,
};

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = lia_test_make_temp_dir ("print-sheets");
  path = g_build_filename (fixture->dir, "liaison.db", NULL);
  fixture->database = lia_database_open (path, LIA_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->store = lia_store_new (fixture->database);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->database);
  lia_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gint64
add_partner (Fixture          *fixture,
             const char       *name,
             LiaPartnerKind    kind,
             LiaPartnerStatus  status,
             LiaPromotionTier  tier)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GError) error = NULL;

  lia_partner_set_name (partner, name);
  lia_partner_set_kind (partner, kind);
  lia_partner_set_status (partner, status);
  lia_partner_set_promotion_tier (partner, tier);
  lia_partner_set_description (partner, "A community partner.");
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);

  return lia_partner_get_id (partner);
}

static LiaEvent *
new_event (const char     *title,
           const char     *dtstart,
           const char     *dtend,
           LiaEventStatus  status)
{
  LiaEvent *event = lia_event_new ();

  lia_event_set_title (event, title);
  lia_event_set_dtstart (event, dtstart);
  lia_event_set_dtend (event, dtend);
  lia_event_set_tzid (event, TZID);
  lia_event_set_status (event, status);
  lia_event_set_promote (event, TRUE);
  lia_event_set_channels (event, LIA_CHANNEL_WEBSITE | LIA_CHANNEL_PRINT_BULLETIN);
  lia_event_set_venue_name (event, "Main branch");
  lia_event_set_venue_room (event, "Room B");
  lia_event_set_cost (event, "Free");
  lia_event_set_summary (event, "Songs, rhymes and stories for the whole family, with a craft to take home.");

  return event;
}

static void
save_event (Fixture  *fixture,
            LiaEvent *event)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_save_event (fixture->store, event, &error));
  g_assert_no_error (error);
}

/* Writes @document to a PDF and opens it. */
static PopplerDocument *
render (Fixture     *fixture,
        LiaDocument *document,
        LiaPageSize  size,
        const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *uri = NULL;
  LiaPageSetup setup;
  PopplerDocument *pdf;

  lia_page_setup_init (&setup, size);
  g_assert_true (lia_document_write_pdf (document, &setup, path, &error));
  g_assert_no_error (error);
  /* To look at them: LIAISON_TEST_KEEP_PDF=<directory>. */
  if (g_getenv ("LIAISON_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *contents = NULL;
      g_autofree char *kept = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      kept = g_build_filename (g_getenv ("LIAISON_TEST_KEEP_PDF"), name, NULL);
      g_assert_true (g_file_set_contents (kept, contents, length, &error));
      g_assert_no_error (error);
    }
  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  return pdf;
}

static char *
get_all_text (PopplerDocument *pdf)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }

  /* Lines wrapped where the page was narrow read as one. */
  for (guint i = 0; i < text->len; i++)
    if (text->str[i] == '\n')
      text->str[i] = ' ';

  return g_string_free (text, FALSE);
}

/* @text says each of @present and none of @absent (NULL-terminated). */
static void
assert_text (const char         *text,
             const char * const *present,
             const char * const *absent)
{
  for (guint i = 0; present[i] != NULL; i++)
    if (strstr (text, present[i]) == NULL)
      g_error ("“%s” is missing", present[i]);
  for (guint i = 0; absent[i] != NULL; i++)
    if (strstr (text, absent[i]) != NULL)
      g_error ("“%s” should not be there", absent[i]);
}

/* Every character on every page lies inside @size's margins. */
static void
assert_inside_margins (PopplerDocument *pdf,
                       LiaPageSize      size)
{
  LiaPageSetup setup;

  lia_page_setup_init (&setup, size);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree PopplerRectangle *boxes = NULL;
      guint n_boxes = 0;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, setup.width, 0.5);
      g_assert_cmpfloat_with_epsilon (height, setup.height, 0.5);
      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      g_assert_cmpuint (n_boxes, >, 0);
      for (guint k = 0; k < n_boxes; k++)
        {
          g_assert_cmpfloat (boxes[k].x1, >=, setup.margin_left - 0.5);
          g_assert_cmpfloat (boxes[k].x2, <=, width - setup.margin_right + 0.5);
          g_assert_cmpfloat (boxes[k].y1, >=, setup.margin_top - 0.5);
          g_assert_cmpfloat (boxes[k].y2, <=, height - setup.margin_bottom + 0.5);
        }
    }
}

/* @text without spaces and direction marks: poppler reads Arabic back with
 * embedding marks around it and spaces between some of its letters, and a
 * web address may wrap at a slash. */
static char *
strip_spaces (const char *text)
{
  GString *stripped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !(c >= 0x200E && c <= 0x202E))
        g_string_append_unichar (stripped, c);
    }

  return g_string_free (stripped, FALSE);
}

static void
assert_has_unspaced (const char *text,
                   const char *arabic)
{
  g_autofree char *stripped_text = strip_spaces (text);
  g_autofree char *stripped_arabic = strip_spaces (arabic);

  g_autofree char *reversed = g_utf8_strreverse (stripped_arabic, -1);

  /* poppler_page_get_text() gives right-to-left text in the order it is
   * drawn, pdftotext in the order it is read: either will do. */
  g_assert_true (strstr (stripped_text, stripped_arabic) != NULL || strstr (stripped_text, reversed) != NULL);
}

static LiaDocument *
new_bulletin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) month = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  LiaDocument *bulletin = lia_bulletin_new (fixture->store, month, &print_context, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bulletin);

  return bulletin;
}

/* A few events in December, and some that the bulletin leaves out. */
static void
add_bulletin_events (Fixture *fixture)
{
  g_autoptr(LiaEvent) story = NULL;
  g_autoptr(LiaEvent) arabic = NULL;
  g_autoptr(LiaEvent) cancelled = NULL;
  g_autoptr(LiaEvent) draft = NULL;
  g_autoptr(LiaEvent) unpromoted = NULL;
  g_autoptr(LiaEvent) website_only = NULL;
  g_autoptr(LiaEvent) november = NULL;

  fixture->alpha_id = add_partner (fixture, "Alpha Literacy Society", LIA_PARTNER_KIND_NONPROFIT,
                                   LIA_PARTNER_STATUS_ACTIVE, LIA_PROMOTION_TIER_STANDARD);
  story = new_event ("Café des aînés & <friends>", "2026-12-08T10:30:00", "2026-12-08T11:30:00",
                     LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_partner_id (story, fixture->alpha_id);
  lia_event_set_registration_url (story, "https://library.example.org/register/cafe");
  save_event (fixture, story);
  arabic = new_event (ARABIC_TITLE, "2026-12-09T18:00:00", "2026-12-09T19:30:00", LIA_EVENT_STATUS_CONFIRMED);
  save_event (fixture, arabic);
  cancelled = new_event ("Chess night", "2026-12-09T19:00:00", "2026-12-09T21:00:00",
                         LIA_EVENT_STATUS_CANCELLED);
  save_event (fixture, cancelled);
  draft = new_event ("Draft planning", "2026-12-10T10:00:00", "2026-12-10T11:00:00", LIA_EVENT_STATUS_DRAFT);
  save_event (fixture, draft);
  unpromoted = new_event ("Staff meeting", "2026-12-10T12:00:00", "2026-12-10T13:00:00",
                          LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_promote (unpromoted, FALSE);
  save_event (fixture, unpromoted);
  website_only = new_event ("Online only", "2026-12-11T12:00:00", "2026-12-11T13:00:00",
                            LIA_EVENT_STATUS_CONFIRMED);
  lia_event_set_channels (website_only, LIA_CHANNEL_WEBSITE);
  save_event (fixture, website_only);
  november = new_event ("Autumn fair", "2026-11-30T10:00:00", "2026-11-30T12:00:00", LIA_EVENT_STATUS_CONFIRMED);
  save_event (fixture, november);
}

static const char * const bulletin_present[] = {
  "December 2026 — Community Events", LIBRARY, "Page 1 of 1",
  "Tuesday 8 December", "Wednesday 9 December",
  "Café des aînés & <friends>", "10:30 am – 11:30 am", "With Alpha Literacy Society",
  "Main branch, Room B", "Free · Registration required",
  "Chess night", "Cancelled",
  NULL
};

/* Drafts, events not promoted or not on the bulletin's channel, another
 * month's, and a day with none of its own. */
static const char * const bulletin_absent[] = {
  "Draft planning", "Staff meeting", "Online only", "Autumn fair", "Thursday 10 December", NULL
};

static void
test_bulletin_content (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LiaDocument) bulletin = NULL;
  LiaPageSize sizes[] = { LIA_PAGE_SIZE_LETTER, LIA_PAGE_SIZE_A4 };

  add_bulletin_events (fixture);
  bulletin = new_bulletin (fixture);
  g_assert_cmpstr (lia_document_get_title (bulletin), ==, "December 2026 — Community Events");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(PopplerDocument) pdf = render (fixture, bulletin, sizes[i], "bulletin.pdf");
      g_autofree char *text = get_all_text (pdf);

      g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
      assert_text (text, bulletin_present, bulletin_absent);
      assert_has_unspaced (text, ARABIC_TITLE);
      /* The cancelled event is there, marked. */
      g_assert_true (strstr (text, "Cancelled") < strstr (text, "Chess night"));
      assert_inside_margins (pdf, sizes[i]);
    }
}

/* @n events in December 2026, in order of their titles ("Event 007"),
 * some with a long title or a long summary. */
static void
add_many_events (Fixture *fixture,
                 guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      guint day = 1 + i * 31 / n;
      guint first = (day - 1) * n / 31 + ((day - 1) * n % 31 != 0);
      guint slot = i - first;
      g_autofree char *title = g_strdup_printf (i % 7 == 3 ? "Event %03u: a workshop with a rather long "
                                                "title that has to wrap over more than one line"
                                                : "Event %03u", i);
      g_autofree char *start = g_strdup_printf ("2026-12-%02uT%02u:%02u:00", day, 8 + slot / 2, slot % 2 * 30);
      g_autofree char *end = g_strdup_printf ("2026-12-%02uT%02u:%02u:00", day, 9 + slot / 2, slot % 2 * 30);
      g_autoptr(LiaEvent) event = new_event (title, start, end, LIA_EVENT_STATUS_CONFIRMED);

      if (i % 5 == 2)
        lia_event_set_summary (event, "A long summary. Bring a friend, a notebook and your questions; "
                               "the speaker will stay after the talk to answer them, and there will be "
                               "tea and biscuits, and a table of books to borrow, and a sign-up sheet "
                               "for the next session, which is full every month.");
      save_event (fixture, event);
    }
}

typedef struct
{
  gunichar c;
  double   x;
  double   x2;
  double   y;
} Glyph;

static int
compare_glyphs (gconstpointer a,
                gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;

  /* Line by line (a line's glyphs share their baseline within a point),
   * then left to right. */
  if (ga->y < gb->y - 1 || ga->y > gb->y + 1)
    return ga->y < gb->y ? -1 : 1;

  return (ga->x > gb->x) - (ga->x < gb->x);
}

/* The text of the left (@column 0) or right half of @page, top to bottom:
 * the characters whose boxes (one for each of poppler_page_get_text()'s)
 * are there, in the order they are on the page rather than the order
 * poppler guesses. */
static char *
get_column_text (PopplerPage *page,
                 int          column,
                 double       middle)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GString *column_text = g_string_new (NULL);
  guint n_boxes = 0;
  guint k = 0;

  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  g_assert_cmpuint (n_boxes, ==, g_utf8_strlen (text, -1));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), k++)
    {
      Glyph glyph = { g_utf8_get_char (p), boxes[k].x1, boxes[k].x2, boxes[k].y2 };

      if (!g_unichar_isspace (glyph.c) && (column == 0) == ((boxes[k].x1 + boxes[k].x2) / 2 < middle))
        g_array_append_val (glyphs, glyph);
    }
  g_array_sort (glyphs, compare_glyphs);
  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *glyph = &g_array_index (glyphs, Glyph, i);

      /* A space between words, wherever there is a gap. */
      if (i > 0 && (ABS (glyph->y - (glyph - 1)->y) > 1 || glyph->x - (glyph - 1)->x2 > 1.5))
        g_string_append_c (column_text, ' ');
      g_string_append_unichar (column_text, glyph->c);
    }

  return g_string_free (column_text, FALSE);
}

/* The events ("Event 012") in the order they are read, column by column,
 * page by page; each page's "Page k of N" checked. */
static GArray *
read_event_numbers (PopplerDocument *pdf)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  int n_pages = poppler_document_get_n_pages (pdf);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *all = poppler_page_get_text (page);
      g_autofree char *page_number = g_strdup_printf ("Page %d of %d", i + 1, n_pages);
      double width, height;

      g_assert_nonnull (strstr (all, page_number));
      g_assert_nonnull (strstr (all, "December 2026 — Community Events"));
      poppler_page_get_size (page, &width, &height);
      for (int column = 0; column < 2; column++)
        {
          g_autofree char *text = get_column_text (page, column, width / 2);

          for (const char *p = text; (p = strstr (p, "Event ")) != NULL; p += strlen ("Event "))
            {
              guint number;

              if (sscanf (p, "Event %3u", &number) == 1)
                g_array_append_val (numbers, number);
            }
        }
    }

  return numbers;
}

static void
test_bulletin_pages (Fixture       *fixture,
                     gconstpointer  data)
{
  const guint counts[] = { 5, 50, 300 };
  /* The pages each takes on Letter, as observed: a change in the layout
   * that changes them is one to look at. */
  const int letter_pages[] = { 1, 5, 26 };
  int previous = 0;
  guint added = 0;

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(LiaDocument) bulletin = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerDocument) a4 = NULL;
      g_autoptr(GArray) numbers = NULL;
      g_autoptr(LiaEvent) event = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) events = NULL;

      /* Start again from an empty calendar for each count. */
      events = lia_store_list_events (fixture->store, 0, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < events->len; i++)
        {
          g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_EVENT,
                                          lia_event_get_id (g_ptr_array_index (events, i)), &error));
          g_assert_no_error (error);
        }
      add_many_events (fixture, counts[c]);
      added = counts[c];

      bulletin = new_bulletin (fixture);
      pdf = render (fixture, bulletin, LIA_PAGE_SIZE_LETTER, "bulletin.pdf");
      g_test_message ("%u events: %d pages", counts[c], poppler_document_get_n_pages (pdf));
      g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, letter_pages[c]);
      g_assert_cmpint (poppler_document_get_n_pages (pdf), >, previous);
      previous = poppler_document_get_n_pages (pdf);

      /* Every event once, in order of day and time, across the columns
       * and pages. */
      numbers = read_event_numbers (pdf);
      g_assert_cmpuint (numbers->len, ==, added);
      for (guint i = 0; i < numbers->len; i++)
        g_assert_cmpuint (g_array_index (numbers, guint, i), ==, i);
      assert_inside_margins (pdf, LIA_PAGE_SIZE_LETTER);

      a4 = render (fixture, bulletin, LIA_PAGE_SIZE_A4, "bulletin-a4.pdf");
      g_clear_pointer (&numbers, g_array_unref);
      numbers = read_event_numbers (a4);
      g_assert_cmpuint (numbers->len, ==, added);
      for (guint i = 0; i < numbers->len; i++)
        g_assert_cmpuint (g_array_index (numbers, guint, i), ==, i);
      assert_inside_margins (a4, LIA_PAGE_SIZE_A4);
    }
}

static const char * const french_present[] = {
  "décembre 2026 — Activités communautaires", "mardi 8 décembre", "10 h 30 – 11 h 30",
  "Avec Alpha Literacy Society", "Inscription obligatoire", "Annulé", "Page 1 sur 1",
  NULL
};

/* In French: the days, the month, the times and the labels, from
 * po/fr.po as built. */
static void
test_bulletin_french (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *saved = setlocale (LC_ALL, NULL);
  g_autofree char *previous = g_strdup (saved);

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No fr_FR.UTF-8 locale here");
      return;
    }
  setlocale (LC_ALL, previous);

  if (g_test_subprocess ())
    {
      g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autoptr(LiaDocument) bulletin = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autofree char *text = NULL;

      g_setenv ("LANGUAGE", "fr", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "fr_FR.UTF-8"));
      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      add_bulletin_events (fixture);
      bulletin = new_bulletin (fixture);
      pdf = render (fixture, bulletin, LIA_PAGE_SIZE_A4, "bulletin-fr.pdf");
      text = get_all_text (pdf);
      assert_text (text, french_present, (const char *[]) { "December", "Cancelled", NULL });
      assert_inside_margins (pdf, LIA_PAGE_SIZE_A4);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_bulletin_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LiaDocument) bulletin = new_bulletin (fixture);
  g_autoptr(PopplerDocument) pdf = render (fixture, bulletin, LIA_PAGE_SIZE_LETTER, "empty.pdf");
  g_autofree char *text = get_all_text (pdf);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  g_assert_nonnull (strstr (text, "No events are listed in the bulletin this month."));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

static void
add_directory_partners (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPartner) alpha = NULL;
  g_autoptr(LiaContact) contact = NULL;
  gint64 trashed;

  fixture->alpha_id = add_partner (fixture, "Alpha Literacy Society", LIA_PARTNER_KIND_NONPROFIT,
                                   LIA_PARTNER_STATUS_ACTIVE, LIA_PROMOTION_TIER_STANDARD);
  alpha = lia_store_get_partner (fixture->store, fixture->alpha_id, &error);
  g_assert_no_error (error);
  lia_partner_set_notes (alpha, SECRET_NOTE);
  lia_partner_set_owner (alpha, OWNER_NAME);
  lia_partner_set_services (alpha, "Tutoring|English conversation");
  lia_partner_set_email (alpha, "info@alpha.example.org");
  lia_partner_set_phone (alpha, "780-555-0100");
  lia_partner_set_website (alpha, "https://alpha.example.org");
  lia_partner_set_address (alpha, "12 Rue des Érables, Edmonton");
  g_assert_true (lia_store_save_partner (fixture->store, alpha, &error));
  g_assert_no_error (error);

  contact = lia_contact_new ();
  lia_contact_set_partner_id (contact, fixture->alpha_id);
  lia_contact_set_name (contact, "Private Person");
  lia_contact_set_role (contact, "Coordinator");
  lia_contact_set_email (contact, CONTACT_EMAIL);
  g_assert_true (lia_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);

  fixture->beta_id = add_partner (fixture, "Beta Chess Club", LIA_PARTNER_KIND_CLUB,
                                  LIA_PARTNER_STATUS_ACTIVE, LIA_PROMOTION_TIER_FEATURED);
  add_partner (fixture, "جمعية الجالية العربية", LIA_PARTNER_KIND_NONPROFIT, LIA_PARTNER_STATUS_ACTIVE,
               LIA_PROMOTION_TIER_LISTED_ONLY);
  add_partner (fixture, "Charlie Prospect", LIA_PARTNER_KIND_CLUB, LIA_PARTNER_STATUS_PROSPECT,
               LIA_PROMOTION_TIER_FEATURED);
  add_partner (fixture, "Delta Not Promoted", LIA_PARTNER_KIND_CLUB, LIA_PARTNER_STATUS_ACTIVE,
               LIA_PROMOTION_TIER_NOT_PROMOTED);
  trashed = add_partner (fixture, "Echo Trashed", LIA_PARTNER_KIND_HEALTH, LIA_PARTNER_STATUS_ACTIVE,
                         LIA_PROMOTION_TIER_STANDARD);
  g_assert_true (lia_store_trash (fixture->store, LIA_RECORD_PARTNER, trashed, &error));
  g_assert_no_error (error);
}

/* Grouped by kind, with the kinds' labels; the public details. */
static const char * const directory_present[] = {
  "Community Resource Directory", LIBRARY, "Page 1 of 1", "Nonprofit", "Club",
  "Alpha Literacy Society", "Beta Chess Club", "Tutoring · English conversation",
  "780-555-0100", "info@alpha.example.org", "https://alpha.example.org",
  "12 Rue des Érables, Edmonton",
  NULL
};

/* Only promoted, active partners out of the trash; never what the library
 * keeps for itself. */
static const char * const directory_absent[] = {
  "Charlie Prospect", "Delta Not Promoted", "Echo Trashed",
  SECRET_NOTE, OWNER_NAME, CONTACT_EMAIL, "Private Person",
  NULL
};

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDocument) directory = NULL;
  LiaPageSize sizes[] = { LIA_PAGE_SIZE_LETTER, LIA_PAGE_SIZE_A4 };

  add_directory_partners (fixture);
  directory = lia_directory_sheet_new (fixture->store, &print_context, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(PopplerDocument) pdf = render (fixture, directory, sizes[i], "directory.pdf");
      g_autofree char *text = get_all_text (pdf);

      assert_text (text, directory_present, directory_absent);
      assert_has_unspaced (text, "جمعية الجالية العربية");
      assert_inside_margins (pdf, sizes[i]);
    }
}

/* Enough partners, one with a very long description, to take pages: each
 * once, none cut off. */
static void
test_directory_long (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDocument) directory = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(LiaPartner) long_one = NULL;
  gint64 long_id;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %02u", i);

      add_partner (fixture, name, i % 3, LIA_PARTNER_STATUS_ACTIVE, LIA_PROMOTION_TIER_STANDARD);
    }
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (description, "Sentence %u of a very long description. ", i);
  g_string_append (description, "The last words.");
  long_id = add_partner (fixture, "A Very Long Description", LIA_PARTNER_KIND_NONPROFIT,
                         LIA_PARTNER_STATUS_ACTIVE, LIA_PROMOTION_TIER_STANDARD);
  long_one = lia_store_get_partner (fixture->store, long_id, &error);
  g_assert_no_error (error);
  lia_partner_set_description (long_one, description->str);
  g_assert_true (lia_store_save_partner (fixture->store, long_one, &error));
  g_assert_no_error (error);

  directory = lia_directory_sheet_new (fixture->store, &print_context, &error);
  g_assert_no_error (error);
  pdf = render (fixture, directory, LIA_PAGE_SIZE_LETTER, "directory-long.pdf");
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >, 1);
  text = get_all_text (pdf);
  g_assert_nonnull (strstr (text, "The last words."));
  g_assert_nonnull (strstr (text, "Nonprofit (continued)"));
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %02u", i);
      const char *found = strstr (text, name);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, name));
    }
  assert_inside_margins (pdf, LIA_PAGE_SIZE_LETTER);
}

/* What is on file, the partner's own people among it (the library's notes
 * and owner are not). */
static const char * const update_present[] = {
  "Please check your information", "return this sheet to " LIBRARY, "Page 1 of ",
  "Alpha Literacy Society", "Tutoring", "English conversation", "12 Rue des Érables, Edmonton",
  "780-555-0100", "info@alpha.example.org", "Private Person", CONTACT_EMAIL,
  NULL
};

static void
test_update_sheet (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LiaPageSize sizes[] = { LIA_PAGE_SIZE_LETTER, LIA_PAGE_SIZE_A4 };
  g_autoptr(LiaDocument) sheet = NULL;
  g_autoptr(LiaDocument) bare_sheet = NULL;

  add_directory_partners (fixture);
  /* Alpha has no logo: the sheet closes up around it. */
  sheet = lia_update_sheet_new (fixture->store, fixture->alpha_id, &print_context, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(PopplerDocument) pdf = render (fixture, sheet, sizes[i], "update.pdf");
      g_autofree char *text = get_all_text (pdf);

      /* A sheet and its back at most. */
      g_assert_cmpint (poppler_document_get_n_pages (pdf), <=, 2);
      assert_text (text, update_present, (const char *[]) { SECRET_NOTE, OWNER_NAME, NULL });
      assert_inside_margins (pdf, sizes[i]);
    }

  /* A partner with nothing but a name on file. */
  bare_sheet = lia_update_sheet_new (fixture->store, fixture->beta_id, &print_context, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PopplerDocument) pdf = render (fixture, bare_sheet, LIA_PAGE_SIZE_LETTER, "bare.pdf");
    g_autofree char *text = get_all_text (pdf);

    g_assert_nonnull (strstr (text, "Beta Chess Club"));
    g_assert_nonnull (strstr (text, "Not on file"));
    assert_inside_margins (pdf, LIA_PAGE_SIZE_LETTER);
  }

  g_clear_object (&bare_sheet);
  g_assert_null (lia_update_sheet_new (fixture->store, 9999, &print_context, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
}

static guint
count_images (PopplerDocument *pdf,
              LiaPageSize      size)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);
  GList *images = poppler_page_get_image_mapping (page);
  guint n = g_list_length (images);
  LiaPageSetup setup;

  lia_page_setup_init (&setup, size);
  for (GList *l = images; l != NULL; l = l->next)
    {
      PopplerImageMapping *mapping = l->data;

      /* Inside the margins, at most 110 x 60 points. */
      g_assert_cmpfloat (mapping->area.x1, >=, setup.margin_left - 0.5);
      g_assert_cmpfloat (mapping->area.x2, <=, setup.width - setup.margin_right + 0.5);
      g_assert_cmpfloat (mapping->area.y1, >=, setup.margin_top - 0.5);
      g_assert_cmpfloat (mapping->area.x2 - mapping->area.x1, <=, 110.5);
      g_assert_cmpfloat (mapping->area.y2 - mapping->area.y1, <=, 60.5);
    }
  poppler_page_free_image_mapping (images);

  return n;
}

/* The logo on file is on the sheet, beside the introduction; without one
 * (and with one that is not a PNG) there is none, and no hole. */
static void
test_update_sheet_logo (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = lia_test_make_logo_png (200, 100);
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a", 6);
  g_autoptr(LiaPartner) partner = NULL;
  LiaPageSize sizes[] = { LIA_PAGE_SIZE_LETTER, LIA_PAGE_SIZE_A4 };

  add_directory_partners (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(LiaDocument) sheet = lia_update_sheet_new (fixture->store, fixture->alpha_id,
                                                           &print_context, &error);
      g_autoptr(PopplerDocument) pdf = NULL;

      g_assert_no_error (error);
      pdf = render (fixture, sheet, sizes[i], "no-logo.pdf");
      g_assert_cmpuint (count_images (pdf, sizes[i]), ==, 0);
    }

  partner = lia_store_get_partner (fixture->store, fixture->alpha_id, &error);
  g_assert_no_error (error);
  lia_partner_set_logo (partner, logo);
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(LiaDocument) sheet = lia_update_sheet_new (fixture->store, fixture->alpha_id,
                                                           &print_context, &error);
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      pdf = render (fixture, sheet, sizes[i], "logo.pdf");
      g_assert_cmpuint (count_images (pdf, sizes[i]), ==, 1);
      text = get_all_text (pdf);
      assert_text (text, update_present, (const char *[]) { SECRET_NOTE, OWNER_NAME, NULL });
      assert_inside_margins (pdf, sizes[i]);
    }

  lia_partner_set_logo (partner, not_png);
  g_assert_true (lia_store_save_partner (fixture->store, partner, &error));
  g_assert_no_error (error);
  {
    g_autoptr(LiaDocument) sheet = lia_update_sheet_new (fixture->store, fixture->alpha_id,
                                                         &print_context, &error);
    g_autoptr(PopplerDocument) pdf = NULL;

    g_assert_no_error (error);
    pdf = render (fixture, sheet, LIA_PAGE_SIZE_LETTER, "bad-logo.pdf");
    g_assert_cmpuint (count_images (pdf, LIA_PAGE_SIZE_LETTER), ==, 0);
  }
}

/* The sample community's December and directory, as the screenshots show
 * them: every page inside the margins, on Letter and A4 (and the last
 * page's columns balanced without looping). */
static void
test_sample_community (Fixture       *fixture,
                       gconstpointer  data)
{
  LiaSampleDataOptions options;
  g_autoptr(GError) error = NULL;
  LiaPageSize sizes[] = { LIA_PAGE_SIZE_LETTER, LIA_PAGE_SIZE_A4 };
  g_autoptr(LiaDocument) bulletin = NULL;
  g_autoptr(LiaDocument) directory = NULL;

  lia_sample_data_options_init (&options);
  options.events = 940;
  g_date_set_dmy (&options.today, 20, G_DATE_NOVEMBER, 2026);
  g_assert_true (lia_sample_data_fill (fixture->database, &options, NULL, &error));
  g_assert_no_error (error);

  bulletin = new_bulletin (fixture);
  directory = lia_directory_sheet_new (fixture->store, &print_context, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(PopplerDocument) bulletin_pdf = render (fixture, bulletin, sizes[i], "sample-bulletin.pdf");
      g_autoptr(PopplerDocument) directory_pdf = render (fixture, directory, sizes[i], "sample-directory.pdf");

      g_assert_cmpint (poppler_document_get_n_pages (bulletin_pdf), >, 1);
      g_assert_cmpint (poppler_document_get_n_pages (directory_pdf), >, 1);
      assert_inside_margins (bulletin_pdf, sizes[i]);
      assert_inside_margins (directory_pdf, sizes[i]);
    }
}

/* `liaison print bulletin|directory|update-sheet`: a PDF of the document,
 * its path on standard output; a bad month or an unknown partner writes
 * nothing. */
static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *database = lia_database_get_path (fixture->database);
  g_autofree char *bulletin = g_build_filename (fixture->dir, "bulletin.pdf", NULL);
  g_autofree char *directory = g_build_filename (fixture->dir, "directory.pdf", NULL);
  g_autofree char *sheet = g_build_filename (fixture->dir, "sheet.pdf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.pdf", NULL);
  struct {
    const char *args[12];
    const char *output;
    const char *expected_text;
  } good[] = {
    { { "--database", database, "print", "bulletin", "--month", "2026-12", "--paper", "a4", "--output", bulletin, NULL },
      bulletin, "Chess night" },
    { { "--database", database, "print", "directory", "--output", directory, NULL },
      directory, "Alpha Literacy Society" },
    { { "--database", database, "print", "update-sheet", "--partner", "alpha literacy society", "--output", sheet, NULL },
      sheet, "Alpha Literacy Society" },
  };
  struct {
    const char *args[10];
    int         status;
    const char *message;
  } bad[] = {
    { { "--database", database, "print", "bulletin", "--month", "2026-13", "--output", missing, NULL }, 2, "2026-13" },
    { { "--database", database, "print", "bulletin", "--output", missing, NULL }, 2, "--month" },
    { { "--database", database, "print", "update-sheet", "--partner", "Nobody", "--output", missing, NULL }, 1, "Nobody" },
    { { "--database", database, "print", "poster", "--output", missing, NULL }, 2, "poster" },
  };

  add_bulletin_events (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *expected = g_strconcat (good[i].output, "\n", NULL);
      g_autofree char *uri = g_filename_to_uri (good[i].output, NULL, NULL);
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autofree char *text = NULL;

      g_assert_cmpint (lia_test_run_liaison (good[i].args, &out, &err), ==, 0);
      g_assert_cmpstr (out, ==, expected);
      pdf = poppler_document_new_from_file (uri, NULL, NULL);
      g_assert_nonnull (pdf);
      text = get_all_text (pdf);
      g_assert_nonnull (strstr (text, good[i].expected_text));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (lia_test_run_liaison (bad[i].args, NULL, &err), ==, bad[i].status);
      g_assert_true (g_str_has_prefix (err, "liaison: "));
      g_assert_nonnull (strstr (err, bad[i].message));
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/print-sheets/bulletin/content", test_bulletin_content);
  ADD ("/print-sheets/bulletin/pages", test_bulletin_pages);
  ADD ("/print-sheets/bulletin/french", test_bulletin_french);
  ADD ("/print-sheets/bulletin/empty", test_bulletin_empty);
  ADD ("/print-sheets/directory/content", test_directory);
  ADD ("/print-sheets/directory/long", test_directory_long);
  ADD ("/print-sheets/update-sheet", test_update_sheet);
  ADD ("/print-sheets/update-sheet-logo", test_update_sheet_logo);
  ADD ("/print-sheets/sample-community", test_sample_community);
  ADD ("/print-sheets/command-line", test_command_line);
#undef ADD

  return g_test_run ();
}
