/* test-demo.c: the demo database has the shape of seed 004, plans that look lived in, and
 * depends only on its seed. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hel-demo.h"
#include "hel-json.h"
#include "hel-plan-diff.h"
#include "hel-store-plan.h"
#include "hel-store.h"
#include "hel-validate.h"

static char *tmp_dir;
static guint n_stores;

static HelStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("demo%u.sqlite", n_stores++);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  HelStore *store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static HelStore *
demo_store (guint32 seed)
{
  g_autoptr(GError) error = NULL;
  HelStore *store = new_store ();

  g_assert_true (hel_demo_generate (store, seed, &error));
  g_assert_no_error (error);
  return store;
}

static char *
export_text (HelStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hel_json_export_to_bytes (store, HEL_JSON_EXPORT_NO_TIMESTAMP, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
check_shape (guint32 seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = demo_store (seed);
  g_autoptr(GPtrArray) teams = hel_store_list_teams (store, &error);
  g_autoptr(GPtrArray) caseworkers = hel_store_list_caseworkers (store, &error);
  g_autoptr(GPtrArray) families = hel_store_list_families (store, &error);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *report = NULL;
  guint income[HEL_N_INCOME_KINDS] = { 0 };
  guint east = 0, south_west = 0, adults = 0, children = 0, absent = 0, ended = 0;
  guint single = 0, with_cpr = 0, members_total = 0, changed = 0;
  gint64 east_id = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, ==, 2);
  for (guint i = 0; i < teams->len; i++)
    if (g_str_equal (hel_team_get_name (g_ptr_array_index (teams, i)), "Familiegruppe Øst"))
      east_id = hel_team_get_id (g_ptr_array_index (teams, i));
  g_assert_cmpint (east_id, >, 0);

  g_assert_cmpuint (caseworkers->len, ==, 12);
  for (guint i = 0; i < caseworkers->len; i++)
    {
      HelCaseworker *cw = g_ptr_array_index (caseworkers, i);
      gint64 *id = g_new (gint64, 1);

      *id = hel_caseworker_get_id (cw);
      g_hash_table_insert (by_id, id, cw);
      g_assert_true (g_str_has_prefix (hel_caseworker_get_phone (cw), "+45 99 99 "));
    }

  g_assert_cmpuint (families->len, ==, 50);
  for (guint i = 0; i < families->len; i++)
    {
      HelFamily *family = g_ptr_array_index (families, i);
      gint64 primary_id = hel_family_get_primary_caseworker_id (family);
      gint64 secondary_id = hel_family_get_secondary_caseworker_id (family);
      HelCaseworker *primary = g_hash_table_lookup (by_id, &primary_id);
      HelCaseworker *secondary = g_hash_table_lookup (by_id, &secondary_id);
      g_autoptr(GPtrArray) members = hel_store_list_members (store, hel_family_get_id (family),
                                                             &error);
      guint family_adults = 0;
      gboolean qualifies = FALSE;

      g_assert_true (g_str_has_prefix (hel_family_get_name (family), "Familien "));
      if (hel_family_get_team_id (family) == east_id)
        east++;
      else
        south_west++;

      /* A pair from two disciplines, both in the family's team. */
      g_assert_nonnull (primary);
      g_assert_nonnull (secondary);
      g_assert_cmpint (hel_caseworker_get_discipline (primary), !=,
                       hel_caseworker_get_discipline (secondary));
      g_assert_cmpint (hel_caseworker_get_team_id (primary), ==, hel_family_get_team_id (family));
      g_assert_cmpint (hel_caseworker_get_team_id (secondary), ==,
                       hel_family_get_team_id (family));

      g_assert_cmpstr (hel_family_get_start_date (family), >=, "2024-01-01");
      g_assert_cmpstr (hel_family_get_start_date (family), <=, "2025-12-31");
      if (hel_family_get_end_date (family) != NULL)
        {
          ended++;
          g_assert_true (hel_family_get_end_reason (family) == HEL_END_MOVED ||
                         hel_family_get_end_reason (family) == HEL_END_LACKED_MOTIVATION);
          g_assert_cmpint (hel_date_compare (hel_family_get_end_date (family),
                                             hel_family_get_start_date (family)), >, 0);
        }

      for (guint m = 0; m < members->len; m++)
        {
          HelMember *member = g_ptr_array_index (members, m);
          const char *birth = hel_member_get_birth_date (member);
          int age = hel_date_age_years (birth, "2025-06-30");

          members_total++;
          g_assert_true (hel_date_is_valid_iso (birth));
          if (hel_member_get_cpr (member) != NULL)
            {
              g_autofree char *cpr_birth = NULL;

              with_cpr++;
              g_assert_true (hel_cpr_parse (hel_member_get_cpr (member), NULL, &cpr_birth, NULL));
              g_assert_cmpstr (cpr_birth, ==, birth);
            }
          if (!hel_role_is_adult (hel_member_get_role (member)))
            {
              children++;
              g_assert_cmpint (age, >=, 0);
              g_assert_cmpint (age, <=, 18);
              continue;
            }
          g_assert_cmpint (age, >=, 30);
          g_assert_cmpint (age, <=, 60);
          if (!hel_member_get_in_household (member))
            {
              absent++;
              continue;
            }
          adults++;
          family_adults++;
          income[hel_member_get_income_kind (member)]++;
          qualifies |= hel_member_get_income_kind (member) == HEL_INCOME_CASH_BENEFIT ||
                       hel_member_get_income_kind (member) == HEL_INCOME_RESOURCE_COURSE;
          {
            g_autoptr(GPtrArray) periods =
              hel_store_list_income_periods (store, hel_member_get_id (member), &error);
            g_assert_cmpuint (periods->len, >=, 1);
            if (periods->len > 1)
              changed++;
          }
        }
      g_assert_cmpuint (family_adults, >=, 1);
      if (family_adults == 1)
        single++;
      /* The project's entry rule, as the seed describes it. */
      g_assert_true (qualifies);
    }

  g_assert_cmpuint (east, ==, 35);
  g_assert_cmpuint (south_west, ==, 15);
  g_assert_cmpuint (adults, >=, 58);
  g_assert_cmpuint (adults, <=, 66);
  g_assert_cmpuint (children, >=, 85);
  g_assert_cmpuint (children, <=, 93);
  g_assert_cmpuint (absent, >=, 1);
  g_assert_cmpuint (ended, >=, 2);
  g_assert_cmpuint (ended, <=, 3);
  /* Most families are a single parent (34 of 48 in the seed). */
  g_assert_cmpuint (single, >=, 32);
  g_assert_cmpuint (single, <=, 42);
  /* About half the members have a CPR number. */
  g_assert_cmpuint (with_cpr * 10, >=, members_total * 3);
  g_assert_cmpuint (with_cpr * 10, <=, members_total * 7);
  /* The seed's mix of income support, within two either way. */
  g_assert_cmpuint (income[HEL_INCOME_CASH_BENEFIT], >=, 34);
  g_assert_cmpuint (income[HEL_INCOME_CASH_BENEFIT], <=, 38);
  g_assert_cmpuint (income[HEL_INCOME_RESOURCE_COURSE], >=, 13);
  g_assert_cmpuint (income[HEL_INCOME_RESOURCE_COURSE], <=, 17);
  g_assert_cmpuint (income[HEL_INCOME_DISABILITY_PENSION], >=, 3);
  g_assert_cmpuint (income[HEL_INCOME_DISABILITY_PENSION], <=, 5);
  g_assert_cmpuint (income[HEL_INCOME_UNEMPLOYMENT], <=, 2);
  g_assert_cmpuint (income[HEL_INCOME_FLEX_JOB], >=, 1);
  g_assert_cmpuint (income[HEL_INCOME_FLEX_JOB], <=, 3);
  g_assert_cmpuint (income[HEL_INCOME_SELF_SUPPORTING], >=, 2);
  g_assert_cmpuint (income[HEL_INCOME_SELF_SUPPORTING], <=, 6);
  g_assert_cmpuint (changed, >=, 2);

  g_assert_true (hel_store_check_integrity (store, &report, &error));
  g_assert_cmpstr (report, ==, "ok");
}

static void
test_shape (void)
{
  /* The shape holds for any seed, not just the default. */
  check_shape (HEL_DEMO_DEFAULT_SEED);
  check_shape (1);
  check_shape (987654321);
}

/* The plans look lived in: some small goals dropped; versions saved on earlier days that
 * differ from the plan now; steps done on many days, never after today nor before their small
 * goal was made; no step owned by a child under 10; helpers that differ from family to family;
 * and a few follow-ups overdue. */
static void
check_plans (guint32 seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = demo_store (seed);
  g_autoptr(GPtrArray) families = hel_store_list_families (store, &error);
  g_autoptr(GHashTable) done_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) helper_families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                 NULL);
  g_autofree char *today = hel_date_today ();
  guint subgoals = 0, dropped = 0, overdue = 0, done = 0, done_today = 0;
  guint with_versions = 0, n_versions = 0, child_steps = 0, most_families = 0;
  GHashTableIter iter;
  gpointer count;

  g_assert_no_error (error);
  for (guint f = 0; f < families->len; f++)
    {
      HelFamily *family = families->pdata[f];
      gint64 family_id = hel_family_get_id (family);
      g_autoptr(GPtrArray) members = hel_store_list_members (store, family_id, &error);
      g_autoptr(HelPlan) plan = hel_store_load_plan (store, family_id, &error);
      g_autoptr(GPtrArray) versions = hel_store_list_plan_versions (store, family_id, &error);
      g_autoptr(GHashTable) helpers = g_hash_table_new (g_str_hash, g_str_equal);
      HelPlanData *data;

      g_assert_no_error (error);
      data = hel_plan_data (plan);
      for (guint g = 0; g < data->goals->len; g++)
        {
          HelGoal *goal = data->goals->pdata[g];

          for (guint k = 0; k < goal->subgoals->len; k++)
            {
              HelSubgoal *sg = goal->subgoals->pdata[k];

              subgoals++;
              dropped += sg->status == HEL_GOAL_DROPPED;
              g_assert_cmpstr (sg->created, >=, goal->created);
              if (sg->status != HEL_GOAL_ACHIEVED && sg->status != HEL_GOAL_DROPPED &&
                  sg->next_followup != NULL && hel_date_compare (sg->next_followup, today) < 0)
                overdue++;

              for (guint t = 0; t < sg->steps->len; t++)
                {
                  HelStep *step = sg->steps->pdata[t];

                  if (step->done)
                    {
                      done++;
                      g_assert_nonnull (step->done_date);
                      g_assert_cmpint (hel_date_compare (step->done_date, today), <=, 0);
                      g_assert_cmpint (hel_date_compare (step->done_date, sg->created), >=, 0);
                      done_today += g_str_equal (step->done_date, today);
                      g_hash_table_add (done_days, g_strdup (step->done_date));
                    }
                  if (step->owner_kind == HEL_OWNER_EXTERNAL)
                    g_hash_table_add (helpers, step->owner_name);
                  if (step->owner_kind != HEL_OWNER_MEMBER)
                    continue;
                  for (guint m = 0; m < members->len; m++)
                    {
                      HelMember *member = members->pdata[m];

                      if (hel_member_get_id (member) != step->owner_member_id ||
                          hel_role_is_adult (hel_member_get_role (member)))
                        continue;
                      child_steps++;
                      g_assert_cmpint (hel_date_age_years (hel_member_get_birth_date (member),
                                                           today), >=, 10);
                    }
                }
            }
        }

      /* Each helper name counts once per family it helps. */
      g_hash_table_iter_init (&iter, helpers);
      while (g_hash_table_iter_next (&iter, &count, NULL))
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (helper_families, count)) + 1;

          g_hash_table_replace (helper_families, g_strdup (count), GUINT_TO_POINTER (n));
          most_families = MAX (most_families, n);
        }

      if (versions->len == 0)
        continue;
      with_versions++;
      n_versions += versions->len;
      for (guint v = 0; v < versions->len; v++)
        {
          HelPlanVersion *version = versions->pdata[v];
          g_autofree char *day = g_strndup (version->created, 10);

          g_assert_cmpint (hel_date_compare (day, today), <, 0);
          g_assert_cmpint (hel_date_compare (day, hel_family_get_start_date (family)), >, 0);
          g_assert_true (strstr (version->participants, "(jobcenter)") != NULL ||
                         strstr (version->participants, "(familiegruppen)") != NULL);
        }
      /* The oldest version is the plan as first written down: much has happened since. */
      {
        HelPlanVersion *oldest = versions->pdata[versions->len - 1];
        g_autoptr(HelPlan) then = hel_store_load_plan_version (store, oldest->id, &error);
        g_autoptr(GPtrArray) changes = NULL;

        g_assert_no_error (error);
        changes = hel_plan_diff (then, plan);
        g_assert_cmpuint (changes->len, >, 0);
      }
    }

  /* A few per cent of the small goals dropped. */
  g_assert_cmpuint (dropped, >=, 1);
  g_assert_cmpuint (dropped * 100, <=, subgoals * 10);
  /* A third of the families, give or take, with one or two versions. */
  g_assert_cmpuint (with_versions, >=, 5);
  g_assert_cmpuint (with_versions, <=, 30);
  g_assert_cmpuint (n_versions, <=, 2 * with_versions);
  /* Done on many different days, seldom today. */
  g_assert_cmpuint (done, >, 50);
  g_assert_cmpuint (g_hash_table_size (done_days) * 4, >=, done);
  g_assert_cmpuint (done_today * 10, <=, done);
  /* Children over 10 do own some steps; five or six outsiders do not help every family. */
  g_assert_cmpuint (child_steps, >, 0);
  g_assert_cmpuint (g_hash_table_size (helper_families), >=, 25);
  g_assert_cmpuint (most_families, <=, 12);
  g_assert_cmpuint (overdue, >=, 1);
}

static void
test_plans (void)
{
  check_plans (HEL_DEMO_DEFAULT_SEED);
  check_plans (1);
  check_plans (987654321);
}

static void
test_deterministic (void)
{
  g_autoptr(HelStore) a = demo_store (42);
  g_autoptr(HelStore) b = demo_store (42);
  g_autoptr(HelStore) c = demo_store (43);
  g_autofree char *text_a = export_text (a);
  g_autofree char *text_b = export_text (b);
  g_autofree char *text_c = export_text (c);

  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpstr (text_a, !=, text_c);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = new_store ();
  g_autoptr(HelTeam) team = hel_team_new (0, "Eget team");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (hel_store_save_team (store, team, &error));
  before = export_text (store);
  g_assert_false (hel_demo_generate (store, 1, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already holds data"));
  after = export_text (store);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("helhed-demo-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/demo/shape", test_shape);
  g_test_add_func ("/demo/plans", test_plans);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  status = g_test_run ();

  dir = g_dir_open (tmp_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
