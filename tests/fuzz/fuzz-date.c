/* fuzz-date.c: libFuzzer target: the date parser (what a person types in a date field). */
#include "config.h"

#include "fuzz-target.h"
#include "hel-validate.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  if (hel_date_parse (text, &iso, &error))
    {
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert (hel_date_is_valid_iso (iso));
      /* What is shown parses back to the same date. */
      shown = hel_date_format (iso);
      g_assert (hel_date_parse (iso, &again, NULL));
      g_assert (g_strcmp0 (again, iso) == 0);
    }
  else
    g_assert (error != NULL);
  return 0;
}
