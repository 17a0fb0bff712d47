/* hel-store-util.c: helpers the store files share: refusals, lookups, row loops, collation. */
#include "config.h"

#include "hel-collate.h"
#include "hel-store-private.h"

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
