/* lia-publish-private.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Publish page and the conflict dialog hand to a worker thread:
 * the database file (the worker opens its own store), a copy of the
 * target, the library's settings and the password.
 */
#pragma once

#include "lia-publish-job.h"
#include "lia-store.h"
#include "lia-target.h"

G_BEGIN_DECLS

typedef struct
{
  char      *database_path;
  LiaTarget *target;
  char      *library_name;
  char      *time_zone;
  char      *password;   /* typed, or looked up on the worker; NULL: none */
} LiaPublishWork;

/* On the main thread: reads the settings. */
LiaPublishWork *_lia_publish_work_new           (LiaStore          *store,
                                                 const LiaTarget   *target);
void            _lia_publish_work_free          (gpointer           data);
/* On the worker. */
LiaStore       *_lia_publish_work_open_store    (LiaPublishWork    *work,
                                                 GError           **error);
/* Looks the password up in the keyring when the target signs in and none
 * was typed; a keyring that cannot be reached counts as none. */
void            _lia_publish_work_find_password (LiaPublishWork    *work,
                                                 GCancellable      *cancellable);
void            _lia_publish_work_init_options  (LiaPublishWork    *work,
                                                 LiaPublishOptions *options);

G_END_DECLS
