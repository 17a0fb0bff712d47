/* test-json-read.c: the plan and meeting formats name the place of a problem, however deep. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "hel-board.h"
#include "hel-json-read.h"
#include "hel-plan.h"

/* A changed copy of a good document: @member of the object at @path ("goals/0/subgoals/0",
 * "" for the top) becomes @json, or goes when @json is NULL. */
typedef struct {
  const char *path;
  const char *member;
  const char *json;
  const char *message;
} Change;

static JsonNode *
node_at (JsonNode   *root,
         const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL && *parts[i] != '\0'; i++)
    node = JSON_NODE_HOLDS_ARRAY (node)
           ? json_array_get_element (json_node_get_array (node), (guint) atoi (parts[i]))
           : json_object_get_member (json_node_get_object (node), parts[i]);
  return node;
}

static JsonNode *
apply_change (JsonNode     *good,
              const Change *change)
{
  /* json_node_copy () shares the objects inside; the text makes a copy of its own. */
  g_autofree char *text = json_to_string (good, FALSE);
  JsonNode *copy = json_from_string (text, NULL);
  JsonObject *o = json_node_get_object (node_at (copy, change->path));

  if (change->json == NULL)
    json_object_remove_member (o, change->member);
  else
    json_object_set_member (o, change->member, json_from_string (change->json, NULL));
  return copy;
}

static char *
to_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* Reads a document and writes it again; NULL when reading fails. */
typedef JsonNode *(*ReadAgain) (JsonNode *node, GError **error);

static JsonNode *
plan_again (JsonNode  *node,
            GError   **error)
{
  g_autoptr(HelPlan) plan = hel_plan_from_json (node, error);

  return plan ? hel_plan_to_json (plan) : NULL;
}

static JsonNode *
meeting_again (JsonNode  *node,
               GError   **error)
{
  g_autoptr(HelMeeting) meeting = hel_meeting_from_json (node, error);

  return meeting ? hel_meeting_to_json (meeting) : NULL;
}

/* @good reads back to itself; each change of it fails with its message. */
static void
check_reading (JsonNode     *good,
               ReadAgain     read_again,
               const Change *changes,
               guint         n_changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) again = read_again (good, &error);
  g_autofree char *text = to_text (good);
  g_autofree char *again_text = NULL;

  g_assert_no_error (error);
  again_text = to_text (again);
  g_assert_cmpstr (again_text, ==, text);

  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(JsonNode) bad = apply_change (good, &changes[i]);
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(JsonNode) read = read_again (bad, &bad_error);

      g_assert_null (read);
      g_assert_error (bad_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (bad_error->message, ==, changes[i].message);
    }
}

static HelPlan *
make_plan (void)
{
  HelPlan *plan = hel_plan_new (1);
  HelPlanData *data = hel_plan_data (plan);
  HelGoal *goal = hel_goal_new ("Bo for sig selv");
  HelSubgoal *sg = hel_subgoal_new ("Skriv et CV");
  gint64 member_id = 7;

  g_hash_table_insert (data->member_wishes, g_memdup2 (&member_id, sizeof member_id),
                       g_strdup ("Et job"));
  goal->id = 1;
  goal->created = g_strdup ("2025-02-01");
  sg->id = 2;
  sg->goal_id = 1;
  sg->created = g_strdup ("2025-02-01");
  sg->scale = 4;
  g_array_append_val (sg->owners, member_id);
  g_ptr_array_add (sg->steps, hel_step_new ("Find en skabelon"));
  g_ptr_array_add (sg->steps, hel_step_new ("Skriv første udkast"));
  g_ptr_array_add (sg->followups, hel_followup_new ("2025-02-03", "Godt i gang", "Anne"));
  g_ptr_array_add (sg->scale_history, hel_scale_entry_new (4, "Anne", "2025-02-03T10:00:00Z"));
  g_ptr_array_add (goal->subgoals, sg);
  g_ptr_array_add (data->goals, goal);
  return plan;
}

static void
test_plan_paths (void)
{
  static const Change changes[] = {
    { "", "member_wishes", "[{\"member_id\": 0, \"text\": \"x\"}]",
      "member_wishes[0].member_id: is out of range" },
    { "goals/0", "title", NULL, "goals[0].title: is missing" },
    { "goals/0", "subgoals", "{}", "goals[0].subgoals: must be a list" },
    { "goals/0/subgoals/0/steps/1", "what", NULL,
      "goals[0].subgoals[0].steps[1].what: is missing" },
    { "goals/0/subgoals/0", "steps", "[5]", "goals[0].subgoals[0].steps[0]: must be an object" },
    { "goals/0/subgoals/0/followups/0", "date", "\"2025-02-30\"",
      "goals[0].subgoals[0].followups[0].date: is not a date (YYYY-MM-DD)" },
    { "goals/0/subgoals/0/scale_history/0", "value", "11",
      "goals[0].subgoals[0].scale_history[0].value: is out of range" },
  };
  g_autoptr(HelPlan) plan = make_plan ();
  g_autoptr(JsonNode) good = hel_plan_to_json (plan);

  check_reading (good, plan_again, changes, G_N_ELEMENTS (changes));
}

static HelMeeting *
make_meeting (void)
{
  HelMeeting *meeting = hel_meeting_new ();
  HelMeetingData *d = hel_meeting_data (meeting);
  HelAgendaItem *item = hel_agenda_item_new (3);
  HelBoardStroke *stroke = hel_board_stroke_new (2);
  HelAgreement *agreed = hel_agreement_new ("Ring til skolen");
  HelAgreement *carried = hel_agreement_new ("Søg om bolig");
  HelBoardScale scale = { 1, 6 };

  d->id = 1;
  d->kind = HEL_MEETING_TEAM;
  d->date = g_strdup ("2025-03-04");
  d->created = g_strdup ("2025-03-01T09:00:00Z");
  g_ptr_array_add (d->participants, hel_participant_new (0, "Anne", "Mentor",
                                                         HEL_DISCIPLINE_OTHER));
  g_ptr_array_add (d->participants, hel_participant_new (0, "Bo", NULL, HEL_DISCIPLINE_OTHER));
  ((HelParticipant *) d->participants->pdata[0])->id = 1;
  ((HelParticipant *) d->participants->pdata[1])->id = 2;
  item->id = 5;
  g_ptr_array_add (item->notes, hel_board_note_new (HEL_BOARD_WORRIES, "Huslejen"));
  ((HelBoardNote *) item->notes->pdata[0])->created = g_strdup ("2025-03-04T09:10:00Z");
  hel_board_stroke_add_point (stroke, 0.25, 0.5);
  hel_board_stroke_add_point (stroke, 0.75, 0.5);
  g_ptr_array_add (item->strokes, stroke);
  g_array_append_val (item->scales, scale);
  agreed->created = g_strdup ("2025-03-04");
  agreed->item_id = item->id;
  carried->created = g_strdup ("2025-02-18");
  carried->carried = TRUE;
  g_ptr_array_add (item->agreements, carried);
  g_ptr_array_add (item->agreements, agreed);
  g_ptr_array_add (d->items, item);
  return meeting;
}

static void
test_meeting_paths (void)
{
  static const Change changes[] = {
    { "participants/1", "name", NULL, "participants[1].name: is missing" },
    { "agenda/0", "notes", "[3]", "agenda[0].notes[0]: must be an object" },
    { "agenda/0/notes/0", "column", "\"agreements\"",
      "agenda[0].notes[0].column: is not a column for notes (worries, working-well, needs)" },
    { "agenda/0/strokes/0", "points", "[0.5]",
      "agenda[0].strokes[0].points: must be pairs of numbers x, y (at least one point)" },
    { "agenda/0/strokes/0", "points", "[0.5, 2]", "agenda[0].strokes[0].points: is out of range" },
    { "agenda/0/scales/0", "value", "11", "agenda[0].scales[0].value: is out of range" },
    { "agenda/0/carried/0", "owner_kind", "\"boss\"",
      "agenda[0].carried[0].owner_kind: is not a known kind of owner" },
    { "agenda/0/agreements/0", "what", "\"\"", "agenda[0].agreements[0].what: must not be empty" },
    { "agenda/0", "agreements", "7", "agenda[0].agreements: must be a list" },
  };
  g_autoptr(HelMeeting) meeting = make_meeting ();
  g_autoptr(JsonNode) good = hel_meeting_to_json (meeting);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) again = hel_meeting_from_json (good, &error);
  HelAgendaItem *item;

  g_assert_no_error (error);
  /* Carried agreements come back carried, in their own list. */
  item = hel_meeting_data (again)->items->pdata[0];
  g_assert_cmpuint (item->agreements->len, ==, 2);
  g_assert_true (((HelAgreement *) item->agreements->pdata[0])->carried);
  g_assert_false (((HelAgreement *) item->agreements->pdata[1])->carried);
  check_reading (good, meeting_again, changes, G_N_ELEMENTS (changes));
}

/* The writers: null for missing text, numbers and truth as themselves. */
static void
test_writers (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  hel_json_add_string (b, "name", "Åse");
  hel_json_add_string (b, "role", NULL);
  hel_json_add_int (b, "id", G_GINT64_CONSTANT (9007199254740993));
  hel_json_add_bool (b, "done", TRUE);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"name\":\"Åse\",\"role\":null,\"id\":9007199254740993,\"done\":true}");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-read/plan/paths", test_plan_paths);
  g_test_add_func ("/json-read/meeting/paths", test_meeting_paths);
  g_test_add_func ("/json-read/writers", test_writers);
  return g_test_run ();
}
