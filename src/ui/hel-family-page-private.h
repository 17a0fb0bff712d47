/* hel-family-page-private.h: what the widget tests reach inside the family page. */
#pragma once

#include <adwaita.h>

#include "hel-family-page.h"

G_BEGIN_DECLS

AdwEntryRow  *_hel_family_page_get_name_row      (HelFamilyPage *self);
AdwEntryRow  *_hel_family_page_get_start_row     (HelFamilyPage *self);
AdwEntryRow  *_hel_family_page_get_consent_row   (HelFamilyPage *self);
AdwComboRow  *_hel_family_page_get_primary_row   (HelFamilyPage *self);
AdwComboRow  *_hel_family_page_get_secondary_row (HelFamilyPage *self);
GtkLabel     *_hel_family_page_get_error_label   (HelFamilyPage *self);
GtkListBox   *_hel_family_page_get_members_box   (HelFamilyPage *self);
/* The row of a member, or NULL; a row with its removal pending is hidden. */
GtkWidget    *_hel_family_page_get_member_row    (HelFamilyPage *self,
                                                  gint64         member_id);

AdwViewStack *_hel_family_page_get_sections      (HelFamilyPage *self);
GtkWidget    *_hel_family_page_get_plan_view     (HelFamilyPage *self);
GtkWidget    *_hel_family_page_get_netmap_page   (HelFamilyPage *self);
/* The section's widget if it was built (first shown), else NULL; builds nothing. */
GtkWidget    *_hel_family_page_peek_section      (HelFamilyPage *self,
                                                  const char    *name);

G_END_DECLS
