/* lia-ical.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar (RFC 5545) in and out of the events board, through libical.
 */
#pragma once

#include <gio/gio.h>

#include "lia-event.h"
#include "lia-feeds.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_ICAL_ERROR (lia_ical_error_quark ())

typedef enum
{
  LIA_ICAL_ERROR_NOT_ICALENDAR, /* no BEGIN:VCALENDAR: another kind of file */
  LIA_ICAL_ERROR_MALFORMED,     /* libical could not read it; the message says where (line) */
  LIA_ICAL_ERROR_NO_EVENTS,     /* a calendar without a VEVENT */
  LIA_ICAL_ERROR_FAILED,        /* an event could not be saved: nothing was */
} LiaIcalError;

GQuark lia_ical_error_quark (void);

typedef enum
{
  LIA_ICAL_ACTION_CREATE,
  LIA_ICAL_ACTION_UPDATE,  /* an event with the same UID (and RECURRENCE-ID) exists and differs */
  LIA_ICAL_ACTION_SKIP,    /* the same as what is there, or unusable (the reason says why) */
} LiaIcalAction;

#define LIA_TYPE_ICAL_PLAN (lia_ical_plan_get_type ())

G_DECLARE_FINAL_TYPE (LiaIcalPlan, lia_ical_plan, LIA, ICAL_PLAN, GObject)

/* Reads @data (a whole .ics file) and compares each VEVENT with the store:
 * what importing would do, nothing written. Time zones: IANA TZIDs as they
 * are; Windows names (as Outlook and Office 365 write them, e.g. "Mountain
 * Standard Time") mapped to IANA through ICU; a TZID neither knows is
 * resolved from the file's own VTIMEZONE when it matches a known zone's
 * rules, else the times are converted to UTC ("UTC" as tzid). Floating
 * times take @default_tzid (the library's zone). Overrides (RECURRENCE-ID)
 * become override events of their series; EXDATEs are kept; STATUS:CANCELLED
 * is status cancelled; URL is the registration link; ATTACH with a URI the
 * image URL; LOCATION the venue name (address after the first comma when
 * there is one); CATEGORIES the categories. Liaison's own properties
 * (X-LIAISON-*: audience, cost, accessibility, promotion, channels,
 * featured, contact, venue room, partner name) come back from its exports.
 * The events of @partner_id (0: the library's own, -1: matched by the
 * X-LIAISON-PARTNER name when present, else the library's own). */
LiaIcalPlan     *lia_ical_plan_new            (LiaStore      *store,
                                               GBytes        *data,
                                               const char    *default_tzid,
                                               gint64         partner_id,
                                               GError       **error);
/* Imports in one transaction (series before their overrides); on any
 * failure nothing is written (LIA_ICAL_ERROR_FAILED with the event named). */
gboolean         lia_ical_plan_apply          (LiaIcalPlan   *plan,
                                               LiaStore      *store,
                                               GError       **error);
/* The preview as text, one line per event: "create|update|skip  DAY  TITLE
 * [reason]", then a count line; what `liaison import --dry-run` prints. */
char            *lia_ical_plan_format         (LiaIcalPlan   *plan);
void             lia_ical_plan_get_counts     (LiaIcalPlan   *plan,
                                               guint         *created,
                                               guint         *updated,
                                               guint         *skipped);
guint            lia_ical_plan_get_n_events   (LiaIcalPlan   *plan);
LiaIcalAction    lia_ical_plan_get_action     (LiaIcalPlan   *plan,
                                               guint          index);
/* The event as it would be saved (for the preview). */
LiaEvent        *lia_ical_plan_get_event      (LiaIcalPlan   *plan,
                                               guint          index);
const char      *lia_ical_plan_get_reason     (LiaIcalPlan   *plan,
                                               guint          index);

/* Whether @data looks like iCalendar (starts, after blank lines and a BOM,
 * with BEGIN:VCALENDAR), to choose the importer for a file. */
gboolean         lia_ical_sniff               (GBytes        *data);

/* A VCALENDAR of the events @query selects (NULL: all, not trashed), with
 * a VTIMEZONE for every zone used, lines folded at 75 octets and text
 * escaped (libical does both), PRODID "-//Liaison//Liaison VERSION//EN",
 * METHOD:PUBLISH, each event with UID, SEQUENCE, DTSTAMP (the store's now),
 * CREATED, LAST-MODIFIED, DTSTART/DTEND (VALUE=DATE for all-day, DTEND the
 * day after the last), RRULE, EXDATE, overrides as VEVENTs with
 * RECURRENCE-ID, STATUS (CONFIRMED, CANCELLED, TENTATIVE for draft and
 * postponed), SUMMARY, DESCRIPTION (summary, description), LOCATION (venue
 * name, room, address), URL (registration, else online), CATEGORIES and the
 * X-LIAISON-* properties that lia_ical_plan_new reads back, so that export
 * then import changes nothing. */
GBytes          *lia_ical_export              (LiaStore            *store,
                                               const LiaEventQuery *query,
                                               GError             **error);

/* What a published calendar says of itself (RFC 7986). */
typedef struct
{
  const char *name;            /* NAME, X-WR-CALNAME; NULL: none */
  const char *source_url;      /* SOURCE: where the feed is fetched; NULL: none */
  int         refresh_minutes; /* REFRESH-INTERVAL, X-PUBLISHED-TTL; 0: none */
} LiaIcalFeed;

GBytes          *lia_ical_export_feed         (LiaStore            *store,
                                               const LiaEventQuery *query,
                                               const LiaIcalFeed   *feed,
                                               GError             **error);

/* lia_ical_export_feed() of events read once with lia_feed_events_load()
 * (lia-feeds.h) for all the feeds of a target; the store is not used. */
GBytes          *lia_ical_export_feed_from_events (const LiaFeedEvents *events,
                                                   const LiaIcalFeed   *feed);

/* One event (series or single, with its overrides) as a CalDAV resource:
 * no METHOD, DTSTAMP its last change. */
GBytes          *lia_ical_export_resource     (LiaStore            *store,
                                               gint64               event_id,
                                               GError             **error);

G_END_DECLS
