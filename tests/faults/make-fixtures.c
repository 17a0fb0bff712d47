/* make-fixtures.c: makes the migration fixtures: one database per earlier schema version.
 *
 *   build/tests/faults/make-fixtures tests/faults/fixtures
 *
 * For each version v from 1 to HEL_STORE_SCHEMA_VERSION it makes helhed-v<v>.db (unless it is
 * there already: a fixture once made is kept, so it stays what that version of Helhed wrote;
 * --force makes them anew). Each is made by applying the first migrations one at a time and,
 * after each, writing that version's sample rows from fixture-rows.h.
 *
 * Make the fixture of your version when your migration is final (it is the newest then): the
 * test asks for one of every version older than HEL_STORE_SCHEMA_VERSION. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "fixture-rows.h"
#include "hel-netmap.h"
#include "hel-plan.h"
#include "hel-store-private.h"

static gboolean
exec_sql (HelStore   *store,
          const char *sql,
          GError    **error)
{
  return _hel_store_exec (store, sql, error);
}

static gboolean
insert_snapshot (HelStore   *store,
                 const char *sql,
                 const char *snapshot,
                 GError    **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, snapshot, -1, SQLITE_TRANSIENT);
  return _hel_store_step_done (store, stmt, error);
}

/* Version 2 keeps saved plan versions as JSON: one of family 1, as the plan was then. */
static gboolean
add_plan_version (HelStore *store,
                  GError  **error)
{
  g_autoptr(HelPlan) plan = hel_plan_new (1);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  HelGoal *goal = hel_goal_new ("Mor i arbejde");
  HelSubgoal *subgoal = hel_subgoal_new ("Åse søger tre job om måneden");

  hel_plan_data (plan)->wishes = g_strdup ("At vi kan bo sammen i ro");
  goal->id = 1;
  goal->created = g_strdup ("2024-02-01");
  subgoal->id = 1;
  subgoal->goal_id = 1;
  subgoal->created = g_strdup ("2024-02-01");
  g_ptr_array_add (goal->subgoals, subgoal);
  g_ptr_array_add (hel_plan_data (plan)->goals, goal);
  node = hel_plan_to_json (plan);
  json = json_to_string (node, FALSE);
  return insert_snapshot (store,
                          "INSERT INTO plan_version (id, family_id, created, participants, "
                          "snapshot) VALUES (1, 1, '2024-02-01T11:00:00Z', 'Åse, Birgitte', ?1)",
                          json, error);
}

/* Version 3 keeps saved map versions as JSON: one of family 1's map, with one person. */
static gboolean
add_netmap_version (HelStore *store,
                    GError  **error)
{
  g_autoptr(HelNetmap) map = hel_netmap_new (1, 0, NULL);
  g_autofree char *json = NULL;
  HelNetmapNode *node = hel_netmap_node_new ("Mormor", -1.2, -0.9);

  map->id = 1;
  node->id = 1;
  if (!hel_netmap_add_node (map, node, error))
    return FALSE;
  json = hel_netmap_to_json_string (map);
  return insert_snapshot (store,
                          "INSERT INTO netmap_version (id, netmap_id, created, label, snapshot) "
                          "VALUES (1, 1, '2024-04-01T10:00:00Z', 'Før mødet', ?1)",
                          json, error);
}

static gboolean
add_rows (HelStore *store,
          int       version,
          GError  **error)
{
  if (version > (int) G_N_ELEMENTS (fixture_rows))
    {
      fprintf (stderr, "make-fixtures: warning: schema version %d has no sample rows; add "
               "them to fixture_rows[] in tests/faults/fixture-rows.h\n", version);
      return TRUE;
    }
  if (!hel_store_begin (store, error))
    return FALSE;
  if (!exec_sql (store, fixture_rows[version - 1].sql, error) ||
      (version == 2 && !add_plan_version (store, error)) ||
      (version == 3 && !add_netmap_version (store, error)))
    {
      hel_store_rollback (store);
      return FALSE;
    }
  return hel_store_commit (store, error);
}

static gboolean
make_fixture (const char *path,
              int         version,
              GError    **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);

  g_unlink (part);
  for (int v = 1; v <= version; v++)
    {
      g_autoptr(HelStore) store = _hel_store_open_at_version (part, v, error);

      if (store == NULL || !add_rows (store, v, error))
        return FALSE;
      /* One self-contained file: no WAL beside it. */
      if (v == version && !exec_sql (store, "PRAGMA journal_mode = DELETE", error))
        return FALSE;
    }
  if (g_rename (part, path) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "could not rename %s", part);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  gboolean force = FALSE;
  const char *dir = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--force"))
        force = TRUE;
      else
        dir = argv[i];
    }
  if (dir == NULL)
    {
      fprintf (stderr, "usage: make-fixtures [--force] tests/faults/fixtures\n");
      return 2;
    }
  g_mkdir_with_parents (dir, 0755);
  for (int v = 1; v <= HEL_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("helhed-v%d.db", v);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          printf ("kept %s\n", path);
          continue;
        }
      g_unlink (path);
      if (!make_fixture (path, v, &error))
        {
          fprintf (stderr, "make-fixtures: version %d: %s\n", v, error->message);
          return 1;
        }
      /* Fixtures are read as they are in the source tree: readable, but no secrets in them. */
      g_chmod (path, 0644);
      printf ("made %s\n", path);
    }
  return 0;
}
