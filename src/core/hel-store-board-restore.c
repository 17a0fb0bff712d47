/* hel-store-board-restore.c: undo and import make a stored meeting equal to a snapshot. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-store-board-private.h"
#include "hel-validate.h"

/* ---- undo and import: make the stored meeting equal to a snapshot ---- */

static gboolean
restore_agreement (HelStore      *self,
                   HelAgendaItem *item,
                   HelAgreement  *a,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 step_id = 0, family_id = item->family_id;
  gboolean step_exists;

  step_exists = a->step_id > 0 &&
                _hel_store_lookup_id (self, "SELECT id FROM step WHERE id = ?1",
                                      a->step_id) == a->step_id;
  if (step_exists)
    step_id = a->step_id;

  if (!a->carried)
    {
      /* Own fields NULL while linked: the step holds them. Owners that are gone are dropped. */
      stmt = _hel_store_prepare (self,
                                 "INSERT INTO agreement (id, item_id, step_id, what, owner_kind, "
                                 "owner_member_id, owner_caseworker_id, owner_name, due, done, "
                                 "done_date, created, position) VALUES (?1, ?2, ?3, ?4, ?5, "
                                 "(SELECT id FROM member WHERE id = ?6), "
                                 "(SELECT id FROM caseworker WHERE id = ?7), ?8, ?9, ?10, ?11, "
                                 "?12, ?13) ON CONFLICT (id) DO UPDATE SET item_id = excluded.item_id, "
                                 "step_id = excluded.step_id, what = excluded.what, "
                                 "owner_kind = excluded.owner_kind, "
                                 "owner_member_id = excluded.owner_member_id, "
                                 "owner_caseworker_id = excluded.owner_caseworker_id, "
                                 "owner_name = excluded.owner_name, due = excluded.due, "
                                 "done = excluded.done, done_date = excluded.done_date, "
                                 "created = excluded.created, position = excluded.position", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
      sqlite3_bind_int64 (stmt, 2, item->id);
      _hel_bind_id_or_null (stmt, 3, step_id);
      if (step_id == 0)
        {
          sqlite3_bind_text (stmt, 4, a->what, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, hel_owner_kind_to_code (a->owner_kind), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 6, a->owner_member_id);
          sqlite3_bind_int64 (stmt, 7, a->owner_caseworker_id);
          _hel_bind_text_or_null (stmt, 8, a->owner_name);
          _hel_bind_text_or_null (stmt, 9, a->due);
          sqlite3_bind_int (stmt, 10, a->done ? 1 : 0);
          _hel_bind_text_or_null (stmt, 11, a->done_date);
        }
      else
        {
          sqlite3_bind_text (stmt, 5, "none", -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 10, 0);
        }
      sqlite3_bind_text (stmt, 12, a->created, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 13, a->position);
      if (!_hel_store_run (self, stmt, error))
        return FALSE;
    }
  else
    {
      /* Followed up here, agreed elsewhere: the link, and its state as this snapshot has it. */
      if (_hel_store_lookup_id (self, "SELECT id FROM agreement WHERE id = ?1", a->id) == 0)
        return TRUE;
      stmt = _hel_store_prepare (self, "INSERT OR IGNORE INTO agreement_carry (agreement_id, item_id) "
                                       "VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
      sqlite3_bind_int64 (stmt, 2, item->id);
      if (!_hel_store_run (self, stmt, error))
        return FALSE;
      step_id = _hel_store_lookup_id (self, STEP_OF_AGREEMENT, a->id);
      if (step_id == 0)
        {
          stmt = _hel_store_prepare (self, "UPDATE agreement SET due = ?2, done = ?3, done_date = ?4 "
                                           "WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, a->id);
          _hel_bind_text_or_null (stmt, 2, a->due);
          sqlite3_bind_int (stmt, 3, a->done ? 1 : 0);
          _hel_bind_text_or_null (stmt, 4, a->done_date);
          return _hel_store_run (self, stmt, error);
        }
    }

  if (step_id > 0)
    {
      gint64 owner_member = a->owner_member_id;

      /* The step is the agreement: its text, owner and deadline as the snapshot has them. */
      if (owner_member > 0 && _hel_store_lookup_id (self, FAMILY_OF_MEMBER,
                                                    owner_member) != family_id)
        owner_member = 0;
      stmt = _hel_store_prepare (self, "UPDATE step SET what = ?2, owner_kind = ?3, "
                                       "owner_member_id = (SELECT id FROM member WHERE id = ?4), "
                                       "owner_caseworker_id = (SELECT id FROM caseworker WHERE id = ?5), "
                                       "owner_name = ?6, due = ?7, done = ?8, done_date = ?9 "
                                       "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, step_id);
      sqlite3_bind_text (stmt, 2, a->what, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, hel_owner_kind_to_code (a->owner_kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, owner_member);
      sqlite3_bind_int64 (stmt, 5, a->owner_caseworker_id);
      _hel_bind_text_or_null (stmt, 6, a->owner_name);
      _hel_bind_text_or_null (stmt, 7, a->due);
      sqlite3_bind_int (stmt, 8, a->done ? 1 : 0);
      _hel_bind_text_or_null (stmt, 9, a->done_date);
      if (!_hel_store_run (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (_hel_store_get_handle (self)) > 0)
        _hel_store_queue_change (self, "plan", family_id);
    }
  return TRUE;
}

gboolean
hel_store_restore_meeting (HelStore   *self,
                           HelMeeting *meeting,
                           GError    **error)
{
  HelMeetingData *d;
  g_autoptr(GArray) participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) note_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) stroke_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) agreement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);
  d = hel_meeting_data (meeting);
  g_return_val_if_fail (d->id > 0, FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;

#define FAIL_IF(cond) G_STMT_START { if (cond) return _hel_board_finish (self, d->id, FALSE, error); } G_STMT_END

  stmt = _hel_store_prepare (self, "INSERT INTO meeting (id, kind, team_id, date, time, created) "
                                   "VALUES (?1, ?2, (SELECT id FROM team WHERE id = ?3), ?4, ?5, ?6) "
                                   "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
                                   "team_id = excluded.team_id, date = excluded.date, "
                                   "time = excluded.time, created = excluded.created", error);
  FAIL_IF (stmt == NULL);
  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_text (stmt, 2, hel_meeting_kind_to_code (d->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, d->team_id);
  sqlite3_bind_text (stmt, 4, d->date, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 5, d->time);
  sqlite3_bind_text (stmt, 6, d->created, -1, SQLITE_TRANSIENT);
  FAIL_IF (!_hel_store_run (self, stmt, error));

  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];

      g_array_append_val (participant_ids, p->id);
      stmt = _hel_store_prepare (self, "INSERT INTO meeting_participant (id, meeting_id, caseworker_id, "
                                       "name, role, discipline, removed, position) VALUES (?1, ?2, "
                                       "(SELECT id FROM caseworker WHERE id = ?3), ?4, ?5, ?6, ?7, ?8) "
                                       "ON CONFLICT (id) DO UPDATE SET meeting_id = excluded.meeting_id, "
                                       "caseworker_id = excluded.caseworker_id, name = excluded.name, "
                                       "role = excluded.role, discipline = excluded.discipline, "
                                       "removed = excluded.removed, position = excluded.position", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_int64 (stmt, 2, d->id);
      sqlite3_bind_int64 (stmt, 3, p->caseworker_id);
      sqlite3_bind_text (stmt, 4, hel_participant_get_name (p), -1, SQLITE_TRANSIENT);
      _hel_bind_text_or_null (stmt, 5, p->role);
      sqlite3_bind_text (stmt, 6, hel_discipline_to_code (p->discipline), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, p->removed ? 1 : 0);
      sqlite3_bind_int (stmt, 8, p->position);
      FAIL_IF (!_hel_store_run (self, stmt, error));
    }

  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];

      /* A family erased since the snapshot cannot come back with its board. */
      if (_hel_store_lookup_id (self, "SELECT id FROM family WHERE id = ?1", item->family_id) == 0)
        continue;
      g_array_append_val (item_ids, item->id);
      stmt = _hel_store_prepare (self, "INSERT INTO agenda_item (id, meeting_id, family_id, minutes, "
                                       "position) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE "
                                       "SET meeting_id = excluded.meeting_id, family_id = "
                                       "excluded.family_id, minutes = excluded.minutes, "
                                       "position = excluded.position", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, item->id);
      sqlite3_bind_int64 (stmt, 2, d->id);
      sqlite3_bind_int64 (stmt, 3, item->family_id);
      sqlite3_bind_int (stmt, 4, item->minutes);
      sqlite3_bind_int (stmt, 5, item->position);
      FAIL_IF (!_hel_store_run (self, stmt, error));

      for (guint k = 0; k < item->notes->len; k++)
        {
          HelBoardNote *n = item->notes->pdata[k];

          g_array_append_val (note_ids, n->id);
          stmt = _hel_store_prepare (self, "INSERT INTO board_note (id, item_id, column_code, text, "
                                           "author_id, author_name, discipline, internal, created, "
                                           "position) VALUES (?1, ?2, ?3, ?4, (SELECT id FROM "
                                           "meeting_participant WHERE id = ?5), ?6, ?7, ?8, ?9, ?10) "
                                           "ON CONFLICT (id) DO UPDATE SET item_id = excluded.item_id, "
                                           "column_code = excluded.column_code, text = excluded.text, "
                                           "author_id = excluded.author_id, "
                                           "author_name = excluded.author_name, "
                                           "discipline = excluded.discipline, "
                                           "internal = excluded.internal, created = excluded.created, "
                                           "position = excluded.position", error);
          FAIL_IF (stmt == NULL);
          sqlite3_bind_int64 (stmt, 1, n->id);
          sqlite3_bind_int64 (stmt, 2, item->id);
          sqlite3_bind_text (stmt, 3, hel_board_column_to_code (n->column), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, n->text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 5, n->author_id);
          _hel_bind_text_or_null (stmt, 6, n->author_name);
          sqlite3_bind_text (stmt, 7, hel_discipline_to_code (n->discipline), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 8, n->internal ? 1 : 0);
          sqlite3_bind_text (stmt, 9, n->created, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 10, n->position);
          FAIL_IF (!_hel_store_run (self, stmt, error));
        }

      for (guint k = 0; k < item->strokes->len; k++)
        {
          HelBoardStroke *s = item->strokes->pdata[k];
          g_autofree char *points = _hel_board_points_to_text (s->points);

          g_array_append_val (stroke_ids, s->id);
          stmt = _hel_store_prepare (self, "INSERT INTO board_stroke (id, item_id, width, points) "
                                           "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET "
                                           "item_id = excluded.item_id, width = excluded.width, "
                                           "points = excluded.points", error);
          FAIL_IF (stmt == NULL);
          sqlite3_bind_int64 (stmt, 1, s->id);
          sqlite3_bind_int64 (stmt, 2, item->id);
          sqlite3_bind_double (stmt, 3, s->width);
          sqlite3_bind_text (stmt, 4, points, -1, SQLITE_TRANSIENT);
          FAIL_IF (!_hel_store_run (self, stmt, error));
        }

      stmt = _hel_store_prepare (self, "DELETE FROM board_scale WHERE item_id = ?1", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, item->id);
      FAIL_IF (!_hel_store_run (self, stmt, error));
      for (guint k = 0; k < item->scales->len; k++)
        {
          HelBoardScale *s = &g_array_index (item->scales, HelBoardScale, k);

          stmt = _hel_store_prepare (self, "INSERT OR IGNORE INTO board_scale (item_id, participant_id, "
                                           "value) SELECT ?1, id, ?3 FROM meeting_participant "
                                           "WHERE id = ?2 AND meeting_id = ?4", error);
          FAIL_IF (stmt == NULL);
          sqlite3_bind_int64 (stmt, 1, item->id);
          sqlite3_bind_int64 (stmt, 2, s->participant_id);
          sqlite3_bind_int (stmt, 3, s->value);
          sqlite3_bind_int64 (stmt, 4, d->id);
          FAIL_IF (!_hel_store_run (self, stmt, error));
        }

      stmt = _hel_store_prepare (self, "DELETE FROM agreement_carry WHERE item_id = ?1", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, item->id);
      FAIL_IF (!_hel_store_run (self, stmt, error));
      for (guint k = 0; k < item->agreements->len; k++)
        {
          HelAgreement *a = item->agreements->pdata[k];

          if (!a->carried)
            g_array_append_val (agreement_ids, a->id);
          FAIL_IF (!restore_agreement (self, item, a, error));
        }
    }

  /* What the snapshot does not have goes: children before parents. */
  {
    static const char * const deletes[] = {
      "DELETE FROM agreement WHERE id NOT IN (SELECT value FROM json_each(?2)) AND item_id IN "
      "(SELECT id FROM agenda_item WHERE meeting_id = ?1)",
      "DELETE FROM board_stroke WHERE id NOT IN (SELECT value FROM json_each(?2)) AND item_id IN "
      "(SELECT id FROM agenda_item WHERE meeting_id = ?1)",
      "DELETE FROM board_note WHERE id NOT IN (SELECT value FROM json_each(?2)) AND item_id IN "
      "(SELECT id FROM agenda_item WHERE meeting_id = ?1)",
      "DELETE FROM agenda_item WHERE id NOT IN (SELECT value FROM json_each(?2)) AND meeting_id = ?1",
      "DELETE FROM meeting_participant WHERE id NOT IN (SELECT value FROM json_each(?2)) "
      "AND meeting_id = ?1",
    };
    GArray *keep[] = { agreement_ids, stroke_ids, note_ids, item_ids, participant_ids };

    for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
      {
        g_free (json);
        json = _hel_store_ids_json (keep[i]);
        stmt = _hel_store_prepare (self, deletes[i], error);
        FAIL_IF (stmt == NULL);
        sqlite3_bind_int64 (stmt, 1, d->id);
        sqlite3_bind_text (stmt, 2, json, -1, SQLITE_TRANSIENT);
        FAIL_IF (!_hel_store_run (self, stmt, error));
      }
  }
#undef FAIL_IF
  return _hel_board_finish (self, d->id, TRUE, error);
}
