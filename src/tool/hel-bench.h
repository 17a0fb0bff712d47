/* hel-bench.h: helhed-tool bench: the figures for every hot path, measured on data it makes.
 *
 * A figure is one row in `figures[]` in hel-bench.c: a name, a unit, the size of the data, the
 * target and a function that appends one sample per repetition. Board, charts and report add
 * theirs as rows there, with their measure functions in a file of their own. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HelBench       HelBench;
typedef struct _HelBenchFigure HelBenchFigure;

/* Appends samples (in the figure's unit) to @samples. Returning FALSE with @error set marks
 * the figure as skipped, with the message as the note (e.g. "no display"). */
typedef gboolean (*HelBenchMeasure) (HelBench             *bench,
                                     const HelBenchFigure *figure,
                                     GArray               *samples,
                                     GError              **error);

struct _HelBenchFigure {
  const char      *name;     /* "store.open-list" */
  const char      *unit;     /* "ms", "MB" */
  guint            size;     /* families, nodes, rows ... */
  double           target;   /* the median must not exceed it (for "p95" figures: the p95) */
  gboolean         on_p95;   /* the target is for the 95th percentile, not the median */
  HelBenchMeasure  measure;
};

/* Repetitions: @normal, or a fifth of it (at least 3) with --quick. */
guint        hel_bench_repeats        (HelBench    *bench,
                                       guint        normal);
/* A temporary folder that lives as long as the run. */
const char  *hel_bench_dir            (HelBench    *bench);
/* A database with @n_families families (3 members each, a plan goal for every fourth), made
 * once per size and run and reused. */
const char  *hel_bench_families_db    (HelBench    *bench,
                                       guint        n_families,
                                       GError     **error);
/* The helhed executable to start, or NULL (with @error) when there is none or no display. */
const char  *hel_bench_app            (HelBench    *bench,
                                       GError     **error);
/* Monotonic milliseconds. */
double       hel_bench_now_ms         (void);

/* Runs every figure; prints a table, or with @json one JSON object per figure (an array). */
int          hel_bench_run            (gboolean     json,
                                       gboolean     quick,
                                       const char  *app_path,
                                       const char  *only);

G_END_DECLS
