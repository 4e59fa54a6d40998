/* test-recurrence.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Event times and recurrence (lia-recurrence): wall-clock times in zones
 * and across DST changes, the expansion of series (month ends, nth
 * weekdays, EXDATE, window edges, all-day days), spans, the editor's
 * choices to and from RRULEs, and their description in words.
 */

#include "config.h"

#include <string.h>
#include <libical/ical.h>

#include "lia-recurrence.h"

#define HOUR 3600
#define DAY 86400

static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (date_time);
}

/* What libical 3.0 makes of @ical_time (its basic form) in @tzid by
 * itself: the behaviour lia-recurrence corrects at DST changes. */
static gint64
libical_to_utc (const char *ical_time,
                const char *tzid)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (tzid);

  g_assert_nonnull (zone);

  return icaltime_as_timet_with_zone (icaltime_from_string (ical_time), zone);
}

static gint64
to_utc (const char *time,
        const char *tzid)
{
  g_autoptr(GError) error = NULL;
  gint64 result = 0;

  g_assert_true (lia_time_to_utc (time, tzid, strlen (time) == 10, &result, &error));
  g_assert_no_error (error);

  return result;
}

static GArray *
expand (const char *dtstart,
        const char *dtend,
        const char *tzid,
        gboolean    all_day,
        const char *rrule,
        const char *exdates,
        gint64      from_utc,
        gint64      to_utc,
        guint       max)
{
  g_autoptr(GError) error = NULL;
  GArray *occurrences;

  occurrences = lia_recurrence_expand (dtstart, dtend, tzid, all_day, rrule, exdates,
                                       from_utc, to_utc, max, &error);
  g_assert_no_error (error);
  g_assert_nonnull (occurrences);

  return occurrences;
}

static LiaOccurrence *
occurrence_at (GArray *occurrences,
               guint   i)
{
  g_assert_cmpuint (i, <, occurrences->len);

  return &g_array_index (occurrences, LiaOccurrence, i);
}

/* The recurrence ids of @occurrences, joined by spaces. */
static char *
join_ids (GArray *occurrences)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", occurrence_at (occurrences, i)->recurrence_id);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_in_order (GArray *occurrences)
{
  for (guint i = 1; i < occurrences->len; i++)
    g_assert_cmpint (occurrence_at (occurrences, i - 1)->start_utc, <, occurrence_at (occurrences, i)->start_utc);
}

static void
test_time_zones (void)
{
  g_autofree char *utc_text = NULL;
  g_autofree char *etc_text = NULL;
  g_autofree char *unknown = NULL;

  g_assert_true (lia_time_zone_is_known ("America/Edmonton"));
  g_assert_true (lia_time_zone_is_known ("Europe/Paris"));
  g_assert_true (lia_time_zone_is_known ("UTC"));
  g_assert_true (lia_time_zone_is_known ("Etc/UTC"));
  g_assert_false (lia_time_zone_is_known ("Nowhere/Atlantis"));
  g_assert_false (lia_time_zone_is_known (""));
  g_assert_false (lia_time_zone_is_known (NULL));
  g_assert_false (lia_time_zone_is_known ("../../etc/passwd"));

  g_assert_cmpint (to_utc ("2026-06-09T10:00:00", "UTC"), ==, utc (2026, 6, 9, 10, 0));
  g_assert_cmpint (to_utc ("2026-06-09T10:00:00", "Etc/UTC"), ==, utc (2026, 6, 9, 10, 0));
  g_assert_cmpint (to_utc ("2026-06-09T10:00:00", "America/Edmonton"), ==, utc (2026, 6, 9, 16, 0));
  g_assert_cmpint (to_utc ("2026-01-09T10:00:00", "America/Edmonton"), ==, utc (2026, 1, 9, 17, 0));
  g_assert_cmpint (to_utc ("2026-06-09T10:00:00", "Europe/Paris"), ==, utc (2026, 6, 9, 8, 0));
  g_assert_cmpint (to_utc ("2026-01-09T10:00:00", "Europe/Paris"), ==, utc (2026, 1, 9, 9, 0));

  utc_text = lia_time_from_utc (utc (2026, 6, 9, 10, 0), "UTC");
  g_assert_cmpstr (utc_text, ==, "2026-06-09T10:00:00");
  etc_text = lia_time_from_utc (utc (2026, 1, 9, 17, 0), "America/Edmonton");
  g_assert_cmpstr (etc_text, ==, "2026-01-09T10:00:00");
  unknown = lia_time_from_utc (utc (2026, 1, 9, 17, 0), "Nowhere/Atlantis");
  g_assert_null (unknown);
}

/* 2026-03-08 02:00 does not happen in Edmonton (clocks go to 03:00):
 * 02:30 moves forward by the gap, to 03:30 MDT. libical 3.0's own
 * icaltime_as_timet_with_zone() would give 01:30 MST. */
static void
test_time_gap (void)
{
  g_autofree char *back = NULL;
  g_autofree char *paris = NULL;

  g_assert_cmpint (to_utc ("2026-03-08T02:30:00", "America/Edmonton"), ==, utc (2026, 3, 8, 9, 30));
  g_assert_cmpint (to_utc ("2026-03-08T03:30:00", "America/Edmonton"), ==, utc (2026, 3, 8, 9, 30));
  g_assert_cmpint (to_utc ("2026-03-08T01:59:59", "America/Edmonton"), ==, utc (2026, 3, 8, 8, 59) + 59);
  back = lia_time_from_utc (utc (2026, 3, 8, 9, 30), "America/Edmonton");
  g_assert_cmpstr (back, ==, "2026-03-08T03:30:00");

  /* libical alone takes the offset after the change: 01:30 MST, earlier */
  g_assert_cmpint (libical_to_utc ("20260308T023000", "America/Edmonton"), ==, utc (2026, 3, 8, 8, 30));

  /* Europe/Paris jumps from 02:00 to 03:00 on 2026-03-29 */
  g_assert_cmpint (to_utc ("2026-03-29T02:30:00", "Europe/Paris"), ==, utc (2026, 3, 29, 1, 30));
  paris = lia_time_from_utc (utc (2026, 3, 29, 1, 30), "Europe/Paris");
  g_assert_cmpstr (paris, ==, "2026-03-29T03:30:00");
}

/* 2026-11-01 01:00–02:00 happens twice in Edmonton: the first (MDT) wins.
 * libical 3.0's own conversion would take the second (MST). */
static void
test_time_ambiguous (void)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpint (to_utc ("2026-11-01T01:30:00", "America/Edmonton"), ==, utc (2026, 11, 1, 7, 30));
  g_assert_cmpint (to_utc ("2026-11-01T02:30:00", "America/Edmonton"), ==, utc (2026, 11, 1, 9, 30));
  first = lia_time_from_utc (utc (2026, 11, 1, 7, 30), "America/Edmonton");
  second = lia_time_from_utc (utc (2026, 11, 1, 8, 30), "America/Edmonton");
  g_assert_cmpstr (first, ==, "2026-11-01T01:30:00");
  g_assert_cmpstr (second, ==, "2026-11-01T01:30:00");

  /* libical alone takes the second, 01:30 MST */
  g_assert_cmpint (libical_to_utc ("20261101T013000", "America/Edmonton"), ==, utc (2026, 11, 1, 8, 30));

  g_assert_cmpint (to_utc ("2026-10-25T02:30:00", "Europe/Paris"), ==, utc (2026, 10, 25, 0, 30));
}

/* Every instant of a year there and back; only the second of a doubled
 * hour comes back as the first. */
static void
test_time_round_trip (void)
{
  const char *zones[] = { "America/Edmonton", "Europe/Paris", "Australia/Sydney", "Asia/Kolkata" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (gint64 u = utc (2026, 1, 1, 0, 0); u < utc (2027, 1, 1, 0, 0); u += 47 * 60)
      {
        g_autofree char *local = lia_time_from_utc (u, zones[z]);
        gint64 back = to_utc (local, zones[z]);

        if (back != u)
          {
            g_autofree char *earlier = lia_time_from_utc (back, zones[z]);

            g_assert_cmpint (back, ==, u - HOUR);
            g_assert_cmpstr (earlier, ==, local);
          }
      }
}

static void
test_time_all_day (void)
{
  gint64 result = 0;

  g_assert_cmpint (to_utc ("2026-06-09", "America/Edmonton"), ==, utc (2026, 6, 9, 0, 0));
  g_assert_true (lia_time_to_utc ("2026-06-09", "Pacific/Kiritimati", TRUE, &result, NULL));
  g_assert_cmpint (result, ==, utc (2026, 6, 9, 0, 0));
  g_assert_true (lia_time_to_utc ("2026-06-09", NULL, TRUE, &result, NULL));
  g_assert_cmpint (result, ==, utc (2026, 6, 9, 0, 0));
  g_assert_true (lia_time_to_utc ("1969-12-31", NULL, TRUE, &result, NULL));
  g_assert_cmpint (result, ==, -DAY);
}

static void
test_time_errors (void)
{
  const char *bad_times[] = {
    "2026-13-01T10:00:00", "2026-02-29T10:00:00", "2026-06-09T24:00:00",
    "2026-06-09T10:60:00", "2026-06-09 10:00:00", "20260609T100000",
    "2026-06-09T10:00", "2026-06-09T10:00:00Z", " 2026-06-09T10:00:00",
    "2026-06-09", "", "yesterday",
  };
  const char *bad_days[] = { "2026-06-31", "2026-6-9", "2026-06-09T00:00:00", "0000-01-01", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_times); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 result = 42;

      g_assert_false (lia_time_to_utc (bad_times[i], "Europe/Paris", FALSE, &result, &error));
      g_assert_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_INVALID_TIME);
      g_assert_cmpint (result, ==, 42);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_days); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 result = 42;

      g_assert_false (lia_time_to_utc (bad_days[i], NULL, TRUE, &result, &error));
      g_assert_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_INVALID_TIME);
      g_assert_cmpint (result, ==, 42);
    }

  {
    g_autoptr(GError) error = NULL;
    gint64 result = 42;

    g_assert_false (lia_time_to_utc ("2026-06-09T10:00:00", "Nowhere/Atlantis", FALSE, &result, &error));
    g_assert_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_UNKNOWN_ZONE);
    g_assert_nonnull (strstr (error->message, "Nowhere/Atlantis"));
    g_assert_cmpint (result, ==, 42);
  }

  {
    g_autoptr(GError) error = NULL;
    gint64 result = 42;

    g_assert_false (lia_time_to_utc ("2026-06-09T10:00:00", NULL, FALSE, &result, &error));
    g_assert_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_UNKNOWN_ZONE);
    g_assert_cmpint (result, ==, 42);
  }
}

/* A weekly 10:00–11:00 stays 10:00–11:00 where it is, across both
 * changes; its UTC time moves by an hour. */
static void
check_weekly_across_dst (const char *tzid,
                         const char *spring_before,
                         gint64      spring_before_utc,
                         const char *spring_after,
                         gint64      spring_after_utc,
                         const char *autumn_before,
                         gint64      autumn_before_utc,
                         const char *autumn_after,
                         gint64      autumn_after_utc)
{
  g_autoptr(GArray) occurrences = NULL;
  struct { const char *id; gint64 start; } expected[] = {
    { spring_before, spring_before_utc },
    { spring_after, spring_after_utc },
    { autumn_before, autumn_before_utc },
    { autumn_after, autumn_after_utc },
  };
  guint found = 0;

  occurrences = expand ("2026-01-06T10:00:00", "2026-01-06T11:00:00", tzid, FALSE,
                        "FREQ=WEEKLY;BYDAY=TU", NULL,
                        utc (2026, 1, 1, 0, 0), utc (2027, 1, 1, 0, 0), 0);

  /* Every Tuesday of 2026 from 6 January */
  g_assert_cmpuint (occurrences->len, ==, 52);
  assert_in_order (occurrences);

  for (guint i = 0; i < occurrences->len; i++)
    {
      LiaOccurrence *occurrence = occurrence_at (occurrences, i);
      g_autofree char *start = lia_time_from_utc (occurrence->start_utc, tzid);
      g_autofree char *end = lia_time_from_utc (occurrence->end_utc, tzid);

      g_assert_cmpstr (start + 10, ==, "T10:00:00");
      g_assert_cmpstr (end + 10, ==, "T11:00:00");
      g_assert_cmpstr (start, ==, occurrence->recurrence_id);
      g_assert_cmpint (occurrence->end_utc - occurrence->start_utc, ==, HOUR);

      for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
        if (g_str_equal (occurrence->recurrence_id, expected[j].id))
          {
            g_assert_cmpint (occurrence->start_utc, ==, expected[j].start);
            found++;
          }
    }

  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
  g_assert_cmpint (spring_after_utc - spring_before_utc, ==, 7 * DAY - HOUR);
  g_assert_cmpint (autumn_after_utc - autumn_before_utc, ==, 7 * DAY + HOUR);
}

static void
test_expand_dst_edmonton (void)
{
  /* MST is UTC-7 until 8 March, MDT UTC-6 until 1 November */
  check_weekly_across_dst ("America/Edmonton",
                           "2026-03-03T10:00:00", utc (2026, 3, 3, 17, 0),
                           "2026-03-10T10:00:00", utc (2026, 3, 10, 16, 0),
                           "2026-10-27T10:00:00", utc (2026, 10, 27, 16, 0),
                           "2026-11-03T10:00:00", utc (2026, 11, 3, 17, 0));
}

static void
test_expand_dst_paris (void)
{
  /* CET is UTC+1 until 29 March, CEST UTC+2 until 25 October */
  check_weekly_across_dst ("Europe/Paris",
                           "2026-03-24T10:00:00", utc (2026, 3, 24, 9, 0),
                           "2026-03-31T10:00:00", utc (2026, 3, 31, 8, 0),
                           "2026-10-20T10:00:00", utc (2026, 10, 20, 8, 0),
                           "2026-10-27T10:00:00", utc (2026, 10, 27, 9, 0));
}

/* An evening event over the night the clocks change keeps its wall-clock
 * hours, so it lasts an hour less (or more) in real time. */
static void
test_expand_dst_overnight (void)
{
  g_autoptr(GArray) occurrences = NULL;

  occurrences = expand ("2026-03-07T22:00:00", "2026-03-08T04:00:00", "America/Edmonton", FALSE,
                        "FREQ=DAILY;COUNT=2", NULL,
                        utc (2026, 3, 1, 0, 0), utc (2026, 4, 1, 0, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 2);
  g_assert_cmpint (occurrence_at (occurrences, 0)->start_utc, ==, utc (2026, 3, 8, 5, 0));
  g_assert_cmpint (occurrence_at (occurrences, 0)->end_utc, ==, utc (2026, 3, 8, 10, 0));
  g_assert_cmpint (occurrence_at (occurrences, 1)->start_utc, ==, utc (2026, 3, 9, 4, 0));
  g_assert_cmpint (occurrence_at (occurrences, 1)->end_utc, ==, utc (2026, 3, 9, 10, 0));
}

/* Monthly on the 31st skips the months without one (RFC 5545 3.3.10). */
static void
test_expand_month_end (void)
{
  const char *rules[] = { "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=MONTHLY" };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GArray) occurrences = NULL;
      g_autofree char *ids = NULL;

      occurrences = expand ("2026-01-31T18:00:00", "2026-01-31T20:00:00", "America/Edmonton", FALSE,
                            rules[i], NULL, utc (2026, 1, 1, 0, 0), utc (2027, 1, 1, 7, 0), 0);
      ids = join_ids (occurrences);
      g_assert_cmpstr (ids, ==,
                       "2026-01-31T18:00:00 2026-03-31T18:00:00 2026-05-31T18:00:00 "
                       "2026-07-31T18:00:00 2026-08-31T18:00:00 2026-10-31T18:00:00 "
                       "2026-12-31T18:00:00");
    }
}

static void
test_expand_nth_weekday (void)
{
  const char *second_tuesday_rules[] = { "FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2" };
  g_autoptr(GArray) last_fridays = NULL;
  g_autofree char *last_ids = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (second_tuesday_rules); i++)
    {
      g_autoptr(GArray) occurrences = NULL;
      g_autofree char *ids = NULL;

      occurrences = expand ("2026-01-13T19:00:00", "2026-01-13T20:30:00", "America/Edmonton", FALSE,
                            second_tuesday_rules[i], NULL,
                            utc (2026, 1, 1, 0, 0), utc (2027, 1, 1, 0, 0), 0);
      ids = join_ids (occurrences);
      g_assert_cmpstr (ids, ==,
                       "2026-01-13T19:00:00 2026-02-10T19:00:00 2026-03-10T19:00:00 "
                       "2026-04-14T19:00:00 2026-05-12T19:00:00 2026-06-09T19:00:00 "
                       "2026-07-14T19:00:00 2026-08-11T19:00:00 2026-09-08T19:00:00 "
                       "2026-10-13T19:00:00 2026-11-10T19:00:00 2026-12-08T19:00:00");
    }

  last_fridays = expand ("2026-01-30", NULL, NULL, TRUE, "FREQ=MONTHLY;BYDAY=-1FR", NULL,
                         utc (2026, 1, 1, 0, 0), utc (2027, 1, 1, 0, 0), 0);
  last_ids = join_ids (last_fridays);
  g_assert_cmpstr (last_ids, ==,
                   "2026-01-30 2026-02-27 2026-03-27 2026-04-24 2026-05-29 2026-06-26 "
                   "2026-07-31 2026-08-28 2026-09-25 2026-10-30 2026-11-27 2026-12-25");
}

static void
test_expand_exdates (void)
{
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) some = NULL;
  g_autoptr(GArray) days = NULL;
  g_autofree char *some_ids = NULL;
  g_autofree char *day_ids = NULL;

  all = expand ("2026-03-03T10:00:00", "2026-03-03T11:00:00", "Europe/Paris", FALSE,
                "FREQ=WEEKLY;BYDAY=TU", NULL, utc (2026, 3, 1, 0, 0), utc (2026, 4, 1, 0, 0), 0);
  g_assert_cmpuint (all->len, ==, 5);

  /* One taken out, one that is no date of the series changes nothing */
  some = expand ("2026-03-03T10:00:00", "2026-03-03T11:00:00", "Europe/Paris", FALSE,
                 "FREQ=WEEKLY;BYDAY=TU", "2026-03-17T10:00:00, 2026-03-18T10:00:00,2026-03-31T10:00:00",
                 utc (2026, 3, 1, 0, 0), utc (2026, 4, 1, 0, 0), 0);
  some_ids = join_ids (some);
  g_assert_cmpstr (some_ids, ==, "2026-03-03T10:00:00 2026-03-10T10:00:00 2026-03-24T10:00:00");

  days = expand ("2026-03-02", NULL, NULL, TRUE, "FREQ=DAILY;COUNT=4", "2026-03-03",
                 utc (2026, 3, 1, 0, 0), utc (2026, 4, 1, 0, 0), 0);
  day_ids = join_ids (days);
  g_assert_cmpstr (day_ids, ==, "2026-03-02 2026-03-04 2026-03-05");
}

static void
test_expand_window (void)
{
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GArray) instants = NULL;
  g_autoptr(GArray) single = NULL;
  g_autoptr(GArray) outside = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *instant_ids = NULL;

  /* 10:00–12:00 UTC every day; from 11:00 on the 10th (the 10th is still
   * going on) to 10:00 on the 12th (the 12th starts exactly then: out) */
  occurrences = expand ("2026-06-01T10:00:00", "2026-06-01T12:00:00", "UTC", FALSE,
                        "FREQ=DAILY", NULL, utc (2026, 6, 10, 11, 0), utc (2026, 6, 12, 10, 0), 0);
  ids = join_ids (occurrences);
  g_assert_cmpstr (ids, ==, "2026-06-10T10:00:00 2026-06-11T10:00:00");
  g_assert_cmpint (occurrence_at (occurrences, 0)->start_utc, ==, utc (2026, 6, 10, 10, 0));
  g_assert_cmpint (occurrence_at (occurrences, 0)->end_utc, ==, utc (2026, 6, 10, 12, 0));

  /* One that ends exactly at @from is over */
  g_clear_pointer (&occurrences, g_array_unref);
  occurrences = expand ("2026-06-01T10:00:00", "2026-06-01T12:00:00", "UTC", FALSE,
                        "FREQ=DAILY", NULL, utc (2026, 6, 10, 12, 0), utc (2026, 6, 11, 10, 1), 0);
  g_assert_cmpuint (occurrences->len, ==, 1);
  g_assert_cmpstr (occurrence_at (occurrences, 0)->recurrence_id, ==, "2026-06-11T10:00:00");

  /* Without an end, an occurrence is an instant: in at @from, out at @to */
  instants = expand ("2026-06-01T10:00:00", NULL, "UTC", FALSE,
                     "FREQ=DAILY", NULL, utc (2026, 6, 10, 10, 0), utc (2026, 6, 12, 10, 0), 0);
  instant_ids = join_ids (instants);
  g_assert_cmpstr (instant_ids, ==, "2026-06-10T10:00:00 2026-06-11T10:00:00");
  g_assert_cmpint (occurrence_at (instants, 0)->end_utc, ==, occurrence_at (instants, 0)->start_utc);

  /* A single event */
  single = expand ("2026-06-10T10:00:00", "2026-06-10T12:00:00", "America/Edmonton", FALSE,
                   NULL, NULL, utc (2026, 6, 10, 17, 0), utc (2026, 6, 11, 0, 0), 0);
  g_assert_cmpuint (single->len, ==, 1);
  g_assert_cmpint (occurrence_at (single, 0)->start_utc, ==, utc (2026, 6, 10, 16, 0));
  g_assert_cmpint (occurrence_at (single, 0)->end_utc, ==, utc (2026, 6, 10, 18, 0));
  g_assert_cmpstr (occurrence_at (single, 0)->recurrence_id, ==, "2026-06-10T10:00:00");

  outside = expand ("2026-06-10T10:00:00", "2026-06-10T12:00:00", "America/Edmonton", FALSE,
                    NULL, NULL, utc (2026, 6, 10, 18, 0), utc (2026, 6, 11, 0, 0), 0);
  g_assert_cmpuint (outside->len, ==, 0);
}

static void
test_expand_max (void)
{
  g_autoptr(GArray) occurrences = NULL;
  g_autofree char *ids = NULL;

  occurrences = expand ("2026-06-01T10:00:00", "2026-06-01T11:00:00", "Europe/Paris", FALSE,
                        "FREQ=DAILY", NULL, utc (2026, 6, 3, 0, 0), G_MAXINT64 / 2, 3);
  ids = join_ids (occurrences);
  g_assert_cmpstr (ids, ==, "2026-06-03T10:00:00 2026-06-04T10:00:00 2026-06-05T10:00:00");
}

/* All-day days are UTC days whatever the zone; dtend is the last day. */
static void
test_expand_all_day (void)
{
  g_autoptr(GArray) occurrences = NULL;
  g_autoptr(GArray) last_day = NULL;
  g_autoptr(GArray) one_day = NULL;
  LiaOccurrence *first;

  occurrences = expand ("2026-06-09", "2026-06-11", "Pacific/Kiritimati", TRUE,
                        "FREQ=WEEKLY;BYDAY=TU", NULL, utc (2026, 6, 1, 0, 0), utc (2026, 7, 1, 0, 0), 0);
  g_assert_cmpuint (occurrences->len, ==, 4);
  first = occurrence_at (occurrences, 0);
  g_assert_cmpstr (first->recurrence_id, ==, "2026-06-09");
  g_assert_cmpint (first->start_utc, ==, utc (2026, 6, 9, 0, 0));
  g_assert_cmpint (first->end_utc, ==, utc (2026, 6, 12, 0, 0));
  g_assert_cmpstr (occurrence_at (occurrences, 3)->recurrence_id, ==, "2026-06-30");

  /* A window on the last day of an occurrence still finds it */
  last_day = expand ("2026-06-09", "2026-06-11", "America/Edmonton", TRUE,
                     "FREQ=WEEKLY;BYDAY=TU", NULL, utc (2026, 6, 11, 23, 0), utc (2026, 6, 12, 0, 0), 0);
  g_assert_cmpuint (last_day->len, ==, 1);
  g_assert_cmpstr (occurrence_at (last_day, 0)->recurrence_id, ==, "2026-06-09");

  /* Without dtend, one day */
  one_day = expand ("2026-06-09", NULL, NULL, TRUE, NULL, NULL,
                    utc (2026, 6, 1, 0, 0), utc (2026, 7, 1, 0, 0), 0);
  g_assert_cmpuint (one_day->len, ==, 1);
  g_assert_cmpint (occurrence_at (one_day, 0)->end_utc - occurrence_at (one_day, 0)->start_utc, ==, DAY);
}

/* A window years after the start skips ahead (icalrecur_iterator_set_start);
 * the same rule with a COUNT is walked from its start, so both must agree. */
static void
test_expand_skip_ahead (void)
{
  struct {
    const char *dtstart;
    const char *dtend;
    const char *tzid;
    const char *rrule;
  } series[] = {
    { "2016-01-05T10:00:00", "2016-01-05T11:00:00", "America/Edmonton", "FREQ=WEEKLY;BYDAY=TU" },
    { "2016-01-04T18:30:00", "2016-01-04T21:00:00", "Europe/Paris", "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH" },
    { "2016-01-04T09:00:00", "2016-01-05T17:00:00", "Europe/Paris", "FREQ=DAILY;INTERVAL=3" },
    { "2016-01-31T09:00:00", NULL, "America/Edmonton", "FREQ=MONTHLY;INTERVAL=2" },
    { "2016-01-12T19:00:00", "2016-01-12T21:00:00", "America/Edmonton", "FREQ=MONTHLY;BYDAY=2TU" },
    { "2016-01-29T19:00:00", "2016-01-29T21:00:00", "America/Edmonton", "FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR" },
    { "2016-02-29T12:00:00", "2016-02-29T13:00:00", "UTC", "FREQ=YEARLY" },
    { "2016-01-05", "2016-01-06", NULL, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" },
    { "2016-01-12", NULL, NULL, "FREQ=MONTHLY;BYDAY=2TU" },
  };
  struct { gint64 from; gint64 to; } windows[] = {
    { utc (2026, 6, 1, 0, 0), utc (2026, 7, 1, 0, 0) },
    { utc (2028, 2, 1, 0, 0), utc (2028, 3, 15, 0, 0) },
    { utc (2026, 3, 5, 17, 30), utc (2026, 3, 20, 16, 0) },
  };
  guint compared = 0;

  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
      {
        gboolean all_day = strlen (series[i].dtstart) == 10;
        g_autofree char *counted = g_strconcat (series[i].rrule, ";COUNT=100000", NULL);
        g_autoptr(GArray) fast = NULL;
        g_autoptr(GArray) slow = NULL;
        g_autofree char *fast_ids = NULL;
        g_autofree char *slow_ids = NULL;

        fast = expand (series[i].dtstart, series[i].dtend, series[i].tzid, all_day,
                       series[i].rrule, NULL, windows[w].from, windows[w].to, 0);
        slow = expand (series[i].dtstart, series[i].dtend, series[i].tzid, all_day,
                       counted, NULL, windows[w].from, windows[w].to, 0);
        fast_ids = join_ids (fast);
        slow_ids = join_ids (slow);
        g_assert_cmpstr (fast_ids, ==, slow_ids);
        for (guint k = 0; k < fast->len; k++)
          {
            g_assert_cmpint (occurrence_at (fast, k)->start_utc, ==, occurrence_at (slow, k)->start_utc);
            g_assert_cmpint (occurrence_at (fast, k)->end_utc, ==, occurrence_at (slow, k)->end_utc);
          }
        compared += fast->len;
      }

  /* The windows were not empty */
  g_assert_cmpuint (compared, >, 50);
}

static void
test_expand_errors (void)
{
  struct {
    const char *dtstart;
    const char *dtend;
    const char *tzid;
    gboolean    all_day;
    const char *rrule;
    const char *exdates;
    int         code;
  } cases[] = {
    { "2026-06-09T10:00", NULL, "UTC", FALSE, NULL, NULL, LIA_RECURRENCE_ERROR_INVALID_TIME },
    { "2026-06-09", NULL, "UTC", FALSE, NULL, NULL, LIA_RECURRENCE_ERROR_INVALID_TIME },
    { "2026-06-09T10:00:00", NULL, "UTC", TRUE, NULL, NULL, LIA_RECURRENCE_ERROR_INVALID_TIME },
    { "2026-06-09T10:00:00", "2026-06-09T09:00:00", "UTC", FALSE, NULL, NULL, LIA_RECURRENCE_ERROR_INVALID_TIME },
    { "2026-06-09", "2026-06-08", NULL, TRUE, NULL, NULL, LIA_RECURRENCE_ERROR_INVALID_TIME },
    { "2026-06-09T10:00:00", "2026-06-09", "UTC", FALSE, NULL, NULL, LIA_RECURRENCE_ERROR_INVALID_TIME },
    { "2026-06-09T10:00:00", NULL, "UTC", FALSE, "FREQ=DAILY", "2026-06-10", LIA_RECURRENCE_ERROR_INVALID_TIME },
    { "2026-06-09", NULL, NULL, TRUE, "FREQ=DAILY", "2026-06-10,soon", LIA_RECURRENCE_ERROR_INVALID_TIME },
    { "2026-06-09T10:00:00", NULL, "Nowhere/Atlantis", FALSE, NULL, NULL, LIA_RECURRENCE_ERROR_UNKNOWN_ZONE },
    { "2026-06-09T10:00:00", NULL, NULL, FALSE, NULL, NULL, LIA_RECURRENCE_ERROR_UNKNOWN_ZONE },
    { "2026-06-09T10:00:00", NULL, "UTC", FALSE, "FREQ=SOMETIMES", NULL, LIA_RECURRENCE_ERROR_INVALID_RULE },
    { "2026-06-09T10:00:00", NULL, "UTC", FALSE, "BYDAY=TU", NULL, LIA_RECURRENCE_ERROR_INVALID_RULE },
    { "2026-06-09T10:00:00", NULL, "UTC", FALSE, "FREQ=DAILY;COUNT=3;UNTIL=20260701", NULL, LIA_RECURRENCE_ERROR_INVALID_RULE },
    { "2026-06-09T10:00:00", NULL, "UTC", FALSE, "FREQ=WEEKLY;BYDAY=TUESDAY", NULL, LIA_RECURRENCE_ERROR_INVALID_RULE },
    { "2026-06-09", NULL, NULL, TRUE, "FREQ=WEEKLY;BYMONTHDAY=3", NULL, LIA_RECURRENCE_ERROR_INVALID_RULE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) span_error = NULL;
      g_autoptr(GArray) occurrences = NULL;
      gint64 start = 42;
      gint64 end = 42;

      occurrences = lia_recurrence_expand (cases[i].dtstart, cases[i].dtend, cases[i].tzid,
                                           cases[i].all_day, cases[i].rrule, cases[i].exdates,
                                           0, G_MAXINT64 / 2, 0, &error);
      g_assert_null (occurrences);
      g_assert_error (error, LIA_RECURRENCE_ERROR, cases[i].code);

      g_assert_false (lia_recurrence_get_span (cases[i].dtstart, cases[i].dtend, cases[i].tzid,
                                               cases[i].all_day, cases[i].rrule, cases[i].exdates,
                                               &start, &end, &span_error));
      g_assert_error (span_error, LIA_RECURRENCE_ERROR, cases[i].code);
      g_assert_cmpint (start, ==, 42);
      g_assert_cmpint (end, ==, 42);
    }
}

static void
get_span (const char *dtstart,
          const char *dtend,
          const char *tzid,
          gboolean    all_day,
          const char *rrule,
          const char *exdates,
          gint64     *start,
          gint64     *end)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_recurrence_get_span (dtstart, dtend, tzid, all_day, rrule, exdates,
                                          start, end, &error));
  g_assert_no_error (error);
}

static void
test_span_count (void)
{
  gint64 start = 0;
  gint64 end = 0;

  /* Ten Tuesdays from 3 March: the last is 5 May, after the change to MDT */
  get_span ("2026-03-03T10:00:00", "2026-03-03T11:30:00", "America/Edmonton", FALSE,
            "FREQ=WEEKLY;BYDAY=TU;COUNT=10", NULL, &start, &end);
  g_assert_cmpint (start, ==, utc (2026, 3, 3, 17, 0));
  g_assert_cmpint (end, ==, utc (2026, 5, 5, 17, 30));

  /* Taking out the first moves the start, not the end (EXDATE does not
   * add a date at the end: COUNT counts the dates before it) */
  get_span ("2026-03-03T10:00:00", "2026-03-03T11:30:00", "America/Edmonton", FALSE,
            "FREQ=WEEKLY;BYDAY=TU;COUNT=10", "2026-03-03T10:00:00", &start, &end);
  g_assert_cmpint (start, ==, utc (2026, 3, 10, 16, 0));
  g_assert_cmpint (end, ==, utc (2026, 5, 5, 17, 30));

  /* All-day, three days long, five times a month apart */
  get_span ("2026-01-30", "2026-02-01", "Pacific/Kiritimati", TRUE,
            "FREQ=MONTHLY;BYDAY=-1FR;COUNT=5", NULL, &start, &end);
  g_assert_cmpint (start, ==, utc (2026, 1, 30, 0, 0));
  g_assert_cmpint (end, ==, utc (2026, 6, 1, 0, 0));
}

static void
test_span_until (void)
{
  gint64 start = 0;
  gint64 end = 0;

  /* Until the end of 9 June in Edmonton: 9 June is the last */
  get_span ("2026-06-01T19:00:00", "2026-06-01T21:00:00", "America/Edmonton", FALSE,
            "FREQ=DAILY;UNTIL=20260610T055959Z", NULL, &start, &end);
  g_assert_cmpint (start, ==, utc (2026, 6, 2, 1, 0));
  g_assert_cmpint (end, ==, utc (2026, 6, 10, 3, 0));

  /* A day UNTIL of a timed event includes that day */
  get_span ("2026-06-01T19:00:00", "2026-06-01T21:00:00", "America/Edmonton", FALSE,
            "FREQ=DAILY;UNTIL=20260609", NULL, &start, &end);
  g_assert_cmpint (end, ==, utc (2026, 6, 10, 3, 0));

  /* An UNTIL at the last start is inclusive */
  get_span ("2026-06-01T10:00:00", "2026-06-01T11:00:00", "Europe/Paris", FALSE,
            "FREQ=WEEKLY;UNTIL=20260615T080000Z", NULL, &start, &end);
  g_assert_cmpint (end, ==, utc (2026, 6, 15, 9, 0));

  get_span ("2026-06-01", NULL, NULL, TRUE, "FREQ=WEEKLY;UNTIL=20260615", NULL, &start, &end);
  g_assert_cmpint (start, ==, utc (2026, 6, 1, 0, 0));
  g_assert_cmpint (end, ==, utc (2026, 6, 16, 0, 0));
}

static void
test_span_endless (void)
{
  gint64 start = 0;
  gint64 end = 42;

  get_span ("2026-06-02T10:00:00", "2026-06-02T11:00:00", "Europe/Paris", FALSE,
            "FREQ=WEEKLY;BYDAY=TU", "2026-06-02T10:00:00", &start, &end);
  g_assert_cmpint (start, ==, utc (2026, 6, 9, 8, 0));
  g_assert_cmpint (end, ==, 0);

  /* Too long to walk is endless too */
  end = 42;
  get_span ("2026-06-02T10:00:00", NULL, "Europe/Paris", FALSE,
            "FREQ=HOURLY;COUNT=200000", NULL, &start, &end);
  g_assert_cmpint (start, ==, utc (2026, 6, 2, 8, 0));
  g_assert_cmpint (end, ==, 0);
}

static void
test_span_single (void)
{
  gint64 start = 0;
  gint64 end = 0;

  get_span ("2026-11-01T00:30:00", "2026-11-01T02:30:00", "America/Edmonton", FALSE,
            NULL, NULL, &start, &end);
  g_assert_cmpint (start, ==, utc (2026, 11, 1, 6, 30));
  /* The doubled hour makes it three hours long */
  g_assert_cmpint (end, ==, utc (2026, 11, 1, 9, 30));

  get_span ("2026-06-09", "2026-06-10", "Asia/Tokyo", TRUE, NULL, NULL, &start, &end);
  g_assert_cmpint (start, ==, utc (2026, 6, 9, 0, 0));
  g_assert_cmpint (end, ==, utc (2026, 6, 11, 0, 0));
}

static void
assert_recurrence_equal (const LiaRecurrence *a,
                         const LiaRecurrence *b)
{
  g_assert_cmpint (a->repeat, ==, b->repeat);
  g_assert_cmpint (a->interval, ==, b->interval);
  g_assert_cmpint (a->weekdays, ==, b->weekdays);
  g_assert_cmpint (a->nth, ==, b->nth);
  g_assert_cmpint (a->count, ==, b->count);
  g_assert_cmpstr (a->until, ==, b->until);
}

static void
parse_ok (const char    *rrule,
          const char    *dtstart,
          LiaRecurrence *recurrence)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_recurrence_parse (rrule, dtstart, recurrence, &error));
  g_assert_no_error (error);
}

static void
test_parse_kinds (void)
{
  LiaRecurrence r;

  parse_ok (NULL, "2026-06-09T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_NONE);
  parse_ok ("", "2026-06-09T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_NONE);

  parse_ok ("FREQ=DAILY;INTERVAL=3", "2026-06-09T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_DAILY);
  g_assert_cmpint (r.interval, ==, 3);
  g_assert_cmpint (r.count, ==, 0);
  g_assert_cmpstr (r.until, ==, "");

  /* Weekly without BYDAY: dtstart's weekday (9 June 2026 is a Tuesday) */
  parse_ok ("RRULE:FREQ=WEEKLY", "2026-06-09T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_WEEKLY);
  g_assert_cmpint (r.weekdays, ==, LIA_WEEKDAY_TUESDAY);

  parse_ok ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,MO;COUNT=10", "2026-06-08T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_WEEKLY);
  g_assert_cmpint (r.interval, ==, 2);
  g_assert_cmpint (r.weekdays, ==, LIA_WEEKDAY_MONDAY | LIA_WEEKDAY_THURSDAY);
  g_assert_cmpint (r.count, ==, 10);

  parse_ok ("FREQ=MONTHLY", "2026-06-15T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_MONTHLY_BY_DATE);
  parse_ok ("FREQ=MONTHLY;BYMONTHDAY=15", "2026-06-15T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_MONTHLY_BY_DATE);

  parse_ok ("FREQ=MONTHLY;BYDAY=2TU", "2026-06-09T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_MONTHLY_BY_WEEKDAY);
  g_assert_cmpint (r.nth, ==, 2);
  parse_ok ("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2", "2026-06-09T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_MONTHLY_BY_WEEKDAY);
  g_assert_cmpint (r.nth, ==, 2);
  parse_ok ("FREQ=MONTHLY;BYDAY=-1FR", "2026-06-26", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_MONTHLY_BY_WEEKDAY);
  g_assert_cmpint (r.nth, ==, -1);
  parse_ok ("FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1", "2026-06-26", &r);
  g_assert_cmpint (r.nth, ==, -1);

  parse_ok ("FREQ=YEARLY", "2026-03-03T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_YEARLY);
  parse_ok ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "2026-03-03T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_YEARLY);

  /* Google Calendar's week start does not matter to a single day */
  parse_ok ("FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=TU", "2026-06-09T10:00:00", &r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_WEEKLY);
}

/* UNTIL as a day, whatever form it comes in. */
static void
test_parse_until (void)
{
  struct { const char *rrule; const char *dtstart; const char *until; } cases[] = {
    { "FREQ=DAILY;UNTIL=20270609", "2026-06-09", "2027-06-09" },
    { "FREQ=DAILY;UNTIL=20270609", "2026-06-09T10:00:00", "2027-06-09" },
    { "FREQ=DAILY;UNTIL=20270609T100000", "2026-06-09T10:00:00", "2027-06-09" },
    /* The end of the day in Edmonton (MDT), Paris (CEST), Kolkata, Auckland (NZST) */
    { "FREQ=DAILY;UNTIL=20270610T055959Z", "2026-06-09T10:00:00", "2027-06-09" },
    { "FREQ=DAILY;UNTIL=20270609T215959Z", "2026-06-09T10:00:00", "2027-06-09" },
    { "FREQ=DAILY;UNTIL=20270609T182959Z", "2026-06-09T10:00:00", "2027-06-09" },
    { "FREQ=DAILY;UNTIL=20270609T115959Z", "2026-06-09T10:00:00", "2027-06-09" },
    /* The start of the last one: 10:00 in Paris (CEST), 19:00 in Edmonton (MDT) */
    { "FREQ=DAILY;UNTIL=20270609T080000Z", "2026-06-09T10:00:00", "2027-06-09" },
    { "FREQ=DAILY;UNTIL=20270610T010000Z", "2026-06-09T19:00:00", "2027-06-09" },
    /* An all-day series ended at local midnight in Paris */
    { "FREQ=DAILY;UNTIL=20270608T220000Z", "2026-06-09", "2027-06-09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LiaRecurrence r;

      parse_ok (cases[i].rrule, cases[i].dtstart, &r);
      g_assert_cmpint (r.repeat, ==, LIA_REPEAT_DAILY);
      g_assert_cmpstr (r.until, ==, cases[i].until);
      g_assert_cmpint (r.count, ==, 0);
    }
}

static void
test_parse_custom (void)
{
  struct { const char *rrule; const char *dtstart; } cases[] = {
    { "FREQ=DAILY;BYHOUR=9,15", "2026-06-09T09:00:00" },
    { "FREQ=HOURLY;INTERVAL=4", "2026-06-09T09:00:00" },
    { "FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-06-15T09:00:00" },
    { "FREQ=MONTHLY;BYMONTHDAY=3", "2026-06-15T09:00:00" },
    { "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-06-30T09:00:00" },
    { "FREQ=WEEKLY;BYMONTH=6;BYDAY=TU", "2026-06-09T09:00:00" },
    { "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,TU", "2026-06-08T09:00:00" },
    { "FREQ=MONTHLY;BYDAY=5TU", "2026-06-30T09:00:00" },
    { "FREQ=MONTHLY;BYDAY=2WE", "2026-06-09T09:00:00" },
    { "FREQ=MONTHLY;BYDAY=MO,TU", "2026-06-09T09:00:00" },
    { "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1,3", "2026-06-09T09:00:00" },
    { "FREQ=MONTHLY;BYMONTH=6", "2026-06-09T09:00:00" },
    { "FREQ=YEARLY;BYDAY=1MO;BYMONTH=9", "2026-09-07T09:00:00" },
    { "FREQ=YEARLY;BYMONTH=3", "2026-06-09T09:00:00" },
    { "FREQ=YEARLY;BYYEARDAY=160", "2026-06-09T09:00:00" },
    { "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "2026-06-09T09:00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      LiaRecurrence r;
      g_autofree char *words = NULL;

      g_assert_true (lia_recurrence_parse (cases[i].rrule, cases[i].dtstart, &r, &error));
      g_assert_no_error (error);
      g_assert_cmpint (r.repeat, ==, LIA_REPEAT_CUSTOM);
      g_assert_null (lia_recurrence_to_rrule (&r, cases[i].dtstart, "UTC"));
      words = lia_recurrence_describe (&r, cases[i].dtstart);
      g_assert_cmpstr (words, ==, "Repeats (custom rule)");
    }
}

static void
test_parse_errors (void)
{
  const char *rules[] = {
    "FREQ=SOMETIMES", "BYDAY=TU", "FREQ=DAILY;COUNT=3;UNTIL=20270609",
    "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;X-NAME=1", "FREQ=WEEKLY;BYDAY=XX", "   ",
    /* Parts libical will not iterate together */
    "FREQ=WEEKLY;BYMONTHDAY=3", "FREQ=MONTHLY;BYYEARDAY=3", "FREQ=MONTHLY;BYSETPOS=2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GError) error = NULL;
      LiaRecurrence r;

      g_assert_false (lia_recurrence_parse (rules[i], "2026-06-09T10:00:00", &r, &error));
      g_assert_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_INVALID_RULE);
    }

  {
    g_autoptr(GError) error = NULL;
    LiaRecurrence r;

    g_assert_false (lia_recurrence_parse ("FREQ=DAILY", "9 June", &r, &error));
    g_assert_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_INVALID_TIME);
  }
}

static void
test_to_rrule (void)
{
  LiaRecurrence r;
  g_autofree char *none = NULL;
  g_autofree char *weekly = NULL;
  g_autofree char *nth = NULL;
  g_autofree char *until_timed = NULL;
  g_autofree char *until_day = NULL;
  g_autofree char *until_utc = NULL;

  lia_recurrence_init (&r);
  g_assert_cmpint (r.repeat, ==, LIA_REPEAT_NONE);
  g_assert_cmpint (r.interval, ==, 1);
  none = lia_recurrence_to_rrule (&r, "2026-06-09T10:00:00", "UTC");
  g_assert_null (none);

  r.repeat = LIA_REPEAT_WEEKLY;
  r.interval = 2;
  r.weekdays = LIA_WEEKDAY_THURSDAY | LIA_WEEKDAY_MONDAY;
  r.count = 10;
  weekly = lia_recurrence_to_rrule (&r, "2026-06-08T10:00:00", "Europe/Paris");
  g_assert_cmpstr (weekly, ==, "FREQ=WEEKLY;COUNT=10;INTERVAL=2;BYDAY=MO,TH");

  lia_recurrence_init (&r);
  r.repeat = LIA_REPEAT_MONTHLY_BY_WEEKDAY;
  r.nth = -1;
  nth = lia_recurrence_to_rrule (&r, "2026-06-26T10:00:00", "Europe/Paris");
  g_assert_cmpstr (nth, ==, "FREQ=MONTHLY;BYDAY=-1FR");

  /* UNTIL: the end of that day where the event is, in UTC; a date when
   * all-day; the UTC day end when the zone is not known */
  lia_recurrence_init (&r);
  r.repeat = LIA_REPEAT_DAILY;
  g_strlcpy (r.until, "2027-06-09", sizeof r.until);
  until_timed = lia_recurrence_to_rrule (&r, "2026-06-09T10:00:00", "America/Edmonton");
  g_assert_cmpstr (until_timed, ==, "FREQ=DAILY;UNTIL=20270610T055959Z");
  until_day = lia_recurrence_to_rrule (&r, "2026-06-09", NULL);
  g_assert_cmpstr (until_day, ==, "FREQ=DAILY;UNTIL=20270609");
  until_utc = lia_recurrence_to_rrule (&r, "2026-06-09T10:00:00", NULL);
  g_assert_cmpstr (until_utc, ==, "FREQ=DAILY;UNTIL=20270609T235959Z");
}

/* to_rrule then parse gives back every choice of the editor, in zones on
 * both sides of UTC. */
static void
test_round_trip (void)
{
  const char *zones[] = { "America/Edmonton", "Europe/Paris", "Pacific/Auckland",
                          "Pacific/Honolulu", "Asia/Kolkata", "UTC" };
  const char *dtstarts[] = { "2026-06-09T10:00:00", "2026-01-13T19:30:00", "2026-06-09" };
  LiaRecurrence choices[] = {
    { LIA_REPEAT_DAILY, 1, 0, 0, 0, "" },
    { LIA_REPEAT_DAILY, 3, 0, 0, 5, "" },
    { LIA_REPEAT_DAILY, 1, 0, 0, 0, "2027-06-09" },
    { LIA_REPEAT_WEEKLY, 1, LIA_WEEKDAY_TUESDAY, 0, 0, "" },
    { LIA_REPEAT_WEEKLY, 2, LIA_WEEKDAY_MONDAY | LIA_WEEKDAY_THURSDAY | LIA_WEEKDAY_SUNDAY, 0, 0, "2026-12-31" },
    { LIA_REPEAT_WEEKLY, 1, 0x7f, 0, 12, "" },
    { LIA_REPEAT_MONTHLY_BY_DATE, 1, 0, 0, 0, "" },
    { LIA_REPEAT_MONTHLY_BY_DATE, 6, 0, 0, 0, "2030-01-01" },
    { LIA_REPEAT_MONTHLY_BY_WEEKDAY, 1, 0, 2, 0, "" },
    { LIA_REPEAT_MONTHLY_BY_WEEKDAY, 1, 0, 1, 0, "2027-03-01" },
    { LIA_REPEAT_MONTHLY_BY_WEEKDAY, 2, 0, 4, 8, "" },
    { LIA_REPEAT_MONTHLY_BY_WEEKDAY, 1, 0, -1, 0, "2026-11-30" },
    { LIA_REPEAT_YEARLY, 1, 0, 0, 0, "" },
    { LIA_REPEAT_YEARLY, 4, 0, 0, 0, "2040-02-29" },
  };
  guint checked = 0;

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (guint d = 0; d < G_N_ELEMENTS (dtstarts); d++)
      for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
        {
          LiaRecurrence back;
          g_autofree char *rrule = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) occurrences = NULL;

          rrule = lia_recurrence_to_rrule (&choices[c], dtstarts[d], zones[z]);
          g_assert_nonnull (rrule);
          parse_ok (rrule, dtstarts[d], &back);
          assert_recurrence_equal (&back, &choices[c]);

          /* ... and libical takes it */
          occurrences = lia_recurrence_expand (dtstarts[d], NULL, zones[z], strlen (dtstarts[d]) == 10,
                                               rrule, NULL, 0, G_MAXINT64 / 2, 3, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (occurrences->len, >, 0);
          checked++;
        }

  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (zones) * G_N_ELEMENTS (dtstarts) * G_N_ELEMENTS (choices));
}

/* The last day of an UNTIL the editor wrote is the last day of the series. */
static void
test_until_last_day (void)
{
  const char *zones[] = { "America/Edmonton", "Europe/Paris", "Pacific/Auckland" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      LiaRecurrence r;
      g_autofree char *rrule = NULL;
      g_autoptr(GArray) occurrences = NULL;
      LiaOccurrence *last;

      lia_recurrence_init (&r);
      r.repeat = LIA_REPEAT_DAILY;
      g_strlcpy (r.until, "2026-06-20", sizeof r.until);
      rrule = lia_recurrence_to_rrule (&r, "2026-06-01T23:30:00", zones[z]);
      occurrences = expand ("2026-06-01T23:30:00", NULL, zones[z], FALSE, rrule, NULL,
                            0, G_MAXINT64 / 2, 0);
      g_assert_cmpuint (occurrences->len, ==, 20);
      last = occurrence_at (occurrences, occurrences->len - 1);
      g_assert_cmpstr (last->recurrence_id, ==, "2026-06-20T23:30:00");
    }
}

static void
test_describe (void)
{
  struct { const char *rrule; const char *dtstart; const char *words; } cases[] = {
    { NULL, "2026-06-09T10:00:00", "Does not repeat" },
    { "FREQ=DAILY", "2026-06-09T10:00:00", "Every day" },
    { "FREQ=DAILY;INTERVAL=3", "2026-06-09T10:00:00", "Every 3 days" },
    { "FREQ=WEEKLY", "2026-06-09T10:00:00", "Every week on Tuesday" },
    { "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,MO", "2026-06-08T10:00:00", "Every 2 weeks on Monday and Thursday" },
    { "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-06-08T10:00:00", "Every week on Monday, Wednesday and Friday" },
    { "FREQ=WEEKLY;BYDAY=TU;COUNT=10", "2026-06-09T10:00:00", "Every week on Tuesday, 10 times" },
    { "FREQ=WEEKLY;BYDAY=TU;COUNT=1", "2026-06-09T10:00:00", "Every week on Tuesday, 1 time" },
    { "FREQ=MONTHLY", "2026-06-15T10:00:00", "Every month on day 15" },
    { "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "2026-06-15", "Every 3 months on day 15" },
    { "FREQ=MONTHLY;BYDAY=2TU", "2026-06-09T10:00:00", "Every 2nd Tuesday of the month" },
    { "FREQ=MONTHLY;BYDAY=1SU", "2026-06-07T10:00:00", "Every 1st Sunday of the month" },
    { "FREQ=MONTHLY;BYDAY=-1FR", "2026-06-26T10:00:00", "Every last Friday of the month" },
    { "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR", "2026-06-26T10:00:00", "Every 3 months on the last Friday" },
    { "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270609", "2026-06-09T10:00:00",
      "Every 2nd Tuesday of the month until 9 June 2027" },
    { "FREQ=YEARLY", "2026-03-03T10:00:00", "Every year on 3 March" },
    { "FREQ=YEARLY;INTERVAL=2", "2026-03-03", "Every 2 years on 3 March" },
    { "FREQ=DAILY;BYHOUR=9,15", "2026-06-09T09:00:00", "Repeats (custom rule)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LiaRecurrence r;
      g_autofree char *words = NULL;

      parse_ok (cases[i].rrule, cases[i].dtstart, &r);
      words = lia_recurrence_describe (&r, cases[i].dtstart);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_occurrence_clear (void)
{
  LiaOccurrence occurrence = { 1, 2, g_strdup ("2026-06-09") };

  lia_occurrence_clear (&occurrence);
  g_assert_null (occurrence.recurrence_id);
  g_assert_cmpint (occurrence.start_utc, ==, 1);
}

/* Imports expand on a worker thread while the window draws: zones that
 * no one loaded yet, from several threads at once, give the same answers
 * as from one. */
static const char * const thread_zones[] = {
  "Asia/Tokyo", "Australia/Sydney", "America/New_York", "Europe/Berlin",
  "America/Santiago", "Africa/Cairo", "America/St_Johns", "Asia/Tehran",
};

static char *
expand_zones (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint z = 0; z < G_N_ELEMENTS (thread_zones); z++)
    {
      g_autoptr(GArray) occurrences = NULL;
      gint64 start = 0;
      gint64 end = 0;

      occurrences = expand ("2025-01-06T10:00:00", "2025-01-06T11:00:00", thread_zones[z], FALSE,
                            "FREQ=WEEKLY;BYDAY=MO,FR", NULL,
                            utc (2026, 1, 1, 0, 0), utc (2027, 1, 1, 0, 0), 0);
      for (guint i = 0; i < occurrences->len; i++)
        g_string_append_printf (text, "%" G_GINT64_FORMAT " ", occurrence_at (occurrences, i)->start_utc);
      get_span ("2025-01-06T10:00:00", NULL, thread_zones[z], FALSE,
                "FREQ=DAILY;COUNT=400", NULL, &start, &end);
      g_string_append_printf (text, "%" G_GINT64_FORMAT "\n", end);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gpointer
expand_zones_thread (gpointer data)
{
  return expand_zones ();
}

static void
test_threads (void)
{
  GThread *threads[6];
  g_autofree char *expected = NULL;
  char *results[G_N_ELEMENTS (threads)];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("expand", expand_zones_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    results[i] = g_thread_join (threads[i]);

  expected = expand_zones ();
  /* Two occurrences a week in every zone */
  g_assert_cmpuint (strlen (expected), >, 8 * 104 * 11);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_assert_cmpstr (results[i], ==, expected);
      g_free (results[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/time/zones", test_time_zones);
  g_test_add_func ("/recurrence/time/gap", test_time_gap);
  g_test_add_func ("/recurrence/time/ambiguous", test_time_ambiguous);
  g_test_add_func ("/recurrence/time/round-trip", test_time_round_trip);
  g_test_add_func ("/recurrence/time/all-day", test_time_all_day);
  g_test_add_func ("/recurrence/time/errors", test_time_errors);
  g_test_add_func ("/recurrence/expand/dst-edmonton", test_expand_dst_edmonton);
  g_test_add_func ("/recurrence/expand/dst-paris", test_expand_dst_paris);
  g_test_add_func ("/recurrence/expand/dst-overnight", test_expand_dst_overnight);
  g_test_add_func ("/recurrence/expand/month-end", test_expand_month_end);
  g_test_add_func ("/recurrence/expand/nth-weekday", test_expand_nth_weekday);
  g_test_add_func ("/recurrence/expand/exdates", test_expand_exdates);
  g_test_add_func ("/recurrence/expand/window", test_expand_window);
  g_test_add_func ("/recurrence/expand/max", test_expand_max);
  g_test_add_func ("/recurrence/expand/all-day", test_expand_all_day);
  g_test_add_func ("/recurrence/expand/skip-ahead", test_expand_skip_ahead);
  g_test_add_func ("/recurrence/expand/errors", test_expand_errors);
  g_test_add_func ("/recurrence/span/count", test_span_count);
  g_test_add_func ("/recurrence/span/until", test_span_until);
  g_test_add_func ("/recurrence/span/endless", test_span_endless);
  g_test_add_func ("/recurrence/span/single", test_span_single);
  g_test_add_func ("/recurrence/rule/parse-kinds", test_parse_kinds);
  g_test_add_func ("/recurrence/rule/parse-until", test_parse_until);
  g_test_add_func ("/recurrence/rule/parse-custom", test_parse_custom);
  g_test_add_func ("/recurrence/rule/parse-errors", test_parse_errors);
  g_test_add_func ("/recurrence/rule/to-rrule", test_to_rrule);
  g_test_add_func ("/recurrence/rule/round-trip", test_round_trip);
  g_test_add_func ("/recurrence/rule/until-last-day", test_until_last_day);
  g_test_add_func ("/recurrence/rule/describe", test_describe);
  g_test_add_func ("/recurrence/occurrence-clear", test_occurrence_clear);
  g_test_add_func ("/recurrence/threads", test_threads);

  return g_test_run ();
}
