/* hel-json.h: the whole database as one JSON document, out and back in (src/tool/JSON-FORMAT.md). */
#pragma once

#include <gio/gio.h>

#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_JSON_ERROR (hel_json_error_quark ())

typedef enum {
  HEL_JSON_ERROR_SYNTAX,       /* not JSON at all; the message names line and column */
  HEL_JSON_ERROR_NOT_HELHED,   /* JSON, but not a Helhed export ("format" is missing or wrong) */
  HEL_JSON_ERROR_NEWER,        /* "version" is newer than this build reads */
  HEL_JSON_ERROR_INVALID,      /* a field breaks a rule; the message names its path */
  HEL_JSON_ERROR_NOT_EMPTY,    /* the database already holds data */
} HelJsonError;

/* The format version this build writes, and the newest it reads. */
#define HEL_JSON_FORMAT_VERSION 5

typedef enum {
  HEL_JSON_EXPORT_DEFAULT      = 0,
  HEL_JSON_EXPORT_NO_TIMESTAMP = 1 << 0,  /* leave out "exported", for reproducible files */
} HelJsonExportFlags;

typedef enum {
  HEL_JSON_IMPORT_DEFAULT = 0,
  HEL_JSON_IMPORT_REPLACE = 1 << 0,  /* erase what the database holds first (same transaction) */
} HelJsonImportFlags;

GQuark    hel_json_error_quark       (void);

/* Export: the bytes are UTF-8 JSON ending in a newline. Files are written atomically, mode 0600. */
GBytes   *hel_json_export_to_bytes   (HelStore           *store,
                                      HelJsonExportFlags  flags,
                                      GError            **error);
gboolean  hel_json_export_to_stream  (HelStore           *store,
                                      GOutputStream      *stream,
                                      HelJsonExportFlags  flags,
                                      GCancellable       *cancellable,
                                      GError            **error);
gboolean  hel_json_export_to_file    (HelStore           *store,
                                      const char         *path,
                                      HelJsonExportFlags  flags,
                                      GError            **error);

/* Import: one transaction; on any error the database is left exactly as it was.
 * Without HEL_JSON_IMPORT_REPLACE a database that holds data is refused
 * (HEL_JSON_ERROR_NOT_EMPTY). */
gboolean  hel_json_import_from_data  (HelStore           *store,
                                      const char         *data,
                                      gssize              length,
                                      HelJsonImportFlags  flags,
                                      GError            **error);
gboolean  hel_json_import_from_file  (HelStore           *store,
                                      const char         *path,
                                      HelJsonImportFlags  flags,
                                      GError            **error);

/* TRUE when the database holds no teams, caseworkers or families.
 * (Belongs in hel-store as hel_store_is_empty; kept here until the store grows one.) */
gboolean  hel_json_store_is_empty    (HelStore           *store,
                                      gboolean           *empty,
                                      GError            **error);

G_END_DECLS
