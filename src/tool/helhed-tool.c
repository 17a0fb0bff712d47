/* helhed-tool.c: the command-line tool: demo data, listing, JSON export/import, checks, backups.
 *
 * Exit status: 0 on success, 1 when the work failed, 2 for a usage error. Messages go to
 * stderr and never carry CPR numbers or other personal data; `list` prints family names,
 * which is what it is for. A new command (export plan, report, bench, ...) is one row in
 * `commands` and one run function. */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <sys/stat.h>

#include "hel-backup.h"
#include "hel-bench.h"
#include "hel-demo.h"
#include "hel-export-netmap.h"
#include "hel-json.h"
#include "hel-minutes-document.h"
#include "hel-plan-document.h"
#include "hel-store.h"
#include "hel-store-netmap.h"
#include "hel-store-board.h"
#include "hel-validate.h"
#include "helhed-tool-progress.h"

enum {
  EXIT_OK      = 0,
  EXIT_FAILED  = 1,
  EXIT_USAGE   = 2,
};

typedef struct _ToolCommand ToolCommand;

struct _ToolCommand {
  const char *name;        /* "export" */
  const char *what;        /* "json" for "export json"; NULL for a single word */
  const char *parameters;  /* positional parameters for --help, translatable; may be NULL */
  const char *summary;     /* one line, translatable */
  int       (*run) (const ToolCommand *command, int argc, char **argv);
};

/* Options every command has. */
static char *opt_db = NULL;

static GOptionEntry common_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_("The database file (default: the app’s own database)"), N_("FILE") },
  { NULL }
};

/* ------------------------------------------------------------------------------------------ */
/* Shared helpers                                                                              */

static char *
command_title (const ToolCommand *command)
{
  if (command->what != NULL)
    return g_strdup_printf ("helhed-tool %s %s", command->name, command->what);
  return g_strdup_printf ("helhed-tool %s", command->name);
}

static int
usage_error (const ToolCommand *command,
             const char        *message)
{
  g_autofree char *title = command_title (command);

  g_printerr ("%s: %s\n", title, message);
  /* Translators: %s is the command, e.g. “helhed-tool export json” */
  g_printerr (_("Try “%s --help”.\n"), title);
  return EXIT_USAGE;
}

static int
failure (const ToolCommand *command,
         const GError      *error)
{
  g_autofree char *title = command_title (command);

  g_printerr ("%s: %s\n", title, error->message);
  return EXIT_FAILED;
}

/* Parses the command's options; on a usage error prints it and returns FALSE. */
static gboolean
parse_options (const ToolCommand *command,
               GOptionEntry      *entries,
               int               *argc,
               char            ***argv,
               int               *exit_code)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = command_title (command);

  /* The usage line reads "helhed-tool export json [OPTION…] FILE". */
  g_set_prgname (title);
  context = g_option_context_new (command->parameters ? _(command->parameters) : NULL);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = usage_error (command, error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
database_path (void)
{
  return opt_db != NULL ? g_strdup (opt_db) : hel_store_default_path ();
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A database file this run created and then failed to fill goes away again, side files too. */
static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
check_positional (const ToolCommand *command,
                  int                argc,
                  int                wanted,
                  int               *exit_code)
{
  if (argc - 1 < wanted)
    {
      *exit_code = usage_error (command, _("A file name is missing."));
      return FALSE;
    }
  if (argc - 1 > wanted)
    {
      *exit_code = usage_error (command, _("Too many arguments."));
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* demo                                                                                        */

static char *opt_seed = NULL;

static GOptionEntry demo_entries[] = {
  { "seed", 0, 0, G_OPTION_ARG_STRING, &opt_seed,
    N_("Random seed; the same seed gives the same families (default 2024)"), N_("N") },
  { NULL }
};

static int
run_demo (const ToolCommand *command,
          int                argc,
          char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autofree char *path = NULL;
  guint64 seed = HEL_DEMO_DEFAULT_SEED;
  gboolean existed;
  int code = EXIT_OK;

  if (!parse_options (command, demo_entries, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;
  if (opt_seed != NULL &&
      !g_ascii_string_to_unsigned (opt_seed, 10, 0, G_MAXUINT32, &seed, NULL))
    return usage_error (command, _("The seed must be a whole number from 0 to 4294967295."));

  path = database_path ();
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return failure (command, error);
  if (!hel_demo_generate (store, (guint32) seed, &error))
    {
      g_clear_object (&store);
      if (!existed)
        remove_database (path);
      return failure (command, error);
    }
  g_print (_("Made a demo database with 50 invented families: %s\n"), path);
  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* list                                                                                        */

/* Tabs and line breaks inside a name would break the one-family-per-line format. */
static char *
one_field (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  g_strdelimit (copy, "\t\r\n", ' ');
  return copy;
}

static int
run_list (const ToolCommand *command,
          int                argc,
          char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GHashTable) team_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            NULL);
  g_autofree char *path = NULL;
  g_autofree char *today = hel_date_today ();
  int code = EXIT_OK;

  if (!parse_options (command, NULL, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;

  path = database_path ();
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return failure (command, error);
  teams = hel_store_list_teams (store, &error);
  if (teams == NULL)
    return failure (command, error);
  families = hel_store_list_families (store, &error);
  if (families == NULL)
    return failure (command, error);

  for (guint i = 0; i < teams->len; i++)
    {
      HelTeam *team = g_ptr_array_index (teams, i);
      gint64 id = hel_team_get_id (team);

      /* The names belong to the team objects, which outlive the table. */
      g_hash_table_insert (team_names, g_memdup2 (&id, sizeof id),
                           (gpointer) hel_team_get_name (team));
    }

  for (guint i = 0; i < families->len; i++)
    {
      HelFamily *family = g_ptr_array_index (families, i);
      gint64 team_id = hel_family_get_team_id (family);
      const char *end = hel_family_get_end_date (family);
      gboolean ended = end != NULL && *end != '\0' && hel_date_compare (end, today) <= 0;
      g_autofree char *name = one_field (hel_family_get_name (family));
      g_autofree char *team = one_field (g_hash_table_lookup (team_names, &team_id));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\n", hel_family_get_id (family), name, team,
               ended ? "ended" : "active", hel_family_get_member_count (family));
    }
  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* export json, import json                                                                    */

static char *opt_output = NULL;
static gboolean opt_no_timestamp = FALSE;
static gboolean opt_replace = FALSE;

static GOptionEntry export_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("Write to FILE; “-” writes to standard output"), N_("FILE") },
  { "no-timestamp", 0, 0, G_OPTION_ARG_NONE, &opt_no_timestamp,
    N_("Leave out the time of export, so equal databases give equal files"), NULL },
  { NULL }
};

static GOptionEntry import_entries[] = {
  { "replace", 0, 0, G_OPTION_ARG_NONE, &opt_replace,
    N_("Replace everything in the database with the file’s contents"), NULL },
  { NULL }
};

static int
run_export_json (const ToolCommand *command,
                 int                argc,
                 char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autofree char *path = NULL;
  HelJsonExportFlags flags;
  int code = EXIT_OK;

  if (!parse_options (command, export_entries, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;
  if (opt_output == NULL)
    return usage_error (command, _("Say where the export goes with -o FILE (or -o - for "
                                   "standard output)."));

  path = database_path ();
  if (same_file (path, opt_output))
    return usage_error (command, _("The export would overwrite the database itself. Choose "
                                   "another file name."));
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return failure (command, error);

  flags = opt_no_timestamp ? HEL_JSON_EXPORT_NO_TIMESTAMP : HEL_JSON_EXPORT_DEFAULT;
  if (g_strcmp0 (opt_output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = hel_json_export_to_bytes (store, flags, &error);
      gsize size;
      const char *data;

      if (bytes == NULL)
        return failure (command, error);
      data = g_bytes_get_data (bytes, &size);
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The export could not be written to standard output."));
          return failure (command, error);
        }
      return EXIT_OK;
    }
  if (!hel_json_export_to_file (store, opt_output, flags, &error))
    return failure (command, error);
  return EXIT_OK;
}

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[8192];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_byte_array_append (data, buffer, (guint) n);
  if (ferror (stdin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Standard input could not be read."));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static int
run_import_json (const ToolCommand *command,
                 int                argc,
                 char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GPtrArray) families = NULL;
  g_autofree char *path = NULL;
  const char *file;
  HelJsonImportFlags flags;
  gboolean existed, ok;
  int code = EXIT_OK;

  if (!parse_options (command, import_entries, &argc, &argv, &code) ||
      !check_positional (command, argc, 1, &code))
    return code;
  file = argv[1];

  path = database_path ();
  if (same_file (path, file))
    return usage_error (command, _("That is the database itself, not a JSON export."));
  if (g_strcmp0 (file, "-") == 0)
    {
      input = read_stdin (&error);
      if (input == NULL)
        return failure (command, error);
    }
  else if (!g_file_test (file, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("There is no file “%s”."), file);
      return failure (command, error);
    }

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  store = hel_store_open (path, HEL_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return failure (command, error);
  flags = opt_replace ? HEL_JSON_IMPORT_REPLACE : HEL_JSON_IMPORT_DEFAULT;
  if (input != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (input, &size);
      ok = hel_json_import_from_data (store, data ? data : "", (gssize) size, flags, &error);
    }
  else
    ok = hel_json_import_from_file (store, file, flags, &error);
  if (!ok)
    {
      g_clear_object (&store);
      /* A database this run created holds nothing: leave no empty file behind. */
      if (!existed)
        remove_database (path);
      failure (command, error);
      if (g_error_matches (error, HEL_JSON_ERROR, HEL_JSON_ERROR_NOT_EMPTY))
        g_printerr (_("To replace everything in it, run the import again with --replace.\n"));
      return EXIT_FAILED;
    }

  families = hel_store_list_families (store, &error);
  if (families == NULL)
    return failure (command, error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u family into %s\n",
                        "Imported %u families into %s\n", families->len),
           families->len, path);
  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* check, backup                                                                               */

static int
run_check (const ToolCommand *command,
           int                argc,
           char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *report = NULL;
  int code = EXIT_OK;

  if (!parse_options (command, NULL, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;

  path = database_path ();
  /* Opening already refuses a damaged file or a stranger's database. */
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return failure (command, error);
  if (!hel_store_check_integrity (store, &report, &error))
    {
      if (error != NULL)
        return failure (command, error);
      g_printerr (_("%s: the database is damaged:\n%s\n"), path, report);
      return EXIT_FAILED;
    }
  g_print ("ok\n");
  return EXIT_OK;
}

static gboolean opt_auto = FALSE;

static GOptionEntry backup_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("Write the backup to FILE"), N_("FILE") },
  { "auto", 0, 0, G_OPTION_ARG_NONE, &opt_auto,
    N_("Make the automatic backup if one is due (the newest is older than a day) and keep "
       "the newest 7"), NULL },
  { NULL }
};

static int run_backup_auto (const ToolCommand *command);

static int
run_backup (const ToolCommand *command,
            int                argc,
            char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autofree char *path = NULL;
  int code = EXIT_OK;

  if (!parse_options (command, backup_entries, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;
  if (opt_auto && opt_output != NULL)
    return usage_error (command, _("--auto chooses the file itself; leave out -o."));
  if (opt_auto)
    return run_backup_auto (command);
  if (opt_output == NULL || g_strcmp0 (opt_output, "-") == 0)
    return usage_error (command, _("Say where the backup goes with -o FILE."));

  path = database_path ();
  if (same_file (path, opt_output))
    return usage_error (command, _("The backup cannot replace the database itself. Choose "
                                   "another file name."));
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return failure (command, error);
  if (!hel_store_backup (store, opt_output, &error))
    return failure (command, error);
  g_print (_("Backup saved and verified: %s\n"), opt_output);
  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* backup --auto, backups, restore: the automatic backups (see hel-backup.h)                   */

static int
run_backup_auto (const ToolCommand *command)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = database_path ();
  g_autofree char *dir = hel_backup_dir_for (path);
  g_autofree char *made = NULL;

  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return failure (command, error);
  made = hel_backup_auto (store, dir, now, &error);
  if (error != NULL)
    return failure (command, error);
  if (made == NULL)
    g_print (_("No backup was due: the newest in %s is less than a day old.\n"), dir);
  else
    g_print (_("Backup saved and verified: %s\n"), made);
  return EXIT_OK;
}

static int
run_backups (const ToolCommand *command,
             int                argc,
             char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  int code = EXIT_OK;

  if (!parse_options (command, NULL, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;

  path = database_path ();
  dir = hel_backup_dir_for (path);
  list = hel_backup_list (dir, &error);
  if (list == NULL)
    return failure (command, error);
  /* One backup a line, newest first: the time it was made (UTC), size in bytes, file. */
  for (guint i = 0; i < list->len; i++)
    {
      HelBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *when = g_date_time_format_iso8601 (info->time);

      g_print ("%s\t%" G_GOFFSET_FORMAT "\t%s\n", when, info->size, info->path);
    }
  if (list->len == 0)
    g_printerr (_("There are no backups in %s yet.\n"), dir);
  return EXIT_OK;
}

static int
run_restore (const ToolCommand *command,
             int                argc,
             char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  const char *backup;
  int code = EXIT_OK;

  if (!parse_options (command, NULL, &argc, &argv, &code) ||
      !check_positional (command, argc, 1, &code))
    return code;
  backup = argv[1];

  path = database_path ();
  if (same_file (path, backup))
    return usage_error (command, _("That is the database itself, not a backup of it."));
  if (!g_file_test (backup, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("There is no file “%s”."), backup);
      return failure (command, error);
    }
  dir = hel_backup_dir_for (path);
  if (!hel_backup_restore (backup, path, dir, &error))
    return failure (command, error);
  g_print (_("Restored %s from %s. The database as it was is kept among the backups in %s.\n"),
           path, backup, dir);
  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* export plan                                                                                 */

static char *opt_family = NULL;

static GOptionEntry export_plan_entries[] = {
  { "family", 0, 0, G_OPTION_ARG_STRING, &opt_family,
    N_("The family, by its id (see “helhed-tool list”)"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write the PDF to FILE"), N_("FILE") },
  { NULL }
};

static int
run_export_plan (const ToolCommand *command,
                 int                argc,
                 char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(HelPlanDocument) document = NULL;
  g_autofree char *path = NULL;
  guint64 family_id = 0;
  int code = EXIT_OK;

  if (!parse_options (command, export_plan_entries, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;
  if (opt_family == NULL ||
      !g_ascii_string_to_unsigned (opt_family, 10, 1, G_MAXINT64, &family_id, NULL))
    return usage_error (command, _("Say which family with --family ID (see “helhed-tool list”)."));
  if (opt_output == NULL)
    return usage_error (command, _("Say where the PDF goes with -o FILE."));

  path = database_path ();
  if (same_file (path, opt_output))
    return usage_error (command, _("The export would overwrite the database itself. Choose "
                                   "another file name."));
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return failure (command, error);
  document = hel_plan_document_new (store, (gint64) family_id, &error);
  if (document == NULL || !hel_plan_document_write_pdf (document, opt_output, &error))
    return failure (command, error);
  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* export minutes, meetings                                                                    */

static char *opt_meeting = NULL;
static char *opt_names = NULL;

static GOptionEntry export_minutes_entries[] = {
  { "meeting", 0, 0, G_OPTION_ARG_STRING, &opt_meeting,
    N_("The meeting, by its id (see “helhed-tool meetings”)"), N_("ID") },
  { "names", 0, 0, G_OPTION_ARG_STRING, &opt_names,
    N_("How people are named: initials (the default), first-names or full"), N_("WHICH") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write the PDF to FILE"), N_("FILE") },
  { NULL }
};

static int
run_export_minutes (const ToolCommand *command,
                    int                argc,
                    char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(HelMinutesDocument) document = NULL;
  g_autofree char *path = NULL;
  HelPrivacy privacy = HEL_PRIVACY_INITIALS;
  guint64 meeting_id = 0;
  int code = EXIT_OK;

  if (!parse_options (command, export_minutes_entries, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;
  if (opt_meeting == NULL ||
      !g_ascii_string_to_unsigned (opt_meeting, 10, 1, G_MAXINT64, &meeting_id, NULL))
    return usage_error (command, _("Say which meeting with --meeting ID (see “helhed-tool "
                                   "meetings”)."));
  if (opt_names != NULL && !hel_privacy_from_code (opt_names, &privacy))
    return usage_error (command, _("--names is initials, first-names or full."));
  if (opt_output == NULL)
    return usage_error (command, _("Say where the PDF goes with -o FILE."));

  path = database_path ();
  if (same_file (path, opt_output))
    return usage_error (command, _("The export would overwrite the database itself. Choose "
                                   "another file name."));
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return failure (command, error);
  document = hel_minutes_document_new (store, (gint64) meeting_id, privacy, &error);
  if (document == NULL || !hel_minutes_document_write_pdf (document, opt_output, &error))
    return failure (command, error);
  return EXIT_OK;
}

static int
run_meetings (const ToolCommand *command,
              int                argc,
              char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autofree char *path = NULL;
  int code = EXIT_OK;

  if (!parse_options (command, NULL, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;
  path = database_path ();
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return failure (command, error);
  meetings = hel_store_list_meetings (store, &error);
  if (meetings == NULL)
    return failure (command, error);
  for (guint i = 0; i < meetings->len; i++)
    {
      HelMeetingSummary *m = meetings->pdata[i];

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%u\n", m->id, m->date, m->time ? m->time : "-",
               hel_meeting_kind_to_code (m->kind), m->team_name ? m->team_name : "-", m->n_families);
    }
  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* export netmap                                                                               */

static char *opt_member = NULL;

static GOptionEntry export_netmap_entries[] = {
  { "family", 0, 0, G_OPTION_ARG_STRING, &opt_family,
    N_("The family, by its id (see “helhed-tool list”)"), N_("ID") },
  { "member", 0, 0, G_OPTION_ARG_STRING, &opt_member,
    N_("A member’s own map instead of the family’s, by the member’s id"), N_("ID") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("Write the map to FILE: .png, .svg or .pdf"), N_("FILE") },
  { NULL }
};

static int
run_export_netmap (const ToolCommand *command,
                   int                argc,
                   char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(HelNetmap) map = NULL;
  g_autoptr(HelFamily) family = NULL;
  g_autofree char *path = NULL;
  HelNetmapExportFormat format;
  HelNetmapStyle style;
  guint64 family_id = 0, member_id = 0;
  gint64 netmap_id = 0;
  gboolean png;
  int code = EXIT_OK;

  if (!parse_options (command, export_netmap_entries, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;
  if (opt_family == NULL ||
      !g_ascii_string_to_unsigned (opt_family, 10, 1, G_MAXINT64, &family_id, NULL))
    return usage_error (command, _("Say which family with --family ID (see “helhed-tool list”)."));
  if (opt_member != NULL &&
      !g_ascii_string_to_unsigned (opt_member, 10, 1, G_MAXINT64, &member_id, NULL))
    return usage_error (command, _("The member must be given by its id, a whole number."));
  if (opt_output == NULL)
    return usage_error (command, _("Say where the map goes with -o FILE.png, FILE.svg or "
                                   "FILE.pdf."));
  if (!hel_export_netmap_format_from_path (opt_output, &format, &error))
    return usage_error (command, error->message);

  path = database_path ();
  if (same_file (path, opt_output))
    return usage_error (command, _("The export would overwrite the database itself. Choose "
                                   "another file name."));
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return failure (command, error);
  family = hel_store_get_family (store, (gint64) family_id, &error);
  if (family == NULL)
    return failure (command, error);
  maps = hel_store_list_netmaps (store, (gint64) family_id, &error);
  if (maps == NULL)
    return failure (command, error);
  for (guint i = 0; i < maps->len; i++)
    if (((HelNetmap *) maps->pdata[i])->member_id == (gint64) member_id)
      netmap_id = ((HelNetmap *) maps->pdata[i])->id;
  if (netmap_id == 0)
    {
      g_autofree char *family_text = g_strdup_printf ("%" G_GUINT64_FORMAT, family_id);
      g_autofree char *member_text = g_strdup_printf ("%" G_GUINT64_FORMAT, member_id);

      if (member_id != 0)
        /* Translators: the first %s is a member's id, the second a family's id */
        g_set_error (&error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                     _("Member %s of family %s has no network map of their own."), member_text,
                     family_text);
      else
        g_set_error (&error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                     _("Family %s has no network map yet."), family_text);
      return failure (command, error);
    }
  map = hel_store_load_netmap (store, netmap_id, &error);
  if (map == NULL)
    return failure (command, error);
  /* The same sizes as the app's export: a big PNG for slides, A4 landscape on paper. */
  hel_netmap_style_init (&style, HEL_NETMAP_THEME_LIGHT);
  png = format == HEL_NETMAP_EXPORT_PNG;
  if (!hel_export_netmap (map, &style, NULL, png ? 2400 : 842, png ? 1600 : 595, opt_output,
                          &error))
    return failure (command, error);
  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* export chart, report (helhed-tool-progress.c)                                               */

static int
run_export_chart (const ToolCommand *command,
                  int                argc,
                  char             **argv)
{
  g_autofree char *title = command_title (command);

  return hel_tool_export_chart (title, _(command->summary), argc, argv);
}

static int
run_report (const ToolCommand *command,
            int                argc,
            char             **argv)
{
  g_autofree char *title = command_title (command);

  return hel_tool_report (title, _(command->summary), argc, argv);
}

/* ------------------------------------------------------------------------------------------ */
/* bench                                                                                       */

static gboolean opt_json = FALSE;
static gboolean opt_quick = FALSE;
static char *opt_app = NULL;
static char *opt_only = NULL;

static GOptionEntry bench_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("Print one JSON object per figure (name, unit, size, median, p95, target)"), NULL },
  { "quick", 0, 0, G_OPTION_ARG_NONE, &opt_quick,
    N_("Fewer repetitions: a rough figure in less time"), NULL },
  { "app", 0, 0, G_OPTION_ARG_FILENAME, &opt_app,
    N_("The helhed program to start (default: the one beside this tool, or on PATH)"),
    N_("FILE") },
  { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only,
    N_("Only the figures whose name starts with NAME, e.g. “netmap”"), N_("NAME") },
  { NULL }
};

static int
run_bench (const ToolCommand *command,
           int                argc,
           char             **argv)
{
  int code = EXIT_OK;

  if (!parse_options (command, bench_entries, &argc, &argv, &code) ||
      !check_positional (command, argc, 0, &code))
    return code;
  return hel_bench_run (opt_json, opt_quick, opt_app, opt_only) == 0 ? EXIT_OK : EXIT_FAILED;
}

/* ------------------------------------------------------------------------------------------ */
/* Dispatch                                                                                    */

static const ToolCommand commands[] = {
  { "demo", NULL, NULL, N_("Make a demo database with 50 invented families"), run_demo },
  { "list", NULL, NULL, N_("List the families: id, name, team, status and number of members"),
    run_list },
  { "export", "json", NULL, N_("Export the whole database as JSON"), run_export_json },
  { "export", "plan", NULL, N_("Write a family’s plan as an A4 PDF to hand to the family"),
    run_export_plan },
  { "export", "netmap", NULL, N_("Draw a family’s network map as PNG, SVG or PDF"),
    run_export_netmap },
  { "import", "json", N_("FILE"), N_("Import a JSON export into an empty database"),
    run_import_json },
  { "check", NULL, NULL, N_("Check the database for damage"), run_check },
  { "backup", NULL, NULL, N_("Save a verified copy of the database"), run_backup },
  { "backups", NULL, NULL, N_("List the automatic backups of the database, newest first"),
    run_backups },
  { "restore", NULL, N_("BACKUP"), N_("Put a backup in place of the database (close Helhed "
                                      "first)"),
    run_restore },
  { "bench", NULL, NULL, N_("Measure start-up, the store and drawing on generated data"),
    run_bench },
  { "meetings", NULL, NULL, N_("List the board meetings: id, date, time, kind, team, families"),
    run_meetings },
  { "export", "minutes", NULL, N_("Write a board meeting’s minutes as an A4 PDF"),
    run_export_minutes },
  { "export", "chart", N_("KIND"), N_("Draw a progress chart as PNG, SVG or PDF"),
    run_export_chart },
  { "report", NULL, NULL, N_("Write the project’s status report as PDF (and its tables as CSV)"),
    run_report },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  helhed-tool %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…]"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *words = commands[i].what
                                 ? g_strdup_printf ("%s %s", commands[i].name, commands[i].what)
                                 : g_strdup (commands[i].name);
      fprintf (out, "  %-14s %s\n", words, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Run “helhed-tool COMMAND --help” for the options of a command."));
}

static void
set_up_translations (void)
{
  const char *localedir = g_getenv ("HELHED_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  const char *name, *what;
  gboolean name_known = FALSE;

  set_up_translations ();
  g_set_prgname ("helhed-tool");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      g_print ("helhed-tool %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  what = argc > 2 ? argv[2] : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const ToolCommand *command = &commands[i];

      if (!g_str_equal (command->name, name))
        continue;
      name_known = TRUE;
      if (command->what == NULL)
        {
          /* argv[1] becomes the program name that option parsing skips. */
          return command->run (command, argc - 1, argv + 1);
        }
      if (what != NULL && g_str_equal (command->what, what))
        return command->run (command, argc - 2, argv + 2);
    }

  if (name_known)
    {
      g_autoptr(GString) choices = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (g_str_equal (commands[i].name, name))
          g_string_append_printf (choices, "%s%s", choices->len ? ", " : "", commands[i].what);
      /* Translators: e.g. “helhed-tool export: say which kind: json” */
      g_printerr (_("helhed-tool %s: say which kind: %s\n"), name, choices->str);
      return EXIT_USAGE;
    }
  g_printerr (_("helhed-tool: unknown command “%s”.\n"), name);
  print_usage (stderr);
  return EXIT_USAGE;
}
