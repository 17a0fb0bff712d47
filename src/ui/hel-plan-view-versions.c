/* hel-plan-view-versions.c: the plan view saves a dated version and opens the saved ones. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-plan-versions-window.h"
#include "hel-plan-view-private.h"

static void
version_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HelPlanView      *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *participants = NULL;

  if (g_str_equal (response, "save"))
    {
      participants = g_strstrip (g_strdup (gtk_editable_get_text (self->version_entry)));
      if (hel_store_save_plan_version (self->store, self->family_id, participants, &error) > 0)
        _hel_plan_view_toast (self, _("Version saved"), FALSE);
      else
        _hel_plan_view_error_toast (self, error);
    }
  self->version_dialog = NULL;
  self->version_entry = NULL;
}

static void
version_entry_activate_cb (GtkEntry         *entry,
                           AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "save");
}

void
_hel_plan_view_save_version_action_cb (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  HelPlanView *self = HEL_PLAN_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  if (self->version_dialog != NULL)
    return;
  _hel_plan_view_flush (self);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save a Version"),
                                   _("The plan is stamped with today’s date and who took part, "
                                     "for example after the meeting with the family. "
                                     "Saved versions cannot be changed."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  _("e.g. Maja, Jonna (jobcenter), Frede (familiegruppe)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who took part?"), -1);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *label = gtk_label_new (_("Who took part?"));

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "heading");
    gtk_box_append (GTK_BOX (box), label);
    gtk_box_append (GTK_BOX (box), entry);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "activate", G_CALLBACK (version_entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (version_response_cb), self, 0);
  self->version_dialog = ADW_MESSAGE_DIALOG (dialog);
  self->version_entry = GTK_EDITABLE (entry);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_hel_plan_view_versions_action_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  HelPlanView *self = HEL_PLAN_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window;

  _hel_plan_view_flush (self);
  window = hel_plan_versions_window_new (self->store, self->family_id);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (window));
}

AdwMessageDialog *
_hel_plan_view_get_version_dialog (HelPlanView *self)
{
  return self->version_dialog;
}

GtkEditable *
_hel_plan_view_get_version_entry (HelPlanView *self)
{
  return self->version_entry;
}
