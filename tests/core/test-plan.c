/* test-plan.c: the family plan in the store: round trips, history, versions, order, undo, due. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "hel-store-plan.h"
#include "hel-validate.h"

typedef struct {
  char      *dir;
  char      *path;
  HelStore  *store;
  HelFamily *family;
  HelMember *mother;
  HelMember *child;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-plan-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->family = hel_family_new ();
  hel_family_set_name (f->family, "Familien Plan");
  hel_family_set_start_date (f->family, "2025-01-01");
  g_assert_true (hel_store_save_family (f->store, f->family, &error));

  f->mother = hel_member_new ();
  hel_member_set_family_id (f->mother, hel_family_get_id (f->family));
  hel_member_set_role (f->mother, HEL_ROLE_MOTHER);
  hel_member_set_first_name (f->mother, "Maja");
  g_assert_true (hel_store_save_member (f->store, f->mother, &error));

  f->child = hel_member_new ();
  hel_member_set_family_id (f->child, hel_family_get_id (f->family));
  hel_member_set_role (f->child, HEL_ROLE_CHILD);
  hel_member_set_first_name (f->child, "Malthe");
  g_assert_true (hel_store_save_member (f->store, f->child, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->mother);
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

static HelGoal *
add_goal (Fixture    *f,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  HelGoal *goal = hel_goal_new (title);

  g_assert_true (hel_store_save_goal (f->store, fid (f), goal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (goal->id, >, 0);
  return goal;
}

static HelSubgoal *
add_subgoal (Fixture    *f,
             HelGoal    *goal,
             const char *wording,
             const char *deadline)
{
  g_autoptr(GError) error = NULL;
  HelSubgoal *sg = hel_subgoal_new (wording);

  sg->goal_id = goal->id;
  sg->created = g_strdup ("2025-01-10");
  sg->deadline = g_strdup (deadline);
  g_assert_true (hel_store_save_subgoal (f->store, sg, &error));
  g_assert_no_error (error);
  return sg;
}

/* Builds a plan with every kind of row, as a caseworker would. */
static void
build_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HelGoal *work = add_goal (f, "Mor i arbejde");
  HelGoal *school = add_goal (f, "Ro om skolegangen");
  HelSubgoal *cv = add_subgoal (f, work, "Maja skriver et CV", "2025-03-01");
  HelSubgoal *bus = add_subgoal (f, school, "Malthe tager bussen selv", "2025-06-01");
  HelStep *step = hel_step_new ("Ring til jobcentret");
  HelStep *mentor = hel_step_new ("Møde med mentor");
  HelFollowup *note = hel_followup_new ("2025-02-01", "CV halvt færdigt", "Jonna");

  g_assert_true (hel_store_set_wishes (f->store, fid (f), 0, "At vi har det godt sammen", &error));
  g_assert_true (hel_store_set_wishes (f->store, fid (f), hel_member_get_id (f->child),
                                       "Jeg vil spille fodbold", &error));
  g_array_append_val (cv->owners, *(gint64[]) { hel_member_get_id (f->mother) });
  g_assert_true (hel_store_save_subgoal (f->store, cv, &error));

  step->owner_kind = HEL_OWNER_MEMBER;
  step->owner_member_id = hel_member_get_id (f->mother);
  step->due = g_strdup ("2025-02-15");
  g_assert_true (hel_store_save_step (f->store, cv->id, step, &error));
  mentor->owner_kind = HEL_OWNER_EXTERNAL;
  mentor->owner_name = g_strdup ("Mentor Lise");
  g_assert_true (hel_store_save_step (f->store, bus->id, mentor, &error));
  g_assert_true (hel_store_add_followup (f->store, cv->id, note, &error));
  g_assert_true (hel_store_set_subgoal_scale (f->store, cv->id, 3, "Jonna", &error));
  g_assert_true (hel_store_set_subgoal_scale (f->store, cv->id, 5, "Maja", &error));
  g_assert_no_error (error);

  hel_goal_free (work);
  hel_goal_free (school);
  hel_subgoal_free (cv);
  hel_subgoal_free (bus);
  hel_step_free (step);
  hel_step_free (mentor);
  hel_followup_free (note);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlan) plan = NULL;
  g_autoptr(HelPlan) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(HelPlan) parsed = NULL;
  HelPlanData *d;
  HelSubgoal *cv;
  HelStep *step;
  gint64 child_id;

  build_plan (f);
  g_clear_object (&f->store);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  plan = hel_store_load_plan (f->store, fid (f), &error);
  g_assert_no_error (error);
  d = hel_plan_data (plan);
  g_assert_cmpstr (d->wishes, ==, "At vi har det godt sammen");
  child_id = hel_member_get_id (f->child);
  g_assert_cmpstr (g_hash_table_lookup (d->member_wishes, &child_id), ==, "Jeg vil spille fodbold");
  g_assert_cmpuint (d->goals->len, ==, 2);
  g_assert_cmpstr (((HelGoal *) d->goals->pdata[0])->title, ==, "Mor i arbejde");
  cv = ((HelGoal *) d->goals->pdata[0])->subgoals->pdata[0];
  g_assert_cmpstr (cv->wording, ==, "Maja skriver et CV");
  g_assert_cmpstr (cv->deadline, ==, "2025-03-01");
  g_assert_cmpint (cv->scale, ==, 5);
  g_assert_cmpuint (cv->owners->len, ==, 1);
  g_assert_true (hel_subgoal_has_owner (cv, hel_member_get_id (f->mother)));
  g_assert_cmpuint (cv->steps->len, ==, 1);
  step = cv->steps->pdata[0];
  g_assert_cmpstr (step->what, ==, "Ring til jobcentret");
  g_assert_cmpint (step->owner_kind, ==, HEL_OWNER_MEMBER);
  g_assert_cmpuint (cv->followups->len, ==, 1);
  g_assert_cmpstr (((HelFollowup *) cv->followups->pdata[0])->author, ==, "Jonna");

  /* Copies and JSON keep everything. */
  copy = hel_plan_copy (plan);
  g_assert_true (hel_plan_equal (plan, copy));
  node = hel_plan_to_json (plan);
  parsed = hel_plan_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (hel_plan_equal (plan, parsed));
}

static void
test_scale_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlan) plan = NULL;
  HelSubgoal *cv;
  gint64 cv_id;

  build_plan (f);
  plan = hel_store_load_plan (f->store, fid (f), &error);
  cv = hel_plan_find_subgoal (plan, ((HelSubgoal *) ((HelGoal *) hel_plan_data (plan)->goals->pdata[0])
                                       ->subgoals->pdata[0])->id, NULL);
  cv_id = cv->id;
  g_assert_cmpuint (cv->scale_history->len, ==, 2);
  g_assert_cmpint (((HelScaleEntry *) cv->scale_history->pdata[0])->value, ==, 3);
  g_assert_cmpstr (((HelScaleEntry *) cv->scale_history->pdata[0])->set_by, ==, "Jonna");
  g_assert_cmpint (((HelScaleEntry *) cv->scale_history->pdata[1])->value, ==, 5);
  g_assert_cmpstr (((HelScaleEntry *) cv->scale_history->pdata[1])->set_by, ==, "Maja");

  g_assert_false (hel_store_set_subgoal_scale (f->store, cv_id, 11, "Jonna", &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hel_store_set_subgoal_scale (f->store, cv_id, -1, "Jonna", &error));
  g_clear_error (&error);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = hel_store_load_plan (f->store, fid (f), &error);
  cv = hel_plan_find_subgoal (plan, cv_id, NULL);
  g_assert_cmpuint (cv->scale_history->len, ==, 2);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HelGoal *goal = add_goal (f, "Økonomi");
  HelGoal *empty = hel_goal_new ("  ");
  HelSubgoal *sg = hel_subgoal_new ("Betale husleje til tiden");
  HelStep *step = hel_step_new ("Lave budget");
  g_autoptr(HelPlan) plan = NULL;

  g_assert_false (hel_store_save_goal (f->store, fid (f), empty, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A deadline before the small goal was made. */
  sg->goal_id = goal->id;
  sg->created = g_strdup ("2025-05-01");
  sg->deadline = g_strdup ("2025-04-30");
  g_assert_false (hel_store_save_subgoal (f->store, sg, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (sg->wording);
  sg->wording = g_strdup ("");
  g_free (sg->deadline);
  sg->deadline = g_strdup ("2025-05-30");
  g_assert_false (hel_store_save_subgoal (f->store, sg, &error));
  g_clear_error (&error);
  g_free (sg->wording);
  sg->wording = g_strdup ("Betale husleje til tiden");
  g_assert_true (hel_store_save_subgoal (f->store, sg, &error));
  g_assert_no_error (error);

  /* A step owned by a member who is then removed keeps its place but loses its owner,
   * and cannot be given to someone outside the family. */
  step->owner_kind = HEL_OWNER_MEMBER;
  step->owner_member_id = hel_member_get_id (f->child);
  g_assert_true (hel_store_save_step (f->store, sg->id, step, &error));
  g_assert_true (hel_store_delete_member (f->store, hel_member_get_id (f->child), &error));
  plan = hel_store_load_plan (f->store, fid (f), &error);
  {
    HelStep *loaded = hel_plan_find_step (plan, step->id, NULL);
    g_assert_nonnull (loaded);
    g_assert_cmpint (loaded->owner_kind, ==, HEL_OWNER_MEMBER);
    g_assert_cmpint (loaded->owner_member_id, ==, 0);
  }
  step->owner_member_id = 424242;
  g_assert_false (hel_store_save_step (f->store, sg->id, step, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* An external owner needs a name. */
  step->owner_kind = HEL_OWNER_EXTERNAL;
  g_assert_false (hel_store_save_step (f->store, sg->id, step, &error));
  g_clear_error (&error);

  hel_goal_free (goal);
  hel_goal_free (empty);
  hel_subgoal_free (sg);
  hel_step_free (step);
}

static GPtrArray *
goal_titles (Fixture *f)
{
  g_autoptr(HelPlan) plan = hel_store_load_plan (f->store, fid (f), NULL);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < hel_plan_data (plan)->goals->len; i++)
    g_ptr_array_add (titles, g_strdup (((HelGoal *) hel_plan_data (plan)->goals->pdata[i])->title));
  return titles;
}

static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HelGoal *a = add_goal (f, "A");
  HelGoal *b = add_goal (f, "B");
  HelGoal *c = add_goal (f, "C");
  HelSubgoal *a1 = add_subgoal (f, a, "a1", NULL);
  HelSubgoal *a2 = add_subgoal (f, a, "a2", NULL);
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(HelPlan) plan = NULL;

  g_assert_true (hel_store_move_goal (f->store, c->id, 0, &error));
  titles = goal_titles (f);
  g_assert_cmpstr (titles->pdata[0], ==, "C");
  g_assert_cmpstr (titles->pdata[1], ==, "A");
  g_assert_cmpstr (titles->pdata[2], ==, "B");
  g_clear_pointer (&titles, g_ptr_array_unref);

  g_assert_true (hel_store_move_goal (f->store, c->id, 99, &error));
  titles = goal_titles (f);
  g_assert_cmpstr (titles->pdata[2], ==, "C");

  /* A small goal moves to another big goal, at a chosen place. */
  g_assert_true (hel_store_move_subgoal (f->store, a2->id, b->id, 0, &error));
  g_assert_true (hel_store_move_subgoal (f->store, a1->id, b->id, 0, &error));
  g_assert_no_error (error);
  plan = hel_store_load_plan (f->store, fid (f), &error);
  {
    HelGoal *lb = hel_plan_find_goal (plan, b->id);
    g_assert_cmpuint (hel_plan_find_goal (plan, a->id)->subgoals->len, ==, 0);
    g_assert_cmpuint (lb->subgoals->len, ==, 2);
    g_assert_cmpstr (((HelSubgoal *) lb->subgoals->pdata[0])->wording, ==, "a1");
    g_assert_cmpstr (((HelSubgoal *) lb->subgoals->pdata[1])->wording, ==, "a2");
  }
  hel_goal_free (a);
  hel_goal_free (b);
  hel_goal_free (c);
  hel_subgoal_free (a1);
  hel_subgoal_free (a2);
}

static void
test_restore_is_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlan) before = NULL;
  g_autoptr(HelPlan) after = NULL;
  g_autoptr(HelPlan) again = NULL;
  g_autoptr(HelPlan) redone = NULL;
  HelGoal *first;

  build_plan (f);
  before = hel_store_load_plan (f->store, fid (f), &error);
  first = hel_plan_data (before)->goals->pdata[0];

  /* A destructive edit: the whole first goal with its small goals, steps and notes. */
  g_assert_true (hel_store_delete_goal (f->store, first->id, &error));
  g_assert_true (hel_store_set_wishes (f->store, fid (f), 0, "Noget andet", &error));
  after = hel_store_load_plan (f->store, fid (f), &error);
  g_assert_false (hel_plan_equal (before, after));

  /* Undo puts back exactly what was there, with the same ids. */
  g_assert_true (hel_store_restore_plan (f->store, before, &error));
  g_assert_no_error (error);
  again = hel_store_load_plan (f->store, fid (f), &error);
  g_assert_true (hel_plan_equal (before, again));

  /* Redo. */
  g_assert_true (hel_store_restore_plan (f->store, after, &error));
  redone = hel_store_load_plan (f->store, fid (f), &error);
  g_assert_true (hel_plan_equal (after, redone));
}

/* Undo and redo check that the plan is still as the edit left it, in the same transaction:
 * what another connection wrote in between is never wiped out. */
static void
test_restore_refuses_changed (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlan) before = NULL;
  g_autoptr(HelPlan) after = NULL;
  g_autoptr(HelPlan) seen = NULL;
  g_autoptr(HelStore) other = NULL;
  g_autoptr(HelStep) step = hel_step_new ("Aftalt på tavlemødet");
  HelSubgoal *cv;

  build_plan (f);
  before = hel_store_load_plan (f->store, fid (f), &error);
  g_assert_true (hel_store_set_wishes (f->store, fid (f), 0, "Ro og orden", &error));
  after = hel_store_load_plan (f->store, fid (f), &error);

  /* Unchanged since: undo and redo go through */
  g_assert_true (hel_store_restore_plan_from (f->store, after, before, &error));
  g_assert_no_error (error);
  g_assert_true (hel_store_restore_plan_from (f->store, before, after, &error));
  g_assert_no_error (error);

  /* Someone else adds a step (the board's agreements do): undo is refused, nothing changes */
  other = hel_store_open (f->path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cv = ((HelGoal *) hel_plan_data (after)->goals->pdata[0])->subgoals->pdata[0];
  g_assert_true (hel_store_save_step (other, cv->id, step, &error));
  g_assert_false (hel_store_restore_plan_from (f->store, after, before, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  seen = hel_store_load_plan (f->store, fid (f), &error);
  g_assert_cmpstr (hel_plan_data (seen)->wishes, ==, "Ro og orden");
  g_assert_nonnull (hel_plan_find_step (seen, step->id, NULL));
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(HelPlan) current = NULL;
  g_autoptr(HelPlan) old = NULL;
  gint64 v1;

  build_plan (f);
  v1 = hel_store_save_plan_version (f->store, fid (f), "Maja, Jonna, Frede", &error);
  g_assert_no_error (error);
  g_assert_cmpint (v1, >, 0);
  current = hel_store_load_plan (f->store, fid (f), &error);

  g_assert_true (hel_store_set_wishes (f->store, fid (f), 0, "Nye ønsker", &error));
  versions = hel_store_list_plan_versions (f->store, fid (f), &error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpstr (((HelPlanVersion *) versions->pdata[0])->participants, ==, "Maja, Jonna, Frede");

  old = hel_store_load_plan_version (f->store, v1, &error);
  g_assert_no_error (error);
  g_assert_true (hel_plan_equal (old, current));
  g_assert_cmpstr (hel_plan_data (old)->wishes, ==, "At vi har det godt sammen");
}

static void
test_member_leaves (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlan) plan = NULL;
  gint64 mother = hel_member_get_id (f->mother), child = hel_member_get_id (f->child);
  HelSubgoal *cv;
  guint n_subgoals = 99, n_steps = 99;

  build_plan (f);
  g_assert_true (hel_store_count_member_plan_items (f->store, mother, &n_subgoals, &n_steps, &error));
  g_assert_cmpuint (n_subgoals, ==, 1);
  g_assert_cmpuint (n_steps, ==, 1);
  g_assert_true (hel_store_count_member_plan_items (f->store, child, &n_subgoals, &n_steps, &error));
  g_assert_cmpuint (n_subgoals, ==, 0);

  /* Handed to the child: the goal and the step follow. */
  g_assert_true (hel_store_reassign_member_plan_items (f->store, mother, child, &error));
  g_assert_no_error (error);
  g_assert_true (hel_store_count_member_plan_items (f->store, mother, &n_subgoals, &n_steps, &error));
  g_assert_cmpuint (n_subgoals + n_steps, ==, 0);
  plan = hel_store_load_plan (f->store, fid (f), &error);
  cv = ((HelGoal *) hel_plan_data (plan)->goals->pdata[0])->subgoals->pdata[0];
  g_assert_true (hel_subgoal_has_owner (cv, child));
  g_assert_cmpint (((HelStep *) cv->steps->pdata[0])->owner_member_id, ==, child);

  /* Handed to nobody: no owner and no "removed" warning. */
  g_assert_true (hel_store_reassign_member_plan_items (f->store, child, 0, &error));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = hel_store_load_plan (f->store, fid (f), &error);
  cv = ((HelGoal *) hel_plan_data (plan)->goals->pdata[0])->subgoals->pdata[0];
  g_assert_cmpuint (cv->owners->len, ==, 0);
  g_assert_cmpint (((HelStep *) cv->steps->pdata[0])->owner_kind, ==, HEL_OWNER_NONE);

  /* Not to a stranger. */
  g_assert_false (hel_store_reassign_member_plan_items (f->store, mother, 424242, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
}

static void
test_due_states (void)
{
  HelSubgoal *sg = hel_subgoal_new ("x");
  HelStep *step = hel_step_new ("y");

  sg->deadline = g_strdup ("2025-03-01");
  g_assert_cmpint (hel_subgoal_due_state (sg, "2025-01-01"), ==, HEL_DUE_LATER);
  g_assert_cmpint (hel_subgoal_due_state (sg, "2025-02-15"), ==, HEL_DUE_SOON);  /* 14 days */
  g_assert_cmpint (hel_subgoal_due_state (sg, "2025-02-14"), ==, HEL_DUE_LATER); /* 15 days */
  g_assert_cmpint (hel_subgoal_due_state (sg, "2025-03-01"), ==, HEL_DUE_SOON);  /* the day */
  g_assert_cmpint (hel_subgoal_due_state (sg, "2025-03-02"), ==, HEL_DUE_OVERDUE);
  sg->status = HEL_GOAL_ACHIEVED;
  g_assert_cmpint (hel_subgoal_due_state (sg, "2025-03-02"), ==, HEL_DUE_NONE);
  sg->status = HEL_GOAL_DROPPED;
  g_assert_cmpint (hel_subgoal_due_state (sg, "2030-01-01"), ==, HEL_DUE_NONE);
  sg->status = HEL_GOAL_PAUSED;
  g_assert_cmpint (hel_subgoal_due_state (sg, "2030-01-01"), ==, HEL_DUE_OVERDUE);

  /* Across a leap day and a year end. */
  step->due = g_strdup ("2024-03-01");
  g_assert_cmpint (hel_step_due_state (step, "2024-02-16"), ==, HEL_DUE_SOON);
  g_assert_cmpint (hel_step_due_state (step, "2024-02-15"), ==, HEL_DUE_LATER);
  g_free (step->due);
  step->due = g_strdup ("2026-01-05");
  g_assert_cmpint (hel_step_due_state (step, "2025-12-25"), ==, HEL_DUE_SOON);
  step->done = TRUE;
  g_assert_cmpint (hel_step_due_state (step, "2027-01-01"), ==, HEL_DUE_NONE);
  g_assert_cmpint (hel_due_state_for_date (NULL, "2027-01-01"), ==, HEL_DUE_NONE);

  hel_subgoal_free (sg);
  hel_step_free (step);
}

static void
test_due_counts (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) early = NULL;
  g_autoptr(GHashTable) late = NULL;
  g_autoptr(HelPlan) plan = NULL;
  gint64 id = fid (f);
  HelDueCounts *c;
  guint overdue, soon;

  build_plan (f);
  /* 2025-02-05: step due 02-15 is soon, the CV deadline 03-01 is later. */
  early = hel_store_plan_due_counts (f->store, "2025-02-05", &error);
  g_assert_no_error (error);
  c = g_hash_table_lookup (early, &id);
  g_assert_nonnull (c);
  g_assert_cmpuint (c->overdue, ==, 0);
  g_assert_cmpuint (c->due_soon, ==, 1);

  /* 2025-05-20: CV and its step overdue; the bus goal (06-01) due soon. */
  late = hel_store_plan_due_counts (f->store, "2025-05-20", &error);
  c = g_hash_table_lookup (late, &id);
  g_assert_cmpuint (c->overdue, ==, 2);
  g_assert_cmpuint (c->due_soon, ==, 1);

  /* The in-memory count agrees with the SQL one. */
  plan = hel_store_load_plan (f->store, id, &error);
  hel_plan_count_due (plan, "2025-05-20", &overdue, &soon);
  g_assert_cmpuint (overdue, ==, 2);
  g_assert_cmpuint (soon, ==, 1);

  /* Per small goal: the CV's own deadline and its step; the bus goal only its deadline. Once
   * the CV is achieved its open step no longer counts. */
  {
    HelSubgoal *cv = ((HelGoal *) hel_plan_data (plan)->goals->pdata[0])->subgoals->pdata[0];
    HelSubgoal *bus = ((HelGoal *) hel_plan_data (plan)->goals->pdata[1])->subgoals->pdata[0];

    hel_subgoal_count_due (cv, "2025-05-20", &overdue, &soon);
    g_assert_cmpuint (overdue, ==, 2);
    g_assert_cmpuint (soon, ==, 0);
    hel_subgoal_count_due (cv, "2025-02-05", &overdue, &soon);
    g_assert_cmpuint (overdue, ==, 0);
    g_assert_cmpuint (soon, ==, 1);
    hel_subgoal_count_due (bus, "2025-05-20", &overdue, &soon);
    g_assert_cmpuint (overdue, ==, 0);
    g_assert_cmpuint (soon, ==, 1);
    cv->status = HEL_GOAL_ACHIEVED;
    hel_subgoal_count_due (cv, "2025-05-20", &overdue, &soon);
    g_assert_cmpuint (overdue, ==, 0);
    g_assert_cmpuint (soon, ==, 0);
  }
}

static void
test_json_rejects (void)
{
  const char *bad[] = {
    "[]",
    "{\"family_id\": 1, \"wishes\": null, \"member_wishes\": [], \"goals\": [{\"id\": 1}]}",
    "{\"family_id\": 1, \"wishes\": null, \"member_wishes\": [], \"goals\": [{\"id\": 1, \"title\": \"t\", "
    "\"created\": \"2025-02-30\", \"position\": 0, \"subgoals\": []}]}",
    "{\"family_id\": 1, \"wishes\": null, \"member_wishes\": [], \"goals\": [{\"id\": 1, \"title\": \"t\", "
    "\"created\": \"2025-02-01\", \"position\": 0, \"subgoals\": [{\"id\": 2, \"wording\": \"w\", "
    "\"deadline\": null, \"status\": \"done-ish\", \"scale\": 4, \"next_followup\": null, "
    "\"created\": \"2025-02-01\", \"position\": 0, \"owners\": [], \"steps\": [], \"followups\": [], "
    "\"scale_history\": []}]}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(HelPlan) plan = NULL;

      g_assert_true (json_parser_load_from_data (parser, bad[i], -1, NULL));
      plan = hel_plan_from_json (json_parser_get_root (parser), &error);
      g_assert_null (plan);
      g_assert_nonnull (error);
    }
}

static void
note_change_cb (HelStore *store,
                gint64    family_id,
                GArray   *changed)
{
  g_array_append_val (changed, family_id);
}

/* A note's date and text are corrected in place; its author stays, and bad input changes
 * nothing. */
static void
test_followup_edit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelGoal) goal = add_goal (f, "Mor i arbejde");
  g_autoptr(HelSubgoal) cv = add_subgoal (f, goal, "Maja skriver et CV", "2025-03-01");
  g_autoptr(HelFollowup) note = hel_followup_new ("2025-02-01", "CV halvt færdigt", "Jonna");
  g_autoptr(HelPlan) plan = NULL;
  HelFollowup *seen;

  note->internal = TRUE;
  g_assert_true (hel_store_add_followup (f->store, cv->id, note, &error));
  g_assert_no_error (error);

  g_free (note->text);
  note->text = g_strdup ("  CV færdigt, sendt til to firmaer  ");
  g_free (note->date);
  note->date = g_strdup ("2025-01-30");
  g_free (note->author);
  note->author = g_strdup ("Someone else");
  g_assert_true (hel_store_update_followup (f->store, note, &error));
  g_assert_no_error (error);

  g_free (note->text);
  note->text = g_strdup ("   ");
  g_assert_false (hel_store_update_followup (f->store, note, &error));
  g_assert_cmpstr (error->message, ==, "Enter the follow-up note.");
  g_clear_error (&error);
  g_free (note->text);
  note->text = g_strdup ("Ny tekst");
  g_free (note->date);
  note->date = g_strdup ("2025-02-30");
  g_assert_false (hel_store_update_followup (f->store, note, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  plan = hel_store_load_plan (f->store, fid (f), &error);
  g_assert_no_error (error);
  seen = ((HelSubgoal *) ((HelGoal *) hel_plan_data (plan)->goals->pdata[0])->subgoals->pdata[0])
           ->followups->pdata[0];
  g_assert_cmpint (seen->id, ==, note->id);
  g_assert_cmpstr (seen->text, ==, "CV færdigt, sendt til to firmaer");
  g_assert_cmpstr (seen->date, ==, "2025-01-30");
  g_assert_cmpstr (seen->author, ==, "Jonna");
  g_assert_true (seen->internal);
}

/* An edit of something gone says what is gone, changes nothing and leaves no transaction
 * open: the next edit is seen by another connection at once. */
static void
test_gone (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(HelGoal) goal = add_goal (f, "Et godt hjem");
  g_autoptr(HelFollowup) followup = hel_followup_new ("2025-02-03", "Talt med Maja", NULL);
  g_autoptr(HelStore) other = NULL;
  g_autoptr(HelPlan) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 gone = 9999;

  g_signal_connect (f->store, "changed::plan", G_CALLBACK (note_change_cb), changed);
#define TRY(call, msg) G_STMT_START { \
    g_clear_error (&error); \
    g_assert_false (call); \
    g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND); \
    g_assert_cmpstr (error->message, ==, msg); \
  } G_STMT_END
  TRY (hel_store_delete_goal (f->store, gone, &error), "The goal no longer exists.");
  TRY (hel_store_delete_subgoal (f->store, gone, &error), "The small goal no longer exists.");
  TRY (hel_store_delete_step (f->store, gone, &error), "The step no longer exists.");
  TRY (hel_store_delete_followup (f->store, gone, &error),
       "The follow-up note no longer exists.");
  TRY (hel_store_move_goal (f->store, gone, 0, &error), "The goal no longer exists.");
  TRY (hel_store_move_subgoal (f->store, gone, goal->id, 0, &error),
       "The small goal no longer exists.");
  TRY (hel_store_move_step (f->store, gone, 0, &error), "The step no longer exists.");
  TRY (hel_store_set_subgoal_scale (f->store, gone, 5, "Anne", &error),
       "The small goal no longer exists.");
  TRY (hel_store_add_followup (f->store, gone, followup, &error),
       "The small goal no longer exists.");
  followup->id = gone;
  TRY (hel_store_update_followup (f->store, followup, &error),
       "The follow-up note no longer exists.");
  TRY (hel_store_reassign_member_plan_items (f->store, gone, 0, &error),
       "The family member no longer exists.");
#undef TRY
  g_assert_cmpuint (changed->len, ==, 0);
  g_clear_error (&error);

  /* Each edit tells once, for the family. */
  g_assert_true (hel_store_move_goal (f->store, goal->id, 0, &error));
  g_assert_no_error (error);
  g_assert_true (hel_store_delete_goal (f->store, goal->id, &error));
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, fid (f));
  g_assert_cmpint (g_array_index (changed, gint64, 1), ==, fid (f));
  other = hel_store_open (f->path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  seen = hel_store_load_plan (other, fid (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hel_plan_data (seen)->goals->len, ==, 0);
  g_signal_handlers_disconnect_by_data (f->store, changed);
}

/* What erasing the family would take, counted for the confirmation. */
static void
test_family_record_counts (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HelFamilyRecordCounts c = { 0 };

  build_plan (f);
  g_assert_true (hel_store_save_plan_version (f->store, fid (f), "Maja, Jonna", &error) > 0);
  g_assert_true (hel_store_count_family_records (f->store, fid (f), &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.members, ==, 2);
  g_assert_cmpuint (c.goals, ==, 2);
  g_assert_cmpuint (c.subgoals, ==, 2);
  g_assert_cmpuint (c.plan_versions, ==, 1);
  g_assert_cmpuint (c.map_people, ==, 0);
  g_assert_cmpuint (c.measurements, ==, 0);

  /* Another family's count is its own */
  g_assert_true (hel_store_count_family_records (f->store, 9999, &c, &error));
  g_assert_cmpuint (c.members, ==, 0);
  g_assert_cmpuint (c.goals, ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/plan/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("store/round-trip", test_round_trip);
  ADD ("store/scale-history", test_scale_history);
  ADD ("store/validation", test_validation);
  ADD ("store/reorder", test_reorder);
  ADD ("store/restore-is-undo", test_restore_is_undo);
  ADD ("store/restore-refuses-changed", test_restore_refuses_changed);
  ADD ("store/versions", test_versions);
  ADD ("store/due-counts", test_due_counts);
  ADD ("store/member-leaves", test_member_leaves);
  ADD ("store/followup-edit", test_followup_edit);
  ADD ("store/gone", test_gone);
  ADD ("store/family-record-counts", test_family_record_counts);
#undef ADD
  g_test_add_func ("/plan/due-states", test_due_states);
  g_test_add_func ("/plan/json/rejects", test_json_rejects);

  return g_test_run ();
}
