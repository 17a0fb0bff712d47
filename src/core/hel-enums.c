/* hel-enums.c: stored codes and translatable labels for the domain's vocabularies. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-enums.h"

typedef struct {
  const char *code;
  const char *label;
} CodeLabel;

static const CodeLabel roles[HEL_N_ROLES] = {
  { "mother", N_("Mother") },
  { "father", N_("Father") },
  { "child", N_("Child") },
  { "foster-parent", N_("Foster parent") },
  { "other-adult", N_("Other adult") },
  { "other-child", N_("Other child") },
};

static const CodeLabel genders[HEL_N_GENDERS] = {
  { "unknown", N_("Not stated") },
  { "female", N_("Female") },
  { "male", N_("Male") },
  { "other", N_("Other") },
};

static const CodeLabel disciplines[HEL_N_DISCIPLINES] = {
  { "job-centre", N_("Job centre") },
  { "family-group", N_("Family group") },
  { "school", N_("School/UU") },
  { "other", N_("Other discipline") },
};

static const CodeLabel income_kinds[HEL_N_INCOME_KINDS] = {
  { "cash-benefit", N_("Cash benefit") },
  { "resource-course", N_("Resource course/job clarification") },
  { "disability-pension", N_("Disability pension") },
  { "unemployment-benefit", N_("Unemployment benefit") },
  { "flex-job", N_("Flex job") },
  { "self-supporting", N_("Wages/self-supporting") },
  { "other", N_("Other income support") },
};

static const CodeLabel end_reasons[HEL_N_END_REASONS] = {
  { "moved", N_("Moved") },
  { "lacked-motivation", N_("Lacked motivation") },
  { "goals-reached", N_("Goals reached") },
  { "no-longer-eligible", N_("No longer in the target group") },
  { "other", N_("Other reason") },
};

static gboolean
find_code (const CodeLabel *table,
           guint            n,
           const char      *code,
           guint           *out)
{
  if (code == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i].code, code))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_VOCABULARY(prefix, Type, table, n)                          \
  const char *prefix##_to_code (Type value)                                \
  {                                                                        \
    g_return_val_if_fail ((guint) value < (n), NULL);                      \
    return table[value].code;                                              \
  }                                                                        \
  gboolean prefix##_from_code (const char *code, Type *value)              \
  {                                                                        \
    guint i;                                                               \
    if (!find_code (table, (n), code, &i))                                 \
      return FALSE;                                                        \
    *value = (Type) i;                                                     \
    return TRUE;                                                           \
  }                                                                        \
  const char *prefix##_label (Type value)                                  \
  {                                                                        \
    g_return_val_if_fail ((guint) value < (n), "");                        \
    return g_dgettext (GETTEXT_PACKAGE, table[value].label);               \
  }

DEFINE_VOCABULARY (hel_role, HelRole, roles, HEL_N_ROLES)
DEFINE_VOCABULARY (hel_gender, HelGender, genders, HEL_N_GENDERS)
DEFINE_VOCABULARY (hel_discipline, HelDiscipline, disciplines, HEL_N_DISCIPLINES)
DEFINE_VOCABULARY (hel_income_kind, HelIncomeKind, income_kinds, HEL_N_INCOME_KINDS)
DEFINE_VOCABULARY (hel_end_reason, HelEndReason, end_reasons, HEL_N_END_REASONS)

gboolean
hel_role_is_adult (HelRole role)
{
  return role == HEL_ROLE_MOTHER || role == HEL_ROLE_FATHER ||
         role == HEL_ROLE_FOSTER_PARENT || role == HEL_ROLE_OTHER_ADULT;
}
