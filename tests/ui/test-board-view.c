/* test-board-view.c: the Board meeting view, its whiteboard and meeting mode, driven through
 * the real widgets' actions; the time box runs on a fake clock, so nothing sleeps. */
#include "config.h"

#include "hel-store-netmap.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "helhed-resources.h"
#include "hel-board-print.h"
#include "hel-board-view-private.h"
#include "hel-ui-test.h"
#include "hel-validate.h"

typedef struct {
  char         *dir;
  HelStore     *store;
  gint64        team_id;
  gint64        testrup;
  gint64        ulvebaek;
  gint64        meeting_id;
  gint64        open_agreement;
  GtkWidget    *window;
  HelBoardView *view;
} Fixture;

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static gint64
add_family (Fixture    *f,
            const char *name,
            const char *mother)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(HelMember) member = hel_member_new ();

  hel_family_set_name (family, name);
  hel_family_set_start_date (family, "2024-01-01");
  hel_family_set_team_id (family, f->team_id);
  g_assert_true (hel_store_save_family (f->store, family, &error));
  hel_member_set_family_id (member, hel_family_get_id (family));
  hel_member_set_role (member, HEL_ROLE_MOTHER);
  hel_member_set_first_name (member, mother);
  hel_member_set_last_name (member, name + strlen ("Familien "));
  hel_member_set_cpr (member, "030385-1234");
  g_assert_true (hel_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  return hel_family_get_id (family);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelTeam) team = hel_team_new (0, "Familiegruppe Øst");
  g_autoptr(HelMeeting) meeting = hel_meeting_new ();
  g_autoptr(HelAgreement) agreement = hel_agreement_new ("Book møde med skolen");
  g_autofree char *path = NULL;
  g_autofree char *today = hel_date_today ();
  HelMeetingData *d = hel_meeting_data (meeting);
  GtkWidget *overlay;
  static const struct { const char *name; HelDiscipline discipline; } caseworkers[] = {
    { "Hanne Lindeskov", HEL_DISCIPLINE_JOB_CENTRE }, { "Lone Skrænting", HEL_DISCIPLINE_FAMILY_GROUP },
  };
  GDate date;

  f->dir = g_dir_make_tmp ("helhed-board-view-XXXXXX", &error);
  path = g_build_filename (f->dir, "helhed.db", NULL);
  f->store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (hel_store_save_team (f->store, team, &error));
  f->team_id = hel_team_get_id (team);
  for (guint i = 0; i < G_N_ELEMENTS (caseworkers); i++)
    {
      g_autoptr(HelCaseworker) cw = hel_caseworker_new ();
      hel_caseworker_set_name (cw, caseworkers[i].name);
      hel_caseworker_set_discipline (cw, caseworkers[i].discipline);
      hel_caseworker_set_team_id (cw, f->team_id);
      g_assert_true (hel_store_save_caseworker (f->store, cw, &error));
    }
  f->testrup = add_family (f, "Familien Testrup", "Mette");
  f->ulvebaek = add_family (f, "Familien Ulvebæk", "Sanne");

  /* A meeting two weeks ago with an open agreement for the second family. */
  hel_date_to_gdate (today, &date);
  g_date_subtract_days (&date, 14);
  d->kind = HEL_MEETING_TEAM;
  d->team_id = f->team_id;
  d->date = hel_date_from_gdate (&date);
  d->time = g_strdup ("09:30");
  g_ptr_array_add (d->items, hel_agenda_item_new (f->testrup));
  g_ptr_array_add (d->items, hel_agenda_item_new (f->ulvebaek));
  ((HelAgendaItem *) d->items->pdata[1])->minutes = 5;
  g_assert_true (hel_store_create_meeting (f->store, meeting, 0, &error));
  g_assert_no_error (error);
  f->meeting_id = d->id;
  agreement->owner_kind = HEL_OWNER_CASEWORKER;
  agreement->owner_caseworker_id = ((HelParticipant *) d->participants->pdata[0])->caseworker_id;
  agreement->due = g_strdup (d->date);
  g_assert_true (hel_store_save_agreement (f->store, ((HelAgendaItem *) d->items->pdata[1])->id,
                                           agreement, &error));
  g_assert_no_error (error);
  f->open_agreement = agreement->id;

  f->view = HEL_BOARD_VIEW (hel_board_view_new ());
  hel_board_view_set_store (f->view, f->store);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  f->window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->store);
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (dir, NULL, NULL);
  g_free (f->dir);
}

/* With HEL_TEST_SCREENSHOTS set, the window as drawn goes to a PNG there. */
static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("HEL_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  /* A window just resized draws at its new size in a frame or two. */
  WAIT_FOR ((w = gtk_widget_get_width (widget)) > 0 && (h = gtk_widget_get_height (widget)) > 0);
  paintable = gtk_widget_paintable_new (widget);
  WAIT_FOR ((snapshot = gtk_snapshot_new (),
             gdk_paintable_snapshot (paintable, snapshot, w, h),
             (node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot))) != NULL));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static HelMeeting *
meeting (Fixture *f)
{
  return hel_board_session_get_meeting (_hel_board_view_get_session (f->view));
}

static HelAgendaItem *
shown_item (Fixture *f)
{
  HelBoardCanvas *canvas = _hel_board_view_get_canvas (f->view);
  return hel_meeting_find_item (meeting (f), hel_board_canvas_get_item_id (canvas));
}

static void
open_fixture_meeting (Fixture *f)
{
  g_assert_true (hel_board_view_show_meeting (f->view, f->meeting_id));
  g_assert_cmpstr (_hel_board_view_get_visible_page (f->view), ==, "meeting");
  WAIT_FOR (_hel_board_canvas_get_layout (_hel_board_view_get_canvas (f->view)) != NULL);
  g_assert_nonnull (shown_item (f));
  g_assert_cmpint (shown_item (f)->family_id, ==, f->testrup);
}

static void
test_notes_on_the_board (Fixture       *f,
                         gconstpointer  data)
{
  HelBoardCanvas *canvas = _hel_board_view_get_canvas (f->view);
  HelBoardLayout *layout;
  const HelBoardCard *card;
  GPtrArray *notes;
  HelBoardNote *note;
  gint64 note_id;

  open_fixture_meeting (f);

  /* Bad input: an empty note is refused at the field and nothing is written. */
  _hel_board_canvas_begin_new_note (canvas, HEL_BOARD_WORRIES);
  gtk_editable_set_text (_hel_board_canvas_get_editor_entry (canvas), "   ");
  g_assert_false (_hel_board_canvas_commit_editor (canvas));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_board_canvas_get_editor_error (canvas))));
  g_assert_cmpuint (shown_item (f)->notes->len, ==, 0);

  /* Typed in place: the note is saved with its author's time. */
  gtk_editable_set_text (_hel_board_canvas_get_editor_entry (canvas), "Mor sover dårligt");
  g_assert_true (_hel_board_canvas_commit_editor (canvas));
  notes = shown_item (f)->notes;
  g_assert_cmpuint (notes->len, ==, 1);
  note = notes->pdata[0];
  note_id = note->id;
  g_assert_cmpint (note->column, ==, HEL_BOARD_WORRIES);
  g_assert_nonnull (note->created);

  /* Dragged to "What needs to happen". */
  layout = _hel_board_canvas_get_layout (canvas);
  card = hel_board_layout_find_card (layout, note_id, FALSE);
  g_assert_nonnull (card);
  _hel_board_canvas_drag (canvas, card->rect.x + 10, card->rect.y + 10,
                          layout->columns[HEL_BOARD_NEEDS].x + 20,
                          layout->columns[HEL_BOARD_NEEDS].y + layout->font_size * 3);
  note = hel_meeting_find_note (meeting (f), note_id, NULL);
  g_assert_cmpint (note->column, ==, HEL_BOARD_NEEDS);

  /* Alt+Left: the keyboard way, back one column. */
  _hel_board_canvas_select_note (canvas, note_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "board.move-note", "s", "left"));
  g_assert_cmpint (hel_meeting_find_note (meeting (f), note_id, NULL)->column, ==,
                   HEL_BOARD_WORKING_WELL);

  /* Deleted, then undone through the view's action: the same note is back. */
  _hel_board_canvas_select_note (canvas, note_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "board.delete", NULL));
  g_assert_null (hel_meeting_find_note (meeting (f), note_id, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));
  note = hel_meeting_find_note (meeting (f), note_id, NULL);
  g_assert_nonnull (note);
  g_assert_cmpint (note->column, ==, HEL_BOARD_WORKING_WELL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));
  g_assert_cmpint (hel_meeting_find_note (meeting (f), note_id, NULL)->column, ==, HEL_BOARD_NEEDS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.redo", NULL));
  g_assert_cmpint (hel_meeting_find_note (meeting (f), note_id, NULL)->column, ==,
                   HEL_BOARD_WORKING_WELL);

  /* The pen: a stroke drawn, then erased with undo. The edits above laid the board out
   * again, so the layout is fetched afresh. */
  hel_board_canvas_set_pen_mode (canvas, TRUE);
  layout = _hel_board_canvas_get_layout (canvas);
  _hel_board_canvas_drag (canvas, layout->board.x + 100, layout->board.y + 200,
                          layout->board.x + 300, layout->board.y + 260);
  g_assert_cmpuint (shown_item (f)->strokes->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "board.erase", NULL));
  g_assert_cmpuint (shown_item (f)->strokes->len, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));
  g_assert_cmpuint (shown_item (f)->strokes->len, ==, 1);
  hel_board_canvas_set_pen_mode (canvas, FALSE);
  maybe_screenshot (f->window, "board-view.png");
}

static void
test_meeting_mode (Fixture       *f,
                   gconstpointer  data)
{
  HelBoardMeetingMode *mode;
  HelBoardCanvas *canvas;
  GPtrArray *items;

  open_fixture_meeting (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.mode", NULL));
  mode = _hel_board_view_get_meeting_mode (f->view);
  g_assert_nonnull (mode);
  canvas = HEL_BOARD_CANVAS (_hel_board_meeting_mode_get_canvas (mode));
  items = hel_meeting_data (meeting (f))->items;
  fake_now = 1000 * G_USEC_PER_SEC;
  _hel_board_meeting_mode_set_clock (mode, fake_clock, NULL);

  /* Never full names on the projector; the first family, its time box full. */
  g_assert_cmpint (hel_board_meeting_mode_get_privacy (mode), !=, HEL_PRIVACY_FULL_NAMES);
  hel_board_meeting_mode_set_privacy (mode, HEL_PRIVACY_FULL_NAMES);
  g_assert_cmpint (hel_board_canvas_get_privacy (canvas), ==, HEL_PRIVACY_FIRST_NAMES);
  g_assert_cmpint (hel_board_meeting_mode_get_item_id (mode), ==,
                   ((HelAgendaItem *) items->pdata[0])->id);
  g_assert_cmpint (_hel_board_meeting_mode_get_seconds_left (mode), ==, 8 * 60);

  /* The countdown, on the fake clock. */
  fake_now += 90 * G_USEC_PER_SEC;
  _hel_board_meeting_mode_tick (mode);
  g_assert_cmpint (_hel_board_meeting_mode_get_seconds_left (mode), ==, 8 * 60 - 90);
  g_assert_false (_hel_board_meeting_mode_get_time_up (mode));
  fake_now += (8 * 60 - 90 + 1) * G_USEC_PER_SEC;
  _hel_board_meeting_mode_tick (mode);
  g_assert_cmpint (_hel_board_meeting_mode_get_seconds_left (mode), ==, -1);
  g_assert_true (_hel_board_meeting_mode_get_time_up (mode));

  /* Next: the second family, with its own time box of 5 minutes, started afresh. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mode), "mode.next", NULL));
  g_assert_cmpint (hel_board_meeting_mode_get_item_id (mode), ==,
                   ((HelAgendaItem *) items->pdata[1])->id);
  g_assert_cmpint (hel_board_canvas_get_item_id (canvas), ==, ((HelAgendaItem *) items->pdata[1])->id);
  g_assert_cmpint (_hel_board_meeting_mode_get_seconds_left (mode), ==, 5 * 60);
  g_assert_false (_hel_board_meeting_mode_get_time_up (mode));
  /* At the end it stays; previous goes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mode), "mode.next", NULL));
  g_assert_cmpint (hel_board_meeting_mode_get_item_id (mode), ==,
                   ((HelAgendaItem *) items->pdata[1])->id);
  hel_board_meeting_mode_set_privacy (mode, HEL_PRIVACY_INITIALS);
  gtk_window_unfullscreen (GTK_WINDOW (mode));
  gtk_window_set_default_size (GTK_WINDOW (mode), 1920, 1080);
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (canvas)) > 0);
  maybe_screenshot (GTK_WIDGET (mode), "meeting-mode.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mode), "mode.previous", NULL));
  g_assert_cmpint (hel_board_meeting_mode_get_item_id (mode), ==,
                   ((HelAgendaItem *) items->pdata[0])->id);
  g_assert_cmpint (_hel_board_meeting_mode_get_seconds_left (mode), ==, 8 * 60);

  /* The family's network map beside the board: shown on request, only read, never made. */
  {
    gint64 family_id = ((HelAgendaItem *) items->pdata[0])->family_id;
    g_autoptr(GPtrArray) maps = hel_store_list_netmaps (f->store, family_id, NULL);
    g_autoptr(GPtrArray) maps_after = NULL;
    g_autoptr(HelNetmapNode) node = hel_netmap_node_new ("Mormor", -0.7, -0.7);
    GtkToggleButton *toggle = _hel_board_meeting_mode_get_map_toggle (mode);
    gint64 map_id;

    g_assert_nonnull (toggle);
    g_assert_cmpuint (maps->len, ==, 0);
    gtk_toggle_button_set_active (toggle, TRUE);
    g_assert_false (_hel_board_meeting_mode_has_map (mode));
    maps_after = hel_store_list_netmaps (f->store, family_id, NULL);
    g_assert_cmpuint (maps_after->len, ==, 0);

    map_id = hel_store_ensure_netmap (f->store, family_id, 0, NULL);
    g_assert_cmpint (map_id, >, 0);
    g_assert_true (hel_store_save_netmap_node (f->store, map_id, node, NULL, NULL));
    gtk_toggle_button_set_active (toggle, FALSE);
    gtk_toggle_button_set_active (toggle, TRUE);
    g_assert_true (_hel_board_meeting_mode_has_map (mode));
    /* No measurements in this fixture: the panel says so rather than staying blank. */
    g_assert_cmpstr (_hel_board_meeting_mode_get_figures (mode), ==, "No measurements yet.");
    gtk_toggle_button_set_active (toggle, FALSE);
    g_assert_false (_hel_board_meeting_mode_has_map (mode));
  }

  /* Closing the window leaves the view working. */
  gtk_window_destroy (GTK_WINDOW (mode));
  g_assert_null (_hel_board_view_get_meeting_mode (f->view));
}

static void
test_new_meeting_carries_over (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *today = hel_date_today ();
  g_autofree char *last = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  HelAgendaItem *first;

  before = hel_store_list_meetings (f->store, NULL);
  _hel_board_view_popup_new_meeting (f->view);
  /* The rhythm: two weeks after the last team meeting. */
  last = hel_store_last_meeting_date (f->store, f->team_id, HEL_MEETING_TEAM, NULL);
  expected = hel_meeting_propose_date (HEL_MEETING_TEAM, last, today);
  shown = hel_date_format (expected);
  g_assert_cmpstr (gtk_editable_get_text (_hel_board_view_get_new_date (f->view)), ==, shown);

  /* A date that does not exist: refused at the field, kept as typed, nothing made. */
  gtk_editable_set_text (_hel_board_view_get_new_date (f->view), "31.02.2030");
  _hel_board_view_commit_new_meeting (f->view);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_board_view_get_new_error (f->view))));
  g_assert_cmpstr (gtk_editable_get_text (_hel_board_view_get_new_date (f->view)), ==, "31.02.2030");
  after = hel_store_list_meetings (f->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  gtk_editable_set_text (_hel_board_view_get_new_date (f->view), shown);
  _hel_board_view_commit_new_meeting (f->view);
  after = hel_store_list_meetings (f->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpstr (_hel_board_view_get_visible_page (f->view), ==, "meeting");
  /* The family with the open agreement comes first, the agreement carried (the same one). */
  first = hel_meeting_data (meeting (f))->items->pdata[0];
  g_assert_cmpint (first->family_id, ==, f->ulvebaek);
  g_assert_cmpuint (first->agreements->len, ==, 1);
  g_assert_cmpint (((HelAgreement *) first->agreements->pdata[0])->id, ==, f->open_agreement);
  g_assert_true (((HelAgreement *) first->agreements->pdata[0])->carried);
}

static void
test_bad_details (Fixture       *f,
                  gconstpointer  data)
{
  GtkEditable *date;
  g_autofree char *stored = NULL;

  open_fixture_meeting (f);
  stored = g_strdup (hel_meeting_data (meeting (f))->date);
  date = _hel_board_view_get_date_entry (f->view);
  gtk_editable_set_text (date, "i morgen");
  g_signal_emit_by_name (date, "activate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_board_view_get_details_error (f->view))));
  g_assert_cmpstr (gtk_editable_get_text (date), ==, "i morgen");
  g_assert_cmpstr (hel_meeting_data (meeting (f))->date, ==, stored);
}

static void
test_open_agreements (Fixture       *f,
                      gconstpointer  data)
{
  GPtrArray *rows;
  GtkWidget *check;
  g_autoptr(GPtrArray) open = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.agreements", NULL));
  g_assert_cmpstr (_hel_board_view_get_visible_page (f->view), ==, "agreements");
  rows = _hel_board_view_get_agreement_rows (f->view);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Book møde med skolen");
  /* Done from the list: the store has it. */
  check = adw_action_row_get_activatable_widget (rows->pdata[0]);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  open = hel_store_list_open_agreements (f->store, 0, NULL);
  g_assert_cmpuint (open->len, ==, 0);
  WAIT_FOR (_hel_board_view_get_agreement_rows (f->view)->len == 0);
}

/* A note dropped on Agreements becomes one: its text, its author as owner, a draft whose
 * editor opens for the deadline; Ctrl+Z brings the note back as it was. */
static void
test_note_becomes_agreement (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HelBoardCanvas *canvas = _hel_board_view_get_canvas (f->view);
  g_autoptr(HelBoardNote) note = hel_board_note_new (HEL_BOARD_NEEDS, "Ring til skolen om fraværet");
  HelParticipant *hanne;
  gint64 hanne_id, hanne_caseworker;
  HelBoardLayout *layout;
  const HelBoardCard *card;
  HelAgendaItem *item;
  HelAgreement *agreement;
  HelBoardNote *back;
  guint n_agreements;
  gint64 agreement_id;

  open_fixture_meeting (f);
  /* Ids, not the participant: the session reads the meeting afresh after every edit. */
  hanne = hel_meeting_data (meeting (f))->participants->pdata[0];
  hanne_id = hanne->id;
  hanne_caseworker = hanne->caseworker_id;
  g_assert_cmpint (hanne_caseworker, >, 0);
  note->author_id = hanne_id;
  g_assert_true (hel_store_save_note (f->store, shown_item (f)->id, note, &error));
  g_assert_no_error (error);
  n_agreements = shown_item (f)->agreements->len;

  layout = _hel_board_canvas_get_layout (canvas);
  card = hel_board_layout_find_card (layout, note->id, FALSE);
  g_assert_nonnull (card);
  _hel_board_canvas_drag (canvas, card->rect.x + 10, card->rect.y + 10,
                          layout->columns[HEL_BOARD_AGREEMENTS].x + 20,
                          layout->columns[HEL_BOARD_AGREEMENTS].y + layout->font_size * 3);

  g_assert_null (hel_meeting_find_note (meeting (f), note->id, NULL));
  item = shown_item (f);
  g_assert_cmpuint (item->agreements->len, ==, n_agreements + 1);
  agreement = item->agreements->pdata[item->agreements->len - 1];
  agreement_id = agreement->id;
  g_assert_cmpstr (agreement->what, ==, "Ring til skolen om fraværet");
  g_assert_cmpint (agreement->owner_kind, ==, HEL_OWNER_CASEWORKER);
  g_assert_cmpint (agreement->owner_caseworker_id, ==, hanne_caseworker);
  g_assert_null (agreement->due);
  g_assert_false (hel_agreement_is_complete (agreement));

  /* The editor is open on the new agreement: the deadline typed there completes it. */
  g_assert_true (_hel_board_canvas_editor_is_open (canvas));
  g_assert_cmpstr (gtk_editable_get_text (_hel_board_canvas_get_editor_entry (canvas)), ==,
                   "Ring til skolen om fraværet");
  gtk_editable_set_text (_hel_board_canvas_get_editor_due (canvas), "1.6.2030");
  g_assert_true (_hel_board_canvas_commit_editor (canvas));
  agreement = hel_meeting_find_agreement (meeting (f), agreement_id, NULL);
  g_assert_cmpstr (agreement->due, ==, "2030-06-01");
  g_assert_true (hel_agreement_is_complete (agreement));

  /* Ctrl+Z: the deadline, then the conversion: the same note, where it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));
  g_assert_null (hel_meeting_find_agreement (meeting (f), agreement_id, NULL)->due);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));
  g_assert_null (hel_meeting_find_agreement (meeting (f), agreement_id, NULL));
  back = hel_meeting_find_note (meeting (f), note->id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (back->column, ==, HEL_BOARD_NEEDS);
  g_assert_cmpstr (back->text, ==, "Ring til skolen om fraværet");
  g_assert_cmpint (back->author_id, ==, hanne_id);
  g_assert_cmpuint (shown_item (f)->agreements->len, ==, n_agreements);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.redo", NULL));
  g_assert_null (hel_meeting_find_note (meeting (f), note->id, NULL));
  g_assert_nonnull (hel_meeting_find_agreement (meeting (f), agreement_id, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));

  /* Alt+Right from "What needs to happen" is the keyboard's way to the same. */
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (
    GTK_WIDGET (_hel_board_canvas_get_editor_entry (canvas)), GTK_TYPE_POPOVER)));
  _hel_board_canvas_select_note (canvas, note->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "board.move-note", "s", "right"));
  g_assert_null (hel_meeting_find_note (meeting (f), note->id, NULL));
  g_assert_cmpuint (shown_item (f)->agreements->len, ==, n_agreements + 1);
  g_assert_true (_hel_board_canvas_editor_is_open (canvas));
  maybe_screenshot (f->window, "note-becomes-agreement.png");
}

/* "Print…" draws the PDF's pages through GtkPrintOperation; written to a file here. */
static void
test_print_minutes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "printed-minutes.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *quoted = g_shell_quote (pdf);
  g_autofree char *command = g_strdup_printf ("pdftotext %s -", quoted);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  GtkDropDown *privacy = _hel_board_view_get_privacy_drop (f->view);
  GMenuModel *menu;
  gboolean has_print = FALSE;
  int status = 0;

  open_fixture_meeting (f);
  /* Reachable where the PDF is: the Minutes menu has both. */
  menu = gtk_menu_button_get_menu_model (_hel_board_view_get_minutes_button (f->view));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      has_print |= g_strcmp0 (action, "meeting.print-minutes") == 0;
    }
  g_assert_true (has_print);

  gtk_drop_down_set_selected (privacy, 1);
  g_assert_true (_hel_board_view_print_minutes_to_file (f->view, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  gtk_drop_down_set_selected (privacy, 0);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, &status, &error));
  g_assert_no_error (error);
  /* The same pages as the PDF, with the privacy chosen: initials, never a CPR number. */
  g_assert_nonnull (strstr (text, "Book møde med skolen"));
  g_assert_null (strstr (text, "Testrup"));
  g_assert_null (strstr (text, "030385"));
}

/* The projector's privacy choice is remembered: the next view and meeting mode start there. */
static void
test_privacy_remembered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = hel_board_settings_new ();
  HelBoardView *second;
  HelBoardMeetingMode *mode;

  g_assert_nonnull (settings);
  g_assert_false (g_settings_get_boolean (settings, "privacy-show-initials"));
  g_assert_cmpuint (gtk_drop_down_get_selected (_hel_board_view_get_privacy_drop (f->view)), ==, 0);

  gtk_drop_down_set_selected (_hel_board_view_get_privacy_drop (f->view), 1);
  g_assert_true (g_settings_get_boolean (settings, "privacy-show-initials"));

  second = g_object_ref_sink (HEL_BOARD_VIEW (hel_board_view_new ()));
  g_assert_cmpuint (gtk_drop_down_get_selected (_hel_board_view_get_privacy_drop (second)), ==, 1);
  g_assert_finalize_object (second);

  open_fixture_meeting (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.mode", NULL));
  mode = _hel_board_view_get_meeting_mode (f->view);
  g_assert_cmpint (hel_board_meeting_mode_get_privacy (mode), ==, HEL_PRIVACY_INITIALS);
  /* Changed on the projector: remembered too, and the view follows. */
  hel_board_meeting_mode_set_privacy (mode, HEL_PRIVACY_FIRST_NAMES);
  g_assert_false (g_settings_get_boolean (settings, "privacy-show-initials"));
  g_assert_cmpuint (gtk_drop_down_get_selected (_hel_board_view_get_privacy_drop (f->view)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (mode));
  g_settings_reset (settings, "privacy-show-initials");
}

static HelParticipant *
participant_named (Fixture    *f,
                   const char *name)
{
  HelMeetingData *d = hel_meeting_data (meeting (f));

  for (guint i = 0; i < d->participants->len; i++)
    if (g_strcmp0 (hel_participant_get_name (d->participants->pdata[i]), name) == 0)
      return d->participants->pdata[i];
  g_assert_not_reached ();
}

/* A new note is by the participant chosen last in this meeting, else by the user when they
 * take part; changing the author in the editor recolours the note, undoably. */
static void
test_note_author (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HelBoardCanvas *canvas = _hel_board_view_get_canvas (f->view);
  HelBoardSession *session;
  g_autoptr(HelParticipant) guest = hel_participant_new (0, "Lise Mentorsen", "Mentor",
                                                         HEL_DISCIPLINE_SCHOOL);
  g_autoptr(HelMeeting) next = hel_meeting_new ();
  HelMeetingData *nd = hel_meeting_data (next);
  gint64 hanne, lone, note_id, second_id;
  HelBoardNote *note;

  open_fixture_meeting (f);
  session = _hel_board_view_get_session (f->view);
  hanne = participant_named (f, "Hanne Lindeskov")->id;
  lone = participant_named (f, "Lone Skrænting")->id;

  /* Nobody chosen yet and the user is not in the meeting: no author. */
  hel_board_session_set_user_name (session, "Somebody Else");
  _hel_board_canvas_begin_new_note (canvas, HEL_BOARD_WORRIES);
  g_assert_cmpint (_hel_board_canvas_get_editor_author_id (canvas), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_hel_board_canvas_get_editor_written (canvas))));
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (
    GTK_WIDGET (_hel_board_canvas_get_editor_author (canvas)), GTK_TYPE_POPOVER)));

  /* The user is Lone (any case): her note, in the family group's colour. */
  hel_board_session_set_user_name (session, "lone skrænting");
  _hel_board_canvas_begin_new_note (canvas, HEL_BOARD_WORRIES);
  g_assert_cmpint (_hel_board_canvas_get_editor_author_id (canvas), ==, lone);
  gtk_editable_set_text (_hel_board_canvas_get_editor_entry (canvas), "Mor sover dårligt");
  g_assert_true (_hel_board_canvas_commit_editor (canvas));
  note = shown_item (f)->notes->pdata[0];
  note_id = note->id;
  g_assert_cmpint (note->author_id, ==, lone);
  g_assert_cmpstr (note->author_name, ==, "Lone Skrænting");
  g_assert_cmpint (note->discipline, ==, HEL_DISCIPLINE_FAMILY_GROUP);

  /* Opened again: who wrote it and when. Hanne chosen instead: the job centre's colour. */
  _hel_board_canvas_select_note (canvas, note_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "board.edit", NULL));
  g_assert_true (_hel_board_canvas_editor_is_open (canvas));
  g_assert_cmpint (_hel_board_canvas_get_editor_author_id (canvas), ==, lone);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_board_canvas_get_editor_written (canvas))));
  g_assert_nonnull (strstr (gtk_label_get_label (_hel_board_canvas_get_editor_written (canvas)), ":"));
  g_assert_true (_hel_board_canvas_choose_author (canvas, hanne));
  g_assert_true (_hel_board_canvas_commit_editor (canvas));
  note = hel_meeting_find_note (meeting (f), note_id, NULL);
  g_assert_cmpint (note->author_id, ==, hanne);
  g_assert_cmpstr (note->author_name, ==, "Hanne Lindeskov");
  g_assert_cmpint (note->discipline, ==, HEL_DISCIPLINE_JOB_CENTRE);
  g_assert_cmpstr (note->text, ==, "Mor sover dårligt");

  /* The next note is Hanne's too: she was chosen last. */
  _hel_board_canvas_begin_new_note (canvas, HEL_BOARD_NEEDS);
  g_assert_cmpint (_hel_board_canvas_get_editor_author_id (canvas), ==, hanne);

  /* A guest writes one: in the discipline chosen for her. */
  g_assert_true (hel_board_session_add_participant (session, guest, &error));
  g_assert_no_error (error);
  _hel_board_canvas_begin_new_note (canvas, HEL_BOARD_NEEDS);
  g_assert_true (_hel_board_canvas_choose_author (canvas, guest->id));
  gtk_editable_set_text (_hel_board_canvas_get_editor_entry (canvas), "Praktik hos købmanden");
  g_assert_true (_hel_board_canvas_commit_editor (canvas));
  note = hel_meeting_find_note (meeting (f), hel_board_canvas_get_selected_note (canvas), NULL);
  g_assert_nonnull (note);
  second_id = note->id;
  g_assert_cmpint (note->author_id, ==, guest->id);
  g_assert_cmpint (note->discipline, ==, HEL_DISCIPLINE_SCHOOL);

  /* Undone: the guest's note goes, the guest goes, then the first note is Lone's again, in
   * her colour; redone, all is back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));
  g_assert_null (hel_meeting_find_note (meeting (f), second_id, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));
  g_assert_null (hel_meeting_find_participant (meeting (f), guest->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));
  note = hel_meeting_find_note (meeting (f), note_id, NULL);
  g_assert_cmpint (note->author_id, ==, lone);
  g_assert_cmpstr (note->author_name, ==, "Lone Skrænting");
  g_assert_cmpint (note->discipline, ==, HEL_DISCIPLINE_FAMILY_GROUP);
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.redo", NULL));
  g_assert_cmpint (hel_meeting_find_note (meeting (f), note_id, NULL)->discipline, ==,
                   HEL_DISCIPLINE_JOB_CENTRE);
  g_assert_cmpint (hel_meeting_find_note (meeting (f), second_id, NULL)->author_id, ==, guest->id);
  maybe_screenshot (f->window, "board-note-author.png");

  /* Another meeting opened and this one again: the guest, chosen last here, is still the
   * default. */
  nd->kind = HEL_MEETING_TEAM;
  nd->team_id = f->team_id;
  nd->date = hel_date_today ();
  g_assert_true (hel_store_create_meeting (f->store, next, 0, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_true (hel_board_view_show_meeting (f->view, nd->id));
  g_assert_cmpint (hel_board_session_get_last_author (_hel_board_view_get_session (f->view)), ==, 0);
  g_assert_true (hel_board_view_show_meeting (f->view, f->meeting_id));
  WAIT_FOR (_hel_board_canvas_get_layout (canvas) != NULL);
  g_assert_cmpint (hel_board_session_get_default_author (_hel_board_view_get_session (f->view)), ==,
                   guest->id);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child
                                                                  : find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The editor's Ctrl+Return shortcut, as its controller holds it. */
static GtkShortcut *
find_save_shortcut (GtkWidget *popover)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (popover);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (controller), "editor-shortcuts") != 0)
        continue;
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==,
                       GTK_PHASE_CAPTURE);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
            gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "<Control>Return") != NULL)
            return shortcut;
        }
    }
  return NULL;
}

/* With the author's drop-down focused (where Return opens the list), Ctrl+Return saves; the
 * popover's default widget is Save, so Return saves from the fields that pass it on. */
static void
test_editor_keys (Fixture       *f,
                  gconstpointer  data)
{
  HelBoardCanvas *canvas = _hel_board_view_get_canvas (f->view);
  GtkWidget *author, *popover, *internal;
  GtkShortcut *save;
  gint64 hanne;
  HelBoardNote *note;

  open_fixture_meeting (f);
  hanne = participant_named (f, "Hanne Lindeskov")->id;
  _hel_board_canvas_begin_new_note (canvas, HEL_BOARD_WORRIES);
  author = GTK_WIDGET (_hel_board_canvas_get_editor_author (canvas));
  popover = gtk_widget_get_ancestor (author, GTK_TYPE_POPOVER);
  gtk_editable_set_text (_hel_board_canvas_get_editor_entry (canvas), "Far mangler arbejde");
  g_assert_true (_hel_board_canvas_choose_author (canvas, hanne));
  gtk_widget_grab_focus (author);

  save = find_save_shortcut (popover);
  g_assert_nonnull (save);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (save),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, popover, NULL));
  g_assert_false (_hel_board_canvas_editor_is_open (canvas));
  note = hel_meeting_find_note (meeting (f), hel_board_canvas_get_selected_note (canvas), NULL);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->text, ==, "Far mangler arbejde");
  g_assert_cmpint (note->author_id, ==, hanne);

  /* Bad input: the shortcut keeps the editor open with the message, the text kept. */
  _hel_board_canvas_begin_new_note (canvas, HEL_BOARD_WORRIES);
  gtk_editable_set_text (_hel_board_canvas_get_editor_entry (canvas), "   ");
  gtk_widget_grab_focus (author);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (save),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, popover, NULL));
  g_assert_true (_hel_board_canvas_editor_is_open (canvas));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_hel_board_canvas_get_editor_error (canvas))));
  g_assert_cmpstr (gtk_editable_get_text (_hel_board_canvas_get_editor_entry (canvas)), ==, "   ");

  /* The default widget: what Return does on the "Internal" check box, which passes it on to the
   * popover (its key binding emits "activate-default"). On the drop-down, a button, Return
   * opens the list: there only Ctrl+Return saves. */
  gtk_editable_set_text (_hel_board_canvas_get_editor_entry (canvas), "Mor har fået praktik");
  internal = find_descendant (popover, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (internal);
  g_assert_true (gtk_widget_grab_focus (internal));
  g_signal_emit_by_name (popover, "activate-default");
  /* A button activated from the keyboard shows itself pressed for a moment, then clicks. */
  WAIT_FOR (!_hel_board_canvas_editor_is_open (canvas));
  note = hel_meeting_find_note (meeting (f), hel_board_canvas_get_selected_note (canvas), NULL);
  g_assert_cmpstr (note->text, ==, "Mor har fået praktik");
}

/* The time box a family gets when added is the person's setting (default 8 minutes), set
 * beside the agenda. */
static void
test_default_time_box (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = hel_board_settings_new ();
  g_autoptr(GVariant) shipped = NULL;
  GtkSpinButton *spin = _hel_board_view_get_default_minutes (f->view);
  gint64 third;
  HelAgendaItem *item;

  g_assert_nonnull (settings);
  shipped = g_settings_get_default_value (settings, "meeting-minutes-per-family");
  g_assert_cmpint (g_variant_get_int32 (shipped), ==, HEL_BOARD_DEFAULT_MINUTES);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, HEL_BOARD_DEFAULT_MINUTES);

  /* Changed in the view: remembered. */
  gtk_spin_button_set_value (spin, 12);
  g_assert_cmpint (g_settings_get_int (settings, "meeting-minutes-per-family"), ==, 12);
  /* Changed elsewhere (Preferences): the view follows. */
  g_settings_set_int (settings, "meeting-minutes-per-family", 15);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 15);

  third = add_family (f, "Familien Østergaard", "Birgit");
  open_fixture_meeting (f);
  g_assert_true (_hel_board_view_add_family (f->view, third));
  item = hel_meeting_find_family (meeting (f), third);
  g_assert_nonnull (item);
  g_assert_cmpint (item->minutes, ==, 15);
  /* The families already on the agenda keep their own. */
  g_assert_cmpint (hel_meeting_find_family (meeting (f), f->ulvebaek)->minutes, ==, 5);
  /* Undone like any edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "meeting.undo", NULL));
  g_assert_null (hel_meeting_find_family (meeting (f), third));
  g_settings_reset (settings, "meeting-minutes-per-family");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, HEL_BOARD_DEFAULT_MINUTES);
}

/* Gives the window a new size and waits until the view has it (a shown window keeps its size
 * unless it is shown anew). */
static void
resize_window (Fixture *f,
               int      width,
               int      height)
{
  gtk_widget_set_visible (f->window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (f->view)) > width - 40 &&
            gtk_widget_get_width (GTK_WIDGET (f->view)) <= width);
}

/* At 1024 × 600 the meeting list stays beside the open meeting, a sidebar's width, and "New
 * Meeting" keeps its own width; long family and caseworker names do not change that. Wider
 * again, the panel beside the board gets back the width it had. */
static void
test_fits_1024 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelCaseworker) cw = hel_caseworker_new ();
  AdwLeaflet *leaflet = _hel_board_view_get_leaflet (f->view);
  GtkWidget *sidebar = _hel_board_view_get_sidebar (f->view);
  GtkWidget *new_button = _hel_board_view_get_new_button (f->view);
  GtkWidget *canvas = GTK_WIDGET (_hel_board_view_get_canvas (f->view));
  GtkWidget *side;
  int natural;

  add_family (f, "Familien Christiansen-Østergaard-Vestergaard Kristoffersen", "Anne-Marie");
  hel_caseworker_set_name (cw, "Anne-Kathrine Vestergaard-Christiansen Sørensen");
  hel_caseworker_set_discipline (cw, HEL_DISCIPLINE_SCHOOL);
  hel_caseworker_set_team_id (cw, f->team_id);
  g_assert_true (hel_store_save_caseworker (f->store, cw, &error));
  g_assert_no_error (error);

  resize_window (f, 1024, 600);
  open_fixture_meeting (f);
  side = gtk_paned_get_start_child (GTK_PANED (gtk_widget_get_parent (canvas)));
  WAIT_FOR (gtk_widget_get_width (canvas) > 0 && gtk_widget_get_width (sidebar) > 0);
  maybe_screenshot (f->window, "board-1024.png");

  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (sidebar), >=, 260);
  g_assert_cmpint (gtk_widget_get_width (sidebar), <=, 320);
  g_assert_true (gtk_widget_get_mapped (canvas));
  g_assert_cmpint (gtk_widget_get_width (canvas), >=, 440);
  g_assert_cmpint (gtk_widget_get_width (side), >=, 260);
  gtk_widget_measure (new_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (new_button), ==, natural);
  g_assert_cmpint (gtk_widget_get_width (new_button), <, gtk_widget_get_width (sidebar));

  /* The sidebar does not grow with the window; the panel beside the board is 360 again. */
  resize_window (f, 1280, 800);
  WAIT_FOR (gtk_widget_get_width (side) == 360);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (sidebar), <=, 320);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HELHED_LOCALEDIR");

  /* Screenshots in Danish when asked for: the room reads Danish. */
  if (g_getenv ("HEL_TEST_SCREENSHOTS") != NULL && localedir != NULL)
    {
      g_setenv ("LANGUAGE", "da", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      setlocale (LC_ALL, "");
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/board-view/notes-on-the-board", test_notes_on_the_board);
  ADD ("/board-view/meeting-mode", test_meeting_mode);
  ADD ("/board-view/new-meeting-carries-over", test_new_meeting_carries_over);
  ADD ("/board-view/bad-details", test_bad_details);
  ADD ("/board-view/open-agreements", test_open_agreements);
  ADD ("/board-view/note-becomes-agreement", test_note_becomes_agreement);
  ADD ("/board-view/print-minutes", test_print_minutes);
  ADD ("/board-view/privacy-remembered", test_privacy_remembered);
  ADD ("/board-view/note-author", test_note_author);
  ADD ("/board-view/default-time-box", test_default_time_box);
  ADD ("/board-view/editor-keys", test_editor_keys);
  ADD ("/board-view/fits-1024", test_fits_1024);
#undef ADD
  return g_test_run ();
}
