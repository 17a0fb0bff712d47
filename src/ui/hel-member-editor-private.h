/* hel-member-editor-private.h: the rows of the member editor, for the widget tests. */
#pragma once

#include "hel-member-editor.h"

G_BEGIN_DECLS

AdwComboRow *_hel_member_editor_get_role_row         (HelMemberEditor *self);
AdwEntryRow *_hel_member_editor_get_first_name_row   (HelMemberEditor *self);
GtkToggleButton *_hel_member_editor_get_cpr_reveal_button (HelMemberEditor *self);
AdwEntryRow *_hel_member_editor_get_last_name_row    (HelMemberEditor *self);
AdwEntryRow *_hel_member_editor_get_birth_row        (HelMemberEditor *self);
AdwEntryRow *_hel_member_editor_get_cpr_row          (HelMemberEditor *self);
AdwComboRow *_hel_member_editor_get_gender_row       (HelMemberEditor *self);
GtkSwitch   *_hel_member_editor_get_household_switch (HelMemberEditor *self);
GtkWidget   *_hel_member_editor_get_income_group     (HelMemberEditor *self);
GtkListBox  *_hel_member_editor_get_income_list      (HelMemberEditor *self);
AdwComboRow *_hel_member_editor_get_income_kind_row  (HelMemberEditor *self);
AdwEntryRow *_hel_member_editor_get_income_start_row (HelMemberEditor *self);
GtkLabel    *_hel_member_editor_get_error_label      (HelMemberEditor *self,
                                                      GtkWidget       *row);
/* The member as last saved; NULL while a new member has not been added. */
HelMember   *_hel_member_editor_get_member           (HelMemberEditor *self);

G_END_DECLS
