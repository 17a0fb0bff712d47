/* hel-progress-chart.c: draws a HelChart with the same function as the files and the report, in
 * the theme's light, dark or high-contrast colours; its accessible name is the chart's title. A
 * table is as high as its rows need for the width it gets; a plot fills the box it is given. */
#include "config.h"

#include <math.h>

#include "hel-progress-chart.h"

struct _HelProgressChart
{
  GtkWidget  parent_instance;
  HelChart  *chart;
  int        plot_height;   /* a plot's smallest height */
};

G_DEFINE_FINAL_TYPE (HelProgressChart, hel_progress_chart, GTK_TYPE_WIDGET)

/* A plot's smallest box; a table's smallest height, when it has few rows. */
#define PLOT_MIN_WIDTH   320
#define PLOT_MIN_HEIGHT  300
#define TABLE_MIN_HEIGHT 120

static void
style_changed_cb (HelProgressChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
init_chart_style (HelChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  hel_chart_style_init (style, adw_style_manager_get_high_contrast (manager)
                                 ? HEL_CHART_THEME_HIGH_CONTRAST
                                 : adw_style_manager_get_dark (manager) ? HEL_CHART_THEME_DARK
                                                                        : HEL_CHART_THEME_LIGHT);
  /* Read at arm's length on a laptop: a little larger than on paper. */
  style->text_scale = 1.2;
  /* The card shows through: the chart's own background matches the view's. */
  if (adw_style_manager_get_dark (manager))
    style->background = (HelChartColour) { 0.19, 0.19, 0.19, 1 };
}

static gboolean
is_table (HelProgressChart *self)
{
  return self->chart != NULL && hel_chart_is_table (self->chart);
}

static GtkSizeRequestMode
hel_progress_chart_get_request_mode (GtkWidget *widget)
{
  return is_table (HEL_PROGRESS_CHART (widget)) ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                                : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
hel_progress_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  HelProgressChart *self = HEL_PROGRESS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = PLOT_MIN_WIDTH;
  else if (is_table (self))
    {
      HelChartStyle style;
      double height;

      init_chart_style (&style);
      height = hel_chart_get_natural_height (self->chart, &style,
                                             for_size > 0 ? for_size : PLOT_MIN_WIDTH);
      /* Every row shown, and nothing under them: the minimum is the natural height. */
      *minimum = *natural = MAX (TABLE_MIN_HEIGHT, (int) ceil (height));
    }
  else
    *minimum = *natural = self->plot_height;
}

static void
hel_progress_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  HelProgressChart *self = HEL_PROGRESS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  HelChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  init_chart_style (&style);
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
  widget_class->get_request_mode = hel_progress_chart_get_request_mode;
  widget_class->measure = hel_progress_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "progresschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hel_progress_chart_init (HelProgressChart *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->plot_height = PLOT_MIN_HEIGHT;
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
  /* A table's height follows its rows. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const HelChart *
hel_progress_chart_get_chart (HelProgressChart *self)
{
  g_return_val_if_fail (HEL_IS_PROGRESS_CHART (self), NULL);
  return self->chart;
}

void
hel_progress_chart_set_plot_height (HelProgressChart *self,
                                    int               height)
{
  g_return_if_fail (HEL_IS_PROGRESS_CHART (self));

  self->plot_height = MAX (height, PLOT_MIN_HEIGHT);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
