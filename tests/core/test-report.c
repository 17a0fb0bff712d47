/* test-report.c: the status report from the demo database: the PDF's text (pdftotext) has the
 * headings (in Danish when the build has the catalogue), "<5", no names and no CPR numbers; the
 * CSV; the team filter; an unwritable file. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "hel-demo.h"
#include "hel-report-document.h"

static gboolean danish = FALSE;

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

  f->dir = g_dir_make_tmp ("helhed-report-XXXXXX", &error);
  path = g_build_filename (f->dir, "report.db", NULL);
  f->store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (hel_demo_generate (f->store, HEL_DEMO_DEFAULT_SEED, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_finalize_object (f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("pdftotext -layout %s -", quoted);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

/* Nobody's name or CPR number is in @text. */
static void
assert_nothing_personal (HelStore   *store,
                         const char *text)
{
  g_autoptr(GPtrArray) families = hel_store_list_families (store, NULL);
  guint n_cpr = 0;

  for (guint i = 0; i < families->len; i++)
    {
      HelFamily *family = families->pdata[i];
      g_autoptr(GPtrArray) members = hel_store_list_members (store, hel_family_get_id (family),
                                                             NULL);

      g_assert_null (strstr (text, hel_family_get_name (family)));
      for (guint m = 0; m < members->len; m++)
        {
          HelMember *member = members->pdata[m];
          const char *cpr = hel_member_get_cpr (member);
          g_autofree char *full = g_strdup_printf ("%s %s", hel_member_get_first_name (member),
                                                   hel_member_get_last_name (member));

          g_assert_null (strstr (text, full));
          if (hel_member_get_last_name (member) != NULL)
            g_assert_null (strstr (text, hel_member_get_last_name (member)));
          if (cpr != NULL && strlen (cpr) >= 10)
            {
              g_autofree char *dashed = g_strdup_printf ("%.6s-%s", cpr,
                                                         cpr + (cpr[6] == '-' ? 7 : 6));
              g_assert_null (strstr (text, cpr));
              g_assert_null (strstr (text, dashed));
              n_cpr++;
            }
        }
    }
  g_test_message ("checked %u CPR numbers", n_cpr);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelReportDocument) report = hel_report_document_new (f->store, NULL, &error);
  g_autofree char *path = g_build_filename (f->dir, "status.pdf", NULL);
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (hel_report_document_write_pdf (report, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    if (pdftotext == NULL)
      {
        g_test_skip ("pdftotext is not installed");
        return;
      }
  }
  text = pdf_text (path);
  if (danish)
    {
      const char *headings[] = {
        "Statusrapport", "Forældrenes trivsel (WHO-5)", "Børnenes trivsel (SDQ)",
        "Børnenes skolefravær", "Beskæftigelse og forsørgelse", "Underretninger", "Økonomien",
        "Baseline", "Befolkningen", "side 1 af",
      };
      for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
        if (strstr (text, headings[i]) == NULL)
          g_error ("“%s” is not in the report", headings[i]);
      /* Danish numbers: a decimal comma in the WHO-5 means. */
      g_assert_true (g_regex_match_simple ("[0-9]+,[0-9] *\\n? *n = ", text, G_REGEX_MULTILINE, 0) ||
                     g_regex_match_simple ("[0-9]+,[0-9]", text, 0, 0));
    }
  else
    {
      g_assert_nonnull (strstr (text, "Status report"));
      g_assert_nonnull (strstr (text, "The parents’ wellbeing (WHO-5)"));
      g_assert_nonnull (strstr (text, "The economy"));
    }
  g_assert_nonnull (strstr (text, "<5"));
  g_assert_nonnull (strstr (text, "WHO-5"));
  assert_nothing_personal (f->store, text);
}

static void
test_csv_and_filter (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelReportDocument) all = hel_report_document_new (f->store, NULL, &error);
  g_autoptr(HelReportDocument) east = NULL;
  g_autoptr(GPtrArray) teams = hel_store_list_teams (f->store, &error);
  g_autofree char *csv = hel_report_document_to_csv (all);
  g_autofree char *east_csv = NULL;
  g_autofree char *path = g_build_filename (f->dir, "tables.csv", NULL);
  g_autofree char *written = NULL;
  HelStatisticsFilter filter;

  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (csv, ";"));
  g_assert_nonnull (strstr (csv, "<5"));
  g_assert_nonnull (strstr (csv, "\r\n"));
  assert_nothing_personal (f->store, csv);

  g_assert_true (hel_report_document_write_csv (all, path, &error));
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, csv);

  /* One team: fewer families counted, the team named. */
  hel_statistics_filter_init (&filter);
  filter.team_id = hel_team_get_id (teams->pdata[0]);
  filter.families = HEL_STATISTICS_ACTIVE_FAMILIES;
  east = hel_report_document_new (f->store, &filter, &error);
  g_assert_no_error (error);
  east_csv = hel_report_document_to_csv (east);
  g_assert_nonnull (strstr (east_csv, hel_team_get_name (teams->pdata[0])));
  g_assert_cmpstr (east_csv, !=, csv);
  hel_statistics_filter_clear (&filter);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelReportDocument) report = hel_report_document_new (f->store, NULL, &error);
  g_autofree char *path = g_build_filename (f->dir, "missing", "status.pdf", NULL);

  g_assert_false (hel_report_document_write_pdf (report, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("HELHED_LOCALEDIR");

  if (localedir != NULL)
    {
      g_autofree char *mo = g_build_filename (localedir, "da", "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (mo, G_FILE_TEST_EXISTS))
        {
          g_setenv ("LANGUAGE", "da", TRUE);
          bindtextdomain (GETTEXT_PACKAGE, localedir);
          bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
          danish = TRUE;
        }
    }
  setlocale (LC_ALL, "");
  if (danish && g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "Status report: does the effort work?"),
                           "Status report: does the effort work?") == 0)
    {
      if (setlocale (LC_ALL, "da_DK.UTF-8") == NULL ||
          g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "Status report: does the effort work?"),
                     "Status report: does the effort work?") == 0)
        danish = FALSE;
    }
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("pdf", test_pdf);
  ADD ("csv-and-filter", test_csv_and_filter);
  ADD ("unwritable", test_unwritable);
#undef ADD

  return g_test_run ();
}
