/* lia-partner-private.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-partner.h"

G_BEGIN_DECLS

/* The store sets what it computes from a partner's history when it loads one. */
void _lia_partner_set_computed (LiaPartner *self,
                                gint64      last_contact_at,
                                const char *next_due_on,
                                gint64      update_requested_at);

G_END_DECLS
