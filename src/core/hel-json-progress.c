/* hel-json-progress.c: the progress sections of the JSON document (measurements, their edits, the
 * SDQ bands and BIP indicators, absence, notifications, interventions, expenses). Each section
 * is one table described by its columns, so export, checks and import read one description. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hel-instrument.h"
#include "hel-json.h"
#include "hel-json-progress.h"
#include "hel-measurement.h"
#include "hel-store-private.h"
#include "hel-validate.h"

typedef enum {
  COL_ID,            /* the row's own id, kept */
  COL_MEMBER,        /* a member in the file */
  COL_FAMILY,        /* a family in the file */
  COL_MEASUREMENT,   /* a measurement imported above */
  COL_TEXT,          /* text, may be null */
  COL_TEXT_REQUIRED,
  COL_DATE,
  COL_DATE_OPTIONAL,
  COL_STAMP,         /* date-time text */
  COL_INT,           /* whole number in min..max */
  COL_REAL,          /* number in min..max */
  COL_REAL_OPTIONAL,
  COL_BOOL,
  COL_QUARTER,
  COL_INSTRUMENT,
  COL_RATER,
  COL_DEPARTMENT,
  COL_SDQ_BAND,
  COL_SDQ_SCALE,     /* "total" or a scale's code; absent (files before format 5): "total" */
  COL_SETTING,       /* a known setting's key */
  COL_ANSWERS,       /* { "key": whole number } stored as "key=value;..." */
} ColumnKind;

typedef struct {
  const char *name;
  ColumnKind  kind;
  double      min;
  double      max;
} Column;

typedef struct {
  const char   *section;
  const char   *table;
  const char   *order;      /* ORDER BY for export */
  const char   *pre_import; /* SQL run before the rows go in; NULL for none */
  Column        columns[13];
} Table;

static const Table tables[] = {
  { "progress_settings", "progress_setting", "key", "DELETE FROM progress_setting",
    { { "key", COL_SETTING }, { "value", COL_TEXT_REQUIRED } } },
  { "sdq_bands", "sdq_band",
    "CASE scale WHEN 'total' THEN 0 WHEN 'emotional' THEN 1 WHEN 'conduct' THEN 2 "
    "WHEN 'hyperactivity' THEN 3 WHEN 'peer' THEN 4 WHEN 'prosocial' THEN 5 ELSE 6 END, "
    "scale, position", "DELETE FROM sdq_band",
    { { "scale", COL_SDQ_SCALE }, { "position", COL_INT, 0, HEL_SDQ_MAX_BANDS - 1 },
      { "code", COL_SDQ_BAND },
      { "lowest", COL_INT, 0, HEL_SDQ_TOTAL_MAX }, { "population_share", COL_REAL, 0, 100 } } },
  { "bip_indicators", "bip_indicator", "id", "DELETE FROM bip_indicator",
    { { "id", COL_ID }, { "code", COL_TEXT }, { "name", COL_TEXT },
      { "scale_min", COL_INT, 0, 100 }, { "scale_max", COL_INT, 0, 100 },
      { "position", COL_INT, 0, 10000 } } },
  { "measurements", "measurement", "id", NULL,
    { { "id", COL_ID }, { "member_id", COL_MEMBER }, { "instrument", COL_INSTRUMENT },
      { "date", COL_DATE }, { "wave", COL_INT, 0, 600 }, { "rater", COL_RATER },
      { "answers", COL_ANSWERS }, { "complete", COL_BOOL }, { "score", COL_REAL_OPTIONAL, 0, 100 },
      { "band", COL_TEXT }, { "created", COL_STAMP }, { "modified", COL_STAMP } } },
  { "measurement_edits", "measurement_edit", "id", NULL,
    { { "id", COL_ID }, { "measurement_id", COL_MEASUREMENT }, { "edited_at", COL_STAMP },
      { "edited_by", COL_TEXT }, { "field", COL_TEXT_REQUIRED }, { "old_value", COL_TEXT } } },
  { "school_absence", "school_absence", "id", NULL,
    { { "id", COL_ID }, { "member_id", COL_MEMBER }, { "quarter", COL_QUARTER },
      { "percent", COL_REAL, 0, 100 } } },
  { "concern_notifications", "concern_notification", "id", NULL,
    { { "id", COL_ID }, { "member_id", COL_MEMBER }, { "year", COL_INT, 1900, 2200 },
      { "count", COL_INT, 0, 1000 } } },
  { "interventions", "intervention", "id", NULL,
    { { "id", COL_ID }, { "member_id", COL_MEMBER }, { "kind", COL_TEXT_REQUIRED },
      { "actor", COL_TEXT }, { "start_date", COL_DATE }, { "end_date", COL_DATE_OPTIONAL },
      { "employment_oriented", COL_BOOL }, { "company_placement", COL_BOOL } } },
  { "expenses", "expense", "id", NULL,
    { { "id", COL_ID }, { "family_id", COL_FAMILY }, { "quarter", COL_QUARTER },
      { "department", COL_DEPARTMENT }, { "amount", COL_INT, 0, 1e10 } } },
};

static const Table *
find_table (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].section, section) == 0)
      return &tables[i];
  g_return_val_if_reached (NULL);
}

static guint
n_columns (const Table *table)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (table->columns) && table->columns[n].name != NULL)
    n++;
  return n;
}

static char *
column_list (const Table *table)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < n_columns (table); i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", table->columns[i].name);
  return g_string_free (sql, FALSE);
}

/* ---- Export ---- */

static gboolean
export_table (HelStore    *store,
              JsonBuilder *builder,
              const char  *section,
              GError     **error)
{
  const Table *table = find_table (section);
  g_autofree char *columns = column_list (table);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s", columns, table->table,
                                          table->order);
  sqlite3_stmt *stmt = _hel_store_prepare (store, sql, error);
  guint n = n_columns (table);
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (guint c = 0; c < n; c++)
        {
          const Column *col = &table->columns[c];

          json_builder_set_member_name (builder, col->name);
          if (sqlite3_column_type (stmt, (int) c) == SQLITE_NULL)
            {
              json_builder_add_null_value (builder);
              continue;
            }
          switch (col->kind)
            {
            case COL_ID:
            case COL_MEMBER:
            case COL_FAMILY:
            case COL_MEASUREMENT:
            case COL_INT:
              json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, (int) c));
              break;
            case COL_REAL:
            case COL_REAL_OPTIONAL:
              json_builder_add_double_value (builder, sqlite3_column_double (stmt, (int) c));
              break;
            case COL_BOOL:
              json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, (int) c) != 0);
              break;
            case COL_ANSWERS:
              {
                g_autoptr(GArray) answers = hel_answers_from_string (_hel_column_text (stmt, (int) c));

                json_builder_begin_object (builder);
                for (guint a = 0; a < answers->len; a++)
                  {
                    const HelAnswer *answer = &g_array_index (answers, HelAnswer, a);
                    json_builder_set_member_name (builder, answer->key);
                    json_builder_add_int_value (builder, answer->value);
                  }
                json_builder_end_object (builder);
              }
              break;
            case COL_TEXT:
            case COL_TEXT_REQUIRED:
            case COL_DATE:
            case COL_DATE_OPTIONAL:
            case COL_STAMP:
            case COL_QUARTER:
            case COL_INSTRUMENT:
            case COL_RATER:
            case COL_DEPARTMENT:
            case COL_SDQ_BAND:
            case COL_SDQ_SCALE:
            case COL_SETTING:
            default:
              json_builder_add_string_value (builder, _hel_column_text (stmt, (int) c));
              break;
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _hel_store_fail (store, rc, error);
  return TRUE;
}

#define HEL_JSON_PROGRESS_DEFINE(name) \
  gboolean _hel_json_export_##name (HelStore *store, JsonBuilder *builder, GError **error) \
  { \
    return export_table (store, builder, #name, error); \
  }
HEL_JSON_PROGRESS_SECTIONS (HEL_JSON_PROGRESS_DEFINE)
#undef HEL_JSON_PROGRESS_DEFINE

/* ---- Import ---- */

/* "<path> (line N): <reason>" with the line of @where (a JsonObject* or JsonNode*), as
 * hel-json.c words every error in the file. */
static gboolean G_GNUC_PRINTF (5, 6)
fail_at (HelJsonProgressImport *im,
         gconstpointer          where,
         const char            *path,
         GError               **error,
         const char            *format,
         ...)
{
  g_autofree char *reason = NULL;
  guint line = where ? GPOINTER_TO_UINT (g_hash_table_lookup (im->lines, where)) : 0;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  return _hel_json_fail_at_line (line, path, reason, error);
}

static gboolean
check_known_keys (HelJsonProgressImport *im,
                  const Table           *table,
                  JsonObject            *object,
                  const char            *path,
                  GError               **error)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint n = n_columns (table);

  for (GList *l = members; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (guint c = 0; c < n && !known; c++)
        known = g_str_equal (table->columns[c].name, l->data);
      if (!known)
        {
          g_autofree char *where = g_strconcat (path, ".", (const char *) l->data, NULL);
          return fail_at (im, json_object_get_member (object, l->data), where, error,
                          _("unknown field; this version of Helhed does not know it"));
        }
    }
  return TRUE;
}

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
row_exists (HelJsonProgressImport *im,
            const char            *sql,
            gint64                 id)
{
  sqlite3_stmt *stmt = _hel_store_prepare (im->store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Checks one field and binds it as parameter @index. */
static gboolean
bind_field (HelJsonProgressImport *im,
            const Column          *col,
            JsonObject            *object,
            const char            *row_path,
            sqlite3_stmt          *stmt,
            int                    index,
            GError               **error)
{
  JsonNode *node = json_object_get_member (object, col->name);
  g_autofree char *path = g_strconcat (row_path, ".", col->name, NULL);
  gconstpointer where = node ? (gconstpointer) node : (gconstpointer) object;
  gboolean is_null = node == NULL || JSON_NODE_HOLDS_NULL (node);
  const char *text = node_string (node);
  gint64 id;

  switch (col->kind)
    {
    case COL_ID:
    case COL_MEMBER:
    case COL_FAMILY:
    case COL_MEASUREMENT:
      if (!node_is_int (node) || (id = json_node_get_int (node)) <= 0)
        return fail_at (im, where, path, error, _("must be a positive whole number"));
      if (col->kind == COL_MEMBER && !g_hash_table_contains (im->member_ids, &id))
        return fail_at (im, where, path, error, _("refers to a member who is not in the file"));
      if (col->kind == COL_FAMILY && !g_hash_table_contains (im->family_ids, &id))
        return fail_at (im, where, path, error, _("refers to a family that is not in the file"));
      if (col->kind == COL_MEASUREMENT &&
          !row_exists (im, "SELECT 1 FROM measurement WHERE id = ?1", id))
        return fail_at (im, where, path, error,
                        _("refers to a measurement that is not in the file"));
      sqlite3_bind_int64 (stmt, index, id);
      return TRUE;

    case COL_TEXT:
      if (is_null)
        {
          sqlite3_bind_null (stmt, index);
          return TRUE;
        }
      if (text == NULL)
        return fail_at (im, where, path, error, _("must be text"));
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_TEXT_REQUIRED:
      if (text == NULL || *text == '\0')
        return fail_at (im, where, path, error, _("must be text, not empty"));
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_DATE_OPTIONAL:
      if (is_null)
        {
          sqlite3_bind_null (stmt, index);
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case COL_DATE:
      if (text == NULL || !hel_date_is_valid_iso (text))
        return fail_at (im, where, path, error, _("must be a date like 2026-11-23"));
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_STAMP:
      {
        g_autofree char *day = text ? g_strndup (text, 10) : NULL;
        if (day == NULL || !hel_date_is_valid_iso (day))
          return fail_at (im, where, path, error, _("must be a date and time"));
      }
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_INT:
      if (!node_is_int (node) || json_node_get_int (node) < col->min ||
          json_node_get_int (node) > col->max)
        return fail_at (im, where, path, error, _("must be a whole number from %.0f to %.0f"),
                        col->min, col->max);
      sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      return TRUE;

    case COL_REAL_OPTIONAL:
      if (is_null)
        {
          sqlite3_bind_null (stmt, index);
          return TRUE;
        }
      G_GNUC_FALLTHROUGH;
    case COL_REAL:
      if (!node_is_number (node) || !(json_node_get_double (node) >= col->min &&
                                      json_node_get_double (node) <= col->max))
        return fail_at (im, where, path, error, _("must be a number from %.0f to %.0f"),
                        col->min, col->max);
      sqlite3_bind_double (stmt, index, json_node_get_double (node));
      return TRUE;

    case COL_BOOL:
      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail_at (im, where, path, error, _("must be true or false"));
      sqlite3_bind_int (stmt, index, json_node_get_boolean (node));
      return TRUE;

    case COL_QUARTER:
      if (!hel_quarter_parse (text, NULL, NULL))
        return fail_at (im, where, path, error, _("must be a quarter like 2025-Q3"));
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_INSTRUMENT:
      {
        HelInstrumentKind kind;
        if (!hel_instrument_kind_from_code (text, &kind))
          return fail_at (im, where, path, error, _("must be “who5”, “sdq” or “bip”"));
      }
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_RATER:
      {
        HelRater rater;
        if (!hel_rater_from_code (text, &rater))
          return fail_at (im, where, path, error,
                          _("must be “together”, “caseworker” or “family”"));
      }
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_DEPARTMENT:
      {
        HelDepartment dept;
        if (!hel_department_from_code (text, &dept))
          return fail_at (im, where, path, error, _("is not a known department"));
      }
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_SDQ_BAND:
      if (text == NULL || *hel_sdq_band_label (text) == '\0')
        return fail_at (im, where, path, error,
                        _("must be “normal”, “borderline”, “abnormal” or “very-high”"));
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_SDQ_SCALE:
      {
        HelSdqBandScale scale;

        if (node == NULL)
          text = hel_sdq_band_scale_code (HEL_SDQ_BANDS_TOTAL);
        else if (!hel_sdq_band_scale_from_code (text, &scale))
          return fail_at (im, where, path, error,
                          _("must be “total”, “emotional”, “conduct”, “hyperactivity”, “peer”, "
                            "“prosocial” or “impact”"));
      }
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_SETTING:
      if (g_strcmp0 (text, "wave_interval") != 0)
        return fail_at (im, where, path, error, _("is not a known setting"));
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_ANSWERS:
    default:
      {
        g_autoptr(GArray) answers = g_array_new (FALSE, TRUE, sizeof (HelAnswer));
        g_autofree char *stored = NULL;
        g_autoptr(GList) keys = NULL;
        JsonObject *map;

        if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
          return fail_at (im, where, path, error, _("must be an object of answers in { }"));
        map = json_node_get_object (node);
        keys = json_object_get_members (map);
        for (GList *l = keys; l != NULL; l = l->next)
          {
            JsonNode *value = json_object_get_member (map, l->data);
            const char *key = l->data;
            HelAnswer answer;

            if (*key == '\0' || strchr (key, '=') || strchr (key, ';') || !node_is_int (value) ||
                json_node_get_int (value) < 0 || json_node_get_int (value) > 100)
              {
                g_autofree char *where_key = g_strconcat (path, ".", key, NULL);
                return fail_at (im, value, where_key, error,
                                _("must be a whole number from 0 to 100"));
              }
            answer.key = (char *) key;
            answer.value = (int) json_node_get_int (value);
            g_array_append_val (answers, answer);
          }
        stored = hel_answers_to_string (answers);
        sqlite3_bind_text (stmt, index, stored, -1, SQLITE_TRANSIENT);
      }
      return TRUE;
    }
}

/* What needs more than one field: WHO-5 and SDQ answers in their ranges, scales that run up. */
static gboolean
check_row (HelJsonProgressImport *im,
           const Table           *table,
           JsonObject            *object,
           const char            *path,
           GError               **error)
{
  if (g_str_equal (table->section, "bip_indicators"))
    {
      JsonNode *lo = json_object_get_member (object, "scale_min");
      JsonNode *hi = json_object_get_member (object, "scale_max");

      if (node_is_int (lo) && node_is_int (hi) && json_node_get_int (lo) >= json_node_get_int (hi))
        {
          g_autofree char *where = g_strconcat (path, ".scale_max", NULL);
          return fail_at (im, hi, where, error, _("must be above scale_min"));
        }
    }
  if (g_str_equal (table->section, "measurements"))
    {
      HelInstrumentKind kind;
      JsonNode *answers = json_object_get_member (object, "answers");
      g_autoptr(HelInstrument) instrument = NULL;
      g_autoptr(GList) keys = NULL;

      if (!hel_instrument_kind_from_code (node_string (json_object_get_member (object,
                                                                               "instrument")),
                                          &kind) ||
          kind == HEL_INSTRUMENT_BIP || answers == NULL || !JSON_NODE_HOLDS_OBJECT (answers))
        return TRUE;
      instrument = kind == HEL_INSTRUMENT_WHO5 ? hel_instrument_new_who5 ()
                                               : hel_instrument_new_sdq (NULL);
      keys = json_object_get_members (json_node_get_object (answers));
      for (GList *l = keys; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (json_node_get_object (answers), l->data);
          int item = hel_instrument_find_item (instrument, l->data);
          g_autofree char *where = g_strconcat (path, ".answers.", (const char *) l->data, NULL);

          if (item < 0)
            return fail_at (im, value, where, error, _("is not an item of this questionnaire"));
          if (node_is_int (value) &&
              json_node_get_int (value) > ((HelInstrumentItem *) instrument->items->pdata[item])->max)
            return fail_at (im, value, where, error, _("is above the item’s highest answer"));
        }
    }
  return TRUE;
}

/* Every scale's table as read must hold; a scale the file has no rows for (files before format
 * 5 band the total only) gets its shipped default. */
static gboolean
check_sdq_bands (HelJsonProgressImport *im,
                 const char            *section,
                 GError               **error)
{
  for (guint s = 0; s < HEL_SDQ_N_BAND_SCALES; s++)
    {
      HelSdqBandTable bands = { 0 };
      sqlite3_stmt *stmt = _hel_store_prepare (im->store, "SELECT code, lowest, population_share "
                                                          "FROM sdq_band WHERE scale = ?1 "
                                                          "ORDER BY position", error);
      guint n_rows = 0;

      if (stmt == NULL)
        return FALSE;
      bands.scale = (HelSdqBandScale) s;
      sqlite3_bind_text (stmt, 1, hel_sdq_band_scale_code (bands.scale), -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          guint b = bands.n_bands;

          n_rows++;
          if (b >= HEL_SDQ_MAX_BANDS)
            continue;
          bands.n_bands++;
          g_strlcpy (bands.code[b], _hel_column_text (stmt, 0), sizeof bands.code[b]);
          bands.lowest[b] = sqlite3_column_int (stmt, 1);
          bands.population_share[b] = sqlite3_column_double (stmt, 2);
        }
      sqlite3_reset (stmt);
      if (n_rows == 0)
        {
          hel_sdq_band_table_init_scale_default (&bands, bands.scale);
          for (guint b = 0; b < bands.n_bands; b++)
            {
              stmt = _hel_store_prepare (im->store, "INSERT INTO sdq_band (scale, position, code, "
                                                    "lowest, population_share) VALUES "
                                                    "(?1, ?2, ?3, ?4, ?5)", error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_text (stmt, 1, hel_sdq_band_scale_code (bands.scale), -1,
                                 SQLITE_STATIC);
              sqlite3_bind_int (stmt, 2, (int) b);
              sqlite3_bind_text (stmt, 3, bands.code[b], -1, SQLITE_STATIC);
              sqlite3_bind_int (stmt, 4, bands.lowest[b]);
              sqlite3_bind_double (stmt, 5, bands.population_share[b]);
              if (!_hel_store_step_done (im->store, stmt, error))
                return FALSE;
            }
          continue;
        }
      if (!hel_sdq_band_table_validate (&bands, error))
        {
          g_prefix_error (error, "%s (%s): ", section, hel_sdq_band_scale_code (bands.scale));
          if (error != NULL && *error != NULL)
            {
              (*error)->domain = HEL_JSON_ERROR;
              (*error)->code = HEL_JSON_ERROR_INVALID;
            }
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_hel_json_import_progress (HelJsonProgressImport *im,
                           JsonArray             *array,
                           const char            *section,
                           GError               **error)
{
  const Table *table = find_table (section);
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  GString *params;
  guint n;

  g_return_val_if_fail (table != NULL, FALSE);

  n = n_columns (table);
  columns = column_list (table);
  params = g_string_new (NULL);
  for (guint c = 0; c < n; c++)
    g_string_append_printf (params, "%s?%u", c ? ", " : "", c + 1);
  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table->table, columns, params->str);
  g_string_free (params, TRUE);

  if (table->pre_import != NULL && !_hel_store_exec (im->store, table->pre_import, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", section, i);
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      sqlite3_stmt *stmt;
      int rc;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail_at (im, node, path, error, _("must be an object in { }"));
      object = json_node_get_object (node);
      if (!check_known_keys (im, table, object, path, error) ||
          !check_row (im, table, object, path, error))
        return FALSE;
      stmt = _hel_store_prepare (im->store, sql, error);
      if (stmt == NULL)
        return FALSE;
      for (guint c = 0; c < n; c++)
        if (!bind_field (im, &table->columns[c], object, path, stmt, (int) c + 1, error))
          {
            sqlite3_clear_bindings (stmt);
            return FALSE;
          }
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          /* Two rows for one person and wave or quarter, an id used twice ... */
          if ((rc & 0xff) == SQLITE_CONSTRAINT)
            return fail_at (im, object, path, error,
                            _("repeats a row that is already in the file (the same id, or the "
                              "same person and wave, quarter or year)"));
          return _hel_store_fail (im->store, rc, error);
        }
    }

  if (g_str_equal (section, "sdq_bands"))
    return check_sdq_bands (im, section, error);
  return TRUE;
}
