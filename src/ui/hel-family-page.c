/* hel-family-page.c: the overview of one family; every change is saved as it is made. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hel-end-family-dialog.h"
#include "hel-family-page-private.h"
#include "hel-member-editor.h"
#include "hel-netmap-page.h"
#include "hel-plan-view.h"
#include "hel-progress-family-page.h"
#include "hel-store-plan.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

/* The text a row showed when it was last filled from the store; a row whose text differs
 * holds something the person typed, and a reload must not overwrite it. */
#define SHOWN_KEY "hel-shown-text"
#define MEMBER_ID_KEY "hel-member-id"
/* Who gets a removed member's goals and steps: a member id, 0 = nobody; unset = not asked. */
#define REASSIGN_KEY "hel-reassign-to"

struct _HelFamilyPage
{
  GtkWidget       parent_instance;

  HelStore       *store;
  HelFamily      *family;         /* as last read from the store */
  gint64          family_id;
  GHashTable     *pending_removals; /* member id -> AdwToast */
  gboolean        loading;
  gboolean        folded;
  gboolean        lists_stale;    /* the combo rows need the teams/caseworkers read again */

  GtkStack       *stack;
  GtkRevealer    *back_revealer;
  GtkLabel       *header_label;
  GtkLabel       *family_title;
  GtkLabel       *family_title_above;  /* the same, where the sections do not leave room */
  AdwViewStack   *sections;
  /* The sections after the overview hold a placeholder until first shown (with a store). */
  GtkWidget      *plan_bin;
  GtkWidget      *netmap_bin;
  GtkWidget      *measurements_bin;
  GtkWidget      *plan_view;          /* NULL until the section is first shown */
  GtkWidget      *netmap_page;        /* NULL until the section is first shown */
  GtkWidget      *measurements_page;  /* NULL until the section is first shown */
  AdwEntryRow    *name_row;
  AdwComboRow    *team_row;
  AdwComboRow    *primary_row;
  AdwComboRow    *secondary_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *consent_row;
  GtkLabel       *family_error_label;
  AdwActionRow   *status_row;
  GtkWidget      *end_button;
  GtkWidget      *reopen_button;
  GtkLabel       *participation_error_label;
  GtkListBox     *members_box;
};

G_DEFINE_FINAL_TYPE (HelFamilyPage, hel_family_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FAMILY_ID,
  PROP_FOLDED,
  PROP_SECTION,
  N_PROPS
};

enum {
  ERASE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void reload (HelFamilyPage *self);

static void
set_title (HelFamilyPage *self,
           const char    *name)
{
  gtk_label_set_text (self->header_label, name);
  gtk_label_set_text (self->family_title, name);
  gtk_label_set_text (self->family_title_above, name);
}

static AdwToastOverlay *
find_toast_overlay (HelFamilyPage *self)
{
  return (AdwToastOverlay *) gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
}

static GtkWindow *
get_parent_window (HelFamilyPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
family_is_ended (HelFamily *family)
{
  const char *end = hel_family_get_end_date (family);

  return end != NULL && *end != '\0';
}

/* Entry rows */

static void
entry_set_shown (AdwEntryRow *row,
                 const char  *text)
{
  g_object_set_data_full (G_OBJECT (row), SHOWN_KEY, g_strdup (text != NULL ? text : ""), g_free);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static gboolean
entry_is_dirty (AdwEntryRow *row)
{
  const char *shown = g_object_get_data (G_OBJECT (row), SHOWN_KEY);

  return g_strcmp0 (shown != NULL ? shown : "", gtk_editable_get_text (GTK_EDITABLE (row))) != 0;
}

static void
entry_fill (AdwEntryRow *row,
            const char  *text)
{
  /* Never throw away what the person typed and has not applied yet (or could not save). */
  if (!entry_is_dirty (row))
    entry_set_shown (row, text);
}

static void
entry_fill_date (AdwEntryRow *row,
                 const char  *iso)
{
  g_autofree char *text = iso != NULL && *iso != '\0' ? hel_date_format (iso) : g_strdup ("");

  entry_fill (row, text);
}

static void
show_family_error (HelFamilyPage *self,
                   GtkWidget     *row,
                   const GError  *error)
{
  hel_ui_row_set_error (row, self->family_error_label, error != NULL ? error->message : NULL);
}

static gboolean
family_rows_have_error (HelFamilyPage *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->team_row), GTK_WIDGET (self->primary_row),
    GTK_WIDGET (self->secondary_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->consent_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (gtk_widget_has_css_class (rows[i], "error"))
      return TRUE;
  return FALSE;
}

/* Writes a changed copy of the family. On failure the row keeps its text and shows why. */
static gboolean
save_family (HelFamilyPage *self,
             HelFamily     *copy,
             GtkWidget     *row,
             GtkLabel      *error_label)
{
  g_autoptr(GError) error = NULL;

  if (!hel_store_save_family (self->store, copy, &error))
    {
      hel_ui_row_set_error (row, error_label, error->message);
      return FALSE;
    }
  hel_ui_row_set_error (row, NULL, NULL);
  /* The message under the group stays while another row there still waits for a fix. */
  if (error_label != self->family_error_label || !family_rows_have_error (self))
    hel_ui_row_set_error (NULL, error_label, NULL);
  return TRUE;
}

static void
commit_entry (HelFamilyPage *self,
              AdwEntryRow   *row)
{
  g_autoptr(HelFamily) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->family == NULL || self->store == NULL || self->loading)
    return;

  copy = hel_family_copy (self->family);
  if (row == self->name_row)
    hel_family_set_name (copy, text);
  else if (row == self->start_row)
    {
      if (!hel_ui_parse_date (text, TRUE, &iso, &error))
        {
          show_family_error (self, GTK_WIDGET (row), error);
          return;
        }
      hel_family_set_start_date (copy, iso);
    }
  else if (row == self->consent_row)
    {
      if (!hel_ui_parse_date (text, FALSE, &iso, &error))
        {
          show_family_error (self, GTK_WIDGET (row), error);
          return;
        }
      hel_family_set_consent_date (copy, iso);
    }
  else
    g_assert_not_reached ();

  /* The store's "changed" reloads the page during the save but leaves this row alone, as it
   * still differs from what was shown; now the saved (maybe reformatted) value replaces it. */
  if (save_family (self, copy, GTK_WIDGET (row), self->family_error_label))
    {
      g_autofree char *shown = NULL;

      if (row == self->name_row)
        shown = g_strdup (hel_family_get_name (copy));
      else
        shown = iso != NULL ? hel_date_format (iso) : g_strdup ("");
      entry_set_shown (row, shown);
      set_title (self, hel_family_get_name (copy));
    }
}

static void
entry_apply_cb (HelFamilyPage *self,
                AdwEntryRow   *row)
{
  commit_entry (self, row);
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      HelFamilyPage           *self)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (entry_is_dirty (row))
    commit_entry (self, row);
}

static void
combo_selected_cb (HelFamilyPage *self,
                   GParamSpec    *pspec,
                   AdwComboRow   *row)
{
  g_autoptr(HelFamily) copy = NULL;
  gint64 id;

  if (self->family == NULL || self->store == NULL || self->loading)
    return;

  id = hel_ui_combo_get_id (row);
  copy = hel_family_copy (self->family);
  if (row == self->team_row)
    hel_family_set_team_id (copy, id);
  else if (row == self->primary_row)
    hel_family_set_primary_caseworker_id (copy, id);
  else if (row == self->secondary_row)
    hel_family_set_secondary_caseworker_id (copy, id);
  else
    g_assert_not_reached ();

  /* On failure the combo keeps the person's choice; the message says what to change. */
  if (save_family (self, copy, GTK_WIDGET (row), self->family_error_label))
    {
      /* A valid pair of caseworkers clears the mark on the other row as well. */
      hel_ui_row_set_error (GTK_WIDGET (self->primary_row), NULL, NULL);
      hel_ui_row_set_error (GTK_WIDGET (self->secondary_row), NULL, NULL);
      if (!family_rows_have_error (self))
        hel_ui_row_set_error (NULL, self->family_error_label, NULL);
    }
}

/* Members */

static char *
describe_member (HelMember *member)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  HelRole role = hel_member_get_role (member);
  const char *birth = hel_member_get_birth_date (member);
  g_autofree char *today = hel_date_today ();
  char *result;

  g_ptr_array_add (parts, g_strdup (hel_role_label (role)));
  if (birth != NULL && *birth != '\0')
    {
      int age = hel_date_age_years (birth, today);

      if (age >= 0)
        g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d year", "%d years", age), age));
    }
  if (hel_role_is_adult (role))
    g_ptr_array_add (parts, g_strdup (hel_income_kind_label (hel_member_get_income_kind (member))));
  if (!hel_member_get_in_household (member))
    g_ptr_array_add (parts, g_strdup (_("lives elsewhere")));
  g_ptr_array_add (parts, NULL);
  result = g_strjoinv (" · ", (char **) parts->pdata);
  g_ptr_array_unref (parts);
  return result;
}

static char *
member_full_name (HelMember *member)
{
  return g_strstrip (g_strdup_printf ("%s %s",
                                      hel_member_get_first_name (member) ?: "",
                                      hel_member_get_last_name (member) ?: ""));
}

static void
open_member_editor (HelFamilyPage *self,
                    HelMember     *member)
{
  GtkWindow *editor;

  if (self->store == NULL || self->family_id <= 0)
    return;
  editor = hel_member_editor_new (get_parent_window (self), self->store, self->family_id, member);
  gtk_window_present (editor);
}

static void
member_row_activated_cb (HelFamilyPage *self,
                         GtkListBoxRow *row)
{
  gint64 *idp = g_object_get_data (G_OBJECT (row), MEMBER_ID_KEY);
  g_autoptr(HelMember) member = NULL;
  g_autoptr(GError) error = NULL;

  if (idp == NULL)
    {
      open_member_editor (self, NULL);   /* the "Add member" row */
      return;
    }
  if ((member = hel_store_get_member (self->store, *idp, &error)) == NULL)
    {
      AdwToastOverlay *overlay = find_toast_overlay (self);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (overlay, adw_toast_new (error->message));
      return;
    }
  open_member_editor (self, member);
}

static gboolean
remove_member_now (HelFamilyPage *self,
                   gint64         member_id,
                   gint64         reassign_to,
                   GError       **error)
{
  /* Handing over the goals and removing the member is one change: both or neither. */
  if (!hel_store_begin (self->store, error))
    return FALSE;
  if ((reassign_to >= 0 &&
       !hel_store_reassign_member_plan_items (self->store, member_id, reassign_to, error)) ||
      !hel_store_delete_member (self->store, member_id, error))
    {
      hel_store_rollback (self->store);
      return FALSE;
    }
  return hel_store_commit (self->store, error);
}

static void
removal_finish (HelFamilyPage *self,
                gint64         member_id,
                gint64         reassign_to)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !remove_member_now (self, member_id, reassign_to, &error))
    {
      AdwToastOverlay *overlay = find_toast_overlay (self);

      g_warning ("Could not remove member %" G_GINT64_FORMAT ": %s", member_id, error->message);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (overlay, adw_toast_new (error->message));
      reload (self);
    }
}

static void
removal_toast_dismissed_cb (AdwToast      *toast,
                            HelFamilyPage *self)
{
  gint64 member_id = *(gint64 *) g_object_get_data (G_OBJECT (toast), MEMBER_ID_KEY);
  gint64 *reassign = g_object_get_data (G_OBJECT (toast), REASSIGN_KEY);
  gint64 reassign_to = reassign ? *reassign : -1;

  g_signal_handlers_disconnect_by_data (toast, self);
  if (g_hash_table_remove (self->pending_removals, &member_id))
    removal_finish (self, member_id, reassign_to);
}

static void
removal_toast_undo_cb (AdwToast      *toast,
                       HelFamilyPage *self)
{
  gint64 member_id = *(gint64 *) g_object_get_data (G_OBJECT (toast), MEMBER_ID_KEY);
  GtkWidget *row;

  g_signal_handlers_disconnect_by_data (toast, self);
  g_hash_table_remove (self->pending_removals, &member_id);
  if ((row = _hel_family_page_get_member_row (self, member_id)) != NULL)
    gtk_widget_set_visible (row, TRUE);
}

static void
start_removal (HelFamilyPage *self,
               GtkWidget     *row,
               gint64         member_id,
               gint64         reassign_to)
{
  AdwToastOverlay *overlay = find_toast_overlay (self);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      removal_finish (self, member_id, reassign_to);
      return;
    }

  /* The row goes at once; the member is deleted only when the toast leaves without Undo. */
  gtk_widget_set_visible (row, FALSE);
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("“%s” removed"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), MEMBER_ID_KEY,
                          g_memdup2 (&member_id, sizeof member_id), g_free);
  if (reassign_to >= 0)
    g_object_set_data_full (G_OBJECT (toast), REASSIGN_KEY,
                            g_memdup2 (&reassign_to, sizeof reassign_to), g_free);
  g_hash_table_insert (self->pending_removals, g_memdup2 (&member_id, sizeof member_id),
                       g_object_ref (toast));
  g_signal_connect (toast, "dismissed", G_CALLBACK (removal_toast_dismissed_cb), self);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (removal_toast_undo_cb), self);
  adw_toast_overlay_add_toast (overlay, toast);
}

typedef struct {
  HelFamilyPage *self;
  GtkWidget     *row;
  gint64         member_id;
  GArray        *candidates;   /* member ids; index 0 = nobody */
  GtkDropDown   *heir;
} RemovalQuestion;

static void
removal_question_free (RemovalQuestion *q)
{
  g_object_unref (q->self);
  g_object_unref (q->row);
  g_array_unref (q->candidates);
  g_free (q);
}

static void
removal_question_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              RemovalQuestion  *q)
{
  if (g_strcmp0 (response, "remove") == 0)
    {
      guint chosen = gtk_drop_down_get_selected (q->heir);
      gint64 heir = chosen < q->candidates->len ? g_array_index (q->candidates, gint64, chosen) : 0;
      start_removal (q->self, q->row, q->member_id, heir);
    }
  removal_question_free (q);
}

/* A member who owns goals or steps in the plan is not removed before someone decides who
 * takes them over: another member of the family, or nobody. */
static gboolean
ask_about_plan_items (HelFamilyPage *self,
                      GtkWidget     *row,
                      gint64         member_id)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *goals_text = NULL;
  g_autofree char *steps_text = NULL;
  RemovalQuestion *q;
  GtkWidget *dialog, *box, *label;
  const char *name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  guint n_subgoals = 0, n_steps = 0;

  if (!hel_store_count_member_plan_items (self->store, member_id, &n_subgoals, &n_steps, NULL) ||
      n_subgoals + n_steps == 0)
    return FALSE;

  q = g_new0 (RemovalQuestion, 1);
  q->self = g_object_ref (self);
  q->row = g_object_ref (row);
  q->member_id = member_id;
  q->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  names = gtk_string_list_new (NULL);
  g_array_append_val (q->candidates, (gint64) { 0 });
  gtk_string_list_append (names, _("Nobody: keep them without an owner"));
  members = hel_store_list_members (self->store, self->family_id, NULL);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      HelMember *m = members->pdata[i];
      gint64 id = hel_member_get_id (m);

      if (id == member_id || g_hash_table_contains (self->pending_removals, &id))
        continue;
      g_array_append_val (q->candidates, id);
      gtk_string_list_append (names, hel_member_get_first_name (m));
    }

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Remove %s?"), name);
  goals_text = g_strdup_printf (ngettext ("%u small goal", "%u small goals", n_subgoals), n_subgoals);
  steps_text = g_strdup_printf (ngettext ("%u step", "%u steps", n_steps), n_steps);
  /* Translators: “Maja owns 2 small goals and 1 step in the family plan. …” */
  body = g_strdup_printf (_("%s owns %s and %s in the family plan. Who should take them over?"),
                          name, goals_text, steps_text);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (_("Give the goals and steps to"));
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "dim-label");
  q->heir = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (q->heir), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Give the goals and steps to"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (q->heir));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (removal_question_response_cb), q);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
remove_member_clicked_cb (GtkButton     *button,
                          HelFamilyPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  gint64 member_id = *(gint64 *) g_object_get_data (G_OBJECT (row), MEMBER_ID_KEY);

  if (self->store != NULL && ask_about_plan_items (self, row, member_id))
    return;
  start_removal (self, row, member_id, -1);
}

static GtkWidget *
create_member_row (HelFamilyPage *self,
                   HelMember     *member)
{
  g_autofree char *name = member_full_name (member);
  g_autofree char *detail = describe_member (member);
  g_autofree char *remove_label = NULL;
  gint64 id = hel_member_get_id (member);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), MEMBER_ID_KEY, g_memdup2 (&id, sizeof id), g_free);

  /* Translators: %s is a person's name */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_widget_set_tooltip_text (remove, _("Remove member"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_member_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_widget_set_visible (row, !g_hash_table_contains (self->pending_removals, &id));
  return row;
}

static void
reload_members (HelFamilyPage *self)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GtkWidget *add_row;
  GtkWidget *add_icon;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_box))) != NULL)
    gtk_list_box_remove (self->members_box, child);

  if (self->store == NULL || self->family_id <= 0)
    return;
  if ((members = hel_store_list_members (self->store, self->family_id, &error)) == NULL)
    g_warning ("Could not list the members: %s", error->message);
  for (guint i = 0; members != NULL && i < members->len; i++)
    gtk_list_box_append (self->members_box, create_member_row (self, g_ptr_array_index (members, i)));

  add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("Add Member…"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (add_row), TRUE);
  add_icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add member"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (add_row), add_icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add_row), TRUE);
  gtk_list_box_append (self->members_box, add_row);
}

/* Loading */

static void
update_participation (HelFamilyPage *self)
{
  g_autofree char *start = hel_date_format (hel_family_get_start_date (self->family));
  g_autofree char *title = NULL;
  gboolean ended = family_is_ended (self->family);

  if (ended)
    {
      g_autofree char *end = hel_date_format (hel_family_get_end_date (self->family));

      /* Translators: "Ended 23.11.2026 — Moved" */
      title = g_strdup_printf (_("Ended %s — %s"), end,
                               hel_end_reason_label (hel_family_get_end_reason (self->family)));
      adw_action_row_set_subtitle (self->status_row, hel_family_get_end_note (self->family) ?: "");
    }
  else
    {
      /* Translators: "Active since 23.11.2026" */
      title = g_strdup_printf (_("Active since %s"), start);
      adw_action_row_set_subtitle (self->status_row, "");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  gtk_widget_set_visible (self->end_button, !ended);
  gtk_widget_set_visible (self->reopen_button, ended);
}

static void
reload (HelFamilyPage *self)
{
  g_autoptr(GError) error = NULL;
  HelFamily *family = NULL;

  if (self->store != NULL && self->family_id > 0)
    {
      family = hel_store_get_family (self->store, self->family_id, &error);
      if (family == NULL && !g_error_matches (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read family %" G_GINT64_FORMAT ": %s", self->family_id, error->message);
    }
  g_set_object (&self->family, family);
  g_clear_object (&family);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "family.end", self->family != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "family.reopen", self->family != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "family.erase", self->family != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "family.add-member", self->family != NULL);

  if (self->family == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->loading = TRUE;
  set_title (self, hel_family_get_name (self->family));
  entry_fill (self->name_row, hel_family_get_name (self->family));
  entry_fill_date (self->start_row, hel_family_get_start_date (self->family));
  entry_fill_date (self->consent_row, hel_family_get_consent_date (self->family));
  if (self->lists_stale)
    {
      /* Teams or caseworkers changed: new models. Setting a model while the row is still
       * announcing a selection would make it announce again, so this happens only here. */
      hel_ui_combo_fill_teams (self->team_row, self->store, TRUE, 0);
      hel_ui_combo_fill_caseworkers (self->primary_row, self->store, TRUE, 0);
      hel_ui_combo_fill_caseworkers (self->secondary_row, self->store, TRUE, 0);
      self->lists_stale = FALSE;
    }
  /* Combo rows with an error keep the person's choice until it can be saved. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->team_row), "error"))
    hel_ui_combo_set_id (self->team_row, hel_family_get_team_id (self->family));
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->primary_row), "error"))
    hel_ui_combo_set_id (self->primary_row, hel_family_get_primary_caseworker_id (self->family));
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->secondary_row), "error"))
    hel_ui_combo_set_id (self->secondary_row, hel_family_get_secondary_caseworker_id (self->family));
  update_participation (self);
  reload_members (self);
  self->loading = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "family");
}

static void
clear_errors (HelFamilyPage *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->team_row), GTK_WIDGET (self->primary_row),
    GTK_WIDGET (self->secondary_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->consent_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    hel_ui_row_set_error (rows[i], NULL, NULL);
  hel_ui_row_set_error (NULL, self->family_error_label, NULL);
  hel_ui_row_set_error (NULL, self->participation_error_label, NULL);
  entry_set_shown (self->name_row, "");
  entry_set_shown (self->start_row, "");
  entry_set_shown (self->consent_row, "");
}

static void
flush_removals (HelFamilyPage *self)
{
  g_autoptr(GList) ids = g_hash_table_get_keys (self->pending_removals);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      gint64 member_id = *(gint64 *) l->data;
      AdwToast *toast = g_hash_table_lookup (self->pending_removals, &member_id);
      gint64 *reassign = g_object_get_data (G_OBJECT (toast), REASSIGN_KEY);
      gint64 reassign_to = reassign ? *reassign : -1;

      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
      g_hash_table_remove (self->pending_removals, &member_id);
      removal_finish (self, member_id, reassign_to);
    }
}

void
hel_family_page_flush (HelFamilyPage *self)
{
  g_return_if_fail (HEL_IS_FAMILY_PAGE (self));

  if (self->family != NULL)
    {
      if (entry_is_dirty (self->name_row))
        commit_entry (self, self->name_row);
      if (entry_is_dirty (self->start_row))
        commit_entry (self, self->start_row);
      if (entry_is_dirty (self->consent_row))
        commit_entry (self, self->consent_row);
    }
  flush_removals (self);
}

static void
store_changed_cb (HelFamilyPage *self,
                  gint64         id,
                  HelStore      *store)
{
  if (self->family_id > 0)
    reload (self);
}

static void
store_lists_changed_cb (HelFamilyPage *self,
                        gint64         id,
                        HelStore      *store)
{
  self->lists_stale = TRUE;
  if (self->family_id > 0)
    reload (self);
}

/* Actions */

static void
end_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HelFamilyPage *self = HEL_FAMILY_PAGE (widget);
  GtkWindow *dialog;

  if (self->family == NULL)
    return;
  dialog = hel_end_family_dialog_new (get_parent_window (self), self->store, self->family);
  gtk_window_present (dialog);
}

static void
reopen_undo_cb (AdwToast *toast,
                gpointer  user_data)
{
  HelStore *store = g_object_get_data (G_OBJECT (toast), "hel-store");
  HelFamily *before = g_object_get_data (G_OBJECT (toast), "hel-family");
  g_autoptr(HelFamily) current = NULL;
  g_autoptr(GError) error = NULL;

  /* Put the ending back onto the family as it is now, so other edits survive the undo. */
  current = hel_store_get_family (store, hel_family_get_id (before), &error);
  if (current != NULL)
    {
      hel_family_set_end_date (current, hel_family_get_end_date (before));
      hel_family_set_end_reason (current, hel_family_get_end_reason (before));
      hel_family_set_end_note (current, hel_family_get_end_note (before));
    }
  if (current == NULL || !hel_store_save_family (store, current, &error))
    g_warning ("Could not undo the reopening: %s", error->message);
}

static void
reopen_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HelFamilyPage *self = HEL_FAMILY_PAGE (widget);
  g_autoptr(HelFamily) before = NULL;
  g_autoptr(HelFamily) copy = NULL;
  AdwToastOverlay *overlay;
  AdwToast *toast;

  if (self->family == NULL || !family_is_ended (self->family))
    return;
  before = hel_family_copy (self->family);
  copy = hel_family_copy (self->family);
  hel_family_set_end_date (copy, NULL);
  hel_family_set_end_reason (copy, HEL_END_OTHER);
  hel_family_set_end_note (copy, NULL);
  if (!save_family (self, copy, NULL, self->participation_error_label))
    return;

  if ((overlay = find_toast_overlay (self)) == NULL)
    return;
  toast = adw_toast_new (_("Participation reopened"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "hel-store", g_object_ref (self->store), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "hel-family", g_steal_pointer (&before), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (reopen_undo_cb), NULL);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
erase_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelFamilyPage *self = HEL_FAMILY_PAGE (widget);

  if (self->family != NULL)
    g_signal_emit (self, signals[ERASE_REQUESTED], 0, hel_family_get_id (self->family));
}

static void
add_member_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_member_editor (HEL_FAMILY_PAGE (widget), NULL);
}

/* Sections */

/* The plan, the network map and the measurements are built when their section is first shown:
 * start-up then builds and loads only the overview, which is what the first frame shows. */
static GtkWidget *
ensure_section (HelFamilyPage *self,
                const char    *name)
{
  GtkWidget *bin, **section;

  g_assert (HEL_IS_FAMILY_PAGE (self));

  if (self->store == NULL || name == NULL)
    return NULL;
  if (g_str_equal (name, "plan"))
    bin = self->plan_bin, section = &self->plan_view;
  else if (g_str_equal (name, "netmap"))
    bin = self->netmap_bin, section = &self->netmap_page;
  else if (g_str_equal (name, "measurements"))
    bin = self->measurements_bin, section = &self->measurements_page;
  else
    return NULL;
  if (*section != NULL)
    return *section;

  if (section == &self->plan_view)
    {
      *section = hel_plan_view_new (self->store);
      if (self->family_id > 0)
        hel_plan_view_set_family (HEL_PLAN_VIEW (*section), self->family_id);
    }
  else if (section == &self->netmap_page)
    {
      *section = hel_netmap_page_new (self->store);
      if (self->family_id > 0)
        hel_netmap_page_set_family (HEL_NETMAP_PAGE (*section), self->family_id);
    }
  else
    {
      *section = hel_progress_family_page_new (self->store);
      if (self->family_id > 0)
        hel_progress_family_page_set_family (HEL_PROGRESS_FAMILY_PAGE (*section),
                                             self->family_id);
    }
  adw_bin_set_child (ADW_BIN (bin), *section);
  return *section;
}

static void
visible_section_changed_cb (HelFamilyPage *self)
{
  ensure_section (self, adw_view_stack_get_visible_child_name (self->sections));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

static GtkWidget *
add_section (HelFamilyPage *self,
             const char    *name,
             const char    *title,
             const char    *icon_name)
{
  GtkWidget *bin = adw_bin_new ();
  AdwViewStackPage *page = adw_view_stack_add_titled (self->sections, bin, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
  return bin;
}

static void
add_sections (HelFamilyPage *self)
{
  self->plan_bin = add_section (self, "plan", _("Family Plan"), "view-list-bullet-symbolic");
  self->netmap_bin = add_section (self, "netmap", _("Network Map"), "network-workgroup-symbolic");
  self->measurements_bin = add_section (self, "measurements", _("Measurements"),
                                        "x-office-presentation-symbolic");
}

static void
remove_sections (HelFamilyPage *self)
{
  GtkWidget **bins[] = { &self->plan_bin, &self->netmap_bin, &self->measurements_bin };

  /* Removing the section on screen would show the next one, and build it for nothing. */
  if (self->plan_bin != NULL)
    adw_view_stack_set_visible_child_name (self->sections, "overview");
  for (guint i = 0; i < G_N_ELEMENTS (bins); i++)
    if (*bins[i] != NULL)
      {
        adw_view_stack_remove (self->sections, *bins[i]);
        *bins[i] = NULL;
      }
  self->plan_view = NULL;
  self->netmap_page = NULL;
  self->measurements_page = NULL;
}

/* Public API */

HelStore *
hel_family_page_get_store (HelFamilyPage *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY_PAGE (self), NULL);
  return self->store;
}

void
hel_family_page_set_store (HelFamilyPage *self,
                           HelStore      *store)
{
  g_return_if_fail (HEL_IS_FAMILY_PAGE (self));
  g_return_if_fail (store == NULL || HEL_IS_STORE (store));

  if (self->store == store)
    return;
  flush_removals (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::family", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::member", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::team", G_CALLBACK (store_lists_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::caseworker", G_CALLBACK (store_lists_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  remove_sections (self);
  if (store != NULL)
    add_sections (self);
  self->lists_stale = TRUE;
  self->family_id = 0;
  clear_errors (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
hel_family_page_get_family_id (HelFamilyPage *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY_PAGE (self), 0);
  return self->family_id;
}

void
hel_family_page_set_family_id (HelFamilyPage *self,
                               gint64         family_id)
{
  g_return_if_fail (HEL_IS_FAMILY_PAGE (self));

  if (self->family_id == family_id)
    return;
  /* What was typed for the previous family is saved before the page shows another one. */
  hel_family_page_flush (self);
  self->family_id = family_id;
  clear_errors (self);
  reload (self);
  if (self->plan_view != NULL)
    hel_plan_view_set_family (HEL_PLAN_VIEW (self->plan_view), family_id);
  if (self->netmap_page != NULL)
    hel_netmap_page_set_family (HEL_NETMAP_PAGE (self->netmap_page), family_id);
  if (self->measurements_page != NULL)
    hel_progress_family_page_set_family (HEL_PROGRESS_FAMILY_PAGE (self->measurements_page),
                                         family_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_ID]);
}

gboolean
hel_family_page_get_folded (HelFamilyPage *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY_PAGE (self), FALSE);
  return self->folded;
}

void
hel_family_page_set_folded (HelFamilyPage *self,
                            gboolean       folded)
{
  g_return_if_fail (HEL_IS_FAMILY_PAGE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;
  self->folded = folded;
  gtk_revealer_set_reveal_child (self->back_revealer, folded);
  /* Folded, the back bar already names the family. */
  gtk_widget_set_visible (GTK_WIDGET (self->family_title), !folded);
  gtk_widget_set_visible (GTK_WIDGET (self->family_title_above), !folded);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

const char *
hel_family_page_get_section (HelFamilyPage *self)
{
  const char *name;

  g_return_val_if_fail (HEL_IS_FAMILY_PAGE (self), NULL);

  name = adw_view_stack_get_visible_child_name (self->sections);
  return name != NULL ? name : "overview";
}

void
hel_family_page_set_section (HelFamilyPage *self,
                             const char    *section)
{
  g_return_if_fail (HEL_IS_FAMILY_PAGE (self));

  /* Only a section there is: without a store, only the overview. */
  if (section != NULL && adw_view_stack_get_child_by_name (self->sections, section) != NULL)
    adw_view_stack_set_visible_child_name (self->sections, section);
}

/* Test hooks */

AdwEntryRow *_hel_family_page_get_name_row (HelFamilyPage *self) { return self->name_row; }
AdwEntryRow *_hel_family_page_get_start_row (HelFamilyPage *self) { return self->start_row; }
AdwEntryRow *_hel_family_page_get_consent_row (HelFamilyPage *self) { return self->consent_row; }
AdwComboRow *_hel_family_page_get_primary_row (HelFamilyPage *self) { return self->primary_row; }
AdwComboRow *_hel_family_page_get_secondary_row (HelFamilyPage *self) { return self->secondary_row; }
GtkLabel *_hel_family_page_get_error_label (HelFamilyPage *self) { return self->family_error_label; }
GtkListBox *_hel_family_page_get_members_box (HelFamilyPage *self) { return self->members_box; }

GtkWidget *
_hel_family_page_get_member_row (HelFamilyPage *self,
                                 gint64         member_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->members_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 *idp = g_object_get_data (G_OBJECT (child), MEMBER_ID_KEY);

      if (idp != NULL && *idp == member_id)
        return child;
    }
  return NULL;
}

/* GObject */

static void
hel_family_page_dispose (GObject *object)
{
  GtkWidget *child;
  HelFamilyPage *self = HEL_FAMILY_PAGE (object);

  /* Typed text and pending removals are written before the page goes; after that, focus
   * leaving the rows as they are torn down must not save again. */
  if (self->pending_removals != NULL && self->name_row != NULL)
    hel_family_page_flush (self);
  self->loading = TRUE;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_func (self->sections, visible_section_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_FAMILY_PAGE);
  /* The template's root box has no id, so dispose_template leaves it to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->family);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hel_family_page_parent_class)->dispose (object);
}

static void
hel_family_page_finalize (GObject *object)
{
  HelFamilyPage *self = HEL_FAMILY_PAGE (object);

  g_clear_pointer (&self->pending_removals, g_hash_table_unref);
  G_OBJECT_CLASS (hel_family_page_parent_class)->finalize (object);
}

static void
hel_family_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HelFamilyPage *self = HEL_FAMILY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FAMILY_ID:
      g_value_set_int64 (value, self->family_id);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_SECTION:
      g_value_set_string (value, hel_family_page_get_section (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_family_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HelFamilyPage *self = HEL_FAMILY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      hel_family_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_FAMILY_ID:
      hel_family_page_set_family_id (self, g_value_get_int64 (value));
      break;
    case PROP_FOLDED:
      hel_family_page_set_folded (self, g_value_get_boolean (value));
      break;
    case PROP_SECTION:
      hel_family_page_set_section (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_family_page_class_init (HelFamilyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_family_page_dispose;
  object_class->finalize = hel_family_page_finalize;
  object_class->get_property = hel_family_page_get_property;
  object_class->set_property = hel_family_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HEL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY_ID] =
    g_param_spec_int64 ("family-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The section on screen: "overview", "plan", "netmap" or "measurements". */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "overview",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The window asks before erasing, and erases only when the undo toast is gone. */
  signals[ERASE_REQUESTED] =
    g_signal_new ("erase-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "family.end", NULL, end_action_cb);
  gtk_widget_class_install_action (widget_class, "family.reopen", NULL, reopen_action_cb);
  gtk_widget_class_install_action (widget_class, "family.erase", NULL, erase_action_cb);
  gtk_widget_class_install_action (widget_class, "family.add-member", NULL, add_member_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hel-family-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, back_revealer);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, header_label);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, family_title);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, family_title_above);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, sections);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, team_row);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, primary_row);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, secondary_row);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, consent_row);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, family_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, end_button);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, participation_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyPage, members_box);
  gtk_widget_class_bind_template_callback (widget_class, entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, member_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
watch_entry_focus (HelFamilyPage *self,
                   AdwEntryRow   *row)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

static void
hel_family_page_init (HelFamilyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending_removals = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                  g_free, g_object_unref);
  watch_entry_focus (self, self->name_row);
  watch_entry_focus (self, self->start_row);
  watch_entry_focus (self, self->consent_row);
  g_signal_connect_swapped (self->team_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect_swapped (self->primary_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect_swapped (self->secondary_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect_swapped (self->sections, "notify::visible-child-name",
                            G_CALLBACK (visible_section_changed_cb), self);
  reload (self);
}

AdwViewStack *
_hel_family_page_get_sections (HelFamilyPage *self)
{
  return self->sections;
}

/* Like the section switcher, the test hooks build a section that was not shown yet. */
GtkWidget *
_hel_family_page_get_plan_view (HelFamilyPage *self)
{
  return ensure_section (self, "plan");
}

GtkWidget *
_hel_family_page_get_netmap_page (HelFamilyPage *self)
{
  return ensure_section (self, "netmap");
}

GtkWidget *
_hel_family_page_peek_section (HelFamilyPage *self,
                               const char    *name)
{
  if (g_strcmp0 (name, "plan") == 0)
    return self->plan_view;
  if (g_strcmp0 (name, "netmap") == 0)
    return self->netmap_page;
  if (g_strcmp0 (name, "measurements") == 0)
    return self->measurements_page;
  return NULL;
}
