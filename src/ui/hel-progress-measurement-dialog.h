/* hel-progress-measurement-dialog.h: the form for one measurement (WHO-5 with its questions and
 * answers, SDQ as the scale scores from the scored paper form, the BIP-inspired indicators). */
#pragma once

#include <adwaita.h>

#include "hel-instrument.h"
#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_TYPE_PROGRESS_MEASUREMENT_DIALOG (hel_progress_measurement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HelProgressMeasurementDialog, hel_progress_measurement_dialog,
                      HEL, PROGRESS_MEASUREMENT_DIALOG, AdwWindow)

/* A new measurement of @member_id (@kind: the questionnaire to start with, if it fits the
 * person), or, with @measurement_id, a correction of that one. Emits "saved" (gint64 id) and
 * closes when the store took it; on bad input the message shows at the field and the dialog
 * keeps everything typed. */
GtkWidget *hel_progress_measurement_dialog_new (GtkWindow         *parent,
                                                HelStore          *store,
                                                gint64             member_id,
                                                gint64             measurement_id,
                                                HelInstrumentKind  kind,
                                                GError           **error);

/* For the widget tests. */
GtkWidget *_hel_progress_measurement_dialog_get_row  (HelProgressMeasurementDialog *self,
                                                      const char                   *field);
HelInstrumentKind _hel_progress_measurement_dialog_get_kind (HelProgressMeasurementDialog *self);
void       _hel_progress_measurement_dialog_set_kind (HelProgressMeasurementDialog *self,
                                                      HelInstrumentKind             kind);
const char *_hel_progress_measurement_dialog_get_score (HelProgressMeasurementDialog *self);
/* The band tag beside SDQ answer @key ("conduct"), or NULL (not an SDQ answer). */
GtkWidget  *_hel_progress_measurement_dialog_get_band_tag (HelProgressMeasurementDialog *self,
                                                           const char                   *key);

G_END_DECLS
