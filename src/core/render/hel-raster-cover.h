/* hel-raster-cover.h: which picture lies on top at each pixel, so hidden pixels are skipped. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A crowded network map paints most of its pixels several times: ties under people, people
 * under people. Where a picture painted later is fully opaque, nothing painted before it can
 * show, so it need not be painted at all. Before the frame, every picture (numbered from 1,
 * in painting order) marks the pixels where it is opaque; each pixel then remembers the
 * highest number. Pictures are then painted (OVER, exactly as pixman does it) except where a
 * higher one will cover them, and lines are drawn except where any picture will
 * (see hel_raster_line_set_hidden()). The pixels come out the same, bit for bit.
 *
 * Owners are 15 bits: up to HEL_RASTER_COVER_MAX_OWNER pictures a frame. */
#define HEL_RASTER_COVER_MAX_OWNER 32767

typedef struct _HelRasterCover HelRasterCover;

HelRasterCover *hel_raster_cover_new       (void);
void            hel_raster_cover_free      (HelRasterCover              *cover);

/* Starts a frame over the pixels @clip (inside @width x @height) of ARGB32 premultiplied
 * @data, rows @stride bytes apart; nothing is covered yet. */
void            hel_raster_cover_begin     (HelRasterCover              *cover,
                                            guint8                      *data,
                                            int                          width,
                                            int                          height,
                                            int                          stride,
                                            const cairo_rectangle_int_t *clip);
/* Pixels @x0 to @x1 (excluded) of row @y will be covered by picture @owner (1 or more):
 * opaque there. Outside the clip is ignored. */
void            hel_raster_cover_add_run   (HelRasterCover              *cover,
                                            int                          y,
                                            int                          x0,
                                            int                          x1,
                                            guint16                      owner);
/* After the last run: makes the coarse map that hel_raster_cover_box_hidden() and
 * hel_raster_cover_composite() look at first. */
void            hel_raster_cover_index     (HelRasterCover              *cover);
/* The same in parts, by threads at once (each adding the runs of its own rows first): the
 * squares wholly inside rows @y0 to @y1 (excluded). Rows a thread indexes start and end a
 * multiple of 8 rows from the clip's top, the last may end at its bottom. Then, once all
 * rows are done, hel_raster_cover_index_done(). */
void            hel_raster_cover_index_rows (HelRasterCover             *cover,
                                             int                         y0,
                                             int                         y1);
void            hel_raster_cover_index_done (HelRasterCover             *cover);
/* TRUE if every pixel from (@x0, @y0) to (@x1, @y1) (included) is covered by some picture;
 * FALSE may also mean not known (it looks at squares of pixels). */
gboolean        hel_raster_cover_box_hidden (const HelRasterCover       *cover,
                                             double                      x0,
                                             double                      y0,
                                             double                      x1,
                                             double                      y1);
/* Paints @box (in @src's pixels) of ARGB32 premultiplied @src, its pixel (0, 0) at pixel
 * (@x, @y) of the frame, with OVER, inside the clip and except where a picture numbered
 * above @owner covers it. */
void            hel_raster_cover_composite (HelRasterCover              *cover,
                                            const guint8                *src,
                                            int                          src_stride,
                                            const cairo_rectangle_int_t *box,
                                            int                          x,
                                            int                          y,
                                            guint16                      owner);
/* The same in rows @row0 to @row1 (excluded) only: threads may paint different rows of one
 * frame at once. */
void            hel_raster_cover_composite_rows (const HelRasterCover   *cover,
                                                 const guint8           *src,
                                                 int                     src_stride,
                                                 const cairo_rectangle_int_t *box,
                                                 int                     x,
                                                 int                     y,
                                                 guint16                 owner,
                                                 int                     row0,
                                                 int                     row1);
/* The owners of the clip's pixels, row by row @stride entries apart, starting at the clip's
 * top left pixel; 0 where no picture covers it. Valid until hel_raster_cover_end(). */
const guint16  *hel_raster_cover_get_owners (const HelRasterCover       *cover,
                                             int                        *stride,
                                             cairo_rectangle_int_t      *clip);
/* Ends the frame: the pixels are no longer covered (the buffer is kept for the next). */
void            hel_raster_cover_end       (HelRasterCover              *cover);

/* Premultiplied @src OVER @dst, rounded as pixman rounds it. */
static inline guint32
hel_raster_cover_over (guint32 src,
                       guint32 dst)
{
  guint32 ia = 255 - (src >> 24), rb, ag;

  /* dst * (255 - alpha) / 255, rounded, two channels at a time; then + src, saturated. */
  rb = (dst & 0x00ff00ffu) * ia + 0x00800080u;
  rb = ((rb + ((rb >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
  rb += src & 0x00ff00ffu;
  rb |= 0x01000100u - ((rb >> 8) & 0x00ff00ffu);
  rb &= 0x00ff00ffu;
  ag = ((dst >> 8) & 0x00ff00ffu) * ia + 0x00800080u;
  ag = ((ag + ((ag >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
  ag += (src >> 8) & 0x00ff00ffu;
  ag |= 0x01000100u - ((ag >> 8) & 0x00ff00ffu);
  ag &= 0x00ff00ffu;
  return rb | (ag << 8);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelRasterCover, hel_raster_cover_free)

G_END_DECLS
