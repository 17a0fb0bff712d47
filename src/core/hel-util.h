/* hel-util.h: small helpers shared by the core objects. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replace *str_pointer by a copy of new_str; TRUE when the value changed.
 * (g_set_str() needs GLib 2.76; Debian 12 has 2.74.) */
static inline gboolean
hel_set_str (char       **str_pointer,
             const char  *new_str)
{
  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);
  return TRUE;
}

G_END_DECLS
