/* hel-netmap-page-private.h: what the widget tests reach inside the network map page. */
#pragma once

#include "hel-netmap-canvas.h"
#include "hel-netmap-page.h"
#include "hel-undo-stack.h"

G_BEGIN_DECLS

HelNetmapCanvas  *_hel_netmap_page_get_canvas       (HelNetmapPage *self);
HelUndoStack     *_hel_netmap_page_get_undo_stack   (HelNetmapPage *self);
GtkListBox       *_hel_netmap_page_get_list         (HelNetmapPage *self);
/* The map shown; 0 until its first edit makes it. */
gint64            _hel_netmap_page_get_netmap_id    (HelNetmapPage *self);
/* Shows the family's map (0) or a member's own map, as the chooser does. */
gboolean          _hel_netmap_page_choose_map       (HelNetmapPage *self,
                                                     gint64         member_id);
/* The open popover (adding or editing a person or a tie), NULL when none; its parts by name:
 * "name", "sector", "ring", "kind", "actor", "note", "from", "to", "tie-kind", "arrow",
 * "error", "apply", "delete". */
GtkWidget        *_hel_netmap_page_get_popover      (HelNetmapPage *self);
GtkWidget        *_hel_netmap_page_popover_part     (GtkWidget     *popover,
                                                     const char    *part);
/* The last message shown in a toast (tests cannot read toasts back). */
const char       *_hel_netmap_page_get_last_message (HelNetmapPage *self);
AdwMessageDialog *_hel_netmap_page_get_version_dialog (HelNetmapPage *self);
GtkEditable      *_hel_netmap_page_get_version_entry (HelNetmapPage *self);
GtkWindow        *_hel_netmap_page_get_compare_window (HelNetmapPage *self);
/* What the export file chooser does once a file is chosen; the format from the extension. */
gboolean          _hel_netmap_page_export           (HelNetmapPage *self,
                                                     const char    *path,
                                                     GError       **error);

G_END_DECLS
