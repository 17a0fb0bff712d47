/* hel-bench-progress.c: helhed-tool bench's progress figures: the project WHO-5 chart over 10,000
 * measurements and the status report PDF, each through the same core functions the app uses. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "hel-bench-progress.h"
#include "hel-measurement-demo.h"
#include "hel-render-chart.h"
#include "hel-report-document.h"
#include "hel-store-progress.h"
#include "hel-validate.h"

static const char * const first_names[] = {
  "Anne", "Mette", "Søren", "Jens", "Åse", "Mikkel", "Freja", "Noah", "Ida", "Oliver", "Emma",
  "Lærke", "Bo", "Karen", "Jørgen",
};
static const char * const last_names[] = {
  "Østergaard", "Hansen", "Nørgaard", "Jensen", "Løkke", "Berg", "Holm", "Ågård", "Madsen",
};

static char *
days_before (const char *iso,
             int         days)
{
  GDate date;

  hel_date_to_gdate (iso, &date);
  g_date_subtract_days (&date, days);
  return hel_date_from_gdate (&date);
}

/* @n families like the project's: one or two adults, one to three children, started up to four
 * years ago; the demo's own step then adds the waves of WHO-5/SDQ/BIP, absence, notifications,
 * interventions and expenses. In one transaction, as the demo does. */
static gboolean
add_families (HelStore *store,
              GRand    *rand,
              guint     first,
              guint     n,
              GError  **error)
{
  g_autofree char *today = hel_date_today ();

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(HelFamily) family = hel_family_new ();
      g_autofree char *name = g_strdup_printf ("Familien %s %u",
                                               last_names[i % G_N_ELEMENTS (last_names)], i + 1);
      g_autofree char *start = days_before (today, g_rand_int_range (rand, 130, 1460));
      guint adults = g_rand_int_range (rand, 1, 3);
      guint children = g_rand_int_range (rand, 1, 4);

      hel_family_set_name (family, name);
      hel_family_set_start_date (family, start);
      if (!hel_store_save_family (store, family, error))
        return FALSE;
      for (guint m = 0; m < adults + children; m++)
        {
          g_autoptr(HelMember) member = hel_member_new ();
          gboolean adult = m < adults;
          int years = adult ? g_rand_int_range (rand, 22, 50) : g_rand_int_range (rand, 3, 16);
          g_autofree char *born = days_before (today, years * 365);

          hel_member_set_family_id (member, hel_family_get_id (family));
          hel_member_set_role (member, adult ? (m == 0 ? HEL_ROLE_MOTHER : HEL_ROLE_FATHER)
                                             : HEL_ROLE_CHILD);
          hel_member_set_first_name (member, first_names[g_rand_int_range (rand, 0,
                                                           G_N_ELEMENTS (first_names))]);
          hel_member_set_last_name (member, last_names[i % G_N_ELEMENTS (last_names)]);
          hel_member_set_birth_date (member, born);
          if (adult)
            {
              hel_member_set_income_kind (member, g_rand_boolean (rand)
                                                  ? HEL_INCOME_CASH_BENEFIT
                                                  : HEL_INCOME_RESOURCE_COURSE);
              hel_member_set_income_start (member, start);
            }
          if (!hel_store_save_member (store, member, error))
            return FALSE;
        }
    }
  return TRUE;
}

static guint
count_who5 (HelStore *store)
{
  g_autoptr(GPtrArray) families = hel_store_list_families (store, NULL);
  guint n = 0;

  /* Through the store, as anyone else would count them. */
  for (guint f = 0; families != NULL && f < families->len; f++)
    {
      g_autoptr(GPtrArray) list = hel_store_list_family_measurements (
        store, hel_family_get_id (families->pdata[f]), NULL);

      for (guint i = 0; list != NULL && i < list->len; i++)
        n += ((HelMeasurement *) list->pdata[i])->instrument == HEL_INSTRUMENT_WHO5;
    }
  return n;
}

static gboolean
make_db (const char *path,
         guint       n_families,
         GError    **error)
{
  g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_CREATE, error);
  GRand *rand;
  gboolean ok;

  if (store == NULL)
    return FALSE;
  rand = g_rand_new_with_seed (n_families);
  ok = hel_store_begin (store, error);
  ok = ok && add_families (store, rand, 0, n_families, error) &&
       _hel_demo_add_measurements (store, rand, error);
  if (ok)
    ok = hel_store_commit (store, error);
  else
    hel_store_rollback (store);
  g_rand_free (rand);
  return ok;
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* A database in the run's folder with @n_families families, or (@min_who5 > 0) with enough
 * families for at least @min_who5 WHO-5 measurements. Made once per run. */
static char *
progress_db (HelBench *bench,
             guint     n_families,
             guint     min_who5,
             guint    *n_who5,
             GError  **error)
{
  g_autofree char *name = min_who5 > 0 ? g_strdup_printf ("progress-who5-%u.db", min_who5)
                                       : g_strdup_printf ("progress-%u.db", n_families);
  g_autofree char *path = g_build_filename (hel_bench_dir (bench), name, NULL);
  guint found = 0;

  if (min_who5 > 0)
    n_families = MAX (100, min_who5 / 10);
  while (!g_file_test (path, G_FILE_TEST_EXISTS) || (min_who5 > 0 && found < min_who5))
    {
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Too few: scale the families by what was missing, with a margin. */
          remove_db (path);
          n_families = (guint) ceil (n_families * 1.05 * min_who5 / MAX (found, 1u));
        }
      if (!make_db (path, n_families, error))
        return NULL;
      if (min_who5 == 0)
        break;
      {
        g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, error);
        if (store == NULL)
          return NULL;
        found = count_who5 (store);
      }
    }
  if (n_who5 != NULL && found == 0)
    {
      g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, error);
      if (store == NULL)
        return NULL;
      found = count_who5 (store);
    }
  if (n_who5 != NULL)
    *n_who5 = found;
  return g_steal_pointer (&path);
}

gboolean
hel_bench_measure_progress_chart (HelBench             *bench,
                                  const HelBenchFigure *figure,
                                  GArray               *samples,
                                  GError              **error)
{
  g_autofree char *path = NULL;
  g_autoptr(HelStore) store = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_who5 = 0;

  path = progress_db (bench, 0, figure->size, &n_who5, error);
  if (path == NULL)
    return FALSE;
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  g_assert (n_who5 >= figure->size);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 600);
  cr = cairo_create (surface);
  for (guint i = 0, n = hel_bench_repeats (bench, 20); i < n; i++)
    {
      double start = hel_bench_now_ms ();
      g_autoptr(HelChart) chart = hel_chart_new (store, HEL_CHART_PROJECT_WHO5, 0, NULL, error);
      double ms;

      if (chart == NULL)
        break;
      hel_render_chart (cr, chart, NULL, 960, 600);
      cairo_surface_flush (surface);
      ms = hel_bench_now_ms () - start;
      g_array_append_val (samples, ms);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return error == NULL || *error == NULL;
}

gboolean
hel_bench_measure_progress_report (HelBench             *bench,
                                   const HelBenchFigure *figure,
                                   GArray               *samples,
                                   GError              **error)
{
  g_autofree char *path = progress_db (bench, figure->size, 0, NULL, error);
  g_autofree char *pdf = NULL;
  g_autoptr(HelStore) store = NULL;

  if (path == NULL)
    return FALSE;
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  pdf = g_strdup_printf ("%s/report-%u.pdf", hel_bench_dir (bench), figure->size);
  for (guint i = 0, n = hel_bench_repeats (bench, figure->size > 100 ? 5 : 10); i < n; i++)
    {
      double start = hel_bench_now_ms ();
      g_autoptr(HelReportDocument) report = hel_report_document_new (store, NULL, error);
      double ms;

      if (report == NULL || !hel_report_document_write_pdf (report, pdf, error))
        return FALSE;
      ms = hel_bench_now_ms () - start;
      g_array_append_val (samples, ms);
    }
  g_unlink (pdf);
  return TRUE;
}
