/* hel-preferences-window.c: teams and caseworkers, each edit saved as it is applied; the
 * automatic backups and restoring one. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-backup.h"
#include "hel-collate.h"
#include "hel-field-error.h"
#include "hel-preferences-window-private.h"
#include "hel-progress-settings-page.h"
#include "hel-validate.h"
#include "hel-window.h"

struct _HelPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  HelStore             *store;
  GPtrArray            *teams;             /* HelTeam, as last listed */
  GHashTable           *team_rows;         /* team id -> AdwEntryRow (owned by teams_list) */
  GHashTable           *caseworker_rows;   /* caseworker id -> HelCaseworkerRow */
  gboolean              loading;
  AdwMessageDialog     *dialog;            /* weak */
  GPtrArray            *pending;           /* Pending: removals waiting behind an Undo toast */

  GtkListBox           *teams_list;
  AdwEntryRow          *add_team_row;
  GtkLabel             *teams_error_label;
  GtkListBox           *caseworkers_list;
  AdwEntryRow          *add_caseworker_row;
  GtkLabel             *caseworkers_error_label;
  GtkListBox           *backups_list;
  GtkLabel             *backups_error_label;
  GtkWidget            *backups_empty;     /* the list's placeholder */
  GtkLabel             *backups_empty_label;
  GPtrArray            *backups;           /* HelBackupInfo, as listed */
  HelProgressSettingsPage *measurements_page;
};

G_DEFINE_FINAL_TYPE (HelPreferencesWindow, hel_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

#define TEAM_KEY "hel-team"
#define BACKUP_KEY "hel-backup"

static gboolean
is_busy (GtkWidget *row)
{
  return (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0 ||
         hel_field_error_get (row) != NULL;
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_text (HelPreferencesWindow *self,
              AdwEntryRow          *row,
              const char           *text)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  self->loading = was_loading;
}

static void
update_errors (HelPreferencesWindow *self)
{
  hel_field_error_show_children (self->teams_error_label, GTK_WIDGET (self->teams_list));
  hel_field_error_show_children (self->caseworkers_error_label,
                                 GTK_WIDGET (self->caseworkers_list));
}

static void
set_error (HelPreferencesWindow *self,
           gpointer              row,
           const GError         *error)
{
  hel_field_error_set (GTK_WIDGET (row), error);
  update_errors (self);
}

/* Sorting: by name, the "Add …" row last */

static int
sort_teams (GtkListBoxRow *a,
            GtkListBoxRow *b,
            gpointer       user_data)
{
  HelPreferencesWindow *self = user_data;
  HelTeam *ta, *tb;

  if (a == GTK_LIST_BOX_ROW (self->add_team_row))
    return 1;
  if (b == GTK_LIST_BOX_ROW (self->add_team_row))
    return -1;
  ta = g_object_get_data (G_OBJECT (a), TEAM_KEY);
  tb = g_object_get_data (G_OBJECT (b), TEAM_KEY);
  return hel_collate_names (hel_team_get_name (ta), hel_team_get_name (tb));
}

static int
sort_caseworkers (GtkListBoxRow *a,
                  GtkListBoxRow *b,
                  gpointer       user_data)
{
  HelPreferencesWindow *self = user_data;
  HelCaseworker *ca, *cb;
  int cmp;

  if (a == GTK_LIST_BOX_ROW (self->add_caseworker_row))
    return 1;
  if (b == GTK_LIST_BOX_ROW (self->add_caseworker_row))
    return -1;
  ca = hel_caseworker_row_get_caseworker (HEL_CASEWORKER_ROW (a));
  cb = hel_caseworker_row_get_caseworker (HEL_CASEWORKER_ROW (b));
  cmp = hel_collate_names (hel_caseworker_get_name (ca), hel_caseworker_get_name (cb));
  if (cmp == 0)
    cmp = hel_caseworker_get_id (ca) < hel_caseworker_get_id (cb) ? -1 : 1;
  return cmp;
}

/* Asking before removing */

typedef void (*RemoveFunc) (HelPreferencesWindow *self,
                            gint64                id,
                            GtkWidget            *row);

/* A removal is done when its toast leaves without Undo (or the window closes); until then the
 * row is only hidden, and Undo shows it again. */
typedef struct {
  RemoveFunc  remove;
  gint64      id;
  GtkWidget  *row;
  AdwToast   *toast;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_signal_handlers_disconnect_matched (p->toast, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, p);
  g_object_unref (p->row);
  g_object_unref (p->toast);
  g_free (p);
}

static void
pending_finish (HelPreferencesWindow *self,
                Pending              *p,
                gboolean              undo)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));

  /* Out of the list first, so nothing runs twice */
  if (!g_ptr_array_remove (self->pending, p))
    g_return_if_reached ();
  if (undo)
    gtk_widget_set_visible (p->row, TRUE);
  else if (self->store != NULL)
    p->remove (self, p->id, p->row);
  pending_free (p);
}

static void
pending_dismissed_cb (AdwToast *toast,
                      Pending  *p)
{
  HelPreferencesWindow *self = g_object_get_data (G_OBJECT (toast), "window");

  pending_finish (self, p, FALSE);
}

static void
pending_undo_cb (AdwToast *toast,
                 Pending  *p)
{
  HelPreferencesWindow *self = g_object_get_data (G_OBJECT (toast), "window");

  pending_finish (self, p, TRUE);
}

static void
start_removal (HelPreferencesWindow *self,
               RemoveFunc            remove,
               gint64                id,
               GtkWidget            *row,
               const char           *title)
{
  Pending *p = g_new0 (Pending, 1);

  p->remove = remove;
  p->id = id;
  p->row = g_object_ref (row);
  p->toast = g_object_ref (adw_toast_new (title));
  adw_toast_set_button_label (p->toast, _("_Undo"));
  adw_toast_set_timeout (p->toast, 10);
  g_object_set_data (G_OBJECT (p->toast), "window", self);
  g_signal_connect (p->toast, "dismissed", G_CALLBACK (pending_dismissed_cb), p);
  g_signal_connect (p->toast, "button-clicked", G_CALLBACK (pending_undo_cb), p);
  g_ptr_array_add (self->pending, p);
  gtk_widget_set_visible (row, FALSE);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), p->toast);
}

/* Closing the window does what is waiting. */
static void
flush_removals (HelPreferencesWindow *self)
{
  while (self->pending != NULL && self->pending->len > 0)
    {
      Pending *p = self->pending->pdata[0];

      g_signal_handlers_disconnect_matched (p->toast, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, p);
      pending_finish (self, p, FALSE);
    }
}

static void
dialog_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    HelPreferencesWindow *self)
{
  RemoveFunc remove = g_object_get_data (G_OBJECT (dialog), "remove-func");
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), "row");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "id");
  const char *title = g_object_get_data (G_OBJECT (dialog), "done-title");

  if (g_strcmp0 (response, "remove") == 0 && self->store != NULL)
    start_removal (self, remove, id, row, title);
}

static void
ask_before_removing (HelPreferencesWindow *self,
                     const char           *heading,
                     const char           *body,
                     const char           *done_title,
                     gint64                id,
                     GtkWidget            *row,
                     RemoveFunc            remove)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "remove-func", remove);
  g_object_set_data_full (G_OBJECT (dialog), "row", g_object_ref (row), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "done-title", g_strdup (done_title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, 0);

  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Teams */

static void
remove_team (HelPreferencesWindow *self,
             gint64                team_id,
             GtkWidget            *row)
{
  g_autoptr(GError) error = NULL;

  /* The row disappears when the store announces the change. */
  if (!hel_store_delete_team (self->store, team_id, &error))
    set_error (self, row, error);
}

static void
team_remove_clicked_cb (GtkButton            *button,
                        HelPreferencesWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  HelTeam *team = g_object_get_data (G_OBJECT (row), TEAM_KEY);
  g_autofree char *heading = g_strdup_printf (_("Remove the team “%s”?"),
                                              hel_team_get_name (team));
  g_autofree char *done = g_strdup_printf (_("Team “%s” removed"), hel_team_get_name (team));

  ask_before_removing (self, heading,
                       _("Its families and caseworkers keep existing, but they lose their link "
                         "to this team."),
                       done, hel_team_get_id (team), row, remove_team);
}

static gboolean
save_team_row (HelPreferencesWindow *self,
               AdwEntryRow          *row)
{
  HelTeam *team = g_object_get_data (G_OBJECT (row), TEAM_KEY);
  g_autofree char *text = row_text (row);
  g_autoptr(HelTeam) copy = hel_team_new (hel_team_get_id (team), text);
  g_autoptr(GError) error = NULL;

  if (!hel_store_save_team (self->store, copy, &error))
    {
      set_error (self, row, error);
      return FALSE;
    }
  hel_team_set_name (team, hel_team_get_name (copy));
  set_error (self, row, NULL);
  set_row_text (self, row, hel_team_get_name (copy));
  gtk_list_box_invalidate_sort (self->teams_list);
  return TRUE;
}

static void
team_apply_cb (AdwEntryRow          *row,
               HelPreferencesWindow *self)
{
  save_team_row (self, row);
}

static void
team_focus_leave_cb (GtkEventControllerFocus *controller,
                     HelPreferencesWindow    *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  AdwEntryRow *row = ADW_ENTRY_ROW (widget);
  HelTeam *team = g_object_get_data (G_OBJECT (row), TEAM_KEY);
  g_autofree char *text = NULL;

  if (self->store == NULL || self->loading)
    return;
  text = row_text (row);
  if (g_strcmp0 (text, hel_team_get_name (team)) != 0 && save_team_row (self, row))
    {
      adw_entry_row_set_show_apply_button (row, FALSE);
      adw_entry_row_set_show_apply_button (row, TRUE);
    }
}

static GtkWidget *
team_row_new (HelPreferencesWindow *self,
              HelTeam              *team)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Team name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), hel_team_get_name (team));
  g_object_set_data_full (G_OBJECT (row), TEAM_KEY,
                          hel_team_new (hel_team_get_id (team), hel_team_get_name (team)),
                          g_object_unref);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove team"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove team"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (team_remove_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "remove-button", button);

  g_signal_connect (row, "apply", G_CALLBACK (team_apply_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (team_focus_leave_cb), self);
  gtk_widget_add_controller (row, focus);
  return row;
}

static void
reload_caseworkers (HelPreferencesWindow *self);

static void
reload_teams (HelPreferencesWindow *self)
{
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  teams = hel_store_list_teams (self->store, &error);
  if (teams == NULL)
    {
      set_error (self, self->teams_error_label, error);
      return;
    }
  hel_field_error_set (GTK_WIDGET (self->teams_error_label), NULL);

  /* Rows keep their identity: the one being typed in is updated, never replaced. */
  for (guint i = 0; i < teams->len; i++)
    {
      HelTeam *team = g_ptr_array_index (teams, i);
      gint64 id = hel_team_get_id (team);
      GtkWidget *row = g_hash_table_lookup (self->team_rows, &id);

      if (row == NULL)
        {
          gint64 *key_id = g_memdup2 (&id, sizeof id);

          row = team_row_new (self, team);
          g_hash_table_insert (self->team_rows, key_id, row);
          gtk_list_box_append (self->teams_list, row);
        }
      else
        {
          hel_team_set_name (g_object_get_data (G_OBJECT (row), TEAM_KEY),
                             hel_team_get_name (team));
          if (!is_busy (row))
            set_row_text (self, ADW_ENTRY_ROW (row), hel_team_get_name (team));
        }
      g_hash_table_lookup_extended (self->team_rows, &id, &key, NULL);
      g_hash_table_add (seen, key);
    }

  g_hash_table_iter_init (&iter, self->team_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        gtk_list_box_remove (self->teams_list, value);
        g_hash_table_iter_remove (&iter);
      }

  g_clear_pointer (&self->teams, g_ptr_array_unref);
  self->teams = g_steal_pointer (&teams);
  gtk_list_box_invalidate_sort (self->teams_list);
  update_errors (self);

  /* Caseworkers show their team's name and choose among the teams. */
  g_hash_table_iter_init (&iter, self->caseworker_rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    hel_caseworker_row_set_teams (value, self->teams);
}

static void
add_team_apply_cb (AdwEntryRow          *row,
                   HelPreferencesWindow *self)
{
  g_autofree char *text = row_text (row);
  g_autoptr(HelTeam) team = hel_team_new (0, text);
  g_autoptr(GError) error = NULL;

  if (!hel_store_save_team (self->store, team, &error))
    {
      set_error (self, row, error);
      return;
    }
  set_error (self, row, NULL);
  set_row_text (self, row, "");
  reload_teams (self);
}

/* Caseworkers */

static void
remove_caseworker (HelPreferencesWindow *self,
                   gint64                caseworker_id,
                   GtkWidget            *row)
{
  g_autoptr(GError) error = NULL;

  if (!hel_store_delete_caseworker (self->store, caseworker_id, &error))
    set_error (self, row, error);
}

static void
caseworker_remove_requested_cb (HelCaseworkerRow     *row,
                                HelPreferencesWindow *self)
{
  HelCaseworker *cw = hel_caseworker_row_get_caseworker (row);
  g_autofree char *heading = g_strdup_printf (_("Remove the caseworker %s?"),
                                              hel_caseworker_get_name (cw));
  /* Translators: %s is a caseworker's name */
  g_autofree char *done = g_strdup_printf (_("%s removed"), hel_caseworker_get_name (cw));

  ask_before_removing (self, heading,
                       _("Their families keep existing, but lose their link to this "
                         "caseworker."),
                       done, hel_caseworker_get_id (cw), GTK_WIDGET (row), remove_caseworker);
}

static void
reload_caseworkers (HelPreferencesWindow *self)
{
  g_autoptr(GPtrArray) caseworkers = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  caseworkers = hel_store_list_caseworkers (self->store, &error);
  if (caseworkers == NULL)
    {
      set_error (self, self->caseworkers_error_label, error);
      return;
    }
  hel_field_error_set (GTK_WIDGET (self->caseworkers_error_label), NULL);

  for (guint i = 0; i < caseworkers->len; i++)
    {
      HelCaseworker *cw = g_ptr_array_index (caseworkers, i);
      gint64 id = hel_caseworker_get_id (cw);
      GtkWidget *row = g_hash_table_lookup (self->caseworker_rows, &id);

      if (row == NULL)
        {
          row = hel_caseworker_row_new (self->store, cw, self->teams);
          g_signal_connect (row, "remove-requested",
                            G_CALLBACK (caseworker_remove_requested_cb), self);
          g_hash_table_insert (self->caseworker_rows, g_memdup2 (&id, sizeof id), row);
          gtk_list_box_append (self->caseworkers_list, row);
        }
      else
        hel_caseworker_row_set_caseworker (HEL_CASEWORKER_ROW (row), cw);
      g_hash_table_lookup_extended (self->caseworker_rows, &id, &key, NULL);
      g_hash_table_add (seen, key);
    }

  g_hash_table_iter_init (&iter, self->caseworker_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        gtk_list_box_remove (self->caseworkers_list, value);
        g_hash_table_iter_remove (&iter);
      }

  gtk_list_box_invalidate_sort (self->caseworkers_list);
  update_errors (self);
}

static void
add_caseworker_apply_cb (AdwEntryRow          *row,
                         HelPreferencesWindow *self)
{
  g_autofree char *text = row_text (row);
  g_autoptr(HelCaseworker) cw = hel_caseworker_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *new_row;
  gint64 id;

  hel_caseworker_set_name (cw, text);
  if (!hel_store_save_caseworker (self->store, cw, &error))
    {
      set_error (self, row, error);
      return;
    }
  set_error (self, row, NULL);
  set_row_text (self, row, "");
  /* The new caseworker opens, ready for discipline and team. */
  id = hel_caseworker_get_id (cw);
  reload_caseworkers (self);
  new_row = g_hash_table_lookup (self->caseworker_rows, &id);
  if (new_row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (new_row), TRUE);
}

/* Backups */

static void reload_backups (HelPreferencesWindow *self);
static void connect_store (HelPreferencesWindow *self,
                           HelStore             *store);
static void disconnect_store (HelPreferencesWindow *self);

/* "23.11.2026 at 21:09", in local time. */
static char *
backup_title (HelBackupInfo *info)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (info->time);
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *date = hel_date_format (iso);
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  /* Translators: a backup's date and time, e.g. “23.11.2026 at 21:09” */
  return g_strdup_printf (_("%s at %s"), date, time);
}

static void
show_backup_error (HelPreferencesWindow *self,
                   const GError         *error)
{
  hel_field_error_set (GTK_WIDGET (self->backups_error_label), error);
  hel_field_error_show (self->backups_error_label, GTK_WIDGET (self->backups_error_label), NULL);
}

/* The window and this one let go of the store; TRUE when that closed the database. */
static gboolean
close_store (HelPreferencesWindow *self,
             HelWindow            *window,
             HelStore             *store)
{
  if (window != NULL)
    hel_window_set_store (window, NULL);
  disconnect_store (self);
  /* Only the caller's reference may be left, or someone could still write to the old file. */
  return G_OBJECT (store)->ref_count == 1;
}

static void
restore_backup (HelPreferencesWindow *self,
                HelBackupInfo        *info)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  HelWindow *window = HEL_IS_WINDOW (parent) ? HEL_WINDOW (parent) : NULL;
  g_autoptr(HelStore) old = g_object_ref (self->store);
  g_autoptr(HelStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (hel_store_get_path (old));
  g_autofree char *dir = hel_backup_dir_for (path);
  g_autofree char *backup_path = g_strdup (info->path);
  g_autofree char *title = backup_title (info);
  gboolean restored;

  if (!close_store (self, window, old))
    {
      /* Something else still has the database open: put everything back as it was. */
      if (window != NULL)
        hel_window_set_store (window, old);
      connect_store (self, old);
      g_set_error (&error, HEL_STORE_ERROR, HEL_STORE_ERROR_LOCKED,
                   _("The backup was not restored because the database is still in use. Close "
                     "the other Helhed windows and try again."));
      show_backup_error (self, error);
      return;
    }
  g_clear_object (&old);

  restored = hel_backup_restore (backup_path, path, dir, &error);
  if (!restored)
    show_backup_error (self, error);
  g_clear_error (&error);

  /* Open whatever is there now: the backup, or the untouched database when restoring failed. */
  reopened = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (reopened == NULL)
    {
      if (window != NULL)
        hel_window_show_store_error (window, path, error);
      show_backup_error (self, error);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (window != NULL)
    hel_window_set_store (window, reopened);
  connect_store (self, reopened);
  if (restored)
    {
      g_autofree char *message = g_strdup_printf (_("Restored the backup from %s"), title);

      hel_field_error_set (GTK_WIDGET (self->backups_error_label), NULL);
      hel_field_error_show (self->backups_error_label, GTK_WIDGET (self->backups_error_label),
                            NULL);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }
}

static void
restore_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     HelPreferencesWindow *self)
{
  HelBackupInfo *info = g_object_get_data (G_OBJECT (dialog), BACKUP_KEY);

  if (g_strcmp0 (response, "restore") == 0 && self->store != NULL)
    restore_backup (self, info);
}

static void
restore_clicked_cb (GtkButton            *button,
                    HelPreferencesWindow *self)
{
  HelBackupInfo *info = g_object_get_data (G_OBJECT (button), BACKUP_KEY);
  g_autofree char *title = backup_title (info);
  g_autofree char *heading = g_strdup_printf (_("Restore the backup from %s?"), title);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("Everything changed since then is replaced by "
                                                "the backup. The database as it is now is kept "
                                                "as a backup first, so this can be undone by "
                                                "restoring that one."));
  HelBackupInfo *copy = g_new0 (HelBackupInfo, 1);

  copy->path = g_strdup (info->path);
  copy->time = g_date_time_ref (info->time);
  copy->size = info->size;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), BACKUP_KEY, copy,
                          (GDestroyNotify) hel_backup_info_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);

  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
backup_row_new (HelPreferencesWindow *self,
                HelBackupInfo        *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
  g_autofree char *title = backup_title (info);
  g_autofree char *size = g_format_size (info->size);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), BACKUP_KEY, info);
  g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Restore this backup"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "restore-button", button);
  return row;
}

/* Under "No backups yet": when the first one comes. The application backs up only its usual
 * database, when it starts (hel-application.c); a file opened with --db is backed up by
 * helhed-tool backup --auto. */
static void
update_backups_empty (HelPreferencesWindow *self)
{
  const char *path = hel_store_get_path (self->store);
  g_autofree char *usual = hel_store_default_path ();
  g_autofree char *text = NULL;

  if (g_strcmp0 (path, usual) == 0)
    text = g_strdup (_("Helhed makes the first one the next time it starts; after that one a "
                       "day, keeping the newest 7."));
  else
    /* Translators: %s is the database file's path; the command is not translated. */
    text = g_strdup_printf (_("Helhed backs up only its usual database by itself. To back up "
                              "this file the same way, run “helhed-tool backup --auto --db %s”, "
                              "for example once a day."), path);
  gtk_label_set_text (self->backups_empty_label, text);
}

static void
reload_backups (HelPreferencesWindow *self)
{
  g_autofree char *dir = hel_backup_dir_for (hel_store_get_path (self->store));
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  /* Only the rows: the list's first child may be its placeholder, which must stay. */
  while ((row = gtk_list_box_get_row_at_index (self->backups_list, 0)) != NULL)
    gtk_list_box_remove (self->backups_list, GTK_WIDGET (row));
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  update_backups_empty (self);
  self->backups = hel_backup_list (dir, &error);
  /* When the folder cannot be read, "No backups yet" would be wrong: the error says it. */
  gtk_widget_set_visible (self->backups_empty, self->backups != NULL);
  if (self->backups == NULL)
    {
      show_backup_error (self, error);
      return;
    }
  for (guint i = 0; i < self->backups->len; i++)
    gtk_list_box_append (self->backups_list,
                         backup_row_new (self, g_ptr_array_index (self->backups, i)));
}

/* The store */

static void
team_changed_cb (HelStore             *store,
                 gint64                id,
                 HelPreferencesWindow *self)
{
  /* A rename changes caseworkers' subtitles, a removal their team: reload both. */
  reload_teams (self);
  reload_caseworkers (self);
}

static void
caseworker_changed_cb (HelStore             *store,
                       gint64                id,
                       HelPreferencesWindow *self)
{
  reload_caseworkers (self);
}

/* GObject */

static void
hel_preferences_window_dispose (GObject *object)
{
  HelPreferencesWindow *self = HEL_PREFERENCES_WINDOW (object);

  flush_removals (self);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer (&self->team_rows, g_hash_table_unref);
  g_clear_pointer (&self->caseworker_rows, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hel_preferences_window_parent_class)->dispose (object);
}

static void
hel_preferences_window_class_init (HelPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_preferences_window_dispose;

  g_type_ensure (HEL_TYPE_PROGRESS_SETTINGS_PAGE);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/helhed/Helhed/ui/hel-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, teams_list);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, add_team_row);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, teams_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, caseworkers_list);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, add_caseworker_row);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow,
                                        caseworkers_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, backups_list);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, backups_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, backups_empty);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, backups_empty_label);
  gtk_widget_class_bind_template_child (widget_class, HelPreferencesWindow, measurements_page);
}

static void
hel_preferences_window_init (HelPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->team_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending = g_ptr_array_new ();
  self->caseworker_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_list_box_set_sort_func (self->teams_list, sort_teams, self, NULL);
  gtk_list_box_set_sort_func (self->caseworkers_list, sort_caseworkers, self, NULL);
  g_signal_connect (self->add_team_row, "apply", G_CALLBACK (add_team_apply_cb), self);
  g_signal_connect (self->add_caseworker_row, "apply",
                    G_CALLBACK (add_caseworker_apply_cb), self);
}

GtkWindow *
hel_preferences_window_new (GtkWindow *parent,
                            HelStore  *store)
{
  HelPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  self = g_object_new (HEL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  connect_store (self, store);
  return GTK_WINDOW (self);
}

static void
connect_store (HelPreferencesWindow *self,
               HelStore             *store)
{
  self->store = g_object_ref (store);
  g_signal_connect (store, "changed::team", G_CALLBACK (team_changed_cb), self);
  g_signal_connect (store, "changed::caseworker", G_CALLBACK (caseworker_changed_cb), self);
  reload_teams (self);
  reload_caseworkers (self);
  reload_backups (self);
  hel_progress_settings_page_set_store (self->measurements_page, store);
}

/* Lets go of the store and of every row that holds it (the caseworker rows do). */
static void
disconnect_store (HelPreferencesWindow *self)
{
  GHashTableIter iter;
  gpointer value;

  g_signal_handlers_disconnect_by_data (self->store, self);
  hel_progress_settings_page_set_store (self->measurements_page, NULL);
  g_hash_table_iter_init (&iter, self->caseworker_rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gtk_list_box_remove (self->caseworkers_list, value);
      g_hash_table_iter_remove (&iter);
    }
  g_hash_table_iter_init (&iter, self->team_rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gtk_list_box_remove (self->teams_list, value);
      g_hash_table_iter_remove (&iter);
    }
  g_clear_object (&self->store);
}

/* For the tests */

AdwEntryRow *
_hel_preferences_window_get_add_team_row (HelPreferencesWindow *self)
{
  return self->add_team_row;
}

AdwEntryRow *
_hel_preferences_window_get_team_row (HelPreferencesWindow *self,
                                      gint64                team_id)
{
  return g_hash_table_lookup (self->team_rows, &team_id);
}

GtkButton *
_hel_preferences_window_get_team_remove_button (HelPreferencesWindow *self,
                                                gint64                team_id)
{
  GtkWidget *row = g_hash_table_lookup (self->team_rows, &team_id);

  return row ? g_object_get_data (G_OBJECT (row), "remove-button") : NULL;
}

GtkLabel *
_hel_preferences_window_get_teams_error_label (HelPreferencesWindow *self)
{
  return self->teams_error_label;
}

AdwEntryRow *
_hel_preferences_window_get_add_caseworker_row (HelPreferencesWindow *self)
{
  return self->add_caseworker_row;
}

HelCaseworkerRow *
_hel_preferences_window_get_caseworker_row (HelPreferencesWindow *self,
                                            gint64                caseworker_id)
{
  return g_hash_table_lookup (self->caseworker_rows, &caseworker_id);
}

GtkLabel *
_hel_preferences_window_get_caseworkers_error_label (HelPreferencesWindow *self)
{
  return self->caseworkers_error_label;
}

HelProgressSettingsPage *
_hel_preferences_window_get_measurements_page (HelPreferencesWindow *self)
{
  return self->measurements_page;
}

AdwToast *
_hel_preferences_window_get_undo_toast (HelPreferencesWindow *self)
{
  return self->pending->len > 0 ? ((Pending *) self->pending->pdata[self->pending->len - 1])->toast
                                : NULL;
}

AdwMessageDialog *
_hel_preferences_window_get_dialog (HelPreferencesWindow *self)
{
  return self->dialog;
}

GtkListBox *
_hel_preferences_window_get_backups_list (HelPreferencesWindow *self)
{
  return self->backups_list;
}

GtkLabel *
_hel_preferences_window_get_backups_error_label (HelPreferencesWindow *self)
{
  return self->backups_error_label;
}

GtkWidget *
_hel_preferences_window_get_backups_empty (HelPreferencesWindow *self)
{
  return self->backups_empty;
}

GtkLabel *
_hel_preferences_window_get_backups_empty_label (HelPreferencesWindow *self)
{
  return self->backups_empty_label;
}
