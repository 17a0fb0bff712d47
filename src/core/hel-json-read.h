/* hel-json-read.h: strict readers for JSON members (errors name the place) and their writers. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Where the reading is and where the first error goes. @path is the place of the object being
 * read ("agenda[2].notes[0]", "" at the top); push and pop move it into and out of lists. */
typedef struct {
  GError **error;
  GString *path;
  GQuark   domain;  /* of the error set */
  int      code;
} HelJsonReader;

typedef enum {
  HEL_JSON_OPTIONAL  = 0,
  HEL_JSON_REQUIRED  = 1 << 0,                      /* missing or null is an error */
  HEL_JSON_DATE      = 1 << 1,                      /* the text must be a date, YYYY-MM-DD */
  HEL_JSON_NOT_EMPTY = 1 << 2 | HEL_JSON_REQUIRED,  /* required, and "" is an error too */
} HelJsonReadFlags;

/* Sets "<path>.<member>: <problem>" unless an error is already set; returns FALSE. */
gboolean    hel_json_reader_fail       (HelJsonReader     *r,
                                        const char        *member,
                                        const char        *problem);
/* The same for the object being read as a whole: "<path>: <problem>". */
gboolean    hel_json_reader_fail_here  (HelJsonReader     *r,
                                        const char        *problem);
/* Reads text into *@out (freeing what was there); NULL when optional and missing. */
gboolean    hel_json_read_string       (HelJsonReader     *r,
                                        JsonObject        *o,
                                        const char        *member,
                                        HelJsonReadFlags   flags,
                                        char             **out);
gboolean    hel_json_read_int          (HelJsonReader     *r,
                                        JsonObject        *o,
                                        const char        *member,
                                        gint64             min,
                                        gint64             max,
                                        gint64            *out);
gboolean    hel_json_read_int32        (HelJsonReader     *r,
                                        JsonObject        *o,
                                        const char        *member,
                                        int                min,
                                        int                max,
                                        int               *out);
gboolean    hel_json_read_bool         (HelJsonReader     *r,
                                        JsonObject        *o,
                                        const char        *member,
                                        gboolean          *out);
/* A whole or decimal number in [min, max]; @node may be NULL (then it is missing). */
gboolean    hel_json_read_number       (HelJsonReader     *r,
                                        JsonNode          *node,
                                        const char        *member,
                                        double             min,
                                        double             max,
                                        double            *out);
/* The number @member of @o: a finite whole or decimal number; one outside [min, max] fails
 * with @beyond (NULL: "is out of range"). */
gboolean    hel_json_read_double       (HelJsonReader     *r,
                                        JsonObject        *o,
                                        const char        *member,
                                        double             min,
                                        double             max,
                                        const char        *beyond,
                                        double            *out);
JsonArray  *hel_json_read_array        (HelJsonReader     *r,
                                        JsonObject        *o,
                                        const char        *member);
/* Element @i of the list @member, which must be an object. */
JsonObject *hel_json_read_array_object (HelJsonReader     *r,
                                        JsonArray         *array,
                                        guint              i,
                                        const char        *member);
/* Reads one element of a list of objects; the path is already at the element. */
typedef gboolean (*HelJsonReadElement) (HelJsonReader *r,
                                        JsonObject    *element,
                                        gpointer       user_data);
/* The list @member of @o, whose elements must be objects, each read by @read_element with the
 * path moved into it ("nodes[2].name: ..."); stops at the first that fails. */
gboolean    hel_json_read_objects      (HelJsonReader     *r,
                                        JsonObject        *o,
                                        const char        *member,
                                        HelJsonReadElement read_element,
                                        gpointer           user_data);
/* Moves the path into element @i of the list @member; @saved is for hel_json_reader_pop. */
void        hel_json_reader_push       (HelJsonReader     *r,
                                        const char        *member,
                                        guint              i,
                                        gsize             *saved);
void        hel_json_reader_pop        (HelJsonReader     *r,
                                        gsize              saved);

/* Whether @node is a plain value of @type (G_TYPE_STRING, G_TYPE_INT64, G_TYPE_BOOLEAN, ...). */
gboolean    hel_json_node_holds        (JsonNode          *node,
                                        GType              type);

/* Writers for the same formats: @member with its value; NULL text is written as null. */
void        hel_json_add_string        (JsonBuilder       *b,
                                        const char        *member,
                                        const char        *value);
void        hel_json_add_int           (JsonBuilder       *b,
                                        const char        *member,
                                        gint64             value);
void        hel_json_add_bool          (JsonBuilder       *b,
                                        const char        *member,
                                        gboolean           value);

G_END_DECLS
