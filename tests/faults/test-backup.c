/* test-backup.c: automatic backups: made when due, verified, private, the newest 7 kept, and
 * restored in place of the database without losing what was there. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include "fault-util.h"
#include "hel-backup.h"

typedef struct {
  char     *dir;
  char     *db_path;
  char     *backup_dir;
  HelStore *store;
} Fixture;

static gint64
add_family (HelStore   *store,
            const char *name)
{
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(GError) error = NULL;

  hel_family_set_name (family, name);
  hel_family_set_start_date (family, "2025-01-01");
  g_assert_true (hel_store_save_family (store, family, &error));
  g_assert_no_error (error);
  return hel_family_get_id (family);
}

static char *
family_name (const char *db_path,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = hel_store_open (db_path, HEL_STORE_OPEN_DEFAULT, &error);
  g_autoptr(HelFamily) family = NULL;

  g_assert_no_error (error);
  family = hel_store_get_family (store, id, &error);
  g_assert_no_error (error);
  return g_strdup (hel_family_get_name (family));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "helhed.db", NULL);
  f->backup_dir = hel_backup_dir_for (f->db_path);
  f->store = hel_store_open (f->db_path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_family (f->store, "Familien Østergaard");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  fault_remove_tree (f->dir);
  g_free (f->backup_dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static GDateTime *
days_ago (GDateTime *now,
          double     days)
{
  return g_date_time_add_seconds (now, -days * 24 * 3600);
}

static void
test_dir_for (void)
{
  g_autofree char *usual = hel_store_default_path ();
  g_autofree char *usual_dir = hel_backup_dir_for (usual);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "helhed", "backups", NULL);
  g_autofree char *other = hel_backup_dir_for ("/somewhere/demo.db");

  g_assert_cmpstr (usual_dir, ==, expected);
  g_assert_cmpstr (other, ==, "/somewhere/demo.db.backups");
}

static void
test_age_rule (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) earlier = days_ago (now, 23.0 / 24);
  g_autoptr(GDateTime) a_day_later = g_date_time_add_hours (earlier, 25);
  g_autoptr(GDateTime) clock_back = days_ago (now, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *none = NULL;
  g_autofree char *second = NULL;

  /* No backup yet: one is due. */
  g_assert_true (hel_backup_is_due (f->backup_dir, now));
  first = hel_backup_auto (f->store, f->backup_dir, earlier, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  /* 23 hours later: not due. */
  g_assert_false (hel_backup_is_due (f->backup_dir, now));
  none = hel_backup_auto (f->store, f->backup_dir, now, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  /* 25 hours after it: due. */
  g_assert_true (hel_backup_is_due (f->backup_dir, a_day_later));
  second = hel_backup_auto (f->store, f->backup_dir, a_day_later, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  /* The clock went back a day: the "newest" is from the future, so one is made. */
  g_assert_true (hel_backup_is_due (f->backup_dir, clock_back));
}

static void
test_rotation_keeps_seven (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stranger = g_build_filename (f->backup_dir, "notes.txt", NULL);
  g_autofree char *oldest_kept = NULL;

  for (int d = 10; d >= 0; d--)
    {
      g_autoptr(GDateTime) when = days_ago (now, d);
      g_autofree char *path = hel_backup_make (f->store, f->backup_dir, when, &error);

      g_assert_no_error (error);
      if (d == 6)
        oldest_kept = g_strdup (path);
      if (d == 10)
        g_assert_true (g_file_set_contents (stranger, "mine", -1, NULL));
    }
  list = hel_backup_list (f->backup_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, HEL_BACKUP_KEEP);
  g_assert_cmpstr (((HelBackupInfo *) list->pdata[HEL_BACKUP_KEEP - 1])->path, ==, oldest_kept);
  for (guint i = 1; i < list->len; i++)
    g_assert_cmpint (g_date_time_compare (((HelBackupInfo *) list->pdata[i - 1])->time,
                                          ((HelBackupInfo *) list->pdata[i])->time), >, 0);
  /* A file that is not a backup is never removed. */
  g_assert_true (g_file_test (stranger, G_FILE_TEST_EXISTS));
}

static void
test_private_and_verified (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = hel_backup_make (f->store, f->backup_dir, now, &error);
  g_autofree char *name = NULL;
  g_autofree char *part = NULL;
  g_autoptr(HelStore) copy = NULL;
  GStatBuf buf;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->backup_dir, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  /* One self-contained file, no half-written leftovers. */
  part = g_strconcat (path, ".part", NULL);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  copy = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&copy);
  name = family_name (path, 1);
  g_assert_cmpstr (name, ==, "Familien Østergaard");
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) yesterday = days_ago (now, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = hel_backup_make (f->store, f->backup_dir, yesterday, &error);
  g_autoptr(HelFamily) family = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *saved = NULL;
  GStatBuf buf;

  g_assert_no_error (error);
  family = hel_store_get_family (f->store, 1, &error);
  hel_family_set_name (family, "Familien Efter Fejlen");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  add_family (f->store, "Familien Ny");
  g_assert_finalize_object (g_steal_pointer (&f->store));

  g_assert_true (hel_backup_restore (backup, f->db_path, f->backup_dir, &error));
  g_assert_no_error (error);
  restored = family_name (f->db_path, 1);
  g_assert_cmpstr (restored, ==, "Familien Østergaard");
  g_assert_cmpint (g_stat (f->db_path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* What was replaced is itself a backup now, the newest; the restored one is still there. */
  list = hel_backup_list (f->backup_dir, &error);
  g_assert_cmpuint (list->len, ==, 2);
  saved = family_name (((HelBackupInfo *) list->pdata[0])->path, 1);
  g_assert_cmpstr (saved, ==, "Familien Efter Fejlen");
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_restore_refuses_broken_backup (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_build_filename (f->dir, "helhed-2020-01-01T000000Z.db", NULL);
  g_autofree char *name = NULL;
  g_autofree char *contents = g_strnfill (8192, 'x');

  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_true (g_file_set_contents (broken, contents, -1, NULL));
  g_assert_false (hel_backup_restore (broken, f->db_path, f->backup_dir, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  /* The database is untouched and no copy was left lying around. */
  name = family_name (f->db_path, 1);
  g_assert_cmpstr (name, ==, "Familien Østergaard");
  g_assert_false (g_file_test (f->backup_dir, G_FILE_TEST_EXISTS));
}

static void
test_restore_over_damaged_database (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = hel_backup_make (f->store, f->backup_dir, now, &error);
  g_autofree char *name = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  gboolean kept_aside = FALSE;

  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_true (g_file_set_contents (f->db_path, "not a database at all", -1, NULL));
  g_assert_true (hel_backup_restore (backup, f->db_path, f->backup_dir, &error));
  g_assert_no_error (error);
  name = family_name (f->db_path, 1);
  g_assert_cmpstr (name, ==, "Familien Østergaard");
  dir = g_dir_open (f->dir, 0, NULL);
  while ((entry = g_dir_read_name (dir)) != NULL)
    kept_aside |= g_str_has_prefix (entry, "helhed.db.damaged-");
  g_assert_true (kept_aside);
}

static void
auto_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **made = user_data;
  g_autoptr(GError) error = NULL;

  *made = hel_backup_auto_finish (result, &error);
  g_assert_no_error (error);
  if (*made == NULL)
    *made = g_strdup ("");
}

static void
test_auto_in_thread (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *made = NULL;
  g_autofree char *again = NULL;

  /* The app keeps its own connection open meanwhile. */
  hel_backup_auto_async (f->db_path, NULL, auto_done_cb, &made);
  while (made == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (made, f->backup_dir));
  g_assert_true (g_file_test (made, G_FILE_TEST_IS_REGULAR));

  hel_backup_auto_async (f->db_path, NULL, auto_done_cb, &again);
  while (again == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (again, ==, "");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* The usual database and its backup folder live in a throwaway $XDG_DATA_HOME. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/faults/backup/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/faults/backup/dir-for", test_dir_for);
  ADD ("age-rule", test_age_rule);
  ADD ("rotation-keeps-seven", test_rotation_keeps_seven);
  ADD ("private-and-verified", test_private_and_verified);
  ADD ("restore", test_restore);
  ADD ("restore-refuses-broken-backup", test_restore_refuses_broken_backup);
  ADD ("restore-over-damaged-database", test_restore_over_damaged_database);
  ADD ("auto-in-thread", test_auto_in_thread);
#undef ADD
  return g_test_run ();
}
