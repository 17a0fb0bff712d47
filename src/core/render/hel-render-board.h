/* hel-render-board.h: the one drawing of a family's board on a cairo_t (widget, projector,
 * minutes, tests): header, the four columns with notes and agreements, the pen, the 0-10 scale. */
#pragma once

#include <cairo.h>

#include "hel-board.h"

G_BEGIN_DECLS

typedef enum {
  HEL_BOARD_THEME_LIGHT,
  HEL_BOARD_THEME_DARK,
  HEL_BOARD_THEME_HIGH_CONTRAST,
} HelBoardTheme;

typedef struct {
  double red, green, blue, alpha;
} HelBoardColour;

typedef struct {
  HelBoardColour background;
  HelBoardColour column_fill;
  HelBoardColour column_border;
  HelBoardColour header_fill;               /* behind a column's name */
  HelBoardColour text;
  HelBoardColour muted_text;
  HelBoardColour note_fill[HEL_N_DISCIPLINES];  /* by the author's discipline */
  HelBoardColour note_border;
  HelBoardColour note_text;
  HelBoardColour agreement_fill;
  HelBoardColour agreement_border;
  HelBoardColour overdue;
  HelBoardColour done;
  HelBoardColour selection;
  HelBoardColour pen;
  HelBoardColour scale_line;
  HelBoardColour badge_fill;                /* the privacy choice, on screen */
  HelBoardColour badge_text;
  HelBoardColour timer_fill;
  HelBoardColour timer_warning;             /* the time box has run out: amber, not red */
  const char    *font_family;               /* NULL: "Sans" */
  double         text_scale;                /* the desktop's text scaling, 1.0 by default */
  double         line_scale;                /* 1.0; thicker for high contrast */
} HelBoardStyle;

/* While a note is dragged or a stroke drawn, the canvas caches everything but LAYER_MOVING
 * as a picture and draws LAYER_MOVING alone on top of it, frame by frame. */
typedef enum {
  HEL_BOARD_LAYER_BOARD  = 1 << 0,  /* background, header, columns, scale, legend */
  HEL_BOARD_LAYER_CARDS  = 1 << 1,  /* notes and agreements, but the dragged note */
  HEL_BOARD_LAYER_PEN    = 1 << 2,  /* the stored strokes */
  HEL_BOARD_LAYER_MOVING = 1 << 3,  /* the dragged note and the stroke being drawn */
  HEL_BOARD_LAYER_ALL    = 0xf,
} HelBoardLayer;

/* Called with every piece of text the drawing shows, as shown: lets tests (and a screen
 * reader bridge) see exactly what people in the room see. */
typedef void (*HelBoardTextFunc) (const char *text,
                                  gpointer    user_data);

typedef struct {
  HelBoardLayer          layers;
  HelPrivacy             privacy;            /* how people are named */
  gboolean               hide_internal;      /* leave out internal notes (projector, minutes) */
  gboolean               presentation;       /* projector: type for 5 metres, privacy badge */
  const char            *today;              /* ISO, for overdue; NULL: today */
  gint64                 selected_note_id;
  gint64                 selected_agreement_id;
  gint64                 dragged_note_id;    /* drawn at drag_x, drag_y instead of its place */
  double                 drag_x, drag_y;
  gboolean               show_timer;
  int                    seconds_left;       /* the time box; below 0 it has run out */
  const char            *caption;            /* e.g. "Family 2 of 6"; may be NULL */
  const HelBoardStroke  *live_stroke;        /* being drawn; may be NULL */
  HelBoardTextFunc       text_func;
  gpointer               text_func_data;
} HelBoardRenderOptions;

typedef struct {
  double x, y, width, height;
} HelBoardRect;

/* A note or an agreement where the drawing put it. */
typedef struct {
  gint64          id;
  gboolean        is_agreement;
  HelBoardColumn  column;
  guint           index;       /* in its column */
  HelBoardRect    rect;
  gboolean        shown;       /* FALSE: did not fit ("+N more") */
  double          font_size;   /* its type: a crowded column's is smaller */
} HelBoardCard;

/* A participant's number on the scale: a round marker. Markers on the same number share the
 * space above it side by side and in rows, smaller when many, never over the columns. */
typedef struct {
  gint64  participant_id;
  int     value;
  double  x, y;                /* the centre */
  double  radius;
} HelBoardScaleMark;

typedef struct {
  HelBoardRect  header;
  HelBoardRect  timer;         /* empty when no timer */
  HelBoardRect  badge;         /* the privacy choice; empty when not shown */
  HelBoardRect  board;         /* the columns together: the pen's coordinates are relative to it */
  HelBoardRect  columns[HEL_BOARD_N_COLUMNS];
  HelBoardRect  column_headers[HEL_BOARD_N_COLUMNS];
  HelBoardRect  scale;         /* the 0-10 line */
  GArray       *scale_marks;   /* HelBoardScaleMark */
  GArray       *cards;         /* HelBoardCard */
  guint         hidden[HEL_BOARD_N_COLUMNS];  /* cards that did not fit */
  double        font_size;     /* the notes' type, in pixels */
  GPtrArray    *card_texts;    /* private: each card's text as measured, drawn without
                                * measuring again; NULL for cards that did not fit */
} HelBoardLayout;

typedef struct {
  guint cards_drawn;
  guint cards_culled;          /* outside the clip */
  guint strokes_drawn;
} HelBoardRenderStats;

void            hel_board_style_init          (HelBoardStyle               *style,
                                               HelBoardTheme                theme);
void            hel_board_render_options_init (HelBoardRenderOptions       *options);

/* Where everything goes on a width x height surface; @cr gives the text measurements
 * (any cairo_t with the target's font options). @item may be NULL: an empty board that
 * explains how to add families. */
HelBoardLayout *hel_board_layout_new          (cairo_t                     *cr,
                                               HelMeeting                  *meeting,
                                               HelAgendaItem               *item,
                                               const HelBoardStyle         *style,
                                               const HelBoardRenderOptions *options,
                                               double                       width,
                                               double                       height);
void            hel_board_layout_free         (HelBoardLayout              *layout);
/* The card under (x, y), or NULL. */
const HelBoardCard *hel_board_layout_card_at  (HelBoardLayout              *layout,
                                               double                       x,
                                               double                       y);
const HelBoardCard *hel_board_layout_find_card (HelBoardLayout             *layout,
                                               gint64                       id,
                                               gboolean                     is_agreement);
/* The column under (x, y), or -1. */
int             hel_board_layout_column_at    (HelBoardLayout              *layout,
                                               double                       x,
                                               double                       y);
/* Where a note dropped at height @y goes among the notes of @column (not counting @moving). */
guint           hel_board_layout_drop_index   (HelBoardLayout              *layout,
                                               HelBoardColumn               column,
                                               gint64                       moving,
                                               double                       y);
/* The scale value (0-10) at x when (x, y) is on the scale, else -1. */
int             hel_board_layout_scale_at     (HelBoardLayout              *layout,
                                               double                       x,
                                               double                       y);

/* Draws the board of @item (NULL: the empty-agenda explanation). Safe with any data: unknown
 * participants and empty strokes are skipped. @options NULL: everything, full names. */
void            hel_render_board              (cairo_t                     *cr,
                                               HelMeeting                  *meeting,
                                               HelAgendaItem               *item,
                                               const HelBoardStyle         *style,
                                               const HelBoardRenderOptions *options,
                                               double                       width,
                                               double                       height,
                                               HelBoardRenderStats         *stats);

/* The same drawing with a layout that hel_board_layout_new() made for the same item, size,
 * privacy, presentation and timer (selection, drag and pen may differ): the canvas keeps its
 * layout between frames, so a frame while dragging measures no text. */
void            hel_render_board_layout       (cairo_t                     *cr,
                                               HelBoardLayout              *layout,
                                               HelMeeting                  *meeting,
                                               HelAgendaItem               *item,
                                               const HelBoardStyle         *style,
                                               const HelBoardRenderOptions *options,
                                               double                       width,
                                               double                       height,
                                               HelBoardRenderStats         *stats);

/* "7:42", "-0:30" for the time box. */
char           *hel_board_format_time_left    (int                          seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelBoardLayout, hel_board_layout_free)

G_END_DECLS
