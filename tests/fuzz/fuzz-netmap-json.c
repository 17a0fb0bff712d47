/* fuzz-netmap-json.c: libFuzzer target: the network map JSON reader (versions, undo, import). */
#include "config.h"

#include "fuzz-target.h"
#include "hel-netmap.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(HelNetmap) map = NULL;
  g_autoptr(GError) error = NULL;

  map = hel_netmap_from_json_string (text, &error);
  g_assert ((map == NULL) == (error != NULL));
  if (map != NULL)
    {
      g_autofree char *json = hel_netmap_to_json_string (map);
      g_autoptr(HelNetmap) again = hel_netmap_from_json_string (json, &error);

      g_assert_no_error (error);
      g_assert (hel_netmap_equal (map, again));
    }
  return 0;
}
