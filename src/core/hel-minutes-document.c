/* hel-minutes-document.c: the minutes of a board meeting as A4 pages (PDF, print).
 *
 * The document is a list of blocks (a text in Pango markup, or one family's board drawn by
 * hel_render_board) that are measured once and put on pages; a heading never ends a page. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hel-minutes-document.h"
#include "hel-private-file.h"
#include "render/hel-render-board.h"
#include "hel-store-board.h"
#include "hel-validate.h"

#define MARGIN        (2.0 * 72.0 / 2.54)   /* 2 cm */
#define FOOTER_HEIGHT 24.0
#define FONT_FAMILY   "Cantarell, Sans"
#define GREY_HEX      "#5e5c64"
#define ACCENT_HEX    "#1a5fb4"
#define OVERDUE_HEX   "#a51d2d"

typedef enum {
  BLOCK_TEXT,
  BLOCK_BOARD,
} BlockKind;

typedef struct {
  BlockKind      kind;
  char          *markup;
  const char    *font;
  double         indent;
  double         space_before;
  gboolean       keep_with_next;   /* headings */
  HelAgendaItem *item;             /* BLOCK_BOARD, owned by the meeting */
  /* Set by paginate: */
  PangoLayout   *layout;
  double         height;
  guint          page;
  double         y;
} Block;

struct _HelMinutesDocument
{
  GObject      parent_instance;
  HelMeeting  *meeting;
  HelPrivacy   privacy;
  GPtrArray   *blocks;
  guint        n_pages;
  double       page_width;
  double       page_height;
};

G_DEFINE_FINAL_TYPE (HelMinutesDocument, hel_minutes_document, G_TYPE_OBJECT)

static void
block_free (Block *block)
{
  g_free (block->markup);
  g_clear_object (&block->layout);
  g_free (block);
}

static void
hel_minutes_document_finalize (GObject *object)
{
  HelMinutesDocument *self = HEL_MINUTES_DOCUMENT (object);

  g_clear_pointer (&self->meeting, hel_meeting_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  G_OBJECT_CLASS (hel_minutes_document_parent_class)->finalize (object);
}

static void
hel_minutes_document_class_init (HelMinutesDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hel_minutes_document_finalize;
}

static void
hel_minutes_document_init (HelMinutesDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

static Block *
add_text (HelMinutesDocument *self,
          const char         *font,
          double              space_before,
          double              indent,
          char               *markup)   /* taken */
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->font = font;
  block->space_before = space_before;
  block->indent = indent;
  block->markup = markup;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static char *
person (HelMinutesDocument *self,
        const char         *full_name)
{
  g_autofree char *name = hel_privacy_person_name (full_name, self->privacy);

  return g_markup_escape_text (name, -1);
}

static char *
meeting_title (HelMinutesDocument *self)
{
  HelMeetingData *d = hel_meeting_data (self->meeting);
  g_autofree char *date = hel_date_format (d->date);

  /* Translators: the minutes' title, e.g. “Minutes: Team meeting 18.03.2025” */
  return g_strdup_printf (_("Minutes: %s %s"), hel_meeting_kind_label (d->kind), date);
}

static void
build_participants (HelMinutesDocument *self)
{
  HelMeetingData *d = hel_meeting_data (self->meeting);
  g_autoptr(GString) list = g_string_new (NULL);

  add_text (self, FONT_FAMILY " Bold 13", 14, 0, g_markup_printf_escaped ("<span foreground='%s'>%s</span>",
                                                                         ACCENT_HEX, _("Participants")));
  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];
      g_autofree char *name = person (self, hel_participant_get_name (p));
      g_autofree char *what = p->caseworker_id > 0
                              ? g_markup_escape_text (hel_discipline_label (p->discipline), -1)
                              : g_markup_printf_escaped ("%s, %s", _("guest"),
                                                         p->role ? p->role : _("no role given"));

      g_string_append_printf (list, "%s• %s <span foreground='%s'>(%s%s)</span>", i ? "\n" : "", name,
                              GREY_HEX, what, p->removed ? _(", left the meeting") : "");
    }
  if (d->participants->len == 0)
    g_string_append_printf (list, "<i>%s</i>", _("No participants were recorded."));
  add_text (self, FONT_FAMILY " 10.5", 4, 0, g_string_free (g_steal_pointer (&list), FALSE));
}

static void
build_item (HelMinutesDocument *self,
            HelAgendaItem      *item,
            guint               index,
            const char         *today)
{
  HelMeetingData *d = hel_meeting_data (self->meeting);
  g_autofree char *family = hel_privacy_family_name (item->family_name, self->privacy);
  Block *board;

  add_text (self, FONT_FAMILY " Bold 15", 22, 0,
            g_markup_printf_escaped ("<span foreground='%s'>%u. %s</span>", ACCENT_HEX, index + 1,
                                     family))->keep_with_next = TRUE;
  {
    /* Translators: the time box for one family, e.g. “Time box: 8 min.” */
    g_autofree char *box = g_strdup_printf (ngettext ("Time box: %d minute", "Time box: %d minutes",
                                                      item->minutes), item->minutes);
    add_text (self, FONT_FAMILY " 9.5", 2, 0,
              g_markup_printf_escaped ("<span foreground='%s'>%s</span>", GREY_HEX, box))->keep_with_next = TRUE;
  }

  /* The board as the room saw it, drawn by the same function as the screen. */
  board = g_new0 (Block, 1);
  board->kind = BLOCK_BOARD;
  board->item = item;
  board->space_before = 8;
  g_ptr_array_add (self->blocks, board);

  for (guint c = 0; c < HEL_BOARD_AGREEMENTS; c++)
    {
      g_autoptr(GPtrArray) notes = hel_agenda_item_column_notes (item, c);
      g_autoptr(GString) text = g_string_new (NULL);
      guint shown = 0;

      for (guint i = 0; i < notes->len; i++)
        {
          HelBoardNote *n = notes->pdata[i];
          g_autofree char *author = n->author_name ? person (self, n->author_name) : NULL;
          g_autofree char *body = g_markup_escape_text (n->text, -1);

          if (n->internal)
            continue;
          g_string_append_printf (text, "%s• %s", shown++ ? "\n" : "", body);
          if (author && *author)
            g_string_append_printf (text, " <span foreground='%s'>(%s)</span>", GREY_HEX, author);
        }
      add_text (self, FONT_FAMILY " Bold 11", 10, 0,
                g_markup_escape_text (hel_board_column_label (c), -1))->keep_with_next = TRUE;
      if (shown == 0)
        g_string_append_printf (text, "<i><span foreground='%s'>%s</span></i>", GREY_HEX,
                                _("Nothing was noted."));
      add_text (self, FONT_FAMILY " 10.5", 3, 8, g_string_free (g_steal_pointer (&text), FALSE));
    }

  /* The scale: each participant's own number. */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    add_text (self, FONT_FAMILY " Bold 11", 10, 0,
              g_markup_printf_escaped ("%s", _("Scale (0–10, 10 = safe enough to close)")))
      ->keep_with_next = TRUE;
    for (guint i = 0; i < item->scales->len; i++)
      {
        HelBoardScale *s = &g_array_index (item->scales, HelBoardScale, i);
        HelParticipant *p = hel_meeting_find_participant (self->meeting, s->participant_id);
        g_autofree char *name = p ? person (self, hel_participant_get_name (p)) : g_strdup ("?");

        g_string_append_printf (text, "%s%s: <b>%d</b>", text->len ? "   " : "", name, s->value);
      }
    if (item->scales->len == 0)
      g_string_append_printf (text, "<i><span foreground='%s'>%s</span></i>", GREY_HEX,
                              _("No numbers were placed."));
    add_text (self, FONT_FAMILY " 10.5", 3, 8, g_string_free (g_steal_pointer (&text), FALSE));
  }

  /* Agreements: what, who, by when. */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    add_text (self, FONT_FAMILY " Bold 11", 10, 0,
              g_markup_escape_text (hel_board_column_label (HEL_BOARD_AGREEMENTS), -1))
      ->keep_with_next = TRUE;
    for (guint i = 0; i < item->agreements->len; i++)
      {
        HelAgreement *a = item->agreements->pdata[i];
        g_autofree char *what = g_markup_escape_text (a->what ? a->what : "", -1);
        g_autofree char *owner = a->owner_label ? person (self, a->owner_label)
                                                : g_strdup (_("no owner yet"));
        g_autofree char *due = a->due ? hel_date_format (a->due) : NULL;
        g_autofree char *due_text = due ? g_strdup_printf (_("by %s"), due)
                                        : g_strdup (_("no deadline yet"));
        gboolean overdue = hel_agreement_due_state (a, today) == HEL_DUE_OVERDUE;

        g_string_append_printf (text, "%s%s <b>%s</b> — %s, ", i ? "\n" : "",
                                a->done ? "☑" : "☐", what, owner);
        if (overdue)
          g_string_append_printf (text, "<span foreground='%s'>%s (%s)</span>", OVERDUE_HEX,
                                  due_text, _("overdue"));
        else
          g_string_append (text, due_text);
        if (a->carried && a->agreed_on)
          {
            g_autofree char *date = hel_date_format (a->agreed_on);
            g_autofree char *from = g_strdup_printf (_("Follow-up from %s"), date);
            g_string_append_printf (text, " <span foreground='%s'>(%s)</span>", GREY_HEX, from);
          }
        if (a->step_id > 0)
          g_string_append_printf (text, " <span foreground='%s'>(%s)</span>", GREY_HEX,
                                  _("In the family plan"));
        if (!hel_agreement_is_complete (a) && !a->done)
          g_string_append_printf (text, " <span foreground='%s'>(%s)</span>", GREY_HEX, _("Draft"));
      }
    if (item->agreements->len == 0)
      g_string_append_printf (text, "<i><span foreground='%s'>%s</span></i>", GREY_HEX,
                              _("No agreements were made."));
    add_text (self, FONT_FAMILY " 10.5", 3, 8, g_string_free (g_steal_pointer (&text), FALSE));
  }
  (void) d;
}

static void
build (HelMinutesDocument *self)
{
  HelMeetingData *d = hel_meeting_data (self->meeting);
  g_autofree char *title = meeting_title (self);
  g_autofree char *today = hel_date_today ();
  g_autoptr(GString) meta = g_string_new (NULL);

  add_text (self, FONT_FAMILY " Bold 20", 0, 0, g_markup_escape_text (title, -1));
  if (d->time != NULL)
    /* Translators: the meeting's time of day, e.g. “at 09:30” */
    g_string_append_printf (meta, _("at %s"), d->time);
  g_string_append_printf (meta, "%s%s", meta->len ? " · " : "",
                          d->team_name ? d->team_name : _("The whole project group"));
  g_string_append_printf (meta, " · %s", hel_privacy_label (self->privacy));
  add_text (self, FONT_FAMILY " 10.5", 4, 0,
            g_markup_printf_escaped ("<span foreground='%s'>%s</span>", GREY_HEX, meta->str));
  build_participants (self);
  if (d->items->len == 0)
    add_text (self, FONT_FAMILY " 10.5", 14, 0,
              g_markup_printf_escaped ("<i>%s</i>", _("No families were on the agenda.")));
  for (guint i = 0; i < d->items->len; i++)
    build_item (self, d->items->pdata[i], i, today);
}

HelMinutesDocument *
hel_minutes_document_new_for_meeting (HelMeeting *meeting,
                                      HelPrivacy  privacy)
{
  HelMinutesDocument *self;

  g_return_val_if_fail (meeting != NULL, NULL);

  self = g_object_new (HEL_TYPE_MINUTES_DOCUMENT, NULL);
  self->meeting = hel_meeting_copy (meeting);
  self->privacy = privacy < HEL_N_PRIVACY_MODES ? privacy : HEL_PRIVACY_INITIALS;
  build (self);
  return self;
}

HelMinutesDocument *
hel_minutes_document_new (HelStore    *store,
                          gint64       meeting_id,
                          HelPrivacy   privacy,
                          GError     **error)
{
  g_autoptr(HelMeeting) meeting = NULL;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  meeting = hel_store_load_meeting (store, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  return hel_minutes_document_new_for_meeting (meeting, privacy);
}

char *
hel_minutes_document_get_title (HelMinutesDocument *doc)
{
  g_return_val_if_fail (HEL_IS_MINUTES_DOCUMENT (doc), NULL);
  return meeting_title (doc);
}

/* ---- layout ---- */

static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics, so that the layout is the same on paper, in the PDF and on screen. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_language (context, pango_language_from_string ("da"));
  return context;
}

static double
content_width (HelMinutesDocument *self)
{
  return self->page_width - 2 * MARGIN;
}

static double
board_height (HelMinutesDocument *self)
{
  return content_width (self) * 9.0 / 16.0;
}

guint
hel_minutes_document_paginate (HelMinutesDocument *doc,
                               cairo_t            *cr,
                               double              page_width,
                               double              page_height)
{
  PangoContext *context;
  double bottom, y;
  guint page = 0;

  g_return_val_if_fail (HEL_IS_MINUTES_DOCUMENT (doc), 1);
  g_return_val_if_fail (cr != NULL, 1);

  doc->page_width = page_width;
  doc->page_height = page_height;
  context = create_context (cr);
  bottom = page_height - MARGIN - FOOTER_HEIGHT;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = doc->blocks->pdata[i];

      if (b->kind == BLOCK_TEXT)
        {
          PangoFontDescription *desc = pango_font_description_from_string (b->font);
          int h;

          g_clear_object (&b->layout);
          b->layout = pango_layout_new (context);
          pango_layout_set_font_description (b->layout, desc);
          pango_font_description_free (desc);
          pango_layout_set_width (b->layout, (int) ((content_width (doc) - b->indent) * PANGO_SCALE));
          pango_layout_set_wrap (b->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_markup (b->layout, b->markup, -1);
          pango_layout_get_size (b->layout, NULL, &h);
          b->height = (double) h / PANGO_SCALE;
        }
      else
        b->height = board_height (doc);
    }
  g_object_unref (context);

  y = MARGIN;
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = doc->blocks->pdata[i];
      double need = b->space_before + b->height;

      /* A heading takes the next block with it. */
      for (guint k = i; k + 1 < doc->blocks->len && ((Block *) doc->blocks->pdata[k])->keep_with_next; k++)
        need += ((Block *) doc->blocks->pdata[k + 1])->space_before +
                MIN (((Block *) doc->blocks->pdata[k + 1])->height, 60);
      if (y + need > bottom && y > MARGIN)
        {
          page++;
          y = MARGIN;
        }
      else
        y += b->space_before;
      b->page = page;
      b->y = y;
      y += b->height;
    }
  doc->n_pages = page + 1;
  return doc->n_pages;
}

void
hel_minutes_document_draw_page (HelMinutesDocument *doc,
                                cairo_t            *cr,
                                guint               page_nr)
{
  PangoContext *context;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer_text = NULL;
  HelBoardStyle style;
  PangoFontDescription *desc;

  g_return_if_fail (HEL_IS_MINUTES_DOCUMENT (doc));
  g_return_if_fail (doc->n_pages > 0);

  hel_board_style_init (&style, HEL_BOARD_THEME_LIGHT);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = doc->blocks->pdata[i];

      if (b->page != page_nr)
        continue;
      cairo_save (cr);
      if (b->kind == BLOCK_TEXT)
        {
          cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
          cairo_move_to (cr, MARGIN + b->indent, b->y);
          pango_cairo_update_layout (cr, b->layout);
          pango_cairo_show_layout (cr, b->layout);
        }
      else
        {
          HelBoardRenderOptions options;
          double w = content_width (doc), h = board_height (doc);
          /* Drawn at a screen-like size and scaled down, so the board looks as it did. */
          double scale = w / 1280.0;

          hel_board_render_options_init (&options);
          options.privacy = doc->privacy;
          options.hide_internal = TRUE;
          cairo_translate (cr, MARGIN, b->y);
          cairo_rectangle (cr, 0, 0, w, h);
          cairo_clip (cr);
          cairo_scale (cr, scale, scale);
          hel_render_board (cr, doc->meeting, b->item, &style, &options, w / scale, h / scale, NULL);
        }
      cairo_restore (cr);
    }

  /* Footer: title, privacy, page n of N. */
  context = create_context (cr);
  footer = pango_layout_new (context);
  g_object_unref (context);
  desc = pango_font_description_from_string (FONT_FAMILY " 8.5");
  pango_layout_set_font_description (footer, desc);
  pango_font_description_free (desc);
  title = meeting_title (doc);
  /* Translators: the minutes' footer: title, then “page 2 of 3” */
  footer_text = g_strdup_printf (_("%s · page %u of %u"), title, page_nr + 1, doc->n_pages);
  pango_layout_set_text (footer, footer_text, -1);
  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  cairo_move_to (cr, MARGIN, doc->page_height - MARGIN);
  pango_cairo_show_layout (cr, footer);
}

static guint
paginate_cb (gpointer  doc,
             cairo_t  *cr,
             double    width,
             double    height)
{
  return hel_minutes_document_paginate (doc, cr, width, height);
}

static void
draw_page_cb (gpointer  doc,
              cairo_t  *cr,
              guint     page)
{
  hel_minutes_document_draw_page (doc, cr, page);
}

gboolean
hel_minutes_document_write_pdf (HelMinutesDocument *doc,
                                const char         *path,
                                GError            **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (HEL_IS_MINUTES_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The minutes are personal data: written whole or not at all, mode 0600. */
  title = meeting_title (doc);
  return hel_private_file_write_pages (path, title, HEL_MINUTES_DOCUMENT_A4_WIDTH,
                                       HEL_MINUTES_DOCUMENT_A4_HEIGHT, paginate_cb, draw_page_cb,
                                       doc, error);
}
