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

/* The largest drawing accepted: beyond this a PNG needs gigabytes of memory. */
#define MAX_SIDE 16384.0

typedef void (*DrawFunc) (cairo_t *cr,
                          gpointer data,
                          double   width,
                          double   height);

typedef struct {
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
write_to_fd_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
hel_export_netmap_format_from_path (const char            *path,
                                    HelNetmapExportFormat *format,
                                    GError               **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = HEL_NETMAP_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = HEL_NETMAP_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = HEL_NETMAP_EXPORT_PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” does not end in .png, .svg or .pdf, so it is not clear which kind of "
                     "file to write."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_with (DrawFunc    draw,
             gpointer    data,
             const char *title,
             double      width,
             double      height,
             const char *path,
             GError    **error)
{
  HelNetmapExportFormat format;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  cairo_t *cr;
  Sink sink = { -1, 0 };

  if (!hel_export_netmap_format_from_path (path, &format, error))
    return FALSE;
  if (!(width >= 16 && height >= 16 && width <= MAX_SIDE && height <= MAX_SIDE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The picture must be between 16 and %d points wide and high."),
                   (int) MAX_SIDE);
      return FALSE;
    }

  /* Beside the target, so the rename stays on one file system and is atomic. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The file “%s” could not be written: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  switch (format)
    {
    case HEL_NETMAP_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
      break;
    case HEL_NETMAP_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_fd_cb, &sink, width, height);
      break;
    case HEL_NETMAP_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (write_to_fd_cb, &sink, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Helhed");
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      break;
    }

  cr = cairo_create (surface);
  draw (cr, data, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == HEL_NETMAP_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_fd_cb, &sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    {
      sink.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (close (sink.fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      sink.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (status == CAIRO_STATUS_SUCCESS && g_rename (tmp_path, path) != 0)
    {
      sink.saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      if (sink.saved_errno != 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.saved_errno),
                     _("The file “%s” could not be written: %s"), path,
                     g_strerror (sink.saved_errno));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("The file “%s” could not be written: %s"), path,
                     cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
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
