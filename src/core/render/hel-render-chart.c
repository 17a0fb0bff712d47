/* hel-render-chart.c: draws a chart (lines, grouped or stacked bars, or a table) with its title,
 * legend, bands, population lines and note on any cairo_t; and writes PNG, SVG and PDF files. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "hel-render-chart-private.h"
#include "hel-private-file.h"

#define RGB(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }

void
hel_chart_style_init (HelChartStyle *style,
                      HelChartTheme  theme)
{
  /* The GNOME palette (blue 3, orange 3, green 4, purple 3, brown 3, teal, red 3, yellow 5). */
  static const HelChartColour light_series[HEL_CHART_N_SERIES_COLOURS] = {
    RGB (0x35, 0x84, 0xe4), RGB (0xe6, 0x61, 0x00), RGB (0x2e, 0xc2, 0x7e), RGB (0x91, 0x41, 0xac),
    RGB (0x98, 0x6a, 0x44), RGB (0x21, 0x90, 0xa4), RGB (0xc0, 0x1c, 0x28), RGB (0xe5, 0xa5, 0x0a),
  };
  static const HelChartColour dark_series[HEL_CHART_N_SERIES_COLOURS] = {
    RGB (0x62, 0xa0, 0xea), RGB (0xff, 0xa3, 0x48), RGB (0x57, 0xe3, 0x89), RGB (0xc0, 0x61, 0xcb),
    RGB (0xcd, 0xab, 0x8f), RGB (0x5b, 0xc8, 0xaf), RGB (0xf6, 0x61, 0x51), RGB (0xf8, 0xe4, 0x5c),
  };

  memset (style, 0, sizeof *style);
  style->text_scale = 1.0;
  style->line_scale = 1.0;
  style->band_alpha = 0.16;
  switch (theme)
    {
    case HEL_CHART_THEME_DARK:
      style->background = (HelChartColour) RGB (0x24, 0x24, 0x24);
      style->text = (HelChartColour) RGB (0xff, 0xff, 0xff);
      style->muted_text = (HelChartColour) RGB (0xc0, 0xbf, 0xbc);
      style->grid = (HelChartColour) RGB (0x45, 0x45, 0x45);
      style->axis = (HelChartColour) RGB (0x9a, 0x99, 0x96);
      style->reference = (HelChartColour) RGB (0xff, 0xff, 0xff);
      memcpy (style->series, dark_series, sizeof dark_series);
      style->good = (HelChartColour) RGB (0x57, 0xe3, 0x89);
      style->warning = (HelChartColour) RGB (0xf8, 0xe4, 0x5c);
      style->bad = (HelChartColour) RGB (0xf6, 0x61, 0x51);
      style->worst = (HelChartColour) RGB (0xc0, 0x1c, 0x28);
      style->band_alpha = 0.22;
      break;
    case HEL_CHART_THEME_HIGH_CONTRAST:
      style->background = (HelChartColour) RGB (0xff, 0xff, 0xff);
      style->text = (HelChartColour) RGB (0, 0, 0);
      style->muted_text = (HelChartColour) RGB (0, 0, 0);
      style->grid = (HelChartColour) RGB (0x77, 0x76, 0x7b);
      style->axis = (HelChartColour) RGB (0, 0, 0);
      style->reference = (HelChartColour) RGB (0, 0, 0);
      memcpy (style->series, light_series, sizeof light_series);
      style->good = (HelChartColour) RGB (0x26, 0xa2, 0x69);
      style->warning = (HelChartColour) RGB (0xe5, 0xa5, 0x0a);
      style->bad = (HelChartColour) RGB (0xc0, 0x1c, 0x28);
      style->worst = (HelChartColour) RGB (0x63, 0x14, 0x1b);
      style->band_alpha = 0.28;
      style->line_scale = 1.6;
      break;
    case HEL_CHART_THEME_LIGHT:
    default:
      style->background = (HelChartColour) RGB (0xff, 0xff, 0xff);
      style->text = (HelChartColour) RGB (0x24, 0x1f, 0x31);
      style->muted_text = (HelChartColour) RGB (0x5e, 0x5c, 0x64);
      style->grid = (HelChartColour) RGB (0xde, 0xdd, 0xda);
      style->axis = (HelChartColour) RGB (0x77, 0x76, 0x7b);
      style->reference = (HelChartColour) RGB (0x24, 0x1f, 0x31);
      memcpy (style->series, light_series, sizeof light_series);
      style->good = (HelChartColour) RGB (0x2e, 0xc2, 0x7e);
      style->warning = (HelChartColour) RGB (0xf5, 0xc2, 0x11);
      style->bad = (HelChartColour) RGB (0xe0, 0x1b, 0x24);
      style->worst = (HelChartColour) RGB (0xa5, 0x1d, 0x2d);
      break;
    }
}

/* ---- Layout ---- */

typedef struct {
  double x, y, width, height;
} Rect;

typedef struct {
  const HelChart      *chart;
  const HelChartStyle *style;
  double               width, height;
  double               k;          /* scale of text and lines */
  double               pad;
  double               title_y, subtitle_y, legend_y;
  Rect                 plot;       /* the plot, or the table */
  double               x_labels_y;
  double               note_y;
  /* Small multiples under the plot (HelChart.panels): a grid of panel_columns columns, each
   * panel a title panel_title_h high over a plot panel_plot.width x panel_plot.height; the
   * first panel's plot at panel_plot.x, panel_plot.y. */
  guint                panel_columns;
  double               panel_title_h;
  double               panel_gap;
  Rect                 panel_plot;
  /* HelChartMark: what the plot has drawn where, so the population lines' labels can keep clear
   * of the values' labels; NULL while only measuring. */
  GArray              *marks;
} Layout;

static void
add_mark (const Layout     *l,
          HelChartMarkKind  kind,
          double            x,
          double            y,
          double            width,
          double            height)
{
  HelChartMark mark = { x, y, width, height, kind };

  if (l->marks != NULL)
    g_array_append_val (l->marks, mark);
}

static const HelChartColour *
colour_of (const HelChartStyle *style,
           int                  colour)
{
  if (colour >= 0 && colour < HEL_CHART_N_SERIES_COLOURS)
    return &style->series[colour];
  switch (colour)
    {
    case HEL_CHART_COLOUR_GOOD:
      return &style->good;
    case HEL_CHART_COLOUR_WARNING:
      return &style->warning;
    case HEL_CHART_COLOUR_BAD:
      return &style->bad;
    case HEL_CHART_COLOUR_WORST:
      return &style->worst;
    default:
      return &style->muted_text;
    }
}

static void
set_colour (cairo_t              *cr,
            const HelChartColour *colour,
            double                alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

/* How strongly a band of @colour is tinted: "very high" twice as strongly as the others, so it
 * stands apart from "abnormal" next to it. */
static double
band_tint (const HelChartStyle *style,
           int                  colour)
{
  return style->band_alpha * (colour == HEL_CHART_COLOUR_WORST ? 2.0 : 1.0);
}

static PangoLayout *
make_text (cairo_t       *cr,
           const Layout  *l,
           const char    *text,
           double         px,
           gboolean       bold,
           double         wrap_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, l->style->font_family ? l->style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, px * l->k * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *w,
           double      *h)
{
  int pw, ph;

  pango_layout_get_pixel_size (layout, &pw, &ph);
  if (w)
    *w = pw;
  if (h)
    *h = ph;
}

/* Draws text with its anchor at (x, y): ax/ay 0 = left/top, 0.5 = centre, 1 = right/bottom;
 * records where it went as a @kind mark unless @kind is -1. Returns its height. */
static double
draw_marked_text (cairo_t              *cr,
                  const Layout         *l,
                  int                   kind,
                  const char           *text,
                  double                x,
                  double                y,
                  double                px,
                  gboolean              bold,
                  const HelChartColour *colour,
                  double                ax,
                  double                ay,
                  double                wrap_width)
{
  g_autoptr(PangoLayout) layout = make_text (cr, l, text, px, bold, wrap_width);
  double w, h, left;

  text_size (layout, &w, &h);
  if (wrap_width > 0 && ax > 0)
    pango_layout_set_alignment (layout, ax >= 1 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
  left = x - (wrap_width > 0 ? wrap_width : w) * ax;
  cairo_save (cr);
  set_colour (cr, colour, 1);
  cairo_move_to (cr, left, y - h * ay);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  if (kind >= 0)
    {
      /* The ink's box, not the wrap box: a centred wrapped line is only as wide as its text. */
      double ink_left = wrap_width > 0 ? left + (wrap_width - w) * ax : left;
      add_mark (l, kind, ink_left, y - h * ay, w, h);
    }
  return h;
}

static double
draw_text (cairo_t              *cr,
           const Layout         *l,
           const char           *text,
           double                x,
           double                y,
           double                px,
           gboolean              bold,
           const HelChartColour *colour,
           double                ax,
           double                ay,
           double                wrap_width)
{
  return draw_marked_text (cr, l, -1, text, x, y, px, bold, colour, ax, ay, wrap_width);
}

static double
measure_height (cairo_t      *cr,
                const Layout *l,
                const char   *text,
                double        px,
                gboolean      bold,
                double        wrap_width)
{
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = make_text (cr, l, text, px, bold, wrap_width);
  text_size (layout, NULL, &h);
  return h;
}

static double
measure_width (cairo_t      *cr,
               const Layout *l,
               const char   *text,
               double        px,
               gboolean      bold)
{
  g_autoptr(PangoLayout) layout = make_text (cr, l, text, px, bold, 0);
  double w;

  text_size (layout, &w, NULL);
  return w;
}

static char *
tick_label (const HelChart *chart,
            double          value)
{
  g_autofree char *number = hel_format_decimal (value, chart->y_step < 1 ? 1 : 0);

  return chart->y_percent ? g_strdup_printf ("%s %%", number) : g_strdup (number);
}

/* Legend entries: the series (main ones first), then bands and population lines. */
typedef struct {
  const char *label;
  int         colour;
  int         kind;    /* 0 swatch, 1 line, 2 dashed reference, 3 band */
} LegendItem;

static GArray *
legend_items (const HelChart *chart)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (LegendItem));

  /* One series alone needs no legend, unless it is a line among bands. */
  g_autoptr(GArray) bands = _hel_chart_band_colours (chart);

  /* A series in a panel is named by the panel's title instead. */
  if (chart->series->len > 1 || chart->shape == HEL_CHART_SHAPE_LINES)
    for (guint s = 0; s < chart->series->len; s++)
      {
        const HelChartSeries *series = chart->series->pdata[s];
        LegendItem item = { series->name, series->colour,
                            chart->shape == HEL_CHART_SHAPE_LINES ? 1 : 0 };
        if (series->panel < 0)
          g_array_append_val (items, item);
      }
  /* Every band colour in the chart, the panels' too, once. */
  for (guint b = 0; b < bands->len; b++)
    {
      const HelChartBand *band = &g_array_index (bands, HelChartBand, b);
      LegendItem item = { band->label, band->colour, 3 };
      g_array_append_val (items, item);
    }
  for (guint r = 0; r < chart->references->len; r++)
    {
      const HelChartReference *ref = &g_array_index (chart->references, HelChartReference, r);
      LegendItem item = { ref->label, HEL_CHART_COLOUR_NONE, 2 };
      g_array_append_val (items, item);
    }
  return items;
}

#define LEGEND_PX 11.0
#define SWATCH 12.0

/* Lays the legend out in rows; draws it when @draw. Returns its height. */
static double
place_legend (cairo_t      *cr,
              const Layout *l,
              double        y,
              gboolean      draw)
{
  g_autoptr(GArray) items = legend_items (l->chart);
  double x = l->pad, row_h = 0, total = 0;
  double gap = 14 * l->k, swatch = SWATCH * l->k;

  for (guint i = 0; i < items->len; i++)
    {
      const LegendItem *item = &g_array_index (items, LegendItem, i);
      double w = swatch + 5 * l->k + measure_width (cr, l, item->label, LEGEND_PX, FALSE);
      double h = MAX (swatch, measure_height (cr, l, item->label, LEGEND_PX, FALSE, 0));

      if (x > l->pad && x + w > l->width - l->pad)
        {
          total += row_h + 4 * l->k;
          x = l->pad;
          row_h = 0;
        }
      if (draw)
        {
          double cy = y + total + h / 2;
          const HelChartColour *colour = item->kind == 2 ? &l->style->reference
                                                          : colour_of (l->style, item->colour);
          cairo_save (cr);
          switch (item->kind)
            {
            case 1:
            case 2:
              set_colour (cr, colour, 1);
              cairo_set_line_width (cr, (item->kind == 1 ? 3 : 1.5) * l->k * l->style->line_scale);
              if (item->kind == 2)
                cairo_set_dash (cr, (double[]) { 5 * l->k, 3 * l->k }, 2, 0);
              cairo_move_to (cr, x, cy);
              cairo_line_to (cr, x + swatch, cy);
              cairo_stroke (cr);
              break;
            case 3:
              set_colour (cr, colour, band_tint (l->style, item->colour) * 2.2);
              cairo_rectangle (cr, x, cy - swatch / 2, swatch, swatch);
              cairo_fill (cr);
              break;
            default:
              set_colour (cr, colour, 1);
              cairo_rectangle (cr, x, cy - swatch / 2, swatch, swatch);
              cairo_fill (cr);
              break;
            }
          cairo_restore (cr);
          draw_text (cr, l, item->label, x + swatch + 5 * l->k, cy, LEGEND_PX, FALSE,
                     &l->style->text, 0, 0.5, 0);
        }
      x += w + gap;
      row_h = MAX (row_h, h);
    }
  return items->len ? total + row_h : 0;
}

static void layout_panels (cairo_t *cr,
                           Layout  *l,
                           double   x_labels_h);

/* Lays the chart out at the scale @k of its text and lines. */
static void
layout_at_scale (cairo_t             *cr,
                 const HelChart      *chart,
                 const HelChartStyle *style,
                 double               width,
                 double               height,
                 double               k,
                 Layout              *l)
{
  double y, note_h, x_labels_h = 0, y_labels_w = 0;

  memset (l, 0, sizeof *l);
  l->chart = chart;
  l->style = style;
  l->width = width;
  l->height = height;
  l->k = k;
  l->pad = 16 * l->k;

  y = l->pad;
  l->title_y = y;
  y += measure_height (cr, l, chart->title, 16, TRUE, width - 2 * l->pad);
  l->subtitle_y = y + 2 * l->k;
  if (chart->subtitle)
    y += 2 * l->k + measure_height (cr, l, chart->subtitle, 11, FALSE, width - 2 * l->pad);
  l->legend_y = y + 8 * l->k;
  if (chart->shape != HEL_CHART_SHAPE_TABLE && !chart->empty)
    y = l->legend_y + place_legend (cr, l, l->legend_y, FALSE);
  y += 12 * l->k;

  note_h = chart->note ? measure_height (cr, l, chart->note, 9.5, FALSE, width - 2 * l->pad) : 0;
  l->note_y = height - l->pad - note_h;

  if (chart->shape != HEL_CHART_SHAPE_TABLE)
    {
      for (guint c = 0; c < chart->categories->len; c++)
        x_labels_h = MAX (x_labels_h, measure_height (cr, l, chart->categories->pdata[c], 10,
                                                      FALSE, 0));
      for (double v = chart->y_min; v <= chart->y_max + 1e-9; v += chart->y_step)
        {
          g_autofree char *label = tick_label (chart, v);
          y_labels_w = MAX (y_labels_w, measure_width (cr, l, label, 10, FALSE));
        }
      x_labels_h += 6 * l->k;
    }
  l->plot.x = l->pad + (y_labels_w > 0 ? y_labels_w + 8 * l->k : 0);
  l->plot.y = y;
  l->plot.width = MAX (10, width - l->pad - l->plot.x);
  l->plot.height = MAX (10, l->note_y - 8 * l->k - x_labels_h - y);
  if (chart->panels->len > 0 && chart->shape == HEL_CHART_SHAPE_LINES && !chart->empty)
    layout_panels (cr, l, x_labels_h);
  l->x_labels_y = l->plot.y + l->plot.height + 6 * l->k;
}

/* A table's columns and rows as draw_table () sets them. */
typedef struct {
  guint   n_columns;
  double *widths;     /* per column */
  double  px;         /* the text size, smaller when the table is too wide */
  double  total;      /* the columns' widths together */
  double  gap;        /* between columns */
  double  row_h;
} TableMetrics;

static gboolean
right_aligned (const HelChart *chart,
               guint           column)
{
  return chart->kind == HEL_CHART_PROJECT_ECONOMY && column > 0;
}

static void
measure_table (cairo_t      *cr,
               const Layout *l,
               TableMetrics *m)
{
  const HelChart *chart = l->chart;

  m->n_columns = chart->header->len;
  m->widths = g_new0 (double, MAX (m->n_columns, 1));
  m->px = 11;
  m->total = 0;
  /* Column widths from the widest cell; the text shrinks if the table is too wide. */
  for (int attempt = 0; attempt < 6 && m->n_columns > 0; attempt++)
    {
      m->total = 0;
      for (guint c = 0; c < m->n_columns; c++)
        {
          m->widths[c] = measure_width (cr, l, chart->header->pdata[c], m->px, TRUE);
          for (guint r = 0; r < chart->rows->len; r++)
            {
              GPtrArray *row = chart->rows->pdata[r];
              double extra = (c == 0 && g_array_index (chart->row_kinds, HelChartRowKind, r) ==
                                         HEL_CHART_ROW_INDENTED) ? 16 * l->k : 0;
              extra += (c == 3 && g_array_index (chart->row_colours, int, r) !=
                                    HEL_CHART_COLOUR_NONE) ? 16 * l->k : 0;
              if (c < row->len)
                m->widths[c] = MAX (m->widths[c], extra + measure_width (cr, l, row->pdata[c],
                                                                         m->px, FALSE));
            }
          m->total += m->widths[c];
        }
      if (m->total + 24 * l->k * (m->n_columns - 1) <= l->plot.width || m->px <= 7)
        break;
      m->px -= 1;
    }
  m->gap = m->n_columns > 1 ? MAX (12 * l->k, (l->plot.width - m->total) / (m->n_columns - 1))
                            : 0;
  m->gap = MIN (m->gap, 48 * l->k);
  m->row_h = measure_height (cr, l, "Åg", m->px, FALSE, 0) + 9 * l->k;
}

/* Between a table's last row and the note under it (draw_table () stops at the first row that
 * would come nearer the note than 4 of these units). */
#define TABLE_NOTE_GAP 10.0

/* The height a table (or an empty chart) needs at scale @k to show its header, every row and its
 * note. */
static double
needed_height_at_scale (cairo_t             *cr,
                        const HelChart      *chart,
                        const HelChartStyle *style,
                        double               width,
                        double               k)
{
  double note_h, content;
  Layout l;

  /* The height only places the note, which is measured on its own below. */
  layout_at_scale (cr, chart, style, width, 1000, k, &l);
  note_h = chart->note ? measure_height (cr, &l, chart->note, 9.5, FALSE, width - 2 * l.pad) : 0;
  if (chart->empty || chart->shape != HEL_CHART_SHAPE_TABLE || chart->header->len == 0)
    content = 3 * measure_height (cr, &l, "Åg", 13, FALSE, 0);
  else
    {
      TableMetrics m;

      measure_table (cr, &l, &m);
      content = m.row_h * (chart->rows->len + 1) + TABLE_NOTE_GAP * k;
      g_free (m.widths);
    }
  /* A pixel to spare: the rows are added up one by one when drawn. */
  return ceil (l.plot.y + content + note_h + l.pad + 1);
}

/* The text as large as the width allows: a plot's text also shrinks with its height (it fills the
 * box it gets), a table's only when its rows would not fit. */
static double
width_scale (const HelChartStyle *style,
             double               width)
{
  return CLAMP (width / 760.0, 0.55, 3.0) * style->text_scale;
}

static void
compute_layout (cairo_t             *cr,
                const HelChart      *chart,
                const HelChartStyle *style,
                double               width,
                double               height,
                Layout              *l)
{
  double k = CLAMP (MIN (width / 760.0, height / 470.0), 0.55, 3.0) * style->text_scale;

  if (chart->shape == HEL_CHART_SHAPE_TABLE)
    {
      double smallest = 0.55 * style->text_scale;

      k = width_scale (style, width);
      for (int attempt = 0; attempt < 8 && k > smallest; attempt++)
        {
          double needed = needed_height_at_scale (cr, chart, style, width, k);

          if (needed <= height)
            break;
          k = MAX (smallest, k * MIN (0.98, height / needed));
        }
    }
  layout_at_scale (cr, chart, style, width, height, k, l);
  /* Given more room than it needs, a table keeps its note right under it, not at the bottom. */
  if (chart->shape == HEL_CHART_SHAPE_TABLE && !chart->empty && chart->header->len > 0)
    {
      TableMetrics m;

      measure_table (cr, l, &m);
      l->note_y = MIN (l->note_y, l->plot.y + m.row_h * (chart->rows->len + 1) +
                                  TABLE_NOTE_GAP * l->k);
      g_free (m.widths);
    }
}

/* Takes about two fifths of the plot's height for the panels: one row of them when each gets
 * 120 px (at the text scale), else rows of three. */
static void
layout_panels (cairo_t *cr,
               Layout  *l,
               double   x_labels_h)
{
  const HelChart *chart = l->chart;
  guint n = chart->panels->len, rows;
  double available = l->plot.height, block;

  l->panel_gap = 14 * l->k;
  l->panel_columns = (l->plot.width - (n - 1) * l->panel_gap) / n >= 120 * l->k ? n : MIN (n, 3);
  rows = (n + l->panel_columns - 1) / l->panel_columns;
  l->panel_plot.width = (l->plot.width - (l->panel_columns - 1) * l->panel_gap) /
                        l->panel_columns;
  l->panel_title_h = 0;
  for (guint p = 0; p < n; p++)
    {
      const HelChartPanel *panel = chart->panels->pdata[p];
      l->panel_title_h = MAX (l->panel_title_h, measure_height (cr, l, panel->title, 9.5, TRUE,
                                                                l->panel_plot.width));
    }
  l->panel_title_h += 3 * l->k;
  block = MAX (l->panel_title_h + 30 * l->k, available * 0.42 / rows);
  l->panel_plot.height = MAX (10, block - l->panel_title_h - l->panel_gap);
  l->plot.height = MAX (10, available - rows * block);
  l->panel_plot.x = l->plot.x;
  l->panel_plot.y = l->plot.y + l->plot.height + x_labels_h + l->panel_gap + l->panel_title_h;
}

/* The plot of panel @p. */
static Rect
panel_rect (const Layout *l,
            guint         p)
{
  Rect r = l->panel_plot;
  guint column = p % MAX (1, l->panel_columns), row = p / MAX (1, l->panel_columns);

  r.x += column * (r.width + l->panel_gap);
  r.y += row * (r.height + l->panel_title_h + l->panel_gap);
  return r;
}

static double
panel_value_y (const Rect          *r,
               const HelChartPanel *panel,
               double               value)
{
  double t = panel->y_max > 0 ? CLAMP (value, 0, panel->y_max) / panel->y_max : 0;

  return r->y + r->height * (1 - t);
}

static double
panel_category_x (const Layout *l,
                  const Rect   *r,
                  guint         category)
{
  return r->x + r->width / MAX (1, l->chart->categories->len) * (category + 0.5);
}

static double
value_y (const Layout *l,
         double        value)
{
  const HelChart *chart = l->chart;
  double span = chart->y_max - chart->y_min;
  double t = span > 0 ? (CLAMP (value, chart->y_min, chart->y_max) - chart->y_min) / span : 0;

  return l->plot.y + l->plot.height * (1 - t);
}

static double
slot_width (const Layout *l)
{
  return l->plot.width / MAX (1, l->chart->categories->len);
}

static double
category_x (const Layout *l,
            guint         category)
{
  return l->plot.x + slot_width (l) * (category + 0.5);
}

static void
bar_geometry (const Layout *l,
              guint         category,
              guint         series,
              double       *x,
              double       *w)
{
  guint n = MAX (1, l->chart->series->len);
  double group = slot_width (l) * (n == 1 ? 0.55 : 0.78);
  double bar = group / n;

  *x = category_x (l, category) - group / 2 + bar * series;
  *w = bar;
}

/* ---- Drawing ---- */

static void
draw_hatched (cairo_t              *cr,
              const Layout         *l,
              const HelChartColour *colour,
              double                x,
              double                y,
              double                w,
              double                h)
{
  double step = 5 * l->k;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip_preserve (cr);
  set_colour (cr, colour, 0.18);
  cairo_fill_preserve (cr);
  set_colour (cr, colour, 1);
  cairo_set_line_width (cr, 1.2 * l->k);
  cairo_stroke (cr);
  for (double d = -h; d < w; d += step)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_set_line_width (cr, 1 * l->k);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_axes (cairo_t      *cr,
           const Layout *l)
{
  const HelChart *chart = l->chart;
  const HelChartStyle *style = l->style;

  /* Bands behind everything. */
  for (guint b = 0; b < chart->bands->len; b++)
    {
      const HelChartBand *band = &g_array_index (chart->bands, HelChartBand, b);
      double top = value_y (l, band->to), bottom = value_y (l, band->from);

      set_colour (cr, colour_of (style, band->colour), band_tint (style, band->colour));
      cairo_rectangle (cr, l->plot.x, top, l->plot.width, bottom - top);
      cairo_fill (cr);
    }

  cairo_set_line_width (cr, 1 * l->k);
  for (double v = chart->y_min; v <= chart->y_max + 1e-9; v += chart->y_step)
    {
      double y = round (value_y (l, v)) + 0.5;
      g_autofree char *label = tick_label (chart, v);

      set_colour (cr, v == chart->y_min ? &style->axis : &style->grid, 1);
      cairo_move_to (cr, l->plot.x, y);
      cairo_line_to (cr, l->plot.x + l->plot.width, y);
      cairo_stroke (cr);
      draw_text (cr, l, label, l->plot.x - 6 * l->k, y, 10, FALSE, &style->muted_text, 1, 0.5, 0);
    }
  for (guint c = 0; c < chart->categories->len; c++)
    draw_text (cr, l, chart->categories->pdata[c], category_x (l, c), l->x_labels_y, 10, FALSE,
               &style->text, 0.5, 0, slot_width (l) * 0.98);
}

/* The population lines, behind the values; their labels come last (draw_reference_labels). */
static void
draw_references (cairo_t      *cr,
                 const Layout *l)
{
  const HelChart *chart = l->chart;

  for (guint r = 0; r < chart->references->len; r++)
    {
      const HelChartReference *ref = &g_array_index (chart->references, HelChartReference, r);
      double y = value_y (l, ref->value);

      cairo_save (cr);
      set_colour (cr, &l->style->reference, 0.85);
      cairo_set_line_width (cr, 1.5 * l->k * l->style->line_scale);
      cairo_set_dash (cr, (double[]) { 6 * l->k, 4 * l->k }, 2, 0);
      cairo_move_to (cr, l->plot.x, y);
      cairo_line_to (cr, l->plot.x + l->plot.width, y);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static double
overlap_area (const Rect         *a,
              const HelChartMark *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0 && h > 0 ? w * h : 0;
}

/* How badly a label at @r would sit: over another label is much worse than over a point or a
 * bar, and outside the plot worse still. 0: clear. */
static double
label_cost (const Layout *l,
            const Rect   *r)
{
  double cost = 0;

  if (r->x < l->plot.x - 0.5 || r->x + r->width > l->plot.x + l->plot.width + 0.5 ||
      r->y < l->plot.y - 0.5 || r->y + r->height > l->plot.y + l->plot.height + 0.5)
    cost += 1e9;
  for (guint i = 0; i < l->marks->len; i++)
    {
      const HelChartMark *mark = &g_array_index (l->marks, HelChartMark, i);
      double area = overlap_area (r, mark);

      cost += mark->kind == HEL_CHART_MARK_SHAPE ? area : 100 * area;
    }
  return cost;
}

/* Each population line's label just above or below its line, where it is clear of the values and
 * their labels: at the right end if it can, else at the left end, else in a gap between two
 * categories; failing that where it covers the least. */
static void
draw_reference_labels (cairo_t      *cr,
                       const Layout *l)
{
  const HelChart *chart = l->chart;
  guint n_categories = MAX (1, chart->categories->len);

  for (guint r = 0; r < chart->references->len; r++)
    {
      const HelChartReference *ref = &g_array_index (chart->references, HelChartReference, r);
      g_autoptr(PangoLayout) layout = make_text (cr, l, ref->label, 9.5, FALSE, 0);
      double y = value_y (l, ref->value), w, h, best_cost = INFINITY;
      double inset = 4 * l->k, clear = 2 * l->k;
      Rect best = { 0, 0, 0, 0 };
      g_autoptr(GArray) lefts = g_array_new (FALSE, FALSE, sizeof (double));

      text_size (layout, &w, &h);
      {
        double right = l->plot.x + l->plot.width - inset - w, left = l->plot.x + inset;
        g_array_append_val (lefts, right);
        g_array_append_val (lefts, left);
      }
      /* The gaps between categories, from the right. */
      for (guint c = n_categories - 1; c >= 1; c--)
        {
          double centre = l->plot.x + slot_width (l) * c - w / 2;
          g_array_append_val (lefts, centre);
        }
      for (guint i = 0; i < lefts->len && best_cost > 0; i++)
        for (guint below = 0; below < 2 && best_cost > 0; below++)
          {
            Rect candidate = { g_array_index (lefts, double, i), below ? y + clear : y - clear - h,
                               w, h };
            double cost = label_cost (l, &candidate);

            if (cost < best_cost)
              {
                best_cost = cost;
                best = candidate;
              }
          }
      draw_marked_text (cr, l, HEL_CHART_MARK_REFERENCE_LABEL, ref->label, best.x, best.y, 9.5,
                        FALSE, &l->style->reference, 0, 0, 0);
    }
}

static void
draw_lines (cairo_t      *cr,
            const Layout *l)
{
  const HelChart *chart = l->chart;
  const HelChartStyle *style = l->style;

  /* Thin series first, the main one on top. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint s = 0; s < chart->series->len; s++)
      {
        const HelChartSeries *series = chart->series->pdata[s];
        const HelChartColour *colour = colour_of (style, series->colour);
        gboolean started = FALSE;

        if ((pass == 0) != series->thin || series->panel >= 0)
          continue;
        cairo_save (cr);
        set_colour (cr, colour, series->thin ? 0.75 : 1);
        cairo_set_line_width (cr, (series->thin ? 1.6 : 3.0) * l->k * style->line_scale);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        if (series->thin)
          cairo_set_dash (cr, (double[]) { 4 * l->k, 3 * l->k }, 2, 0);
        for (guint c = 0; c < series->values->len; c++)
          {
            double v = g_array_index (series->values, double, c);
            if (isnan (v))
              {
                started = FALSE;
                continue;
              }
            if (started)
              cairo_line_to (cr, category_x (l, c), value_y (l, v));
            else
              cairo_move_to (cr, category_x (l, c), value_y (l, v));
            started = TRUE;
          }
        cairo_stroke (cr);
        cairo_restore (cr);

        for (guint c = 0; c < series->values->len; c++)
          {
            double v = g_array_index (series->values, double, c);
            const char *label = series->labels->pdata[c];
            int fill = g_array_index (series->point_colours, int, c);
            double x = category_x (l, c), r = (series->thin ? 2.5 : 5.5) * l->k;

            if (isnan (v))
              {
                if (label != NULL && !series->thin)
                  draw_marked_text (cr, l, HEL_CHART_MARK_LABEL, label, x,
                                    l->plot.y + l->plot.height - 4 * l->k, 9.5, FALSE,
                                    &style->muted_text, 0.5, 1, 0);
                continue;
              }
            if (fill != HEL_CHART_COLOUR_NONE && series->thin)
              {
                /* A scale's point in the colour of its band, ringed in the line's colour. */
                r = 4.5 * l->k;
                set_colour (cr, &style->background, 1);
                cairo_arc (cr, x, value_y (l, v), r + 1.5 * l->k, 0, 2 * G_PI);
                cairo_fill (cr);
                set_colour (cr, colour, 1);
                cairo_arc (cr, x, value_y (l, v), r, 0, 2 * G_PI);
                cairo_fill (cr);
                set_colour (cr, colour_of (style, fill), 1);
                cairo_arc (cr, x, value_y (l, v), r - 1.8 * l->k * style->line_scale, 0,
                           2 * G_PI);
                cairo_fill (cr);
              }
            else
              {
                set_colour (cr, &style->background, 1);
                cairo_arc (cr, x, value_y (l, v), r + 2 * l->k, 0, 2 * G_PI);
                cairo_fill (cr);
                set_colour (cr, colour, 1);
                cairo_arc (cr, x, value_y (l, v), r, 0, 2 * G_PI);
                cairo_fill (cr);
              }
            add_mark (l, HEL_CHART_MARK_SHAPE, x - r, value_y (l, v) - r, 2 * r, 2 * r);
            if (label != NULL && !series->thin)
              {
                int change = g_array_index (chart->changes, int, c);
                double top = value_y (l, v) - r - 4 * l->k;
                double h = draw_marked_text (cr, l, HEL_CHART_MARK_LABEL, label, x, top, 11, TRUE,
                                             &style->text, 0.5, 1, 0);

                if (change != 0)
                  draw_marked_text (cr, l, HEL_CHART_MARK_LABEL, change > 0 ? "▲" : "▼", x,
                                    top - h, 12, TRUE, change > 0 ? &style->good : &style->bad,
                                    0.5, 1, 0);
              }
          }
      }
}

static void
draw_bars (cairo_t      *cr,
           const Layout *l)
{
  const HelChart *chart = l->chart;
  const HelChartStyle *style = l->style;
  double zero = value_y (l, 0);

  for (guint s = 0; s < chart->series->len; s++)
    {
      const HelChartSeries *series = chart->series->pdata[s];
      const HelChartColour *colour = colour_of (style, series->colour);

      for (guint c = 0; c < series->values->len; c++)
        {
          double v = g_array_index (series->values, double, c);
          const char *label = series->labels->pdata[c];
          gboolean hidden = g_array_index (series->hidden, gboolean, c);
          double x, w, top;

          bar_geometry (l, c, s, &x, &w);
          if (isnan (v))
            {
              if (label != NULL)
                draw_marked_text (cr, l, HEL_CHART_MARK_LABEL, label, x + w / 2, zero - 4 * l->k,
                                  9.5, FALSE, &style->muted_text, 0.5, 1, 0);
              continue;
            }
          top = value_y (l, v);
          if (hidden)
            draw_hatched (cr, l, colour, x + w * 0.06, top, w * 0.88, zero - top);
          else
            {
              set_colour (cr, colour, 1);
              cairo_rectangle (cr, x + w * 0.06, top, w * 0.88, zero - top);
              cairo_fill (cr);
            }
          add_mark (l, HEL_CHART_MARK_SHAPE, x + w * 0.06, top, w * 0.88, zero - top);
          /* Labels only where they fit above their own bar. */
          if (label != NULL && (w >= measure_width (cr, l, label, 9.5, FALSE) + 2 * l->k ||
                                chart->series->len == 1))
            draw_marked_text (cr, l, HEL_CHART_MARK_LABEL, label, x + w / 2, top - 3 * l->k,
                              chart->series->len == 1 ? 11 : 9.5, chart->series->len == 1,
                              &style->text, 0.5, 1, 0);
        }
    }
}

static void
draw_stacked (cairo_t      *cr,
              const Layout *l)
{
  const HelChart *chart = l->chart;
  const HelChartStyle *style = l->style;

  for (guint c = 0; c < chart->categories->len; c++)
    {
      double base = 0;
      double w = slot_width (l) * 0.55, x = category_x (l, c) - w / 2;

      for (guint s = 0; s < chart->series->len; s++)
        {
          const HelChartSeries *series = chart->series->pdata[s];
          const HelChartColour *colour = colour_of (style, series->colour);
          double v = g_array_index (series->values, double, c);
          const char *label = series->labels->pdata[c];
          double y0, y1;

          if (isnan (v) || v <= 0)
            continue;
          y0 = value_y (l, base);
          y1 = value_y (l, base + v);
          if (g_array_index (series->hidden, gboolean, c))
            draw_hatched (cr, l, colour, x, y1, w, y0 - y1);
          else
            {
              set_colour (cr, colour, 1);
              cairo_rectangle (cr, x, y1, w, y0 - y1);
              cairo_fill (cr);
              /* A hairline between segments, in the background colour. */
              set_colour (cr, &style->background, 1);
              cairo_set_line_width (cr, 1 * l->k);
              cairo_move_to (cr, x, y1);
              cairo_line_to (cr, x + w, y1);
              cairo_stroke (cr);
            }
          if (label != NULL && y0 - y1 >= 13 * l->k)
            {
              /* Dark text on the light band colours, light text on the dark ones; on a hatched
               * segment the text sits on a plate of the background. */
              gboolean hidden = g_array_index (series->hidden, gboolean, c);
              gboolean dark = colour->red * 0.3 + colour->green * 0.59 + colour->blue * 0.11 > 0.55;
              HelChartColour ink = dark ? (HelChartColour) { 0.1, 0.1, 0.1, 1 }
                                        : (HelChartColour) { 1, 1, 1, 1 };
              if (hidden)
                {
                  double tw = measure_width (cr, l, label, 10, TRUE) + 6 * l->k;
                  double th = 13 * l->k;
                  set_colour (cr, &style->background, 0.9);
                  cairo_rectangle (cr, x + w / 2 - tw / 2, (y0 + y1) / 2 - th / 2, tw, th);
                  cairo_fill (cr);
                  ink = style->text;
                }
              draw_marked_text (cr, l, HEL_CHART_MARK_LABEL, label, x + w / 2, (y0 + y1) / 2, 10,
                                TRUE, &ink, 0.5, 0.5, 0);
            }
          add_mark (l, HEL_CHART_MARK_SHAPE, x, y1, w, y0 - y1);
          base += v;
        }
    }
}

/* Each panel: its title, its own bands, 0 and the top of its scale, and its series as a line
 * with the values at the points. */
static void
draw_panels (cairo_t      *cr,
             const Layout *l)
{
  const HelChart *chart = l->chart;
  const HelChartStyle *style = l->style;

  for (guint p = 0; p < chart->panels->len; p++)
    {
      const HelChartPanel *panel = chart->panels->pdata[p];
      const HelChartSeries *series = chart->series->pdata[panel->series];
      const HelChartColour *colour = colour_of (style, series->colour);
      Rect r = panel_rect (l, p);
      gboolean started = FALSE, room = r.width / MAX (1, chart->categories->len) >= 22 * l->k;

      draw_text (cr, l, panel->title, r.x, r.y - 3 * l->k, 9.5, TRUE, &style->text, 0, 1,
                 r.width);
      for (guint b = 0; b < panel->bands->len; b++)
        {
          const HelChartBand *band = &g_array_index (panel->bands, HelChartBand, b);
          double top = panel_value_y (&r, panel, band->to);
          double bottom = panel_value_y (&r, panel, band->from);

          set_colour (cr, colour_of (style, band->colour), band_tint (style, band->colour));
          cairo_rectangle (cr, r.x, top, r.width, bottom - top);
          cairo_fill (cr);
        }
      cairo_set_line_width (cr, 1 * l->k);
      for (guint end = 0; end < 2; end++)
        {
          double v = end ? panel->y_max : 0, y = round (panel_value_y (&r, panel, v)) + 0.5;

          set_colour (cr, end ? &style->grid : &style->axis, 1);
          cairo_move_to (cr, r.x, y);
          cairo_line_to (cr, r.x + r.width, y);
          cairo_stroke (cr);
          if (p % MAX (1, l->panel_columns) == 0)
            {
              g_autofree char *label = hel_format_decimal (v, 0);
              draw_text (cr, l, label, r.x - 6 * l->k, y, 9, FALSE, &style->muted_text, 1, 0.5, 0);
            }
        }

      cairo_save (cr);
      set_colour (cr, colour, 1);
      cairo_set_line_width (cr, 1.8 * l->k * style->line_scale);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint c = 0; c < series->values->len; c++)
        {
          double v = g_array_index (series->values, double, c);
          double x = panel_category_x (l, &r, c), y = panel_value_y (&r, panel, v);

          if (isnan (v))
            {
              started = FALSE;
              continue;
            }
          if (started)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          started = TRUE;
        }
      cairo_stroke (cr);
      cairo_restore (cr);
      for (guint c = 0; c < series->values->len; c++)
        {
          double v = g_array_index (series->values, double, c);
          const char *label = series->labels->pdata[c];
          double x = panel_category_x (l, &r, c), y = panel_value_y (&r, panel, v);
          double radius = 3 * l->k;

          if (isnan (v))
            continue;
          set_colour (cr, &style->background, 1);
          cairo_arc (cr, x, y, radius + 1.5 * l->k, 0, 2 * G_PI);
          cairo_fill (cr);
          set_colour (cr, colour, 1);
          cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
          cairo_fill (cr);
          if (label != NULL && room)
            {
              /* Above the point, or below it at the top of the scale. */
              gboolean below = v > panel->y_max * 0.8;
              draw_text (cr, l, label, x, below ? y + radius + 2 * l->k : y - radius - 2 * l->k,
                         9, TRUE, &style->text, 0.5, below ? 0 : 1, 0);
            }
        }
    }
}

static void
draw_table (cairo_t      *cr,
            const Layout *l)
{
  const HelChart *chart = l->chart;
  const HelChartStyle *style = l->style;
  TableMetrics m;
  g_autofree double *widths = NULL;
  guint n_columns;
  double total, gap, row_h, px, y = l->plot.y, indent = 16 * l->k;

  measure_table (cr, l, &m);
  widths = m.widths;
  n_columns = m.n_columns;
  total = m.total;
  gap = m.gap;
  row_h = m.row_h;
  px = m.px;
  if (n_columns == 0)
    return;

  /* Header. */
  {
    double x = l->plot.x;
    for (guint c = 0; c < n_columns; c++)
      {
        gboolean right = right_aligned (chart, c);
        draw_text (cr, l, chart->header->pdata[c], right ? x + widths[c] : x, y + row_h / 2, px,
                   TRUE, &style->text, right ? 1 : 0, 0.5, 0);
        x += widths[c] + gap;
      }
    y += row_h;
    set_colour (cr, &style->axis, 1);
    cairo_set_line_width (cr, 1.2 * l->k);
    cairo_move_to (cr, l->plot.x, y);
    cairo_line_to (cr, l->plot.x + total + gap * (n_columns - 1), y);
    cairo_stroke (cr);
  }
  for (guint r = 0; r < chart->rows->len; r++)
    {
      GPtrArray *row = chart->rows->pdata[r];
      HelChartRowKind kind = g_array_index (chart->row_kinds, HelChartRowKind, r);
      int mark = g_array_index (chart->row_colours, int, r);
      double x = l->plot.x;

      if (y + row_h > l->note_y - 4 * l->k)
        break;
      if (r % 2 == 1)
        {
          set_colour (cr, &style->grid, 0.45);
          cairo_rectangle (cr, l->plot.x - 4 * l->k, y, total + gap * (n_columns - 1) + 8 * l->k,
                           row_h);
          cairo_fill (cr);
        }
      if (kind == HEL_CHART_ROW_SUM && r > 0)
        {
          set_colour (cr, &style->axis, 1);
          cairo_set_line_width (cr, 1 * l->k);
          cairo_move_to (cr, l->plot.x, y);
          cairo_line_to (cr, l->plot.x + total + gap * (n_columns - 1), y);
          cairo_stroke (cr);
        }
      for (guint c = 0; c < n_columns && c < row->len; c++)
        {
          gboolean right = right_aligned (chart, c);
          double cx = x + (c == 0 && kind == HEL_CHART_ROW_INDENTED ? indent : 0);

          if (c == 3 && mark != HEL_CHART_COLOUR_NONE)
            {
              set_colour (cr, colour_of (style, mark), 1);
              cairo_arc (cr, cx + 5 * l->k, y + row_h / 2, 5 * l->k, 0, 2 * G_PI);
              cairo_fill (cr);
              cx += 16 * l->k;
            }
          draw_marked_text (cr, l, HEL_CHART_MARK_CELL, row->pdata[c],
                            right ? x + widths[c] : cx, y + row_h / 2, px,
                            kind == HEL_CHART_ROW_SUM, &style->text, right ? 1 : 0, 0.5, 0);
          x += widths[c] + gap;
        }
      y += row_h;
    }
}

/* Draws the chart and leaves in @marks (HelChartMark) where its labels, points and bars went. */
static void
render_chart (cairo_t             *cr,
              const HelChart      *chart,
              const HelChartStyle *style,
              double               width,
              double               height,
              GArray              *marks)
{
  Layout l;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_colour (cr, &style->background, 1);
  cairo_paint (cr);

  compute_layout (cr, chart, style, width, height, &l);
  l.marks = marks;
  draw_text (cr, &l, chart->title, l.pad, l.title_y, 16, TRUE, &style->text, 0, 0,
             width - 2 * l.pad);
  if (chart->subtitle)
    draw_text (cr, &l, chart->subtitle, l.pad, l.subtitle_y, 11, FALSE, &style->muted_text, 0, 0,
               width - 2 * l.pad);
  if (chart->note)
    draw_marked_text (cr, &l, HEL_CHART_MARK_NOTE, chart->note, l.pad, l.note_y, 9.5, FALSE,
                      &style->muted_text, 0, 0, width - 2 * l.pad);

  if (chart->empty)
    {
      draw_text (cr, &l, chart->empty_text, width / 2, l.plot.y + l.plot.height / 2, 13, FALSE,
                 &style->muted_text, 0.5, 0.5, 0);
      cairo_restore (cr);
      return;
    }

  if (chart->shape == HEL_CHART_SHAPE_TABLE)
    draw_table (cr, &l);
  else
    {
      place_legend (cr, &l, l.legend_y, TRUE);
      draw_axes (cr, &l);
      draw_references (cr, &l);
      if (chart->shape == HEL_CHART_SHAPE_LINES)
        {
          draw_panels (cr, &l);
          draw_lines (cr, &l);
        }
      else if (chart->shape == HEL_CHART_SHAPE_BARS)
        draw_bars (cr, &l);
      else
        draw_stacked (cr, &l);
      draw_reference_labels (cr, &l);
    }
  cairo_restore (cr);
}

void
hel_render_chart (cairo_t             *cr,
                  const HelChart      *chart,
                  const HelChartStyle *style,
                  double               width,
                  double               height)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (HelChartMark));
  HelChartStyle light;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (chart != NULL);

  if (style == NULL)
    {
      hel_chart_style_init (&light, HEL_CHART_THEME_LIGHT);
      style = &light;
    }
  if (!(width > 0 && height > 0))
    return;
  render_chart (cr, chart, style, width, height, marks);
}

GArray *
_hel_chart_layout_marks (const HelChart      *chart,
                         const HelChartStyle *style,
                         double               width,
                         double               height)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (HelChartMark));
  cairo_surface_t *surface;
  HelChartStyle light;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, marks);

  if (style == NULL)
    {
      hel_chart_style_init (&light, HEL_CHART_THEME_LIGHT);
      style = &light;
    }
  if (!(width > 0 && height > 0))
    return marks;
  /* Drawn for real, clipped to one pixel: the marks are what the drawing did. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  render_chart (cr, chart, style, width, height, marks);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return marks;
}

gboolean
hel_chart_is_table (const HelChart *chart)
{
  g_return_val_if_fail (chart != NULL, FALSE);
  return chart->shape == HEL_CHART_SHAPE_TABLE;
}

double
hel_chart_get_natural_height (const HelChart      *chart,
                              const HelChartStyle *style,
                              double               width)
{
  cairo_surface_t *surface;
  HelChartStyle light;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (chart != NULL, 0);

  if (chart->shape != HEL_CHART_SHAPE_TABLE || !(width > 0))
    return 0;
  if (style == NULL)
    {
      hel_chart_style_init (&light, HEL_CHART_THEME_LIGHT);
      style = &light;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  height = needed_height_at_scale (cr, chart, style, width, width_scale (style, width));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

/* The layout hel_render_chart () would use, without drawing: text is measured the same way. */
static void
measure_layout (const HelChart      *chart,
                const HelChartStyle *style,
                double               width,
                double               height,
                Layout              *l)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  compute_layout (cr, chart, style, width, height, l);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

gboolean
hel_chart_locate (const HelChart      *chart,
                  const HelChartStyle *style,
                  double               width,
                  double               height,
                  guint                category,
                  guint                series,
                  double               value,
                  double              *x,
                  double              *y)
{
  HelChartStyle light;
  Layout l;
  double bx, bw;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (chart->shape == HEL_CHART_SHAPE_TABLE || chart->empty ||
      category >= chart->categories->len)
    return FALSE;
  if (style == NULL)
    {
      hel_chart_style_init (&light, HEL_CHART_THEME_LIGHT);
      style = &light;
    }
  measure_layout (chart, style, width, height, &l);

  if (chart->shape == HEL_CHART_SHAPE_BARS)
    {
      bar_geometry (&l, category, series, &bx, &bw);
      *x = bx + bw / 2;
    }
  else
    *x = category_x (&l, category);
  *y = value_y (&l, value);
  return TRUE;
}

gboolean
_hel_chart_locate_in_panel (const HelChart      *chart,
                            const HelChartStyle *style,
                            double               width,
                            double               height,
                            guint                panel,
                            guint                category,
                            double               value,
                            double              *x,
                            double              *y)
{
  HelChartStyle light;
  Layout l;
  Rect r;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (chart->shape != HEL_CHART_SHAPE_LINES || chart->empty || panel >= chart->panels->len ||
      category >= chart->categories->len)
    return FALSE;
  if (style == NULL)
    {
      hel_chart_style_init (&light, HEL_CHART_THEME_LIGHT);
      style = &light;
    }
  measure_layout (chart, style, width, height, &l);
  r = panel_rect (&l, panel);
  *x = panel_category_x (&l, &r, category);
  *y = panel_value_y (&r, chart->panels->pdata[panel], value);
  return TRUE;
}

/* ---- Files ---- */

typedef struct {
  const HelChart      *chart;
  const HelChartStyle *style;
} ChartExport;

static void
draw_chart_cb (cairo_t  *cr,
               gpointer  data,
               double    width,
               double    height)
{
  const ChartExport *export = data;

  hel_render_chart (cr, export->chart, export->style, width, height);
}

gboolean
hel_chart_export (const HelChart      *chart,
                  const HelChartStyle *style,
                  double               width,
                  double               height,
                  const char          *path,
                  GError             **error)
{
  ChartExport export = { chart, style };
  HelPictureFormat format;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!hel_picture_format_from_path (path, &format, error))
    return FALSE;
  if (!(width >= 100 && height >= 100 && width <= 8000 && height <= 8000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart must be between 100 and 8000 points wide and high."));
      return FALSE;
    }
  /* Charts of people are personal data: written whole or not at all, mode 0600. */
  return hel_private_file_write_picture (path, format, chart->title, width, height,
                                         draw_chart_cb, &export, error);
}
