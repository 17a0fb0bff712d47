/* hel-application.c: the application: opens the database, owns the app-wide actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-application.h"
#include "hel-preferences-window.h"
#include "hel-window.h"

struct _HelApplication
{
  AdwApplication  parent_instance;

  char           *db_path;   /* from --db, or NULL */
};

G_DEFINE_FINAL_TYPE (HelApplication, hel_application, ADW_TYPE_APPLICATION)

HelApplication *
hel_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (HEL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS | extra_flags,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

void
hel_application_set_db_path (HelApplication *self,
                             const char     *path)
{
  g_return_if_fail (HEL_IS_APPLICATION (self));

  g_free (self->db_path);
  self->db_path = g_strdup (path);
}

static HelWindow *
get_active_window (HelApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The active window may be a dialog; its main window is the one that counts. */
  while (window != NULL && !HEL_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  return window != NULL ? HEL_WINDOW (window) : NULL;
}

static void
open_store_into (HelApplication *self,
                 HelWindow      *window)
{
  g_autoptr(HelStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HelStoreOpenFlags flags;

  /* The default database is created on first start; a file named on the command line must
   * exist, so a typing mistake does not silently start an empty database somewhere. */
  if (self->db_path != NULL)
    {
      path = g_strdup (self->db_path);
      flags = HEL_STORE_OPEN_DEFAULT;
    }
  else
    {
      path = hel_store_default_path ();
      flags = HEL_STORE_OPEN_CREATE;
    }

  store = hel_store_open (path, flags, &error);
  if (store == NULL)
    hel_window_show_store_error (window, path, error);
  else
    hel_window_set_store (window, store);
}

static void
hel_application_activate (GApplication *app)
{
  HelApplication *self = HEL_APPLICATION (app);
  HelWindow *window = get_active_window (self);

  if (window == NULL)
    {
      window = hel_window_new (GTK_APPLICATION (self));
      open_store_into (self, window);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static int
hel_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  HelApplication *self = HEL_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }
  return -1;
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HelApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing (not destroying) lets each window finish pending erases and typed text. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HelApplication *self = user_data;
  const char *developers[] = { "Helhed-projektet", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Helhed"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", "Helhed-projektet",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("One plan and one picture of the family, shared by the "
                                      "job centre and the family group: family plan, network "
                                      "map, board meeting and progress charts."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your name(s), one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HelApplication *self = user_data;
  HelWindow *window = get_active_window (self);
  GtkWindow *preferences;

  if (window == NULL || hel_window_get_store (window) == NULL)
    return;
  preferences = hel_preferences_window_new (GTK_WINDOW (window), hel_window_get_store (window));
  gtk_window_present (preferences);
}

static void
new_family_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  HelApplication *self = user_data;
  HelWindow *window = get_active_window (self);

  if (window != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (window), "new-family", NULL);
}

static void
hel_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", quit_action_cb },
    { "about", about_action_cb },
    { "preferences", preferences_action_cb },
    { "new-family", new_family_action_cb },
  };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.new-family", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (hel_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
hel_application_finalize (GObject *object)
{
  HelApplication *self = HEL_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  G_OBJECT_CLASS (hel_application_parent_class)->finalize (object);
}

static void
hel_application_class_init (HelApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hel_application_finalize;
  app_class->activate = hel_application_activate;
  app_class->startup = hel_application_startup;
  app_class->handle_local_options = hel_application_handle_local_options;
}

static void
hel_application_init (HelApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Open this database instead of the usual one"), _("FILE"));
}
