/* lia-credentials.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target's password is kept under the target's name in the Secret
 * Service, or read from a file its owner alone may read. Nothing here logs
 * a password or keeps a copy beyond the string it returns.
 */

#define G_LOG_DOMAIN "lia-credentials"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "lia-credentials.h"
#include "lia-publisher.h"

/* A password file holds one line; anything much longer is not one. */
#define MAX_PASSWORD_FILE_SIZE 4096

/* The Secret Service finds items by schema and attributes: "target" alone
 * names a password; "url" and "user" tell a person in Seahorse what it is. */
static const SecretSchema *
get_target_schema (void)
{
  static const SecretSchema schema = {
    "org.liaisonapp.Liaison.Target", SECRET_SCHEMA_NONE,
    {
      { "target", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

gboolean
lia_credentials_store (const char    *target_name,
                       const char    *url,
                       const char    *username,
                       const char    *password,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (target_name != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* libsecret refuses NULL values: an attribute that has none is left out. */
  attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (attributes, (char *)"target", (char *)target_name);
  if (url != NULL)
    g_hash_table_insert (attributes, (char *)"url", (char *)url);
  if (username != NULL)
    g_hash_table_insert (attributes, (char *)"user", (char *)username);

  /* One password per target: the one stored before (perhaps under another
   * URL or user, which are part of the item's attributes) goes first. */
  if (!lia_credentials_clear (target_name, cancellable, error))
    return FALSE;

  /* TRANSLATORS: the name of a password in the keyring (Seahorse);
   * %s is a publish target's name. */
  label = g_strdup_printf (_("Liaison: %s"), target_name);

  return secret_password_storev_sync (get_target_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                                      label, password, cancellable, error);
}

char *
lia_credentials_lookup (const char    *target_name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (target_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return secret_password_lookup_sync (get_target_schema (), cancellable, error,
                                      "target", target_name,
                                      NULL);
}

char *
lia_credentials_lookup_unattended (const char    *target_name,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;
  GList *items;
  char *password = NULL;
  gboolean locked = FALSE;

  g_return_val_if_fail (target_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, cancellable, error)))
    return NULL;

  attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (attributes, (char *)"target", (char *)target_name);

  /* Neither SECRET_SEARCH_UNLOCK nor SECRET_SEARCH_LOAD_SECRETS: either
   * would put a prompt to unlock on a screen nobody looks at. A locked
   * item is skipped; an unlocked one's secret is read by itself. */
  items = secret_service_search_sync (service, get_target_schema (), attributes, SECRET_SEARCH_ALL,
                                      cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (GList *l = items; l != NULL && password == NULL && local_error == NULL; l = l->next)
    {
      SecretItem *item = l->data;
      g_autoptr(SecretValue) value = NULL;

      if (secret_item_get_locked (item))
        {
          locked = TRUE;
          continue;
        }
      if (secret_item_load_secret_sync (item, cancellable, &local_error) &&
          (value = secret_item_get_secret (item)) != NULL && secret_value_get_text (value) != NULL)
        password = g_strdup (secret_value_get_text (value));
    }
  g_list_free_full (items, g_object_unref);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (password == NULL && locked)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("The password of “%s” is in a locked keyring: unlock it (log in to the desktop), or give it with --password-file FILE."),
                 target_name);

  return password;
}

gboolean
lia_credentials_clear (const char    *target_name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (target_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* FALSE without an error only says there was nothing to remove. */
  secret_password_clear_sync (get_target_schema (), cancellable, &local_error,
                              "target", target_name,
                              NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_password_file_error (GError     **error,
                         const char  *format,
                         const char  *path,
                         ...) G_GNUC_PRINTF (2, 4);

/* Every refusal names the file and says how to fix it. */
static gboolean
set_password_file_error (GError     **error,
                         const char  *format,
                         const char  *path,
                         ...)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, path);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, LIA_PUBLISH_ERROR, LIA_PUBLISH_ERROR_PASSWORD_FILE,
               "‘%s’: %s", display, message);

  return FALSE;
}

/* The file as a shell word, for the command a message suggests. */
static char *
quote_path (const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (strpbrk (display, " \t'\"\\$`!*?;&|<>()[]{}#~") == NULL)
    return g_steal_pointer (&display);

  return g_shell_quote (display);
}

/* Checks what the descriptor @fd of @path is, after it was opened: a check
 * of the name before opening could be raced by a rename. */
static gboolean
check_password_file (int          fd,
                     const char  *path,
                     GError     **error)
{
  struct stat st;

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      return set_password_file_error (error, _("cannot be read (%s)."), path, g_strerror (saved_errno));
    }

  if (!S_ISREG (st.st_mode))
    return set_password_file_error (error, _("is not a regular file: name a file that holds the password on its first line."), path);

  if (st.st_uid != getuid ())
    {
      g_autofree char *quoted = quote_path (path);

      /* TRANSLATORS: the second %s is a user name, the third the file. */
      return set_password_file_error (error,
                                      _("belongs to another user: a password file must be this user’s own (chown %s %s, then chmod 600)."),
                                      path, g_get_user_name (), quoted);
    }

  if ((st.st_mode & 077) != 0)
    {
      g_autofree char *quoted = quote_path (path);

      /* TRANSLATORS: %03o is the file's mode in octal (644), %s the file. */
      return set_password_file_error (error,
                                      _("may be read by others (mode %03o), so it is not used: make it yours alone with ‘chmod 600 %s’."),
                                      path, (guint)(st.st_mode & 0777), quoted);
    }

  if (st.st_size > MAX_PASSWORD_FILE_SIZE)
    return set_password_file_error (error, _("is too large for a password file: it should hold the password alone."), path);

  return TRUE;
}

char *
lia_credentials_read_file (const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  char buffer[MAX_PASSWORD_FILE_SIZE + 1];
  gsize length = 0;
  gsize line_length;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* O_NOFOLLOW: the mode and owner checked are the file's own, not those
   * of a link that anyone may point elsewhere. O_NONBLOCK: a FIFO by that
   * name does not hang a nightly job; fstat then refuses it. */
  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ELOOP)
        set_password_file_error (error, _("is a symbolic link: name the password file itself."), path);
      else
        set_password_file_error (error, _("cannot be opened (%s)."), path, g_strerror (saved_errno));
      return NULL;
    }

  if (!check_password_file (fd, path, error))
    {
      close (fd);
      return NULL;
    }

  while (length < sizeof buffer)
    {
      gssize n = read (fd, buffer + length, sizeof buffer - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          explicit_bzero (buffer, sizeof buffer);
          close (fd);
          set_password_file_error (error, _("cannot be read (%s)."), path, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);

  /* The first line, without "\n" or "\r\n": editors add one. */
  line_length = length;
  for (gsize i = 0; i < length; i++)
    if (buffer[i] == '\r' || buffer[i] == '\n' || buffer[i] == '\0')
      {
        line_length = i;
        break;
      }

  if (line_length == 0)
    {
      explicit_bzero (buffer, sizeof buffer);
      set_password_file_error (error, _("has no password on its first line."), path);
      return NULL;
    }

  contents = g_strndup (buffer, line_length);
  explicit_bzero (buffer, sizeof buffer);

  if (!g_utf8_validate (contents, -1, NULL))
    {
      explicit_bzero (contents, line_length);
      set_password_file_error (error, _("does not hold text (UTF-8) on its first line."), path);
      return NULL;
    }

  return g_steal_pointer (&contents);
}
