/* hel-danish.c: the Danish catalogue (a GNU .mo file), read without the C library's locale.
 *
 * gettext only gives Danish when the process runs in Danish; the family's printouts must be
 * Danish either way, so the catalogue is read here: a header, then two tables of (length,
 * offset) pairs for the source texts and their translations. Contexts are stored as
 * "context\004text". */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hel-danish.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

G_LOCK_DEFINE_STATIC (catalogue);
static GHashTable *catalogue;      /* source text -> Danish, both owned by the table */
static gboolean    loaded;
static char       *override_path;

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 v;

  memcpy (&v, data + offset, sizeof v);
  return swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The string at table entry @i, or NULL when the entry points outside the file. */
static char *
read_string (const guint8 *data,
             gsize         size,
             guint32       table,
             guint32       i,
             gboolean      swapped)
{
  gsize entry = (gsize) table + (gsize) i * 8;
  guint32 length, offset;

  if (entry + 8 > size)
    return NULL;
  length = read_u32 (data, entry, swapped);
  offset = read_u32 (data, entry + 4, swapped);
  if ((gsize) offset + length >= size)
    return NULL;
  /* Plural forms are "one\0other": the first is the text to match. */
  return g_strndup ((const char *) data + offset, length);
}

static GHashTable *
parse (const guint8 *data,
       gsize         size)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (size < 20)
    return NULL;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return NULL;
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  /* Both tables must lie inside the file, or it is not a catalogue */
  if ((guint64) originals + (guint64) n * 8 > size || (guint64) translations + (guint64) n * 8 > size)
    return NULL;
  for (guint32 i = 0; i < n; i++)
    {
      char *original = read_string (data, size, originals, i, swapped);
      char *translation = read_string (data, size, translations, i, swapped);

      if (original == NULL || translation == NULL || *original == '\0' || *translation == '\0')
        {
          g_free (original);
          g_free (translation);
          continue;
        }
      g_hash_table_replace (table, original, translation);
    }
  return g_hash_table_size (table) > 0 ? g_steal_pointer (&table) : NULL;
}

static void
load_locked (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;

  loaded = TRUE;
  if (override_path != NULL)
    path = g_strdup (override_path);
  else
    {
      const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);

      if (dir == NULL)
        return;
      path = g_build_filename (dir, "da", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
    }
  if (g_file_get_contents (path, &contents, &size, NULL))
    catalogue = parse ((const guint8 *) contents, size);
}

static const char *
lookup (const char *key,
        const char *fallback)
{
  const char *found = NULL;

  G_LOCK (catalogue);
  if (!loaded)
    load_locked ();
  if (catalogue != NULL)
    found = g_hash_table_lookup (catalogue, key);
  G_UNLOCK (catalogue);
  return found != NULL ? found : fallback;
}

const char *
hel_danish (const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, NULL);
  return lookup (msgid, msgid);
}

const char *
hel_danish_context (const char *context,
                    const char *msgid)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);
  key = g_strconcat (context, "\004", msgid, NULL);
  return lookup (key, msgid);
}

gboolean
hel_danish_available (void)
{
  gboolean available;

  G_LOCK (catalogue);
  if (!loaded)
    load_locked ();
  available = catalogue != NULL;
  G_UNLOCK (catalogue);
  return available;
}

void
_hel_danish_reset (const char *path)
{
  G_LOCK (catalogue);
  g_clear_pointer (&catalogue, g_hash_table_unref);
  g_clear_pointer (&override_path, g_free);
  override_path = g_strdup (path);
  loaded = FALSE;
  G_UNLOCK (catalogue);
}
