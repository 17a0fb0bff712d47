/* replay.c: runs a fuzz target over every file of its corpus (seeds and the inputs that once
 * crashed it), without libFuzzer, as an ordinary test.  Usage: replay-TARGET CORPUS_DIR */
#include "config.h"

#include <locale.h>

#include "fuzz-target.h"

static const char *corpus_dir;

static void
test_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (corpus_dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (corpus_dir, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_test_message ("%s", (char *) names->pdata[i]);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: replay-TARGET [--tap] CORPUS_DIR");
  corpus_dir = argv[1];
  g_test_add_func ("/fuzz/replay-corpus", test_corpus);
  return g_test_run ();
}
