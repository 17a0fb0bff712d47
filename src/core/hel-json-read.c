/* hel-json-read.c: strict JSON readers and their writers, shared by the plan, meeting and map. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hel-json-read.h"
#include "hel-validate.h"

gboolean
hel_json_node_holds (JsonNode *node,
                     GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
hel_json_reader_fail (HelJsonReader *r,
                      const char    *member,
                      const char    *problem)
{
  if (r->error != NULL && *r->error == NULL)
    g_set_error (r->error, r->domain, r->code, "%s%s%s: %s", r->path->str,
                 r->path->len ? "." : "", member, problem);
  return FALSE;
}

gboolean
hel_json_reader_fail_here (HelJsonReader *r,
                           const char    *problem)
{
  if (r->error != NULL && *r->error == NULL)
    {
      if (r->path->len > 0)
        g_set_error (r->error, r->domain, r->code, "%s: %s", r->path->str, problem);
      else
        g_set_error_literal (r->error, r->domain, r->code, problem);
    }
  return FALSE;
}

gboolean
hel_json_read_string (HelJsonReader     *r,
                      JsonObject        *o,
                      const char        *member,
                      HelJsonReadFlags   flags,
                      char             **out)
{
  JsonNode *node = json_object_get_member (o, member);

  g_clear_pointer (out, g_free);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return (flags & HEL_JSON_REQUIRED) ? hel_json_reader_fail (r, member, _("is missing")) : TRUE;
  if (!hel_json_node_holds (node, G_TYPE_STRING))
    return hel_json_reader_fail (r, member, _("must be text"));
  if ((flags & HEL_JSON_NOT_EMPTY) == HEL_JSON_NOT_EMPTY && *json_node_get_string (node) == '\0')
    return hel_json_reader_fail (r, member, _("must not be empty"));
  if ((flags & HEL_JSON_DATE) && !hel_date_is_valid_iso (json_node_get_string (node)))
    return hel_json_reader_fail (r, member, _("is not a date (YYYY-MM-DD)"));
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* The member @member of @o if it is a plain value of @type; otherwise fails with @problem. */
static JsonNode *
member_of_type (HelJsonReader *r,
                JsonObject    *o,
                const char    *member,
                GType          type,
                const char    *problem)
{
  JsonNode *node = json_object_get_member (o, member);

  if (!hel_json_node_holds (node, type))
    {
      hel_json_reader_fail (r, member, problem);
      return NULL;
    }
  return node;
}

gboolean
hel_json_read_int (HelJsonReader *r,
                   JsonObject    *o,
                   const char    *member,
                   gint64         min,
                   gint64         max,
                   gint64        *out)
{
  JsonNode *node = member_of_type (r, o, member, G_TYPE_INT64, _("must be a whole number"));

  if (node == NULL)
    return FALSE;
  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return hel_json_reader_fail (r, member, _("is out of range"));
  return TRUE;
}

gboolean
hel_json_read_int32 (HelJsonReader *r,
                     JsonObject    *o,
                     const char    *member,
                     int            min,
                     int            max,
                     int           *out)
{
  gint64 v;

  if (!hel_json_read_int (r, o, member, min, max, &v))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

gboolean
hel_json_read_bool (HelJsonReader *r,
                    JsonObject    *o,
                    const char    *member,
                    gboolean      *out)
{
  JsonNode *node = member_of_type (r, o, member, G_TYPE_BOOLEAN, _("must be true or false"));

  if (node == NULL)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* @node as a number, whole or decimal; otherwise fails. */
static gboolean
number_of_node (HelJsonReader *r,
                JsonNode      *node,
                const char    *member,
                double        *out)
{
  if (hel_json_node_holds (node, G_TYPE_INT64))
    *out = (double) json_node_get_int (node);
  else if (hel_json_node_holds (node, G_TYPE_DOUBLE))
    *out = json_node_get_double (node);
  else
    return hel_json_reader_fail (r, member, _("must be a number"));
  return TRUE;
}

gboolean
hel_json_read_number (HelJsonReader *r,
                      JsonNode      *node,
                      const char    *member,
                      double         min,
                      double         max,
                      double        *out)
{
  if (!number_of_node (r, node, member, out))
    return FALSE;
  if (!(*out >= min && *out <= max))
    return hel_json_reader_fail (r, member, _("is out of range"));
  return TRUE;
}

gboolean
hel_json_read_double (HelJsonReader *r,
                      JsonObject    *o,
                      const char    *member,
                      double         min,
                      double         max,
                      const char    *beyond,
                      double        *out)
{
  if (!number_of_node (r, json_object_get_member (o, member), member, out))
    return FALSE;
  /* JSON-GLib reads 1e999 as infinity: that is no number a person wrote. */
  if (!isfinite (*out))
    return hel_json_reader_fail (r, member, _("must be a number"));
  if (*out < min || *out > max)
    return hel_json_reader_fail (r, member, beyond ? beyond : _("is out of range"));
  return TRUE;
}

JsonArray *
hel_json_read_array (HelJsonReader *r,
                     JsonObject    *o,
                     const char    *member)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      hel_json_reader_fail (r, member, _("must be a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
hel_json_read_array_object (HelJsonReader *r,
                            JsonArray     *array,
                            guint          i,
                            const char    *member)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", member, i);
      hel_json_reader_fail (r, where, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

gboolean
hel_json_read_objects (HelJsonReader     *r,
                       JsonObject        *o,
                       const char        *member,
                       HelJsonReadElement read_element,
                       gpointer           user_data)
{
  JsonArray *array = hel_json_read_array (r, o, member);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *element = hel_json_read_array_object (r, array, i, member);
      gboolean ok;
      gsize saved;

      if (element == NULL)
        return FALSE;
      hel_json_reader_push (r, member, i, &saved);
      ok = read_element (r, element, user_data);
      hel_json_reader_pop (r, saved);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

void
hel_json_reader_push (HelJsonReader *r,
                      const char    *member,
                      guint          i,
                      gsize         *saved)
{
  *saved = r->path->len;
  g_string_append_printf (r->path, "%s%s[%u]", r->path->len ? "." : "", member, i);
}

void
hel_json_reader_pop (HelJsonReader *r,
                     gsize          saved)
{
  g_string_truncate (r->path, saved);
}

void
hel_json_add_string (JsonBuilder *b,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

void
hel_json_add_int (JsonBuilder *b,
                  const char  *member,
                  gint64       value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

void
hel_json_add_bool (JsonBuilder *b,
                   const char  *member,
                   gboolean     value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, value);
}
