/* hel-board-print.h: the minutes of a board meeting through GtkPrintOperation, and the
 * person's remembered board settings (the privacy choice). */
#pragma once

#include <gtk/gtk.h>

#include "hel-board.h"

G_BEGIN_DECLS

/* A print operation that draws the minutes of @meeting with hel_minutes_document_*, the
 * same pages as the PDF, names as @privacy allows. Run it with the print dialog, or with
 * GTK_PRINT_OPERATION_ACTION_EXPORT and an export file name for what the printer would get. */
GtkPrintOperation *hel_board_minutes_print_operation_new (HelMeeting  *meeting,
                                                          HelPrivacy   privacy);

/* The person's own settings; NULL when the schema is not installed (a build-tree run without
 * GSETTINGS_SCHEMA_DIR): then nothing is remembered. */
GSettings         *hel_board_settings_new                (void);
/* Keeps a "First names / Initials" drop-down (0, 1) and the remembered choice the same:
 * it starts from the choice and a change is remembered. */
void               hel_board_settings_bind_privacy       (GSettings   *settings,
                                                          GtkDropDown *drop);

G_END_DECLS
