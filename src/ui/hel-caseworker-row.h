/* hel-caseworker-row.h: one caseworker in the preferences, expanded to edit their details. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_CASEWORKER_ROW (hel_caseworker_row_get_type ())
G_DECLARE_FINAL_TYPE (HelCaseworkerRow, hel_caseworker_row, HEL, CASEWORKER_ROW, AdwExpanderRow)

/* The row saves every applied change itself; "remove-requested" asks its owner to confirm. */
GtkWidget     *hel_caseworker_row_new            (HelStore         *store,
                                                  HelCaseworker    *caseworker,
                                                  GPtrArray        *teams);
gint64         hel_caseworker_row_get_id         (HelCaseworkerRow *self);
HelCaseworker *hel_caseworker_row_get_caseworker (HelCaseworkerRow *self);
/* Refresh from the store, leaving alone a field the person is typing in. */
void           hel_caseworker_row_set_caseworker (HelCaseworkerRow *self,
                                                  HelCaseworker    *caseworker);
void           hel_caseworker_row_set_teams      (HelCaseworkerRow *self,
                                                  GPtrArray        *teams);

/* For the tests */
AdwEntryRow   *_hel_caseworker_row_get_name_row       (HelCaseworkerRow *self);
AdwComboRow   *_hel_caseworker_row_get_discipline_row (HelCaseworkerRow *self);
AdwComboRow   *_hel_caseworker_row_get_team_row       (HelCaseworkerRow *self);
AdwEntryRow   *_hel_caseworker_row_get_phone_row      (HelCaseworkerRow *self);
AdwEntryRow   *_hel_caseworker_row_get_email_row      (HelCaseworkerRow *self);
GtkButton     *_hel_caseworker_row_get_remove_button  (HelCaseworkerRow *self);
GtkLabel      *_hel_caseworker_row_get_error_label    (HelCaseworkerRow *self);

G_END_DECLS
