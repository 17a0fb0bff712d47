/* hel-private-file.c: files of personal data written whole or not at all (mode 0600). */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "hel-private-file.h"

struct _HelPrivateFile {
  char *path;
  char *tmp_path;
  int   fd;
  int   error;       /* the first errno a write met */
};

HelPrivateFile *
hel_private_file_open (const char  *path,
                       GError     **error)
{
  g_autofree char *tmp_path = NULL;
  HelPrivateFile *file;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The file “%s” could not be written: %s"), path, g_strerror (saved));
      return NULL;
    }
  file = g_new0 (HelPrivateFile, 1);
  file->path = g_strdup (path);
  file->tmp_path = g_steal_pointer (&tmp_path);
  file->fd = fd;
  return file;
}

cairo_status_t
hel_private_file_write (void                *closure,
                        const unsigned char *data,
                        unsigned int         length)
{
  HelPrivateFile *file = closure;

  while (length > 0)
    {
      ssize_t n = write (file->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          if (file->error == 0)
            file->error = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
hel_private_file_finish (HelPrivateFile  *file,
                         cairo_status_t   status,
                         GError         **error)
{
  int saved = file->error;
  gboolean ok;

  if (status == CAIRO_STATUS_SUCCESS && saved == 0 && fsync (file->fd) != 0)
    saved = errno;
  if (close (file->fd) != 0 && saved == 0)
    saved = errno;
  if (status == CAIRO_STATUS_SUCCESS && saved == 0 && g_rename (file->tmp_path, file->path) != 0)
    saved = errno;
  ok = status == CAIRO_STATUS_SUCCESS && saved == 0;
  if (!ok)
    {
      g_unlink (file->tmp_path);
      g_set_error (error, G_IO_ERROR,
                   saved != 0 ? g_io_error_from_errno (saved) : G_IO_ERROR_FAILED,
                   _("The file “%s” could not be written: %s"), file->path,
                   saved != 0 ? g_strerror (saved) : cairo_status_to_string (status));
    }
  g_free (file->path);
  g_free (file->tmp_path);
  g_free (file);
  return ok;
}

gboolean
hel_private_file_write_pages (const char       *path,
                              const char       *title,
                              double            width,
                              double            height,
                              HelPaginateFunc   paginate,
                              HelDrawPageFunc   draw_page,
                              gpointer          doc,
                              GError          **error)
{
  HelPrivateFile *file = hel_private_file_open (path, error);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  if (file == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (hel_private_file_write, file, width, height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Helhed");
  cr = cairo_create (surface);
  n_pages = paginate (doc, cr, width, height);
  for (guint i = 0; i < n_pages; i++)
    {
      draw_page (doc, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return hel_private_file_finish (file, status, error);
}

gboolean
hel_private_file_write_picture (const char          *path,
                                HelPictureFormat     format,
                                const char          *title,
                                double               width,
                                double               height,
                                HelPictureDrawFunc   draw,
                                gpointer             data,
                                GError             **error)
{
  HelPrivateFile *file = hel_private_file_open (path, error);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (file == NULL)
    return FALSE;
  switch (format)
    {
    case HEL_PICTURE_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
      break;
    case HEL_PICTURE_SVG:
      surface = cairo_svg_surface_create_for_stream (hel_private_file_write, file, width, height);
      break;
    case HEL_PICTURE_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (hel_private_file_write, file, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Helhed");
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      break;
    }
  cr = cairo_create (surface);
  draw (cr, data, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == HEL_PICTURE_PNG)
    status = cairo_surface_write_to_png_stream (surface, hel_private_file_write, file);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return hel_private_file_finish (file, status, error);
}

gboolean
hel_picture_format_from_path (const char        *path,
                              HelPictureFormat  *format,
                              GError           **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = HEL_PICTURE_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = HEL_PICTURE_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = HEL_PICTURE_PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” does not end in .png, .svg or .pdf, so it is not clear which kind of "
                     "file to write."), path);
      return FALSE;
    }
  return TRUE;
}
