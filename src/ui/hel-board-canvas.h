/* hel-board-canvas.h: the whiteboard widget: one family's board, drawn by hel_render_board(),
 * with notes written in place, dragged between columns, the pen, the scale and agreements. */
#pragma once

#include <gtk/gtk.h>

#include "hel-board-session.h"
#include "hel-render-board.h"

G_BEGIN_DECLS

#define HEL_TYPE_BOARD_CANVAS (hel_board_canvas_get_type ())
G_DECLARE_FINAL_TYPE (HelBoardCanvas, hel_board_canvas, HEL, BOARD_CANVAS, GtkWidget)

GtkWidget       *hel_board_canvas_new            (void);
void             hel_board_canvas_set_session    (HelBoardCanvas  *self,
                                                  HelBoardSession *session);
HelBoardSession *hel_board_canvas_get_session    (HelBoardCanvas  *self);
/* The agenda item shown; 0: none (the board explains how to add families). */
void             hel_board_canvas_set_item_id    (HelBoardCanvas  *self,
                                                  gint64           item_id);
gint64           hel_board_canvas_get_item_id    (HelBoardCanvas  *self);
void             hel_board_canvas_set_privacy    (HelBoardCanvas  *self,
                                                  HelPrivacy       privacy);
HelPrivacy       hel_board_canvas_get_privacy    (HelBoardCanvas  *self);
/* Projector: large type, privacy badge, internal notes hidden. */
void             hel_board_canvas_set_presentation (HelBoardCanvas *self,
                                                  gboolean         presentation);
/* The time box on the board; @show FALSE hides it. */
void             hel_board_canvas_set_timer      (HelBoardCanvas  *self,
                                                  gboolean         show,
                                                  int              seconds_left);
/* Pen mode: dragging draws instead of moving notes. */
void             hel_board_canvas_set_pen_mode   (HelBoardCanvas  *self,
                                                  gboolean         pen_mode);
gboolean         hel_board_canvas_get_pen_mode   (HelBoardCanvas  *self);
gint64           hel_board_canvas_get_selected_note (HelBoardCanvas *self);

/* Test hooks: the layout of the last frame (NULL before the first), the edit popover's parts. */
HelBoardLayout  *_hel_board_canvas_get_layout    (HelBoardCanvas  *self);
void             _hel_board_canvas_select_note   (HelBoardCanvas  *self,
                                                  gint64           note_id);
/* Opens the in-place editor for a new note in @column, as a double-click there does. */
void             _hel_board_canvas_begin_new_note (HelBoardCanvas *self,
                                                  HelBoardColumn   column);
GtkEditable     *_hel_board_canvas_get_editor_entry (HelBoardCanvas *self);
GtkLabel        *_hel_board_canvas_get_editor_error (HelBoardCanvas *self);
/* An agreement's "By when" field, and whether the editor is open. */
GtkEditable     *_hel_board_canvas_get_editor_due (HelBoardCanvas *self);
gboolean         _hel_board_canvas_editor_is_open (HelBoardCanvas *self);
/* A note's "Written by" list and its "Written … at …" line; the participant chosen there
 * (0: not given); choosing one as a person would (FALSE when not in the list). */
GtkDropDown     *_hel_board_canvas_get_editor_author (HelBoardCanvas *self);
GtkLabel        *_hel_board_canvas_get_editor_written (HelBoardCanvas *self);
gint64           _hel_board_canvas_get_editor_author_id (HelBoardCanvas *self);
gboolean         _hel_board_canvas_choose_author (HelBoardCanvas *self,
                                                  gint64          participant_id);
/* Presses "Save" in the editor; TRUE when saved (and the editor closed). */
gboolean         _hel_board_canvas_commit_editor (HelBoardCanvas  *self);
/* A drag from (x1, y1) to (x2, y2), as the drag gesture reports it. */
void             _hel_board_canvas_drag          (HelBoardCanvas  *self,
                                                  double           x1,
                                                  double           y1,
                                                  double           x2,
                                                  double           y2);

G_END_DECLS
