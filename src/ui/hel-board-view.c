/* hel-board-view.c: the Board meeting view. Every edit is saved at once and can be undone;
 * the board itself is HelBoardCanvas, the projector HelBoardMeetingMode. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-board-view-private.h"
#include "hel-board-print.h"
#include "hel-minutes-document.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

struct _HelBoardView
{
  AdwBin               parent_instance;

  HelStore            *store;
  HelBoardSession     *session;
  HelBoardMeetingMode *meeting_mode;
  char                *today;

  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkListBox          *meetings_list;
  GtkMenuButton       *new_button;
  GtkStack            *content_stack;
  GtkBox              *meeting_box;
  GtkBox              *agreements_box;
  GPtrArray           *agreement_rows;

  /* The meeting page, built in code */
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkDropDown         *privacy_drop;
  GtkMenuButton       *minutes_button;
  GtkToggleButton     *pen_button;
  GtkButton           *undo_button;
  GtkButton           *redo_button;
  GtkEntry            *date_entry;
  GtkEntry            *time_entry;
  GtkDropDown         *kind_drop;
  GtkDropDown         *team_drop;
  GArray              *team_ids;
  GtkLabel            *details_error;
  GtkListBox          *agenda_list;
  GtkDropDown         *add_family_drop;
  GArray              *add_family_ids;
  GtkLabel            *agenda_hint;
  GtkListBox          *participants_list;
  GtkDropDown         *add_caseworker_drop;
  GArray              *add_caseworker_ids;
  GtkEntry            *guest_name;
  GtkEntry            *guest_role;
  GtkLabel            *participants_error;
  HelBoardCanvas      *canvas;
  /* How wide the side panel beside the board should be: 360, or where it was dragged to. A
   * narrow window narrows it (the paned clamps it); when there is room again it goes back. */
  int                  side_width;

  /* New meeting */
  GtkDropDown         *new_kind;
  GtkDropDown         *new_team;
  GArray              *new_team_ids;
  GtkEntry            *new_date;
  GtkEntry            *new_time;
  GtkLabel            *new_hint;
  GtkLabel            *new_error;

  /* The author of new notes chosen last, per meeting (meeting id -> participant id): kept
   * while other meetings are open so going back finds the same person chosen. */
  GHashTable          *last_authors;
  /* The default time box for families added to the agenda (GSettings). */
  GSettings           *settings;
  GtkSpinButton       *default_minutes_spin;

  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (HelBoardView, hel_board_view, ADW_TYPE_BIN)

static void refresh_meeting (HelBoardView *self);
static void refresh_list (HelBoardView *self);

static const HelPrivacy projector_privacy[] = { HEL_PRIVACY_FIRST_NAMES, HEL_PRIVACY_INITIALS };

/* ---- toasts ---- */

static void
toast (HelBoardView *self,
       const char   *message,
       gboolean      with_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *t;

  if (overlay == NULL)
    {
      g_debug ("board view: toast without an overlay");
      return;
    }
  t = adw_toast_new (message);
  if (with_undo)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "meeting.undo");
      adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
}

static void
session_toast_cb (HelBoardView *self,
                  const char   *message,
                  gboolean      with_undo)
{
  toast (self, message, with_undo);
}

static void
error_toast (HelBoardView *self,
             const GError *error)
{
  toast (self, error->message, FALSE);
}

/* ---- the meetings list ---- */

static char *
meeting_label (HelMeetingKind  kind,
               const char     *team_name)
{
  if (kind == HEL_MEETING_PROJECT_GROUP || team_name == NULL)
    return g_strdup (hel_meeting_kind_label (kind));
  /* Translators: “Team meeting · Familiegruppe Øst” */
  return g_strdup_printf (_("%s · %s"), hel_meeting_kind_label (kind), team_name);
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  HelBoardView *self = user_data;
  const char *date = g_object_get_data (G_OBJECT (row), "date");
  const char *before_date = before ? g_object_get_data (G_OBJECT (before), "date") : NULL;
  gboolean upcoming = hel_date_compare (date, self->today) >= 0;
  gboolean before_upcoming = before_date && hel_date_compare (before_date, self->today) >= 0;
  GtkWidget *label;

  if (before != NULL && upcoming == before_upcoming)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (upcoming ? _("Upcoming") : _("Past"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_header (row, label);
}

static void
refresh_list (HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new ();
  gint64 selected = self->session ? hel_board_session_get_meeting_id (self->session) : 0;
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->meetings_list))) != NULL)
    gtk_list_box_remove (self->meetings_list, child);
  g_free (self->today);
  self->today = hel_date_today ();
  if (self->store == NULL)
    {
      self->filling = FALSE;
      return;
    }
  meetings = hel_store_list_meetings (self->store, &error);
  if (meetings == NULL)
    {
      error_toast (self, error);
      self->filling = FALSE;
      return;
    }
  /* Upcoming first, the nearest at the top; then the past, the latest first. */
  for (guint i = meetings->len; i > 0; i--)
    {
      HelMeetingSummary *m = meetings->pdata[i - 1];
      if (hel_date_compare (m->date, self->today) >= 0)
        g_ptr_array_add (upcoming, m);
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      HelMeetingSummary *m = meetings->pdata[i];
      if (hel_date_compare (m->date, self->today) < 0)
        g_ptr_array_add (upcoming, m);
    }
  for (guint i = 0; i < upcoming->len; i++)
    {
      HelMeetingSummary *m = upcoming->pdata[i];
      g_autofree char *title = meeting_label (m->kind, m->team_name);
      g_autofree char *date = hel_date_format (m->date);
      g_autofree char *families = g_strdup_printf (ngettext ("%u family", "%u families", m->n_families),
                                                   m->n_families);
      g_autofree char *subtitle = m->n_open_agreements > 0
        ? g_strdup_printf (ngettext ("%s %s · %s · %u open agreement", "%s %s · %s · %u open agreements",
                                     m->n_open_agreements), date, m->time ? m->time : "", families,
                           m->n_open_agreements)
        : g_strdup_printf ("%s %s · %s", date, m->time ? m->time : "", families);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      g_object_set_data_full (G_OBJECT (row), "date", g_strdup (m->date), g_free);
      g_object_set_data (G_OBJECT (row), "meeting-id", GSIZE_TO_POINTER ((gsize) m->id));
      gtk_list_box_append (self->meetings_list, row);
      if (m->id == selected)
        gtk_list_box_select_row (self->meetings_list, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
}

/* ---- the meeting page ---- */

static gint64
selected_item_id (HelBoardView *self)
{
  return self->canvas ? hel_board_canvas_get_item_id (self->canvas) : 0;
}

static void
set_error (GtkLabel     *label,
           GtkWidget    *field,
           const GError *error)
{
  gtk_label_set_label (label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
  if (field != NULL)
    {
      if (error != NULL)
        gtk_widget_add_css_class (field, "error");
      else
        gtk_widget_remove_css_class (field, "error");
    }
}

static void
update_undo (HelBoardView *self)
{
  HelUndoStack *undo = self->session ? hel_board_session_get_undo (self->session) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.undo",
                                 undo && hel_undo_stack_can_undo (undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.redo",
                                 undo && hel_undo_stack_can_redo (undo));
}

static void
item_row_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       HelBoardView  *self)
{
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "item-id"));

  if (item_id > 0)
    hel_board_canvas_set_item_id (self->canvas, item_id);
}

static void
minutes_changed_cb (GtkSpinButton *spin,
                    HelBoardView  *self)
{
  g_autoptr(GError) error = NULL;
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (spin), "item-id"));

  if (self->filling)
    return;
  if (!hel_board_session_set_minutes (self->session, item_id, gtk_spin_button_get_value_as_int (spin),
                                      &error))
    error_toast (self, error);
}

static void
item_move_cb (GtkButton    *button,
              HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "item-id"));
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index"));

  if (index >= 0 && !hel_board_session_move_item (self->session, item_id, (guint) index, &error))
    error_toast (self, error);
}

static void
item_remove_cb (GtkButton    *button,
                HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "item-id"));

  if (!hel_board_session_remove_item (self->session, item_id, &error))
    error_toast (self, error);
  else
    toast (self, _("Family taken off the agenda"), TRUE);
}

/* A screen reader says the same as the tooltip shows. */
static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  set_accessible_label (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
fill_agenda (HelBoardView *self,
             HelMeeting   *meeting)
{
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) families = hel_store_list_families (self->store, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 shown = selected_item_id (self);
  gboolean shown_found = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);
  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, item->family_name);
      guint n_open = 0;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, HEL_BOARD_MAX_MINUTES, 1);
      GtkWidget *up = icon_button ("go-up-symbolic", _("Earlier on the agenda"));
      GtkWidget *down = icon_button ("go-down-symbolic", _("Later on the agenda"));
      GtkWidget *remove = icon_button ("list-remove-symbolic", _("Take off the agenda"));

      for (guint k = 0; k < item->agreements->len; k++)
        if (((HelAgreement *) item->agreements->pdata[k])->carried &&
            !((HelAgreement *) item->agreements->pdata[k])->done)
          n_open++;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* One line, ellipsized: the buttons beside it must not squeeze the name to a column. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_widget_set_tooltip_text (row, item->family_name);
      if (n_open > 0)
        {
          g_autofree char *sub = g_strdup_printf (ngettext ("%u agreement to follow up",
                                                            "%u agreements to follow up", n_open), n_open);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "item-id", GSIZE_TO_POINTER ((gsize) item->id));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), item->minutes);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 3);

      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (spin, _("Time box in minutes"));
      g_object_set_data (G_OBJECT (spin), "item-id", GSIZE_TO_POINTER ((gsize) item->id));
      g_signal_connect (spin, "value-changed", G_CALLBACK (minutes_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      g_object_set_data (G_OBJECT (up), "item-id", GSIZE_TO_POINTER ((gsize) item->id));
      g_object_set_data (G_OBJECT (up), "index", GINT_TO_POINTER ((int) i - 1));
      g_object_set_data (G_OBJECT (down), "item-id", GSIZE_TO_POINTER ((gsize) item->id));
      g_object_set_data (G_OBJECT (down), "index", GINT_TO_POINTER ((int) i + 1));
      g_object_set_data (G_OBJECT (remove), "item-id", GSIZE_TO_POINTER ((gsize) item->id));
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < d->items->len);
      g_signal_connect (up, "clicked", G_CALLBACK (item_move_cb), self);
      g_signal_connect (down, "clicked", G_CALLBACK (item_move_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (item_remove_cb), self);
      {
        /* Earlier, later, off the agenda: behind one button, so the family's name has room. */
        GtkWidget *menu = gtk_menu_button_new ();
        GtkWidget *popover = gtk_popover_new ();
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

        gtk_box_append (GTK_BOX (box), up);
        gtk_box_append (GTK_BOX (box), down);
        gtk_box_append (GTK_BOX (box), remove);
        gtk_popover_set_child (GTK_POPOVER (popover), box);
        gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
        gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
        gtk_widget_set_tooltip_text (menu, _("Move or take off the agenda"));
        set_accessible_label (menu, _("Move or take off the agenda"));
        gtk_widget_add_css_class (menu, "flat");
        gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu);
      }
      gtk_list_box_append (self->agenda_list, row);
      if (item->id == shown)
        {
          shown_found = TRUE;
          gtk_list_box_select_row (self->agenda_list, GTK_LIST_BOX_ROW (row));
        }
    }
  if (!shown_found)
    {
      gint64 first = d->items->len > 0 ? ((HelAgendaItem *) d->items->pdata[0])->id : 0;
      hel_board_canvas_set_item_id (self->canvas, first);
      if (first > 0)
        gtk_list_box_select_row (self->agenda_list, gtk_list_box_get_row_at_index (self->agenda_list, 0));
    }
  /* A meeting without families says how to add them. */
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_hint), d->items->len == 0);

  /* Families that could be added: active, of the team (any team for the project group). */
  g_array_set_size (self->add_family_ids, 0);
  for (guint i = 0; families != NULL && i < families->len; i++)
    {
      HelFamily *f = families->pdata[i];
      gint64 id = hel_family_get_id (f);

      if (hel_family_get_end_date (f) != NULL || hel_meeting_find_family (meeting, id) != NULL)
        continue;
      if (d->kind == HEL_MEETING_TEAM && d->team_id > 0 && hel_family_get_team_id (f) != d->team_id)
        continue;
      g_array_append_val (self->add_family_ids, id);
      gtk_string_list_append (names, hel_family_get_name (f));
    }
  gtk_drop_down_set_model (self->add_family_drop, G_LIST_MODEL (names));
}

static void
participant_remove_cb (GtkButton    *button,
                       HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "participant-id"));
  gboolean removed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "removed"));

  if (!hel_board_session_set_participant_removed (self->session, id, !removed, &error))
    error_toast (self, error);
}

static void
fill_participants (HelBoardView *self,
                   HelMeeting   *meeting)
{
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) caseworkers = hel_store_list_caseworkers (self->store, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participants_list))) != NULL)
    gtk_list_box_remove (self->participants_list, child);
  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = icon_button (p->removed ? "edit-undo-symbolic" : "list-remove-symbolic",
                                       p->removed ? _("Back in the meeting")
                                                  : _("Left the meeting (their notes stay)"));
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hel_participant_get_name (p));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (p->caseworker_id > 0)
        subtitle = g_strdup (hel_discipline_label (p->discipline));
      else
        subtitle = g_strdup_printf ("%s%s%s", _("Guest"), p->role ? " · " : "", p->role ? p->role : "");
      if (p->removed)
        {
          g_autofree char *left = g_strdup_printf ("%s · %s", subtitle, _("left the meeting"));
          g_free (subtitle);
          subtitle = g_steal_pointer (&left);
          gtk_widget_add_css_class (row, "dim-label");
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (button), "participant-id", GSIZE_TO_POINTER ((gsize) p->id));
      g_object_set_data (G_OBJECT (button), "removed", GINT_TO_POINTER (p->removed));
      g_signal_connect (button, "clicked", G_CALLBACK (participant_remove_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->participants_list, row);
    }

  g_array_set_size (self->add_caseworker_ids, 0);
  for (guint i = 0; caseworkers != NULL && i < caseworkers->len; i++)
    {
      HelCaseworker *cw = caseworkers->pdata[i];
      gint64 id = hel_caseworker_get_id (cw);
      gboolean present = FALSE;

      for (guint k = 0; k < d->participants->len; k++)
        {
          HelParticipant *p = d->participants->pdata[k];
          if (p->caseworker_id == id && !p->removed)
            present = TRUE;
        }
      if (present)
        continue;
      g_array_append_val (self->add_caseworker_ids, id);
      gtk_string_list_append (names, hel_caseworker_get_name (cw));
    }
  gtk_drop_down_set_model (self->add_caseworker_drop, G_LIST_MODEL (names));
}

static void
fill_details (HelBoardView *self,
              HelMeeting   *meeting)
{
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = hel_store_list_teams (self->store, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *title = meeting_label (d->kind, d->team_name);
  g_autofree char *date = hel_date_format (d->date);
  g_autofree char *subtitle = g_strdup_printf ("%s %s", date, d->time ? d->time : "");
  guint selected = 0;
  gint64 none = 0;

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  /* Typed text that was refused stays until it is fixed. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->date_entry), "error"))
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->time_entry), "error"))
    gtk_editable_set_text (GTK_EDITABLE (self->time_entry), d->time ? d->time : "");
  gtk_drop_down_set_selected (self->kind_drop, d->kind);
  g_array_set_size (self->team_ids, 0);
  g_array_append_val (self->team_ids, none);
  gtk_string_list_append (names, _("The whole project group"));
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      gint64 id = hel_team_get_id (teams->pdata[i]);
      if (id == d->team_id)
        selected = self->team_ids->len;
      g_array_append_val (self->team_ids, id);
      gtk_string_list_append (names, hel_team_get_name (teams->pdata[i]));
    }
  gtk_drop_down_set_model (self->team_drop, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->team_drop, selected);
}

static void
refresh_meeting (HelBoardView *self)
{
  HelMeeting *meeting = self->session ? hel_board_session_get_meeting (self->session) : NULL;

  update_undo (self);
  if (meeting == NULL)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "meeting") == 0)
        gtk_stack_set_visible_child_name (self->content_stack, "none");
      return;
    }
  self->filling = TRUE;
  fill_details (self, meeting);
  fill_participants (self, meeting);
  fill_agenda (self, meeting);
  self->filling = FALSE;
}

static void
session_changed_cb (HelBoardView *self)
{
  refresh_meeting (self);
}

static void
open_meeting (HelBoardView *self,
              gint64        meeting_id)
{
  if (self->session != NULL)
    {
      gint64 open_id = hel_board_session_get_meeting_id (self->session);
      gint64 author = hel_board_session_get_last_author (self->session);

      g_hash_table_insert (self->last_authors, g_memdup2 (&open_id, sizeof open_id),
                           g_memdup2 (&author, sizeof author));
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (hel_board_session_get_undo (self->session), self);
      if (self->meeting_mode != NULL)
        gtk_window_destroy (GTK_WINDOW (self->meeting_mode));
    }
  g_clear_object (&self->session);
  if (meeting_id > 0 && self->store != NULL)
    {
      gint64 *author = g_hash_table_lookup (self->last_authors, &meeting_id);

      self->session = hel_board_session_new (self->store, meeting_id);
      if (author != NULL)
        hel_board_session_set_last_author (self->session, *author);
      g_signal_connect_swapped (self->session, "changed", G_CALLBACK (session_changed_cb), self);
      g_signal_connect_swapped (self->session, "toast", G_CALLBACK (session_toast_cb), self);
      g_signal_connect_swapped (hel_board_session_get_undo (self->session), "notify",
                                G_CALLBACK (update_undo), self);
    }
  hel_board_canvas_set_session (self->canvas, self->session);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->time_entry), "error");
  set_error (self->details_error, NULL, NULL);
  if (self->session != NULL && hel_board_session_get_meeting (self->session) != NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "meeting");
      refresh_meeting (self);
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "none");
  update_undo (self);
}

static void
meeting_row_selected_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         HelBoardView  *self)
{
  gint64 id;

  if (self->filling || row == NULL)
    return;
  id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "meeting-id"));
  if (self->session == NULL || hel_board_session_get_meeting_id (self->session) != id ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "meeting") != 0)
    open_meeting (self, id);
}

gboolean
hel_board_view_show_meeting (HelBoardView *self,
                             gint64        meeting_id)
{
  g_return_val_if_fail (HEL_IS_BOARD_VIEW (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->meetings_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "meeting-id")) == (gsize) meeting_id)
      {
        open_meeting (self, meeting_id);
        self->filling = TRUE;
        gtk_list_box_select_row (self->meetings_list, GTK_LIST_BOX_ROW (row));
        self->filling = FALSE;
        return TRUE;
      }
  return FALSE;
}

/* ---- edits from the side panel ---- */

static void
details_changed_cb (HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char *time_text = gtk_editable_get_text (GTK_EDITABLE (self->time_entry));
  guint team = gtk_drop_down_get_selected (self->team_drop);
  HelMeeting *meeting = self->session ? hel_board_session_get_meeting (self->session) : NULL;

  if (self->filling || meeting == NULL)
    return;
  if (!hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), TRUE, &date, &error))
    {
      set_error (self->details_error, GTK_WIDGET (self->date_entry), error);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  if (*time_text != '\0' && !hel_board_time_parse (time_text, &time))
    {
      g_autoptr(GError) bad = g_error_new_literal (HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID,
                                                   _("The time is not a time of day. Write it as 09:30."));
      set_error (self->details_error, GTK_WIDGET (self->time_entry), bad);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->time_entry), "error");
  set_error (self->details_error, NULL, NULL);
  if (!hel_board_session_save_details (self->session, gtk_drop_down_get_selected (self->kind_drop),
                                       team < self->team_ids->len ? g_array_index (self->team_ids, gint64, team) : 0,
                                       date, time, &error))
    set_error (self->details_error, NULL, error);
  else
    refresh_list (self);
}

/* The time box a family gets when it is added: the person's own choice, kept in GSettings. */
static int
default_minutes (HelBoardView *self)
{
  if (self->settings == NULL)
    return HEL_BOARD_DEFAULT_MINUTES;
  return CLAMP (g_settings_get_int (self->settings, "meeting-minutes-per-family"), 1,
                HEL_BOARD_MAX_MINUTES);
}

static void
add_family_cb (HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->add_family_drop);

  if (self->session == NULL || selected >= self->add_family_ids->len)
    return;
  if (!hel_board_session_add_family (self->session, g_array_index (self->add_family_ids, gint64, selected),
                                     default_minutes (self), &error))
    error_toast (self, error);
  else
    refresh_list (self);
}

static void
add_caseworker_cb (HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->add_caseworker_drop);
  g_autoptr(HelParticipant) p = NULL;

  if (self->session == NULL || selected >= self->add_caseworker_ids->len)
    return;
  p = hel_participant_new (g_array_index (self->add_caseworker_ids, gint64, selected), NULL, NULL,
                           HEL_DISCIPLINE_OTHER);
  if (!hel_board_session_add_participant (self->session, p, &error))
    set_error (self->participants_error, NULL, error);
  else
    set_error (self->participants_error, NULL, NULL);
}

static void
add_guest_cb (HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  const char *role = gtk_editable_get_text (GTK_EDITABLE (self->guest_role));
  g_autoptr(HelParticipant) p = hel_participant_new (0, gtk_editable_get_text (GTK_EDITABLE (self->guest_name)),
                                                     *role ? role : NULL, HEL_DISCIPLINE_OTHER);

  if (self->session == NULL)
    return;
  if (!hel_board_session_add_participant (self->session, p, &error))
    {
      set_error (self->participants_error, GTK_WIDGET (self->guest_name), error);
      return;
    }
  set_error (self->participants_error, GTK_WIDGET (self->guest_name), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->guest_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->guest_role), "");
}

/* ---- new meeting ---- */

static void
update_proposal (HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  HelMeetingKind kind = gtk_drop_down_get_selected (self->new_kind);
  guint team = gtk_drop_down_get_selected (self->new_team);
  gint64 team_id = team < self->new_team_ids->len ? g_array_index (self->new_team_ids, gint64, team) : 0;
  g_autofree char *today = hel_date_today ();
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *hint = NULL;

  if (self->store == NULL)
    return;
  if (kind == HEL_MEETING_PROJECT_GROUP)
    team_id = 0;
  last = hel_store_last_meeting_date (self->store, team_id, kind, &error);
  next = hel_meeting_propose_date (kind, last, today);
  shown = hel_date_format (next);
  gtk_editable_set_text (GTK_EDITABLE (self->new_date), shown);
  if (last != NULL)
    {
      g_autofree char *last_shown = hel_date_format (last);
      hint = g_strdup_printf (ngettext ("Every %u day after the last meeting (%s). Its open agreements "
                                        "come along and are followed up first.",
                                        "Every %u days after the last meeting (%s). Its open agreements "
                                        "come along and are followed up first.",
                                        hel_meeting_kind_rhythm_days (kind)),
                              hel_meeting_kind_rhythm_days (kind), last_shown);
    }
  else
    hint = g_strdup (_("The first meeting of its kind: add the families to its agenda."));
  gtk_label_set_label (self->new_hint, hint);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_team), kind == HEL_MEETING_TEAM);
  set_error (self->new_error, GTK_WIDGET (self->new_date), NULL);
}

static void
new_popover_show_cb (HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = self->store ? hel_store_list_teams (self->store, &error) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->new_team_ids, 0);
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      gint64 id = hel_team_get_id (teams->pdata[i]);
      g_array_append_val (self->new_team_ids, id);
      gtk_string_list_append (names, hel_team_get_name (teams->pdata[i]));
    }
  gtk_drop_down_set_model (self->new_team, G_LIST_MODEL (names));
  update_proposal (self);
}

static void
create_meeting_cb (HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelMeeting) meeting = hel_meeting_new ();
  HelMeetingData *d = hel_meeting_data (meeting);
  guint team = gtk_drop_down_get_selected (self->new_team);
  const char *time = gtk_editable_get_text (GTK_EDITABLE (self->new_time));
  guint carried = 0;

  if (self->store == NULL)
    return;
  d->kind = gtk_drop_down_get_selected (self->new_kind);
  d->team_id = d->kind == HEL_MEETING_TEAM && team < self->new_team_ids->len
               ? g_array_index (self->new_team_ids, gint64, team) : 0;
  if (!hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->new_date)), TRUE, &d->date, &error))
    {
      set_error (self->new_error, GTK_WIDGET (self->new_date), error);
      return;
    }
  d->time = *time ? g_strdup (time) : NULL;
  if (!hel_store_create_meeting (self->store, meeting, HEL_MEETING_CREATE_CARRY_OVER, &error))
    {
      set_error (self->new_error, GTK_WIDGET (self->new_date), error);
      return;
    }
  set_error (self->new_error, GTK_WIDGET (self->new_date), NULL);
  gtk_menu_button_popdown (self->new_button);
  refresh_list (self);
  hel_board_view_show_meeting (self, d->id);
  if (self->session != NULL && hel_board_session_get_meeting (self->session) != NULL)
    {
      HelMeetingData *loaded = hel_meeting_data (hel_board_session_get_meeting (self->session));
      for (guint i = 0; i < loaded->items->len; i++)
        carried += ((HelAgendaItem *) loaded->items->pdata[i])->agreements->len;
    }
  if (carried > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Meeting made; %u open agreement to follow up",
                                                            "Meeting made; %u open agreements to follow up",
                                                            carried), carried);
      toast (self, message, FALSE);
    }
  else
    toast (self, _("Meeting made"), FALSE);
}

static void
drop_label_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
drop_label_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      GTK_IS_STRING_OBJECT (string) ? gtk_string_object_get_string (GTK_STRING_OBJECT (string)) : "");
}

/* A drop-down of names (families, caseworkers, teams) whose button ellipsizes the chosen name:
 * otherwise the longest name sets the side panel's minimum width, and a long one makes the
 * view fold away the meeting list. The list keeps GTK's own rows: names in full, a check mark
 * at the chosen one. */
static GtkDropDown *
names_drop_down (void)
{
  GtkDropDown *drop = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();

  gtk_drop_down_set_list_factory (drop, gtk_drop_down_get_factory (drop));
  g_signal_connect (button, "setup", G_CALLBACK (drop_label_setup_cb), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (drop_label_bind_cb), NULL);
  gtk_drop_down_set_factory (drop, button);
  return drop;
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), field);
  return box;
}

static GtkWidget *
error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static void
build_new_popover (HelBoardView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *create = gtk_button_new_with_mnemonic (_("_Make Meeting"));
  GtkWidget *hint;
  const char *kinds[] = { hel_meeting_kind_label (HEL_MEETING_TEAM),
                          hel_meeting_kind_label (HEL_MEETING_PROJECT_GROUP), NULL };

  gtk_widget_set_size_request (box, 300, -1);
  self->new_kind = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  self->new_team = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->new_date = GTK_ENTRY (gtk_entry_new ());
  self->new_time = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->new_time), "09:30");
  hint = gtk_label_new (NULL);
  self->new_hint = GTK_LABEL (hint);
  gtk_label_set_wrap (self->new_hint, TRUE);
  gtk_label_set_xalign (self->new_hint, 0);
  gtk_widget_add_css_class (hint, "dim-label");
  self->new_error = GTK_LABEL (error_label ());
  gtk_widget_add_css_class (create, "suggested-action");
  g_signal_connect_swapped (self->new_kind, "notify::selected", G_CALLBACK (update_proposal), self);
  g_signal_connect_swapped (self->new_team, "notify::selected", G_CALLBACK (update_proposal), self);
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (create_meeting_cb), self);
  g_signal_connect_swapped (self->new_date, "activate", G_CALLBACK (create_meeting_cb), self);
  gtk_box_append (GTK_BOX (box), labelled (_("_Kind"), GTK_WIDGET (self->new_kind)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Team"), GTK_WIDGET (self->new_team)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Date"), GTK_WIDGET (self->new_date)));
  gtk_box_append (GTK_BOX (box), labelled (_("T_ime"), GTK_WIDGET (self->new_time)));
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->new_error));
  gtk_box_append (GTK_BOX (box), create);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (new_popover_show_cb), self);
  gtk_menu_button_set_popover (self->new_button, popover);
}

/* ---- the meeting page's widgets ---- */

static GtkWidget *
group (const char *title,
       GtkWidget  *first,
       ...)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  va_start (args, first);
  for (GtkWidget *w = first; w != NULL; w = va_arg (args, GtkWidget *))
    gtk_box_append (GTK_BOX (box), w);
  va_end (args);
  return box;
}

static GtkWidget *
boxed_list (GtkListBox **out)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (list, "boxed-list");
  *out = GTK_LIST_BOX (list);
  return list;
}

static void
privacy_changed_cb (HelBoardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->privacy_drop);

  if (self->meeting_mode != NULL && selected < G_N_ELEMENTS (projector_privacy))
    hel_board_meeting_mode_set_privacy (self->meeting_mode, projector_privacy[selected]);
}

static void
pen_toggled_cb (HelBoardView *self)
{
  hel_board_canvas_set_pen_mode (self->canvas, gtk_toggle_button_get_active (self->pen_button));
}

static void
side_position_cb (GtkPaned     *paned,
                  GParamSpec   *pspec,
                  HelBoardView *self)
{
  int position = gtk_paned_get_position (paned);
  int max_position;

  g_object_get (paned, "max-position", &max_position, NULL);
  /* At the limit and short of the wish: narrowed by the window, not dragged there. */
  if (position >= max_position && position < self->side_width)
    return;
  self->side_width = position;
}

static void
side_max_position_cb (GtkPaned     *paned,
                      GParamSpec   *pspec,
                      HelBoardView *self)
{
  int position = gtk_paned_get_position (paned);
  int max_position;

  g_object_get (paned, "max-position", &max_position, NULL);
  if (position < self->side_width && position < max_position)
    gtk_paned_set_position (paned, MIN (self->side_width, max_position));
}

static void
build_meeting_page (HelBoardView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *button, *row, *add, *agenda_group, *details_grid, *minutes_row;
  const char *kinds[] = { hel_meeting_kind_label (HEL_MEETING_TEAM),
                          hel_meeting_kind_label (HEL_MEETING_PROJECT_GROUP), NULL };
  const char *privacy[] = { _("First names on the projector"), _("Initials on the projector"), NULL };

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-3");
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  self->subtitle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
  gtk_label_set_xalign (self->subtitle_label, 0);
  gtk_label_set_ellipsize (self->subtitle_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->subtitle_label));
  {
    /* The meeting's name and date where they fit; in a narrow window (1024 px, the meeting
     * list beside it) the row holds only the buttons rather than "Team…": the selected row in
     * the list and the Meeting fields below name the meeting then. */
    GtkWidget *squeezer = adw_squeezer_new ();

    adw_squeezer_set_allow_none (ADW_SQUEEZER (squeezer), TRUE);
    adw_squeezer_set_switch_threshold_policy (ADW_SQUEEZER (squeezer), ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
    adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
    gtk_widget_set_size_request (titles, 180, -1);
    adw_squeezer_add (ADW_SQUEEZER (squeezer), titles);
    gtk_widget_set_hexpand (squeezer, TRUE);
    gtk_box_append (GTK_BOX (bar), squeezer);
  }

  button = icon_button ("edit-undo-symbolic", _("Undo (Ctrl+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.undo");
  self->undo_button = GTK_BUTTON (button);
  gtk_box_append (GTK_BOX (bar), button);
  button = icon_button ("edit-redo-symbolic", _("Redo (Shift+Ctrl+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.redo");
  self->redo_button = GTK_BUTTON (button);
  gtk_box_append (GTK_BOX (bar), button);
  button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (button), "document-edit-symbolic");
  gtk_widget_set_tooltip_text (button, _("Pen: draw on the board (P); E erases the last stroke"));
  set_accessible_label (button, _("Pen: draw on the board (P); E erases the last stroke"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  self->pen_button = GTK_TOGGLE_BUTTON (button);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (pen_toggled_cb), self);
  gtk_box_append (GTK_BOX (bar), button);
  self->privacy_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (privacy));
  gtk_widget_set_valign (GTK_WIDGET (self->privacy_drop), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->privacy_drop),
                               _("How people are named on the projector and in the minutes; "
                                 "CPR numbers and internal notes are never shown"));
  g_signal_connect_swapped (self->privacy_drop, "notify::selected", G_CALLBACK (privacy_changed_cb), self);
  set_accessible_label (GTK_WIDGET (self->privacy_drop), _("How people are named on the projector"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->privacy_drop));
  hel_board_settings_bind_privacy (self->settings, self->privacy_drop);
  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("_Print…"), "meeting.print-minutes");
    g_menu_append (menu, _("Save as _PDF…"), "meeting.minutes");
    button = gtk_menu_button_new ();
    gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Minutes"));
    gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
    /* GTK 4.8 does not name a menu button by its label. */
    set_accessible_label (button, _("Minutes: print or save as PDF"));
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    self->minutes_button = GTK_MENU_BUTTON (button);
    gtk_box_append (GTK_BOX (bar), button);
  }
  button = gtk_button_new_with_mnemonic (_("Meeting _Mode"));
  gtk_widget_set_tooltip_text (button, _("The board on the projector, full screen (F5)"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meeting.mode");
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (self->meeting_box, bar);
  gtk_box_append (self->meeting_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* The side panel: details, agenda, participants. */
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  self->time_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 10);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->time_entry), 5);
  self->kind_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kinds));
  self->team_drop = names_drop_down ();
  self->details_error = GTK_LABEL (error_label ());
  g_signal_connect_swapped (self->date_entry, "activate", G_CALLBACK (details_changed_cb), self);
  g_signal_connect_swapped (self->time_entry, "activate", G_CALLBACK (details_changed_cb), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();
    g_signal_connect_swapped (focus, "leave", G_CALLBACK (details_changed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->date_entry), focus);
    focus = gtk_event_controller_focus_new ();
    g_signal_connect_swapped (focus, "leave", G_CALLBACK (details_changed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->time_entry), focus);
  }
  g_signal_connect_swapped (self->kind_drop, "notify::selected", G_CALLBACK (details_changed_cb), self);
  g_signal_connect_swapped (self->team_drop, "notify::selected", G_CALLBACK (details_changed_cb), self);
  details_grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (details_grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (details_grid), 8);
  gtk_grid_attach (GTK_GRID (details_grid), labelled (_("_Date"), GTK_WIDGET (self->date_entry)), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (details_grid), labelled (_("T_ime"), GTK_WIDGET (self->time_entry)), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (details_grid), labelled (_("_Kind"), GTK_WIDGET (self->kind_drop)), 0, 1, 2, 1);
  gtk_grid_attach (GTK_GRID (details_grid), labelled (_("_Team"), GTK_WIDGET (self->team_drop)), 0, 2, 2, 1);
  gtk_box_append (GTK_BOX (side), group (_("Meeting"), details_grid, GTK_WIDGET (self->details_error), NULL));

  self->agenda_hint = GTK_LABEL (gtk_label_new (_("No families on the agenda yet. Choose a family "
                                                  "below and press Add; each family gets its own "
                                                  "board.")));
  gtk_label_set_wrap (self->agenda_hint, TRUE);
  gtk_label_set_xalign (self->agenda_hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->agenda_hint), "dim-label");
  self->add_family_drop = names_drop_down ();
  gtk_drop_down_set_enable_search (self->add_family_drop, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->add_family_drop), TRUE);
  set_accessible_label (GTK_WIDGET (self->add_family_drop), _("Family to add to the agenda"));
  add = gtk_button_new_with_mnemonic (_("_Add"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_family_cb), self);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->add_family_drop));
  gtk_box_append (GTK_BOX (row), add);
  {
    /* Next to the time boxes it sets: what a family gets when added (each row's own box
     * changes only that family). */
    GtkWidget *label = gtk_label_new_with_mnemonic (_("Time _box for families added"));
    GtkWidget *unit = gtk_label_new (_("min."));

    self->default_minutes_spin =
      GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, HEL_BOARD_MAX_MINUTES, 1));
    gtk_spin_button_set_value (self->default_minutes_spin, default_minutes (self));
    gtk_editable_set_width_chars (GTK_EDITABLE (self->default_minutes_spin), 3);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->default_minutes_spin),
                                 _("Minutes a family gets when it is added to an agenda"));
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->default_minutes_spin));
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_widget_set_hexpand (label, TRUE);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_add_css_class (unit, "dim-label");
    if (self->settings != NULL)
      g_settings_bind (self->settings, "meeting-minutes-per-family", self->default_minutes_spin,
                       "value", G_SETTINGS_BIND_DEFAULT);
    minutes_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    gtk_box_append (GTK_BOX (minutes_row), label);
    gtk_box_append (GTK_BOX (minutes_row), GTK_WIDGET (self->default_minutes_spin));
    gtk_box_append (GTK_BOX (minutes_row), unit);
  }
  agenda_group = group (_("Agenda"), boxed_list (&self->agenda_list), GTK_WIDGET (self->agenda_hint),
                        row, minutes_row, NULL);
  g_signal_connect (self->agenda_list, "row-activated", G_CALLBACK (item_row_activated_cb), self);
  gtk_box_append (GTK_BOX (side), agenda_group);

  self->add_caseworker_drop = names_drop_down ();
  gtk_widget_set_hexpand (GTK_WIDGET (self->add_caseworker_drop), TRUE);
  set_accessible_label (GTK_WIDGET (self->add_caseworker_drop), _("Caseworker to add"));
  add = gtk_button_new_with_mnemonic (_("A_dd"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_caseworker_cb), self);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->add_caseworker_drop));
  gtk_box_append (GTK_BOX (row), add);
  self->guest_name = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->guest_name, _("Guest’s name"));
  self->guest_role = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->guest_role, _("Role, e.g. mentor"));
  g_signal_connect_swapped (self->guest_role, "activate", G_CALLBACK (add_guest_cb), self);
  add = gtk_button_new_with_mnemonic (_("Add _Guest"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_guest_cb), self);
  self->participants_error = GTK_LABEL (error_label ());
  gtk_box_append (GTK_BOX (side),
                  group (_("Participants"), boxed_list (&self->participants_list), row,
                         GTK_WIDGET (self->guest_name), GTK_WIDGET (self->guest_role), add,
                         GTK_WIDGET (self->participants_error), NULL));
  gtk_list_box_set_selection_mode (self->participants_list, GTK_SELECTION_NONE);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), side);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* 360 wide where there is room, down to 260 (the paned clamps the position) so that the
   * meeting list still fits beside the meeting at 1024 px: the leaflet folds when the pages'
   * minimum widths do not fit side by side. */
  gtk_widget_set_size_request (scroll, 260, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), scroll);
  self->side_width = 360;
  gtk_paned_set_position (GTK_PANED (paned), self->side_width);
  g_signal_connect (paned, "notify::position", G_CALLBACK (side_position_cb), self);
  g_signal_connect (paned, "notify::max-position", G_CALLBACK (side_max_position_cb), self);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  self->canvas = HEL_BOARD_CANVAS (hel_board_canvas_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->canvas), 440, 320);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->canvas));
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (self->meeting_box, paned);
}

/* ---- open agreements ---- */

static void
agreement_done_toggled_cb (GtkCheckButton *check,
                           HelBoardView   *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "agreement-id"));

  if (self->filling)
    return;
  if (!hel_store_set_agreement_done (self->store, id, gtk_check_button_get_active (check), &error))
    error_toast (self, error);
  else
    toast (self, gtk_check_button_get_active (check) ? _("Agreement done") : _("Agreement open again"),
           FALSE);
}

static void
fill_agreements (HelBoardView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autofree char *today = hel_date_today ();
  GtkWidget *child, *heading, *current = NULL;
  const char *current_owner = NULL;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agreements_box))) != NULL)
    gtk_box_remove (self->agreements_box, child);
  g_ptr_array_set_size (self->agreement_rows, 0);
  heading = gtk_label_new (_("Open Agreements"));
  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (self->agreements_box, heading);
  open = self->store ? hel_store_list_open_agreements (self->store, 0, &error) : NULL;
  if (open == NULL || open->len == 0)
    {
      GtkWidget *empty = gtk_label_new (open ? _("Every agreement is done.") : error->message);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (self->agreements_box, empty);
      self->filling = FALSE;
      return;
    }
  for (guint i = 0; i < open->len; i++)
    {
      HelOpenAgreement *o = open->pdata[i];
      HelAgreement *a = o->agreement;
      const char *owner = a->owner_label ? a->owner_label : _("No owner yet");
      g_autofree char *due = a->due ? hel_date_format (a->due) : NULL;
      g_autofree char *subtitle = NULL;
      gboolean overdue = hel_agreement_due_state (a, today) == HEL_DUE_OVERDUE;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (current == NULL || g_strcmp0 (owner, current_owner) != 0)
        {
          current = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (current), owner);
          gtk_box_append (self->agreements_box, current);
          current_owner = owner;
        }
      subtitle = g_strdup_printf ("%s · %s%s", o->family_name,
                                  due ? "" : _("No deadline yet"), "");
      if (due != NULL)
        {
          g_autofree char *by = g_strdup_printf (_("by %s"), due);
          g_free (subtitle);
          subtitle = g_strdup_printf ("%s · %s", o->family_name, by);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->what);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (overdue)
        {
          GtkWidget *label = gtk_label_new (_("Overdue"));
          gtk_widget_add_css_class (label, "error");
          gtk_widget_add_css_class (label, "heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      g_object_set_data (G_OBJECT (check), "agreement-id", GSIZE_TO_POINTER ((gsize) a->id));
      gtk_widget_set_tooltip_text (check, _("Done"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect (check, "toggled", G_CALLBACK (agreement_done_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (current), row);
      g_ptr_array_add (self->agreement_rows, row);
    }
  self->filling = FALSE;
}

/* ---- actions ---- */

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelBoardView *self = HEL_BOARD_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->session == NULL)
    return;
  ok = g_str_equal (action_name, "meeting.undo") ? hel_board_session_undo (self->session, &error)
                                                 : hel_board_session_redo (self->session, &error);
  if (!ok)
    error_toast (self, error);
  update_undo (self);
}

static void
meeting_mode_destroyed_cb (HelBoardView *self)
{
  self->meeting_mode = NULL;
}

static void
mode_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelBoardView *self = HEL_BOARD_VIEW (widget);
  guint selected = gtk_drop_down_get_selected (self->privacy_drop);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->session == NULL || hel_board_session_get_meeting (self->session) == NULL)
    return;
  if (self->meeting_mode != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->meeting_mode));
      return;
    }
  self->meeting_mode = hel_board_meeting_mode_new (self->session,
                                                   selected < G_N_ELEMENTS (projector_privacy)
                                                   ? projector_privacy[selected] : HEL_PRIVACY_INITIALS,
                                                   selected_item_id (self));
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self->meeting_mode), GTK_WINDOW (root));
      gtk_window_set_application (GTK_WINDOW (self->meeting_mode),
                                  gtk_window_get_application (GTK_WINDOW (root)));
    }
  g_signal_connect_swapped (self->meeting_mode, "destroy", G_CALLBACK (meeting_mode_destroyed_cb), self);
  gtk_window_present (GTK_WINDOW (self->meeting_mode));
  gtk_window_fullscreen (GTK_WINDOW (self->meeting_mode));
}

static void
minutes_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     HelBoardView    *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HelMinutesDocument) doc = NULL;
  guint selected = gtk_drop_down_get_selected (self->privacy_drop);

  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL &&
      hel_board_session_get_meeting (self->session) != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
      doc = hel_minutes_document_new_for_meeting (hel_board_session_get_meeting (self->session),
                                                  selected < G_N_ELEMENTS (projector_privacy)
                                                  ? projector_privacy[selected] : HEL_PRIVACY_INITIALS);
      if (path == NULL)
        toast (self, _("The minutes can only be saved to a local file."), FALSE);
      else if (!hel_minutes_document_write_pdf (doc, path, &error))
        error_toast (self, error);
      else
        toast (self, _("Minutes saved"), FALSE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
minutes_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HelBoardView *self = HEL_BOARD_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  HelMeetingData *d;

  if (self->session == NULL || hel_board_session_get_meeting (self->session) == NULL)
    return;
  d = hel_meeting_data (hel_board_session_get_meeting (self->session));
  chooser = gtk_file_chooser_native_new (_("Save Minutes"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the suggested file name of the minutes; %s is the date */
  name = g_strdup_printf (_("minutes-%s.pdf"), d->date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (minutes_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  (void) title;
}

static HelPrivacy
chosen_privacy (HelBoardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->privacy_drop);

  return selected < G_N_ELEMENTS (projector_privacy) ? projector_privacy[selected]
                                                     : HEL_PRIVACY_INITIALS;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               HelBoardView            *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        error_toast (self, error);
    }
  g_object_unref (self);
}

/* The same pages as the PDF, through the print dialog; names as chosen for the projector. */
static void
print_minutes_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HelBoardView *self = HEL_BOARD_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || hel_board_session_get_meeting (self->session) == NULL)
    return;
  operation = hel_board_minutes_print_operation_new (hel_board_session_get_meeting (self->session),
                                                     chosen_privacy (self));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    error_toast (self, error);
}

static void
agreements_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelBoardView *self = HEL_BOARD_VIEW (widget);

  fill_agreements (self);
  self->filling = TRUE;
  gtk_list_box_unselect_all (self->meetings_list);
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->content_stack, "agreements");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* ---- store ---- */

static void
store_changed_cb (HelBoardView *self)
{
  refresh_list (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "agreements") == 0)
    fill_agreements (self);
}

void
hel_board_view_set_store (HelBoardView *self,
                          HelStore     *store)
{
  g_return_if_fail (HEL_IS_BOARD_VIEW (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  open_meeting (self, 0);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::meeting", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::plan", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::family", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  refresh_list (self);
}

GtkWidget *
hel_board_view_new (void)
{
  return g_object_new (HEL_TYPE_BOARD_VIEW, NULL);
}

static void
hel_board_view_dispose (GObject *object)
{
  HelBoardView *self = HEL_BOARD_VIEW (object);

  if (self->meeting_mode != NULL)
    gtk_window_destroy (GTK_WINDOW (self->meeting_mode));
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (hel_board_session_get_undo (self->session), self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  /* No gtk_widget_dispose_template (): the template's root is AdwBin's child, which AdwBin's
   * own dispose unparents; unparenting it here first would leave AdwBin a dangling child. */
  G_OBJECT_CLASS (hel_board_view_parent_class)->dispose (object);
}

static void
hel_board_view_finalize (GObject *object)
{
  HelBoardView *self = HEL_BOARD_VIEW (object);

  g_free (self->today);
  g_array_unref (self->team_ids);
  g_array_unref (self->new_team_ids);
  g_array_unref (self->add_family_ids);
  g_array_unref (self->add_caseworker_ids);
  g_ptr_array_unref (self->agreement_rows);
  g_hash_table_unref (self->last_authors);
  G_OBJECT_CLASS (hel_board_view_parent_class)->finalize (object);
}

static void
hel_board_view_class_init (HelBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_board_view_dispose;
  object_class->finalize = hel_board_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hel-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelBoardView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HelBoardView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HelBoardView, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, HelBoardView, new_button);
  gtk_widget_class_bind_template_child (widget_class, HelBoardView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HelBoardView, meeting_box);
  gtk_widget_class_bind_template_child (widget_class, HelBoardView, agreements_box);

  gtk_widget_class_install_action (widget_class, "meeting.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.redo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.mode", NULL, mode_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.minutes", NULL, minutes_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.print-minutes", NULL,
                                   print_minutes_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "meeting.print-minutes", NULL);
  gtk_widget_class_install_action (widget_class, "meeting.agreements", NULL, agreements_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "meeting.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "meeting.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "meeting.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "meeting.mode", NULL);
}

static void
hel_board_view_init (HelBoardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = hel_date_today ();
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->new_team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->add_family_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->add_caseworker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->agreement_rows = g_ptr_array_new ();
  self->last_authors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->settings = hel_board_settings_new ();
  gtk_list_box_set_header_func (self->meetings_list, header_func, self, NULL);
  g_signal_connect (self->meetings_list, "row-selected", G_CALLBACK (meeting_row_selected_cb), self);
  build_new_popover (self);
  build_meeting_page (self);
  update_undo (self);
}

/* ---- test hooks ---- */

HelBoardSession *_hel_board_view_get_session (HelBoardView *self) { return self->session; }
HelBoardCanvas *_hel_board_view_get_canvas (HelBoardView *self) { return self->canvas; }
AdwLeaflet *_hel_board_view_get_leaflet (HelBoardView *self) { return self->leaflet; }
GtkWidget *_hel_board_view_get_sidebar (HelBoardView *self) { return self->sidebar; }
GtkWidget *_hel_board_view_get_new_button (HelBoardView *self) { return GTK_WIDGET (self->new_button); }
GtkListBox *_hel_board_view_get_meetings_list (HelBoardView *self) { return self->meetings_list; }
HelBoardMeetingMode *_hel_board_view_get_meeting_mode (HelBoardView *self) { return self->meeting_mode; }
GtkEditable *_hel_board_view_get_new_date (HelBoardView *self) { return GTK_EDITABLE (self->new_date); }
GtkDropDown *_hel_board_view_get_new_team (HelBoardView *self) { return self->new_team; }
GtkLabel *_hel_board_view_get_new_error (HelBoardView *self) { return self->new_error; }
GtkEditable *_hel_board_view_get_date_entry (HelBoardView *self) { return GTK_EDITABLE (self->date_entry); }
GtkLabel *_hel_board_view_get_details_error (HelBoardView *self) { return self->details_error; }
GPtrArray *_hel_board_view_get_agreement_rows (HelBoardView *self) { return self->agreement_rows; }

GtkDropDown *_hel_board_view_get_privacy_drop (HelBoardView *self) { return self->privacy_drop; }
GtkSpinButton *_hel_board_view_get_default_minutes (HelBoardView *self) { return self->default_minutes_spin; }
GtkMenuButton *_hel_board_view_get_minutes_button (HelBoardView *self) { return self->minutes_button; }

gboolean
_hel_board_view_print_minutes_to_file (HelBoardView  *self,
                                       const char    *path,
                                       GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (self->session != NULL, FALSE);
  operation = hel_board_minutes_print_operation_new (hel_board_session_get_meeting (self->session),
                                                     chosen_privacy (self));
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

const char *
_hel_board_view_get_visible_page (HelBoardView *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

void
_hel_board_view_popup_new_meeting (HelBoardView *self)
{
  gtk_menu_button_popup (self->new_button);
}

void
_hel_board_view_commit_new_meeting (HelBoardView *self)
{
  create_meeting_cb (self);
}

gboolean
_hel_board_view_add_family (HelBoardView *self,
                            gint64        family_id)
{
  for (guint i = 0; i < self->add_family_ids->len; i++)
    if (g_array_index (self->add_family_ids, gint64, i) == family_id)
      {
        gtk_drop_down_set_selected (self->add_family_drop, i);
        add_family_cb (self);
        return TRUE;
      }
  return FALSE;
}
