/* hel-netmap-page.c: the network map tab: every edit is saved at once and can be undone.
 *
 * The canvas shows the map and reports gestures; this page turns them into store edits (one
 * undo entry each), keeps the list of people beside the map in step, and hosts the popovers
 * that add and edit people and ties (in hel-netmap-page-popovers.c). The list makes the whole
 * map usable by keyboard and screen reader: every person can be found, edited, tied and
 * removed from it. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hel-export-netmap.h"
#include "hel-member.h"
#include "hel-family.h"
#include "hel-netmap-compare-window.h"
#include "hel-netmap-page-private.h"
#include "hel-render-netmap.h"
#include "hel-store-netmap.h"

#define UNDO_LIMIT 200

/* PNG in pixels, SVG and PDF in points (A4 landscape). */
#define EXPORT_PNG_WIDTH  2400
#define EXPORT_PNG_HEIGHT 1600
#define EXPORT_DOC_WIDTH  842
#define EXPORT_DOC_HEIGHT 595

G_DEFINE_FINAL_TYPE (HelNetmapPage, hel_netmap_page, GTK_TYPE_WIDGET)

static void refresh (HelNetmapPage *self);
static void update_actions (HelNetmapPage *self);

/* ---- small helpers ---- */

static void
toast_undo_cb (AdwToast      *toast,
               HelNetmapPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "netmap.undo", NULL);
}

void
_hel_netmap_page_show_message (HelNetmapPage *self,
                               const char    *message,
                               gboolean       with_undo)
{
  AdwToastOverlay *overlay;
  AdwToast *toast;

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  overlay = (AdwToastOverlay *) gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_message ("Network map: %s", message);
      return;
    }
  toast = adw_toast_new (message);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self, 0);
    }
  adw_toast_overlay_add_toast (overlay, toast);
}

void
_hel_netmap_page_show_error (HelNetmapPage *self,
                             const GError  *error)
{
  _hel_netmap_page_show_message (self, error->message, FALSE);
}

const char *
_hel_netmap_page_person_name (HelNetmapPage *self,
                              gint64         node_id)
{
  HelNetmapNode *node;

  if (node_id == 0)
    return self->map && self->map->centre_name ? self->map->centre_name : _("The centre");
  node = self->map ? hel_netmap_find_node (self->map, node_id) : NULL;
  return node ? node->name : "?";
}

static guint
count_ties (const HelNetmap *map,
            gint64           node_id)
{
  guint n = 0;

  for (guint i = 0; i < map->ties->len; i++)
    {
      HelNetmapTie *tie = map->ties->pdata[i];
      n += tie->from_id == node_id || tie->to_id == node_id;
    }
  return n;
}

char *
_hel_netmap_page_describe_place (double x,
                                 double y)
{
  /* Translators: where a person is on the network map: sector · ring */
  return g_strdup_printf (_("%s · %s"), hel_netmap_sector_label (hel_netmap_sector_at (x, y)),
                          hel_netmap_ring_label (MIN (hel_netmap_ring_at (x, y),
                                                      HEL_NETMAP_RING_AVAILABLE)));
}

/* ---- edits and undo ---- */

static gboolean
ensure_map (HelNetmapPage  *self,
            GError        **error)
{
  gint64 id;

  if (self->netmap_id > 0)
    return TRUE;
  if (self->family_id <= 0)
    {
      g_set_error_literal (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_INVALID,
                           _("Choose a family first."));
      return FALSE;
    }
  id = hel_store_ensure_netmap (self->store, self->family_id, self->member_id, error);
  if (id <= 0)
    return FALSE;
  self->netmap_id = id;
  return TRUE;
}

/* The map as stored before an edit, for its undo; NULL with @error. */
static HelNetmap *
begin_edit (HelNetmapPage  *self,
            GError        **error)
{
  HelNetmap *before;

  if (!ensure_map (self, error))
    return NULL;
  self->editing++;
  before = hel_store_load_netmap (self->store, self->netmap_id, error);
  if (before == NULL)
    self->editing--;
  return before;
}

static gboolean
end_edit (HelNetmapPage *self,
          HelNetmap     *before,
          const char    *label,
          gboolean       ok)
{
  if (ok)
    {
      HelNetmap *after = hel_store_load_netmap (self->store, self->netmap_id, NULL);

      if (after != NULL)
        hel_store_push_netmap_undo (self->store, self->undo, label, before, after);
      else
        hel_netmap_free (before);
    }
  else
    hel_netmap_free (before);
  g_assert (self->editing > 0);
  self->editing--;
  if (self->editing == 0 && self->refresh_pending)
    refresh (self);
  return ok;
}

/* A free place for a new person in a sector and ring: away from the people already there. */
void
_hel_netmap_page_free_spot (HelNetmapPage   *self,
                            HelNetmapSector  sector,
                            HelNetmapRing    ring,
                            double          *x_out,
                            double          *y_out)
{
  static const double radii[] = { 0.5, 0.3, 0.72 };
  double base = -G_PI + sector * (G_PI / 2), best = -1;
  const guint n_angles = 11;

  *x_out = *y_out = 0;
  for (guint r = 0; r < G_N_ELEMENTS (radii); r++)
    for (guint k = 0; k < n_angles; k++)
      {
        double angle = base + (k + 0.5) * (G_PI / 2) / n_angles;
        double d = ring * HEL_NETMAP_RING_WIDTH + radii[r] * HEL_NETMAP_RING_WIDTH;
        double x, y, nearest = G_MAXDOUBLE;

        /* The close ring is narrow near the centre; keep clear of the centre disc. */
        d = MAX (d, HEL_NETMAP_CENTRE_RADIUS + 2.5 * HEL_NETMAP_NODE_RADIUS);
        x = d * cos (angle);
        y = d * sin (angle);
        for (guint i = 0; self->map && i < self->map->nodes->len; i++)
          {
            HelNetmapNode *node = self->map->nodes->pdata[i];
            nearest = MIN (nearest, hypot (node->x - x, node->y - y));
          }
        /* Prefer the middle of the band when it is as free as anywhere else. */
        nearest = MIN (nearest, 1.0) - r * 0.01;
        if (nearest > best)
          {
            best = nearest;
            *x_out = x;
            *y_out = y;
          }
      }
}

gint64
_hel_netmap_page_add_node (HelNetmapPage      *self,
                           const char         *name,
                           double              x,
                           double              y,
                           HelNetmapNodeKind   kind,
                           const char         *actor,
                           GError            **error)
{
  g_autoptr(HelNetmapNode) node = hel_netmap_node_new (name, x, y);
  g_autofree char *label = NULL;
  g_autofree char *trimmed_actor = g_strstrip (g_strdup (actor ? actor : ""));
  HelNetmap *before;
  gboolean clamped = FALSE, ok;

  node->kind = kind;
  node->actor = *trimmed_actor ? g_steal_pointer (&trimmed_actor) : NULL;
  /* The store says so too, but an empty name is refused before the map is even made. */
  if (!hel_netmap_validate_node (node, error))
    return 0;
  before = begin_edit (self, error);
  if (before == NULL)
    return 0;
  ok = hel_store_save_netmap_node (self->store, self->netmap_id, node, &clamped, error);
  label = g_strdup_printf (_("Add %s"), node->name);
  end_edit (self, before, label, ok);
  if (!ok)
    return 0;
  hel_netmap_canvas_select_node (self->canvas, node->id);
  if (clamped)
    _hel_netmap_page_show_message (self, hel_netmap_clamped_message (), FALSE);
  return node->id;
}

gboolean
_hel_netmap_page_save_node (HelNetmapPage  *self,
                            HelNetmapNode  *node,
                            GError        **error)
{
  g_autofree char *label = g_strdup_printf (_("Edit %s"), node->name);
  HelNetmap *before = begin_edit (self, error);

  if (before == NULL)
    return FALSE;
  return end_edit (self, before, label,
                   hel_store_save_netmap_node (self->store, self->netmap_id, node, NULL, error));
}

/* @moves: a(xdd), new positions; one undo entry for all of them. */
static void
move_nodes (HelNetmapPage *self,
            GVariant      *moves)
{
  g_autoptr(GError) error = NULL;
  GVariantIter iter;
  HelNetmap *before;
  gboolean ok, any_clamped = FALSE;
  gint64 id;
  double x, y;

  if (g_variant_n_children (moves) == 0)
    return;
  before = begin_edit (self, &error);
  if (before == NULL)
    {
      _hel_netmap_page_show_error (self, error);
      refresh (self);
      return;
    }
  ok = hel_store_begin (self->store, &error);
  g_variant_iter_init (&iter, moves);
  while (ok && g_variant_iter_next (&iter, "(xdd)", &id, &x, &y))
    {
      gboolean clamped = FALSE;

      ok = hel_store_move_netmap_node (self->store, id, x, y, &clamped, &error);
      any_clamped |= clamped;
    }
  if (ok)
    ok = hel_store_commit (self->store, &error);
  else
    hel_store_rollback (self->store);
  end_edit (self, before, g_variant_n_children (moves) == 1
                            ? _("Move a person") : _("Move people"), ok);
  if (!ok)
    {
      _hel_netmap_page_show_error (self, error);
      /* The canvas still shows where the person was dropped; put it back as stored. */
      refresh (self);
    }
  else if (any_clamped)
    _hel_netmap_page_show_message (self, hel_netmap_clamped_message (), FALSE);
}

gboolean
_hel_netmap_page_delete_nodes (HelNetmapPage *self,
                               GArray        *ids)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  HelNetmap *before;
  gboolean ok;

  if (ids->len == 0)
    return FALSE;
  message = ids->len == 1 ? g_strdup_printf (_("Removed %s"),
                                             _hel_netmap_page_person_name (
                                               self, g_array_index (ids, gint64, 0)))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u person",
                                                          "Removed %u people", ids->len),
                                             ids->len);
  before = begin_edit (self, &error);
  if (before == NULL)
    {
      _hel_netmap_page_show_error (self, error);
      return FALSE;
    }
  ok = hel_store_begin (self->store, &error);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = hel_store_delete_netmap_node (self->store, g_array_index (ids, gint64, i), &error);
  if (ok)
    ok = hel_store_commit (self->store, &error);
  else
    hel_store_rollback (self->store);
  end_edit (self, before, ids->len == 1 ? _("Remove a person") : _("Remove people"), ok);
  if (!ok)
    _hel_netmap_page_show_error (self, error);
  else
    _hel_netmap_page_show_message (self, message, TRUE);
  return ok;
}

gboolean
_hel_netmap_page_connect_people (HelNetmapPage    *self,
                                 gint64            from_id,
                                 gint64            to_id,
                                 HelNetmapTieKind  kind,
                                 GError          **error)
{
  g_autoptr(HelNetmapTie) tie = NULL;
  HelNetmap *before;
  gboolean ok;

  /* The centre is always the "from" end: a tie never ends at the centre. */
  if (to_id == 0)
    {
      to_id = from_id;
      from_id = 0;
    }
  tie = hel_netmap_tie_new (from_id, to_id, kind, HEL_NETMAP_ARROW_NONE);
  if (self->map != NULL && !hel_netmap_validate_tie (self->map, tie, error))
    return FALSE;
  before = begin_edit (self, error);
  if (before == NULL)
    return FALSE;
  ok = hel_store_save_netmap_tie (self->store, self->netmap_id, tie, error);
  end_edit (self, before, _("Add a tie"), ok);
  if (ok)
    hel_netmap_canvas_select_tie (self->canvas, tie->id);
  return ok;
}

gboolean
_hel_netmap_page_save_tie (HelNetmapPage  *self,
                           HelNetmapTie   *tie,
                           GError        **error)
{
  HelNetmap *before = begin_edit (self, error);

  if (before == NULL)
    return FALSE;
  return end_edit (self, before, _("Change a tie"),
                   hel_store_save_netmap_tie (self->store, self->netmap_id, tie, error));
}

gboolean
_hel_netmap_page_delete_tie (HelNetmapPage *self,
                             gint64         tie_id)
{
  g_autoptr(GError) error = NULL;
  HelNetmap *before = begin_edit (self, &error);
  gboolean ok;

  if (before == NULL)
    {
      _hel_netmap_page_show_error (self, error);
      return FALSE;
    }
  ok = hel_store_delete_netmap_tie (self->store, tie_id, &error);
  end_edit (self, before, _("Remove a tie"), ok);
  if (!ok)
    _hel_netmap_page_show_error (self, error);
  else
    _hel_netmap_page_show_message (self, _("Tie removed"), TRUE);
  return ok;
}

/* ---- the list of people ---- */

static void
dot_draw_cb (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  HelNetmapStyle style;
  const char *colour = g_object_get_data (G_OBJECT (area), "hel-netmap-colour");
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "hel-netmap-kind"));
  double rgba[4];
  double r = MIN (width, height) / 2.0 - 1;

  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  if (colour == NULL || !hel_netmap_parse_colour (colour, rgba))
    {
      rgba[0] = style.node_default[kind].red;
      rgba[1] = style.node_default[kind].green;
      rgba[2] = style.node_default[kind].blue;
      rgba[3] = 1;
    }
  if (kind == HEL_NETMAP_NODE_PROFESSIONAL)
    cairo_rectangle (cr, width / 2.0 - r, height / 2.0 - r, 2 * r, 2 * r);
  else
    cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static int
row_sort_cb (GtkListBoxRow *a,
             GtkListBoxRow *b,
             gpointer       data)
{
  int oa = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (a), "hel-netmap-order"));
  int ob = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (b), "hel-netmap-order"));

  return (oa > ob) - (oa < ob);
}

static GtkWidget *
row_new (HelNetmapPage *self,
         gint64         node_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dot = gtk_drawing_area_new ();
  GtkWidget *edit = gtk_menu_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 16);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 16);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), dot_draw_cb, NULL, NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (edit), "document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  g_object_set_data (G_OBJECT (edit), ROW_ID_KEY, GSIZE_TO_POINTER (node_id));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (edit),
                                         _hel_netmap_page_row_edit_create_popup_cb, self, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  g_object_set_data (G_OBJECT (row), ROW_ID_KEY, GSIZE_TO_POINTER (node_id));
  g_object_set_data (G_OBJECT (row), "hel-netmap-dot", dot);
  g_object_set_data (G_OBJECT (row), "hel-netmap-edit", edit);
  return row;
}

static void
update_row (HelNetmapPage *self,
            GtkWidget     *row,
            HelNetmapNode *node,
            int            order)
{
  GtkWidget *dot = g_object_get_data (G_OBJECT (row), "hel-netmap-dot");
  GtkWidget *edit = g_object_get_data (G_OBJECT (row), "hel-netmap-edit");
  g_autofree char *place = _hel_netmap_page_describe_place (node->x, node->y);
  g_autofree char *ties = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), node->name);
  guint n_ties = count_ties (self->map, node->id);

  ties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tie", "%u ties", n_ties), n_ties);
  if (node->actor != NULL && *node->actor != '\0')
    subtitle = g_strdup_printf ("%s · %s · %s", place, ties, node->actor);
  else
    subtitle = g_strdup_printf ("%s · %s", place, ties);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), node->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (edit, edit_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (dot), "hel-netmap-colour", g_strdup (node->colour), g_free);
  g_object_set_data (G_OBJECT (dot), "hel-netmap-kind", GINT_TO_POINTER (node->kind));
  gtk_widget_queue_draw (dot);
  g_object_set_data (G_OBJECT (row), "hel-netmap-order", GINT_TO_POINTER (order));
}

static void
sync_list_selection (HelNetmapPage *self)
{
  gint64 id = hel_netmap_canvas_get_selected_node (self->canvas);
  GtkWidget *row = id > 0 ? g_hash_table_lookup (self->rows, &id) : NULL;

  self->syncing = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  else
    gtk_list_box_unselect_all (self->list);
  self->syncing = FALSE;
}

static void
update_list (HelNetmapPage *self)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  guint counts[HEL_NETMAP_N_RINGS];
  GHashTableIter iter;
  gpointer key, value;
  GPtrArray *dead = g_ptr_array_new ();

  order = hel_netmap_canvas_sorted_nodes (self->map);
  for (guint i = 0; i < order->len; i++)
    {
      HelNetmapNode *node = order->pdata[i];
      GtkWidget *row = g_hash_table_lookup (self->rows, &node->id);

      if (row == NULL)
        {
          row = row_new (self, node->id);
          g_hash_table_insert (self->rows, g_memdup2 (&node->id, sizeof node->id), row);
          gtk_list_box_append (self->list, row);
        }
      update_row (self, row, node, (int) i);
      g_hash_table_add (seen, &node->id);
    }
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        g_ptr_array_add (dead, value);
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < dead->len; i++)
    gtk_list_box_remove (self->list, dead->pdata[i]);
  g_ptr_array_unref (dead);
  gtk_list_box_invalidate_sort (self->list);

  heading = g_strdup_printf (_("People on the Map (%u)"), order->len);
  gtk_label_set_text (self->list_heading, heading);
  if (self->map != NULL)
    hel_netmap_count_by_ring (self->map, counts);
  else
    memset (counts, 0, sizeof counts);
  /* Translators: how many people are in each ring of the network map */
  summary = g_strdup_printf (_("Close %u · Effective %u · Available %u"), counts[0], counts[1],
                             counts[2]);
  gtk_label_set_text (self->ring_summary, summary);
  gtk_widget_set_visible (self->list_empty, order->len == 0);
  sync_list_selection (self);
}

static void
row_selected_cb (GtkListBox    *list,
                 GtkListBoxRow *row,
                 HelNetmapPage *self)
{
  if (self->syncing || row == NULL)
    return;
  self->syncing = TRUE;
  hel_netmap_canvas_select_node (self->canvas,
                                 GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), ROW_ID_KEY)));
  self->syncing = FALSE;
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  HelNetmapPage *self)
{
  hel_netmap_canvas_select_node (self->canvas,
                                 GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), ROW_ID_KEY)));
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     HelNetmapPage         *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;
  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL)
    return FALSE;
  hel_netmap_canvas_select_node (self->canvas,
                                 GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), ROW_ID_KEY)));
  return gtk_widget_activate_action (GTK_WIDGET (self), "netmap.delete", NULL);
}

/* ---- loading ---- */

static void
fill_chooser (HelNetmapPage *self)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(HelFamily) family = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->chooser_strings));
  guint selected = 0;
  const char **labels;

  g_array_set_size (self->choice_members, 0);
  g_ptr_array_set_size (self->choice_names, 0);
  g_clear_pointer (&self->family_name, g_free);
  if (self->family_id > 0)
    {
      family = hel_store_get_family (self->store, self->family_id, NULL);
      members = hel_store_list_members (self->store, self->family_id, NULL);
    }
  if (family != NULL)
    self->family_name = g_strdup (hel_family_get_name (family));

  g_array_append_val (self->choice_members, (gint64) { 0 });
  g_ptr_array_add (self->choice_names, g_strdup (self->family_name ? self->family_name : ""));
  for (guint i = 0; members && i < members->len; i++)
    {
      HelMember *m = members->pdata[i];
      gint64 id = hel_member_get_id (m);

      g_array_append_val (self->choice_members, id);
      g_ptr_array_add (self->choice_names, g_strdup (hel_member_get_first_name (m)));
    }

  labels = g_new0 (const char *, self->choice_members->len + 1);
  for (guint i = 0; i < self->choice_members->len; i++)
    {
      labels[i] = i == 0 ? g_strdup (_("The family’s map"))
                         /* Translators: a family member's own network map, e.g. a young person's */
                         : g_strdup_printf (_("%s’s own map"),
                                            (char *) self->choice_names->pdata[i]);
      if (g_array_index (self->choice_members, gint64, i) == self->member_id)
        selected = i;
    }
  self->syncing = TRUE;
  gtk_string_list_splice (self->chooser_strings, 0, n, labels);
  gtk_drop_down_set_selected (self->chooser, selected);
  self->syncing = FALSE;
  for (guint i = 0; labels[i] != NULL; i++)
    g_free ((char *) labels[i]);
  g_free (labels);
  /* The member whose map was shown is gone: back to the family's. */
  if (self->member_id != 0 && selected == 0)
    {
      self->member_id = 0;
      self->netmap_id = 0;
    }
}

static void
refresh (HelNetmapPage *self)
{
  g_autoptr(GError) error = NULL;
  HelNetmap *map = NULL;

  self->refresh_pending = FALSE;
  if (self->family_id <= 0 || self->family_name == NULL)
    {
      g_clear_pointer (&self->map, hel_netmap_free);
      hel_netmap_canvas_set_map (self->canvas, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }
  if (self->netmap_id <= 0)
    {
      g_autoptr(GPtrArray) maps = hel_store_list_netmaps (self->store, self->family_id, &error);

      for (guint i = 0; maps && i < maps->len; i++)
        {
          HelNetmap *m = maps->pdata[i];
          if (m->member_id == self->member_id)
            self->netmap_id = m->id;
        }
    }
  if (self->netmap_id > 0)
    {
      map = hel_store_load_netmap (self->store, self->netmap_id, &error);
      if (map == NULL)
        self->netmap_id = 0;
    }
  if (map == NULL)
    {
      /* Not made yet: an empty map on screen; the first edit stores it. */
      guint choice = gtk_drop_down_get_selected (self->chooser);

      map = hel_netmap_new (self->family_id, self->member_id, NULL);
      map->centre_name = g_strdup (choice < self->choice_names->len
                                     ? self->choice_names->pdata[choice] : self->family_name);
    }
  if (error != NULL)
    _hel_netmap_page_show_error (self, error);
  g_clear_pointer (&self->map, hel_netmap_free);
  self->map = map;
  hel_netmap_canvas_set_map (self->canvas, map);
  update_list (self);
  gtk_stack_set_visible_child_name (self->stack, "map");
  update_actions (self);
}

static void
netmap_changed_cb (HelStore      *store,
                   gint64         family_id,
                   HelNetmapPage *self)
{
  if (family_id != self->family_id || self->family_id <= 0)
    return;
  if (self->editing > 0)
    self->refresh_pending = TRUE;
  else
    refresh (self);
}

static void
people_changed_cb (HelStore      *store,
                   gint64         id,
                   HelNetmapPage *self)
{
  if (self->family_id <= 0 || self->editing > 0)
    return;
  fill_chooser (self);
  refresh (self);
}

static void
chooser_changed_cb (HelNetmapPage *self)
{
  guint i = gtk_drop_down_get_selected (self->chooser);
  gint64 member_id;

  if (self->syncing || i >= self->choice_members->len)
    return;
  member_id = g_array_index (self->choice_members, gint64, i);
  if (member_id == self->member_id)
    return;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  self->member_id = member_id;
  self->netmap_id = 0;
  hel_undo_stack_clear (self->undo);
  refresh (self);
}

/* ---- actions ---- */

static void
update_actions (HelNetmapPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->map != NULL;
  gboolean selected = have && (hel_netmap_canvas_get_selected_node (self->canvas) > 0 ||
                               hel_netmap_canvas_get_selected_tie (self->canvas) > 0);
  gboolean people = have && self->map->nodes->len > 0;
  const char *label;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (widget, "netmap.add-node", have);
  gtk_widget_action_set_enabled (widget, "netmap.add-tie", people);
  gtk_widget_action_set_enabled (widget, "netmap.connect", people);
  gtk_widget_action_set_enabled (widget, "netmap.delete", selected);
  gtk_widget_action_set_enabled (widget, "netmap.edit", selected);
  gtk_widget_action_set_enabled (widget, "netmap.move-selection",
                                 have && hel_netmap_canvas_get_selected_node (self->canvas) > 0);
  gtk_widget_action_set_enabled (widget, "netmap.zoom-in", have);
  gtk_widget_action_set_enabled (widget, "netmap.zoom-out", have);
  gtk_widget_action_set_enabled (widget, "netmap.zoom-fit", have);
  gtk_widget_action_set_enabled (widget, "netmap.undo", have && hel_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (widget, "netmap.redo", have && hel_undo_stack_can_redo (self->undo));
  gtk_widget_action_set_enabled (widget, "netmap.save-version", have);
  gtk_widget_action_set_enabled (widget, "netmap.compare", have && self->netmap_id > 0);
  gtk_widget_action_set_enabled (widget, "netmap.export", have);

  label = hel_undo_stack_undo_label (self->undo);
  undo_tip = label ? g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), label) : g_strdup (_("Undo (Ctrl+Z)"));
  label = hel_undo_stack_redo_label (self->undo);
  redo_tip = label ? g_strdup_printf (_("Redo “%s” (Ctrl+Shift+Z)"), label)
                   : g_strdup (_("Redo (Ctrl+Shift+Z)"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

static void
add_node_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->add_button));
}

static void
add_tie_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->tie_button));
}

static void
connect_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 from, to;

  g_variant_get (parameter, "(xx)", &from, &to);
  if (!_hel_netmap_page_connect_people (self, from, to, HEL_NETMAP_TIE_NORMAL, &error))
    _hel_netmap_page_show_error (self, error);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);
  g_autoptr(GArray) ids = hel_netmap_canvas_get_selected_nodes (self->canvas);
  gint64 tie = hel_netmap_canvas_get_selected_tie (self->canvas);

  if (ids->len > 0)
    _hel_netmap_page_delete_nodes (self, ids);
  else if (tie > 0)
    _hel_netmap_page_delete_tie (self, tie);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);
  gint64 node = hel_netmap_canvas_get_selected_node (self->canvas);

  if (node > 0)
    _hel_netmap_page_edit_node (self, node);
  else if (hel_netmap_canvas_get_selected_tie (self->canvas) > 0)
    _hel_netmap_page_edit_tie (self, hel_netmap_canvas_get_selected_tie (self->canvas));
}

static void
move_selection_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);
  g_autoptr(GArray) ids = hel_netmap_canvas_get_selected_nodes (self->canvas);
  GVariantBuilder builder;
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xdd)"));
  for (guint i = 0; i < ids->len; i++)
    {
      HelNetmapNode *node = hel_netmap_find_node (self->map, g_array_index (ids, gint64, i));

      if (node != NULL)
        g_variant_builder_add (&builder, "(xdd)", node->id, node->x + dx, node->y + dy);
    }
  {
    g_autoptr(GVariant) moves = g_variant_ref_sink (g_variant_builder_end (&builder));
    move_nodes (self, moves);
  }
}

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);

  if (g_str_equal (action_name, "netmap.zoom-in"))
    hel_netmap_canvas_zoom (self->canvas, 1.25);
  else if (g_str_equal (action_name, "netmap.zoom-out"))
    hel_netmap_canvas_zoom (self->canvas, 1 / 1.25);
  else
    hel_netmap_canvas_fit (self->canvas);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (g_str_equal (action_name, "netmap.undo"))
    ok = !hel_undo_stack_can_undo (self->undo) || hel_undo_stack_undo (self->undo, &error);
  else
    ok = !hel_undo_stack_can_redo (self->undo) || hel_undo_stack_redo (self->undo, &error);
  if (!ok)
    _hel_netmap_page_show_error (self, error);
}

/* -- versions -- */

static void
version_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HelNetmapPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save"))
    {
      if (ensure_map (self, &error) &&
          hel_store_save_netmap_version (self->store, self->netmap_id,
                                         gtk_editable_get_text (self->version_entry), &error) > 0)
        _hel_netmap_page_show_message (self, _("Version saved"), FALSE);
      else
        _hel_netmap_page_show_error (self, error);
    }
  self->version_dialog = NULL;
  self->version_entry = NULL;
}

static void
version_entry_activate_cb (GtkEntry         *entry,
                           AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "save");
}

static void
save_version_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  if (self->version_dialog != NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save a Version"),
                                   _("The map is kept as it is now, stamped with today’s date, so "
                                     "next year’s map can be compared with it."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. Before the meeting with the school"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Label (optional)"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "activate", G_CALLBACK (version_entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (version_response_cb), self, 0);
  self->version_dialog = ADW_MESSAGE_DIALOG (dialog);
  self->version_entry = GTK_EDITABLE (entry);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
compare_window_destroyed_cb (HelNetmapPage *self)
{
  self->compare_window = NULL;
}

static void
compare_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window;

  if (self->netmap_id <= 0)
    return;
  if (self->compare_window != NULL)
    gtk_window_destroy (self->compare_window);
  window = hel_netmap_compare_window_new (self->store, self->netmap_id);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  self->compare_window = GTK_WINDOW (window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (compare_window_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* -- export -- */

gboolean
_hel_netmap_page_export (HelNetmapPage  *self,
                         const char     *path,
                         GError        **error)
{
  HelNetmapExportFormat format;
  HelNetmapStyle style;
  gboolean png;

  g_return_val_if_fail (HEL_IS_NETMAP_PAGE (self), FALSE);

  if (!hel_export_netmap_format_from_path (path, &format, error))
    return FALSE;
  if (self->map == NULL)
    {
      g_set_error_literal (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_INVALID,
                           _("Choose a family first."));
      return FALSE;
    }
  /* Paper and slides are light whatever the screen's style. */
  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  png = format == HEL_NETMAP_EXPORT_PNG;
  return hel_export_netmap (self->map, &style, NULL,
                            png ? EXPORT_PNG_WIDTH : EXPORT_DOC_WIDTH,
                            png ? EXPORT_PNG_HEIGHT : EXPORT_DOC_HEIGHT, path, error);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    HelNetmapPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  if (self->export_chooser == chooser)
    g_clear_object (&self->export_chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    return;
  if (_hel_netmap_page_export (self, path, &error))
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Exported to %s"), base);
      _hel_netmap_page_show_message (self, message, FALSE);
    }
  else
    _hel_netmap_page_show_error (self, error);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  static const struct { const char *name, *mime; } types[] = {
    { N_("PNG image"), "image/png" },
    { N_("SVG drawing"), "image/svg+xml" },
    { N_("PDF document"), "application/pdf" },
  };
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->export_chooser != NULL)
    return;
  /* GTK 4.8 has no GtkFileDialog; the portal-backed native chooser exists in both. */
  chooser = gtk_file_chooser_native_new (_("Export Network Map"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name; the extension (.png, .svg or .pdf) chooses the format */
  name = g_strdup_printf ("%s.png", _("network-map"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(types[i].name));
      gtk_file_filter_add_mime_type (filter, types[i].mime);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  self->export_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- canvas signals ---- */

static void
canvas_move_nodes_cb (HelNetmapCanvas *canvas,
                      GVariant        *moves,
                      HelNetmapPage   *self)
{
  move_nodes (self, moves);
}

static void
canvas_add_node_at_cb (HelNetmapCanvas *canvas,
                       double           x,
                       double           y,
                       HelNetmapPage   *self)
{
  HelNetmapView view;
  GdkRectangle rect;
  double wx, wy, at[2] = { x, y };

  if (self->map == NULL)
    return;
  hel_netmap_canvas_get_view (canvas, &view);
  hel_netmap_view_map_to_widget (&view, x, y, &wx, &wy);
  /* Inside the canvas even for a point beyond its edge: a popover must point at the window. */
  wx = CLAMP (wx, 2, MAX (gtk_widget_get_width (GTK_WIDGET (canvas)) - 2, 2));
  wy = CLAMP (wy, 2, MAX (gtk_widget_get_height (GTK_WIDGET (canvas)) - 2, 2));
  rect = (GdkRectangle) { (int) wx - 2, (int) wy - 2, 4, 4 };
  _hel_netmap_page_popup_on_canvas (self, _hel_netmap_page_add_popover_new (self, at), &rect);
}

static void
canvas_add_tie_cb (HelNetmapCanvas *canvas,
                   gint64           from,
                   gint64           to,
                   HelNetmapPage   *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "netmap.connect", "(xx)", from, to);
}

static void
canvas_edit_node_cb (HelNetmapCanvas *canvas,
                     gint64           id,
                     HelNetmapPage   *self)
{
  _hel_netmap_page_edit_node (self, id);
}

static void
canvas_edit_tie_cb (HelNetmapCanvas *canvas,
                    gint64           id,
                    HelNetmapPage   *self)
{
  _hel_netmap_page_edit_tie (self, id);
}

static void
canvas_selection_changed_cb (HelNetmapCanvas *canvas,
                             HelNetmapPage   *self)
{
  if (!self->syncing)
    sync_list_selection (self);
  update_actions (self);
}

/* ---- building ---- */

static GtkWidget *
icon_button_new (const char *icon,
                 const char *tooltip,
                 const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
menu_button_new (const char             *icon,
                 const char             *label,
                 const char             *tooltip,
                 GtkMenuButtonCreatePopupFunc create,
                 HelNetmapPage          *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* GTK 4.8 does not name a menu button after its content: say it, without the mnemonic. */
  {
    g_autoptr(GString) name = g_string_new (label);
    g_string_replace (name, "_", "", 0);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name->str, -1);
  }
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create, self, NULL);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
separator_new (void)
{
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  gtk_widget_set_margin_start (separator, 4);
  gtk_widget_set_margin_end (separator, 4);
  return separator;
}

/* The swatches' shape, the side list and the hint are in the app's style.css. What stays here
 * is generated: each swatch's fill comes from the same palette table as the colour a node is
 * given and saved with, so the buttons can never show a colour other than the one they set. */
static void
load_css (void)
{
  static GdkDisplay *loaded_for = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GString) css = g_string_new (NULL);

  if (display == NULL || display == loaded_for)
    return;
  loaded_for = display;
  _hel_netmap_page_append_swatch_css (css);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
build (HelNetmapPage *self)
{
  GtkWidget *root = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *map_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *hint, *empty;
  GtkEventController *key;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Family Chosen"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Choose a family to draw the people around it."));
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, root, "map");

  /* The toolbar: which map, add, undo, zoom; versions and export on the right. */
  gtk_widget_add_css_class (toolbar, "toolbar");
  self->chooser_strings = gtk_string_list_new (NULL);
  self->chooser = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->chooser_strings)),
                                                    NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chooser),
                               _("The family’s map, or a member’s own map"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Whose map"), -1);
  g_signal_connect_swapped (self->chooser, "notify::selected", G_CALLBACK (chooser_changed_cb), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->chooser));
  gtk_box_append (GTK_BOX (toolbar), separator_new ());
  self->add_button = menu_button_new ("contact-new-symbolic", _("Add _Person…"),
                                      _("Add a person to the map"),
                                      _hel_netmap_page_add_button_create_popup_cb, self);
  gtk_box_append (GTK_BOX (toolbar), self->add_button);
  self->tie_button = menu_button_new ("insert-link-symbolic", _("Add _Tie…"),
                                      _("Draw a tie between two people, or to the centre"),
                                      _hel_netmap_page_tie_button_create_popup_cb, self);
  gtk_box_append (GTK_BOX (toolbar), self->tie_button);
  gtk_box_append (GTK_BOX (toolbar), separator_new ());
  self->undo_button = icon_button_new ("edit-undo-symbolic", _("Undo (Ctrl+Z)"), "netmap.undo");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Undo"), -1);
  gtk_box_append (GTK_BOX (toolbar), self->undo_button);
  self->redo_button = icon_button_new ("edit-redo-symbolic", _("Redo (Ctrl+Shift+Z)"),
                                       "netmap.redo");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->redo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Redo"), -1);
  gtk_box_append (GTK_BOX (toolbar), self->redo_button);
  gtk_box_append (GTK_BOX (toolbar), separator_new ());
  gtk_box_append (GTK_BOX (toolbar), icon_button_new ("zoom-out-symbolic", _("Zoom Out (Ctrl+−)"),
                                                      "netmap.zoom-out"));
  gtk_box_append (GTK_BOX (toolbar), icon_button_new ("zoom-in-symbolic", _("Zoom In (Ctrl++)"),
                                                      "netmap.zoom-in"));
  gtk_box_append (GTK_BOX (toolbar), icon_button_new ("zoom-fit-best-symbolic",
                                                      _("Show the Whole Map (Ctrl+0)"),
                                                      "netmap.zoom-fit"));
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);
  /* Versions and export live in a menu, so the page stays narrow enough for the sidebar
   * to stay beside it on an ordinary laptop screen. */
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    GtkWidget *more = gtk_menu_button_new ();

    g_menu_append (menu, _("Save a _Version…"), "netmap.save-version");
    g_menu_append (menu, _("_Compare Versions…"), "netmap.compare");
    g_menu_append (menu, _("_Export…"), "netmap.export");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
    gtk_widget_set_tooltip_text (more, _("Versions and export"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Versions and export"), -1);
    gtk_box_append (GTK_BOX (toolbar), more);
  }
  gtk_box_append (GTK_BOX (root), toolbar);
  gtk_box_append (GTK_BOX (root), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* The map, with a line of help under it. */
  self->canvas = HEL_NETMAP_CANVAS (hel_netmap_canvas_new ());
  gtk_box_append (GTK_BOX (map_box), GTK_WIDGET (self->canvas));
  hint = gtk_label_new (_("Double-click to add a person · drag to move · drag the + onto someone "
                          "to tie them · Shift+drag to select several · Ctrl+scroll to zoom"));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  /* A long hint must wrap, not set how narrow the page may get. */
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "hel-netmap-hint");
  gtk_box_append (GTK_BOX (map_box), hint);
  gtk_paned_set_start_child (GTK_PANED (paned), map_box);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  /* The people, beside the map: the same map for the keyboard and the screen reader. */
  gtk_widget_add_css_class (side, "hel-netmap-side");
  gtk_widget_set_size_request (side, 340, -1);
  self->list_heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->list_heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_heading), "heading");
  gtk_widget_set_margin_start (GTK_WIDGET (self->list_heading), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list_heading), 12);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->list_heading));
  self->ring_summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->ring_summary, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->ring_summary), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->ring_summary), "caption");
  gtk_widget_set_margin_start (GTK_WIDGET (self->ring_summary), 12);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->ring_summary));
  self->list_empty = gtk_label_new (_("Nobody on the map yet. Add the family first, then "
                                      "friends, school and work, and the professionals."));
  gtk_label_set_wrap (GTK_LABEL (self->list_empty), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->list_empty), 0);
  gtk_widget_add_css_class (self->list_empty, "dim-label");
  gtk_widget_set_margin_start (self->list_empty, 12);
  gtk_widget_set_margin_end (self->list_empty, 12);
  gtk_box_append (GTK_BOX (side), self->list_empty);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_sort_func (self->list, row_sort_cb, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People on the map"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), key);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (side), scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), side);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (root), paned);

  g_signal_connect (self->canvas, "move-nodes", G_CALLBACK (canvas_move_nodes_cb), self);
  g_signal_connect (self->canvas, "add-node-at", G_CALLBACK (canvas_add_node_at_cb), self);
  g_signal_connect (self->canvas, "add-tie", G_CALLBACK (canvas_add_tie_cb), self);
  g_signal_connect (self->canvas, "edit-node", G_CALLBACK (canvas_edit_node_cb), self);
  g_signal_connect (self->canvas, "edit-tie", G_CALLBACK (canvas_edit_tie_cb), self);
  g_signal_connect (self->canvas, "selection-changed", G_CALLBACK (canvas_selection_changed_cb),
                    self);
}

/* ---- GObject ---- */

void
hel_netmap_page_set_family (HelNetmapPage *self,
                            gint64         family_id)
{
  g_return_if_fail (HEL_IS_NETMAP_PAGE (self));

  if (self->family_id == family_id && self->map != NULL)
    return;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  self->family_id = family_id;
  self->member_id = 0;
  self->netmap_id = 0;
  hel_undo_stack_clear (self->undo);
  hel_netmap_canvas_select_node (self->canvas, 0);
  fill_chooser (self);
  refresh (self);
}

gint64
hel_netmap_page_get_family (HelNetmapPage *self)
{
  g_return_val_if_fail (HEL_IS_NETMAP_PAGE (self), 0);
  return self->family_id;
}

GtkWidget *
hel_netmap_page_new (HelStore *store)
{
  HelNetmapPage *self;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  self = g_object_new (HEL_TYPE_NETMAP_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::netmap", G_CALLBACK (netmap_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::family", G_CALLBACK (people_changed_cb), self, 0);
  g_signal_connect_object (store, "changed::member", G_CALLBACK (people_changed_cb), self, 0);
  return GTK_WIDGET (self);
}

static void
hel_netmap_page_dispose (GObject *object)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (object);

  if (self->version_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->version_dialog));
  if (self->compare_window != NULL)
    gtk_window_destroy (self->compare_window);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (self->export_chooser);
  g_clear_object (&self->export_chooser);
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->undo);
  g_clear_object (&self->chooser_strings);
  G_OBJECT_CLASS (hel_netmap_page_parent_class)->dispose (object);
}

static void
hel_netmap_page_finalize (GObject *object)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (object);

  g_clear_pointer (&self->map, hel_netmap_free);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->choice_members, g_array_unref);
  g_clear_pointer (&self->choice_names, g_ptr_array_unref);
  g_free (self->family_name);
  g_free (self->last_message);
  G_OBJECT_CLASS (hel_netmap_page_parent_class)->finalize (object);
}

static void
hel_netmap_page_class_init (HelNetmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_netmap_page_dispose;
  object_class->finalize = hel_netmap_page_finalize;

  gtk_widget_class_install_action (widget_class, "netmap.add-node", NULL, add_node_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.add-tie", NULL, add_tie_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.connect", "(xx)", connect_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.move-selection", "(dd)",
                                   move_selection_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.zoom-in", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.zoom-out", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.zoom-fit", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.redo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.save-version", NULL,
                                   save_version_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.compare", NULL, compare_action_cb);
  gtk_widget_class_install_action (widget_class, "netmap.export", NULL, export_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "netmap.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "netmap.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "netmap.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "netmap.redo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "netmap.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "netmap.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "netmap.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "netmap.zoom-fit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hel_netmap_page_init (HelNetmapPage *self)
{
  load_css ();
  self->undo = hel_undo_stack_new (UNDO_LIMIT);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->choice_members = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->choice_names = g_ptr_array_new_with_free_func (g_free);
  build (self);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

/* ---- test hooks ---- */

HelNetmapCanvas *
_hel_netmap_page_get_canvas (HelNetmapPage *self)
{
  return self->canvas;
}

HelUndoStack *
_hel_netmap_page_get_undo_stack (HelNetmapPage *self)
{
  return self->undo;
}

GtkListBox *
_hel_netmap_page_get_list (HelNetmapPage *self)
{
  return self->list;
}

gint64
_hel_netmap_page_get_netmap_id (HelNetmapPage *self)
{
  return self->netmap_id;
}

gboolean
_hel_netmap_page_choose_map (HelNetmapPage *self,
                             gint64         member_id)
{
  for (guint i = 0; i < self->choice_members->len; i++)
    if (g_array_index (self->choice_members, gint64, i) == member_id)
      {
        gtk_drop_down_set_selected (self->chooser, i);
        return TRUE;
      }
  return FALSE;
}

GtkWidget *
_hel_netmap_page_get_popover (HelNetmapPage *self)
{
  return self->popover;
}

const char *
_hel_netmap_page_get_last_message (HelNetmapPage *self)
{
  return self->last_message;
}

AdwMessageDialog *
_hel_netmap_page_get_version_dialog (HelNetmapPage *self)
{
  return self->version_dialog;
}

GtkEditable *
_hel_netmap_page_get_version_entry (HelNetmapPage *self)
{
  return self->version_entry;
}

GtkWindow *
_hel_netmap_page_get_compare_window (HelNetmapPage *self)
{
  return self->compare_window;
}
