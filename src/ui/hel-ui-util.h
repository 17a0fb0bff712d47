/* hel-ui-util.h: small helpers the family widgets share: id-backed combo rows, row errors. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

/* Fill a combo row with the teams or caseworkers, after an optional "None" entry,
 * and select the one with selected_id (or "None"/the first). The ids ride along. */
void     hel_ui_combo_fill_teams        (AdwComboRow *row,
                                         HelStore    *store,
                                         gboolean     with_none,
                                         gint64       selected_id);
void     hel_ui_combo_fill_caseworkers  (AdwComboRow *row,
                                         HelStore    *store,
                                         gboolean     with_none,
                                         gint64       selected_id);
gint64   hel_ui_combo_get_id            (AdwComboRow *row);
void     hel_ui_combo_set_id            (AdwComboRow *row,
                                         gint64       id);

/* Mark an entry row as wrong: "error" style and the message in a label. NULL clears. */
void     hel_ui_row_set_error           (GtkWidget   *row,
                                         GtkLabel    *message_label,
                                         const char  *message);

/* Parse an optional date typed in an entry: empty gives NULL and TRUE. */
gboolean hel_ui_parse_date              (const char  *text,
                                         gboolean     required,
                                         char       **iso_out,
                                         GError     **error);

G_END_DECLS
