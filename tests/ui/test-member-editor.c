/* test-member-editor.c: the member editor, driven through its real rows against a temp store. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "helhed-resources.h"
#include "hel-member-editor-private.h"
#include "hel-validate.h"
#include "hel-ui-test.h"

typedef struct {
  char     *dir;
  HelStore *store;
  gint64    family_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("helhed-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "helhed.db", NULL);
  f->store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  hel_family_set_name (family, "Jensen");
  hel_family_set_start_date (family, "2024-01-01");
  hel_store_save_family (f->store, family, &error);
  g_assert_no_error (error);
  f->family_id = hel_family_get_id (family);
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

static void
type_text (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static HelMember *
saved_member (Fixture *f,
              guint    expected_count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = hel_store_list_members (f->store, f->family_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, expected_count);
  return expected_count ? g_object_ref (g_ptr_array_index (members, 0)) : NULL;
}

/* Whether the one stored member's last name is @name yet (focus moves arrive from the display
 * server, so a save on focus-out may come a few iterations later). */
static gboolean
saved_last_name_is (Fixture    *f,
                    const char *name)
{
  g_autoptr(HelMember) member = saved_member (f, 1);

  return g_strcmp0 (hel_member_get_last_name (member), name) == 0;
}

static guint
count_income (Fixture *f,
              gint64   member_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = hel_store_list_income_periods (f->store, member_id, &error);

  g_assert_no_error (error);
  return periods->len;
}

static HelMemberEditor *
open_new (Fixture *f)
{
  GtkWindow *window = hel_member_editor_new (NULL, f->store, f->family_id, NULL);

  g_assert_true (HEL_IS_MEMBER_EDITOR (window));
  gtk_window_present (window);
  drain ();
  /* A new member starts with the first name: its field has the focus */
  g_assert_nonnull (gtk_window_get_focus (window));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (window),
    GTK_WIDGET (_hel_member_editor_get_first_name_row (HEL_MEMBER_EDITOR (window)))));
  return HEL_MEMBER_EDITOR (window);
}

static HelMember *
store_member (Fixture    *f,
              HelRole     role,
              const char *first_name)
{
  g_autoptr(GError) error = NULL;
  HelMember *member = hel_member_new ();

  hel_member_set_family_id (member, f->family_id);
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, first_name);
  hel_store_save_member (f->store, member, &error);
  g_assert_no_error (error);
  return member;
}

static HelMemberEditor *
open_existing (Fixture   *f,
               HelMember *member)
{
  GtkWindow *window = hel_member_editor_new (NULL, f->store, 0, member);

  /* Our reference, so that the test can check the window is freed. */
  g_object_ref (window);
  gtk_window_present (window);
  drain ();
  return HEL_MEMBER_EDITOR (window);
}

static void
close_and_free (HelMemberEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  drain ();
  g_assert_finalize_object (editor);
}

static void
test_new_add (Fixture       *f,
              gconstpointer  data)
{
  HelMemberEditor *editor = open_new (f);
  g_autoptr(HelMember) member = NULL;
  g_autoptr(GPtrArray) periods = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_get_visible (_hel_member_editor_get_income_group (editor)));

  /* Add stays off until there is a first name. */
  type_text (_hel_member_editor_get_first_name_row (editor), "   ");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add", NULL);
  drain ();
  g_assert_nonnull (editor);
  saved_member (f, 0);

  type_text (_hel_member_editor_get_first_name_row (editor), " Mette ");
  type_text (_hel_member_editor_get_last_name_row (editor), "Jensen");
  type_text (_hel_member_editor_get_birth_row (editor), "04.05.1988");
  adw_combo_row_set_selected (_hel_member_editor_get_gender_row (editor), HEL_GENDER_FEMALE);
  gtk_switch_set_active (_hel_member_editor_get_household_switch (editor), FALSE);
  adw_combo_row_set_selected (_hel_member_editor_get_income_kind_row (editor),
                              HEL_INCOME_RESOURCE_COURSE);
  type_text (_hel_member_editor_get_income_start_row (editor), "1.3.2024");
  saved_member (f, 0);  /* nothing is written before Add */

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add", NULL);
  WAIT_FOR (editor == NULL);

  member = saved_member (f, 1);
  g_assert_cmpstr (hel_member_get_first_name (member), ==, "Mette");
  g_assert_cmpstr (hel_member_get_last_name (member), ==, "Jensen");
  g_assert_cmpstr (hel_member_get_birth_date (member), ==, "1988-05-04");
  g_assert_null (hel_member_get_cpr (member));
  g_assert_cmpint (hel_member_get_role (member), ==, HEL_ROLE_MOTHER);
  g_assert_cmpint (hel_member_get_gender (member), ==, HEL_GENDER_FEMALE);
  g_assert_false (hel_member_get_in_household (member));
  periods = hel_store_list_income_periods (f->store, hel_member_get_id (member), NULL);
  g_assert_cmpuint (periods->len, ==, 1);
  g_assert_cmpuint (((HelIncomePeriod *) periods->pdata[0])->kind, ==, HEL_INCOME_RESOURCE_COURSE);
  g_assert_cmpstr (((HelIncomePeriod *) periods->pdata[0])->start_date, ==, "2024-03-01");
}

static void
test_new_child_has_no_income (Fixture       *f,
                              gconstpointer  data)
{
  HelMemberEditor *editor = open_new (f);
  g_autoptr(HelMember) member = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  adw_combo_row_set_selected (_hel_member_editor_get_role_row (editor), HEL_ROLE_CHILD);
  g_assert_false (gtk_widget_get_visible (_hel_member_editor_get_income_group (editor)));
  type_text (_hel_member_editor_get_first_name_row (editor), "Emil");
  type_text (_hel_member_editor_get_income_start_row (editor), "01.01.2024");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add", NULL);
  WAIT_FOR (editor == NULL);

  member = saved_member (f, 1);
  g_assert_cmpint (hel_member_get_role (member), ==, HEL_ROLE_CHILD);
  g_assert_cmpuint (count_income (f, hel_member_get_id (member)), ==, 0);
}

static void
test_new_cpr_fills_birth (Fixture       *f,
                          gconstpointer  data)
{
  HelMemberEditor *editor = open_new (f);
  g_autoptr(HelMember) member = NULL;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  type_text (_hel_member_editor_get_first_name_row (editor), "Mette");
  type_text (_hel_member_editor_get_cpr_row (editor), "0405881234");
  /* Masked unless shown; the Show button is a named, focusable toggle */
  {
    GtkText *text = GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (
      _hel_member_editor_get_cpr_row (editor))));
    GtkToggleButton *reveal = _hel_member_editor_get_cpr_reveal_button (editor);

    g_assert_false (gtk_text_get_visibility (text));
    g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (reveal)));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (reveal)), ==, "Show CPR Number");
    gtk_toggle_button_set_active (reveal, TRUE);
    g_assert_true (gtk_text_get_visibility (text));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (reveal)), ==, "Hide CPR Number");
    gtk_toggle_button_set_active (reveal, FALSE);
    g_assert_false (gtk_text_get_visibility (text));
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add", NULL);
  WAIT_FOR (editor == NULL);

  member = saved_member (f, 1);
  g_assert_cmpstr (hel_member_get_birth_date (member), ==, "1988-05-04");
  g_assert_cmpstr (hel_member_get_cpr (member), ==, "040588-1234");
}

/* Each bad input keeps the text, marks its row, explains under the group, writes nothing. */
static void
check_rejected (Fixture         *f,
                HelMemberEditor *editor,
                AdwEntryRow     *row,
                const char      *typed)
{
  GtkLabel *label = _hel_member_editor_get_error_label (editor, GTK_WIDGET (row));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add", NULL);
  drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (has_error (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, typed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), !=, "");
  saved_member (f, 0);
}

static void
test_new_bad_input (Fixture       *f,
                    gconstpointer  data)
{
  HelMemberEditor *editor = open_new (f);
  AdwEntryRow *birth = _hel_member_editor_get_birth_row (editor);
  AdwEntryRow *cpr = _hel_member_editor_get_cpr_row (editor);
  GtkLabel *label = _hel_member_editor_get_error_label (editor, GTK_WIDGET (cpr));
  g_autofree char *next_year = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_object_ref (editor);
  type_text (_hel_member_editor_get_first_name_row (editor), "Mette");

  /* Nine digits */
  type_text (cpr, "040588-123");
  check_rejected (f, editor, cpr, "040588-123");
  g_assert_nonnull (strstr (gtk_label_get_text (label), "ten digits"));
  /* The CPR number never shows up in the message. */
  g_assert_null (strstr (gtk_label_get_text (label), "040588"));

  /* A date that does not exist */
  type_text (cpr, "3102201234");
  check_rejected (f, editor, cpr, "3102201234");

  type_text (cpr, "");
  type_text (birth, "31.02.2020");
  check_rejected (f, editor, birth, "31.02.2020");
  g_assert_false (has_error (cpr));

  next_year = g_strdup_printf ("01.01.%d", g_date_time_get_year (now) + 1);
  type_text (birth, next_year);
  check_rejected (f, editor, birth, next_year);

  /* The CPR number and the birth date disagree. */
  type_text (birth, "01.01.1990");
  type_text (cpr, "0405881234");
  check_rejected (f, editor, cpr, "0405881234");
  g_assert_false (has_error (birth));

  /* Income start date for an adult */
  type_text (cpr, "");
  type_text (_hel_member_editor_get_income_start_row (editor), "yesterday");
  check_rejected (f, editor, _hel_member_editor_get_income_start_row (editor), "yesterday");
  g_assert_false (has_error (birth));
  g_assert_false (has_error (cpr));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));

  close_and_free (editor);
}

static void
test_edit_autosave (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HelMember) stored = store_member (f, HEL_ROLE_MOTHER, "Mette");
  HelMemberEditor *editor = open_existing (f, stored);
  g_autoptr(HelMember) member = NULL;

  /* No Add button: changes are saved as they are applied. */
  g_assert_null (gtk_window_get_default_widget (GTK_WINDOW (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _hel_member_editor_get_first_name_row (editor))),
                   ==, "Mette");

  type_and_apply (_hel_member_editor_get_first_name_row (editor), "Mette-Marie ");
  g_clear_object (&member);
  member = saved_member (f, 1);
  g_assert_cmpstr (hel_member_get_first_name (member), ==, "Mette-Marie");

  type_and_apply (_hel_member_editor_get_last_name_row (editor), "Holm");
  adw_combo_row_set_selected (_hel_member_editor_get_gender_row (editor), HEL_GENDER_FEMALE);
  gtk_switch_set_active (_hel_member_editor_get_household_switch (editor), FALSE);
  type_and_apply (_hel_member_editor_get_birth_row (editor), "23111988");
  g_clear_object (&member);
  member = saved_member (f, 1);
  g_assert_cmpstr (hel_member_get_last_name (member), ==, "Holm");
  g_assert_cmpint (hel_member_get_gender (member), ==, HEL_GENDER_FEMALE);
  g_assert_false (hel_member_get_in_household (member));
  g_assert_cmpstr (hel_member_get_birth_date (member), ==, "1988-11-23");

  /* Made a child: the same gender, called a girl; back to an adult, a woman. Neither is a
   * change of gender in the store. */
  {
    GListModel *words = adw_combo_row_get_model (_hel_member_editor_get_gender_row (editor));

    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (words), HEL_GENDER_FEMALE), ==,
                     "Female");
    adw_combo_row_set_selected (_hel_member_editor_get_role_row (editor), HEL_ROLE_CHILD);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (words), HEL_GENDER_FEMALE), ==,
                     "Girl");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (words), HEL_GENDER_MALE), ==,
                     "Boy");
    g_assert_cmpuint (adw_combo_row_get_selected (_hel_member_editor_get_gender_row (editor)), ==,
                      HEL_GENDER_FEMALE);
    adw_combo_row_set_selected (_hel_member_editor_get_role_row (editor), HEL_ROLE_MOTHER);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (words), HEL_GENDER_FEMALE), ==,
                     "Female");
    g_clear_object (&member);
    member = saved_member (f, 1);
    g_assert_cmpint (hel_member_get_gender (member), ==, HEL_GENDER_FEMALE);
    g_assert_cmpint (hel_member_get_role (member), ==, HEL_ROLE_MOTHER);
  }

  /* An empty first name is refused; the stored one stays, the row keeps what was typed. */
  type_and_apply (_hel_member_editor_get_first_name_row (editor), "  ");
  g_assert_true (has_error (_hel_member_editor_get_first_name_row (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _hel_member_editor_get_first_name_row (editor))),
                   ==, "  ");
  g_clear_object (&member);
  member = saved_member (f, 1);
  g_assert_cmpstr (hel_member_get_first_name (member), ==, "Mette-Marie");
  type_and_apply (_hel_member_editor_get_first_name_row (editor), "Mette");
  g_assert_false (has_error (_hel_member_editor_get_first_name_row (editor)));

  /* A CPR number that disagrees with the stored birth date */
  type_and_apply (_hel_member_editor_get_cpr_row (editor), "0405881234");
  g_assert_true (has_error (_hel_member_editor_get_cpr_row (editor)));
  g_clear_object (&member);
  member = saved_member (f, 1);
  g_assert_null (hel_member_get_cpr (member));

  /* Cleared birth date: the CPR number fills it in. */
  type_text (_hel_member_editor_get_birth_row (editor), "");
  g_signal_emit_by_name (_hel_member_editor_get_cpr_row (editor), "apply");
  g_assert_false (has_error (_hel_member_editor_get_cpr_row (editor)));
  g_clear_object (&member);
  member = saved_member (f, 1);
  g_assert_cmpstr (hel_member_get_cpr (member), ==, "040588-1234");
  g_assert_cmpstr (hel_member_get_birth_date (member), ==, "1988-05-04");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_hel_member_editor_get_birth_row (editor))),
                   !=, "");

  /* A child has no income support. */
  adw_combo_row_set_selected (_hel_member_editor_get_role_row (editor), HEL_ROLE_CHILD);
  g_assert_false (gtk_widget_get_visible (_hel_member_editor_get_income_group (editor)));
  g_clear_object (&member);
  member = saved_member (f, 1);
  g_assert_cmpint (hel_member_get_role (member), ==, HEL_ROLE_CHILD);

  close_and_free (editor);
}

static void
test_edit_focus_out_saves (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HelMember) stored = store_member (f, HEL_ROLE_FATHER, "Bo");
  HelMemberEditor *editor = open_existing (f, stored);
  g_autoptr(HelMember) member = NULL;
  AdwEntryRow *last = _hel_member_editor_get_last_name_row (editor);

  /* Focus leaves a row only in the window that has the focus: on a busy machine the window
   * may not be shown and active yet when the test goes on. */
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (editor)) && gtk_window_is_active (GTK_WINDOW (editor)));
  gtk_widget_grab_focus (GTK_WIDGET (last));
  drain ();
  type_text (last, "Nielsen");
  gtk_widget_grab_focus (GTK_WIDGET (_hel_member_editor_get_first_name_row (editor)));
  WAIT_FOR (saved_last_name_is (f, "Nielsen"));

  /* Typed but not applied: saved when the window closes. */
  type_text (_hel_member_editor_get_first_name_row (editor), "Bent");
  gtk_window_close (GTK_WINDOW (editor));
  drain ();
  g_clear_object (&member);
  member = saved_member (f, 1);
  g_assert_cmpstr (hel_member_get_first_name (member), ==, "Bent");
  g_assert_finalize_object (editor);
}

static GtkButton *
find_remove_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Remove") == 0)
    return GTK_BUTTON (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkButton *found = find_remove_button (c);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_edit_income (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HelMember) stored = store_member (f, HEL_ROLE_MOTHER, "Mette");
  gint64 id = hel_member_get_id (stored);
  HelMemberEditor *editor = open_existing (f, stored);
  AdwEntryRow *start = _hel_member_editor_get_income_start_row (editor);
  GtkListBox *list = _hel_member_editor_get_income_list (editor);
  GtkButton *remove;

  g_assert_true (gtk_widget_get_visible (_hel_member_editor_get_income_group (editor)));

  adw_combo_row_set_selected (_hel_member_editor_get_income_kind_row (editor),
                              HEL_INCOME_CASH_BENEFIT);
  type_text (start, "01.03.2024");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-income", NULL);
  g_assert_cmpuint (count_income (f, id), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "");

  adw_combo_row_set_selected (_hel_member_editor_get_income_kind_row (editor), HEL_INCOME_FLEX_JOB);
  type_text (start, "15.02.2025");
  g_signal_emit_by_name (start, "entry-activated");
  g_assert_cmpuint (count_income (f, id), ==, 2);
  /* Two periods and the “Add change…” row */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 2));
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));

  /* Impossible date: nothing added, the text stays. */
  type_text (start, "30.02.2025");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-income", NULL);
  g_assert_true (has_error (start));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "30.02.2025");
  g_assert_cmpuint (count_income (f, id), ==, 2);

  /* Remove the newest (first row). */
  remove = find_remove_button (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_nonnull (remove);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (remove)), ==, "Remove");
  g_signal_emit_by_name (remove, "clicked");
  g_assert_cmpuint (count_income (f, id), ==, 1);
  WAIT_FOR (gtk_list_box_get_row_at_index (list, 2) == NULL);

  close_and_free (editor);
}

static void
test_edit_store_error (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HelMember) stored = store_member (f, HEL_ROLE_MOTHER, "Mette");
  HelMemberEditor *editor = open_existing (f, stored);
  AdwEntryRow *first = _hel_member_editor_get_first_name_row (editor);
  GtkLabel *label = _hel_member_editor_get_error_label (editor, GTK_WIDGET (first));
  g_autoptr(GError) error = NULL;

  /* Someone else removes the member while the editor is open. */
  hel_store_delete_member (f->store, hel_member_get_id (stored), &error);
  g_assert_no_error (error);
  type_and_apply (first, "Mette-Marie");
  g_assert_true (has_error (first));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first)), ==, "Mette-Marie");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "The family member no longer exists.");

  /* Closing with a change that cannot be saved asks once, then lets go. */
  gtk_window_close (GTK_WINDOW (editor));
  drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  gtk_window_close (GTK_WINDOW (editor));
  drain ();
  g_assert_finalize_object (editor);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (helhed_get_resource ());

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/member-editor/new/add", test_new_add);
  ADD ("/member-editor/new/child-has-no-income", test_new_child_has_no_income);
  ADD ("/member-editor/new/cpr-fills-birth-date", test_new_cpr_fills_birth);
  ADD ("/member-editor/new/bad-input", test_new_bad_input);
  ADD ("/member-editor/edit/autosave", test_edit_autosave);
  ADD ("/member-editor/edit/focus-out-saves", test_edit_focus_out_saves);
  ADD ("/member-editor/edit/income", test_edit_income);
  ADD ("/member-editor/edit/store-error", test_edit_store_error);
#undef ADD

  return g_test_run ();
}
