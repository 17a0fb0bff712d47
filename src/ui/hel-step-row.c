/* hel-step-row.c: one step of a small goal: what, who (member, caseworker or someone else),
 * by when, done; each part saved when applied, with undo. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-plan-view-private.h"
#include "hel-step-row.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

typedef struct {
  HelOwnerKind kind;
  gint64       id;
} Owner;

struct _HelStepRow
{
  GtkListBoxRow  parent_instance;

  HelPlanView   *view;            /* unowned */
  gint64         step_id;
  gint64         subgoal_id;
  char          *what;            /* as last read, for the delete toast */
  guint          loading : 1;
  /* "Someone else…" is chosen but no name is typed yet: nothing to save until there is. */
  guint          pending_external : 1;
  /* Inside the drop-down's own notify::selected: its model must not be replaced now. */
  guint          in_owner_commit : 1;
  guint          update_idle_id;
  char          *owners_key;
  GArray        *owners;          /* Owner, parallel to the drop-down's model */

  GtkWidget     *handle;
  GtkCheckButton *done_button;
  GtkWidget     *what_entry;
  GtkWidget     *pill;
  GtkWidget     *delete_button;
  GtkDropDown   *owner_dropdown;
  GtkWidget     *name_entry;
  GtkWidget     *due_entry;
  GtkLabel      *error_label;
  GtkLabel      *owner_warning;
};

G_DEFINE_FINAL_TYPE (HelStepRow, hel_step_row, GTK_TYPE_LIST_BOX_ROW)

gint64
hel_step_row_get_step_id (HelStepRow *self)
{
  g_return_val_if_fail (HEL_IS_STEP_ROW (self), 0);
  return self->step_id;
}

static HelStep *
current (HelStepRow *self)
{
  HelPlan *plan = _hel_plan_view_get_plan (self->view);

  return plan ? hel_plan_find_step (plan, self->step_id, NULL) : NULL;
}

static HelStep *
copy_for_save (HelStep *t)
{
  HelStep *c = hel_step_new (t->what);

  c->id = t->id;
  c->owner_kind = t->owner_kind;
  c->owner_member_id = t->owner_member_id;
  c->owner_caseworker_id = t->owner_caseworker_id;
  c->owner_name = g_strdup (t->owner_name);
  c->due = g_strdup (t->due);
  c->done = t->done;
  c->done_date = g_strdup (t->done_date);
  c->position = t->position;
  return c;
}

static void
show_error (HelStepRow   *self,
            GtkWidget    *field,
            const GError *error)
{
  GtkWidget *fields[] = { self->what_entry, self->due_entry, self->name_entry,
                          GTK_WIDGET (self->owner_dropdown) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != field || error == NULL)
      _hel_plan_show_error (fields[i], GTK_WIDGET (self->error_label), NULL);
  if (field != NULL)
    _hel_plan_show_error (field, GTK_WIDGET (self->error_label), error);
}

static gboolean
save (HelStepRow *self,
      HelStep    *c,
      const char *label,
      GtkWidget  *field)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  HelPlan *before = _hel_plan_view_begin_edit (self->view);
  gboolean ok = hel_store_save_step (_hel_plan_view_get_store (self->view), self->subgoal_id, c,
                                     &error);

  _hel_plan_view_end_edit (self->view, before, label, ok);
  show_error (self, field, error);
  return ok;
}

static void
what_commit (GtkWidget  *entry,
             HelStepRow *self)
{
  HelStep *t = current (self);
  HelStep *c;

  if (t == NULL)
    return;
  c = copy_for_save (t);
  g_free (c->what);
  c->what = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->what_entry)));
  if (save (self, c, _("Edit step"), self->what_entry))
    _hel_plan_entry_set_shown (GTK_EDITABLE (self->what_entry), c->what);
  hel_step_free (c);
}

static void
due_commit (GtkWidget  *entry,
            HelStepRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  HelStep *t = current (self);
  HelStep *c;

  if (t == NULL)
    return;
  if (!hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->due_entry)), FALSE, &iso,
                          &error))
    {
      show_error (self, self->due_entry, error);
      return;
    }
  c = copy_for_save (t);
  g_free (c->due);
  c->due = g_strdup (iso);
  if (save (self, c, _("Change step date"), self->due_entry))
    {
      g_autofree char *shown = iso ? hel_date_format (iso) : g_strdup ("");
      _hel_plan_entry_set_shown (GTK_EDITABLE (self->due_entry), shown);
    }
  hel_step_free (c);
}

static void
done_toggled_cb (HelStepRow *self)
{
  HelStep *t = current (self);
  HelStep *c;
  gboolean done = gtk_check_button_get_active (self->done_button);

  if (self->loading || t == NULL || done == t->done)
    return;
  c = copy_for_save (t);
  c->done = done;
  g_free (c->done_date);
  c->done_date = done ? g_strdup (_hel_plan_view_get_today (self->view)) : NULL;
  if (!save (self, c, done ? _("Mark step done") : _("Mark step not done"), NULL))
    {
      self->loading = TRUE;
      gtk_check_button_set_active (self->done_button, t->done);
      self->loading = FALSE;
    }
  hel_step_free (c);
}

static void
owner_commit (HelStepRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  HelStep *t = current (self);
  HelStep *c;
  Owner *o;
  gboolean ok;

  if (self->loading || t == NULL || selected >= self->owners->len)
    return;
  o = &g_array_index (self->owners, Owner, selected);
  gtk_widget_set_visible (self->name_entry, o->kind == HEL_OWNER_EXTERNAL);
  if (o->kind == HEL_OWNER_MEMBER && o->id == 0)
    return; /* "Removed from the family" is shown, never chosen */

  c = copy_for_save (t);
  c->owner_kind = o->kind;
  c->owner_member_id = o->kind == HEL_OWNER_MEMBER ? o->id : 0;
  c->owner_caseworker_id = o->kind == HEL_OWNER_CASEWORKER ? o->id : 0;
  if (o->kind == HEL_OWNER_EXTERNAL)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

      if (*name == '\0')
        {
          /* Wait for the name; the store would refuse an unnamed someone. */
          self->pending_external = TRUE;
          gtk_widget_grab_focus (self->name_entry);
          hel_step_free (c);
          return;
        }
      g_free (c->owner_name);
      c->owner_name = g_steal_pointer (&name);
    }
  if (c->owner_kind == t->owner_kind && c->owner_member_id == t->owner_member_id &&
      c->owner_caseworker_id == t->owner_caseworker_id &&
      (c->owner_kind != HEL_OWNER_EXTERNAL || g_strcmp0 (c->owner_name, t->owner_name) == 0))
    {
      hel_step_free (c);
      return;
    }
  self->in_owner_commit = TRUE;
  ok = save (self, c, _("Change who is responsible"),
             o->kind == HEL_OWNER_EXTERNAL ? self->name_entry : GTK_WIDGET (self->owner_dropdown));
  self->in_owner_commit = FALSE;
  if (ok)
    {
      self->pending_external = FALSE;
      if (o->kind == HEL_OWNER_EXTERNAL)
        _hel_plan_entry_set_shown (GTK_EDITABLE (self->name_entry), c->owner_name);
    }
  hel_step_free (c);
}

static void
name_commit (GtkWidget  *entry,
             HelStepRow *self)
{
  owner_commit (self);
}

static void
delete_clicked_cb (HelStepRow *self)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_strdup_printf (_("Step “%s” deleted"), self->what);
  HelPlanView *view = self->view;
  HelPlan *before = _hel_plan_view_begin_edit (view);
  gboolean ok = hel_store_delete_step (_hel_plan_view_get_store (view), self->step_id, &error);

  if (_hel_plan_view_end_edit (view, before, _("Delete step"), ok))
    _hel_plan_view_toast (view, message, TRUE);
  else
    _hel_plan_view_error_toast (view, error);
}

/* ---- order: Alt+Up/Down, or drag by the handle onto another step of the same small goal ---- */

/* The step's place among its small goal's steps, or -1. */
static int
step_index (HelStepRow *self,
            gint64      step_id,
            guint      *n_steps)
{
  HelPlan *plan = _hel_plan_view_get_plan (self->view);
  HelSubgoal *sg = plan ? hel_plan_find_subgoal (plan, self->subgoal_id, NULL) : NULL;

  if (n_steps)
    *n_steps = sg ? sg->steps->len : 0;
  for (guint i = 0; sg != NULL && i < sg->steps->len; i++)
    if (((HelStep *) sg->steps->pdata[i])->id == step_id)
      return (int) i;
  return -1;
}

static gboolean
move_step (HelStepRow *self,
           gint64      step_id,
           guint       new_index)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  HelPlanView *view = self->view;
  HelPlan *before = _hel_plan_view_begin_edit (view);
  gboolean ok = hel_store_move_step (_hel_plan_view_get_store (view), step_id, new_index, &error);

  if (!_hel_plan_view_end_edit (view, before, _("Move step"), ok))
    _hel_plan_view_error_toast (view, error);
  return ok;
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelStepRow *self = HEL_STEP_ROW (widget);
  guint n = 0;
  int index = step_index (self, self->step_id, &n);
  int to = index + (g_str_equal (action_name, "step.move-up") ? -1 : 1);

  if (index < 0 || to < 0 || to >= (int) n)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  move_step (self, self->step_id, (guint) to);
}

/* A step dropped on another of the same small goal takes its place; steps do not move between
 * small goals (each belongs to its own). */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HelStepRow    *self)
{
  HelStepRow *dropped = g_value_get_object (value);
  int to;

  if (dropped == NULL || dropped == self || dropped->subgoal_id != self->subgoal_id)
    return FALSE;
  to = step_index (self, self->step_id, NULL);
  if (to < 0 || step_index (self, dropped->step_id, NULL) < 0)
    return FALSE;
  return move_step (self, dropped->step_id, (guint) to);
}

/* ---- update ---- */

static void
add_owner (HelStepRow    *self,
           GtkStringList *names,
           const char    *name,
           HelOwnerKind   kind,
           gint64         id)
{
  Owner o = { kind, id };

  gtk_string_list_append (names, name);
  g_array_append_val (self->owners, o);
}

static void
fill_owners (HelStepRow *self,
             gboolean    removed_member)
{
  GPtrArray *members = _hel_plan_view_get_members (self->view);
  GPtrArray *caseworkers = _hel_plan_view_get_caseworkers (self->view);
  g_autoptr(GString) key = g_string_new (removed_member ? "removed;" : "");
  g_autoptr(GtkStringList) names = NULL;

  for (guint i = 0; members && i < members->len; i++)
    g_string_append_printf (key, "m%" G_GINT64_FORMAT ":%s,", hel_member_get_id (members->pdata[i]),
                            hel_member_get_first_name (members->pdata[i]));
  for (guint i = 0; caseworkers && i < caseworkers->len; i++)
    g_string_append_printf (key, "c%" G_GINT64_FORMAT ":%s,",
                            hel_caseworker_get_id (caseworkers->pdata[i]),
                            hel_caseworker_get_name (caseworkers->pdata[i]));
  if (g_strcmp0 (key->str, self->owners_key) == 0)
    return;
  g_free (self->owners_key);
  self->owners_key = g_strdup (key->str);

  names = gtk_string_list_new (NULL);
  g_array_set_size (self->owners, 0);
  /* Translators: a step that nobody is responsible for yet */
  add_owner (self, names, C_("owner", "Nobody yet"), HEL_OWNER_NONE, 0);
  for (guint i = 0; members && i < members->len; i++)
    add_owner (self, names, hel_member_get_first_name (members->pdata[i]), HEL_OWNER_MEMBER,
               hel_member_get_id (members->pdata[i]));
  for (guint i = 0; caseworkers && i < caseworkers->len; i++)
    {
      HelCaseworker *cw = caseworkers->pdata[i];
      /* Translators: a caseworker in the list of who is responsible, “Jonna (Job centre)” */
      g_autofree char *name = g_strdup_printf (_("%s (%s)"), hel_caseworker_get_name (cw),
                                               hel_discipline_label (hel_caseworker_get_discipline (cw)));
      add_owner (self, names, name, HEL_OWNER_CASEWORKER, hel_caseworker_get_id (cw));
    }
  add_owner (self, names, _("Someone else…"), HEL_OWNER_EXTERNAL, 0);
  if (removed_member)
    add_owner (self, names, _("Removed from the family"), HEL_OWNER_MEMBER, 0);
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (names));
}

guint
_hel_step_row_owner_position (HelStepRow  *self,
                              HelOwnerKind kind,
                              gint64       id)
{
  for (guint i = 0; i < self->owners->len; i++)
    {
      Owner *o = &g_array_index (self->owners, Owner, i);
      if (o->kind == kind && (kind == HEL_OWNER_NONE || kind == HEL_OWNER_EXTERNAL || o->id == id))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
update_idle_cb (gpointer data)
{
  HelStepRow *self = data;
  HelStep *step = current (self);

  self->update_idle_id = 0;
  if (step != NULL)
    hel_step_row_update (self, self->subgoal_id, step);
  return G_SOURCE_REMOVE;
}

void
hel_step_row_update (HelStepRow *self,
                     gint64      subgoal_id,
                     HelStep    *step)
{
  gboolean removed = step->owner_kind == HEL_OWNER_MEMBER && step->owner_member_id == 0;
  HelOwnerKind kind = step->owner_kind;
  gint64 id = kind == HEL_OWNER_MEMBER ? step->owner_member_id : step->owner_caseworker_id;
  guint position;

  g_return_if_fail (HEL_IS_STEP_ROW (self));

  self->subgoal_id = subgoal_id;
  if (self->in_owner_commit)
    {
      /* The drop-down is still emitting; its list may change once that is over. */
      if (self->update_idle_id == 0)
        self->update_idle_id = g_idle_add (update_idle_cb, self);
      return;
    }
  self->loading = TRUE;
  g_free (self->what);
  self->what = g_strdup (step->what);

  gtk_check_button_set_active (self->done_button, step->done);
  _hel_plan_entry_fill (GTK_EDITABLE (self->what_entry), step->what);
  _hel_plan_entry_fill_date (GTK_EDITABLE (self->due_entry), step->due);
  if (step->done)
    gtk_widget_add_css_class (self->what_entry, "hel-plan-done");
  else
    gtk_widget_remove_css_class (self->what_entry, "hel-plan-done");
  _hel_plan_pill_set (self->pill, hel_step_due_state (step, _hel_plan_view_get_today (self->view)),
                      FALSE);

  fill_owners (self, removed);
  if (self->pending_external)
    kind = HEL_OWNER_EXTERNAL;
  /* A caseworker who is gone shows as nobody until someone is chosen. */
  position = _hel_step_row_owner_position (self, kind, id);
  gtk_drop_down_set_selected (self->owner_dropdown, position != GTK_INVALID_LIST_POSITION
                                                    ? position : 0);
  if (kind == HEL_OWNER_EXTERNAL && !self->pending_external)
    _hel_plan_entry_fill (GTK_EDITABLE (self->name_entry), step->owner_name);
  gtk_widget_set_visible (self->name_entry, kind == HEL_OWNER_EXTERNAL);

  gtk_widget_set_visible (GTK_WIDGET (self->owner_warning), removed);
  if (removed)
    gtk_widget_add_css_class (GTK_WIDGET (self->owner_dropdown), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->owner_dropdown), "warning");
  self->loading = FALSE;
}

/* ---- construction ---- */

GtkWidget *
hel_step_row_new (HelPlanView *view,
                  gint64       step_id)
{
  HelStepRow *self = g_object_new (HEL_TYPE_STEP_ROW, NULL);

  self->view = view;
  self->step_id = step_id;
  return GTK_WIDGET (self);
}

static void
hel_step_row_dispose (GObject *object)
{
  HelStepRow *self = HEL_STEP_ROW (object);

  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  G_OBJECT_CLASS (hel_step_row_parent_class)->dispose (object);
}

static void
hel_step_row_finalize (GObject *object)
{
  HelStepRow *self = HEL_STEP_ROW (object);

  g_free (self->what);
  g_free (self->owners_key);
  g_array_unref (self->owners);
  G_OBJECT_CLASS (hel_step_row_parent_class)->finalize (object);
}

static void
hel_step_row_class_init (HelStepRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hel_step_row_dispose;
  G_OBJECT_CLASS (klass)->finalize = hel_step_row_finalize;
  gtk_widget_class_install_action (widget_class, "step.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "step.move-down", NULL, move_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "step.move-up",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "step.move-down", NULL);
}

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
hel_step_row_init (HelStepRow *self)
{
  GtkWidget *box, *line, *button, *spacer;

  self->owners = g_array_new (FALSE, FALSE, sizeof (Owner));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "hel-plan-step");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  /* [handle] [x] what ............ [pill] [trash] */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (self->handle, "dim-label");
  gtk_widget_set_tooltip_text (self->handle, _("Drag to move the step, or press Alt+↑ / Alt+↓"));
  gtk_widget_set_cursor_from_name (self->handle, "grab");
  gtk_box_append (GTK_BOX (line), self->handle);
  {
    GType types[] = { HEL_TYPE_STEP_ROW };

    _hel_plan_setup_drag (self->handle, GTK_WIDGET (self), GTK_WIDGET (self), types,
                          G_N_ELEMENTS (types), G_CALLBACK (drop_cb), self);
  }
  self->done_button = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->done_button), _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Step done"), -1);
  g_signal_connect_swapped (self->done_button, "toggled", G_CALLBACK (done_toggled_cb), self);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->done_button));

  self->what_entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->what_entry, TRUE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->what_entry), FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->what_entry), _("What is to be done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->what_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What is to be done"), -1);
  g_signal_connect (self->what_entry, "activate", G_CALLBACK (what_commit), self);
  _hel_plan_watch_focus_out (self->what_entry, G_CALLBACK (what_commit), self);
  gtk_box_append (GTK_BOX (line), self->what_entry);

  self->pill = _hel_plan_pill_new ();
  gtk_box_append (GTK_BOX (line), self->pill);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Delete Step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Step"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  self->delete_button = button;
  gtk_box_append (GTK_BOX (line), button);
  gtk_box_append (GTK_BOX (box), line);

  /* Responsible [drop-down] [name]   By [date] */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (line, 54);
  gtk_widget_set_margin_end (line, 44);
  gtk_box_append (GTK_BOX (line), dim_label_new (_("Responsible")));
  self->owner_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->owner_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Responsible"), -1);
  g_signal_connect_swapped (self->owner_dropdown, "notify::selected", G_CALLBACK (owner_commit),
                            self);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->owner_dropdown));
  self->name_entry = gtk_entry_new ();
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->name_entry), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->name_entry), 14);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name_entry), _("Name, e.g. Mentor Lise"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the person responsible"),
                                  -1);
  gtk_widget_set_visible (self->name_entry, FALSE);
  g_signal_connect (self->name_entry, "activate", G_CALLBACK (name_commit), self);
  _hel_plan_watch_focus_out (self->name_entry, G_CALLBACK (name_commit), self);
  gtk_box_append (GTK_BOX (line), self->name_entry);
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (line), spacer);
  /* Translators: before a step's date, “By [01.03.2026]” */
  gtk_box_append (GTK_BOX (line), dim_label_new (C_("step", "By")));
  self->due_entry = gtk_entry_new ();
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->due_entry), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->due_entry), 10);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->due_entry), _("Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Step to be done by"), -1);
  g_signal_connect (self->due_entry, "activate", G_CALLBACK (due_commit), self);
  _hel_plan_watch_focus_out (self->due_entry, G_CALLBACK (due_commit), self);
  gtk_box_append (GTK_BOX (line), self->due_entry);
  gtk_box_append (GTK_BOX (box), line);

  self->owner_warning = GTK_LABEL (gtk_label_new (_("The person responsible was removed from the "
                                                    "family. Choose someone else.")));
  gtk_label_set_wrap (self->owner_warning, TRUE);
  gtk_label_set_xalign (self->owner_warning, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->owner_warning), 54);
  gtk_widget_add_css_class (GTK_WIDGET (self->owner_warning), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->owner_warning), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->owner_warning));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 54);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
}

/* ---- test hooks ---- */

GtkCheckButton *
_hel_step_row_get_done_button (HelStepRow *self)
{
  return self->done_button;
}

GtkEditable *
_hel_step_row_get_what_entry (HelStepRow *self)
{
  return GTK_EDITABLE (self->what_entry);
}

GtkEditable *
_hel_step_row_get_due_entry (HelStepRow *self)
{
  return GTK_EDITABLE (self->due_entry);
}

GtkEditable *
_hel_step_row_get_name_entry (HelStepRow *self)
{
  return GTK_EDITABLE (self->name_entry);
}

GtkDropDown *
_hel_step_row_get_owner_dropdown (HelStepRow *self)
{
  return self->owner_dropdown;
}

GtkWidget *
_hel_step_row_get_drag_handle (HelStepRow *self)
{
  return self->handle;
}

GtkWidget *
_hel_step_row_get_delete_button (HelStepRow *self)
{
  return self->delete_button;
}

GtkLabel *
_hel_step_row_get_error_label (HelStepRow *self)
{
  return self->error_label;
}

GtkLabel *
_hel_step_row_get_owner_warning (HelStepRow *self)
{
  return self->owner_warning;
}

GtkWidget *
_hel_step_row_get_pill (HelStepRow *self)
{
  return self->pill;
}
