/* hel-export-netmap.c: PNG, SVG and PDF files of a network map, written atomically, mode 0600. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "hel-export-netmap.h"
#include "hel-private-file.h"

/* The largest drawing accepted: beyond this a PNG needs gigabytes of memory. */
#define MAX_SIDE 16384.0


gboolean
hel_export_netmap_format_from_path (const char            *path,
                                    HelNetmapExportFormat *format,
                                    GError               **error)
{
  HelPictureFormat picture;

  if (!hel_picture_format_from_path (path, &picture, error))
    return FALSE;
  *format = picture == HEL_PICTURE_PNG ? HEL_NETMAP_EXPORT_PNG :
            picture == HEL_PICTURE_SVG ? HEL_NETMAP_EXPORT_SVG : HEL_NETMAP_EXPORT_PDF;
  return TRUE;
}

static gboolean
export_with (HelPictureDrawFunc   draw,
             gpointer             data,
             const char          *title,
             double               width,
             double               height,
             const char          *path,
             GError             **error)
{
  HelNetmapExportFormat format;

  if (!hel_export_netmap_format_from_path (path, &format, error))
    return FALSE;
  if (!(width >= 16 && height >= 16 && width <= MAX_SIDE && height <= MAX_SIDE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The picture must be between 16 and %d points wide and high."),
                   (int) MAX_SIDE);
      return FALSE;
    }

  /* A map is personal data: written whole or not at all, mode 0600. */
  return hel_private_file_write_picture (path,
                                         format == HEL_NETMAP_EXPORT_PNG ? HEL_PICTURE_PNG :
                                         format == HEL_NETMAP_EXPORT_SVG ? HEL_PICTURE_SVG :
                                         HEL_PICTURE_PDF,
                                         title, width, height, draw, data, error);
}

typedef struct {
  const HelNetmap              *map;
  const HelNetmapStyle         *style;
  const HelNetmapRenderOptions *options;
} SingleMap;

static void
draw_single (cairo_t *cr,
             gpointer data,
             double   width,
             double   height)
{
  SingleMap *single = data;
  HelNetmapRenderOptions options;
  HelNetmapView view;

  if (single->options != NULL)
    options = *single->options;
  else
    hel_netmap_render_options_init (&options);
  options.layers = HEL_NETMAP_LAYER_ALL;
  options.active_node_id = 0;
  hel_render_netmap_fit_view (&view, single->style, width, height);
  hel_render_netmap_layers (cr, single->map, single->style, &view, &options, width, height, NULL);
}

gboolean
hel_export_netmap (const HelNetmap              *map,
                   const HelNetmapStyle         *style,
                   const HelNetmapRenderOptions *options,
                   double                        width,
                   double                        height,
                   const char                   *path,
                   GError                      **error)
{
  SingleMap single = { map, style, options };

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_with (draw_single, &single, map->title, width, height, path, error);
}

typedef struct {
  const HelNetmap      *before;
  const char           *before_caption;
  const HelNetmap      *after;
  const char           *after_caption;
  const HelNetmapStyle *style;
} TwoMaps;

static void
draw_compare (cairo_t *cr,
              gpointer data,
              double   width,
              double   height)
{
  TwoMaps *two = data;

  hel_render_netmap_compare (cr, two->before, two->before_caption, two->after, two->after_caption,
                             two->style, width, height);
}

gboolean
hel_export_netmap_compare (const HelNetmap      *before,
                           const char           *before_caption,
                           const HelNetmap      *after,
                           const char           *after_caption,
                           const HelNetmapStyle *style,
                           double                width,
                           double                height,
                           const char           *path,
                           GError              **error)
{
  TwoMaps two = { before, before_caption, after, after_caption, style };

  g_return_val_if_fail (before != NULL && after != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_with (draw_compare, &two, after->title, width, height, path, error);
}
