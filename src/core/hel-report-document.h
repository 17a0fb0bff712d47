/* hel-report-document.h: the project's status report (A4 PDF with the charts and tables, pooled,
 * no names or CPR numbers, "<5" for small counts) and the same tables as CSV. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "hel-statistics.h"
#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_REPORT_A4_WIDTH  595.276
#define HEL_REPORT_A4_HEIGHT 841.89

#define HEL_TYPE_REPORT_DOCUMENT (hel_report_document_get_type ())
G_DECLARE_FINAL_TYPE (HelReportDocument, hel_report_document, HEL, REPORT_DOCUMENT, GObject)

/* Reads the pooled tables and charts for @filter (NULL: everything). The document keeps no
 * reference to @store and holds no names: only counts, means and amounts. */
HelReportDocument *hel_report_document_new       (HelStore                  *store,
                                                  const HelStatisticsFilter *filter,
                                                  GError                   **error);

/* As hel_plan_document_paginate(): lay out for pages of @page_width x @page_height in the user
 * units of @cr (points for a PDF, 2 cm margins); returns the number of pages. */
guint              hel_report_document_paginate  (HelReportDocument         *doc,
                                                  cairo_t                   *cr,
                                                  double                     page_width,
                                                  double                     page_height);
void               hel_report_document_draw_page (HelReportDocument         *doc,
                                                  cairo_t                   *cr,
                                                  guint                      page_nr);

/* A4 PDF, atomically, mode 0600. */
gboolean           hel_report_document_write_pdf (HelReportDocument         *doc,
                                                  const char                *path,
                                                  GError                   **error);

/* The pooled tables for spreadsheets: UTF-8 with a byte-order mark, ";" between fields, the UI
 * language's decimal separator, a title line before each table. */
char              *hel_report_document_to_csv    (HelReportDocument         *doc);
gboolean           hel_report_document_write_csv (HelReportDocument         *doc,
                                                  const char                *path,
                                                  GError                   **error);

G_END_DECLS
