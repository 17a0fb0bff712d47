/* hel-bench-board.c: helhed-tool bench's board figures, on a meeting of 50 families with 40
 * notes each that it writes through the store in the bench's temporary folder. */
#include "config.h"

#include <glib/gi18n.h>
#include <cairo.h>
#include <gio/gio.h>
#include <string.h>

#include "hel-bench-board.h"
#include "hel-render-board.h"
#include "hel-store-board.h"

#define BOARD_FAMILIES 50
#define BOARD_NOTES    40
#define SCREEN_WIDTH   1920
#define SCREEN_HEIGHT  1080

/* Notes of the lengths people write on a board: a few words to two lines. */
static const char * const note_texts[] = {
  "Mor sover dårligt og er træt om morgenen",
  "Huslejen er ikke betalt for sidste måned, og udlejer har skrevet",
  "Ældste barn har meget fravær i skolen",
  "Far aflyser ofte møderne med jobcentret",
  "Konflikter om aftenen",
  "Familien har få voksne at trække på, mormor er syg",
  "Børnene kommer i skole hver dag",
  "Mor har selv ringet til jobcentret og bedt om et møde om praktik",
  "Faste sengetider virker",
  "God kontakt til klasselæreren",
  "Ro på økonomien",
  "En fritidsaktivitet til den ældste, gerne fodbold med en kammerat",
  "Hjælp til morgenrutinen",
  "Afklaring af mors helbred hos egen læge før næste møde",
};
static const char * const agreement_texts[] = {
  "Book møde med skolen om fraværet",
  "Ring til boligkontoret om en afdragsordning",
  "Find en fodboldklub sammen med familien",
};
static const char * const adult_names[][2] = {
  { "Mette", "Østergaard" }, { "Søren", "Nørgaard" }, { "Åse", "Løkke" }, { "Jens", "Ågård" },
};
static const struct {
  const char    *name;
  HelDiscipline  discipline;
} caseworkers[] = {
  { "Hanne Lindeskov", HEL_DISCIPLINE_JOB_CENTRE },
  { "Lone Skrænting", HEL_DISCIPLINE_FAMILY_GROUP },
  { "Kasper Bøgh", HEL_DISCIPLINE_SCHOOL },
  { "Birgitte Ravn", HEL_DISCIPLINE_FAMILY_GROUP },
};

/* Everything in one transaction: what is measured is reading and drawing, not the setup. */
static gboolean
fill_meeting (HelStore  *store,
              gint64    *meeting_id,
              GError   **error)
{
  g_autoptr(HelTeam) team = hel_team_new (0, "Familiegruppe Øst");
  g_autoptr(HelMeeting) meeting = hel_meeting_new ();
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(HelParticipant) guest = hel_participant_new (0, "Lise Mentorsen", "Mentor",
                                                         HEL_DISCIPLINE_OTHER);

  if (!hel_store_save_team (store, team, error))
    return FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (caseworkers); c++)
    {
      g_autoptr(HelCaseworker) cw = hel_caseworker_new ();

      hel_caseworker_set_name (cw, caseworkers[c].name);
      hel_caseworker_set_discipline (cw, caseworkers[c].discipline);
      hel_caseworker_set_team_id (cw, hel_team_get_id (team));
      if (!hel_store_save_caseworker (store, cw, error))
        return FALSE;
      g_ptr_array_add (d->participants,
                       hel_participant_new (hel_caseworker_get_id (cw), NULL, NULL,
                                            caseworkers[c].discipline));
    }
  g_ptr_array_add (d->participants, g_steal_pointer (&guest));

  for (guint i = 0; i < BOARD_FAMILIES; i++)
    {
      g_autoptr(HelFamily) family = hel_family_new ();
      g_autofree char *name = g_strdup_printf ("Familien %s %u", adult_names[i % 4][1], i + 1);

      hel_family_set_name (family, name);
      hel_family_set_start_date (family, "2025-01-15");
      hel_family_set_team_id (family, hel_team_get_id (team));
      if (!hel_store_save_family (store, family, error))
        return FALSE;
      for (guint m = 0; m < 2; m++)
        {
          g_autoptr(HelMember) member = hel_member_new ();

          hel_member_set_family_id (member, hel_family_get_id (family));
          hel_member_set_role (member, m == 0 ? HEL_ROLE_MOTHER : HEL_ROLE_FATHER);
          hel_member_set_first_name (member, adult_names[(i + m) % 4][0]);
          hel_member_set_last_name (member, adult_names[i % 4][1]);
          if (!hel_store_save_member (store, member, error))
            return FALSE;
        }
      g_ptr_array_add (d->items, hel_agenda_item_new (hel_family_get_id (family)));
    }

  d->kind = HEL_MEETING_TEAM;
  d->team_id = hel_team_get_id (team);
  d->date = g_strdup ("2025-03-04");
  d->time = g_strdup ("09:30");
  if (!hel_store_create_meeting (store, meeting, HEL_MEETING_CREATE_DEFAULT, error))
    return FALSE;

  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];

      for (guint n = 0; n < BOARD_NOTES; n++)
        {
          HelParticipant *author = d->participants->pdata[n % d->participants->len];
          g_autoptr(HelBoardNote) note = hel_board_note_new ((HelBoardColumn) (n % 3),
                                                             note_texts[(n + i) %
                                                                        G_N_ELEMENTS (note_texts)]);

          note->author_id = author->id;
          if (!hel_store_save_note (store, item->id, note, error))
            return FALSE;
        }
      for (guint a = 0; a < G_N_ELEMENTS (agreement_texts); a++)
        {
          g_autoptr(HelAgreement) agreement = hel_agreement_new (agreement_texts[a]);

          agreement->owner_kind = HEL_OWNER_CASEWORKER;
          agreement->owner_caseworker_id = ((HelParticipant *) d->participants->pdata[a])->caseworker_id;
          agreement->due = g_strdup (a == 0 ? "2025-03-18" : "2025-04-01");
          if (!hel_store_save_agreement (store, item->id, agreement, error))
            return FALSE;
        }
      for (guint p = 0; p < d->participants->len; p++)
        if (!hel_store_set_scale (store, item->id, ((HelParticipant *) d->participants->pdata[p])->id,
                                  (int) (4 + (p + i) % 4), error))
          return FALSE;
    }
  *meeting_id = d->id;
  return TRUE;
}

/* The meeting's database, made once per run; its meeting's id. */
static HelStore *
open_meeting (HelBench *bench,
              gint64   *meeting_id,
              GError  **error)
{
  g_autofree char *path = g_build_filename (hel_bench_dir (bench), "board-50x40.db", NULL);
  gboolean made = g_file_test (path, G_FILE_TEST_EXISTS);
  g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_CREATE, error);
  g_autoptr(GPtrArray) meetings = NULL;

  if (store == NULL)
    return NULL;
  if (!made)
    {
      if (!hel_store_begin (store, error))
        return NULL;
      if (!fill_meeting (store, meeting_id, error))
        {
          hel_store_rollback (store);
          return NULL;
        }
      if (!hel_store_commit (store, error))
        return NULL;
      return g_steal_pointer (&store);
    }
  meetings = hel_store_list_meetings (store, error);
  if (meetings == NULL || meetings->len != 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("the board meeting was not made"));
      return NULL;
    }
  *meeting_id = ((HelMeetingSummary *) meetings->pdata[0])->id;
  return g_steal_pointer (&store);
}

typedef struct {
  HelStore              *store;
  HelMeeting            *meeting;
  HelAgendaItem         *item;        /* the family in the middle of the agenda */
  HelBoardStyle          style;
  HelBoardRenderOptions  options;
  cairo_surface_t       *surface;
  cairo_t               *cr;
} BoardScene;

static gboolean
board_scene_init (BoardScene *scene,
                  HelBench   *bench,
                  GError    **error)
{
  gint64 meeting_id = 0;

  memset (scene, 0, sizeof *scene);
  scene->store = open_meeting (bench, &meeting_id, error);
  if (scene->store == NULL)
    return FALSE;
  scene->meeting = hel_store_load_meeting (scene->store, meeting_id, error);
  if (scene->meeting == NULL)
    {
      g_clear_object (&scene->store);
      return FALSE;
    }
  scene->item = hel_meeting_data (scene->meeting)->items->pdata[BOARD_FAMILIES / 2];
  g_assert (scene->item->notes->len == BOARD_NOTES);
  /* Meeting mode, as the projector shows it. */
  hel_board_style_init (&scene->style, HEL_BOARD_THEME_LIGHT);
  hel_board_render_options_init (&scene->options);
  scene->options.presentation = TRUE;
  scene->options.privacy = HEL_PRIVACY_INITIALS;
  scene->options.hide_internal = TRUE;
  scene->options.show_timer = TRUE;
  scene->options.seconds_left = 312;
  scene->options.caption = "Familie 26 af 50";
  scene->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_WIDTH, SCREEN_HEIGHT);
  scene->cr = cairo_create (scene->surface);
  return TRUE;
}

static void
board_scene_clear (BoardScene *scene)
{
  cairo_destroy (scene->cr);
  cairo_surface_destroy (scene->surface);
  hel_meeting_unref (scene->meeting);
  g_object_unref (scene->store);
}

gboolean
hel_bench_measure_board_frame (HelBench             *bench,
                               const HelBenchFigure *figure,
                               GArray               *samples,
                               GError              **error)
{
  BoardScene scene;

  if (!board_scene_init (&scene, bench, error))
    return FALSE;
  for (guint i = 0, n = hel_bench_repeats (bench, 30) + 1; i < n; i++)
    {
      HelBoardRenderStats stats = { 0 };
      double start = hel_bench_now_ms (), ms;

      scene.options.seconds_left--;
      hel_render_board (scene.cr, scene.meeting, scene.item, &scene.style, &scene.options,
                        SCREEN_WIDTH, SCREEN_HEIGHT, &stats);
      cairo_surface_flush (scene.surface);
      ms = hel_bench_now_ms () - start;
      g_assert (stats.cards_drawn > 0);
      /* The first frame loads the fonts. */
      if (i > 0)
        g_array_append_val (samples, ms);
    }
  board_scene_clear (&scene);
  return TRUE;
}

gboolean
hel_bench_measure_board_drag (HelBench             *bench,
                              const HelBenchFigure *figure,
                              GArray               *samples,
                              GError              **error)
{
  BoardScene scene;
  g_autoptr(HelBoardLayout) layout = NULL;
  const HelBoardCard *card = NULL;
  cairo_surface_t *still;
  cairo_t *still_cr;

  if (!board_scene_init (&scene, bench, error))
    return FALSE;
  layout = hel_board_layout_new (scene.cr, scene.meeting, scene.item, &scene.style, &scene.options,
                                 SCREEN_WIDTH, SCREEN_HEIGHT);
  /* The first note of "What needs to happen", dragged towards Worries. */
  for (guint i = 0; i < layout->cards->len && card == NULL; i++)
    {
      const HelBoardCard *c = &g_array_index (layout->cards, HelBoardCard, i);
      if (!c->is_agreement && c->column == HEL_BOARD_NEEDS && c->shown)
        card = c;
    }
  g_assert (card != NULL);
  scene.options.dragged_note_id = card->id;
  scene.options.selected_note_id = card->id;
  scene.options.drag_x = card->rect.x;
  scene.options.drag_y = card->rect.y;

  /* What the canvas caches when the drag begins: everything but the note that moves. */
  still = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_WIDTH, SCREEN_HEIGHT);
  still_cr = cairo_create (still);
  scene.options.layers = HEL_BOARD_LAYER_ALL & ~HEL_BOARD_LAYER_MOVING;
  hel_render_board_layout (still_cr, layout, scene.meeting, scene.item, &scene.style,
                           &scene.options, SCREEN_WIDTH, SCREEN_HEIGHT, NULL);
  cairo_destroy (still_cr);

  scene.options.layers = HEL_BOARD_LAYER_MOVING;
  for (guint i = 0, n = hel_bench_repeats (bench, 60) + 1; i < n; i++)
    {
      double start = hel_bench_now_ms (), ms;

      scene.options.drag_x -= 12;
      scene.options.drag_y += 3;
      cairo_set_source_surface (scene.cr, still, 0, 0);
      cairo_set_operator (scene.cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (scene.cr);
      cairo_set_operator (scene.cr, CAIRO_OPERATOR_OVER);
      hel_render_board_layout (scene.cr, layout, scene.meeting, scene.item, &scene.style,
                               &scene.options, SCREEN_WIDTH, SCREEN_HEIGHT, NULL);
      cairo_surface_flush (scene.surface);
      ms = hel_bench_now_ms () - start;
      if (i > 0)
        g_array_append_val (samples, ms);
    }
  cairo_surface_destroy (still);
  board_scene_clear (&scene);
  return TRUE;
}

gboolean
hel_bench_measure_board_drop (HelBench             *bench,
                              const HelBenchFigure *figure,
                              GArray               *samples,
                              GError              **error)
{
  BoardScene scene;
  gint64 meeting_id, note_id;

  if (!board_scene_init (&scene, bench, error))
    return FALSE;
  meeting_id = hel_meeting_data (scene.meeting)->id;
  note_id = ((HelBoardNote *) scene.item->notes->pdata[0])->id;
  for (guint i = 0, n = hel_bench_repeats (bench, 30) + 1; i < n; i++)
    {
      double start = hel_bench_now_ms (), ms;
      g_autoptr(HelMeeting) before = hel_store_load_meeting (scene.store, meeting_id, error);
      g_autoptr(HelMeeting) after = NULL;
      g_autoptr(HelMeeting) shown = NULL;

      if (before == NULL ||
          !hel_store_move_note (scene.store, note_id, (HelBoardColumn) (i % 3), 2, error) ||
          (after = hel_store_load_meeting (scene.store, meeting_id, error)) == NULL ||
          hel_meeting_equal (before, after) ||
          (shown = hel_store_load_meeting (scene.store, meeting_id, error)) == NULL)
        {
          board_scene_clear (&scene);
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the note did not move"));
          return FALSE;
        }
      hel_render_board (scene.cr, shown, hel_meeting_find_item (shown, scene.item->id), &scene.style,
                        &scene.options, SCREEN_WIDTH, SCREEN_HEIGHT, NULL);
      cairo_surface_flush (scene.surface);
      ms = hel_bench_now_ms () - start;
      if (i > 0)
        g_array_append_val (samples, ms);
    }
  board_scene_clear (&scene);
  return TRUE;
}
