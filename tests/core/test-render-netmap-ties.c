/* test-render-netmap-ties.c: ties drawn straight into the pixels look like Cairo's strokes. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hel-render-netmap.h"

#define W 640
#define H 480

/* Two people far apart, a slanted tie of @kind between them and one from the centre to each
 * (so every slope is seen), with @arrow; tie 1 is between the two. */
static HelNetmap *
pair (HelNetmapTieKind kind,
      HelNetmapArrow   arrow,
      gboolean         with_ties)
{
  HelNetmap *map = hel_netmap_new (1, 0, "Familien Prøve");
  HelNetmapNode *a = hel_netmap_node_new ("Anna Berg", -1.9, -0.7);
  HelNetmapNode *b = hel_netmap_node_new ("Bo Holm", 1.6, 1.1);

  a->id = 1;
  b->id = 2;
  g_ptr_array_add (map->nodes, a);
  g_ptr_array_add (map->nodes, b);
  hel_netmap_invalidate_index (map);
  if (with_ties)
    {
      gint64 ends[3][2] = { { 1, 2 }, { 0, 1 }, { 0, 2 } };

      for (int i = 0; i < 3; i++)
        {
          HelNetmapTie *tie = hel_netmap_tie_new (ends[i][0], ends[i][1], kind,
                                                  i == 0 ? arrow : HEL_NETMAP_ARROW_FORWARD);
          tie->id = i + 1;
          g_ptr_array_add (map->ties, tie);
        }
      hel_netmap_invalidate_index (map);
    }
  return map;
}

/* Draws onto pixels @scale times the widget's size; with @cairo_strokes onto RGB24 pixels,
 * which keeps the ties with Cairo's strokes (the map paints an opaque background first, so
 * the colours are what they would be on ARGB32; only they are compared). */
static cairo_surface_t *
draw (const HelNetmap              *map,
      const HelNetmapStyle         *style,
      const HelNetmapView          *view,
      const HelNetmapRenderOptions *options,
      double                        scale,
      gboolean                      cairo_strokes)
{
  cairo_surface_t *surface = cairo_image_surface_create (cairo_strokes ? CAIRO_FORMAT_RGB24
                                                                        : CAIRO_FORMAT_ARGB32,
                                                         W * scale, H * scale);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  hel_render_netmap_layers (cr, map, style, view, options, W, H, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

typedef struct {
  int    max_diff;     /* the largest difference of a channel, 0-255 */
  double mean_diff;    /* the mean difference of a channel over the ties' pixels */
  double ink_ratio;    /* how much the fast ties change the map, against Cairo's; 1 = same */
  guint  tie_pixels;   /* pixels either drawing of the ties changed */
} Difference;

/* What the two drawings of the ties must keep to, and what a line one pixel wider fails. */
#define MAX_DIFF      48
#define MAX_MEAN_DIFF 6.0
#define MAX_INK_OFF   0.05

static gboolean
looks_the_same (const Difference *d)
{
  return d->max_diff <= MAX_DIFF && d->mean_diff <= MAX_MEAN_DIFF &&
         fabs (d->ink_ratio - 1) <= MAX_INK_OFF;
}

/* @fast and @slow against each other, over the pixels where either differs from @bare (the
 * same map without ties); red, green and blue. */
static Difference
compare (cairo_surface_t *fast,
         cairo_surface_t *slow,
         cairo_surface_t *bare)
{
  const guint8 *f = cairo_image_surface_get_data (fast);
  const guint8 *s = cairo_image_surface_get_data (slow);
  const guint8 *b = cairo_image_surface_get_data (bare);
  int stride = cairo_image_surface_get_stride (fast);
  int width = cairo_image_surface_get_width (fast), height = cairo_image_surface_get_height (fast);
  double sum = 0, ink_fast = 0, ink_slow = 0;
  Difference d = { 0, 0, 0, 0 };

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int off = y * stride + x * 4, change_f = 0, change_s = 0;

        for (int c = 0; c < 3; c++)
          {
            change_f += abs (f[off + c] - b[off + c]);
            change_s += abs (s[off + c] - b[off + c]);
          }
        if (change_f == 0 && change_s == 0)
          continue;
        d.tie_pixels++;
        ink_fast += change_f;
        ink_slow += change_s;
        for (int c = 0; c < 3; c++)
          {
            d.max_diff = MAX (d.max_diff, abs (f[off + c] - s[off + c]));
            sum += abs (f[off + c] - s[off + c]);
          }
      }
  d.mean_diff = d.tie_pixels > 0 ? sum / (3.0 * d.tie_pixels) : 0;
  d.ink_ratio = ink_slow > 0 ? ink_fast / ink_slow : 0;
  return d;
}

typedef struct {
  const char     *name;
  HelNetmapTheme  theme;
  double          zoom;
  double          scale;      /* device pixels per widget pixel */
} Look;

static const Look looks[] = {
  { "light", HEL_NETMAP_THEME_LIGHT, 1.0, 1 },
  { "dark", HEL_NETMAP_THEME_DARK, 1.0, 1 },
  { "light, zoomed out", HEL_NETMAP_THEME_LIGHT, 0.45, 1 },
  { "dark, zoomed in", HEL_NETMAP_THEME_DARK, 2.5, 1 },
  { "high contrast", HEL_NETMAP_THEME_HIGH_CONTRAST, 1.0, 1 },
  { "light, HiDPI x2", HEL_NETMAP_THEME_LIGHT, 1.0, 2 },
  { "dark, HiDPI x2, zoomed in", HEL_NETMAP_THEME_DARK, 1.8, 2 },
};

static void
view_for (const Look          *look,
          const HelNetmapStyle *style,
          HelNetmapView        *view)
{
  hel_render_netmap_fit_view (view, style, W, H);
  if (look->zoom != 1.0)
    hel_netmap_view_zoom_at (view, look->zoom, W / 2.0 + 30, H / 2.0 + 20);
}

/* The RGB24 pixels that keep Cairo's strokes change nothing else: without ties both ways of
 * drawing give the same colours, pixel for pixel. */
static void
test_reference_is_cairo (void)
{
  g_autoptr(HelNetmap) map = pair (HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_ARROW_NONE, FALSE);
  HelNetmapStyle style;
  HelNetmapView view;
  HelNetmapRenderOptions options;
  cairo_surface_t *a, *b;

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  hel_netmap_render_options_init (&options);
  view_for (&looks[0], &style, &view);
  a = draw (map, &style, &view, &options, 1, FALSE);
  b = draw (map, &style, &view, &options, 1, TRUE);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        guint32 pa = *(guint32 *) (gpointer) (cairo_image_surface_get_data (a) + y *
                                              cairo_image_surface_get_stride (a) + x * 4);
        guint32 pb = *(guint32 *) (gpointer) (cairo_image_surface_get_data (b) + y *
                                              cairo_image_surface_get_stride (b) + x * 4);

        g_assert_cmphex (pa & 0xffffff, ==, pb & 0xffffff);
      }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Every tie kind with every arrow, selected or not, in every look: our ties against
 * Cairo's, over the pixels the ties change. */
static void
test_every_tie_matches_cairo (void)
{
  int worst = 0;
  double worst_mean = 0;

  for (guint l = 0; l < G_N_ELEMENTS (looks); l++)
    for (int kind = 0; kind < HEL_NETMAP_N_TIE_KINDS; kind++)
      {
        HelNetmapArrow arrow = (HelNetmapArrow) ((kind + l) % HEL_NETMAP_N_ARROWS);
        g_autoptr(HelNetmap) map = pair ((HelNetmapTieKind) kind, arrow, TRUE);
        g_autoptr(HelNetmap) bare = pair ((HelNetmapTieKind) kind, arrow, FALSE);
        HelNetmapStyle style;
        HelNetmapView view;
        HelNetmapRenderOptions options;
        cairo_surface_t *fast, *slow, *none;
        Difference d;

        hel_netmap_style_init (&style, looks[l].theme);
        view_for (&looks[l], &style, &view);
        hel_netmap_render_options_init (&options);
        /* Every other one selected: the wide, see-through, round-ended band under it. */
        if ((kind + l) % 2 == 0)
          options.selected_tie_id = 1;
        fast = draw (map, &style, &view, &options, looks[l].scale, FALSE);
        slow = draw (map, &style, &view, &options, looks[l].scale, TRUE);
        none = draw (bare, &style, &view, &options, looks[l].scale, TRUE);
        d = compare (fast, slow, none);
        g_test_message ("%s, kind %d, arrow %d%s: max %d, mean %.2f, ink %.3f over %u pixels",
                        looks[l].name, kind, arrow, options.selected_tie_id ? ", selected" : "",
                        d.max_diff, d.mean_diff, d.ink_ratio, d.tie_pixels);
        /* The tie is there: a dashed one zoomed out changes about 430 pixels. */
        g_assert_cmpuint (d.tie_pixels, >, 300);
        g_assert_true (looks_the_same (&d));
        worst = MAX (worst, d.max_diff);
        worst_mean = MAX (worst_mean, d.mean_diff);
        cairo_surface_destroy (fast);
        cairo_surface_destroy (slow);
        cairo_surface_destroy (none);
      }
  g_test_message ("worst channel difference %d, worst mean %.2f", worst, worst_mean);
}

/* The comparison sees a wrong line: Cairo's ties a pixel wider (by the style's line scale)
 * against ours must fail it, for every kind. */
static void
test_wider_ties_fail (void)
{
  for (int kind = 0; kind < HEL_NETMAP_N_TIE_KINDS; kind++)
    {
      g_autoptr(HelNetmap) map = pair ((HelNetmapTieKind) kind, HEL_NETMAP_ARROW_NONE, TRUE);
      g_autoptr(HelNetmap) bare = pair ((HelNetmapTieKind) kind, HEL_NETMAP_ARROW_NONE, FALSE);
      HelNetmapStyle style, wider;
      HelNetmapView view;
      HelNetmapRenderOptions options;
      cairo_surface_t *fast, *slow, *none;
      Difference d;
      double unit;

      hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
      /* The line scale widens the rings' lines and the outlines too: made invisible, and no
       * legend, the ties are all it changes. */
      style.ring_line.alpha = 0;
      style.sector_line.alpha = 0;
      style.node_outline.alpha = 0;
      view_for (&looks[0], &style, &view);
      hel_netmap_render_options_init (&options);
      options.layers = HEL_NETMAP_LAYER_STATIC;
      /* The drawing's unit at this zoom (see hel-render-netmap.c); the plain line is 2 units
       * wide, so this scale makes it one pixel wider. */
      unit = CLAMP (view.scale / 120.0, 0.55, 2.4);
      wider = style;
      wider.line_scale = (2 * unit + 1) / (2 * unit);
      fast = draw (map, &style, &view, &options, 1, FALSE);
      slow = draw (map, &wider, &view, &options, 1, TRUE);
      none = draw (bare, &style, &view, &options, 1, TRUE);
      d = compare (fast, slow, none);
      g_test_message ("kind %d, Cairo's a pixel wider: max %d, mean %.2f, ink %.3f", kind,
                      d.max_diff, d.mean_diff, d.ink_ratio);
      g_assert_false (looks_the_same (&d));
      cairo_surface_destroy (fast);
      cairo_surface_destroy (slow);
      cairo_surface_destroy (none);
    }
}

/* The same map with a cache: ties straight into the pixels, people from pictures; a second
 * frame is the first, exactly (nothing is left over in the rasterizer between frames). */
static void
test_frames_repeat_exactly (void)
{
  g_autoptr(HelNetmap) map = pair (HEL_NETMAP_TIE_STRESSFUL, HEL_NETMAP_ARROW_BOTH, TRUE);
  g_autoptr(HelNetmapRenderCache) cache = hel_netmap_render_cache_new ();
  HelNetmapStyle style;
  HelNetmapView view;
  HelNetmapRenderOptions options;
  cairo_surface_t *first, *second;

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  view_for (&looks[0], &style, &view);
  hel_netmap_render_options_init (&options);
  options.cache = cache;
  first = draw (map, &style, &view, &options, 1, FALSE);
  second = draw (map, &style, &view, &options, 1, FALSE);
  g_assert_cmpmem (cairo_image_surface_get_data (first), cairo_image_surface_get_stride (first) * H,
                   cairo_image_surface_get_data (second),
                   cairo_image_surface_get_stride (second) * H);
  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/netmap/ties/reference-is-cairo", test_reference_is_cairo);
  g_test_add_func ("/netmap/ties/every-tie-matches-cairo", test_every_tie_matches_cairo);
  g_test_add_func ("/netmap/ties/wider-ties-fail", test_wider_ties_fail);
  g_test_add_func ("/netmap/ties/frames-repeat-exactly", test_frames_repeat_exactly);
  return g_test_run ();
}
