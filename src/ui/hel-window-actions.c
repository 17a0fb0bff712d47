/* hel-window-actions.c: the window's actions: new family, search, erase with undo, new database. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-new-family-dialog.h"
#include "hel-window-private.h"

#define FAMILY_ID_KEY "hel-family-id"

static void
family_created_cb (HelWindow *self,
                   gint64     family_id)
{
  /* A new family is active; if the search or a filter would hide it, show it anyway. */
  if (!hel_family_list_select_family (self->family_list, family_id))
    {
      hel_family_list_clear_filters (self->family_list);
      hel_family_list_select_family (self->family_list, family_id);
    }
  _hel_window_show_family (self, family_id);
}

static void
new_family_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  HelWindow *self = user_data;
  GtkWindow *dialog;

  if (self->store == NULL)
    return;
  dialog = hel_new_family_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "family-created", G_CALLBACK (family_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
search_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  HelWindow *self = user_data;

  adw_view_stack_set_visible_child_name (self->view_stack, "families");
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  hel_family_list_focus_search (self->family_list);
}

static void
back_to_list_action_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  HelWindow *self = user_data;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
create_database_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  HelWindow *self = user_data;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (self->store_path);

  if (path == NULL)
    return;
  store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    hel_window_show_store_error (self, path, error);
  else
    hel_window_set_store (self, store);
}

void
_hel_window_update_actions (HelWindow *self)
{
  const char *names[] = { "new-family", "search" };

  /* Without a database the views have nothing to show: the header shows only the title. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, self->store != NULL);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->store != NULL &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->store != NULL);
    }
}

void
_hel_window_init_actions (HelWindow *self)
{
  static const GActionEntry entries[] = {
    { "new-family", new_family_action_cb },
    { "search", search_action_cb },
    { "back-to-list", back_to_list_action_cb },
    { "create-database", create_database_action_cb },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}

/* Erase with undo: the family leaves the list at once; the store forgets it only when the
 * toast closes without Undo, or when the window closes. */

static void
erase_now (HelWindow *self,
           gint64     family_id)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || hel_store_erase_family (self->store, family_id, &error))
    {
      hel_family_list_set_family_hidden (self->family_list, family_id, FALSE);
      return;
    }
  g_warning ("Could not erase family %" G_GINT64_FORMAT ": %s", family_id, error->message);
  hel_family_list_set_family_hidden (self->family_list, family_id, FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
erase_toast_dismissed_cb (AdwToast  *toast,
                          HelWindow *self)
{
  gint64 family_id = *(gint64 *) g_object_get_data (G_OBJECT (toast), FAMILY_ID_KEY);

  g_signal_handlers_disconnect_by_data (toast, self);
  if (g_hash_table_remove (self->pending_erases, &family_id))
    erase_now (self, family_id);
}

static void
erase_toast_undo_cb (AdwToast  *toast,
                     HelWindow *self)
{
  gint64 family_id = *(gint64 *) g_object_get_data (G_OBJECT (toast), FAMILY_ID_KEY);

  g_signal_handlers_disconnect_by_data (toast, self);
  g_hash_table_remove (self->pending_erases, &family_id);
  hel_family_list_set_family_hidden (self->family_list, family_id, FALSE);
  _hel_window_show_family (self, family_id);
}

static void
start_erase (HelWindow  *self,
             gint64      family_id,
             const char *name)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (g_hash_table_contains (self->pending_erases, &family_id))
    return;
  hel_family_list_set_family_hidden (self->family_list, family_id, TRUE);
  if (hel_family_page_get_family_id (self->family_page) == family_id)
    hel_family_page_set_family_id (self->family_page, 0);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");

  /* Translators: %s is the family's name */
  title = g_strdup_printf (_("Family “%s” erased"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), FAMILY_ID_KEY,
                          g_memdup2 (&family_id, sizeof family_id), g_free);
  g_hash_table_insert (self->pending_erases, g_memdup2 (&family_id, sizeof family_id),
                       g_object_ref (toast));
  g_signal_connect (toast, "dismissed", G_CALLBACK (erase_toast_dismissed_cb), self);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (erase_toast_undo_cb), self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
erase_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   HelWindow        *self)
{
  gint64 family_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), FAMILY_ID_KEY);
  const char *name = g_object_get_data (G_OBJECT (dialog), "hel-family-name");

  if (g_strcmp0 (response, "erase") == 0)
    start_erase (self, family_id, name);
}

/* Adds "• @line" on a line of its own; takes @line, which is NULL for nothing to say. */
static void
append_line (GString *text,
             char    *line)
{
  if (line == NULL)
    return;
  g_string_append (text, "\n• ");
  g_string_append (text, line);
  g_free (line);
}

/* What erasing takes with it, counted, so the person knows what is lost: one line each. */
static char *
erase_list (HelWindow *self,
            HelFamily *family)
{
  HelFamilyRecordCounts c = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);

  if (!hel_store_count_family_records (self->store, hel_family_get_id (family), &c, NULL))
    c.members = hel_family_get_member_count (family);
  if (c.members > 0)
    append_line (text, g_strdup_printf (ngettext ("%u member, with name, birth date and CPR "
                                                  "number",
                                                  "%u members, with names, birth dates and CPR "
                                                  "numbers", c.members), c.members));
  if (c.goals > 0)
    append_line (text, g_strdup_printf (ngettext ("%u goal in the family plan, with its small "
                                                  "goals and steps",
                                                  "%u goals in the family plan, with their small "
                                                  "goals and steps", c.goals), c.goals));
  if (c.plan_versions > 0)
    append_line (text, g_strdup_printf (ngettext ("%u saved version of the plan",
                                                  "%u saved versions of the plan",
                                                  c.plan_versions), c.plan_versions));
  if (c.map_people > 0)
    append_line (text, g_strdup_printf (ngettext ("%u person on the network map",
                                                  "%u people on the network map",
                                                  c.map_people), c.map_people));
  if (c.measurements > 0)
    append_line (text, g_strdup_printf (ngettext ("%u measurement (WHO-5, SDQ, BIP)",
                                                  "%u measurements (WHO-5, SDQ, BIP)",
                                                  c.measurements), c.measurements));
  if (c.board_items > 0)
    append_line (text, g_strdup_printf (ngettext ("%u item from board meetings, with notes and "
                                                  "agreements",
                                                  "%u items from board meetings, with notes "
                                                  "and agreements", c.board_items),
                                        c.board_items));
  if (c.figures > 0)
    append_line (text, g_strdup_printf (ngettext ("%u figure on school, income support and "
                                                  "expenses",
                                                  "%u figures on school, income support and "
                                                  "expenses", c.figures), c.figures));
  /* Each line began with a newline */
  if (text->len > 0)
    g_string_erase (text, 0, 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
_hel_window_request_erase (HelWindow *self,
                           gint64     family_id)
{
  g_autoptr(HelFamily) family = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *list = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *label;

  if (self->store == NULL)
    return;
  if ((family = hel_store_get_family (self->store, family_id, &error)) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* Translators: %s is the family's name */
  heading = g_strdup_printf (_("Erase the family “%s”?"), hel_family_get_name (family));
  list = erase_list (self, family);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
    _("This erases the family and everything recorded about it. It cannot be recovered once "
      "the notice below closes.")));
  /* The list as a list: left-aligned under the centred text */
  label = gtk_label_new (list);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
  adw_message_dialog_set_extra_child (dialog, label);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), FAMILY_ID_KEY,
                          g_memdup2 (&family_id, sizeof family_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "hel-family-name",
                          g_strdup (hel_family_get_name (family)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_hel_window_flush_erases (HelWindow *self)
{
  g_autoptr(GList) ids = g_hash_table_get_keys (self->pending_erases);
  g_autoptr(GArray) to_erase = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GList *l = ids; l != NULL; l = l->next)
    {
      AdwToast *toast = g_hash_table_lookup (self->pending_erases, l->data);

      g_array_append_val (to_erase, *(gint64 *) l->data);
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
    }
  g_clear_pointer (&ids, g_list_free);
  g_hash_table_remove_all (self->pending_erases);
  for (guint i = 0; i < to_erase->len; i++)
    erase_now (self, g_array_index (to_erase, gint64, i));
}
