/* lia-test-png.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A logo as the editors store one: a PNG of @width x @height pixels (a
 * disc and a bar on transparency), made with cairo. */
GBytes *lia_test_make_logo_png (int width,
                                int height);

G_END_DECLS
