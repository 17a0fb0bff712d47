/* hel-measurement-demo.c: plausible invented progress data for the demo database, shaped like
 * seed 004: parents' WHO-5 in the mid-40s against a population of 68 and barely moving, children's
 * SDQ improving a little, school absence with many at 0 % and a long tail, notifications around
 * one per child per year, employment-oriented offers growing, expenses per department. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hel-measurement-demo.h"
#include "hel-store-private.h"
#include "hel-store-progress.h"
#include "hel-validate.h"

/* Waves go on until today: at least four for every family, some caught late or missed. */
#define MAX_WAVES 16

typedef struct {
  HelStore *store;
  GRand    *rand;
  char     *today;
  HelInstrument *bip;
} Demo;

static double
normal (Demo  *demo,
        double mean,
        double sd)
{
  /* Box-Muller from two GRand draws, so the numbers depend only on the seed. */
  double u1 = g_rand_double_range (demo->rand, 1e-9, 1.0);
  double u2 = g_rand_double (demo->rand);

  return mean + sd * sqrt (-2 * log (u1)) * cos (2 * G_PI * u2);
}

/* CLAMP and MAX evaluate their arguments more than once: never hand them a random draw. */
static double
clamp_draw (double value,
            double low,
            double high)
{
  return value < low ? low : value > high ? high : value;
}

static int
between (Demo *demo,
         int   from,
         int   to)
{
  return g_rand_int_range (demo->rand, from, to + 1);
}

static gboolean
chance (Demo  *demo,
        double p)
{
  return g_rand_double (demo->rand) < p;
}

static char *
add_days (const char *iso,
          int         days)
{
  GDate date;

  hel_date_to_gdate (iso, &date);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return hel_date_from_gdate (&date);
}

/* Spreads @total over @n items of at most @max each, randomly. */
static void
spread (Demo *demo,
        int   total,
        int  *items,
        guint n,
        int   max)
{
  total = CLAMP (total, 0, (int) n * max);
  for (guint i = 0; i < n; i++)
    items[i] = 0;
  while (total > 0)
    {
      guint i = (guint) between (demo, 0, (int) n - 1);
      if (items[i] < max)
        {
          items[i]++;
          total--;
        }
    }
}

static gboolean
save (Demo           *demo,
      HelMeasurement *m,
      GError        **error)
{
  return hel_store_save_measurement (demo->store, m, NULL, NULL, error);
}

static gboolean
measure_adult (Demo       *demo,
               HelMember  *member,
               const char *date,
               int         wave,
               double      who5,
               double      bip_level,
               GError    **error)
{
  g_autoptr(HelMeasurement) m = hel_measurement_new (hel_member_get_id (member),
                                                     HEL_INSTRUMENT_WHO5, date);
  g_autoptr(HelMeasurement) b = hel_measurement_new (hel_member_get_id (member),
                                                     HEL_INSTRUMENT_BIP, date);
  int items[HEL_WHO5_N_ITEMS];
  HelRater rater = chance (demo, 0.8) ? HEL_RATER_TOGETHER
                                      : chance (demo, 0.5) ? HEL_RATER_CASEWORKER
                                                           : HEL_RATER_FAMILY;

  m->wave = b->wave = wave;
  m->rater = b->rater = rater;
  spread (demo, (int) round (CLAMP (who5, 0, 100) / 4), items, HEL_WHO5_N_ITEMS, 5);
  for (guint i = 0; i < HEL_WHO5_N_ITEMS; i++)
    {
      char key[4];
      g_snprintf (key, sizeof key, "%u", i + 1);
      /* Now and then a question is left unanswered: shown as incomplete, not scored. */
      if (!(i == 3 && chance (demo, 0.03)))
        hel_measurement_set_answer (m, key, items[i]);
    }
  if (!save (demo, m, error))
    return FALSE;

  for (guint i = 0; i < demo->bip->items->len; i++)
    {
      const HelInstrumentItem *item = demo->bip->items->pdata[i];
      double share = clamp_draw (bip_level + normal (demo, 0, 0.15), 0, 1);
      int value = item->min + (int) round (share * (item->max - item->min));
      hel_measurement_set_answer (b, item->key, CLAMP (value, item->min, item->max));
    }
  return save (demo, b, error);
}

static gboolean
measure_child (Demo       *demo,
               HelMember  *member,
               const char *date,
               int         wave,
               double      total,
               GError    **error)
{
  g_autoptr(HelMeasurement) m = hel_measurement_new (hel_member_get_id (member),
                                                     HEL_INSTRUMENT_SDQ, date);
  int scales[4];

  m->wave = wave;
  m->rater = HEL_RATER_FAMILY;
  spread (demo, (int) round (CLAMP (total, 0, 40)), scales, 4, 10);
  for (guint i = 0; i < 4; i++)
    hel_measurement_set_answer (m, hel_sdq_field_code (i), scales[i]);
  hel_measurement_set_answer (m, "prosocial", between (demo, 3, 10));
  hel_measurement_set_answer (m, "impact",
                              (int) round (clamp_draw (total / 5 + normal (demo, 0, 1), 0, 10)));
  return save (demo, m, error);
}

static gboolean
add_waves (Demo      *demo,
           HelFamily *family,
           GPtrArray *members,
           GError   **error)
{
  const char *start = hel_family_get_start_date (family);
  const char *end = hel_family_get_end_date (family);

  for (guint i = 0; i < members->len; i++)
    {
      HelMember *member = members->pdata[i];
      gboolean adult = hel_role_is_adult (hel_member_get_role (member));
      double level = adult ? normal (demo, 42.5, 15) : normal (demo, 16.5, 6);
      double trend = adult ? normal (demo, 0.6, 3) : normal (demo, -0.8, 1.6);
      double bip = clamp_draw (normal (demo, 0.3, 0.15), 0.05, 0.9);

      if (!hel_member_get_in_household (member))
        continue;
      for (int w = 0; w < MAX_WAVES; w++)
        {
          g_autofree char *due = hel_wave_due_date (start, w * HEL_WAVE_DEFAULT_INTERVAL);
          g_autofree char *date = add_days (due, between (demo, -6, 20));
          const char *born = hel_member_get_birth_date (member);

          if (hel_date_compare (date, demo->today) > 0 ||
              (end != NULL && hel_date_compare (date, end) > 0))
            break;
          /* The newest wave may still wait for its meeting. */
          if (w >= 4 && hel_date_compare (due, demo->today) <= 0 && chance (demo, 0.05))
            break;
          if (hel_date_compare (date, start) < 0)
            {
              g_free (date);
              date = g_strdup (start);
            }
          /* Not every wave is caught: some fall between meetings. */
          if (w > 0 && chance (demo, 0.06))
            continue;
          if (adult)
            {
              if (!measure_adult (demo, member, date, w * HEL_WAVE_DEFAULT_INTERVAL,
                                  level + trend * w + normal (demo, 0, 7), bip + 0.02 * w, error))
                return FALSE;
            }
          else
            {
              int age = born ? hel_date_age_years (born, date) : 10;
              if (age < 2 || age > 17)
                continue;
              if (!measure_child (demo, member, date, w * HEL_WAVE_DEFAULT_INTERVAL,
                                  level + trend * w + normal (demo, 0, 2.5), error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* Absence level per child: many at 0 %, most low, a long tail (seed 004, 4th quarter 2017). */
static double
absence_level (Demo *demo)
{
  double r = g_rand_double (demo->rand);

  if (r < 0.16)
    return 0;
  if (r < 0.55)
    return g_rand_double_range (demo->rand, 0.5, 8);
  if (r < 0.8)
    return g_rand_double_range (demo->rand, 8, 25);
  if (r < 0.95)
    return g_rand_double_range (demo->rand, 25, 55);
  return g_rand_double_range (demo->rand, 55, 88);
}

static gboolean
add_absence_and_notifications (Demo      *demo,
                               HelFamily *family,
                               GPtrArray *members,
                               GError   **error)
{
  const char *start = hel_family_get_start_date (family);
  const char *end = hel_family_get_end_date (family);
  g_autofree char *last_quarter = hel_quarter_for_date (end ? end : demo->today);
  int first_year = atoi (start) - 1, last_year = atoi (end ? end : demo->today);

  for (guint i = 0; i < members->len; i++)
    {
      HelMember *member = members->pdata[i];
      const char *born = hel_member_get_birth_date (member);
      g_autofree char *quarter = hel_quarter_for_date (start);
      double level = absence_level (demo);
      double notifications = clamp_draw (normal (demo, 1.1, 0.9), 0, 10);

      if (hel_role_is_adult (hel_member_get_role (member)) || !hel_member_get_in_household (member))
        continue;
      while (quarter != NULL && strcmp (quarter, last_quarter) <= 0)
        {
          g_autofree char *quarter_end = hel_quarter_last_day (quarter);
          int age = born ? hel_date_age_years (born, quarter_end) : 10;
          char *next = hel_quarter_next (quarter);

          if (age >= 6 && age <= 16 && hel_date_compare (quarter_end, demo->today) <= 0)
            {
              double percent = level == 0 && chance (demo, 0.7)
                               ? 0 : clamp_draw (level * 0.93 +
                                                 normal (demo, 0, level * 0.25 + 0.5), 0, 95);
              percent = round (percent * 10) / 10;
              if (!hel_store_set_school_absence (demo->store, hel_member_get_id (member), quarter,
                                                 percent, NULL, error))
                return FALSE;
            }
          g_free (quarter);
          quarter = next;
        }
      for (int year = first_year; year <= last_year; year++)
        {
          int count;

          if (born != NULL && year < atoi (born))
            continue;
          count = (int) round (clamp_draw (notifications + normal (demo, 0, 0.7) -
                                           0.1 * (year - first_year), 0, 8));
          if (!hel_store_set_concern_notifications (demo->store, hel_member_get_id (member), year,
                                                    count, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_interventions (Demo      *demo,
                   HelFamily *family,
                   GPtrArray *members,
                   GError   **error)
{
  static const struct {
    const char *kind;
    const char *actor;
    gboolean    employment;
    gboolean    placement;
  } adult_kinds[] = {
    { "Mentor", "Jobcenter", TRUE, FALSE },
    { "Virksomhedspraktik", "Jobcenter", TRUE, TRUE },
    { "Løntilskud", "Jobcenter", TRUE, TRUE },
    { "Afklaringsforløb", "Jobcenter", TRUE, FALSE },
    { "Psykologsamtaler", "Sundhed og Kultur", FALSE, FALSE },
  }, child_kinds[] = {
    { "Familiebehandling", "Familiegruppen", FALSE, FALSE },
    { "Kontaktperson", "Familiegruppen", FALSE, FALSE },
    { "Specialundervisning", "Skoleforvaltningen", FALSE, FALSE },
  };
  const char *start = hel_family_get_start_date (family);
  const char *end = hel_family_get_end_date (family);
  const char *until = end ? end : demo->today;
  GDate a, b;
  int span;

  hel_date_to_gdate (start, &a);
  hel_date_to_gdate (until, &b);
  span = MAX (1, (int) g_date_get_julian (&b) - (int) g_date_get_julian (&a));

  for (guint i = 0; i < members->len; i++)
    {
      HelMember *member = members->pdata[i];
      gboolean adult = hel_role_is_adult (hel_member_get_role (member));
      int n = adult ? (chance (demo, 0.7) ? between (demo, 1, 3) : 0)
                    : (chance (demo, 0.35) ? 1 : 0);

      if (!hel_member_get_in_household (member))
        continue;
      for (int k = 0; k < n; k++)
        {
          g_autoptr(HelIntervention) intervention = g_new0 (HelIntervention, 1);
          guint which = adult ? (guint) between (demo, 0, G_N_ELEMENTS (adult_kinds) - 1)
                              : (guint) between (demo, 0, G_N_ELEMENTS (child_kinds) - 1);
          const char *born = hel_member_get_birth_date (member);
          g_autofree char *begin = add_days (start, between (demo, 0, span));
          g_autofree char *stop = add_days (begin, between (demo, 60, 260));

          if (born != NULL && hel_date_compare (begin, born) < 0)
            continue;
          intervention->member_id = hel_member_get_id (member);
          intervention->kind = g_strdup (adult ? adult_kinds[which].kind : child_kinds[which].kind);
          intervention->actor = g_strdup (adult ? adult_kinds[which].actor
                                                : child_kinds[which].actor);
          intervention->start_date = g_strdup (begin);
          /* Those begun lately still run. */
          intervention->end_date = hel_date_compare (stop, demo->today) < 0 ? g_strdup (stop) : NULL;
          intervention->employment_oriented = adult && adult_kinds[which].employment;
          intervention->company_placement = adult && adult_kinds[which].placement;
          if (!hel_store_save_intervention (demo->store, intervention, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_expenses (Demo      *demo,
              HelFamily *family,
              GPtrArray *members,
              GError   **error)
{
  const char *start = hel_family_get_start_date (family);
  const char *end = hel_family_get_end_date (family);
  g_autofree char *quarter = hel_quarter_for_date (start);
  g_autofree char *last = hel_quarter_for_date (end ? end : demo->today);
  double base[HEL_N_DEPARTMENTS] = { 0 };
  guint n_adults = 0, n_children = 0;

  for (guint i = 0; i < members->len; i++)
    if (hel_member_get_in_household (members->pdata[i]))
      {
        if (hel_role_is_adult (hel_member_get_role (members->pdata[i])))
          n_adults++;
        else
          n_children++;
      }
  /* Per quarter, roughly the seed's 7.1 million kroner for 48 families. */
  base[HEL_DEPT_FE_INCOME_SUPPORT] = n_adults * normal (demo, 40000, 6000);
  base[HEL_DEPT_FE_EMPLOYMENT] = n_adults * clamp_draw (normal (demo, 3000, 2500), 0, 1e6);
  base[HEL_DEPT_FE_CHILD_FAMILY] = chance (demo, 0.75)
                                   ? n_children * clamp_draw (normal (demo, 30000, 25000), 0, 1e6)
                                   : 0;
  base[HEL_DEPT_FE_ADULT_SOCIAL] = chance (demo, 0.3) ? clamp_draw (normal (demo, 20000, 10000), 0, 1e6) : 0;
  base[HEL_DEPT_SCHOOL] = chance (demo, 0.45) ? clamp_draw (normal (demo, 30000, 15000), 0, 1e6) : 0;
  base[HEL_DEPT_ELDERLY_DISABILITY] = chance (demo, 0.05) ? clamp_draw (normal (demo, 3000, 1500), 0, 1e6) : 0;
  base[HEL_DEPT_HEALTH_CULTURE] = chance (demo, 0.03) ? clamp_draw (normal (demo, 800, 300), 0, 1e6) : 0;

  for (int q = 0; quarter != NULL && strcmp (quarter, last) <= 0; q++)
    {
      char *next = hel_quarter_next (quarter);

      for (guint d = 0; d < HEL_N_DEPARTMENTS; d++)
        {
          /* The employment effort grows, child and family measures shrink a little. */
          double drift = d == HEL_DEPT_FE_EMPLOYMENT ? 1 + 0.12 * q
                         : d == HEL_DEPT_FE_CHILD_FAMILY ? 1 - 0.02 * q : 1 + 0.005 * q;
          double amount = base[d] * MAX (0.2, drift) * clamp_draw (1 + normal (demo, 0, 0.06), 0.5, 1.5);

          if (base[d] <= 0)
            continue;
          if (!hel_store_set_expense (demo->store, hel_family_get_id (family), quarter,
                                      (HelDepartment) d, (gint64) round (amount), NULL,
                                      error))
            return FALSE;
        }
      g_free (quarter);
      quarter = next;
    }
  return TRUE;
}

gboolean
_hel_demo_add_measurements (HelStore  *store,
                            GRand     *rand,
                            GError   **error)
{
  g_autoptr(GPtrArray) families = hel_store_list_families (store, error);
  g_autofree char *today = hel_date_today ();
  g_autoptr(HelInstrument) bip = NULL;
  Demo demo = { store, rand, today, NULL };

  if (families == NULL)
    return FALSE;
  bip = hel_store_load_instrument (store, HEL_INSTRUMENT_BIP, error);
  if (bip == NULL)
    return FALSE;
  demo.bip = bip;
  for (guint f = 0; f < families->len; f++)
    {
      HelFamily *family = families->pdata[f];
      g_autoptr(GPtrArray) members = hel_store_list_members (store, hel_family_get_id (family),
                                                             error);

      if (members == NULL ||
          !add_waves (&demo, family, members, error) ||
          !add_absence_and_notifications (&demo, family, members, error) ||
          !add_interventions (&demo, family, members, error) ||
          !add_expenses (&demo, family, members, error))
        return FALSE;
    }
  /* The store stamps "now"; stamp them as if typed in on the measurement's day instead, so the
   * same seed gives the same export. */
  return _hel_store_exec (store, "UPDATE measurement SET created = date || 'T10:00:00Z', "
                                 "modified = date || 'T10:00:00Z'", error);
}
