/* hel-statistics.c: the pooled tables of the status report and the project charts. The heavy
 * lifting is SQL (one GROUP BY per table, indexed), so the project's WHO-5 chart over ten thousand
 * measurements stays a matter of milliseconds. Nothing here names a person. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hel-statistics.h"
#include "hel-store-private.h"
#include "hel-store-progress.h"
#include "hel-validate.h"

/* The families a table counts: team, active/ended. Every query names f the family. */
#define FAMILY_FILTER \
  "(:team = 0 OR f.team_id = :team) AND (:families = 0 OR " \
  "(:families = 1 AND f.end_date IS NULL) OR (:families = 2 AND f.end_date IS NOT NULL))"
#define DATE_FILTER(column) \
  "(:from IS NULL OR " column " >= :from) AND (:to IS NULL OR " column " <= :to)"
#define ADULT_ROLES "('mother', 'father', 'foster-parent', 'other-adult')"

void
hel_statistics_filter_init (HelStatisticsFilter *filter)
{
  memset (filter, 0, sizeof *filter);
}

void
hel_statistics_filter_clear (HelStatisticsFilter *filter)
{
  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
}

gboolean
hel_statistics_count_hidden (guint n)
{
  return n > 0 && n < HEL_STATISTICS_MIN_COUNT;
}

char *
hel_statistics_format_count (guint n)
{
  if (hel_statistics_count_hidden (n))
    return g_strdup ("<5");
  return g_strdup_printf ("%u", n);
}

char *
hel_statistics_format_share (guint n,
                             guint total)
{
  if (hel_statistics_count_hidden (n) || total == 0)
    return g_strdup ("–");
  /* Translators: a share in whole percent, e.g. “25 %” */
  return g_strdup_printf (_("%.0f %%"), 100.0 * n / total);
}

char *
hel_statistics_format_amount (gint64 amount)
{
  /* Translators: the thousands separator of amounts; Danish writes 7.148.508 */
  const char *separator = C_("thousands separator", ",");
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, amount < 0 ? -amount : amount);
  GString *text = g_string_new (amount < 0 ? "-" : "");
  size_t len = strlen (digits);

  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/* No team, all families, no period: the whole project. */
static gboolean
filter_is_everything (const HelStatisticsFilter *filter)
{
  return filter == NULL ||
         (filter->team_id == 0 && filter->families == 0 && filter->from == NULL &&
          filter->to == NULL);
}

/* Binds whichever of the filter's parameters the statement has. */
static void
bind_filter (sqlite3_stmt              *stmt,
             const HelStatisticsFilter *filter)
{
  HelStatisticsFilter everything;
  int i;

  /* NULL: everything, as for the charts. */
  if (filter == NULL)
    {
      hel_statistics_filter_init (&everything);
      filter = &everything;
    }
  if ((i = sqlite3_bind_parameter_index (stmt, ":team")) > 0)
    sqlite3_bind_int64 (stmt, i, filter->team_id);
  if ((i = sqlite3_bind_parameter_index (stmt, ":families")) > 0)
    sqlite3_bind_int (stmt, i, (int) filter->families);
  if ((i = sqlite3_bind_parameter_index (stmt, ":from")) > 0)
    _hel_bind_text_or_null (stmt, i, filter->from);
  if ((i = sqlite3_bind_parameter_index (stmt, ":to")) > 0)
    _hel_bind_text_or_null (stmt, i, filter->to);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i > 0)
    _hel_bind_text_or_null (stmt, i, value);
}

/* The quarters a per-quarter table spans: from the filter's start (or the first family's start)
 * to its end (or today), the last HEL_STATISTICS_MAX_QUARTERS of them. */
static GPtrArray *
quarter_range (HelStore                  *store,
               const HelStatisticsFilter *filter,
               GError                   **error)
{
  g_autoptr(GPtrArray) quarters = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_day = g_strdup (filter->from);
  g_autofree char *last_day = filter->to ? g_strdup (filter->to) : hel_date_today ();
  g_autofree char *quarter = NULL;
  g_autofree char *last = NULL;

  if (first_day == NULL)
    {
      sqlite3_stmt *stmt = _hel_store_prepare (store, "SELECT min(f.start_date) FROM family f "
                                                      "WHERE " FAMILY_FILTER, error);
      if (stmt == NULL)
        return NULL;
      bind_filter (stmt, filter);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        first_day = g_strdup (_hel_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (first_day == NULL)
    return g_steal_pointer (&quarters);
  quarter = hel_quarter_for_date (first_day);
  last = hel_quarter_for_date (last_day);
  if (quarter == NULL || last == NULL)
    return g_steal_pointer (&quarters);
  while (strcmp (quarter, last) <= 0)
    {
      char *next = hel_quarter_next (quarter);
      g_ptr_array_add (quarters, g_steal_pointer (&quarter));
      quarter = next;
    }
  if (quarters->len > HEL_STATISTICS_MAX_QUARTERS)
    g_ptr_array_remove_range (quarters, 0, quarters->len - HEL_STATISTICS_MAX_QUARTERS);
  return g_steal_pointer (&quarters);
}

/* ---- Who is counted ---- */

gboolean
hel_statistics_counts (HelStore                  *store,
                       const HelStatisticsFilter *filter,
                       HelStatisticsCounts       *counts,
                       GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEL_IS_STORE (store), FALSE);

  memset (counts, 0, sizeof *counts);
  stmt = _hel_store_prepare (store,
                             "SELECT count(*), coalesce(sum(f.end_date IS NULL), 0), "
                             "  (SELECT count(*) FROM member p JOIN family f ON f.id = p.family_id "
                             "   WHERE p.in_household AND p.role IN " ADULT_ROLES " AND "
                             FAMILY_FILTER "), "
                             "  (SELECT count(*) FROM member p JOIN family f ON f.id = p.family_id "
                             "   WHERE p.in_household AND p.role NOT IN " ADULT_ROLES " AND "
                             FAMILY_FILTER ") "
                             "FROM family f WHERE " FAMILY_FILTER, error);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter);
  if (!_hel_store_step_rows (store, stmt, error))
    return FALSE;
  counts->n_families = (guint) sqlite3_column_int (stmt, 0);
  counts->n_active = (guint) sqlite3_column_int (stmt, 1);
  counts->n_adults = (guint) sqlite3_column_int (stmt, 2);
  counts->n_children = (guint) sqlite3_column_int (stmt, 3);
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- WHO-5 ---- */

GArray *
hel_statistics_who5_by_wave (HelStore                  *store,
                             const HelStatisticsFilter *filter,
                             GError                   **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (HelWho5Wave));
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  /* A score is stored only for a complete WHO-5, so "score IS NOT NULL" is "complete". The
   * whole project is one walk of the (instrument, wave, score) index, without touching a row;
   * a filter needs each measurement's family. */
  if (filter_is_everything (filter))
    stmt = _hel_store_prepare (store,
                               "SELECT m.wave, count(*), avg(m.score), "
                               "  sum(m.score <= 28), sum(m.score > 28 AND m.score <= 50), "
                               "  sum(m.score > 50) "
                               "FROM measurement m "
                               "WHERE m.instrument = 'who5' AND m.score IS NOT NULL "
                               "GROUP BY m.wave ORDER BY m.wave",
                               error);
  else
    stmt = _hel_store_prepare (store,
                               "SELECT m.wave, count(*), avg(m.score), "
                               "  sum(m.score <= 28), sum(m.score > 28 AND m.score <= 50), "
                               "  sum(m.score > 50) "
                               "FROM measurement m JOIN member p ON p.id = m.member_id "
                               "JOIN family f ON f.id = p.family_id "
                               "WHERE m.instrument = 'who5' AND m.score IS NOT NULL AND "
                               FAMILY_FILTER " AND " DATE_FILTER ("m.date")
                               " GROUP BY m.wave ORDER BY m.wave",
                               error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  while (_hel_store_step_rows (store, stmt, &local_error))
    {
      HelWho5Wave row = { 0 };

      row.wave = sqlite3_column_int (stmt, 0);
      row.n = (guint) sqlite3_column_int (stmt, 1);
      row.mean = sqlite3_column_double (stmt, 2);
      row.n_band[HEL_WHO5_BAND_DEPRESSION] = (guint) sqlite3_column_int (stmt, 3);
      row.n_band[HEL_WHO5_BAND_POOR] = (guint) sqlite3_column_int (stmt, 4);
      row.n_band[HEL_WHO5_BAND_GOOD] = (guint) sqlite3_column_int (stmt, 5);
      g_array_append_val (rows, row);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ---- SDQ ---- */

static gboolean
count_sdq_bands (HelStore                  *store,
                 const HelStatisticsFilter *filter,
                 const char                *sql,
                 const HelSdqBandTable     *bands,
                 guint                     *n,
                 guint                     *counts,
                 GError                   **error)
{
  sqlite3_stmt *stmt = _hel_store_prepare (store, sql, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter);
  while (_hel_store_step_rows (store, stmt, &local_error))
    {
      /* Banded by today's table, so a changed table changes the picture at once. */
      int band = hel_sdq_band_for_total (bands, sqlite3_column_int (stmt, 0));
      if (band >= 0)
        {
          counts[band]++;
          (*n)++;
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
hel_statistics_sdq_shares (HelStore                  *store,
                           const HelStatisticsFilter *filter,
                           HelSdqShares              *shares,
                           GError                   **error)
{
  g_return_val_if_fail (HEL_IS_STORE (store), FALSE);

  memset (shares, 0, sizeof *shares);
  if (!hel_store_load_sdq_bands (store, &shares->bands, error))
    return FALSE;
  return count_sdq_bands (store, filter,
                          "SELECT m.score FROM measurement m JOIN member p ON p.id = m.member_id "
                          "JOIN family f ON f.id = p.family_id WHERE m.instrument = 'sdq' AND "
                          "m.complete AND m.wave = 0 AND " FAMILY_FILTER " AND "
                          DATE_FILTER ("m.date"),
                          &shares->bands, &shares->n_baseline, shares->baseline, error) &&
         count_sdq_bands (store, filter,
                          "SELECT m.score FROM measurement m JOIN member p ON p.id = m.member_id "
                          "JOIN family f ON f.id = p.family_id WHERE m.instrument = 'sdq' AND "
                          "m.complete AND m.wave > 0 AND " FAMILY_FILTER " AND "
                          DATE_FILTER ("m.date") " AND m.wave = (SELECT max(m2.wave) FROM "
                          "measurement m2 WHERE m2.member_id = m.member_id AND m2.instrument = "
                          "'sdq' AND m2.complete AND m2.wave > 0 AND " DATE_FILTER ("m2.date") ")",
                          &shares->bands, &shares->n_latest, shares->latest, error);
}

/* ---- School absence ---- */

void
hel_absence_table_free (HelAbsenceTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->quarters);
  g_free (table);
}

HelAbsenceTable *
hel_statistics_absence (HelStore                  *store,
                        const HelStatisticsFilter *filter,
                        GError                   **error)
{
  g_autoptr(HelAbsenceTable) table = g_new0 (HelAbsenceTable, 1);
  g_autoptr(GPtrArray) range = NULL;
  g_autoptr(GArray) sums = g_array_new (FALSE, TRUE, sizeof (double));
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  double sum_first = 0, sum_last = 0;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  table->quarters = g_array_new (FALSE, TRUE, sizeof (HelAbsenceQuarter));
  table->mean_both_first = table->mean_both_last = NAN;
  range = quarter_range (store, filter, error);
  if (range == NULL)
    return NULL;
  if (range->len == 0)
    return g_steal_pointer (&table);

  stmt = _hel_store_prepare (store,
                             "SELECT a.quarter, a.member_id, a.percent FROM school_absence a "
                             "JOIN member p ON p.id = a.member_id JOIN family f ON f.id = p.family_id "
                             "WHERE " FAMILY_FILTER " AND a.quarter BETWEEN :qfirst AND :qlast "
                             "ORDER BY a.quarter, a.member_id", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  bind_named_text (stmt, ":qfirst", range->pdata[0]);
  bind_named_text (stmt, ":qlast", range->pdata[range->len - 1]);
  while (_hel_store_step_rows (store, stmt, &local_error))
    {
      const char *quarter = _hel_column_text (stmt, 0);
      double percent = sqlite3_column_double (stmt, 2);
      HelAbsenceQuarter *row;
      int bucket = hel_absence_bucket_for_percent (percent);

      if (table->quarters->len == 0 ||
          strcmp (g_array_index (table->quarters, HelAbsenceQuarter,
                                 table->quarters->len - 1).quarter, quarter) != 0)
        {
          HelAbsenceQuarter fresh = { { 0 } };
          double zero = 0;

          g_strlcpy (fresh.quarter, quarter, sizeof fresh.quarter);
          g_array_append_val (table->quarters, fresh);
          g_array_append_val (sums, zero);
        }
      row = &g_array_index (table->quarters, HelAbsenceQuarter, table->quarters->len - 1);
      if (bucket < 0)
        continue;
      row->counts[bucket]++;
      row->n++;
      g_array_index (sums, double, sums->len - 1) += percent;
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  for (guint i = 0; i < table->quarters->len; i++)
    {
      HelAbsenceQuarter *row = &g_array_index (table->quarters, HelAbsenceQuarter, i);
      row->mean = row->n ? g_array_index (sums, double, i) / row->n : NAN;
    }

  if (table->quarters->len >= 2)
    {
      const HelAbsenceQuarter *last_row;
      g_autofree char *year_before = NULL;
      int y, q;

      table->compare_last = table->quarters->len - 1;
      last_row = &g_array_index (table->quarters, HelAbsenceQuarter, table->compare_last);
      hel_quarter_parse (last_row->quarter, &y, &q);
      year_before = g_strdup_printf ("%04d-Q%d", y - 1, q);
      table->compare_first = 0;
      for (guint i = 0; i < table->compare_last; i++)
        if (strcmp (g_array_index (table->quarters, HelAbsenceQuarter, i).quarter,
                    year_before) <= 0)
          table->compare_first = i;

      stmt = _hel_store_prepare (store,
                                 "SELECT a.percent, b.percent FROM school_absence a "
                                 "JOIN school_absence b ON b.member_id = a.member_id "
                                 "JOIN member p ON p.id = a.member_id "
                                 "JOIN family f ON f.id = p.family_id "
                                 "WHERE a.quarter = :qfirst AND b.quarter = :qlast AND "
                                 FAMILY_FILTER, error);
      if (stmt == NULL)
        return NULL;
      bind_filter (stmt, filter);
      bind_named_text (stmt, ":qfirst", g_array_index (table->quarters, HelAbsenceQuarter,
                                                       table->compare_first).quarter);
      bind_named_text (stmt, ":qlast", last_row->quarter);
      while (_hel_store_step_rows (store, stmt, &local_error))
        {
          table->n_both++;
          sum_first += sqlite3_column_double (stmt, 0);
          sum_last += sqlite3_column_double (stmt, 1);
        }
      if (local_error)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (table->n_both > 0)
        {
          table->mean_both_first = sum_first / table->n_both;
          table->mean_both_last = sum_last / table->n_both;
        }
    }
  return g_steal_pointer (&table);
}

/* ---- Adults per quarter ---- */

GArray *
hel_statistics_adults_by_quarter (HelStore                  *store,
                                  const HelStatisticsFilter *filter,
                                  GError                   **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (HelAdultsQuarter));
  g_autoptr(GPtrArray) range = quarter_range (store, filter, error);
  GError *local_error = NULL;

  if (range == NULL)
    return NULL;
  for (guint q = 0; q < range->len; q++)
    {
      g_autofree char *start = hel_quarter_first_day (range->pdata[q]);
      g_autofree char *end = hel_quarter_last_day (range->pdata[q]);
      HelAdultsQuarter row = { { 0 } };
      sqlite3_stmt *stmt;

      g_strlcpy (row.quarter, range->pdata[q], sizeof row.quarter);
      stmt = _hel_store_prepare (store,
                                 "SELECT (SELECT ip.kind FROM income_period ip WHERE "
                                 "  ip.member_id = p.id AND ip.start_date <= :qend "
                                 "  ORDER BY ip.start_date DESC LIMIT 1) AS kind, count(*) "
                                 "FROM member p JOIN family f ON f.id = p.family_id "
                                 "WHERE p.in_household AND p.role IN " ADULT_ROLES " AND "
                                 "f.start_date <= :qend AND (f.end_date IS NULL OR "
                                 "f.end_date >= :qstart) AND " FAMILY_FILTER " GROUP BY kind",
                                 error);
      if (stmt == NULL)
        return NULL;
      bind_filter (stmt, filter);
      bind_named_text (stmt, ":qstart", start);
      bind_named_text (stmt, ":qend", end);
      while (_hel_store_step_rows (store, stmt, &local_error))
        {
          HelIncomeKind kind;
          guint n = (guint) sqlite3_column_int (stmt, 1);

          row.n_adults += n;
          if (hel_income_kind_from_code (_hel_column_text (stmt, 0), &kind))
            row.counts[kind] += n;
        }
      if (local_error)
        break;

      stmt = _hel_store_prepare (store,
                                 "SELECT count(DISTINCT CASE WHEN i.employment_oriented AND "
                                 "  i.start_date <= :qend AND (i.end_date IS NULL OR "
                                 "  i.end_date >= :qend) THEN i.member_id END), "
                                 "count(DISTINCT CASE WHEN i.company_placement AND "
                                 "  i.start_date <= :qend AND (i.end_date IS NULL OR "
                                 "  i.end_date >= :qend) THEN i.member_id END), "
                                 "count(DISTINCT CASE WHEN i.company_placement AND "
                                 "  i.start_date <= :qend AND (i.end_date IS NULL OR "
                                 "  i.end_date >= :qstart) THEN i.member_id END) "
                                 "FROM intervention i JOIN member p ON p.id = i.member_id "
                                 "JOIN family f ON f.id = p.family_id WHERE p.role IN "
                                 ADULT_ROLES " AND " FAMILY_FILTER, error);
      if (stmt == NULL)
        return NULL;
      bind_filter (stmt, filter);
      bind_named_text (stmt, ":qstart", start);
      bind_named_text (stmt, ":qend", end);
      if (_hel_store_step_rows (store, stmt, &local_error))
        {
          row.n_in_offer = (guint) sqlite3_column_int (stmt, 0);
          row.n_in_placement = (guint) sqlite3_column_int (stmt, 1);
          row.n_placement_during = (guint) sqlite3_column_int (stmt, 2);
          sqlite3_reset (stmt);
        }
      if (local_error)
        break;
      g_array_append_val (rows, row);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ---- Notifications ---- */

GArray *
hel_statistics_notifications_by_year (HelStore                  *store,
                                      const HelStatisticsFilter *filter,
                                      GError                   **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (HelNotificationYear));
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  int from_year = filter->from ? atoi (filter->from) : 0;
  int to_year = filter->to ? atoi (filter->to) : 9999;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  stmt = _hel_store_prepare (store,
                             "SELECT n.year, sum(n.count) FROM concern_notification n "
                             "JOIN member p ON p.id = n.member_id JOIN family f ON f.id = p.family_id "
                             "WHERE " FAMILY_FILTER " AND n.year BETWEEN :yfrom AND :yto "
                             "GROUP BY n.year ORDER BY n.year", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":yfrom"), from_year);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":yto"), to_year);
  while (_hel_store_step_rows (store, stmt, &local_error))
    {
      HelNotificationYear row = { 0 };
      row.year = sqlite3_column_int (stmt, 0);
      row.notifications = (guint) sqlite3_column_int (stmt, 1);
      g_array_append_val (rows, row);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* Per child: the children of the families counted, born by the end of the year (as the seed
   * counts the notifications of the children now in the project, year by year). */
  for (guint i = 0; i < rows->len; i++)
    {
      HelNotificationYear *row = &g_array_index (rows, HelNotificationYear, i);
      g_autofree char *year_end = g_strdup_printf ("%04d-12-31", row->year);

      stmt = _hel_store_prepare (store,
                                 "SELECT count(*) FROM member p JOIN family f ON f.id = p.family_id "
                                 "WHERE p.in_household AND p.role NOT IN " ADULT_ROLES " AND "
                                 "(p.birth_date IS NULL OR p.birth_date <= :yend) AND "
                                 FAMILY_FILTER, error);
      if (stmt == NULL)
        return NULL;
      bind_filter (stmt, filter);
      bind_named_text (stmt, ":yend", year_end);
      if (_hel_store_step_rows (store, stmt, &local_error))
        {
          row->n_children = (guint) sqlite3_column_int (stmt, 0);
          sqlite3_reset (stmt);
        }
      if (local_error)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      row->per_child = row->n_children ? (double) row->notifications / row->n_children : NAN;
    }
  return g_steal_pointer (&rows);
}

/* ---- Economy ---- */

void
hel_economy_table_free (HelEconomyTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->quarters);
  g_array_unref (table->amounts);
  g_free (table);
}

gint64
hel_economy_table_get (const HelEconomyTable *table,
                       guint                  quarter,
                       HelDepartment          department)
{
  g_return_val_if_fail (department < HEL_N_DEPARTMENTS, 0);
  if (quarter == HEL_ECONOMY_BASELINE)
    return table->baseline[department];
  g_return_val_if_fail (quarter < table->quarters->len, 0);
  return g_array_index (table->amounts, gint64, quarter * HEL_N_DEPARTMENTS + department);
}

gint64
hel_economy_table_family_employment (const HelEconomyTable *table,
                                     guint                  quarter)
{
  gint64 sum = 0;

  for (guint d = 0; d < HEL_DEPT_N_FAMILY_EMPLOYMENT; d++)
    sum += hel_economy_table_get (table, quarter, (HelDepartment) d);
  return sum;
}

gint64
hel_economy_table_total (const HelEconomyTable *table,
                         guint                  quarter)
{
  gint64 sum = 0;

  for (guint d = 0; d < HEL_N_DEPARTMENTS; d++)
    sum += hel_economy_table_get (table, quarter, (HelDepartment) d);
  return sum;
}

/* The families counted: in the filter, with figures in the latest quarter. */
#define ECONOMY_FAMILIES \
  FAMILY_FILTER " AND e.family_id IN (SELECT family_id FROM expense WHERE quarter = :qlatest)"

HelEconomyTable *
hel_statistics_economy (HelStore                  *store,
                        const HelStatisticsFilter *filter,
                        GError                   **error)
{
  g_autoptr(HelEconomyTable) table = g_new0 (HelEconomyTable, 1);
  g_autoptr(GPtrArray) range = NULL;
  g_autofree char *latest = NULL;
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  table->quarters = g_ptr_array_new_with_free_func (g_free);
  table->amounts = g_array_new (FALSE, TRUE, sizeof (gint64));
  range = quarter_range (store, filter, error);
  if (range == NULL)
    return NULL;
  if (range->len == 0)
    return g_steal_pointer (&table);

  stmt = _hel_store_prepare (store,
                             "SELECT max(e.quarter) FROM expense e JOIN family f ON "
                             "f.id = e.family_id WHERE " FAMILY_FILTER " AND "
                             "e.quarter BETWEEN :qfirst AND :qlast", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  bind_named_text (stmt, ":qfirst", range->pdata[0]);
  bind_named_text (stmt, ":qlast", range->pdata[range->len - 1]);
  if (_hel_store_step_rows (store, stmt, &local_error))
    {
      latest = g_strdup (_hel_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (latest == NULL)
    return g_steal_pointer (&table);

  stmt = _hel_store_prepare (store,
                             "SELECT e.quarter, e.department, sum(e.amount) FROM expense e "
                             "JOIN family f ON f.id = e.family_id WHERE " ECONOMY_FAMILIES " AND "
                             "e.quarter BETWEEN :qfirst AND :qlatest "
                             "GROUP BY e.quarter, e.department ORDER BY e.quarter", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  bind_named_text (stmt, ":qfirst", range->pdata[0]);
  bind_named_text (stmt, ":qlatest", latest);
  while (_hel_store_step_rows (store, stmt, &local_error))
    {
      const char *quarter = _hel_column_text (stmt, 0);
      HelDepartment dept;

      if (table->quarters->len == 0 ||
          strcmp (g_ptr_array_index (table->quarters, table->quarters->len - 1), quarter) != 0)
        {
          g_ptr_array_add (table->quarters, g_strdup (quarter));
          g_array_set_size (table->amounts, table->quarters->len * HEL_N_DEPARTMENTS);
        }
      if (hel_department_from_code (_hel_column_text (stmt, 1), &dept))
        g_array_index (table->amounts, gint64,
                       (table->quarters->len - 1) * HEL_N_DEPARTMENTS + dept) =
          sqlite3_column_int64 (stmt, 2);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* Each family's own first quarter is its economic baseline. */
  stmt = _hel_store_prepare (store,
                             "SELECT e.department, sum(e.amount) FROM expense e "
                             "JOIN family f ON f.id = e.family_id WHERE " ECONOMY_FAMILIES " AND "
                             "e.quarter = (SELECT min(e2.quarter) FROM expense e2 WHERE "
                             "  e2.family_id = e.family_id AND e2.quarter >= :qfirst) "
                             "GROUP BY e.department", error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  bind_named_text (stmt, ":qfirst", range->pdata[0]);
  bind_named_text (stmt, ":qlatest", latest);
  while (_hel_store_step_rows (store, stmt, &local_error))
    {
      HelDepartment dept;
      if (hel_department_from_code (_hel_column_text (stmt, 0), &dept))
        table->baseline[dept] = sqlite3_column_int64 (stmt, 1);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  stmt = _hel_store_prepare (store,
                             "SELECT count(DISTINCT e.family_id) FROM expense e JOIN family f ON "
                             "f.id = e.family_id WHERE " FAMILY_FILTER " AND e.quarter = :qlatest",
                             error);
  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  bind_named_text (stmt, ":qlatest", latest);
  if (_hel_store_step_rows (store, stmt, error))
    {
      table->n_families = (guint) sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&table);
}
