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

const char *
hel_sdq_field_short_label (HelSdqField field)
{
  switch (field)
    {
    case HEL_SDQ_EMOTIONAL:
      /* Translators: a short name of the SDQ scale “Emotional symptoms”, for tight places */
      return _("Emotions");
    case HEL_SDQ_CONDUCT:
      /* Translators: a short name of the SDQ scale “Conduct problems” */
      return _("Conduct");
    case HEL_SDQ_HYPERACTIVITY:
      /* Translators: a short name of the SDQ scale “Hyperactivity and inattention” */
      return _("Hyperactivity");
    case HEL_SDQ_PEER:
      /* Translators: a short name of the SDQ scale “Peer relationship problems” */
      return _("Peers");
    case HEL_SDQ_PROSOCIAL:
      /* Translators: a short name of the SDQ scale “Prosocial behaviour” */
      return _("Prosocial");
    case HEL_SDQ_IMPACT:
      /* Translators: a short name of the SDQ “Impact score” */
      return _("Impact");
    case HEL_SDQ_N_FIELDS:
    default:
      return "";
    }
}

const char *
hel_sdq_band_scale_code (HelSdqBandScale scale)
{
  g_return_val_if_fail (scale < HEL_SDQ_N_BAND_SCALES, "");
  return scale == HEL_SDQ_BANDS_TOTAL ? "total" : sdq_codes[scale - 1];
}

gboolean
hel_sdq_band_scale_from_code (const char      *code,
                              HelSdqBandScale *scale)
{
  for (guint i = 0; i < HEL_SDQ_N_BAND_SCALES; i++)
    if (g_strcmp0 (code, hel_sdq_band_scale_code ((HelSdqBandScale) i)) == 0)
      {
        *scale = (HelSdqBandScale) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_sdq_band_scale_label (HelSdqBandScale scale)
{
  g_return_val_if_fail (scale < HEL_SDQ_N_BAND_SCALES, "");
  return scale == HEL_SDQ_BANDS_TOTAL ? _("Total difficulties")
                                      : hel_sdq_field_label ((HelSdqField) (scale - 1));
}

HelSdqBandScale
hel_sdq_band_scale_for_field (HelSdqField field)
{
  g_return_val_if_fail (field < HEL_SDQ_N_FIELDS, HEL_SDQ_BANDS_TOTAL);
  return (HelSdqBandScale) (field + 1);
}

int
hel_sdq_band_scale_max (HelSdqBandScale scale)
{
  return scale == HEL_SDQ_BANDS_TOTAL ? HEL_SDQ_TOTAL_MAX : HEL_SDQ_SCALE_MAX;
}

gboolean
hel_sdq_band_scale_is_reversed (HelSdqBandScale scale)
{
  return scale == HEL_SDQ_BANDS_PROSOCIAL;
}

/* The published limits: the lowest score of each band, normal first, for three and four bands
 * (SDQ parent report; the four-band table from sdqinfo.org's newer scoring). */
static const int published_three[HEL_SDQ_N_BAND_SCALES][3] = {
  [HEL_SDQ_BANDS_TOTAL] = { 0, 14, 17 },
  [HEL_SDQ_BANDS_EMOTIONAL] = { 0, 4, 5 },
  [HEL_SDQ_BANDS_CONDUCT] = { 0, 3, 4 },
  [HEL_SDQ_BANDS_HYPERACTIVITY] = { 0, 6, 7 },
  [HEL_SDQ_BANDS_PEER] = { 0, 3, 4 },
  [HEL_SDQ_BANDS_PROSOCIAL] = { 6, 5, 0 },
  [HEL_SDQ_BANDS_IMPACT] = { 0, 1, 2 },
};

static const int published_four[HEL_SDQ_N_BAND_SCALES][4] = {
  [HEL_SDQ_BANDS_TOTAL] = { 0, 14, 17, 20 },
  [HEL_SDQ_BANDS_EMOTIONAL] = { 0, 4, 5, 7 },
  [HEL_SDQ_BANDS_CONDUCT] = { 0, 3, 4, 6 },
  [HEL_SDQ_BANDS_HYPERACTIVITY] = { 0, 6, 8, 9 },
  [HEL_SDQ_BANDS_PEER] = { 0, 3, 4, 5 },
  [HEL_SDQ_BANDS_PROSOCIAL] = { 8, 7, 6, 0 },
  [HEL_SDQ_BANDS_IMPACT] = { 0, 1, 2, 3 },
};

static const char * const band_codes[HEL_SDQ_MAX_BANDS] = {
  "normal", "borderline", "abnormal", "very-high",
};

void
hel_sdq_band_table_init_published (HelSdqBandTable *table,
                                   HelSdqBandScale  scale,
                                   guint            n_bands)
{
  g_return_if_fail (scale < HEL_SDQ_N_BAND_SCALES);
  g_return_if_fail (n_bands >= 2 && n_bands <= HEL_SDQ_MAX_BANDS);

  memset (table, 0, sizeof *table);
  table->scale = scale;
  table->n_bands = n_bands;
  for (guint i = 0; i < n_bands; i++)
    g_strlcpy (table->code[i], band_codes[i], sizeof table->code[i]);
  if (n_bands == 4)
    {
      memcpy (table->lowest, published_four[scale], sizeof published_four[scale]);
      table->population_share[0] = 80;
      table->population_share[1] = 10;
      table->population_share[2] = 5;
      table->population_share[3] = 5;
    }
  else if (n_bands == 3)
    {
      memcpy (table->lowest, published_three[scale], sizeof published_three[scale]);
      table->population_share[0] = 80;
      table->population_share[1] = 10;
      table->population_share[2] = 10;
    }
  else
    {
      /* Normal and abnormal only: the borderline band joins normal. */
      table->lowest[0] = published_three[scale][0];
      table->lowest[1] = published_three[scale][2];
      g_strlcpy (table->code[1], "abnormal", sizeof table->code[1]);
      table->population_share[0] = 90;
      table->population_share[1] = 10;
    }
}

void
hel_sdq_band_table_init_scale_default (HelSdqBandTable *table,
                                       HelSdqBandScale  scale)
{
  hel_sdq_band_table_init_published (table, scale, scale == HEL_SDQ_BANDS_TOTAL ? 3 : 4);
}

void
hel_sdq_band_table_init_default (HelSdqBandTable *table)
{
  /* The parent-report three-band table: 0-13 normal, 14-16 borderline, 17-40 abnormal. */
  hel_sdq_band_table_init_published (table, HEL_SDQ_BANDS_TOTAL, 3);
}

void
hel_sdq_band_table_init_four_bands (HelSdqBandTable *table)
{
  hel_sdq_band_table_init_published (table, HEL_SDQ_BANDS_TOTAL, 4);
}

gboolean
hel_sdq_band_table_validate (const HelSdqBandTable *table,
                             GError               **error)
{
  double shares = 0;
  gboolean reversed;
  int max;

  if (table->scale >= HEL_SDQ_N_BAND_SCALES)
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
                   _("The SDQ table is for an unknown scale."));
      return FALSE;
    }
  reversed = hel_sdq_band_scale_is_reversed (table->scale);
  max = hel_sdq_band_scale_max (table->scale);
  if (table->n_bands < 2 || table->n_bands > HEL_SDQ_MAX_BANDS)
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                   _("The SDQ table needs 2 to %d bands."), HEL_SDQ_MAX_BANDS);
      return FALSE;
    }
  if (!reversed && table->lowest[0] != 0)
    {
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                   _("The first SDQ band must start at 0."));
      return FALSE;
    }
  if (reversed && table->lowest[table->n_bands - 1] != 0)
    {
      /* Translators: %s is an SDQ scale, “Prosocial behaviour” */
      g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                   _("The last band of %s must start at 0."),
                   hel_sdq_band_scale_label (table->scale));
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
      if (table->lowest[i] < 0 || table->lowest[i] > max)
        {
          /* Translators: “SDQ band 2 of Conduct problems must start within 0 to 10.” */
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("SDQ band %u of %s must start within 0 to %d."), i + 1,
                       hel_sdq_band_scale_label (table->scale), max);
          return FALSE;
        }
      if (i > 0 && !reversed && table->lowest[i] <= table->lowest[i - 1])
        {
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("SDQ band %u of %s must start above the band before it."), i + 1,
                       hel_sdq_band_scale_label (table->scale));
          return FALSE;
        }
      if (i > 0 && reversed && table->lowest[i] >= table->lowest[i - 1])
        {
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("SDQ band %u of %s must lie below the band before it (a lower score "
                         "is worse)."), i + 1, hel_sdq_band_scale_label (table->scale));
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
  int max = hel_sdq_band_scale_max (table->scale);

  g_return_val_if_fail (band < table->n_bands, max);
  if (hel_sdq_band_scale_is_reversed (table->scale))
    return band == 0 ? max : table->lowest[band - 1] - 1;
  return band + 1 < table->n_bands ? table->lowest[band + 1] - 1 : max;
}

int
hel_sdq_band_lowest (const HelSdqBandTable *table,
                     guint                  band)
{
  g_return_val_if_fail (band < table->n_bands, 0);
  return table->lowest[band];
}

int
hel_sdq_band_limit (const HelSdqBandTable *table,
                    guint                  band)
{
  return hel_sdq_band_scale_is_reversed (table->scale) ? hel_sdq_band_lowest (table, band)
                                                       : hel_sdq_band_highest (table, band);
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

const char *
hel_sdq_band_label_for_scale (HelSdqBandScale  scale,
                              const char      *code)
{
  /* Prosocial behaviour is a strength: its worst band is a very LOW score. */
  if (hel_sdq_band_scale_is_reversed (scale) && g_strcmp0 (code, "very-high") == 0)
    return _("Very low");
  return hel_sdq_band_label (code);
}

/* Scores where higher is worse: limits are upper limits and run up. */
static gboolean
check_upper_limits (const HelSdqBandTable *table,
                    const int             *upper,
                    guint                 *bad_band,
                    GError               **error)
{
  int max = hel_sdq_band_scale_max (table->scale);

  for (guint i = 0; i + 1 < table->n_bands; i++)
    {
      const char *band = hel_sdq_band_label (table->code[i]);
      const char *next = hel_sdq_band_label (table->code[i + 1]);

      if (bad_band)
        *bad_band = i;
      if (upper[i] < 0 || upper[i] >= max)
        {
          if (table->scale == HEL_SDQ_BANDS_TOTAL)
            /* Translators: “The upper limit of Borderline must be 0 to 39, so Abnormal keeps …” */
            g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                         _("The upper limit of %s must be 0 to %d, so %s keeps at least the total "
                           "of %d."), band, max - 1, next, max);
          else
            /* Translators: “The upper limit of Borderline must be 0 to 9, so Abnormal keeps at
             * least the score of 10.” */
            g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                         _("The upper limit of %s must be 0 to %d, so %s keeps at least the score "
                           "of %d."), band, max - 1, next, max);
          return FALSE;
        }
      if (i > 0 && upper[i] <= upper[i - 1])
        {
          /* Translators: “The upper limit of Borderline must be above that of Normal (13).” */
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("The upper limit of %s must be above that of %s (%d)."), band,
                       hel_sdq_band_label (table->code[i - 1]), upper[i - 1]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Prosocial: a lower score is worse, so limits are lower limits and run down. */
static gboolean
check_lower_limits (const HelSdqBandTable *table,
                    const int             *lower,
                    guint                 *bad_band,
                    GError               **error)
{
  int max = hel_sdq_band_scale_max (table->scale);

  for (guint i = 0; i + 1 < table->n_bands; i++)
    {
      const char *band = hel_sdq_band_label (table->code[i]);
      const char *next = hel_sdq_band_label (table->code[i + 1]);

      if (bad_band)
        *bad_band = i;
      if (lower[i] < 1 || lower[i] > max)
        {
          /* Translators: “The lower limit of Normal must be 1 to 10, so Very high keeps at
           * least the score of 0.” */
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("The lower limit of %s must be 1 to %d, so %s keeps at least the score "
                         "of 0."), band, max, next);
          return FALSE;
        }
      if (i > 0 && lower[i] >= lower[i - 1])
        {
          /* Translators: “The lower limit of Borderline must be below that of Normal (8).” */
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                       _("The lower limit of %s must be below that of %s (%d)."), band,
                       hel_sdq_band_label (table->code[i - 1]), lower[i - 1]);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
hel_sdq_band_table_set_limits (HelSdqBandTable *table,
                               const int       *limits,
                               guint           *bad_band,
                               GError         **error)
{
  HelSdqBandTable changed;
  gboolean reversed;

  g_return_val_if_fail (table != NULL && limits != NULL, FALSE);
  g_return_val_if_fail (table->n_bands >= 2 && table->n_bands <= HEL_SDQ_MAX_BANDS, FALSE);

  reversed = hel_sdq_band_scale_is_reversed (table->scale);
  if (reversed ? !check_lower_limits (table, limits, bad_band, error)
               : !check_upper_limits (table, limits, bad_band, error))
    return FALSE;
  changed = *table;
  if (reversed)
    {
      for (guint i = 0; i + 1 < table->n_bands; i++)
        changed.lowest[i] = limits[i];
      changed.lowest[table->n_bands - 1] = 0;
    }
  else
    {
      changed.lowest[0] = 0;
      for (guint i = 0; i + 1 < table->n_bands; i++)
        changed.lowest[i + 1] = limits[i] + 1;
    }
  if (!hel_sdq_band_table_validate (&changed, error))
    return FALSE;
  *table = changed;
  return TRUE;
}

gboolean
hel_sdq_band_table_set_upper_limits (HelSdqBandTable *table,
                                     const int       *upper,
                                     guint           *bad_band,
                                     GError         **error)
{
  g_return_val_if_fail (table != NULL && !hel_sdq_band_scale_is_reversed (table->scale), FALSE);
  return hel_sdq_band_table_set_limits (table, upper, bad_band, error);
}

int
hel_sdq_band_for_score (const HelSdqBandTable *table,
                        int                    score)
{
  if (score < 0 || score > hel_sdq_band_scale_max (table->scale))
    return -1;
  if (hel_sdq_band_scale_is_reversed (table->scale))
    {
      for (guint i = 0; i < table->n_bands; i++)
        if (score >= table->lowest[i])
          return (int) i;
      return -1;
    }
  for (guint i = table->n_bands; i > 0; i--)
    if (score >= table->lowest[i - 1])
      return (int) i - 1;
  return -1;
}

int
hel_sdq_band_for_total (const HelSdqBandTable *table,
                        int                    total)
{
  return hel_sdq_band_for_score (table, total);
}

void
hel_sdq_band_set_init_default (HelSdqBandSet *set)
{
  for (guint i = 0; i < HEL_SDQ_N_BAND_SCALES; i++)
    hel_sdq_band_table_init_scale_default (&set->table[i], (HelSdqBandScale) i);
}

gboolean
hel_sdq_band_set_validate (const HelSdqBandSet *set,
                           GError             **error)
{
  for (guint i = 0; i < HEL_SDQ_N_BAND_SCALES; i++)
    {
      if (set->table[i].scale != i)
        {
          g_set_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
                       _("The SDQ table is for an unknown scale."));
          return FALSE;
        }
      if (!hel_sdq_band_table_validate (&set->table[i], error))
        return FALSE;
    }
  return TRUE;
}

void
hel_sdq_field_bands (const int            values[HEL_SDQ_N_FIELDS],
                     const HelSdqBandSet *set,
                     int                  bands[HEL_SDQ_N_FIELDS])
{
  for (guint i = 0; i < HEL_SDQ_N_FIELDS; i++)
    bands[i] = values[i] == HEL_SCORING_MISSING
                 ? -1
                 : hel_sdq_band_for_score (&set->table[hel_sdq_band_scale_for_field (i)],
                                           values[i]);
}

gboolean
hel_sdq_band_is_high (const char *code)
{
  return g_strcmp0 (code, "abnormal") == 0 || g_strcmp0 (code, "very-high") == 0;
}

char *
hel_sdq_describe_high_fields (const int            values[HEL_SDQ_N_FIELDS],
                              const HelSdqBandSet *set)
{
  GString *names = NULL;
  int bands[HEL_SDQ_N_FIELDS];

  hel_sdq_field_bands (values, set, bands);
  for (guint i = 0; i < HEL_SDQ_N_FIELDS; i++)
    {
      const HelSdqBandTable *table = &set->table[hel_sdq_band_scale_for_field (i)];

      if (bands[i] < 0 || !hel_sdq_band_is_high (table->code[bands[i]]))
        continue;
      if (names == NULL)
        names = g_string_new (NULL);
      else
        /* Translators: between the names of SDQ scales in a list: “Conduct, Peers” */
        g_string_append (names, _(", "));
      g_string_append (names, hel_sdq_field_short_label ((HelSdqField) i));
    }
  return names ? g_string_free (names, FALSE) : NULL;
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
