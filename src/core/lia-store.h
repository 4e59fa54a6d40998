/* lia-store.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-agreement.h"
#include "lia-contact.h"
#include "lia-database.h"
#include "lia-event.h"
#include "lia-expectation.h"
#include "lia-interaction.h"
#include "lia-partner.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 partners;
  gint64 contacts;
  gint64 agreements;
  gint64 expectations;
  gint64 interactions;
  gint64 events;
} LiaStoreCounts;

/* The kinds of record the store writes, for the trash and "changed". */
typedef enum
{
  LIA_RECORD_PARTNER,
  LIA_RECORD_CONTACT,
  LIA_RECORD_AGREEMENT,
  LIA_RECORD_EXPECTATION,
  LIA_RECORD_INTERACTION,
  LIA_RECORD_EVENT,
} LiaRecordKind;

#define LIA_TYPE_RECORD_KIND (lia_record_kind_get_type ())

GType lia_record_kind_get_type (void);

typedef enum
{
  LIA_PARTNER_SORT_NAME,
  LIA_PARTNER_SORT_LAST_CONTACT,
  LIA_PARTNER_SORT_NEXT_DUE,
} LiaPartnerSort;

typedef struct
{
  const char     *text;        /* search-as-you-type, via FTS prefix match on partners */
  int             status;      /* a LiaPartnerStatus, -1 = any */
  int             kind;        /* a LiaPartnerKind, -1 = any */
  const char     *owner;       /* NULL = any */
  int             tier;        /* a LiaPromotionTier, -1 = any */
  gboolean        stale_only;
  LiaPartnerSort  sort;
} LiaPartnerQuery;

/* Sets every field to "any", sorted by name. */
void lia_partner_query_init (LiaPartnerQuery *q);

/* Returns a new reference to the current time, in UTC. */
typedef GDateTime *(*LiaStoreClockFunc) (gpointer user_data);

#define LIA_TYPE_STORE (lia_store_get_type ())

G_DECLARE_FINAL_TYPE (LiaStore, lia_store, LIA, STORE, GObject)

/* The store owns the UI thread's database connection and is the only
 * object that writes through it. Counts leave out what is in the trash.
 * Every write is one transaction; after it commits the store emits
 * "changed" (LiaRecordKind kind, gint64 id), and for a partner's contact,
 * agreement, expectation or interaction also (LIA_RECORD_PARTNER, partner id). */
LiaStore       *lia_store_new               (LiaDatabase        *database);
LiaDatabase    *lia_store_get_database      (LiaStore           *self);
/* After another connection wrote many partners (an import on a worker
 * thread): "changed" with (LIA_RECORD_PARTNER, 0), "reload every partner". */
void            lia_store_emit_reloaded     (LiaStore           *self);
void            lia_store_set_clock         (LiaStore           *self,
                                             LiaStoreClockFunc   now,
                                             gpointer            user_data);
/* Now by the store's clock (tests set it), in UTC. */
GDateTime      *lia_store_dup_now           (LiaStore           *self);
gboolean        lia_store_get_counts        (LiaStore           *self,
                                             LiaStoreCounts     *counts,
                                             GError            **error);
gboolean        lia_store_count_partners    (LiaStore           *self,
                                             gint64             *count,
                                             GError            **error);
gboolean        lia_store_is_empty          (LiaStore           *self);
gboolean        lia_store_is_sample         (LiaStore           *self);
gboolean        lia_store_get_welcome_done  (LiaStore           *self);
gboolean        lia_store_set_welcome_done  (LiaStore           *self,
                                             GError            **error);

/* get: the record, trashed or not; LIA_DATABASE_ERROR_NOT_FOUND when there
 * is none.
 * save: validates (a LIA_VALIDATE_ERROR, nothing written), then inserts when
 * the id is 0 (setting id, created-at and updated-at) or updates (setting
 * updated-at). A record whose partner is missing fails with NOT_FOUND; one
 * whose partner is in the trash, or that points at another partner's
 * contact, agreement or expectation, with LIA_DATABASE_ERROR_CONSTRAINT.
 * A contact saved as the current primary takes over from the previous one. */
LiaPartner     *lia_store_get_partner       (LiaStore           *self,
                                             gint64              id,
                                             GError            **error);
gboolean        lia_store_save_partner      (LiaStore           *self,
                                             LiaPartner         *partner,
                                             GError            **error);
LiaContact     *lia_store_get_contact       (LiaStore           *self,
                                             gint64              id,
                                             GError            **error);
gboolean        lia_store_save_contact      (LiaStore           *self,
                                             LiaContact         *contact,
                                             GError            **error);
LiaAgreement   *lia_store_get_agreement     (LiaStore           *self,
                                             gint64              id,
                                             GError            **error);
gboolean        lia_store_save_agreement    (LiaStore           *self,
                                             LiaAgreement       *agreement,
                                             GError            **error);
LiaExpectation *lia_store_get_expectation   (LiaStore           *self,
                                             gint64              id,
                                             GError            **error);
gboolean        lia_store_save_expectation  (LiaStore           *self,
                                             LiaExpectation     *expectation,
                                             GError            **error);
LiaInteraction *lia_store_get_interaction   (LiaStore           *self,
                                             gint64              id,
                                             GError            **error);
/* Also, in the same transaction: confirms-info sets the partner's
 * info-verified-at to occurred-at; a newly linked expectation is met
 * (last-met-on that day, next-due-on advanced by its cadence, or status
 * 'met' when it had only a due date). */
gboolean        lia_store_save_interaction  (LiaStore           *self,
                                             LiaInteraction     *interaction,
                                             GError            **error);
/* The person left: ended-at is set to now; the contact and its history stay. */
gboolean        lia_store_end_contact       (LiaStore           *self,
                                             gint64              contact_id,
                                             GError            **error);

/* Lists leave out the trash; their items are owned by the array. */
GPtrArray      *lia_store_list_contacts     (LiaStore           *self,
                                             gint64              partner_id,
                                             gboolean            include_ended,
                                             GError            **error);
GPtrArray      *lia_store_list_agreements   (LiaStore           *self,
                                             gint64              partner_id,
                                             GError            **error);
GPtrArray      *lia_store_list_expectations (LiaStore           *self,
                                             gint64              partner_id,
                                             GError            **error);
GPtrArray      *lia_store_list_interactions (LiaStore           *self,
                                             gint64              partner_id,
                                             GError            **error);

/* Trash: a trashed partner takes its contacts, agreements, expectations
 * and interactions with it, and restoring it brings them back; a partner's
 * record cannot be restored while its partner is in the trash
 * (LIA_DATABASE_ERROR_CONSTRAINT). Trashing or restoring twice changes
 * nothing. Only rows already in the trash can be deleted forever (otherwise
 * LIA_DATABASE_ERROR_CONSTRAINT); a missing row is NOT_FOUND. */
gboolean        lia_store_trash             (LiaStore           *self,
                                             LiaRecordKind       kind,
                                             gint64              id,
                                             GError            **error);
gboolean        lia_store_restore           (LiaStore           *self,
                                             LiaRecordKind       kind,
                                             gint64              id,
                                             GError            **error);
gboolean        lia_store_delete_forever    (LiaStore           *self,
                                             LiaRecordKind       kind,
                                             gint64              id,
                                             GError            **error);
/* A GListModel of LiaTrashItem, newest first. */
GListModel     *lia_store_list_trash        (LiaStore           *self,
                                             GError            **error);

/* Events (lia-store-events.c). A series, a single event and an override
 * are all LiaEvents; see lia-event.h.
 *
 * save: validates (a LIA_VALIDATE_ERROR, nothing written: a title, times
 * that parse in a zone libical knows, dtend not before dtstart, an RRULE
 * that parses, an override pointing at a series of the same partner);
 * gives a new event a uid ("<random uuid>@liaison") when it has none;
 * derives start-utc and last-end-utc (lia_recurrence_get_span); writes the
 * categories; raises sequence by one when the event was published before
 * (a publish_record of kind 'event' for its uid) and what a calendar shows
 * of it changed (lia_event_content_equal); emits "changed" with
 * (LIA_RECORD_EVENT, id) and, for a partner's event, (LIA_RECORD_PARTNER,
 * partner id). Trashing a series takes its overrides with it. */
typedef struct
{
  const char  *text;        /* FTS prefix match on events, NULL any */
  gint64       partner_id;  /* -1 any, 0 the library's own events */
  const char  *category;    /* NULL any */
  int          audience;    /* a LiaAudience, -1 any */
  int          status;      /* a LiaEventStatus, -1 any */
  int          promoted;    /* -1 any, 0 not promoted, 1 promoted */
  LiaChannels  channels;    /* 0 any, else promoted on all of these */
  GArray      *ids;         /* gint64 event ids; NULL any, else only these (formats/ reads it) */
} LiaEventQuery;

/* Sets every field to "any". */
void lia_event_query_init (LiaEventQuery *q);

/* SQL: an event row "e" that a publish target would send (promoted on the
 * website channel, not a draft) and that changed or went to the trash
 * after @since (an SQL expression of Unix seconds): the "changes waiting"
 * that the Today page and the Publish page both count. */
#define LIA_SQL_EVENT_CHANGED_FOR_WEBSITE(since) \
  "e.promote = 1 AND (e.channels & 1) <> 0 AND e.status <> 'draft'" \
  " AND (e.updated_at > " since " OR e.deleted_at > " since ")"

/* One occurrence on the calendar: a single event, or one date of a series
 * (an override's fields when that date was moved or changed). */
typedef struct
{
  gint64          event_id;      /* the override's id when overridden */
  gint64          series_id;     /* the series' id; = event_id for a single event */
  gint64          start_utc;
  gint64          end_utc;
  char           *recurrence_id; /* NULL for a single event */
  char           *title;
  gboolean        all_day;
  LiaEventStatus  status;
  gint64          partner_id;    /* 0 for the library's own */
  char           *partner_name;  /* NULL for the library's own */
  char           *venue_name;
  gboolean        promote;
  gboolean        featured;
} LiaEventOccurrence;

void            lia_event_occurrence_clear  (LiaEventOccurrence *occurrence);

LiaEvent       *lia_store_get_event         (LiaStore           *self,
                                             gint64              id,
                                             GError            **error);
/* @recurrence_id NULL: the series or single event with @uid. */
LiaEvent       *lia_store_get_event_by_uid  (LiaStore           *self,
                                             const char         *uid,
                                             const char         *recurrence_id,
                                             GError            **error);
gboolean        lia_store_save_event        (LiaStore           *self,
                                             LiaEvent           *event,
                                             GError            **error);
/* The events @ids names (gint64: series and single events), in that
 * order, each followed by its overrides out of the trash (by original
 * date) when it has an RRULE, with their categories: lia_store_get_event()
 * for a whole feed, in four statements instead of a few for each event.
 * An id that is not in the database is LIA_DATABASE_ERROR_NOT_FOUND. */
GPtrArray      *lia_store_get_events_with_overrides (LiaStore   *self,
                                                     GArray     *ids,
                                                     GError    **error);
/* A partner's series and single events (not overrides, not trashed),
 * by start; @partner_id 0 lists the library's own. */
GPtrArray      *lia_store_list_events       (LiaStore           *self,
                                             gint64              partner_id,
                                             GError            **error);
/* The occurrences of the events @query selects (NULL: all) that overlap
 * [@from_utc, @to_utc), by start, then title; at most @max (0: all).
 * Trashed events are left out, cancelled ones kept (their status says).
 * A GArray of LiaEventOccurrence with a clear function set. It reads only
 * the events whose span overlaps the window (event_start_idx,
 * event_last_end_idx) and expands only those series. */
GArray         *lia_store_list_occurrences  (LiaStore           *self,
                                             const LiaEventQuery *query,
                                             gint64              from_utc,
                                             gint64              to_utc,
                                             guint               max,
                                             GError            **error);

/* One day of a month view: how many occurrences start on it, and the
 * first of them (by start, then title). */
typedef struct
{
  guint   n_occurrences;
  GArray *first;          /* LiaEventOccurrence */
} LiaDaySummary;

void            lia_day_summary_clear       (LiaDaySummary      *summary);
/* The @n_days days from @first_day in @zone (an all-day event on its own
 * day), each with its count and its first @per_day occurrences: a GArray
 * of LiaDaySummary with a clear function set. Without a filter in @query
 * (NULL: none) the days are counted from the indexes alone and only the
 * first occurrences are read, which is what makes a month quick on a busy
 * calendar; with one, the occurrences are listed as
 * lia_store_list_occurrences() does. */
GArray         *lia_store_summarize_days    (LiaStore           *self,
                                             const LiaEventQuery *query,
                                             const GDate        *first_day,
                                             guint               n_days,
                                             GTimeZone          *zone,
                                             guint               per_day,
                                             GError            **error);

/* In lia-store-query.c: the ids (gint64) of the partners @query selects, in
 * its order, without loading them; @now NULL means the store's clock. */
GArray *lia_store_query_partner_ids (LiaStore               *self,
                                     const LiaPartnerQuery  *query,
                                     GDateTime              *now,
                                     GError                **error);

G_END_DECLS
