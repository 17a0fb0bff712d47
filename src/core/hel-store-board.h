/* hel-store-board.h: reading and writing board meetings; one transaction per edit.
 *
 * Every write queues "changed::meeting" with the meeting's id; a write that touches a plan
 * step (a linked agreement) also queues "changed::plan" with the family's id. */
#pragma once

#include "hel-board.h"
#include "hel-store.h"

G_BEGIN_DECLS

/* A row of the meetings list. */
typedef struct {
  gint64          id;
  HelMeetingKind  kind;
  gint64          team_id;
  char           *team_name;      /* NULL for the project group */
  char           *date;
  char           *time;
  guint           n_families;
  guint           n_open_agreements;
} HelMeetingSummary;

void        hel_meeting_summary_free     (HelMeetingSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelMeetingSummary, hel_meeting_summary_free)

/* An open agreement anywhere, for the list across families. */
typedef struct {
  HelAgreement *agreement;        /* owned; owner_label and agreed_on filled in */
  gint64        meeting_id;
  gint64        family_id;
  char         *family_name;
} HelOpenAgreement;

void        hel_open_agreement_free      (HelOpenAgreement *open);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelOpenAgreement, hel_open_agreement_free)

typedef enum {
  HEL_MEETING_CREATE_DEFAULT    = 0,
  /* Families with open agreements from the last meeting of the same team and kind go first
   * on the agenda, their agreements carried over to be followed up. */
  HEL_MEETING_CREATE_CARRY_OVER = 1 << 0,
} HelMeetingCreateFlags;

/* Newest first. */
GPtrArray  *hel_store_list_meetings      (HelStore       *self,
                                          GError        **error);
HelMeeting *hel_store_load_meeting       (HelStore       *self,
                                          gint64          meeting_id,
                                          GError        **error);
/* The last meeting's date of this team (0: project group) and kind; NULL when there is none. */
char       *hel_store_last_meeting_date  (HelStore       *self,
                                          gint64          team_id,
                                          HelMeetingKind  kind,
                                          GError        **error);

/* Inserts the meeting (its kind, team, date and time; its participants and agenda when it has
 * any) and sets the ids. Without participants the last meeting's caseworkers come along (or
 * the team's); without an agenda the last meeting's families still in the project do. */
gboolean    hel_store_create_meeting     (HelStore       *self,
                                          HelMeeting     *meeting,
                                          HelMeetingCreateFlags flags,
                                          GError        **error);
/* Saves kind, team, date and time. */
gboolean    hel_store_save_meeting       (HelStore       *self,
                                          HelMeeting     *meeting,
                                          GError        **error);
gboolean    hel_store_delete_meeting     (HelStore       *self,
                                          gint64          meeting_id,
                                          GError        **error);

/* A caseworker (caseworker_id > 0; name and discipline are taken from them) or a guest
 * (name required). Sets the id. */
gboolean    hel_store_add_participant    (HelStore       *self,
                                          gint64          meeting_id,
                                          HelParticipant *participant,
                                          GError        **error);
/* Someone who leaves keeps their notes and numbers; @removed FALSE brings them back. */
gboolean    hel_store_set_participant_removed (HelStore  *self,
                                          gint64          participant_id,
                                          gboolean        removed,
                                          GError        **error);

gboolean    hel_store_add_agenda_item    (HelStore       *self,
                                          gint64          meeting_id,
                                          gint64          family_id,
                                          int             minutes,
                                          gint64         *item_id_out,
                                          GError        **error);
gboolean    hel_store_set_agenda_minutes (HelStore       *self,
                                          gint64          item_id,
                                          int             minutes,
                                          GError        **error);
gboolean    hel_store_move_agenda_item   (HelStore       *self,
                                          gint64          item_id,
                                          guint           new_index,
                                          GError        **error);
gboolean    hel_store_remove_agenda_item (HelStore       *self,
                                          gint64          item_id,
                                          GError        **error);

/* id 0 inserts at the end of its column (created now, the author's discipline as colour)
 * and sets id, position and created; otherwise saves text and internal, and the author when
 * author_id changed (0: none). The author is a participant of the meeting (caseworker or
 * guest); their name and discipline are read and kept on the note (author_name, discipline). */
gboolean    hel_store_save_note          (HelStore       *self,
                                          gint64          item_id,
                                          HelBoardNote   *note,
                                          GError        **error);
/* Within its column or into another one (not Agreements), at @new_index there. */
gboolean    hel_store_move_note          (HelStore       *self,
                                          gint64          note_id,
                                          HelBoardColumn  column,
                                          guint           new_index,
                                          GError        **error);
gboolean    hel_store_delete_note        (HelStore       *self,
                                          gint64          note_id,
                                          GError        **error);

gboolean    hel_store_add_stroke         (HelStore       *self,
                                          gint64          item_id,
                                          HelBoardStroke *stroke,
                                          GError        **error);
gboolean    hel_store_delete_stroke      (HelStore       *self,
                                          gint64          stroke_id,
                                          GError        **error);

/* @value 0-10, or -1 to take the number away. */
gboolean    hel_store_set_scale          (HelStore       *self,
                                          gint64          item_id,
                                          gint64          participant_id,
                                          int             value,
                                          GError        **error);

/* id 0 inserts (created today, at the end) and sets id; otherwise saves what, owner, due,
 * done: into the plan step when the agreement is linked. Owner and due may be missing: the
 * agreement is then a draft. */
gboolean    hel_store_save_agreement     (HelStore       *self,
                                          gint64          item_id,
                                          HelAgreement   *agreement,
                                          GError        **error);
gboolean    hel_store_set_agreement_done (HelStore       *self,
                                          gint64          agreement_id,
                                          gboolean        done,
                                          GError        **error);
/* Takes the agreement off the board; a step it is linked to stays in the plan. */
gboolean    hel_store_delete_agreement   (HelStore       *self,
                                          gint64          agreement_id,
                                          GError        **error);
/* Makes the agreement a step of the small goal (same family) and sets agreement->step_id. */
gboolean    hel_store_link_agreement     (HelStore       *self,
                                          gint64          agreement_id,
                                          gint64          subgoal_id,
                                          gint64         *step_id_out,
                                          GError        **error);
/* Takes the step out of the plan again; the agreement keeps its text, owner and deadline. */
gboolean    hel_store_unlink_agreement   (HelStore       *self,
                                          gint64          agreement_id,
                                          GError        **error);

/* Makes the stored meeting equal to @meeting (same ids): the undo of any board edit, and the
 * JSON import. Linked agreements write into their steps. Rows of caseworkers, members or
 * families that no longer exist are left out rather than failing the whole restore. */
gboolean    hel_store_restore_meeting    (HelStore       *self,
                                          HelMeeting     *meeting,
                                          GError        **error);

/* Every open agreement of every meeting (HelOpenAgreement), by owner, then deadline (none
 * last), then family. @team_id 0: all teams. */
GPtrArray  *hel_store_list_open_agreements (HelStore     *self,
                                          gint64          team_id,
                                          GError        **error);

/* A note dropped on Agreements becomes one, in one transaction: its text is what is agreed,
 * its author the owner when a caseworker or a guest wrote it (else none yet), no deadline
 * yet (a draft to complete); the note goes. Sets *@agreement_id_out. */
gboolean    hel_store_convert_note_to_agreement (HelStore *self,
                                          gint64          note_id,
                                          gint64         *agreement_id_out,
                                          GError        **error);

G_END_DECLS
