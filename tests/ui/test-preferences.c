/* test-preferences.c: teams, caseworkers and backups in the preferences, driven through the real
 * rows. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hel-backup.h"
#include "helhed-resources.h"
#include "hel-preferences-window-private.h"
#include "hel-ui-test.h"
#include "hel-store-progress.h"

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
  drain ();
  return HEL_PREFERENCES_WINDOW (window);
}

static void
close_and_free (HelPreferencesWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
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

  /* Remove: the row goes at once, the team only when the toast leaves without Undo */
  g_signal_emit_by_name (remove, "clicked");
  answer_dialog (window, "remove");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (
    _hel_preferences_window_get_team_row (window, east_id))));
  g_clear_pointer (&teams, g_ptr_array_unref);
  teams = list_teams (f);
  g_assert_cmpuint (teams->len, ==, 3);
  /* Undo: back as it was */
  g_assert_nonnull (_hel_preferences_window_get_undo_toast (window));
  g_signal_emit_by_name (_hel_preferences_window_get_undo_toast (window), "button-clicked");
  g_assert_null (_hel_preferences_window_get_undo_toast (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (
    _hel_preferences_window_get_team_row (window, east_id))));
  g_clear_pointer (&teams, g_ptr_array_unref);
  teams = list_teams (f);
  g_assert_cmpuint (teams->len, ==, 3);
  /* Again, and the toast times out */
  g_signal_emit_by_name (remove, "clicked");
  answer_dialog (window, "remove");
  adw_toast_dismiss (_hel_preferences_window_get_undo_toast (window));
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
  drain ();

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

  /* Remove, after asking; done when the window closes, the toast still up */
  g_signal_emit_by_name (_hel_caseworker_row_get_remove_button (row), "clicked");
  answer_dialog (window, "remove");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_caseworkers (f);
  g_assert_cmpuint (list->len, ==, 1);

  close_and_free (window);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_caseworkers (f);
  g_assert_cmpuint (list->len, ==, 0);
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

/* Shows the Backups page and waits until its list is on screen. */
static void
show_backups_page (HelPreferencesWindow *window)
{
  GtkWidget *list = GTK_WIDGET (_hel_preferences_window_get_backups_list (window));
  GtkWidget *page = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_PAGE);

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                           ADW_PREFERENCES_PAGE (page));
  WAIT_FOR (gtk_widget_get_mapped (list));
}

/* No backups: the list says so and how they come (a database opened with --db is backed up
 * by helhed-tool, not by the application). With one, the message is gone. */
static void
test_backups_empty (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *dir = hel_backup_dir_for (hel_store_get_path (f->store));
  g_autofree char *backup = NULL;
  HelPreferencesWindow *window = open_preferences (f);
  GtkWidget *empty = _hel_preferences_window_get_backups_empty (window);
  const char *text;

  show_backups_page (window);
  g_assert_cmpuint (count_backup_rows (window), ==, 0);
  g_assert_true (gtk_widget_get_parent (empty) ==
                 GTK_WIDGET (_hel_preferences_window_get_backups_list (window)));
  WAIT_FOR (gtk_widget_get_mapped (empty) && gtk_widget_get_height (empty) > 0);
  text = gtk_label_get_text (_hel_preferences_window_get_backups_empty_label (window));
  g_assert_nonnull (strstr (text, "helhed-tool backup --auto --db"));
  g_assert_nonnull (strstr (text, hel_store_get_path (f->store)));
  close_and_free (window);

  backup = hel_backup_make (f->store, dir, now, &error);
  g_assert_no_error (error);
  window = open_preferences (f);
  empty = _hel_preferences_window_get_backups_empty (window);
  show_backups_page (window);
  g_assert_cmpuint (count_backup_rows (window), ==, 1);
  WAIT_FOR (gtk_widget_get_mapped (backup_row (window, 0)));
  g_assert_false (gtk_widget_get_mapped (empty));
  close_and_free (window);

  g_remove (backup);
  g_rmdir (dir);
}

/* ---- Measurements ---- */

static gint64
add_child_with_sdq (Fixture *f,
                    int      total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(HelMember) child = hel_member_new ();
  g_autoptr(HelMeasurement) m = NULL;

  hel_family_set_name (family, "Familien Bånd");
  hel_family_set_start_date (family, "2024-02-01");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  hel_member_set_family_id (child, hel_family_get_id (family));
  hel_member_set_role (child, HEL_ROLE_CHILD);
  hel_member_set_first_name (child, "Ellen");
  hel_member_set_birth_date (child, "2014-09-09");
  g_assert_true (hel_store_save_member (f->store, child, &error));
  m = hel_measurement_new (hel_member_get_id (child), HEL_INSTRUMENT_SDQ, "2024-02-10");
  m->wave = 0;
  for (guint s = 0; s < 4; s++)
    hel_measurement_set_answer (m, hel_sdq_field_code (s), total / 4 + (s < (guint) total % 4));
  g_assert_true (hel_store_save_measurement (f->store, m, NULL, NULL, &error));
  g_assert_no_error (error);
  return m->id;
}

static char *
band_of (Fixture *f,
         gint64   measurement_id)
{
  g_autoptr(HelMeasurement) m = hel_store_get_measurement (f->store, measurement_id, NULL);

  return g_strdup (m->band);
}

static void
test_measurement_intervals_and_bands (Fixture       *f,
                                      gconstpointer  data)
{
  gint64 sdq = add_child_with_sdq (f, 18);
  HelPreferencesWindow *window = open_preferences (f);
  HelProgressSettingsPage *page = _hel_preferences_window_get_measurements_page (window);
  GtkLabel *label = _hel_progress_settings_page_get_sdq_error_label (page);
  GtkSpinButton *normal, *borderline;
  HelSdqBandTable table;
  g_autofree char *band = NULL;

  g_assert_true (HEL_IS_PROGRESS_SETTINGS_PAGE (page));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                           ADW_PREFERENCES_PAGE (page));

  /* The interval as people set it, saved at once. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     _hel_progress_settings_page_get_interval_spin (page)), ==, 4);
  gtk_spin_button_set_value (_hel_progress_settings_page_get_interval_spin (page), 6);
  g_assert_cmpint (hel_store_get_wave_interval (f->store, NULL), ==, 6);

  /* The parent-report table: 13 and 16 are the upper limits of Normal and Borderline. */
  normal = _hel_progress_settings_page_get_band_spin (page, 0);
  borderline = _hel_progress_settings_page_get_band_spin (page, 1);
  g_assert_null (_hel_progress_settings_page_get_band_spin (page, 2));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (normal), ==, 13);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (borderline), ==, 16);
  g_assert_cmpstr (adw_action_row_get_subtitle (_hel_progress_settings_page_get_band_row (page, 2)),
                   ==, "17–40 · 10 % of children in the population");
  band = band_of (f, sdq);
  g_assert_cmpstr (band, ==, "abnormal");

  /* Normal above Borderline: the message at Borderline, the typed 17 kept, nothing saved. */
  gtk_spin_button_set_value (normal, 17);
  g_assert_true (has_error (_hel_progress_settings_page_get_band_row (page, 1)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "(17)"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (normal), ==, 17);
  g_assert_true (hel_store_load_sdq_bands (f->store, &table, NULL));
  g_assert_cmpint (hel_sdq_band_highest (&table, 0), ==, 13);

  /* Borderline moved up too: both saved in one go, the measurement re-banded. */
  gtk_spin_button_set_value (borderline, 19);
  g_assert_false (has_error (_hel_progress_settings_page_get_band_row (page, 1)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_true (hel_store_load_sdq_bands (f->store, &table, NULL));
  g_assert_cmpint (hel_sdq_band_highest (&table, 0), ==, 17);
  g_assert_cmpint (hel_sdq_band_highest (&table, 1), ==, 19);
  g_clear_pointer (&band, g_free);
  band = band_of (f, sdq);
  g_assert_cmpstr (band, ==, "borderline");
  g_assert_cmpstr (adw_action_row_get_subtitle (_hel_progress_settings_page_get_band_row (page, 2)),
                   ==, "20–40 · 10 % of children in the population");

  /* The last band must keep a total: 40 is refused at the row. */
  gtk_spin_button_set_value (borderline, 40);
  g_assert_true (has_error (_hel_progress_settings_page_get_band_row (page, 1)));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "39"));
  g_assert_true (hel_store_load_sdq_bands (f->store, &table, NULL));
  g_assert_cmpint (hel_sdq_band_highest (&table, 1), ==, 19);

  /* Another table starts from its published limits; "Restore Defaults" goes back to them. */
  adw_combo_row_set_selected (_hel_progress_settings_page_get_sdq_table_row (page), 2);
  g_assert_true (hel_store_load_sdq_bands (f->store, &table, NULL));
  g_assert_cmpuint (table.n_bands, ==, 4);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_nonnull (_hel_progress_settings_page_get_band_spin (page, 2));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     _hel_progress_settings_page_get_band_spin (page, 2)), ==, 19);
  gtk_spin_button_set_value (_hel_progress_settings_page_get_band_spin (page, 0), 10);
  g_assert_true (hel_store_load_sdq_bands (f->store, &table, NULL));
  g_assert_cmpint (hel_sdq_band_highest (&table, 0), ==, 10);
  g_signal_emit_by_name (_hel_progress_settings_page_get_sdq_reset_button (page), "clicked");
  g_assert_true (hel_store_load_sdq_bands (f->store, &table, NULL));
  g_assert_cmpint (hel_sdq_band_highest (&table, 0), ==, 13);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     _hel_progress_settings_page_get_band_spin (page, 0)), ==, 13);
  g_clear_pointer (&band, g_free);
  band = band_of (f, sdq);
  g_assert_cmpstr (band, ==, "abnormal");

  close_and_free (window);
}

/* Each scale has its own table; prosocial runs down (a low score is worse). */
static void
test_measurement_scale_bands (Fixture       *f,
                              gconstpointer  data)
{
  HelPreferencesWindow *window = open_preferences (f);
  HelProgressSettingsPage *page = _hel_preferences_window_get_measurements_page (window);
  GtkLabel *label = _hel_progress_settings_page_get_sdq_error_label (page);
  AdwComboRow *scale_row = _hel_progress_settings_page_get_sdq_scale_row (page);
  GtkSpinButton *normal, *borderline, *abnormal;
  HelSdqBandTable table;

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                           ADW_PREFERENCES_PAGE (page));

  /* Prosocial behaviour: four bands 8-10 / 7 / 6 / 0-5, the limits are lower limits. */
  adw_combo_row_set_selected (scale_row, HEL_SDQ_BANDS_PROSOCIAL);
  g_assert_cmpuint (adw_combo_row_get_selected (_hel_progress_settings_page_get_sdq_table_row (page)),
                    ==, 2);
  normal = _hel_progress_settings_page_get_band_spin (page, 0);
  borderline = _hel_progress_settings_page_get_band_spin (page, 1);
  abnormal = _hel_progress_settings_page_get_band_spin (page, 2);
  g_assert_null (_hel_progress_settings_page_get_band_spin (page, 3));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (normal), ==, 8);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (borderline), ==, 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (abnormal), ==, 6);
  g_assert_cmpstr (adw_action_row_get_subtitle (_hel_progress_settings_page_get_band_row (page, 0)),
                   ==, "8–10 · 80 % of children in the population");
  g_assert_cmpstr (adw_action_row_get_subtitle (_hel_progress_settings_page_get_band_row (page, 1)),
                   ==, "7 · 10 % of children in the population");
  g_assert_cmpstr (adw_action_row_get_subtitle (_hel_progress_settings_page_get_band_row (page, 3)),
                   ==, "0–5 · 5 % of children in the population");

  /* Borderline above Normal: the message at Borderline's row, the typed 9 kept, nothing saved. */
  gtk_spin_button_set_value (borderline, 9);
  g_assert_true (has_error (_hel_progress_settings_page_get_band_row (page, 1)));
  g_assert_false (has_error (_hel_progress_settings_page_get_band_row (page, 0)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "(8)"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (borderline), ==, 9);
  g_assert_true (hel_store_load_sdq_band_table (f->store, HEL_SDQ_BANDS_PROSOCIAL, &table, NULL));
  g_assert_cmpint (table.lowest[1], ==, 7);

  /* Normal moved up to 10: 10 / 9 / 6-8 / 0-5, saved; the total's table untouched. */
  gtk_spin_button_set_value (normal, 10);
  g_assert_false (has_error (_hel_progress_settings_page_get_band_row (page, 1)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_true (hel_store_load_sdq_band_table (f->store, HEL_SDQ_BANDS_PROSOCIAL, &table, NULL));
  g_assert_cmpint (table.lowest[0], ==, 10);
  g_assert_cmpint (table.lowest[1], ==, 9);
  g_assert_cmpint (hel_sdq_band_for_score (&table, 7), ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (_hel_progress_settings_page_get_band_row (page, 2)),
                   ==, "6–8 · 5 % of children in the population");
  g_assert_true (hel_store_load_sdq_bands (f->store, &table, NULL));
  g_assert_cmpuint (table.n_bands, ==, 3);

  /* Emotional symptoms: 0-10, so Abnormal's upper limit 10 leaves Very high nothing. */
  adw_combo_row_set_selected (scale_row, HEL_SDQ_BANDS_EMOTIONAL);
  abnormal = _hel_progress_settings_page_get_band_spin (page, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (abnormal), ==, 6);
  gtk_spin_button_set_value (abnormal, 10);
  g_assert_true (has_error (_hel_progress_settings_page_get_band_row (page, 2)));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "0 to 9"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (abnormal), ==, 10);
  g_assert_true (hel_store_load_sdq_band_table (f->store, HEL_SDQ_BANDS_EMOTIONAL, &table, NULL));
  g_assert_cmpint (hel_sdq_band_highest (&table, 2), ==, 6);

  /* "Restore Defaults" puts back every scale's published table, prosocial's too. */
  g_signal_emit_by_name (_hel_progress_settings_page_get_sdq_reset_button (page), "clicked");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     _hel_progress_settings_page_get_band_spin (page, 2)), ==, 6);
  g_assert_true (hel_store_load_sdq_band_table (f->store, HEL_SDQ_BANDS_PROSOCIAL, &table, NULL));
  g_assert_cmpint (table.lowest[0], ==, 8);
  g_assert_cmpint (table.lowest[1], ==, 7);
  adw_combo_row_set_selected (scale_row, HEL_SDQ_BANDS_PROSOCIAL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     _hel_progress_settings_page_get_band_spin (page, 0)), ==, 8);

  close_and_free (window);
}

static GtkWidget *
part (AdwExpanderRow *row,
      const char     *name)
{
  GtkWidget *widget = g_object_get_data (G_OBJECT (row), name);

  g_assert_nonnull (widget);
  return widget;
}

static gint64
order_at (HelProgressSettingsPage *page,
          guint                    i)
{
  g_autoptr(GArray) order = _hel_progress_settings_page_get_bip_order (page);

  g_assert_cmpuint (i, <, order->len);
  return g_array_index (order, gint64, i);
}

static void
answer_page_dialog (HelProgressSettingsPage *page,
                    const char              *response)
{
  AdwMessageDialog *dialog = _hel_progress_settings_page_get_dialog (page);

  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (dialog == NULL);
}

static void
test_measurement_indicators (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HelPreferencesWindow *window = open_preferences (f);
  HelProgressSettingsPage *page = _hel_preferences_window_get_measurements_page (window);
  AdwEntryRow *add = _hel_progress_settings_page_get_add_bip_row (page);
  GtkLabel *label = _hel_progress_settings_page_get_bip_error_label (page);
  g_autoptr(GPtrArray) shipped = hel_store_list_bip_indicators (f->store, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(HelMember) mother = hel_member_new ();
  g_autoptr(HelMeasurement) m = NULL;
  HelBipIndicator *own = NULL;
  gint64 own_id;
  AdwExpanderRow *row, *first;
  char key[24];

  g_assert_cmpuint (shipped->len, ==, 5);
  first = _hel_progress_settings_page_get_bip_row (page,
                                                   ((HelBipIndicator *) shipped->pdata[0])->id);
  g_assert_nonnull (first);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                   "Coping with health");
  g_assert_cmpstr (adw_expander_row_get_subtitle (first), ==, "Scale 1–5");
  g_assert_false (gtk_widget_get_sensitive (part (first, "up-button")));

  /* Adding: an empty name is refused at the row and nothing is added. */
  type_and_apply (add, "   ");
  g_assert_true (has_error (add));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  list = hel_store_list_bip_indicators (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 5);
  g_clear_pointer (&list, g_ptr_array_unref);
  type_and_apply (add, "Mødestabilitet");
  g_assert_false (has_error (add));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");
  list = hel_store_list_bip_indicators (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 6);
  own = list->pdata[5];
  own_id = own->id;
  g_assert_cmpstr (own->name, ==, "Mødestabilitet");
  row = _hel_progress_settings_page_get_bip_row (page, own_id);
  g_assert_nonnull (row);
  g_assert_true (adw_expander_row_get_expanded (row));
  g_assert_cmpint (order_at (page, 5), ==, own_id);
  g_assert_false (gtk_widget_get_sensitive (part (row, "down-button")));

  /* Renaming and rescaling through its rows. */
  type_and_apply (part (row, "name-row"), "Møder op til aftaler");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (row, "max-spin")), 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (row, "min-spin")), 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hel_store_list_bip_indicators (f->store, NULL);
  own = list->pdata[5];
  g_assert_cmpstr (own->name, ==, "Møder op til aftaler");
  g_assert_cmpint (own->scale_min, ==, 0);
  g_assert_cmpint (own->scale_max, ==, 10);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Møder op til aftaler");
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "Scale 0–10");

  /* A scale upside down: the message at the scale, the spin keeps 12, nothing saved. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (row, "min-spin")), 12);
  g_assert_true (has_error (part (row, "scale-row")));
  g_assert_true (has_error (row));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (part (row, "min-spin"))),
                   ==, 12);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hel_store_list_bip_indicators (f->store, NULL);
  g_assert_cmpint (((HelBipIndicator *) list->pdata[5])->scale_min, ==, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (row, "min-spin")), 1);
  g_assert_false (has_error (part (row, "scale-row")));
  g_assert_false (has_error (row));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));

  /* Moving it up: one step, in the store and in the list. */
  g_signal_emit_by_name (part (row, "up-button"), "clicked");
  g_assert_cmpint (order_at (page, 4), ==, own_id);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hel_store_list_bip_indicators (f->store, NULL);
  g_assert_cmpint (((HelBipIndicator *) list->pdata[4])->id, ==, own_id);
  g_assert_true (gtk_widget_get_sensitive (part (row, "down-button")));

  /* Removing one no measurement answers needs no question. */
  g_signal_emit_by_name (part (row, "remove-button"), "clicked");
  g_assert_null (_hel_progress_settings_page_get_dialog (page));
  g_assert_null (_hel_progress_settings_page_get_bip_row (page, own_id));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hel_store_list_bip_indicators (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 5);

  /* One a measurement answers asks first; Cancel keeps it. */
  hel_family_set_name (family, "Familien Job");
  hel_family_set_start_date (family, "2024-02-01");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  hel_member_set_family_id (mother, hel_family_get_id (family));
  hel_member_set_role (mother, HEL_ROLE_MOTHER);
  hel_member_set_first_name (mother, "Tove");
  g_assert_true (hel_store_save_member (f->store, mother, &error));
  m = hel_measurement_new (hel_member_get_id (mother), HEL_INSTRUMENT_BIP, "2024-02-10");
  m->wave = 0;
  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, ((HelBipIndicator *) shipped->pdata[0])->id);
  hel_measurement_set_answer (m, key, 3);
  g_assert_true (hel_store_save_measurement (f->store, m, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Its scale cannot leave out the answer given. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (first, "max-spin")), 2);
  g_assert_true (has_error (part (first, "scale-row")));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "3"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (first, "max-spin")), 5);
  g_assert_false (has_error (part (first, "scale-row")));

  g_signal_emit_by_name (part (first, "remove-button"), "clicked");
  g_assert_nonnull (_hel_progress_settings_page_get_dialog (page));
  answer_page_dialog (page, "cancel");
  g_assert_nonnull (_hel_progress_settings_page_get_bip_row (
                      page, ((HelBipIndicator *) shipped->pdata[0])->id));
  g_signal_emit_by_name (part (first, "remove-button"), "clicked");
  answer_page_dialog (page, "remove");
  g_assert_null (_hel_progress_settings_page_get_bip_row (
                   page, ((HelBipIndicator *) shipped->pdata[0])->id));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hel_store_list_bip_indicators (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 4);

  close_and_free (window);
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
  g_test_add ("/preferences/backups-empty", Fixture, NULL, fixture_set_up, test_backups_empty,
              fixture_tear_down);
  g_test_add ("/preferences/measurements/interval-and-bands", Fixture, NULL, fixture_set_up,
              test_measurement_intervals_and_bands, fixture_tear_down);
  g_test_add ("/preferences/measurements/scale-bands", Fixture, NULL, fixture_set_up,
              test_measurement_scale_bands, fixture_tear_down);
  g_test_add ("/preferences/measurements/indicators", Fixture, NULL, fixture_set_up,
              test_measurement_indicators, fixture_tear_down);

  return g_test_run ();
}
