/* hel-application.h: the application: opens the database, owns the app-wide actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEL_TYPE_APPLICATION (hel_application_get_type ())
G_DECLARE_FINAL_TYPE (HelApplication, hel_application, HEL, APPLICATION, AdwApplication)

/* extra_flags: G_APPLICATION_NON_UNIQUE for tests, else G_APPLICATION_DEFAULT_FLAGS. */
HelApplication *hel_application_new         (GApplicationFlags  extra_flags);
/* The database the next window opens; NULL for the default in the user's data folder. */
void            hel_application_set_db_path (HelApplication    *self,
                                             const char        *path);

G_END_DECLS
