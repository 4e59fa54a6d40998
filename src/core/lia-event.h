/* lia-event.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_EVENT (lia_event_get_type ())

G_DECLARE_FINAL_TYPE (LiaEvent, lia_event, LIA, EVENT, GObject)

/* A program on the community calendar: a row of the event table
 * (0001-initial.sql), whose GObject properties are its columns with '-'
 * for '_' ("venue-name"), plus "categories" (a GStrv, the event_category
 * rows).
 *
 * Times: dtstart and dtend are wall-clock times 'YYYY-MM-DDTHH:MM:SS' in
 * tzid (an IANA zone name), or days 'YYYY-MM-DD' when all-day (dtend is
 * then the last day, inclusive, or NULL for one day). start-utc and
 * last-end-utc are derived by the store on save. exdates is a
 * comma-separated list of occurrence starts in dtstart's form. An override
 * of one occurrence of a series has recurrence-of (the series' id) and
 * recurrence-id (the occurrence's original start in dtstart's form) and no
 * rrule. partner-id 0 means the library's own event; intake-feed-id 0 none. */
LiaEvent        *lia_event_new                  (void);
LiaEvent        *lia_event_copy                 (LiaEvent        *self);

gint64           lia_event_get_id               (LiaEvent        *self);
void             lia_event_set_id               (LiaEvent        *self,
                                                 gint64           id);
const char      *lia_event_get_uid              (LiaEvent        *self);
void             lia_event_set_uid              (LiaEvent        *self,
                                                 const char      *uid);
gint64           lia_event_get_recurrence_of    (LiaEvent        *self);
void             lia_event_set_recurrence_of    (LiaEvent        *self,
                                                 gint64           recurrence_of);
const char      *lia_event_get_recurrence_id    (LiaEvent        *self);
void             lia_event_set_recurrence_id    (LiaEvent        *self,
                                                 const char      *recurrence_id);
gint64           lia_event_get_partner_id       (LiaEvent        *self);
void             lia_event_set_partner_id       (LiaEvent        *self,
                                                 gint64           partner_id);
const char      *lia_event_get_title            (LiaEvent        *self);
void             lia_event_set_title            (LiaEvent        *self,
                                                 const char      *title);
const char      *lia_event_get_summary          (LiaEvent        *self);
void             lia_event_set_summary          (LiaEvent        *self,
                                                 const char      *summary);
const char      *lia_event_get_description      (LiaEvent        *self);
void             lia_event_set_description      (LiaEvent        *self,
                                                 const char      *description);
const char      *lia_event_get_dtstart          (LiaEvent        *self);
void             lia_event_set_dtstart          (LiaEvent        *self,
                                                 const char      *dtstart);
const char      *lia_event_get_dtend            (LiaEvent        *self);
void             lia_event_set_dtend            (LiaEvent        *self,
                                                 const char      *dtend);
const char      *lia_event_get_tzid             (LiaEvent        *self);
void             lia_event_set_tzid             (LiaEvent        *self,
                                                 const char      *tzid);
gboolean         lia_event_get_all_day          (LiaEvent        *self);
void             lia_event_set_all_day          (LiaEvent        *self,
                                                 gboolean         all_day);
gint64           lia_event_get_start_utc        (LiaEvent        *self);
void             lia_event_set_start_utc        (LiaEvent        *self,
                                                 gint64           start_utc);
/* 0 when the series never ends (NULL in the table). */
gint64           lia_event_get_last_end_utc     (LiaEvent        *self);
void             lia_event_set_last_end_utc     (LiaEvent        *self,
                                                 gint64           last_end_utc);
const char      *lia_event_get_rrule            (LiaEvent        *self);
void             lia_event_set_rrule            (LiaEvent        *self,
                                                 const char      *rrule);
const char      *lia_event_get_exdates          (LiaEvent        *self);
void             lia_event_set_exdates          (LiaEvent        *self,
                                                 const char      *exdates);
const char      *lia_event_get_venue_name       (LiaEvent        *self);
void             lia_event_set_venue_name       (LiaEvent        *self,
                                                 const char      *venue_name);
const char      *lia_event_get_venue_address    (LiaEvent        *self);
void             lia_event_set_venue_address    (LiaEvent        *self,
                                                 const char      *venue_address);
const char      *lia_event_get_venue_room       (LiaEvent        *self);
void             lia_event_set_venue_room       (LiaEvent        *self,
                                                 const char      *venue_room);
const char      *lia_event_get_online_url       (LiaEvent        *self);
void             lia_event_set_online_url       (LiaEvent        *self,
                                                 const char      *online_url);
LiaAudience      lia_event_get_audience         (LiaEvent        *self);
void             lia_event_set_audience         (LiaEvent        *self,
                                                 LiaAudience      audience);
const char      *lia_event_get_cost             (LiaEvent        *self);
void             lia_event_set_cost             (LiaEvent        *self,
                                                 const char      *cost);
const char      *lia_event_get_registration_url (LiaEvent        *self);
void             lia_event_set_registration_url (LiaEvent        *self,
                                                 const char      *registration_url);
const char      *lia_event_get_accessibility    (LiaEvent        *self);
void             lia_event_set_accessibility    (LiaEvent        *self,
                                                 const char      *accessibility);
const char      *lia_event_get_contact          (LiaEvent        *self);
void             lia_event_set_contact          (LiaEvent        *self,
                                                 const char      *contact);
GBytes          *lia_event_get_image            (LiaEvent        *self);
void             lia_event_set_image            (LiaEvent        *self,
                                                 GBytes          *image);
const char      *lia_event_get_image_url        (LiaEvent        *self);
void             lia_event_set_image_url        (LiaEvent        *self,
                                                 const char      *image_url);
LiaEventStatus   lia_event_get_status           (LiaEvent        *self);
void             lia_event_set_status           (LiaEvent        *self,
                                                 LiaEventStatus   status);
gboolean         lia_event_get_promote          (LiaEvent        *self);
void             lia_event_set_promote          (LiaEvent        *self,
                                                 gboolean         promote);
LiaChannels      lia_event_get_channels         (LiaEvent        *self);
void             lia_event_set_channels         (LiaEvent        *self,
                                                 LiaChannels      channels);
gboolean         lia_event_get_featured         (LiaEvent        *self);
void             lia_event_set_featured         (LiaEvent        *self,
                                                 gboolean         featured);
LiaEventSource   lia_event_get_source           (LiaEvent        *self);
void             lia_event_set_source           (LiaEvent        *self,
                                                 LiaEventSource   source);
gint64           lia_event_get_intake_feed_id   (LiaEvent        *self);
void             lia_event_set_intake_feed_id   (LiaEvent        *self,
                                                 gint64           intake_feed_id);
const char      *lia_event_get_remote_uid       (LiaEvent        *self);
void             lia_event_set_remote_uid       (LiaEvent        *self,
                                                 const char      *remote_uid);
int              lia_event_get_sequence         (LiaEvent        *self);
void             lia_event_set_sequence         (LiaEvent        *self,
                                                 int              sequence);
const char * const *lia_event_get_categories    (LiaEvent        *self);
void             lia_event_set_categories       (LiaEvent        *self,
                                                 const char * const *categories);
gint64           lia_event_get_created_at       (LiaEvent        *self);
void             lia_event_set_created_at       (LiaEvent        *self,
                                                 gint64           created_at);
gint64           lia_event_get_updated_at       (LiaEvent        *self);
void             lia_event_set_updated_at       (LiaEvent        *self,
                                                 gint64           updated_at);
gint64           lia_event_get_deleted_at       (LiaEvent        *self);
void             lia_event_set_deleted_at       (LiaEvent        *self,
                                                 gint64           deleted_at);

gboolean         lia_event_is_recurring         (LiaEvent        *self);
/* Whether what a calendar shows of the event differs between the two (the
 * fields that make SEQUENCE grow: times, recurrence, title, texts, venue,
 * status, ...; not promotion, not timestamps). */
gboolean         lia_event_content_equal        (LiaEvent        *a,
                                                 LiaEvent        *b);

/* The promotion an event of a partner with @tier gets by default:
 * featured → promoted and featured on every channel; standard → promoted
 * on website and print bulletin; listed-only → on the website only, not
 * promoted; not-promoted → nothing. */
void             lia_event_apply_promotion_tier (LiaEvent        *self,
                                                 LiaPromotionTier tier);

G_END_DECLS
