/* hel-validate.h: parsing and checking of what people type: dates, CPR numbers, names. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HEL_VALIDATE_ERROR (hel_validate_error_quark ())

typedef enum {
  HEL_VALIDATE_ERROR_EMPTY,
  HEL_VALIDATE_ERROR_FORMAT,
  HEL_VALIDATE_ERROR_RANGE,
  HEL_VALIDATE_ERROR_MISMATCH,
} HelValidateError;

GQuark    hel_validate_error_quark (void);

/* Dates are kept as ISO 8601 calendar dates ("2026-11-23") everywhere below the UI. */
gboolean  hel_date_parse           (const char  *text,
                                    char       **iso_out,
                                    GError     **error);
gboolean  hel_date_is_valid_iso    (const char  *iso);
gboolean  hel_date_to_gdate        (const char  *iso,
                                    GDate       *date);
char     *hel_date_from_gdate      (const GDate *date);
char     *hel_date_today           (void);
char     *hel_date_format          (const char  *iso);
int       hel_date_compare         (const char  *a,
                                    const char  *b);
int       hel_date_age_years       (const char  *birth_iso,
                                    const char  *on_iso);

/* CPR numbers: DDMMYY-SSSS; the date must exist and the century follows from the
 * first serial digit. No modulus-11 rule: numbers issued since 2007 may fail it. */
gboolean  hel_cpr_parse            (const char  *text,
                                    char       **cpr_out,
                                    char       **birth_iso_out,
                                    GError     **error);
char     *hel_cpr_mask             (const char  *cpr);

/* A name or wording: trimmed, not empty. */
gboolean  hel_text_require         (const char  *text,
                                    const char  *what,
                                    char       **trimmed_out,
                                    GError     **error);

G_END_DECLS
