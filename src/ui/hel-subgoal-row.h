/* hel-subgoal-row.h: one small goal (delmål) as an expander row: wording, owners, deadline,
 * status, scale, steps and follow-up notes. */
#pragma once

#include <adwaita.h>

#include "hel-plan.h"
#include "hel-plan-view.h"

G_BEGIN_DECLS

#define HEL_TYPE_SUBGOAL_ROW (hel_subgoal_row_get_type ())
G_DECLARE_FINAL_TYPE (HelSubgoalRow, hel_subgoal_row, HEL, SUBGOAL_ROW, AdwExpanderRow)

GtkWidget   *hel_subgoal_row_new            (HelPlanView   *view,
                                             gint64         subgoal_id);
gint64       hel_subgoal_row_get_subgoal_id (HelSubgoalRow *self);
/* Brings the row up to date in place; text the person is typing stays. */
void         hel_subgoal_row_update         (HelSubgoalRow *self,
                                             HelSubgoal    *subgoal,
                                             HelGoal       *goal);

/* Test hooks */
AdwEntryRow *_hel_subgoal_row_get_wording_row  (HelSubgoalRow *self);
AdwEntryRow *_hel_subgoal_row_get_deadline_row (HelSubgoalRow *self);
AdwEntryRow *_hel_subgoal_row_get_followup_row (HelSubgoalRow *self);
AdwComboRow *_hel_subgoal_row_get_status_row   (HelSubgoalRow *self);
GtkRange    *_hel_subgoal_row_get_scale        (HelSubgoalRow *self);
AdwActionRow *_hel_subgoal_row_get_scale_row   (HelSubgoalRow *self);
/* The owner toggle for @member_id, or NULL. */
GtkToggleButton *_hel_subgoal_row_get_owner_toggle (HelSubgoalRow *self,
                                                    gint64         member_id);
AdwEntryRow *_hel_subgoal_row_get_add_step_row (HelSubgoalRow *self);
AdwEntryRow *_hel_subgoal_row_get_add_note_row (HelSubgoalRow *self);
GtkWidget   *_hel_subgoal_row_find_step        (HelSubgoalRow *self,
                                                gint64         step_id);
/* The handle that carries the drag source; the row itself carries the drop target. */
GtkWidget   *_hel_subgoal_row_get_drag_handle  (HelSubgoalRow *self);
GtkWidget   *_hel_subgoal_row_find_note        (HelSubgoalRow *self,
                                                gint64         note_id);
GtkWidget   *_hel_subgoal_row_get_pill         (HelSubgoalRow *self);
/* The message shown under @field (an entry row of this small goal), or NULL. */
const char  *_hel_subgoal_row_get_error        (HelSubgoalRow *self,
                                                GtkWidget     *field);

G_END_DECLS
