/* test-full-disk.c: a full disk (a test VFS that refuses writes) and broken input: every write
 * fails with a clear message, nothing is half-written, the database is intact afterwards. */
#include "config.h"

#include <locale.h>

#include "fault-util.h"
#include "full-vfs.h"
#include "hel-backup.h"
#include "hel-json.h"
#include "hel-store-netmap.h"
#include "hel-store-plan.h"

typedef struct {
  char     *dir;
  char     *path;
  HelStore *store;
  gint64    family_id;
} Fixture;

static gint64
add_family (HelStore   *store,
            const char *name,
            GError    **error)
{
  g_autoptr(HelFamily) family = hel_family_new ();

  hel_family_set_name (family, name);
  hel_family_set_start_date (family, "2025-01-01");
  if (!hel_store_save_family (store, family, error))
    return 0;
  return hel_family_get_id (family);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  full_vfs_set_full (FALSE);
  f->dir = g_dir_make_tmp ("helhed-full-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "helhed.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->family_id = add_family (f->store, "Familien Østergaard", &error);
  g_assert_no_error (error);
  add_family (f->store, "Familien Hansen", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  full_vfs_set_full (FALSE);
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  fault_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The database as it was before the disk filled: opens, is sound, holds the two families. */
static void
assert_intact (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(HelFamily) first = NULL;
  g_autofree char *report = NULL;

  g_clear_object (&f->store);
  store = hel_store_open (f->path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (hel_store_check_integrity (store, &report, &error));
  families = hel_store_list_families (store, &error);
  g_assert_cmpuint (families->len, ==, 2);
  first = hel_store_get_family (store, f->family_id, &error);
  g_assert_cmpstr (hel_family_get_name (first), ==, "Familien Østergaard");
  f->store = g_steal_pointer (&store);
}

static void
assert_full_error (const GError *error)
{
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
}

static void
test_edits_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_store_get_family (f->store, f->family_id, &error);
  gint64 map_id = hel_store_ensure_netmap (f->store, f->family_id, 0, &error);
  HelNetmapNode *node = hel_netmap_node_new ("Mormor", 1.2, 0.4);
  HelGoal *goal = hel_goal_new ("Mor i arbejde");

  g_assert_no_error (error);
  full_vfs_set_full (TRUE);

  /* A new family, a new name, a plan goal, a person on the map: each refused, said plainly. */
  g_assert_cmpint (add_family (f->store, "Familien Ny", &error), ==, 0);
  assert_full_error (error);
  g_clear_error (&error);
  hel_family_set_name (family, "Familien Omdøbt");
  g_assert_false (hel_store_save_family (f->store, family, &error));
  assert_full_error (error);
  g_clear_error (&error);
  g_assert_false (hel_store_save_goal (f->store, f->family_id, goal, &error));
  assert_full_error (error);
  g_clear_error (&error);
  g_assert_false (hel_store_save_netmap_node (f->store, map_id, node, NULL, &error));
  assert_full_error (error);
  g_clear_error (&error);
  g_assert_cmpuint (full_vfs_refused, >, 0);

  /* Reading still works while the disk is full. */
  {
    g_autoptr(GPtrArray) families = hel_store_list_families (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (families->len, ==, 2);
  }

  /* Space again: the same store takes the edit that failed. */
  full_vfs_set_full (FALSE);
  g_assert_true (hel_store_save_family (f->store, family, &error));
  g_assert_no_error (error);
  hel_family_set_name (family, "Familien Østergaard");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  assert_intact (f);
  hel_goal_free (goal);
  hel_netmap_node_free (node);
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(HelStore) other = hel_store_open (other_path, HEL_STORE_OPEN_CREATE, &error);
  g_autoptr(GBytes) json = NULL;
  gsize length;
  const char *data_text;

  for (int i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Familien Import %d", i);
      add_family (other, name, &error);
    }
  json = hel_json_export_to_bytes (other, HEL_JSON_EXPORT_DEFAULT, &error);
  g_assert_no_error (error);
  data_text = g_bytes_get_data (json, &length);

  full_vfs_set_full (TRUE);
  g_assert_false (hel_json_import_from_data (f->store, data_text, (gssize) length,
                                             HEL_JSON_IMPORT_REPLACE, &error));
  assert_full_error (error);
  full_vfs_set_full (FALSE);
  assert_intact (f);
}

/* A JSON export cut anywhere: refused with a message, the database as it was. */
static void
test_cut_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = hel_json_export_to_bytes (f->store, HEL_JSON_EXPORT_DEFAULT, &error);
  gsize length;
  const char *data_text = g_bytes_get_data (json, &length);

  g_assert_no_error (error);
  for (guint percent = 5; percent < 100; percent += 7)
    {
      gsize cut = length * percent / 100;

      g_assert_false (hel_json_import_from_data (f->store, data_text, (gssize) cut,
                                                 HEL_JSON_IMPORT_REPLACE, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
    }
  assert_intact (f);
}

static void
test_backup_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *dir = hel_backup_dir_for (f->path);
  g_autofree char *made = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDir) folder = NULL;

  full_vfs_set_full (TRUE);
  made = hel_backup_make (f->store, dir, now, &error);
  g_assert_null (made);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  full_vfs_set_full (FALSE);

  /* No half-written backup counts as one, and none is left lying around. */
  list = hel_backup_list (dir, NULL);
  g_assert_cmpuint (list->len, ==, 0);
  folder = g_dir_open (dir, 0, NULL);
  g_assert_null (folder ? g_dir_read_name (folder) : NULL);
  assert_intact (f);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  full_vfs_install ();

#define ADD(path, func) g_test_add ("/faults/full-disk/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("edits-refused", test_edits_refused);
  ADD ("import-refused", test_import_refused);
  ADD ("backup-refused", test_backup_refused);
  ADD ("cut-import", test_cut_import);
#undef ADD
  return g_test_run ();
}
