/* hel-progress-settings-page.h: the "Measurements" page of Preferences: the wave interval, the
 * SDQ band table and the BIP-inspired indicator set, each edit saved as it is made. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_PROGRESS_SETTINGS_PAGE (hel_progress_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (HelProgressSettingsPage, hel_progress_settings_page, HEL,
                      PROGRESS_SETTINGS_PAGE, AdwPreferencesPage)

GtkWidget *hel_progress_settings_page_new       (void);
/* NULL lets go of the store (Preferences does while it restores a backup). */
void       hel_progress_settings_page_set_store (HelProgressSettingsPage *self,
                                                 HelStore                *store);

/* For the widget tests. */
GtkSpinButton    *_hel_progress_settings_page_get_interval_spin (HelProgressSettingsPage *self);
GtkWidget        *_hel_progress_settings_page_get_interval_row  (HelProgressSettingsPage *self);
/* Which score's bands are shown: HelSdqBandScale order (the total, the five scales, impact). */
AdwComboRow      *_hel_progress_settings_page_get_sdq_scale_row (HelProgressSettingsPage *self);
AdwComboRow      *_hel_progress_settings_page_get_sdq_table_row (HelProgressSettingsPage *self);
/* The row of band @band of the shown score and its spin button (NULL for the last band). */
AdwActionRow     *_hel_progress_settings_page_get_band_row      (HelProgressSettingsPage *self,
                                                                 guint                    band);
GtkSpinButton    *_hel_progress_settings_page_get_band_spin     (HelProgressSettingsPage *self,
                                                                 guint                    band);
GtkLabel         *_hel_progress_settings_page_get_sdq_error_label (HelProgressSettingsPage *self);
GtkButton        *_hel_progress_settings_page_get_sdq_reset_button (HelProgressSettingsPage *self);
AdwEntryRow      *_hel_progress_settings_page_get_add_bip_row   (HelProgressSettingsPage *self);
/* An indicator's expander row; its parts are object data: "name-row" (AdwEntryRow), "order-row",
 * "scale-row" (AdwActionRow), "min-spin", "max-spin", "up-button", "down-button",
 * "remove-button". */
AdwExpanderRow   *_hel_progress_settings_page_get_bip_row       (HelProgressSettingsPage *self,
                                                                 gint64                   id);
/* The indicators' ids in the order the list shows them. */
GArray           *_hel_progress_settings_page_get_bip_order     (HelProgressSettingsPage *self);
GtkLabel         *_hel_progress_settings_page_get_bip_error_label (HelProgressSettingsPage *self);
/* The confirmation shown before removing an indicator that measurements answer, or NULL. */
AdwMessageDialog *_hel_progress_settings_page_get_dialog        (HelProgressSettingsPage *self);

G_END_DECLS
