/* lia-event.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-event"

#include "config.h"

#include <stdlib.h>

#include "lia-event.h"

struct _LiaEvent
{
  GObject          parent_instance;

  gint64           id;
  gint64           recurrence_of;
  gint64           partner_id;
  gboolean         all_day;
  gint64           start_utc;
  gint64           last_end_utc;
  LiaAudience      audience;
  LiaEventStatus   status;
  gboolean         promote;
  LiaChannels      channels;
  gboolean         featured;
  LiaEventSource   source;
  gint64           intake_feed_id;
  int              sequence;
  gint64           created_at;
  gint64           updated_at;
  gint64           deleted_at;

  /* Owned */
  char            *uid;
  char            *recurrence_id;
  char            *title;
  char            *summary;
  char            *description;
  char            *dtstart;
  char            *dtend;
  char            *tzid;
  char            *rrule;
  char            *exdates;
  char            *venue_name;
  char            *venue_address;
  char            *venue_room;
  char            *online_url;
  char            *cost;
  char            *registration_url;
  char            *accessibility;
  char            *contact;
  GBytes          *image;
  char            *image_url;
  char            *remote_uid;
  GStrv            categories;
};

G_DEFINE_FINAL_TYPE (LiaEvent, lia_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_RECURRENCE_OF,
  PROP_RECURRENCE_ID,
  PROP_PARTNER_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_DESCRIPTION,
  PROP_DTSTART,
  PROP_DTEND,
  PROP_TZID,
  PROP_ALL_DAY,
  PROP_START_UTC,
  PROP_LAST_END_UTC,
  PROP_RRULE,
  PROP_EXDATES,
  PROP_VENUE_NAME,
  PROP_VENUE_ADDRESS,
  PROP_VENUE_ROOM,
  PROP_ONLINE_URL,
  PROP_AUDIENCE,
  PROP_COST,
  PROP_REGISTRATION_URL,
  PROP_ACCESSIBILITY,
  PROP_CONTACT,
  PROP_IMAGE,
  PROP_IMAGE_URL,
  PROP_STATUS,
  PROP_PROMOTE,
  PROP_CHANNELS,
  PROP_FEATURED,
  PROP_SOURCE,
  PROP_INTAKE_FEED_ID,
  PROP_REMOTE_UID,
  PROP_SEQUENCE,
  PROP_CATEGORIES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* NULL and "" say the same: nothing. */
static gboolean
text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* The store trims titles. */
static gboolean
title_equal (const char *a,
             const char *b)
{
  g_autofree char *a_trimmed = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *b_trimmed = g_strstrip (g_strdup (b != NULL ? b : ""));

  return g_str_equal (a_trimmed, b_trimmed);
}

static gboolean
bytes_equal (GBytes *a,
             GBytes *b)
{
  gsize a_size = a != NULL ? g_bytes_get_size (a) : 0;
  gsize b_size = b != NULL ? g_bytes_get_size (b) : 0;

  if (a_size != b_size)
    return FALSE;

  return a_size == 0 || g_bytes_equal (a, b);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The categories as a set: order does not matter. */
static gboolean
categories_equal (const char * const *a,
                  const char * const *b)
{
  guint a_len = a != NULL ? g_strv_length ((char **)a) : 0;
  guint b_len = b != NULL ? g_strv_length ((char **)b) : 0;
  g_autofree const char **a_sorted = NULL;
  g_autofree const char **b_sorted = NULL;

  if (a_len != b_len)
    return FALSE;
  if (a_len == 0)
    return TRUE;

  a_sorted = g_memdup2 (a, a_len * sizeof (char *));
  b_sorted = g_memdup2 (b, b_len * sizeof (char *));
  qsort (a_sorted, a_len, sizeof (char *), compare_strings);
  qsort (b_sorted, b_len, sizeof (char *), compare_strings);

  for (guint i = 0; i < a_len; i++)
    if (g_strcmp0 (a_sorted[i], b_sorted[i]) != 0)
      return FALSE;

  return TRUE;
}

static void
lia_event_finalize (GObject *object)
{
  LiaEvent *self = (LiaEvent *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->recurrence_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->dtstart, g_free);
  g_clear_pointer (&self->dtend, g_free);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->exdates, g_free);
  g_clear_pointer (&self->venue_name, g_free);
  g_clear_pointer (&self->venue_address, g_free);
  g_clear_pointer (&self->venue_room, g_free);
  g_clear_pointer (&self->online_url, g_free);
  g_clear_pointer (&self->cost, g_free);
  g_clear_pointer (&self->registration_url, g_free);
  g_clear_pointer (&self->accessibility, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_clear_pointer (&self->image_url, g_free);
  g_clear_pointer (&self->remote_uid, g_free);
  g_clear_pointer (&self->categories, g_strfreev);

  G_OBJECT_CLASS (lia_event_parent_class)->finalize (object);
}

static void
lia_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LiaEvent *self = LIA_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_RECURRENCE_OF:
      g_value_set_int64 (value, self->recurrence_of);
      break;

    case PROP_RECURRENCE_ID:
      g_value_set_string (value, self->recurrence_id);
      break;

    case PROP_PARTNER_ID:
      g_value_set_int64 (value, self->partner_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_DTSTART:
      g_value_set_string (value, self->dtstart);
      break;

    case PROP_DTEND:
      g_value_set_string (value, self->dtend);
      break;

    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;

    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->all_day);
      break;

    case PROP_START_UTC:
      g_value_set_int64 (value, self->start_utc);
      break;

    case PROP_LAST_END_UTC:
      g_value_set_int64 (value, self->last_end_utc);
      break;

    case PROP_RRULE:
      g_value_set_string (value, self->rrule);
      break;

    case PROP_EXDATES:
      g_value_set_string (value, self->exdates);
      break;

    case PROP_VENUE_NAME:
      g_value_set_string (value, self->venue_name);
      break;

    case PROP_VENUE_ADDRESS:
      g_value_set_string (value, self->venue_address);
      break;

    case PROP_VENUE_ROOM:
      g_value_set_string (value, self->venue_room);
      break;

    case PROP_ONLINE_URL:
      g_value_set_string (value, self->online_url);
      break;

    case PROP_AUDIENCE:
      g_value_set_enum (value, self->audience);
      break;

    case PROP_COST:
      g_value_set_string (value, self->cost);
      break;

    case PROP_REGISTRATION_URL:
      g_value_set_string (value, self->registration_url);
      break;

    case PROP_ACCESSIBILITY:
      g_value_set_string (value, self->accessibility);
      break;

    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;

    case PROP_IMAGE:
      g_value_set_boxed (value, self->image);
      break;

    case PROP_IMAGE_URL:
      g_value_set_string (value, self->image_url);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PROMOTE:
      g_value_set_boolean (value, self->promote);
      break;

    case PROP_CHANNELS:
      g_value_set_flags (value, self->channels);
      break;

    case PROP_FEATURED:
      g_value_set_boolean (value, self->featured);
      break;

    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;

    case PROP_INTAKE_FEED_ID:
      g_value_set_int64 (value, self->intake_feed_id);
      break;

    case PROP_REMOTE_UID:
      g_value_set_string (value, self->remote_uid);
      break;

    case PROP_SEQUENCE:
      g_value_set_int (value, self->sequence);
      break;

    case PROP_CATEGORIES:
      g_value_set_boxed (value, self->categories);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_DELETED_AT:
      g_value_set_int64 (value, self->deleted_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_event_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LiaEvent *self = LIA_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      lia_event_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UID:
      lia_event_set_uid (self, g_value_get_string (value));
      break;

    case PROP_RECURRENCE_OF:
      lia_event_set_recurrence_of (self, g_value_get_int64 (value));
      break;

    case PROP_RECURRENCE_ID:
      lia_event_set_recurrence_id (self, g_value_get_string (value));
      break;

    case PROP_PARTNER_ID:
      lia_event_set_partner_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      lia_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      lia_event_set_summary (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      lia_event_set_description (self, g_value_get_string (value));
      break;

    case PROP_DTSTART:
      lia_event_set_dtstart (self, g_value_get_string (value));
      break;

    case PROP_DTEND:
      lia_event_set_dtend (self, g_value_get_string (value));
      break;

    case PROP_TZID:
      lia_event_set_tzid (self, g_value_get_string (value));
      break;

    case PROP_ALL_DAY:
      lia_event_set_all_day (self, g_value_get_boolean (value));
      break;

    case PROP_START_UTC:
      lia_event_set_start_utc (self, g_value_get_int64 (value));
      break;

    case PROP_LAST_END_UTC:
      lia_event_set_last_end_utc (self, g_value_get_int64 (value));
      break;

    case PROP_RRULE:
      lia_event_set_rrule (self, g_value_get_string (value));
      break;

    case PROP_EXDATES:
      lia_event_set_exdates (self, g_value_get_string (value));
      break;

    case PROP_VENUE_NAME:
      lia_event_set_venue_name (self, g_value_get_string (value));
      break;

    case PROP_VENUE_ADDRESS:
      lia_event_set_venue_address (self, g_value_get_string (value));
      break;

    case PROP_VENUE_ROOM:
      lia_event_set_venue_room (self, g_value_get_string (value));
      break;

    case PROP_ONLINE_URL:
      lia_event_set_online_url (self, g_value_get_string (value));
      break;

    case PROP_AUDIENCE:
      lia_event_set_audience (self, g_value_get_enum (value));
      break;

    case PROP_COST:
      lia_event_set_cost (self, g_value_get_string (value));
      break;

    case PROP_REGISTRATION_URL:
      lia_event_set_registration_url (self, g_value_get_string (value));
      break;

    case PROP_ACCESSIBILITY:
      lia_event_set_accessibility (self, g_value_get_string (value));
      break;

    case PROP_CONTACT:
      lia_event_set_contact (self, g_value_get_string (value));
      break;

    case PROP_IMAGE:
      lia_event_set_image (self, g_value_get_boxed (value));
      break;

    case PROP_IMAGE_URL:
      lia_event_set_image_url (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      lia_event_set_status (self, g_value_get_enum (value));
      break;

    case PROP_PROMOTE:
      lia_event_set_promote (self, g_value_get_boolean (value));
      break;

    case PROP_CHANNELS:
      lia_event_set_channels (self, g_value_get_flags (value));
      break;

    case PROP_FEATURED:
      lia_event_set_featured (self, g_value_get_boolean (value));
      break;

    case PROP_SOURCE:
      lia_event_set_source (self, g_value_get_enum (value));
      break;

    case PROP_INTAKE_FEED_ID:
      lia_event_set_intake_feed_id (self, g_value_get_int64 (value));
      break;

    case PROP_REMOTE_UID:
      lia_event_set_remote_uid (self, g_value_get_string (value));
      break;

    case PROP_SEQUENCE:
      lia_event_set_sequence (self, g_value_get_int (value));
      break;

    case PROP_CATEGORIES:
      lia_event_set_categories (self, g_value_get_boxed (value));
      break;

    case PROP_CREATED_AT:
      lia_event_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      lia_event_set_updated_at (self, g_value_get_int64 (value));
      break;

    case PROP_DELETED_AT:
      lia_event_set_deleted_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_event_class_init (LiaEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_event_finalize;
  object_class->get_property = lia_event_get_property;
  object_class->set_property = lia_event_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RECURRENCE_OF] =
    g_param_spec_int64 ("recurrence-of", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RECURRENCE_ID] =
    g_param_spec_string ("recurrence-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PARTNER_ID] =
    g_param_spec_int64 ("partner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DTSTART] =
    g_param_spec_string ("dtstart", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DTEND] =
    g_param_spec_string ("dtend", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TZID] =
    g_param_spec_string ("tzid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ALL_DAY] =
    g_param_spec_boolean ("all-day", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_START_UTC] =
    g_param_spec_int64 ("start-utc", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_END_UTC] =
    g_param_spec_int64 ("last-end-utc", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RRULE] =
    g_param_spec_string ("rrule", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EXDATES] =
    g_param_spec_string ("exdates", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VENUE_NAME] =
    g_param_spec_string ("venue-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VENUE_ADDRESS] =
    g_param_spec_string ("venue-address", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VENUE_ROOM] =
    g_param_spec_string ("venue-room", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ONLINE_URL] =
    g_param_spec_string ("online-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AUDIENCE] =
    g_param_spec_enum ("audience", NULL, NULL,
                       LIA_TYPE_AUDIENCE, LIA_AUDIENCE_ALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COST] =
    g_param_spec_string ("cost", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REGISTRATION_URL] =
    g_param_spec_string ("registration-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACCESSIBILITY] =
    g_param_spec_string ("accessibility", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IMAGE] =
    g_param_spec_boxed ("image", NULL, NULL, G_TYPE_BYTES,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IMAGE_URL] =
    g_param_spec_string ("image-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LIA_TYPE_EVENT_STATUS, LIA_EVENT_STATUS_DRAFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PROMOTE] =
    g_param_spec_boolean ("promote", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CHANNELS] =
    g_param_spec_flags ("channels", NULL, NULL,
                        LIA_TYPE_CHANNELS, LIA_CHANNEL_NONE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FEATURED] =
    g_param_spec_boolean ("featured", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL,
                       LIA_TYPE_EVENT_SOURCE, LIA_EVENT_SOURCE_MANUAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_INTAKE_FEED_ID] =
    g_param_spec_int64 ("intake-feed-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REMOTE_UID] =
    g_param_spec_string ("remote-uid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEQUENCE] =
    g_param_spec_int ("sequence", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CATEGORIES] =
    g_param_spec_boxed ("categories", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DELETED_AT] =
    g_param_spec_int64 ("deleted-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_event_init (LiaEvent *self)
{
  self->audience = LIA_AUDIENCE_ALL;
  self->status = LIA_EVENT_STATUS_DRAFT;
  self->source = LIA_EVENT_SOURCE_MANUAL;
}

LiaEvent *
lia_event_new (void)
{
  return g_object_new (LIA_TYPE_EVENT, NULL);
}

/**
 * lia_event_copy:
 *
 * Returns: (transfer full): a new event with the same fields, id included
 */
LiaEvent *
lia_event_copy (LiaEvent *self)
{
  LiaEvent *copy;

  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  copy = lia_event_new ();

  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->recurrence_of = self->recurrence_of;
  copy->recurrence_id = g_strdup (self->recurrence_id);
  copy->partner_id = self->partner_id;
  copy->title = g_strdup (self->title);
  copy->summary = g_strdup (self->summary);
  copy->description = g_strdup (self->description);
  copy->dtstart = g_strdup (self->dtstart);
  copy->dtend = g_strdup (self->dtend);
  copy->tzid = g_strdup (self->tzid);
  copy->all_day = self->all_day;
  copy->start_utc = self->start_utc;
  copy->last_end_utc = self->last_end_utc;
  copy->rrule = g_strdup (self->rrule);
  copy->exdates = g_strdup (self->exdates);
  copy->venue_name = g_strdup (self->venue_name);
  copy->venue_address = g_strdup (self->venue_address);
  copy->venue_room = g_strdup (self->venue_room);
  copy->online_url = g_strdup (self->online_url);
  copy->audience = self->audience;
  copy->cost = g_strdup (self->cost);
  copy->registration_url = g_strdup (self->registration_url);
  copy->accessibility = g_strdup (self->accessibility);
  copy->contact = g_strdup (self->contact);
  copy->image = self->image != NULL ? g_bytes_ref (self->image) : NULL;
  copy->image_url = g_strdup (self->image_url);
  copy->status = self->status;
  copy->promote = self->promote;
  copy->channels = self->channels;
  copy->featured = self->featured;
  copy->source = self->source;
  copy->intake_feed_id = self->intake_feed_id;
  copy->remote_uid = g_strdup (self->remote_uid);
  copy->sequence = self->sequence;
  copy->categories = g_strdupv (self->categories);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->deleted_at = self->deleted_at;

  return copy;
}

gint64
lia_event_get_id (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->id;
}

void
lia_event_set_id (LiaEvent *self,
                  gint64    id)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
lia_event_get_uid (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->uid;
}

void
lia_event_set_uid (LiaEvent   *self,
                   const char *uid)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UID]);
}

gint64
lia_event_get_recurrence_of (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->recurrence_of;
}

void
lia_event_set_recurrence_of (LiaEvent *self,
                             gint64    recurrence_of)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->recurrence_of == recurrence_of)
    return;

  self->recurrence_of = recurrence_of;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECURRENCE_OF]);
}

const char *
lia_event_get_recurrence_id (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->recurrence_id;
}

void
lia_event_set_recurrence_id (LiaEvent   *self,
                             const char *recurrence_id)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->recurrence_id, recurrence_id) == 0)
    return;

  g_free (self->recurrence_id);
  self->recurrence_id = g_strdup (recurrence_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RECURRENCE_ID]);
}

gint64
lia_event_get_partner_id (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->partner_id;
}

void
lia_event_set_partner_id (LiaEvent *self,
                          gint64    partner_id)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->partner_id == partner_id)
    return;

  self->partner_id = partner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTNER_ID]);
}

const char *
lia_event_get_title (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->title;
}

void
lia_event_set_title (LiaEvent   *self,
                     const char *title)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
lia_event_get_summary (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->summary;
}

void
lia_event_set_summary (LiaEvent   *self,
                       const char *summary)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
}

const char *
lia_event_get_description (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->description;
}

void
lia_event_set_description (LiaEvent   *self,
                           const char *description)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

const char *
lia_event_get_dtstart (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->dtstart;
}

void
lia_event_set_dtstart (LiaEvent   *self,
                       const char *dtstart)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->dtstart, dtstart) == 0)
    return;

  g_free (self->dtstart);
  self->dtstart = g_strdup (dtstart);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DTSTART]);
}

const char *
lia_event_get_dtend (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->dtend;
}

void
lia_event_set_dtend (LiaEvent   *self,
                     const char *dtend)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->dtend, dtend) == 0)
    return;

  g_free (self->dtend);
  self->dtend = g_strdup (dtend);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DTEND]);
}

const char *
lia_event_get_tzid (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->tzid;
}

void
lia_event_set_tzid (LiaEvent   *self,
                    const char *tzid)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->tzid, tzid) == 0)
    return;

  g_free (self->tzid);
  self->tzid = g_strdup (tzid);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TZID]);
}

gboolean
lia_event_get_all_day (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), FALSE);

  return self->all_day;
}

void
lia_event_set_all_day (LiaEvent *self,
                       gboolean  all_day)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  all_day = !!all_day;

  if (self->all_day == all_day)
    return;

  self->all_day = all_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ALL_DAY]);
}

gint64
lia_event_get_start_utc (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->start_utc;
}

void
lia_event_set_start_utc (LiaEvent *self,
                         gint64    start_utc)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->start_utc == start_utc)
    return;

  self->start_utc = start_utc;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START_UTC]);
}

gint64
lia_event_get_last_end_utc (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->last_end_utc;
}

void
lia_event_set_last_end_utc (LiaEvent *self,
                            gint64    last_end_utc)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->last_end_utc == last_end_utc)
    return;

  self->last_end_utc = last_end_utc;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_END_UTC]);
}

const char *
lia_event_get_rrule (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->rrule;
}

void
lia_event_set_rrule (LiaEvent   *self,
                     const char *rrule)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->rrule, rrule) == 0)
    return;

  g_free (self->rrule);
  self->rrule = g_strdup (rrule);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RRULE]);
}

const char *
lia_event_get_exdates (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->exdates;
}

void
lia_event_set_exdates (LiaEvent   *self,
                       const char *exdates)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->exdates, exdates) == 0)
    return;

  g_free (self->exdates);
  self->exdates = g_strdup (exdates);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXDATES]);
}

const char *
lia_event_get_venue_name (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->venue_name;
}

void
lia_event_set_venue_name (LiaEvent   *self,
                          const char *venue_name)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->venue_name, venue_name) == 0)
    return;

  g_free (self->venue_name);
  self->venue_name = g_strdup (venue_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VENUE_NAME]);
}

const char *
lia_event_get_venue_address (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->venue_address;
}

void
lia_event_set_venue_address (LiaEvent   *self,
                             const char *venue_address)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->venue_address, venue_address) == 0)
    return;

  g_free (self->venue_address);
  self->venue_address = g_strdup (venue_address);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VENUE_ADDRESS]);
}

const char *
lia_event_get_venue_room (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->venue_room;
}

void
lia_event_set_venue_room (LiaEvent   *self,
                          const char *venue_room)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->venue_room, venue_room) == 0)
    return;

  g_free (self->venue_room);
  self->venue_room = g_strdup (venue_room);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VENUE_ROOM]);
}

const char *
lia_event_get_online_url (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->online_url;
}

void
lia_event_set_online_url (LiaEvent   *self,
                          const char *online_url)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->online_url, online_url) == 0)
    return;

  g_free (self->online_url);
  self->online_url = g_strdup (online_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ONLINE_URL]);
}

LiaAudience
lia_event_get_audience (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->audience;
}

void
lia_event_set_audience (LiaEvent    *self,
                        LiaAudience  audience)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->audience == audience)
    return;

  self->audience = audience;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUDIENCE]);
}

const char *
lia_event_get_cost (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->cost;
}

void
lia_event_set_cost (LiaEvent   *self,
                    const char *cost)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->cost, cost) == 0)
    return;

  g_free (self->cost);
  self->cost = g_strdup (cost);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COST]);
}

const char *
lia_event_get_registration_url (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->registration_url;
}

void
lia_event_set_registration_url (LiaEvent   *self,
                                const char *registration_url)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->registration_url, registration_url) == 0)
    return;

  g_free (self->registration_url);
  self->registration_url = g_strdup (registration_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGISTRATION_URL]);
}

const char *
lia_event_get_accessibility (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->accessibility;
}

void
lia_event_set_accessibility (LiaEvent   *self,
                             const char *accessibility)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->accessibility, accessibility) == 0)
    return;

  g_free (self->accessibility);
  self->accessibility = g_strdup (accessibility);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCESSIBILITY]);
}

const char *
lia_event_get_contact (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->contact;
}

void
lia_event_set_contact (LiaEvent   *self,
                       const char *contact)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->contact, contact) == 0)
    return;

  g_free (self->contact);
  self->contact = g_strdup (contact);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT]);
}

/**
 * lia_event_get_image:
 *
 * Returns: (transfer none) (nullable): the image bytes
 */
GBytes *
lia_event_get_image (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->image;
}

void
lia_event_set_image (LiaEvent *self,
                     GBytes   *image)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->image == image ||
      (self->image != NULL && image != NULL && g_bytes_equal (self->image, image)))
    return;

  g_clear_pointer (&self->image, g_bytes_unref);
  if (image != NULL)
    self->image = g_bytes_ref (image);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMAGE]);
}

const char *
lia_event_get_image_url (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->image_url;
}

void
lia_event_set_image_url (LiaEvent   *self,
                         const char *image_url)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->image_url, image_url) == 0)
    return;

  g_free (self->image_url);
  self->image_url = g_strdup (image_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IMAGE_URL]);
}

LiaEventStatus
lia_event_get_status (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->status;
}

void
lia_event_set_status (LiaEvent       *self,
                      LiaEventStatus  status)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

gboolean
lia_event_get_promote (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), FALSE);

  return self->promote;
}

void
lia_event_set_promote (LiaEvent *self,
                       gboolean  promote)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  promote = !!promote;

  if (self->promote == promote)
    return;

  self->promote = promote;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROMOTE]);
}

LiaChannels
lia_event_get_channels (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->channels;
}

void
lia_event_set_channels (LiaEvent    *self,
                        LiaChannels  channels)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->channels == channels)
    return;

  self->channels = channels;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANNELS]);
}

gboolean
lia_event_get_featured (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), FALSE);

  return self->featured;
}

void
lia_event_set_featured (LiaEvent *self,
                        gboolean  featured)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  featured = !!featured;

  if (self->featured == featured)
    return;

  self->featured = featured;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FEATURED]);
}

LiaEventSource
lia_event_get_source (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->source;
}

void
lia_event_set_source (LiaEvent       *self,
                      LiaEventSource  source)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->source == source)
    return;

  self->source = source;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
}

gint64
lia_event_get_intake_feed_id (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->intake_feed_id;
}

void
lia_event_set_intake_feed_id (LiaEvent *self,
                              gint64    intake_feed_id)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->intake_feed_id == intake_feed_id)
    return;

  self->intake_feed_id = intake_feed_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INTAKE_FEED_ID]);
}

const char *
lia_event_get_remote_uid (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return self->remote_uid;
}

void
lia_event_set_remote_uid (LiaEvent   *self,
                          const char *remote_uid)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (g_strcmp0 (self->remote_uid, remote_uid) == 0)
    return;

  g_free (self->remote_uid);
  self->remote_uid = g_strdup (remote_uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REMOTE_UID]);
}

int
lia_event_get_sequence (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->sequence;
}

void
lia_event_set_sequence (LiaEvent *self,
                        int       sequence)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->sequence == sequence)
    return;

  self->sequence = sequence;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEQUENCE]);
}

/**
 * lia_event_get_categories:
 *
 * Returns: (transfer none) (nullable): the categories, as the store reads
 *   them sorted
 */
const char * const *
lia_event_get_categories (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);

  return (const char * const *)self->categories;
}

void
lia_event_set_categories (LiaEvent           *self,
                          const char * const *categories)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->categories == (GStrv)categories ||
      (self->categories != NULL && categories != NULL &&
       g_strv_equal ((const char * const *)self->categories, categories)))
    return;

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **)categories);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATEGORIES]);
}

gint64
lia_event_get_created_at (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->created_at;
}

void
lia_event_set_created_at (LiaEvent *self,
                          gint64    created_at)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

gint64
lia_event_get_updated_at (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->updated_at;
}

void
lia_event_set_updated_at (LiaEvent *self,
                          gint64    updated_at)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->updated_at == updated_at)
    return;

  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

gint64
lia_event_get_deleted_at (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), 0);

  return self->deleted_at;
}

void
lia_event_set_deleted_at (LiaEvent *self,
                          gint64    deleted_at)
{
  g_return_if_fail (LIA_IS_EVENT (self));

  if (self->deleted_at == deleted_at)
    return;

  self->deleted_at = deleted_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELETED_AT]);
}
/**
 * lia_event_is_recurring:
 *
 * Returns: whether the event is a series (it has an RRULE)
 */
gboolean
lia_event_is_recurring (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), FALSE);

  return self->rrule != NULL && self->rrule[0] != '\0';
}

/**
 * lia_event_content_equal:
 *
 * Compares what a calendar shows of @a and @b: an empty text is the same
 * as none, titles are compared trimmed (as the store saves them), and
 * categories are a set. Ids, timestamps, the derived UTC
 * span, the source and the promotion (promote, channels, featured) are
 * left out.
 *
 * Returns: whether a subscriber would see no difference
 */
gboolean
lia_event_content_equal (LiaEvent *a,
                         LiaEvent *b)
{
  g_return_val_if_fail (LIA_IS_EVENT (a), FALSE);
  g_return_val_if_fail (LIA_IS_EVENT (b), FALSE);

  return text_equal (a->uid, b->uid) &&
         text_equal (a->recurrence_id, b->recurrence_id) &&
         a->partner_id == b->partner_id &&
         title_equal (a->title, b->title) &&
         text_equal (a->summary, b->summary) &&
         text_equal (a->description, b->description) &&
         text_equal (a->dtstart, b->dtstart) &&
         text_equal (a->dtend, b->dtend) &&
         text_equal (a->tzid, b->tzid) &&
         a->all_day == b->all_day &&
         text_equal (a->rrule, b->rrule) &&
         text_equal (a->exdates, b->exdates) &&
         text_equal (a->venue_name, b->venue_name) &&
         text_equal (a->venue_address, b->venue_address) &&
         text_equal (a->venue_room, b->venue_room) &&
         text_equal (a->online_url, b->online_url) &&
         a->audience == b->audience &&
         text_equal (a->cost, b->cost) &&
         text_equal (a->registration_url, b->registration_url) &&
         text_equal (a->accessibility, b->accessibility) &&
         text_equal (a->contact, b->contact) &&
         bytes_equal (a->image, b->image) &&
         text_equal (a->image_url, b->image_url) &&
         a->status == b->status &&
         categories_equal ((const char * const *)a->categories,
                           (const char * const *)b->categories);
}

/**
 * lia_event_apply_promotion_tier:
 * @tier: the promotion tier of the event's partner
 *
 * Sets promote, featured and channels to what @tier gives by default.
 */
void
lia_event_apply_promotion_tier (LiaEvent         *self,
                                LiaPromotionTier  tier)
{
  gboolean promote = FALSE;
  gboolean featured = FALSE;
  LiaChannels channels = LIA_CHANNEL_NONE;

  g_return_if_fail (LIA_IS_EVENT (self));

  switch (tier)
    {
    case LIA_PROMOTION_TIER_FEATURED:
      promote = TRUE;
      featured = TRUE;
      channels = (LIA_CHANNEL_WEBSITE | LIA_CHANNEL_PRINT_BULLETIN | LIA_CHANNEL_FLYER |
                  LIA_CHANNEL_NEWSLETTER | LIA_CHANNEL_DISPLAY_BOARD);
      break;

    case LIA_PROMOTION_TIER_STANDARD:
      promote = TRUE;
      channels = LIA_CHANNEL_WEBSITE | LIA_CHANNEL_PRINT_BULLETIN;
      break;

    case LIA_PROMOTION_TIER_LISTED_ONLY:
      channels = LIA_CHANNEL_WEBSITE;
      break;

    case LIA_PROMOTION_TIER_NOT_PROMOTED:
      break;

    default:
      g_return_if_reached ();
    }

  g_object_freeze_notify (G_OBJECT (self));
  lia_event_set_promote (self, promote);
  lia_event_set_featured (self, featured);
  lia_event_set_channels (self, channels);
  g_object_thaw_notify (G_OBJECT (self));
}
