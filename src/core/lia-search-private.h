/* lia-search-private.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-search.h"

G_BEGIN_DECLS

/* The rowid of search_index is id * 4 + kind (0001-initial.sql). */
#define LIA_SEARCH_KIND_PARTNER     0
#define LIA_SEARCH_KIND_CONTACT     1
#define LIA_SEARCH_KIND_INTERACTION 2
#define LIA_SEARCH_KIND_EVENT       3

/* Turns what the user typed into an FTS5 MATCH expression that cannot be a
 * syntax error: each word a double-quoted string (quotes doubled) with a
 * trailing '*' for a prefix match. Returns NULL when @text holds no word. */
char *_lia_search_build_match (const char *text);

G_END_DECLS
