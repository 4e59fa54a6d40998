/* lia-validate.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks shared by the store, the importer and the editors. Pure functions:
 * nothing here touches the database.
 */
#pragma once

#include <gio/gio.h>

#include "lia-agreement.h"
#include "lia-contact.h"
#include "lia-expectation.h"
#include "lia-interaction.h"
#include "lia-partner.h"

G_BEGIN_DECLS

#define LIA_VALIDATE_ERROR (lia_validate_error_quark ())

typedef enum
{
  LIA_VALIDATE_ERROR_REQUIRED,        /* a name, title, summary... is empty */
  LIA_VALIDATE_ERROR_EMAIL,           /* an e-mail address does not look right */
  LIA_VALIDATE_ERROR_URL,             /* not an http(s) address with a host */
  LIA_VALIDATE_ERROR_PHONE,           /* not a phone number */
  LIA_VALIDATE_ERROR_DATE,            /* not a real YYYY-MM-DD day */
  LIA_VALIDATE_ERROR_DATE_ORDER,      /* an end before its start */
  LIA_VALIDATE_ERROR_CADENCE,         /* a cadence below one day */
  LIA_VALIDATE_ERROR_INVALID_VALUE,   /* a kind, status... that does not exist */
  LIA_VALIDATE_ERROR_NO_PARTNER,      /* a record not attached to a partner */
  LIA_VALIDATE_ERROR_NO_DUE,          /* an expectation with neither cadence nor due date */
  LIA_VALIDATE_ERROR_TAG,             /* an empty tag */
} LiaValidateError;

GQuark   lia_validate_error_quark (void);

gboolean lia_validate_email       (const char      *text);
gboolean lia_validate_url         (const char      *text);
gboolean lia_validate_phone       (const char      *text);
gboolean lia_validate_date        (const char      *text);
/* NULL, empty or only ASCII white space: what every form treats as "not
 * given". */
gboolean lia_text_is_blank        (const char      *text);

/* For duplicate matching: casefolded, accents and punctuation dropped,
 * "the", "inc", "ltd" dropped, spaces collapsed. */
char    *lia_normalize_name       (const char      *name);
/* For sorting lists by name: casefolded, accents dropped, outer spaces
 * trimmed; words and punctuation kept ("The Arts Council" sorts under T). */
char    *lia_sort_key_for_name    (const char      *name);
/* "https://www.foodbank.org/x" -> "foodbank.org"; NULL when there is no host. */
char    *lia_url_domain           (const char      *url);

/* Empty optional fields (e-mail, website, phone, dates) are fine; the
 * error names the field and says what is wrong. */
gboolean lia_partner_validate     (LiaPartner      *partner,
                                   GError         **error);
gboolean lia_contact_validate     (LiaContact      *contact,
                                   GError         **error);
gboolean lia_agreement_validate   (LiaAgreement    *agreement,
                                   GError         **error);
gboolean lia_expectation_validate (LiaExpectation  *expectation,
                                   GError         **error);
gboolean lia_interaction_validate (LiaInteraction  *interaction,
                                   GError         **error);

G_END_DECLS
