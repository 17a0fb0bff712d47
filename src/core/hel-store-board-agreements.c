/* hel-store-board-agreements.c: agreements in the store, and their link to the family plan. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-store-board-private.h"
#include "hel-validate.h"

/* ---- agreements ---- */

static gboolean
validate_agreement (HelStore     *self,
                    gint64        family_id,
                    HelAgreement *a,
                    char        **what_out,
                    GError      **error)
{
  if (!hel_text_require (a->what, _("what is agreed"), what_out, error))
    return FALSE;
  if ((guint) a->owner_kind >= HEL_N_OWNER_KINDS)
    return _hel_store_invalid (error, _("Unknown kind of owner."));
  if (a->due != NULL && *a->due != '\0' && !hel_date_is_valid_iso (a->due))
    return _hel_store_invalid (error, _("The deadline is not a valid date."));
  return _hel_store_check_owner (self, family_id, a->owner_kind, a->owner_member_id,
                                 a->owner_caseworker_id, a->owner_name, error);
}

/* Writes what, owner, due and done into the step (linked) or the agreement itself. */
static gboolean
write_agreement_fields (HelStore     *self,
                        HelAgreement *a,
                        const char   *what,
                        gint64        step_id,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  if (step_id > 0)
    stmt = _hel_store_prepare (self, "UPDATE step SET what = ?2, owner_kind = ?3, "
                                     "owner_member_id = ?4, owner_caseworker_id = ?5, owner_name = ?6, "
                                     "due = ?7, done = ?8, done_date = ?9 WHERE id = ?1", error);
  else
    stmt = _hel_store_prepare (self, "UPDATE agreement SET what = ?2, owner_kind = ?3, "
                                     "owner_member_id = ?4, owner_caseworker_id = ?5, owner_name = ?6, "
                                     "due = ?7, done = ?8, done_date = ?9 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id > 0 ? step_id : a->id);
  sqlite3_bind_text (stmt, 2, what, -1, SQLITE_TRANSIENT);
  _hel_bind_owner (stmt, 3, a->owner_kind, a->owner_member_id, a->owner_caseworker_id,
                   a->owner_name);
  _hel_bind_text_or_null (stmt, 7, a->due);
  sqlite3_bind_int (stmt, 8, a->done ? 1 : 0);
  _hel_bind_text_or_null (stmt, 9, a->done ? a->done_date : NULL);
  return _hel_store_step_done (self, stmt, error);
}

gboolean
hel_store_save_agreement (HelStore     *self,
                          gint64        item_id,
                          HelAgreement *agreement,
                          GError      **error)
{
  g_autofree char *what = NULL;
  g_autofree char *today = hel_date_today ();
  sqlite3_stmt *stmt;
  gint64 meeting_id, family_id, step_id = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (agreement != NULL, FALSE);

  meeting_id = _hel_store_begin_edit (self, MEETING_OF_ITEM, item_id,
                                      _("The family is no longer on the agenda."), error);
  if (meeting_id == 0)
    return FALSE;
  family_id = _hel_store_lookup_id (self, FAMILY_OF_ITEM, item_id);
  if (!validate_agreement (self, family_id, agreement, &what, error))
    return _hel_board_finish (self, meeting_id, FALSE, error);
  if (agreement->done && agreement->done_date == NULL)
    agreement->done_date = g_strdup (today);

  if (agreement->id > 0)
    {
      gint64 own_meeting = _hel_store_lookup_id (self, MEETING_OF_AGREEMENT, agreement->id);

      if (own_meeting == 0)
        {
          _hel_store_not_found (error, _("The agreement no longer exists."));
          return _hel_board_finish (self, meeting_id, FALSE, error);
        }
      step_id = _hel_store_lookup_id (self, STEP_OF_AGREEMENT, agreement->id);
      ok = write_agreement_fields (self, agreement, what, step_id, error);
      /* A carried agreement belongs to the meeting where it was agreed: both boards change. */
      if (own_meeting != meeting_id)
        _hel_store_queue_change (self, "meeting", own_meeting);
      if (step_id > 0)
        _hel_store_queue_change (self, "plan", family_id);
    }
  else
    {
      stmt = _hel_store_prepare (self, "INSERT INTO agreement (item_id, what, created, position) "
                                       "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 "
                                       "FROM agreement WHERE item_id = ?1)) RETURNING id, position",
                                 error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, item_id);
          sqlite3_bind_text (stmt, 2, what, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, agreement->created ? agreement->created : today, -1,
                             SQLITE_TRANSIENT);
          ok = _hel_store_insert_positioned (self, stmt, &agreement->id, &agreement->position,
                                             error) &&
               write_agreement_fields (self, agreement, what, 0, error);
          if (ok)
            {
              agreement->item_id = item_id;
              if (agreement->created == NULL)
                agreement->created = g_strdup (today);
            }
          else
            agreement->id = 0;
        }
    }
  if (ok)
    {
      g_free (agreement->what);
      agreement->what = g_steal_pointer (&what);
      if (!agreement->done)
        g_clear_pointer (&agreement->done_date, g_free);
    }
  return _hel_board_finish (self, meeting_id, ok, error);
}

/* Begins an edit of an agreement: returns its meeting (0 when it is gone: @error says so) and
 * reads its family and the plan step it is linked to (0: none). */
static gint64
begin_agreement_edit (HelStore *self,
                      gint64    agreement_id,
                      gint64   *family_id,
                      gint64   *step_id,
                      GError  **error)
{
  gint64 meeting_id = _hel_store_begin_edit (self, MEETING_OF_AGREEMENT, agreement_id,
                                             _("The agreement no longer exists."), error);

  if (meeting_id == 0)
    return 0;
  *family_id = _hel_store_lookup_id (self, FAMILY_OF_AGREEMENT, agreement_id);
  *step_id = _hel_store_lookup_id (self, STEP_OF_AGREEMENT, agreement_id);
  return meeting_id;
}

gboolean
hel_store_set_agreement_done (HelStore *self,
                              gint64    agreement_id,
                              gboolean  done,
                              GError  **error)
{
  g_autofree char *today = hel_date_today ();
  sqlite3_stmt *stmt;
  gint64 meeting_id, step_id, family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  meeting_id = begin_agreement_edit (self, agreement_id, &family_id, &step_id, error);
  if (meeting_id == 0)
    return FALSE;
  stmt = step_id > 0
         ? _hel_store_prepare (self, "UPDATE step SET done = ?2, done_date = ?3 WHERE id = ?1", error)
         : _hel_store_prepare (self, "UPDATE agreement SET done = ?2, done_date = ?3 WHERE id = ?1",
                               error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, step_id > 0 ? step_id : agreement_id);
      sqlite3_bind_int (stmt, 2, done ? 1 : 0);
      _hel_bind_text_or_null (stmt, 3, done ? today : NULL);
      ok = _hel_store_step_done (self, stmt, error);
    }
  if (ok && step_id > 0)
    _hel_store_queue_change (self, "plan", family_id);
  /* The meetings that follow it up show it too. */
  if (ok)
    {
      stmt = _hel_store_prepare (self, "SELECT DISTINCT a.meeting_id FROM agreement_carry c "
                                       "JOIN agenda_item a ON a.id = c.item_id "
                                       "WHERE c.agreement_id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, agreement_id);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            _hel_store_queue_change (self, "meeting", sqlite3_column_int64 (stmt, 0));
          sqlite3_reset (stmt);
        }
    }
  return _hel_board_finish (self, meeting_id, ok, error);
}

gboolean
hel_store_delete_agreement (HelStore *self,
                            gint64    agreement_id,
                            GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "meeting", MEETING_OF_AGREEMENT, agreement_id,
                              "DELETE FROM agreement WHERE id = ?1",
                              _("The agreement no longer exists."), error);
}

gboolean
hel_store_link_agreement (HelStore *self,
                          gint64    agreement_id,
                          gint64    subgoal_id,
                          gint64   *step_id_out,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id, family_id, step_id = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  meeting_id = _hel_store_begin_edit (self, MEETING_OF_AGREEMENT, agreement_id,
                                      _("The agreement no longer exists."), error);
  if (meeting_id == 0)
    return FALSE;
  family_id = _hel_store_lookup_id (self, FAMILY_OF_AGREEMENT, agreement_id);
  if (_hel_store_lookup_id (self, FAMILY_OF_SUBGOAL, subgoal_id) != family_id)
    {
      _hel_store_invalid (error,
                          _("An agreement can only become a step under a small goal in the same "
                                   "family’s plan."));
      return _hel_board_finish (self, meeting_id, FALSE, error);
    }
  if (_hel_store_lookup_id (self, STEP_OF_AGREEMENT, agreement_id) > 0)
    {
      _hel_store_invalid (error, _("The agreement is already a step in the family plan."));
      return _hel_board_finish (self, meeting_id, FALSE, error);
    }

  /* The step takes over what the agreement says; from now on the agreement only points to it. */
  stmt = _hel_store_prepare (self, "INSERT INTO step (subgoal_id, what, owner_kind, owner_member_id, "
                                   "owner_caseworker_id, owner_name, due, done, done_date, position) "
                                   "SELECT ?2, what, owner_kind, owner_member_id, owner_caseworker_id, "
                                   "owner_name, due, done, done_date, (SELECT coalesce(max(position), "
                                   "-1) + 1 FROM step WHERE subgoal_id = ?2) FROM agreement "
                                   "WHERE id = ?1 RETURNING id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, agreement_id);
      sqlite3_bind_int64 (stmt, 2, subgoal_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        step_id = sqlite3_column_int64 (stmt, 0);
      ok = _hel_store_step_done (self, stmt, error) && step_id > 0;
    }
  stmt = ok ? _hel_store_prepare (self, "UPDATE agreement SET step_id = ?2, what = NULL, "
                                        "owner_kind = 'none', owner_member_id = NULL, "
                                        "owner_caseworker_id = NULL, owner_name = NULL, due = NULL, "
                                        "done = 0, done_date = NULL WHERE id = ?1", error) : NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, agreement_id);
      sqlite3_bind_int64 (stmt, 2, step_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  else
    ok = FALSE;
  if (ok)
    {
      _hel_store_queue_change (self, "plan", family_id);
      if (step_id_out)
        *step_id_out = step_id;
    }
  return _hel_board_finish (self, meeting_id, ok, error);
}

gboolean
hel_store_unlink_agreement (HelStore *self,
                            gint64    agreement_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id, family_id, step_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  meeting_id = begin_agreement_edit (self, agreement_id, &family_id, &step_id, error);
  if (meeting_id == 0)
    return FALSE;
  if (step_id == 0)
    return _hel_board_finish (self, meeting_id, TRUE, error);
  /* The trigger agreement_keeps_step hands the step's text, owner and deadline back. */
  stmt = _hel_store_prepare (self, "DELETE FROM step WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, step_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  if (ok)
    _hel_store_queue_change (self, "plan", family_id);
  return _hel_board_finish (self, meeting_id, ok, error);
}

/* ---- a note dropped on Agreements ---- */

gboolean
hel_store_convert_note_to_agreement (HelStore *self,
                                     gint64    note_id,
                                     gint64   *agreement_id_out,
                                     GError  **error)
{
  g_autoptr(HelAgreement) agreement = NULL;
  sqlite3_stmt *stmt;
  gint64 meeting_id, item_id, caseworker_id;
  gboolean ok, by_participant;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "SELECT a.meeting_id, n.item_id, n.text, p.id IS NOT NULL, "
                                   "coalesce(p.caseworker_id, 0), p.name "
                                   "FROM board_note n JOIN agenda_item a ON a.id = n.item_id "
                                   "LEFT JOIN meeting_participant p ON p.id = n.author_id "
                                   "WHERE n.id = ?1", error);
  if (stmt == NULL)
    return _hel_store_finish (self, FALSE, NULL, 0, error);
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _hel_store_not_found (error, _("The note no longer exists."));
      return _hel_store_finish (self, FALSE, NULL, 0, error);
    }
  meeting_id = sqlite3_column_int64 (stmt, 0);
  item_id = sqlite3_column_int64 (stmt, 1);
  agreement = hel_agreement_new (_hel_column_text (stmt, 2));
  by_participant = sqlite3_column_int (stmt, 3) != 0;
  caseworker_id = sqlite3_column_int64 (stmt, 4);
  /* The note's author is who wrote it down: the owner until someone else is chosen. A member
   * of the family never writes notes, so there is no member to take over. */
  if (caseworker_id > 0 &&
      _hel_store_lookup_id (self, "SELECT id FROM caseworker WHERE id = ?1", caseworker_id) > 0)
    {
      agreement->owner_kind = HEL_OWNER_CASEWORKER;
      agreement->owner_caseworker_id = caseworker_id;
    }
  else if (by_participant && caseworker_id == 0 && _hel_column_text (stmt, 5) != NULL)
    {
      agreement->owner_kind = HEL_OWNER_EXTERNAL;
      agreement->owner_name = g_strdup (_hel_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);

  /* No deadline yet: a draft, shown as incomplete until the room sets one. */
  ok = hel_store_save_agreement (self, item_id, agreement, error);
  if (ok)
    {
      stmt = _hel_store_prepare (self, "DELETE FROM board_note WHERE id = ?1", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, note_id);
      ok = _hel_store_run (self, stmt, error);
    }
  if (ok && agreement_id_out != NULL)
    *agreement_id_out = agreement->id;
  return _hel_store_finish (self, ok, "meeting", meeting_id, error);
}
