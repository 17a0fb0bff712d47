/* hel-plan-view-fields.c: what the plan's rows share: typed text kept, pills, errors, order. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-plan-view-private.h"
#include "hel-validate.h"

void
_hel_plan_entry_set_shown (GtkEditable *entry,
                           const char  *text)
{
  g_object_set_data_full (G_OBJECT (entry), HEL_PLAN_SHOWN_KEY, g_strdup (text ? text : ""), g_free);
  if (g_strcmp0 (gtk_editable_get_text (entry), text ? text : "") != 0)
    gtk_editable_set_text (entry, text ? text : "");
}

gboolean
_hel_plan_entry_is_dirty (GtkEditable *entry)
{
  const char *shown = g_object_get_data (G_OBJECT (entry), HEL_PLAN_SHOWN_KEY);

  return g_strcmp0 (shown ? shown : "", gtk_editable_get_text (entry)) != 0;
}

void
_hel_plan_entry_fill (GtkEditable *entry,
                      const char  *text)
{
  /* Never throw away what the person typed and has not applied yet (or could not save). */
  if (!_hel_plan_entry_is_dirty (entry))
    _hel_plan_entry_set_shown (entry, text);
}

void
_hel_plan_entry_fill_date (GtkEditable *entry,
                           const char  *iso)
{
  g_autofree char *text = iso && *iso ? hel_date_format (iso) : g_strdup ("");

  _hel_plan_entry_fill (entry, text);
}

typedef struct {
  GCallback commit;
  gpointer  data;
} FocusWatch;

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                FocusWatch              *watch)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (GTK_IS_EDITABLE (widget) && !_hel_plan_entry_is_dirty (GTK_EDITABLE (widget)))
    return;
  ((void (*) (GtkWidget *, gpointer)) watch->commit) (widget, watch->data);
}

void
_hel_plan_watch_focus_out (GtkWidget *widget,
                           GCallback  commit,
                           gpointer   data)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  FocusWatch *watch = g_new0 (FocusWatch, 1);

  watch->commit = commit;
  watch->data = data;
  g_signal_connect_data (focus, "leave", G_CALLBACK (focus_leave_cb), watch,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (widget, focus);
}

GtkWidget *
_hel_plan_pill_new (void)
{
  GtkWidget *pill = gtk_label_new (NULL);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "hel-plan-pill");
  gtk_widget_set_visible (pill, FALSE);
  return pill;
}

void
_hel_plan_pill_set (GtkWidget   *pill,
                    HelDueState  state,
                    gboolean     achieved)
{
  const char *text = NULL, *style = NULL;

  if (achieved)
    text = _("Achieved"), style = "success";
  else if (state == HEL_DUE_OVERDUE)
    text = _("Overdue"), style = "error";
  else if (state == HEL_DUE_SOON)
    text = _("Due soon"), style = "warning";

  gtk_widget_remove_css_class (pill, "success");
  gtk_widget_remove_css_class (pill, "error");
  gtk_widget_remove_css_class (pill, "warning");
  if (style)
    gtk_widget_add_css_class (pill, style);
  gtk_label_set_text (GTK_LABEL (pill), text ? text : "");
  gtk_widget_set_visible (pill, text != NULL);
}

GtkWidget *
_hel_plan_error_row_new (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "hel-plan-error-row");
  gtk_widget_set_visible (row, FALSE);
  return row;
}

void
_hel_plan_show_error (GtkWidget    *field,
                      GtkWidget    *error_row,
                      const GError *error)
{
  GtkWidget *label = error_row;

  if (GTK_IS_LIST_BOX_ROW (error_row))
    label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));

  if (field != NULL)
    {
      if (error)
        gtk_widget_add_css_class (field, "error");
      else
        gtk_widget_remove_css_class (field, "error");
      /* A screen reader hears why the field is marked, not only that it is. */
      if (error)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
          gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
  gtk_label_set_text (GTK_LABEL (label), error ? error->message : "");
  gtk_widget_set_visible (error_row, error != NULL);
}

void
_hel_plan_set_order (GtkWidget *row,
                     int        order)
{
  g_object_set_data (G_OBJECT (row), HEL_PLAN_ORDER_KEY, GINT_TO_POINTER (order));
}

int
_hel_plan_order_sort (GtkListBoxRow *a,
                      GtkListBoxRow *b,
                      gpointer       data)
{
  int oa = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), HEL_PLAN_ORDER_KEY));
  int ob = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), HEL_PLAN_ORDER_KEY));

  return (oa > ob) - (oa < ob);
}

/* ---- drag and drop ---- */

#define DRAG_ICON_KEY "hel-plan-drag-icon"

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (row), row);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (source), DRAG_ICON_KEY);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (icon);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

void
_hel_plan_setup_drag (GtkWidget   *handle,
                      GtkWidget   *row,
                      GtkWidget   *icon,
                      const GType *types,
                      gsize        n_types,
                      GCallback    drop,
                      gpointer     data)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_object_set_data (G_OBJECT (source), DRAG_ICON_KEY, icon);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_gtypes (target, (GType *) types, n_types);
  g_signal_connect (target, "drop", drop, data);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}
