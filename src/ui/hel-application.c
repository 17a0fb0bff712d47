/* hel-application.c: the application: opens the database, owns the app-wide actions. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hel-application.h"
#include "hel-backup.h"
#include "hel-preferences-window.h"
#include "hel-window.h"

struct _HelApplication
{
  AdwApplication  parent_instance;

  char           *db_path;   /* from --db, or NULL */
  gboolean        quit_after_first_frame;  /* --quit-after-first-frame, for the benchmark */
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
free_weak_ref (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
auto_backup_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(HelWindow) window = g_weak_ref_get (window_ref);
  g_autoptr(GError) error = NULL;
  g_autofree char *made G_GNUC_UNUSED = hel_backup_auto_finish (result, &error);

  free_weak_ref (window_ref);
  /* A backup that failed is said, never swallowed; one that worked needs no word. */
  if (error != NULL && window != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("The automatic backup failed: %s"),
                                                error->message);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 0);
      hel_window_add_toast (window, toast);
    }
}

/* The daily backup of the usual database runs in a thread with its own connection, once the
 * window is up. A file opened with --db is the caller's to back up (helhed-tool backup --auto):
 * its backups would otherwise push the usual database's out of the folder. */
static gboolean
start_auto_backup_cb (gpointer user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(HelWindow) window = g_weak_ref_get (window_ref);
  HelStore *store = window ? hel_window_get_store (window) : NULL;
  g_autofree char *usual = hel_store_default_path ();

  if (store != NULL && g_strcmp0 (hel_store_get_path (store), usual) == 0)
    hel_backup_auto_async (hel_store_get_path (store), NULL, auto_backup_done_cb, window_ref);
  else
    free_weak_ref (window_ref);
  return G_SOURCE_REMOVE;
}

/* Milliseconds since the kernel started this process (10 ms steps), for the benchmark. */
static double
ms_since_process_start (void)
{
  g_autofree char *stat = NULL;
  const char *after_name;
  unsigned long long start_ticks = 0;
  struct timespec now;
  int field = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (after_name = strrchr (stat, ')')) == NULL)
    return -1;
  /* Field 22 is the start time; field 3 comes right after the name. */
  for (const char *p = after_name + 2; *p != '\0' && field < 19; p++)
    if (*p == ' ' && ++field == 19)
      start_ticks = g_ascii_strtoull (p + 1, NULL, 10);
  clock_gettime (CLOCK_BOOTTIME, &now);
  return (now.tv_sec + now.tv_nsec / 1e9) * 1000.0 -
         start_ticks * 1000.0 / (double) sysconf (_SC_CLK_TCK);
}

static void
first_frame_painted_cb (GdkFrameClock  *clock,
                        HelApplication *self)
{
  g_autofree char *status = NULL;
  const char *hwm;
  long peak_kb = 0;

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  /* VmHWM: the most memory this process has held so far. */
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    peak_kb = strtol (hwm + strlen ("VmHWM:"), NULL, 10);
  printf ("first-frame %.1f ms peak-rss %ld kB\n", ms_since_process_start (), peak_kb);
  fflush (stdout);
  g_application_quit (G_APPLICATION (self));
}

static void
window_realized_cb (GtkWidget      *window,
                    HelApplication *self)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), self);
}

static void
hel_application_activate (GApplication *app)
{
  HelApplication *self = HEL_APPLICATION (app);
  HelWindow *window = get_active_window (self);
  gboolean new_window = window == NULL;

  if (window == NULL)
    {
      window = hel_window_new (GTK_APPLICATION (self));
      open_store_into (self, window);
      if (self->quit_after_first_frame)
        g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), self);
    }
  gtk_window_present (GTK_WINDOW (window));
  if (new_window && !self->quit_after_first_frame)
    {
      GWeakRef *window_ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (window_ref, window);
      g_idle_add_full (G_PRIORITY_LOW, start_auto_backup_cb, window_ref, NULL);
    }
}

static int
hel_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  HelApplication *self = HEL_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_contains (options, "quit-after-first-frame"))
    self->quit_after_first_frame = TRUE;
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
  /* For helhed-tool bench: print the time from process start to the first frame, and quit. */
  g_application_add_main_option (G_APPLICATION (self), "quit-after-first-frame", 0,
                                 G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE,
                                 "Print the time to the first frame and quit", NULL);
}
