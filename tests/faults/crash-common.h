/* crash-common.h: what the crash child reports and the crash test checks: a checksum of the
 * content of one row, computed the same way on both sides. */
#pragma once

#include <glib.h>

/* FNV-1a, 32 bits: enough to tell one edit's text from another's. */
static inline guint32
crash_checksum (const char *text)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }
  return hash;
}

static inline char *
crash_node_content (gint64      netmap_id,
                    const char *name,
                    double      x,
                    double      y)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%.17g|%.17g", netmap_id, name, x, y);
}

static inline char *
crash_child_content (gint64      parent_id,
                     const char *text)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s", parent_id, text);
}
