/* hel-new-family-dialog.h: the window that asks what a new family needs and creates it. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_NEW_FAMILY_DIALOG (hel_new_family_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HelNewFamilyDialog, hel_new_family_dialog, HEL, NEW_FAMILY_DIALOG, AdwWindow)

/* Emits "family-created" (gint64 id) after the family is written, then closes. */
GtkWindow *hel_new_family_dialog_new (GtkWindow *parent,
                                      HelStore  *store);

G_END_DECLS
