/* hel-preferences-window.h: the program's settings: teams and caseworkers; measurements; backups. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_PREFERENCES_WINDOW (hel_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HelPreferencesWindow, hel_preferences_window, HEL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Every edit is saved as soon as it is applied. The window is not presented. */
GtkWindow *hel_preferences_window_new (GtkWindow *parent,
                                       HelStore  *store);

G_END_DECLS
