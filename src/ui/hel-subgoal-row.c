/* hel-subgoal-row.c: one small goal; each field is saved when applied, with undo. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-plan-view-private.h"
#include "hel-note-row.h"
#include "hel-step-row.h"
#include "hel-subgoal-row.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

#define SCALE_SETTLE_MS 700
#define MEMBER_ID_KEY "hel-plan-member-id"

enum {
  ORDER_WORDING = 0,
  ORDER_WORDING_ERROR,
  ORDER_OWNERS,
  ORDER_DEADLINE,
  ORDER_DEADLINE_ERROR,
  ORDER_STATUS,
  ORDER_FOLLOWUP,
  ORDER_FOLLOWUP_ERROR,
  ORDER_SCALE,
  ORDER_SCALE_ERROR,
  ORDER_STEPS_HEADING = 100,
  ORDER_STEPS = 1000,
  ORDER_ADD_STEP = 5000,
  ORDER_ADD_STEP_ERROR,
  ORDER_NOTES_HEADING = 6000,
  ORDER_NOTES = 7000,
  ORDER_ADD_NOTE = 9000,
  ORDER_ADD_NOTE_ERROR,
  ORDER_ACTIONS = 10000,
};

struct _HelSubgoalRow
{
  AdwExpanderRow  parent_instance;

  HelPlanView    *view;          /* unowned: the view owns the row */
  gint64          subgoal_id;
  gint64          goal_id;
  int             scale;         /* as stored; -1 = not set */
  char           *wording;
  guint           loading : 1;
  guint           scale_timeout_id;
  char           *owners_key;    /* the member ids the owner toggles were made for */

  GtkListBox     *inner;         /* the expander's own list, sorted by HEL_PLAN_ORDER_KEY */
  GtkWidget      *handle;
  GtkWidget      *pill;
  AdwEntryRow    *wording_row;
  GtkWidget      *wording_error;
  AdwActionRow   *owners_row;
  GtkWidget      *owners_box;
  AdwEntryRow    *deadline_row;
  GtkWidget      *deadline_error;
  AdwComboRow    *status_row;
  AdwEntryRow    *followup_row;
  GtkWidget      *followup_error;
  AdwActionRow   *scale_row;
  GtkScale       *scale_widget;
  GtkWidget      *history_button;
  GtkListBox     *history_list;
  GtkWidget      *scale_error;
  GHashTable     *step_rows;     /* gint64* -> HelStepRow (borrowed) */
  AdwEntryRow    *add_step_row;
  GtkWidget      *add_step_error;
  GHashTable     *note_rows;     /* gint64* -> HelNoteRow (borrowed) */
  GtkWidget      *notes_heading;
  AdwEntryRow    *add_note_row;
  GtkWidget      *add_note_error;
  GtkWidget      *achieve_button;
};

G_DEFINE_FINAL_TYPE (HelSubgoalRow, hel_subgoal_row, ADW_TYPE_EXPANDER_ROW)

gint64
hel_subgoal_row_get_subgoal_id (HelSubgoalRow *self)
{
  g_return_val_if_fail (HEL_IS_SUBGOAL_ROW (self), 0);
  return self->subgoal_id;
}

static HelSubgoal *
current (HelSubgoalRow *self)
{
  HelPlan *plan = _hel_plan_view_get_plan (self->view);

  return plan ? hel_plan_find_subgoal (plan, self->subgoal_id, NULL) : NULL;
}

/* A copy with just what hel_store_save_subgoal () writes. */
static HelSubgoal *
copy_for_save (HelSubgoal *sg)
{
  HelSubgoal *c = hel_subgoal_new (sg->wording);

  c->id = sg->id;
  c->goal_id = sg->goal_id;
  c->deadline = g_strdup (sg->deadline);
  c->status = sg->status;
  c->scale = sg->scale;
  c->next_followup = g_strdup (sg->next_followup);
  c->created = g_strdup (sg->created);
  g_array_append_vals (c->owners, sg->owners->data, sg->owners->len);
  return c;
}

static void
set_error (HelSubgoalRow *self,
           GtkWidget     *field,
           GtkWidget     *error_row,
           const GError  *error)
{
  _hel_plan_show_error (field, error_row, error);
  g_object_set_data_full (G_OBJECT (field), "hel-plan-error",
                          error ? g_strdup (error->message) : NULL, g_free);
}

/* Saves @c (changed from the stored small goal); errors go under @field. */
static gboolean
save (HelSubgoalRow *self,
      HelSubgoal    *c,
      const char    *label,
      GtkWidget     *field,
      GtkWidget     *error_row)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  HelPlan *before = _hel_plan_view_begin_edit (self->view);
  gboolean ok = hel_store_save_subgoal (_hel_plan_view_get_store (self->view), c, &error);

  _hel_plan_view_end_edit (self->view, before, label, ok);
  if (field != NULL && error_row != NULL)
    set_error (self, field, error_row, error);
  else if (!ok)
    _hel_plan_view_error_toast (self->view, error);
  return ok;
}

/* ---- fields ---- */

static void
wording_commit (GtkWidget     *row,
                HelSubgoalRow *self)
{
  HelSubgoal *sg = current (self);
  HelSubgoal *c;

  if (sg == NULL)
    return;
  c = copy_for_save (sg);
  g_free (c->wording);
  c->wording = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->wording_row)));
  if (save (self, c, _("Edit small goal"), GTK_WIDGET (self->wording_row), self->wording_error))
    _hel_plan_entry_set_shown (GTK_EDITABLE (self->wording_row), c->wording);
  hel_subgoal_free (c);
}

static void
date_commit (GtkWidget     *row,
             HelSubgoalRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  gboolean deadline = row == GTK_WIDGET (self->deadline_row);
  GtkWidget *error_row = deadline ? self->deadline_error : self->followup_error;
  HelSubgoal *sg = current (self);
  HelSubgoal *c;

  if (sg == NULL)
    return;
  /* What was typed stays in the row until it can be saved. */
  if (!hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), FALSE, &iso, &error))
    {
      set_error (self, row, error_row, error);
      return;
    }
  c = copy_for_save (sg);
  if (deadline)
    {
      g_free (c->deadline);
      c->deadline = g_strdup (iso);
    }
  else
    {
      g_free (c->next_followup);
      c->next_followup = g_strdup (iso);
    }
  if (save (self, c, deadline ? _("Change deadline") : _("Change next follow-up"), row, error_row))
    {
      g_autofree char *shown = iso ? hel_date_format (iso) : g_strdup ("");
      _hel_plan_entry_set_shown (GTK_EDITABLE (row), shown);
    }
  hel_subgoal_free (c);
}

static void
status_selected_cb (HelSubgoalRow *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);
  HelSubgoal *sg = current (self);
  HelSubgoal *c;

  if (self->loading || sg == NULL || selected >= HEL_N_GOAL_STATUSES || selected == sg->status)
    return;
  c = copy_for_save (sg);
  c->status = (HelGoalStatus) selected;
  if (!save (self, c, _("Change status"), NULL, NULL))
    {
      self->loading = TRUE;
      adw_combo_row_set_selected (self->status_row, sg->status);
      self->loading = FALSE;
    }
  hel_subgoal_free (c);
}

static void
owner_toggled_cb (GtkToggleButton *button,
                  HelSubgoalRow   *self)
{
  HelSubgoal *sg = current (self);
  gint64 member_id = *(gint64 *) g_object_get_data (G_OBJECT (button), MEMBER_ID_KEY);
  HelSubgoal *c;

  if (self->loading || sg == NULL)
    return;
  c = copy_for_save (sg);
  if (gtk_toggle_button_get_active (button))
    {
      if (!hel_subgoal_has_owner (c, member_id))
        g_array_append_val (c->owners, member_id);
    }
  else
    for (guint i = 0; i < c->owners->len; i++)
      if (g_array_index (c->owners, gint64, i) == member_id)
        g_array_remove_index (c->owners, i--);
  if (!save (self, c, _("Change who the small goal belongs to"), NULL, NULL))
    {
      self->loading = TRUE;
      gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
      self->loading = FALSE;
    }
  hel_subgoal_free (c);
}

static void
scale_commit (HelSubgoalRow *self)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  int value = (int) (gtk_range_get_value (GTK_RANGE (self->scale_widget)) + 0.5);
  HelPlan *before;
  gboolean ok;

  g_clear_handle_id (&self->scale_timeout_id, g_source_remove);
  if (value == self->scale)
    return;
  before = _hel_plan_view_begin_edit (self->view);
  ok = hel_store_set_subgoal_scale (_hel_plan_view_get_store (self->view), self->subgoal_id, value,
                                    _hel_plan_view_get_author (self->view), &error);
  _hel_plan_view_end_edit (self->view, before, _("Set scale"), ok);
  set_error (self, GTK_WIDGET (self->scale_row), self->scale_error, error);
}

static gboolean
scale_timeout_cb (gpointer data)
{
  HelSubgoalRow *self = data;

  self->scale_timeout_id = 0;
  scale_commit (self);
  return G_SOURCE_REMOVE;
}

static void
scale_changed_cb (HelSubgoalRow *self)
{
  /* A drag sends many values; the one it settles on is saved (one history entry, one undo). */
  if (self->loading)
    return;
  g_clear_handle_id (&self->scale_timeout_id, g_source_remove);
  self->scale_timeout_id = g_timeout_add (SCALE_SETTLE_MS, scale_timeout_cb, self);
}

static void
add_step_commit (HelSubgoalRow *self)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  HelStep *step = hel_step_new (gtk_editable_get_text (GTK_EDITABLE (self->add_step_row)));
  HelPlan *before = _hel_plan_view_begin_edit (self->view);
  gboolean ok = hel_store_save_step (_hel_plan_view_get_store (self->view), self->subgoal_id, step,
                                     &error);

  _hel_plan_view_end_edit (self->view, before, _("Add step"), ok);
  set_error (self, GTK_WIDGET (self->add_step_row), self->add_step_error, error);
  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (self->add_step_row), "");
  hel_step_free (step);
}

static void
add_note_commit (HelSubgoalRow *self)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  HelFollowup *note = hel_followup_new (_hel_plan_view_get_today (self->view),
                                        gtk_editable_get_text (GTK_EDITABLE (self->add_note_row)),
                                        _hel_plan_view_get_author (self->view));
  HelPlan *before;
  gboolean ok;

  /* Follow-up notes are the team's own; they never go on the family's printout. */
  note->internal = TRUE;
  before = _hel_plan_view_begin_edit (self->view);
  ok = hel_store_add_followup (_hel_plan_view_get_store (self->view), self->subgoal_id, note, &error);
  _hel_plan_view_end_edit (self->view, before, _("Add follow-up note"), ok);
  set_error (self, GTK_WIDGET (self->add_note_row), self->add_note_error, error);
  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (self->add_note_row), "");
  hel_followup_free (note);
}

/* ---- actions ---- */

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelSubgoalRow *self = HEL_SUBGOAL_ROW (widget);
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));

  _hel_plan_view_step_subgoal (self->view, self->subgoal_id,
                               g_str_equal (action_name, "subgoal.move-up") ? -1 : 1);
}

static void
achieve_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelSubgoalRow *self = HEL_SUBGOAL_ROW (widget);
  HelSubgoal *sg = current (self);
  HelSubgoal *c;

  if (sg == NULL || sg->status == HEL_GOAL_ACHIEVED)
    return;
  c = copy_for_save (sg);
  c->status = HEL_GOAL_ACHIEVED;
  save (self, c, _("Mark small goal achieved"), NULL, NULL);
  hel_subgoal_free (c);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelSubgoalRow *self = HEL_SUBGOAL_ROW (widget);
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_strdup_printf (_("Small goal “%s” deleted"), self->wording);
  HelPlanView *view = self->view;
  HelPlan *before = _hel_plan_view_begin_edit (view);
  gboolean ok = hel_store_delete_subgoal (_hel_plan_view_get_store (view), self->subgoal_id,
                                          &error);

  if (_hel_plan_view_end_edit (view, before, _("Delete small goal"), ok))
    _hel_plan_view_toast (view, message, TRUE);
  else
    _hel_plan_view_error_toast (view, error);
}

/* ---- drag and drop ---- */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HelSubgoalRow *self)
{
  HelSubgoalRow *dropped = g_value_get_object (value);
  HelGoal *goal = NULL;
  guint index = 0;
  HelPlan *plan = _hel_plan_view_get_plan (self->view);

  if (dropped == self || plan == NULL || hel_plan_find_subgoal (plan, self->subgoal_id, &goal) == NULL)
    return FALSE;
  for (index = 0; index < goal->subgoals->len; index++)
    if (((HelSubgoal *) goal->subgoals->pdata[index])->id == self->subgoal_id)
      break;
  return _hel_plan_view_move_subgoal (self->view, dropped->subgoal_id, goal->id, index);
}

/* ---- update ---- */

static void
update_owners (HelSubgoalRow *self,
               HelSubgoal    *sg)
{
  GPtrArray *members = _hel_plan_view_get_members (self->view);
  g_autoptr(GString) key = g_string_new (NULL);
  GtkWidget *child;

  for (guint i = 0; members && i < members->len; i++)
    g_string_append_printf (key, "%" G_GINT64_FORMAT ":%s,", hel_member_get_id (members->pdata[i]),
                            hel_member_get_first_name (members->pdata[i]));
  if (g_strcmp0 (key->str, self->owners_key) != 0)
    {
      g_free (self->owners_key);
      self->owners_key = g_strdup (key->str);
      while ((child = gtk_widget_get_first_child (self->owners_box)) != NULL)
        gtk_box_remove (GTK_BOX (self->owners_box), child);
      for (guint i = 0; members && i < members->len; i++)
        {
          HelMember *member = members->pdata[i];
          gint64 id = hel_member_get_id (member);
          GtkWidget *button = gtk_toggle_button_new_with_label (hel_member_get_first_name (member));

          gtk_widget_add_css_class (button, "hel-plan-owner");
          g_object_set_data_full (G_OBJECT (button), MEMBER_ID_KEY, g_memdup2 (&id, sizeof id),
                                  g_free);
          g_signal_connect (button, "toggled", G_CALLBACK (owner_toggled_cb), self);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (self->owners_box), button);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->owners_row), members && members->len > 0);
    }
  for (child = gtk_widget_get_first_child (self->owners_box); child;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (child), MEMBER_ID_KEY);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), hel_subgoal_has_owner (sg, id));
    }
}

static char *
format_set_at (const char *set_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (set_at, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *iso = NULL;

  if (local == NULL)
    return g_strdup (set_at ? set_at : "");
  iso = g_date_time_format (local, "%Y-%m-%d");
  return hel_date_format (iso);
}

static void
update_scale (HelSubgoalRow *self,
              HelSubgoal    *sg)
{
  GtkWidget *child;

  self->scale = sg->scale;
  /* Not while the person is still moving it. */
  if (self->scale_timeout_id == 0)
    gtk_range_set_value (GTK_RANGE (self->scale_widget), MAX (sg->scale, 0));

  if (sg->scale_history->len > 0)
    {
      HelScaleEntry *last = sg->scale_history->pdata[sg->scale_history->len - 1];
      g_autofree char *when = format_set_at (last->set_at);
      /* Translators: the last scale value, “5 — set by Jonna on 02.02.2026” */
      g_autofree char *text = g_strdup_printf (_("%d — set by %s on %s"), last->value,
                                               last->set_by ? last->set_by : _("someone"), when);
      adw_action_row_set_subtitle (self->scale_row, text);
    }
  else
    adw_action_row_set_subtitle (self->scale_row, _("Not set yet · 0 is far from the goal, "
                                                    "10 is there"));
  gtk_widget_set_sensitive (self->history_button, sg->scale_history->len > 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  for (guint i = sg->scale_history->len; i > 0; i--)
    {
      HelScaleEntry *e = sg->scale_history->pdata[i - 1];
      g_autofree char *when = format_set_at (e->set_at);
      g_autofree char *value = g_strdup_printf ("%d", e->value);
      /* Translators: a line in the scale history, “Jonna, 02.02.2026” */
      g_autofree char *who = g_strdup_printf (_("%s, %s"), e->set_by ? e->set_by : _("someone"),
                                              when);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (value);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), who);
      gtk_widget_add_css_class (label, "title-4");
      gtk_widget_set_size_request (label, 28, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
update_steps (HelSubgoalRow *self,
              HelSubgoal    *sg)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < sg->steps->len; i++)
    {
      HelStep *step = sg->steps->pdata[i];
      HelStepRow *row = g_hash_table_lookup (self->step_rows, &step->id);

      if (row == NULL)
        {
          row = HEL_STEP_ROW (hel_step_row_new (self->view, step->id));
          g_hash_table_insert (self->step_rows, g_memdup2 (&step->id, sizeof step->id), row);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (row));
        }
      g_hash_table_add (seen, &step->id);
      _hel_plan_set_order (GTK_WIDGET (row), ORDER_STEPS + (int) i);
      hel_step_row_update (row, sg->id, step);
    }
  g_hash_table_iter_init (&iter, self->step_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        gtk_list_box_remove (self->inner, value);
        g_hash_table_iter_remove (&iter);
      }
}

static void
update_notes (HelSubgoalRow *self,
              HelSubgoal    *sg)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < sg->followups->len; i++)
    {
      HelFollowup *note = sg->followups->pdata[i];
      GtkWidget *row = g_hash_table_lookup (self->note_rows, &note->id);

      if (row == NULL)
        {
          row = hel_note_row_new (self->view, note->id);
          g_hash_table_insert (self->note_rows, g_memdup2 (&note->id, sizeof note->id), row);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
        }
      g_hash_table_add (seen, &note->id);
      _hel_plan_set_order (row, ORDER_NOTES + (int) i);
      hel_note_row_update (HEL_NOTE_ROW (row), note);
    }
  g_hash_table_iter_init (&iter, self->note_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        gtk_list_box_remove (self->inner, value);
        g_hash_table_iter_remove (&iter);
      }
}

static char *
make_subtitle (HelSubgoalRow *self,
               HelSubgoal    *sg)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  const char *today = _hel_plan_view_get_today (self->view);
  HelDueState own = hel_subgoal_due_state (sg, today);
  guint overdue = 0, soon = 0, steps_overdue, steps_soon;

  hel_subgoal_count_due (sg, today, &overdue, &soon);
  steps_overdue = overdue - (own == HEL_DUE_OVERDUE);
  steps_soon = soon - (own == HEL_DUE_SOON);

  for (guint i = 0; i < sg->owners->len; i++)
    {
      const char *name = _hel_plan_view_member_name (self->view,
                                                     g_array_index (sg->owners, gint64, i));
      if (name == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }
  if (names->len > 0)
    g_string_append (s, names->str);
  if (sg->deadline && *sg->deadline)
    {
      g_autofree char *date = hel_date_format (sg->deadline);
      if (s->len)
        g_string_append (s, " · ");
      /* Translators: the deadline of a small goal, “By 01.03.2026” */
      g_string_append_printf (s, _("By %s"), date);
    }
  if (s->len)
    g_string_append (s, " · ");
  g_string_append (s, hel_goal_status_label (sg->status));
  if (sg->scale >= 0)
    {
      g_string_append (s, " · ");
      /* Translators: the scale of a small goal in its subtitle */
      g_string_append_printf (s, _("scale %d/10"), sg->scale);
    }
  if (sg->next_followup && *sg->next_followup &&
      sg->status != HEL_GOAL_ACHIEVED && sg->status != HEL_GOAL_DROPPED)
    {
      g_autofree char *date = hel_date_format (sg->next_followup);
      g_string_append (s, " · ");
      if (hel_due_state_for_date (sg->next_followup, today) == HEL_DUE_OVERDUE)
        g_string_append_printf (s, _("follow-up due since %s"), date);
      else
        g_string_append_printf (s, _("follow-up %s"), date);
    }
  /* Steps out of sight in a closed row: what of them is due is said here */
  if (steps_overdue > 0)
    {
      g_string_append (s, " · ");
      g_string_append_printf (s, ngettext ("%u step overdue", "%u steps overdue", steps_overdue),
                              steps_overdue);
    }
  else if (steps_soon > 0)
    {
      g_string_append (s, " · ");
      g_string_append_printf (s, ngettext ("%u step due soon", "%u steps due soon", steps_soon),
                              steps_soon);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The row's pill: the most pressing of its deadline and its open steps' dates. */
static HelDueState
subgoal_row_due_state (HelSubgoal *sg,
                       const char *today)
{
  guint overdue = 0, soon = 0;

  hel_subgoal_count_due (sg, today, &overdue, &soon);
  return overdue > 0 ? HEL_DUE_OVERDUE : soon > 0 ? HEL_DUE_SOON : HEL_DUE_NONE;
}

void
hel_subgoal_row_update (HelSubgoalRow *self,
                        HelSubgoal    *sg,
                        HelGoal       *goal)
{
  g_autofree char *subtitle = NULL;
  const char *today;

  g_return_if_fail (HEL_IS_SUBGOAL_ROW (self));

  today = _hel_plan_view_get_today (self->view);
  self->loading = TRUE;
  self->goal_id = goal->id;
  g_free (self->wording);
  self->wording = g_strdup (sg->wording);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sg->wording);
  subtitle = make_subtitle (self, sg);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  _hel_plan_pill_set (self->pill, subgoal_row_due_state (sg, today),
                      sg->status == HEL_GOAL_ACHIEVED);
  gtk_widget_set_opacity (self->handle, 1.0);
  if (sg->status == HEL_GOAL_DROPPED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "hel-plan-dropped");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hel-plan-dropped");

  _hel_plan_entry_fill (GTK_EDITABLE (self->wording_row), sg->wording);
  _hel_plan_entry_fill_date (GTK_EDITABLE (self->deadline_row), sg->deadline);
  _hel_plan_entry_fill_date (GTK_EDITABLE (self->followup_row), sg->next_followup);
  adw_combo_row_set_selected (self->status_row, sg->status);
  update_owners (self, sg);
  update_scale (self, sg);
  update_steps (self, sg);
  update_notes (self, sg);
  gtk_widget_set_visible (self->achieve_button, sg->status != HEL_GOAL_ACHIEVED);
  gtk_list_box_invalidate_sort (self->inner);
  self->loading = FALSE;
}

/* ---- construction ---- */

static void
expanded_cb (HelSubgoalRow *self)
{
  _hel_plan_view_note_expanded (self->view, self->subgoal_id,
                                adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)));
}

static void
add_ordered (HelSubgoalRow *self,
             GtkWidget     *row,
             int            order)
{
  _hel_plan_set_order (row, order);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
}

static AdwEntryRow *
entry_row_new (const char *title,
               const char *icon_name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), icon);
    }
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
heading_row_new (const char *title,
                 const char *caption)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (caption != NULL)
    {
      GtkWidget *dim = gtk_label_new (caption);
      gtk_widget_add_css_class (dim, "dim-label");
      gtk_widget_add_css_class (dim, "caption");
      gtk_label_set_ellipsize (GTK_LABEL (dim), PANGO_ELLIPSIZE_END);
      gtk_widget_set_valign (dim, GTK_ALIGN_BASELINE);
      gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
      gtk_box_append (GTK_BOX (box), dim);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 14);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "hel-plan-heading-row");
  return row;
}

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *tooltip,
                 const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

GtkWidget *
hel_subgoal_row_new (HelPlanView *view,
                     gint64       subgoal_id)
{
  HelSubgoalRow *self = g_object_new (HEL_TYPE_SUBGOAL_ROW, NULL);

  self->view = view;
  self->subgoal_id = subgoal_id;
  if (_hel_plan_view_was_expanded (view, subgoal_id))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
  return GTK_WIDGET (self);
}

static void
hel_subgoal_row_dispose (GObject *object)
{
  HelSubgoalRow *self = HEL_SUBGOAL_ROW (object);

  g_clear_handle_id (&self->scale_timeout_id, g_source_remove);
  G_OBJECT_CLASS (hel_subgoal_row_parent_class)->dispose (object);
}

static void
hel_subgoal_row_finalize (GObject *object)
{
  HelSubgoalRow *self = HEL_SUBGOAL_ROW (object);

  g_clear_pointer (&self->step_rows, g_hash_table_unref);
  g_clear_pointer (&self->note_rows, g_hash_table_unref);
  g_free (self->wording);
  g_free (self->owners_key);
  G_OBJECT_CLASS (hel_subgoal_row_parent_class)->finalize (object);
}

static void
hel_subgoal_row_class_init (HelSubgoalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_subgoal_row_dispose;
  object_class->finalize = hel_subgoal_row_finalize;

  gtk_widget_class_install_action (widget_class, "subgoal.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "subgoal.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "subgoal.achieve", NULL, achieve_action_cb);
  gtk_widget_class_install_action (widget_class, "subgoal.delete", NULL, delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "subgoal.move-up",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "subgoal.move-down", NULL);
}

static void
hel_subgoal_row_init (HelSubgoalRow *self)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);
  GtkWidget *box, *button, *popover, *scroller;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->scale = -1;
  self->step_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->note_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "hel-plan-subgoal");

  /* Header: handle, wording and subtitle, pill. */
  self->handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (self->handle, "dim-label");
  gtk_widget_set_tooltip_text (self->handle, _("Drag to move the small goal, or press Alt+↑ / Alt+↓"));
  gtk_widget_set_cursor_from_name (self->handle, "grab");
  adw_expander_row_add_prefix (expander, self->handle);
  self->pill = _hel_plan_pill_new ();
  adw_expander_row_add_action (expander, self->pill);

  /* Wording */
  self->wording_row = entry_row_new (_("Small goal, in the family’s words"), NULL);
  g_signal_connect (self->wording_row, "apply", G_CALLBACK (wording_commit), self);
  _hel_plan_watch_focus_out (GTK_WIDGET (self->wording_row), G_CALLBACK (wording_commit), self);
  add_ordered (self, GTK_WIDGET (self->wording_row), ORDER_WORDING);
  self->inner = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->wording_row)));
  gtk_list_box_set_sort_func (self->inner, _hel_plan_order_sort, NULL, NULL);
  self->wording_error = _hel_plan_error_row_new ();
  add_ordered (self, self->wording_error, ORDER_WORDING_ERROR);

  /* Owners */
  self->owners_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->owners_row), _("Belongs to"));
  /* A family has a handful of members: one line of toggles, no flow box to wrap them. */
  self->owners_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (self->owners_box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->owners_row, self->owners_box);
  add_ordered (self, GTK_WIDGET (self->owners_row), ORDER_OWNERS);

  /* Deadline, status, next follow-up */
  self->deadline_row = entry_row_new (_("Deadline"), NULL);
  g_signal_connect (self->deadline_row, "apply", G_CALLBACK (date_commit), self);
  _hel_plan_watch_focus_out (GTK_WIDGET (self->deadline_row), G_CALLBACK (date_commit), self);
  add_ordered (self, GTK_WIDGET (self->deadline_row), ORDER_DEADLINE);
  self->deadline_error = _hel_plan_error_row_new ();
  add_ordered (self, self->deadline_error, ORDER_DEADLINE_ERROR);

  for (guint i = 0; i < HEL_N_GOAL_STATUSES; i++)
    gtk_string_list_append (statuses, hel_goal_status_label ((HelGoalStatus) i));
  self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb),
                            self);
  add_ordered (self, GTK_WIDGET (self->status_row), ORDER_STATUS);

  self->followup_row = entry_row_new (_("Next follow-up"), NULL);
  g_signal_connect (self->followup_row, "apply", G_CALLBACK (date_commit), self);
  _hel_plan_watch_focus_out (GTK_WIDGET (self->followup_row), G_CALLBACK (date_commit), self);
  add_ordered (self, GTK_WIDGET (self->followup_row), ORDER_FOLLOWUP);
  self->followup_error = _hel_plan_error_row_new ();
  add_ordered (self, self->followup_error, ORDER_FOLLOWUP_ERROR);

  /* Scale 0-10 with its history */
  self->scale_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scale_row), _("Scale"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->scale_row), FALSE);
  self->scale_widget = GTK_SCALE (gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 10, 1));
  gtk_scale_set_digits (self->scale_widget, 0);
  gtk_scale_set_draw_value (self->scale_widget, TRUE);
  gtk_scale_set_value_pos (self->scale_widget, GTK_POS_TOP);
  gtk_range_set_round_digits (GTK_RANGE (self->scale_widget), 0);
  for (int i = 0; i <= 10; i++)
    gtk_scale_add_mark (self->scale_widget, i, GTK_POS_BOTTOM,
                        i == 0 ? "0" : i == 5 ? "5" : i == 10 ? "10" : NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->scale_widget), 220, -1);
  gtk_widget_set_valign (GTK_WIDGET (self->scale_widget), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale_widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How close the small goal is, from 0 to 10"), -1);
  g_signal_connect_swapped (self->scale_widget, "value-changed", G_CALLBACK (scale_changed_cb),
                            self);
  adw_action_row_add_suffix (self->scale_row, GTK_WIDGET (self->scale_widget));

  self->history_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->history_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->history_list), "boxed-list");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_widget_set_size_request (scroller, 260, -1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  {
    GtkWidget *title = gtk_label_new (_("Scale History"));
    gtk_widget_add_css_class (title, "heading");
    gtk_box_append (GTK_BOX (box), title);
  }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->history_list));
  gtk_box_append (GTK_BOX (box), scroller);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  self->history_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->history_button),
                                 "document-open-recent-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->history_button), popover);
  gtk_widget_set_tooltip_text (self->history_button, _("Scale History"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scale History"), -1);
  gtk_widget_add_css_class (self->history_button, "flat");
  gtk_widget_set_valign (self->history_button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->scale_row, self->history_button);
  add_ordered (self, GTK_WIDGET (self->scale_row), ORDER_SCALE);
  self->scale_error = _hel_plan_error_row_new ();
  add_ordered (self, self->scale_error, ORDER_SCALE_ERROR);

  /* Steps */
  add_ordered (self, heading_row_new (_("Steps"), _("who does what, by when")),
               ORDER_STEPS_HEADING);
  self->add_step_row = entry_row_new (_("Add a step"), "list-add-symbolic");
  g_signal_connect_swapped (self->add_step_row, "apply", G_CALLBACK (add_step_commit), self);
  g_signal_connect_swapped (self->add_step_row, "entry-activated", G_CALLBACK (add_step_commit),
                            self);
  add_ordered (self, GTK_WIDGET (self->add_step_row), ORDER_ADD_STEP);
  self->add_step_error = _hel_plan_error_row_new ();
  add_ordered (self, self->add_step_error, ORDER_ADD_STEP_ERROR);

  /* Follow-up notes */
  self->notes_heading = heading_row_new (_("Follow-up Notes"), _("internal to the team"));
  add_ordered (self, self->notes_heading, ORDER_NOTES_HEADING);
  self->add_note_row = entry_row_new (_("Add a follow-up note"), "list-add-symbolic");
  g_signal_connect_swapped (self->add_note_row, "apply", G_CALLBACK (add_note_commit), self);
  g_signal_connect_swapped (self->add_note_row, "entry-activated", G_CALLBACK (add_note_commit),
                            self);
  add_ordered (self, GTK_WIDGET (self->add_note_row), ORDER_ADD_NOTE);
  self->add_note_error = _hel_plan_error_row_new ();
  add_ordered (self, self->add_note_error, ORDER_ADD_NOTE_ERROR);

  /* Actions */
  {
    GtkWidget *row = gtk_list_box_row_new ();

    box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    gtk_widget_set_margin_start (box, 12);
    gtk_widget_set_margin_end (box, 12);
    gtk_widget_set_margin_top (box, 10);
    gtk_widget_set_margin_bottom (box, 10);
    self->achieve_button = gtk_button_new_with_mnemonic (_("Mark _Achieved"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->achieve_button), "subgoal.achieve");
    gtk_widget_add_css_class (self->achieve_button, "hel-plan-achieve");
    gtk_box_append (GTK_BOX (box), self->achieve_button);
    gtk_box_append (GTK_BOX (box), icon_button_new ("go-up-symbolic", _("Move Up (Alt+↑)"),
                                                    "subgoal.move-up"));
    gtk_box_append (GTK_BOX (box), icon_button_new ("go-down-symbolic", _("Move Down (Alt+↓)"),
                                                    "subgoal.move-down"));
    button = gtk_button_new_with_mnemonic (_("_Delete Small Goal"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "subgoal.delete");
    gtk_widget_add_css_class (button, "destructive-action");
    gtk_widget_set_hexpand (button, TRUE);
    gtk_widget_set_halign (button, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (box), button);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    gtk_widget_set_focusable (row, FALSE);
    add_ordered (self, row, ORDER_ACTIONS);
  }

  /* Drag by the handle; drop another small goal on this one to take its place. */
  {
    GType types[] = { HEL_TYPE_SUBGOAL_ROW };

    _hel_plan_setup_drag (self->handle, GTK_WIDGET (self), GTK_WIDGET (self), types,
                          G_N_ELEMENTS (types), G_CALLBACK (drop_cb), self);
  }
}

/* ---- test hooks ---- */

AdwEntryRow *
_hel_subgoal_row_get_wording_row (HelSubgoalRow *self)
{
  return self->wording_row;
}

AdwEntryRow *
_hel_subgoal_row_get_deadline_row (HelSubgoalRow *self)
{
  return self->deadline_row;
}

AdwEntryRow *
_hel_subgoal_row_get_followup_row (HelSubgoalRow *self)
{
  return self->followup_row;
}

AdwComboRow *
_hel_subgoal_row_get_status_row (HelSubgoalRow *self)
{
  return self->status_row;
}

GtkRange *
_hel_subgoal_row_get_scale (HelSubgoalRow *self)
{
  return GTK_RANGE (self->scale_widget);
}

AdwActionRow *
_hel_subgoal_row_get_scale_row (HelSubgoalRow *self)
{
  return self->scale_row;
}

GtkToggleButton *
_hel_subgoal_row_get_owner_toggle (HelSubgoalRow *self,
                                   gint64         member_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->owners_box); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (*(gint64 *) g_object_get_data (G_OBJECT (child), MEMBER_ID_KEY) == member_id)
        return GTK_TOGGLE_BUTTON (child);
    }
  return NULL;
}

AdwEntryRow *
_hel_subgoal_row_get_add_step_row (HelSubgoalRow *self)
{
  return self->add_step_row;
}

AdwEntryRow *
_hel_subgoal_row_get_add_note_row (HelSubgoalRow *self)
{
  return self->add_note_row;
}

GtkWidget *
_hel_subgoal_row_find_step (HelSubgoalRow *self,
                            gint64         step_id)
{
  return g_hash_table_lookup (self->step_rows, &step_id);
}

GtkWidget *
_hel_subgoal_row_get_drag_handle (HelSubgoalRow *self)
{
  return self->handle;
}

GtkWidget *
_hel_subgoal_row_find_note (HelSubgoalRow *self,
                            gint64         note_id)
{
  return g_hash_table_lookup (self->note_rows, &note_id);
}

GtkWidget *
_hel_subgoal_row_get_pill (HelSubgoalRow *self)
{
  return self->pill;
}

const char *
_hel_subgoal_row_get_error (HelSubgoalRow *self,
                            GtkWidget     *field)
{
  return g_object_get_data (G_OBJECT (field), "hel-plan-error");
}
