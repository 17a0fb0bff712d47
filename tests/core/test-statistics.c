/* test-statistics.c: the pooled tables against a small, hand-counted project: WHO-5 per wave,
 * SDQ shares, absence buckets at their edges, income support, employment, notifications,
 * the economy, the filters and the "<5" rule. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "hel-statistics.h"
#include "hel-store-progress.h"

typedef struct {
  char     *dir;
  char     *path;
  HelStore *store;
  gint64    team_a, team_b;
  gint64    f1, f2, f3;
  gint64    m1, d1, c1, c2, m2, c3, m3, c4;
} Fixture;

static gint64
add_team (Fixture    *f,
          const char *name)
{
  g_autoptr(HelTeam) team = hel_team_new (0, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (hel_store_save_team (f->store, team, &error));
  return hel_team_get_id (team);
}

static gint64
add_family (Fixture    *f,
            const char *name,
            gint64      team,
            const char *start,
            const char *end)
{
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(GError) error = NULL;

  hel_family_set_name (family, name);
  hel_family_set_team_id (family, team);
  hel_family_set_start_date (family, start);
  if (end != NULL)
    {
      hel_family_set_end_date (family, end);
      hel_family_set_end_reason (family, HEL_END_MOVED);
    }
  g_assert_true (hel_store_save_family (f->store, family, &error));
  g_assert_no_error (error);
  return hel_family_get_id (family);
}

static gint64
add_member (Fixture    *f,
            gint64      family,
            HelRole     role,
            const char *name,
            const char *born)
{
  g_autoptr(HelMember) member = hel_member_new ();
  g_autoptr(GError) error = NULL;

  hel_member_set_family_id (member, family);
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, name);
  hel_member_set_birth_date (member, born);
  g_assert_true (hel_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  return hel_member_get_id (member);
}

static void
add_who5 (Fixture    *f,
          gint64      member,
          const char *date,
          int         a1,
          int         a2,
          int         a3,
          int         a4,
          int         a5)
{
  g_autoptr(HelMeasurement) m = hel_measurement_new (member, HEL_INSTRUMENT_WHO5, date);
  g_autoptr(GError) error = NULL;
  int answers[] = { a1, a2, a3, a4, a5 };

  m->wave = -1;
  for (guint i = 0; i < 5; i++)
    {
      char key[4];
      g_snprintf (key, sizeof key, "%u", i + 1);
      hel_measurement_set_answer (m, key, answers[i]);
    }
  g_assert_true (hel_store_save_measurement (f->store, m, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* An SDQ with the four difficulty scales adding up to @total. */
static void
add_sdq (Fixture    *f,
         gint64      member,
         const char *date,
         int         total)
{
  g_autoptr(HelMeasurement) m = hel_measurement_new (member, HEL_INSTRUMENT_SDQ, date);
  g_autoptr(GError) error = NULL;
  int left = total;

  m->wave = -1;
  for (guint i = 0; i < 4; i++)
    {
      int v = MIN (left, 10);
      hel_measurement_set_answer (m, hel_sdq_field_code (i), v);
      left -= v;
    }
  hel_measurement_set_answer (m, "prosocial", 6);
  g_assert_true (hel_store_save_measurement (f->store, m, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
add_absence (Fixture    *f,
             gint64      member,
             const char *quarter,
             double      percent)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hel_store_set_school_absence (f->store, member, quarter, percent, NULL, &error));
  g_assert_no_error (error);
}

static void
add_income (Fixture      *f,
            gint64        member,
            HelIncomeKind kind,
            const char   *since)
{
  g_autoptr(HelIncomePeriod) period = hel_income_period_new (member, kind, since);
  g_autoptr(GError) error = NULL;

  g_assert_true (hel_store_add_income_period (f->store, period, &error));
  g_assert_no_error (error);
}

static void
add_intervention (Fixture    *f,
                  gint64      member,
                  const char *kind,
                  const char *start,
                  const char *end,
                  gboolean    placement)
{
  g_autoptr(HelIntervention) i = g_new0 (HelIntervention, 1);
  g_autoptr(GError) error = NULL;

  i->member_id = member;
  i->kind = g_strdup (kind);
  i->start_date = g_strdup (start);
  i->end_date = g_strdup (end);
  i->employment_oriented = TRUE;
  i->company_placement = placement;
  g_assert_true (hel_store_save_intervention (f->store, i, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-statistics-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "statistics.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->team_a = add_team (f, "Øst");
  f->team_b = add_team (f, "Sydvest");
  f->f1 = add_family (f, "Familien Et", f->team_a, "2024-01-15", NULL);
  f->f2 = add_family (f, "Familien To", f->team_a, "2024-02-01", "2024-12-01");
  f->f3 = add_family (f, "Familien Tre", f->team_b, "2024-03-01", NULL);
  f->m1 = add_member (f, f->f1, HEL_ROLE_MOTHER, "Anne", "1985-01-01");
  f->d1 = add_member (f, f->f1, HEL_ROLE_FATHER, "Bo", "1983-01-01");
  f->c1 = add_member (f, f->f1, HEL_ROLE_CHILD, "Carl", "2012-01-01");
  f->c2 = add_member (f, f->f1, HEL_ROLE_CHILD, "Dea", "2014-01-01");
  f->m2 = add_member (f, f->f2, HEL_ROLE_MOTHER, "Eva", "1990-01-01");
  f->c3 = add_member (f, f->f2, HEL_ROLE_CHILD, "Finn", "2013-01-01");
  f->m3 = add_member (f, f->f3, HEL_ROLE_MOTHER, "Gitte", "1987-01-01");
  f->c4 = add_member (f, f->f3, HEL_ROLE_CHILD, "Hans", "2011-01-01");

  /* WHO-5: baseline 40, 48, 20, 60 (mean 42); 4 months 52, 64 (mean 58). */
  add_who5 (f, f->m1, "2024-01-20", 2, 2, 2, 2, 2);
  add_who5 (f, f->d1, "2024-01-21", 3, 3, 2, 2, 2);
  add_who5 (f, f->m2, "2024-02-05", 1, 1, 1, 1, 1);
  add_who5 (f, f->m3, "2024-03-05", 3, 3, 3, 3, 3);
  add_who5 (f, f->m1, "2024-05-15", 3, 3, 3, 2, 2);
  add_who5 (f, f->m3, "2024-07-01", 4, 3, 3, 3, 3);

  /* SDQ totals: baseline 18, 15, 10, 20; later 12 (8 months) and 16 (4 months). */
  add_sdq (f, f->c1, "2024-01-20", 18);
  add_sdq (f, f->c2, "2024-01-20", 15);
  add_sdq (f, f->c3, "2024-02-05", 10);
  add_sdq (f, f->c4, "2024-03-05", 20);
  add_sdq (f, f->c1, "2024-09-15", 12);
  add_sdq (f, f->c3, "2024-06-01", 16);

  /* Absence at the bucket edges: 0, 5.0, 10, 30; later 5.1, 20, 90. */
  add_absence (f, f->c1, "2024-Q1", 0);
  add_absence (f, f->c2, "2024-Q1", 5.0);
  add_absence (f, f->c3, "2024-Q1", 10);
  add_absence (f, f->c4, "2024-Q1", 30);
  add_absence (f, f->c1, "2024-Q4", 5.1);
  add_absence (f, f->c2, "2024-Q4", 20);
  add_absence (f, f->c4, "2024-Q4", 90);

  add_income (f, f->m1, HEL_INCOME_CASH_BENEFIT, "2020-01-01");
  add_income (f, f->m1, HEL_INCOME_SELF_SUPPORTING, "2024-06-01");
  add_income (f, f->d1, HEL_INCOME_RESOURCE_COURSE, "2019-01-01");
  add_income (f, f->m2, HEL_INCOME_CASH_BENEFIT, "2021-01-01");
  add_income (f, f->m3, HEL_INCOME_FLEX_JOB, "2022-01-01");

  add_intervention (f, f->m1, "Virksomhedspraktik", "2024-02-01", "2024-05-15", TRUE);
  add_intervention (f, f->d1, "Mentor", "2024-03-01", NULL, FALSE);

  g_assert_true (hel_store_set_concern_notifications (f->store, f->c1, 2024, 2, NULL, &error));
  g_assert_true (hel_store_set_concern_notifications (f->store, f->c3, 2024, 1, NULL, &error));
  g_assert_true (hel_store_set_concern_notifications (f->store, f->c4, 2023, 1, NULL, &error));

  g_assert_true (hel_store_set_expense (f->store, f->f1, "2024-Q1", HEL_DEPT_SCHOOL, 1000, NULL,
                                        &error));
  g_assert_true (hel_store_set_expense (f->store, f->f1, "2024-Q1", HEL_DEPT_FE_CHILD_FAMILY, 5000,
                                        NULL, &error));
  g_assert_true (hel_store_set_expense (f->store, f->f1, "2024-Q4", HEL_DEPT_SCHOOL, 1500, NULL,
                                        &error));
  g_assert_true (hel_store_set_expense (f->store, f->f1, "2024-Q4", HEL_DEPT_FE_CHILD_FAMILY, 4000,
                                        NULL, &error));
  g_assert_true (hel_store_set_expense (f->store, f->f3, "2024-Q1", HEL_DEPT_FE_INCOME_SUPPORT,
                                        2000, NULL, &error));
  g_assert_true (hel_store_set_expense (f->store, f->f3, "2024-Q4", HEL_DEPT_FE_INCOME_SUPPORT,
                                        2500, NULL, &error));
  /* The ended family has no figures in the latest quarter: it is not in the comparison. */
  g_assert_true (hel_store_set_expense (f->store, f->f2, "2024-Q1", HEL_DEPT_SCHOOL, 700, NULL,
                                        &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_assert_finalize_object (f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
year_2024 (HelStatisticsFilter *filter)
{
  hel_statistics_filter_init (filter);
  filter->from = g_strdup ("2024-01-01");
  filter->to = g_strdup ("2024-12-31");
}

static void
test_who5 (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) team_b = NULL;
  g_autoptr(GArray) ended = NULL;
  HelStatisticsFilter filter;
  HelWho5Wave *row;

  hel_statistics_filter_init (&filter);
  all = hel_statistics_who5_by_wave (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  row = &g_array_index (all, HelWho5Wave, 0);
  g_assert_cmpint (row->wave, ==, 0);
  g_assert_cmpuint (row->n, ==, 4);
  g_assert_cmpfloat_with_epsilon (row->mean, 42, 1e-9);
  g_assert_cmpuint (row->n_band[HEL_WHO5_BAND_DEPRESSION], ==, 1);
  g_assert_cmpuint (row->n_band[HEL_WHO5_BAND_POOR], ==, 2);
  g_assert_cmpuint (row->n_band[HEL_WHO5_BAND_GOOD], ==, 1);
  row = &g_array_index (all, HelWho5Wave, 1);
  g_assert_cmpint (row->wave, ==, 4);
  g_assert_cmpuint (row->n, ==, 2);
  g_assert_cmpfloat_with_epsilon (row->mean, 58, 1e-9);

  filter.team_id = f->team_b;
  team_b = hel_statistics_who5_by_wave (f->store, &filter, &error);
  g_assert_cmpuint (team_b->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (team_b, HelWho5Wave, 0).mean, 60, 1e-9);

  filter.team_id = 0;
  filter.families = HEL_STATISTICS_ENDED_FAMILIES;
  ended = hel_statistics_who5_by_wave (f->store, &filter, &error);
  g_assert_cmpuint (ended->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (ended, HelWho5Wave, 0).mean, 20, 1e-9);

  /* The period: only what was measured in it. */
  filter.families = HEL_STATISTICS_ALL_FAMILIES;
  filter.from = g_strdup ("2024-05-01");
  g_clear_pointer (&all, g_array_unref);
  all = hel_statistics_who5_by_wave (f->store, &filter, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpint (g_array_index (all, HelWho5Wave, 0).wave, ==, 4);

  /* The whole project reads the index alone; a period that holds everything goes through the
   * families and must say the same. */
  g_free (filter.from);
  filter.from = g_strdup ("1900-01-01");
  g_clear_pointer (&all, g_array_unref);
  all = hel_statistics_who5_by_wave (f->store, &filter, &error);
  g_clear_pointer (&ended, g_array_unref);
  ended = hel_statistics_who5_by_wave (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, ended->len);
  for (guint i = 0; i < all->len; i++)
    {
      const HelWho5Wave *a = &g_array_index (all, HelWho5Wave, i);
      const HelWho5Wave *b = &g_array_index (ended, HelWho5Wave, i);

      g_assert_cmpint (a->wave, ==, b->wave);
      g_assert_cmpuint (a->n, ==, b->n);
      g_assert_cmpfloat (a->mean, ==, b->mean);
      for (guint band = 0; band < HEL_WHO5_N_BANDS; band++)
        g_assert_cmpuint (a->n_band[band], ==, b->n_band[band]);
    }
  g_assert_cmpuint (g_array_index (ended, HelWho5Wave, 0).n, ==, 4);
  hel_statistics_filter_clear (&filter);
}

static void
test_sdq (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HelStatisticsFilter filter;
  HelSdqShares shares;

  hel_statistics_filter_init (&filter);
  g_assert_true (hel_statistics_sdq_shares (f->store, &filter, &shares, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (shares.n_baseline, ==, 4);
  g_assert_cmpuint (shares.baseline[0], ==, 1);
  g_assert_cmpuint (shares.baseline[1], ==, 1);
  g_assert_cmpuint (shares.baseline[2], ==, 2);
  g_assert_cmpuint (shares.n_latest, ==, 2);
  g_assert_cmpuint (shares.latest[0], ==, 1);
  g_assert_cmpuint (shares.latest[1], ==, 1);
  g_assert_cmpuint (shares.latest[2], ==, 0);
  g_assert_cmpfloat (shares.bands.population_share[0], ==, 80);
}

static void
test_absence (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelAbsenceTable) table = NULL;
  HelStatisticsFilter filter;
  HelAbsenceQuarter *q;

  year_2024 (&filter);
  table = hel_statistics_absence (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->quarters->len, ==, 2);

  /* 0 -> "0 %", 5.0 -> "0-5", 10 -> "6-10", 30 -> "21-30". */
  q = &g_array_index (table->quarters, HelAbsenceQuarter, 0);
  g_assert_cmpstr (q->quarter, ==, "2024-Q1");
  g_assert_cmpuint (q->n, ==, 4);
  g_assert_cmpuint (q->counts[0], ==, 1);
  g_assert_cmpuint (q->counts[1], ==, 1);
  g_assert_cmpuint (q->counts[2], ==, 1);
  g_assert_cmpuint (q->counts[5], ==, 1);
  g_assert_cmpfloat_with_epsilon (q->mean, 11.25, 1e-9);

  /* 5.1 -> "6-10", 20 -> "16-20", 90 -> "71-90". */
  q = &g_array_index (table->quarters, HelAbsenceQuarter, 1);
  g_assert_cmpuint (q->n, ==, 3);
  g_assert_cmpuint (q->counts[2], ==, 1);
  g_assert_cmpuint (q->counts[4], ==, 1);
  g_assert_cmpuint (q->counts[8], ==, 1);
  g_assert_cmpuint (q->counts[9], ==, 0);

  /* Measured both times: Carl, Dea and Hans. */
  g_assert_cmpuint (table->n_both, ==, 3);
  g_assert_cmpfloat_with_epsilon (table->mean_both_first, 35.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (table->mean_both_last, 115.1 / 3, 1e-9);
  hel_statistics_filter_clear (&filter);
}

static void
test_adults (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  HelStatisticsFilter filter;
  HelAdultsQuarter *q;

  year_2024 (&filter);
  rows = hel_statistics_adults_by_quarter (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);

  q = &g_array_index (rows, HelAdultsQuarter, 0);
  g_assert_cmpstr (q->quarter, ==, "2024-Q1");
  g_assert_cmpuint (q->n_adults, ==, 4);
  g_assert_cmpuint (q->counts[HEL_INCOME_CASH_BENEFIT], ==, 2);
  g_assert_cmpuint (q->counts[HEL_INCOME_RESOURCE_COURSE], ==, 1);
  g_assert_cmpuint (q->counts[HEL_INCOME_FLEX_JOB], ==, 1);
  g_assert_cmpuint (q->n_in_offer, ==, 2);
  g_assert_cmpuint (q->n_in_placement, ==, 1);

  q = &g_array_index (rows, HelAdultsQuarter, 1);
  g_assert_cmpuint (q->counts[HEL_INCOME_CASH_BENEFIT], ==, 1);
  g_assert_cmpuint (q->counts[HEL_INCOME_SELF_SUPPORTING], ==, 1);
  g_assert_cmpuint (q->n_in_offer, ==, 1);
  g_assert_cmpuint (q->n_in_placement, ==, 0);
  g_assert_cmpuint (q->n_placement_during, ==, 1);
  hel_statistics_filter_clear (&filter);

  /* The ended family's mother leaves the count after its end. */
  hel_statistics_filter_init (&filter);
  filter.from = g_strdup ("2025-01-01");
  filter.to = g_strdup ("2025-03-31");
  g_clear_pointer (&rows, g_array_unref);
  rows = hel_statistics_adults_by_quarter (f->store, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (g_array_index (rows, HelAdultsQuarter, 0).n_adults, ==, 3);
  hel_statistics_filter_clear (&filter);
}

static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  HelStatisticsFilter filter;
  HelNotificationYear *y;

  hel_statistics_filter_init (&filter);
  rows = hel_statistics_notifications_by_year (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  y = &g_array_index (rows, HelNotificationYear, 0);
  g_assert_cmpint (y->year, ==, 2023);
  g_assert_cmpuint (y->notifications, ==, 1);
  g_assert_cmpuint (y->n_children, ==, 4);
  y = &g_array_index (rows, HelNotificationYear, 1);
  g_assert_cmpint (y->year, ==, 2024);
  g_assert_cmpuint (y->notifications, ==, 3);
  g_assert_cmpfloat_with_epsilon (y->per_child, 0.75, 1e-9);

  filter.from = g_strdup ("2024-01-01");
  g_clear_pointer (&rows, g_array_unref);
  rows = hel_statistics_notifications_by_year (f->store, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  hel_statistics_filter_clear (&filter);
}

static void
test_economy (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelEconomyTable) table = NULL;
  HelStatisticsFilter filter;

  year_2024 (&filter);
  table = hel_statistics_economy (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->quarters->len, ==, 2);
  g_assert_cmpstr (table->quarters->pdata[0], ==, "2024-Q1");
  g_assert_cmpuint (table->n_families, ==, 2);
  g_assert_cmpint (hel_economy_table_get (table, 0, HEL_DEPT_SCHOOL), ==, 1000);
  g_assert_cmpint (hel_economy_table_get (table, 1, HEL_DEPT_SCHOOL), ==, 1500);
  g_assert_cmpint (hel_economy_table_family_employment (table, 0), ==, 7000);
  g_assert_cmpint (hel_economy_table_family_employment (table, 1), ==, 6500);
  g_assert_cmpint (hel_economy_table_total (table, 0), ==, 8000);
  g_assert_cmpint (hel_economy_table_total (table, 1), ==, 8000);
  g_assert_cmpint (hel_economy_table_total (table, HEL_ECONOMY_BASELINE), ==, 8000);
  g_assert_cmpint (hel_economy_table_get (table, HEL_ECONOMY_BASELINE, HEL_DEPT_SCHOOL), ==, 1000);
  g_clear_pointer (&table, hel_economy_table_free);

  filter.team_id = f->team_b;
  table = hel_statistics_economy (f->store, &filter, &error);
  g_assert_cmpint (hel_economy_table_total (table, 1), ==, 2500);
  hel_statistics_filter_clear (&filter);
}

static void
test_small_counts (void)
{
  struct {
    guint       n, total;
    const char *count, *share;
  } cases[] = {
    { 0, 10, "0", "0 %" }, { 1, 10, "<5", "–" }, { 4, 10, "<5", "–" }, { 5, 10, "5", "50 %" },
    { 63, 63, "63", "100 %" }, { 3, 0, "<5", "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *count = hel_statistics_format_count (cases[i].n);
      g_autofree char *share = hel_statistics_format_share (cases[i].n, cases[i].total);
      g_assert_cmpstr (count, ==, cases[i].count);
      g_assert_cmpstr (share, ==, cases[i].share);
    }
  {
    g_autofree char *amount = hel_statistics_format_amount (7148508);
    g_autofree char *negative = hel_statistics_format_amount (-2638);
    g_autofree char *small = hel_statistics_format_amount (994);
    g_assert_cmpstr (amount, ==, "7,148,508");
    g_assert_cmpstr (negative, ==, "-2,638");
    g_assert_cmpstr (small, ==, "994");
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/statistics/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("who5-by-wave", test_who5);
  ADD ("sdq-shares", test_sdq);
  ADD ("absence-buckets", test_absence);
  ADD ("adults-by-quarter", test_adults);
  ADD ("notifications", test_notifications);
  ADD ("economy", test_economy);
#undef ADD
  g_test_add_func ("/statistics/small-counts", test_small_counts);

  return g_test_run ();
}
