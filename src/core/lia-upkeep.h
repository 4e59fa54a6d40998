/* lia-upkeep.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Today page's actions do to the store, and the update-request
 * e-mail. Every write is one transaction and emits the store's "changed"
 * like any save, so open pages follow.
 */
#pragma once

#include <glib-object.h>

#include "lia-store.h"

G_BEGIN_DECLS

/* The e-mail that asks a partner to confirm or correct what the library
 * has on file for them. */
typedef struct
{
  char *to;       /* the primary contact's address, else the partner's, else NULL */
  char *to_name;  /* the primary contact's name, or NULL */
  char *subject;
  char *body;     /* plain text, lines end in "\n" */
} LiaUpdateRequest;

/* @today: the day "upcoming" counts from; @library_name and @sender may be
 * NULL or "" (the e-mail then leaves them out). Lists the partner's details,
 * current contacts, services, upcoming events and active expectations on
 * either side. NOT_FOUND for a missing or trashed partner. */
LiaUpdateRequest *lia_update_request_compose   (LiaStore                *store,
                                                gint64                   partner_id,
                                                const GDate             *today,
                                                const char              *library_name,
                                                const char              *sender,
                                                GError                 **error);
void              lia_update_request_free      (LiaUpdateRequest        *request);
/* A mailto: URI (RFC 6068) with the subject and body; "mailto:?..." when
 * there is no address, so the mail program asks for one. */
char             *lia_update_request_to_uri    (const LiaUpdateRequest  *request);

/* Logs the request as an update-request interaction (now, with the primary
 * contact when there is one, by @staff, which may be NULL); the partner then
 * shows "update requested on …" until an interaction confirms the
 * information. Sets *interaction_id when not NULL. */
gboolean          lia_upkeep_log_update_request (LiaStore               *store,
                                                 gint64                  partner_id,
                                                 const char             *staff,
                                                 gint64                 *interaction_id,
                                                 GError                **error);

/* info-verified-at = now. */
gboolean          lia_upkeep_mark_verified      (LiaStore               *store,
                                                 gint64                  partner_id,
                                                 GError                **error);

/* follow-up-done-at = now. */
gboolean          lia_upkeep_mark_follow_up_done (LiaStore              *store,
                                                  gint64                 interaction_id,
                                                  GError               **error);

/* Met: logs a note ("Met: WHAT") linked to the expectation on @day, which
 * meets it as lia_store_save_interaction() does. Missed: a recurring
 * expectation's next-due-on moves on by its cadence from the missed due day
 * (status stays active), a one-time one becomes 'missed'; a note ("Missed:
 * WHAT, due DAY") is logged, not linked. Sets *interaction_id to the note
 * when not NULL. CONSTRAINT when the expectation is not active. */
gboolean          lia_upkeep_mark_expectation   (LiaStore               *store,
                                                 gint64                  expectation_id,
                                                 gboolean                met,
                                                 const GDate            *day,
                                                 gint64                 *interaction_id,
                                                 GError                **error);

/* The next term: starts the day after ends-on and lasts as long as the
 * current term (starts-on to ends-on), or a year when there is no
 * starts-on. CONSTRAINT when the agreement has no end day. */
gboolean          lia_upkeep_renew_agreement    (LiaStore               *store,
                                                 gint64                  agreement_id,
                                                 GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaUpdateRequest, lia_update_request_free)

G_END_DECLS
