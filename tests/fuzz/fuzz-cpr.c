/* fuzz-cpr.c: libFuzzer target: the CPR number and date parsers, with any text. */
#include "config.h"

#include <string.h>

#include "fuzz-target.h"
#include "hel-validate.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *cpr = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *masked = NULL;
  g_autoptr(GError) error = NULL;

  if (hel_cpr_parse (text, &cpr, &birth, &error))
    {
      g_assert_no_error (error);
      g_assert (cpr != NULL && strlen (cpr) == 11 && cpr[6] == '-');
      g_assert (hel_date_is_valid_iso (birth));
      masked = hel_cpr_mask (cpr);
      g_assert (masked != NULL);
    }
  else
    g_assert (error != NULL);
  return 0;
}
