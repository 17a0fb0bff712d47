/* hel-render-netmap-private.h: what the map's drawing shares between its files: the painter
 * of one call, the cache's insides, the pictures of people and the people of a frame. */
#pragma once

#include <pango/pangocairo.h>

#include "hel-raster-cover.h"
#include "hel-raster-line.h"
#include "hel-render-netmap.h"

G_BEGIN_DECLS

/* The state of one call of hel_render_netmap_layers() (and of each band, see
 * _hel_netmap_draw_still_covered()). */
typedef struct {
  cairo_t                      *cr;
  const HelNetmap              *map;
  const HelNetmapStyle         *style;
  const HelNetmapView          *view;
  const HelNetmapRenderOptions *options;
  HelNetmapRenderStats         *stats;
  PangoLayout                  *layout;     /* without a text cache */
  PangoLayout                  *current;    /* what layout_text() made */
  PangoFontDescription         *font;
  int                           font_quarters;
  PangoWeight                   font_weight;
  int                           max_lines;  /* 0: no limit */
  double                        width, height;
  double                        unit;        /* zoom-dependent size of lines and names */
  HelNetmapRect                 visible;     /* map units, grown by what pokes out of a shape */
  HelNetmapRect                 in_view;     /* map units, exactly what is in view */
  gboolean                      pictures;    /* people come from the cache's pictures */
  gboolean                      strip_legend; /* the legend along the bottom, however wide */
  cairo_matrix_t                matrix;      /* the caller's, with pictures */
  HelRasterLine                *raster;      /* ties straight into the pixels; NULL: Cairo */
  /* While the still layer's ties are drawn: where people will cover them (device pixels are
   * widget ones through matrix, then moved by the target's offset). */
  const HelRasterCover         *cover;
  double                        cover_ox, cover_oy;
} Painter;

struct _HelNetmapRenderCache
{
  PangoContext   *context;
  GHashTable     *layouts;       /* "size|weight|width|align|lines|text" -> PangoLayout */

  /* Finished people in device pixels, for one zoom, device scale and style at a time; a
   * change of any drops them all. */
  GHashTable     *people;        /* "kind|fill|selected|initials only|name|actor" -> Picture */
  gsize           people_bytes;
  double          people_scale;
  double          people_device_scale;
  HelNetmapStyle  people_style;
  char           *people_font;
  HelRasterCover *cover;         /* which picture is on top where, during a frame */

  /* The backdrop (background, rings, sector and ring labels) as the last frame drew it, with
   * what it was drawn for: the same frame again copies it. */
  cairo_surface_t *backdrop;
  char           *backdrop_key;
  HelNetmapStyle  backdrop_style;
  char           *backdrop_font;
};

typedef struct {
  cairo_surface_t      *surface;
  int                   x, y;      /* the person's centre, in the picture's pixels */
  /* Where the picture has ink: the shape, then the names. Only these are painted; the
   * picture is as wide as the names, and beside the shape it is empty. */
  int                   n_boxes;
  cairo_rectangle_int_t boxes[2];
  /* Per row, the longest run of opaque pixels, from solid[2 y] to solid[2 y + 1]
   * (excluded): what it hides of the ties and people under it. */
  gint16               *solid;
} Picture;

/* What draw_node() does for one person, worked out before anything is painted, so a frame
 * can see which people lie on top of what (see _hel_netmap_draw_still_covered()). */
typedef enum {
  PERSON_DOT,        /* far out: one square of the fill */
  PERSON_PICTURE,    /* a copy of the cached picture */
  PERSON_DRAWN,      /* drawn afresh */
} PersonPaint;

typedef struct {
  const HelNetmapNode *node;
  PersonPaint          paint;
  double               x, y, r;   /* widget pixels */
  HelNetmapColour      fill;
  gboolean             selected;
  const Picture       *picture;
  int                  dx, dy;    /* the picture's corner in device pixels */
} PersonItem;

void     _hel_netmap_to_widget        (Painter             *p,
                                       double               x,
                                       double               y,
                                       double              *wx,
                                       double              *wy);
void     _hel_netmap_draw_centre      (Painter             *p);
void     _hel_netmap_draw_tie         (Painter             *p,
                                       const HelNetmapTie  *tie);
gboolean _hel_netmap_tie_touches      (const HelNetmapTie  *tie,
                                       gint64               node_id);
/* FALSE when @node is out of view (and counted as culled). */
gboolean _hel_netmap_prepare_node     (Painter             *p,
                                       const HelNetmapNode *node,
                                       PersonItem          *item);
void     _hel_netmap_paint_node       (Painter             *p,
                                       const PersonItem    *item);

/* The still layer's ties, centre and people, as hel_render_netmap_layers() draws them, but on
 * an image with pictures of people, skipping what later people will cover and in bands of
 * rows on threads (hel-render-netmap-still.c); FALSE (nothing drawn) where it does not
 * apply. */
gboolean _hel_netmap_draw_still_covered (Painter           *p,
                                         gint64             active);

G_END_DECLS
