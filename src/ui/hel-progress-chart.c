/* hel-progress-chart.c: draws a HelChart with the same function as the files and the report, in
 * the theme's light, dark or high-contrast colours; its accessible name is the chart's title. */
#include "config.h"

#include "hel-progress-chart.h"

struct _HelProgressChart
{
  GtkWidget  parent_instance;
  HelChart  *chart;
};

G_DEFINE_FINAL_TYPE (HelProgressChart, hel_progress_chart, GTK_TYPE_WIDGET)

static void
style_changed_cb (HelProgressChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hel_progress_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  HelProgressChart *self = HEL_PROGRESS_CHART (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  HelChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  hel_chart_style_init (&style, adw_style_manager_get_high_contrast (manager)
                                  ? HEL_CHART_THEME_HIGH_CONTRAST
                                  : adw_style_manager_get_dark (manager) ? HEL_CHART_THEME_DARK
                                                                         : HEL_CHART_THEME_LIGHT);
  /* Read at arm's length on a laptop: a little larger than on paper. */
  style.text_scale = 1.2;
  /* The card shows through: the chart's own background matches the view's. */
  if (adw_style_manager_get_dark (manager))
    style.background = (HelChartColour) { 0.19, 0.19, 0.19, 1 };
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  hel_render_chart (cr, self->chart, &style, width, height);
  cairo_destroy (cr);
}

static void
hel_progress_chart_dispose (GObject *object)
{
  HelProgressChart *self = HEL_PROGRESS_CHART (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->chart, hel_chart_free);
  G_OBJECT_CLASS (hel_progress_chart_parent_class)->dispose (object);
}

static void
hel_progress_chart_class_init (HelProgressChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_progress_chart_dispose;
  widget_class->snapshot = hel_progress_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "progresschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hel_progress_chart_init (HelProgressChart *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 300);
  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);
}

GtkWidget *
hel_progress_chart_new (void)
{
  return g_object_new (HEL_TYPE_PROGRESS_CHART, NULL);
}

void
hel_progress_chart_set_chart (HelProgressChart *self,
                              HelChart         *chart)
{
  g_return_if_fail (HEL_IS_PROGRESS_CHART (self));

  g_clear_pointer (&self->chart, hel_chart_free);
  self->chart = chart;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chart ? hel_chart_get_title (chart) : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const HelChart *
hel_progress_chart_get_chart (HelProgressChart *self)
{
  g_return_val_if_fail (HEL_IS_PROGRESS_CHART (self), NULL);
  return self->chart;
}
