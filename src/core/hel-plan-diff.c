/* hel-plan-diff.c: compares two family plans for the versions window ("Compared with now"). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-plan-diff.h"
#include "hel-validate.h"

static void
add (GPtrArray  *out,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
add (GPtrArray  *out,
     const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (out, g_strdup_vprintf (format, args));
  va_end (args);
}

static char *
date_or_none (const char *iso)
{
  if (iso == NULL || *iso == '\0')
    /* Translators: a date that is not set, as in “deadline none → 01.03.2026” */
    return g_strdup (C_("date", "none"));
  return hel_date_format (iso);
}

static char *
scale_or_none (int value)
{
  if (value < 0)
    /* Translators: a scale that is not set, as in “scale not set → 4” */
    return g_strdup (C_("scale", "not set"));
  return g_strdup_printf ("%d", value);
}

static HelStep *
find_step (HelSubgoal *subgoal,
           gint64      id)
{
  for (guint i = 0; i < subgoal->steps->len; i++)
    {
      HelStep *step = subgoal->steps->pdata[i];
      if (step->id == id)
        return step;
    }
  return NULL;
}

static gboolean
has_followup (HelSubgoal *subgoal,
              gint64      id)
{
  for (guint i = 0; i < subgoal->followups->len; i++)
    if (((HelFollowup *) subgoal->followups->pdata[i])->id == id)
      return TRUE;
  return FALSE;
}

/* The changes inside a small goal that is in both plans. */
static void
diff_subgoal (GPtrArray  *out,
              HelSubgoal *a,
              HelGoal    *goal_a,
              HelSubgoal *b,
              HelGoal    *goal_b)
{
  const char *name = b->wording;

  if (g_strcmp0 (a->wording, b->wording) != 0)
    add (out, _("Small goal “%s” reworded to “%s”"), a->wording, b->wording);
  if (goal_a->id != goal_b->id)
    add (out, _("Small goal “%s” moved from “%s” to “%s”"), name, goal_a->title, goal_b->title);
  if (a->status != b->status)
    add (out, _("Small goal “%s”: status %s → %s"), name,
         hel_goal_status_label (a->status), hel_goal_status_label (b->status));
  if (a->scale != b->scale)
    {
      g_autofree char *from = scale_or_none (a->scale);
      g_autofree char *to = scale_or_none (b->scale);
      add (out, _("Small goal “%s”: scale %s → %s"), name, from, to);
    }
  if (g_strcmp0 (a->deadline, b->deadline) != 0)
    {
      g_autofree char *from = date_or_none (a->deadline);
      g_autofree char *to = date_or_none (b->deadline);
      add (out, _("Small goal “%s”: deadline %s → %s"), name, from, to);
    }
  if (g_strcmp0 (a->next_followup, b->next_followup) != 0)
    {
      g_autofree char *from = date_or_none (a->next_followup);
      g_autofree char *to = date_or_none (b->next_followup);
      add (out, _("Small goal “%s”: next follow-up %s → %s"), name, from, to);
    }

  for (guint i = 0; i < b->steps->len; i++)
    {
      HelStep *step = b->steps->pdata[i];
      HelStep *old = find_step (a, step->id);

      if (old == NULL)
        add (out, step->done ? _("Small goal “%s”: added step “%s” (done)")
                             : _("Small goal “%s”: added step “%s”"), name, step->what);
      else
        {
          if (g_strcmp0 (old->what, step->what) != 0)
            add (out, _("Small goal “%s”: step “%s” reworded to “%s”"), name, old->what,
                 step->what);
          if (!old->done && step->done)
            add (out, _("Small goal “%s”: step “%s” done"), name, step->what);
          else if (old->done && !step->done)
            add (out, _("Small goal “%s”: step “%s” no longer done"), name, step->what);
          if (g_strcmp0 (old->due, step->due) != 0)
            {
              g_autofree char *from = date_or_none (old->due);
              g_autofree char *to = date_or_none (step->due);
              add (out, _("Small goal “%s”: step “%s” due %s → %s"), name, step->what, from, to);
            }
        }
    }
  for (guint i = 0; i < a->steps->len; i++)
    {
      HelStep *step = a->steps->pdata[i];
      if (find_step (b, step->id) == NULL)
        add (out, _("Small goal “%s”: removed step “%s”"), name, step->what);
    }

  {
    guint added = 0;

    for (guint i = 0; i < b->followups->len; i++)
      added += !has_followup (a, ((HelFollowup *) b->followups->pdata[i])->id);
    if (added > 0)
      add (out, g_dngettext (GETTEXT_PACKAGE, "Small goal “%s”: %u follow-up note added",
                             "Small goal “%s”: %u follow-up notes added", added), name, added);
  }
}

GPtrArray *
hel_plan_diff (HelPlan *older,
               HelPlan *newer)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  HelPlanData *a, *b;

  g_return_val_if_fail (older != NULL && newer != NULL, NULL);

  a = hel_plan_data (older);
  b = hel_plan_data (newer);

  if (g_strcmp0 (a->wishes ? a->wishes : "", b->wishes ? b->wishes : "") != 0)
    add (out, "%s", _("The family’s wishes and hopes changed"));
  {
    GHashTableIter iter;
    gpointer key, value;
    guint changed = 0;

    /* Per member: count the members whose wishes differ (added, removed or edited). */
    g_hash_table_iter_init (&iter, b->member_wishes);
    while (g_hash_table_iter_next (&iter, &key, &value))
      changed += g_strcmp0 (g_hash_table_lookup (a->member_wishes, key), value) != 0;
    g_hash_table_iter_init (&iter, a->member_wishes);
    while (g_hash_table_iter_next (&iter, &key, &value))
      changed += !g_hash_table_contains (b->member_wishes, key);
    if (changed > 0)
      add (out, g_dngettext (GETTEXT_PACKAGE, "The wishes of %u family member changed",
                             "The wishes of %u family members changed", changed), changed);
  }

  for (guint i = 0; i < b->goals->len; i++)
    {
      HelGoal *goal = b->goals->pdata[i];
      HelGoal *old = hel_plan_find_goal (older, goal->id);

      if (old == NULL)
        add (out, _("Added goal “%s”"), goal->title);
      else if (g_strcmp0 (old->title, goal->title) != 0)
        add (out, _("Goal “%s” renamed to “%s”"), old->title, goal->title);

      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          HelSubgoal *sg = goal->subgoals->pdata[j];
          HelGoal *old_goal = NULL;
          HelSubgoal *old_sg = hel_plan_find_subgoal (older, sg->id, &old_goal);

          if (old_sg == NULL)
            add (out, _("Added small goal “%s”"), sg->wording);
          else
            diff_subgoal (out, old_sg, old_goal, sg, goal);
        }
    }

  /* What is gone: small goals first, each only once (not again under a removed goal). */
  for (guint i = 0; i < a->goals->len; i++)
    {
      HelGoal *goal = a->goals->pdata[i];

      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          HelSubgoal *sg = goal->subgoals->pdata[j];
          if (hel_plan_find_subgoal (newer, sg->id, NULL) == NULL)
            add (out, _("Removed small goal “%s”"), sg->wording);
        }
      if (hel_plan_find_goal (newer, goal->id) == NULL)
        add (out, _("Removed goal “%s”"), goal->title);
    }

  return g_steal_pointer (&out);
}
