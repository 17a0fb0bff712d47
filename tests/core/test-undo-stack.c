/* test-undo-stack.c: undo and redo in order, bounded, and safe when the store refuses. */
#include "config.h"

#include <gio/gio.h>

#include "hel-undo-stack.h"

typedef struct {
  int *value;
  int  before;
  int  after;
  gboolean *fail;
} Edit;

static gboolean
apply_before (gpointer data, GError **error)
{
  Edit *e = data;
  if (e->fail && *e->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused");
      return FALSE;
    }
  *e->value = e->before;
  return TRUE;
}

static gboolean
apply_after (gpointer data, GError **error)
{
  Edit *e = data;
  if (e->fail && *e->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused");
      return FALSE;
    }
  *e->value = e->after;
  return TRUE;
}

static int freed;

static void
edit_free (gpointer data)
{
  freed++;
  g_free (data);
}

static void
set_value (HelUndoStack *stack, int *value, int to, gboolean *fail)
{
  Edit *e = g_new0 (Edit, 1);
  g_autofree char *label = g_strdup_printf ("set %d", to);

  e->value = value;
  e->before = *value;
  e->after = to;
  e->fail = fail;
  *value = to;
  hel_undo_stack_push (stack, label, apply_before, apply_after, e, edit_free);
}

static void
test_sequence (void)
{
  g_autoptr(HelUndoStack) stack = hel_undo_stack_new (3);
  g_autoptr(GError) error = NULL;
  gboolean fail = FALSE;
  int value = 0;

  freed = 0;
  g_assert_false (hel_undo_stack_can_undo (stack));
  g_assert_false (hel_undo_stack_undo (stack, NULL));

  set_value (stack, &value, 1, &fail);
  set_value (stack, &value, 2, &fail);
  set_value (stack, &value, 3, &fail);
  set_value (stack, &value, 4, &fail);   /* pushes "set 1" off the bottom */
  g_assert_cmpint (freed, ==, 1);
  g_assert_cmpstr (hel_undo_stack_undo_label (stack), ==, "set 4");

  g_assert_true (hel_undo_stack_undo (stack, &error));
  g_assert_cmpint (value, ==, 3);
  g_assert_true (hel_undo_stack_undo (stack, &error));
  g_assert_true (hel_undo_stack_undo (stack, &error));
  g_assert_cmpint (value, ==, 1);
  g_assert_false (hel_undo_stack_can_undo (stack));
  g_assert_cmpstr (hel_undo_stack_redo_label (stack), ==, "set 2");

  g_assert_true (hel_undo_stack_redo (stack, &error));
  g_assert_cmpint (value, ==, 2);

  /* A new edit forgets the redo branch. */
  set_value (stack, &value, 7, &fail);
  g_assert_false (hel_undo_stack_can_redo (stack));
  g_assert_cmpint (freed, ==, 3);

  /* A refused undo keeps everything as it was. */
  fail = TRUE;
  g_assert_false (hel_undo_stack_undo (stack, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (value, ==, 7);
  g_assert_true (hel_undo_stack_can_undo (stack));
  g_assert_cmpstr (hel_undo_stack_undo_label (stack), ==, "set 7");
  fail = FALSE;
  g_clear_error (&error);
  g_assert_true (hel_undo_stack_undo (stack, &error));
  g_assert_cmpint (value, ==, 2);

  hel_undo_stack_clear (stack);
  g_assert_false (hel_undo_stack_can_undo (stack));
  g_assert_false (hel_undo_stack_can_redo (stack));
}

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(int *) user_data)++;
}

static void
test_notify (void)
{
  g_autoptr(HelUndoStack) stack = hel_undo_stack_new (10);
  int value = 0, notified = 0;

  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (count_notify), &notified);
  set_value (stack, &value, 1, NULL);
  g_assert_cmpint (notified, ==, 1);
  set_value (stack, &value, 2, NULL);
  g_assert_cmpint (notified, ==, 1);  /* still can undo: no notification */
  hel_undo_stack_undo (stack, NULL);
  hel_undo_stack_undo (stack, NULL);
  g_assert_cmpint (notified, ==, 2);
}

/* The serial names the edit undo would take back, follows undo and redo, and is never given
 * twice, even after entries fell off the bounded stack. */
static void
test_serial (void)
{
  g_autoptr(HelUndoStack) stack = hel_undo_stack_new (2);
  int value = 0;
  guint64 first, second, third;

  g_assert_cmpuint (hel_undo_stack_get_undo_serial (stack), ==, 0);
  set_value (stack, &value, 1, NULL);
  first = hel_undo_stack_get_undo_serial (stack);
  set_value (stack, &value, 2, NULL);
  second = hel_undo_stack_get_undo_serial (stack);
  g_assert_cmpuint (first, !=, 0);
  g_assert_cmpuint (second, !=, first);

  g_assert_true (hel_undo_stack_undo (stack, NULL));
  g_assert_cmpuint (hel_undo_stack_get_undo_serial (stack), ==, first);
  g_assert_true (hel_undo_stack_redo (stack, NULL));
  g_assert_cmpuint (hel_undo_stack_get_undo_serial (stack), ==, second);

  /* A new edit after an undo: a new serial, not the one that was redoable */
  g_assert_true (hel_undo_stack_undo (stack, NULL));
  set_value (stack, &value, 3, NULL);
  third = hel_undo_stack_get_undo_serial (stack);
  g_assert_cmpuint (third, !=, first);
  g_assert_cmpuint (third, !=, second);
  set_value (stack, &value, 4, NULL);
  set_value (stack, &value, 5, NULL);
  g_assert_cmpuint (hel_undo_stack_get_undo_serial (stack), >, third);

  hel_undo_stack_clear (stack);
  g_assert_cmpuint (hel_undo_stack_get_undo_serial (stack), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/undo-stack/sequence", test_sequence);
  g_test_add_func ("/undo-stack/notify", test_notify);
  g_test_add_func ("/undo-stack/serial", test_serial);
  return g_test_run ();
}
