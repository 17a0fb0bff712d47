/* hel-netmap-canvas.h: the network map drawn on screen; maps pointer and keys to map edits. */
#pragma once

#include <gtk/gtk.h>

#include "hel-netmap.h"

G_BEGIN_DECLS

#define HEL_TYPE_NETMAP_CANVAS (hel_netmap_canvas_get_type ())
G_DECLARE_FINAL_TYPE (HelNetmapCanvas, hel_netmap_canvas, HEL, NETMAP_CANVAS, GtkWidget)

/* The canvas only shows a map and reports what the person did; the page does the edits.
 *
 * Signals:
 *   "move-nodes" (GVariant a(xdd)): people were dragged or moved with the arrow keys; the
 *       new positions in map units, not yet clamped into the rings.
 *   "add-node-at" (double x, double y): a double click on the empty canvas.
 *   "add-tie" (gint64 from, gint64 to): a drag from one person to another (0 = the centre).
 *   "edit-node" (gint64 id), "edit-tie" (gint64 id): a double click on a person or a tie.
 *   "selection-changed": the selected people or tie changed.
 * Delete, Enter and the arrow keys activate the "netmap.delete", "netmap.edit" and
 * "netmap.move-selection" actions of an ancestor. */

GtkWidget       *hel_netmap_canvas_new                (void);

/* The canvas keeps a copy. A map with another id is fitted into view; the selection keeps
 * the people that are still there. */
void             hel_netmap_canvas_set_map            (HelNetmapCanvas *self,
                                                       const HelNetmap *map);
const HelNetmap *hel_netmap_canvas_get_map            (HelNetmapCanvas *self);

/* The people selected, in the order they were picked; the first is the one Enter edits. */
GArray          *hel_netmap_canvas_get_selected_nodes (HelNetmapCanvas *self);
gint64           hel_netmap_canvas_get_selected_node  (HelNetmapCanvas *self);
gint64           hel_netmap_canvas_get_selected_tie   (HelNetmapCanvas *self);
/* 0 clears. Selecting a person scrolls it into view. */
void             hel_netmap_canvas_select_node        (HelNetmapCanvas *self,
                                                       gint64           node_id);
void             hel_netmap_canvas_select_tie         (HelNetmapCanvas *self,
                                                       gint64           tie_id);
void             hel_netmap_canvas_select_all         (HelNetmapCanvas *self);

/* Where a person is drawn, in widget pixels (for popovers). FALSE when not on the map. */
gboolean         hel_netmap_canvas_get_node_rect      (HelNetmapCanvas *self,
                                                       gint64           node_id,
                                                       GdkRectangle    *rect);
gboolean         hel_netmap_canvas_get_tie_rect       (HelNetmapCanvas *self,
                                                       gint64           tie_id,
                                                       GdkRectangle    *rect);

void             hel_netmap_canvas_get_view           (HelNetmapCanvas *self,
                                                       HelNetmapView   *view);
/* Zooms about the middle of the canvas. */
void             hel_netmap_canvas_zoom               (HelNetmapCanvas *self,
                                                       double           factor);
void             hel_netmap_canvas_fit                (HelNetmapCanvas *self);

/* The projector: initials instead of names. */
void             hel_netmap_canvas_set_initials_only  (HelNetmapCanvas *self,
                                                       gboolean         initials_only);

/* The people in the order of the list beside the map and of Tab: by sector, ring, then name.
 * The pointers are borrowed from @map. */
GPtrArray       *hel_netmap_canvas_sorted_nodes       (const HelNetmap *map);

/* For tests and the page's status line: how the last frame was drawn. */
guint            hel_netmap_canvas_get_static_renders (HelNetmapCanvas *self);

G_END_DECLS
