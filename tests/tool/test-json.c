/* test-json.c: JSON export and import: exact round trips; bad files leave the database alone. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hel-demo.h"
#include <json-glib/json-glib.h>

#include "hel-json.h"
#include "hel-store.h"

typedef struct {
  char *dir;
  guint n_stores;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("helhed-json-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static HelStore *
new_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("db%u.sqlite", fixture->n_stores++);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  HelStore *store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static char *
export_text (HelStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hel_json_export_to_bytes (store, HEL_JSON_EXPORT_NO_TIMESTAMP, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (strlen (data), ==, size);
  return g_strndup (data, size);
}

static gint64
add_team (HelStore   *store,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelTeam) team = hel_team_new (0, name);

  g_assert_true (hel_store_save_team (store, team, &error));
  g_assert_no_error (error);
  return hel_team_get_id (team);
}

static gint64
add_caseworker (HelStore      *store,
                const char    *name,
                HelDiscipline  discipline,
                gint64         team_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelCaseworker) cw = hel_caseworker_new ();

  hel_caseworker_set_name (cw, name);
  hel_caseworker_set_discipline (cw, discipline);
  hel_caseworker_set_team_id (cw, team_id);
  hel_caseworker_set_phone (cw, "+45 99 99 12 34");
  g_assert_true (hel_store_save_caseworker (store, cw, &error));
  g_assert_no_error (error);
  return hel_caseworker_get_id (cw);
}

static gint64
add_member (HelStore   *store,
            gint64      family_id,
            HelRole     role,
            const char *first_name,
            const char *birth,
            const char *cpr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMember) member = hel_member_new ();

  hel_member_set_family_id (member, family_id);
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, first_name);
  hel_member_set_last_name (member, "Testrup");
  hel_member_set_birth_date (member, birth);
  hel_member_set_cpr (member, cpr);
  hel_member_set_gender (member, role == HEL_ROLE_FATHER ? HEL_GENDER_MALE : HEL_GENDER_FEMALE);
  g_assert_true (hel_store_save_member (store, member, &error));
  g_assert_no_error (error);
  return hel_member_get_id (member);
}

static void
add_income (HelStore     *store,
            gint64        member_id,
            HelIncomeKind kind,
            const char   *start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelIncomePeriod) period = hel_income_period_new (member_id, kind, start);

  g_assert_true (hel_store_add_income_period (store, period, &error));
  g_assert_no_error (error);
}

/* A small database with the awkward cases: gaps in the ids (deleted rows), an ended family,
 * a caseworker without a team, a family without caseworkers, an absent father, history. */
static void
fill_store (HelStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(HelFamily) ended = hel_family_new ();
  g_autoptr(HelFamily) bare = hel_family_new ();
  g_autoptr(HelMember) absent = NULL;
  gint64 gone_team, east, jc, fg, loose, mother, father, gone_member;

  gone_team = add_team (store, "Midlertidigt team");
  east = add_team (store, "Familiegruppe Øst");
  g_assert_true (hel_store_delete_team (store, gone_team, &error));
  jc = add_caseworker (store, "Hanne Lindeskov", HEL_DISCIPLINE_JOB_CENTRE, east);
  fg = add_caseworker (store, "Lone Skrænting", HEL_DISCIPLINE_FAMILY_GROUP, east);
  loose = add_caseworker (store, "Ole \"Skolen\" Bramstrup", HEL_DISCIPLINE_SCHOOL, 0);
  g_assert_cmpint (loose, >, 0);

  hel_family_set_name (family, "Familien Testrup");
  hel_family_set_team_id (family, east);
  hel_family_set_primary_caseworker_id (family, fg);
  hel_family_set_secondary_caseworker_id (family, jc);
  hel_family_set_start_date (family, "2024-03-01");
  hel_family_set_consent_date (family, "2024-02-20");
  g_assert_true (hel_store_save_family (store, family, &error));
  g_assert_no_error (error);

  mother = add_member (store, hel_family_get_id (family), HEL_ROLE_MOTHER, "Mette",
                       "1985-06-15", "150685-1234");
  gone_member = add_member (store, hel_family_get_id (family), HEL_ROLE_CHILD, "Slettet",
                            NULL, NULL);
  add_member (store, hel_family_get_id (family), HEL_ROLE_CHILD, "Ida", "2012-01-31",
              "310112-4562");
  add_member (store, hel_family_get_id (family), HEL_ROLE_CHILD, "Emil\tTab", NULL, NULL);
  father = add_member (store, hel_family_get_id (family), HEL_ROLE_FATHER, "Jesper",
                       "1980-02-29", NULL);
  g_assert_true (hel_store_delete_member (store, gone_member, &error));
  absent = hel_store_get_member (store, father, &error);
  hel_member_set_in_household (absent, FALSE);
  g_assert_true (hel_store_save_member (store, absent, &error));
  add_income (store, mother, HEL_INCOME_CASH_BENEFIT, "2016-05-01");
  add_income (store, mother, HEL_INCOME_RESOURCE_COURSE, "2024-09-01");

  hel_family_set_name (ended, "Familien Ulvebæk");
  hel_family_set_team_id (ended, east);
  hel_family_set_primary_caseworker_id (ended, jc);
  hel_family_set_start_date (ended, "2024-01-10");
  hel_family_set_end_date (ended, "2024-11-30");
  hel_family_set_end_reason (ended, HEL_END_LACKED_MOTIVATION);
  hel_family_set_end_note (ended, "Ønskede ikke at fortsætte.\nAftalt med familien.");
  g_assert_true (hel_store_save_family (store, ended, &error));
  g_assert_no_error (error);

  hel_family_set_name (bare, "Familien Kildestrup");
  hel_family_set_start_date (bare, "2025-01-02");
  g_assert_true (hel_store_save_family (store, bare, &error));
  g_assert_no_error (error);
}

static void
test_roundtrip (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) first = new_store (fixture);
  g_autoptr(HelStore) second = new_store (fixture);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  fill_store (first);
  one = export_text (first);
  g_assert_true (g_str_has_prefix (one, "{\n"));
  g_assert_true (g_str_has_suffix (one, "}\n"));
  g_assert_nonnull (strstr (one, "\"format\" : \"helhed\""));
  g_assert_nonnull (strstr (one, "\"kind\" : \"resource-course\""));
  g_assert_null (strstr (one, "\"exported\""));

  g_assert_true (hel_json_import_from_data (second, one, -1, HEL_JSON_IMPORT_DEFAULT, &error));
  g_assert_no_error (error);
  two = export_text (second);
  g_assert_cmpstr (one, ==, two);
}

static void
test_roundtrip_demo (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) first = new_store (fixture);
  g_autoptr(HelStore) second = new_store (fixture);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "demo.json", NULL);
  GStatBuf st;

  g_assert_true (hel_demo_generate (first, 7, &error));
  g_assert_no_error (error);
  one = export_text (first);

  /* Through a file, with the time stamp, as the tool does it. */
  g_assert_true (hel_json_export_to_file (first, path, HEL_JSON_EXPORT_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (hel_json_import_from_file (second, path, HEL_JSON_IMPORT_DEFAULT, &error));
  g_assert_no_error (error);
  two = export_text (second);
  g_assert_cmpstr (one, ==, two);
  g_unlink (path);
}

/* Replaces the first `find` in `text`; the test fails if it is not there. */
static char *
edit (const char *text,
      const char *find,
      const char *replace)
{
  GString *s = g_string_new (text);

  g_assert_nonnull (strstr (text, find));
  g_assert_cmpuint (g_string_replace (s, find, replace, 1), ==, 1);
  return g_string_free (s, FALSE);
}

/* Imports `bad` into a store that holds `before` (or nothing) and checks the error and that
 * nothing changed. */
static void
assert_rejected (Fixture    *fixture,
                 const char *bad,
                 gboolean    fill_first,
                 int         code,
                 const char *expected_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = new_store (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HelJsonImportFlags flags = fill_first ? HEL_JSON_IMPORT_REPLACE : HEL_JSON_IMPORT_DEFAULT;

  if (fill_first)
    fill_store (store);
  before = export_text (store);
  g_assert_false (hel_json_import_from_data (store, bad, -1, flags, &error));
  g_assert_error (error, HEL_JSON_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  if (strstr (error->message, expected_part) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, expected_part);
  after = export_text (store);
  g_assert_cmpstr (before, ==, after);
}

static char *
good_export (Fixture *fixture)
{
  g_autoptr(HelStore) store = new_store (fixture);

  fill_store (store);
  return export_text (store);
}

static void
test_reject_syntax (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *good = good_export (fixture);
  g_autofree char *version = g_strdup_printf ("\"version\" : %d,", HEL_JSON_FORMAT_VERSION);
  g_autofree char *doubled = g_strdup_printf ("\"version\" : %d,,", HEL_JSON_FORMAT_VERSION);
  g_autofree char *bad = edit (good, version, doubled);
  g_autofree char *truncated = g_strndup (good, strlen (good) / 2);

  assert_rejected (fixture, bad, FALSE, HEL_JSON_ERROR_SYNTAX, "line 3, column");
  assert_rejected (fixture, bad, TRUE, HEL_JSON_ERROR_SYNTAX, "line 3, column");
  assert_rejected (fixture, truncated, FALSE, HEL_JSON_ERROR_SYNTAX, "line ");
  assert_rejected (fixture, "", FALSE, HEL_JSON_ERROR_NOT_HELHED, "empty");
  assert_rejected (fixture, "[1, 2]", FALSE, HEL_JSON_ERROR_NOT_HELHED, "not a Helhed export");
  assert_rejected (fixture, "{\"format\": \"helhed\", \"version\": 1, \"teams\": [\xff]}", FALSE,
                   HEL_JSON_ERROR_SYNTAX, "UTF-8");
}

/* The plans section: a demo export with one thing broken in its first two plans. */
typedef void (*PlanBreaker) (JsonObject *first, JsonObject *second);

static JsonObject *
first_subgoal (JsonObject *plan)
{
  JsonObject *goal = json_array_get_object_element (json_object_get_array_member (plan, "goals"), 0);
  return json_array_get_object_element (json_object_get_array_member (goal, "subgoals"), 0);
}

static void
owner_from_other_family (JsonObject *first, JsonObject *second)
{
  JsonArray *owners = json_object_get_array_member (first_subgoal (first), "owners");
  gint64 stranger = json_array_get_int_element (json_object_get_array_member (first_subgoal (second),
                                                                            "owners"), 0);
  json_array_add_int_element (owners, stranger);
}

static void
same_subgoal_id_twice (JsonObject *first, JsonObject *second)
{
  json_object_set_int_member (first_subgoal (second), "id",
                              json_object_get_int_member (first_subgoal (first), "id"));
}

static void
plan_of_unknown_family (JsonObject *first, JsonObject *second)
{
  json_object_set_int_member (first, "family_id", 999999);
}

static void
empty_wording (JsonObject *first, JsonObject *second)
{
  json_object_set_string_member (first_subgoal (first), "wording", "   ");
}

static void
unknown_status (JsonObject *first, JsonObject *second)
{
  json_object_set_string_member (first_subgoal (first), "status", "halfway");
}

static char *
break_plans (const char  *good,
             PlanBreaker  breaker)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonArray *plans;

  g_assert_true (json_parser_load_from_data (parser, good, -1, NULL));
  plans = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "plans");
  g_assert_cmpuint (json_array_get_length (plans), >=, 2);
  breaker (json_array_get_object_element (plans, 0), json_array_get_object_element (plans, 1));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
test_reject_plans (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) demo = new_store (fixture);
  g_autofree char *good = NULL;
  struct { PlanBreaker breaker; const char *expected; } cases[] = {
    { owner_from_other_family, "owners (line" },
    { same_subgoal_id_twice, "is used twice" },
    { plan_of_unknown_family, "refers to a family that is not in the file" },
    { empty_wording, "must not be empty" },
    { unknown_status, "is not a known status" },
  };

  g_assert_true (hel_demo_generate (demo, 11, &error));
  good = export_text (demo);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = break_plans (good, cases[i].breaker);
      assert_rejected (fixture, bad, FALSE, HEL_JSON_ERROR_INVALID, cases[i].expected);
      assert_rejected (fixture, bad, FALSE, HEL_JSON_ERROR_INVALID, "plans[");
    }
}

static void
test_reject_header (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *good = good_export (fixture);
  g_autofree char *other = edit (good, "\"format\" : \"helhed\"", "\"format\" : \"andet\"");
  g_autofree char *version = g_strdup_printf ("\"version\" : %d", HEL_JSON_FORMAT_VERSION);
  g_autofree char *next = g_strdup_printf ("\"version\" : %d", HEL_JSON_FORMAT_VERSION + 1);
  g_autofree char *next_words = g_strdup_printf ("format version %d", HEL_JSON_FORMAT_VERSION + 1);
  g_autofree char *version_comma = g_strconcat (version, ",", NULL);
  g_autofree char *surprise = g_strconcat (version, ", \"surprises\" : [],", NULL);
  g_autofree char *future = edit (good, version, next);
  g_autofree char *zero = edit (good, version, "\"version\" : 0");
  g_autofree char *extra = edit (good, version_comma, surprise);

  assert_rejected (fixture, other, FALSE, HEL_JSON_ERROR_NOT_HELHED, "“format” must be");
  assert_rejected (fixture, future, FALSE, HEL_JSON_ERROR_NEWER, "newer version");
  assert_rejected (fixture, future, TRUE, HEL_JSON_ERROR_NEWER, next_words);
  assert_rejected (fixture, zero, FALSE, HEL_JSON_ERROR_INVALID, "version (line 3)");
  assert_rejected (fixture, extra, FALSE, HEL_JSON_ERROR_INVALID, "surprises (line 3): unknown field");
}

static void
test_reject_fields (Fixture      *fixture,
                    gconstpointer data)
{
  g_autofree char *good = good_export (fixture);
  struct {
    const char *find;
    const char *replace;
    const char *expected;
  } cases[] = {
    { "\"role\" : \"child\"", "\"role\" : \"kid\"",
      "families[0].members[1].role (line " },
    { "\"role\" : \"child\"", "\"role\" : \"kid\"", "unknown code “kid”" },
    { "\"birth_date\" : \"2012-01-31\"", "\"birth_date\" : \"2012-02-30\"",
      "families[0].members[1].birth_date (line " },
    { "\"birth_date\" : \"2012-01-31\"", "\"birth_date\" : \"2012-02-30\"",
      "“2012-02-30” is not a date" },
    { "\"birth_date\" : \"2012-01-31\"", "\"birth_date\" : \"2099-01-31\"", "in the future" },
    { "\"cpr\" : \"310112-4562\"", "\"cpr\" : \"310112-456\"", "members[1].cpr" },
    { "\"cpr\" : \"310112-4562\"", "\"cpr\" : \"300112-4562\"", "does not match the birth date" },
    { "\"team_id\" : 2,\n      \"primary", "\"team_id\" : 9,\n      \"primary",
      "families[0].team_id (line " },
    { "\"team_id\" : 2,\n      \"primary", "\"team_id\" : 9,\n      \"primary",
      "refers to id 9, which is not in “teams”" },
    { "\"secondary_caseworker_id\" : 1", "\"secondary_caseworker_id\" : 2",
      "two different people" },
    { "\"start_date\" : \"2024-03-01\"", "\"start_date\" : null", "families[0].start_date" },
    { "\"start_date\" : \"2024-03-01\"", "\"start_date\" : 20240301", "must be a text" },
    { "\"first_name\" : \"Ida\"", "\"first_name\" : \"  \"", "must not be empty" },
    { "\"id\" : 4,", "\"id\" : 1,", "the id 1 is used twice" },
    { "\"id\" : 4,", "\"id\" : -4,", "positive whole number" },
    { "\"in_household\" : false", "\"in_household\" : \"nej\"", "true or false" },
    { "\"discipline\" : \"school\"", "\"discipline\" : \"skole\"", "caseworkers[2].discipline" },
    { "\"kind\" : \"resource-course\"", "\"kind\" : \"job\"", "income_support[1].kind" },
    { "\"start\" : \"2024-09-01\"", "\"start\" : \"2016-05-01\"", "same day" },
    { "\"end_date\" : \"2024-11-30\"", "\"end_date\" : \"2023-11-30\"", "end before it started" },
    { "\"end_reason\" : \"lacked-motivation\"", "\"end_reason\" : \"bored\"", "end_reason" },
    { "\"end_date\" : \"2024-11-30\"", "\"end_date\" : null", "needs an end date" },
    { "\"created\" : \"", "\"created\" : \"i går", "is not a time stamp" },
    { "\"name\" : \"Familiegruppe Øst\"", "\"name\" : \"Familiegruppe Øst\", \"leder\" : 1",
      "teams[0].leder" },
    { "\"members\" : []", "\"members\" : {}", "families[1].members (line " },
    { "\"members\" : []", "\"members\" : {}", "must be a list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = edit (good, cases[i].find, cases[i].replace);

      assert_rejected (fixture, bad, FALSE, HEL_JSON_ERROR_INVALID, cases[i].expected);
    }
}

/* An error near the end of a big file, after hundreds of rows went in: all of it goes. */
static void
test_reject_late (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) demo = new_store (fixture);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  char *last;

  g_assert_true (hel_demo_generate (demo, 1, &error));
  good = export_text (demo);
  bad = g_strdup (good);
  last = g_strrstr (bad, "\"role\" : \"child\"");
  g_assert_nonnull (last);
  memcpy (last, "\"role\" : \"chold\"", strlen ("\"role\" : \"chold\""));
  assert_rejected (fixture, bad, FALSE, HEL_JSON_ERROR_INVALID, "families[49].members");
  assert_rejected (fixture, bad, TRUE, HEL_JSON_ERROR_INVALID, "unknown code “chold”");
}

static void
test_not_empty (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = new_store (fixture);
  g_autoptr(HelStore) demo = new_store (fixture);
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  gboolean empty = FALSE;

  g_assert_true (hel_json_store_is_empty (store, &empty, &error));
  g_assert_true (empty);
  fill_store (store);
  g_assert_true (hel_json_store_is_empty (store, &empty, &error));
  g_assert_false (empty);
  mine = export_text (store);
  g_assert_true (hel_demo_generate (demo, 3, &error));
  theirs = export_text (demo);

  g_assert_false (hel_json_import_from_data (store, theirs, -1, HEL_JSON_IMPORT_DEFAULT, &error));
  g_assert_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  after = export_text (store);
  g_assert_cmpstr (mine, ==, after);
  g_clear_pointer (&after, g_free);

  /* With REPLACE the old contents go, in the same transaction. */
  g_assert_true (hel_json_import_from_data (store, theirs, -1, HEL_JSON_IMPORT_REPLACE, &error));
  g_assert_no_error (error);
  after = export_text (store);
  g_assert_cmpstr (theirs, ==, after);
}

/* A hand-written file may leave out what is optional, and ids need not be consecutive. */
static void
test_minimal (Fixture      *fixture,
              gconstpointer data)
{
  static const char *minimal =
    "{\"format\": \"helhed\", \"version\": 1,\n"
    " \"exported\": \"2025-01-01T10:00:00Z\",\n"
    " \"teams\": [{\"id\": 10, \"name\": \" Team Nord \"}],\n"
    " \"families\": [{\"id\": 5, \"name\": \"Familien Odderholt\", \"team_id\": 10,\n"
    "   \"start_date\": \"2024-05-01\",\n"
    "   \"members\": [{\"id\": 70, \"role\": \"mother\", \"first_name\": \"Pia\",\n"
    "     \"cpr\": \"0103851234\",\n"
    "     \"income_support\": [{\"kind\": \"flex-job\", \"start\": \"2020-01-01\"}]},\n"
    "    {\"id\": 71, \"role\": \"child\", \"first_name\": \"Asta\"}]}]}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = new_store (fixture);
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(HelFamily) family = NULL;
  HelMember *pia, *asta;

  g_assert_true (hel_json_import_from_data (store, minimal, -1, HEL_JSON_IMPORT_DEFAULT, &error));
  g_assert_no_error (error);
  teams = hel_store_list_teams (store, &error);
  g_assert_cmpuint (teams->len, ==, 1);
  g_assert_cmpstr (hel_team_get_name (g_ptr_array_index (teams, 0)), ==, "Team Nord");
  family = hel_store_get_family (store, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hel_family_get_team_id (family), ==, 10);
  g_assert_cmpuint (hel_family_get_member_count (family), ==, 2);
  members = hel_store_list_members (store, 5, &error);
  pia = g_ptr_array_index (members, 0);
  asta = g_ptr_array_index (members, 1);
  g_assert_cmpint (hel_member_get_id (pia), ==, 70);
  g_assert_cmpstr (hel_member_get_cpr (pia), ==, "010385-1234");
  g_assert_cmpint (hel_member_get_income_kind (pia), ==, HEL_INCOME_FLEX_JOB);
  g_assert_true (hel_member_get_in_household (asta));
  g_assert_cmpint (hel_member_get_gender (asta), ==, HEL_GENDER_UNKNOWN);
  g_assert_cmpint (hel_member_get_position (asta), ==, 1);
}

/* The stream variant writes the same bytes. */
static void
test_stream (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = new_store (fixture);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL;
  g_autofree char *streamed = NULL;

  fill_store (store);
  text = export_text (store);
  g_assert_true (hel_json_export_to_stream (store, stream, HEL_JSON_EXPORT_NO_TIMESTAMP, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  streamed = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_cmpstr (text, ==, streamed);
}

/* The netmaps section: a small map in and out, and what the importer refuses. */
#define NETMAP_FAMILY \
  "{\"format\": \"helhed\", \"version\": 3,\n" \
  " \"families\": [{\"id\": 5, \"name\": \"Familien Odderholt\", \"start_date\": \"2024-05-01\",\n" \
  "   \"members\": [{\"id\": 70, \"role\": \"mother\", \"first_name\": \"Pia\"}]},\n" \
  "  {\"id\": 6, \"name\": \"Familien Ask\", \"start_date\": \"2024-05-01\",\n" \
  "   \"members\": [{\"id\": 80, \"role\": \"child\", \"first_name\": \"Bo\"}]}],\n"
#define NETMAP_NODES \
  "   \"nodes\": [{\"id\": 1, \"name\": \"Pia\", \"x\": -0.5, \"y\": -0.5, \"kind\": \"private\"},\n" \
  "     {\"id\": 2, \"name\": \"Mentor Lise\", \"x\": -1.5, \"y\": 1.2, \"kind\": \"professional\",\n" \
  "      \"actor\": \"Mentor\"}],\n"

static char *
netmap_document (gint64      member_id,
                 const char *ties)
{
  return g_strdup_printf (NETMAP_FAMILY
                          " \"netmaps\": [{\"format\": \"helhed-netmap\", \"version\": 1, \"id\": 9,\n"
                          "   \"family_id\": 5, \"member_id\": %" G_GINT64_FORMAT ",\n"
                          NETMAP_NODES
                          "   \"ties\": [%s],\n"
                          "   \"created\": \"2024-05-08T09:30:00Z\",\n"
                          "   \"versions\": [{\"id\": 3, \"created\": \"2024-06-01T11:00:00Z\",\n"
                          "     \"label\": \"Første\", \"snapshot\": {\"format\": \"helhed-netmap\",\n"
                          "     \"version\": 1, \"id\": 9, \"family_id\": 5, \"member_id\": 0,\n"
                          "     \"nodes\": [], \"ties\": []}}]}]}\n", member_id, ties);
}

static void
test_netmaps (Fixture      *fixture,
              gconstpointer data)
{
  static const char *good_ties =
    "{\"id\": 4, \"from\": 0, \"to\": 1, \"kind\": \"strong\", \"arrow\": \"both\"},"
    "{\"id\": 5, \"from\": 1, \"to\": 2, \"kind\": \"stressful\", \"arrow\": \"none\"}";
  g_autofree char *good = netmap_document (0, good_ties);
  g_autofree char *self_tie = netmap_document (0, "{\"id\": 4, \"from\": 2, \"to\": 2, "
                                                  "\"kind\": \"weak\", \"arrow\": \"none\"}");
  g_autofree char *twice = netmap_document (0, "{\"id\": 4, \"from\": 1, \"to\": 2, "
                                               "\"kind\": \"weak\", \"arrow\": \"none\"},"
                                               "{\"id\": 5, \"from\": 2, \"to\": 1, "
                                               "\"kind\": \"normal\", \"arrow\": \"none\"}");
  g_autofree char *elsewhere = netmap_document (0, "{\"id\": 4, \"from\": 0, \"to\": 77, "
                                                   "\"kind\": \"weak\", \"arrow\": \"none\"}");
  g_autofree char *other_member = netmap_document (80, good_ties);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = new_store (fixture);
  g_autoptr(HelStore) copy = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (hel_json_import_from_data (store, good, -1, HEL_JSON_IMPORT_DEFAULT, &error));
  g_assert_no_error (error);
  first = export_text (store);
  g_assert_nonnull (strstr (first, "\"Mentor Lise\""));
  g_assert_nonnull (strstr (first, "\"stressful\""));
  g_assert_nonnull (strstr (first, "\"Første\""));
  /* Out and in again: the same bytes. */
  copy = new_store (fixture);
  g_assert_true (hel_json_import_from_data (copy, first, -1, HEL_JSON_IMPORT_DEFAULT, &error));
  g_assert_no_error (error);
  second = export_text (copy);
  g_assert_cmpstr (first, ==, second);

  assert_rejected (fixture, self_tie, FALSE, HEL_JSON_ERROR_INVALID, "netmaps[0]");
  assert_rejected (fixture, twice, FALSE, HEL_JSON_ERROR_INVALID, "netmaps[0]");
  assert_rejected (fixture, elsewhere, FALSE, HEL_JSON_ERROR_INVALID, "netmaps[0]");
  assert_rejected (fixture, other_member, FALSE, HEL_JSON_ERROR_INVALID, "member_id");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/json/reject/plans", test_reject_plans);
  ADD ("/json/roundtrip", test_roundtrip);
  ADD ("/json/roundtrip-demo", test_roundtrip_demo);
  ADD ("/json/stream", test_stream);
  ADD ("/json/minimal", test_minimal);
  ADD ("/json/not-empty", test_not_empty);
  ADD ("/json/reject/syntax", test_reject_syntax);
  ADD ("/json/reject/header", test_reject_header);
  ADD ("/json/reject/fields", test_reject_fields);
  ADD ("/json/reject/late", test_reject_late);
  ADD ("/json/netmaps", test_netmaps);
#undef ADD

  return g_test_run ();
}
