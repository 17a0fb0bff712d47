/* hel-board-meeting-mode.h: the projector window: one family's board at a time, full screen,
 * large type, next/previous from the keyboard or a presenter remote, a time box per family. */
#pragma once

#include <adwaita.h>

#include "hel-board-session.h"

G_BEGIN_DECLS

/* Microseconds on a monotonic clock; tests give a fake one so the countdown needs no sleeping. */
typedef gint64 (*HelBoardClockFunc) (gpointer user_data);

#define HEL_TYPE_BOARD_MEETING_MODE (hel_board_meeting_mode_get_type ())
G_DECLARE_FINAL_TYPE (HelBoardMeetingMode, hel_board_meeting_mode, HEL, BOARD_MEETING_MODE,
                      AdwWindow)

HelBoardMeetingMode *hel_board_meeting_mode_new        (HelBoardSession     *session,
                                                        HelPrivacy           privacy,
                                                        gint64               first_item_id);
gint64               hel_board_meeting_mode_get_item_id (HelBoardMeetingMode *self);
HelPrivacy           hel_board_meeting_mode_get_privacy (HelBoardMeetingMode *self);
void                 hel_board_meeting_mode_set_privacy (HelBoardMeetingMode *self,
                                                        HelPrivacy           privacy);

/* Test hooks */
void                 _hel_board_meeting_mode_set_clock  (HelBoardMeetingMode *self,
                                                        HelBoardClockFunc    clock,
                                                        gpointer             user_data);
/* Recomputes the time box now (the timer does it twice a second). */
void                 _hel_board_meeting_mode_tick       (HelBoardMeetingMode *self);
GtkToggleButton     *_hel_board_meeting_mode_get_map_toggle (HelBoardMeetingMode *self);
gboolean             _hel_board_meeting_mode_has_map    (HelBoardMeetingMode *self);
const char          *_hel_board_meeting_mode_get_figures (HelBoardMeetingMode *self);
int                  _hel_board_meeting_mode_get_seconds_left (HelBoardMeetingMode *self);
gboolean             _hel_board_meeting_mode_get_time_up (HelBoardMeetingMode *self);
GtkWidget           *_hel_board_meeting_mode_get_canvas (HelBoardMeetingMode *self);

G_END_DECLS
