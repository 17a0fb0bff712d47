/* hel-scoring.h: scoring of WHO-5, SDQ and the BIP-inspired indicators: pure functions, no I/O. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An answer that was not given. */
#define HEL_SCORING_MISSING (-1)

/* ---- WHO-5 (wellbeing over the last two weeks) ---- */

#define HEL_WHO5_N_ITEMS          5
#define HEL_WHO5_ANSWER_MAX       5     /* answers 0 "at no time" .. 5 "all of the time" */
#define HEL_WHO5_DEPRESSION_LIMIT 28    /* at or below: probable depression */
#define HEL_WHO5_POOR_LIMIT       50    /* at or below: poor wellbeing, screen for depression */
#define HEL_WHO5_POPULATION_MEAN  68
#define HEL_WHO5_RELEVANT_CHANGE  10    /* a change of this many points is clinically relevant */

typedef enum {
  HEL_WHO5_BAND_INCOMPLETE,   /* an item is missing: not scored */
  HEL_WHO5_BAND_DEPRESSION,   /* 0-28 */
  HEL_WHO5_BAND_POOR,         /* 29-50 */
  HEL_WHO5_BAND_GOOD,         /* 51-100 */
  HEL_WHO5_N_BANDS
} HelWho5Band;

typedef struct {
  gboolean    complete;    /* all five items answered */
  guint       n_missing;
  int         raw;         /* 0-25; -1 when incomplete */
  int         percent;     /* raw x 4, 0-100; -1 when incomplete */
  HelWho5Band band;
} HelWho5Score;

/* The official item wording and the six answers (translated; Danish as in the Danish version). */
const char  *hel_who5_item_text          (guint        item);
const char  *hel_who5_answer_text        (int          answer);
const char  *hel_who5_band_code          (HelWho5Band  band);
const char  *hel_who5_band_label         (HelWho5Band  band);
HelWho5Band  hel_who5_band_for_percent   (int          percent);

/* Scores five answers (HEL_SCORING_MISSING for one not given). FALSE with a message naming the
 * item when an answer is outside 0-5; a missing answer is not an error: the score is incomplete. */
gboolean     hel_who5_score              (const int    answers[HEL_WHO5_N_ITEMS],
                                          HelWho5Score *score,
                                          guint        *bad_item,
                                          GError      **error);

/* -1, 0 or +1: worse, no clinically relevant change (under 10 points), better. */
int          hel_who5_change_direction   (int          before_percent,
                                          int          after_percent);

/* ---- SDQ (typed from the scored paper form; the program holds no item texts) ---- */

typedef enum {
  HEL_SDQ_EMOTIONAL,
  HEL_SDQ_CONDUCT,
  HEL_SDQ_HYPERACTIVITY,
  HEL_SDQ_PEER,
  HEL_SDQ_PROSOCIAL,
  HEL_SDQ_IMPACT,
  HEL_SDQ_N_FIELDS
} HelSdqField;

#define HEL_SDQ_SCALE_MAX 10   /* each scale: 5 items scored 0-2 */
#define HEL_SDQ_TOTAL_MAX 40   /* total difficulties: the first four scales */
#define HEL_SDQ_MAX_BANDS 4

const char  *hel_sdq_field_code          (HelSdqField  field);
const char  *hel_sdq_field_label         (HelSdqField  field);
/* A short name for tight places ("Conduct", "Peers"), e.g. the small charts and the family
 * overview. */
const char  *hel_sdq_field_short_label   (HelSdqField  field);
gboolean     hel_sdq_field_from_code     (const char  *code,
                                          HelSdqField *field);

/* What a band table bands: the total difficulties score (0-40), one of the five scales or the
 * impact score (0-10 each). The scales and impact are in HelSdqField's order, one above it. */
typedef enum {
  HEL_SDQ_BANDS_TOTAL,
  HEL_SDQ_BANDS_EMOTIONAL,
  HEL_SDQ_BANDS_CONDUCT,
  HEL_SDQ_BANDS_HYPERACTIVITY,
  HEL_SDQ_BANDS_PEER,
  HEL_SDQ_BANDS_PROSOCIAL,
  HEL_SDQ_BANDS_IMPACT,
  HEL_SDQ_N_BAND_SCALES
} HelSdqBandScale;

/* "total" or the field's code ("emotional" ... "impact"). */
const char  *hel_sdq_band_scale_code     (HelSdqBandScale  scale);
gboolean     hel_sdq_band_scale_from_code (const char     *code,
                                          HelSdqBandScale *scale);
/* "Total difficulties" or the field's label. */
const char  *hel_sdq_band_scale_label    (HelSdqBandScale  scale);
HelSdqBandScale hel_sdq_band_scale_for_field (HelSdqField  field);
/* 40 for the total, 10 for the scales and impact. */
int          hel_sdq_band_scale_max      (HelSdqBandScale  scale);
/* TRUE for prosocial behaviour, a strength: a LOW score is the worse band. */
gboolean     hel_sdq_band_scale_is_reversed (HelSdqBandScale scale);

/* The bands of one score: data, not code, so a municipality can switch to the four-band table
 * or Danish norms. Band 0 is the least concern ("normal"), the last the most; lowest[i] is the
 * lowest score in band i. For a score where higher is worse the bands run up: band 0 starts at
 * 0, band i ends at the next band's lowest - 1 and the last at the scale's maximum. For
 * prosocial (reversed) they run down: band 0 ends at 10, band i ends at the band before's lowest
 * - 1 and the last starts at 0. Codes: "normal", "borderline", "abnormal", "very-high";
 * population_share in percent (80/10/10 for the parent-report table). A zeroed table is a
 * total table. */
typedef struct {
  HelSdqBandScale scale;
  guint  n_bands;
  int    lowest[HEL_SDQ_MAX_BANDS];
  char   code[HEL_SDQ_MAX_BANDS][16];
  double population_share[HEL_SDQ_MAX_BANDS];
} HelSdqBandTable;

/* The shipped default of the total: the parent-report three-band table 0-13 / 14-16 / 17-40
 * (80/10/10 %). */
void         hel_sdq_band_table_init_default (HelSdqBandTable       *table);
/* The newer four-band parent-report table: 0-13, 14-16, 17-19, 20-40 (80/10/5/5 %). */
void         hel_sdq_band_table_init_four_bands (HelSdqBandTable    *table);
/* The published parent-report limits of @scale with @n_bands bands (2-4): four bands as in the
 * newer table (emotional 0-3/4/5-6/7-10, conduct 0-2/3/4-5/6-10, hyperactivity 0-5/6-7/8/9-10,
 * peer 0-2/3/4/5-10, prosocial 8-10/7/6/0-5, impact 0/1/2/3-10, total 0-13/14-16/17-19/20-40),
 * three as in the original table (emotional 0-3/4/5-10, conduct 0-2/3/4-10, hyperactivity
 * 0-5/6/7-10, peer 0-2/3/4-10, prosocial 6-10/5/0-4, impact 0/1/2-10, total 0-13/14-16/17-40),
 * two the three-band table with the borderline band joined to normal. */
void         hel_sdq_band_table_init_published (HelSdqBandTable     *table,
                                          HelSdqBandScale        scale,
                                          guint                  n_bands);
/* What Helhed ships: the three-band table for the total (as before per-scale bands came), the
 * newer four-band table for each scale and the impact score. */
void         hel_sdq_band_table_init_scale_default (HelSdqBandTable *table,
                                          HelSdqBandScale        scale);
gboolean     hel_sdq_band_table_validate (const HelSdqBandTable *table,
                                          GError               **error);
/* The highest and lowest score in band @band. */
int          hel_sdq_band_highest        (const HelSdqBandTable *table,
                                          guint                  band);
int          hel_sdq_band_lowest         (const HelSdqBandTable *table,
                                          guint                  band);
const char  *hel_sdq_band_label          (const char            *code);
/* The same, worded for @scale: prosocial's last band is "Very low" rather than "Very high". */
const char  *hel_sdq_band_label_for_scale (HelSdqBandScale      scale,
                                          const char            *code);
/* Where band @band (not the last) meets the next, as people edit it: its highest score, or for
 * a reversed scale its lowest (prosocial 8 for 8-10 / 7 / 6 / 0-5). */
int          hel_sdq_band_limit          (const HelSdqBandTable *table,
                                          guint                  band);
/* The table as people edit it: the limit (above) of every band but the last, n_bands - 1
 * values, e.g. 13 and 16 for 0-13 / 14-16 / 17-40. Checks them first: within the scale, each
 * past the one before (up, or down for a reversed scale), leaving the last band a score; on a
 * bad one FALSE with a message and *bad_band the band whose limit it is, and @table unchanged. */
gboolean     hel_sdq_band_table_set_limits (HelSdqBandTable     *table,
                                          const int             *limits,
                                          guint                 *bad_band,
                                          GError               **error);
/* The same for a total table (kept for its callers). */
gboolean     hel_sdq_band_table_set_upper_limits (HelSdqBandTable *table,
                                          const int             *upper,
                                          guint                 *bad_band,
                                          GError               **error);
/* The band a score of the table's scale falls in, or -1 outside 0 to the scale's maximum. */
int          hel_sdq_band_for_score      (const HelSdqBandTable *table,
                                          int                    score);
/* The band a total falls in, or -1 for a total outside 0-40. */
int          hel_sdq_band_for_total      (const HelSdqBandTable *table,
                                          int                    total);

/* Every table: the total's, each scale's and the impact score's, indexed by HelSdqBandScale. */
typedef struct {
  HelSdqBandTable table[HEL_SDQ_N_BAND_SCALES];
} HelSdqBandSet;

/* The shipped defaults (hel_sdq_band_table_init_scale_default for each). */
void         hel_sdq_band_set_init_default (HelSdqBandSet       *set);
gboolean     hel_sdq_band_set_validate   (const HelSdqBandSet   *set,
                                          GError               **error);
/* The band of each of the six fields by its own table (prosocial reversed), -1 for a field not
 * given or out of range. */
void         hel_sdq_field_bands         (const int              values[HEL_SDQ_N_FIELDS],
                                          const HelSdqBandSet   *set,
                                          int                    bands[HEL_SDQ_N_FIELDS]);

/* TRUE for the bands of clinical concern, "abnormal" and "very-high": the last band of a two-
 * or three-band table, the last two of a four-band one. */
gboolean     hel_sdq_band_is_high        (const char            *code);
/* The fields of @values (the five scales and impact) whose score is in a high band by their own
 * table, as short names in field order joined by ", " ("Conduct, Peers"); NULL when none is. */
char        *hel_sdq_describe_high_fields (const int             values[HEL_SDQ_N_FIELDS],
                                          const HelSdqBandSet   *set);

typedef struct {
  gboolean complete;     /* the four difficulty scales given */
  int      total;        /* 0-40, -1 when incomplete */
  int      band;         /* index into the band table, -1 when incomplete */
} HelSdqScore;

/* values: the five scale scores and the impact score (HEL_SCORING_MISSING when not given).
 * FALSE with a message naming the field when a value is outside 0-10. */
gboolean     hel_sdq_score               (const int              values[HEL_SDQ_N_FIELDS],
                                          const HelSdqBandTable *table,
                                          HelSdqScore           *score,
                                          HelSdqField           *bad_field,
                                          GError               **error);

/* ---- BIP-inspired indicators (editable names and scale) ---- */

typedef struct {
  guint  n_answered;
  double mean;           /* of the answered indicators, on their own scales; NAN when none */
  double mean_share;     /* the same as a share 0-1 of each indicator's scale; NAN when none */
} HelBipScore;

/* values[i] in min[i]..max[i] or HEL_SCORING_MISSING; FALSE with a message naming the
 * indicator (its @names entry) when one is outside its scale. */
gboolean     hel_bip_score               (guint                  n,
                                          const int             *values,
                                          const int             *min,
                                          const int             *max,
                                          const char * const    *names,
                                          HelBipScore           *score,
                                          guint                 *bad_index,
                                          GError               **error);

/* ---- School absence buckets (seed 004) ---- */

/* 0 %, 0-5, 6-10, 11-15, 16-20, 21-30, 31-50, 51-70, 71-90, 91-100 %. A bucket includes its upper
 * edge: exactly 5.0 % counts in "0-5", 5.1 % in "6-10", exactly 0 in "0 %". */
#define HEL_ABSENCE_N_BUCKETS 10
const char  *hel_absence_bucket_label    (guint        bucket);
double       hel_absence_bucket_upper    (guint        bucket);
/* The bucket of a percentage 0-100, or -1 outside that range. */
int          hel_absence_bucket_for_percent (double    percent);

/* ---- Numbers as people read them ---- */

/* A number with @digits decimals and the decimal separator of the UI language ("44,4" in Danish). */
char        *hel_format_decimal          (double       value,
                                          int          digits);

G_END_DECLS
