/* hel-collate.h: names in Danish order (… z, æ, ø, å), the same on every machine and in SQL. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Compares two names the Danish way: … x, y, z, æ, ø, å; "Aa" at the start of a word is å
 * (Aalborg, Aagaard); ä, ö go with æ, ø and ü with y; spaces before punctuation before digits
 * before letters. Case and accents only break ties, so the order is total. It does not depend on
 * the process locale, and it is the order of the store's "ORDER BY … COLLATE HELHED_DA".
 * NULL counts as "". Returns < 0, 0 or > 0 like strcmp (); also usable as a GCompareFunc on
 * the strings themselves (g_list_sort, g_slist_insert_sorted). */
int  hel_collate_names          (const char   *a,
                                 const char   *b);
/* The same on @a_len and @b_len bytes, which need not end in a NUL (-1: up to the NUL). */
int  hel_collate_names_len      (const char   *a,
                                 gssize        a_len,
                                 const char   *b,
                                 gssize        b_len);
/* For arrays of strings, whose compare functions get pointers to the elements: @a and @b are
 * `const char **` (g_ptr_array_sort, qsort). */
int  hel_collate_names_ptr      (gconstpointer a,
                                 gconstpointer b);
/* The same as a GCompareDataFunc (g_ptr_array_sort_with_data, g_array_sort_with_data);
 * @user_data is not used. */
int  hel_collate_names_ptr_data (gconstpointer a,
                                 gconstpointer b,
                                 gpointer      user_data);

G_END_DECLS
