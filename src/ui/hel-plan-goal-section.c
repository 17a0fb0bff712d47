/* hel-plan-goal-section.c: one big goal: its wording, its small goals, moving and deleting it. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-plan-goal-section.h"
#include "hel-plan-view-private.h"
#include "hel-subgoal-row.h"
#include "hel-validate.h"

#define ORDER_TITLE       (-2000)
#define ORDER_TITLE_ERROR (-1999)
#define ORDER_ADD         1000000
#define ORDER_ADD_ERROR   1000001

struct _HelPlanGoalSection
{
  GtkWidget    parent_instance;

  HelPlanView *view;       /* unowned: the view owns the section */
  gint64       goal_id;
  char        *title;      /* as last read */
  guint        index;

  GtkWidget   *header;
  GtkWidget   *handle;
  GtkWidget   *heading;
  GtkWidget   *caption;
  GtkWidget   *overdue_pill;
  GtkWidget   *soon_pill;
  GtkWidget   *menu_button;
  GtkListBox  *list;
  AdwEntryRow *title_row;
  GtkWidget   *title_error;
  AdwEntryRow *add_row;
  GtkWidget   *add_error;
};

G_DEFINE_FINAL_TYPE (HelPlanGoalSection, hel_plan_goal_section, GTK_TYPE_WIDGET)

gint64
hel_plan_goal_section_get_goal_id (HelPlanGoalSection *self)
{
  g_return_val_if_fail (HEL_IS_PLAN_GOAL_SECTION (self), 0);
  return self->goal_id;
}

/* ---- edits ---- */

static void
title_commit (GtkWidget          *row,
              HelPlanGoalSection *self)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  HelGoal *goal = hel_goal_new (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  HelPlan *before;
  gboolean ok;

  goal->id = self->goal_id;
  before = _hel_plan_view_begin_edit (self->view);
  ok = hel_store_save_goal (_hel_plan_view_get_store (self->view),
                            _hel_plan_view_get_family_id (self->view), goal, &error);
  if (ok)
    _hel_plan_entry_set_shown (GTK_EDITABLE (self->title_row), goal->title);
  _hel_plan_view_end_edit (self->view, before, _("Rename goal"), ok);
  _hel_plan_show_error (GTK_WIDGET (self->title_row), self->title_error, error);
  hel_goal_free (goal);
}

static void
add_commit (HelPlanGoalSection *self)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  HelSubgoal *sg = hel_subgoal_new (gtk_editable_get_text (GTK_EDITABLE (self->add_row)));
  HelPlan *before;
  gboolean ok;

  sg->goal_id = self->goal_id;
  before = _hel_plan_view_begin_edit (self->view);
  ok = hel_store_save_subgoal (_hel_plan_view_get_store (self->view), sg, &error);
  _hel_plan_view_end_edit (self->view, before, _("Add small goal"), ok);
  _hel_plan_show_error (GTK_WIDGET (self->add_row), self->add_error, error);
  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  hel_subgoal_free (sg);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelPlanGoalSection *self = HEL_PLAN_GOAL_SECTION (widget);
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  gboolean up = g_str_equal (action_name, "goal.move-up");

  if (up && self->index == 0)
    return;
  _hel_plan_view_move_goal (self->view, self->goal_id, up ? self->index - 1 : self->index + 1);
  /* The section stays the same widget, so focus stays where it was. */
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelPlanGoalSection *self = HEL_PLAN_GOAL_SECTION (widget);
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_strdup_printf (_("Goal “%s” deleted"), self->title);
  HelPlanView *view = self->view;
  HelPlan *before = _hel_plan_view_begin_edit (view);
  gboolean ok = hel_store_delete_goal (_hel_plan_view_get_store (view), self->goal_id, &error);

  if (_hel_plan_view_end_edit (view, before, _("Delete goal"), ok))
    _hel_plan_view_toast (view, message, TRUE);
  else
    _hel_plan_view_error_toast (view, error);
}

/* ---- drag and drop ---- */

static gboolean
drop_cb (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         HelPlanGoalSection *self)
{
  GObject *dropped = g_value_get_object (value);

  if (HEL_IS_PLAN_GOAL_SECTION (dropped))
    {
      HelPlanGoalSection *other = HEL_PLAN_GOAL_SECTION (dropped);

      if (other == self)
        return FALSE;
      return _hel_plan_view_move_goal (self->view, other->goal_id, self->index);
    }
  if (HEL_IS_SUBGOAL_ROW (dropped))
    {
      /* Dropped on the goal but on no small goal: it goes last in this goal. */
      gint64 id = hel_subgoal_row_get_subgoal_id (HEL_SUBGOAL_ROW (dropped));
      HelGoal *goal = hel_plan_find_goal (_hel_plan_view_get_plan (self->view), self->goal_id);

      return _hel_plan_view_move_subgoal (self->view, id, self->goal_id,
                                          goal ? goal->subgoals->len : G_MAXUINT);
    }
  return FALSE;
}

/* ---- update ---- */

void
hel_plan_goal_section_update (HelPlanGoalSection *self,
                              HelGoal            *goal,
                              guint               index,
                              guint               n_goals)
{
  const char *today = _hel_plan_view_get_today (self->view);
  g_autofree char *heading = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GString) caption = g_string_new (NULL);
  guint overdue = 0, soon = 0, achieved = 0;

  g_return_if_fail (HEL_IS_PLAN_GOAL_SECTION (self));

  self->index = index;
  g_free (self->title);
  self->title = g_strdup (goal->title);
  /* Translators: the heading over a big goal, “Goal 1 of 3” */
  heading = g_strdup_printf (_("Goal %u of %u"), index + 1, n_goals);
  gtk_label_set_text (GTK_LABEL (self->heading), heading);
  _hel_plan_entry_fill (GTK_EDITABLE (self->title_row), goal->title);

  for (guint i = 0; i < goal->subgoals->len; i++)
    {
      HelSubgoal *sg = goal->subgoals->pdata[i];
      gboolean open = sg->status != HEL_GOAL_ACHIEVED && sg->status != HEL_GOAL_DROPPED;
      guint o, s;

      /* The same count as the plan's and the family list's: deadlines and open steps */
      hel_subgoal_count_due (sg, today, &o, &s);
      overdue += o;
      soon += s;
      achieved += sg->status == HEL_GOAL_ACHIEVED;
      if (open && sg->next_followup && *sg->next_followup &&
          (next == NULL || hel_date_compare (sg->next_followup, next) < 0))
        {
          g_free (next);
          next = g_strdup (sg->next_followup);
        }
    }
  if (goal->subgoals->len > 0)
    g_string_append_printf (caption, ngettext ("%u of %u small goal achieved",
                                               "%u of %u small goals achieved",
                                               goal->subgoals->len),
                            achieved, goal->subgoals->len);
  if (next != NULL)
    {
      g_autofree char *shown = hel_date_format (next);
      if (caption->len > 0)
        g_string_append (caption, " · ");
      if (hel_due_state_for_date (next, today) == HEL_DUE_OVERDUE)
        /* Translators: a follow-up that should have happened, “follow-up due since 01.11.2026” */
        g_string_append_printf (caption, _("follow-up due since %s"), shown);
      else
        g_string_append_printf (caption, _("next follow-up %s"), shown);
    }
  gtk_label_set_text (GTK_LABEL (self->caption), caption->str);
  gtk_widget_set_visible (self->caption, caption->len > 0);

  if (overdue > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue),
                                               overdue);
      gtk_label_set_text (GTK_LABEL (self->overdue_pill), text);
    }
  if (soon > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u due soon", "%u due soon", soon), soon);
      gtk_label_set_text (GTK_LABEL (self->soon_pill), text);
    }
  gtk_widget_set_visible (self->overdue_pill, overdue > 0);
  gtk_widget_set_visible (self->soon_pill, soon > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goal.move-down", index + 1 < n_goals);
}

void
hel_plan_goal_section_adopt (HelPlanGoalSection *self,
                             GtkWidget          *row,
                             int                 order)
{
  GtkWidget *parent = gtk_widget_get_parent (row);

  g_return_if_fail (HEL_IS_PLAN_GOAL_SECTION (self));

  _hel_plan_set_order (row, order);
  if (parent == GTK_WIDGET (self->list))
    return;

  /* Moving between goals re-parents the row; whatever had focus inside it gets it back. */
  {
    GtkRoot *root = gtk_widget_get_root (row);
    GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
    gboolean had_focus = focus && (focus == row || gtk_widget_is_ancestor (focus, row));

    g_object_ref (row);
    if (focus)
      g_object_ref (focus);
    if (GTK_IS_LIST_BOX (parent))
      gtk_list_box_remove (GTK_LIST_BOX (parent), row);
    gtk_list_box_append (self->list, row);
    if (had_focus)
      gtk_widget_grab_focus (focus);
    g_clear_object (&focus);
    g_object_unref (row);
  }
}

void
hel_plan_goal_section_resort (HelPlanGoalSection *self)
{
  g_return_if_fail (HEL_IS_PLAN_GOAL_SECTION (self));
  gtk_list_box_invalidate_sort (self->list);
}

void
hel_plan_goal_section_focus_add_row (HelPlanGoalSection *self)
{
  g_return_if_fail (HEL_IS_PLAN_GOAL_SECTION (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

/* ---- construction ---- */

static AdwEntryRow *
entry_row_new (const char *title,
               const char *icon_name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  /* Ctrl+Z is the plan's undo, also while an entry has focus. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  if (icon_name)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), icon);
    }
  return ADW_ENTRY_ROW (row);
}

GtkWidget *
hel_plan_goal_section_new (HelPlanView *view,
                           gint64       goal_id)
{
  HelPlanGoalSection *self = g_object_new (HEL_TYPE_PLAN_GOAL_SECTION, NULL);

  self->view = view;
  self->goal_id = goal_id;
  return GTK_WIDGET (self);
}

static void
hel_plan_goal_section_dispose (GObject *object)
{
  HelPlanGoalSection *self = HEL_PLAN_GOAL_SECTION (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (hel_plan_goal_section_parent_class)->dispose (object);
}

static void
hel_plan_goal_section_finalize (GObject *object)
{
  HelPlanGoalSection *self = HEL_PLAN_GOAL_SECTION (object);

  g_free (self->title);
  G_OBJECT_CLASS (hel_plan_goal_section_parent_class)->finalize (object);
}

static void
hel_plan_goal_section_class_init (HelPlanGoalSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_plan_goal_section_dispose;
  object_class->finalize = hel_plan_goal_section_finalize;

  gtk_widget_class_install_action (widget_class, "goal.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "goal.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "goal.delete", NULL, delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "goal.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "goal.move-down",
                                       NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static GMenuModel *
goal_menu_new (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();

  g_menu_append (moves, _("Move _Up\tAlt+↑"), "goal.move-up");
  g_menu_append (moves, _("Move _Down\tAlt+↓"), "goal.move-down");
  g_menu_append (danger, _("_Delete Goal"), "goal.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return G_MENU_MODEL (menu);
}

static void
hel_plan_goal_section_init (HelPlanGoalSection *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  g_autoptr(GMenuModel) menu = goal_menu_new ();
  GType types[] = { HEL_TYPE_PLAN_GOAL_SECTION, HEL_TYPE_SUBGOAL_ROW };
  GtkWidget *titles;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 8);
  gtk_widget_add_css_class (GTK_WIDGET (self), "hel-plan-goal");

  /* Header: handle, "Goal 1 of 3", progress, pills, menu. */
  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  self->handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (self->handle, "dim-label");
  gtk_widget_set_tooltip_text (self->handle, _("Drag to move the goal"));
  gtk_widget_set_cursor_from_name (self->handle, "grab");
  gtk_box_append (GTK_BOX (self->header), self->handle);

  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_box_append (GTK_BOX (titles), self->heading);
  self->caption = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->caption, "caption");
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_box_append (GTK_BOX (titles), self->caption);
  gtk_box_append (GTK_BOX (self->header), titles);

  self->overdue_pill = _hel_plan_pill_new ();
  gtk_widget_add_css_class (self->overdue_pill, "error");
  gtk_box_append (GTK_BOX (self->header), self->overdue_pill);
  self->soon_pill = _hel_plan_pill_new ();
  gtk_widget_add_css_class (self->soon_pill, "warning");
  gtk_box_append (GTK_BOX (self->header), self->soon_pill);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
  gtk_widget_set_tooltip_text (self->menu_button, _("Goal Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Goal Menu"), -1);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->header), self->menu_button);

  /* The list: wording, small goals, "Add small goal". */
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_sort_func (self->list, _hel_plan_order_sort, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->title_row = entry_row_new (_("Big goal, in the family’s words"), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "hel-plan-goal-title");
  _hel_plan_set_order (GTK_WIDGET (self->title_row), ORDER_TITLE);
  g_signal_connect (self->title_row, "apply", G_CALLBACK (title_commit), self);
  _hel_plan_watch_focus_out (GTK_WIDGET (self->title_row), G_CALLBACK (title_commit), self);
  gtk_list_box_append (self->list, GTK_WIDGET (self->title_row));
  self->title_error = _hel_plan_error_row_new ();
  _hel_plan_set_order (self->title_error, ORDER_TITLE_ERROR);
  gtk_list_box_append (self->list, self->title_error);

  self->add_row = entry_row_new (_("Add a small goal"), "list-add-symbolic");
  _hel_plan_set_order (GTK_WIDGET (self->add_row), ORDER_ADD);
  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (add_commit), self);
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (add_commit), self);
  gtk_list_box_append (self->list, GTK_WIDGET (self->add_row));
  self->add_error = _hel_plan_error_row_new ();
  _hel_plan_set_order (self->add_error, ORDER_ADD_ERROR);
  gtk_list_box_append (self->list, self->add_error);

  /* Drag by the handle; drop a goal or a small goal anywhere on the section. */
  _hel_plan_setup_drag (self->handle, GTK_WIDGET (self), self->header, types,
                        G_N_ELEMENTS (types), G_CALLBACK (drop_cb), self);
}

/* ---- test hooks ---- */

AdwEntryRow *
_hel_plan_goal_section_get_title_row (HelPlanGoalSection *self)
{
  return self->title_row;
}

AdwEntryRow *
_hel_plan_goal_section_get_add_row (HelPlanGoalSection *self)
{
  return self->add_row;
}

GtkLabel *
_hel_plan_goal_section_get_overdue_pill (HelPlanGoalSection *self)
{
  return GTK_LABEL (self->overdue_pill);
}

GtkLabel *
_hel_plan_goal_section_get_caption (HelPlanGoalSection *self)
{
  return GTK_LABEL (self->caption);
}

GtkWidget *
_hel_plan_goal_section_get_drag_handle (HelPlanGoalSection *self)
{
  return self->handle;
}

GtkListBox *
_hel_plan_goal_section_get_list (HelPlanGoalSection *self)
{
  return self->list;
}
