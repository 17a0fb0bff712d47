/* hel-plan-document.h: the printable family plan, laid out with Pango and drawn with Cairo. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "hel-store.h"

G_BEGIN_DECLS

/* A4 in points, the size of the PDF written by hel_plan_document_write_pdf(). */
#define HEL_PLAN_DOCUMENT_A4_WIDTH  595.276
#define HEL_PLAN_DOCUMENT_A4_HEIGHT 841.89

#define HEL_TYPE_PLAN_DOCUMENT (hel_plan_document_get_type ())
G_DECLARE_FINAL_TYPE (HelPlanDocument, hel_plan_document, HEL, PLAN_DOCUMENT, GObject)

/* Reads the family, its members, its caseworkers and its plan, and keeps a plain copy of what
 * the family may see: no CPR numbers, no birth dates, no internal notes, no dropped small goals.
 * The document holds no reference to @store afterwards. */
HelPlanDocument *hel_plan_document_new        (HelStore        *store,
                                               gint64           family_id,
                                               GError         **error);

/* Lays the plan out for pages of @page_width x @page_height in the user units of @cr (points
 * for a PDF), with margins of 2 cm inside them, and returns the number of pages (at least 1).
 * For GtkPrintOperation: set use-full-page and GTK_UNIT_POINTS, call this in begin-print with
 * gtk_print_context_get_cairo_context() and the context's width and height, then
 * gtk_print_operation_set_n_pages() with the result. */
guint            hel_plan_document_paginate   (HelPlanDocument *doc,
                                               cairo_t         *cr,
                                               double           page_width,
                                               double           page_height);
guint            hel_plan_document_get_n_pages (HelPlanDocument *doc);

/* Draws page @page_nr (0-based, as GtkPrintOperation's draw-page counts) on @cr, whose origin is
 * the page's top left corner. Needs hel_plan_document_paginate() first. Paints no background. */
void             hel_plan_document_draw_page  (HelPlanDocument *doc,
                                               cairo_t         *cr,
                                               guint            page_nr);

/* Writes the whole plan as an A4 PDF: to "@path.part" first, readable by the owner only (0600),
 * then renamed over @path. For `helhed-tool export plan`. */
gboolean         hel_plan_document_write_pdf  (HelPlanDocument *doc,
                                               const char      *path,
                                               GError         **error);

/* The family's name, e.g. for a print job's name or a suggested file name. */
const char      *hel_plan_document_get_family_name (HelPlanDocument *doc);

G_END_DECLS
