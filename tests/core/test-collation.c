/* test-collation.c: names sort the Danish way (… z, æ, ø, å) in the lists; old files still open. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "hel-collate.h"
#include "hel-store.h"
#include "hel-store-private.h"

static int
compare_danish (gconstpointer a,
                gconstpointer b)
{
  const char *x = *(const char **) a, *y = *(const char **) b;

  return _hel_store_collate_danish (NULL, strlen (x), x, strlen (y), y);
}

static int
collate (const char *a,
         const char *b)
{
  return compare_danish (&a, &b);
}

static void
assert_sorted (const char **names,
               guint        n)
{
  g_autoptr(GPtrArray) shuffled = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (shuffled, (gpointer) names[n - 1 - i]);
  for (int round = 0; round < 5; round++)
    {
      for (guint i = n - 1; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1);
          gpointer t = shuffled->pdata[i];
          shuffled->pdata[i] = shuffled->pdata[j];
          shuffled->pdata[j] = t;
        }
      g_ptr_array_sort (shuffled, compare_danish);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (shuffled->pdata[i], ==, names[i]);
    }
}

static void
test_danish_order (void)
{
  const char *families[] = {
    "Andersen", "Zeuthen", "Æble", "Østergaard", "Ågård", "Aalborg",
  };
  const char *letters[] = {
    "Bo", "bø", "Mortensen", "Müller", "Myrup", "Zink", "Ärlig", "Ærø", "Øbro", "Örn", "Åby", "åen",
  };
  const char *words[] = {
    "Hansen", "Hansen Ib", "Hansen Aagaard", "Hansen-Ib", "Hansen-Aagaard", "Hansen2", "Hanssen",
  };
  const char *ties[] = { "ANNA", "Anna", "anna", "Ole", "Olé", "Ole Bo" };

  assert_sorted (families, G_N_ELEMENTS (families));
  /* Case does not matter; ä, ö go with æ, ø and ü with y, as in Danish dictionaries. */
  assert_sorted (letters, G_N_ELEMENTS (letters));
  /* Space before punctuation before digits before letters; "Aa" is å only at a word's start. */
  assert_sorted (words, G_N_ELEMENTS (words));
  /* Case and accents only break ties, so the order is total and the same everywhere. */
  assert_sorted (ties, G_N_ELEMENTS (ties));

  g_assert_cmpint (collate ("Maagaard", "Mab"), <, 0);
  g_assert_cmpint (collate ("Strauß", "Strauss"), !=, 0);
  g_assert_cmpint (collate ("Strauß", "Strausz"), <, 0);
  g_assert_cmpint (collate ("x", "x"), ==, 0);
  /* Bytes that are not UTF-8 still compare, after the letters. */
  g_assert_cmpint (collate ("a\xff", "aå"), >, 0);
}

static int
sign (int x)
{
  return (x > 0) - (x < 0);
}

/* Every name the tests above sort, and a few edge cases. */
static const char *all_names[] = {
  "Andersen", "Zeuthen", "Æble", "Østergaard", "Ågård", "Aalborg", "Bo", "bø", "Mortensen",
  "Müller", "Myrup", "Zink", "Ärlig", "Ærø", "Øbro", "Örn", "Åby", "åen", "Hansen", "Hansen Ib",
  "Hansen Aagaard", "Hansen-Ib", "Hansen-Aagaard", "Hansen2", "Hanssen", "ANNA", "Anna", "anna",
  "Ole", "Olé", "Ole Bo", "Strauß", "Strauss", "Strausz", "a\xff", "aå", "", "aa", "Aa", "a",
};

/* The public functions give the order of the store's collation, with or without a length. */
static void
test_public_api (void)
{
  const char *families[] = { "Andersen", "Zeuthen", "Æble", "Østergaard", "Ågård", "Aalborg" };
  const char *slice = "Aalborgvej";
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  GList *list = NULL;
  const char *plain[G_N_ELEMENTS (families)];

  for (guint i = 0; i < G_N_ELEMENTS (all_names); i++)
    for (guint j = 0; j < G_N_ELEMENTS (all_names); j++)
      {
        const char *a = all_names[i], *b = all_names[j];
        int sql = _hel_store_collate_danish (NULL, strlen (a), a, strlen (b), b);

        g_assert_cmpint (sign (hel_collate_names (a, b)), ==, sign (sql));
        g_assert_cmpint (sign (hel_collate_names (b, a)), ==, -sign (sql));
        g_assert_cmpint (sign (hel_collate_names_len (a, -1, b, strlen (b))), ==, sign (sql));
        g_assert_cmpint (sign (hel_collate_names_ptr (&a, &b)), ==, sign (sql));
        g_assert_cmpint ((hel_collate_names (a, b) == 0), ==, (i == j));
      }

  /* NULL is "", before everything else. */
  g_assert_cmpint (hel_collate_names (NULL, NULL), ==, 0);
  g_assert_cmpint (hel_collate_names (NULL, ""), ==, 0);
  g_assert_cmpint (hel_collate_names (NULL, "a"), <, 0);
  g_assert_cmpint (hel_collate_names ("a", NULL), >, 0);
  /* A length need not end at a NUL. */
  g_assert_cmpint (hel_collate_names_len (slice, 7, "Aalborg", -1), ==, 0);
  g_assert_cmpint (hel_collate_names_len (slice, 7, "Zeuthen", -1), >, 0);

  /* Sorting arrays and lists of strings. */
  for (guint i = G_N_ELEMENTS (families); i > 0; i--)
    {
      g_ptr_array_add (array, (gpointer) families[i - 1]);
      list = g_list_prepend (list, (gpointer) families[G_N_ELEMENTS (families) - i]);
      plain[G_N_ELEMENTS (families) - i] = families[i - 1];
    }
  g_ptr_array_sort (array, hel_collate_names_ptr);
  qsort (plain, G_N_ELEMENTS (plain), sizeof plain[0], hel_collate_names_ptr);
  list = g_list_sort (list, (GCompareFunc) hel_collate_names);
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_assert_cmpstr (array->pdata[i], ==, families[i]);
      g_assert_cmpstr (plain[i], ==, families[i]);
      g_assert_cmpstr (g_list_nth_data (list, i), ==, families[i]);
    }
  g_list_free (list);
  g_ptr_array_sort_with_data (array, hel_collate_names_ptr_data, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    g_assert_cmpstr (array->pdata[i], ==, families[i]);
}

/* The order does not follow the process locale: the same under C and under Danish. */
static void
test_locale_independent (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  int in_c[G_N_ELEMENTS (all_names)][G_N_ELEMENTS (all_names)];
  const char *locales[] = { "da_DK.UTF-8", "en_US.UTF-8", "C.UTF-8" };
  guint tried = 0;

  setlocale (LC_ALL, "C");
  for (guint i = 0; i < G_N_ELEMENTS (all_names); i++)
    for (guint j = 0; j < G_N_ELEMENTS (all_names); j++)
      in_c[i][j] = hel_collate_names (all_names[i], all_names[j]);
  for (guint k = 0; k < G_N_ELEMENTS (locales); k++)
    {
      if (setlocale (LC_ALL, locales[k]) == NULL)
        continue;
      tried++;
      for (guint i = 0; i < G_N_ELEMENTS (all_names); i++)
        for (guint j = 0; j < G_N_ELEMENTS (all_names); j++)
          g_assert_cmpint (hel_collate_names (all_names[i], all_names[j]), ==, in_c[i][j]);
    }
  setlocale (LC_ALL, saved);
  if (tried == 0)
    g_test_skip ("no UTF-8 locale other than C is installed");
}

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-collation-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "helhed.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
add_family (HelStore   *store,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();

  hel_family_set_name (family, name);
  hel_family_set_start_date (family, "2025-02-01");
  g_assert_true (hel_store_save_family (store, family, &error));
  g_assert_no_error (error);
}

typedef const char *(*NameFunc) (gpointer item);

/* The whole list is in Danish order, and @names (which the test added) come in this order. */
static void
assert_listed_in_order (GPtrArray   *list,
                        NameFunc     name_of,
                        const char **names,
                        guint        n_names)
{
  guint found = 0;

  for (guint i = 0; i < list->len; i++)
    {
      const char *name = name_of (list->pdata[i]);

      if (i > 0)
        {
          const char *before = name_of (list->pdata[i - 1]);
          g_assert_cmpint (hel_collate_names (before, name), <=, 0);
        }
      if (found < n_names && g_str_equal (name, names[found]))
        found++;
    }
  g_assert_cmpuint (found, ==, n_names);
}

static void
check_store_lists (HelStore *store)
{
  const char *names[] = { "Andersen", "Zeuthen", "Æble", "Østergaard", "Ågård", "Aalborg" };
  const char *insert[] = { "Aalborg", "Østergaard", "Zeuthen", "Ågård", "Andersen", "Æble" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) caseworkers = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (insert); i++)
    {
      g_autoptr(HelTeam) team = hel_team_new (0, insert[i]);
      g_autoptr(HelCaseworker) caseworker = hel_caseworker_new ();

      add_family (store, insert[i]);
      g_assert_true (hel_store_save_team (store, team, &error));
      g_assert_no_error (error);
      hel_caseworker_set_name (caseworker, insert[i]);
      g_assert_true (hel_store_save_caseworker (store, caseworker, &error));
      g_assert_no_error (error);
    }

  families = hel_store_list_families (store, &error);
  g_assert_no_error (error);
  teams = hel_store_list_teams (store, &error);
  g_assert_no_error (error);
  caseworkers = hel_store_list_caseworkers (store, &error);
  g_assert_no_error (error);
  assert_listed_in_order (families, (NameFunc) hel_family_get_name, names, G_N_ELEMENTS (names));
  assert_listed_in_order (teams, (NameFunc) hel_team_get_name, names, G_N_ELEMENTS (names));
  assert_listed_in_order (caseworkers, (NameFunc) hel_caseworker_get_name, names,
                          G_N_ELEMENTS (names));
}

/* The file itself never names the collation: sqlite3 and other tools read it as before. */
static void
check_file_without_collation (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master "
                                       "WHERE sql LIKE '%" HEL_COLLATE_DANISH "%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM family ORDER BY name COLLATE NOCASE",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_new_store (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HelStore *store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  check_store_lists (store);
  g_assert_finalize_object (store);
  check_file_without_collation (f->path);
}

/* A file from before the collation (the oldest fixture) opens, moves up and lists in order. */
static void
test_existing_store (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "faults", "fixtures",
                                                    "helhed-v1.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  HelStore *store;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (f->path, contents, length, &error));
  g_assert_no_error (error);
  check_file_without_collation (f->path);

  store = hel_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (hel_store_get_schema_version (store), ==, HEL_STORE_SCHEMA_VERSION);
  g_assert_finalize_object (store);

  store = hel_store_open (f->path, 0, &error);
  g_assert_no_error (error);
  check_store_lists (store);
  g_assert_finalize_object (store);
  check_file_without_collation (f->path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/collation/danish-order", test_danish_order);
  g_test_add_func ("/collation/public-api", test_public_api);
  g_test_add_func ("/collation/locale-independent", test_locale_independent);
  g_test_add ("/collation/new-store", Fixture, NULL, fixture_set_up, test_new_store,
              fixture_tear_down);
  g_test_add ("/collation/existing-store", Fixture, NULL, fixture_set_up, test_existing_store,
              fixture_tear_down);
  return g_test_run ();
}
