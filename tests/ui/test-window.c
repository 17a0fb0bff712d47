/* test-window.c: the real main window, driven through its actions, dialogs and rows. */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "hel-application.h"
#include "hel-end-family-dialog-private.h"
#include "hel-family-page-private.h"
#include "hel-netmap-page.h"
#include "hel-new-family-dialog-private.h"
#include "hel-plan-view.h"
#include "hel-progress-family-page.h"
#include "hel-store-board.h"
#include "hel-store-plan.h"
#include "hel-ui-util.h"
#include "hel-validate.h"
#include "hel-window-private.h"
#include "hel-ui-test.h"

typedef struct {
  char      *dir;
  char      *path;
  HelStore  *store;
  HelWindow *window;
  gint64     team_id;
  gint64     anna_id;
  gint64     bo_id;
} Fixture;

static gint64
save_caseworker (HelStore   *store,
                 const char *name,
                 gint64      team_id)
{
  g_autoptr(HelCaseworker) caseworker = hel_caseworker_new ();
  g_autoptr(GError) error = NULL;

  hel_caseworker_set_name (caseworker, name);
  hel_caseworker_set_team_id (caseworker, team_id);
  hel_store_save_caseworker (store, caseworker, &error);
  g_assert_no_error (error);
  return hel_caseworker_get_id (caseworker);
}

static gint64
save_family (HelStore   *store,
             const char *name)
{
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(GError) error = NULL;

  hel_family_set_name (family, name);
  hel_family_set_start_date (family, "2025-03-01");
  hel_store_save_family (store, family, &error);
  g_assert_no_error (error);
  return hel_family_get_id (family);
}

static gint64
save_member (HelStore   *store,
             gint64      family_id,
             const char *first,
             HelRole     role)
{
  g_autoptr(HelMember) member = hel_member_new ();
  g_autoptr(GError) error = NULL;

  hel_member_set_family_id (member, family_id);
  hel_member_set_first_name (member, first);
  hel_member_set_last_name (member, "Holm");
  hel_member_set_role (member, role);
  hel_member_set_birth_date (member, "1990-05-17");
  hel_member_set_in_household (member, TRUE);
  hel_store_save_member (store, member, &error);
  g_assert_no_error (error);
  return hel_member_get_id (member);
}

static HelFamily *
get_family (Fixture *f,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  HelFamily *family = hel_store_get_family (f->store, id, &error);

  if (family == NULL)
    g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  return family;
}

static guint
count_families (Fixture *f)
{
  g_autoptr(GPtrArray) families = hel_store_list_families (f->store, NULL);

  g_assert_nonnull (families);
  return families->len;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelTeam) team = hel_team_new (0, "Familiegruppe Øst");

  f->dir = g_dir_make_tmp ("helhed-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "helhed.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  hel_store_save_team (f->store, team, &error);
  g_assert_no_error (error);
  f->team_id = hel_team_get_id (team);
  f->anna_id = save_caseworker (f->store, "Anna Berg", f->team_id);
  f->bo_id = save_caseworker (f->store, "Bo Dahl", f->team_id);

  f->window = hel_window_new (NULL);
  g_object_ref_sink (f->window);
  hel_window_set_store (f->window, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *other;

  while ((other = find_toplevel (GTK_TYPE_WINDOW)) != NULL && other != GTK_WINDOW (f->window))
    gtk_window_destroy (other);
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      drain ();
      g_assert_finalize_object (f->window);
    }
  drain ();
  g_assert_finalize_object (f->store);
  remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static HelNewFamilyDialog *
open_new_family_dialog (Fixture *f)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "new-family", NULL);
  WAIT_FOR ((dialog = find_toplevel (HEL_TYPE_NEW_FAMILY_DIALOG)) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (dialog));
  /* The name is typed at once: its field has the focus */
  g_assert_nonnull (gtk_window_get_focus (dialog));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (dialog),
    GTK_WIDGET (_hel_new_family_dialog_get_name_row (HEL_NEW_FAMILY_DIALOG (dialog)))));
  return HEL_NEW_FAMILY_DIALOG (dialog);
}

static void
test_new_family (Fixture       *f,
                 gconstpointer  data)
{
  HelNewFamilyDialog *dialog = open_new_family_dialog (f);
  GtkWidget *create = _hel_new_family_dialog_get_create_button (dialog);
  g_autoptr(GPtrArray) families = NULL;
  g_autofree char *today = hel_date_today ();
  HelFamily *family;

  /* Nothing typed yet: the start date defaults to today, but a name is missing. */
  g_assert_false (gtk_widget_get_sensitive (create));
  gtk_editable_set_text (GTK_EDITABLE (_hel_new_family_dialog_get_name_row (dialog)),
                         "  Familien Holm ");
  g_assert_true (gtk_widget_get_sensitive (create));
  hel_ui_combo_set_id (_hel_new_family_dialog_get_team_row (dialog), f->team_id);
  hel_ui_combo_set_id (_hel_new_family_dialog_get_primary_row (dialog), f->anna_id);
  hel_ui_combo_set_id (_hel_new_family_dialog_get_secondary_row (dialog), f->bo_id);
  gtk_widget_activate (create);
  WAIT_FOR (find_toplevel (HEL_TYPE_NEW_FAMILY_DIALOG) == NULL);

  families = hel_store_list_families (f->store, NULL);
  g_assert_cmpuint (families->len, ==, 1);
  family = g_ptr_array_index (families, 0);
  g_assert_cmpstr (hel_family_get_name (family), ==, "Familien Holm");
  g_assert_cmpstr (hel_family_get_start_date (family), ==, today);
  g_assert_cmpint (hel_family_get_team_id (family), ==, f->team_id);
  g_assert_cmpint (hel_family_get_primary_caseworker_id (family), ==, f->anna_id);
  g_assert_cmpint (hel_family_get_secondary_caseworker_id (family), ==, f->bo_id);

  /* The new family is selected and shown. */
  g_assert_cmpint (hel_family_list_get_selected_id (_hel_window_get_family_list (f->window)), ==,
                   hel_family_get_id (family));
  g_assert_cmpint (hel_family_page_get_family_id (_hel_window_get_family_page (f->window)), ==,
                   hel_family_get_id (family));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _hel_family_page_get_name_row (_hel_window_get_family_page (f->window)))),
                   ==, "Familien Holm");
}

static void
test_new_family_bad_input (Fixture       *f,
                           gconstpointer  data)
{
  HelNewFamilyDialog *dialog = open_new_family_dialog (f);
  AdwEntryRow *name_row = _hel_new_family_dialog_get_name_row (dialog);
  AdwEntryRow *start_row = _hel_new_family_dialog_get_start_row (dialog);
  GtkLabel *error_label = _hel_new_family_dialog_get_error_label (dialog);
  GtkWidget *create = _hel_new_family_dialog_get_create_button (dialog);

  /* Empty name */
  g_assert_false (_hel_new_family_dialog_validate (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), !=, "");

  /* A date that does not exist */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Familien Holm");
  gtk_editable_set_text (GTK_EDITABLE (start_row), "31.02.2026");
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_false (_hel_new_family_dialog_validate (dialog));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (start_row), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_row)), ==, "31.02.2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Familien Holm");
  gtk_widget_activate (create);   /* insensitive: nothing happens */
  drain ();
  g_assert_cmpuint (count_families (f), ==, 0);

  /* The same caseworker twice */
  gtk_editable_set_text (GTK_EDITABLE (start_row), "23112026");
  hel_ui_combo_set_id (_hel_new_family_dialog_get_primary_row (dialog), f->anna_id);
  hel_ui_combo_set_id (_hel_new_family_dialog_get_secondary_row (dialog), f->anna_id);
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (start_row), "error"));

  /* Fixed: the marks go away and Create works; a compact date is understood. */
  hel_ui_combo_set_id (_hel_new_family_dialog_get_secondary_row (dialog), 0);
  g_assert_true (gtk_widget_get_sensitive (create));
  gtk_widget_activate (create);
  WAIT_FOR (find_toplevel (HEL_TYPE_NEW_FAMILY_DIALOG) == NULL);
  g_assert_cmpuint (count_families (f), ==, 1);
}

static void
test_page_autosave (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = save_family (f->store, "Familien Holm");
  HelFamilyPage *page = _hel_window_get_family_page (f->window);
  HelFamilyList *list = _hel_window_get_family_list (f->window);
  AdwEntryRow *name_row = _hel_family_page_get_name_row (page);
  AdwEntryRow *start_row = _hel_family_page_get_start_row (page);
  AdwEntryRow *consent_row = _hel_family_page_get_consent_row (page);
  GtkLabel *error_label = _hel_family_page_get_error_label (page);
  g_autoptr(HelFamily) family = NULL;

  g_assert_true (hel_family_list_select_family (list, id));
  g_assert_cmpint (hel_family_page_get_family_id (page), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Familien Holm");

  /* A new name, applied */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Familien Holm-Berg");
  g_signal_emit_by_name (name_row, "apply");
  family = get_family (f, id);
  g_assert_cmpstr (hel_family_get_name (family), ==, "Familien Holm-Berg");
  g_clear_object (&family);

  /* A consent date typed the compact way is saved as ISO and shown formatted */
  gtk_editable_set_text (GTK_EDITABLE (consent_row), "01042025");
  g_signal_emit_by_name (consent_row, "apply");
  family = get_family (f, id);
  g_assert_cmpstr (hel_family_get_consent_date (family), ==, "2025-04-01");
  g_clear_object (&family);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (consent_row), "error"));

  /* A date that does not exist: marked, kept as typed, nothing written */
  gtk_editable_set_text (GTK_EDITABLE (start_row), "31.02.2026");
  g_signal_emit_by_name (start_row, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (start_row), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_row)), ==, "31.02.2026");
  family = get_family (f, id);
  g_assert_cmpstr (hel_family_get_start_date (family), ==, "2025-03-01");
  g_clear_object (&family);

  /* An empty name: the same, and another save (the name) does not wipe the typed date */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_row), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_row)), ==, "31.02.2026");
  family = get_family (f, id);
  g_assert_cmpstr (hel_family_get_name (family), ==, "Familien Holm-Berg");
  g_clear_object (&family);

  /* Fixing the date clears its mark; the name's message stays until it is fixed too */
  gtk_editable_set_text (GTK_EDITABLE (start_row), "2025-02-01");
  g_signal_emit_by_name (start_row, "apply");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (start_row), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Familien Holm");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  family = get_family (f, id);
  g_assert_cmpstr (hel_family_get_start_date (family), ==, "2025-02-01");
  g_assert_cmpstr (hel_family_get_name (family), ==, "Familien Holm");
  g_clear_object (&family);

  /* Caseworkers: the same person twice is refused and the choice stays visible */
  hel_ui_combo_set_id (_hel_family_page_get_primary_row (page), f->anna_id);
  family = get_family (f, id);
  g_assert_cmpint (hel_family_get_primary_caseworker_id (family), ==, f->anna_id);
  g_clear_object (&family);
  hel_ui_combo_set_id (_hel_family_page_get_secondary_row (page), f->anna_id);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_hel_family_page_get_secondary_row (page)),
                                           "error"));
  g_assert_cmpint (hel_ui_combo_get_id (_hel_family_page_get_secondary_row (page)), ==, f->anna_id);
  family = get_family (f, id);
  g_assert_cmpint (hel_family_get_secondary_caseworker_id (family), ==, 0);
  g_clear_object (&family);
  hel_ui_combo_set_id (_hel_family_page_get_secondary_row (page), f->bo_id);
  family = get_family (f, id);
  g_assert_cmpint (hel_family_get_secondary_caseworker_id (family), ==, f->bo_id);
  g_clear_object (&family);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
}

static void
test_end_and_reopen (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = save_family (f->store, "Familien Holm");
  HelFamilyPage *page = _hel_window_get_family_page (f->window);
  HelFamilyList *list = _hel_window_get_family_list (f->window);
  HelEndFamilyDialog *dialog;
  GtkWindow *window;
  g_autoptr(HelFamily) family = NULL;

  g_assert_true (hel_family_list_select_family (list, id));
  gtk_widget_activate_action (GTK_WIDGET (page), "family.end", NULL);
  WAIT_FOR ((window = find_toplevel (HEL_TYPE_END_FAMILY_DIALOG)) != NULL);
  dialog = HEL_END_FAMILY_DIALOG (window);

  /* Before the start: refused at the row, dialog stays */
  gtk_editable_set_text (GTK_EDITABLE (_hel_end_family_dialog_get_date_row (dialog)), "01.01.2025");
  g_assert_false (_hel_end_family_dialog_apply (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_hel_end_family_dialog_get_date_row (dialog)),
                                           "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_end_family_dialog_get_error_label (dialog))));

  gtk_editable_set_text (GTK_EDITABLE (_hel_end_family_dialog_get_date_row (dialog)), "30.06.2025");
  adw_combo_row_set_selected (_hel_end_family_dialog_get_reason_row (dialog), HEL_END_MOVED);
  gtk_editable_set_text (GTK_EDITABLE (_hel_end_family_dialog_get_note_row (dialog)), "Til Odense");
  g_assert_true (_hel_end_family_dialog_apply (dialog));
  WAIT_FOR (find_toplevel (HEL_TYPE_END_FAMILY_DIALOG) == NULL);

  family = get_family (f, id);
  g_assert_cmpstr (hel_family_get_end_date (family), ==, "2025-06-30");
  g_assert_cmpint (hel_family_get_end_reason (family), ==, HEL_END_MOVED);
  g_assert_cmpstr (hel_family_get_end_note (family), ==, "Til Odense");
  g_clear_object (&family);
  /* The active filter no longer lists it, but the page still shows it */
  g_assert_cmpint (hel_family_page_get_family_id (page), ==, id);

  gtk_widget_activate_action (GTK_WIDGET (page), "family.reopen", NULL);
  family = get_family (f, id);
  g_assert_null (hel_family_get_end_date (family));
  g_assert_null (hel_family_get_end_note (family));
  g_clear_object (&family);
}

static AdwMessageDialog *
request_erase (Fixture *f,
               gint64   id)
{
  HelFamilyPage *page = _hel_window_get_family_page (f->window);
  GtkWindow *dialog;

  g_assert_true (hel_family_list_select_family (_hel_window_get_family_list (f->window), id));
  gtk_widget_activate_action (GTK_WIDGET (page), "family.erase", NULL);
  WAIT_FOR ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* What a click on a response button does: emit the response, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_erase_with_undo (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = save_family (f->store, "Familien Holm");
  gint64 other = save_family (f->store, "Familien Berg");
  HelFamilyList *list = _hel_window_get_family_list (f->window);
  AdwMessageDialog *dialog;
  AdwToast *toast;
  HelFamily *family;

  save_member (f->store, id, "Mette", HEL_ROLE_MOTHER);
  save_member (f->store, id, "Sofie", HEL_ROLE_CHILD);

  /* The dialog names what is lost; Cancel keeps everything */
  dialog = request_erase (f, id);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Familien Holm"));
  {
    const char *lost = gtk_label_get_text (GTK_LABEL (adw_message_dialog_get_extra_child (dialog)));

    g_assert_nonnull (strstr (lost, "2 members"));
    /* Only what there is: no plan, map or measurements yet */
    g_assert_null (strstr (lost, "plan"));
    g_assert_null (strstr (lost, "network map"));
  }
  respond (dialog, "cancel");
  WAIT_FOR (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_null (_hel_window_get_erase_toast (f->window, id));

  /* Erase, then Undo: never deleted */
  dialog = request_erase (f, id);
  respond (dialog, "erase");
  WAIT_FOR (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  toast = _hel_window_get_erase_toast (f->window, id);
  g_assert_nonnull (toast);
  g_assert_false (hel_family_list_select_family (list, id));   /* gone from the list */
  g_assert_cmpint (hel_family_page_get_family_id (_hel_window_get_family_page (f->window)), ==, 0);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);   /* as a click on the button does */
  g_assert_null (_hel_window_get_erase_toast (f->window, id));
  g_assert_true (hel_family_list_select_family (list, id));
  g_assert_cmpuint (count_families (f), ==, 2);

  /* Erase, and let the toast go: now it is erased */
  dialog = request_erase (f, id);
  respond (dialog, "erase");
  toast = _hel_window_get_erase_toast (f->window, id);
  g_assert_nonnull (toast);
  g_assert_nonnull ((family = get_family (f, id)));
  g_object_unref (family);
  adw_toast_dismiss (toast);
  WAIT_FOR (_hel_window_get_erase_toast (f->window, id) == NULL);
  g_assert_null (get_family (f, id));
  g_assert_cmpuint (count_families (f), ==, 1);

  /* A pending erase is carried out when the window closes */
  dialog = request_erase (f, other);
  respond (dialog, "erase");
  g_assert_nonnull (_hel_window_get_erase_toast (f->window, other));
  gtk_window_close (GTK_WINDOW (f->window));
  drain ();
  g_assert_cmpuint (count_families (f), ==, 0);
}

static void
test_members (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = save_family (f->store, "Familien Holm");
  gint64 mette = save_member (f->store, id, "Mette", HEL_ROLE_MOTHER);
  gint64 sofie = save_member (f->store, id, "Sofie", HEL_ROLE_CHILD);
  HelFamilyPage *page = _hel_window_get_family_page (f->window);
  GtkWidget *row;
  GtkWidget *button = NULL;
  g_autoptr(GPtrArray) members = NULL;

  g_assert_true (hel_family_list_select_family (_hel_window_get_family_list (f->window), id));
  row = _hel_family_page_get_member_row (page, mette);
  g_assert_nonnull (row);
  g_assert_nonnull (_hel_family_page_get_member_row (page, sofie));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Mette Holm");

  /* Remove with the row's trash button: hidden at once, deleted when the toast goes */
  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; )
    {
      if (GTK_IS_BUTTON (w))
        {
          button = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == row ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_visible (_hel_family_page_get_member_row (page, mette)));
  members = hel_store_list_members (f->store, id, NULL);
  g_assert_cmpuint (members->len, ==, 2);
  g_clear_pointer (&members, g_ptr_array_unref);

  /* Leaving the family carries out the pending removal */
  hel_family_page_flush (page);
  members = hel_store_list_members (f->store, id, NULL);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_null (_hel_family_page_get_member_row (page, mette));
}

static GtkWidget *
find_button (GtkWidget *root)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (w))
        return w;
      if ((found = find_button (w)) != NULL)
        return found;
    }
  return NULL;
}

static gint64
give_small_goal (HelStore *store,
                 gint64    family_id,
                 gint64    member_id,
                 gint64   *step_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelGoal) goal = hel_goal_new ("Mor i arbejde");
  g_autoptr(HelSubgoal) sg = hel_subgoal_new ("Skrive et CV");
  g_autoptr(HelStep) step = hel_step_new ("Ring til mentor");

  g_assert_true (hel_store_save_goal (store, family_id, goal, &error));
  sg->goal_id = goal->id;
  sg->deadline = g_strdup ("2000-01-01");
  sg->created = g_strdup ("2000-01-01");
  g_array_append_val (sg->owners, member_id);
  g_assert_true (hel_store_save_subgoal (store, sg, &error));
  step->owner_kind = HEL_OWNER_MEMBER;
  step->owner_member_id = member_id;
  step->due = g_strdup ("2000-01-15");
  g_assert_true (hel_store_save_step (store, sg->id, step, &error));
  g_assert_no_error (error);
  *step_id = step->id;
  return sg->id;
}

/* The family page holds the plan as its second section, and a member who owns goals is not
 * removed before someone says who takes them over. */
static void
test_plan_section_and_member_with_goals (Fixture       *f,
                                         gconstpointer  data)
{
  gint64 id = save_family (f->store, "Familien Plan");
  gint64 mette = save_member (f->store, id, "Mette", HEL_ROLE_MOTHER);
  gint64 sofie = save_member (f->store, id, "Sofie", HEL_ROLE_CHILD);
  HelFamilyPage *page = _hel_window_get_family_page (f->window);
  AdwMessageDialog *question;
  GtkDropDown *heir = NULL;
  GtkWidget *plan_view, *extra;
  g_autoptr(HelPlan) plan = NULL;
  g_autoptr(GPtrArray) members = NULL;
  HelSubgoal *sg;
  gint64 step_id, sg_id;

  sg_id = give_small_goal (f->store, id, mette, &step_id);
  g_assert_true (hel_family_list_select_family (_hel_window_get_family_list (f->window), id));

  /* The plan section shows this family's plan. */
  plan_view = _hel_family_page_get_plan_view (page);
  g_assert_nonnull (plan_view);
  adw_view_stack_set_visible_child_name (_hel_family_page_get_sections (page), "plan");
  g_assert_cmpint (hel_plan_view_get_family (HEL_PLAN_VIEW (plan_view)), ==, id);

  /* Removing Mette asks who takes over her small goal and her step. */
  g_signal_emit_by_name (find_button (_hel_family_page_get_member_row (page, mette)), "clicked");
  WAIT_FOR ((question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "Mette Holm"));
  extra = adw_message_dialog_get_extra_child (question);
  for (GtkWidget *w = gtk_widget_get_first_child (extra); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_DROP_DOWN (w))
      heir = GTK_DROP_DOWN (w);
  g_assert_nonnull (heir);
  /* Entry 0 is "nobody", then the other members: Sofie. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (heir)), ==, 2);
  gtk_drop_down_set_selected (heir, 1);
  respond (question, "remove");
  drain ();
  g_assert_false (gtk_widget_get_visible (_hel_family_page_get_member_row (page, mette)));

  /* When the removal happens, the goal and the step are Sofie's. */
  hel_family_page_flush (page);
  members = hel_store_list_members (f->store, id, NULL);
  g_assert_cmpuint (members->len, ==, 1);
  plan = hel_store_load_plan (f->store, id, NULL);
  sg = hel_plan_find_subgoal (plan, sg_id, NULL);
  g_assert_true (hel_subgoal_has_owner (sg, sofie));
  g_assert_cmpint (hel_plan_find_step (plan, step_id, NULL)->owner_member_id, ==, sofie);
}

/* The family list shows how much in the plan is overdue, and follows plan edits. */
/* The first widget under @root (depth first) that @match accepts. */
static GtkWidget *
find_widget (GtkWidget     *root,
             gboolean     (*match) (GtkWidget *, gconstpointer),
             gconstpointer  data)
{
  for (GtkWidget *w = root; w != NULL; )
    {
      if (match (w, data))
        return w;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != root && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == root) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

static gboolean
is_visible_pill (GtkWidget     *w,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "due-pill") &&
         gtk_widget_get_visible (w) && gtk_widget_get_visible (gtk_widget_get_parent (w));
}

/* A row's pill: a visible label with the due-pill class. */
static GtkWidget *
find_visible_pill (GtkWidget *root)
{
  return find_widget (root, is_visible_pill, NULL);
}

static gboolean
is_toggle_labelled (GtkWidget     *w,
                    gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (w) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0;
}

static GtkWidget *
find_toggle (GtkWidget  *root,
             const char *label)
{
  return find_widget (root, is_toggle_labelled, label);
}

/* Tab leaves the family list instead of stepping through every family: forwards into the
 * family page, backwards to the status filter. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static void
test_tab_leaves_list (Fixture       *f,
                      gconstpointer  data)
{
  HelFamilyList *list = _hel_window_get_family_list (f->window);
  GtkWidget *view = _hel_family_list_get_list_view (list);
  GtkWidget *focus;

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Familien Nummer %02d", i);
      save_family (f->store, name);
    }
  drain ();
  g_assert_true (hel_family_list_select_family (list, 3));
  drain ();
  gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, view));

  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus,
                                         GTK_WIDGET (_hel_window_get_family_page (f->window))));

  gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
  g_assert_true (press_key (view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (list)));

  /* Arrow keys are the list's own */
  g_assert_false (press_key (view, GDK_KEY_Down, 0));
}

/* When the page needs more room than there is beside the list (the network map at 1024 px),
 * the leaflet folds: an open family stays in view, not the list. */
static void
test_fold_keeps_family (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = save_family (f->store, "Familien Holm");
  HelFamilyList *list = _hel_window_get_family_list (f->window);

  drain ();
  /* Without animations: libadwaita 1.2's leaflet leaks the render nodes of its slide to the
   * content (LeakSanitizer sees them in the sanitizer run); this test is about which page is
   * shown, not how it slides. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_false (adw_leaflet_get_folded (f->window->leaflet));
  adw_leaflet_set_visible_child_name (f->window->leaflet, "sidebar");
  g_assert_true (hel_family_list_select_family (list, id));
  drain ();
  adw_leaflet_set_can_unfold (f->window->leaflet, FALSE);
  WAIT_FOR (adw_leaflet_get_folded (f->window->leaflet));
  WAIT_FOR (g_strcmp0 (adw_leaflet_get_visible_child_name (f->window->leaflet), "content") == 0);

  /* With no family open, the list is what there is to see */
  adw_leaflet_set_can_unfold (f->window->leaflet, TRUE);
  WAIT_FOR (!adw_leaflet_get_folded (f->window->leaflet));
  hel_family_page_set_family_id (_hel_window_get_family_page (f->window), 0);
  adw_leaflet_set_visible_child_name (f->window->leaflet, "sidebar");
  adw_leaflet_set_can_unfold (f->window->leaflet, FALSE);
  WAIT_FOR (adw_leaflet_get_folded (f->window->leaflet));
  drain ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (f->window->leaflet), ==, "sidebar");
  adw_leaflet_set_can_unfold (f->window->leaflet, TRUE);
  WAIT_FOR (!adw_leaflet_get_folded (f->window->leaflet));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

static void
test_due_pill (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = save_family (f->store, "Familien Frist");
  gint64 mette = save_member (f->store, id, "Mette", HEL_ROLE_MOTHER);
  HelFamilyList *list = _hel_window_get_family_list (f->window);
  g_autoptr(HelPlan) plan = NULL;
  gint64 step_id, sg_id;
  GtkWidget *pill = NULL;

  hel_family_list_reload (list);
  sg_id = give_small_goal (f->store, id, mette, &step_id);
  drain ();
  pill = find_visible_pill (GTK_WIDGET (list));
  g_assert_nonnull (pill);
  g_assert_true (gtk_widget_has_css_class (pill, "overdue"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pill)), ==, "2 overdue");

  /* Ended, the family has nothing due any more: its row (shown with all) says only that. */
  {
    g_autoptr(HelFamily) family = get_family (f, id);
    GtkWidget *all = find_toggle (GTK_WIDGET (list), "All");

    hel_family_set_end_date (family, "2025-09-01");
    hel_family_set_end_reason (family, HEL_END_MOVED);
    g_assert_true (hel_store_save_family (f->store, family, NULL));
    g_assert_nonnull (all);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (all), TRUE);
    hel_family_list_reload (list);
    drain ();
    g_assert_null (find_visible_pill (GTK_WIDGET (list)));
    hel_family_set_end_date (family, NULL);
    g_assert_true (hel_store_save_family (f->store, family, NULL));
    hel_family_list_reload (list);
    drain ();
    pill = find_visible_pill (GTK_WIDGET (list));
    g_assert_nonnull (pill);
  }

  /* The small goal is achieved: its step no longer counts either. */
  plan = hel_store_load_plan (f->store, id, NULL);
  hel_plan_find_subgoal (plan, sg_id, NULL)->status = HEL_GOAL_ACHIEVED;
  g_assert_true (hel_store_save_subgoal (f->store, hel_plan_find_subgoal (plan, sg_id, NULL), NULL));
  drain ();
  g_assert_false (gtk_widget_get_visible (pill));
}

static void
error_page_activate_cb (GApplication *app,
                        const char   *path)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  HelWindow *window;
  GtkWidget *button;

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = HEL_WINDOW (windows->data);

  /* A file named with --db is not created behind the person's back: the error is shown. */
  g_assert_cmpstr (_hel_window_get_visible_page (window), ==, "error");
  g_assert_null (hel_window_get_store (window));
  g_assert_nonnull (strstr (adw_status_page_get_description (_hel_window_get_error_page (window)),
                            "missing.db"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-family"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* "Create a new database here" makes it and shows the families */
  button = _hel_window_get_create_db_button (window);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (_hel_window_get_visible_page (window), ==, "views");
  g_assert_nonnull (hel_window_get_store (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-family"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* Runs the real application on a database file that does not exist; @activate (app, path)
 * checks what it wants and quits. */
static void
run_app_on_missing_db (GCallback activate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("helhed-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "missing.db", NULL);
  HelApplication *app = hel_application_new (G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "helhed", (char *) "--db", path, NULL };

  g_assert_no_error (error);
  g_signal_connect_after (app, "activate", activate, path);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  drain ();
  g_assert_finalize_object (app);
  remove_dir (dir);
}

static void
test_store_error_page (void)
{
  run_app_on_missing_db (G_CALLBACK (error_page_activate_cb));
}

/* Every icon the sources name is found by the running app's icon theme (the system's theme
 * plus the icons in the app's resources), as is the app's own icon for the About window. */
static void
scan_icon_names (const char *dir,
                 const char *suffix,
                 GHashTable *names)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GRegex) re = g_regex_new ("[\">]([a-z0-9-]+-symbolic)[\"<]", 0, 0, NULL);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (entry, suffix) || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      g_regex_match (re, text, 0, &match);
      while (g_match_info_matches (match))
        {
          g_hash_table_add (names, g_match_info_fetch (match, 1));
          g_match_info_next (match, NULL);
        }
    }
}

static void
icons_activate_cb (GApplication *app,
                   gpointer      data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *ui = g_test_build_filename (G_TEST_DIST, "..", "src", "ui", NULL);
  g_autofree char *core = g_test_build_filename (G_TEST_DIST, "..", "src", "core", NULL);
  g_autofree char *templates = g_test_build_filename (G_TEST_DIST, "..", "resources", "ui", NULL);
  g_autofree char *gtk = g_test_build_filename (G_TEST_DIST, "..", "resources", "gtk", NULL);
  GHashTableIter iter;
  gpointer name;

  scan_icon_names (ui, ".c", names);
  scan_icon_names (core, ".c", names);
  scan_icon_names (templates, ".ui", names);
  scan_icon_names (gtk, ".ui", names);
  g_assert_cmpuint (g_hash_table_size (names), >, 10);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (!gtk_icon_theme_has_icon (theme, name))
      g_error ("The icon “%s” is named in the sources but not found", (const char *) name);
  g_assert_true (gtk_icon_theme_has_icon (theme, "hel-note-symbolic"));
  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APPLICATION_ID "-symbolic"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_icons_found (void)
{
  run_app_on_missing_db (G_CALLBACK (icons_activate_cb));
}

/* Start-up builds only what the first frame shows: Board meeting, Progress and the family
 * page's sections are built when first shown, with the window's store and the family on the
 * page, and they follow the next family and the next store like the rest of the window. */
static void
test_views_built_when_shown (Fixture       *f,
                             gconstpointer  data)
{
  gint64 id = save_family (f->store, "Familien Senere");
  gint64 other = save_family (f->store, "Familien Siden");
  HelFamilyPage *page = _hel_window_get_family_page (f->window);
  HelFamilyList *list = _hel_window_get_family_list (f->window);
  AdwViewStack *sections = _hel_family_page_get_sections (page);
  g_autoptr(HelMeeting) meeting = hel_meeting_new ();
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(GError) error = NULL;
  GtkWidget *netmap, *measurements;

  d->kind = HEL_MEETING_TEAM;
  d->team_id = f->team_id;
  d->date = hel_date_today ();
  d->time = g_strdup ("09:30");
  g_assert_true (hel_store_create_meeting (f->store, meeting, 0, &error));
  g_assert_no_error (error);

  g_assert_true (hel_family_list_select_family (list, id));
  drain ();
  g_assert_null (f->window->board_view);
  g_assert_null (f->window->progress_view);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (sections), ==, "overview");
  g_assert_null (_hel_family_page_peek_section (page, "plan"));
  g_assert_null (_hel_family_page_peek_section (page, "netmap"));
  g_assert_null (_hel_family_page_peek_section (page, "measurements"));

  /* A section is built for the family on the page when it is shown, and follows the next. */
  adw_view_stack_set_visible_child_name (sections, "netmap");
  netmap = _hel_family_page_peek_section (page, "netmap");
  g_assert_nonnull (netmap);
  g_assert_true (gtk_widget_is_ancestor (netmap, GTK_WIDGET (sections)));
  g_assert_cmpint (hel_netmap_page_get_family (HEL_NETMAP_PAGE (netmap)), ==, id);
  g_assert_null (_hel_family_page_peek_section (page, "plan"));
  adw_view_stack_set_visible_child_name (sections, "measurements");
  measurements = _hel_family_page_peek_section (page, "measurements");
  g_assert_nonnull (measurements);
  g_assert_cmpint (hel_progress_family_page_get_family (HEL_PROGRESS_FAMILY_PAGE (measurements)),
                   ==, id);
  g_assert_true (hel_family_list_select_family (list, other));
  drain ();
  g_assert_cmpint (hel_netmap_page_get_family (HEL_NETMAP_PAGE (netmap)), ==, other);
  g_assert_cmpint (hel_progress_family_page_get_family (HEL_PROGRESS_FAMILY_PAGE (measurements)),
                   ==, other);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (sections), ==, "measurements");

  /* The views are built with the window's store when their page is shown. */
  adw_view_stack_set_visible_child_name (f->window->view_stack, "progress");
  g_assert_nonnull (f->window->progress_view);
  g_assert_true (hel_progress_view_get_store (f->window->progress_view) == f->store);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (f->window->progress_view),
                                         GTK_WIDGET (f->window->view_stack)));
  g_assert_null (f->window->board_view);
  adw_view_stack_set_visible_child_name (f->window->view_stack, "board");
  g_assert_nonnull (f->window->board_view);
  g_assert_true (_hel_window_get_board_view (f->window) == f->window->board_view);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window->board_view)));
  g_assert_true (hel_board_view_show_meeting (f->window->board_view, d->id));

  /* Search still leads to the family list. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "search", NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->view_stack), ==, "families");

  /* Without a store (a backup being restored) the built views let go of it; the sections are
   * built again, when shown, for the next store. */
  hel_window_set_store (f->window, NULL);
  g_assert_null (hel_progress_view_get_store (f->window->progress_view));
  g_assert_false (hel_board_view_show_meeting (f->window->board_view, d->id));
  g_assert_null (_hel_family_page_peek_section (page, "netmap"));
  hel_window_set_store (f->window, f->store);
  g_assert_true (hel_progress_view_get_store (f->window->progress_view) == f->store);
  g_assert_true (hel_board_view_show_meeting (f->window->board_view, d->id));
  g_assert_null (_hel_family_page_peek_section (page, "netmap"));
  g_assert_nonnull (_hel_family_page_get_netmap_page (page));
  g_assert_nonnull (_hel_family_page_peek_section (page, "netmap"));
}

static HelWindow *
open_window_again (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  g_assert_finalize_object (f->window);
  f->window = hel_window_new (NULL);
  g_object_ref_sink (f->window);
  hel_window_set_store (f->window, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  return f->window;
}

/* Closed and opened again, the window shows the family and the section of its page that
 * were open last; a family that is gone since leaves the window on none. */
static void
test_reopens_last_family (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  gint64 alfa, beta;

  g_settings_reset (settings, "last-family-id");
  g_settings_reset (settings, "last-page");
  alfa = save_family (f->store, "Familien Alfa");
  beta = save_family (f->store, "Familien Beta");
  g_assert_cmpint (alfa, >, 0);

  WAIT_FOR (hel_family_list_select_family (_hel_window_get_family_list (f->window), beta));
  hel_family_page_set_section (_hel_window_get_family_page (f->window), "netmap");
  g_assert_cmpint (g_settings_get_int64 (settings, "last-family-id"), ==, beta);
  page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (page, ==, "netmap");

  open_window_again (f);
  g_assert_cmpint (hel_family_list_get_selected_id (_hel_window_get_family_list (f->window)), ==,
                   beta);
  g_assert_cmpint (hel_family_page_get_family_id (_hel_window_get_family_page (f->window)), ==,
                   beta);
  g_assert_cmpstr (hel_family_page_get_section (_hel_window_get_family_page (f->window)), ==,
                   "netmap");

  g_assert_true (hel_store_erase_family (f->store, beta, &error));
  g_assert_no_error (error);
  open_window_again (f);
  g_assert_cmpint (hel_family_list_get_selected_id (_hel_window_get_family_list (f->window)), ==,
                   0);
  g_assert_cmpint (hel_family_page_get_family_id (_hel_window_get_family_page (f->window)), ==,
                   0);

  g_settings_reset (settings, "last-family-id");
  g_settings_reset (settings, "last-page");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/window/new-family", test_new_family);
  ADD ("/ui/window/new-family-bad-input", test_new_family_bad_input);
  ADD ("/ui/window/page-autosave", test_page_autosave);
  ADD ("/ui/window/end-and-reopen", test_end_and_reopen);
  ADD ("/ui/window/erase-with-undo", test_erase_with_undo);
  ADD ("/ui/window/members", test_members);
  ADD ("/ui/window/plan-section-and-member-with-goals", test_plan_section_and_member_with_goals);
  ADD ("/ui/window/due-pill", test_due_pill);
  ADD ("/ui/window/tab-leaves-list", test_tab_leaves_list);
  ADD ("/ui/window/fold-keeps-family", test_fold_keeps_family);
  ADD ("/ui/window/views-built-when-shown", test_views_built_when_shown);
  ADD ("/ui/window/reopens-last-family", test_reopens_last_family);
#undef ADD
  g_test_add_func ("/ui/window/store-error-page", test_store_error_page);
  g_test_add_func ("/ui/window/icons-found", test_icons_found);

  return g_test_run ();
}
