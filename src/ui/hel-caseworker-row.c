/* hel-caseworker-row.c: a caseworker's name, discipline, team and contact details, autosaved. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-caseworker-row.h"
#include "hel-field-error.h"

struct _HelCaseworkerRow
{
  AdwExpanderRow  parent_instance;

  HelStore       *store;
  HelCaseworker  *caseworker;  /* as stored; edits go through copies */
  GPtrArray      *teams;       /* HelTeam, in the order of the team row's items after "No team" */
  gboolean        loading;

  AdwEntryRow    *name_row;
  AdwComboRow    *discipline_row;
  AdwComboRow    *team_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  GtkWidget      *remove_button;
  GtkWidget      *error_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (HelCaseworkerRow, hel_caseworker_row, ADW_TYPE_EXPANDER_ROW)

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
is_busy (AdwEntryRow *row)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0 ||
         hel_field_error_get (GTK_WIDGET (row)) != NULL;
}

static void
set_row_text (HelCaseworkerRow *self,
              AdwEntryRow      *row,
              const char       *text)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  self->loading = was_loading;
}

static void
reset_apply_button (AdwEntryRow *row)
{
  /* libadwaita 1.2 has no call to hide the apply button after a save on focus-out. */
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static void
update_errors (HelCaseworkerRow *self)
{
  hel_field_error_show (self->error_label,
                        GTK_WIDGET (self->name_row), GTK_WIDGET (self->discipline_row),
                        GTK_WIDGET (self->team_row), GTK_WIDGET (self->phone_row),
                        GTK_WIDGET (self->email_row), NULL);
  gtk_widget_set_visible (self->error_row,
                          gtk_widget_get_visible (GTK_WIDGET (self->error_label)));
}

static const char *
team_name (HelCaseworkerRow *self,
           gint64            team_id)
{
  for (guint i = 0; self->teams != NULL && i < self->teams->len; i++)
    if (hel_team_get_id (g_ptr_array_index (self->teams, i)) == team_id)
      return hel_team_get_name (g_ptr_array_index (self->teams, i));
  return NULL;
}

static void
update_header (HelCaseworkerRow *self)
{
  HelCaseworker *cw = self->caseworker;
  const char *discipline = hel_discipline_label (hel_caseworker_get_discipline (cw));
  const char *team = team_name (self, hel_caseworker_get_team_id (cw));
  g_autofree char *subtitle = NULL;

  /* Translators: a caseworker's discipline and team, e.g. “Job centre · Team East” */
  subtitle = team ? g_strdup_printf (_("%s · %s"), discipline, team) : g_strdup (discipline);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), hel_caseworker_get_name (cw));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static guint
team_position (HelCaseworkerRow *self)
{
  gint64 team_id = hel_caseworker_get_team_id (self->caseworker);

  for (guint i = 0; self->teams != NULL && i < self->teams->len; i++)
    if (hel_team_get_id (g_ptr_array_index (self->teams, i)) == team_id)
      return i + 1;
  return 0;
}

static void
load (HelCaseworkerRow *self)
{
  HelCaseworker *cw = self->caseworker;

  self->loading = TRUE;
  if (!is_busy (self->name_row))
    set_row_text (self, self->name_row, hel_caseworker_get_name (cw));
  if (!is_busy (self->phone_row))
    set_row_text (self, self->phone_row, hel_caseworker_get_phone (cw));
  if (!is_busy (self->email_row))
    set_row_text (self, self->email_row, hel_caseworker_get_email (cw));
  adw_combo_row_set_selected (self->discipline_row, hel_caseworker_get_discipline (cw));
  adw_combo_row_set_selected (self->team_row, team_position (self));
  self->loading = FALSE;
  update_header (self);
}

static gboolean
commit (HelCaseworkerRow *self,
        HelCaseworker    *copy,
        gpointer          row)
{
  g_autoptr(GError) error = NULL;

  if (!hel_store_save_caseworker (self->store, copy, &error))
    {
      hel_field_error_set (GTK_WIDGET (row), error);
      update_errors (self);
      return FALSE;
    }
  g_set_object (&self->caseworker, copy);
  hel_field_error_set (GTK_WIDGET (row), NULL);
  update_errors (self);
  update_header (self);
  return TRUE;
}

static gboolean
save_entry (HelCaseworkerRow *self,
            AdwEntryRow      *row)
{
  g_autoptr(HelCaseworker) copy = hel_caseworker_copy (self->caseworker);
  g_autofree char *text = row_text (row);

  if (row == self->name_row)
    hel_caseworker_set_name (copy, text);
  else if (row == self->phone_row)
    hel_caseworker_set_phone (copy, *text ? text : NULL);
  else
    hel_caseworker_set_email (copy, *text ? text : NULL);
  if (!commit (self, copy, row))
    return FALSE;
  set_row_text (self, row, text);
  return TRUE;
}

static const char *
stored_text (HelCaseworkerRow *self,
             AdwEntryRow      *row)
{
  const char *s;

  if (row == self->name_row)
    s = hel_caseworker_get_name (self->caseworker);
  else if (row == self->phone_row)
    s = hel_caseworker_get_phone (self->caseworker);
  else
    s = hel_caseworker_get_email (self->caseworker);
  return s ? s : "";
}

static void
entry_apply_cb (AdwEntryRow      *row,
                HelCaseworkerRow *self)
{
  save_entry (self, row);
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      HelCaseworkerRow        *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  AdwEntryRow *row = ADW_ENTRY_ROW (widget);
  g_autofree char *text = NULL;

  if (self->store == NULL || self->loading)
    return;
  text = row_text (row);
  if (g_strcmp0 (text, stored_text (self, row)) != 0 && save_entry (self, row))
    reset_apply_button (row);
}

static void
discipline_selected_cb (HelCaseworkerRow *self)
{
  g_autoptr(HelCaseworker) copy = NULL;

  if (self->loading)
    return;
  copy = hel_caseworker_copy (self->caseworker);
  hel_caseworker_set_discipline (copy, adw_combo_row_get_selected (self->discipline_row));
  commit (self, copy, self->discipline_row);
}

static void
team_selected_cb (HelCaseworkerRow *self)
{
  g_autoptr(HelCaseworker) copy = NULL;
  guint pos;

  if (self->loading)
    return;
  pos = adw_combo_row_get_selected (self->team_row);
  copy = hel_caseworker_copy (self->caseworker);
  if (pos == 0 || self->teams == NULL || pos > self->teams->len)
    hel_caseworker_set_team_id (copy, 0);
  else
    hel_caseworker_set_team_id (copy, hel_team_get_id (g_ptr_array_index (self->teams, pos - 1)));
  commit (self, copy, self->team_row);
}

static void
remove_clicked_cb (HelCaseworkerRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static AdwEntryRow *
add_entry (HelCaseworkerRow *self,
           const char       *title,
           GtkInputPurpose   purpose)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), purpose);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
  gtk_widget_add_controller (row, focus);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return ADW_ENTRY_ROW (row);
}

static void
hel_caseworker_row_dispose (GObject *object)
{
  HelCaseworkerRow *self = HEL_CASEWORKER_ROW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->caseworker);
  g_clear_pointer (&self->teams, g_ptr_array_unref);

  G_OBJECT_CLASS (hel_caseworker_row_parent_class)->dispose (object);
}

static void
hel_caseworker_row_class_init (HelCaseworkerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hel_caseworker_row_dispose;

  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hel_caseworker_row_init (HelCaseworkerRow *self)
{
  g_autoptr(GtkStringList) disciplines = gtk_string_list_new (NULL);
  GtkWidget *box;

  /* Names are data, not markup: “Hansen & Co” must show as typed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  self->name_row = add_entry (self, _("_Name"), GTK_INPUT_PURPOSE_NAME);

  for (guint i = 0; i < HEL_N_DISCIPLINES; i++)
    gtk_string_list_append (disciplines, hel_discipline_label ((HelDiscipline) i));
  self->discipline_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->discipline_row), _("_Discipline"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->discipline_row), TRUE);
  adw_combo_row_set_model (self->discipline_row, G_LIST_MODEL (disciplines));
  g_signal_connect_swapped (self->discipline_row, "notify::selected",
                            G_CALLBACK (discipline_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->discipline_row));

  self->team_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->team_row), _("_Team"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->team_row), TRUE);
  g_signal_connect_swapped (self->team_row, "notify::selected",
                            G_CALLBACK (team_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->team_row));

  self->phone_row = add_entry (self, _("_Phone"), GTK_INPUT_PURPOSE_PHONE);
  self->email_row = add_entry (self, _("_Email"), GTK_INPUT_PURPOSE_EMAIL);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_wrap_mode (self->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 9);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 9);
  self->error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->error_row), FALSE);
  gtk_widget_set_focusable (self->error_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->error_row), GTK_WIDGET (self->error_label));
  gtk_widget_set_visible (self->error_row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->error_row);

  self->remove_button = gtk_button_new_with_mnemonic (_("_Remove Caseworker…"));
  gtk_widget_add_css_class (self->remove_button, "destructive-action");
  gtk_widget_set_halign (self->remove_button, GTK_ALIGN_END);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  box = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (box), FALSE);
  gtk_widget_set_focusable (box, FALSE);
  gtk_widget_set_margin_top (self->remove_button, 9);
  gtk_widget_set_margin_bottom (self->remove_button, 9);
  gtk_widget_set_margin_end (self->remove_button, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (box), self->remove_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), box);
}

GtkWidget *
hel_caseworker_row_new (HelStore      *store,
                        HelCaseworker *caseworker,
                        GPtrArray     *teams)
{
  HelCaseworkerRow *self;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);
  g_return_val_if_fail (HEL_IS_CASEWORKER (caseworker), NULL);

  self = g_object_new (HEL_TYPE_CASEWORKER_ROW, NULL);
  self->store = g_object_ref (store);
  self->caseworker = hel_caseworker_copy (caseworker);
  hel_caseworker_row_set_teams (self, teams);
  load (self);
  return GTK_WIDGET (self);
}

gint64
hel_caseworker_row_get_id (HelCaseworkerRow *self)
{
  g_return_val_if_fail (HEL_IS_CASEWORKER_ROW (self), 0);

  return hel_caseworker_get_id (self->caseworker);
}

HelCaseworker *
hel_caseworker_row_get_caseworker (HelCaseworkerRow *self)
{
  g_return_val_if_fail (HEL_IS_CASEWORKER_ROW (self), NULL);

  return self->caseworker;
}

void
hel_caseworker_row_set_caseworker (HelCaseworkerRow *self,
                                   HelCaseworker    *caseworker)
{
  g_return_if_fail (HEL_IS_CASEWORKER_ROW (self));
  g_return_if_fail (HEL_IS_CASEWORKER (caseworker));

  g_clear_object (&self->caseworker);
  self->caseworker = hel_caseworker_copy (caseworker);
  load (self);
}

static gboolean
same_team_names (GListModel *model,
                 GPtrArray  *teams)
{
  guint n = teams ? teams->len : 0;

  if (model == NULL || g_list_model_get_n_items (model) != n + 1)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *shown = gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1);

      if (g_strcmp0 (shown, hel_team_get_name (g_ptr_array_index (teams, i))) != 0)
        return FALSE;
    }
  return TRUE;
}

void
hel_caseworker_row_set_teams (HelCaseworkerRow *self,
                              GPtrArray        *teams)
{
  g_return_if_fail (HEL_IS_CASEWORKER_ROW (self));

  g_clear_pointer (&self->teams, g_ptr_array_unref);
  self->teams = teams ? g_ptr_array_ref (teams) : NULL;

  self->loading = TRUE;
  /* Replacing the model of an open or just-changed combo row is disruptive; only do it when
   * the list of names really changed. */
  if (!same_team_names (adw_combo_row_get_model (self->team_row), teams))
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      gtk_string_list_append (names, _("No team"));
      for (guint i = 0; teams != NULL && i < teams->len; i++)
        gtk_string_list_append (names, hel_team_get_name (g_ptr_array_index (teams, i)));
      adw_combo_row_set_model (self->team_row, G_LIST_MODEL (names));
    }
  if (self->caseworker != NULL)
    adw_combo_row_set_selected (self->team_row, team_position (self));
  self->loading = FALSE;
  if (self->caseworker != NULL)
    update_header (self);
}

AdwEntryRow *
_hel_caseworker_row_get_name_row (HelCaseworkerRow *self)
{
  return self->name_row;
}

AdwComboRow *
_hel_caseworker_row_get_discipline_row (HelCaseworkerRow *self)
{
  return self->discipline_row;
}

AdwComboRow *
_hel_caseworker_row_get_team_row (HelCaseworkerRow *self)
{
  return self->team_row;
}

AdwEntryRow *
_hel_caseworker_row_get_phone_row (HelCaseworkerRow *self)
{
  return self->phone_row;
}

AdwEntryRow *
_hel_caseworker_row_get_email_row (HelCaseworkerRow *self)
{
  return self->email_row;
}

GtkButton *
_hel_caseworker_row_get_remove_button (HelCaseworkerRow *self)
{
  return GTK_BUTTON (self->remove_button);
}

GtkLabel *
_hel_caseworker_row_get_error_label (HelCaseworkerRow *self)
{
  return self->error_label;
}
