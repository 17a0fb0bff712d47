/* hel-collate.c: names in Danish order (… z, æ, ø, å), without the process locale. */
#include "config.h"

#include <string.h>

#include "hel-collate.h"

/* Weights of the primary comparison: spaces, then punctuation, digits, the Danish alphabet, and
 * any other letter after å by code point. Case and accents only break ties. */
enum {
  WEIGHT_SPACE = 1,
  WEIGHT_PUNCT = 2,      /* + the ASCII code */
  WEIGHT_DIGIT = 200,    /* + the digit */
  WEIGHT_A     = 300,    /* + the letter's place in a … z */
  WEIGHT_AE    = WEIGHT_A + 26,
  WEIGHT_OE    = WEIGHT_A + 27,
  WEIGHT_AA    = WEIGHT_A + 28,
  WEIGHT_OTHER = 1000,   /* + the code point */
};

typedef struct {
  const char *p;
  const char *end;
  gboolean    word_start;
  guint32     pending;   /* a second weight from one character (ß is "ss") */
} DanishCursor;

static guint32
letter_weight (gunichar c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  switch (c)
    {
    case 0x00E6: /* æ */
    case 0x00E4: /* ä, as Danish dictionaries file it */
      return WEIGHT_AE;
    case 0x00F8: /* ø */
    case 0x00F6: /* ö */
      return WEIGHT_OE;
    case 0x00E5: /* å */
      return WEIGHT_AA;
    case 0x00FC: /* ü is filed under y */
      return WEIGHT_A + ('y' - 'a');
    default:
      break;
    }
  if (c >= 'a' && c <= 'z')
    return WEIGHT_A + (c - 'a');
  /* é, è, á, ç, ñ ... go with their base letter. */
  if (g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts)) > 1 &&
      parts[0] >= 'a' && parts[0] <= 'z')
    return WEIGHT_A + (parts[0] - 'a');
  return WEIGHT_OTHER + c;
}

static gunichar
next_char (const char  *p,
           const char  *end,
           const char **after)
{
  gunichar c;

  /* Most of a Danish name is ASCII: no decoding needed. */
  if ((guchar) *p < 0x80)
    {
      *after = p + 1;
      return (guchar) *p;
    }
  c = g_utf8_get_char_validated (p, end - p);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      /* Not UTF-8: the byte stands for itself, after all letters. */
      *after = p + 1;
      return 0x110000 + (guchar) *p;
    }
  *after = g_utf8_next_char (p);
  return c;
}

/* The next primary weight of the string, 0 at its end. */
static guint32
danish_next (DanishCursor *cur)
{
  const char *after, *after2;
  gunichar c;
  guint32 weight;

  if (cur->pending != 0)
    {
      weight = cur->pending;
      cur->pending = 0;
      return weight;
    }
  if (cur->p >= cur->end)
    return 0;

  c = next_char (cur->p, cur->end, &after);
  c = c < 0x80 ? (gunichar) g_ascii_tolower (c) : g_unichar_tolower (c);
  /* "Aa" at the start of a name (Aalborg, Aagaard) is the old spelling of å. */
  if (c == 'a' && cur->word_start && after < cur->end &&
      g_unichar_tolower (next_char (after, cur->end, &after2)) == 'a')
    {
      cur->p = after2;
      cur->word_start = FALSE;
      return WEIGHT_AA;
    }
  cur->p = after;
  cur->word_start = c < 0x80 ? !g_ascii_isalnum (c) : !g_unichar_isalnum (c);

  if (c == 0x00DF) /* ß */
    {
      cur->pending = WEIGHT_A + ('s' - 'a');
      return cur->pending;
    }
  if (c < 0x80 ? g_ascii_isspace (c) : g_unichar_isspace (c))
    return WEIGHT_SPACE;
  if (c < 0x80 && g_ascii_isdigit (c))
    return WEIGHT_DIGIT + (c - '0');
  if (c < 0x80 && !g_ascii_isalpha (c))
    return WEIGHT_PUNCT + c;
  return letter_weight (c);
}

/* Ties on the letters: compare the lower-case characters (so "Ole" and "Olé" stay apart), then
 * the bytes, so the order is total and the same on every machine. */
static int
compare_lower (const char *a,
               const char *a_end,
               const char *b,
               const char *b_end)
{
  while (a < a_end && b < b_end)
    {
      gunichar ca = g_unichar_tolower (next_char (a, a_end, &a));
      gunichar cb = g_unichar_tolower (next_char (b, b_end, &b));

      if (ca != cb)
        return ca < cb ? -1 : 1;
    }
  return (a < a_end) - (b < b_end);
}

int
hel_collate_names_len (const char *a,
                       gssize      a_len,
                       const char *b,
                       gssize      b_len)
{
  DanishCursor ca, cb;
  int result;

  if (a == NULL)
    a_len = 0;
  else if (a_len < 0)
    a_len = strlen (a);
  if (b == NULL)
    b_len = 0;
  else if (b_len < 0)
    b_len = strlen (b);
  if (a_len == 0 || b_len == 0)
    return (a_len > 0) - (b_len > 0);
  ca = (DanishCursor) { a, a + a_len, TRUE, 0 };
  cb = (DanishCursor) { b, b + b_len, TRUE, 0 };

  for (;;)
    {
      guint32 wa = danish_next (&ca);
      guint32 wb = danish_next (&cb);

      if (wa != wb)
        return wa < wb ? -1 : 1;
      if (wa == 0)
        break;
    }
  result = compare_lower (a, a + a_len, b, b + b_len);
  if (result != 0)
    return result;
  result = memcmp (a, b, MIN (a_len, b_len));
  if (result != 0)
    return result < 0 ? -1 : 1;
  return (a_len > b_len) - (a_len < b_len);
}

int
hel_collate_names (const char *a,
                   const char *b)
{
  return hel_collate_names_len (a, -1, b, -1);
}

int
hel_collate_names_ptr (gconstpointer a,
                       gconstpointer b)
{
  return hel_collate_names (*(const char * const *) a, *(const char * const *) b);
}

int
hel_collate_names_ptr_data (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  return hel_collate_names_ptr (a, b);
}
