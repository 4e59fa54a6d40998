/* lia-enums.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-enums.h"

/* The nicks are the database's text (0001-initial.sql). */

G_DEFINE_ENUM_TYPE (LiaPartnerKind, lia_partner_kind,
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_KIND_NONPROFIT, "nonprofit"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_KIND_GOVERNMENT, "government"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_KIND_SCHOOL, "school"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_KIND_HEALTH, "health"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_KIND_BUSINESS, "business"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_KIND_FAITH, "faith"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_KIND_CLUB, "club"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (LiaPartnerStatus, lia_partner_status,
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_STATUS_PROSPECT, "prospect"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_STATUS_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (LIA_PARTNER_STATUS_ENDED, "ended"))

G_DEFINE_ENUM_TYPE (LiaUpkeepMode, lia_upkeep_mode,
  G_DEFINE_ENUM_VALUE (LIA_UPKEEP_MODE_PARTNER_SENDS, "partner-sends"),
  G_DEFINE_ENUM_VALUE (LIA_UPKEEP_MODE_LIBRARY_ASKS, "library-asks"))

G_DEFINE_ENUM_TYPE (LiaPromotionTier, lia_promotion_tier,
  G_DEFINE_ENUM_VALUE (LIA_PROMOTION_TIER_FEATURED, "featured"),
  G_DEFINE_ENUM_VALUE (LIA_PROMOTION_TIER_STANDARD, "standard"),
  G_DEFINE_ENUM_VALUE (LIA_PROMOTION_TIER_LISTED_ONLY, "listed-only"),
  G_DEFINE_ENUM_VALUE (LIA_PROMOTION_TIER_NOT_PROMOTED, "not-promoted"))

G_DEFINE_FLAGS_TYPE (LiaChannels, lia_channels,
  G_DEFINE_ENUM_VALUE (LIA_CHANNEL_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LIA_CHANNEL_WEBSITE, "website"),
  G_DEFINE_ENUM_VALUE (LIA_CHANNEL_PRINT_BULLETIN, "print-bulletin"),
  G_DEFINE_ENUM_VALUE (LIA_CHANNEL_FLYER, "flyer"),
  G_DEFINE_ENUM_VALUE (LIA_CHANNEL_NEWSLETTER, "newsletter"),
  G_DEFINE_ENUM_VALUE (LIA_CHANNEL_DISPLAY_BOARD, "display-board"))

G_DEFINE_ENUM_TYPE (LiaContactMethod, lia_contact_method,
  G_DEFINE_ENUM_VALUE (LIA_CONTACT_METHOD_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LIA_CONTACT_METHOD_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (LIA_CONTACT_METHOD_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (LIA_CONTACT_METHOD_TEXT, "text"),
  G_DEFINE_ENUM_VALUE (LIA_CONTACT_METHOD_IN_PERSON, "in-person"),
  G_DEFINE_ENUM_VALUE (LIA_CONTACT_METHOD_MAIL, "mail"))

G_DEFINE_ENUM_TYPE (LiaAgreementKind, lia_agreement_kind,
  G_DEFINE_ENUM_VALUE (LIA_AGREEMENT_KIND_MOU, "mou"),
  G_DEFINE_ENUM_VALUE (LIA_AGREEMENT_KIND_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (LIA_AGREEMENT_KIND_VERBAL, "verbal"))

G_DEFINE_ENUM_TYPE (LiaAgreementStatus, lia_agreement_status,
  G_DEFINE_ENUM_VALUE (LIA_AGREEMENT_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (LIA_AGREEMENT_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (LIA_AGREEMENT_STATUS_ENDED, "ended"))

G_DEFINE_ENUM_TYPE (LiaDirection, lia_direction,
  G_DEFINE_ENUM_VALUE (LIA_DIRECTION_PARTNER_PROVIDES, "partner-provides"),
  G_DEFINE_ENUM_VALUE (LIA_DIRECTION_LIBRARY_PROVIDES, "library-provides"))

G_DEFINE_ENUM_TYPE (LiaExpectationStatus, lia_expectation_status,
  G_DEFINE_ENUM_VALUE (LIA_EXPECTATION_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (LIA_EXPECTATION_STATUS_MET, "met"),
  G_DEFINE_ENUM_VALUE (LIA_EXPECTATION_STATUS_MISSED, "missed"),
  G_DEFINE_ENUM_VALUE (LIA_EXPECTATION_STATUS_RETIRED, "retired"))

G_DEFINE_ENUM_TYPE (LiaInteractionKind, lia_interaction_kind,
  G_DEFINE_ENUM_VALUE (LIA_INTERACTION_KIND_CALL, "call"),
  G_DEFINE_ENUM_VALUE (LIA_INTERACTION_KIND_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (LIA_INTERACTION_KIND_MEETING, "meeting"),
  G_DEFINE_ENUM_VALUE (LIA_INTERACTION_KIND_VISIT, "visit"),
  G_DEFINE_ENUM_VALUE (LIA_INTERACTION_KIND_EVENT, "event"),
  G_DEFINE_ENUM_VALUE (LIA_INTERACTION_KIND_NOTE, "note"),
  G_DEFINE_ENUM_VALUE (LIA_INTERACTION_KIND_UPDATE_REQUEST, "update-request"))

G_DEFINE_ENUM_TYPE (LiaEventStatus, lia_event_status,
  G_DEFINE_ENUM_VALUE (LIA_EVENT_STATUS_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (LIA_EVENT_STATUS_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (LIA_EVENT_STATUS_CANCELLED, "cancelled"),
  G_DEFINE_ENUM_VALUE (LIA_EVENT_STATUS_POSTPONED, "postponed"))

G_DEFINE_ENUM_TYPE (LiaAudience, lia_audience,
  G_DEFINE_ENUM_VALUE (LIA_AUDIENCE_CHILDREN, "children"),
  G_DEFINE_ENUM_VALUE (LIA_AUDIENCE_TEENS, "teens"),
  G_DEFINE_ENUM_VALUE (LIA_AUDIENCE_ADULTS, "adults"),
  G_DEFINE_ENUM_VALUE (LIA_AUDIENCE_SENIORS, "seniors"),
  G_DEFINE_ENUM_VALUE (LIA_AUDIENCE_FAMILIES, "families"),
  G_DEFINE_ENUM_VALUE (LIA_AUDIENCE_ALL, "all"))

G_DEFINE_ENUM_TYPE (LiaEventSource, lia_event_source,
  G_DEFINE_ENUM_VALUE (LIA_EVENT_SOURCE_MANUAL, "manual"),
  G_DEFINE_ENUM_VALUE (LIA_EVENT_SOURCE_INTAKE, "intake"))

static const char *
get_partner_kind_label (LiaPartnerKind value)
{
  switch (value)
    {
    case LIA_PARTNER_KIND_NONPROFIT: return C_("partner kind", "Nonprofit");
    case LIA_PARTNER_KIND_GOVERNMENT: return C_("partner kind", "Government");
    case LIA_PARTNER_KIND_SCHOOL: return C_("partner kind", "School");
    case LIA_PARTNER_KIND_HEALTH: return C_("partner kind", "Health");
    case LIA_PARTNER_KIND_BUSINESS: return C_("partner kind", "Business");
    case LIA_PARTNER_KIND_FAITH: return C_("partner kind", "Faith group");
    case LIA_PARTNER_KIND_CLUB: return C_("partner kind", "Club");
    case LIA_PARTNER_KIND_OTHER: return C_("partner kind", "Other");
    default: return NULL;
    }
}

static const char *
get_partner_status_label (LiaPartnerStatus value)
{
  switch (value)
    {
    case LIA_PARTNER_STATUS_PROSPECT: return C_("partner status", "Prospect");
    case LIA_PARTNER_STATUS_ACTIVE: return C_("partner status", "Active");
    case LIA_PARTNER_STATUS_PAUSED: return C_("partner status", "Paused");
    case LIA_PARTNER_STATUS_ENDED: return C_("partner status", "Ended");
    default: return NULL;
    }
}

static const char *
get_upkeep_mode_label (LiaUpkeepMode value)
{
  switch (value)
    {
    case LIA_UPKEEP_MODE_PARTNER_SENDS: return C_("upkeep mode", "Partner sends updates");
    case LIA_UPKEEP_MODE_LIBRARY_ASKS: return C_("upkeep mode", "Library asks");
    default: return NULL;
    }
}

static const char *
get_promotion_tier_label (LiaPromotionTier value)
{
  switch (value)
    {
    case LIA_PROMOTION_TIER_FEATURED: return C_("promotion tier", "Featured");
    case LIA_PROMOTION_TIER_STANDARD: return C_("promotion tier", "Standard");
    case LIA_PROMOTION_TIER_LISTED_ONLY: return C_("promotion tier", "Listed only");
    case LIA_PROMOTION_TIER_NOT_PROMOTED: return C_("promotion tier", "Not promoted");
    default: return NULL;
    }
}

static const char *
get_channel_label (LiaChannels value)
{
  switch (value)
    {
    case LIA_CHANNEL_NONE: return C_("channel", "None");
    case LIA_CHANNEL_WEBSITE: return C_("channel", "Website");
    case LIA_CHANNEL_PRINT_BULLETIN: return C_("channel", "Print bulletin");
    case LIA_CHANNEL_FLYER: return C_("channel", "Flyer");
    case LIA_CHANNEL_NEWSLETTER: return C_("channel", "Newsletter");
    case LIA_CHANNEL_DISPLAY_BOARD: return C_("channel", "Display board");
    default: return NULL;
    }
}

static const char *
get_contact_method_label (LiaContactMethod value)
{
  switch (value)
    {
    case LIA_CONTACT_METHOD_NONE: return C_("contact method", "No preference");
    case LIA_CONTACT_METHOD_EMAIL: return C_("contact method", "E-mail");
    case LIA_CONTACT_METHOD_PHONE: return C_("contact method", "Phone");
    case LIA_CONTACT_METHOD_TEXT: return C_("contact method", "Text message");
    case LIA_CONTACT_METHOD_IN_PERSON: return C_("contact method", "In person");
    case LIA_CONTACT_METHOD_MAIL: return C_("contact method", "Mail");
    default: return NULL;
    }
}

static const char *
get_agreement_kind_label (LiaAgreementKind value)
{
  switch (value)
    {
    case LIA_AGREEMENT_KIND_MOU: return C_("agreement kind", "Memorandum of understanding");
    case LIA_AGREEMENT_KIND_LETTER: return C_("agreement kind", "Letter");
    case LIA_AGREEMENT_KIND_VERBAL: return C_("agreement kind", "Verbal");
    default: return NULL;
    }
}

static const char *
get_agreement_status_label (LiaAgreementStatus value)
{
  switch (value)
    {
    case LIA_AGREEMENT_STATUS_DRAFT: return C_("agreement status", "Draft");
    case LIA_AGREEMENT_STATUS_ACTIVE: return C_("agreement status", "Active");
    case LIA_AGREEMENT_STATUS_ENDED: return C_("agreement status", "Ended");
    default: return NULL;
    }
}

static const char *
get_direction_label (LiaDirection value)
{
  switch (value)
    {
    case LIA_DIRECTION_PARTNER_PROVIDES: return C_("expectation direction", "Partner provides");
    case LIA_DIRECTION_LIBRARY_PROVIDES: return C_("expectation direction", "Library provides");
    default: return NULL;
    }
}

static const char *
get_expectation_status_label (LiaExpectationStatus value)
{
  switch (value)
    {
    case LIA_EXPECTATION_STATUS_ACTIVE: return C_("expectation status", "Active");
    case LIA_EXPECTATION_STATUS_MET: return C_("expectation status", "Met");
    case LIA_EXPECTATION_STATUS_MISSED: return C_("expectation status", "Missed");
    case LIA_EXPECTATION_STATUS_RETIRED: return C_("expectation status", "Retired");
    default: return NULL;
    }
}

static const char *
get_interaction_kind_label (LiaInteractionKind value)
{
  switch (value)
    {
    case LIA_INTERACTION_KIND_CALL: return C_("interaction kind", "Call");
    case LIA_INTERACTION_KIND_EMAIL: return C_("interaction kind", "E-mail");
    case LIA_INTERACTION_KIND_MEETING: return C_("interaction kind", "Meeting");
    case LIA_INTERACTION_KIND_VISIT: return C_("interaction kind", "Visit");
    case LIA_INTERACTION_KIND_EVENT: return C_("interaction kind", "Event");
    case LIA_INTERACTION_KIND_NOTE: return C_("interaction kind", "Note");
    case LIA_INTERACTION_KIND_UPDATE_REQUEST: return C_("interaction kind", "Update request");
    default: return NULL;
    }
}

static const char *
get_event_status_label (LiaEventStatus value)
{
  switch (value)
    {
    case LIA_EVENT_STATUS_DRAFT: return C_("event status", "Draft");
    case LIA_EVENT_STATUS_CONFIRMED: return C_("event status", "Confirmed");
    case LIA_EVENT_STATUS_CANCELLED: return C_("event status", "Cancelled");
    case LIA_EVENT_STATUS_POSTPONED: return C_("event status", "Postponed");
    default: return NULL;
    }
}

static const char *
get_audience_label (LiaAudience value)
{
  switch (value)
    {
    case LIA_AUDIENCE_CHILDREN: return C_("audience", "Children");
    case LIA_AUDIENCE_TEENS: return C_("audience", "Teens");
    case LIA_AUDIENCE_ADULTS: return C_("audience", "Adults");
    case LIA_AUDIENCE_SENIORS: return C_("audience", "Seniors");
    case LIA_AUDIENCE_FAMILIES: return C_("audience", "Families");
    case LIA_AUDIENCE_ALL: return C_("audience", "Everyone");
    default: return NULL;
    }
}

static const char *
get_event_source_label (LiaEventSource value)
{
  switch (value)
    {
    case LIA_EVENT_SOURCE_MANUAL: return C_("event source", "Entered by hand");
    case LIA_EVENT_SOURCE_INTAKE: return C_("event source", "Partner feed");
    default: return NULL;
    }
}

/**
 * lia_enum_to_nick:
 * @type: one of the enumerations of lia-enums.h (for LiaChannels, a single flag)
 * @value: a value of @type
 *
 * Returns: (nullable): the text stored in the database, or %NULL for
 *   %LIA_CONTACT_METHOD_NONE and for values that do not exist
 */
const char *
lia_enum_to_nick (GType type,
                  int   value)
{
  g_return_val_if_fail (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type), NULL);

  if (type == LIA_TYPE_CONTACT_METHOD && value == LIA_CONTACT_METHOD_NONE)
    return NULL;

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (klass, value);

      return enum_value != NULL ? enum_value->value_nick : NULL;
    }
  else
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value == (guint)value)
          return klass->values[i].value_nick;

      return NULL;
    }
}

/**
 * lia_enum_from_nick:
 * @type: one of the enumerations of lia-enums.h
 * @nick: (nullable): the text stored in the database
 *
 * Returns: the value, or -1 when @nick is not one of @type; %NULL gives
 *   %LIA_CONTACT_METHOD_NONE for %LIA_TYPE_CONTACT_METHOD
 */
int
lia_enum_from_nick (GType       type,
                    const char *nick)
{
  g_return_val_if_fail (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type), -1);

  if (type == LIA_TYPE_CONTACT_METHOD)
    {
      if (nick == NULL)
        return LIA_CONTACT_METHOD_NONE;
      if (g_str_equal (nick, "none"))
        return -1;
    }

  if (nick == NULL)
    return -1;

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value_by_nick (klass, nick);

      return enum_value != NULL ? enum_value->value : -1;
    }
  else
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      GFlagsValue *flags_value = g_flags_get_value_by_nick (klass, nick);

      return flags_value != NULL ? (int)flags_value->value : -1;
    }
}

/**
 * lia_enum_to_label:
 *
 * Returns: (nullable): the translated label of @value, %NULL when @value is
 *   not one of @type
 */
const char *
lia_enum_to_label (GType type,
                   int   value)
{
  if (type == LIA_TYPE_PARTNER_KIND)
    return get_partner_kind_label (value);
  else if (type == LIA_TYPE_PARTNER_STATUS)
    return get_partner_status_label (value);
  else if (type == LIA_TYPE_UPKEEP_MODE)
    return get_upkeep_mode_label (value);
  else if (type == LIA_TYPE_PROMOTION_TIER)
    return get_promotion_tier_label (value);
  else if (type == LIA_TYPE_CHANNELS)
    return get_channel_label (value);
  else if (type == LIA_TYPE_CONTACT_METHOD)
    return get_contact_method_label (value);
  else if (type == LIA_TYPE_AGREEMENT_KIND)
    return get_agreement_kind_label (value);
  else if (type == LIA_TYPE_AGREEMENT_STATUS)
    return get_agreement_status_label (value);
  else if (type == LIA_TYPE_DIRECTION)
    return get_direction_label (value);
  else if (type == LIA_TYPE_EXPECTATION_STATUS)
    return get_expectation_status_label (value);
  else if (type == LIA_TYPE_INTERACTION_KIND)
    return get_interaction_kind_label (value);
  else if (type == LIA_TYPE_EVENT_STATUS)
    return get_event_status_label (value);
  else if (type == LIA_TYPE_AUDIENCE)
    return get_audience_label (value);
  else if (type == LIA_TYPE_EVENT_SOURCE)
    return get_event_source_label (value);

  g_return_val_if_reached (NULL);
}
