/* hel-note-row.h: one follow-up note of a small goal: date and text, corrected in place. */
#pragma once

#include <adwaita.h>

#include "hel-plan.h"
#include "hel-plan-view.h"

G_BEGIN_DECLS

#define HEL_TYPE_NOTE_ROW (hel_note_row_get_type ())
G_DECLARE_FINAL_TYPE (HelNoteRow, hel_note_row, HEL, NOTE_ROW, GtkListBoxRow)

GtkWidget   *hel_note_row_new              (HelPlanView       *view,
                                            gint64             note_id);
void         hel_note_row_update           (HelNoteRow        *self,
                                            const HelFollowup *note);

/* Test hooks */
GtkEditable *_hel_note_row_get_text_entry  (HelNoteRow        *self);
GtkEditable *_hel_note_row_get_date_entry  (HelNoteRow        *self);
GtkLabel    *_hel_note_row_get_error_label (HelNoteRow        *self);
GtkWidget   *_hel_note_row_get_delete_button (HelNoteRow      *self);

G_END_DECLS
