/* hel-store-netmap.c: network maps in the store: load whole, write one edit at a time, versions. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hel-store-netmap.h"
#include "hel-store-private.h"

void
hel_netmap_version_free (HelNetmapVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->created);
  g_free (version->label);
  g_free (version);
}

/* The model's checks speak the store's error domain here, so callers match one domain. */
static gboolean
model_refused (GError  **error,
               GError   *model_error)
{
  _hel_store_invalid (error, model_error->message);
  g_error_free (model_error);
  return FALSE;
}

#define FAMILY_OF_NETMAP "SELECT family_id FROM netmap WHERE id = ?1"
#define NETMAP_OF_NODE "SELECT netmap_id FROM netmap_node WHERE id = ?1"
#define NETMAP_OF_TIE "SELECT netmap_id FROM netmap_tie WHERE id = ?1"
#define NETMAP_OF_VERSION "SELECT netmap_id FROM netmap_version WHERE id = ?1"

/* Every edit ends here: stamp the map as modified, queue "netmap" for the family, commit. */
static gboolean
finish (HelStore *self,
        gint64    netmap_id,
        gint64    family_id,
        gboolean  ok,
        GError  **error)
{
  if (ok && netmap_id > 0)
    {
      g_autofree char *now = _hel_store_now_utc ();
      sqlite3_stmt *stmt = _hel_store_prepare (self, "UPDATE netmap SET modified = ?2 WHERE id = ?1",
                                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, netmap_id);
          sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
          ok = _hel_store_step_done (self, stmt, error);
        }
    }
  return _hel_store_finish (self, ok, "netmap", family_id, error);
}

/* ---- maps ---- */

#define NETMAP_COLUMNS \
  "n.id, n.family_id, coalesce(n.member_id, 0), n.title, f.name, " \
  "trim(m.first_name || ' ' || coalesce(m.last_name, ''))"
#define NETMAP_FROM \
  " FROM netmap n JOIN family f ON f.id = n.family_id LEFT JOIN member m ON m.id = n.member_id "

static HelNetmap *
netmap_from_row (sqlite3_stmt *stmt)
{
  HelNetmap *map = hel_netmap_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                                   _hel_column_text (stmt, 3));

  map->id = sqlite3_column_int64 (stmt, 0);
  map->centre_name = g_strdup (map->member_id > 0 ? _hel_column_text (stmt, 5)
                                                  : _hel_column_text (stmt, 4));
  return map;
}

GPtrArray *
hel_store_list_netmaps (HelStore *self,
                        gint64    family_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) maps = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_netmap_free);
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT " NETMAP_COLUMNS NETMAP_FROM
                                   "WHERE n.family_id = ?1 "
                                   "ORDER BY n.member_id IS NOT NULL, m.position, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    g_ptr_array_add (maps, netmap_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&maps);
}

gint64
hel_store_ensure_netmap (HelStore *self,
                         gint64    family_id,
                         gint64    member_id,
                         GError  **error)
{
  g_autofree char *now = _hel_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (HEL_IS_STORE (self), 0);

  if (!hel_store_begin (self, error))
    return 0;
  if (_hel_store_lookup_id (self, "SELECT id FROM family WHERE id = ?1", family_id) == 0)
    {
      _hel_store_not_found (error, _("The family no longer exists."));
      hel_store_rollback (self);
      return 0;
    }
  if (member_id > 0 &&
      _hel_store_lookup_id (self, "SELECT family_id FROM member WHERE id = ?1",
                            member_id) != family_id)
    {
      _hel_store_not_found (error, _("The family member no longer exists."));
      hel_store_rollback (self);
      return 0;
    }
  stmt = _hel_store_prepare (self, "SELECT id FROM netmap WHERE family_id = ?1 "
                                   "AND coalesce(member_id, 0) = ?2", error);
  if (stmt == NULL)
    {
      hel_store_rollback (self);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, family_id);
  sqlite3_bind_int64 (stmt, 2, MAX (member_id, 0));
  id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (id > 0)
    {
      hel_store_rollback (self);
      return id;
    }

  stmt = _hel_store_prepare (self, "INSERT INTO netmap (family_id, member_id, created, modified) "
                                   "VALUES (?1, ?2, ?3, ?3) RETURNING id", error);
  if (stmt == NULL)
    {
      hel_store_rollback (self);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, family_id);
  _hel_bind_id_or_null (stmt, 2, member_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!finish (self, 0, family_id, _hel_store_step_done (self, stmt, error) && id > 0, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FAILED,
                             _("The network map could not be made."));
      return 0;
    }
  return id;
}

HelNetmap *
hel_store_load_netmap (HelStore *self,
                       gint64    netmap_id,
                       GError  **error)
{
  g_autoptr(HelNetmap) map = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT " NETMAP_COLUMNS NETMAP_FROM "WHERE n.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, netmap_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        _hel_store_not_found (error, _("The network map no longer exists."));
      else
        _hel_store_fail (self, rc, error);
      return NULL;
    }
  map = netmap_from_row (stmt);
  sqlite3_reset (stmt);

  stmt = _hel_store_prepare (self, "SELECT id, name, x, y, kind, actor, colour, note, position "
                                   "FROM netmap_node WHERE netmap_id = ?1 ORDER BY position, id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, netmap_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelNetmapNode *node = hel_netmap_node_new (_hel_column_text (stmt, 1),
                                                 sqlite3_column_double (stmt, 2),
                                                 sqlite3_column_double (stmt, 3));
      node->id = sqlite3_column_int64 (stmt, 0);
      if (!hel_netmap_node_kind_from_code (_hel_column_text (stmt, 4), &node->kind))
        node->kind = HEL_NETMAP_NODE_PRIVATE;
      node->actor = g_strdup (_hel_column_text (stmt, 5));
      node->colour = g_strdup (_hel_column_text (stmt, 6));
      node->note = g_strdup (_hel_column_text (stmt, 7));
      node->position = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (map->nodes, node);
    }
  if (local_error != NULL)
    goto fail;
  hel_netmap_invalidate_index (map);

  stmt = _hel_store_prepare (self, "SELECT id, coalesce(from_node_id, 0), to_node_id, kind, arrow "
                                   "FROM netmap_tie WHERE netmap_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, netmap_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelNetmapTie *tie = hel_netmap_tie_new (sqlite3_column_int64 (stmt, 1),
                                              sqlite3_column_int64 (stmt, 2),
                                              HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_ARROW_NONE);
      tie->id = sqlite3_column_int64 (stmt, 0);
      if (!hel_netmap_tie_kind_from_code (_hel_column_text (stmt, 3), &tie->kind))
        tie->kind = HEL_NETMAP_TIE_NORMAL;
      if (!hel_netmap_arrow_from_code (_hel_column_text (stmt, 4), &tie->arrow))
        tie->arrow = HEL_NETMAP_ARROW_NONE;
      g_ptr_array_add (map->ties, tie);
    }
  if (local_error != NULL)
    goto fail;
  return g_steal_pointer (&map);

fail:
  g_propagate_error (error, local_error);
  return NULL;
}

gboolean
hel_store_set_netmap_title (HelStore   *self,
                            gint64      netmap_id,
                            const char *title,
                            GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (title ? title : ""));
  sqlite3_stmt *stmt;
  gint64 family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  family_id = _hel_store_lookup_id (self, FAMILY_OF_NETMAP, netmap_id);
  if (family_id == 0)
    return finish (self, 0, 0, _hel_store_not_found (error, _("The network map no longer exists.")),
                   error);
  stmt = _hel_store_prepare (self, "UPDATE netmap SET title = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, netmap_id);
      _hel_bind_text_or_null (stmt, 2, trimmed);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, netmap_id, family_id, ok, error);
}

gboolean
hel_store_delete_netmap (HelStore *self,
                         gint64    netmap_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  family_id = _hel_store_lookup_id (self, FAMILY_OF_NETMAP, netmap_id);
  if (family_id == 0)
    return finish (self, 0, 0, _hel_store_not_found (error, _("The network map no longer exists.")),
                   error);
  stmt = _hel_store_prepare (self, "DELETE FROM netmap WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, netmap_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, 0, family_id, ok, error);
}

/* ---- people ---- */

gboolean
hel_store_save_netmap_node (HelStore      *self,
                            gint64         netmap_id,
                            HelNetmapNode *node,
                            gboolean      *clamped,
                            GError       **error)
{
  GError *model_error = NULL;
  sqlite3_stmt *stmt;
  gint64 family_id;
  double x, y;
  gboolean moved, ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (!hel_netmap_validate_node (node, &model_error))
    return model_refused (error, model_error);
  x = node->x;
  y = node->y;
  moved = hel_netmap_clamp_position (&x, &y);

  if (!hel_store_begin (self, error))
    return FALSE;
  family_id = _hel_store_lookup_id (self, FAMILY_OF_NETMAP, netmap_id);
  if (family_id == 0)
    return finish (self, 0, 0, _hel_store_not_found (error, _("The network map no longer exists.")),
                   error);

  if (node->id > 0)
    stmt = _hel_store_prepare (self,
                               "UPDATE netmap_node SET name = ?2, x = ?3, y = ?4, kind = ?5, "
                               "actor = ?6, colour = ?7, note = ?8 WHERE id = ?9 AND netmap_id = ?1 "
                               "RETURNING id, position", error);
  else
    stmt = _hel_store_prepare (self,
                               "INSERT INTO netmap_node (netmap_id, name, x, y, kind, actor, colour, "
                               "note, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                               "(SELECT coalesce(max(position), -1) + 1 FROM netmap_node "
                               "WHERE netmap_id = ?1)) RETURNING id, position", error);
  if (stmt == NULL)
    return finish (self, netmap_id, family_id, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, netmap_id);
  sqlite3_bind_text (stmt, 2, node->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 3, x);
  sqlite3_bind_double (stmt, 4, y);
  sqlite3_bind_text (stmt, 5, hel_netmap_node_kind_to_code (node->kind), -1, SQLITE_STATIC);
  _hel_bind_text_or_null (stmt, 6, node->actor);
  _hel_bind_text_or_null (stmt, 7, node->colour);
  _hel_bind_text_or_null (stmt, 8, node->note);
  if (node->id > 0)
    sqlite3_bind_int64 (stmt, 9, node->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      node->id = sqlite3_column_int64 (stmt, 0);
      node->position = sqlite3_column_int (stmt, 1);
      ok = TRUE;
    }
  ok = _hel_store_step_done (self, stmt, error) && ok;
  if (!ok && (error == NULL || *error == NULL))
    _hel_store_not_found (error, _("The person is no longer on the network map."));
  if (ok)
    {
      node->x = x;
      node->y = y;
      if (clamped != NULL)
        *clamped = moved;
    }
  return finish (self, netmap_id, family_id, ok, error);
}

gboolean
hel_store_move_netmap_node (HelStore *self,
                            gint64    node_id,
                            double    x,
                            double    y,
                            gboolean *clamped,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 netmap_id, family_id;
  gboolean moved, ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  moved = hel_netmap_clamp_position (&x, &y);
  if (!hel_store_begin (self, error))
    return FALSE;
  netmap_id = _hel_store_lookup_id (self, NETMAP_OF_NODE, node_id);
  family_id = _hel_store_lookup_id (self, FAMILY_OF_NETMAP, netmap_id);
  if (family_id == 0)
    return finish (self, 0, 0, _hel_store_not_found (error,
                                                     _("The person is no longer on the network map.")),
                   error);
  stmt = _hel_store_prepare (self, "UPDATE netmap_node SET x = ?2, y = ?3 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, node_id);
      sqlite3_bind_double (stmt, 2, x);
      sqlite3_bind_double (stmt, 3, y);
      ok = _hel_store_step_done (self, stmt, error);
    }
  if (ok && clamped != NULL)
    *clamped = moved;
  return finish (self, netmap_id, family_id, ok, error);
}

gboolean
hel_store_delete_netmap_node (HelStore *self,
                              gint64    node_id,
                              GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 netmap_id, family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  netmap_id = _hel_store_lookup_id (self, NETMAP_OF_NODE, node_id);
  family_id = _hel_store_lookup_id (self, FAMILY_OF_NETMAP, netmap_id);
  if (family_id == 0)
    return finish (self, 0, 0, _hel_store_not_found (error,
                                                     _("The person is no longer on the network map.")),
                   error);
  /* The person's ties go with them (ON DELETE CASCADE). */
  stmt = _hel_store_prepare (self, "DELETE FROM netmap_node WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, node_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, netmap_id, family_id, ok, error);
}

/* ---- ties ---- */

gboolean
hel_store_save_netmap_tie (HelStore     *self,
                           gint64        netmap_id,
                           HelNetmapTie *tie,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 family_id, existing;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (tie != NULL, FALSE);

  if ((guint) tie->kind >= HEL_NETMAP_N_TIE_KINDS)
    return _hel_store_invalid (error, _("Unknown kind of tie."));
  if ((guint) tie->arrow >= HEL_NETMAP_N_ARROWS)
    return _hel_store_invalid (error, _("Unknown direction of support."));
  if (tie->from_id == tie->to_id || tie->to_id <= 0 || tie->from_id < 0)
    return _hel_store_invalid (error,
                               _("A tie joins two different people. Choose someone else to tie to."));

  if (!hel_store_begin (self, error))
    return FALSE;
  family_id = _hel_store_lookup_id (self, FAMILY_OF_NETMAP, netmap_id);
  if (family_id == 0)
    return finish (self, 0, 0, _hel_store_not_found (error, _("The network map no longer exists.")),
                   error);
  if (_hel_store_lookup_id (self, NETMAP_OF_NODE, tie->to_id) != netmap_id ||
      (tie->from_id > 0 && _hel_store_lookup_id (self, NETMAP_OF_NODE, tie->from_id) != netmap_id))
    return finish (self, 0, 0,
                   _hel_store_not_found (error,
                                         _("The person at one end of the tie is no longer on the map.")),
                   error);

  stmt = _hel_store_prepare (self, "SELECT id FROM netmap_tie WHERE netmap_id = ?1 "
                                   "AND min(coalesce(from_node_id, 0), to_node_id) = min(?2, ?3) "
                                   "AND max(coalesce(from_node_id, 0), to_node_id) = max(?2, ?3) "
                                   "AND id <> ?4", error);
  if (stmt == NULL)
    return finish (self, 0, 0, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, netmap_id);
  sqlite3_bind_int64 (stmt, 2, tie->from_id);
  sqlite3_bind_int64 (stmt, 3, tie->to_id);
  sqlite3_bind_int64 (stmt, 4, tie->id);
  existing = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (existing > 0)
    return finish (self, 0, 0,
                   _hel_store_invalid (error,
                                       _("These two are already tied. Change the existing tie instead.")),
                   error);

  if (tie->id > 0)
    stmt = _hel_store_prepare (self, "UPDATE netmap_tie SET from_node_id = ?2, to_node_id = ?3, "
                                     "kind = ?4, arrow = ?5 WHERE id = ?6 AND netmap_id = ?1 "
                                     "RETURNING id", error);
  else
    stmt = _hel_store_prepare (self, "INSERT INTO netmap_tie (netmap_id, from_node_id, to_node_id, "
                                     "kind, arrow) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", error);
  if (stmt == NULL)
    return finish (self, netmap_id, family_id, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, netmap_id);
  _hel_bind_id_or_null (stmt, 2, tie->from_id);
  sqlite3_bind_int64 (stmt, 3, tie->to_id);
  sqlite3_bind_text (stmt, 4, hel_netmap_tie_kind_to_code (tie->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, hel_netmap_arrow_to_code (tie->arrow), -1, SQLITE_STATIC);
  if (tie->id > 0)
    sqlite3_bind_int64 (stmt, 6, tie->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      tie->id = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  ok = _hel_store_step_done (self, stmt, error) && ok;
  if (!ok && (error == NULL || *error == NULL))
    _hel_store_not_found (error, _("The tie is no longer on the network map."));
  return finish (self, netmap_id, family_id, ok, error);
}

gboolean
hel_store_delete_netmap_tie (HelStore *self,
                             gint64    tie_id,
                             GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 netmap_id, family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  netmap_id = _hel_store_lookup_id (self, NETMAP_OF_TIE, tie_id);
  family_id = _hel_store_lookup_id (self, FAMILY_OF_NETMAP, netmap_id);
  if (family_id == 0)
    return finish (self, 0, 0, _hel_store_not_found (error,
                                                     _("The tie is no longer on the network map.")),
                   error);
  stmt = _hel_store_prepare (self, "DELETE FROM netmap_tie WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, tie_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, netmap_id, family_id, ok, error);
}

/* ---- undo: restore a whole map ---- */

static char *
ids_json (GPtrArray *items,
          gsize      id_offset)
{
  GString *s = g_string_new ("[");

  /* Nodes and ties both begin with their gint64 id. */
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            *(gint64 *) ((char *) items->pdata[i] + id_offset));
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

gboolean
hel_store_restore_netmap (HelStore        *self,
                          const HelNetmap *map,
                          GError         **error)
{
  g_autofree char *node_ids = NULL;
  GError *model_error = NULL;
  sqlite3_stmt *stmt;
  gint64 family_id;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (map != NULL, FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  family_id = _hel_store_lookup_id (self, FAMILY_OF_NETMAP, map->id);
  if (family_id == 0)
    return finish (self, 0, 0, _hel_store_not_found (error, _("The network map no longer exists.")),
                   error);

#define FAIL_IF(cond) \
  G_STMT_START { if (cond) return finish (self, map->id, family_id, FALSE, error); } G_STMT_END

  stmt = _hel_store_prepare (self, "UPDATE netmap SET title = ?2 WHERE id = ?1", error);
  FAIL_IF (stmt == NULL);
  sqlite3_bind_int64 (stmt, 1, map->id);
  _hel_bind_text_or_null (stmt, 2, map->title);
  FAIL_IF (!_hel_store_step_done (self, stmt, error));

  /* Ties are rewritten whole: upserting them one by one could trip the one-tie-per-pair rule
   * halfway through (two ties that swap their ends). */
  stmt = _hel_store_prepare (self, "DELETE FROM netmap_tie WHERE netmap_id = ?1", error);
  FAIL_IF (stmt == NULL);
  sqlite3_bind_int64 (stmt, 1, map->id);
  FAIL_IF (!_hel_store_step_done (self, stmt, error));

  node_ids = ids_json (map->nodes, G_STRUCT_OFFSET (HelNetmapNode, id));
  stmt = _hel_store_prepare (self, "DELETE FROM netmap_node WHERE netmap_id = ?1 "
                                   "AND id NOT IN (SELECT value FROM json_each(?2))", error);
  FAIL_IF (stmt == NULL);
  sqlite3_bind_int64 (stmt, 1, map->id);
  sqlite3_bind_text (stmt, 2, node_ids, -1, SQLITE_TRANSIENT);
  FAIL_IF (!_hel_store_step_done (self, stmt, error));

  for (guint i = 0; i < map->nodes->len; i++)
    {
      g_autoptr(HelNetmapNode) node = hel_netmap_node_copy (map->nodes->pdata[i]);

      if (!hel_netmap_validate_node (node, &model_error))
        {
          model_refused (error, model_error);
          FAIL_IF (TRUE);
        }
      hel_netmap_clamp_position (&node->x, &node->y);
      /* The WHERE keeps a row of another map from being taken over; then nothing changes and
       * the restore stops rather than mixing two maps. */
      stmt = _hel_store_prepare (self,
                                 "INSERT INTO netmap_node (id, netmap_id, name, x, y, kind, actor, "
                                 "colour, note, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                 "?10) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                                 "x = excluded.x, y = excluded.y, kind = excluded.kind, "
                                 "actor = excluded.actor, colour = excluded.colour, "
                                 "note = excluded.note, position = excluded.position "
                                 "WHERE netmap_node.netmap_id = excluded.netmap_id", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, node->id);
      sqlite3_bind_int64 (stmt, 2, map->id);
      sqlite3_bind_text (stmt, 3, node->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 4, node->x);
      sqlite3_bind_double (stmt, 5, node->y);
      sqlite3_bind_text (stmt, 6, hel_netmap_node_kind_to_code (node->kind), -1, SQLITE_STATIC);
      _hel_bind_text_or_null (stmt, 7, node->actor);
      _hel_bind_text_or_null (stmt, 8, node->colour);
      _hel_bind_text_or_null (stmt, 9, node->note);
      sqlite3_bind_int (stmt, 10, node->position);
      FAIL_IF (!_hel_store_step_done (self, stmt, error));
      if (sqlite3_changes (_hel_store_get_handle (self)) == 0)
        {
          _hel_store_invalid (error,
                              _("The network map could not be restored: it names a person who is "
                                       "now on another map."));
          FAIL_IF (TRUE);
        }
    }

  for (guint i = 0; i < map->ties->len; i++)
    {
      HelNetmapTie *tie = map->ties->pdata[i];

      if (!hel_netmap_validate_tie (map, tie, &model_error))
        {
          model_refused (error, model_error);
          FAIL_IF (TRUE);
        }
      stmt = _hel_store_prepare (self, "INSERT INTO netmap_tie (id, netmap_id, from_node_id, "
                                       "to_node_id, kind, arrow) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, tie->id);
      sqlite3_bind_int64 (stmt, 2, map->id);
      _hel_bind_id_or_null (stmt, 3, tie->from_id);
      sqlite3_bind_int64 (stmt, 4, tie->to_id);
      sqlite3_bind_text (stmt, 5, hel_netmap_tie_kind_to_code (tie->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, hel_netmap_arrow_to_code (tie->arrow), -1, SQLITE_STATIC);
      FAIL_IF (!_hel_store_step_done (self, stmt, error));
    }
#undef FAIL_IF

  return finish (self, map->id, family_id, TRUE, error);
}

typedef struct {
  HelStore  *store;
  HelNetmap *before;
  HelNetmap *after;
} NetmapUndo;

static void
netmap_undo_free (gpointer data)
{
  NetmapUndo *undo = data;

  g_object_unref (undo->store);
  hel_netmap_free (undo->before);
  hel_netmap_free (undo->after);
  g_free (undo);
}

static gboolean
netmap_undo_cb (gpointer  data,
                GError  **error)
{
  NetmapUndo *undo = data;
  return hel_store_restore_netmap (undo->store, undo->before, error);
}

static gboolean
netmap_redo_cb (gpointer  data,
                GError  **error)
{
  NetmapUndo *undo = data;
  return hel_store_restore_netmap (undo->store, undo->after, error);
}

void
hel_store_push_netmap_undo (HelStore     *self,
                            HelUndoStack *stack,
                            const char   *label,
                            HelNetmap    *before,
                            HelNetmap    *after)
{
  NetmapUndo *undo;

  g_return_if_fail (HEL_IS_STORE (self));
  g_return_if_fail (HEL_IS_UNDO_STACK (stack));
  g_return_if_fail (before != NULL && after != NULL);

  undo = g_new0 (NetmapUndo, 1);
  undo->store = g_object_ref (self);
  undo->before = before;
  undo->after = after;
  hel_undo_stack_push (stack, label, netmap_undo_cb, netmap_redo_cb, undo, netmap_undo_free);
}

/* ---- versions ---- */

gint64
hel_store_save_netmap_version (HelStore   *self,
                               gint64      netmap_id,
                               const char *label,
                               GError    **error)
{
  g_autoptr(HelNetmap) map = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *now = _hel_store_now_utc ();
  g_autofree char *trimmed = g_strstrip (g_strdup (label ? label : ""));
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (HEL_IS_STORE (self), 0);

  if (!hel_store_begin (self, error))
    return 0;
  map = hel_store_load_netmap (self, netmap_id, error);
  if (map == NULL)
    {
      hel_store_rollback (self);
      return 0;
    }
  snapshot = hel_netmap_to_json_string (map);
  stmt = _hel_store_prepare (self, "INSERT INTO netmap_version (netmap_id, created, label, snapshot) "
                                   "VALUES (?1, ?2, ?3, ?4) RETURNING id", error);
  if (stmt == NULL)
    {
      hel_store_rollback (self);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, netmap_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 3, trimmed);
  sqlite3_bind_text (stmt, 4, snapshot, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (!_hel_store_step_done (self, stmt, error) || id == 0)
    {
      hel_store_rollback (self);
      return 0;
    }
  _hel_store_queue_change (self, "netmap", map->family_id);
  if (!hel_store_commit (self, error))
    return 0;
  return id;
}

GPtrArray *
hel_store_list_netmap_versions (HelStore *self,
                                gint64    netmap_id,
                                GError  **error)
{
  g_autoptr(GPtrArray) versions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) hel_netmap_version_free);
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT id, created, label FROM netmap_version "
                                   "WHERE netmap_id = ?1 ORDER BY created, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, netmap_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelNetmapVersion *version = g_new0 (HelNetmapVersion, 1);

      version->id = sqlite3_column_int64 (stmt, 0);
      version->netmap_id = netmap_id;
      version->created = g_strdup (_hel_column_text (stmt, 1));
      version->label = g_strdup (_hel_column_text (stmt, 2));
      g_ptr_array_add (versions, version);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&versions);
}

HelNetmap *
hel_store_load_netmap_version (HelStore *self,
                               gint64    version_id,
                               GError  **error)
{
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  HelNetmap *map;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT snapshot FROM netmap_version WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        _hel_store_not_found (error, _("The saved version of the network map no longer exists."));
      else
        _hel_store_fail (self, rc, error);
      return NULL;
    }
  map = hel_netmap_from_json_string (_hel_column_text (stmt, 0), &local_error);
  sqlite3_reset (stmt);
  if (map == NULL)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CORRUPT,
                   _("The saved version of the network map is damaged (%s)."), local_error->message);
      g_error_free (local_error);
    }
  return map;
}

gboolean
hel_store_delete_netmap_version (HelStore *self,
                                 gint64    version_id,
                                 GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 netmap_id, family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  netmap_id = _hel_store_lookup_id (self, NETMAP_OF_VERSION, version_id);
  family_id = _hel_store_lookup_id (self, FAMILY_OF_NETMAP, netmap_id);
  if (family_id == 0)
    return finish (self, 0, 0,
                   _hel_store_not_found (error,
                                         _("The saved version of the network map no longer exists.")),
                   error);
  stmt = _hel_store_prepare (self, "DELETE FROM netmap_version WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, version_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, 0, family_id, ok, error);
}
