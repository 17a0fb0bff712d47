/* test-crash.c: kill a process that is editing through the store at random moments (SIGKILL),
 * hundreds of times; after each kill the database must open, pass its integrity check and hold
 * every edit the process had reported as committed. */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "crash-common.h"
#include "fault-util.h"
#include "hel-store-private.h"

typedef struct {
  gboolean has_committed; /* FALSE for a row whose insert was never reported, only an edit */
  guint32  committed;
  gboolean has_pending;   /* an edit was started but not reported: either value may be there */
  guint32  pending;
} Expected;

static const char *child_path;

static void
parse_report (GHashTable *expected,
              const char *output,
              gsize       length,
              guint      *n_commits)
{
  g_autofree char *text = g_strndup (output, length);
  char *end = strrchr (text, '\n');
  g_auto(GStrv) lines = NULL;

  /* A line cut by the kill was never reported. */
  if (end == NULL)
    return;
  end[1] = '\0';
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      char verb[16], kind[16];
      gint64 id;
      guint32 sum;
      g_autofree char *key = NULL;
      Expected *e;

      g_assert_cmpint (sscanf (lines[i], "%15s %15s %" G_GINT64_FORMAT " %x", verb, kind, &id,
                               &sum), ==, 4);
      key = g_strdup_printf ("%s %" G_GINT64_FORMAT, kind, id);
      e = g_hash_table_lookup (expected, key);
      if (e == NULL)
        {
          e = g_new0 (Expected, 1);
          g_hash_table_insert (expected, g_steal_pointer (&key), e);
        }
      if (g_str_equal (verb, "editing"))
        {
          e->has_pending = TRUE;
          e->pending = sum;
        }
      else
        {
          g_assert_cmpstr (verb, ==, "committed");
          e->has_committed = TRUE;
          e->committed = sum;
          e->has_pending = FALSE;
          (*n_commits)++;
        }
    }
}

/* The checksum of what the database holds for "kind id", as the child computed it. */
static gboolean
stored_checksum (sqlite3    *db,
                 const char *key,
                 guint32    *sum)
{
  static const struct {
    const char *kind;
    const char *sql;
  } queries[] = {
    { "family", "SELECT 0, name FROM family WHERE id = ?1" },
    { "member", "SELECT family_id, first_name FROM member WHERE id = ?1" },
    { "goal", "SELECT family_id, title FROM goal WHERE id = ?1" },
    { "step", "SELECT subgoal_id, what FROM step WHERE id = ?1" },
    { "node", "SELECT netmap_id, name, x, y FROM netmap_node WHERE id = ?1" },
  };
  char kind[16];
  gint64 id;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *content = NULL;
  gboolean found;

  g_assert_cmpint (sscanf (key, "%15s %" G_GINT64_FORMAT, kind, &id), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (g_str_equal (queries[i].kind, kind))
      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[i].sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 1);

      if (g_str_equal (kind, "family"))
        content = g_strdup (text);
      else if (g_str_equal (kind, "node"))
        content = crash_node_content (sqlite3_column_int64 (stmt, 0), text,
                                      sqlite3_column_double (stmt, 2),
                                      sqlite3_column_double (stmt, 3));
      else
        content = crash_child_content (sqlite3_column_int64 (stmt, 0), text);
      *sum = crash_checksum (content);
    }
  sqlite3_finalize (stmt);
  return found;
}

static void
verify (const char *path,
        GHashTable *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelStore) store = NULL;
  g_autofree char *report = NULL;
  GHashTableIter iter;
  gpointer key, value;

  /* A kill during start-up (slow under sanitizers) may come before the database file exists;
   * then nothing can have been reported committed. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
      return;
    }

  /* Opening runs PRAGMA integrity_check and foreign_key_check. */
  store = hel_store_open (path, HEL_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (hel_store_check_integrity (store, &report, &error));
  g_assert_cmpstr (report, ==, "ok");

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Expected *e = value;
      guint32 sum = 0;

      if (!stored_checksum (_hel_store_get_handle (store), key, &sum))
        {
          if (e->has_committed)
            g_error ("%s was reported committed but is not in the database", (char *) key);
          g_error ("%s was being edited but is not in the database", (char *) key);
        }
      /* A row whose insert went unreported (killed between commit and print) and was then
       * edited without a report may hold either text: only reported commits bind. */
      if (e->has_committed && sum != e->committed && !(e->has_pending && sum == e->pending))
        g_error ("%s: the database holds %08x, the last reported commit was %08x",
                 (char *) key, sum, e->committed);
      /* What is there now is durable: the next check starts from it. */
      e->has_committed = TRUE;
      e->committed = sum;
      e->has_pending = FALSE;
    }
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *dir = g_dir_make_tmp ("helhed-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "helhed.db", NULL);
  const char *kills_env = g_getenv ("HELHED_CRASH_KILLS");
  guint kills = kills_env ? (guint) g_ascii_strtoull (kills_env, NULL, 10) : 200;
  guint n_commits = 0, n_killed = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  for (guint round = 0; round < kills; round++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int () & 0x7fffffff);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autoptr(GBytes) err = NULL;
      gsize length;
      const char *data;

      g_autoptr(GByteArray) report = g_byte_array_new ();

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                &error, child_path, path, seed, NULL);
      g_assert_no_error (error);
      /* A quarter of the kills land at any moment, start-up and migration included; the rest
       * once the child is editing (a slow start, e.g. under sanitizers on a busy machine, would
       * otherwise leave few kills among the edits). */
      if (g_test_rand_int_range (0, 4) > 0)
        {
          GInputStream *stdout_pipe = g_subprocess_get_stdout_pipe (child);
          guint8 buffer[4096];
          gssize n;

          while ((report->len == 0 || memchr (report->data, '\n', report->len) == NULL) &&
                 (n = g_input_stream_read (stdout_pipe, buffer, sizeof buffer, NULL, &error)) > 0)
            g_byte_array_append (report, buffer, n);
          g_assert_no_error (error);
          g_usleep (g_test_rand_int_range (0, 30000));
        }
      else
        g_usleep (g_test_rand_int_range (0, 60000));
      g_subprocess_send_signal (child, SIGKILL);
      g_assert_true (g_subprocess_communicate (child, NULL, NULL, &out, &err, &error));
      g_assert_no_error (error);
      if (!g_subprocess_get_if_signaled (child))
        g_error ("the crash child ended by itself: %.*s", (int) g_bytes_get_size (err),
                 (const char *) g_bytes_get_data (err, NULL));
      n_killed++;
      data = g_bytes_get_data (out, &length);
      g_byte_array_append (report, (const guint8 *) data, length);
      if (report->len > 0)
        parse_report (expected, (const char *) report->data, report->len, &n_commits);
      verify (path, expected);
    }
  g_test_message ("%u kills, %u reported commits, %u rows checked, %.1f s", n_killed, n_commits,
                  g_hash_table_size (expected), (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n_killed, ==, kills);
  /* The kills must have hit a process that was busy writing: three in four rounds waited for
   * at least one commit. */
  g_assert_cmpuint (n_commits, >=, kills / 2);
  fault_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-crash [--tap] PATH/TO/crash-child");
  child_path = argv[1];
  g_test_add_func ("/faults/crash/sigkill", test_sigkill);
  return g_test_run ();
}
