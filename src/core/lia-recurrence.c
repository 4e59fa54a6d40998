/* lia-recurrence.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recurrence rules and time zones come from libical; this file only turns
 * our text forms ('YYYY-MM-DD', 'YYYY-MM-DDTHH:MM:SS') into libical's and
 * back, and walks its iterator.
 *
 * Series are expanded in wall-clock time: the iterator runs over floating
 * local times (so that a 10:00 event stays at 10:00 across DST) and each
 * occurrence is turned into an instant afterwards. The UTC offsets are
 * libical's (icaltimezone_get_utc_offset_of_utc_time, which is unambiguous
 * for an instant); what a wall-clock time that is missing or doubled
 * means is decided here, as RFC 5545 3.3.5 says: libical 3.0's own
 * conversion (icaltime_as_timet_with_zone) takes the offset after the
 * change for both, so it moves 02:30 in a spring gap *back* to 01:30
 * standard time and takes the *second* 01:30 of an autumn night. We move a
 * time in a gap forward by the length of the gap (America/Edmonton
 * 2026-03-08 02:30 is 03:30 MDT) and take the first of two (2026-11-01
 * 01:30 is 01:30 MDT).
 *
 * libical 3.0 keeps its time zones in a global cache that is not
 * thread-safe, and imports run on a worker thread: every call into
 * icaltimezone goes through zone_mutex.
 */

#define G_LOG_DOMAIN "lia-recurrence"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <libical/ical.h>

#include "lia-recurrence.h"

#define DAY_SECONDS 86400
/* lia_recurrence_get_span: a series longer than this is taken as endless. */
#define MAX_SPAN_OCCURRENCES 100000
/* lia_recurrence_expand: how many rule instances it looks at, at most. */
#define MAX_EXPAND_STEPS 1000000
/* 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years our text forms
 * can say */
#define MIN_INSTANT G_GINT64_CONSTANT (-62135596800)
#define MAX_INSTANT G_GINT64_CONSTANT (253402300800)

G_DEFINE_QUARK (lia-recurrence-error-quark, lia_recurrence_error)

/* A wall-clock time, or a day when is_date. */
typedef struct
{
  int      year;
  int      month;
  int      day;
  int      hour;
  int      minute;
  int      second;
  gboolean is_date;
} WallTime;

/* One event, ready to be walked. */
typedef struct
{
  gboolean                   all_day;
  WallTime                   start;
  gint64                     start_wall;   /* seconds, as if the wall time were UTC */
  gint64                     duration;     /* wall-clock seconds */
  /* Borrowed: libical's builtin zones live as long as the process */
  icaltimezone              *zone;         /* NULL when all-day */
  /* Owned */
  GArray                    *exdates;      /* sorted gint64 wall seconds, or NULL */
  gboolean                   has_rule;
  gboolean                   can_skip;     /* icalrecur_iterator_set_start is safe */
  struct icalrecurrencetype  rule;         /* until already in floating wall time */
} Series;

typedef struct
{
  /* Borrowed */
  Series             *series;
  /* Owned */
  icalrecur_iterator *iterator;
  gboolean            done;
  guint               steps;
} SeriesIter;

static GRecMutex zone_mutex;

static const char * const weekday_codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil); plain calendar arithmetic, no time zone in it. */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = m;
  *year = (int) (yoe + era * 400 + (m <= 2));
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static gint64
wall_time_to_seconds (const WallTime *t)
{
  return days_from_civil (t->year, t->month, t->day) * DAY_SECONDS
         + t->hour * 3600 + t->minute * 60 + t->second;
}

static void
wall_time_from_seconds (gint64    seconds,
                        gboolean  is_date,
                        WallTime *t)
{
  gint64 days = floor_div (seconds, DAY_SECONDS);
  gint64 rest = seconds - days * DAY_SECONDS;

  civil_from_days (days, &t->year, &t->month, &t->day);
  t->is_date = is_date;
  if (is_date)
    {
      t->hour = t->minute = t->second = 0;
    }
  else
    {
      t->hour = (int) (rest / 3600);
      t->minute = (int) (rest / 60 % 60);
      t->second = (int) (rest % 60);
    }
}

static char *
wall_time_to_string (const WallTime *t)
{
  if (t->is_date)
    return g_strdup_printf ("%04d-%02d-%02d", t->year, t->month, t->day);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                          t->year, t->month, t->day, t->hour, t->minute, t->second);
}

static gboolean
read_digits (const char *text,
             int         n_digits,
             int        *value)
{
  *value = 0;
  for (int i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

/* 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS', nothing around it. */
static gboolean
parse_wall_time (const char *text,
                 WallTime   *t)
{
  size_t length;

  memset (t, 0, sizeof *t);
  if (text == NULL)
    return FALSE;

  length = strlen (text);
  if (length != 10 && length != 19)
    return FALSE;

  if (!read_digits (text, 4, &t->year) || text[4] != '-' ||
      !read_digits (text + 5, 2, &t->month) || text[7] != '-' ||
      !read_digits (text + 8, 2, &t->day))
    return FALSE;

  if (t->year < 1 || !g_date_valid_dmy (t->day, t->month, t->year))
    return FALSE;

  if (length == 10)
    {
      t->is_date = TRUE;
      return TRUE;
    }

  if (text[10] != 'T' ||
      !read_digits (text + 11, 2, &t->hour) || text[13] != ':' ||
      !read_digits (text + 14, 2, &t->minute) || text[16] != ':' ||
      !read_digits (text + 17, 2, &t->second))
    return FALSE;

  return t->hour < 24 && t->minute < 60 && t->second < 60;
}

static void
set_invalid_time_error (GError     **error,
                        const char  *text,
                        gboolean     all_day)
{
  if (all_day)
    g_set_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_INVALID_TIME,
                 /* Translators: %s is what was given instead of a date */
                 _("“%s” is not a date (expected YYYY-MM-DD)"),
                 text != NULL ? text : "");
  else
    g_set_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_INVALID_TIME,
                 /* Translators: %s is what was given instead of a date and time */
                 _("“%s” is not a date and time (expected YYYY-MM-DDTHH:MM:SS)"),
                 text != NULL ? text : "");
}

/* Like parse_wall_time(), but of the form @all_day asks for, with an error
 * a user can act on. */
static gboolean
parse_event_time (const char  *text,
                  gboolean     all_day,
                  WallTime    *t,
                  GError     **error)
{
  if (parse_wall_time (text, t) && t->is_date == all_day)
    return TRUE;

  set_invalid_time_error (error, text, all_day);

  return FALSE;
}

/* 1 for Monday ... 7 for Sunday. */
static int
wall_time_get_weekday (const WallTime *t)
{
  gint64 days = days_from_civil (t->year, t->month, t->day);

  /* 1970-01-01 was a Thursday */
  return (int) ((days % 7 + 7 + 3) % 7) + 1;
}

static struct icaltimetype
wall_time_to_ical (const WallTime *t)
{
  struct icaltimetype tt = icaltime_null_time ();

  tt.year = t->year;
  tt.month = t->month;
  tt.day = t->day;
  tt.is_date = t->is_date;
  if (!t->is_date)
    {
      tt.hour = t->hour;
      tt.minute = t->minute;
      tt.second = t->second;
    }

  return tt;
}

static void
wall_time_from_ical (struct icaltimetype  tt,
                     WallTime            *t)
{
  t->year = tt.year;
  t->month = tt.month;
  t->day = tt.day;
  t->is_date = tt.is_date;
  t->hour = tt.is_date ? 0 : tt.hour;
  t->minute = tt.is_date ? 0 : tt.minute;
  t->second = tt.is_date ? 0 : tt.second;
}

/* IANA names are letters, digits and "/_+-"; keeps libical from being
 * asked to open "../../something" as a zone file. */
static gboolean
is_zone_name (const char *tzid)
{
  if (tzid == NULL || tzid[0] == '\0' || tzid[0] == '/' || strstr (tzid, "..") != NULL)
    return FALSE;

  for (const char *p = tzid; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/_+-", *p) == NULL)
      return FALSE;

  return TRUE;
}

static icaltimezone *
lookup_zone (const char *tzid)
{
  icaltimezone *zone;

  if (!is_zone_name (tzid))
    return NULL;

  g_rec_mutex_lock (&zone_mutex);
  if (g_str_equal (tzid, "UTC"))
    zone = icaltimezone_get_utc_timezone ();
  else
    zone = icaltimezone_get_builtin_timezone (tzid);
  g_rec_mutex_unlock (&zone_mutex);

  return zone;
}

static icaltimezone *
lookup_zone_or_error (const char  *tzid,
                      GError     **error)
{
  icaltimezone *zone;

  if (tzid == NULL || tzid[0] == '\0')
    {
      g_set_error_literal (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_UNKNOWN_ZONE,
                           _("A time zone is needed for a time that is not all-day"));
      return NULL;
    }

  zone = lookup_zone (tzid);
  if (zone == NULL)
    g_set_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_UNKNOWN_ZONE,
                 /* Translators: %s is a time zone name such as America/Edmonton */
                 _("The time zone “%s” is not known"), tzid);

  return zone;
}

/* The UTC offset of @zone at the instant @utc, in seconds east. */
static int
offset_at (icaltimezone *zone,
           gint64        utc)
{
  struct icaltimetype tt;
  WallTime t;
  int is_daylight = 0;
  int offset;

  wall_time_from_seconds (CLAMP (utc, MIN_INSTANT, MAX_INSTANT - 1), FALSE, &t);
  tt = wall_time_to_ical (&t);

  g_rec_mutex_lock (&zone_mutex);
  offset = icaltimezone_get_utc_offset_of_utc_time (zone, &tt, &is_daylight);
  g_rec_mutex_unlock (&zone_mutex);

  return offset;
}

/* The instant of the wall-clock time @wall (seconds, as if it were UTC) in
 * @zone. Of two candidates (the offset in force a day before and a day
 * after), the ones that map back to @wall are right; of two, the first
 * wins; with none (a gap) the offset before the gap is used, which moves
 * the time forward by the length of the gap. */
static gint64
local_to_utc (icaltimezone *zone,
              gint64        wall)
{
  int before = offset_at (zone, wall - DAY_SECONDS);
  int after = offset_at (zone, wall + DAY_SECONDS);
  gint64 utc_before = wall - before;
  gint64 utc_after = wall - after;
  gboolean before_ok;
  gboolean after_ok;

  if (before == after)
    return utc_before;

  before_ok = offset_at (zone, utc_before) == before;
  after_ok = offset_at (zone, utc_after) == after;

  if (before_ok && after_ok)
    return MIN (utc_before, utc_after);
  if (after_ok)
    return utc_after;

  return utc_before;
}

static gint64
utc_to_local (icaltimezone *zone,
              gint64        utc)
{
  return utc + offset_at (zone, utc);
}

static gboolean
rule_list_is_empty (const short *list)
{
  return list[0] == ICAL_RECURRENCE_ARRAY_MAX;
}

static guint
rule_list_length (const short *list,
                  guint        size)
{
  guint n = 0;

  while (n < size && list[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;

  return n;
}

/* 1 for Monday ... 7 for Sunday. */
static int
weekday_from_ical (icalrecurrencetype_weekday weekday)
{
  return weekday == ICAL_SUNDAY_WEEKDAY ? 7 : (int) weekday - 1;
}

/* @rrule into @rule, checked by making an iterator of it from @start
 * (libical refuses BYMONTHDAY in a weekly rule there, for one). */
static gboolean
parse_rule (const char                 *rrule,
            const WallTime             *start,
            struct icalrecurrencetype  *rule,
            GError                    **error)
{
  g_autofree char *text = g_strstrip (g_strdup (rrule));
  const char *body = text;
  icalrecur_iterator *iterator = NULL;

  if (g_ascii_strncasecmp (body, "RRULE:", 6) == 0)
    body += 6;

  *rule = icalrecurrencetype_from_string (body);
  if (body[0] != '\0' && rule->freq != ICAL_NO_RECURRENCE)
    iterator = icalrecur_iterator_new (*rule, wall_time_to_ical (start));

  if (iterator == NULL)
    {
      g_set_error (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_INVALID_RULE,
                   /* Translators: %s is an iCalendar RRULE such as FREQ=WEEKLY;BYDAY=TU */
                   _("The repetition rule “%s” is not valid"), rrule);
      return FALSE;
    }
  icalrecur_iterator_free (iterator);

  return TRUE;
}

static gboolean
is_zone_offset (gint64 offset)
{
  return offset % 900 == 0 && offset >= -12 * 3600 && offset <= 14 * 3600;
}

/* The day of a UTC UNTIL when the zone is not known (lia_recurrence_parse
 * is not told it). An UNTIL is, in practice, either the end of the last
 * day where the event is (23:59:59 local: what lia_recurrence_to_rrule
 * writes, and Google Calendar) or the start of the last occurrence (at
 * @start_tod local, dtstart's time of day; Apple, Outlook): the offset
 * that makes it one of those gives the day. With two such offsets a day
 * apart (UTC-12..-10 and UTC+12..+14 look alike), +12:00..+13:45 wins
 * (New Zealand, Fiji, Tonga) and else the western one (Hawaii). Anything
 * else is taken as a UTC day. */
static void
guess_until_day (const WallTime *until,
                 int             start_tod,
                 WallTime       *day)
{
  const int targets[] = { DAY_SECONDS - 1, start_tod };
  gint64 utc = wall_time_to_seconds (until);
  gint64 tod = utc - floor_div (utc, DAY_SECONDS) * DAY_SECONDS;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      gint64 east = ((targets[i] - tod) % DAY_SECONDS + DAY_SECONDS) % DAY_SECONDS;
      gint64 west = east - DAY_SECONDS;
      gint64 offset;

      if (is_zone_offset (east) && (east < 14 * 3600 || !is_zone_offset (west)))
        offset = east;
      else if (is_zone_offset (west))
        offset = west;
      else
        continue;

      wall_time_from_seconds (utc + offset, TRUE, day);
      return;
    }

  wall_time_from_seconds (utc, TRUE, day);
}

/* The last day @rule's UNTIL names (in wall time), or FALSE without one;
 * a UTC date-time is taken into @zone, or guessed without one. */
static gboolean
get_until_day (const struct icalrecurrencetype *rule,
               const WallTime                  *start,
               icaltimezone                    *zone,
               WallTime                        *day)
{
  WallTime until;

  if (icaltime_is_null_time (rule->until))
    return FALSE;

  wall_time_from_ical (rule->until, &until);
  if (until.is_date || !icaltime_is_utc (rule->until))
    wall_time_from_seconds (wall_time_to_seconds (&until), TRUE, day);
  else if (zone != NULL)
    wall_time_from_seconds (utc_to_local (zone, wall_time_to_seconds (&until)), TRUE, day);
  else
    guess_until_day (&until, start->hour * 3600 + start->minute * 60 + start->second, day);

  return TRUE;
}

/* What the editor can say of @rule, hung on @start; FALSE for custom. */
static gboolean
classify_rule (const struct icalrecurrencetype *rule,
               const WallTime                  *start,
               LiaRecurrence                   *recurrence)
{
  int start_weekday = wall_time_get_weekday (start);
  guint n_days = rule_list_length (rule->by_day, ICAL_BY_DAY_SIZE);
  guint n_month_days = rule_list_length (rule->by_month_day, ICAL_BY_MONTHDAY_SIZE);
  guint n_months = rule_list_length (rule->by_month, ICAL_BY_MONTH_SIZE);
  guint n_set_pos = rule_list_length (rule->by_set_pos, ICAL_BY_SETPOS_SIZE);

  if (rule->rscale != NULL ||
      !rule_list_is_empty (rule->by_second) ||
      !rule_list_is_empty (rule->by_minute) ||
      !rule_list_is_empty (rule->by_hour) ||
      !rule_list_is_empty (rule->by_year_day) ||
      !rule_list_is_empty (rule->by_week_no))
    return FALSE;

  switch (rule->freq)
    {
    case ICAL_DAILY_RECURRENCE:
      if (n_days > 0 || n_month_days > 0 || n_months > 0 || n_set_pos > 0)
        return FALSE;
      recurrence->repeat = LIA_REPEAT_DAILY;
      return TRUE;

    case ICAL_WEEKLY_RECURRENCE:
      if (n_month_days > 0 || n_months > 0 || n_set_pos > 0)
        return FALSE;
      /* The week start only matters for several days every few weeks,
       * and the editor always writes Monday */
      if (rule->interval > 1 && n_days > 1 && rule->week_start != ICAL_MONDAY_WEEKDAY)
        return FALSE;
      recurrence->weekdays = 0;
      for (guint i = 0; i < n_days; i++)
        {
          int weekday = weekday_from_ical (icalrecurrencetype_day_day_of_week (rule->by_day[i]));

          if (icalrecurrencetype_day_position (rule->by_day[i]) != 0 || weekday < 1 || weekday > 7)
            return FALSE;
          recurrence->weekdays |= 1 << (weekday - 1);
        }
      if (recurrence->weekdays == 0)
        recurrence->weekdays = 1 << (start_weekday - 1);
      recurrence->repeat = LIA_REPEAT_WEEKLY;
      return TRUE;

    case ICAL_MONTHLY_RECURRENCE:
      if (n_months > 0)
        return FALSE;
      if (n_days == 0 && n_set_pos == 0)
        {
          if (n_month_days > 1 || (n_month_days == 1 && rule->by_month_day[0] != start->day))
            return FALSE;
          recurrence->repeat = LIA_REPEAT_MONTHLY_BY_DATE;
          return TRUE;
        }
      if (n_days == 1 && n_month_days == 0 && n_set_pos <= 1)
        {
          int position = icalrecurrencetype_day_position (rule->by_day[0]);
          int weekday = weekday_from_ical (icalrecurrencetype_day_day_of_week (rule->by_day[0]));
          int nth;

          if (weekday != start_weekday)
            return FALSE;
          if (position != 0 && n_set_pos == 0)
            nth = position;
          else if (position == 0 && n_set_pos == 1)
            nth = rule->by_set_pos[0];
          else
            return FALSE;
          if (nth != -1 && (nth < 1 || nth > 4))
            return FALSE;
          recurrence->nth = nth;
          recurrence->repeat = LIA_REPEAT_MONTHLY_BY_WEEKDAY;
          return TRUE;
        }
      return FALSE;

    case ICAL_YEARLY_RECURRENCE:
      if (n_days > 0 || n_set_pos > 0 || n_months > 1 || n_month_days > 1 ||
          (n_months == 1 && rule->by_month[0] != start->month) ||
          (n_month_days == 1 && rule->by_month_day[0] != start->day))
        return FALSE;
      recurrence->repeat = LIA_REPEAT_YEARLY;
      return TRUE;

    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      return FALSE;
    }
}

static char *
format_weekday_name (int weekday)
{
  /* 2024-01-01 was a Monday */
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 1, weekday, 12, 0, 0);

  return g_date_time_format (date, "%A");
}

static char *
format_weekday_list (LiaWeekdays weekdays)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  for (int i = 0; i < 7; i++)
    if (weekdays & (1 << i))
      g_ptr_array_add (names, format_weekday_name (i + 1));

  if (names->len == 0)
    return g_strdup ("");

  text = g_strdup (g_ptr_array_index (names, 0));
  for (guint i = 1; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      char *longer;

      if (i + 1 < names->len)
        /* Translators: joins weekdays inside a list, as in "Monday, Tuesday
         * and Friday": the first %s is the list so far, the second the next day */
        longer = g_strdup_printf (_("%s, %s"), text, name);
      else
        /* Translators: joins the last weekday to a list, as in "Monday and
         * Thursday" or "Monday, Tuesday and Friday" */
        longer = g_strdup_printf (_("%s and %s"), text, name);
      g_free (text);
      text = longer;
    }

  return g_steal_pointer (&text);
}

static char *
format_day (const WallTime *t,
            const char     *format)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (t->year, t->month, t->day, 12, 0, 0);

  if (date == NULL)
    return g_strdup ("");

  return g_date_time_format (date, format);
}

static char *
describe_monthly_by_weekday (int         nth,
                             int         interval,
                             const char *weekday)
{
  if (interval <= 1)
    {
      switch (nth)
        {
        case 1:
          /* Translators: %s is a weekday name, as in "Every 1st Tuesday of the month" */
          return g_strdup_printf (_("Every 1st %s of the month"), weekday);
        case 2:
          /* Translators: %s is a weekday name, as in "Every 2nd Tuesday of the month" */
          return g_strdup_printf (_("Every 2nd %s of the month"), weekday);
        case 3:
          /* Translators: %s is a weekday name, as in "Every 3rd Tuesday of the month" */
          return g_strdup_printf (_("Every 3rd %s of the month"), weekday);
        case 4:
          /* Translators: %s is a weekday name, as in "Every 4th Tuesday of the month" */
          return g_strdup_printf (_("Every 4th %s of the month"), weekday);
        default:
          /* Translators: %s is a weekday name, as in "Every last Friday of the month" */
          return g_strdup_printf (_("Every last %s of the month"), weekday);
        }
    }

  switch (nth)
    {
    case 1:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %d is how many months apart, %s a weekday
                                            * name, as in "Every 3 months on the 1st Tuesday" */
                                           "Every %d month on the 1st %s",
                                           "Every %d months on the 1st %s", interval),
                              interval, weekday);
    case 2:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %d is how many months apart, %s a weekday
                                            * name, as in "Every 3 months on the 2nd Tuesday" */
                                           "Every %d month on the 2nd %s",
                                           "Every %d months on the 2nd %s", interval),
                              interval, weekday);
    case 3:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %d is how many months apart, %s a weekday
                                            * name, as in "Every 3 months on the 3rd Tuesday" */
                                           "Every %d month on the 3rd %s",
                                           "Every %d months on the 3rd %s", interval),
                              interval, weekday);
    case 4:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %d is how many months apart, %s a weekday
                                            * name, as in "Every 3 months on the 4th Tuesday" */
                                           "Every %d month on the 4th %s",
                                           "Every %d months on the 4th %s", interval),
                              interval, weekday);
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %d is how many months apart, %s a weekday
                                            * name, as in "Every 3 months on the last Friday" */
                                           "Every %d month on the last %s",
                                           "Every %d months on the last %s", interval),
                              interval, weekday);
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* @exdates: comma-separated, each in the form of dtstart. */
static gboolean
parse_exdates (const char  *exdates,
               gboolean     all_day,
               GArray     **out,
               GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) array = NULL;

  *out = NULL;
  if (exdates == NULL)
    return TRUE;

  parts = g_strsplit (exdates, ",", -1);
  array = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      WallTime t;
      gint64 seconds;

      if (part[0] == '\0')
        continue;
      if (!parse_event_time (part, all_day, &t, error))
        return FALSE;
      seconds = wall_time_to_seconds (&t);
      g_array_append_val (array, seconds);
    }

  if (array->len == 0)
    return TRUE;

  g_array_sort (array, compare_gint64);
  *out = g_steal_pointer (&array);

  return TRUE;
}

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->exdates, g_array_unref);
}

static gboolean
series_init (Series      *series,
             const char  *dtstart,
             const char  *dtend,
             const char  *tzid,
             gboolean     all_day,
             const char  *rrule,
             const char  *exdates,
             GError     **error)
{
  struct icalrecurrencetype *rule = &series->rule;
  LiaRecurrence recurrence;
  WallTime end;

  memset (series, 0, sizeof *series);
  series->all_day = all_day;

  if (!parse_event_time (dtstart, all_day, &series->start, error))
    return FALSE;
  series->start_wall = wall_time_to_seconds (&series->start);

  if (dtend != NULL)
    {
      if (!parse_event_time (dtend, all_day, &end, error))
        return FALSE;
      if (wall_time_to_seconds (&end) < series->start_wall)
        {
          g_set_error_literal (error, LIA_RECURRENCE_ERROR, LIA_RECURRENCE_ERROR_INVALID_TIME,
                               _("The event ends before it starts"));
          return FALSE;
        }
      /* An all-day dtend is the last day, included */
      series->duration = wall_time_to_seconds (&end) - series->start_wall + (all_day ? DAY_SECONDS : 0);
    }
  else
    {
      series->duration = all_day ? DAY_SECONDS : 0;
    }

  if (!all_day)
    {
      series->zone = lookup_zone_or_error (tzid, error);
      if (series->zone == NULL)
        return FALSE;
    }

  if (rrule == NULL || rrule[0] == '\0')
    return parse_exdates (exdates, all_day, &series->exdates, error);

  if (!parse_rule (rrule, &series->start, rule, error))
    return FALSE;
  series->has_rule = TRUE;

  /* The iterator runs in floating wall time, so UNTIL must be in it too:
   * a UTC UNTIL is taken into the zone, a day UNTIL of a timed event
   * includes that whole day, any UNTIL of an all-day event is a day (a
   * UTC one guessed as lia_recurrence_parse does). */
  if (!icaltime_is_null_time (rule->until))
    {
      WallTime until;

      if (all_day || rule->until.is_date)
        {
          get_until_day (rule, &series->start, series->zone, &until);
          if (!all_day)
            wall_time_from_seconds (wall_time_to_seconds (&until) + DAY_SECONDS - 1, FALSE, &until);
        }
      else
        {
          wall_time_from_ical (rule->until, &until);
          if (icaltime_is_utc (rule->until))
            wall_time_from_seconds (utc_to_local (series->zone, wall_time_to_seconds (&until)), FALSE, &until);
        }
      rule->until = wall_time_to_ical (&until);
    }

  /* icalrecur_iterator_set_start() cannot do COUNT, and it loses the phase
   * of sub-daily rules; it was checked against plain iteration for what
   * the editor writes, so only those skip ahead. */
  lia_recurrence_init (&recurrence);
  series->can_skip = rule->count == 0 && classify_rule (rule, &series->start, &recurrence);

  return parse_exdates (exdates, all_day, &series->exdates, error);
}

static void
series_iter_init (SeriesIter *iter,
                  Series     *series,
                  gint64      from_utc)
{
  struct icaltimetype start;

  memset (iter, 0, sizeof *iter);
  iter->series = series;

  if (!series->has_rule)
    return;

  start = wall_time_to_ical (&series->start);
  iter->iterator = icalrecur_iterator_new (series->rule, start);
  if (iter->iterator == NULL)
    {
      iter->done = TRUE;
      return;
    }

  if (series->can_skip && from_utc > series->start_wall + series->duration + 3 * DAY_SECONDS)
    {
      gint64 from = MIN (from_utc, MAX_INSTANT);
      gint64 from_wall = series->all_day ? from : utc_to_local (series->zone, from);
      /* Two days of slack for offsets; an occurrence that started before
       * @from_utc may still be going on */
      gint64 target = from_wall - series->duration - 2 * DAY_SECONDS;

      if (series->all_day)
        target = floor_div (target, DAY_SECONDS) * DAY_SECONDS;

      if (target > series->start_wall)
        {
          WallTime t;

          wall_time_from_seconds (target, series->all_day, &t);
          if (!icalrecur_iterator_set_start (iter->iterator, wall_time_to_ical (&t)))
            {
              icalrecur_iterator_free (iter->iterator);
              iter->iterator = icalrecur_iterator_new (series->rule, start);
              iter->done = iter->iterator == NULL;
            }
        }
    }
}

static void
series_iter_clear (SeriesIter *iter)
{
  g_clear_pointer (&iter->iterator, icalrecur_iterator_free);
}

static gboolean
is_excluded (const Series *series,
             gint64        wall)
{
  if (series->exdates == NULL)
    return FALSE;

  return bsearch (&wall, series->exdates->data, series->exdates->len,
                  sizeof (gint64), compare_gint64) != NULL;
}

/* The next occurrence that EXDATE leaves, in wall-clock seconds; FALSE at
 * the end, or after @max_steps instances of the rule. */
static gboolean
series_iter_next (SeriesIter *iter,
                  guint       max_steps,
                  gint64     *wall)
{
  Series *series = iter->series;

  while (!iter->done)
    {
      struct icaltimetype tt;
      WallTime t;

      if (!series->has_rule)
        {
          iter->done = TRUE;
          *wall = series->start_wall;
          return !is_excluded (series, *wall);
        }

      if (++iter->steps > max_steps)
        {
          iter->done = TRUE;
          return FALSE;
        }

      tt = icalrecur_iterator_next (iter->iterator);
      if (icaltime_is_null_time (tt))
        {
          iter->done = TRUE;
          return FALSE;
        }

      wall_time_from_ical (tt, &t);
      t.is_date = series->all_day;
      *wall = wall_time_to_seconds (&t);
      if (!is_excluded (series, *wall))
        return TRUE;
    }

  return FALSE;
}

static void
series_get_instants (const Series *series,
                     gint64        wall,
                     gint64       *start_utc,
                     gint64       *end_utc)
{
  if (series->all_day)
    {
      *start_utc = wall;
      *end_utc = wall + series->duration;
    }
  else
    {
      *start_utc = local_to_utc (series->zone, wall);
      *end_utc = series->duration == 0 ? *start_utc : local_to_utc (series->zone, wall + series->duration);
      /* A wall-clock hour that a DST change swallows */
      *end_utc = MAX (*end_utc, *start_utc);
    }
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  const LiaOccurrence *x = a;
  const LiaOccurrence *y = b;

  return (x->start_utc > y->start_utc) - (x->start_utc < y->start_utc);
}

void
lia_recurrence_init (LiaRecurrence *recurrence)
{
  g_return_if_fail (recurrence != NULL);

  memset (recurrence, 0, sizeof *recurrence);
  recurrence->repeat = LIA_REPEAT_NONE;
  recurrence->interval = 1;
}

gboolean
lia_recurrence_parse (const char     *rrule,
                      const char     *dtstart,
                      LiaRecurrence  *recurrence,
                      GError        **error)
{
  struct icalrecurrencetype rule;
  WallTime start;
  WallTime until;

  g_return_val_if_fail (recurrence != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lia_recurrence_init (recurrence);

  if (rrule == NULL || rrule[0] == '\0')
    return TRUE;

  if (!parse_wall_time (dtstart, &start))
    {
      set_invalid_time_error (error, dtstart, FALSE);
      return FALSE;
    }

  if (!parse_rule (rrule, &start, &rule, error))
    return FALSE;

  recurrence->interval = MAX (rule.interval, 1);
  recurrence->count = MAX (rule.count, 0);
  if (get_until_day (&rule, &start, NULL, &until))
    g_snprintf (recurrence->until, sizeof recurrence->until,
                "%04d-%02d-%02d", until.year, until.month, until.day);

  if (!classify_rule (&rule, &start, recurrence))
    {
      recurrence->repeat = LIA_REPEAT_CUSTOM;
      recurrence->weekdays = 0;
      recurrence->nth = 0;
    }

  return TRUE;
}

char *
lia_recurrence_to_rrule (const LiaRecurrence *recurrence,
                         const char          *dtstart,
                         const char          *tzid)
{
  g_autoptr(GString) text = NULL;
  struct icalrecurrencetype rule;
  WallTime start;
  char *ical_text;
  char *result;
  int weekday;

  g_return_val_if_fail (recurrence != NULL, NULL);

  if (recurrence->repeat == LIA_REPEAT_NONE || recurrence->repeat == LIA_REPEAT_CUSTOM)
    return NULL;

  if (!parse_wall_time (dtstart, &start))
    return NULL;
  weekday = wall_time_get_weekday (&start);

  text = g_string_new ("FREQ=");
  switch (recurrence->repeat)
    {
    case LIA_REPEAT_DAILY:
      g_string_append (text, "DAILY");
      break;

    case LIA_REPEAT_WEEKLY:
      {
        LiaWeekdays weekdays = recurrence->weekdays & 0x7f;
        gboolean first = TRUE;

        if (weekdays == 0)
          weekdays = 1 << (weekday - 1);
        g_string_append (text, "WEEKLY;BYDAY=");
        for (int i = 0; i < 7; i++)
          if (weekdays & (1 << i))
            {
              g_string_append_printf (text, "%s%s", first ? "" : ",", weekday_codes[i]);
              first = FALSE;
            }
      }
      break;

    case LIA_REPEAT_MONTHLY_BY_DATE:
      g_string_append_printf (text, "MONTHLY;BYMONTHDAY=%d", start.day);
      break;

    case LIA_REPEAT_MONTHLY_BY_WEEKDAY:
      g_string_append_printf (text, "MONTHLY;BYDAY=%d%s",
                              recurrence->nth == -1 || (recurrence->nth >= 1 && recurrence->nth <= 4)
                              ? recurrence->nth : 1,
                              weekday_codes[weekday - 1]);
      break;

    case LIA_REPEAT_YEARLY:
      g_string_append (text, "YEARLY");
      break;

    case LIA_REPEAT_NONE:
    case LIA_REPEAT_CUSTOM:
    default:
      g_return_val_if_reached (NULL);
    }

  if (recurrence->interval > 1)
    g_string_append_printf (text, ";INTERVAL=%d", recurrence->interval);

  if (recurrence->count > 0)
    {
      g_string_append_printf (text, ";COUNT=%d", recurrence->count);
    }
  else if (recurrence->until[0] != '\0')
    {
      WallTime until;

      if (parse_wall_time (recurrence->until, &until) && until.is_date)
        {
          if (start.is_date)
            {
              g_string_append_printf (text, ";UNTIL=%04d%02d%02d", until.year, until.month, until.day);
            }
          else
            {
              /* The end of that day where the event is; in UTC when the
               * zone is not known */
              icaltimezone *zone = lookup_zone (tzid);
              gint64 end = wall_time_to_seconds (&until) + DAY_SECONDS - 1;
              WallTime t;

              wall_time_from_seconds (zone != NULL ? local_to_utc (zone, end) : end, FALSE, &t);
              g_string_append_printf (text, ";UNTIL=%04d%02d%02dT%02d%02d%02dZ",
                                      t.year, t.month, t.day, t.hour, t.minute, t.second);
            }
        }
    }

  /* libical writes it in its order, and has checked it on the way */
  rule = icalrecurrencetype_from_string (text->str);
  if (rule.freq == ICAL_NO_RECURRENCE)
    return NULL;
  ical_text = icalrecurrencetype_as_string_r (&rule);
  if (ical_text == NULL)
    return NULL;
  result = g_strdup (ical_text);
  icalmemory_free_buffer (ical_text);

  return result;
}

char *
lia_recurrence_describe (const LiaRecurrence *recurrence,
                         const char          *dtstart)
{
  g_autofree char *text = NULL;
  int interval;
  WallTime start;

  g_return_val_if_fail (recurrence != NULL, NULL);

  if (recurrence->repeat == LIA_REPEAT_NONE)
    return g_strdup (_("Does not repeat"));

  /* Without a start, the day the rule hangs on is not known */
  if (recurrence->repeat == LIA_REPEAT_CUSTOM || !parse_wall_time (dtstart, &start))
    return g_strdup (_("Repeats (custom rule)"));

  interval = MAX (recurrence->interval, 1);

  switch (recurrence->repeat)
    {
    case LIA_REPEAT_DAILY:
      if (interval == 1)
        text = g_strdup (_("Every day"));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: %d is how many days apart, more than one */
                                             "Every %d day",
                                             "Every %d days", interval),
                                interval);
      break;

    case LIA_REPEAT_WEEKLY:
      {
        LiaWeekdays weekdays = recurrence->weekdays & 0x7f;
        g_autofree char *days = NULL;

        if (weekdays == 0)
          weekdays = 1 << (wall_time_get_weekday (&start) - 1);
        days = format_weekday_list (weekdays);
        if (interval == 1)
          /* Translators: %s is a list of weekdays, as in "Every week on Monday and Thursday" */
          text = g_strdup_printf (_("Every week on %s"), days);
        else
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %d is how many weeks apart, %s a list
                                                * of weekdays, as in "Every 2 weeks on Monday and Thursday" */
                                               "Every %d week on %s",
                                               "Every %d weeks on %s", interval),
                                  interval, days);
      }
      break;

    case LIA_REPEAT_MONTHLY_BY_DATE:
      if (interval == 1)
        /* Translators: %d is a day of the month, as in "Every month on day 15" */
        text = g_strdup_printf (_("Every month on day %d"), start.day);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: the first %d is how many months apart,
                                              * the second a day of the month, as in "Every 3 months on day 15" */
                                             "Every %d month on day %d",
                                             "Every %d months on day %d", interval),
                                interval, start.day);
      break;

    case LIA_REPEAT_MONTHLY_BY_WEEKDAY:
      {
        g_autofree char *weekday = format_weekday_name (wall_time_get_weekday (&start));

        text = describe_monthly_by_weekday (recurrence->nth, interval, weekday);
      }
      break;

    case LIA_REPEAT_YEARLY:
      {
        /* Translators: a g_date_time_format() format for a day of the year,
         * as in "Every year on 3 March"; %-d is the day, %B the month */
        g_autofree char *day = format_day (&start, _("%-d %B"));

        if (interval == 1)
          /* Translators: %s is a day of the year, as in "Every year on 3 March" */
          text = g_strdup_printf (_("Every year on %s"), day);
        else
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %d is how many years apart, %s a day of
                                                * the year, as in "Every 2 years on 3 March" */
                                               "Every %d year on %s",
                                               "Every %d years on %s", interval),
                                  interval, day);
      }
      break;

    case LIA_REPEAT_NONE:
    case LIA_REPEAT_CUSTOM:
    default:
      g_return_val_if_reached (NULL);
    }

  if (recurrence->count > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is a repetition such as "Every week on
                                          * Tuesday", %d how many times it happens, as in "Every
                                          * week on Tuesday, 10 times" */
                                         "%s, %d time",
                                         "%s, %d times", recurrence->count),
                            text, recurrence->count);

  if (recurrence->until[0] != '\0')
    {
      WallTime until;

      if (parse_wall_time (recurrence->until, &until))
        {
          /* Translators: a g_date_time_format() format for the last day of
           * a repetition, as in "until 9 June 2027" */
          g_autofree char *day = format_day (&until, _("%-d %B %Y"));

          /* Translators: the first %s is a repetition such as "Every week on
           * Tuesday", the second its last day, as in "Every week on Tuesday
           * until 9 June 2027" */
          return g_strdup_printf (_("%s until %s"), text, day);
        }
    }

  return g_steal_pointer (&text);
}

gboolean
lia_time_to_utc (const char  *time,
                 const char  *tzid,
                 gboolean     all_day,
                 gint64      *utc,
                 GError     **error)
{
  icaltimezone *zone;
  WallTime t;

  g_return_val_if_fail (utc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_event_time (time, all_day, &t, error))
    return FALSE;

  if (all_day)
    {
      *utc = wall_time_to_seconds (&t);
      return TRUE;
    }

  zone = lookup_zone_or_error (tzid, error);
  if (zone == NULL)
    return FALSE;

  *utc = local_to_utc (zone, wall_time_to_seconds (&t));

  return TRUE;
}

char *
lia_time_from_utc (gint64      utc,
                   const char *tzid)
{
  icaltimezone *zone;
  WallTime t;

  g_return_val_if_fail (tzid != NULL, NULL);

  if (utc < MIN_INSTANT + DAY_SECONDS || utc >= MAX_INSTANT - DAY_SECONDS)
    return NULL;

  zone = lookup_zone (tzid);
  if (zone == NULL)
    return NULL;

  wall_time_from_seconds (utc_to_local (zone, utc), FALSE, &t);

  return wall_time_to_string (&t);
}

gboolean
lia_time_zone_is_known (const char *tzid)
{
  return lookup_zone (tzid) != NULL;
}

void
lia_occurrence_clear (LiaOccurrence *occurrence)
{
  g_return_if_fail (occurrence != NULL);

  g_clear_pointer (&occurrence->recurrence_id, g_free);
}

GArray *
lia_recurrence_expand (const char  *dtstart,
                       const char  *dtend,
                       const char  *tzid,
                       gboolean     all_day,
                       const char  *rrule,
                       const char  *exdates,
                       gint64       from_utc,
                       gint64       to_utc,
                       guint        max,
                       GError     **error)
{
  g_autoptr(GArray) occurrences = NULL;
  Series series;
  SeriesIter iter;
  gint64 stop_utc;
  gint64 wall;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!series_init (&series, dtstart, dtend, tzid, all_day, rrule, exdates, error))
    {
      series_clear (&series);
      return NULL;
    }

  stop_utc = to_utc > G_MAXINT64 - DAY_SECONDS ? G_MAXINT64 : to_utc + DAY_SECONDS;
  occurrences = g_array_new (FALSE, TRUE, sizeof (LiaOccurrence));
  g_array_set_clear_func (occurrences, (GDestroyNotify) lia_occurrence_clear);

  series_iter_init (&iter, &series, from_utc);
  while ((max == 0 || occurrences->len < max) &&
         series_iter_next (&iter, MAX_EXPAND_STEPS, &wall))
    {
      LiaOccurrence occurrence;
      WallTime t;

      series_get_instants (&series, wall, &occurrence.start_utc, &occurrence.end_utc);

      /* Wall-clock order is UTC order but within a DST change; a day
       * past the window ends it */
      if (occurrence.start_utc >= stop_utc)
        break;
      if (occurrence.start_utc >= to_utc)
        continue;
      /* Over before the window; an instant at its very start is in it */
      if (occurrence.end_utc <= from_utc &&
          !(occurrence.end_utc == occurrence.start_utc && occurrence.start_utc == from_utc))
        continue;

      wall_time_from_seconds (wall, all_day, &t);
      occurrence.recurrence_id = wall_time_to_string (&t);
      g_array_append_val (occurrences, occurrence);
    }
  series_iter_clear (&iter);
  series_clear (&series);

  g_array_sort (occurrences, compare_occurrences);

  return g_steal_pointer (&occurrences);
}

gboolean
lia_recurrence_get_span (const char  *dtstart,
                         const char  *dtend,
                         const char  *tzid,
                         gboolean     all_day,
                         const char  *rrule,
                         const char  *exdates,
                         gint64      *start_utc,
                         gint64      *last_end_utc,
                         GError     **error)
{
  Series series;
  SeriesIter iter;
  gint64 first_start = 0;
  gint64 last_end = 0;
  gboolean endless;
  gboolean any = FALSE;
  gint64 wall;

  g_return_val_if_fail (start_utc != NULL, FALSE);
  g_return_val_if_fail (last_end_utc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!series_init (&series, dtstart, dtend, tzid, all_day, rrule, exdates, error))
    {
      series_clear (&series);
      return FALSE;
    }

  endless = series.has_rule && series.rule.count == 0 && icaltime_is_null_time (series.rule.until);

  series_iter_init (&iter, &series, G_MININT64);
  while (series_iter_next (&iter, endless ? MAX_EXPAND_STEPS : MAX_SPAN_OCCURRENCES, &wall))
    {
      gint64 start;
      gint64 end;

      series_get_instants (&series, wall, &start, &end);
      if (!any)
        first_start = start;
      any = TRUE;
      last_end = MAX (last_end, end);
      if (endless)
        break;
    }
  if (series.has_rule && iter.steps > MAX_SPAN_OCCURRENCES)
    endless = TRUE;
  series_iter_clear (&iter);

  /* A series with every date taken out still has its own start */
  if (!any)
    series_get_instants (&series, series.start_wall, &first_start, &last_end);

  *start_utc = first_start;
  *last_end_utc = endless ? 0 : last_end;
  series_clear (&series);

  return TRUE;
}

void
lia_time_zones_lock (void)
{
  g_rec_mutex_lock (&zone_mutex);
}

void
lia_time_zones_unlock (void)
{
  g_rec_mutex_unlock (&zone_mutex);
}
