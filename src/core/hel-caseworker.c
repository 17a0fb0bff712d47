/* hel-caseworker.c: a caseworker (rådgiver) and the discipline they come from. */
#include "config.h"

#include "hel-caseworker.h"
#include "hel-util.h"

struct _HelCaseworker
{
  GObject parent_instance;
  gint64 id;
  char *name;
  HelDiscipline discipline;
  gint64 team_id;
  char *phone;
  char *email;
};

G_DEFINE_FINAL_TYPE (HelCaseworker, hel_caseworker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DISCIPLINE,
  PROP_TEAM_ID,
  PROP_PHONE,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hel_caseworker_finalize (GObject *object)
{
  HelCaseworker *self = HEL_CASEWORKER (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (hel_caseworker_parent_class)->finalize (object);
}

static void
hel_caseworker_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HelCaseworker *self = HEL_CASEWORKER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DISCIPLINE:
      g_value_set_uint (value, self->discipline);
      break;
    case PROP_TEAM_ID:
      g_value_set_int64 (value, self->team_id);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_caseworker_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HelCaseworker *self = HEL_CASEWORKER (object);

  switch (prop_id)
    {
    case PROP_ID:
      hel_caseworker_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      hel_caseworker_set_name (self, g_value_get_string (value));
      break;
    case PROP_DISCIPLINE:
      hel_caseworker_set_discipline (self, (HelDiscipline) g_value_get_uint (value));
      break;
    case PROP_TEAM_ID:
      hel_caseworker_set_team_id (self, g_value_get_int64 (value));
      break;
    case PROP_PHONE:
      hel_caseworker_set_phone (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      hel_caseworker_set_email (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_caseworker_class_init (HelCaseworkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hel_caseworker_finalize;
  object_class->get_property = hel_caseworker_get_property;
  object_class->set_property = hel_caseworker_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISCIPLINE] =
    g_param_spec_uint ("discipline", NULL, NULL, 0, HEL_N_DISCIPLINES - 1, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEAM_ID] =
    g_param_spec_int64 ("team-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hel_caseworker_init (HelCaseworker *self)
{
}

HelCaseworker *
hel_caseworker_new (void)
{
  return g_object_new (HEL_TYPE_CASEWORKER, NULL);
}

/* A detached copy, for editing without touching the shown object, and for undo. */
HelCaseworker *
hel_caseworker_copy (HelCaseworker *self)
{
  HelCaseworker *copy;

  g_return_val_if_fail (HEL_IS_CASEWORKER (self), NULL);

  copy = hel_caseworker_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->discipline = self->discipline;
  copy->team_id = self->team_id;
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  return copy;
}

gint64 
hel_caseworker_get_id (HelCaseworker *self)
{
  g_return_val_if_fail (HEL_IS_CASEWORKER (self), 0);
  return self->id;
}

void
hel_caseworker_set_id (HelCaseworker *self,
                       gint64 id)
{
  g_return_if_fail (HEL_IS_CASEWORKER (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
hel_caseworker_get_name (HelCaseworker *self)
{
  g_return_val_if_fail (HEL_IS_CASEWORKER (self), NULL);
  return self->name;
}

void
hel_caseworker_set_name (HelCaseworker *self,
                         const char *name)
{
  g_return_if_fail (HEL_IS_CASEWORKER (self));

  if (hel_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

HelDiscipline 
hel_caseworker_get_discipline (HelCaseworker *self)
{
  g_return_val_if_fail (HEL_IS_CASEWORKER (self), 0);
  return self->discipline;
}

void
hel_caseworker_set_discipline (HelCaseworker *self,
                               HelDiscipline discipline)
{
  g_return_if_fail (HEL_IS_CASEWORKER (self));

  if (self->discipline == discipline)
    return;
  self->discipline = discipline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCIPLINE]);
}

gint64 
hel_caseworker_get_team_id (HelCaseworker *self)
{
  g_return_val_if_fail (HEL_IS_CASEWORKER (self), 0);
  return self->team_id;
}

void
hel_caseworker_set_team_id (HelCaseworker *self,
                            gint64 team_id)
{
  g_return_if_fail (HEL_IS_CASEWORKER (self));

  if (self->team_id == team_id)
    return;
  self->team_id = team_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_ID]);
}

const char *
hel_caseworker_get_phone (HelCaseworker *self)
{
  g_return_val_if_fail (HEL_IS_CASEWORKER (self), NULL);
  return self->phone;
}

void
hel_caseworker_set_phone (HelCaseworker *self,
                          const char *phone)
{
  g_return_if_fail (HEL_IS_CASEWORKER (self));

  if (hel_set_str (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
hel_caseworker_get_email (HelCaseworker *self)
{
  g_return_val_if_fail (HEL_IS_CASEWORKER (self), NULL);
  return self->email;
}

void
hel_caseworker_set_email (HelCaseworker *self,
                          const char *email)
{
  g_return_if_fail (HEL_IS_CASEWORKER (self));

  if (hel_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}
