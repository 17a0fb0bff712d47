/* hel-export-netmap.h: a network map to PNG, SVG or PDF, drawn by the same function as on screen. */
#pragma once

#include "hel-render-netmap.h"

G_BEGIN_DECLS

typedef enum {
  HEL_NETMAP_EXPORT_PNG,
  HEL_NETMAP_EXPORT_SVG,
  HEL_NETMAP_EXPORT_PDF,
} HelNetmapExportFormat;

/* From the file name's extension (case does not matter); FALSE with a message otherwise. */
gboolean hel_export_netmap_format_from_path (const char                   *path,
                                             HelNetmapExportFormat        *format,
                                             GError                      **error);

/* Writes the map fitted to width x height (pixels for PNG, points for SVG and PDF) with the
 * legend, atomically (a half-written file never replaces a good one) and readable only by
 * the user (mode 0600: the map names people). @options may be NULL; its layers are ignored. */
gboolean hel_export_netmap                  (const HelNetmap              *map,
                                             const HelNetmapStyle         *style,
                                             const HelNetmapRenderOptions *options,
                                             double                        width,
                                             double                        height,
                                             const char                   *path,
                                             GError                      **error);
/* Two versions side by side (see hel_render_netmap_compare()). */
gboolean hel_export_netmap_compare          (const HelNetmap              *before,
                                             const char                   *before_caption,
                                             const HelNetmap              *after,
                                             const char                   *after_caption,
                                             const HelNetmapStyle         *style,
                                             double                        width,
                                             double                        height,
                                             const char                   *path,
                                             GError                      **error);

G_END_DECLS
