/* hel-board.h: a board meeting (tavlemøde): participants, agenda, notes, pen, scales, agreements.
 *
 * Like the family plan, a meeting is small and is read and shown whole, so it is a plain tree
 * of structs: easy to snapshot for undo, to serialise and to draw. An agreement that is linked
 * to the family plan IS a plan step (agreement.step_id): its text, owner, deadline and done
 * live in the step, so done in one place is done in both. Writes go through the store
 * (hel-store-board.h), one transaction per edit. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "hel-enums.h"
#include "hel-plan.h"

G_BEGIN_DECLS

typedef enum {
  HEL_MEETING_TEAM,            /* every second week, one team */
  HEL_MEETING_PROJECT_GROUP,   /* every fourth week, the whole project group */
  HEL_N_MEETING_KINDS
} HelMeetingKind;

typedef enum {
  HEL_BOARD_WORRIES,           /* what are we worried about */
  HEL_BOARD_WORKING_WELL,      /* what is working well */
  HEL_BOARD_NEEDS,             /* what needs to happen */
  HEL_BOARD_AGREEMENTS,        /* what we agree: agreements, not notes */
  HEL_BOARD_N_COLUMNS
} HelBoardColumn;

/* How people are named where others may see it (projector, minutes). */
typedef enum {
  HEL_PRIVACY_FULL_NAMES,      /* the caseworker's own screen */
  HEL_PRIVACY_FIRST_NAMES,
  HEL_PRIVACY_INITIALS,
  HEL_N_PRIVACY_MODES
} HelPrivacy;

#define HEL_BOARD_DEFAULT_MINUTES 8
#define HEL_BOARD_MAX_MINUTES     120
#define HEL_BOARD_TEAM_RHYTHM_DAYS          14
#define HEL_BOARD_PROJECT_GROUP_RHYTHM_DAYS 28

typedef struct {
  gint64         id;
  gint64         caseworker_id;   /* 0: a guest */
  char          *name;            /* a guest's name; for a caseworker read from the caseworker */
  char          *role;            /* a guest's role: "Mentor", "Støttekontaktperson" */
  HelDiscipline  discipline;      /* a caseworker's own; a guest's as chosen (default other) */
  gboolean       removed;         /* left the meeting; their notes stay */
  int            position;
} HelParticipant;

typedef struct {
  gint64          id;
  HelBoardColumn  column;         /* never HEL_BOARD_AGREEMENTS */
  char           *text;
  gint64          author_id;      /* participant id, 0 when unknown */
  char           *author_name;    /* the author's name when written, kept if they leave */
  HelDiscipline   discipline;     /* the author's, when written: the note's colour */
  gboolean        internal;       /* for the team only: never on the projector or the minutes */
  char           *created;        /* ISO date-time, UTC */
  int             position;
} HelBoardNote;

typedef struct {
  double x, y;                    /* 0..1 across the board's columns area */
} HelBoardPoint;

typedef struct {
  gint64  id;
  double  width;                  /* in thousandths of the board's width */
  GArray *points;                 /* HelBoardPoint */
} HelBoardStroke;

typedef struct {
  gint64 participant_id;
  int    value;                   /* 0-10 */
} HelBoardScale;

typedef struct {
  gint64        id;
  gint64        item_id;          /* the agenda item where it was agreed */
  gint64        step_id;          /* > 0: this agreement is that plan step */
  char         *what;
  HelOwnerKind  owner_kind;
  gint64        owner_member_id;
  gint64        owner_caseworker_id;
  char         *owner_name;       /* HEL_OWNER_EXTERNAL: a guest or another person by name */
  char         *due;              /* ISO or NULL */
  gboolean      done;
  char         *done_date;
  char         *created;          /* ISO date */
  int           position;
  /* Read with the meeting, not stored: */
  gboolean      carried;          /* agreed at an earlier meeting, followed up at this one */
  char         *owner_label;      /* the owner's full name as shown at full privacy */
  char         *agreed_on;        /* ISO date of the meeting where it was agreed */
} HelAgreement;

typedef struct {
  gint64      id;
  gint64      family_id;
  int         minutes;            /* the time box */
  int         position;
  GPtrArray  *notes;              /* HelBoardNote, by column then position */
  GPtrArray  *strokes;            /* HelBoardStroke */
  GArray     *scales;             /* HelBoardScale */
  GPtrArray  *agreements;         /* HelAgreement: carried ones first, then by position */
  /* Read with the meeting, not stored: */
  char       *family_name;        /* "Familien Testrup" */
  GStrv       adults;             /* full names of the adults in the household */
} HelAgendaItem;

typedef struct {
  gint64          id;
  HelMeetingKind  kind;
  gint64          team_id;        /* 0: the whole project group */
  char           *date;           /* ISO */
  char           *time;           /* "HH:MM" */
  char           *created;        /* ISO date-time, UTC */
  GPtrArray      *participants;   /* HelParticipant, removed ones too */
  GPtrArray      *items;          /* HelAgendaItem, in order */
  /* Read with the meeting, not stored: */
  char           *team_name;
} HelMeetingData;

typedef struct _HelMeeting HelMeeting;

#define HEL_TYPE_MEETING (hel_meeting_get_type ())
GType           hel_meeting_get_type      (void) G_GNUC_CONST;

HelMeeting     *hel_meeting_new           (void);
HelMeeting     *hel_meeting_ref           (HelMeeting     *meeting);
void            hel_meeting_unref         (HelMeeting     *meeting);
/* A deep copy of what is stored (the read-only names are copied too). */
HelMeeting     *hel_meeting_copy          (HelMeeting     *meeting);
HelMeetingData *hel_meeting_data          (HelMeeting     *meeting);
gboolean        hel_meeting_equal         (HelMeeting     *a,
                                           HelMeeting     *b);

HelAgendaItem  *hel_meeting_find_item     (HelMeeting     *meeting,
                                           gint64          item_id);
HelAgendaItem  *hel_meeting_find_family   (HelMeeting     *meeting,
                                           gint64          family_id);
HelParticipant *hel_meeting_find_participant (HelMeeting  *meeting,
                                           gint64          participant_id);
HelBoardNote   *hel_meeting_find_note     (HelMeeting     *meeting,
                                           gint64          note_id,
                                           HelAgendaItem **item_out);
HelAgreement   *hel_meeting_find_agreement (HelMeeting    *meeting,
                                           gint64          agreement_id,
                                           HelAgendaItem **item_out);
/* The participant's name as written (a caseworker's name is filled in when loaded). */
const char     *hel_participant_get_name  (HelParticipant *participant);

HelParticipant *hel_participant_new       (gint64          caseworker_id,
                                           const char     *name,
                                           const char     *role,
                                           HelDiscipline   discipline);
void            hel_participant_free      (HelParticipant *participant);
HelBoardNote   *hel_board_note_new        (HelBoardColumn  column,
                                           const char     *text);
HelBoardNote   *hel_board_note_copy       (const HelBoardNote *note);
void            hel_board_note_free       (HelBoardNote   *note);
HelBoardStroke *hel_board_stroke_new      (double          width);
/* Adds a point, rounded to 1/10000 so what is stored reads back the same. */
void            hel_board_stroke_add_point (HelBoardStroke *stroke,
                                           double          x,
                                           double          y);
void            hel_board_stroke_free     (HelBoardStroke *stroke);
HelAgreement   *hel_agreement_new         (const char     *what);
HelAgreement   *hel_agreement_copy        (const HelAgreement *agreement);
void            hel_agreement_free        (HelAgreement   *agreement);
HelAgendaItem  *hel_agenda_item_new       (gint64          family_id);
void            hel_agenda_item_free      (HelAgendaItem  *item);

/* The notes of one column in order (a new array, not owning the notes). */
GPtrArray      *hel_agenda_item_column_notes (HelAgendaItem *item,
                                           HelBoardColumn  column);
/* -1 when the participant has not placed a number. */
int             hel_agenda_item_get_scale (HelAgendaItem  *item,
                                           gint64          participant_id);
/* A draft is allowed but shown as incomplete: it lacks an owner or a deadline. */
gboolean        hel_agreement_is_complete (const HelAgreement *agreement);
HelDueState     hel_agreement_due_state   (const HelAgreement *agreement,
                                           const char     *today);

const char     *hel_meeting_kind_to_code  (HelMeetingKind  kind);
gboolean        hel_meeting_kind_from_code (const char    *code,
                                           HelMeetingKind *kind);
const char     *hel_meeting_kind_label    (HelMeetingKind  kind);
/* Days between meetings of this kind: 14 for a team, 28 for the project group. */
guint           hel_meeting_kind_rhythm_days (HelMeetingKind kind);
const char     *hel_board_column_to_code  (HelBoardColumn  column);
gboolean        hel_board_column_from_code (const char    *code,
                                           HelBoardColumn *column);
const char     *hel_board_column_label    (HelBoardColumn  column);
const char     *hel_privacy_to_code       (HelPrivacy      privacy);
gboolean        hel_privacy_from_code     (const char     *code,
                                           HelPrivacy     *privacy);
/* "First names shown", "Initials shown", ...: what people in the room are told. */
const char     *hel_privacy_label         (HelPrivacy      privacy);

/* A person's name as @privacy allows: "Mette Testrup" -> "Mette" or "MT". */
char           *hel_privacy_person_name   (const char     *full_name,
                                           HelPrivacy      privacy);
/* A family's name: "Familien Testrup" -> "Familien T." unless full names are shown. */
char           *hel_privacy_family_name   (const char     *family_name,
                                           HelPrivacy      privacy);
/* "HH:MM" with 0 <= HH < 24; also "9:30" and "9.30", which become "09:30". */
gboolean        hel_board_time_parse      (const char     *text,
                                           char          **time_out);

/* The date of the next meeting after @last_date (ISO) in the rhythm of @kind, at or after
 * @today: the rhythm is kept even when a meeting was skipped. NULL @last_date: @today. */
char           *hel_meeting_propose_date  (HelMeetingKind  kind,
                                           const char     *last_date,
                                           const char     *today);

/* JSON: the meetings section of the export and the undo snapshots. Stored fields only. */
JsonNode       *hel_meeting_to_json       (HelMeeting     *meeting);
HelMeeting     *hel_meeting_from_json     (JsonNode       *node,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelMeeting, hel_meeting_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelParticipant, hel_participant_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelBoardNote, hel_board_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelBoardStroke, hel_board_stroke_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelAgreement, hel_agreement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelAgendaItem, hel_agenda_item_free)

G_END_DECLS
