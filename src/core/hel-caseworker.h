/* hel-caseworker.h: a caseworker (rådgiver) and the discipline they come from. */
#pragma once

#include <glib-object.h>

#include "hel-enums.h"

G_BEGIN_DECLS

#define HEL_TYPE_CASEWORKER (hel_caseworker_get_type ())
G_DECLARE_FINAL_TYPE (HelCaseworker, hel_caseworker, HEL, CASEWORKER, GObject)

HelCaseworker *hel_caseworker_new (void);
HelCaseworker *hel_caseworker_copy (HelCaseworker *self);
gint64 hel_caseworker_get_id (HelCaseworker *self);
void hel_caseworker_set_id (HelCaseworker *self, gint64 id);
const char *hel_caseworker_get_name (HelCaseworker *self);
void hel_caseworker_set_name (HelCaseworker *self, const char *name);
HelDiscipline hel_caseworker_get_discipline (HelCaseworker *self);
void hel_caseworker_set_discipline (HelCaseworker *self, HelDiscipline discipline);
gint64 hel_caseworker_get_team_id (HelCaseworker *self);
void hel_caseworker_set_team_id (HelCaseworker *self, gint64 team_id);
const char *hel_caseworker_get_phone (HelCaseworker *self);
void hel_caseworker_set_phone (HelCaseworker *self, const char *phone);
const char *hel_caseworker_get_email (HelCaseworker *self);
void hel_caseworker_set_email (HelCaseworker *self, const char *email);

G_END_DECLS
