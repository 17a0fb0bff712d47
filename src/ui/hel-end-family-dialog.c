/* hel-end-family-dialog.c: asks when and why a family's participation ended, and records it. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-end-family-dialog-private.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

struct _HelEndFamilyDialog
{
  AdwWindow    parent_instance;

  HelStore    *store;
  HelFamily   *family;

  AdwEntryRow *date_row;
  AdwComboRow *reason_row;
  AdwEntryRow *note_row;
  GtkLabel    *error_label;
  GtkWidget   *end_button;
};

G_DEFINE_FINAL_TYPE (HelEndFamilyDialog, hel_end_family_dialog, ADW_TYPE_WINDOW)

static gboolean
apply (HelEndFamilyDialog *self)
{
  g_autoptr(HelFamily) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *note = NULL;
  guint reason = adw_combo_row_get_selected (self->reason_row);

  if (!hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), TRUE, &iso, &error))
    {
      hel_ui_row_set_error (GTK_WIDGET (self->date_row), self->error_label, error->message);
      return FALSE;
    }
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  copy = hel_family_copy (self->family);
  hel_family_set_end_date (copy, iso);
  hel_family_set_end_reason (copy, reason < HEL_N_END_REASONS ? reason : HEL_END_OTHER);
  hel_family_set_end_note (copy, *note != '\0' ? note : NULL);
  if (!hel_store_save_family (self->store, copy, &error))
    {
      /* The end date is the only row the store can object to here (e.g. before the start). */
      hel_ui_row_set_error (GTK_WIDGET (self->date_row), self->error_label, error->message);
      return FALSE;
    }
  hel_ui_row_set_error (GTK_WIDGET (self->date_row), self->error_label, NULL);
  return TRUE;
}

static void
end_clicked_cb (HelEndFamilyDialog *self)
{
  if (apply (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
row_changed_cb (HelEndFamilyDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  gtk_widget_set_sensitive (self->end_button, text != NULL && *text != '\0');
}

GtkWindow *
hel_end_family_dialog_new (GtkWindow *parent,
                           HelStore  *store,
                           HelFamily *family)
{
  HelEndFamilyDialog *self;
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autofree char *today = hel_date_today ();
  g_autofree char *today_text = hel_date_format (today);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEL_IS_STORE (store), NULL);
  g_return_val_if_fail (HEL_IS_FAMILY (family), NULL);

  self = g_object_new (HEL_TYPE_END_FAMILY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->family = hel_family_copy (family);

  for (guint i = 0; i < HEL_N_END_REASONS; i++)
    gtk_string_list_append (reasons, hel_end_reason_label (i));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));
  adw_combo_row_set_selected (self->reason_row, HEL_END_GOALS_REACHED);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->date_row),
                                                    ADW_TYPE_PREFERENCES_GROUP)),
    hel_family_get_name (family));
  return GTK_WINDOW (self);
}

AdwEntryRow *_hel_end_family_dialog_get_date_row (HelEndFamilyDialog *self) { return self->date_row; }
AdwComboRow *_hel_end_family_dialog_get_reason_row (HelEndFamilyDialog *self) { return self->reason_row; }
AdwEntryRow *_hel_end_family_dialog_get_note_row (HelEndFamilyDialog *self) { return self->note_row; }
GtkLabel *_hel_end_family_dialog_get_error_label (HelEndFamilyDialog *self) { return self->error_label; }

gboolean
_hel_end_family_dialog_apply (HelEndFamilyDialog *self)
{
  if (!apply (self))
    return FALSE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
hel_end_family_dialog_dispose (GObject *object)
{
  HelEndFamilyDialog *self = HEL_END_FAMILY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_END_FAMILY_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->family);
  G_OBJECT_CLASS (hel_end_family_dialog_parent_class)->dispose (object);
}

static void
hel_end_family_dialog_class_init (HelEndFamilyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_end_family_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hel-end-family-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HelEndFamilyDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HelEndFamilyDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, HelEndFamilyDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, HelEndFamilyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HelEndFamilyDialog, end_button);
  gtk_widget_class_bind_template_callback (widget_class, end_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hel_end_family_dialog_init (HelEndFamilyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
