/* test-render-board.c: the board drawing at projector size: pixels, privacy, culling, pen. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hel-render-board.h"

#define W 1920
#define H 1080

/* A meeting built in memory, as the store would load it. */
static HelMeeting *
make_meeting (void)
{
  HelMeeting *meeting = hel_meeting_new ();
  HelMeetingData *d = hel_meeting_data (meeting);
  HelAgendaItem *item = hel_agenda_item_new (7);
  HelParticipant *hanne = hel_participant_new (1, "Hanne Lindeskov", NULL, HEL_DISCIPLINE_JOB_CENTRE);
  HelParticipant *lone = hel_participant_new (2, "Lone Skrænting", NULL, HEL_DISCIPLINE_FAMILY_GROUP);
  HelParticipant *guest = hel_participant_new (0, "Lise Mentorsen", "Mentor", HEL_DISCIPLINE_OTHER);
  HelBoardStroke *stroke = hel_board_stroke_new (4);
  HelAgreement *a = hel_agreement_new ("Ring til jobcentret om praktik");
  HelAgreement *draft = hel_agreement_new ("Find en fritidsaktivitet");
  static const struct { HelBoardColumn column; const char *text; guint author; gboolean internal; } notes[] = {
    { HEL_BOARD_WORRIES, "Mor sover dårligt og er træt om morgenen", 0, FALSE },
    { HEL_BOARD_WORRIES, "Intern: underretning fra skolen i marts", 1, TRUE },
    { HEL_BOARD_WORKING_WELL, "Børnene kommer i skole hver dag", 1, FALSE },
    { HEL_BOARD_NEEDS, "Ro på økonomien", 2, FALSE },
  };

  d->id = 1;
  d->date = g_strdup ("2025-03-04");
  d->time = g_strdup ("09:30");
  d->created = g_strdup ("2025-03-01T08:00:00Z");
  hanne->id = 11;
  lone->id = 12;
  guest->id = 13;
  g_ptr_array_add (d->participants, hanne);
  g_ptr_array_add (d->participants, lone);
  g_ptr_array_add (d->participants, guest);

  item->id = 21;
  item->family_name = g_strdup ("Familien Testrup");
  item->adults = g_strsplit ("Mette Testrup,Jesper Testrup", ",", -1);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      HelBoardNote *n = hel_board_note_new (notes[i].column, notes[i].text);
      HelParticipant *author = d->participants->pdata[notes[i].author];

      n->id = 100 + i;
      n->author_id = author->id;
      n->author_name = g_strdup (author->name);
      n->discipline = author->discipline;
      n->internal = notes[i].internal;
      n->created = g_strdup ("2025-03-04T08:35:00Z");
      n->position = (int) i;
      g_ptr_array_add (item->notes, n);
    }
  a->id = 200;
  a->owner_kind = HEL_OWNER_MEMBER;
  a->owner_member_id = 5;
  a->owner_label = g_strdup ("Mette Testrup");
  a->due = g_strdup ("2025-03-01");
  a->created = g_strdup ("2025-02-18");
  a->carried = TRUE;
  a->agreed_on = g_strdup ("2025-02-18");
  draft->id = 201;
  draft->created = g_strdup ("2025-03-04");
  g_ptr_array_add (item->agreements, a);
  g_ptr_array_add (item->agreements, draft);
  g_array_append_val (item->scales, ((HelBoardScale) { 11, 6 }));
  g_array_append_val (item->scales, ((HelBoardScale) { 13, 4 }));
  stroke->id = 300;
  hel_board_stroke_add_point (stroke, 0.30, 0.80);
  hel_board_stroke_add_point (stroke, 0.45, 0.90);
  g_ptr_array_add (item->strokes, stroke);
  g_ptr_array_add (d->items, item);
  return meeting;
}

static void
options_for_projector (HelBoardRenderOptions *options,
                       HelPrivacy             privacy)
{
  hel_board_render_options_init (options);
  options->presentation = TRUE;
  options->privacy = privacy;
  options->hide_internal = TRUE;
  options->today = "2025-03-04";
  options->show_timer = TRUE;
  options->seconds_left = 8 * 60;
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          double          *r,
          double          *g,
          double          *b)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px;

  cairo_surface_flush (surface);
  px = *(guint32 *) (data + y * stride + x * 4);
  *r = ((px >> 16) & 0xff) / 255.0;
  *g = ((px >> 8) & 0xff) / 255.0;
  *b = (px & 0xff) / 255.0;
}

static void
assert_colour (cairo_surface_t      *surface,
               double                x,
               double                y,
               const HelBoardColour *c)
{
  double r, g, b;

  pixel_at (surface, (int) x, (int) y, &r, &g, &b);
  g_assert_cmpfloat_with_epsilon (r, c->red, 0.02);
  g_assert_cmpfloat_with_epsilon (g, c->green, 0.02);
  g_assert_cmpfloat_with_epsilon (b, c->blue, 0.02);
}

static void
maybe_save (cairo_surface_t *surface,
            const char      *name)
{
  const char *dir = g_getenv ("HEL_TEST_OUTPUT");

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      cairo_surface_write_to_png (surface, path);
    }
}

static void
test_projector_pixels (void)
{
  g_autoptr(HelMeeting) meeting = make_meeting ();
  HelAgendaItem *item = hel_meeting_data (meeting)->items->pdata[0];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);
  HelBoardStyle style;
  HelBoardRenderOptions options;
  HelBoardRenderStats stats = { 0 };
  g_autoptr(HelBoardLayout) layout = NULL;
  const HelBoardCard *worry, *well, *need;

  hel_board_style_init (&style, HEL_BOARD_THEME_LIGHT);
  options_for_projector (&options, HEL_PRIVACY_FIRST_NAMES);
  hel_render_board (cr, meeting, item, &style, &options, W, H, &stats);
  maybe_save (surface, "board-projector.png");
  layout = hel_board_layout_new (cr, meeting, item, &style, &options, W, H);

  /* Type for the back of the room: the notes' text is 30 px at 1080 lines. */
  g_assert_cmpfloat_with_epsilon (layout->font_size, 30.0, 0.01);
  /* Four columns side by side across the width, their headers in the header colour. */
  for (guint c = 0; c < HEL_BOARD_N_COLUMNS; c++)
    {
      const HelBoardRect *head = &layout->column_headers[c];

      g_assert_cmpfloat (head->width, >, W / 5.0);
      if (c > 0)
        g_assert_cmpfloat (head->x, >, layout->column_headers[c - 1].x + layout->column_headers[c - 1].width);
      assert_colour (surface, head->x + head->width - 6, head->y + head->height / 2, &style.header_fill);
    }
  /* Notes coloured by their author's discipline: job centre blue, family group yellow, other. */
  worry = hel_board_layout_find_card (layout, 100, FALSE);
  well = hel_board_layout_find_card (layout, 102, FALSE);
  need = hel_board_layout_find_card (layout, 103, FALSE);
  g_assert_nonnull (worry);
  g_assert_nonnull (well);
  g_assert_nonnull (need);
  g_assert_cmpint (worry->column, ==, HEL_BOARD_WORRIES);
  g_assert_cmpint (need->column, ==, HEL_BOARD_NEEDS);
  assert_colour (surface, worry->rect.x + worry->rect.width - 5, worry->rect.y + 5,
                 &style.note_fill[HEL_DISCIPLINE_JOB_CENTRE]);
  assert_colour (surface, well->rect.x + well->rect.width - 5, well->rect.y + 5,
                 &style.note_fill[HEL_DISCIPLINE_FAMILY_GROUP]);
  assert_colour (surface, need->rect.x + need->rect.width - 5, need->rect.y + 5,
                 &style.note_fill[HEL_DISCIPLINE_OTHER]);
  /* The internal note is not on the projector. */
  g_assert_null (hel_board_layout_find_card (layout, 101, FALSE));
  /* Agreements in the fourth column, the draft after the carried one. */
  g_assert_cmpint (hel_board_layout_find_card (layout, 200, TRUE)->column, ==, HEL_BOARD_AGREEMENTS);
  g_assert_cmpfloat (hel_board_layout_find_card (layout, 201, TRUE)->rect.y, >,
                     hel_board_layout_find_card (layout, 200, TRUE)->rect.y);
  /* The privacy badge and the timer are in the header, right. */
  g_assert_cmpfloat (layout->badge.width, >, 0);
  g_assert_cmpfloat (layout->timer.x, >, layout->badge.x);
  assert_colour (surface, layout->badge.x + layout->badge.width / 2, layout->badge.y + 3,
                 &style.badge_fill);
  g_assert_cmpuint (stats.cards_drawn, ==, 5);
  g_assert_cmpuint (stats.strokes_drawn, ==, 1);

  /* Hit testing agrees with the drawing. */
  g_assert_true (hel_board_layout_card_at (layout, worry->rect.x + 10, worry->rect.y + 10) == worry);
  g_assert_cmpint (hel_board_layout_column_at (layout, need->rect.x + 5, need->rect.y + 5), ==,
                   HEL_BOARD_NEEDS);
  g_assert_cmpint (hel_board_layout_scale_at (layout, layout->scale.x + layout->scale.width / 2,
                                              layout->scale.y + 5), ==, 5);
  g_assert_cmpuint (hel_board_layout_drop_index (layout, HEL_BOARD_WORRIES, 0, worry->rect.y + 1),
                    ==, 0);
  g_assert_cmpuint (hel_board_layout_drop_index (layout, HEL_BOARD_WORRIES, 0,
                                                 worry->rect.y + worry->rect.height + 5), ==, 1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
collect_text_cb (const char *text,
                 gpointer    user_data)
{
  g_string_append_printf (user_data, "%s\n", text);
}

static void
test_privacy (void)
{
  g_autoptr(HelMeeting) meeting = make_meeting ();
  HelAgendaItem *item = hel_meeting_data (meeting)->items->pdata[0];
  static const char * const full_names[] = { "Mette", "Testrup", "Jesper", "Hanne", "Lindeskov",
                                             "Lone", "Skrænting", "Lise", "Mentorsen" };

  for (HelPrivacy privacy = HEL_PRIVACY_FULL_NAMES; privacy < HEL_N_PRIVACY_MODES; privacy++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GString) shown = g_string_new (NULL);
      HelBoardStyle style;
      HelBoardRenderOptions options;

      hel_board_style_init (&style, HEL_BOARD_THEME_HIGH_CONTRAST);
      options_for_projector (&options, privacy);
      options.text_func = collect_text_cb;
      options.text_func_data = shown;
      hel_render_board (cr, meeting, item, &style, &options, W, H, NULL);
      if (privacy == HEL_PRIVACY_INITIALS)
        maybe_save (surface, "board-initials-hc.png");

      /* The room is told what it sees, and never sees internal notes. */
      g_assert_nonnull (strstr (shown->str, hel_privacy_label (privacy)));
      g_assert_null (strstr (shown->str, "underretning"));
      g_assert_nonnull (strstr (shown->str, "Mor sover dårligt"));
      if (privacy == HEL_PRIVACY_INITIALS)
        {
          for (guint i = 0; i < G_N_ELEMENTS (full_names); i++)
            if (strstr (shown->str, full_names[i]) != NULL)
              g_error ("“%s” is on the board in initials mode:\n%s", full_names[i], shown->str);
          g_assert_nonnull (strstr (shown->str, "Familien T."));
          g_assert_nonnull (strstr (shown->str, "MT"));
        }
      else if (privacy == HEL_PRIVACY_FIRST_NAMES)
        {
          g_assert_nonnull (strstr (shown->str, "Mette"));
          g_assert_null (strstr (shown->str, "Testrup"));
          g_assert_null (strstr (shown->str, "Lindeskov"));
        }
      else
        g_assert_nonnull (strstr (shown->str, "Familien Testrup"));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_crowded_and_culled (void)
{
  g_autoptr(HelMeeting) meeting = make_meeting ();
  HelAgendaItem *item = hel_meeting_data (meeting)->items->pdata[0];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);
  HelBoardStyle style;
  HelBoardRenderOptions options;
  HelBoardRenderStats stats = { 0 };
  g_autoptr(HelBoardLayout) layout = NULL;

  /* 40 notes in one column: the type shrinks, what still does not fit is counted, not drawn. */
  for (guint i = 0; i < 40; i++)
    {
      HelBoardNote *n = hel_board_note_new (HEL_BOARD_WORRIES, "En bekymring der fylder en linje");
      n->id = 1000 + i;
      n->position = 10 + (int) i;
      n->created = g_strdup ("2025-03-04T08:35:00Z");
      g_ptr_array_add (item->notes, n);
    }
  hel_board_style_init (&style, HEL_BOARD_THEME_DARK);
  options_for_projector (&options, HEL_PRIVACY_FIRST_NAMES);
  layout = hel_board_layout_new (cr, meeting, item, &style, &options, W, H);
  g_assert_cmpuint (layout->hidden[HEL_BOARD_WORRIES], >, 0);
  g_assert_cmpuint (layout->hidden[HEL_BOARD_WORKING_WELL], ==, 0);

  /* Only the right half is redrawn: the left columns' cards are skipped. */
  cairo_rectangle (cr, W / 2, 0, W / 2, H);
  cairo_clip (cr);
  hel_render_board (cr, meeting, item, &style, &options, W, H, &stats);
  g_assert_cmpuint (stats.cards_culled, >, 0);
  g_assert_cmpuint (stats.cards_drawn, ==, 3);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_timer_and_empty (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(HelMeeting) meeting = make_meeting ();
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(HelBoardLayout) layout = NULL;
  g_autofree char *t1 = hel_board_format_time_left (462);
  g_autofree char *t2 = hel_board_format_time_left (-30);
  HelBoardStyle style;
  HelBoardRenderOptions options;

  g_assert_cmpstr (t1, ==, "7:42");
  g_assert_cmpstr (t2, ==, "−0:30");

  /* The time box ran out: the timer turns amber, gently. */
  hel_board_style_init (&style, HEL_BOARD_THEME_LIGHT);
  options_for_projector (&options, HEL_PRIVACY_INITIALS);
  options.seconds_left = -5;
  hel_render_board (cr, meeting, hel_meeting_data (meeting)->items->pdata[0], &style, &options, W, H,
                    NULL);
  layout = hel_board_layout_new (cr, meeting, NULL, &style, &options, W, H);
  assert_colour (surface, layout->timer.x + 4, layout->timer.y + layout->timer.height / 2,
                 &style.timer_warning);

  /* No families: the board says how to add them. */
  options.text_func = collect_text_cb;
  options.text_func_data = shown;
  hel_render_board (cr, meeting, NULL, &style, &options, W, H, NULL);
  g_assert_nonnull (strstr (shown->str, "agenda"));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* While a note is dragged the canvas draws everything else once and the note alone per
 * frame: the two layers together are the whole drawing, with the note where the pointer is. */
static void
test_drag_layers (void)
{
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_surface_t *layered = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (whole);
  cairo_t *lcr = cairo_create (layered);
  g_autoptr(HelMeeting) meeting = make_meeting ();
  HelAgendaItem *item = hel_meeting_data (meeting)->items->pdata[0];
  g_autoptr(HelBoardLayout) layout = NULL;
  HelBoardStyle style;
  HelBoardRenderOptions options;
  HelBoardRenderStats still = { 0 }, moving = { 0 };
  HelBoardNote *dragged = item->notes->pdata[0];
  const HelBoardCard *card;
  guint shown = 0;

  hel_board_style_init (&style, HEL_BOARD_THEME_LIGHT);
  options_for_projector (&options, HEL_PRIVACY_INITIALS);
  layout = hel_board_layout_new (lcr, meeting, item, &style, &options, W, H);
  for (guint i = 0; i < layout->cards->len; i++)
    shown += g_array_index (layout->cards, HelBoardCard, i).shown;
  card = hel_board_layout_find_card (layout, dragged->id, FALSE);
  g_assert_nonnull (card);
  options.dragged_note_id = dragged->id;
  options.drag_x = W / 2.0;
  options.drag_y = H / 2.0;

  hel_render_board (cr, meeting, item, &style, &options, W, H, NULL);
  options.layers = HEL_BOARD_LAYER_ALL & ~HEL_BOARD_LAYER_MOVING;
  hel_render_board_layout (lcr, layout, meeting, item, &style, &options, W, H, &still);
  g_assert_cmpuint (still.cards_drawn, ==, shown - 1);
  /* The note's place is empty in the still picture. */
  assert_colour (layered, card->rect.x + card->rect.width / 2, card->rect.y + 3, &style.column_fill);
  options.layers = HEL_BOARD_LAYER_MOVING;
  hel_render_board_layout (lcr, layout, meeting, item, &style, &options, W, H, &moving);
  g_assert_cmpuint (moving.cards_drawn, ==, 1);
  cairo_surface_flush (whole);
  cairo_surface_flush (layered);
  g_assert_cmpmem (cairo_image_surface_get_data (whole),
                   cairo_image_surface_get_stride (whole) * H,
                   cairo_image_surface_get_data (layered),
                   cairo_image_surface_get_stride (layered) * H);

  cairo_destroy (cr);
  cairo_destroy (lcr);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (layered);
}

/* Everyone on the same number: the markers share the space above it and never reach up into
 * the columns or sideways into the neighbouring numbers' markers, at projector size and in a
 * small window. */
static void
check_scale_marks (int width,
                   int height)
{
  g_autoptr(HelMeeting) meeting = make_meeting ();
  HelMeetingData *d = hel_meeting_data (meeting);
  HelAgendaItem *item = d->items->pdata[0];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  HelBoardStyle style;
  HelBoardRenderOptions options;
  g_autoptr(HelBoardLayout) layout = NULL;
  static const int values[] = { 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 10, 10, 6 };
  double board_bottom, step, line_y;
  guint on_five = 0;

  g_array_set_size (item->scales, 0);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *name = g_strdup_printf ("Deltager %c%c", 'A' + i, 'Q' + i % 8);
      HelParticipant *p = hel_participant_new (0, name, NULL, (HelDiscipline) (i % HEL_N_DISCIPLINES));

      p->id = 1000 + i;
      g_ptr_array_add (d->participants, p);
      g_array_append_val (item->scales, ((HelBoardScale) { p->id, values[i] }));
    }
  hel_board_style_init (&style, HEL_BOARD_THEME_LIGHT);
  options_for_projector (&options, HEL_PRIVACY_INITIALS);
  hel_render_board (cr, meeting, item, &style, &options, width, height, NULL);
  maybe_save (surface, width == W ? "board-scale-stacked.png" : "board-scale-stacked-small.png");
  layout = hel_board_layout_new (cr, meeting, item, &style, &options, width, height);

  board_bottom = layout->board.y + layout->board.height;
  step = layout->scale.width / 10.0;
  line_y = layout->scale.y + layout->scale.height * 0.7;
  g_assert_cmpuint (layout->scale_marks->len, ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < layout->scale_marks->len; i++)
    {
      const HelBoardScaleMark *m = &g_array_index (layout->scale_marks, HelBoardScaleMark, i);
      double tick = layout->scale.x + m->value * step;

      g_assert_cmpfloat (m->radius, >, 3);
      /* Below the columns, above the line's numbers. */
      g_assert_cmpfloat (m->y - m->radius, >, board_bottom + 1);
      g_assert_cmpfloat (m->y + m->radius, <, line_y + layout->font_size * 0.3);
      /* Within the number's share of the line. */
      g_assert_cmpfloat (fabs (m->x - tick), <=, step / 2);
      for (guint k = i + 1; k < layout->scale_marks->len; k++)
        {
          const HelBoardScaleMark *o = &g_array_index (layout->scale_marks, HelBoardScaleMark, k);
          g_assert_cmpfloat (hypot (m->x - o->x, m->y - o->y), >=, m->radius + o->radius);
        }
      on_five += m->value == 5;
    }
  g_assert_cmpuint (on_five, ==, 8);

  /* In pixels: right above the scale, over every number, only the columns and the gap
   * between them and the scale: no marker colour. */
  for (int x = (int) (layout->scale.x - step / 2);
       x < (int) (layout->scale.x + layout->scale.width + step / 2); x++)
    for (int y = (int) board_bottom - 4; y < (int) layout->scale.y; y++)
      for (guint dsc = 0; dsc < HEL_N_DISCIPLINES; dsc++)
        {
          double r, g, b;
          const HelBoardColour *c = &style.note_fill[dsc];

          pixel_at (surface, x, y, &r, &g, &b);
          g_assert_false (fabs (r - c->red) < 0.02 && fabs (g - c->green) < 0.02 &&
                          fabs (b - c->blue) < 0.02);
        }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_scale_stacked (void)
{
  check_scale_marks (W, H);
  check_scale_marks (900, 560);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render-board/projector-pixels", test_projector_pixels);
  g_test_add_func ("/render-board/privacy", test_privacy);
  g_test_add_func ("/render-board/crowded-and-culled", test_crowded_and_culled);
  g_test_add_func ("/render-board/timer-and-empty", test_timer_and_empty);
  g_test_add_func ("/render-board/drag-layers", test_drag_layers);
  g_test_add_func ("/render-board/scale-stacked", test_scale_stacked);
  return g_test_run ();
}
