/* lia-agenda.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The events board's agenda: upcoming occurrences grouped by day, as a
 * GListModel that expands occurrences a window of days at a time as the
 * list is scrolled, never the whole calendar at once.
 */
#pragma once

#include <gio/gio.h>

#include "lia-store.h"

G_BEGIN_DECLS

typedef enum
{
  LIA_AGENDA_ITEM_DAY,        /* a day's heading */
  LIA_AGENDA_ITEM_OCCURRENCE, /* an event on that day */
} LiaAgendaItemKind;

#define LIA_TYPE_AGENDA_ITEM (lia_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaAgendaItem, lia_agenda_item, LIA, AGENDA_ITEM, GObject)

LiaAgendaItemKind         lia_agenda_item_get_kind       (LiaAgendaItem *self);
/* The day the item is listed under. */
const GDate              *lia_agenda_item_get_day        (LiaAgendaItem *self);
/* NULL for a day's heading. */
const LiaEventOccurrence *lia_agenda_item_get_occurrence (LiaAgendaItem *self);

#define LIA_TYPE_AGENDA (lia_agenda_get_type ())

G_DECLARE_FINAL_TYPE (LiaAgenda, lia_agenda, LIA, AGENDA, GObject)

/* Days are those of @zone (the library's time zone). */
LiaAgenda  *lia_agenda_new           (LiaStore            *store,
                                      GTimeZone           *zone);
/* Copies @query; NULL means every event. Reloads. */
void        lia_agenda_set_query     (LiaAgenda           *self,
                                      const LiaEventQuery *query);
/* The first day listed (events going on that day, started earlier,
 * included). Reloads. */
void        lia_agenda_set_start_day (LiaAgenda           *self,
                                      const GDate         *day);
void        lia_agenda_reload        (LiaAgenda           *self);
/* Loads the next window of days; FALSE when the horizon is reached. The
 * model also does this by itself when its last items are asked for. */
gboolean    lia_agenda_load_more     (LiaAgenda           *self);
gboolean    lia_agenda_is_complete   (LiaAgenda           *self);
/* How far ahead the agenda reads, in days from the start day. */
#define LIA_AGENDA_HORIZON_DAYS 730

/* The partners out of the trash, by name as the partner list sorts them:
 * their names (returned) and ids (@ids, gint64), in one query, for the
 * pickers of the events board and editor. */
GStrv       lia_store_list_partner_names    (LiaStore     *store,
                                             GArray      **ids,
                                             GError      **error);

/* The categories in use on events (not trashed), sorted. */
GStrv       lia_store_list_event_categories (LiaStore     *store,
                                             GError      **error);

G_END_DECLS
