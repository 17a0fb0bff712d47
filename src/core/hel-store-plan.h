/* hel-store-plan.h: reading and writing family plans; one transaction per edit. */
#pragma once

#include "hel-plan.h"
#include "hel-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  char   *created;       /* ISO date-time, UTC */
  char   *participants;  /* who was there, as typed */
} HelPlanVersion;

void         hel_plan_version_free           (HelPlanVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelPlanVersion, hel_plan_version_free)

typedef struct {
  guint overdue;
  guint due_soon;
} HelDueCounts;

HelPlan     *hel_store_load_plan             (HelStore    *self,
                                              gint64       family_id,
                                              GError     **error);
/* member_id 0: the family's own wishes. Empty text clears. */
gboolean     hel_store_set_wishes            (HelStore    *self,
                                              gint64       family_id,
                                              gint64       member_id,
                                              const char  *text,
                                              GError     **error);
/* id 0 inserts (at the end, created today) and sets the id; otherwise updates. */
gboolean     hel_store_save_goal             (HelStore    *self,
                                              gint64       family_id,
                                              HelGoal     *goal,
                                              GError     **error);
gboolean     hel_store_delete_goal           (HelStore    *self,
                                              gint64       goal_id,
                                              GError     **error);
gboolean     hel_store_move_goal             (HelStore    *self,
                                              gint64       goal_id,
                                              guint        new_index,
                                              GError     **error);
/* Saves wording, deadline, status, next follow-up and owners (sg->goal_id must be set).
 * The scale changes only through hel_store_set_subgoal_scale, which keeps its history. */
gboolean     hel_store_save_subgoal          (HelStore    *self,
                                              HelSubgoal  *subgoal,
                                              GError     **error);
gboolean     hel_store_delete_subgoal        (HelStore    *self,
                                              gint64       subgoal_id,
                                              GError     **error);
gboolean     hel_store_move_subgoal          (HelStore    *self,
                                              gint64       subgoal_id,
                                              gint64       to_goal_id,
                                              guint        new_index,
                                              GError     **error);
gboolean     hel_store_set_subgoal_scale     (HelStore    *self,
                                              gint64       subgoal_id,
                                              int          value,
                                              const char  *set_by,
                                              GError     **error);
gboolean     hel_store_save_step             (HelStore    *self,
                                              gint64       subgoal_id,
                                              HelStep     *step,
                                              GError     **error);
gboolean     hel_store_delete_step           (HelStore    *self,
                                              gint64       step_id,
                                              GError     **error);
gboolean     hel_store_move_step             (HelStore    *self,
                                              gint64       step_id,
                                              guint        new_index,
                                              GError     **error);
gboolean     hel_store_add_followup          (HelStore    *self,
                                              gint64       subgoal_id,
                                              HelFollowup *followup,
                                              GError     **error);
gboolean     hel_store_update_followup       (HelStore          *self,
                                              const HelFollowup *followup,
                                              GError           **error);
gboolean     hel_store_delete_followup       (HelStore    *self,
                                              gint64       followup_id,
                                              GError     **error);

/* What a member owns in the family plan: small goals (as one of their owners) and steps. */
gboolean     hel_store_count_member_plan_items (HelStore  *self,
                                              gint64       member_id,
                                              guint       *n_subgoals,
                                              guint       *n_steps,
                                              GError     **error);
/* Gives what @from_member_id owns to @to_member_id (same family), or to nobody when 0. */
gboolean     hel_store_reassign_member_plan_items (HelStore *self,
                                              gint64       from_member_id,
                                              gint64       to_member_id,
                                              GError     **error);

/* Makes the stored plan equal to @plan (same ids): the undo of any plan edit. Rows of members
 * or caseworkers that no longer exist are left out rather than failing the whole restore. */
gboolean     hel_store_restore_plan          (HelStore    *self,
                                              HelPlan     *plan,
                                              GError     **error);

/* The same, but only while the stored plan still equals @expected, checked in the same
 * transaction; otherwise HEL_STORE_ERROR_CHANGED and nothing is written. Undo and redo use it,
 * so that they never wipe out what someone else wrote in the meantime. */
gboolean     hel_store_restore_plan_from     (HelStore    *self,
                                              HelPlan     *expected,
                                              HelPlan     *plan,
                                              GError     **error);

gint64       hel_store_save_plan_version     (HelStore    *self,
                                              gint64       family_id,
                                              const char  *participants,
                                              GError     **error);
GPtrArray   *hel_store_list_plan_versions    (HelStore    *self,
                                              gint64       family_id,
                                              GError     **error);
HelPlan     *hel_store_load_plan_version     (HelStore    *self,
                                              gint64       version_id,
                                              GError     **error);

/* family id (gint64*) -> HelDueCounts*, for families with anything overdue or due soon. */
GHashTable  *hel_store_plan_due_counts       (HelStore    *self,
                                              const char  *today,
                                              GError     **error);

G_END_DECLS
