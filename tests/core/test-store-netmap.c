/* test-store-netmap.c: network maps in the store: round trips, checks, versions, undo and redo. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hel-store-netmap.h"

typedef struct {
  char      *dir;
  char      *path;
  HelStore  *store;
  HelFamily *family;
  HelMember *child;
  guint      changes;
  gint64     last_change_id;
} Fixture;

static void
changed_cb (HelStore *store,
            gint64    id,
            Fixture  *f)
{
  f->changes++;
  f->last_change_id = id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-netmap-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "netmap.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->family = hel_family_new ();
  hel_family_set_name (f->family, "Familien Kort");
  hel_family_set_start_date (f->family, "2025-01-01");
  g_assert_true (hel_store_save_family (f->store, f->family, &error));

  f->child = hel_member_new ();
  hel_member_set_family_id (f->child, hel_family_get_id (f->family));
  hel_member_set_role (f->child, HEL_ROLE_CHILD);
  hel_member_set_first_name (f->child, "Malthe");
  hel_member_set_last_name (f->child, "Kort");
  g_assert_true (hel_store_save_member (f->store, f->child, &error));
  g_assert_no_error (error);

  g_signal_connect (f->store, "changed::netmap", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->child);
  g_clear_object (&f->family);
  g_assert_finalize_object (f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
fid (Fixture *f)
{
  return hel_family_get_id (f->family);
}

static gint64
add_node (Fixture          *f,
          gint64            netmap_id,
          const char       *name,
          double            x,
          double            y,
          HelNetmapNodeKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelNetmapNode) node = hel_netmap_node_new (name, x, y);

  node->kind = kind;
  g_assert_true (hel_store_save_netmap_node (f->store, netmap_id, node, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (node->id, >, 0);
  return node->id;
}

static gint64
add_tie (Fixture          *f,
         gint64            netmap_id,
         gint64            from_id,
         gint64            to_id,
         HelNetmapTieKind  kind,
         HelNetmapArrow    arrow)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelNetmapTie) tie = hel_netmap_tie_new (from_id, to_id, kind, arrow);

  g_assert_true (hel_store_save_netmap_tie (f->store, netmap_id, tie, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tie->id, >, 0);
  return tie->id;
}

static void
test_ensure_and_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(HelFamily) other = hel_family_new ();
  gint64 family_map, child_map;
  HelNetmap *map;

  family_map = hel_store_ensure_netmap (f->store, fid (f), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (family_map, >, 0);
  g_assert_cmpint (f->changes, ==, 1);
  g_assert_cmpint (f->last_change_id, ==, fid (f));
  /* Asking again gives the same map and changes nothing. */
  g_assert_cmpint (hel_store_ensure_netmap (f->store, fid (f), 0, &error), ==, family_map);
  g_assert_cmpint (f->changes, ==, 1);

  child_map = hel_store_ensure_netmap (f->store, fid (f), hel_member_get_id (f->child), &error);
  g_assert_no_error (error);
  g_assert_cmpint (child_map, >, 0);
  g_assert_cmpint (child_map, !=, family_map);

  /* A member of another family cannot have a map here; nor can a family that is not. */
  hel_family_set_name (other, "Andre");
  hel_family_set_start_date (other, "2025-01-01");
  g_assert_true (hel_store_save_family (f->store, other, &error));
  g_assert_cmpint (hel_store_ensure_netmap (f->store, hel_family_get_id (other),
                                            hel_member_get_id (f->child), &error), ==, 0);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (hel_store_ensure_netmap (f->store, 9999, 0, &error), ==, 0);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  maps = hel_store_list_netmaps (f->store, fid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maps->len, ==, 2);
  map = maps->pdata[0];
  g_assert_cmpint (map->id, ==, family_map);
  g_assert_cmpint (map->member_id, ==, 0);
  g_assert_cmpstr (map->centre_name, ==, "Familien Kort");
  map = maps->pdata[1];
  g_assert_cmpint (map->member_id, ==, hel_member_get_id (f->child));
  g_assert_cmpstr (map->centre_name, ==, "Malthe Kort");

  /* Titles. */
  g_assert_true (hel_store_set_netmap_title (f->store, child_map, "  Malthes netværk ", &error));
  {
    g_autoptr(HelNetmap) loaded = hel_store_load_netmap (f->store, child_map, &error);
    g_assert_cmpstr (loaded->title, ==, "Malthes netværk");
  }

  /* A member who leaves takes their map along; erasing the family takes all. */
  g_assert_true (hel_store_delete_member (f->store, hel_member_get_id (f->child), &error));
  g_clear_pointer (&maps, g_ptr_array_unref);
  maps = hel_store_list_netmaps (f->store, fid (f), &error);
  g_assert_cmpuint (maps->len, ==, 1);
  g_assert_true (hel_store_erase_family (f->store, fid (f), &error));
  g_clear_pointer (&maps, g_ptr_array_unref);
  maps = hel_store_list_netmaps (f->store, fid (f), &error);
  g_assert_cmpuint (maps->len, ==, 0);
  g_assert_null (hel_store_load_netmap (f->store, family_map, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelNetmap) map = NULL;
  g_autoptr(HelNetmapNode) mentor = hel_netmap_node_new ("  Mentor Lise ", 1.2, 1.3);
  gint64 id, mormor, far;
  gboolean clamped = FALSE;
  HelNetmapNode *node;
  HelNetmapTie *tie;

  id = hel_store_ensure_netmap (f->store, fid (f), 0, &error);
  mormor = add_node (f, id, "Mormor", -0.6, -0.5, HEL_NETMAP_NODE_PRIVATE);
  far = add_node (f, id, "Far", -1.5, -0.5, HEL_NETMAP_NODE_PRIVATE);
  mentor->kind = HEL_NETMAP_NODE_PROFESSIONAL;
  mentor->actor = g_strdup ("Mentor");
  mentor->colour = g_strdup ("#c061cb");
  mentor->note = g_strdup ("Tirsdage");
  g_assert_true (hel_store_save_netmap_node (f->store, id, mentor, &clamped, &error));
  g_assert_no_error (error);
  g_assert_false (clamped);
  g_assert_cmpstr (mentor->name, ==, "Mentor Lise");

  add_tie (f, id, 0, mormor, HEL_NETMAP_TIE_STRONG, HEL_NETMAP_ARROW_BACK);
  add_tie (f, id, 0, mentor->id, HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_ARROW_BACK);
  add_tie (f, id, mormor, far, HEL_NETMAP_TIE_CONFLICT, HEL_NETMAP_ARROW_NONE);

  map = hel_store_load_netmap (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (map->nodes->len, ==, 3);
  g_assert_cmpuint (map->ties->len, ==, 3);
  node = hel_netmap_find_node (map, mentor->id);
  g_assert_cmpstr (node->name, ==, "Mentor Lise");
  g_assert_cmpint (node->kind, ==, HEL_NETMAP_NODE_PROFESSIONAL);
  g_assert_cmpstr (node->actor, ==, "Mentor");
  g_assert_cmpstr (node->colour, ==, "#c061cb");
  g_assert_cmpstr (node->note, ==, "Tirsdage");
  g_assert_cmpfloat (node->x, ==, 1.2);
  g_assert_cmpint (node->position, ==, 2);
  g_assert_cmpint (hel_netmap_ring_at (node->x, node->y), ==, HEL_NETMAP_RING_EFFECTIVE);
  g_assert_cmpint (hel_netmap_sector_at (node->x, node->y), ==, HEL_NETMAP_SECTOR_SCHOOL_WORK);
  tie = hel_netmap_find_tie_between (map, 0, mormor);
  g_assert_nonnull (tie);
  g_assert_cmpint (tie->from_id, ==, 0);
  g_assert_cmpint (tie->kind, ==, HEL_NETMAP_TIE_STRONG);
  g_assert_cmpint (tie->arrow, ==, HEL_NETMAP_ARROW_BACK);
  g_assert_cmpstr (map->centre_name, ==, "Familien Kort");

  /* Moving: a drop outside the rings lands on the outer ring, and says so. */
  g_assert_true (hel_store_move_netmap_node (f->store, far, -10, 0, &clamped, &error));
  g_assert_no_error (error);
  g_assert_true (clamped);
  g_clear_pointer (&map, hel_netmap_free);
  map = hel_store_load_netmap (f->store, id, &error);
  node = hel_netmap_find_node (map, far);
  g_assert_cmpint (hel_netmap_ring_at (node->x, node->y), ==, HEL_NETMAP_RING_AVAILABLE);
  g_assert_cmpfloat_with_epsilon (node->y, 0, 1e-9);

  /* Editing keeps the place in the drawing order. */
  g_free (mentor->name);
  mentor->name = g_strdup ("Mentor Lise Holm");
  g_assert_true (hel_store_save_netmap_node (f->store, id, mentor, NULL, &error));
  g_assert_cmpint (mentor->position, ==, 2);

  /* Retyping a tie (same id) is fine; removing a person removes their ties. */
  tie = hel_netmap_find_tie_between (map, mormor, far);
  tie->kind = HEL_NETMAP_TIE_BROKEN;
  g_assert_true (hel_store_save_netmap_tie (f->store, id, tie, &error));
  g_assert_no_error (error);
  g_assert_true (hel_store_delete_netmap_node (f->store, mormor, &error));
  g_clear_pointer (&map, hel_netmap_free);
  map = hel_store_load_netmap (f->store, id, &error);
  g_assert_cmpuint (map->nodes->len, ==, 2);
  g_assert_cmpuint (map->ties->len, ==, 1);
  g_assert_true (hel_store_delete_netmap_tie (f->store, ((HelNetmapTie *) map->ties->pdata[0])->id,
                                              &error));
  g_assert_no_error (error);

  /* Every edit told the family. */
  g_assert_cmpint (f->last_change_id, ==, fid (f));
  g_assert_cmpint (f->changes, >=, 10);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelNetmapNode) empty = hel_netmap_node_new ("  ", 1, 1);
  g_autoptr(HelNetmapNode) lost = hel_netmap_node_new ("X", 0, 1);
  g_autoptr(HelNetmapTie) tie = NULL;
  gint64 id, other, a, b, c;
  guint before;

  id = hel_store_ensure_netmap (f->store, fid (f), 0, &error);
  other = hel_store_ensure_netmap (f->store, fid (f), hel_member_get_id (f->child), &error);
  a = add_node (f, id, "A", 1, 0, HEL_NETMAP_NODE_PRIVATE);
  b = add_node (f, id, "B", 0, 1, HEL_NETMAP_NODE_PRIVATE);
  c = add_node (f, other, "C", 0, 1, HEL_NETMAP_NODE_PRIVATE);
  add_tie (f, id, a, b, HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_ARROW_NONE);
  add_tie (f, id, 0, a, HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_ARROW_NONE);
  before = f->changes;

#define REFUSED(call, code, text) G_STMT_START {                 \
    g_assert_false (call);                                      \
    g_assert_error (error, HEL_STORE_ERROR, code);              \
    g_assert_cmpstr (error->message, ==, text);                 \
    g_clear_error (&error);                                     \
  } G_STMT_END

  REFUSED (hel_store_save_netmap_node (f->store, id, empty, NULL, &error),
           HEL_STORE_ERROR_INVALID, "Enter a name for the person on the network map.");
  REFUSED (hel_store_save_netmap_node (f->store, 9999, lost, NULL, &error),
           HEL_STORE_ERROR_NOT_FOUND, "The network map no longer exists.");

  tie = hel_netmap_tie_new (a, a, HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_ARROW_NONE);
  REFUSED (hel_store_save_netmap_tie (f->store, id, tie, &error), HEL_STORE_ERROR_INVALID,
           "A tie joins two different people. Choose someone else to tie to.");
  tie->from_id = b;
  REFUSED (hel_store_save_netmap_tie (f->store, id, tie, &error), HEL_STORE_ERROR_INVALID,
           "These two are already tied. Change the existing tie instead.");
  tie->from_id = 0;
  REFUSED (hel_store_save_netmap_tie (f->store, id, tie, &error), HEL_STORE_ERROR_INVALID,
           "These two are already tied. Change the existing tie instead.");
  tie->from_id = a;
  tie->to_id = c;
  REFUSED (hel_store_save_netmap_tie (f->store, id, tie, &error), HEL_STORE_ERROR_NOT_FOUND,
           "The person at one end of the tie is no longer on the map.");
  tie->to_id = b;
  tie->kind = 77;
  REFUSED (hel_store_save_netmap_tie (f->store, id, tie, &error), HEL_STORE_ERROR_INVALID,
           "Unknown kind of tie.");
  REFUSED (hel_store_move_netmap_node (f->store, 9999, 0, 1, NULL, &error),
           HEL_STORE_ERROR_NOT_FOUND, "The person is no longer on the network map.");
  REFUSED (hel_store_delete_netmap_tie (f->store, 9999, &error),
           HEL_STORE_ERROR_NOT_FOUND, "The tie is no longer on the network map.");
#undef REFUSED

  /* Nothing refused was announced. */
  g_assert_cmpint (f->changes, ==, before);
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(HelNetmap) first = NULL;
  g_autoptr(HelNetmap) old = NULL;
  g_autoptr(HelNetmap) now = NULL;
  HelNetmapVersion *version;
  gint64 id, a, v1, v2;

  id = hel_store_ensure_netmap (f->store, fid (f), 0, &error);
  a = add_node (f, id, "Mormor", -0.5, -0.5, HEL_NETMAP_NODE_PRIVATE);
  add_tie (f, id, 0, a, HEL_NETMAP_TIE_STRONG, HEL_NETMAP_ARROW_NONE);
  first = hel_store_load_netmap (f->store, id, &error);

  v1 = hel_store_save_netmap_version (f->store, id, "Opstart", &error);
  g_assert_no_error (error);
  g_assert_cmpint (v1, >, 0);

  /* The network grows. */
  add_node (f, id, "Mentor", 1, 1, HEL_NETMAP_NODE_PROFESSIONAL);
  g_assert_true (hel_store_move_netmap_node (f->store, a, -2, -1, NULL, &error));
  v2 = hel_store_save_netmap_version (f->store, id, NULL, &error);
  g_assert_cmpint (v2, >, v1);

  versions = hel_store_list_netmap_versions (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  version = versions->pdata[0];
  g_assert_cmpint (version->id, ==, v1);
  g_assert_cmpstr (version->label, ==, "Opstart");
  g_assert_true (g_str_has_suffix (version->created, "Z"));
  g_assert_cmpuint (strlen (version->created), ==, 20);
  g_assert_null (((HelNetmapVersion *) versions->pdata[1])->label);

  /* A version is the map as it was. */
  old = hel_store_load_netmap_version (f->store, v1, &error);
  g_assert_no_error (error);
  g_assert_true (hel_netmap_equal (old, first));
  now = hel_store_load_netmap_version (f->store, v2, &error);
  g_assert_cmpuint (now->nodes->len, ==, 2);
  g_assert_false (hel_netmap_equal (old, now));

  /* Bringing an old version back is a restore. */
  g_assert_true (hel_store_restore_netmap (f->store, old, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HelNetmap) back = hel_store_load_netmap (f->store, id, &error);
    g_assert_true (hel_netmap_equal (back, first));
  }

  g_assert_true (hel_store_delete_netmap_version (f->store, v1, &error));
  g_assert_null (hel_store_load_netmap_version (f->store, v1, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelUndoStack) stack = hel_undo_stack_new (50);
  g_autoptr(HelNetmap) s0 = NULL;
  g_autoptr(HelNetmap) s1 = NULL;
  g_autoptr(HelNetmap) s2 = NULL;
  g_autoptr(HelNetmap) s3 = NULL;
  gint64 id, a, b;

  id = hel_store_ensure_netmap (f->store, fid (f), 0, &error);
  a = add_node (f, id, "A", 1, 0, HEL_NETMAP_NODE_PRIVATE);
  b = add_node (f, id, "B", 0, 1, HEL_NETMAP_NODE_PROFESSIONAL);
  add_tie (f, id, 0, a, HEL_NETMAP_TIE_STRONG, HEL_NETMAP_ARROW_BACK);
  add_tie (f, id, a, b, HEL_NETMAP_TIE_STRESSFUL, HEL_NETMAP_ARROW_NONE);
  s0 = hel_store_load_netmap (f->store, id, &error);

  /* Edit 1: a move. */
  g_assert_true (hel_store_move_netmap_node (f->store, a, 2, 0, NULL, &error));
  s1 = hel_store_load_netmap (f->store, id, &error);
  hel_store_push_netmap_undo (f->store, stack, "Move", hel_netmap_copy (s0), hel_netmap_copy (s1));

  /* Edit 2: a deletion that takes two ties with it. */
  g_assert_true (hel_store_delete_netmap_node (f->store, a, &error));
  s2 = hel_store_load_netmap (f->store, id, &error);
  g_assert_cmpuint (s2->ties->len, ==, 0);
  hel_store_push_netmap_undo (f->store, stack, "Delete", hel_netmap_copy (s1), hel_netmap_copy (s2));

  /* Edit 3: a new person and a title. */
  add_node (f, id, "C", -1, -1, HEL_NETMAP_NODE_PRIVATE);
  g_assert_true (hel_store_set_netmap_title (f->store, id, "Nyt", &error));
  s3 = hel_store_load_netmap (f->store, id, &error);
  hel_store_push_netmap_undo (f->store, stack, "Add", hel_netmap_copy (s2), hel_netmap_copy (s3));

#define ASSERT_STORED(expected) G_STMT_START {                                 \
    g_autoptr(HelNetmap) stored = hel_store_load_netmap (f->store, id, &error); \
    g_assert_no_error (error);                                                 \
    g_assert_true (hel_netmap_equal (stored, expected));                       \
  } G_STMT_END

  g_assert_true (hel_undo_stack_undo (stack, &error));
  ASSERT_STORED (s2);
  g_assert_true (hel_undo_stack_undo (stack, &error));
  /* The deleted person is back with the same id, and so are both ties. */
  ASSERT_STORED (s1);
  g_assert_true (hel_undo_stack_undo (stack, &error));
  ASSERT_STORED (s0);
  g_assert_false (hel_undo_stack_can_undo (stack));

  g_assert_true (hel_undo_stack_redo (stack, &error));
  ASSERT_STORED (s1);
  g_assert_true (hel_undo_stack_redo (stack, &error));
  ASSERT_STORED (s2);
  g_assert_true (hel_undo_stack_undo (stack, &error));
  ASSERT_STORED (s1);
  g_assert_true (hel_undo_stack_redo (stack, &error));
  g_assert_true (hel_undo_stack_redo (stack, &error));
  ASSERT_STORED (s3);
  g_assert_false (hel_undo_stack_can_redo (stack));
  g_assert_no_error (error);
#undef ASSERT_STORED

  /* A snapshot that names a person of another map is refused whole. */
  {
    gint64 other = hel_store_ensure_netmap (f->store, fid (f), hel_member_get_id (f->child), &error);
    gint64 foreign = add_node (f, other, "Fremmed", 1, 1, HEL_NETMAP_NODE_PRIVATE);
    g_autoptr(HelNetmap) bad = hel_netmap_copy (s3);
    HelNetmapNode *stolen = hel_netmap_node_new ("Tyv", 0, 1);

    stolen->id = foreign;
    g_ptr_array_add (bad->nodes, stolen);
    hel_netmap_invalidate_index (bad);
    g_assert_false (hel_store_restore_netmap (f->store, bad, &error));
    g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
    g_clear_error (&error);
    {
      g_autoptr(HelNetmap) stored = hel_store_load_netmap (f->store, id, &error);
      g_autoptr(HelNetmap) theirs = hel_store_load_netmap (f->store, other, &error);
      g_assert_true (hel_netmap_equal (stored, s3));
      g_assert_cmpstr (((HelNetmapNode *) theirs->nodes->pdata[0])->name, ==, "Fremmed");
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/netmap/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("ensure-and-list", test_ensure_and_list);
  ADD ("round-trip", test_round_trip);
  ADD ("refusals", test_refusals);
  ADD ("versions", test_versions);
  ADD ("undo-redo", test_undo_redo);
#undef ADD

  return g_test_run ();
}
