/* hel-store-util.c: what the store files share: refusals, lookups, edits, positions, owners. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-collate.h"
#include "hel-store-private.h"
#include "hel-validate.h"

gboolean
_hel_store_invalid (GError     **error,
                    const char  *message)
{
  g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
_hel_store_not_found (GError     **error,
                      const char  *message)
{
  g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

gint64
_hel_store_lookup_id (HelStore   *self,
                      const char *sql,
                      gint64      param)
{
  sqlite3_stmt *stmt = _hel_store_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, param);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
_hel_store_step_rows (HelStore     *self,
                      sqlite3_stmt *stmt,
                      GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    _hel_store_fail (self, rc, error);
  return FALSE;
}

gboolean
_hel_store_run (HelStore     *self,
                sqlite3_stmt *stmt,
                GError      **error)
{
  return stmt != NULL && _hel_store_step_done (self, stmt, error);
}

gboolean
_hel_store_finish (HelStore   *self,
                   gboolean    ok,
                   const char *what,
                   gint64      id,
                   GError    **error)
{
  if (!ok)
    {
      hel_store_rollback (self);
      return FALSE;
    }
  if (what != NULL)
    _hel_store_queue_change (self, what, id);
  return hel_store_commit (self, error);
}

gint64
_hel_store_begin_edit (HelStore   *self,
                       const char *owner_sql,
                       gint64      id,
                       const char *missing,
                       GError    **error)
{
  gint64 owner_id;

  if (!hel_store_begin (self, error))
    return 0;
  owner_id = _hel_store_lookup_id (self, owner_sql, id);
  if (owner_id == 0)
    {
      _hel_store_not_found (error, missing);
      hel_store_rollback (self);
    }
  return owner_id;
}

gboolean
_hel_store_edit_row (HelStore   *self,
                     const char *what,
                     const char *owner_sql,
                     gint64      id,
                     const char *sql,
                     const char *missing,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 owner_id;
  gboolean ok = FALSE;

  owner_id = _hel_store_begin_edit (self, owner_sql, id, missing, error);
  if (owner_id == 0)
    return FALSE;
  stmt = _hel_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return _hel_store_finish (self, ok, what, owner_id, error);
}

gboolean
_hel_store_insert_positioned (HelStore     *self,
                              sqlite3_stmt *stmt,
                              gint64       *id_out,
                              int          *position_out,
                              GError      **error)
{
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *id_out = sqlite3_column_int64 (stmt, 0);
      *position_out = sqlite3_column_int (stmt, 1);
    }
  return _hel_store_step_done (self, stmt, error);
}

gboolean
_hel_store_reorder (HelStore   *self,
                    const char *list_sql,
                    gint64      list_param,
                    const char *update_sql,
                    gint64      id,
                    guint       new_index,
                    GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  stmt = _hel_store_prepare (self, list_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, list_param);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      if (row != id)
        g_array_append_val (ids, row);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (id > 0)
    g_array_insert_val (ids, MIN (new_index, ids->len), id);

  stmt = _hel_store_prepare (self, update_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);
      if (!_hel_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_hel_store_check_owner (HelStore     *self,
                        gint64        family_id,
                        HelOwnerKind  kind,
                        gint64        member_id,
                        gint64        caseworker_id,
                        const char   *name,
                        GError      **error)
{
  if (kind == HEL_OWNER_MEMBER && member_id > 0 &&
      _hel_store_lookup_id (self, "SELECT family_id FROM member WHERE id = ?1",
                            member_id) != family_id)
    return _hel_store_invalid (error, _("The person responsible is no longer in the family. "
                                        "Choose someone else."));
  if (kind == HEL_OWNER_CASEWORKER && caseworker_id > 0 &&
      _hel_store_lookup_id (self, "SELECT id FROM caseworker WHERE id = ?1", caseworker_id) == 0)
    return _hel_store_invalid (error, _("The caseworker responsible no longer exists. "
                                        "Choose someone else."));
  if (kind == HEL_OWNER_EXTERNAL &&
      !hel_text_require (name, _("the name of the person responsible"), NULL, error))
    return FALSE;
  return TRUE;
}

void
_hel_bind_owner (sqlite3_stmt *stmt,
                 int           first,
                 HelOwnerKind  kind,
                 gint64        member_id,
                 gint64        caseworker_id,
                 const char   *name)
{
  sqlite3_bind_text (stmt, first, hel_owner_kind_to_code (kind), -1, SQLITE_STATIC);
  _hel_bind_id_or_null (stmt, first + 1, kind == HEL_OWNER_MEMBER ? member_id : 0);
  _hel_bind_id_or_null (stmt, first + 2, kind == HEL_OWNER_CASEWORKER ? caseworker_id : 0);
  _hel_bind_text_or_null (stmt, first + 3, kind == HEL_OWNER_EXTERNAL ? name : NULL);
}

char *
_hel_store_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
_hel_store_ids_json (GArray *ids)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* The store's HELHED_DA collation is hel_collate_names (), so SQL and C sort alike. */
int
_hel_store_collate_danish (void       *user_data,
                           int         a_len,
                           const void *a,
                           int         b_len,
                           const void *b)
{
  return hel_collate_names_len (a, a_len, b, b_len);
}
