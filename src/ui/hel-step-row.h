/* hel-step-row.h: one step of a small goal: what, who, by when, done. */
#pragma once

#include <adwaita.h>

#include "hel-plan.h"
#include "hel-plan-view.h"

G_BEGIN_DECLS

#define HEL_TYPE_STEP_ROW (hel_step_row_get_type ())
G_DECLARE_FINAL_TYPE (HelStepRow, hel_step_row, HEL, STEP_ROW, GtkListBoxRow)

GtkWidget      *hel_step_row_new              (HelPlanView *view,
                                               gint64       step_id);
gint64          hel_step_row_get_step_id      (HelStepRow  *self);
void            hel_step_row_update           (HelStepRow  *self,
                                               gint64       subgoal_id,
                                               HelStep     *step);

/* Test hooks */
GtkCheckButton *_hel_step_row_get_done_button (HelStepRow  *self);
GtkEditable    *_hel_step_row_get_what_entry  (HelStepRow  *self);
GtkEditable    *_hel_step_row_get_due_entry   (HelStepRow  *self);
GtkEditable    *_hel_step_row_get_name_entry  (HelStepRow  *self);
GtkDropDown    *_hel_step_row_get_owner_dropdown (HelStepRow *self);
/* Index in the owner list of @kind with @id (member or caseworker id; 0 otherwise). */
guint           _hel_step_row_owner_position  (HelStepRow  *self,
                                               HelOwnerKind kind,
                                               gint64       id);
GtkLabel       *_hel_step_row_get_error_label (HelStepRow  *self);
GtkLabel       *_hel_step_row_get_owner_warning (HelStepRow *self);
GtkWidget      *_hel_step_row_get_delete_button (HelStepRow *self);
GtkWidget      *_hel_step_row_get_drag_handle (HelStepRow  *self);
GtkWidget      *_hel_step_row_get_pill        (HelStepRow  *self);

G_END_DECLS
