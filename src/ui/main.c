/* main.c: sets up translations and runs Helhed. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "hel-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HelApplication) app = NULL;
  const char *localedir = g_getenv ("HELHED_LOCALEDIR");

  /* HELHED_LOCALEDIR lets a build-tree run find its freshly compiled translations. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hel_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
