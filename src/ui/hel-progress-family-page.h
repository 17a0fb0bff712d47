/* hel-progress-family-page.h: the family's "Measurements" tab: the family at a glance, each
 * person's charts and measurements, what is due, and the other follow-up figures. */
#pragma once

#include <adwaita.h>

#include "hel-store.h"
#include "hel-undo-stack.h"

G_BEGIN_DECLS

#define HEL_TYPE_PROGRESS_FAMILY_PAGE (hel_progress_family_page_get_type ())
G_DECLARE_FINAL_TYPE (HelProgressFamilyPage, hel_progress_family_page, HEL, PROGRESS_FAMILY_PAGE,
                      GtkWidget)

GtkWidget *hel_progress_family_page_new        (HelStore              *store);
/* 0 shows nothing. */
void       hel_progress_family_page_set_family (HelProgressFamilyPage *self,
                                                gint64                 family_id);
gint64     hel_progress_family_page_get_family (HelProgressFamilyPage *self);

/* For the widget tests: a form's row by name ("absence-percent", "absence-quarter",
 * "absence-child", "intervention-kind", "intervention-start", "intervention-end",
 * "expense-amount", "expense-quarter", "notification-year", "notification-count"), the error
 * label of a form ("absence", "notification", "intervention", "expense"), and its save action
 * ("figures.save-absence" ...). The person groups are named "member-<id>"; what is recorded
 * sits in the expander rows "absence-recorded", "notification-recorded", "expense-recorded",
 * whose rows have a "remove-button". */
GtkWidget *_hel_progress_family_page_get_widget (HelProgressFamilyPage *self,
                                                 const char            *name);
void       _hel_progress_family_page_reload     (HelProgressFamilyPage *self);
/* The measurement rows (in the person groups) have "measurement-id" and a "remove-button"
 * (with "removes-measurement", the id); the button asks first: the open "Remove Measurement?" question, or NULL. */
AdwMessageDialog *_hel_progress_family_page_get_question (HelProgressFamilyPage *self);
/* Measurements saved through the dialog and figures saved or removed; "figures.undo" and
 * "figures.redo" (Ctrl+Z, Ctrl+Shift+Z) act on it. */
HelUndoStack *_hel_progress_family_page_get_undo_stack (HelProgressFamilyPage *self);

G_END_DECLS
