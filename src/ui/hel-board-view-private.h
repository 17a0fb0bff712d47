/* hel-board-view-private.h: the Board meeting view's test hooks. */
#pragma once

#include "hel-board-canvas.h"
#include "hel-board-meeting-mode.h"
#include "hel-board-session.h"
#include "hel-board-view.h"

G_BEGIN_DECLS

HelBoardSession     *_hel_board_view_get_session       (HelBoardView *self);
HelBoardCanvas      *_hel_board_view_get_canvas        (HelBoardView *self);
GtkListBox          *_hel_board_view_get_meetings_list (HelBoardView *self);
const char          *_hel_board_view_get_visible_page  (HelBoardView *self);
/* The leaflet of meeting list and meeting, the meeting list's side of it, its "New Meeting". */
AdwLeaflet          *_hel_board_view_get_leaflet       (HelBoardView *self);
GtkWidget           *_hel_board_view_get_sidebar       (HelBoardView *self);
GtkWidget           *_hel_board_view_get_new_button    (HelBoardView *self);
/* The meeting-mode window while it is open, else NULL. */
HelBoardMeetingMode *_hel_board_view_get_meeting_mode  (HelBoardView *self);
/* The "New meeting" popover's fields. */
GtkEditable         *_hel_board_view_get_new_date      (HelBoardView *self);
GtkDropDown         *_hel_board_view_get_new_team      (HelBoardView *self);
GtkLabel            *_hel_board_view_get_new_error     (HelBoardView *self);
void                 _hel_board_view_popup_new_meeting (HelBoardView *self);
/* Presses "Make Meeting". */
void                 _hel_board_view_commit_new_meeting (HelBoardView *self);
/* The meeting's date field and its error label. */
GtkEditable         *_hel_board_view_get_date_entry    (HelBoardView *self);
GtkLabel            *_hel_board_view_get_details_error (HelBoardView *self);
/* The open agreements page's rows (AdwActionRow), in order. */
GPtrArray           *_hel_board_view_get_agreement_rows (HelBoardView *self);

/* The view's "First names / Initials on the projector" choice (remembered in GSettings). */
GtkDropDown         *_hel_board_view_get_privacy_drop  (HelBoardView *self);
/* The time box for families added to the agenda (GSettings meeting-minutes-per-family). */
GtkSpinButton       *_hel_board_view_get_default_minutes (HelBoardView *self);
/* Chooses @family_id in the agenda's family list and presses Add; FALSE when not listed. */
gboolean             _hel_board_view_add_family        (HelBoardView *self,
                                                        gint64        family_id);
/* The "Minutes" menu: Print… and Save as PDF…. */
GtkMenuButton       *_hel_board_view_get_minutes_button (HelBoardView *self);
/* What "Print…" sends to the printer, written to @path as a PDF instead (no dialog). */
gboolean             _hel_board_view_print_minutes_to_file (HelBoardView *self,
                                                        const char    *path,
                                                        GError       **error);

G_END_DECLS
