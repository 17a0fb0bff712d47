/* hel-member.h: a member of a family: an adult or a child. */
#pragma once

#include <glib-object.h>

#include "hel-enums.h"

G_BEGIN_DECLS

#define HEL_TYPE_MEMBER (hel_member_get_type ())
G_DECLARE_FINAL_TYPE (HelMember, hel_member, HEL, MEMBER, GObject)

HelMember *hel_member_new (void);
HelMember *hel_member_copy (HelMember *self);
gint64 hel_member_get_id (HelMember *self);
void hel_member_set_id (HelMember *self, gint64 id);
gint64 hel_member_get_family_id (HelMember *self);
void hel_member_set_family_id (HelMember *self, gint64 family_id);
HelRole hel_member_get_role (HelMember *self);
void hel_member_set_role (HelMember *self, HelRole role);
const char *hel_member_get_first_name (HelMember *self);
void hel_member_set_first_name (HelMember *self, const char *first_name);
const char *hel_member_get_last_name (HelMember *self);
void hel_member_set_last_name (HelMember *self, const char *last_name);
const char *hel_member_get_birth_date (HelMember *self);
void hel_member_set_birth_date (HelMember *self, const char *birth_date);
const char *hel_member_get_cpr (HelMember *self);
void hel_member_set_cpr (HelMember *self, const char *cpr);
HelGender hel_member_get_gender (HelMember *self);
void hel_member_set_gender (HelMember *self, HelGender gender);
gboolean hel_member_get_in_household (HelMember *self);
void hel_member_set_in_household (HelMember *self, gboolean in_household);
gint hel_member_get_position (HelMember *self);
void hel_member_set_position (HelMember *self, gint position);
HelIncomeKind hel_member_get_income_kind (HelMember *self);
void hel_member_set_income_kind (HelMember *self, HelIncomeKind income_kind);
const char *hel_member_get_income_start (HelMember *self);
void hel_member_set_income_start (HelMember *self, const char *income_start);

G_END_DECLS
