/* hel-end-family-dialog.h: asks when and why a family's participation ended, and records it. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_END_FAMILY_DIALOG (hel_end_family_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HelEndFamilyDialog, hel_end_family_dialog, HEL, END_FAMILY_DIALOG, AdwWindow)

GtkWindow *hel_end_family_dialog_new (GtkWindow *parent,
                                      HelStore  *store,
                                      HelFamily *family);

G_END_DECLS
