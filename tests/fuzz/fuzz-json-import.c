/* fuzz-json-import.c: libFuzzer target: the whole-database JSON import, into an in-memory
 * store; whatever the input, it imports whole or fails with a message, never half. */
#include "config.h"

#include "fuzz-target.h"
#include "hel-json.h"
#include "hel-store-private.h"

static HelStore *store;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gboolean ok;

  /* One in-memory database for the whole run; each import replaces what the last left. */
  if (store == NULL)
    {
      store = hel_store_open (":memory:", HEL_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
    }
  ok = hel_json_import_from_data (store, (const char *) data, (gssize) size,
                                  HEL_JSON_IMPORT_REPLACE, &error);
  g_assert (ok == (error == NULL));
  g_assert (ok || error->message[0] != '\0');
  /* The import runs in one transaction, and leaves none open. */
  db = _hel_store_get_handle (store);
  g_assert (sqlite3_get_autocommit (db));
  return 0;
}
