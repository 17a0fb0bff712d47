/* hel-store-progress.c: measurements, their history and schedule, and the other follow-up figures
 * (absence, notifications, interventions, expenses) in the store. Every edit is one transaction
 * and checked first, so bad input is refused with the field it concerns and nothing is written. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "hel-store-progress.h"
#include "hel-collate.h"
#include "hel-store-private.h"
#include "hel-validate.h"

static gboolean
invalid_at (char       **bad_field,
            const char  *field,
            GError     **error,
            const char  *message)
{
  if (bad_field)
    {
      g_free (*bad_field);
      *bad_field = g_strdup (field);
    }
  g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* What the checks need to know about a member. */
typedef struct {
  gint64   family_id;
  HelRole  role;
  char    *birth_date;
  char    *family_start;
} MemberContext;

static void
member_context_clear (MemberContext *context)
{
  g_clear_pointer (&context->birth_date, g_free);
  g_clear_pointer (&context->family_start, g_free);
}

static gboolean
load_member_context (HelStore      *self,
                     gint64         member_id,
                     MemberContext *context,
                     GError       **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (self,
                                           "SELECT m.family_id, m.role, m.birth_date, f.start_date "
                                           "FROM member m JOIN family f ON f.id = m.family_id "
                                           "WHERE m.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                             _("The person no longer exists."));
      else
        _hel_store_fail (self, rc, error);
      return FALSE;
    }
  context->family_id = sqlite3_column_int64 (stmt, 0);
  if (!hel_role_from_code (_hel_column_text (stmt, 1), &context->role))
    context->role = HEL_ROLE_OTHER_ADULT;
  context->birth_date = g_strdup (_hel_column_text (stmt, 2));
  context->family_start = g_strdup (_hel_column_text (stmt, 3));
  sqlite3_reset (stmt);
  return TRUE;
}

/* A date a person can act on: valid, not before birth, not before the family started. */
static gboolean
check_date (const MemberContext *context,
            const char          *date,
            gboolean             not_before_start,
            const char          *field,
            char               **bad_field,
            GError             **error)
{
  g_autofree char *today = hel_date_today ();

  if (date == NULL || !hel_date_is_valid_iso (date))
    return invalid_at (bad_field, field, error, _("Enter a date, e.g. 23.11.2026."));
  if (context->birth_date != NULL && hel_date_compare (date, context->birth_date) < 0)
    return invalid_at (bad_field, field, error, _("The date is before the person was born."));
  if (not_before_start && context->family_start != NULL &&
      hel_date_compare (date, context->family_start) < 0)
    {
      g_autofree char *start = hel_date_format (context->family_start);
      g_autofree char *message = g_strdup_printf (_("The date is before the family started in "
                                                    "the project (%s)."), start);
      return invalid_at (bad_field, field, error, message);
    }
  if (hel_date_compare (date, today) > 0)
    return invalid_at (bad_field, field, error, _("The date is in the future."));
  return TRUE;
}

/* ---- Settings, SDQ bands, BIP indicators ---- */

int
hel_store_get_wave_interval (HelStore *self,
                             GError  **error)
{
  sqlite3_stmt *stmt;
  int months = HEL_WAVE_DEFAULT_INTERVAL;

  g_return_val_if_fail (HEL_IS_STORE (self), HEL_WAVE_DEFAULT_INTERVAL);

  stmt = _hel_store_prepare (self, "SELECT value FROM progress_setting WHERE key = "
                                   "'wave_interval'", error);
  if (stmt == NULL)
    return HEL_WAVE_DEFAULT_INTERVAL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    months = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return months >= 1 && months <= 24 ? months : HEL_WAVE_DEFAULT_INTERVAL;
}

gboolean
hel_store_set_wave_interval (HelStore *self,
                             int       months,
                             GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (months < 1 || months > 24)
    return invalid_at (NULL, NULL, error, _("Measure every 1 to 24 months."));
  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "INSERT OR REPLACE INTO progress_setting (key, value) "
                                   "VALUES ('wave_interval', ?1)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, months);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return _hel_store_finish (self, ok, "progress", 0, error);
}

gboolean
hel_store_load_sdq_band_table (HelStore        *self,
                               HelSdqBandScale  scale,
                               HelSdqBandTable *table,
                               GError         **error)
{
  sqlite3_stmt *stmt;
  HelSdqBandTable loaded = { 0 };
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (scale < HEL_SDQ_N_BAND_SCALES, FALSE);

  hel_sdq_band_table_init_scale_default (table, scale);
  loaded.scale = scale;
  stmt = _hel_store_prepare (self, "SELECT code, lowest, population_share FROM sdq_band "
                                   "WHERE scale = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hel_sdq_band_scale_code (scale), -1, SQLITE_STATIC);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      if (loaded.n_bands < HEL_SDQ_MAX_BANDS)
        {
          guint i = loaded.n_bands++;
          g_strlcpy (loaded.code[i], _hel_column_text (stmt, 0), sizeof loaded.code[i]);
          loaded.lowest[i] = sqlite3_column_int (stmt, 1);
          loaded.population_share[i] = sqlite3_column_double (stmt, 2);
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  /* A table broken by hand in the file (or missing) falls back to the shipped default. */
  if (hel_sdq_band_table_validate (&loaded, NULL))
    *table = loaded;
  return TRUE;
}

gboolean
hel_store_load_sdq_bands (HelStore        *self,
                          HelSdqBandTable *table,
                          GError         **error)
{
  return hel_store_load_sdq_band_table (self, HEL_SDQ_BANDS_TOTAL, table, error);
}

gboolean
hel_store_load_sdq_band_set (HelStore      *self,
                             HelSdqBandSet *set,
                             GError       **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  for (guint i = 0; i < HEL_SDQ_N_BAND_SCALES; i++)
    if (!hel_store_load_sdq_band_table (self, (HelSdqBandScale) i, &set->table[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
rescore_sdq (HelStore              *self,
             const HelSdqBandTable *table,
             GError               **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (self, "SELECT id, score FROM measurement WHERE "
                                                 "instrument = 'sdq' AND complete", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (int));
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int band = hel_sdq_band_for_total (table, sqlite3_column_int (stmt, 1));
      g_array_append_val (ids, id);
      g_array_append_val (bands, band);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      int band = g_array_index (bands, int, i);

      stmt = _hel_store_prepare (self, "UPDATE measurement SET band = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      _hel_bind_text_or_null (stmt, 2, band >= 0 ? table->code[band] : NULL);
      if (!_hel_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Replaces the rows of the table's scale; the total's re-bands every SDQ measurement. Inside a
 * transaction. */
static gboolean
write_sdq_band_table (HelStore              *self,
                      const HelSdqBandTable *table,
                      GError               **error)
{
  const char *scale = hel_sdq_band_scale_code (table->scale);
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _hel_store_prepare (self, "DELETE FROM sdq_band WHERE scale = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, scale, -1, SQLITE_STATIC);
      ok = _hel_store_step_done (self, stmt, error);
    }
  for (guint i = 0; ok && i < table->n_bands; i++)
    {
      stmt = _hel_store_prepare (self, "INSERT INTO sdq_band (scale, position, code, lowest, "
                                       "population_share) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, scale, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 2, (int) i);
          sqlite3_bind_text (stmt, 3, table->code[i], -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 4, table->lowest[i]);
          sqlite3_bind_double (stmt, 5, table->population_share[i]);
          ok = _hel_store_step_done (self, stmt, error);
        }
    }
  if (ok && table->scale == HEL_SDQ_BANDS_TOTAL)
    ok = rescore_sdq (self, table, error);
  return ok;
}

gboolean
hel_store_save_sdq_bands (HelStore              *self,
                          const HelSdqBandTable *table,
                          GError               **error)
{
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_sdq_band_table_validate (table, error))
    return FALSE;
  if (!hel_store_begin (self, error))
    return FALSE;
  ok = write_sdq_band_table (self, table, error);
  return _hel_store_finish (self, ok, "progress", 0, error);
}

gboolean
hel_store_save_sdq_band_set (HelStore            *self,
                             const HelSdqBandSet *set,
                             GError             **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_sdq_band_set_validate (set, error))
    return FALSE;
  if (!hel_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < HEL_SDQ_N_BAND_SCALES; i++)
    ok = write_sdq_band_table (self, &set->table[i], error);
  return _hel_store_finish (self, ok, "progress", 0, error);
}

GPtrArray *
hel_store_list_bip_indicators (HelStore *self,
                               GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_bip_indicator_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT id, code, name, scale_min, scale_max, position "
                                   "FROM bip_indicator ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelBipIndicator *indicator = hel_bip_indicator_new (_hel_column_text (stmt, 2),
                                                          sqlite3_column_int (stmt, 3),
                                                          sqlite3_column_int (stmt, 4));
      indicator->id = sqlite3_column_int64 (stmt, 0);
      indicator->code = g_strdup (_hel_column_text (stmt, 1));
      indicator->position = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (list, indicator);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* How many BIP measurements answer the indicator, and the lowest and highest answer given. */
static gboolean
bip_answers_given (HelStore *self,
                   gint64    indicator_id,
                   int      *n_answers,
                   int      *lowest,
                   int      *highest,
                   GError  **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (self, "SELECT answers FROM measurement WHERE "
                                                 "instrument = 'bip'", error);
  char key[24];
  GError *local_error = NULL;

  *n_answers = 0;
  *lowest = G_MAXINT;
  *highest = G_MININT;
  if (stmt == NULL)
    return FALSE;
  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, indicator_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      g_autoptr(GArray) answers = hel_answers_from_string (_hel_column_text (stmt, 0));

      for (guint i = 0; i < answers->len; i++)
        {
          const HelAnswer *a = &g_array_index (answers, HelAnswer, i);

          if (g_strcmp0 (a->key, key) != 0)
            continue;
          (*n_answers)++;
          *lowest = MIN (*lowest, a->value);
          *highest = MAX (*highest, a->value);
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

int
hel_store_count_bip_indicator_answers (HelStore *self,
                                       gint64    indicator_id,
                                       GError  **error)
{
  int n, lowest, highest;

  g_return_val_if_fail (HEL_IS_STORE (self), -1);

  if (!bip_answers_given (self, indicator_id, &n, &lowest, &highest, error))
    return -1;
  return n;
}

gboolean
hel_store_set_bip_indicator_order (HelStore     *self,
                                   const gint64 *ids,
                                   guint         n_ids,
                                   GError      **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_ids; i++)
    {
      sqlite3_stmt *stmt = _hel_store_prepare (self, "UPDATE bip_indicator SET position = ?2 "
                                                     "WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, ids[i]);
          sqlite3_bind_int (stmt, 2, (int) i);
          ok = _hel_store_step_done (self, stmt, error);
        }
      if (ok && sqlite3_changes (_hel_store_get_handle (self)) != 1)
        {
          g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                               _("The indicator no longer exists."));
          ok = FALSE;
        }
    }
  return _hel_store_finish (self, ok, "progress", 0, error);
}

gboolean
hel_store_save_bip_indicator (HelStore        *self,
                              HelBipIndicator *indicator,
                              GError         **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (indicator->code == NULL &&
      !hel_text_require (indicator->name, _("the indicator’s name"), &name, error))
    return FALSE;
  if (indicator->code != NULL && indicator->name != NULL)
    name = g_strstrip (g_strdup (indicator->name));
  if (indicator->scale_min < 0 || indicator->scale_max > 100 ||
      indicator->scale_min >= indicator->scale_max)
    return invalid_at (NULL, NULL, error, _("The scale must go from a lower to a higher whole "
                                            "number between 0 and 100, e.g. 1 to 5."));
  if (indicator->id > 0)
    {
      int n, lowest, highest;

      if (!bip_answers_given (self, indicator->id, &n, &lowest, &highest, error))
        return FALSE;
      if (n > 0 && (lowest < indicator->scale_min || highest > indicator->scale_max))
        {
          g_autofree char *message =
            g_strdup_printf (_("Measurements already answer this indicator from %d to %d; "
                               "the scale must include those answers."), lowest, highest);
          return invalid_at (NULL, NULL, error, message);
        }
    }
  if (!hel_store_begin (self, error))
    return FALSE;
  if (indicator->id > 0)
    stmt = _hel_store_prepare (self, "UPDATE bip_indicator SET name = ?2, scale_min = ?3, "
                                     "scale_max = ?4 WHERE id = ?1 RETURNING position", error);
  else
    stmt = _hel_store_prepare (self, "INSERT INTO bip_indicator (name, scale_min, scale_max, "
                                     "position) VALUES (?2, ?3, ?4, (SELECT coalesce(max(position), "
                                     "-1) + 1 FROM bip_indicator)) RETURNING id, position", error);
  if (stmt != NULL)
    {
      if (indicator->id > 0)
        sqlite3_bind_int64 (stmt, 1, indicator->id);
      _hel_bind_text_or_null (stmt, 2, name);
      sqlite3_bind_int (stmt, 3, indicator->scale_min);
      sqlite3_bind_int (stmt, 4, indicator->scale_max);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (indicator->id > 0)
            indicator->position = sqlite3_column_int (stmt, 0);
          else
            {
              indicator->id = sqlite3_column_int64 (stmt, 0);
              indicator->position = sqlite3_column_int (stmt, 1);
            }
          ok = TRUE;
        }
      else
        g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                             _("The indicator no longer exists."));
      sqlite3_reset (stmt);
    }
  return _hel_store_finish (self, ok, "progress", 0, error);
}

gboolean
hel_store_delete_bip_indicator (HelStore *self,
                                gint64    indicator_id,
                                GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  /* Answers keep the indicator's id; a measurement's other answers still count. */
  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "DELETE FROM bip_indicator WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, indicator_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return _hel_store_finish (self, ok, "progress", 0, error);
}

HelInstrument *
hel_store_load_instrument (HelStore          *self,
                           HelInstrumentKind  kind,
                           GError           **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  switch (kind)
    {
    case HEL_INSTRUMENT_WHO5:
      return hel_instrument_new_who5 ();
    case HEL_INSTRUMENT_SDQ:
      {
        HelSdqBandTable table;
        if (!hel_store_load_sdq_bands (self, &table, error))
          return NULL;
        return hel_instrument_new_sdq (&table);
      }
    case HEL_INSTRUMENT_BIP:
    case HEL_N_INSTRUMENTS:
    default:
      {
        g_autoptr(GPtrArray) indicators = hel_store_list_bip_indicators (self, error);
        if (indicators == NULL)
          return NULL;
        return hel_instrument_new_bip (indicators);
      }
    }
}

/* ---- Measurements ---- */

#define MEASUREMENT_COLUMNS \
  "m.id, m.member_id, m.instrument, m.date, m.wave, m.rater, m.answers, m.complete, m.score, " \
  "m.band, m.created, m.modified"

static HelMeasurement *
measurement_from_row (sqlite3_stmt *stmt)
{
  HelInstrumentKind kind = HEL_INSTRUMENT_WHO5;
  HelMeasurement *m;

  hel_instrument_kind_from_code (_hel_column_text (stmt, 2), &kind);
  m = hel_measurement_new (sqlite3_column_int64 (stmt, 1), kind, _hel_column_text (stmt, 3));
  m->id = sqlite3_column_int64 (stmt, 0);
  m->wave = sqlite3_column_int (stmt, 4);
  if (!hel_rater_from_code (_hel_column_text (stmt, 5), &m->rater))
    m->rater = HEL_RATER_TOGETHER;
  g_array_unref (m->answers);
  m->answers = hel_answers_from_string (_hel_column_text (stmt, 6));
  m->complete = sqlite3_column_int (stmt, 7) != 0;
  m->score = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 8);
  m->band = g_strdup (_hel_column_text (stmt, 9));
  m->created = g_strdup (_hel_column_text (stmt, 10));
  m->modified = g_strdup (_hel_column_text (stmt, 11));
  return m;
}

static GPtrArray *
list_measurements_where (HelStore   *self,
                         const char *sql,
                         gint64      id,
                         const char *instrument,
                         GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_measurement_free);
  sqlite3_stmt *stmt = _hel_store_prepare (self, sql, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  _hel_bind_text_or_null (stmt, 2, instrument);
  while (_hel_store_step_rows (self, stmt, &local_error))
    g_ptr_array_add (list, measurement_from_row (stmt));
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
hel_store_list_measurements (HelStore          *self,
                             gint64             member_id,
                             HelInstrumentKind  instrument,
                             GError           **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  return list_measurements_where (self, "SELECT " MEASUREMENT_COLUMNS " FROM measurement m "
                                        "WHERE m.member_id = ?1 AND (?2 IS NULL OR "
                                        "m.instrument = ?2) ORDER BY m.date, m.wave, m.id",
                                  member_id,
                                  instrument < HEL_N_INSTRUMENTS
                                    ? hel_instrument_kind_to_code (instrument) : NULL,
                                  error);
}

GPtrArray *
hel_store_list_family_measurements (HelStore *self,
                                    gint64    family_id,
                                    GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  return list_measurements_where (self, "SELECT " MEASUREMENT_COLUMNS " FROM measurement m "
                                        "JOIN member p ON p.id = m.member_id "
                                        "WHERE p.family_id = ?1 AND ?2 IS NULL "
                                        "ORDER BY p.position, m.instrument, m.date, m.id",
                                  family_id, NULL, error);
}

HelMeasurement *
hel_store_get_measurement (HelStore *self,
                           gint64    measurement_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  list = list_measurements_where (self, "SELECT " MEASUREMENT_COLUMNS " FROM measurement m "
                                        "WHERE m.id = ?1 AND ?2 IS NULL", measurement_id, NULL,
                                  error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                           _("The measurement no longer exists."));
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

int
hel_store_suggest_wave (HelStore   *self,
                        gint64      member_id,
                        const char *date,
                        GError    **error)
{
  MemberContext context = { 0 };
  int wave;

  g_return_val_if_fail (HEL_IS_STORE (self), 0);

  if (!load_member_context (self, member_id, &context, error))
    return 0;
  wave = hel_wave_for_date (context.family_start, date, hel_store_get_wave_interval (self, NULL));
  member_context_clear (&context);
  return wave;
}

static gboolean
record_edit (HelStore   *self,
             gint64      measurement_id,
             const char *stamp,
             const char *edited_by,
             const char *field,
             const char *old_value,
             GError    **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (self, "INSERT INTO measurement_edit (measurement_id, "
                                                 "edited_at, edited_by, field, old_value) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, measurement_id);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 3, edited_by);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  _hel_bind_text_or_null (stmt, 5, old_value);
  return _hel_store_step_done (self, stmt, error);
}

/* Records each field that differs from the stored row. */
static gboolean
record_changes (HelStore             *self,
                const HelMeasurement *old,
                const HelMeasurement *new,
                const char           *stamp,
                const char           *edited_by,
                GError              **error)
{
  g_autofree char *old_answers = hel_answers_to_string (old->answers);
  g_autofree char *new_answers = hel_answers_to_string (new->answers);
  char old_wave[16];

  g_snprintf (old_wave, sizeof old_wave, "%d", old->wave);
  if (g_strcmp0 (old->date, new->date) != 0 &&
      !record_edit (self, old->id, stamp, edited_by, "date", old->date, error))
    return FALSE;
  if (old->wave != new->wave &&
      !record_edit (self, old->id, stamp, edited_by, "wave", old_wave, error))
    return FALSE;
  if (old->rater != new->rater &&
      !record_edit (self, old->id, stamp, edited_by, "rater", hel_rater_to_code (old->rater), error))
    return FALSE;
  if (g_strcmp0 (old_answers, new_answers) != 0 &&
      !record_edit (self, old->id, stamp, edited_by, "answers", old_answers, error))
    return FALSE;
  return TRUE;
}

/* @reinsert: @measurement was deleted and comes back under its own id and creation time (an
 * undo); otherwise an id above 0 updates that row and 0 inserts a new one. */
static gboolean
save_measurement (HelStore       *self,
                  HelMeasurement *measurement,
                  const char     *edited_by,
                  gboolean        reinsert,
                  char          **bad_field,
                  GError        **error)
{
  g_autoptr(HelInstrument) instrument = NULL;
  g_autoptr(HelMeasurement) old = NULL;
  g_autofree int *values = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *stamp = _hel_store_now_utc ();
  MemberContext context = { 0 };
  HelInstrumentScore score;
  sqlite3_stmt *stmt;
  guint bad_item = 0;
  gint64 family_id;
  gboolean adult;
  gboolean ok = FALSE;
  int wave;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (measurement != NULL, FALSE);

  if (!load_member_context (self, measurement->member_id, &context, error))
    return FALSE;
  family_id = context.family_id;
  adult = hel_role_is_adult (context.role);
  if (measurement->instrument >= HEL_N_INSTRUMENTS ||
      hel_instrument_kind_for_adults (measurement->instrument) != adult)
    {
      member_context_clear (&context);
      return invalid_at (bad_field, "instrument", error,
                         adult ? _("SDQ is filled in for children; choose WHO-5 or job "
                                   "readiness for an adult.")
                               : _("WHO-5 and job readiness are for adults; choose SDQ for a "
                                   "child."));
    }
  if (!check_date (&context, measurement->date, TRUE, "date", bad_field, error))
    {
      member_context_clear (&context);
      return FALSE;
    }
  wave = measurement->wave;
  if (wave < 0)
    wave = hel_wave_for_date (context.family_start, measurement->date,
                              hel_store_get_wave_interval (self, NULL));
  member_context_clear (&context);
  if (wave > 600)
    return invalid_at (bad_field, "wave", error, _("The wave must be 0 (baseline) to 600 months."));

  instrument = hel_store_load_instrument (self, measurement->instrument, error);
  if (instrument == NULL)
    return FALSE;
  for (guint i = 0; i < measurement->answers->len; i++)
    {
      const HelAnswer *a = &g_array_index (measurement->answers, HelAnswer, i);
      if (hel_instrument_find_item (instrument, a->key) < 0)
        {
          g_autofree char *field = g_strconcat ("answer:", a->key, NULL);
          return invalid_at (bad_field, field, error,
                             _("An answer does not belong to this questionnaire."));
        }
    }
  values = hel_measurement_values_for (measurement, instrument);
  if (!hel_instrument_score (instrument, values, &score, &bad_item, error))
    {
      if (bad_field)
        {
          g_free (*bad_field);
          *bad_field = g_strconcat ("answer:",
                                    ((HelInstrumentItem *) instrument->items->pdata[bad_item])->key,
                                    NULL);
        }
      if (error && *error)
        {
          (*error)->domain = HEL_STORE_ERROR;
          (*error)->code = HEL_STORE_ERROR_INVALID;
        }
      return FALSE;
    }

  if (measurement->id > 0 && !reinsert)
    {
      old = hel_store_get_measurement (self, measurement->id, error);
      if (old == NULL)
        return FALSE;
    }
  answers = hel_answers_to_string (measurement->answers);

  if (!hel_store_begin (self, error))
    return FALSE;
  if (old != NULL)
    stmt = _hel_store_prepare (self, "UPDATE measurement SET member_id = ?2, instrument = ?3, "
                                     "date = ?4, wave = ?5, rater = ?6, answers = ?7, "
                                     "complete = ?8, score = ?9, band = ?10, modified = ?11 "
                                     "WHERE id = ?1", error);
  else if (reinsert)
    stmt = _hel_store_prepare (self, "INSERT INTO measurement (id, member_id, instrument, date, "
                                     "wave, rater, answers, complete, score, band, created, "
                                     "modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                     "coalesce(?12, ?11), ?11) RETURNING id", error);
  else
    stmt = _hel_store_prepare (self, "INSERT INTO measurement (member_id, instrument, date, wave, "
                                     "rater, answers, complete, score, band, created, modified) "
                                     "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) "
                                     "RETURNING id", error);
  if (stmt != NULL)
    {
      int rc;

      if (old != NULL)
        sqlite3_bind_int64 (stmt, 1, old->id);
      if (reinsert)
        {
          sqlite3_bind_int64 (stmt, 1, measurement->id);
          _hel_bind_text_or_null (stmt, 12, measurement->created);
        }
      sqlite3_bind_int64 (stmt, 2, measurement->member_id);
      sqlite3_bind_text (stmt, 3, hel_instrument_kind_to_code (measurement->instrument), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, measurement->date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, wave);
      sqlite3_bind_text (stmt, 6, hel_rater_to_code (measurement->rater), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, answers, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 8, score.complete);
      if (isnan (score.score))
        sqlite3_bind_null (stmt, 9);
      else
        sqlite3_bind_double (stmt, 9, score.score);
      _hel_bind_text_or_null (stmt, 10, score.band);
      sqlite3_bind_text (stmt, 11, stamp, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && old == NULL)
        {
          measurement->id = sqlite3_column_int64 (stmt, 0);
          rc = sqlite3_step (stmt);
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        ok = TRUE;
      else if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          g_autofree char *label = hel_wave_label (wave);
          g_autofree char *message =
            /* Translators: “There is already a WHO-5 wellbeing measurement at 4 months …” */
            g_strdup_printf (_("There is already a %s measurement at %s for this person. "
                               "Choose another wave or edit that measurement."),
                             hel_instrument_kind_label (measurement->instrument), label);
          if (old == NULL)
            measurement->id = 0;
          invalid_at (bad_field, "wave", error, message);
        }
      else
        _hel_store_fail (self, rc, error);
    }
  if (ok && old != NULL)
    {
      HelMeasurement probe = *measurement;
      probe.wave = wave;
      ok = record_changes (self, old, &probe, stamp, edited_by, error);
    }
  if (ok)
    {
      measurement->wave = wave;
      measurement->complete = score.complete;
      measurement->score = score.score;
      g_free (measurement->band);
      measurement->band = score.band[0] ? g_strdup (score.band) : NULL;
      g_free (measurement->modified);
      measurement->modified = g_strdup (stamp);
      if (old == NULL && (!reinsert || measurement->created == NULL))
        {
          g_free (measurement->created);
          measurement->created = g_strdup (stamp);
        }
    }
  else if (old == NULL && !reinsert)
    measurement->id = 0;
  return _hel_store_finish (self, ok, "progress", family_id, error);
}

gboolean
hel_store_save_measurement (HelStore       *self,
                            HelMeasurement *measurement,
                            const char     *edited_by,
                            char          **bad_field,
                            GError        **error)
{
  return save_measurement (self, measurement, edited_by, FALSE, bad_field, error);
}

gboolean
hel_store_restore_measurement (HelStore             *self,
                               gint64                measurement_id,
                               const HelMeasurement *snapshot,
                               const char           *edited_by,
                               GError              **error)
{
  g_autoptr(HelMeasurement) now = NULL;
  g_autoptr(HelMeasurement) copy = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot == NULL || snapshot->id == measurement_id, FALSE);

  now = hel_store_get_measurement (self, measurement_id, &local_error);
  if (now == NULL && !g_error_matches (local_error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (snapshot == NULL)
    return now == NULL || hel_store_delete_measurement (self, measurement_id, error);
  copy = hel_measurement_copy (snapshot);
  return save_measurement (self, copy, edited_by, now == NULL, NULL, error);
}

gboolean
hel_store_undelete_measurement (HelStore             *self,
                                const HelMeasurement *snapshot,
                                GPtrArray            *edits,
                                const char           *edited_by,
                                GError              **error)
{
  g_autoptr(HelMeasurement) copy = NULL;
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL && snapshot->id > 0, FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  copy = hel_measurement_copy (snapshot);
  ok = save_measurement (self, copy, edited_by, TRUE, NULL, error);
  /* Its history as it was: the same rows under their own ids. */
  for (guint i = 0; ok && edits != NULL && i < edits->len; i++)
    {
      const HelMeasurementEdit *edit = edits->pdata[i];
      sqlite3_stmt *stmt = _hel_store_prepare (self, "INSERT INTO measurement_edit (id, "
                                                     "measurement_id, edited_at, edited_by, "
                                                     "field, old_value) VALUES (?1, ?2, ?3, ?4, "
                                                     "?5, ?6)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, edit->id);
          sqlite3_bind_int64 (stmt, 2, snapshot->id);
          _hel_bind_text_or_null (stmt, 3, edit->edited_at);
          _hel_bind_text_or_null (stmt, 4, edit->edited_by);
          _hel_bind_text_or_null (stmt, 5, edit->field);
          _hel_bind_text_or_null (stmt, 6, edit->old_value);
          ok = _hel_store_step_done (self, stmt, error);
        }
    }
  if (!ok)
    {
      hel_store_rollback (self);
      return FALSE;
    }
  return hel_store_commit (self, error);
}

/* Deletes one row by id after finding its family, for the change notice. */
static gboolean
delete_row (HelStore   *self,
            const char *family_sql,
            const char *delete_sql,
            gint64      id,
            const char *missing,
            GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 family_id = 0;
  gboolean ok = FALSE;

  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, family_sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        family_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (family_id == 0)
        g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND, missing);
      else if ((stmt = _hel_store_prepare (self, delete_sql, error)) != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          ok = _hel_store_step_done (self, stmt, error);
        }
    }
  return _hel_store_finish (self, ok, "progress", family_id, error);
}

gboolean
hel_store_delete_measurement (HelStore *self,
                              gint64    measurement_id,
                              GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  return delete_row (self, "SELECT p.family_id FROM measurement m JOIN member p ON "
                           "p.id = m.member_id WHERE m.id = ?1",
                     "DELETE FROM measurement WHERE id = ?1", measurement_id,
                     _("The measurement no longer exists."), error);
}

GPtrArray *
hel_store_list_measurement_edits (HelStore *self,
                                  gint64    measurement_id,
                                  GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_measurement_edit_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT id, measurement_id, edited_at, edited_by, field, "
                                   "old_value FROM measurement_edit WHERE measurement_id = ?1 "
                                   "ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, measurement_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelMeasurementEdit *edit = g_new0 (HelMeasurementEdit, 1);
      edit->id = sqlite3_column_int64 (stmt, 0);
      edit->measurement_id = sqlite3_column_int64 (stmt, 1);
      edit->edited_at = g_strdup (_hel_column_text (stmt, 2));
      edit->edited_by = g_strdup (_hel_column_text (stmt, 3));
      edit->field = g_strdup (_hel_column_text (stmt, 4));
      edit->old_value = g_strdup (_hel_column_text (stmt, 5));
      g_ptr_array_add (list, edit);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Schedule ---- */

void
hel_due_measurement_free (HelDueMeasurement *due)
{
  if (due == NULL)
    return;
  g_free (due->family_name);
  g_free (due->member_name);
  g_free (due->due_date);
  g_free (due);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const HelDueMeasurement *da = *(HelDueMeasurement * const *) a;
  const HelDueMeasurement *db = *(HelDueMeasurement * const *) b;
  int c = hel_date_compare (da->due_date, db->due_date);

  if (c != 0)
    return c;
  c = hel_collate_names (da->family_name, db->family_name);
  if (c != 0)
    return c;
  if (da->member_id != db->member_id)
    return da->member_id < db->member_id ? -1 : 1;
  return (int) da->instrument - (int) db->instrument;
}

GPtrArray *
hel_store_list_due_measurements (HelStore   *self,
                                 gint64      family_id,
                                 gint64      team_id,
                                 const char *today,
                                 GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_due_measurement_free);
  g_autofree char *ahead = NULL;
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  GDate horizon;
  int interval;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!hel_date_to_gdate (today, &horizon))
    {
      g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID, _("Enter a date."));
      return NULL;
    }
  g_date_add_days (&horizon, HEL_DUE_AHEAD_DAYS);
  ahead = hel_date_from_gdate (&horizon);
  interval = hel_store_get_wave_interval (self, NULL);

  stmt = _hel_store_prepare (self,
                             "SELECT f.id, f.name, f.start_date, m.id, m.first_name, m.role, "
                             "m.birth_date FROM family f JOIN member m ON m.family_id = f.id "
                             "WHERE f.end_date IS NULL AND m.in_household "
                             "AND (?1 = 0 OR f.id = ?1) AND (?2 = 0 OR f.team_id = ?2) "
                             "ORDER BY f.id, m.position, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  sqlite3_bind_int64 (stmt, 2, team_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      const char *start = _hel_column_text (stmt, 2);
      HelRole role = HEL_ROLE_OTHER_ADULT;
      int wave;
      g_autofree char *due_date = NULL;

      hel_role_from_code (_hel_column_text (stmt, 5), &role);
      if (start == NULL || hel_date_compare (start, ahead) > 0)
        continue;
      /* The latest wave whose date has come (or comes within two weeks). */
      wave = 0;
      for (;;)
        {
          g_autofree char *next = hel_wave_due_date (start, wave + interval);
          if (next == NULL || hel_date_compare (next, ahead) > 0)
            break;
          wave += interval;
        }
      due_date = hel_wave_due_date (start, wave);
      for (guint k = 0; k < HEL_N_INSTRUMENTS; k++)
        {
          HelDueMeasurement *due;
          const char *birth = _hel_column_text (stmt, 6);

          if (hel_instrument_kind_for_adults ((HelInstrumentKind) k) != hel_role_is_adult (role))
            continue;
          if (!hel_role_is_adult (role) && birth != NULL)
            {
              int age = hel_date_age_years (birth, due_date);
              if (age < 2 || age > 17)
                continue;
            }
          due = g_new0 (HelDueMeasurement, 1);
          due->family_id = sqlite3_column_int64 (stmt, 0);
          due->family_name = g_strdup (_hel_column_text (stmt, 1));
          due->member_id = sqlite3_column_int64 (stmt, 3);
          due->member_name = g_strdup (_hel_column_text (stmt, 4));
          due->instrument = (HelInstrumentKind) k;
          due->wave = wave;
          due->due_date = g_strdup (due_date);
          g_ptr_array_add (list, due);
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* Drop what is measured; mark what is late. */
  for (guint i = list->len; i > 0; i--)
    {
      HelDueMeasurement *due = g_ptr_array_index (list, i - 1);
      gboolean measured = FALSE;
      GDate late;

      stmt = _hel_store_prepare (self, "SELECT 1 FROM measurement WHERE member_id = ?1 AND "
                                       "instrument = ?2 AND wave = ?3", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, due->member_id);
      sqlite3_bind_text (stmt, 2, hel_instrument_kind_to_code (due->instrument), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, due->wave);
      measured = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (measured)
        {
          g_ptr_array_remove_index (list, i - 1);
          continue;
        }
      hel_date_to_gdate (due->due_date, &late);
      g_date_add_days (&late, HEL_DUE_GRACE_DAYS);
      {
        g_autofree char *late_iso = hel_date_from_gdate (&late);
        due->overdue = hel_date_compare (today, late_iso) > 0;
      }
    }
  g_ptr_array_sort (list, compare_due);
  return g_steal_pointer (&list);
}

/* ---- School absence ---- */

gboolean
hel_store_set_school_absence (HelStore   *self,
                              gint64      member_id,
                              const char *quarter,
                              double      percent,
                              char      **bad_field,
                              GError    **error)
{
  MemberContext context = { 0 };
  g_autofree char *last_day = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  gint64 family_id;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!load_member_context (self, member_id, &context, error))
    return FALSE;
  family_id = context.family_id;
  last_day = hel_quarter_last_day (quarter);
  if (last_day == NULL)
    {
      member_context_clear (&context);
      return invalid_at (bad_field, "quarter", error, _("Choose a quarter, e.g. 2025-Q3."));
    }
  if (context.birth_date != NULL && hel_date_compare (last_day, context.birth_date) < 0)
    {
      member_context_clear (&context);
      return invalid_at (bad_field, "quarter", error,
                         _("The quarter ended before the child was born."));
    }
  member_context_clear (&context);
  if (!isnan (percent) && !(percent >= 0 && percent <= 100))
    return invalid_at (bad_field, "percent", error,
                       _("School absence is a percentage from 0 to 100."));

  if (!hel_store_begin (self, error))
    return FALSE;
  if (isnan (percent))
    stmt = _hel_store_prepare (self, "DELETE FROM school_absence WHERE member_id = ?1 AND "
                                     "quarter = ?2", error);
  else
    stmt = _hel_store_prepare (self, "INSERT INTO school_absence (member_id, quarter, percent) "
                                     "VALUES (?1, ?2, ?3) ON CONFLICT (member_id, quarter) "
                                     "DO UPDATE SET percent = excluded.percent", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, member_id);
      sqlite3_bind_text (stmt, 2, quarter, -1, SQLITE_TRANSIENT);
      if (!isnan (percent))
        sqlite3_bind_double (stmt, 3, percent);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return _hel_store_finish (self, ok, "progress", family_id, error);
}

GPtrArray *
hel_store_list_school_absence (HelStore *self,
                               gint64    family_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_school_absence_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT a.id, a.member_id, a.quarter, a.percent FROM "
                                   "school_absence a JOIN member m ON m.id = a.member_id "
                                   "WHERE m.family_id = ?1 ORDER BY m.position, a.quarter", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelSchoolAbsence *a = g_new0 (HelSchoolAbsence, 1);
      a->id = sqlite3_column_int64 (stmt, 0);
      a->member_id = sqlite3_column_int64 (stmt, 1);
      a->quarter = g_strdup (_hel_column_text (stmt, 2));
      a->percent = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (list, a);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Notifications of concern ---- */

gboolean
hel_store_set_concern_notifications (HelStore *self,
                                     gint64    member_id,
                                     int       year,
                                     int       count,
                                     char    **bad_field,
                                     GError  **error)
{
  MemberContext context = { 0 };
  g_autofree char *today = hel_date_today ();
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  gint64 family_id;
  int birth_year = 0;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!load_member_context (self, member_id, &context, error))
    return FALSE;
  family_id = context.family_id;
  if (context.birth_date != NULL)
    birth_year = atoi (context.birth_date);
  member_context_clear (&context);
  if (year < 1990 || year > atoi (today) || (birth_year > 0 && year < birth_year))
    return invalid_at (bad_field, "year", error,
                       _("Choose a year from the child’s birth until this year."));
  if (count < -1 || count > 1000)
    return invalid_at (bad_field, "count", error,
                       _("The number of notifications is a whole number from 0."));

  if (!hel_store_begin (self, error))
    return FALSE;
  if (count < 0)
    stmt = _hel_store_prepare (self, "DELETE FROM concern_notification WHERE member_id = ?1 "
                                     "AND year = ?2", error);
  else
    stmt = _hel_store_prepare (self, "INSERT INTO concern_notification (member_id, year, count) "
                                     "VALUES (?1, ?2, ?3) ON CONFLICT (member_id, year) "
                                     "DO UPDATE SET count = excluded.count", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, member_id);
      sqlite3_bind_int (stmt, 2, year);
      if (count >= 0)
        sqlite3_bind_int (stmt, 3, count);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return _hel_store_finish (self, ok, "progress", family_id, error);
}

GPtrArray *
hel_store_list_concern_notifications (HelStore *self,
                                      gint64    family_id,
                                      GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_concern_notification_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT n.id, n.member_id, n.year, n.count FROM "
                                   "concern_notification n JOIN member m ON m.id = n.member_id "
                                   "WHERE m.family_id = ?1 ORDER BY m.position, n.year", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelConcernNotification *n = g_new0 (HelConcernNotification, 1);
      n->id = sqlite3_column_int64 (stmt, 0);
      n->member_id = sqlite3_column_int64 (stmt, 1);
      n->year = sqlite3_column_int (stmt, 2);
      n->count = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (list, n);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Interventions ---- */

gboolean
hel_store_save_intervention (HelStore        *self,
                             HelIntervention *intervention,
                             char           **bad_field,
                             GError         **error)
{
  MemberContext context = { 0 };
  g_autofree char *kind = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  gint64 family_id;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_text_require (intervention->kind, _("what the intervention is"), &kind, error))
    {
      if (bad_field)
        {
          g_free (*bad_field);
          *bad_field = g_strdup ("kind");
        }
      return FALSE;
    }
  if (!load_member_context (self, intervention->member_id, &context, error))
    return FALSE;
  family_id = context.family_id;
  /* An intervention may have begun before the family joined the project, not before birth. */
  ok = check_date (&context, intervention->start_date, FALSE, "start", bad_field, error);
  member_context_clear (&context);
  if (!ok)
    return FALSE;
  if (intervention->end_date != NULL && *intervention->end_date != '\0')
    {
      if (!hel_date_is_valid_iso (intervention->end_date))
        return invalid_at (bad_field, "end", error, _("Enter a date, e.g. 23.11.2026."));
      if (hel_date_compare (intervention->end_date, intervention->start_date) < 0)
        return invalid_at (bad_field, "end", error, _("The end is before the start."));
    }
  ok = FALSE;

  if (!hel_store_begin (self, error))
    return FALSE;
  if (intervention->id > 0)
    stmt = _hel_store_prepare (self, "UPDATE intervention SET member_id = ?2, kind = ?3, "
                                     "actor = ?4, start_date = ?5, end_date = ?6, "
                                     "employment_oriented = ?7, company_placement = ?8 "
                                     "WHERE id = ?1", error);
  else
    stmt = _hel_store_prepare (self, "INSERT INTO intervention (member_id, kind, actor, "
                                     "start_date, end_date, employment_oriented, "
                                     "company_placement) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                     "RETURNING id", error);
  if (stmt != NULL)
    {
      int rc;

      if (intervention->id > 0)
        sqlite3_bind_int64 (stmt, 1, intervention->id);
      sqlite3_bind_int64 (stmt, 2, intervention->member_id);
      sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
      _hel_bind_text_or_null (stmt, 4, intervention->actor);
      sqlite3_bind_text (stmt, 5, intervention->start_date, -1, SQLITE_TRANSIENT);
      _hel_bind_text_or_null (stmt, 6, intervention->end_date);
      sqlite3_bind_int (stmt, 7, intervention->employment_oriented);
      sqlite3_bind_int (stmt, 8, intervention->company_placement);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          intervention->id = sqlite3_column_int64 (stmt, 0);
          rc = sqlite3_step (stmt);
        }
      sqlite3_reset (stmt);
      ok = rc == SQLITE_DONE || _hel_store_fail (self, rc, error);
    }
  if (ok)
    {
      g_free (intervention->kind);
      intervention->kind = g_steal_pointer (&kind);
    }
  return _hel_store_finish (self, ok, "progress", family_id, error);
}

gboolean
hel_store_delete_intervention (HelStore *self,
                               gint64    intervention_id,
                               GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  return delete_row (self, "SELECT p.family_id FROM intervention i JOIN member p ON "
                           "p.id = i.member_id WHERE i.id = ?1",
                     "DELETE FROM intervention WHERE id = ?1", intervention_id,
                     _("The intervention no longer exists."), error);
}

GPtrArray *
hel_store_list_interventions (HelStore *self,
                              gint64    family_id,
                              GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_intervention_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT i.id, i.member_id, i.kind, i.actor, i.start_date, "
                                   "i.end_date, i.employment_oriented, i.company_placement FROM "
                                   "intervention i JOIN member m ON m.id = i.member_id "
                                   "WHERE m.family_id = ?1 ORDER BY i.start_date, i.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelIntervention *i = g_new0 (HelIntervention, 1);
      i->id = sqlite3_column_int64 (stmt, 0);
      i->member_id = sqlite3_column_int64 (stmt, 1);
      i->kind = g_strdup (_hel_column_text (stmt, 2));
      i->actor = g_strdup (_hel_column_text (stmt, 3));
      i->start_date = g_strdup (_hel_column_text (stmt, 4));
      i->end_date = g_strdup (_hel_column_text (stmt, 5));
      i->employment_oriented = sqlite3_column_int (stmt, 6) != 0;
      i->company_placement = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (list, i);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Expenses ---- */

gboolean
hel_store_set_expense (HelStore      *self,
                       gint64         family_id,
                       const char    *quarter,
                       HelDepartment  department,
                       gint64         amount,
                       char         **bad_field,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_quarter_parse (quarter, NULL, NULL))
    return invalid_at (bad_field, "quarter", error, _("Choose a quarter, e.g. 2025-Q3."));
  if (department >= HEL_N_DEPARTMENTS)
    return invalid_at (bad_field, "department", error, _("Choose a department."));
  if (amount < -1 || amount > G_GINT64_CONSTANT (10000000000))
    return invalid_at (bad_field, "amount", error,
                       _("An expense is an amount in whole kroner from 0."));

  if (!hel_store_begin (self, error))
    return FALSE;
  if (amount < 0)
    stmt = _hel_store_prepare (self, "DELETE FROM expense WHERE family_id = ?1 AND quarter = ?2 "
                                     "AND department = ?3", error);
  else
    stmt = _hel_store_prepare (self, "INSERT INTO expense (family_id, quarter, department, amount) "
                                     "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (family_id, quarter, "
                                     "department) DO UPDATE SET amount = excluded.amount", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, family_id);
      sqlite3_bind_text (stmt, 2, quarter, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, hel_department_to_code (department), -1, SQLITE_STATIC);
      if (amount >= 0)
        sqlite3_bind_int64 (stmt, 4, amount);
      ok = _hel_store_step_done (self, stmt, error);
      if (!ok && g_error_matches (*error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID))
        {
          g_clear_error (error);
          g_set_error_literal (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                               _("The family no longer exists."));
        }
    }
  return _hel_store_finish (self, ok, "progress", family_id, error);
}

GPtrArray *
hel_store_list_expenses (HelStore *self,
                         gint64    family_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_expense_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT id, family_id, quarter, department, amount FROM "
                                   "expense WHERE family_id = ?1 ORDER BY quarter, department",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelExpense *e = g_new0 (HelExpense, 1);
      e->id = sqlite3_column_int64 (stmt, 0);
      e->family_id = sqlite3_column_int64 (stmt, 1);
      e->quarter = g_strdup (_hel_column_text (stmt, 2));
      if (!hel_department_from_code (_hel_column_text (stmt, 3), &e->department))
        e->department = HEL_DEPT_HEALTH_CULTURE;
      e->amount = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (list, e);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
