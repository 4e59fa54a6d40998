/* lia-time-format.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates as staff read them. GLib only, so the rules are testable without
 * a display.
 */

#define G_LOG_DOMAIN "lia-time-format"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lia-time-format.h"

static gboolean
parse_iso_day (const char *day,
               GDate      *date)
{
  unsigned int year, month, mday;
  char end;

  g_date_clear (date, 1);

  if (day == NULL || sscanf (day, "%4u-%2u-%2u%c", &year, &month, &mday, &end) != 3 ||
      !g_date_valid_dmy (mday, month, year))
    return FALSE;

  g_date_set_dmy (date, mday, month, year);
  return TRUE;
}

static char *
format_days (int days)
{
  int n;

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days == -1)
    return g_strdup (_("Tomorrow"));

  if (days > 0)
    {
      if (days < 7)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
      if (days < 31)
        {
          n = days / 7;
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week ago", "%d weeks ago", n), n);
        }
      if (days < 365)
        {
          n = MAX (1, days / 30);
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month ago", "%d months ago", n), n);
        }
      n = days / 365;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year ago", "%d years ago", n), n);
    }

  days = -days;
  if (days < 7)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days", days), days);
  if (days < 31)
    {
      n = days / 7;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d week", "In %d weeks", n), n);
    }
  if (days < 365)
    {
      n = MAX (1, days / 30);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d month", "In %d months", n), n);
    }
  n = days / 365;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d year", "In %d years", n), n);
}

static void
date_from_date_time (GDateTime *date_time,
                     GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));
}

/**
 * lia_format_relative_time:
 * @then: an instant, Unix seconds
 * @now: the present, in the time zone whose days count
 *
 * Returns: (transfer full): how long ago @then was, in days of @now's zone
 */
char *
lia_format_relative_time (gint64     then,
                          GDateTime *now)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate then_date, now_date;

  g_return_val_if_fail (now != NULL, NULL);

  utc = g_date_time_new_from_unix_utc (then);
  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));
  date_from_date_time (local, &then_date);
  date_from_date_time (now, &now_date);

  return format_days (g_date_days_between (&then_date, &now_date));
}

/**
 * lia_format_relative_day:
 * @day: a day, 'YYYY-MM-DD'
 * @now: the present
 *
 * Returns: (transfer full) (nullable): how far @day is from today
 */
char *
lia_format_relative_day (const char *day,
                         GDateTime  *now)
{
  GDate date, now_date;

  g_return_val_if_fail (now != NULL, NULL);

  if (!parse_iso_day (day, &date))
    return NULL;

  date_from_date_time (now, &now_date);

  return format_days (g_date_days_between (&date, &now_date));
}

/**
 * lia_format_day:
 * @then: an instant, Unix seconds
 *
 * Returns: (transfer full): the local day of @then, such as "12 March 2026"
 */
char *
lia_format_day (gint64 then)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (then);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  /* Translators: a day, as in "12 March 2026"; see g_date_time_format() */
  return g_date_time_format (local, _("%-e %B %Y"));
}

/**
 * lia_format_iso_day:
 * @day: a day, 'YYYY-MM-DD'
 *
 * Returns: (transfer full): @day for people, or a copy of @day when it is
 *   not a day
 */
char *
lia_format_iso_day (const char *day)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (!parse_iso_day (day, &date))
    return g_strdup (day != NULL ? day : "");

  date_time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), 12, 0, 0);
  return g_date_time_format (date_time, _("%-e %B %Y"));
}
