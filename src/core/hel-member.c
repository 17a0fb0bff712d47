/* hel-member.c: a member of a family: an adult or a child. */
#include "config.h"

#include "hel-member.h"
#include "hel-util.h"

struct _HelMember
{
  GObject parent_instance;
  gint64 id;
  gint64 family_id;
  HelRole role;
  char *first_name;
  char *last_name;
  char *birth_date;
  char *cpr;
  HelGender gender;
  gboolean in_household;
  gint position;
  HelIncomeKind income_kind;
  char *income_start;
};

G_DEFINE_FINAL_TYPE (HelMember, hel_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FAMILY_ID,
  PROP_ROLE,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_BIRTH_DATE,
  PROP_CPR,
  PROP_GENDER,
  PROP_IN_HOUSEHOLD,
  PROP_POSITION,
  PROP_INCOME_KIND,
  PROP_INCOME_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hel_member_finalize (GObject *object)
{
  HelMember *self = HEL_MEMBER (object);

  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->cpr, g_free);
  g_clear_pointer (&self->income_start, g_free);

  G_OBJECT_CLASS (hel_member_parent_class)->finalize (object);
}

static void
hel_member_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HelMember *self = HEL_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FAMILY_ID:
      g_value_set_int64 (value, self->family_id);
      break;
    case PROP_ROLE:
      g_value_set_uint (value, self->role);
      break;
    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;
    case PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;
    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PROP_CPR:
      g_value_set_string (value, self->cpr);
      break;
    case PROP_GENDER:
      g_value_set_uint (value, self->gender);
      break;
    case PROP_IN_HOUSEHOLD:
      g_value_set_boolean (value, self->in_household);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_INCOME_KIND:
      g_value_set_uint (value, self->income_kind);
      break;
    case PROP_INCOME_START:
      g_value_set_string (value, self->income_start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_member_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HelMember *self = HEL_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      hel_member_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_FAMILY_ID:
      hel_member_set_family_id (self, g_value_get_int64 (value));
      break;
    case PROP_ROLE:
      hel_member_set_role (self, (HelRole) g_value_get_uint (value));
      break;
    case PROP_FIRST_NAME:
      hel_member_set_first_name (self, g_value_get_string (value));
      break;
    case PROP_LAST_NAME:
      hel_member_set_last_name (self, g_value_get_string (value));
      break;
    case PROP_BIRTH_DATE:
      hel_member_set_birth_date (self, g_value_get_string (value));
      break;
    case PROP_CPR:
      hel_member_set_cpr (self, g_value_get_string (value));
      break;
    case PROP_GENDER:
      hel_member_set_gender (self, (HelGender) g_value_get_uint (value));
      break;
    case PROP_IN_HOUSEHOLD:
      hel_member_set_in_household (self, g_value_get_boolean (value));
      break;
    case PROP_POSITION:
      hel_member_set_position (self, g_value_get_int (value));
      break;
    case PROP_INCOME_KIND:
      hel_member_set_income_kind (self, (HelIncomeKind) g_value_get_uint (value));
      break;
    case PROP_INCOME_START:
      hel_member_set_income_start (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_member_class_init (HelMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hel_member_finalize;
  object_class->get_property = hel_member_get_property;
  object_class->set_property = hel_member_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY_ID] =
    g_param_spec_int64 ("family-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_uint ("role", NULL, NULL, 0, HEL_N_ROLES - 1, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CPR] =
    g_param_spec_string ("cpr", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GENDER] =
    g_param_spec_uint ("gender", NULL, NULL, 0, HEL_N_GENDERS - 1, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IN_HOUSEHOLD] =
    g_param_spec_boolean ("in-household", NULL, NULL, TRUE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCOME_KIND] =
    g_param_spec_uint ("income-kind", NULL, NULL, 0, HEL_N_INCOME_KINDS - 1, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCOME_START] =
    g_param_spec_string ("income-start", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hel_member_init (HelMember *self)
{
  self->in_household = TRUE;
}

HelMember *
hel_member_new (void)
{
  return g_object_new (HEL_TYPE_MEMBER, NULL);
}

/* A detached copy, for editing without touching the shown object, and for undo. */
HelMember *
hel_member_copy (HelMember *self)
{
  HelMember *copy;

  g_return_val_if_fail (HEL_IS_MEMBER (self), NULL);

  copy = hel_member_new ();
  copy->id = self->id;
  copy->family_id = self->family_id;
  copy->role = self->role;
  copy->first_name = g_strdup (self->first_name);
  copy->last_name = g_strdup (self->last_name);
  copy->birth_date = g_strdup (self->birth_date);
  copy->cpr = g_strdup (self->cpr);
  copy->gender = self->gender;
  copy->in_household = self->in_household;
  copy->position = self->position;
  copy->income_kind = self->income_kind;
  copy->income_start = g_strdup (self->income_start);
  return copy;
}

gint64 
hel_member_get_id (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), 0);
  return self->id;
}

void
hel_member_set_id (HelMember *self,
                   gint64 id)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64 
hel_member_get_family_id (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), 0);
  return self->family_id;
}

void
hel_member_set_family_id (HelMember *self,
                          gint64 family_id)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (self->family_id == family_id)
    return;
  self->family_id = family_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_ID]);
}

HelRole 
hel_member_get_role (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), 0);
  return self->role;
}

void
hel_member_set_role (HelMember *self,
                     HelRole role)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
hel_member_get_first_name (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), NULL);
  return self->first_name;
}

void
hel_member_set_first_name (HelMember *self,
                           const char *first_name)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (hel_set_str (&self->first_name, first_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_NAME]);
}

const char *
hel_member_get_last_name (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), NULL);
  return self->last_name;
}

void
hel_member_set_last_name (HelMember *self,
                          const char *last_name)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (hel_set_str (&self->last_name, last_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_NAME]);
}

const char *
hel_member_get_birth_date (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), NULL);
  return self->birth_date;
}

void
hel_member_set_birth_date (HelMember *self,
                           const char *birth_date)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (hel_set_str (&self->birth_date, birth_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_DATE]);
}

const char *
hel_member_get_cpr (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), NULL);
  return self->cpr;
}

void
hel_member_set_cpr (HelMember *self,
                    const char *cpr)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (hel_set_str (&self->cpr, cpr))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CPR]);
}

HelGender 
hel_member_get_gender (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), 0);
  return self->gender;
}

void
hel_member_set_gender (HelMember *self,
                       HelGender gender)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (self->gender == gender)
    return;
  self->gender = gender;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
}

gboolean 
hel_member_get_in_household (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), 0);
  return self->in_household;
}

void
hel_member_set_in_household (HelMember *self,
                             gboolean in_household)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  in_household = !!in_household;
  if (self->in_household == in_household)
    return;
  self->in_household = in_household;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_HOUSEHOLD]);
}

gint 
hel_member_get_position (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), 0);
  return self->position;
}

void
hel_member_set_position (HelMember *self,
                         gint position)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

HelIncomeKind 
hel_member_get_income_kind (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), 0);
  return self->income_kind;
}

void
hel_member_set_income_kind (HelMember *self,
                            HelIncomeKind income_kind)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (self->income_kind == income_kind)
    return;
  self->income_kind = income_kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCOME_KIND]);
}

const char *
hel_member_get_income_start (HelMember *self)
{
  g_return_val_if_fail (HEL_IS_MEMBER (self), NULL);
  return self->income_start;
}

void
hel_member_set_income_start (HelMember *self,
                             const char *income_start)
{
  g_return_if_fail (HEL_IS_MEMBER (self));

  if (hel_set_str (&self->income_start, income_start))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCOME_START]);
}
