/* lia-ical.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar in and out of the events board. libical reads and writes the
 * text (unfolding, folding, escaping, VTIMEZONEs); this file maps its
 * components onto LiaEvents and back.
 *
 * Reading: the file is fed to icalparser one line at a time, so that a line
 * libical cannot read is named by its number. Each VEVENT becomes a LiaEvent
 * with its times as wall-clock times in an IANA zone: a TZID that libical
 * knows is kept; a Windows name (Outlook) goes through ICU; any other is
 * matched against the known zones by the rules of the file's VTIMEZONE, or
 * else the times are converted to UTC. The plan compares every event with
 * the one of the same UID (and RECURRENCE-ID) in the store, so importing a
 * file twice changes nothing.
 *
 * Writing: a VCALENDAR with a VTIMEZONE per zone used and Liaison's own
 * fields as X-LIAISON-* properties, which the reader takes back.
 */

#define G_LOG_DOMAIN "lia-ical"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libical/ical.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "lia-enums.h"
#include "lia-formats-private.h"
#include "lia-ical.h"
#include "lia-partner.h"
#include "lia-recurrence.h"
#include "lia-search-private.h"

#define LIAISON_PRODID_PREFIX "-//Liaison//"

typedef struct
{
  LiaIcalAction  action;
  char          *reason;
  /* Owned: the event as it would be saved; for a skip of an unusable
   * VEVENT, what could be read of it (may lack times) */
  LiaEvent      *event;
  /* Index of the entry of an override's series when that series is in the
   * file, else -1 */
  int            series;
  gboolean       is_override;
} PlanEntry;

struct _LiaIcalPlan
{
  GObject    parent_instance;

  /* Owned */
  GArray    *entries;  /* of PlanEntry */

  guint      created;
  guint      updated;
  guint      skipped;
  gboolean   applied;
};

G_DEFINE_FINAL_TYPE (LiaIcalPlan, lia_ical_plan, G_TYPE_OBJECT)

G_DEFINE_QUARK (lia-ical-error-quark, lia_ical_error)

/* What a TZID of the file stands for. */
typedef struct
{
  char         *tzid;          /* an IANA name, or "UTC" */
  icaltimezone *convert_from;  /* Borrowed (the file's): times are converted to UTC from it; or NULL */
  char         *note;          /* for the preview, or NULL */
} ResolvedZone;

/* Reading one file. */
typedef struct
{
  LiaStore     *store;           /* Borrowed */
  const char   *default_tzid;
  gint64        partner_id;
  gboolean      ours;            /* written by Liaison (PRODID) */
  char         *wr_timezone;     /* X-WR-TIMEZONE when libical knows it */
  icalcomponent *root;           /* Borrowed: the VCALENDAR being read */
  GHashTable   *zones;           /* TZID -> ResolvedZone */
  GHashTable   *partners;        /* name -> id (gint64 in a pointer) */
} ReadContext;

/* A line after which icalparser reported an error. */
typedef struct
{
  guint  number;
  char  *text;
} BadLine;

/* Feeding icalparser line by line. */
typedef struct
{
  const char *next;
  guint       lines_read;
  gboolean    at_end;
} LineSource;

static void
clear_entry (gpointer data)
{
  PlanEntry *entry = data;

  g_clear_pointer (&entry->reason, g_free);
  g_clear_object (&entry->event);
}

static void
resolved_zone_free (gpointer data)
{
  ResolvedZone *zone = data;

  g_free (zone->tzid);
  g_free (zone->note);
  g_free (zone);
}

static void
lia_ical_plan_finalize (GObject *object)
{
  LiaIcalPlan *self = (LiaIcalPlan *)object;

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (lia_ical_plan_parent_class)->finalize (object);
}

static void
lia_ical_plan_class_init (LiaIcalPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_ical_plan_finalize;
}

static void
lia_ical_plan_init (LiaIcalPlan *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (PlanEntry));
  g_array_set_clear_func (self->entries, clear_entry);
}

/* Time zones */

static gboolean
is_utc_name (const char *tzid)
{
  return tzid != NULL && (g_ascii_strcasecmp (tzid, "UTC") == 0 ||
                          g_ascii_strcasecmp (tzid, "Etc/UTC") == 0 ||
                          g_ascii_strcasecmp (tzid, "GMT") == 0 ||
                          g_ascii_strcasecmp (tzid, "Z") == 0);
}

static icaltimezone *
zone_for_name (const char *tzid)
{
  if (tzid == NULL || is_utc_name (tzid))
    return icaltimezone_get_utc_timezone ();

  return icaltimezone_get_builtin_timezone (tzid);
}

/* The IANA name of a Windows zone name ("Mountain Standard Time"), through
 * ICU's table; the library's own zone wins when it is one of the zones of
 * that name (Edmonton rather than Denver for "Mountain Standard Time"). */
static char *
windows_zone_to_iana (const char *name,
                      const char *default_tzid)
{
  UChar windows_id[128];
  UChar id[128];
  char result[128];
  UErrorCode status = U_ZERO_ERROR;
  int32_t length;

  if (!g_str_is_ascii (name) || strlen (name) >= G_N_ELEMENTS (windows_id))
    return NULL;

  u_charsToUChars (name, windows_id, (int32_t)strlen (name) + 1);

  if (default_tzid != NULL && g_str_is_ascii (default_tzid) &&
      strlen (default_tzid) < G_N_ELEMENTS (id))
    {
      UChar default_id[128];
      UChar default_windows[128];

      u_charsToUChars (default_tzid, default_id, (int32_t)strlen (default_tzid) + 1);
      length = ucal_getWindowsTimeZoneID (default_id, -1, default_windows,
                                          G_N_ELEMENTS (default_windows), &status);
      if (U_SUCCESS (status) && length > 0 && length < (int32_t)G_N_ELEMENTS (default_windows) &&
          u_strcmp (default_windows, windows_id) == 0)
        return g_strdup (default_tzid);
      status = U_ZERO_ERROR;
    }

  length = ucal_getTimeZoneIDForWindowsID (windows_id, -1, NULL, id, G_N_ELEMENTS (id), &status);
  if (U_FAILURE (status) || length <= 0 || length >= (int32_t)G_N_ELEMENTS (result))
    return NULL;

  u_UCharsToChars (id, result, length);
  result[length] = '\0';

  return g_strdup (result);
}

/* Whether two zones give the same UTC offsets over @year (every third day,
 * which tells apart rules that change on different weekends). */
static gboolean
zones_agree (icaltimezone *a,
             icaltimezone *b,
             int           year)
{
  struct icaltimetype t = icaltime_null_time ();

  t.year = year;
  t.month = 1;
  t.day = 1;
  t.hour = 12;
  t.zone = icaltimezone_get_utc_timezone ();

  for (int i = 0; i < 122; i++)
    {
      int dst_a = 0, dst_b = 0;

      if (icaltimezone_get_utc_offset_of_utc_time (a, &t, &dst_a) !=
          icaltimezone_get_utc_offset_of_utc_time (b, &t, &dst_b))
        return FALSE;
      icaltime_adjust (&t, 3, 0, 0, 0);
    }

  return TRUE;
}

/* A known zone whose rules are those of the file's VTIMEZONE: the one its
 * X-LIC-LOCATION names, the library's, then any. */
static char *
match_file_zone (icaltimezone *file_zone,
                 const char   *default_tzid,
                 int           year)
{
  icalcomponent *component = icaltimezone_get_component (file_zone);
  icalproperty *location = NULL;
  icalarray *builtin;

  if (component != NULL)
    {
      for (location = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
           location != NULL;
           location = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
        {
          const char *name = icalproperty_get_x_name (location);
          const char *value = icalproperty_get_x (location);

          if (name != NULL && g_ascii_strcasecmp (name, "X-LIC-LOCATION") == 0 &&
              value != NULL && lia_time_zone_is_known (value) &&
              zones_agree (file_zone, zone_for_name (value), year))
            return g_strdup (value);
        }
    }

  if (default_tzid != NULL && lia_time_zone_is_known (default_tzid) &&
      zones_agree (file_zone, zone_for_name (default_tzid), year))
    return g_strdup (default_tzid);

  builtin = icaltimezone_get_builtin_timezones ();
  for (size_t i = 0; builtin != NULL && i < builtin->num_elements; i++)
    {
      icaltimezone *candidate = icalarray_element_at (builtin, i);
      const char *name = icaltimezone_get_location (candidate);

      if (name != NULL && lia_time_zone_is_known (name) &&
          zones_agree (file_zone, candidate, year))
        return g_strdup (name);
    }

  return NULL;
}

/* The IANA zone of a TZID of the file (see the top of the file). NULL when
 * nothing makes sense of it. */
static const ResolvedZone *
resolve_zone (ReadContext *ctx,
              const char  *tzid,
              int          year)
{
  ResolvedZone *zone;
  icaltimezone *file_zone;
  g_autofree char *name = NULL;

  if ((zone = g_hash_table_lookup (ctx->zones, tzid)) != NULL)
    return zone->tzid != NULL ? zone : NULL;

  zone = g_new0 (ResolvedZone, 1);
  g_hash_table_insert (ctx->zones, g_strdup (tzid), zone);

  if (is_utc_name (tzid))
    {
      zone->tzid = g_strdup ("UTC");
      return zone;
    }

  if (lia_time_zone_is_known (tzid))
    {
      zone->tzid = g_strdup (tzid);
      return zone;
    }

  /* "/freeassociation.sourceforge.net/America/Edmonton" (Evolution),
   * "/mozilla.org/20050126_1/America/New_York" (old Thunderbird). */
  if (tzid[0] == '/')
    {
      for (const char *p = strchr (tzid + 1, '/'); p != NULL; p = strchr (p + 1, '/'))
        if (lia_time_zone_is_known (p + 1))
          {
            zone->tzid = g_strdup (p + 1);
            return zone;
          }
    }

  if ((name = windows_zone_to_iana (tzid, ctx->default_tzid)) != NULL &&
      lia_time_zone_is_known (name))
    {
      zone->tzid = g_steal_pointer (&name);
      /* Translators: a note of the import preview; the first is a Windows
       * time zone name ("Mountain Standard Time"), the second an IANA one */
      zone->note = g_strdup_printf (_("time zone ‘%s’ read as %s"), tzid, zone->tzid);
      return zone;
    }

  file_zone = icalcomponent_get_timezone (ctx->root, tzid);
  if (file_zone != NULL)
    {
      if ((name = match_file_zone (file_zone, ctx->default_tzid, year)) != NULL)
        {
          zone->tzid = g_steal_pointer (&name);
          zone->note = g_strdup_printf (_("time zone ‘%s’ read as %s"), tzid, zone->tzid);
        }
      else
        {
          zone->tzid = g_strdup ("UTC");
          zone->convert_from = file_zone;
          /* Translators: a note of the import preview; %s is a time zone name */
          zone->note = g_strdup_printf (_("time zone ‘%s’ is not a known one: times converted to UTC"), tzid);
        }
      return zone;
    }

  return NULL;
}

/* Times */

static char *
format_time (struct icaltimetype t)
{
  if (t.is_date)
    return g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                          t.year, t.month, t.day, t.hour, t.minute, t.second);
}

static gboolean
parse_time (const char          *text,
            gboolean             all_day,
            struct icaltimetype *t)
{
  int year, month, day, hour = 0, minute = 0, second = 0;

  *t = icaltime_null_time ();
  if (text == NULL)
    return FALSE;

  if (all_day || strlen (text) == 10)
    {
      if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3)
        return FALSE;
      *t = icaltime_null_date ();
    }
  else if (sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second) != 6)
    return FALSE;

  t->year = year;
  t->month = month;
  t->day = day;
  t->hour = hour;
  t->minute = minute;
  t->second = second;

  return TRUE;
}

/* A time of the file as a wall-clock time: its value in @target_tzid when
 * given (EXDATE, RECURRENCE-ID in their series' zone), else in its own zone
 * (*tzid set). FALSE with *problem set when its zone makes no sense. */
static gboolean
read_time (ReadContext          *ctx,
           icalproperty         *prop,
           struct icaltimetype   t,
           const char           *target_tzid,
           gboolean              target_all_day,
           gboolean              recurring,
           char                **value,
           char                **tzid,
           char                **note,
           char                **problem)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *zone_name = NULL;

  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
    {
      /* Translators: %s is a property of iCalendar (DTSTART, EXDATE, ...) */
      *problem = g_strdup_printf (_("%s is not a date or time"), icalproperty_get_property_name (prop));
      return FALSE;
    }

  if (t.is_date)
    {
      *value = format_time (t);
      if (tzid != NULL)
        *tzid = g_strdup (target_tzid != NULL ? target_tzid : ctx->default_tzid);
      return TRUE;
    }

  if (icaltime_is_utc (t))
    {
      /* Google writes single events in UTC and names the calendar's zone. */
      if (target_tzid != NULL)
        zone_name = target_tzid;
      else if (!recurring && ctx->wr_timezone != NULL)
        zone_name = ctx->wr_timezone;
      else
        zone_name = "UTC";
      t = icaltime_convert_to_zone (t, zone_for_name (zone_name));
    }
  else if (param != NULL && icalparameter_get_tzid (param) != NULL)
    {
      const char *file_tzid = icalparameter_get_tzid (param);
      const ResolvedZone *zone = resolve_zone (ctx, file_tzid, t.year);

      if (zone == NULL)
        {
          /* Translators: %s is the TZID of a time in the file */
          *problem = g_strdup_printf (_("unknown time zone ‘%s’"), file_tzid);
          return FALSE;
        }
      if (zone->note != NULL && note != NULL && *note == NULL)
        *note = g_strdup (zone->note);

      if (zone->convert_from != NULL)
        {
          t.zone = zone->convert_from;
          t = icaltime_convert_to_zone (t, icaltimezone_get_utc_timezone ());
        }
      else
        t.zone = zone_for_name (zone->tzid);
      zone_name = zone->tzid;

      if (target_tzid != NULL && g_strcmp0 (target_tzid, zone_name) != 0)
        {
          t = icaltime_convert_to_zone (t, zone_for_name (target_tzid));
          zone_name = target_tzid;
        }
    }
  else
    {
      /* Floating: the library's zone (or the series'). */
      zone_name = target_tzid != NULL ? target_tzid : ctx->default_tzid;
    }

  t.zone = NULL;
  if (target_all_day)
    t.is_date = 1;

  *value = format_time (t);
  if (tzid != NULL)
    *tzid = g_strdup (zone_name);

  return TRUE;
}

/* Text */

static const char *
get_x (icalcomponent *vevent,
       const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (vevent, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (vevent, ICAL_X_PROPERTY))
    {
      const char *x_name = icalproperty_get_x_name (prop);

      if (x_name != NULL && g_ascii_strcasecmp (x_name, name) == 0)
        {
          const char *value = icalproperty_get_x (prop);

          return value != NULL ? value : "";
        }
    }

  return NULL;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static gboolean
parse_boolean (const char *text)
{
  return text != NULL && (g_ascii_strcasecmp (text, "TRUE") == 0 || g_str_equal (text, "1") ||
                          g_ascii_strcasecmp (text, "yes") == 0);
}

static LiaChannels
parse_channels (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, ",", -1);
  g_autoptr(GFlagsClass) klass = g_type_class_ref (LIA_TYPE_CHANNELS);
  LiaChannels channels = LIA_CHANNEL_NONE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      GFlagsValue *value = g_flags_get_value_by_nick (klass, g_strstrip (words[i]));

      if (value != NULL)
        channels |= value->value;
    }

  return channels;
}

static char *
format_channels (LiaChannels channels)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (LIA_TYPE_CHANNELS);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (klass->values[i].value == 0 || (channels & klass->values[i].value) != klass->values[i].value)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, klass->values[i].value_nick);
    }

  if (out->len == 0)
    g_string_append (out, "none");

  return g_string_free (out, FALSE);
}

static void
append_note (char       **reason,
             const char  *note)
{
  char *joined;

  if (note == NULL || note[0] == '\0')
    return;
  if (*reason == NULL || (*reason)[0] == '\0')
    {
      g_free (*reason);
      *reason = g_strdup (note);
      return;
    }

  joined = g_strconcat (*reason, "; ", note, NULL);
  g_free (*reason);
  *reason = joined;
}

/* Partners */

static gint64
find_partner (ReadContext *ctx,
              const char  *name)
{
  g_autoptr(LiaStmt) stmt = NULL;
  gpointer cached;
  gint64 id = 0;

  if (g_hash_table_lookup_extended (ctx->partners, name, NULL, &cached))
    return (gint64)GPOINTER_TO_SIZE (cached);

  stmt = lia_database_prepare_cached (lia_store_get_database (ctx->store),
                                      "SELECT id FROM partner WHERE name = ?1 COLLATE NOCASE "
                                      "AND deleted_at IS NULL ORDER BY id LIMIT 1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
    }

  g_hash_table_insert (ctx->partners, g_strdup (name), GSIZE_TO_POINTER ((gsize)id));

  return id;
}

/* VEVENT -> LiaEvent */

/* The fields every file says: times, recurrence, title, texts, place,
 * links, status and categories. @event may hold the stored version, whose
 * Liaison-only fields stay unless the file is Liaison's own. */
static gboolean
fill_event (ReadContext    *ctx,
            icalcomponent  *vevent,
            LiaEvent       *event,
            char          **note,
            char          **problem)
{
  icalproperty *prop;
  struct icaltimetype start, end;
  g_autofree char *dtstart = NULL;
  g_autofree char *dtend = NULL;
  g_autofree char *tzid = NULL;
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) exdates = g_string_new (NULL);
  const char *summary_x;
  const char *text;
  gboolean recurring;
  gboolean all_day;
  gboolean keep_zone;
  gboolean whole_categories;
  char *rrule = NULL;

  text = icalcomponent_get_summary (vevent);
  if (text != NULL)
    {
      g_autofree char *title = g_strstrip (g_strdup (text));

      lia_event_set_title (event, title);
    }
  if (nonempty (lia_event_get_title (event)) == NULL)
    {
      *problem = g_strdup (_("no title (SUMMARY)"));
      return FALSE;
    }

  /* Times */
  recurring = icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY) != NULL &&
              icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY) == NULL;

  if ((prop = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY)) == NULL)
    {
      *problem = g_strdup (_("no start time (DTSTART)"));
      return FALSE;
    }
  start = icalproperty_get_dtstart (prop);
  if (!read_time (ctx, prop, start, NULL, FALSE, recurring, &dtstart, &tzid, note, problem))
    return FALSE;
  all_day = start.is_date;

  if ((prop = icalcomponent_get_first_property (vevent, ICAL_DTEND_PROPERTY)) != NULL)
    {
      end = icalproperty_get_dtend (prop);
      if (all_day && end.is_date)
        {
          /* DTEND of a day is the day after the last. */
          icaltime_adjust (&end, -1, 0, 0, 0);
          dtend = format_time (end);
        }
      else if (!read_time (ctx, prop, end, tzid, all_day, recurring, &dtend, NULL, note, problem))
        return FALSE;
    }
  else if ((prop = icalcomponent_get_first_property (vevent, ICAL_DURATION_PROPERTY)) != NULL)
    {
      struct icaldurationtype duration = icalproperty_get_duration (prop);
      struct icaltimetype local;

      parse_time (dtstart, all_day, &local);
      end = icaltime_add (local, duration);
      if (all_day)
        icaltime_adjust (&end, -1, 0, 0, 0);
      dtend = format_time (end);
    }
  if (all_day && dtend != NULL && strcmp (dtend, dtstart) <= 0)
    g_clear_pointer (&dtend, g_free);
  if (dtend != NULL && strcmp (dtend, dtstart) < 0)
    {
      *problem = g_strdup (_("it ends before it starts"));
      return FALSE;
    }
  if (!all_day && dtend != NULL && strcmp (dtend, dtstart) == 0)
    g_clear_pointer (&dtend, g_free);

  /* A day is a day in every zone: a stored all-day event keeps its zone. */
  keep_zone = all_day && lia_event_get_id (event) != 0 && lia_event_get_all_day (event) &&
              lia_event_get_tzid (event) != NULL;
  lia_event_set_all_day (event, all_day);
  lia_event_set_dtstart (event, dtstart);
  lia_event_set_dtend (event, dtend);
  if (all_day && ctx->ours && get_x (vevent, "X-LIAISON-TZID") != NULL &&
      lia_time_zone_is_known (get_x (vevent, "X-LIAISON-TZID")))
    lia_event_set_tzid (event, get_x (vevent, "X-LIAISON-TZID"));
  else if (!keep_zone)
    lia_event_set_tzid (event, tzid);

  /* Recurrence (a series; an override has none of its own). */
  if (recurring)
    {
      struct icalrecurrencetype recur;

      prop = icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY);
      recur = icalproperty_get_rrule (prop);
      if (recur.freq == ICAL_NO_RECURRENCE)
        {
          *problem = g_strdup (_("a repeat rule (RRULE) that cannot be read"));
          return FALSE;
        }
      rrule = icalrecurrencetype_as_string_r (&recur);
      if (icalcomponent_get_next_property (vevent, ICAL_RRULE_PROPERTY) != NULL)
        append_note (note, _("only the first repeat rule (RRULE) is kept"));
      if (icalcomponent_get_first_property (vevent, ICAL_RDATE_PROPERTY) != NULL)
        append_note (note, _("extra dates (RDATE) left out"));

      for (prop = icalcomponent_get_first_property (vevent, ICAL_EXDATE_PROPERTY);
           prop != NULL;
           prop = icalcomponent_get_next_property (vevent, ICAL_EXDATE_PROPERTY))
        {
          g_autofree char *value = NULL;
          g_autofree char *ignored = NULL;

          if (!read_time (ctx, prop, icalproperty_get_exdate (prop), tzid, all_day, TRUE,
                          &value, NULL, note, &ignored))
            continue;
          if (exdates->len > 0)
            g_string_append_c (exdates, ',');
          g_string_append (exdates, value);
        }
    }
  lia_event_set_rrule (event, rrule);
  if (rrule != NULL)
    icalmemory_free_buffer (rrule);
  lia_event_set_exdates (event, exdates->len > 0 ? exdates->str : NULL);

  /* Status */
  switch (icalcomponent_get_status (vevent))
    {
    case ICAL_STATUS_CANCELLED:
      lia_event_set_status (event, LIA_EVENT_STATUS_CANCELLED);
      break;
    case ICAL_STATUS_TENTATIVE:
      {
        const char *status = get_x (vevent, "X-LIAISON-STATUS");

        if (status != NULL && lia_enum_from_nick (LIA_TYPE_EVENT_STATUS, status) >= 0)
          lia_event_set_status (event, lia_enum_from_nick (LIA_TYPE_EVENT_STATUS, status));
        else
          lia_event_set_status (event, LIA_EVENT_STATUS_DRAFT);
      }
      break;
    default:
      lia_event_set_status (event, LIA_EVENT_STATUS_CONFIRMED);
      break;
    }

  /* Texts: Liaison writes its summary before the description. */
  summary_x = get_x (vevent, "X-LIAISON-SUMMARY");
  text = icalcomponent_get_description (vevent);
  if (summary_x != NULL && text != NULL && g_str_has_prefix (text, summary_x))
    {
      text += strlen (summary_x);
      if (g_str_has_prefix (text, "\n\n"))
        text += 2;
      else if (text[0] == '\0')
        text = "";
    }
  lia_event_set_description (event, text != NULL ? text : "");
  if (ctx->ours)
    lia_event_set_summary (event, summary_x != NULL ? summary_x : "");

  /* Place: "name, address"; Liaison's own say more. */
  text = icalcomponent_get_location (vevent);
  if (ctx->ours && (get_x (vevent, "X-LIAISON-VENUE-NAME") != NULL ||
                    get_x (vevent, "X-LIAISON-VENUE-ADDRESS") != NULL ||
                    g_strcmp0 (text, get_x (vevent, "X-LIAISON-VENUE-ROOM")) == 0))
    {
      lia_event_set_venue_name (event, nonempty (get_x (vevent, "X-LIAISON-VENUE-NAME")));
      lia_event_set_venue_address (event, nonempty (get_x (vevent, "X-LIAISON-VENUE-ADDRESS")));
    }
  else if (nonempty (text) != NULL)
    {
      /* Apple writes the name on a line of its own. */
      const char *comma = strpbrk (text, ",\n");
      const char *room = ctx->ours ? nonempty (get_x (vevent, "X-LIAISON-VENUE-ROOM")) : NULL;
      g_autofree char *name = comma != NULL ? g_strndup (text, comma - text) : g_strdup (text);
      const char *rest = comma != NULL ? comma + 1 : NULL;
      g_autofree char *address = NULL;

      while (rest != NULL && g_ascii_isspace (*rest))
        rest++;
      if (rest != NULL && room != NULL && g_str_has_prefix (rest, room))
        {
          rest += strlen (room);
          if (rest[0] == ',')
            rest++;
          while (g_ascii_isspace (*rest))
            rest++;
        }
      if (rest != NULL && !ctx->ours)
        {
          g_auto(GStrv) lines = g_strsplit (rest, "\n", -1);

          address = g_strjoinv (", ", lines);
          rest = g_strstrip (address);
        }
      lia_event_set_venue_name (event, nonempty (g_strstrip (name)));
      lia_event_set_venue_address (event, nonempty (rest));
    }
  else
    {
      lia_event_set_venue_name (event, NULL);
      lia_event_set_venue_address (event, NULL);
    }

  /* Links */
  {
    const char *online = ctx->ours ? nonempty (get_x (vevent, "X-LIAISON-ONLINE-URL")) : NULL;
    const char *url = NULL;

    if ((prop = icalcomponent_get_first_property (vevent, ICAL_URL_PROPERTY)) != NULL)
      url = nonempty (icalproperty_get_url (prop));
    if (online != NULL && g_strcmp0 (url, online) == 0)
      url = NULL;
    lia_event_set_registration_url (event, url);
    if (ctx->ours)
      lia_event_set_online_url (event, online);
  }

  lia_event_set_image_url (event, NULL);
  for (prop = icalcomponent_get_first_property (vevent, ICAL_ATTACH_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (vevent, ICAL_ATTACH_PROPERTY))
    {
      icalattach *attach = icalproperty_get_attach (prop);

      if (attach != NULL && icalattach_get_is_url (attach) && icalattach_get_url (attach) != NULL)
        {
          lia_event_set_image_url (event, icalattach_get_url (attach));
          break;
        }
    }

  /* Categories (libical splits "a,b" into one property each); Liaison's
   * own X-LIAISON-CATEGORY, when there, says them whole. */
  whole_categories = ctx->ours && get_x (vevent, "X-LIAISON-CATEGORY") != NULL;
  for (prop = icalcomponent_get_first_property (vevent, whole_categories ? ICAL_X_PROPERTY : ICAL_CATEGORIES_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (vevent, whole_categories ? ICAL_X_PROPERTY : ICAL_CATEGORIES_PROPERTY))
    {
      g_autofree char *category = NULL;
      gboolean seen = FALSE;

      if (whole_categories)
        {
          if (g_ascii_strcasecmp (icalproperty_get_x_name (prop), "X-LIAISON-CATEGORY") != 0)
            continue;
          category = g_strstrip (g_strdup (icalproperty_get_x (prop) ?: ""));
        }
      else
        category = g_strstrip (g_strdup (icalproperty_get_categories (prop) ?: ""));

      if (category[0] == '\0')
        continue;
      for (guint i = 0; i < categories->len; i++)
        seen |= g_str_equal (g_ptr_array_index (categories, i), category);
      if (!seen)
        g_ptr_array_add (categories, g_steal_pointer (&category));
    }
  g_ptr_array_add (categories, NULL);
  lia_event_set_categories (event, (const char * const *)categories->pdata);

  /* Liaison's own fields, from its exports. */
  if (ctx->ours)
    {
      const char *audience = get_x (vevent, "X-LIAISON-AUDIENCE");
      const char *channels = get_x (vevent, "X-LIAISON-CHANNELS");

      lia_event_set_audience (event, audience != NULL && lia_enum_from_nick (LIA_TYPE_AUDIENCE, audience) >= 0
                                     ? lia_enum_from_nick (LIA_TYPE_AUDIENCE, audience)
                                     : LIA_AUDIENCE_ALL);
      lia_event_set_cost (event, nonempty (get_x (vevent, "X-LIAISON-COST")));
      lia_event_set_accessibility (event, get_x (vevent, "X-LIAISON-ACCESSIBILITY") != NULL
                                          ? get_x (vevent, "X-LIAISON-ACCESSIBILITY") : "");
      lia_event_set_contact (event, nonempty (get_x (vevent, "X-LIAISON-CONTACT")));
      lia_event_set_venue_room (event, nonempty (get_x (vevent, "X-LIAISON-VENUE-ROOM")));
      lia_event_set_promote (event, parse_boolean (get_x (vevent, "X-LIAISON-PROMOTE")));
      lia_event_set_featured (event, parse_boolean (get_x (vevent, "X-LIAISON-FEATURED")));
      lia_event_set_channels (event, channels != NULL ? parse_channels (channels) : LIA_CHANNEL_NONE);
    }

  return TRUE;
}

/* What a calendar shows and what Liaison adds: the fields an import may
 * change. */
static gboolean
events_equal (LiaEvent *a,
              LiaEvent *b)
{
  return lia_event_content_equal (a, b) &&
         lia_event_get_promote (a) == lia_event_get_promote (b) &&
         lia_event_get_featured (a) == lia_event_get_featured (b) &&
         lia_event_get_channels (a) == lia_event_get_channels (b);
}

static gboolean
text_differs (const char *a,
              const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") != 0;
}

/* "changes time, title" for the preview of an update. */
static char *
describe_changes (LiaEvent *old,
                  LiaEvent *new)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree char *list = NULL;

  /* Translators: the words of "changes title, time" in the import preview */
  if (text_differs (lia_event_get_title (old), lia_event_get_title (new)))
    g_ptr_array_add (words, (gpointer)C_("changed in an event", "title"));
  if (text_differs (lia_event_get_dtstart (old), lia_event_get_dtstart (new)) ||
      text_differs (lia_event_get_dtend (old), lia_event_get_dtend (new)) ||
      lia_event_get_all_day (old) != lia_event_get_all_day (new) ||
      (!lia_event_get_all_day (new) && text_differs (lia_event_get_tzid (old), lia_event_get_tzid (new))))
    g_ptr_array_add (words, (gpointer)C_("changed in an event", "time"));
  if (text_differs (lia_event_get_rrule (old), lia_event_get_rrule (new)) ||
      text_differs (lia_event_get_exdates (old), lia_event_get_exdates (new)))
    g_ptr_array_add (words, (gpointer)C_("changed in an event", "repeats"));
  if (lia_event_get_status (old) != lia_event_get_status (new))
    g_ptr_array_add (words, (gpointer)C_("changed in an event", "status"));
  if (text_differs (lia_event_get_venue_name (old), lia_event_get_venue_name (new)) ||
      text_differs (lia_event_get_venue_address (old), lia_event_get_venue_address (new)) ||
      text_differs (lia_event_get_venue_room (old), lia_event_get_venue_room (new)))
    g_ptr_array_add (words, (gpointer)C_("changed in an event", "place"));
  if (text_differs (lia_event_get_summary (old), lia_event_get_summary (new)) ||
      text_differs (lia_event_get_description (old), lia_event_get_description (new)))
    g_ptr_array_add (words, (gpointer)C_("changed in an event", "description"));

  if (words->len == 0)
    g_ptr_array_add (words, (gpointer)C_("changed in an event", "details"));
  g_ptr_array_add (words, NULL);
  list = g_strjoinv (", ", (char **)words->pdata);

  /* Translators: %s is a list of what changed: "title, time" */
  return g_strdup_printf (_("changes %s"), list);
}

static char *
dup_uid (icalcomponent *vevent)
{
  const char *uid = icalcomponent_get_uid (vevent);
  g_autofree char *checksum = NULL;
  g_autofree char *material = NULL;
  icalproperty *start;

  if (nonempty (uid) != NULL)
    return g_strdup (uid);

  /* No UID (against RFC 5545): one made from what the event is, so that
   * importing the file again finds it. */
  start = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
  material = g_strconcat (icalcomponent_get_summary (vevent) ?: "", "\n",
                          start != NULL ? icalproperty_get_value_as_string (start) : "", NULL);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, material, -1);

  return g_strconcat (checksum, "@import.liaison", NULL);
}

static PlanEntry *
add_entry (LiaIcalPlan *self)
{
  PlanEntry entry = { .action = LIA_ICAL_ACTION_SKIP, .series = -1 };

  g_array_append_val (self->entries, entry);

  return &g_array_index (self->entries, PlanEntry, self->entries->len - 1);
}

static void
skip_entry (PlanEntry  *entry,
            const char *reason)
{
  entry->action = LIA_ICAL_ACTION_SKIP;
  append_note (&entry->reason, reason);
}

/* Plans one VEVENT. @series_entries: uid -> index of its series' entry. */
static void
plan_vevent (LiaIcalPlan   *self,
             ReadContext   *ctx,
             icalcomponent *vevent,
             GHashTable    *seen,
             GHashTable    *series_entries)
{
  g_autofree char *uid = dup_uid (vevent);
  g_autofree char *recurrence_id = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *note = NULL;
  g_autofree char *key = NULL;
  g_autoptr(LiaEvent) existing = NULL;
  g_autoptr(LiaEvent) series = NULL;
  g_autoptr(GError) local_error = NULL;
  icalproperty *rid_prop = icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY);
  const char *partner_name;
  LiaEvent *event;
  PlanEntry *entry;
  gint64 start_utc = 0, last_end_utc = 0;
  int series_index = -1;

  entry = add_entry (self);
  entry->is_override = rid_prop != NULL;
  entry->event = event = lia_event_new ();
  lia_event_set_uid (event, uid);
  lia_event_set_title (event, icalcomponent_get_summary (vevent));

  /* An override hangs on its series, in the file or in the store. */
  if (rid_prop != NULL)
    {
      gpointer index;
      LiaEvent *series_event = NULL;

      if (g_hash_table_lookup_extended (series_entries, uid, NULL, &index))
        {
          PlanEntry *series_entry = &g_array_index (self->entries, PlanEntry, GPOINTER_TO_INT (index));

          series_index = GPOINTER_TO_INT (index);
          if (series_entry->action == LIA_ICAL_ACTION_SKIP && lia_event_get_id (series_entry->event) == 0)
            {
              skip_entry (entry, _("its series is not imported"));
              return;
            }
          series_event = series_entry->event;
        }
      else if ((series = lia_store_get_event_by_uid (ctx->store, uid, NULL, NULL)) != NULL)
        series_event = series;
      else
        {
          skip_entry (entry, _("its series is neither in the file nor in the database"));
          return;
        }

      if (!read_time (ctx, rid_prop, icalproperty_get_recurrenceid (rid_prop),
                      lia_event_get_tzid (series_event), lia_event_get_all_day (series_event),
                      TRUE, &recurrence_id, NULL, &note, &problem))
        {
          skip_entry (entry, problem);
          return;
        }
      lia_event_set_recurrence_id (event, recurrence_id);
      lia_event_set_recurrence_of (event, lia_event_get_id (series_event));
      lia_event_set_partner_id (event, lia_event_get_partner_id (series_event));
      entry->series = series_index >= 0 && lia_event_get_id (series_event) == 0 ? series_index : -1;
    }

  key = g_strconcat (uid, "\n", recurrence_id ?: "", NULL);
  if (g_hash_table_contains (seen, key))
    {
      skip_entry (entry, _("the same event is earlier in the file"));
      return;
    }
  g_hash_table_add (seen, g_steal_pointer (&key));

  existing = lia_store_get_event_by_uid (ctx->store, uid, recurrence_id, &local_error);
  if (existing == NULL && !g_error_matches (local_error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND))
    {
      skip_entry (entry, local_error->message);
      return;
    }
  g_clear_error (&local_error);
  if (existing != NULL && lia_event_get_deleted_at (existing) != 0)
    {
      lia_event_set_id (event, lia_event_get_id (existing));
      skip_entry (entry, _("it is in the trash: restore it to update it"));
      return;
    }

  /* An update starts from the stored event: what the file does not say
   * (promotion, audience, ... of a foreign file) stays. */
  if (existing != NULL)
    {
      g_clear_object (&entry->event);
      entry->event = event = lia_event_copy (existing);
    }
  else
    {
      icalproperty *sequence = icalcomponent_get_first_property (vevent, ICAL_SEQUENCE_PROPERTY);

      lia_event_set_sequence (event, sequence != NULL ? MAX (icalproperty_get_sequence (sequence), 0) : 0);
    }

  if (rid_prop == NULL)
    {
      gint64 partner_id = ctx->partner_id;

      partner_name = nonempty (get_x (vevent, "X-LIAISON-PARTNER"));
      if (partner_id < 0 && partner_name == NULL)
        partner_id = existing != NULL ? lia_event_get_partner_id (existing) : 0;
      else if (partner_id < 0 && (partner_id = find_partner (ctx, partner_name)) == 0)
        {
          /* Translators: %s is the name of a partner */
          g_autofree char *missing = g_strdup_printf (_("partner ‘%s’ not found: imported as the library’s own"),
                                                      partner_name);

          append_note (&note, missing);
        }
      lia_event_set_partner_id (event, partner_id);

      /* A partner's new event is promoted as its tier says, unless the
       * file is Liaison's own and says it. */
      if (existing == NULL && partner_id > 0 && !ctx->ours)
        {
          g_autoptr(LiaPartner) partner = lia_store_get_partner (ctx->store, partner_id, NULL);

          if (partner != NULL)
            lia_event_apply_promotion_tier (event, lia_partner_get_promotion_tier (partner));
        }
    }
  else
    {
      lia_event_set_recurrence_id (event, recurrence_id);
    }

  if (!fill_event (ctx, vevent, event, &note, &problem))
    {
      skip_entry (entry, problem);
      return;
    }
  if (rid_prop != NULL)
    lia_event_set_rrule (event, NULL);

  if (!lia_recurrence_get_span (lia_event_get_dtstart (event), lia_event_get_dtend (event),
                                lia_event_get_tzid (event), lia_event_get_all_day (event),
                                lia_event_get_rrule (event), lia_event_get_exdates (event),
                                &start_utc, &last_end_utc, &local_error))
    {
      skip_entry (entry, local_error->message);
      return;
    }
  lia_event_set_start_utc (event, start_utc);
  lia_event_set_last_end_utc (event, last_end_utc);

  if (existing == NULL)
    {
      entry->action = LIA_ICAL_ACTION_CREATE;
      append_note (&entry->reason, note);
    }
  else if (events_equal (existing, event))
    {
      entry->action = LIA_ICAL_ACTION_SKIP;
      append_note (&entry->reason, _("already up to date"));
    }
  else
    {
      g_autofree char *changes = describe_changes (existing, event);

      entry->action = LIA_ICAL_ACTION_UPDATE;
      append_note (&entry->reason, changes);
      append_note (&entry->reason, note);
    }

  if (rid_prop == NULL)
    g_hash_table_insert (series_entries, g_strdup (uid), GINT_TO_POINTER (self->entries->len - 1));
}

/* Reading the file */

static char *
next_line (char   *s,
           size_t  size,
           void   *data)
{
  LineSource *source = data;
  const char *end;
  size_t length;

  if (source->next == NULL || source->next[0] == '\0')
    {
      source->at_end = TRUE;
      return NULL;
    }

  end = strchr (source->next, '\n');
  length = end != NULL ? (size_t)(end - source->next) + 1 : strlen (source->next);
  if (length > size - 1)
    length = size - 1;

  memcpy (s, source->next, length);
  s[length] = '\0';
  source->next += length;
  if (length > 0 && s[length - 1] == '\n')
    source->lines_read++;
  else if (source->next[0] == '\0')
    source->lines_read++;

  return s;
}

/* The innermost component libical had to close at the end of the file. */
static icalcomponent *
find_unclosed (icalcomponent *component)
{
  for (icalcomponent *child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL;
       child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    {
      icalcomponent *found = find_unclosed (child);

      if (found != NULL)
        return found;
    }

  for (icalproperty *prop = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_XLICERROR_PROPERTY))
    {
      const char *text = icalproperty_get_xlicerror (prop);

      if (text != NULL && strstr (text, "Missing END") != NULL)
        return component;
    }

  return NULL;
}

/* The first line libical could not make a property of ("Got a data line,
 * but could not find a property name ...: LINE"): an X-LIC-ERROR of type
 * COMPONENT-PARSE-ERROR that quotes one of the lines it flagged. */
static const BadLine *
find_bad_line (icalcomponent *component,
               GArray        *flagged)
{
  const BadLine *found = NULL;

  for (icalproperty *prop = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_XLICERROR_PROPERTY))
    {
      icalparameter *type = icalproperty_get_first_parameter (prop, ICAL_XLICERRORTYPE_PARAMETER);
      const char *text = icalproperty_get_xlicerror (prop);

      if (type == NULL || text == NULL ||
          icalparameter_get_xlicerrortype (type) != ICAL_XLICERRORTYPE_COMPONENTPARSEERROR ||
          strstr (text, "Missing END") != NULL)
        continue;

      for (guint i = 0; i < flagged->len; i++)
        {
          const BadLine *line = &g_array_index (flagged, BadLine, i);

          if (g_str_has_suffix (text, line->text) && (found == NULL || line->number < found->number))
            found = line;
        }
    }

  for (icalcomponent *child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL;
       child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    {
      const BadLine *line = find_bad_line (child, flagged);

      if (line != NULL && (found == NULL || line->number < found->number))
        found = line;
    }

  return found;
}

static void
clear_bad_line (gpointer data)
{
  BadLine *line = data;

  g_free (line->text);
}

static gboolean
set_bad_line_error (GPtrArray      *components,
                    GArray         *flagged,
                    GError        **error)
{
  const BadLine *bad = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < components->len; i++)
    {
      const BadLine *line = find_bad_line (g_ptr_array_index (components, i), flagged);

      if (line != NULL && (bad == NULL || line->number < bad->number))
        bad = line;
    }
  if (bad == NULL)
    return FALSE;

  text = g_utf8_make_valid (bad->text, -1);
  g_strstrip (text);
  if (g_utf8_strlen (text, -1) > 40)
    {
      char *cut = g_utf8_substring (text, 0, 40);

      g_free (text);
      text = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }
  /* Translators: %u is a line number, %s the line's text */
  g_set_error (error, LIA_ICAL_ERROR, LIA_ICAL_ERROR_MALFORMED,
               _("Line %u is not iCalendar: ‘%s’."), bad->number, text);

  return TRUE;
}

/* The VCALENDARs of @text; MALFORMED naming the line that libical could not
 * read, or the component the file leaves open. */
static GPtrArray *
parse_calendars (const char  *text,
                 GError     **error)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func ((GDestroyNotify)icalcomponent_free);
  g_autoptr(GArray) flagged = g_array_new (FALSE, FALSE, sizeof (BadLine));
  LineSource source = { text, 0, FALSE };
  icalparser *parser = icalparser_new ();
  icalcomponent *partial = NULL;
  gboolean complete;
  char *line;

  g_array_set_clear_func (flagged, clear_bad_line);
  icalparser_set_gen_data (parser, &source);

  do
    {
      icalcomponent *component;
      guint line_number;

      line = icalparser_get_line (parser, next_line);
      /* icalparser reads one line ahead to unfold. */
      line_number = source.at_end ? source.lines_read : source.lines_read - 1;
      component = icalparser_add_line (parser, line);

      /* A line without a property name, but also one without a value: the
       * X-LIC-ERRORs tell them apart below. */
      if (line != NULL && icalparser_get_state (parser) == ICALPARSER_ERROR)
        {
          BadLine bad = { MAX (line_number, 1), g_strdup (line) };

          g_array_append_val (flagged, bad);
        }
      if (component != NULL)
        g_ptr_array_add (roots, component);
      if (line != NULL)
        icalmemory_free_buffer (line);
    }
  while (line != NULL);

  complete = icalparser_get_state (parser) != ICALPARSER_IN_PROGRESS && roots->len > 0;
  if (!complete)
    {
      /* What libical closed by itself; the parser keeps it. */
      partial = icalparser_clean (parser);
      if (partial != NULL)
        {
          partial = icalcomponent_new_clone (partial);
          g_ptr_array_add (roots, partial);
        }
    }
  icalparser_free (parser);

  if (flagged->len > 0 && set_bad_line_error (roots, flagged, error))
    return NULL;

  if (!complete)
    {
      icalcomponent *open = partial != NULL ? find_unclosed (partial) : NULL;

      if (open != NULL)
        {
          const char *kind = icalcomponent_kind_to_string (icalcomponent_isa (open));
          const char *summary = icalcomponent_isa (open) == ICAL_VEVENT_COMPONENT
                                ? icalcomponent_get_summary (open) : NULL;

          if (summary != NULL)
            /* Translators: the first %s is a component (VEVENT), the second
             * its title; %u the last line of the file */
            g_set_error (error, LIA_ICAL_ERROR, LIA_ICAL_ERROR_MALFORMED,
                         _("The file ends (line %u) inside a %s that is never closed: ‘%s’ has no END:%s."),
                         source.lines_read, kind, summary, kind);
          else
            g_set_error (error, LIA_ICAL_ERROR, LIA_ICAL_ERROR_MALFORMED,
                         _("The file ends (line %u) inside a %s that is never closed: END:%s is missing."),
                         source.lines_read, kind, kind);
        }
      else
        g_set_error (error, LIA_ICAL_ERROR, LIA_ICAL_ERROR_MALFORMED,
                     _("The calendar could not be read: it is cut short or damaged."));

      return NULL;
    }

  return g_steal_pointer (&roots);
}

static const char *
skip_bom_and_blanks (const char *text,
                     gsize       length,
                     gsize      *skipped)
{
  gsize i = 0;

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && (text[i] == '\r' || text[i] == '\n' || text[i] == ' ' || text[i] == '\t'))
    i++;

  *skipped = i;

  return text + i;
}

/**
 * lia_ical_sniff:
 * @data: the start of a file, or all of it
 *
 * Returns: whether @data starts (after a byte order mark and blank lines)
 *   with BEGIN:VCALENDAR
 */
gboolean
lia_ical_sniff (GBytes *data)
{
  const char *text;
  gsize length, skipped;

  g_return_val_if_fail (data != NULL, FALSE);

  text = g_bytes_get_data (data, &length);
  if (text == NULL)
    return FALSE;
  text = skip_bom_and_blanks (text, length, &skipped);

  return length - skipped >= 15 && g_ascii_strncasecmp (text, "BEGIN:VCALENDAR", 15) == 0;
}

/**
 * lia_ical_plan_new:
 * @store: the store to compare with
 * @data: a whole .ics file
 * @default_tzid: the zone of floating times (the library's)
 * @partner_id: whose events they are: 0 the library's, -1 by X-LIAISON-PARTNER
 *
 * Returns: (transfer full): the plan, or %NULL with a %LIA_ICAL_ERROR
 */
static LiaIcalPlan *
plan_new_unlocked (LiaStore    *store,
                   GBytes      *data,
                   const char  *default_tzid,
                   gint64       partner_id,
                   GError     **error)
{
  g_autoptr(LiaIcalPlan) self = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) series_entries = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autofree char *text = NULL;
  ReadContext ctx = { 0 };
  const char *bytes;
  gsize length, skipped;
  guint n_events = 0;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (default_tzid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lia_ical_sniff (data))
    {
      g_set_error (error, LIA_ICAL_ERROR, LIA_ICAL_ERROR_NOT_ICALENDAR,
                   _("The file is not an iCalendar file: it does not start with BEGIN:VCALENDAR."));
      return NULL;
    }

  bytes = g_bytes_get_data (data, &length);
  bytes = skip_bom_and_blanks (bytes, length, &skipped);
  if (memchr (bytes, '\0', length - skipped) != NULL ||
      !g_utf8_validate (bytes, length - skipped, NULL))
    {
      g_set_error (error, LIA_ICAL_ERROR, LIA_ICAL_ERROR_MALFORMED,
                   _("The calendar is not UTF-8 text, as iCalendar must be."));
      return NULL;
    }
  text = g_strndup (bytes, length - skipped);

  if (!(roots = parse_calendars (text, error)))
    return NULL;

  self = g_object_new (LIA_TYPE_ICAL_PLAN, NULL);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  series_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  overrides = g_ptr_array_new ();

  ctx.store = store;
  ctx.default_tzid = default_tzid;
  ctx.partner_id = partner_id;
  ctx.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, resolved_zone_free);
  ctx.partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < roots->len; r++)
    {
      icalcomponent *root = g_ptr_array_index (roots, r);
      icalproperty *prodid = icalcomponent_get_first_property (root, ICAL_PRODID_PROPERTY);
      const char *wr_timezone = get_x (root, "X-WR-TIMEZONE");

      if (icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
        continue;

      ctx.root = root;
      ctx.ours = prodid != NULL && icalproperty_get_prodid (prodid) != NULL &&
                 g_str_has_prefix (icalproperty_get_prodid (prodid), LIAISON_PRODID_PREFIX);
      g_clear_pointer (&ctx.wr_timezone, g_free);
      if (wr_timezone != NULL && lia_time_zone_is_known (wr_timezone))
        ctx.wr_timezone = g_strdup (wr_timezone);

      /* Series and single events first, so that overrides find them. */
      for (icalcomponent *vevent = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
           vevent != NULL;
           vevent = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
        {
          n_events++;
          if (icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY) != NULL)
            g_ptr_array_add (overrides, vevent);
          else
            plan_vevent (self, &ctx, vevent, seen, series_entries);
        }

      for (guint i = 0; i < overrides->len; i++)
        plan_vevent (self, &ctx, g_ptr_array_index (overrides, i), seen, series_entries);
      g_ptr_array_set_size (overrides, 0);
      g_hash_table_remove_all (ctx.zones);
    }

  g_hash_table_unref (ctx.zones);
  g_hash_table_unref (ctx.partners);
  g_free (ctx.wr_timezone);

  if (n_events == 0)
    {
      g_set_error (error, LIA_ICAL_ERROR, LIA_ICAL_ERROR_NO_EVENTS,
                   _("The calendar holds no events (no VEVENT)."));
      return NULL;
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      PlanEntry *entry = &g_array_index (self->entries, PlanEntry, i);

      if (entry->action == LIA_ICAL_ACTION_CREATE)
        self->created++;
      else if (entry->action == LIA_ICAL_ACTION_UPDATE)
        self->updated++;
      else
        self->skipped++;
    }

  return g_steal_pointer (&self);
}

/**
 * lia_ical_plan_apply:
 *
 * Saves the creates and updates of the plan in one transaction, series
 * before their overrides; when one fails nothing is written and @error
 * (%LIA_ICAL_ERROR_FAILED) names the event. A plan is applied once.
 */
gboolean
lia_ical_plan_apply (LiaIcalPlan  *self,
                     LiaStore     *store,
                     GError      **error)
{
  LiaDatabase *db;

  g_return_val_if_fail (LIA_IS_ICAL_PLAN (self), FALSE);
  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->applied = TRUE;

  if (self->created == 0 && self->updated == 0)
    return TRUE;

  db = lia_store_get_database (store);
  if (!lia_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      PlanEntry *entry = &g_array_index (self->entries, PlanEntry, i);
      g_autoptr(GError) local_error = NULL;

      if (entry->action == LIA_ICAL_ACTION_SKIP)
        continue;

      if (entry->is_override && entry->series >= 0)
        {
          PlanEntry *series = &g_array_index (self->entries, PlanEntry, entry->series);

          lia_event_set_recurrence_of (entry->event, lia_event_get_id (series->event));
        }

      if (!lia_store_save_event (store, entry->event, &local_error))
        {
          g_autofree char *day = g_strndup (lia_event_get_dtstart (entry->event), 10);

          lia_database_rollback (db);
          /* Translators: the first %s is an event's title, the second its
           * day (YYYY-MM-DD), the third why it could not be saved */
          g_set_error (error, LIA_ICAL_ERROR, LIA_ICAL_ERROR_FAILED,
                       _("Nothing was imported: the event ‘%s’ of %s could not be saved. %s"),
                       lia_event_get_title (entry->event), day, local_error->message);
          return FALSE;
        }
    }

  return lia_database_commit (db, error);
}

static const char *
action_word (LiaIcalAction action)
{
  /* Not translated: scripts read the preview (README, "Command line"). */
  switch (action)
    {
    case LIA_ICAL_ACTION_CREATE:
      return "create";
    case LIA_ICAL_ACTION_UPDATE:
      return "update";
    case LIA_ICAL_ACTION_SKIP:
      return "skip";
    default:
      g_assert_not_reached ();
    }
}

/**
 * lia_ical_plan_format:
 *
 * The preview: one line per event, "ACTION  DAY  TITLE", then " — REASON"
 * when there is one, and a last line with the number of events.
 *
 * Returns: (transfer full): the text, each line ending in "\n"
 */
char *
lia_ical_plan_format (LiaIcalPlan *self)
{
  GString *out;
  guint n;

  g_return_val_if_fail (LIA_IS_ICAL_PLAN (self), NULL);

  out = g_string_new (NULL);
  n = self->entries->len;

  for (guint i = 0; i < n; i++)
    {
      PlanEntry *entry = &g_array_index (self->entries, PlanEntry, i);
      const char *dtstart = lia_event_get_dtstart (entry->event);
      g_autofree char *day = dtstart != NULL ? g_strndup (dtstart, 10) : g_strdup ("----------");
      g_autofree char *title = g_strdup (lia_event_get_title (entry->event) ?: "");

      g_strdelimit (title, "\r\n\t", ' ');
      g_string_append_printf (out, "%-6s  %-10s  %s", action_word (entry->action), day, title);
      if (entry->reason != NULL && entry->reason[0] != '\0')
        {
          g_autofree char *reason = g_strdup (entry->reason);

          g_strdelimit (reason, "\r\n\t", ' ');
          g_string_append_printf (out, " — %s", reason);
        }
      g_string_append_c (out, '\n');
    }

  /* Translators: the last line of the import preview of a calendar file */
  g_string_append_printf (out, ngettext ("%u event in the file.", "%u events in the file.", n), n);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

void
lia_ical_plan_get_counts (LiaIcalPlan *self,
                          guint       *created,
                          guint       *updated,
                          guint       *skipped)
{
  g_return_if_fail (LIA_IS_ICAL_PLAN (self));

  if (created != NULL)
    *created = self->created;
  if (updated != NULL)
    *updated = self->updated;
  if (skipped != NULL)
    *skipped = self->skipped;
}

guint
lia_ical_plan_get_n_events (LiaIcalPlan *self)
{
  g_return_val_if_fail (LIA_IS_ICAL_PLAN (self), 0);

  return self->entries->len;
}

LiaIcalAction
lia_ical_plan_get_action (LiaIcalPlan *self,
                          guint        index)
{
  g_return_val_if_fail (LIA_IS_ICAL_PLAN (self), LIA_ICAL_ACTION_SKIP);
  g_return_val_if_fail (index < self->entries->len, LIA_ICAL_ACTION_SKIP);

  return g_array_index (self->entries, PlanEntry, index).action;
}

/**
 * lia_ical_plan_get_event:
 *
 * Returns: (transfer none): the event as it would be saved (for a skipped
 *   event that cannot be used, what could be read of it)
 */
LiaEvent *
lia_ical_plan_get_event (LiaIcalPlan *self,
                         guint        index)
{
  g_return_val_if_fail (LIA_IS_ICAL_PLAN (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_array_index (self->entries, PlanEntry, index).event;
}

/* Why an event is skipped, what an update changes and notes; "" when
 * there is nothing to say. */
const char *
lia_ical_plan_get_reason (LiaIcalPlan *self,
                          guint        index)
{
  PlanEntry *entry;

  g_return_val_if_fail (LIA_IS_ICAL_PLAN (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = &g_array_index (self->entries, PlanEntry, index);

  return entry->reason != NULL ? entry->reason : "";
}

/* Export */

static struct icaltimetype
make_time (const char *value,
           const char *tzid,
           gboolean    all_day)
{
  struct icaltimetype t;

  parse_time (value, all_day, &t);
  if (!all_day && is_utc_name (tzid))
    t.zone = icaltimezone_get_utc_timezone ();

  return t;
}

/* A DTSTART, DTEND, EXDATE or RECURRENCE-ID with its TZID parameter. */
static void
add_time_property (icalcomponent *vevent,
                   icalproperty  *prop,
                   const char    *tzid,
                   gboolean       all_day,
                   GHashTable    *zones_used)
{
  if (!all_day && tzid != NULL && !is_utc_name (tzid))
    {
      icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
      g_hash_table_add (zones_used, g_strdup (tzid));
    }
  icalcomponent_add_property (vevent, prop);
}

static void
add_x (icalcomponent *vevent,
       const char    *name,
       const char    *value)
{
  icalproperty *prop;

  if (value == NULL || value[0] == '\0')
    return;

  prop = icalproperty_new_x (value);
  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (vevent, prop);
}

static struct icaltimetype
utc_time (gint64 unix_time)
{
  return icaltime_from_timet_with_zone ((time_t)unix_time, 0, icaltimezone_get_utc_timezone ());
}

static icalcomponent *
build_vevent (LiaEvent   *event,
              LiaEvent   *series,
              const char *partner_name,
              gint64      now,
              GHashTable *zones_used)
{
  icalcomponent *vevent = icalcomponent_new_vevent ();
  gboolean all_day = lia_event_get_all_day (event);
  const char *tzid = lia_event_get_tzid (event);
  const char *summary = nonempty (lia_event_get_summary (event));
  const char *description = nonempty (lia_event_get_description (event));
  const char *venue_name = nonempty (lia_event_get_venue_name (event));
  const char *venue_room = nonempty (lia_event_get_venue_room (event));
  const char *venue_address = nonempty (lia_event_get_venue_address (event));
  const char *registration = nonempty (lia_event_get_registration_url (event));
  const char *online = nonempty (lia_event_get_online_url (event));
  const char * const *categories = lia_event_get_categories (event);
  g_autofree char *channels = NULL;
  struct icaltimetype t;
  icalproperty_status status;

  icalcomponent_add_property (vevent, icalproperty_new_uid (lia_event_get_uid (event)));
  icalcomponent_add_property (vevent, icalproperty_new_sequence (lia_event_get_sequence (event)));
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (utc_time (now)));
  if (lia_event_get_created_at (event) > 0)
    icalcomponent_add_property (vevent, icalproperty_new_created (utc_time (lia_event_get_created_at (event))));
  if (lia_event_get_updated_at (event) > 0)
    icalcomponent_add_property (vevent, icalproperty_new_lastmodified (utc_time (lia_event_get_updated_at (event))));

  if (series != NULL && lia_event_get_recurrence_id (event) != NULL)
    {
      gboolean series_all_day = lia_event_get_all_day (series);

      t = make_time (lia_event_get_recurrence_id (event), lia_event_get_tzid (series), series_all_day);
      add_time_property (vevent, icalproperty_new_recurrenceid (t), lia_event_get_tzid (series),
                         series_all_day, zones_used);
    }

  t = make_time (lia_event_get_dtstart (event), tzid, all_day);
  add_time_property (vevent, icalproperty_new_dtstart (t), tzid, all_day, zones_used);
  if (all_day)
    {

      t = make_time (lia_event_get_dtend (event) ?: lia_event_get_dtstart (event), tzid, TRUE);
      icaltime_adjust (&t, 1, 0, 0, 0);
      add_time_property (vevent, icalproperty_new_dtend (t), tzid, TRUE, zones_used);
      /* Days have no zone in iCalendar; the event keeps its own. */
      add_x (vevent, "X-LIAISON-TZID", tzid);
    }
  else if (lia_event_get_dtend (event) != NULL)
    {
      t = make_time (lia_event_get_dtend (event), tzid, FALSE);
      add_time_property (vevent, icalproperty_new_dtend (t), tzid, FALSE, zones_used);
    }

  if (nonempty (lia_event_get_rrule (event)) != NULL && lia_event_get_recurrence_id (event) == NULL)
    {
      struct icalrecurrencetype recur = icalrecurrencetype_from_string (lia_event_get_rrule (event));

      if (recur.freq != ICAL_NO_RECURRENCE)
        icalcomponent_add_property (vevent, icalproperty_new_rrule (recur));

      if (nonempty (lia_event_get_exdates (event)) != NULL)
        {
          g_auto(GStrv) exdates = g_strsplit (lia_event_get_exdates (event), ",", -1);

          for (guint i = 0; exdates[i] != NULL; i++)
            {
              if (exdates[i][0] == '\0')
                continue;
              t = make_time (g_strstrip (exdates[i]), tzid, all_day);
              add_time_property (vevent, icalproperty_new_exdate (t), tzid, all_day, zones_used);
            }
        }
    }

  switch (lia_event_get_status (event))
    {
    case LIA_EVENT_STATUS_CONFIRMED:
      status = ICAL_STATUS_CONFIRMED;
      break;
    case LIA_EVENT_STATUS_CANCELLED:
      status = ICAL_STATUS_CANCELLED;
      break;
    case LIA_EVENT_STATUS_DRAFT:
    case LIA_EVENT_STATUS_POSTPONED:
    default:
      status = ICAL_STATUS_TENTATIVE;
      add_x (vevent, "X-LIAISON-STATUS", lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, lia_event_get_status (event)));
      break;
    }
  icalcomponent_add_property (vevent, icalproperty_new_status (status));

  icalcomponent_add_property (vevent, icalproperty_new_summary (lia_event_get_title (event)));
  if (summary != NULL || description != NULL)
    {
      g_autofree char *text = NULL;

      if (summary != NULL && description != NULL)
        text = g_strconcat (summary, "\n\n", description, NULL);
      else
        text = g_strdup (summary != NULL ? summary : description);
      icalcomponent_add_property (vevent, icalproperty_new_description (text));
    }
  add_x (vevent, "X-LIAISON-SUMMARY", summary);

  if (venue_name != NULL || venue_room != NULL || venue_address != NULL)
    {
      const char *parts[4] = { NULL };
      g_autofree char *location = NULL;
      guint n = 0;

      if (venue_name != NULL)
        parts[n++] = venue_name;
      if (venue_room != NULL)
        parts[n++] = venue_room;
      if (venue_address != NULL)
        parts[n++] = venue_address;
      location = g_strjoinv (", ", (char **)parts);
      icalcomponent_add_property (vevent, icalproperty_new_location (location));

      /* "name, address" does not say it all: say it again. */
      if (venue_name == NULL || strchr (venue_name, ',') != NULL || strchr (venue_name, '\n') != NULL)
        {
          add_x (vevent, "X-LIAISON-VENUE-NAME", venue_name);
          add_x (vevent, "X-LIAISON-VENUE-ADDRESS", venue_address);
        }
      add_x (vevent, "X-LIAISON-VENUE-ROOM", venue_room);
    }

  if (registration != NULL || online != NULL)
    icalcomponent_add_property (vevent, icalproperty_new_url (registration != NULL ? registration : online));
  add_x (vevent, "X-LIAISON-ONLINE-URL", online);

  if (nonempty (lia_event_get_image_url (event)) != NULL)
    {
      icalattach *attach = icalattach_new_from_url (lia_event_get_image_url (event));

      icalcomponent_add_property (vevent, icalproperty_new_attach (attach));
      icalattach_unref (attach);
    }

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    icalcomponent_add_property (vevent, icalproperty_new_categories (categories[i]));
  /* libical 3.0 writes CATEGORIES without escaping commas, and reads them
   * as separators: a category with a comma is said again whole. */
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    if (strchr (categories[i], ',') != NULL)
      {
        for (guint j = 0; categories[j] != NULL; j++)
          add_x (vevent, "X-LIAISON-CATEGORY", categories[j]);
        break;
      }

  add_x (vevent, "X-LIAISON-AUDIENCE", lia_enum_to_nick (LIA_TYPE_AUDIENCE, lia_event_get_audience (event)));
  add_x (vevent, "X-LIAISON-COST", lia_event_get_cost (event));
  add_x (vevent, "X-LIAISON-ACCESSIBILITY", lia_event_get_accessibility (event));
  add_x (vevent, "X-LIAISON-CONTACT", lia_event_get_contact (event));
  add_x (vevent, "X-LIAISON-PROMOTE", lia_event_get_promote (event) ? "TRUE" : "FALSE");
  add_x (vevent, "X-LIAISON-FEATURED", lia_event_get_featured (event) ? "TRUE" : "FALSE");
  channels = format_channels (lia_event_get_channels (event));
  add_x (vevent, "X-LIAISON-CHANNELS", channels);
  add_x (vevent, "X-LIAISON-PARTNER", partner_name);

  return vevent;
}

/**
 * _lia_formats_select_event_ids:
 * @store: the events' store
 * @query: (nullable): which events
 * @skip_drafts: leave drafts out unless @query asks for a status
 * @error: return location for a #GError
 *
 * The ids of the series and single events @query selects, by start
 * (overrides are read with their series): what every export and feed
 * holds.
 */
GArray *
_lia_formats_select_event_ids (LiaStore             *store,
                               const LiaEventQuery  *query,
                               gboolean              skip_drafts,
                               GError              **error)
{
  LiaDatabase *db = lia_store_get_database (store);
  g_autoptr(GString) sql = g_string_new ("SELECT e.id FROM event AS e WHERE e.deleted_at IS NULL "
                                         "AND e.recurrence_of IS NULL");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = NULL;
  int rc;

  if (skip_drafts && (query == NULL || query->status < 0))
    g_string_append (sql, " AND e.status <> 'draft'");

  if (query != NULL)
    {
      if (query->text != NULL && (match = _lia_search_build_match (query->text)) != NULL)
        g_string_append (sql, " AND e.id IN (SELECT rowid FROM search_event WHERE search_event MATCH ?1)");
      if (query->partner_id == 0)
        g_string_append (sql, " AND e.partner_id IS NULL");
      else if (query->partner_id > 0)
        g_string_append (sql, " AND e.partner_id = ?2");
      if (query->category != NULL)
        g_string_append (sql, " AND EXISTS (SELECT 1 FROM event_category AS c "
                              "WHERE c.event_id = e.id AND c.category = ?3)");
      if (query->audience >= 0)
        g_string_append (sql, " AND e.audience = ?4");
      if (query->status >= 0)
        g_string_append (sql, " AND e.status = ?5");
      if (query->promoted >= 0)
        g_string_append (sql, " AND e.promote = ?6");
      if (query->channels != 0)
        g_string_append (sql, " AND (e.channels & ?7) = ?7");
      /* Integers only, so the list is written into the SQL. */
      if (query->ids != NULL)
        {
          g_string_append (sql, " AND e.id IN (");
          for (guint i = 0; i < query->ids->len; i++)
            g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                    g_array_index (query->ids, gint64, i));
          g_string_append (sql, ")");
        }
    }
  g_string_append (sql, " ORDER BY e.start_utc, e.id");

  if (!(stmt = lia_database_prepare (db, sql->str, error)))
    return NULL;

  if (query != NULL)
    {
      if (match != NULL)
        sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
      if (query->partner_id > 0)
        sqlite3_bind_int64 (stmt, 2, query->partner_id);
      if (query->category != NULL)
        sqlite3_bind_text (stmt, 3, query->category, -1, SQLITE_TRANSIENT);
      if (query->audience >= 0)
        sqlite3_bind_text (stmt, 4, lia_enum_to_nick (LIA_TYPE_AUDIENCE, query->audience), -1, SQLITE_STATIC);
      if (query->status >= 0)
        sqlite3_bind_text (stmt, 5, lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, query->status), -1, SQLITE_STATIC);
      if (query->promoted >= 0)
        sqlite3_bind_int (stmt, 6, query->promoted ? 1 : 0);
      if (query->channels != 0)
        sqlite3_bind_int (stmt, 7, query->channels);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The changed dates of a series out of the trash, by their original date. */
GArray *
_lia_formats_select_override_ids (LiaStore  *store,
                                  gint64     series_id,
                                  GError   **error)
{
  LiaDatabase *db = lia_store_get_database (store);
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = lia_database_prepare_cached (db, "SELECT id FROM event WHERE recurrence_of = ?1 "
                                          "AND deleted_at IS NULL ORDER BY recurrence_id, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The zone's VTIMEZONE from libical's data, with the IANA name as TZID. */
static icalcomponent *
build_vtimezone (const char *tzid)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (tzid);
  icalcomponent *component;
  icalproperty *prop;

  if (zone == NULL || icaltimezone_get_component (zone) == NULL)
    return NULL;

  component = icalcomponent_new_clone (icaltimezone_get_component (zone));
  if ((prop = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY)) != NULL)
    icalproperty_set_tzid (prop, tzid);
  else
    icalcomponent_add_property (component, icalproperty_new_tzid (tzid));

  return component;
}

typedef enum
{
  EXPORT_FILE,      /* a file to save: METHOD:PUBLISH, DTSTAMP now */
  EXPORT_FEED,      /* a published feed: the same bytes until an event changes */
  EXPORT_RESOURCE,  /* one CalDAV resource (RFC 4791 4.1): no METHOD */
} ExportMode;

/* DTSTAMP. A published copy says when the event last changed (RFC 5545
 * allows it where no METHOD is, and it is true of a feed too), so the same
 * events give the same bytes and publishing sends only what changed. */
static gint64
stamp_of (ExportMode  mode,
          LiaEvent   *event,
          GDateTime  *now)
{
  if (mode != EXPORT_FILE && lia_event_get_updated_at (event) > 0)
    return lia_event_get_updated_at (event);

  return g_date_time_to_unix (now);
}

/* The VCALENDAR of @events as UTF-8 bytes; the caller holds
 * lia_time_zones_lock. */
static GBytes *
build_calendar (const LiaFeedEvents  *events,
                const LiaIcalFeed    *feed,
                ExportMode            mode)
{
  g_autoptr(GPtrArray) vevents = g_ptr_array_new ();
  g_autoptr(GHashTable) zones_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GList *zone_names = NULL;
  g_autofree char *prodid = NULL;
  LiaEvent *series = NULL;
  const char *partner_name = NULL;
  icalcomponent *calendar;
  char *text;
  GBytes *bytes;

  for (guint i = 0; i < events->events->len; i++)
    {
      LiaEvent *event = g_ptr_array_index (events->events, i);

      /* An override follows its series and says the series' partner. */
      if (lia_event_get_recurrence_of (event) == 0)
        {
          series = event;
          partner_name = _lia_feed_events_lookup_partner (events, lia_event_get_partner_id (event), NULL);
          g_ptr_array_add (vevents, build_vevent (event, NULL, partner_name,
                                                  stamp_of (mode, event, events->now), zones_used));
        }
      else
        g_ptr_array_add (vevents, build_vevent (event, series, partner_name,
                                                stamp_of (mode, event, events->now), zones_used));
    }

  calendar = icalcomponent_new_vcalendar ();
  prodid = g_strdup_printf (LIAISON_PRODID_PREFIX "Liaison %s//EN", PACKAGE_VERSION);
  icalcomponent_add_property (calendar, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  if (mode != EXPORT_RESOURCE)
    icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  /* A published feed names itself and says where and how often to fetch
   * it again (RFC 7986), with the X-WR names older programs read. */
  if (feed != NULL)
    {
      if (feed->name != NULL && *feed->name != '\0')
        {
          icalcomponent_add_property (calendar, icalproperty_new_name (feed->name));
          add_x (calendar, "X-WR-CALNAME", feed->name);
        }
      if (feed->source_url != NULL && *feed->source_url != '\0')
        {
          icalproperty *source = icalproperty_new_source (feed->source_url);

          icalproperty_add_parameter (source, icalparameter_new_value (ICAL_VALUE_URI));
          icalcomponent_add_property (calendar, source);
        }
      if (feed->refresh_minutes > 0)
        {
          struct icaldurationtype every = icaldurationtype_null_duration ();
          icalproperty *refresh;

          every.hours = feed->refresh_minutes / 60;
          every.minutes = feed->refresh_minutes % 60;
          refresh = icalproperty_new_refreshinterval (every);
          icalproperty_add_parameter (refresh, icalparameter_new_value (ICAL_VALUE_DURATION));
          icalcomponent_add_property (calendar, refresh);
          add_x (calendar, "X-PUBLISHED-TTL", icaldurationtype_as_ical_string (every));
        }
    }

  /* The zones in a stable order, before the events that use them. */
  zone_names = g_list_sort (g_hash_table_get_keys (zones_used), (GCompareFunc)g_strcmp0);
  for (GList *l = zone_names; l != NULL; l = l->next)
    {
      icalcomponent *vtimezone = build_vtimezone (l->data);

      if (vtimezone != NULL)
        icalcomponent_add_component (calendar, vtimezone);
    }
  g_list_free (zone_names);
  for (guint i = 0; i < vevents->len; i++)
    icalcomponent_add_component (calendar, g_ptr_array_index (vevents, i));
  g_ptr_array_set_size (vevents, 0);

  text = icalcomponent_as_ical_string_r (calendar);
  bytes = g_bytes_new (text, strlen (text));
  icalmemory_free_buffer (text);
  icalcomponent_free (calendar);

  return bytes;
}

/**
 * lia_ical_export:
 * @store: the events' store
 * @query: (nullable): which events; %NULL for all not in the trash
 *
 * Returns: (transfer full): the VCALENDAR as UTF-8 bytes, or %NULL with
 *   @error set
 */
static GBytes *
export_unlocked (LiaStore             *store,
                 const LiaEventQuery  *query,
                 const LiaIcalFeed    *feed,
                 ExportMode            mode,
                 GError              **error)
{
  g_autoptr(LiaFeedEvents) events = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(events = lia_feed_events_load (store, query, error)))
    return NULL;

  return build_calendar (events, feed, mode);
}

/* libical's zone cache is shared with lia-recurrence, which the store
 * calls from these too; one (recursive) lock for both. */
LiaIcalPlan *
lia_ical_plan_new (LiaStore    *store,
                   GBytes      *data,
                   const char  *default_tzid,
                   gint64       partner_id,
                   GError     **error)
{
  LiaIcalPlan *plan;

  lia_time_zones_lock ();
  plan = plan_new_unlocked (store, data, default_tzid, partner_id, error);
  lia_time_zones_unlock ();

  return plan;
}

GBytes *
lia_ical_export (LiaStore            *store,
                 const LiaEventQuery *query,
                 GError             **error)
{
  GBytes *bytes;

  lia_time_zones_lock ();
  bytes = export_unlocked (store, query, NULL, EXPORT_FILE, error);
  lia_time_zones_unlock ();

  return bytes;
}

/**
 * lia_ical_export_feed:
 * @store: the events' store
 * @query: (nullable): which events
 * @feed: what the published calendar says of itself
 * @error: return location for a #GError
 *
 * lia_ical_export() with RFC 7986's NAME, SOURCE and REFRESH-INTERVAL (and
 * X-WR-CALNAME, X-PUBLISHED-TTL): the events.ics of a publish target.
 *
 * Returns: (transfer full): the VCALENDAR, or %NULL with @error set
 */
GBytes *
lia_ical_export_feed (LiaStore            *store,
                      const LiaEventQuery *query,
                      const LiaIcalFeed   *feed,
                      GError             **error)
{
  GBytes *bytes;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (feed != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lia_time_zones_lock ();
  bytes = export_unlocked (store, query, feed, EXPORT_FEED, error);
  lia_time_zones_unlock ();

  return bytes;
}

/**
 * lia_ical_export_feed_from_events:
 * @events: the events, read with lia_feed_events_load()
 * @feed: what the published calendar says of itself
 *
 * lia_ical_export_feed() of events already read. It does not use the
 * store, so it may run on another thread than the store's.
 *
 * Returns: (transfer full): the VCALENDAR
 */
GBytes *
lia_ical_export_feed_from_events (const LiaFeedEvents *events,
                                  const LiaIcalFeed   *feed)
{
  GBytes *bytes;

  g_return_val_if_fail (events != NULL, NULL);
  g_return_val_if_fail (feed != NULL, NULL);

  lia_time_zones_lock ();
  bytes = build_calendar (events, feed, EXPORT_FEED);
  lia_time_zones_unlock ();

  return bytes;
}

/**
 * lia_ical_export_resource:
 * @store: the events' store
 * @event_id: a series or single event
 * @error: return location for a #GError
 *
 * The CalDAV resource of one event: a VCALENDAR without METHOD holding the
 * event, the overrides of its dates and the zones they use (RFC 4791
 * 4.1), DTSTAMP its last change, so it is the same bytes until it changes.
 *
 * Returns: (transfer full): the VCALENDAR, or %NULL with @error set
 */
GBytes *
lia_ical_export_resource (LiaStore  *store,
                          gint64     event_id,
                          GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  LiaEventQuery query;
  GBytes *bytes;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lia_event_query_init (&query);
  g_array_append_val (ids, event_id);
  query.ids = ids;

  lia_time_zones_lock ();
  bytes = export_unlocked (store, &query, NULL, EXPORT_RESOURCE, error);
  lia_time_zones_unlock ();

  return bytes;
}
