/* hel-netmap-page.h: the family's network map tab: toolbar, canvas and the list of people. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_NETMAP_PAGE (hel_netmap_page_get_type ())
G_DECLARE_FINAL_TYPE (HelNetmapPage, hel_netmap_page, HEL, NETMAP_PAGE, GtkWidget)

GtkWidget *hel_netmap_page_new        (HelStore      *store);
/* 0 shows nothing. Shows the family's own map; a member's map is chosen on the page. */
void       hel_netmap_page_set_family (HelNetmapPage *self,
                                       gint64         family_id);
gint64     hel_netmap_page_get_family (HelNetmapPage *self);

G_END_DECLS
