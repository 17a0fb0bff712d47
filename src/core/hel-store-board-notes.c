/* hel-store-board-notes.c: on a family's board in the store: notes, pen strokes, scales. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-store-board-private.h"
#include "hel-validate.h"

/* ---- notes ---- */

/* A note's author is a participant of its meeting: their name and discipline as they are now,
 * kept on the note so it keeps its colour and name when they leave. */
static gboolean
read_note_author (HelStore       *self,
                  gint64          meeting_id,
                  gint64          author_id,
                  char          **name_out,
                  HelDiscipline  *discipline_out,
                  GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = _hel_store_prepare (self, "SELECT coalesce(c.name, p.name), "
                                   "coalesce(c.discipline, p.discipline) "
                                   "FROM meeting_participant p LEFT JOIN caseworker c "
                                   "ON c.id = p.caseworker_id WHERE p.id = ?1 "
                                   "AND p.meeting_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, author_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _hel_store_invalid (error, _("The note’s author is not in this meeting."));
    }
  g_free (*name_out);
  *name_out = g_strdup (_hel_column_text (stmt, 0));
  if (!hel_discipline_from_code (_hel_column_text (stmt, 1), discipline_out))
    *discipline_out = HEL_DISCIPLINE_OTHER;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
hel_store_save_note (HelStore     *self,
                     gint64        item_id,
                     HelBoardNote *note,
                     GError      **error)
{
  g_autofree char *text = NULL;
  g_autofree char *now = _hel_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  if (!hel_text_require (note->text, _("the note"), &text, error))
    return FALSE;
  if ((guint) note->column >= HEL_BOARD_AGREEMENTS)
    return _hel_store_invalid (error,
                               _("Notes go in Worries, Working well or What needs to happen; an "
                                        "agreement is made as an agreement."));
  meeting_id = _hel_store_begin_edit (self, MEETING_OF_ITEM, item_id,
                                      _("The family is no longer on the agenda."), error);
  if (meeting_id == 0)
    return FALSE;

  if (note->id > 0)
    {
      gint64 stored_author = _hel_store_lookup_id (self, "SELECT coalesce(author_id, 0) FROM board_note "
                                                         "WHERE id = ?1", note->id);
      g_autofree char *author_name = NULL;
      HelDiscipline discipline = HEL_DISCIPLINE_OTHER;
      gboolean new_author = note->author_id != stored_author;

      /* Only a new author changes the name and colour: a note written by someone whose
       * discipline changed later keeps the colour it was written in. */
      if (new_author && note->author_id > 0 &&
          !read_note_author (self, meeting_id, note->author_id, &author_name, &discipline, error))
        return _hel_board_finish (self, meeting_id, FALSE, error);
      stmt = new_author
             ? _hel_store_prepare (self, "UPDATE board_note SET text = ?2, internal = ?3, "
                                         "author_id = ?5, author_name = ?6, discipline = ?7 "
                                         "WHERE id = ?1 AND item_id = ?4", error)
             : _hel_store_prepare (self, "UPDATE board_note SET text = ?2, internal = ?3 "
                                         "WHERE id = ?1 AND item_id = ?4", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, note->id);
          sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, note->internal ? 1 : 0);
          sqlite3_bind_int64 (stmt, 4, item_id);
          if (new_author)
            {
              _hel_bind_id_or_null (stmt, 5, note->author_id);
              _hel_bind_text_or_null (stmt, 6, author_name);
              sqlite3_bind_text (stmt, 7, hel_discipline_to_code (discipline), -1, SQLITE_STATIC);
            }
          ok = _hel_store_step_done (self, stmt, error);
          if (ok && sqlite3_changes (_hel_store_get_handle (self)) == 0)
            ok = _hel_store_not_found (error, _("The note no longer exists."));
          if (ok && new_author)
            {
              g_free (note->author_name);
              note->author_name = g_steal_pointer (&author_name);
              note->discipline = discipline;
            }
        }
    }
  else
    {
      g_autofree char *author_name = g_strdup (note->author_name);
      HelDiscipline discipline = note->discipline;

      if (note->author_id > 0 &&
          !read_note_author (self, meeting_id, note->author_id, &author_name, &discipline, error))
        return _hel_board_finish (self, meeting_id, FALSE, error);
      if ((guint) discipline >= HEL_N_DISCIPLINES)
        discipline = HEL_DISCIPLINE_OTHER;
      stmt = _hel_store_prepare (self, "INSERT INTO board_note (item_id, column_code, text, author_id, "
                                       "author_name, discipline, internal, created, position) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                       "(SELECT coalesce(max(position), -1) + 1 FROM board_note "
                                       "WHERE item_id = ?1 AND column_code = ?2)) "
                                       "RETURNING id, position", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, item_id);
          sqlite3_bind_text (stmt, 2, hel_board_column_to_code (note->column), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
          _hel_bind_id_or_null (stmt, 4, note->author_id);
          _hel_bind_text_or_null (stmt, 5, author_name);
          sqlite3_bind_text (stmt, 6, hel_discipline_to_code (discipline), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 7, note->internal ? 1 : 0);
          sqlite3_bind_text (stmt, 8, note->created ? note->created : now, -1, SQLITE_TRANSIENT);
          ok = _hel_store_insert_positioned (self, stmt, &note->id, &note->position, error);
          if (ok)
            {
              g_free (note->author_name);
              note->author_name = g_steal_pointer (&author_name);
              note->discipline = discipline;
              if (note->created == NULL)
                note->created = g_strdup (now);
            }
        }
    }
  if (ok)
    {
      g_free (note->text);
      note->text = g_steal_pointer (&text);
    }
  return _hel_board_finish (self, meeting_id, ok, error);
}

gboolean
hel_store_move_note (HelStore       *self,
                     gint64          note_id,
                     HelBoardColumn  column,
                     guint           new_index,
                     GError        **error)
{
  g_autofree char *list_sql = NULL;
  sqlite3_stmt *stmt;
  gint64 meeting_id, item_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if ((guint) column >= HEL_BOARD_AGREEMENTS)
    return _hel_store_invalid (error,
                               _("Notes go in Worries, Working well or What needs to happen; an "
                                        "agreement is made as an agreement."));
  meeting_id = _hel_store_begin_edit (self, MEETING_OF_NOTE, note_id,
                                      _("The note no longer exists."), error);
  if (meeting_id == 0)
    return FALSE;
  item_id = _hel_store_lookup_id (self, "SELECT item_id FROM board_note WHERE id = ?1", note_id);
  stmt = _hel_store_prepare (self, "UPDATE board_note SET column_code = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, note_id);
      sqlite3_bind_text (stmt, 2, hel_board_column_to_code (column), -1, SQLITE_STATIC);
      ok = _hel_store_step_done (self, stmt, error);
    }
  /* The column is part of the list's SQL so each column keeps its own cached statement. */
  list_sql = g_strdup_printf ("SELECT id FROM board_note WHERE item_id = ?1 AND column_code = '%s' "
                              "ORDER BY position, id", hel_board_column_to_code (column));
  ok = ok && _hel_store_reorder (self, list_sql, item_id,
                                 "UPDATE board_note SET position = ?2 WHERE id = ?1", note_id,
                                 new_index, error);
  return _hel_board_finish (self, meeting_id, ok, error);
}

gboolean
hel_store_delete_note (HelStore *self,
                       gint64    note_id,
                       GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "meeting", MEETING_OF_NOTE, note_id,
                              "DELETE FROM board_note WHERE id = ?1",
                              _("The note no longer exists."), error);
}

/* ---- the pen ---- */

gboolean
hel_store_add_stroke (HelStore       *self,
                      gint64          item_id,
                      HelBoardStroke *stroke,
                      GError        **error)
{
  g_autofree char *points = NULL;
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (stroke != NULL, FALSE);

  if (stroke->points->len == 0)
    return _hel_store_invalid (error, _("A pen stroke needs at least one point."));
  if (!(stroke->width > 0 && stroke->width <= 100))
    return _hel_store_invalid (error, _("The pen’s width is out of range."));
  points = _hel_board_points_to_text (stroke->points);
  meeting_id = _hel_store_begin_edit (self, MEETING_OF_ITEM, item_id,
                                      _("The family is no longer on the agenda."), error);
  if (meeting_id == 0)
    return FALSE;
  stmt = _hel_store_prepare (self, "INSERT INTO board_stroke (item_id, width, points) "
                                   "VALUES (?1, ?2, ?3) RETURNING id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_double (stmt, 2, stroke->width);
      sqlite3_bind_text (stmt, 3, points, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        stroke->id = sqlite3_column_int64 (stmt, 0);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return _hel_board_finish (self, meeting_id, ok, error);
}

gboolean
hel_store_delete_stroke (HelStore *self,
                         gint64    stroke_id,
                         GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "meeting", MEETING_OF_STROKE, stroke_id,
                              "DELETE FROM board_stroke WHERE id = ?1",
                              _("The pen stroke no longer exists."), error);
}

/* ---- scales ---- */

gboolean
hel_store_set_scale (HelStore *self,
                     gint64    item_id,
                     gint64    participant_id,
                     int       value,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (value < -1 || value > 10)
    return _hel_store_invalid (error, _("The scale goes from 0 to 10."));
  meeting_id = _hel_store_begin_edit (self, MEETING_OF_ITEM, item_id,
                                      _("The family is no longer on the agenda."), error);
  if (meeting_id == 0)
    return FALSE;
  if (_hel_store_lookup_id (self, MEETING_OF_PARTICIPANT, participant_id) != meeting_id)
    {
      _hel_store_invalid (error, _("Only the meeting’s participants place a number on the scale."));
      return _hel_board_finish (self, meeting_id, FALSE, error);
    }
  stmt = value < 0
         ? _hel_store_prepare (self, "DELETE FROM board_scale WHERE item_id = ?1 "
                                     "AND participant_id = ?2", error)
         : _hel_store_prepare (self, "INSERT INTO board_scale (item_id, participant_id, value) "
                                     "VALUES (?1, ?2, ?3) ON CONFLICT (item_id, participant_id) "
                                     "DO UPDATE SET value = excluded.value", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      if (value >= 0)
        sqlite3_bind_int (stmt, 3, value);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return _hel_board_finish (self, meeting_id, ok, error);
}
