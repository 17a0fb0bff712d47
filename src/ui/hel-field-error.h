/* hel-field-error.h: show a GError right at the row that caused it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Marks @widget with the "error" style class and remembers the message for the label below
 * its group; NULL clears it. A widget that is not a row (e.g. the group's label itself) keeps
 * the message without the style class, for errors that belong to no single field. */
void        hel_field_error_set          (GtkWidget    *widget,
                                          const GError *error);
const char *hel_field_error_get          (GtkWidget    *widget);
/* Shows the messages of the given widgets (NULL-terminated) in @label, or hides it. */
void        hel_field_error_show         (GtkLabel     *label,
                                          GtkWidget    *first_widget,
                                          ...) G_GNUC_NULL_TERMINATED;
/* The same for every child of @list, plus @label's own message. */
void        hel_field_error_show_children (GtkLabel    *label,
                                           GtkWidget   *list);

G_END_DECLS
