/* hel-demo.h: a fictional demo database shaped like Projekt Job og Familie (seed 004). */
#pragma once

#include "hel-store.h"

G_BEGIN_DECLS

/* The seed the tool uses when none is given. */
#define HEL_DEMO_DEFAULT_SEED 2024

/* Fills an EMPTY database with 2 teams, 12 caseworkers and 50 invented families
 * (62 adults in the households, 89 children) in one transaction. The same seed gives the
 * same database. A database that already holds data is refused and left unchanged. */
gboolean hel_demo_generate (HelStore  *store,
                            guint32    seed,
                            GError   **error);

G_END_DECLS
