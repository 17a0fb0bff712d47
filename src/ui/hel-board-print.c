/* hel-board-print.c: "Print…" of the minutes (the PDF's pages through GtkPrintOperation), and
 * the remembered privacy choice of the board and the projector. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-board-print.h"
#include "hel-minutes-document.h"

static void
begin_print_cb (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                HelMinutesDocument *doc)
{
  guint pages = hel_minutes_document_paginate (doc, gtk_print_context_get_cairo_context (context),
                                               gtk_print_context_get_width (context),
                                               gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page_nr,
              HelMinutesDocument *doc)
{
  hel_minutes_document_draw_page (doc, gtk_print_context_get_cairo_context (context),
                                  (guint) page_nr);
}

GtkPrintOperation *
hel_board_minutes_print_operation_new (HelMeeting *meeting,
                                       HelPrivacy  privacy)
{
  g_autoptr(HelMinutesDocument) doc = NULL;
  g_autofree char *job = NULL;
  GtkPrintOperation *operation;

  g_return_val_if_fail (meeting != NULL, NULL);

  doc = hel_minutes_document_new_for_meeting (meeting, privacy);
  operation = gtk_print_operation_new ();
  job = hel_minutes_document_get_title (doc);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (doc), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (doc), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return operation;
}

/* ---- settings ---- */

GSettings *
hel_board_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static gboolean
initials_to_selected (GValue   *value,
                      GVariant *variant,
                      gpointer  data)
{
  g_value_set_uint (value, g_variant_get_boolean (variant) ? 1 : 0);
  return TRUE;
}

static GVariant *
selected_to_initials (const GValue       *value,
                      const GVariantType *type,
                      gpointer            data)
{
  guint selected = g_value_get_uint (value);

  /* Nothing chosen (the list being replaced) is not a choice to remember. */
  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_variant_new_boolean (selected == 1);
}

void
hel_board_settings_bind_privacy (GSettings   *settings,
                                 GtkDropDown *drop)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop));

  if (settings == NULL)
    return;
  /* The key from the first session: "show initials instead of names on shared screens such as
   * the board meeting and in exports". FALSE: first names, the projector's other choice. */
  g_settings_bind_with_mapping (settings, "privacy-show-initials", drop, "selected",
                                G_SETTINGS_BIND_DEFAULT, initials_to_selected,
                                selected_to_initials, NULL, NULL);
}
