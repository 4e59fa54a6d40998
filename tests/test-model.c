/* test-model.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model objects, their enumerations and the validation rules, without
 * a database.
 */

#include "config.h"

#include <string.h>

#include "lia-agreement.h"
#include "lia-contact.h"
#include "lia-enums.h"
#include "lia-expectation.h"
#include "lia-interaction.h"
#include "lia-partner.h"
#include "lia-validate.h"

#define DAY 86400

static GType
get_enum_type (guint i)
{
  GType types[] = {
    LIA_TYPE_PARTNER_KIND, LIA_TYPE_PARTNER_STATUS, LIA_TYPE_UPKEEP_MODE,
    LIA_TYPE_PROMOTION_TIER, LIA_TYPE_CONTACT_METHOD, LIA_TYPE_AGREEMENT_KIND,
    LIA_TYPE_AGREEMENT_STATUS, LIA_TYPE_DIRECTION, LIA_TYPE_EXPECTATION_STATUS,
    LIA_TYPE_INTERACTION_KIND, G_TYPE_INVALID,
  };

  g_assert_cmpuint (i, <, G_N_ELEMENTS (types));

  return types[i];
}

static void
test_enums_round_trip (void)
{
  for (guint i = 0; get_enum_type (i) != G_TYPE_INVALID; i++)
    {
      GType type = get_enum_type (i);
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);

      g_assert_cmpuint (klass->n_values, >=, 2);

      for (guint j = 0; j < klass->n_values; j++)
        {
          const GEnumValue *value = &klass->values[j];
          const char *nick = lia_enum_to_nick (type, value->value);

          g_assert_nonnull (lia_enum_to_label (type, value->value));

          if (type == LIA_TYPE_CONTACT_METHOD && value->value == LIA_CONTACT_METHOD_NONE)
            {
              g_assert_null (nick);
              g_assert_cmpint (lia_enum_from_nick (type, NULL), ==, LIA_CONTACT_METHOD_NONE);
              continue;
            }

          g_assert_cmpstr (nick, ==, value->value_nick);
          g_assert_cmpint (lia_enum_from_nick (type, nick), ==, value->value);
        }

      g_assert_cmpint (lia_enum_from_nick (type, "no-such-value"), ==, -1);
      g_assert_null (lia_enum_to_nick (type, 42));
      g_assert_null (lia_enum_to_label (type, 42));
    }

  /* The texts of 0001-initial.sql, where they differ from the C names. */
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_PROMOTION_TIER, LIA_PROMOTION_TIER_LISTED_ONLY), ==, "listed-only");
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_CONTACT_METHOD, LIA_CONTACT_METHOD_IN_PERSON), ==, "in-person");
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_AGREEMENT_KIND, LIA_AGREEMENT_KIND_MOU), ==, "mou");
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_INTERACTION_KIND, LIA_INTERACTION_KIND_UPDATE_REQUEST), ==, "update-request");
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_UPKEEP_MODE, LIA_UPKEEP_MODE_PARTNER_SENDS), ==, "partner-sends");
  g_assert_cmpint (lia_enum_from_nick (LIA_TYPE_CONTACT_METHOD, "none"), ==, -1);
  g_assert_cmpint (lia_enum_from_nick (LIA_TYPE_PARTNER_KIND, NULL), ==, -1);

  g_assert_cmpstr (lia_enum_to_label (LIA_TYPE_PARTNER_KIND, LIA_PARTNER_KIND_NONPROFIT), ==, "Nonprofit");
  g_assert_cmpstr (lia_enum_to_label (LIA_TYPE_UPKEEP_MODE, LIA_UPKEEP_MODE_LIBRARY_ASKS), ==, "Library asks");
}

static void
test_channels_round_trip (void)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (LIA_TYPE_CHANNELS);
  guint all = 0;

  for (guint j = 0; j < klass->n_values; j++)
    {
      const GFlagsValue *value = &klass->values[j];

      g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_CHANNELS, value->value), ==, value->value_nick);
      g_assert_cmpint (lia_enum_from_nick (LIA_TYPE_CHANNELS, value->value_nick), ==, (int)value->value);
      g_assert_nonnull (lia_enum_to_label (LIA_TYPE_CHANNELS, value->value));
      all |= value->value;
    }

  /* The schema's CHECK (channels BETWEEN 0 AND 31). */
  g_assert_cmpuint (all, ==, 31);
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_CHANNELS, LIA_CHANNEL_PRINT_BULLETIN), ==, "print-bulletin");
}

static void
test_validate_email (void)
{
  const char *good[] = { "ana@foodbank.org", "a.b+c@sub.example.co.uk", "x@xn--bcher-kva.de" };
  const char *bad[] = { "", "ana", "ana@", "@foodbank.org", "ana@foodbank", "ana @foodbank.org",
                        "ana@@foodbank.org", "ana@foodbank..org", "ana@-foodbank.org", "ana@foodbank.o",
                        "ana.@foodbank.org", "ana@foodbank.org>" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (lia_validate_email (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (lia_validate_email (bad[i]))
      g_error ("“%s” passed as an e-mail address", bad[i]);
  g_assert_false (lia_validate_email (NULL));
}

static void
test_validate_url (void)
{
  const char *good[] = { "https://www.foodbank.org/x", "http://foodbank.org", "https://FoodBank.org:8443/a?b=c#d",
                         "http://localhost:8080/", "http://127.0.0.1/feed" };
  const char *bad[] = { "", "foodbank.org", "www.foodbank.org", "ftp://foodbank.org", "https://",
                        "https:// foodbank.org", "javascript:alert(1)", "mailto:ana@foodbank.org",
                        "https://foodbank" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!lia_validate_url (good[i]))
      g_error ("“%s” failed as a website", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (lia_validate_url (bad[i]))
      g_error ("“%s” passed as a website", bad[i]);
  g_assert_false (lia_validate_url (NULL));
}

static void
test_validate_phone (void)
{
  const char *good[] = { "(555) 123-4567", "+1 555.123.4567 ext 89", "555-1234", "+44 20 7946 0958",
                         "555 123 4567 x12", "12345678901234567890" };
  const char *bad[] = { "", "123", "555-123", "555-CALL-NOW", "123456789012345678901", "555 123 4567 #2" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!lia_validate_phone (good[i]))
      g_error ("“%s” failed as a phone number", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (lia_validate_phone (bad[i]))
      g_error ("“%s” passed as a phone number", bad[i]);
}

static void
test_validate_date (void)
{
  const char *good[] = { "2026-02-28", "2024-02-29", "2026-12-31", "1999-01-01" };
  const char *bad[] = { "", "2026-02-30", "2025-02-29", "2026-2-3", "2026-13-01", "2026-00-10",
                        "20260101", "2026/01/01", "2026-01-01T10:00", "0000-01-01", "2026-01-32" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (lia_validate_date (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (lia_validate_date (bad[i]))
      g_error ("“%s” passed as a day", bad[i]);
  g_assert_false (lia_validate_date (NULL));
}

static void
test_normalize_name (void)
{
  struct { const char *name; const char *normal; } cases[] = {
    { "The Riverside Food-Bank, Inc.", "riverside food bank" },
    { "riverside food bank", "riverside food bank" },
    { "  Café   Société  Ltd ", "cafe societe" },
    { "St. Mary’s Church", "st marys church" },
    { "St Marys Church", "st marys church" },
    { "ÉCOLE Élémentaire", "ecole elementaire" },
    { "Theatre Club", "theatre club" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = lia_normalize_name (cases[i].name);

      g_assert_cmpstr (normal, ==, cases[i].normal);
    }
}

/* Unlike duplicate matching, sorting keeps "The" and punctuation. */
static void
test_sort_key_for_name (void)
{
  struct { const char *name; const char *key; } cases[] = {
    { "École des Érables", "ecole des erables" },
    { "  ÉCOUTE Jeunesse ", "ecoute jeunesse" },
    { "The Arts Council", "the arts council" },
    { "St. Mary’s Church", "st. mary’s church" },
    { "Straße", "strasse" },
    { "eagle scouts", "eagle scouts" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = lia_sort_key_for_name (cases[i].name);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_url_domain (void)
{
  struct { const char *url; const char *domain; } cases[] = {
    { "https://www.foodbank.org/x", "foodbank.org" },
    { "http://FoodBank.org", "foodbank.org" },
    { "foodbank.org/about", "foodbank.org" },
    { "www.foodbank.org", "foodbank.org" },
    { "https://events.foodbank.org:8443/", "events.foodbank.org" },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *domain = lia_url_domain (cases[i].url);

      g_assert_cmpstr (domain, ==, cases[i].domain);
    }
}

static LiaPartner *
make_valid_partner (void)
{
  LiaPartner *partner = lia_partner_new ();

  lia_partner_set_name (partner, "Riverside Food Bank");
  g_object_set (partner,
                "email", "hello@riversidefood.org",
                "website", "https://riversidefood.org",
                "phone", "(555) 123-4567",
                NULL);

  return partner;
}

static void
assert_partner_invalid (LiaPartner *partner,
                        int         code,
                        const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lia_partner_validate (partner, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validate_partner (void)
{
  g_autoptr(GError) error = NULL;
  const char *blank_tags[] = { "food", " ", NULL };

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    g_assert_true (lia_partner_validate (partner, &error));
    g_assert_no_error (error);

    /* Optional fields may stay empty. */
    g_object_set (partner, "email", "", "website", NULL, "phone", "", NULL);
    g_assert_true (lia_partner_validate (partner, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    lia_partner_set_name (partner, "   ");
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_REQUIRED, "A partner needs a name.");
    lia_partner_set_name (partner, NULL);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_REQUIRED, "A partner needs a name.");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    g_object_set (partner, "email", "hello@riverside", NULL);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_EMAIL,
                            "The e-mail address “hello@riverside” does not look right. Write it as name@example.org.");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    g_object_set (partner, "website", "riversidefood.org", NULL);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_URL,
                            "The website “riversidefood.org” does not look right. Write the whole address, starting with https://.");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    g_object_set (partner, "phone", "555-CALL", NULL);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_PHONE,
                            "The phone number “555-CALL” does not look right. Use 7 to 20 digits, with spaces, + - ( ) . or “ext” if needed.");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    g_object_set (partner, "cadence-days", 0, NULL);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_CADENCE,
                            "The update cadence must be at least one day (it is 0).");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    lia_partner_set_kind (partner, 42);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_INVALID_VALUE,
                            "The partner’s kind (42) is not one Liaison knows. Choose one from the list.");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    lia_partner_set_status (partner, -1);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_INVALID_VALUE,
                            "The partner’s status (-1) is not one Liaison knows. Choose one from the list.");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    lia_partner_set_upkeep_mode (partner, 7);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_INVALID_VALUE,
                            "The partner’s upkeep mode (7) is not one Liaison knows. Choose one from the list.");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    lia_partner_set_promotion_tier (partner, 9);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_INVALID_VALUE,
                            "The partner’s promotion tier (9) is not one Liaison knows. Choose one from the list.");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    lia_partner_set_channels (partner, 64);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_INVALID_VALUE,
                            "The partner’s channels (64) include one Liaison does not know. Choose them from the list.");
  }

  {
    g_autoptr(LiaPartner) partner = make_valid_partner ();

    lia_partner_set_tags (partner, blank_tags);
    assert_partner_invalid (partner, LIA_VALIDATE_ERROR_TAG,
                            "A tag cannot be empty. Remove it or give it a word.");
  }
}

static void
test_validate_contact (void)
{
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;

  lia_contact_set_name (contact, "Ana Díaz");
  g_assert_false (lia_contact_validate (contact, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_NO_PARTNER);
  g_assert_cmpstr (error->message, ==, "A contact must belong to a partner. Choose the partner first.");
  g_clear_error (&error);

  lia_contact_set_partner_id (contact, 1);
  g_assert_true (lia_contact_validate (contact, &error));
  g_assert_no_error (error);

  lia_contact_set_name (contact, "");
  g_assert_false (lia_contact_validate (contact, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "A contact needs a name.");
  g_clear_error (&error);
  lia_contact_set_name (contact, "Ana Díaz");

  g_object_set (contact, "email", "ana.at.riverside", NULL);
  g_assert_false (lia_contact_validate (contact, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_EMAIL);
  g_assert_nonnull (strstr (error->message, "“ana.at.riverside”"));
  g_clear_error (&error);
  g_object_set (contact, "email", "ana@riversidefood.org", NULL);

  g_object_set (contact, "phone", "12", NULL);
  g_assert_false (lia_contact_validate (contact, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_PHONE);
  g_clear_error (&error);
  g_object_set (contact, "phone", NULL, NULL);

  lia_contact_set_preferred_method (contact, 17);
  g_assert_false (lia_contact_validate (contact, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "The preferred way to reach Ana Díaz (17) is not one Liaison knows. Choose one from the list.");
  g_clear_error (&error);

  lia_contact_set_preferred_method (contact, LIA_CONTACT_METHOD_IN_PERSON);
  g_assert_true (lia_contact_validate (contact, &error));
  g_assert_no_error (error);
}

static void
test_validate_agreement (void)
{
  g_autoptr(LiaAgreement) agreement = lia_agreement_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (agreement, "partner-id", (gint64)1, "title", "Meeting room MOU",
                "starts-on", "2026-01-01", "ends-on", "2026-12-31", NULL);
  g_assert_true (lia_agreement_validate (agreement, &error));
  g_assert_no_error (error);

  g_object_set (agreement, "title", " ", NULL);
  g_assert_false (lia_agreement_validate (agreement, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "An agreement needs a title.");
  g_clear_error (&error);
  g_object_set (agreement, "title", "Meeting room MOU", NULL);

  g_object_set (agreement, "signed-on", "2026-02-30", NULL);
  g_assert_false (lia_agreement_validate (agreement, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE);
  g_assert_cmpstr (error->message, ==,
                   "The signing date “2026-02-30” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31.");
  g_clear_error (&error);
  g_object_set (agreement, "signed-on", NULL, NULL);

  g_object_set (agreement, "ends-on", "2026-12-32", NULL);
  g_assert_false (lia_agreement_validate (agreement, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE);
  g_assert_cmpstr (error->message, ==,
                   "The end date “2026-12-32” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31.");
  g_clear_error (&error);

  g_object_set (agreement, "starts-on", "2026-06-01", "ends-on", "2026-01-01", NULL);
  g_assert_false (lia_agreement_validate (agreement, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE_ORDER);
  g_assert_cmpstr (error->message, ==, "The end date (2026-01-01) is before the start date (2026-06-01).");
  g_clear_error (&error);

  /* The same day is fine. */
  g_object_set (agreement, "ends-on", "2026-06-01", NULL);
  g_assert_true (lia_agreement_validate (agreement, &error));
  g_assert_no_error (error);

  lia_agreement_set_kind (agreement, 5);
  g_assert_false (lia_agreement_validate (agreement, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "The agreement’s kind (5) is not one Liaison knows. Choose one from the list.");
  g_clear_error (&error);
  lia_agreement_set_kind (agreement, LIA_AGREEMENT_KIND_LETTER);

  lia_agreement_set_status (agreement, 3);
  g_assert_false (lia_agreement_validate (agreement, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "The agreement’s status (3) is not one Liaison knows. Choose one from the list.");
  g_clear_error (&error);
  lia_agreement_set_status (agreement, LIA_AGREEMENT_STATUS_ACTIVE);
  lia_agreement_set_kind (agreement, LIA_AGREEMENT_KIND_LETTER);

  g_object_set (agreement, "partner-id", (gint64)0, NULL);
  g_assert_false (lia_agreement_validate (agreement, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_NO_PARTNER);
}

static void
test_validate_expectation (void)
{
  g_autoptr(LiaExpectation) expectation = lia_expectation_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (expectation, "partner-id", (gint64)1, "what", "Program listings", NULL);
  g_assert_false (lia_expectation_validate (expectation, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_NO_DUE);
  g_assert_cmpstr (error->message, ==, "An expectation needs a cadence (every so many days) or a due date.");
  g_clear_error (&error);

  g_object_set (expectation, "cadence-days", 30, NULL);
  g_assert_true (lia_expectation_validate (expectation, &error));
  g_assert_no_error (error);

  g_object_set (expectation, "cadence-days", -3, NULL);
  g_assert_false (lia_expectation_validate (expectation, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_CADENCE);
  g_assert_cmpstr (error->message, ==, "The cadence must be at least one day (it is -3), or empty for a one-off.");
  g_clear_error (&error);

  g_object_set (expectation, "cadence-days", 0, "due-on", "2026-04-31", NULL);
  g_assert_false (lia_expectation_validate (expectation, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE);
  g_assert_cmpstr (error->message, ==,
                   "The due date “2026-04-31” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31.");
  g_clear_error (&error);

  g_object_set (expectation, "due-on", "2026-04-30", NULL);
  g_assert_true (lia_expectation_validate (expectation, &error));
  g_assert_no_error (error);

  g_object_set (expectation, "what", "", NULL);
  g_assert_false (lia_expectation_validate (expectation, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "An expectation needs to say what is expected.");
  g_clear_error (&error);
  g_object_set (expectation, "what", "Program listings", NULL);

  g_object_set (expectation, "next-due-on", "2026-13-01", NULL);
  g_assert_false (lia_expectation_validate (expectation, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE);
  g_assert_cmpstr (error->message, ==,
                   "The next due date “2026-13-01” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31.");
  g_clear_error (&error);
  g_object_set (expectation, "next-due-on", NULL, "last-met-on", "yesterday", NULL);
  g_assert_false (lia_expectation_validate (expectation, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE);
  g_clear_error (&error);
  g_object_set (expectation, "last-met-on", "", NULL);

  lia_expectation_set_status (expectation, 8);
  g_assert_false (lia_expectation_validate (expectation, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "The expectation’s status (8) is not one Liaison knows. Choose one from the list.");
  g_clear_error (&error);
  lia_expectation_set_status (expectation, LIA_EXPECTATION_STATUS_RETIRED);
  g_assert_true (lia_expectation_validate (expectation, &error));
  g_assert_no_error (error);

  lia_expectation_set_direction (expectation, 3);
  g_assert_false (lia_expectation_validate (expectation, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "The expectation’s direction (3) is not one Liaison knows. Choose one from the list.");
}

static void
test_validate_interaction (void)
{
  g_autoptr(LiaInteraction) interaction = lia_interaction_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (interaction, "summary", "Talked about the summer reading fair", NULL);
  g_assert_false (lia_interaction_validate (interaction, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_NO_PARTNER);
  g_assert_cmpstr (error->message, ==,
                   "A contact history entry must belong to a partner. Choose the partner first.");
  g_clear_error (&error);

  g_object_set (interaction, "partner-id", (gint64)1, NULL);
  g_assert_true (lia_interaction_validate (interaction, &error));
  g_assert_no_error (error);

  g_object_set (interaction, "summary", "\t", NULL);
  g_assert_false (lia_interaction_validate (interaction, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "A contact history entry needs a summary.");
  g_clear_error (&error);
  g_object_set (interaction, "summary", "Call", NULL);

  g_object_set (interaction, "follow-up-on", "next week", NULL);
  g_assert_false (lia_interaction_validate (interaction, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_DATE);
  g_assert_cmpstr (error->message, ==,
                   "The follow-up date “next week” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31.");
  g_clear_error (&error);
  g_object_set (interaction, "follow-up-on", "2026-03-10", NULL);

  lia_interaction_set_kind (interaction, 99);
  g_assert_false (lia_interaction_validate (interaction, &error));
  g_assert_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "The kind of contact (99) is not one Liaison knows. Choose one from the list.");
  g_clear_error (&error);

  lia_interaction_set_kind (interaction, LIA_INTERACTION_KIND_VISIT);
  g_assert_true (lia_interaction_validate (interaction, &error));
  g_assert_no_error (error);
}

static void
test_partner_stale (void)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
  gint64 now_unix = g_date_time_to_unix (now);

  g_assert_cmpint (lia_partner_get_cadence_days (partner), ==, 90);

  /* Never verified. */
  g_assert_true (lia_partner_is_stale (partner, now));

  g_object_set (partner, "cadence-days", 30, "info-verified-at", now_unix - 10 * DAY, NULL);
  g_assert_false (lia_partner_is_stale (partner, now));

  g_object_set (partner, "info-verified-at", now_unix - 30 * DAY, NULL);
  g_assert_false (lia_partner_is_stale (partner, now));

  g_object_set (partner, "info-verified-at", now_unix - 30 * DAY - 1, NULL);
  g_assert_true (lia_partner_is_stale (partner, now));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notifies)
{
  (*n_notifies)++;
}

static void
test_partner_properties (void)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_autoptr(GBytes) logo = g_bytes_new ("\x89PNG\0\1", 6);
  g_autoptr(GBytes) same_logo = g_bytes_new ("\x89PNG\0\1", 6);
  g_autoptr(GBytes) read_logo = NULL;
  g_auto(GStrv) read_tags = NULL;
  const char *tags[] = { "food", "youth", NULL };
  const char *same_tags[] = { "food", "youth", NULL };
  guint n_notifies = 0;

  g_assert_cmpint (lia_partner_get_id (partner), ==, 0);
  g_assert_cmpint (lia_partner_get_kind (partner), ==, LIA_PARTNER_KIND_OTHER);
  g_assert_cmpint (lia_partner_get_status (partner), ==, LIA_PARTNER_STATUS_ACTIVE);
  g_assert_null (lia_partner_get_next_due_on (partner));
  g_assert_cmpint (lia_partner_get_last_contact_at (partner), ==, 0);

  g_signal_connect (partner, "notify", G_CALLBACK (on_notify_cb), &n_notifies);

  g_object_set (partner, "logo", logo, "tags", tags, "channels", LIA_CHANNEL_FLYER | LIA_CHANNEL_WEBSITE, NULL);
  g_assert_cmpuint (n_notifies, ==, 3);

  /* Equal values change nothing. */
  g_object_set (partner, "logo", same_logo, "tags", same_tags, "channels", LIA_CHANNEL_FLYER | LIA_CHANNEL_WEBSITE, NULL);
  lia_partner_set_name (partner, NULL);
  g_assert_cmpuint (n_notifies, ==, 3);

  lia_partner_set_name (partner, "Riverside Food Bank");
  lia_partner_set_name (partner, "Riverside Food Bank");
  g_assert_cmpuint (n_notifies, ==, 4);

  g_object_get (partner, "logo", &read_logo, "tags", &read_tags, NULL);
  g_assert_true (g_bytes_equal (read_logo, logo));
  g_assert_true (g_strv_equal ((const char * const *)read_tags, tags));
  g_assert_cmpint (lia_partner_get_channels (partner), ==, LIA_CHANNEL_FLYER | LIA_CHANNEL_WEBSITE);

  g_signal_handlers_disconnect_by_func (partner, on_notify_cb, &n_notifies);
}

static void
test_contact_current (void)
{
  g_autoptr(LiaContact) contact = lia_contact_new ();

  g_assert_true (lia_contact_is_current (contact));
  g_object_set (contact, "ended-at", (gint64)1767225600, NULL);
  g_assert_false (lia_contact_is_current (contact));
}

/* Services are one text; the feeds and the printed sheets list them one
 * by one, trimmed, the empty ones left out. */
static void
test_partner_services_list (void)
{
  g_autoptr(LiaPartner) partner = lia_partner_new ();
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) services = NULL;
  const char *expected[] = { "Tutoring", "English conversation", "Job search help", NULL };

  none = lia_partner_dup_services_list (partner);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  lia_partner_set_services (partner, " Tutoring | English conversation\n\n  Job search help  |");
  services = lia_partner_dup_services_list (partner);
  g_assert_cmpstrv (services, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enums/round-trip", test_enums_round_trip);
  g_test_add_func ("/model/partner/services-list", test_partner_services_list);
  g_test_add_func ("/model/enums/channels", test_channels_round_trip);
  g_test_add_func ("/model/validate/email", test_validate_email);
  g_test_add_func ("/model/validate/url", test_validate_url);
  g_test_add_func ("/model/validate/phone", test_validate_phone);
  g_test_add_func ("/model/validate/date", test_validate_date);
  g_test_add_func ("/model/validate/normalize-name", test_normalize_name);
  g_test_add_func ("/model/validate/sort-key", test_sort_key_for_name);
  g_test_add_func ("/model/validate/url-domain", test_url_domain);
  g_test_add_func ("/model/validate/partner", test_validate_partner);
  g_test_add_func ("/model/validate/contact", test_validate_contact);
  g_test_add_func ("/model/validate/agreement", test_validate_agreement);
  g_test_add_func ("/model/validate/expectation", test_validate_expectation);
  g_test_add_func ("/model/validate/interaction", test_validate_interaction);
  g_test_add_func ("/model/partner/stale", test_partner_stale);
  g_test_add_func ("/model/partner/properties", test_partner_properties);
  g_test_add_func ("/model/contact/current", test_contact_current);

  return g_test_run ();
}
