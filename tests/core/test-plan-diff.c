/* test-plan-diff.c: the differences between two hand-made family plans, as people read them. */
#include "config.h"

#include <locale.h>

#include "hel-plan-diff.h"

static HelGoal *
add_goal (HelPlan    *plan,
          gint64      id,
          const char *title)
{
  HelGoal *goal = hel_goal_new (title);

  goal->id = id;
  goal->created = g_strdup ("2026-01-05");
  g_ptr_array_add (hel_plan_data (plan)->goals, goal);
  return goal;
}

static HelSubgoal *
add_subgoal (HelGoal    *goal,
             gint64      id,
             const char *wording)
{
  HelSubgoal *sg = hel_subgoal_new (wording);

  sg->id = id;
  sg->goal_id = goal->id;
  sg->created = g_strdup ("2026-01-05");
  g_ptr_array_add (goal->subgoals, sg);
  return sg;
}

static HelStep *
add_step (HelSubgoal *sg,
          gint64      id,
          const char *what)
{
  HelStep *step = hel_step_new (what);

  step->id = id;
  g_ptr_array_add (sg->steps, step);
  return step;
}

/* The plan as it was at the meeting in January. */
static HelPlan *
make_plan (void)
{
  HelPlan *plan = hel_plan_new (1);
  HelGoal *work = add_goal (plan, 10, "Mor i arbejde");
  HelGoal *school = add_goal (plan, 11, "Ro om skolegangen");
  HelSubgoal *cv = add_subgoal (work, 100, "Maja skriver et CV");
  HelSubgoal *morning;

  hel_plan_data (plan)->wishes = g_strdup ("Vi vil have mere ro.");
  cv->scale = 3;
  cv->deadline = g_strdup ("2026-03-01");
  add_step (cv, 1000, "Møde med mentor");
  add_step (cv, 1001, "Finde gamle papirer");
  morning = add_subgoal (school, 101, "Malthe kommer i skole til tiden");
  (void) morning;
  add_subgoal (school, 102, "Lektiecafé om tirsdagen");
  return plan;
}

static gboolean
contains (GPtrArray  *diff,
          const char *text)
{
  for (guint i = 0; i < diff->len; i++)
    if (g_strcmp0 (diff->pdata[i], text) == 0)
      return TRUE;
  return FALSE;
}

static void
dump (GPtrArray *diff)
{
  for (guint i = 0; i < diff->len; i++)
    g_test_message ("diff: %s", (char *) diff->pdata[i]);
}

static void
test_equal (void)
{
  g_autoptr(HelPlan) a = make_plan ();
  g_autoptr(HelPlan) b = hel_plan_copy (a);
  g_autoptr(GPtrArray) diff = hel_plan_diff (a, b);

  dump (diff);
  g_assert_cmpuint (diff->len, ==, 0);
}

static void
test_changes (void)
{
  g_autoptr(HelPlan) a = make_plan ();
  g_autoptr(HelPlan) b = hel_plan_copy (a);
  g_autoptr(GPtrArray) diff = NULL;
  HelGoal *work = hel_plan_find_goal (b, 10);
  HelGoal *school = hel_plan_find_goal (b, 11);
  HelSubgoal *cv = hel_plan_find_subgoal (b, 100, NULL);
  HelSubgoal *sg;
  HelStep *step;

  g_free (work->title);
  work->title = g_strdup ("Maja i arbejde");
  cv->status = HEL_GOAL_ACHIEVED;
  cv->scale = 7;
  g_free (cv->deadline);
  cv->deadline = g_strdup ("2026-04-01");
  step = hel_plan_find_step (b, 1000, NULL);
  step->done = TRUE;
  step->done_date = g_strdup ("2026-02-02");
  add_step (cv, 1002, "Sende ansøgning");
  g_ptr_array_remove_index (cv->steps, 1); /* "Finde gamle papirer" */
  g_ptr_array_add (cv->followups, hel_followup_new ("2026-02-02", "Godt møde", "Jonna"));
  ((HelFollowup *) cv->followups->pdata[0])->id = 5000;

  /* One small goal removed, one added, one reworded. */
  sg = hel_plan_find_subgoal (b, 102, NULL);
  g_ptr_array_remove (school->subgoals, sg);
  add_subgoal (school, 103, "Morgenrutine med vækkeur");
  sg = hel_plan_find_subgoal (b, 101, NULL);
  g_free (sg->wording);
  sg->wording = g_strdup ("Malthe møder til tiden");
  add_goal (b, 12, "Mere overskud");

  diff = hel_plan_diff (a, b);
  dump (diff);
  g_assert_true (contains (diff, "Goal “Mor i arbejde” renamed to “Maja i arbejde”"));
  g_assert_true (contains (diff, "Small goal “Maja skriver et CV”: status Not started → Achieved"));
  g_assert_true (contains (diff, "Small goal “Maja skriver et CV”: scale 3 → 7"));
  g_assert_true (contains (diff, "Small goal “Maja skriver et CV”: deadline 2026-03-01 → 2026-04-01"));
  g_assert_true (contains (diff, "Small goal “Maja skriver et CV”: step “Møde med mentor” done"));
  g_assert_true (contains (diff, "Small goal “Maja skriver et CV”: added step “Sende ansøgning”"));
  g_assert_true (contains (diff, "Small goal “Maja skriver et CV”: removed step “Finde gamle papirer”"));
  g_assert_true (contains (diff, "Small goal “Maja skriver et CV”: 1 follow-up note added"));
  g_assert_true (contains (diff, "Small goal “Malthe kommer i skole til tiden” reworded to "
                                 "“Malthe møder til tiden”"));
  g_assert_true (contains (diff, "Added small goal “Morgenrutine med vækkeur”"));
  g_assert_true (contains (diff, "Removed small goal “Lektiecafé om tirsdagen”"));
  g_assert_true (contains (diff, "Added goal “Mere overskud”"));
  g_assert_cmpuint (diff->len, ==, 12);
}

static void
test_moves_and_removals (void)
{
  g_autoptr(HelPlan) a = make_plan ();
  g_autoptr(HelPlan) b = hel_plan_copy (a);
  g_autoptr(GPtrArray) diff = NULL;
  HelPlanData *data = hel_plan_data (b);
  HelGoal *work = hel_plan_find_goal (b, 10);
  HelGoal *school = hel_plan_find_goal (b, 11);
  HelSubgoal *cv = hel_plan_find_subgoal (b, 100, NULL);

  /* The CV moves to the school goal, then the work goal goes; the scale is cleared. */
  g_ptr_array_steal_index (work->subgoals, 0);
  cv->goal_id = school->id;
  cv->scale = -1;
  g_ptr_array_add (school->subgoals, cv);
  g_ptr_array_remove (data->goals, work);
  g_free (data->wishes);
  data->wishes = g_strdup ("Vi vil have ro og et arbejde.");

  diff = hel_plan_diff (a, b);
  dump (diff);
  g_assert_true (contains (diff, "The family’s wishes and hopes changed"));
  g_assert_true (contains (diff, "Small goal “Maja skriver et CV” moved from “Mor i arbejde” to "
                                 "“Ro om skolegangen”"));
  g_assert_true (contains (diff, "Small goal “Maja skriver et CV”: scale 3 → not set"));
  g_assert_true (contains (diff, "Removed goal “Mor i arbejde”"));
  g_assert_false (contains (diff, "Removed small goal “Maja skriver et CV”"));
  g_assert_cmpuint (diff->len, ==, 4);

  /* The other way round, the removed goal is an added one. */
  g_clear_pointer (&diff, g_ptr_array_unref);
  diff = hel_plan_diff (b, a);
  g_assert_true (contains (diff, "Added goal “Mor i arbejde”"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-diff/equal", test_equal);
  g_test_add_func ("/plan-diff/changes", test_changes);
  g_test_add_func ("/plan-diff/moves-and-removals", test_moves_and_removals);

  return g_test_run ();
}
