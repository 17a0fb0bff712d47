/* hel-json-board.h: the "meetings" section of the JSON document, for hel-json.c only. */
#pragma once

#include <json-glib/json-glib.h>

#include "hel-store.h"

G_BEGIN_DECLS

/* What the importer knows: JsonObject* or JsonNode* -> line, and the ids read so far. */
typedef struct {
  HelStore   *store;
  GHashTable *lines;
  GHashTable *team_ids;
  GHashTable *caseworker_ids;
  GHashTable *family_ids;
} HelJsonBoardImport;

/* One object per meeting, oldest first, in the meeting's own JSON form (hel_meeting_to_json). */
gboolean _hel_json_export_meetings (HelStore           *store,
                                    JsonBuilder        *builder,
                                    GError            **error);
/* Checks each meeting against the rest of the file and the plans already imported (steps of
 * linked agreements) and writes it; errors read "meetings[i] (line N).<path>: <reason>". */
gboolean _hel_json_import_meetings (HelJsonBoardImport *im,
                                    JsonArray          *array,
                                    const char         *section,
                                    GError            **error);

#define HEL_JSON_BOARD_CLEAR_MEETINGS "DELETE FROM meeting"

G_END_DECLS
