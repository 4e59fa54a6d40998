/* lia-time-format.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long ago @then (Unix seconds) was, in calendar days of @now's time
 * zone: "Today", "Yesterday", "5 days ago", "3 weeks ago", "2 months ago",
 * "1 year ago"; days to come read "Tomorrow", "In 4 days", ... */
char *lia_format_relative_time (gint64      then,
                                GDateTime  *now);
/* The same for a calendar day 'YYYY-MM-DD'; NULL when @day is not one. */
char *lia_format_relative_day  (const char *day,
                                GDateTime  *now);
/* A day for people: "12 March 2026" (in the local time zone for @then). */
char *lia_format_day           (gint64      then);
char *lia_format_iso_day       (const char *day);

G_END_DECLS
