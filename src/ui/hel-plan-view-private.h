/* hel-plan-view-private.h: what the plan's widgets share with the view, and the test hooks. */
#pragma once

#include "hel-plan-view.h"
#include "hel-store-plan.h"
#include "hel-undo-stack.h"

G_BEGIN_DECLS

/* Keys for the rows' sort order in their list boxes. */
#define HEL_PLAN_ORDER_KEY "hel-plan-order"

HelStore     *_hel_plan_view_get_store        (HelPlanView  *self);
gint64        _hel_plan_view_get_family_id    (HelPlanView  *self);
/* The plan as last read from the store; replaced on every refresh. */
HelPlan      *_hel_plan_view_get_plan         (HelPlanView  *self);
const char   *_hel_plan_view_get_author       (HelPlanView  *self);
/* Today as an ISO date, fixed per refresh so every row agrees. */
const char   *_hel_plan_view_get_today        (HelPlanView  *self);
/* The family's members (HelMember) and all caseworkers (HelCaseworker). */
GPtrArray    *_hel_plan_view_get_members      (HelPlanView  *self);
GPtrArray    *_hel_plan_view_get_caseworkers  (HelPlanView  *self);
/* The first name of a family member, or NULL when the member is gone. */
const char   *_hel_plan_view_member_name      (HelPlanView  *self,
                                               gint64        member_id);
const char   *_hel_plan_view_caseworker_name  (HelPlanView  *self,
                                               gint64        caseworker_id);

/* Every write from the view goes between these two: begin takes the "before" snapshot, end
 * pushes the undo entry when @ok and brings the rows up to date in place. Returns @ok. */
HelPlan      *_hel_plan_view_begin_edit       (HelPlanView  *self);
gboolean      _hel_plan_view_end_edit         (HelPlanView  *self,
                                               HelPlan      *before,
                                               const char   *label,
                                               gboolean      ok);
void          _hel_plan_view_toast            (HelPlanView  *self,
                                               const char   *message,
                                               gboolean      with_undo);
void          _hel_plan_view_error_toast      (HelPlanView  *self,
                                               const GError *error);
void          _hel_plan_view_note_expanded    (HelPlanView  *self,
                                               gint64        subgoal_id,
                                               gboolean      expanded);
gboolean      _hel_plan_view_was_expanded     (HelPlanView  *self,
                                               gint64        subgoal_id);
/* Moves with undo; @new_index counts in the target goal without the moved small goal. */
gboolean      _hel_plan_view_move_subgoal     (HelPlanView  *self,
                                               gint64        subgoal_id,
                                               gint64        to_goal_id,
                                               guint         new_index);
gboolean      _hel_plan_view_move_goal        (HelPlanView  *self,
                                               gint64        goal_id,
                                               guint         new_index);
/* Alt+Up/Down: one place up or down; a small goal at the edge goes on to the next goal. */
void          _hel_plan_view_step_subgoal     (HelPlanView  *self,
                                               gint64        subgoal_id,
                                               int           direction);

/* hel-plan-print.c: "Print…" and "Export PDF…" through the printable plan document. */
void          _hel_plan_view_print            (HelPlanView  *self);
gboolean      _hel_plan_view_print_to_file    (HelPlanView  *self,
                                               const char   *path,
                                               GError      **error);
void          _hel_plan_view_export_pdf       (HelPlanView  *self);
GtkNativeDialog **_hel_plan_view_pdf_chooser_slot (HelPlanView *self);

/* Entries remember the text they were last filled with; one that differs holds typing that a
 * refresh must not overwrite. */
void          _hel_plan_entry_set_shown       (GtkEditable  *entry,
                                               const char   *text);
gboolean      _hel_plan_entry_is_dirty        (GtkEditable  *entry);
void          _hel_plan_entry_fill            (GtkEditable  *entry,
                                               const char   *text);
void          _hel_plan_entry_fill_date       (GtkEditable  *entry,
                                               const char   *iso);
/* Calls @commit (widget, data) when focus leaves @widget and its text is dirty. */
void          _hel_plan_watch_focus_out       (GtkWidget    *widget,
                                               GCallback     commit,
                                               gpointer      data);
/* "Overdue" / "Due soon" / "Achieved" / hidden. */
GtkWidget    *_hel_plan_pill_new              (void);
void          _hel_plan_pill_set              (GtkWidget    *pill,
                                               HelDueState   state,
                                               gboolean      achieved);
/* A list row that holds only a field-error label; hidden while there is no message. */
GtkWidget    *_hel_plan_error_row_new         (void);
void          _hel_plan_show_error            (GtkWidget    *field,
                                               GtkWidget    *error_row,
                                               const GError *error);
/* Drag by @handle to move @row (the content is @row, of its own type; @icon is what the
 * pointer carries); @row accepts rows of @types through @drop (a GtkDropTarget::drop handler
 * that gets @data). */
void          _hel_plan_setup_drag            (GtkWidget    *handle,
                                               GtkWidget    *row,
                                               GtkWidget    *icon,
                                               const GType  *types,
                                               gsize         n_types,
                                               GCallback     drop,
                                               gpointer      data);
int           _hel_plan_order_sort            (GtkListBoxRow *a,
                                               GtkListBoxRow *b,
                                               gpointer       data);
void          _hel_plan_set_order             (GtkWidget    *row,
                                               int           order);

/* Test hooks */
HelUndoStack *_hel_plan_view_get_undo_stack   (HelPlanView  *self);
/* The toast that offers "Undo" for the last deletion while it is shown, or NULL. */
AdwToast     *_hel_plan_view_get_undo_toast   (HelPlanView  *self);
GtkTextView  *_hel_plan_view_get_wishes_view  (HelPlanView  *self);
GtkTextView  *_hel_plan_view_get_member_wishes_view (HelPlanView *self,
                                                     gint64       member_id);
/* Saves typed wishes now instead of after the idle delay. */
void          _hel_plan_view_flush            (HelPlanView  *self);
AdwEntryRow  *_hel_plan_view_get_add_goal_row (HelPlanView  *self);
GtkWidget    *_hel_plan_view_find_goal        (HelPlanView  *self,
                                               gint64        goal_id);
GtkWidget    *_hel_plan_view_find_subgoal     (HelPlanView  *self,
                                               gint64        subgoal_id);
/* The "Save a version" dialog while it is open. */
AdwMessageDialog *_hel_plan_view_get_version_dialog (HelPlanView *self);
GtkEditable  *_hel_plan_view_get_version_entry (HelPlanView *self);

/* ---- inside the view: only the hel-plan-view*.c files reach into the struct; the rows use
 * the accessors above ---- */

/* The text an entry or text view was last filled with (see _hel_plan_entry_set_shown). */
#define HEL_PLAN_SHOWN_KEY "hel-plan-shown"

struct _HelPlanView
{
  GtkWidget         parent_instance;

  HelStore         *store;
  gint64            family_id;
  HelPlan          *plan;            /* as last read from the store */
  char             *author;
  char             *today;
  GPtrArray        *members;         /* HelMember */
  GPtrArray        *caseworkers;     /* HelCaseworker */
  HelUndoStack     *undo;
  GHashTable       *goal_sections;   /* gint64* goal id -> HelPlanGoalSection (borrowed) */
  GHashTable       *subgoal_rows;    /* gint64* small goal id -> HelSubgoalRow (borrowed) */
  GHashTable       *expanded;        /* gint64* small goal ids whose rows are open */
  GHashTable       *member_rows;     /* gint64* member id -> AdwExpanderRow (borrowed) */
  guint             editing;         /* depth of _hel_plan_view_begin_edit () */
  guint             refresh_pending : 1;
  guint             loading : 1;
  guint             wishes_timeout_id;
  GtkTextView      *pending_wishes;  /* the text view whose typing waits for the idle save */
  AdwMessageDialog *version_dialog;
  GtkEditable      *version_entry;
  /* The toast that offers to undo one edit (weak); it carries that edit's undo serial. */
  AdwToast         *undo_toast;
  GtkNativeDialog  *pdf_chooser;

  GtkStack         *stack;
  GtkScrolledWindow *scroller;
  GtkLabel         *overdue_pill;
  GtkLabel         *soon_pill;
  GtkWidget        *undo_button;
  GtkWidget        *redo_button;
  GtkTextView      *wishes_view;
  GtkLabel         *wishes_error_label;
  GtkListBox       *member_wishes_list;
  GtkBox           *goals_box;
  GtkWidget        *no_goals_label;
  AdwEntryRow      *add_goal_row;
  GtkLabel         *add_goal_error_label;
};

/* hel-plan-view-wishes.c */
void          _hel_plan_view_init_wishes      (HelPlanView  *self);
/* Fills the wishes from the plan just read, keeping what is being typed. */
void          _hel_plan_view_refresh_wishes   (HelPlanView  *self);
/* Empties the wishes for another family. */
void          _hel_plan_view_clear_wishes     (HelPlanView  *self);

/* hel-plan-view-versions.c: the "plan.save-version" and "plan.versions" actions. */
void          _hel_plan_view_save_version_action_cb (GtkWidget  *widget,
                                                     const char *action_name,
                                                     GVariant   *parameter);
void          _hel_plan_view_versions_action_cb (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter);

G_END_DECLS
