/* test-board.c: board meetings in the store: round trips, notes, carry-over, plan link, undo. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "hel-json.h"
#include "hel-store-board.h"
#include "hel-store-plan.h"
#include "hel-validate.h"

typedef struct {
  char          *dir;
  char          *path;
  HelStore      *store;
  HelTeam       *team;
  HelCaseworker *job;
  HelCaseworker *family_group;
  HelFamily     *family;
  HelFamily     *other;
  HelMember     *mother;
  gint64         subgoal_id;
} Fixture;

static HelFamily *
add_family (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  HelFamily *family = hel_family_new ();

  hel_family_set_name (family, name);
  hel_family_set_start_date (family, "2025-01-01");
  hel_family_set_team_id (family, hel_team_get_id (f->team));
  g_assert_true (hel_store_save_family (f->store, family, &error));
  g_assert_no_error (error);
  return family;
}

static HelCaseworker *
add_caseworker (Fixture       *f,
                const char    *name,
                HelDiscipline  discipline)
{
  g_autoptr(GError) error = NULL;
  HelCaseworker *cw = hel_caseworker_new ();

  hel_caseworker_set_name (cw, name);
  hel_caseworker_set_discipline (cw, discipline);
  hel_caseworker_set_team_id (cw, hel_team_get_id (f->team));
  g_assert_true (hel_store_save_caseworker (f->store, cw, &error));
  g_assert_no_error (error);
  return cw;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelGoal) goal = hel_goal_new ("Mor i arbejde");
  g_autoptr(HelSubgoal) sg = hel_subgoal_new ("Mette skriver et CV");

  f->dir = g_dir_make_tmp ("helhed-board-XXXXXX", &error);
  f->path = g_build_filename (f->dir, "board.db", NULL);
  f->store = hel_store_open (f->path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->team = hel_team_new (0, "Familiegruppe Øst");
  g_assert_true (hel_store_save_team (f->store, f->team, &error));
  f->job = add_caseworker (f, "Hanne Lindeskov", HEL_DISCIPLINE_JOB_CENTRE);
  f->family_group = add_caseworker (f, "Lone Skrænting", HEL_DISCIPLINE_FAMILY_GROUP);
  f->family = add_family (f, "Familien Testrup");
  f->other = add_family (f, "Familien Ulvebæk");

  f->mother = hel_member_new ();
  hel_member_set_family_id (f->mother, hel_family_get_id (f->family));
  hel_member_set_role (f->mother, HEL_ROLE_MOTHER);
  hel_member_set_first_name (f->mother, "Mette");
  hel_member_set_last_name (f->mother, "Testrup");
  hel_member_set_cpr (f->mother, "010190-1234");
  g_assert_true (hel_store_save_member (f->store, f->mother, &error));
  g_assert_no_error (error);

  g_assert_true (hel_store_save_goal (f->store, hel_family_get_id (f->family), goal, &error));
  sg->goal_id = goal->id;
  g_assert_true (hel_store_save_subgoal (f->store, sg, &error));
  g_assert_no_error (error);
  f->subgoal_id = sg->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_clear_object (&f->team);
  g_clear_object (&f->job);
  g_clear_object (&f->family_group);
  g_clear_object (&f->family);
  g_clear_object (&f->other);
  g_clear_object (&f->mother);
  g_assert_finalize_object (f->store);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A team meeting with the team's two caseworkers and the two families on the agenda. */
static HelMeeting *
make_meeting (Fixture    *f,
              const char *date)
{
  g_autoptr(GError) error = NULL;
  HelMeeting *meeting = hel_meeting_new ();
  HelMeetingData *d = hel_meeting_data (meeting);

  d->kind = HEL_MEETING_TEAM;
  d->team_id = hel_team_get_id (f->team);
  d->date = g_strdup (date);
  d->time = g_strdup ("9.30");
  g_ptr_array_add (d->items, hel_agenda_item_new (hel_family_get_id (f->family)));
  g_ptr_array_add (d->items, hel_agenda_item_new (hel_family_get_id (f->other)));
  g_assert_true (hel_store_create_meeting (f->store, meeting, HEL_MEETING_CREATE_CARRY_OVER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d->id, >, 0);
  g_assert_cmpstr (d->time, ==, "09:30");
  /* No participants given: the team's caseworkers come. */
  g_assert_cmpuint (d->participants->len, ==, 2);
  return meeting;
}

static HelParticipant *
participant_of (HelMeeting    *meeting,
                HelCaseworker *cw)
{
  HelMeetingData *d = hel_meeting_data (meeting);

  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];
      if (p->caseworker_id == hel_caseworker_get_id (cw))
        return p;
    }
  g_assert_not_reached ();
}

static HelBoardNote *
add_note (Fixture        *f,
          gint64          item_id,
          HelBoardColumn  column,
          const char     *text,
          gint64          author_id)
{
  g_autoptr(GError) error = NULL;
  HelBoardNote *note = hel_board_note_new (column, text);

  note->author_id = author_id;
  g_assert_true (hel_store_save_note (f->store, item_id, note, &error));
  g_assert_no_error (error);
  return note;
}

static HelAgreement *
add_agreement (Fixture    *f,
               gint64      item_id,
               const char *what,
               const char *due)
{
  g_autoptr(GError) error = NULL;
  HelAgreement *a = hel_agreement_new (what);

  a->owner_kind = HEL_OWNER_CASEWORKER;
  a->owner_caseworker_id = hel_caseworker_get_id (f->job);
  a->due = g_strdup (due);
  g_assert_true (hel_store_save_agreement (f->store, item_id, a, &error));
  g_assert_no_error (error);
  return a;
}

static HelMeeting *
reload (Fixture *f,
        gint64   meeting_id)
{
  g_autoptr(GError) error = NULL;
  HelMeeting *meeting = hel_store_load_meeting (f->store, meeting_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  HelMeetingData *d = hel_meeting_data (meeting);
  HelAgendaItem *item = d->items->pdata[0];
  HelParticipant *hanne = participant_of (meeting, f->job);
  g_autoptr(HelParticipant) guest = hel_participant_new (0, "Lise Mentorsen", "Mentor",
                                                         HEL_DISCIPLINE_OTHER);
  g_autoptr(HelBoardStroke) stroke = hel_board_stroke_new (3);
  g_autoptr(HelMeeting) loaded = NULL;
  g_autoptr(HelMeeting) copy = NULL;
  g_autoptr(HelMeeting) parsed = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(HelAgreement) draft = hel_agreement_new ("Find en praktikplads");
  g_autoptr(HelBoardNote) n1 = NULL, n2 = NULL, n3 = NULL;
  g_autoptr(HelAgreement) a1 = NULL;
  HelAgendaItem *li;

  g_assert_true (hel_store_add_participant (f->store, d->id, guest, &error));
  g_assert_no_error (error);
  n1 = add_note (f, item->id, HEL_BOARD_WORRIES, "Mor sover dårligt", hanne->id);
  n2 = add_note (f, item->id, HEL_BOARD_WORKING_WELL, "Børnene kommer i skole", guest->id);
  n3 = add_note (f, item->id, HEL_BOARD_NEEDS, "Ro på økonomien", 0);
  g_assert_cmpint (n1->discipline, ==, HEL_DISCIPLINE_JOB_CENTRE);
  g_assert_cmpstr (n1->author_name, ==, "Hanne Lindeskov");
  g_assert_cmpint (n2->discipline, ==, HEL_DISCIPLINE_OTHER);
  g_assert_nonnull (n1->created);

  hel_board_stroke_add_point (stroke, 0.1, 0.2);
  hel_board_stroke_add_point (stroke, 0.123456, 0.654321);
  g_assert_true (hel_store_add_stroke (f->store, item->id, stroke, &error));
  g_assert_true (hel_store_set_scale (f->store, item->id, hanne->id, 6, &error));
  g_assert_true (hel_store_set_scale (f->store, item->id, guest->id, 4, &error));
  g_assert_true (hel_store_set_scale (f->store, item->id, guest->id, 5, &error));
  g_assert_no_error (error);
  a1 = add_agreement (f, item->id, "Ring til jobcentret", "2025-03-18");
  g_assert_true (hel_store_save_agreement (f->store, item->id, draft, &error));
  g_assert_no_error (error);
  g_assert_false (hel_agreement_is_complete (draft));
  g_assert_true (hel_agreement_is_complete (a1));

  loaded = reload (f, d->id);
  li = hel_meeting_data (loaded)->items->pdata[0];
  g_assert_cmpstr (hel_meeting_data (loaded)->team_name, ==, "Familiegruppe Øst");
  g_assert_cmpstr (li->family_name, ==, "Familien Testrup");
  g_assert_cmpstr (li->adults[0], ==, "Mette Testrup");
  g_assert_cmpuint (li->notes->len, ==, 3);
  g_assert_cmpuint (li->strokes->len, ==, 1);
  g_assert_cmpfloat (g_array_index (((HelBoardStroke *) li->strokes->pdata[0])->points,
                                    HelBoardPoint, 1).x, ==, 0.1235);
  g_assert_cmpint (hel_agenda_item_get_scale (li, guest->id), ==, 5);
  g_assert_cmpint (hel_agenda_item_get_scale (li, hanne->id), ==, 6);
  g_assert_cmpuint (li->agreements->len, ==, 2);
  g_assert_cmpstr (((HelAgreement *) li->agreements->pdata[0])->owner_label, ==, "Hanne Lindeskov");
  g_assert_cmpuint (hel_meeting_data (loaded)->participants->len, ==, 3);

  /* JSON both ways, and a copy, give the same meeting. */
  node = hel_meeting_to_json (loaded);
  parsed = hel_meeting_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (hel_meeting_equal (loaded, parsed));
  copy = hel_meeting_copy (loaded);
  g_assert_true (hel_meeting_equal (loaded, copy));
  g_assert_cmpstr (((HelAgendaItem *) hel_meeting_data (copy)->items->pdata[0])->family_name, ==,
                   "Familien Testrup");

  /* Restoring the snapshot over a changed board brings the board back exactly. */
  g_assert_true (hel_store_delete_note (f->store, n2->id, &error));
  g_assert_true (hel_store_set_scale (f->store, item->id, guest->id, -1, &error));
  g_assert_true (hel_store_delete_stroke (f->store, stroke->id, &error));
  g_assert_true (hel_store_delete_agreement (f->store, a1->id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(HelMeeting) changed = reload (f, d->id);
    g_autoptr(HelMeeting) restored = NULL;

    g_assert_false (hel_meeting_equal (loaded, changed));
    g_assert_true (hel_store_restore_meeting (f->store, loaded, &error));
    g_assert_no_error (error);
    restored = reload (f, d->id);
    g_assert_true (hel_meeting_equal (loaded, restored));
  }
}

static void
test_json_export (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  HelMeetingData *d = hel_meeting_data (meeting);
  HelAgendaItem *item = d->items->pdata[0];
  g_autoptr(HelBoardNote) note = add_note (f, item->id, HEL_BOARD_WORRIES, "Bekymring", 0);
  g_autoptr(HelAgreement) a = add_agreement (f, item->id, "Aftale", "2025-03-18");
  g_autoptr(HelMeeting) next = hel_meeting_new ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *path2 = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(HelStore) store2 = NULL;

  g_assert_true (hel_store_link_agreement (f->store, a->id, f->subgoal_id, NULL, &error));
  g_assert_no_error (error);
  hel_meeting_data (next)->kind = HEL_MEETING_TEAM;
  hel_meeting_data (next)->team_id = hel_team_get_id (f->team);
  hel_meeting_data (next)->date = g_strdup ("2025-03-18");
  g_assert_true (hel_store_create_meeting (f->store, next, HEL_MEETING_CREATE_CARRY_OVER, &error));
  g_assert_no_error (error);

  first = hel_json_export_to_bytes (f->store, HEL_JSON_EXPORT_NO_TIMESTAMP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (first, NULL), "\"meetings\""));
  store2 = hel_store_open (path2, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (hel_json_import_from_data (store2, g_bytes_get_data (first, NULL),
                                            (gssize) g_bytes_get_size (first),
                                            HEL_JSON_IMPORT_DEFAULT, &error));
  g_assert_no_error (error);
  second = hel_json_export_to_bytes (store2, HEL_JSON_EXPORT_NO_TIMESTAMP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (first, NULL), ==, g_bytes_get_data (second, NULL));

  /* A broken meeting names its place in the file. */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
    g_autofree char *bad = NULL;
    char *p = strstr (text, "\"column\" : \"worries\"");

    g_assert_nonnull (p);
    bad = g_strdup (text);
    memcpy (bad + (p - text), "\"column\" : \"wor1ies\"", strlen ("\"column\" : \"worries\""));
    g_assert_false (hel_json_import_from_data (store2, bad, -1, HEL_JSON_IMPORT_REPLACE, &error));
    g_assert_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "meetings[0]"));
    g_assert_nonnull (strstr (error->message, "line"));
  }
  g_clear_object (&store2);
  g_unlink (path2);
  {
    g_autofree char *wal = g_strconcat (path2, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path2, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
}

static void
test_move_notes (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  gint64 item_id = ((HelAgendaItem *) hel_meeting_data (meeting)->items->pdata[0])->id;
  g_autoptr(HelBoardNote) a = add_note (f, item_id, HEL_BOARD_WORRIES, "A", 0);
  g_autoptr(HelBoardNote) b = add_note (f, item_id, HEL_BOARD_WORRIES, "B", 0);
  g_autoptr(HelBoardNote) c = add_note (f, item_id, HEL_BOARD_WORRIES, "C", 0);
  g_autoptr(HelBoardNote) x = add_note (f, item_id, HEL_BOARD_NEEDS, "X", 0);
  g_autoptr(HelMeeting) loaded = NULL;
  g_autoptr(GPtrArray) worries = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  HelAgendaItem *item;

  /* Reorder within a column: C first. */
  g_assert_true (hel_store_move_note (f->store, c->id, HEL_BOARD_WORRIES, 0, &error));
  /* Across columns: A goes between X and nothing, at index 0 of "needs". */
  g_assert_true (hel_store_move_note (f->store, a->id, HEL_BOARD_NEEDS, 0, &error));
  g_assert_no_error (error);
  /* Notes never go into Agreements. */
  g_assert_false (hel_store_move_note (f->store, b->id, HEL_BOARD_AGREEMENTS, 0, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  loaded = reload (f, hel_meeting_data (meeting)->id);
  item = hel_meeting_data (loaded)->items->pdata[0];
  worries = hel_agenda_item_column_notes (item, HEL_BOARD_WORRIES);
  needs = hel_agenda_item_column_notes (item, HEL_BOARD_NEEDS);
  g_assert_cmpuint (worries->len, ==, 2);
  g_assert_cmpstr (((HelBoardNote *) worries->pdata[0])->text, ==, "C");
  g_assert_cmpstr (((HelBoardNote *) worries->pdata[1])->text, ==, "B");
  g_assert_cmpuint (needs->len, ==, 2);
  g_assert_cmpstr (((HelBoardNote *) needs->pdata[0])->text, ==, "A");
  g_assert_cmpstr (((HelBoardNote *) needs->pdata[1])->text, ==, "X");
  /* The note keeps its author and time when it moves. */
  g_assert_cmpstr (((HelBoardNote *) needs->pdata[0])->created, ==, a->created);
}

static void
test_carry_over (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) first = make_meeting (f, "2025-03-04");
  HelMeetingData *d = hel_meeting_data (first);
  HelAgendaItem *testrup = d->items->pdata[0];
  HelAgendaItem *ulvebaek = d->items->pdata[1];
  g_autoptr(HelAgreement) done = add_agreement (f, testrup->id, "Klaret", "2025-03-10");
  g_autoptr(HelAgreement) open = add_agreement (f, ulvebaek->id, "Book møde med skolen",
                                                "2025-03-15");
  g_autoptr(HelMeeting) second = hel_meeting_new ();
  HelMeetingData *d2 = hel_meeting_data (second);
  g_autoptr(HelMeeting) loaded = NULL;
  g_autoptr(HelMeeting) first_again = NULL;
  g_autofree char *last = NULL;
  g_autofree char *proposed = NULL;
  HelAgendaItem *front;
  HelAgreement *carried;

  g_assert_true (hel_store_set_agreement_done (f->store, done->id, TRUE, &error));
  g_assert_no_error (error);

  last = hel_store_last_meeting_date (f->store, hel_team_get_id (f->team), HEL_MEETING_TEAM, &error);
  g_assert_cmpstr (last, ==, "2025-03-04");
  proposed = hel_meeting_propose_date (HEL_MEETING_TEAM, last, "2025-03-05");
  g_assert_cmpstr (proposed, ==, "2025-03-18");

  d2->kind = HEL_MEETING_TEAM;
  d2->team_id = hel_team_get_id (f->team);
  d2->date = g_strdup (proposed);
  g_assert_true (hel_store_create_meeting (f->store, second, HEL_MEETING_CREATE_CARRY_OVER, &error));
  g_assert_no_error (error);

  loaded = reload (f, d2->id);
  /* The family with an open agreement is followed up first, its agreement carried along. */
  g_assert_cmpuint (hel_meeting_data (loaded)->items->len, ==, 2);
  front = hel_meeting_data (loaded)->items->pdata[0];
  g_assert_cmpint (front->family_id, ==, hel_family_get_id (f->other));
  g_assert_cmpuint (front->agreements->len, ==, 1);
  carried = front->agreements->pdata[0];
  g_assert_true (carried->carried);
  g_assert_cmpint (carried->id, ==, open->id);
  g_assert_cmpstr (carried->agreed_on, ==, "2025-03-04");
  /* The done one stays behind. */
  g_assert_cmpuint (((HelAgendaItem *) hel_meeting_data (loaded)->items->pdata[1])->agreements->len,
                    ==, 0);
  /* The same caseworkers come along. */
  g_assert_cmpuint (hel_meeting_data (loaded)->participants->len, ==, 2);

  /* One object: done at the second meeting is done where it was agreed. */
  g_assert_true (hel_store_set_agreement_done (f->store, open->id, TRUE, &error));
  g_assert_no_error (error);
  first_again = reload (f, d->id);
  g_assert_true (((HelAgreement *) ((HelAgendaItem *) hel_meeting_data (first_again)->items->pdata[1])
                  ->agreements->pdata[0])->done);
}

static void
test_plan_link (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  HelAgendaItem *item = hel_meeting_data (meeting)->items->pdata[0];
  g_autoptr(HelAgreement) a = add_agreement (f, item->id, "Mette ringer til jobcentret",
                                             "2025-03-20");
  g_autoptr(HelPlan) plan = NULL;
  g_autoptr(HelMeeting) loaded = NULL;
  HelStep *step;
  HelAgreement *la;
  gint64 step_id = 0;

  g_assert_true (hel_store_link_agreement (f->store, a->id, f->subgoal_id, &step_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (step_id, >, 0);
  /* Only once. */
  g_assert_false (hel_store_link_agreement (f->store, a->id, f->subgoal_id, NULL, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* It is a step of the plan now, with the agreement's text, owner and deadline. */
  plan = hel_store_load_plan (f->store, hel_family_get_id (f->family), &error);
  step = hel_plan_find_step (plan, step_id, NULL);
  g_assert_nonnull (step);
  g_assert_cmpstr (step->what, ==, "Mette ringer til jobcentret");
  g_assert_cmpstr (step->due, ==, "2025-03-20");
  g_assert_cmpint (step->owner_kind, ==, HEL_OWNER_CASEWORKER);
  g_assert_false (step->done);

  /* Done in the plan is done on the board. */
  step->done = TRUE;
  step->done_date = g_strdup ("2025-03-10");
  g_assert_true (hel_store_save_step (f->store, f->subgoal_id, step, &error));
  g_assert_no_error (error);
  loaded = reload (f, hel_meeting_data (meeting)->id);
  la = ((HelAgendaItem *) hel_meeting_data (loaded)->items->pdata[0])->agreements->pdata[0];
  g_assert_cmpint (la->step_id, ==, step_id);
  g_assert_true (la->done);
  g_clear_pointer (&loaded, hel_meeting_unref);

  /* Not done on the board, and a new wording: the plan shows both. */
  g_assert_true (hel_store_set_agreement_done (f->store, a->id, FALSE, &error));
  g_free (a->what);
  a->what = g_strdup ("Mette ringer selv til jobcentret");
  a->done = FALSE;
  g_assert_true (hel_store_save_agreement (f->store, item->id, a, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, hel_plan_unref);
  plan = hel_store_load_plan (f->store, hel_family_get_id (f->family), &error);
  step = hel_plan_find_step (plan, step_id, NULL);
  g_assert_false (step->done);
  g_assert_cmpstr (step->what, ==, "Mette ringer selv til jobcentret");
  g_assert_true (hel_store_set_agreement_done (f->store, a->id, TRUE, &error));
  g_clear_pointer (&plan, hel_plan_unref);
  plan = hel_store_load_plan (f->store, hel_family_get_id (f->family), &error);
  g_assert_true (hel_plan_find_step (plan, step_id, NULL)->done);

  /* The step leaves the plan (unlinked, or its small goal deleted): the agreement stays whole. */
  g_assert_true (hel_store_unlink_agreement (f->store, a->id, &error));
  g_assert_no_error (error);
  loaded = reload (f, hel_meeting_data (meeting)->id);
  la = ((HelAgendaItem *) hel_meeting_data (loaded)->items->pdata[0])->agreements->pdata[0];
  g_assert_cmpint (la->step_id, ==, 0);
  g_assert_cmpstr (la->what, ==, "Mette ringer selv til jobcentret");
  g_assert_cmpstr (la->due, ==, "2025-03-20");
  g_assert_true (la->done);
  g_clear_pointer (&loaded, hel_meeting_unref);

  g_assert_true (hel_store_link_agreement (f->store, a->id, f->subgoal_id, &step_id, &error));
  g_assert_true (hel_store_delete_subgoal (f->store, f->subgoal_id, &error));
  g_assert_no_error (error);
  loaded = reload (f, hel_meeting_data (meeting)->id);
  la = ((HelAgendaItem *) hel_meeting_data (loaded)->items->pdata[0])->agreements->pdata[0];
  g_assert_cmpint (la->step_id, ==, 0);
  g_assert_cmpstr (la->what, ==, "Mette ringer selv til jobcentret");

  /* Another family's small goal is refused. */
  {
    g_autoptr(HelGoal) goal = hel_goal_new ("Andet mål");
    g_autoptr(HelSubgoal) sg = hel_subgoal_new ("Andet delmål");

    g_assert_true (hel_store_save_goal (f->store, hel_family_get_id (f->other), goal, &error));
    sg->goal_id = goal->id;
    g_assert_true (hel_store_save_subgoal (f->store, sg, &error));
    g_assert_false (hel_store_link_agreement (f->store, a->id, sg->id, NULL, &error));
    g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  }
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  HelMeetingData *d = hel_meeting_data (meeting);
  gint64 item_id = ((HelAgendaItem *) d->items->pdata[0])->id;
  g_autoptr(HelBoardNote) empty = hel_board_note_new (HEL_BOARD_WORRIES, "   ");
  g_autoptr(HelAgreement) bad_date = hel_agreement_new ("Noget");
  g_autoptr(HelAgreement) no_text = hel_agreement_new ("");
  g_autoptr(HelParticipant) nameless = hel_participant_new (0, " ", "Mentor", HEL_DISCIPLINE_OTHER);
  g_autoptr(HelMeeting) bad_time = hel_meeting_new ();
  g_autoptr(HelMeeting) after = NULL;

  g_assert_false (hel_store_save_note (f->store, item_id, empty, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  bad_date->due = g_strdup ("2025-02-30");
  g_assert_false (hel_store_save_agreement (f->store, item_id, bad_date, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hel_store_save_agreement (f->store, item_id, no_text, &error));
  g_clear_error (&error);
  g_assert_false (hel_store_add_participant (f->store, d->id, nameless, &error));
  g_clear_error (&error);
  g_assert_false (hel_store_set_agenda_minutes (f->store, item_id, 0, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hel_store_add_agenda_item (f->store, d->id, hel_family_get_id (f->family), 8,
                                             NULL, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hel_store_set_scale (f->store, item_id,
                                       ((HelParticipant *) d->participants->pdata[0])->id, 11,
                                       &error));
  g_clear_error (&error);

  hel_meeting_data (bad_time)->date = g_strdup ("2025-03-18");
  hel_meeting_data (bad_time)->time = g_strdup ("25:00");
  g_assert_false (hel_store_create_meeting (f->store, bad_time, 0, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_assert_cmpint (hel_meeting_data (bad_time)->id, ==, 0);
  g_clear_error (&error);

  /* Nothing of that was written. */
  after = reload (f, d->id);
  g_assert_cmpuint (((HelAgendaItem *) hel_meeting_data (after)->items->pdata[0])->notes->len, ==, 0);
  g_assert_cmpuint (((HelAgendaItem *) hel_meeting_data (after)->items->pdata[0])->agreements->len,
                    ==, 0);
  g_assert_cmpuint (hel_meeting_data (after)->participants->len, ==, 2);
  {
    g_autoptr(GPtrArray) list = hel_store_list_meetings (f->store, &error);
    g_assert_cmpuint (list->len, ==, 1);
  }
}

static void
test_guest_leaves (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  HelMeetingData *d = hel_meeting_data (meeting);
  gint64 item_id = ((HelAgendaItem *) d->items->pdata[0])->id;
  g_autoptr(HelParticipant) guest = hel_participant_new (0, "Lise Mentorsen", "Mentor",
                                                         HEL_DISCIPLINE_SCHOOL);
  g_autoptr(HelBoardNote) note = NULL;
  g_autoptr(HelMeeting) loaded = NULL;
  HelParticipant *p;

  g_assert_true (hel_store_add_participant (f->store, d->id, guest, &error));
  note = add_note (f, item_id, HEL_BOARD_WORKING_WELL, "Gode aftaler med skolen", guest->id);
  g_assert_cmpint (note->discipline, ==, HEL_DISCIPLINE_SCHOOL);
  g_assert_true (hel_store_set_participant_removed (f->store, guest->id, TRUE, &error));
  g_assert_no_error (error);
  loaded = reload (f, d->id);
  p = hel_meeting_find_participant (loaded, guest->id);
  g_assert_true (p->removed);
  {
    HelBoardNote *kept = hel_meeting_find_note (loaded, ((HelBoardNote *) ((HelAgendaItem *)
                                                   hel_meeting_data (loaded)->items->pdata[0])
                                                   ->notes->pdata[0])->id, NULL);
    g_assert_cmpstr (kept->author_name, ==, "Lise Mentorsen");
    g_assert_cmpint (kept->author_id, ==, guest->id);
  }
}

static void
test_open_agreements (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  HelMeetingData *d = hel_meeting_data (meeting);
  gint64 item1 = ((HelAgendaItem *) d->items->pdata[0])->id;
  gint64 item2 = ((HelAgendaItem *) d->items->pdata[1])->id;
  g_autoptr(HelAgreement) late = add_agreement (f, item2, "Sen", "2025-04-01");
  g_autoptr(HelAgreement) early = add_agreement (f, item1, "Tidlig", "2025-03-10");
  g_autoptr(HelAgreement) lone = hel_agreement_new ("Lone gør noget");
  g_autoptr(HelAgreement) draft = hel_agreement_new ("Kladde");
  g_autoptr(HelAgreement) closed = add_agreement (f, item1, "Lukket", "2025-03-01");
  g_autoptr(GPtrArray) list = NULL;
  HelOpenAgreement *o;

  lone->owner_kind = HEL_OWNER_CASEWORKER;
  lone->owner_caseworker_id = hel_caseworker_get_id (f->family_group);
  lone->due = g_strdup ("2025-03-05");
  g_assert_true (hel_store_save_agreement (f->store, item1, lone, &error));
  g_assert_true (hel_store_save_agreement (f->store, item2, draft, &error));
  g_assert_true (hel_store_set_agreement_done (f->store, closed->id, TRUE, &error));
  g_assert_no_error (error);

  list = hel_store_list_open_agreements (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  /* By owner (Hanne before Lone), then deadline; no owner last. */
  o = list->pdata[0];
  g_assert_cmpstr (o->agreement->what, ==, "Tidlig");
  g_assert_cmpstr (o->family_name, ==, "Familien Testrup");
  g_assert_cmpint (hel_agreement_due_state (o->agreement, "2025-03-20"), ==, HEL_DUE_OVERDUE);
  g_assert_cmpstr (((HelOpenAgreement *) list->pdata[1])->agreement->what, ==, "Sen");
  g_assert_cmpint (hel_agreement_due_state (((HelOpenAgreement *) list->pdata[1])->agreement,
                                            "2025-03-20"), !=, HEL_DUE_OVERDUE);
  g_assert_cmpstr (((HelOpenAgreement *) list->pdata[2])->agreement->what, ==, "Lone gør noget");
  g_assert_cmpstr (((HelOpenAgreement *) list->pdata[3])->agreement->what, ==, "Kladde");
  g_assert_null (((HelOpenAgreement *) list->pdata[3])->agreement->owner_label);
  (void) late;
  (void) early;
}

static void
test_privacy_names (void)
{
  static const struct { const char *full; HelPrivacy privacy; const char *shown; } cases[] = {
    { "Mette Testrup", HEL_PRIVACY_FULL_NAMES, "Mette Testrup" },
    { "Mette Testrup", HEL_PRIVACY_FIRST_NAMES, "Mette" },
    { "Mette Testrup", HEL_PRIVACY_INITIALS, "MT" },
    { "Anne-Marie  Ulvebæk Ølund", HEL_PRIVACY_INITIALS, "AMUØ" },
    { "  Ærø ", HEL_PRIVACY_FIRST_NAMES, "Ærø" },
    { "", HEL_PRIVACY_INITIALS, "" },
  };
  static const struct { const char *full; HelPrivacy privacy; const char *shown; } families[] = {
    { "Familien Testrup", HEL_PRIVACY_FULL_NAMES, "Familien Testrup" },
    { "Familien Testrup", HEL_PRIVACY_FIRST_NAMES, "Familien T." },
    { "Familien Ålekær", HEL_PRIVACY_INITIALS, "Familien Å." },
    { "Hansen", HEL_PRIVACY_INITIALS, "H." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = hel_privacy_person_name (cases[i].full, cases[i].privacy);
      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_autofree char *shown = hel_privacy_family_name (families[i].full, families[i].privacy);
      g_assert_cmpstr (shown, ==, families[i].shown);
    }
}

static void
test_rhythm_and_time (void)
{
  static const struct { HelMeetingKind kind; const char *last, *today, *next; } dates[] = {
    { HEL_MEETING_TEAM, "2025-03-04", "2025-03-05", "2025-03-18" },
    { HEL_MEETING_TEAM, "2025-03-04", "2025-03-18", "2025-03-18" },
    /* A skipped meeting keeps the rhythm: the next Tuesday in step. */
    { HEL_MEETING_TEAM, "2025-03-04", "2025-03-20", "2025-04-01" },
    { HEL_MEETING_PROJECT_GROUP, "2025-03-04", "2025-03-05", "2025-04-01" },
    { HEL_MEETING_TEAM, NULL, "2025-03-05", "2025-03-05" },
  };
  static const struct { const char *text; const char *time; } times[] = {
    { "9:30", "09:30" }, { "09.30", "09:30" }, { " 14:05 ", "14:05" }, { "24:00", NULL },
    { "9:3", NULL }, { "930", NULL }, { "", NULL }, { "12:60", NULL }, { "123:00", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *next = hel_meeting_propose_date (dates[i].kind, dates[i].last, dates[i].today);
      g_assert_cmpstr (next, ==, dates[i].next);
    }
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *time = NULL;
      g_assert_cmpint (hel_board_time_parse (times[i].text, &time), ==, times[i].time != NULL);
      g_assert_cmpstr (time, ==, times[i].time);
    }
}

static void
test_json_rejects (void)
{
  static const char * const bad[] = {
    "{\"id\":1,\"kind\":\"weekly\",\"team_id\":0,\"date\":\"2025-01-01\",\"time\":null,"
    "\"created\":\"x\",\"participants\":[],\"agenda\":[]}",
    "{\"id\":1,\"kind\":\"team\",\"team_id\":0,\"date\":\"2025-13-01\",\"time\":null,"
    "\"created\":\"x\",\"participants\":[],\"agenda\":[]}",
    "{\"id\":1,\"kind\":\"team\",\"team_id\":0,\"date\":\"2025-01-01\",\"time\":null,"
    "\"created\":\"x\",\"participants\":[],\"agenda\":[{\"id\":1,\"family_id\":1,\"minutes\":0,"
    "\"position\":0,\"notes\":[],\"strokes\":[],\"scales\":[],\"agreements\":[],\"carried\":[]}]}",
    "[]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(HelMeeting) meeting = NULL;

      g_assert_true (json_parser_load_from_data (parser, bad[i], -1, NULL));
      meeting = hel_meeting_from_json (json_parser_get_root (parser), &error);
      g_assert_null (meeting);
      g_assert_nonnull (error);
    }
}

static void
count_change_cb (HelStore *store,
                 gint64    id,
                 guint    *count)
{
  (*count)++;
}

/* A note dropped on Agreements: one transaction makes it an agreement (its text, its author
 * as owner, a draft) and takes the note away; restoring the meeting before it is the undo. */
static void
test_note_to_agreement (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  HelMeetingData *d = hel_meeting_data (meeting);
  HelAgendaItem *item = d->items->pdata[0];
  HelParticipant *hanne = participant_of (meeting, f->job);
  g_autoptr(HelParticipant) guest = hel_participant_new (0, "Lise Mentorsen", "Mentor",
                                                         HEL_DISCIPLINE_OTHER);
  g_autoptr(HelBoardNote) by_hanne = NULL, by_guest = NULL, anonymous = NULL;
  g_autoptr(HelMeeting) before = NULL;
  g_autoptr(HelMeeting) after = NULL;
  g_autoptr(HelMeeting) undone = NULL;
  HelAgreement *a;
  gint64 agreement_id = 0, guest_agreement = 0, anonymous_agreement = 0;
  guint changes = 0;
  gulong handler;

  g_assert_true (hel_store_add_participant (f->store, d->id, guest, &error));
  by_hanne = add_note (f, item->id, HEL_BOARD_NEEDS, "Ring til skolen om fraværet", hanne->id);
  by_guest = add_note (f, item->id, HEL_BOARD_WORRIES, "Praktikken er usikker", guest->id);
  anonymous = add_note (f, item->id, HEL_BOARD_NEEDS, "Mere ro om morgenen", 0);
  before = reload (f, d->id);

  handler = g_signal_connect (f->store, "changed::meeting", G_CALLBACK (count_change_cb), &changes);
  g_assert_true (hel_store_convert_note_to_agreement (f->store, by_hanne->id, &agreement_id, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->store, handler);
  g_assert_cmpuint (changes, >=, 1);
  g_assert_cmpint (agreement_id, >, 0);

  after = reload (f, d->id);
  g_assert_false (hel_meeting_equal (before, after));
  g_assert_null (hel_meeting_find_note (after, by_hanne->id, NULL));
  a = hel_meeting_find_agreement (after, agreement_id, NULL);
  g_assert_nonnull (a);
  g_assert_cmpint (a->item_id, ==, item->id);
  g_assert_cmpstr (a->what, ==, "Ring til skolen om fraværet");
  g_assert_cmpint (a->owner_kind, ==, HEL_OWNER_CASEWORKER);
  g_assert_cmpint (a->owner_caseworker_id, ==, hel_caseworker_get_id (f->job));
  g_assert_cmpstr (a->owner_label, ==, "Hanne Lindeskov");
  g_assert_null (a->due);
  g_assert_false (a->done);
  g_assert_false (hel_agreement_is_complete (a));

  /* A guest's note: the guest by name. A note without a known author: no owner yet. */
  g_assert_true (hel_store_convert_note_to_agreement (f->store, by_guest->id, &guest_agreement,
                                                      &error));
  g_assert_true (hel_store_convert_note_to_agreement (f->store, anonymous->id, &anonymous_agreement,
                                                      &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, hel_meeting_unref);
  after = reload (f, d->id);
  a = hel_meeting_find_agreement (after, guest_agreement, NULL);
  g_assert_cmpint (a->owner_kind, ==, HEL_OWNER_EXTERNAL);
  g_assert_cmpstr (a->owner_name, ==, "Lise Mentorsen");
  a = hel_meeting_find_agreement (after, anonymous_agreement, NULL);
  g_assert_cmpint (a->owner_kind, ==, HEL_OWNER_NONE);
  g_assert_cmpuint (((HelAgendaItem *) hel_meeting_data (after)->items->pdata[0])->notes->len, ==, 0);

  /* A note that is gone: refused, nothing written. */
  g_assert_false (hel_store_convert_note_to_agreement (f->store, by_hanne->id, NULL, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&undone, hel_meeting_unref);
  undone = reload (f, d->id);
  g_assert_true (hel_meeting_equal (undone, after));

  /* Undo: the meeting as it was, the notes with their ids, authors and places. */
  g_assert_true (hel_store_restore_meeting (f->store, before, &error));
  g_assert_no_error (error);
  g_clear_pointer (&undone, hel_meeting_unref);
  undone = reload (f, d->id);
  g_assert_true (hel_meeting_equal (undone, before));
  g_assert_null (hel_meeting_find_agreement (undone, agreement_id, NULL));
  g_assert_cmpint (hel_meeting_find_note (undone, by_hanne->id, NULL)->author_id, ==, hanne->id);
}

/* A note keeps its author and time; changing the author (a caseworker, a guest, nobody) takes
 * their name and discipline, in one transaction, and undo brings the first author back. */
static void
test_note_author (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  HelMeetingData *d = hel_meeting_data (meeting);
  HelAgendaItem *item = d->items->pdata[0];
  HelParticipant *hanne = participant_of (meeting, f->job);
  HelParticipant *lone = participant_of (meeting, f->family_group);
  g_autoptr(HelParticipant) guest = hel_participant_new (0, "Lise Mentorsen", "Mentor",
                                                         HEL_DISCIPLINE_SCHOOL);
  g_autoptr(HelMeeting) other = make_meeting (f, "2025-03-18");
  g_autoptr(HelBoardNote) note = NULL;
  g_autoptr(HelMeeting) before = NULL;
  g_autoptr(HelMeeting) loaded = NULL;
  g_autofree char *created = NULL;
  HelBoardNote *kept;
  guint changes = 0;
  gulong handler;

  g_assert_true (hel_store_add_participant (f->store, d->id, guest, &error));
  g_assert_no_error (error);
  note = add_note (f, item->id, HEL_BOARD_WORRIES, "Mor sover dårligt", hanne->id);
  g_assert_cmpstr (note->author_name, ==, "Hanne Lindeskov");
  g_assert_cmpint (note->discipline, ==, HEL_DISCIPLINE_JOB_CENTRE);
  g_assert_nonnull (note->created);
  created = g_strdup (note->created);
  loaded = reload (f, d->id);
  kept = hel_meeting_find_note (loaded, note->id, NULL);
  g_assert_cmpint (kept->author_id, ==, hanne->id);
  g_assert_cmpstr (kept->author_name, ==, "Hanne Lindeskov");
  g_assert_cmpint (kept->discipline, ==, HEL_DISCIPLINE_JOB_CENTRE);
  g_assert_cmpstr (kept->created, ==, created);
  before = g_steal_pointer (&loaded);

  /* Another caseworker: her name and the family group's colour; the time stays. */
  note->author_id = lone->id;
  handler = g_signal_connect (f->store, "changed::meeting", G_CALLBACK (count_change_cb), &changes);
  g_assert_true (hel_store_save_note (f->store, item->id, note, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->store, handler);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (note->author_name, ==, "Lone Skrænting");
  g_assert_cmpint (note->discipline, ==, HEL_DISCIPLINE_FAMILY_GROUP);
  loaded = reload (f, d->id);
  kept = hel_meeting_find_note (loaded, note->id, NULL);
  g_assert_cmpint (kept->author_id, ==, lone->id);
  g_assert_cmpstr (kept->author_name, ==, "Lone Skrænting");
  g_assert_cmpint (kept->discipline, ==, HEL_DISCIPLINE_FAMILY_GROUP);
  g_assert_cmpstr (kept->created, ==, created);
  g_assert_cmpstr (kept->text, ==, "Mor sover dårligt");
  g_clear_pointer (&loaded, hel_meeting_unref);

  /* A guest: by name, in the discipline chosen for them. */
  note->author_id = guest->id;
  g_assert_true (hel_store_save_note (f->store, item->id, note, &error));
  g_assert_no_error (error);
  loaded = reload (f, d->id);
  kept = hel_meeting_find_note (loaded, note->id, NULL);
  g_assert_cmpint (kept->author_id, ==, guest->id);
  g_assert_cmpstr (kept->author_name, ==, "Lise Mentorsen");
  g_assert_cmpint (kept->discipline, ==, HEL_DISCIPLINE_SCHOOL);
  g_clear_pointer (&loaded, hel_meeting_unref);

  /* The same author again with new text: the author stays as written, even after the
   * guest left the meeting. */
  g_assert_true (hel_store_set_participant_removed (f->store, guest->id, TRUE, &error));
  g_free (note->text);
  note->text = g_strdup ("Mor sover dårligt, og far arbejder om natten");
  g_assert_true (hel_store_save_note (f->store, item->id, note, &error));
  g_assert_no_error (error);
  loaded = reload (f, d->id);
  kept = hel_meeting_find_note (loaded, note->id, NULL);
  g_assert_cmpint (kept->author_id, ==, guest->id);
  g_assert_cmpstr (kept->author_name, ==, "Lise Mentorsen");
  g_assert_cmpint (kept->discipline, ==, HEL_DISCIPLINE_SCHOOL);
  g_clear_pointer (&loaded, hel_meeting_unref);

  /* Someone from another meeting is refused; nothing is written. */
  note->author_id = participant_of (other, f->job)->id;
  g_assert_false (hel_store_save_note (f->store, item->id, note, &error));
  g_assert_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  loaded = reload (f, d->id);
  kept = hel_meeting_find_note (loaded, note->id, NULL);
  g_assert_cmpint (kept->author_id, ==, guest->id);
  g_assert_cmpstr (kept->text, ==, "Mor sover dårligt, og far arbejder om natten");
  g_clear_pointer (&loaded, hel_meeting_unref);

  /* Nobody: no name, the colour of "other". */
  note->author_id = 0;
  g_assert_true (hel_store_save_note (f->store, item->id, note, &error));
  g_assert_no_error (error);
  loaded = reload (f, d->id);
  kept = hel_meeting_find_note (loaded, note->id, NULL);
  g_assert_cmpint (kept->author_id, ==, 0);
  g_assert_null (kept->author_name);
  g_assert_cmpint (kept->discipline, ==, HEL_DISCIPLINE_OTHER);
  g_clear_pointer (&loaded, hel_meeting_unref);

  /* Undo: Hanne wrote it, in the job centre's colour. */
  g_assert_true (hel_store_restore_meeting (f->store, before, &error));
  g_assert_no_error (error);
  loaded = reload (f, d->id);
  kept = hel_meeting_find_note (loaded, note->id, NULL);
  g_assert_cmpint (kept->author_id, ==, hanne->id);
  g_assert_cmpstr (kept->author_name, ==, "Hanne Lindeskov");
  g_assert_cmpint (kept->discipline, ==, HEL_DISCIPLINE_JOB_CENTRE);
}

/* Each edit of a meeting's part that is gone names what is gone, and none leaves a
 * transaction open or a change behind. */
static void
test_gone (Fixture       *f,
           gconstpointer  data)
{
  static const char * const expected[] = {
    "The meeting no longer exists.",
    "The meeting no longer exists.",
    "The family is no longer on the agenda.",
    "The family is no longer on the agenda.",
    "The family is no longer on the agenda.",
    "The note no longer exists.",
    "The note no longer exists.",
    "The pen stroke no longer exists.",
    "The participant is no longer in the meeting.",
    "The agreement no longer exists.",
    "The agreement no longer exists.",
    "The agreement no longer exists.",
    "The agreement no longer exists.",
  };
  g_autoptr(HelMeeting) meeting = make_meeting (f, "2025-03-04");
  g_autoptr(HelParticipant) guest = hel_participant_new (0, "Gæst", NULL, HEL_DISCIPLINE_OTHER);
  g_autoptr(HelAgreement) agreement = hel_agreement_new ("Ring til skolen");
  g_autoptr(HelStore) other = NULL;
  g_autoptr(HelMeeting) seen = NULL;
  GError *errors[G_N_ELEMENTS (expected)] = { NULL };
  const gint64 gone = 9999;
  HelAgendaItem *item = hel_meeting_data (meeting)->items->pdata[0];
  guint changes = 0, i = 0;
  gulong handler;

  handler = g_signal_connect (f->store, "changed::meeting", G_CALLBACK (count_change_cb), &changes);
  g_assert_false (hel_store_delete_meeting (f->store, gone, &errors[i++]));
  g_assert_false (hel_store_add_participant (f->store, gone, guest, &errors[i++]));
  g_assert_false (hel_store_set_agenda_minutes (f->store, gone, 10, &errors[i++]));
  g_assert_false (hel_store_move_agenda_item (f->store, gone, 0, &errors[i++]));
  g_assert_false (hel_store_save_agreement (f->store, gone, agreement, &errors[i++]));
  g_assert_false (hel_store_move_note (f->store, gone, HEL_BOARD_NEEDS, 0, &errors[i++]));
  g_assert_false (hel_store_delete_note (f->store, gone, &errors[i++]));
  g_assert_false (hel_store_delete_stroke (f->store, gone, &errors[i++]));
  g_assert_false (hel_store_set_participant_removed (f->store, gone, TRUE, &errors[i++]));
  g_assert_false (hel_store_set_agreement_done (f->store, gone, TRUE, &errors[i++]));
  g_assert_false (hel_store_link_agreement (f->store, gone, f->subgoal_id, NULL, &errors[i++]));
  g_assert_false (hel_store_unlink_agreement (f->store, gone, &errors[i++]));
  g_assert_false (hel_store_delete_agreement (f->store, gone, &errors[i++]));
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_error (errors[i], HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
      g_assert_cmpstr (errors[i]->message, ==, expected[i]);
      g_clear_error (&errors[i]);
    }
  g_assert_cmpuint (changes, ==, 0);

  /* The next edit commits on its own: another connection sees it at once. */
  g_assert_true (hel_store_remove_agenda_item (f->store, item->id, errors));
  g_assert_no_error (errors[0]);
  g_assert_cmpuint (changes, ==, 1);
  g_signal_handler_disconnect (f->store, handler);
  other = hel_store_open (f->path, HEL_STORE_OPEN_DEFAULT, errors);
  g_assert_no_error (errors[0]);
  seen = hel_store_load_meeting (other, hel_meeting_data (meeting)->id, errors);
  g_assert_no_error (errors[0]);
  g_assert_cmpuint (hel_meeting_data (seen)->items->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/board/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("store/round-trip", test_round_trip);
  ADD ("store/json-export", test_json_export);
  ADD ("notes/move", test_move_notes);
  ADD ("agreements/carry-over", test_carry_over);
  ADD ("agreements/plan-link", test_plan_link);
  ADD ("agreements/open-list", test_open_agreements);
  ADD ("bad-input", test_bad_input);
  ADD ("participants/guest-leaves", test_guest_leaves);
  ADD ("notes/to-agreement", test_note_to_agreement);
  ADD ("notes/author", test_note_author);
  ADD ("store/gone", test_gone);
#undef ADD
  g_test_add_func ("/board/privacy/names", test_privacy_names);
  g_test_add_func ("/board/rhythm-and-time", test_rhythm_and_time);
  g_test_add_func ("/board/json/rejects", test_json_rejects);
  return g_test_run ();
}
