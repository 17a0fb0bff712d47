/* hel-validate.c: parsing and checking of dates, CPR numbers and required texts. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hel-validate.h"

G_DEFINE_QUARK (hel-validate-error-quark, hel_validate_error)

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0, v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits)
    return FALSE;
  *value = v;
  return TRUE;
}

static gboolean
set_ymd (guint    y,
         guint    m,
         guint    d,
         char   **iso_out,
         GError **error)
{
  /* GDateDay is 8 bits: check the range before the cast, or day 520 becomes day 8. */
  if (y < 1850 || y > 2200 || d > 31 || m > 12 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                   _("There is no such date. Write the date as day.month.year, e.g. 23.11.2026."));
      return FALSE;
    }
  if (iso_out)
    *iso_out = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  return TRUE;
}

gboolean
hel_date_parse (const char  *text,
                char       **iso_out,
                GError     **error)
{
  g_autofree char *s = NULL;
  const char *p;
  guint a = 0, b = 0, c = 0;

  if (iso_out)
    *iso_out = NULL;

  s = g_strstrip (g_strdup (text ? text : ""));
  if (*s == '\0')
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_EMPTY, _("Enter a date."));
      return FALSE;
    }

  p = s;
  /* 23112026: eight digits, day first as Danes write it. */
  if (strlen (s) == 8 && strspn (s, "0123456789") == 8)
    {
      read_number (&p, 2, 2, &a);
      read_number (&p, 2, 2, &b);
      read_number (&p, 4, 4, &c);
      return set_ymd (c, b, a, iso_out, error);
    }

  if (!read_number (&p, 1, 4, &a))
    goto bad;

  if (p - s == 4 && *p == '-')
    {
      /* ISO 8601: 2026-11-23 */
      p++;
      if (!read_number (&p, 1, 2, &b) || *p++ != '-' || !read_number (&p, 1, 2, &c) || *p)
        goto bad;
      return set_ymd (a, b, c, iso_out, error);
    }

  /* 23.11.2026, 23-11-2026, 23/11/2026, 23/11-2026 */
  if (*p != '.' && *p != '-' && *p != '/')
    goto bad;
  p++;
  if (*p == ' ')
    p++;
  if (!read_number (&p, 1, 2, &b))
    goto bad;
  if (*p != '.' && *p != '-' && *p != '/')
    goto bad;
  p++;
  if (!read_number (&p, 4, 4, &c) || *p)
    goto bad;
  return set_ymd (c, b, a, iso_out, error);

bad:
  g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
               _("“%s” is not a date. Write day.month.year, e.g. 23.11.2026."), s);
  return FALSE;
}

gboolean
hel_date_to_gdate (const char *iso,
                   GDate      *date)
{
  guint y, m, d;
  const char *p = iso;

  g_date_clear (date, 1);
  if (iso == NULL || strlen (iso) != 10)
    return FALSE;
  if (!read_number (&p, 4, 4, &y) || *p++ != '-' ||
      !read_number (&p, 2, 2, &m) || *p++ != '-' ||
      !read_number (&p, 2, 2, &d) || *p)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
hel_date_is_valid_iso (const char *iso)
{
  GDate d;
  return hel_date_to_gdate (iso, &d);
}

char *
hel_date_from_gdate (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
hel_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

char *
hel_date_format (const char *iso)
{
  GDate d;
  char buf[64];

  if (!hel_date_to_gdate (iso, &d))
    return g_strdup ("");
  /* Translators: the numeric date format; Danish writes 23.11.2026 */
  if (g_date_strftime (buf, sizeof buf, _("%Y-%m-%d"), &d) == 0)
    return g_strdup (iso);
  return g_strdup (buf);
}

int
hel_date_compare (const char *a,
                  const char *b)
{
  /* ISO dates order as strings; a missing date sorts last. */
  if (a == NULL || *a == '\0')
    return (b == NULL || *b == '\0') ? 0 : 1;
  if (b == NULL || *b == '\0')
    return -1;
  return strcmp (a, b);
}

int
hel_date_age_years (const char *birth_iso,
                    const char *on_iso)
{
  GDate birth, on;
  int years;

  if (!hel_date_to_gdate (birth_iso, &birth) || !hel_date_to_gdate (on_iso, &on))
    return -1;
  years = (int) g_date_get_year (&on) - (int) g_date_get_year (&birth);
  if (g_date_get_month (&on) < g_date_get_month (&birth) ||
      (g_date_get_month (&on) == g_date_get_month (&birth) &&
       g_date_get_day (&on) < g_date_get_day (&birth)))
    years--;
  return years;
}

gboolean
hel_cpr_parse (const char  *text,
               char       **cpr_out,
               char       **birth_iso_out,
               GError     **error)
{
  char digits[11];
  guint n = 0, dd, mm, yy, serial_first, year;
  g_autofree char *birth = NULL;

  if (cpr_out)
    *cpr_out = NULL;
  if (birth_iso_out)
    *birth_iso_out = NULL;

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n == 10)
            goto bad_format;
          digits[n++] = *p;
        }
      else if (*p == '-' && n == 6)
        continue;
      else if (*p == ' ')
        continue;
      else
        goto bad_format;
    }

  if (n == 0)
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_EMPTY, _("Enter a CPR number."));
      return FALSE;
    }
  if (n != 10)
    goto bad_format;
  digits[10] = '\0';

  dd = (guint) ((digits[0] - '0') * 10 + (digits[1] - '0'));
  mm = (guint) ((digits[2] - '0') * 10 + (digits[3] - '0'));
  yy = (guint) ((digits[4] - '0') * 10 + (digits[5] - '0'));
  serial_first = (guint) (digits[6] - '0');

  /* The century follows from the first digit of the serial number. */
  if (serial_first <= 3)
    year = 1900 + yy;
  else if (serial_first == 4 || serial_first == 9)
    year = yy <= 36 ? 2000 + yy : 1900 + yy;
  else
    year = yy <= 57 ? 2000 + yy : 1800 + yy;

  if (!g_date_valid_dmy ((GDateDay) dd, (GDateMonth) mm, (GDateYear) year))
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                   _("The first six digits of a CPR number are a birth date (DDMMYY), and this one does not exist."));
      return FALSE;
    }

  birth = g_strdup_printf ("%04u-%02u-%02u", year, mm, dd);
  if (cpr_out)
    *cpr_out = g_strdup_printf ("%.6s-%.4s", digits, digits + 6);
  if (birth_iso_out)
    *birth_iso_out = g_steal_pointer (&birth);
  return TRUE;

bad_format:
  g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
               _("A CPR number has ten digits, written DDMMYY-SSSS."));
  return FALSE;
}

char *
hel_cpr_mask (const char *cpr)
{
  if (cpr == NULL || *cpr == '\0')
    return g_strdup ("");
  return g_strdup ("••••••-••••");
}

gboolean
hel_text_require (const char  *text,
                  const char  *what,
                  char       **trimmed_out,
                  GError     **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));

  if (trimmed_out)
    *trimmed_out = NULL;
  if (*s == '\0')
    {
      /* Translators: %s is what is missing, e.g. “a first name” */
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_EMPTY, _("Enter %s."), what);
      return FALSE;
    }
  if (trimmed_out)
    *trimmed_out = g_steal_pointer (&s);
  return TRUE;
}
