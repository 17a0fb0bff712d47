/* hel-json.c: export and import of the whole database as one versioned JSON document. */
#include "config.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "hel-json.h"
#include "hel-json-progress.h"
#include "hel-json-board.h"
#include "hel-store-netmap.h"
#include "hel-store-plan.h"
#include "hel-store-private.h"
#include "hel-validate.h"

G_DEFINE_QUARK (hel-json-error-quark, hel_json_error)

#define FORMAT_NAME "helhed"

/* ------------------------------------------------------------------------------------------ */
/* Import state and error reporting                                                            */

typedef struct {
  HelStore   *store;
  GHashTable *lines;           /* JsonNode*, JsonObject* or JsonArray* -> first line (1-based) */
  GHashTable *team_ids;        /* gint64* set */
  GHashTable *caseworker_ids;
  GHashTable *family_ids;
  GHashTable *member_ids;
  char       *today;
} Import;

static guint
line_of (Import       *im,
         gconstpointer where)
{
  return where ? GPOINTER_TO_UINT (g_hash_table_lookup (im->lines, where)) : 0;
}

static guint
line_of_node (Import   *im,
              JsonNode *node)
{
  if (node == NULL)
    return 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return line_of (im, json_node_get_object (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    return line_of (im, json_node_get_array (node));
  return line_of (im, node);
}

static char *
describe_location (guint       line,
                   const char *path)
{
  if (line == 0)
    return g_strdup (path);
  /* Translators: a place in the JSON file, e.g. “families[3].name (line 57)” */
  return g_strdup_printf (_("%s (line %u)"), path, line);
}

/* Every semantic error reads "<path> (line N): <reason>". Reasons never repeat a CPR number
 * or a name: error messages end up in terminals and logs. */
static gboolean G_GNUC_PRINTF (5, 6)
fail_at (guint        line,
         const char  *path,
         const char  *key,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *full_path = NULL;
  g_autofree char *location = NULL;
  g_autofree char *reason = NULL;
  va_list args;

  if (key == NULL)
    full_path = g_strdup (path);
  else if (*path == '\0')
    full_path = g_strdup (key);
  else
    full_path = g_strconcat (path, ".", key, NULL);
  location = describe_location (line, full_path);

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_INVALID, "%s: %s", location, reason);
  return FALSE;
}

/* fail_at () the member @key of @object, on the line where that member stands. A macro, so the
 * reason's arguments pass straight on to fail_at (). */
#define fail_at_member(im, object, path, key, error, ...) \
  fail_at (line_of_node ((im), json_object_get_member ((object), (key))), (path), (key), (error), \
           __VA_ARGS__)

static void
prefix_location (Import      *im,
                 JsonObject  *object,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *location = describe_location (line_of (im, object), path);

  g_prefix_error (error, "%s: ", location);
}

/* An error from a reader of its own (a plan, a network map) that names places within the
 * object, moved under @path in the file and into the file's domain. */
static void
move_error_into_file (guint        line,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *location = describe_location (line, path);

  g_prefix_error (error, "%s.", location);
  if (error != NULL && *error != NULL)
    {
      (*error)->domain = HEL_JSON_ERROR;
      (*error)->code = HEL_JSON_ERROR_INVALID;
    }
}

/* Line bookkeeping: json-glib 1.6 keeps no positions in its nodes, but the parser knows the
 * current line while it emits its signals. */
typedef struct {
  GHashTable *lines;
  GArray     *starts;
} LineTracker;

static void
container_start_cb (JsonParser  *parser,
                    LineTracker *tracker)
{
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (tracker->starts, line);
}

static void
container_end (LineTracker   *tracker,
               gpointer       container)
{
  guint line;

  if (tracker->starts->len == 0)
    return;
  line = g_array_index (tracker->starts, guint, tracker->starts->len - 1);
  g_array_set_size (tracker->starts, tracker->starts->len - 1);
  g_hash_table_insert (tracker->lines, container, GUINT_TO_POINTER (line));
}

static void
object_end_cb (JsonParser  *parser,
               JsonObject  *object,
               LineTracker *tracker)
{
  container_end (tracker, object);
}

static void
array_end_cb (JsonParser  *parser,
              JsonArray   *array,
              LineTracker *tracker)
{
  container_end (tracker, array);
}

static void
object_member_cb (JsonParser  *parser,
                  JsonObject  *object,
                  const char  *member_name,
                  LineTracker *tracker)
{
  JsonNode *node = json_object_get_member (object, member_name);

  if (node != NULL && !g_hash_table_contains (tracker->lines, node))
    g_hash_table_insert (tracker->lines, node,
                         GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static void
array_element_cb (JsonParser  *parser,
                  JsonArray   *array,
                  int          index,
                  LineTracker *tracker)
{
  JsonNode *node = json_array_get_element (array, (guint) index);

  if (node != NULL && !g_hash_table_contains (tracker->lines, node))
    g_hash_table_insert (tracker->lines, node,
                         GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

/* json-glib says "<data>:3:7: Parse error: unexpected …"; people get "line 3, column 7: …". */
static void
set_syntax_error (const GError *parse_error,
                  GError      **error)
{
  const char *message = parse_error->message;
  guint line = 0, column = 0;
  const char *p;

  if (g_str_has_prefix (message, "<data>:"))
    {
      p = message + strlen ("<data>:");
      line = (guint) g_ascii_strtoull (p, (char **) &p, 10);
      if (*p == ':')
        column = (guint) g_ascii_strtoull (p + 1, (char **) &p, 10);
      if (*p == ':')
        message = p + 1;
      while (*message == ' ')
        message++;
    }
  if (line > 0)
    g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_SYNTAX,
                 _("The file is not valid JSON: line %u, column %u: %s"), line, column, message);
  else
    g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_SYNTAX,
                 _("The file is not valid JSON: %s"), message);
}

/* ------------------------------------------------------------------------------------------ */
/* Typed field readers. "Optional" fields may be missing or null.                              */

static gboolean
check_keys (Import             *im,
            JsonObject         *object,
            const char         *path,
            const char * const *known,
            GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      /* Refusing what we do not know keeps a newer file from losing data silently. */
      return fail_at_member (im, object, path, l->data, error,
                             _("unknown field; this version of Helhed does not know it"));
  return TRUE;
}

static gboolean
get_node (Import      *im,
          JsonObject  *object,
          const char  *path,
          const char  *key,
          gboolean     required,
          JsonNode   **out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail_at (line_of_node (im, node) ? line_of_node (im, node) : line_of (im, object),
                        path, key, error, _("is required but missing"));
      return TRUE;
    }
  *out = node;
  return TRUE;
}

/* get_node () for a plain value: one that is there must be of @type, or @problem is said. */
static gboolean
get_value (Import      *im,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           gboolean     required,
           GType        type,
           const char  *problem,
           JsonNode   **out,
           GError     **error)
{
  if (!get_node (im, object, path, key, required, out, error))
    return FALSE;
  if (*out != NULL && json_node_get_value_type (*out) != type)
    return fail_at (line_of_node (im, *out), path, key, error, "%s", problem);
  return TRUE;
}

static gboolean
read_text (Import      *im,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           gboolean     required,
           const char **out,
           GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_value (im, object, path, key, required, G_TYPE_STRING, _("must be a text in quotes"),
                  &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  *out = json_node_get_string (node);
  if (required && (*out == NULL || **out == '\0'))
    return fail_at (line_of_node (im, node), path, key, error, _("must not be empty"));
  return TRUE;
}

static gboolean
read_int (Import      *im,
          JsonObject  *object,
          const char  *path,
          const char  *key,
          gboolean     required,
          gint64      *out,
          GError     **error)
{
  JsonNode *node;

  *out = 0;
  if (!get_value (im, object, path, key, required, G_TYPE_INT64, _("must be a whole number"),
                  &node, error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_id (Import      *im,
         JsonObject  *object,
         const char  *path,
         const char  *key,
         gboolean     required,
         gint64      *out,
         GError     **error)
{
  if (!read_int (im, object, path, key, required, out, error))
    return FALSE;
  if (*out < 0 || (required && *out == 0))
    return fail_at_member (im, object, path, key, error, _("must be a positive whole number"));
  return TRUE;
}

/* An id that another part of the file refers to: it must have been read already. */
static gboolean
read_reference (Import      *im,
                JsonObject  *object,
                const char  *path,
                const char  *key,
                GHashTable  *known,
                const char  *section,
                gint64      *out,
                GError     **error)
{
  if (!read_id (im, object, path, key, FALSE, out, error))
    return FALSE;
  if (*out > 0 && !g_hash_table_contains (known, out))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, *out);

      /* Translators: the first %s is a number, the second a section of the file, “teams” */
      return fail_at_member (im, object, path, key, error,
                             _("refers to id %s, which is not in “%s”"), id, section);
    }
  return TRUE;
}

static gboolean
claim_id (Import      *im,
          JsonObject  *object,
          const char  *path,
          GHashTable  *ids,
          gint64      *out,
          GError     **error)
{
  if (!read_id (im, object, path, "id", TRUE, out, error))
    return FALSE;
  if (g_hash_table_contains (ids, out))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, *out);

      return fail_at_member (im, object, path, "id", error, _("the id %s is used twice"), id);
    }
  g_hash_table_add (ids, g_memdup2 (out, sizeof *out));
  return TRUE;
}

static gboolean
read_bool (Import      *im,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           gboolean     fallback,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node;

  *out = fallback;
  if (!get_value (im, object, path, key, FALSE, G_TYPE_BOOLEAN, _("must be true or false"), &node,
                  error))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_date (Import      *im,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           gboolean     required,
           const char **out,
           GError     **error)
{
  if (!read_text (im, object, path, key, required, out, error))
    return FALSE;
  if (*out != NULL && !hel_date_is_valid_iso (*out))
    return fail_at_member (im, object, path, key, error,
                           _("“%s” is not a date (write YYYY-MM-DD, e.g. 2024-03-01)"), *out);
  return TRUE;
}

/* The store's own timestamps, as SQLite writes them: 2024-03-01T09:30:00Z. */
static gboolean
read_timestamp (Import      *im,
                JsonObject  *object,
                const char  *path,
                const char  *key,
                const char **out,
                GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (!read_text (im, object, path, key, FALSE, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;
  parsed = g_date_time_new_from_iso8601 (*out, NULL);
  if (parsed == NULL || strlen (*out) != 20)
    return fail_at_member (im, object, path, key, error,
                           _("“%s” is not a time stamp (write YYYY-MM-DDTHH:MM:SSZ)"), *out);
  return TRUE;
}

/* Codes are checked by the caller with the vocabulary's own hel_*_from_code. */
static gboolean
bad_code (Import      *im,
          JsonObject  *object,
          const char  *path,
          const char  *key,
          const char  *code,
          const char  *allowed,
          GError     **error)
{
  /* Translators: the second %s lists the allowed codes, e.g. “mother, father, child” */
  return fail_at_member (im, object, path, key, error,
                         _("unknown code “%s” (use one of: %s)"), code, allowed);
}

static char *
list_codes (const char *(*to_code) (guint),
            guint        n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "", to_code (i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The vocabularies' to_code functions take their own enum type; wrap them for list_codes. */
#define CODE_LISTER(name, Type) \
  static const char *name##_code_at (guint i) { return name##_to_code ((Type) i); }
CODE_LISTER (hel_role, HelRole)
CODE_LISTER (hel_gender, HelGender)
CODE_LISTER (hel_discipline, HelDiscipline)
CODE_LISTER (hel_income_kind, HelIncomeKind)
CODE_LISTER (hel_end_reason, HelEndReason)
#undef CODE_LISTER

static gboolean
get_array (Import      *im,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_node (im, object, path, key, FALSE, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_at (line_of_node (im, node), path, key, error, _("must be a list in [ ]"));
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
get_element_object (Import      *im,
                    JsonArray   *array,
                    guint        index,
                    const char  *path,
                    JsonObject **out,
                    GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (line_of_node (im, node), path, NULL, error, _("must be an object in { }"));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
step_insert (Import      *im,
             sqlite3_stmt *stmt,
             JsonObject  *object,
             const char  *path,
             GError     **error)
{
  if (_hel_store_step_done (im->store, stmt, error))
    return TRUE;
  prefix_location (im, object, path, error);
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Export helpers                                                                              */

static void
add_text_column (JsonBuilder  *builder,
                 const char   *key,
                 sqlite3_stmt *stmt,
                 int           column)
{
  json_builder_set_member_name (builder, key);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, _hel_column_text (stmt, column));
}

static void
add_int_column (JsonBuilder  *builder,
                const char   *key,
                sqlite3_stmt *stmt,
                int           column)
{
  json_builder_set_member_name (builder, key);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
}

static gboolean
finish_rows (HelStore     *store,
             sqlite3_stmt *stmt,
             int           rc,
             GError      **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _hel_store_fail (store, rc, error);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Section: teams                                                                              */

static gboolean
export_teams (HelStore    *store,
              JsonBuilder *builder,
              GError     **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (store, "SELECT id, name FROM team ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      add_int_column (builder, "id", stmt, 0);
      add_text_column (builder, "name", stmt, 1);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (store, stmt, rc, error);
}

static gboolean
import_teams (Import     *im,
              JsonArray  *array,
              const char *section,
              GError    **error)
{
  static const char * const keys[] = { "id", "name", NULL };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", section, i);
      g_autofree char *name = NULL;
      JsonObject *object;
      const char *raw_name;
      sqlite3_stmt *stmt;
      gint64 id;

      if (!get_element_object (im, array, i, path, &object, error) ||
          !check_keys (im, object, path, keys, error) ||
          !claim_id (im, object, path, im->team_ids, &id, error) ||
          !read_text (im, object, path, "name", TRUE, &raw_name, error))
        return FALSE;
      if (!hel_text_require (raw_name, "", &name, NULL))
        return fail_at_member (im, object, path, "name", error, _("must not be empty"));

      stmt = _hel_store_prepare (im->store, "INSERT INTO team (id, name) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      if (!_hel_store_step_done (im->store, stmt, error))
        {
          g_clear_error (error);
          return fail_at_member (im, object, path, "name", error,
                                 _("another team has the same name"));
        }
      _hel_store_queue_change (im->store, "team", id);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Section: caseworkers                                                                        */

static gboolean
export_caseworkers (HelStore    *store,
                    JsonBuilder *builder,
                    GError     **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (store, "SELECT id, name, discipline, team_id, phone, "
                                                  "email FROM caseworker ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      add_int_column (builder, "id", stmt, 0);
      add_text_column (builder, "name", stmt, 1);
      add_text_column (builder, "discipline", stmt, 2);
      add_int_column (builder, "team_id", stmt, 3);
      add_text_column (builder, "phone", stmt, 4);
      add_text_column (builder, "email", stmt, 5);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (store, stmt, rc, error);
}

static gboolean
import_caseworkers (Import     *im,
                    JsonArray  *array,
                    const char *section,
                    GError    **error)
{
  static const char * const keys[] = { "id", "name", "discipline", "team_id", "phone", "email",
                                       NULL };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", section, i);
      g_autofree char *name = NULL;
      JsonObject *object;
      const char *raw_name, *discipline_code, *phone, *email;
      HelDiscipline discipline;
      sqlite3_stmt *stmt;
      gint64 id, team_id;

      if (!get_element_object (im, array, i, path, &object, error) ||
          !check_keys (im, object, path, keys, error) ||
          !claim_id (im, object, path, im->caseworker_ids, &id, error) ||
          !read_text (im, object, path, "name", TRUE, &raw_name, error) ||
          !read_text (im, object, path, "discipline", TRUE, &discipline_code, error) ||
          !read_reference (im, object, path, "team_id", im->team_ids, "teams", &team_id, error) ||
          !read_text (im, object, path, "phone", FALSE, &phone, error) ||
          !read_text (im, object, path, "email", FALSE, &email, error))
        return FALSE;
      if (!hel_text_require (raw_name, "", &name, NULL))
        return fail_at_member (im, object, path, "name", error, _("must not be empty"));
      if (!hel_discipline_from_code (discipline_code, &discipline))
        {
          g_autofree char *allowed = list_codes (hel_discipline_code_at, HEL_N_DISCIPLINES);
          return bad_code (im, object, path, "discipline", discipline_code, allowed, error);
        }

      stmt = _hel_store_prepare (im->store, "INSERT INTO caseworker (id, name, discipline, "
                                            "team_id, phone, email) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, hel_discipline_to_code (discipline), -1, SQLITE_STATIC);
      _hel_bind_id_or_null (stmt, 4, team_id);
      _hel_bind_text_or_null (stmt, 5, phone);
      _hel_bind_text_or_null (stmt, 6, email);
      if (!step_insert (im, stmt, object, path, error))
        return FALSE;
      _hel_store_queue_change (im->store, "caseworker", id);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Section: families, with their members and the members' income support                       */

static gboolean
export_income_support (HelStore    *store,
                       JsonBuilder *builder,
                       gint64       member_id,
                       GError     **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (store, "SELECT kind, start_date FROM income_period "
                                                  "WHERE member_id = ?1 ORDER BY start_date, id",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      add_text_column (builder, "kind", stmt, 0);
      add_text_column (builder, "start", stmt, 1);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (store, stmt, rc, error);
}

static gboolean
export_members (HelStore    *store,
                JsonBuilder *builder,
                gint64       family_id,
                GError     **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (store, "SELECT id, role, first_name, last_name, "
                                                  "birth_date, cpr, gender, in_household, "
                                                  "position FROM member WHERE family_id = ?1 "
                                                  "ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, family_id);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      add_int_column (builder, "id", stmt, 0);
      add_text_column (builder, "role", stmt, 1);
      add_text_column (builder, "first_name", stmt, 2);
      add_text_column (builder, "last_name", stmt, 3);
      add_text_column (builder, "birth_date", stmt, 4);
      add_text_column (builder, "cpr", stmt, 5);
      add_text_column (builder, "gender", stmt, 6);
      json_builder_set_member_name (builder, "in_household");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 7) != 0);
      add_int_column (builder, "position", stmt, 8);
      json_builder_set_member_name (builder, "income_support");
      if (!export_income_support (store, builder, sqlite3_column_int64 (stmt, 0), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (store, stmt, rc, error);
}

static gboolean
export_families (HelStore    *store,
                 JsonBuilder *builder,
                 GError     **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (store, "SELECT id, name, team_id, "
                                                  "primary_caseworker_id, "
                                                  "secondary_caseworker_id, start_date, end_date, "
                                                  "end_reason, end_note, consent_date, created, "
                                                  "modified FROM family ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      add_int_column (builder, "id", stmt, 0);
      add_text_column (builder, "name", stmt, 1);
      add_int_column (builder, "team_id", stmt, 2);
      add_int_column (builder, "primary_caseworker_id", stmt, 3);
      add_int_column (builder, "secondary_caseworker_id", stmt, 4);
      add_text_column (builder, "start_date", stmt, 5);
      add_text_column (builder, "end_date", stmt, 6);
      add_text_column (builder, "end_reason", stmt, 7);
      add_text_column (builder, "end_note", stmt, 8);
      add_text_column (builder, "consent_date", stmt, 9);
      add_text_column (builder, "created", stmt, 10);
      add_text_column (builder, "modified", stmt, 11);
      json_builder_set_member_name (builder, "members");
      if (!export_members (store, builder, sqlite3_column_int64 (stmt, 0), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (store, stmt, rc, error);
}

static gboolean
import_income_support (Import     *im,
                       JsonArray  *array,
                       const char *member_path,
                       gint64      member_id,
                       GError    **error)
{
  static const char * const keys[] = { "kind", "start", NULL };
  g_autoptr(GHashTable) starts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.income_support[%u]", member_path, i);
      JsonObject *object;
      const char *kind_code, *start;
      HelIncomeKind kind;
      sqlite3_stmt *stmt;

      if (!get_element_object (im, array, i, path, &object, error) ||
          !check_keys (im, object, path, keys, error) ||
          !read_text (im, object, path, "kind", TRUE, &kind_code, error) ||
          !read_date (im, object, path, "start", TRUE, &start, error))
        return FALSE;
      if (!hel_income_kind_from_code (kind_code, &kind))
        {
          g_autofree char *allowed = list_codes (hel_income_kind_code_at, HEL_N_INCOME_KINDS);
          return bad_code (im, object, path, "kind", kind_code, allowed, error);
        }
      if (!g_hash_table_add (starts, (gpointer) start))
        return fail_at_member (im, object, path, "start", error,
                               _("two periods of income support start on the same day"));

      stmt = _hel_store_prepare (im->store, "INSERT INTO income_period (member_id, kind, "
                                            "start_date) VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      sqlite3_bind_text (stmt, 2, hel_income_kind_to_code (kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, start, -1, SQLITE_TRANSIENT);
      if (!step_insert (im, stmt, object, path, error))
        return FALSE;
    }
  return TRUE;
}

/* The same rules as hel_store_save_member(), reported with the place in the file. */
static gboolean
import_member (Import     *im,
               JsonObject *object,
               const char *path,
               gint64      family_id,
               guint       index,
               GError    **error)
{
  static const char * const keys[] = { "id", "role", "first_name", "last_name", "birth_date",
                                       "cpr", "gender", "in_household", "position",
                                       "income_support", NULL };
  g_autofree char *first_name = NULL;
  g_autofree char *cpr = NULL;
  g_autofree char *cpr_birth = NULL;
  const char *role_code, *raw_first, *last_name, *birth, *raw_cpr, *gender_code;
  HelRole role;
  HelGender gender = HEL_GENDER_UNKNOWN;
  gboolean in_household;
  JsonArray *income;
  JsonNode *position_node;
  sqlite3_stmt *stmt;
  gint64 id, position;

  if (!check_keys (im, object, path, keys, error) ||
      !claim_id (im, object, path, im->member_ids, &id, error) ||
      !read_text (im, object, path, "role", TRUE, &role_code, error) ||
      !read_text (im, object, path, "first_name", TRUE, &raw_first, error) ||
      !read_text (im, object, path, "last_name", FALSE, &last_name, error) ||
      !read_date (im, object, path, "birth_date", FALSE, &birth, error) ||
      !read_text (im, object, path, "cpr", FALSE, &raw_cpr, error) ||
      !read_text (im, object, path, "gender", FALSE, &gender_code, error) ||
      !read_bool (im, object, path, "in_household", TRUE, &in_household, error) ||
      !get_node (im, object, path, "position", FALSE, &position_node, error) ||
      !read_int (im, object, path, "position", FALSE, &position, error) ||
      !get_array (im, object, path, "income_support", &income, error))
    return FALSE;

  if (!hel_role_from_code (role_code, &role))
    {
      g_autofree char *allowed = list_codes (hel_role_code_at, HEL_N_ROLES);
      return bad_code (im, object, path, "role", role_code, allowed, error);
    }
  if (gender_code != NULL && !hel_gender_from_code (gender_code, &gender))
    {
      g_autofree char *allowed = list_codes (hel_gender_code_at, HEL_N_GENDERS);
      return bad_code (im, object, path, "gender", gender_code, allowed, error);
    }
  if (!hel_text_require (raw_first, "", &first_name, NULL))
    return fail_at_member (im, object, path, "first_name", error, _("must not be empty"));
  if (birth != NULL && hel_date_compare (birth, im->today) > 0)
    return fail_at_member (im, object, path, "birth_date", error,
                           _("the birth date lies in the future"));
  if (raw_cpr != NULL && *raw_cpr != '\0')
    {
      g_autoptr(GError) cpr_error = NULL;

      /* The reason, never the number itself. */
      if (!hel_cpr_parse (raw_cpr, &cpr, &cpr_birth, &cpr_error))
        return fail_at_member (im, object, path, "cpr", error,
                               _("not a valid CPR number: %s"), cpr_error->message);
      if (birth != NULL && g_strcmp0 (birth, cpr_birth) != 0)
        return fail_at_member (im, object, path, "cpr", error,
                               _("the CPR number does not match the birth date"));
    }
  if (position_node == NULL)
    position = index;
  if (position < 0 || position > G_MAXINT)
    return fail_at (line_of_node (im, position_node), path, "position", error,
                    _("must be a whole number from 0"));

  stmt = _hel_store_prepare (im->store, "INSERT INTO member (id, family_id, role, first_name, "
                                        "last_name, birth_date, cpr, gender, in_household, "
                                        "position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                        "?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, family_id);
  sqlite3_bind_text (stmt, 3, hel_role_to_code (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, first_name, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 5, last_name);
  _hel_bind_text_or_null (stmt, 6, birth);
  _hel_bind_text_or_null (stmt, 7, cpr);
  sqlite3_bind_text (stmt, 8, hel_gender_to_code (gender), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, in_household ? 1 : 0);
  sqlite3_bind_int64 (stmt, 10, position);
  if (!step_insert (im, stmt, object, path, error))
    return FALSE;
  return import_income_support (im, income, path, id, error);
}

/* The same rules as hel_store_save_family(), reported with the place in the file. */
static gboolean
import_family (Import     *im,
               JsonObject *object,
               const char *path,
               GError    **error)
{
  static const char * const keys[] = { "id", "name", "team_id", "primary_caseworker_id",
                                       "secondary_caseworker_id", "start_date", "end_date",
                                       "end_reason", "end_note", "consent_date", "created",
                                       "modified", "members", NULL };
  g_autofree char *name = NULL;
  const char *raw_name, *start, *end, *reason_code, *end_note, *consent, *created, *modified;
  HelEndReason reason;
  JsonArray *members;
  sqlite3_stmt *stmt;
  gint64 id, team_id, primary, secondary;

  if (!check_keys (im, object, path, keys, error) ||
      !claim_id (im, object, path, im->family_ids, &id, error) ||
      !read_text (im, object, path, "name", TRUE, &raw_name, error) ||
      !read_reference (im, object, path, "team_id", im->team_ids, "teams", &team_id, error) ||
      !read_reference (im, object, path, "primary_caseworker_id", im->caseworker_ids,
                       "caseworkers", &primary, error) ||
      !read_reference (im, object, path, "secondary_caseworker_id", im->caseworker_ids,
                       "caseworkers", &secondary, error) ||
      !read_date (im, object, path, "start_date", TRUE, &start, error) ||
      !read_date (im, object, path, "end_date", FALSE, &end, error) ||
      !read_text (im, object, path, "end_reason", FALSE, &reason_code, error) ||
      !read_text (im, object, path, "end_note", FALSE, &end_note, error) ||
      !read_date (im, object, path, "consent_date", FALSE, &consent, error) ||
      !read_timestamp (im, object, path, "created", &created, error) ||
      !read_timestamp (im, object, path, "modified", &modified, error) ||
      !get_array (im, object, path, "members", &members, error))
    return FALSE;

  if (!hel_text_require (raw_name, "", &name, NULL))
    return fail_at_member (im, object, path, "name", error, _("must not be empty"));
  if (end != NULL && hel_date_compare (end, start) < 0)
    return fail_at_member (im, object, path, "end_date", error,
                           _("the family cannot end before it started"));
  if (reason_code != NULL && !hel_end_reason_from_code (reason_code, &reason))
    {
      g_autofree char *allowed = list_codes (hel_end_reason_code_at, HEL_N_END_REASONS);
      return bad_code (im, object, path, "end_reason", reason_code, allowed, error);
    }
  /* The store keeps a reason and a note only for a family that has ended. */
  if (end == NULL && reason_code != NULL)
    return fail_at_member (im, object, path, "end_reason", error,
                           _("an end reason needs an end date"));
  if (end == NULL && end_note != NULL)
    return fail_at_member (im, object, path, "end_note", error, _("an end note needs an end date"));
  if (primary > 0 && primary == secondary)
    return fail_at_member (im, object, path, "secondary_caseworker_id", error,
                           _("the primary and the secondary caseworker must be two "
                             "different people"));

  stmt = _hel_store_prepare (im->store,
                             "INSERT INTO family (id, name, team_id, primary_caseworker_id, "
                             "secondary_caseworker_id, start_date, end_date, end_reason, end_note, "
                             "consent_date, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                             "?8, ?9, ?10, coalesce(?11, strftime('%Y-%m-%dT%H:%M:%SZ','now')), "
                             "coalesce(?12, ?11, strftime('%Y-%m-%dT%H:%M:%SZ','now')))", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  _hel_bind_id_or_null (stmt, 3, team_id);
  _hel_bind_id_or_null (stmt, 4, primary);
  _hel_bind_id_or_null (stmt, 5, secondary);
  sqlite3_bind_text (stmt, 6, start, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 7, end);
  _hel_bind_text_or_null (stmt, 8, reason_code);
  _hel_bind_text_or_null (stmt, 9, end_note);
  _hel_bind_text_or_null (stmt, 10, consent);
  _hel_bind_text_or_null (stmt, 11, created);
  _hel_bind_text_or_null (stmt, 12, modified);
  if (!step_insert (im, stmt, object, path, error))
    return FALSE;
  _hel_store_queue_change (im->store, "family", id);

  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.members[%u]", path, i);
      JsonObject *member;

      if (!get_element_object (im, members, i, member_path, &member, error) ||
          !import_member (im, member, member_path, id, i, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_families (Import     *im,
                 JsonArray  *array,
                 const char *section,
                 GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", section, i);
      JsonObject *object;

      if (!get_element_object (im, array, i, path, &object, error) ||
          !import_family (im, object, path, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Section: plans (format 2)                                                                   */

/* One object per family that has anything in its plan, in the plan's own JSON form
 * (hel_plan_to_json): the same form the plan's versions and undo use. */
static gboolean
export_plans (HelStore    *store,
              JsonBuilder *builder,
              GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hel_store_prepare (store, "SELECT id FROM family f WHERE wishes IS NOT NULL OR "
                                    "EXISTS (SELECT 1 FROM goal g WHERE g.family_id = f.id) OR "
                                    "EXISTS (SELECT 1 FROM member m WHERE m.family_id = f.id "
                                    "AND m.wishes IS NOT NULL) ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!finish_rows (store, stmt, rc, error))
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(HelPlan) plan = hel_store_load_plan (store, g_array_index (ids, gint64, i), error);

      if (plan == NULL)
        return FALSE;
      json_builder_add_value (builder, hel_plan_to_json (plan));
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
claim_plan_id (GHashTable *seen,
               gint64      id)
{
  if (id <= 0 || g_hash_table_contains (seen, &id))
    return FALSE;
  g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
  return TRUE;
}

/* The whole number @key of @object, if it is one; the caller says what is wrong otherwise. */
static gboolean
int_member (JsonObject *object,
            const char *key,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static gint64
member_family (Import *im,
               gint64  member_id)
{
  return _hel_store_lookup_id (im->store, "SELECT family_id FROM member WHERE id = ?1", member_id);
}

/* The plan reader checks shapes and types; here go the rules that need the rest of the file:
 * whose plan it is, who may own what, and ids that must not collide. */
/* Ids are unique per table, so each kind of row has its own set. */
typedef enum { SEEN_GOAL, SEEN_SUBGOAL, SEEN_STEP, SEEN_FOLLOWUP, SEEN_SCALE, N_SEEN } SeenKind;

static gboolean
check_plan (Import      *im,
            HelPlan     *plan,
            GHashTable **seen,
            guint        line,
            const char *path,
            GError    **error)
{
  HelPlanData *d = hel_plan_data (plan);
  GHashTableIter iter;
  gpointer key;

  if (!g_hash_table_contains (im->family_ids, &d->id))
    return fail_at (line, path, "family_id", error, _("refers to a family that is not in the file"));
  g_hash_table_iter_init (&iter, d->member_wishes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (member_family (im, *(gint64 *) key) != d->id)
      return fail_at (line, path, "member_wishes", error,
                      _("refers to a member who is not in this family"));

  for (guint i = 0; i < d->goals->len; i++)
    {
      HelGoal *goal = d->goals->pdata[i];
      g_autofree char *gpath = g_strdup_printf ("%s.goals[%u]", path, i);

      if (!claim_plan_id (seen[SEEN_GOAL], goal->id))
        return fail_at (line, gpath, "id", error, _("is used twice"));
      if (!hel_text_require (goal->title, "", NULL, NULL))
        return fail_at (line, gpath, "title", error, _("must not be empty"));
      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          HelSubgoal *sg = goal->subgoals->pdata[j];
          g_autofree char *spath = g_strdup_printf ("%s.subgoals[%u]", gpath, j);

          if (!claim_plan_id (seen[SEEN_SUBGOAL], sg->id))
            return fail_at (line, spath, "id", error, _("is used twice"));
          if (!hel_text_require (sg->wording, "", NULL, NULL))
            return fail_at (line, spath, "wording", error, _("must not be empty"));
          if (sg->deadline && hel_date_compare (sg->deadline, sg->created) < 0)
            return fail_at (line, spath, "deadline", error,
                            _("lies before the small goal was made"));
          for (guint k = 0; k < sg->owners->len; k++)
            if (member_family (im, g_array_index (sg->owners, gint64, k)) != d->id)
              return fail_at (line, spath, "owners", error,
                              _("refers to a member who is not in this family"));
          for (guint k = 0; k < sg->steps->len; k++)
            {
              HelStep *t = sg->steps->pdata[k];
              g_autofree char *tpath = g_strdup_printf ("%s.steps[%u]", spath, k);

              if (!claim_plan_id (seen[SEEN_STEP], t->id))
                return fail_at (line, tpath, "id", error, _("is used twice"));
              if (!hel_text_require (t->what, "", NULL, NULL))
                return fail_at (line, tpath, "what", error, _("must not be empty"));
              if (t->owner_member_id > 0 && member_family (im, t->owner_member_id) != d->id)
                return fail_at (line, tpath, "owner_member_id", error,
                                _("refers to a member who is not in this family"));
              if (t->owner_caseworker_id > 0 &&
                  !g_hash_table_contains (im->caseworker_ids, &t->owner_caseworker_id))
                return fail_at (line, tpath, "owner_caseworker_id", error,
                                _("refers to a caseworker who is not in the file"));
            }
          for (guint k = 0; k < sg->followups->len; k++)
            if (!claim_plan_id (seen[SEEN_FOLLOWUP], ((HelFollowup *) sg->followups->pdata[k])->id))
              return fail_at (line, spath, "followups", error, _("an id is used twice"));
          for (guint k = 0; k < sg->scale_history->len; k++)
            if (!claim_plan_id (seen[SEEN_SCALE], ((HelScaleEntry *) sg->scale_history->pdata[k])->id))
              return fail_at (line, spath, "scale_history", error, _("an id is used twice"));
        }
    }
  return TRUE;
}

static gboolean
import_plans (Import     *im,
              JsonArray  *array,
              const char *section,
              GError    **error)
{
  g_autoptr(GHashTable) seen_families = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                               NULL);
  GHashTable *seen[N_SEEN];
  gboolean ok = TRUE;

  for (guint k = 0; k < N_SEEN; k++)
    seen[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", section, i);
      JsonNode *node = json_array_get_element (array, i);
      guint line = line_of_node (im, node);
      g_autoptr(HelPlan) plan = NULL;
      gint64 family_id;

      plan = hel_plan_from_json (node, error);
      if (plan == NULL)
        {
          move_error_into_file (line, path, error);
          ok = FALSE;
          break;
        }
      family_id = hel_plan_get_family_id (plan);
      if (!claim_plan_id (seen_families, family_id))
        ok = fail_at (line, path, "family_id", error, _("has a second plan in the file"));
      else
        ok = check_plan (im, plan, seen, line, path, error) &&
             hel_store_restore_plan (im->store, plan, error);
    }
  for (guint k = 0; k < N_SEEN; k++)
    g_hash_table_unref (seen[k]);
  return ok;
}

/* ------------------------------------------------------------------------------------------ */
/* Section: plan_versions (format 2)                                                           */

static gboolean
export_plan_versions (HelStore    *store,
                      JsonBuilder *builder,
                      GError     **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (store, "SELECT id, family_id, created, participants, "
                                                  "snapshot FROM plan_version ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      json_builder_begin_object (builder);
      add_int_column (builder, "id", stmt, 0);
      add_int_column (builder, "family_id", stmt, 1);
      add_text_column (builder, "created", stmt, 2);
      add_text_column (builder, "participants", stmt, 3);
      json_builder_set_member_name (builder, "snapshot");
      if (json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 4), -1, NULL))
        json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return finish_rows (store, stmt, rc, error);
}

static gboolean
import_plan_versions (Import     *im,
                      JsonArray  *array,
                      const char *section,
                      GError    **error)
{
  static const char * const keys[] = { "id", "family_id", "created", "participants", "snapshot",
                                       NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", section, i);
      g_autofree char *snapshot = NULL;
      g_autoptr(HelPlan) plan = NULL;
      JsonObject *object;
      JsonNode *created, *participants, *snap;
      sqlite3_stmt *stmt;
      gint64 id, family_id;
      guint line;

      if (!get_element_object (im, array, i, path, &object, error) ||
          !check_keys (im, object, path, keys, error))
        return FALSE;
      line = line_of (im, object);
      created = json_object_get_member (object, "created");
      participants = json_object_get_member (object, "participants");
      snap = json_object_get_member (object, "snapshot");
      if (!int_member (object, "id", &id) || !claim_plan_id (seen, id))
        return fail_at (line, path, "id", error, _("must be a positive whole number, used once"));
      if (!int_member (object, "family_id", &family_id) ||
          !g_hash_table_contains (im->family_ids, &family_id))
        return fail_at (line, path, "family_id", error,
                        _("refers to a family that is not in the file"));
      if (created == NULL || json_node_get_value_type (created) != G_TYPE_STRING)
        return fail_at (line, path, "created", error, _("must be a date and time"));
      if (participants != NULL && !JSON_NODE_HOLDS_NULL (participants) &&
          json_node_get_value_type (participants) != G_TYPE_STRING)
        return fail_at (line, path, "participants", error, _("must be text"));
      plan = snap ? hel_plan_from_json (snap, error) : NULL;
      if (plan == NULL)
        {
          g_clear_error (error);
          return fail_at (line, path, "snapshot", error, _("is not a plan"));
        }
      snapshot = json_to_string (snap, FALSE);
      stmt = _hel_store_prepare (im->store, "INSERT INTO plan_version (id, family_id, created, "
                                            "participants, snapshot) VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, family_id);
      sqlite3_bind_text (stmt, 3, json_node_get_string (created), -1, SQLITE_TRANSIENT);
      if (participants != NULL && !JSON_NODE_HOLDS_NULL (participants))
        sqlite3_bind_text (stmt, 4, json_node_get_string (participants), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, snapshot, -1, SQLITE_TRANSIENT);
      if (!_hel_store_step_done (im->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Sections: progress (format 3), read in hel-json-progress.c                                  */

static gboolean
import_progress (Import     *im,
                 JsonArray  *array,
                 const char *section,
                 GError    **error)
{
  HelJsonProgressImport progress = { im->store, im->lines, im->family_ids, im->member_ids };

  return _hel_json_import_progress (&progress, array, section, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Section: meetings (format 4), read in hel-json-board.c                                      */

static gboolean
import_meetings (Import     *im,
                 JsonArray  *array,
                 const char *section,
                 GError    **error)
{
  HelJsonBoardImport board = { im->store, im->lines, im->team_ids, im->caseworker_ids,
                               im->family_ids };

  return _hel_json_import_meetings (&board, array, section, error);
}

/* ------------------------------------------------------------------------------------------ */
/* Section: netmaps (format 3)                                                                 */

/* One object per network map in the map's own JSON form (hel_netmap_to_json: the form its
 * versions and undo use), plus when it was made and changed and its saved versions. */
static gboolean
export_netmap_versions (HelStore    *store,
                        JsonObject  *object,
                        gint64       netmap_id,
                        GError     **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (store, "SELECT id, created, label, snapshot "
                                                  "FROM netmap_version WHERE netmap_id = ?1 "
                                                  "ORDER BY id", error);
  JsonArray *versions = json_array_new ();
  int rc;

  if (stmt == NULL)
    {
      json_array_unref (versions);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, netmap_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *version = json_object_new ();

      json_object_set_int_member (version, "id", sqlite3_column_int64 (stmt, 0));
      json_object_set_string_member (version, "created", _hel_column_text (stmt, 1));
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        json_object_set_null_member (version, "label");
      else
        json_object_set_string_member (version, "label", _hel_column_text (stmt, 2));
      if (json_parser_load_from_data (parser, _hel_column_text (stmt, 3), -1, NULL))
        json_object_set_member (version, "snapshot", json_node_copy (json_parser_get_root (parser)));
      else
        json_object_set_null_member (version, "snapshot");
      json_array_add_object_element (versions, version);
    }
  json_object_set_array_member (object, "versions", versions);
  return finish_rows (store, stmt, rc, error);
}

static gboolean
export_netmaps (HelStore    *store,
                JsonBuilder *builder,
                GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) stamps = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hel_store_prepare (store, "SELECT id, created, modified FROM netmap ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (stamps, g_strdup (_hel_column_text (stmt, 1)));
      g_ptr_array_add (stamps, g_strdup (_hel_column_text (stmt, 2)));
    }
  if (!finish_rows (store, stmt, rc, error))
    return FALSE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(HelNetmap) map = hel_store_load_netmap (store, g_array_index (ids, gint64, i), error);
      JsonNode *node;
      JsonObject *object;

      if (map == NULL)
        return FALSE;
      node = hel_netmap_to_json (map);
      object = json_node_get_object (node);
      json_object_set_string_member (object, "created", stamps->pdata[2 * i]);
      json_object_set_string_member (object, "modified", stamps->pdata[2 * i + 1]);
      if (!export_netmap_versions (store, object, map->id, error))
        {
          json_node_unref (node);
          return FALSE;
        }
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/* A map read by hel_netmap_from_json, its error moved to the file's place and domain. */
static HelNetmap *
read_netmap (Import      *im,
             JsonNode    *node,
             guint        line,
             const char  *path,
             GError     **error)
{
  HelNetmap *map = hel_netmap_from_json (node, error);

  if (map == NULL)
    move_error_into_file (line, path, error);
  return map;
}

static gboolean
import_netmap_versions (Import     *im,
                        HelNetmap  *map,
                        JsonArray  *versions,
                        const char *map_path,
                        GHashTable *seen,
                        GError    **error)
{
  static const char * const keys[] = { "id", "created", "label", "snapshot", NULL };

  for (guint i = 0; versions != NULL && i < json_array_get_length (versions); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.versions[%u]", map_path, i);
      g_autofree char *text = NULL;
      g_autoptr(HelNetmap) snapshot = NULL;
      const char *created = NULL, *label = NULL;
      JsonObject *object;
      JsonNode *snap;
      sqlite3_stmt *stmt;
      gint64 id = 0;
      guint line;

      if (!get_element_object (im, versions, i, path, &object, error) ||
          !check_keys (im, object, path, keys, error))
        return FALSE;
      line = line_of (im, object);
      if (!int_member (object, "id", &id) || !claim_plan_id (seen, id))
        return fail_at (line, path, "id", error, _("must be a positive whole number, used once"));
      if (!read_timestamp (im, object, path, "created", &created, error))
        return FALSE;
      if (created == NULL)
        return fail_at (line, path, "created", error, _("is required but missing"));
      if (!read_text (im, object, path, "label", FALSE, &label, error))
        return FALSE;
      snap = json_object_get_member (object, "snapshot");
      if (snap == NULL || JSON_NODE_HOLDS_NULL (snap))
        return fail_at (line, path, "snapshot", error, _("is required but missing"));
      snapshot = read_netmap (im, snap, line, path, error);
      if (snapshot == NULL)
        return FALSE;
      if (snapshot->id != map->id)
        return fail_at (line, path, "snapshot", error, _("is a version of another network map"));
      text = json_to_string (snap, FALSE);
      stmt = _hel_store_prepare (im->store, "INSERT INTO netmap_version (id, netmap_id, created, "
                                            "label, snapshot) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, map->id);
      sqlite3_bind_text (stmt, 3, created, -1, SQLITE_TRANSIENT);
      _hel_bind_text_or_null (stmt, 4, label);
      sqlite3_bind_text (stmt, 5, text, -1, SQLITE_TRANSIENT);
      if (!step_insert (im, stmt, object, path, error))
        return FALSE;
    }
  return TRUE;
}

typedef enum { SEEN_MAP, SEEN_OWNER, SEEN_NODE, SEEN_TIE, SEEN_VERSION, N_NETMAP_SEEN } NetmapSeen;

static gboolean
import_one_netmap (Import      *im,
                   JsonArray   *array,
                   guint        index,
                   const char  *section,
                   GHashTable **seen,
                   GError     **error)
{
  static const char * const extra[] = { "created", "modified", "versions", NULL };
  g_autofree char *path = g_strdup_printf ("%s[%u]", section, index);
  g_autoptr(HelNetmap) map = NULL;
  g_autoptr(JsonNode) bare = NULL;
  g_autoptr(GList) members = NULL;
  const char *created = NULL, *modified = NULL;
  g_autofree char *now = NULL;
  JsonObject *object, *copy;
  JsonArray *versions = NULL;
  sqlite3_stmt *stmt;
  gint64 owner;
  guint line;

  if (!get_element_object (im, array, index, path, &object, error))
    return FALSE;
  line = line_of (im, object);
  if (!read_timestamp (im, object, path, "created", &created, error) ||
      !read_timestamp (im, object, path, "modified", &modified, error) ||
      !get_array (im, object, path, "versions", &versions, error))
    return FALSE;

  /* The map's own reader is strict about its fields; the section's extras are read above. */
  copy = json_object_new ();
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (extra, l->data))
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (object,
                                                                                    l->data)));
  bare = json_node_init_object (json_node_alloc (), copy);
  json_object_unref (copy);
  map = read_netmap (im, bare, line, path, error);
  if (map == NULL)
    return FALSE;

  if (!claim_plan_id (seen[SEEN_MAP], map->id))
    return fail_at (line, path, "id", error, _("must be a positive whole number, used once"));
  if (!g_hash_table_contains (im->family_ids, &map->family_id))
    return fail_at (line, path, "family_id", error, _("refers to a family that is not in the file"));
  if (map->member_id != 0 && member_family (im, map->member_id) != map->family_id)
    return fail_at (line, path, "member_id", error,
                    _("refers to a member who is not in this family"));
  /* One map per family and one per member: the member's id is unique across families. */
  owner = map->member_id != 0 ? map->member_id : -map->family_id;
  if (g_hash_table_contains (seen[SEEN_OWNER], &owner))
    return fail_at (line, path, map->member_id ? "member_id" : "family_id", error,
                    _("has a second network map in the file"));
  g_hash_table_add (seen[SEEN_OWNER], g_memdup2 (&owner, sizeof owner));
  for (guint i = 0; i < map->nodes->len; i++)
    if (!claim_plan_id (seen[SEEN_NODE], ((HelNetmapNode *) map->nodes->pdata[i])->id))
      {
        g_autofree char *npath = g_strdup_printf ("%s.nodes[%u]", path, i);
        return fail_at (line, npath, "id", error, _("is used twice"));
      }
  for (guint i = 0; i < map->ties->len; i++)
    if (!claim_plan_id (seen[SEEN_TIE], ((HelNetmapTie *) map->ties->pdata[i])->id))
      {
        g_autofree char *tpath = g_strdup_printf ("%s.ties[%u]", path, i);
        return fail_at (line, tpath, "id", error, _("is used twice"));
      }

  {
    g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
    now = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  }
  stmt = _hel_store_prepare (im->store, "INSERT INTO netmap (id, family_id, member_id, title, "
                                        "created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, map->id);
  sqlite3_bind_int64 (stmt, 2, map->family_id);
  _hel_bind_id_or_null (stmt, 3, map->member_id);
  _hel_bind_text_or_null (stmt, 4, map->title);
  sqlite3_bind_text (stmt, 5, created ? created : now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, modified ? modified : now, -1, SQLITE_TRANSIENT);
  if (!step_insert (im, stmt, object, path, error))
    return FALSE;
  if (!hel_store_restore_netmap (im->store, map, error))
    {
      prefix_location (im, object, path, error);
      return FALSE;
    }
  /* Restoring stamps the map as changed now; the file says when it was. */
  stmt = _hel_store_prepare (im->store, "UPDATE netmap SET modified = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, map->id);
  sqlite3_bind_text (stmt, 2, modified ? modified : now, -1, SQLITE_TRANSIENT);
  if (!_hel_store_step_done (im->store, stmt, error))
    return FALSE;
  return import_netmap_versions (im, map, versions, path, seen[SEEN_VERSION], error);
}

static gboolean
import_netmaps (Import     *im,
                JsonArray  *array,
                const char *section,
                GError    **error)
{
  GHashTable *seen[N_NETMAP_SEEN];
  gboolean ok = TRUE;

  for (guint k = 0; k < N_NETMAP_SEEN; k++)
    seen[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    ok = import_one_netmap (im, array, i, section, seen, error);
  for (guint k = 0; k < N_NETMAP_SEEN; k++)
    g_hash_table_unref (seen[k]);
  return ok;
}

/* ------------------------------------------------------------------------------------------ */
/* The document                                                                                */

/* One entry per top-level section, in dependency order: a section may refer to ids of the
 * sections above it. A new section (family plans, network maps, ...) adds a row here and
 * its two functions; a format change that old readers must refuse bumps HEL_JSON_FORMAT_VERSION. */
typedef struct {
  const char *name;
  const char *clear_sql;   /* empties the section for HEL_JSON_IMPORT_REPLACE */
  gboolean  (*export_section) (HelStore *store, JsonBuilder *builder, GError **error);
  gboolean  (*import_section) (Import *im, JsonArray *array, const char *section, GError **error);
} Section;

static const Section sections[] = {
  { "teams", "DELETE FROM team", export_teams, import_teams },
  { "caseworkers", "DELETE FROM caseworker", export_caseworkers, import_caseworkers },
  { "families", "DELETE FROM family", export_families, import_families },
  { "plans", "DELETE FROM goal; UPDATE family SET wishes = NULL; UPDATE member SET wishes = NULL",
    export_plans, import_plans },
  { "plan_versions", "DELETE FROM plan_version", export_plan_versions, import_plan_versions },
  { "netmaps", "DELETE FROM netmap", export_netmaps, import_netmaps },
  /* format 3 (with netmaps): progress (hel-json-progress.c) */
  { "progress_settings", HEL_JSON_PROGRESS_CLEAR_SETTINGS, _hel_json_export_progress_settings,
    import_progress },
  { "sdq_bands", HEL_JSON_PROGRESS_CLEAR_SDQ_BANDS, _hel_json_export_sdq_bands, import_progress },
  { "bip_indicators", HEL_JSON_PROGRESS_CLEAR_BIP_INDICATORS, _hel_json_export_bip_indicators,
    import_progress },
  { "measurements", "DELETE FROM measurement", _hel_json_export_measurements, import_progress },
  { "measurement_edits", "DELETE FROM measurement_edit", _hel_json_export_measurement_edits,
    import_progress },
  { "school_absence", "DELETE FROM school_absence", _hel_json_export_school_absence,
    import_progress },
  { "concern_notifications", "DELETE FROM concern_notification",
    _hel_json_export_concern_notifications, import_progress },
  { "interventions", "DELETE FROM intervention", _hel_json_export_interventions, import_progress },
  { "expenses", "DELETE FROM expense", _hel_json_export_expenses, import_progress },
  /* format 4: board meetings (hel-json-board.c) */
  { "meetings", HEL_JSON_BOARD_CLEAR_MEETINGS, _hel_json_export_meetings, import_meetings },
};

static JsonNode *
build_document (HelStore           *store,
                HelJsonExportFlags  flags,
                GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean ok = TRUE;

  /* One read transaction, so the file is one consistent moment of the database; it takes no
   * write lock, so an export works while the app is saving. */
  if (!hel_store_begin_read (store, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, HEL_JSON_FORMAT_VERSION);
  if (!(flags & HEL_JSON_EXPORT_NO_TIMESTAMP))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

      json_builder_set_member_name (builder, "exported");
      json_builder_add_string_value (builder, stamp);
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (sections); i++)
    {
      json_builder_set_member_name (builder, sections[i].name);
      ok = sections[i].export_section (store, builder, error);
    }
  json_builder_end_object (builder);

  hel_store_rollback (store);
  if (!ok)
    return NULL;
  return json_builder_get_root (builder);
}

GBytes *
hel_json_export_to_bytes (HelStore           *store,
                          HelJsonExportFlags  flags,
                          GError            **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  root = build_document (store, flags, error);
  if (root == NULL)
    return NULL;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  text = g_realloc (text, length + 2);
  text[length++] = '\n';
  text[length] = '\0';
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

gboolean
hel_json_export_to_stream (HelStore           *store,
                           GOutputStream      *stream,
                           HelJsonExportFlags  flags,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (HEL_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  bytes = hel_json_export_to_bytes (store, flags, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}

gboolean
hel_json_export_to_file (HelStore           *store,
                         const char         *path,
                         HelJsonExportFlags  flags,
                         GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (HEL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = hel_json_export_to_bytes (store, flags, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  /* Personal data: the export is for this user alone, like the database itself. */
  if (!g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The export could not be saved: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
hel_json_store_is_empty (HelStore  *store,
                         gboolean  *empty,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (store), FALSE);
  g_return_val_if_fail (empty != NULL, FALSE);

  stmt = _hel_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM team) OR "
                                    "EXISTS (SELECT 1 FROM caseworker) OR "
                                    "EXISTS (SELECT 1 FROM family)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _hel_store_fail (store, rc, error);
  return TRUE;
}

static gboolean
check_header (Import     *im,
              JsonNode   *root,
              GError    **error)
{
  g_autoptr(GPtrArray) known = g_ptr_array_new ();
  JsonObject *object;
  JsonNode *format, *version;
  const char *exported;
  gint64 version_number;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_NOT_HELHED,
                   _("This is not a Helhed export: the file must hold one JSON object { … }."));
      return FALSE;
    }
  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), FORMAT_NAME) != 0)
    {
      g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_NOT_HELHED,
                   _("This is not a Helhed export: “format” must be “%s”."), FORMAT_NAME);
      return FALSE;
    }
  version = json_object_get_member (object, "version");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    return fail_at (line_of_node (im, version), "version", NULL, error,
                    _("must be the format version, a whole number from 1"));
  version_number = json_node_get_int (version);
  if (version_number > HEL_JSON_FORMAT_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version_number);

      g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_NEWER,
                   _("The file was exported by a newer version of Helhed (format version %s; "
                     "this version reads up to %d). Update Helhed to import it."),
                   number, HEL_JSON_FORMAT_VERSION);
      return FALSE;
    }
  if (!read_text (im, object, "", "exported", FALSE, &exported, error))
    return FALSE;

  g_ptr_array_add (known, (gpointer) "format");
  g_ptr_array_add (known, (gpointer) "version");
  g_ptr_array_add (known, (gpointer) "exported");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_ptr_array_add (known, (gpointer) sections[i].name);
  g_ptr_array_add (known, NULL);
  return check_keys (im, object, "", (const char * const *) known->pdata, error);
}

static gboolean
import_document (Import             *im,
                 JsonObject         *root,
                 HelJsonImportFlags  flags,
                 GError            **error)
{
  if (flags & HEL_JSON_IMPORT_REPLACE)
    {
      /* Newest sections first: they may hang on the older ones. */
      for (guint i = G_N_ELEMENTS (sections); i > 0; i--)
        if (!_hel_store_exec (im->store, sections[i - 1].clear_sql, error))
          return FALSE;
    }
  else
    {
      gboolean empty = FALSE;

      if (!hel_json_store_is_empty (im->store, &empty, error))
        return FALSE;
      if (!empty)
        {
          g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_NOT_EMPTY,
                       _("The database “%s” already holds data, so nothing was imported. Import "
                         "into a new database, or choose to replace everything in it."),
                       hel_store_get_path (im->store));
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      JsonArray *array;

      if (!get_array (im, root, "", sections[i].name, &array, error))
        return FALSE;
      /* A section a file does not have is empty: older files lack the newer sections. */
      if (array != NULL && !sections[i].import_section (im, array, sections[i].name, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hel_json_import_from_data (HelStore           *store,
                           const char         *data,
                           gssize              length,
                           HelJsonImportFlags  flags,
                           GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) team_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  g_autoptr(GHashTable) caseworker_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                g_free, NULL);
  g_autoptr(GHashTable) family_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            NULL);
  g_autoptr(GHashTable) member_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            NULL);
  g_autofree char *today = hel_date_today ();
  LineTracker tracker = { lines, starts };
  Import im = { store, lines, team_ids, caseworker_ids, family_ids, member_ids, today };
  JsonNode *root;

  g_return_val_if_fail (HEL_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_SYNTAX,
                   _("The file is not valid JSON: it is not UTF-8 text."));
      return FALSE;
    }

  parser = json_parser_new ();
  g_signal_connect (parser, "object-start", G_CALLBACK (container_start_cb), &tracker);
  g_signal_connect (parser, "array-start", G_CALLBACK (container_start_cb), &tracker);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_end_cb), &tracker);
  g_signal_connect (parser, "array-end", G_CALLBACK (array_end_cb), &tracker);
  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &tracker);
  g_signal_connect (parser, "array-element", G_CALLBACK (array_element_cb), &tracker);
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      set_syntax_error (parse_error, error);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_NOT_HELHED,
                   _("The file is empty: there is nothing to import."));
      return FALSE;
    }
  if (!check_header (&im, root, error))
    return FALSE;

  if (!hel_store_begin (store, error))
    return FALSE;
  if (!import_document (&im, json_node_get_object (root), flags, error))
    {
      hel_store_rollback (store);
      return FALSE;
    }
  return hel_store_commit (store, error);
}

gboolean
hel_json_import_from_file (HelStore           *store,
                           const char         *path,
                           HelJsonImportFlags  flags,
                           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (HEL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("The file could not be read: "));
      return FALSE;
    }
  return hel_json_import_from_data (store, data, (gssize) length, flags, error);
}

/* For the section readers in other files (hel-json-progress.c): the same wording as fail_at (). */
gboolean
_hel_json_fail_at_line (guint        line,
                        const char  *path,
                        const char  *reason,
                        GError     **error)
{
  return fail_at (line, path, NULL, error, "%s", reason);
}
