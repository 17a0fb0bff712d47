/* hel-board-view.h: the Board meeting view: meetings (upcoming, past), a meeting's details,
 * participants and agenda, the whiteboard, meeting mode, minutes and open agreements. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_BOARD_VIEW (hel_board_view_get_type ())
G_DECLARE_FINAL_TYPE (HelBoardView, hel_board_view, HEL, BOARD_VIEW, AdwBin)

GtkWidget *hel_board_view_new          (void);
void       hel_board_view_set_store    (HelBoardView *self,
                                        HelStore     *store);
/* Shows a meeting; FALSE when it is not in the list. */
gboolean   hel_board_view_show_meeting (HelBoardView *self,
                                        gint64        meeting_id);

G_END_DECLS
