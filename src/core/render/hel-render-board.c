/* hel-render-board.c: a family's board drawn with Cairo and Pango, the same on every surface.
 *
 * Sizes follow the surface: on the projector (presentation) the notes' type is 1/36 of the
 * height, 30 px at 1080 lines, which reads from about 5 metres; on the desk it follows the
 * widget's size within readable limits. Privacy is applied here, where names become text, so
 * no caller can forget it: names go through hel_privacy_*_name and internal notes are left out
 * when options->hide_internal is set. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hel-render-board.h"
#include "hel-validate.h"

#define PAD_FACTOR 0.45        /* inner padding of a card, in font sizes */
#define GAP_FACTOR 0.35        /* between cards */
#define MIN_SHRINK 0.6         /* crowded columns shrink their type down to this */

static void
set_colour (HelBoardColour *c,
            guint32         rgb,
            double          alpha)
{
  c->red = ((rgb >> 16) & 0xff) / 255.0;
  c->green = ((rgb >> 8) & 0xff) / 255.0;
  c->blue = (rgb & 0xff) / 255.0;
  c->alpha = alpha;
}

void
hel_board_style_init (HelBoardStyle *style,
                      HelBoardTheme  theme)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->text_scale = 1.0;
  style->line_scale = 1.0;
  /* Sticky notes in the GNOME palette's light tints; the discipline is in the legend too, so
   * colour is never the only sign. */
  set_colour (&style->note_fill[HEL_DISCIPLINE_JOB_CENTRE], 0x99c1f1, 1);
  set_colour (&style->note_fill[HEL_DISCIPLINE_FAMILY_GROUP], 0xf9f06b, 1);
  set_colour (&style->note_fill[HEL_DISCIPLINE_SCHOOL], 0x8ff0a4, 1);
  set_colour (&style->note_fill[HEL_DISCIPLINE_OTHER], 0xdc8add, 1);
  set_colour (&style->note_text, 0x241f31, 1);
  set_colour (&style->note_border, 0x000000, 0.18);
  set_colour (&style->overdue, 0xc01c28, 1);
  set_colour (&style->done, 0x26a269, 1);
  set_colour (&style->selection, 0x3584e4, 1);
  set_colour (&style->badge_fill, 0x1c71d8, 1);
  set_colour (&style->badge_text, 0xffffff, 1);
  set_colour (&style->timer_warning, 0xe5a50a, 1);

  switch (theme)
    {
    case HEL_BOARD_THEME_DARK:
      set_colour (&style->background, 0x242424, 1);
      set_colour (&style->column_fill, 0x303030, 1);
      set_colour (&style->column_border, 0xffffff, 0.12);
      set_colour (&style->header_fill, 0x3a3a3a, 1);
      set_colour (&style->text, 0xffffff, 1);
      set_colour (&style->muted_text, 0xffffff, 0.65);
      set_colour (&style->note_fill[HEL_DISCIPLINE_JOB_CENTRE], 0x62a0ea, 1);
      set_colour (&style->note_fill[HEL_DISCIPLINE_FAMILY_GROUP], 0xf6d32d, 1);
      set_colour (&style->note_fill[HEL_DISCIPLINE_SCHOOL], 0x57e389, 1);
      set_colour (&style->note_fill[HEL_DISCIPLINE_OTHER], 0xc061cb, 1);
      set_colour (&style->agreement_fill, 0xf6f5f4, 1);
      set_colour (&style->agreement_border, 0xffffff, 0.5);
      set_colour (&style->overdue, 0xff7b63, 1);
      set_colour (&style->done, 0x8ff0a4, 1);
      set_colour (&style->pen, 0x99c1f1, 1);
      set_colour (&style->scale_line, 0xffffff, 0.7);
      set_colour (&style->timer_fill, 0x3a3a3a, 1);
      break;
    case HEL_BOARD_THEME_HIGH_CONTRAST:
      set_colour (&style->background, 0xffffff, 1);
      set_colour (&style->column_fill, 0xffffff, 1);
      set_colour (&style->column_border, 0x000000, 1);
      set_colour (&style->header_fill, 0x000000, 1);
      set_colour (&style->text, 0x000000, 1);
      set_colour (&style->muted_text, 0x000000, 1);
      set_colour (&style->note_text, 0x000000, 1);
      set_colour (&style->note_border, 0x000000, 1);
      set_colour (&style->agreement_fill, 0xffffff, 1);
      set_colour (&style->agreement_border, 0x000000, 1);
      set_colour (&style->overdue, 0xa51d2d, 1);
      set_colour (&style->done, 0x1e6b3a, 1);
      set_colour (&style->pen, 0x000000, 1);
      set_colour (&style->scale_line, 0x000000, 1);
      set_colour (&style->badge_fill, 0x000000, 1);
      set_colour (&style->timer_fill, 0xffffff, 1);
      style->line_scale = 2.0;
      break;
    case HEL_BOARD_THEME_LIGHT:
    default:
      set_colour (&style->background, 0xf6f5f4, 1);
      set_colour (&style->column_fill, 0xffffff, 1);
      set_colour (&style->column_border, 0x000000, 0.12);
      set_colour (&style->header_fill, 0xdeddda, 1);
      set_colour (&style->text, 0x241f31, 1);
      set_colour (&style->muted_text, 0x241f31, 0.7);
      set_colour (&style->agreement_fill, 0xffffff, 1);
      set_colour (&style->agreement_border, 0x241f31, 0.45);
      set_colour (&style->pen, 0x1a5fb4, 1);
      set_colour (&style->scale_line, 0x241f31, 0.7);
      set_colour (&style->timer_fill, 0xffffff, 1);
      break;
    }
}

void
hel_board_render_options_init (HelBoardRenderOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->layers = HEL_BOARD_LAYER_ALL;
  options->privacy = HEL_PRIVACY_FULL_NAMES;
}

char *
hel_board_format_time_left (int seconds)
{
  guint s = (guint) ABS (seconds);

  return g_strdup_printf ("%s%u:%02u", seconds < 0 ? "−" : "", s / 60, s % 60);
}

/* ---- text ---- */

static double
base_font_size (const HelBoardStyle         *style,
                const HelBoardRenderOptions *options,
                double                       width,
                double                       height)
{
  double size;

  if (options->presentation)
    size = height / 36.0;
  else
    size = CLAMP (MIN (width / 80.0, height / 48.0), 11.0, 18.0);
  return size * (style->text_scale > 0 ? style->text_scale : 1.0);
}

static PangoLayout *
make_layout (cairo_t             *cr,
             const HelBoardStyle *style,
             const char          *text,
             double               px,
             gboolean             bold,
             double               width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (style->font_family
                                                                   ? style->font_family : "Sans");

  pango_font_description_set_absolute_size (desc, MAX (px, 1.0) * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
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

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static void
source (cairo_t              *cr,
        const HelBoardColour *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* Every visible string passes here, so options->text_func sees what the room sees. */
static void
show_layout (cairo_t                     *cr,
             const HelBoardRenderOptions *options,
             PangoLayout                 *layout,
             double                       x,
             double                       y)
{
  if (options->text_func != NULL)
    options->text_func (pango_layout_get_text (layout), options->text_func_data);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
rounded_rect (cairo_t            *cr,
              const HelBoardRect *r,
              double              radius)
{
  double rad = MIN (radius, MIN (r->width, r->height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - rad, r->y + rad, rad, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - rad, r->y + r->height - rad, rad, 0, G_PI / 2);
  cairo_arc (cr, r->x + rad, r->y + r->height - rad, rad, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + rad, r->y + rad, rad, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static gboolean
rect_contains (const HelBoardRect *r,
               double              x,
               double              y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static gboolean
rect_intersects (const HelBoardRect *r,
                 double x1, double y1, double x2, double y2)
{
  return r->x < x2 && r->x + r->width > x1 && r->y < y2 && r->y + r->height > y1;
}

/* ---- what a card says ---- */

static char *
note_author_line (HelBoardNote                *note,
                  const HelBoardRenderOptions *options)
{
  g_autofree char *author = hel_privacy_person_name (note->author_name, options->privacy);
  g_autoptr(GDateTime) created = note->created ? g_date_time_new_from_iso8601 (note->created, NULL)
                                               : NULL;
  g_autoptr(GDateTime) local = created ? g_date_time_to_local (created) : NULL;
  g_autofree char *time = local && !options->presentation ? g_date_time_format (local, "%H:%M") : NULL;
  g_autoptr(GString) line = g_string_new (author);

  if (time != NULL)
    g_string_append_printf (line, "%s%s", line->len ? " · " : "", time);
  if (note->internal)
    /* Translators: a tag on a note that only the team sees */
    g_string_append_printf (line, "%s%s", line->len ? " · " : "", _("Internal"));
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static char *
agreement_owner_line (HelAgreement                *a,
                      const HelBoardRenderOptions *options,
                      const char                  *today,
                      gboolean                    *overdue)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *owner = a->owner_label ? hel_privacy_person_name (a->owner_label, options->privacy)
                                          : NULL;

  *overdue = hel_agreement_due_state (a, today) == HEL_DUE_OVERDUE;
  g_string_append (line, owner && *owner ? owner : _("No owner yet"));
  g_string_append (line, " · ");
  if (a->due != NULL)
    {
      g_autofree char *due = hel_date_format (a->due);
      /* Translators: an agreement's deadline, e.g. “by 18.03.2025” */
      g_string_append_printf (line, _("by %s"), due);
      if (*overdue)
        g_string_append_printf (line, " · %s", _("overdue"));
    }
  else
    g_string_append (line, _("No deadline yet"));
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static char *
agreement_tags_line (HelAgreement *a)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (a->done)
    /* Translators: an agreement that has been carried out */
    g_string_append (line, _("✓ Done"));
  if (!hel_agreement_is_complete (a) && !a->done)
    g_string_append_printf (line, "%s%s", line->len ? " · " : "", _("Draft"));
  if (a->carried && a->agreed_on != NULL)
    {
      g_autofree char *date = hel_date_format (a->agreed_on);
      /* Translators: an agreement made at an earlier meeting, followed up now */
      g_string_append_printf (line, "%s", line->len ? " · " : "");
      g_string_append_printf (line, _("Follow-up from %s"), date);
    }
  if (a->step_id > 0)
    g_string_append_printf (line, "%s%s", line->len ? " · " : "", _("In the family plan"));
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* ---- layout ---- */

static gboolean
note_visible (HelBoardNote                *note,
              const HelBoardRenderOptions *options)
{
  return !(options->hide_internal && note->internal);
}

/* A card's text, shaped once for the layout and drawn from there. */
typedef struct {
  PangoLayout *body;
  PangoLayout *small;          /* a note's author and time; an agreement's owner and deadline */
  PangoLayout *tags;           /* an agreement's "Done", "Draft", ...; may be NULL */
  gboolean     overdue;
} CardText;

static void
card_text_free (gpointer data)
{
  CardText *text = data;

  if (text == NULL)
    return;
  g_clear_object (&text->body);
  g_clear_object (&text->small);
  g_clear_object (&text->tags);
  g_free (text);
}

/* The card's height at @font; its text in @text_out. */
static double
measure_card (cairo_t                     *cr,
              const HelBoardStyle         *style,
              const HelBoardRenderOptions *options,
              const char                  *today,
              HelBoardNote                *note,
              HelAgreement                *agreement,
              double                       font,
              double                       text_width,
              CardText                   **text_out)
{
  double pad = font * PAD_FACTOR;
  double h = 2 * pad;
  CardText *text = g_new0 (CardText, 1);

  text->body = make_layout (cr, style, note ? note->text : agreement->what, font, agreement != NULL,
                            text_width);
  h += layout_height (text->body);
  if (note != NULL)
    {
      g_autofree char *author = note_author_line (note, options);
      if (*author)
        {
          text->small = make_layout (cr, style, author, font * 0.68, FALSE, text_width);
          h += layout_height (text->small) + pad * 0.3;
        }
    }
  else
    {
      g_autofree char *owner = agreement_owner_line (agreement, options, today, &text->overdue);
      g_autofree char *tags = agreement_tags_line (agreement);

      text->small = make_layout (cr, style, owner, font * 0.72, FALSE, text_width);
      h += layout_height (text->small) + pad * 0.3;
      if (*tags)
        {
          text->tags = make_layout (cr, style, tags, font * 0.64, TRUE, text_width);
          h += layout_height (text->tags) + pad * 0.2;
        }
    }
  *text_out = text;
  return h;
}

typedef struct {
  cairo_t                     *cr;
  const HelBoardStyle         *style;
  const HelBoardRenderOptions *options;
  const char                  *today;
  GPtrArray                   *cards;        /* HelBoardNote or HelAgreement */
  gboolean                     agreements;
  double                       width;        /* the column's */
  double                       top, bottom;  /* where cards may go */
} ColumnMeasure;

/* Measures the cards at @font into @heights and @texts (emptied first); TRUE when they all
 * fit. Unless @to_the_end, it stops at the first card that does not fit; with it, every card
 * that starts above the column's end is measured and those below get a card's least height
 * and no text (they are left out: "+N more"). */
static gboolean
measure_column (const ColumnMeasure *m,
                double               font,
                gboolean             to_the_end,
                double              *heights,
                GPtrArray           *texts)
{
  double pad = font * PAD_FACTOR, total = pad;
  double text_width = m->width - 2 * pad - 2 * pad;
  gboolean fits = TRUE;

  g_ptr_array_set_size (texts, 0);
  for (guint i = 0; i < m->cards->len; i++)
    {
      CardText *text = NULL;

      if (i > 0 && m->top + total > m->bottom)
        {
          heights[i] = 2 * pad + font;
          g_ptr_array_add (texts, NULL);
        }
      else
        {
          heights[i] = measure_card (m->cr, m->style, m->options, m->today,
                                     m->agreements ? NULL : m->cards->pdata[i],
                                     m->agreements ? m->cards->pdata[i] : NULL,
                                     font, text_width, &text);
          g_ptr_array_add (texts, text);
        }
      total += heights[i] + font * GAP_FACTOR;
      if (m->top + total > m->bottom)
        {
          fits = FALSE;
          if (!to_the_end)
            break;
        }
    }
  return fits;
}

static void
layout_column (HelBoardLayout              *layout,
               cairo_t                     *cr,
               const HelBoardStyle         *style,
               const HelBoardRenderOptions *options,
               const char                  *today,
               HelAgendaItem               *item,
               HelBoardColumn               column)
{
  HelBoardRect body = layout->columns[column];
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  GPtrArray *cards;
  double font = layout->font_size;
  double smallest = layout->font_size * MIN_SHRINK;
  double top = layout->column_headers[column].y + layout->column_headers[column].height;
  double bottom = body.y + body.height;
  double *heights;
  ColumnMeasure column_ctx;
  guint n;

  if (column == HEL_BOARD_AGREEMENTS)
    cards = item->agreements;
  else
    {
      notes = hel_agenda_item_column_notes (item, column);
      for (guint i = notes->len; i > 0; i--)
        if (!note_visible (notes->pdata[i - 1], options))
          g_ptr_array_remove_index (notes, i - 1);
      cards = notes;
    }
  n = cards->len;
  heights = g_new0 (double, MAX (n, 1));
  texts = g_ptr_array_new_full (n, card_text_free);
  column_ctx = (ColumnMeasure) { cr, style, options, today, cards, column == HEL_BOARD_AGREEMENTS,
                                 body.width, top, bottom };

  /* A crowded column shrinks its type a little before anything is left out: the largest of
   * base, 90 %, 81 % ... down to MIN_SHRINK at which everything fits. Measuring text is most
   * of a frame's cost, so a try stops at the first card that does not fit, and the smallest
   * type is tried second: on a crowded projector it does not fit either, which ends it. */
  {
    double fonts[8];
    guint n_fonts = 0, last;

    for (double f = font; n_fonts < G_N_ELEMENTS (fonts); f *= 0.9)
      {
        fonts[n_fonts++] = MAX (f, smallest);
        if (f <= smallest + 0.01)
          break;
      }
    last = n_fonts - 1;
    if (measure_column (&column_ctx, fonts[0], last == 0, heights, texts))
      font = fonts[0];
    else if (last == 0 || !measure_column (&column_ctx, fonts[last], TRUE, heights, texts))
      font = fonts[last];
    else
      {
        /* Everything fits at the smallest type: is there a larger one it fits at? */
        g_autoptr(GPtrArray) smallest_texts = g_steal_pointer (&texts);
        g_autofree double *smallest_heights = g_memdup2 (heights, sizeof (double) * MAX (n, 1));

        font = fonts[last];
        texts = g_ptr_array_new_full (n, card_text_free);
        for (guint k = 1; k < last; k++)
          if (measure_column (&column_ctx, fonts[k], FALSE, heights, texts))
            {
              font = fonts[k];
              break;
            }
        if (font == fonts[last])
          {
            g_ptr_array_unref (texts);
            texts = g_steal_pointer (&smallest_texts);
            memcpy (heights, smallest_heights, sizeof (double) * n);
          }
      }
  }

  {
    double pad = font * PAD_FACTOR;
    double y = top + pad;

    for (guint i = 0; i < n; i++)
      {
        HelBoardCard card = { 0 };

        card.is_agreement = column == HEL_BOARD_AGREEMENTS;
        card.id = card.is_agreement ? ((HelAgreement *) cards->pdata[i])->id
                                    : ((HelBoardNote *) cards->pdata[i])->id;
        card.column = column;
        card.index = i;
        card.font_size = font;
        card.rect.x = body.x + pad;
        card.rect.y = y;
        card.rect.width = body.width - 2 * pad;
        card.rect.height = heights[i];
        /* Leave room for the "+N more" line when something does not fit. */
        card.shown = (y + heights[i] <= bottom - (i + 1 < n ? font * 1.2 : 0) || i == 0) &&
                     texts->pdata[i] != NULL;
        if (!card.shown)
          layout->hidden[column]++;
        g_array_append_val (layout->cards, card);
        g_ptr_array_add (layout->card_texts, card.shown ? g_steal_pointer (&texts->pdata[i]) : NULL);
        y += heights[i] + font * GAP_FACTOR;
      }
  }
  g_free (heights);
}

/* ---- the scale's markers ---- */

/* The scale's line, low in its band so the markers have room above it. */
static double
scale_line_y (HelBoardLayout *layout)
{
  return layout->scale.y + layout->scale.height * 0.7;
}

/* Places the @n markers on @value: in as few rows as keep them largest (at most the size of a
 * lone marker), filled from the line up, inside the band between the columns and the line and
 * inside the value's share of the line, so they touch neither the columns nor their
 * neighbours' markers. */
static void
place_marks_on_value (HelBoardLayout *layout,
                      int             value,
                      guint           first,
                      guint           n)
{
  const HelBoardRect *s = &layout->scale;
  double font = layout->font_size;
  double step = s->width / 10.0;
  double x = s->x + value * step;
  double full = font * 0.5;
  /* Between the board and the line's ticks; a lone marker sits where it always has. */
  double top = s->y + font * 0.05;
  double bottom = scale_line_y (layout) - font * 0.2;
  double space = 1.1;   /* a marker's cell, in diameters: a thin gap between markers */
  /* Left of 0 is the scale's name, right of 10 the legend: the ends do not spread outward. */
  double left = value == 0 ? full : step * 0.46;
  double right = value == 10 ? MIN (step * 0.46, full * 2.4) : step * 0.46;
  double best_r = 0;
  guint best_rows = 1;

  for (guint rows = 1; rows <= n; rows++)
    {
      guint cols = (n + rows - 1) / rows;
      double r = MIN (full, (bottom - top) / (rows * 2 * space));

      r = MIN (r, (left + right) / (cols * 2 * space));
      if (r > best_r + 1e-9)
        {
          best_r = r;
          best_rows = rows;
        }
    }
  {
    guint cols = (n + best_rows - 1) / best_rows;
    double cell = best_r * 2 * space;
    double half = cols * cell / 2;
    double cx = x;

    /* Centred on the number unless that leaves the value's share of the line. */
    if (cx - half < x - left)
      cx = x - left + half;
    if (cx + half > x + right)
      cx = x + right - half;
    for (guint k = 0; k < n; k++)
      {
        HelBoardScaleMark *m = &g_array_index (layout->scale_marks, HelBoardScaleMark, first + k);
        guint row = k / cols, in_row = MIN (cols, n - row * cols), col = k % cols;

        m->radius = best_r;
        m->x = cx + (col - (in_row - 1) / 2.0) * cell;
        m->y = bottom - cell / 2 - row * cell;
      }
  }
}

static void
layout_scale_marks (HelBoardLayout *layout,
                    HelMeeting     *meeting,
                    HelAgendaItem  *item)
{
  if (item == NULL || meeting == NULL)
    return;
  for (int v = 0; v <= 10; v++)
    {
      guint first = layout->scale_marks->len;

      for (guint i = 0; i < item->scales->len; i++)
        {
          HelBoardScale *sc = &g_array_index (item->scales, HelBoardScale, i);
          HelBoardScaleMark mark = { sc->participant_id, v, 0, 0, 0 };

          if (CLAMP (sc->value, 0, 10) != v ||
              hel_meeting_find_participant (meeting, sc->participant_id) == NULL)
            continue;
          g_array_append_val (layout->scale_marks, mark);
        }
      if (layout->scale_marks->len > first)
        place_marks_on_value (layout, v, first, layout->scale_marks->len - first);
    }
}

HelBoardLayout *
hel_board_layout_new (cairo_t                     *cr,
                      HelMeeting                  *meeting,
                      HelAgendaItem               *item,
                      const HelBoardStyle         *style,
                      const HelBoardRenderOptions *options,
                      double                       width,
                      double                       height)
{
  HelBoardLayout *layout = g_new0 (HelBoardLayout, 1);
  HelBoardRenderOptions defaults;
  g_autofree char *today_owned = NULL;
  const char *today;
  double font, margin, header_h, scale_h, col_w, gap;

  g_return_val_if_fail (cr != NULL && style != NULL, layout);

  if (options == NULL)
    {
      hel_board_render_options_init (&defaults);
      options = &defaults;
    }
  today = options->today ? options->today : (today_owned = hel_date_today ());
  layout->cards = g_array_new (FALSE, FALSE, sizeof (HelBoardCard));
  layout->scale_marks = g_array_new (FALSE, FALSE, sizeof (HelBoardScaleMark));
  layout->card_texts = g_ptr_array_new_with_free_func (card_text_free);
  layout->font_size = font = base_font_size (style, options, width, height);
  margin = font * 0.6;
  gap = font * 0.4;
  header_h = font * (options->presentation ? 2.9 : 2.6);
  scale_h = font * 3.4;

  layout->header = (HelBoardRect) { margin, margin * 0.6, width - 2 * margin, header_h };
  layout->board = (HelBoardRect) { margin, layout->header.y + header_h + gap,
                                   width - 2 * margin, 0 };
  layout->board.height = MAX (height - margin - scale_h - gap - layout->board.y, font * 4);
  layout->scale = (HelBoardRect) { margin + font * 7.5, layout->board.y + layout->board.height + gap,
                                   (width - 2 * margin) * 0.62 - font * 7.5, scale_h };

  col_w = (layout->board.width - 3 * gap) / HEL_BOARD_N_COLUMNS;
  for (guint c = 0; c < HEL_BOARD_N_COLUMNS; c++)
    {
      layout->columns[c] = (HelBoardRect) { layout->board.x + c * (col_w + gap), layout->board.y,
                                            col_w, layout->board.height };
      layout->column_headers[c] = (HelBoardRect) { layout->columns[c].x, layout->columns[c].y,
                                                   col_w, font * 2.0 };
    }

  if (options->show_timer)
    {
      double tw = font * 4.6, th = font * 2.0;
      layout->timer = (HelBoardRect) { layout->header.x + layout->header.width - tw,
                                       layout->header.y + (header_h - th) / 2, tw, th };
    }
  if (options->presentation)
    {
      g_autoptr(PangoLayout) badge = make_layout (cr, style, hel_privacy_label (options->privacy),
                                                  font * 0.75, TRUE, -1);
      double bw = layout_width (badge) + font * 1.2, bh = layout_height (badge) + font * 0.5;
      double right = layout->timer.width > 0 ? layout->timer.x - font * 0.6
                                             : layout->header.x + layout->header.width;

      layout->badge = (HelBoardRect) { right - bw, layout->header.y + (header_h - bh) / 2, bw, bh };
    }

  if (item != NULL)
    for (guint c = 0; c < HEL_BOARD_N_COLUMNS; c++)
      layout_column (layout, cr, style, options, today, item, (HelBoardColumn) c);
  layout_scale_marks (layout, meeting, item);
  return layout;
}

void
hel_board_layout_free (HelBoardLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->cards);
  g_ptr_array_unref (layout->card_texts);
  g_array_unref (layout->scale_marks);
  g_free (layout);
}

const HelBoardCard *
hel_board_layout_card_at (HelBoardLayout *layout,
                          double          x,
                          double          y)
{
  g_return_val_if_fail (layout != NULL, NULL);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const HelBoardCard *card = &g_array_index (layout->cards, HelBoardCard, i);
      if (card->shown && rect_contains (&card->rect, x, y))
        return card;
    }
  return NULL;
}

const HelBoardCard *
hel_board_layout_find_card (HelBoardLayout *layout,
                            gint64          id,
                            gboolean        is_agreement)
{
  g_return_val_if_fail (layout != NULL, NULL);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const HelBoardCard *card = &g_array_index (layout->cards, HelBoardCard, i);
      if (card->id == id && card->is_agreement == is_agreement)
        return card;
    }
  return NULL;
}

int
hel_board_layout_column_at (HelBoardLayout *layout,
                            double          x,
                            double          y)
{
  g_return_val_if_fail (layout != NULL, -1);
  for (guint c = 0; c < HEL_BOARD_N_COLUMNS; c++)
    if (rect_contains (&layout->columns[c], x, y))
      return (int) c;
  return -1;
}

guint
hel_board_layout_drop_index (HelBoardLayout *layout,
                             HelBoardColumn  column,
                             gint64          moving,
                             double          y)
{
  guint index = 0;

  g_return_val_if_fail (layout != NULL, 0);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const HelBoardCard *card = &g_array_index (layout->cards, HelBoardCard, i);

      if (card->column != column || card->is_agreement || card->id == moving)
        continue;
      if (y > card->rect.y + card->rect.height / 2)
        index++;
    }
  return index;
}

int
hel_board_layout_scale_at (HelBoardLayout *layout,
                           double          x,
                           double          y)
{
  const HelBoardRect *s;
  double step;

  g_return_val_if_fail (layout != NULL, -1);
  s = &layout->scale;
  if (!rect_contains (s, x, y) && !(y >= s->y && y < s->y + s->height &&
                                    x >= s->x - s->width * 0.05 && x < s->x + s->width * 1.05))
    return -1;
  step = s->width / 10.0;
  return CLAMP ((int) floor ((x - s->x) / step + 0.5), 0, 10);
}

/* ---- drawing ---- */

static void
draw_header (cairo_t                     *cr,
             HelBoardLayout              *layout,
             HelMeeting                  *meeting,
             HelAgendaItem               *item,
             const HelBoardStyle         *style,
             const HelBoardRenderOptions *options)
{
  double font = layout->font_size;
  double right = layout->badge.width > 0 ? layout->badge.x
                 : layout->timer.width > 0 ? layout->timer.x
                 : layout->header.x + layout->header.width;
  double title_w = right - layout->header.x - font;
  g_autofree char *title = item ? hel_privacy_family_name (item->family_name, options->privacy)
                                : g_strdup (_("No families on the agenda"));
  g_autoptr(GString) sub = g_string_new (NULL);
  g_autoptr(PangoLayout) title_layout = NULL;
  double y = layout->header.y;

  if (item != NULL && item->adults != NULL)
    for (guint i = 0; item->adults[i] != NULL; i++)
      {
        g_autofree char *name = hel_privacy_person_name (item->adults[i], options->privacy);
        g_string_append_printf (sub, "%s%s", i ? ", " : "", name);
      }
  if (options->caption != NULL)
    g_string_append_printf (sub, "%s%s", sub->len ? " · " : "", options->caption);

  title_layout = make_layout (cr, style, title, font * 1.3, TRUE, title_w);
  pango_layout_set_ellipsize (title_layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (title_layout, -1);
  source (cr, &style->text);
  show_layout (cr, options, title_layout, layout->header.x, y);
  y += layout_height (title_layout);
  if (sub->len > 0)
    {
      g_autoptr(PangoLayout) sub_layout = make_layout (cr, style, sub->str, font * 0.75, FALSE, title_w);

      pango_layout_set_ellipsize (sub_layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (sub_layout, -1);
      source (cr, &style->muted_text);
      show_layout (cr, options, sub_layout, layout->header.x, y);
    }

  if (layout->badge.width > 0)
    {
      /* The room sees what is shown: "Initials shown". */
      g_autoptr(PangoLayout) badge = make_layout (cr, style, hel_privacy_label (options->privacy),
                                                  font * 0.75, TRUE, -1);
      rounded_rect (cr, &layout->badge, layout->badge.height / 2);
      source (cr, &style->badge_fill);
      cairo_fill (cr);
      source (cr, &style->badge_text);
      show_layout (cr, options, badge, layout->badge.x + (layout->badge.width - layout_width (badge)) / 2,
                   layout->badge.y + (layout->badge.height - layout_height (badge)) / 2);
    }

  if (layout->timer.width > 0)
    {
      g_autofree char *time = hel_board_format_time_left (options->seconds_left);
      g_autoptr(PangoLayout) timer = make_layout (cr, style, time, font * 1.25, TRUE, -1);
      gboolean out = options->seconds_left <= 0;

      rounded_rect (cr, &layout->timer, font * 0.4);
      source (cr, out ? &style->timer_warning : &style->timer_fill);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5 * style->line_scale);
      source (cr, out ? &style->timer_warning : &style->column_border);
      cairo_stroke (cr);
      source (cr, out ? &style->note_text : &style->text);
      show_layout (cr, options, timer, layout->timer.x + (layout->timer.width - layout_width (timer)) / 2,
                   layout->timer.y + (layout->timer.height - layout_height (timer)) / 2);
    }
  (void) meeting;
}

static void
draw_columns (cairo_t                     *cr,
              HelBoardLayout              *layout,
              const HelBoardStyle         *style,
              const HelBoardRenderOptions *options)
{
  double font = layout->font_size;

  for (guint c = 0; c < HEL_BOARD_N_COLUMNS; c++)
    {
      const HelBoardRect *col = &layout->columns[c];
      const HelBoardRect *head = &layout->column_headers[c];
      g_autoptr(PangoLayout) label = make_layout (cr, style, hel_board_column_label (c), font * 0.95,
                                                  TRUE, head->width - font);

      rounded_rect (cr, col, font * 0.35);
      source (cr, &style->column_fill);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, style->line_scale);
      source (cr, &style->column_border);
      cairo_stroke (cr);

      cairo_save (cr);
      rounded_rect (cr, col, font * 0.35);
      cairo_clip (cr);
      cairo_rectangle (cr, head->x, head->y, head->width, head->height);
      source (cr, &style->header_fill);
      cairo_fill (cr);
      cairo_restore (cr);

      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (label, -1);
      /* High contrast: white on the black header band. */
      if (style->header_fill.red + style->header_fill.green + style->header_fill.blue < 0.5 &&
          style->text.red + style->text.green + style->text.blue < 0.5)
        source (cr, &style->background);
      else
        source (cr, &style->text);
      show_layout (cr, options, label, head->x + font * 0.5,
                   head->y + (head->height - layout_height (label)) / 2);
    }
}

/* The card's own text from the layout, updated to @cr (nothing is measured again when @cr
 * draws on the kind of surface the layout measured on); measured afresh when missing. */
static CardText *
card_text (cairo_t                     *cr,
           HelBoardLayout              *layout,
           const HelBoardCard          *card,
           HelBoardNote                *note,
           HelAgreement                *agreement,
           const HelBoardStyle         *style,
           const HelBoardRenderOptions *options,
           const char                  *today,
           CardText                   **owned)
{
  guint index = (guint) (card - &g_array_index (layout->cards, HelBoardCard, 0));
  CardText *text = index < layout->card_texts->len ? layout->card_texts->pdata[index] : NULL;
  double font = card->font_size > 0 ? card->font_size : layout->font_size;

  if (text == NULL)
    {
      measure_card (cr, style, options, today, note, agreement, font,
                    card->rect.width - 2 * font * PAD_FACTOR, owned);
      return *owned;
    }
  pango_cairo_update_layout (cr, text->body);
  if (text->small != NULL)
    pango_cairo_update_layout (cr, text->small);
  if (text->tags != NULL)
    pango_cairo_update_layout (cr, text->tags);
  return text;
}

static void
draw_card (cairo_t                     *cr,
           HelBoardLayout              *layout,
           const HelBoardCard          *card,
           const HelBoardRect          *rect,
           HelAgendaItem               *item,
           const HelBoardStyle         *style,
           const HelBoardRenderOptions *options,
           const char                  *today)
{
  double font = card->font_size > 0 ? card->font_size : layout->font_size;
  double pad = font * PAD_FACTOR, y;
  HelBoardNote *note = NULL;
  HelAgreement *agreement = NULL;
  CardText *owned = NULL;
  CardText *text;
  gboolean selected;

  if (card->is_agreement)
    {
      for (guint i = 0; i < item->agreements->len && agreement == NULL; i++)
        if (((HelAgreement *) item->agreements->pdata[i])->id == card->id)
          agreement = item->agreements->pdata[i];
      if (agreement == NULL)
        return;
    }
  else
    {
      for (guint i = 0; i < item->notes->len && note == NULL; i++)
        if (((HelBoardNote *) item->notes->pdata[i])->id == card->id)
          note = item->notes->pdata[i];
      if (note == NULL)
        return;
    }
  text = card_text (cr, layout, card, note, agreement, style, options, today, &owned);
  selected = card->is_agreement ? options->selected_agreement_id == card->id
                                : options->selected_note_id == card->id;

  rounded_rect (cr, rect, card->is_agreement ? font * 0.3 : font * 0.15);
  if (note != NULL)
    source (cr, &style->note_fill[(guint) note->discipline < HEL_N_DISCIPLINES ? note->discipline
                                                                               : HEL_DISCIPLINE_OTHER]);
  else
    source (cr, &style->agreement_fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, (selected ? 3.0 : 1.0) * style->line_scale);
  if (selected)
    source (cr, &style->selection);
  else
    source (cr, note ? &style->note_border : &style->agreement_border);
  if (note != NULL && note->internal)
    {
      double dash[] = { font * 0.3, font * 0.2 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  if (agreement != NULL && !hel_agreement_is_complete (agreement) && !agreement->done)
    {
      double dash[] = { font * 0.5, font * 0.25 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  y = rect->y + pad;
  {
    /* Agreement cards are light in every theme, so their text is the notes' dark text. */
    HelBoardColour ink = style->note_text;

    if (agreement != NULL && agreement->done && style->line_scale <= 1)
      ink.alpha = 0.6;
    source (cr, &ink);
    show_layout (cr, options, text->body, rect->x + pad, y);
    y += layout_height (text->body);
  }
  if (note != NULL)
    {
      if (text->small != NULL)
        {
          HelBoardColour muted = style->note_text;

          muted.alpha = style->line_scale > 1 ? 1.0 : 0.72;
          source (cr, &muted);
          show_layout (cr, options, text->small, rect->x + pad, y + pad * 0.3);
        }
    }
  else
    {
      HelBoardColour muted = style->note_text;

      muted.alpha = style->line_scale > 1 ? 1.0 : 0.75;
      y += pad * 0.3;
      source (cr, text->overdue ? &style->overdue : &muted);
      show_layout (cr, options, text->small, rect->x + pad, y);
      y += layout_height (text->small);
      if (text->tags != NULL)
        {
          source (cr, agreement->done ? &style->done : &muted);
          show_layout (cr, options, text->tags, rect->x + pad, y + pad * 0.2);
        }
    }
  card_text_free (owned);
}

static void
draw_cards (cairo_t                     *cr,
            HelBoardLayout              *layout,
            HelAgendaItem               *item,
            const HelBoardStyle         *style,
            const HelBoardRenderOptions *options,
            const char                  *today,
            HelBoardRenderStats         *stats)
{
  double x1, y1, x2, y2;
  const HelBoardCard *dragged = NULL;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const HelBoardCard *card = &g_array_index (layout->cards, HelBoardCard, i);

      if (!card->shown)
        continue;
      if (!card->is_agreement && card->id == options->dragged_note_id)
        {
          dragged = card;
          continue;
        }
      if (!(options->layers & HEL_BOARD_LAYER_CARDS))
        continue;
      if (!rect_intersects (&card->rect, x1, y1, x2, y2))
        {
          stats->cards_culled++;
          continue;
        }
      draw_card (cr, layout, card, &card->rect, item, style, options, today);
      stats->cards_drawn++;
    }

  for (guint c = 0; (options->layers & HEL_BOARD_LAYER_CARDS) && c < HEL_BOARD_N_COLUMNS; c++)
    if (layout->hidden[c] > 0)
      {
        g_autofree char *more = g_strdup_printf (ngettext ("+%u more", "+%u more", layout->hidden[c]),
                                                 layout->hidden[c]);
        g_autoptr(PangoLayout) text = make_layout (cr, style, more, layout->font_size * 0.75, TRUE, -1);
        const HelBoardRect *col = &layout->columns[c];

        source (cr, &style->muted_text);
        show_layout (cr, options, text, col->x + layout->font_size * 0.5,
                     col->y + col->height - layout_height (text) - layout->font_size * 0.2);
      }

  if (dragged != NULL && (options->layers & HEL_BOARD_LAYER_MOVING))
    {
      HelBoardRect at = dragged->rect;
      double margin = 4 * style->line_scale;

      at.x = options->drag_x;
      at.y = options->drag_y;
      cairo_save (cr);
      /* The group is as large as the clip: keep it to the card. */
      cairo_rectangle (cr, at.x - margin, at.y - margin, at.width + 2 * margin,
                       at.height + 2 * margin);
      cairo_clip (cr);
      cairo_push_group (cr);
      draw_card (cr, layout, dragged, &at, item, style, options, today);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.9);
      cairo_restore (cr);
      stats->cards_drawn++;
    }
}

static void
draw_stroke (cairo_t              *cr,
             HelBoardLayout       *layout,
             const HelBoardStroke *stroke,
             const HelBoardStyle  *style)
{
  const HelBoardRect *b = &layout->board;

  if (stroke == NULL || stroke->points->len == 0)
    return;
  cairo_set_line_width (cr, MAX (stroke->width / 1000.0 * b->width, 1.0) * style->line_scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < stroke->points->len; i++)
    {
      HelBoardPoint *p = &g_array_index (stroke->points, HelBoardPoint, i);
      double x = b->x + p->x * b->width, y = b->y + p->y * b->height;

      if (i == 0)
        {
          cairo_move_to (cr, x, y);
          if (stroke->points->len == 1)
            cairo_line_to (cr, x, y);
        }
      else
        cairo_line_to (cr, x, y);
    }
  source (cr, &style->pen);
  cairo_stroke (cr);
}

static void
draw_scale (cairo_t                     *cr,
            HelBoardLayout              *layout,
            HelMeeting                  *meeting,
            HelAgendaItem               *item,
            const HelBoardStyle         *style,
            const HelBoardRenderOptions *options)
{
  const HelBoardRect *s = &layout->scale;
  double font = layout->font_size;
  double line_y = scale_line_y (layout);
  double step = s->width / 10.0;
  g_autoptr(PangoLayout) label = make_layout (cr, style, _("Scale 0–10"), font * 0.8, TRUE,
                                              font * 7.0);
  g_autoptr(PangoLayout) hint = make_layout (cr, style, _("10 = safe enough to close"), font * 0.55,
                                             FALSE, font * 7.0);

  source (cr, &style->text);
  show_layout (cr, options, label, layout->board.x, s->y + font * 0.2);
  source (cr, &style->muted_text);
  show_layout (cr, options, hint, layout->board.x, s->y + font * 0.2 + layout_height (label));

  cairo_set_line_width (cr, 2 * style->line_scale);
  source (cr, &style->scale_line);
  cairo_move_to (cr, s->x, line_y);
  cairo_line_to (cr, s->x + s->width, line_y);
  cairo_stroke (cr);
  for (int v = 0; v <= 10; v++)
    {
      g_autofree char *n = g_strdup_printf ("%d", v);
      g_autoptr(PangoLayout) num = make_layout (cr, style, n, font * 0.6, FALSE, -1);
      double x = s->x + v * step;

      cairo_move_to (cr, x, line_y - font * 0.25);
      cairo_line_to (cr, x, line_y + font * 0.25);
      cairo_stroke (cr);
      source (cr, &style->muted_text);
      show_layout (cr, options, num, x - layout_width (num) / 2, line_y + font * 0.3);
      source (cr, &style->scale_line);
    }

  if (item == NULL || meeting == NULL)
    return;
  for (guint i = 0; i < layout->scale_marks->len; i++)
    {
      HelBoardScaleMark *m = &g_array_index (layout->scale_marks, HelBoardScaleMark, i);
      HelParticipant *p = hel_meeting_find_participant (meeting, m->participant_id);
      g_autofree char *who = NULL;
      g_autoptr(PangoLayout) mark = NULL;

      if (p == NULL)
        continue;
      /* Initials on the marker whatever the privacy: the marker is small. */
      who = hel_privacy_person_name (hel_participant_get_name (p), HEL_PRIVACY_INITIALS);
      mark = make_layout (cr, style, who, m->radius * 0.9, TRUE, -1);
      cairo_new_path (cr);
      cairo_arc (cr, m->x, m->y, m->radius, 0, 2 * G_PI);
      source (cr, &style->note_fill[(guint) p->discipline < HEL_N_DISCIPLINES ? p->discipline
                                                                               : HEL_DISCIPLINE_OTHER]);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, style->line_scale);
      source (cr, &style->note_border);
      cairo_stroke (cr);
      source (cr, &style->note_text);
      show_layout (cr, options, mark, m->x - layout_width (mark) / 2, m->y - layout_height (mark) / 2);
    }
}

static void
draw_legend (cairo_t                     *cr,
             HelBoardLayout              *layout,
             const HelBoardStyle         *style,
             const HelBoardRenderOptions *options)
{
  double font = layout->font_size;
  double x0 = layout->scale.x + layout->scale.width + font * 1.5;
  double avail = layout->board.x + layout->board.width - x0;
  double cell = avail / 2, sw = font * 0.8;

  for (guint d = 0; d < HEL_N_DISCIPLINES; d++)
    {
      double x = x0 + (d % 2) * cell, y = layout->scale.y + font * 0.3 + (d / 2) * font * 1.3;
      g_autoptr(PangoLayout) text = make_layout (cr, style, hel_discipline_label (d), font * 0.65,
                                                 FALSE, cell - sw - font * 0.5);
      HelBoardRect swatch = { x, y, sw, sw };

      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (text, -1);
      rounded_rect (cr, &swatch, sw * 0.15);
      source (cr, &style->note_fill[d]);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, style->line_scale);
      source (cr, &style->note_border);
      cairo_stroke (cr);
      source (cr, &style->text);
      show_layout (cr, options, text, x + sw + font * 0.35, y + (sw - layout_height (text)) / 2);
    }
}

static void
draw_empty (cairo_t                     *cr,
            HelBoardLayout              *layout,
            const HelBoardStyle         *style,
            const HelBoardRenderOptions *options)
{
  g_autoptr(PangoLayout) text =
    make_layout (cr, style, _("Add the families to discuss in the meeting’s agenda: each family "
                              "gets its own board with Worries, Working well, What needs to happen "
                              "and Agreements."),
                 layout->font_size, FALSE, layout->board.width * 0.6);

  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  source (cr, &style->muted_text);
  show_layout (cr, options, text, layout->board.x + layout->board.width * 0.2,
               layout->board.y + layout->board.height / 3);
}

void
hel_render_board_layout (cairo_t                     *cr,
                         HelBoardLayout              *layout,
                         HelMeeting                  *meeting,
                         HelAgendaItem               *item,
                         const HelBoardStyle         *style,
                         const HelBoardRenderOptions *options,
                         double                       width,
                         double                       height,
                         HelBoardRenderStats         *stats)
{
  g_autofree char *today_owned = NULL;
  HelBoardRenderOptions defaults;
  HelBoardRenderStats unused = { 0 };
  const char *today;

  g_return_if_fail (cr != NULL && layout != NULL && style != NULL);

  if (options == NULL)
    {
      hel_board_render_options_init (&defaults);
      options = &defaults;
    }
  if (stats == NULL)
    stats = &unused;
  today = options->today ? options->today : (today_owned = hel_date_today ());

  cairo_save (cr);
  if (options->layers & HEL_BOARD_LAYER_BOARD)
    {
      cairo_rectangle (cr, 0, 0, width, height);
      source (cr, &style->background);
      cairo_fill (cr);
      draw_header (cr, layout, meeting, item, style, options);
      if (item != NULL)
        {
          draw_columns (cr, layout, style, options);
          draw_scale (cr, layout, meeting, item, style, options);
          draw_legend (cr, layout, style, options);
        }
      else
        draw_empty (cr, layout, style, options);
    }
  if ((options->layers & (HEL_BOARD_LAYER_CARDS | HEL_BOARD_LAYER_MOVING)) && item != NULL)
    draw_cards (cr, layout, item, style, options, today, stats);
  if ((options->layers & (HEL_BOARD_LAYER_PEN | HEL_BOARD_LAYER_MOVING)) && item != NULL)
    {
      cairo_save (cr);
      cairo_rectangle (cr, layout->board.x, layout->board.y, layout->board.width, layout->board.height);
      cairo_clip (cr);
      for (guint i = 0; (options->layers & HEL_BOARD_LAYER_PEN) && i < item->strokes->len; i++)
        {
          draw_stroke (cr, layout, item->strokes->pdata[i], style);
          stats->strokes_drawn++;
        }
      if (options->layers & HEL_BOARD_LAYER_MOVING)
        draw_stroke (cr, layout, options->live_stroke, style);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

void
hel_render_board (cairo_t                     *cr,
                  HelMeeting                  *meeting,
                  HelAgendaItem               *item,
                  const HelBoardStyle         *style,
                  const HelBoardRenderOptions *options,
                  double                       width,
                  double                       height,
                  HelBoardRenderStats         *stats)
{
  g_autoptr(HelBoardLayout) layout = NULL;

  g_return_if_fail (cr != NULL && style != NULL);

  layout = hel_board_layout_new (cr, meeting, item, style, options, width, height);
  hel_render_board_layout (cr, layout, meeting, item, style, options, width, height, stats);
}
