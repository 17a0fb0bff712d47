/* test-plan-document.c: the printable family plan: what it shows, what it never shows, its pages. */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hel-danish.h"
#include "hel-plan-document.h"
#include "hel-store-plan.h"
#include "hel-validate.h"

#define CPR          "010180-1234"
#define CPR_DIGITS   "0101801234"
#define SECRET_NOTE  "Intern bekymring om misbrug XQ4711"
#define DROPPED      "Droppet delmål om kørekort ZZ9"
#define CM           (72.0 / 2.54)

static gboolean danish;   /* the Danish catalogue was found and is in use */

typedef struct {
  char      *dir;
  char      *path;
  char      *pdf;
  HelStore  *store;
  gint64     family_id;
  gint64     maja;
  gint64     malthe;
  gint64     lars;
  gint64     bente;
} Fixture;

/* ---- helpers ---- */

/* An ISO date @days from today: deadlines cannot lie before the day a small goal is made. */
/* A date as the plan prints it: as Danes write it, whatever language the test runs in. */
static char *
printed_date (const char *iso)
{
  int y, m, d;

  g_assert_true (sscanf (iso, "%d-%d-%d", &y, &m, &d) == 3);
  return danish ? g_strdup_printf ("%02d.%02d.%04d", d, m, y) : hel_date_format (iso);
}

static char *
in_days (int days)
{
  g_autofree char *today = hel_date_today ();
  GDate date;

  g_assert_true (hel_date_to_gdate (today, &date));
  g_date_add_days (&date, days);
  return hel_date_from_gdate (&date);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("helhed-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.db", NULL);
  f->pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->pdf);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
add_caseworker (Fixture       *f,
                const char    *name,
                HelDiscipline  discipline,
                const char    *phone,
                const char    *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelCaseworker) cw = hel_caseworker_new ();

  hel_caseworker_set_name (cw, name);
  hel_caseworker_set_discipline (cw, discipline);
  hel_caseworker_set_phone (cw, phone);
  hel_caseworker_set_email (cw, email);
  g_assert_true (hel_store_save_caseworker (f->store, cw, &error));
  g_assert_no_error (error);
  return hel_caseworker_get_id (cw);
}

static gint64
add_member (Fixture    *f,
            HelRole     role,
            const char *first_name,
            const char *last_name,
            const char *birth_date,
            const char *cpr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMember) member = hel_member_new ();

  hel_member_set_family_id (member, f->family_id);
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, first_name);
  hel_member_set_last_name (member, last_name);
  hel_member_set_birth_date (member, birth_date);
  hel_member_set_cpr (member, cpr);
  g_assert_true (hel_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  return hel_member_get_id (member);
}

static void
add_family (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();

  f->lars = add_caseworker (f, "Lars Jobsen", HEL_DISCIPLINE_JOB_CENTRE, "12 34 56 78",
                            "lars.jobsen@kommune.dk");
  {
    gint64 sofie = add_caseworker (f, "Sofie Famsen", HEL_DISCIPLINE_FAMILY_GROUP, "87 65 43 21",
                                   "sofie.famsen@kommune.dk");
    hel_family_set_primary_caseworker_id (family, sofie);
  }
  f->bente = add_caseworker (f, "Bente Skolesen", HEL_DISCIPLINE_SCHOOL, "55 55 55 55", NULL);
  hel_family_set_secondary_caseworker_id (family, f->lars);
  hel_family_set_name (family, name);
  hel_family_set_start_date (family, "2025-09-01");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  g_assert_no_error (error);
  f->family_id = hel_family_get_id (family);

  f->maja = add_member (f, HEL_ROLE_MOTHER, "Maja", "Hansen", "1980-01-01", CPR);
  f->malthe = add_member (f, HEL_ROLE_CHILD, "Malthe", "Hansen", "2014-05-06", NULL);
}

static HelGoal *
add_goal (Fixture    *f,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  HelGoal *goal = hel_goal_new (title);

  g_assert_true (hel_store_save_goal (f->store, f->family_id, goal, &error));
  g_assert_no_error (error);
  return goal;
}

static HelSubgoal *
add_subgoal (Fixture       *f,
             HelGoal       *goal,
             const char    *wording,
             HelGoalStatus  status,
             const char    *deadline,
             gint64         owner)
{
  g_autoptr(GError) error = NULL;
  HelSubgoal *sg = hel_subgoal_new (wording);

  sg->goal_id = goal->id;
  sg->status = status;
  sg->deadline = g_strdup (deadline);
  if (owner != 0)
    g_array_append_val (sg->owners, owner);
  g_assert_true (hel_store_save_subgoal (f->store, sg, &error));
  g_assert_no_error (error);
  return sg;
}

static void
add_step (Fixture      *f,
          HelSubgoal   *sg,
          const char   *what,
          HelOwnerKind  kind,
          gint64        owner_id,
          const char    *owner_name,
          const char    *due,
          gboolean       done)
{
  g_autoptr(GError) error = NULL;
  HelStep *step = hel_step_new (what);

  step->owner_kind = kind;
  if (kind == HEL_OWNER_MEMBER)
    step->owner_member_id = owner_id;
  else if (kind == HEL_OWNER_CASEWORKER)
    step->owner_caseworker_id = owner_id;
  step->owner_name = g_strdup (owner_name);
  step->due = g_strdup (due);
  step->done = done;
  step->done_date = done ? g_strdup ("2026-01-10") : NULL;
  g_assert_true (hel_store_save_step (f->store, sg->id, step, &error));
  g_assert_no_error (error);
  hel_step_free (step);
}

static void
add_note (Fixture    *f,
          HelSubgoal *sg,
          const char *text,
          gboolean    internal)
{
  g_autoptr(GError) error = NULL;
  HelFollowup *note = hel_followup_new ("2026-01-20", text, "Lars Jobsen");

  note->internal = internal;
  g_assert_true (hel_store_add_followup (f->store, sg->id, note, &error));
  g_assert_no_error (error);
  hel_followup_free (note);
}

/* The family of the content tests: every kind of owner, notes of both kinds, a dropped goal. */
static void
build_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HelGoal *work, *school;
  HelSubgoal *sg;
  gint64 both[] = { 0, 0 };
  g_autofree char *deadline = in_days (100);

  add_family (f, "Familien Testrup");
  g_assert_true (hel_store_set_wishes (f->store, f->family_id, 0,
                                       "Vi vil have mere tid sammen som familie.", &error));
  g_assert_true (hel_store_set_wishes (f->store, f->family_id, f->maja,
                                       "Jeg vil gerne have et fast arbejde.", &error));
  g_assert_true (hel_store_set_wishes (f->store, f->family_id, f->malthe,
                                       "Jeg vil spille fodbold på et hold.", &error));
  g_assert_no_error (error);

  work = add_goal (f, "Mor i arbejde");
  sg = add_subgoal (f, work, "Maja søger fem job om ugen", HEL_GOAL_IN_PROGRESS, deadline,
                    f->maja);
  sg->next_followup = in_days (20);
  g_assert_true (hel_store_save_subgoal (f->store, sg, &error));
  g_assert_true (hel_store_set_subgoal_scale (f->store, sg->id, 4, "Maja", &error));
  g_assert_no_error (error);
  add_step (f, sg, "Skrive et nyt CV", HEL_OWNER_MEMBER, f->maja, NULL, "2026-01-15", TRUE);
  add_step (f, sg, "Finde en praktikplads", HEL_OWNER_CASEWORKER, f->lars, NULL, "2026-02-01",
            FALSE);
  add_step (f, sg, "Øve en jobsamtale", HEL_OWNER_EXTERNAL, 0, "Mentor Lise", NULL, FALSE);
  add_step (f, sg, "Tale med klasselæreren", HEL_OWNER_CASEWORKER, f->bente, NULL, NULL, FALSE);
  add_step (f, sg, "Købe en cykel", HEL_OWNER_NONE, 0, NULL, NULL, FALSE);
  add_note (f, sg, SECRET_NOTE, TRUE);
  add_note (f, sg, "Maja har sendt tre ansøgninger.", FALSE);
  hel_subgoal_free (sg);
  sg = add_subgoal (f, work, DROPPED, HEL_GOAL_DROPPED, NULL, f->maja);
  add_step (f, sg, "Skridt under et droppet delmål QQ7", HEL_OWNER_MEMBER, f->maja, NULL, NULL,
            FALSE);
  hel_subgoal_free (sg);
  hel_goal_free (work);

  school = add_goal (f, "Malthe trives i skolen");
  sg = hel_subgoal_new ("Malthe kommer i skole hver dag");
  sg->goal_id = school->id;
  sg->status = HEL_GOAL_ACHIEVED;
  both[0] = f->malthe;
  both[1] = f->maja;
  g_array_append_vals (sg->owners, both, 2);
  g_assert_true (hel_store_save_subgoal (f->store, sg, &error));
  g_assert_true (hel_store_set_subgoal_scale (f->store, sg->id, 10, "Malthe", &error));
  g_assert_no_error (error);
  hel_subgoal_free (sg);
  sg = add_subgoal (f, school, "Malthe har en ven at lege med efter skole", HEL_GOAL_NOT_STARTED,
                    NULL, f->malthe);
  hel_subgoal_free (sg);
  hel_goal_free (school);
}

/* Runs a poppler tool; NULL (and the test skipped) when it is not installed.
 * page 0: all pages. */
static char *
run_tool (const char *tool,
          const char *pdf,
          gboolean    text,
          guint       page)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (tool);
  g_autofree char *out = NULL;
  g_autofree char *first = g_strdup_printf ("%u", page > 0 ? page : 1);
  g_autofree char *last = page > 0 ? g_strdup_printf ("%u", page) : NULL;
  const char *text_argv[] = { tool, "-raw", "-enc", "UTF-8", "-f", first, pdf, "-", NULL, NULL, NULL };
  const char *info_argv[] = { tool, pdf, NULL };
  int status;

  if (last != NULL)
    {
      /* ... -f N -l N pdf - */
      text_argv[6] = "-l";
      text_argv[7] = last;
      text_argv[8] = pdf;
      text_argv[9] = "-";
    }
  if (program == NULL)
    {
      g_test_skip ("pdftotext/pdfinfo (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) (text ? text_argv : info_argv), NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* The PDF's text with every run of white space made one space, so wrapped lines still match. */
static char *
pdf_page_text (const char *pdf,
               guint       page)
{
  g_autofree char *raw = run_tool ("pdftotext", pdf, TRUE, page);
  g_autoptr(GString) text = NULL;
  gboolean space = FALSE;

  if (raw == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (const char *p = raw; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && text->len > 0)
            g_string_append_c (text, ' ');
          space = FALSE;
          g_string_append_c (text, *p);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
pdf_text (const char *pdf)
{
  return pdf_page_text (pdf, 0);
}

static guint
count_substrings (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf, FALSE, 0);
  const char *line;

  if (info == NULL)
    return 0;
  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + 7, " "), NULL, 10);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is missing from the printed plan:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” must not be in the printed plan", needle);
}

static HelPlanDocument *
write_pdf (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlanDocument) doc = hel_plan_document_new (f->store, f->family_id, &error);
  g_autofree char *part = g_strconcat (f->pdf, ".part", NULL);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (hel_plan_document_write_pdf (doc, f->pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  return g_steal_pointer (&doc);
}

/* Counts non-white pixels inside and outside a frame @inset points from the page's edges. */
static void
count_ink (cairo_surface_t *surface,
           double           inset,
           guint           *inside,
           guint           *outside)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  *inside = *outside = 0;
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);
      for (int x = 0; x < width; x++)
        {
          gboolean in = x >= inset && x < width - inset && y >= inset && y < height - inset;
          if (row[x] == 0xffffffff)
            continue;
          if (in)
            (*inside)++;
          else
            (*outside)++;
        }
    }
}

static cairo_surface_t *
render_page (HelPlanDocument *doc,
             guint            page_nr,
             guint           *n_pages)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  *n_pages = hel_plan_document_paginate (doc, cr, HEL_PLAN_DOCUMENT_A4_WIDTH,
                                         HEL_PLAN_DOCUMENT_A4_HEIGHT);
  g_assert_cmpuint (page_nr, <, *n_pages);
  hel_plan_document_draw_page (doc, cr, page_nr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* ---- tests ---- */

static void
test_content (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HelPlanDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *birth = NULL;
  const char *present[] = {
    "Familien Testrup",
    "Mor i arbejde", "Malthe trives i skolen",
    "Maja søger fem job om ugen", "Malthe kommer i skole hver dag",
    "Malthe har en ven at lege med efter skole",
    "Skrive et nyt CV", "Finde en praktikplads", "Øve en jobsamtale", "Tale med klasselæreren",
    "Købe en cykel",
    "Mentor Lise", "Bente Skolesen",
    "Lars Jobsen", "Sofie Famsen", "12 34 56 78", "87 65 43 21", "lars.jobsen@kommune.dk",
    "Vi vil have mere tid sammen som familie.", "Jeg vil gerne have et fast arbejde.",
    "Jeg vil spille fodbold på et hold.",
    "Maja har sendt tre ansøgninger.",
  };
  const char *english[] = {
    "Our family plan", "What we wish for", "Our goals", "What we will do", "Who helps",
    "Your caseworkers", "Printed", "Page 1 of", "Achieved ✓", "Goal for: Ma",
  };
  const char *dansk[] = {
    "Vores familieplan", "Det ønsker vi os", "Vores mål", "Det gør vi", "Hvem hjælper", "Senest",
    "Jeres rådgivere", "Udskrevet", "Side 1 af", "Nået ✓", "Mål for: Ma", "Telefon",
    "Jobcenter",
  };

  build_plan (f);
  doc = write_pdf (f);
  g_assert_cmpstr (hel_plan_document_get_family_name (doc), ==, "Familien Testrup");
  g_assert_cmpuint (hel_plan_document_get_n_pages (doc), >=, 1);

  text = pdf_text (f->pdf);
  if (text == NULL)
    return;
  g_test_message ("%s", text);

  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    assert_has (text, present[i]);
  /* A small goal of two members names both. */
  if (strstr (text, danish ? "Maja og Malthe" : "Maja and Malthe") == NULL)
    assert_has (text, danish ? "Malthe og Maja" : "Malthe and Maja");
  {
    g_autofree char *iso = in_days (100);
    deadline = printed_date (iso);
    assert_has (text, deadline);
  }

  if (danish)
    {
      for (guint i = 0; i < G_N_ELEMENTS (dansk); i++)
        assert_has (text, dansk[i]);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (english); i++)
        assert_has (text, english[i]);
      g_test_message ("Danish headings were not checked: set HELHED_LOCALEDIR to a directory "
                      "with da/LC_MESSAGES/" GETTEXT_PACKAGE ".mo");
    }

  /* Never on the family's paper: CPR numbers, birth dates, last names, internal notes,
   * dropped small goals and their steps. */
  assert_lacks (text, CPR);
  assert_lacks (text, CPR_DIGITS);
  assert_lacks (text, "010180");
  assert_lacks (text, "1234");
  assert_lacks (text, "1980");
  birth = printed_date ("2014-05-06");
  assert_lacks (text, birth);
  assert_lacks (text, "2014-05-06");
  assert_lacks (text, "Hansen");
  assert_lacks (text, SECRET_NOTE);
  assert_lacks (text, "XQ4711");
  assert_lacks (text, DROPPED);
  assert_lacks (text, "ZZ9");
  assert_lacks (text, "QQ7");
}

static void
test_long_plan (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlanDocument) doc = NULL;
  g_autoptr(GString) wishes = g_string_new (NULL);
  g_autofree char *text = NULL;
  HelGoal *goal = NULL;
  guint n_pages, pdf_n_pages, image_n_pages;
  g_autofree char *deadline = in_days (200);

  add_family (f, "Familien Langeplan");
  /* A wish longer than a page must be cut between lines. */
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (wishes, "Ønske nummer %u: vi vil gerne have en rolig hverdag med tid "
                            "til hinanden, til skolen og til arbejdet. ", i + 1);
  g_string_append (wishes, "SLUTNINGEN-PÅ-ØNSKERNE");
  g_assert_true (hel_store_set_wishes (f->store, f->family_id, 0, wishes->str, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *wording = NULL;
      g_autofree char *what = NULL;
      HelSubgoal *sg;

      if (i % 8 == 0)
        {
          g_autofree char *title = g_strdup_printf ("Stort mål nummer %u", i / 8 + 1);
          if (goal != NULL)
            hel_goal_free (goal);
          goal = add_goal (f, title);
        }
      wording = g_strdup_printf ("Delmål%02u: Maja og Malthe vil i fællesskab arbejde på at få "
                                 "en god og rolig morgen, hvor alle kommer op i tide, spiser "
                                 "morgenmad sammen og kommer af sted til skole og arbejde uden "
                                 "skænderier, og det vil de gøre hver eneste dag i en hel måned "
                                 "(et langt delmål for at prøve sideskift).", i + 1);
      sg = add_subgoal (f, goal, wording, (HelGoalStatus) (i % 4), deadline, f->maja);
      if (i % 3 != 0)
        g_assert_true (hel_store_set_subgoal_scale (f->store, sg->id, (int) (i % 11), "Maja",
                                                    &error));
      g_assert_no_error (error);
      what = g_strdup_printf ("Handling%02u: lave en skema-tavle til køkkenet med billeder af "
                              "det, der skal ske om morgenen", i + 1);
      add_step (f, sg, what, HEL_OWNER_MEMBER, f->maja, NULL, "2026-02-01", i % 2 == 0);
      add_step (f, sg, "Ringe til skolen", HEL_OWNER_EXTERNAL, 0, "Mentor Lise", NULL, FALSE);
      hel_subgoal_free (sg);
    }
  hel_goal_free (goal);

  doc = write_pdf (f);
  n_pages = hel_plan_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >, 3);

  /* The same layout on an image as in the PDF: GtkPrintOperation gets the same pages. */
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface = render_page (doc, page, &image_n_pages);
      guint inside, outside;

      g_assert_cmpuint (image_n_pages, ==, n_pages);
      /* Nothing outside the 2 cm margins (1 px for antialiasing), something inside. */
      count_ink (surface, 2 * CM - 1, &inside, &outside);
      g_assert_cmpuint (inside, >, 100);
      g_assert_cmpuint (outside, ==, 0);
      cairo_surface_destroy (surface);
    }

  pdf_n_pages = pdf_pages (f->pdf);
  if (pdf_n_pages == 0)
    return;
  g_assert_cmpuint (pdf_n_pages, ==, n_pages);

  text = pdf_text (f->pdf);
  if (text == NULL)
    return;
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *tag = g_strdup_printf ("Delmål%02u:", i + 1);
      g_autofree char *step = g_strdup_printf ("Handling%02u:", i + 1);
      assert_has (text, tag);
      assert_has (text, step);
    }
  /* The wish longer than a page is cut between lines: every line once, none hidden twice. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *wish = g_strdup_printf ("Ønske nummer %u:", i + 1);
      g_assert_cmpuint (count_substrings (text, wish), ==, 1);
    }
  assert_has (text, "SLUTNINGEN-PÅ-ØNSKERNE");
  assert_has (text, "Lars Jobsen");
  {
    g_autofree char *last = g_strdup_printf (danish ? "Side %u af %u" : "Page %u of %u",
                                             n_pages, n_pages);
    assert_has (text, last);
  }

  /* No page ends with a goal's heading: it stays with its first small goal. The footer
   * (family name, page number) comes last in each page's text. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = pdf_page_text (f->pdf, page);
      g_autofree char *footer = g_strdup_printf (danish ? "Familien Langeplan Side %u af %u"
                                                        : "Familien Langeplan Page %u of %u",
                                                 page, n_pages);
      char *end = strstr (page_text, footer);
      char *heading;

      g_assert_nonnull (end);
      *end = '\0';
      g_strchomp (page_text);
      heading = g_strrstr (page_text, "Stort mål nummer ");
      if (heading != NULL)
        g_assert_cmpuint (strlen (heading), >, strlen ("Stort mål nummer 5"));
    }
}

static void
test_render_margins (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlanDocument) doc = NULL;
  cairo_surface_t *surface;
  guint inside, outside, n_pages;

  build_plan (f);
  doc = hel_plan_document_new (f->store, f->family_id, &error);
  g_assert_no_error (error);
  surface = render_page (doc, 0, &n_pages);
  if (g_test_verbose ())
    {
      g_autofree char *png = g_build_filename (g_get_tmp_dir (), "helhed-plan-page1.png", NULL);
      cairo_surface_write_to_png (surface, png);
      g_test_message ("page 1: %s", png);
    }

  /* Something inside the margins, nothing at all in the outer centimetre. */
  count_ink (surface, 1 * CM, &inside, &outside);
  g_assert_cmpuint (inside, >, 1000);
  g_assert_cmpuint (outside, ==, 0);
  /* Nor anything in the 2 cm margins (1 px for antialiasing). */
  count_ink (surface, 2 * CM - 1, &inside, &outside);
  g_assert_cmpuint (outside, ==, 0);
  cairo_surface_destroy (surface);

  /* A printer with US Letter paper: the layout follows the page it is given. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 612, 792);
  {
    cairo_t *cr = cairo_create (surface);

    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    n_pages = hel_plan_document_paginate (doc, cr, 612, 792);
    for (guint page = 0; page < n_pages; page++)
      hel_plan_document_draw_page (doc, cr, page);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
  }
  count_ink (surface, 2 * CM - 1, &inside, &outside);
  g_assert_cmpuint (inside, >, 1000);
  g_assert_cmpuint (outside, ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_empty_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlanDocument) doc = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autofree char *text = NULL;

  hel_family_set_name (family, "Familien Tom");
  hel_family_set_start_date (family, "2025-09-01");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  g_assert_no_error (error);
  f->family_id = hel_family_get_id (family);

  doc = write_pdf (f);
  g_assert_cmpuint (hel_plan_document_get_n_pages (doc), ==, 1);
  text = pdf_text (f->pdf);
  if (text == NULL)
    return;
  assert_has (text, "Familien Tom");
  assert_has (text, danish ? "Vi har ikke skrevet mål ned endnu." : "We have not written down any goals yet.");
}

static void
test_missing_family (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlanDocument) doc = hel_plan_document_new (f->store, 4242, &error);

  g_assert_null (doc);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlanDocument) doc = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "plan.pdf", NULL);

  build_plan (f);
  doc = hel_plan_document_new (f->store, f->family_id, &error);
  g_assert_no_error (error);
  g_assert_false (hel_plan_document_write_pdf (doc, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The catalogue reader: Danish for known texts and contexts, the text itself for unknown ones,
 * and a damaged or foreign file read as no catalogue at all. */
static void
test_danish_catalogue (void)
{
  g_autofree char *dir = g_dir_make_tmp ("helhed-danish-XXXXXX", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.mo", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.mo", NULL);
  g_autofree char *mo = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!danish)
    {
      g_test_skip ("the build made no Danish catalogue");
      return;
    }
  g_assert_cmpstr (hel_danish ("Our family plan"), ==, "Vores familieplan");
  g_assert_cmpstr (hel_danish_context ("plan-pdf", "Done"), !=, "Done");
  g_assert_cmpstr (hel_danish ("No such text in the catalogue"), ==,
                   "No such text in the catalogue");
  g_assert_cmpstr (hel_danish_context ("no-such-context", "Done"), ==, "Done");

  g_assert_true (g_file_set_contents (garbage, "\xde\x12\x04\x95 not really a catalogue", -1,
                                      NULL));
  _hel_danish_reset (garbage);
  g_assert_false (hel_danish_available ());
  g_assert_cmpstr (hel_danish ("Our family plan"), ==, "Our family plan");

  mo = g_build_filename (g_getenv ("HELHED_LOCALEDIR"), "da", "LC_MESSAGES",
                         GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_get_contents (mo, &contents, &size, NULL));
  for (gsize cut = 0; cut < size; cut += MAX (size / 97, 1))
    {
      g_assert_true (g_file_set_contents (truncated, contents, (gssize) cut, NULL));
      _hel_danish_reset (truncated);
      /* Whatever survives the cut, nothing is read outside the file */
      g_assert_nonnull (hel_danish ("Our family plan"));
    }

  _hel_danish_reset (NULL);
  g_assert_cmpstr (hel_danish ("Our family plan"), ==, "Vores familieplan");
  g_unlink (garbage);
  g_unlink (truncated);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("HELHED_LOCALEDIR");
  gboolean built_danish = FALSE;

  /* The C locale and no LANGUAGE, as on a machine without Danish: the plan must be Danish all
   * the same, from the build's Danish catalogue (when the build made one). */
  if (localedir != NULL)
    {
      g_autofree char *mo = g_build_filename (localedir, "da", "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      built_danish = g_file_test (mo, G_FILE_TEST_EXISTS);
    }
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  danish = hel_danish_available ();
  if (built_danish && !danish)
    g_error ("The build's Danish catalogue could not be read");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-document/danish-catalogue", test_danish_catalogue);

  g_test_add ("/plan-document/content", Fixture, NULL, fixture_set_up, test_content,
              fixture_tear_down);
  g_test_add ("/plan-document/long-plan", Fixture, NULL, fixture_set_up, test_long_plan,
              fixture_tear_down);
  g_test_add ("/plan-document/render-margins", Fixture, NULL, fixture_set_up, test_render_margins,
              fixture_tear_down);
  g_test_add ("/plan-document/empty-plan", Fixture, NULL, fixture_set_up, test_empty_plan,
              fixture_tear_down);
  g_test_add ("/plan-document/missing-family", Fixture, NULL, fixture_set_up, test_missing_family,
              fixture_tear_down);
  g_test_add ("/plan-document/unwritable", Fixture, NULL, fixture_set_up, test_unwritable,
              fixture_tear_down);

  return g_test_run ();
}
