/* hel-window.c: the main window: families, board meeting and progress. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-window-private.h"

G_DEFINE_FINAL_TYPE (HelWindow, hel_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

HelWindow *
hel_window_new (GtkApplication *application)
{
  return g_object_new (HEL_TYPE_WINDOW, "application", application, NULL);
}

HelStore *
hel_window_get_store (HelWindow *self)
{
  g_return_val_if_fail (HEL_IS_WINDOW (self), NULL);
  return self->store;
}

static void reopen_last_family (HelWindow *self);

void
hel_window_set_store (HelWindow *self,
                      HelStore  *store)
{
  g_return_if_fail (HEL_IS_WINDOW (self));
  g_return_if_fail (store == NULL || HEL_IS_STORE (store));

  if (self->store == store)
    return;
  _hel_window_flush_erases (self);
  g_set_object (&self->store, store);
  self->restoring = TRUE;
  hel_family_page_set_store (self->family_page, store);
  hel_family_list_set_store (self->family_list, store);
  if (store != NULL)
    reopen_last_family (self);
  self->restoring = FALSE;
  if (self->board_view != NULL)
    hel_board_view_set_store (self->board_view, store);
  if (self->progress_view != NULL)
    hel_progress_view_set_store (self->progress_view, store);
  if (store != NULL)
    {
      g_clear_pointer (&self->store_path, g_free);
      gtk_stack_set_visible_child_name (self->main_stack, "views");
    }
  _hel_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
hel_window_show_store_error (HelWindow    *self,
                             const char   *path,
                             const GError *error)
{
  g_autofree char *description = NULL;
  gboolean missing;

  g_return_if_fail (HEL_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  hel_window_set_store (self, NULL);
  missing = g_error_matches (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND);
  g_free (self->store_path);
  self->store_path = g_strdup (path);

  description = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->create_db_button, missing && path != NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  _hel_window_update_actions (self);
}

void
hel_window_add_toast (HelWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (HEL_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_hel_window_show_family (HelWindow *self,
                         gint64     family_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "families");
  if (family_id > 0 && !hel_family_list_select_family (self->family_list, family_id))
    {
      /* The filters hide it: the page still shows the family the person asked for. */
      hel_family_page_set_family_id (self->family_page, family_id);
    }
  if (family_id > 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

HelBoardView *
_hel_window_get_board_view (HelWindow *self)
{
  g_return_val_if_fail (HEL_IS_WINDOW (self), NULL);

  if (self->board_view == NULL)
    {
      self->board_view = HEL_BOARD_VIEW (hel_board_view_new ());
      hel_board_view_set_store (self->board_view, self->store);
      adw_bin_set_child (self->board_bin, GTK_WIDGET (self->board_view));
    }
  return self->board_view;
}

HelProgressView *
_hel_window_get_progress_view (HelWindow *self)
{
  g_return_val_if_fail (HEL_IS_WINDOW (self), NULL);

  if (self->progress_view == NULL)
    {
      self->progress_view = HEL_PROGRESS_VIEW (hel_progress_view_new ());
      hel_progress_view_set_store (self->progress_view, self->store);
      adw_bin_set_child (self->progress_bin, GTK_WIDGET (self->progress_view));
    }
  return self->progress_view;
}

/* What is not on screen at start is built when first shown: the first frame needs only the
 * families, and Board meeting and Progress read a good deal from the store. */
static void
visible_view_changed_cb (HelWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "board") == 0)
    _hel_window_get_board_view (self);
  else if (g_strcmp0 (name, "progress") == 0)
    _hel_window_get_progress_view (self);
}

static void
selected_id_changed_cb (HelWindow *self)
{
  gint64 id = hel_family_list_get_selected_id (self->family_list);

  /* A family that a filter hides (e.g. it just ended while "Active" is shown) stays on the
   * page: the person is still working on it. An erased family clears the page itself. */
  if (id > 0)
    hel_family_page_set_family_id (self->family_page, id);
  if (id > 0 && self->settings != NULL && !self->restoring)
    g_settings_set_int64 (self->settings, "last-family-id", id);
}

static void
family_activated_cb (HelWindow *self,
                     gint64     family_id)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
erase_requested_cb (HelWindow *self,
                    gint64     family_id)
{
  _hel_window_request_erase (self, family_id);
}

static gboolean
hel_window_close_request (GtkWindow *window)
{
  HelWindow *self = HEL_WINDOW (window);

  /* Pending undo toasts die with the window: what they would have done is done now. */
  hel_family_page_flush (self->family_page);
  _hel_window_flush_erases (self);
  return GTK_WINDOW_CLASS (hel_window_parent_class)->close_request (window);
}

/* Test hooks */
HelFamilyList *_hel_window_get_family_list (HelWindow *self) { return self->family_list; }
HelFamilyPage *_hel_window_get_family_page (HelWindow *self) { return self->family_page; }
AdwStatusPage *_hel_window_get_error_page (HelWindow *self) { return self->error_page; }
GtkWidget *_hel_window_get_create_db_button (HelWindow *self) { return self->create_db_button; }

const char *
_hel_window_get_visible_page (HelWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

AdwToast *
_hel_window_get_erase_toast (HelWindow *self,
                             gint64     family_id)
{
  return g_hash_table_lookup (self->pending_erases, &family_id);
}

/* The window opens as large as it was left, on the family and the section of its page that
 * were open last. Run from the build tree without the schema (or in a test without one), it
 * simply opens at its default size on no family. */
static void
remember_window_size (HelWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;
  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

/* The family open last, if it is still there and the list shows it, on the section shown
 * last (see remember_window_size()). */
static void
reopen_last_family (HelWindow *self)
{
  g_autofree char *section = NULL;
  gint64 id;

  if (self->settings == NULL)
    return;
  id = g_settings_get_int64 (self->settings, "last-family-id");
  section = g_settings_get_string (self->settings, "last-page");
  if (id > 0 && hel_family_list_select_family (self->family_list, id))
    hel_family_page_set_section (self->family_page, section);
}

static void
section_changed_cb (HelWindow *self)
{
  if (self->settings != NULL && !self->restoring &&
      hel_family_page_get_family_id (self->family_page) > 0)
    g_settings_set_string (self->settings, "last-page",
                           hel_family_page_get_section (self->family_page));
}

static void
hel_window_dispose (GObject *object)
{
  HelWindow *self = HEL_WINDOW (object);

  g_clear_handle_id (&self->show_content_id, g_source_remove);
  if (self->pending_erases != NULL)
    _hel_window_flush_erases (self);
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, visible_view_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hel_window_parent_class)->dispose (object);
}

static void
hel_window_finalize (GObject *object)
{
  HelWindow *self = HEL_WINDOW (object);

  g_clear_pointer (&self->pending_erases, g_hash_table_unref);
  g_clear_pointer (&self->store_path, g_free);
  G_OBJECT_CLASS (hel_window_parent_class)->finalize (object);
}

static void
hel_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HelWindow *self = HEL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HelWindow *self = HEL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      hel_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_window_class_init (HelWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hel_window_dispose;
  object_class->finalize = hel_window_finalize;
  object_class->get_property = hel_window_get_property;
  object_class->set_property = hel_window_set_property;
  window_class->close_request = hel_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HEL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HEL_TYPE_FAMILY_LIST);
  g_type_ensure (HEL_TYPE_FAMILY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hel-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HelWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, family_list);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, family_page);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, board_bin);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, progress_bin);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HelWindow, create_db_button);
}

/* The leaflet folds when what the page shows needs more room (the network map does at 1024
 * px): a family that is open stays in view, with its back button, instead of the list. */
static gboolean
show_content_cb (gpointer data)
{
  HelWindow *self = data;

  self->show_content_id = 0;
  if (adw_leaflet_get_folded (self->leaflet) &&
      hel_family_page_get_family_id (self->family_page) > 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
  return G_SOURCE_REMOVE;
}

static void
folded_changed_cb (HelWindow *self)
{
  /* Not from inside the leaflet's own allocation (where "folded" changes): libadwaita 1.2 then
   * loses the snapshot it took for the transition. */
  if (adw_leaflet_get_folded (self->leaflet) && self->show_content_id == 0)
    self->show_content_id = g_idle_add (show_content_cb, self);
}

/* Tab out of the family list: on into the family page, when one is shown. */
static gboolean
leave_list_cb (HelWindow *self)
{
  GtkWidget *page = GTK_WIDGET (self->family_page);

  if (!gtk_widget_get_mapped (page))
    return FALSE;
  return gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
hel_window_init (HelWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending_erases = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                g_free, g_object_unref);
  g_signal_connect_swapped (self->family_list, "notify::selected-id",
                            G_CALLBACK (selected_id_changed_cb), self);
  g_signal_connect_swapped (self->family_list, "family-activated",
                            G_CALLBACK (family_activated_cb), self);
  g_signal_connect_swapped (self->family_list, "leave-list",
                            G_CALLBACK (leave_list_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded",
                            G_CALLBACK (folded_changed_cb), self);
  g_signal_connect_swapped (self->family_page, "erase-requested",
                            G_CALLBACK (erase_requested_cb), self);
  g_signal_connect_swapped (self->family_page, "notify::section",
                            G_CALLBACK (section_changed_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (visible_view_changed_cb), self);
  /* Narrow: the switcher moves from the header to the bottom bar. */
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (_hel_window_update_actions), self);
  _hel_window_init_actions (self);
  _hel_window_update_actions (self);
  remember_window_size (self);
}
