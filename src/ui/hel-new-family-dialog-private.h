/* hel-new-family-dialog-private.h: what the widget tests reach inside the dialog. */
#pragma once

#include "hel-new-family-dialog.h"

G_BEGIN_DECLS

AdwEntryRow *_hel_new_family_dialog_get_name_row      (HelNewFamilyDialog *self);
AdwEntryRow *_hel_new_family_dialog_get_start_row     (HelNewFamilyDialog *self);
AdwComboRow *_hel_new_family_dialog_get_team_row      (HelNewFamilyDialog *self);
AdwComboRow *_hel_new_family_dialog_get_primary_row   (HelNewFamilyDialog *self);
AdwComboRow *_hel_new_family_dialog_get_secondary_row (HelNewFamilyDialog *self);
GtkWidget   *_hel_new_family_dialog_get_create_button (HelNewFamilyDialog *self);
GtkLabel    *_hel_new_family_dialog_get_error_label   (HelNewFamilyDialog *self);
/* Checks every row as a focus change would, marking the wrong ones. */
gboolean     _hel_new_family_dialog_validate          (HelNewFamilyDialog *self);

G_END_DECLS
