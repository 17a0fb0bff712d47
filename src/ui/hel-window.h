/* hel-window.h: the main window: families, board meeting and progress. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_WINDOW (hel_window_get_type ())
G_DECLARE_FINAL_TYPE (HelWindow, hel_window, HEL, WINDOW, AdwApplicationWindow)

HelWindow *hel_window_new              (GtkApplication *application);
HelStore  *hel_window_get_store        (HelWindow      *self);
void       hel_window_set_store        (HelWindow      *self,
                                        HelStore       *store);
/* Shows why the database at path could not be opened instead of an empty app. */
void       hel_window_show_store_error (HelWindow      *self,
                                        const char     *path,
                                        const GError   *error);
void       hel_window_add_toast        (HelWindow      *self,
                                        AdwToast       *toast);

G_END_DECLS
