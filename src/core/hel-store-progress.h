/* hel-store-progress.h: measurements and the other follow-up figures in the store; one
 * transaction per edit, "changed::progress" with the family's id after each. */
#pragma once

#include "hel-instrument.h"
#include "hel-measurement.h"
#include "hel-store.h"

G_BEGIN_DECLS

/* Where a refused edit went wrong, for the error at the field: "date", "wave", "instrument",
 * "quarter", "percent", "year", "count", "kind", "start", "end", "amount", "answer:<key>". */

/* ---- Instruments and schedule settings ---- */

int            hel_store_get_wave_interval   (HelStore              *self,
                                              GError               **error);
gboolean       hel_store_set_wave_interval   (HelStore              *self,
                                              int                    months,
                                              GError               **error);
/* The total difficulties' band table (the shipped default when the file has none). */
gboolean       hel_store_load_sdq_bands      (HelStore              *self,
                                              HelSdqBandTable       *table,
                                              GError               **error);
/* The band table of one scale, the impact score or the total. */
gboolean       hel_store_load_sdq_band_table (HelStore              *self,
                                              HelSdqBandScale        scale,
                                              HelSdqBandTable       *table,
                                              GError               **error);
/* Every table, indexed by HelSdqBandScale. */
gboolean       hel_store_load_sdq_band_set   (HelStore              *self,
                                              HelSdqBandSet         *set,
                                              GError               **error);
/* Validates the table, stores it as the table of its scale (table->scale) and, for the total,
 * re-bands every SDQ measurement, in one transaction. */
gboolean       hel_store_save_sdq_bands      (HelStore              *self,
                                              const HelSdqBandTable *table,
                                              GError               **error);
/* Every table at once, in one transaction (e.g. back to the published defaults). */
gboolean       hel_store_save_sdq_band_set   (HelStore              *self,
                                              const HelSdqBandSet   *set,
                                              GError               **error);
GPtrArray     *hel_store_list_bip_indicators (HelStore              *self,
                                              GError               **error);
/* id 0 adds at the end; otherwise renames/rescales (refused when the new scale leaves out
 * answers measurements already gave). */
gboolean       hel_store_save_bip_indicator  (HelStore              *self,
                                              HelBipIndicator       *indicator,
                                              GError               **error);
/* Puts the indicators in the order of @ids (every indicator's id, once), in one transaction. */
gboolean       hel_store_set_bip_indicator_order (HelStore          *self,
                                              const gint64          *ids,
                                              guint                  n_ids,
                                              GError               **error);
/* How many measurements answer the indicator (to ask before removing it); -1 on error. */
int            hel_store_count_bip_indicator_answers (HelStore      *self,
                                              gint64                 indicator_id,
                                              GError               **error);
gboolean       hel_store_delete_bip_indicator (HelStore             *self,
                                              gint64                 indicator_id,
                                              GError               **error);
HelInstrument *hel_store_load_instrument     (HelStore              *self,
                                              HelInstrumentKind      kind,
                                              GError               **error);

/* ---- Measurements ---- */

/* A person's measurements, oldest first; instrument HEL_N_INSTRUMENTS for all. */
GPtrArray     *hel_store_list_measurements   (HelStore              *self,
                                              gint64                 member_id,
                                              HelInstrumentKind      instrument,
                                              GError               **error);
GPtrArray     *hel_store_list_family_measurements (HelStore         *self,
                                              gint64                 family_id,
                                              GError               **error);
HelMeasurement *hel_store_get_measurement    (HelStore              *self,
                                              gint64                 measurement_id,
                                              GError               **error);
/* The wave a measurement on @date belongs to, from the family's start date. */
int            hel_store_suggest_wave        (HelStore              *self,
                                              gint64                 member_id,
                                              const char            *date,
                                              GError               **error);
/* Checks and scores @measurement, then inserts it (id 0) or updates it and records what
 * changed (who, when, old value). A wave below 0 is assigned from the family's start date.
 * On bad input: FALSE, a message, and *bad_field (g_free) says which field; nothing written. */
gboolean       hel_store_save_measurement    (HelStore              *self,
                                              HelMeasurement        *measurement,
                                              const char            *edited_by,
                                              char                 **bad_field,
                                              GError               **error);
/* Puts measurement @measurement_id back as @snapshot has it, for undo and redo: updates the
 * row (recorded in its history like any correction), brings a deleted one back under its own
 * id, or with @snapshot NULL deletes it (nothing to do when it is gone already). */
gboolean       hel_store_restore_measurement (HelStore              *self,
                                              gint64                 measurement_id,
                                              const HelMeasurement  *snapshot,
                                              const char            *edited_by,
                                              GError               **error);
/* Brings back a deleted measurement as @snapshot has it, under its own id, with the recorded
 * edits @edits (as hel_store_list_measurement_edits() gave them before; may be NULL), in one
 * transaction: the undo of a removal. */
gboolean       hel_store_undelete_measurement (HelStore             *self,
                                              const HelMeasurement  *snapshot,
                                              GPtrArray             *edits,
                                              const char            *edited_by,
                                              GError               **error);
gboolean       hel_store_delete_measurement  (HelStore              *self,
                                              gint64                 measurement_id,
                                              GError               **error);
/* Newest first. */
GPtrArray     *hel_store_list_measurement_edits (HelStore           *self,
                                              gint64                 measurement_id,
                                              GError               **error);

/* ---- What is due ("Målinger der mangler") ---- */

typedef struct {
  gint64             family_id;
  char              *family_name;
  gint64             member_id;
  char              *member_name;    /* first name */
  HelInstrumentKind  instrument;
  int                wave;
  char              *due_date;
  gboolean           overdue;
} HelDueMeasurement;

void           hel_due_measurement_free      (HelDueMeasurement     *due);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelDueMeasurement, hel_due_measurement_free)

/* How long a wave stays "due" after its date before it is "overdue", and how early it shows. */
#define HEL_DUE_GRACE_DAYS 28
#define HEL_DUE_AHEAD_DAYS 14

/* For active families (family_id 0: all; team_id 0: every team): each household member's latest
 * wave that is due by @today + 14 days and not measured yet, overdue 28 days after its date;
 * sorted by due date. WHO-5 and BIP for adults, SDQ for children aged 2-17 (or of unknown age). */
GPtrArray     *hel_store_list_due_measurements (HelStore            *self,
                                              gint64                 family_id,
                                              gint64                 team_id,
                                              const char            *today,
                                              GError               **error);

/* ---- School absence, notifications, interventions, expenses ---- */

/* percent NAN removes the quarter's figure. */
gboolean       hel_store_set_school_absence  (HelStore              *self,
                                              gint64                 member_id,
                                              const char            *quarter,
                                              double                 percent,
                                              char                 **bad_field,
                                              GError               **error);
GPtrArray     *hel_store_list_school_absence (HelStore              *self,
                                              gint64                 family_id,
                                              GError               **error);
/* count -1 removes the year's figure. */
gboolean       hel_store_set_concern_notifications (HelStore        *self,
                                              gint64                 member_id,
                                              int                    year,
                                              int                    count,
                                              char                 **bad_field,
                                              GError               **error);
GPtrArray     *hel_store_list_concern_notifications (HelStore       *self,
                                              gint64                 family_id,
                                              GError               **error);
gboolean       hel_store_save_intervention   (HelStore              *self,
                                              HelIntervention       *intervention,
                                              char                 **bad_field,
                                              GError               **error);
gboolean       hel_store_delete_intervention (HelStore              *self,
                                              gint64                 intervention_id,
                                              GError               **error);
GPtrArray     *hel_store_list_interventions  (HelStore              *self,
                                              gint64                 family_id,
                                              GError               **error);
/* amount -1 removes the figure. */
gboolean       hel_store_set_expense         (HelStore              *self,
                                              gint64                 family_id,
                                              const char            *quarter,
                                              HelDepartment          department,
                                              gint64                 amount,
                                              char                 **bad_field,
                                              GError               **error);
GPtrArray     *hel_store_list_expenses       (HelStore              *self,
                                              gint64                 family_id,
                                              GError               **error);

G_END_DECLS
