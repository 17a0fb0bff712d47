/* hel-board-session.h: one open meeting shared by the board view, its canvas and meeting mode:
 * the meeting as last read, the edits (each undoable), and the error and undo toasts. */
#pragma once

#include <glib-object.h>

#include "hel-store-board.h"
#include "hel-undo-stack.h"

G_BEGIN_DECLS

#define HEL_TYPE_BOARD_SESSION (hel_board_session_get_type ())
G_DECLARE_FINAL_TYPE (HelBoardSession, hel_board_session, HEL, BOARD_SESSION, GObject)

HelBoardSession *hel_board_session_new           (HelStore        *store,
                                                  gint64           meeting_id);
HelStore        *hel_board_session_get_store     (HelBoardSession *self);
gint64           hel_board_session_get_meeting_id (HelBoardSession *self);
/* The meeting as last read (NULL when it could not be read); replaced on every change. */
HelMeeting      *hel_board_session_get_meeting   (HelBoardSession *self);
HelUndoStack    *hel_board_session_get_undo      (HelBoardSession *self);
/* Reads the meeting again and emits "changed". */
void             hel_board_session_reload        (HelBoardSession *self);

/* Edits: each is one transaction and one undo step; FALSE with @error when the store refused
 * (nothing was written). */
gboolean hel_board_session_save_note        (HelBoardSession *self,
                                             gint64           item_id,
                                             HelBoardNote    *note,
                                             GError         **error);
gboolean hel_board_session_move_note        (HelBoardSession *self,
                                             gint64           note_id,
                                             HelBoardColumn   column,
                                             guint            index,
                                             GError         **error);
gboolean hel_board_session_delete_note      (HelBoardSession *self,
                                             gint64           note_id,
                                             GError         **error);
/* The note dropped on Agreements: made an agreement (draft) in one step; its id in
 * @agreement_id_out. */
gboolean hel_board_session_convert_note     (HelBoardSession *self,
                                             gint64           note_id,
                                             gint64          *agreement_id_out,
                                             GError         **error);
gboolean hel_board_session_add_stroke       (HelBoardSession *self,
                                             gint64           item_id,
                                             HelBoardStroke  *stroke,
                                             GError         **error);
gboolean hel_board_session_erase_stroke     (HelBoardSession *self,
                                             gint64           stroke_id,
                                             GError         **error);
gboolean hel_board_session_set_scale        (HelBoardSession *self,
                                             gint64           item_id,
                                             gint64           participant_id,
                                             int              value,
                                             GError         **error);
gboolean hel_board_session_save_agreement   (HelBoardSession *self,
                                             gint64           item_id,
                                             HelAgreement    *agreement,
                                             GError         **error);
gboolean hel_board_session_set_agreement_done (HelBoardSession *self,
                                             gint64           agreement_id,
                                             gboolean         done,
                                             GError         **error);
gboolean hel_board_session_delete_agreement (HelBoardSession *self,
                                             gint64           agreement_id,
                                             GError         **error);
gboolean hel_board_session_link_agreement   (HelBoardSession *self,
                                             gint64           agreement_id,
                                             gint64           subgoal_id,
                                             GError         **error);
/* @minutes: the family's time box; 0: HEL_BOARD_DEFAULT_MINUTES. */
gboolean hel_board_session_add_family       (HelBoardSession *self,
                                             gint64           family_id,
                                             int              minutes,
                                             GError         **error);
gboolean hel_board_session_remove_item      (HelBoardSession *self,
                                             gint64           item_id,
                                             GError         **error);
gboolean hel_board_session_move_item        (HelBoardSession *self,
                                             gint64           item_id,
                                             guint            index,
                                             GError         **error);
gboolean hel_board_session_set_minutes      (HelBoardSession *self,
                                             gint64           item_id,
                                             int              minutes,
                                             GError         **error);
gboolean hel_board_session_add_participant  (HelBoardSession *self,
                                             HelParticipant  *participant,
                                             GError         **error);
gboolean hel_board_session_set_participant_removed (HelBoardSession *self,
                                             gint64           participant_id,
                                             gboolean         removed,
                                             GError         **error);
gboolean hel_board_session_save_details     (HelBoardSession *self,
                                             HelMeetingKind   kind,
                                             gint64           team_id,
                                             const char      *date,
                                             const char      *time,
                                             GError         **error);
gboolean hel_board_session_undo             (HelBoardSession *self,
                                             GError         **error);
gboolean hel_board_session_redo             (HelBoardSession *self,
                                             GError         **error);

/* Who a new note is by: the participant chosen last for a note in this meeting, else the
 * participating caseworker whose name is the user's (hel_board_session_set_user_name), else 0.
 * Removed participants are never the default. */
gint64   hel_board_session_get_default_author (HelBoardSession *self);
/* Remembers @participant_id as the author chosen last (0 forgets). */
void     hel_board_session_set_last_author  (HelBoardSession *self,
                                             gint64           participant_id);
gint64   hel_board_session_get_last_author  (HelBoardSession *self);
/* The person at this desktop; g_get_real_name () unless set. */
void     hel_board_session_set_user_name    (HelBoardSession *self,
                                             const char      *name);

/* Asks the window for a toast: "toast" (message, with-undo). */
void     hel_board_session_toast            (HelBoardSession *self,
                                             const char      *message,
                                             gboolean         with_undo);

G_END_DECLS
