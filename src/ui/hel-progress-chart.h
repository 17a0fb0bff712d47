/* hel-progress-chart.h: a widget that shows one progress chart, drawn by hel_render_chart(). */
#pragma once

#include <adwaita.h>

#include "render/hel-render-chart.h"

G_BEGIN_DECLS

#define HEL_TYPE_PROGRESS_CHART (hel_progress_chart_get_type ())
G_DECLARE_FINAL_TYPE (HelProgressChart, hel_progress_chart, HEL, PROGRESS_CHART, GtkWidget)

GtkWidget      *hel_progress_chart_new       (void);
/* Takes @chart (NULL clears). */
void            hel_progress_chart_set_chart (HelProgressChart *self,
                                              HelChart         *chart);
const HelChart *hel_progress_chart_get_chart (HelProgressChart *self);
/* A plot is at least @height high (at least 300); a table is always as high as its rows. */
void            hel_progress_chart_set_plot_height (HelProgressChart *self,
                                                    int               height);

G_END_DECLS
