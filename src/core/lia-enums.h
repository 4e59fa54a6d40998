/* lia-enums.h
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The enumerations of the data model. Each value's GEnumValue nick is the
 * text stored in the database (0001-initial.sql), so
 * lia_enum_to_nick()/lia_enum_from_nick() convert both ways.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum { LIA_PARTNER_KIND_NONPROFIT, LIA_PARTNER_KIND_GOVERNMENT, LIA_PARTNER_KIND_SCHOOL,
               LIA_PARTNER_KIND_HEALTH, LIA_PARTNER_KIND_BUSINESS, LIA_PARTNER_KIND_FAITH,
               LIA_PARTNER_KIND_CLUB, LIA_PARTNER_KIND_OTHER } LiaPartnerKind;
typedef enum { LIA_PARTNER_STATUS_PROSPECT, LIA_PARTNER_STATUS_ACTIVE,
               LIA_PARTNER_STATUS_PAUSED, LIA_PARTNER_STATUS_ENDED } LiaPartnerStatus;
typedef enum { LIA_UPKEEP_MODE_PARTNER_SENDS, LIA_UPKEEP_MODE_LIBRARY_ASKS } LiaUpkeepMode;
typedef enum { LIA_PROMOTION_TIER_FEATURED, LIA_PROMOTION_TIER_STANDARD,
               LIA_PROMOTION_TIER_LISTED_ONLY, LIA_PROMOTION_TIER_NOT_PROMOTED } LiaPromotionTier;
/* Stored as a bit mask (the schema's "channels" columns). */
typedef enum { LIA_CHANNEL_NONE = 0, LIA_CHANNEL_WEBSITE = 1 << 0, LIA_CHANNEL_PRINT_BULLETIN = 1 << 1,
               LIA_CHANNEL_FLYER = 1 << 2, LIA_CHANNEL_NEWSLETTER = 1 << 3,
               LIA_CHANNEL_DISPLAY_BOARD = 1 << 4 } LiaChannels;
/* LIA_CONTACT_METHOD_NONE is stored as NULL. */
typedef enum { LIA_CONTACT_METHOD_NONE, LIA_CONTACT_METHOD_EMAIL, LIA_CONTACT_METHOD_PHONE,
               LIA_CONTACT_METHOD_TEXT, LIA_CONTACT_METHOD_IN_PERSON, LIA_CONTACT_METHOD_MAIL } LiaContactMethod;
typedef enum { LIA_AGREEMENT_KIND_MOU, LIA_AGREEMENT_KIND_LETTER, LIA_AGREEMENT_KIND_VERBAL } LiaAgreementKind;
typedef enum { LIA_AGREEMENT_STATUS_DRAFT, LIA_AGREEMENT_STATUS_ACTIVE, LIA_AGREEMENT_STATUS_ENDED } LiaAgreementStatus;
typedef enum { LIA_DIRECTION_PARTNER_PROVIDES, LIA_DIRECTION_LIBRARY_PROVIDES } LiaDirection;
typedef enum { LIA_EXPECTATION_STATUS_ACTIVE, LIA_EXPECTATION_STATUS_MET,
               LIA_EXPECTATION_STATUS_MISSED, LIA_EXPECTATION_STATUS_RETIRED } LiaExpectationStatus;
typedef enum { LIA_INTERACTION_KIND_CALL, LIA_INTERACTION_KIND_EMAIL, LIA_INTERACTION_KIND_MEETING,
               LIA_INTERACTION_KIND_VISIT, LIA_INTERACTION_KIND_EVENT, LIA_INTERACTION_KIND_NOTE,
               LIA_INTERACTION_KIND_UPDATE_REQUEST } LiaInteractionKind;
typedef enum { LIA_EVENT_STATUS_DRAFT, LIA_EVENT_STATUS_CONFIRMED, LIA_EVENT_STATUS_CANCELLED,
               LIA_EVENT_STATUS_POSTPONED } LiaEventStatus;
typedef enum { LIA_AUDIENCE_CHILDREN, LIA_AUDIENCE_TEENS, LIA_AUDIENCE_ADULTS, LIA_AUDIENCE_SENIORS,
               LIA_AUDIENCE_FAMILIES, LIA_AUDIENCE_ALL } LiaAudience;
typedef enum { LIA_EVENT_SOURCE_MANUAL, LIA_EVENT_SOURCE_INTAKE } LiaEventSource;

#define LIA_TYPE_PARTNER_KIND        (lia_partner_kind_get_type ())
#define LIA_TYPE_PARTNER_STATUS      (lia_partner_status_get_type ())
#define LIA_TYPE_UPKEEP_MODE         (lia_upkeep_mode_get_type ())
#define LIA_TYPE_PROMOTION_TIER      (lia_promotion_tier_get_type ())
#define LIA_TYPE_CHANNELS            (lia_channels_get_type ())
#define LIA_TYPE_CONTACT_METHOD      (lia_contact_method_get_type ())
#define LIA_TYPE_AGREEMENT_KIND      (lia_agreement_kind_get_type ())
#define LIA_TYPE_AGREEMENT_STATUS    (lia_agreement_status_get_type ())
#define LIA_TYPE_DIRECTION           (lia_direction_get_type ())
#define LIA_TYPE_EXPECTATION_STATUS  (lia_expectation_status_get_type ())
#define LIA_TYPE_INTERACTION_KIND    (lia_interaction_kind_get_type ())
#define LIA_TYPE_EVENT_STATUS        (lia_event_status_get_type ())
#define LIA_TYPE_AUDIENCE            (lia_audience_get_type ())
#define LIA_TYPE_EVENT_SOURCE        (lia_event_source_get_type ())

GType lia_partner_kind_get_type       (void);
GType lia_partner_status_get_type     (void);
GType lia_upkeep_mode_get_type        (void);
GType lia_promotion_tier_get_type     (void);
GType lia_channels_get_type           (void);  /* a GFlags type */
GType lia_contact_method_get_type     (void);
GType lia_agreement_kind_get_type     (void);
GType lia_agreement_status_get_type   (void);
GType lia_direction_get_type          (void);
GType lia_expectation_status_get_type (void);
GType lia_interaction_kind_get_type   (void);
GType lia_event_status_get_type       (void);
GType lia_audience_get_type           (void);
GType lia_event_source_get_type       (void);

/* The database text of @value (a value of the enum @type); NULL for
 * LIA_CONTACT_METHOD_NONE. */
const char *lia_enum_to_nick   (GType       type,
                                int         value);
/* Returns -1 when @nick is not a value of @type. */
int         lia_enum_from_nick (GType       type,
                                const char *nick);
/* A translated label for the UI ("Nonprofit", "Library asks", ...). */
const char *lia_enum_to_label  (GType       type,
                                int         value);

G_END_DECLS
