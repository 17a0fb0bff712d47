/* hel-store-netmap.h: reading and writing network maps; one transaction per edit. */
#pragma once

#include "hel-netmap.h"
#include "hel-store.h"
#include "hel-undo-stack.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  gint64  netmap_id;
  char   *created;       /* ISO date-time, UTC: the date the version was saved */
  char   *label;         /* "Before the meeting at 16", as typed; may be NULL */
} HelNetmapVersion;

void         hel_netmap_version_free          (HelNetmapVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelNetmapVersion, hel_netmap_version_free)

/* The family's maps, the family's own first, then the members' by member order. The maps
 * carry id, family_id, member_id, title and centre_name; nodes and ties are left empty. */
GPtrArray   *hel_store_list_netmaps           (HelStore        *self,
                                               gint64           family_id,
                                               GError         **error);
/* The map of the family (member_id 0) or of one member, made empty when there is none yet.
 * Its title stays empty until set: show centre_name then. Returns its id, 0 with @error. */
gint64       hel_store_ensure_netmap          (HelStore        *self,
                                               gint64           family_id,
                                               gint64           member_id,
                                               GError         **error);
HelNetmap   *hel_store_load_netmap            (HelStore        *self,
                                               gint64           netmap_id,
                                               GError         **error);
/* Empty text clears the title (the centre person's name is shown instead). */
gboolean     hel_store_set_netmap_title       (HelStore        *self,
                                               gint64           netmap_id,
                                               const char      *title,
                                               GError         **error);
gboolean     hel_store_delete_netmap          (HelStore        *self,
                                               gint64           netmap_id,
                                               GError         **error);

/* id 0 inserts (on top of the others) and sets id and position; otherwise updates. The name
 * is trimmed; a position outside the rings is pulled onto the outer ring (*clamped TRUE, may
 * be NULL), and @node holds what was stored. */
gboolean     hel_store_save_netmap_node       (HelStore        *self,
                                               gint64           netmap_id,
                                               HelNetmapNode   *node,
                                               gboolean        *clamped,
                                               GError         **error);
/* The end of a drag: only the position changes. */
gboolean     hel_store_move_netmap_node       (HelStore        *self,
                                               gint64           node_id,
                                               double           x,
                                               double           y,
                                               gboolean        *clamped,
                                               GError         **error);
/* Also removes the person's ties. */
gboolean     hel_store_delete_netmap_node     (HelStore        *self,
                                               gint64           node_id,
                                               GError         **error);
/* id 0 inserts and sets the id; otherwise updates kind, arrow and ends. Refuses a tie to
 * oneself, a second tie between the same two people and ends on another map. */
gboolean     hel_store_save_netmap_tie        (HelStore        *self,
                                               gint64           netmap_id,
                                               HelNetmapTie    *tie,
                                               GError         **error);
gboolean     hel_store_delete_netmap_tie      (HelStore        *self,
                                               gint64           tie_id,
                                               GError         **error);

/* Makes the stored map equal to @map (same ids): the undo and redo of any map edit. */
gboolean     hel_store_restore_netmap         (HelStore        *self,
                                               const HelNetmap *map,
                                               GError         **error);
/* Records an edit already made for undo: @before and @after are taken over. */
void         hel_store_push_netmap_undo       (HelStore        *self,
                                               HelUndoStack    *stack,
                                               const char      *label,
                                               HelNetmap       *before,
                                               HelNetmap       *after);

/* "Save a version": a snapshot of the map as it is now, stamped with the date. */
gint64       hel_store_save_netmap_version    (HelStore        *self,
                                               gint64           netmap_id,
                                               const char      *label,
                                               GError         **error);
/* Oldest first. */
GPtrArray   *hel_store_list_netmap_versions   (HelStore        *self,
                                               gint64           netmap_id,
                                               GError         **error);
HelNetmap   *hel_store_load_netmap_version    (HelStore        *self,
                                               gint64           version_id,
                                               GError         **error);
gboolean     hel_store_delete_netmap_version  (HelStore        *self,
                                               gint64           version_id,
                                               GError         **error);

G_END_DECLS
