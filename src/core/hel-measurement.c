/* hel-measurement.c: the progress records' plain structs, waves and quarters. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hel-measurement.h"
#include "hel-validate.h"

/* ---- Waves ---- */

int
hel_wave_for_date (const char *family_start,
                   const char *date,
                   int         interval_months)
{
  GDate start, when;
  int months;
  int interval = interval_months > 0 ? interval_months : HEL_WAVE_DEFAULT_INTERVAL;

  if (!hel_date_to_gdate (family_start, &start) || !hel_date_to_gdate (date, &when) ||
      g_date_compare (&when, &start) <= 0)
    return 0;
  /* Whole months and the share of the month begun, then the nearest wave: a follow-up taken
   * a few weeks early or late still belongs to its wave. */
  months = ((int) g_date_get_year (&when) - (int) g_date_get_year (&start)) * 12 +
           ((int) g_date_get_month (&when) - (int) g_date_get_month (&start));
  {
    double exact = months + ((int) g_date_get_day (&when) - (int) g_date_get_day (&start)) / 30.0;
    int wave = (int) floor (exact / interval + 0.5) * interval;
    return MAX (wave, 0);
  }
}

char *
hel_wave_due_date (const char *family_start,
                   int         wave)
{
  GDate date;

  if (!hel_date_to_gdate (family_start, &date))
    return NULL;
  if (wave > 0)
    g_date_add_months (&date, (guint) wave);
  return hel_date_from_gdate (&date);
}

char *
hel_wave_label (int wave)
{
  if (wave <= 0)
    return g_strdup (_("Baseline"));
  return g_strdup_printf (ngettext ("%d month", "%d months", wave), wave);
}

/* ---- Quarters ---- */

gboolean
hel_quarter_parse (const char *text,
                   int        *year,
                   int        *quarter)
{
  int y, q;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' || text[5] != 'Q')
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  y = atoi (text);
  q = text[6] - '0';
  if (y < 1900 || y > 2200 || q < 1 || q > 4)
    return FALSE;
  if (year)
    *year = y;
  if (quarter)
    *quarter = q;
  return TRUE;
}

char *
hel_quarter_for_date (const char *iso)
{
  GDate date;

  if (!hel_date_to_gdate (iso, &date))
    return NULL;
  return g_strdup_printf ("%04u-Q%u", g_date_get_year (&date),
                          (g_date_get_month (&date) - 1) / 3 + 1);
}

char *
hel_quarter_first_day (const char *quarter)
{
  int y, q;

  if (!hel_quarter_parse (quarter, &y, &q))
    return NULL;
  return g_strdup_printf ("%04d-%02d-01", y, (q - 1) * 3 + 1);
}

char *
hel_quarter_last_day (const char *quarter)
{
  static const char * const ends[] = { "03-31", "06-30", "09-30", "12-31" };
  int y, q;

  if (!hel_quarter_parse (quarter, &y, &q))
    return NULL;
  return g_strdup_printf ("%04d-%s", y, ends[q - 1]);
}

char *
hel_quarter_next (const char *quarter)
{
  int y, q;

  if (!hel_quarter_parse (quarter, &y, &q))
    return NULL;
  return q == 4 ? g_strdup_printf ("%04d-Q1", y + 1) : g_strdup_printf ("%04d-Q%d", y, q + 1);
}

char *
hel_quarter_label (const char *quarter)
{
  int y, q;

  if (!hel_quarter_parse (quarter, &y, &q))
    return g_strdup ("");
  /* Translators: a quarter of a year: “3rd quarter 2025”; Danish: “3. kvt. 2025” */
  return g_strdup_printf (_("Q%d %d"), q, y);
}

/* ---- Raters ---- */

static const char * const rater_codes[HEL_N_RATERS] = { "together", "caseworker", "family" };

const char *
hel_rater_to_code (HelRater rater)
{
  g_return_val_if_fail (rater < HEL_N_RATERS, "together");
  return rater_codes[rater];
}

gboolean
hel_rater_from_code (const char *code,
                     HelRater   *rater)
{
  for (guint i = 0; i < HEL_N_RATERS; i++)
    if (g_strcmp0 (code, rater_codes[i]) == 0)
      {
        *rater = (HelRater) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_rater_label (HelRater rater)
{
  switch (rater)
    {
    case HEL_RATER_CASEWORKER:
      return _("Caseworker only");
    case HEL_RATER_FAMILY:
      return _("Family only");
    case HEL_RATER_TOGETHER:
    case HEL_N_RATERS:
    default:
      return _("Family and caseworker together");
    }
}

/* ---- Measurements ---- */

static void
clear_answer (gpointer data)
{
  HelAnswer *answer = data;

  g_free (answer->key);
}

static GArray *
answers_new (void)
{
  GArray *answers = g_array_new (FALSE, TRUE, sizeof (HelAnswer));

  g_array_set_clear_func (answers, clear_answer);
  return answers;
}

HelMeasurement *
hel_measurement_new (gint64             member_id,
                     HelInstrumentKind  instrument,
                     const char        *date)
{
  HelMeasurement *m = g_new0 (HelMeasurement, 1);

  m->member_id = member_id;
  m->instrument = instrument;
  m->date = g_strdup (date);
  m->rater = HEL_RATER_TOGETHER;
  m->answers = answers_new ();
  m->score = NAN;
  return m;
}

HelMeasurement *
hel_measurement_copy (const HelMeasurement *measurement)
{
  HelMeasurement *copy = hel_measurement_new (measurement->member_id, measurement->instrument,
                                              measurement->date);

  copy->id = measurement->id;
  copy->wave = measurement->wave;
  copy->rater = measurement->rater;
  for (guint i = 0; i < measurement->answers->len; i++)
    {
      const HelAnswer *a = &g_array_index (measurement->answers, HelAnswer, i);
      hel_measurement_set_answer (copy, a->key, a->value);
    }
  copy->complete = measurement->complete;
  copy->score = measurement->score;
  copy->band = g_strdup (measurement->band);
  copy->created = g_strdup (measurement->created);
  copy->modified = g_strdup (measurement->modified);
  return copy;
}

void
hel_measurement_free (HelMeasurement *measurement)
{
  if (measurement == NULL)
    return;
  g_free (measurement->date);
  g_array_unref (measurement->answers);
  g_free (measurement->band);
  g_free (measurement->created);
  g_free (measurement->modified);
  g_free (measurement);
}

void
hel_measurement_set_answer (HelMeasurement *measurement,
                            const char     *key,
                            int             value)
{
  for (guint i = 0; i < measurement->answers->len; i++)
    {
      HelAnswer *a = &g_array_index (measurement->answers, HelAnswer, i);
      if (g_strcmp0 (a->key, key) == 0)
        {
          if (value == HEL_SCORING_MISSING)
            g_array_remove_index (measurement->answers, i);
          else
            a->value = value;
          return;
        }
    }
  if (value != HEL_SCORING_MISSING)
    {
      HelAnswer a = { g_strdup (key), value };
      g_array_append_val (measurement->answers, a);
    }
}

int
hel_measurement_get_answer (const HelMeasurement *measurement,
                            const char           *key)
{
  for (guint i = 0; i < measurement->answers->len; i++)
    {
      const HelAnswer *a = &g_array_index (measurement->answers, HelAnswer, i);
      if (g_strcmp0 (a->key, key) == 0)
        return a->value;
    }
  return HEL_SCORING_MISSING;
}

int *
hel_measurement_values_for (const HelMeasurement *measurement,
                            const HelInstrument  *instrument)
{
  int *values = g_new (int, MAX (instrument->items->len, 1));

  for (guint i = 0; i < instrument->items->len; i++)
    values[i] = hel_measurement_get_answer (measurement,
                                            ((HelInstrumentItem *) instrument->items->pdata[i])->key);
  return values;
}

char *
hel_answers_to_string (const GArray *answers)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < answers->len; i++)
    {
      const HelAnswer *a = &g_array_index (answers, HelAnswer, i);
      g_string_append_printf (text, "%s%s=%d", i ? ";" : "", a->key, a->value);
    }
  return g_string_free (text, FALSE);
}

GArray *
hel_answers_from_string (const char *text)
{
  GArray *answers = answers_new ();
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      gint64 value;
      HelAnswer a;

      if (eq == NULL || eq == parts[i] || !g_ascii_string_to_signed (eq + 1, 10, -1000, 1000,
                                                                     &value, NULL))
        continue;
      a.key = g_strndup (parts[i], eq - parts[i]);
      a.value = (int) value;
      g_array_append_val (answers, a);
    }
  return answers;
}

void
hel_measurement_edit_free (HelMeasurementEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->edited_at);
  g_free (edit->edited_by);
  g_free (edit->field);
  g_free (edit->old_value);
  g_free (edit);
}

/* ---- Departments ---- */

static const char * const department_codes[HEL_N_DEPARTMENTS] = {
  "fe-income-support", "fe-employment", "fe-child-family", "fe-adult-social", "school",
  "elderly-disability", "health-culture",
};

const char *
hel_department_to_code (HelDepartment dept)
{
  g_return_val_if_fail (dept < HEL_N_DEPARTMENTS, "school");
  return department_codes[dept];
}

gboolean
hel_department_from_code (const char    *code,
                          HelDepartment *dept)
{
  for (guint i = 0; i < HEL_N_DEPARTMENTS; i++)
    if (g_strcmp0 (code, department_codes[i]) == 0)
      {
        *dept = (HelDepartment) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_department_label (HelDepartment dept)
{
  switch (dept)
    {
    case HEL_DEPT_FE_INCOME_SUPPORT:
      return _("Income support");
    case HEL_DEPT_FE_EMPLOYMENT:
      return _("Employment effort");
    case HEL_DEPT_FE_CHILD_FAMILY:
      return _("Child and family measures");
    case HEL_DEPT_FE_ADULT_SOCIAL:
      return _("Social services for adults");
    case HEL_DEPT_SCHOOL:
      return _("School");
    case HEL_DEPT_ELDERLY_DISABILITY:
      return _("Elderly and Disability");
    case HEL_DEPT_HEALTH_CULTURE:
      return _("Health and Culture");
    case HEL_N_DEPARTMENTS:
    default:
      return "";
    }
}

void
hel_school_absence_free (HelSchoolAbsence *absence)
{
  if (absence == NULL)
    return;
  g_free (absence->quarter);
  g_free (absence);
}

void
hel_concern_notification_free (HelConcernNotification *notification)
{
  g_free (notification);
}

void
hel_intervention_free (HelIntervention *intervention)
{
  if (intervention == NULL)
    return;
  g_free (intervention->kind);
  g_free (intervention->actor);
  g_free (intervention->start_date);
  g_free (intervention->end_date);
  g_free (intervention);
}

void
hel_expense_free (HelExpense *expense)
{
  if (expense == NULL)
    return;
  g_free (expense->quarter);
  g_free (expense);
}
