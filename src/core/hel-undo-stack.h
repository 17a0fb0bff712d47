/* hel-undo-stack.h: undo and redo for edits that go through the store (plan, map, board). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Applies one direction of an edit; FALSE with @error when the store refused it. */
typedef gboolean (*HelUndoFunc) (gpointer   data,
                                 GError   **error);

#define HEL_TYPE_UNDO_STACK (hel_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (HelUndoStack, hel_undo_stack, HEL, UNDO_STACK, GObject)

HelUndoStack *hel_undo_stack_new        (guint           limit);
/* Records an edit that has already been done. @undo and @redo get @data; @free_data frees it
 * when the entry falls off the stack. A push clears what could be redone. */
void          hel_undo_stack_push       (HelUndoStack   *self,
                                         const char     *label,
                                         HelUndoFunc     undo,
                                         HelUndoFunc     redo,
                                         gpointer        data,
                                         GDestroyNotify  free_data);
gboolean      hel_undo_stack_can_undo   (HelUndoStack   *self);
gboolean      hel_undo_stack_can_redo   (HelUndoStack   *self);
const char   *hel_undo_stack_undo_label (HelUndoStack   *self);
const char   *hel_undo_stack_redo_label (HelUndoStack   *self);
/* Names the edit that undo would take back: a number given at its push, never reused by this
 * stack; 0 when there is nothing to undo. An "Undo" offered for one edit checks it is still
 * the one undo would take back. */
guint64       hel_undo_stack_get_undo_serial (HelUndoStack *self);
/* When the store refuses, the entry stays where it was and nothing else changes. */
gboolean      hel_undo_stack_undo       (HelUndoStack   *self,
                                         GError        **error);
gboolean      hel_undo_stack_redo       (HelUndoStack   *self,
                                         GError        **error);
void          hel_undo_stack_clear      (HelUndoStack   *self);

G_END_DECLS
