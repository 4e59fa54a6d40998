/* lia-search-private.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-search.h"

G_BEGIN_DECLS

/* Turns what the user typed into an FTS5 MATCH expression that cannot be a
 * syntax error: each word a double-quoted string (quotes doubled) with a
 * trailing '*' for a prefix match. Returns NULL when @text holds no word. */
char *_lia_search_build_match (const char *text);

G_END_DECLS
