/* hel-plan-versions-window.c: pick a saved version of the plan; see it read-only and what has
 * changed since. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-plan-diff.h"
#include "hel-plan-versions-window.h"
#include "hel-store-plan.h"
#include "hel-validate.h"

#define VERSION_ID_KEY "hel-plan-version-id"

struct _HelPlanVersionsWindow
{
  AdwWindow       parent_instance;

  HelStore       *store;
  gint64          family_id;
  GPtrArray      *members;     /* HelMember, for owners' names */
  GPtrArray      *diff;        /* of the selected version, for the tests */

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListBox     *version_list;
  GtkScrolledWindow *detail_scroller;
  GtkBox         *detail_box;
};

G_DEFINE_FINAL_TYPE (HelPlanVersionsWindow, hel_plan_versions_window, ADW_TYPE_WINDOW)

static char *
format_created (const char *created)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (created, NULL);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (local == NULL)
    return g_strdup (created ? created : "");
  iso = g_date_time_format (local, "%Y-%m-%d");
  date = hel_date_format (iso);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: when a version was saved, “02.02.2026 at 14:05” */
  return g_strdup_printf (_("%s at %s"), date, time);
}

static const char *
member_name (HelPlanVersionsWindow *self,
             gint64                 id)
{
  for (guint i = 0; self->members && i < self->members->len; i++)
    if (hel_member_get_id (self->members->pdata[i]) == id)
      return hel_member_get_first_name (self->members->pdata[i]);
  return NULL;
}

static GtkWidget *
heading_new (const char *text,
             const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static char *
step_subtitle (HelPlanVersionsWindow *self,
               HelStep               *step)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *who = NULL;
  g_autoptr(HelCaseworker) cw = NULL;

  switch (step->owner_kind)
    {
    case HEL_OWNER_MEMBER:
      who = member_name (self, step->owner_member_id);
      if (who == NULL)
        who = _("someone no longer in the family");
      break;
    case HEL_OWNER_CASEWORKER:
      cw = hel_store_get_caseworker (self->store, step->owner_caseworker_id, NULL);
      who = cw ? hel_caseworker_get_name (cw) : NULL;
      break;
    case HEL_OWNER_EXTERNAL:
      who = step->owner_name;
      break;
    case HEL_OWNER_NONE:
    case HEL_N_OWNER_KINDS:
    default:
      break;
    }
  if (who)
    g_string_append (s, who);
  if (step->due && *step->due)
    {
      g_autofree char *date = hel_date_format (step->due);
      if (s->len)
        g_string_append (s, " · ");
      g_string_append_printf (s, _("By %s"), date);
    }
  if (step->done)
    {
      if (s->len)
        g_string_append (s, " · ");
      g_string_append (s, _("Done"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GtkWidget *
subgoal_row_new (HelPlanVersionsWindow *self,
                 HelSubgoal            *sg)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(GString) s = g_string_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sg->wording);
  for (guint i = 0; i < sg->owners->len; i++)
    {
      const char *name = member_name (self, g_array_index (sg->owners, gint64, i));
      if (name == NULL)
        continue;
      if (s->len)
        g_string_append (s, ", ");
      g_string_append (s, name);
    }
  if (sg->deadline && *sg->deadline)
    {
      g_autofree char *date = hel_date_format (sg->deadline);
      if (s->len)
        g_string_append (s, " · ");
      g_string_append_printf (s, _("By %s"), date);
    }
  if (s->len)
    g_string_append (s, " · ");
  g_string_append (s, hel_goal_status_label (sg->status));
  if (sg->scale >= 0)
    {
      g_string_append (s, " · ");
      g_string_append_printf (s, _("scale %d/10"), sg->scale);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), s->str);

  for (guint i = 0; i < sg->steps->len; i++)
    {
      HelStep *step = sg->steps->pdata[i];
      g_autofree char *subtitle = step_subtitle (self, step);
      GtkWidget *r = text_row_new (step->what, subtitle);
      GtkWidget *icon = gtk_image_new_from_icon_name (step->done ? "object-select-symbolic"
                                                                 : "radio-symbolic");
      gtk_widget_add_css_class (icon, step->done ? "success" : "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (r), icon);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), r);
    }
  for (guint i = 0; i < sg->followups->len; i++)
    {
      HelFollowup *note = sg->followups->pdata[i];
      g_autofree char *date = hel_date_format (note->date);
      g_autofree char *subtitle = note->author ? g_strdup_printf (_("%s · %s"), date, note->author)
                                               : g_strdup (date);
      GtkWidget *r = text_row_new (note->text, subtitle);
      GtkWidget *icon = gtk_image_new_from_icon_name ("hel-note-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (r), icon);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), r);
    }
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row),
                                         sg->steps->len + sg->followups->len > 0);
  return row;
}

static void
clear_detail (HelPlanVersionsWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);
}

static void
show_version (HelPlanVersionsWindow *self,
              gint64                 version_id,
              const char            *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlan) old = hel_store_load_plan_version (self->store, version_id, &error);
  g_autoptr(HelPlan) now = NULL;
  HelPlanData *data;
  GtkWidget *box, *list;

  clear_detail (self);
  g_clear_pointer (&self->diff, g_ptr_array_unref);
  if (old != NULL)
    now = hel_store_load_plan (self->store, self->family_id, &error);
  if (now == NULL)
    {
      gtk_box_append (self->detail_box, heading_new (error->message, "error"));
      return;
    }
  data = hel_plan_data (old);
  self->diff = hel_plan_diff (old, now);

  gtk_box_append (self->detail_box, heading_new (title, "title-2"));

  /* What has happened since */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), heading_new (_("Compared with Now"), "heading"));
  list = boxed_list_new ();
  for (guint i = 0; i < self->diff->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), text_row_new (self->diff->pdata[i], NULL));
  if (self->diff->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         text_row_new (_("The plan has not changed since this version."), NULL));
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (self->detail_box, box);

  /* The plan as it was, read-only */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), heading_new (_("Wishes and Hopes"), "heading"));
  {
    GtkWidget *card = gtk_label_new (data->wishes && *data->wishes ? data->wishes
                                                                   : _("No wishes written."));
    gtk_label_set_wrap (GTK_LABEL (card), TRUE);
    gtk_label_set_xalign (GTK_LABEL (card), 0);
    gtk_label_set_selectable (GTK_LABEL (card), TRUE);
    gtk_widget_add_css_class (card, "card");
    gtk_widget_add_css_class (card, "hel-plan-version-text");
    gtk_box_append (GTK_BOX (box), card);
  }
  {
    GHashTableIter iter;
    gpointer key, value;

    list = boxed_list_new ();
    g_hash_table_iter_init (&iter, data->member_wishes);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        const char *name = member_name (self, *(gint64 *) key);
        gtk_list_box_append (GTK_LIST_BOX (list),
                             text_row_new (name ? name : _("Former member"), value));
      }
    if (gtk_widget_get_first_child (list) != NULL)
      {
        gtk_widget_set_margin_top (list, 6);
        gtk_box_append (GTK_BOX (box), list);
      }
    else
      g_object_ref_sink (list), g_object_unref (list);
  }
  gtk_box_append (self->detail_box, box);

  for (guint i = 0; i < data->goals->len; i++)
    {
      HelGoal *goal = data->goals->pdata[i];

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_box_append (GTK_BOX (box), heading_new (goal->title, "heading"));
      list = boxed_list_new ();
      for (guint j = 0; j < goal->subgoals->len; j++)
        gtk_list_box_append (GTK_LIST_BOX (list), subgoal_row_new (self, goal->subgoals->pdata[j]));
      if (goal->subgoals->len == 0)
        gtk_list_box_append (GTK_LIST_BOX (list), text_row_new (_("No small goals"), NULL));
      gtk_box_append (GTK_BOX (box), list);
      gtk_box_append (self->detail_box, box);
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
}

static void
row_selected_cb (HelPlanVersionsWindow *self,
                 GtkListBoxRow         *row)
{
  if (row == NULL)
    return;
  show_version (self, *(gint64 *) g_object_get_data (G_OBJECT (row), VERSION_ID_KEY),
                g_object_get_data (G_OBJECT (row), "hel-plan-title"));
}

static void
load_versions (HelPlanVersionsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = hel_store_list_plan_versions (self->store, self->family_id,
                                                                &error);
  g_autoptr(HelFamily) family = hel_store_get_family (self->store, self->family_id, NULL);

  if (family != NULL)
    adw_window_title_set_subtitle (self->window_title, hel_family_get_name (family));
  self->members = hel_store_list_members (self->store, self->family_id, NULL);
  if (versions == NULL || versions->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  for (guint i = 0; i < versions->len; i++)
    {
      HelPlanVersion *v = versions->pdata[i];
      g_autofree char *when = format_created (v->created);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = heading_new (when, "heading");
      GtkWidget *who = heading_new (v->participants && *v->participants ? v->participants
                                                                         : _("No participants noted"),
                                    "caption");

      gtk_widget_add_css_class (who, "dim-label");
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), who);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), VERSION_ID_KEY, g_memdup2 (&v->id, sizeof v->id),
                              g_free);
      /* Translators: the heading of a saved version, “Version of 02.02.2026 at 14:05” */
      g_object_set_data_full (G_OBJECT (row), "hel-plan-title",
                              g_strdup_printf (_("Version of %s"), when), g_free);
      gtk_list_box_append (self->version_list, row);
    }
  gtk_stack_set_visible_child_name (self->stack, "versions");
  gtk_list_box_select_row (self->version_list, gtk_list_box_get_row_at_index (self->version_list, 0));
}

GtkWidget *
hel_plan_versions_window_new (HelStore *store,
                              gint64    family_id)
{
  HelPlanVersionsWindow *self;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  self = g_object_new (HEL_TYPE_PLAN_VERSIONS_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->family_id = family_id;
  load_versions (self);
  return GTK_WIDGET (self);
}

static void
hel_plan_versions_window_dispose (GObject *object)
{
  HelPlanVersionsWindow *self = HEL_PLAN_VERSIONS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_PLAN_VERSIONS_WINDOW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hel_plan_versions_window_parent_class)->dispose (object);
}

static void
hel_plan_versions_window_finalize (GObject *object)
{
  HelPlanVersionsWindow *self = HEL_PLAN_VERSIONS_WINDOW (object);

  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->diff, g_ptr_array_unref);
  G_OBJECT_CLASS (hel_plan_versions_window_parent_class)->finalize (object);
}

static void
hel_plan_versions_window_class_init (HelPlanVersionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_plan_versions_window_dispose;
  object_class->finalize = hel_plan_versions_window_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hel-plan-versions-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelPlanVersionsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HelPlanVersionsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HelPlanVersionsWindow, version_list);
  gtk_widget_class_bind_template_child (widget_class, HelPlanVersionsWindow, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, HelPlanVersionsWindow, detail_box);
}

static void
hel_plan_versions_window_init (HelPlanVersionsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->version_list, "row-selected", G_CALLBACK (row_selected_cb), self);
}

GtkListBox *
_hel_plan_versions_window_get_list (HelPlanVersionsWindow *self)
{
  return self->version_list;
}

GPtrArray *
_hel_plan_versions_window_get_diff (HelPlanVersionsWindow *self)
{
  return self->diff;
}
