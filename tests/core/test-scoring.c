/* test-scoring.c: WHO-5, SDQ, BIP and absence buckets against hand-computed cases. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hel-scoring.h"
#include "hel-validate.h"

#define M HEL_SCORING_MISSING

static void
test_who5_scores (void)
{
  struct {
    int         answers[5];
    int         raw, percent;
    HelWho5Band band;
  } cases[] = {
    { { 0, 0, 0, 0, 0 }, 0, 0, HEL_WHO5_BAND_DEPRESSION },
    { { 5, 5, 5, 5, 5 }, 25, 100, HEL_WHO5_BAND_GOOD },
    /* 7 x 4 = 28: at the depression limit, still "probable depression". */
    { { 2, 2, 1, 1, 1 }, 7, 28, HEL_WHO5_BAND_DEPRESSION },
    /* 8 x 4 = 32: just above it. */
    { { 2, 2, 2, 1, 1 }, 8, 32, HEL_WHO5_BAND_POOR },
    /* 12 x 4 = 48 and 13 x 4 = 52 on either side of 50. */
    { { 3, 3, 2, 2, 2 }, 12, 48, HEL_WHO5_BAND_POOR },
    { { 3, 3, 3, 2, 2 }, 13, 52, HEL_WHO5_BAND_GOOD },
    { { 4, 3, 3, 4, 3 }, 17, 68, HEL_WHO5_BAND_GOOD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HelWho5Score score;

      g_assert_true (hel_who5_score (cases[i].answers, &score, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (score.complete);
      g_assert_cmpint (score.raw, ==, cases[i].raw);
      g_assert_cmpint (score.percent, ==, cases[i].percent);
      g_assert_cmpint (score.band, ==, cases[i].band);
    }

  /* The limits themselves: at or below 28, at or below 50, above 50. */
  g_assert_cmpint (hel_who5_band_for_percent (28), ==, HEL_WHO5_BAND_DEPRESSION);
  g_assert_cmpint (hel_who5_band_for_percent (29), ==, HEL_WHO5_BAND_POOR);
  g_assert_cmpint (hel_who5_band_for_percent (50), ==, HEL_WHO5_BAND_POOR);
  g_assert_cmpint (hel_who5_band_for_percent (51), ==, HEL_WHO5_BAND_GOOD);
  g_assert_cmpint (hel_who5_band_for_percent (101), ==, HEL_WHO5_BAND_INCOMPLETE);
}

static void
test_who5_incomplete_and_bad (void)
{
  g_autoptr(GError) error = NULL;
  int one_missing[5] = { 3, M, 3, 3, 3 };
  int too_high[5] = { 3, 3, 6, 3, 3 };
  int negative[5] = { 3, 3, 3, 3, -2 };
  HelWho5Score score;
  guint bad = 99;

  /* A missing item is not an error, but the measurement is not scored. */
  g_assert_true (hel_who5_score (one_missing, &score, &bad, &error));
  g_assert_false (score.complete);
  g_assert_cmpuint (score.n_missing, ==, 1);
  g_assert_cmpint (score.percent, ==, -1);
  g_assert_cmpint (score.band, ==, HEL_WHO5_BAND_INCOMPLETE);

  g_assert_false (hel_who5_score (too_high, &score, &bad, &error));
  g_assert_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE);
  g_assert_cmpuint (bad, ==, 2);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  g_assert_false (hel_who5_score (negative, &score, &bad, &error));
  g_assert_cmpuint (bad, ==, 4);
}

static void
test_who5_change (void)
{
  g_assert_cmpint (hel_who5_change_direction (40, 50), ==, 1);
  g_assert_cmpint (hel_who5_change_direction (40, 49), ==, 0);
  g_assert_cmpint (hel_who5_change_direction (60, 50), ==, -1);
  g_assert_cmpint (hel_who5_change_direction (60, 52), ==, 0);
}

static void
test_sdq_bands (void)
{
  HelSdqBandTable table;
  struct {
    int values[HEL_SDQ_N_FIELDS];
    int total;
    int band;
  } cases[] = {
    { { 0, 0, 0, 0, 10, 0 }, 0, 0 },
    /* 13: the top of normal; 14 and 16 the edges of borderline; 17 the start of abnormal. */
    { { 4, 3, 4, 2, 8, 1 }, 13, 0 },
    { { 4, 3, 5, 2, 8, 1 }, 14, 1 },
    { { 4, 4, 6, 2, 8, M }, 16, 1 },
    { { 5, 4, 6, 2, 3, 5 }, 17, 2 },
    { { 10, 10, 10, 10, 0, 10 }, 40, 2 },
  };

  hel_sdq_band_table_init_default (&table);
  g_assert_true (hel_sdq_band_table_validate (&table, NULL));
  g_assert_cmpint (hel_sdq_band_highest (&table, 0), ==, 13);
  g_assert_cmpint (hel_sdq_band_highest (&table, 1), ==, 16);
  g_assert_cmpint (hel_sdq_band_highest (&table, 2), ==, 40);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HelSdqScore score;

      /* The prosocial scale and the impact score are not part of the total. */
      g_assert_true (hel_sdq_score (cases[i].values, &table, &score, NULL, NULL));
      g_assert_true (score.complete);
      g_assert_cmpint (score.total, ==, cases[i].total);
      g_assert_cmpint (score.band, ==, cases[i].band);
    }

  /* The table is data: a four-band table moves the edges. */
  table.n_bands = 4;
  table.lowest[1] = 12;
  table.lowest[2] = 15;
  table.lowest[3] = 18;
  g_strlcpy (table.code[3], "very-high", sizeof table.code[3]);
  g_assert_true (hel_sdq_band_table_validate (&table, NULL));
  g_assert_cmpint (hel_sdq_band_for_total (&table, 11), ==, 0);
  g_assert_cmpint (hel_sdq_band_for_total (&table, 12), ==, 1);
  g_assert_cmpint (hel_sdq_band_for_total (&table, 17), ==, 2);
  g_assert_cmpint (hel_sdq_band_for_total (&table, 18), ==, 3);
  g_assert_cmpint (hel_sdq_band_for_total (&table, 41), ==, -1);
}

static void
test_sdq_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  HelSdqBandTable table;
  int above_ten[HEL_SDQ_N_FIELDS] = { 3, 11, 2, 2, 8, 0 };
  int missing[HEL_SDQ_N_FIELDS] = { 3, 2, M, 2, 8, 0 };
  HelSdqField bad = HEL_SDQ_N_FIELDS;
  HelSdqScore score;

  hel_sdq_band_table_init_default (&table);
  g_assert_false (hel_sdq_score (above_ten, &table, &score, &bad, &error));
  g_assert_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE);
  g_assert_cmpint (bad, ==, HEL_SDQ_CONDUCT);
  g_clear_error (&error);

  g_assert_true (hel_sdq_score (missing, &table, &score, &bad, &error));
  g_assert_false (score.complete);
  g_assert_cmpint (score.total, ==, -1);
  g_assert_cmpint (score.band, ==, -1);

  /* Broken tables are refused. */
  table.lowest[0] = 1;
  g_assert_false (hel_sdq_band_table_validate (&table, &error));
  g_clear_error (&error);
  hel_sdq_band_table_init_default (&table);
  table.lowest[2] = 14;
  g_assert_false (hel_sdq_band_table_validate (&table, &error));
  g_clear_error (&error);
  hel_sdq_band_table_init_default (&table);
  g_strlcpy (table.code[1], "purple", sizeof table.code[1]);
  g_assert_false (hel_sdq_band_table_validate (&table, &error));
}

static void
test_bip (void)
{
  g_autoptr(GError) error = NULL;
  const char * const names[] = { "Coping with health", "Belief in getting a job", "Cooperation" };
  int min[] = { 1, 1, 0 };
  int max[] = { 5, 5, 10 };
  int values[] = { 2, 4, 5 };
  int bad_values[] = { 2, 6, 5 };
  int none[] = { M, M, M };
  HelBipScore score;
  guint bad = 99;

  g_assert_true (hel_bip_score (3, values, min, max, names, &score, &bad, &error));
  g_assert_cmpuint (score.n_answered, ==, 3);
  g_assert_cmpfloat_with_epsilon (score.mean, 11.0 / 3, 1e-9);
  /* (1/4 + 3/4 + 5/10) / 3 = 0.5 */
  g_assert_cmpfloat_with_epsilon (score.mean_share, 0.5, 1e-9);

  g_assert_false (hel_bip_score (3, bad_values, min, max, names, &score, &bad, &error));
  g_assert_cmpuint (bad, ==, 1);
  g_assert_nonnull (strstr (error->message, "Belief in getting a job"));
  g_clear_error (&error);

  g_assert_true (hel_bip_score (3, none, min, max, names, &score, NULL, NULL));
  g_assert_cmpuint (score.n_answered, ==, 0);
  g_assert_true (isnan (score.mean));
}

static void
test_absence_buckets (void)
{
  /* An edge belongs to the bucket it closes: 5.0 % is "0-5", 5.1 % is "6-10". */
  struct {
    double percent;
    int    bucket;
  } cases[] = {
    { 0, 0 }, { 0.1, 1 }, { 5, 1 }, { 5.1, 2 }, { 10, 2 }, { 10.5, 3 }, { 15, 3 }, { 20, 4 },
    { 20.01, 5 }, { 30, 5 }, { 31, 6 }, { 50, 6 }, { 70, 7 }, { 90, 8 }, { 90.5, 9 }, { 100, 9 },
    { 100.1, -1 }, { -1, -1 }, { NAN, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (hel_absence_bucket_for_percent (cases[i].percent), ==, cases[i].bucket);
  g_assert_cmpstr (hel_absence_bucket_label (1), ==, "0-5 %");
}

static void
test_decimal (void)
{
  g_autofree char *a = hel_format_decimal (44.44, 1);
  g_autofree char *b = hel_format_decimal (-0.04, 1);
  g_autofree char *c = hel_format_decimal (NAN, 1);
  g_autofree char *d = hel_format_decimal (13, 0);

  g_assert_cmpstr (a, ==, "44.4");
  g_assert_cmpstr (b, ==, "0.0");
  g_assert_cmpstr (c, ==, "–");
  g_assert_cmpstr (d, ==, "13");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/who5/scores", test_who5_scores);
  g_test_add_func ("/scoring/who5/incomplete-and-bad", test_who5_incomplete_and_bad);
  g_test_add_func ("/scoring/who5/change", test_who5_change);
  g_test_add_func ("/scoring/sdq/bands", test_sdq_bands);
  g_test_add_func ("/scoring/sdq/bad-input", test_sdq_bad_input);
  g_test_add_func ("/scoring/bip", test_bip);
  g_test_add_func ("/scoring/absence-buckets", test_absence_buckets);
  g_test_add_func ("/scoring/decimal", test_decimal);

  return g_test_run ();
}
