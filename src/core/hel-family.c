/* hel-family.c: a family (household) followed by the team. */
#include "config.h"

#include "hel-family.h"
#include "hel-util.h"

struct _HelFamily
{
  GObject parent_instance;
  gint64 id;
  char *name;
  gint64 team_id;
  gint64 primary_caseworker_id;
  gint64 secondary_caseworker_id;
  char *start_date;
  char *end_date;
  HelEndReason end_reason;
  char *end_note;
  char *consent_date;
  guint member_count;
};

G_DEFINE_FINAL_TYPE (HelFamily, hel_family, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TEAM_ID,
  PROP_PRIMARY_CASEWORKER_ID,
  PROP_SECONDARY_CASEWORKER_ID,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_END_REASON,
  PROP_END_NOTE,
  PROP_CONSENT_DATE,
  PROP_MEMBER_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hel_family_finalize (GObject *object)
{
  HelFamily *self = HEL_FAMILY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->end_note, g_free);
  g_clear_pointer (&self->consent_date, g_free);

  G_OBJECT_CLASS (hel_family_parent_class)->finalize (object);
}

static void
hel_family_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HelFamily *self = HEL_FAMILY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TEAM_ID:
      g_value_set_int64 (value, self->team_id);
      break;
    case PROP_PRIMARY_CASEWORKER_ID:
      g_value_set_int64 (value, self->primary_caseworker_id);
      break;
    case PROP_SECONDARY_CASEWORKER_ID:
      g_value_set_int64 (value, self->secondary_caseworker_id);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;
    case PROP_END_REASON:
      g_value_set_uint (value, self->end_reason);
      break;
    case PROP_END_NOTE:
      g_value_set_string (value, self->end_note);
      break;
    case PROP_CONSENT_DATE:
      g_value_set_string (value, self->consent_date);
      break;
    case PROP_MEMBER_COUNT:
      g_value_set_uint (value, self->member_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_family_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HelFamily *self = HEL_FAMILY (object);

  switch (prop_id)
    {
    case PROP_ID:
      hel_family_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      hel_family_set_name (self, g_value_get_string (value));
      break;
    case PROP_TEAM_ID:
      hel_family_set_team_id (self, g_value_get_int64 (value));
      break;
    case PROP_PRIMARY_CASEWORKER_ID:
      hel_family_set_primary_caseworker_id (self, g_value_get_int64 (value));
      break;
    case PROP_SECONDARY_CASEWORKER_ID:
      hel_family_set_secondary_caseworker_id (self, g_value_get_int64 (value));
      break;
    case PROP_START_DATE:
      hel_family_set_start_date (self, g_value_get_string (value));
      break;
    case PROP_END_DATE:
      hel_family_set_end_date (self, g_value_get_string (value));
      break;
    case PROP_END_REASON:
      hel_family_set_end_reason (self, (HelEndReason) g_value_get_uint (value));
      break;
    case PROP_END_NOTE:
      hel_family_set_end_note (self, g_value_get_string (value));
      break;
    case PROP_CONSENT_DATE:
      hel_family_set_consent_date (self, g_value_get_string (value));
      break;
    case PROP_MEMBER_COUNT:
      hel_family_set_member_count (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_family_class_init (HelFamilyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hel_family_finalize;
  object_class->get_property = hel_family_get_property;
  object_class->set_property = hel_family_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEAM_ID] =
    g_param_spec_int64 ("team-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRIMARY_CASEWORKER_ID] =
    g_param_spec_int64 ("primary-caseworker-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECONDARY_CASEWORKER_ID] =
    g_param_spec_int64 ("secondary-caseworker-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_REASON] =
    g_param_spec_uint ("end-reason", NULL, NULL, 0, HEL_N_END_REASONS - 1, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_NOTE] =
    g_param_spec_string ("end-note", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSENT_DATE] =
    g_param_spec_string ("consent-date", NULL, NULL, NULL,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER_COUNT] =
    g_param_spec_uint ("member-count", NULL, NULL, 0, G_MAXUINT, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hel_family_init (HelFamily *self)
{
}

HelFamily *
hel_family_new (void)
{
  return g_object_new (HEL_TYPE_FAMILY, NULL);
}

/* A detached copy, for editing without touching the shown object, and for undo. */
HelFamily *
hel_family_copy (HelFamily *self)
{
  HelFamily *copy;

  g_return_val_if_fail (HEL_IS_FAMILY (self), NULL);

  copy = hel_family_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->team_id = self->team_id;
  copy->primary_caseworker_id = self->primary_caseworker_id;
  copy->secondary_caseworker_id = self->secondary_caseworker_id;
  copy->start_date = g_strdup (self->start_date);
  copy->end_date = g_strdup (self->end_date);
  copy->end_reason = self->end_reason;
  copy->end_note = g_strdup (self->end_note);
  copy->consent_date = g_strdup (self->consent_date);
  copy->member_count = self->member_count;
  return copy;
}

gint64 
hel_family_get_id (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), 0);
  return self->id;
}

void
hel_family_set_id (HelFamily *self,
                   gint64 id)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
hel_family_get_name (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), NULL);
  return self->name;
}

void
hel_family_set_name (HelFamily *self,
                     const char *name)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (hel_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gint64 
hel_family_get_team_id (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), 0);
  return self->team_id;
}

void
hel_family_set_team_id (HelFamily *self,
                        gint64 team_id)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (self->team_id == team_id)
    return;
  self->team_id = team_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_ID]);
}

gint64 
hel_family_get_primary_caseworker_id (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), 0);
  return self->primary_caseworker_id;
}

void
hel_family_set_primary_caseworker_id (HelFamily *self,
                                      gint64 primary_caseworker_id)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (self->primary_caseworker_id == primary_caseworker_id)
    return;
  self->primary_caseworker_id = primary_caseworker_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY_CASEWORKER_ID]);
}

gint64 
hel_family_get_secondary_caseworker_id (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), 0);
  return self->secondary_caseworker_id;
}

void
hel_family_set_secondary_caseworker_id (HelFamily *self,
                                        gint64 secondary_caseworker_id)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (self->secondary_caseworker_id == secondary_caseworker_id)
    return;
  self->secondary_caseworker_id = secondary_caseworker_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDARY_CASEWORKER_ID]);
}

const char *
hel_family_get_start_date (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), NULL);
  return self->start_date;
}

void
hel_family_set_start_date (HelFamily *self,
                           const char *start_date)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (hel_set_str (&self->start_date, start_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

const char *
hel_family_get_end_date (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), NULL);
  return self->end_date;
}

void
hel_family_set_end_date (HelFamily *self,
                         const char *end_date)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (hel_set_str (&self->end_date, end_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

HelEndReason 
hel_family_get_end_reason (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), 0);
  return self->end_reason;
}

void
hel_family_set_end_reason (HelFamily *self,
                           HelEndReason end_reason)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (self->end_reason == end_reason)
    return;
  self->end_reason = end_reason;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_REASON]);
}

const char *
hel_family_get_end_note (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), NULL);
  return self->end_note;
}

void
hel_family_set_end_note (HelFamily *self,
                         const char *end_note)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (hel_set_str (&self->end_note, end_note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_NOTE]);
}

const char *
hel_family_get_consent_date (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), NULL);
  return self->consent_date;
}

void
hel_family_set_consent_date (HelFamily *self,
                             const char *consent_date)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (hel_set_str (&self->consent_date, consent_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_DATE]);
}

guint 
hel_family_get_member_count (HelFamily *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY (self), 0);
  return self->member_count;
}

void
hel_family_set_member_count (HelFamily *self,
                             guint member_count)
{
  g_return_if_fail (HEL_IS_FAMILY (self));

  if (self->member_count == member_count)
    return;
  self->member_count = member_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_COUNT]);
}
