/* hel-enums.h: the closed vocabularies of the domain, their stored codes and Danish labels. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HEL_ROLE_MOTHER,
  HEL_ROLE_FATHER,
  HEL_ROLE_CHILD,
  HEL_ROLE_FOSTER_PARENT,
  HEL_ROLE_OTHER_ADULT,
  HEL_ROLE_OTHER_CHILD,
  HEL_N_ROLES
} HelRole;

typedef enum {
  HEL_GENDER_UNKNOWN,
  HEL_GENDER_FEMALE,
  HEL_GENDER_MALE,
  HEL_GENDER_OTHER,
  HEL_N_GENDERS
} HelGender;

typedef enum {
  HEL_DISCIPLINE_JOB_CENTRE,
  HEL_DISCIPLINE_FAMILY_GROUP,
  HEL_DISCIPLINE_SCHOOL,
  HEL_DISCIPLINE_OTHER,
  HEL_N_DISCIPLINES
} HelDiscipline;

typedef enum {
  HEL_INCOME_CASH_BENEFIT,        /* kontanthjælp */
  HEL_INCOME_RESOURCE_COURSE,     /* ressourceforløb/jobafklaring */
  HEL_INCOME_DISABILITY_PENSION,  /* førtidspension */
  HEL_INCOME_UNEMPLOYMENT,        /* arbejdsløshedsdagpenge */
  HEL_INCOME_FLEX_JOB,            /* fleksjob */
  HEL_INCOME_SELF_SUPPORTING,     /* løn/selvforsørgende */
  HEL_INCOME_OTHER,
  HEL_N_INCOME_KINDS
} HelIncomeKind;

typedef enum {
  HEL_END_MOVED,
  HEL_END_LACKED_MOTIVATION,
  HEL_END_GOALS_REACHED,
  HEL_END_NO_LONGER_ELIGIBLE,
  HEL_END_OTHER,
  HEL_N_END_REASONS
} HelEndReason;

/* Stable codes, as stored in the database and in the JSON export. */
const char *hel_role_to_code            (HelRole       role);
gboolean    hel_role_from_code          (const char   *code,
                                         HelRole      *role);
const char *hel_role_label              (HelRole       role);
gboolean    hel_role_is_adult           (HelRole       role);

const char *hel_gender_to_code          (HelGender     gender);
gboolean    hel_gender_from_code        (const char   *code,
                                         HelGender    *gender);
const char *hel_gender_label            (HelGender     gender);

const char *hel_discipline_to_code      (HelDiscipline discipline);
gboolean    hel_discipline_from_code    (const char   *code,
                                         HelDiscipline *discipline);
const char *hel_discipline_label        (HelDiscipline discipline);

const char *hel_income_kind_to_code     (HelIncomeKind kind);
gboolean    hel_income_kind_from_code   (const char   *code,
                                         HelIncomeKind *kind);
const char *hel_income_kind_label       (HelIncomeKind kind);

const char *hel_end_reason_to_code      (HelEndReason  reason);
gboolean    hel_end_reason_from_code    (const char   *code,
                                         HelEndReason *reason);
const char *hel_end_reason_label        (HelEndReason  reason);

G_END_DECLS
