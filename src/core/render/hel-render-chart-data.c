/* hel-render-chart-data.c: reads what each chart kind shows (from the store and the pooled
 * statistics) into categories, series, bands and tables; the "<5" rule is applied here, so every
 * drawing and export of a project chart is pooled the same way. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hel-render-chart-private.h"
#include "hel-store-progress.h"
#include "hel-validate.h"

static const char * const kind_codes[HEL_N_CHART_KINDS] = {
  "person-who5", "person-sdq", "person-bip", "family-overview", "project-who5", "project-sdq",
  "project-absence", "project-income", "project-employment", "project-notifications",
  "project-economy",
};

const char *
hel_chart_kind_to_code (HelChartKind kind)
{
  g_return_val_if_fail (kind < HEL_N_CHART_KINDS, "project-who5");
  return kind_codes[kind];
}

gboolean
hel_chart_kind_from_code (const char   *code,
                          HelChartKind *kind)
{
  for (guint i = 0; i < HEL_N_CHART_KINDS; i++)
    if (g_strcmp0 (code, kind_codes[i]) == 0)
      {
        *kind = (HelChartKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_chart_kind_label (HelChartKind kind)
{
  switch (kind)
    {
    case HEL_CHART_PERSON_WHO5:
      return _("WHO-5 wellbeing over time");
    case HEL_CHART_PERSON_SDQ:
      return _("SDQ over time");
    case HEL_CHART_PERSON_BIP:
      return _("Job readiness per wave");
    case HEL_CHART_FAMILY_OVERVIEW:
      return _("The family at a glance");
    case HEL_CHART_PROJECT_WHO5:
      return _("Parents’ wellbeing (WHO-5)");
    case HEL_CHART_PROJECT_SDQ:
      return _("Children’s wellbeing (SDQ)");
    case HEL_CHART_PROJECT_ABSENCE:
      return _("School absence");
    case HEL_CHART_PROJECT_INCOME:
      return _("Income support");
    case HEL_CHART_PROJECT_EMPLOYMENT:
      return _("Employment-oriented offers");
    case HEL_CHART_PROJECT_NOTIFICATIONS:
      return _("Notifications of concern");
    case HEL_CHART_PROJECT_ECONOMY:
      return _("Economy");
    case HEL_N_CHART_KINDS:
    default:
      return "";
    }
}

gboolean
hel_chart_kind_is_person (HelChartKind kind)
{
  return kind <= HEL_CHART_PERSON_BIP;
}

gboolean
hel_chart_kind_is_family (HelChartKind kind)
{
  return kind == HEL_CHART_FAMILY_OVERVIEW;
}

/* ---- Building blocks ---- */

static void
series_free (gpointer data)
{
  HelChartSeries *series = data;

  g_free (series->name);
  g_array_unref (series->values);
  g_ptr_array_unref (series->labels);
  g_array_unref (series->hidden);
  g_array_unref (series->point_colours);
  g_free (series);
}

static void
band_clear (gpointer data)
{
  g_free (((HelChartBand *) data)->label);
}

static void
panel_free (gpointer data)
{
  HelChartPanel *panel = data;

  g_free (panel->title);
  g_array_unref (panel->bands);
  g_free (panel);
}

static void
reference_clear (gpointer data)
{
  g_free (((HelChartReference *) data)->label);
}

HelChart *
_hel_chart_new_empty (HelChartKind   kind,
                      HelChartShape  shape,
                      const char    *title)
{
  HelChart *chart = g_new0 (HelChart, 1);

  chart->kind = kind;
  chart->shape = shape;
  chart->title = g_strdup (title);
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->bands = g_array_new (FALSE, TRUE, sizeof (HelChartBand));
  g_array_set_clear_func (chart->bands, band_clear);
  chart->references = g_array_new (FALSE, TRUE, sizeof (HelChartReference));
  g_array_set_clear_func (chart->references, reference_clear);
  chart->changes = g_array_new (FALSE, TRUE, sizeof (int));
  chart->panels = g_ptr_array_new_with_free_func (panel_free);
  chart->header = g_ptr_array_new_with_free_func (g_free);
  chart->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  chart->row_kinds = g_array_new (FALSE, TRUE, sizeof (HelChartRowKind));
  chart->row_colours = g_array_new (FALSE, TRUE, sizeof (int));
  chart->y_min = 0;
  chart->y_max = 100;
  chart->y_step = 20;
  return chart;
}

void
hel_chart_free (HelChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_free (chart->subtitle);
  g_free (chart->note);
  g_free (chart->empty_text);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->bands);
  g_array_unref (chart->references);
  g_array_unref (chart->changes);
  g_ptr_array_unref (chart->panels);
  g_ptr_array_unref (chart->header);
  g_ptr_array_unref (chart->rows);
  g_array_unref (chart->row_kinds);
  g_array_unref (chart->row_colours);
  g_free (chart);
}

HelChartSeries *
_hel_chart_add_series (HelChart   *chart,
                       const char *name,
                       int         colour)
{
  HelChartSeries *series = g_new0 (HelChartSeries, 1);

  series->name = g_strdup (name);
  series->colour = colour;
  series->values = g_array_new (FALSE, TRUE, sizeof (double));
  series->labels = g_ptr_array_new_with_free_func (g_free);
  series->hidden = g_array_new (FALSE, TRUE, sizeof (gboolean));
  series->point_colours = g_array_new (FALSE, TRUE, sizeof (int));
  series->panel = -1;
  for (guint i = 0; i < chart->categories->len; i++)
    {
      double nothing = NAN;
      gboolean no = FALSE;
      int no_colour = HEL_CHART_COLOUR_NONE;
      g_array_append_val (series->values, nothing);
      g_ptr_array_add (series->labels, NULL);
      g_array_append_val (series->hidden, no);
      g_array_append_val (series->point_colours, no_colour);
    }
  g_ptr_array_add (chart->series, series);
  return series;
}

guint
_hel_chart_add_category (HelChart   *chart,
                         const char *label)
{
  int none = 0;

  g_ptr_array_add (chart->categories, g_strdup (label));
  g_array_append_val (chart->changes, none);
  for (guint s = 0; s < chart->series->len; s++)
    {
      HelChartSeries *series = chart->series->pdata[s];
      double nothing = NAN;
      gboolean no = FALSE;
      int no_colour = HEL_CHART_COLOUR_NONE;
      g_array_append_val (series->values, nothing);
      g_ptr_array_add (series->labels, NULL);
      g_array_append_val (series->hidden, no);
      g_array_append_val (series->point_colours, no_colour);
    }
  return chart->categories->len - 1;
}

void
_hel_chart_set_point_colour (HelChartSeries *series,
                             guint           category,
                             int             colour)
{
  g_return_if_fail (category < series->point_colours->len);
  g_array_index (series->point_colours, int, category) = colour;
}

void
_hel_chart_set_value (HelChartSeries *series,
                      guint           category,
                      double          value,
                      const char     *label,
                      gboolean        hidden)
{
  g_return_if_fail (category < series->values->len);
  g_array_index (series->values, double, category) = value;
  g_free (series->labels->pdata[category]);
  series->labels->pdata[category] = g_strdup (label);
  g_array_index (series->hidden, gboolean, category) = hidden;
}

void
_hel_chart_add_band (HelChart   *chart,
                     double      from,
                     double      to,
                     int         colour,
                     const char *label)
{
  HelChartBand band = { from, to, colour, g_strdup (label) };

  g_array_append_val (chart->bands, band);
}

guint
_hel_chart_add_panel (HelChart       *chart,
                      HelChartSeries *series,
                      const char     *title,
                      double          y_max)
{
  HelChartPanel *panel = g_new0 (HelChartPanel, 1);
  guint index;

  g_return_val_if_fail (g_ptr_array_find (chart->series, series, &index), 0);
  panel->title = g_strdup (title);
  panel->series = index;
  panel->y_max = y_max;
  panel->bands = g_array_new (FALSE, TRUE, sizeof (HelChartBand));
  g_array_set_clear_func (panel->bands, band_clear);
  g_ptr_array_add (chart->panels, panel);
  series->panel = (int) chart->panels->len - 1;
  return chart->panels->len - 1;
}

void
_hel_chart_add_panel_band (HelChart   *chart,
                           guint       panel,
                           double      from,
                           double      to,
                           int         colour,
                           const char *label)
{
  HelChartBand band = { from, to, colour, g_strdup (label) };

  g_return_if_fail (panel < chart->panels->len);
  g_array_append_val (((HelChartPanel *) chart->panels->pdata[panel])->bands, band);
}

static void
add_band_colours (GArray       *colours,
                  const GArray *bands)
{
  for (guint b = 0; b < bands->len; b++)
    {
      const HelChartBand *band = &g_array_index (bands, HelChartBand, b);
      guint at = 0;
      gboolean known = FALSE;

      /* A colour may mean two things: the worst band is a very high score on the SDQ's
       * difficulties and a very low one on prosocial behaviour; the legend names both. */
      for (; at < colours->len && !known; at++)
        known = g_array_index (colours, HelChartBand, at).colour == band->colour &&
                g_strcmp0 (g_array_index (colours, HelChartBand, at).label, band->label) == 0;
      if (known)
        continue;
      for (at = 0; at < colours->len; at++)
        if (g_array_index (colours, HelChartBand, at).colour > band->colour)
          break;
      g_array_insert_val (colours, at, *band);
    }
}

GArray *
_hel_chart_band_colours (const HelChart *chart)
{
  /* The labels stay the chart's: no clear func. */
  GArray *colours = g_array_new (FALSE, TRUE, sizeof (HelChartBand));

  add_band_colours (colours, chart->bands);
  for (guint p = 0; p < chart->panels->len; p++)
    add_band_colours (colours, ((HelChartPanel *) chart->panels->pdata[p])->bands);
  return colours;
}

void
_hel_chart_add_reference (HelChart   *chart,
                          double      value,
                          const char *label)
{
  HelChartReference reference = { value, g_strdup (label) };

  g_array_append_val (chart->references, reference);
}

void
_hel_chart_add_row (HelChart        *chart,
                    HelChartRowKind  kind,
                    int              colour,
                    const char     **cells,
                    guint            n)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (row, g_strdup (cells[i] ? cells[i] : ""));
  g_ptr_array_add (chart->rows, row);
  g_array_append_val (chart->row_kinds, kind);
  g_array_append_val (chart->row_colours, colour);
}

void
_hel_chart_fit_axis (HelChart *chart,
                     double    max)
{
  static const double steps[] = { 1, 2, 5 };
  double magnitude, step = 1;

  if (!(max > 0))
    max = 1;
  /* About five gridlines: the smallest 1, 2 or 5 x 10^n step that needs no more than six. */
  magnitude = pow (10, floor (log10 (max / 5)));
  for (guint i = 0; i < G_N_ELEMENTS (steps) * 2; i++)
    {
      step = steps[i % 3] * magnitude * (i >= 3 ? 10 : 1);
      if (max / step <= 6)
        break;
    }
  if (step < 1 && !chart->y_percent)
    step = step < 0.1 ? 0.1 : step;
  chart->y_min = 0;
  chart->y_step = step;
  chart->y_max = ceil (max * 1.08 / step) * step;
}

static void
set_empty (HelChart   *chart,
           const char *text)
{
  chart->empty = TRUE;
  g_free (chart->empty_text);
  chart->empty_text = g_strdup (text);
}

static const char *
small_counts_note (void)
{
  return _("Counts from 1 to 4 are shown as “<5”, hatched up to the height of 5, so no one can "
           "be recognised.");
}

static char *
wave_and_date (const HelMeasurement *m)
{
  g_autofree char *wave = hel_wave_label (m->wave);
  g_autofree char *date = hel_date_format (m->date);

  return g_strdup_printf ("%s\n%s", wave, date);
}

static int
sdq_band_colour (const char *code)
{
  if (g_strcmp0 (code, "normal") == 0)
    return HEL_CHART_COLOUR_GOOD;
  if (g_strcmp0 (code, "borderline") == 0)
    return HEL_CHART_COLOUR_WARNING;
  if (g_strcmp0 (code, "abnormal") == 0)
    return HEL_CHART_COLOUR_BAD;
  return HEL_CHART_COLOUR_WORST;
}

static int
who5_band_colour (HelWho5Band band)
{
  switch (band)
    {
    case HEL_WHO5_BAND_DEPRESSION:
      return HEL_CHART_COLOUR_BAD;
    case HEL_WHO5_BAND_POOR:
      return HEL_CHART_COLOUR_WARNING;
    case HEL_WHO5_BAND_GOOD:
      return HEL_CHART_COLOUR_GOOD;
    case HEL_WHO5_BAND_INCOMPLETE:
    case HEL_WHO5_N_BANDS:
    default:
      return HEL_CHART_COLOUR_MUTED;
    }
}

static void
add_who5_bands (HelChart *chart)
{
  _hel_chart_add_band (chart, 0, HEL_WHO5_DEPRESSION_LIMIT, HEL_CHART_COLOUR_BAD,
                       hel_who5_band_label (HEL_WHO5_BAND_DEPRESSION));
  _hel_chart_add_band (chart, HEL_WHO5_DEPRESSION_LIMIT, HEL_WHO5_POOR_LIMIT,
                       HEL_CHART_COLOUR_WARNING, hel_who5_band_label (HEL_WHO5_BAND_POOR));
  _hel_chart_add_band (chart, HEL_WHO5_POOR_LIMIT, 100, HEL_CHART_COLOUR_GOOD,
                       hel_who5_band_label (HEL_WHO5_BAND_GOOD));
  {
    g_autofree char *label = g_strdup_printf (_("Population mean %d"), HEL_WHO5_POPULATION_MEAN);
    _hel_chart_add_reference (chart, HEL_WHO5_POPULATION_MEAN, label);
  }
}

/* ---- Person charts ---- */

static HelChart *
person_who5 (HelStore  *store,
             HelMember *member,
             GError   **error)
{
  g_autoptr(GPtrArray) list = hel_store_list_measurements (store, hel_member_get_id (member),
                                                           HEL_INSTRUMENT_WHO5, error);
  g_autofree char *title = NULL;
  HelChart *chart;
  HelChartSeries *series;
  double previous = NAN;

  if (list == NULL)
    return NULL;
  /* Translators: “WHO-5 wellbeing: Maja” */
  title = g_strdup_printf (_("WHO-5 wellbeing: %s"), hel_member_get_first_name (member));
  chart = _hel_chart_new_empty (HEL_CHART_PERSON_WHO5, HEL_CHART_SHAPE_LINES, title);
  chart->y_percent = FALSE;
  add_who5_bands (chart);
  chart->note = g_strdup_printf (_("Score 0-100 (the raw score times 4). A change of %d points "
                                   "or more is clinically relevant and marked ▲ or ▼."),
                                 HEL_WHO5_RELEVANT_CHANGE);
  series = _hel_chart_add_series (chart, _("WHO-5 score"), 0);
  for (guint i = 0; i < list->len; i++)
    {
      const HelMeasurement *m = list->pdata[i];
      g_autofree char *category = wave_and_date (m);
      guint c = _hel_chart_add_category (chart, category);

      if (m->complete && !isnan (m->score))
        {
          g_autofree char *label = g_strdup_printf ("%.0f", m->score);
          _hel_chart_set_value (series, c, m->score, label, FALSE);
          if (!isnan (previous))
            g_array_index (chart->changes, int, c) =
              hel_who5_change_direction ((int) previous, (int) m->score);
          previous = m->score;
        }
      else
        _hel_chart_set_value (series, c, NAN, _("incomplete"), FALSE);
    }
  if (list->len == 0)
    set_empty (chart, _("No WHO-5 measurements yet."));
  return chart;
}

static HelChart *
person_sdq (HelStore  *store,
            HelMember *member,
            GError   **error)
{
  g_autoptr(GPtrArray) list = hel_store_list_measurements (store, hel_member_get_id (member),
                                                           HEL_INSTRUMENT_SDQ, error);
  g_autofree char *title = NULL;
  HelSdqBandSet set;
  const HelSdqBandTable *bands;
  HelChartSeries *total, *scales[HEL_SDQ_IMPACT];
  HelChart *chart;

  if (list == NULL || !hel_store_load_sdq_band_set (store, &set, error))
    return NULL;
  bands = &set.table[HEL_SDQ_BANDS_TOTAL];
  /* Translators: “SDQ: Malthe” */
  title = g_strdup_printf (_("SDQ: %s"), hel_member_get_first_name (member));
  chart = _hel_chart_new_empty (HEL_CHART_PERSON_SDQ, HEL_CHART_SHAPE_LINES, title);
  chart->y_max = HEL_SDQ_TOTAL_MAX;
  chart->y_step = 10;
  for (guint b = 0; b < bands->n_bands; b++)
    _hel_chart_add_band (chart, MAX (0, bands->lowest[b] - 0.5),
                         MIN (HEL_SDQ_TOTAL_MAX, hel_sdq_band_highest (bands, b) + 0.5),
                         sdq_band_colour (bands->code[b]), hel_sdq_band_label (bands->code[b]));
  chart->note = g_strdup (_("Total difficulties 0-40 (the first four scales) with the "
                            "parent-report bands behind it; below it each scale 0-10 with the "
                            "bands of the scale’s own table (prosocial behaviour: a low score is "
                            "the worse band). Typed from the scored paper form."));
  total = _hel_chart_add_series (chart, _("Total difficulties"), 0);
  for (guint s = 0; s < HEL_SDQ_IMPACT; s++)
    {
      const HelSdqBandTable *own = &set.table[hel_sdq_band_scale_for_field (s)];
      guint panel;

      scales[s] = _hel_chart_add_series (chart, hel_sdq_field_label (s), (int) s + 1);
      scales[s]->thin = TRUE;
      panel = _hel_chart_add_panel (chart, scales[s], hel_sdq_field_short_label (s),
                                    HEL_SDQ_SCALE_MAX);
      for (guint b = 0; b < own->n_bands; b++)
        _hel_chart_add_panel_band (chart, panel, MAX (0, hel_sdq_band_lowest (own, b) - 0.5),
                                   MIN (HEL_SDQ_SCALE_MAX, hel_sdq_band_highest (own, b) + 0.5),
                                   sdq_band_colour (own->code[b]),
                                   hel_sdq_band_label_for_scale (own->scale, own->code[b]));
    }
  for (guint i = 0; i < list->len; i++)
    {
      const HelMeasurement *m = list->pdata[i];
      g_autofree char *category = wave_and_date (m);
      guint c = _hel_chart_add_category (chart, category);

      if (m->complete && !isnan (m->score))
        {
          g_autofree char *label = g_strdup_printf ("%.0f", m->score);
          int band = hel_sdq_band_for_total (bands, (int) m->score);

          _hel_chart_set_value (total, c, m->score, label, FALSE);
          if (band >= 0)
            _hel_chart_set_point_colour (total, c, sdq_band_colour (bands->code[band]));
        }
      else
        _hel_chart_set_value (total, c, NAN, _("incomplete"), FALSE);
      for (guint s = 0; s < HEL_SDQ_IMPACT; s++)
        {
          const HelSdqBandTable *own = &set.table[hel_sdq_band_scale_for_field (s)];
          int v = hel_measurement_get_answer (m, hel_sdq_field_code (s));
          int band = hel_sdq_band_for_score (own, v);

          char label[16];

          if (v == HEL_SCORING_MISSING)
            continue;
          g_snprintf (label, sizeof label, "%d", v);
          _hel_chart_set_value (scales[s], c, v, label, FALSE);
          if (band >= 0)
            _hel_chart_set_point_colour (scales[s], c, sdq_band_colour (own->code[band]));
        }
    }
  if (list->len == 0)
    set_empty (chart, _("No SDQ measurements yet."));
  return chart;
}

static HelChart *
person_bip (HelStore  *store,
            HelMember *member,
            GError   **error)
{
  g_autoptr(GPtrArray) list = hel_store_list_measurements (store, hel_member_get_id (member),
                                                           HEL_INSTRUMENT_BIP, error);
  g_autoptr(HelInstrument) bip = NULL;
  g_autofree char *title = NULL;
  HelChart *chart;
  int top = 1;

  if (list == NULL)
    return NULL;
  bip = hel_store_load_instrument (store, HEL_INSTRUMENT_BIP, error);
  if (bip == NULL)
    return NULL;
  /* Translators: “Job readiness: Maja” */
  title = g_strdup_printf (_("Job readiness: %s"), hel_member_get_first_name (member));
  chart = _hel_chart_new_empty (HEL_CHART_PERSON_BIP, HEL_CHART_SHAPE_BARS, title);
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *category = wave_and_date (list->pdata[i]);
      _hel_chart_add_category (chart, category);
    }
  for (guint k = 0; k < bip->items->len; k++)
    {
      const HelInstrumentItem *item = bip->items->pdata[k];
      HelChartSeries *series = _hel_chart_add_series (chart, item->label,
                                                      (int) (k % HEL_CHART_N_SERIES_COLOURS));
      top = MAX (top, item->max);
      for (guint i = 0; i < list->len; i++)
        {
          int v = hel_measurement_get_answer (list->pdata[i], item->key);
          if (v != HEL_SCORING_MISSING)
            {
              g_autofree char *label = g_strdup_printf ("%d", v);
              _hel_chart_set_value (series, i, v, label, FALSE);
            }
        }
    }
  chart->y_max = top;
  chart->y_step = top <= 10 ? 1 : 10;
  chart->note = g_strdup (_("Each indicator on its own scale; higher is closer to work."));
  if (list->len == 0)
    set_empty (chart, _("No job-readiness measurements yet."));
  return chart;
}

/* ---- The family at a glance ---- */

/* The total's band, and after it the scales in a high band by their own tables, so a child
 * whose total is normal but whose conduct is very high does not look fine at a glance. */
static char *
describe_sdq_level (const HelMeasurement *m,
                    const HelSdqBandSet  *set)
{
  int values[HEL_SDQ_N_FIELDS];
  g_autofree char *high = NULL;

  for (guint i = 0; i < HEL_SDQ_N_FIELDS; i++)
    values[i] = hel_measurement_get_answer (m, hel_sdq_field_code ((HelSdqField) i));
  high = hel_sdq_describe_high_fields (values, set);
  if (high == NULL)
    return g_strdup (hel_sdq_band_label (m->band));
  /* Translators: the SDQ total's band, then the scales in an abnormal or very high (prosocial:
   * very low) band: “Normal · outside normal: Conduct, Prosocial” */
  return g_strdup_printf (_("%s · outside normal: %s"), hel_sdq_band_label (m->band), high);
}

static void
add_overview_rows (HelChart            *chart,
                   HelStore            *store,
                   HelMember           *member,
                   const HelSdqBandSet *sdq_bands)
{
  for (guint k = 0; k < HEL_N_INSTRUMENTS; k++)
    {
      g_autoptr(GPtrArray) list = hel_store_list_measurements (store, hel_member_get_id (member),
                                                               (HelInstrumentKind) k, NULL);
      const HelMeasurement *latest = NULL, *before = NULL;
      g_autofree char *value = NULL;
      g_autofree char *change = NULL;
      g_autofree char *when = NULL;
      g_autofree char *sdq_level = NULL;
      const char *band = "";
      int colour = HEL_CHART_COLOUR_NONE;
      const char *cells[5];

      for (guint i = list ? list->len : 0; i > 0; i--)
        {
          const HelMeasurement *m = list->pdata[i - 1];
          if (!m->complete || isnan (m->score))
            continue;
          if (latest == NULL)
            latest = m;
          else if (before == NULL)
            before = m;
        }
      if (latest == NULL)
        continue;
      when = hel_date_format (latest->date);
      switch (k)
        {
        case HEL_INSTRUMENT_WHO5:
          {
            HelWho5Band b = hel_who5_band_for_percent ((int) latest->score);
            value = g_strdup_printf ("%.0f", latest->score);
            band = hel_who5_band_label (b);
            colour = who5_band_colour (b);
            if (before != NULL)
              {
                int d = hel_who5_change_direction ((int) before->score, (int) latest->score);
                int diff = (int) (latest->score - before->score);
                change = g_strdup_printf ("%s %+d", d > 0 ? "▲" : d < 0 ? "▼" : "→", diff);
              }
          }
          break;
        case HEL_INSTRUMENT_SDQ:
          value = g_strdup_printf ("%.0f", latest->score);
          sdq_level = describe_sdq_level (latest, sdq_bands);
          band = sdq_level;
          colour = sdq_band_colour (latest->band);
          if (before != NULL)
            {
              int diff = (int) (latest->score - before->score);
              /* Fewer difficulties is better: the arrow points the way things went. */
              change = g_strdup_printf ("%s %+d", diff < 0 ? "▲" : diff > 0 ? "▼" : "→", diff);
            }
          break;
        case HEL_INSTRUMENT_BIP:
        default:
          value = hel_format_decimal (latest->score, 1);
          if (before != NULL)
            {
              double diff = latest->score - before->score;
              g_autofree char *d = hel_format_decimal (diff, 1);
              change = g_strdup_printf ("%s %s%s", diff >= 0.5 ? "▲" : diff <= -0.5 ? "▼" : "→",
                                        diff > 0 ? "+" : "", d);
            }
          break;
        }
      {
        g_autofree char *with_date = g_strdup_printf ("%s (%s)", value, when);
        cells[0] = hel_member_get_first_name (member);
        cells[1] = hel_instrument_kind_label ((HelInstrumentKind) k);
        cells[2] = with_date;
        cells[3] = band;
        cells[4] = change ? change : "–";
        _hel_chart_add_row (chart, HEL_CHART_ROW_PLAIN, colour, cells, 5);
      }
    }
}

static HelChart *
family_overview (HelStore *store,
                 gint64    family_id,
                 GError  **error)
{
  g_autoptr(HelFamily) family = hel_store_get_family (store, family_id, error);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) absence = NULL;
  g_autofree char *title = NULL;
  HelChart *chart;
  const char *header[] = { N_("Person"), N_("Measure"), N_("Latest"), N_("Level"),
                           N_("Since the time before") };
  HelSdqBandSet sdq_bands;

  if (family == NULL || !hel_store_load_sdq_band_set (store, &sdq_bands, error))
    return NULL;
  members = hel_store_list_members (store, family_id, error);
  absence = members ? hel_store_list_school_absence (store, family_id, error) : NULL;
  if (absence == NULL)
    return NULL;
  title = g_strdup_printf (_("%s at a glance"), hel_family_get_name (family));
  chart = _hel_chart_new_empty (HEL_CHART_FAMILY_OVERVIEW, HEL_CHART_SHAPE_TABLE, title);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_ptr_array_add (chart->header, g_strdup (_(header[i])));
  for (guint i = 0; i < members->len; i++)
    {
      HelMember *member = members->pdata[i];
      const HelSchoolAbsence *latest = NULL, *before = NULL;

      add_overview_rows (chart, store, member, &sdq_bands);
      for (guint a = absence->len; a > 0; a--)
        {
          const HelSchoolAbsence *row = absence->pdata[a - 1];
          if (row->member_id != hel_member_get_id (member))
            continue;
          if (latest == NULL)
            latest = row;
          else if (before == NULL)
            before = row;
        }
      if (latest != NULL)
        {
          g_autofree char *percent = hel_format_decimal (latest->percent, 1);
          g_autofree char *quarter = hel_quarter_label (latest->quarter);
          g_autofree char *value = g_strdup_printf ("%s %% (%s)", percent, quarter);
          g_autofree char *change = NULL;
          const char *cells[5];

          if (before != NULL)
            {
              double diff = latest->percent - before->percent;
              g_autofree char *d = hel_format_decimal (diff, 1);
              change = g_strdup_printf ("%s %s%s", diff < -0.05 ? "▲" : diff > 0.05 ? "▼" : "→",
                                        diff > 0 ? "+" : "", d);
            }
          cells[0] = hel_member_get_first_name (member);
          cells[1] = _("School absence");
          cells[2] = value;
          cells[3] = hel_absence_bucket_label ((guint) MAX (0, hel_absence_bucket_for_percent (latest->percent)));
          cells[4] = change ? change : "–";
          _hel_chart_add_row (chart, HEL_CHART_ROW_PLAIN, HEL_CHART_COLOUR_NONE, cells, 5);
        }
    }
  chart->note = g_strdup (_("▲ better, ▼ worse, → about the same, since the measurement before. "
                            "For WHO-5 only a change of 10 points or more counts. SDQ: the "
                            "total’s band, then the scales outside normal by their own table."));
  if (chart->rows->len == 0)
    set_empty (chart, _("No measurements for this family yet."));
  return chart;
}

/* ---- Project charts ---- */

static HelChart *
project_who5 (HelStore                  *store,
              const HelStatisticsFilter *filter,
              GError                   **error)
{
  g_autoptr(GArray) rows = hel_statistics_who5_by_wave (store, filter, error);
  HelChart *chart;
  HelChartSeries *series;

  if (rows == NULL)
    return NULL;
  chart = _hel_chart_new_empty (HEL_CHART_PROJECT_WHO5, HEL_CHART_SHAPE_BARS,
                                hel_chart_kind_label (HEL_CHART_PROJECT_WHO5));
  add_who5_bands (chart);
  chart->subtitle = g_strdup (_("Mean WHO-5 score of the adults per wave, with the number "
                                "measured"));
  chart->note = g_strdup (_("Means of fewer than 5 people are not shown (“n <5”). At or below "
                            "50: poor wellbeing; at or below 28: probable depression."));
  series = _hel_chart_add_series (chart, _("Mean WHO-5 score"), 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const HelWho5Wave *row = &g_array_index (rows, HelWho5Wave, i);
      g_autofree char *wave = hel_wave_label (row->wave);
      guint c = _hel_chart_add_category (chart, wave);

      if (hel_statistics_count_hidden (row->n))
        _hel_chart_set_value (series, c, NAN, "n <5", FALSE);
      else
        {
          g_autofree char *mean = hel_format_decimal (row->mean, 1);
          g_autofree char *label = g_strdup_printf ("%s\nn = %u", mean, row->n);
          _hel_chart_set_value (series, c, row->mean, label, FALSE);
        }
    }
  if (rows->len == 0)
    set_empty (chart, _("No WHO-5 measurements in this selection."));
  return chart;
}

static HelChart *
project_sdq (HelStore                  *store,
             const HelStatisticsFilter *filter,
             GError                   **error)
{
  HelSdqShares shares;
  HelChart *chart;
  guint columns[3];
  g_autofree char *baseline = NULL;
  g_autofree char *latest = NULL;

  if (!hel_statistics_sdq_shares (store, filter, &shares, error))
    return NULL;
  chart = _hel_chart_new_empty (HEL_CHART_PROJECT_SDQ, HEL_CHART_SHAPE_STACKED,
                                hel_chart_kind_label (HEL_CHART_PROJECT_SDQ));
  chart->y_percent = TRUE;
  chart->subtitle = g_strdup (_("Share of the children in each SDQ band at the baseline and at "
                                "the latest follow-up, beside the population"));
  chart->note = g_strdup (small_counts_note ());
  baseline = hel_statistics_count_hidden (shares.n_baseline)
             ? g_strdup_printf (_("Baseline\nn <5"))
             : g_strdup_printf (_("Baseline\nn = %u"), shares.n_baseline);
  latest = hel_statistics_count_hidden (shares.n_latest)
           ? g_strdup_printf (_("Latest follow-up\nn <5"))
           : g_strdup_printf (_("Latest follow-up\nn = %u"), shares.n_latest);
  columns[0] = _hel_chart_add_category (chart, baseline);
  columns[1] = _hel_chart_add_category (chart, latest);
  columns[2] = _hel_chart_add_category (chart, _("Population"));
  for (guint b = 0; b < shares.bands.n_bands; b++)
    {
      HelChartSeries *series = _hel_chart_add_series (chart,
                                                      hel_sdq_band_label (shares.bands.code[b]),
                                                      sdq_band_colour (shares.bands.code[b]));
      const guint counts[2] = { shares.baseline[b], shares.latest[b] };
      const guint totals[2] = { shares.n_baseline, shares.n_latest };
      g_autofree char *population = g_strdup_printf ("%.0f %%", shares.bands.population_share[b]);

      for (guint c = 0; c < 2; c++)
        {
          g_autofree char *label = NULL;

          /* A column of fewer than 5 children is not shown at all. */
          if (totals[c] < HEL_STATISTICS_MIN_COUNT)
            continue;
          if (hel_statistics_count_hidden (counts[c]))
            _hel_chart_set_value (series, columns[c], 500.0 / totals[c], "<5", TRUE);
          else if (counts[c] > 0)
            {
              label = g_strdup_printf ("%.0f %%", 100.0 * counts[c] / totals[c]);
              _hel_chart_set_value (series, columns[c], 100.0 * counts[c] / totals[c], label, FALSE);
            }
        }
      _hel_chart_set_value (series, columns[2], shares.bands.population_share[b], population, FALSE);
    }
  if (shares.n_baseline == 0 && shares.n_latest == 0)
    set_empty (chart, _("No SDQ measurements in this selection."));
  return chart;
}

static HelChart *
project_absence (HelStore                  *store,
                 const HelStatisticsFilter *filter,
                 GError                   **error)
{
  g_autoptr(HelAbsenceTable) table = hel_statistics_absence (store, filter, error);
  GString *subtitle;
  HelChart *chart;
  double top = 0;

  if (table == NULL)
    return NULL;
  chart = _hel_chart_new_empty (HEL_CHART_PROJECT_ABSENCE, HEL_CHART_SHAPE_BARS,
                                hel_chart_kind_label (HEL_CHART_PROJECT_ABSENCE));
  chart->y_percent = TRUE;
  chart->note = g_strdup (small_counts_note ());
  for (guint b = 0; b < HEL_ABSENCE_N_BUCKETS; b++)
    _hel_chart_add_category (chart, hel_absence_bucket_label (b));

  /* The two quarters compared (a year apart where there is a year), as in the seed. */
  subtitle = g_string_new (_("Share of the children measured, per quarter. Mean:"));
  for (guint q = 0; q < table->quarters->len; q++)
    {
      const HelAbsenceQuarter *row = &g_array_index (table->quarters, HelAbsenceQuarter, q);
      g_autofree char *name = NULL;
      g_autofree char *mean = NULL;
      HelChartSeries *series;

      if (table->quarters->len > 1 && q != table->compare_first && q != table->compare_last)
        continue;
      name = hel_quarter_label (row->quarter);
      mean = hel_format_decimal (row->mean, 1);
      series = _hel_chart_add_series (chart, name, q == table->compare_last ? 0 : 1);

      if (hel_statistics_count_hidden (row->n))
        g_string_append_printf (subtitle, " %s n <5;", name);
      else
        g_string_append_printf (subtitle, " %s %s %% (n = %u);", name, mean, row->n);
      for (guint b = 0; b < HEL_ABSENCE_N_BUCKETS && row->n >= HEL_STATISTICS_MIN_COUNT; b++)
        {
          guint n = row->counts[b];
          double share = 100.0 * n / row->n;

          if (hel_statistics_count_hidden (n))
            _hel_chart_set_value (series, b, 500.0 / row->n, "<5", TRUE);
          else
            {
              g_autofree char *label = g_strdup_printf ("%u", n);
              _hel_chart_set_value (series, b, share, label, FALSE);
            }
          top = MAX (top, hel_statistics_count_hidden (n) ? 500.0 / row->n : share);
        }
    }
  if (subtitle->len > 0 && subtitle->str[subtitle->len - 1] == ';')
    g_string_truncate (subtitle, subtitle->len - 1);
  if (table->quarters->len >= 2)
    {
      if (hel_statistics_count_hidden (table->n_both))
        g_string_append_printf (subtitle, "\n%s", _("Measured both times: n <5."));
      else
        {
          g_autofree char *a = hel_format_decimal (table->mean_both_first, 1);
          g_autofree char *b = hel_format_decimal (table->mean_both_last, 1);
          g_string_append (subtitle, "\n");
          /* Translators: the mean absence of the children measured in the first and the last
           * quarter: “Measured both times (n = 41): 14.5 % → 13.1 %” */
          g_string_append_printf (subtitle, _("Measured both times (n = %u): %s %% → %s %%"),
                                  table->n_both, a, b);
        }
    }
  chart->subtitle = g_string_free (subtitle, FALSE);
  _hel_chart_fit_axis (chart, MAX (top, 10));
  if (table->quarters->len == 0)
    set_empty (chart, _("No school absence recorded in this selection."));
  return chart;
}

static HelChart *
project_adults (HelStore                  *store,
                HelChartKind               kind,
                const HelStatisticsFilter *filter,
                GError                   **error)
{
  g_autoptr(GArray) rows = hel_statistics_adults_by_quarter (store, filter, error);
  HelChart *chart;
  double top = 0;
  gboolean any = FALSE;

  if (rows == NULL)
    return NULL;
  chart = _hel_chart_new_empty (kind, kind == HEL_CHART_PROJECT_INCOME ? HEL_CHART_SHAPE_STACKED
                                                                       : HEL_CHART_SHAPE_BARS,
                                hel_chart_kind_label (kind));
  chart->note = g_strdup (small_counts_note ());
  for (guint q = 0; q < rows->len; q++)
    {
      g_autofree char *label = hel_quarter_label (g_array_index (rows, HelAdultsQuarter, q).quarter);
      _hel_chart_add_category (chart, label);
    }
  if (kind == HEL_CHART_PROJECT_INCOME)
    {
      chart->subtitle = g_strdup (_("Adults in the households by income support at the end of "
                                    "each quarter, from their history"));
      for (guint k = 0; k < HEL_N_INCOME_KINDS; k++)
        {
          HelChartSeries *series = NULL;

          for (guint q = 0; q < rows->len; q++)
            {
              guint n = g_array_index (rows, HelAdultsQuarter, q).counts[k];
              g_autofree char *label = NULL;

              if (n == 0)
                continue;
              if (series == NULL)
                series = _hel_chart_add_series (chart, hel_income_kind_label (k), (int) k);
              label = hel_statistics_format_count (n);
              _hel_chart_set_value (series, q, hel_statistics_count_hidden (n) ? 5 : n, label,
                                    hel_statistics_count_hidden (n));
            }
        }
      for (guint q = 0; q < rows->len; q++)
        {
          double sum = 0;
          for (guint s = 0; s < chart->series->len; s++)
            {
              double v = g_array_index (((HelChartSeries *) chart->series->pdata[s])->values,
                                        double, q);
              if (!isnan (v))
                sum += v;
            }
          top = MAX (top, sum);
          any = any || sum > 0;
        }
    }
  else
    {
      HelChartSeries *offer = _hel_chart_add_series (chart, _("In an employment-oriented offer"), 0);
      HelChartSeries *placement = _hel_chart_add_series (chart, _("In a company placement"), 1);

      chart->subtitle = g_strdup (_("Adults at the end of each quarter"));
      for (guint q = 0; q < rows->len; q++)
        {
          const HelAdultsQuarter *row = &g_array_index (rows, HelAdultsQuarter, q);
          const guint counts[2] = { row->n_in_offer, row->n_in_placement };
          HelChartSeries *both[2] = { offer, placement };

          for (guint s = 0; s < 2; s++)
            {
              g_autofree char *label = hel_statistics_format_count (counts[s]);
              gboolean hidden = hel_statistics_count_hidden (counts[s]);
              _hel_chart_set_value (both[s], q, hidden ? 5 : counts[s], label, hidden);
              top = MAX (top, hidden ? 5 : counts[s]);
              any = any || counts[s] > 0;
            }
        }
    }
  _hel_chart_fit_axis (chart, MAX (top, 5));
  if (!any)
    set_empty (chart, kind == HEL_CHART_PROJECT_INCOME
                        ? _("No income support recorded in this selection.")
                        : _("No employment-oriented offers recorded in this selection."));
  return chart;
}

static HelChart *
project_notifications (HelStore                  *store,
                       const HelStatisticsFilter *filter,
                       GError                   **error)
{
  g_autoptr(GArray) rows = hel_statistics_notifications_by_year (store, filter, error);
  HelChartSeries *series;
  HelChart *chart;
  double top = 0;

  if (rows == NULL)
    return NULL;
  chart = _hel_chart_new_empty (HEL_CHART_PROJECT_NOTIFICATIONS, HEL_CHART_SHAPE_BARS,
                                hel_chart_kind_label (HEL_CHART_PROJECT_NOTIFICATIONS));
  chart->subtitle = g_strdup (_("Notifications of concern per child per year"));
  chart->note = g_strdup (_("Means over fewer than 5 children are not shown (“n <5”)."));
  series = _hel_chart_add_series (chart, _("Notifications per child"), 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const HelNotificationYear *row = &g_array_index (rows, HelNotificationYear, i);
      g_autofree char *year = g_strdup_printf ("%d", row->year);
      guint c = _hel_chart_add_category (chart, year);

      if (row->n_children < HEL_STATISTICS_MIN_COUNT)
        _hel_chart_set_value (series, c, NAN, "n <5", FALSE);
      else
        {
          g_autofree char *mean = hel_format_decimal (row->per_child, 1);
          g_autofree char *label = g_strdup_printf ("%s\n(%u / %u)", mean, row->notifications,
                                                    row->n_children);
          _hel_chart_set_value (series, c, row->per_child, label, FALSE);
          top = MAX (top, row->per_child);
        }
    }
  _hel_chart_fit_axis (chart, MAX (top, 1));
  if (rows->len == 0)
    set_empty (chart, _("No notifications recorded in this selection."));
  return chart;
}

static HelChart *
project_economy (HelStore                  *store,
                 const HelStatisticsFilter *filter,
                 GError                   **error)
{
  g_autoptr(HelEconomyTable) table = hel_statistics_economy (store, filter, error);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  HelChart *chart;
  guint n_quarters, last;

  if (table == NULL)
    return NULL;
  chart = _hel_chart_new_empty (HEL_CHART_PROJECT_ECONOMY, HEL_CHART_SHAPE_TABLE,
                                hel_chart_kind_label (HEL_CHART_PROJECT_ECONOMY));
  n_quarters = table->quarters->len;
  if (n_quarters == 0 || table->n_families < HEL_STATISTICS_MIN_COUNT)
    {
      set_empty (chart, n_quarters == 0 ? _("No expenses recorded in this selection.")
                                        : _("Too few families to show (<5)."));
      return chart;
    }
  chart->subtitle = g_strdup_printf (ngettext ("Extra expenses in kroner for %u family, against "
                                               "the baseline quarter",
                                               "Extra expenses in kroner for %u families, against "
                                               "the baseline quarter", table->n_families),
                                     table->n_families);
  chart->note = g_strdup (_("Only the expenses beyond the ordinary (such as day care and "
                            "ordinary school), for the families with figures in the latest "
                            "quarter. Baseline: each family’s first quarter. Difference: the "
                            "latest quarter minus the baseline."));
  /* The baseline and up to the three latest quarters. */
  {
    guint baseline = HEL_ECONOMY_BASELINE;
    g_array_append_val (shown, baseline);
    for (guint q = n_quarters > 3 ? n_quarters - 3 : 0; q < n_quarters; q++)
      g_array_append_val (shown, q);
  }
  last = n_quarters - 1;
  g_ptr_array_add (chart->header, g_strdup (_("Department")));
  g_ptr_array_add (chart->header, g_strdup (_("Baseline")));
  for (guint i = 1; i < shown->len; i++)
    g_ptr_array_add (chart->header,
                     hel_quarter_label (table->quarters->pdata[g_array_index (shown, guint, i)]));
  g_ptr_array_add (chart->header, g_strdup (_("Difference")));

  /* Family & Employment, its four lines, the other departments, the total. */
  for (int line = -1; line <= (int) HEL_N_DEPARTMENTS; line++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      HelChartRowKind kind = HEL_CHART_ROW_PLAIN;
      const char *name;
      gint64 amounts[8];

      for (guint i = 0; i <= shown->len; i++)
        {
          guint q = i < shown->len ? g_array_index (shown, guint, i) : last;

          if (line == -1)
            amounts[i] = hel_economy_table_family_employment (table, q);
          else if (line == (int) HEL_N_DEPARTMENTS)
            amounts[i] = hel_economy_table_total (table, q);
          else
            amounts[i] = hel_economy_table_get (table, q, (HelDepartment) line);
        }
      if (line == -1)
        {
          name = _("Family and Employment");
          kind = HEL_CHART_ROW_SUM;
        }
      else if (line == (int) HEL_N_DEPARTMENTS)
        {
          name = _("Total");
          kind = HEL_CHART_ROW_SUM;
        }
      else
        {
          name = hel_department_label ((HelDepartment) line);
          if (line < HEL_DEPT_N_FAMILY_EMPLOYMENT)
            kind = HEL_CHART_ROW_INDENTED;
        }
      g_ptr_array_add (cells, g_strdup (name));
      for (guint i = 0; i < shown->len; i++)
        g_ptr_array_add (cells, hel_statistics_format_amount (amounts[i]));
      g_ptr_array_add (cells, hel_statistics_format_amount (amounts[shown->len] - amounts[0]));
      _hel_chart_add_row (chart, kind, HEL_CHART_COLOUR_NONE, (const char **) cells->pdata,
                          cells->len);
    }
  return chart;
}

HelChart *
hel_chart_new (HelStore                  *store,
               HelChartKind               kind,
               gint64                     id,
               const HelStatisticsFilter *filter,
               GError                   **error)
{
  HelStatisticsFilter everything;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < HEL_N_CHART_KINDS, NULL);

  hel_statistics_filter_init (&everything);
  if (filter == NULL)
    filter = &everything;
  if (hel_chart_kind_is_person (kind))
    {
      g_autoptr(HelMember) member = hel_store_get_member (store, id, error);
      if (member == NULL)
        return NULL;
      if (kind == HEL_CHART_PERSON_WHO5)
        return person_who5 (store, member, error);
      if (kind == HEL_CHART_PERSON_SDQ)
        return person_sdq (store, member, error);
      return person_bip (store, member, error);
    }
  switch (kind)
    {
    case HEL_CHART_FAMILY_OVERVIEW:
      return family_overview (store, id, error);
    case HEL_CHART_PROJECT_WHO5:
      return project_who5 (store, filter, error);
    case HEL_CHART_PROJECT_SDQ:
      return project_sdq (store, filter, error);
    case HEL_CHART_PROJECT_ABSENCE:
      return project_absence (store, filter, error);
    case HEL_CHART_PROJECT_INCOME:
    case HEL_CHART_PROJECT_EMPLOYMENT:
      return project_adults (store, kind, filter, error);
    case HEL_CHART_PROJECT_NOTIFICATIONS:
      return project_notifications (store, filter, error);
    case HEL_CHART_PROJECT_ECONOMY:
      return project_economy (store, filter, error);
    case HEL_CHART_PERSON_WHO5:
    case HEL_CHART_PERSON_SDQ:
    case HEL_CHART_PERSON_BIP:
    case HEL_N_CHART_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

HelChartKind
hel_chart_get_kind (const HelChart *chart)
{
  return chart->kind;
}

const char *
hel_chart_get_title (const HelChart *chart)
{
  return chart->title;
}

gboolean
hel_chart_is_empty (const HelChart *chart)
{
  return chart->empty;
}

guint
hel_chart_get_n_categories (const HelChart *chart)
{
  return chart->shape == HEL_CHART_SHAPE_TABLE ? chart->rows->len : chart->categories->len;
}

const char *
hel_chart_get_note (const HelChart *chart)
{
  return chart->note;
}
