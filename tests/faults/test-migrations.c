/* test-migrations.c: a database from every earlier schema version opens, migrates and keeps
 * its rows. The fixtures are in tests/faults/fixtures/, made by make-fixtures. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fault-util.h"
#include "fixture-rows.h"
#include "hel-store-netmap.h"
#include "hel-store-plan.h"
#include "hel-store-progress.h"
#include "hel-store-private.h"

/* The rows fixture_rows[0] wrote, read through today's store. */
static void
check_version_1_rows (HelStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) families = hel_store_list_families (store, &error);
  g_autoptr(GPtrArray) teams = hel_store_list_teams (store, &error);
  g_autoptr(GPtrArray) caseworkers = hel_store_list_caseworkers (store, &error);
  g_autoptr(GPtrArray) members = hel_store_list_members (store, 1, &error);
  g_autoptr(GPtrArray) periods = hel_store_list_income_periods (store, 1, &error);
  g_autoptr(HelFamily) ended = hel_store_get_family (store, 2, &error);
  g_autoptr(HelMember) mother = hel_store_get_member (store, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (families->len, >=, 3);
  g_assert_cmpuint (teams->len, >=, 2);
  g_assert_cmpuint (caseworkers->len, >=, 2);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpuint (periods->len, ==, 2);
  g_assert_cmpstr (hel_family_get_name (ended), ==, "Familien Hansen");
  g_assert_cmpstr (hel_family_get_end_date (ended), ==, "2024-03-01");
  g_assert_cmpstr (hel_family_get_end_note (ended), ==, "Flyttet til Aarhus");
  g_assert_cmpstr (hel_member_get_first_name (mother), ==, "Åse");
  g_assert_cmpstr (hel_member_get_last_name (mother), ==, "Østergaard");
  g_assert_cmpstr (hel_member_get_birth_date (mother), ==, "1988-02-11");
  g_assert_cmpuint (hel_family_get_team_id (ended), ==, 2);
}

static void
check_version_2_rows (HelStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlan) plan = hel_store_load_plan (store, 1, &error);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(HelPlan) old = NULL;
  HelPlanData *data;
  HelGoal *goal;
  HelSubgoal *subgoal;

  g_assert_no_error (error);
  data = hel_plan_data (plan);
  g_assert_cmpstr (data->wishes, ==, "At vi kan bo sammen i ro");
  g_assert_cmpuint (data->goals->len, ==, 2);
  goal = g_ptr_array_index (data->goals, 0);
  g_assert_cmpstr (goal->title, ==, "Mor i arbejde");
  subgoal = g_ptr_array_index (goal->subgoals, 0);
  g_assert_cmpstr (subgoal->wording, ==, "Åse søger tre job om måneden");
  g_assert_cmpint (subgoal->scale, ==, 4);
  g_assert_cmpuint (subgoal->steps->len, ==, 2);
  g_assert_cmpuint (subgoal->followups->len, ==, 1);
  g_assert_cmpuint (subgoal->scale_history->len, ==, 2);
  g_assert_true (hel_subgoal_has_owner (subgoal, 1));

  versions = hel_store_list_plan_versions (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  old = hel_store_load_plan_version (store, ((HelPlanVersion *) versions->pdata[0])->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hel_plan_data (old)->goals->len, ==, 1);
}

static void
check_version_3_rows (HelStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) maps = hel_store_list_netmaps (store, 1, &error);
  g_autoptr(HelNetmap) map = hel_store_load_netmap (store, 1, &error);
  g_autoptr(GPtrArray) versions = hel_store_list_netmap_versions (store, 1, &error);
  g_autoptr(HelNetmap) old = NULL;
  HelNetmapNode *node;

  g_assert_no_error (error);
  g_assert_cmpuint (maps->len, ==, 2);
  g_assert_cmpuint (map->nodes->len, ==, 3);
  g_assert_cmpuint (map->ties->len, ==, 3);
  node = hel_netmap_find_node (map, 2);
  g_assert_nonnull (node);
  g_assert_cmpstr (node->name, ==, "Birgitte (jobcenter)");
  g_assert_cmpfloat_with_epsilon (node->x, 1.8, 1e-9);
  g_assert_cmpstr (node->colour, ==, "#3584e4");
  g_assert_cmpuint (versions->len, ==, 1);
  old = hel_store_load_netmap_version (store, ((HelNetmapVersion *) versions->pdata[0])->id,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (old->nodes->len, ==, 1);
}

static void
check_version_4_rows (HelStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) who5 = hel_store_list_measurements (store, 1, HEL_INSTRUMENT_WHO5, &error);
  g_autoptr(GPtrArray) edits = hel_store_list_measurement_edits (store, 1, &error);
  g_autoptr(GPtrArray) absence = hel_store_list_school_absence (store, 1, &error);
  g_autoptr(GPtrArray) interventions = hel_store_list_interventions (store, 1, &error);
  g_autoptr(GPtrArray) expenses = hel_store_list_expenses (store, 1, &error);
  g_autoptr(GPtrArray) indicators = hel_store_list_bip_indicators (store, &error);
  HelMeasurement *m;

  g_assert_no_error (error);
  g_assert_cmpint (hel_store_get_wave_interval (store, NULL), ==, 6);
  g_assert_cmpuint (who5->len, ==, 1);
  m = g_ptr_array_index (who5, 0);
  g_assert_cmpfloat (m->score, ==, 36);
  g_assert_cmpstr (m->band, ==, "poor");
  g_assert_cmpint (hel_measurement_get_answer (m, "3"), ==, 1);
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_cmpuint (absence->len, ==, 1);
  g_assert_cmpfloat (((HelSchoolAbsence *) absence->pdata[0])->percent, ==, 12.5);
  g_assert_cmpuint (interventions->len, ==, 1);
  g_assert_true (((HelIntervention *) interventions->pdata[0])->company_placement);
  g_assert_cmpuint (expenses->len, ==, 2);
  g_assert_cmpuint (indicators->len, ==, 5);
  g_assert_cmpstr (hel_bip_indicator_get_label (indicators->pdata[2]), ==, "Tro på job");
}

static void
check_version_5_rows (HelStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sdq = hel_store_list_measurements (store, 2, HEL_INSTRUMENT_SDQ, &error);
  HelSdqBandTable total, prosocial;
  HelSdqBandSet set, shipped;

  /* The total's table as the municipality left it, the measurement's band untouched. */
  g_assert_true (hel_store_load_sdq_bands (store, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total.scale, ==, HEL_SDQ_BANDS_TOTAL);
  g_assert_cmpuint (total.n_bands, ==, 4);
  g_assert_cmpint (total.lowest[1], ==, 13);
  g_assert_cmpint (total.lowest[2], ==, 16);
  g_assert_cmpint (total.lowest[3], ==, 19);
  g_assert_cmpstr (total.code[3], ==, "very-high");
  g_assert_cmpfloat (total.population_share[0], ==, 78);
  g_assert_cmpfloat (total.population_share[3], ==, 4);
  g_assert_cmpuint (sdq->len, ==, 1);
  g_assert_cmpstr (((HelMeasurement *) sdq->pdata[0])->band, ==, "borderline");

  /* Every scale got the published four-band table; prosocial runs down. */
  g_assert_true (hel_store_load_sdq_band_set (store, &set, &error));
  g_assert_no_error (error);
  hel_sdq_band_set_init_default (&shipped);
  for (guint s = HEL_SDQ_BANDS_EMOTIONAL; s < HEL_SDQ_N_BAND_SCALES; s++)
    g_assert_true (memcmp (&set.table[s], &shipped.table[s], sizeof set.table[s]) == 0);
  g_assert_true (hel_store_load_sdq_band_table (store, HEL_SDQ_BANDS_PROSOCIAL, &prosocial,
                                                &error));
  g_assert_cmpint (hel_sdq_band_for_score (&prosocial, 5), ==, 3);
  g_assert_cmpint (hel_sdq_band_for_score (&prosocial, 8), ==, 0);
}

/* checks[i] reads the rows fixture_rows[i] wrote. A new schema version adds one. */
static void (* const checks[]) (HelStore *store) = {
  check_version_1_rows,
  check_version_2_rows,
  check_version_3_rows,
  check_version_4_rows,
  check_version_5_rows,
};

static char *
fixture_path (int version)
{
  g_autofree char *name = g_strdup_printf ("helhed-v%d.db", version);

  return g_test_build_filename (G_TEST_DIST, "faults", "fixtures", name, NULL);
}

static void
test_fixture (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *source = fixture_path (version);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *report = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_test (source, G_FILE_TEST_EXISTS))
    {
      if (version < HEL_STORE_SCHEMA_VERSION)
        g_error ("There is no migration fixture for schema version %d (%s). Every earlier "
                 "version needs one, made while it was the newest. Add sample rows for the "
                 "tables of version %d to fixture_rows[] in tests/faults/fixture-rows.h and "
                 "checks for them to checks[] in tests/faults/test-migrations.c, then run "
                 "`BUILDDIR/tests/faults/make-fixtures tests/faults/fixtures` from the top of "
                 "the source tree and add the new .db file to git.", version, source, version);
      g_test_skip ("no fixture for the current version yet");
      return;
    }
  /* Opening migrates in place: work on a copy. */
  dir = g_dir_make_tmp ("helhed-migrate-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "helhed.db", NULL);
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  g_assert_no_error (error);

  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hel_store_get_schema_version (store), ==, HEL_STORE_SCHEMA_VERSION);
  g_assert_true (hel_store_check_integrity (store, &report, &error));
  g_assert_no_error (error);

  for (int i = 0; i < version && i < (int) G_N_ELEMENTS (checks); i++)
    checks[i] (store);

  /* And the migrated database takes new edits. */
  hel_family_set_name (family, "Familien Efter Opdateringen");
  hel_family_set_start_date (family, "2025-01-01");
  g_assert_true (hel_store_save_family (store, family, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&store));
  fault_remove_tree (dir);
}

/* Every version should bring sample rows, and every set of rows its checks. Rows are asked for
 * but not required (a fixture without them still proves the migrations run); checks for rows
 * that exist are. */
static void
test_rows_for_every_version (void)
{
  if ((int) G_N_ELEMENTS (fixture_rows) < HEL_STORE_SCHEMA_VERSION)
    g_test_message ("Schema version %d has no sample rows in its fixture: add an entry to "
                    "fixture_rows[] in tests/faults/fixture-rows.h with rows for the tables "
                    "your migration adds, and a check to checks[] here.",
                    (int) G_N_ELEMENTS (fixture_rows) + 1);
  if (G_N_ELEMENTS (checks) < G_N_ELEMENTS (fixture_rows))
    g_test_fail_printf ("fixture_rows[] has rows for version %d but checks[] in "
                        "tests/faults/test-migrations.c does not read them.",
                        (int) G_N_ELEMENTS (checks) + 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (int v = 1; v <= HEL_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strdup_printf ("/faults/migrations/from-version-%d", v);
      g_test_add_data_func (name, GINT_TO_POINTER (v), test_fixture);
    }
  g_test_add_func ("/faults/migrations/rows-for-every-version", test_rows_for_every_version);
  return g_test_run ();
}
