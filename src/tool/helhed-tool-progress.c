/* helhed-tool-progress.c: `helhed-tool export chart` (one chart as PNG, SVG or PDF) and
 * `helhed-tool report` (the status report as PDF, its tables as CSV). Exit status as the rest of
 * the tool: 0 done, 1 failed, 2 usage error; messages carry no personal data. */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>

#include "helhed-tool-progress.h"
#include "hel-report-document.h"
#include "hel-statistics.h"
#include "hel-store.h"
#include "hel-validate.h"
#include "render/hel-render-chart.h"

enum {
  EXIT_OK     = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE  = 2,
};

static char *opt_db = NULL;
static char *opt_output = NULL;
static char *opt_csv = NULL;
static char *opt_person = NULL;
static char *opt_family = NULL;
static char *opt_team = NULL;
static char *opt_from = NULL;
static char *opt_to = NULL;
static char *opt_families = NULL;
static char *opt_size = NULL;
static gboolean opt_dark = FALSE;

static GOptionEntry db_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_("The database file (default: the app’s own database)"), N_("FILE") },
  { NULL }
};

static GOptionEntry filter_entries[] = {
  { "team", 0, 0, G_OPTION_ARG_STRING, &opt_team,
    N_("Only this team (its id or its name)"), N_("TEAM") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("From this date"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("Until this date"), N_("DATE") },
  { "families", 0, 0, G_OPTION_ARG_STRING, &opt_families,
    N_("Which families: all, active or ended (default all)"), N_("WHICH") },
  { NULL }
};

static GOptionEntry chart_entries[] = {
  { "person", 0, 0, G_OPTION_ARG_STRING, &opt_person,
    N_("The member a person chart is about"), N_("ID") },
  { "family", 0, 0, G_OPTION_ARG_STRING, &opt_family,
    N_("The family the family overview is about"), N_("ID") },
  { "size", 0, 0, G_OPTION_ARG_STRING, &opt_size,
    N_("Width and height, e.g. 1600x1000 (pixels for PNG, points for SVG and PDF)"),
    N_("WxH") },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &opt_dark, N_("Dark colours, for slides"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("Write the chart to FILE.png, FILE.svg or FILE.pdf"), N_("FILE") },
  { NULL }
};

static GOptionEntry report_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write the PDF to FILE"),
    N_("FILE") },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &opt_csv,
    N_("Also write the pooled tables as CSV to FILE"), N_("FILE") },
  { NULL }
};

static int
usage_error (const char *title,
             const char *message)
{
  g_printerr ("%s: %s\n", title, message);
  /* Translators: %s is the command, e.g. “helhed-tool export json” */
  g_printerr (_("Try “%s --help”.\n"), title);
  return EXIT_USAGE;
}

static int
failure (const char   *title,
         const GError *error)
{
  g_printerr ("%s: %s\n", title, error->message);
  return EXIT_FAILED;
}

static gboolean
parse (const char    *title,
       const char    *summary,
       const char    *parameters,
       GOptionEntry  *entries,
       int           *argc,
       char        ***argv,
       int           *code)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;

  g_set_prgname (title);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, filter_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *code = usage_error (title, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Reads --team, --from, --to and --families; on a usage error prints it and returns FALSE. */
static gboolean
read_filter (const char          *title,
             HelStore            *store,
             HelStatisticsFilter *filter,
             int                 *code)
{
  g_autoptr(GError) error = NULL;

  if (opt_team != NULL)
    {
      g_autoptr(GPtrArray) teams = hel_store_list_teams (store, &error);
      guint64 id = 0;

      if (teams == NULL)
        {
          *code = failure (title, error);
          return FALSE;
        }
      g_ascii_string_to_unsigned (opt_team, 10, 1, G_MAXINT64, &id, NULL);
      for (guint i = 0; i < teams->len; i++)
        if (hel_team_get_id (teams->pdata[i]) == (gint64) id ||
            g_strcmp0 (hel_team_get_name (teams->pdata[i]), opt_team) == 0)
          filter->team_id = hel_team_get_id (teams->pdata[i]);
      if (filter->team_id == 0)
        {
          *code = usage_error (title, _("There is no such team. Give its id or its name."));
          return FALSE;
        }
    }
  if (opt_from != NULL && !hel_date_parse (opt_from, &filter->from, &error))
    {
      g_autofree char *message = g_strdup_printf ("--from: %s", error->message);
      *code = usage_error (title, message);
      return FALSE;
    }
  if (opt_to != NULL && !hel_date_parse (opt_to, &filter->to, &error))
    {
      g_autofree char *message = g_strdup_printf ("--to: %s", error->message);
      *code = usage_error (title, message);
      return FALSE;
    }
  if (filter->from && filter->to && hel_date_compare (filter->from, filter->to) > 0)
    {
      *code = usage_error (title, _("The period ends before it begins."));
      return FALSE;
    }
  if (opt_families == NULL || g_str_equal (opt_families, "all"))
    filter->families = HEL_STATISTICS_ALL_FAMILIES;
  else if (g_str_equal (opt_families, "active"))
    filter->families = HEL_STATISTICS_ACTIVE_FAMILIES;
  else if (g_str_equal (opt_families, "ended"))
    filter->families = HEL_STATISTICS_ENDED_FAMILIES;
  else
    {
      *code = usage_error (title, _("--families is all, active or ended."));
      return FALSE;
    }
  return TRUE;
}

static HelStore *
open_store (const char *title,
            const char *output,
            int        *code)
{
  g_autofree char *path = opt_db ? g_strdup (opt_db) : hel_store_default_path ();
  g_autoptr(GError) error = NULL;
  HelStore *store;

  if (output != NULL && same_file (path, output))
    {
      *code = usage_error (title, _("The export would overwrite the database itself. Choose "
                                    "another file name."));
      return NULL;
    }
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    *code = failure (title, error);
  return store;
}

int
hel_tool_export_chart (const char *title,
                       const char *summary,
                       int         argc,
                       char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(HelChart) chart = NULL;
  g_autoptr(GString) kinds = g_string_new (NULL);
  HelStatisticsFilter filter;
  HelChartStyle style;
  HelChartKind kind;
  guint64 id = 0;
  double width = 1600, height = 1000;
  int code = EXIT_OK;

  for (guint k = 0; k < HEL_N_CHART_KINDS; k++)
    g_string_append_printf (kinds, "%s%s", k ? ", " : "", hel_chart_kind_to_code (k));
  if (!parse (title, summary, _("KIND"), chart_entries, &argc, &argv, &code))
    return code;
  if (argc < 2)
    {
      g_autofree char *message = g_strdup_printf (_("Say which chart: %s."), kinds->str);
      return usage_error (title, message);
    }
  if (argc > 2)
    return usage_error (title, _("Too many arguments."));
  if (!hel_chart_kind_from_code (argv[1], &kind))
    {
      g_autofree char *message = g_strdup_printf (_("There is no chart “%s”. The charts are: %s."),
                                                  argv[1], kinds->str);
      return usage_error (title, message);
    }
  if (hel_chart_kind_is_person (kind) &&
      (opt_person == NULL || !g_ascii_string_to_unsigned (opt_person, 10, 1, G_MAXINT64, &id, NULL)))
    return usage_error (title, _("A person chart needs --person ID (a member’s id)."));
  if (hel_chart_kind_is_family (kind) &&
      (opt_family == NULL || !g_ascii_string_to_unsigned (opt_family, 10, 1, G_MAXINT64, &id, NULL)))
    return usage_error (title, _("The family overview needs --family ID (see “helhed-tool list”)."));
  if (opt_size != NULL && sscanf (opt_size, "%lfx%lf", &width, &height) != 2)
    return usage_error (title, _("Give the size as WIDTHxHEIGHT, e.g. 1600x1000."));
  if (opt_output == NULL)
    return usage_error (title, _("Say where the chart goes with -o FILE.png, FILE.svg or "
                                 "FILE.pdf."));
  {
    g_autofree char *lower = g_ascii_strdown (opt_output, -1);
    if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") &&
        !g_str_has_suffix (lower, ".pdf"))
      return usage_error (title, _("The file name must end in .png, .svg or .pdf."));
    /* Points for SVG and PDF: A4 landscape-ish unless a size was given. */
    if (opt_size == NULL && !g_str_has_suffix (lower, ".png"))
      {
        width = 842;
        height = 526;
      }
  }

  store = open_store (title, opt_output, &code);
  if (store == NULL)
    return code;
  hel_statistics_filter_init (&filter);
  if (!read_filter (title, store, &filter, &code))
    {
      hel_statistics_filter_clear (&filter);
      return code;
    }
  chart = hel_chart_new (store, kind, (gint64) id, &filter, &error);
  hel_statistics_filter_clear (&filter);
  if (chart == NULL)
    return failure (title, error);
  hel_chart_style_init (&style, opt_dark ? HEL_CHART_THEME_DARK : HEL_CHART_THEME_LIGHT);
  if (!hel_chart_export (chart, &style, width, height, opt_output, &error))
    return failure (title, error);
  return EXIT_OK;
}

int
hel_tool_report (const char *title,
                 const char *summary,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(HelReportDocument) report = NULL;
  HelStatisticsFilter filter;
  int code = EXIT_OK;

  if (!parse (title, summary, NULL, report_entries, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return usage_error (title, _("Too many arguments."));
  if (opt_output == NULL && opt_csv == NULL)
    return usage_error (title, _("Say where the report goes with -o FILE.pdf (and the tables "
                                 "with --csv FILE.csv)."));
  if (opt_output != NULL && opt_csv != NULL && g_str_equal (opt_output, opt_csv))
    return usage_error (title, _("The PDF and the CSV need two different file names."));

  store = open_store (title, opt_output ? opt_output : opt_csv, &code);
  if (store == NULL)
    return code;
  if (opt_output != NULL && opt_csv != NULL)
    {
      g_autofree char *path = opt_db ? g_strdup (opt_db) : hel_store_default_path ();
      if (same_file (path, opt_csv))
        return usage_error (title, _("The export would overwrite the database itself. Choose "
                                     "another file name."));
    }
  hel_statistics_filter_init (&filter);
  if (!read_filter (title, store, &filter, &code))
    {
      hel_statistics_filter_clear (&filter);
      return code;
    }
  report = hel_report_document_new (store, &filter, &error);
  hel_statistics_filter_clear (&filter);
  if (report == NULL)
    return failure (title, error);
  if (opt_output != NULL && !hel_report_document_write_pdf (report, opt_output, &error))
    return failure (title, error);
  if (opt_csv != NULL && !hel_report_document_write_csv (report, opt_csv, &error))
    return failure (title, error);
  return EXIT_OK;
}
