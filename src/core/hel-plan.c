/* hel-plan.c: the family plan tree: construction, lookup, due dates and JSON. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-json-read.h"
#include "hel-plan.h"
#include "hel-validate.h"

struct _HelPlan
{
  gatomicrefcount ref_count;
  HelPlanData     data;
};

G_DEFINE_BOXED_TYPE (HelPlan, hel_plan, hel_plan_ref, hel_plan_unref)

static const struct { const char *code; const char *label; } goal_statuses[HEL_N_GOAL_STATUSES] = {
  { "not-started", N_("Not started") },
  { "in-progress", N_("In progress") },
  { "achieved", N_("Achieved") },
  { "paused", N_("Paused") },
  { "dropped", N_("Dropped") },
};

static const char *owner_kinds[HEL_N_OWNER_KINDS] = { "none", "member", "caseworker", "external" };

const char *
hel_goal_status_to_code (HelGoalStatus status)
{
  g_return_val_if_fail ((guint) status < HEL_N_GOAL_STATUSES, NULL);
  return goal_statuses[status].code;
}

gboolean
hel_goal_status_from_code (const char    *code,
                           HelGoalStatus *status)
{
  for (guint i = 0; code != NULL && i < HEL_N_GOAL_STATUSES; i++)
    if (g_str_equal (code, goal_statuses[i].code))
      {
        *status = (HelGoalStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_goal_status_label (HelGoalStatus status)
{
  g_return_val_if_fail ((guint) status < HEL_N_GOAL_STATUSES, "");
  return g_dgettext (GETTEXT_PACKAGE, goal_statuses[status].label);
}

const char *
hel_owner_kind_to_code (HelOwnerKind kind)
{
  g_return_val_if_fail ((guint) kind < HEL_N_OWNER_KINDS, NULL);
  return owner_kinds[kind];
}

gboolean
hel_owner_kind_from_code (const char   *code,
                          HelOwnerKind *kind)
{
  for (guint i = 0; code != NULL && i < HEL_N_OWNER_KINDS; i++)
    if (g_str_equal (code, owner_kinds[i]))
      {
        *kind = (HelOwnerKind) i;
        return TRUE;
      }
  return FALSE;
}

HelScaleEntry *
hel_scale_entry_new (int         value,
                     const char *set_by,
                     const char *set_at)
{
  HelScaleEntry *entry = g_new0 (HelScaleEntry, 1);
  entry->value = value;
  entry->set_by = g_strdup (set_by);
  entry->set_at = g_strdup (set_at);
  return entry;
}

void
hel_scale_entry_free (HelScaleEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->set_by);
  g_free (entry->set_at);
  g_free (entry);
}

HelFollowup *
hel_followup_new (const char *date,
                  const char *text,
                  const char *author)
{
  HelFollowup *followup = g_new0 (HelFollowup, 1);
  followup->date = g_strdup (date);
  followup->text = g_strdup (text);
  followup->author = g_strdup (author);
  followup->internal = TRUE;
  return followup;
}

void
hel_followup_free (HelFollowup *followup)
{
  if (followup == NULL)
    return;
  g_free (followup->date);
  g_free (followup->text);
  g_free (followup->author);
  g_free (followup);
}

HelStep *
hel_step_new (const char *what)
{
  HelStep *step = g_new0 (HelStep, 1);
  step->what = g_strdup (what);
  return step;
}

void
hel_step_free (HelStep *step)
{
  if (step == NULL)
    return;
  g_free (step->what);
  g_free (step->owner_name);
  g_free (step->due);
  g_free (step->done_date);
  g_free (step);
}

HelSubgoal *
hel_subgoal_new (const char *wording)
{
  HelSubgoal *subgoal = g_new0 (HelSubgoal, 1);
  subgoal->wording = g_strdup (wording);
  subgoal->scale = -1;
  subgoal->owners = g_array_new (FALSE, FALSE, sizeof (gint64));
  subgoal->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_step_free);
  subgoal->followups = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_followup_free);
  subgoal->scale_history = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_scale_entry_free);
  return subgoal;
}

void
hel_subgoal_free (HelSubgoal *subgoal)
{
  if (subgoal == NULL)
    return;
  g_free (subgoal->wording);
  g_free (subgoal->deadline);
  g_free (subgoal->next_followup);
  g_free (subgoal->created);
  g_array_unref (subgoal->owners);
  g_ptr_array_unref (subgoal->steps);
  g_ptr_array_unref (subgoal->followups);
  g_ptr_array_unref (subgoal->scale_history);
  g_free (subgoal);
}

gboolean
hel_subgoal_has_owner (HelSubgoal *subgoal,
                       gint64      member_id)
{
  for (guint i = 0; i < subgoal->owners->len; i++)
    if (g_array_index (subgoal->owners, gint64, i) == member_id)
      return TRUE;
  return FALSE;
}

HelGoal *
hel_goal_new (const char *title)
{
  HelGoal *goal = g_new0 (HelGoal, 1);
  goal->title = g_strdup (title);
  goal->subgoals = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_subgoal_free);
  return goal;
}

void
hel_goal_free (HelGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->title);
  g_free (goal->created);
  g_ptr_array_unref (goal->subgoals);
  g_free (goal);
}

HelPlan *
hel_plan_new (gint64 family_id)
{
  HelPlan *plan = g_new0 (HelPlan, 1);

  g_atomic_ref_count_init (&plan->ref_count);
  plan->data.id = family_id;
  plan->data.member_wishes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  plan->data.goals = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_goal_free);
  return plan;
}

HelPlan *
hel_plan_ref (HelPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_atomic_ref_count_inc (&plan->ref_count);
  return plan;
}

void
hel_plan_unref (HelPlan *plan)
{
  g_return_if_fail (plan != NULL);
  if (!g_atomic_ref_count_dec (&plan->ref_count))
    return;
  g_free (plan->data.wishes);
  g_hash_table_unref (plan->data.member_wishes);
  g_ptr_array_unref (plan->data.goals);
  g_free (plan);
}

HelPlanData *
hel_plan_data (HelPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return &plan->data;
}

gint64
hel_plan_get_family_id (HelPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->data.id;
}

HelPlan *
hel_plan_copy (HelPlan *plan)
{
  g_autoptr(JsonNode) node = NULL;
  HelPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  /* One serialisation for copies, versions and exports keeps them from drifting apart. */
  node = hel_plan_to_json (plan);
  copy = hel_plan_from_json (node, NULL);
  g_assert (copy != NULL);
  return copy;
}

gboolean
hel_plan_equal (HelPlan *a,
                HelPlan *b)
{
  g_autoptr(JsonNode) na = hel_plan_to_json (a);
  g_autoptr(JsonNode) nb = hel_plan_to_json (b);

  return json_node_equal (na, nb);
}

HelGoal *
hel_plan_find_goal (HelPlan *plan,
                    gint64   goal_id)
{
  for (guint i = 0; i < plan->data.goals->len; i++)
    {
      HelGoal *goal = plan->data.goals->pdata[i];
      if (goal->id == goal_id)
        return goal;
    }
  return NULL;
}

HelSubgoal *
hel_plan_find_subgoal (HelPlan  *plan,
                       gint64    subgoal_id,
                       HelGoal **goal_out)
{
  for (guint i = 0; i < plan->data.goals->len; i++)
    {
      HelGoal *goal = plan->data.goals->pdata[i];
      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          HelSubgoal *subgoal = goal->subgoals->pdata[j];
          if (subgoal->id == subgoal_id)
            {
              if (goal_out)
                *goal_out = goal;
              return subgoal;
            }
        }
    }
  return NULL;
}

HelStep *
hel_plan_find_step (HelPlan     *plan,
                    gint64       step_id,
                    HelSubgoal **subgoal_out)
{
  for (guint i = 0; i < plan->data.goals->len; i++)
    {
      HelGoal *goal = plan->data.goals->pdata[i];
      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          HelSubgoal *subgoal = goal->subgoals->pdata[j];
          for (guint k = 0; k < subgoal->steps->len; k++)
            {
              HelStep *step = subgoal->steps->pdata[k];
              if (step->id == step_id)
                {
                  if (subgoal_out)
                    *subgoal_out = subgoal;
                  return step;
                }
            }
        }
    }
  return NULL;
}

HelDueState
hel_due_state_for_date (const char *date,
                        const char *today)
{
  GDate due, now;
  int days;

  if (!hel_date_to_gdate (date, &due) || !hel_date_to_gdate (today, &now))
    return HEL_DUE_NONE;
  days = g_date_days_between (&now, &due);
  if (days < 0)
    return HEL_DUE_OVERDUE;
  if (days <= HEL_PLAN_DUE_SOON_DAYS)
    return HEL_DUE_SOON;
  return HEL_DUE_LATER;
}

HelDueState
hel_subgoal_due_state (HelSubgoal *subgoal,
                       const char *today)
{
  if (subgoal->status == HEL_GOAL_ACHIEVED || subgoal->status == HEL_GOAL_DROPPED)
    return HEL_DUE_NONE;
  return hel_due_state_for_date (subgoal->deadline, today);
}

HelDueState
hel_step_due_state (HelStep    *step,
                    const char *today)
{
  if (step->done)
    return HEL_DUE_NONE;
  return hel_due_state_for_date (step->due, today);
}

void
hel_subgoal_count_due (HelSubgoal *subgoal,
                       const char *today,
                       guint      *overdue,
                       guint      *due_soon)
{
  HelDueState state = hel_subgoal_due_state (subgoal, today);
  gboolean open = subgoal->status != HEL_GOAL_ACHIEVED && subgoal->status != HEL_GOAL_DROPPED;
  guint n_overdue = state == HEL_DUE_OVERDUE, n_soon = state == HEL_DUE_SOON;

  for (guint k = 0; open && k < subgoal->steps->len; k++)
    {
      state = hel_step_due_state (subgoal->steps->pdata[k], today);
      n_overdue += state == HEL_DUE_OVERDUE;
      n_soon += state == HEL_DUE_SOON;
    }
  if (overdue)
    *overdue = n_overdue;
  if (due_soon)
    *due_soon = n_soon;
}

void
hel_plan_count_due (HelPlan    *plan,
                    const char *today,
                    guint      *overdue,
                    guint      *due_soon)
{
  guint n_overdue = 0, n_soon = 0;

  for (guint i = 0; i < plan->data.goals->len; i++)
    {
      HelGoal *goal = plan->data.goals->pdata[i];
      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          guint o, s;

          hel_subgoal_count_due (goal->subgoals->pdata[j], today, &o, &s);
          n_overdue += o;
          n_soon += s;
        }
    }
  if (overdue)
    *overdue = n_overdue;
  if (due_soon)
    *due_soon = n_soon;
}

/* ---- JSON ---- */

static int
compare_member_ids (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = **(gint64 * const *) a, y = **(gint64 * const *) b;
  return x < y ? -1 : x > y;
}

JsonNode *
hel_plan_to_json (HelPlan *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (plan != NULL, NULL);

  json_builder_begin_object (b);
  hel_json_add_int (b, "family_id", plan->data.id);
  hel_json_add_string (b, "wishes", plan->data.wishes);

  /* Member wishes in id order, so equal plans serialise identically. */
  g_hash_table_iter_init (&iter, plan->data.member_wishes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_member_ids);
  json_builder_set_member_name (b, "member_wishes");
  json_builder_begin_array (b);
  for (guint i = 0; i < keys->len; i++)
    {
      gint64 *member_id = keys->pdata[i];
      json_builder_begin_object (b);
      hel_json_add_int (b, "member_id", *member_id);
      hel_json_add_string (b, "text", g_hash_table_lookup (plan->data.member_wishes, member_id));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "goals");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->data.goals->len; i++)
    {
      HelGoal *goal = plan->data.goals->pdata[i];

      json_builder_begin_object (b);
      hel_json_add_int (b, "id", goal->id);
      hel_json_add_string (b, "title", goal->title);
      hel_json_add_string (b, "created", goal->created);
      hel_json_add_int (b, "position", goal->position);
      json_builder_set_member_name (b, "subgoals");
      json_builder_begin_array (b);
      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          HelSubgoal *sg = goal->subgoals->pdata[j];

          json_builder_begin_object (b);
          hel_json_add_int (b, "id", sg->id);
          hel_json_add_string (b, "wording", sg->wording);
          hel_json_add_string (b, "deadline", sg->deadline);
          hel_json_add_string (b, "status", hel_goal_status_to_code (sg->status));
          json_builder_set_member_name (b, "scale");
          if (sg->scale < 0)
            json_builder_add_null_value (b);
          else
            json_builder_add_int_value (b, sg->scale);
          hel_json_add_string (b, "next_followup", sg->next_followup);
          hel_json_add_string (b, "created", sg->created);
          hel_json_add_int (b, "position", sg->position);

          json_builder_set_member_name (b, "owners");
          json_builder_begin_array (b);
          for (guint k = 0; k < sg->owners->len; k++)
            json_builder_add_int_value (b, g_array_index (sg->owners, gint64, k));
          json_builder_end_array (b);

          json_builder_set_member_name (b, "steps");
          json_builder_begin_array (b);
          for (guint k = 0; k < sg->steps->len; k++)
            {
              HelStep *step = sg->steps->pdata[k];
              json_builder_begin_object (b);
              hel_json_add_int (b, "id", step->id);
              hel_json_add_string (b, "what", step->what);
              hel_json_add_string (b, "owner_kind", hel_owner_kind_to_code (step->owner_kind));
              hel_json_add_int (b, "owner_member_id", step->owner_member_id);
              hel_json_add_int (b, "owner_caseworker_id", step->owner_caseworker_id);
              hel_json_add_string (b, "owner_name", step->owner_name);
              hel_json_add_string (b, "due", step->due);
              hel_json_add_bool (b, "done", step->done);
              hel_json_add_string (b, "done_date", step->done_date);
              hel_json_add_int (b, "position", step->position);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);

          json_builder_set_member_name (b, "followups");
          json_builder_begin_array (b);
          for (guint k = 0; k < sg->followups->len; k++)
            {
              HelFollowup *f = sg->followups->pdata[k];
              json_builder_begin_object (b);
              hel_json_add_int (b, "id", f->id);
              hel_json_add_string (b, "date", f->date);
              hel_json_add_string (b, "text", f->text);
              hel_json_add_string (b, "author", f->author);
              hel_json_add_bool (b, "internal", f->internal);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);

          json_builder_set_member_name (b, "scale_history");
          json_builder_begin_array (b);
          for (guint k = 0; k < sg->scale_history->len; k++)
            {
              HelScaleEntry *e = sg->scale_history->pdata[k];
              json_builder_begin_object (b);
              hel_json_add_int (b, "id", e->id);
              hel_json_add_int (b, "value", e->value);
              hel_json_add_string (b, "set_by", e->set_by);
              hel_json_add_string (b, "set_at", e->set_at);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/* Reading is strict (hel-json-read.h): a plan from a file or a version must be whole and
 * well-formed. */
static HelStep *
read_step (HelJsonReader *r,
           JsonObject    *o)
{
  HelStep *step = hel_step_new (NULL);
  g_autofree char *kind = NULL;
  gint64 v;

  if (!hel_json_read_int (r, o, "id", 0, G_MAXINT64, &step->id) ||
      !hel_json_read_string (r, o, "what", HEL_JSON_REQUIRED, &step->what) ||
      !hel_json_read_string (r, o, "owner_kind", HEL_JSON_REQUIRED, &kind) ||
      !hel_json_read_int (r, o, "owner_member_id", 0, G_MAXINT64, &step->owner_member_id) ||
      !hel_json_read_int (r, o, "owner_caseworker_id", 0, G_MAXINT64, &step->owner_caseworker_id) ||
      !hel_json_read_string (r, o, "owner_name", HEL_JSON_OPTIONAL, &step->owner_name) ||
      !hel_json_read_string (r, o, "due", HEL_JSON_DATE, &step->due) ||
      !hel_json_read_bool (r, o, "done", &step->done) ||
      !hel_json_read_string (r, o, "done_date", HEL_JSON_DATE, &step->done_date) ||
      !hel_json_read_int (r, o, "position", G_MININT, G_MAXINT, &v))
    goto fail;
  step->position = (int) v;
  if (!hel_owner_kind_from_code (kind, &step->owner_kind))
    {
      hel_json_reader_fail (r, "owner_kind", _("is not a known kind of owner"));
      goto fail;
    }
  return step;

fail:
  hel_step_free (step);
  return NULL;
}

static gboolean
read_step_cb (HelJsonReader *r,
              JsonObject    *so,
              gpointer       user_data)
{
  HelSubgoal *sg = user_data;
  HelStep *step = read_step (r, so);

  if (step == NULL)
    return FALSE;
  g_ptr_array_add (sg->steps, step);
  return TRUE;
}

static gboolean
read_followup_cb (HelJsonReader *r,
                  JsonObject    *fo,
                  gpointer       user_data)
{
  HelSubgoal *sg = user_data;
  HelFollowup *f = hel_followup_new (NULL, NULL, NULL);

  g_ptr_array_add (sg->followups, f);
  return hel_json_read_int (r, fo, "id", 0, G_MAXINT64, &f->id) &&
         hel_json_read_string (r, fo, "date", HEL_JSON_REQUIRED | HEL_JSON_DATE, &f->date) &&
         hel_json_read_string (r, fo, "text", HEL_JSON_REQUIRED, &f->text) &&
         hel_json_read_string (r, fo, "author", HEL_JSON_OPTIONAL, &f->author) &&
         hel_json_read_bool (r, fo, "internal", &f->internal);
}

static gboolean
read_scale_entry_cb (HelJsonReader *r,
                     JsonObject    *eo,
                     gpointer       user_data)
{
  HelSubgoal *sg = user_data;
  HelScaleEntry *e = hel_scale_entry_new (0, NULL, NULL);

  g_ptr_array_add (sg->scale_history, e);
  return hel_json_read_int (r, eo, "id", 0, G_MAXINT64, &e->id) &&
         hel_json_read_int32 (r, eo, "value", 0, 10, &e->value) &&
         hel_json_read_string (r, eo, "set_by", HEL_JSON_OPTIONAL, &e->set_by) &&
         hel_json_read_string (r, eo, "set_at", HEL_JSON_REQUIRED, &e->set_at);
}

static HelSubgoal *
read_subgoal (HelJsonReader *r,
              JsonObject    *o)
{
  HelSubgoal *sg = hel_subgoal_new (NULL);
  g_autofree char *status = NULL;
  JsonArray *owners;
  JsonNode *scale;
  gint64 v;

  if (!hel_json_read_int (r, o, "id", 0, G_MAXINT64, &sg->id) ||
      !hel_json_read_string (r, o, "wording", HEL_JSON_REQUIRED, &sg->wording) ||
      !hel_json_read_string (r, o, "deadline", HEL_JSON_DATE, &sg->deadline) ||
      !hel_json_read_string (r, o, "status", HEL_JSON_REQUIRED, &status) ||
      !hel_json_read_string (r, o, "next_followup", HEL_JSON_DATE, &sg->next_followup) ||
      !hel_json_read_string (r, o, "created", HEL_JSON_REQUIRED | HEL_JSON_DATE, &sg->created) ||
      !hel_json_read_int (r, o, "position", G_MININT, G_MAXINT, &v))
    goto fail;
  sg->position = (int) v;
  if (!hel_goal_status_from_code (status, &sg->status))
    {
      hel_json_reader_fail (r, "status", _("is not a known status"));
      goto fail;
    }
  scale = json_object_get_member (o, "scale");
  if (scale != NULL && !JSON_NODE_HOLDS_NULL (scale))
    {
      if (!hel_json_read_int (r, o, "scale", 0, 10, &v))
        goto fail;
      sg->scale = (int) v;
    }

  if ((owners = hel_json_read_array (r, o, "owners")) == NULL)
    goto fail;
  for (guint i = 0; i < json_array_get_length (owners); i++)
    {
      JsonNode *node = json_array_get_element (owners, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        {
          hel_json_reader_fail (r, "owners", _("must be a list of member ids"));
          goto fail;
        }
      id = json_node_get_int (node);
      g_array_append_val (sg->owners, id);
    }

  if (!hel_json_read_objects (r, o, "steps", read_step_cb, sg) ||
      !hel_json_read_objects (r, o, "followups", read_followup_cb, sg) ||
      !hel_json_read_objects (r, o, "scale_history", read_scale_entry_cb, sg))
    goto fail;
  return sg;

fail:
  hel_subgoal_free (sg);
  return NULL;
}

static gboolean
read_subgoal_cb (HelJsonReader *r,
                 JsonObject    *so,
                 gpointer       user_data)
{
  HelGoal *goal = user_data;
  HelSubgoal *sg = read_subgoal (r, so);

  if (sg == NULL)
    return FALSE;
  sg->goal_id = goal->id;
  g_ptr_array_add (goal->subgoals, sg);
  return TRUE;
}

static gboolean
read_goal_cb (HelJsonReader *r,
              JsonObject    *go,
              gpointer       user_data)
{
  HelPlan *plan = user_data;
  HelGoal *goal = hel_goal_new (NULL);

  g_ptr_array_add (plan->data.goals, goal);
  return hel_json_read_int (r, go, "id", 0, G_MAXINT64, &goal->id) &&
         hel_json_read_string (r, go, "title", HEL_JSON_REQUIRED, &goal->title) &&
         hel_json_read_string (r, go, "created", HEL_JSON_REQUIRED | HEL_JSON_DATE,
                               &goal->created) &&
         hel_json_read_int32 (r, go, "position", G_MININT, G_MAXINT, &goal->position) &&
         hel_json_read_objects (r, go, "subgoals", read_subgoal_cb, goal);
}

static gboolean
read_member_wishes_cb (HelJsonReader *r,
                       JsonObject    *wo,
                       gpointer       user_data)
{
  HelPlan *plan = user_data;
  gint64 member_id;
  char *text = NULL;

  if (!hel_json_read_int (r, wo, "member_id", 1, G_MAXINT64, &member_id) ||
      !hel_json_read_string (r, wo, "text", HEL_JSON_REQUIRED, &text))
    return FALSE;
  g_hash_table_insert (plan->data.member_wishes, g_memdup2 (&member_id, sizeof member_id), text);
  return TRUE;
}

HelPlan *
hel_plan_from_json (JsonNode  *node,
                    GError   **error)
{
  g_autoptr(HelPlan) plan = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  HelJsonReader r = { error, path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA };
  JsonObject *o;
  gint64 family_id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The plan must be an object."));
      return NULL;
    }
  o = json_node_get_object (node);
  if (!hel_json_read_int (&r, o, "family_id", 0, G_MAXINT64, &family_id))
    return NULL;
  plan = hel_plan_new (family_id);
  if (!hel_json_read_string (&r, o, "wishes", HEL_JSON_OPTIONAL, &plan->data.wishes))
    return NULL;

  if (!hel_json_read_objects (&r, o, "member_wishes", read_member_wishes_cb, plan) ||
      !hel_json_read_objects (&r, o, "goals", read_goal_cb, plan))
    return NULL;
  return g_steal_pointer (&plan);
}
