/* test-store-progress.c: measurements and follow-up figures in the store: waves, scoring on save,
 * history, bad input refused at its field with nothing written, the schedule of what is due. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hel-store-progress.h"
#include "hel-validate.h"

typedef struct {
  char      *dir;
  char      *path;
  HelStore  *store;
  HelFamily *family;
  HelMember *mother;
  HelMember *child;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-progress-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "progress.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->family = hel_family_new ();
  hel_family_set_name (f->family, "Familien Måling");
  hel_family_set_start_date (f->family, "2024-01-15");
  g_assert_true (hel_store_save_family (f->store, f->family, &error));

  f->mother = hel_member_new ();
  hel_member_set_family_id (f->mother, hel_family_get_id (f->family));
  hel_member_set_role (f->mother, HEL_ROLE_MOTHER);
  hel_member_set_first_name (f->mother, "Maja");
  hel_member_set_birth_date (f->mother, "1988-03-02");
  g_assert_true (hel_store_save_member (f->store, f->mother, &error));

  f->child = hel_member_new ();
  hel_member_set_family_id (f->child, hel_family_get_id (f->family));
  hel_member_set_role (f->child, HEL_ROLE_CHILD);
  hel_member_set_first_name (f->child, "Malthe");
  hel_member_set_birth_date (f->child, "2016-05-20");
  g_assert_true (hel_store_save_member (f->store, f->child, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->mother);
  g_clear_object (&f->child);
  g_clear_object (&f->family);
  g_assert_finalize_object (f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static HelMeasurement *
who5 (Fixture    *f,
      const char *date,
      int         a1,
      int         a2,
      int         a3,
      int         a4,
      int         a5)
{
  HelMeasurement *m = hel_measurement_new (hel_member_get_id (f->mother), HEL_INSTRUMENT_WHO5,
                                           date);
  int answers[] = { a1, a2, a3, a4, a5 };

  m->wave = -1;
  for (guint i = 0; i < 5; i++)
    {
      char key[4];
      g_snprintf (key, sizeof key, "%u", i + 1);
      hel_measurement_set_answer (m, key, answers[i]);
    }
  return m;
}

static guint
count_rows (Fixture    *f,
            const char *table)
{
  g_autoptr(GPtrArray) list = NULL;

  if (g_str_equal (table, "measurement"))
    {
      g_autoptr(GPtrArray) a = hel_store_list_family_measurements (f->store,
                                                                  hel_family_get_id (f->family),
                                                                  NULL);
      return a->len;
    }
  list = hel_store_list_school_absence (f->store, hel_family_get_id (f->family), NULL);
  return list->len;
}

static void
test_waves (void)
{
  /* Baseline at the start; the nearest 4-month wave after it, even a few weeks off. */
  g_assert_cmpint (hel_wave_for_date ("2024-01-15", "2024-01-15", 4), ==, 0);
  g_assert_cmpint (hel_wave_for_date ("2024-01-15", "2024-02-20", 4), ==, 0);
  g_assert_cmpint (hel_wave_for_date ("2024-01-15", "2024-04-10", 4), ==, 4);
  g_assert_cmpint (hel_wave_for_date ("2024-01-15", "2024-05-15", 4), ==, 4);
  g_assert_cmpint (hel_wave_for_date ("2024-01-15", "2024-06-20", 4), ==, 4);
  g_assert_cmpint (hel_wave_for_date ("2024-01-15", "2024-08-01", 4), ==, 8);
  g_assert_cmpint (hel_wave_for_date ("2024-01-15", "2025-01-10", 4), ==, 12);
  g_assert_cmpint (hel_wave_for_date ("2024-01-15", "2024-07-15", 6), ==, 6);
  /* Before the start (refused when saved) counts as the baseline. */
  g_assert_cmpint (hel_wave_for_date ("2024-01-15", "2023-12-01", 4), ==, 0);

  {
    g_autofree char *due = hel_wave_due_date ("2024-01-31", 4);
    g_autofree char *label = hel_wave_label (8);
    g_autofree char *base = hel_wave_label (0);
    g_assert_cmpstr (due, ==, "2024-05-31");
    g_assert_cmpstr (label, ==, "8 months");
    g_assert_cmpstr (base, ==, "Baseline");
  }
}

static void
test_quarters (void)
{
  g_autofree char *q = hel_quarter_for_date ("2025-08-14");
  g_autofree char *first = hel_quarter_first_day ("2025-Q3");
  g_autofree char *last = hel_quarter_last_day ("2025-Q4");
  g_autofree char *next = hel_quarter_next ("2025-Q4");

  g_assert_cmpstr (q, ==, "2025-Q3");
  g_assert_cmpstr (first, ==, "2025-07-01");
  g_assert_cmpstr (last, ==, "2025-12-31");
  g_assert_cmpstr (next, ==, "2026-Q1");
  g_assert_false (hel_quarter_parse ("2025-Q5", NULL, NULL));
  g_assert_false (hel_quarter_parse ("2025Q1", NULL, NULL));
}

static void
test_save_and_score (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) m = who5 (f, "2024-05-10", 2, 2, 1, 1, 1);
  g_autoptr(HelMeasurement) incomplete = who5 (f, "2024-09-01", 3, HEL_SCORING_MISSING, 3, 3, 3);
  g_autoptr(HelMeasurement) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *bad = NULL;

  g_assert_true (hel_store_save_measurement (f->store, m, "Tester", &bad, &error));
  g_assert_no_error (error);
  g_assert_null (bad);
  g_assert_cmpint (m->wave, ==, 4);
  g_assert_true (m->complete);
  g_assert_cmpfloat (m->score, ==, 28);
  g_assert_cmpstr (m->band, ==, "depression");

  loaded = hel_store_get_measurement (f->store, m->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->date, ==, "2024-05-10");
  g_assert_cmpint (hel_measurement_get_answer (loaded, "3"), ==, 1);
  g_assert_cmpfloat (loaded->score, ==, 28);

  /* A missing WHO-5 item is kept, shown as incomplete, and not scored. */
  g_assert_true (hel_store_save_measurement (f->store, incomplete, "Tester", &bad, &error));
  g_assert_no_error (error);
  g_assert_false (incomplete->complete);
  g_assert_true (isnan (incomplete->score));
  g_assert_null (incomplete->band);
  g_assert_cmpint (incomplete->wave, ==, 8);

  list = hel_store_list_measurements (f->store, hel_member_get_id (f->mother), HEL_N_INSTRUMENTS,
                                      &error);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_sdq (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) m = hel_measurement_new (hel_member_get_id (f->child),
                                                     HEL_INSTRUMENT_SDQ, "2024-01-20");
  g_autoptr(HelMeasurement) again = NULL;
  HelSdqBandTable table;
  g_autofree char *bad = NULL;
  const int values[] = { 4, 3, 5, 2, 8, 1 };

  for (guint i = 0; i < HEL_SDQ_N_FIELDS; i++)
    hel_measurement_set_answer (m, hel_sdq_field_code (i), values[i]);
  g_assert_true (hel_store_save_measurement (f->store, m, NULL, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (m->score, ==, 14);
  g_assert_cmpstr (m->band, ==, "borderline");

  /* The band table is data: moving the edge re-bands what is stored. */
  g_assert_true (hel_store_load_sdq_bands (f->store, &table, &error));
  table.lowest[1] = 15;
  g_assert_true (hel_store_save_sdq_bands (f->store, &table, &error));
  g_assert_no_error (error);
  again = hel_store_get_measurement (f->store, m->id, &error);
  g_assert_cmpstr (again->band, ==, "normal");

  table.lowest[1] = 40;
  table.lowest[2] = 20;
  g_assert_false (hel_store_save_sdq_bands (f->store, &table, &error));
  g_assert_error (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) out_of_range = who5 (f, "2024-05-10", 2, 6, 1, 1, 1);
  g_autoptr(HelMeasurement) before_start = who5 (f, "2024-01-01", 2, 2, 1, 1, 1);
  g_autoptr(HelMeasurement) future = who5 (f, "2099-01-01", 2, 2, 1, 1, 1);
  g_autoptr(HelMeasurement) sdq = hel_measurement_new (hel_member_get_id (f->child),
                                                       HEL_INSTRUMENT_SDQ, "2024-02-01");
  g_autoptr(HelMeasurement) wrong_person = hel_measurement_new (hel_member_get_id (f->child),
                                                                HEL_INSTRUMENT_WHO5, "2024-02-01");
  g_autoptr(HelMeasurement) first = who5 (f, "2024-01-20", 2, 2, 2, 2, 2);
  g_autoptr(HelMeasurement) twin = who5 (f, "2024-01-25", 3, 3, 3, 3, 3);
  g_autofree char *bad = NULL;

  g_assert_false (hel_store_save_measurement (f->store, out_of_range, NULL, &bad, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_assert_cmpstr (bad, ==, "answer:2");
  g_assert_cmpint (out_of_range->id, ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);

  g_assert_false (hel_store_save_measurement (f->store, before_start, NULL, &bad, &error));
  g_assert_cmpstr (bad, ==, "date");
  g_assert_nonnull (strstr (error->message, "before the family started"));
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);

  g_assert_false (hel_store_save_measurement (f->store, future, NULL, &bad, &error));
  g_assert_cmpstr (bad, ==, "date");
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);

  /* An SDQ scale above 10. */
  hel_measurement_set_answer (sdq, "peer", 11);
  g_assert_false (hel_store_save_measurement (f->store, sdq, NULL, &bad, &error));
  g_assert_cmpstr (bad, ==, "answer:peer");
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);

  g_assert_false (hel_store_save_measurement (f->store, wrong_person, NULL, &bad, &error));
  g_assert_cmpstr (bad, ==, "instrument");
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);

  /* One measurement per person, instrument and wave. */
  g_assert_true (hel_store_save_measurement (f->store, first, NULL, &bad, &error));
  g_assert_false (hel_store_save_measurement (f->store, twin, NULL, &bad, &error));
  g_assert_cmpstr (bad, ==, "wave");
  g_assert_nonnull (strstr (error->message, "Baseline"));
  g_assert_cmpint (twin->id, ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);
  g_assert_cmpuint (count_rows (f, "measurement"), ==, 1);

  /* A date before birth (the family started before the child was born). */
  {
    g_autoptr(HelMember) baby = hel_member_new ();
    g_autoptr(HelMeasurement) early = NULL;

    hel_member_set_family_id (baby, hel_family_get_id (f->family));
    hel_member_set_role (baby, HEL_ROLE_CHILD);
    hel_member_set_first_name (baby, "Lille");
    hel_member_set_birth_date (baby, "2024-03-01");
    g_assert_true (hel_store_save_member (f->store, baby, &error));
    early = hel_measurement_new (hel_member_get_id (baby), HEL_INSTRUMENT_SDQ, "2024-02-01");
    g_assert_false (hel_store_save_measurement (f->store, early, NULL, &bad, &error));
    g_assert_cmpstr (bad, ==, "date");
    g_assert_nonnull (strstr (error->message, "born"));
    g_clear_error (&error);
    g_clear_pointer (&bad, g_free);
  }

  /* A percentage above 100. */
  g_assert_false (hel_store_set_school_absence (f->store, hel_member_get_id (f->child), "2024-Q1",
                                                100.5, &bad, &error));
  g_assert_cmpstr (bad, ==, "percent");
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);
  g_assert_false (hel_store_set_school_absence (f->store, hel_member_get_id (f->child), "2024-Q9",
                                                10, &bad, &error));
  g_assert_cmpstr (bad, ==, "quarter");
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);
  g_assert_false (hel_store_set_school_absence (f->store, hel_member_get_id (f->child), "2015-Q4",
                                                10, &bad, &error));
  g_assert_cmpstr (bad, ==, "quarter");
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);
  g_assert_cmpuint (count_rows (f, "school_absence"), ==, 0);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeasurement) m = who5 (f, "2024-01-20", 2, 2, 2, 2, 2);
  g_autoptr(GPtrArray) edits = NULL;
  HelMeasurementEdit *edit;

  g_assert_true (hel_store_save_measurement (f->store, m, "Hanne", NULL, &error));
  edits = hel_store_list_measurement_edits (f->store, m->id, &error);
  g_assert_cmpuint (edits->len, ==, 0);
  g_clear_pointer (&edits, g_ptr_array_unref);

  hel_measurement_set_answer (m, "5", 4);
  m->rater = HEL_RATER_CASEWORKER;
  g_assert_true (hel_store_save_measurement (f->store, m, "Jonas", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (m->score, ==, 48);
  edits = hel_store_list_measurement_edits (f->store, m->id, &error);
  g_assert_cmpuint (edits->len, ==, 2);
  edit = g_ptr_array_index (edits, 0);
  g_assert_cmpstr (edit->edited_by, ==, "Jonas");
  g_assert_cmpstr (edit->field, ==, "answers");
  g_assert_cmpstr (edit->old_value, ==, "1=2;2=2;3=2;4=2;5=2");
  edit = g_ptr_array_index (edits, 1);
  g_assert_cmpstr (edit->field, ==, "rater");
  g_assert_cmpstr (edit->old_value, ==, "together");

  g_assert_true (hel_store_delete_measurement (f->store, m->id, &error));
  g_assert_false (hel_store_delete_measurement (f->store, m->id, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
}

static void
test_due (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(HelMeasurement) base = who5 (f, "2024-01-20", 2, 2, 2, 2, 2);
  HelDueMeasurement *d;

  /* A week after the start: the baseline of each instrument, due, not overdue. */
  due = hel_store_list_due_measurements (f->store, 0, 0, "2024-01-22", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 3);   /* WHO-5 and BIP for Maja, SDQ for Malthe */
  for (guint i = 0; i < due->len; i++)
    {
      d = g_ptr_array_index (due, i);
      g_assert_cmpint (d->wave, ==, 0);
      g_assert_false (d->overdue);
      g_assert_cmpstr (d->due_date, ==, "2024-01-15");
    }
  g_clear_pointer (&due, g_ptr_array_unref);

  g_assert_true (hel_store_save_measurement (f->store, base, NULL, NULL, &error));
  due = hel_store_list_due_measurements (f->store, 0, 0, "2024-03-01", &error);
  g_assert_cmpuint (due->len, ==, 2);
  for (guint i = 0; i < due->len; i++)
    g_assert_true (((HelDueMeasurement *) due->pdata[i])->overdue);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Two weeks before the 4-month wave it shows as due. */
  due = hel_store_list_due_measurements (f->store, hel_family_get_id (f->family), 0, "2024-05-05",
                                         &error);
  g_assert_cmpuint (due->len, ==, 3);
  d = g_ptr_array_index (due, 0);
  g_assert_cmpint (d->wave, ==, 4);
  g_assert_cmpstr (d->due_date, ==, "2024-05-15");
  g_assert_false (d->overdue);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Ended families are not measured. */
  hel_family_set_end_date (f->family, "2024-04-01");
  g_assert_true (hel_store_save_family (f->store, f->family, &error));
  due = hel_store_list_due_measurements (f->store, 0, 0, "2024-05-05", &error);
  g_assert_cmpuint (due->len, ==, 0);
}

static void
test_other_figures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelIntervention) placement = g_new0 (HelIntervention, 1);
  g_autoptr(GPtrArray) interventions = NULL;
  g_autoptr(GPtrArray) expenses = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *bad = NULL;
  gint64 fid = hel_family_get_id (f->family);

  g_assert_true (hel_store_set_school_absence (f->store, hel_member_get_id (f->child), "2024-Q1",
                                               5.0, NULL, &error));
  g_assert_true (hel_store_set_school_absence (f->store, hel_member_get_id (f->child), "2024-Q1",
                                               7.5, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (f, "school_absence"), ==, 1);
  g_assert_true (hel_store_set_school_absence (f->store, hel_member_get_id (f->child), "2024-Q1",
                                               NAN, NULL, &error));
  g_assert_cmpuint (count_rows (f, "school_absence"), ==, 0);

  g_assert_true (hel_store_set_concern_notifications (f->store, hel_member_get_id (f->child), 2024,
                                                      2, NULL, &error));
  g_assert_false (hel_store_set_concern_notifications (f->store, hel_member_get_id (f->child),
                                                       2010, 2, &bad, &error));
  g_assert_cmpstr (bad, ==, "year");
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);
  notes = hel_store_list_concern_notifications (f->store, fid, &error);
  g_assert_cmpuint (notes->len, ==, 1);

  placement->member_id = hel_member_get_id (f->mother);
  placement->kind = g_strdup ("  Virksomhedspraktik ");
  placement->start_date = g_strdup ("2024-03-01");
  placement->end_date = g_strdup ("2024-02-01");
  placement->company_placement = TRUE;
  placement->employment_oriented = TRUE;
  g_assert_false (hel_store_save_intervention (f->store, placement, &bad, &error));
  g_assert_cmpstr (bad, ==, "end");
  g_clear_error (&error);
  g_clear_pointer (&bad, g_free);
  g_free (placement->end_date);
  placement->end_date = NULL;
  g_assert_true (hel_store_save_intervention (f->store, placement, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (placement->kind, ==, "Virksomhedspraktik");
  interventions = hel_store_list_interventions (f->store, fid, &error);
  g_assert_cmpuint (interventions->len, ==, 1);

  g_assert_true (hel_store_set_expense (f->store, fid, "2024-Q1", HEL_DEPT_SCHOOL, 12000, NULL,
                                        &error));
  g_assert_false (hel_store_set_expense (f->store, fid, "2024-Q1", HEL_DEPT_SCHOOL, -5, &bad,
                                         &error));
  g_assert_cmpstr (bad, ==, "amount");
  g_clear_error (&error);
  expenses = hel_store_list_expenses (f->store, fid, &error);
  g_assert_cmpuint (expenses->len, ==, 1);
  g_assert_cmpint (((HelExpense *) expenses->pdata[0])->amount, ==, 12000);
}

static void
test_bip_indicators (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = hel_store_list_bip_indicators (f->store, &error);
  g_autoptr(HelBipIndicator) own = hel_bip_indicator_new ("Mødestabilitet", 0, 10);
  g_autoptr(HelBipIndicator) broken = hel_bip_indicator_new ("Omvendt", 5, 1);
  g_autoptr(HelInstrument) bip = NULL;
  g_autoptr(HelMeasurement) m = NULL;
  char key[24];

  g_assert_cmpuint (indicators->len, ==, 5);
  g_assert_cmpstr (hel_bip_indicator_get_label (indicators->pdata[0]), ==, "Coping with health");
  g_assert_true (hel_store_save_bip_indicator (f->store, own, &error));
  g_assert_no_error (error);
  g_assert_false (hel_store_save_bip_indicator (f->store, broken, &error));
  g_clear_error (&error);

  bip = hel_store_load_instrument (f->store, HEL_INSTRUMENT_BIP, &error);
  g_assert_cmpuint (bip->items->len, ==, 6);
  m = hel_measurement_new (hel_member_get_id (f->mother), HEL_INSTRUMENT_BIP, "2024-01-20");
  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, own->id);
  hel_measurement_set_answer (m, key, 8);
  hel_measurement_set_answer (m, ((HelInstrumentItem *) bip->items->pdata[0])->key, 2);
  g_assert_true (hel_store_save_measurement (f->store, m, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (m->score, ==, 5);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress/waves", test_waves);
  g_test_add_func ("/progress/quarters", test_quarters);
#define ADD(path, func) \
  g_test_add ("/progress/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("save-and-score", test_save_and_score);
  ADD ("sdq", test_sdq);
  ADD ("bad-input", test_bad_input);
  ADD ("history", test_history);
  ADD ("due", test_due);
  ADD ("other-figures", test_other_figures);
  ADD ("bip-indicators", test_bip_indicators);
#undef ADD

  return g_test_run ();
}
