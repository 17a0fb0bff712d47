/* hel-team.h: a team of caseworkers (e.g. Familiegruppe Øst). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEL_TYPE_TEAM (hel_team_get_type ())
G_DECLARE_FINAL_TYPE (HelTeam, hel_team, HEL, TEAM, GObject)

HelTeam    *hel_team_new      (gint64      id,
                               const char *name);
gint64      hel_team_get_id   (HelTeam    *self);
void        hel_team_set_id   (HelTeam    *self,
                               gint64      id);
const char *hel_team_get_name (HelTeam    *self);
void        hel_team_set_name (HelTeam    *self,
                               const char *name);

G_END_DECLS
