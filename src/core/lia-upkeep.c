/* lia-upkeep.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-upkeep"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-store-private.h"
#include "lia-upkeep.h"
#include "lia-validate.h"

/* How many upcoming events the update request lists at most. */
#define MAX_EVENTS 20

/* Helpers */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  g_date_clear (date, 1);

  if (!lia_validate_date (text))
    return FALSE;

  g_date_set_dmy (date,
                  (GDateDay)g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth)g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear)g_ascii_strtoull (text, NULL, 10));

  return TRUE;
}

/* YYYY-MM-DD, as the store keeps days. */
static char *
dup_iso_day (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date),
                          (guint)g_date_get_day (date));
}

/* A day as people read it, "14 Mar 2026", in the user's language. */
static char *
format_day (const GDate *date)
{
  g_autoptr(GDateTime) date_time = NULL;
  char *text;

  date_time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                   g_date_get_day (date), 0, 0, 0);
  text = g_date_time_format (date_time, "%-d %b %Y");

  /* A locale whose month names do not convert: the day as stored. */
  return text != NULL ? text : dup_iso_day (date);
}

static char *
format_day_text (const char *text)
{
  GDate date;

  if (!parse_day (text, &date))
    return g_strdup (text);

  return format_day (&date);
}

/* The instant an action taken "on @day" happened: now when @day is today
 * (or NULL), else noon of that day where the library is, so the store
 * reads the same day back. */
static gint64
get_occurred_at (LiaStore    *store,
                 const GDate *day)
{
  g_autoptr(GDateTime) now = _lia_store_now (store);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) noon = NULL;
  int year, month, mday;

  if (day == NULL)
    return g_date_time_to_unix (now);

  g_date_time_get_ymd (local, &year, &month, &mday);
  if (year == (int)g_date_get_year (day) && month == (int)g_date_get_month (day) &&
      mday == (int)g_date_get_day (day))
    return g_date_time_to_unix (now);

  noon = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);

  return g_date_time_to_unix (noon);
}

/* @text, stripped, with its later lines indented under the first. */
static char *
dup_indented (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  GString *result = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (i > 0)
        g_string_append (result, "\n  ");
      g_string_append (result, lines[i]);
    }

  return g_string_free (result, FALSE);
}

static void
append_line (GString    *body,
             const char *line)
{
  g_string_append (body, line);
  g_string_append_c (body, '\n');
}

/* Appends @line and frees it. */
static void
append_line_take (GString *body,
                  char    *line)
{
  append_line (body, line);
  g_free (line);
}

/* The name a greeting uses: the first word of @name, or all of it when
 * that word is a title ("Dr."). */
static char *
dup_first_name (const char *name)
{
  g_autofree char *full = g_strstrip (g_strdup (name));
  const char *end = full;

  while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);

  if (end == full || end[-1] == '.')
    return g_steal_pointer (&full);

  return g_strndup (full, end - full);
}

/* The partner's current primary contact, borrowed from @contacts, or NULL. */
static LiaContact *
find_primary (GPtrArray *contacts)
{
  for (guint i = 0; i < contacts->len; i++)
    {
      LiaContact *contact = g_ptr_array_index (contacts, i);

      if (lia_contact_get_is_primary (contact) && lia_contact_get_ended_at (contact) == 0)
        return contact;
    }

  return NULL;
}

static void
append_partner (GString    *body,
                LiaPartner *partner)
{
  const char *address = lia_partner_get_address (partner);
  const char *phone = lia_partner_get_phone (partner);
  const char *email = lia_partner_get_email (partner);
  const char *website = lia_partner_get_website (partner);
  const char *description = lia_partner_get_description (partner);

  append_line (body, lia_partner_get_name (partner));

  if (!is_blank (address))
    {
      g_autofree char *text = dup_indented (address);

      /* Translators: a line of the update request e-mail; %s is the partner's address */
      append_line_take (body, g_strdup_printf (_("Address: %s"), text));
    }

  if (!is_blank (phone))
    {
      g_autofree char *text = dup_indented (phone);

      /* Translators: a line of the update request e-mail; %s is a phone number */
      append_line_take (body, g_strdup_printf (_("Phone: %s"), text));
    }

  if (!is_blank (email))
    {
      g_autofree char *text = dup_indented (email);

      /* Translators: a line of the update request e-mail; %s is an e-mail address */
      append_line_take (body, g_strdup_printf (_("E-mail: %s"), text));
    }

  if (!is_blank (website))
    {
      g_autofree char *text = dup_indented (website);

      /* Translators: a line of the update request e-mail; %s is a web address */
      append_line_take (body, g_strdup_printf (_("Website: %s"), text));
    }

  if (!is_blank (description))
    {
      g_autofree char *text = dup_indented (description);

      /* Translators: a line of the update request e-mail; %s is what the partner does */
      append_line_take (body, g_strdup_printf (_("Description: %s"), text));
    }
}

static void
append_contacts (GString    *body,
                 GPtrArray  *contacts,
                 LiaContact *primary)
{
  if (contacts->len == 0)
    return;

  g_string_append_c (body, '\n');
  /* Translators: a heading of the update request e-mail: the partner's people */
  append_line (body, _("Contacts"));

  for (guint i = 0; i < contacts->len; i++)
    {
      LiaContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;
      const char *fields[] = {
        lia_contact_get_role (contact),
        lia_contact_get_email (contact),
        lia_contact_get_phone (contact),
      };

      if (contact == primary)
        /* Translators: a contact's name in the update request e-mail, marked as the main one */
        g_ptr_array_add (parts, g_strdup_printf (_("%s (primary)"), lia_contact_get_name (contact)));
      else
        g_ptr_array_add (parts, g_strdup (lia_contact_get_name (contact)));

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        if (!is_blank (fields[j]))
          g_ptr_array_add (parts, g_strstrip (g_strdup (fields[j])));

      g_ptr_array_add (parts, NULL);
      joined = g_strjoinv (", ", (char **)parts->pdata);
      append_line_take (body, g_strconcat ("- ", joined, NULL));
    }
}

static void
append_services (GString    *body,
                 LiaPartner *partner)
{
  const char *services = lia_partner_get_services (partner);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (is_blank (services))
    return;

  g_string_append_c (body, '\n');
  /* Translators: a heading of the update request e-mail: what the partner offers */
  append_line (body, _("Services"));

  text = g_strstrip (g_strdup (services));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    append_line (body, g_strchomp (lines[i]));
}

/* The partner's events from @today on, repeating ones that still run
 * included; overridden occurrences are part of their series. */
static gboolean
append_events (GString      *body,
               LiaStore     *store,
               gint64        partner_id,
               const GDate  *today,
               GError      **error)
{
  LiaDatabase *database = lia_store_get_database (store);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  gboolean any = FALSE;
  int rc;

  midnight = g_date_time_new_utc (g_date_get_year (today), g_date_get_month (today),
                                  g_date_get_day (today), 0, 0, 0);

  if (!(stmt = lia_database_prepare_cached (database,
                                            "SELECT title, dtstart, start_utc, rrule IS NOT NULL FROM event"
                                            " WHERE partner_id = ?1 AND deleted_at IS NULL AND recurrence_of IS NULL"
                                            " AND status <> 'cancelled'"
                                            " AND (start_utc >= ?2 OR (rrule IS NOT NULL"
                                            " AND (last_end_utc IS NULL OR last_end_utc >= ?2)))"
                                            " ORDER BY start_utc, id LIMIT ?3",
                                            error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (midnight));
  sqlite3_bind_int (stmt, 3, MAX_EVENTS);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *title = (const char *)sqlite3_column_text (stmt, 0);
      const char *dtstart = (const char *)sqlite3_column_text (stmt, 1);
      g_autofree char *start_day = g_strndup (dtstart != NULL ? dtstart : "", 10);
      g_autofree char *day = NULL;
      GDate date;

      /* The day on the event's own clock, which dtstart begins with. */
      if (parse_day (start_day, &date))
        day = format_day (&date);
      else
        {
          g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 2));

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, g_date_time_get_day_of_month (start),
                          g_date_time_get_month (start), g_date_time_get_year (start));
          day = format_day (&date);
        }

      if (!any)
        {
          g_string_append_c (body, '\n');
          /* Translators: a heading of the update request e-mail */
          append_line (body, _("Upcoming events"));
          any = TRUE;
        }

      if (sqlite3_column_int (stmt, 3))
        /* Translators: a repeating event in the update request e-mail: its title, then the day of the first time */
        append_line_take (body, g_strdup_printf (_("- %s, from %s (repeats)"), title, day));
      else
        /* Translators: an event in the update request e-mail: its title, then its day */
        append_line_take (body, g_strdup_printf (_("- %s, %s"), title, day));
    }

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

static void
append_expectation_list (GString      *body,
                         GPtrArray    *expectations,
                         LiaDirection  direction,
                         const char   *heading)
{
  gboolean any = FALSE;

  for (guint i = 0; i < expectations->len; i++)
    {
      LiaExpectation *expectation = g_ptr_array_index (expectations, i);
      const char *due_on;
      g_autofree char *what = NULL;

      if (lia_expectation_get_status (expectation) != LIA_EXPECTATION_STATUS_ACTIVE ||
          lia_expectation_get_direction (expectation) != direction)
        continue;

      if (!any)
        {
          append_line (body, heading);
          any = TRUE;
        }

      what = g_strstrip (g_strdup (lia_expectation_get_what (expectation)));
      due_on = lia_expectation_get_next_due_on (expectation);
      if (is_blank (due_on))
        due_on = lia_expectation_get_due_on (expectation);

      if (is_blank (due_on))
        append_line_take (body, g_strconcat ("- ", what, NULL));
      else
        {
          g_autofree char *day = format_day_text (due_on);

          /* Translators: a promise in the update request e-mail: what, then the day it is next due */
          append_line_take (body, g_strdup_printf (_("- %s, next due %s"), what, day));
        }
    }
}

static void
append_expectations (GString   *body,
                     GPtrArray *expectations)
{
  gboolean any = FALSE;

  for (guint i = 0; i < expectations->len && !any; i++)
    any = lia_expectation_get_status (g_ptr_array_index (expectations, i)) == LIA_EXPECTATION_STATUS_ACTIVE;

  if (!any)
    return;

  g_string_append_c (body, '\n');
  /* Translators: a heading of the update request e-mail: the promises on both sides */
  append_line (body, _("What we agreed"));
  append_expectation_list (body, expectations, LIA_DIRECTION_PARTNER_PROVIDES,
                           /* Translators: in the update request e-mail, what the partner promised */
                           _("You provide:"));
  append_expectation_list (body, expectations, LIA_DIRECTION_LIBRARY_PROVIDES,
                           /* Translators: in the update request e-mail, what the library promised */
                           _("The library provides:"));
}

/* A note in the partner's history, saved through the store. */
static gboolean
save_note (LiaStore    *store,
           gint64       partner_id,
           gint64       expectation_id,
           gint64       occurred_at,
           const char  *summary,
           gint64      *interaction_id,
           GError     **error)
{
  g_autoptr(LiaInteraction) note = lia_interaction_new ();

  lia_interaction_set_partner_id (note, partner_id);
  lia_interaction_set_kind (note, LIA_INTERACTION_KIND_NOTE);
  lia_interaction_set_occurred_at (note, occurred_at);
  lia_interaction_set_summary (note, summary);
  lia_interaction_set_expectation_id (note, expectation_id);

  if (!lia_store_save_interaction (store, note, error))
    return FALSE;

  if (interaction_id != NULL)
    *interaction_id = lia_interaction_get_id (note);

  return TRUE;
}

/* The end of the term after the one from @starts (invalid: none) to
 * @ends, which starts on @next_starts: as many whole months when the
 * term was whole months, else as many days; a year without @starts. */
static void
get_next_term_end (const GDate *starts,
                   const GDate *ends,
                   const GDate *next_starts,
                   GDate       *next_ends)
{
  int months = 0;

  if (!g_date_valid (starts))
    months = 12;
  else
    {
      int n = ((int)g_date_get_year (ends) - (int)g_date_get_year (starts)) * 12 +
              (int)g_date_get_month (ends) - (int)g_date_get_month (starts);

      for (int k = MAX (n, 1); k <= n + 1 && months == 0; k++)
        {
          GDate probe = *starts;

          g_date_add_months (&probe, k);
          g_date_subtract_days (&probe, 1);
          if (g_date_compare (&probe, ends) == 0)
            months = k;
        }
    }

  *next_ends = *next_starts;
  if (months > 0)
    {
      g_date_add_months (next_ends, months);
      g_date_subtract_days (next_ends, 1);
    }
  else
    g_date_add_days (next_ends, g_date_get_julian (ends) - g_date_get_julian (starts));
}

/* Public API */

/**
 * lia_update_request_compose:
 *
 * Returns: (transfer full): the e-mail, or %NULL with @error set
 */
LiaUpdateRequest *
lia_update_request_compose (LiaStore     *store,
                            gint64        partner_id,
                            const GDate  *today,
                            const char   *library_name,
                            const char   *sender,
                            GError      **error)
{
  g_autoptr(LiaUpdateRequest) request = NULL;
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) expectations = NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *library = NULL;
  g_autofree char *from = NULL;
  LiaContact *primary;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  library = is_blank (library_name) ? NULL : g_strstrip (g_strdup (library_name));
  from = is_blank (sender) ? NULL : g_strstrip (g_strdup (sender));

  if (!(partner = lia_store_get_partner (store, partner_id, error)))
    return NULL;

  if (lia_partner_get_deleted_at (partner) != 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("The partner “%s” is in the trash. Restore it before asking for an update."),
                   lia_partner_get_name (partner));
      return NULL;
    }

  if (!(contacts = lia_store_list_contacts (store, partner_id, FALSE, error)) ||
      !(expectations = lia_store_list_expectations (store, partner_id, error)))
    return NULL;

  primary = find_primary (contacts);

  request = g_new0 (LiaUpdateRequest, 1);
  if (primary != NULL)
    {
      request->to_name = g_strdup (lia_contact_get_name (primary));
      if (!is_blank (lia_contact_get_email (primary)))
        request->to = g_strstrip (g_strdup (lia_contact_get_email (primary)));
    }
  if (request->to == NULL && !is_blank (lia_partner_get_email (partner)))
    request->to = g_strstrip (g_strdup (lia_partner_get_email (partner)));

  if (library != NULL)
    /* Translators: the subject of the update request e-mail; %s is the library's name */
    request->subject = g_strdup_printf (_("Please check your listing with %s"), library);
  else
    /* Translators: the subject of the update request e-mail */
    request->subject = g_strdup (_("Please check your listing"));

  body = g_string_new (NULL);

  if (primary != NULL)
    {
      g_autofree char *first_name = dup_first_name (lia_contact_get_name (primary));

      /* Translators: the greeting of the update request e-mail; %s is a first name */
      append_line_take (body, g_strdup_printf (_("Hello %s,"), first_name));
    }
  else
    /* Translators: the greeting of the update request e-mail when there is no one to name */
    append_line (body, _("Hello,"));

  g_string_append_c (body, '\n');
  if (library != NULL)
    /* Translators: why the update request e-mail is sent; the library's name, then the partner's */
    append_line_take (body, g_strdup_printf (_("To keep our listing at %s up to date, could you check what we have on file for %s?"),
                                             library, lia_partner_get_name (partner)));
  else
    /* Translators: why the update request e-mail is sent; %s is the partner's name */
    append_line_take (body, g_strdup_printf (_("To keep our listing up to date, could you check what we have on file for %s?"),
                                             lia_partner_get_name (partner)));

  g_string_append_c (body, '\n');
  append_partner (body, partner);
  append_contacts (body, contacts, primary);
  append_services (body, partner);
  if (!append_events (body, store, partner_id, today, error))
    return NULL;
  append_expectations (body, expectations);

  g_string_append_c (body, '\n');
  /* Translators: the end of the update request e-mail; “all correct” is what they may answer */
  append_line (body, _("If anything has changed or is missing, please reply with the corrections. "
                       "If everything is right, a reply saying “all correct” is enough."));
  g_string_append_c (body, '\n');

  if (from != NULL || library != NULL)
    {
      /* Translators: the end of the update request e-mail, before the sender's name */
      append_line (body, _("Thank you,"));
      if (from != NULL)
        append_line (body, from);
      if (library != NULL)
        append_line (body, library);
    }
  else
    /* Translators: the end of the update request e-mail, when it is not signed */
    append_line (body, _("Thank you!"));

  request->body = g_string_free (g_steal_pointer (&body), FALSE);

  return g_steal_pointer (&request);
}

void
lia_update_request_free (LiaUpdateRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->to);
  g_free (request->to_name);
  g_free (request->subject);
  g_free (request->body);
  g_free (request);
}

/**
 * lia_update_request_to_uri:
 *
 * Lines end in CRLF in the URI, as RFC 6068 asks.
 *
 * Returns: (transfer full): a mailto: URI
 */
char *
lia_update_request_to_uri (const LiaUpdateRequest *request)
{
  g_autoptr(GString) body = NULL;
  g_autoptr(GString) uri = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *escaped_body = NULL;

  g_return_val_if_fail (request != NULL, NULL);

  body = g_string_new (NULL);
  for (const char *p = request->body != NULL ? request->body : ""; *p != '\0'; p++)
    {
      if (*p == '\n' && (p == request->body || p[-1] != '\r'))
        g_string_append_c (body, '\r');
      g_string_append_c (body, *p);
    }

  uri = g_string_new ("mailto:");
  if (!is_blank (request->to))
    {
      g_autofree char *to = g_uri_escape_string (request->to, "@", FALSE);

      g_string_append (uri, to);
    }

  subject = g_uri_escape_string (request->subject != NULL ? request->subject : "", NULL, FALSE);
  escaped_body = g_uri_escape_string (body->str, NULL, FALSE);
  g_string_append_printf (uri, "?subject=%s&body=%s", subject, escaped_body);

  return g_string_free (g_steal_pointer (&uri), FALSE);
}

gboolean
lia_upkeep_log_update_request (LiaStore    *store,
                               gint64       partner_id,
                               const char  *staff,
                               gint64      *interaction_id,
                               GError     **error)
{
  LiaDatabase *database;
  g_autoptr(LiaInteraction) interaction = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GDateTime) now = NULL;
  LiaContact *primary;

  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  database = lia_store_get_database (store);
  now = _lia_store_now (store);

  if (!lia_database_begin (database, error))
    return FALSE;

  if (!(contacts = lia_store_list_contacts (store, partner_id, FALSE, error)))
    goto failed;

  primary = find_primary (contacts);

  interaction = lia_interaction_new ();
  lia_interaction_set_partner_id (interaction, partner_id);
  lia_interaction_set_kind (interaction, LIA_INTERACTION_KIND_UPDATE_REQUEST);
  lia_interaction_set_occurred_at (interaction, g_date_time_to_unix (now));
  /* Translators: the summary of the contact history entry an update request leaves */
  lia_interaction_set_summary (interaction, _("Asked for an update"));
  lia_interaction_set_staff (interaction, staff);
  lia_interaction_set_confirms_info (interaction, FALSE);
  if (primary != NULL)
    lia_interaction_set_contact_id (interaction, lia_contact_get_id (primary));

  if (!lia_store_save_interaction (store, interaction, error) ||
      !lia_database_commit (database, error))
    goto failed;

  if (interaction_id != NULL)
    *interaction_id = lia_interaction_get_id (interaction);

  return TRUE;

failed:
  lia_database_rollback (database);
  return FALSE;
}

gboolean
lia_upkeep_mark_verified (LiaStore  *store,
                          gint64     partner_id,
                          GError   **error)
{
  LiaDatabase *database;
  g_autoptr(LiaPartner) partner = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  database = lia_store_get_database (store);
  now = _lia_store_now (store);

  if (!lia_database_begin (database, error))
    return FALSE;

  if (!(partner = lia_store_get_partner (store, partner_id, error)))
    goto failed;

  lia_partner_set_info_verified_at (partner, g_date_time_to_unix (now));

  if (!lia_store_save_partner (store, partner, error) ||
      !lia_database_commit (database, error))
    goto failed;

  return TRUE;

failed:
  lia_database_rollback (database);
  return FALSE;
}

gboolean
lia_upkeep_mark_follow_up_done (LiaStore  *store,
                                gint64     interaction_id,
                                GError   **error)
{
  LiaDatabase *database;
  g_autoptr(LiaInteraction) interaction = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  database = lia_store_get_database (store);
  now = _lia_store_now (store);

  if (!lia_database_begin (database, error))
    return FALSE;

  if (!(interaction = lia_store_get_interaction (store, interaction_id, error)))
    goto failed;

  lia_interaction_set_follow_up_done_at (interaction, g_date_time_to_unix (now));

  if (!lia_store_save_interaction (store, interaction, error) ||
      !lia_database_commit (database, error))
    goto failed;

  return TRUE;

failed:
  lia_database_rollback (database);
  return FALSE;
}

/**
 * lia_upkeep_mark_expectation:
 * @day: (nullable): the day it was met or missed; %NULL means today
 */
gboolean
lia_upkeep_mark_expectation (LiaStore     *store,
                             gint64        expectation_id,
                             gboolean      met,
                             const GDate  *day,
                             gint64       *interaction_id,
                             GError      **error)
{
  LiaDatabase *database;
  g_autoptr(LiaExpectation) expectation = NULL;
  g_autofree char *what = NULL;
  g_autofree char *summary = NULL;
  gint64 occurred_at;

  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (day == NULL || g_date_valid (day), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  database = lia_store_get_database (store);
  occurred_at = get_occurred_at (store, day);

  if (!lia_database_begin (database, error))
    return FALSE;

  if (!(expectation = lia_store_get_expectation (store, expectation_id, error)))
    goto failed;

  what = g_strstrip (g_strdup (lia_expectation_get_what (expectation)));

  if (lia_expectation_get_deleted_at (expectation) != 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” is in the trash. Restore it before marking it met or missed."),
                   what);
      goto failed;
    }

  if (lia_expectation_get_status (expectation) != LIA_EXPECTATION_STATUS_ACTIVE)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” is no longer an active expectation, so it cannot be marked met or missed."),
                   what);
      goto failed;
    }

  if (met)
    {
      /* Translators: the contact history entry for a promise kept; %s is what was promised */
      summary = g_strdup_printf (_("Met: %s"), what);

      /* Linked, so the store meets it on the note's day. */
      if (!save_note (store, lia_expectation_get_partner_id (expectation), expectation_id,
                      occurred_at, summary, interaction_id, error))
        goto failed;
    }
  else
    {
      int cadence_days = lia_expectation_get_cadence_days (expectation);
      gboolean has_due_day;
      GDate due;

      has_due_day = parse_day (lia_expectation_get_next_due_on (expectation), &due) ||
                    parse_day (lia_expectation_get_due_on (expectation), &due);

      if (has_due_day)
        {
          g_autofree char *due_text = format_day (&due);

          /* Translators: the contact history entry for a promise not kept; what was promised, then the day it was due */
          summary = g_strdup_printf (_("Missed: %s, due %s"), what, due_text);
        }
      else
        /* Translators: the contact history entry for a promise not kept; %s is what was promised */
        summary = g_strdup_printf (_("Missed: %s"), what);

      if (cadence_days > 0)
        {
          g_autofree char *next_due_on = NULL;
          GDate next;

          if (has_due_day)
            next = due;
          else if (day != NULL)
            next = *day;
          else
            {
              g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (occurred_at);

              g_date_clear (&next, 1);
              g_date_set_dmy (&next, g_date_time_get_day_of_month (when),
                              g_date_time_get_month (when), g_date_time_get_year (when));
            }

          g_date_add_days (&next, cadence_days);
          next_due_on = dup_iso_day (&next);
          lia_expectation_set_next_due_on (expectation, next_due_on);
        }
      else
        lia_expectation_set_status (expectation, LIA_EXPECTATION_STATUS_MISSED);

      if (!lia_store_save_expectation (store, expectation, error) ||
          !save_note (store, lia_expectation_get_partner_id (expectation), 0,
                      occurred_at, summary, interaction_id, error))
        goto failed;
    }

  if (!lia_database_commit (database, error))
    goto failed;

  return TRUE;

failed:
  lia_database_rollback (database);
  return FALSE;
}

gboolean
lia_upkeep_renew_agreement (LiaStore  *store,
                            gint64     agreement_id,
                            GError   **error)
{
  LiaDatabase *database;
  g_autoptr(LiaAgreement) agreement = NULL;
  g_autofree char *starts_on = NULL;
  g_autofree char *ends_on = NULL;
  GDate starts;
  GDate ends;
  GDate next_starts;
  GDate next_ends;

  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  database = lia_store_get_database (store);

  if (!lia_database_begin (database, error))
    return FALSE;

  if (!(agreement = lia_store_get_agreement (store, agreement_id, error)))
    goto failed;

  if (!parse_day (lia_agreement_get_ends_on (agreement), &ends))
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("The agreement “%s” has no end day, so there is no next term to renew it for. Set when it ends first."),
                   lia_agreement_get_title (agreement));
      goto failed;
    }

  /* An invalid starts means a year. */
  parse_day (lia_agreement_get_starts_on (agreement), &starts);

  next_starts = ends;
  g_date_add_days (&next_starts, 1);
  get_next_term_end (&starts, &ends, &next_starts, &next_ends);

  starts_on = dup_iso_day (&next_starts);
  ends_on = dup_iso_day (&next_ends);
  lia_agreement_set_starts_on (agreement, starts_on);
  lia_agreement_set_ends_on (agreement, ends_on);
  if (lia_agreement_get_status (agreement) == LIA_AGREEMENT_STATUS_ENDED)
    lia_agreement_set_status (agreement, LIA_AGREEMENT_STATUS_ACTIVE);

  if (!lia_store_save_agreement (store, agreement, error) ||
      !lia_database_commit (database, error))
    goto failed;

  return TRUE;

failed:
  lia_database_rollback (database);
  return FALSE;
}
