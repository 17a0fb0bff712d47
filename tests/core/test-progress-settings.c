/* test-progress-settings.c: the measurement settings people edit in Preferences (SDQ band
 * limits, BIP indicators' order, scale and removal) and what they change (stored bands, the
 * charts' bands and shares), and putting a measurement back as it was (undo and redo). */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hel-json.h"
#include "hel-render-chart-private.h"
#include "hel-store-progress.h"
#include "hel-validate.h"

typedef struct {
  char      *dir;
  char      *path;
  HelStore  *store;
  HelFamily *family;
  HelMember *mother;
  HelMember *child;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-settings-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "settings.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->family = hel_family_new ();
  hel_family_set_name (f->family, "Familien Grænse");
  hel_family_set_start_date (f->family, "2024-01-15");
  g_assert_true (hel_store_save_family (f->store, f->family, &error));

  f->mother = hel_member_new ();
  hel_member_set_family_id (f->mother, hel_family_get_id (f->family));
  hel_member_set_role (f->mother, HEL_ROLE_MOTHER);
  hel_member_set_first_name (f->mother, "Sanne");
  hel_member_set_birth_date (f->mother, "1987-06-01");
  g_assert_true (hel_store_save_member (f->store, f->mother, &error));

  f->child = hel_member_new ();
  hel_member_set_family_id (f->child, hel_family_get_id (f->family));
  hel_member_set_role (f->child, HEL_ROLE_CHILD);
  hel_member_set_first_name (f->child, "Asta");
  hel_member_set_birth_date (f->child, "2015-02-10");
  g_assert_true (hel_store_save_member (f->store, f->child, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->mother);
  g_clear_object (&f->child);
  g_clear_object (&f->family);
  g_assert_finalize_object (f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* An SDQ measurement of the child with the four difficulty scales summing to @total. */
static HelMeasurement *
save_sdq (Fixture    *f,
          const char *date,
          int         wave,
          int         total)
{
  HelMeasurement *m = hel_measurement_new (hel_member_get_id (f->child), HEL_INSTRUMENT_SDQ,
                                           date);
  g_autoptr(GError) error = NULL;

  m->wave = wave;
  for (guint s = 0; s < 4; s++)
    hel_measurement_set_answer (m, hel_sdq_field_code (s), total / 4 + (s < (guint) total % 4));
  hel_measurement_set_answer (m, "prosocial", 8);
  g_assert_true (hel_store_save_measurement (f->store, m, "Test", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (m->score, ==, total);
  return m;
}

static void
test_upper_limits (void)
{
  HelSdqBandTable table, before;
  g_autoptr(GError) error = NULL;
  const int fine[] = { 15, 18 };
  const int descending[] = { 16, 14 };
  const int equal[] = { 14, 14 };
  const int no_room[] = { 13, 40 };
  const int negative[] = { -1, 16 };
  const int four[] = { 12, 15, 19 };
  guint bad = 99;

  hel_sdq_band_table_init_default (&table);
  before = table;
  g_assert_true (hel_sdq_band_table_set_upper_limits (&table, fine, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (table.lowest[0], ==, 0);
  g_assert_cmpint (table.lowest[1], ==, 16);
  g_assert_cmpint (table.lowest[2], ==, 19);
  g_assert_cmpint (hel_sdq_band_highest (&table, 0), ==, 15);
  g_assert_cmpint (hel_sdq_band_highest (&table, 1), ==, 18);
  g_assert_cmpint (hel_sdq_band_for_total (&table, 15), ==, 0);
  g_assert_cmpint (hel_sdq_band_for_total (&table, 16), ==, 1);
  g_assert_cmpint (hel_sdq_band_for_total (&table, 19), ==, 2);

  /* Refused limits name the band whose limit is wrong and leave the table as it was. */
  table = before;
  g_assert_false (hel_sdq_band_table_set_upper_limits (&table, descending, &bad, &error));
  g_assert_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE);
  g_assert_cmpuint (bad, ==, 1);
  g_assert_nonnull (strstr (error->message, "(16)"));
  g_assert_cmpint (table.lowest[1], ==, 14);
  g_clear_error (&error);
  g_assert_false (hel_sdq_band_table_set_upper_limits (&table, equal, &bad, &error));
  g_assert_cmpuint (bad, ==, 1);
  g_clear_error (&error);
  g_assert_false (hel_sdq_band_table_set_upper_limits (&table, no_room, &bad, &error));
  g_assert_cmpuint (bad, ==, 1);
  g_assert_nonnull (strstr (error->message, "39"));
  g_clear_error (&error);
  g_assert_false (hel_sdq_band_table_set_upper_limits (&table, negative, &bad, &error));
  g_assert_cmpuint (bad, ==, 0);
  g_clear_error (&error);
  g_assert_cmpmem (&table, sizeof table, &before, sizeof before);

  hel_sdq_band_table_init_four_bands (&table);
  g_assert_true (hel_sdq_band_table_validate (&table, NULL));
  g_assert_cmpint (hel_sdq_band_for_total (&table, 20), ==, 3);
  g_assert_true (hel_sdq_band_table_set_upper_limits (&table, four, &bad, &error));
  g_assert_cmpint (hel_sdq_band_for_total (&table, 19), ==, 2);
  g_assert_cmpint (hel_sdq_band_for_total (&table, 20), ==, 3);
  g_assert_cmpint (hel_sdq_band_highest (&table, 3), ==, 40);
}

/* Each scale banded by its own table: the published four-band cut-offs, prosocial reversed. */
static void
test_scale_bands (void)
{
  HelSdqBandSet set;
  HelSdqBandTable table, before;
  g_autoptr(GError) error = NULL;
  const int values[HEL_SDQ_N_FIELDS] = { 4, 6, 8, HEL_SCORING_MISSING, 5, 0 };
  const int prosocial_fine[] = { 9, 6, 4 };
  const int prosocial_up[] = { 8, 9, 6 };
  const int prosocial_no_room[] = { 8, 7, 0 };
  const int emotional_no_room[] = { 3, 4, 10 };
  int bands[HEL_SDQ_N_FIELDS];
  guint bad = 99;

  hel_sdq_band_set_init_default (&set);
  g_assert_true (hel_sdq_band_set_validate (&set, &error));
  g_assert_no_error (error);
  /* The shipped total stays the three-band parent-report table. */
  g_assert_cmpuint (set.table[HEL_SDQ_BANDS_TOTAL].n_bands, ==, 3);
  g_assert_cmpint (hel_sdq_band_for_score (&set.table[HEL_SDQ_BANDS_TOTAL], 17), ==, 2);
  /* Edges of every scale's four bands. */
  {
    const struct { HelSdqBandScale scale; int score; int band; } cases[] = {
      { HEL_SDQ_BANDS_EMOTIONAL, 3, 0 }, { HEL_SDQ_BANDS_EMOTIONAL, 4, 1 },
      { HEL_SDQ_BANDS_EMOTIONAL, 5, 2 }, { HEL_SDQ_BANDS_EMOTIONAL, 6, 2 },
      { HEL_SDQ_BANDS_EMOTIONAL, 7, 3 }, { HEL_SDQ_BANDS_EMOTIONAL, 10, 3 },
      { HEL_SDQ_BANDS_CONDUCT, 2, 0 }, { HEL_SDQ_BANDS_CONDUCT, 3, 1 },
      { HEL_SDQ_BANDS_CONDUCT, 5, 2 }, { HEL_SDQ_BANDS_CONDUCT, 6, 3 },
      { HEL_SDQ_BANDS_HYPERACTIVITY, 5, 0 }, { HEL_SDQ_BANDS_HYPERACTIVITY, 7, 1 },
      { HEL_SDQ_BANDS_HYPERACTIVITY, 8, 2 }, { HEL_SDQ_BANDS_HYPERACTIVITY, 9, 3 },
      { HEL_SDQ_BANDS_PEER, 2, 0 }, { HEL_SDQ_BANDS_PEER, 3, 1 },
      { HEL_SDQ_BANDS_PEER, 4, 2 }, { HEL_SDQ_BANDS_PEER, 5, 3 },
      { HEL_SDQ_BANDS_PROSOCIAL, 10, 0 }, { HEL_SDQ_BANDS_PROSOCIAL, 8, 0 },
      { HEL_SDQ_BANDS_PROSOCIAL, 7, 1 }, { HEL_SDQ_BANDS_PROSOCIAL, 6, 2 },
      { HEL_SDQ_BANDS_PROSOCIAL, 5, 3 }, { HEL_SDQ_BANDS_PROSOCIAL, 0, 3 },
      { HEL_SDQ_BANDS_IMPACT, 0, 0 }, { HEL_SDQ_BANDS_IMPACT, 1, 1 },
      { HEL_SDQ_BANDS_IMPACT, 2, 2 }, { HEL_SDQ_BANDS_IMPACT, 3, 3 },
      { HEL_SDQ_BANDS_IMPACT, 10, 3 }, { HEL_SDQ_BANDS_IMPACT, 11, -1 },
      { HEL_SDQ_BANDS_PROSOCIAL, -1, -1 },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      g_assert_cmpint (hel_sdq_band_for_score (&set.table[cases[i].scale], cases[i].score), ==,
                       cases[i].band);
  }
  hel_sdq_field_bands (values, &set, bands);
  g_assert_cmpint (bands[HEL_SDQ_EMOTIONAL], ==, 1);
  g_assert_cmpint (bands[HEL_SDQ_CONDUCT], ==, 3);
  g_assert_cmpint (bands[HEL_SDQ_HYPERACTIVITY], ==, 2);
  g_assert_cmpint (bands[HEL_SDQ_PEER], ==, -1);
  g_assert_cmpint (bands[HEL_SDQ_PROSOCIAL], ==, 3);
  g_assert_cmpint (bands[HEL_SDQ_IMPACT], ==, 0);

  /* Prosocial's limits are lower limits and run down. */
  table = set.table[HEL_SDQ_BANDS_PROSOCIAL];
  before = table;
  g_assert_cmpint (hel_sdq_band_limit (&table, 0), ==, 8);
  g_assert_cmpint (hel_sdq_band_highest (&table, 0), ==, 10);
  g_assert_cmpint (hel_sdq_band_highest (&table, 3), ==, 5);
  g_assert_false (hel_sdq_band_table_set_limits (&table, prosocial_up, &bad, &error));
  g_assert_cmpuint (bad, ==, 1);
  g_assert_nonnull (strstr (error->message, "(8)"));
  g_clear_error (&error);
  g_assert_false (hel_sdq_band_table_set_limits (&table, prosocial_no_room, &bad, &error));
  g_assert_cmpuint (bad, ==, 2);
  g_clear_error (&error);
  g_assert_cmpmem (&table, sizeof table, &before, sizeof before);
  g_assert_true (hel_sdq_band_table_set_limits (&table, prosocial_fine, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hel_sdq_band_for_score (&table, 9), ==, 0);
  g_assert_cmpint (hel_sdq_band_for_score (&table, 8), ==, 1);
  g_assert_cmpint (hel_sdq_band_for_score (&table, 5), ==, 2);
  g_assert_cmpint (hel_sdq_band_for_score (&table, 3), ==, 3);

  /* A scale's range is 0-10: the last band must keep 10. */
  table = set.table[HEL_SDQ_BANDS_EMOTIONAL];
  g_assert_false (hel_sdq_band_table_set_limits (&table, emotional_no_room, &bad, &error));
  g_assert_cmpuint (bad, ==, 2);
  g_assert_nonnull (strstr (error->message, "0 to 9"));
  g_clear_error (&error);

  /* The older three-band and the two-band tables of a scale. */
  hel_sdq_band_table_init_published (&table, HEL_SDQ_BANDS_PROSOCIAL, 3);
  g_assert_true (hel_sdq_band_table_validate (&table, NULL));
  g_assert_cmpint (hel_sdq_band_for_score (&table, 6), ==, 0);
  g_assert_cmpint (hel_sdq_band_for_score (&table, 5), ==, 1);
  g_assert_cmpint (hel_sdq_band_for_score (&table, 4), ==, 2);
  hel_sdq_band_table_init_published (&table, HEL_SDQ_BANDS_HYPERACTIVITY, 2);
  g_assert_cmpint (hel_sdq_band_for_score (&table, 6), ==, 0);
  g_assert_cmpint (hel_sdq_band_for_score (&table, 7), ==, 1);

  /* A reversed table that runs up is refused as a whole. */
  table = set.table[HEL_SDQ_BANDS_PROSOCIAL];
  table.lowest[0] = 0;
  table.lowest[3] = 8;
  g_assert_false (hel_sdq_band_table_validate (&table, NULL));
}

/* Saved per scale, exported and imported to the same bytes; a file from before per-scale
 * bands imports with its total and the shipped scale tables. */
static void
test_scale_bands_json (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) m = save_sdq (f, "2024-01-20", 0, 15);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *old_path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(HelStore) copy = NULL;
  g_autoptr(HelStore) old = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonArray) total_rows = json_array_new ();
  g_autofree char *old_json = NULL;
  HelSdqBandTable prosocial, emotional, total;
  HelSdqBandSet set, shipped;
  const int prosocial_limits[] = { 9, 6, 4 };
  const int total_limits[] = { 12, 15, 18 };
  JsonObject *root;
  JsonArray *rows;

  hel_sdq_band_table_init_scale_default (&prosocial, HEL_SDQ_BANDS_PROSOCIAL);
  g_assert_true (hel_sdq_band_table_set_limits (&prosocial, prosocial_limits, NULL, &error));
  g_assert_true (hel_store_save_sdq_bands (f->store, &prosocial, &error));
  hel_sdq_band_table_init_published (&emotional, HEL_SDQ_BANDS_EMOTIONAL, 3);
  g_assert_true (hel_store_save_sdq_bands (f->store, &emotional, &error));
  hel_sdq_band_table_init_four_bands (&total);
  g_assert_true (hel_sdq_band_table_set_limits (&total, total_limits, NULL, &error));
  g_assert_true (hel_store_save_sdq_bands (f->store, &total, &error));
  g_assert_no_error (error);
  g_assert_true (hel_store_load_sdq_band_set (f->store, &set, &error));
  g_assert_cmpmem (&set.table[HEL_SDQ_BANDS_PROSOCIAL], sizeof prosocial, &prosocial,
                   sizeof prosocial);
  g_assert_cmpuint (set.table[HEL_SDQ_BANDS_EMOTIONAL].n_bands, ==, 3);

  /* Exact round trip. */
  first = hel_json_export_to_bytes (f->store, HEL_JSON_EXPORT_NO_TIMESTAMP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "\"scale\" : \"prosocial\""));
  copy = hel_store_open (copy_path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_true (hel_json_import_from_data (copy, g_bytes_get_data (first, NULL),
                                            (gssize) g_bytes_get_size (first), 0, &error));
  g_assert_no_error (error);
  second = hel_json_export_to_bytes (copy, HEL_JSON_EXPORT_NO_TIMESTAMP, &error);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (hel_store_load_sdq_band_set (copy, &shipped, &error));
  g_assert_cmpmem (&shipped, sizeof shipped, &set, sizeof set);

  /* The same file as format 4 wrote it: total rows without "scale", no scale tables. */
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (first, NULL),
                                             (gssize) g_bytes_get_size (first), &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "version", 4);
  rows = json_object_get_array_member (root, "sdq_bands");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "scale"), "total"))
        {
          json_object_remove_member (row, "scale");
          json_array_add_object_element (total_rows, json_object_ref (row));
        }
    }
  json_object_set_array_member (root, "sdq_bands", json_array_ref (total_rows));
  old_json = json_to_string (json_parser_get_root (parser), FALSE);
  old = hel_store_open (old_path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_true (hel_json_import_from_data (old, old_json, -1, 0, &error));
  g_assert_no_error (error);
  g_assert_true (hel_store_load_sdq_band_set (old, &set, &error));
  g_assert_cmpmem (&set.table[HEL_SDQ_BANDS_TOTAL], sizeof total, &total, sizeof total);
  hel_sdq_band_set_init_default (&shipped);
  for (guint s = HEL_SDQ_BANDS_EMOTIONAL; s < HEL_SDQ_N_BAND_SCALES; s++)
    g_assert_cmpmem (&set.table[s], sizeof set.table[s], &shipped.table[s],
                     sizeof shipped.table[s]);

  /* A prosocial table that runs up is refused, naming the section and the scale. */
  {
    g_autofree char *bad = NULL;
    const char *text = g_bytes_get_data (first, NULL);
    const char *at = strstr (text, "\"scale\" : \"prosocial\"");
    g_autoptr(GString) edited = g_string_new (text);
    const char *lowest;

    g_assert_nonnull (at);
    lowest = strstr (at, "\"lowest\" : 9");
    g_assert_nonnull (lowest);
    g_string_overwrite (edited, lowest - text, "\"lowest\" : 1");
    bad = g_string_free (g_steal_pointer (&edited), FALSE);
    g_assert_false (hel_json_import_from_data (copy, bad, -1, HEL_JSON_IMPORT_REPLACE, &error));
    g_assert_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "sdq_bands (prosocial)"));
  }
  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&old));
  g_unlink (copy_path);
  g_unlink (old_path);
}

/* The person's SDQ chart fills each scale's point with its band by that scale's own table. */
static void
test_scale_bands_chart (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) m = hel_measurement_new (hel_member_get_id (f->child),
                                                     HEL_INSTRUMENT_SDQ, "2024-01-20");
  g_autoptr(HelChart) chart = NULL;
  g_autoptr(HelChart) after = NULL;
  HelSdqBandTable prosocial;
  const int limits[] = { 8, 5, 3 };

  hel_measurement_set_answer (m, "emotional", 4);
  hel_measurement_set_answer (m, "conduct", 6);
  hel_measurement_set_answer (m, "hyperactivity", 2);
  hel_measurement_set_answer (m, "peer", 3);
  hel_measurement_set_answer (m, "prosocial", 5);
  g_assert_true (hel_store_save_measurement (f->store, m, "Test", NULL, &error));
  g_assert_no_error (error);

  chart = hel_chart_new (f->store, HEL_CHART_PERSON_SDQ, hel_member_get_id (f->child), NULL,
                         &error);
  g_assert_no_error (error);
  /* Series: the total, then the five scales in field order. */
  g_assert_cmpuint (chart->series->len, ==, 1 + HEL_SDQ_IMPACT);
#define POINT(c, i) \
  g_array_index (((HelChartSeries *) (c)->series->pdata[i])->point_colours, int, 0)
  g_assert_cmpint (POINT (chart, 0), ==, HEL_CHART_COLOUR_WARNING);              /* 15 */
  g_assert_cmpint (POINT (chart, 1 + HEL_SDQ_EMOTIONAL), ==, HEL_CHART_COLOUR_WARNING);
  g_assert_cmpint (POINT (chart, 1 + HEL_SDQ_CONDUCT), ==, HEL_CHART_COLOUR_WORST);
  g_assert_cmpint (POINT (chart, 1 + HEL_SDQ_HYPERACTIVITY), ==, HEL_CHART_COLOUR_GOOD);
  g_assert_cmpint (POINT (chart, 1 + HEL_SDQ_PEER), ==, HEL_CHART_COLOUR_WARNING);
  g_assert_cmpint (POINT (chart, 1 + HEL_SDQ_PROSOCIAL), ==, HEL_CHART_COLOUR_WORST);

  /* Prosocial's table changed: 5 is now borderline, and the chart says so. */
  hel_sdq_band_table_init_scale_default (&prosocial, HEL_SDQ_BANDS_PROSOCIAL);
  g_assert_true (hel_sdq_band_table_set_limits (&prosocial, limits, NULL, &error));
  g_assert_true (hel_store_save_sdq_bands (f->store, &prosocial, &error));
  after = hel_chart_new (f->store, HEL_CHART_PERSON_SDQ, hel_member_get_id (f->child), NULL,
                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (POINT (after, 1 + HEL_SDQ_PROSOCIAL), ==, HEL_CHART_COLOUR_WARNING);
  g_assert_cmpint (POINT (after, 1 + HEL_SDQ_CONDUCT), ==, HEL_CHART_COLOUR_WORST);
#undef POINT
}

static const HelChartBand *
chart_band (const HelChart *chart,
            guint           i)
{
  g_assert_cmpuint (i, <, chart->bands->len);
  return &g_array_index (chart->bands, HelChartBand, i);
}

static double
series_value (const HelChart *chart,
              guint           series,
              guint           category)
{
  const HelChartSeries *s = chart->series->pdata[series];

  return g_array_index (s->values, double, category);
}

static void
test_high_fields (void)
{
  HelSdqBandSet set;
  const int none_high[HEL_SDQ_N_FIELDS] = { 4, 3, 7, 3, 7, 1 };
  const int some_high[HEL_SDQ_N_FIELDS] = { 5, 2, 9, HEL_SCORING_MISSING, 6, 11 };
  g_autofree char *none = NULL;
  g_autofree char *some = NULL;

  g_assert_false (hel_sdq_band_is_high ("normal"));
  g_assert_false (hel_sdq_band_is_high ("borderline"));
  g_assert_true (hel_sdq_band_is_high ("abnormal"));
  g_assert_true (hel_sdq_band_is_high ("very-high"));
  g_assert_false (hel_sdq_band_is_high (NULL));
  g_assert_cmpstr (hel_sdq_band_label_for_scale (HEL_SDQ_BANDS_PROSOCIAL, "very-high"), ==,
                   "Very low");
  g_assert_cmpstr (hel_sdq_band_label_for_scale (HEL_SDQ_BANDS_PROSOCIAL, "abnormal"), ==,
                   "Abnormal");
  g_assert_cmpstr (hel_sdq_band_label_for_scale (HEL_SDQ_BANDS_CONDUCT, "very-high"), ==,
                   "Very high");

  /* The shipped four-band tables: borderline is not high; the band edges decide. Prosocial 6 is
   * high (a low score is the worse band); a missing scale or an impact above 10 counts not. */
  hel_sdq_band_set_init_default (&set);
  none = hel_sdq_describe_high_fields (none_high, &set);
  g_assert_null (none);
  some = hel_sdq_describe_high_fields (some_high, &set);
  g_assert_cmpstr (some, ==, "Emotions, Hyperactivity, Prosocial");
}

/* Every colour a band or a point of @chart has is listed in the legend's band colours, once
 * per meaning. */
static void
assert_legend_has_every_band_colour (const HelChart *chart)
{
  g_autoptr(GArray) legend = _hel_chart_band_colours (chart);
  GArray *all = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint b = 0; b < chart->bands->len; b++)
    g_array_append_val (all, g_array_index (chart->bands, HelChartBand, b).colour);
  for (guint p = 0; p < chart->panels->len; p++)
    {
      const HelChartPanel *panel = chart->panels->pdata[p];
      for (guint b = 0; b < panel->bands->len; b++)
        g_array_append_val (all, g_array_index (panel->bands, HelChartBand, b).colour);
    }
  for (guint s = 0; s < chart->series->len; s++)
    {
      const HelChartSeries *series = chart->series->pdata[s];
      for (guint c = 0; c < series->point_colours->len; c++)
        if (g_array_index (series->point_colours, int, c) != HEL_CHART_COLOUR_NONE)
          g_array_append_val (all, g_array_index (series->point_colours, int, c));
    }
  for (guint i = 0; i < all->len; i++)
    {
      guint found = 0;
      for (guint l = 0; l < legend->len; l++)
        found += g_array_index (legend, HelChartBand, l).colour == g_array_index (all, int, i);
      g_assert_cmpuint (found, >=, 1);
    }
  /* In colour order; a colour twice only with two meanings (the worst band: very high on
   * the difficulties, very low on prosocial behaviour). */
  for (guint l = 1; l < legend->len; l++)
    {
      const HelChartBand *a = &g_array_index (legend, HelChartBand, l - 1);
      const HelChartBand *b = &g_array_index (legend, HelChartBand, l);

      g_assert_cmpint (a->colour, <=, b->colour);
      if (a->colour == b->colour)
        g_assert_cmpstr (a->label, !=, b->label);
    }
  g_array_unref (all);
}

/* Reads one pixel of an ARGB32 image as 0-1 RGB. */
static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          double           rgb[3])
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *) (data + (int) y * stride + (int) x * 4);

  rgb[0] = ((p >> 16) & 0xff) / 255.0;
  rgb[1] = ((p >> 8) & 0xff) / 255.0;
  rgb[2] = (p & 0xff) / 255.0;
}

/* The band tint of @colour over the white background, as the renderer mixes it. */
static void
tint_of (const HelChartColour *colour,
         double                alpha,
         double                rgb[3])
{
  rgb[0] = 1 - alpha + colour->red * alpha;
  rgb[1] = 1 - alpha + colour->green * alpha;
  rgb[2] = 1 - alpha + colour->blue * alpha;
}

static void
assert_rgb_near (const double a[3],
                 const double b[3])
{
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat_with_epsilon (a[i], b[i], 0.02);
}

static void
test_scale_panels (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) m = hel_measurement_new (hel_member_get_id (f->child),
                                                     HEL_INSTRUMENT_SDQ, "2024-01-20");
  g_autoptr(HelChart) chart = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  HelChartStyle style;
  HelSdqBandSet set;
  double x, y, px[3], want[3];
  const HelChartPanel *conduct;

  /* Total 2 + 7 + 3 + 2 = 14, borderline by the total's three bands; conduct 7 very high by its
   * own four, a band the total's table does not have. */
  hel_measurement_set_answer (m, "emotional", 2);
  hel_measurement_set_answer (m, "conduct", 7);
  hel_measurement_set_answer (m, "hyperactivity", 3);
  hel_measurement_set_answer (m, "peer", 2);
  hel_measurement_set_answer (m, "prosocial", 9);
  g_assert_true (hel_store_save_measurement (f->store, m, "Test", NULL, &error));
  g_assert_no_error (error);
  chart = hel_chart_new (f->store, HEL_CHART_PERSON_SDQ, hel_member_get_id (f->child), NULL,
                         &error);
  g_assert_no_error (error);

  /* The total as before: its series, its three bands on 0-40. */
  g_assert_cmpuint (chart->bands->len, ==, 3);
  g_assert_cmpfloat (series_value (chart, 0, 0), ==, 14);
  g_assert_cmpint (((HelChartSeries *) chart->series->pdata[0])->panel, ==, -1);

  /* One small panel per scale, each with its own table's bands on 0-10. */
  g_assert_true (hel_store_load_sdq_band_set (f->store, &set, &error));
  g_assert_cmpuint (chart->panels->len, ==, HEL_SDQ_IMPACT);
  for (guint p = 0; p < HEL_SDQ_IMPACT; p++)
    {
      const HelChartPanel *panel = chart->panels->pdata[p];
      const HelSdqBandTable *own = &set.table[hel_sdq_band_scale_for_field (p)];

      g_assert_cmpuint (panel->series, ==, 1 + p);
      g_assert_cmpint (((HelChartSeries *) chart->series->pdata[1 + p])->panel, ==, (int) p);
      g_assert_cmpfloat (panel->y_max, ==, 10);
      g_assert_cmpuint (panel->bands->len, ==, own->n_bands);
      g_assert_cmpstr (panel->title, ==, hel_sdq_field_short_label (p));
    }
  conduct = chart->panels->pdata[HEL_SDQ_CONDUCT];
  g_assert_cmpfloat (g_array_index (conduct->bands, HelChartBand, 3).from, ==, 5.5);
  g_assert_cmpint (g_array_index (conduct->bands, HelChartBand, 3).colour, ==,
                   HEL_CHART_COLOUR_WORST);
  /* Prosocial's bands run down: the normal band is at the top. */
  g_assert_cmpfloat (g_array_index (((HelChartPanel *) chart->panels->pdata[HEL_SDQ_PROSOCIAL])->bands,
                                    HelChartBand, 0).from, ==, 7.5);

  /* The legend lists "Very high" although the total has no such band, and the same colour
   * as "Very low" for prosocial behaviour. */
  assert_legend_has_every_band_colour (chart);
  {
    g_autoptr(GArray) legend = _hel_chart_band_colours (chart);
    g_assert_cmpuint (legend->len, ==, 5);
    g_assert_cmpstr (g_array_index (legend, HelChartBand, 3).label, ==, "Very high");
    g_assert_cmpstr (g_array_index (legend, HelChartBand, 4).label, ==, "Very low");
  }

  /* Drawn: the conduct panel is tinted "very high" at 8 and "normal" at 1, under the point. */
  hel_chart_style_init (&style, HEL_CHART_THEME_LIGHT);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 900);
  cr = cairo_create (surface);
  hel_render_chart (cr, chart, &style, 1200, 900);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_true (_hel_chart_locate_in_panel (chart, &style, 1200, 900, HEL_SDQ_CONDUCT, 0, 9.5,
                                             &x, &y));
  pixel_at (surface, x + 30, y, px);
  tint_of (&style.worst, style.band_alpha * 2, want);
  assert_rgb_near (px, want);
  g_assert_true (_hel_chart_locate_in_panel (chart, &style, 1200, 900, HEL_SDQ_CONDUCT, 0, 1,
                                             &x, &y));
  pixel_at (surface, x + 30, y, px);
  tint_of (&style.good, style.band_alpha, want);
  assert_rgb_near (px, want);
  /* The point itself in the scale's line colour. */
  g_assert_true (_hel_chart_locate_in_panel (chart, &style, 1200, 900, HEL_SDQ_CONDUCT, 0, 7,
                                             &x, &y));
  pixel_at (surface, x, y, px);
  want[0] = style.series[1 + HEL_SDQ_CONDUCT].red;
  want[1] = style.series[1 + HEL_SDQ_CONDUCT].green;
  want[2] = style.series[1 + HEL_SDQ_CONDUCT].blue;
  assert_rgb_near (px, want);
  /* The panels lie below the total's plot. */
  {
    double tx, ty;
    g_assert_true (hel_chart_locate (chart, &style, 1200, 900, 0, 0, 0, &tx, &ty));
    g_assert_cmpfloat (y, >, ty);
  }
  g_assert_false (_hel_chart_locate_in_panel (chart, &style, 1200, 900, 9, 0, 1, &x, &y));
  cairo_surface_destroy (surface);
}

static void
test_overview_high_scales (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) m = hel_measurement_new (hel_member_get_id (f->child),
                                                     HEL_INSTRUMENT_SDQ, "2024-01-20");
  g_autoptr(HelChart) chart = NULL;
  g_autoptr(HelChart) calm = NULL;
  GPtrArray *row = NULL;

  /* Total 2 + 7 + 3 + 1 = 13: normal, but conduct is very high and prosocial 5 very low. */
  hel_measurement_set_answer (m, "emotional", 2);
  hel_measurement_set_answer (m, "conduct", 7);
  hel_measurement_set_answer (m, "hyperactivity", 3);
  hel_measurement_set_answer (m, "peer", 1);
  hel_measurement_set_answer (m, "prosocial", 5);
  hel_measurement_set_answer (m, "impact", 1);
  g_assert_true (hel_store_save_measurement (f->store, m, "Test", NULL, &error));
  g_assert_no_error (error);
  chart = hel_chart_new (f->store, HEL_CHART_FAMILY_OVERVIEW, hel_family_get_id (f->family),
                         NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chart->rows->len, ==, 1);
  row = chart->rows->pdata[0];
  g_assert_cmpstr (row->pdata[3], ==, "Normal · outside normal: Conduct, Prosocial");
  /* The mark is still the total's band colour. */
  g_assert_cmpint (g_array_index (chart->row_colours, int, 0), ==, HEL_CHART_COLOUR_GOOD);

  /* Nothing high: the total's band alone, as before. */
  hel_measurement_set_answer (m, "conduct", 2);
  hel_measurement_set_answer (m, "prosocial", 9);
  g_assert_true (hel_store_save_measurement (f->store, m, "Test", NULL, &error));
  calm = hel_chart_new (f->store, HEL_CHART_FAMILY_OVERVIEW, hel_family_get_id (f->family),
                        NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((GPtrArray *) calm->rows->pdata[0])->pdata[3], ==, "Normal");
}

static void
test_bands_change_charts (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) m = save_sdq (f, "2024-01-20", 0, 15);
  g_autoptr(HelMeasurement) stored = NULL;
  g_autoptr(HelChart) person = NULL;
  g_autoptr(HelChart) person_after = NULL;
  g_autoptr(HelChart) project = NULL;
  g_autoptr(HelChart) project_after = NULL;
  HelSdqBandTable table;
  HelSdqShares shares;
  const int limits[] = { 15, 18 };

  g_assert_cmpstr (m->band, ==, "borderline");
  person = hel_chart_new (f->store, HEL_CHART_PERSON_SDQ, hel_member_get_id (f->child), NULL,
                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (person->bands->len, ==, 3);
  g_assert_cmpfloat (chart_band (person, 0)->to, ==, 13.5);
  g_assert_cmpfloat (chart_band (person, 1)->to, ==, 16.5);
  g_assert_true (hel_statistics_sdq_shares (f->store, NULL, &shares, &error));
  g_assert_cmpuint (shares.baseline[1], ==, 1);
  g_assert_cmpuint (shares.baseline[0], ==, 0);

  /* Moving the limits as Preferences does: the stored band, the person chart's band areas and
   * the pooled shares all follow. */
  g_assert_true (hel_store_load_sdq_bands (f->store, &table, &error));
  g_assert_true (hel_sdq_band_table_set_upper_limits (&table, limits, NULL, &error));
  g_assert_true (hel_store_save_sdq_bands (f->store, &table, &error));
  g_assert_no_error (error);
  stored = hel_store_get_measurement (f->store, m->id, &error);
  g_assert_cmpstr (stored->band, ==, "normal");
  person_after = hel_chart_new (f->store, HEL_CHART_PERSON_SDQ, hel_member_get_id (f->child),
                                NULL, &error);
  g_assert_cmpfloat (chart_band (person_after, 0)->to, ==, 15.5);
  g_assert_cmpfloat (chart_band (person_after, 1)->from, ==, 15.5);
  g_assert_cmpfloat (chart_band (person_after, 1)->to, ==, 18.5);
  g_assert_cmpfloat (chart_band (person_after, 2)->from, ==, 18.5);
  g_assert_true (hel_statistics_sdq_shares (f->store, NULL, &shares, &error));
  g_assert_cmpuint (shares.baseline[0], ==, 1);
  g_assert_cmpuint (shares.baseline[1], ==, 0);

  /* Four bands: the project chart gets a fourth series with its population share. */
  hel_sdq_band_table_init_four_bands (&table);
  g_assert_true (hel_store_save_sdq_bands (f->store, &table, &error));
  project_after = hel_chart_new (f->store, HEL_CHART_PROJECT_SDQ, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (project_after->series->len, ==, 4);
  g_assert_cmpfloat (series_value (project_after, 3, 2), ==, 5);
  hel_sdq_band_table_init_default (&table);
  g_assert_true (hel_store_save_sdq_bands (f->store, &table, &error));
  project = hel_chart_new (f->store, HEL_CHART_PROJECT_SDQ, 0, NULL, &error);
  g_assert_cmpuint (project->series->len, ==, 3);
  g_assert_cmpfloat (series_value (project, 0, 2), ==, 80);
}

static void
test_wave_interval (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hel_store_get_wave_interval (f->store, &error), ==, 4);
  g_assert_true (hel_store_set_wave_interval (f->store, 6, &error));
  g_assert_cmpint (hel_store_get_wave_interval (f->store, &error), ==, 6);
  g_assert_cmpint (hel_store_suggest_wave (f->store, hel_member_get_id (f->mother), "2024-07-20",
                                           &error), ==, 6);
  g_assert_false (hel_store_set_wave_interval (f->store, 0, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_assert_cmpint (hel_store_get_wave_interval (f->store, NULL), ==, 6);
}

static HelMeasurement *
save_bip (Fixture    *f,
          GPtrArray  *indicators,
          const char *date,
          int         wave,
          int         value)
{
  HelMeasurement *m = hel_measurement_new (hel_member_get_id (f->mother), HEL_INSTRUMENT_BIP,
                                           date);
  g_autoptr(GError) error = NULL;

  m->wave = wave;
  for (guint i = 0; i < indicators->len; i++)
    {
      char key[24];
      g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT,
                  ((HelBipIndicator *) indicators->pdata[i])->id);
      hel_measurement_set_answer (m, key, value);
    }
  g_assert_true (hel_store_save_measurement (f->store, m, "Test", NULL, &error));
  g_assert_no_error (error);
  return m;
}

static gint64
indicator_id (GPtrArray *indicators,
              guint      i)
{
  return ((HelBipIndicator *) indicators->pdata[i])->id;
}

static void
test_bip_settings (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = hel_store_list_bip_indicators (f->store, &error);
  g_autoptr(GPtrArray) reordered = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(HelMeasurement) m = NULL;
  g_autoptr(HelBipIndicator) first = NULL;
  g_autoptr(HelBipIndicator) own = hel_bip_indicator_new ("Mødestabilitet", 0, 10);
  g_autoptr(HelInstrument) bip = NULL;
  gint64 ids[6];
  const gint64 missing[] = { 999999 };

  g_assert_cmpuint (indicators->len, ==, 5);
  g_assert_cmpint (hel_store_count_bip_indicator_answers (f->store, indicator_id (indicators, 0),
                                                          &error), ==, 0);
  m = save_bip (f, indicators, "2024-01-20", 0, 4);
  for (guint i = 0; i < indicators->len; i++)
    g_assert_cmpint (hel_store_count_bip_indicator_answers (f->store, indicator_id (indicators, i),
                                                            &error), ==, 1);

  /* The order is the form's order: the last first, in one go. */
  g_assert_true (hel_store_save_bip_indicator (f->store, own, &error));
  ids[0] = own->id;
  for (guint i = 0; i < indicators->len; i++)
    ids[i + 1] = ((HelBipIndicator *) indicators->pdata[i])->id;
  g_assert_true (hel_store_set_bip_indicator_order (f->store, ids, G_N_ELEMENTS (ids), &error));
  g_assert_no_error (error);
  reordered = hel_store_list_bip_indicators (f->store, &error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (((HelBipIndicator *) reordered->pdata[i])->id, ==, ids[i]);
  bip = hel_store_load_instrument (f->store, HEL_INSTRUMENT_BIP, &error);
  g_assert_cmpstr (((HelInstrumentItem *) bip->items->pdata[0])->label, ==, "Mødestabilitet");
  g_assert_false (hel_store_set_bip_indicator_order (f->store, missing, 1, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = hel_store_list_bip_indicators (f->store, &error);
  g_assert_cmpint (((HelBipIndicator *) after->pdata[0])->id, ==, own->id);

  /* A scale that leaves out answers already given is refused; one that keeps them is fine. */
  first = hel_bip_indicator_copy (indicators->pdata[0]);
  first->scale_min = 0;
  first->scale_max = 3;
  g_assert_false (hel_store_save_bip_indicator (f->store, first, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4"));
  g_clear_error (&error);
  first->scale_max = 10;
  g_assert_true (hel_store_save_bip_indicator (f->store, first, &error));
  g_assert_no_error (error);

  /* Removing one leaves the measurement's other answers counting. */
  g_assert_true (hel_store_delete_bip_indicator (f->store, first->id, &error));
  g_assert_cmpint (hel_store_count_bip_indicator_answers (f->store, indicator_id (indicators, 1),
                                                          &error), ==, 1);
}

static void
test_restore_measurement (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) m = save_sdq (f, "2024-01-20", 0, 15);
  g_autoptr(HelMeasurement) before = hel_measurement_copy (m);
  g_autoptr(HelMeasurement) after = NULL;
  g_autoptr(HelMeasurement) back = NULL;
  g_autoptr(HelMeasurement) again = NULL;
  g_autoptr(HelMeasurement) newer = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  gint64 id = m->id;

  /* A correction, then undone: the old answers and score come back, and the history says so. */
  hel_measurement_set_answer (m, "emotional", 10);
  g_assert_true (hel_store_save_measurement (f->store, m, "Test", NULL, &error));
  after = hel_store_get_measurement (f->store, id, &error);
  g_assert_cmpfloat (after->score, >, 15);
  g_assert_true (hel_store_restore_measurement (f->store, id, before, "Test", &error));
  g_assert_no_error (error);
  back = hel_store_get_measurement (f->store, id, &error);
  g_assert_cmpfloat (back->score, ==, 15);
  g_assert_cmpstr (back->band, ==, "borderline");
  edits = hel_store_list_measurement_edits (f->store, id, &error);
  g_assert_cmpuint (edits->len, ==, 2);

  /* Undoing the new measurement deletes it; redoing brings it back under its own id. */
  g_assert_true (hel_store_restore_measurement (f->store, id, NULL, "Test", &error));
  g_assert_null (hel_store_get_measurement (f->store, id, NULL));
  g_assert_true (hel_store_restore_measurement (f->store, id, NULL, "Test", &error));
  g_assert_true (hel_store_restore_measurement (f->store, id, after, "Test", &error));
  g_assert_no_error (error);
  again = hel_store_get_measurement (f->store, id, &error);
  g_assert_cmpfloat (again->score, ==, after->score);
  g_assert_cmpstr (again->created, ==, after->created);

  /* A wave someone else has taken since is refused, with nothing changed. */
  g_assert_true (hel_store_restore_measurement (f->store, id, NULL, "Test", &error));
  newer = save_sdq (f, "2024-01-21", 0, 20);
  g_assert_false (hel_store_restore_measurement (f->store, id, after, "Test", &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_assert_null (hel_store_get_measurement (f->store, id, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress-settings/sdq/upper-limits", test_upper_limits);
  g_test_add_func ("/progress-settings/sdq/scale-bands", test_scale_bands);
  g_test_add_func ("/progress-settings/sdq/high-fields", test_high_fields);
#define ADD(name, func) \
  g_test_add ("/progress-settings/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sdq/bands-change-charts", test_bands_change_charts);
  ADD ("sdq/scale-bands-json", test_scale_bands_json);
  ADD ("sdq/scale-bands-chart", test_scale_bands_chart);
  ADD ("sdq/scale-panels", test_scale_panels);
  ADD ("sdq/overview-high-scales", test_overview_high_scales);
  ADD ("wave-interval", test_wave_interval);
  ADD ("bip/order-scale-removal", test_bip_settings);
  ADD ("measurement/restore", test_restore_measurement);
#undef ADD
  return g_test_run ();
}
