/* lia-expectation.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_EXPECTATION (lia_expectation_get_type ())

G_DECLARE_FINAL_TYPE (LiaExpectation, lia_expectation, LIA, EXPECTATION, GObject)

/* Something promised, by the partner or by the library: either every
 * cadence-days days, or once by due-on. agreement-id and cadence-days are 0
 * for none; dates are 'YYYY-MM-DD' or NULL. */

LiaExpectation      *lia_expectation_new              (void);
gint64               lia_expectation_get_id           (LiaExpectation *self);
void                 lia_expectation_set_id           (LiaExpectation *self,
                                                       gint64          id);
gint64               lia_expectation_get_partner_id   (LiaExpectation *self);
void                 lia_expectation_set_partner_id   (LiaExpectation *self,
                                                       gint64          partner_id);
gint64               lia_expectation_get_agreement_id (LiaExpectation *self);
void                 lia_expectation_set_agreement_id (LiaExpectation *self,
                                                       gint64          agreement_id);
LiaDirection         lia_expectation_get_direction    (LiaExpectation *self);
void                 lia_expectation_set_direction    (LiaExpectation *self,
                                                       LiaDirection    direction);
const char          *lia_expectation_get_what         (LiaExpectation *self);
void                 lia_expectation_set_what         (LiaExpectation *self,
                                                       const char     *what);
int                  lia_expectation_get_cadence_days (LiaExpectation *self);
void                 lia_expectation_set_cadence_days (LiaExpectation *self,
                                                       int             cadence_days);
const char          *lia_expectation_get_due_on       (LiaExpectation *self);
void                 lia_expectation_set_due_on       (LiaExpectation *self,
                                                       const char     *due_on);
LiaExpectationStatus lia_expectation_get_status       (LiaExpectation *self);
void                 lia_expectation_set_status       (LiaExpectation       *self,
                                                       LiaExpectationStatus  status);
const char          *lia_expectation_get_last_met_on  (LiaExpectation *self);
void                 lia_expectation_set_last_met_on  (LiaExpectation *self,
                                                       const char     *last_met_on);
const char          *lia_expectation_get_next_due_on  (LiaExpectation *self);
void                 lia_expectation_set_next_due_on  (LiaExpectation *self,
                                                       const char     *next_due_on);
gint64               lia_expectation_get_created_at   (LiaExpectation *self);
void                 lia_expectation_set_created_at   (LiaExpectation *self,
                                                       gint64          created_at);
gint64               lia_expectation_get_updated_at   (LiaExpectation *self);
void                 lia_expectation_set_updated_at   (LiaExpectation *self,
                                                       gint64          updated_at);
gint64               lia_expectation_get_deleted_at   (LiaExpectation *self);
void                 lia_expectation_set_deleted_at   (LiaExpectation *self,
                                                       gint64          deleted_at);

G_END_DECLS
