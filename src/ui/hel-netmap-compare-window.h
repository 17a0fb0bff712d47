/* hel-netmap-compare-window.h: two versions of a network map side by side. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_NETMAP_COMPARE_WINDOW (hel_netmap_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (HelNetmapCompareWindow, hel_netmap_compare_window, HEL,
                      NETMAP_COMPARE_WINDOW, AdwWindow)

/* Shows the oldest saved version beside the map as it is now; both can be changed. */
GtkWidget *hel_netmap_compare_window_new          (HelStore               *store,
                                                   gint64                  netmap_id);
/* The versions offered, oldest first; "now" is one more at the end. */
guint      hel_netmap_compare_window_get_n_choices (HelNetmapCompareWindow *self);
/* Version ids; 0 = the map as it is now. FALSE when one of them is not offered. */
gboolean   hel_netmap_compare_window_select       (HelNetmapCompareWindow *self,
                                                   gint64                  before_version_id,
                                                   gint64                  after_version_id);
/* What is shown, as loaded (for tests); NULL before anything is chosen. */
const char *hel_netmap_compare_window_get_caption (HelNetmapCompareWindow *self,
                                                   gboolean                after);

G_END_DECLS
