/* lia-formats-private.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of formats/ share and nobody else uses.
 */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

GArray *_lia_formats_select_event_ids (LiaStore             *store,
                                       const LiaEventQuery  *query,
                                       gboolean              skip_drafts,
                                       GError              **error);
GArray *_lia_formats_select_override_ids (LiaStore          *store,
                                          gint64             series_id,
                                          GError           **error);

G_END_DECLS
