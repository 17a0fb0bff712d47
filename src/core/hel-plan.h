/* hel-plan.h: a family's plan (familieplan): wishes, big goals, small goals, steps, follow-up.
 *
 * A plan is small (tens of rows) and is read and shown whole, so it is a plain tree of boxed
 * structs rather than one GObject per row: easy to copy for undo, to snapshot as a version,
 * to compare, and to serialise. Writes go through the store, one transaction per edit. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  HEL_GOAL_NOT_STARTED,
  HEL_GOAL_IN_PROGRESS,
  HEL_GOAL_ACHIEVED,
  HEL_GOAL_PAUSED,
  HEL_GOAL_DROPPED,
  HEL_N_GOAL_STATUSES
} HelGoalStatus;

typedef enum {
  HEL_OWNER_NONE,
  HEL_OWNER_MEMBER,       /* a family member */
  HEL_OWNER_CASEWORKER,   /* one of the team's caseworkers */
  HEL_OWNER_EXTERNAL,     /* a mentor, a support contact person ...: by name */
  HEL_N_OWNER_KINDS
} HelOwnerKind;

typedef enum {
  HEL_DUE_NONE,           /* no deadline, or done */
  HEL_DUE_LATER,
  HEL_DUE_SOON,           /* within HEL_PLAN_DUE_SOON_DAYS */
  HEL_DUE_OVERDUE,
} HelDueState;

#define HEL_PLAN_DUE_SOON_DAYS 14

typedef struct {
  gint64  id;
  int     value;          /* 0-10 */
  char   *set_by;
  char   *set_at;         /* ISO date-time, UTC */
} HelScaleEntry;

typedef struct {
  gint64    id;
  char     *date;         /* ISO */
  char     *text;
  char     *author;
  gboolean  internal;     /* internal notes never leave the team (not on the family's PDF) */
} HelFollowup;

typedef struct {
  gint64        id;
  char         *what;
  HelOwnerKind  owner_kind;
  gint64        owner_member_id;      /* HEL_OWNER_MEMBER; 0 when the member was removed */
  gint64        owner_caseworker_id;  /* HEL_OWNER_CASEWORKER */
  char         *owner_name;           /* HEL_OWNER_EXTERNAL: "Mentor Lise" */
  char         *due;                  /* ISO or NULL */
  gboolean      done;
  char         *done_date;
  int           position;
} HelStep;

typedef struct {
  gint64         id;
  gint64         goal_id;
  char          *wording;             /* in the family's words */
  char          *deadline;            /* ISO or NULL */
  HelGoalStatus  status;
  int            scale;               /* 0-10, -1 = not set */
  char          *next_followup;       /* ISO or NULL */
  char          *created;             /* ISO date */
  int            position;
  GArray        *owners;              /* gint64 member ids */
  GPtrArray     *steps;               /* HelStep */
  GPtrArray     *followups;           /* HelFollowup, oldest first */
  GPtrArray     *scale_history;       /* HelScaleEntry, oldest first */
} HelSubgoal;

typedef struct {
  gint64     id;
  char      *title;                   /* "Mor i arbejde" */
  char      *created;                 /* ISO date */
  int        position;
  GPtrArray *subgoals;                /* HelSubgoal */
} HelGoal;

typedef struct {
  gint64      id;                     /* the family's id */
  char       *wishes;                 /* the family's wishes and hopes, in their words */
  GHashTable *member_wishes;          /* gint64* member id -> char* */
  GPtrArray  *goals;                  /* HelGoal */
} HelPlanData;

typedef struct _HelPlan HelPlan;

#define HEL_TYPE_PLAN (hel_plan_get_type ())
GType         hel_plan_get_type        (void) G_GNUC_CONST;

HelPlan      *hel_plan_new             (gint64         family_id);
HelPlan      *hel_plan_ref             (HelPlan       *plan);
void          hel_plan_unref           (HelPlan       *plan);
HelPlan      *hel_plan_copy            (HelPlan       *plan);
HelPlanData  *hel_plan_data            (HelPlan       *plan);
gint64        hel_plan_get_family_id   (HelPlan       *plan);
gboolean      hel_plan_equal           (HelPlan       *a,
                                        HelPlan       *b);

HelGoal      *hel_plan_find_goal       (HelPlan       *plan,
                                        gint64         goal_id);
HelSubgoal   *hel_plan_find_subgoal    (HelPlan       *plan,
                                        gint64         subgoal_id,
                                        HelGoal      **goal_out);
HelStep      *hel_plan_find_step       (HelPlan       *plan,
                                        gint64         step_id,
                                        HelSubgoal   **subgoal_out);

HelGoal      *hel_goal_new             (const char    *title);
void          hel_goal_free            (HelGoal       *goal);
HelSubgoal   *hel_subgoal_new          (const char    *wording);
void          hel_subgoal_free         (HelSubgoal    *subgoal);
gboolean      hel_subgoal_has_owner    (HelSubgoal    *subgoal,
                                        gint64         member_id);
HelStep      *hel_step_new             (const char    *what);
void          hel_step_free            (HelStep       *step);
HelFollowup  *hel_followup_new         (const char    *date,
                                        const char    *text,
                                        const char    *author);
void          hel_followup_free        (HelFollowup   *followup);
HelScaleEntry *hel_scale_entry_new     (int            value,
                                        const char    *set_by,
                                        const char    *set_at);
void          hel_scale_entry_free     (HelScaleEntry *entry);

/* Due state on a given day (ISO); achieved and dropped goals and done steps are never due. */
HelDueState   hel_subgoal_due_state    (HelSubgoal    *subgoal,
                                        const char    *today);
HelDueState   hel_step_due_state       (HelStep       *step,
                                        const char    *today);
HelDueState   hel_due_state_for_date   (const char    *date,
                                        const char    *today);
/* Counts over the whole plan: small goals and steps that are overdue or due soon. */
/* What is overdue and due within 14 days in a small goal: its deadline and, while it is open,
 * each step not done. The plan's count is the sum over its small goals. */
void          hel_subgoal_count_due    (HelSubgoal    *subgoal,
                                        const char    *today,
                                        guint         *overdue,
                                        guint         *due_soon);
void          hel_plan_count_due       (HelPlan       *plan,
                                        const char    *today,
                                        guint         *overdue,
                                        guint         *due_soon);

const char   *hel_goal_status_to_code   (HelGoalStatus status);
gboolean      hel_goal_status_from_code (const char   *code,
                                         HelGoalStatus *status);
const char   *hel_goal_status_label     (HelGoalStatus status);
const char   *hel_owner_kind_to_code    (HelOwnerKind  kind);
gboolean      hel_owner_kind_from_code  (const char   *code,
                                         HelOwnerKind *kind);

/* JSON: used for versions, undo snapshots and the export. */
JsonNode     *hel_plan_to_json         (HelPlan       *plan);
HelPlan      *hel_plan_from_json       (JsonNode      *node,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelPlan, hel_plan_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelGoal, hel_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelSubgoal, hel_subgoal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelStep, hel_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelFollowup, hel_followup_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelScaleEntry, hel_scale_entry_free)

G_END_DECLS
