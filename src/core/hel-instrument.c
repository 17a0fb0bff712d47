/* hel-instrument.c: WHO-5, SDQ and the BIP-inspired indicators described as items with ranges, so
 * the entry forms, the store and the charts read one description. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hel-instrument.h"

static const char * const kind_codes[HEL_N_INSTRUMENTS] = { "who5", "sdq", "bip" };

const char *
hel_instrument_kind_to_code (HelInstrumentKind kind)
{
  g_return_val_if_fail (kind < HEL_N_INSTRUMENTS, "who5");
  return kind_codes[kind];
}

gboolean
hel_instrument_kind_from_code (const char        *code,
                               HelInstrumentKind *kind)
{
  for (guint i = 0; i < HEL_N_INSTRUMENTS; i++)
    if (g_strcmp0 (code, kind_codes[i]) == 0)
      {
        *kind = (HelInstrumentKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_instrument_kind_label (HelInstrumentKind kind)
{
  switch (kind)
    {
    case HEL_INSTRUMENT_WHO5:
      return _("WHO-5 wellbeing");
    case HEL_INSTRUMENT_SDQ:
      return _("SDQ strengths and difficulties");
    case HEL_INSTRUMENT_BIP:
      return _("Job readiness (BIP)");
    case HEL_N_INSTRUMENTS:
    default:
      return "";
    }
}

gboolean
hel_instrument_kind_for_adults (HelInstrumentKind kind)
{
  return kind != HEL_INSTRUMENT_SDQ;
}

/* The shipped indicator set, after the employment-indicator project's examples; people rename,
 * rescale, add and remove them. */
static const struct {
  const char *code;
  const char *label;
} bip_shipped[] = {
  { "health", N_("Coping with health") },
  { "daily-life", N_("Coping with daily life") },
  { "belief", N_("Belief in getting a job") },
  { "cooperation", N_("Cooperation skills") },
  { "job-search", N_("Job-search behaviour") },
};

const char *
hel_bip_shipped_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (bip_shipped); i++)
    if (g_strcmp0 (code, bip_shipped[i].code) == 0)
      return _(bip_shipped[i].label);
  return NULL;
}

HelBipIndicator *
hel_bip_indicator_new (const char *name,
                       int         scale_min,
                       int         scale_max)
{
  HelBipIndicator *indicator = g_new0 (HelBipIndicator, 1);

  indicator->name = g_strdup (name);
  indicator->scale_min = scale_min;
  indicator->scale_max = scale_max;
  return indicator;
}

HelBipIndicator *
hel_bip_indicator_copy (const HelBipIndicator *indicator)
{
  HelBipIndicator *copy = hel_bip_indicator_new (indicator->name, indicator->scale_min,
                                                 indicator->scale_max);
  copy->id = indicator->id;
  copy->code = g_strdup (indicator->code);
  copy->position = indicator->position;
  return copy;
}

void
hel_bip_indicator_free (HelBipIndicator *indicator)
{
  if (indicator == NULL)
    return;
  g_free (indicator->code);
  g_free (indicator->name);
  g_free (indicator);
}

const char *
hel_bip_indicator_get_label (const HelBipIndicator *indicator)
{
  const char *shipped;

  if (indicator->name != NULL && *indicator->name != '\0')
    return indicator->name;
  shipped = hel_bip_shipped_label (indicator->code);
  return shipped ? shipped : "";
}

static void
item_free (gpointer data)
{
  HelInstrumentItem *item = data;

  g_free (item->key);
  g_free (item->label);
  g_free (item);
}

static void
add_item (HelInstrument *instrument,
          const char    *key,
          const char    *label,
          int            min,
          int            max)
{
  HelInstrumentItem *item = g_new0 (HelInstrumentItem, 1);

  item->key = g_strdup (key);
  item->label = g_strdup (label);
  item->min = min;
  item->max = max;
  g_ptr_array_add (instrument->items, item);
}

static HelInstrument *
instrument_new (HelInstrumentKind kind)
{
  HelInstrument *instrument = g_new0 (HelInstrument, 1);

  instrument->kind = kind;
  instrument->items = g_ptr_array_new_with_free_func (item_free);
  hel_sdq_band_table_init_default (&instrument->sdq_bands);
  return instrument;
}

HelInstrument *
hel_instrument_new_who5 (void)
{
  HelInstrument *instrument = instrument_new (HEL_INSTRUMENT_WHO5);

  for (guint i = 0; i < HEL_WHO5_N_ITEMS; i++)
    {
      char key[4];
      g_snprintf (key, sizeof key, "%u", i + 1);
      add_item (instrument, key, hel_who5_item_text (i), 0, HEL_WHO5_ANSWER_MAX);
    }
  return instrument;
}

HelInstrument *
hel_instrument_new_sdq (const HelSdqBandTable *bands)
{
  HelInstrument *instrument = instrument_new (HEL_INSTRUMENT_SDQ);

  if (bands != NULL)
    instrument->sdq_bands = *bands;
  for (guint i = 0; i < HEL_SDQ_N_FIELDS; i++)
    add_item (instrument, hel_sdq_field_code ((HelSdqField) i),
              hel_sdq_field_label ((HelSdqField) i), 0, HEL_SDQ_SCALE_MAX);
  return instrument;
}

HelInstrument *
hel_instrument_new_bip (GPtrArray *indicators)
{
  HelInstrument *instrument = instrument_new (HEL_INSTRUMENT_BIP);

  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    {
      const HelBipIndicator *indicator = g_ptr_array_index (indicators, i);
      char key[24];

      g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, indicator->id);
      add_item (instrument, key, hel_bip_indicator_get_label (indicator), indicator->scale_min,
                indicator->scale_max);
    }
  return instrument;
}

void
hel_instrument_free (HelInstrument *instrument)
{
  if (instrument == NULL)
    return;
  g_ptr_array_unref (instrument->items);
  g_free (instrument);
}

int
hel_instrument_find_item (const HelInstrument *instrument,
                          const char          *key)
{
  for (guint i = 0; i < instrument->items->len; i++)
    if (g_strcmp0 (((HelInstrumentItem *) instrument->items->pdata[i])->key, key) == 0)
      return (int) i;
  return -1;
}

gboolean
hel_instrument_score (const HelInstrument *instrument,
                      const int           *values,
                      HelInstrumentScore  *score,
                      guint               *bad_item,
                      GError             **error)
{
  HelInstrumentScore s = { FALSE, NAN, "" };

  switch (instrument->kind)
    {
    case HEL_INSTRUMENT_WHO5:
      {
        HelWho5Score who5;

        g_return_val_if_fail (instrument->items->len == HEL_WHO5_N_ITEMS, FALSE);
        if (!hel_who5_score (values, &who5, bad_item, error))
          return FALSE;
        s.complete = who5.complete;
        if (who5.complete)
          {
            s.score = who5.percent;
            g_strlcpy (s.band, hel_who5_band_code (who5.band), sizeof s.band);
          }
      }
      break;
    case HEL_INSTRUMENT_SDQ:
      {
        HelSdqScore sdq;
        HelSdqField bad = HEL_SDQ_N_FIELDS;

        g_return_val_if_fail (instrument->items->len == HEL_SDQ_N_FIELDS, FALSE);
        if (!hel_sdq_score (values, &instrument->sdq_bands, &sdq, &bad, error))
          {
            if (bad_item)
              *bad_item = bad;
            return FALSE;
          }
        s.complete = sdq.complete;
        if (sdq.complete)
          {
            s.score = sdq.total;
            if (sdq.band >= 0)
              g_strlcpy (s.band, instrument->sdq_bands.code[sdq.band], sizeof s.band);
          }
      }
      break;
    case HEL_INSTRUMENT_BIP:
    case HEL_N_INSTRUMENTS:
    default:
      {
        guint n = instrument->items->len;
        g_autofree int *min = g_new0 (int, MAX (n, 1));
        g_autofree int *max = g_new0 (int, MAX (n, 1));
        g_autofree const char **names = g_new0 (const char *, n + 1);
        HelBipScore bip;

        for (guint i = 0; i < n; i++)
          {
            const HelInstrumentItem *item = instrument->items->pdata[i];
            min[i] = item->min;
            max[i] = item->max;
            names[i] = item->label;
          }
        if (!hel_bip_score (n, values, min, max, names, &bip, bad_item, error))
          return FALSE;
        /* A BIP measurement counts when at least one indicator was answered. */
        s.complete = bip.n_answered > 0;
        s.score = bip.mean;
      }
      break;
    }
  if (score)
    *score = s;
  return TRUE;
}
