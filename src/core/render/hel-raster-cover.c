/* hel-raster-cover.c: which picture lies on top at each pixel, so hidden pixels are skipped. */
#include "config.h"

#include <string.h>

#include "hel-raster-cover.h"

/* Eight owners at a time (GCC and Clang vectors). */
typedef guint16 Owners8 __attribute__ ((vector_size (16)));

#ifdef __SSE2__
#include <emmintrin.h>

/* OVER of four pixels as pixman's SSE2 code does it (the same rounding as
 * hel_raster_cover_over()), kept where @hidden (all ones per pixel) says so. */
static inline __m128i
over4 (__m128i src,
       __m128i dst,
       __m128i hidden)
{
  const __m128i zero = _mm_setzero_si128 ();
  const __m128i mask = _mm_set1_epi16 (0x00ff), half = _mm_set1_epi16 (0x0080);
  const __m128i div = _mm_set1_epi16 (0x0101);
  __m128i s_lo = _mm_unpacklo_epi8 (src, zero), s_hi = _mm_unpackhi_epi8 (src, zero);
  __m128i d_lo = _mm_unpacklo_epi8 (dst, zero), d_hi = _mm_unpackhi_epi8 (dst, zero);
  /* 255 - alpha in every channel of each pixel. */
  __m128i ia_lo = _mm_xor_si128 (_mm_shufflehi_epi16 (_mm_shufflelo_epi16 (s_lo, 0xff), 0xff), mask);
  __m128i ia_hi = _mm_xor_si128 (_mm_shufflehi_epi16 (_mm_shufflelo_epi16 (s_hi, 0xff), 0xff), mask);
  __m128i out;

  d_lo = _mm_mulhi_epu16 (_mm_add_epi16 (_mm_mullo_epi16 (d_lo, ia_lo), half), div);
  d_hi = _mm_mulhi_epu16 (_mm_add_epi16 (_mm_mullo_epi16 (d_hi, ia_hi), half), div);
  out = _mm_adds_epu8 (_mm_packus_epi16 (d_lo, d_hi), src);
  return _mm_or_si128 (_mm_andnot_si128 (hidden, out), _mm_and_si128 (hidden, dst));
}
#endif

struct _HelRasterCover
{
  guint8               *data;      /* the frame's pixels */
  int                   stride;
  cairo_rectangle_int_t clip;      /* inside the frame */
  guint16              *owners;    /* one per pixel of the clip, rows clip.width apart */
  gsize                 n_owners;
  /* Per row of the clip, the columns written (lo > hi: none), so ending a frame clears
   * only those and a frame costs what its pictures cover, not the whole clip. */
  int                  *row_lo, *row_hi;
  int                   n_rows;
  /* The lowest owner in each TILE x TILE square of the clip (from its top left; squares
   * cut by the clip's edge count as not covered): where that is above a picture's number,
   * the picture is hidden in the whole square. Made by hel_raster_cover_index(). */
  guint16              *tiles;
  gsize                 n_tiles_alloc;
  int                   tiles_across, tiles_down;
  gboolean              indexed;
  /* How many squares are not covered above and left of each corner of the squares' grid
   * ((tiles_across + 1) x (tiles_down + 1)): any box of squares is answered in four reads. */
  guint32              *open_sums;
  gsize                 n_open_sums;
};

#define TILE 8

HelRasterCover *
hel_raster_cover_new (void)
{
  return g_new0 (HelRasterCover, 1);
}

void
hel_raster_cover_free (HelRasterCover *cover)
{
  if (cover == NULL)
    return;
  g_free (cover->owners);
  g_free (cover->row_lo);
  g_free (cover->row_hi);
  g_free (cover->tiles);
  g_free (cover->open_sums);
  g_free (cover);
}

void
hel_raster_cover_begin (HelRasterCover              *cover,
                        guint8                      *data,
                        int                          width,
                        int                          height,
                        int                          stride,
                        const cairo_rectangle_int_t *clip)
{
  gsize n;

  g_return_if_fail (cover != NULL && data != NULL && clip != NULL);
  g_return_if_fail (width >= 0 && height >= 0 && stride >= width * 4);

  hel_raster_cover_end (cover);
  cover->data = data;
  cover->stride = stride;
  cover->clip.x = CLAMP (clip->x, 0, width);
  cover->clip.y = CLAMP (clip->y, 0, height);
  cover->clip.width = (int) CLAMP ((gint64) clip->x + clip->width, cover->clip.x, width) - cover->clip.x;
  cover->clip.height = (int) CLAMP ((gint64) clip->y + clip->height, cover->clip.y, height) - cover->clip.y;

  n = (gsize) cover->clip.width * cover->clip.height;
  if (n > cover->n_owners)
    {
      g_free (cover->owners);
      cover->owners = g_new0 (guint16, n);
      cover->n_owners = n;
    }
  if (cover->clip.height > cover->n_rows)
    {
      cover->row_lo = g_renew (int, cover->row_lo, cover->clip.height);
      cover->row_hi = g_renew (int, cover->row_hi, cover->clip.height);
      cover->n_rows = cover->clip.height;
    }
  for (int i = 0; i < cover->clip.height; i++)
    {
      cover->row_lo[i] = G_MAXINT;
      cover->row_hi[i] = G_MININT;
    }
  cover->tiles_across = cover->clip.width / TILE;
  cover->tiles_down = cover->clip.height / TILE;
  n = (gsize) cover->tiles_across * cover->tiles_down;
  if (n > cover->n_tiles_alloc)
    {
      g_free (cover->tiles);
      cover->tiles = g_new (guint16, n);
      cover->n_tiles_alloc = n;
    }
  cover->indexed = FALSE;
}

void
hel_raster_cover_add_run (HelRasterCover *cover,
                          int             y,
                          int             x0,
                          int             x1,
                          guint16         owner)
{
  guint16 *row;
  int r;

  g_return_if_fail (cover != NULL && owner > 0 && owner <= HEL_RASTER_COVER_MAX_OWNER);
  g_return_if_fail (!cover->indexed);

  if (y < cover->clip.y || y >= cover->clip.y + cover->clip.height)
    return;
  x0 = MAX (x0, cover->clip.x) - cover->clip.x;
  x1 = MIN (x1, cover->clip.x + cover->clip.width) - cover->clip.x;
  if (x0 >= x1)
    return;
  r = y - cover->clip.y;
  row = cover->owners + (gsize) r * cover->clip.width;
  /* Pictures come in painting order: a later one is on top. */
  /* Pictures come in painting order: a later one is on top. Eight at a time. */
  {
    Owners8 all = { owner, owner, owner, owner, owner, owner, owner, owner };
    int x = x0;

    for (; x + 8 <= x1; x += 8)
      memcpy (&row[x], &all, sizeof all);
    for (; x < x1; x++)
      row[x] = owner;
  }
  cover->row_lo[r] = MIN (cover->row_lo[r], x0);
  cover->row_hi[r] = MAX (cover->row_hi[r], x1 - 1);
}

/* The lowest of the TILE x TILE owners at @row, rows @stride apart. */
static guint16
tile_min (const guint16 *row,
          int            stride)
{
#ifdef __SSE2__
  __m128i m = _mm_loadu_si128 ((const __m128i *) (gconstpointer) row);

  G_STATIC_ASSERT (TILE == 8);
  for (int j = 1; j < TILE; j++)
    m = _mm_min_epi16 (m, _mm_loadu_si128 ((const __m128i *) (gconstpointer) (row + (gsize) j * stride)));
  m = _mm_min_epi16 (m, _mm_shuffle_epi32 (m, 0x4e));
  m = _mm_min_epi16 (m, _mm_shuffle_epi32 (m, 0xb1));
  m = _mm_min_epi16 (m, _mm_shufflelo_epi16 (m, 0xb1));
  return (guint16) _mm_extract_epi16 (m, 0);
#else
  guint16 least = G_MAXUINT16;

  for (int j = 0; j < TILE; j++)
    for (int i = 0; i < TILE; i++)
      least = MIN (least, row[(gsize) j * stride + i]);
  return least;
#endif
}

void
hel_raster_cover_index (HelRasterCover *cover)
{
  g_return_if_fail (cover != NULL && cover->data != NULL);

  hel_raster_cover_index_rows (cover, cover->clip.y, cover->clip.y + cover->clip.height);
  hel_raster_cover_index_done (cover);
}

void
hel_raster_cover_index_rows (HelRasterCover *cover,
                             int             y0,
                             int             y1)
{
  int ty0, ty1;

  g_return_if_fail (cover != NULL && cover->data != NULL && !cover->indexed);

  /* The squares wholly inside the rows. */
  ty0 = (MAX (y0 - cover->clip.y, 0) + TILE - 1) / TILE;
  ty1 = MIN (MAX (y1 - cover->clip.y, 0) / TILE, cover->tiles_down);
  for (int ty = ty0; ty < ty1; ty++)
    {
      guint16 *tiles = cover->tiles + (gsize) ty * cover->tiles_across;
      int lo = G_MININT, hi = G_MAXINT;

      /* Only where every row of the band was written can a square be covered. */
      for (int j = 0; j < TILE; j++)
        {
          lo = MAX (lo, cover->row_lo[ty * TILE + j]);
          hi = MIN (hi, cover->row_hi[ty * TILE + j]);
        }
      for (int tx = 0; tx < cover->tiles_across; tx++)
        tiles[tx] = tx * TILE >= lo && tx * TILE + TILE - 1 <= hi
                    ? tile_min (cover->owners + (gsize) ty * TILE * cover->clip.width + tx * TILE,
                                cover->clip.width)
                    : 0;
    }
}

void
hel_raster_cover_index_done (HelRasterCover *cover)
{
  int across, down;
  gsize n;

  g_return_if_fail (cover != NULL && cover->data != NULL);

  across = cover->tiles_across + 1;
  down = cover->tiles_down + 1;
  n = (gsize) across * down;
  if (n > cover->n_open_sums)
    {
      g_free (cover->open_sums);
      cover->open_sums = g_new (guint32, n);
      cover->n_open_sums = n;
    }
  memset (cover->open_sums, 0, (gsize) across * sizeof (guint32));
  for (int ty = 0; ty < cover->tiles_down; ty++)
    {
      const guint16 *tiles = cover->tiles + (gsize) ty * cover->tiles_across;
      const guint32 *above = cover->open_sums + (gsize) ty * across;
      guint32 *row = cover->open_sums + (gsize) (ty + 1) * across;
      guint32 run = 0;

      row[0] = 0;
      for (int tx = 0; tx < cover->tiles_across; tx++)
        {
          run += tiles[tx] == 0;
          row[tx + 1] = above[tx + 1] + run;
        }
    }
  cover->indexed = TRUE;
}

gboolean
hel_raster_cover_box_hidden (const HelRasterCover *cover,
                             double                x0,
                             double                y0,
                             double                x1,
                             double                y1)
{
  int tx0, ty0, tx1, ty1;

  g_return_val_if_fail (cover != NULL && cover->indexed, FALSE);

  /* The squares the box reaches into, relative to the clip; any outside it: not hidden. */
  x0 -= cover->clip.x;
  x1 -= cover->clip.x;
  y0 -= cover->clip.y;
  y1 -= cover->clip.y;
  if (!(x0 >= 0 && y0 >= 0 && x1 < cover->tiles_across * TILE && y1 < cover->tiles_down * TILE &&
        x0 <= x1 && y0 <= y1))
    return FALSE;
  tx0 = (int) x0 / TILE;
  ty0 = (int) y0 / TILE;
  tx1 = (int) x1 / TILE + 1;
  ty1 = (int) y1 / TILE + 1;
  {
    const guint32 *sums = cover->open_sums;
    gsize across = (gsize) cover->tiles_across + 1;

    /* No square in [tx0, tx1) x [ty0, ty1) is open. */
    return sums[ty1 * across + tx1] - sums[ty0 * across + tx1] -
           sums[ty1 * across + tx0] + sums[ty0 * across + tx0] == 0;
  }
}

void
hel_raster_cover_composite (HelRasterCover              *cover,
                            const guint8                *src,
                            int                          src_stride,
                            const cairo_rectangle_int_t *box,
                            int                          x,
                            int                          y,
                            guint16                      owner)
{
  g_return_if_fail (cover != NULL);

  hel_raster_cover_composite_rows (cover, src, src_stride, box, x, y, owner, cover->clip.y,
                                   cover->clip.y + cover->clip.height);
}

void
hel_raster_cover_composite_rows (const HelRasterCover        *cover,
                                 const guint8                *src,
                                 int                          src_stride,
                                 const cairo_rectangle_int_t *box,
                                 int                          x,
                                 int                          y,
                                 guint16                      owner,
                                 int                          row0,
                                 int                          row1)
{
#ifdef __SSE2__
  /* Owners are below 32768: a signed comparison is right. */
  const __m128i above = _mm_set1_epi16 ((short) owner);
#endif
  int x0, x1, y0, y1;

  g_return_if_fail (cover != NULL && cover->indexed && src != NULL && box != NULL);

  /* The box in the frame, inside the clip. */
  x0 = MAX (x + box->x, cover->clip.x);
  x1 = MIN (x + box->x + box->width, cover->clip.x + cover->clip.width);
  y0 = MAX (MAX (y + box->y, cover->clip.y), row0);
  y1 = MIN (MIN (y + box->y + box->height, cover->clip.y + cover->clip.height), row1);
  /* A square of TILE x TILE pixels at a time (from the clip's top left): past it where later
   * pictures cover all of it, else row by row, eight pixels at once where it is whole. */
  for (int ty = (y0 - cover->clip.y) / TILE; cover->clip.y + ty * TILE < y1; ty++)
    {
      int top = MAX (y0, cover->clip.y + ty * TILE);
      int bottom = MIN (y1, cover->clip.y + (ty + 1) * TILE);
      const guint16 *tiles = ty < cover->tiles_down
                             ? cover->tiles + (gsize) ty * cover->tiles_across : NULL;

      for (int tx = (x0 - cover->clip.x) / TILE; cover->clip.x + tx * TILE < x1; tx++)
        {
          int left = MAX (x0, cover->clip.x + tx * TILE);
          int right = MIN (x1, cover->clip.x + (tx + 1) * TILE);

          if (tiles != NULL && tx < cover->tiles_across && tiles[tx] > owner)
            continue;
          for (int j = top; j < bottom; j++)
            {
              const guint32 *s = (const guint32 *) (gconstpointer) (src + (gsize) (j - y) * src_stride) - x;
              guint32 *d = (guint32 *) (gpointer) (cover->data + (gsize) j * cover->stride);
              const guint16 *o = cover->owners + (gsize) (j - cover->clip.y) * cover->clip.width -
                                 cover->clip.x;
              int i = left;

#ifdef __SSE2__
              if (right - left == 8)
                {
                  __m128i hidden = _mm_cmpgt_epi16 (_mm_loadu_si128 ((const __m128i *) (gconstpointer) &o[i]),
                                                    above);
                  __m128i *dst = (__m128i *) (gpointer) &d[i];

                  if (_mm_movemask_epi8 (hidden) != 0xffff)
                    {
                      _mm_storeu_si128 (dst, over4 (_mm_loadu_si128 ((const __m128i *) (gconstpointer) &s[i]),
                                                    _mm_loadu_si128 (dst),
                                                    _mm_unpacklo_epi16 (hidden, hidden)));
                      _mm_storeu_si128 (dst + 1, over4 (_mm_loadu_si128 ((const __m128i *) (gconstpointer) &s[i + 4]),
                                                        _mm_loadu_si128 (dst + 1),
                                                        _mm_unpackhi_epi16 (hidden, hidden)));
                    }
                  continue;
                }
#endif
              for (; i < right; i++)
                {
                  guint32 sp = s[i];

                  if (sp == 0 || o[i] > owner)
                    continue;
                  d[i] = sp >= 0xff000000u ? sp : hel_raster_cover_over (sp, d[i]);
                }
            }
        }
    }
}

const guint16 *
hel_raster_cover_get_owners (const HelRasterCover  *cover,
                             int                   *stride,
                             cairo_rectangle_int_t *clip)
{
  g_return_val_if_fail (cover != NULL && stride != NULL && clip != NULL, NULL);

  *stride = cover->clip.width;
  *clip = cover->clip;
  return cover->data != NULL ? cover->owners : NULL;
}

void
hel_raster_cover_end (HelRasterCover *cover)
{
  g_return_if_fail (cover != NULL);

  if (cover->data == NULL)
    return;
  for (int r = 0; r < cover->clip.height; r++)
    if (cover->row_lo[r] <= cover->row_hi[r])
      memset (cover->owners + (gsize) r * cover->clip.width + cover->row_lo[r], 0,
              (gsize) (cover->row_hi[r] - cover->row_lo[r] + 1) * sizeof (guint16));
  cover->data = NULL;
  cover->indexed = FALSE;
}
