/* test-raster-cover.c: pictures painted except where a later one covers them, exactly as
 * Cairo paints them; which boxes of pixels are covered; lines left out where hidden. */
#include "config.h"

#include <string.h>

#include "hel-raster-cover.h"
#include "hel-raster-line.h"

#define W 203
#define H 117

/* Random premultiplied pixels: clear, opaque and in between, as pictures of people have. */
static cairo_surface_t *
random_image (GRand *rand,
              int    width,
              int    height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int pick = g_rand_int_range (rand, 0, 4);
        guint32 a = pick == 0 ? 0 : pick == 1 ? 255 : (guint32) g_rand_int_range (rand, 1, 255);
        guint32 r = (guint32) g_rand_int_range (rand, 0, (int) a + 1);
        guint32 g = (guint32) g_rand_int_range (rand, 0, (int) a + 1);
        guint32 b = (guint32) g_rand_int_range (rand, 0, (int) a + 1);

        ((guint32 *) (gpointer) (data + (gsize) y * stride))[x] = a << 24 | r << 16 | g << 8 | b;
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
copy_image (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  cairo_surface_flush (surface);
  memcpy (cairo_image_surface_get_data (copy), cairo_image_surface_get_data (surface),
          (gsize) cairo_image_surface_get_stride (surface) * height);
  cairo_surface_mark_dirty (copy);
  return copy;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return ((const guint32 *) (gconstpointer) (data + (gsize) y * cairo_image_surface_get_stride (surface)))[x];
}

/* Cairo's OVER of @box of @picture with its (0, 0) at (@x, @y), clipped to @clip: what the map
 * did before it skipped anything. */
static void
cairo_paint_box (cairo_surface_t             *target,
                 cairo_surface_t             *picture,
                 const cairo_rectangle_int_t *box,
                 int                          x,
                 int                          y,
                 const cairo_rectangle_int_t *clip)
{
  cairo_t *cr = cairo_create (target);

  cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, picture, x, y);
  cairo_rectangle (cr, x + box->x, y + box->y, box->width, box->height);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (target);
}

/* With nothing covered, a picture lands as Cairo (pixman) puts it, bit for bit, at any place,
 * partly outside the clip, for boxes of any width (eight pixels at a time and the rest). */
static void
test_composite_matches_cairo (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(HelRasterCover) cover = hel_raster_cover_new ();
  const cairo_rectangle_int_t clip = { 13, 9, 170, 96 };

  for (int round = 0; round < 60; round++)
    {
      cairo_surface_t *target = random_image (rand, W, H), *expected = copy_image (target);
      cairo_surface_t *picture = random_image (rand, 61, 47);
      cairo_rectangle_int_t box = { g_rand_int_range (rand, 0, 20), g_rand_int_range (rand, 0, 20),
                                    0, 0 };
      int x = g_rand_int_range (rand, -40, W), y = g_rand_int_range (rand, -30, H);

      box.width = g_rand_int_range (rand, 1, 61 - box.x + 1);
      box.height = g_rand_int_range (rand, 1, 47 - box.y + 1);
      cairo_paint_box (expected, picture, &box, x, y, &clip);

      hel_raster_cover_begin (cover, cairo_image_surface_get_data (target), W, H,
                              cairo_image_surface_get_stride (target), &clip);
      hel_raster_cover_index (cover);
      hel_raster_cover_composite (cover, cairo_image_surface_get_data (picture),
                                  cairo_image_surface_get_stride (picture), &box, x, y, 1);
      hel_raster_cover_end (cover);

      for (int j = 0; j < H; j++)
        for (int i = 0; i < W; i++)
          if (pixel_at (target, i, j) != pixel_at (expected, i, j))
            g_error ("round %d: pixel (%d, %d) is %08x, Cairo made %08x", round, i, j,
                     pixel_at (target, i, j), pixel_at (expected, i, j));
      cairo_surface_destroy (target);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (picture);
    }
}

/* Several pictures in painting order, each marking where it is opaque: each is painted
 * except where a later one covers it, and the frame is what Cairo makes painting them all. */
static void
test_later_pictures_hide_earlier (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(HelRasterCover) cover = hel_raster_cover_new ();
  const cairo_rectangle_int_t clip = { 0, 0, W, H };
  enum { N = 40, PW = 48, PH = 40 };
  cairo_surface_t *pictures[N];
  int xs[N], ys[N];
  cairo_surface_t *target = random_image (rand, W, H), *expected = copy_image (target);
  const cairo_rectangle_int_t whole = { 0, 0, PW, PH };
  guint skipped = 0;

  hel_raster_cover_begin (cover, cairo_image_surface_get_data (target), W, H,
                          cairo_image_surface_get_stride (target), &clip);
  for (int k = 0; k < N; k++)
    {
      guint8 *data;
      int stride;

      pictures[k] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, PW, PH);
      data = cairo_image_surface_get_data (pictures[k]);
      stride = cairo_image_surface_get_stride (pictures[k]);
      xs[k] = g_rand_int_range (rand, -20, W - 20);
      ys[k] = g_rand_int_range (rand, -20, H - 20);
      /* A translucent rim round an opaque middle, as a person's disc. */
      for (int y = 0; y < PH; y++)
        for (int x = 0; x < PW; x++)
          {
            gboolean middle = x >= 6 && x < PW - 6 && y >= 5 && y < PH - 5;
            guint32 a = middle ? 255 : (guint32) g_rand_int_range (rand, 0, 200);
            guint32 c = (guint32) g_rand_int_range (rand, 0, (int) a + 1);

            ((guint32 *) (gpointer) (data + (gsize) y * stride))[x] = a << 24 | c << 16 | (a / 2) << 8 | c;
          }
      cairo_surface_mark_dirty (pictures[k]);
      for (int y = 5; y < PH - 5; y++)
        hel_raster_cover_add_run (cover, ys[k] + y, xs[k] + 6, xs[k] + PW - 6, (guint16) (k + 1));
      cairo_paint_box (expected, pictures[k], &whole, xs[k], ys[k], &clip);
    }
  hel_raster_cover_index (cover);

  for (int k = 0; k < N; k++)
    {
      cairo_surface_t *before = copy_image (target);

      hel_raster_cover_composite (cover, cairo_image_surface_get_data (pictures[k]),
                                  cairo_image_surface_get_stride (pictures[k]), &whole, xs[k],
                                  ys[k], (guint16) (k + 1));
      /* Where a later picture is opaque, nothing was painted. */
      for (int j = k + 1; j < N; j++)
        for (int y = MAX (ys[j] + 5, 0); y < MIN (ys[j] + PH - 5, H); y++)
          for (int x = MAX (xs[j] + 6, 0); x < MIN (xs[j] + PW - 6, W); x++)
            {
              g_assert_cmphex (pixel_at (target, x, y), ==, pixel_at (before, x, y));
              skipped += x >= xs[k] && x < xs[k] + PW && y >= ys[k] && y < ys[k] + PH;
            }
      cairo_surface_destroy (before);
    }
  hel_raster_cover_end (cover);
  g_assert_cmpuint (skipped, >, 1000);

  for (int j = 0; j < H; j++)
    for (int i = 0; i < W; i++)
      if (pixel_at (target, i, j) != pixel_at (expected, i, j))
        g_error ("pixel (%d, %d) is %08x, Cairo made %08x", i, j, pixel_at (target, i, j),
                 pixel_at (expected, i, j));
  for (int k = 0; k < N; k++)
    cairo_surface_destroy (pictures[k]);
  cairo_surface_destroy (target);
  cairo_surface_destroy (expected);
}

/* A box is reported covered only when every pixel in it is, inside the clip; big covered
 * areas are found; a new frame starts uncovered. */
static void
test_box_hidden (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(HelRasterCover) cover = hel_raster_cover_new ();
  const cairo_rectangle_int_t clip = { 5, 3, 180, 100 };
  g_autofree guint8 *pixels = g_new0 (guint8, (gsize) W * H * 4);
  gboolean covered[H][W] = { { FALSE } };
  const guint16 *owners;
  cairo_rectangle_int_t area;
  int stride;
  guint found = 0;

  hel_raster_cover_begin (cover, pixels, W, H, W * 4, &clip);
  /* A big block, and random runs. */
  for (int y = 30; y < 80; y++)
    hel_raster_cover_add_run (cover, y, 40, 120, 1);
  for (int k = 0; k < 400; k++)
    {
      int y = g_rand_int_range (rand, -5, H + 5), x0 = g_rand_int_range (rand, -10, W);
      int x1 = x0 + g_rand_int_range (rand, 0, 60);

      hel_raster_cover_add_run (cover, y, x0, x1, (guint16) (k + 2));
    }
  hel_raster_cover_index (cover);
  owners = hel_raster_cover_get_owners (cover, &stride, &area);
  g_assert_nonnull (owners);
  g_assert_cmpint (area.x, ==, clip.x);
  g_assert_cmpint (area.width, ==, clip.width);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      covered[y][x] = x >= clip.x && x < clip.x + clip.width && y >= clip.y &&
                      y < clip.y + clip.height &&
                      owners[(gsize) (y - clip.y) * stride + x - clip.x] != 0;
  g_assert_true (covered[50][60]);
  g_assert_false (covered[1][1]);

  for (int k = 0; k < 3000; k++)
    {
      int x0 = g_rand_int_range (rand, -10, W + 10), y0 = g_rand_int_range (rand, -10, H + 10);
      int x1 = x0 + g_rand_int_range (rand, 0, 30), y1 = y0 + g_rand_int_range (rand, 0, 30);

      if (!hel_raster_cover_box_hidden (cover, x0, y0, x1, y1))
        continue;
      found++;
      for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++)
          g_assert_true (x >= 0 && x < W && y >= 0 && y < H && covered[y][x]);
    }
  g_assert_cmpuint (found, >, 0);
  g_assert_true (hel_raster_cover_box_hidden (cover, 50, 40, 100, 70));
  g_assert_false (hel_raster_cover_box_hidden (cover, 50, 40, 130, 70));
  hel_raster_cover_end (cover);

  /* The next frame starts with nothing covered. */
  hel_raster_cover_begin (cover, pixels, W, H, W * 4, &clip);
  hel_raster_cover_index (cover);
  owners = hel_raster_cover_get_owners (cover, &stride, &area);
  for (int y = 0; y < area.height; y++)
    for (int x = 0; x < area.width; x++)
      g_assert_cmpuint (owners[(gsize) y * stride + x], ==, 0);
  g_assert_false (hel_raster_cover_box_hidden (cover, 50, 40, 100, 70));
  hel_raster_cover_end (cover);
}

/* Lines leave hidden pixels alone and draw every other pixel as they would without. */
static void
test_lines_skip_hidden_pixels (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  const cairo_rectangle_int_t clip = { 7, 4, 190, 105 };
  g_autofree guint16 *hidden = g_new0 (guint16, (gsize) clip.width * clip.height);
  guint kept = 0;

  for (int y = 0; y < clip.height; y++)
    for (int x = 0; x < clip.width; x++)
      hidden[(gsize) y * clip.width + x] = (x / 9 + y / 7) % 3 == 0 ? 5 : 0;

  for (int round = 0; round < 40; round++)
    {
      cairo_surface_t *with = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      cairo_surface_t *without = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
      HelRasterLine *a, *b;
      double width = g_rand_double_range (rand, 0.5, 6);
      HelRasterCap cap = round % 2 ? HEL_RASTER_CAP_ROUND : HEL_RASTER_CAP_BUTT;
      int n = g_rand_int_range (rand, 1, 4);

      a = hel_raster_line_new_for_data (cairo_image_surface_get_data (with), W, H,
                                        cairo_image_surface_get_stride (with), &clip, 1, 0, 0);
      b = hel_raster_line_new_for_data (cairo_image_surface_get_data (without), W, H,
                                        cairo_image_surface_get_stride (without), &clip, 1, 0, 0);
      hel_raster_line_set_hidden (a, hidden, clip.width, &clip);
      hel_raster_line_set_colour (a, 0.2, 0.4, 0.8, round % 3 ? 1 : 0.6);
      hel_raster_line_set_colour (b, 0.2, 0.4, 0.8, round % 3 ? 1 : 0.6);
      /* One piece (the fast path) or a polyline with joins. */
      for (int k = 0; k <= n; k++)
        {
          double x = g_rand_double_range (rand, -20, W + 20), y = g_rand_double_range (rand, -20, H + 20);

          hel_raster_line_line_to (a, x, y);
          hel_raster_line_line_to (b, x, y);
        }
      hel_raster_line_stroke (a, width, cap);
      hel_raster_line_stroke (b, width, cap);
      hel_raster_line_free (a);
      hel_raster_line_free (b);

      for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
          {
            gboolean inside = x >= clip.x && x < clip.x + clip.width && y >= clip.y &&
                              y < clip.y + clip.height;
            gboolean is_hidden = inside && hidden[(gsize) (y - clip.y) * clip.width + x - clip.x];

            if (is_hidden)
              g_assert_cmphex (pixel_at (with, x, y), ==, 0);
            else
              {
                g_assert_cmphex (pixel_at (with, x, y), ==, pixel_at (without, x, y));
                kept += pixel_at (with, x, y) != 0;
              }
          }
      cairo_surface_destroy (with);
      cairo_surface_destroy (without);
    }
  g_assert_cmpuint (kept, >, 1000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/raster-cover/composite-matches-cairo", test_composite_matches_cairo);
  g_test_add_func ("/raster-cover/later-pictures-hide-earlier", test_later_pictures_hide_earlier);
  g_test_add_func ("/raster-cover/box-hidden", test_box_hidden);
  g_test_add_func ("/raster-cover/lines-skip-hidden-pixels", test_lines_skip_hidden_pixels);
  return g_test_run ();
}
