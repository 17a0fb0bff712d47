/* hel-raster-line.h: antialiased thick lines written straight into ARGB32 pixels. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Cairo strokes thin antialiased lines at about a thousand instructions per pixel row; the
 * network map draws hundreds of ties per frame. This draws the same lines (butt or round
 * ends, round joins) at a fraction of that, straight into the pixels of an image, and is
 * used only where the pixels can be written directly: the widget's image, PNG exports.
 * Vector targets (SVG, PDF, recordings) keep Cairo's strokes.
 *
 * A path of move_to/line_to points in the user space of the cairo_t (or of the data) is
 * collected and then stroked at once: where its pieces overlap (joins, crossings) a pixel
 * takes the largest coverage, not the sum, as one Cairo stroke does. */
typedef struct _HelRasterLine HelRasterLine;

typedef enum {
  HEL_RASTER_CAP_BUTT,
  HEL_RASTER_CAP_ROUND,
} HelRasterCap;

/* NULL unless @cr draws onto an ARGB32 image surface (or a group of one) with device scale 1,
 * a matrix of only a translation and one scale for both directions, the OVER operator,
 * antialiasing on and a clip of whole device pixels in one rectangle; draw with Cairo then.
 * The state of @cr is read now: later changes to its matrix or clip are not seen. */
HelRasterLine *hel_raster_line_new_for_cairo (cairo_t                     *cr);
/* Pixels of @width x @height at @data, rows @stride bytes apart, drawn only inside @clip
 * (NULL: all of them); user (x, y) is pixel (x * scale + x_offset, y * scale + y_offset). */
HelRasterLine *hel_raster_line_new_for_data  (guint8                      *data,
                                              int                          width,
                                              int                          height,
                                              int                          stride,
                                              const cairo_rectangle_int_t *clip,
                                              double                       scale,
                                              double                       x_offset,
                                              double                       y_offset);
/* The same pixels, clip, scale and hidden pixels as @raster, drawn only in device rows @y0
 * to @y1 (excluded; inside @raster's rows): each of them gets exactly what @raster would
 * write there, so threads can stroke the same lines into different rows of one image at
 * once. Never touches a Cairo surface: flush it before and mark it dirty after. */
HelRasterLine *hel_raster_line_new_for_rows  (const HelRasterLine         *raster,
                                              int                          y0,
                                              int                          y1);
void           hel_raster_line_free          (HelRasterLine               *raster);
/* The device pixels drawn into (the clip, inside the image). */
void           hel_raster_line_get_clip      (const HelRasterLine         *raster,
                                              cairo_rectangle_int_t       *clip);
/* Pixels where @hidden is not 0 are left alone: something opaque will be painted over them
 * (see HelRasterCover). One entry per pixel of @area, which must be the clip, rows @stride
 * entries apart. NULL: every pixel is drawn. Not copied: keep it until it is unset. */
void           hel_raster_line_set_hidden    (HelRasterLine               *raster,
                                              const guint16               *hidden,
                                              int                          stride,
                                              const cairo_rectangle_int_t *area);

/* Not premultiplied, 0-1 (clamped); the alpha multiplies every pixel's coverage. */
void           hel_raster_line_set_colour    (HelRasterLine               *raster,
                                              double                       red,
                                              double                       green,
                                              double                       blue,
                                              double                       alpha);
void           hel_raster_line_move_to       (HelRasterLine               *raster,
                                              double                       x,
                                              double                       y);
/* Without a current point, the same as move_to. */
void           hel_raster_line_line_to       (HelRasterLine               *raster,
                                              double                       x,
                                              double                       y);
/* Draws the path @width wide (user units) with @cap at the ends of each sub-path and round
 * joins inside them, then forgets the path. Pieces with a coordinate that is not finite
 * are skipped; a zero-length piece is a dot with round caps and nothing with butt caps.
 * A stroke of one straight piece goes straight into the pixels and is the fastest: pieces
 * that share no pixel (dashes, hatching, parallel lines far enough apart) are best stroked
 * one at a time; pieces that touch or cross belong in one stroke. */
void           hel_raster_line_stroke        (HelRasterLine               *raster,
                                              double                       width,
                                              HelRasterCap                 cap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelRasterLine, hel_raster_line_free)

G_END_DECLS
