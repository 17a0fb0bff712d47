/* hel-plan-view-wishes.c: the family's and each member's wishes in the plan view. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-plan-view-private.h"

#define WISHES_IDLE_MS 1000
#define MEMBER_ID_KEY "hel-plan-member-id"

static void save_wishes_focus_cb (GtkWidget *view, HelPlanView *self);
static void wishes_changed_cb (GtkTextBuffer *buffer, GtkTextView *view);

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
text_view_is_dirty (GtkTextView *view)
{
  g_autofree char *text = text_view_get_text (view);
  const char *shown = g_object_get_data (G_OBJECT (view), HEL_PLAN_SHOWN_KEY);

  return g_strcmp0 (g_strstrip (text), shown ? shown : "") != 0;
}

static void
text_view_fill (HelPlanView *self,
                GtkTextView *view,
                const char  *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (text_view_is_dirty (view))
    return;
  g_object_set_data_full (G_OBJECT (view), HEL_PLAN_SHOWN_KEY, g_strdup (trimmed), g_free);
  {
    g_autofree char *current = text_view_get_text (view);
    if (g_strcmp0 (g_strstrip (current), trimmed) != 0)
      {
        gboolean was_loading = self->loading;
        self->loading = TRUE;
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), trimmed, -1);
        self->loading = was_loading;
      }
  }
}

static void
member_wishes_subtitle (AdwExpanderRow *row,
                        const char     *wishes)
{
  g_autofree char *first_line = NULL;

  if (wishes == NULL || *wishes == '\0')
    {
      adw_expander_row_set_subtitle (row, _("No wishes written yet"));
      return;
    }
  first_line = g_strndup (wishes, strcspn (wishes, "\n"));
  adw_expander_row_set_subtitle (row, first_line);
}

static GtkWidget *
member_wishes_row_new (HelPlanView *self,
                       HelMember   *member)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *inner = gtk_list_box_row_new ();
  GtkWidget *view = gtk_text_view_new ();
  gint64 id = hel_member_get_id (member);
  g_autofree char *label = g_strdup_printf (_("%s’s wishes and hopes"),
                                            hel_member_get_first_name (member));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), MEMBER_ID_KEY, g_memdup2 (&id, sizeof id), g_free);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (view, "hel-plan-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), FALSE);
  g_object_set_data_full (G_OBJECT (view), MEMBER_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (wishes_changed_cb), view);
  g_object_set_data (G_OBJECT (view), "hel-plan-view", self);
  _hel_plan_watch_focus_out (view, G_CALLBACK (save_wishes_focus_cb), self);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (inner), view);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (inner), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), inner);
  g_object_set_data (G_OBJECT (row), "hel-plan-text", view);
  return row;
}

static void
refresh_member_wishes (HelPlanView *self)
{
  HelPlanData *data = hel_plan_data (self->plan);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;
  GtkWidget *prev = NULL;

  for (guint i = 0; self->members && i < self->members->len; i++)
    {
      HelMember *member = self->members->pdata[i];
      gint64 id = hel_member_get_id (member);
      AdwExpanderRow *row = g_hash_table_lookup (self->member_rows, &id);
      const char *wishes = g_hash_table_lookup (data->member_wishes, &id);

      if (row == NULL)
        {
          row = ADW_EXPANDER_ROW (member_wishes_row_new (self, member));
          g_hash_table_insert (self->member_rows, g_memdup2 (&id, sizeof id), row);
          gtk_list_box_append (self->member_wishes_list, GTK_WIDGET (row));
        }
      g_hash_table_add (seen, g_object_get_data (G_OBJECT (row), MEMBER_ID_KEY));
      _hel_plan_set_order (GTK_WIDGET (row), (int) i);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hel_member_get_first_name (member));
      member_wishes_subtitle (row, wishes);
      text_view_fill (self, g_object_get_data (G_OBJECT (row), "hel-plan-text"), wishes);
      prev = GTK_WIDGET (row);
    }
  (void) prev;

  g_hash_table_iter_init (&iter, self->member_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        gtk_list_box_remove (self->member_wishes_list, value);
        g_hash_table_iter_remove (&iter);
      }
  gtk_list_box_invalidate_sort (self->member_wishes_list);
  gtk_widget_set_visible (GTK_WIDGET (self->member_wishes_list),
                          self->members != NULL && self->members->len > 0);
}

/* ---- saving ---- */

static void
save_wishes (HelPlanView *self,
             GtkTextView *view)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 *member_id = g_object_get_data (G_OBJECT (view), MEMBER_ID_KEY);
  HelPlan *before;
  gboolean ok;

  if (self->pending_wishes == view)
    {
      g_clear_handle_id (&self->wishes_timeout_id, g_source_remove);
      self->pending_wishes = NULL;
    }
  if (self->store == NULL || self->family_id == 0 || !text_view_is_dirty (view))
    return;

  text = g_strstrip (text_view_get_text (view));
  before = _hel_plan_view_begin_edit (self);
  ok = hel_store_set_wishes (self->store, self->family_id, member_id ? *member_id : 0, text, &error);
  if (ok)
    g_object_set_data_full (G_OBJECT (view), HEL_PLAN_SHOWN_KEY, g_strdup (text), g_free);
  _hel_plan_view_end_edit (self, before, member_id ? _("Edit a member’s wishes")
                                                   : _("Edit the family’s wishes"), ok);
  if (member_id == NULL)
    _hel_plan_show_error (NULL, GTK_WIDGET (self->wishes_error_label), error);
  else if (!ok)
    _hel_plan_view_error_toast (self, error);
}

static void
save_wishes_focus_cb (GtkWidget   *view,
                      HelPlanView *self)
{
  save_wishes (self, GTK_TEXT_VIEW (view));
}

static gboolean
wishes_timeout_cb (gpointer data)
{
  HelPlanView *self = data;
  GtkTextView *view = self->pending_wishes;

  self->wishes_timeout_id = 0;
  self->pending_wishes = NULL;
  if (view != NULL)
    save_wishes (self, view);
  return G_SOURCE_REMOVE;
}

static void
wishes_changed_cb (GtkTextBuffer *buffer,
                   GtkTextView   *view)
{
  HelPlanView *self = g_object_get_data (G_OBJECT (view), "hel-plan-view");

  if (self->loading)
    return;
  /* Another text view's typing is saved before this one starts its own wait. */
  if (self->pending_wishes != NULL && self->pending_wishes != view)
    save_wishes (self, self->pending_wishes);
  self->pending_wishes = view;
  g_clear_handle_id (&self->wishes_timeout_id, g_source_remove);
  self->wishes_timeout_id = g_timeout_add (WISHES_IDLE_MS, wishes_timeout_cb, self);
}

void
_hel_plan_view_flush (HelPlanView *self)
{
  g_return_if_fail (HEL_IS_PLAN_VIEW (self));

  if (self->pending_wishes != NULL)
    save_wishes (self, self->pending_wishes);
}

GtkTextView *
_hel_plan_view_get_member_wishes_view (HelPlanView *self,
                                       gint64       member_id)
{
  GtkWidget *row = g_hash_table_lookup (self->member_rows, &member_id);

  return row ? g_object_get_data (G_OBJECT (row), "hel-plan-text") : NULL;
}

void
_hel_plan_view_init_wishes (HelPlanView *self)
{
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->wishes_view), FALSE);
  g_object_set_data (G_OBJECT (self->wishes_view), "hel-plan-view", self);
  g_signal_connect (gtk_text_view_get_buffer (self->wishes_view), "changed",
                    G_CALLBACK (wishes_changed_cb), self->wishes_view);
  _hel_plan_watch_focus_out (GTK_WIDGET (self->wishes_view), G_CALLBACK (save_wishes_focus_cb),
                             self);
  gtk_list_box_set_sort_func (self->member_wishes_list, _hel_plan_order_sort, NULL, NULL);
}

void
_hel_plan_view_refresh_wishes (HelPlanView *self)
{
  text_view_fill (self, self->wishes_view, hel_plan_data (self->plan)->wishes);
  refresh_member_wishes (self);
}

void
_hel_plan_view_clear_wishes (HelPlanView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->member_wishes_list))) != NULL)
    gtk_list_box_remove (self->member_wishes_list, child);
  g_hash_table_remove_all (self->member_rows);
  g_object_set_data (G_OBJECT (self->wishes_view), HEL_PLAN_SHOWN_KEY, NULL);
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->wishes_view), "", -1);
  self->loading = FALSE;
  _hel_plan_show_error (NULL, GTK_WIDGET (self->wishes_error_label), NULL);
}
