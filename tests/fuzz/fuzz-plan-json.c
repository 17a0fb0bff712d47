/* fuzz-plan-json.c: libFuzzer target: the family plan JSON reader (versions, undo, import). */
#include "config.h"

#include "fuzz-target.h"
#include "hel-plan.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(HelPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, (const char *) data, (gssize) size, NULL))
    return 0;
  plan = hel_plan_from_json (json_parser_get_root (parser), &error);
  g_assert ((plan == NULL) == (error != NULL));
  if (plan != NULL)
    {
      /* What was read writes back and reads again as the same plan. */
      g_autoptr(JsonNode) node = hel_plan_to_json (plan);
      g_autoptr(HelPlan) again = hel_plan_from_json (node, &error);

      g_assert_no_error (error);
      g_assert (hel_plan_equal (plan, again));
    }
  return 0;
}
