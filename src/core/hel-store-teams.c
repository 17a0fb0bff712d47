/* hel-store-teams.c: teams and caseworkers in the store. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-store-private.h"
#include "hel-validate.h"

GPtrArray *
hel_store_list_teams (HelStore *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) teams = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT id, name FROM team ORDER BY name COLLATE "
                                   HEL_COLLATE_DANISH, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (teams, hel_team_new (sqlite3_column_int64 (stmt, 0),
                                          _hel_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hel_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&teams);
}

gboolean
hel_store_save_team (HelStore *self,
                     HelTeam  *team,
                     GError  **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEL_IS_TEAM (team), FALSE);

  if (!hel_text_require (hel_team_get_name (team), _("a team name"), &name, error))
    return FALSE;

  id = hel_team_get_id (team);
  if (!hel_store_begin (self, error))
    return FALSE;
  if (id > 0)
    stmt = _hel_store_prepare (self, "UPDATE team SET name = ?2 WHERE id = ?1", error);
  else
    stmt = _hel_store_prepare (self, "INSERT INTO team (name) VALUES (?2)", error);
  if (stmt == NULL)
    goto fail;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (!_hel_store_step_done (self, stmt, error))
    {
      if (error && *error && g_error_matches (*error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID))
        {
          g_clear_error (error);
          g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID,
                       _("There is already a team called “%s”."), name);
        }
      goto fail;
    }
  if (id <= 0)
    id = sqlite3_last_insert_rowid (_hel_store_get_handle (self));
  _hel_store_queue_change (self, "team", id);
  if (!hel_store_commit (self, error))
    return FALSE;
  hel_team_set_id (team, id);
  hel_team_set_name (team, name);
  return TRUE;

fail:
  hel_store_rollback (self);
  return FALSE;
}

gboolean
hel_store_delete_team (HelStore *self,
                       gint64    team_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "DELETE FROM team WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, team_id);
  if (!_hel_store_step_done (self, stmt, error))
    goto fail;
  _hel_store_queue_change (self, "team", team_id);
  return hel_store_commit (self, error);

fail:
  hel_store_rollback (self);
  return FALSE;
}

#define CASEWORKER_COLUMNS "id, name, discipline, team_id, phone, email"

static HelCaseworker *
caseworker_from_row (sqlite3_stmt *stmt)
{
  HelCaseworker *cw = hel_caseworker_new ();
  HelDiscipline discipline = HEL_DISCIPLINE_OTHER;

  hel_discipline_from_code (_hel_column_text (stmt, 2), &discipline);
  hel_caseworker_set_id (cw, sqlite3_column_int64 (stmt, 0));
  hel_caseworker_set_name (cw, _hel_column_text (stmt, 1));
  hel_caseworker_set_discipline (cw, discipline);
  hel_caseworker_set_team_id (cw, sqlite3_column_int64 (stmt, 3));
  hel_caseworker_set_phone (cw, _hel_column_text (stmt, 4));
  hel_caseworker_set_email (cw, _hel_column_text (stmt, 5));
  return cw;
}

GPtrArray *
hel_store_list_caseworkers (HelStore *self,
                            GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT " CASEWORKER_COLUMNS " FROM caseworker "
                                   "ORDER BY name COLLATE " HEL_COLLATE_DANISH ", id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, caseworker_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hel_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

HelCaseworker *
hel_store_get_caseworker (HelStore *self,
                          gint64    caseworker_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  HelCaseworker *cw = NULL;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT " CASEWORKER_COLUMNS " FROM caseworker WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, caseworker_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    cw = caseworker_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                 _("The caseworker no longer exists."));
  else if (rc != SQLITE_ROW)
    _hel_store_fail (self, rc, error);
  return cw;
}

gboolean
hel_store_save_caseworker (HelStore      *self,
                           HelCaseworker *caseworker,
                           GError       **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEL_IS_CASEWORKER (caseworker), FALSE);

  if (!hel_text_require (hel_caseworker_get_name (caseworker), _("the caseworker’s name"),
                         &name, error))
    return FALSE;

  id = hel_caseworker_get_id (caseworker);
  if (!hel_store_begin (self, error))
    return FALSE;
  if (id > 0)
    stmt = _hel_store_prepare (self, "UPDATE caseworker SET name = ?2, discipline = ?3, "
                                     "team_id = ?4, phone = ?5, email = ?6 WHERE id = ?1", error);
  else
    stmt = _hel_store_prepare (self, "INSERT INTO caseworker (name, discipline, team_id, phone, "
                                     "email) VALUES (?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hel_discipline_to_code (hel_caseworker_get_discipline (caseworker)),
                     -1, SQLITE_STATIC);
  _hel_bind_id_or_null (stmt, 4, hel_caseworker_get_team_id (caseworker));
  _hel_bind_text_or_null (stmt, 5, hel_caseworker_get_phone (caseworker));
  _hel_bind_text_or_null (stmt, 6, hel_caseworker_get_email (caseworker));
  if (!_hel_store_step_done (self, stmt, error))
    goto fail;
  if (id <= 0)
    id = sqlite3_last_insert_rowid (_hel_store_get_handle (self));
  _hel_store_queue_change (self, "caseworker", id);
  if (!hel_store_commit (self, error))
    return FALSE;
  hel_caseworker_set_id (caseworker, id);
  hel_caseworker_set_name (caseworker, name);
  return TRUE;

fail:
  hel_store_rollback (self);
  return FALSE;
}

gboolean
hel_store_delete_caseworker (HelStore *self,
                             gint64    caseworker_id,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "DELETE FROM caseworker WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, caseworker_id);
  if (!_hel_store_step_done (self, stmt, error))
    goto fail;
  /* Families lose the caseworker (ON DELETE SET NULL), so their views must refresh too. */
  _hel_store_queue_change (self, "caseworker", caseworker_id);
  return hel_store_commit (self, error);

fail:
  hel_store_rollback (self);
  return FALSE;
}
