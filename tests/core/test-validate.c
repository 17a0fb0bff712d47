/* test-validate.c: dates, CPR numbers and required texts as people type them. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hel-validate.h"

static void
assert_date (const char *text,
             const char *expected_iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  g_assert_true (hel_date_parse (text, &iso, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, expected_iso);
}

static void
assert_bad_date (const char *text,
                 int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  g_assert_false (hel_date_parse (text, &iso, &error));
  g_assert_error (error, HEL_VALIDATE_ERROR, code);
  g_assert_null (iso);
  g_assert_nonnull (error->message);
}

static void
test_date_parse (void)
{
  assert_date ("23.11.2026", "2026-11-23");
  assert_date (" 1.2.2024 ", "2024-02-01");
  assert_date ("23-11-2026", "2026-11-23");
  assert_date ("23/11/2026", "2026-11-23");
  assert_date ("23/11-2026", "2026-11-23");
  assert_date ("2026-11-23", "2026-11-23");
  assert_date ("23112026", "2026-11-23");
  assert_date ("29.02.2024", "2024-02-29");

  assert_bad_date ("", HEL_VALIDATE_ERROR_EMPTY);
  assert_bad_date ("   ", HEL_VALIDATE_ERROR_EMPTY);
  assert_bad_date ("29.02.2023", HEL_VALIDATE_ERROR_RANGE);
  assert_bad_date ("31.04.2026", HEL_VALIDATE_ERROR_RANGE);
  assert_bad_date ("0.1.2026", HEL_VALIDATE_ERROR_RANGE);
  assert_bad_date ("1.13.2026", HEL_VALIDATE_ERROR_RANGE);
  assert_bad_date ("1.1.26", HEL_VALIDATE_ERROR_FORMAT);
  assert_bad_date ("i går", HEL_VALIDATE_ERROR_FORMAT);
  assert_bad_date ("2026-11-23x", HEL_VALIDATE_ERROR_FORMAT);
  assert_bad_date ("23.11.2026.", HEL_VALIDATE_ERROR_FORMAT);
  assert_bad_date ("1.1.1700", HEL_VALIDATE_ERROR_RANGE);
}

static void
test_date_helpers (void)
{
  g_autofree char *shown = hel_date_format ("2026-11-23");
  g_autofree char *none = hel_date_format ("not a date");
  g_autofree char *today = hel_date_today ();

  /* Untranslated (C) the display format is ISO; Danish comes from da.po. */
  g_assert_cmpstr (shown, ==, "2026-11-23");
  g_assert_cmpstr (none, ==, "");
  g_assert_true (hel_date_is_valid_iso (today));
  g_assert_false (hel_date_is_valid_iso ("2026-02-30"));
  g_assert_false (hel_date_is_valid_iso ("2026-2-3"));
  g_assert_false (hel_date_is_valid_iso (NULL));

  g_assert_cmpint (hel_date_compare ("2024-01-01", "2025-01-01"), <, 0);
  g_assert_cmpint (hel_date_compare (NULL, "2025-01-01"), >, 0);
  g_assert_cmpint (hel_date_compare ("", NULL), ==, 0);

  g_assert_cmpint (hel_date_age_years ("2010-11-24", "2026-11-23"), ==, 15);
  g_assert_cmpint (hel_date_age_years ("2010-11-23", "2026-11-23"), ==, 16);
  g_assert_cmpint (hel_date_age_years ("2008-02-29", "2026-02-28"), ==, 17);
  g_assert_cmpint (hel_date_age_years ("garbage", "2026-02-28"), ==, -1);
}

static void
assert_cpr (const char *text,
            const char *expected_cpr,
            const char *expected_birth)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cpr = NULL;
  g_autofree char *birth = NULL;

  g_assert_true (hel_cpr_parse (text, &cpr, &birth, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cpr, ==, expected_cpr);
  g_assert_cmpstr (birth, ==, expected_birth);
}

static void
assert_bad_cpr (const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cpr = NULL;

  g_assert_false (hel_cpr_parse (text, &cpr, NULL, &error));
  g_assert_error (error, HEL_VALIDATE_ERROR, code);
  g_assert_null (cpr);
  /* The message must never repeat the number: it could end up on a projector. */
  g_assert_null (strstr (error->message, "1234"));
}

static void
test_cpr (void)
{
  /* Serial digit 0-3: 1900s. */
  assert_cpr ("010180-1234", "010180-1234", "1980-01-01");
  assert_cpr ("0101801234", "010180-1234", "1980-01-01");
  assert_cpr (" 010180 1234 ", "010180-1234", "1980-01-01");
  /* 4 and 9: 2000-2036, else 1900s. */
  assert_cpr ("150836-4234", "150836-4234", "2036-08-15");
  assert_cpr ("150837-4234", "150837-4234", "1937-08-15");
  assert_cpr ("150815-9234", "150815-9234", "2015-08-15");
  /* 5-8: 2000-2057, else 1800s. */
  assert_cpr ("290212-5234", "290212-5234", "2012-02-29");
  assert_cpr ("010158-6234", "010158-6234", "1858-01-01");
  /* No modulus-11 check: this fails it and is still accepted. */
  assert_cpr ("010190-1235", "010190-1235", "1990-01-01");

  assert_bad_cpr ("", HEL_VALIDATE_ERROR_EMPTY);
  assert_bad_cpr ("010180-123", HEL_VALIDATE_ERROR_FORMAT);
  assert_bad_cpr ("010180-12345", HEL_VALIDATE_ERROR_FORMAT);
  assert_bad_cpr ("01018-01234", HEL_VALIDATE_ERROR_FORMAT);
  assert_bad_cpr ("O10180-1234", HEL_VALIDATE_ERROR_FORMAT);
  assert_bad_cpr ("320180-1234", HEL_VALIDATE_ERROR_RANGE);
  assert_bad_cpr ("290213-5234", HEL_VALIDATE_ERROR_RANGE);
  assert_bad_cpr ("011380-1234", HEL_VALIDATE_ERROR_RANGE);
}

static void
test_cpr_mask (void)
{
  g_autofree char *masked = hel_cpr_mask ("010180-1234");
  g_autofree char *empty = hel_cpr_mask (NULL);

  g_assert_null (strstr (masked, "0101"));
  g_assert_null (strstr (masked, "1234"));
  g_assert_cmpstr (empty, ==, "");
}

static void
test_text_require (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (hel_text_require ("  Familien Testrup ", "a name", &text, NULL));
  g_assert_cmpstr (text, ==, "Familien Testrup");
  g_clear_pointer (&text, g_free);
  g_assert_false (hel_text_require (" \t", "a name", &text, &error));
  g_assert_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_EMPTY);
  g_assert_null (text);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/date/parse", test_date_parse);
  g_test_add_func ("/validate/date/helpers", test_date_helpers);
  g_test_add_func ("/validate/cpr/parse", test_cpr);
  g_test_add_func ("/validate/cpr/mask", test_cpr_mask);
  g_test_add_func ("/validate/text/require", test_text_require);

  return g_test_run ();
}
