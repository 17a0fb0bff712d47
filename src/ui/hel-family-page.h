/* hel-family-page.h: the overview of one family; every change is saved as it is made. */
#pragma once

#include <gtk/gtk.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_FAMILY_PAGE (hel_family_page_get_type ())
G_DECLARE_FINAL_TYPE (HelFamilyPage, hel_family_page, HEL, FAMILY_PAGE, GtkWidget)

HelStore  *hel_family_page_get_store          (HelFamilyPage *self);
void       hel_family_page_set_store          (HelFamilyPage *self,
                                               HelStore      *store);
gint64     hel_family_page_get_family_id      (HelFamilyPage *self);
void       hel_family_page_set_family_id      (HelFamilyPage *self,
                                               gint64         family_id);
gboolean   hel_family_page_get_folded         (HelFamilyPage *self);
void       hel_family_page_set_folded         (HelFamilyPage *self,
                                               gboolean       folded);
/* The section on screen: "overview", "plan", "netmap" or "measurements"; setting one that
 * is not there (without a store there is only the overview) does nothing. */
const char *hel_family_page_get_section       (HelFamilyPage *self);
void       hel_family_page_set_section        (HelFamilyPage *self,
                                               const char    *section);
/* Saves what is typed but not yet applied, and carries out pending member removals. */
void       hel_family_page_flush              (HelFamilyPage *self);

G_END_DECLS
