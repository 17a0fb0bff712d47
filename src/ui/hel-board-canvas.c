/* hel-board-canvas.c: the whiteboard widget. It maps input to edits through the session and
 * draws with hel_render_board(), the same drawing as the projector and the minutes. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hel-board-canvas.h"
#include "hel-store-plan.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

#define DRAG_THRESHOLD 5.0
#define PEN_WIDTH      3.0

typedef enum {
  OWNER_ROW_NONE,
  OWNER_ROW_MEMBER,
  OWNER_ROW_CASEWORKER,
  OWNER_ROW_GUEST,
} OwnerRowKind;

typedef struct {
  HelOwnerKind kind;
  gint64       id;
  char        *name;
} OwnerChoice;

/* A row of the "Written by" list: a participant (0: not given) and the colour they give. */
typedef struct {
  gint64        participant_id;
  HelDiscipline discipline;
} AuthorChoice;

struct _HelBoardCanvas
{
  GtkWidget         parent_instance;

  HelBoardSession  *session;
  gint64            item_id;
  HelPrivacy        privacy;
  gboolean          presentation;
  gboolean          show_timer;
  int               seconds_left;
  gboolean          pen_mode;
  gint64            selected_note;
  gint64            selected_agreement;
  HelBoardColumn    current_column;

  HelBoardLayout   *layout;
  int               layout_width, layout_height;
  /* Everything but what moves under the pointer, drawn once: while a note is dragged or a
   * stroke drawn, a frame is this picture and the moving layer on top. */
  GdkTexture       *still;

  /* Dragging a note */
  gint64            drag_note;
  double            drag_start_x, drag_start_y;
  double            grab_dx, grab_dy;
  double            drag_x, drag_y;
  gboolean          dragging;
  /* Drawing with the pen */
  HelBoardStroke   *live_stroke;

  /* The in-place editor */
  GtkPopover       *editor;
  GtkEntry         *editor_entry;
  GtkCheckButton   *editor_internal;
  GtkWidget        *editor_note_box;
  GtkDropDown      *editor_author;
  GtkWidget        *editor_author_swatch;
  GtkLabel         *editor_author_discipline;
  GtkLabel         *editor_written;
  GArray           *author_choices;         /* AuthorChoice */
  GtkWidget        *editor_agreement_box;
  GtkDropDown      *editor_owner;
  GtkEntry         *editor_due;
  GtkCheckButton   *editor_done;
  GtkDropDown      *editor_plan;
  GtkLabel         *editor_error;
  GArray           *owner_choices;          /* OwnerChoice */
  GArray           *plan_choices;           /* gint64 subgoal ids, 0 first */
  gint64            editing_id;             /* 0: new */
  gboolean          editing_agreement;
  HelBoardColumn    editing_column;
  gint64            editing_item;
  gint64            editing_linked_subgoal;

  /* The scale: "whose number is this?" */
  GtkPopover       *scale_popover;
  GtkBox           *scale_box;
  int               scale_value;
};

G_DEFINE_FINAL_TYPE (HelBoardCanvas, hel_board_canvas, GTK_TYPE_WIDGET)

static void owner_choice_clear (gpointer data)
{
  g_free (((OwnerChoice *) data)->name);
}

static HelAgendaItem *
current_item (HelBoardCanvas *self)
{
  HelMeeting *meeting = self->session ? hel_board_session_get_meeting (self->session) : NULL;

  if (meeting == NULL || self->item_id <= 0)
    return NULL;
  return hel_meeting_find_item (meeting, self->item_id);
}

/* Something drawn changed, but nothing that moves text about (the selection, the timer). */
static void
redraw (HelBoardCanvas *self)
{
  g_clear_object (&self->still);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate (HelBoardCanvas *self)
{
  g_clear_pointer (&self->layout, hel_board_layout_free);
  redraw (self);
}

static HelBoardTheme
current_theme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return HEL_BOARD_THEME_HIGH_CONTRAST;
  return adw_style_manager_get_dark (manager) ? HEL_BOARD_THEME_DARK : HEL_BOARD_THEME_LIGHT;
}

static void
fill_options (HelBoardCanvas        *self,
              HelBoardRenderOptions *options)
{
  hel_board_render_options_init (options);
  options->privacy = self->privacy;
  options->presentation = self->presentation;
  /* Internal notes are for the team's own screen, never the projector. */
  options->hide_internal = self->presentation;
  options->selected_note_id = self->selected_note;
  options->selected_agreement_id = self->selected_agreement;
  options->show_timer = self->show_timer;
  options->seconds_left = self->seconds_left;
  options->live_stroke = self->live_stroke;
  if (self->dragging)
    {
      options->dragged_note_id = self->drag_note;
      options->drag_x = self->drag_x - self->grab_dx;
      options->drag_y = self->drag_y - self->grab_dy;
    }
}

/* The layout for hit testing, measured like the drawing. */
static HelBoardLayout *
ensure_layout (HelBoardCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout != NULL && (self->layout_width != width || self->layout_height != height))
    g_clear_pointer (&self->layout, hel_board_layout_free);
  if (self->layout == NULL && width > 0 && height > 0)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_t *cr = cairo_create (surface);
      HelBoardStyle style;
      HelBoardRenderOptions options;

      hel_board_style_init (&style, current_theme ());
      fill_options (self, &options);
      self->layout = hel_board_layout_new (cr, self->session ? hel_board_session_get_meeting (self->session)
                                                             : NULL,
                                           current_item (self), &style, &options, width, height);
      self->layout_width = width;
      self->layout_height = height;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  return self->layout;
}

static HelMeeting *
current_meeting (HelBoardCanvas *self)
{
  return self->session ? hel_board_session_get_meeting (self->session) : NULL;
}

/* The still picture in device pixels, drawn with the layout kept for hit testing. */
static GdkTexture *
render_still (HelBoardCanvas *self,
              HelBoardLayout *layout,
              int             width,
              int             height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int pw = width * scale, ph = height * scale;
  HelBoardStyle style;
  HelBoardRenderOptions options;
  cairo_surface_t *surface;
  GBytes *bytes;
  GdkTexture *texture;
  cairo_t *cr;

  hel_board_style_init (&style, current_theme ());
  fill_options (self, &options);
  options.layers = HEL_BOARD_LAYER_ALL & ~HEL_BOARD_LAYER_MOVING;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  hel_render_board_layout (cr, layout, current_meeting (self), current_item (self), &style,
                           &options, width, height, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * ph,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  cairo_surface_destroy (surface);
  return texture;
}

/* Where the moving layer draws this frame: the dragged note, or the stroke being drawn. */
static gboolean
moving_bounds (HelBoardCanvas  *self,
               HelBoardLayout  *layout,
               graphene_rect_t *bounds)
{
  double margin = 8;

  if (self->dragging)
    {
      const HelBoardCard *card = hel_board_layout_find_card (layout, self->drag_note, FALSE);

      if (card == NULL)
        return FALSE;
      graphene_rect_init (bounds, self->drag_x - self->grab_dx - margin,
                          self->drag_y - self->grab_dy - margin, card->rect.width + 2 * margin,
                          card->rect.height + 2 * margin);
      return TRUE;
    }
  if (self->live_stroke != NULL && self->live_stroke->points->len > 0)
    {
      const HelBoardRect *b = &layout->board;
      double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

      for (guint i = 0; i < self->live_stroke->points->len; i++)
        {
          HelBoardPoint *p = &g_array_index (self->live_stroke->points, HelBoardPoint, i);

          x1 = MIN (x1, b->x + p->x * b->width);
          y1 = MIN (y1, b->y + p->y * b->height);
          x2 = MAX (x2, b->x + p->x * b->width);
          y2 = MAX (y2, b->y + p->y * b->height);
        }
      margin += self->live_stroke->width / 1000.0 * b->width * 2;
      graphene_rect_init (bounds, x1 - margin, y1 - margin, x2 - x1 + 2 * margin,
                          y2 - y1 + 2 * margin);
      return TRUE;
    }
  return FALSE;
}

static void
hel_board_canvas_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  HelBoardLayout *layout = ensure_layout (self);
  graphene_rect_t bounds;

  if (layout == NULL)
    return;
  if (self->still == NULL)
    self->still = render_still (self, layout, width, height);
  gtk_snapshot_append_texture (snapshot, self->still, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (moving_bounds (self, layout, &bounds))
    {
      HelBoardStyle style;
      HelBoardRenderOptions options;
      cairo_t *cr;

      hel_board_style_init (&style, current_theme ());
      fill_options (self, &options);
      options.layers = HEL_BOARD_LAYER_MOVING;
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      hel_render_board_layout (cr, layout, current_meeting (self), current_item (self), &style,
                               &options, width, height, NULL);
      cairo_destroy (cr);
    }
}

/* ---- the editor ---- */

static const HelBoardCard *
card_for (HelBoardCanvas *self,
          gint64          id,
          gboolean        agreement)
{
  HelBoardLayout *layout = ensure_layout (self);

  return layout ? hel_board_layout_find_card (layout, id, agreement) : NULL;
}

static void
point_editor_at (HelBoardCanvas *self,
                 GtkPopover     *popover,
                 double          x,
                 double          y,
                 double          w,
                 double          h)
{
  GdkRectangle rect = { (int) x, (int) y, MAX ((int) w, 1), MAX ((int) h, 1) };

  gtk_popover_set_pointing_to (popover, &rect);
}

static void
fill_owner_choices (HelBoardCanvas *self,
                    HelAgendaItem  *item,
                    HelAgreement   *agreement)
{
  HelMeeting *meeting = hel_board_session_get_meeting (self->session);
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) members = NULL;
  guint selected = 0;
  OwnerChoice none = { HEL_OWNER_NONE, 0, NULL };

  g_array_set_size (self->owner_choices, 0);
  g_array_append_val (self->owner_choices, none);
  gtk_string_list_append (labels, _("No owner yet"));

  members = hel_store_list_members (hel_board_session_get_store (self->session), item->family_id, NULL);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      HelMember *m = members->pdata[i];
      OwnerChoice c = { HEL_OWNER_MEMBER, hel_member_get_id (m), NULL };
      g_autofree char *name = g_strdup_printf ("%s %s", hel_member_get_first_name (m),
                                               hel_member_get_last_name (m) ? hel_member_get_last_name (m) : "");

      if (!hel_role_is_adult (hel_member_get_role (m)) && hel_member_get_role (m) != HEL_ROLE_CHILD)
        continue;
      c.name = g_strstrip (g_strdup (name));
      if (agreement && agreement->owner_kind == HEL_OWNER_MEMBER && agreement->owner_member_id == c.id)
        selected = self->owner_choices->len;
      gtk_string_list_append (labels, c.name);
      g_array_append_val (self->owner_choices, c);
    }
  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];
      OwnerChoice c = { p->caseworker_id > 0 ? HEL_OWNER_CASEWORKER : HEL_OWNER_EXTERNAL,
                        p->caseworker_id, g_strdup (hel_participant_get_name (p)) };

      if (p->removed)
        {
          g_free (c.name);
          continue;
        }
      if (agreement && ((c.kind == HEL_OWNER_CASEWORKER && agreement->owner_kind == c.kind &&
                         agreement->owner_caseworker_id == c.id) ||
                        (c.kind == HEL_OWNER_EXTERNAL && agreement->owner_kind == c.kind &&
                         g_strcmp0 (agreement->owner_name, c.name) == 0)))
        selected = self->owner_choices->len;
      if (p->role != NULL)
        {
          g_autofree char *label = g_strdup_printf ("%s (%s)", c.name, p->role);
          gtk_string_list_append (labels, label);
        }
      else
        gtk_string_list_append (labels, c.name);
      g_array_append_val (self->owner_choices, c);
    }
  /* An owner who is not in the lists (e.g. a caseworker who left the meeting) stays chosen. */
  if (agreement && selected == 0 && agreement->owner_kind != HEL_OWNER_NONE)
    {
      OwnerChoice c = { agreement->owner_kind,
                        agreement->owner_kind == HEL_OWNER_MEMBER ? agreement->owner_member_id
                                                                  : agreement->owner_caseworker_id,
                        g_strdup (agreement->owner_label ? agreement->owner_label : agreement->owner_name) };
      selected = self->owner_choices->len;
      gtk_string_list_append (labels, c.name ? c.name : "?");
      g_array_append_val (self->owner_choices, c);
    }
  gtk_drop_down_set_model (self->editor_owner, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->editor_owner, selected);
}

static void
fill_plan_choices (HelBoardCanvas *self,
                   HelAgendaItem  *item,
                   HelAgreement   *agreement)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(HelPlan) plan = hel_store_load_plan (hel_board_session_get_store (self->session),
                                                 item->family_id, NULL);
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->plan_choices, 0);
  g_array_append_val (self->plan_choices, none);
  gtk_string_list_append (labels, _("Not in the family plan"));
  self->editing_linked_subgoal = 0;
  if (plan != NULL && agreement != NULL && agreement->step_id > 0)
    {
      HelSubgoal *sg = NULL;
      if (hel_plan_find_step (plan, agreement->step_id, &sg) != NULL && sg != NULL)
        self->editing_linked_subgoal = sg->id;
    }
  for (guint i = 0; plan != NULL && i < hel_plan_data (plan)->goals->len; i++)
    {
      HelGoal *goal = hel_plan_data (plan)->goals->pdata[i];

      for (guint k = 0; k < goal->subgoals->len; k++)
        {
          HelSubgoal *sg = goal->subgoals->pdata[k];
          /* Translators: a small goal in the plan, chosen for an agreement: “Goal › small goal” */
          g_autofree char *label = g_strdup_printf (_("%s › %s"), goal->title, sg->wording);

          if (sg->id == self->editing_linked_subgoal)
            selected = self->plan_choices->len;
          g_array_append_val (self->plan_choices, sg->id);
          gtk_string_list_append (labels, label);
        }
    }
  gtk_drop_down_set_model (self->editor_plan, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->editor_plan, selected);
}

/* The discipline the chosen author gives the note, shown beside the list as the note's colour. */
static HelDiscipline
chosen_author_discipline (HelBoardCanvas *self)
{
  guint selected = gtk_drop_down_get_selected (self->editor_author);

  if (selected >= self->author_choices->len)
    return HEL_DISCIPLINE_OTHER;
  return g_array_index (self->author_choices, AuthorChoice, selected).discipline;
}

static gint64
chosen_author (HelBoardCanvas *self)
{
  guint selected = gtk_drop_down_get_selected (self->editor_author);

  if (selected >= self->author_choices->len)
    return 0;
  return g_array_index (self->author_choices, AuthorChoice, selected).participant_id;
}

static void
author_selected_cb (HelBoardCanvas *self)
{
  HelDiscipline discipline = chosen_author_discipline (self);

  gtk_label_set_label (self->editor_author_discipline, hel_discipline_label (discipline));
  gtk_widget_queue_draw (self->editor_author_swatch);
}

static void
draw_author_swatch (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        data)
{
  HelBoardCanvas *self = data;
  HelBoardStyle style;
  HelBoardColour *fill, *border;
  double size = MIN (width, height) - 2;

  hel_board_style_init (&style, current_theme ());
  fill = &style.note_fill[chosen_author_discipline (self)];
  border = &style.note_border;
  cairo_rectangle (cr, (width - size) / 2, (height - size) / 2, size, size);
  cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue, fill->alpha);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, style.line_scale);
  cairo_set_source_rgba (cr, border->red, border->green, border->blue, border->alpha);
  cairo_stroke (cr);
}

/* "Written by": the participants still in the meeting; a note's author who left (or whose
 * row is gone) stays listed so opening the note does not change who wrote it. */
static void
fill_author_choices (HelBoardCanvas *self,
                     HelBoardNote   *note)
{
  HelMeeting *meeting = hel_board_session_get_meeting (self->session);
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 author = note != NULL ? note->author_id : hel_board_session_get_default_author (self->session);
  AuthorChoice none = { 0, note != NULL ? note->discipline : HEL_DISCIPLINE_OTHER };
  guint selected = 0;

  g_array_set_size (self->author_choices, 0);
  g_array_append_val (self->author_choices, none);
  if (note != NULL && note->author_id == 0 && note->author_name != NULL)
    {
      /* Written by someone no longer in the database: their name is all there is. */
      g_autofree char *shown = hel_privacy_person_name (note->author_name, self->privacy);
      gtk_string_list_append (labels, shown);
    }
  else
    /* Translators: a note's author when nobody is chosen */
    gtk_string_list_append (labels, _("Not given"));

  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];
      AuthorChoice c = { p->id, (guint) p->discipline < HEL_N_DISCIPLINES ? p->discipline
                                                                          : HEL_DISCIPLINE_OTHER };
      g_autofree char *shown = NULL;
      g_autofree char *label = NULL;

      if (p->removed && p->id != author)
        continue;
      shown = hel_privacy_person_name (note != NULL && p->id == author && note->author_name != NULL
                                       ? note->author_name : hel_participant_get_name (p),
                                       self->privacy);
      if (p->removed)
        /* Translators: a note's author who has left the meeting */
        label = g_strdup_printf (_("%s (left)"), shown);
      else if (p->role != NULL)
        label = g_strdup_printf ("%s (%s)", shown, p->role);
      else
        label = g_steal_pointer (&shown);
      /* The note keeps the colour it was written in, even if the caseworker's changed since. */
      if (note != NULL && p->id == author)
        c.discipline = note->discipline;
      if (p->id == author)
        selected = self->author_choices->len;
      gtk_string_list_append (labels, label);
      g_array_append_val (self->author_choices, c);
    }
  gtk_drop_down_set_model (self->editor_author, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->editor_author, selected);
  author_selected_cb (self);
}

/* "Written 12.3.2025 at 14:32", local time. */
static char *
note_written_text (HelBoardNote *note)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (note == NULL || note->created == NULL ||
      (created = g_date_time_new_from_iso8601 (note->created, NULL)) == NULL)
    return NULL;
  local = g_date_time_to_local (created);
  iso = g_date_time_format (local, "%Y-%m-%d");
  date = hel_date_format (iso);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: when a note was written: a date, then a time of day */
  return g_strdup_printf (_("Written %s at %s"), date, time);
}

static void
open_editor (HelBoardCanvas *self,
             gboolean        agreement,
             gint64          id,
             HelBoardColumn  column)
{
  HelAgendaItem *item = current_item (self);
  HelMeeting *meeting = self->session ? hel_board_session_get_meeting (self->session) : NULL;
  const HelBoardCard *card = id > 0 ? card_for (self, id, agreement) : NULL;
  HelBoardLayout *layout = ensure_layout (self);

  if (item == NULL || meeting == NULL)
    return;
  self->editing_agreement = agreement;
  self->editing_id = id;
  self->editing_column = column;
  self->editing_item = item->id;
  gtk_label_set_label (self->editor_error, "");
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->editor_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->editor_internal), !agreement);
  gtk_widget_set_visible (self->editor_note_box, !agreement);
  gtk_widget_set_visible (self->editor_agreement_box, agreement);

  if (agreement)
    {
      HelAgreement *a = id > 0 ? hel_meeting_find_agreement (meeting, id, NULL) : NULL;
      g_autofree char *due = a && a->due ? hel_date_format (a->due) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (self->editor_entry), a ? a->what : "");
      gtk_editable_set_text (GTK_EDITABLE (self->editor_due), due ? due : "");
      gtk_check_button_set_active (self->editor_done, a ? a->done : FALSE);
      fill_owner_choices (self, item, a);
      fill_plan_choices (self, item, a);
      gtk_entry_set_placeholder_text (self->editor_entry, _("What is agreed"));
    }
  else
    {
      HelBoardNote *n = id > 0 ? hel_meeting_find_note (meeting, id, NULL) : NULL;

      g_autofree char *written = note_written_text (n);

      gtk_editable_set_text (GTK_EDITABLE (self->editor_entry), n ? n->text : "");
      gtk_check_button_set_active (self->editor_internal, n ? n->internal : FALSE);
      fill_author_choices (self, n);
      gtk_label_set_label (self->editor_written, written ? written : "");
      gtk_widget_set_visible (GTK_WIDGET (self->editor_written), written != NULL);
      gtk_entry_set_placeholder_text (self->editor_entry, _("Write the note"));
    }

  if (card != NULL)
    point_editor_at (self, self->editor, card->rect.x, card->rect.y, card->rect.width, card->rect.height);
  else if (layout != NULL)
    {
      const HelBoardRect *col = &layout->column_headers[column];
      point_editor_at (self, self->editor, col->x, col->y, col->width, col->height);
    }
  gtk_popover_popup (self->editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor_entry));
}

static void
show_editor_error (HelBoardCanvas *self,
                   const GError   *error)
{
  /* At the field; what was typed stays. */
  gtk_label_set_label (self->editor_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->editor_entry), "error");
}

static gboolean
commit_editor (HelBoardCanvas *self)
{
  g_autoptr(GError) error = NULL;
  HelMeeting *meeting = hel_board_session_get_meeting (self->session);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->editor_entry));
  gboolean ok;

  if (meeting == NULL)
    return FALSE;
  if (!self->editing_agreement)
    {
      HelBoardNote *existing = self->editing_id > 0 ? hel_meeting_find_note (meeting, self->editing_id, NULL)
                                                    : NULL;
      g_autoptr(HelBoardNote) note = existing ? hel_board_note_copy (existing)
                                              : hel_board_note_new (self->editing_column, NULL);

      g_free (note->text);
      note->text = g_strdup (text);
      note->internal = gtk_check_button_get_active (self->editor_internal);
      note->author_id = chosen_author (self);
      ok = hel_board_session_save_note (self->session, self->editing_item, note, &error);
      if (ok)
        {
          self->selected_note = note->id;
          /* The next note is by the same person until someone else is chosen. */
          if (note->author_id > 0)
            hel_board_session_set_last_author (self->session, note->author_id);
        }
    }
  else
    {
      HelAgreement *existing = self->editing_id > 0
                               ? hel_meeting_find_agreement (meeting, self->editing_id, NULL) : NULL;
      g_autoptr(HelAgreement) a = existing ? hel_agreement_copy (existing) : hel_agreement_new (NULL);
      guint owner = gtk_drop_down_get_selected (self->editor_owner);
      guint plan = gtk_drop_down_get_selected (self->editor_plan);
      g_autofree char *due = NULL;

      if (!hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->editor_due)), FALSE, &due,
                              &error))
        {
          show_editor_error (self, error);
          gtk_widget_add_css_class (GTK_WIDGET (self->editor_due), "error");
          return FALSE;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (self->editor_due), "error");
      g_free (a->what);
      a->what = g_strdup (text);
      g_free (a->due);
      a->due = g_steal_pointer (&due);
      a->done = gtk_check_button_get_active (self->editor_done);
      if (!a->done)
        g_clear_pointer (&a->done_date, g_free);
      a->owner_kind = HEL_OWNER_NONE;
      a->owner_member_id = a->owner_caseworker_id = 0;
      g_clear_pointer (&a->owner_name, g_free);
      if (owner < self->owner_choices->len)
        {
          OwnerChoice *c = &g_array_index (self->owner_choices, OwnerChoice, owner);
          a->owner_kind = c->kind;
          if (c->kind == HEL_OWNER_MEMBER)
            a->owner_member_id = c->id;
          else if (c->kind == HEL_OWNER_CASEWORKER)
            a->owner_caseworker_id = c->id;
          else if (c->kind == HEL_OWNER_EXTERNAL)
            a->owner_name = g_strdup (c->name);
        }
      /* A carried agreement is saved where it is shown; the store finds its own meeting. */
      ok = hel_board_session_save_agreement (self->session, self->editing_item, a, &error);
      if (ok)
        {
          gint64 subgoal = plan < self->plan_choices->len ? g_array_index (self->plan_choices, gint64, plan)
                                                          : 0;
          self->selected_agreement = a->id;
          if (subgoal != self->editing_linked_subgoal)
            {
              if (self->editing_linked_subgoal > 0)
                ok = hel_board_session_link_agreement (self->session, a->id, 0, &error);
              if (ok && subgoal > 0)
                ok = hel_board_session_link_agreement (self->session, a->id, subgoal, &error);
            }
        }
    }
  if (!ok)
    {
      show_editor_error (self, error);
      return FALSE;
    }
  gtk_popover_popdown (self->editor);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

static void
editor_activate_cb (HelBoardCanvas *self)
{
  commit_editor (self);
}

static gboolean
editor_save_shortcut_cb (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   data)
{
  commit_editor (HEL_BOARD_CANVAS (data));
  return TRUE;
}

/* ---- the scale ---- */

static void
scale_person_clicked_cb (GtkButton      *button,
                         HelBoardCanvas *self)
{
  g_autoptr(GError) error = NULL;
  gint64 participant = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "participant"));
  HelAgendaItem *item = current_item (self);
  int value = self->scale_value;

  if (item == NULL)
    return;
  /* The same number again takes it away. */
  if (hel_agenda_item_get_scale (item, participant) == value)
    value = -1;
  if (!hel_board_session_set_scale (self->session, item->id, participant, value, &error))
    hel_board_session_toast (self->session, error->message, FALSE);
  gtk_popover_popdown (self->scale_popover);
}

static void
open_scale (HelBoardCanvas *self,
            int             value)
{
  HelMeeting *meeting = hel_board_session_get_meeting (self->session);
  HelAgendaItem *item = current_item (self);
  HelBoardLayout *layout = ensure_layout (self);
  g_autofree char *title = g_strdup_printf (_("Whose number is %d?"), value);
  GtkWidget *child;

  if (meeting == NULL || item == NULL || layout == NULL)
    return;
  self->scale_value = value;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scale_box))) != NULL)
    gtk_box_remove (self->scale_box, child);
  child = gtk_label_new (title);
  gtk_widget_add_css_class (child, "heading");
  gtk_box_append (self->scale_box, child);
  for (guint i = 0; i < hel_meeting_data (meeting)->participants->len; i++)
    {
      HelParticipant *p = hel_meeting_data (meeting)->participants->pdata[i];
      int current = hel_agenda_item_get_scale (item, p->id);
      g_autofree char *shown = hel_privacy_person_name (hel_participant_get_name (p), self->privacy);
      g_autofree char *label = current >= 0 ? g_strdup_printf ("%s (%d)", shown, current)
                                            : g_strdup (shown);
      GtkWidget *button;

      if (p->removed)
        continue;
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "participant", GSIZE_TO_POINTER ((gsize) p->id));
      g_signal_connect (button, "clicked", G_CALLBACK (scale_person_clicked_cb), self);
      gtk_box_append (self->scale_box, button);
    }
  point_editor_at (self, self->scale_popover, layout->scale.x + value * layout->scale.width / 10.0 - 4,
                   layout->scale.y, 8, layout->scale.height);
  gtk_popover_popup (self->scale_popover);
}

/* ---- input ---- */

static void
select_card (HelBoardCanvas     *self,
             const HelBoardCard *card)
{
  self->selected_note = card && !card->is_agreement ? card->id : 0;
  self->selected_agreement = card && card->is_agreement ? card->id : 0;
  if (card != NULL)
    self->current_column = card->column;
  redraw (self);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  HelBoardCanvas  *self)
{
  HelBoardLayout *layout = ensure_layout (self);
  const HelBoardCard *card;
  int column, value;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (layout == NULL || current_item (self) == NULL || self->pen_mode)
    return;
  card = hel_board_layout_card_at (layout, x, y);
  if (card != NULL)
    {
      select_card (self, card);
      if (n_press == 2)
        open_editor (self, card->is_agreement, card->id, card->column);
      return;
    }
  value = hel_board_layout_scale_at (layout, x, y);
  if (value >= 0 && n_press == 1)
    {
      open_scale (self, value);
      return;
    }
  column = hel_board_layout_column_at (layout, x, y);
  if (column >= 0)
    {
      select_card (self, NULL);
      self->current_column = column;
      /* Double-click on the empty board: a new note there (an agreement in Agreements). */
      if (n_press == 2)
        open_editor (self, column == HEL_BOARD_AGREEMENTS, 0, column);
    }
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               HelBoardCanvas *self)
{
  HelBoardLayout *layout = ensure_layout (self);
  const HelBoardCard *card;

  self->drag_note = 0;
  self->dragging = FALSE;
  self->drag_start_x = x;
  self->drag_start_y = y;
  if (layout == NULL || current_item (self) == NULL)
    return;
  if (self->pen_mode)
    {
      g_clear_pointer (&self->live_stroke, hel_board_stroke_free);
      self->live_stroke = hel_board_stroke_new (PEN_WIDTH);
      hel_board_stroke_add_point (self->live_stroke, (x - layout->board.x) / layout->board.width,
                                  (y - layout->board.y) / layout->board.height);
      if (gesture != NULL)
        gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  card = hel_board_layout_card_at (layout, x, y);
  if (card != NULL && !card->is_agreement)
    {
      self->drag_note = card->id;
      self->grab_dx = x - card->rect.x;
      self->grab_dy = y - card->rect.y;
    }
}

static void
drag_update (HelBoardCanvas *self,
             double          x,
             double          y)
{
  HelBoardLayout *layout = ensure_layout (self);

  if (self->live_stroke != NULL && layout != NULL)
    {
      hel_board_stroke_add_point (self->live_stroke, (x - layout->board.x) / layout->board.width,
                                  (y - layout->board.y) / layout->board.height);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  if (self->drag_note == 0)
    return;
  if (!self->dragging && hypot (x - self->drag_start_x, y - self->drag_start_y) < DRAG_THRESHOLD)
    return;
  if (!self->dragging)
    {
      /* The note leaves the still picture and moves on its own. */
      self->dragging = TRUE;
      g_clear_object (&self->still);
    }
  self->drag_x = x;
  self->drag_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                HelBoardCanvas *self)
{
  drag_update (self, self->drag_start_x + dx, self->drag_start_y + dy);
}

/* A note dropped on Agreements (or moved there with Alt+Right) becomes an agreement; the
 * editor opens on it so the room can say who does it and by when. */
static void
convert_note (HelBoardCanvas *self,
              gint64          note_id)
{
  g_autoptr(GError) error = NULL;
  gint64 agreement_id = 0;

  if (!hel_board_session_convert_note (self->session, note_id, &agreement_id, &error))
    {
      hel_board_session_toast (self->session, error->message, FALSE);
      return;
    }
  self->selected_note = 0;
  self->selected_agreement = agreement_id;
  self->current_column = HEL_BOARD_AGREEMENTS;
  invalidate (self);
  hel_board_session_toast (self->session, _("Note made an agreement"), TRUE);
  open_editor (self, TRUE, agreement_id, HEL_BOARD_AGREEMENTS);
}

static void
drag_end (HelBoardCanvas *self,
          double          x,
          double          y)
{
  g_autoptr(GError) error = NULL;
  HelBoardLayout *layout = ensure_layout (self);
  HelAgendaItem *item = current_item (self);

  if (self->live_stroke != NULL)
    {
      g_autoptr(HelBoardStroke) stroke = g_steal_pointer (&self->live_stroke);

      if (item != NULL && !hel_board_session_add_stroke (self->session, item->id, stroke, &error))
        hel_board_session_toast (self->session, error->message, FALSE);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  if (self->dragging && layout != NULL)
    {
      int column = hel_board_layout_column_at (layout, x, y);
      gint64 note = self->drag_note;

      self->dragging = FALSE;
      self->drag_note = 0;
      if (column == HEL_BOARD_AGREEMENTS)
        convert_note (self, note);
      else if (column >= 0)
        {
          guint index = hel_board_layout_drop_index (layout, column, note, y - self->grab_dy +
                                                     layout->font_size);
          if (!hel_board_session_move_note (self->session, note, column, index, &error))
            hel_board_session_toast (self->session, error->message, FALSE);
          self->selected_note = note;
          self->current_column = column;
        }
      invalidate (self);
    }
  self->dragging = FALSE;
  self->drag_note = 0;
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             HelBoardCanvas *self)
{
  drag_end (self, self->drag_start_x + dx, self->drag_start_y + dy);
}

void
_hel_board_canvas_drag (HelBoardCanvas *self,
                        double          x1,
                        double          y1,
                        double          x2,
                        double          y2)
{
  g_return_if_fail (HEL_IS_BOARD_CANVAS (self));

  drag_begin_cb (NULL, x1, y1, self);
  drag_update (self, (x1 + x2) / 2, (y1 + y2) / 2);
  drag_update (self, x2, y2);
  drag_end (self, x2, y2);
}

/* ---- actions ---- */

static void
new_note_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (widget);
  HelBoardColumn column = self->current_column;

  if (g_str_equal (action_name, "board.new-agreement"))
    column = HEL_BOARD_AGREEMENTS;
  else if (column == HEL_BOARD_AGREEMENTS)
    column = HEL_BOARD_WORRIES;
  open_editor (self, column == HEL_BOARD_AGREEMENTS, 0, column);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (widget);

  if (self->selected_note > 0)
    open_editor (self, FALSE, self->selected_note, self->current_column);
  else if (self->selected_agreement > 0)
    open_editor (self, TRUE, self->selected_agreement, HEL_BOARD_AGREEMENTS);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->session == NULL)
    return;
  if (self->selected_note > 0)
    {
      ok = hel_board_session_delete_note (self->session, self->selected_note, &error);
      if (ok)
        hel_board_session_toast (self->session, _("Note deleted"), TRUE);
      self->selected_note = 0;
    }
  else if (self->selected_agreement > 0)
    {
      ok = hel_board_session_delete_agreement (self->session, self->selected_agreement, &error);
      if (ok)
        hel_board_session_toast (self->session, _("Agreement deleted"), TRUE);
      self->selected_agreement = 0;
    }
  if (!ok)
    hel_board_session_toast (self->session, error->message, FALSE);
}

static void
toggle_done_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  HelMeeting *meeting = self->session ? hel_board_session_get_meeting (self->session) : NULL;
  HelAgreement *a = meeting && self->selected_agreement > 0
                    ? hel_meeting_find_agreement (meeting, self->selected_agreement, NULL) : NULL;

  if (a != NULL && !hel_board_session_set_agreement_done (self->session, a->id, !a->done, &error))
    hel_board_session_toast (self->session, error->message, FALSE);
}

static void
erase_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  HelAgendaItem *item = current_item (self);
  HelBoardStroke *last;

  if (item == NULL || item->strokes->len == 0)
    return;
  last = item->strokes->pdata[item->strokes->len - 1];
  if (!hel_board_session_erase_stroke (self->session, last->id, &error))
    hel_board_session_toast (self->session, error->message, FALSE);
  else
    hel_board_session_toast (self->session, _("Drawing erased"), TRUE);
}

static void
pen_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (widget);
  hel_board_canvas_set_pen_mode (self, !self->pen_mode);
}

/* Alt+arrows move the selected note: the keyboard way to drag. Arrows alone move the selection. */
static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  HelAgendaItem *item = current_item (self);
  const char *where = g_variant_get_string (parameter, NULL);
  HelBoardNote *note;
  g_autoptr(GPtrArray) notes = NULL;
  guint index = 0;
  int column;

  if (item == NULL || self->selected_note <= 0 ||
      (note = hel_meeting_find_note (hel_board_session_get_meeting (self->session),
                                     self->selected_note, NULL)) == NULL)
    return;
  notes = hel_agenda_item_column_notes (item, note->column);
  for (guint i = 0; i < notes->len; i++)
    if (notes->pdata[i] == note)
      index = i;
  column = note->column;
  if (g_str_equal (where, "right") && column == HEL_BOARD_NEEDS)
    {
      convert_note (self, note->id);
      return;
    }
  if (g_str_equal (where, "left") && column > 0)
    column--;
  else if (g_str_equal (where, "right") && column < HEL_BOARD_NEEDS)
    column++;
  else if (g_str_equal (where, "up") && index > 0)
    index--;
  else if (g_str_equal (where, "down"))
    index++;
  else
    return;
  if (column != (int) note->column)
    index = 0;
  if (!hel_board_session_move_note (self->session, note->id, column, index, &error))
    hel_board_session_toast (self->session, error->message, FALSE);
  self->current_column = column;
}

/* ---- lifecycle ---- */

static void
session_changed_cb (HelBoardCanvas *self)
{
  HelMeeting *meeting = hel_board_session_get_meeting (self->session);

  if (meeting == NULL || hel_meeting_find_item (meeting, self->item_id) == NULL)
    {
      self->selected_note = self->selected_agreement = 0;
    }
  else
    {
      if (self->selected_note > 0 && hel_meeting_find_note (meeting, self->selected_note, NULL) == NULL)
        self->selected_note = 0;
      if (self->selected_agreement > 0 &&
          hel_meeting_find_agreement (meeting, self->selected_agreement, NULL) == NULL)
        self->selected_agreement = 0;
    }
  invalidate (self);
}

static void
style_changed_cb (HelBoardCanvas *self)
{
  invalidate (self);
}

static void
scale_factor_cb (HelBoardCanvas *self,
                 GParamSpec     *pspec,
                 gpointer        data)
{
  invalidate (self);
}

static void
build_editor (HelBoardCanvas *self)
{
  GtkWidget *box, *row, *label, *save, *cancel, *buttons;
  GtkEventController *shortcuts;

  self->editor = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_size_request (box, 320, -1);
  gtk_popover_set_child (self->editor, box);

  self->editor_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (self->editor_entry, FALSE);
  g_signal_connect_swapped (self->editor_entry, "activate", G_CALLBACK (editor_activate_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor_entry));

  self->editor_internal = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
    _("_Internal: for the team only, never on the projector or in the minutes")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor_internal));

  /* A note's author and time: who wrote it gives it its colour. */
  self->editor_note_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (box), self->editor_note_box);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("Written _by"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->editor_author = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->editor_author), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->editor_author),
                               _("The note’s colour follows the author’s discipline"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->editor_author));
  g_signal_connect_swapped (self->editor_author, "notify::selected", G_CALLBACK (author_selected_cb),
                            self);
  self->editor_author_swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->editor_author_swatch), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->editor_author_swatch), 16);
  gtk_widget_set_valign (self->editor_author_swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->editor_author_swatch), draw_author_swatch,
                                  self, NULL);
  self->editor_author_discipline = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->editor_author_discipline), "dim-label");
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->editor_author));
  gtk_box_append (GTK_BOX (row), self->editor_author_swatch);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->editor_author_discipline));
  gtk_box_append (GTK_BOX (self->editor_note_box), row);
  self->editor_written = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->editor_written, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->editor_written), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->editor_written), "caption");
  gtk_box_append (GTK_BOX (self->editor_note_box), GTK_WIDGET (self->editor_written));

  self->editor_agreement_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->editor_agreement_box);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Who"));
  gtk_widget_set_size_request (label, 70, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->editor_owner = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->editor_owner), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->editor_owner));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->editor_owner));
  gtk_box_append (GTK_BOX (self->editor_agreement_box), row);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("_By when"));
  gtk_widget_set_size_request (label, 70, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->editor_due = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->editor_due, _("Date, e.g. 18.3.2025"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->editor_due), TRUE);
  g_signal_connect_swapped (self->editor_due, "activate", G_CALLBACK (editor_activate_cb), self);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->editor_due));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->editor_due));
  gtk_box_append (GTK_BOX (self->editor_agreement_box), row);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Plan"));
  gtk_widget_set_size_request (label, 70, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->editor_plan = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->editor_plan), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->editor_plan),
                               _("Under a small goal, the agreement is a step of the family plan: "
                                 "done in one place is done in both"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->editor_plan));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->editor_plan));
  gtk_box_append (GTK_BOX (self->editor_agreement_box), row);
  self->editor_done = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Done")));
  gtk_box_append (GTK_BOX (self->editor_agreement_box), GTK_WIDGET (self->editor_done));

  self->editor_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->editor_error, TRUE);
  gtk_label_set_xalign (self->editor_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->editor_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor_error));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_popover_popdown), self->editor);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (editor_activate_cb), self);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);
  /* Return saves from the fields that do not use it themselves; Ctrl+Return from anywhere, the
   * author's drop-down too (there Return opens the list). Escape cancels, as in any popover. */
  gtk_popover_set_default_widget (self->editor, save);
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (shortcuts, "editor-shortcuts");
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (
                        gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                        gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                      gtk_callback_action_new (editor_save_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->editor), shortcuts);

  self->scale_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->scale_popover), GTK_WIDGET (self));
  self->scale_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_popover_set_child (self->scale_popover, GTK_WIDGET (self->scale_box));
}

static void
hel_board_canvas_dispose (GObject *object)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (object);

  if (self->editor != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->editor));
      self->editor = NULL;
    }
  if (self->scale_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->scale_popover));
      self->scale_popover = NULL;
    }
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  G_OBJECT_CLASS (hel_board_canvas_parent_class)->dispose (object);
}

static void
hel_board_canvas_finalize (GObject *object)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (object);

  g_clear_pointer (&self->layout, hel_board_layout_free);
  g_clear_object (&self->still);
  g_clear_pointer (&self->live_stroke, hel_board_stroke_free);
  g_clear_pointer (&self->owner_choices, g_array_unref);
  g_clear_pointer (&self->plan_choices, g_array_unref);
  g_clear_pointer (&self->author_choices, g_array_unref);
  G_OBJECT_CLASS (hel_board_canvas_parent_class)->finalize (object);
}

static void
hel_board_canvas_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  HelBoardCanvas *self = HEL_BOARD_CANVAS (widget);

  g_clear_pointer (&self->layout, hel_board_layout_free);
  g_clear_object (&self->still);
  gtk_popover_present (self->editor);
  gtk_popover_present (self->scale_popover);
}

static void
hel_board_canvas_class_init (HelBoardCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_board_canvas_dispose;
  object_class->finalize = hel_board_canvas_finalize;
  widget_class->snapshot = hel_board_canvas_snapshot;
  widget_class->size_allocate = hel_board_canvas_size_allocate;

  gtk_widget_class_install_action (widget_class, "board.new-note", NULL, new_note_action_cb);
  gtk_widget_class_install_action (widget_class, "board.new-agreement", NULL, new_note_action_cb);
  gtk_widget_class_install_action (widget_class, "board.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "board.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "board.toggle-done", NULL, toggle_done_action_cb);
  gtk_widget_class_install_action (widget_class, "board.pen", NULL, pen_action_cb);
  gtk_widget_class_install_action (widget_class, "board.erase", NULL, erase_action_cb);
  gtk_widget_class_install_action (widget_class, "board.move-note", "s", move_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "board.new-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "board.new-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "board.new-agreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "board.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "board.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "board.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "board.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, 0, "board.toggle-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "board.pen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, 0, "board.erase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "board.move-note",
                                       "s", "left");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "board.move-note",
                                       "s", "right");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "board.move-note",
                                       "s", "up");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "board.move-note",
                                       "s", "down");

  gtk_widget_class_set_css_name (widget_class, "boardcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hel_board_canvas_init (HelBoardCanvas *self)
{
  GtkGesture *click, *drag;

  self->privacy = HEL_PRIVACY_FULL_NAMES;
  self->owner_choices = g_array_new (FALSE, TRUE, sizeof (OwnerChoice));
  g_array_set_clear_func (self->owner_choices, owner_choice_clear);
  self->plan_choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->author_choices = g_array_new (FALSE, TRUE, sizeof (AuthorChoice));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  build_editor (self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::high-contrast",
                            G_CALLBACK (style_changed_cb), self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);
}

GtkWidget *
hel_board_canvas_new (void)
{
  return g_object_new (HEL_TYPE_BOARD_CANVAS, NULL);
}

void
hel_board_canvas_set_session (HelBoardCanvas  *self,
                              HelBoardSession *session)
{
  g_return_if_fail (HEL_IS_BOARD_CANVAS (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);
  self->item_id = 0;
  self->selected_note = self->selected_agreement = 0;
  if (self->editor != NULL)
    gtk_popover_popdown (self->editor);
  invalidate (self);
}

HelBoardSession *
hel_board_canvas_get_session (HelBoardCanvas *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_CANVAS (self), NULL);
  return self->session;
}

void
hel_board_canvas_set_item_id (HelBoardCanvas *self,
                              gint64          item_id)
{
  g_return_if_fail (HEL_IS_BOARD_CANVAS (self));

  if (self->item_id == item_id)
    return;
  self->item_id = item_id;
  self->selected_note = self->selected_agreement = 0;
  self->current_column = HEL_BOARD_WORRIES;
  g_clear_pointer (&self->live_stroke, hel_board_stroke_free);
  if (self->editor != NULL)
    gtk_popover_popdown (self->editor);
  invalidate (self);
}

gint64
hel_board_canvas_get_item_id (HelBoardCanvas *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_CANVAS (self), 0);
  return self->item_id;
}

void
hel_board_canvas_set_privacy (HelBoardCanvas *self,
                              HelPrivacy      privacy)
{
  g_return_if_fail (HEL_IS_BOARD_CANVAS (self));
  if (self->privacy == privacy)
    return;
  self->privacy = privacy;
  invalidate (self);
}

HelPrivacy
hel_board_canvas_get_privacy (HelBoardCanvas *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_CANVAS (self), HEL_PRIVACY_INITIALS);
  return self->privacy;
}

void
hel_board_canvas_set_presentation (HelBoardCanvas *self,
                                   gboolean        presentation)
{
  g_return_if_fail (HEL_IS_BOARD_CANVAS (self));
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;
  invalidate (self);
}

void
hel_board_canvas_set_timer (HelBoardCanvas *self,
                            gboolean        show,
                            int             seconds_left)
{
  g_return_if_fail (HEL_IS_BOARD_CANVAS (self));
  if (self->show_timer == show && self->seconds_left == seconds_left)
    return;
  /* A tick of the countdown moves nothing: the layout stays. */
  if (self->show_timer != show)
    g_clear_pointer (&self->layout, hel_board_layout_free);
  self->show_timer = show;
  self->seconds_left = seconds_left;
  redraw (self);
}

void
hel_board_canvas_set_pen_mode (HelBoardCanvas *self,
                               gboolean        pen_mode)
{
  g_return_if_fail (HEL_IS_BOARD_CANVAS (self));
  self->pen_mode = pen_mode;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), pen_mode ? "crosshair" : NULL);
}

gboolean
hel_board_canvas_get_pen_mode (HelBoardCanvas *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_CANVAS (self), FALSE);
  return self->pen_mode;
}

gint64
hel_board_canvas_get_selected_note (HelBoardCanvas *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_CANVAS (self), 0);
  return self->selected_note;
}

HelBoardLayout *
_hel_board_canvas_get_layout (HelBoardCanvas *self)
{
  return ensure_layout (self);
}

void
_hel_board_canvas_select_note (HelBoardCanvas *self,
                               gint64          note_id)
{
  self->selected_note = note_id;
  self->selected_agreement = 0;
  redraw (self);
}

void
_hel_board_canvas_begin_new_note (HelBoardCanvas *self,
                                  HelBoardColumn  column)
{
  open_editor (self, column == HEL_BOARD_AGREEMENTS, 0, column);
}

GtkEditable *
_hel_board_canvas_get_editor_entry (HelBoardCanvas *self)
{
  return GTK_EDITABLE (self->editor_entry);
}

GtkLabel *
_hel_board_canvas_get_editor_error (HelBoardCanvas *self)
{
  return self->editor_error;
}

GtkEditable *
_hel_board_canvas_get_editor_due (HelBoardCanvas *self)
{
  return GTK_EDITABLE (self->editor_due);
}

gboolean
_hel_board_canvas_editor_is_open (HelBoardCanvas *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->editor));
}

gboolean
_hel_board_canvas_commit_editor (HelBoardCanvas *self)
{
  return commit_editor (self);
}

GtkDropDown *
_hel_board_canvas_get_editor_author (HelBoardCanvas *self)
{
  return self->editor_author;
}

GtkLabel *
_hel_board_canvas_get_editor_written (HelBoardCanvas *self)
{
  return self->editor_written;
}

gint64
_hel_board_canvas_get_editor_author_id (HelBoardCanvas *self)
{
  return chosen_author (self);
}

gboolean
_hel_board_canvas_choose_author (HelBoardCanvas *self,
                                 gint64          participant_id)
{
  for (guint i = 0; i < self->author_choices->len; i++)
    if (g_array_index (self->author_choices, AuthorChoice, i).participant_id == participant_id)
      {
        gtk_drop_down_set_selected (self->editor_author, i);
        return TRUE;
      }
  return FALSE;
}
