/* test-store.c: the store keeps families safe: create, edit, erase, migrate, refuse bad files. */
#define _GNU_SOURCE /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hel-store.h"
#include "hel-validate.h"

typedef struct {
  char     *dir;
  char     *path;
  HelStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "helhed.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store)
    g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static HelFamily *
make_family (HelStore   *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  HelFamily *family = hel_family_new ();

  hel_family_set_name (family, name);
  hel_family_set_start_date (family, "2025-02-01");
  g_assert_true (hel_store_save_family (store, family, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hel_family_get_id (family), >, 0);
  return family;
}

static HelMember *
make_member (HelStore   *store,
             gint64      family_id,
             HelRole     role,
             const char *first_name)
{
  g_autoptr(GError) error = NULL;
  HelMember *member = hel_member_new ();

  hel_member_set_family_id (member, family_id);
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, first_name);
  hel_member_set_last_name (member, "Testrup");
  g_assert_true (hel_store_save_member (store, member, &error));
  g_assert_no_error (error);
  return member;
}

static void
test_open_creates_private_files (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  GStatBuf st;

  g_assert_cmpint (hel_store_get_schema_version (f->store), ==, HEL_STORE_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_clear_object (&f->store);
  /* Reopen: same file, same version, nothing migrated twice. */
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (f->store);
  g_assert_cmpint (hel_store_get_schema_version (f->store), ==, HEL_STORE_SCHEMA_VERSION);
  g_object_unref (make_family (f->store, "Familien Perm"));
  if (g_stat (wal, &st) == 0)
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_family_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelTeam) team = hel_team_new (0, "Familiegruppe Øst");
  g_autoptr(HelCaseworker) job = hel_caseworker_new ();
  g_autoptr(HelCaseworker) fam = hel_caseworker_new ();
  g_autoptr(HelFamily) family = NULL;
  g_autoptr(HelFamily) loaded = NULL;
  g_autoptr(GPtrArray) families = NULL;
  gint64 id;

  g_assert_true (hel_store_save_team (f->store, team, &error));
  g_assert_no_error (error);
  hel_caseworker_set_name (job, "Jonna Jobsen");
  hel_caseworker_set_discipline (job, HEL_DISCIPLINE_JOB_CENTRE);
  hel_caseworker_set_team_id (job, hel_team_get_id (team));
  hel_caseworker_set_phone (job, "+45 99 99 12 34");
  g_assert_true (hel_store_save_caseworker (f->store, job, &error));
  hel_caseworker_set_name (fam, "Frede Famsen");
  hel_caseworker_set_discipline (fam, HEL_DISCIPLINE_FAMILY_GROUP);
  g_assert_true (hel_store_save_caseworker (f->store, fam, &error));
  g_assert_no_error (error);

  family = hel_family_new ();
  hel_family_set_name (family, "  Familien Testrup  ");
  hel_family_set_team_id (family, hel_team_get_id (team));
  hel_family_set_primary_caseworker_id (family, hel_caseworker_get_id (fam));
  hel_family_set_secondary_caseworker_id (family, hel_caseworker_get_id (job));
  hel_family_set_start_date (family, "2025-01-15");
  hel_family_set_consent_date (family, "2025-01-10");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  g_assert_no_error (error);
  id = hel_family_get_id (family);
  g_assert_cmpstr (hel_family_get_name (family), ==, "Familien Testrup");

  g_object_unref (make_member (f->store, id, HEL_ROLE_MOTHER, "Mette"));
  g_object_unref (make_member (f->store, id, HEL_ROLE_CHILD, "Mads"));

  /* Close and reopen: "finds everything again the next day". */
  g_clear_object (&f->store);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  loaded = hel_store_get_family (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hel_family_get_name (loaded), ==, "Familien Testrup");
  g_assert_cmpint (hel_family_get_team_id (loaded), ==, hel_team_get_id (team));
  g_assert_cmpint (hel_family_get_primary_caseworker_id (loaded), ==, hel_caseworker_get_id (fam));
  g_assert_cmpint (hel_family_get_secondary_caseworker_id (loaded), ==, hel_caseworker_get_id (job));
  g_assert_cmpstr (hel_family_get_start_date (loaded), ==, "2025-01-15");
  g_assert_cmpstr (hel_family_get_consent_date (loaded), ==, "2025-01-10");
  g_assert_null (hel_family_get_end_date (loaded));
  g_assert_cmpuint (hel_family_get_member_count (loaded), ==, 2);

  families = hel_store_list_families (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (families->len, ==, 1);

  /* End participation, then reopen. */
  hel_family_set_end_date (loaded, "2025-09-30");
  hel_family_set_end_reason (loaded, HEL_END_MOVED);
  hel_family_set_end_note (loaded, "Flyttet til Aarhus");
  g_assert_true (hel_store_save_family (f->store, loaded, &error));
  g_clear_object (&family);
  family = hel_store_get_family (f->store, id, &error);
  g_assert_cmpstr (hel_family_get_end_date (family), ==, "2025-09-30");
  g_assert_cmpint (hel_family_get_end_reason (family), ==, HEL_END_MOVED);
  g_assert_cmpstr (hel_family_get_end_note (family), ==, "Flyttet til Aarhus");
  hel_family_set_end_date (family, NULL);
  g_assert_true (hel_store_save_family (f->store, family, &error));
  g_clear_object (&loaded);
  loaded = hel_store_get_family (f->store, id, &error);
  g_assert_null (hel_family_get_end_date (loaded));
  g_assert_null (hel_family_get_end_note (loaded));

  /* Deleting a caseworker unlinks, never deletes, the family. */
  g_assert_true (hel_store_delete_caseworker (f->store, hel_caseworker_get_id (job), &error));
  g_clear_object (&loaded);
  loaded = hel_store_get_family (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hel_family_get_secondary_caseworker_id (loaded), ==, 0);
}

static void
test_family_validation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(GPtrArray) families = NULL;

  hel_family_set_name (family, "   ");
  hel_family_set_start_date (family, "2025-01-01");
  g_assert_false (hel_store_save_family (f->store, family, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  hel_family_set_name (family, "Familien Dato");
  hel_family_set_start_date (family, "2025-02-30");
  g_assert_false (hel_store_save_family (f->store, family, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hel_family_set_start_date (family, "2025-02-01");
  hel_family_set_end_date (family, "2025-01-01");
  g_assert_false (hel_store_save_family (f->store, family, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hel_family_set_end_date (family, NULL);
  hel_family_set_primary_caseworker_id (family, 5);
  hel_family_set_secondary_caseworker_id (family, 5);
  g_assert_false (hel_store_save_family (f->store, family, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A caseworker that does not exist breaks a foreign key. */
  hel_family_set_secondary_caseworker_id (family, 0);
  g_assert_false (hel_store_save_family (f->store, family, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing of the failed attempts was written; the transaction is closed again. */
  families = hel_store_list_families (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (families->len, ==, 0);
  hel_family_set_primary_caseworker_id (family, 0);
  g_assert_true (hel_store_save_family (f->store, family, &error));
  g_assert_no_error (error);

  /* Updating a family that was erased elsewhere says so. */
  g_assert_true (hel_store_erase_family (f->store, hel_family_get_id (family), &error));
  g_assert_false (hel_store_save_family (f->store, family, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
}

static void
test_member_validation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = make_family (f->store, "Familien CPR");
  g_autoptr(HelMember) member = hel_member_new ();
  g_autoptr(HelMember) loaded = NULL;
  g_autoptr(GPtrArray) members = NULL;

  hel_member_set_family_id (member, hel_family_get_id (family));
  hel_member_set_first_name (member, "");
  g_assert_false (hel_store_save_member (f->store, member, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  hel_member_set_first_name (member, "Sofie");
  hel_member_set_cpr (member, "010180-123");
  g_assert_false (hel_store_save_member (f->store, member, &error));
  g_assert_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT);
  g_clear_error (&error);

  hel_member_set_cpr (member, "0101801234");
  hel_member_set_birth_date (member, "1980-01-02");
  g_assert_false (hel_store_save_member (f->store, member, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  hel_member_set_birth_date (member, "2999-01-01");
  hel_member_set_cpr (member, NULL);
  g_assert_false (hel_store_save_member (f->store, member, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A member of a family that does not exist. */
  hel_member_set_birth_date (member, "1980-01-01");
  hel_member_set_family_id (member, 9999);
  g_assert_false (hel_store_save_member (f->store, member, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  hel_member_set_family_id (member, hel_family_get_id (family));
  hel_member_set_cpr (member, "0101801234");
  hel_member_set_gender (member, HEL_GENDER_FEMALE);
  hel_member_set_in_household (member, FALSE);
  g_assert_true (hel_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  /* The CPR number is stored in its one written form. */
  g_assert_cmpstr (hel_member_get_cpr (member), ==, "010180-1234");

  loaded = hel_store_get_member (f->store, hel_member_get_id (member), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hel_member_get_first_name (loaded), ==, "Sofie");
  g_assert_cmpstr (hel_member_get_cpr (loaded), ==, "010180-1234");
  g_assert_cmpint (hel_member_get_gender (loaded), ==, HEL_GENDER_FEMALE);
  g_assert_false (hel_member_get_in_household (loaded));

  members = hel_store_list_members (f->store, hel_family_get_id (family), &error);
  g_assert_cmpuint (members->len, ==, 1);
}

static void
test_member_order_and_delete (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = make_family (f->store, "Familien Orden");
  gint64 fid = hel_family_get_id (family);
  g_autoptr(HelMember) a = make_member (f->store, fid, HEL_ROLE_MOTHER, "Anna");
  g_autoptr(HelMember) b = make_member (f->store, fid, HEL_ROLE_CHILD, "Bo");
  g_autoptr(HelMember) c = make_member (f->store, fid, HEL_ROLE_CHILD, "Carl");
  g_autoptr(GPtrArray) members = NULL;

  g_assert_cmpint (hel_member_get_position (a), <, hel_member_get_position (b));
  g_assert_cmpint (hel_member_get_position (b), <, hel_member_get_position (c));
  members = hel_store_list_members (f->store, fid, &error);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_cmpstr (hel_member_get_first_name (members->pdata[0]), ==, "Anna");
  g_assert_cmpstr (hel_member_get_first_name (members->pdata[2]), ==, "Carl");

  g_assert_true (hel_store_delete_member (f->store, hel_member_get_id (b), &error));
  g_assert_no_error (error);
  g_assert_false (hel_store_delete_member (f->store, hel_member_get_id (b), &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = hel_store_list_members (f->store, fid, NULL);
  g_assert_cmpuint (members->len, ==, 2);
}

static void
test_income_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = make_family (f->store, "Familien Ydelse");
  g_autoptr(HelMember) mother = make_member (f->store, hel_family_get_id (family),
                                             HEL_ROLE_MOTHER, "Mona");
  g_autoptr(HelIncomePeriod) first = hel_income_period_new (hel_member_get_id (mother),
                                                            HEL_INCOME_CASH_BENEFIT, "2024-03-01");
  g_autoptr(HelIncomePeriod) second = hel_income_period_new (hel_member_get_id (mother),
                                                             HEL_INCOME_RESOURCE_COURSE,
                                                             "2025-06-01");
  g_autoptr(HelIncomePeriod) same_day = hel_income_period_new (hel_member_get_id (mother),
                                                               HEL_INCOME_FLEX_JOB, "2025-06-01");
  g_autoptr(HelIncomePeriod) bad = hel_income_period_new (hel_member_get_id (mother),
                                                          HEL_INCOME_FLEX_JOB, "2025-06-31");
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(HelMember) loaded = NULL;

  g_assert_true (hel_store_add_income_period (f->store, second, &error));
  g_assert_true (hel_store_add_income_period (f->store, first, &error));
  g_assert_no_error (error);
  g_assert_false (hel_store_add_income_period (f->store, bad, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  periods = hel_store_list_income_periods (f->store, hel_member_get_id (mother), &error);
  g_assert_cmpuint (periods->len, ==, 2);
  g_assert_cmpstr (((HelIncomePeriod *) periods->pdata[0])->start_date, ==, "2024-03-01");
  g_assert_cmpuint (((HelIncomePeriod *) periods->pdata[1])->kind, ==, HEL_INCOME_RESOURCE_COURSE);

  /* The member carries the current (latest) period. */
  loaded = hel_store_get_member (f->store, hel_member_get_id (mother), &error);
  g_assert_cmpint (hel_member_get_income_kind (loaded), ==, HEL_INCOME_RESOURCE_COURSE);
  g_assert_cmpstr (hel_member_get_income_start (loaded), ==, "2025-06-01");

  /* A second period on the same day replaces the first. */
  g_assert_true (hel_store_add_income_period (f->store, same_day, &error));
  g_clear_pointer (&periods, g_ptr_array_unref);
  periods = hel_store_list_income_periods (f->store, hel_member_get_id (mother), &error);
  g_assert_cmpuint (periods->len, ==, 2);
  g_assert_cmpuint (((HelIncomePeriod *) periods->pdata[1])->kind, ==, HEL_INCOME_FLEX_JOB);

  g_assert_true (hel_store_delete_income_period (f->store, first->id, &error));
  g_clear_pointer (&periods, g_ptr_array_unref);
  periods = hel_store_list_income_periods (f->store, hel_member_get_id (mother), &error);
  g_assert_cmpuint (periods->len, ==, 1);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
test_erase_leaves_no_trace (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) keep = make_family (f->store, "Familien Bliver");
  g_autoptr(HelFamily) gone = make_family (f->store, "Familien Qwxyzslettes");
  g_autoptr(HelMember) member = make_member (f->store, hel_family_get_id (gone),
                                             HEL_ROLE_FATHER, "Zebulonfar");
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  hel_member_set_cpr (member, "311299-1111");
  g_assert_true (hel_store_save_member (f->store, member, &error));
  g_assert_no_error (error);

  g_assert_true (hel_store_erase_family (f->store, hel_family_get_id (gone), &error));
  g_assert_no_error (error);

  families = hel_store_list_families (f->store, NULL);
  g_assert_cmpuint (families->len, ==, 1);
  g_assert_cmpint (hel_family_get_id (families->pdata[0]), ==, hel_family_get_id (keep));
  members = hel_store_list_members (f->store, hel_family_get_id (gone), NULL);
  g_assert_cmpuint (members->len, ==, 0);

  /* Erased means erased: not in the database file, not in the WAL. */
  g_assert_false (file_contains (f->path, "Qwxyzslettes"));
  g_assert_false (file_contains (f->path, "Zebulonfar"));
  g_assert_false (file_contains (f->path, "311299-1111"));
  g_assert_false (file_contains (wal, "Qwxyzslettes"));
  g_assert_false (file_contains (wal, "Zebulonfar"));
  g_assert_true (file_contains (f->path, "Familien Bliver") || file_contains (wal, "Familien Bliver"));
}

static void
count_change_cb (HelStore *store,
                 gint64    id,
                 gpointer  user_data)
{
  GArray *ids = user_data;
  g_array_append_val (ids, id);
}

static void
test_changed_signal_and_transactions (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) family_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(HelFamily) a = NULL;
  g_autoptr(HelFamily) b = NULL;
  gulong handler;

  handler = g_signal_connect (f->store, "changed::family", G_CALLBACK (count_change_cb), family_ids);

  a = make_family (f->store, "Familien Signal");
  g_assert_cmpuint (family_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (family_ids, gint64, 0), ==, hel_family_get_id (a));

  /* Inside an outer transaction nothing is announced until it commits ... */
  g_assert_true (hel_store_begin (f->store, &error));
  b = make_family (f->store, "Familien Samlet");
  g_object_unref (make_member (f->store, hel_family_get_id (b), HEL_ROLE_CHILD, "Ib"));
  g_assert_cmpuint (family_ids->len, ==, 1);
  g_assert_true (hel_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (family_ids->len, ==, 2);

  /* ... and a rolled-back transaction announces nothing and leaves nothing. */
  g_assert_true (hel_store_begin (f->store, &error));
  g_clear_object (&b);
  b = make_family (f->store, "Familien Fortrudt");
  hel_store_rollback (f->store);
  g_assert_cmpuint (family_ids->len, ==, 2);
  families = hel_store_list_families (f->store, &error);
  g_assert_cmpuint (families->len, ==, 2);

  g_signal_handler_disconnect (f->store, handler);
}

static void
test_team_unique (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelTeam) a = hel_team_new (0, "Sydvest");
  g_autoptr(HelTeam) b = hel_team_new (0, "sydvest");
  g_autoptr(HelTeam) empty = hel_team_new (0, " ");
  g_autoptr(GPtrArray) teams = NULL;

  g_assert_true (hel_store_save_team (f->store, a, &error));
  g_assert_false (hel_store_save_team (f->store, b, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sydvest"));
  g_clear_error (&error);
  g_assert_false (hel_store_save_team (f->store, empty, &error));
  g_clear_error (&error);
  hel_team_set_name (a, "Sydvest 2");
  g_assert_true (hel_store_save_team (f->store, a, &error));
  teams = hel_store_list_teams (f->store, &error);
  g_assert_cmpuint (teams->len, ==, 1);
  g_assert_cmpstr (hel_team_get_name (teams->pdata[0]), ==, "Sydvest 2");
  g_assert_true (hel_store_delete_team (f->store, hel_team_get_id (a), &error));
}

static void
test_backup_and_check (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = make_family (f->store, "Familien Kopi");
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *report = NULL;
  g_autoptr(HelStore) copy = NULL;
  g_autoptr(GPtrArray) families = NULL;
  GStatBuf st;

  g_assert_true (hel_store_check_integrity (f->store, &report, &error));
  g_assert_cmpstr (report, ==, "ok");
  g_assert_true (hel_store_backup (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = hel_store_open (backup, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  families = hel_store_list_families (copy, &error);
  g_assert_cmpuint (families->len, ==, 1);
  g_assert_cmpstr (hel_family_get_name (families->pdata[0]), ==, "Familien Kopi");
  g_assert_cmpint (hel_family_get_id (families->pdata[0]), ==, hel_family_get_id (family));
}

/* ---- files that are not (or no longer) good databases ---- */

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
tmp_file (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("helhed-bad-XXXXXX", NULL);
  return g_build_filename (dir, name, NULL);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_file ("nothing.db");
  g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);

  g_assert_null (store);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_newer_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_file ("newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", HEL_STORE_SCHEMA_VERSION + 1);
  gsize len_before, len_after;

  g_assert_no_error (error);
  g_object_unref (make_family (store, "Familien Fremtid"));
  g_clear_object (&store);
  exec_sql (path, bump);
  exec_sql (path, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer"));

  /* Refused means untouched. */
  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
}

static void
test_migrate_from_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_file ("empty.db");
  g_autoptr(HelStore) store = NULL;

  /* An empty SQLite file (version 0) is migrated through every step. */
  exec_sql (path, "PRAGMA user_version = 0");
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hel_store_get_schema_version (store), ==, HEL_STORE_SCHEMA_VERSION);
  g_object_unref (make_family (store, "Familien Migreret"));
}

static void
test_foreign_database_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_file ("other.db");
  g_autoptr(HelStore) store = NULL;

  exec_sql (path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('kage')");
  store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_HELHED);
}

static void
test_garbage_file_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_file ("garbage.db");
  g_autoptr(HelStore) store = NULL;
  g_autofree char *after = NULL;
  const char garbage[] = "This is not a database at all, just some text that someone saved. "
                         "It is long enough to look like a header, and it is not one.";

  GStatBuf st;

  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  g_chmod (path, 0644);
  store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CORRUPT);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);
  /* A refused file is not ours to change, not even its mode. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
}

static void
test_truncated_file_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_file ("truncated.db");
  g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_autofree char *contents = NULL;
  gsize length;

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Familien Nummer %d med et langt navn", i);
      g_autoptr(HelFamily) family = make_family (store, name);

      g_assert_cmpint (hel_family_get_id (family), ==, i + 1);
    }
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (path, contents, (gssize) (length / 2), NULL));

  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CORRUPT);
}

/* An empty file where a database should be is a loss to be told, with either flag; SQLite
 * would have started a new database in it. The file stays empty. */
static void
test_empty_file_refused (void)
{
  g_autofree char *path = tmp_file ("empty.db");
  HelStoreOpenFlags flags[] = { HEL_STORE_OPEN_DEFAULT, HEL_STORE_OPEN_CREATE };

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HelStore) store = hel_store_open (path, flags[i], &error);
      GStatBuf st;

      g_assert_null (store);
      g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "empty"));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }
}

/* A read transaction takes no write lock: it reads while another connection holds one, and
 * sees the database as it was when it began. */
static void
test_read_transaction (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_file ("read.db");
  g_autoptr(HelStore) writer = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_autoptr(HelStore) reader = NULL;
  g_autoptr(HelFamily) first = make_family (writer, "Familien Før");
  g_autoptr(GPtrArray) seen = NULL;

  reader = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (hel_store_begin (writer, &error));
  g_assert_true (hel_store_begin_read (reader, &error));
  g_assert_no_error (error);
  seen = hel_store_list_families (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (hel_store_commit (writer, &error));
  g_assert_true (hel_store_commit (reader, &error));
  g_assert_no_error (error);
}

static void
test_read_only_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_file ("readonly.db");
  g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);

  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_no_error (error);
  g_clear_object (&store);
  g_chmod (dir, 0755);
  g_chmod (path, 0444);

  /* Root may write anywhere, so the opening runs as "nobody" in a child when needed. */
  if (g_test_subprocess ())
    {
      if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        g_error ("could not drop to nobody");
      store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
      g_assert_null (store);
      g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_READ_ONLY);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_directory_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helhed-dir-XXXXXX", NULL);
  g_autoptr(HelStore) store = hel_store_open (dir, HEL_STORE_OPEN_CREATE, &error);

  g_assert_null (store);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CANT_OPEN);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open/private-files", test_open_creates_private_files);
  ADD ("family/round-trip", test_family_round_trip);
  ADD ("family/validation", test_family_validation);
  ADD ("family/erase-leaves-no-trace", test_erase_leaves_no_trace);
  ADD ("member/validation", test_member_validation);
  ADD ("member/order-and-delete", test_member_order_and_delete);
  ADD ("member/income-history", test_income_history);
  ADD ("signal/changed-and-transactions", test_changed_signal_and_transactions);
  ADD ("team/unique", test_team_unique);
  ADD ("backup/and-check", test_backup_and_check);
#undef ADD
  g_test_add_func ("/store/open/missing-file", test_missing_file);
  g_test_add_func ("/store/open/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/store/open/migrate-from-empty", test_migrate_from_empty);
  g_test_add_func ("/store/open/foreign-database-refused", test_foreign_database_refused);
  g_test_add_func ("/store/open/garbage-refused", test_garbage_file_refused);
  g_test_add_func ("/store/open/truncated-refused", test_truncated_file_refused);
  g_test_add_func ("/store/open/empty-refused", test_empty_file_refused);
  g_test_add_func ("/store/read-transaction", test_read_transaction);
  g_test_add_func ("/store/open/read-only-refused", test_read_only_refused);
  g_test_add_func ("/store/open/directory-refused", test_directory_refused);

  return g_test_run ();
}
