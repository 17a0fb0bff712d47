/* hel-plan-print.c: "Print…" and "Export PDF…" of the family plan, drawn by HelPlanDocument. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-plan-document.h"
#include "hel-plan-view-private.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                HelPlanDocument   *doc)
{
  guint pages = hel_plan_document_paginate (doc, gtk_print_context_get_cairo_context (context),
                                            gtk_print_context_get_width (context),
                                            gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              HelPlanDocument   *doc)
{
  hel_plan_document_draw_page (doc, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               HelPlanView             *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        _hel_plan_view_error_toast (self, error);
    }
  g_object_unref (self);
}

/* One print operation for the dialog and for printing straight to a file. */
static GtkPrintOperation *
make_operation (HelPlanView  *self,
                GError      **error)
{
  g_autoptr(HelPlanDocument) doc = NULL;
  g_autofree char *job = NULL;
  GtkPrintOperation *operation;

  doc = hel_plan_document_new (_hel_plan_view_get_store (self), _hel_plan_view_get_family_id (self),
                               error);
  if (doc == NULL)
    return NULL;
  operation = gtk_print_operation_new ();
  /* Translators: the print job's name, “Family plan – Jensen” */
  job = g_strdup_printf (_("Family plan – %s"), hel_plan_document_get_family_name (doc));
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (doc), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (doc), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return operation;
}

void
_hel_plan_view_print (HelPlanView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkPrintOperationResult result;

  operation = make_operation (self, &error);
  if (operation == NULL)
    {
      _hel_plan_view_error_toast (self, error);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    _hel_plan_view_error_toast (self, error);
}

/* The print path without the dialog: what the printer would get, as a PDF file. */
gboolean
_hel_plan_view_print_to_file (HelPlanView  *self,
                              const char   *path,
                              GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = make_operation (self, error);

  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
pdf_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 HelPlanView     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlanDocument) doc = NULL;
  g_autofree char *path = NULL;
  GtkNativeDialog **slot = _hel_plan_view_pdf_chooser_slot (self);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (slot);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  doc = hel_plan_document_new (_hel_plan_view_get_store (self), _hel_plan_view_get_family_id (self),
                               &error);
  if (doc != NULL && path != NULL && hel_plan_document_write_pdf (doc, path, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
      _hel_plan_view_toast (self, message, FALSE);
    }
  else if (error != NULL)
    _hel_plan_view_error_toast (self, error);
}

void
_hel_plan_view_export_pdf (HelPlanView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelPlanDocument) doc = NULL;
  g_autofree char *name = NULL;
  GtkNativeDialog **slot = _hel_plan_view_pdf_chooser_slot (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (*slot != NULL)
    return;
  /* Only for the family's name; the PDF is made from the plan as it is when saved. */
  doc = hel_plan_document_new (_hel_plan_view_get_store (self), _hel_plan_view_get_family_id (self),
                               &error);
  if (doc == NULL)
    {
      _hel_plan_view_error_toast (self, error);
      return;
    }
  /* GTK 4.8 has no GtkFileDialog; the portal-backed native chooser is the one that exists in both. */
  chooser = gtk_file_chooser_native_new (_("Export Family Plan as PDF"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name, “Familieplan - Jensen.pdf” */
  name = g_strdup_printf (_("Family plan - %s.pdf"), hel_plan_document_get_family_name (doc));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (pdf_response_cb), self, 0);
  *slot = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
