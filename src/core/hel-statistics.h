/* hel-statistics.h: the project's pooled tables (seed 004), aggregated in SQL, filtered by team,
 * period and active/ended families, and the "<5" rule for counts that could point at a person. */
#pragma once

#include "hel-enums.h"
#include "hel-measurement.h"
#include "hel-scoring.h"
#include "hel-store.h"

G_BEGIN_DECLS

typedef enum {
  HEL_STATISTICS_ALL_FAMILIES,
  HEL_STATISTICS_ACTIVE_FAMILIES,
  HEL_STATISTICS_ENDED_FAMILIES,
} HelStatisticsFamilies;

typedef struct {
  gint64                team_id;    /* 0: every team */
  char                 *from;       /* ISO; NULL: from the first family's start */
  char                 *to;         /* ISO; NULL: until today */
  HelStatisticsFamilies families;
} HelStatisticsFilter;

void     hel_statistics_filter_init   (HelStatisticsFilter       *filter);
void     hel_statistics_filter_clear  (HelStatisticsFilter       *filter);

/* Counts from 1 to 4 could point at a person: pooled output shows them as "<5" and leaves out
 * what would give them away (their shares, a mean over fewer than 5 people). 0 is shown. */
#define HEL_STATISTICS_MIN_COUNT 5
gboolean hel_statistics_count_hidden  (guint                      n);
char    *hel_statistics_format_count  (guint                      n);
/* A share in whole percent ("25 %"), or "–" when @n is hidden. */
char    *hel_statistics_format_share  (guint                      n,
                                       guint                      total);

/* The last quarters a table spans (at most this many). */
#define HEL_STATISTICS_MAX_QUARTERS 12

/* ---- Who is counted ---- */

typedef struct {
  guint n_families;
  guint n_active;
  guint n_adults;      /* in the households */
  guint n_children;
} HelStatisticsCounts;

gboolean hel_statistics_counts        (HelStore                  *store,
                                       const HelStatisticsFilter *filter,
                                       HelStatisticsCounts       *counts,
                                       GError                   **error);

/* ---- WHO-5 mean per wave ---- */

typedef struct {
  int    wave;
  guint  n;
  double mean;                        /* 0-100 */
  guint  n_band[HEL_WHO5_N_BANDS];    /* by HelWho5Band; [INCOMPLETE] stays 0 */
} HelWho5Wave;

/* HelWho5Wave rows, wave order; complete measurements only. */
GArray  *hel_statistics_who5_by_wave  (HelStore                  *store,
                                       const HelStatisticsFilter *filter,
                                       GError                   **error);

/* ---- SDQ band shares: each child's baseline and latest follow-up ---- */

typedef struct {
  HelSdqBandTable bands;
  guint           n_baseline;
  guint           baseline[HEL_SDQ_MAX_BANDS];
  guint           n_latest;
  guint           latest[HEL_SDQ_MAX_BANDS];
} HelSdqShares;

gboolean hel_statistics_sdq_shares    (HelStore                  *store,
                                       const HelStatisticsFilter *filter,
                                       HelSdqShares              *shares,
                                       GError                   **error);

/* ---- School absence per quarter ---- */

typedef struct {
  char   quarter[8];
  guint  n;
  guint  counts[HEL_ABSENCE_N_BUCKETS];
  double mean;
} HelAbsenceQuarter;

/* "Measured both times" compares the latest quarter with the same quarter a year before (as the
 * seed compares the 4th quarters of two years), or with the first quarter when there is no year. */
typedef struct {
  GArray *quarters;       /* HelAbsenceQuarter, the quarters with figures, oldest first */
  guint   compare_first;  /* index into quarters */
  guint   compare_last;   /* index into quarters: the latest */
  guint   n_both;         /* children measured in both compared quarters */
  double  mean_both_first;
  double  mean_both_last;
} HelAbsenceTable;

HelAbsenceTable *hel_statistics_absence (HelStore                  *store,
                                         const HelStatisticsFilter *filter,
                                         GError                   **error);
void     hel_absence_table_free       (HelAbsenceTable           *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelAbsenceTable, hel_absence_table_free)

/* ---- Income support and employment per quarter (from the members' history) ---- */

typedef struct {
  char   quarter[8];
  guint  n_adults;                        /* adults in the household of families then active */
  guint  counts[HEL_N_INCOME_KINDS];      /* their income support at the quarter's end */
  guint  n_in_offer;                      /* in an employment-oriented offer at the quarter's end */
  guint  n_in_placement;                  /* in a company placement at the quarter's end */
  guint  n_placement_during;              /* in a company placement at some time in the quarter */
} HelAdultsQuarter;

GArray  *hel_statistics_adults_by_quarter (HelStore              *store,
                                       const HelStatisticsFilter *filter,
                                       GError                   **error);

/* ---- Notifications of concern per child per year ---- */

typedef struct {
  int    year;
  guint  n_children;       /* children in the household of families active that year */
  guint  notifications;
  double per_child;
} HelNotificationYear;

GArray  *hel_statistics_notifications_by_year (HelStore          *store,
                                       const HelStatisticsFilter *filter,
                                       GError                   **error);

/* ---- Economy: extra expenses per department and quarter ---- */

/* Like the seed's revised baseline: the families with figures in the latest quarter, each
 * family's first quarter with figures as its economic baseline, summed per department. */
typedef struct {
  GPtrArray *quarters;     /* char*, the quarters with figures, oldest first */
  GArray    *amounts;      /* gint64, [q * HEL_N_DEPARTMENTS + department] */
  gint64     baseline[HEL_N_DEPARTMENTS];
  guint      n_families;
} HelEconomyTable;

HelEconomyTable *hel_statistics_economy (HelStore                  *store,
                                         const HelStatisticsFilter *filter,
                                         GError                   **error);
gint64   hel_economy_table_get        (const HelEconomyTable     *table,
                                       guint                      quarter,
                                       HelDepartment              department);
/* Family & Employment's four lines together; the total. Quarter G_MAXUINT: the baseline. */
gint64   hel_economy_table_family_employment (const HelEconomyTable *table,
                                       guint                      quarter);
gint64   hel_economy_table_total      (const HelEconomyTable     *table,
                                       guint                      quarter);
#define HEL_ECONOMY_BASELINE G_MAXUINT
void     hel_economy_table_free       (HelEconomyTable           *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelEconomyTable, hel_economy_table_free)

/* "7.148.508" in Danish: whole kroner with thousands separators of the UI language. */
char    *hel_statistics_format_amount (gint64                     amount);

G_END_DECLS
