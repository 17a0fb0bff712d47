/* hel-plan-view.c: the family plan on screen; every edit is saved at once and can be undone. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-plan-goal-section.h"
#include "hel-plan-view-private.h"
#include "hel-subgoal-row.h"
#include "hel-validate.h"

#define UNDO_LIMIT 100

G_DEFINE_FINAL_TYPE (HelPlanView, hel_plan_view, GTK_TYPE_WIDGET)

static void refresh (HelPlanView *self);

/* ---- accessors for the rows ---- */

HelStore *
_hel_plan_view_get_store (HelPlanView *self)
{
  return self->store;
}

gint64
_hel_plan_view_get_family_id (HelPlanView *self)
{
  return self->family_id;
}

HelPlan *
_hel_plan_view_get_plan (HelPlanView *self)
{
  return self->plan;
}

const char *
_hel_plan_view_get_author (HelPlanView *self)
{
  return self->author;
}

const char *
_hel_plan_view_get_today (HelPlanView *self)
{
  return self->today;
}

GPtrArray *
_hel_plan_view_get_members (HelPlanView *self)
{
  return self->members;
}

GPtrArray *
_hel_plan_view_get_caseworkers (HelPlanView *self)
{
  return self->caseworkers;
}

const char *
_hel_plan_view_member_name (HelPlanView *self,
                            gint64       member_id)
{
  for (guint i = 0; self->members && i < self->members->len; i++)
    if (hel_member_get_id (self->members->pdata[i]) == member_id)
      return hel_member_get_first_name (self->members->pdata[i]);
  return NULL;
}

const char *
_hel_plan_view_caseworker_name (HelPlanView *self,
                                gint64       caseworker_id)
{
  for (guint i = 0; self->caseworkers && i < self->caseworkers->len; i++)
    if (hel_caseworker_get_id (self->caseworkers->pdata[i]) == caseworker_id)
      return hel_caseworker_get_name (self->caseworkers->pdata[i]);
  return NULL;
}

void
_hel_plan_view_note_expanded (HelPlanView *self,
                              gint64       subgoal_id,
                              gboolean     expanded)
{
  if (expanded)
    g_hash_table_add (self->expanded, g_memdup2 (&subgoal_id, sizeof subgoal_id));
  else
    g_hash_table_remove (self->expanded, &subgoal_id);
}

gboolean
_hel_plan_view_was_expanded (HelPlanView *self,
                             gint64       subgoal_id)
{
  return g_hash_table_contains (self->expanded, &subgoal_id);
}

/* ---- toasts ---- */

/* A toast's "Undo" takes back the edit it was shown for, never a later one: any later edit,
 * undo or redo takes the toast away, and a click that comes after typing not yet saved
 * (saved first, so it is the newest edit) undoes nothing and says so. */
static void
forget_undo_toast (HelPlanView *self)
{
  if (self->undo_toast != NULL)
    {
      AdwToast *toast = self->undo_toast;

      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
      self->undo_toast = NULL;
      adw_toast_dismiss (toast);
    }
}

static void
toast_undo_cb (AdwToast    *toast,
               HelPlanView *self)
{
  guint64 *serial_data = g_object_get_data (G_OBJECT (toast), "hel-undo-serial");
  guint64 serial = serial_data ? *serial_data : 0;
  g_autoptr(GError) error = NULL;

  _hel_plan_view_flush (self);
  if (serial == 0 || hel_undo_stack_get_undo_serial (self->undo) != serial)
    {
      _hel_plan_view_toast (self, _("Not undone: the plan was changed since. Use Undo to go "
                                    "back one edit at a time."), FALSE);
      return;
    }
  forget_undo_toast (self);
  if (!hel_undo_stack_undo (self->undo, &error))
    _hel_plan_view_error_toast (self, error);
}

void
_hel_plan_view_toast (HelPlanView *self,
                      const char  *message,
                      gboolean     with_undo)
{
  AdwToastOverlay *overlay;
  AdwToast *toast;

  overlay = (AdwToastOverlay *) gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                         ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (message);
  if (with_undo)
    {
      forget_undo_toast (self);
      /* Normal priority: a high one puts the shown toast back in the queue mid-animation, and
       * libadwaita 1.2 aborts when the high one is then dismissed within 300 ms (which a later
       * edit does). The earlier undo toast is dismissed above, so this one shows at once. */
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self, 0);
      self->undo_toast = toast;
      g_object_set_data_full (G_OBJECT (toast), "hel-undo-serial",
                              g_memdup2 (&(guint64) { hel_undo_stack_get_undo_serial (self->undo) },
                                         sizeof (guint64)), g_free);
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
    }
  adw_toast_overlay_add_toast (overlay, toast);
}

void
_hel_plan_view_error_toast (HelPlanView  *self,
                            const GError *error)
{
  if (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY) == NULL)
    g_message ("Family plan: %s", error->message);
  _hel_plan_view_toast (self, error->message, FALSE);
}

/* ---- edits and undo ---- */

typedef struct {
  HelStore *store;
  HelPlan  *before;
  HelPlan  *after;
} PlanUndo;

static void
plan_undo_free (gpointer data)
{
  PlanUndo *u = data;

  g_object_unref (u->store);
  hel_plan_unref (u->before);
  hel_plan_unref (u->after);
  g_free (u);
}

static gboolean
plan_undo_cb (gpointer  data,
              GError  **error)
{
  PlanUndo *u = data;

  return hel_store_restore_plan_from (u->store, u->after, u->before, error);
}

static gboolean
plan_redo_cb (gpointer  data,
              GError  **error)
{
  PlanUndo *u = data;

  return hel_store_restore_plan_from (u->store, u->before, u->after, error);
}

HelPlan *
_hel_plan_view_begin_edit (HelPlanView *self)
{
  g_autoptr(GError) error = NULL;
  HelPlan *before;

  self->editing++;
  /* A fresh read rather than self->plan: the snapshot must be what the store holds now. */
  before = hel_store_load_plan (self->store, self->family_id, &error);
  if (before == NULL)
    before = self->plan ? hel_plan_copy (self->plan) : hel_plan_new (self->family_id);
  return before;
}

gboolean
_hel_plan_view_end_edit (HelPlanView *self,
                         HelPlan     *before,
                         const char  *label,
                         gboolean     ok)
{
  g_assert (self->editing > 0);

  if (ok)
    {
      HelPlan *after = hel_store_load_plan (self->store, self->family_id, NULL);

      if (after != NULL && !hel_plan_equal (before, after))
        {
          PlanUndo *u = g_new0 (PlanUndo, 1);

          u->store = g_object_ref (self->store);
          u->before = hel_plan_ref (before);
          u->after = after;
          hel_undo_stack_push (self->undo, label, plan_undo_cb, plan_redo_cb, u, plan_undo_free);
          forget_undo_toast (self);
        }
      else if (after != NULL)
        hel_plan_unref (after);
    }
  hel_plan_unref (before);

  self->editing--;
  if (self->editing == 0 && self->refresh_pending)
    refresh (self);
  return ok;
}

gboolean
_hel_plan_view_move_subgoal (HelPlanView *self,
                             gint64       subgoal_id,
                             gint64       to_goal_id,
                             guint        new_index)
{
  g_autoptr(GError) error = NULL;
  HelPlan *before = _hel_plan_view_begin_edit (self);
  gboolean ok = hel_store_move_subgoal (self->store, subgoal_id, to_goal_id, new_index, &error);

  if (!_hel_plan_view_end_edit (self, before, _("Move small goal"), ok))
    _hel_plan_view_error_toast (self, error);
  return ok;
}

gboolean
_hel_plan_view_move_goal (HelPlanView *self,
                          gint64       goal_id,
                          guint        new_index)
{
  g_autoptr(GError) error = NULL;
  HelPlan *before = _hel_plan_view_begin_edit (self);
  gboolean ok = hel_store_move_goal (self->store, goal_id, new_index, &error);

  if (!_hel_plan_view_end_edit (self, before, _("Move goal"), ok))
    _hel_plan_view_error_toast (self, error);
  return ok;
}

void
_hel_plan_view_step_subgoal (HelPlanView *self,
                             gint64       subgoal_id,
                             int          direction)
{
  HelPlanData *data;
  HelGoal *goal = NULL;
  guint goal_index = 0, index = 0;

  if (self->plan == NULL || hel_plan_find_subgoal (self->plan, subgoal_id, &goal) == NULL)
    return;
  data = hel_plan_data (self->plan);
  g_ptr_array_find (data->goals, goal, &goal_index);
  for (index = 0; index < goal->subgoals->len; index++)
    if (((HelSubgoal *) goal->subgoals->pdata[index])->id == subgoal_id)
      break;

  if (direction < 0 && index > 0)
    _hel_plan_view_move_subgoal (self, subgoal_id, goal->id, index - 1);
  else if (direction > 0 && index + 1 < goal->subgoals->len)
    _hel_plan_view_move_subgoal (self, subgoal_id, goal->id, index + 1);
  else if (direction < 0 && goal_index > 0)
    {
      /* From the top of one goal to the bottom of the goal above. */
      HelGoal *prev = data->goals->pdata[goal_index - 1];
      _hel_plan_view_move_subgoal (self, subgoal_id, prev->id, prev->subgoals->len);
    }
  else if (direction > 0 && goal_index + 1 < data->goals->len)
    {
      HelGoal *next = data->goals->pdata[goal_index + 1];
      _hel_plan_view_move_subgoal (self, subgoal_id, next->id, 0);
    }
}

/* ---- refresh ---- */

static void
load_people (HelPlanView *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->caseworkers, g_ptr_array_unref);
  if (self->store == NULL || self->family_id == 0)
    return;
  self->members = hel_store_list_members (self->store, self->family_id, &error);
  if (self->members == NULL)
    {
      g_warning ("Could not list the family’s members: %s", error->message);
      g_clear_error (&error);
    }
  self->caseworkers = hel_store_list_caseworkers (self->store, &error);
  if (self->caseworkers == NULL)
    g_warning ("Could not list the caseworkers: %s", error->message);
}

static void
refresh_summary (HelPlanView *self)
{
  guint overdue = 0, soon = 0;

  hel_plan_count_due (self->plan, self->today, &overdue, &soon);
  if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue),
                                               overdue);
      gtk_label_set_text (self->overdue_pill, text);
    }
  if (soon > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u due soon", "%u due soon", soon), soon);
      gtk_label_set_text (self->soon_pill, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_pill), overdue > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->soon_pill), soon > 0);
}

static void
update_actions (HelPlanView *self)
{
  gboolean have = self->family_id != 0 && self->plan != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo",
                                 have && hel_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.redo",
                                 have && hel_undo_stack_can_redo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-goal", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save-version", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.versions", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.print", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.export-pdf", have);
}

static void
undo_state_cb (HelPlanView *self)
{
  const char *label;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  update_actions (self);
  label = hel_undo_stack_undo_label (self->undo);
  /* Translators: a tooltip, e.g. “Undo “Edit small goal” (Ctrl+Z)” */
  undo_tip = label ? g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), label) : g_strdup (_("Undo (Ctrl+Z)"));
  label = hel_undo_stack_redo_label (self->undo);
  redo_tip = label ? g_strdup_printf (_("Redo “%s” (Ctrl+Shift+Z)"), label)
                   : g_strdup (_("Redo (Ctrl+Shift+Z)"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

static void
refresh (HelPlanView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen_goals = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) seen_rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) dead = g_ptr_array_new ();
  HelPlan *plan;
  HelPlanData *data;
  GHashTableIter iter;
  gpointer key, value;
  GtkWidget *prev = NULL;

  self->refresh_pending = FALSE;
  if (self->store == NULL || self->family_id == 0)
    return;

  plan = hel_store_load_plan (self->store, self->family_id, &error);
  if (plan == NULL)
    {
      _hel_plan_view_error_toast (self, error);
      return;
    }
  g_clear_pointer (&self->plan, hel_plan_unref);
  self->plan = plan;
  data = hel_plan_data (plan);
  g_free (self->today);
  self->today = hel_date_today ();

  self->loading = TRUE;
  _hel_plan_view_refresh_wishes (self);

  for (guint i = 0; i < data->goals->len; i++)
    {
      HelGoal *goal = data->goals->pdata[i];
      HelPlanGoalSection *section = g_hash_table_lookup (self->goal_sections, &goal->id);

      if (section == NULL)
        {
          section = HEL_PLAN_GOAL_SECTION (hel_plan_goal_section_new (self, goal->id));
          g_hash_table_insert (self->goal_sections, g_memdup2 (&goal->id, sizeof goal->id),
                               section);
          gtk_box_append (self->goals_box, GTK_WIDGET (section));
        }
      g_hash_table_add (seen_goals, &goal->id);
      gtk_box_reorder_child_after (self->goals_box, GTK_WIDGET (section), prev);
      prev = GTK_WIDGET (section);
      hel_plan_goal_section_update (section, goal, i, data->goals->len);

      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          HelSubgoal *sg = goal->subgoals->pdata[j];
          HelSubgoalRow *row = g_hash_table_lookup (self->subgoal_rows, &sg->id);

          if (row == NULL)
            {
              row = HEL_SUBGOAL_ROW (hel_subgoal_row_new (self, sg->id));
              g_hash_table_insert (self->subgoal_rows, g_memdup2 (&sg->id, sizeof sg->id), row);
            }
          g_hash_table_add (seen_rows, &sg->id);
          hel_plan_goal_section_adopt (section, GTK_WIDGET (row), (int) j);
          hel_subgoal_row_update (row, sg, goal);
        }
      hel_plan_goal_section_resort (section);
    }

  /* Rows first: a row that moved away must not go down with its old section. */
  g_hash_table_iter_init (&iter, self->subgoal_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen_rows, key))
      {
        GtkWidget *parent = gtk_widget_get_parent (value);
        if (GTK_IS_LIST_BOX (parent))
          gtk_list_box_remove (GTK_LIST_BOX (parent), value);
        g_hash_table_iter_remove (&iter);
      }
  g_hash_table_iter_init (&iter, self->goal_sections);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen_goals, key))
      {
        g_ptr_array_add (dead, value);
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < dead->len; i++)
    gtk_box_remove (self->goals_box, dead->pdata[i]);

  gtk_widget_set_visible (self->no_goals_label, data->goals->len == 0);
  refresh_summary (self);
  self->loading = FALSE;
  update_actions (self);
}

static void
store_changed_cb (HelStore    *store,
                  gint64       id,
                  HelPlanView *self)
{
  if (self->family_id == 0)
    return;
  /* During the view's own edit the rows are brought up to date once, when it ends. */
  if (self->editing > 0)
    self->refresh_pending = TRUE;
  else
    refresh (self);
}

static void
people_changed_cb (HelStore    *store,
                   gint64       id,
                   HelPlanView *self)
{
  if (self->family_id == 0)
    return;
  load_people (self);
  store_changed_cb (store, id, self);
}

static void
plan_changed_cb (HelStore    *store,
                 gint64       family_id,
                 HelPlanView *self)
{
  if (family_id == self->family_id)
    store_changed_cb (store, family_id, self);
}

static void
family_changed_cb (HelStore    *store,
                   gint64       family_id,
                   HelPlanView *self)
{
  /* A member removed from the family leaves steps and small goals without that owner. */
  if (family_id == self->family_id)
    people_changed_cb (store, family_id, self);
}

/* ---- adding goals ---- */

static void
add_goal_apply_cb (HelPlanView *self)
{
  g_autoptr(GError) error = NULL;
  HelGoal *goal;
  HelPlan *before;
  gboolean ok;

  if (self->family_id == 0)
    return;
  goal = hel_goal_new (gtk_editable_get_text (GTK_EDITABLE (self->add_goal_row)));
  before = _hel_plan_view_begin_edit (self);
  ok = hel_store_save_goal (self->store, self->family_id, goal, &error);
  _hel_plan_view_end_edit (self, before, _("Add goal"), ok);
  _hel_plan_show_error (GTK_WIDGET (self->add_goal_row), GTK_WIDGET (self->add_goal_error_label),
                        error);
  if (ok)
    {
      GtkWidget *section = g_hash_table_lookup (self->goal_sections, &goal->id);

      gtk_editable_set_text (GTK_EDITABLE (self->add_goal_row), "");
      /* The new goal's first small goal is what the family names next. */
      if (section != NULL)
        hel_plan_goal_section_focus_add_row (HEL_PLAN_GOAL_SECTION (section));
    }
  hel_goal_free (goal);
}

static void
add_goal_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelPlanView *self = HEL_PLAN_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->add_goal_row));
}

/* ---- undo / redo ---- */

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelPlanView *self = HEL_PLAN_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  _hel_plan_view_flush (self);
  if (g_str_equal (action_name, "plan.undo"))
    ok = !hel_undo_stack_can_undo (self->undo) || hel_undo_stack_undo (self->undo, &error);
  else
    ok = !hel_undo_stack_can_redo (self->undo) || hel_undo_stack_redo (self->undo, &error);
  forget_undo_toast (self);
  /* Nothing older can be undone once the plan changed under the history either. */
  if (!ok && g_error_matches (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CHANGED))
    hel_undo_stack_clear (self->undo);
  if (!ok)
    _hel_plan_view_error_toast (self, error);
}

/* ---- print and PDF: see hel-plan-print.c ---- */

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _hel_plan_view_flush (HEL_PLAN_VIEW (widget));
  if (g_str_equal (action_name, "plan.print"))
    _hel_plan_view_print (HEL_PLAN_VIEW (widget));
  else
    _hel_plan_view_export_pdf (HEL_PLAN_VIEW (widget));
}

/* ---- GObject ---- */

void
hel_plan_view_set_family (HelPlanView *self,
                          gint64       family_id)
{
  g_return_if_fail (HEL_IS_PLAN_VIEW (self));

  if (self->family_id == family_id && self->plan != NULL)
    return;
  _hel_plan_view_flush (self);

  /* The rows of the previous family go; nothing of one family's plan shows in another's. */
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_box))) != NULL)
      gtk_box_remove (self->goals_box, child);
  }
  _hel_plan_view_clear_wishes (self);
  g_hash_table_remove_all (self->goal_sections);
  g_hash_table_remove_all (self->subgoal_rows);
  g_hash_table_remove_all (self->expanded);
  hel_undo_stack_clear (self->undo);
  forget_undo_toast (self);
  g_clear_pointer (&self->plan, hel_plan_unref);
  gtk_editable_set_text (GTK_EDITABLE (self->add_goal_row), "");
  _hel_plan_show_error (GTK_WIDGET (self->add_goal_row), GTK_WIDGET (self->add_goal_error_label),
                        NULL);

  self->family_id = family_id;
  load_people (self);
  refresh (self);
  gtk_stack_set_visible_child_name (self->stack, self->plan != NULL ? "plan" : "empty");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_actions (self);
}

gint64
hel_plan_view_get_family (HelPlanView *self)
{
  g_return_val_if_fail (HEL_IS_PLAN_VIEW (self), 0);
  return self->family_id;
}

void
hel_plan_view_set_author (HelPlanView *self,
                          const char  *name)
{
  g_return_if_fail (HEL_IS_PLAN_VIEW (self));

  g_free (self->author);
  self->author = g_strdup (name && *name ? name : g_get_real_name ());
}

GtkWidget *
hel_plan_view_new (HelStore *store)
{
  HelPlanView *self;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  self = g_object_new (HEL_TYPE_PLAN_VIEW, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::plan", G_CALLBACK (plan_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::family", G_CALLBACK (family_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::member", G_CALLBACK (people_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::caseworker", G_CALLBACK (people_changed_cb), self, 0);
  return GTK_WIDGET (self);
}

static void
hel_plan_view_dispose (GObject *object)
{
  HelPlanView *self = HEL_PLAN_VIEW (object);

  /* Typing not yet saved is saved on the way out. */
  if (self->store != NULL)
    _hel_plan_view_flush (self);
  g_clear_handle_id (&self->wishes_timeout_id, g_source_remove);
  if (self->version_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->version_dialog));
  if (self->pdf_chooser != NULL)
    gtk_native_dialog_destroy (self->pdf_chooser);
  g_clear_object (&self->pdf_chooser);
  /* The toast may outlive the view; its "Undo" goes with the view (connected to it). */
  if (self->undo_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  self->undo_toast = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_PLAN_VIEW);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->undo);
  G_OBJECT_CLASS (hel_plan_view_parent_class)->dispose (object);
}

static void
hel_plan_view_finalize (GObject *object)
{
  HelPlanView *self = HEL_PLAN_VIEW (object);

  g_clear_pointer (&self->plan, hel_plan_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->caseworkers, g_ptr_array_unref);
  g_clear_pointer (&self->goal_sections, g_hash_table_unref);
  g_clear_pointer (&self->subgoal_rows, g_hash_table_unref);
  g_clear_pointer (&self->member_rows, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_free (self->author);
  g_free (self->today);
  G_OBJECT_CLASS (hel_plan_view_parent_class)->finalize (object);
}

static void
hel_plan_view_class_init (HelPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_plan_view_dispose;
  object_class->finalize = hel_plan_view_finalize;

  gtk_widget_class_install_action (widget_class, "plan.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.redo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-goal", NULL, add_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.save-version", NULL,
                                   _hel_plan_view_save_version_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.versions", NULL,
                                   _hel_plan_view_versions_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.export-pdf", NULL, print_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "plan.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "plan.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "plan.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "plan.redo", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hel-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, scroller);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, overdue_pill);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, soon_pill);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, undo_button);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, redo_button);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, wishes_view);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, wishes_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, member_wishes_list);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, goals_box);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, no_goals_label);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, add_goal_row);
  gtk_widget_class_bind_template_child (widget_class, HelPlanView, add_goal_error_label);
}

/* The plan's pills and text areas are styled in the app's style.css, which AdwApplication loads
 * from the resource base path. */
static void
hel_plan_view_init (HelPlanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->author = g_strdup (g_get_real_name ());
  self->today = hel_date_today ();
  self->undo = hel_undo_stack_new (UNDO_LIMIT);
  self->goal_sections = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->subgoal_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->member_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (undo_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (undo_state_cb), self,
                           G_CONNECT_SWAPPED);

  _hel_plan_view_init_wishes (self);

  /* Ctrl+Z is the plan's undo everywhere in the view, also in a focused entry. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->add_goal_row), FALSE);
  g_signal_connect_swapped (self->add_goal_row, "apply", G_CALLBACK (add_goal_apply_cb), self);
  g_signal_connect_swapped (self->add_goal_row, "entry-activated", G_CALLBACK (add_goal_apply_cb),
                            self);
  update_actions (self);
}

/* ---- test hooks ---- */

HelUndoStack *
_hel_plan_view_get_undo_stack (HelPlanView *self)
{
  return self->undo;
}

AdwToast *
_hel_plan_view_get_undo_toast (HelPlanView *self)
{
  return self->undo_toast;
}

GtkTextView *
_hel_plan_view_get_wishes_view (HelPlanView *self)
{
  return self->wishes_view;
}

AdwEntryRow *
_hel_plan_view_get_add_goal_row (HelPlanView *self)
{
  return self->add_goal_row;
}

GtkWidget *
_hel_plan_view_find_goal (HelPlanView *self,
                          gint64       goal_id)
{
  return g_hash_table_lookup (self->goal_sections, &goal_id);
}

GtkWidget *
_hel_plan_view_find_subgoal (HelPlanView *self,
                             gint64       subgoal_id)
{
  return g_hash_table_lookup (self->subgoal_rows, &subgoal_id);
}

GtkNativeDialog **
_hel_plan_view_pdf_chooser_slot (HelPlanView *self)
{
  return &self->pdf_chooser;
}
