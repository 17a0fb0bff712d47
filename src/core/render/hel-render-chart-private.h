/* hel-render-chart-private.h: what a chart holds once read: categories, series, bands, references
 * or a table, shared by the reader (hel-render-chart-data.c) and the drawing (hel-render-chart.c). */
#pragma once

#include "hel-render-chart.h"

G_BEGIN_DECLS

typedef enum {
  HEL_CHART_SHAPE_LINES,     /* points joined per series, over categories */
  HEL_CHART_SHAPE_BARS,      /* grouped bars */
  HEL_CHART_SHAPE_STACKED,   /* stacked bars */
  HEL_CHART_SHAPE_TABLE,
} HelChartShape;

/* Colours by role; 0 .. HEL_CHART_N_SERIES_COLOURS - 1 are the series colours. */
enum {
  HEL_CHART_COLOUR_GOOD = HEL_CHART_N_SERIES_COLOURS,
  HEL_CHART_COLOUR_WARNING,
  HEL_CHART_COLOUR_BAD,
  HEL_CHART_COLOUR_WORST,
  HEL_CHART_COLOUR_MUTED,
  HEL_CHART_COLOUR_NONE = -1,
};

typedef struct {
  char      *name;
  int        colour;
  GArray    *values;   /* double per category; NAN: nothing there */
  GPtrArray *labels;   /* char* per category (NULL: none), drawn at the value */
  GArray    *hidden;   /* gboolean per category: a count under 5, drawn hatched, not to scale */
  gboolean   thin;     /* a secondary line */
  GArray    *point_colours; /* int per category: the point's fill (e.g. its SDQ band), or NONE */
  int        panel;     /* the small panel it is drawn in (see HelChartPanel), or -1: the plot */
} HelChartSeries;

typedef struct {
  double  from;
  double  to;
  int     colour;
  char   *label;
} HelChartBand;

typedef struct {
  double  value;
  char   *label;
} HelChartReference;

/* A small multiple under the main plot: one series on its own scale with its own bands (an SDQ
 * scale 0-10 with the scale's band table), over the chart's categories. */
typedef struct {
  char   *title;
  guint   series;
  double  y_max;
  GArray *bands;     /* HelChartBand, on the panel's scale */
} HelChartPanel;

typedef enum {
  HEL_CHART_ROW_PLAIN,
  HEL_CHART_ROW_INDENTED,
  HEL_CHART_ROW_SUM,
} HelChartRowKind;

struct _HelChart {
  HelChartKind   kind;
  HelChartShape  shape;
  char          *title;
  char          *subtitle;
  char          *note;
  gboolean       empty;
  char          *empty_text;

  GPtrArray     *categories;   /* char* */
  GPtrArray     *series;       /* HelChartSeries* */
  GArray        *bands;        /* HelChartBand */
  GArray        *references;   /* HelChartReference */
  double         y_min;
  double         y_max;
  double         y_step;
  gboolean       y_percent;
  GArray        *changes;      /* int per category: +1/-1 a clinically relevant change */
  GPtrArray     *panels;       /* HelChartPanel*, drawn in a grid under the plot */

  GPtrArray     *header;       /* char*, tables */
  GPtrArray     *rows;         /* GPtrArray* of char* */
  GArray        *row_kinds;    /* HelChartRowKind */
  GArray        *row_colours;  /* int: a coloured mark before the row's 3rd cell, or NONE */
};

HelChart       *_hel_chart_new_empty     (HelChartKind    kind,
                                          HelChartShape   shape,
                                          const char     *title);
HelChartSeries *_hel_chart_add_series    (HelChart       *chart,
                                          const char     *name,
                                          int             colour);
/* Appends a category; every series gets NAN / no label / not hidden for it. */
guint           _hel_chart_add_category  (HelChart       *chart,
                                          const char     *label);
void            _hel_chart_set_value     (HelChartSeries *series,
                                          guint           category,
                                          double          value,
                                          const char     *label,
                                          gboolean        hidden);
/* Fills the point of @category with @colour (e.g. the band the value falls in). */
void            _hel_chart_set_point_colour (HelChartSeries *series,
                                          guint           category,
                                          int             colour);
void            _hel_chart_add_band      (HelChart       *chart,
                                          double          from,
                                          double          to,
                                          int             colour,
                                          const char     *label);
void            _hel_chart_add_reference (HelChart       *chart,
                                          double          value,
                                          const char     *label);
/* Moves @series out of the main plot into a new small panel titled @title, 0 to @y_max;
 * returns the panel's index for _hel_chart_add_panel_band (). */
guint           _hel_chart_add_panel     (HelChart       *chart,
                                          HelChartSeries *series,
                                          const char     *title,
                                          double          y_max);
void            _hel_chart_add_panel_band (HelChart      *chart,
                                          guint           panel,
                                          double          from,
                                          double          to,
                                          int             colour,
                                          const char     *label);
/* Every band colour the chart shows (its bands and its panels' bands), each once, in the
 * colours' order (good before warning before bad), with the first label given for it: what the
 * legend lists. HelChartBand with from/to unused; the labels are the chart's own. */
GArray         *_hel_chart_band_colours  (const HelChart *chart);
/* Where @value of @category lands in panel @panel of a width x height drawing; FALSE when the
 * chart has no such panel. For tests and hit-testing. */
gboolean        _hel_chart_locate_in_panel (const HelChart      *chart,
                                          const HelChartStyle *style,
                                          double               width,
                                          double               height,
                                          guint                panel,
                                          guint                category,
                                          double               value,
                                          double              *x,
                                          double              *y);
typedef enum {
  HEL_CHART_MARK_LABEL,            /* a value's label (or its change arrow) */
  HEL_CHART_MARK_REFERENCE_LABEL,  /* a population line's label */
  HEL_CHART_MARK_SHAPE,            /* a point, a bar or a segment */
  HEL_CHART_MARK_CELL,             /* a table's cell (not its header) */
  HEL_CHART_MARK_NOTE,             /* the words under the chart */
} HelChartMarkKind;

typedef struct {
  double           x, y, width, height;
  HelChartMarkKind kind;
} HelChartMark;

/* HelChartMark: where hel_render_chart () puts the plot's labels, points and bars, a table's
 * cells and the note on a width x height drawing. For tests. */
GArray         *_hel_chart_layout_marks  (const HelChart      *chart,
                                          const HelChartStyle *style,
                                          double               width,
                                          double               height);
/* A table row of @n cells (copied). */
void            _hel_chart_add_row       (HelChart       *chart,
                                          HelChartRowKind kind,
                                          int             colour,
                                          const char    **cells,
                                          guint           n);
/* A y axis from 0 to a round number above @max with a round step. */
void            _hel_chart_fit_axis      (HelChart       *chart,
                                          double          max);

G_END_DECLS
