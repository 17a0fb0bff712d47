/* hel-end-family-dialog-private.h: what the widget tests reach inside the dialog. */
#pragma once

#include "hel-end-family-dialog.h"

G_BEGIN_DECLS

AdwEntryRow *_hel_end_family_dialog_get_date_row   (HelEndFamilyDialog *self);
AdwComboRow *_hel_end_family_dialog_get_reason_row (HelEndFamilyDialog *self);
AdwEntryRow *_hel_end_family_dialog_get_note_row   (HelEndFamilyDialog *self);
GtkLabel    *_hel_end_family_dialog_get_error_label (HelEndFamilyDialog *self);
/* Does what the End Participation button does; TRUE when written. */
gboolean     _hel_end_family_dialog_apply          (HelEndFamilyDialog *self);

G_END_DECLS
