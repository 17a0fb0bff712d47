/* hel-plan-versions-window.h: a family plan's saved versions, read-only and compared with now. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_PLAN_VERSIONS_WINDOW (hel_plan_versions_window_get_type ())
G_DECLARE_FINAL_TYPE (HelPlanVersionsWindow, hel_plan_versions_window, HEL, PLAN_VERSIONS_WINDOW,
                      AdwWindow)

GtkWidget *hel_plan_versions_window_new (HelStore *store,
                                         gint64    family_id);

/* Test hooks: the version list, and the differences shown for the selected version. */
GtkListBox *_hel_plan_versions_window_get_list  (HelPlanVersionsWindow *self);
GPtrArray  *_hel_plan_versions_window_get_diff  (HelPlanVersionsWindow *self);

G_END_DECLS
