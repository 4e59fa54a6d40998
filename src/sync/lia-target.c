/* lia-target.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets are rows of publish_target; what each gets (window, categories,
 * partners, statuses, public address) is the options column, as JSON, so
 * a new option needs no migration.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "lia-enums.h"
#include "lia-target.h"
#include "lia-validate.h"

#define DEFAULT_PAST_DAYS    7
#define DEFAULT_FUTURE_DAYS  365
#define DEFAULT_STATUSES     ((1u << LIA_EVENT_STATUS_CONFIRMED) | (1u << LIA_EVENT_STATUS_CANCELLED) | \
                              (1u << LIA_EVENT_STATUS_POSTPONED))

G_DEFINE_BOXED_TYPE (LiaTarget, lia_target, lia_target_copy, lia_target_free)

static const char * const kind_nicks[] = { "folder", "webdav", "caldav", "tec" };

LiaTarget *
lia_target_new (const char    *name,
                LiaTargetKind  kind,
                const char    *url)
{
  LiaTarget *self = g_new0 (LiaTarget, 1);

  self->name = g_strdup (name);
  self->kind = kind;
  self->url = g_strdup (url);
  self->enabled = TRUE;
  self->past_days = DEFAULT_PAST_DAYS;
  self->future_days = DEFAULT_FUTURE_DAYS;

  return self;
}

LiaTarget *
lia_target_copy (const LiaTarget *self)
{
  LiaTarget *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  copy->url = g_strdup (self->url);
  copy->username = g_strdup (self->username);
  copy->categories = g_strdupv (self->categories);
  copy->public_url = g_strdup (self->public_url);
  copy->last_run_state = g_strdup (self->last_run_state);
  if (self->partner_ids != NULL)
    {
      copy->partner_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->partner_ids->len);
      g_array_append_vals (copy->partner_ids, self->partner_ids->data, self->partner_ids->len);
    }

  return copy;
}

void
lia_target_free (LiaTarget *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->url);
  g_free (self->username);
  g_strfreev (self->categories);
  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_free (self->public_url);
  g_free (self->last_run_state);
  g_free (self);
}

const char *
lia_target_kind_to_nick (LiaTargetKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_nicks), NULL);

  return kind_nicks[kind];
}

gboolean
lia_target_kind_from_nick (const char    *nick,
                           LiaTargetKind *kind)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (kind_nicks); i++)
    if (g_str_equal (nick, kind_nicks[i]))
      {
        *kind = (LiaTargetKind)i;
        return TRUE;
      }

  return FALSE;
}

const char *
lia_target_kind_get_label (LiaTargetKind kind)
{
  switch (kind)
    {
    case LIA_TARGET_FOLDER:
      return _("Folder");
    case LIA_TARGET_WEBDAV:
      return _("WebDAV");
    case LIA_TARGET_CALDAV:
      return _("CalDAV");
    case LIA_TARGET_TEC:
      return _("The Events Calendar");
    default:
      g_return_val_if_reached (NULL);
    }
}


gboolean
lia_target_validate (const LiaTarget  *self,
                     GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (lia_text_is_blank (self->name))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_REQUIRED,
                   _("Name: a target needs a name."));
      return FALSE;
    }
  if ((guint)self->kind >= G_N_ELEMENTS (kind_nicks))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                   _("Kind: choose a folder, WebDAV, CalDAV or The Events Calendar."));
      return FALSE;
    }
  if (lia_text_is_blank (self->url))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_REQUIRED,
                   self->kind == LIA_TARGET_FOLDER
                     ? _("Folder: choose the folder the files are written to.")
                     : _("Address: enter the server’s address, starting with https://."));
      return FALSE;
    }
  if (self->kind == LIA_TARGET_FOLDER)
    {
      if (!g_path_is_absolute (self->url) && !g_str_has_prefix (self->url, "file://"))
        {
          g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_URL,
                       _("Folder: “%s” is not a full path to a folder (it should start with /)."), self->url);
          return FALSE;
        }
    }
  else if (!lia_validate_url (self->url))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_URL,
                   _("Address: “%s” is not a web address; it should look like https://example.org/calendar/."),
                   self->url);
      return FALSE;
    }
  if (!lia_text_is_blank (self->public_url) && !lia_validate_url (self->public_url))
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_URL,
                   _("Public address: “%s” is not a web address."), self->public_url);
      return FALSE;
    }
  if (self->past_days < 0 || self->past_days > 3660 || self->future_days < 1 || self->future_days > 3660)
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                   _("Dates: publish from 0 to 3,660 days back and 1 to 3,660 days ahead."));
      return FALSE;
    }

  return TRUE;
}

static char *
options_to_json (const LiaTarget *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "past_days");
  json_builder_add_int_value (builder, self->past_days);
  json_builder_set_member_name (builder, "future_days");
  json_builder_add_int_value (builder, self->future_days);
  if (self->categories != NULL && self->categories[0] != NULL)
    {
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_array (builder);
      for (guint i = 0; self->categories[i] != NULL; i++)
        json_builder_add_string_value (builder, self->categories[i]);
      json_builder_end_array (builder);
    }
  if (self->partner_ids != NULL && self->partner_ids->len > 0)
    {
      json_builder_set_member_name (builder, "partners");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->partner_ids->len; i++)
        json_builder_add_int_value (builder, g_array_index (self->partner_ids, gint64, i));
      json_builder_end_array (builder);
    }
  if (self->statuses != 0)
    {
      json_builder_set_member_name (builder, "statuses");
      json_builder_begin_array (builder);
      for (guint s = LIA_EVENT_STATUS_DRAFT; s <= LIA_EVENT_STATUS_POSTPONED; s++)
        if (self->statuses & (1u << s))
          json_builder_add_string_value (builder, lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, (int)s));
      json_builder_end_array (builder);
    }
  if (!lia_text_is_blank (self->public_url))
    {
      json_builder_set_member_name (builder, "public_url");
      json_builder_add_string_value (builder, self->public_url);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Unknown members are kept out of the struct but a bad file never stops
 * a target from loading: the defaults stand in. */
static void
options_from_json (LiaTarget  *self,
                   const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *array;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));

  self->past_days = (int)json_object_get_int_member_with_default (object, "past_days", DEFAULT_PAST_DAYS);
  self->future_days = (int)json_object_get_int_member_with_default (object, "future_days", DEFAULT_FUTURE_DAYS);
  if (json_object_has_member (object, "public_url"))
    self->public_url = g_strdup (json_object_get_string_member_with_default (object, "public_url", NULL));

  if (json_object_has_member (object, "categories") &&
      (array = json_object_get_array_member (object, "categories")) != NULL && json_array_get_length (array) > 0)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *category = json_array_get_string_element (array, i);

          if (category != NULL)
            g_strv_builder_add (builder, category);
        }
      self->categories = g_strv_builder_end (builder);
    }
  if (json_object_has_member (object, "partners") &&
      (array = json_object_get_array_member (object, "partners")) != NULL && json_array_get_length (array) > 0)
    {
      self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gint64 id = json_array_get_int_element (array, i);

          g_array_append_val (self->partner_ids, id);
        }
    }
  if (json_object_has_member (object, "statuses") &&
      (array = json_object_get_array_member (object, "statuses")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        int status = lia_enum_from_nick (LIA_TYPE_EVENT_STATUS, json_array_get_string_element (array, i));

        if (status >= 0)
          self->statuses |= 1u << status;
      }
}

gboolean
lia_target_save (LiaTarget    *self,
                 LiaDatabase  *database,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *options = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LIA_IS_DATABASE (database), FALSE);

  if (!lia_target_validate (self, error))
    return FALSE;

  options = options_to_json (self);
  if (self->id == 0)
    stmt = lia_database_prepare (database,
                                 "INSERT INTO publish_target (name, kind, url, username, options, enabled,"
                                 " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  else
    stmt = lia_database_prepare (database,
                                 "UPDATE publish_target SET name = ?1, kind = ?2, url = ?3, username = ?4,"
                                 " options = ?5, enabled = ?6, updated_at = max (?7, created_at) WHERE id = ?8",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, g_strstrip (g_strdup (self->name)), -1, g_free);
  sqlite3_bind_text (stmt, 2, kind_nicks[self->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->url, -1, SQLITE_TRANSIENT);
  if (lia_text_is_blank (self->username))
    sqlite3_bind_null (stmt, 4);
  else
    sqlite3_bind_text (stmt, 4, self->username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, options, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, self->enabled ? 1 : 0);
  sqlite3_bind_int64 (stmt, 7, now);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 8, self->id);

  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE,
                   _("Name: there is already a target called “%s”."), self->name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  if (self->id == 0)
    self->id = sqlite3_last_insert_rowid (lia_database_get_handle (database));

  return TRUE;
}

gboolean
lia_target_delete (LiaDatabase  *database,
                   gint64        id,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare (database, "DELETE FROM publish_target WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return lia_database_set_error_from_sqlite (database, rc, error);

  return TRUE;
}

#define TARGET_COLUMNS "id, name, kind, url, username, options, enabled, last_run_at, last_run_state"

static LiaTarget *
target_from_row (sqlite3_stmt *stmt)
{
  LiaTarget *self = g_new0 (LiaTarget, 1);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  if (!lia_target_kind_from_nick ((const char *)sqlite3_column_text (stmt, 2), &self->kind))
    self->kind = LIA_TARGET_FOLDER;
  self->url = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  self->username = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  self->past_days = DEFAULT_PAST_DAYS;
  self->future_days = DEFAULT_FUTURE_DAYS;
  options_from_json (self, (const char *)sqlite3_column_text (stmt, 5));
  self->enabled = sqlite3_column_int (stmt, 6) != 0;
  self->last_run_at = sqlite3_column_int64 (stmt, 7);
  self->last_run_state = g_strdup ((const char *)sqlite3_column_text (stmt, 8));

  return self;
}

static LiaTarget *
load_one (LiaDatabase  *database,
          const char   *sql,
          const char   *name,
          gint64        id,
          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = lia_database_prepare (database, sql, error)))
    return NULL;
  if (name != NULL)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return target_from_row (stmt);
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  if (name != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("There is no publish target called “%s”. “liaison target list” shows them."), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("That publish target was removed."));
  return NULL;
}

LiaTarget *
lia_target_load (LiaDatabase  *database,
                 const char   *name,
                 GError      **error)
{
  g_return_val_if_fail (LIA_IS_DATABASE (database), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return load_one (database, "SELECT " TARGET_COLUMNS " FROM publish_target WHERE name = ?1",
                   name, 0, error);
}

LiaTarget *
lia_target_load_by_id (LiaDatabase  *database,
                       gint64        id,
                       GError      **error)
{
  g_return_val_if_fail (LIA_IS_DATABASE (database), NULL);

  return load_one (database, "SELECT " TARGET_COLUMNS " FROM publish_target WHERE id = ?1",
                   NULL, id, error);
}

GPtrArray *
lia_target_list (LiaDatabase  *database,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_target_free);
  int rc;

  g_return_val_if_fail (LIA_IS_DATABASE (database), NULL);

  if (!(stmt = lia_database_prepare (database,
                                     "SELECT " TARGET_COLUMNS " FROM publish_target ORDER BY name COLLATE NOCASE",
                                     error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (targets, target_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&targets);
}

/* A series is in the window when any date of it is: it started before the
 * window's end and its last date ends after the window's start (an endless
 * series has no last end). */
static GArray *
select_event_ids (const LiaTarget  *self,
                  LiaDatabase      *database,
                  gint64            now,
                  gboolean          past,
                  GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint statuses = self->statuses != 0 ? self->statuses : DEFAULT_STATUSES;
  gboolean first;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (LIA_IS_DATABASE (database), NULL);

  g_string_append_printf (sql,
                          "SELECT e.id FROM event AS e"
                          " WHERE e.deleted_at IS NULL AND e.recurrence_of IS NULL"
                          " AND e.promote = 1 AND (e.channels & %d) <> 0"
                          " AND %s",
                          LIA_CHANNEL_WEBSITE,
                          past ? "e.last_end_utc <= ?2 AND ?1 = ?1"
                               : "e.start_utc < ?1 AND (e.last_end_utc IS NULL OR e.last_end_utc > ?2)");

  /* Drafts are never published, whatever the options say. */
  g_string_append (sql, " AND e.status IN (");
  first = TRUE;
  for (guint s = LIA_EVENT_STATUS_CONFIRMED; s <= LIA_EVENT_STATUS_POSTPONED; s++)
    if (statuses & (1u << s))
      {
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, (int)s));
        first = FALSE;
      }
  if (first)
    g_string_append (sql, "NULL");
  g_string_append (sql, ")");

  if (self->partner_ids != NULL && self->partner_ids->len > 0)
    {
      gboolean own = FALSE;

      g_string_append (sql, " AND (e.partner_id IN (");
      first = TRUE;
      for (guint i = 0; i < self->partner_ids->len; i++)
        {
          gint64 id = g_array_index (self->partner_ids, gint64, i);

          if (id == 0)
            {
              own = TRUE;
              continue;
            }
          g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, first ? "" : ", ", id);
          first = FALSE;
        }
      g_string_append (sql, ")");
      if (own)
        g_string_append (sql, " OR e.partner_id IS NULL");
      g_string_append (sql, ")");
    }

  if (self->categories != NULL && self->categories[0] != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM event_category AS c, json_each (?3) AS j"
                          " WHERE c.event_id = e.id AND c.category = j.value)");

  g_string_append (sql, " ORDER BY e.start_utc, e.id");

  if (!(stmt = lia_database_prepare (database, sql->str, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now + (gint64)self->future_days * 86400);
  sqlite3_bind_int64 (stmt, 2, now - (gint64)self->past_days * 86400);
  if (self->categories != NULL && self->categories[0] != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; self->categories[i] != NULL; i++)
        json_builder_add_string_value (builder, self->categories[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      sqlite3_bind_text (stmt, 3, json_to_string (root, FALSE), -1, g_free);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error_from_sqlite (database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

GArray *
lia_target_select_event_ids (const LiaTarget  *self,
                             LiaDatabase      *database,
                             gint64            now,
                             GError          **error)
{
  return select_event_ids (self, database, now, FALSE, error);
}

GArray *
lia_target_select_past_event_ids (const LiaTarget  *self,
                                  LiaDatabase      *database,
                                  gint64            now,
                                  GError          **error)
{
  return select_event_ids (self, database, now, TRUE, error);
}
