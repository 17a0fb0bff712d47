/* hel-netmap-compare-window.c: two versions of a network map side by side, to see it grow. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-netmap-compare-window.h"
#include "hel-render-netmap.h"
#include "hel-store-netmap.h"
#include "hel-validate.h"

struct _HelNetmapCompareWindow
{
  AdwWindow     parent_instance;

  HelStore     *store;
  gint64        netmap_id;
  GPtrArray    *versions;      /* HelNetmapVersion, oldest first */
  HelNetmap    *before;
  HelNetmap    *after;
  char         *before_caption;
  char         *after_caption;

  GtkDropDown  *before_choice;
  GtkDropDown  *after_choice;
  GtkWidget    *area;
  GtkLabel     *message;
};

G_DEFINE_FINAL_TYPE (HelNetmapCompareWindow, hel_netmap_compare_window, ADW_TYPE_WINDOW)

static char *
version_caption (HelNetmapVersion *version)
{
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;

  if (version == NULL)
    return g_strdup (_("Now"));
  /* "created" is a date and time (UTC); the day is what people compare by. */
  day = g_strndup (version->created ? version->created : "", 10);
  date = hel_date_format (day);
  if (version->label != NULL && *version->label != '\0')
    /* Translators: a saved version of a network map: its date and its label */
    return g_strdup_printf (_("%s: %s"), date, version->label);
  return g_steal_pointer (&date);
}

static HelNetmap *
load_choice (HelNetmapCompareWindow *self,
             guint                   index,
             char                  **caption,
             GError                **error)
{
  HelNetmapVersion *version = index < self->versions->len ? self->versions->pdata[index] : NULL;
  HelNetmap *map;

  if (version == NULL)
    map = hel_store_load_netmap (self->store, self->netmap_id, error);
  else
    map = hel_store_load_netmap_version (self->store, version->id, error);
  *caption = map ? version_caption (version) : NULL;
  return map;
}

static void
choice_changed_cb (HelNetmapCompareWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint b = gtk_drop_down_get_selected (self->before_choice);
  guint a = gtk_drop_down_get_selected (self->after_choice);

  g_clear_pointer (&self->before, hel_netmap_free);
  g_clear_pointer (&self->after, hel_netmap_free);
  g_clear_pointer (&self->before_caption, g_free);
  g_clear_pointer (&self->after_caption, g_free);
  if (b != GTK_INVALID_LIST_POSITION)
    self->before = load_choice (self, b, &self->before_caption, &error);
  if (self->before != NULL && a != GTK_INVALID_LIST_POSITION)
    self->after = load_choice (self, a, &self->after_caption, &error);
  gtk_label_set_text (self->message, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), error != NULL);
  gtk_widget_queue_draw (self->area);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  HelNetmapCompareWindow *self = data;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  HelNetmapStyle style;

  if (self->before == NULL || self->after == NULL)
    return;
  hel_netmap_style_init (&style, adw_style_manager_get_high_contrast (manager)
                                   ? HEL_NETMAP_THEME_HIGH_CONTRAST
                                   : adw_style_manager_get_dark (manager) ? HEL_NETMAP_THEME_DARK
                                                                          : HEL_NETMAP_THEME_LIGHT);
  hel_render_netmap_compare (cr, self->before, self->before_caption, self->after,
                             self->after_caption, &style, width, height);
}

static GtkDropDown *
new_choice (GtkStringList *strings,
            const char    *label)
{
  GtkDropDown *choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (strings)),
                                                          NULL));

  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (choice), label);
  return choice;
}

static void
build (HelNetmapCompareWindow *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *bar, *label;
  guint n;

  for (guint i = 0; i <= self->versions->len; i++)
    {
      g_autofree char *caption = version_caption (i < self->versions->len ? self->versions->pdata[i]
                                                                          : NULL);
      gtk_string_list_append (strings, caption);
    }
  n = self->versions->len + 1;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Compare Versions"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
  label = gtk_label_new (_("Before"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (bar), label);
  self->before_choice = new_choice (strings, _("The version on the left"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->before_choice));
  label = gtk_label_new (_("After"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_box_append (GTK_BOX (bar), label);
  self->after_choice = new_choice (strings, _("The version on the right"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->after_choice));
  gtk_box_append (GTK_BOX (box), bar);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Two versions of the network map side by side"), -1);
  gtk_box_append (GTK_BOX (box), self->area);
  adw_window_set_content (ADW_WINDOW (self), box);

  /* The oldest version beside today's map: how the network changed since then. */
  gtk_drop_down_set_selected (self->before_choice, 0);
  gtk_drop_down_set_selected (self->after_choice, n - 1);
  g_signal_connect_swapped (self->before_choice, "notify::selected",
                            G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_swapped (self->after_choice, "notify::selected",
                            G_CALLBACK (choice_changed_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->area, G_CONNECT_SWAPPED);
  choice_changed_cb (self);
}

GtkWidget *
hel_netmap_compare_window_new (HelStore *store,
                               gint64    netmap_id)
{
  g_autoptr(GError) error = NULL;
  HelNetmapCompareWindow *self;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  self = g_object_new (HEL_TYPE_NETMAP_COMPARE_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->netmap_id = netmap_id;
  self->versions = hel_store_list_netmap_versions (store, netmap_id, &error);
  if (self->versions == NULL)
    self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_netmap_version_free);
  build (self);
  if (error != NULL)
    {
      gtk_label_set_text (self->message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
    }
  return GTK_WIDGET (self);
}

guint
hel_netmap_compare_window_get_n_choices (HelNetmapCompareWindow *self)
{
  g_return_val_if_fail (HEL_IS_NETMAP_COMPARE_WINDOW (self), 0);
  return self->versions->len + 1;
}

static guint
choice_of (HelNetmapCompareWindow *self,
           gint64                  version_id)
{
  if (version_id == 0)
    return self->versions->len;
  for (guint i = 0; i < self->versions->len; i++)
    if (((HelNetmapVersion *) self->versions->pdata[i])->id == version_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

gboolean
hel_netmap_compare_window_select (HelNetmapCompareWindow *self,
                                  gint64                  before_version_id,
                                  gint64                  after_version_id)
{
  guint b, a;

  g_return_val_if_fail (HEL_IS_NETMAP_COMPARE_WINDOW (self), FALSE);

  b = choice_of (self, before_version_id);
  a = choice_of (self, after_version_id);
  if (b == GTK_INVALID_LIST_POSITION || a == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->before_choice, b);
  gtk_drop_down_set_selected (self->after_choice, a);
  return self->before != NULL && self->after != NULL;
}

const char *
hel_netmap_compare_window_get_caption (HelNetmapCompareWindow *self,
                                       gboolean                after)
{
  g_return_val_if_fail (HEL_IS_NETMAP_COMPARE_WINDOW (self), NULL);
  return after ? self->after_caption : self->before_caption;
}

static void
hel_netmap_compare_window_dispose (GObject *object)
{
  HelNetmapCompareWindow *self = HEL_NETMAP_COMPARE_WINDOW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (hel_netmap_compare_window_parent_class)->dispose (object);
}

static void
hel_netmap_compare_window_finalize (GObject *object)
{
  HelNetmapCompareWindow *self = HEL_NETMAP_COMPARE_WINDOW (object);

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->before, hel_netmap_free);
  g_clear_pointer (&self->after, hel_netmap_free);
  g_free (self->before_caption);
  g_free (self->after_caption);
  G_OBJECT_CLASS (hel_netmap_compare_window_parent_class)->finalize (object);
}

static void
hel_netmap_compare_window_class_init (HelNetmapCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_netmap_compare_window_dispose;
  object_class->finalize = hel_netmap_compare_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hel_netmap_compare_window_init (HelNetmapCompareWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Compare Versions"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 700);
}
