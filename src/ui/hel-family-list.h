/* hel-family-list.h: the sidebar list of families with search and filters. */
#pragma once

#include <gtk/gtk.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_FAMILY_LIST (hel_family_list_get_type ())
G_DECLARE_FINAL_TYPE (HelFamilyList, hel_family_list, HEL, FAMILY_LIST, GtkWidget)

HelStore  *hel_family_list_get_store          (HelFamilyList *self);
void       hel_family_list_set_store          (HelFamilyList *self,
                                               HelStore      *store);
gint64     hel_family_list_get_selected_id    (HelFamilyList *self);
gboolean   hel_family_list_select_family      (HelFamilyList *self,
                                               gint64         family_id);
void       hel_family_list_set_family_hidden  (HelFamilyList *self,
                                               gint64         family_id,
                                               gboolean       hidden);
void       hel_family_list_focus_search       (HelFamilyList *self);
/* Back to all teams, all caseworkers, active families and no search. */
void       hel_family_list_clear_filters      (HelFamilyList *self);
void       hel_family_list_reload             (HelFamilyList *self);

/* Test hook */
GtkWidget *_hel_family_list_get_list_view     (HelFamilyList *self);

G_END_DECLS
