/* hel-report-document.c: the status report told the way seed 004 tells it (wellbeing, children,
 * school absence, employment, notifications, economy), with the charts and the pooled tables, and
 * the tables again as CSV. Only counts, means and amounts go in: no names, no CPR numbers. */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "render/hel-render-chart.h"
#include "hel-report-document.h"
#include "hel-private-file.h"
#include "hel-store-progress.h"
#include "hel-validate.h"

#define MARGIN        (2.0 * 72.0 / 2.54)
#define FOOTER_HEIGHT 22.0
#define FONT_FAMILY   "Cantarell, Sans"
#define TEXT_RGB      0.12, 0.12, 0.12
#define GREY_RGB      0.37, 0.36, 0.39
#define RULE_RGB      0.75, 0.75, 0.74
#define STRIPE_RGB    0.95, 0.95, 0.94
#define ACCENT_RGB    0.10, 0.37, 0.71

typedef struct {
  char      *title;
  GPtrArray *header;   /* char* */
  GPtrArray *rows;     /* GPtrArray* of char* */
  gboolean   in_pdf;   /* FALSE: only in the CSV (the long versions) */
} ReportTable;

typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_SMALL,
  BLOCK_CHART,
  BLOCK_TABLE,
} BlockKind;

typedef struct {
  BlockKind    kind;
  char        *text;
  HelChart    *chart;
  ReportTable *table;    /* owned by doc->tables */
  double       height;
  guint        page;
  double       y;
} Block;

struct _HelReportDocument
{
  GObject    parent_instance;
  GPtrArray *blocks;     /* Block* */
  GPtrArray *tables;     /* ReportTable* */
  char      *selection;  /* the filter in words */
  double     page_width;
  double     page_height;
  guint      n_pages;
};

G_DEFINE_FINAL_TYPE (HelReportDocument, hel_report_document, G_TYPE_OBJECT)

static void
report_table_free (gpointer data)
{
  ReportTable *table = data;

  g_free (table->title);
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_clear_pointer (&block->chart, hel_chart_free);
  g_free (block);
}

static void
hel_report_document_finalize (GObject *object)
{
  HelReportDocument *self = HEL_REPORT_DOCUMENT (object);

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->selection, g_free);
  G_OBJECT_CLASS (hel_report_document_parent_class)->finalize (object);
}

static void
hel_report_document_class_init (HelReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hel_report_document_finalize;
}

static void
hel_report_document_init (HelReportDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->tables = g_ptr_array_new_with_free_func (report_table_free);
}

/* ---- Building ---- */

static Block *
add_block (HelReportDocument *self,
           BlockKind          kind,
           const char        *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);
  return block;
}

static ReportTable *
add_table (HelReportDocument *self,
           const char        *title,
           gboolean           in_pdf)
{
  ReportTable *table = g_new0 (ReportTable, 1);

  table->title = g_strdup (title);
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->in_pdf = in_pdf;
  g_ptr_array_add (self->tables, table);
  if (in_pdf)
    add_block (self, BLOCK_TABLE, NULL)->table = table;
  return table;
}

static void
table_header (ReportTable *table,
              const char  *first,
              ...)
{
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (table->header, g_strdup (cell));
  va_end (args);
}

/* Appends a row; the cells are taken (g_free'd later). */
static void
table_row_take (ReportTable *table,
                char        *first,
                ...)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, first);
  for (char *cell = first; cell != NULL; cell = va_arg (args, char *))
    g_ptr_array_add (row, cell);
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

static GPtrArray *
table_row_new (ReportTable *table)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (table->rows, row);
  return row;
}

static gboolean
add_chart (HelReportDocument         *self,
           HelStore                  *store,
           HelChartKind               kind,
           const HelStatisticsFilter *filter,
           GError                   **error)
{
  HelChart *chart = hel_chart_new (store, kind, 0, filter, error);

  if (chart == NULL)
    return FALSE;
  add_block (self, BLOCK_CHART, NULL)->chart = chart;
  return TRUE;
}

static char *
mean_or_dash (double mean,
              guint  n)
{
  if (n < HEL_STATISTICS_MIN_COUNT || isnan (mean))
    return g_strdup ("–");
  return hel_format_decimal (mean, 1);
}

static char *
describe_selection (HelStore                  *store,
                    const HelStatisticsFilter *filter)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *from = filter->from ? hel_date_format (filter->from) : NULL;
  g_autofree char *to = filter->to ? hel_date_format (filter->to) : NULL;

  if (filter->team_id > 0)
    {
      g_autoptr(GPtrArray) teams = hel_store_list_teams (store, NULL);
      for (guint i = 0; teams != NULL && i < teams->len; i++)
        if (hel_team_get_id (teams->pdata[i]) == filter->team_id)
          /* Translators: the report's selection: “Team: Familiegruppe Øst” */
          g_string_append_printf (text, _("Team: %s"), hel_team_get_name (teams->pdata[i]));
    }
  else
    g_string_append (text, _("All teams"));
  g_string_append (text, " · ");
  if (from && to)
    g_string_append_printf (text, _("From %s to %s"), from, to);
  else if (from)
    g_string_append_printf (text, _("From %s"), from);
  else if (to)
    g_string_append_printf (text, _("Until %s"), to);
  else
    g_string_append (text, _("The whole period"));
  g_string_append (text, " · ");
  g_string_append (text, filter->families == HEL_STATISTICS_ACTIVE_FAMILIES
                           ? _("Active families")
                           : filter->families == HEL_STATISTICS_ENDED_FAMILIES
                               ? _("Families that have ended")
                               : _("Active and ended families"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
build_wellbeing (HelReportDocument         *self,
                 HelStore                  *store,
                 const HelStatisticsFilter *filter,
                 GError                   **error)
{
  g_autoptr(GArray) waves = hel_statistics_who5_by_wave (store, filter, error);
  ReportTable *table;

  if (waves == NULL)
    return FALSE;
  add_block (self, BLOCK_HEADING, _("1. The parents’ wellbeing (WHO-5)"));
  if (waves->len > 0)
    {
      const HelWho5Wave *first = &g_array_index (waves, HelWho5Wave, 0);
      const HelWho5Wave *last = first;

      /* The latest wave with enough people to show a mean. */
      for (guint i = waves->len; i > 1 && last == first; i--)
        if (g_array_index (waves, HelWho5Wave, i - 1).n >= HEL_STATISTICS_MIN_COUNT)
          last = &g_array_index (waves, HelWho5Wave, i - 1);
      g_autofree char *a = mean_or_dash (first->mean, first->n);
      g_autofree char *b = mean_or_dash (last->mean, last->n);
      g_autofree char *label_a = hel_wave_label (first->wave);
      g_autofree char *label_b = hel_wave_label (last->wave);
      g_autofree char *wave_a = g_utf8_strdown (label_a, -1);
      g_autofree char *wave_b = g_utf8_strdown (label_b, -1);
      g_autofree char *text =
        g_strdup_printf (_("The parents’ mean WHO-5 score was %s at %s and %s at %s. The mean of "
                           "the whole population is %d. A score above 50 means no immediate risk "
                           "of depression or stress; at or below 28 depression is probable, and a "
                           "change of 10 points is clinically relevant."),
                         a, wave_a, b, wave_b,
                         HEL_WHO5_POPULATION_MEAN);
      add_block (self, BLOCK_TEXT, text);
    }
  if (!add_chart (self, store, HEL_CHART_PROJECT_WHO5, filter, error))
    return FALSE;
  table = add_table (self, _("WHO-5 per wave"), TRUE);
  table_header (table, _("Wave"), _("Measured"), _("Mean"), _("28 or less"), _("29-50"),
                _("Above 50"), NULL);
  for (guint i = 0; i < waves->len; i++)
    {
      const HelWho5Wave *w = &g_array_index (waves, HelWho5Wave, i);
      gboolean hide = hel_statistics_count_hidden (w->n);

      table_row_take (table, hel_wave_label (w->wave), hel_statistics_format_count (w->n),
                      mean_or_dash (w->mean, w->n),
                      hide ? g_strdup ("–") : hel_statistics_format_count (w->n_band[HEL_WHO5_BAND_DEPRESSION]),
                      hide ? g_strdup ("–") : hel_statistics_format_count (w->n_band[HEL_WHO5_BAND_POOR]),
                      hide ? g_strdup ("–") : hel_statistics_format_count (w->n_band[HEL_WHO5_BAND_GOOD]),
                      NULL);
    }
  return TRUE;
}

static gboolean
build_children (HelReportDocument         *self,
                HelStore                  *store,
                const HelStatisticsFilter *filter,
                GError                   **error)
{
  HelSdqShares shares;
  ReportTable *table;

  if (!hel_statistics_sdq_shares (store, filter, &shares, error))
    return FALSE;
  add_block (self, BLOCK_HEADING, _("2. The children’s wellbeing (SDQ)"));
  add_block (self, BLOCK_TEXT,
             _("The parents fill in the SDQ for their children. In the whole population about "
               "80 % of the children are in the normal band, 10 % borderline and 10 % "
               "abnormal. The chart compares each child’s baseline with their latest "
               "follow-up."));
  if (!add_chart (self, store, HEL_CHART_PROJECT_SDQ, filter, error))
    return FALSE;
  table = add_table (self, _("SDQ bands"), TRUE);
  table_header (table, _("Band"), _("Baseline"), _("Share"), _("Latest"), _("Share"),
                _("Population"), NULL);
  for (guint b = 0; b < shares.bands.n_bands; b++)
    {
      gboolean hide_a = hel_statistics_count_hidden (shares.n_baseline);
      gboolean hide_b = hel_statistics_count_hidden (shares.n_latest);

      table_row_take (table, g_strdup (hel_sdq_band_label (shares.bands.code[b])),
                      hide_a ? g_strdup ("–") : hel_statistics_format_count (shares.baseline[b]),
                      hide_a ? g_strdup ("–")
                             : hel_statistics_format_share (shares.baseline[b], shares.n_baseline),
                      hide_b ? g_strdup ("–") : hel_statistics_format_count (shares.latest[b]),
                      hide_b ? g_strdup ("–")
                             : hel_statistics_format_share (shares.latest[b], shares.n_latest),
                      g_strdup_printf ("%.0f %%", shares.bands.population_share[b]), NULL);
    }
  table_row_take (table, g_strdup (_("Total")), hel_statistics_format_count (shares.n_baseline),
                  g_strdup (shares.n_baseline ? "100 %" : "–"),
                  hel_statistics_format_count (shares.n_latest),
                  g_strdup (shares.n_latest ? "100 %" : "–"), g_strdup ("100 %"), NULL);
  return TRUE;
}

static gboolean
build_absence (HelReportDocument         *self,
               HelStore                  *store,
               const HelStatisticsFilter *filter,
               GError                   **error)
{
  g_autoptr(HelAbsenceTable) absence = hel_statistics_absence (store, filter, error);
  ReportTable *table;
  guint first;

  if (absence == NULL)
    return FALSE;
  add_block (self, BLOCK_HEADING, _("3. The children’s school absence"));
  if (absence->quarters->len >= 2 && !hel_statistics_count_hidden (absence->n_both))
    {
      g_autofree char *a = hel_format_decimal (absence->mean_both_first, 1);
      g_autofree char *b = hel_format_decimal (absence->mean_both_last, 1);
      g_autofree char *qa = hel_quarter_label (g_array_index (absence->quarters, HelAbsenceQuarter,
                                                              absence->compare_first).quarter);
      g_autofree char *qb = hel_quarter_label (g_array_index (absence->quarters, HelAbsenceQuarter,
                                                              absence->compare_last).quarter);
      g_autofree char *text =
        g_strdup_printf (_("%u children were measured both in %s and in %s. Their mean absence "
                           "went from %s %% to %s %%. A percentage on a bucket’s edge counts in "
                           "the bucket it closes: 5.0 %% is in 0-5 %%."),
                         absence->n_both, qa, qb, a, b);
      add_block (self, BLOCK_TEXT, text);
    }
  if (!add_chart (self, store, HEL_CHART_PROJECT_ABSENCE, filter, error))
    return FALSE;

  /* The seed's table: a count row and a share row per quarter (the last year in the PDF). */
  first = absence->quarters->len > 1 ? absence->compare_first : 0;
  for (guint variant = 0; variant < 2; variant++)
    {
      table = add_table (self, _("School absence per quarter"), variant == 0);
      g_ptr_array_add (table->header, g_strdup (_("Quarter")));
      for (guint b = 0; b < HEL_ABSENCE_N_BUCKETS; b++)
        g_ptr_array_add (table->header, g_strdup (hel_absence_bucket_label (b)));
      g_ptr_array_add (table->header, g_strdup (_("Total")));
      g_ptr_array_add (table->header, g_strdup (_("Mean")));
      for (guint q = variant == 0 ? first : 0; q < absence->quarters->len; q++)
        {
          const HelAbsenceQuarter *row = &g_array_index (absence->quarters, HelAbsenceQuarter, q);
          GPtrArray *counts = table_row_new (table);
          GPtrArray *shares = table_row_new (table);
          g_autofree char *label = hel_quarter_label (row->quarter);

          g_ptr_array_add (counts, g_strdup (label));
          g_ptr_array_add (shares, g_strdup (_("share")));
          for (guint b = 0; b < HEL_ABSENCE_N_BUCKETS; b++)
            {
              g_ptr_array_add (counts, hel_statistics_format_count (row->counts[b]));
              g_ptr_array_add (shares, hel_statistics_format_share (row->counts[b], row->n));
            }
          g_ptr_array_add (counts, hel_statistics_format_count (row->n));
          g_ptr_array_add (shares, g_strdup (row->n ? "100 %" : "–"));
          {
            g_autofree char *mean = mean_or_dash (row->mean, row->n);
            g_ptr_array_add (counts, g_strdup_printf ("%s %%", mean));
          }
          g_ptr_array_add (shares, g_strdup (""));
        }
    }
  return TRUE;
}

static gboolean
build_employment (HelReportDocument         *self,
                  HelStore                  *store,
                  const HelStatisticsFilter *filter,
                  GError                   **error)
{
  g_autoptr(GArray) rows = hel_statistics_adults_by_quarter (store, filter, error);
  ReportTable *table;

  if (rows == NULL)
    return FALSE;
  add_block (self, BLOCK_HEADING, _("4. Employment and income support"));
  add_block (self, BLOCK_TEXT,
             _("The adults’ income support at the end of each quarter comes from their history "
               "in Helhed. An employment-oriented offer includes mentors; a company placement is "
               "virksomhedspraktik or løntilskud."));
  if (!add_chart (self, store, HEL_CHART_PROJECT_INCOME, filter, error))
    return FALSE;

  /* The PDF compares the first and the last quarter, as the seed does; the CSV has them all. */
  for (guint variant = 0; variant < 2 && rows->len > 0; variant++)
    {
      g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
      GPtrArray *total;

      for (guint q = 0; q < rows->len; q++)
        if (variant == 1 || q == 0 || q == rows->len - 1)
          g_array_append_val (shown, q);
      table = add_table (self, _("Income support per quarter"), variant == 0);
      g_ptr_array_add (table->header, g_strdup (_("Income support")));
      for (guint i = 0; i < shown->len; i++)
        g_ptr_array_add (table->header,
                         hel_quarter_label (g_array_index (rows, HelAdultsQuarter,
                                                           g_array_index (shown, guint, i)).quarter));
      for (guint k = 0; k < HEL_N_INCOME_KINDS; k++)
        {
          GPtrArray *row = table_row_new (table);
          g_ptr_array_add (row, g_strdup (hel_income_kind_label (k)));
          for (guint i = 0; i < shown->len; i++)
            g_ptr_array_add (row, hel_statistics_format_count (
              g_array_index (rows, HelAdultsQuarter, g_array_index (shown, guint, i)).counts[k]));
        }
      total = table_row_new (table);
      g_ptr_array_add (total, g_strdup (_("On public support")));
      for (guint i = 0; i < shown->len; i++)
        {
          const HelAdultsQuarter *row = &g_array_index (rows, HelAdultsQuarter,
                                                        g_array_index (shown, guint, i));
          guint n = row->n_adults - row->counts[HEL_INCOME_SELF_SUPPORTING] -
                    row->counts[HEL_INCOME_OTHER];
          g_ptr_array_add (total, hel_statistics_format_count (n));
        }
    }

  if (!add_chart (self, store, HEL_CHART_PROJECT_EMPLOYMENT, filter, error))
    return FALSE;
  table = add_table (self, _("Adults in employment-oriented offers"), TRUE);
  table_header (table, _("Quarter"), _("Adults"), _("In an offer"), _("In a company placement"),
                _("Placed during the quarter"), NULL);
  for (guint q = 0; q < rows->len; q++)
    {
      const HelAdultsQuarter *row = &g_array_index (rows, HelAdultsQuarter, q);
      table_row_take (table, hel_quarter_label (row->quarter),
                      hel_statistics_format_count (row->n_adults),
                      hel_statistics_format_count (row->n_in_offer),
                      hel_statistics_format_count (row->n_in_placement),
                      hel_statistics_format_count (row->n_placement_during), NULL);
    }
  return TRUE;
}

static gboolean
build_notifications (HelReportDocument         *self,
                     HelStore                  *store,
                     const HelStatisticsFilter *filter,
                     GError                   **error)
{
  g_autoptr(GArray) years = hel_statistics_notifications_by_year (store, filter, error);
  ReportTable *table;

  if (years == NULL)
    return FALSE;
  add_block (self, BLOCK_HEADING, _("5. Notifications of concern"));
  add_block (self, BLOCK_TEXT,
             _("The number of notifications of concern per child per year. Many notifications "
               "in one family can move the mean a lot: read it with care."));
  if (!add_chart (self, store, HEL_CHART_PROJECT_NOTIFICATIONS, filter, error))
    return FALSE;
  table = add_table (self, _("Notifications per year"), TRUE);
  table_header (table, _("Year"), _("Notifications"), _("Children"), _("Per child"), NULL);
  for (guint i = 0; i < years->len; i++)
    {
      const HelNotificationYear *y = &g_array_index (years, HelNotificationYear, i);
      gboolean hide = y->n_children < HEL_STATISTICS_MIN_COUNT;

      table_row_take (table, g_strdup_printf ("%d", y->year),
                      hide ? g_strdup ("–") : hel_statistics_format_count (y->notifications),
                      hel_statistics_format_count (y->n_children),
                      mean_or_dash (y->per_child, y->n_children), NULL);
    }
  return TRUE;
}

static gboolean
build_economy (HelReportDocument         *self,
               HelStore                  *store,
               const HelStatisticsFilter *filter,
               GError                   **error)
{
  g_autoptr(HelEconomyTable) economy = hel_statistics_economy (store, filter, error);
  ReportTable *table;

  if (economy == NULL)
    return FALSE;
  add_block (self, BLOCK_HEADING, _("6. The economy"));
  add_block (self, BLOCK_TEXT,
             _("The extra expenses for the families per department and quarter, against the "
               "economic baseline: the first quarter with figures."));
  if (!add_chart (self, store, HEL_CHART_PROJECT_ECONOMY, filter, error))
    return FALSE;
  if (economy->n_families < HEL_STATISTICS_MIN_COUNT)
    return TRUE;
  /* Every quarter, for the spreadsheet. */
  table = add_table (self, _("Expenses per department and quarter"), FALSE);
  g_ptr_array_add (table->header, g_strdup (_("Department")));
  g_ptr_array_add (table->header, g_strdup (_("Baseline")));
  for (guint q = 0; q < economy->quarters->len; q++)
    g_ptr_array_add (table->header, hel_quarter_label (economy->quarters->pdata[q]));
  g_ptr_array_add (table->header, g_strdup (_("Difference")));
  for (int d = 0; d <= HEL_N_DEPARTMENTS; d++)
    {
      GPtrArray *row = table_row_new (table);
      guint last = economy->quarters->len - 1;

      g_ptr_array_add (row, g_strdup (d < HEL_N_DEPARTMENTS ? hel_department_label (d)
                                                            : _("Total")));
      g_ptr_array_add (row, g_strdup_printf ("%" G_GINT64_FORMAT,
                                             d < HEL_N_DEPARTMENTS
                                               ? hel_economy_table_get (economy,
                                                                        HEL_ECONOMY_BASELINE, d)
                                               : hel_economy_table_total (economy,
                                                                          HEL_ECONOMY_BASELINE)));
      for (guint q = 0; q < economy->quarters->len; q++)
        g_ptr_array_add (row, g_strdup_printf ("%" G_GINT64_FORMAT,
                                               d < HEL_N_DEPARTMENTS
                                                 ? hel_economy_table_get (economy, q, d)
                                                 : hel_economy_table_total (economy, q)));
      g_ptr_array_add (row, g_strdup_printf ("%" G_GINT64_FORMAT,
                                             d < HEL_N_DEPARTMENTS
                                               ? hel_economy_table_get (economy, last, d) -
                                                 hel_economy_table_get (economy,
                                                                        HEL_ECONOMY_BASELINE, d)
                                               : hel_economy_table_total (economy, last) -
                                                 hel_economy_table_total (economy,
                                                                          HEL_ECONOMY_BASELINE)));
    }
  return TRUE;
}

HelReportDocument *
hel_report_document_new (HelStore                  *store,
                         const HelStatisticsFilter *filter,
                         GError                   **error)
{
  g_autoptr(HelReportDocument) self = NULL;
  HelStatisticsFilter everything;
  HelStatisticsCounts counts;
  g_autofree char *today = hel_date_today ();
  g_autofree char *made = NULL;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  hel_statistics_filter_init (&everything);
  if (filter == NULL)
    filter = &everything;
  if (!hel_statistics_counts (store, filter, &counts, error))
    return NULL;

  self = g_object_new (HEL_TYPE_REPORT_DOCUMENT, NULL);
  self->selection = describe_selection (store, filter);
  add_block (self, BLOCK_TITLE, _("Status report: does the effort work?"));
  add_block (self, BLOCK_SMALL, self->selection);
  {
    g_autofree char *families = hel_statistics_format_count (counts.n_families);
    g_autofree char *active = hel_statistics_format_count (counts.n_active);
    g_autofree char *adults = hel_statistics_format_count (counts.n_adults);
    g_autofree char *children = hel_statistics_format_count (counts.n_children);
    g_autofree char *text =
      g_strdup_printf (_("The report covers %s families (%s of them still in the project) with "
                         "%s adults and %s children in their households. Each family is measured "
                         "at its start (the baseline) and every 4 months: WHO-5 for the adults, "
                         "SDQ for the children and the job-readiness indicators for the adults. "
                         "The measurements are a dialogue tool with the family and, pooled as "
                         "here, the project’s statistics."),
                       families, active, adults, children);
    add_block (self, BLOCK_TEXT, text);
  }
  made = hel_date_format (today);
  {
    g_autofree char *privacy =
      g_strdup_printf (_("Made %s with Helhed. Pooled figures only: no names and no CPR numbers. "
                         "Counts from 1 to 4 are shown as “<5” and means of fewer than 5 people "
                         "are left out, so no one can be recognised."), made);
    add_block (self, BLOCK_SMALL, privacy);
  }
  if (!build_wellbeing (self, store, filter, error) ||
      !build_children (self, store, filter, error) ||
      !build_absence (self, store, filter, error) ||
      !build_employment (self, store, filter, error) ||
      !build_notifications (self, store, filter, error) ||
      !build_economy (self, store, filter, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ---- Layout and drawing ---- */

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
table_font_size (const ReportTable *table)
{
  return table->header->len > 8 ? 7.0 : 8.5;
}

static double
table_row_height (const ReportTable *table)
{
  return table_font_size (table) * 1.9;
}

static double
block_height (HelReportDocument *self,
              cairo_t           *cr,
              Block             *block,
              double             width)
{
  g_autoptr(PangoLayout) layout = NULL;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      layout = text_layout (cr, block->text, 20, TRUE, width);
      return layout_height (layout) + 6;
    case BLOCK_HEADING:
      layout = text_layout (cr, block->text, 14, TRUE, width);
      return layout_height (layout) + 14;
    case BLOCK_TEXT:
      layout = text_layout (cr, block->text, 10, FALSE, width);
      return layout_height (layout) + 8;
    case BLOCK_SMALL:
      layout = text_layout (cr, block->text, 8.5, FALSE, width);
      return layout_height (layout) + 6;
    case BLOCK_CHART:
      return width * 0.56 + 10;
    case BLOCK_TABLE:
    default:
      return table_row_height (block->table) * (block->table->rows->len + 2) + 14;
    }
}

guint
hel_report_document_paginate (HelReportDocument *doc,
                              cairo_t           *cr,
                              double             page_width,
                              double             page_height)
{
  double width, top, bottom, y;
  guint page = 0;

  g_return_val_if_fail (HEL_IS_REPORT_DOCUMENT (doc), 1);

  doc->page_width = page_width;
  doc->page_height = page_height;
  width = page_width - 2 * MARGIN;
  top = MARGIN;
  bottom = page_height - MARGIN - FOOTER_HEIGHT;
  y = top;
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = doc->blocks->pdata[i];
      double needed;

      block->height = block_height (doc, cr, block, width);
      needed = block->height;
      /* A heading stays with what follows it, and a text with the chart it introduces. */
      for (guint j = i + 1; j < doc->blocks->len && j <= i + 2; j++)
        {
          Block *prev = doc->blocks->pdata[j - 1];
          Block *next = doc->blocks->pdata[j];

          if (!(prev->kind == BLOCK_HEADING ||
                (prev->kind == BLOCK_TEXT && next->kind == BLOCK_CHART && j - 1 > i) ||
                (prev->kind == BLOCK_TEXT && next->kind == BLOCK_CHART && block->kind == BLOCK_TEXT)))
            break;
          needed += block_height (doc, cr, next, width);
        }
      if (y + needed > bottom && y > top)
        {
          page++;
          y = top;
        }
      block->page = page;
      block->y = y;
      y += block->height;
    }
  doc->n_pages = page + 1;
  return doc->n_pages;
}

static void
draw_table (cairo_t           *cr,
            const ReportTable *table,
            double             x,
            double             y,
            double             width)
{
  guint n = table->header->len;
  double size = table_font_size (table), row_h = table_row_height (table);
  double first_w = n > 6 ? width * 0.16 : width * 0.3;
  double col_w = n > 1 ? (width - first_w) / (n - 1) : width;

  /* The header gets two lines, so long column names wrap instead of being cut. */
  for (guint r = 0; r <= table->rows->len; r++)
    {
      GPtrArray *cells = r == 0 ? table->header : table->rows->pdata[r - 1];
      double ry = y + (r == 0 ? 0 : (r + 1) * row_h);
      double cell_h = r == 0 ? 2 * row_h : row_h;

      if (r > 0 && r % 2 == 0)
        {
          cairo_set_source_rgb (cr, STRIPE_RGB);
          cairo_rectangle (cr, x, ry, width, cell_h);
          cairo_fill (cr);
        }
      for (guint c = 0; c < n && c < cells->len; c++)
        {
          g_autoptr(PangoLayout) layout = text_layout (cr, cells->pdata[c], size, r == 0,
                                                       c == 0 ? first_w - 4 : col_w - 4);
          double cx = c == 0 ? x : x + first_w + col_w * (c - 1);
          int lw, lh;

          pango_layout_set_alignment (layout, c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
          if (r > 0)
            pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          cairo_set_source_rgb (cr, TEXT_RGB);
          /* Header cells sit on the rule, body cells in the middle of their row. */
          cairo_move_to (cr, cx, r == 0 ? ry + cell_h - MIN (lh, cell_h) - 2
                                        : ry + (cell_h - MIN (lh, cell_h)) / 2);
          pango_cairo_show_layout (cr, layout);
        }
      if (r == 0)
        {
          cairo_set_source_rgb (cr, RULE_RGB);
          cairo_set_line_width (cr, 0.8);
          cairo_move_to (cr, x, ry + cell_h);
          cairo_line_to (cr, x + width, ry + cell_h);
          cairo_stroke (cr);
        }
    }
}

void
hel_report_document_draw_page (HelReportDocument *doc,
                               cairo_t           *cr,
                               guint              page_nr)
{
  double width;

  g_return_if_fail (HEL_IS_REPORT_DOCUMENT (doc));
  g_return_if_fail (doc->n_pages > 0);

  width = doc->page_width - 2 * MARGIN;
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = doc->blocks->pdata[i];
      g_autoptr(PangoLayout) layout = NULL;

      if (block->page != page_nr)
        continue;
      cairo_save (cr);
      switch (block->kind)
        {
        case BLOCK_TITLE:
        case BLOCK_HEADING:
          layout = text_layout (cr, block->text, block->kind == BLOCK_TITLE ? 20 : 14, TRUE, width);
          cairo_set_source_rgb (cr, ACCENT_RGB);
          cairo_move_to (cr, MARGIN, block->y + (block->kind == BLOCK_HEADING ? 8 : 0));
          pango_cairo_show_layout (cr, layout);
          break;
        case BLOCK_TEXT:
        case BLOCK_SMALL:
          layout = text_layout (cr, block->text, block->kind == BLOCK_TEXT ? 10 : 8.5, FALSE,
                                width);
          if (block->kind == BLOCK_SMALL)
            cairo_set_source_rgb (cr, GREY_RGB);
          else
            cairo_set_source_rgb (cr, TEXT_RGB);
          cairo_move_to (cr, MARGIN, block->y);
          pango_cairo_show_layout (cr, layout);
          break;
        case BLOCK_CHART:
          {
            HelChartStyle style;

            /* A chart on paper is read closer than on a screen, but a 17 cm chart would get
             * screen-sized letters of 6 points: larger text. */
            hel_chart_style_init (&style, HEL_CHART_THEME_LIGHT);
            style.text_scale = 1.45;
            style.font_family = "Cantarell";
            cairo_translate (cr, MARGIN, block->y);
            hel_render_chart (cr, block->chart, &style, width, block->height - 10);
          }
          break;
        case BLOCK_TABLE:
        default:
          draw_table (cr, block->table, MARGIN, block->y + 4, width);
          break;
        }
      cairo_restore (cr);
    }

  /* Footer: what this is and which page. */
  {
    /* Translators: the report's footer: “Helhed · Status report · page 2 of 5” */
    g_autofree char *text = g_strdup_printf (_("Helhed · Status report · page %u of %u"),
                                             page_nr + 1, doc->n_pages);
    g_autoptr(PangoLayout) layout = text_layout (cr, text, 8, FALSE, width);

    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb (cr, GREY_RGB);
    cairo_move_to (cr, MARGIN, doc->page_height - MARGIN - 10);
    pango_cairo_show_layout (cr, layout);
  }
}

/* ---- Files ---- */

static guint
paginate_cb (gpointer  doc,
             cairo_t  *cr,
             double    width,
             double    height)
{
  return hel_report_document_paginate (doc, cr, width, height);
}

static void
draw_page_cb (gpointer  doc,
              cairo_t  *cr,
              guint     page)
{
  hel_report_document_draw_page (doc, cr, page);
}

gboolean
hel_report_document_write_pdf (HelReportDocument *doc,
                               const char        *path,
                               GError           **error)
{
  g_return_val_if_fail (HEL_IS_REPORT_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return hel_private_file_write_pages (path, _("Status report: does the effort work?"),
                                       HEL_REPORT_A4_WIDTH, HEL_REPORT_A4_HEIGHT, paginate_cb,
                                       draw_page_cb, doc, error);
}

static void
append_csv_field (GString    *csv,
                  const char *field)
{
  /* Quote when the field holds the separator, a quote or a line break. */
  if (strpbrk (field, ";\"\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = field; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else
    g_string_append (csv, field);
}

static void
append_csv_row (GString   *csv,
                GPtrArray *cells)
{
  for (guint c = 0; c < cells->len; c++)
    {
      if (c > 0)
        g_string_append_c (csv, ';');
      append_csv_field (csv, cells->pdata[c]);
    }
  g_string_append (csv, "\r\n");
}

char *
hel_report_document_to_csv (HelReportDocument *doc)
{
  GString *csv = g_string_new ("\xef\xbb\xbf");

  g_return_val_if_fail (HEL_IS_REPORT_DOCUMENT (doc), NULL);

  append_csv_field (csv, _("Status report: does the effort work?"));
  g_string_append (csv, "\r\n");
  append_csv_field (csv, doc->selection);
  g_string_append (csv, "\r\n");
  for (guint t = 0; t < doc->tables->len; t++)
    {
      const ReportTable *table = doc->tables->pdata[t];

      /* The short PDF version of a table that also comes in full is left out of the CSV. */
      if (table->in_pdf && t + 1 < doc->tables->len &&
          g_strcmp0 (table->title, ((ReportTable *) doc->tables->pdata[t + 1])->title) == 0)
        continue;
      g_string_append (csv, "\r\n");
      append_csv_field (csv, table->title);
      g_string_append (csv, "\r\n");
      append_csv_row (csv, table->header);
      for (guint r = 0; r < table->rows->len; r++)
        append_csv_row (csv, table->rows->pdata[r]);
    }
  return g_string_free (csv, FALSE);
}

gboolean
hel_report_document_write_csv (HelReportDocument *doc,
                               const char        *path,
                               GError           **error)
{
  g_autofree char *csv = NULL;
  HelPrivateFile *file;

  g_return_val_if_fail (HEL_IS_REPORT_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = hel_report_document_to_csv (doc);
  if ((file = hel_private_file_open (path, error)) == NULL)
    return FALSE;
  return hel_private_file_finish (file, hel_private_file_write (file, (const unsigned char *) csv,
                                                                 (unsigned int) strlen (csv)),
                                  error);
}
