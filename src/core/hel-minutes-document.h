/* hel-minutes-document.h: the minutes of a board meeting (A4 PDF), laid out with Pango. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "hel-board.h"
#include "hel-store.h"

G_BEGIN_DECLS

#define HEL_MINUTES_DOCUMENT_A4_WIDTH  595.276
#define HEL_MINUTES_DOCUMENT_A4_HEIGHT 841.89

#define HEL_TYPE_MINUTES_DOCUMENT (hel_minutes_document_get_type ())
G_DECLARE_FINAL_TYPE (HelMinutesDocument, hel_minutes_document, HEL, MINUTES_DOCUMENT, GObject)

/* Reads the meeting and keeps a copy; names appear as @privacy allows (the same choice as on
 * the projector), internal notes never, CPR numbers never (the minutes do not read them). Per
 * family: the board as drawn by hel_render_board(), the notes per column, the scale numbers,
 * the agreements with owner and deadline. The document holds no reference to @store. */
HelMinutesDocument *hel_minutes_document_new       (HelStore           *store,
                                                    gint64              meeting_id,
                                                    HelPrivacy          privacy,
                                                    GError            **error);
/* For a meeting already loaded (the view's copy). */
HelMinutesDocument *hel_minutes_document_new_for_meeting (HelMeeting   *meeting,
                                                    HelPrivacy          privacy);

/* Lays the minutes out for pages of @page_width x @page_height (points) and returns the
 * number of pages (at least 1); then hel_minutes_document_draw_page() for each. */
guint               hel_minutes_document_paginate  (HelMinutesDocument *doc,
                                                    cairo_t            *cr,
                                                    double              page_width,
                                                    double              page_height);
void                hel_minutes_document_draw_page (HelMinutesDocument *doc,
                                                    cairo_t            *cr,
                                                    guint               page_nr);
/* Writes an A4 PDF atomically ("@path.part", then renamed), readable by the owner only. */
gboolean            hel_minutes_document_write_pdf (HelMinutesDocument *doc,
                                                    const char         *path,
                                                    GError            **error);
/* "Minutes, team meeting 18.03.2025": for a print job or a suggested file name. */
char               *hel_minutes_document_get_title (HelMinutesDocument *doc);

G_END_DECLS
