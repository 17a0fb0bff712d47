/* hel-bench-board.h: helhed-tool bench's board figures: a projector frame, a drag frame, a drop. */
#pragma once

#include "hel-bench.h"

G_BEGIN_DECLS

/* A full projector frame (1920x1080, meeting mode) of one family's board, drawn by
 * hel_render_board() as the canvas draws it after a change. figure->size: notes on the board. */
gboolean hel_bench_measure_board_frame (HelBench             *bench,
                                        const HelBenchFigure *figure,
                                        GArray               *samples,
                                        GError              **error);
/* A frame while a note is dragged: the canvas's cached still picture is painted and the note
 * is drawn on top at the pointer. */
gboolean hel_bench_measure_board_drag  (HelBench             *bench,
                                        const HelBenchFigure *figure,
                                        GArray               *samples,
                                        GError              **error);
/* A drop: the note moved to another column in the store, with the meeting read before and
 * after (the undo step) and once more for the screen, as the board session does it.
 * figure->size: notes in the whole meeting (50 families with 40 each). */
gboolean hel_bench_measure_board_drop  (HelBench             *bench,
                                        const HelBenchFigure *figure,
                                        GArray               *samples,
                                        GError              **error);

G_END_DECLS
