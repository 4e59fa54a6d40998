/* lia-recurrence.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Event times and recurrence, through libical: wall-clock times in IANA
 * zones to instants, RRULEs to and from the choices the event editor
 * offers, their description in plain words, and the expansion of a series
 * into occurrences (EXDATE removed; overrides are the store's business).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIA_RECURRENCE_ERROR (lia_recurrence_error_quark ())

typedef enum
{
  LIA_RECURRENCE_ERROR_INVALID_TIME,   /* a dtstart/dtend/exdate that is not one */
  LIA_RECURRENCE_ERROR_UNKNOWN_ZONE,   /* a tzid libical does not know */
  LIA_RECURRENCE_ERROR_INVALID_RULE,   /* an RRULE libical cannot parse */
} LiaRecurrenceError;

GQuark lia_recurrence_error_quark (void);

typedef enum
{
  LIA_REPEAT_NONE,
  LIA_REPEAT_DAILY,
  LIA_REPEAT_WEEKLY,             /* on the weekdays of weekdays */
  LIA_REPEAT_MONTHLY_BY_DATE,    /* on dtstart's day of the month */
  LIA_REPEAT_MONTHLY_BY_WEEKDAY, /* on the nth (or last) dtstart weekday */
  LIA_REPEAT_YEARLY,
  LIA_REPEAT_CUSTOM,             /* an RRULE none of the above says; kept as it is */
} LiaRepeat;

/* Bit 0 is Monday ... bit 6 Sunday. */
typedef enum
{
  LIA_WEEKDAY_MONDAY    = 1 << 0,
  LIA_WEEKDAY_TUESDAY   = 1 << 1,
  LIA_WEEKDAY_WEDNESDAY = 1 << 2,
  LIA_WEEKDAY_THURSDAY  = 1 << 3,
  LIA_WEEKDAY_FRIDAY    = 1 << 4,
  LIA_WEEKDAY_SATURDAY  = 1 << 5,
  LIA_WEEKDAY_SUNDAY    = 1 << 6,
} LiaWeekdays;

/* What the editor offers. */
typedef struct
{
  LiaRepeat    repeat;
  int          interval;   /* every N days/weeks/months/years, >= 1 */
  LiaWeekdays  weekdays;   /* weekly */
  int          nth;        /* monthly by weekday: 1..4, or -1 for the last */
  int          count;      /* how many times; 0 = not limited by a count */
  char         until[11];  /* the last day 'YYYY-MM-DD' (inclusive), or "" */
} LiaRecurrence;

/* Sets @recurrence to "does not repeat". */
void      lia_recurrence_init        (LiaRecurrence        *recurrence);
/* @rrule NULL or "" is LIA_REPEAT_NONE; a valid RRULE the editor cannot
 * express is LIA_REPEAT_CUSTOM (the caller keeps the text). @dtstart gives
 * the weekday and day of month the rule hangs on. */
gboolean  lia_recurrence_parse       (const char           *rrule,
                                      const char           *dtstart,
                                      LiaRecurrence        *recurrence,
                                      GError              **error);
/* NULL for LIA_REPEAT_NONE. UNTIL is written as RFC 5545 asks: a date for
 * all-day events, else the end of that day in @tzid as UTC ('...Z'). */
char     *lia_recurrence_to_rrule    (const LiaRecurrence  *recurrence,
                                      const char           *dtstart,
                                      const char           *tzid);
/* In plain, translated words: "Every 2nd Tuesday of the month until
 * 9 June 2027", "Every week on Monday and Wednesday, 10 times", "Does not
 * repeat"; for a custom rule, "Repeats (custom rule)". */
char     *lia_recurrence_describe    (const LiaRecurrence  *recurrence,
                                      const char           *dtstart);

/* The instant of a wall-clock @time ('YYYY-MM-DDTHH:MM:SS') in @tzid, or of
 * the day's 00:00 UTC for an all-day @time ('YYYY-MM-DD'). A time that
 * does not exist (inside a DST gap) moves forward as libical does; an
 * ambiguous one takes the first. */
gboolean  lia_time_to_utc            (const char           *time,
                                      const char           *tzid,
                                      gboolean              all_day,
                                      gint64               *utc,
                                      GError              **error);
/* The wall-clock time in @tzid of @utc, 'YYYY-MM-DDTHH:MM:SS'. */
char     *lia_time_from_utc          (gint64                utc,
                                      const char           *tzid);
/* libical's zone cache is not thread-safe: code that calls icaltimezone_*
 * or icaltime_convert_to_zone() itself (formats/lia-ical.c) holds this
 * lock, the one lia-recurrence takes; it may be taken again inside. */
void      lia_time_zones_lock        (void);
void      lia_time_zones_unlock      (void);
/* Whether libical knows @tzid (an IANA name). */
gboolean  lia_time_zone_is_known     (const char           *tzid);

typedef struct
{
  gint64  start_utc;
  gint64  end_utc;        /* = start_utc when the event has no end */
  char   *recurrence_id;  /* the occurrence's start in dtstart's form */
} LiaOccurrence;

void      lia_occurrence_clear       (LiaOccurrence        *occurrence);

/* The occurrences of one event (a series when @rrule is set) that overlap
 * [@from_utc, @to_utc), in order, at most @max (0: no limit), EXDATEs left
 * out. All-day days are 00:00–24:00 UTC of the day, so that days stay days
 * in every zone. An all-day event with dtend NULL lasts one day; a timed
 * one with dtend NULL lasts no time. Returns a GArray of LiaOccurrence with
 * a clear function set. */
GArray   *lia_recurrence_expand      (const char           *dtstart,
                                      const char           *dtend,
                                      const char           *tzid,
                                      gboolean              all_day,
                                      const char           *rrule,
                                      const char           *exdates,
                                      gint64                from_utc,
                                      gint64                to_utc,
                                      guint                 max,
                                      GError              **error);
/* What the store derives on save: the first occurrence's start and the end
 * of the last one; *last_end_utc = 0 when the series never ends. */
gboolean  lia_recurrence_get_span    (const char           *dtstart,
                                      const char           *dtend,
                                      const char           *tzid,
                                      gboolean              all_day,
                                      const char           *rrule,
                                      const char           *exdates,
                                      gint64               *start_utc,
                                      gint64               *last_end_utc,
                                      GError              **error);

G_END_DECLS
