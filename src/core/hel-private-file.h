/* hel-private-file.h: files of personal data written whole or not at all: beside the target,
 * mode 0600, synced, then renamed over it. Used by every PDF, picture and CSV Helhed writes. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _HelPrivateFile HelPrivateFile;

/* Opens "@path.XXXXXX" beside @path (one file system, so the rename is atomic), mode 0600. */
HelPrivateFile *hel_private_file_open        (const char           *path,
                                              GError              **error);
/* A cairo_write_func_t: @closure is the HelPrivateFile. */
cairo_status_t  hel_private_file_write       (void                 *closure,
                                              const unsigned char  *data,
                                              unsigned int          length);
/* With @status CAIRO_STATUS_SUCCESS syncs, closes and renames the file over its path; when
 * @status says the drawing failed, or any of that fails, removes it and sets @error. Frees
 * @file either way. */
gboolean        hel_private_file_finish      (HelPrivateFile       *file,
                                              cairo_status_t        status,
                                              GError              **error);

typedef guint (*HelPaginateFunc) (gpointer  doc,
                                  cairo_t  *cr,
                                  double    width,
                                  double    height);
typedef void  (*HelDrawPageFunc) (gpointer  doc,
                                  cairo_t  *cr,
                                  guint     page);

/* A PDF of @width x @height point pages: @paginate lays @doc out, @draw_page draws each page. */
gboolean        hel_private_file_write_pages (const char           *path,
                                              const char           *title,
                                              double                width,
                                              double                height,
                                              HelPaginateFunc       paginate,
                                              HelDrawPageFunc       draw_page,
                                              gpointer              doc,
                                              GError              **error);

typedef enum {
  HEL_PICTURE_PNG,
  HEL_PICTURE_SVG,
  HEL_PICTURE_PDF,
} HelPictureFormat;

typedef void (*HelPictureDrawFunc) (cairo_t  *cr,
                                    gpointer  data,
                                    double    width,
                                    double    height);

/* The format from @path's extension (.png, .svg, .pdf, any case), or FALSE with a message. */
gboolean        hel_picture_format_from_path   (const char           *path,
                                                HelPictureFormat     *format,
                                                GError              **error);
/* One @width x @height picture drawn by @draw: PNG (one pixel per point), SVG or PDF. */
gboolean        hel_private_file_write_picture (const char           *path,
                                                HelPictureFormat      format,
                                                const char           *title,
                                                double                width,
                                                double                height,
                                                HelPictureDrawFunc    draw,
                                                gpointer              data,
                                                GError              **error);

G_END_DECLS
