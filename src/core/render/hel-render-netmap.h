/* hel-render-netmap.h: the one drawing of a network map on a cairo_t (widget, exports, tests). */
#pragma once

#include <cairo.h>

#include "hel-netmap.h"

G_BEGIN_DECLS

typedef enum {
  HEL_NETMAP_THEME_LIGHT,
  HEL_NETMAP_THEME_DARK,
  HEL_NETMAP_THEME_HIGH_CONTRAST,
} HelNetmapTheme;

typedef struct {
  double red, green, blue, alpha;
} HelNetmapColour;

/* Colours and sizes; hel_netmap_style_init() fills one for a theme and the widget may then
 * take colours from its own theme (accent for the selection, window background ...). */
typedef struct {
  HelNetmapColour background;
  HelNetmapColour ring_fill[HEL_NETMAP_N_RINGS];   /* the bands, close first */
  HelNetmapColour ring_line;
  HelNetmapColour sector_line;
  HelNetmapColour text;
  HelNetmapColour muted_text;
  HelNetmapColour label_halo;       /* behind names, so lines never cut through them */
  HelNetmapColour centre_fill;
  HelNetmapColour centre_text;
  HelNetmapColour node_outline;
  HelNetmapColour node_default[HEL_NETMAP_N_NODE_KINDS];  /* when a node has no colour */
  HelNetmapColour tie;
  HelNetmapColour tie_strain;       /* stressful and conflict ties */
  HelNetmapColour selection;
  HelNetmapColour legend_fill;
  HelNetmapColour legend_border;
  const char     *font_family;      /* NULL: "Sans" */
  double          text_scale;       /* the desktop's text scaling, 1.0 by default */
  double          line_scale;       /* 1.0; thicker for high contrast */
} HelNetmapStyle;

/* The widget caches LAYER_STATIC and redraws only LAYER_ACTIVE while a node is dragged; the
 * legend (and the title) go on top, fixed on screen, never zoomed. */
typedef enum {
  HEL_NETMAP_LAYER_STATIC = 1 << 0,   /* background, rings, sectors, every node and tie except
                                       * the active node and its ties */
  HEL_NETMAP_LAYER_ACTIVE = 1 << 1,   /* only the active node and its ties */
  HEL_NETMAP_LAYER_LEGEND = 1 << 2,   /* title, caption and legend */
  HEL_NETMAP_LAYER_ALL    = 0x7,
} HelNetmapLayer;

/* What a widget keeps between frames: shaped names, and on image targets the finished
 * pictures of people (see hel_netmap_render_cache_new()). */
typedef struct _HelNetmapRenderCache HelNetmapRenderCache;

typedef struct {
  HelNetmapLayer  layers;
  gint64          active_node_id;     /* 0: none; see HelNetmapLayer */
  gint64          selected_node_id;   /* 0: none */
  gint64          selected_tie_id;    /* 0: none */
  gboolean        initials_only;      /* the projector: initials instead of names */
  const char     *caption;            /* under the title, e.g. the version's date; may be NULL */
  HelNetmapRenderCache *cache;        /* NULL: shape all text and draw every person afresh */
  gboolean        legend_elsewhere;   /* no title or legend on this surface (the halves of a
                                       * comparison): the sector labels need not avoid them */
  gboolean        draw_hidden;        /* also draw what people will cover: the same pixels,
                                       * slower (for comparing) */
  int             threads;            /* on images, the ties and people are drawn by this
                                       * many threads at once, each in its band of rows (the
                                       * same pixels as one); 0: one per processor, up to 4 */
} HelNetmapRenderOptions;

/* What a call drew: culled = skipped because it was out of view. */
typedef struct {
  guint nodes_drawn;
  guint nodes_culled;
  guint ties_drawn;
  guint ties_culled;
  guint labels_drawn;
  guint nodes_from_cache;   /* people painted from a cached picture */
  guint ties_clipped;       /* ties cut to the view before their pattern was made */
  guint tie_segments;       /* straight pieces of tie stroked: lines, dashes, zigzag legs */
  guint ties_hidden;        /* in view, but people will cover all of them: not drawn */
} HelNetmapRenderStats;

/* A widget keeps one cache for its lifetime and clears it when the font or theme changes.
 * The pictures of people are only used on image surfaces (never in SVG or PDF, which stay
 * vector) and hold one zoom level at a time. */
HelNetmapRenderCache *hel_netmap_render_cache_new (void);
void     hel_netmap_render_cache_clear  (HelNetmapRenderCache         *cache);
void     hel_netmap_render_cache_free   (HelNetmapRenderCache         *cache);

void     hel_netmap_style_init          (HelNetmapStyle               *style,
                                         HelNetmapTheme                theme);
void     hel_netmap_render_options_init (HelNetmapRenderOptions       *options);

/* Everything, with default options. */
void     hel_render_netmap              (cairo_t                      *cr,
                                         const HelNetmap              *map,
                                         const HelNetmapStyle         *style,
                                         const HelNetmapView          *view,
                                         double                        width,
                                         double                        height);
/* The layers in @options (NULL: all); @stats may be NULL. Safe with any map: bad colours
 * fall back to the style, nodes outside the rings are drawn where they are, ties with a
 * missing end are skipped. */
void     hel_render_netmap_layers       (cairo_t                      *cr,
                                         const HelNetmap              *map,
                                         const HelNetmapStyle         *style,
                                         const HelNetmapView          *view,
                                         const HelNetmapRenderOptions *options,
                                         double                        width,
                                         double                        height,
                                         HelNetmapRenderStats         *stats);
/* The legend's size in pixels on a width x height surface (it grows with the surface). */
void     hel_render_netmap_legend_size  (const HelNetmapStyle         *style,
                                         double                        width,
                                         double                        height,
                                         double                       *legend_width,
                                         double                       *legend_height);
/* hel_netmap_view_fit() leaving room for the legend. */
void     hel_render_netmap_fit_view     (HelNetmapView                *view,
                                         const HelNetmapStyle         *style,
                                         double                        width,
                                         double                        height);
/* Two versions side by side, each fitted in its half, captioned with its date and how many
 * people are in each ring, one shared legend. */
void     hel_render_netmap_compare      (cairo_t                      *cr,
                                         const HelNetmap              *before,
                                         const char                   *before_caption,
                                         const HelNetmap              *after,
                                         const char                   *after_caption,
                                         const HelNetmapStyle         *style,
                                         double                        width,
                                         double                        height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelNetmapRenderCache, hel_netmap_render_cache_free)

G_END_DECLS
