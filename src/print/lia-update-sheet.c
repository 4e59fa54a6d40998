/* lia-update-sheet.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The update sheet of one partner: what the library has on file, item by
 * item, each with ruled lines beside it to write corrections on, and what
 * to do with the sheet.
 */

#define G_LOG_DOMAIN "lia-update-sheet"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-contact.h"
#include "lia-partner.h"
#include "lia-print-documents.h"
#include "lia-sheet-flow.h"
#include "lia-print-private.h"

#define INTRO_FONT "Cantarell, Sans 10"
#define VALUE_FONT "Cantarell, Sans 10"
/* What is on file takes the left of the line, the lines to correct it the
 * right. */
#define VALUE_SHARE 0.52
#define GAP 14.0
/* The partner's logo, top right, at most this big. */
#define LOGO_WIDTH 110.0
#define LOGO_HEIGHT 60.0

#define LIA_TYPE_UPDATE_SHEET (lia_update_sheet_get_type ())
G_DECLARE_FINAL_TYPE (LiaUpdateSheet, lia_update_sheet, LIA, UPDATE_SHEET, LiaDocument)

struct _LiaUpdateSheet
{
  LiaDocument   parent_instance;

  LiaSheetFrame frame;

  /* Owned */
  LiaPartner   *partner;
  cairo_surface_t *logo;       /* NULL: none, or not a PNG */
  GPtrArray    *contacts;      /* LiaContact, current ones */

  double        logo_scale;    /* 0: not drawn */
};

G_DEFINE_FINAL_TYPE (LiaUpdateSheet, lia_update_sheet, LIA_TYPE_DOCUMENT)

/* What is not on file is NULL, whether the record has NULL or "". */
#define NULL_IF_EMPTY(text) (has_text (text) ? (text) : NULL)

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}


/* @label over @markup (escaped; "Not on file" when NULL) on the left, and
 * ruled lines right; @markup "": nothing on file to show, lines the whole
 * width under the label. */
static void
add_field_markup (LiaUpdateSheet *self,
                  const char     *label,
                  const char     *markup,
                  guint           min_rules,
                  double          width)
{
  gboolean blank = markup != NULL && *markup == '\0';
  g_autofree char *escaped_label = g_markup_escape_text (label, -1);
  g_autofree char *text = NULL;
  LiaSheetBlock block = {
    .space_before = 8,
    .section = -1,
    /* A long description is cut between lines, its rules beside each part. */
    .splittable = TRUE,
  };

  if (markup == NULL)
    text = g_strdup_printf ("<span weight=\"bold\" size=\"9.5pt\">%s</span>\n"
                            "<span foreground=\"#77767b\" style=\"italic\">%s</span>",
                            escaped_label, _("Not on file"));
  else if (blank)
    text = g_strdup_printf ("<span weight=\"bold\" size=\"9.5pt\">%s</span>", escaped_label);
  else
    text = g_strdup_printf ("<span weight=\"bold\" size=\"9.5pt\">%s</span>\n%s", escaped_label, markup);

  if (blank)
    {
      LiaSheetBlock question = {
        .layout = _lia_sheet_layout_new (self->frame.context, VALUE_FONT, width, text),
        .space_before = 8,
        .section = -1,
        .keep_with_next = TRUE,
      };
      LiaSheetBlock lines = {
        .layout = _lia_sheet_layout_new (self->frame.context, VALUE_FONT, width, ""),
        .rule_width = width,
        .min_rules = min_rules,
        .section = -1,
      };

      _lia_sheet_flow_add (self->frame.flow, &question);
      _lia_sheet_flow_add (self->frame.flow, &lines);
      return;
    }

  block.layout = _lia_sheet_layout_new (self->frame.context, VALUE_FONT, width * VALUE_SHARE, text);
  block.rule_width = width * (1 - VALUE_SHARE) - GAP;
  block.min_rules = min_rules;
  _lia_sheet_flow_add (self->frame.flow, &block);
}

static void
add_field (LiaUpdateSheet *self,
           const char     *label,
           const char     *value,
           guint           min_rules,
           double          width)
{
  g_autofree char *escaped = value != NULL ? g_markup_escape_text (value, -1) : NULL;

  add_field_markup (self, label, escaped, min_rules, width);
}

static char *
build_contact_markup (LiaContact *contact)
{
  GString *markup = g_string_new (NULL);
  const char *values[] = {
    lia_contact_get_role (contact),
    lia_contact_get_email (contact),
    lia_contact_get_phone (contact),
  };
  g_autofree char *name = g_markup_escape_text (lia_contact_get_name (contact), -1);

  g_string_append_printf (markup, "<span weight=\"bold\">%s</span>", name);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *escaped = NULL;

      if (!has_text (values[i]))
        continue;
      escaped = g_markup_escape_text (values[i], -1);
      g_string_append_printf (markup, "\n%s", escaped);
    }

  return g_string_free (markup, FALSE);
}

static void
add_intro (LiaUpdateSheet *self,
           double          width)
{
  g_autofree char *name = g_markup_escape_text (lia_partner_get_name (self->partner), -1);
  g_autofree char *library = g_markup_escape_text (self->frame.library_name, -1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the day an update sheet was printed; see g_date_time_format() */
  g_autofree char *today = g_date_time_format (now, _("%-d %B %Y"));
  g_autofree char *request = NULL;
  g_autofree char *markup = NULL;
  LiaSheetBlock block = { .section = -1 };

  /* Translators: the top of a partner's update sheet; the first %s is the
   * library's name, the second a date, the third the library's name again */
  request = g_strdup_printf (_("This is what %s has on file about your organisation, as of %s. "
                               "Please check each item and write any correction or anything "
                               "missing on the lines beside it, then return this sheet to %s "
                               "(at the front desk or by mail), or send us a photo of it."),
                             library, today, library);
  markup = g_strdup_printf ("<span size=\"14pt\" weight=\"bold\">%s</span>\n%s", name, request);
  /* The logo on the right of the introduction, which keeps room for it. */
  self->logo_scale = 0;
  if (self->logo != NULL)
    {
      double logo_width = cairo_image_surface_get_width (self->logo);
      double logo_height = cairo_image_surface_get_height (self->logo);

      self->logo_scale = MIN (LOGO_WIDTH / logo_width, LOGO_HEIGHT / logo_height);
      width -= logo_width * self->logo_scale + GAP;
      block.min_height = logo_height * self->logo_scale;
    }
  block.layout = _lia_sheet_layout_new (self->frame.context, INTRO_FONT, width, markup);
  _lia_sheet_flow_add (self->frame.flow, &block);
}

static guint
lia_update_sheet_paginate (LiaDocument        *document,
                           const LiaPageSetup *setup,
                           PangoContext       *context,
                           GError            **error)
{
  LiaUpdateSheet *self = LIA_UPDATE_SHEET (document);
  LiaPartner *partner = self->partner;
  double width = _lia_sheet_frame_begin (&self->frame, setup, context);
  g_autofree char *services = _lia_sheet_join_services (partner, "• ", "\n");
  g_autofree char *services_markup = g_markup_escape_text (services, -1);
  const char *kind = lia_enum_to_label (LIA_TYPE_PARTNER_KIND, lia_partner_get_kind (partner));


  add_intro (self, width);
  add_field (self, _("Name"), lia_partner_get_name (partner), 1, width);
  add_field (self, _("Kind of organisation"), kind, 1, width);
  add_field (self, _("Description"), NULL_IF_EMPTY (lia_partner_get_description (partner)), 2, width);
  add_field_markup (self, _("Services"), *services != '\0' ? services_markup : NULL, 2, width);
  add_field (self, _("Address"), NULL_IF_EMPTY (lia_partner_get_address (partner)), 2, width);
  add_field (self, _("Phone"), NULL_IF_EMPTY (lia_partner_get_phone (partner)), 1, width);
  add_field (self, _("Email"), NULL_IF_EMPTY (lia_partner_get_email (partner)), 1, width);
  add_field (self, _("Website"), NULL_IF_EMPTY (lia_partner_get_website (partner)), 1, width);
  /* Liaison keeps no opening hours: asked for, they go into the notes. */
  add_field (self, _("Opening hours"), NULL, 2, width);

  for (guint i = 0; i < self->contacts->len; i++)
    {
      g_autofree char *markup = build_contact_markup (g_ptr_array_index (self->contacts, i));

      add_field_markup (self, _("Someone we contact"), markup, 2, width);
    }
  if (self->contacts->len == 0)
    add_field_markup (self, _("Someone we contact"), NULL, 2, width);
  add_field (self, _("Someone else we should contact"), "", 2, width);
  add_field (self, _("Anything else we should know"), "", 2, width);
  add_field (self, _("Checked by (name and date)"), "", 1, width);

  return _lia_sheet_frame_paginate (&self->frame, 1, width, 0);
}

static void
lia_update_sheet_draw_page (LiaDocument *document,
                       cairo_t     *cr,
                       guint        page)
{
  LiaUpdateSheet *self = LIA_UPDATE_SHEET (document);
  const LiaPageSetup *setup = &self->frame.setup;

  _lia_sheet_frame_draw_page (&self->frame, cr, page);
  if (page == 0 && self->logo_scale > 0)
    {
      double width = cairo_image_surface_get_width (self->logo) * self->logo_scale;

      cairo_save (cr);
      cairo_translate (cr, setup->width - setup->margin_right - width,
                       setup->margin_top + self->frame.header_height);
      cairo_scale (cr, self->logo_scale, self->logo_scale);
      cairo_set_source_surface (cr, self->logo, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
}

static void
lia_update_sheet_finalize (GObject *object)
{
  LiaUpdateSheet *self = LIA_UPDATE_SHEET (object);

  _lia_sheet_frame_clear (&self->frame);
  g_clear_object (&self->partner);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_update_sheet_parent_class)->finalize (object);
}

static void
lia_update_sheet_class_init (LiaUpdateSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaDocumentClass *document_class = LIA_DOCUMENT_CLASS (klass);

  object_class->finalize = lia_update_sheet_finalize;
  document_class->paginate = lia_update_sheet_paginate;
  document_class->draw_page = lia_update_sheet_draw_page;
}

static void
lia_update_sheet_init (LiaUpdateSheet *self)
{
}

LiaDocument *
lia_update_sheet_new (LiaStore              *store,
                      gint64                 partner_id,
                      const LiaPrintContext *context,
                      GError               **error)
{
  g_autoptr(LiaUpdateSheet) self = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LIA_TYPE_UPDATE_SHEET, NULL);
  _lia_sheet_frame_init (&self->frame, context);
  if (!(self->partner = lia_store_get_partner (store, partner_id, error)))
    return NULL;
  if (!(self->contacts = lia_store_list_contacts (store, partner_id, FALSE, error)))
    return NULL;
  self->logo = _lia_print_load_png (lia_partner_get_logo (self->partner));
  self->frame.title = g_strdup (_("Please check your information"));
  lia_document_set_title (LIA_DOCUMENT (self), self->frame.title);

  return LIA_DOCUMENT (g_steal_pointer (&self));
}
