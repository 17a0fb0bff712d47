/* test-plan-view.c: the family plan view, driven through its real rows and actions. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "helhed-resources.h"
#include "hel-plan-goal-section.h"
#include "hel-plan-versions-window.h"
#include "hel-plan-view-private.h"
#include "hel-note-row.h"
#include "hel-step-row.h"
#include "hel-subgoal-row.h"
#include "hel-validate.h"
#include "hel-ui-test.h"

typedef struct {
  char        *dir;
  HelStore    *store;
  gint64       family_id;
  gint64       maja;
  gint64       malthe;
  GtkWidget   *window;
  HelPlanView *view;
} Fixture;

static gint64
add_member (Fixture    *f,
            HelRole     role,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMember) member = hel_member_new ();

  hel_member_set_family_id (member, f->family_id);
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, name);
  g_assert_true (hel_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  return hel_member_get_id (member);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autofree char *path = NULL;
  GtkWidget *overlay;

  f->dir = g_dir_make_tmp ("helhed-plan-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "helhed.db", NULL);
  f->store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  hel_family_set_name (family, "Jensen");
  hel_family_set_start_date (family, "2024-01-01");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  f->family_id = hel_family_get_id (family);
  f->maja = add_member (f, HEL_ROLE_MOTHER, "Maja");
  f->malthe = add_member (f, HEL_ROLE_CHILD, "Malthe");

  f->view = HEL_PLAN_VIEW (hel_plan_view_new (f->store));
  hel_plan_view_set_author (f->view, "Jonna");
  hel_plan_view_set_family (f->view, f->family_id);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  f->window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->store);
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (dir, NULL, NULL);
  g_free (f->dir);
}

static HelPlan *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HelPlan *plan = hel_store_load_plan (f->store, f->family_id, &error);

  g_assert_no_error (error);
  return plan;
}

static HelGoal *
goal_at (HelPlan *plan,
         guint    index)
{
  HelPlanData *data = hel_plan_data (plan);

  g_assert_cmpuint (data->goals->len, >, index);
  return data->goals->pdata[index];
}

/* Adds a goal and its small goals through the view's own rows; returns the goal's id. */
static gint64
add_goal_through_view (Fixture     *f,
                       const char  *title,
                       const char **subgoals)
{
  g_autoptr(HelPlan) plan = NULL;
  HelPlanGoalSection *section;
  gint64 goal_id;
  guint n;

  type_and_apply (_hel_plan_view_get_add_goal_row (f->view), title);
  plan = load (f);
  n = hel_plan_data (plan)->goals->len;
  goal_id = goal_at (plan, n - 1)->id;
  g_assert_cmpstr (goal_at (plan, n - 1)->title, ==, title);
  section = HEL_PLAN_GOAL_SECTION (_hel_plan_view_find_goal (f->view, goal_id));
  g_assert_nonnull (section);
  for (guint i = 0; subgoals && subgoals[i]; i++)
    type_and_apply (_hel_plan_goal_section_get_add_row (section), subgoals[i]);
  return goal_id;
}

static HelSubgoalRow *
subgoal_row (Fixture *f,
             gint64   id)
{
  GtkWidget *row = _hel_plan_view_find_subgoal (f->view, id);

  g_assert_true (HEL_IS_SUBGOAL_ROW (row));
  return HEL_SUBGOAL_ROW (row);
}

static void
test_add_and_edit (Fixture       *f,
                   gconstpointer  data)
{
  const char *subgoals[] = { "Maja skriver et CV", NULL };
  g_autoptr(HelPlan) plan = NULL;
  g_autofree char *today = hel_date_today ();
  HelSubgoalRow *row;
  HelSubgoal *sg;
  HelStep *step;
  HelStepRow *step_row;
  gint64 sg_id, step_id;

  add_goal_through_view (f, "Mor i arbejde", subgoals);
  plan = load (f);
  sg = goal_at (plan, 0)->subgoals->pdata[0];
  g_assert_cmpstr (sg->wording, ==, "Maja skriver et CV");
  sg_id = sg->id;
  row = subgoal_row (f, sg_id);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Maja skriver et CV");

  /* A step through the row's "Add a step" */
  type_and_apply (_hel_subgoal_row_get_add_step_row (row), "Møde med mentor");
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  sg = hel_plan_find_subgoal (plan, sg_id, NULL);
  g_assert_cmpuint (sg->steps->len, ==, 1);
  step = sg->steps->pdata[0];
  step_id = step->id;
  g_assert_cmpstr (step->what, ==, "Møde med mentor");

  /* Reword, own it, set a deadline */
  type_and_apply (_hel_subgoal_row_get_wording_row (row), "Maja skriver sit CV færdigt");
  gtk_toggle_button_set_active (_hel_subgoal_row_get_owner_toggle (row, f->maja), TRUE);
  type_and_apply (_hel_subgoal_row_get_deadline_row (row), "01.03.2099");
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  sg = hel_plan_find_subgoal (plan, sg_id, NULL);
  g_assert_cmpstr (sg->wording, ==, "Maja skriver sit CV færdigt");
  g_assert_true (hel_subgoal_has_owner (sg, f->maja));
  g_assert_false (hel_subgoal_has_owner (sg, f->malthe));
  g_assert_cmpstr (sg->deadline, ==, "2099-03-01");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Maja skriver sit CV færdigt");

  /* The scale: saved once it settles, with who set it */
  gtk_range_set_value (_hel_subgoal_row_get_scale (row), 6);
  WAIT_FOR (({ g_autoptr(HelPlan) p = load (f);
               hel_plan_find_subgoal (p, sg_id, NULL)->scale == 6; }));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  sg = hel_plan_find_subgoal (plan, sg_id, NULL);
  g_assert_cmpuint (sg->scale_history->len, ==, 1);
  g_assert_cmpint (((HelScaleEntry *) sg->scale_history->pdata[0])->value, ==, 6);
  g_assert_cmpstr (((HelScaleEntry *) sg->scale_history->pdata[0])->set_by, ==, "Jonna");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (_hel_subgoal_row_get_scale_row (row)),
                            "Jonna"));

  /* The step done, dated today */
  step_row = HEL_STEP_ROW (_hel_subgoal_row_find_step (row, step_id));
  g_assert_nonnull (step_row);
  gtk_check_button_set_active (_hel_step_row_get_done_button (step_row), TRUE);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  step = hel_plan_find_step (plan, step_id, NULL);
  g_assert_true (step->done);
  g_assert_cmpstr (step->done_date, ==, today);

  /* Someone else is responsible: the name is asked for first */
  gtk_drop_down_set_selected (_hel_step_row_get_owner_dropdown (step_row),
                              _hel_step_row_owner_position (step_row, HEL_OWNER_EXTERNAL, 0));
  gtk_editable_set_text (_hel_step_row_get_name_entry (step_row), "Mentor Lise");
  g_signal_emit_by_name (_hel_step_row_get_name_entry (step_row), "activate");
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  step = hel_plan_find_step (plan, step_id, NULL);
  g_assert_cmpint (step->owner_kind, ==, HEL_OWNER_EXTERNAL);
  g_assert_cmpstr (step->owner_name, ==, "Mentor Lise");

  /* Mark achieved */
  gtk_widget_activate_action (GTK_WIDGET (row), "subgoal.achieve", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (hel_plan_find_subgoal (plan, sg_id, NULL)->status, ==, HEL_GOAL_ACHIEVED);
  g_assert_true (gtk_widget_get_visible (_hel_subgoal_row_get_pill (row)));
  g_assert_true (gtk_widget_has_css_class (_hel_subgoal_row_get_pill (row), "success"));

  /* A follow-up note, by the author, today */
  type_and_apply (_hel_subgoal_row_get_add_note_row (row), "Godt møde hos mentor");
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  sg = hel_plan_find_subgoal (plan, sg_id, NULL);
  g_assert_cmpuint (sg->followups->len, ==, 1);
  g_assert_cmpstr (((HelFollowup *) sg->followups->pdata[0])->author, ==, "Jonna");
  g_assert_cmpstr (((HelFollowup *) sg->followups->pdata[0])->date, ==, today);

  /* The note corrected where it stands: a bad date is refused at the field and kept as typed,
   * then a real date and new text are saved, and undo brings the text back. */
  {
    gint64 note_id = ((HelFollowup *) sg->followups->pdata[0])->id;
    HelNoteRow *note_row = HEL_NOTE_ROW (_hel_subgoal_row_find_note (row, note_id));
    HelFollowup *note;

    g_assert_nonnull (note_row);
    g_assert_cmpstr (gtk_editable_get_text (_hel_note_row_get_text_entry (note_row)), ==,
                     "Godt møde hos mentor");
    gtk_editable_set_text (_hel_note_row_get_date_entry (note_row), "31.02.2026");
    g_signal_emit_by_name (_hel_note_row_get_date_entry (note_row), "activate");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_note_row_get_error_label (note_row))));
    g_assert_cmpstr (gtk_editable_get_text (_hel_note_row_get_date_entry (note_row)), ==,
                     "31.02.2026");
    g_clear_pointer (&plan, hel_plan_unref);
    plan = load (f);
    g_assert_cmpstr (((HelFollowup *) hel_plan_find_subgoal (plan, sg_id, NULL)->followups
                        ->pdata[0])->date, ==, today);

    gtk_editable_set_text (_hel_note_row_get_date_entry (note_row), "27.01.2026");
    g_signal_emit_by_name (_hel_note_row_get_date_entry (note_row), "activate");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hel_note_row_get_error_label (note_row))));
    gtk_editable_set_text (_hel_note_row_get_text_entry (note_row), "Godt møde hos mentor Lise");
    g_signal_emit_by_name (_hel_note_row_get_text_entry (note_row), "activate");
    g_clear_pointer (&plan, hel_plan_unref);
    plan = load (f);
    note = hel_plan_find_subgoal (plan, sg_id, NULL)->followups->pdata[0];
    g_assert_cmpint (note->id, ==, note_id);
    g_assert_cmpstr (note->date, ==, "2026-01-27");
    g_assert_cmpstr (note->text, ==, "Godt møde hos mentor Lise");
    g_assert_cmpstr (note->author, ==, "Jonna");

    gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
    g_clear_pointer (&plan, hel_plan_unref);
    plan = load (f);
    note = hel_plan_find_subgoal (plan, sg_id, NULL)->followups->pdata[0];
    g_assert_cmpstr (note->text, ==, "Godt møde hos mentor");
    g_assert_cmpstr (note->date, ==, "2026-01-27");
    g_assert_cmpstr (gtk_editable_get_text (_hel_note_row_get_text_entry (note_row)), ==,
                     "Godt møde hos mentor");
  }
}

static void
test_reorder_undo_redo (Fixture       *f,
                        gconstpointer  data)
{
  const char *work[] = { "CV", "Praktik", NULL };
  const char *school[] = { "Lektier", NULL };
  g_autoptr(HelPlan) plan = NULL;
  HelUndoStack *undo = _hel_plan_view_get_undo_stack (f->view);
  gint64 cv, praktik, work_id, school_id;
  GtkWidget *row;

  work_id = add_goal_through_view (f, "Mor i arbejde", work);
  school_id = add_goal_through_view (f, "Ro om skolegangen", school);
  plan = load (f);
  cv = ((HelSubgoal *) goal_at (plan, 0)->subgoals->pdata[0])->id;
  praktik = ((HelSubgoal *) goal_at (plan, 0)->subgoals->pdata[1])->id;

  /* Alt+Down on "CV": below "Praktik" */
  row = GTK_WIDGET (subgoal_row (f, cv));
  gtk_widget_activate_action (row, "subgoal.move-down", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (((HelSubgoal *) goal_at (plan, 0)->subgoals->pdata[0])->id, ==, praktik);
  g_assert_cmpint (((HelSubgoal *) goal_at (plan, 0)->subgoals->pdata[1])->id, ==, cv);

  /* Again: on into the next goal, at its top; the same row widget is reused */
  gtk_widget_activate_action (row, "subgoal.move-down", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpuint (goal_at (plan, 0)->subgoals->len, ==, 1);
  g_assert_cmpint (((HelSubgoal *) goal_at (plan, 1)->subgoals->pdata[0])->id, ==, cv);
  g_assert_true (_hel_plan_view_find_subgoal (f->view, cv) == row);
  g_assert_true (gtk_widget_get_parent (row) ==
                 GTK_WIDGET (_hel_plan_goal_section_get_list (
                   HEL_PLAN_GOAL_SECTION (_hel_plan_view_find_goal (f->view, school_id)))));

  /* Ctrl+Z twice: back where it was; Ctrl+Shift+Z once: in the work goal's second place */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (((HelSubgoal *) goal_at (plan, 0)->subgoals->pdata[0])->id, ==, cv);
  g_assert_cmpint (((HelSubgoal *) goal_at (plan, 0)->subgoals->pdata[1])->id, ==, praktik);
  g_assert_true (hel_undo_stack_can_redo (undo));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.redo", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (((HelSubgoal *) goal_at (plan, 0)->subgoals->pdata[1])->id, ==, cv);

  /* Goals move too: the school goal first */
  gtk_widget_activate_action (_hel_plan_view_find_goal (f->view, school_id), "goal.move-up", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (goal_at (plan, 0)->id, ==, school_id);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (goal_at (plan, 0)->id, ==, work_id);

  /* Undo of a rewording, and the row follows the store */
  type_and_apply (_hel_subgoal_row_get_wording_row (subgoal_row (f, praktik)), "Virksomhedspraktik");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpstr (hel_plan_find_subgoal (plan, praktik, NULL)->wording, ==, "Praktik");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _hel_subgoal_row_get_wording_row (subgoal_row (f, praktik)))), ==, "Praktik");

  /* Reworded again, then a step is written elsewhere (the board's agreements do): Ctrl+Z is
   * refused and says so, the history goes, and both the wording and the step stay. */
  {
    g_autoptr(HelStep) step = hel_step_new ("Aftalt på tavlemødet");
    g_autoptr(GError) error = NULL;

    type_and_apply (_hel_subgoal_row_get_wording_row (subgoal_row (f, praktik)),
                    "Virksomhedspraktik");
    g_assert_true (hel_store_save_step (f->store, praktik, step, &error));
    g_assert_no_error (error);
    g_assert_true (hel_undo_stack_can_undo (undo));
    gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
    g_assert_false (hel_undo_stack_can_undo (undo));
    g_clear_pointer (&plan, hel_plan_unref);
    plan = load (f);
    g_assert_cmpstr (hel_plan_find_subgoal (plan, praktik, NULL)->wording, ==, "Virksomhedspraktik");
    g_assert_nonnull (hel_plan_find_step (plan, step->id, NULL));
  }
}

/* ---- drag and drop, through the rows' own drag sources and drop targets ---- */

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
    }
  return NULL;
}

/* What a pointer drag does: the source's "prepare" gives the content, the target's "drop"
 * receives its value. Returns what the drop answered. */
static gboolean
drag_onto (GtkWidget *handle,
           GtkWidget *target)
{
  GtkEventController *source = find_controller (handle, GTK_TYPE_DRAG_SOURCE);
  GtkEventController *drop = find_controller (target, GTK_TYPE_DROP_TARGET);
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  const GType *types;
  gsize n_types = 0;
  gboolean accepted = FALSE;

  g_assert_nonnull (source);
  g_assert_nonnull (drop);
  g_signal_emit_by_name (source, "prepare", 4.0, 4.0, &content);
  g_assert_nonnull (content);
  /* The target takes what the source offers */
  types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (drop), &n_types);
  for (gsize i = 0; i < n_types; i++)
    {
      g_value_init (&value, types[i]);
      if (gdk_content_provider_get_value (content, &value, NULL))
        break;
      g_value_unset (&value);
    }
  g_assert_true (G_IS_VALUE (&value));
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  return accepted;
}

static gint64
subgoal_id_at (HelPlan *plan,
               guint    goal,
               guint    index)
{
  return ((HelSubgoal *) goal_at (plan, goal)->subgoals->pdata[index])->id;
}

static void
test_drag_and_drop (Fixture       *f,
                    gconstpointer  data)
{
  const char *work[] = { "CV", "Praktik", NULL };
  const char *school[] = { "Lektier", "Bussen", NULL };
  g_autoptr(HelPlan) plan = NULL;
  gint64 work_id, school_id, cv, praktik, lektier, bussen;
  GtkWidget *work_section, *school_section;

  work_id = add_goal_through_view (f, "Mor i arbejde", work);
  school_id = add_goal_through_view (f, "Ro om skolegangen", school);
  plan = load (f);
  cv = subgoal_id_at (plan, 0, 0);
  praktik = subgoal_id_at (plan, 0, 1);
  lektier = subgoal_id_at (plan, 1, 0);
  bussen = subgoal_id_at (plan, 1, 1);
  work_section = _hel_plan_view_find_goal (f->view, work_id);
  school_section = _hel_plan_view_find_goal (f->view, school_id);

  /* "Praktik" dropped on "CV" takes its place */
  g_assert_true (drag_onto (_hel_subgoal_row_get_drag_handle (subgoal_row (f, praktik)),
                            GTK_WIDGET (subgoal_row (f, cv))));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (subgoal_id_at (plan, 0, 0), ==, praktik);
  g_assert_cmpint (subgoal_id_at (plan, 0, 1), ==, cv);

  /* "Lektier" from the school goal dropped on "CV": into the work goal, in CV's place */
  g_assert_true (drag_onto (_hel_subgoal_row_get_drag_handle (subgoal_row (f, lektier)),
                            GTK_WIDGET (subgoal_row (f, cv))));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpuint (goal_at (plan, 0)->subgoals->len, ==, 3);
  g_assert_cmpint (subgoal_id_at (plan, 0, 1), ==, lektier);
  g_assert_cmpint (subgoal_id_at (plan, 0, 2), ==, cv);
  g_assert_cmpuint (goal_at (plan, 1)->subgoals->len, ==, 1);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (subgoal_row (f, lektier))) ==
                 GTK_WIDGET (_hel_plan_goal_section_get_list (HEL_PLAN_GOAL_SECTION (work_section))));

  /* "CV" dropped on the school goal itself, on no small goal: last in that goal */
  g_assert_true (drag_onto (_hel_subgoal_row_get_drag_handle (subgoal_row (f, cv)),
                            school_section));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (subgoal_id_at (plan, 1, 0), ==, bussen);
  g_assert_cmpint (subgoal_id_at (plan, 1, 1), ==, cv);

  /* A small goal dropped on itself changes nothing */
  g_assert_false (drag_onto (_hel_subgoal_row_get_drag_handle (subgoal_row (f, cv)),
                             GTK_WIDGET (subgoal_row (f, cv))));

  /* The school goal dropped on the work goal goes first */
  g_assert_true (drag_onto (_hel_plan_goal_section_get_drag_handle (
                              HEL_PLAN_GOAL_SECTION (school_section)), work_section));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (goal_at (plan, 0)->id, ==, school_id);
  g_assert_cmpint (goal_at (plan, 1)->id, ==, work_id);

  /* Each drop is one edit: Ctrl+Z takes back the last move of the goal, then CV's */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (goal_at (plan, 0)->id, ==, work_id);
  g_assert_cmpint (subgoal_id_at (plan, 0, 2), ==, cv);
}

/* Steps keep the order they are put in: Alt+Up/Down, or dragged onto another step of the same
 * small goal; a step dropped on another small goal's step stays where it is. */
static void
test_step_order (Fixture       *f,
                 gconstpointer  data)
{
  const char *subgoals[] = { "CV", "Praktik", NULL };
  const char *steps[] = { "Ring til jobcentret", "Skriv CV", "Send ansøgning" };
  g_autoptr(HelPlan) plan = NULL;
  gint64 cv, praktik, first, second, third, other;
  HelSubgoalRow *row;
  GtkWidget *step_row;

  add_goal_through_view (f, "Mor i arbejde", subgoals);
  plan = load (f);
  cv = subgoal_id_at (plan, 0, 0);
  praktik = subgoal_id_at (plan, 0, 1);
  row = subgoal_row (f, cv);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    type_and_apply (_hel_subgoal_row_get_add_step_row (row), steps[i]);
  type_and_apply (_hel_subgoal_row_get_add_step_row (subgoal_row (f, praktik)), "Find en praktik");
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
#define STEP(sg, i) (((HelStep *) hel_plan_find_subgoal (plan, (sg), NULL)->steps->pdata[i])->id)
  first = STEP (cv, 0);
  second = STEP (cv, 1);
  third = STEP (cv, 2);
  other = STEP (praktik, 0);

  /* Alt+Up on the third: second place; at the top, Alt+Up does nothing */
  step_row = _hel_subgoal_row_find_step (row, third);
  gtk_widget_activate_action (step_row, "step.move-up", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (STEP (cv, 1), ==, third);
  g_assert_cmpint (STEP (cv, 2), ==, second);
  gtk_widget_activate_action (_hel_subgoal_row_find_step (row, first), "step.move-up", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (STEP (cv, 0), ==, first);

  /* The last dragged onto the first takes its place */
  g_assert_true (drag_onto (_hel_step_row_get_drag_handle (HEL_STEP_ROW (
                              _hel_subgoal_row_find_step (row, second))),
                            _hel_subgoal_row_find_step (row, first)));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (STEP (cv, 0), ==, second);
  g_assert_cmpint (STEP (cv, 1), ==, first);
  g_assert_cmpint (STEP (cv, 2), ==, third);

  /* Another small goal's step does not come over */
  g_assert_false (drag_onto (_hel_step_row_get_drag_handle (HEL_STEP_ROW (
                               _hel_subgoal_row_find_step (subgoal_row (f, praktik), other))),
                             _hel_subgoal_row_find_step (row, first)));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpuint (hel_plan_find_subgoal (plan, cv, NULL)->steps->len, ==, 3);

  /* One edit each: undo puts the drag back */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (STEP (cv, 0), ==, first);
  g_assert_cmpint (STEP (cv, 1), ==, third);
#undef STEP
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  const char *subgoals[] = { "CV", NULL };
  g_autoptr(HelPlan) plan = NULL;
  gint64 goal_id, sg_id;

  goal_id = add_goal_through_view (f, "Mor i arbejde", subgoals);
  plan = load (f);
  sg_id = ((HelSubgoal *) goal_at (plan, 0)->subgoals->pdata[0])->id;
  type_and_apply (_hel_subgoal_row_get_add_step_row (subgoal_row (f, sg_id)), "Ring til mentor");

  gtk_widget_activate_action (GTK_WIDGET (subgoal_row (f, sg_id)), "subgoal.delete", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_null (hel_plan_find_subgoal (plan, sg_id, NULL));
  g_assert_null (_hel_plan_view_find_subgoal (f->view, sg_id));

  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_nonnull (hel_plan_find_subgoal (plan, sg_id, NULL));
  g_assert_cmpuint (hel_plan_find_subgoal (plan, sg_id, NULL)->steps->len, ==, 1);
  g_assert_nonnull (_hel_plan_view_find_subgoal (f->view, sg_id));

  /* The toast's "Undo" takes back its deletion: pressed at once, the step is back. */
  {
    gint64 step_id = ((HelStep *) hel_plan_find_subgoal (plan, sg_id, NULL)->steps->pdata[0])->id;
    AdwToast *toast;

    g_assert_null (_hel_plan_view_get_undo_toast (f->view));
    g_signal_emit_by_name (_hel_step_row_get_delete_button (
      HEL_STEP_ROW (_hel_subgoal_row_find_step (subgoal_row (f, sg_id), step_id))), "clicked");
    toast = _hel_plan_view_get_undo_toast (f->view);
    g_assert_nonnull (toast);
    g_signal_emit_by_name (toast, "button-clicked");
    g_clear_pointer (&plan, hel_plan_unref);
    plan = load (f);
    g_assert_nonnull (hel_plan_find_step (plan, step_id, NULL));
    g_assert_null (_hel_plan_view_get_undo_toast (f->view));

    /* Deleted again, then another edit: the toast goes, so its "Undo" can never take back the
     * later edit instead of the deletion. */
    g_signal_emit_by_name (_hel_step_row_get_delete_button (
      HEL_STEP_ROW (_hel_subgoal_row_find_step (subgoal_row (f, sg_id), step_id))), "clicked");
    toast = _hel_plan_view_get_undo_toast (f->view);
    g_assert_nonnull (toast);
    g_object_ref (toast);
    type_and_apply (_hel_subgoal_row_get_wording_row (subgoal_row (f, sg_id)), "Et CV");
    g_assert_null (_hel_plan_view_get_undo_toast (f->view));
    /* A click that still reaches the old toast undoes nothing */
    g_signal_emit_by_name (toast, "button-clicked");
    g_object_unref (toast);
    g_clear_pointer (&plan, hel_plan_unref);
    plan = load (f);
    g_assert_cmpstr (hel_plan_find_subgoal (plan, sg_id, NULL)->wording, ==, "Et CV");
    g_assert_null (hel_plan_find_step (plan, step_id, NULL));
    /* Ctrl+Z goes back one edit at a time: the wording, then the deletion */
    gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
    gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
    g_clear_pointer (&plan, hel_plan_unref);
    plan = load (f);
    g_assert_cmpstr (hel_plan_find_subgoal (plan, sg_id, NULL)->wording, ==, "CV");
    g_assert_nonnull (hel_plan_find_step (plan, step_id, NULL));
  }

  /* The whole goal, and back */
  gtk_widget_activate_action (_hel_plan_view_find_goal (f->view, goal_id), "goal.delete", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpuint (hel_plan_data (plan)->goals->len, ==, 0);
  g_assert_null (_hel_plan_view_find_goal (f->view, goal_id));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpuint (hel_plan_data (plan)->goals->len, ==, 1);
  g_assert_nonnull (hel_plan_find_subgoal (plan, sg_id, NULL));
  g_assert_nonnull (_hel_plan_view_find_subgoal (f->view, sg_id));
}

/* Beside the family list at 1024 px there are about 690 px for the page: the plan must fit
 * there (its commands go into a menu), or the window folds to show it alone. */
static void
test_fits_beside_list (Fixture       *f,
                       gconstpointer  data)
{
  const char *subgoals[] = { "Maja skriver et CV til jobcentret og til praktikstedet", NULL };
  int minimum = 0, natural = 0;

  add_goal_through_view (f, "Mor i arbejde, med faste timer og en aftale om sygdom", subgoals);
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_test_message ("plan view: minimum %d px, natural %d px", minimum, natural);
  g_assert_cmpint (minimum, <=, 640);
}

/* An ISO date @days from today, local time. */
static char *
days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A step overdue inside a closed small goal is seen without opening it: on the row's pill and
 * subtitle, in the goal's count; a follow-up date that has passed is said to be due. */
static void
test_due_at_a_glance (Fixture       *f,
                      gconstpointer  data)
{
  const char *subgoals[] = { "Maja skriver et CV", NULL };
  g_autoptr(HelPlan) plan = NULL;
  g_autoptr(HelStep) step = hel_step_new ("Ring til jobcentret");
  g_autoptr(GError) error = NULL;
  g_autofree char *yesterday = NULL;
  g_autofree char *far = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *section;
  HelSubgoalRow *row;
  HelSubgoal *sg;
  gint64 goal_id, sg_id;

  yesterday = days_from_today (-1);
  far = days_from_today (200);

  goal_id = add_goal_through_view (f, "Mor i arbejde", subgoals);
  plan = load (f);
  sg = goal_at (plan, 0)->subgoals->pdata[0];
  sg_id = sg->id;
  g_free (sg->deadline);
  sg->deadline = g_strdup (far);
  g_free (sg->next_followup);
  sg->next_followup = g_strdup (yesterday);
  g_assert_true (hel_store_save_subgoal (f->store, sg, &error));
  step->due = g_strdup (yesterday);
  g_assert_true (hel_store_save_step (f->store, sg_id, step, &error));
  g_assert_no_error (error);

  row = subgoal_row (f, sg_id);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (gtk_widget_get_visible (_hel_subgoal_row_get_pill (row)));
  g_assert_true (gtk_widget_has_css_class (_hel_subgoal_row_get_pill (row), "error"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            "1 step overdue"));
  shown = hel_date_format (yesterday);
  expected = g_strdup_printf ("follow-up due since %s", shown);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), expected));

  section = _hel_plan_view_find_goal (f->view, goal_id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (
    _hel_plan_goal_section_get_overdue_pill (HEL_PLAN_GOAL_SECTION (section)))));
  g_assert_cmpstr (gtk_label_get_text (_hel_plan_goal_section_get_overdue_pill (
                     HEL_PLAN_GOAL_SECTION (section))), ==, "1 overdue");
  g_assert_nonnull (strstr (gtk_label_get_text (_hel_plan_goal_section_get_caption (
                              HEL_PLAN_GOAL_SECTION (section))), expected));

  /* The step done: nothing is overdue any more */
  step->done = TRUE;
  g_assert_true (hel_store_save_step (f->store, sg_id, step, &error));
  g_assert_false (gtk_widget_has_css_class (_hel_subgoal_row_get_pill (row), "error"));
  g_assert_null (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "overdue"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (
    _hel_plan_goal_section_get_overdue_pill (HEL_PLAN_GOAL_SECTION (section)))));
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const char *subgoals[] = { "CV", NULL };
  g_autoptr(HelPlan) before = NULL;
  g_autoptr(HelPlan) after = NULL;
  HelUndoStack *undo = _hel_plan_view_get_undo_stack (f->view);
  AdwEntryRow *deadline, *wording, *add_goal, *add_step;
  HelSubgoalRow *row;
  gint64 sg_id;

  add_goal_through_view (f, "Mor i arbejde", subgoals);
  before = load (f);
  sg_id = ((HelSubgoal *) goal_at (before, 0)->subgoals->pdata[0])->id;
  row = subgoal_row (f, sg_id);
  hel_undo_stack_clear (undo);

  /* A deadline before the small goal was made */
  deadline = _hel_subgoal_row_get_deadline_row (row);
  type_and_apply (deadline, "01.01.2020");
  g_assert_true (has_error (deadline));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline)), ==, "01.01.2020");
  g_assert_nonnull (strstr (_hel_subgoal_row_get_error (row, GTK_WIDGET (deadline)),
                            "before the small goal was made"));

  /* Not a date at all */
  type_and_apply (deadline, "32.13.2026");
  g_assert_true (has_error (deadline));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline)), ==, "32.13.2026");

  /* An empty wording */
  wording = _hel_subgoal_row_get_wording_row (row);
  type_and_apply (wording, "   ");
  g_assert_true (has_error (wording));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wording)), ==, "   ");
  g_assert_nonnull (_hel_subgoal_row_get_error (row, GTK_WIDGET (wording)));

  /* An empty big goal and an empty step add nothing */
  add_goal = _hel_plan_view_get_add_goal_row (f->view);
  type_and_apply (add_goal, "");
  g_assert_true (has_error (add_goal));
  add_step = _hel_subgoal_row_get_add_step_row (row);
  type_and_apply (add_step, " ");
  g_assert_true (has_error (add_step));

  /* Nothing was written, nothing to undo; a refresh keeps what was typed */
  after = load (f);
  g_assert_true (hel_plan_equal (before, after));
  g_assert_false (hel_undo_stack_can_undo (undo));
  type_and_apply (_hel_subgoal_row_get_followup_row (row), "01.06.2099");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wording)), ==, "   ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline)), ==, "32.13.2026");

  /* Fixed input clears the message */
  type_and_apply (deadline, "01.01.2099");
  g_assert_false (has_error (deadline));
  g_assert_null (_hel_subgoal_row_get_error (row, GTK_WIDGET (deadline)));
}

static void
test_removed_owner (Fixture       *f,
                    gconstpointer  data)
{
  const char *subgoals[] = { "Lektier", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlan) plan = NULL;
  HelStep *step;
  HelStepRow *step_row;
  gint64 sg_id;

  add_goal_through_view (f, "Ro om skolegangen", subgoals);
  plan = load (f);
  sg_id = ((HelSubgoal *) goal_at (plan, 0)->subgoals->pdata[0])->id;
  step = hel_step_new ("Lektier hver dag");
  step->owner_kind = HEL_OWNER_MEMBER;
  step->owner_member_id = f->malthe;
  g_assert_true (hel_store_save_step (f->store, sg_id, step, &error));
  g_assert_no_error (error);

  step_row = HEL_STEP_ROW (_hel_subgoal_row_find_step (subgoal_row (f, sg_id), step->id));
  g_assert_nonnull (step_row);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hel_step_row_get_owner_warning (step_row))));

  /* Malthe leaves the family: the step says so at its owner */
  g_assert_true (hel_store_delete_member (f->store, f->malthe, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_step_row_get_owner_warning (step_row))));
  g_assert_null (_hel_subgoal_row_get_owner_toggle (subgoal_row (f, sg_id), f->malthe));

  /* Choosing Maja fixes it */
  gtk_drop_down_set_selected (_hel_step_row_get_owner_dropdown (step_row),
                              _hel_step_row_owner_position (step_row, HEL_OWNER_MEMBER, f->maja));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = load (f);
  g_assert_cmpint (hel_plan_find_step (plan, step->id, NULL)->owner_member_id, ==, f->maja);
  WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (_hel_step_row_get_owner_warning (step_row))));
  hel_step_free (step);
}

static void
test_wishes_autosave (Fixture       *f,
                      gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (_hel_plan_view_get_wishes_view (f->view));
  GtkTextView *maja_view = _hel_plan_view_get_member_wishes_view (f->view, f->maja);

  gtk_text_buffer_set_text (buffer, "Vi vil have mere ro om morgenen.", -1);
  /* Saved after a second without typing */
  WAIT_FOR (({ g_autoptr(HelPlan) p = load (f);
               g_strcmp0 (hel_plan_data (p)->wishes, "Vi vil have mere ro om morgenen.") == 0; }));

  g_assert_nonnull (maja_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (maja_view), "Et arbejde med faste timer", -1);
  _hel_plan_view_flush (f->view);
  {
    g_autoptr(HelPlan) p = load (f);
    g_assert_cmpstr (g_hash_table_lookup (hel_plan_data (p)->member_wishes, &f->maja), ==,
                     "Et arbejde med faste timer");
  }

  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.undo", NULL);
  {
    g_autoptr(HelPlan) p = load (f);
    g_assert_null (g_hash_table_lookup (hel_plan_data (p)->member_wishes, &f->maja));
  }
}

static void
test_save_version (Fixture       *f,
                   gconstpointer  data)
{
  const char *subgoals[] = { "CV", NULL };
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  HelPlanVersionsWindow *window;
  GPtrArray *diff;

  add_goal_through_view (f, "Mor i arbejde", subgoals);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "plan.save-version", NULL);
  dialog = _hel_plan_view_get_version_dialog (f->view);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (_hel_plan_view_get_version_entry (f->view),
                         "Maja, Jonna (jobcenter), Frede (familiegruppe)");
  adw_message_dialog_response (dialog, "save");
  g_assert_null (_hel_plan_view_get_version_dialog (f->view));

  versions = hel_store_list_plan_versions (f->store, f->family_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpstr (((HelPlanVersion *) versions->pdata[0])->participants, ==,
                   "Maja, Jonna (jobcenter), Frede (familiegruppe)");

  /* After a change, the versions window shows it against the saved version */
  add_goal_through_view (f, "Ro om skolegangen", NULL);
  window = HEL_PLAN_VERSIONS_WINDOW (hel_plan_versions_window_new (f->store, f->family_id));
  gtk_window_present (GTK_WINDOW (window));
  diff = _hel_plan_versions_window_get_diff (window);
  g_assert_nonnull (diff);
  g_assert_cmpuint (diff->len, ==, 1);
  g_assert_cmpstr (diff->pdata[0], ==, "Added goal “Ro om skolegangen”");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Print through the real GtkPrintOperation (to a file instead of a printer) and read it back. */
static void
test_print_to_file (Fixture       *f,
                    gconstpointer  data)
{
  const char *subgoals[] = { "Maja skriver et CV", NULL };
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMember) maja = hel_store_get_member (f->store, f->maja, NULL);
  int status = 0;

  /* A CPR number on record must never reach the family's paper. */
  hel_member_set_cpr (maja, "010180-1234");
  hel_member_set_birth_date (maja, "1980-01-01");
  g_assert_true (hel_store_save_member (f->store, maja, &error));
  add_goal_through_view (f, "Mor i arbejde", subgoals);

  g_assert_true (_hel_plan_view_print_to_file (f->view, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  quoted = g_shell_quote (pdf);
  command = g_strdup_printf ("pdftotext %s -", quoted);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Mor i arbejde"));
  g_assert_nonnull (strstr (text, "Maja skriver et CV"));
  g_assert_null (strstr (text, "010180"));
  g_assert_null (strstr (text, "1234"));
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-view/add-and-edit", test_add_and_edit);
  ADD ("/plan-view/reorder-undo-redo", test_reorder_undo_redo);
  ADD ("/plan-view/drag-and-drop", test_drag_and_drop);
  ADD ("/plan-view/step-order", test_step_order);
  ADD ("/plan-view/delete-undo", test_delete_undo);
  ADD ("/plan-view/due-at-a-glance", test_due_at_a_glance);
  ADD ("/plan-view/fits-beside-list", test_fits_beside_list);
  ADD ("/plan-view/bad-input", test_bad_input);
  ADD ("/plan-view/removed-owner", test_removed_owner);
  ADD ("/plan-view/wishes-autosave", test_wishes_autosave);
  ADD ("/plan-view/save-version", test_save_version);
  ADD ("/plan-view/print-to-file", test_print_to_file);
#undef ADD

  return g_test_run ();
}
