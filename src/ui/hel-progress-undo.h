/* hel-progress-undo.h: undo and redo for the progress figures: a measurement as the dialog saved
 * it, and school absence, notifications of concern and expenses, set or removed. */
#pragma once

#include <adwaita.h>

#include "hel-instrument.h"
#include "hel-measurement.h"
#include "hel-store.h"
#include "hel-undo-stack.h"

G_BEGIN_DECLS

/* Opens the measurement dialog (see hel_progress_measurement_dialog_new()); when it saves, the
 * edit goes on @undo and @owner shows a toast whose Undo button activates @undo_action. */
GtkWidget *hel_progress_undo_open_measurement (HelUndoStack      *undo,
                                               GtkWidget         *owner,
                                               const char        *undo_action,
                                               HelStore          *store,
                                               gint64             member_id,
                                               gint64             measurement_id,
                                               HelInstrumentKind  kind,
                                               GError           **error);

/* Removes the measurement (its answers, score and recorded corrections) through the store and
 * puts the removal on @undo: undo brings it back under its own id with its history. @owner
 * shows a toast whose Undo button activates @undo_action. FALSE with the store's error. */
gboolean   hel_progress_undo_delete_measurement (HelUndoStack *undo,
                                               GtkWidget         *owner,
                                               const char        *undo_action,
                                               HelStore          *store,
                                               gint64             measurement_id,
                                               GError           **error);

typedef enum {
  HEL_FIGURE_ABSENCE,         /* a child's school absence in a quarter, percent */
  HEL_FIGURE_NOTIFICATIONS,   /* a child's notifications of concern in a year */
  HEL_FIGURE_EXPENSE,         /* a family's extra expense in a quarter and department, kroner */
} HelFigureKind;

/* Which figure: @owner_id is the child (absence, notifications) or the family (expense). */
typedef struct {
  HelFigureKind  kind;
  gint64         family_id;
  gint64         owner_id;
  const char    *quarter;     /* "2025-Q3" (absence, expense) */
  int            year;
  HelDepartment  department;
} HelFigureKey;

/* The figure as stored, NAN when there is none. */
double     hel_progress_figure_get       (HelStore           *store,
                                          const HelFigureKey *key,
                                          GError            **error);
/* Sets the figure (NAN removes it) through the store; *bad_field as the store's set functions. */
gboolean   hel_progress_figure_set       (HelStore           *store,
                                          const HelFigureKey *key,
                                          double              value,
                                          char              **bad_field,
                                          GError            **error);
/* Records a change from @before to @after (NAN: none) that has been made. */
void       hel_progress_undo_push_figure (HelUndoStack       *undo,
                                          HelStore           *store,
                                          const HelFigureKey *key,
                                          double              before,
                                          double              after,
                                          const char         *label);

/* Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) for @widget's @undo_action and @redo_action, handled by
 * the window whenever @widget is on screen, so they keep working after the row that had the
 * focus was rebuilt (a deleted figure, a saved measurement). */
void       hel_progress_undo_add_shortcuts (GtkWidget        *widget,
                                          const char         *undo_action,
                                          const char         *redo_action);

/* A toast on @widget's overlay, with an Undo button that activates @undo_action on @widget
 * when @undo_action is not NULL. */
void       hel_progress_undo_toast       (GtkWidget          *widget,
                                          const char         *message,
                                          const char         *undo_action);

G_END_DECLS
