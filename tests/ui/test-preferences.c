/* test-preferences.c: teams, caseworkers and backups in the preferences, driven through the real
 * rows. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hel-backup.h"
#include "helhed-resources.h"
#include "hel-preferences-window-private.h"

typedef struct {
  char     *dir;
  HelStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("helhed-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "helhed.db", NULL);
  f->store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_assert_finalize_object (f->store);
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (dir, NULL, NULL);
  g_free (f->dir);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @cond holds; fails after five seconds. */
#define WAIT_FOR(cond)                                                       \
  G_STMT_START {                                                             \
    gboolean timed_out_ = FALSE;                                             \
    guint id_ = g_timeout_add_seconds (5, timeout_cb, &timed_out_);          \
    while (!(cond) && !timed_out_)                                           \
      g_main_context_iteration (NULL, TRUE);                                 \
    if (!timed_out_)                                                         \
      g_source_remove (id_);                                                 \
    g_assert_true (cond);                                                    \
  } G_STMT_END

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
type_and_apply (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static gboolean
has_error (gpointer row)
{
  return gtk_widget_has_css_class (GTK_WIDGET (row), "error");
}

static GPtrArray *
list_teams (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *teams = hel_store_list_teams (f->store, &error);

  g_assert_no_error (error);
  return teams;
}

static GPtrArray *
list_caseworkers (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = hel_store_list_caseworkers (f->store, &error);

  g_assert_no_error (error);
  return list;
}

static HelPreferencesWindow *
open_preferences (Fixture *f)
{
  GtkWindow *window = hel_preferences_window_new (NULL, f->store);

  g_assert_true (HEL_IS_PREFERENCES_WINDOW (window));
  g_object_ref (window);
  gtk_window_present (window);
  settle ();
  return HEL_PREFERENCES_WINDOW (window);
}

static void
close_and_free (HelPreferencesWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (window);
}

/* Answers the confirmation the way a click on its button would. */
static void
answer_dialog (HelPreferencesWindow *window,
               const char           *response)
{
  AdwMessageDialog *dialog = _hel_preferences_window_get_dialog (window);

  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (dialog == NULL);
}

static void
test_teams (Fixture       *f,
            gconstpointer  data)
{
  HelPreferencesWindow *window = open_preferences (f);
  AdwEntryRow *add = _hel_preferences_window_get_add_team_row (window);
  GtkLabel *label = _hel_preferences_window_get_teams_error_label (window);
  g_autoptr(GPtrArray) teams = NULL;
  AdwEntryRow *row;
  GtkButton *remove;
  gint64 east_id;
  const char *tooltip;

  type_and_apply (add, " Familiegruppe Øst ");
  teams = list_teams (f);
  g_assert_cmpuint (teams->len, ==, 1);
  g_assert_cmpstr (hel_team_get_name (teams->pdata[0]), ==, "Familiegruppe Øst");
  east_id = hel_team_get_id (teams->pdata[0]);
  row = _hel_preferences_window_get_team_row (window, east_id);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Familiegruppe Øst");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");

  /* Duplicate name: the store's message at the row, the typed text kept, nothing written. */
  type_and_apply (add, "Familiegruppe Øst");
  g_assert_true (has_error (add));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "Familiegruppe Øst");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "There is already a team called “Familiegruppe Øst”.");
  g_clear_pointer (&teams, g_ptr_array_unref);
  teams = list_teams (f);
  g_assert_cmpuint (teams->len, ==, 1);

  type_and_apply (add, "Jobcenter Syd");
  g_assert_false (has_error (add));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_clear_pointer (&teams, g_ptr_array_unref);
  teams = list_teams (f);
  g_assert_cmpuint (teams->len, ==, 2);

  /* Rename, then an empty name */
  type_and_apply (row, "Familiegruppe Nord");
  g_clear_pointer (&teams, g_ptr_array_unref);
  teams = list_teams (f);
  g_assert_cmpstr (hel_team_get_name (teams->pdata[0]), ==, "Familiegruppe Nord");
  type_and_apply (row, "");
  g_assert_true (has_error (row));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Enter a team name.");
  g_clear_pointer (&teams, g_ptr_array_unref);
  teams = list_teams (f);
  g_assert_cmpstr (hel_team_get_name (teams->pdata[0]), ==, "Familiegruppe Nord");

  /* A change from elsewhere does not overwrite the row in error. */
  {
    g_autoptr(HelTeam) other = hel_team_new (0, "Skole");
    g_autoptr(GError) error = NULL;

    hel_store_save_team (f->store, other, &error);
    g_assert_no_error (error);
    g_assert_nonnull (_hel_preferences_window_get_team_row (window, hel_team_get_id (other)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  }
  type_and_apply (row, "Familiegruppe Nord");
  g_assert_false (has_error (row));

  /* Removing asks first; Cancel keeps the team. */
  remove = _hel_preferences_window_get_team_remove_button (window, east_id);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (remove));
  g_assert_cmpstr (tooltip, ==, "Remove team");
  g_signal_emit_by_name (remove, "clicked");
  answer_dialog (window, "cancel");
  g_clear_pointer (&teams, g_ptr_array_unref);
  teams = list_teams (f);
  g_assert_cmpuint (teams->len, ==, 3);

  g_signal_emit_by_name (remove, "clicked");
  answer_dialog (window, "remove");
  g_clear_pointer (&teams, g_ptr_array_unref);
  teams = list_teams (f);
  g_assert_cmpuint (teams->len, ==, 2);
  g_assert_null (_hel_preferences_window_get_team_row (window, east_id));

  close_and_free (window);
}

static void
test_caseworkers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HelTeam) team = hel_team_new (0, "Familiegruppe Øst");
  HelPreferencesWindow *window;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  HelCaseworkerRow *row;
  HelCaseworker *cw;
  gint64 id;

  hel_store_save_team (f->store, team, &error);
  g_assert_no_error (error);
  window = open_preferences (f);

  type_and_apply (_hel_preferences_window_get_add_caseworker_row (window), "Anne Holm");
  list = list_caseworkers (f);
  g_assert_cmpuint (list->len, ==, 1);
  id = hel_caseworker_get_id (list->pdata[0]);
  row = _hel_preferences_window_get_caseworker_row (window, id);
  g_assert_nonnull (row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Anne Holm");

  /* Each field saves when applied or chosen. */
  type_and_apply (_hel_caseworker_row_get_name_row (row), "Anne Holm Jensen");
  adw_combo_row_set_selected (_hel_caseworker_row_get_discipline_row (row),
                              HEL_DISCIPLINE_FAMILY_GROUP);
  adw_combo_row_set_selected (_hel_caseworker_row_get_team_row (row), 1);
  type_and_apply (_hel_caseworker_row_get_phone_row (row), "12 34 56 78");
  type_and_apply (_hel_caseworker_row_get_email_row (row), "anne@example.org");
  settle ();

  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_caseworkers (f);
  cw = list->pdata[0];
  g_assert_cmpstr (hel_caseworker_get_name (cw), ==, "Anne Holm Jensen");
  g_assert_cmpint (hel_caseworker_get_discipline (cw), ==, HEL_DISCIPLINE_FAMILY_GROUP);
  g_assert_cmpint (hel_caseworker_get_team_id (cw), ==, hel_team_get_id (team));
  g_assert_cmpstr (hel_caseworker_get_phone (cw), ==, "12 34 56 78");
  g_assert_cmpstr (hel_caseworker_get_email (cw), ==, "anne@example.org");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Family group · Familiegruppe Øst");

  /* An empty name is refused at the row; the typed text stays. */
  type_and_apply (_hel_caseworker_row_get_name_row (row), " ");
  g_assert_true (has_error (_hel_caseworker_row_get_name_row (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_hel_caseworker_row_get_name_row (row))),
                   ==, " ");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_caseworker_row_get_error_label (row))));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_caseworkers (f);
  g_assert_cmpstr (hel_caseworker_get_name (list->pdata[0]), ==, "Anne Holm Jensen");
  type_and_apply (_hel_caseworker_row_get_name_row (row), "Anne Holm Jensen");
  g_assert_false (has_error (_hel_caseworker_row_get_name_row (row)));

  /* Renaming the team updates the caseworker's subtitle. */
  hel_team_set_name (team, "Familiegruppe Vest");
  hel_store_save_team (f->store, team, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Family group · Familiegruppe Vest");

  /* An empty name for a new caseworker */
  type_and_apply (_hel_preferences_window_get_add_caseworker_row (window), "");
  g_assert_true (has_error (_hel_preferences_window_get_add_caseworker_row (window)));
  g_assert_true (gtk_widget_get_visible (
    GTK_WIDGET (_hel_preferences_window_get_caseworkers_error_label (window))));

  /* Remove, after asking */
  g_signal_emit_by_name (_hel_caseworker_row_get_remove_button (row), "clicked");
  answer_dialog (window, "remove");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_caseworkers (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (_hel_preferences_window_get_caseworker_row (window, id));

  close_and_free (window);
}

static GtkWidget *
backup_row (HelPreferencesWindow *window,
            guint                 index)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (_hel_preferences_window_get_backups_list (window),
                                                    (int) index));
}

static guint
count_backup_rows (HelPreferencesWindow *window)
{
  guint n = 0;

  while (backup_row (window, n) != NULL)
    n++;
  return n;
}

static char *
team_name_in (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) teams = NULL;

  g_assert_no_error (error);
  teams = hel_store_list_teams (store, &error);
  g_assert_cmpuint (teams->len, ==, 1);
  return g_strdup (hel_team_get_name (g_ptr_array_index (teams, 0)));
}

/* Restore from backup: listed with its date, asks first, replaces the database, keeps the old. */
static void
test_restore_backup (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelTeam) team = hel_team_new (0, "Team Nord");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *path = g_strdup (hel_store_get_path (f->store));
  g_autofree char *dir = hel_backup_dir_for (path);
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  HelPreferencesWindow *window;
  HelStore *store;
  GtkLabel *error_label;

  g_assert_true (hel_store_save_team (f->store, team, &error));
  backup = hel_backup_make (f->store, dir, yesterday, &error);
  g_assert_no_error (error);
  hel_team_set_name (team, "Team Syd");
  g_assert_true (hel_store_save_team (f->store, team, &error));

  window = open_preferences (f);
  /* The window must be the database's only user for a restore: the fixture lets go. */
  store = g_steal_pointer (&f->store);
  g_object_unref (store);
  error_label = _hel_preferences_window_get_backups_error_label (window);
  g_assert_cmpuint (count_backup_rows (window), ==, 1);

  /* Cancel changes nothing. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (backup_row (window, 0)), "restore-button"),
                         "clicked");
  answer_dialog (window, "cancel");
  name = team_name_in (path);
  g_assert_cmpstr (name, ==, "Team Syd");
  g_clear_pointer (&name, g_free);

  g_signal_emit_by_name (g_object_get_data (G_OBJECT (backup_row (window, 0)), "restore-button"),
                         "clicked");
  answer_dialog (window, "restore");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  /* The teams page shows the restored team, and the replaced database is a backup now. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _hel_preferences_window_get_team_row (window, hel_team_get_id (team)))),
                   ==, "Team Nord");
  g_assert_cmpuint (count_backup_rows (window), ==, 2);

  /* A broken backup is refused with a message, and the database stays as it is. */
  g_assert_true (g_file_set_contents (backup, "not a database, not at all", -1, NULL));
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (backup_row (window, 1)), "restore-button"),
                         "clicked");
  answer_dialog (window, "restore");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _hel_preferences_window_get_team_row (window, hel_team_get_id (team)))),
                   ==, "Team Nord");

  close_and_free (window);
  name = team_name_in (path);
  g_assert_cmpstr (name, ==, "Team Nord");

  /* The tear-down wants a store of its own and an empty folder but for the database. */
  f->store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GDir) backups = g_dir_open (dir, 0, NULL);
    const char *entry;

    while (backups != NULL && (entry = g_dir_read_name (backups)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, entry, NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (helhed_get_resource ());

  g_test_add ("/preferences/teams", Fixture, NULL, fixture_set_up, test_teams,
              fixture_tear_down);
  g_test_add ("/preferences/caseworkers", Fixture, NULL, fixture_set_up, test_caseworkers,
              fixture_tear_down);
  g_test_add ("/preferences/restore-backup", Fixture, NULL, fixture_set_up, test_restore_backup,
              fixture_tear_down);

  return g_test_run ();
}
