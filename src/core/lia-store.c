/* lia-store.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-partner-private.h"
#include "lia-store-private.h"
#include "lia-trash-item.h"
#include "lia-validate.h"

#define SECONDS_PER_DAY 86400

struct _LiaStore
{
  GObject            parent_instance;

  LiaStoreClockFunc  clock;
  gpointer           clock_data;

  /* Owned */
  LiaDatabase       *database;
};

G_DEFINE_FINAL_TYPE (LiaStore, lia_store, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LiaRecordKind, lia_record_kind,
  G_DEFINE_ENUM_VALUE (LIA_RECORD_PARTNER, "partner"),
  G_DEFINE_ENUM_VALUE (LIA_RECORD_CONTACT, "contact"),
  G_DEFINE_ENUM_VALUE (LIA_RECORD_AGREEMENT, "agreement"),
  G_DEFINE_ENUM_VALUE (LIA_RECORD_EXPECTATION, "expectation"),
  G_DEFINE_ENUM_VALUE (LIA_RECORD_INTERACTION, "interaction"),
  G_DEFINE_ENUM_VALUE (LIA_RECORD_EVENT, "event"))

enum { PROP_0, PROP_DATABASE, N_PROPS };

enum { CHANGED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Indexed by LiaRecordKind; list_trash's SQL uses the same numbers. */
static const struct {
  const char *table;
  const char *title_column;
} record_tables[] = {
  [LIA_RECORD_PARTNER] = { "partner", "name" },
  [LIA_RECORD_CONTACT] = { "contact", "name" },
  [LIA_RECORD_AGREEMENT] = { "agreement", "title" },
  [LIA_RECORD_EXPECTATION] = { "expectation", "what" },
  [LIA_RECORD_INTERACTION] = { "interaction", "summary" },
  [LIA_RECORD_EVENT] = { "event", "title" },
};

#define PARTNER_COLUMNS \
  "id, name, kind, status, description, services, website, email, phone, address, logo, owner," \
  " upkeep_mode, cadence_days, info_verified_at, promotion_tier, channels, notes," \
  " created_at, updated_at, deleted_at"

#define CONTACT_COLUMNS \
  "id, partner_id, name, role, email, phone, preferred_method, is_primary, notes, ended_at," \
  " created_at, updated_at, deleted_at"

#define AGREEMENT_COLUMNS \
  "id, partner_id, title, kind, signed_on, starts_on, ends_on, auto_renews, document, status, notes," \
  " created_at, updated_at, deleted_at"

#define EXPECTATION_COLUMNS \
  "id, partner_id, agreement_id, direction, what, cadence_days, due_on, status, last_met_on, next_due_on," \
  " created_at, updated_at, deleted_at"

#define INTERACTION_COLUMNS \
  "id, partner_id, contact_id, contact_name, staff, kind, occurred_at, summary, outcome, follow_up_on," \
  " follow_up_done_at, confirms_info, expectation_id, created_at, updated_at, deleted_at"

/* Helpers */

static void
format_day (const GDate *date,
            char         buffer[11])
{
  g_snprintf (buffer, 11, "%04u-%02u-%02u",
              (guint)g_date_get_year (date),
              (guint)g_date_get_month (date),
              (guint)g_date_get_day (date));
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

/* The calendar day, where the library is, of @unix_time. */
static void
get_local_day (gint64  unix_time,
               GDate  *date)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static gint64
get_now_unix (LiaStore *self)
{
  g_autoptr(GDateTime) now = _lia_store_now (self);

  return g_date_time_to_unix (now);
}

static gboolean
step_done (LiaStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (self->database, rc, error);

  return TRUE;
}

static gboolean
exec_with_id (LiaStore    *self,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  if (!(stmt = lia_database_prepare_cached (self->database, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return step_done (self, stmt, error);
}

static gboolean
query_count (LiaStore    *self,
             const char  *sql,
             gint64      *count,
             GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (self->database, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (self->database, rc, error);

  *count = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static void
set_not_found_error (LiaRecordKind   kind,
                     GError        **error)
{
  const char *message = NULL;

  switch (kind)
    {
    case LIA_RECORD_PARTNER:
      message = _("This partner is no longer in the database. It may have been deleted from the trash.");
      break;

    case LIA_RECORD_CONTACT:
      message = _("This contact is no longer in the database. It may have been deleted from the trash.");
      break;

    case LIA_RECORD_AGREEMENT:
      message = _("This agreement is no longer in the database. It may have been deleted from the trash.");
      break;

    case LIA_RECORD_EXPECTATION:
      message = _("This expectation is no longer in the database. It may have been deleted from the trash.");
      break;

    case LIA_RECORD_INTERACTION:
      message = _("This contact history entry is no longer in the database. It may have been deleted from the trash.");
      break;

    case LIA_RECORD_EVENT:
      message = _("This event is no longer in the database. It may have been deleted from the trash.");
      break;

    default:
      g_assert_not_reached ();
    }

  g_set_error_literal (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND, message);
}

/* Reads a record's partner, title and deleted_at; FALSE with an error when
 * the record does not exist. */
static gboolean
read_record_state (LiaStore       *self,
                   LiaRecordKind   kind,
                   gint64          id,
                   gint64         *partner_id,
                   char          **title,
                   gint64         *deleted_at,
                   GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT %s, %s, deleted_at FROM %s WHERE id = ?",
                         kind == LIA_RECORD_PARTNER ? "id" : "partner_id",
                         record_tables[kind].title_column,
                         record_tables[kind].table);

  if (!(stmt = lia_database_prepare_cached (self->database, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found_error (kind, error);
      return FALSE;
    }
  else if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (self->database, rc, error);

  *partner_id = sqlite3_column_int64 (stmt, 0);
  *title = g_strdup (lia_sql_column_text (stmt, 1));
  *deleted_at = sqlite3_column_int64 (stmt, 2);

  return TRUE;
}

/* A partner's records may only be added or changed while the partner
 * exists and is not in the trash. */
static gboolean
check_partner_usable (LiaStore    *self,
                      gint64       partner_id,
                      GError     **error)
{
  g_autofree char *name = NULL;
  gint64 id = 0;
  gint64 deleted_at = 0;

  if (!read_record_state (self, LIA_RECORD_PARTNER, partner_id, &id, &name, &deleted_at, error))
    return FALSE;

  if (deleted_at != 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("The partner “%s” is in the trash. Restore it before changing its records."),
                   name);
      return FALSE;
    }

  return TRUE;
}

/* An expectation tied to an agreement belongs to the agreement's partner. */
static gboolean
check_agreement_partner (LiaStore    *self,
                         gint64       agreement_id,
                         gint64       partner_id,
                         GError     **error)
{
  g_autofree char *title = NULL;
  gint64 agreement_partner_id = 0;
  gint64 deleted_at = 0;

  if (!read_record_state (self, LIA_RECORD_AGREEMENT, agreement_id, &agreement_partner_id, &title, &deleted_at, error))
    return FALSE;

  if (agreement_partner_id != partner_id)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("The agreement “%s” belongs to another partner. Choose one of this partner’s agreements."),
                   title);
      return FALSE;
    }

  return TRUE;
}

/* The contact of an interaction belongs to its partner; returns the
 * contact's name for the history. */
static gboolean
check_contact_partner (LiaStore    *self,
                       gint64       contact_id,
                       gint64       partner_id,
                       char       **contact_name,
                       GError     **error)
{
  g_autofree char *name = NULL;
  gint64 contact_partner_id = 0;
  gint64 deleted_at = 0;

  if (!read_record_state (self, LIA_RECORD_CONTACT, contact_id, &contact_partner_id, &name, &deleted_at, error))
    return FALSE;

  if (contact_partner_id != partner_id)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("%s works for another partner. Choose one of this partner’s contacts."),
                   name);
      return FALSE;
    }

  *contact_name = g_steal_pointer (&name);

  return TRUE;
}

static gboolean
check_expectation_partner (LiaStore    *self,
                           gint64       expectation_id,
                           gint64       partner_id,
                           GError     **error)
{
  g_autofree char *what = NULL;
  gint64 expectation_partner_id = 0;
  gint64 deleted_at = 0;

  if (!read_record_state (self, LIA_RECORD_EXPECTATION, expectation_id, &expectation_partner_id, &what, &deleted_at, error))
    return FALSE;

  if (expectation_partner_id != partner_id)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("The expectation “%s” belongs to another partner. Choose one of this partner’s expectations."),
                   what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_interaction_expectation_id (LiaStore    *self,
                                 gint64       id,
                                 gint64      *expectation_id,
                                 GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "SELECT expectation_id FROM interaction WHERE id = ?",
                                     error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found_error (LIA_RECORD_INTERACTION, error);
      return FALSE;
    }
  else if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (self->database, rc, error);

  *expectation_id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static LiaPartner *
read_partner (sqlite3_stmt *stmt)
{
  g_autoptr(GBytes) logo = lia_sql_column_bytes (stmt, 10);
  LiaPartner *partner = lia_partner_new ();

  g_object_freeze_notify (G_OBJECT (partner));
  lia_partner_set_id (partner, sqlite3_column_int64 (stmt, 0));
  lia_partner_set_name (partner, lia_sql_column_text (stmt, 1));
  lia_partner_set_kind (partner, lia_sql_column_enum (stmt, 2, LIA_TYPE_PARTNER_KIND, LIA_PARTNER_KIND_OTHER));
  lia_partner_set_status (partner, lia_sql_column_enum (stmt, 3, LIA_TYPE_PARTNER_STATUS, LIA_PARTNER_STATUS_ACTIVE));
  lia_partner_set_description (partner, lia_sql_column_text (stmt, 4));
  lia_partner_set_services (partner, lia_sql_column_text (stmt, 5));
  lia_partner_set_website (partner, lia_sql_column_text (stmt, 6));
  lia_partner_set_email (partner, lia_sql_column_text (stmt, 7));
  lia_partner_set_phone (partner, lia_sql_column_text (stmt, 8));
  lia_partner_set_address (partner, lia_sql_column_text (stmt, 9));
  lia_partner_set_logo (partner, logo);
  lia_partner_set_owner (partner, lia_sql_column_text (stmt, 11));
  lia_partner_set_upkeep_mode (partner, lia_sql_column_enum (stmt, 12, LIA_TYPE_UPKEEP_MODE, LIA_UPKEEP_MODE_LIBRARY_ASKS));
  lia_partner_set_cadence_days (partner, sqlite3_column_int (stmt, 13));
  lia_partner_set_info_verified_at (partner, sqlite3_column_int64 (stmt, 14));
  lia_partner_set_promotion_tier (partner, lia_sql_column_enum (stmt, 15, LIA_TYPE_PROMOTION_TIER, LIA_PROMOTION_TIER_LISTED_ONLY));
  lia_partner_set_channels (partner, sqlite3_column_int (stmt, 16));
  lia_partner_set_notes (partner, lia_sql_column_text (stmt, 17));
  lia_partner_set_created_at (partner, sqlite3_column_int64 (stmt, 18));
  lia_partner_set_updated_at (partner, sqlite3_column_int64 (stmt, 19));
  lia_partner_set_deleted_at (partner, sqlite3_column_int64 (stmt, 20));
  g_object_thaw_notify (G_OBJECT (partner));

  return partner;
}

static LiaContact *
read_contact (sqlite3_stmt *stmt)
{
  LiaContact *contact = lia_contact_new ();

  g_object_freeze_notify (G_OBJECT (contact));
  lia_contact_set_id (contact, sqlite3_column_int64 (stmt, 0));
  lia_contact_set_partner_id (contact, sqlite3_column_int64 (stmt, 1));
  lia_contact_set_name (contact, lia_sql_column_text (stmt, 2));
  lia_contact_set_role (contact, lia_sql_column_text (stmt, 3));
  lia_contact_set_email (contact, lia_sql_column_text (stmt, 4));
  lia_contact_set_phone (contact, lia_sql_column_text (stmt, 5));
  lia_contact_set_preferred_method (contact, lia_sql_column_enum (stmt, 6, LIA_TYPE_CONTACT_METHOD, LIA_CONTACT_METHOD_NONE));
  lia_contact_set_is_primary (contact, sqlite3_column_int (stmt, 7));
  lia_contact_set_notes (contact, lia_sql_column_text (stmt, 8));
  lia_contact_set_ended_at (contact, sqlite3_column_int64 (stmt, 9));
  lia_contact_set_created_at (contact, sqlite3_column_int64 (stmt, 10));
  lia_contact_set_updated_at (contact, sqlite3_column_int64 (stmt, 11));
  lia_contact_set_deleted_at (contact, sqlite3_column_int64 (stmt, 12));
  g_object_thaw_notify (G_OBJECT (contact));

  return contact;
}

static LiaAgreement *
read_agreement (sqlite3_stmt *stmt)
{
  LiaAgreement *agreement = lia_agreement_new ();

  g_object_freeze_notify (G_OBJECT (agreement));
  lia_agreement_set_id (agreement, sqlite3_column_int64 (stmt, 0));
  lia_agreement_set_partner_id (agreement, sqlite3_column_int64 (stmt, 1));
  lia_agreement_set_title (agreement, lia_sql_column_text (stmt, 2));
  lia_agreement_set_kind (agreement, lia_sql_column_enum (stmt, 3, LIA_TYPE_AGREEMENT_KIND, LIA_AGREEMENT_KIND_MOU));
  lia_agreement_set_signed_on (agreement, lia_sql_column_text (stmt, 4));
  lia_agreement_set_starts_on (agreement, lia_sql_column_text (stmt, 5));
  lia_agreement_set_ends_on (agreement, lia_sql_column_text (stmt, 6));
  lia_agreement_set_auto_renews (agreement, sqlite3_column_int (stmt, 7));
  lia_agreement_set_document (agreement, lia_sql_column_text (stmt, 8));
  lia_agreement_set_status (agreement, lia_sql_column_enum (stmt, 9, LIA_TYPE_AGREEMENT_STATUS, LIA_AGREEMENT_STATUS_ACTIVE));
  lia_agreement_set_notes (agreement, lia_sql_column_text (stmt, 10));
  lia_agreement_set_created_at (agreement, sqlite3_column_int64 (stmt, 11));
  lia_agreement_set_updated_at (agreement, sqlite3_column_int64 (stmt, 12));
  lia_agreement_set_deleted_at (agreement, sqlite3_column_int64 (stmt, 13));
  g_object_thaw_notify (G_OBJECT (agreement));

  return agreement;
}

static LiaExpectation *
read_expectation (sqlite3_stmt *stmt)
{
  LiaExpectation *expectation = lia_expectation_new ();

  g_object_freeze_notify (G_OBJECT (expectation));
  lia_expectation_set_id (expectation, sqlite3_column_int64 (stmt, 0));
  lia_expectation_set_partner_id (expectation, sqlite3_column_int64 (stmt, 1));
  lia_expectation_set_agreement_id (expectation, sqlite3_column_int64 (stmt, 2));
  lia_expectation_set_direction (expectation, lia_sql_column_enum (stmt, 3, LIA_TYPE_DIRECTION, LIA_DIRECTION_PARTNER_PROVIDES));
  lia_expectation_set_what (expectation, lia_sql_column_text (stmt, 4));
  lia_expectation_set_cadence_days (expectation, sqlite3_column_int (stmt, 5));
  lia_expectation_set_due_on (expectation, lia_sql_column_text (stmt, 6));
  lia_expectation_set_status (expectation, lia_sql_column_enum (stmt, 7, LIA_TYPE_EXPECTATION_STATUS, LIA_EXPECTATION_STATUS_ACTIVE));
  lia_expectation_set_last_met_on (expectation, lia_sql_column_text (stmt, 8));
  lia_expectation_set_next_due_on (expectation, lia_sql_column_text (stmt, 9));
  lia_expectation_set_created_at (expectation, sqlite3_column_int64 (stmt, 10));
  lia_expectation_set_updated_at (expectation, sqlite3_column_int64 (stmt, 11));
  lia_expectation_set_deleted_at (expectation, sqlite3_column_int64 (stmt, 12));
  g_object_thaw_notify (G_OBJECT (expectation));

  return expectation;
}

static LiaInteraction *
read_interaction (sqlite3_stmt *stmt)
{
  LiaInteraction *interaction = lia_interaction_new ();

  g_object_freeze_notify (G_OBJECT (interaction));
  lia_interaction_set_id (interaction, sqlite3_column_int64 (stmt, 0));
  lia_interaction_set_partner_id (interaction, sqlite3_column_int64 (stmt, 1));
  lia_interaction_set_contact_id (interaction, sqlite3_column_int64 (stmt, 2));
  lia_interaction_set_contact_name (interaction, lia_sql_column_text (stmt, 3));
  lia_interaction_set_staff (interaction, lia_sql_column_text (stmt, 4));
  lia_interaction_set_kind (interaction, lia_sql_column_enum (stmt, 5, LIA_TYPE_INTERACTION_KIND, LIA_INTERACTION_KIND_NOTE));
  lia_interaction_set_occurred_at (interaction, sqlite3_column_int64 (stmt, 6));
  lia_interaction_set_summary (interaction, lia_sql_column_text (stmt, 7));
  lia_interaction_set_outcome (interaction, lia_sql_column_text (stmt, 8));
  lia_interaction_set_follow_up_on (interaction, lia_sql_column_text (stmt, 9));
  lia_interaction_set_follow_up_done_at (interaction, sqlite3_column_int64 (stmt, 10));
  lia_interaction_set_confirms_info (interaction, sqlite3_column_int (stmt, 11));
  lia_interaction_set_expectation_id (interaction, sqlite3_column_int64 (stmt, 12));
  lia_interaction_set_created_at (interaction, sqlite3_column_int64 (stmt, 13));
  lia_interaction_set_updated_at (interaction, sqlite3_column_int64 (stmt, 14));
  lia_interaction_set_deleted_at (interaction, sqlite3_column_int64 (stmt, 15));
  g_object_thaw_notify (G_OBJECT (interaction));

  return interaction;
}

typedef gpointer (*ReadRowFunc) (sqlite3_stmt *stmt);

/* Runs @stmt (its parameters bound) and returns its only row as an object. */
static gpointer
get_one (LiaStore       *self,
         sqlite3_stmt   *stmt,
         LiaRecordKind   kind,
         ReadRowFunc     read_row,
         GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return read_row (stmt);

  if (rc == SQLITE_DONE)
    set_not_found_error (kind, error);
  else
    lia_database_set_error_from_sqlite (self->database, rc, error);

  return NULL;
}

static gpointer
get_by_id (LiaStore       *self,
           const char     *sql,
           gint64          id,
           LiaRecordKind   kind,
           ReadRowFunc     read_row,
           GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  if (!(stmt = lia_database_prepare_cached (self->database, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  return get_one (self, stmt, kind, read_row, error);
}

static GPtrArray *
list_by_partner (LiaStore     *self,
                 const char   *sql,
                 gint64        partner_id,
                 int           flag,
                 ReadRowFunc   read_row,
                 GError      **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (!(stmt = lia_database_prepare_cached (self->database, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int (stmt, 2, flag);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_row (stmt));

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

/* partner_sort_name_update (0001-initial.sql) takes an UPDATE that renames
 * a partner without changing sort_name for plain SQL and writes lower(name):
 * wrong for "Ecole" renamed "École", whose key stays "ecole". Writes the key
 * again; changes nothing, and fires no trigger, when it was left alone. */
static gboolean
restore_sort_name (LiaStore    *self,
                   gint64       id,
                   LiaPartner  *partner,
                   GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "UPDATE partner SET sort_name = ?2 WHERE id = ?1 AND sort_name IS NOT ?2",
                                     error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, lia_sort_key_for_name (lia_partner_get_name (partner)), -1, g_free);

  return step_done (self, stmt, error);
}

static gboolean
write_partner_tags (LiaStore    *self,
                    gint64       partner_id,
                    LiaPartner  *partner,
                    GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  const char * const *tags = lia_partner_get_tags (partner);

  if (!exec_with_id (self, "DELETE FROM partner_tag WHERE partner_id = ?", partner_id, error))
    return FALSE;

  if (tags == NULL || tags[0] == NULL)
    return TRUE;

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "INSERT OR IGNORE INTO partner_tag (partner_id, tag) VALUES (?, ?)",
                                     error)))
    return FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, partner_id);
      sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_TRANSIENT);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_partner_tags (LiaStore    *self,
                   LiaPartner  *partner,
                   GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  int rc;

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "SELECT tag FROM partner_tag WHERE partner_id = ? ORDER BY tag",
                                     error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, lia_partner_get_id (partner));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, lia_sql_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (self->database, rc, error);

  tags = g_strv_builder_end (builder);
  lia_partner_set_tags (partner, (const char * const *)tags);

  return TRUE;
}

/* Keeps "at most one current primary contact per partner": the contact
 * saved or restored as primary takes over from the previous one. */
static gboolean
demote_other_primary (LiaStore    *self,
                      gint64       partner_id,
                      gint64       contact_id,
                      gint64       now,
                      GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "UPDATE contact SET is_primary = 0, updated_at = max (?3, created_at)"
                                     " WHERE partner_id = ?1 AND id IS NOT ?2 AND is_primary = 1"
                                     " AND ended_at IS NULL AND deleted_at IS NULL",
                                     error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  lia_sql_bind_int64_or_null (stmt, 2, contact_id);
  sqlite3_bind_int64 (stmt, 3, now);

  return step_done (self, stmt, error);
}

/* The next due day of an expectation that has none yet. */
static char *
dup_initial_next_due_on (LiaExpectation *expectation,
                         gint64          now)
{
  const char *due_on = lia_expectation_get_due_on (expectation);
  const char *last_met_on = lia_expectation_get_last_met_on (expectation);
  int cadence_days = lia_expectation_get_cadence_days (expectation);
  char buffer[11];
  GDate day;

  if (lia_expectation_get_status (expectation) != LIA_EXPECTATION_STATUS_ACTIVE)
    return NULL;

  if (!lia_sql_is_blank (due_on))
    return g_strdup (due_on);

  if (cadence_days <= 0)
    return NULL;

  if (!parse_day (last_met_on, &day))
    get_local_day (now, &day);

  g_date_add_days (&day, cadence_days);
  format_day (&day, buffer);

  return g_strdup (buffer);
}

/* An interaction met @expectation_id on the day of @occurred_at: one with
 * a cadence stays active and comes due one cadence later (or more, until it
 * is due after that day); a one-off is met. */
static gboolean
meet_expectation (LiaStore    *self,
                  gint64       expectation_id,
                  gint64       occurred_at,
                  gint64       now,
                  GError     **error)
{
  g_autoptr(LiaExpectation) expectation = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  const char *last_met_on;
  char met_on[11];
  char next_due_on[11];
  int cadence_days;
  GDate met_day;
  GDate next_day;

  expectation = get_by_id (self, "SELECT " EXPECTATION_COLUMNS " FROM expectation WHERE id = ?",
                           expectation_id, LIA_RECORD_EXPECTATION, (ReadRowFunc)read_expectation, error);
  if (expectation == NULL)
    return FALSE;

  if (lia_expectation_get_status (expectation) != LIA_EXPECTATION_STATUS_ACTIVE)
    return TRUE;

  get_local_day (occurred_at, &met_day);
  format_day (&met_day, met_on);

  /* A late entry for an older meeting does not move last-met-on back. */
  last_met_on = lia_expectation_get_last_met_on (expectation);
  if (last_met_on != NULL && strcmp (last_met_on, met_on) > 0)
    g_strlcpy (met_on, last_met_on, sizeof met_on);

  cadence_days = lia_expectation_get_cadence_days (expectation);

  if (cadence_days > 0)
    {
      if (!parse_day (lia_expectation_get_next_due_on (expectation), &next_day) &&
          !parse_day (lia_expectation_get_due_on (expectation), &next_day))
        next_day = met_day;

      do
        g_date_add_days (&next_day, cadence_days);
      while (g_date_compare (&next_day, &met_day) <= 0);

      format_day (&next_day, next_due_on);

      if (!(stmt = lia_database_prepare_cached (self->database,
                                         "UPDATE expectation SET last_met_on = ?2, next_due_on = ?3,"
                                         " updated_at = max (?4, created_at) WHERE id = ?1",
                                         error)))
        return FALSE;

      sqlite3_bind_text (stmt, 3, next_due_on, -1, SQLITE_TRANSIENT);
    }
  else
    {
      if (!(stmt = lia_database_prepare_cached (self->database,
                                         "UPDATE expectation SET status = 'met', last_met_on = ?2,"
                                         " updated_at = max (?4, created_at) WHERE id = ?1",
                                         error)))
        return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, expectation_id);
  sqlite3_bind_text (stmt, 2, met_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, now);

  return step_done (self, stmt, error);
}

/* Moves a partner's records, its events too, along with it into and out
 * of the trash: only those that went with it (the same deleted_at) come
 * back. */
static gboolean
set_partner_children_deleted_at (LiaStore    *self,
                                 gint64       partner_id,
                                 gint64       old_deleted_at,
                                 gint64       new_deleted_at,
                                 GError     **error)
{
  for (guint kind = LIA_RECORD_CONTACT; kind <= LIA_RECORD_EVENT; kind++)
    {
      g_autoptr(LiaStmt) stmt = NULL;
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?3 WHERE partner_id = ?1 AND deleted_at IS ?2",
                             record_tables[kind].table);
      if (!(stmt = lia_database_prepare_cached (self->database, sql, error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, partner_id);
      lia_sql_bind_int64_or_null (stmt, 2, old_deleted_at);
      lia_sql_bind_int64_or_null (stmt, 3, new_deleted_at);

      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_deleted_at (LiaStore       *self,
                LiaRecordKind   kind,
                gint64          id,
                gint64          deleted_at,
                GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?2 WHERE id = ?1", record_tables[kind].table);
  if (!(stmt = lia_database_prepare_cached (self->database, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  lia_sql_bind_int64_or_null (stmt, 2, deleted_at);

  return step_done (self, stmt, error);
}

/* Moves the overrides of a series along with it into and out of the
 * trash: only those that went with it (the same deleted_at) come back. */
static gboolean
set_overrides_deleted_at (LiaStore    *self,
                          gint64       series_id,
                          gint64       old_deleted_at,
                          gint64       new_deleted_at,
                          GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "UPDATE event SET deleted_at = ?3 WHERE recurrence_of = ?1 AND deleted_at IS ?2",
                                     error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  lia_sql_bind_int64_or_null (stmt, 2, old_deleted_at);
  lia_sql_bind_int64_or_null (stmt, 3, new_deleted_at);

  return step_done (self, stmt, error);
}

/* An event may be the library's own (no partner); an override comes back
 * only with its series. */
static gboolean
restore_event (LiaStore    *self,
               gint64       id,
               gint64       partner_id,
               gint64       deleted_at,
               GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *title = NULL;
  g_autofree char *partner_name = NULL;
  gint64 partner_deleted_at = 0;
  gint64 series_deleted_at = 0;
  int rc;

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "SELECT e.title, p.name, p.deleted_at, s.deleted_at FROM event AS e"
                                     " LEFT JOIN partner AS p ON p.id = e.partner_id"
                                     " LEFT JOIN event AS s ON s.id = e.recurrence_of"
                                     " WHERE e.id = ?",
                                     error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found_error (LIA_RECORD_EVENT, error);
      return FALSE;
    }
  else if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (self->database, rc, error);

  title = g_strdup (lia_sql_column_text (stmt, 0));
  partner_name = g_strdup (lia_sql_column_text (stmt, 1));
  partner_deleted_at = sqlite3_column_int64 (stmt, 2);
  series_deleted_at = sqlite3_column_int64 (stmt, 3);

  if (partner_id != 0 && partner_deleted_at != 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” belongs to the partner “%s”, which is in the trash. Restore the partner first."),
                   title, partner_name);
      return FALSE;
    }

  if (series_deleted_at != 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” is one date of a repeating event that is in the trash. Restore the repeating event first."),
                   title);
      return FALSE;
    }

  return set_deleted_at (self, LIA_RECORD_EVENT, id, 0, error) &&
         set_overrides_deleted_at (self, id, deleted_at, 0, error);
}

static gboolean
restore_record (LiaStore       *self,
                LiaRecordKind   kind,
                gint64          id,
                gint64          partner_id,
                gint64          deleted_at,
                GError        **error)
{
  g_autofree char *partner_name = NULL;
  g_autofree char *title = NULL;
  gint64 unused = 0;
  gint64 partner_deleted_at = 0;

  if (kind == LIA_RECORD_PARTNER)
    return set_deleted_at (self, kind, id, 0, error) &&
           set_partner_children_deleted_at (self, id, deleted_at, 0, error);

  if (kind == LIA_RECORD_EVENT)
    return restore_event (self, id, partner_id, deleted_at, error);

  if (!read_record_state (self, LIA_RECORD_PARTNER, partner_id, &unused, &partner_name, &partner_deleted_at, error) ||
      !read_record_state (self, kind, id, &unused, &title, &unused, error))
    return FALSE;

  if (partner_deleted_at != 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” belongs to the partner “%s”, which is in the trash. Restore the partner first."),
                   title, partner_name);
      return FALSE;
    }

  if (kind == LIA_RECORD_CONTACT)
    {
      g_autoptr(LiaStmt) stmt = NULL;
      int rc;

      /* Another contact became primary while this one was in the trash. */
      if (!(stmt = lia_database_prepare_cached (self->database,
                                         "UPDATE contact SET is_primary = 0 WHERE id = ?1 AND is_primary = 1"
                                         " AND EXISTS (SELECT 1 FROM contact AS o WHERE o.partner_id = contact.partner_id"
                                         " AND o.id <> ?1 AND o.is_primary = 1 AND o.ended_at IS NULL AND o.deleted_at IS NULL)",
                                         error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        return lia_database_set_error_from_sqlite (self->database, rc, error);
    }

  return set_deleted_at (self, kind, id, 0, error);
}

/* Overrides */

static void
lia_store_finalize (GObject *object)
{
  LiaStore *self = (LiaStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (lia_store_parent_class)->finalize (object);
}

static void
lia_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LiaStore *self = LIA_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LiaStore *self = LIA_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_store_class_init (LiaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_store_finalize;
  object_class->get_property = lia_store_get_property;
  object_class->set_property = lia_store_set_property;

  properties [PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         LIA_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaStore::changed:
   * @kind: the kind of record written
   * @id: its id
   *
   * Emitted after each committed write; for a partner's contact,
   * agreement, expectation or interaction, emitted for the partner too.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, LIA_TYPE_RECORD_KIND, G_TYPE_INT64);
}

static void
lia_store_init (LiaStore *self)
{
}

/* Private API */

GDateTime *
_lia_store_now (LiaStore *self)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_date_time_new_now_utc ();
}

/**
 * lia_store_dup_now:
 * @self: a #LiaStore
 *
 * Returns: (transfer full): now, by the store's clock
 */
GDateTime *
lia_store_dup_now (LiaStore *self)
{
  return _lia_store_now (self);
}

void
_lia_store_emit_changed (LiaStore      *self,
                         LiaRecordKind  kind,
                         gint64         id)
{
  g_return_if_fail (LIA_IS_STORE (self));

  g_signal_emit (self, signals [CHANGED], 0, kind, id);
}

gboolean
_lia_store_load_partner_computed (LiaStore    *self,
                                  LiaPartner  *partner,
                                  GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_PARTNER (partner), FALSE);

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "SELECT " LIA_STORE_SQL_LAST_CONTACT_AT ", "
                                     LIA_STORE_SQL_NEXT_DUE_ON ", "
                                     LIA_STORE_SQL_UPDATE_REQUESTED_AT
                                     " FROM partner AS p WHERE p.id = ?",
                                     error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, lia_partner_get_id (partner));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found_error (LIA_RECORD_PARTNER, error);
      return FALSE;
    }
  else if (rc != SQLITE_ROW)
    return lia_database_set_error_from_sqlite (self->database, rc, error);

  _lia_partner_set_computed (partner,
                             sqlite3_column_int64 (stmt, 0),
                             lia_sql_column_text (stmt, 1),
                             sqlite3_column_int64 (stmt, 2));

  return TRUE;
}

/* Public API */

LiaStore *
lia_store_new (LiaDatabase *database)
{
  g_return_val_if_fail (LIA_IS_DATABASE (database), NULL);

  return g_object_new (LIA_TYPE_STORE, "database", database, NULL);
}

LiaDatabase *
lia_store_get_database (LiaStore *self)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return self->database;
}

/**
 * lia_store_emit_reloaded:
 *
 * Says that partners changed behind the store's back, written through
 * another connection to the same file: emits "changed" with
 * %LIA_RECORD_PARTNER and id 0, which lists and views take as "reload
 * every partner".
 */
void
lia_store_emit_reloaded (LiaStore *self)
{
  g_return_if_fail (LIA_IS_STORE (self));

  _lia_store_emit_changed (self, LIA_RECORD_PARTNER, 0);
}

/**
 * lia_store_set_clock:
 * @now: (nullable): returns a new reference to the current time; %NULL for
 *   the system clock
 *
 * Sets where created-at and updated-at come from, for tests.
 */
void
lia_store_set_clock (LiaStore          *self,
                     LiaStoreClockFunc  now,
                     gpointer           user_data)
{
  g_return_if_fail (LIA_IS_STORE (self));

  self->clock = now;
  self->clock_data = user_data;
}

#define LIVE(table) \
  "SELECT (SELECT count(*) FROM " table ") - (SELECT count(*) FROM " table " WHERE deleted_at IS NOT NULL)"

/**
 * lia_store_count_partners:
 *
 * Counts the partners outside the trash, as lia_store_get_counts() does,
 * without counting the other tables: the partners page needs this one
 * number, and counting 100,000 interactions and 50,000 events filled the
 * page cache with their indexes (2.5 MB on the large benchmark dataset).
 */
gboolean
lia_store_count_partners (LiaStore  *self,
                          gint64    *count,
                          GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  return query_count (self, LIVE ("partner"), count, error);
}

/**
 * lia_store_get_counts:
 *
 * Counts what the database holds, leaving out what is in the trash.
 */
gboolean
lia_store_get_counts (LiaStore        *self,
                      LiaStoreCounts  *counts,
                      GError         **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  /* All rows less those in the trash: count(*) of a whole table walks its
   * smallest index, and the trashed rows have partial indexes of their
   * own (0006), where "deleted_at IS NULL" read every row of each table
   * (50 ms together on the large benchmark dataset, 2 ms now). */
  return lia_store_count_partners (self, &counts->partners, error) &&
         query_count (self, LIVE ("contact"), &counts->contacts, error) &&
         query_count (self, LIVE ("agreement"), &counts->agreements, error) &&
         query_count (self, LIVE ("expectation"), &counts->expectations, error) &&
         query_count (self, LIVE ("interaction"), &counts->interactions, error) &&
         query_count (self,
                      "SELECT (SELECT count(*) FROM event WHERE recurrence_of IS NULL)"
                      " - (SELECT count(*) FROM event INDEXED BY event_trashed_idx"
                      " WHERE deleted_at IS NOT NULL AND recurrence_of IS NULL)",
                      &counts->events, error);
#undef LIVE
}

/**
 * lia_store_is_empty:
 *
 * Returns: whether the database holds no partner and no event, trash included
 */
gboolean
lia_store_is_empty (LiaStore *self)
{
  gint64 n = 0;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  if (!query_count (self,
                    "SELECT EXISTS (SELECT 1 FROM partner) OR EXISTS (SELECT 1 FROM event)",
                    &n, NULL))
    return FALSE;

  return n == 0;
}

gboolean
lia_store_is_sample (LiaStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  value = lia_database_dup_meta (self->database, "sample");

  return g_strcmp0 (value, "1") == 0;
}

gboolean
lia_store_get_welcome_done (LiaStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  value = lia_database_dup_meta (self->database, "welcome-done");

  return g_strcmp0 (value, "1") == 0;
}

/* Kept in the file, not in GSettings: the choice belongs to this database. */
gboolean
lia_store_set_welcome_done (LiaStore  *self,
                            GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  return lia_database_set_meta (self->database, "welcome-done", "1", error);
}

/**
 * lia_store_get_partner:
 *
 * Returns: (transfer full): the partner, with its tags and what the store
 *   computes from its history (last contact, next due day, update request)
 */
LiaPartner *
lia_store_get_partner (LiaStore  *self,
                       gint64     id,
                       GError   **error)
{
  g_autoptr(LiaPartner) partner = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  partner = get_by_id (self, "SELECT " PARTNER_COLUMNS " FROM partner WHERE id = ?",
                       id, LIA_RECORD_PARTNER, (ReadRowFunc)read_partner, error);
  if (partner == NULL)
    return NULL;

  if (!load_partner_tags (self, partner, error) ||
      !_lia_store_load_partner_computed (self, partner, error))
    return NULL;

  return g_steal_pointer (&partner);
}

gboolean
lia_store_save_partner (LiaStore    *self,
                        LiaPartner  *partner,
                        GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GDateTime) now_time = NULL;
  GBytes *logo;
  gint64 id;
  gint64 now;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lia_partner_validate (partner, error))
    return FALSE;

  now_time = _lia_store_now (self);
  now = g_date_time_to_unix (now_time);
  id = lia_partner_get_id (partner);

  if (!lia_database_begin (self->database, error))
    return FALSE;

  if (id == 0)
    stmt = lia_database_prepare_cached (self->database,
                                 "INSERT INTO partner (name, sort_name, kind, status, description, services, website,"
                                 " email, phone, address, logo, owner, upkeep_mode, cadence_days,"
                                 " info_verified_at, promotion_tier, channels, notes, created_at, updated_at)"
                                 " VALUES (?1, ?20, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                                 " ?16, ?17, ?18, ?18)",
                                 error);
  else
    stmt = lia_database_prepare_cached (self->database,
                                 "UPDATE partner SET name = ?1, sort_name = ?20, kind = ?2, status = ?3, description = ?4,"
                                 " services = ?5, website = ?6, email = ?7, phone = ?8, address = ?9,"
                                 " logo = ?10, owner = ?11, upkeep_mode = ?12, cadence_days = ?13,"
                                 " info_verified_at = ?14, promotion_tier = ?15, channels = ?16, notes = ?17,"
                                 " updated_at = max (?18, created_at)"
                                 " WHERE id = ?19",
                                 error);
  if (stmt == NULL)
    goto failed;

  logo = lia_partner_get_logo (partner);

  sqlite3_bind_text (stmt, 1, g_strstrip (g_strdup (lia_partner_get_name (partner))), -1, g_free);
  lia_sql_bind_nick (stmt, 2, LIA_TYPE_PARTNER_KIND, lia_partner_get_kind (partner));
  lia_sql_bind_nick (stmt, 3, LIA_TYPE_PARTNER_STATUS, lia_partner_get_status (partner));
  lia_sql_bind_text (stmt, 4, lia_partner_get_description (partner));
  lia_sql_bind_text (stmt, 5, lia_partner_get_services (partner));
  lia_sql_bind_text_or_null (stmt, 6, lia_partner_get_website (partner));
  lia_sql_bind_text_or_null (stmt, 7, lia_partner_get_email (partner));
  lia_sql_bind_text_or_null (stmt, 8, lia_partner_get_phone (partner));
  lia_sql_bind_text_or_null (stmt, 9, lia_partner_get_address (partner));
  if (logo != NULL && g_bytes_get_size (logo) > 0)
    sqlite3_bind_blob64 (stmt, 10, g_bytes_get_data (logo, NULL), g_bytes_get_size (logo), SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 10);
  lia_sql_bind_text_or_null (stmt, 11, lia_partner_get_owner (partner));
  lia_sql_bind_nick (stmt, 12, LIA_TYPE_UPKEEP_MODE, lia_partner_get_upkeep_mode (partner));
  sqlite3_bind_int (stmt, 13, lia_partner_get_cadence_days (partner));
  lia_sql_bind_int64_or_null (stmt, 14, lia_partner_get_info_verified_at (partner));
  lia_sql_bind_nick (stmt, 15, LIA_TYPE_PROMOTION_TIER, lia_partner_get_promotion_tier (partner));
  sqlite3_bind_int (stmt, 16, lia_partner_get_channels (partner));
  lia_sql_bind_text (stmt, 17, lia_partner_get_notes (partner));
  sqlite3_bind_int64 (stmt, 18, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 19, id);
  sqlite3_bind_text (stmt, 20, lia_sort_key_for_name (lia_partner_get_name (partner)), -1, g_free);

  if (!step_done (self, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (lia_database_get_handle (self->database));
  else if (sqlite3_changes (lia_database_get_handle (self->database)) == 0)
    {
      set_not_found_error (LIA_RECORD_PARTNER, error);
      goto failed;
    }
  else if (!restore_sort_name (self, id, partner, error))
    goto failed;

  if (!write_partner_tags (self, id, partner, error) ||
      !lia_database_commit (self->database, error))
    goto failed;

  g_object_freeze_notify (G_OBJECT (partner));
  if (lia_partner_get_id (partner) == 0)
    {
      lia_partner_set_id (partner, id);
      lia_partner_set_created_at (partner, now);
    }
  lia_partner_set_updated_at (partner, MAX (now, lia_partner_get_created_at (partner)));
  g_object_thaw_notify (G_OBJECT (partner));

  _lia_store_emit_changed (self, LIA_RECORD_PARTNER, id);

  return TRUE;

failed:
  lia_database_rollback (self->database);
  return FALSE;
}

LiaContact *
lia_store_get_contact (LiaStore  *self,
                       gint64     id,
                       GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return get_by_id (self, "SELECT " CONTACT_COLUMNS " FROM contact WHERE id = ?",
                    id, LIA_RECORD_CONTACT, (ReadRowFunc)read_contact, error);
}

gboolean
lia_store_save_contact (LiaStore    *self,
                        LiaContact  *contact,
                        GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  gint64 partner_id;
  gint64 id;
  gint64 now;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lia_contact_validate (contact, error))
    return FALSE;

  now = get_now_unix (self);
  id = lia_contact_get_id (contact);
  partner_id = lia_contact_get_partner_id (contact);

  if (!lia_database_begin (self->database, error))
    return FALSE;

  if (!check_partner_usable (self, partner_id, error))
    goto failed;

  if (lia_contact_get_is_primary (contact) && lia_contact_get_ended_at (contact) == 0 &&
      !demote_other_primary (self, partner_id, id, now, error))
    goto failed;

  if (id == 0)
    stmt = lia_database_prepare_cached (self->database,
                                 "INSERT INTO contact (partner_id, name, role, email, phone, preferred_method,"
                                 " is_primary, notes, ended_at, created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                                 error);
  else
    stmt = lia_database_prepare_cached (self->database,
                                 "UPDATE contact SET partner_id = ?1, name = ?2, role = ?3, email = ?4,"
                                 " phone = ?5, preferred_method = ?6, is_primary = ?7, notes = ?8,"
                                 " ended_at = ?9, updated_at = max (?10, created_at)"
                                 " WHERE id = ?11",
                                 error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, g_strstrip (g_strdup (lia_contact_get_name (contact))), -1, g_free);
  lia_sql_bind_text (stmt, 3, lia_contact_get_role (contact));
  lia_sql_bind_text_or_null (stmt, 4, lia_contact_get_email (contact));
  lia_sql_bind_text_or_null (stmt, 5, lia_contact_get_phone (contact));
  lia_sql_bind_nick (stmt, 6, LIA_TYPE_CONTACT_METHOD, lia_contact_get_preferred_method (contact));
  sqlite3_bind_int (stmt, 7, lia_contact_get_is_primary (contact));
  lia_sql_bind_text (stmt, 8, lia_contact_get_notes (contact));
  lia_sql_bind_int64_or_null (stmt, 9, lia_contact_get_ended_at (contact));
  sqlite3_bind_int64 (stmt, 10, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 11, id);

  if (!step_done (self, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (lia_database_get_handle (self->database));
  else if (sqlite3_changes (lia_database_get_handle (self->database)) == 0)
    {
      set_not_found_error (LIA_RECORD_CONTACT, error);
      goto failed;
    }

  if (!lia_database_commit (self->database, error))
    goto failed;

  g_object_freeze_notify (G_OBJECT (contact));
  if (lia_contact_get_id (contact) == 0)
    {
      lia_contact_set_id (contact, id);
      lia_contact_set_created_at (contact, now);
    }
  lia_contact_set_updated_at (contact, MAX (now, lia_contact_get_created_at (contact)));
  g_object_thaw_notify (G_OBJECT (contact));

  _lia_store_emit_changed (self, LIA_RECORD_CONTACT, id);
  _lia_store_emit_changed (self, LIA_RECORD_PARTNER, partner_id);

  return TRUE;

failed:
  lia_database_rollback (self->database);
  return FALSE;
}

/**
 * lia_store_end_contact:
 *
 * Records that the person left: ended-at is set to now. The contact is
 * never deleted, so the history still names them. Ending a contact who
 * already left changes nothing.
 */
gboolean
lia_store_end_contact (LiaStore  *self,
                       gint64     contact_id,
                       GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *name = NULL;
  gint64 partner_id = 0;
  gint64 deleted_at = 0;
  gint64 now;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = get_now_unix (self);

  if (!lia_database_begin (self->database, error))
    return FALSE;

  if (!read_record_state (self, LIA_RECORD_CONTACT, contact_id, &partner_id, &name, &deleted_at, error))
    goto failed;

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "UPDATE contact SET ended_at = ?2, updated_at = max (?2, created_at)"
                                     " WHERE id = ?1 AND ended_at IS NULL",
                                     error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, now);

  if (!step_done (self, stmt, error) ||
      !lia_database_commit (self->database, error))
    goto failed;

  _lia_store_emit_changed (self, LIA_RECORD_CONTACT, contact_id);
  _lia_store_emit_changed (self, LIA_RECORD_PARTNER, partner_id);

  return TRUE;

failed:
  lia_database_rollback (self->database);
  return FALSE;
}

LiaAgreement *
lia_store_get_agreement (LiaStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return get_by_id (self, "SELECT " AGREEMENT_COLUMNS " FROM agreement WHERE id = ?",
                    id, LIA_RECORD_AGREEMENT, (ReadRowFunc)read_agreement, error);
}

gboolean
lia_store_save_agreement (LiaStore      *self,
                          LiaAgreement  *agreement,
                          GError       **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  gint64 partner_id;
  gint64 id;
  gint64 now;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lia_agreement_validate (agreement, error))
    return FALSE;

  now = get_now_unix (self);
  id = lia_agreement_get_id (agreement);
  partner_id = lia_agreement_get_partner_id (agreement);

  if (!lia_database_begin (self->database, error))
    return FALSE;

  if (!check_partner_usable (self, partner_id, error))
    goto failed;

  if (id == 0)
    stmt = lia_database_prepare_cached (self->database,
                                 "INSERT INTO agreement (partner_id, title, kind, signed_on, starts_on, ends_on,"
                                 " auto_renews, document, status, notes, created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                                 error);
  else
    stmt = lia_database_prepare_cached (self->database,
                                 "UPDATE agreement SET partner_id = ?1, title = ?2, kind = ?3, signed_on = ?4,"
                                 " starts_on = ?5, ends_on = ?6, auto_renews = ?7, document = ?8, status = ?9,"
                                 " notes = ?10, updated_at = max (?11, created_at)"
                                 " WHERE id = ?12",
                                 error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, g_strstrip (g_strdup (lia_agreement_get_title (agreement))), -1, g_free);
  lia_sql_bind_nick (stmt, 3, LIA_TYPE_AGREEMENT_KIND, lia_agreement_get_kind (agreement));
  lia_sql_bind_text_or_null (stmt, 4, lia_agreement_get_signed_on (agreement));
  lia_sql_bind_text_or_null (stmt, 5, lia_agreement_get_starts_on (agreement));
  lia_sql_bind_text_or_null (stmt, 6, lia_agreement_get_ends_on (agreement));
  sqlite3_bind_int (stmt, 7, lia_agreement_get_auto_renews (agreement));
  lia_sql_bind_text_or_null (stmt, 8, lia_agreement_get_document (agreement));
  lia_sql_bind_nick (stmt, 9, LIA_TYPE_AGREEMENT_STATUS, lia_agreement_get_status (agreement));
  lia_sql_bind_text (stmt, 10, lia_agreement_get_notes (agreement));
  sqlite3_bind_int64 (stmt, 11, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 12, id);

  if (!step_done (self, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (lia_database_get_handle (self->database));
  else if (sqlite3_changes (lia_database_get_handle (self->database)) == 0)
    {
      set_not_found_error (LIA_RECORD_AGREEMENT, error);
      goto failed;
    }

  if (!lia_database_commit (self->database, error))
    goto failed;

  g_object_freeze_notify (G_OBJECT (agreement));
  if (lia_agreement_get_id (agreement) == 0)
    {
      lia_agreement_set_id (agreement, id);
      lia_agreement_set_created_at (agreement, now);
    }
  lia_agreement_set_updated_at (agreement, MAX (now, lia_agreement_get_created_at (agreement)));
  g_object_thaw_notify (G_OBJECT (agreement));

  _lia_store_emit_changed (self, LIA_RECORD_AGREEMENT, id);
  _lia_store_emit_changed (self, LIA_RECORD_PARTNER, partner_id);

  return TRUE;

failed:
  lia_database_rollback (self->database);
  return FALSE;
}

LiaExpectation *
lia_store_get_expectation (LiaStore  *self,
                           gint64     id,
                           GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return get_by_id (self, "SELECT " EXPECTATION_COLUMNS " FROM expectation WHERE id = ?",
                    id, LIA_RECORD_EXPECTATION, (ReadRowFunc)read_expectation, error);
}

gboolean
lia_store_save_expectation (LiaStore        *self,
                            LiaExpectation  *expectation,
                            GError         **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *next_due_on = NULL;
  gint64 agreement_id;
  gint64 partner_id;
  gint64 id;
  gint64 now;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_EXPECTATION (expectation), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lia_expectation_validate (expectation, error))
    return FALSE;

  now = get_now_unix (self);
  id = lia_expectation_get_id (expectation);
  partner_id = lia_expectation_get_partner_id (expectation);
  agreement_id = lia_expectation_get_agreement_id (expectation);

  /* A one-off is next due on its due date; a repeating one keeps its
   * next due day once it has one. */
  if (lia_expectation_get_cadence_days (expectation) == 0 &&
      lia_expectation_get_status (expectation) == LIA_EXPECTATION_STATUS_ACTIVE)
    next_due_on = g_strdup (lia_expectation_get_due_on (expectation));
  else if (!lia_sql_is_blank (lia_expectation_get_next_due_on (expectation)))
    next_due_on = g_strdup (lia_expectation_get_next_due_on (expectation));
  else
    next_due_on = dup_initial_next_due_on (expectation, now);

  if (!lia_database_begin (self->database, error))
    return FALSE;

  if (!check_partner_usable (self, partner_id, error) ||
      (agreement_id != 0 && !check_agreement_partner (self, agreement_id, partner_id, error)))
    goto failed;

  if (id == 0)
    stmt = lia_database_prepare_cached (self->database,
                                 "INSERT INTO expectation (partner_id, agreement_id, direction, what, cadence_days,"
                                 " due_on, status, last_met_on, next_due_on, created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                                 error);
  else
    stmt = lia_database_prepare_cached (self->database,
                                 "UPDATE expectation SET partner_id = ?1, agreement_id = ?2, direction = ?3,"
                                 " what = ?4, cadence_days = ?5, due_on = ?6, status = ?7, last_met_on = ?8,"
                                 " next_due_on = ?9, updated_at = max (?10, created_at)"
                                 " WHERE id = ?11",
                                 error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  lia_sql_bind_int64_or_null (stmt, 2, agreement_id);
  lia_sql_bind_nick (stmt, 3, LIA_TYPE_DIRECTION, lia_expectation_get_direction (expectation));
  sqlite3_bind_text (stmt, 4, g_strstrip (g_strdup (lia_expectation_get_what (expectation))), -1, g_free);
  lia_sql_bind_int64_or_null (stmt, 5, lia_expectation_get_cadence_days (expectation));
  lia_sql_bind_text_or_null (stmt, 6, lia_expectation_get_due_on (expectation));
  lia_sql_bind_nick (stmt, 7, LIA_TYPE_EXPECTATION_STATUS, lia_expectation_get_status (expectation));
  lia_sql_bind_text_or_null (stmt, 8, lia_expectation_get_last_met_on (expectation));
  lia_sql_bind_text_or_null (stmt, 9, next_due_on);
  sqlite3_bind_int64 (stmt, 10, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 11, id);

  if (!step_done (self, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (lia_database_get_handle (self->database));
  else if (sqlite3_changes (lia_database_get_handle (self->database)) == 0)
    {
      set_not_found_error (LIA_RECORD_EXPECTATION, error);
      goto failed;
    }

  if (!lia_database_commit (self->database, error))
    goto failed;

  g_object_freeze_notify (G_OBJECT (expectation));
  if (lia_expectation_get_id (expectation) == 0)
    {
      lia_expectation_set_id (expectation, id);
      lia_expectation_set_created_at (expectation, now);
    }
  lia_expectation_set_updated_at (expectation, MAX (now, lia_expectation_get_created_at (expectation)));
  lia_expectation_set_next_due_on (expectation, lia_sql_is_blank (next_due_on) ? NULL : next_due_on);
  g_object_thaw_notify (G_OBJECT (expectation));

  _lia_store_emit_changed (self, LIA_RECORD_EXPECTATION, id);
  _lia_store_emit_changed (self, LIA_RECORD_PARTNER, partner_id);

  return TRUE;

failed:
  lia_database_rollback (self->database);
  return FALSE;
}

LiaInteraction *
lia_store_get_interaction (LiaStore  *self,
                           gint64     id,
                           GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return get_by_id (self, "SELECT " INTERACTION_COLUMNS " FROM interaction WHERE id = ?",
                    id, LIA_RECORD_INTERACTION, (ReadRowFunc)read_interaction, error);
}

gboolean
lia_store_save_interaction (LiaStore        *self,
                            LiaInteraction  *interaction,
                            GError         **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *contact_name = NULL;
  gint64 old_expectation_id = 0;
  gint64 expectation_id;
  gint64 contact_id;
  gint64 partner_id;
  gint64 occurred_at;
  gboolean meets_expectation;
  gint64 id;
  gint64 now;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_INTERACTION (interaction), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lia_interaction_validate (interaction, error))
    return FALSE;

  now = get_now_unix (self);
  id = lia_interaction_get_id (interaction);
  partner_id = lia_interaction_get_partner_id (interaction);
  contact_id = lia_interaction_get_contact_id (interaction);
  expectation_id = lia_interaction_get_expectation_id (interaction);
  occurred_at = lia_interaction_get_occurred_at (interaction);
  if (occurred_at == 0)
    occurred_at = now;

  if (!lia_database_begin (self->database, error))
    return FALSE;

  if (!check_partner_usable (self, partner_id, error) ||
      (contact_id != 0 && !check_contact_partner (self, contact_id, partner_id, &contact_name, error)) ||
      (expectation_id != 0 && !check_expectation_partner (self, expectation_id, partner_id, error)) ||
      (id != 0 && !read_interaction_expectation_id (self, id, &old_expectation_id, error)))
    goto failed;

  /* The history keeps the name even after the person has gone. */
  if (!lia_sql_is_blank (lia_interaction_get_contact_name (interaction)))
    {
      g_free (contact_name);
      contact_name = g_strdup (lia_interaction_get_contact_name (interaction));
    }

  if (id == 0)
    stmt = lia_database_prepare_cached (self->database,
                                 "INSERT INTO interaction (partner_id, contact_id, contact_name, staff, kind,"
                                 " occurred_at, summary, outcome, follow_up_on, follow_up_done_at, confirms_info,"
                                 " expectation_id, created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                                 error);
  else
    stmt = lia_database_prepare_cached (self->database,
                                 "UPDATE interaction SET partner_id = ?1, contact_id = ?2, contact_name = ?3,"
                                 " staff = ?4, kind = ?5, occurred_at = ?6, summary = ?7, outcome = ?8,"
                                 " follow_up_on = ?9, follow_up_done_at = ?10, confirms_info = ?11,"
                                 " expectation_id = ?12, updated_at = max (?13, created_at)"
                                 " WHERE id = ?14",
                                 error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  lia_sql_bind_int64_or_null (stmt, 2, contact_id);
  lia_sql_bind_text_or_null (stmt, 3, contact_name);
  lia_sql_bind_text_or_null (stmt, 4, lia_interaction_get_staff (interaction));
  lia_sql_bind_nick (stmt, 5, LIA_TYPE_INTERACTION_KIND, lia_interaction_get_kind (interaction));
  sqlite3_bind_int64 (stmt, 6, occurred_at);
  sqlite3_bind_text (stmt, 7, g_strstrip (g_strdup (lia_interaction_get_summary (interaction))), -1, g_free);
  lia_sql_bind_text (stmt, 8, lia_interaction_get_outcome (interaction));
  lia_sql_bind_text_or_null (stmt, 9, lia_interaction_get_follow_up_on (interaction));
  lia_sql_bind_int64_or_null (stmt, 10, lia_interaction_get_follow_up_done_at (interaction));
  sqlite3_bind_int (stmt, 11, lia_interaction_get_confirms_info (interaction));
  lia_sql_bind_int64_or_null (stmt, 12, expectation_id);
  sqlite3_bind_int64 (stmt, 13, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 14, id);

  if (!step_done (self, stmt, error))
    goto failed;

  if (id == 0)
    id = sqlite3_last_insert_rowid (lia_database_get_handle (self->database));

  /* Confirming the partner's information never moves it back in time. */
  if (lia_interaction_get_confirms_info (interaction))
    {
      g_autoptr(LiaStmt) verify = NULL;

      if (!(verify = lia_database_prepare_cached (self->database,
                                           "UPDATE partner SET info_verified_at = ?2"
                                           " WHERE id = ?1 AND (info_verified_at IS NULL OR info_verified_at < ?2)",
                                           error)))
        goto failed;

      sqlite3_bind_int64 (verify, 1, partner_id);
      sqlite3_bind_int64 (verify, 2, occurred_at);

      if (!step_done (self, verify, error))
        goto failed;
    }

  /* Only a newly linked expectation is met, so editing the entry later
   * does not advance it again. */
  meets_expectation = expectation_id != 0 && expectation_id != old_expectation_id;
  if (meets_expectation && !meet_expectation (self, expectation_id, occurred_at, now, error))
    goto failed;

  if (!lia_database_commit (self->database, error))
    goto failed;

  g_object_freeze_notify (G_OBJECT (interaction));
  if (lia_interaction_get_id (interaction) == 0)
    {
      lia_interaction_set_id (interaction, id);
      lia_interaction_set_created_at (interaction, now);
    }
  lia_interaction_set_updated_at (interaction, MAX (now, lia_interaction_get_created_at (interaction)));
  lia_interaction_set_occurred_at (interaction, occurred_at);
  lia_interaction_set_contact_name (interaction, contact_name);
  g_object_thaw_notify (G_OBJECT (interaction));

  _lia_store_emit_changed (self, LIA_RECORD_INTERACTION, id);
  if (meets_expectation)
    _lia_store_emit_changed (self, LIA_RECORD_EXPECTATION, expectation_id);
  _lia_store_emit_changed (self, LIA_RECORD_PARTNER, partner_id);

  return TRUE;

failed:
  lia_database_rollback (self->database);
  return FALSE;
}

/**
 * lia_store_list_contacts:
 * @include_ended: whether to list the people who left too
 *
 * Returns: (transfer full) (element-type LiaContact): the partner's
 *   contacts out of the trash, the current primary first, then by name
 */
GPtrArray *
lia_store_list_contacts (LiaStore  *self,
                         gint64     partner_id,
                         gboolean   include_ended,
                         GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return list_by_partner (self,
                          "SELECT " CONTACT_COLUMNS " FROM contact"
                          " WHERE partner_id = ?1 AND deleted_at IS NULL AND (?2 OR ended_at IS NULL)"
                          " ORDER BY (is_primary = 1 AND ended_at IS NULL) DESC, ended_at IS NOT NULL,"
                          " name COLLATE NOCASE, id",
                          partner_id, !!include_ended, (ReadRowFunc)read_contact, error);
}

/**
 * lia_store_list_agreements:
 *
 * Returns: (transfer full) (element-type LiaAgreement): the partner's
 *   agreements out of the trash, active ones first, the latest start first
 */
GPtrArray *
lia_store_list_agreements (LiaStore  *self,
                           gint64     partner_id,
                           GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return list_by_partner (self,
                          "SELECT " AGREEMENT_COLUMNS " FROM agreement"
                          " WHERE partner_id = ?1 AND deleted_at IS NULL"
                          " ORDER BY status = 'active' DESC, starts_on DESC, title COLLATE NOCASE, id",
                          partner_id, 0, (ReadRowFunc)read_agreement, error);
}

/**
 * lia_store_list_expectations:
 *
 * Returns: (transfer full) (element-type LiaExpectation): the partner's
 *   expectations out of the trash, active ones first, soonest due first
 */
GPtrArray *
lia_store_list_expectations (LiaStore  *self,
                             gint64     partner_id,
                             GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return list_by_partner (self,
                          "SELECT " EXPECTATION_COLUMNS " FROM expectation"
                          " WHERE partner_id = ?1 AND deleted_at IS NULL"
                          " ORDER BY status = 'active' DESC, coalesce (next_due_on, due_on) IS NULL,"
                          " coalesce (next_due_on, due_on), what COLLATE NOCASE, id",
                          partner_id, 0, (ReadRowFunc)read_expectation, error);
}

/**
 * lia_store_list_interactions:
 *
 * Returns: (transfer full) (element-type LiaInteraction): the partner's
 *   contact history out of the trash, newest first
 */
GPtrArray *
lia_store_list_interactions (LiaStore  *self,
                             gint64     partner_id,
                             GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return list_by_partner (self,
                          "SELECT " INTERACTION_COLUMNS " FROM interaction"
                          " WHERE partner_id = ?1 AND deleted_at IS NULL"
                          " ORDER BY occurred_at DESC, id DESC",
                          partner_id, 0, (ReadRowFunc)read_interaction, error);
}

/**
 * lia_store_trash:
 *
 * Moves a record to the trash; a partner takes its contacts, agreements,
 * expectations and interactions with it, a repeating event its changed
 * dates (overrides). Trashing what is already in the trash changes nothing.
 */
gboolean
lia_store_trash (LiaStore       *self,
                 LiaRecordKind   kind,
                 gint64          id,
                 GError        **error)
{
  g_autofree char *title = NULL;
  gint64 partner_id = 0;
  gint64 deleted_at = 0;
  gint64 now;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind <= LIA_RECORD_EVENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = get_now_unix (self);

  if (!lia_database_begin (self->database, error))
    return FALSE;

  if (!read_record_state (self, kind, id, &partner_id, &title, &deleted_at, error))
    goto failed;

  if (deleted_at != 0)
    {
      lia_database_rollback (self->database);
      return TRUE;
    }

  if (!set_deleted_at (self, kind, id, now, error) ||
      (kind == LIA_RECORD_PARTNER && !set_partner_children_deleted_at (self, id, 0, now, error)) ||
      (kind == LIA_RECORD_EVENT && !set_overrides_deleted_at (self, id, 0, now, error)) ||
      !lia_database_commit (self->database, error))
    goto failed;

  _lia_store_emit_changed (self, kind, id);
  /* The library's own events have no partner; partner 0 would mean
   * "reload every partner". */
  if (kind != LIA_RECORD_PARTNER && partner_id != 0)
    _lia_store_emit_changed (self, LIA_RECORD_PARTNER, partner_id);

  return TRUE;

failed:
  lia_database_rollback (self->database);
  return FALSE;
}

/**
 * lia_store_restore:
 *
 * Takes a record out of the trash; a partner brings back the records that
 * went with it. A partner's record cannot come back while its partner is
 * in the trash. A contact restored as primary stops being primary when
 * another contact took over meanwhile.
 */
gboolean
lia_store_restore (LiaStore       *self,
                   LiaRecordKind   kind,
                   gint64          id,
                   GError        **error)
{
  g_autofree char *title = NULL;
  gint64 partner_id = 0;
  gint64 deleted_at = 0;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind <= LIA_RECORD_EVENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lia_database_begin (self->database, error))
    return FALSE;

  if (!read_record_state (self, kind, id, &partner_id, &title, &deleted_at, error))
    goto failed;

  if (deleted_at == 0)
    {
      lia_database_rollback (self->database);
      return TRUE;
    }

  if (!restore_record (self, kind, id, partner_id, deleted_at, error) ||
      !lia_database_commit (self->database, error))
    goto failed;

  _lia_store_emit_changed (self, kind, id);
  if (kind != LIA_RECORD_PARTNER && partner_id != 0)
    _lia_store_emit_changed (self, LIA_RECORD_PARTNER, partner_id);

  return TRUE;

failed:
  lia_database_rollback (self->database);
  return FALSE;
}

/**
 * lia_store_delete_forever:
 *
 * Removes a record that is in the trash, for good; a partner takes all its
 * records with it (its events stay, as the library's own), a repeating
 * event its changed dates. Refuses a record that is not in the trash.
 */
gboolean
lia_store_delete_forever (LiaStore       *self,
                          LiaRecordKind   kind,
                          gint64          id,
                          GError        **error)
{
  g_autofree char *title = NULL;
  g_autofree char *sql = NULL;
  gint64 partner_id = 0;
  gint64 deleted_at = 0;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind <= LIA_RECORD_EVENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!lia_database_begin (self->database, error))
    return FALSE;

  if (!read_record_state (self, kind, id, &partner_id, &title, &deleted_at, error))
    goto failed;

  if (deleted_at == 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” is not in the trash, so it was not deleted. Move it to the trash first."),
                   title);
      goto failed;
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", record_tables[kind].table);

  /* A partner's events went to the trash with it and go with it for good
   * (the schema would otherwise make them the library's own). */
  if (kind == LIA_RECORD_PARTNER &&
      !exec_with_id (self, "DELETE FROM event WHERE partner_id = ? AND deleted_at IS NOT NULL", id, error))
    goto failed;

  if (!exec_with_id (self, sql, id, error) ||
      !lia_database_commit (self->database, error))
    goto failed;

  _lia_store_emit_changed (self, kind, id);
  if (kind != LIA_RECORD_PARTNER && partner_id != 0)
    _lia_store_emit_changed (self, LIA_RECORD_PARTNER, partner_id);

  return TRUE;

failed:
  lia_database_rollback (self->database);
  return FALSE;
}

/**
 * lia_store_list_trash:
 *
 * A partner's records that went to the trash with it are not listed: they
 * come back when the partner is restored; nor are the changed dates that
 * went with their repeating event.
 *
 * Returns: (transfer full): a GListModel of LiaTrashItem, newest first
 */
GListModel *
lia_store_list_trash (LiaStore  *self,
                      GError   **error)
{
  g_autoptr(GListStore) items = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  G_STATIC_ASSERT (LIA_RECORD_PARTNER == 0 && LIA_RECORD_CONTACT == 1 && LIA_RECORD_AGREEMENT == 2 &&
                   LIA_RECORD_EXPECTATION == 3 && LIA_RECORD_INTERACTION == 4 &&
                   LIA_RECORD_EVENT == 5);

#define CHILD_TRASH(kind, table, title) \
  " UNION ALL SELECT " kind ", c.id, c." title ", p.name, c.deleted_at FROM " table " AS c" \
  " JOIN partner AS p ON p.id = c.partner_id" \
  " WHERE c.deleted_at IS NOT NULL AND p.deleted_at IS NOT c.deleted_at"

  if (!(stmt = lia_database_prepare_cached (self->database,
                                     "SELECT 0, id, name, NULL, deleted_at FROM partner WHERE deleted_at IS NOT NULL"
                                     CHILD_TRASH ("1", "contact", "name")
                                     CHILD_TRASH ("2", "agreement", "title")
                                     CHILD_TRASH ("3", "expectation", "what")
                                     CHILD_TRASH ("4", "interaction", "summary")
                                     " UNION ALL SELECT 5, e.id, e.title, p.name, e.deleted_at FROM event AS e"
                                     " LEFT JOIN partner AS p ON p.id = e.partner_id"
                                     " WHERE e.deleted_at IS NOT NULL AND (e.recurrence_of IS NULL OR"
                                     " e.deleted_at IS NOT (SELECT s.deleted_at FROM event AS s WHERE s.id = e.recurrence_of))"
                                     " ORDER BY 5 DESC, 1, 2 DESC",
                                     error)))
    return NULL;

#undef CHILD_TRASH

  items = g_list_store_new (LIA_TYPE_TRASH_ITEM);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LiaTrashItem) item = NULL;

      item = lia_trash_item_new (sqlite3_column_int (stmt, 0),
                                 sqlite3_column_int64 (stmt, 1),
                                 lia_sql_column_text (stmt, 2),
                                 lia_sql_column_text (stmt, 3),
                                 sqlite3_column_int64 (stmt, 4));
      g_list_store_append (items, item);
    }

  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (self->database, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&items));
}
