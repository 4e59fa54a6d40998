/* lia-validate.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-validate"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-validate.h"

#define MIN_PHONE_DIGITS 7
#define MAX_PHONE_DIGITS 20

G_DEFINE_QUARK (lia-validate-error-quark, lia_validate_error)

static const char * const name_noise_words[] = { "the", "inc", "ltd", NULL };

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
is_valid_enum (GType type,
               int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  return g_enum_get_value (klass, value) != NULL;
}

static gboolean
is_domain_label (const char *label,
                 gsize       length)
{
  if (length == 0 || length > 63 || label[0] == '-' || label[length - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (label[i]) && label[i] != '-' && (guchar)label[i] < 0x80)
      return FALSE;

  return TRUE;
}

static gboolean
is_domain (const char *domain)
{
  const char *label = domain;
  const char *dot;
  guint n_labels = 0;

  while ((dot = strchr (label, '.')) != NULL)
    {
      if (!is_domain_label (label, dot - label))
        return FALSE;
      n_labels++;
      label = dot + 1;
    }

  return n_labels > 0 && is_domain_label (label, strlen (label)) && strlen (label) >= 2;
}

static gboolean
check_required (const char  *text,
                int          code,
                const char  *message,
                GError     **error)
{
  if (!is_blank (text))
    return TRUE;

  g_set_error_literal (error, LIA_VALIDATE_ERROR, code, message);
  return FALSE;
}

static gboolean
check_email (const char  *text,
             GError     **error)
{
  if (is_blank (text) || lia_validate_email (text))
    return TRUE;

  g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_EMAIL,
               _("The e-mail address “%s” does not look right. Write it as name@example.org."),
               text);
  return FALSE;
}

static gboolean
check_url (const char  *text,
           GError     **error)
{
  if (is_blank (text) || lia_validate_url (text))
    return TRUE;

  g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_URL,
               _("The website “%s” does not look right. Write the whole address, starting with https://."),
               text);
  return FALSE;
}

static gboolean
check_phone (const char  *text,
             GError     **error)
{
  if (is_blank (text) || lia_validate_phone (text))
    return TRUE;

  g_set_error (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_PHONE,
               _("The phone number “%s” does not look right. Use 7 to 20 digits, with spaces, + - ( ) . or “ext” if needed."),
               text);
  return FALSE;
}

static gboolean
set_error (GError     **error,
           int          code,
           const char  *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_error (GError     **error,
           int          code,
           const char  *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LIA_VALIDATE_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

/* Empty dates are fine: every date of the model is optional. */
static gboolean
is_optional_date (const char *text)
{
  return text == NULL || *text == '\0' || lia_validate_date (text);
}

static gboolean
check_partner_id (gint64       partner_id,
                  const char  *message,
                  GError     **error)
{
  if (partner_id > 0)
    return TRUE;

  g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_NO_PARTNER, message);
  return FALSE;
}

/**
 * lia_validate_email:
 *
 * Returns: whether @text looks like one e-mail address (name@example.org)
 */
gboolean
lia_validate_email (const char *text)
{
  const char *at;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = text; p < at; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || strchr ("()<>,;:\\\"[]", *p) != NULL)
      return FALSE;

  if (text[0] == '.' || at[-1] == '.' || strstr (text, "..") != NULL)
    return FALSE;

  return is_domain (at + 1);
}

/**
 * lia_validate_url:
 *
 * Returns: whether @text is an http or https address with a host
 */
gboolean
lia_validate_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return FALSE;

  if (!(uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL)))
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;

  if (host == NULL || *host == '\0')
    return FALSE;

  return is_domain (host) || g_hostname_is_ip_address (host) ||
         g_ascii_strcasecmp (host, "localhost") == 0;
}

/**
 * lia_validate_phone:
 *
 * Returns: whether @text is a phone number: 7 to 20 digits, with spaces,
 *   "+ - ( ) ." and an extension ("ext", "ext." or "x") allowed
 */
gboolean
lia_validate_phone (const char *text)
{
  guint n_digits = 0;
  const char *p;

  if (text == NULL)
    return FALSE;

  for (p = text; *p != '\0'; )
    {
      if (g_ascii_isdigit (*p))
        n_digits++, p++;
      else if (strchr (" +-().", *p) != NULL)
        p++;
      else if (g_ascii_strncasecmp (p, "ext", 3) == 0)
        p += 3;
      else if (*p == 'x' || *p == 'X')
        p++;
      else
        return FALSE;
    }

  return n_digits >= MIN_PHONE_DIGITS && n_digits <= MAX_PHONE_DIGITS;
}

/**
 * lia_validate_date:
 *
 * Returns: whether @text is a real day written YYYY-MM-DD
 */
gboolean
lia_validate_date (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year);
}

/**
 * lia_normalize_name:
 * @name: (nullable): an organisation's name
 *
 * Returns: (transfer full): the name as duplicate matching compares it:
 *   "The Riverside Food-Bank, Inc." gives "riverside food bank"
 */
char *
lia_normalize_name (const char *name)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) plain = NULL;
  g_autoptr(GString) result = NULL;
  g_auto(GStrv) words = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_casefold (name, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  plain = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      else if (c == '\'' || c == 0x2019)  /* "St. Mary's" and "St Marys" match */
        continue;
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (plain, c);
      else
        g_string_append_c (plain, ' ');
    }

  words = g_strsplit (plain->str, " ", -1);
  result = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0' || g_strv_contains (name_noise_words, words[i]))
        continue;

      if (result->len > 0)
        g_string_append_c (result, ' ');
      g_string_append (result, words[i]);
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

/**
 * lia_sort_key_for_name:
 * @name: (nullable): an organisation's name
 *
 * The key that lists sort partners by, stored in partner.sort_name:
 * unlike `COLLATE NOCASE`, which folds ASCII only, it puts "École" among
 * the E's. It is not lia_normalize_name(): a list keeps "The", punctuation
 * and word order, so "The Arts Council" sorts under T.
 *
 * Returns: (transfer full): "  École des Érables " gives "ecole des erables"
 */
char *
lia_sort_key_for_name (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) plain = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  plain = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_combining_class (c) != 0 ||
          g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;

      g_string_append_unichar (plain, c);
    }

  return g_strstrip (g_utf8_casefold (plain->str, plain->len));
}

/**
 * lia_url_domain:
 * @url: (nullable): a website, with or without "https://"
 *
 * Returns: (transfer full) (nullable): the host in lower case without a
 *   leading "www.", or %NULL when @url has no host
 */
char *
lia_url_domain (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *with_scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *stripped = NULL;

  if (url == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (url));
  if (*stripped == '\0')
    return NULL;

  if (strstr (stripped, "://") == NULL)
    with_scheme = g_strconcat ("http://", stripped, NULL);
  else
    with_scheme = g_strdup (stripped);

  if (!(uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL)))
    return NULL;

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);

  if (g_str_has_prefix (host, "www."))
    return g_strdup (host + 4);

  return g_steal_pointer (&host);
}

gboolean
lia_partner_validate (LiaPartner  *partner,
                      GError     **error)
{
  const char * const *tags;

  g_return_val_if_fail (LIA_IS_PARTNER (partner), FALSE);

  if (!check_required (lia_partner_get_name (partner), LIA_VALIDATE_ERROR_REQUIRED,
                       _("A partner needs a name."), error) ||
      !check_email (lia_partner_get_email (partner), error) ||
      !check_url (lia_partner_get_website (partner), error) ||
      !check_phone (lia_partner_get_phone (partner), error))
    return FALSE;

  if (!is_valid_enum (LIA_TYPE_PARTNER_KIND, lia_partner_get_kind (partner)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The partner’s kind (%d) is not one Liaison knows. Choose one from the list."),
                      lia_partner_get_kind (partner));

  if (!is_valid_enum (LIA_TYPE_PARTNER_STATUS, lia_partner_get_status (partner)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The partner’s status (%d) is not one Liaison knows. Choose one from the list."),
                      lia_partner_get_status (partner));

  if (!is_valid_enum (LIA_TYPE_UPKEEP_MODE, lia_partner_get_upkeep_mode (partner)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The partner’s upkeep mode (%d) is not one Liaison knows. Choose one from the list."),
                      lia_partner_get_upkeep_mode (partner));

  if (!is_valid_enum (LIA_TYPE_PROMOTION_TIER, lia_partner_get_promotion_tier (partner)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The partner’s promotion tier (%d) is not one Liaison knows. Choose one from the list."),
                      lia_partner_get_promotion_tier (partner));

  if ((lia_partner_get_channels (partner) & ~0x1f) != 0)
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The partner’s channels (%d) include one Liaison does not know. Choose them from the list."),
                      (int)lia_partner_get_channels (partner));

  if (lia_partner_get_cadence_days (partner) < 1)
    return set_error (error, LIA_VALIDATE_ERROR_CADENCE,
                      _("The update cadence must be at least one day (it is %d)."),
                      lia_partner_get_cadence_days (partner));

  tags = lia_partner_get_tags (partner);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (is_blank (tags[i]))
        {
          g_set_error_literal (error, LIA_VALIDATE_ERROR, LIA_VALIDATE_ERROR_TAG,
                               _("A tag cannot be empty. Remove it or give it a word."));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
lia_contact_validate (LiaContact  *contact,
                      GError     **error)
{
  g_return_val_if_fail (LIA_IS_CONTACT (contact), FALSE);

  if (!check_partner_id (lia_contact_get_partner_id (contact),
                         _("A contact must belong to a partner. Choose the partner first."), error) ||
      !check_required (lia_contact_get_name (contact), LIA_VALIDATE_ERROR_REQUIRED,
                       _("A contact needs a name."), error))
    return FALSE;

  if (!is_valid_enum (LIA_TYPE_CONTACT_METHOD, lia_contact_get_preferred_method (contact)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The preferred way to reach %s (%d) is not one Liaison knows. Choose one from the list."),
                      lia_contact_get_name (contact), lia_contact_get_preferred_method (contact));

  return check_email (lia_contact_get_email (contact), error) &&
         check_phone (lia_contact_get_phone (contact), error);
}

gboolean
lia_agreement_validate (LiaAgreement  *agreement,
                        GError       **error)
{
  const char *signed_on;
  const char *starts_on;
  const char *ends_on;

  g_return_val_if_fail (LIA_IS_AGREEMENT (agreement), FALSE);

  signed_on = lia_agreement_get_signed_on (agreement);
  starts_on = lia_agreement_get_starts_on (agreement);
  ends_on = lia_agreement_get_ends_on (agreement);

  if (!check_partner_id (lia_agreement_get_partner_id (agreement),
                         _("An agreement must belong to a partner. Choose the partner first."), error) ||
      !check_required (lia_agreement_get_title (agreement), LIA_VALIDATE_ERROR_REQUIRED,
                       _("An agreement needs a title."), error))
    return FALSE;

  if (!is_valid_enum (LIA_TYPE_AGREEMENT_KIND, lia_agreement_get_kind (agreement)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The agreement’s kind (%d) is not one Liaison knows. Choose one from the list."),
                      lia_agreement_get_kind (agreement));

  if (!is_valid_enum (LIA_TYPE_AGREEMENT_STATUS, lia_agreement_get_status (agreement)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The agreement’s status (%d) is not one Liaison knows. Choose one from the list."),
                      lia_agreement_get_status (agreement));

  if (!is_optional_date (signed_on))
    return set_error (error, LIA_VALIDATE_ERROR_DATE,
                      _("The signing date “%s” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31."),
                      signed_on);

  if (!is_optional_date (starts_on))
    return set_error (error, LIA_VALIDATE_ERROR_DATE,
                      _("The start date “%s” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31."),
                      starts_on);

  if (!is_optional_date (ends_on))
    return set_error (error, LIA_VALIDATE_ERROR_DATE,
                      _("The end date “%s” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31."),
                      ends_on);

  if (!is_blank (starts_on) && !is_blank (ends_on) && strcmp (ends_on, starts_on) < 0)
    return set_error (error, LIA_VALIDATE_ERROR_DATE_ORDER,
                      _("The end date (%s) is before the start date (%s)."),
                      ends_on, starts_on);

  return TRUE;
}

gboolean
lia_expectation_validate (LiaExpectation  *expectation,
                          GError         **error)
{
  const char *due_on;
  const char *last_met_on;
  const char *next_due_on;
  int cadence_days;

  g_return_val_if_fail (LIA_IS_EXPECTATION (expectation), FALSE);

  cadence_days = lia_expectation_get_cadence_days (expectation);
  due_on = lia_expectation_get_due_on (expectation);
  last_met_on = lia_expectation_get_last_met_on (expectation);
  next_due_on = lia_expectation_get_next_due_on (expectation);

  if (!check_partner_id (lia_expectation_get_partner_id (expectation),
                         _("An expectation must belong to a partner. Choose the partner first."), error) ||
      !check_required (lia_expectation_get_what (expectation), LIA_VALIDATE_ERROR_REQUIRED,
                       _("An expectation needs to say what is expected."), error))
    return FALSE;

  if (!is_valid_enum (LIA_TYPE_DIRECTION, lia_expectation_get_direction (expectation)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The expectation’s direction (%d) is not one Liaison knows. Choose one from the list."),
                      lia_expectation_get_direction (expectation));

  if (!is_valid_enum (LIA_TYPE_EXPECTATION_STATUS, lia_expectation_get_status (expectation)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The expectation’s status (%d) is not one Liaison knows. Choose one from the list."),
                      lia_expectation_get_status (expectation));

  if (!is_optional_date (due_on))
    return set_error (error, LIA_VALIDATE_ERROR_DATE,
                      _("The due date “%s” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31."),
                      due_on);

  if (!is_optional_date (last_met_on))
    return set_error (error, LIA_VALIDATE_ERROR_DATE,
                      _("The day last met “%s” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31."),
                      last_met_on);

  if (!is_optional_date (next_due_on))
    return set_error (error, LIA_VALIDATE_ERROR_DATE,
                      _("The next due date “%s” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31."),
                      next_due_on);

  if (cadence_days < 0)
    return set_error (error, LIA_VALIDATE_ERROR_CADENCE,
                      _("The cadence must be at least one day (it is %d), or empty for a one-off."),
                      cadence_days);

  if (cadence_days == 0 && is_blank (due_on))
    return set_error (error, LIA_VALIDATE_ERROR_NO_DUE, "%s",
                      _("An expectation needs a cadence (every so many days) or a due date."));

  return TRUE;
}

gboolean
lia_interaction_validate (LiaInteraction  *interaction,
                          GError         **error)
{
  const char *follow_up_on;

  g_return_val_if_fail (LIA_IS_INTERACTION (interaction), FALSE);

  follow_up_on = lia_interaction_get_follow_up_on (interaction);

  if (!check_partner_id (lia_interaction_get_partner_id (interaction),
                         _("A contact history entry must belong to a partner. Choose the partner first."), error) ||
      !check_required (lia_interaction_get_summary (interaction), LIA_VALIDATE_ERROR_REQUIRED,
                       _("A contact history entry needs a summary."), error))
    return FALSE;

  if (!is_valid_enum (LIA_TYPE_INTERACTION_KIND, lia_interaction_get_kind (interaction)))
    return set_error (error, LIA_VALIDATE_ERROR_INVALID_VALUE,
                      _("The kind of contact (%d) is not one Liaison knows. Choose one from the list."),
                      lia_interaction_get_kind (interaction));

  if (!is_optional_date (follow_up_on))
    return set_error (error, LIA_VALIDATE_ERROR_DATE,
                      _("The follow-up date “%s” is not a real day. Write it as YYYY-MM-DD, for example 2026-03-31."),
                      follow_up_on);

  return TRUE;
}

gboolean
lia_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}
