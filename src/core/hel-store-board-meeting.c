/* hel-store-board-meeting.c: a board meeting in the store: its date, participants and agenda. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-store-board-private.h"
#include "hel-validate.h"

/* The newest meeting of a team (0: the project group) and kind before @before (NULL: any). */
static gint64
last_meeting_id (HelStore       *self,
                 gint64          team_id,
                 HelMeetingKind  kind,
                 const char     *before,
                 gint64          not_id)
{
  sqlite3_stmt *stmt = _hel_store_prepare (self,
                                           "SELECT id FROM meeting WHERE coalesce(team_id, 0) = ?1 "
                                           "AND kind = ?2 AND (?3 IS NULL OR date <= ?3) AND id <> ?4 "
                                           "ORDER BY date DESC, time DESC, id DESC LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, team_id);
  sqlite3_bind_text (stmt, 2, hel_meeting_kind_to_code (kind), -1, SQLITE_STATIC);
  _hel_bind_text_or_null (stmt, 3, before);
  sqlite3_bind_int64 (stmt, 4, not_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

char *
hel_store_last_meeting_date (HelStore       *self,
                             gint64          team_id,
                             HelMeetingKind  kind,
                             GError        **error)
{
  gint64 id;
  sqlite3_stmt *stmt;
  char *date = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  id = last_meeting_id (self, team_id, kind, NULL, 0);
  if (id == 0)
    return NULL;
  stmt = _hel_store_prepare (self, "SELECT date FROM meeting WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    date = g_strdup (_hel_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return date;
}

/* ---- the meeting itself ---- */

static gboolean
validate_meeting (HelStore   *self,
                  HelMeeting *meeting,
                  char      **time_out,
                  GError    **error)
{
  HelMeetingData *d = hel_meeting_data (meeting);

  if ((guint) d->kind >= HEL_N_MEETING_KINDS)
    return _hel_store_invalid (error, _("Unknown kind of meeting."));
  if (!hel_date_is_valid_iso (d->date))
    return _hel_store_invalid (error, _("The meeting needs a valid date."));
  *time_out = NULL;
  if (d->time != NULL && *d->time != '\0' && !hel_board_time_parse (d->time, time_out))
    return _hel_store_invalid (error, _("The time is not a time of day. Write it as 09:30."));
  if (d->team_id > 0 && _hel_store_lookup_id (self, "SELECT id FROM team WHERE id = ?1",
                                              d->team_id) == 0)
    return _hel_store_not_found (error, _("The team no longer exists."));
  return TRUE;
}

static gboolean
insert_participant (HelStore       *self,
                    gint64          meeting_id,
                    HelParticipant *p,
                    gboolean        keep_id,
                    GError        **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *name = NULL;
  HelDiscipline discipline = p->discipline;

  if (p->caseworker_id > 0)
    {
      stmt = _hel_store_prepare (self, "SELECT name, discipline FROM caseworker WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->caseworker_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          name = g_strdup (_hel_column_text (stmt, 0));
          if (!hel_discipline_from_code (_hel_column_text (stmt, 1), &discipline))
            discipline = HEL_DISCIPLINE_OTHER;
        }
      sqlite3_reset (stmt);
      if (name == NULL)
        return _hel_store_not_found (error, _("The caseworker no longer exists."));
    }
  else if (!hel_text_require (p->name, _("the guest’s name"), &name, error))
    return FALSE;
  if ((guint) discipline >= HEL_N_DISCIPLINES)
    return _hel_store_invalid (error, _("Unknown discipline."));

  stmt = _hel_store_prepare (self, "INSERT INTO meeting_participant (id, meeting_id, caseworker_id, "
                                   "name, role, discipline, removed, position) VALUES (?1, ?2, ?3, "
                                   "?4, ?5, ?6, ?7, coalesce(?8, (SELECT coalesce(max(position), -1) "
                                   "+ 1 FROM meeting_participant WHERE meeting_id = ?2))) "
                                   "RETURNING id, position", error);
  if (stmt == NULL)
    return FALSE;
  _hel_bind_id_or_null (stmt, 1, keep_id ? p->id : 0);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  _hel_bind_id_or_null (stmt, 3, p->caseworker_id);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 5, p->role);
  sqlite3_bind_text (stmt, 6, hel_discipline_to_code (discipline), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, p->removed ? 1 : 0);
  if (keep_id)
    sqlite3_bind_int (stmt, 8, p->position);
  if (!_hel_store_insert_positioned (self, stmt, &p->id, &p->position, error))
    return FALSE;
  g_free (p->name);
  p->name = g_steal_pointer (&name);
  p->discipline = discipline;
  return TRUE;
}

static gboolean
insert_item (HelStore      *self,
             gint64         meeting_id,
             HelAgendaItem *item,
             GError       **error)
{
  sqlite3_stmt *stmt;

  if (item->minutes < 1 || item->minutes > HEL_BOARD_MAX_MINUTES)
    return _hel_store_invalid (error, _("The time box is from 1 to 120 minutes."));
  if (_hel_store_lookup_id (self, "SELECT id FROM family WHERE id = ?1", item->family_id) == 0)
    return _hel_store_not_found (error, _("The family no longer exists."));
  stmt = _hel_store_prepare (self, "SELECT 1 FROM agenda_item WHERE meeting_id = ?1 AND family_id = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, item->family_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _hel_store_invalid (error, _("The family is already on the agenda."));
    }
  sqlite3_reset (stmt);

  stmt = _hel_store_prepare (self, "INSERT INTO agenda_item (meeting_id, family_id, minutes, position) "
                                   "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 "
                                   "FROM agenda_item WHERE meeting_id = ?1)) RETURNING id, position",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, item->family_id);
  sqlite3_bind_int (stmt, 3, item->minutes);
  return _hel_store_insert_positioned (self, stmt, &item->id, &item->position, error);
}

/* Brings the open agreements of the last meeting of the same team and kind to @meeting_id:
 * their families go first on the agenda, the agreements are carried (not copied). */
static gboolean
carry_over (HelStore   *self,
            HelMeeting *meeting,
            gint64      previous_id,
            GError    **error)
{
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(GArray) families = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  guint front = 0;

  /* Open agreements that were on the previous meeting's boards, agreed there or carried there. */
  stmt = _hel_store_prepare (self,
                             "SELECT DISTINCT a.family_id, a.position FROM agenda_item a "
                             "JOIN agreement g ON g.item_id = a.id OR g.id IN "
                             "  (SELECT agreement_id FROM agreement_carry WHERE item_id = a.id) "
                             "LEFT JOIN step s ON s.id = g.step_id "
                             "JOIN family f ON f.id = a.family_id "
                             "WHERE a.meeting_id = ?1 AND coalesce(s.done, g.done) = 0 "
                             "AND f.end_date IS NULL ORDER BY a.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, previous_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 family_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (families, family_id);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; i < families->len; i++)
    {
      gint64 family_id = g_array_index (families, gint64, i);
      HelAgendaItem *item = hel_meeting_find_family (meeting, family_id);

      if (item == NULL)
        {
          item = hel_agenda_item_new (family_id);
          if (!insert_item (self, d->id, item, error))
            {
              hel_agenda_item_free (item);
              return FALSE;
            }
          g_ptr_array_add (d->items, item);
        }
      /* Followed up first: this family moves to the front, after the ones before it. */
      if (!_hel_store_reorder (self, AGENDA_IN_ORDER, d->id, AGENDA_SET_POSITION, item->id, front++,
                               error))
        return FALSE;

      stmt = _hel_store_prepare (self,
                                 "INSERT OR IGNORE INTO agreement_carry (agreement_id, item_id) "
                                 "SELECT g.id, ?3 FROM agreement g JOIN agenda_item a ON "
                                 "(g.item_id = a.id OR g.id IN (SELECT agreement_id FROM "
                                 " agreement_carry WHERE item_id = a.id)) "
                                 "LEFT JOIN step s ON s.id = g.step_id "
                                 "WHERE a.meeting_id = ?1 AND a.family_id = ?2 "
                                 "AND coalesce(s.done, g.done) = 0", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, previous_id);
      sqlite3_bind_int64 (stmt, 2, family_id);
      sqlite3_bind_int64 (stmt, 3, item->id);
      if (!_hel_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hel_store_create_meeting (HelStore              *self,
                          HelMeeting            *meeting,
                          HelMeetingCreateFlags  flags,
                          GError               **error)
{
  HelMeetingData *d;
  g_autofree char *time = NULL;
  g_autofree char *now = _hel_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 previous_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);
  d = hel_meeting_data (meeting);
  g_return_val_if_fail (d->id == 0, FALSE);

  if (!validate_meeting (self, meeting, &time, error))
    return FALSE;
  if (!hel_store_begin (self, error))
    return FALSE;

  previous_id = last_meeting_id (self, d->team_id, d->kind, d->date, 0);
  stmt = _hel_store_prepare (self, "INSERT INTO meeting (kind, team_id, date, time, created) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", error);
  if (stmt == NULL)
    return _hel_board_finish (self, 0, FALSE, error);
  sqlite3_bind_text (stmt, 1, hel_meeting_kind_to_code (d->kind), -1, SQLITE_STATIC);
  _hel_bind_id_or_null (stmt, 2, d->team_id);
  sqlite3_bind_text (stmt, 3, d->date, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 4, time);
  sqlite3_bind_text (stmt, 5, d->created ? d->created : now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    d->id = sqlite3_column_int64 (stmt, 0);
  if (!_hel_store_step_done (self, stmt, error))
    {
      d->id = 0;
      return _hel_board_finish (self, 0, FALSE, error);
    }

#define FAIL_IF(cond) G_STMT_START { if (cond) { d->id = 0; return _hel_board_finish (self, 0, FALSE, error); } } G_STMT_END

  if (d->participants->len == 0)
    {
      /* The caseworkers of the last meeting, or else the team's (all, for the project group). */
      stmt = previous_id > 0
             ? _hel_store_prepare (self, "SELECT caseworker_id FROM meeting_participant "
                                         "WHERE meeting_id = ?1 AND caseworker_id IS NOT NULL "
                                         "AND removed = 0 ORDER BY position, id", error)
             : _hel_store_prepare (self, "SELECT id FROM caseworker WHERE ?1 = 0 OR team_id = ?1 "
                                         "ORDER BY discipline, name, id", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, previous_id > 0 ? previous_id : d->team_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (d->participants,
                         hel_participant_new (sqlite3_column_int64 (stmt, 0), NULL, NULL,
                                              HEL_DISCIPLINE_OTHER));
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < d->participants->len; i++)
    FAIL_IF (!insert_participant (self, d->id, d->participants->pdata[i], FALSE, error));

  if (d->items->len == 0 && previous_id > 0)
    {
      stmt = _hel_store_prepare (self, "SELECT a.family_id, a.minutes FROM agenda_item a "
                                       "JOIN family f ON f.id = a.family_id WHERE a.meeting_id = ?1 "
                                       "AND f.end_date IS NULL ORDER BY a.position, a.id", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, previous_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          HelAgendaItem *item = hel_agenda_item_new (sqlite3_column_int64 (stmt, 0));
          item->minutes = sqlite3_column_int (stmt, 1);
          g_ptr_array_add (d->items, item);
        }
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < d->items->len; i++)
    FAIL_IF (!insert_item (self, d->id, d->items->pdata[i], error));

  ok = TRUE;
  if ((flags & HEL_MEETING_CREATE_CARRY_OVER) && previous_id > 0)
    ok = carry_over (self, meeting, previous_id, error);
#undef FAIL_IF
  if (!ok)
    d->id = 0;
  if (ok)
    {
      g_free (d->time);
      d->time = g_steal_pointer (&time);
      if (d->created == NULL)
        d->created = g_strdup (now);
    }
  return _hel_board_finish (self, ok ? d->id : 0, ok, error);
}

gboolean
hel_store_save_meeting (HelStore   *self,
                        HelMeeting *meeting,
                        GError    **error)
{
  HelMeetingData *d;
  g_autofree char *time = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);
  d = hel_meeting_data (meeting);

  if (d->id <= 0)
    return hel_store_create_meeting (self, meeting, HEL_MEETING_CREATE_DEFAULT, error);
  if (!validate_meeting (self, meeting, &time, error))
    return FALSE;
  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "UPDATE meeting SET kind = ?2, team_id = ?3, date = ?4, time = ?5 "
                                   "WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, d->id);
      sqlite3_bind_text (stmt, 2, hel_meeting_kind_to_code (d->kind), -1, SQLITE_STATIC);
      _hel_bind_id_or_null (stmt, 3, d->team_id);
      sqlite3_bind_text (stmt, 4, d->date, -1, SQLITE_TRANSIENT);
      _hel_bind_text_or_null (stmt, 5, time);
      ok = _hel_store_step_done (self, stmt, error);
      if (ok && sqlite3_changes (_hel_store_get_handle (self)) == 0)
        ok = _hel_store_not_found (error, _("The meeting no longer exists."));
    }
  if (ok)
    {
      g_free (d->time);
      d->time = g_steal_pointer (&time);
    }
  return _hel_board_finish (self, d->id, ok, error);
}

gboolean
hel_store_delete_meeting (HelStore *self,
                          gint64    meeting_id,
                          GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "meeting", MEETING_BY_ID, meeting_id,
                              "DELETE FROM meeting WHERE id = ?1",
                              _("The meeting no longer exists."), error);
}

/* ---- participants ---- */

gboolean
hel_store_add_participant (HelStore       *self,
                           gint64          meeting_id,
                           HelParticipant *participant,
                           GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (participant != NULL, FALSE);

  if (participant->caseworker_id <= 0 &&
      !hel_text_require (participant->name, _("the guest’s name"), NULL, error))
    return FALSE;
  if (_hel_store_begin_edit (self, MEETING_BY_ID, meeting_id, _("The meeting no longer exists."),
                             error) == 0)
    return FALSE;
  participant->id = 0;
  if (participant->caseworker_id > 0)
    {
      sqlite3_stmt *stmt = _hel_store_prepare (self, "SELECT id, removed FROM meeting_participant "
                                                     "WHERE meeting_id = ?1 AND caseworker_id = ?2",
                                               error);
      gboolean removed = FALSE;

      if (stmt == NULL)
        return _hel_board_finish (self, meeting_id, FALSE, error);
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int64 (stmt, 2, participant->caseworker_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          participant->id = sqlite3_column_int64 (stmt, 0);
          removed = sqlite3_column_int (stmt, 1) != 0;
        }
      sqlite3_reset (stmt);
      if (participant->id > 0 && !removed)
        {
          _hel_store_invalid (error, _("The caseworker is already in the meeting."));
          return _hel_board_finish (self, meeting_id, FALSE, error);
        }
      if (participant->id > 0)
        {
          /* Someone who left and comes back is the same participant, with their notes. */
          stmt = _hel_store_prepare (self, "UPDATE meeting_participant SET removed = 0 WHERE id = ?1",
                                     error);
          if (stmt == NULL)
            return _hel_board_finish (self, meeting_id, FALSE, error);
          sqlite3_bind_int64 (stmt, 1, participant->id);
          participant->removed = FALSE;
          return _hel_board_finish (self, meeting_id, _hel_store_step_done (self, stmt, error), error);
        }
    }
  ok = insert_participant (self, meeting_id, participant, FALSE, error);
  return _hel_board_finish (self, meeting_id, ok, error);
}

gboolean
hel_store_set_participant_removed (HelStore *self,
                                   gint64    participant_id,
                                   gboolean  removed,
                                   GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "meeting", MEETING_OF_PARTICIPANT, participant_id,
                              removed ? "UPDATE meeting_participant SET removed = 1 WHERE id = ?1"
                                      : "UPDATE meeting_participant SET removed = 0 WHERE id = ?1",
                              _("The participant is no longer in the meeting."), error);
}

/* ---- agenda ---- */

gboolean
hel_store_add_agenda_item (HelStore *self,
                           gint64    meeting_id,
                           gint64    family_id,
                           int       minutes,
                           gint64   *item_id_out,
                           GError  **error)
{
  g_autoptr(HelAgendaItem) item = hel_agenda_item_new (family_id);
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  item->minutes = minutes > 0 ? minutes : HEL_BOARD_DEFAULT_MINUTES;
  if (item->minutes > HEL_BOARD_MAX_MINUTES)
    return _hel_store_invalid (error, _("The time box is from 1 to 120 minutes."));
  if (_hel_store_begin_edit (self, MEETING_BY_ID, meeting_id, _("The meeting no longer exists."),
                             error) == 0)
    return FALSE;
  ok = insert_item (self, meeting_id, item, error);
  if (ok && item_id_out)
    *item_id_out = item->id;
  return _hel_board_finish (self, meeting_id, ok, error);
}

gboolean
hel_store_set_agenda_minutes (HelStore *self,
                              gint64    item_id,
                              int       minutes,
                              GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (minutes < 1 || minutes > HEL_BOARD_MAX_MINUTES)
    return _hel_store_invalid (error, _("The time box is from 1 to 120 minutes."));
  meeting_id = _hel_store_begin_edit (self, MEETING_OF_ITEM, item_id,
                                      _("The family is no longer on the agenda."), error);
  if (meeting_id == 0)
    return FALSE;
  stmt = _hel_store_prepare (self, "UPDATE agenda_item SET minutes = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int (stmt, 2, minutes);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return _hel_board_finish (self, meeting_id, ok, error);
}

gboolean
hel_store_move_agenda_item (HelStore *self,
                            gint64    item_id,
                            guint     new_index,
                            GError  **error)
{
  gint64 meeting_id;
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  meeting_id = _hel_store_begin_edit (self, MEETING_OF_ITEM, item_id,
                                      _("The family is no longer on the agenda."), error);
  if (meeting_id == 0)
    return FALSE;
  ok = _hel_store_reorder (self, AGENDA_IN_ORDER, meeting_id, AGENDA_SET_POSITION, item_id,
                           new_index, error);
  return _hel_board_finish (self, meeting_id, ok, error);
}

gboolean
hel_store_remove_agenda_item (HelStore *self,
                              gint64    item_id,
                              GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "meeting", MEETING_OF_ITEM, item_id,
                              "DELETE FROM agenda_item WHERE id = ?1",
                              _("The family is no longer on the agenda."), error);
}
