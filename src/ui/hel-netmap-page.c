/* hel-netmap-page.c: the network map tab: every edit is saved at once and can be undone.
 *
 * The canvas shows the map and reports gestures; this page turns them into store edits (one
 * undo entry each), keeps the list of people beside the map in step, and hosts the popovers
 * that add and edit people and ties. The list makes the whole map usable by keyboard and
 * screen reader: every person can be found, edited, tied and removed from it. */
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
#define PART_PREFIX "hel-netmap-part-"
#define ROW_ID_KEY "hel-netmap-node-id"

/* PNG in pixels, SVG and PDF in points (A4 landscape). */
#define EXPORT_PNG_WIDTH  2400
#define EXPORT_PNG_HEIGHT 1600
#define EXPORT_DOC_WIDTH  842
#define EXPORT_DOC_HEIGHT 595

struct _HelNetmapPage
{
  GtkWidget         parent_instance;

  HelStore         *store;
  gint64            family_id;
  char             *family_name;
  GArray           *choice_members;  /* gint64 member id per chooser entry; 0 = the family */
  GPtrArray        *choice_names;    /* char*: the centre person per entry */
  gint64            member_id;
  gint64            netmap_id;       /* 0: no map stored yet; the first edit makes it */
  HelNetmap        *map;             /* as last read */
  HelUndoStack     *undo;
  guint             editing;
  gboolean          refresh_pending;
  gboolean          syncing;         /* list and canvas selection follow each other */
  GHashTable       *rows;            /* gint64* node id -> GtkListBoxRow (borrowed) */
  char             *last_message;

  GtkWidget        *popover;         /* the add or edit popover that is open */
  GtkNativeDialog  *export_chooser;
  AdwMessageDialog *version_dialog;
  GtkEditable      *version_entry;
  GtkWindow        *compare_window;

  GtkStack         *stack;
  GtkDropDown      *chooser;
  GtkStringList    *chooser_strings;
  GtkWidget        *add_button;
  GtkWidget        *tie_button;
  GtkWidget        *undo_button;
  GtkWidget        *redo_button;
  HelNetmapCanvas  *canvas;
  GtkListBox       *list;
  GtkLabel         *list_heading;
  GtkLabel         *ring_summary;
  GtkWidget        *list_empty;
};

G_DEFINE_FINAL_TYPE (HelNetmapPage, hel_netmap_page, GTK_TYPE_WIDGET)

static void refresh (HelNetmapPage *self);
static void update_actions (HelNetmapPage *self);

/* Colours a person can have: name for the screen reader, value as stored. */
static const struct {
  const char *name;
  const char *value;
} swatches[] = {
  { N_("Default colour"), NULL },
  { N_("Blue"), "#62a0ea" },
  { N_("Green"), "#57e389" },
  { N_("Yellow"), "#f8e45c" },
  { N_("Orange"), "#ffa348" },
  { N_("Red"), "#ed333b" },
  { N_("Purple"), "#c061cb" },
  { N_("Brown"), "#cdab8f" },
  { N_("Grey"), "#c0bfbc" },
};

/* ---- small helpers ---- */

static void
set_part (GtkWidget  *popover,
          const char *part,
          gpointer    widget)
{
  g_autofree char *key = g_strconcat (PART_PREFIX, part, NULL);
  g_object_set_data (G_OBJECT (popover), key, widget);
}

GtkWidget *
_hel_netmap_page_popover_part (GtkWidget  *popover,
                               const char *part)
{
  g_autofree char *key = g_strconcat (PART_PREFIX, part, NULL);

  g_return_val_if_fail (GTK_IS_POPOVER (popover), NULL);
  return g_object_get_data (G_OBJECT (popover), key);
}

static void
toast_undo_cb (AdwToast      *toast,
               HelNetmapPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "netmap.undo", NULL);
}

static void
show_message (HelNetmapPage *self,
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

static void
show_error (HelNetmapPage *self,
            const GError  *error)
{
  show_message (self, error->message, FALSE);
}

/* Marks a field wrong and says why, right below it and to the screen reader; NULL clears. */
static void
show_field_error (GtkWidget    *field,
                  GtkLabel     *label,
                  const GError *error)
{
  if (field != NULL)
    {
      if (error != NULL)
        {
          gtk_widget_add_css_class (field, "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
          gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_widget_remove_css_class (field, "error");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (field),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
  if (label != NULL)
    {
      gtk_label_set_text (label, error ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
    }
}

static GtkWidget *
error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static GtkWidget *
field_label_new (const char *text,
                 GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  return label;
}

static GtkDropDown *
drop_down_new (const char * const *labels,
               guint               n)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (strings, labels[i]);
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL));
}

static GtkDropDown *
sector_drop_down_new (void)
{
  const char *labels[HEL_NETMAP_N_SECTORS];

  for (guint i = 0; i < HEL_NETMAP_N_SECTORS; i++)
    labels[i] = hel_netmap_sector_label (i);
  return drop_down_new (labels, HEL_NETMAP_N_SECTORS);
}

static GtkDropDown *
ring_drop_down_new (void)
{
  const char *labels[HEL_NETMAP_N_RINGS];

  for (guint i = 0; i < HEL_NETMAP_N_RINGS; i++)
    labels[i] = hel_netmap_ring_label (i);
  return drop_down_new (labels, HEL_NETMAP_N_RINGS);
}

static GtkDropDown *
kind_drop_down_new (void)
{
  const char *labels[HEL_NETMAP_N_NODE_KINDS];

  for (guint i = 0; i < HEL_NETMAP_N_NODE_KINDS; i++)
    labels[i] = hel_netmap_node_kind_label (i);
  return drop_down_new (labels, HEL_NETMAP_N_NODE_KINDS);
}

static GtkDropDown *
tie_kind_drop_down_new (void)
{
  const char *labels[HEL_NETMAP_N_TIE_KINDS];

  for (guint i = 0; i < HEL_NETMAP_N_TIE_KINDS; i++)
    labels[i] = hel_netmap_tie_kind_label (i);
  return drop_down_new (labels, HEL_NETMAP_N_TIE_KINDS);
}

static const char *
person_name (HelNetmapPage *self,
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

static char *
describe_place (double x,
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
static void
free_spot (HelNetmapPage   *self,
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

static gint64
add_node (HelNetmapPage      *self,
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
    show_message (self, hel_netmap_clamped_message (), FALSE);
  return node->id;
}

static gboolean
save_node (HelNetmapPage  *self,
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
      show_error (self, error);
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
      show_error (self, error);
      /* The canvas still shows where the person was dropped; put it back as stored. */
      refresh (self);
    }
  else if (any_clamped)
    show_message (self, hel_netmap_clamped_message (), FALSE);
}

static gboolean
delete_nodes (HelNetmapPage *self,
              GArray        *ids)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  HelNetmap *before;
  gboolean ok;

  if (ids->len == 0)
    return FALSE;
  message = ids->len == 1 ? g_strdup_printf (_("Removed %s"),
                                             person_name (self, g_array_index (ids, gint64, 0)))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u person",
                                                          "Removed %u people", ids->len),
                                             ids->len);
  before = begin_edit (self, &error);
  if (before == NULL)
    {
      show_error (self, error);
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
    show_error (self, error);
  else
    show_message (self, message, TRUE);
  return ok;
}

static gboolean
connect_people (HelNetmapPage    *self,
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

static gboolean
save_tie (HelNetmapPage  *self,
          HelNetmapTie   *tie,
          GError        **error)
{
  HelNetmap *before = begin_edit (self, error);

  if (before == NULL)
    return FALSE;
  return end_edit (self, before, _("Change a tie"),
                   hel_store_save_netmap_tie (self->store, self->netmap_id, tie, error));
}

static gboolean
delete_tie (HelNetmapPage *self,
            gint64         tie_id)
{
  g_autoptr(GError) error = NULL;
  HelNetmap *before = begin_edit (self, &error);
  gboolean ok;

  if (before == NULL)
    {
      show_error (self, error);
      return FALSE;
    }
  ok = hel_store_delete_netmap_tie (self->store, tie_id, &error);
  end_edit (self, before, _("Remove a tie"), ok);
  if (!ok)
    show_error (self, error);
  else
    show_message (self, _("Tie removed"), TRUE);
  return ok;
}

/* ---- popovers ---- */

static void
popover_closed_cb (GtkPopover    *popover,
                   HelNetmapPage *self)
{
  if (self->popover == GTK_WIDGET (popover))
    self->popover = NULL;
}

static gboolean
unparent_idle_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
canvas_popover_closed_cb (GtkPopover *popover)
{
  /* Not from inside its own "closed": the popover's buttons may still be mid-signal. */
  g_idle_add (unparent_idle_cb, g_object_ref (popover));
}

static GtkWidget *
popover_new (HelNetmapPage *self,
             const char    *heading,
             GtkWidget    **box_out)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  g_signal_connect_object (popover, "closed", G_CALLBACK (popover_closed_cb), self, 0);
  *box_out = box;
  return popover;
}

/* Shows @popover on the canvas, pointing at @rect (widget pixels). */
static void
popup_on_canvas (HelNetmapPage      *self,
                 GtkWidget          *popover,
                 const GdkRectangle *rect)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_set_parent (popover, GTK_WIDGET (self->canvas));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), rect);
  g_signal_connect (popover, "closed", G_CALLBACK (canvas_popover_closed_cb), NULL);
  self->popover = popover;
  gtk_popover_popup (GTK_POPOVER (popover));
}

static GtkWidget *
button_row_new (GtkWidget *start,
                GtkWidget *end)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_hexpand (spacer, TRUE);
  if (start != NULL)
    gtk_box_append (GTK_BOX (row), start);
  gtk_box_append (GTK_BOX (row), spacer);
  gtk_box_append (GTK_BOX (row), end);
  return row;
}

/* -- adding a person -- */

static void
add_apply_cb (GtkWidget *button,
              GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  GtkWidget *name = _hel_netmap_page_popover_part (popover, "name");
  GtkWidget *sector = _hel_netmap_page_popover_part (popover, "sector");
  GtkWidget *ring = _hel_netmap_page_popover_part (popover, "ring");
  GtkWidget *kind = _hel_netmap_page_popover_part (popover, "kind");
  GtkWidget *actor = _hel_netmap_page_popover_part (popover, "actor");
  GtkLabel *error_label = GTK_LABEL (_hel_netmap_page_popover_part (popover, "error"));
  double *at = g_object_get_data (G_OBJECT (popover), "hel-netmap-at");
  g_autoptr(GError) error = NULL;
  double x, y;
  gint64 id;

  if (at != NULL)
    {
      x = at[0];
      y = at[1];
    }
  else
    free_spot (self, gtk_drop_down_get_selected (GTK_DROP_DOWN (sector)),
               gtk_drop_down_get_selected (GTK_DROP_DOWN (ring)), &x, &y);
  id = add_node (self, gtk_editable_get_text (GTK_EDITABLE (name)), x, y,
                 gtk_drop_down_get_selected (GTK_DROP_DOWN (kind)),
                 gtk_editable_get_text (GTK_EDITABLE (actor)), &error);
  show_field_error (name, error_label, error);
  if (id > 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (name), "");
      gtk_popover_popdown (GTK_POPOVER (popover));
    }
  else
    gtk_widget_grab_focus (name);
}

static void
add_name_activate_cb (GtkEntry  *entry,
                      GtkWidget *popover)
{
  add_apply_cb (NULL, popover);
}

/* @at: the map position of a double click, or NULL to choose a sector and ring. */
static GtkWidget *
add_popover_new (HelNetmapPage *self,
                 const double  *at)
{
  GtkWidget *box, *popover = popover_new (self, _("Add a Person"), &box);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *error = error_label_new ();
  GtkWidget *kind = GTK_WIDGET (kind_drop_down_new ());
  GtkWidget *actor = gtk_entry_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Add"));

  g_object_set_data (G_OBJECT (popover), "hel-netmap-page", self);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("e.g. Grandma Inge"));
  gtk_entry_set_activates_default (GTK_ENTRY (name), FALSE);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Name"), name));
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), error);

  if (at != NULL)
    {
      g_autofree char *place = describe_place (at[0], at[1]);
      GtkWidget *where = gtk_label_new (place);

      gtk_label_set_xalign (GTK_LABEL (where), 0);
      gtk_widget_add_css_class (where, "dim-label");
      gtk_box_append (GTK_BOX (box), where);
      g_object_set_data_full (G_OBJECT (popover), "hel-netmap-at", g_memdup2 (at, 2 * sizeof *at),
                              g_free);
    }
  else
    {
      GtkWidget *sector = GTK_WIDGET (sector_drop_down_new ());
      GtkWidget *ring = GTK_WIDGET (ring_drop_down_new ());
      gint64 selected = hel_netmap_canvas_get_selected_node (self->canvas);
      HelNetmapNode *near = selected > 0 && self->map ? hel_netmap_find_node (self->map, selected)
                                                       : NULL;

      /* Next to the person selected: the family's members are added one after the other. */
      gtk_drop_down_set_selected (GTK_DROP_DOWN (sector),
                                  near ? hel_netmap_sector_at (near->x, near->y)
                                       : HEL_NETMAP_SECTOR_FAMILY);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (ring),
                                  near ? MIN (hel_netmap_ring_at (near->x, near->y),
                                              HEL_NETMAP_RING_AVAILABLE)
                                       : HEL_NETMAP_RING_EFFECTIVE);
      gtk_box_append (GTK_BOX (box), field_label_new (_("_Sector"), sector));
      gtk_box_append (GTK_BOX (box), sector);
      gtk_box_append (GTK_BOX (box), field_label_new (_("_Closeness"), ring));
      gtk_box_append (GTK_BOX (box), ring);
      set_part (popover, "sector", sector);
      set_part (popover, "ring", ring);
    }
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Kind"), kind));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_entry_set_placeholder_text (GTK_ENTRY (actor), _("e.g. Jobcenter, PPR, Mentor"));
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Actor (optional)"), actor));
  gtk_box_append (GTK_BOX (box), actor);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_box_append (GTK_BOX (box), button_row_new (NULL, apply));

  set_part (popover, "name", name);
  set_part (popover, "kind", kind);
  set_part (popover, "actor", actor);
  set_part (popover, "error", error);
  set_part (popover, "apply", apply);
  g_signal_connect (apply, "clicked", G_CALLBACK (add_apply_cb), popover);
  g_signal_connect (name, "activate", G_CALLBACK (add_name_activate_cb), popover);
  g_signal_connect (actor, "activate", G_CALLBACK (add_name_activate_cb), popover);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), apply);
  return popover;
}

static void
add_button_create_popup_cb (GtkMenuButton *button,
                            gpointer       data)
{
  HelNetmapPage *self = data;
  GtkWidget *popover = add_popover_new (self, NULL);

  if (self->popover != NULL && self->popover != popover)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_menu_button_set_popover (button, popover);
  self->popover = popover;
}

/* -- adding a tie -- */

static GArray *
tie_choices (HelNetmapPage *self,
             GtkDropDown   *drop_down,
             gboolean       with_centre)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) order = hel_netmap_canvas_sorted_nodes (self->map);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (with_centre)
    {
      g_autofree char *centre = g_strdup_printf (_("%s (the centre)"), person_name (self, 0));
      gtk_string_list_append (strings, centre);
      g_array_append_val (ids, (gint64) { 0 });
    }
  for (guint i = 0; i < order->len; i++)
    {
      HelNetmapNode *node = order->pdata[i];
      gtk_string_list_append (strings, node->name);
      g_array_append_val (ids, node->id);
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (strings));
  gtk_drop_down_set_enable_search (drop_down, TRUE);
  {
    /* The drop-down takes its own reference. */
    g_autoptr(GtkExpression) by_name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                                     "string");
    gtk_drop_down_set_expression (drop_down, by_name);
  }
  return ids;
}

static gint64
chosen_id (GtkWidget *drop_down)
{
  GArray *ids = g_object_get_data (G_OBJECT (drop_down), "hel-netmap-ids");
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));

  return ids && i < ids->len ? g_array_index (ids, gint64, i) : -1;
}

static void
select_id (GtkWidget *drop_down,
           gint64     id)
{
  GArray *ids = g_object_get_data (G_OBJECT (drop_down), "hel-netmap-ids");

  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
}

static void
add_tie_apply_cb (GtkWidget *button,
                  GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  GtkWidget *from = _hel_netmap_page_popover_part (popover, "from");
  GtkWidget *to = _hel_netmap_page_popover_part (popover, "to");
  GtkWidget *kind = _hel_netmap_page_popover_part (popover, "tie-kind");
  GtkLabel *error_label = GTK_LABEL (_hel_netmap_page_popover_part (popover, "error"));
  g_autoptr(GError) error = NULL;
  gint64 a = chosen_id (from), b = chosen_id (to);

  if (a < 0 || b < 0)
    g_set_error_literal (&error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_NO_SUCH_NODE,
                         _("Add people to the map first, then tie them together."));
  else
    connect_people (self, a, b, gtk_drop_down_get_selected (GTK_DROP_DOWN (kind)), &error);
  show_field_error (to, error_label, error);
  if (error == NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
add_tie_popover_new (HelNetmapPage *self)
{
  GtkWidget *box, *popover = popover_new (self, _("Add a Tie"), &box);
  GtkWidget *from = gtk_drop_down_new (NULL, NULL);
  GtkWidget *to = gtk_drop_down_new (NULL, NULL);
  GtkWidget *kind = GTK_WIDGET (tie_kind_drop_down_new ());
  GtkWidget *error = error_label_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Add Tie"));
  gint64 selected = hel_netmap_canvas_get_selected_node (self->canvas);

  g_object_set_data (G_OBJECT (popover), "hel-netmap-page", self);
  g_object_set_data_full (G_OBJECT (from), "hel-netmap-ids",
                          tie_choices (self, GTK_DROP_DOWN (from), TRUE),
                          (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (to), "hel-netmap-ids",
                          tie_choices (self, GTK_DROP_DOWN (to), FALSE),
                          (GDestroyNotify) g_array_unref);
  /* From the centre to the person selected: the most common tie. */
  select_id (from, 0);
  if (selected > 0)
    select_id (to, selected);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), HEL_NETMAP_TIE_NORMAL);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_From"), from));
  gtk_box_append (GTK_BOX (box), from);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_To"), to));
  gtk_box_append (GTK_BOX (box), to);
  gtk_box_append (GTK_BOX (box), error);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Kind of tie"), kind));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_box_append (GTK_BOX (box), button_row_new (NULL, apply));
  set_part (popover, "from", from);
  set_part (popover, "to", to);
  set_part (popover, "tie-kind", kind);
  set_part (popover, "error", error);
  set_part (popover, "apply", apply);
  g_signal_connect (apply, "clicked", G_CALLBACK (add_tie_apply_cb), popover);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), apply);
  return popover;
}

static void
tie_button_create_popup_cb (GtkMenuButton *button,
                            gpointer       data)
{
  HelNetmapPage *self = data;
  GtkWidget *popover = add_tie_popover_new (self);

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_menu_button_set_popover (button, popover);
  self->popover = popover;
}

/* -- editing a tie -- */

static const char *
arrow_label (HelNetmapArrow arrow)
{
  switch (arrow)
    {
    case HEL_NETMAP_ARROW_FORWARD: return _("Support flows one way (→)");
    case HEL_NETMAP_ARROW_BACK: return _("Support flows the other way (←)");
    case HEL_NETMAP_ARROW_BOTH: return _("Support flows both ways (↔)");
    case HEL_NETMAP_ARROW_NONE:
    case HEL_NETMAP_N_ARROWS:
    default: return _("No arrow");
    }
}

static void
tie_changed_cb (GtkWidget *drop_down,
                GParamSpec *pspec,
                GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  gint64 tie_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (drop_down), "hel-netmap-tie"));
  GtkWidget *kind = g_object_get_data (G_OBJECT (drop_down), "hel-netmap-kind");
  GtkWidget *arrow = g_object_get_data (G_OBJECT (drop_down), "hel-netmap-arrow");
  HelNetmapTie *tie = self->map ? hel_netmap_find_tie (self->map, tie_id) : NULL;
  g_autoptr(HelNetmapTie) edited = NULL;
  g_autoptr(GError) error = NULL;

  if (tie == NULL)
    return;
  edited = hel_netmap_tie_copy (tie);
  if (kind != NULL)
    edited->kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (kind));
  if (arrow != NULL)
    edited->arrow = gtk_drop_down_get_selected (GTK_DROP_DOWN (arrow));
  if (edited->kind == tie->kind && edited->arrow == tie->arrow)
    return;
  if (!save_tie (self, edited, &error))
    show_error (self, error);
}

static void
tie_delete_cb (GtkWidget *button,
               GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  gint64 tie_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "hel-netmap-tie"));

  if (g_object_get_data (G_OBJECT (button), "hel-netmap-closes") != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  else
    gtk_widget_set_visible (gtk_widget_get_parent (button), FALSE);
  delete_tie (self, tie_id);
}

/* The kind (and arrow) choosers of one tie, saved as soon as they change. */
static void
tie_controls (HelNetmapPage *self,
              GtkWidget     *popover,
              HelNetmapTie  *tie,
              GtkWidget    **kind_out,
              GtkWidget    **arrow_out)
{
  GtkWidget *kind = GTK_WIDGET (tie_kind_drop_down_new ());

  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), tie->kind);
  g_object_set_data (G_OBJECT (kind), "hel-netmap-tie", GSIZE_TO_POINTER (tie->id));
  g_object_set_data (G_OBJECT (kind), "hel-netmap-kind", kind);
  *kind_out = kind;
  if (arrow_out != NULL)
    {
      const char *labels[HEL_NETMAP_N_ARROWS];
      GtkWidget *arrow;

      for (guint i = 0; i < HEL_NETMAP_N_ARROWS; i++)
        labels[i] = arrow_label (i);
      arrow = GTK_WIDGET (drop_down_new (labels, HEL_NETMAP_N_ARROWS));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (arrow), tie->arrow);
      g_object_set_data (G_OBJECT (arrow), "hel-netmap-tie", GSIZE_TO_POINTER (tie->id));
      g_object_set_data (G_OBJECT (arrow), "hel-netmap-kind", kind);
      g_object_set_data (G_OBJECT (arrow), "hel-netmap-arrow", arrow);
      g_object_set_data (G_OBJECT (kind), "hel-netmap-arrow", arrow);
      g_signal_connect (arrow, "notify::selected", G_CALLBACK (tie_changed_cb), popover);
      *arrow_out = arrow;
    }
  g_signal_connect (kind, "notify::selected", G_CALLBACK (tie_changed_cb), popover);
}

static GtkWidget *
tie_popover_new (HelNetmapPage *self,
                 HelNetmapTie  *tie)
{
  g_autofree char *heading = g_strdup_printf (_("Tie: %s – %s"), person_name (self, tie->from_id),
                                              person_name (self, tie->to_id));
  GtkWidget *box, *popover = popover_new (self, heading, &box);
  GtkWidget *kind, *arrow;
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Tie"));

  g_object_set_data (G_OBJECT (popover), "hel-netmap-page", self);
  tie_controls (self, popover, tie, &kind, &arrow);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Kind of tie"), kind));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Direction of support"), arrow));
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_set_data (G_OBJECT (remove), "hel-netmap-tie", GSIZE_TO_POINTER (tie->id));
  g_object_set_data (G_OBJECT (remove), "hel-netmap-closes", GINT_TO_POINTER (1));
  g_signal_connect (remove, "clicked", G_CALLBACK (tie_delete_cb), popover);
  gtk_box_append (GTK_BOX (box), button_row_new (remove, gtk_label_new (NULL)));
  set_part (popover, "tie-kind", kind);
  set_part (popover, "arrow", arrow);
  set_part (popover, "delete", remove);
  return popover;
}

static void
edit_tie (HelNetmapPage *self,
          gint64         tie_id)
{
  HelNetmapTie *tie = self->map ? hel_netmap_find_tie (self->map, tie_id) : NULL;
  GdkRectangle rect;

  if (tie == NULL || !hel_netmap_canvas_get_tie_rect (self->canvas, tie_id, &rect))
    return;
  popup_on_canvas (self, tie_popover_new (self, tie), &rect);
}

/* -- editing a person -- */

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
nonempty (char *text)
{
  if (text != NULL && *g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Saves what the person editor shows when it differs from the map. @closing: the editor is
 * going away, so an empty name keeps the old one rather than losing the other changes. */
static gboolean
apply_node_editor (GtkWidget *popover,
                   gboolean   closing)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  gint64 node_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (popover), "hel-netmap-node"));
  GtkWidget *name = _hel_netmap_page_popover_part (popover, "name");
  GtkLabel *error_label = GTK_LABEL (_hel_netmap_page_popover_part (popover, "error"));
  HelNetmapNode *node = self->map ? hel_netmap_find_node (self->map, node_id) : NULL;
  g_autoptr(HelNetmapNode) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_name = NULL;

  if (node == NULL || g_object_get_data (G_OBJECT (popover), "hel-netmap-deleted"))
    return TRUE;
  edited = hel_netmap_node_copy (node);
  new_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name))));
  if (*new_name == '\0' && closing)
    {
      g_autofree char *message = g_strdup_printf (_("A person needs a name, so “%s” kept it."),
                                                  node->name);
      show_message (self, message, FALSE);
    }
  else
    {
      g_free (edited->name);
      edited->name = g_steal_pointer (&new_name);
    }
  edited->kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (_hel_netmap_page_popover_part (popover,
                                                                                         "kind")));
  g_free (edited->actor);
  edited->actor = nonempty (g_strdup (gtk_editable_get_text (
                                        GTK_EDITABLE (_hel_netmap_page_popover_part (popover,
                                                                                     "actor")))));
  g_free (edited->note);
  edited->note = nonempty (text_view_text (GTK_TEXT_VIEW (_hel_netmap_page_popover_part (popover,
                                                                                         "note"))));
  g_free (edited->colour);
  edited->colour = g_strdup (g_object_get_data (G_OBJECT (popover), "hel-netmap-colour"));

  if (g_strcmp0 (edited->name, node->name) == 0 && edited->kind == node->kind &&
      g_strcmp0 (edited->actor, node->actor) == 0 && g_strcmp0 (edited->note, node->note) == 0 &&
      g_strcmp0 (edited->colour, node->colour) == 0)
    {
      show_field_error (name, error_label, NULL);
      return TRUE;
    }
  save_node (self, edited, &error);
  if (closing && error != NULL)
    show_error (self, error);
  else
    show_field_error (name, error_label, error);
  return error == NULL;
}

static void
node_field_activate_cb (GtkWidget *field,
                        GtkWidget *popover)
{
  if (apply_node_editor (popover, FALSE))
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
node_choice_changed_cb (GtkWidget  *widget,
                        GParamSpec *pspec,
                        GtkWidget  *popover)
{
  if (!g_object_get_data (G_OBJECT (popover), "hel-netmap-loading"))
    apply_node_editor (popover, FALSE);
}

static void
swatch_toggled_cb (GtkToggleButton *button,
                   GtkWidget       *popover)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  g_object_set_data_full (G_OBJECT (popover), "hel-netmap-colour",
                          g_strdup (g_object_get_data (G_OBJECT (button), "hel-netmap-value")),
                          g_free);
  node_choice_changed_cb (GTK_WIDGET (button), NULL, popover);
}

static void
node_editor_closed_cb (GtkPopover *popover)
{
  apply_node_editor (GTK_WIDGET (popover), TRUE);
}

static void
node_delete_cb (GtkWidget *button,
                GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  gint64 node_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (popover), "hel-netmap-node"));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (ids, node_id);
  g_object_set_data (G_OBJECT (popover), "hel-netmap-deleted", GINT_TO_POINTER (1));
  gtk_popover_popdown (GTK_POPOVER (popover));
  delete_nodes (self, ids);
}

static void
node_done_cb (GtkWidget *button,
              GtkWidget *popover)
{
  node_field_activate_cb (button, popover);
}

static GtkWidget *
swatch_box_new (GtkWidget     *popover,
                HelNetmapNode *node)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkToggleButton *group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (swatches); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *css = g_strdup_printf ("hel-netmap-swatch-%u", i);

      gtk_widget_add_css_class (button, "hel-netmap-swatch");
      gtk_widget_add_css_class (button, css);
      gtk_widget_set_tooltip_text (button, _(swatches[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(swatches[i].name), -1);
      if (swatches[i].value == NULL)
        gtk_button_set_icon_name (GTK_BUTTON (button), "edit-clear-symbolic");
      g_object_set_data (G_OBJECT (button), "hel-netmap-value", (gpointer) swatches[i].value);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      if (g_ascii_strcasecmp (node->colour ? node->colour : "",
                              swatches[i].value ? swatches[i].value : "") == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      g_signal_connect (button, "toggled", G_CALLBACK (swatch_toggled_cb), popover);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static GtkWidget *
node_ties_box_new (HelNetmapPage *self,
                   GtkWidget     *popover,
                   HelNetmapNode *node)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  for (guint i = 0; i < self->map->ties->len; i++)
    {
      HelNetmapTie *tie = self->map->ties->pdata[i];
      gint64 other = tie->from_id == node->id ? tie->to_id : tie->from_id;
      g_autofree char *remove_label = NULL;
      GtkWidget *row, *label, *kind, *remove;

      if (tie->from_id != node->id && tie->to_id != node->id)
        continue;
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (person_name (self, other));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      tie_controls (self, popover, tie, &kind, NULL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (remove, "flat");
      remove_label = g_strdup_printf (_("Remove the tie to %s"), person_name (self, other));
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "hel-netmap-tie", GSIZE_TO_POINTER (tie->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (tie_delete_cb), popover);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), kind);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_box_append (GTK_BOX (box), row);
    }
  if (gtk_widget_get_first_child (box) == NULL)
    {
      GtkWidget *none = gtk_label_new (_("No ties yet. Drag the + beside the person onto someone "
                                         "on the map, or use Add Tie."));
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (none), 34);
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
  return box;
}

static GtkWidget *
node_popover_new (HelNetmapPage *self,
                  HelNetmapNode *node)
{
  GtkWidget *box, *popover = popover_new (self, _("Edit Person"), &box);
  g_autofree char *place = describe_place (node->x, node->y);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *error = error_label_new ();
  GtkWidget *where = gtk_label_new (place);
  GtkWidget *kind = GTK_WIDGET (kind_drop_down_new ());
  GtkWidget *actor = gtk_entry_new ();
  GtkWidget *note = gtk_text_view_new ();
  GtkWidget *note_frame = gtk_frame_new (NULL);
  GtkWidget *colours = swatch_box_new (popover, node);
  GtkWidget *ties_heading = gtk_label_new (_("Ties"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Person"));
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));
  GtkWidget *colour_label = gtk_label_new (_("Colour"));

  g_object_set_data (G_OBJECT (popover), "hel-netmap-page", self);
  g_object_set_data (G_OBJECT (popover), "hel-netmap-node", GSIZE_TO_POINTER (node->id));
  g_object_set_data (G_OBJECT (popover), "hel-netmap-loading", GINT_TO_POINTER (1));
  g_object_set_data_full (G_OBJECT (popover), "hel-netmap-colour", g_strdup (node->colour), g_free);

  gtk_editable_set_text (GTK_EDITABLE (name), node->name);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Name"), name));
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), error);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (box), where);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), node->kind);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Kind"), kind));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_editable_set_text (GTK_EDITABLE (actor), node->actor ? node->actor : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (actor), _("e.g. Jobcenter, PPR, Mentor"));
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Actor (optional)"), actor));
  gtk_box_append (GTK_BOX (box), actor);

  gtk_label_set_xalign (GTK_LABEL (colour_label), 0);
  gtk_widget_add_css_class (colour_label, "caption-heading");
  gtk_box_append (GTK_BOX (box), colour_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (colours), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Colour"), -1);
  gtk_box_append (GTK_BOX (box), colours);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note)),
                            node->note ? node->note : "", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (note), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (note), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (note), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (note), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (note), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (note), 6);
  gtk_widget_set_size_request (note, -1, 60);
  gtk_frame_set_child (GTK_FRAME (note_frame), note);
  gtk_box_append (GTK_BOX (box), field_label_new (_("N_ote"), note));
  gtk_box_append (GTK_BOX (box), note_frame);

  gtk_label_set_xalign (GTK_LABEL (ties_heading), 0);
  gtk_widget_add_css_class (ties_heading, "caption-heading");
  gtk_widget_set_margin_top (ties_heading, 6);
  gtk_box_append (GTK_BOX (box), ties_heading);
  gtk_box_append (GTK_BOX (box), node_ties_box_new (self, popover, node));

  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_add_css_class (done, "suggested-action");
  gtk_box_append (GTK_BOX (box), button_row_new (remove, done));

  set_part (popover, "name", name);
  set_part (popover, "error", error);
  set_part (popover, "kind", kind);
  set_part (popover, "actor", actor);
  set_part (popover, "note", note);
  set_part (popover, "delete", remove);
  set_part (popover, "apply", done);
  g_signal_connect (name, "activate", G_CALLBACK (node_field_activate_cb), popover);
  g_signal_connect (actor, "activate", G_CALLBACK (node_field_activate_cb), popover);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (node_choice_changed_cb), popover);
  g_signal_connect (remove, "clicked", G_CALLBACK (node_delete_cb), popover);
  g_signal_connect (done, "clicked", G_CALLBACK (node_done_cb), popover);
  /* Runs before the page forgets the popover, so typing is saved when it closes. */
  g_signal_connect (popover, "closed", G_CALLBACK (node_editor_closed_cb), NULL);
  g_object_set_data (G_OBJECT (popover), "hel-netmap-loading", NULL);
  return popover;
}

static void
edit_node (HelNetmapPage *self,
           gint64         node_id)
{
  HelNetmapNode *node = self->map ? hel_netmap_find_node (self->map, node_id) : NULL;
  GdkRectangle rect;

  if (node == NULL || !hel_netmap_canvas_get_node_rect (self->canvas, node_id, &rect))
    return;
  popup_on_canvas (self, node_popover_new (self, node), &rect);
}

static void
row_edit_create_popup_cb (GtkMenuButton *button,
                          gpointer       data)
{
  HelNetmapPage *self = data;
  gint64 node_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), ROW_ID_KEY));
  HelNetmapNode *node = self->map ? hel_netmap_find_node (self->map, node_id) : NULL;
  GtkWidget *popover;

  if (node == NULL)
    return;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  popover = node_popover_new (self, node);
  gtk_menu_button_set_popover (button, popover);
  self->popover = popover;
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
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (edit), row_edit_create_popup_cb, self,
                                         NULL);
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
  g_autofree char *place = describe_place (node->x, node->y);
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
    show_error (self, error);
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
  if (!connect_people (self, from, to, HEL_NETMAP_TIE_NORMAL, &error))
    show_error (self, error);
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
    delete_nodes (self, ids);
  else if (tie > 0)
    delete_tie (self, tie);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelNetmapPage *self = HEL_NETMAP_PAGE (widget);
  gint64 node = hel_netmap_canvas_get_selected_node (self->canvas);

  if (node > 0)
    edit_node (self, node);
  else if (hel_netmap_canvas_get_selected_tie (self->canvas) > 0)
    edit_tie (self, hel_netmap_canvas_get_selected_tie (self->canvas));
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
    show_error (self, error);
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
        show_message (self, _("Version saved"), FALSE);
      else
        show_error (self, error);
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
      show_message (self, message, FALSE);
    }
  else
    show_error (self, error);
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
  popup_on_canvas (self, add_popover_new (self, at), &rect);
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
  edit_node (self, id);
}

static void
canvas_edit_tie_cb (HelNetmapCanvas *canvas,
                    gint64           id,
                    HelNetmapPage   *self)
{
  edit_tie (self, id);
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

static void
load_css (void)
{
  static GdkDisplay *loaded_for = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GString) css = g_string_new (
    ".hel-netmap-swatch { min-width: 26px; min-height: 26px; padding: 0; border-radius: 9999px;"
    " box-shadow: inset 0 0 0 1px alpha(black, 0.25); }"
    ".hel-netmap-swatch:checked { box-shadow: inset 0 0 0 1px alpha(black, 0.25),"
    " 0 0 0 2px @accent_bg_color; }"
    ".hel-netmap-side { background-color: @view_bg_color; }"
    ".hel-netmap-hint { padding: 4px 12px; }");

  /* Kept with the page, like the plan's CSS, so it looks right in tests and when embedded. */
  if (display == NULL || display == loaded_for)
    return;
  loaded_for = display;
  for (guint i = 1; i < G_N_ELEMENTS (swatches); i++)
    g_string_append_printf (css, ".hel-netmap-swatch-%u { background: %s; }", i, swatches[i].value);
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
                                      _("Add a person to the map"), add_button_create_popup_cb,
                                      self);
  gtk_box_append (GTK_BOX (toolbar), self->add_button);
  self->tie_button = menu_button_new ("insert-link-symbolic", _("Add _Tie…"),
                                      _("Draw a tie between two people, or to the centre"),
                                      tie_button_create_popup_cb, self);
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
