/* test-settings.c
 * Copyright 2026 The Liaison Authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LiaSettings over the memory GSettings backend.
 */

#include "config.h"

#include "lia-settings.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_library_name (void)
{
  g_autoptr(LiaSettings) settings = lia_settings_new ();
  g_autoptr(GSettings) gsettings = g_settings_new (BASE_APPLICATION_ID);
  g_autofree char *stored = NULL;
  guint notified = 0;

  g_signal_connect (settings, "notify::library-name", G_CALLBACK (count_notify_cb), &notified);

  lia_settings_set_library_name (settings, "  Riverbend Public Library ");
  g_assert_cmpstr (lia_settings_get_library_name (settings), ==, "Riverbend Public Library");
  stored = g_settings_get_string (gsettings, "library-name");
  g_assert_cmpstr (stored, ==, "Riverbend Public Library");
  g_assert_cmpuint (notified, ==, 1);

  /* The same value again notifies nobody. */
  lia_settings_set_library_name (settings, "Riverbend Public Library");
  g_assert_cmpuint (notified, ==, 1);

  /* A change from elsewhere (another window, dconf) reaches the property. */
  g_settings_set_string (gsettings, "library-name", "Maple Grove Library");
  g_assert_cmpstr (lia_settings_get_library_name (settings), ==, "Maple Grove Library");
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_time_zone (void)
{
  g_autoptr(LiaSettings) settings = lia_settings_new ();
  g_autofree char *local = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *after_bad = NULL;
  g_autofree char *raw = NULL;

  lia_settings_set_library_time_zone (settings, "");
  local = lia_settings_dup_library_time_zone (settings);
  g_assert_nonnull (local);
  g_assert_cmpstr (local, !=, "");

  lia_settings_set_library_time_zone (settings, "America/Edmonton");
  chosen = lia_settings_dup_library_time_zone (settings);
  g_assert_cmpstr (chosen, ==, "America/Edmonton");

  g_test_expect_message ("lia-settings", G_LOG_LEVEL_WARNING, "*Mars/Olympus_Mons*");
  lia_settings_set_library_time_zone (settings, "Mars/Olympus_Mons");
  g_test_assert_expected_messages ();
  after_bad = lia_settings_dup_library_time_zone (settings);
  g_assert_cmpstr (after_bad, ==, "America/Edmonton");

  g_object_get (settings, "library-time-zone", &raw, NULL);
  g_assert_cmpstr (raw, ==, "America/Edmonton");
}

static void
test_staff_names (void)
{
  g_autoptr(LiaSettings) settings = lia_settings_new ();
  const char * const names[] = { "Dana Whitfield", "Marc Tremblay", NULL };
  g_auto(GStrv) from_property = NULL;
  guint notified = 0;

  g_signal_connect (settings, "notify::staff-names", G_CALLBACK (count_notify_cb), &notified);
  lia_settings_set_staff_names (settings, names);
  g_assert_true (g_strv_equal (lia_settings_get_staff_names (settings), names));
  g_assert_cmpuint (notified, ==, 1);

  g_object_get (settings, "staff-names", &from_property, NULL);
  g_assert_true (g_strv_equal ((const char * const *)from_property, names));

  lia_settings_set_staff_names (settings, NULL);
  g_assert_cmpuint (g_strv_length ((char **)lia_settings_get_staff_names (settings)), ==, 0);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_page_size (void)
{
  g_autoptr(LiaSettings) settings = lia_settings_new ();
  GSettings *gsettings = lia_settings_get_gsettings (settings);
  g_autofree char *nick = NULL;
  LiaPageSize from_property;

  g_settings_reset (gsettings, "page-size");
  /* Without a choice, the locale decides (C.UTF-8 in the tests: A4). */
  g_assert_cmpint (lia_settings_get_page_size (settings), ==, lia_page_size_for_locale ());

  lia_settings_set_page_size (settings, LIA_PAGE_SIZE_LETTER);
  g_assert_cmpint (lia_settings_get_page_size (settings), ==, LIA_PAGE_SIZE_LETTER);
  nick = g_settings_get_string (gsettings, "page-size");
  g_assert_cmpstr (nick, ==, "letter");

  g_object_set (settings, "page-size", LIA_PAGE_SIZE_A4, NULL);
  g_object_get (settings, "page-size", &from_property, NULL);
  g_assert_cmpint (from_property, ==, LIA_PAGE_SIZE_A4);
}

static void
test_default_is_shared (void)
{
  LiaSettings *a = lia_settings_get_default ();
  LiaSettings *b = lia_settings_get_default ();

  g_assert_true (a == b);
  g_assert_true (G_IS_SETTINGS (lia_settings_get_gsettings (a)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/library-name", test_library_name);
  g_test_add_func ("/settings/time-zone", test_time_zone);
  g_test_add_func ("/settings/staff-names", test_staff_names);
  g_test_add_func ("/settings/page-size", test_page_size);
  g_test_add_func ("/settings/default-is-shared", test_default_is_shared);

  return g_test_run ();
}
