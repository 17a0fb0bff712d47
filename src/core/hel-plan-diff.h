/* hel-plan-diff.h: what changed between two versions of a family plan, in words a person reads. */
#pragma once

#include "hel-plan.h"

G_BEGIN_DECLS

/* Compares @older with @newer (rows are matched by id) and returns the differences as
 * translated sentences (char*, freed with the array), in plan order: goals and small goals
 * added, removed or reworded, small goals moved, status, scale, deadline and next follow-up
 * changes, steps added, removed, done or reopened, follow-up notes added. Empty when equal. */
GPtrArray *hel_plan_diff (HelPlan *older,
                          HelPlan *newer);

G_END_DECLS
