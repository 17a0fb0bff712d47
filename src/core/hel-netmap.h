/* hel-netmap.h: the network map (netværkskort): people around a family, rings, sectors, ties.
 *
 * A map is a plain tree of structs, like the family plan: read and drawn whole, cheap to copy
 * for undo and to snapshot as a version. Positions are in map units with the centre person at
 * (0, 0), x to the right and y downwards (as on screen), and the rings at fixed radii 1, 2 and
 * 3, so the ring follows from the distance and the sector from the angle: neither is stored.
 *
 * A person placed outside the outer ring is pulled back onto it at the same angle (and one
 * placed on top of the centre is pushed out to the close ring's inner edge): a drop never fails,
 * and hel_netmap_clamp_position() says when it moved something so the UI can tell the user. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HEL_NETMAP_ERROR (hel_netmap_error_quark ())

typedef enum {
  HEL_NETMAP_ERROR_EMPTY_NAME,
  HEL_NETMAP_ERROR_SELF_TIE,
  HEL_NETMAP_ERROR_DUPLICATE_TIE,
  HEL_NETMAP_ERROR_NO_SUCH_NODE,
  HEL_NETMAP_ERROR_INVALID,       /* a colour, kind or position that makes no sense */
  HEL_NETMAP_ERROR_FORMAT,        /* JSON that is not a network map; the message names the field */
} HelNetmapError;

/* Ring radii in map units; the centre person's disc; a person's shape. */
#define HEL_NETMAP_RING_WIDTH     1.0
#define HEL_NETMAP_OUTER_RADIUS   3.0
#define HEL_NETMAP_CENTRE_RADIUS  0.42
#define HEL_NETMAP_NODE_RADIUS    0.17
/* Half the side of the square that holds rings and sector labels: what "fit" shows. */
#define HEL_NETMAP_EXTENT         3.25

typedef enum {
  HEL_NETMAP_SECTOR_FAMILY,          /* upper left */
  HEL_NETMAP_SECTOR_FRIENDS,         /* upper right: friends and network */
  HEL_NETMAP_SECTOR_SCHOOL_WORK,     /* lower right */
  HEL_NETMAP_SECTOR_PROFESSIONALS,   /* lower left */
  HEL_NETMAP_N_SECTORS
} HelNetmapSector;

typedef enum {
  HEL_NETMAP_RING_CLOSE,             /* distance up to 1 */
  HEL_NETMAP_RING_EFFECTIVE,         /* up to 2 */
  HEL_NETMAP_RING_AVAILABLE,         /* up to 3 */
  HEL_NETMAP_N_RINGS,
  HEL_NETMAP_RING_OUTSIDE = HEL_NETMAP_N_RINGS
} HelNetmapRing;

typedef enum {
  HEL_NETMAP_NODE_PRIVATE,
  HEL_NETMAP_NODE_PROFESSIONAL,
  HEL_NETMAP_N_NODE_KINDS
} HelNetmapNodeKind;

/* Eco-map ties after Hartman. */
typedef enum {
  HEL_NETMAP_TIE_STRONG,             /* triple line */
  HEL_NETMAP_TIE_NORMAL,             /* single line */
  HEL_NETMAP_TIE_WEAK,               /* dashed */
  HEL_NETMAP_TIE_STRESSFUL,          /* zigzag */
  HEL_NETMAP_TIE_CONFLICT,           /* hatched: short cross strokes along the line */
  HEL_NETMAP_TIE_BROKEN,             /* broken off: a gap in the middle */
  HEL_NETMAP_N_TIE_KINDS
} HelNetmapTieKind;

/* Which way support flows: forward = from -> to. */
typedef enum {
  HEL_NETMAP_ARROW_NONE,
  HEL_NETMAP_ARROW_FORWARD,
  HEL_NETMAP_ARROW_BACK,
  HEL_NETMAP_ARROW_BOTH,
  HEL_NETMAP_N_ARROWS
} HelNetmapArrow;

typedef struct {
  gint64             id;
  char              *name;
  double             x, y;           /* map units */
  HelNetmapNodeKind  kind;
  char              *actor;          /* "Jobcenter", "PPR", "Mentor"; NULL for none */
  char              *colour;         /* "#rrggbb" or "#rrggbbaa"; NULL = the style's default */
  char              *note;
  int                position;       /* drawing order: later is on top */
} HelNetmapNode;

typedef struct {
  gint64            id;
  gint64            from_id;         /* 0 = the centre person */
  gint64            to_id;           /* a node, never the centre */
  HelNetmapTieKind  kind;
  HelNetmapArrow    arrow;
} HelNetmapTie;

typedef struct {
  gint64      id;
  gint64      family_id;
  gint64      member_id;             /* 0 = the family's own map */
  char       *title;
  char       *centre_name;           /* who is in the middle; filled by the store, not saved */
  GPtrArray  *nodes;                 /* HelNetmapNode, in drawing order */
  GPtrArray  *ties;                  /* HelNetmapTie */
  /*< private >*/
  GHashTable *node_index;            /* id -> HelNetmapNode*, rebuilt when stale */
} HelNetmap;

/* The widget's view: map (x, y) shows at widget (origin_x + x * scale, origin_y + y * scale). */
typedef struct {
  double scale;                      /* pixels per map unit */
  double origin_x, origin_y;         /* where the centre person is, in widget pixels */
} HelNetmapView;

#define HEL_NETMAP_MIN_SCALE  8.0
#define HEL_NETMAP_MAX_SCALE  4000.0

typedef struct {
  double x, y, width, height;
} HelNetmapRect;

GQuark          hel_netmap_error_quark      (void);

#define HEL_TYPE_NETMAP (hel_netmap_get_type ())
GType           hel_netmap_get_type         (void) G_GNUC_CONST;

HelNetmap      *hel_netmap_new              (gint64              family_id,
                                             gint64              member_id,
                                             const char         *title);
HelNetmap      *hel_netmap_copy             (const HelNetmap    *map);
void            hel_netmap_free             (HelNetmap          *map);
gboolean        hel_netmap_equal            (const HelNetmap    *a,
                                             const HelNetmap    *b);

HelNetmapNode  *hel_netmap_node_new         (const char         *name,
                                             double              x,
                                             double              y);
HelNetmapNode  *hel_netmap_node_copy        (const HelNetmapNode *node);
void            hel_netmap_node_free        (HelNetmapNode      *node);
HelNetmapTie   *hel_netmap_tie_new          (gint64              from_id,
                                             gint64              to_id,
                                             HelNetmapTieKind    kind,
                                             HelNetmapArrow      arrow);
HelNetmapTie   *hel_netmap_tie_copy         (const HelNetmapTie *tie);
void            hel_netmap_tie_free         (HelNetmapTie       *tie);

/* Lookup by id (O(1)); NULL when there is none. */
HelNetmapNode  *hel_netmap_find_node        (const HelNetmap    *map,
                                             gint64              node_id);
HelNetmapTie   *hel_netmap_find_tie         (const HelNetmap    *map,
                                             gint64              tie_id);
/* The tie between two people (either direction; 0 = the centre), or NULL. */
HelNetmapTie   *hel_netmap_find_tie_between (const HelNetmap    *map,
                                             gint64              a_id,
                                             gint64              b_id);

/* In-memory edits for a map that is not stored (tests, demo, preview). They validate like the
 * store: @node / @tie is taken over on success and freed on failure. A node with id 0 gets the
 * next free id. Removing a node removes its ties. */
gboolean        hel_netmap_add_node         (HelNetmap          *map,
                                             HelNetmapNode      *node,
                                             GError            **error);
gboolean        hel_netmap_add_tie          (HelNetmap          *map,
                                             HelNetmapTie       *tie,
                                             GError            **error);
gboolean        hel_netmap_remove_node      (HelNetmap          *map,
                                             gint64              node_id);
gboolean        hel_netmap_remove_tie       (HelNetmap          *map,
                                             gint64              tie_id);
/* Call after changing map->nodes directly. */
void            hel_netmap_invalidate_index (HelNetmap          *map);
/* Builds the index of people by id now, so that lookups until the next change only read it
 * (threads may then look up at once); FALSE when they would not (an id used twice). */
gboolean        hel_netmap_index_now        (const HelNetmap    *map);

/* ---- geometry ---- */

HelNetmapSector hel_netmap_sector_at        (double              x,
                                             double              y);
HelNetmapRing   hel_netmap_ring_at          (double              x,
                                             double              y);
/* Pulls a position into the rings (see the top of this file). TRUE when it moved. */
gboolean        hel_netmap_clamp_position   (double             *x,
                                             double             *y);
/* What the UI says after hel_netmap_clamp_position() returned TRUE for a drop. */
const char     *hel_netmap_clamped_message  (void);

/* The topmost node whose shape is within @tolerance (map units) of (x, y), or NULL. */
HelNetmapNode  *hel_netmap_hit_node         (const HelNetmap    *map,
                                             double              x,
                                             double              y,
                                             double              tolerance);
/* The nearest tie within @tolerance of (x, y), or NULL. */
HelNetmapTie   *hel_netmap_hit_tie          (const HelNetmap    *map,
                                             double              x,
                                             double              y,
                                             double              tolerance);
/* TRUE when (x, y) is on the centre person. */
gboolean        hel_netmap_hit_centre       (double              x,
                                             double              y,
                                             double              tolerance);
/* The visible part of a tie: from the edge of one shape to the edge of the other. FALSE when
 * an end is missing or the two shapes overlap (nothing to draw). */
gboolean        hel_netmap_tie_endpoints    (const HelNetmap    *map,
                                             const HelNetmapTie *tie,
                                             double             *x1,
                                             double             *y1,
                                             double             *x2,
                                             double             *y2);

/* ---- the view ---- */

void            hel_netmap_view_map_to_widget (const HelNetmapView *view,
                                             double              x,
                                             double              y,
                                             double             *wx,
                                             double             *wy);
void            hel_netmap_view_widget_to_map (const HelNetmapView *view,
                                             double              wx,
                                             double              wy,
                                             double             *x,
                                             double             *y);
/* Shows the whole map in width x height pixels, leaving @reserve_right pixels free on the
 * right for the legend when the widget is wide enough to spare them. */
void            hel_netmap_view_fit         (HelNetmapView      *view,
                                             double              width,
                                             double              height,
                                             double              reserve_right);
/* Zooms by @factor keeping the map point under widget (wx, wy) in place; scale is clamped. */
void            hel_netmap_view_zoom_at     (HelNetmapView      *view,
                                             double              factor,
                                             double              wx,
                                             double              wy);
void            hel_netmap_view_pan         (HelNetmapView      *view,
                                             double              dx,
                                             double              dy);
/* The part of the map (in map units) that a width x height widget shows. */
void            hel_netmap_view_visible_rect (const HelNetmapView *view,
                                             double              width,
                                             double              height,
                                             HelNetmapRect      *rect);

/* ---- validation ---- */

/* Name present (trimmed in place), kind known, colour parseable, position finite. */
gboolean        hel_netmap_validate_node    (HelNetmapNode      *node,
                                             GError            **error);
/* Kind and arrow known, not a tie to itself, both ends on @map, not a second tie between the
 * same two people (a tie with the same id is the one being edited, not a duplicate). */
gboolean        hel_netmap_validate_tie     (const HelNetmap    *map,
                                             const HelNetmapTie *tie,
                                             GError            **error);
/* "#rgb", "#rrggbb" or "#rrggbbaa" -> rgba in 0..1. */
gboolean        hel_netmap_parse_colour     (const char         *text,
                                             double              rgba[4]);

/* ---- names and codes ---- */

const char     *hel_netmap_sector_label     (HelNetmapSector     sector);
const char     *hel_netmap_sector_to_code   (HelNetmapSector     sector);
const char     *hel_netmap_ring_label       (HelNetmapRing       ring);
const char     *hel_netmap_ring_to_code     (HelNetmapRing       ring);
const char     *hel_netmap_node_kind_label  (HelNetmapNodeKind   kind);
const char     *hel_netmap_node_kind_to_code (HelNetmapNodeKind  kind);
gboolean        hel_netmap_node_kind_from_code (const char      *code,
                                             HelNetmapNodeKind  *kind);
const char     *hel_netmap_tie_kind_label   (HelNetmapTieKind    kind);
const char     *hel_netmap_tie_kind_to_code (HelNetmapTieKind    kind);
gboolean        hel_netmap_tie_kind_from_code (const char       *code,
                                             HelNetmapTieKind   *kind);
const char     *hel_netmap_arrow_to_code    (HelNetmapArrow      arrow);
gboolean        hel_netmap_arrow_from_code  (const char         *code,
                                             HelNetmapArrow     *arrow);

/* How many people are in each ring (a number to compare versions by). */
void            hel_netmap_count_by_ring    (const HelNetmap    *map,
                                             guint               counts[HEL_NETMAP_N_RINGS]);

/* ---- JSON: versions, undo snapshots, export ---- */

JsonNode       *hel_netmap_to_json          (const HelNetmap    *map);
char           *hel_netmap_to_json_string   (const HelNetmap    *map);
/* Strict: a map from a file or a version must be whole; the message names the bad field. */
HelNetmap      *hel_netmap_from_json        (JsonNode           *node,
                                             GError            **error);
HelNetmap      *hel_netmap_from_json_string (const char         *text,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelNetmap, hel_netmap_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelNetmapNode, hel_netmap_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelNetmapTie, hel_netmap_tie_free)

G_END_DECLS
