/* test-render-netmap.c: the network map drawing: pixels at known places, culling, layers, exports. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "hel-export-netmap.h"

#define W 800
#define H 600

typedef struct {
  guint8 r, g, b, a;
} Pixel;

static HelNetmapStyle
test_style (void)
{
  HelNetmapStyle style;

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  /* Colours no drawing would make by accident, so a pixel says what it belongs to. */
  style.legend_fill = (HelNetmapColour) { 0.0, 1.0, 0.0, 1.0 };
  return style;
}

static HelNetmapView
test_view (void)
{
  /* One ring is 120 pixels; the centre person is at (300, 300). */
  HelNetmapView view = { 120, 300, 300 };
  return view;
}

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *data;
  guint32 value;
  Pixel p;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  value = *(guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  p.a = value >> 24;
  p.r = (value >> 16) & 0xff;
  p.g = (value >> 8) & 0xff;
  p.b = value & 0xff;
  return p;
}

static gboolean
pixel_is (Pixel                  p,
          const HelNetmapColour *c,
          int                    tolerance)
{
  return abs (p.r - (int) round (c->red * 255)) <= tolerance &&
         abs (p.g - (int) round (c->green * 255)) <= tolerance &&
         abs (p.b - (int) round (c->blue * 255)) <= tolerance;
}

static gboolean
pixel_is_dark (Pixel p)
{
  return p.a > 200 && p.r + p.g + p.b < 3 * 110;
}

static gint64
add (HelNetmap  *map,
     const char *name,
     double      x,
     double      y,
     const char *colour)
{
  HelNetmapNode *node = hel_netmap_node_new (name, x, y);

  node->colour = g_strdup (colour);
  g_assert_true (hel_netmap_add_node (map, node, NULL));
  return node->id;
}

static HelNetmap *
sample_map (void)
{
  HelNetmap *map = hel_netmap_new (1, 0, "Prøvekort");

  map->centre_name = g_strdup ("Familien Prøve");
  /* 1: a red person in the professionals' sector, effective ring: (120, 420) on screen. */
  add (map, "Rød Rasmussen", -1.5, 1.0, "#ff0000");
  /* 2 and 3: a horizontal tie in the family sector, from (60, 156) to (228, 156). */
  add (map, "Venstre", -2.0, -1.2, NULL);
  add (map, "Højre", -0.6, -1.2, NULL);
  /* 4: someone the tests drag around. */
  add (map, "Trukket", 1.2, 1.0, "#0000ff");
  g_assert_true (hel_netmap_add_tie (map, hel_netmap_tie_new (0, 1, HEL_NETMAP_TIE_NORMAL,
                                                              HEL_NETMAP_ARROW_BACK), NULL));
  g_assert_true (hel_netmap_add_tie (map, hel_netmap_tie_new (0, 4, HEL_NETMAP_TIE_WEAK,
                                                              HEL_NETMAP_ARROW_NONE), NULL));
  return map;
}

static cairo_surface_t *
draw (const HelNetmap              *map,
      const HelNetmapStyle         *style,
      const HelNetmapView          *view,
      const HelNetmapRenderOptions *options,
      HelNetmapRenderStats         *stats)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  hel_render_netmap_layers (cr, map, style, view, options, W, H, stats);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_pixels (void)
{
  g_autoptr(HelNetmap) map = sample_map ();
  HelNetmapStyle style = test_style ();
  HelNetmapView view = test_view ();
  HelNetmapColour red = { 1, 0, 0, 1 };
  HelNetmapRenderStats stats;
  cairo_surface_t *surface;
  double lw, lh;
  gboolean found;

  surface = draw (map, &style, &view, NULL, &stats);
  g_assert_cmpuint (stats.nodes_drawn, ==, 4);
  g_assert_cmpuint (stats.ties_drawn, ==, 2);

  /* Background beyond the rings (the outer ring is 360 pixels out; this is 400). */
  g_assert_true (pixel_is (pixel_at (surface, 300 - 283, 300 - 283), &style.background, 0));

  /* Between rings: the band's own fill. Close band at 0.6 rings up-right, the effective one
   * at 1.5, both away from sector lines and labels. */
  g_assert_true (pixel_is (pixel_at (surface, 300 + 51, 300 - 51), &style.ring_fill[0], 0));
  g_assert_true (pixel_is (pixel_at (surface, 300 + 127, 300 - 127), &style.ring_fill[1], 0));

  /* On the ring line at radius 2, at 45 degrees up-right: somewhere within two pixels of the
   * exact circle, the ring's colour. */
  found = FALSE;
  for (double r = 238; r <= 242 && !found; r += 0.5)
    found = pixel_is (pixel_at (surface, (int) (300 + r * G_SQRT2 / 2),
                                (int) (300 - r * G_SQRT2 / 2)), &style.ring_line, 40);
  g_assert_true (found);

  /* The red person's fill, above their initials. */
  g_assert_true (pixel_is (pixel_at (surface, 120, 420 - 14), &red, 0));
  g_assert_true (pixel_is (pixel_at (surface, 120 - 16, 420), &red, 0));
  /* The centre person's disc, away from the name. */
  g_assert_true (pixel_is (pixel_at (surface, 300, 300 - 44), &style.centre_fill, 0));

  /* The legend's box in the lower right corner, fixed on screen. */
  hel_render_netmap_legend_size (&style, W, H, &lw, &lh);
  g_assert_cmpfloat (lw, >, 100);
  g_assert_cmpfloat (lh, >, 150);
  g_assert_true (pixel_is (pixel_at (surface, W - (int) lw + 16, H - (int) lh / 2), &style.legend_fill,
                           0));
  g_assert_true (pixel_is (pixel_at (surface, W - 20, H - 20), &style.legend_fill, 0));
  cairo_surface_destroy (surface);

  /* It stays there when the map is zoomed and panned. */
  hel_netmap_view_zoom_at (&view, 3, 400, 300);
  hel_netmap_view_pan (&view, -200, 50);
  surface = draw (map, &style, &view, NULL, NULL);
  g_assert_true (pixel_is (pixel_at (surface, W - 20, H - 20), &style.legend_fill, 0));
  cairo_surface_destroy (surface);
}

/* Counts the dark runs along a line of pixels. */
static guint
dark_runs (cairo_surface_t *surface,
           int              x0,
           int              y0,
           int              dx,
           int              dy,
           int              steps)
{
  gboolean in_run = FALSE;
  guint runs = 0;

  for (int i = 0; i < steps; i++)
    {
      gboolean dark = pixel_is_dark (pixel_at (surface, x0 + i * dx, y0 + i * dy));
      if (dark && !in_run)
        runs++;
      in_run = dark;
    }
  return runs;
}

static void
test_tie_styles (void)
{
  HelNetmapStyle style = test_style ();
  HelNetmapView view = test_view ();
  HelNetmapRenderOptions options;

  hel_netmap_render_options_init (&options);
  options.layers = HEL_NETMAP_LAYER_STATIC;

  for (int kind = 0; kind < HEL_NETMAP_N_TIE_KINDS; kind++)
    {
      g_autoptr(HelNetmap) map = sample_map ();
      cairo_surface_t *surface;
      guint across, along;

      g_assert_true (hel_netmap_add_tie (map, hel_netmap_tie_new (2, 3, kind,
                                                                  HEL_NETMAP_ARROW_NONE), NULL));
      surface = draw (map, &style, &view, &options, NULL);
      /* Across the line, a quarter of the way (no gap there), 24 pixels up and down. */
      across = dark_runs (surface, 102, 156 - 12, 0, 1, 24);
      /* Along the line, between the two shapes. */
      along = dark_runs (surface, 90, 156, 1, 0, 108);

      switch (kind)
        {
        case HEL_NETMAP_TIE_STRONG:
          g_assert_cmpuint (across, ==, 3);
          g_assert_cmpuint (along, ==, 1);
          break;
        case HEL_NETMAP_TIE_NORMAL:
          g_assert_cmpuint (across, ==, 1);
          g_assert_cmpuint (along, ==, 1);
          break;
        case HEL_NETMAP_TIE_WEAK:
          g_assert_cmpuint (along, >=, 6);
          break;
        case HEL_NETMAP_TIE_STRESSFUL:
          /* A zigzag crosses the straight line many times and is red. */
          g_assert_cmpuint (dark_runs (surface, 90, 156, 1, 0, 108), >=, 4);
          break;
        case HEL_NETMAP_TIE_CONFLICT:
          g_assert_cmpuint (along, ==, 1);
          /* The hatching: strokes cross a line just off the tie again and again. */
          g_assert_cmpuint (dark_runs (surface, 90, 156 - 4, 1, 0, 108), >=, 6);
          break;
        case HEL_NETMAP_TIE_BROKEN:
          /* A gap in the middle. */
          g_assert_cmpuint (along, ==, 2);
          g_assert_false (pixel_is_dark (pixel_at (surface, 144, 156)));
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_layers (void)
{
  g_autoptr(HelNetmap) map = sample_map ();
  HelNetmapStyle style = test_style ();
  HelNetmapView view = test_view ();
  HelNetmapColour blue = { 0, 0, 1, 1 };
  HelNetmapRenderOptions options;
  HelNetmapRenderStats stats;
  cairo_surface_t *surface;
  double dx, dy;

  hel_netmap_render_options_init (&options);
  options.active_node_id = 4;
  hel_netmap_view_map_to_widget (&view, 1.2, 1.0, &dx, &dy);

  /* The cached layer leaves the dragged person and their tie out ... */
  options.layers = HEL_NETMAP_LAYER_STATIC;
  surface = draw (map, &style, &view, &options, &stats);
  g_assert_cmpuint (stats.nodes_drawn, ==, 3);
  g_assert_cmpuint (stats.ties_drawn, ==, 1);
  g_assert_false (pixel_is (pixel_at (surface, (int) dx, (int) dy - 14), &blue, 60));
  g_assert_false (pixel_is (pixel_at (surface, W - 20, H - 20), &style.legend_fill, 0));
  cairo_surface_destroy (surface);

  /* ... and the active layer has only them, on a clear surface. */
  options.layers = HEL_NETMAP_LAYER_ACTIVE;
  surface = draw (map, &style, &view, &options, &stats);
  g_assert_cmpuint (stats.nodes_drawn, ==, 1);
  g_assert_cmpuint (stats.ties_drawn, ==, 1);
  g_assert_true (pixel_is (pixel_at (surface, (int) dx, (int) dy - 14), &blue, 0));
  g_assert_cmpint (pixel_at (surface, 120, 420 - 14).a, ==, 0);
  g_assert_cmpint (pixel_at (surface, 5, 5).a, ==, 0);
  cairo_surface_destroy (surface);

  /* The legend alone. */
  options.layers = HEL_NETMAP_LAYER_LEGEND;
  surface = draw (map, &style, &view, &options, &stats);
  g_assert_cmpuint (stats.nodes_drawn, ==, 0);
  g_assert_true (pixel_is (pixel_at (surface, W - 20, H - 20), &style.legend_fill, 0));
  cairo_surface_destroy (surface);

  /* Selection: a ring around the person in the selection colour. */
  options.layers = HEL_NETMAP_LAYER_ALL;
  options.active_node_id = 0;
  options.selected_node_id = 1;
  surface = draw (map, &style, &view, &options, NULL);
  {
    gboolean found = FALSE;
    for (int y = 420 - 30; y < 420 - 18 && !found; y++)
      found = pixel_is (pixel_at (surface, 120, y), &style.selection, 30);
    g_assert_true (found);
  }
  cairo_surface_destroy (surface);
}

/* Draws @layers of @map fitted to a @width x @height surface. */
static cairo_surface_t *
draw_fitted (const HelNetmap      *map,
             const HelNetmapStyle *style,
             HelNetmapLayer        layers,
             int                   width,
             int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  HelNetmapRenderOptions options;
  HelNetmapView view;

  hel_render_netmap_fit_view (&view, style, width, height);
  hel_netmap_render_options_init (&options);
  options.layers = layers;
  hel_render_netmap_layers (cr, map, style, &view, &options, width, height, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Whether the legend layer (title and legend) covers anything within @reach pixels of (x, y). */
static gboolean
legend_near (cairo_surface_t *legend,
             int              x,
             int              y,
             int              reach)
{
  int width = cairo_image_surface_get_width (legend);
  int height = cairo_image_surface_get_height (legend);

  for (int j = MAX (y - reach, 0); j <= MIN (y + reach, height - 1); j++)
    for (int i = MAX (x - reach, 0); i <= MIN (x + reach, width - 1); i++)
      if (pixel_at (legend, i, j).a > 0)
        return TRUE;
  return FALSE;
}

/* In a window's canvas (about square, beside the list of people) and on a projector, the
 * title and the legend cover no sector's name and no part of the rings. */
static void
test_layout_keeps_labels_clear (void)
{
  static const int sizes[][2] = { { 595, 600 }, { 520, 700 }, { 700, 520 }, { 1920, 1080 },
                                  { 1280, 800 } };
  g_autoptr(HelNetmap) map = hel_netmap_new (1, 0, "Familien Bjerregaard-Østergaard");
  HelNetmapStyle style;
  HelNetmapColour red = { 1, 0, 0, 1 };
  HelNetmapColour blue = { 0, 0, 1, 1 };

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  /* Sector names are the only text in the map's own colour on an empty map; the outer ring
   * the only line in the ring colour. */
  style.text = red;
  style.ring_line = blue;
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int width = sizes[k][0], height = sizes[k][1];
      cairo_surface_t *map_layer = draw_fitted (map, &style, HEL_NETMAP_LAYER_STATIC, width,
                                                height);
      cairo_surface_t *legend = draw_fitted (map, &style, HEL_NETMAP_LAYER_LEGEND, width, height);
      guint label_pixels = 0, ring_pixels = 0;

      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            Pixel p = pixel_at (map_layer, x, y);

            if (pixel_is (p, &red, 60))
              {
                label_pixels++;
                if (legend_near (legend, x, y, 2))
                  g_error ("%dx%d: a sector's name under the title or legend at (%d, %d)",
                           width, height, x, y);
              }
            else if (pixel_is (p, &blue, 40))
              {
                ring_pixels++;
                if (legend_near (legend, x, y, 0))
                  g_error ("%dx%d: the rings under the title or legend at (%d, %d)",
                           width, height, x, y);
              }
          }
      /* All four names and the rings are there. */
      g_assert_cmpuint (label_pixels, >, 200);
      g_assert_cmpuint (ring_pixels, >, 1000);
      cairo_surface_destroy (map_layer);
      cairo_surface_destroy (legend);
    }
}

static HelNetmap *
big_map (guint n)
{
  HelNetmap *map = hel_netmap_new (1, 0, "Stort kort");
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      double angle = g_rand_double_range (rand, 0, 2 * G_PI);
      double d = g_rand_double_range (rand, 0.6, 2.8);
      add (map, name, d * cos (angle), d * sin (angle), i % 7 == 0 ? "#e66100" : NULL);
    }
  for (guint i = 1; i < n; i++)
    g_assert_true (hel_netmap_add_tie (map, hel_netmap_tie_new (i % 4 == 0 ? 0 : i, i + 1,
                                                                (HelNetmapTieKind) (i % 6),
                                                                (HelNetmapArrow) (i % 4)), NULL));
  g_rand_free (rand);
  return map;
}

static void
test_thousand_nodes_and_culling (void)
{
  g_autoptr(HelNetmap) map = big_map (1000);
  HelNetmapStyle style = test_style ();
  HelNetmapView view;
  HelNetmapRenderStats stats;
  cairo_surface_t *surface;
  gint64 start, whole, zoomed;

  hel_render_netmap_fit_view (&view, &style, W, H);
  start = g_get_monotonic_time ();
  surface = draw (map, &style, &view, NULL, &stats);
  whole = g_get_monotonic_time () - start;
  g_assert_cmpuint (stats.nodes_drawn, ==, 1000);
  g_assert_cmpuint (stats.nodes_culled, ==, 0);
  /* Ties between people who overlap have nothing to show and are left out. */
  g_assert_cmpuint (stats.ties_culled, ==, 0);
  g_assert_cmpuint (stats.ties_drawn, >, 950);
  g_assert_cmpuint (stats.ties_drawn, <=, 999);
  cairo_surface_destroy (surface);

  /* Zoomed in on part of the map: what is out of view is skipped, and cheaper to draw. */
  hel_netmap_view_zoom_at (&view, 8, W / 2.0 + 100, H / 2.0 - 60);
  start = g_get_monotonic_time ();
  surface = draw (map, &style, &view, NULL, &stats);
  zoomed = g_get_monotonic_time () - start;
  g_assert_cmpuint (stats.nodes_drawn + stats.nodes_culled, ==, 1000);
  g_assert_cmpuint (stats.nodes_culled, >, 800);
  g_assert_cmpuint (stats.nodes_drawn, >, 0);
  g_assert_cmpuint (stats.ties_culled, >, 0);
  g_test_message ("1000 people: whole map %" G_GINT64_FORMAT " µs, zoomed %" G_GINT64_FORMAT
                  " µs, %u drawn", whole, zoomed, stats.nodes_drawn);
  cairo_surface_destroy (surface);

  /* What a cache kept across frames draws: see test-render-netmap-cache.c. */

  /* Panned right off the map: nothing but the legend. */
  hel_netmap_view_pan (&view, 1e5, 1e5);
  surface = draw (map, &style, &view, NULL, &stats);
  g_assert_cmpuint (stats.nodes_drawn, ==, 0);
  g_assert_true (pixel_is (pixel_at (surface, W - 20, H - 20), &style.legend_fill, 0));
  cairo_surface_destroy (surface);
}

static void
test_bad_input (void)
{
  g_autoptr(HelNetmap) map = hel_netmap_new (1, 0, NULL);
  HelNetmapStyle style = test_style ();
  HelNetmapView view = test_view ();
  HelNetmapRenderOptions options;
  HelNetmapRenderStats stats;
  HelNetmapNode *node;
  cairo_surface_t *surface;

  /* What validation would refuse, put straight into the arrays: the drawing copes anyway. */
  node = hel_netmap_node_new ("", 0.5, 0.5);
  node->id = 1;
  g_ptr_array_add (map->nodes, node);
  node = hel_netmap_node_new (NULL, 50, -40);
  node->id = 2;
  node->colour = g_strdup ("not a colour");
  node->kind = 99;
  g_ptr_array_add (map->nodes, node);
  node = hel_netmap_node_new ("Ingen steder", NAN, INFINITY);
  node->id = 3;
  g_ptr_array_add (map->nodes, node);
  node = hel_netmap_node_new ("\xff\xfe ugyldig", 1, 1);
  node->id = 4;
  g_ptr_array_add (map->nodes, node);
  hel_netmap_invalidate_index (map);
  g_ptr_array_add (map->ties, hel_netmap_tie_new (1, 1, HEL_NETMAP_TIE_STRONG, HEL_NETMAP_ARROW_BOTH));
  g_ptr_array_add (map->ties, hel_netmap_tie_new (1, 77, HEL_NETMAP_TIE_WEAK, HEL_NETMAP_ARROW_NONE));
  g_ptr_array_add (map->ties, hel_netmap_tie_new (0, 2, 42, 17));
  g_ptr_array_add (map->ties, hel_netmap_tie_new (0, 3, HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_ARROW_NONE));

  surface = draw (map, &style, &view, NULL, &stats);
  cairo_surface_destroy (surface);

  /* Nonsense views and sizes. */
  hel_netmap_render_options_init (&options);
  options.initials_only = TRUE;
  view.scale = 0;
  surface = draw (map, &style, &view, &options, &stats);
  cairo_surface_destroy (surface);
  view.scale = NAN;
  surface = draw (map, &style, &view, &options, &stats);
  cairo_surface_destroy (surface);
  view = test_view ();
  view.scale = 1e6;
  surface = draw (map, &style, &view, &options, &stats);
  cairo_surface_destroy (surface);
  {
    cairo_surface_t *tiny = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (tiny);
    hel_render_netmap (cr, map, &style, &view, 0, -5);
    hel_render_netmap (cr, map, &style, &view, 1, 1);
    hel_render_netmap_compare (cr, map, NULL, map, "", &style, 1, 1);
    cairo_destroy (cr);
    cairo_surface_destroy (tiny);
  }
}

static char *
tmp_file (const char *dir,
          const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
ignore_text_cb (GMarkupParseContext *context,
                const char          *text,
                gsize                text_len,
                gpointer             user_data,
                GError             **error)
{
}

static void
root_element_cb (GMarkupParseContext *context,
                 const char          *element_name,
                 const char         **attribute_names,
                 const char         **attribute_values,
                 gpointer             user_data,
                 GError             **error)
{
  char **root = user_data;

  if (*root == NULL)
    *root = g_strdup (element_name);
}

static void
test_exports (void)
{
  g_autoptr(HelNetmap) map = sample_map ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helhed-render-XXXXXX", &error);
  g_autofree char *png = tmp_file (dir, "kort.png");
  g_autofree char *svg = tmp_file (dir, "kort.SVG");
  g_autofree char *pdf = tmp_file (dir, "kort.pdf");
  g_autofree char *compare = tmp_file (dir, "sammenlign.png");
  g_autofree char *other = tmp_file (dir, "kort.txt");
  g_autofree char *missing = g_build_filename (dir, "no", "such", "kort.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *root = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  HelNetmapStyle style;
  HelNetmapExportFormat format;
  cairo_surface_t *loaded;
  struct stat st;
  gsize length;

  g_assert_no_error (error);
  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);

  /* PNG: the signature, loads back at the right size, for this user only. */
  g_assert_true (hel_export_netmap (map, &style, NULL, 1280, 800, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, &error));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);
  loaded = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (loaded), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (loaded), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (loaded), ==, 800);
  cairo_surface_destroy (loaded);
  g_assert_cmpint (g_stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* SVG (the extension's case does not matter): well-formed XML with an <svg> root. */
  g_assert_true (hel_export_netmap_format_from_path (svg, &format, NULL));
  g_assert_cmpint (format, ==, HEL_NETMAP_EXPORT_SVG);
  g_assert_true (hel_export_netmap (map, &style, NULL, 842, 595, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, &error));
  {
    GMarkupParser parser = { root_element_cb, NULL, ignore_text_cb, NULL, NULL };
    const char *start = strstr (contents, "<svg");
    GMarkupParseContext *context;

    g_assert_nonnull (start);
    g_assert_nonnull (strstr (contents, "</svg>"));
    /* GMarkup does not read the <?xml ?> prolog; the document proper starts at <svg. */
    context = g_markup_parse_context_new (&parser, 0, &root, NULL);
    g_assert_true (g_markup_parse_context_parse (context, start, -1, &error));
    g_assert_true (g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
    g_markup_parse_context_free (context);
    g_assert_cmpstr (root, ==, "svg");
  }
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (g_stat (svg, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* PDF: the header, and one page as pdfinfo sees it. */
  g_assert_true (hel_export_netmap (map, &style, NULL, 842, 595, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, pdf, NULL };
      g_autofree char *out = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (out, "Pages:"));
      g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", out, G_REGEX_MULTILINE, 0));
    }
  else
    g_test_message ("pdfinfo is missing: the page count was not checked");

  /* Two versions side by side. */
  {
    g_autoptr(HelNetmap) older = hel_netmap_copy (map);
    hel_netmap_remove_node (older, 4);
    g_assert_true (hel_export_netmap_compare (older, "2024-04-03", map, "2025-03-12", &style,
                                              1600, 900, compare, &error));
    g_assert_no_error (error);
    loaded = cairo_image_surface_create_from_png (compare);
    g_assert_cmpint (cairo_image_surface_get_width (loaded), ==, 1600);
    cairo_surface_destroy (loaded);
  }

  /* Refusals, with messages, and nothing left behind. */
  g_assert_false (hel_export_netmap (map, &style, NULL, 800, 600, other, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_nonnull (strstr (error->message, ".png, .svg or .pdf"));
  g_clear_error (&error);
  g_assert_false (hel_export_netmap (map, &style, NULL, 800, 600, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hel_export_netmap (map, &style, NULL, 0, 600, png, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* The earlier good file is untouched by the failed attempt. */
  loaded = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (loaded), ==, 1280);
  cairo_surface_destroy (loaded);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_assert_false (strstr (name, ".png.") != NULL || strstr (name, ".pdf.") != NULL);
        g_unlink (path);
        n++;
      }
    g_assert_cmpuint (n, ==, 4);
  }
  g_rmdir (dir);
}

/* The centre's disc starts a path of its own: drawn after the ring labels with no tie in
 * between (or only ties without arrowheads), it once began with a line from the last label.
 * An empty map without a name is symmetric above and below the centre's row; that line would
 * not be. With the picture cache (the widget's way) and without. */
static void
test_centre_draws_no_stray_line (void)
{
  g_autoptr(HelNetmap) map = hel_netmap_new (1, 0, "");
  g_autoptr(HelNetmapRenderCache) cache = hel_netmap_render_cache_new ();
  HelNetmapStyle style = test_style ();
  HelNetmapView view = test_view ();
  HelNetmapRenderOptions options;

  hel_netmap_render_options_init (&options);
  options.layers = HEL_NETMAP_LAYER_STATIC;
  for (int round = 0; round < 2; round++)
    {
      cairo_surface_t *surface;
      guint asymmetric = 0;

      options.cache = round == 0 ? cache : NULL;
      surface = draw (map, &style, &view, &options, NULL);
      /* Right of the ring labels, above the centre's row. */
      for (int y = 300 - 110; y <= 300 - 3; y++)
        for (int x = 300 + 45; x <= 300 + 200; x++)
          {
            Pixel a = pixel_at (surface, x, y), b = pixel_at (surface, x, 2 * 300 - 1 - y);

            asymmetric += abs (a.r - b.r) > 24 || abs (a.g - b.g) > 24 || abs (a.b - b.b) > 24;
          }
      g_test_message ("round %d: %u pixels differ from their mirror image", round, asymmetric);
      g_assert_cmpuint (asymmetric, ==, 0);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/netmap/render/pixels", test_pixels);
  g_test_add_func ("/netmap/render/tie-styles", test_tie_styles);
  g_test_add_func ("/netmap/render/layers", test_layers);
  g_test_add_func ("/netmap/render/layout-keeps-labels-clear", test_layout_keeps_labels_clear);
  g_test_add_func ("/netmap/render/thousand-nodes-and-culling", test_thousand_nodes_and_culling);
  g_test_add_func ("/netmap/render/bad-input", test_bad_input);
  g_test_add_func ("/netmap/render/centre-draws-no-stray-line", test_centre_draws_no_stray_line);
  g_test_add_func ("/netmap/export/formats", test_exports);

  return g_test_run ();
}
