/* lia-interaction.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_INTERACTION (lia_interaction_get_type ())

G_DECLARE_FINAL_TYPE (LiaInteraction, lia_interaction, LIA, INTERACTION, GObject)

/* One entry of a partner's contact history. contact-id and expectation-id
 * are 0 for none; contact-name keeps the person's name for the history;
 * confirms-info and expectation-id have effects the store applies on save. */

LiaInteraction    *lia_interaction_new                   (void);
gint64             lia_interaction_get_id                (LiaInteraction *self);
void               lia_interaction_set_id                (LiaInteraction *self,
                                                          gint64          id);
gint64             lia_interaction_get_partner_id        (LiaInteraction *self);
void               lia_interaction_set_partner_id        (LiaInteraction *self,
                                                          gint64          partner_id);
gint64             lia_interaction_get_contact_id        (LiaInteraction *self);
void               lia_interaction_set_contact_id        (LiaInteraction *self,
                                                          gint64          contact_id);
const char        *lia_interaction_get_contact_name      (LiaInteraction *self);
void               lia_interaction_set_contact_name      (LiaInteraction *self,
                                                          const char     *contact_name);
const char        *lia_interaction_get_staff             (LiaInteraction *self);
void               lia_interaction_set_staff             (LiaInteraction *self,
                                                          const char     *staff);
LiaInteractionKind lia_interaction_get_kind              (LiaInteraction *self);
void               lia_interaction_set_kind              (LiaInteraction     *self,
                                                          LiaInteractionKind  kind);
gint64             lia_interaction_get_occurred_at       (LiaInteraction *self);
void               lia_interaction_set_occurred_at       (LiaInteraction *self,
                                                          gint64          occurred_at);
const char        *lia_interaction_get_summary           (LiaInteraction *self);
void               lia_interaction_set_summary           (LiaInteraction *self,
                                                          const char     *summary);
const char        *lia_interaction_get_outcome           (LiaInteraction *self);
void               lia_interaction_set_outcome           (LiaInteraction *self,
                                                          const char     *outcome);
const char        *lia_interaction_get_follow_up_on      (LiaInteraction *self);
void               lia_interaction_set_follow_up_on      (LiaInteraction *self,
                                                          const char     *follow_up_on);
gint64             lia_interaction_get_follow_up_done_at (LiaInteraction *self);
void               lia_interaction_set_follow_up_done_at (LiaInteraction *self,
                                                          gint64          follow_up_done_at);
gboolean           lia_interaction_get_confirms_info     (LiaInteraction *self);
void               lia_interaction_set_confirms_info     (LiaInteraction *self,
                                                          gboolean        confirms_info);
gint64             lia_interaction_get_expectation_id    (LiaInteraction *self);
void               lia_interaction_set_expectation_id    (LiaInteraction *self,
                                                          gint64          expectation_id);
gint64             lia_interaction_get_created_at        (LiaInteraction *self);
void               lia_interaction_set_created_at        (LiaInteraction *self,
                                                          gint64          created_at);
gint64             lia_interaction_get_updated_at        (LiaInteraction *self);
void               lia_interaction_set_updated_at        (LiaInteraction *self,
                                                          gint64          updated_at);
gint64             lia_interaction_get_deleted_at        (LiaInteraction *self);
void               lia_interaction_set_deleted_at        (LiaInteraction *self,
                                                          gint64          deleted_at);

G_END_DECLS
