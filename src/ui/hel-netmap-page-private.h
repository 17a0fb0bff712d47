/* hel-netmap-page-private.h: what the network map page's files share, and what the widget tests
 * reach inside the page. */
#pragma once

#include <adwaita.h>

#include "hel-netmap-canvas.h"
#include "hel-netmap-page.h"
#include "hel-store.h"
#include "hel-undo-stack.h"

G_BEGIN_DECLS

/* The node id on a list row and its edit button. */
#define ROW_ID_KEY "hel-netmap-node-id"

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

/* hel-netmap-page.c: messages and the edits, each saved at once and undoable. */
void         _hel_netmap_page_show_message  (HelNetmapPage      *self,
                                             const char         *message,
                                             gboolean            with_undo);
void         _hel_netmap_page_show_error    (HelNetmapPage      *self,
                                             const GError       *error);
const char  *_hel_netmap_page_person_name   (HelNetmapPage      *self,
                                             gint64              node_id);
char        *_hel_netmap_page_describe_place (double             x,
                                             double              y);
void         _hel_netmap_page_free_spot     (HelNetmapPage      *self,
                                             HelNetmapSector     sector,
                                             HelNetmapRing       ring,
                                             double             *x_out,
                                             double             *y_out);
gint64       _hel_netmap_page_add_node      (HelNetmapPage      *self,
                                             const char         *name,
                                             double              x,
                                             double              y,
                                             HelNetmapNodeKind   kind,
                                             const char         *actor,
                                             GError            **error);
gboolean     _hel_netmap_page_save_node     (HelNetmapPage      *self,
                                             HelNetmapNode      *node,
                                             GError            **error);
gboolean     _hel_netmap_page_delete_nodes  (HelNetmapPage      *self,
                                             GArray             *ids);
gboolean     _hel_netmap_page_connect_people (HelNetmapPage     *self,
                                             gint64              from_id,
                                             gint64              to_id,
                                             HelNetmapTieKind    kind,
                                             GError            **error);
gboolean     _hel_netmap_page_save_tie      (HelNetmapPage      *self,
                                             HelNetmapTie       *tie,
                                             GError            **error);
gboolean     _hel_netmap_page_delete_tie    (HelNetmapPage      *self,
                                             gint64              tie_id);

/* hel-netmap-page-popovers.c: adding and editing people and ties. */
void         _hel_netmap_page_append_swatch_css (GString        *css);
void         _hel_netmap_page_popup_on_canvas (HelNetmapPage    *self,
                                             GtkWidget          *popover,
                                             const GdkRectangle *rect);
/* @at: where on the map (x, y), or NULL to ask for a sector and ring. */
GtkWidget   *_hel_netmap_page_add_popover_new (HelNetmapPage    *self,
                                             const double       *at);
void         _hel_netmap_page_edit_node     (HelNetmapPage      *self,
                                             gint64              node_id);
void         _hel_netmap_page_edit_tie      (HelNetmapPage      *self,
                                             gint64              tie_id);
void         _hel_netmap_page_add_button_create_popup_cb (GtkMenuButton *button,
                                                          gpointer       data);
void         _hel_netmap_page_tie_button_create_popup_cb (GtkMenuButton *button,
                                                          gpointer       data);
void         _hel_netmap_page_row_edit_create_popup_cb (GtkMenuButton *button,
                                                        gpointer       data);

/* For the widget tests. */

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
