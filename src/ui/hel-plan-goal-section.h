/* hel-plan-goal-section.h: one big goal of the family plan, with its small goals under it. */
#pragma once

#include <adwaita.h>

#include "hel-plan.h"
#include "hel-plan-view.h"

G_BEGIN_DECLS

#define HEL_TYPE_PLAN_GOAL_SECTION (hel_plan_goal_section_get_type ())
G_DECLARE_FINAL_TYPE (HelPlanGoalSection, hel_plan_goal_section, HEL, PLAN_GOAL_SECTION, GtkWidget)

GtkWidget   *hel_plan_goal_section_new          (HelPlanView        *view,
                                                 gint64              goal_id);
gint64       hel_plan_goal_section_get_goal_id  (HelPlanGoalSection *self);
/* Fills the header and title from @goal, the @index-th of @n_goals. */
void         hel_plan_goal_section_update       (HelPlanGoalSection *self,
                                                 HelGoal            *goal,
                                                 guint               index,
                                                 guint               n_goals);
/* Puts a small goal's row in this section at @order, moving it from another section with
 * its focus kept. */
void         hel_plan_goal_section_adopt        (HelPlanGoalSection *self,
                                                 GtkWidget          *row,
                                                 int                 order);
void         hel_plan_goal_section_resort       (HelPlanGoalSection *self);
void         hel_plan_goal_section_focus_add_row (HelPlanGoalSection *self);

/* Test hooks */
AdwEntryRow *_hel_plan_goal_section_get_title_row (HelPlanGoalSection *self);
AdwEntryRow *_hel_plan_goal_section_get_add_row   (HelPlanGoalSection *self);
GtkListBox  *_hel_plan_goal_section_get_list      (HelPlanGoalSection *self);
/* The handle that carries the drag source; the section itself carries the drop target. */
GtkWidget   *_hel_plan_goal_section_get_drag_handle (HelPlanGoalSection *self);
GtkLabel    *_hel_plan_goal_section_get_overdue_pill (HelPlanGoalSection *self);
GtkLabel    *_hel_plan_goal_section_get_caption (HelPlanGoalSection *self);

G_END_DECLS
