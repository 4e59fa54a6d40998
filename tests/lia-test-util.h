/* lia-test-util.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the tests: temporary folders, file checksums and
 * waiting on the main loop.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*LiaTestCondition) (gpointer data);

char    *lia_test_make_temp_dir (const char       *name);
void     lia_test_remove_tree   (const char       *path);
char    *lia_test_checksum_file (const char       *path);
guint    lia_test_count_files   (const char       *dir);
void     lia_test_iterate_until (LiaTestCondition  condition,
                                 gpointer          data,
                                 const char       *what);
gboolean lia_test_is_null       (gpointer          data);
guint16  lia_test_find_free_port (void);

/* For every statement still prepared on @handle (a sqlite3 *) whose SQL
 * begins with @prefix, checks that its plan reads each table through a
 * covering index, never table rows (lines naming @except, if not NULL,
 * are left out); fails the test otherwise. Returns how many statements
 * it checked. */
guint    lia_test_check_plans_covering (gpointer     handle,
                                        const char  *prefix,
                                        const char  *except);

/* A program run while the test's main loop turns, so servers in the test's
 * own process can answer it. Its output waits in pipes: keep it small. */
typedef struct _LiaTestChild LiaTestChild;

LiaTestChild *lia_test_child_spawn   (const char * const *argv,
                                      const char * const *envp);
GPid          lia_test_child_get_pid (LiaTestChild       *child);
int           lia_test_child_wait    (LiaTestChild       *child,
                                      char              **out,
                                      char              **err);

/* Runs the built `liaison` (LIAISON_BIN) with @args (NULL-terminated),
 * away from any session bus, and returns its exit status; @out and @err
 * (may be NULL) get what it printed. */
int           lia_test_run_liaison   (const char * const *args,
                                      char              **out,
                                      char              **err);

G_END_DECLS
