/* hel-team.c: a team of caseworkers. */
#include "config.h"

#include "hel-team.h"
#include "hel-util.h"

struct _HelTeam
{
  GObject parent_instance;
  gint64  id;
  char   *name;
};

G_DEFINE_FINAL_TYPE (HelTeam, hel_team, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
hel_team_finalize (GObject *object)
{
  HelTeam *self = HEL_TEAM (object);
  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (hel_team_parent_class)->finalize (object);
}

static void
hel_team_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HelTeam *self = HEL_TEAM (object);
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_team_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  HelTeam *self = HEL_TEAM (object);
  switch (prop_id)
    {
    case PROP_ID: hel_team_set_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME: hel_team_set_name (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_team_class_init (HelTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hel_team_finalize;
  object_class->get_property = hel_team_get_property;
  object_class->set_property = hel_team_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hel_team_init (HelTeam *self)
{
}

HelTeam *
hel_team_new (gint64 id, const char *name)
{
  return g_object_new (HEL_TYPE_TEAM, "id", id, "name", name, NULL);
}

gint64
hel_team_get_id (HelTeam *self)
{
  g_return_val_if_fail (HEL_IS_TEAM (self), 0);
  return self->id;
}

void
hel_team_set_id (HelTeam *self, gint64 id)
{
  g_return_if_fail (HEL_IS_TEAM (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
hel_team_get_name (HelTeam *self)
{
  g_return_val_if_fail (HEL_IS_TEAM (self), NULL);
  return self->name;
}

void
hel_team_set_name (HelTeam *self, const char *name)
{
  g_return_if_fail (HEL_IS_TEAM (self));
  if (hel_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
