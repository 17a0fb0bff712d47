/* hel-render-chart.h: every progress chart (person, family, project) drawn on a cairo_t, so the
 * screen, the files, the status report and the tests draw the same picture; PNG/SVG/PDF export. */
#pragma once

#include <cairo.h>

#include "hel-statistics.h"
#include "hel-store.h"

G_BEGIN_DECLS

typedef enum {
  HEL_CHART_PERSON_WHO5,           /* WHO-5 over time: bands, population mean, 10-point changes */
  HEL_CHART_PERSON_SDQ,            /* SDQ total (banded) and the scales over time */
  HEL_CHART_PERSON_BIP,            /* the BIP-inspired indicators per wave */
  HEL_CHART_FAMILY_OVERVIEW,       /* each member's latest values and direction */
  HEL_CHART_PROJECT_WHO5,          /* WHO-5 mean per wave with n, against 68 */
  HEL_CHART_PROJECT_SDQ,           /* SDQ band shares, baseline and latest, against 80/10/10 */
  HEL_CHART_PROJECT_ABSENCE,       /* school-absence buckets per quarter */
  HEL_CHART_PROJECT_INCOME,        /* income support per quarter */
  HEL_CHART_PROJECT_EMPLOYMENT,    /* adults in employment-oriented offers, company placements */
  HEL_CHART_PROJECT_NOTIFICATIONS, /* notifications of concern per child per year */
  HEL_CHART_PROJECT_ECONOMY,       /* extra expenses per department and quarter, differences */
  HEL_N_CHART_KINDS
} HelChartKind;

const char *hel_chart_kind_to_code      (HelChartKind  kind);
gboolean    hel_chart_kind_from_code    (const char   *code,
                                         HelChartKind *kind);
const char *hel_chart_kind_label        (HelChartKind  kind);
/* What the chart is about: a member, a family or the (filtered) project. */
gboolean    hel_chart_kind_is_person    (HelChartKind  kind);
gboolean    hel_chart_kind_is_family    (HelChartKind  kind);

typedef struct _HelChart HelChart;

/* Reads what the chart shows. @id is the member (person charts) or the family (the family
 * overview); project charts use @filter (NULL: everything) and show pooled numbers only, counts
 * from 1 to 4 as "<5". The chart holds no reference to @store afterwards. */
HelChart   *hel_chart_new               (HelStore                  *store,
                                         HelChartKind               kind,
                                         gint64                     id,
                                         const HelStatisticsFilter *filter,
                                         GError                   **error);
void        hel_chart_free              (HelChart                  *chart);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelChart, hel_chart_free)

HelChartKind hel_chart_get_kind         (const HelChart            *chart);
const char *hel_chart_get_title         (const HelChart            *chart);
/* TRUE when there is nothing to draw yet (the chart then says so). */
gboolean    hel_chart_is_empty          (const HelChart            *chart);
guint       hel_chart_get_n_categories  (const HelChart            *chart);
/* The words under the chart, e.g. how "<5" is meant; may be NULL. */
const char *hel_chart_get_note          (const HelChart            *chart);

typedef enum {
  HEL_CHART_THEME_LIGHT,
  HEL_CHART_THEME_DARK,
  HEL_CHART_THEME_HIGH_CONTRAST,
} HelChartTheme;

typedef struct {
  double red, green, blue, alpha;
} HelChartColour;

#define HEL_CHART_N_SERIES_COLOURS 8

typedef struct {
  HelChartColour background;
  HelChartColour text;
  HelChartColour muted_text;
  HelChartColour grid;
  HelChartColour axis;
  HelChartColour reference;     /* the population lines */
  HelChartColour series[HEL_CHART_N_SERIES_COLOURS];
  HelChartColour good;          /* WHO-5 above 50, SDQ normal */
  HelChartColour warning;       /* WHO-5 29-50, SDQ borderline */
  HelChartColour bad;           /* WHO-5 28 and below, SDQ abnormal */
  HelChartColour worst;         /* SDQ very high */
  double         band_alpha;    /* how strongly the band backgrounds are tinted */
  const char    *font_family;   /* NULL: "Sans" */
  double         text_scale;    /* 1.0 */
  double         line_scale;    /* 1.0; thicker for high contrast */
} HelChartStyle;

void        hel_chart_style_init        (HelChartStyle             *style,
                                         HelChartTheme              theme);

/* Draws the whole chart (background, title, legend, plot, note) in 0,0 - width,height. Safe with
 * any chart, empty ones included. @style NULL: light. */
void        hel_render_chart            (cairo_t                   *cr,
                                         const HelChart            *chart,
                                         const HelChartStyle       *style,
                                         double                     width,
                                         double                     height);

/* TRUE for the charts that are tables (the family overview, the economy table). */
gboolean    hel_chart_is_table          (const HelChart            *chart);
/* The height at which a table-shaped chart (the family overview, the economy table) shows its
 * title, header, every row and its note, with its text as large as @width allows: the same
 * layout hel_render_chart () uses, so drawing at that height cuts nothing off. Drawn lower, a
 * table's text shrinks to keep its rows. 0 for the other charts: they fill any box. */
double      hel_chart_get_natural_height (const HelChart           *chart,
                                         const HelChartStyle       *style,
                                         double                     width);

/* Where a value of category @category lands on a width x height drawing (the centre of its
 * slot; for grouped bars the centre of series @series' bar), as hel_render_chart() lays it out.
 * FALSE for tables and empty charts. For tests and for hit-testing on screen. */
gboolean    hel_chart_locate            (const HelChart            *chart,
                                         const HelChartStyle       *style,
                                         double                     width,
                                         double                     height,
                                         guint                      category,
                                         guint                      series,
                                         double                     value,
                                         double                    *x,
                                         double                    *y);

/* Writes the chart as PNG, SVG or PDF, chosen by @path's extension; atomically (a half-written
 * file never replaces a good one) and readable by the owner only (0600). @style NULL: light. */
gboolean    hel_chart_export            (const HelChart            *chart,
                                         const HelChartStyle       *style,
                                         double                     width,
                                         double                     height,
                                         const char                *path,
                                         GError                   **error);

G_END_DECLS
