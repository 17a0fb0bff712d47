/* hel-bench-progress.h: helhed-tool bench's progress figures: the project WHO-5 chart and the
 * status report, measured on families with members, waves of measurements, absence, notifications,
 * interventions and expenses. */
#pragma once

#include "hel-bench.h"

G_BEGIN_DECLS

/* The project WHO-5 chart as the Progress view shows it: read (one aggregation over all WHO-5
 * measurements) and drawn at 960x600 by hel_render_chart(). figure->size: WHO-5 measurements
 * at least (families are added until there are that many). */
gboolean hel_bench_measure_progress_chart  (HelBench             *bench,
                                            const HelBenchFigure *figure,
                                            GArray               *samples,
                                            GError              **error);
/* The status report: every pooled table and chart read, laid out and written as an A4 PDF, as
 * `helhed-tool report` does. figure->size: families. */
gboolean hel_bench_measure_progress_report (HelBench             *bench,
                                            const HelBenchFigure *figure,
                                            GArray               *samples,
                                            GError              **error);

G_END_DECLS
