/* hel-netmap-canvas.c: the network map on screen: cached layers, gestures, keys, selection.
 *
 * The drawing is the core's (hel_render_netmap_layers); this widget keeps the expensive
 * STATIC layer as a texture and, while a person is dragged, draws only the ACTIVE layer on
 * top of it. During a pan or zoom the cached texture is moved and scaled, and drawn sharp
 * again once the gesture settles. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "hel-netmap-canvas.h"
#include "hel-collate.h"
#include "hel-render-netmap.h"

#define SETTLE_MS          160     /* after the last pan or zoom step, draw sharp again */
#define DRAG_THRESHOLD     4.0     /* pixels before a press becomes a drag */
#define HIT_TOLERANCE_PX   5.0
#define HANDLE_RADIUS_PX   9.0
#define KEY_STEP           0.1     /* map units per arrow key press (a ring is 1) */
#define KEY_STEP_BIG       0.5
#define ZOOM_STEP          1.25

typedef enum {
  DRAG_NONE,
  DRAG_PENDING,      /* pressed, not moved yet */
  DRAG_MOVE,
  DRAG_TIE,
  DRAG_PAN,
  DRAG_BAND,
} DragMode;

typedef struct {
  gint64 id;
  double x, y;
} Origin;

struct _HelNetmapCanvas
{
  GtkWidget           parent_instance;

  HelNetmap          *map;
  HelNetmapStyle      style;
  HelNetmapRenderCache *render_cache;
  HelNetmapView       view;
  gboolean            user_view;        /* zoomed or panned by hand: keep it on resize */
  int                 width, height;
  gboolean            initials_only;

  GArray             *selection;        /* gint64 node ids, the first is the primary */
  gint64              selected_tie;

  /* Cached layers, dropped on resize, data, selection, theme and (settled) view changes. */
  GdkTexture         *static_texture;
  HelNetmapView       static_view;
  gint64              static_active;
  GdkTexture         *legend_texture;
  guint               settle_id;
  guint               static_renders;

  /* The gesture under way. */
  DragMode            drag_mode;
  DragMode            drag_intent;      /* what a pending press becomes once it moves */
  GdkModifierType     drag_state;
  double              drag_x, drag_y;   /* where it began, widget pixels */
  double              drag_dx, drag_dy;
  gint64              drag_node;        /* the node pressed on; 0 for none */
  gint64              drag_tie;
  gboolean            drag_on_centre;
  HelNetmapView       drag_view;
  GArray             *drag_origins;     /* Origin */
  gint64              tie_target;       /* -1: nothing under the pointer */
  HelNetmapView       zoom_view;
  double              zoom_x, zoom_y;
  double              pointer_x, pointer_y;
  gboolean            pointer_inside;
};

G_DEFINE_FINAL_TYPE (HelNetmapCanvas, hel_netmap_canvas, GTK_TYPE_WIDGET)

enum {
  MOVE_NODES,
  ADD_NODE_AT,
  ADD_TIE,
  EDIT_NODE,
  EDIT_TIE,
  SELECTION_CHANGED,
  VIEW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- caches and style ---- */

static void
drop_static (HelNetmapCanvas *self)
{
  g_clear_object (&self->static_texture);
}

static void
drop_caches (HelNetmapCanvas *self)
{
  g_clear_object (&self->static_texture);
  g_clear_object (&self->legend_texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_style (HelNetmapCanvas *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoFontDescription *font;
  GdkRGBA accent;
  int dpi = 0;

  if (adw_style_manager_get_high_contrast (manager))
    hel_netmap_style_init (&self->style, HEL_NETMAP_THEME_HIGH_CONTRAST);
  else if (adw_style_manager_get_dark (manager))
    hel_netmap_style_init (&self->style, HEL_NETMAP_THEME_DARK);
  else
    hel_netmap_style_init (&self->style, HEL_NETMAP_THEME_LIGHT);

  /* The selection in the desktop's accent colour, names in the desktop's font and text size. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    {
      self->style.selection.red = accent.red;
      self->style.selection.green = accent.green;
      self->style.selection.blue = accent.blue;
      self->style.selection.alpha = 1.0;
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  if (font != NULL && pango_font_description_get_family (font) != NULL)
    self->style.font_family = g_intern_string (pango_font_description_get_family (font));
  if (settings != NULL)
    g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  self->style.text_scale = dpi > 0 ? CLAMP (dpi / (96.0 * 1024.0), 0.75, 3.0) : 1.0;
  if (self->render_cache != NULL)
    hel_netmap_render_cache_clear (self->render_cache);
  drop_caches (self);
}

static void
style_changed_cb (HelNetmapCanvas *self)
{
  update_style (self);
}

static void
scale_factor_cb (HelNetmapCanvas *self,
                 GParamSpec      *pspec,
                 gpointer         data)
{
  drop_caches (self);
}

/* Draws @layers into a texture of the widget's size in device pixels. */
static GdkTexture *
render_texture (HelNetmapCanvas *self,
                HelNetmapLayer   layers,
                gint64           active)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int pw = self->width * scale, ph = self->height * scale;
  HelNetmapRenderOptions options;
  cairo_surface_t *surface;
  GBytes *bytes;
  GdkTexture *texture;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  hel_netmap_render_options_init (&options);
  options.layers = layers;
  options.active_node_id = active;
  options.selected_node_id = self->selection->len > 0 ? g_array_index (self->selection, gint64, 0)
                                                      : 0;
  options.selected_tie_id = self->selected_tie;
  options.initials_only = self->initials_only;
  options.cache = self->render_cache;
  hel_render_netmap_layers (cr, self->map, &self->style, &self->view, &options,
                            self->width, self->height, NULL);
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

/* ---- view ---- */

static void
fit_view (HelNetmapCanvas *self)
{
  if (self->width <= 0 || self->height <= 0)
    return;
  hel_render_netmap_fit_view (&self->view, &self->style, self->width, self->height);
}

static gboolean
settle_cb (gpointer data)
{
  HelNetmapCanvas *self = data;

  self->settle_id = 0;
  drop_static (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* @transient: part of a gesture; the cached drawing is moved until it settles. */
static void
view_changed (HelNetmapCanvas *self,
              gboolean         transient)
{
  self->user_view = TRUE;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (transient)
    self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
  else
    drop_static (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

static gboolean
same_view (const HelNetmapView *a,
           const HelNetmapView *b)
{
  return a->scale == b->scale && a->origin_x == b->origin_x && a->origin_y == b->origin_y;
}

/* ---- selection ---- */

static gboolean
is_selected (HelNetmapCanvas *self,
             gint64           node_id)
{
  for (guint i = 0; i < self->selection->len; i++)
    if (g_array_index (self->selection, gint64, i) == node_id)
      return TRUE;
  return FALSE;
}

static void
describe_selection (HelNetmapCanvas *self)
{
  g_autofree char *text = NULL;
  gint64 id = hel_netmap_canvas_get_selected_node (self);
  HelNetmapNode *node = id > 0 && self->map ? hel_netmap_find_node (self->map, id) : NULL;

  if (node != NULL)
    {
      guint ties = 0;

      for (guint i = 0; i < self->map->ties->len; i++)
        {
          HelNetmapTie *tie = self->map->ties->pdata[i];
          ties += tie->from_id == id || tie->to_id == id;
        }
      /* Translators: what a screen reader says about the selected person: name, sector, ring,
       * number of ties */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s, %s, %u tie",
                                           "%s: %s, %s, %u ties", ties),
                              node->name,
                              hel_netmap_sector_label (hel_netmap_sector_at (node->x, node->y)),
                              hel_netmap_ring_label (hel_netmap_ring_at (node->x, node->y)), ties);
    }
  else
    text = g_strdup (_("Tab moves between the people, the arrow keys move the selected person, "
                       "Enter edits and Delete removes. The list beside the map has the same "
                       "people."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
selection_changed (HelNetmapCanvas *self)
{
  drop_static (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  describe_selection (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_single_selection (HelNetmapCanvas *self,
                      gint64           node_id,
                      gint64           tie_id)
{
  if (self->selected_tie == tie_id &&
      ((node_id == 0 && self->selection->len == 0) ||
       (node_id > 0 && self->selection->len == 1 &&
        g_array_index (self->selection, gint64, 0) == node_id)))
    return;
  g_array_set_size (self->selection, 0);
  if (node_id > 0)
    g_array_append_val (self->selection, node_id);
  self->selected_tie = tie_id;
  selection_changed (self);
}

static void
toggle_selection (HelNetmapCanvas *self,
                  gint64           node_id)
{
  for (guint i = 0; i < self->selection->len; i++)
    if (g_array_index (self->selection, gint64, i) == node_id)
      {
        g_array_remove_index (self->selection, i);
        selection_changed (self);
        return;
      }
  g_array_append_val (self->selection, node_id);
  self->selected_tie = 0;
  selection_changed (self);
}

static void
scroll_into_view (HelNetmapCanvas *self,
                  gint64           node_id)
{
  HelNetmapNode *node = self->map ? hel_netmap_find_node (self->map, node_id) : NULL;
  double wx, wy, margin = 40;

  if (node == NULL || self->width <= 0)
    return;
  hel_netmap_view_map_to_widget (&self->view, node->x, node->y, &wx, &wy);
  if (wx >= margin && wy >= margin && wx <= self->width - margin && wy <= self->height - margin)
    return;
  hel_netmap_view_pan (&self->view, self->width / 2.0 - wx, self->height / 2.0 - wy);
  view_changed (self, FALSE);
}

/* ---- hit testing ---- */

static double
tolerance (HelNetmapCanvas *self)
{
  return HIT_TOLERANCE_PX / MAX (self->view.scale, 1e-6);
}

static gboolean
handle_position (HelNetmapCanvas *self,
                 double          *hx,
                 double          *hy)
{
  gint64 id = self->selection->len == 1 ? g_array_index (self->selection, gint64, 0) : 0;
  HelNetmapNode *node = id > 0 && self->map ? hel_netmap_find_node (self->map, id) : NULL;
  double wx, wy, r;

  if (node == NULL)
    return FALSE;
  r = HEL_NETMAP_NODE_RADIUS * self->view.scale;
  if (r < 7)
    return FALSE;
  hel_netmap_view_map_to_widget (&self->view, node->x, node->y, &wx, &wy);
  *hx = wx + (r + HANDLE_RADIUS_PX) * 0.8;
  *hy = wy - (r + HANDLE_RADIUS_PX) * 0.8;
  return TRUE;
}

static gboolean
hit_handle (HelNetmapCanvas *self,
            double           wx,
            double           wy)
{
  double hx, hy;

  return handle_position (self, &hx, &hy) && hypot (wx - hx, wy - hy) <= HANDLE_RADIUS_PX + 3;
}

/* The node (>0), the centre (0) or nothing (-1) under a widget point. */
static gint64
hit_person (HelNetmapCanvas *self,
            double           wx,
            double           wy)
{
  HelNetmapNode *node;
  double x, y;

  if (self->map == NULL)
    return -1;
  hel_netmap_view_widget_to_map (&self->view, wx, wy, &x, &y);
  node = hel_netmap_hit_node (self->map, x, y, tolerance (self));
  if (node != NULL)
    return node->id;
  if (hel_netmap_hit_centre (x, y, tolerance (self)))
    return 0;
  return -1;
}

/* ---- drawing ---- */

static void
append_texture (GtkSnapshot *snapshot,
                GdkTexture  *texture,
                double       width,
                double       height)
{
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
set_source (cairo_t               *cr,
            const HelNetmapColour *colour,
            double                 alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static void
draw_overlays (HelNetmapCanvas *self,
               cairo_t         *cr)
{
  double hx, hy;

  /* The other selected people: the primary one has the renderer's own selection ring. */
  cairo_set_line_width (cr, 2.5);
  for (guint i = 1; i < self->selection->len; i++)
    {
      HelNetmapNode *node = hel_netmap_find_node (self->map,
                                                  g_array_index (self->selection, gint64, i));
      double wx, wy, r = MAX (HEL_NETMAP_NODE_RADIUS * self->view.scale, 2);

      if (node == NULL)
        continue;
      hel_netmap_view_map_to_widget (&self->view, node->x, node->y, &wx, &wy);
      cairo_new_sub_path (cr);
      cairo_arc (cr, wx, wy, r + 5, 0, 2 * G_PI);
      set_source (cr, &self->style.selection, 1);
      cairo_stroke (cr);
    }

  /* The tie handle: drag it onto another person to draw a tie. */
  if (self->drag_mode != DRAG_MOVE && self->drag_mode != DRAG_TIE &&
      handle_position (self, &hx, &hy))
    {
      cairo_arc (cr, hx, hy, HANDLE_RADIUS_PX, 0, 2 * G_PI);
      set_source (cr, &self->style.selection, 1);
      cairo_fill_preserve (cr);
      set_source (cr, &self->style.background, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_move_to (cr, hx - 4.5, hy);
      cairo_line_to (cr, hx + 4.5, hy);
      cairo_move_to (cr, hx, hy - 4.5);
      cairo_line_to (cr, hx, hy + 4.5);
      cairo_set_line_width (cr, 2);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_stroke (cr);
    }

  if (self->drag_mode == DRAG_TIE)
    {
      double x1, y1;
      HelNetmapNode *from = self->drag_node > 0 ? hel_netmap_find_node (self->map, self->drag_node)
                                                : NULL;
      double fx = from ? from->x : 0, fy = from ? from->y : 0;
      double dashes[] = { 6, 4 };

      hel_netmap_view_map_to_widget (&self->view, fx, fy, &x1, &y1);
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_width (cr, 2.5);
      set_source (cr, &self->style.selection, 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (self->tie_target >= 0)
        {
          HelNetmapNode *to = self->tie_target > 0
                                ? hel_netmap_find_node (self->map, self->tie_target) : NULL;
          double tx, ty, r = (to ? HEL_NETMAP_NODE_RADIUS : HEL_NETMAP_CENTRE_RADIUS)
                             * self->view.scale;

          hel_netmap_view_map_to_widget (&self->view, to ? to->x : 0, to ? to->y : 0, &tx, &ty);
          cairo_arc (cr, tx, ty, r + 6, 0, 2 * G_PI);
          set_source (cr, &self->style.selection, 0.35);
          cairo_fill (cr);
        }
    }

  if (self->drag_mode == DRAG_BAND)
    {
      double x = MIN (self->drag_x, self->drag_x + self->drag_dx);
      double y = MIN (self->drag_y, self->drag_y + self->drag_dy);

      cairo_rectangle (cr, x + 0.5, y + 0.5, fabs (self->drag_dx), fabs (self->drag_dy));
      set_source (cr, &self->style.selection, 0.18);
      cairo_fill_preserve (cr);
      set_source (cr, &self->style.selection, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      cairo_rectangle (cr, 1.5, 1.5, self->width - 3, self->height - 3);
      set_source (cr, &self->style.selection, 0.7);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
}

static void
hel_netmap_canvas_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  HelNetmapCanvas *self = HEL_NETMAP_CANVAS (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, self->width, self->height);
  const HelNetmapColour *bg = &self->style.background;
  gboolean multi_move = self->drag_mode == DRAG_MOVE && self->drag_origins->len > 1;
  gint64 active = self->drag_mode == DRAG_MOVE && !multi_move ? self->drag_node : 0;
  cairo_t *cr;

  if (self->map == NULL || self->width <= 0 || self->height <= 0)
    return;

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { bg->red, bg->green, bg->blue, 1 }, &bounds);
  gtk_snapshot_push_clip (snapshot, &bounds);

  if (multi_move)
    {
      /* Several people move at once: draw all of it each frame (rare, and still cheap). */
      HelNetmapRenderOptions options;

      hel_netmap_render_options_init (&options);
      options.layers = HEL_NETMAP_LAYER_STATIC;
      options.selected_node_id = g_array_index (self->selection, gint64, 0);
      options.initials_only = self->initials_only;
      options.cache = self->render_cache;
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      hel_render_netmap_layers (cr, self->map, &self->style, &self->view, &options,
                                self->width, self->height, NULL);
      cairo_destroy (cr);
    }
  else
    {
      if (self->static_texture != NULL && self->static_active != active)
        drop_static (self);
      if (self->static_texture != NULL && self->settle_id == 0 &&
          !same_view (&self->static_view, &self->view))
        drop_static (self);
      if (self->static_texture == NULL)
        {
          self->static_texture = render_texture (self, HEL_NETMAP_LAYER_STATIC, active);
          self->static_view = self->view;
          self->static_active = active;
          self->static_renders++;
        }
      if (same_view (&self->static_view, &self->view))
        append_texture (snapshot, self->static_texture, self->width, self->height);
      else
        {
          /* Mid-gesture: the old picture moved and scaled to where the new view puts it. */
          double k = self->view.scale / self->static_view.scale;

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->view.origin_x,
                                                                  self->view.origin_y));
          gtk_snapshot_scale (snapshot, k, k);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-self->static_view.origin_x,
                                                                  -self->static_view.origin_y));
          append_texture (snapshot, self->static_texture, self->width, self->height);
          gtk_snapshot_restore (snapshot);
        }
      if (active > 0)
        {
          HelNetmapRenderOptions options;

          hel_netmap_render_options_init (&options);
          options.layers = HEL_NETMAP_LAYER_ACTIVE;
          options.active_node_id = active;
          options.selected_node_id = active;
          options.initials_only = self->initials_only;
          options.cache = self->render_cache;
          cr = gtk_snapshot_append_cairo (snapshot, &bounds);
          hel_render_netmap_layers (cr, self->map, &self->style, &self->view, &options,
                                    self->width, self->height, NULL);
          cairo_destroy (cr);
        }
    }

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  draw_overlays (self, cr);
  cairo_destroy (cr);

  /* The legend stays put whatever the zoom: one texture per size. */
  if (self->legend_texture == NULL)
    self->legend_texture = render_texture (self, HEL_NETMAP_LAYER_LEGEND, 0);
  append_texture (snapshot, self->legend_texture, self->width, self->height);
  gtk_snapshot_pop (snapshot);
}

static void
hel_netmap_canvas_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  HelNetmapCanvas *self = HEL_NETMAP_CANVAS (widget);

  if (width != self->width || height != self->height)
    {
      int old_w = self->width, old_h = self->height;

      self->width = width;
      self->height = height;
      if (!self->user_view || old_w <= 0)
        fit_view (self);
      else
        hel_netmap_view_pan (&self->view, (width - old_w) / 2.0, (height - old_h) / 2.0);
      drop_caches (self);
    }
  /* Popovers for people and ties hang on the canvas. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
hel_netmap_canvas_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

/* ---- gestures ---- */

static void
begin_move (HelNetmapCanvas *self)
{
  g_array_set_size (self->drag_origins, 0);
  for (guint i = 0; i < self->selection->len; i++)
    {
      HelNetmapNode *node = hel_netmap_find_node (self->map,
                                                  g_array_index (self->selection, gint64, i));
      if (node != NULL)
        g_array_append_val (self->drag_origins, ((Origin) { node->id, node->x, node->y }));
    }
  self->drag_mode = DRAG_MOVE;
  drop_static (self);
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               HelNetmapCanvas *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  gint64 person;
  double mx, my;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->map == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->drag_state = state;
  self->drag_view = self->view;
  self->drag_node = 0;
  self->drag_tie = 0;
  self->drag_on_centre = FALSE;
  self->tie_target = -1;
  self->drag_mode = DRAG_PENDING;

  if (button != GDK_BUTTON_PRIMARY)
    {
      self->drag_intent = DRAG_PAN;
      return;
    }
  if (hit_handle (self, x, y))
    {
      self->drag_node = g_array_index (self->selection, gint64, 0);
      self->drag_intent = DRAG_TIE;
      return;
    }
  person = hit_person (self, x, y);
  if (person > 0)
    {
      self->drag_node = person;
      self->drag_intent = (state & GDK_CONTROL_MASK) ? DRAG_TIE : DRAG_MOVE;
      return;
    }
  if (person == 0)
    {
      self->drag_on_centre = TRUE;
      self->drag_intent = (state & GDK_CONTROL_MASK) ? DRAG_TIE : DRAG_PAN;
      return;
    }
  hel_netmap_view_widget_to_map (&self->view, x, y, &mx, &my);
  {
    HelNetmapTie *tie = hel_netmap_hit_tie (self->map, mx, my, tolerance (self));
    self->drag_tie = tie ? tie->id : 0;
  }
  self->drag_intent = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) ? DRAG_BAND : DRAG_PAN;
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                HelNetmapCanvas *self)
{
  if (self->drag_mode == DRAG_NONE)
    return;
  self->drag_dx = dx;
  self->drag_dy = dy;

  if (self->drag_mode == DRAG_PENDING)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      if (self->drag_intent == DRAG_MOVE)
        {
          if (!is_selected (self, self->drag_node))
            set_single_selection (self, self->drag_node, 0);
          begin_move (self);
        }
      else
        self->drag_mode = self->drag_intent;
    }

  switch (self->drag_mode)
    {
    case DRAG_MOVE:
      for (guint i = 0; i < self->drag_origins->len; i++)
        {
          Origin *o = &g_array_index (self->drag_origins, Origin, i);
          HelNetmapNode *node = hel_netmap_find_node (self->map, o->id);

          if (node != NULL)
            {
              node->x = o->x + dx / self->view.scale;
              node->y = o->y + dy / self->view.scale;
            }
        }
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_TIE:
      self->tie_target = hit_person (self, self->drag_x + dx, self->drag_y + dy);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_PAN:
      self->view = self->drag_view;
      hel_netmap_view_pan (&self->view, dx, dy);
      view_changed (self, TRUE);
      break;

    case DRAG_BAND:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_NONE:
    case DRAG_PENDING:
    default:
      break;
    }
}

static void
finish_band (HelNetmapCanvas *self)
{
  double x1, y1, x2, y2;
  gboolean changed = FALSE;

  hel_netmap_view_widget_to_map (&self->view, self->drag_x, self->drag_y, &x1, &y1);
  hel_netmap_view_widget_to_map (&self->view, self->drag_x + self->drag_dx,
                                 self->drag_y + self->drag_dy, &x2, &y2);
  if (!(self->drag_state & GDK_CONTROL_MASK) && self->selection->len > 0)
    {
      g_array_set_size (self->selection, 0);
      changed = TRUE;
    }
  for (guint i = 0; i < self->map->nodes->len; i++)
    {
      HelNetmapNode *node = self->map->nodes->pdata[i];

      if (node->x >= MIN (x1, x2) && node->x <= MAX (x1, x2) &&
          node->y >= MIN (y1, y2) && node->y <= MAX (y1, y2) && !is_selected (self, node->id))
        {
          g_array_append_val (self->selection, node->id);
          changed = TRUE;
        }
    }
  if (changed)
    {
      self->selected_tie = 0;
      selection_changed (self);
    }
}

static void
drag_end_cb (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             HelNetmapCanvas *self)
{
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  switch (mode)
    {
    case DRAG_PENDING:
      /* A click. */
      if (self->drag_intent == DRAG_PAN && self->drag_on_centre)
        set_single_selection (self, 0, 0);
      else if (self->drag_node > 0)
        {
          if (self->drag_state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
            toggle_selection (self, self->drag_node);
          else if (self->drag_intent != DRAG_TIE)
            set_single_selection (self, self->drag_node, 0);
        }
      else if (self->drag_tie > 0)
        set_single_selection (self, 0, self->drag_tie);
      else if (!(self->drag_state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
        set_single_selection (self, 0, 0);
      break;

    case DRAG_MOVE:
      {
        GVariantBuilder builder;

        g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xdd)"));
        for (guint i = 0; i < self->drag_origins->len; i++)
          {
            HelNetmapNode *node = hel_netmap_find_node (self->map,
                                                        g_array_index (self->drag_origins,
                                                                       Origin, i).id);
            if (node != NULL)
              g_variant_builder_add (&builder, "(xdd)", node->id, node->x, node->y);
          }
        g_array_set_size (self->drag_origins, 0);
        drop_static (self);
        gtk_widget_queue_draw (GTK_WIDGET (self));
        g_signal_emit (self, signals[MOVE_NODES], 0, g_variant_builder_end (&builder));
      }
      break;

    case DRAG_TIE:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      if (self->tie_target >= 0)
        g_signal_emit (self, signals[ADD_TIE], 0, self->drag_on_centre ? (gint64) 0
                                                                      : self->drag_node,
                       self->tie_target);
      break;

    case DRAG_PAN:
      g_clear_handle_id (&self->settle_id, g_source_remove);
      settle_cb (self);
      break;

    case DRAG_BAND:
      finish_band (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case DRAG_NONE:
    default:
      break;
    }
}

static void
cancel_drag (HelNetmapCanvas *self)
{
  if (self->drag_mode == DRAG_MOVE)
    {
      for (guint i = 0; i < self->drag_origins->len; i++)
        {
          Origin *o = &g_array_index (self->drag_origins, Origin, i);
          HelNetmapNode *node = self->map ? hel_netmap_find_node (self->map, o->id) : NULL;

          if (node != NULL)
            {
              node->x = o->x;
              node->y = o->y;
            }
        }
      drop_static (self);
    }
  g_array_set_size (self->drag_origins, 0);
  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            HelNetmapCanvas *self)
{
  gint64 person;
  double mx, my;

  if (n_press != 2 || self->map == NULL)
    return;
  person = hit_person (self, x, y);
  if (person > 0)
    {
      set_single_selection (self, person, 0);
      g_signal_emit (self, signals[EDIT_NODE], 0, person);
      return;
    }
  if (person == 0)
    return;
  hel_netmap_view_widget_to_map (&self->view, x, y, &mx, &my);
  {
    HelNetmapTie *tie = hel_netmap_hit_tie (self->map, mx, my, tolerance (self));

    if (tie != NULL)
      {
        set_single_selection (self, 0, tie->id);
        g_signal_emit (self, signals[EDIT_TIE], 0, tie->id);
        return;
      }
  }
  g_signal_emit (self, signals[ADD_NODE_AT], 0, mx, my);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HelNetmapCanvas          *self)
{
  const char *cursor = NULL;
  gint64 person;

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (self->drag_mode != DRAG_NONE)
    return;
  if (hit_handle (self, x, y))
    cursor = "crosshair";
  else if ((person = hit_person (self, x, y)) > 0)
    cursor = "grab";
  else if (person < 0)
    cursor = "default";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          HelNetmapCanvas          *self)
{
  self->pointer_inside = FALSE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           HelNetmapCanvas          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean surface = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE;
  double px = self->pointer_inside ? self->pointer_x : self->width / 2.0;
  double py = self->pointer_inside ? self->pointer_y : self->height / 2.0;

  if (self->map == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    hel_netmap_view_zoom_at (&self->view, surface ? exp (-dy / 200.0) : pow (1.15, -dy), px, py);
  else if (surface)
    hel_netmap_view_pan (&self->view, -dx, -dy);
  else
    hel_netmap_view_pan (&self->view, -dx * 48, -dy * 48);
  view_changed (self, TRUE);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               HelNetmapCanvas  *self)
{
  self->zoom_view = self->view;
  if (!gtk_gesture_get_bounding_box_center (gesture, &self->zoom_x, &self->zoom_y))
    {
      self->zoom_x = self->width / 2.0;
      self->zoom_y = self->height / 2.0;
    }
  /* Two fingers zoom; they do not also drag a person. */
  cancel_drag (self);
}

static void
zoom_scale_changed_cb (GtkGestureZoom  *gesture,
                       double           scale,
                       HelNetmapCanvas *self)
{
  double cx, cy;

  self->view = self->zoom_view;
  hel_netmap_view_zoom_at (&self->view, scale, self->zoom_x, self->zoom_y);
  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    hel_netmap_view_pan (&self->view, cx - self->zoom_x, cy - self->zoom_y);
  view_changed (self, TRUE);
}

static void
zoom_end_cb (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             HelNetmapCanvas  *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  settle_cb (self);
}

/* ---- keyboard ---- */

static int
compare_for_list (gconstpointer a,
                  gconstpointer b)
{
  const HelNetmapNode *na = *(HelNetmapNode * const *) a;
  const HelNetmapNode *nb = *(HelNetmapNode * const *) b;
  int sa = hel_netmap_sector_at (na->x, na->y), sb = hel_netmap_sector_at (nb->x, nb->y);
  int ra = hel_netmap_ring_at (na->x, na->y), rb = hel_netmap_ring_at (nb->x, nb->y);
  int by_name;

  if (sa != sb)
    return sa - sb;
  if (ra != rb)
    return ra - rb;
  by_name = hel_collate_names (na->name, nb->name);
  if (by_name != 0)
    return by_name;
  return (na->id > nb->id) - (na->id < nb->id);
}

GPtrArray *
hel_netmap_canvas_sorted_nodes (const HelNetmap *map)
{
  GPtrArray *order = g_ptr_array_sized_new (map ? map->nodes->len : 0);

  /* Borrowed pointers: a copy of map->nodes would take its free function along. */
  for (guint i = 0; map != NULL && i < map->nodes->len; i++)
    g_ptr_array_add (order, map->nodes->pdata[i]);
  g_ptr_array_sort (order, compare_for_list);
  return order;
}

static gboolean
hel_netmap_canvas_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  HelNetmapCanvas *self = HEL_NETMAP_CANVAS (widget);
  g_autoptr(GPtrArray) order = NULL;
  gint64 current = hel_netmap_canvas_get_selected_node (self);
  int index = -1, next;

  if (self->map == NULL)
    return FALSE;
  order = hel_netmap_canvas_sorted_nodes (self->map);
  for (guint i = 0; i < order->len; i++)
    if (((HelNetmapNode *) order->pdata[i])->id == current)
      index = (int) i;

  if (!gtk_widget_has_focus (widget))
    {
      gtk_widget_grab_focus (widget);
      if (current == 0 && order->len > 0)
        hel_netmap_canvas_select_node (self, ((HelNetmapNode *) order->pdata[
                                               direction == GTK_DIR_TAB_BACKWARD
                                                 ? order->len - 1 : 0])->id);
      return TRUE;
    }
  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return FALSE;
  next = direction == GTK_DIR_TAB_FORWARD ? index + 1 : (index < 0 ? (int) order->len - 1
                                                                    : index - 1);
  /* Past the last person, Tab leaves the map for the next control. */
  if (next < 0 || next >= (int) order->len)
    return FALSE;
  hel_netmap_canvas_select_node (self, ((HelNetmapNode *) order->pdata[next])->id);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HelNetmapCanvas       *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double step = (state & GDK_SHIFT_MASK) ? KEY_STEP_BIG : KEY_STEP;
  double dx = 0, dy = 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    {
      if ((state & GDK_CONTROL_MASK) && (keyval == GDK_KEY_a || keyval == GDK_KEY_A))
        {
          hel_netmap_canvas_select_all (self);
          return TRUE;
        }
      return FALSE;
    }

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -step; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = step; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -step; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = step; break;

    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
      return gtk_widget_activate_action (widget, "netmap.delete", NULL);

    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_space:
      return gtk_widget_activate_action (widget, "netmap.edit", NULL);

    case GDK_KEY_Escape:
      if (self->drag_mode != DRAG_NONE)
        cancel_drag (self);
      else
        set_single_selection (self, 0, 0);
      return TRUE;

    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      hel_netmap_canvas_zoom (self, ZOOM_STEP);
      return TRUE;

    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      hel_netmap_canvas_zoom (self, 1 / ZOOM_STEP);
      return TRUE;

    default:
      return FALSE;
    }

  if (self->selection->len > 0)
    return gtk_widget_activate_action (widget, "netmap.move-selection", "(dd)", dx, dy);
  /* Nobody selected: the arrows look around the map. */
  hel_netmap_view_pan (&self->view, -dx * 400, -dy * 400);
  view_changed (self, FALSE);
  return TRUE;
}

static void
focus_changed_cb (HelNetmapCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- public API ---- */

GtkWidget *
hel_netmap_canvas_new (void)
{
  return g_object_new (HEL_TYPE_NETMAP_CANVAS, NULL);
}

void
hel_netmap_canvas_set_map (HelNetmapCanvas *self,
                           const HelNetmap *map)
{
  gboolean other_map;
  guint i = 0;

  g_return_if_fail (HEL_IS_NETMAP_CANVAS (self));

  if (self->drag_mode != DRAG_NONE)
    cancel_drag (self);
  other_map = self->map == NULL || map == NULL || self->map->id != map->id ||
              self->map->family_id != map->family_id || self->map->member_id != map->member_id;
  g_clear_pointer (&self->map, hel_netmap_free);
  self->map = map ? hel_netmap_copy (map) : NULL;

  while (i < self->selection->len)
    {
      gint64 id = g_array_index (self->selection, gint64, i);

      if (self->map == NULL || hel_netmap_find_node (self->map, id) == NULL)
        g_array_remove_index (self->selection, i);
      else
        i++;
    }
  if (self->map == NULL || hel_netmap_find_tie (self->map, self->selected_tie) == NULL)
    self->selected_tie = 0;
  if (other_map)
    {
      self->user_view = FALSE;
      fit_view (self);
    }
  if (self->map != NULL)
    {
      const char *name = self->map->title && *self->map->title ? self->map->title
                                                                : self->map->centre_name;
      g_autofree char *label = name && *name ? g_strdup_printf (_("Network map: %s"), name)
                                             : g_strdup (_("Network map"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  drop_caches (self);
  describe_selection (self);
}

const HelNetmap *
hel_netmap_canvas_get_map (HelNetmapCanvas *self)
{
  g_return_val_if_fail (HEL_IS_NETMAP_CANVAS (self), NULL);
  return self->map;
}

GArray *
hel_netmap_canvas_get_selected_nodes (HelNetmapCanvas *self)
{
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (HEL_IS_NETMAP_CANVAS (self), copy);
  g_array_append_vals (copy, self->selection->data, self->selection->len);
  return copy;
}

gint64
hel_netmap_canvas_get_selected_node (HelNetmapCanvas *self)
{
  g_return_val_if_fail (HEL_IS_NETMAP_CANVAS (self), 0);
  return self->selection->len > 0 ? g_array_index (self->selection, gint64, 0) : 0;
}

gint64
hel_netmap_canvas_get_selected_tie (HelNetmapCanvas *self)
{
  g_return_val_if_fail (HEL_IS_NETMAP_CANVAS (self), 0);
  return self->selected_tie;
}

void
hel_netmap_canvas_select_node (HelNetmapCanvas *self,
                               gint64           node_id)
{
  g_return_if_fail (HEL_IS_NETMAP_CANVAS (self));

  if (node_id > 0 && (self->map == NULL || hel_netmap_find_node (self->map, node_id) == NULL))
    node_id = 0;
  set_single_selection (self, node_id, 0);
  if (node_id > 0)
    scroll_into_view (self, node_id);
}

void
hel_netmap_canvas_select_tie (HelNetmapCanvas *self,
                              gint64           tie_id)
{
  g_return_if_fail (HEL_IS_NETMAP_CANVAS (self));

  if (tie_id > 0 && (self->map == NULL || hel_netmap_find_tie (self->map, tie_id) == NULL))
    tie_id = 0;
  set_single_selection (self, 0, tie_id);
}

void
hel_netmap_canvas_select_all (HelNetmapCanvas *self)
{
  g_return_if_fail (HEL_IS_NETMAP_CANVAS (self));

  if (self->map == NULL)
    return;
  g_array_set_size (self->selection, 0);
  for (guint i = 0; i < self->map->nodes->len; i++)
    g_array_append_val (self->selection, ((HelNetmapNode *) self->map->nodes->pdata[i])->id);
  self->selected_tie = 0;
  selection_changed (self);
}

static void
clip_rect (HelNetmapCanvas *self,
           double           x,
           double           y,
           double           r,
           GdkRectangle    *rect)
{
  rect->x = (int) CLAMP (x - r, 0, MAX (self->width - 1, 0));
  rect->y = (int) CLAMP (y - r, 0, MAX (self->height - 1, 0));
  rect->width = MAX ((int) (2 * r), 1);
  rect->height = MAX ((int) (2 * r), 1);
}

gboolean
hel_netmap_canvas_get_node_rect (HelNetmapCanvas *self,
                                 gint64           node_id,
                                 GdkRectangle    *rect)
{
  HelNetmapNode *node;
  double x, y;

  g_return_val_if_fail (HEL_IS_NETMAP_CANVAS (self), FALSE);

  node = self->map ? hel_netmap_find_node (self->map, node_id) : NULL;
  if (node == NULL)
    return FALSE;
  hel_netmap_view_map_to_widget (&self->view, node->x, node->y, &x, &y);
  clip_rect (self, x, y, MAX (HEL_NETMAP_NODE_RADIUS * self->view.scale, 4), rect);
  return TRUE;
}

gboolean
hel_netmap_canvas_get_tie_rect (HelNetmapCanvas *self,
                                gint64           tie_id,
                                GdkRectangle    *rect)
{
  HelNetmapTie *tie;
  double x1, y1, x2, y2, wx, wy;

  g_return_val_if_fail (HEL_IS_NETMAP_CANVAS (self), FALSE);

  tie = self->map ? hel_netmap_find_tie (self->map, tie_id) : NULL;
  if (tie == NULL || !hel_netmap_tie_endpoints (self->map, tie, &x1, &y1, &x2, &y2))
    return FALSE;
  hel_netmap_view_map_to_widget (&self->view, (x1 + x2) / 2, (y1 + y2) / 2, &wx, &wy);
  clip_rect (self, wx, wy, 4, rect);
  return TRUE;
}

void
hel_netmap_canvas_get_view (HelNetmapCanvas *self,
                            HelNetmapView   *view)
{
  g_return_if_fail (HEL_IS_NETMAP_CANVAS (self));
  *view = self->view;
}

void
hel_netmap_canvas_zoom (HelNetmapCanvas *self,
                        double           factor)
{
  g_return_if_fail (HEL_IS_NETMAP_CANVAS (self));

  hel_netmap_view_zoom_at (&self->view, factor, MAX (self->width, 1) / 2.0,
                           MAX (self->height, 1) / 2.0);
  view_changed (self, FALSE);
}

void
hel_netmap_canvas_fit (HelNetmapCanvas *self)
{
  g_return_if_fail (HEL_IS_NETMAP_CANVAS (self));

  fit_view (self);
  view_changed (self, FALSE);
  self->user_view = FALSE;
}

void
hel_netmap_canvas_set_initials_only (HelNetmapCanvas *self,
                                     gboolean         initials_only)
{
  g_return_if_fail (HEL_IS_NETMAP_CANVAS (self));

  if (self->initials_only == !!initials_only)
    return;
  self->initials_only = !!initials_only;
  drop_caches (self);
}

guint
hel_netmap_canvas_get_static_renders (HelNetmapCanvas *self)
{
  g_return_val_if_fail (HEL_IS_NETMAP_CANVAS (self), 0);
  return self->static_renders;
}

/* ---- GObject ---- */

static void
hel_netmap_canvas_dispose (GObject *object)
{
  HelNetmapCanvas *self = HEL_NETMAP_CANVAS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_object (&self->static_texture);
  g_clear_object (&self->legend_texture);
  G_OBJECT_CLASS (hel_netmap_canvas_parent_class)->dispose (object);
}

static void
hel_netmap_canvas_finalize (GObject *object)
{
  HelNetmapCanvas *self = HEL_NETMAP_CANVAS (object);

  g_clear_pointer (&self->map, hel_netmap_free);
  g_clear_pointer (&self->render_cache, hel_netmap_render_cache_free);
  g_array_unref (self->selection);
  g_array_unref (self->drag_origins);
  G_OBJECT_CLASS (hel_netmap_canvas_parent_class)->finalize (object);
}

static void
hel_netmap_canvas_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hel_netmap_canvas_parent_class)->root (widget);
  /* The theme's colours are known once the widget is in a window. */
  update_style (HEL_NETMAP_CANVAS (widget));
}

static void
hel_netmap_canvas_class_init (HelNetmapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_netmap_canvas_dispose;
  object_class->finalize = hel_netmap_canvas_finalize;
  widget_class->snapshot = hel_netmap_canvas_snapshot;
  widget_class->size_allocate = hel_netmap_canvas_size_allocate;
  widget_class->measure = hel_netmap_canvas_measure;
  widget_class->focus = hel_netmap_canvas_focus;
  widget_class->root = hel_netmap_canvas_root;

  signals[MOVE_NODES] = g_signal_new ("move-nodes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_VARIANT);
  signals[ADD_NODE_AT] = g_signal_new ("add-node-at", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE,
                                       G_TYPE_DOUBLE);
  signals[ADD_TIE] = g_signal_new ("add-tie", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[EDIT_NODE] = g_signal_new ("edit-node", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[EDIT_TIE] = g_signal_new ("edit-tie", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  signals[VIEW_CHANGED] = g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "netmap-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hel_netmap_canvas_init (HelNetmapCanvas *self)
{
  GtkGesture *drag, *click, *zoom;
  GtkEventController *scroll, *key, *motion, *focus;

  self->selection = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->drag_origins = g_array_new (FALSE, FALSE, sizeof (Origin));
  self->render_cache = hel_netmap_render_cache_new ();
  self->view.scale = 100;
  hel_netmap_style_init (&self->style, HEL_NETMAP_THEME_LIGHT);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  g_signal_connect (zoom, "end", G_CALLBACK (zoom_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Network map"), -1);
  describe_selection (self);
}
