/* hel-raster-line.c: antialiased thick lines written straight into ARGB32 pixels. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hel-raster-line.h"

/* How a stroke is drawn: each straight piece is a rectangle (the width across, its length
 * along), with a disc of the same width on each end that is round (a round cap or a join).
 * A pixel's coverage by the rectangle is the product of how much of the pixel lies in the
 * band across and in the slab along, each exact for a straight edge at that angle (the area
 * of the pixel square on one side of a line); a disc's is 1 half a pixel inside its rim
 * falling to 0 half a pixel outside.
 *
 * Where two pieces join, each is cut where the angle between them is halved, so that the
 * two (with their halves of the round join) do not overlap and their coverages add up: at
 * the inside of a sharp zigzag a pixel is partly covered by both. Near a join the product
 * above is poor (the cut is slanted to the band), so there a pixel is sampled 4 x 4.
 *
 * Rows are filled one at a time: every piece that reaches the row adds its coverage (0-255)
 * into a row of counts and its round caps into another (keeping the largest), and the row
 * is then blended once, premultiplied OVER, with the larger of the two, at most 255: where
 * pieces of one stroke overlap (crossings, the three lines of a strong tie touching) a
 * pixel is covered once, never darkened twice.
 *
 * Hundreds of ties a frame make this the map's hot loop: per pixel it does a few additions,
 * one or two area lookups and the blend; anything about ends and joins is kept out of it. */

/* The shadow of a pixel square on a line's normal (nx, ny): a trapezoid (see area_below()). */
typedef struct {
  double h, k;          /* (|nx| + |ny|) / 2 and (|nx| - |ny|) / 2, larger first */
  double inv_a, inv_2ab;
} Shadow;

typedef struct {
  double x, y;
  gboolean move;
} PathPoint;

/* A band's coverage of a pixel (0-255) by how far its centre is from the axis, in 64ths of a
 * pixel, for one width and slope: a table lookup instead of the area in the hot loop. Ties
 * reuse a few (a tie's dashes, lines and hatching share their slope and width). */
#define BAND_STEPS 64
#define N_BAND_TABLES 8
#define MAX_BAND_TABLE 4096

typedef struct {
  double  h, k, half;    /* what it is for: the pixel's shadow and half the width */
  guint8 *coverage;
  int     len, alloc;
  guint   stroke;        /* the last stroke that used it: not replaced during that one */
} BandTable;

typedef struct {
  double x1, y1;        /* the start, device pixels */
  double x2, y2;        /* the end */
  double ux, uy;        /* unit direction, start to end */
  double len;
  Shadow shadow;        /* across and along the piece (the same for both) */
  double reach;         /* the farthest a touched pixel's centre lies from the axis */
  double start_ext;     /* ... and before the start along it */
  double end_ext;       /* ... and after the end */
  gboolean start_round, end_round;
  /* The cuts at joins: the normal (pointing into the piece), its shadow, and how far along
   * the piece from its end the cut and the join's disc reach. */
  gboolean start_cut, end_cut;
  double start_mx, start_my, end_mx, end_my;
  Shadow start_shadow, end_shadow;
  double start_zone, end_zone;
  double start_inside, end_inside;  /* which side (of d) the joins turn to: 1 or -1 */
  /* Between these along the piece a pixel needs neither its ends nor its joins. */
  double plain_from, plain_to;
  /* The same without the cuts: with a pixel's distances past them checked on the way. */
  double near_from, near_to;
  double inv_ux, inv_uy;  /* 0 when the piece runs along the other axis */
  /* The pixel centres of a row ry below the start that may be touched, x - x1 from
   * across_lo (ry) = ry * across_slope + across_from to across_lo + across_width (near the
   * axis; when inv_uy is not 0) and the same along it (when inv_ux is not 0). */
  double across_slope, across_from, across_width;
  double along_slope, along_from, along_width;
  int band_table;         /* in HelRasterLine.band_tables; -1: none, work it out */
  int row0, row1;       /* the rows it may touch, inclusive, inside the clip */
} Piece;

struct _HelRasterLine
{
  cairo_surface_t *surface;     /* NULL when drawing into plain data */
  guint8          *data;
  int              stride;
  int              clip_x0, clip_y0, clip_x1, clip_y1;   /* device pixels; x1, y1 excluded */
  int              rows_y0, rows_y1;   /* the rows written, inside the clip; y1 excluded */
  double           scale, x_offset, y_offset;
  guint            src_a, src_r, src_g, src_b;           /* premultiplied, 0-255 */
  gboolean         src_scaled_valid;
  guint32          src_scaled[256];  /* the premultiplied colour at each coverage, 0-255 */
  GArray          *path;       /* PathPoint, device pixels */
  GArray          *pieces;     /* Piece */
  guint           *active;     /* indices of the pieces reaching the current row */
  guint            n_active_alloc;
  BandTable        band_tables[N_BAND_TABLES];
  guint            stroke;     /* counts the strokes, for the band tables */
  guint            next_band_table;
  int             *coverage;   /* one row of the clip: pieces, added up, 255 = all */
  int             *discs;      /* one row of the clip: round ends and joins, the largest */
  /* Per pixel of the clip, rows hidden_stride apart: not 0 where something opaque will be
   * painted over it, so it is left alone; all 0 (no_hidden) unless set. */
  const guint16   *hidden;
  int              hidden_stride;
  guint16         *no_hidden;  /* one row of the clip, all 0 */
};

HelRasterLine *
hel_raster_line_new_for_data (guint8                      *data,
                              int                          width,
                              int                          height,
                              int                          stride,
                              const cairo_rectangle_int_t *clip,
                              double                       scale,
                              double                       x_offset,
                              double                       y_offset)
{
  HelRasterLine *raster;
  int x0 = 0, y0 = 0, x1 = width, y1 = height;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (width >= 0 && height >= 0 && stride >= width * 4, NULL);
  g_return_val_if_fail (scale > 0 && isfinite (scale), NULL);
  g_return_val_if_fail (isfinite (x_offset) && isfinite (y_offset), NULL);

  if (clip != NULL)
    {
      /* In 64 bits: a clip near G_MAXINT must not overflow. */
      x0 = (int) CLAMP ((gint64) clip->x, 0, width);
      y0 = (int) CLAMP ((gint64) clip->y, 0, height);
      x1 = (int) CLAMP ((gint64) clip->x + clip->width, x0, width);
      y1 = (int) CLAMP ((gint64) clip->y + clip->height, y0, height);
    }

  raster = g_new0 (HelRasterLine, 1);
  raster->data = data;
  raster->stride = stride;
  raster->clip_x0 = x0;
  raster->clip_y0 = y0;
  raster->clip_x1 = x1;
  raster->clip_y1 = y1;
  raster->rows_y0 = y0;
  raster->rows_y1 = y1;
  raster->scale = scale;
  raster->x_offset = x_offset;
  raster->y_offset = y_offset;
  raster->src_a = 255;
  raster->path = g_array_new (FALSE, FALSE, sizeof (PathPoint));
  raster->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  raster->coverage = g_new0 (int, MAX (x1 - x0, 1));
  raster->discs = g_new0 (int, MAX (x1 - x0, 1));
  raster->no_hidden = g_new0 (guint16, MAX (x1 - x0, 1));
  return raster;
}

HelRasterLine *
hel_raster_line_new_for_cairo (cairo_t *cr)
{
  cairo_surface_t *target;
  cairo_rectangle_list_t *clips;
  cairo_rectangle_int_t clip = { 0, 0, 0, 0 };
  cairo_matrix_t m;
  double sx, sy, ox, oy;
  HelRasterLine *raster;
  guint8 *data;

  g_return_val_if_fail (cr != NULL, NULL);

  target = cairo_get_group_target (cr);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_status (target) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER ||
      cairo_get_antialias (cr) == CAIRO_ANTIALIAS_NONE)
    return NULL;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_get_matrix (cr, &m);
  if (sx != 1 || sy != 1 || m.xy != 0 || m.yx != 0 || !(m.xx > 0) || m.xx != m.yy ||
      !isfinite (m.xx) || !isfinite (m.x0 + ox) || !isfinite (m.y0 + oy))
    return NULL;

  /* The clip in user space, back to device pixels; only whole pixels in one rectangle. */
  clips = cairo_copy_clip_rectangle_list (cr);
  if (clips->status != CAIRO_STATUS_SUCCESS || clips->num_rectangles > 1)
    {
      cairo_rectangle_list_destroy (clips);
      return NULL;
    }
  if (clips->num_rectangles == 1)
    {
      const cairo_rectangle_t *r = &clips->rectangles[0];
      double edges[4] = { r->x * m.xx + m.x0 + ox, r->y * m.yy + m.y0 + oy,
                          (r->x + r->width) * m.xx + m.x0 + ox,
                          (r->y + r->height) * m.yy + m.y0 + oy };

      for (int i = 0; i < 4; i++)
        if (!(fabs (edges[i] - round (edges[i])) < 1e-6) || fabs (edges[i]) > G_MAXINT / 2)
          {
            cairo_rectangle_list_destroy (clips);
            return NULL;
          }
      clip.x = (int) round (edges[0]);
      clip.y = (int) round (edges[1]);
      clip.width = (int) round (edges[2]) - clip.x;
      clip.height = (int) round (edges[3]) - clip.y;
    }
  cairo_rectangle_list_destroy (clips);

  cairo_surface_flush (target);
  data = cairo_image_surface_get_data (target);
  if (data == NULL)
    return NULL;
  raster = hel_raster_line_new_for_data (data, cairo_image_surface_get_width (target),
                                         cairo_image_surface_get_height (target),
                                         cairo_image_surface_get_stride (target), &clip,
                                         m.xx, m.x0 + ox, m.y0 + oy);
  if (raster != NULL)
    raster->surface = cairo_surface_reference (target);
  return raster;
}

HelRasterLine *
hel_raster_line_new_for_rows (const HelRasterLine *raster,
                              int                  y0,
                              int                  y1)
{
  HelRasterLine *rows;

  g_return_val_if_fail (raster != NULL, NULL);

  rows = hel_raster_line_new_for_data (raster->data, raster->clip_x1, raster->clip_y1,
                                       raster->stride, NULL, raster->scale, raster->x_offset,
                                       raster->y_offset);
  rows->clip_x0 = raster->clip_x0;
  rows->clip_y0 = raster->clip_y0;
  rows->rows_y0 = CLAMP (y0, raster->rows_y0, raster->rows_y1);
  rows->rows_y1 = CLAMP (y1, rows->rows_y0, raster->rows_y1);
  rows->hidden = raster->hidden;
  rows->hidden_stride = raster->hidden_stride;
  return rows;
}

void
hel_raster_line_free (HelRasterLine *raster)
{
  if (raster == NULL)
    return;
  g_clear_pointer (&raster->surface, cairo_surface_destroy);
  g_array_unref (raster->path);
  g_array_unref (raster->pieces);
  for (int i = 0; i < N_BAND_TABLES; i++)
    g_free (raster->band_tables[i].coverage);
  g_free (raster->active);
  g_free (raster->coverage);
  g_free (raster->discs);
  g_free (raster->no_hidden);
  g_free (raster);
}

void
hel_raster_line_get_clip (const HelRasterLine   *raster,
                          cairo_rectangle_int_t *clip)
{
  g_return_if_fail (raster != NULL && clip != NULL);

  *clip = (cairo_rectangle_int_t) { raster->clip_x0, raster->clip_y0,
                                    raster->clip_x1 - raster->clip_x0,
                                    raster->clip_y1 - raster->clip_y0 };
}

void
hel_raster_line_set_hidden (HelRasterLine               *raster,
                            const guint16               *hidden,
                            int                          stride,
                            const cairo_rectangle_int_t *area)
{
  g_return_if_fail (raster != NULL);

  raster->hidden = NULL;
  if (hidden == NULL)
    return;
  g_return_if_fail (area != NULL && stride >= area->width);
  g_return_if_fail (area->x == raster->clip_x0 && area->y == raster->clip_y0 &&
                    area->width == raster->clip_x1 - raster->clip_x0 &&
                    area->height == raster->clip_y1 - raster->clip_y0);
  raster->hidden = hidden;
  raster->hidden_stride = stride;
}

/* Row @y's hidden pixels, indexed by the pixel's x (inside the clip). */
static inline const guint16 *
hidden_row (const HelRasterLine *raster,
            int                  y)
{
  const guint16 *row = raster->hidden != NULL
                       ? raster->hidden + (gsize) (y - raster->clip_y0) * raster->hidden_stride
                       : raster->no_hidden;

  return row - raster->clip_x0;
}

static guint
channel (double value,
         double alpha)
{
  return (guint) lround (CLAMP (isnan (value) ? 0 : value, 0, 1) * alpha * 255);
}

void
hel_raster_line_set_colour (HelRasterLine *raster,
                            double         red,
                            double         green,
                            double         blue,
                            double         alpha)
{
  guint a, r, g, b;

  g_return_if_fail (raster != NULL);

  alpha = CLAMP (isnan (alpha) ? 0 : alpha, 0, 1);
  a = channel (1, alpha);
  r = channel (red, alpha);
  g = channel (green, alpha);
  b = channel (blue, alpha);

  if (a == raster->src_a && r == raster->src_r && g == raster->src_g && b == raster->src_b)
    return;
  raster->src_a = a;
  raster->src_r = r;
  raster->src_g = g;
  raster->src_b = b;
  raster->src_scaled_valid = FALSE;
}

static void
add_point (HelRasterLine *raster,
           double         x,
           double         y,
           gboolean       move)
{
  PathPoint point = { x * raster->scale + raster->x_offset, y * raster->scale + raster->y_offset,
                      move };

  g_array_append_val (raster->path, point);
}

void
hel_raster_line_move_to (HelRasterLine *raster,
                         double         x,
                         double         y)
{
  g_return_if_fail (raster != NULL);
  add_point (raster, x, y, TRUE);
}

void
hel_raster_line_line_to (HelRasterLine *raster,
                         double         x,
                         double         y)
{
  g_return_if_fail (raster != NULL);
  add_point (raster, x, y, raster->path->len == 0);
}

static void
shadow_init (Shadow *shadow,
             double  nx,
             double  ny)
{
  double a = MAX (fabs (nx), fabs (ny)), b = MIN (fabs (nx), fabs (ny));

  if (b < 1e-9)
    b = 0;
  shadow->h = 0.5 * (a + b);
  shadow->k = 0.5 * (a - b);
  shadow->inv_a = 1 / a;
  shadow->inv_2ab = b > 0 ? 1 / (2 * a * b) : 0;
}

/* The share of a pixel (centred on 0, 0) where x * nx + y * ny <= t, for a unit normal: with
 * a >= b its absolute parts, the square's shadow on the normal is a trapezoid, flat between
 * -k and k, falling off linearly to 0 at -h and h; its area up to t is this. */
static inline double
area_below (const Shadow *shadow,
            double        t)
{
  double s;

  if (t <= -shadow->h)
    return 0;
  if (t >= shadow->h)
    return 1;
  if (t < -shadow->k)
    {
      s = t + shadow->h;
      return s * s * shadow->inv_2ab;
    }
  if (t > shadow->k)
    {
      s = shadow->h - t;
      return 1 - s * s * shadow->inv_2ab;
    }
  return 0.5 + t * shadow->inv_a;
}

static inline double
disc_coverage (double half,
               double dx,
               double dy)
{
  double d2 = dx * dx + dy * dy, rim = half + 0.5;

  if (d2 >= rim * rim)
    return 0;
  return MIN (rim - sqrt (d2), 1.0);
}

/* The part of the line from (x, y) along (ux, uy) for @len (may be infinite) inside the
 * rectangle, as distances along it; FALSE if none (Liang-Barsky). */
static gboolean
clip_piece (double  x,
            double  y,
            double  ux,
            double  uy,
            double  len,
            double  left,
            double  top,
            double  right,
            double  bottom,
            double *from,
            double *to)
{
  double start[2] = { x, y }, dir[2] = { ux, uy }, low[2] = { left, top }, high[2] = { right,
                                                                                       bottom };

  *from = 0;
  *to = len;
  for (int i = 0; i < 2; i++)
    {
      if (dir[i] == 0)
        {
          if (start[i] < low[i] || start[i] > high[i])
            return FALSE;
          continue;
        }
      {
        double t1 = (low[i] - start[i]) / dir[i], t2 = (high[i] - start[i]) / dir[i];

        *from = MAX (*from, MIN (t1, t2));
        *to = MIN (*to, MAX (t1, t2));
      }
    }
  return *from <= *to;
}

/* The band across a pixel centred @d from the axis of a band @half wide (each side). */
static double
band_coverage (const Shadow *shadow,
               double        half,
               double        d)
{
  /* When the line is wider than a pixel's shadow, its two edges never touch one pixel. */
  if (half >= shadow->h)
    return area_below (shadow, half - fabs (d));
  return area_below (shadow, half - d) - area_below (shadow, -half - d);
}

/* The band table for @piece (its slope and @half), made or reused; -1 when there is no room
 * (all in use by this stroke, or the band is very wide). */
static int
band_table_for (HelRasterLine *raster,
                const Piece   *piece,
                double         half)
{
  int len = (int) ceil (piece->reach * BAND_STEPS) + 1;
  /* Pieces of one slope (a zigzag's legs, a tie's dashes) differ in the last bits: a table
   * is made for the slope and width rounded to a millionth, from those rounded values, so
   * what it holds does not depend on which piece came first (and threads drawing other
   * strokes before get the same pixels). */
  double a = round ((piece->shadow.h + piece->shadow.k) * 1048576) / 1048576;
  double b = round ((piece->shadow.h - piece->shadow.k) * 1048576) / 1048576;
  double width = round (half * 1048576) / 1048576;
  Shadow rounded = { 0.5 * (a + b), 0.5 * (a - b), a > 0 ? 1 / a : 0,
                     b > 0 && a > 0 ? 1 / (2 * a * b) : 0 };
  const Shadow *shadow = &rounded;
  BandTable *table;

  if (!(a > 0))
    return -1;
  for (int i = 0; i < N_BAND_TABLES; i++)
    {
      table = &raster->band_tables[i];
      if (table->coverage != NULL && table->h == shadow->h && table->k == shadow->k &&
          table->half == width && table->len >= len)
        {
          table->stroke = raster->stroke;
          return i;
        }
    }
  if (!(len <= MAX_BAND_TABLE))
    return -1;
  for (int n = 0; n < N_BAND_TABLES; n++)
    {
      int i = (raster->next_band_table + n) % N_BAND_TABLES;

      table = &raster->band_tables[i];
      if (table->coverage != NULL && table->stroke == raster->stroke)
        continue;
      if (table->alloc < len)
        {
          table->alloc = MAX (len, 256);
          table->coverage = g_realloc (table->coverage, table->alloc);
        }
      /* Looked up by the nearest step: exact on whole and half pixels. */
      for (int j = 0; j < len; j++)
        table->coverage[j] = (guint8) CLAMP (band_coverage (shadow, width,
                                                            (double) j / BAND_STEPS) * 255 + 0.5,
                                             0, 255);
      table->len = len;
      table->h = shadow->h;
      table->k = shadow->k;
      table->half = width;
      table->stroke = raster->stroke;
      raster->next_band_table = i + 1;
      return i;
    }
  return -1;
}

/* The unit direction from @p to @q and its length (which may be infinite); FALSE when a
 * coordinate is not finite or the points are the same. */
static gboolean
direction (const PathPoint *p,
           const PathPoint *q,
           double          *ux,
           double          *uy,
           double          *len)
{
  double hx, hy, big, sx, sy, norm;

  if (!isfinite (p->x) || !isfinite (p->y) || !isfinite (q->x) || !isfinite (q->y))
    return FALSE;
  /* Halves and scaled down: no overflow even for coordinates near G_MAXDOUBLE. */
  hx = 0.5 * q->x - 0.5 * p->x;
  hy = 0.5 * q->y - 0.5 * p->y;
  big = MAX (fabs (hx), fabs (hy));
  if (big == 0)
    return FALSE;
  sx = hx / big;
  sy = hy / big;
  norm = hypot (sx, sy);
  *ux = sx / norm;
  *uy = sy / norm;
  *len = 2 * big * norm;
  return TRUE;
}

/* The cut between a piece along (ux, uy) and the next along (vx, vy), as the normal of the
 * line halving the angle between them, pointing along the next; FALSE where the path turns
 * back on itself (no cut: the two simply overlap). */
static gboolean
join_cut (double  ux,
          double  uy,
          double  vx,
          double  vy,
          double *mx,
          double *my)
{
  double sx = ux + vx, sy = uy + vy, norm = hypot (sx, sy);

  /* Turning by more than about 170 degrees the cut would reach far along both. */
  if (!(norm > 0.17))
    return FALSE;
  *mx = sx / norm;
  *my = sy / norm;
  return TRUE;
}

/* Adds the piece from @p to @q; @before and @after are the neighbouring points in its
 * sub-path (NULL: an end, with @round_cap or not). Not finite, or nothing in the clip: no
 * piece. */
static void
add_piece (HelRasterLine   *raster,
           const PathPoint *before,
           const PathPoint *p,
           const PathPoint *q,
           const PathPoint *after,
           double           half,
           gboolean         round_cap)
{
  double len, ux, uy, vx, vy, vlen, from, to, margin, ymin, ymax, grow;
  gboolean start_round = before != NULL || round_cap, end_round = after != NULL || round_cap;
  Piece piece;

  memset (&piece, 0, sizeof piece);
  if (!direction (p, q, &ux, &uy, &len))
    {
      /* A dot with round ends, nothing with butt ends (as Cairo). */
      if (!isfinite (p->x) || !isfinite (p->y) || !isfinite (q->x) || !isfinite (q->y) ||
          (!start_round && !end_round))
        return;
      ux = 1;
      uy = 0;
      len = 0;
    }
  else
    {
      if (before != NULL && direction (before, p, &vx, &vy, &vlen) &&
          join_cut (vx, vy, ux, uy, &piece.start_mx, &piece.start_my))
        {
          piece.start_cut = TRUE;
          /* d grows to the side the path turns to when the turn is positive. */
          piece.start_inside = vx * uy - vy * ux >= 0 ? 1 : -1;
        }
      if (after != NULL && direction (q, after, &vx, &vy, &vlen) &&
          join_cut (ux, uy, vx, vy, &piece.end_mx, &piece.end_my))
        {
          piece.end_inside = ux * vy - uy * vx >= 0 ? 1 : -1;
          /* Pointing back into this piece. */
          piece.end_mx = -piece.end_mx;
          piece.end_my = -piece.end_my;
          piece.end_cut = TRUE;
        }
    }

  piece.ux = ux;
  piece.uy = uy;
  shadow_init (&piece.shadow, ux, uy);
  piece.reach = half + piece.shadow.h + 1e-6;
  piece.start_round = start_round;
  piece.end_round = end_round;
  piece.start_ext = start_round ? piece.reach : piece.shadow.h + 1e-6;
  piece.end_ext = end_round ? piece.reach : piece.shadow.h + 1e-6;
  /* Where the cut crosses the band's edges, grown by a pixel's half diagonal; the disc. */
  if (piece.start_cut)
    {
      shadow_init (&piece.start_shadow, piece.start_mx, piece.start_my);
      piece.start_zone = MAX ((piece.reach * fabs (piece.start_mx * uy - piece.start_my * ux) +
                               G_SQRT2 / 2) / fabs (piece.start_mx * ux + piece.start_my * uy),
                              piece.reach) + 1e-6;
    }
  if (piece.end_cut)
    {
      shadow_init (&piece.end_shadow, piece.end_mx, piece.end_my);
      piece.end_zone = MAX ((piece.reach * fabs (piece.end_mx * uy - piece.end_my * ux) +
                             G_SQRT2 / 2) / fabs (piece.end_mx * ux + piece.end_my * uy),
                            piece.reach) + 1e-6;
    }
  piece.inv_ux = fabs (ux) > 1e-12 ? 1 / ux : 0;
  piece.inv_uy = fabs (uy) > 1e-12 ? 1 / uy : 0;

  /* Cut to the clip, grown so that the cut ends (and their caps) lie outside it; an end
   * cut off that way needs no cap, join or disc: nothing of it is seen. */
  margin = piece.reach + MAX (piece.start_ext, piece.end_ext) + 2;
  if (!clip_piece (p->x, p->y, ux, uy, len, raster->clip_x0 - margin, raster->clip_y0 - margin,
                   raster->clip_x1 + margin, raster->clip_y1 + margin, &from, &to))
    return;
  if (from > 0)
    piece.start_round = piece.start_cut = FALSE;
  if (to < len)
    piece.end_round = piece.end_cut = FALSE;
  piece.x1 = p->x + ux * from;
  piece.y1 = p->y + uy * from;
  piece.len = to - from;
  piece.x2 = piece.x1 + ux * piece.len;
  piece.y2 = piece.y1 + uy * piece.len;
  /* |ry ux - rx uy| < reach, and -start_ext < rx ux + ry uy < len + end_ext. */
  if (piece.inv_uy != 0)
    {
      piece.across_slope = ux * piece.inv_uy;
      piece.across_from = -piece.reach * fabs (piece.inv_uy);
      piece.across_width = 2 * piece.reach * fabs (piece.inv_uy);
    }
  if (piece.inv_ux != 0)
    {
      piece.along_slope = -uy * piece.inv_ux;
      piece.along_from = piece.inv_ux > 0 ? -piece.start_ext * piece.inv_ux
                                           : (piece.len + piece.end_ext) * piece.inv_ux;
      piece.along_width = (piece.len + piece.start_ext + piece.end_ext) * fabs (piece.inv_ux);
    }
  /* A pixel's shadow away from the butt ends; the discs and cuts of round ends and joins. */
  piece.plain_from = piece.shadow.h;
  if (piece.start_round)
    piece.plain_from = MAX (piece.plain_from, piece.reach);
  piece.near_from = piece.plain_from;
  if (piece.start_cut)
    piece.plain_from = MAX (piece.plain_from, piece.start_zone);
  piece.plain_to = piece.len - piece.shadow.h;
  if (piece.end_round)
    piece.plain_to = MIN (piece.plain_to, piece.len - piece.reach);
  piece.near_to = piece.plain_to;
  if (piece.end_cut)
    piece.plain_to = MIN (piece.plain_to, piece.len - piece.end_zone);

  grow = piece.reach + MAX (piece.start_ext, piece.end_ext);
  ymin = MIN (piece.y1, piece.y2) - grow;
  ymax = MAX (piece.y1, piece.y2) + grow;
  /* Rows whose centre (j + 0.5) lies in [ymin, ymax], inside the clip; all finite now. */
  ymin = MAX (ceil (ymin - 0.5), raster->clip_y0);
  ymax = MIN (floor (ymax - 0.5), raster->clip_y1 - 1);
  if (ymin > ymax)
    return;
  piece.row0 = (int) ymin;
  piece.row1 = (int) ymax;
  piece.band_table = band_table_for (raster, &piece, half);
  g_array_append_val (raster->pieces, piece);
}

static int
compare_pieces (gconstpointer a,
                gconstpointer b)
{
  const Piece *pa = a, *pb = b;

  return (pa->row0 > pb->row0) - (pa->row0 < pb->row0);
}

/* How much of the pixel whose centre is @t along the piece from its start and @d to the side
 * lies in the piece, its round ends and on its side of the cuts at its joins, from 4 x 4
 * samples; (es, ee) are the centre's distances past the cuts. */
static double
sample_join (const Piece *piece,
             double       half,
             double       t,
             double       d,
             double       es,
             double       ee)
{
  double len = piece->len, h2 = half * half;
  /* One sample to the right moves t by ux / 4 and d by -uy / 4, one down by uy / 4 and
   * ux / 4; es and ee by the cuts' normals the same way. */
  double ti = piece->ux / 4, tj = piece->uy / 4, di = -piece->uy / 4, dj = piece->ux / 4;
  double esi = piece->start_mx / 4, esj = piece->start_my / 4;
  double eei = piece->end_mx / 4, eej = piece->end_my / 4;
  double row_t = t - 1.5 * (ti + tj), row_d = d - 1.5 * (di + dj);
  double row_es = es - 1.5 * (esi + esj), row_ee = ee - 1.5 * (eei + eej);
  gboolean start_cut = piece->start_cut, end_cut = piece->end_cut;
  gboolean start_round = piece->start_round, end_round = piece->end_round;
  int inside = 0;

  for (int j = 0; j < 4; j++, row_t += tj, row_d += dj, row_es += esj, row_ee += eej)
    {
      double st = row_t, sd = row_d, ses = row_es, see = row_ee;

      for (int i = 0; i < 4; i++, st += ti, sd += di, ses += esi, see += eei)
        {
          if ((start_cut && ses < 0) || (end_cut && see < 0))
            continue;
          if ((fabs (sd) <= half && st >= 0 && st <= len) ||
              (start_round && st * st + sd * sd <= h2) ||
              (end_round && (st - len) * (st - len) + sd * sd <= h2))
            inside++;
        }
    }
  return inside / 16.0;
}

/* The coverage of a pixel near an end or a join of @piece, where @c is its coverage by the
 * band alone, (sx, sy) its centre from the piece's start, t and d as in sample_join(). Puts
 * the round ends into the disc's row at @disc. */
static double
cover_end_pixel (const Piece *piece,
                 double       half,
                 double       t,
                 double       d,
                 double       sx,
                 double       sy,
                 double       c,
                 int         *disc)
{
  double ex = sx - (piece->x2 - piece->x1), ey = sy - (piece->y2 - piece->y1);
  double es = G_MAXDOUBLE, ee = G_MAXDOUBLE;
  const Shadow *shadow = &piece->shadow;

  if (t < shadow->h || t > piece->len - shadow->h)
    c *= area_below (shadow, piece->len - t) - area_below (shadow, -t);

  /* Across a cut the pixel is shared with the next piece: its share is the part on this
   * side, exact when the band covers it all, sampled when not (the inside of a sharp join
   * of thin lines). Wholly on the other side: none. */
  if (piece->start_cut && t < piece->start_zone)
    {
      es = sx * piece->start_mx + sy * piece->start_my;
      if (es <= -piece->start_shadow.h)
        return 0;
    }
  if (piece->end_cut && t > piece->len - piece->end_zone)
    {
      ee = ex * piece->end_mx + ey * piece->end_my;
      if (ee <= -piece->end_shadow.h)
        return 0;
    }
  if ((piece->start_cut && es < piece->start_shadow.h) ||
      (piece->end_cut && ee < piece->end_shadow.h))
    {
      /* Partly covered, on the inside of the corner (where the other piece's band covers
       * the pixel's other part) or on a line narrower than two pixels: sampled. Else the
       * share of the band's coverage on this side, exact where the band covers the pixel
       * and a few levels off on its edge; the join's disc fills the outside. */
      gboolean inside_start = es < piece->start_shadow.h && d * piece->start_inside > 0;
      gboolean inside_end = ee < piece->end_shadow.h && d * piece->end_inside > 0;

      if (c < 0.999 && (half < 1 || inside_start || inside_end))
        return sample_join (piece, half, t, d, es, ee);
      if (es < piece->start_shadow.h)
        c *= area_below (&piece->start_shadow, es);
      if (ee < piece->end_shadow.h)
        c *= area_below (&piece->end_shadow, ee);
    }
  /* Wholly covered: no disc adds to it. */
  if (c >= 0.999)
    return c;
  if (piece->start_round && t < piece->reach)
    *disc = MAX (*disc, (int) (disc_coverage (half, sx, sy) * 255 + 0.5));
  if (piece->end_round && t > piece->len - piece->reach)
    *disc = MAX (*disc, (int) (disc_coverage (half, ex, ey) * 255 + 0.5));
  return c;
}

/* x * k / 255 for the two channels in 0x00ff00ff of @x at once, rounded. */
static inline guint32
scale_two (guint32 x,
           guint   k)
{
  guint32 t = (x & 0x00ff00ffu) * k + 0x00800080u;

  return ((t + ((t >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
}

/* Every pixel x * k / 255, all four channels. */
static inline guint32
scale_pixel (guint32 x,
             guint   k)
{
  return scale_two (x, k) | scale_two (x >> 8, k) << 8;
}

static void
make_scaled_colour (HelRasterLine *raster)
{
  guint32 colour = raster->src_a << 24 | raster->src_r << 16 | raster->src_g << 8 |
                   raster->src_b;

  for (guint k = 0; k < 256; k++)
    raster->src_scaled[k] = scale_pixel (colour, k);
  raster->src_scaled_valid = TRUE;
}

/* Premultiplied OVER of the colour at coverage @k (1-255) onto @pixel. */
static inline void
blend_pixel (guint32       *pixel,
             const guint32 *scaled,
             int            k)
{
  guint32 src = scaled[k];

  /* The source's alpha on top: opaque covers, anything else lets the pixel through. */
  if (src >= 0xff000000u)
    *pixel = src;
  else
    *pixel = src + scale_pixel (*pixel, 255 - (src >> 24));
}

/* floor() without a call, of a value that should be near the clip (a billion pixels away
 * is as good as infinitely far). */
static inline int
floor_to_int (double v)
{
  int i = (int) CLAMP (v, -1e9, 1e9);

  return i - (i > v);
}

/* Narrows [*lo, *hi] (pixel positions along a row @ry below the piece's start, relative to
 * its x1) to what @piece may touch: near enough its axis, not too far before its start or
 * after its end. FALSE if nothing is left. */
static inline gboolean
narrow_to_piece (const Piece *piece,
                 double       ry,
                 double      *lo,
                 double      *hi)
{
  if (piece->inv_uy != 0)
    {
      double from = ry * piece->across_slope + piece->across_from;

      *lo = MAX (*lo, from);
      *hi = MIN (*hi, from + piece->across_width);
    }
  else if (fabs (ry * piece->ux) >= piece->reach)
    return FALSE;
  if (piece->inv_ux != 0)
    {
      double from = ry * piece->along_slope + piece->along_from;

      *lo = MAX (*lo, from);
      *hi = MIN (*hi, from + piece->along_width);
    }
  else if (ry * piece->uy <= -piece->start_ext || ry * piece->uy >= piece->len + piece->end_ext)
    return FALSE;
  return *lo <= *hi;
}

/* Adds @piece's coverage of row @y into the row of counts, or with @direct (a stroke of
 * one piece: nothing else to add up) blends it into the pixels of that row right away;
 * widens [*xmin, *xmax]. */
static void
cover_row (HelRasterLine *raster,
           const Piece   *piece,
           int            y,
           double         half,
           guint32       *direct,
           int           *xmin,
           int           *xmax)
{
  double ry = y + 0.5 - piece->y1, lo, hi;
  double ux = piece->ux, uy = piece->uy, rx, t, d;
  double plain_from = piece->plain_from, plain_to = piece->plain_to;
  int *coverage = raster->coverage - raster->clip_x0;
  int *discs = raster->discs - raster->clip_x0;
  const BandTable *table = piece->band_table >= 0 ? &raster->band_tables[piece->band_table]
                                                  : NULL;
  const guint8 *band = table != NULL ? table->coverage : NULL;
  double band_len = table != NULL ? table->len : 0;
  int i0, i1;

  /* The pixels this row may touch, rx = x - x1 (centres), never beyond the clip: near
   * enough the axis and not too far before the start or after the end. */
  lo = raster->clip_x0 - 1 - piece->x1;
  hi = raster->clip_x1 + 1 - piece->x1;
  if (!narrow_to_piece (piece, ry, &lo, &hi))
    return;
  /* Centres i + 0.5 in [x1 + lo, x1 + hi]; all within a pixel or two of the clip now. */
  i0 = MAX (-floor_to_int (0.5 - piece->x1 - lo), raster->clip_x0);
  i1 = MIN (floor_to_int (piece->x1 + hi - 0.5), raster->clip_x1 - 1);
  if (i0 > i1)
    return;

  rx = i0 + 0.5 - piece->x1;
  t = rx * ux + ry * uy;
  d = ry * ux - rx * uy;
  if (direct != NULL)
    {
      const guint32 *scaled = raster->src_scaled;
      const guint16 *hidden = hidden_row (raster, y);
      int m0 = i1 + 1, m1 = i1;

      /* The plain middle of the row, [m0, m1], where t is between plain_from and plain_to
       * (t grows by ux a pixel): there only the band counts. */
      if (band != NULL)
        {
          if (ux > 1e-12)
            {
              m0 = MAX (i0, i0 - floor_to_int ((t - plain_from) / ux));
              m1 = MIN (i1, i0 + floor_to_int ((plain_to - t) / ux));
            }
          else if (ux < -1e-12)
            {
              m0 = MAX (i0, i0 - floor_to_int ((plain_to - t) / -ux));
              m1 = MIN (i1, i0 + floor_to_int ((t - plain_from) / -ux));
            }
          else if (t >= plain_from && t <= plain_to)
            {
              m0 = i0;
              m1 = i1;
            }
          if (m0 > m1)
            {
              m0 = i1 + 1;
              m1 = i1;
            }
        }
      for (int i = i0; i <= i1; i++, t += ux, d -= uy)
        {
          double steps;
          int k;

          if (i == m0)
            {
              /* Skip through the middle: the band's coverage and the blend only. */
              double dm = d;

              for (; i <= m1; i++, dm -= uy)
                {
                  if (hidden[i] != 0)
                    continue;
                  steps = fabs (dm) * BAND_STEPS + 0.5;
                  k = steps < band_len ? band[(int) steps] : 0;
                  if (k > 0)
                    blend_pixel (&direct[i], scaled, k);
                }
              if (i > i1)
                break;
              t += (m1 - m0 + 1) * ux;
              d = dm;
            }
          if (hidden[i] != 0)
            continue;
          steps = fabs (d) * BAND_STEPS + 0.5;
          if (band != NULL)
            k = steps < band_len ? band[(int) steps] : 0;
          else
            k = (int) (band_coverage (&piece->shadow, half, d) * 255 + 0.5);
          if (t < plain_from || t > plain_to)
            {
              int disc = 0;
              double c = cover_end_pixel (piece, half, t, d, i + 0.5 - piece->x1, ry,
                                          k / 255.0, &disc);

              k = MAX ((int) (c * 255 + 0.5), disc);
            }
          if (k > 0)
            blend_pixel (&direct[i], scaled, MIN (k, 255));
        }
      *xmin = MIN (*xmin, i0);
      *xmax = MAX (*xmax, i1);
      return;
    }
  {
    /* The pixel centre's distances past the cuts at the joins (growing by the cut's normal
     * a pixel): near a join most pixels are wholly on this piece's side, plain pixels; a
     * pixel wholly past a cut is the other piece's. Without a cut: never near one. */
    double es = G_MAXDOUBLE, ee = G_MAXDOUBLE, es_step = 0, ee_step = 0;
    double start_h = piece->start_shadow.h, end_h = piece->end_shadow.h;
    double near_from = piece->near_from, near_to = piece->near_to;
    const guint16 *hidden = hidden_row (raster, y);

    if (piece->start_cut)
      {
        es = rx * piece->start_mx + ry * piece->start_my;
        es_step = piece->start_mx;
      }
    if (piece->end_cut)
      {
        ee = (rx - (piece->x2 - piece->x1)) * piece->end_mx +
             (ry - (piece->y2 - piece->y1)) * piece->end_my;
        ee_step = piece->end_mx;
      }
    for (int i = i0; i <= i1; i++, t += ux, d -= uy, es += es_step, ee += ee_step)
      {
        double steps;
        int k;

        if (es <= -start_h || ee <= -end_h || hidden[i] != 0)
          continue;
        steps = fabs (d) * BAND_STEPS + 0.5;
        if (band != NULL)
          k = steps < band_len ? band[(int) steps] : 0;
        else
          k = (int) (band_coverage (&piece->shadow, half, d) * 255 + 0.5);
        if (t < near_from || t > near_to || es < start_h || ee < end_h)
          /* Never below 0 by more than rounding: this adds 0 then. */
          k = (int) (cover_end_pixel (piece, half, t, d, i + 0.5 - piece->x1, ry, k / 255.0,
                                      &discs[i]) * 255 + 0.5);
        coverage[i] += k;
      }
  }
  *xmin = MIN (*xmin, i0);
  *xmax = MAX (*xmax, i1);
}

/* Blends the row's coverage into pixel row @y between @xmin and @xmax and clears it:
 * premultiplied OVER, the colour scaled by the coverage. */
static void
blend_row (HelRasterLine *raster,
           int            y,
           int            xmin,
           int            xmax)
{
  guint32 *row = (guint32 *) (gpointer) (raster->data + (gsize) y * raster->stride);
  int *coverage = raster->coverage - raster->clip_x0;
  int *discs = raster->discs - raster->clip_x0;
  const guint32 *scaled = raster->src_scaled;

  for (int x = xmin; x <= xmax; x++)
    {
      int k = MAX (coverage[x], discs[x]);

      coverage[x] = 0;
      discs[x] = 0;
      if (k > 0)
        blend_pixel (&row[x], scaled, MIN (k, 255));
    }
}

/* floor() and ceil() without a call, for values within 65536 pixels of 0 (the clip's
 * coordinates, which Cairo keeps below 32768). */
static inline int
floor_near (double v)
{
  return (int) (v + 65536.0) - 65536;
}

static inline int
ceil_near (double v)
{
  return 65536 - (int) (65536.0 - v);
}

/* One pixel of a single-piece stroke, anywhere on the piece (ends, caps, joins included). */
static inline void
blend_any_pixel (HelRasterLine *raster,
                 const Piece   *piece,
                 double         half,
                 const guint8  *band,
                 double         band_len,
                 guint32       *row,
                 const guint16 *hidden,
                 int            i,
                 double         ry)
{
  double rx, t, d, steps;
  int k;

  if (hidden[i] != 0)
    return;
  rx = i + 0.5 - piece->x1;
  t = rx * piece->ux + ry * piece->uy;
  d = ry * piece->ux - rx * piece->uy;
  steps = fabs (d) * BAND_STEPS + 0.5;
  k = steps < band_len ? band[(int) steps] : 0;
  if (t < piece->plain_from || t > piece->plain_to)
    {
      int disc = 0;
      double c = cover_end_pixel (piece, half, t, d, rx, ry, k / 255.0, &disc);

      k = MAX ((int) (c * 255 + 0.5), disc);
    }
  if (k > 0)
    blend_pixel (&row[i], raster->src_scaled, MIN (k, 255));
}

/* A stroke of one piece with a band table, straight into the pixels, row by row: the row's
 * pixels and its plain middle (where only the band counts) follow from the row's distance
 * below the start by a multiplication each, the hot loop is a table lookup and a blend.
 * Widens the dirty rectangle @dirty (x0, y0, x1, y1). */
static void
stroke_single (HelRasterLine *raster,
               const Piece   *piece,
               double         half,
               int           *dirty)
{
  const BandTable *table = &raster->band_tables[piece->band_table];
  const guint8 *band = table->coverage;
  double band_len = table->len, ux = piece->ux, uy = piece->uy;
  /* Pixel left edges: centre - 0.5. */
  double base = piece->x1 - 0.5;
  double clip_lo = raster->clip_x0 - 2, clip_hi = raster->clip_x1 + 2;
  double first = ux > 0 ? piece->plain_from : piece->plain_to;
  double second = ux > 0 ? piece->plain_to : piece->plain_from;
  const guint32 *scaled = raster->src_scaled;

  for (int y = piece->row0; y <= piece->row1; y++)
    {
      double ry = y + 0.5 - piece->y1, lo = clip_lo - base, hi = clip_hi - base, dm;
      guint32 *row = (guint32 *) (gpointer) (raster->data + (gsize) y * raster->stride);
      const guint16 *hidden;
      int i0, i1, m0, m1;

      if (!narrow_to_piece (piece, ry, &lo, &hi))
        continue;
      i0 = MAX (ceil_near (base + lo), raster->clip_x0);
      i1 = MIN (floor_near (base + hi), raster->clip_x1 - 1);
      if (i0 > i1)
        continue;

      /* The plain middle: t = (i + 0.5 - x1) ux + ry uy between plain_from and plain_to. */
      if (piece->inv_ux != 0)
        {
          double a = base + (first - ry * uy) * piece->inv_ux;
          double b = base + (second - ry * uy) * piece->inv_ux;

          m0 = MAX (ceil_near (CLAMP (a, clip_lo, clip_hi)), i0);
          m1 = MIN (floor_near (CLAMP (b, clip_lo, clip_hi)), i1);
        }
      else if (ry * uy >= piece->plain_from && ry * uy <= piece->plain_to)
        {
          m0 = i0;
          m1 = i1;
        }
      else
        {
          m0 = i1 + 1;
          m1 = i1;
        }
      if (m0 > m1)
        {
          m0 = i1 + 1;
          m1 = i1;
        }

      hidden = hidden_row (raster, y);
      for (int i = i0; i < MIN (m0, i1 + 1); i++)
        blend_any_pixel (raster, piece, half, band, band_len, row, hidden, i, ry);
      dm = ry * ux - (m0 + 0.5 - piece->x1) * uy;
      for (int i = m0; i <= m1; i++, dm -= uy)
        {
          double steps;
          int k;

          if (hidden[i] != 0)
            continue;
          steps = fabs (dm) * BAND_STEPS + 0.5;
          k = steps < band_len ? band[(int) steps] : 0;
          if (k > 0)
            blend_pixel (&row[i], scaled, k);
        }
      for (int i = MAX (m1 + 1, i0); i <= i1; i++)
        blend_any_pixel (raster, piece, half, band, band_len, row, hidden, i, ry);

      dirty[0] = MIN (dirty[0], i0);
      dirty[1] = MIN (dirty[1], y);
      dirty[2] = MAX (dirty[2], i1);
      dirty[3] = MAX (dirty[3], y);
    }
}

void
hel_raster_line_stroke (HelRasterLine *raster,
                        double         width,
                        HelRasterCap   cap)
{
  double half;
  guint n_active = 0, next = 0, n;
  int dirty_x0 = G_MAXINT, dirty_x1 = G_MININT, dirty_y0 = G_MAXINT, dirty_y1 = G_MININT;
  gboolean round_caps = cap == HEL_RASTER_CAP_ROUND;
  const Piece *pieces;

  g_return_if_fail (raster != NULL);

  half = 0.5 * width * raster->scale;
  if (!(half > 0) || !isfinite (half) || raster->src_a == 0 ||
      raster->clip_x0 >= raster->clip_x1 || raster->clip_y0 >= raster->clip_y1)
    {
      g_array_set_size (raster->path, 0);
      return;
    }

  /* The path into pieces: caps at the ends of each sub-path, round joins inside. */
  raster->stroke++;
  g_array_set_size (raster->pieces, 0);
  for (guint i = 0; i < raster->path->len;)
    {
      const PathPoint *points = &g_array_index (raster->path, PathPoint, i);
      guint m = 1;

      while (i + m < raster->path->len && !points[m].move)
        m++;
      for (guint j = 0; j + 1 < m; j++)
        add_piece (raster, j > 0 ? &points[j - 1] : NULL, &points[j], &points[j + 1],
                   j + 2 < m ? &points[j + 2] : NULL, half, round_caps);
      i += m;
    }
  g_array_set_size (raster->path, 0);

  n = raster->pieces->len;
  if (n == 0)
    return;
  g_array_sort (raster->pieces, compare_pieces);
  pieces = (const Piece *) (gpointer) raster->pieces->data;
  if (raster->n_active_alloc < n)
    {
      raster->n_active_alloc = MAX (n, 2 * raster->n_active_alloc);
      raster->active = g_renew (guint, raster->active, raster->n_active_alloc);
    }

  if (!raster->src_scaled_valid)
    make_scaled_colour (raster);
  if (raster->surface != NULL)
    cairo_surface_flush (raster->surface);
  /* Only the rows asked for (see hel_raster_line_new_for_rows()), but the same pieces and
   * tables as for the whole clip, so those rows come out the same. */
  if (n == 1 && pieces[0].band_table >= 0 &&
      pieces[0].row0 < raster->rows_y1 && pieces[0].row1 >= raster->rows_y0)
    {
      int dirty[4] = { dirty_x0, dirty_y0, dirty_x1, dirty_y1 };
      Piece rows = pieces[0];

      rows.row0 = MAX (rows.row0, raster->rows_y0);
      rows.row1 = MIN (rows.row1, raster->rows_y1 - 1);
      stroke_single (raster, &rows, half, dirty);
      dirty_x0 = dirty[0];
      dirty_y0 = dirty[1];
      dirty_x1 = dirty[2];
      dirty_y1 = dirty[3];
    }
  for (int y = MAX (pieces[0].row0, raster->rows_y0);
       n == 1 && pieces[0].band_table < 0 && y <= MIN (pieces[0].row1, raster->rows_y1 - 1); y++)
    {
      int xmin = G_MAXINT, xmax = G_MININT;

      /* One piece: nothing overlaps, no row of counts needed. */
      cover_row (raster, &pieces[0], y, half,
                 (guint32 *) (gpointer) (raster->data + (gsize) y * raster->stride),
                 &xmin, &xmax);
      if (xmin <= xmax)
        {
          dirty_x0 = MIN (dirty_x0, xmin);
          dirty_x1 = MAX (dirty_x1, xmax);
          dirty_y0 = MIN (dirty_y0, y);
          dirty_y1 = y;
        }
    }
  for (int y = MAX (pieces[0].row0, raster->rows_y0);
       n > 1 && (next < n || n_active > 0) && y < raster->rows_y1; y++)
    {
      int xmin = G_MAXINT, xmax = G_MININT;

      if (n_active == 0 && y < pieces[next].row0)
        y = pieces[next].row0;
      if (y >= raster->rows_y1)
        break;
      while (next < n && pieces[next].row0 <= y)
        raster->active[n_active++] = next++;
      for (guint j = 0; j < n_active;)
        {
          const Piece *piece = &pieces[raster->active[j]];

          if (piece->row1 < y)
            {
              raster->active[j] = raster->active[--n_active];
              continue;
            }
          cover_row (raster, piece, y, half, NULL, &xmin, &xmax);
          j++;
        }
      if (xmin <= xmax)
        {
          blend_row (raster, y, xmin, xmax);
          dirty_x0 = MIN (dirty_x0, xmin);
          dirty_x1 = MAX (dirty_x1, xmax);
          dirty_y0 = MIN (dirty_y0, y);
          dirty_y1 = y;
        }
    }
  if (raster->surface != NULL && dirty_x0 <= dirty_x1)
    {
      double ox, oy;

      /* In the surface's device space, which its device offset moves. */
      cairo_surface_get_device_offset (raster->surface, &ox, &oy);
      cairo_surface_mark_dirty_rectangle (raster->surface, dirty_x0 - (int) ox,
                                          dirty_y0 - (int) oy, dirty_x1 - dirty_x0 + 1,
                                          dirty_y1 - dirty_y0 + 1);
    }
}
