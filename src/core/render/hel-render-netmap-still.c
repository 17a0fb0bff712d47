/* hel-render-netmap-still.c: the still layer of a map on an image, fast: what later people
 * will cover is skipped (HelRasterCover), and the ties and people are drawn in bands of rows,
 * one thread each. The pixels are those of drawing everything on one thread. */
#include "config.h"

#include <math.h>

#include "hel-render-netmap-private.h"

/* Marks where the picture of @item (number @owner) is opaque, in rows @y0 to @y1. */
static void
cover_person (HelRasterCover   *cover,
              const PersonItem *item,
              guint16           owner,
              int               ox,
              int               oy,
              int               y0,
              int               y1)
{
  const Picture *picture = item->picture;
  int x = item->dx + ox, y = item->dy + oy;
  int from = MAX (y0 - y, 0), to = MIN (y1 - y, cairo_image_surface_get_height (picture->surface));

  for (int r = from; r < to; r++)
    if (picture->solid[2 * r] < picture->solid[2 * r + 1])
      hel_raster_cover_add_run (cover, y + r, x + picture->solid[2 * r],
                                x + picture->solid[2 * r + 1], owner);
}

/* ---- bands: the still layer's ties and people drawn by several threads ---- */

/* On an image the ties and the people (most of a frame) are drawn in horizontal bands of the
 * pixels, one thread each, onto the same pixels: each band draws with the same geometry but
 * only into its rows (see hel_raster_line_new_for_rows()), so the frame is the one thread's,
 * bit for bit. What is not safe on another thread stays on the caller's: text, filling the
 * cache of pictures (done before the bands start: they only read it) and the centre, which
 * lies between the ties and the people (drawn between the two rounds). */
#define MAX_BANDS 4

typedef struct _BandFrame BandFrame;

typedef enum {
  ROUND_COVER,       /* where the pictures are opaque, the rows' squares */
  ROUND_TIES,
  ROUND_PEOPLE,
} BandRound;

typedef struct {
  BandFrame            *frame;
  Painter               painter;     /* the caller's, with this band's cr, raster and stats */
  HelNetmapRenderStats  stats;
  int                   y0, y1;      /* device rows, y1 excluded */
  cairo_surface_t      *surface;     /* the band's rows of the caller's pixels */
} Band;

struct _BandFrame {
  GMutex                lock;
  GCond                 done;
  guint                 pending;
  BandRound             round;
  gint64                active;
  const PersonItem     *items;
  guint                 n_items;
  HelRasterCover       *cover;
  int                   ox, oy;      /* the target's device offset */
  guint                 n;
  Band                  bands[MAX_BANDS];
};

/* The rows of the target's pixels that @tie may draw into, however it is drawn (its line,
 * pattern, arrowheads, selection), from @top to @bottom; FALSE if it has no ends. */
static gboolean
tie_rows (Painter            *p,
          const HelNetmapTie *tie,
          int                 oy,
          double             *top,
          double             *bottom)
{
  double x1, y1, x2, y2, wx, wy1, wy2;
  double margin = 16 * p->unit * MAX (p->style->line_scale, 1.0) + 2;

  if (!hel_netmap_tie_endpoints (p->map, tie, &x1, &y1, &x2, &y2))
    return FALSE;
  _hel_netmap_to_widget (p, x1, y1, &wx, &wy1);
  _hel_netmap_to_widget (p, x2, y2, &wx, &wy2);
  *top = (MIN (wy1, wy2) - margin) * p->matrix.yy + p->matrix.y0 + oy;
  *bottom = (MAX (wy1, wy2) + margin) * p->matrix.yy + p->matrix.y0 + oy;
  return TRUE;
}

/* A band draws the ties that reach into its rows; each tie is counted by one band, the one
 * its top row falls in (the first or last for ties above or below all of them), which also
 * works through the ties that reach into none. */
static void
band_ties (Band *band)
{
  BandFrame *frame = band->frame;
  Painter *p = &band->painter;
  HelNetmapRenderStats elsewhere;
  int first = frame->bands[0].y0, last = frame->bands[frame->n - 1].y1;

  for (guint i = 0; i < p->map->ties->len; i++)
    {
      const HelNetmapTie *tie = p->map->ties->pdata[i];
      double top, bottom, home;
      gboolean ours;

      if (_hel_netmap_tie_touches (tie, frame->active))
        continue;
      if (!tie_rows (p, tie, frame->oy, &top, &bottom))
        {
          top = first;
          bottom = last;
        }
      home = CLAMP (top, first, last - 1);
      ours = home >= band->y0 && home < band->y1;
      if (!ours && (bottom < band->y0 || top >= band->y1))
        continue;
      p->stats = ours ? &band->stats : &elsewhere;
      _hel_netmap_draw_tie (p, tie);
    }
  p->stats = &band->stats;
}

static void
band_run (Band *band)
{
  BandFrame *frame = band->frame;

  if (frame->round == ROUND_COVER)
    {
      for (guint i = 0; i < frame->n_items; i++)
        if (frame->items[i].paint == PERSON_PICTURE)
          cover_person (frame->cover, &frame->items[i], (guint16) (i + 1), frame->ox, frame->oy,
                        band->y0, band->y1);
      hel_raster_cover_index_rows (frame->cover, band->y0, band->y1);
      return;
    }
  if (frame->round == ROUND_TIES)
    {
      band_ties (band);
      return;
    }
  for (guint i = 0; i < frame->n_items; i++)
    {
      const Picture *picture = frame->items[i].picture;

      for (int b = 0; b < picture->n_boxes; b++)
        hel_raster_cover_composite_rows (frame->cover,
                                         cairo_image_surface_get_data (picture->surface),
                                         cairo_image_surface_get_stride (picture->surface),
                                         &picture->boxes[b], frame->items[i].dx + frame->ox,
                                         frame->items[i].dy + frame->oy, (guint16) (i + 1),
                                         band->y0, band->y1);
    }
}

static void
band_thread (gpointer data,
             gpointer user_data G_GNUC_UNUSED)
{
  Band *band = data;
  BandFrame *frame = band->frame;

  band_run (band);
  g_mutex_lock (&frame->lock);
  if (--frame->pending == 0)
    g_cond_signal (&frame->done);
  g_mutex_unlock (&frame->lock);
}

static GThreadPool *
band_pool (void)
{
  static GThreadPool *pool;

  /* Kept for the process: threads that wait cost nothing, and a frame starts none. */
  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (band_thread, NULL, MAX_BANDS - 1, FALSE, NULL));
  return pool;
}

/* One round: band 0 on this thread, the others on the pool's. */
static void
run_bands (BandFrame *frame)
{
  frame->pending = frame->n - 1;
  for (guint i = 1; i < frame->n; i++)
    if (!g_thread_pool_push (band_pool (), &frame->bands[i], NULL))
      {
        /* No thread to be had: this one does it. */
        band_run (&frame->bands[i]);
        g_mutex_lock (&frame->lock);
        frame->pending--;
        g_mutex_unlock (&frame->lock);
      }
  band_run (&frame->bands[0]);
  g_mutex_lock (&frame->lock);
  while (frame->pending > 0)
    g_cond_wait (&frame->done, &frame->lock);
  g_mutex_unlock (&frame->lock);
}

static guint
band_count (const Painter               *p,
            const cairo_rectangle_int_t *clip)
{
  int n = p->options->threads;

  if (n <= 0)
    n = (int) g_get_num_processors ();
  /* A band of fewer than 32 rows is not worth a thread. */
  return (guint) CLAMP (MIN (n, clip->height / 32), 1, MAX_BANDS);
}

/* Bands over the rows of @clip of @target, with @p's drawing state; ties first. */
static BandFrame *
bands_new (Painter                     *p,
           cairo_surface_t             *target,
           const cairo_rectangle_int_t *clip,
           int                          ox,
           int                          oy,
           guint                        n)
{
  BandFrame *frame = g_new0 (BandFrame, 1);
  guint8 *data = cairo_image_surface_get_data (target);
  int stride = cairo_image_surface_get_stride (target);
  int width = cairo_image_surface_get_width (target);
  cairo_matrix_t matrix = p->matrix;

  g_mutex_init (&frame->lock);
  g_cond_init (&frame->done);
  frame->ox = ox;
  frame->oy = oy;
  frame->n = n;
  matrix.x0 += ox;
  matrix.y0 += oy;
  for (guint i = 0; i < n; i++)
    {
      Band *band = &frame->bands[i];
      cairo_t *cr;

      band->frame = frame;
      /* Whole squares of the cover (8 rows) to each but the last. */
      band->y0 = clip->y + (int) ((gint64) clip->height * i / n / 8 * 8);
      band->y1 = i + 1 < n ? clip->y + (int) ((gint64) clip->height * (i + 1) / n / 8 * 8)
                           : clip->y + clip->height;
      /* The band's rows only, at their place in the target's pixels; the clip across. */
      band->surface = cairo_image_surface_create_for_data (data + (gsize) band->y0 * stride,
                                                           CAIRO_FORMAT_ARGB32, width,
                                                           band->y1 - band->y0, stride);
      cairo_surface_set_device_offset (band->surface, 0, -band->y0);
      cr = cairo_create (band->surface);
      cairo_set_antialias (cr, cairo_get_antialias (p->cr));
      cairo_set_tolerance (cr, cairo_get_tolerance (p->cr));
      if (clip->x > 0 || clip->x + clip->width < width)
        {
          cairo_rectangle (cr, clip->x, band->y0, clip->width, band->y1 - band->y0);
          cairo_clip (cr);
        }
      cairo_set_matrix (cr, &matrix);
      band->painter = *p;
      band->painter.cr = cr;
      band->painter.raster = hel_raster_line_new_for_rows (p->raster, band->y0, band->y1);
      band->painter.stats = &band->stats;
      /* Text is never drawn on a band. */
      band->painter.layout = NULL;
      band->painter.current = NULL;
      band->painter.font = NULL;
    }
  return frame;
}

static void
bands_free (BandFrame *frame)
{
  for (guint i = 0; i < frame->n; i++)
    {
      cairo_destroy (frame->bands[i].painter.cr);
      hel_raster_line_free (frame->bands[i].painter.raster);
      cairo_surface_destroy (frame->bands[i].surface);
    }
  g_mutex_clear (&frame->lock);
  g_cond_clear (&frame->done);
  g_free (frame);
}

/* The still layer's ties, centre and people, as hel_render_netmap_layers() draws them, but
 * on an image with pictures of people, pixels that a picture painted later will cover are
 * skipped (see HelRasterCover): in a crowd most of the ties and much of the people lie under
 * other people. The same pixels as without, bit for bit. FALSE (nothing drawn) where it
 * does not apply. */
gboolean
_hel_netmap_draw_still_covered (Painter *p,
                    gint64   active)
{
  const HelNetmap *map = p->map;
  HelNetmapRenderCache *cache = p->options->cache;
  g_autofree PersonItem *items = NULL;
  cairo_surface_t *target;
  cairo_rectangle_int_t clip, area;
  const guint16 *owners;
  guint8 *data;
  double ox, oy;
  int stride, owners_stride;
  guint n_items = 0, n_bands;
  BandFrame *frame = NULL;

  if (!p->pictures || p->raster == NULL || p->options->draw_hidden ||
      map->nodes->len >= HEL_RASTER_COVER_MAX_OWNER)
    return FALSE;
  target = cairo_get_group_target (p->cr);
  cairo_surface_get_device_offset (target, &ox, &oy);
  if (ox != round (ox) || oy != round (oy) || fabs (ox) > G_MAXINT16 || fabs (oy) > G_MAXINT16)
    return FALSE;
  cairo_surface_flush (target);
  data = cairo_image_surface_get_data (target);
  if (data == NULL)
    return FALSE;
  stride = cairo_image_surface_get_stride (target);

  /* Who is in view, and their pictures (drawn into the cache now if new). */
  items = g_new (PersonItem, MAX (map->nodes->len, 1));
  for (guint i = 0; i < map->nodes->len; i++)
    {
      const HelNetmapNode *node = map->nodes->pdata[i];

      if ((active <= 0 || node->id != active) && _hel_netmap_prepare_node (p, node, &items[n_items]))
        n_items++;
    }

  /* Where each picture is opaque, numbered in painting order from 1 (marked by the bands'
   * first round, or below), then the ties, but not where a person will be on top. */
  if (cache->cover == NULL)
    cache->cover = hel_raster_cover_new ();
  hel_raster_line_get_clip (p->raster, &clip);
  hel_raster_cover_begin (cache->cover, data, cairo_image_surface_get_width (target),
                          cairo_image_surface_get_height (target), stride, &clip);
  owners = hel_raster_cover_get_owners (cache->cover, &owners_stride, &area);
  hel_raster_line_set_hidden (p->raster, owners, owners_stride, &area);
  p->cover = cache->cover;
  p->cover_ox = ox;
  p->cover_oy = oy;
  /* The bands look people up at once: only with the index built now. */
  n_bands = hel_netmap_index_now (map) ? band_count (p, &clip) : 1;
  if (n_bands > 1)
    {
      frame = bands_new (p, target, &clip, (int) ox, (int) oy, n_bands);
      frame->active = active;
      frame->items = items;
      frame->n_items = n_items;
      frame->cover = cache->cover;
      frame->round = ROUND_COVER;
      run_bands (frame);
      hel_raster_cover_index_done (cache->cover);
      /* Each tie is counted by one band. */
      frame->round = ROUND_TIES;
      run_bands (frame);
      for (guint b = 0; b < n_bands; b++)
        {
          p->stats->ties_drawn += frame->bands[b].stats.ties_drawn;
          p->stats->ties_culled += frame->bands[b].stats.ties_culled;
          p->stats->ties_clipped += frame->bands[b].stats.ties_clipped;
          p->stats->ties_hidden += frame->bands[b].stats.ties_hidden;
          p->stats->tie_segments += frame->bands[b].stats.tie_segments;
        }
      cairo_surface_mark_dirty (target);
    }
  else
    {
      for (guint i = 0; i < n_items; i++)
        if (items[i].paint == PERSON_PICTURE)
          cover_person (cache->cover, &items[i], (guint16) (i + 1), (int) ox, (int) oy,
                        clip.y, clip.y + clip.height);
      hel_raster_cover_index (cache->cover);
      for (guint i = 0; i < map->ties->len; i++)
        {
          const HelNetmapTie *tie = map->ties->pdata[i];
          if (!_hel_netmap_tie_touches (tie, active))
            _hel_netmap_draw_tie (p, tie);
        }
    }
  p->cover = NULL;
  hel_raster_line_set_hidden (p->raster, NULL, 0, NULL);
  _hel_netmap_draw_centre (p);

  /* People, but not where a later one will be on top; in bands when all are pictures. */
  cairo_surface_flush (target);
  for (guint i = 0; frame != NULL && i < n_items; i++)
    if (items[i].paint != PERSON_PICTURE)
      {
        bands_free (frame);
        frame = NULL;
      }
  if (frame != NULL)
    {
      frame->round = ROUND_PEOPLE;
      run_bands (frame);
      bands_free (frame);
      n_items = 0;
    }
  for (guint i = 0; i < n_items; i++)
    {
      const Picture *picture = items[i].picture;

      if (items[i].paint != PERSON_PICTURE)
        {
          cairo_surface_mark_dirty (target);
          _hel_netmap_paint_node (p, &items[i]);
          cairo_surface_flush (target);
          continue;
        }
      for (int b = 0; b < picture->n_boxes; b++)
        hel_raster_cover_composite (cache->cover, cairo_image_surface_get_data (picture->surface),
                                    cairo_image_surface_get_stride (picture->surface),
                                    &picture->boxes[b], items[i].dx + (int) ox,
                                    items[i].dy + (int) oy, (guint16) (i + 1));
    }
  cairo_surface_mark_dirty (target);
  hel_raster_cover_end (cache->cover);
  return TRUE;
}
