/* lia-directory-sheet.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The community resource directory: the promoted partners by kind, with
 * their services and public contact details, in two columns.
 */

#define G_LOG_DOMAIN "lia-directory-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-partner.h"
#include "lia-print-documents.h"
#include "lia-sheet-flow.h"

#define N_COLUMNS 2
#define GUTTER 18.0
#define KIND_FONT "Cantarell, Sans Bold 12"
#define NAME_FONT "Cantarell, Sans Bold 10.5"
#define BODY_FONT "Cantarell, Sans 9"

#define LIA_TYPE_DIRECTORY_SHEET (lia_directory_sheet_get_type ())
G_DECLARE_FINAL_TYPE (LiaDirectorySheet, lia_directory_sheet, LIA, DIRECTORY_SHEET, LiaDocument)

struct _LiaDirectorySheet
{
  LiaDocument   parent_instance;

  LiaSheetFrame frame;

  /* Owned */
  GPtrArray    *partners;      /* LiaPartner, by kind then name */
};

G_DEFINE_FINAL_TYPE (LiaDirectorySheet, lia_directory_sheet, LIA_TYPE_DOCUMENT)

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  LiaPartner *pa = *(LiaPartner **) a;
  LiaPartner *pb = *(LiaPartner **) b;
  int cmp = (int) lia_partner_get_kind (pa) - (int) lia_partner_get_kind (pb);

  if (cmp != 0)
    return cmp;
  if ((cmp = g_utf8_collate (lia_partner_get_name (pa), lia_partner_get_name (pb))) != 0)
    return cmp;

  return (lia_partner_get_id (pa) > lia_partner_get_id (pb)) - (lia_partner_get_id (pa) < lia_partner_get_id (pb));
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* One line of public contact details: "Phone: 780-555-0100". */
static void
append_detail (GString    *markup,
               const char *label,
               const char *value)
{
  g_autofree char *escaped = NULL;

  if (!has_text (value))
    return;
  escaped = g_markup_escape_text (value, -1);
  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  g_string_append_printf (markup, "<span weight=\"bold\">%s</span> %s", label, escaped);
}

static char *
build_details_markup (LiaPartner *partner)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *services = _lia_sheet_join_services (partner, "", " · ");

  /* Only the partner record's public fields, as the published directory
   * (lia_feed_directory): never notes, owner or contacts. */
  /* Translators: labels of a partner's details in the printed directory */
  append_detail (markup, _("Services:"), services);
  append_detail (markup, _("Phone:"), lia_partner_get_phone (partner));
  append_detail (markup, _("Email:"), lia_partner_get_email (partner));
  append_detail (markup, _("Website:"), lia_partner_get_website (partner));
  append_detail (markup, _("Address:"), lia_partner_get_address (partner));

  return g_string_free (markup, FALSE);
}

static void
add_partner (LiaDirectorySheet *self,
             LiaPartner        *partner,
             int                section,
             double             width)
{
  g_autofree char *name = g_markup_escape_text (lia_partner_get_name (partner), -1);
  g_autofree char *details = build_details_markup (partner);
  const char *description = lia_partner_get_description (partner);
  LiaSheetBlock head = {
    .layout = _lia_sheet_layout_new (self->frame.context, NAME_FONT, width, name),
    .space_before = 10,
    .section = section,
    .keep_with_next = has_text (description) || *details != '\0',
  };

  _lia_sheet_flow_add (self->frame.flow, &head);
  if (has_text (description))
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);
      LiaSheetBlock block = {
        .layout = _lia_sheet_layout_new (self->frame.context, BODY_FONT, width, escaped),
        .space_before = 1.5,
        .section = section,
        /* A partner's details never open a column without its name. */
        .keep_with_next = *details != '\0',
        .splittable = TRUE,
      };

      _lia_sheet_flow_add (self->frame.flow, &block);
    }
  if (*details != '\0')
    {
      LiaSheetBlock block = {
        .layout = _lia_sheet_layout_new (self->frame.context, BODY_FONT, width, details),
        .space_before = 3,
        .section = section,
      };

      _lia_sheet_flow_add (self->frame.flow, &block);
    }
}

static guint
lia_directory_sheet_paginate (LiaDocument        *document,
                              const LiaPageSetup *setup,
                              PangoContext       *context,
                              GError            **error)
{
  LiaDirectorySheet *self = LIA_DIRECTORY_SHEET (document);
  double width = _lia_sheet_frame_begin (&self->frame, setup, context);
  double column_width = (width - GUTTER * (N_COLUMNS - 1)) / N_COLUMNS;
  int kind = -1;
  int section = -1;


  if (self->partners->len == 0)
    {
      LiaSheetBlock block = {
        .layout = _lia_sheet_layout_new (context, BODY_FONT, column_width,
                                         _("No partners are listed in the directory.")),
        .section = -1,
      };

      _lia_sheet_flow_add (self->frame.flow, &block);
    }

  for (guint i = 0; i < self->partners->len; i++)
    {
      LiaPartner *partner = g_ptr_array_index (self->partners, i);

      if ((int) lia_partner_get_kind (partner) != kind)
        {
          const char *label;
          g_autofree char *escaped = NULL;
          g_autofree char *continued = NULL;
          LiaSheetBlock block = { 0 };

          kind = lia_partner_get_kind (partner);
          label = lia_enum_to_label (LIA_TYPE_PARTNER_KIND, kind);
          escaped = g_markup_escape_text (label, -1);
          /* Translators: a heading repeated at the top of a column, as in
           * "Nonprofit (continued)" */
          continued = g_strdup_printf (_("%s (continued)"), escaped);
          block.layout = _lia_sheet_layout_new (context, KIND_FONT, column_width, escaped);
          block.space_before = 16;
          block.section = ++section;
          block.is_heading = TRUE;
          block.keep_with_next = TRUE;
          _lia_sheet_flow_add (self->frame.flow, &block);
          _lia_sheet_flow_set_continued (self->frame.flow, section,
                                         _lia_sheet_layout_new (context, KIND_FONT, column_width, continued));
        }
      add_partner (self, partner, section, column_width);
    }

  return _lia_sheet_frame_paginate (&self->frame, N_COLUMNS, column_width, GUTTER);
}

static void
lia_directory_sheet_draw_page (LiaDocument *document,
                          cairo_t     *cr,
                          guint        page)
{
  _lia_sheet_frame_draw_page (&LIA_DIRECTORY_SHEET (document)->frame, cr, page);
}

static void
lia_directory_sheet_finalize (GObject *object)
{
  LiaDirectorySheet *self = LIA_DIRECTORY_SHEET (object);

  _lia_sheet_frame_clear (&self->frame);
  g_clear_pointer (&self->partners, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_directory_sheet_parent_class)->finalize (object);
}

static void
lia_directory_sheet_class_init (LiaDirectorySheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaDocumentClass *document_class = LIA_DOCUMENT_CLASS (klass);

  object_class->finalize = lia_directory_sheet_finalize;
  document_class->paginate = lia_directory_sheet_paginate;
  document_class->draw_page = lia_directory_sheet_draw_page;
}

static void
lia_directory_sheet_init (LiaDirectorySheet *self)
{
  self->partners = g_ptr_array_new_with_free_func (g_object_unref);
}

LiaDocument *
lia_directory_sheet_new (LiaStore              *store,
                         const LiaPrintContext *context,
                         GError               **error)
{
  g_autoptr(LiaDirectorySheet) self = NULL;
  g_autoptr(GArray) ids = NULL;
  LiaPartnerQuery query;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LIA_TYPE_DIRECTORY_SHEET, NULL);
  _lia_sheet_frame_init (&self->frame, context);
  self->frame.title = g_strdup (_("Community Resource Directory"));
  lia_document_set_title (LIA_DOCUMENT (self), self->frame.title);

  /* The same partners as the published directory: active, promoted at
   * any tier, not in the trash. */
  lia_partner_query_init (&query);
  query.status = LIA_PARTNER_STATUS_ACTIVE;
  query.sort = LIA_PARTNER_SORT_NAME;
  if (!(ids = lia_store_query_partner_ids (store, &query, NULL, error)))
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LiaPartner) partner = NULL;

      if (!(partner = lia_store_get_partner (store, g_array_index (ids, gint64, i), error)))
        return NULL;
      if (lia_partner_get_deleted_at (partner) != 0
          || lia_partner_get_status (partner) != LIA_PARTNER_STATUS_ACTIVE
          || lia_partner_get_promotion_tier (partner) == LIA_PROMOTION_TIER_NOT_PROMOTED)
        continue;
      g_ptr_array_add (self->partners, g_steal_pointer (&partner));
    }
  g_ptr_array_sort (self->partners, compare_partners);

  return LIA_DOCUMENT (g_steal_pointer (&self));
}
