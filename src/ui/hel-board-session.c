/* hel-board-session.c: the open meeting, its undoable edits and its toasts. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-board-session.h"

struct _HelBoardSession
{
  GObject       parent_instance;
  HelStore     *store;
  gint64        meeting_id;
  HelMeeting   *meeting;
  HelUndoStack *undo;
  gint64        last_author;   /* a participant; 0: none chosen yet */
  char         *user_name;
};

G_DEFINE_FINAL_TYPE (HelBoardSession, hel_board_session, G_TYPE_OBJECT)

enum { CHANGED, TOAST, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct {
  HelStore   *store;
  HelMeeting *before;
  HelMeeting *after;
} MeetingUndo;

static void
meeting_undo_free (gpointer data)
{
  MeetingUndo *u = data;

  g_object_unref (u->store);
  hel_meeting_unref (u->before);
  hel_meeting_unref (u->after);
  g_free (u);
}

static gboolean
meeting_undo_cb (gpointer  data,
                 GError  **error)
{
  MeetingUndo *u = data;
  return hel_store_restore_meeting (u->store, u->before, error);
}

static gboolean
meeting_redo_cb (gpointer  data,
                 GError  **error)
{
  MeetingUndo *u = data;
  return hel_store_restore_meeting (u->store, u->after, error);
}

void
hel_board_session_reload (HelBoardSession *self)
{
  g_return_if_fail (HEL_IS_BOARD_SESSION (self));

  g_clear_pointer (&self->meeting, hel_meeting_unref);
  /* A meeting that cannot be read (deleted meanwhile) leaves the session empty. */
  self->meeting = hel_store_load_meeting (self->store, self->meeting_id, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
meeting_has_family (HelBoardSession *self,
                    gint64           family_id)
{
  return self->meeting != NULL && hel_meeting_find_family (self->meeting, family_id) != NULL;
}

static void
meeting_changed_cb (HelBoardSession *self,
                    gint64           id)
{
  if (id == self->meeting_id)
    hel_board_session_reload (self);
}

static void
plan_changed_cb (HelBoardSession *self,
                 gint64           family_id)
{
  /* A linked agreement is a plan step: done in the plan is done on the board. */
  if (meeting_has_family (self, family_id))
    hel_board_session_reload (self);
}

static void
people_changed_cb (HelBoardSession *self,
                   gint64           id)
{
  hel_board_session_reload (self);
}

static void
hel_board_session_dispose (GObject *object)
{
  HelBoardSession *self = HEL_BOARD_SESSION (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->meeting, hel_meeting_unref);
  G_OBJECT_CLASS (hel_board_session_parent_class)->dispose (object);
}

static void
hel_board_session_finalize (GObject *object)
{
  HelBoardSession *self = HEL_BOARD_SESSION (object);

  g_free (self->user_name);
  G_OBJECT_CLASS (hel_board_session_parent_class)->finalize (object);
}

static void
hel_board_session_class_init (HelBoardSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hel_board_session_dispose;
  G_OBJECT_CLASS (klass)->finalize = hel_board_session_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
hel_board_session_init (HelBoardSession *self)
{
  self->undo = hel_undo_stack_new (100);
}

HelBoardSession *
hel_board_session_new (HelStore *store,
                       gint64    meeting_id)
{
  HelBoardSession *self;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  self = g_object_new (HEL_TYPE_BOARD_SESSION, NULL);
  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;
  self->meeting = hel_store_load_meeting (store, meeting_id, NULL);
  g_signal_connect_swapped (store, "changed::meeting", G_CALLBACK (meeting_changed_cb), self);
  g_signal_connect_swapped (store, "changed::plan", G_CALLBACK (plan_changed_cb), self);
  g_signal_connect_swapped (store, "changed::family", G_CALLBACK (people_changed_cb), self);
  g_signal_connect_swapped (store, "changed::member", G_CALLBACK (people_changed_cb), self);
  g_signal_connect_swapped (store, "changed::caseworker", G_CALLBACK (people_changed_cb), self);
  return self;
}

HelStore *
hel_board_session_get_store (HelBoardSession *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), NULL);
  return self->store;
}

gint64
hel_board_session_get_meeting_id (HelBoardSession *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), 0);
  return self->meeting_id;
}

HelMeeting *
hel_board_session_get_meeting (HelBoardSession *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), NULL);
  return self->meeting;
}

HelUndoStack *
hel_board_session_get_undo (HelBoardSession *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), NULL);
  return self->undo;
}

/* ---- who writes the notes ---- */

static gboolean
is_present (HelParticipant *participant)
{
  return participant != NULL && !participant->removed;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_strcmp0 (g_strstrip (fa), g_strstrip (fb)) == 0;
}

gint64
hel_board_session_get_default_author (HelBoardSession *self)
{
  HelMeetingData *d;
  const char *user;

  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), 0);

  if (self->meeting == NULL)
    return 0;
  if (self->last_author > 0 &&
      is_present (hel_meeting_find_participant (self->meeting, self->last_author)))
    return self->last_author;
  d = hel_meeting_data (self->meeting);
  user = self->user_name ? self->user_name : g_get_real_name ();
  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];

      if (is_present (p) && p->caseworker_id > 0 && same_name (hel_participant_get_name (p), user))
        return p->id;
    }
  return 0;
}

void
hel_board_session_set_last_author (HelBoardSession *self,
                                   gint64           participant_id)
{
  g_return_if_fail (HEL_IS_BOARD_SESSION (self));
  self->last_author = MAX (participant_id, 0);
}

gint64
hel_board_session_get_last_author (HelBoardSession *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), 0);
  return self->last_author;
}

void
hel_board_session_set_user_name (HelBoardSession *self,
                                 const char      *name)
{
  g_return_if_fail (HEL_IS_BOARD_SESSION (self));
  g_free (self->user_name);
  self->user_name = g_strdup (name);
}

void
hel_board_session_toast (HelBoardSession *self,
                         const char      *message,
                         gboolean         with_undo)
{
  g_return_if_fail (HEL_IS_BOARD_SESSION (self));
  g_signal_emit (self, signals[TOAST], 0, message, with_undo);
}

/* ---- every edit: snapshot before, edit, snapshot after, one undo step ---- */

static HelMeeting *
begin_edit (HelBoardSession *self)
{
  HelMeeting *before = hel_store_load_meeting (self->store, self->meeting_id, NULL);

  if (before == NULL && self->meeting != NULL)
    before = hel_meeting_copy (self->meeting);
  return before;
}

static gboolean
end_edit (HelBoardSession *self,
          HelMeeting      *before,
          const char      *label,
          gboolean         ok)
{
  if (ok && before != NULL)
    {
      HelMeeting *after = hel_store_load_meeting (self->store, self->meeting_id, NULL);

      if (after != NULL && !hel_meeting_equal (before, after))
        {
          MeetingUndo *u = g_new0 (MeetingUndo, 1);

          u->store = g_object_ref (self->store);
          u->before = hel_meeting_ref (before);
          u->after = after;
          hel_undo_stack_push (self->undo, label, meeting_undo_cb, meeting_redo_cb, u,
                               meeting_undo_free);
        }
      else if (after != NULL)
        hel_meeting_unref (after);
    }
  if (before != NULL)
    hel_meeting_unref (before);
  return ok;
}

#define EDIT(label, call) \
  G_STMT_START { \
    HelMeeting *before = begin_edit (self); \
    return end_edit (self, before, label, (call)); \
  } G_STMT_END

gboolean
hel_board_session_save_note (HelBoardSession *self,
                             gint64           item_id,
                             HelBoardNote    *note,
                             GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (note->id > 0 ? _("Edit note") : _("New note"),
        hel_store_save_note (self->store, item_id, note, error));
}

gboolean
hel_board_session_move_note (HelBoardSession *self,
                             gint64           note_id,
                             HelBoardColumn   column,
                             guint            index,
                             GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Move note"), hel_store_move_note (self->store, note_id, column, index, error));
}

gboolean
hel_board_session_delete_note (HelBoardSession *self,
                               gint64           note_id,
                               GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Delete note"), hel_store_delete_note (self->store, note_id, error));
}

gboolean
hel_board_session_convert_note (HelBoardSession *self,
                                gint64           note_id,
                                gint64          *agreement_id_out,
                                GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Make note an agreement"),
        hel_store_convert_note_to_agreement (self->store, note_id, agreement_id_out, error));
}

gboolean
hel_board_session_add_stroke (HelBoardSession *self,
                              gint64           item_id,
                              HelBoardStroke  *stroke,
                              GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Draw"), hel_store_add_stroke (self->store, item_id, stroke, error));
}

gboolean
hel_board_session_erase_stroke (HelBoardSession *self,
                                gint64           stroke_id,
                                GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Erase drawing"), hel_store_delete_stroke (self->store, stroke_id, error));
}

gboolean
hel_board_session_set_scale (HelBoardSession *self,
                             gint64           item_id,
                             gint64           participant_id,
                             int              value,
                             GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Place on the scale"), hel_store_set_scale (self->store, item_id, participant_id, value,
                                                      error));
}

gboolean
hel_board_session_save_agreement (HelBoardSession *self,
                                  gint64           item_id,
                                  HelAgreement    *agreement,
                                  GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (agreement->id > 0 ? _("Edit agreement") : _("New agreement"),
        hel_store_save_agreement (self->store, item_id, agreement, error));
}

gboolean
hel_board_session_set_agreement_done (HelBoardSession *self,
                                      gint64           agreement_id,
                                      gboolean         done,
                                      GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (done ? _("Mark done") : _("Mark not done"),
        hel_store_set_agreement_done (self->store, agreement_id, done, error));
}

gboolean
hel_board_session_delete_agreement (HelBoardSession *self,
                                    gint64           agreement_id,
                                    GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Delete agreement"), hel_store_delete_agreement (self->store, agreement_id, error));
}

gboolean
hel_board_session_link_agreement (HelBoardSession *self,
                                  gint64           agreement_id,
                                  gint64           subgoal_id,
                                  GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  if (subgoal_id <= 0)
    EDIT (_("Take out of the plan"), hel_store_unlink_agreement (self->store, agreement_id, error));
  EDIT (_("Add to the plan"), hel_store_link_agreement (self->store, agreement_id, subgoal_id, NULL,
                                                        error));
}

gboolean
hel_board_session_add_family (HelBoardSession *self,
                              gint64           family_id,
                              int              minutes,
                              GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Add family to the agenda"),
        hel_store_add_agenda_item (self->store, self->meeting_id, family_id, minutes, NULL, error));
}

gboolean
hel_board_session_remove_item (HelBoardSession *self,
                               gint64           item_id,
                               GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Remove family from the agenda"), hel_store_remove_agenda_item (self->store, item_id, error));
}

gboolean
hel_board_session_move_item (HelBoardSession *self,
                             gint64           item_id,
                             guint            index,
                             GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Move on the agenda"), hel_store_move_agenda_item (self->store, item_id, index, error));
}

gboolean
hel_board_session_set_minutes (HelBoardSession *self,
                               gint64           item_id,
                               int              minutes,
                               GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Change time box"), hel_store_set_agenda_minutes (self->store, item_id, minutes, error));
}

gboolean
hel_board_session_add_participant (HelBoardSession *self,
                                   HelParticipant  *participant,
                                   GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (_("Add participant"), hel_store_add_participant (self->store, self->meeting_id, participant,
                                                         error));
}

gboolean
hel_board_session_set_participant_removed (HelBoardSession *self,
                                           gint64           participant_id,
                                           gboolean         removed,
                                           GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  EDIT (removed ? _("Remove participant") : _("Bring participant back"),
        hel_store_set_participant_removed (self->store, participant_id, removed, error));
}

gboolean
hel_board_session_save_details (HelBoardSession *self,
                                HelMeetingKind   kind,
                                gint64           team_id,
                                const char      *date,
                                const char      *time,
                                GError         **error)
{
  g_autoptr(HelMeeting) meeting = NULL;
  HelMeetingData *d;

  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  g_return_val_if_fail (self->meeting != NULL, FALSE);

  meeting = hel_meeting_copy (self->meeting);
  d = hel_meeting_data (meeting);
  d->kind = kind;
  d->team_id = team_id;
  g_free (d->date);
  d->date = g_strdup (date);
  g_free (d->time);
  d->time = g_strdup (time);
  EDIT (_("Change meeting details"), hel_store_save_meeting (self->store, meeting, error));
}

gboolean
hel_board_session_undo (HelBoardSession *self,
                        GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  return !hel_undo_stack_can_undo (self->undo) || hel_undo_stack_undo (self->undo, error);
}

gboolean
hel_board_session_redo (HelBoardSession *self,
                        GError         **error)
{
  g_return_val_if_fail (HEL_IS_BOARD_SESSION (self), FALSE);
  return !hel_undo_stack_can_redo (self->undo) || hel_undo_stack_redo (self->undo, error);
}
