/* test-minutes-document.c: the minutes PDF: headings, notes per column, scale numbers,
 * agreements with owner and deadline, participants; never a CPR number, never a full name in
 * initials mode, never an internal note. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hel-minutes-document.h"
#include "hel-store-board.h"
#include "hel-validate.h"

#define CPR "030385-1234"

static gboolean danish;

typedef struct {
  char     *dir;
  char     *path;
  HelStore *store;
  gint64    meeting_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelTeam) team = hel_team_new (0, "Familiegruppe Øst");
  g_autoptr(HelCaseworker) hanne = hel_caseworker_new ();
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(HelMember) mother = hel_member_new ();
  g_autoptr(HelMeeting) meeting = hel_meeting_new ();
  g_autoptr(HelParticipant) guest = hel_participant_new (0, "Lise Mentorsen", "Mentor",
                                                         HEL_DISCIPLINE_OTHER);
  g_autoptr(HelBoardNote) worry = hel_board_note_new (HEL_BOARD_WORRIES, "Huslejen er ikke betalt");
  g_autoptr(HelBoardNote) secret = hel_board_note_new (HEL_BOARD_WORRIES, "Hemmelig underretning");
  g_autoptr(HelBoardNote) well = hel_board_note_new (HEL_BOARD_WORKING_WELL, "Faste sengetider");
  g_autoptr(HelAgreement) agreement = hel_agreement_new ("Book møde med skolen");
  HelMeetingData *d = hel_meeting_data (meeting);
  HelAgendaItem *item;
  HelParticipant *cw;

  f->dir = g_dir_make_tmp ("helhed-minutes-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "minutes.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (hel_store_save_team (f->store, team, &error));
  hel_caseworker_set_name (hanne, "Hanne Lindeskov");
  hel_caseworker_set_discipline (hanne, HEL_DISCIPLINE_JOB_CENTRE);
  hel_caseworker_set_team_id (hanne, hel_team_get_id (team));
  g_assert_true (hel_store_save_caseworker (f->store, hanne, &error));
  hel_family_set_name (family, "Familien Testrup");
  hel_family_set_start_date (family, "2025-01-01");
  hel_family_set_team_id (family, hel_team_get_id (team));
  g_assert_true (hel_store_save_family (f->store, family, &error));
  hel_member_set_family_id (mother, hel_family_get_id (family));
  hel_member_set_role (mother, HEL_ROLE_MOTHER);
  hel_member_set_first_name (mother, "Mette");
  hel_member_set_last_name (mother, "Testrup");
  hel_member_set_cpr (mother, CPR);
  g_assert_true (hel_store_save_member (f->store, mother, &error));
  g_assert_no_error (error);

  d->kind = HEL_MEETING_TEAM;
  d->team_id = hel_team_get_id (team);
  d->date = g_strdup ("2025-03-04");
  d->time = g_strdup ("09:30");
  g_ptr_array_add (d->items, hel_agenda_item_new (hel_family_get_id (family)));
  g_assert_true (hel_store_create_meeting (f->store, meeting, 0, &error));
  g_assert_no_error (error);
  f->meeting_id = d->id;
  item = d->items->pdata[0];
  cw = d->participants->pdata[0];
  g_assert_true (hel_store_add_participant (f->store, d->id, guest, &error));

  worry->author_id = cw->id;
  secret->internal = TRUE;
  well->author_id = guest->id;
  g_assert_true (hel_store_save_note (f->store, item->id, worry, &error));
  g_assert_true (hel_store_save_note (f->store, item->id, secret, &error));
  g_assert_true (hel_store_save_note (f->store, item->id, well, &error));
  g_assert_true (hel_store_set_scale (f->store, item->id, cw->id, 7, &error));
  g_assert_true (hel_store_set_scale (f->store, item->id, guest->id, 3, &error));
  agreement->owner_kind = HEL_OWNER_MEMBER;
  agreement->owner_member_id = hel_member_get_id (mother);
  agreement->due = g_strdup ("2025-03-18");
  g_assert_true (hel_store_save_agreement (f->store, item->id, agreement, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_assert_finalize_object (f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The PDF's text with runs of white space made one space; NULL (test skipped) without poppler. */
static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *raw = NULL;
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  GString *text;
  gboolean space = FALSE;
  int status;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &raw, NULL, &status, &error));
  g_assert_no_error (error);
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
  return g_string_free (text, FALSE);
}

static void
assert_has (const char *text,
            const char *wanted)
{
  if (strstr (text, wanted) == NULL)
    g_error ("“%s” is not in the minutes:\n%s", wanted, text);
}

static void
assert_lacks (const char *text,
              const char *unwanted)
{
  if (strstr (text, unwanted) != NULL)
    g_error ("“%s” must not be in the minutes:\n%s", unwanted, text);
}

static char *
write_minutes (Fixture    *f,
               HelPrivacy  privacy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMinutesDocument) doc = hel_minutes_document_new (f->store, f->meeting_id, privacy,
                                                                &error);
  g_autofree char *pdf = g_build_filename (f->dir, "minutes.pdf", NULL);
  GStatBuf st;
  char *text;

  g_assert_no_error (error);
  g_assert_true (hel_minutes_document_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = pdf_text (pdf);
  g_unlink (pdf);
  return text;
}

static void
test_initials (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = write_minutes (f, HEL_PRIVACY_INITIALS);
  static const char * const english[] = { "Minutes: Team meeting", "Participants", "Worries",
                                          "Working well", "What needs to happen", "Agreements",
                                          "Initials shown", "by 2025-03-18" };
  static const char * const dansk[] = { "Referat: Teammøde", "Deltagere", "Bekymringer",
                                        "Det går godt", "Det skal ske", "Aftaler",
                                        "Initialer vises", "senest 18.03.2025" };

  if (text == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    assert_has (text, danish ? dansk[i] : english[i]);
  /* Notes per column, the scale numbers, the agreement with owner and deadline. */
  assert_has (text, "Huslejen er ikke betalt");
  assert_has (text, "Faste sengetider");
  assert_has (text, "HL: 7");
  assert_has (text, "LM: 3");
  assert_has (text, "Book møde med skolen — MT");
  assert_has (text, "LM (");
  /* No CPR, no full names, no internal note. */
  assert_lacks (text, CPR);
  assert_lacks (text, "030385");
  for (guint i = 0; i < 6; i++)
    assert_lacks (text, ((const char *[]) { "Mette", "Testrup", "Hanne", "Lindeskov", "Lise",
                                            "Mentorsen" })[i]);
  assert_lacks (text, "Hemmelig");
}

static void
test_first_names (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = write_minutes (f, HEL_PRIVACY_FIRST_NAMES);

  if (text == NULL)
    return;
  assert_has (text, "Mette");
  assert_has (text, "Hanne");
  assert_has (text, "Familien T.");
  assert_lacks (text, "Testrup");
  assert_lacks (text, CPR);
  assert_lacks (text, "Hemmelig");
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMinutesDocument) doc = hel_minutes_document_new (f->store, 999, HEL_PRIVACY_INITIALS,
                                                                &error);
  g_autofree char *pdf = g_build_filename (f->dir, "no", "such", "dir", "minutes.pdf", NULL);
  g_autoptr(HelMinutesDocument) real = NULL;

  g_assert_null (doc);
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  real = hel_minutes_document_new (f->store, f->meeting_id, HEL_PRIVACY_INITIALS, &error);
  g_assert_false (hel_minutes_document_write_pdf (real, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
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
  if (danish && g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "Participants"), "Participants") == 0)
    {
      if (setlocale (LC_ALL, "da_DK.UTF-8") == NULL ||
          g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "Participants"), "Participants") == 0)
        danish = FALSE;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/minutes/initials", Fixture, NULL, fixture_set_up, test_initials, fixture_tear_down);
  g_test_add ("/minutes/first-names", Fixture, NULL, fixture_set_up, test_first_names,
              fixture_tear_down);
  g_test_add ("/minutes/missing", Fixture, NULL, fixture_set_up, test_missing, fixture_tear_down);
  return g_test_run ();
}
