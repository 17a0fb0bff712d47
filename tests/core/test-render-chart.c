/* test-render-chart.c: every chart kind drawn from the demo database onto an image surface, with
 * its bars, segments and points checked pixel by pixel where the layout says they are; empty
 * charts, themes, and the PNG/SVG/PDF files. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "hel-demo.h"
#include "hel-render-chart-private.h"
#include "hel-store-progress.h"

#define WIDTH  900
#define HEIGHT 560

typedef struct {
  char     *dir;
  char     *path;
  HelStore *store;
  gint64    adult;     /* a member with four WHO-5 and BIP measurements */
  gint64    child;     /* a member with SDQ measurements */
  gint64    family;
} Fixture;

static gint64
query_id (Fixture    *f,
          const char *sql)
{
  g_autoptr(GPtrArray) families = hel_store_list_families (f->store, NULL);
  gint64 found = 0;

  /* Walk the families through the store rather than SQL: the first member that fits. */
  for (guint i = 0; i < families->len && found == 0; i++)
    {
      g_autoptr(GPtrArray) members = hel_store_list_members (f->store,
                                                             hel_family_get_id (families->pdata[i]),
                                                             NULL);
      for (guint m = 0; m < members->len && found == 0; m++)
        {
          HelMember *member = members->pdata[m];
          gboolean adult = hel_role_is_adult (hel_member_get_role (member));
          HelInstrumentKind kind = g_str_equal (sql, "adult") ? HEL_INSTRUMENT_WHO5
                                                              : HEL_INSTRUMENT_SDQ;
          g_autoptr(GPtrArray) list = NULL;

          if (adult != g_str_equal (sql, "adult"))
            continue;
          list = hel_store_list_measurements (f->store, hel_member_get_id (member), kind, NULL);
          if (list->len >= 3)
            {
              found = hel_member_get_id (member);
              f->family = hel_family_get_id (families->pdata[i]);
            }
        }
    }
  return found;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-chart-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "chart.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (hel_demo_generate (f->store, HEL_DEMO_DEFAULT_SEED, &error));
  g_assert_no_error (error);
  f->child = query_id (f, "child");
  f->adult = query_id (f, "adult");
  g_assert_cmpint (f->adult, >, 0);
  g_assert_cmpint (f->child, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_finalize_object (f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          double          *r,
          double          *g,
          double          *b)
{
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);
  int ix = (int) floor (x), iy = (int) floor (y);
  guint32 px;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  px = *(guint32 *) (data + iy * stride + ix * 4);
  *r = ((px >> 16) & 0xff) / 255.0;
  *g = ((px >> 8) & 0xff) / 255.0;
  *b = (px & 0xff) / 255.0;
}

static gboolean
colour_near (cairo_surface_t      *surface,
             double                x,
             double                y,
             const HelChartColour *colour)
{
  double r, g, b;

  pixel_at (surface, x, y, &r, &g, &b);
  return fabs (r - colour->red) < 0.06 && fabs (g - colour->green) < 0.06 &&
         fabs (b - colour->blue) < 0.06;
}

static const HelChartColour *
series_colour (const HelChartStyle *style,
               int                  colour)
{
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
      return &style->series[colour];
    }
}

static cairo_surface_t *
draw (const HelChart      *chart,
      const HelChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  hel_render_chart (cr, chart, style, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Checks every drawn value of @chart where hel_chart_locate() says it is; returns how many. */
static guint
check_marks (const HelChart      *chart,
             const HelChartStyle *style,
             cairo_surface_t     *surface)
{
  guint checked = 0;

  for (guint c = 0; c < chart->categories->len; c++)
    {
      double base = 0;

      for (guint s = 0; s < chart->series->len; s++)
        {
          const HelChartSeries *series = chart->series->pdata[s];
          double v = g_array_index (series->values, double, c);
          gboolean hidden = g_array_index (series->hidden, gboolean, c);
          double x, y, probe = v;

          if (isnan (v))
            continue;
          if (chart->shape == HEL_CHART_SHAPE_STACKED)
            {
              probe = base + v / 2;
              base += v;
            }
          else if (chart->shape == HEL_CHART_SHAPE_BARS)
            probe = v / 2;
          /* Too thin to hit, hatched, or a secondary line under the main one. */
          if (hidden || v < (chart->y_max - chart->y_min) * 0.04 || series->thin)
            continue;
          g_assert_true (hel_chart_locate (chart, style, WIDTH, HEIGHT, c, s, probe, &x, &y));
          /* Away from the segment's label. */
          if (chart->shape == HEL_CHART_SHAPE_STACKED)
            x -= 0.4 * (WIDTH / chart->categories->len) * 0.55 / 2 + 2;
          if (!colour_near (surface, x, y, series_colour (style, series->colour)))
            {
              double r, g, b;
              pixel_at (surface, x, y, &r, &g, &b);
              g_error ("%s: category %u, series %u (%s) at %.0f,%.0f is %.2f %.2f %.2f",
                       hel_chart_kind_to_code (chart->kind), c, s, series->name, x, y, r, g, b);
            }
          checked++;
        }
    }
  return checked;
}

static void
test_every_kind (Fixture       *f,
                 gconstpointer  data)
{
  HelChartStyle style;

  hel_chart_style_init (&style, HEL_CHART_THEME_LIGHT);
  for (guint k = 0; k < HEL_N_CHART_KINDS; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HelChart) chart = NULL;
      cairo_surface_t *surface;
      gint64 id = k == HEL_CHART_PERSON_SDQ ? f->child
                  : hel_chart_kind_is_person (k) ? f->adult
                  : hel_chart_kind_is_family (k) ? f->family : 0;

      chart = hel_chart_new (f->store, k, id, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (chart);
      g_test_message ("%s: %s", hel_chart_kind_to_code (k), hel_chart_get_title (chart));
      g_assert_false (hel_chart_is_empty (chart));
      g_assert_cmpuint (hel_chart_get_n_categories (chart), >, 0);

      surface = draw (chart, &style);
      /* The background in the corner. */
      g_assert_true (colour_near (surface, 2, 2, &style.background));
      if (chart->shape != HEL_CHART_SHAPE_TABLE)
        g_assert_cmpuint (check_marks (chart, &style, surface), >, 0);
      else
        g_assert_false (hel_chart_locate (chart, &style, WIDTH, HEIGHT, 0, 0, 0, NULL, NULL));
      cairo_surface_destroy (surface);
    }
}

static void
test_who5_bands (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HelChart) chart = hel_chart_new (f->store, HEL_CHART_PERSON_WHO5, f->adult, NULL,
                                             NULL);
  cairo_surface_t *surface;
  HelChartStyle style;
  double x, y, r, g, b, bx, by;

  hel_chart_style_init (&style, HEL_CHART_THEME_LIGHT);
  surface = draw (chart, &style);

  /* Left of the first point, well inside the bands: red-tinted below 28, yellow-tinted
   * between 28 and 50, green-tinted above 50 (pale: the bands are a background). Not between
   * the points: the line between them may pass anywhere, depending on the member's scores. */
  g_assert_true (hel_chart_locate (chart, &style, WIDTH, HEIGHT, 0, 0, 14, &x, &y));
  hel_chart_locate (chart, &style, WIDTH, HEIGHT, 1, 0, 14, &bx, &by);
  x = x - (bx - x) * 0.25;
  pixel_at (surface, x, y - 14, &r, &g, &b);
  g_assert_cmpfloat (r, >, g + 0.05);
  g_assert_cmpfloat (r, >, b + 0.05);
  hel_chart_locate (chart, &style, WIDTH, HEIGHT, 0, 0, 94, &bx, &y);
  pixel_at (surface, x, y, &r, &g, &b);
  g_assert_cmpfloat (g, >, r + 0.05);
  /* The population line at 68 is dashed and dark: some pixels on it are dark. */
  hel_chart_locate (chart, &style, WIDTH, HEIGHT, 0, 0, 68, &bx, &y);
  {
    guint dark = 0;
    for (int dx = 0; dx < 40; dx++)
      {
        pixel_at (surface, x + dx, y, &r, &g, &b);
        dark += r < 0.5 && g < 0.5 && b < 0.5;
      }
    g_assert_cmpuint (dark, >, 5);
  }
  cairo_surface_destroy (surface);
}

static void
test_empty_and_themes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelChart) empty = NULL;
  g_autoptr(HelChart) who5 = NULL;
  HelStatisticsFilter filter;
  HelChartStyle dark;
  cairo_surface_t *surface;

  /* A period with nothing in it. */
  hel_statistics_filter_init (&filter);
  filter.from = g_strdup ("2001-01-01");
  filter.to = g_strdup ("2001-12-31");
  for (guint k = HEL_CHART_PROJECT_WHO5; k < HEL_N_CHART_KINDS; k++)
    {
      g_autoptr(HelChart) chart = hel_chart_new (f->store, k, 0, &filter, &error);
      g_assert_no_error (error);
      g_assert_true (hel_chart_is_empty (chart));
      surface = draw (chart, NULL);
      cairo_surface_destroy (surface);
    }
  hel_statistics_filter_clear (&filter);

  /* A person without measurements. */
  {
    g_autoptr(HelMember) member = hel_member_new ();
    hel_member_set_family_id (member, f->family);
    hel_member_set_role (member, HEL_ROLE_OTHER_ADULT);
    hel_member_set_first_name (member, "Ny");
    g_assert_true (hel_store_save_member (f->store, member, &error));
    empty = hel_chart_new (f->store, HEL_CHART_PERSON_WHO5, hel_member_get_id (member), NULL,
                           &error);
    g_assert_true (hel_chart_is_empty (empty));
    g_assert_false (hel_chart_locate (empty, NULL, WIDTH, HEIGHT, 0, 0, 0, NULL, NULL));
  }

  /* Dark: the dark background, the points in the dark palette. */
  who5 = hel_chart_new (f->store, HEL_CHART_PROJECT_WHO5, 0, NULL, &error);
  hel_chart_style_init (&dark, HEL_CHART_THEME_DARK);
  surface = draw (who5, &dark);
  g_assert_true (colour_near (surface, 2, 2, &dark.background));
  g_assert_cmpuint (check_marks (who5, &dark, surface), >, 0);
  cairo_surface_destroy (surface);

  /* A missing member is an error, not a crash. */
  g_assert_null (hel_chart_new (f->store, HEL_CHART_PERSON_SDQ, 999999, NULL, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
}

static void
test_small_counts_hatched (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HelChart) chart = hel_chart_new (f->store, HEL_CHART_PROJECT_EMPLOYMENT, 0, NULL,
                                             NULL);
  guint hidden = 0;

  /* Every count from 1 to 4 is hidden, labelled "<5" and drawn at 5. */
  for (guint s = 0; s < chart->series->len; s++)
    {
      const HelChartSeries *series = chart->series->pdata[s];
      for (guint c = 0; c < series->values->len; c++)
        if (g_array_index (series->hidden, gboolean, c))
          {
            g_assert_cmpstr (series->labels->pdata[c], ==, "<5");
            g_assert_cmpfloat (g_array_index (series->values, double, c), ==, 5);
            hidden++;
          }
        else if (series->labels->pdata[c] != NULL)
          g_assert_cmpstr (series->labels->pdata[c], !=, "<5");
    }
  g_test_message ("%u hidden counts", hidden);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelChart) chart = hel_chart_new (f->store, HEL_CHART_PROJECT_SDQ, 0, NULL, &error);
  const char *names[] = { "sdq.png", "sdq.SVG", "sdq.pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autofree char *contents = NULL;
      GStatBuf st;

      g_assert_true (hel_chart_export (chart, NULL, 1200, 750, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  {
    g_autofree char *bad = g_build_filename (f->dir, "sdq.jpg", NULL);
    g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "sdq.png", NULL);

    g_assert_false (hel_chart_export (chart, NULL, 1200, 750, bad, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
    g_clear_error (&error);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
    g_assert_false (hel_chart_export (chart, NULL, 20, 750, missing, &error));
    g_clear_error (&error);
    g_assert_false (hel_chart_export (chart, NULL, 1200, 750, missing, &error));
    g_assert_nonnull (error);
  }
}

/* A family-overview-like table of @n_rows rows, with a note of two lines. */
static HelChart *
make_table (guint n_rows)
{
  HelChart *chart = _hel_chart_new_empty (HEL_CHART_FAMILY_OVERVIEW, HEL_CHART_SHAPE_TABLE,
                                          "Familien Test på én side");
  const char *header[] = { "Person", "Måling", "Seneste", "Niveau", "Siden sidst" };

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_ptr_array_add (chart->header, g_strdup (header[c]));
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *who = g_strdup_printf ("Person %u", r + 1);
      const char *cells[] = { who, "WHO-5 trivsel", "60 (19.08.2026)", "God trivsel", "→ +4" };

      _hel_chart_add_row (chart, HEL_CHART_ROW_PLAIN, HEL_CHART_COLOUR_GOOD, cells,
                          G_N_ELEMENTS (cells));
    }
  chart->note = g_strdup ("▲ bedre, ▼ dårligere, → omtrent det samme, siden målingen før. For "
                          "WHO-5 tæller kun en ændring på 10 point eller mere.");
  return chart;
}

/* Every row's cells are drawn, above the note, and the note inside the drawing; returns where the
 * note begins. */
static double
assert_table_whole (const HelChart *chart,
                    double          width,
                    double          height)
{
  g_autoptr(GArray) marks = _hel_chart_layout_marks (chart, NULL, width, height);
  guint cells = 0, notes = 0;
  double cells_bottom = 0, note_top = height, note_bottom = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      const HelChartMark *mark = &g_array_index (marks, HelChartMark, i);

      if (mark->kind == HEL_CHART_MARK_CELL)
        {
          cells++;
          cells_bottom = MAX (cells_bottom, mark->y + mark->height);
        }
      else if (mark->kind == HEL_CHART_MARK_NOTE)
        {
          notes++;
          note_top = mark->y;
          note_bottom = mark->y + mark->height;
        }
    }
  g_assert_cmpuint (cells, ==, chart->rows->len * chart->header->len);
  g_assert_cmpuint (notes, ==, 1);
  g_assert_cmpfloat (cells_bottom, <=, note_top);
  g_assert_cmpfloat (note_bottom, <=, height);
  return note_top;
}

static void
test_table_natural_height (Fixture       *f,
                           gconstpointer  data)
{
  const guint rows[] = { 1, 4, 12 };
  double last = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HelChart) chart = make_table (rows[i]);
      double height = hel_chart_get_natural_height (chart, NULL, 760), note_top;

      g_test_message ("%u rows: %.0f px", rows[i], height);
      g_assert_true (hel_chart_is_table (chart));
      g_assert_cmpfloat (height, >, last);
      note_top = assert_table_whole (chart, 760, height);
      /* Given more room, the note stays right under the table; the room is left below it. */
      g_assert_cmpfloat (fabs (assert_table_whole (chart, 760, height * 1.6) - note_top), <, 2);
      /* Narrower means smaller text, so lower; at that height nothing is cut off either. */
      g_assert_cmpfloat (hel_chart_get_natural_height (chart, NULL, 500), <, height);
      assert_table_whole (chart, 500, hel_chart_get_natural_height (chart, NULL, 500));
      /* A little lower than natural: the text shrinks and every row is still there. */
      assert_table_whole (chart, 760, height * 0.85);
      last = height;
    }

  /* The four rows of the demo's overview need much less than the old fixed 300 px at 768. */
  {
    g_autoptr(HelChart) chart = hel_chart_new (f->store, HEL_CHART_FAMILY_OVERVIEW, f->family,
                                               NULL, NULL);
    HelChartStyle style;
    double height;

    hel_chart_style_init (&style, HEL_CHART_THEME_LIGHT);
    style.text_scale = 1.2;
    height = hel_chart_get_natural_height (chart, &style, 768);
    g_assert_cmpfloat (height, >, 100);
    assert_table_whole (chart, 768, height);
  }

  /* Plots have no natural height: they fill their box. */
  {
    g_autoptr(HelChart) chart = hel_chart_new (f->store, HEL_CHART_PERSON_WHO5, f->adult, NULL,
                                               NULL);
    g_assert_false (hel_chart_is_table (chart));
    g_assert_cmpfloat (hel_chart_get_natural_height (chart, NULL, 760), ==, 0);
  }
}

static gboolean
marks_overlap (const HelChartMark *a,
               const HelChartMark *b)
{
  return MIN (a->x + a->width, b->x + b->width) > MAX (a->x, b->x) &&
         MIN (a->y + a->height, b->y + b->height) > MAX (a->y, b->y);
}

/* @chart's population-line labels overlap none of its values' labels at @width x @height;
 * returns how many reference labels there were. */
static guint
check_reference_labels (const HelChart *chart,
                        double          width,
                        double          height)
{
  g_autoptr(GArray) marks = _hel_chart_layout_marks (chart, NULL, width, height);
  guint references = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      const HelChartMark *ref = &g_array_index (marks, HelChartMark, i);

      if (ref->kind != HEL_CHART_MARK_REFERENCE_LABEL)
        continue;
      references++;
      for (guint j = 0; j < marks->len; j++)
        {
          const HelChartMark *other = &g_array_index (marks, HelChartMark, j);

          if (j == i || other->kind == HEL_CHART_MARK_SHAPE)
            continue;
          if (marks_overlap (ref, other))
            g_error ("%s at %.0fx%.0f: the population label %.0f,%.0f %.0fx%.0f overlaps a label "
                     "at %.0f,%.0f %.0fx%.0f", hel_chart_kind_to_code (chart->kind), width, height,
                     ref->x, ref->y, ref->width, ref->height, other->x, other->y, other->width,
                     other->height);
        }
    }
  return references;
}

static void
test_reference_labels_clear (Fixture       *f,
                             gconstpointer  data)
{
  const double sizes[][2] = { { 900, 560 }, { 600, 400 }, { 1216, 760 }, { 360, 400 },
                              { 480, 300 } };
  guint checked = 0;

  for (guint k = 0; k < HEL_N_CHART_KINDS; k++)
    {
      g_autoptr(HelChart) chart = NULL;
      gint64 id = k == HEL_CHART_PERSON_SDQ ? f->child
                  : hel_chart_kind_is_person (k) ? f->adult
                  : hel_chart_kind_is_family (k) ? f->family : 0;

      chart = hel_chart_new (f->store, k, id, NULL, NULL);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        checked += check_reference_labels (chart, sizes[s][0], sizes[s][1]);
    }
  /* The person and the project WHO-5 charts, at every size. */
  g_assert_cmpuint (checked, >=, 2 * G_N_ELEMENTS (sizes));

  /* The last bar's label right where the line's label used to go, at the right end. */
  {
    g_autoptr(HelChart) chart = _hel_chart_new_empty (HEL_CHART_PROJECT_WHO5,
                                                      HEL_CHART_SHAPE_BARS, "WHO-5");
    HelChartSeries *series = _hel_chart_add_series (chart, "WHO-5", 0);
    const double values[] = { 43.2, 44.2, 52.3, 61.8, 66.0, 64.0 };

    for (guint c = 0; c < G_N_ELEMENTS (values); c++)
      {
        g_autofree char *category = g_strdup_printf ("Bølge %u", c + 1);
        g_autofree char *label = g_strdup_printf ("%.1f\nn = 60", values[c]);
        guint index = _hel_chart_add_category (chart, category);

        _hel_chart_set_value (series, index, values[c], label, FALSE);
      }
    _hel_chart_add_reference (chart, 68, "Befolkningens gennemsnit 68");
    _hel_chart_fit_axis (chart, 100);
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      g_assert_cmpuint (check_reference_labels (chart, sizes[s][0], sizes[s][1]), ==, 1);
  }
}

/* The worst band's colour means a very high score on the SDQ's difficulties and a very low
 * one on prosocial behaviour: the legend names both, each once, for the same colour. */
static void
test_sdq_legend_names_reversed_band (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelChart) chart = hel_chart_new (f->store, HEL_CHART_PERSON_SDQ, f->child, NULL,
                                             &error);
  g_autoptr(GArray) bands = NULL;
  int very_high = -1, very_low = -1;

  g_assert_no_error (error);
  bands = _hel_chart_band_colours (chart);
  for (guint b = 0; b < bands->len; b++)
    {
      const HelChartBand *band = &g_array_index (bands, HelChartBand, b);

      g_test_message ("band colour %d: %s", band->colour, band->label);
      if (g_strcmp0 (band->label, "Very high") == 0)
        {
          g_assert_cmpint (very_high, ==, -1);
          very_high = band->colour;
        }
      if (g_strcmp0 (band->label, "Very low") == 0)
        {
          g_assert_cmpint (very_low, ==, -1);
          very_low = band->colour;
        }
    }
  g_assert_cmpint (very_high, >=, 0);
  g_assert_cmpint (very_low, ==, very_high);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/render-chart/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("every-kind", test_every_kind);
  ADD ("who5-bands", test_who5_bands);
  ADD ("empty-and-themes", test_empty_and_themes);
  ADD ("small-counts-hatched", test_small_counts_hatched);
  ADD ("export", test_export);
  ADD ("table-natural-height", test_table_natural_height);
  ADD ("reference-labels-clear", test_reference_labels_clear);
  ADD ("sdq-legend-names-reversed-band", test_sdq_legend_names_reversed_band);
#undef ADD

  return g_test_run ();
}
