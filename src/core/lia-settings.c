/* lia-settings.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lia-settings"

#include "config.h"

#include <langinfo.h>
#include <stdint.h>
#include <string.h>

#include "lia-settings.h"

/* Nicks of the org.liaisonapp.Liaison.PageSize enum in the schema. */
#define PAGE_SIZE_SYSTEM 0
#define PAGE_SIZE_LETTER 1
#define PAGE_SIZE_A4     2

struct _LiaSettings
{
  GObject    parent_instance;

  /* Owned */
  GSettings *settings;
  char      *library_name;
  char     **staff_names;
};

G_DEFINE_FINAL_TYPE (LiaSettings, lia_settings, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LiaPageSize, lia_page_size,
                    G_DEFINE_ENUM_VALUE (LIA_PAGE_SIZE_LETTER, "letter"),
                    G_DEFINE_ENUM_VALUE (LIA_PAGE_SIZE_A4, "a4"))

enum {
  PROP_0,
  PROP_LIBRARY_NAME,
  PROP_LIBRARY_TIME_ZONE,
  PROP_STAFF_NAMES,
  PROP_PAGE_SIZE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
on_settings_changed_cb (LiaSettings *self,
                        const char  *key,
                        GSettings   *settings)
{
  if (g_str_equal (key, "library-name"))
    {
      g_free (self->library_name);
      self->library_name = g_settings_get_string (settings, key);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY_NAME]);
    }
  else if (g_str_equal (key, "library-time-zone"))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY_TIME_ZONE]);
  else if (g_str_equal (key, "staff-names"))
    {
      g_strfreev (self->staff_names);
      self->staff_names = g_settings_get_strv (settings, key);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAFF_NAMES]);
    }
  else if (g_str_equal (key, "page-size"))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAGE_SIZE]);
}

static void
lia_settings_finalize (GObject *object)
{
  LiaSettings *self = (LiaSettings *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->library_name, g_free);
  g_clear_pointer (&self->staff_names, g_strfreev);

  G_OBJECT_CLASS (lia_settings_parent_class)->finalize (object);
}

static void
lia_settings_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LiaSettings *self = LIA_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY_NAME:
      g_value_set_string (value, self->library_name);
      break;

    case PROP_LIBRARY_TIME_ZONE:
      g_value_take_string (value, g_settings_get_string (self->settings, "library-time-zone"));
      break;

    case PROP_STAFF_NAMES:
      g_value_set_boxed (value, self->staff_names);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_enum (value, lia_settings_get_page_size (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_settings_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LiaSettings *self = LIA_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY_NAME:
      lia_settings_set_library_name (self, g_value_get_string (value));
      break;

    case PROP_LIBRARY_TIME_ZONE:
      lia_settings_set_library_time_zone (self, g_value_get_string (value));
      break;

    case PROP_STAFF_NAMES:
      lia_settings_set_staff_names (self, g_value_get_boxed (value));
      break;

    case PROP_PAGE_SIZE:
      lia_settings_set_page_size (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_settings_class_init (LiaSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_settings_finalize;
  object_class->get_property = lia_settings_get_property;
  object_class->set_property = lia_settings_set_property;

  properties [PROP_LIBRARY_NAME] =
    g_param_spec_string ("library-name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LIBRARY_TIME_ZONE] =
    g_param_spec_string ("library-time-zone", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_STAFF_NAMES] =
    g_param_spec_boxed ("staff-names", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PAGE_SIZE] =
    g_param_spec_enum ("page-size", NULL, NULL,
                       LIA_TYPE_PAGE_SIZE, LIA_PAGE_SIZE_A4,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_settings_init (LiaSettings *self)
{
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  self->library_name = g_settings_get_string (self->settings, "library-name");
  self->staff_names = g_settings_get_strv (self->settings, "staff-names");

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

LiaSettings *
lia_settings_new (void)
{
  return g_object_new (LIA_TYPE_SETTINGS, NULL);
}

/**
 * lia_settings_get_default:
 *
 * Returns: (transfer none): the application's settings object
 */
LiaSettings *
lia_settings_get_default (void)
{
  static LiaSettings *instance;

  if (instance == NULL)
    {
      instance = lia_settings_new ();
      g_object_add_weak_pointer (G_OBJECT (instance), (gpointer *)&instance);
    }

  return instance;
}

GSettings *
lia_settings_get_gsettings (LiaSettings *self)
{
  g_return_val_if_fail (LIA_IS_SETTINGS (self), NULL);

  return self->settings;
}

const char *
lia_settings_get_library_name (LiaSettings *self)
{
  g_return_val_if_fail (LIA_IS_SETTINGS (self), NULL);

  return self->library_name;
}

void
lia_settings_set_library_name (LiaSettings *self,
                               const char  *name)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (LIA_IS_SETTINGS (self));

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (g_strcmp0 (self->library_name, stripped) == 0)
    return;

  /* The changed signal updates the field and notifies. */
  g_settings_set_string (self->settings, "library-name", stripped);
}

/**
 * lia_settings_dup_library_time_zone:
 *
 * Returns: (transfer full): the library's IANA time zone, the computer's
 *   own when none was chosen
 */
char *
lia_settings_dup_library_time_zone (LiaSettings *self)
{
  g_autofree char *tzid = NULL;

  g_return_val_if_fail (LIA_IS_SETTINGS (self), NULL);

  tzid = g_settings_get_string (self->settings, "library-time-zone");
  if (tzid[0] == '\0')
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      return g_strdup (g_time_zone_get_identifier (local));
    }

  return g_steal_pointer (&tzid);
}

/**
 * lia_settings_set_library_time_zone:
 * @tzid: an IANA time zone such as "America/Edmonton", or "" for the
 *   computer's own
 *
 * Unknown zones are ignored with a warning, so a bad value never reaches
 * the dates that Liaison prints and publishes.
 */
void
lia_settings_set_library_time_zone (LiaSettings *self,
                                    const char  *tzid)
{
  g_autofree char *current = NULL;

  g_return_if_fail (LIA_IS_SETTINGS (self));

  if (tzid == NULL)
    tzid = "";

  if (tzid[0] != '\0')
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);

      if (zone == NULL)
        {
          g_warning ("Ignoring unknown time zone ‘%s’", tzid);
          return;
        }
    }

  current = g_settings_get_string (self->settings, "library-time-zone");
  if (g_strcmp0 (current, tzid) == 0)
    return;

  g_settings_set_string (self->settings, "library-time-zone", tzid);
}

/**
 * lia_settings_get_staff_names:
 *
 * Returns: (transfer none): the staff names, in the order they were added
 */
const char * const *
lia_settings_get_staff_names (LiaSettings *self)
{
  g_return_val_if_fail (LIA_IS_SETTINGS (self), NULL);

  return (const char * const *)self->staff_names;
}

void
lia_settings_set_staff_names (LiaSettings        *self,
                              const char * const *names)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (LIA_IS_SETTINGS (self));

  if (names == NULL)
    names = empty;

  if (g_strv_equal ((const char * const *)self->staff_names, names))
    return;

  g_settings_set_strv (self->settings, "staff-names", names);
}

/**
 * lia_page_size_for_locale:
 *
 * Returns: Letter where the locale's paper is 216 mm wide (the Americas,
 *   the Philippines), A4 elsewhere
 */
LiaPageSize
lia_page_size_for_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  /* glibc returns the width in millimetres disguised as a pointer. */
  if ((int)(intptr_t)nl_langinfo (_NL_PAPER_WIDTH) == 216)
    return LIA_PAGE_SIZE_LETTER;
#endif

  return LIA_PAGE_SIZE_A4;
}

LiaPageSize
lia_settings_get_page_size (LiaSettings *self)
{
  g_return_val_if_fail (LIA_IS_SETTINGS (self), LIA_PAGE_SIZE_A4);

  switch (g_settings_get_enum (self->settings, "page-size"))
    {
    case PAGE_SIZE_LETTER:
      return LIA_PAGE_SIZE_LETTER;

    case PAGE_SIZE_A4:
      return LIA_PAGE_SIZE_A4;

    default:
      return lia_page_size_for_locale ();
    }
}

void
lia_settings_set_page_size (LiaSettings *self,
                            LiaPageSize  page_size)
{
  int value;

  g_return_if_fail (LIA_IS_SETTINGS (self));
  g_return_if_fail (page_size == LIA_PAGE_SIZE_LETTER || page_size == LIA_PAGE_SIZE_A4);

  value = page_size == LIA_PAGE_SIZE_LETTER ? PAGE_SIZE_LETTER : PAGE_SIZE_A4;
  if (g_settings_get_enum (self->settings, "page-size") == value)
    return;

  g_settings_set_enum (self->settings, "page-size", value);
}
