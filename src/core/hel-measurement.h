/* hel-measurement.h: progress records as plain structs: measurements and their edit history,
 * school absence, notifications of concern, interventions and extra expenses; waves, quarters. */
#pragma once

#include <glib.h>

#include "hel-instrument.h"

G_BEGIN_DECLS

/* ---- Waves: baseline at the family's start, then every 4 months (the interval is a setting) ---- */

#define HEL_WAVE_DEFAULT_INTERVAL 4   /* months */

/* The wave (in months after the start: 0 = baseline, 4, 8, 12 ...) nearest to @date. */
int         hel_wave_for_date         (const char *family_start,
                                       const char *date,
                                       int         interval_months);
/* The day a wave is due. */
char       *hel_wave_due_date         (const char *family_start,
                                       int         wave);
/* "Baseline", "4 months" ... */
char       *hel_wave_label            (int         wave);

/* ---- Quarters: "2025-Q3" ---- */

gboolean    hel_quarter_parse         (const char *text,
                                       int        *year,
                                       int        *quarter);
char       *hel_quarter_for_date      (const char *iso);
char       *hel_quarter_first_day     (const char *quarter);
char       *hel_quarter_last_day      (const char *quarter);
char       *hel_quarter_next          (const char *quarter);
/* "3. kvt. 2025" in Danish */
char       *hel_quarter_label         (const char *quarter);

/* ---- Measurements ---- */

typedef enum {
  HEL_RATER_TOGETHER,     /* the family and the caseworker together */
  HEL_RATER_CASEWORKER,
  HEL_RATER_FAMILY,
  HEL_N_RATERS
} HelRater;

const char *hel_rater_to_code         (HelRater    rater);
gboolean    hel_rater_from_code       (const char *code,
                                       HelRater   *rater);
const char *hel_rater_label           (HelRater    rater);

typedef struct {
  char *key;      /* the instrument item's key */
  int   value;
} HelAnswer;

typedef struct {
  gint64             id;
  gint64             member_id;
  HelInstrumentKind  instrument;
  char              *date;       /* ISO */
  int                wave;       /* months after the family's start */
  HelRater           rater;
  GArray            *answers;    /* HelAnswer, only the answered items */
  /* Computed by the store when saved: */
  gboolean           complete;
  double             score;      /* NAN when not scored */
  char              *band;       /* band code, NULL when not banded */
  char              *created;    /* ISO date-time, UTC */
  char              *modified;
} HelMeasurement;

HelMeasurement *hel_measurement_new   (gint64              member_id,
                                       HelInstrumentKind   instrument,
                                       const char         *date);
HelMeasurement *hel_measurement_copy  (const HelMeasurement *measurement);
void            hel_measurement_free  (HelMeasurement     *measurement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelMeasurement, hel_measurement_free)

/* Sets (value >= 0) or clears (HEL_SCORING_MISSING) one answer. */
void            hel_measurement_set_answer (HelMeasurement *measurement,
                                       const char         *key,
                                       int                 value);
/* The answer or HEL_SCORING_MISSING. */
int             hel_measurement_get_answer (const HelMeasurement *measurement,
                                       const char         *key);
/* The values in @instrument's item order, for hel_instrument_score(). g_free() it. */
int            *hel_measurement_values_for (const HelMeasurement *measurement,
                                       const HelInstrument *instrument);
/* "1=3;2=4" and back: how answers are stored. */
char           *hel_answers_to_string (const GArray       *answers);
GArray         *hel_answers_from_string (const char       *text);

/* One recorded change of a measurement: who, when, which field, the old value. */
typedef struct {
  gint64  id;
  gint64  measurement_id;
  char   *edited_at;   /* ISO date-time, UTC */
  char   *edited_by;
  char   *field;       /* "date", "wave", "rater", "answers" */
  char   *old_value;
} HelMeasurementEdit;

void            hel_measurement_edit_free (HelMeasurementEdit *edit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelMeasurementEdit, hel_measurement_edit_free)

/* ---- Other follow-up figures ---- */

typedef struct {
  gint64  id;
  gint64  member_id;
  char   *quarter;     /* "2025-Q3" */
  double  percent;     /* 0-100 */
} HelSchoolAbsence;

typedef struct {
  gint64  id;
  gint64  member_id;
  int     year;
  int     count;
} HelConcernNotification;

typedef struct {
  gint64    id;
  gint64    member_id;
  char     *kind;                 /* as typed: "mentor", "virksomhedspraktik" ... */
  char     *actor;                /* who delivers it */
  char     *start_date;
  char     *end_date;             /* NULL while it runs */
  gboolean  employment_oriented;  /* counts among the adults' employment-oriented offers */
  gboolean  company_placement;    /* virksomhedspraktik, løntilskud */
} HelIntervention;

/* The departments of the seed's economy table; the first four are Family & Employment's. */
typedef enum {
  HEL_DEPT_FE_INCOME_SUPPORT,
  HEL_DEPT_FE_EMPLOYMENT,
  HEL_DEPT_FE_CHILD_FAMILY,
  HEL_DEPT_FE_ADULT_SOCIAL,
  HEL_DEPT_SCHOOL,
  HEL_DEPT_ELDERLY_DISABILITY,
  HEL_DEPT_HEALTH_CULTURE,
  HEL_N_DEPARTMENTS
} HelDepartment;

#define HEL_DEPT_N_FAMILY_EMPLOYMENT 4

const char *hel_department_to_code    (HelDepartment dept);
gboolean    hel_department_from_code  (const char   *code,
                                       HelDepartment *dept);
const char *hel_department_label      (HelDepartment dept);

typedef struct {
  gint64        id;
  gint64        family_id;
  char         *quarter;
  HelDepartment department;
  gint64        amount;     /* whole kroner */
} HelExpense;

void hel_school_absence_free        (HelSchoolAbsence       *absence);
void hel_concern_notification_free  (HelConcernNotification *notification);
void hel_intervention_free          (HelIntervention        *intervention);
void hel_expense_free               (HelExpense             *expense);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelSchoolAbsence, hel_school_absence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelIntervention, hel_intervention_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelExpense, hel_expense_free)

G_END_DECLS
