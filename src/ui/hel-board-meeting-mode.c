/* hel-board-meeting-mode.c: the projector window. Keys are what presenter remotes send:
 * PageDown/PageUp, the arrows and Space; F11 switches full screen; Escape leaves it. */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "hel-board-canvas.h"
#include "hel-board-meeting-mode.h"
#include "hel-board-print.h"
#include <math.h>

#include "hel-render-netmap.h"
#include "hel-scoring.h"
#include "hel-store-netmap.h"
#include "hel-store-progress.h"
#include "hel-validate.h"

struct _HelBoardMeetingMode
{
  AdwWindow          parent_instance;

  HelBoardSession   *session;
  HelBoardCanvas    *canvas;
  AdwToastOverlay   *toasts;
  GtkWidget         *header;
  GtkDropDown       *privacy_drop;
  GtkLabel          *position_label;
  gint64             item_id;
  HelPrivacy         privacy;
  GtkToggleButton   *map_toggle;
  GtkRevealer       *map_revealer;
  GtkWidget         *map_area;
  GtkLabel          *figures_label;
  HelNetmap         *map;          /* the current family's own map; NULL when it has none */

  HelBoardClockFunc  clock;
  gpointer           clock_data;
  gint64             started;       /* when the current family came up */
  int                seconds_left;
  gboolean           time_up;       /* the gentle warning was given for this family */
  guint              tick_id;
};

G_DEFINE_FINAL_TYPE (HelBoardMeetingMode, hel_board_meeting_mode, ADW_TYPE_WINDOW)

/* The privacy choices on the projector: never full names there. */
static const HelPrivacy projector_privacy[] = { HEL_PRIVACY_FIRST_NAMES, HEL_PRIVACY_INITIALS };

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static HelAgendaItem *
current_item (HelBoardMeetingMode *self,
              guint               *index_out)
{
  HelMeeting *meeting = hel_board_session_get_meeting (self->session);
  HelMeetingData *d = meeting ? hel_meeting_data (meeting) : NULL;

  for (guint i = 0; d != NULL && i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];
      if (item->id == self->item_id)
        {
          if (index_out)
            *index_out = i;
          return item;
        }
    }
  return NULL;
}

/* The family's network map beside the board: read-only, initials only (it is on the
 * projector), drawn by the same function as everywhere else. */
static void
draw_map_cb (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  HelBoardMeetingMode *self = user_data;
  HelNetmapRenderOptions options;
  HelNetmapStyle style;
  HelNetmapView view;

  hel_netmap_style_init (&style, adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
                                   ? HEL_NETMAP_THEME_HIGH_CONTRAST
                                   : adw_style_manager_get_dark (adw_style_manager_get_default ())
                                       ? HEL_NETMAP_THEME_DARK : HEL_NETMAP_THEME_LIGHT);
  if (self->map == NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area),
                                                                     _("This family has no network map yet."));
      int lw, lh;

      cairo_set_source_rgba (cr, style.muted_text.red, style.muted_text.green, style.muted_text.blue,
                             style.muted_text.alpha);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      cairo_move_to (cr, (width - lw) / 2.0, (height - lh) / 2.0);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  hel_netmap_render_options_init (&options);
  options.initials_only = TRUE;
  hel_render_netmap_fit_view (&view, &style, width, height);
  hel_render_netmap_layers (cr, self->map, &style, &view, &options, width, height, NULL);
}

static void
load_map (HelBoardMeetingMode *self,
          gint64               family_id)
{
  HelStore *store = hel_board_session_get_store (self->session);
  g_autoptr(GPtrArray) maps = NULL;

  g_clear_pointer (&self->map, hel_netmap_free);
  /* Only looked up, never made: showing the board must not write anything. */
  if (store != NULL && family_id > 0 && gtk_toggle_button_get_active (self->map_toggle) &&
      (maps = hel_store_list_netmaps (store, family_id, NULL)) != NULL)
    for (guint i = 0; i < maps->len && self->map == NULL; i++)
      {
        HelNetmap *summary = maps->pdata[i];
        if (summary->member_id == 0)
          self->map = hel_store_load_netmap (store, summary->id, NULL);
      }
  gtk_widget_queue_draw (self->map_area);
}

/* The latest WHO-5 and SDQ of each member beside the board, named as the room may see. */
static void
load_figures (HelBoardMeetingMode *self,
              gint64               family_id)
{
  HelStore *store = hel_board_session_get_store (self->session);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) measurements = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (store != NULL && family_id > 0 && gtk_toggle_button_get_active (self->map_toggle))
    {
      members = hel_store_list_members (store, family_id, NULL);
      measurements = hel_store_list_family_measurements (store, family_id, NULL);
    }
  for (guint i = 0; members != NULL && measurements != NULL && i < members->len; i++)
    {
      HelMember *member = members->pdata[i];
      g_autofree char *full = g_strdup_printf ("%s %s", hel_member_get_first_name (member),
                                               hel_member_get_last_name (member) ?: "");
      g_autofree char *name = hel_privacy_person_name (g_strstrip (full), self->privacy);
      HelMeasurement *latest[HEL_N_INSTRUMENTS] = { NULL };

      /* Oldest first per person, so the last one seen is the latest. */
      for (guint j = 0; j < measurements->len; j++)
        {
          HelMeasurement *m = measurements->pdata[j];
          if (m->member_id == hel_member_get_id (member) && m->complete && !isnan (m->score) &&
              (latest[m->instrument] == NULL || g_strcmp0 (m->date, latest[m->instrument]->date) >= 0))
            latest[m->instrument] = m;
        }
      for (guint k = 0; k < HEL_N_INSTRUMENTS; k++)
        {
          g_autofree char *score = NULL;
          g_autofree char *date = NULL;

          if (latest[k] == NULL || k == HEL_INSTRUMENT_BIP)
            continue;
          score = hel_format_decimal (latest[k]->score, 0);
          date = hel_date_format (latest[k]->date);
          /* Translators: beside the board: “MT · WHO-5 44 (12.09.2026)” */
          g_string_append_printf (text, _("%s · %s %s (%s)\n"), name,
                                  hel_instrument_kind_label (latest[k]->instrument), score, date);
        }
    }
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  else if (family_id > 0)
    g_string_append (text, _("No measurements yet."));
  gtk_label_set_text (self->figures_label, text->str);
}

static void
map_toggled_cb (HelBoardMeetingMode *self)
{
  gboolean show = gtk_toggle_button_get_active (self->map_toggle);
  HelAgendaItem *item;

  gtk_revealer_set_reveal_child (self->map_revealer, show);
  item = current_item (self, NULL);
  load_map (self, item ? item->family_id : 0);
  load_figures (self, item ? item->family_id : 0);
}

static void
update_caption (HelBoardMeetingMode *self)
{
  HelMeeting *meeting = hel_board_session_get_meeting (self->session);
  guint index = 0, n = meeting ? hel_meeting_data (meeting)->items->len : 0;
  HelAgendaItem *item = current_item (self, &index);
  g_autofree char *position = NULL;

  /* Translators: the family's place on the agenda in meeting mode, e.g. “Family 2 of 6” */
  position = item ? g_strdup_printf (_("Family %u of %u"), index + 1, n) : g_strdup ("");
  gtk_label_set_label (self->position_label, position);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  position, -1);
}

void
_hel_board_meeting_mode_tick (HelBoardMeetingMode *self)
{
  HelAgendaItem *item = current_item (self, NULL);
  gint64 elapsed;

  if (item == NULL)
    {
      hel_board_canvas_set_timer (self->canvas, FALSE, 0);
      return;
    }
  elapsed = (self->clock (self->clock_data) - self->started) / G_USEC_PER_SEC;
  self->seconds_left = item->minutes * 60 - (int) elapsed;
  hel_board_canvas_set_timer (self->canvas, TRUE, self->seconds_left);
  if (self->seconds_left <= 0 && !self->time_up)
    {
      /* Gently: the timer turns amber and one quiet toast; nothing blinks or beeps. */
      AdwToast *toast = adw_toast_new (_("The time for this family is up"));

      self->time_up = TRUE;
      adw_toast_set_timeout (toast, 4);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }
}

static gboolean
tick_cb (gpointer data)
{
  _hel_board_meeting_mode_tick (data);
  return G_SOURCE_CONTINUE;
}

static void
show_item (HelBoardMeetingMode *self,
           gint64               item_id)
{
  self->item_id = item_id;
  self->started = self->clock (self->clock_data);
  self->time_up = FALSE;
  hel_board_canvas_set_item_id (self->canvas, item_id);
  {
    HelAgendaItem *item = current_item (self, NULL);
    load_map (self, item ? item->family_id : 0);
    load_figures (self, item ? item->family_id : 0);
  }
  update_caption (self);
  _hel_board_meeting_mode_tick (self);
}

static void
step (HelBoardMeetingMode *self,
      int                  direction)
{
  HelMeeting *meeting = hel_board_session_get_meeting (self->session);
  GPtrArray *items = meeting ? hel_meeting_data (meeting)->items : NULL;
  guint index = 0;

  if (items == NULL || items->len == 0)
    return;
  if (current_item (self, &index) == NULL)
    index = 0;
  else if (direction > 0 && index + 1 < items->len)
    index++;
  else if (direction < 0 && index > 0)
    index--;
  else
    return;
  show_item (self, ((HelAgendaItem *) items->pdata[index])->id);
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  step (HEL_BOARD_MEETING_MODE (widget), g_str_equal (action_name, "mode.next") ? 1 : -1);
}

static void
fullscreen_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
leave_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_close (window);
}

static void
fullscreened_cb (HelBoardMeetingMode *self)
{
  /* Full screen: the board alone; the header comes back with Escape or F11. */
  gtk_widget_set_visible (self->header, !gtk_window_is_fullscreen (GTK_WINDOW (self)));
}

static void
privacy_selected_cb (HelBoardMeetingMode *self)
{
  guint selected = gtk_drop_down_get_selected (self->privacy_drop);

  if (selected < G_N_ELEMENTS (projector_privacy))
    hel_board_meeting_mode_set_privacy (self, projector_privacy[selected]);
}

static void
session_changed_cb (HelBoardMeetingMode *self)
{
  /* The family may have gone from the agenda meanwhile: show the first one then. */
  if (current_item (self, NULL) == NULL)
    {
      HelMeeting *meeting = hel_board_session_get_meeting (self->session);
      GPtrArray *items = meeting ? hel_meeting_data (meeting)->items : NULL;
      show_item (self, items && items->len > 0 ? ((HelAgendaItem *) items->pdata[0])->id : 0);
    }
  else
    update_caption (self);
}

static void
toast_cb (HelBoardMeetingMode *self,
          const char          *message,
          gboolean             with_undo)
{
  AdwToast *toast = adw_toast_new (message);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "mode.undo");
    }
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelBoardMeetingMode *self = HEL_BOARD_MEETING_MODE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_str_equal (action_name, "mode.undo")
                ? hel_board_session_undo (self->session, &error)
                : hel_board_session_redo (self->session, &error);

  if (!ok)
    toast_cb (self, error->message, FALSE);
}

static void
hel_board_meeting_mode_dispose (GObject *object)
{
  HelBoardMeetingMode *self = HEL_BOARD_MEETING_MODE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->map, hel_netmap_free);
  G_OBJECT_CLASS (hel_board_meeting_mode_parent_class)->dispose (object);
}

static void
hel_board_meeting_mode_class_init (HelBoardMeetingModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_board_meeting_mode_dispose;

  gtk_widget_class_install_action (widget_class, "mode.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "mode.previous", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "mode.fullscreen", NULL, fullscreen_action_cb);
  gtk_widget_class_install_action (widget_class, "mode.leave", NULL, leave_action_cb);
  gtk_widget_class_install_action (widget_class, "mode.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "mode.redo", NULL, undo_action_cb);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        mods,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, mods),
                                                          gtk_named_action_new (action)));
}

static void
hel_board_meeting_mode_init (HelBoardMeetingMode *self)
{
  GtkWidget *box, *button, *title;
  GtkEventController *shortcuts;
  g_autoptr(GtkStringList) privacy = gtk_string_list_new (NULL);

  self->clock = monotonic_clock;
  gtk_window_set_title (GTK_WINDOW (self), _("Meeting mode"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->header = adw_header_bar_new ();
  button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (button, _("Previous family (Page Up)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous family (Page Up)"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "mode.previous");
  adw_header_bar_pack_start (ADW_HEADER_BAR (self->header), button);
  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (button, _("Next family (Page Down, Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next family (Page Down, Space)"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "mode.next");
  adw_header_bar_pack_start (ADW_HEADER_BAR (self->header), button);
  title = gtk_label_new (NULL);
  self->position_label = GTK_LABEL (title);
  gtk_widget_add_css_class (title, "heading");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (self->header), title);
  button = gtk_button_new_from_icon_name ("view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (button, _("Full screen (F11)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Full screen (F11)"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "mode.fullscreen");
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header), button);
  gtk_string_list_append (privacy, _("First names"));
  gtk_string_list_append (privacy, _("Initials"));
  self->privacy_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (privacy)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->privacy_drop),
                               _("How people are named on the projector"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->privacy_drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How people are named on the projector"), -1);
  g_signal_connect_swapped (self->privacy_drop, "notify::selected", G_CALLBACK (privacy_selected_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header), GTK_WIDGET (self->privacy_drop));
  self->map_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->map_toggle), "network-workgroup-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->map_toggle),
                               _("Show the family’s network map beside the board"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the family’s network map beside the board"), -1);
  g_signal_connect_swapped (self->map_toggle, "toggled", G_CALLBACK (map_toggled_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header), GTK_WIDGET (self->map_toggle));
  gtk_box_append (GTK_BOX (box), self->header);

  self->canvas = HEL_BOARD_CANVAS (hel_board_canvas_new ());
  hel_board_canvas_set_presentation (self->canvas, TRUE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->canvas));
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->toasts), TRUE);
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    self->map_area = gtk_drawing_area_new ();
    gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->map_area), draw_map_cb, self, NULL);
    gtk_widget_set_size_request (self->map_area, 560, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("The family’s network map"), -1);
    GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    gtk_widget_set_vexpand (self->map_area, TRUE);
    self->figures_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->figures_label, 0);
    gtk_label_set_wrap (self->figures_label, TRUE);
    gtk_widget_set_margin_start (GTK_WIDGET (self->figures_label), 18);
    gtk_widget_set_margin_end (GTK_WIDGET (self->figures_label), 18);
    gtk_widget_set_margin_bottom (GTK_WIDGET (self->figures_label), 18);
    gtk_widget_add_css_class (GTK_WIDGET (self->figures_label), "title-4");
    gtk_box_append (GTK_BOX (side), self->map_area);
    gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->figures_label));
    self->map_revealer = GTK_REVEALER (gtk_revealer_new ());
    gtk_revealer_set_transition_type (self->map_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT);
    gtk_revealer_set_child (self->map_revealer, side);
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->toasts));
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->map_revealer));
    gtk_widget_set_vexpand (row, TRUE);
    gtk_box_append (GTK_BOX (box), row);
  }
  adw_window_set_content (ADW_WINDOW (self), box);

  /* On the content, before the window's own arrow-key focus moves, after any text entry. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_BUBBLE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Down, 0, "mode.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, 0, "mode.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Down, 0, "mode.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_space, 0, "mode.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Up, 0, "mode.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, 0, "mode.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Up, 0, "mode.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_F11, 0, "mode.fullscreen");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Escape, 0, "mode.leave");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_z, GDK_CONTROL_MASK, "mode.undo");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "mode.redo");
  gtk_widget_add_controller (box, shortcuts);

  g_signal_connect_swapped (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), self);
  self->tick_id = g_timeout_add (500, tick_cb, self);
  /* A choice made here is the view's next default too. */
  {
    g_autoptr(GSettings) settings = hel_board_settings_new ();
    hel_board_settings_bind_privacy (settings, self->privacy_drop);
  }
}

HelBoardMeetingMode *
hel_board_meeting_mode_new (HelBoardSession *session,
                            HelPrivacy       privacy,
                            gint64           first_item_id)
{
  HelBoardMeetingMode *self;

  g_return_val_if_fail (HEL_IS_BOARD_SESSION (session), NULL);

  self = g_object_new (HEL_TYPE_BOARD_MEETING_MODE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);
  g_signal_connect_swapped (session, "toast", G_CALLBACK (toast_cb), self);
  hel_board_canvas_set_session (self->canvas, session);
  hel_board_meeting_mode_set_privacy (self, privacy);
  if (first_item_id <= 0)
    {
      HelMeeting *meeting = hel_board_session_get_meeting (session);
      GPtrArray *items = meeting ? hel_meeting_data (meeting)->items : NULL;
      first_item_id = items && items->len > 0 ? ((HelAgendaItem *) items->pdata[0])->id : 0;
    }
  show_item (self, first_item_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return self;
}

gint64
hel_board_meeting_mode_get_item_id (HelBoardMeetingMode *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_MEETING_MODE (self), 0);
  return self->item_id;
}

HelPrivacy
hel_board_meeting_mode_get_privacy (HelBoardMeetingMode *self)
{
  g_return_val_if_fail (HEL_IS_BOARD_MEETING_MODE (self), HEL_PRIVACY_INITIALS);
  return self->privacy;
}

void
hel_board_meeting_mode_set_privacy (HelBoardMeetingMode *self,
                                    HelPrivacy           privacy)
{
  g_return_if_fail (HEL_IS_BOARD_MEETING_MODE (self));

  /* Full names never reach the projector. */
  if (privacy == HEL_PRIVACY_FULL_NAMES || privacy >= HEL_N_PRIVACY_MODES)
    privacy = HEL_PRIVACY_FIRST_NAMES;
  self->privacy = privacy;
  hel_board_canvas_set_privacy (self->canvas, privacy);
  gtk_drop_down_set_selected (self->privacy_drop, privacy == HEL_PRIVACY_INITIALS ? 1 : 0);
  if (self->session != NULL)
    {
      HelAgendaItem *item = current_item (self, NULL);
      load_figures (self, item ? item->family_id : 0);
    }
}

void
_hel_board_meeting_mode_set_clock (HelBoardMeetingMode *self,
                                   HelBoardClockFunc    clock,
                                   gpointer             user_data)
{
  self->clock = clock ? clock : monotonic_clock;
  self->clock_data = user_data;
  self->started = self->clock (self->clock_data);
  self->time_up = FALSE;
  _hel_board_meeting_mode_tick (self);
}

int
_hel_board_meeting_mode_get_seconds_left (HelBoardMeetingMode *self)
{
  return self->seconds_left;
}

gboolean
_hel_board_meeting_mode_get_time_up (HelBoardMeetingMode *self)
{
  return self->time_up;
}

GtkWidget *
_hel_board_meeting_mode_get_canvas (HelBoardMeetingMode *self)
{
  return GTK_WIDGET (self->canvas);
}

GtkToggleButton *
_hel_board_meeting_mode_get_map_toggle (HelBoardMeetingMode *self)
{
  return self->map_toggle;
}

gboolean
_hel_board_meeting_mode_has_map (HelBoardMeetingMode *self)
{
  return self->map != NULL;
}

const char *
_hel_board_meeting_mode_get_figures (HelBoardMeetingMode *self)
{
  return gtk_label_get_text (self->figures_label);
}
