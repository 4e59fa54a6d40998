/* lia-credentials.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Target passwords: in the Secret Service (libsecret), or, on a machine
 * without one (a nightly job on a server), in a file only its owner can
 * read. Never in the database, GSettings or a log.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Stores @password for the target named @target_name at @url as @username
 * (replacing any). Blocking; G_IO_ERROR_NOT_SUPPORTED-like errors from
 * libsecret when no Secret Service runs. */
gboolean  lia_credentials_store       (const char    *target_name,
                                       const char    *url,
                                       const char    *username,
                                       const char    *password,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* NULL without error when there is none stored. */
char     *lia_credentials_lookup      (const char    *target_name,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* As lia_credentials_lookup(), but never asks to unlock the keyring: a job
 * nobody watches must not wait on a dialog. A password kept in a locked
 * keyring is G_IO_ERROR_PERMISSION_DENIED, with a message that says so. */
char     *lia_credentials_lookup_unattended (const char    *target_name,
                                             GCancellable  *cancellable,
                                             GError       **error);
gboolean  lia_credentials_clear       (const char    *target_name,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* The first line of @path, without its line ending. Refused
 * (LIA_PUBLISH_ERROR_PASSWORD_FILE) unless it is a regular file owned by
 * this user that nobody else may read or write (mode 0600 or 0400). */
char     *lia_credentials_read_file   (const char    *path,
                                       GError       **error);

G_END_DECLS
