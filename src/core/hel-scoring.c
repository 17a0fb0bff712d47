/* hel-scoring.c: the scoring rules of WHO-5, SDQ and the BIP-inspired indicators, and the
 * school-absence buckets; tables and arithmetic only, so every rule is tested by hand-computed
 * cases (tests/core/test-scoring.c). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hel-scoring.h"
#include "hel-validate.h"

/* WHO-5 may be used freely with its wording unaltered: the English source strings are the WHO's
 * English items and the Danish translations the Danish version's. */
static const char * const who5_items[HEL_WHO5_N_ITEMS] = {
  N_("I have felt cheerful and in good spirits"),
  N_("I have felt calm and relaxed"),
  N_("I have felt active and vigorous"),
  N_("I woke up feeling fresh and rested"),
  N_("My daily life has been filled with things that interest me"),
};

static const char * const who5_answers[HEL_WHO5_ANSWER_MAX + 1] = {
  N_("At no time"),
  N_("Some of the time"),
  N_("Less than half of the time"),
  N_("More than half of the time"),
  N_("Most of the time"),
  N_("All of the time"),
};

const char *
hel_who5_item_text (guint item)
{
  g_return_val_if_fail (item < HEL_WHO5_N_ITEMS, "");
  return _(who5_items[item]);
}

const char *
hel_who5_answer_text (int answer)
{
  g_return_val_if_fail (answer >= 0 && answer <= HEL_WHO5_ANSWER_MAX, "");
  return _(who5_answers[answer]);
}

const char *
hel_who5_band_code (HelWho5Band band)
{
  static const char * const codes[] = { "incomplete", "depression", "poor", "good" };

  g_return_val_if_fail (band < HEL_WHO5_N_BANDS, "incomplete");
  return codes[band];
}

const char *
hel_who5_band_label (HelWho5Band band)
{
  switch (band)
    {
    case HEL_WHO5_BAND_DEPRESSION:
      return _("Probable depression");
    case HEL_WHO5_BAND_POOR:
      return _("Poor wellbeing");
    case HEL_WHO5_BAND_GOOD:
      return _("Good wellbeing");
    case HEL_WHO5_BAND_INCOMPLETE:
    case HEL_WHO5_N_BANDS:
    default:
      return _("Incomplete, not scored");
    }
}

HelWho5Band
hel_who5_band_for_percent (int percent)
{
  if (percent < 0 || percent > 100)
    return HEL_WHO5_BAND_INCOMPLETE;
  if (percent <= HEL_WHO5_DEPRESSION_LIMIT)
    return HEL_WHO5_BAND_DEPRESSION;
  if (percent <= HEL_WHO5_POOR_LIMIT)
    return HEL_WHO5_BAND_POOR;
  return HEL_WHO5_BAND_GOOD;
}

gboolean
hel_who5_score (const int     answers[HEL_WHO5_N_ITEMS],
                HelWho5Score *score,
                guint        *bad_item,
                GError      **error)
{
  HelWho5Score s = { FALSE, 0, -1, -1, HEL_WHO5_BAND_INCOMPLETE };
  int raw = 0;

  g_return_val_if_fail (answers != NULL, FALSE);

  for (guint i = 0; i < HEL_WHO5_N_ITEMS; i++)
    {
      if (answers[i] == HEL_SCORING_MISSING)
        {
          s.n_missing++;
          continue;
        }
      if (answers[i] < 0 || answers[i] > HEL_WHO5_ANSWER_MAX)
        {
          if (bad_item)
            *bad_item = i;
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("Question %u must be answered with 0 to 5."), i + 1);
          return FALSE;
        }
      raw += answers[i];
    }
  if (s.n_missing == 0)
    {
      s.complete = TRUE;
      s.raw = raw;
      s.percent = raw * 4;
      s.band = hel_who5_band_for_percent (s.percent);
    }
  if (score)
    *score = s;
  return TRUE;
}

int
hel_who5_change_direction (int before_percent,
                           int after_percent)
{
  int change = after_percent - before_percent;

  if (change >= HEL_WHO5_RELEVANT_CHANGE)
    return 1;
  if (change <= -HEL_WHO5_RELEVANT_CHANGE)
    return -1;
  return 0;
}

/* ---- SDQ ---- */

static const char * const sdq_codes[HEL_SDQ_N_FIELDS] = {
  "emotional", "conduct", "hyperactivity", "peer", "prosocial", "impact",
};

const char *
hel_sdq_field_code (HelSdqField field)
{
  g_return_val_if_fail (field < HEL_SDQ_N_FIELDS, "");
  return sdq_codes[field];
}

gboolean
hel_sdq_field_from_code (const char  *code,
                         HelSdqField *field)
{
  for (guint i = 0; i < HEL_SDQ_N_FIELDS; i++)
    if (g_strcmp0 (code, sdq_codes[i]) == 0)
      {
        *field = (HelSdqField) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_sdq_field_label (HelSdqField field)
{
  switch (field)
    {
    case HEL_SDQ_EMOTIONAL:
      return _("Emotional symptoms");
    case HEL_SDQ_CONDUCT:
      return _("Conduct problems");
    case HEL_SDQ_HYPERACTIVITY:
      return _("Hyperactivity and inattention");
    case HEL_SDQ_PEER:
      return _("Peer relationship problems");
    case HEL_SDQ_PROSOCIAL:
      return _("Prosocial behaviour");
    case HEL_SDQ_IMPACT:
      return _("Impact score");
    case HEL_SDQ_N_FIELDS:
    default:
      return "";
    }
}

void
hel_sdq_band_table_init_default (HelSdqBandTable *table)
{
  /* The parent-report three-band table: 0-13 normal, 14-16 borderline, 17-40 abnormal. */
  memset (table, 0, sizeof *table);
  table->n_bands = 3;
  table->lowest[0] = 0;
  table->lowest[1] = 14;
  table->lowest[2] = 17;
  g_strlcpy (table->code[0], "normal", sizeof table->code[0]);
  g_strlcpy (table->code[1], "borderline", sizeof table->code[1]);
  g_strlcpy (table->code[2], "abnormal", sizeof table->code[2]);
  table->population_share[0] = 80;
  table->population_share[1] = 10;
  table->population_share[2] = 10;
}

gboolean
hel_sdq_band_table_validate (const HelSdqBandTable *table,
                             GError               **error)
{
  double shares = 0;

  if (table->n_bands < 2 || table->n_bands > HEL_SDQ_MAX_BANDS)
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                   _("The SDQ table needs 2 to %d bands."), HEL_SDQ_MAX_BANDS);
      return FALSE;
    }
  if (table->lowest[0] != 0)
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                   _("The first SDQ band must start at 0."));
      return FALSE;
    }
  for (guint i = 0; i < table->n_bands; i++)
    {
      if (hel_sdq_band_label (table->code[i])[0] == '\0')
        {
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
                       _("SDQ band %u has an unknown name."), i + 1);
          return FALSE;
        }
      if (i > 0 && (table->lowest[i] <= table->lowest[i - 1] ||
                    table->lowest[i] > HEL_SDQ_TOTAL_MAX))
        {
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("SDQ band %u must start above the band before it and at most at 40."),
                       i + 1);
          return FALSE;
        }
      if (!(table->population_share[i] >= 0 && table->population_share[i] <= 100))
        {
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("The population share of SDQ band %u must be 0 to 100 %%."), i + 1);
          return FALSE;
        }
      shares += table->population_share[i];
    }
  if (shares > 100.5)
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                   _("The population shares of the SDQ bands add up to more than 100 %%."));
      return FALSE;
    }
  return TRUE;
}

int
hel_sdq_band_highest (const HelSdqBandTable *table,
                      guint                  band)
{
  g_return_val_if_fail (band < table->n_bands, HEL_SDQ_TOTAL_MAX);
  return band + 1 < table->n_bands ? table->lowest[band + 1] - 1 : HEL_SDQ_TOTAL_MAX;
}

const char *
hel_sdq_band_label (const char *code)
{
  if (g_strcmp0 (code, "normal") == 0)
    return _("Normal");
  if (g_strcmp0 (code, "borderline") == 0)
    return _("Borderline");
  if (g_strcmp0 (code, "abnormal") == 0)
    return _("Abnormal");
  if (g_strcmp0 (code, "very-high") == 0)
    return _("Very high");
  return "";
}

int
hel_sdq_band_for_total (const HelSdqBandTable *table,
                        int                    total)
{
  if (total < 0 || total > HEL_SDQ_TOTAL_MAX)
    return -1;
  for (guint i = table->n_bands; i > 0; i--)
    if (total >= table->lowest[i - 1])
      return (int) i - 1;
  return -1;
}

gboolean
hel_sdq_score (const int              values[HEL_SDQ_N_FIELDS],
               const HelSdqBandTable *table,
               HelSdqScore           *score,
               HelSdqField           *bad_field,
               GError               **error)
{
  HelSdqScore s = { TRUE, 0, -1 };

  for (guint i = 0; i < HEL_SDQ_N_FIELDS; i++)
    {
      if (values[i] == HEL_SCORING_MISSING)
        {
          if (i <= HEL_SDQ_PEER)
            s.complete = FALSE;
          continue;
        }
      if (values[i] < 0 || values[i] > HEL_SDQ_SCALE_MAX)
        {
          if (bad_field)
            *bad_field = (HelSdqField) i;
          /* Translators: %s is an SDQ scale, e.g. “Conduct problems” */
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("%s must be a score from 0 to 10, as on the scored paper form."),
                       hel_sdq_field_label ((HelSdqField) i));
          return FALSE;
        }
      if (i <= HEL_SDQ_PEER)
        s.total += values[i];
    }
  if (s.complete)
    s.band = hel_sdq_band_for_total (table, s.total);
  else
    s.total = -1;
  if (score)
    *score = s;
  return TRUE;
}

/* ---- BIP ---- */

gboolean
hel_bip_score (guint               n,
               const int          *values,
               const int          *min,
               const int          *max,
               const char * const *names,
               HelBipScore        *score,
               guint              *bad_index,
               GError            **error)
{
  HelBipScore s = { 0, NAN, NAN };
  double sum = 0, share_sum = 0;

  for (guint i = 0; i < n; i++)
    {
      if (values[i] == HEL_SCORING_MISSING)
        continue;
      if (values[i] < min[i] || values[i] > max[i])
        {
          if (bad_index)
            *bad_index = i;
          /* Translators: “Belief in getting a job must be 1 to 5.” */
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("%s must be %d to %d."), names && names[i] ? names[i] : "", min[i], max[i]);
          return FALSE;
        }
      sum += values[i];
      share_sum += (double) (values[i] - min[i]) / (double) MAX (1, max[i] - min[i]);
      s.n_answered++;
    }
  if (s.n_answered > 0)
    {
      s.mean = sum / s.n_answered;
      s.mean_share = share_sum / s.n_answered;
    }
  if (score)
    *score = s;
  return TRUE;
}

/* ---- School absence ---- */

static const struct {
  double      upper;   /* inclusive */
  const char *label;
} absence_buckets[HEL_ABSENCE_N_BUCKETS] = {
  { 0, N_("0 %") },
  { 5, N_("0-5 %") },
  { 10, N_("6-10 %") },
  { 15, N_("11-15 %") },
  { 20, N_("16-20 %") },
  { 30, N_("21-30 %") },
  { 50, N_("31-50 %") },
  { 70, N_("51-70 %") },
  { 90, N_("71-90 %") },
  { 100, N_("91-100 %") },
};

const char *
hel_absence_bucket_label (guint bucket)
{
  g_return_val_if_fail (bucket < HEL_ABSENCE_N_BUCKETS, "");
  return _(absence_buckets[bucket].label);
}

double
hel_absence_bucket_upper (guint bucket)
{
  g_return_val_if_fail (bucket < HEL_ABSENCE_N_BUCKETS, 100);
  return absence_buckets[bucket].upper;
}

int
hel_absence_bucket_for_percent (double percent)
{
  if (!(percent >= 0 && percent <= 100))
    return -1;
  for (guint i = 0; i < HEL_ABSENCE_N_BUCKETS; i++)
    if (percent <= absence_buckets[i].upper)
      return (int) i;
  return -1;
}

char *
hel_format_decimal (double value,
                    int    digits)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", CLAMP (digits, 0, 6));
  /* Translators: the decimal separator of numbers shown to people; Danish uses “,” */
  const char *separator = C_("decimal separator", ".");
  char *text;

  if (isnan (value))
    return g_strdup ("–");
  /* No "-0.0" for a value that rounds to zero. */
  if (fabs (value) < 0.5 * pow (10, -CLAMP (digits, 0, 6)))
    value = 0;
  g_ascii_formatd (buf, sizeof buf, format, value);
  text = g_strdup (buf);
  if (strcmp (separator, ".") != 0)
    {
      char *dot = strchr (text, '.');
      if (dot != NULL)
        {
          g_autofree char *head = g_strndup (text, dot - text);
          char *joined = g_strconcat (head, separator, dot + 1, NULL);
          g_free (text);
          text = joined;
        }
    }
  return text;
}
