/* hel-field-error.c: error messages shown at the row that caused them, under its group. */
#include "config.h"

#include "hel-field-error.h"

#define FIELD_ERROR_KEY "hel-field-error"

void
hel_field_error_set (GtkWidget    *widget,
                     const GError *error)
{
  gboolean mark;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  mark = !GTK_IS_LABEL (widget);
  if (error != NULL)
    {
      g_object_set_data_full (G_OBJECT (widget), FIELD_ERROR_KEY, g_strdup (error->message),
                              g_free);
      if (mark)
        {
          gtk_widget_add_css_class (widget, "error");
          /* Screen readers hear the reason along with the field. */
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                          -1);
          gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
        }
    }
  else if (g_object_get_data (G_OBJECT (widget), FIELD_ERROR_KEY) != NULL)
    {
      g_object_set_data (G_OBJECT (widget), FIELD_ERROR_KEY, NULL);
      if (mark)
        {
          gtk_widget_remove_css_class (widget, "error");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
}

const char *
hel_field_error_get (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), FIELD_ERROR_KEY);
}

static void
append_message (GString   *text,
                GtkWidget *widget)
{
  const char *message = hel_field_error_get (widget);

  if (message == NULL)
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, message);
}

static void
show_text (GtkLabel *label,
           GString  *text)
{
  gtk_label_set_text (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

void
hel_field_error_show (GtkLabel  *label,
                      GtkWidget *first_widget,
                      ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  va_list args;

  g_return_if_fail (GTK_IS_LABEL (label));

  append_message (text, GTK_WIDGET (label));
  va_start (args, first_widget);
  for (GtkWidget *w = first_widget; w != NULL; w = va_arg (args, GtkWidget *))
    append_message (text, w);
  va_end (args);
  show_text (label, text);
}

void
hel_field_error_show_children (GtkLabel  *label,
                               GtkWidget *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (GTK_IS_LABEL (label));

  append_message (text, GTK_WIDGET (label));
  for (GtkWidget *w = gtk_widget_get_first_child (list); w; w = gtk_widget_get_next_sibling (w))
    append_message (text, w);
  show_text (label, text);
}
