/* hel-measurement-demo.h: the demo step "measurements" (called from hel-demo.c). */
#pragma once

#include "hel-store.h"

G_BEGIN_DECLS

/* For every family the demo made: WHO-5, SDQ and BIP at every wave due by today (at least
 * four: the baseline and 4, 8, 12 months), school
 * absence per child per quarter, notifications of concern per child per year, interventions
 * (employment-oriented offers and company placements among them) and extra expenses per
 * department per quarter. Deterministic from @rand; dates are relative to today. */
gboolean _hel_demo_add_measurements (HelStore  *store,
                                     GRand     *rand,
                                     GError   **error);

G_END_DECLS
