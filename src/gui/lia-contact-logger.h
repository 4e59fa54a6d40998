/* lia-contact-logger.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-interaction.h"
#include "lia-partner.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTACT_LOGGER (lia_contact_logger_get_type ())

G_DECLARE_FINAL_TYPE (LiaContactLogger, lia_contact_logger, LIA, CONTACT_LOGGER, AdwWindow)

/* "Log a Contact" with @partner: emits "saved" (the LiaInteraction) and
 * closes. */
LiaContactLogger *lia_contact_logger_new       (GtkWindow        *parent,
                                                LiaStore         *store,
                                                LiaPartner       *partner);
/* "Edit Contact Entry": corrects @interaction, or moves it to the trash. */
LiaContactLogger *lia_contact_logger_new_for_interaction (GtkWindow      *parent,
                                                          LiaStore       *store,
                                                          LiaInteraction *interaction);
gboolean          lia_contact_logger_get_valid (LiaContactLogger *self);
void              lia_contact_logger_set_confirms_info (LiaContactLogger *self,
                                                        gboolean          confirms_info);
gboolean          lia_contact_logger_save      (LiaContactLogger *self,
                                                GError          **error);

G_END_DECLS
