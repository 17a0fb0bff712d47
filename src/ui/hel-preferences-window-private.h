/* hel-preferences-window-private.h: the rows of the preferences window, for the widget tests. */
#pragma once

#include "hel-caseworker-row.h"
#include "hel-preferences-window.h"
#include "hel-progress-settings-page.h"

G_BEGIN_DECLS

AdwEntryRow      *_hel_preferences_window_get_add_team_row        (HelPreferencesWindow *self);
AdwEntryRow      *_hel_preferences_window_get_team_row            (HelPreferencesWindow *self,
                                                                   gint64                team_id);
GtkButton        *_hel_preferences_window_get_team_remove_button  (HelPreferencesWindow *self,
                                                                   gint64                team_id);
GtkLabel         *_hel_preferences_window_get_teams_error_label   (HelPreferencesWindow *self);
AdwEntryRow      *_hel_preferences_window_get_add_caseworker_row  (HelPreferencesWindow *self);
HelCaseworkerRow *_hel_preferences_window_get_caseworker_row      (HelPreferencesWindow *self,
                                                                   gint64                cw_id);
GtkLabel         *_hel_preferences_window_get_caseworkers_error_label (HelPreferencesWindow *self);
/* The backups, newest first: AdwActionRows whose "restore-button" data is their button. */
GtkListBox       *_hel_preferences_window_get_backups_list        (HelPreferencesWindow *self);
GtkLabel         *_hel_preferences_window_get_backups_error_label (HelPreferencesWindow *self);
/* "No backups yet" (the list's placeholder) and the line under it. */
GtkWidget        *_hel_preferences_window_get_backups_empty       (HelPreferencesWindow *self);
GtkLabel         *_hel_preferences_window_get_backups_empty_label (HelPreferencesWindow *self);
HelProgressSettingsPage *_hel_preferences_window_get_measurements_page (HelPreferencesWindow *self);
/* The confirmation shown by a remove or restore button, or NULL. */
AdwMessageDialog *_hel_preferences_window_get_dialog              (HelPreferencesWindow *self);
/* The toast offering to undo the newest removal while it waits, or NULL. */
AdwToast         *_hel_preferences_window_get_undo_toast          (HelPreferencesWindow *self);

G_END_DECLS
