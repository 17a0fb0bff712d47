/* hel-member-editor.h: the window that adds or edits one member of a family. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_MEMBER_EDITOR (hel_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (HelMemberEditor, hel_member_editor, HEL, MEMBER_EDITOR, AdwWindow)

/* member NULL: a new member of family_id, written when the person presses Add.
 * Otherwise every field is saved as soon as it is applied. The window is not presented. */
GtkWindow *hel_member_editor_new (GtkWindow *parent,
                                  HelStore  *store,
                                  gint64     family_id,
                                  HelMember *member);

G_END_DECLS
