/* hel-member-editor.c: add a family member, or edit one with every field saved as applied. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-field-error.h"
#include "hel-member-editor-private.h"
#include "hel-validate.h"

struct _HelMemberEditor
{
  AdwWindow        parent_instance;

  HelStore        *store;
  /* The member as stored; NULL until a new member is added. Edits go through copies of it. */
  HelMember       *member;
  gint64           family_id;
  /* Set while the rows are filled from the member, so their signals do not save. */
  guint            loading : 1;
  /* A close with unsaved, invalid input was refused once; the next close discards it. */
  guint            close_refused : 1;

  AdwHeaderBar    *header_bar;
  GtkWidget       *cancel_button;
  GtkWidget       *add_button;
  AdwToastOverlay *toast_overlay;
  AdwComboRow     *role_row;
  AdwEntryRow     *first_name_row;
  AdwEntryRow     *last_name_row;
  AdwComboRow     *gender_row;
  AdwActionRow    *household_row;
  GtkSwitch       *household_switch;
  GtkLabel        *person_error_label;
  AdwEntryRow     *birth_row;
  AdwEntryRow     *cpr_row;
  GtkToggleButton *cpr_reveal_button;
  GtkLabel        *birth_error_label;
  GtkWidget       *income_group;
  GtkListBox      *income_list;
  AdwExpanderRow  *income_add_expander;
  AdwComboRow     *income_kind_row;
  AdwEntryRow     *income_start_row;
  GtkWidget       *income_add_button;
  GtkLabel        *income_error_label;
};

G_DEFINE_FINAL_TYPE (HelMemberEditor, hel_member_editor, ADW_TYPE_WINDOW)

static gboolean
is_new (HelMemberEditor *self)
{
  return self->member == NULL;
}

static char *
row_text (gpointer row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_text (HelMemberEditor *self,
              gpointer         row,
              const char      *text)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  self->loading = was_loading;
}

/* AdwEntryRow keeps its apply button after a save on focus-out; toggling the property is the
 * only way libadwaita 1.2 offers to hide it again. */
static void
reset_apply_button (AdwEntryRow *row)
{
  if (adw_entry_row_get_show_apply_button (row))
    {
      adw_entry_row_set_show_apply_button (row, FALSE);
      adw_entry_row_set_show_apply_button (row, TRUE);
    }
}

/* Errors */

static GtkLabel *
label_for (HelMemberEditor *self,
           GtkWidget       *row)
{
  if (row == GTK_WIDGET (self->birth_row) || row == GTK_WIDGET (self->cpr_row) ||
      row == GTK_WIDGET (self->birth_error_label))
    return self->birth_error_label;
  if (row == GTK_WIDGET (self->income_start_row) || row == GTK_WIDGET (self->income_kind_row) ||
      row == GTK_WIDGET (self->income_error_label) ||
      (row != NULL && gtk_widget_get_parent (row) == GTK_WIDGET (self->income_list)))
    return self->income_error_label;
  return self->person_error_label;
}

static void
update_error_labels (HelMemberEditor *self)
{
  hel_field_error_show (self->person_error_label,
                        GTK_WIDGET (self->role_row), GTK_WIDGET (self->first_name_row),
                        GTK_WIDGET (self->last_name_row), GTK_WIDGET (self->gender_row),
                        GTK_WIDGET (self->household_row), NULL);
  hel_field_error_show (self->birth_error_label,
                        GTK_WIDGET (self->birth_row), GTK_WIDGET (self->cpr_row), NULL);
  hel_field_error_show_children (self->income_error_label, GTK_WIDGET (self->income_list));
  if (hel_field_error_get (GTK_WIDGET (self->income_start_row)) != NULL)
    {
      /* The start row sits inside the expander, so it is not a child of the list. */
      g_autofree char *text = g_strdup (gtk_label_get_text (self->income_error_label));
      const char *message = hel_field_error_get (GTK_WIDGET (self->income_start_row));
      g_autofree char *joined = *text ? g_strconcat (text, "\n", message, NULL)
                                      : g_strdup (message);

      gtk_label_set_text (self->income_error_label, joined);
      gtk_widget_set_visible (GTK_WIDGET (self->income_error_label), TRUE);
    }
}

static void
set_error (HelMemberEditor *self,
           gpointer         row,
           const GError    *error)
{
  hel_field_error_set (GTK_WIDGET (row), error);
  update_error_labels (self);
}

/* Rows <-> member */

/* A child is a girl or a boy, not a woman or a man: the same values, other words. */
static void
update_gender_words (HelMemberEditor *self,
                     gboolean         child)
{
  GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (self->gender_row));
  const char *words[] = {
    child ? C_("gender", "Girl") : hel_gender_label (HEL_GENDER_FEMALE),
    child ? C_("gender", "Boy") : hel_gender_label (HEL_GENDER_MALE),
    NULL
  };
  guint selected;
  gboolean was_loading;

  if (list == NULL || g_strcmp0 (gtk_string_list_get_string (list, HEL_GENDER_FEMALE),
                                 words[0]) == 0)
    return;
  /* Replacing the words must not count as choosing another gender */
  selected = adw_combo_row_get_selected (self->gender_row);
  was_loading = self->loading;
  self->loading = TRUE;
  gtk_string_list_splice (list, HEL_GENDER_FEMALE, 2, words);
  adw_combo_row_set_selected (self->gender_row, selected);
  self->loading = was_loading;
}

static void
update_income_visibility (HelMemberEditor *self)
{
  HelRole role = (HelRole) adw_combo_row_get_selected (self->role_row);
  gboolean adult = role < HEL_N_ROLES && hel_role_is_adult (role);

  gtk_widget_set_visible (self->income_group, adult);
  update_gender_words (self, role < HEL_N_ROLES && !adult);
}

static void
remove_income_clicked_cb (GtkButton       *button,
                          HelMemberEditor *self);

static GtkWidget *
income_period_row_new (HelMemberEditor       *self,
                       const HelIncomePeriod *period,
                       gboolean               current)
{
  g_autofree char *since = hel_date_format (period->start_date);
  /* Translators: an income-support period, e.g. “Cash benefit since 01.03.2024” */
  g_autofree char *title = g_strdup_printf (_("%s since %s"),
                                            hel_income_kind_label ((HelIncomeKind) period->kind),
                                            since);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), title);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (current)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Current"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (button), "period",
                          hel_income_period_copy (period),
                          (GDestroyNotify) hel_income_period_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_income_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload_income (HelMemberEditor *self)
{
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (self->store == NULL)
    return;

  /* Everything but the "Add change…" expander is rebuilt. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->income_list))) != NULL &&
         child != GTK_WIDGET (self->income_add_expander))
    gtk_list_box_remove (self->income_list, child);

  if (is_new (self))
    return;

  periods = hel_store_list_income_periods (self->store, hel_member_get_id (self->member), &error);
  if (periods == NULL)
    {
      hel_field_error_set (GTK_WIDGET (self->income_error_label), error);
      update_error_labels (self);
      return;
    }

  if (periods->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No income support recorded"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_insert (self->income_list, row, 0);
    }

  /* Newest first: the first row is the current type. */
  for (guint i = 0; i < periods->len; i++)
    {
      const HelIncomePeriod *period = g_ptr_array_index (periods, periods->len - 1 - i);

      gtk_list_box_insert (self->income_list, income_period_row_new (self, period, i == 0),
                           (int) i);
    }
  update_error_labels (self);
}

static void
load_member (HelMemberEditor *self)
{
  HelMember *m = self->member;
  g_autofree char *birth = NULL;

  self->loading = TRUE;
  adw_combo_row_set_selected (self->role_row, hel_member_get_role (m));
  set_row_text (self, self->first_name_row, hel_member_get_first_name (m));
  set_row_text (self, self->last_name_row, hel_member_get_last_name (m));
  birth = hel_date_format (hel_member_get_birth_date (m));
  set_row_text (self, self->birth_row, birth);
  set_row_text (self, self->cpr_row, hel_member_get_cpr (m));
  adw_combo_row_set_selected (self->gender_row, hel_member_get_gender (m));
  gtk_switch_set_active (self->household_switch, hel_member_get_in_household (m));
  self->loading = FALSE;

  update_income_visibility (self);
  reload_income (self);
}

static void
update_mode (HelMemberEditor *self)
{
  gboolean new_member = is_new (self);
  AdwEntryRow *entries[] = { self->first_name_row, self->last_name_row, self->birth_row,
                             self->cpr_row };

  gtk_window_set_title (GTK_WINDOW (self), new_member ? _("New Family Member")
                                                      : _("Family Member"));
  gtk_widget_set_visible (self->cancel_button, new_member);
  gtk_widget_set_visible (self->add_button, new_member);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, !new_member);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, !new_member);
  gtk_window_set_default_widget (GTK_WINDOW (self), new_member ? self->add_button : NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      adw_entry_row_set_show_apply_button (entries[i], !new_member);
      adw_entry_row_set_activates_default (entries[i], new_member);
    }

  /* A new member's income support is entered once and written with the member. */
  gtk_widget_set_visible (self->income_add_button, !new_member);
  adw_entry_row_set_activates_default (self->income_start_row, new_member);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->income_add_expander),
                                 new_member ? _("Income support at the _start")
                                            : _("Add _change…"));
  adw_expander_row_set_subtitle (self->income_add_expander,
                                 new_member ? _("Optional") : "");
  if (new_member)
    adw_expander_row_set_expanded (self->income_add_expander, TRUE);
}

/* Validation of what was typed */

static gboolean
parse_birth (HelMemberEditor  *self,
             char            **iso_out,
             GError          **error)
{
  g_autofree char *text = row_text (self->birth_row);
  g_autofree char *iso = NULL;
  g_autofree char *today = hel_date_today ();

  *iso_out = NULL;
  if (*text == '\0')
    return TRUE;
  if (!hel_date_parse (text, &iso, error))
    return FALSE;
  if (hel_date_compare (iso, today) > 0)
    {
      g_set_error_literal (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                           _("A birth date cannot lie in the future."));
      return FALSE;
    }
  *iso_out = g_steal_pointer (&iso);
  return TRUE;
}

/* Checks the birth date and the CPR number together, marks what is wrong at its row, and
 * fills an empty birth date from the CPR number. NULL out-values mean “empty”. */
static gboolean
check_birth_and_cpr (HelMemberEditor  *self,
                     char            **birth_out,
                     char            **cpr_out)
{
  g_autoptr(GError) birth_error = NULL;
  g_autoptr(GError) cpr_error = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *cpr = NULL;
  g_autofree char *cpr_birth = NULL;
  g_autofree char *cpr_text = row_text (self->cpr_row);
  gboolean ok;

  ok = parse_birth (self, &birth, &birth_error);
  if (*cpr_text != '\0' && !hel_cpr_parse (cpr_text, &cpr, &cpr_birth, &cpr_error))
    ok = FALSE;
  if (ok && cpr != NULL && birth != NULL && g_strcmp0 (birth, cpr_birth) != 0)
    {
      g_set_error_literal (&cpr_error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_MISMATCH,
                           _("The CPR number does not fit the birth date. Correct one of them."));
      ok = FALSE;
    }
  if (ok && cpr != NULL && birth == NULL)
    {
      g_autofree char *today = hel_date_today ();

      if (hel_date_compare (cpr_birth, today) > 0)
        {
          g_set_error_literal (&cpr_error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                               _("This CPR number belongs to a birth date in the future."));
          ok = FALSE;
        }
      else
        birth = g_strdup (cpr_birth);
    }

  hel_field_error_set (GTK_WIDGET (self->birth_row), birth_error);
  hel_field_error_set (GTK_WIDGET (self->cpr_row), cpr_error);
  update_error_labels (self);
  if (!ok)
    return FALSE;

  *birth_out = g_steal_pointer (&birth);
  *cpr_out = g_steal_pointer (&cpr);
  return TRUE;
}

static void
show_birth_and_cpr (HelMemberEditor *self,
                    const char      *birth,
                    const char      *cpr)
{
  g_autofree char *shown = hel_date_format (birth);

  set_row_text (self, self->birth_row, shown);
  set_row_text (self, self->cpr_row, cpr);
}

/* Autosave of an existing member */

/* Saves @copy in place of the member; on failure the store's message shows at @row and the
 * typed text stays. */
static gboolean
commit (HelMemberEditor *self,
        HelMember       *copy,
        gpointer         row)
{
  g_autoptr(GError) error = NULL;

  if (!hel_store_save_member (self->store, copy, &error))
    {
      set_error (self, row, error);
      return FALSE;
    }
  g_set_object (&self->member, copy);
  set_error (self, row, NULL);
  return TRUE;
}

static gboolean
save_first_name (HelMemberEditor *self)
{
  g_autoptr(HelMember) copy = hel_member_copy (self->member);
  g_autofree char *text = row_text (self->first_name_row);

  hel_member_set_first_name (copy, text);
  if (!commit (self, copy, self->first_name_row))
    return FALSE;
  set_row_text (self, self->first_name_row, hel_member_get_first_name (self->member));
  return TRUE;
}

static gboolean
save_last_name (HelMemberEditor *self)
{
  g_autoptr(HelMember) copy = hel_member_copy (self->member);
  g_autofree char *text = row_text (self->last_name_row);

  hel_member_set_last_name (copy, *text ? text : NULL);
  if (!commit (self, copy, self->last_name_row))
    return FALSE;
  set_row_text (self, self->last_name_row, text);
  return TRUE;
}

static gboolean
save_birth_and_cpr (HelMemberEditor *self,
                    gpointer         applied_row)
{
  g_autoptr(HelMember) copy = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *cpr = NULL;

  if (!check_birth_and_cpr (self, &birth, &cpr))
    return FALSE;
  copy = hel_member_copy (self->member);
  hel_member_set_birth_date (copy, birth);
  hel_member_set_cpr (copy, cpr);
  if (!commit (self, copy, applied_row))
    return FALSE;
  show_birth_and_cpr (self, birth, cpr);
  reset_apply_button (self->birth_row);
  reset_apply_button (self->cpr_row);
  return TRUE;
}

static gboolean
row_is_dirty (HelMemberEditor *self,
              AdwEntryRow     *row)
{
  g_autofree char *text = row_text (row);
  g_autofree char *birth = NULL;
  const char *stored;

  if (row == self->first_name_row)
    stored = hel_member_get_first_name (self->member);
  else if (row == self->last_name_row)
    stored = hel_member_get_last_name (self->member);
  else if (row == self->cpr_row)
    stored = hel_member_get_cpr (self->member);
  else
    stored = birth = hel_date_format (hel_member_get_birth_date (self->member));
  return g_strcmp0 (text, stored ? stored : "") != 0;
}

static gboolean
save_row (HelMemberEditor *self,
          AdwEntryRow     *row)
{
  if (row == self->first_name_row)
    return save_first_name (self);
  if (row == self->last_name_row)
    return save_last_name (self);
  return save_birth_and_cpr (self, row);
}

static void
entry_apply_cb (AdwEntryRow     *row,
                HelMemberEditor *self)
{
  if (!is_new (self))
    save_row (self, row);
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      HelMemberEditor         *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  AdwEntryRow *row = ADW_ENTRY_ROW (widget);

  if (self->store == NULL || is_new (self) || self->loading)
    return;
  if (row_is_dirty (self, row) && save_row (self, row))
    reset_apply_button (row);
}

static void
entry_changed_cb (GtkEditable     *editable,
                  HelMemberEditor *self)
{
  if (self->loading)
    return;
  if (GTK_WIDGET (editable) == GTK_WIDGET (self->first_name_row))
    {
      g_autofree char *text = row_text (editable);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add", is_new (self) && *text);
    }
  self->close_refused = FALSE;
}

static void
role_selected_cb (HelMemberEditor *self)
{
  update_income_visibility (self);
  if (!self->loading && !is_new (self))
    {
      g_autoptr(HelMember) copy = hel_member_copy (self->member);

      hel_member_set_role (copy, (HelRole) adw_combo_row_get_selected (self->role_row));
      if (!commit (self, copy, self->role_row))
        {
          self->loading = TRUE;
          adw_combo_row_set_selected (self->role_row, hel_member_get_role (self->member));
          self->loading = FALSE;
          update_income_visibility (self);
        }
    }
}

static void
gender_selected_cb (HelMemberEditor *self)
{
  if (!self->loading && !is_new (self))
    {
      g_autoptr(HelMember) copy = hel_member_copy (self->member);

      hel_member_set_gender (copy, (HelGender) adw_combo_row_get_selected (self->gender_row));
      commit (self, copy, self->gender_row);
    }
}

static void
household_active_cb (HelMemberEditor *self)
{
  if (!self->loading && !is_new (self))
    {
      g_autoptr(HelMember) copy = hel_member_copy (self->member);

      hel_member_set_in_household (copy, gtk_switch_get_active (self->household_switch));
      commit (self, copy, self->household_row);
    }
}

/* Income support */

static gboolean
parse_income_start (HelMemberEditor  *self,
                    char            **iso_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = row_text (self->income_start_row);

  *iso_out = NULL;
  if (*text == '\0' && is_new (self))
    {
      set_error (self, self->income_start_row, NULL);
      return TRUE;
    }
  if (!hel_date_parse (text, iso_out, &error))
    {
      set_error (self, self->income_start_row, error);
      return FALSE;
    }
  set_error (self, self->income_start_row, NULL);
  return TRUE;
}

static gboolean
add_income_period (HelMemberEditor *self,
                   const char      *start_iso)
{
  g_autoptr(HelIncomePeriod) period = NULL;
  g_autoptr(GError) error = NULL;

  period = hel_income_period_new (hel_member_get_id (self->member),
                                  adw_combo_row_get_selected (self->income_kind_row), start_iso);
  if (!hel_store_add_income_period (self->store, period, &error))
    {
      set_error (self, self->income_start_row, error);
      return FALSE;
    }
  set_error (self, self->income_start_row, NULL);
  set_row_text (self, self->income_start_row, "");
  reload_income (self);
  return TRUE;
}

static void
add_income_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelMemberEditor *self = HEL_MEMBER_EDITOR (widget);
  g_autofree char *start = NULL;

  if (is_new (self) || !parse_income_start (self, &start))
    return;
  add_income_period (self, start);
}

static void
income_start_activated_cb (HelMemberEditor *self)
{
  if (!is_new (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-income", NULL);
}

static void
undo_remove_income_cb (AdwToast        *toast,
                       HelMemberEditor *self)
{
  HelIncomePeriod *period = g_object_get_data (G_OBJECT (toast), "period");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  period->id = 0;
  if (!hel_store_add_income_period (self->store, period, &error))
    hel_field_error_set (GTK_WIDGET (self->income_error_label), error);
  reload_income (self);
}

static void
remove_income_clicked_cb (GtkButton       *button,
                          HelMemberEditor *self)
{
  HelIncomePeriod *period = g_object_get_data (G_OBJECT (button), "period");
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!hel_store_delete_income_period (self->store, period->id, &error))
    {
      set_error (self, gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW), error);
      return;
    }

  since = hel_date_format (period->start_date);
  /* Translators: a toast after removing an income-support period */
  message = g_strdup_printf (_("Removed “%s since %s”"),
                             hel_income_kind_label ((HelIncomeKind) period->kind), since);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "period", hel_income_period_copy (period),
                          (GDestroyNotify) hel_income_period_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_income_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* The button goes away with its row; reload once the click has finished. */
  g_object_ref (self);
  g_idle_add_once ((GSourceOnceFunc) reload_income, self);
  g_idle_add_once ((GSourceOnceFunc) g_object_unref, self);
}

/* Adding a new member */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HelMemberEditor *self = HEL_MEMBER_EDITOR (widget);
  g_autoptr(HelMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = row_text (self->first_name_row);
  g_autofree char *last = row_text (self->last_name_row);
  g_autofree char *birth = NULL;
  g_autofree char *cpr = NULL;
  g_autofree char *income_start = NULL;
  HelRole role = (HelRole) adw_combo_row_get_selected (self->role_row);
  gboolean adult = hel_role_is_adult (role);
  gboolean ok;

  if (!is_new (self))
    return;

  ok = check_birth_and_cpr (self, &birth, &cpr);
  if (adult && !parse_income_start (self, &income_start))
    ok = FALSE;
  if (!ok)
    return;

  member = hel_member_new ();
  hel_member_set_family_id (member, self->family_id);
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, first);
  hel_member_set_last_name (member, *last ? last : NULL);
  hel_member_set_birth_date (member, birth);
  hel_member_set_cpr (member, cpr);
  hel_member_set_gender (member, (HelGender) adw_combo_row_get_selected (self->gender_row));
  hel_member_set_in_household (member, gtk_switch_get_active (self->household_switch));

  if (!hel_store_save_member (self->store, member, &error))
    {
      /* Nothing is written; the error belongs to the form as a whole unless it is the name. */
      if (g_error_matches (error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_EMPTY))
        set_error (self, self->first_name_row, error);
      else
        set_error (self, self->person_error_label, error);
      return;
    }

  self->member = g_steal_pointer (&member);
  if (income_start != NULL && !add_income_period (self, income_start))
    {
      /* The member exists now: stay open as its editor, with the income row still filled. */
      update_mode (self);
      reload_income (self);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing */

static gboolean
chain_close_request (GtkWindow *window)
{
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (hel_member_editor_parent_class);

  return parent_class->close_request ? parent_class->close_request (window) : FALSE;
}

static gboolean
hel_member_editor_close_request (GtkWindow *window)
{
  HelMemberEditor *self = HEL_MEMBER_EDITOR (window);
  AdwEntryRow *entries[] = { self->first_name_row, self->last_name_row, self->birth_row,
                             self->cpr_row };
  gboolean all_saved = TRUE;

  if (is_new (self) || self->store == NULL || self->close_refused)
    return chain_close_request (window);

  /* Text typed but not applied is saved on the way out, as on focus-out. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (row_is_dirty (self, entries[i]) && !save_row (self, entries[i]))
      all_saved = FALSE;

  if (!all_saved)
    {
      self->close_refused = TRUE;
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("A change was not saved. Correct the marked "
                                                    "field, or close again to discard it.")));
      return TRUE;
    }
  return chain_close_request (window);
}

/* GObject */

static void
fill_combo_rows (HelMemberEditor *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) genders = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint i = 0; i < HEL_N_ROLES; i++)
    gtk_string_list_append (roles, hel_role_label ((HelRole) i));
  for (guint i = 0; i < HEL_N_GENDERS; i++)
    gtk_string_list_append (genders, hel_gender_label ((HelGender) i));
  for (guint i = 0; i < HEL_N_INCOME_KINDS; i++)
    gtk_string_list_append (kinds, hel_income_kind_label ((HelIncomeKind) i));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_model (self->gender_row, G_LIST_MODEL (genders));
  adw_combo_row_set_model (self->income_kind_row, G_LIST_MODEL (kinds));
}

static void
hel_member_editor_dispose (GObject *object)
{
  HelMemberEditor *self = HEL_MEMBER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_MEMBER_EDITOR);
  g_clear_object (&self->member);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hel_member_editor_parent_class)->dispose (object);
}

static void
hel_member_editor_class_init (HelMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hel_member_editor_dispose;
  window_class->close_request = hel_member_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/helhed/Helhed/ui/hel-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, gender_row);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, household_row);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, household_switch);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, person_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, birth_row);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, cpr_row);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, cpr_reveal_button);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, birth_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, income_group);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, income_list);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, income_add_expander);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, income_kind_row);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, income_start_row);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, income_add_button);
  gtk_widget_class_bind_template_child (widget_class, HelMemberEditor, income_error_label);

  gtk_widget_class_install_action (widget_class, "editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "editor.add-income", NULL, add_income_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cpr_reveal_toggled_cb (HelMemberEditor *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->cpr_reveal_button);
  GtkWidget *button = GTK_WIDGET (self->cpr_reveal_button);

  gtk_text_set_visibility (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->cpr_row))),
                           shown);
  gtk_button_set_icon_name (GTK_BUTTON (button), shown ? "view-conceal-symbolic"
                                                       : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (button, shown ? _("Hide CPR Number") : _("Show CPR Number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shown ? _("Hide CPR number") : _("Show CPR number"), -1);
}

static void
hel_member_editor_init (HelMemberEditor *self)
{
  AdwEntryRow *entries[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_combo_rows (self);

  /* The CPR number is masked unless shown */
  gtk_text_set_visibility (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->cpr_row))),
                           FALSE);
  g_signal_connect_swapped (self->cpr_reveal_button, "toggled", G_CALLBACK (cpr_reveal_toggled_cb),
                            self);

  entries[0] = self->first_name_row;
  entries[1] = self->last_name_row;
  entries[2] = self->birth_row;
  entries[3] = self->cpr_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (entries[i]), focus);
      g_signal_connect (entries[i], "apply", G_CALLBACK (entry_apply_cb), self);
      g_signal_connect (entries[i], "changed", G_CALLBACK (entry_changed_cb), self);
    }
  g_signal_connect_swapped (self->role_row, "notify::selected",
                            G_CALLBACK (role_selected_cb), self);
  g_signal_connect_swapped (self->gender_row, "notify::selected",
                            G_CALLBACK (gender_selected_cb), self);
  g_signal_connect_swapped (self->household_switch, "notify::active",
                            G_CALLBACK (household_active_cb), self);
  g_signal_connect_swapped (self->income_start_row, "entry-activated",
                            G_CALLBACK (income_start_activated_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add", FALSE);
}

static void
focus_first_name_cb (HelMemberEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->first_name_row));
}

GtkWindow *
hel_member_editor_new (GtkWindow *parent,
                       HelStore  *store,
                       gint64     family_id,
                       HelMember *member)
{
  HelMemberEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEL_IS_STORE (store), NULL);
  g_return_val_if_fail (member == NULL || HEL_IS_MEMBER (member), NULL);

  self = g_object_new (HEL_TYPE_MEMBER_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->family_id = member ? hel_member_get_family_id (member) : family_id;
  if (member != NULL)
    {
      self->member = hel_member_copy (member);
      load_member (self);
    }
  else
    {
      self->loading = TRUE;
      adw_combo_row_set_selected (self->role_row, HEL_ROLE_MOTHER);
      self->loading = FALSE;
      update_income_visibility (self);
      /* A new member starts with a name to type (focused once shown: earlier keeps GTK 4.8
       * from announcing the window to screen readers) */
      g_signal_connect (self, "map", G_CALLBACK (focus_first_name_cb), NULL);
    }
  update_mode (self);
  return GTK_WINDOW (self);
}

/* For the tests */

AdwComboRow *
_hel_member_editor_get_role_row (HelMemberEditor *self)
{
  return self->role_row;
}

AdwEntryRow *
_hel_member_editor_get_first_name_row (HelMemberEditor *self)
{
  return self->first_name_row;
}

AdwEntryRow *
_hel_member_editor_get_last_name_row (HelMemberEditor *self)
{
  return self->last_name_row;
}

AdwEntryRow *
_hel_member_editor_get_birth_row (HelMemberEditor *self)
{
  return self->birth_row;
}

AdwEntryRow *
_hel_member_editor_get_cpr_row (HelMemberEditor *self)
{
  return self->cpr_row;
}

AdwComboRow *
_hel_member_editor_get_gender_row (HelMemberEditor *self)
{
  return self->gender_row;
}

GtkSwitch *
_hel_member_editor_get_household_switch (HelMemberEditor *self)
{
  return self->household_switch;
}

GtkWidget *
_hel_member_editor_get_income_group (HelMemberEditor *self)
{
  return self->income_group;
}

GtkListBox *
_hel_member_editor_get_income_list (HelMemberEditor *self)
{
  return self->income_list;
}

AdwComboRow *
_hel_member_editor_get_income_kind_row (HelMemberEditor *self)
{
  return self->income_kind_row;
}

AdwEntryRow *
_hel_member_editor_get_income_start_row (HelMemberEditor *self)
{
  return self->income_start_row;
}

GtkLabel *
_hel_member_editor_get_error_label (HelMemberEditor *self,
                                    GtkWidget       *row)
{
  return label_for (self, row);
}

HelMember *
_hel_member_editor_get_member (HelMemberEditor *self)
{
  return self->member;
}

GtkToggleButton *
_hel_member_editor_get_cpr_reveal_button (HelMemberEditor *self)
{
  return self->cpr_reveal_button;
}
