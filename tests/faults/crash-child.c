/* crash-child.c: makes random edits through the store until it is killed, and prints
 * "committed KIND ID CHECKSUM" after each commit has returned (and "editing KIND ID CHECKSUM"
 * before changing a row that was reported before). Used by test-crash.
 *
 *   crash-child DATABASE SEED */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "crash-common.h"
#include "hel-store-netmap.h"
#include "hel-store-plan.h"

static HelStore *store;
static GRand *rng;
static GArray *family_ids;     /* gint64 */
static GArray *subgoal_ids;    /* gint64, made by this run */

static void G_GNUC_NORETURN
fail (const char *what,
      const GError *error)
{
  fprintf (stderr, "crash-child: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static void
report (const char *verb,
        const char *kind,
        gint64      id,
        const char *content)
{
  printf ("%s %s %" G_GINT64_FORMAT " %08x\n", verb, kind, id, crash_checksum (content));
  fflush (stdout);
}

/* Names with the letters a Danish family name has. */
static char *
random_name (const char *prefix)
{
  static const char *parts[] = { "Ø", "stergaard", "Å", "se", "Næ", "rum", "Berg", "Løkke", "Holm" };
  GString *name = g_string_new (prefix);

  for (int i = 0, n = g_rand_int_range (rng, 1, 4); i < n; i++)
    g_string_append (name, parts[g_rand_int_range (rng, 0, G_N_ELEMENTS (parts))]);
  g_string_append_printf (name, " %u", g_rand_int (rng) % 100000);
  return g_string_free (name, FALSE);
}

static gint64
random_family (void)
{
  return g_array_index (family_ids, gint64, g_rand_int_range (rng, 0, family_ids->len));
}

static void
new_family (void)
{
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autofree char *name = random_name ("Familien ");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hel_family_set_name (family, name);
  hel_family_set_start_date (family, "2025-01-15");
  if (!hel_store_save_family (store, family, &error))
    fail ("new family", error);
  id = hel_family_get_id (family);
  g_array_append_val (family_ids, id);
  report ("committed", "family", id, name);
}

static void
rename_family (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_store_get_family (store, random_family (), &error);
  g_autofree char *name = random_name ("Familien ");

  if (family == NULL)
    fail ("get family", error);
  hel_family_set_name (family, name);
  report ("editing", "family", hel_family_get_id (family), name);
  if (!hel_store_save_family (store, family, &error))
    fail ("rename family", error);
  report ("committed", "family", hel_family_get_id (family), name);
}

static void
new_member (void)
{
  g_autoptr(HelMember) member = hel_member_new ();
  g_autofree char *name = random_name ("");
  g_autofree char *content = NULL;
  g_autoptr(GError) error = NULL;
  gint64 family_id = random_family ();

  hel_member_set_family_id (member, family_id);
  hel_member_set_role (member, HEL_ROLE_CHILD);
  hel_member_set_first_name (member, name);
  if (!hel_store_save_member (store, member, &error))
    fail ("new member", error);
  content = crash_child_content (family_id, name);
  report ("committed", "member", hel_member_get_id (member), content);
}

static void
new_goal (void)
{
  g_autofree char *title = random_name ("Mål ");
  g_autofree char *content = NULL;
  g_autoptr(GError) error = NULL;
  gint64 family_id = random_family ();
  HelGoal *goal = hel_goal_new (title);
  HelSubgoal *subgoal = hel_subgoal_new ("Et lille skridt");

  if (!hel_store_save_goal (store, family_id, goal, &error))
    fail ("new goal", error);
  content = crash_child_content (family_id, title);
  report ("committed", "goal", goal->id, content);
  subgoal->goal_id = goal->id;
  if (!hel_store_save_subgoal (store, subgoal, &error))
    fail ("new small goal", error);
  g_array_append_val (subgoal_ids, subgoal->id);
  hel_subgoal_free (subgoal);
  hel_goal_free (goal);
}

static void
new_step (void)
{
  g_autofree char *what = random_name ("Ring til ");
  g_autofree char *content = NULL;
  g_autoptr(GError) error = NULL;
  gint64 subgoal_id;
  HelStep *step;

  if (subgoal_ids->len == 0)
    {
      new_goal ();
      return;
    }
  subgoal_id = g_array_index (subgoal_ids, gint64, g_rand_int_range (rng, 0, subgoal_ids->len));
  step = hel_step_new (what);
  if (!hel_store_save_step (store, subgoal_id, step, &error))
    fail ("new step", error);
  content = crash_child_content (subgoal_id, what);
  report ("committed", "step", step->id, content);
  hel_step_free (step);
}

/* A place between the centre and the outer ring, so the store never moves it. */
static void
random_position (double *x,
                 double *y)
{
  double r = g_rand_double_range (rng, 0.7, 2.8);
  double a = g_rand_double_range (rng, 0, 2 * G_PI);

  *x = r * cos (a);
  *y = r * sin (a);
}

static void
edit_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelNetmap) map = NULL;
  g_autofree char *content = NULL;
  gint64 netmap_id = hel_store_ensure_netmap (store, random_family (), 0, &error);
  gboolean clamped = FALSE;
  double x, y;

  if (netmap_id == 0)
    fail ("ensure map", error);
  map = hel_store_load_netmap (store, netmap_id, &error);
  if (map == NULL)
    fail ("load map", error);
  random_position (&x, &y);
  if (map->nodes->len > 0 && g_rand_boolean (rng))
    {
      HelNetmapNode *node = g_ptr_array_index (map->nodes,
                                               g_rand_int_range (rng, 0, map->nodes->len));

      content = crash_node_content (netmap_id, node->name, x, y);
      report ("editing", "node", node->id, content);
      if (!hel_store_move_netmap_node (store, node->id, x, y, &clamped, &error))
        fail ("move node", error);
      g_assert (!clamped);
      report ("committed", "node", node->id, content);
    }
  else
    {
      g_autofree char *name = random_name ("");
      HelNetmapNode *node = hel_netmap_node_new (name, x, y);

      if (!hel_store_save_netmap_node (store, netmap_id, node, &clamped, &error))
        fail ("new node", error);
      g_assert (!clamped);
      content = crash_node_content (netmap_id, node->name, node->x, node->y);
      report ("committed", "node", node->id, content);
      hel_netmap_node_free (node);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) families = NULL;
  guint64 seed;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT32, &seed, NULL))
    {
      fprintf (stderr, "usage: crash-child DATABASE SEED\n");
      return 2;
    }
  rng = g_rand_new_with_seed ((guint32) seed);
  family_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  subgoal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  store = hel_store_open (argv[1], HEL_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    fail ("open", error);
  families = hel_store_list_families (store, &error);
  if (families == NULL)
    fail ("list", error);
  for (guint i = 0; i < families->len; i++)
    {
      gint64 id = hel_family_get_id (g_ptr_array_index (families, i));
      g_array_append_val (family_ids, id);
    }

  /* Until killed. */
  for (;;)
    {
      int dice = family_ids->len == 0 ? 0 : g_rand_int_range (rng, 0, 100);

      if (dice < 15)
        new_family ();
      else if (dice < 30)
        rename_family ();
      else if (dice < 45)
        new_member ();
      else if (dice < 55)
        new_goal ();
      else if (dice < 70)
        new_step ();
      else
        edit_map ();
    }
}
