/* hel-json-progress.h: the progress sections of the JSON document, for hel-json.c only. */
#pragma once

#include <json-glib/json-glib.h>

#include "hel-store.h"

G_BEGIN_DECLS

/* What the importer knows: JsonObject* or JsonNode* -> line, and the member and family ids read. */
typedef struct {
  HelStore   *store;
  GHashTable *lines;
  GHashTable *family_ids;
  GHashTable *member_ids;
} HelJsonProgressImport;

#define HEL_JSON_PROGRESS_SECTIONS(X) \
  X (progress_settings) \
  X (sdq_bands) \
  X (bip_indicators) \
  X (measurements) \
  X (measurement_edits) \
  X (school_absence) \
  X (concern_notifications) \
  X (interventions) \
  X (expenses)

#define HEL_JSON_PROGRESS_DECLARE(name) \
  gboolean _hel_json_export_##name (HelStore *store, JsonBuilder *builder, GError **error);
HEL_JSON_PROGRESS_SECTIONS (HEL_JSON_PROGRESS_DECLARE)
#undef HEL_JSON_PROGRESS_DECLARE

/* Reads one of the sections above (by @section's name) into the store, inside the import's
 * transaction; errors read "<section>[i].<field> (line N): <reason>". */
gboolean _hel_json_import_progress (HelJsonProgressImport *im,
                                    JsonArray             *array,
                                    const char            *section,
                                    GError               **error);

/* Sets "<path> (line N): <reason>" (just "<path>: <reason>" for line 0) in the JSON error
 * domain, worded as every other error of the file; returns FALSE. In hel-json.c. */
gboolean _hel_json_fail_at_line (guint                  line,
                                 const char            *path,
                                 const char            *reason,
                                 GError               **error);

/* The SQL that empties each section for a replacing import; the settings go back to the
 * defaults the schema starts with (a file without these sections keeps them). */
#define HEL_JSON_PROGRESS_CLEAR_SETTINGS \
  "DELETE FROM progress_setting; INSERT INTO progress_setting VALUES ('wave_interval', '4')"
/* The shipped SDQ tables: the three-band total, four bands for each scale and impact (the
 * same as hel_sdq_band_table_init_scale_default). */
#define HEL_JSON_PROGRESS_CLEAR_SDQ_BANDS \
  "DELETE FROM sdq_band; INSERT INTO sdq_band (scale, position, code, lowest, population_share) " \
  "VALUES ('total', 0, 'normal', 0, 80), ('total', 1, 'borderline', 14, 10), " \
  "('total', 2, 'abnormal', 17, 10), " \
  "('emotional', 0, 'normal', 0, 80), ('emotional', 1, 'borderline', 4, 10), " \
  "('emotional', 2, 'abnormal', 5, 5), ('emotional', 3, 'very-high', 7, 5), " \
  "('conduct', 0, 'normal', 0, 80), ('conduct', 1, 'borderline', 3, 10), " \
  "('conduct', 2, 'abnormal', 4, 5), ('conduct', 3, 'very-high', 6, 5), " \
  "('hyperactivity', 0, 'normal', 0, 80), ('hyperactivity', 1, 'borderline', 6, 10), " \
  "('hyperactivity', 2, 'abnormal', 8, 5), ('hyperactivity', 3, 'very-high', 9, 5), " \
  "('peer', 0, 'normal', 0, 80), ('peer', 1, 'borderline', 3, 10), " \
  "('peer', 2, 'abnormal', 4, 5), ('peer', 3, 'very-high', 5, 5), " \
  "('prosocial', 0, 'normal', 8, 80), ('prosocial', 1, 'borderline', 7, 10), " \
  "('prosocial', 2, 'abnormal', 6, 5), ('prosocial', 3, 'very-high', 0, 5), " \
  "('impact', 0, 'normal', 0, 80), ('impact', 1, 'borderline', 1, 10), " \
  "('impact', 2, 'abnormal', 2, 5), ('impact', 3, 'very-high', 3, 5)"
#define HEL_JSON_PROGRESS_CLEAR_BIP_INDICATORS \
  "DELETE FROM bip_indicator; INSERT INTO bip_indicator (code, scale_min, scale_max, position) " \
  "VALUES ('health', 1, 5, 0), ('daily-life', 1, 5, 1), ('belief', 1, 5, 2), " \
  "('cooperation', 1, 5, 3), ('job-search', 1, 5, 4)"

G_END_DECLS
