/* test-netmap-page.c: the network map page, driven through its real actions, popovers and canvas. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "helhed-resources.h"
#include "hel-ui-test.h"
#include "hel-netmap-compare-window.h"
#include "hel-netmap-page-private.h"
#include "hel-store-netmap.h"

typedef struct {
  char          *dir;
  HelStore      *store;
  gint64         family_id;
  gint64         malthe;
  GtkWidget     *window;
  HelNetmapPage *page;
} Fixture;

static gint64
add_member (Fixture    *f,
            HelRole     role,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMember) member = hel_member_new ();

  hel_member_set_family_id (member, f->family_id);
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, name);
  g_assert_true (hel_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  return hel_member_get_id (member);
}

/* WAIT_FOR_SECONDS: a slow machine (or a sanitizer build) may take long over a thousand
 * people; the guard is against a hang, not a speed test (that is `helhed-tool bench`). */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autofree char *path = NULL;
  GtkWidget *overlay;

  f->dir = g_dir_make_tmp ("helhed-netmap-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "helhed.db", NULL);
  f->store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  hel_family_set_name (family, "Familien Jensen");
  hel_family_set_start_date (family, "2024-01-01");
  g_assert_true (hel_store_save_family (f->store, family, &error));
  f->family_id = hel_family_get_id (family);
  add_member (f, HEL_ROLE_MOTHER, "Maja");
  f->malthe = add_member (f, HEL_ROLE_CHILD, "Malthe");

  f->page = HEL_NETMAP_PAGE (hel_netmap_page_new (f->store));
  hel_netmap_page_set_family (f->page, f->family_id);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  f->window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (f->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (_hel_netmap_page_get_canvas (f->page))) > 0);
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

/* ---- helpers ---- */

static HelNetmap *
stored_map (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = _hel_netmap_page_get_netmap_id (f->page);
  HelNetmap *map;

  g_assert_cmpint (id, >, 0);
  map = hel_store_load_netmap (f->store, id, &error);
  g_assert_no_error (error);
  return map;
}

static HelNetmapNode *
find_named (HelNetmap  *map,
            const char *name)
{
  for (guint i = 0; i < map->nodes->len; i++)
    if (g_strcmp0 (((HelNetmapNode *) map->nodes->pdata[i])->name, name) == 0)
      return map->nodes->pdata[i];
  return NULL;
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  /* GTK 4.8 hands a widget-class action the parameter as it is: a floating one would leak. */
  g_autoptr(GVariant) owned = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->page), action, owned));
}

static GtkWidget *
part (Fixture    *f,
      const char *name)
{
  GtkWidget *popover = _hel_netmap_page_get_popover (f->page);
  GtkWidget *widget;

  g_assert_nonnull (popover);
  widget = _hel_netmap_page_popover_part (popover, name);
  g_assert_nonnull (widget);
  return widget;
}

/* Adds a person through the "Add Person…" popover, as a caseworker would. */
static gint64
add_person (Fixture         *f,
            const char      *name,
            HelNetmapSector  sector,
            HelNetmapRing    ring)
{
  g_autoptr(HelNetmap) map = NULL;
  HelNetmapNode *node;

  activate (f, "netmap.add-node", NULL);
  WAIT_FOR (_hel_netmap_page_get_popover (f->page) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (part (f, "name")), name);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "sector")), sector);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "ring")), ring);
  g_signal_emit_by_name (part (f, "apply"), "clicked");
  map = stored_map (f);
  node = find_named (map, name);
  g_assert_nonnull (node);
  return node->id;
}

static void
emit_move (Fixture *f,
           gint64   id,
           double   x,
           double   y)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xdd)"));
  g_variant_builder_add (&builder, "(xdd)", id, x, y);
  g_signal_emit_by_name (_hel_netmap_page_get_canvas (f->page), "move-nodes",
                         g_variant_builder_end (&builder));
}

static void
node_place (Fixture         *f,
            gint64           id,
            HelNetmapSector *sector,
            HelNetmapRing   *ring,
            double          *x,
            double          *y)
{
  g_autoptr(HelNetmap) map = stored_map (f);
  HelNetmapNode *node = hel_netmap_find_node (map, id);

  g_assert_nonnull (node);
  *sector = hel_netmap_sector_at (node->x, node->y);
  *ring = hel_netmap_ring_at (node->x, node->y);
  if (x != NULL)
    *x = node->x;
  if (y != NULL)
    *y = node->y;
}

static guint
count_nodes (Fixture *f)
{
  g_autoptr(HelNetmap) map = stored_map (f);
  return map->nodes->len;
}

static guint
count_ties (Fixture *f)
{
  g_autoptr(HelNetmap) map = stored_map (f);
  return map->ties->len;
}

/* ---- tests ---- */

static void
test_add_node (Fixture       *f,
               gconstpointer  data)
{
  HelNetmapCanvas *canvas = _hel_netmap_page_get_canvas (f->page);
  HelNetmapSector sector;
  HelNetmapRing ring;
  GtkWidget *error_label;
  gint64 id;

  /* Nothing stored until the first edit; an empty name is refused where it was typed. */
  g_assert_cmpint (_hel_netmap_page_get_netmap_id (f->page), ==, 0);
  activate (f, "netmap.add-node", NULL);
  WAIT_FOR (_hel_netmap_page_get_popover (f->page) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (part (f, "name")), "   ");
  g_signal_emit_by_name (part (f, "apply"), "clicked");
  error_label = part (f, "error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (part (f, "name"), "error"));
  g_assert_cmpint (_hel_netmap_page_get_netmap_id (f->page), ==, 0);
  /* The popover stays open with what was typed. */
  g_assert_nonnull (_hel_netmap_page_get_popover (f->page));
  gtk_popover_popdown (GTK_POPOVER (_hel_netmap_page_get_popover (f->page)));

  id = add_person (f, "Mormor Inge", HEL_NETMAP_SECTOR_FAMILY, HEL_NETMAP_RING_CLOSE);
  node_place (f, id, &sector, &ring, NULL, NULL);
  g_assert_cmpint (sector, ==, HEL_NETMAP_SECTOR_FAMILY);
  g_assert_cmpint (ring, ==, HEL_NETMAP_RING_CLOSE);
  id = add_person (f, "Jobcenter Hanne", HEL_NETMAP_SECTOR_PROFESSIONALS,
                   HEL_NETMAP_RING_AVAILABLE);
  node_place (f, id, &sector, &ring, NULL, NULL);
  g_assert_cmpint (sector, ==, HEL_NETMAP_SECTOR_PROFESSIONALS);
  g_assert_cmpint (ring, ==, HEL_NETMAP_RING_AVAILABLE);

  /* The new person is selected on the canvas and in the list. */
  g_assert_cmpint (hel_netmap_canvas_get_selected_node (canvas), ==, id);
  g_assert_nonnull (gtk_list_box_get_selected_row (_hel_netmap_page_get_list (f->page)));
  g_assert_cmpuint (hel_netmap_canvas_get_map (canvas)->nodes->len, ==, 2);

  /* Undo and redo, checked against the store. */
  activate (f, "netmap.undo", NULL);
  g_assert_cmpuint (count_nodes (f), ==, 1);
  g_assert_cmpuint (hel_netmap_canvas_get_map (canvas)->nodes->len, ==, 1);
  activate (f, "netmap.redo", NULL);
  g_assert_cmpuint (count_nodes (f), ==, 2);
  g_assert_cmpuint (hel_netmap_canvas_get_map (canvas)->nodes->len, ==, 2);
}

static void
test_add_at_position (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HelNetmap) map = NULL;
  HelNetmapNode *node;

  /* A double click far outside the rings: the person lands on the outer ring, and says so. */
  g_signal_emit_by_name (_hel_netmap_page_get_canvas (f->page), "add-node-at", 7.0, 7.0);
  WAIT_FOR (_hel_netmap_page_get_popover (f->page) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (part (f, "name")), "Naboen Karin");
  g_signal_emit_by_name (part (f, "apply"), "clicked");
  map = stored_map (f);
  node = find_named (map, "Naboen Karin");
  g_assert_nonnull (node);
  g_assert_cmpint (hel_netmap_sector_at (node->x, node->y), ==, HEL_NETMAP_SECTOR_SCHOOL_WORK);
  g_assert_cmpint (hel_netmap_ring_at (node->x, node->y), ==, HEL_NETMAP_RING_AVAILABLE);
  g_assert_cmpfloat_with_epsilon (hypot (node->x, node->y),
                                  HEL_NETMAP_OUTER_RADIUS - HEL_NETMAP_NODE_RADIUS, 1e-6);
  g_assert_cmpstr (_hel_netmap_page_get_last_message (f->page), ==, hel_netmap_clamped_message ());
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  HelNetmapCanvas *canvas = _hel_netmap_page_get_canvas (f->page);
  HelNetmapSector sector;
  HelNetmapRing ring;
  double x, y, x0, y0;
  gint64 id = add_person (f, "Veninden Sanne", HEL_NETMAP_SECTOR_FRIENDS, HEL_NETMAP_RING_CLOSE);

  node_place (f, id, &sector, &ring, &x0, &y0);
  g_assert_cmpint (sector, ==, HEL_NETMAP_SECTOR_FRIENDS);

  /* A drag on the canvas ends in "move-nodes": sector and ring follow the position. */
  emit_move (f, id, -1.5, 0.5);
  node_place (f, id, &sector, &ring, &x, &y);
  g_assert_cmpint (sector, ==, HEL_NETMAP_SECTOR_PROFESSIONALS);
  g_assert_cmpint (ring, ==, HEL_NETMAP_RING_EFFECTIVE);
  g_assert_cmpfloat_with_epsilon (x, -1.5, 1e-9);

  /* The arrow keys move the selected person a step. */
  hel_netmap_canvas_select_node (canvas, id);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  activate (f, "netmap.move-selection", g_variant_new ("(dd)", 3.0, 0.0));
  node_place (f, id, &sector, &ring, &x, &y);
  g_assert_cmpint (sector, ==, HEL_NETMAP_SECTOR_SCHOOL_WORK);
  g_assert_cmpint (ring, ==, HEL_NETMAP_RING_EFFECTIVE);
  g_assert_cmpfloat_with_epsilon (x, 1.5, 1e-9);
  activate (f, "netmap.move-selection", g_variant_new ("(dd)", 0.0, -0.1));
  node_place (f, id, &sector, &ring, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, 0.4, 1e-9);

  /* A drop outside the rings: pulled onto the outer ring, with the message, nothing lost. */
  emit_move (f, id, 10.0, -10.0);
  node_place (f, id, &sector, &ring, &x, &y);
  g_assert_cmpint (sector, ==, HEL_NETMAP_SECTOR_FRIENDS);
  g_assert_cmpint (ring, ==, HEL_NETMAP_RING_AVAILABLE);
  g_assert_cmpfloat_with_epsilon (hypot (x, y), HEL_NETMAP_OUTER_RADIUS - HEL_NETMAP_NODE_RADIUS,
                                  1e-6);
  g_assert_cmpstr (_hel_netmap_page_get_last_message (f->page), ==, hel_netmap_clamped_message ());

  /* Every move undoes back to where it was. */
  activate (f, "netmap.undo", NULL);
  node_place (f, id, &sector, &ring, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, 0.4, 1e-9);
  activate (f, "netmap.undo", NULL);
  activate (f, "netmap.undo", NULL);
  activate (f, "netmap.undo", NULL);
  node_place (f, id, &sector, &ring, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, x0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, y0, 1e-9);
  activate (f, "netmap.redo", NULL);
  node_place (f, id, &sector, &ring, &x, &y);
  g_assert_cmpint (sector, ==, HEL_NETMAP_SECTOR_PROFESSIONALS);
}

static void
test_ties (Fixture       *f,
           gconstpointer  data)
{
  HelNetmapCanvas *canvas = _hel_netmap_page_get_canvas (f->page);
  gint64 a = add_person (f, "Morfar Ole", HEL_NETMAP_SECTOR_FAMILY, HEL_NETMAP_RING_EFFECTIVE);
  gint64 b = add_person (f, "Mentor Lise", HEL_NETMAP_SECTOR_PROFESSIONALS,
                         HEL_NETMAP_RING_EFFECTIVE);
  g_autoptr(HelNetmap) map = NULL;
  HelNetmapTie *tie;
  gint64 tie_id;

  /* A drag from one person to another ends in "add-tie". */
  g_signal_emit_by_name (canvas, "add-tie", a, b);
  g_assert_cmpuint (count_ties (f), ==, 1);
  /* ... and to the centre. */
  g_signal_emit_by_name (canvas, "add-tie", a, (gint64) 0);
  g_assert_cmpuint (count_ties (f), ==, 2);
  map = stored_map (f);
  tie = hel_netmap_find_tie_between (map, 0, a);
  g_assert_nonnull (tie);
  g_assert_cmpint (tie->from_id, ==, 0);
  tie_id = tie->id;

  /* A tie to oneself is refused with a message; nothing changes. */
  activate (f, "netmap.connect", g_variant_new ("(xx)", b, b));
  g_assert_cmpuint (count_ties (f), ==, 2);
  g_assert_nonnull (_hel_netmap_page_get_last_message (f->page));
  g_assert_cmpstr (_hel_netmap_page_get_last_message (f->page), !=, "");
  /* ... and a second tie between the same two people too. */
  activate (f, "netmap.connect", g_variant_new ("(xx)", b, a));
  g_assert_cmpuint (count_ties (f), ==, 2);

  /* The tie's kind changes in its popover. */
  hel_netmap_canvas_select_tie (canvas, tie_id);
  activate (f, "netmap.edit", NULL);
  WAIT_FOR (_hel_netmap_page_get_popover (f->page) != NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "tie-kind")), HEL_NETMAP_TIE_CONFLICT);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "arrow")), HEL_NETMAP_ARROW_BACK);
  g_clear_pointer (&map, hel_netmap_free);
  map = stored_map (f);
  tie = hel_netmap_find_tie (map, tie_id);
  g_assert_cmpint (tie->kind, ==, HEL_NETMAP_TIE_CONFLICT);
  g_assert_cmpint (tie->arrow, ==, HEL_NETMAP_ARROW_BACK);
  gtk_popover_popdown (GTK_POPOVER (_hel_netmap_page_get_popover (f->page)));

  /* Undo: the arrow, the kind, then the tie itself. */
  activate (f, "netmap.undo", NULL);
  activate (f, "netmap.undo", NULL);
  g_clear_pointer (&map, hel_netmap_free);
  map = stored_map (f);
  g_assert_cmpint (hel_netmap_find_tie (map, tie_id)->kind, ==, HEL_NETMAP_TIE_NORMAL);
  activate (f, "netmap.undo", NULL);
  g_assert_cmpuint (count_ties (f), ==, 1);
  activate (f, "netmap.redo", NULL);
  g_assert_cmpuint (count_ties (f), ==, 2);

  /* The keyboard way: the "Add Tie…" popover refuses a tie to oneself where it was chosen. */
  hel_netmap_canvas_select_node (canvas, b);
  activate (f, "netmap.add-tie", NULL);
  WAIT_FOR (_hel_netmap_page_get_popover (f->page) != NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "from")), 2);   /* the centre is first */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "to")), 1);
  g_signal_emit_by_name (part (f, "apply"), "clicked");
  g_assert_true (gtk_widget_get_visible (part (f, "error")));
  g_assert_cmpuint (count_ties (f), ==, 2);
  /* From the centre to Mentor Lise works. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "from")), 0);
  g_signal_emit_by_name (part (f, "apply"), "clicked");
  g_assert_cmpuint (count_ties (f), ==, 3);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  HelNetmapCanvas *canvas = _hel_netmap_page_get_canvas (f->page);
  gint64 a = add_person (f, "Onkel Peter", HEL_NETMAP_SECTOR_FAMILY, HEL_NETMAP_RING_EFFECTIVE);
  gint64 b = add_person (f, "Klasselærer Mette", HEL_NETMAP_SECTOR_SCHOOL_WORK,
                         HEL_NETMAP_RING_CLOSE);

  g_signal_emit_by_name (canvas, "add-tie", a, b);
  g_assert_cmpuint (count_ties (f), ==, 1);
  hel_netmap_canvas_select_node (canvas, a);
  activate (f, "netmap.delete", NULL);
  g_assert_cmpuint (count_nodes (f), ==, 1);
  g_assert_cmpuint (count_ties (f), ==, 0);
  g_assert_nonnull (strstr (_hel_netmap_page_get_last_message (f->page), "Onkel Peter"));
  activate (f, "netmap.undo", NULL);
  g_assert_cmpuint (count_nodes (f), ==, 2);
  g_assert_cmpuint (count_ties (f), ==, 1);

  /* Several at once: select all, delete, one undo brings them back. */
  hel_netmap_canvas_select_all (canvas);
  activate (f, "netmap.delete", NULL);
  g_assert_cmpuint (count_nodes (f), ==, 0);
  activate (f, "netmap.undo", NULL);
  g_assert_cmpuint (count_nodes (f), ==, 2);
}

static void
test_edit_node (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_person (f, "Sanne", HEL_NETMAP_SECTOR_FRIENDS, HEL_NETMAP_RING_CLOSE);
  g_autoptr(HelNetmap) map = NULL;
  HelNetmapNode *node;
  GtkWidget *popover;

  hel_netmap_canvas_select_node (_hel_netmap_page_get_canvas (f->page), id);
  activate (f, "netmap.edit", NULL);
  WAIT_FOR (_hel_netmap_page_get_popover (f->page) != NULL);
  popover = _hel_netmap_page_get_popover (f->page);
  /* An empty name is refused at the field, the other fields are kept. */
  gtk_editable_set_text (GTK_EDITABLE (part (f, "name")), "");
  gtk_editable_set_text (GTK_EDITABLE (part (f, "actor")), "PPR");
  g_signal_emit_by_name (part (f, "name"), "activate");
  g_assert_true (gtk_widget_get_visible (part (f, "error")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (f, "actor"))), ==, "PPR");
  gtk_editable_set_text (GTK_EDITABLE (part (f, "name")), "Sanne Holm");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (part (f, "kind")), HEL_NETMAP_NODE_PROFESSIONAL);
  g_signal_emit_by_name (part (f, "apply"), "clicked");
  WAIT_FOR (_hel_netmap_page_get_popover (f->page) != popover);
  map = stored_map (f);
  node = hel_netmap_find_node (map, id);
  g_assert_cmpstr (node->name, ==, "Sanne Holm");
  g_assert_cmpstr (node->actor, ==, "PPR");
  g_assert_cmpint (node->kind, ==, HEL_NETMAP_NODE_PROFESSIONAL);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  HelNetmapCanvas *canvas = _hel_netmap_page_get_canvas (f->page);
  HelNetmapView fitted, view;

  hel_netmap_canvas_get_view (canvas, &fitted);
  activate (f, "netmap.zoom-in", NULL);
  hel_netmap_canvas_get_view (canvas, &view);
  g_assert_cmpfloat (view.scale, >, fitted.scale);
  activate (f, "netmap.zoom-out", NULL);
  activate (f, "netmap.zoom-out", NULL);
  hel_netmap_canvas_get_view (canvas, &view);
  g_assert_cmpfloat (view.scale, <, fitted.scale);
  activate (f, "netmap.zoom-fit", NULL);
  hel_netmap_canvas_get_view (canvas, &view);
  g_assert_cmpfloat_with_epsilon (view.scale, fitted.scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.origin_x, fitted.origin_x, 1e-9);
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  HelNetmapVersion *version;
  AdwMessageDialog *dialog;
  GtkWindow *compare;

  add_person (f, "Mormor Inge", HEL_NETMAP_SECTOR_FAMILY, HEL_NETMAP_RING_CLOSE);
  activate (f, "netmap.save-version", NULL);
  dialog = _hel_netmap_page_get_version_dialog (f->page);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (_hel_netmap_page_get_version_entry (f->page), "Før mødet");
  adw_message_dialog_response (dialog, "save");
  WAIT_FOR (_hel_netmap_page_get_version_dialog (f->page) == NULL);
  versions = hel_store_list_netmap_versions (f->store, _hel_netmap_page_get_netmap_id (f->page),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  version = versions->pdata[0];
  g_assert_cmpstr (version->label, ==, "Før mødet");

  /* The map grows; the two versions side by side. */
  add_person (f, "Naboen Hassan", HEL_NETMAP_SECTOR_FRIENDS, HEL_NETMAP_RING_AVAILABLE);
  activate (f, "netmap.compare", NULL);
  compare = _hel_netmap_page_get_compare_window (f->page);
  g_assert_nonnull (compare);
  g_assert_cmpuint (hel_netmap_compare_window_get_n_choices (HEL_NETMAP_COMPARE_WINDOW (compare)),
                    ==, 2);
  g_assert_true (hel_netmap_compare_window_select (HEL_NETMAP_COMPARE_WINDOW (compare),
                                                   version->id, 0));
  g_assert_nonnull (strstr (hel_netmap_compare_window_get_caption (HEL_NETMAP_COMPARE_WINDOW (compare),
                                                                   FALSE), "Før mødet"));
  gtk_window_destroy (compare);
  WAIT_FOR (_hel_netmap_page_get_compare_window (f->page) == NULL);
}

static void
assert_magic (const char *path,
              const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_cmpint (memcmp (contents, magic, strlen (magic)), ==, 0);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "map.pdf", NULL);
  g_autofree char *jpg = g_build_filename (f->dir, "map.jpg", NULL);

  add_person (f, "Mormor Inge", HEL_NETMAP_SECTOR_FAMILY, HEL_NETMAP_RING_CLOSE);
  g_assert_true (_hel_netmap_page_export (f->page, png, &error));
  g_assert_no_error (error);
  assert_magic (png, "\x89PNG");
  g_assert_true (_hel_netmap_page_export (f->page, svg, &error));
  assert_magic (svg, "<?xml");
  g_assert_true (_hel_netmap_page_export (f->page, pdf, &error));
  assert_magic (pdf, "%PDF");
  g_assert_false (_hel_netmap_page_export (f->page, jpg, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
}

static void
test_member_map (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HelNetmap) map = NULL;
  g_autoptr(GPtrArray) maps = NULL;

  g_assert_true (_hel_netmap_page_choose_map (f->page, f->malthe));
  g_assert_cmpint (_hel_netmap_page_get_netmap_id (f->page), ==, 0);
  add_person (f, "Bedste ven Jonas", HEL_NETMAP_SECTOR_FRIENDS, HEL_NETMAP_RING_CLOSE);
  map = stored_map (f);
  g_assert_cmpint (map->member_id, ==, f->malthe);
  g_assert_cmpstr (map->centre_name, ==, "Malthe");
  /* The family's map is another one, still empty. */
  g_assert_true (_hel_netmap_page_choose_map (f->page, 0));
  g_assert_cmpuint (hel_netmap_canvas_get_map (_hel_netmap_page_get_canvas (f->page))->nodes->len,
                    ==, 0);
  maps = hel_store_list_netmaps (f->store, f->family_id, NULL);
  g_assert_cmpuint (maps->len, ==, 1);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  HelNetmapCanvas *canvas = _hel_netmap_page_get_canvas (f->page);
  GtkListBox *list = _hel_netmap_page_get_list (f->page);
  gint64 a = add_person (f, "Anna", HEL_NETMAP_SECTOR_FAMILY, HEL_NETMAP_RING_CLOSE);
  gint64 b = add_person (f, "Bo", HEL_NETMAP_SECTOR_FRIENDS, HEL_NETMAP_RING_CLOSE);
  GtkListBoxRow *row;

  /* Tab into the canvas selects the first person in the list's order, Tab again the next. */
  hel_netmap_canvas_select_node (canvas, 0);
  gtk_widget_grab_focus (GTK_WIDGET (list));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (hel_netmap_canvas_get_selected_node (canvas), ==, a);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (hel_netmap_canvas_get_selected_node (canvas), ==, b);
  /* Past the last one, Tab leaves the map. */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_FORWARD));

  /* The list follows the canvas, and activating a row selects on the canvas. */
  row = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Bo");
  row = gtk_list_box_get_row_at_index (list, 0);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpint (hel_netmap_canvas_get_selected_node (canvas), ==, a);
}

static void
test_many (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HelNetmapCanvas *canvas = _hel_netmap_page_get_canvas (f->page);
  gint64 netmap_id;

  /* A thousand people: stored, listed, zoomed and moved without trouble. */
  netmap_id = hel_store_ensure_netmap (f->store, f->family_id, 0, &error);
  g_assert_no_error (error);
  g_assert_true (hel_store_begin (f->store, &error));
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      double angle = i * 0.37, d = 0.7 + (i % 23) * 0.1;
      g_autoptr(HelNetmapNode) node = hel_netmap_node_new (name, d * cos (angle), d * sin (angle));

      g_assert_true (hel_store_save_netmap_node (f->store, netmap_id, node, NULL, &error));
    }
  g_assert_true (hel_store_commit (f->store, &error));
  WAIT_FOR_SECONDS (60, hel_netmap_canvas_get_map (canvas)->nodes->len == 1000);
  /* Drawing a thousand people is tested frame-free in tests/core/test-render-netmap.c; here
   * only that the page stays usable with them. */
  activate (f, "netmap.zoom-in", NULL);
  hel_netmap_canvas_select_all (canvas);
  activate (f, "netmap.move-selection", g_variant_new ("(dd)", 0.1, 0.0));
  g_assert_cmpuint (count_nodes (f), ==, 1000);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/netmap-page/add-node", test_add_node);
  ADD ("/netmap-page/add-at-position", test_add_at_position);
  ADD ("/netmap-page/move", test_move);
  ADD ("/netmap-page/ties", test_ties);
  ADD ("/netmap-page/delete", test_delete);
  ADD ("/netmap-page/edit-node", test_edit_node);
  ADD ("/netmap-page/zoom", test_zoom);
  ADD ("/netmap-page/versions", test_versions);
  ADD ("/netmap-page/export", test_export);
  ADD ("/netmap-page/member-map", test_member_map);
  ADD ("/netmap-page/keyboard", test_keyboard);
  ADD ("/netmap-page/many", test_many);
#undef ADD
  return g_test_run ();
}
