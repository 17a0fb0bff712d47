/* hel-new-family-dialog.c: the window that asks what a new family needs and creates it. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-new-family-dialog-private.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

struct _HelNewFamilyDialog
{
  AdwWindow        parent_instance;

  HelStore        *store;

  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *name_row;
  AdwComboRow     *team_row;
  AdwComboRow     *primary_row;
  AdwComboRow     *secondary_row;
  AdwEntryRow     *start_row;
  GtkLabel        *error_label;
  GtkWidget       *create_button;
};

G_DEFINE_FINAL_TYPE (HelNewFamilyDialog, hel_new_family_dialog, ADW_TYPE_WINDOW)

enum {
  FAMILY_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Builds the family from the rows. With show_errors the wrong rows are marked and the first
 * message is shown under the group; without, the check is silent (for the Create button). */
static HelFamily *
build_family (HelNewFamilyDialog *self,
              gboolean            show_errors)
{
  g_autoptr(HelFamily) family = hel_family_new ();
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *iso = NULL;
  const char *message = NULL;
  gint64 primary = hel_ui_combo_get_id (self->primary_row);
  gint64 secondary = hel_ui_combo_get_id (self->secondary_row);
  gboolean same_caseworker = primary > 0 && primary == secondary;

  hel_text_require (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                    _("the family’s name"), &name, &name_error);
  hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), TRUE, &iso, &date_error);

  if (show_errors)
    {
      hel_ui_row_set_error (GTK_WIDGET (self->name_row), NULL,
                            name_error != NULL ? name_error->message : NULL);
      hel_ui_row_set_error (GTK_WIDGET (self->start_row), NULL,
                            date_error != NULL ? date_error->message : NULL);
      hel_ui_row_set_error (GTK_WIDGET (self->secondary_row), NULL,
                            same_caseworker ? _("The primary and the secondary caseworker must be two different people.") : NULL);
      if (name_error != NULL)
        message = name_error->message;
      else if (date_error != NULL)
        message = date_error->message;
      else if (same_caseworker)
        message = _("The primary and the secondary caseworker must be two different people.");
      hel_ui_row_set_error (NULL, self->error_label, message);
    }

  if (name_error != NULL || date_error != NULL || same_caseworker)
    return NULL;

  hel_family_set_name (family, name);
  hel_family_set_start_date (family, iso);
  hel_family_set_team_id (family, hel_ui_combo_get_id (self->team_row));
  hel_family_set_primary_caseworker_id (family, primary);
  hel_family_set_secondary_caseworker_id (family, secondary);
  return g_steal_pointer (&family);
}

static void
update_sensitivity (HelNewFamilyDialog *self)
{
  g_autoptr(HelFamily) family = build_family (self, FALSE);

  gtk_widget_set_sensitive (self->create_button, family != NULL);
}

static void
row_changed_cb (HelNewFamilyDialog *self)
{
  /* Once a row is marked, it is checked again as the person types, so the mark goes away
   * as soon as the input is right. */
  if (gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "error") ||
      gtk_widget_has_css_class (GTK_WIDGET (self->start_row), "error") ||
      gtk_widget_has_css_class (GTK_WIDGET (self->secondary_row), "error"))
    {
      /* Built only for the messages it sets at the fields. */
      g_autoptr(HelFamily) family G_GNUC_UNUSED = build_family (self, TRUE);
    }
  update_sensitivity (self);
}

static void
focus_leave_cb (HelNewFamilyDialog *self)
{
  g_autoptr(HelFamily) family = NULL;

  /* Focus also leaves while the window is torn down. */
  if (self->name_row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  family = build_family (self, TRUE);
}

static void
create_clicked_cb (HelNewFamilyDialog *self)
{
  g_autoptr(HelFamily) family = build_family (self, TRUE);
  g_autoptr(GError) error = NULL;

  if (family == NULL)
    return;
  if (!hel_store_save_family (self->store, family, &error))
    {
      /* Nothing typed is lost: the dialog stays open with every row as it was. */
      hel_ui_row_set_error (NULL, self->error_label, error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_signal_emit (self, signals[FAMILY_CREATED], 0, hel_family_get_id (family));
  gtk_window_close (GTK_WINDOW (self));
}

GtkWindow *
hel_new_family_dialog_new (GtkWindow *parent,
                           HelStore  *store)
{
  HelNewFamilyDialog *self;
  g_autofree char *today = hel_date_today ();
  g_autofree char *today_text = hel_date_format (today);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  self = g_object_new (HEL_TYPE_NEW_FAMILY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  hel_ui_combo_fill_teams (self->team_row, store, TRUE, 0);
  hel_ui_combo_fill_caseworkers (self->primary_row, store, TRUE, 0);
  hel_ui_combo_fill_caseworkers (self->secondary_row, store, TRUE, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), today_text);
  update_sensitivity (self);
  return GTK_WINDOW (self);
}

AdwEntryRow *_hel_new_family_dialog_get_name_row (HelNewFamilyDialog *self) { return self->name_row; }
AdwEntryRow *_hel_new_family_dialog_get_start_row (HelNewFamilyDialog *self) { return self->start_row; }
AdwComboRow *_hel_new_family_dialog_get_team_row (HelNewFamilyDialog *self) { return self->team_row; }
AdwComboRow *_hel_new_family_dialog_get_primary_row (HelNewFamilyDialog *self) { return self->primary_row; }
AdwComboRow *_hel_new_family_dialog_get_secondary_row (HelNewFamilyDialog *self) { return self->secondary_row; }
GtkWidget *_hel_new_family_dialog_get_create_button (HelNewFamilyDialog *self) { return self->create_button; }
GtkLabel *_hel_new_family_dialog_get_error_label (HelNewFamilyDialog *self) { return self->error_label; }

gboolean
_hel_new_family_dialog_validate (HelNewFamilyDialog *self)
{
  g_autoptr(HelFamily) family = build_family (self, TRUE);

  return family != NULL;
}

static void
hel_new_family_dialog_dispose (GObject *object)
{
  HelNewFamilyDialog *self = HEL_NEW_FAMILY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_NEW_FAMILY_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hel_new_family_dialog_parent_class)->dispose (object);
}

static void
hel_new_family_dialog_class_init (HelNewFamilyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_new_family_dialog_dispose;

  signals[FAMILY_CREATED] =
    g_signal_new ("family-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hel-new-family-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HelNewFamilyDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HelNewFamilyDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HelNewFamilyDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, HelNewFamilyDialog, primary_row);
  gtk_widget_class_bind_template_child (widget_class, HelNewFamilyDialog, secondary_row);
  gtk_widget_class_bind_template_child (widget_class, HelNewFamilyDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, HelNewFamilyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HelNewFamilyDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
watch_focus (HelNewFamilyDialog *self,
             GtkWidget          *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (row, focus);
}

static void
focus_name_cb (HelNewFamilyDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
hel_new_family_dialog_init (HelNewFamilyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  watch_focus (self, GTK_WIDGET (self->name_row));
  watch_focus (self, GTK_WIDGET (self->start_row));
  /* Ctrl+N, then type the name: the name field has the focus when the dialog opens (once it
   * is shown: focus set earlier keeps GTK 4.8 from announcing the window to screen readers). */
  g_signal_connect (self, "map", G_CALLBACK (focus_name_cb), NULL);
  g_signal_connect_swapped (self->primary_row, "notify::selected", G_CALLBACK (row_changed_cb), self);
  g_signal_connect_swapped (self->secondary_row, "notify::selected", G_CALLBACK (row_changed_cb), self);
}
