/* hel-store-plan.c: family plans in the store: load whole, write one edit at a time. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-store-plan.h"
#include "hel-store-private.h"
#include "hel-validate.h"

void
hel_plan_version_free (HelPlanVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->created);
  g_free (version->participants);
  g_free (version);
}

#define FAMILY_OF_GOAL "SELECT family_id FROM goal WHERE id = ?1"
#define FAMILY_OF_SUBGOAL \
  "SELECT g.family_id FROM subgoal s JOIN goal g ON g.id = s.goal_id WHERE s.id = ?1"
#define FAMILY_OF_STEP \
  "SELECT g.family_id FROM step t JOIN subgoal s ON s.id = t.subgoal_id " \
  "JOIN goal g ON g.id = s.goal_id WHERE t.id = ?1"
#define FAMILY_OF_MEMBER "SELECT family_id FROM member WHERE id = ?1"
#define FAMILY_OF_FOLLOWUP \
  "SELECT g.family_id FROM followup f JOIN subgoal s ON s.id = f.subgoal_id " \
  "JOIN goal g ON g.id = s.goal_id WHERE f.id = ?1"

/* ---- loading ---- */

HelPlan *
hel_store_load_plan (HelStore *self,
                     gint64    family_id,
                     GError  **error)
{
  g_autoptr(HelPlan) plan = NULL;
  g_autoptr(GHashTable) goals = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) subgoals = g_hash_table_new (g_int64_hash, g_int64_equal);
  HelPlanData *data;
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT wishes FROM family WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        _hel_store_not_found (error, _("The family no longer exists."));
      else
        _hel_store_fail (self, rc, error);
      return NULL;
    }
  plan = hel_plan_new (family_id);
  data = hel_plan_data (plan);
  data->wishes = g_strdup (_hel_column_text (stmt, 0));
  sqlite3_reset (stmt);

  stmt = _hel_store_prepare (self, "SELECT id, wishes FROM member WHERE family_id = ?1 "
                                   "AND wishes IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (data->member_wishes, g_memdup2 (&id, sizeof id),
                           g_strdup (_hel_column_text (stmt, 1)));
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self, "SELECT id, title, created, position FROM goal "
                                   "WHERE family_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelGoal *goal = hel_goal_new (_hel_column_text (stmt, 1));
      goal->id = sqlite3_column_int64 (stmt, 0);
      goal->created = g_strdup (_hel_column_text (stmt, 2));
      goal->position = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (data->goals, goal);
      g_hash_table_insert (goals, &goal->id, goal);
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self,
                             "SELECT s.id, s.goal_id, s.wording, s.deadline, s.status, s.scale, "
                             "s.next_followup, s.created, s.position FROM subgoal s "
                             "JOIN goal g ON g.id = s.goal_id WHERE g.family_id = ?1 "
                             "ORDER BY s.position, s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 goal_id = sqlite3_column_int64 (stmt, 1);
      HelGoal *goal = g_hash_table_lookup (goals, &goal_id);
      HelSubgoal *sg = hel_subgoal_new (_hel_column_text (stmt, 2));

      sg->id = sqlite3_column_int64 (stmt, 0);
      sg->goal_id = goal_id;
      sg->deadline = g_strdup (_hel_column_text (stmt, 3));
      if (!hel_goal_status_from_code (_hel_column_text (stmt, 4), &sg->status))
        sg->status = HEL_GOAL_NOT_STARTED;
      sg->scale = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
      sg->next_followup = g_strdup (_hel_column_text (stmt, 6));
      sg->created = g_strdup (_hel_column_text (stmt, 7));
      sg->position = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (goal->subgoals, sg);
      g_hash_table_insert (subgoals, &sg->id, sg);
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self,
                             "SELECT o.subgoal_id, o.member_id FROM subgoal_owner o "
                             "JOIN subgoal s ON s.id = o.subgoal_id JOIN goal g ON g.id = s.goal_id "
                             "WHERE g.family_id = ?1 ORDER BY o.subgoal_id, o.member_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 sid = sqlite3_column_int64 (stmt, 0);
      gint64 member_id = sqlite3_column_int64 (stmt, 1);
      HelSubgoal *sg = g_hash_table_lookup (subgoals, &sid);
      g_array_append_val (sg->owners, member_id);
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self,
                             "SELECT t.id, t.subgoal_id, t.what, t.owner_kind, t.owner_member_id, "
                             "t.owner_caseworker_id, t.owner_name, t.due, t.done, t.done_date, "
                             "t.position FROM step t JOIN subgoal s ON s.id = t.subgoal_id "
                             "JOIN goal g ON g.id = s.goal_id WHERE g.family_id = ?1 "
                             "ORDER BY t.position, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 sid = sqlite3_column_int64 (stmt, 1);
      HelSubgoal *sg = g_hash_table_lookup (subgoals, &sid);
      HelStep *step = hel_step_new (_hel_column_text (stmt, 2));

      step->id = sqlite3_column_int64 (stmt, 0);
      if (!hel_owner_kind_from_code (_hel_column_text (stmt, 3), &step->owner_kind))
        step->owner_kind = HEL_OWNER_NONE;
      step->owner_member_id = sqlite3_column_int64 (stmt, 4);
      step->owner_caseworker_id = sqlite3_column_int64 (stmt, 5);
      step->owner_name = g_strdup (_hel_column_text (stmt, 6));
      step->due = g_strdup (_hel_column_text (stmt, 7));
      step->done = sqlite3_column_int (stmt, 8) != 0;
      step->done_date = g_strdup (_hel_column_text (stmt, 9));
      step->position = sqlite3_column_int (stmt, 10);
      g_ptr_array_add (sg->steps, step);
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self,
                             "SELECT f.id, f.subgoal_id, f.date, f.text, f.author, f.internal "
                             "FROM followup f JOIN subgoal s ON s.id = f.subgoal_id "
                             "JOIN goal g ON g.id = s.goal_id WHERE g.family_id = ?1 "
                             "ORDER BY f.date, f.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 sid = sqlite3_column_int64 (stmt, 1);
      HelSubgoal *sg = g_hash_table_lookup (subgoals, &sid);
      HelFollowup *f = hel_followup_new (_hel_column_text (stmt, 2), _hel_column_text (stmt, 3),
                                         _hel_column_text (stmt, 4));
      f->id = sqlite3_column_int64 (stmt, 0);
      f->internal = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (sg->followups, f);
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self,
                             "SELECT e.id, e.subgoal_id, e.value, e.set_by, e.set_at "
                             "FROM scale_entry e JOIN subgoal s ON s.id = e.subgoal_id "
                             "JOIN goal g ON g.id = s.goal_id WHERE g.family_id = ?1 "
                             "ORDER BY e.set_at, e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 sid = sqlite3_column_int64 (stmt, 1);
      HelSubgoal *sg = g_hash_table_lookup (subgoals, &sid);
      HelScaleEntry *e = hel_scale_entry_new (sqlite3_column_int (stmt, 2),
                                              _hel_column_text (stmt, 3),
                                              _hel_column_text (stmt, 4));
      e->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (sg->scale_history, e);
    }
  if (local_error)
    goto fail;

  return g_steal_pointer (&plan);

fail:
  g_propagate_error (error, local_error);
  return NULL;
}

/* ---- writing ---- */

/* Most plan edits share this shape: begin, one statement, queue "plan" for the family, commit. */
static gboolean
finish (HelStore *self,
        gint64    family_id,
        gboolean  ok,
        GError  **error)
{
  return _hel_store_finish (self, ok, "plan", family_id, error);
}

gboolean
hel_store_set_wishes (HelStore   *self,
                      gint64      family_id,
                      gint64      member_id,
                      const char *text,
                      GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  if (member_id > 0)
    {
      if (_hel_store_lookup_id (self, FAMILY_OF_MEMBER, member_id) != family_id)
        {
          _hel_store_not_found (error, _("The family member no longer exists."));
          return finish (self, family_id, FALSE, error);
        }
      stmt = _hel_store_prepare (self, "UPDATE member SET wishes = ?2 WHERE id = ?1", error);
      if (stmt)
        sqlite3_bind_int64 (stmt, 1, member_id);
    }
  else
    {
      stmt = _hel_store_prepare (self, "UPDATE family SET wishes = ?2 WHERE id = ?1", error);
      if (stmt)
        sqlite3_bind_int64 (stmt, 1, family_id);
    }
  if (stmt != NULL)
    {
      _hel_bind_text_or_null (stmt, 2, trimmed);
      ok = _hel_store_step_done (self, stmt, error);
      if (ok && sqlite3_changes (_hel_store_get_handle (self)) == 0)
        ok = _hel_store_not_found (error, _("The family no longer exists."));
    }
  return finish (self, family_id, ok, error);
}

gboolean
hel_store_save_goal (HelStore *self,
                     gint64    family_id,
                     HelGoal  *goal,
                     GError  **error)
{
  g_autofree char *title = NULL;
  g_autofree char *today = hel_date_today ();
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (goal != NULL, FALSE);

  if (!hel_text_require (goal->title, _("the goal in the family’s words"), &title, error))
    return FALSE;
  if (!hel_store_begin (self, error))
    return FALSE;

  if (goal->id > 0)
    {
      stmt = _hel_store_prepare (self, "UPDATE goal SET title = ?2 WHERE id = ?1 AND family_id = ?3",
                                 error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, goal->id);
          sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, family_id);
          ok = _hel_store_step_done (self, stmt, error);
          if (ok && sqlite3_changes (_hel_store_get_handle (self)) == 0)
            ok = _hel_store_not_found (error, _("The goal no longer exists."));
        }
    }
  else
    {
      stmt = _hel_store_prepare (self,
                                 "INSERT INTO goal (family_id, title, created, position) "
                                 "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 "
                                 "FROM goal WHERE family_id = ?1)) RETURNING id, position", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, family_id);
          sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, goal->created ? goal->created : today, -1, SQLITE_TRANSIENT);
          ok = _hel_store_insert_positioned (self, stmt, &goal->id, &goal->position, error);
          if (goal->id > 0 && goal->created == NULL)
            goal->created = g_strdup (today);
          if (!ok && g_error_matches (*error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID))
            {
              g_clear_error (error);
              ok = _hel_store_not_found (error, _("The family no longer exists."));
            }
        }
    }
  if (ok)
    {
      g_free (goal->title);
      goal->title = g_steal_pointer (&title);
    }
  return finish (self, family_id, ok, error);
}

gboolean
hel_store_delete_goal (HelStore *self,
                       gint64    goal_id,
                       GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "plan", FAMILY_OF_GOAL, goal_id,
                              "DELETE FROM goal WHERE id = ?1", _("The goal no longer exists."),
                              error);
}

gboolean
hel_store_delete_subgoal (HelStore *self,
                          gint64    subgoal_id,
                          GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "plan", FAMILY_OF_SUBGOAL, subgoal_id,
                              "DELETE FROM subgoal WHERE id = ?1",
                              _("The small goal no longer exists."), error);
}

gboolean
hel_store_delete_step (HelStore *self,
                       gint64    step_id,
                       GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "plan", FAMILY_OF_STEP, step_id,
                              "DELETE FROM step WHERE id = ?1", _("The step no longer exists."),
                              error);
}

gboolean
hel_store_delete_followup (HelStore *self,
                           gint64    followup_id,
                           GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return _hel_store_edit_row (self, "plan", FAMILY_OF_FOLLOWUP, followup_id,
                              "DELETE FROM followup WHERE id = ?1",
                              _("The follow-up note no longer exists."), error);
}

gboolean
hel_store_move_goal (HelStore *self,
                     gint64    goal_id,
                     guint     new_index,
                     GError  **error)
{
  gint64 family_id;
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  family_id = _hel_store_begin_edit (self, FAMILY_OF_GOAL, goal_id,
                                     _("The goal no longer exists."), error);
  if (family_id == 0)
    return FALSE;
  ok = _hel_store_reorder (self, "SELECT id FROM goal WHERE family_id = ?1 ORDER BY position, id",
                           family_id, "UPDATE goal SET position = ?2 WHERE id = ?1", goal_id,
                           new_index, error);
  return finish (self, family_id, ok, error);
}

gboolean
hel_store_move_subgoal (HelStore *self,
                        gint64    subgoal_id,
                        gint64    to_goal_id,
                        guint     new_index,
                        GError  **error)
{
  gint64 family_id;
  gboolean ok = FALSE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  family_id = _hel_store_begin_edit (self, FAMILY_OF_SUBGOAL, subgoal_id,
                                     _("The small goal no longer exists."), error);
  if (family_id == 0)
    return FALSE;
  if (_hel_store_lookup_id (self, FAMILY_OF_GOAL, to_goal_id) != family_id)
    ok = _hel_store_invalid (error, _("A small goal can only move within its own family’s plan."));
  else if ((stmt = _hel_store_prepare (self, "UPDATE subgoal SET goal_id = ?2 WHERE id = ?1",
                                       error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, subgoal_id);
      sqlite3_bind_int64 (stmt, 2, to_goal_id);
      ok = _hel_store_step_done (self, stmt, error) &&
           _hel_store_reorder (self, "SELECT id FROM subgoal WHERE goal_id = ?1 "
                                     "ORDER BY position, id", to_goal_id,
                               "UPDATE subgoal SET position = ?2 WHERE id = ?1", subgoal_id,
                               new_index, error);
    }
  return finish (self, family_id, ok, error);
}

gboolean
hel_store_move_step (HelStore *self,
                     gint64    step_id,
                     guint     new_index,
                     GError  **error)
{
  gint64 family_id, subgoal_id;
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  family_id = _hel_store_begin_edit (self, FAMILY_OF_STEP, step_id,
                                     _("The step no longer exists."), error);
  if (family_id == 0)
    return FALSE;
  subgoal_id = _hel_store_lookup_id (self, "SELECT subgoal_id FROM step WHERE id = ?1", step_id);
  ok = _hel_store_reorder (self, "SELECT id FROM step WHERE subgoal_id = ?1 ORDER BY position, id",
                           subgoal_id, "UPDATE step SET position = ?2 WHERE id = ?1", step_id,
                           new_index, error);
  return finish (self, family_id, ok, error);
}

static gboolean
validate_optional_date (const char *date,
                        const char *message,
                        GError    **error)
{
  if (date != NULL && *date != '\0' && !hel_date_is_valid_iso (date))
    return _hel_store_invalid (error, message);
  return TRUE;
}

gboolean
hel_store_save_subgoal (HelStore   *self,
                        HelSubgoal *subgoal,
                        GError    **error)
{
  g_autofree char *wording = NULL;
  g_autofree char *today = hel_date_today ();
  g_autofree char *created = NULL;
  sqlite3_stmt *stmt;
  gint64 family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (subgoal != NULL, FALSE);

  if (!hel_text_require (subgoal->wording, _("the small goal in the family’s words"), &wording,
                         error))
    return FALSE;
  if ((guint) subgoal->status >= HEL_N_GOAL_STATUSES)
    return _hel_store_invalid (error, _("Unknown status."));
  if (!validate_optional_date (subgoal->deadline, _("The deadline is not a valid date."), error) ||
      !validate_optional_date (subgoal->next_followup,
                               _("The next follow-up is not a valid date."), error))
    return FALSE;

  family_id = _hel_store_begin_edit (self, FAMILY_OF_GOAL, subgoal->goal_id,
                                     _("The goal no longer exists."), error);
  if (family_id == 0)
    return FALSE;

  if (subgoal->id > 0)
    {
      stmt = _hel_store_prepare (self, "SELECT created FROM subgoal WHERE id = ?1", error);
      if (stmt == NULL)
        return finish (self, family_id, FALSE, error);
      sqlite3_bind_int64 (stmt, 1, subgoal->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        created = g_strdup (_hel_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (created == NULL)
        {
          _hel_store_not_found (error, _("The small goal no longer exists."));
          return finish (self, family_id, FALSE, error);
        }
    }
  else
    created = g_strdup (subgoal->created ? subgoal->created : today);

  if (subgoal->deadline != NULL && *subgoal->deadline != '\0' &&
      hel_date_compare (subgoal->deadline, created) < 0)
    {
      g_autofree char *shown = hel_date_format (created);
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID,
                   _("The deadline cannot be before the small goal was made (%s)."), shown);
      return finish (self, family_id, FALSE, error);
    }
  for (guint i = 0; i < subgoal->owners->len; i++)
    if (_hel_store_lookup_id (self, FAMILY_OF_MEMBER, g_array_index (subgoal->owners, gint64,
                                                                     i)) != family_id)
      {
        _hel_store_invalid (error, _("A small goal can only belong to members of the family."));
        return finish (self, family_id, FALSE, error);
      }

  if (subgoal->id > 0)
    stmt = _hel_store_prepare (self,
                               "UPDATE subgoal SET goal_id = ?2, wording = ?3, deadline = ?4, "
                               "status = ?5, next_followup = ?6 WHERE id = ?1 RETURNING position",
                               error);
  else
    stmt = _hel_store_prepare (self,
                               "INSERT INTO subgoal (goal_id, wording, deadline, status, "
                               "next_followup, created, position) VALUES (?2, ?3, ?4, ?5, ?6, ?7, "
                               "(SELECT coalesce(max(position), -1) + 1 FROM subgoal "
                               "WHERE goal_id = ?2)) RETURNING id, position", error);
  if (stmt == NULL)
    return finish (self, family_id, FALSE, error);
  if (subgoal->id > 0)
    sqlite3_bind_int64 (stmt, 1, subgoal->id);
  sqlite3_bind_int64 (stmt, 2, subgoal->goal_id);
  sqlite3_bind_text (stmt, 3, wording, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 4, subgoal->deadline);
  sqlite3_bind_text (stmt, 5, hel_goal_status_to_code (subgoal->status), -1, SQLITE_STATIC);
  _hel_bind_text_or_null (stmt, 6, subgoal->next_followup);
  if (subgoal->id <= 0)
    sqlite3_bind_text (stmt, 7, created, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && subgoal->id <= 0)
    {
      subgoal->id = sqlite3_column_int64 (stmt, 0);
      subgoal->position = sqlite3_column_int (stmt, 1);
    }
  if (!_hel_store_step_done (self, stmt, error))
    return finish (self, family_id, FALSE, error);

  /* Owners: replace the set. */
  stmt = _hel_store_prepare (self, "DELETE FROM subgoal_owner WHERE subgoal_id = ?1", error);
  if (stmt == NULL)
    return finish (self, family_id, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, subgoal->id);
  ok = _hel_store_step_done (self, stmt, error);
  stmt = ok ? _hel_store_prepare (self, "INSERT OR IGNORE INTO subgoal_owner (subgoal_id, member_id) "
                                        "VALUES (?1, ?2)", error) : NULL;
  ok = stmt != NULL;
  for (guint i = 0; ok && i < subgoal->owners->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, subgoal->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (subgoal->owners, gint64, i));
      ok = _hel_store_step_done (self, stmt, error);
    }
  if (ok)
    {
      g_free (subgoal->wording);
      subgoal->wording = g_steal_pointer (&wording);
      if (subgoal->created == NULL)
        subgoal->created = g_steal_pointer (&created);
    }
  return finish (self, family_id, ok, error);
}

gboolean
hel_store_set_subgoal_scale (HelStore   *self,
                             gint64      subgoal_id,
                             int         value,
                             const char *set_by,
                             GError    **error)
{
  g_autofree char *now = _hel_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (value < 0 || value > 10)
    return _hel_store_invalid (error, _("The scale goes from 0 to 10."));
  family_id = _hel_store_begin_edit (self, FAMILY_OF_SUBGOAL, subgoal_id,
                                     _("The small goal no longer exists."), error);
  if (family_id == 0)
    return FALSE;
  stmt = _hel_store_prepare (self, "UPDATE subgoal SET scale = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, subgoal_id);
      sqlite3_bind_int (stmt, 2, value);
      ok = _hel_store_step_done (self, stmt, error);
    }
  stmt = ok ? _hel_store_prepare (self, "INSERT INTO scale_entry (subgoal_id, value, set_by, set_at) "
                                        "VALUES (?1, ?2, ?3, ?4)", error) : NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, subgoal_id);
      sqlite3_bind_int (stmt, 2, value);
      _hel_bind_text_or_null (stmt, 3, set_by);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      ok = _hel_store_step_done (self, stmt, error);
    }
  else
    ok = FALSE;
  return finish (self, family_id, ok, error);
}

gboolean
hel_store_save_step (HelStore *self,
                     gint64    subgoal_id,
                     HelStep  *step,
                     GError  **error)
{
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  gint64 family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (!hel_text_require (step->what, _("what is to be done"), &what, error))
    return FALSE;
  if ((guint) step->owner_kind >= HEL_N_OWNER_KINDS)
    return _hel_store_invalid (error, _("Unknown kind of owner."));
  if (!validate_optional_date (step->due, _("The date is not a valid date."), error) ||
      !validate_optional_date (step->done_date, _("The date is not a valid date."), error))
    return FALSE;

  family_id = _hel_store_begin_edit (self, FAMILY_OF_SUBGOAL, subgoal_id,
                                     _("The small goal no longer exists."), error);
  if (family_id == 0)
    return FALSE;
  if (!_hel_store_check_owner (self, family_id, step->owner_kind, step->owner_member_id,
                               step->owner_caseworker_id, step->owner_name, error))
    return finish (self, family_id, FALSE, error);

  if (step->id > 0)
    stmt = _hel_store_prepare (self,
                               "UPDATE step SET subgoal_id = ?2, what = ?3, owner_kind = ?4, "
                               "owner_member_id = ?5, owner_caseworker_id = ?6, owner_name = ?7, "
                               "due = ?8, done = ?9, done_date = ?10 WHERE id = ?1 "
                               "RETURNING position", error);
  else
    stmt = _hel_store_prepare (self,
                               "INSERT INTO step (subgoal_id, what, owner_kind, owner_member_id, "
                               "owner_caseworker_id, owner_name, due, done, done_date, position) "
                               "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                               "(SELECT coalesce(max(position), -1) + 1 FROM step "
                               "WHERE subgoal_id = ?2)) RETURNING id, position", error);
  if (stmt == NULL)
    return finish (self, family_id, FALSE, error);
  if (step->id > 0)
    sqlite3_bind_int64 (stmt, 1, step->id);
  sqlite3_bind_int64 (stmt, 2, subgoal_id);
  sqlite3_bind_text (stmt, 3, what, -1, SQLITE_TRANSIENT);
  _hel_bind_owner (stmt, 4, step->owner_kind, step->owner_member_id, step->owner_caseworker_id,
                   step->owner_name);
  _hel_bind_text_or_null (stmt, 8, step->due);
  sqlite3_bind_int (stmt, 9, step->done ? 1 : 0);
  _hel_bind_text_or_null (stmt, 10, step->done ? step->done_date : NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (step->id <= 0)
        step->id = sqlite3_column_int64 (stmt, 0);
      step->position = sqlite3_column_int (stmt, step->id > 0 && sqlite3_column_count (stmt) == 1
                                                   ? 0 : 1);
      ok = TRUE;
    }
  ok = _hel_store_step_done (self, stmt, error) && ok;
  if (!ok && (error == NULL || *error == NULL))
    _hel_store_not_found (error, _("The step no longer exists."));
  if (ok)
    {
      g_free (step->what);
      step->what = g_steal_pointer (&what);
    }
  return finish (self, family_id, ok, error);
}

/* Adds @followup to @subgoal_id, or (@subgoal_id 0) corrects its date and text: the author and
 * whether it is internal stay as written. */
static gboolean
save_followup (HelStore    *self,
               gint64       subgoal_id,
               HelFollowup *followup,
               GError     **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 family_id;
  gboolean ok = FALSE;

  if (!hel_text_require (followup->text, _("the follow-up note"), &text, error))
    return FALSE;
  if (!hel_date_is_valid_iso (followup->date))
    return _hel_store_invalid (error, _("The follow-up needs a valid date."));
  if (subgoal_id != 0)
    family_id = _hel_store_begin_edit (self, FAMILY_OF_SUBGOAL, subgoal_id,
                                       _("The small goal no longer exists."), error);
  else
    family_id = _hel_store_begin_edit (self, FAMILY_OF_FOLLOWUP, followup->id,
                                       _("The follow-up note no longer exists."), error);
  if (family_id == 0)
    return FALSE;
  stmt = subgoal_id != 0
    ? _hel_store_prepare (self, "INSERT INTO followup (subgoal_id, date, text, author, internal) "
                                "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", error)
    : _hel_store_prepare (self, "UPDATE followup SET date = ?2, text = ?3 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, subgoal_id != 0 ? subgoal_id : followup->id);
      sqlite3_bind_text (stmt, 2, followup->date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      if (subgoal_id != 0)
        {
          _hel_bind_text_or_null (stmt, 4, followup->author);
          sqlite3_bind_int (stmt, 5, followup->internal ? 1 : 0);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            followup->id = sqlite3_column_int64 (stmt, 0);
        }
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, family_id, ok, error);
}

gboolean
hel_store_add_followup (HelStore    *self,
                        gint64       subgoal_id,
                        HelFollowup *followup,
                        GError     **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup != NULL, FALSE);
  g_return_val_if_fail (subgoal_id != 0, FALSE);

  return save_followup (self, subgoal_id, followup, error);
}

gboolean
hel_store_update_followup (HelStore          *self,
                           const HelFollowup *followup,
                           GError           **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup != NULL, FALSE);

  return save_followup (self, 0, (HelFollowup *) followup, error);
}

/* ---- a member leaves ---- */

gboolean
hel_store_count_member_plan_items (HelStore *self,
                                   gint64    member_id,
                                   guint    *n_subgoals,
                                   guint    *n_steps,
                                   GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  stmt = _hel_store_prepare (self,
                             "SELECT (SELECT count(*) FROM subgoal_owner WHERE member_id = ?1), "
                             "(SELECT count(*) FROM step WHERE owner_member_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (n_subgoals)
        *n_subgoals = (guint) sqlite3_column_int (stmt, 0);
      if (n_steps)
        *n_steps = (guint) sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _hel_store_fail (self, rc, error);
  return TRUE;
}

gboolean
hel_store_reassign_member_plan_items (HelStore *self,
                                      gint64    from_member_id,
                                      gint64    to_member_id,
                                      GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  family_id = _hel_store_begin_edit (self, FAMILY_OF_MEMBER, from_member_id,
                                     _("The family member no longer exists."), error);
  if (family_id == 0)
    return FALSE;
  if (to_member_id > 0 && _hel_store_lookup_id (self, FAMILY_OF_MEMBER, to_member_id) != family_id)
    {
      _hel_store_invalid (error, _("Goals can only be given to someone in the same family."));
      return finish (self, family_id, FALSE, error);
    }

  if (to_member_id > 0)
    {
      stmt = _hel_store_prepare (self, "INSERT OR IGNORE INTO subgoal_owner (subgoal_id, member_id) "
                                       "SELECT subgoal_id, ?2 FROM subgoal_owner WHERE member_id = ?1",
                                 error);
      if (stmt == NULL)
        return finish (self, family_id, FALSE, error);
      sqlite3_bind_int64 (stmt, 1, from_member_id);
      sqlite3_bind_int64 (stmt, 2, to_member_id);
      if (!_hel_store_step_done (self, stmt, error))
        return finish (self, family_id, FALSE, error);
    }
  stmt = _hel_store_prepare (self, "DELETE FROM subgoal_owner WHERE member_id = ?1", error);
  if (stmt == NULL)
    return finish (self, family_id, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, from_member_id);
  if (!_hel_store_step_done (self, stmt, error))
    return finish (self, family_id, FALSE, error);

  /* Steps go to the new owner, or to nobody: a step "owned by someone removed" is for a
   * member who left without anyone deciding, not for one whose goals were handed over. */
  stmt = _hel_store_prepare (self, "UPDATE step SET owner_member_id = ?2, "
                                   "owner_kind = CASE WHEN ?2 IS NULL THEN 'none' ELSE 'member' END "
                                   "WHERE owner_member_id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, from_member_id);
      _hel_bind_id_or_null (stmt, 2, to_member_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, family_id, ok, error);
}

/* ---- undo: restore a whole plan ---- */

gboolean
hel_store_restore_plan_from (HelStore *self,
                             HelPlan  *expected,
                             HelPlan  *plan,
                             GError  **error)
{
  g_autoptr(HelPlan) now = NULL;
  gint64 family_id;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (expected != NULL && plan != NULL, FALSE);

  family_id = hel_plan_data (plan)->id;
  if (!hel_store_begin (self, error))
    return FALSE;
  now = hel_store_load_plan (self, family_id, error);
  if (now == NULL)
    return finish (self, family_id, FALSE, error);
  if (!hel_plan_equal (now, expected))
    {
      g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CHANGED,
                           _("The plan was changed elsewhere since, so this cannot be undone "
                             "or redone any more."));
      return finish (self, family_id, FALSE, error);
    }
  return finish (self, family_id, hel_store_restore_plan (self, plan, error), error);
}

gboolean
hel_store_restore_plan (HelStore *self,
                        HelPlan  *plan,
                        GError  **error)
{
  HelPlanData *data = hel_plan_data (plan);
  gint64 family_id = data->id;
  g_autoptr(GArray) goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) subgoal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) step_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) followup_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) entry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;

#define FAIL_IF(cond) G_STMT_START { if (cond) return finish (self, family_id, FALSE, error); } G_STMT_END

  stmt = _hel_store_prepare (self, "UPDATE family SET wishes = ?2 WHERE id = ?1", error);
  FAIL_IF (stmt == NULL);
  sqlite3_bind_int64 (stmt, 1, family_id);
  _hel_bind_text_or_null (stmt, 2, data->wishes);
  FAIL_IF (!_hel_store_run (self, stmt, error));
  if (sqlite3_changes (_hel_store_get_handle (self)) == 0)
    {
      _hel_store_not_found (error, _("The family no longer exists."));
      return finish (self, family_id, FALSE, error);
    }
  stmt = _hel_store_prepare (self, "UPDATE member SET wishes = NULL WHERE family_id = ?1", error);
  FAIL_IF (stmt == NULL);
  sqlite3_bind_int64 (stmt, 1, family_id);
  FAIL_IF (!_hel_store_run (self, stmt, error));
  g_hash_table_iter_init (&iter, data->member_wishes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      stmt = _hel_store_prepare (self, "UPDATE member SET wishes = ?2 WHERE id = ?1 "
                                       "AND family_id = ?3", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      _hel_bind_text_or_null (stmt, 2, value);
      sqlite3_bind_int64 (stmt, 3, family_id);
      FAIL_IF (!_hel_store_run (self, stmt, error));
    }

  for (guint i = 0; i < data->goals->len; i++)
    {
      HelGoal *goal = data->goals->pdata[i];

      g_array_append_val (goal_ids, goal->id);
      stmt = _hel_store_prepare (self,
                                 "INSERT INTO goal (id, family_id, title, created, position) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                                 "family_id = excluded.family_id, title = excluded.title, "
                                 "created = excluded.created, position = excluded.position", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, goal->id);
      sqlite3_bind_int64 (stmt, 2, family_id);
      sqlite3_bind_text (stmt, 3, goal->title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, goal->created, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, goal->position);
      FAIL_IF (!_hel_store_run (self, stmt, error));

      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          HelSubgoal *sg = goal->subgoals->pdata[j];

          g_array_append_val (subgoal_ids, sg->id);
          stmt = _hel_store_prepare (self,
                                     "INSERT INTO subgoal (id, goal_id, wording, deadline, status, "
                                     "scale, next_followup, created, position) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                     "ON CONFLICT (id) DO UPDATE SET goal_id = excluded.goal_id, "
                                     "wording = excluded.wording, deadline = excluded.deadline, "
                                     "status = excluded.status, scale = excluded.scale, "
                                     "next_followup = excluded.next_followup, "
                                     "created = excluded.created, position = excluded.position",
                                     error);
          FAIL_IF (stmt == NULL);
          sqlite3_bind_int64 (stmt, 1, sg->id);
          sqlite3_bind_int64 (stmt, 2, goal->id);
          sqlite3_bind_text (stmt, 3, sg->wording, -1, SQLITE_TRANSIENT);
          _hel_bind_text_or_null (stmt, 4, sg->deadline);
          sqlite3_bind_text (stmt, 5, hel_goal_status_to_code (sg->status), -1, SQLITE_STATIC);
          if (sg->scale >= 0)
            sqlite3_bind_int (stmt, 6, sg->scale);
          _hel_bind_text_or_null (stmt, 7, sg->next_followup);
          sqlite3_bind_text (stmt, 8, sg->created, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 9, sg->position);
          FAIL_IF (!_hel_store_run (self, stmt, error));

          stmt = _hel_store_prepare (self, "DELETE FROM subgoal_owner WHERE subgoal_id = ?1", error);
          FAIL_IF (stmt == NULL);
          sqlite3_bind_int64 (stmt, 1, sg->id);
          FAIL_IF (!_hel_store_run (self, stmt, error));
          for (guint k = 0; k < sg->owners->len; k++)
            {
              stmt = _hel_store_prepare (self,
                                         "INSERT OR IGNORE INTO subgoal_owner (subgoal_id, member_id) "
                                         "SELECT ?1, id FROM member WHERE id = ?2 AND family_id = ?3",
                                         error);
              FAIL_IF (stmt == NULL);
              sqlite3_bind_int64 (stmt, 1, sg->id);
              sqlite3_bind_int64 (stmt, 2, g_array_index (sg->owners, gint64, k));
              sqlite3_bind_int64 (stmt, 3, family_id);
              FAIL_IF (!_hel_store_run (self, stmt, error));
            }

          for (guint k = 0; k < sg->steps->len; k++)
            {
              HelStep *t = sg->steps->pdata[k];

              g_array_append_val (step_ids, t->id);
              stmt = _hel_store_prepare (self,
                                         "INSERT INTO step (id, subgoal_id, what, owner_kind, "
                                         "owner_member_id, owner_caseworker_id, owner_name, due, "
                                         "done, done_date, position) VALUES (?1, ?2, ?3, ?4, "
                                         "(SELECT id FROM member WHERE id = ?5), "
                                         "(SELECT id FROM caseworker WHERE id = ?6), ?7, ?8, ?9, "
                                         "?10, ?11) ON CONFLICT (id) DO UPDATE SET "
                                         "subgoal_id = excluded.subgoal_id, what = excluded.what, "
                                         "owner_kind = excluded.owner_kind, "
                                         "owner_member_id = excluded.owner_member_id, "
                                         "owner_caseworker_id = excluded.owner_caseworker_id, "
                                         "owner_name = excluded.owner_name, due = excluded.due, "
                                         "done = excluded.done, done_date = excluded.done_date, "
                                         "position = excluded.position", error);
              FAIL_IF (stmt == NULL);
              sqlite3_bind_int64 (stmt, 1, t->id);
              sqlite3_bind_int64 (stmt, 2, sg->id);
              sqlite3_bind_text (stmt, 3, t->what, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 4, hel_owner_kind_to_code (t->owner_kind), -1, SQLITE_STATIC);
              sqlite3_bind_int64 (stmt, 5, t->owner_member_id);
              sqlite3_bind_int64 (stmt, 6, t->owner_caseworker_id);
              _hel_bind_text_or_null (stmt, 7, t->owner_name);
              _hel_bind_text_or_null (stmt, 8, t->due);
              sqlite3_bind_int (stmt, 9, t->done ? 1 : 0);
              _hel_bind_text_or_null (stmt, 10, t->done_date);
              sqlite3_bind_int (stmt, 11, t->position);
              FAIL_IF (!_hel_store_run (self, stmt, error));
            }

          for (guint k = 0; k < sg->followups->len; k++)
            {
              HelFollowup *f = sg->followups->pdata[k];

              g_array_append_val (followup_ids, f->id);
              stmt = _hel_store_prepare (self,
                                         "INSERT INTO followup (id, subgoal_id, date, text, author, "
                                         "internal) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) "
                                         "DO UPDATE SET subgoal_id = excluded.subgoal_id, "
                                         "date = excluded.date, text = excluded.text, "
                                         "author = excluded.author, internal = excluded.internal",
                                         error);
              FAIL_IF (stmt == NULL);
              sqlite3_bind_int64 (stmt, 1, f->id);
              sqlite3_bind_int64 (stmt, 2, sg->id);
              sqlite3_bind_text (stmt, 3, f->date, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 4, f->text, -1, SQLITE_TRANSIENT);
              _hel_bind_text_or_null (stmt, 5, f->author);
              sqlite3_bind_int (stmt, 6, f->internal ? 1 : 0);
              FAIL_IF (!_hel_store_run (self, stmt, error));
            }

          for (guint k = 0; k < sg->scale_history->len; k++)
            {
              HelScaleEntry *e = sg->scale_history->pdata[k];

              g_array_append_val (entry_ids, e->id);
              stmt = _hel_store_prepare (self,
                                         "INSERT INTO scale_entry (id, subgoal_id, value, set_by, "
                                         "set_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) "
                                         "DO UPDATE SET subgoal_id = excluded.subgoal_id, "
                                         "value = excluded.value, set_by = excluded.set_by, "
                                         "set_at = excluded.set_at", error);
              FAIL_IF (stmt == NULL);
              sqlite3_bind_int64 (stmt, 1, e->id);
              sqlite3_bind_int64 (stmt, 2, sg->id);
              sqlite3_bind_int (stmt, 3, e->value);
              _hel_bind_text_or_null (stmt, 4, e->set_by);
              sqlite3_bind_text (stmt, 5, e->set_at, -1, SQLITE_TRANSIENT);
              FAIL_IF (!_hel_store_run (self, stmt, error));
            }
        }
    }

  /* Rows of this family that the snapshot does not have go, children before parents. */
  {
    static const struct { const char *sql; } deletes[] = {
      { "DELETE FROM scale_entry WHERE id NOT IN (SELECT value FROM json_each(?2)) AND subgoal_id IN "
        "(SELECT s.id FROM subgoal s JOIN goal g ON g.id = s.goal_id WHERE g.family_id = ?1)" },
      { "DELETE FROM followup WHERE id NOT IN (SELECT value FROM json_each(?2)) AND subgoal_id IN "
        "(SELECT s.id FROM subgoal s JOIN goal g ON g.id = s.goal_id WHERE g.family_id = ?1)" },
      { "DELETE FROM step WHERE id NOT IN (SELECT value FROM json_each(?2)) AND subgoal_id IN "
        "(SELECT s.id FROM subgoal s JOIN goal g ON g.id = s.goal_id WHERE g.family_id = ?1)" },
      { "DELETE FROM subgoal WHERE id NOT IN (SELECT value FROM json_each(?2)) AND goal_id IN "
        "(SELECT id FROM goal WHERE family_id = ?1)" },
      { "DELETE FROM goal WHERE id NOT IN (SELECT value FROM json_each(?2)) AND family_id = ?1" },
    };
    GArray *keep[] = { entry_ids, followup_ids, step_ids, subgoal_ids, goal_ids };

    for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
      {
        g_free (json);
        json = _hel_store_ids_json (keep[i]);
        stmt = _hel_store_prepare (self, deletes[i].sql, error);
        FAIL_IF (stmt == NULL);
        sqlite3_bind_int64 (stmt, 1, family_id);
        sqlite3_bind_text (stmt, 2, json, -1, SQLITE_TRANSIENT);
        FAIL_IF (!_hel_store_run (self, stmt, error));
      }
  }
#undef FAIL_IF

  return finish (self, family_id, TRUE, error);
}

/* ---- versions ---- */

gint64
hel_store_save_plan_version (HelStore   *self,
                             gint64      family_id,
                             const char *participants,
                             GError    **error)
{
  g_autoptr(HelPlan) plan = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = _hel_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), 0);

  if (!hel_store_begin (self, error))
    return 0;
  plan = hel_store_load_plan (self, family_id, error);
  if (plan == NULL)
    {
      hel_store_rollback (self);
      return 0;
    }
  node = hel_plan_to_json (plan);
  json = json_to_string (node, FALSE);
  stmt = _hel_store_prepare (self, "INSERT INTO plan_version (family_id, created, participants, "
                                   "snapshot) VALUES (?1, ?2, ?3, ?4) RETURNING id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, family_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      _hel_bind_text_or_null (stmt, 3, participants);
      sqlite3_bind_text (stmt, 4, json, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      ok = _hel_store_step_done (self, stmt, error);
    }
  if (!finish (self, family_id, ok, error))
    return 0;
  return id;
}

GPtrArray *
hel_store_list_plan_versions (HelStore *self,
                              gint64    family_id,
                              GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_plan_version_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT id, created, participants FROM plan_version "
                                   "WHERE family_id = ?1 ORDER BY created DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelPlanVersion *v = g_new0 (HelPlanVersion, 1);
      v->id = sqlite3_column_int64 (stmt, 0);
      v->created = g_strdup (_hel_column_text (stmt, 1));
      v->participants = g_strdup (_hel_column_text (stmt, 2));
      g_ptr_array_add (list, v);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

HelPlan *
hel_store_load_plan_version (HelStore *self,
                             gint64    version_id,
                             GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT snapshot FROM plan_version WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    json = g_strdup (_hel_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      _hel_store_not_found (error, _("The saved version no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _hel_store_fail (self, rc, error);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  return hel_plan_from_json (json_parser_get_root (parser), error);
}

/* ---- due dates across families ---- */

GHashTable *
hel_store_plan_due_counts (HelStore   *self,
                           const char *today,
                           GError    **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);
  g_return_val_if_fail (hel_date_is_valid_iso (today), NULL);

  /* The same rule as hel_subgoal_due_state / hel_step_due_state: open small goals by their
   * deadline, and the steps not done under open small goals by their date. */
  stmt = _hel_store_prepare (self,
                             "SELECT family_id, sum(d < ?1), sum(d >= ?1 AND d <= date(?1, '+14 days')) "
                             "FROM (SELECT g.family_id AS family_id, s.deadline AS d FROM subgoal s "
                             "      JOIN goal g ON g.id = s.goal_id "
                             "      WHERE s.status NOT IN ('achieved', 'dropped') AND s.deadline IS NOT NULL "
                             "      UNION ALL "
                             "      SELECT g.family_id, t.due FROM step t "
                             "      JOIN subgoal s ON s.id = t.subgoal_id JOIN goal g ON g.id = s.goal_id "
                             "      WHERE s.status NOT IN ('achieved', 'dropped') AND t.done = 0 "
                             "      AND t.due IS NOT NULL) "
                             "GROUP BY family_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 family_id = sqlite3_column_int64 (stmt, 0);
      HelDueCounts c = { (guint) sqlite3_column_int (stmt, 1), (guint) sqlite3_column_int (stmt, 2) };

      if (c.overdue == 0 && c.due_soon == 0)
        continue;
      g_hash_table_insert (counts, g_memdup2 (&family_id, sizeof family_id),
                           g_memdup2 (&c, sizeof c));
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}
