/* test-progress.c: the Progress view, the measurement form and the family's measurements tab,
 * driven through their real rows and actions: errors at the field with the text kept, saving,
 * corrections with history, filters, the report from the view. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "helhed-resources.h"
#include "hel-field-error.h"
#include "hel-progress-chart.h"
#include "hel-progress-family-page.h"
#include "hel-progress-undo.h"
#include "hel-progress-measurement-dialog.h"
#include "hel-progress-view.h"
#include "hel-store-progress.h"
#include "hel-ui-test.h"
#include "hel-validate.h"

typedef struct {
  char      *dir;
  HelStore  *store;
  gint64     family_id;
  gint64     maja;
  gint64     malthe;
  GtkWidget *window;
  GtkWidget *stack;
  HelProgressView *view;
  HelProgressFamilyPage *page;
} Fixture;

static gint64
add_member (Fixture    *f,
            HelRole     role,
            const char *name,
            const char *born)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMember) member = hel_member_new ();

  hel_member_set_family_id (member, f->family_id);
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, name);
  hel_member_set_birth_date (member, born);
  g_assert_true (hel_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  return hel_member_get_id (member);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autofree char *path = NULL;
  GtkWidget *overlay, *box;

  f->dir = g_dir_make_tmp ("helhed-progress-ui-XXXXXX", &error);
  path = g_build_filename (f->dir, "helhed.db", NULL);
  f->store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  hel_family_set_name (family, "Familien Jensen");
  hel_family_set_start_date (family, "2025-01-10");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  f->family_id = hel_family_get_id (family);
  f->maja = add_member (f, HEL_ROLE_MOTHER, "Maja", "1989-04-02");
  f->malthe = add_member (f, HEL_ROLE_CHILD, "Malthe", "2015-08-30");

  f->view = HEL_PROGRESS_VIEW (hel_progress_view_new ());
  hel_progress_view_set_store (f->view, f->store);
  f->page = HEL_PROGRESS_FAMILY_PAGE (hel_progress_family_page_new (f->store));
  hel_progress_family_page_set_family (f->page, f->family_id);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (f->view), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (f->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->page));
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  f->window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  g_assert_finalize_object (f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static guint
count_measurements (Fixture *f)
{
  g_autoptr(GPtrArray) list = hel_store_list_family_measurements (f->store, f->family_id, NULL);
  return list->len;
}

static HelProgressMeasurementDialog *
open_dialog (Fixture          *f,
             gint64            member,
             gint64            measurement,
             HelInstrumentKind kind)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = hel_progress_measurement_dialog_new (GTK_WINDOW (f->window), f->store,
                                                           member, measurement, kind, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  return HEL_PROGRESS_MEASUREMENT_DIALOG (dialog);
}

static void
set_text (HelProgressMeasurementDialog *dialog,
          const char                   *field,
          const char                   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_measurement_dialog_get_row (dialog, field)),
                         text);
}

static void
test_view_shows_charts_and_due (Fixture       *f,
                                gconstpointer  data)
{
  GtkListBox *due = _hel_progress_view_get_due_list (f->view);

  _hel_progress_view_refresh (f->view);
  /* Seven project charts, each in its card. */
  g_assert_cmpuint (count_children (GTK_WIDGET (_hel_progress_view_get_charts_box (f->view))),
                    ==, 7);
  /* Maja's WHO-5 and BIP and Malthe's SDQ are due (long overdue: the family started in 2025). */
  g_assert_cmpuint (count_children (GTK_WIDGET (due)), ==, 3);
  g_assert_true (ADW_IS_ACTION_ROW (gtk_list_box_get_row_at_index (due, 0)));
}

static void
test_who5_entry (Fixture       *f,
                 gconstpointer  data)
{
  HelProgressMeasurementDialog *dialog = open_dialog (f, f->maja, 0, HEL_INSTRUMENT_WHO5);
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *date = _hel_progress_measurement_dialog_get_row (dialog, "date");
  const int answers[] = { 3, 3, 2, 2, 1 };

  g_assert_cmpint (_hel_progress_measurement_dialog_get_kind (dialog), ==, HEL_INSTRUMENT_WHO5);
  /* The Danish form's answers: index 1 is 5 "all of the time", index 6 is 0. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *field = g_strdup_printf ("answer:%u", i + 1);
      GtkWidget *row = _hel_progress_measurement_dialog_get_row (dialog, field);

      adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) (5 - answers[i] + 1));
    }
  g_assert_nonnull (strstr (_hel_progress_measurement_dialog_get_score (dialog), "44"));

  /* A date that is no date: the message at the date, the text kept, nothing saved. */
  set_text (dialog, "date", "31.02.2025");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measurement.save", NULL);
  g_assert_nonnull (hel_field_error_get (date));
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "31.02.2025");
  g_assert_cmpuint (count_measurements (f), ==, 0);

  /* Before the family started: refused by the store, shown at the date. */
  set_text (dialog, "date", "01.12.2024");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measurement.save", NULL);
  g_assert_nonnull (hel_field_error_get (date));
  g_assert_nonnull (strstr (hel_field_error_get (date), "2025"));
  g_assert_cmpuint (count_measurements (f), ==, 0);

  set_text (dialog, "date", "15.01.2025");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measurement.save", NULL);
  WAIT_FOR (dialog == NULL);
  list = hel_store_list_measurements (f->store, f->maja, HEL_INSTRUMENT_WHO5, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpfloat (((HelMeasurement *) list->pdata[0])->score, ==, 44);
  g_assert_cmpint (((HelMeasurement *) list->pdata[0])->wave, ==, 0);
}

static void
test_who5_missing_item (Fixture       *f,
                        gconstpointer  data)
{
  HelProgressMeasurementDialog *dialog = open_dialog (f, f->maja, 0, HEL_INSTRUMENT_WHO5);
  g_autoptr(GPtrArray) list = NULL;

  /* Only the first question answered: saved, incomplete, not scored. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (_hel_progress_measurement_dialog_get_row (dialog,
                                                                                    "answer:1")),
                              2);
  g_assert_nonnull (strstr (_hel_progress_measurement_dialog_get_score (dialog), "Incomplete"));
  set_text (dialog, "date", "20.01.2025");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measurement.save", NULL);
  WAIT_FOR (dialog == NULL);
  list = hel_store_list_measurements (f->store, f->maja, HEL_INSTRUMENT_WHO5, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_false (((HelMeasurement *) list->pdata[0])->complete);
}

static void
test_sdq_entry_and_correction (Fixture       *f,
                               gconstpointer  data)
{
  HelProgressMeasurementDialog *dialog = open_dialog (f, f->malthe, 0, HEL_INSTRUMENT_WHO5);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  GtkWidget *conduct;
  gint64 id;

  /* A child gets the SDQ whatever was asked for. */
  g_assert_cmpint (_hel_progress_measurement_dialog_get_kind (dialog), ==, HEL_INSTRUMENT_SDQ);
  conduct = _hel_progress_measurement_dialog_get_row (dialog, "answer:conduct");
  set_text (dialog, "date", "12.01.2025");
  set_text (dialog, "answer:emotional", "4");
  set_text (dialog, "answer:conduct", "11");
  set_text (dialog, "answer:hyperactivity", "6");
  set_text (dialog, "answer:peer", "two");
  set_text (dialog, "answer:prosocial", "8");

  /* Text that is no number: the message at that row. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measurement.save", NULL);
  g_assert_nonnull (hel_field_error_get (_hel_progress_measurement_dialog_get_row (dialog,
                                                                                "answer:peer")));
  g_assert_cmpuint (count_measurements (f), ==, 0);

  /* A scale above 10: refused at the conduct row, text kept. */
  set_text (dialog, "answer:peer", "2");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measurement.save", NULL);
  g_assert_nonnull (hel_field_error_get (conduct));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (conduct)), ==, "11");
  g_assert_cmpuint (count_measurements (f), ==, 0);

  set_text (dialog, "answer:conduct", "3");
  g_assert_nonnull (strstr (_hel_progress_measurement_dialog_get_score (dialog), "15"));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measurement.save", NULL);
  WAIT_FOR (dialog == NULL);
  list = hel_store_list_measurements (f->store, f->malthe, HEL_INSTRUMENT_SDQ, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  id = ((HelMeasurement *) list->pdata[0])->id;
  g_assert_cmpstr (((HelMeasurement *) list->pdata[0])->band, ==, "borderline");

  /* A correction keeps the old answers in the history. */
  dialog = open_dialog (f, 0, id, HEL_INSTRUMENT_SDQ);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_hel_progress_measurement_dialog_get_row (dialog, "answer:conduct"))), ==, "3");
  set_text (dialog, "answer:conduct", "1");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measurement.save", NULL);
  WAIT_FOR (dialog == NULL);
  edits = hel_store_list_measurement_edits (f->store, id, NULL);
  g_assert_cmpuint (edits->len, ==, 1);
  g_assert_nonnull (strstr (((HelMeasurementEdit *) edits->pdata[0])->old_value, "conduct=3"));
}

/* The tag beside SDQ answer @key: visible with @label and the band's style class, or hidden
 * (@label NULL). */
static void
assert_band_tag (HelProgressMeasurementDialog *dialog,
                 const char                   *key,
                 const char                   *label,
                 const char                   *css_class)
{
  GtkWidget *tag = _hel_progress_measurement_dialog_get_band_tag (dialog, key);
  g_autofree char *field = g_strconcat ("answer:", key, NULL);

  /* Beside the score it is about, in that row. */
  g_assert_nonnull (tag);
  g_assert_true (gtk_widget_is_ancestor (tag, _hel_progress_measurement_dialog_get_row (dialog,
                                                                                     field)));
  if (label == NULL)
    {
      g_assert_false (gtk_widget_get_visible (tag));
      return;
    }
  g_assert_true (gtk_widget_get_visible (tag));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tag)), ==, label);
  g_assert_true (gtk_widget_has_css_class (tag, css_class));
  for (guint c = 0; c < 4; c++)
    {
      const char *others[] = { "normal", "borderline", "abnormal", "very-high" };
      if (!g_str_equal (others[c], css_class))
        g_assert_false (gtk_widget_has_css_class (tag, others[c]));
    }
}

static void
test_sdq_band_tags (Fixture       *f,
                    gconstpointer  data)
{
  HelProgressMeasurementDialog *dialog = open_dialog (f, f->malthe, 0, HEL_INSTRUMENT_SDQ);
  g_autoptr(GError) error = NULL;
  HelSdqBandTable emotional;

  /* Nothing typed: no tags; and none for the WHO-5 rows of an adult's dialog either. */
  for (guint i = 0; i < HEL_SDQ_N_FIELDS; i++)
    assert_band_tag (dialog, hel_sdq_field_code (i), NULL, NULL);

  /* Each score gets its own scale's band (the shipped four-band tables) as it is typed. */
  set_text (dialog, "answer:emotional", "4");
  assert_band_tag (dialog, "emotional", "Borderline", "borderline");
  set_text (dialog, "answer:conduct", "6");
  assert_band_tag (dialog, "conduct", "Very high", "very-high");
  set_text (dialog, "answer:hyperactivity", "8");
  assert_band_tag (dialog, "hyperactivity", "Abnormal", "abnormal");
  set_text (dialog, "answer:peer", "1");
  assert_band_tag (dialog, "peer", "Normal", "normal");
  /* Prosocial runs the other way: a low score is the worse band. */
  set_text (dialog, "answer:prosocial", "9");
  assert_band_tag (dialog, "prosocial", "Normal", "normal");
  set_text (dialog, "answer:prosocial", "5");
  assert_band_tag (dialog, "prosocial", "Very low", "very-high");
  set_text (dialog, "answer:impact", "2");
  assert_band_tag (dialog, "impact", "Abnormal", "abnormal");

  /* The total keeps its own three-band table: 4 + 6 + 8 + 1 = 19, abnormal. */
  g_assert_nonnull (strstr (_hel_progress_measurement_dialog_get_score (dialog), "19"));
  g_assert_nonnull (strstr (_hel_progress_measurement_dialog_get_score (dialog), "Abnormal"));

  /* Changing, clearing, or typing what is no score moves or hides the tag; the text stays. */
  set_text (dialog, "answer:conduct", "2");
  assert_band_tag (dialog, "conduct", "Normal", "normal");
  set_text (dialog, "answer:conduct", "");
  assert_band_tag (dialog, "conduct", NULL, NULL);
  set_text (dialog, "answer:conduct", "x");
  assert_band_tag (dialog, "conduct", NULL, NULL);
  set_text (dialog, "answer:conduct", "11");
  assert_band_tag (dialog, "conduct", NULL, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _hel_progress_measurement_dialog_get_row (dialog, "answer:conduct"))), ==,
                   "11");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A table changed in Preferences: a new dialog bands by it (emotional 4 now normal). */
  hel_sdq_band_table_init_published (&emotional, HEL_SDQ_BANDS_EMOTIONAL, 2);
  emotional.lowest[1] = 6;
  g_assert_true (hel_store_save_sdq_bands (f->store, &emotional, &error));
  g_assert_no_error (error);
  dialog = open_dialog (f, f->malthe, 0, HEL_INSTRUMENT_SDQ);
  set_text (dialog, "answer:emotional", "4");
  assert_band_tag (dialog, "emotional", "Normal", "normal");
  set_text (dialog, "answer:emotional", "6");
  assert_band_tag (dialog, "emotional", "Abnormal", "abnormal");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* An adult's WHO-5 rows have none. */
  dialog = open_dialog (f, f->maja, 0, HEL_INSTRUMENT_WHO5);
  g_assert_null (_hel_progress_measurement_dialog_get_band_tag (dialog, "emotional"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_family_page_figures (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *percent = _hel_progress_family_page_get_widget (f->page, "absence-percent");
  GtkWidget *quarter = _hel_progress_family_page_get_widget (f->page, "absence-quarter");
  g_autoptr(GPtrArray) absence = NULL;
  g_autoptr(GPtrArray) interventions = NULL;
  g_autofree char *group = g_strdup_printf ("member-%" G_GINT64_FORMAT, f->maja);

  /* A group per person in the household. */
  g_assert_nonnull (_hel_progress_family_page_get_widget (f->page, group));

  /* A percentage above 100: at the field, kept, nothing written. */
  gtk_editable_set_text (GTK_EDITABLE (quarter), "2025-q2");
  gtk_editable_set_text (GTK_EDITABLE (percent), "120");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.save-absence", NULL);
  g_assert_nonnull (hel_field_error_get (percent));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (percent)), ==, "120");
  g_assert_true (gtk_widget_get_visible (_hel_progress_family_page_get_widget (f->page,
                                                                              "absence-error")));
  absence = hel_store_list_school_absence (f->store, f->family_id, NULL);
  g_assert_cmpuint (absence->len, ==, 0);
  g_clear_pointer (&absence, g_ptr_array_unref);

  /* A Danish decimal comma is a number. */
  gtk_editable_set_text (GTK_EDITABLE (percent), "12,5");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.save-absence", NULL);
  g_assert_null (hel_field_error_get (percent));
  absence = hel_store_list_school_absence (f->store, f->family_id, NULL);
  g_assert_cmpuint (absence->len, ==, 1);
  g_assert_cmpstr (((HelSchoolAbsence *) absence->pdata[0])->quarter, ==, "2025-Q2");
  g_assert_cmpfloat (((HelSchoolAbsence *) absence->pdata[0])->percent, ==, 12.5);

  /* An intervention that ends before it starts. */
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page, "intervention-kind")), "Virksomhedspraktik");
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page, "intervention-start")), "01.03.2025");
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page, "intervention-end")), "01.02.2025");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.add-intervention", NULL);
  g_assert_nonnull (hel_field_error_get (_hel_progress_family_page_get_widget (f->page,
                                                                              "intervention-end")));
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page, "intervention-end")), "");
  gtk_switch_set_active (GTK_SWITCH (_hel_progress_family_page_get_widget (f->page, "intervention-placement")), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.add-intervention", NULL);
  interventions = hel_store_list_interventions (f->store, f->family_id, NULL);
  g_assert_cmpuint (interventions->len, ==, 1);
  g_assert_true (((HelIntervention *) interventions->pdata[0])->company_placement);

  /* Expenses: "12.500" is twelve thousand five hundred kroner. */
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page, "expense-quarter")), "2025-Q1");
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page, "expense-amount")), "12.500");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.save-expense", NULL);
  {
    g_autoptr(GPtrArray) expenses = hel_store_list_expenses (f->store, f->family_id, NULL);
    g_assert_cmpuint (expenses->len, ==, 1);
    g_assert_cmpint (((HelExpense *) expenses->pdata[0])->amount, ==, 12500);
  }
}

static void
test_filter_and_report (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "status.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "status.csv", NULL);
  GtkEditable *from = _hel_progress_view_get_from_entry (f->view);

  gtk_editable_set_text (from, "not a date");
  g_assert_nonnull (hel_field_error_get (GTK_WIDGET (from)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_progress_view_get_filter_error (f->view))));
  g_assert_null (_hel_progress_view_get_filter (f->view)->from);
  gtk_editable_set_text (from, "01.01.2025");
  g_assert_null (hel_field_error_get (GTK_WIDGET (from)));
  g_assert_cmpstr (_hel_progress_view_get_filter (f->view)->from, ==, "2025-01-01");

  g_assert_true (_hel_progress_view_write_report (f->view, pdf, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (_hel_progress_view_write_report (f->view, csv, TRUE, &error));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));
}

/* The first descendant of @widget that carries object data @key, or NULL. */
static GtkWidget *
find_with_data (GtkWidget  *widget,
                const char *key)
{
  if (g_object_get_data (G_OBJECT (widget), key) != NULL)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_with_data (c, key);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
answer_who5 (HelProgressMeasurementDialog *dialog,
             int                           answer)
{
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *field = g_strdup_printf ("answer:%u", i + 1);
      GtkWidget *row = _hel_progress_measurement_dialog_get_row (dialog, field);

      adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) (5 - answer + 1));
    }
}

static void
save_and_wait (HelProgressMeasurementDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "measurement.save", NULL);
  WAIT_FOR (dialog == NULL);
}

static double
who5_score (Fixture *f)
{
  g_autoptr(GPtrArray) list = hel_store_list_measurements (f->store, f->maja, HEL_INSTRUMENT_WHO5,
                                                           NULL);
  g_assert_cmpuint (list->len, ==, 1);
  return ((HelMeasurement *) list->pdata[0])->score;
}

static void
test_family_page_undo_measurements (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("member-%" G_GINT64_FORMAT, f->maja);
  GtkWidget *group = _hel_progress_family_page_get_widget (f->page, name);
  HelUndoStack *undo = _hel_progress_family_page_get_undo_stack (f->page);
  HelProgressMeasurementDialog *dialog;
  g_autoptr(GPtrArray) edits = NULL;
  GtkWidget *row;
  gint64 id;

  g_assert_false (hel_undo_stack_can_undo (undo));

  /* "New Measurement…" in Maja's group, filled in and saved: one entry to undo. */
  gtk_widget_activate (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group)));
  WAIT_FOR (find_toplevel (HEL_TYPE_PROGRESS_MEASUREMENT_DIALOG) != NULL);
  dialog = HEL_PROGRESS_MEASUREMENT_DIALOG (find_toplevel (HEL_TYPE_PROGRESS_MEASUREMENT_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_measurement_dialog_get_row (dialog, "date")),
                         "15.01.2025");
  answer_who5 (dialog, 2);
  save_and_wait (dialog);
  g_assert_cmpfloat (who5_score (f), ==, 40);
  g_assert_true (hel_undo_stack_can_undo (undo));
  {
    g_autoptr(GPtrArray) measurements = hel_store_list_measurements (f->store, f->maja,
                                                                     HEL_INSTRUMENT_WHO5, NULL);
    id = ((HelMeasurement *) measurements->pdata[0])->id;
  }

  /* Undo takes it away, redo brings it back under its own id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.undo", NULL));
  g_assert_cmpuint (count_measurements (f), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.redo", NULL));
  g_assert_cmpuint (count_measurements (f), ==, 1);
  {
    HelMeasurement *back = hel_store_get_measurement (f->store, id, NULL);

    g_assert_nonnull (back);
    hel_measurement_free (back);
  }

  /* A correction through the measurement's row, then undone: the old answers are back, and the
   * history has both changes. */
  _hel_progress_family_page_reload (f->page);
  group = _hel_progress_family_page_get_widget (f->page, name);
  row = find_with_data (group, "measurement-id");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  WAIT_FOR (find_toplevel (HEL_TYPE_PROGRESS_MEASUREMENT_DIALOG) != NULL);
  dialog = HEL_PROGRESS_MEASUREMENT_DIALOG (find_toplevel (HEL_TYPE_PROGRESS_MEASUREMENT_DIALOG));
  answer_who5 (dialog, 4);
  save_and_wait (dialog);
  g_assert_cmpfloat (who5_score (f), ==, 80);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.undo", NULL));
  g_assert_cmpfloat (who5_score (f), ==, 40);
  edits = hel_store_list_measurement_edits (f->store, id, NULL);
  g_assert_cmpuint (edits->len, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.redo", NULL));
  g_assert_cmpfloat (who5_score (f), ==, 80);

  /* Another family's page starts with nothing to undo. */
  hel_progress_family_page_set_family (f->page, 0);
  g_assert_false (hel_undo_stack_can_undo (undo));
}

/* A WHO-5 of Maja's with one correction, removed from its row after the question, then undone:
 * back under its own id with its history; redo removes it again. */
static void
test_family_page_remove_measurement (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("member-%" G_GINT64_FORMAT, f->maja);
  g_autoptr(HelMeasurement) m = hel_measurement_new (f->maja, HEL_INSTRUMENT_WHO5, "2025-01-15");
  g_autoptr(HelMeasurement) back = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = hel_date_format ("2025-01-15");
  HelUndoStack *undo = _hel_progress_family_page_get_undo_stack (f->page);
  AdwMessageDialog *question;
  GtkWidget *group, *button;
  const char *body;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", i + 1);
      hel_measurement_set_answer (m, key, 2);
    }
  g_assert_true (hel_store_save_measurement (f->store, m, "Test", NULL, &error));
  hel_measurement_set_answer (m, "1", 3);
  g_assert_true (hel_store_save_measurement (f->store, m, "Test", NULL, &error));
  g_assert_no_error (error);
  _hel_progress_family_page_reload (f->page);
  group = _hel_progress_family_page_get_widget (f->page, name);
  button = find_with_data (group, "removes-measurement");
  g_assert_true (GTK_IS_BUTTON (button));

  /* The question names what goes: whose measurement, which, and its correction. Cancel keeps it. */
  g_signal_emit_by_name (button, "clicked");
  question = _hel_progress_family_page_get_question (f->page);
  g_assert_nonnull (question);
  body = adw_message_dialog_get_body (question);
  g_assert_nonnull (strstr (body, "Maja"));
  g_assert_nonnull (strstr (body, "WHO-5"));
  g_assert_nonnull (strstr (body, date));
  g_assert_nonnull (strstr (body, "1 correction"));
  /* As a click on a response does: answer, then the dialog goes. */
  adw_message_dialog_response (question, "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  WAIT_FOR (_hel_progress_family_page_get_question (f->page) == NULL);
  g_assert_cmpuint (count_measurements (f), ==, 1);
  g_assert_false (hel_undo_stack_can_undo (undo));

  /* Remove: gone, with an entry to undo. */
  g_signal_emit_by_name (button, "clicked");
  question = _hel_progress_family_page_get_question (f->page);
  adw_message_dialog_response (question, "remove");
  gtk_window_destroy (GTK_WINDOW (question));
  WAIT_FOR (_hel_progress_family_page_get_question (f->page) == NULL);
  g_assert_cmpuint (count_measurements (f), ==, 0);
  g_assert_true (hel_undo_stack_can_undo (undo));

  /* Ctrl+Z's action: back under its own id, answers, score and history as they were. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.undo", NULL));
  back = hel_store_get_measurement (f->store, m->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hel_measurement_get_answer (back, "1"), ==, 3);
  g_assert_cmpfloat (back->score, ==, m->score);
  g_assert_cmpstr (back->created, ==, m->created);
  edits = hel_store_list_measurement_edits (f->store, m->id, &error);
  g_assert_cmpuint (edits->len, ==, 1);

  /* Redo removes it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.redo", NULL));
  g_assert_cmpuint (count_measurements (f), ==, 0);
}

static guint
count_absence (Fixture *f)
{
  g_autoptr(GPtrArray) list = hel_store_list_school_absence (f->store, f->family_id, NULL);
  return list->len;
}

static GtkWidget *
first_remove_button (Fixture    *f,
                     const char *form)
{
  g_autofree char *name = g_strdup_printf ("%s-recorded", form);
  GtkWidget *expander = _hel_progress_family_page_get_widget (f->page, name);

  g_assert_nonnull (expander);
  /* As a person does: open the list, then the row's button. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  return find_with_data (expander, "figure");
}

static void
test_family_page_remove_figures (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *percent = _hel_progress_family_page_get_widget (f->page, "absence-percent");
  HelUndoStack *undo = _hel_progress_family_page_get_undo_stack (f->page);
  g_autoptr(GPtrArray) absence = NULL;
  GtkWidget *button;

  g_assert_null (first_remove_button (f, "absence"));
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page,
                                                                            "absence-quarter")),
                         "2025-Q2");
  gtk_editable_set_text (GTK_EDITABLE (percent), "12,5");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.save-absence", NULL);
  gtk_editable_set_text (GTK_EDITABLE (percent), "20");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.save-absence", NULL);
  g_assert_cmpuint (count_absence (f), ==, 1);
  _hel_progress_family_page_reload (f->page);

  /* The recorded figure, removed from its row and brought back by undo. */
  button = first_remove_button (f, "absence");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (count_absence (f), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.undo", NULL));
  absence = hel_store_list_school_absence (f->store, f->family_id, NULL);
  g_assert_cmpuint (absence->len, ==, 1);
  g_assert_cmpfloat (((HelSchoolAbsence *) absence->pdata[0])->percent, ==, 20);
  g_clear_pointer (&absence, g_ptr_array_unref);
  /* One more undo goes back to the first value saved; one more removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.undo", NULL));
  absence = hel_store_list_school_absence (f->store, f->family_id, NULL);
  g_assert_cmpfloat (((HelSchoolAbsence *) absence->pdata[0])->percent, ==, 12.5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.undo", NULL));
  g_assert_cmpuint (count_absence (f), ==, 0);
  g_assert_false (hel_undo_stack_can_undo (undo));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.redo", NULL));
  g_assert_cmpuint (count_absence (f), ==, 1);

  /* Notifications and expenses the same way. */
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page,
                                                                            "notification-year")),
                         "2025");
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page,
                                                                            "notification-count")),
                         "2");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.save-notification", NULL);
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page,
                                                                            "expense-quarter")),
                         "2025-Q1");
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_family_page_get_widget (f->page,
                                                                            "expense-amount")),
                         "7.500");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.save-expense", NULL);
  _hel_progress_family_page_reload (f->page);
  g_signal_emit_by_name (first_remove_button (f, "notification"), "clicked");
  g_signal_emit_by_name (first_remove_button (f, "expense"), "clicked");
  {
    g_autoptr(GPtrArray) notifications = hel_store_list_concern_notifications (f->store,
                                                                               f->family_id,
                                                                               NULL);
    g_autoptr(GPtrArray) expenses = hel_store_list_expenses (f->store, f->family_id, NULL);
    g_assert_cmpuint (notifications->len, ==, 0);
    g_assert_cmpuint (expenses->len, ==, 0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "figures.undo", NULL));
  {
    g_autoptr(GPtrArray) notifications = hel_store_list_concern_notifications (f->store,
                                                                               f->family_id,
                                                                               NULL);
    g_autoptr(GPtrArray) expenses = hel_store_list_expenses (f->store, f->family_id, NULL);
    g_assert_cmpuint (notifications->len, ==, 1);
    g_assert_cmpint (((HelConcernNotification *) notifications->pdata[0])->count, ==, 2);
    g_assert_cmpuint (expenses->len, ==, 1);
    g_assert_cmpint (((HelExpense *) expenses->pdata[0])->amount, ==, 7500);
  }
}

static void
test_view_undo (Fixture       *f,
                gconstpointer  data)
{
  GtkListBox *due = _hel_progress_view_get_due_list (f->view);
  HelUndoStack *undo = _hel_progress_view_get_undo_stack (f->view);
  HelProgressMeasurementDialog *dialog;
  GtkListBoxRow *row = NULL;

  _hel_progress_view_refresh (f->view);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (due, i)) != NULL; i++)
    if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "member-id")) == (gsize) f->maja &&
        GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "instrument")) == HEL_INSTRUMENT_WHO5)
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  WAIT_FOR (find_toplevel (HEL_TYPE_PROGRESS_MEASUREMENT_DIALOG) != NULL);
  dialog = HEL_PROGRESS_MEASUREMENT_DIALOG (find_toplevel (HEL_TYPE_PROGRESS_MEASUREMENT_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (_hel_progress_measurement_dialog_get_row (dialog, "date")),
                         "15.01.2025");
  answer_who5 (dialog, 3);
  save_and_wait (dialog);
  g_assert_cmpuint (count_measurements (f), ==, 1);
  g_assert_true (hel_undo_stack_can_undo (undo));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "progress.undo", NULL));
  g_assert_cmpuint (count_measurements (f), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "progress.redo", NULL));
  g_assert_cmpuint (count_measurements (f), ==, 1);
}

/* The height the overview card should get at its width: its rows and note, nothing more. */
static int
overview_height (GtkWidget *overview)
{
  const HelChart *chart = hel_progress_chart_get_chart (HEL_PROGRESS_CHART (overview));
  HelChartStyle style;

  hel_chart_style_init (&style, HEL_CHART_THEME_LIGHT);
  style.text_scale = 1.2;
  return MAX (120, (int) ceil (hel_chart_get_natural_height (chart, &style,
                                                             gtk_widget_get_width (overview))));
}

static void
test_family_overview_fits_rows (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *overview = _hel_progress_family_page_get_widget (f->page, "overview");
  const char *names[] = { "Malthe", "Sofie", "Emil" };
  gint64 children[G_N_ELEMENTS (names)] = { f->malthe };
  int last = 0, minimum, natural;

  /* The family page alone in the window, as in the app. */
  gtk_widget_set_visible (GTK_WIDGET (f->view), FALSE);
  g_assert_true (HEL_IS_PROGRESS_CHART (overview));
  g_assert_true (hel_chart_is_table (hel_progress_chart_get_chart (HEL_PROGRESS_CHART (overview))));
  g_assert_cmpint (gtk_widget_get_request_mode (overview), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  children[1] = add_member (f, HEL_ROLE_CHILD, names[1], "2013-02-11");
  children[2] = add_member (f, HEL_ROLE_CHILD, names[2], "2017-06-01");

  /* One row of school absence per child: the card grows by a row each time, and is exactly as
   * high as the table needs at its width. */
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *bad_field = NULL;

      g_assert_true (hel_store_set_school_absence (f->store, children[i], "2025-Q2", 4.5 + i,
                                                   &bad_field, &error));
      g_assert_no_error (error);
      WAIT_FOR (hel_chart_get_n_categories (hel_progress_chart_get_chart (
                  HEL_PROGRESS_CHART (overview))) == i + 1);
      WAIT_FOR (gtk_widget_get_width (overview) > 0 &&
                gtk_widget_get_height (overview) == overview_height (overview));
      g_test_message ("%u rows: %d px at %d px", i + 1, gtk_widget_get_height (overview),
                      gtk_widget_get_width (overview));
      g_assert_cmpint (gtk_widget_get_height (overview), >, last);
      /* The old fixed card was 300 px whatever it held. */
      if (i == 0)
        g_assert_cmpint (gtk_widget_get_height (overview), <, 300);
      last = gtk_widget_get_height (overview);
    }
  /* Height for width: narrower means smaller text, so a lower card. */
  gtk_widget_measure (overview, GTK_ORIENTATION_VERTICAL, 400, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  g_assert_cmpint (natural, <, last);
  g_assert_cmpint (natural, >=, 120);

  /* A plot keeps its fixed smallest size. */
  {
    GtkWidget *plot = g_object_ref_sink (hel_progress_chart_new ());

    hel_progress_chart_set_chart (HEL_PROGRESS_CHART (plot),
                                  hel_chart_new (f->store, HEL_CHART_PERSON_WHO5, f->maja, NULL,
                                                 NULL));
    g_assert_cmpint (gtk_widget_get_request_mode (plot), ==, GTK_SIZE_REQUEST_CONSTANT_SIZE);
    gtk_widget_measure (plot, GTK_ORIENTATION_VERTICAL, 700, &minimum, &natural, NULL, NULL);
    g_assert_cmpint (minimum, ==, 300);
    hel_progress_chart_set_plot_height (HEL_PROGRESS_CHART (plot), 400);
    gtk_widget_measure (plot, GTK_ORIENTATION_VERTICAL, 700, &minimum, &natural, NULL, NULL);
    g_assert_cmpint (minimum, ==, 400);
    g_object_unref (plot);
  }
}

/* In the project view the plots are at least 400 px high and the economy's table, in the same
 * grid, exactly as high as its rows: its card has no empty space under the table. */
static void
test_view_table_card_fits_rows (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *box = GTK_WIDGET (_hel_progress_view_get_charts_box (f->view));
  GtkWidget *table = NULL, *plot = NULL;

  _hel_progress_view_refresh (f->view);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* GtkFlowBoxChild > card > chart. */
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *chart = gtk_widget_get_first_child (card);
      const HelChart *drawn = hel_progress_chart_get_chart (HEL_PROGRESS_CHART (chart));

      if (drawn != NULL && hel_chart_is_table (drawn))
        table = chart;
      else if (plot == NULL)
        plot = chart;
    }
  g_assert_nonnull (table);
  g_assert_nonnull (plot);
  WAIT_FOR (gtk_widget_get_width (table) > 0 &&
            gtk_widget_get_height (table) == overview_height (table));
  g_test_message ("table %d x %d px, plot %d x %d px", gtk_widget_get_width (table),
                  gtk_widget_get_height (table), gtk_widget_get_width (plot),
                  gtk_widget_get_height (plot));
  g_assert_cmpint (gtk_widget_get_height (plot), >=, 400);
  g_assert_cmpint (gtk_widget_get_height (table), <, gtk_widget_get_height (plot));
}

static void
css_parsing_error_cb (GtkCssProvider *provider,
                      GtkCssSection  *section,
                      const GError   *error,
                      gpointer        data)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_test_message ("style.css: %s: %s", where, error->message);
  (*(guint *) data)++;
}

/* The widgets' own styles live in the app's style.css (loaded by AdwApplication from the resource
 * base path), not in stylesheets of their own: it parses cleanly and holds their rules. */
static void
test_style_css (Fixture       *f,
                gconstpointer  data)
{
  const char *rules[] = { ".sdq-band.very-high", ".hel-plan-pill.warning", ".hel-netmap-swatch",
                          ".due-pill" };
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/style.css", 0, NULL);
  g_autofree char *text = NULL;
  guint errors = 0;

  g_assert_nonnull (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_assert_nonnull (strstr (text, rules[i]));
  g_signal_connect (provider, "parsing-error", G_CALLBACK (css_parsing_error_cb), &errors);
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  g_assert_cmpuint (errors, ==, 0);
  g_assert_null (g_resources_lookup_data (RESOURCE_PREFIX "/ui/hel-plan-view.css", 0, NULL));
  g_assert_null (g_resources_lookup_data (RESOURCE_PREFIX "/ui/hel-progress-measurement-dialog.css",
                                          0, NULL));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/progress/view", test_view_shows_charts_and_due);
  ADD ("/progress/who5-entry", test_who5_entry);
  ADD ("/progress/who5-missing-item", test_who5_missing_item);
  ADD ("/progress/sdq-entry-and-correction", test_sdq_entry_and_correction);
  ADD ("/progress/sdq-band-tags", test_sdq_band_tags);
  ADD ("/progress/family-page-figures", test_family_page_figures);
  ADD ("/progress/filter-and-report", test_filter_and_report);
  ADD ("/progress/family-page-undo-measurements", test_family_page_undo_measurements);
  ADD ("/progress/family-page-remove-figures", test_family_page_remove_figures);
  ADD ("/progress/family-page-remove-measurement", test_family_page_remove_measurement);
  ADD ("/progress/view-undo", test_view_undo);
  ADD ("/progress/family-overview-fits-rows", test_family_overview_fits_rows);
  ADD ("/progress/view-table-card-fits-rows", test_view_table_card_fits_rows);
  ADD ("/progress/style-css", test_style_css);
#undef ADD

  return g_test_run ();
}
