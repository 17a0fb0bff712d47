/* test-raster-line.c: our own line rasterizer draws what Cairo's strokes draw, never outside. */
#include "config.h"

#include <cairo-svg.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hel-raster-line.h"

#define W 160
#define H 120

typedef struct {
  double x, y;
} Point;

typedef struct {
  double red, green, blue, alpha;
} Colour;

static const Colour ink_on_light = { 0.18, 0.20, 0.21, 1.0 };     /* the light style's tie */
static const Colour light_paper = { 0.98, 0.98, 0.98, 1.0 };
static const Colour ink_on_dark = { 0.91, 0.91, 0.91, 1.0 };      /* the dark style's tie */
static const Colour dark_paper = { 0.14, 0.14, 0.14, 1.0 };
static const Colour red_ink = { 0.75, 0.11, 0.16, 1.0 };

/* How far a drawing is from Cairo's. Ink: the pixels either picture changed on the paper. */
typedef struct {
  int    max_diff;        /* the largest difference of a channel, 0-255 */
  double mean_diff;       /* the mean difference of a channel over the ink pixels */
  double ink_ratio;       /* how much ink (summed change from the paper) ours has, 1 = same */
  guint  ink_pixels;
} Difference;

/* What every comparison must pass, and a line one pixel wider or one pixel off must not:
 * Cairo's and our antialiasing differ by a few levels on the edges of slanted lines. */
#define MAX_DIFF      48
#define MAX_MEAN_DIFF 6.0
#define MAX_INK_OFF   0.04

static gboolean
looks_the_same (const Difference *d)
{
  return d->max_diff <= MAX_DIFF && d->mean_diff <= MAX_MEAN_DIFF &&
         fabs (d->ink_ratio - 1) <= MAX_INK_OFF;
}

static Difference
compare (cairo_surface_t *cairo_drawn,
         cairo_surface_t *ours,
         const Colour    *paper)
{
  const guint8 *a = cairo_image_surface_get_data (cairo_drawn);
  const guint8 *b = cairo_image_surface_get_data (ours);
  int stride = cairo_image_surface_get_stride (cairo_drawn);
  int width = cairo_image_surface_get_width (cairo_drawn);
  int height = cairo_image_surface_get_height (cairo_drawn);
  guint8 bg[4];
  double sum = 0, ink_a = 0, ink_b = 0;
  Difference d = { 0, 0, 0, 0 };

  cairo_surface_flush (cairo_drawn);
  cairo_surface_flush (ours);
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (ours));
  /* The paper as Cairo painted it (its rounding), from a corner no test draws on. */
  memcpy (bg, b + (height - 1) * stride + (width - 1) * 4, 4);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pa = a + y * stride + x * 4, *pb = b + y * stride + x * 4;
        int change_a = 0, change_b = 0;

        for (int c = 0; c < 4; c++)
          {
            change_a += abs (pa[c] - bg[c]);
            change_b += abs (pb[c] - bg[c]);
          }
        if (change_a == 0 && change_b == 0)
          continue;
        d.ink_pixels++;
        ink_a += change_a;
        ink_b += change_b;
        for (int c = 0; c < 4; c++)
          {
            if (abs (pa[c] - pb[c]) > d.max_diff && g_test_verbose ())
              g_test_message ("  worse at (%d, %d): %d vs %d", x, y, pa[c], pb[c]);
            d.max_diff = MAX (d.max_diff, abs (pa[c] - pb[c]));
            sum += abs (pa[c] - pb[c]);
          }
      }
  d.mean_diff = d.ink_pixels > 0 ? sum / (4.0 * d.ink_pixels) : 0;
  d.ink_ratio = ink_a > 0 ? ink_b / ink_a : ink_b == 0 ? 1 : G_MAXDOUBLE;
  return d;
}

static cairo_surface_t *
paper_surface (const Colour *paper)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgba (cr, paper->red, paper->green, paper->blue, paper->alpha);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

/* One stroke of polylines (each a sub-path of @n_points, @n_paths of them in a row). */
typedef struct {
  const Point  *points;
  int           n_points;
  int           n_paths;
  double        width;
  HelRasterCap  cap;
  const Colour *ink;
  double        scale;      /* the matrix: user to device */
} Stroke;

static void
stroke_with_cairo (cairo_surface_t *surface,
                   const Stroke    *s)
{
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, s->scale, s->scale);
  for (int p = 0; p < s->n_paths; p++)
    for (int i = 0; i < s->n_points; i++)
      {
        const Point *pt = &s->points[p * s->n_points + i];

        if (i == 0)
          cairo_move_to (cr, pt->x, pt->y);
        else
          cairo_line_to (cr, pt->x, pt->y);
      }
  cairo_set_line_width (cr, s->width);
  cairo_set_line_cap (cr, s->cap == HEL_RASTER_CAP_ROUND ? CAIRO_LINE_CAP_ROUND
                                                         : CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgba (cr, s->ink->red, s->ink->green, s->ink->blue, s->ink->alpha);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
stroke_ourselves (cairo_surface_t *surface,
                  const Stroke    *s)
{
  cairo_t *cr = cairo_create (surface);
  g_autoptr(HelRasterLine) raster = NULL;

  cairo_scale (cr, s->scale, s->scale);
  raster = hel_raster_line_new_for_cairo (cr);
  g_assert_nonnull (raster);
  hel_raster_line_set_colour (raster, s->ink->red, s->ink->green, s->ink->blue, s->ink->alpha);
  for (int p = 0; p < s->n_paths; p++)
    for (int i = 0; i < s->n_points; i++)
      {
        const Point *pt = &s->points[p * s->n_points + i];

        if (i == 0)
          hel_raster_line_move_to (raster, pt->x, pt->y);
        else
          hel_raster_line_line_to (raster, pt->x, pt->y);
      }
  hel_raster_line_stroke (raster, s->width, s->cap);
  cairo_destroy (cr);
}

/* Draws @theirs with Cairo and @ours with the rasterizer on @paper; how far apart. */
static Difference
difference_of (const Stroke *theirs,
               const Stroke *ours,
               const Colour *paper)
{
  cairo_surface_t *a = paper_surface (paper), *b = paper_surface (paper);
  Difference d;

  stroke_with_cairo (a, theirs);
  stroke_ourselves (b, ours);
  d = compare (a, b, paper);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return d;
}

/* Straight lines at every angle, width, cap and sub-pixel place, dark on light and light on
 * dark, at scale 1 and 2 (HiDPI): the same as Cairo's. */
static void
test_lines_match_cairo (void)
{
  const double widths[] = { 0.9, 1.1, 1.7, 2.0, 2.8, 4.6, 14.0 };
  const Colour *inks[] = { &ink_on_light, &ink_on_dark, &red_ink };
  const Colour *papers[] = { &light_paper, &dark_paper, &light_paper };
  int worst = 0, n = 0;
  double worst_mean = 0;

  for (int angle = 0; angle < 360; angle += 7)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (int cap = HEL_RASTER_CAP_BUTT; cap <= HEL_RASTER_CAP_ROUND; cap++)
        {
          int style = (angle / 7 + w) % 3;
          double scale = (angle / 7) % 4 == 3 ? 2 : 1;
          double rad = angle * G_PI / 180, len = 25 + angle % 40;
          double cx = (W / 2.0 + (angle % 5) * 0.23) / scale;
          double cy = (H / 2.0 + (angle % 3) * 0.31) / scale;
          Point points[2] = { { cx - cos (rad) * len / 2, cy - sin (rad) * len / 2 },
                              { cx + cos (rad) * len / 2, cy + sin (rad) * len / 2 } };
          Stroke s = { points, 2, 1, widths[w], cap, inks[style], scale };
          Difference d = difference_of (&s, &s, papers[style]);

          if (!looks_the_same (&d) || d.mean_diff > 3 || d.max_diff > 36)
            g_test_message ("angle %d width %.1f cap %d scale %.0f: max %d mean %.2f ink %.3f",
                            angle, widths[w], cap, scale, d.max_diff, d.mean_diff,
                            d.ink_ratio);
          g_assert_true (looks_the_same (&d));
          worst = MAX (worst, d.max_diff);
          worst_mean = MAX (worst_mean, d.mean_diff);
          n++;
        }
  g_test_message ("%d lines: worst channel difference %d, worst mean %.2f", n, worst,
                  worst_mean);
}

/* Polylines with round joins (the zigzag), sharp and flat corners, and several sub-paths in
 * one stroke (hatching, the three lines of a strong tie); half-transparent too, where a
 * doubly blended join would show. */
static void
test_polylines_match_cairo (void)
{
  Point zigzag[12];
  Point hatching[12];
  Point triple[6] = { { 20, 40 }, { 140, 70 }, { 20, 43.4 }, { 140, 73.4 }, { 20, 46.8 },
                      { 140, 76.8 } };
  Point corner[3] = { { 30, 100 }, { 80, 20 }, { 130, 100 } };
  Point flat[3] = { { 20, 60 }, { 80, 62 }, { 140, 60 } };
  Colour glass = { 0.21, 0.52, 0.89, 0.35 };
  Stroke strokes[] = {
    { zigzag, 12, 1, 1.8, HEL_RASTER_CAP_BUTT, &red_ink, 1 },
    { zigzag, 12, 1, 1.8, HEL_RASTER_CAP_BUTT, &glass, 1 },
    { zigzag, 12, 1, 1.0, HEL_RASTER_CAP_BUTT, &ink_on_dark, 1 },
    { zigzag, 12, 1, 3.0, HEL_RASTER_CAP_BUTT, &red_ink, 1 },
    { zigzag, 12, 1, 4.4, HEL_RASTER_CAP_BUTT, &ink_on_dark, 1 },
    { zigzag, 12, 1, 2.2, HEL_RASTER_CAP_BUTT, &ink_on_light, 2 },
    { hatching, 2, 6, 1.6, HEL_RASTER_CAP_BUTT, &red_ink, 1 },
    { triple, 2, 3, 1.7, HEL_RASTER_CAP_BUTT, &ink_on_light, 1 },
    { corner, 3, 1, 3.0, HEL_RASTER_CAP_BUTT, &glass, 1 },
    { corner, 3, 1, 14.0, HEL_RASTER_CAP_ROUND, &glass, 1 },
    { flat, 3, 1, 2.0, HEL_RASTER_CAP_BUTT, &ink_on_light, 1 },
  };

  for (int i = 0; i < 12; i++)
    {
      zigzag[i] = (Point) { 15 + i * 11.3, 60 + (i % 2 ? 6.3 : -6.3) };
      hatching[i] = (Point) { 20 + (i / 2) * 20.2 + (i % 2 ? 2.5 : -2.5),
                              60 + (i % 2 ? 5.5 : -5.5) };
    }
  zigzag[0].y = zigzag[11].y = 60;

  for (guint i = 0; i < G_N_ELEMENTS (strokes); i++)
    {
      const Colour *paper = strokes[i].ink == &ink_on_dark ? &dark_paper : &light_paper;
      Difference d = difference_of (&strokes[i], &strokes[i], paper);

      g_test_message ("stroke %u: max %d mean %.2f ink %.3f over %u pixels", i, d.max_diff,
                      d.mean_diff, d.ink_ratio, d.ink_pixels);
      g_assert_true (looks_the_same (&d));
    }
}

/* The thresholds see a visibly different line: one pixel wider, one pixel aside, round ends
 * instead of flat ones, a paler colour. Each wrong drawing must fail. */
static void
test_wrong_lines_fail (void)
{
  Point line[2] = { { 30.3, 30.6 }, { 130.2, 88.1 } };
  Point aside[2] = { { 31.3, 30.6 }, { 131.2, 88.1 } };
  Point straight[2] = { { 20, 60.5 }, { 140, 60.5 } };
  Colour pale = { 0.45, 0.47, 0.48, 1.0 };
  Stroke right = { line, 2, 1, 2.0, HEL_RASTER_CAP_BUTT, &ink_on_light, 1 };
  Stroke wrong;
  Difference d;

  d = difference_of (&right, &right, &light_paper);
  g_assert_true (looks_the_same (&d));

  wrong = right;
  wrong.width += 1;
  d = difference_of (&right, &wrong, &light_paper);
  g_test_message ("one wider: max %d mean %.2f ink %.3f", d.max_diff, d.mean_diff, d.ink_ratio);
  g_assert_false (looks_the_same (&d));

  wrong = right;
  wrong.points = aside;
  d = difference_of (&right, &wrong, &light_paper);
  g_test_message ("one aside: max %d mean %.2f ink %.3f", d.max_diff, d.mean_diff, d.ink_ratio);
  g_assert_false (looks_the_same (&d));

  wrong = right;
  wrong.ink = &pale;
  d = difference_of (&right, &wrong, &light_paper);
  g_test_message ("paler: max %d mean %.2f ink %.3f", d.max_diff, d.mean_diff, d.ink_ratio);
  g_assert_false (looks_the_same (&d));

  right.points = straight;
  right.width = 4;
  wrong = right;
  wrong.cap = HEL_RASTER_CAP_ROUND;
  d = difference_of (&right, &wrong, &light_paper);
  g_test_message ("round ends: max %d mean %.2f ink %.3f", d.max_diff, d.mean_diff,
                  d.ink_ratio);
  g_assert_false (looks_the_same (&d));

  /* The other way round too: a width Cairo draws 1 thinner. */
  wrong = right;
  right.width = 2;
  wrong.width = 3;
  d = difference_of (&wrong, &right, &light_paper);
  g_assert_false (looks_the_same (&d));
}

/* ---- never outside the pixels it may draw on ---- */

#define GUARD 16          /* bytes of guard around the drawable pixels */
#define CANARY 0xa5

typedef struct {
  guint8 *block;          /* the guard, the pixels and the guard */
  guint8 *pixels;
  int     width, height, stride;
  gsize   size;
} Guarded;

static void
guarded_init (Guarded *g,
              int      width,
              int      height)
{
  /* Rows with slack on the right that must stay untouched too. */
  g->width = width;
  g->height = height;
  g->stride = width * 4 + GUARD;
  g->size = (gsize) g->stride * height + 2 * GUARD;
  g->block = g_malloc (g->size);
  memset (g->block, CANARY, g->size);
  g->pixels = g->block + GUARD;
  for (int y = 0; y < height; y++)
    memset (g->pixels + y * g->stride, 0, width * 4);
}

/* Every byte outside @clip (device pixels) is what it was: canaries in the guard and the row
 * slack, zero (no paint) in the pixels outside the clip. */
static void
guarded_check (const Guarded               *g,
               const cairo_rectangle_int_t *clip)
{
  for (gsize i = 0; i < g->size; i++)
    {
      gssize offset = (gssize) i - GUARD;
      int y = offset >= 0 ? (int) (offset / g->stride) : -1;
      int x = offset >= 0 ? (int) (offset % g->stride) : -1;
      gboolean in_pixels = offset >= 0 && y < g->height && x < g->width * 4;
      gboolean in_clip = in_pixels && x / 4 >= clip->x && x / 4 < clip->x + clip->width &&
                         y >= clip->y && y < clip->y + clip->height;

      if (in_clip)
        continue;
      if (in_pixels)
        {
          if (g->block[i] != 0)
            g_error ("pixel (%d, %d) outside the clip was drawn", x / 4, y);
        }
      else if (g->block[i] != CANARY)
        g_error ("byte %" G_GSSIZE_FORMAT " outside the pixels was written", offset);
    }
}

static guint
guarded_ink (const Guarded *g)
{
  guint ink = 0;

  for (int y = 0; y < g->height; y++)
    for (int x = 0; x < g->width; x++)
      ink += g->pixels[y * g->stride + x * 4 + 3] != 0;
  return ink;
}

/* Lines over the edges, at negative and huge coordinates, not finite, of no length, wide
 * and hair thin, into pixels with guards around them and a clip inside them: nothing is
 * written outside the clip, and what is inside is drawn. */
static void
test_stays_inside (void)
{
  const double huge = 1e300, nan_value = NAN, inf = INFINITY;
  const double lines[][4] = {
    { -50, -50, 200, 200 },         /* corner to corner, through everything */
    { -10, 30, 170, 30 },           /* across, over both edges */
    { 40, -10, 40, 130 },           /* down, over both edges */
    { -1, -1, -1, 200 },            /* just left of the pixels */
    { 0, 0, 0, 0 },                 /* a dot on the corner */
    { 159.9, 119.9, 159.9, 119.9 }, /* a dot on the far corner */
    { 80, 60, 80, 60 },             /* a dot in the middle */
    { -huge, 60, huge, 60 },        /* endless across */
    { 80, -huge, 80, huge },        /* endless down */
    { -huge, -huge, huge, huge },   /* endless, slanted */
    { -G_MAXDOUBLE, 10, G_MAXDOUBLE, 110 },
    { 1e9, 1e9, -1e9, -1e9 + 0.5 },
    { nan_value, 10, 50, 50 },
    { 10, 10, inf, 50 },
    { -inf, -inf, inf, inf },
    { 20, 20, 20.0000001, 20 },     /* almost no length */
    { 1e-300, 5, 2e-300, 100 },
  };
  const cairo_rectangle_int_t clips[] = {
    { 0, 0, 160, 120 }, { 10, 20, 100, 60 }, { 159, 0, 1, 120 }, { 0, 119, 160, 1 },
    { 50, 50, 0, 0 }, { -20, -20, 400, 400 },
  };
  const double widths[] = { 0.5, 2, 14, 400, 1e12, 1e300 };

  for (guint c = 0; c < G_N_ELEMENTS (clips); c++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (int cap = HEL_RASTER_CAP_BUTT; cap <= HEL_RASTER_CAP_ROUND; cap++)
        {
          cairo_rectangle_int_t inside = clips[c];
          Guarded g;
          HelRasterLine *raster;

          guarded_init (&g, W, H);
          raster = hel_raster_line_new_for_data (g.pixels, W, H, g.stride, &clips[c], 1, 0, 0);
          hel_raster_line_set_colour (raster, 0.2, 0.3, 0.4, 0.9);
          for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
            {
              hel_raster_line_move_to (raster, lines[i][0], lines[i][1]);
              hel_raster_line_line_to (raster, lines[i][2], lines[i][3]);
              /* Every other one in a stroke of its own. */
              if (i % 2 == 1)
                hel_raster_line_stroke (raster, widths[w], cap);
            }
          hel_raster_line_stroke (raster, widths[w], cap);
          hel_raster_line_free (raster);

          /* The clip as the rasterizer keeps it: inside the pixels. */
          inside.x = CLAMP (inside.x, 0, W);
          inside.y = CLAMP (inside.y, 0, H);
          inside.width = CLAMP (clips[c].x + clips[c].width, inside.x, W) - inside.x;
          inside.height = CLAMP (clips[c].y + clips[c].height, inside.y, H) - inside.y;
          guarded_check (&g, &inside);
          if (inside.width > 0 && inside.height > 0)
            g_assert_cmpuint (guarded_ink (&g), >, 0);
          g_free (g.block);
        }
}

/* Thousands of random pieces anywhere, some far away, through a scale and an offset: still
 * only inside. */
static void
test_random_pieces_stay_inside (void)
{
  GRand *rand = g_rand_new_with_seed (20261124);
  cairo_rectangle_int_t clip = { 7, 5, 131, 97 };
  Guarded g;
  HelRasterLine *raster;

  guarded_init (&g, W, H);
  raster = hel_raster_line_new_for_data (g.pixels, W, H, g.stride, &clip, 1.5, -20.25, 13.5);
  for (int i = 0; i < 3000; i++)
    {
      double range = i % 10 == 0 ? 1e7 : 150;

      hel_raster_line_set_colour (raster, g_rand_double (rand), g_rand_double (rand),
                                  g_rand_double (rand), g_rand_double (rand));
      for (int k = 0, n = g_rand_int_range (rand, 1, 6); k < n; k++)
        hel_raster_line_line_to (raster, g_rand_double_range (rand, -range, range),
                                 g_rand_double_range (rand, -range, range));
      hel_raster_line_stroke (raster, g_rand_double_range (rand, 0, i % 50 == 0 ? 80 : 6),
                              g_rand_int_range (rand, 0, 2));
    }
  hel_raster_line_free (raster);
  guarded_check (&g, &clip);
  g_assert_cmpuint (guarded_ink (&g), >, 1000);
  g_free (g.block);
  g_rand_free (rand);
}

/* Overlapping pieces of one stroke cover a pixel once: a half-transparent line crossing
 * itself is no darker where it crosses; two strokes do darken. */
static void
test_one_stroke_blends_once (void)
{
  Guarded g;
  HelRasterLine *raster;
  guint8 crossing, plain;

  guarded_init (&g, W, H);
  raster = hel_raster_line_new_for_data (g.pixels, W, H, g.stride, NULL, 1, 0, 0);
  hel_raster_line_set_colour (raster, 0, 0, 0, 0.5);
  hel_raster_line_move_to (raster, 10, 60);
  hel_raster_line_line_to (raster, 150, 60);
  hel_raster_line_move_to (raster, 80, 10);
  hel_raster_line_line_to (raster, 80, 110);
  hel_raster_line_stroke (raster, 6, HEL_RASTER_CAP_BUTT);
  crossing = g.pixels[60 * g.stride + 80 * 4 + 3];
  plain = g.pixels[60 * g.stride + 40 * 4 + 3];
  g_assert_cmpuint (plain, ==, 128);
  g_assert_cmpuint (crossing, ==, plain);

  hel_raster_line_move_to (raster, 80, 10);
  hel_raster_line_line_to (raster, 80, 110);
  hel_raster_line_stroke (raster, 6, HEL_RASTER_CAP_BUTT);
  crossing = g.pixels[60 * g.stride + 80 * 4 + 3];
  g_assert_cmpuint (crossing, ==, 192);
  hel_raster_line_free (raster);
  g_free (g.block);
}

/* Only where the pixels can be written directly: an ARGB32 image, a plain matrix, one
 * rectangle of whole pixels as the clip, OVER; otherwise NULL and Cairo draws. */
static void
test_only_for_plain_pixels (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_surface_t *a8 = cairo_image_surface_create (CAIRO_FORMAT_A8, W, H);
  cairo_surface_t *rgb24 = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *svg = cairo_svg_surface_create (NULL, W, H);
  cairo_surface_t *others[] = { a8, rgb24, recording, svg };
  HelRasterLine *raster;
  cairo_t *cr;

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      cr = cairo_create (others[i]);
      g_assert_null (hel_raster_line_new_for_cairo (cr));
      cairo_destroy (cr);
    }

  cr = cairo_create (image);
  raster = hel_raster_line_new_for_cairo (cr);
  g_assert_nonnull (raster);
  hel_raster_line_free (raster);

  /* Moved and scaled the same both ways: fine; rotated, stretched or mirrored: not. */
  cairo_translate (cr, 3.5, -2);
  cairo_scale (cr, 2, 2);
  raster = hel_raster_line_new_for_cairo (cr);
  g_assert_nonnull (raster);
  hel_raster_line_free (raster);
  cairo_save (cr);
  cairo_rotate (cr, 0.1);
  g_assert_null (hel_raster_line_new_for_cairo (cr));
  cairo_restore (cr);
  cairo_save (cr);
  cairo_scale (cr, 1, 1.5);
  g_assert_null (hel_raster_line_new_for_cairo (cr));
  cairo_restore (cr);
  cairo_save (cr);
  cairo_scale (cr, -1, -1);
  g_assert_null (hel_raster_line_new_for_cairo (cr));
  cairo_restore (cr);

  /* Clips: whole pixels in one rectangle, yes; half pixels, a circle or two pieces, no. */
  cairo_save (cr);
  cairo_rectangle (cr, 4.25, 5, 20, 20);   /* device 12, 8 .. 52, 48 */
  cairo_clip (cr);
  raster = hel_raster_line_new_for_cairo (cr);
  g_assert_nonnull (raster);
  hel_raster_line_free (raster);
  cairo_restore (cr);
  cairo_save (cr);
  cairo_rectangle (cr, 4.3, 5, 20, 20);
  cairo_clip (cr);
  g_assert_null (hel_raster_line_new_for_cairo (cr));
  cairo_restore (cr);
  cairo_save (cr);
  cairo_arc (cr, 30, 30, 10, 0, 2 * G_PI);
  cairo_clip (cr);
  g_assert_null (hel_raster_line_new_for_cairo (cr));
  cairo_restore (cr);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, 10, 10);
  cairo_rectangle (cr, 20, 20, 10, 10);
  cairo_clip (cr);
  g_assert_null (hel_raster_line_new_for_cairo (cr));
  cairo_restore (cr);

  /* Another operator, or no antialiasing wanted: Cairo's. */
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  g_assert_null (hel_raster_line_new_for_cairo (cr));
  cairo_restore (cr);
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  g_assert_null (hel_raster_line_new_for_cairo (cr));
  cairo_restore (cr);

  /* A group on an image is an image. */
  cairo_push_group (cr);
  raster = hel_raster_line_new_for_cairo (cr);
  g_assert_nonnull (raster);
  hel_raster_line_free (raster);
  cairo_pattern_destroy (cairo_pop_group (cr));
  cairo_destroy (cr);

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    cairo_surface_destroy (others[i]);
  cairo_surface_destroy (image);
}

/* The clip and a group's offset are honoured: the same picture as Cairo's. */
static void
test_clip_and_group_match_cairo (void)
{
  Point lines[4] = { { -20, 10 }, { 180, 100 }, { 80, -30 }, { 70, 150 } };
  cairo_surface_t *surfaces[2];

  for (int ours = 0; ours < 2; ours++)
    {
      cairo_t *cr;

      surfaces[ours] = paper_surface (&light_paper);
      cr = cairo_create (surfaces[ours]);
      cairo_translate (cr, 5, 3);
      cairo_rectangle (cr, 15, 17, 100, 61);
      cairo_clip (cr);
      /* A group only over part of the surface: its pixels have an offset. */
      cairo_push_group (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (ours)
        {
          g_autoptr(HelRasterLine) raster = hel_raster_line_new_for_cairo (cr);

          g_assert_nonnull (raster);
          hel_raster_line_set_colour (raster, 0.75, 0.11, 0.16, 1);
          for (int i = 0; i < 4; i += 2)
            {
              hel_raster_line_move_to (raster, lines[i].x, lines[i].y);
              hel_raster_line_line_to (raster, lines[i + 1].x, lines[i + 1].y);
            }
          hel_raster_line_stroke (raster, 3, HEL_RASTER_CAP_BUTT);
        }
      else
        {
          for (int i = 0; i < 4; i += 2)
            {
              cairo_move_to (cr, lines[i].x, lines[i].y);
              cairo_line_to (cr, lines[i + 1].x, lines[i + 1].y);
            }
          cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
        }
      cairo_pop_group_to_source (cr);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  {
    Difference d = compare (surfaces[0], surfaces[1], &light_paper);

    g_test_message ("clipped group: max %d mean %.2f ink %.3f", d.max_diff, d.mean_diff,
                    d.ink_ratio);
    g_assert_cmpuint (d.ink_pixels, >, 100);
    g_assert_true (looks_the_same (&d));
  }
  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/raster-line/lines-match-cairo", test_lines_match_cairo);
  g_test_add_func ("/raster-line/polylines-match-cairo", test_polylines_match_cairo);
  g_test_add_func ("/raster-line/wrong-lines-fail", test_wrong_lines_fail);
  g_test_add_func ("/raster-line/stays-inside", test_stays_inside);
  g_test_add_func ("/raster-line/random-pieces-stay-inside", test_random_pieces_stay_inside);
  g_test_add_func ("/raster-line/one-stroke-blends-once", test_one_stroke_blends_once);
  g_test_add_func ("/raster-line/only-for-plain-pixels", test_only_for_plain_pixels);
  g_test_add_func ("/raster-line/clip-and-group-match-cairo", test_clip_and_group_match_cairo);
  return g_test_run ();
}
