/* hel-progress-view.h: the Progress page: the project's charts with filters, the measurements
 * that are due, the chart files and the status report. */
#pragma once

#include <adwaita.h>

#include "hel-statistics.h"
#include "hel-store.h"
#include "hel-undo-stack.h"

G_BEGIN_DECLS

#define HEL_TYPE_PROGRESS_VIEW (hel_progress_view_get_type ())
G_DECLARE_FINAL_TYPE (HelProgressView, hel_progress_view, HEL, PROGRESS_VIEW, GtkWidget)

GtkWidget *hel_progress_view_new       (void);
void       hel_progress_view_set_store (HelProgressView *self,
                                        HelStore        *store);
HelStore  *hel_progress_view_get_store (HelProgressView *self);

/* For the widget tests. */
GtkListBox                *_hel_progress_view_get_due_list    (HelProgressView *self);
GtkFlowBox                *_hel_progress_view_get_charts_box  (HelProgressView *self);
GtkEditable               *_hel_progress_view_get_from_entry  (HelProgressView *self);
GtkLabel                  *_hel_progress_view_get_filter_error (HelProgressView *self);
const HelStatisticsFilter *_hel_progress_view_get_filter      (HelProgressView *self);
/* What the measurement form saved from here; "progress.undo"/"progress.redo" act on it. */
HelUndoStack              *_hel_progress_view_get_undo_stack  (HelProgressView *self);
/* Runs the pending refresh now. */
void                       _hel_progress_view_refresh         (HelProgressView *self);
/* Writes the report or CSV to @path as the buttons do after the file chooser. */
gboolean                   _hel_progress_view_write_report    (HelProgressView *self,
                                                               const char      *path,
                                                               gboolean         csv,
                                                               GError         **error);

G_END_DECLS
