/* test-render-netmap-cache.c: the map's speed-ups draw what the plain drawing draws: cached
 * pictures of people, ties cut to the view, culling; and vector files stay vector. */
#include "config.h"

#include <cairo-svg.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hel-render-netmap.h"

#define W 1000
#define H 700

/* @n people over all rings and sectors, a third tied to the centre, some to each other, every
 * tie kind and arrow, some with their own colour, some professionals with an actor. */
static HelNetmap *
crowd (guint n)
{
  HelNetmap *map = hel_netmap_new (1, 0, "Familien Prøve");
  GRand *rand = g_rand_new_with_seed (7);

  map->centre_name = g_strdup ("Åse Prøve");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u Østergård", i);
      double angle = g_rand_double_range (rand, 0, 2 * G_PI);
      double d = g_rand_double_range (rand, 0.6, 2.9);
      HelNetmapNode *node = hel_netmap_node_new (name, d * cos (angle), d * sin (angle));

      node->id = i + 1;
      node->position = (int) i;
      node->kind = i % 3 == 0 ? HEL_NETMAP_NODE_PROFESSIONAL : HEL_NETMAP_NODE_PRIVATE;
      if (i % 3 == 0)
        node->actor = g_strdup ("Jobcenter");
      if (i % 7 == 0)
        node->colour = g_strdup ("#e66100");
      g_ptr_array_add (map->nodes, node);
    }
  for (guint i = 0; i < n; i++)
    {
      HelNetmapTie *tie;

      if (i % 3 == 0)
        tie = hel_netmap_tie_new (0, i + 1, (HelNetmapTieKind) (i / 3 % HEL_NETMAP_N_TIE_KINDS),
                                  (HelNetmapArrow) (i % HEL_NETMAP_N_ARROWS));
      else if (i % 3 == 1 && i + 1 < n)
        tie = hel_netmap_tie_new (i + 1, i + 2, (HelNetmapTieKind) (i % HEL_NETMAP_N_TIE_KINDS),
                                  HEL_NETMAP_ARROW_NONE);
      else
        continue;
      tie->id = map->ties->len + 1;
      g_ptr_array_add (map->ties, tie);
    }
  hel_netmap_invalidate_index (map);
  g_rand_free (rand);
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
  cairo_surface_flush (surface);
  return surface;
}

/* How far apart two pictures are, as the eye sees them: the share of 4x4 blocks whose average
 * colour differs by more than @tolerance (0-255) in a channel. A shape moved by half a pixel
 * changes single pixels a lot but blocks little; a missing or extra stroke changes blocks. */
static double
blocks_apart (cairo_surface_t *a,
              cairo_surface_t *b,
              int              tolerance)
{
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint apart = 0, blocks = 0;

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int by = 0; by + 4 <= H; by += 4)
    for (int bx = 0; bx + 4 <= W; bx += 4)
      {
        int sum[4] = { 0 };

        for (int y = by; y < by + 4; y++)
          for (int x = bx; x < bx + 4; x++)
            for (int c = 0; c < 4; c++)
              sum[c] += da[y * stride + x * 4 + c] - db[y * stride + x * 4 + c];
        blocks++;
        for (int c = 0; c < 4; c++)
          if (abs (sum[c]) > tolerance * 16)
            {
              apart++;
              break;
            }
      }
  return (double) apart / blocks;
}

/* Moves everyone onto whole pixels (@pixels per widget pixel) in @view: where the cached
 * pictures put them. */
static void
snap_to_pixels (HelNetmap           *map,
                const HelNetmapView *view,
                double               pixels)
{
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HelNetmapNode *node = map->nodes->pdata[i];
      double wx, wy;

      hel_netmap_view_map_to_widget (view, node->x, node->y, &wx, &wy);
      hel_netmap_view_widget_to_map (view, round (wx * pixels) / pixels,
                                     round (wy * pixels) / pixels, &node->x, &node->y);
    }
}

/* The cached pictures of people put the same map on screen as drawing every shape and name
 * afresh. The one difference by design: a picture lands on whole pixels, so a person
 * may sit up to half a pixel from where the plain drawing puts them; the comparisons move
 * everyone onto whole pixels first, so any other difference shows. */
static void
test_pictures_match_plain_drawing (void)
{
  g_autoptr(HelNetmap) map = crowd (120);
  g_autoptr(HelNetmapRenderCache) cache = hel_netmap_render_cache_new ();
  HelNetmapNode *node;
  HelNetmapStyle style;
  HelNetmapView view;
  HelNetmapRenderOptions options;
  HelNetmapRenderStats stats;
  cairo_surface_t *plain, *cached, *again;
  double apart;

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  hel_render_netmap_fit_view (&view, &style, W, H);
  /* Big enough for names under everyone. */
  hel_netmap_view_zoom_at (&view, 1.6, W / 2.0, H / 2.0);
  hel_netmap_render_options_init (&options);
  options.selected_node_id = 5;
  options.selected_tie_id = 3;
  /* Two people whose name and actor run together the same way get pictures of their own. */
  node = hel_netmap_node_new ("Bo|Mentor", 0.4, -1.3);
  node->id = 1001;
  node->actor = g_strdup ("Jobcenter");
  g_ptr_array_add (map->nodes, node);
  node = hel_netmap_node_new ("Bo", -0.6, -1.3);
  node->id = 1002;
  node->actor = g_strdup ("Mentor|Jobcenter");
  g_ptr_array_add (map->nodes, node);
  hel_netmap_invalidate_index (map);
  snap_to_pixels (map, &view, 1);

  plain = draw (map, &style, &view, &options, &stats);
  g_assert_cmpuint (stats.nodes_from_cache, ==, 0);
  g_assert_cmpuint (stats.labels_drawn, >, 20);

  options.cache = cache;
  cached = draw (map, &style, &view, &options, &stats);
  g_assert_cmpuint (stats.nodes_from_cache, ==, stats.nodes_drawn);
  apart = blocks_apart (plain, cached, 8);
  g_test_message ("pictures vs plain: %.3f%% of blocks apart", apart * 100);
  g_assert_cmpfloat (apart, <, 0.002);

  /* A second frame from the filled cache is the first one, exactly. */
  again = draw (map, &style, &view, &options, &stats);
  g_assert_cmpmem (cairo_image_surface_get_data (cached), W * H * 4,
                   cairo_image_surface_get_data (again), W * H * 4);
  cairo_surface_destroy (again);

  /* Another zoom, another theme: the cache notices and draws them right. */
  hel_netmap_view_zoom_at (&view, 1.3, 200, 200);
  snap_to_pixels (map, &view, 1);
  hel_netmap_style_init (&style, HEL_NETMAP_THEME_DARK);
  options.cache = NULL;
  cairo_surface_destroy (plain);
  plain = draw (map, &style, &view, &options, NULL);
  options.cache = cache;
  cairo_surface_destroy (cached);
  cached = draw (map, &style, &view, &options, NULL);
  apart = blocks_apart (plain, cached, 8);
  g_test_message ("dark, zoomed: %.3f%% of blocks apart", apart * 100);
  g_assert_cmpfloat (apart, <, 0.002);

  /* On a HiDPI surface (the widget scales by 2) the pictures are in device pixels. */
  {
    cairo_surface_t *big[2];

    /* Whole widget pixels, as on screen. */
    snap_to_pixels (map, &view, 1);
    for (int i = 0; i < 2; i++)
      {
        cairo_t *cr;

        big[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
        cr = cairo_create (big[i]);
        cairo_scale (cr, 2, 2);
        options.cache = i == 0 ? NULL : cache;
        hel_render_netmap_layers (cr, map, &style, &view, &options, W / 2.0, H / 2.0, &stats);
        cairo_destroy (cr);
        cairo_surface_flush (big[i]);
      }
    g_assert_cmpuint (stats.nodes_from_cache, >, 0);
    apart = blocks_apart (big[0], big[1], 8);
    g_test_message ("scaled by 2: %.3f%% of blocks apart", apart * 100);
    g_assert_cmpfloat (apart, <, 0.002);
    cairo_surface_destroy (big[0]);
    cairo_surface_destroy (big[1]);
  }

  cairo_surface_destroy (plain);
  cairo_surface_destroy (cached);
}

/* Ties cut to the view look the same where they are seen: a zoomed-in view drawn with the cut
 * ties matches the same view cut out of a big drawing where no tie is cut. */
static void
test_clipped_ties_match_whole (void)
{
  g_autoptr(HelNetmap) map = crowd (60);
  HelNetmapStyle style;
  HelNetmapView view, whole_view;
  HelNetmapRenderOptions options;
  HelNetmapRenderStats stats, whole_stats;
  cairo_surface_t *zoomed, *whole, *cut;
  cairo_t *cr;
  const int factor = 4;
  double apart;

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  hel_netmap_render_options_init (&options);
  /* Only the rings and the ties: the legend and title sit on the surface, not the map. */
  options.layers = HEL_NETMAP_LAYER_STATIC;
  view = (HelNetmapView) { 480, W / 2.0 - 1.4 * 480, H / 2.0 - 0.9 * 480 };
  zoomed = draw (map, &style, &view, &options, &stats);
  g_assert_cmpuint (stats.ties_clipped, >, 3);

  /* The same view on a surface so big that every tie fits whole, then the window cut out. */
  whole_view = view;
  whole_view.origin_x += (factor - 1) / 2.0 * W;
  whole_view.origin_y += (factor - 1) / 2.0 * H;
  whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W * factor, H * factor);
  cr = cairo_create (whole);
  hel_render_netmap_layers (cr, map, &style, &whole_view, &options, W * factor, H * factor,
                            &whole_stats);
  cairo_destroy (cr);
  g_assert_cmpuint (whole_stats.tie_segments, >, stats.tie_segments);

  cut = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (cut);
  cairo_set_source_surface (cr, whole, -(factor - 1) / 2.0 * W, -(factor - 1) / 2.0 * H);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (cut);

  apart = blocks_apart (zoomed, cut, 24);
  g_test_message ("cut ties vs whole ties: %.3f%% of blocks apart", apart * 100);
  g_assert_cmpfloat (apart, <, 0.002);
  cairo_surface_destroy (zoomed);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (cut);
}

/* Zoomed in on a tenth of 5,000 people, the drawing does a tenth of the work: people and
 * ties out of view are skipped, ties through the view are cut before their pattern is made. */
static void
test_zoomed_view_skips_work (void)
{
  g_autoptr(HelNetmap) map = crowd (5000);
  g_autoptr(HelNetmapRenderCache) cache = hel_netmap_render_cache_new ();
  HelNetmapStyle style;
  HelNetmapView view;
  HelNetmapRenderOptions options;
  HelNetmapRenderStats whole, zoomed;
  cairo_surface_t *surface;
  double wx, wy;

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  hel_netmap_render_options_init (&options);
  options.cache = cache;
  /* Everyone in view. */
  hel_render_netmap_fit_view (&view, &style, W, H);
  surface = draw (map, &style, &view, &options, &whole);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (whole.nodes_drawn, ==, 5000);
  g_assert_cmpuint (whole.ties_clipped, ==, 0);

  /* Zoomed 10 times on the outer ring of the friends' sector. */
  hel_netmap_view_map_to_widget (&view, 2.2, -1.6, &wx, &wy);
  hel_netmap_view_pan (&view, W / 2.0 - wx, H / 2.0 - wy);
  hel_netmap_view_zoom_at (&view, 10, W / 2.0, H / 2.0);
  surface = draw (map, &style, &view, &options, &zoomed);
  cairo_surface_destroy (surface);
  g_test_message ("zoomed: %u people drawn, %u culled; %u ties drawn (%u cut), %u culled, "
                  "%u pieces stroked (whole map: %u)", zoomed.nodes_drawn, zoomed.nodes_culled,
                  zoomed.ties_drawn, zoomed.ties_clipped, zoomed.ties_culled,
                  zoomed.tie_segments, whole.tie_segments);
  g_assert_cmpuint (zoomed.nodes_drawn + zoomed.nodes_culled, ==, 5000);
  g_assert_cmpuint (zoomed.nodes_drawn, >, 0);
  g_assert_cmpuint (zoomed.nodes_drawn, <, 500);
  /* Pictures this big fill the cache's memory after about a hundred; the rest are drawn
   * afresh, which the comparisons above show to be the same drawing. */
  g_assert_cmpuint (zoomed.nodes_from_cache, >, 0);
  g_assert_cmpuint (zoomed.nodes_from_cache, <=, zoomed.nodes_drawn);
  g_assert_cmpuint (zoomed.ties_drawn, >, 0);
  g_assert_cmpuint (zoomed.ties_drawn, <, map->ties->len / 5);
  g_assert_cmpuint (zoomed.ties_clipped, >, 0);
  /* Every tie drawn whole at this zoom would be ten times the pieces of the whole map's. */
  g_assert_cmpuint (zoomed.tie_segments, <, whole.tie_segments);
}

/* How many rows of pixels two images of one size differ in: 0 is the same, bit for bit. */
static int
rows_differ (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a), differ = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    differ += memcmp (cairo_image_surface_get_data (a) + (gsize) y * stride,
                      cairo_image_surface_get_data (b) + (gsize) y * stride,
                      (gsize) width * 4) != 0;
  return differ;
}

/* One frame of @map onto a fresh image of @width x @height with @options, through a cairo_t
 * scaled by @scale, moved by a device offset (@ox, @oy) and clipped to @clip (NULL: none). */
static cairo_surface_t *
draw_frame (const HelNetmap              *map,
            const HelNetmapStyle         *style,
            const HelNetmapView          *view,
            const HelNetmapRenderOptions *options,
            int                           width,
            int                           height,
            double                        scale,
            int                           ox,
            int                           oy,
            const cairo_rectangle_int_t  *clip,
            HelNetmapRenderStats         *stats)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr;

  cairo_surface_set_device_offset (surface, ox, oy);
  cr = cairo_create (surface);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x - ox, clip->y - oy, clip->width, clip->height);
      cairo_clip (cr);
    }
  cairo_scale (cr, scale, scale);
  hel_render_netmap_layers (cr, map, style, view, options, width / scale, height / scale, stats);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* In a crowd most ties and much of the people lie under other people; the frame skips what
 * will be covered (see HelRasterCover), drawn by one thread or by several in bands of rows,
 * and must come out the same, bit for bit, as when everything is drawn: every theme, zoomed,
 * selections, the still and active layers, HiDPI, a device offset and a clip, ties without
 * arrowheads. */
static void
test_hidden_work_skipped_same_pixels (void)
{
  g_autoptr(HelNetmap) map = crowd (700);
  g_autoptr(HelNetmap) no_arrows = crowd (700);
  g_autoptr(HelNetmapRenderCache) cache = hel_netmap_render_cache_new ();
  const cairo_rectangle_int_t clip = { 90, 40, 700, 520 };
  struct {
    const char       *what;
    HelNetmapTheme    theme;
    double            zoom, scale;
    int               ox, oy;
    gboolean          clipped, initials;
    gint64            selected_node, selected_tie, active;
    HelNetmapLayer    layers;
  } cases[] = {
    { "light, whole map", HEL_NETMAP_THEME_LIGHT, 1, 1, 0, 0, FALSE, FALSE, 0, 0, 0, HEL_NETMAP_LAYER_ALL },
    { "dark, selections", HEL_NETMAP_THEME_DARK, 1, 1, 0, 0, FALSE, FALSE, 4, 3, 0, HEL_NETMAP_LAYER_ALL },
    { "high contrast, initials, zoomed", HEL_NETMAP_THEME_HIGH_CONTRAST, 3, 1, 0, 0, FALSE, TRUE, 0, 0, 0, HEL_NETMAP_LAYER_ALL },
    { "still layer under a dragged person", HEL_NETMAP_THEME_LIGHT, 1.5, 1, 0, 0, FALSE, FALSE, 0, 0, 10, HEL_NETMAP_LAYER_STATIC },
    { "dragged person on top", HEL_NETMAP_THEME_LIGHT, 1.5, 1, 0, 0, FALSE, FALSE, 0, 0, 10, HEL_NETMAP_LAYER_ALL },
    { "HiDPI", HEL_NETMAP_THEME_LIGHT, 1, 2, 0, 0, FALSE, FALSE, 7, 0, 0, HEL_NETMAP_LAYER_ALL },
    { "device offset and clip", HEL_NETMAP_THEME_DARK, 2, 1, -37, -11, TRUE, FALSE, 0, 0, 0, HEL_NETMAP_LAYER_ALL },
    { "no arrowheads", HEL_NETMAP_THEME_LIGHT, 1, 1, 0, 0, FALSE, FALSE, 0, 0, 0, HEL_NETMAP_LAYER_ALL },
  };
  const int threads[] = { 1, 2, 3, 4 };
  guint hidden_ties = 0;

  for (guint i = 0; i < no_arrows->ties->len; i++)
    ((HelNetmapTie *) no_arrows->ties->pdata[i])->arrow = HEL_NETMAP_ARROW_NONE;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      HelNetmapStyle style;
      HelNetmapView view;
      HelNetmapRenderOptions options;
      HelNetmapRenderStats skipped, all;
      cairo_surface_t *slow;
      int width = (int) (W * cases[c].scale), height = (int) (H * cases[c].scale);
      const HelNetmap *drawn = g_str_equal (cases[c].what, "no arrowheads") ? no_arrows : map;

      hel_netmap_style_init (&style, cases[c].theme);
      hel_render_netmap_fit_view (&view, &style, W, H);
      hel_netmap_view_zoom_at (&view, cases[c].zoom, W * 0.4, H * 0.45);
      hel_netmap_render_options_init (&options);
      options.cache = cache;
      options.layers = cases[c].layers;
      options.initials_only = cases[c].initials;
      options.selected_node_id = cases[c].selected_node;
      options.selected_tie_id = cases[c].selected_tie;
      options.active_node_id = cases[c].active;

      options.draw_hidden = TRUE;
      slow = draw_frame (drawn, &style, &view, &options, width, height, cases[c].scale,
                         cases[c].ox, cases[c].oy, cases[c].clipped ? &clip : NULL, &all);
      g_assert_cmpuint (all.ties_hidden, ==, 0);
      options.draw_hidden = FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
        {
          cairo_surface_t *fast;
          int differ;

          options.threads = threads[t];
          fast = draw_frame (drawn, &style, &view, &options, width, height, cases[c].scale,
                             cases[c].ox, cases[c].oy, cases[c].clipped ? &clip : NULL, &skipped);
          differ = rows_differ (fast, slow);
          g_test_message ("%s, %d thread(s): %u of %u ties in view hidden, %u pieces stroked "
                          "(all drawn: %u); %d rows differ", cases[c].what, threads[t],
                          skipped.ties_hidden, skipped.ties_drawn + skipped.ties_hidden,
                          skipped.tie_segments, all.tie_segments, differ);
          g_assert_cmpint (differ, ==, 0);
          g_assert_cmpuint (skipped.ties_drawn + skipped.ties_hidden, ==, all.ties_drawn);
          g_assert_cmpuint (skipped.nodes_drawn, ==, all.nodes_drawn);
          g_assert_cmpuint (skipped.tie_segments, <=, all.tie_segments);
          cairo_surface_destroy (fast);
        }
      hidden_ties += skipped.ties_hidden;
      cairo_surface_destroy (slow);
    }
  /* The skipping did happen: this is a crowd. */
  g_assert_cmpuint (hidden_ties, >, 20);
}

/* The backdrop (rings and labels) comes from the cache when a frame looks like the last
 * one: after any change that shows in it, the next frame draws it afresh. Each frame is
 * compared with one drawn without the speed-ups. */
static void
test_backdrop_follows_every_change (void)
{
  g_autoptr(HelNetmap) map = crowd (60);
  g_autoptr(HelNetmapRenderCache) cache = hel_netmap_render_cache_new ();
  HelNetmapStyle style;
  HelNetmapView view;
  HelNetmapRenderOptions options;
  int width = W, height = H, ox = 0, oy = 0;
  /* Narrow, a corner's sector label steps below the title: its name moves it. */
  const char *changes[] = { "first frame", "the same again", "panned", "zoomed", "dark",
                            "another font", "bigger text", "narrow", "renamed", "a caption",
                            "legend elsewhere", "initials only", "a device offset",
                            "back to the start" };

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  hel_render_netmap_fit_view (&view, &style, W, H);
  hel_netmap_render_options_init (&options);
  options.cache = cache;
  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      const char *change = changes[c];
      cairo_surface_t *fast, *slow;
      int differ;

      if (g_str_equal (change, "panned"))
        hel_netmap_view_pan (&view, 23, -11);
      else if (g_str_equal (change, "zoomed"))
        hel_netmap_view_zoom_at (&view, 1.3, W / 2.0, H / 2.0);
      else if (g_str_equal (change, "dark"))
        hel_netmap_style_init (&style, HEL_NETMAP_THEME_DARK);
      else if (g_str_equal (change, "another font"))
        style.font_family = "Serif";
      else if (g_str_equal (change, "bigger text"))
        style.text_scale = 1.4;
      else if (g_str_equal (change, "renamed"))
        {
          g_free (map->title);
          map->title = g_strdup ("Familien Østergaard-Nielsen og venner fra skolen");
        }
      else if (g_str_equal (change, "a caption"))
        options.caption = "Version 3. marts";
      else if (g_str_equal (change, "legend elsewhere"))
        options.legend_elsewhere = TRUE;
      else if (g_str_equal (change, "initials only"))
        options.initials_only = TRUE;
      else if (g_str_equal (change, "narrow"))
        {
          width = 420;
          height = H + 40;
        }
      else if (g_str_equal (change, "a device offset"))
        {
          ox = -20;
          oy = -7;
        }
      else if (g_str_equal (change, "back to the start"))
        {
          hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
          hel_render_netmap_fit_view (&view, &style, W, H);
          g_free (map->title);
          map->title = g_strdup ("Familien Prøve");
          options.caption = NULL;
          options.legend_elsewhere = FALSE;
          options.initials_only = FALSE;
          width = W;
          height = H;
          ox = oy = 0;
        }

      options.draw_hidden = FALSE;
      fast = draw_frame (map, &style, &view, &options, width, height, 1, ox, oy, NULL, NULL);
      options.draw_hidden = TRUE;
      slow = draw_frame (map, &style, &view, &options, width, height, 1, ox, oy, NULL, NULL);
      differ = rows_differ (fast, slow);
      g_test_message ("%s: %d rows differ", change, differ);
      g_assert_cmpint (differ, ==, 0);
      cairo_surface_destroy (fast);
      cairo_surface_destroy (slow);
    }
}

/* After any change to what a person's cached picture shows (name, actor, kind, colour,
 * selection, initials) the next frame shows the change: each frame is the same as one drawn
 * with a new cache. */
static void
test_pictures_follow_changes (void)
{
  g_autoptr(HelNetmap) map = crowd (40);
  g_autoptr(HelNetmapRenderCache) cache = hel_netmap_render_cache_new ();
  HelNetmapNode *node = map->nodes->pdata[5];
  HelNetmapStyle style;
  HelNetmapView view;
  HelNetmapRenderOptions options;
  const char *changes[] = { "first", "renamed", "actor", "kind", "colour", "selected",
                            "initials", "back" };

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  hel_render_netmap_fit_view (&view, &style, W, H);
  hel_netmap_view_zoom_at (&view, 2, W / 2.0, H / 2.0);
  hel_netmap_render_options_init (&options);
  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      g_autoptr(HelNetmapRenderCache) fresh = hel_netmap_render_cache_new ();
      cairo_surface_t *kept, *made;
      int differ;

      if (g_str_equal (changes[c], "renamed"))
        {
          g_free (node->name);
          node->name = g_strdup ("Helt Nyt Navn");
        }
      else if (g_str_equal (changes[c], "actor"))
        {
          g_free (node->actor);
          node->actor = g_strdup ("PPR");
        }
      else if (g_str_equal (changes[c], "kind"))
        node->kind = node->kind == HEL_NETMAP_NODE_PRIVATE ? HEL_NETMAP_NODE_PROFESSIONAL
                                                          : HEL_NETMAP_NODE_PRIVATE;
      else if (g_str_equal (changes[c], "colour"))
        {
          g_free (node->colour);
          node->colour = g_strdup ("#26a269");
        }
      else if (g_str_equal (changes[c], "selected"))
        options.selected_node_id = node->id;
      else if (g_str_equal (changes[c], "initials"))
        options.initials_only = TRUE;
      else if (g_str_equal (changes[c], "back"))
        {
          options.initials_only = FALSE;
          options.selected_node_id = 0;
        }

      options.cache = cache;
      kept = draw (map, &style, &view, &options, NULL);
      options.cache = fresh;
      made = draw (map, &style, &view, &options, NULL);
      differ = rows_differ (kept, made);
      g_test_message ("%s: %d rows differ", changes[c], differ);
      g_assert_cmpint (differ, ==, 0);
      cairo_surface_destroy (kept);
      cairo_surface_destroy (made);
    }
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A vector file gets shapes and text, never pictures of people, even when a cache is given. */
static void
test_vector_files_stay_vector (void)
{
  g_autoptr(HelNetmap) map = crowd (30);
  g_autoptr(HelNetmapRenderCache) cache = hel_netmap_render_cache_new ();
  g_autoptr(GString) svg = g_string_new (NULL);
  HelNetmapStyle style;
  HelNetmapView view;
  HelNetmapRenderOptions options;
  HelNetmapRenderStats stats;
  cairo_surface_t *surface;
  cairo_t *cr;

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  hel_render_netmap_fit_view (&view, &style, W, H);
  hel_netmap_render_options_init (&options);
  options.cache = cache;

  /* First onto pixels, so the cache holds pictures that could be (wrongly) reused. */
  cairo_surface_destroy (draw (map, &style, &view, &options, &stats));
  g_assert_cmpuint (stats.nodes_from_cache, >, 0);

  surface = cairo_svg_surface_create_for_stream (append_cb, svg, W, H);
  cr = cairo_create (surface);
  hel_render_netmap_layers (cr, map, &style, &view, &options, W, H, &stats);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (stats.nodes_drawn, ==, 30);
  g_assert_cmpuint (stats.nodes_from_cache, ==, 0);
  g_assert_null (strstr (svg->str, "<image"));
  g_assert_nonnull (strstr (svg->str, "<path"));

  /* A recording (what a print or a later PDF may replay) is not pixels either. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  hel_render_netmap_layers (cr, map, &style, &view, &options, W, H, &stats);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (stats.nodes_from_cache, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/netmap/render-cache/pictures-match-plain-drawing",
                   test_pictures_match_plain_drawing);
  g_test_add_func ("/netmap/render-cache/clipped-ties-match-whole", test_clipped_ties_match_whole);
  g_test_add_func ("/netmap/render-cache/zoomed-view-skips-work", test_zoomed_view_skips_work);
  g_test_add_func ("/netmap/render-cache/hidden-work-skipped-same-pixels",
                   test_hidden_work_skipped_same_pixels);
  g_test_add_func ("/netmap/render-cache/backdrop-follows-every-change",
                   test_backdrop_follows_every_change);
  g_test_add_func ("/netmap/render-cache/pictures-follow-changes", test_pictures_follow_changes);
  g_test_add_func ("/netmap/render-cache/vector-files-stay-vector",
                   test_vector_files_stay_vector);
  return g_test_run ();
}
