/* hel-family.h: a family (household) followed by the team. */
#pragma once

#include <glib-object.h>

#include "hel-enums.h"

G_BEGIN_DECLS

#define HEL_TYPE_FAMILY (hel_family_get_type ())
G_DECLARE_FINAL_TYPE (HelFamily, hel_family, HEL, FAMILY, GObject)

HelFamily *hel_family_new (void);
HelFamily *hel_family_copy (HelFamily *self);
gint64 hel_family_get_id (HelFamily *self);
void hel_family_set_id (HelFamily *self, gint64 id);
const char *hel_family_get_name (HelFamily *self);
void hel_family_set_name (HelFamily *self, const char *name);
gint64 hel_family_get_team_id (HelFamily *self);
void hel_family_set_team_id (HelFamily *self, gint64 team_id);
gint64 hel_family_get_primary_caseworker_id (HelFamily *self);
void hel_family_set_primary_caseworker_id (HelFamily *self, gint64 primary_caseworker_id);
gint64 hel_family_get_secondary_caseworker_id (HelFamily *self);
void hel_family_set_secondary_caseworker_id (HelFamily *self, gint64 secondary_caseworker_id);
const char *hel_family_get_start_date (HelFamily *self);
void hel_family_set_start_date (HelFamily *self, const char *start_date);
const char *hel_family_get_end_date (HelFamily *self);
void hel_family_set_end_date (HelFamily *self, const char *end_date);
HelEndReason hel_family_get_end_reason (HelFamily *self);
void hel_family_set_end_reason (HelFamily *self, HelEndReason end_reason);
const char *hel_family_get_end_note (HelFamily *self);
void hel_family_set_end_note (HelFamily *self, const char *end_note);
const char *hel_family_get_consent_date (HelFamily *self);
void hel_family_set_consent_date (HelFamily *self, const char *consent_date);
guint hel_family_get_member_count (HelFamily *self);
void hel_family_set_member_count (HelFamily *self, guint member_count);

G_END_DECLS
