/* hel-plan-view.h: a family's plan (familieplan) on screen: wishes, goals, small goals, steps. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_PLAN_VIEW (hel_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (HelPlanView, hel_plan_view, HEL, PLAN_VIEW, GtkWidget)

GtkWidget *hel_plan_view_new        (HelStore    *store);
/* 0 shows nothing. Text typed but not yet saved for the previous family is saved first. */
void       hel_plan_view_set_family (HelPlanView *self,
                                     gint64       family_id);
gint64     hel_plan_view_get_family (HelPlanView *self);
/* Who sets scale values and writes follow-up notes; defaults to g_get_real_name (). */
void       hel_plan_view_set_author (HelPlanView *self,
                                     const char  *name);

G_END_DECLS
