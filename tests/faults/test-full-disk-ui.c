/* test-full-disk-ui.c: the window when the disk is full or the file is broken: the message is
 * shown, what was typed stays in the field, and a broken file gets the error page. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fault-util.h"
#include "full-vfs.h"
#include "hel-application.h"
#include "hel-family-page-private.h"
#include "hel-window-private.h"
#include "../ui/hel-ui-test.h"

static char *
stored_name (HelStore *store,
             gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_store_get_family (store, id, &error);

  g_assert_no_error (error);
  return g_strdup (hel_family_get_name (family));
}

/* Renaming a family while the disk is full: the message at the field, the typed name kept. */
static void
test_rename_on_full_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helhed-full-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "helhed.db", NULL);
  g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autofree char *name = NULL;
  HelWindow *window;
  HelFamilyPage *page;
  AdwEntryRow *name_row;
  GtkLabel *error_label;

  g_assert_no_error (error);
  hel_family_set_name (family, "Familien Holm");
  hel_family_set_start_date (family, "2025-03-01");
  g_assert_true (hel_store_save_family (store, family, &error));

  window = hel_window_new (NULL);
  g_object_ref_sink (window);
  hel_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  page = _hel_window_get_family_page (window);
  name_row = _hel_family_page_get_name_row (page);
  error_label = _hel_family_page_get_error_label (page);
  g_assert_true (hel_family_list_select_family (_hel_window_get_family_list (window),
                                                hel_family_get_id (family)));

  full_vfs_set_full (TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Familien Holm-Berg");
  g_signal_emit_by_name (name_row, "apply");
  drain ();
  g_assert_cmpuint (full_vfs_refused, >, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "disk is full"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Familien Holm-Berg");
  name = stored_name (store, hel_family_get_id (family));
  g_assert_cmpstr (name, ==, "Familien Holm");
  g_clear_pointer (&name, g_free);

  /* Space again: applying once more saves what was typed, and the message goes. */
  full_vfs_set_full (FALSE);
  g_signal_emit_by_name (name_row, "apply");
  drain ();
  name = stored_name (store, hel_family_get_id (family));
  g_assert_cmpstr (name, ==, "Familien Holm-Berg");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_finalize_object (window);
  g_assert_finalize_object (g_steal_pointer (&store));
  fault_remove_tree (dir);
}

static void
error_page_activate_cb (GApplication *app,
                        const char   *expected)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  HelWindow *window = HEL_WINDOW (windows->data);
  const char *description;

  g_assert_cmpstr (_hel_window_get_visible_page (window), ==, "error");
  g_assert_null (hel_window_get_store (window));
  description = adw_status_page_get_description (_hel_window_get_error_page (window));
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, expected));
  /* A file that exists is never offered to be made anew. */
  g_assert_false (gtk_widget_get_visible (_hel_window_get_create_db_button (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --db with a damaged file, a stranger's database, a text file: the error page, no crash. */
static void
test_broken_file_error_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helhed-broken-ui-XXXXXX", &error);
  static const struct {
    const char *name;
    const char *expected;   /* in the message */
  } cases[] = {
    { "garbage.db", "damaged" },
    { "stranger.db", "not one of Helhed" },
    { "truncated.db", "damaged" },
  };

  g_assert_no_error (error);
  {
    g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
    g_autofree char *noise = g_strnfill (8192, 'x');
    g_autofree char *stranger = g_build_filename (dir, "stranger.db", NULL);
    g_autofree char *whole = g_build_filename (dir, "whole.db", NULL);
    g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
    g_autofree char *contents = NULL;
    sqlite3 *db = NULL;
    gsize length;

    memcpy (noise, "SQLite format 3", 16);
    g_assert_true (g_file_set_contents (garbage, noise, 8192, NULL));
    g_assert_cmpint (sqlite3_open (stranger, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT);"
                                       "INSERT INTO recipe (name) VALUES ('Æblekage');",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    {
      g_autoptr(HelStore) store = hel_store_open (whole, HEL_STORE_OPEN_CREATE, &error);
      g_autoptr(HelFamily) family = hel_family_new ();

      hel_family_set_name (family, "Familien Holm");
      hel_family_set_start_date (family, "2025-03-01");
      g_assert_true (hel_store_save_family (store, family, &error));
    }
    g_assert_true (g_file_get_contents (whole, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (truncated, contents, (gssize) (length * 2 / 3), NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      HelApplication *app = hel_application_new (G_APPLICATION_NON_UNIQUE);
      char *argv[] = { (char *) "helhed", (char *) "--db", path, NULL };
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
      g_signal_connect_after (app, "activate", G_CALLBACK (error_page_activate_cb),
                              (gpointer) cases[i].expected);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
      drain ();
      g_assert_finalize_object (app);
      /* Left as it was: nothing written into a file that is not ours or is damaged. */
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (before, ==, after);
    }
  fault_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  full_vfs_install ();

  g_test_add_func ("/faults/ui/rename-on-full-disk", test_rename_on_full_disk);
  g_test_add_func ("/faults/ui/broken-file-error-page", test_broken_file_error_page);
  return g_test_run ();
}
