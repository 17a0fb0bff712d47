/* hel-ui-test.h: what the widget tests share: WAIT_FOR, drain, find_toplevel, typing into rows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

static inline gboolean
hel_ui_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @cond holds; after @seconds the test fails with the text of
 * @cond. The limit guards against a hang; it is not a speed test. */
#define WAIT_FOR_SECONDS(seconds, cond) HEL_UI_TEST_WAIT_ (seconds, cond, #cond)
/* The same with a limit of five seconds. */
#define WAIT_FOR(cond) HEL_UI_TEST_WAIT_ (5, cond, #cond)

#define HEL_UI_TEST_WAIT_(seconds, cond, text)                                \
  G_STMT_START {                                                              \
    gboolean timed_out_ = FALSE;                                              \
    guint id_ = g_timeout_add_seconds ((seconds), hel_ui_test_timeout_cb, &timed_out_); \
    while (!(cond) && !timed_out_)                                            \
      g_main_context_iteration (NULL, TRUE);                                  \
    if (!timed_out_)                                                          \
      g_source_remove (id_);                                                  \
    if (!(cond))                                                              \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,       \
                           "timed out waiting for: " text);                   \
  } G_STMT_END

/* Runs whatever the main context has pending, without blocking. */
static inline void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The first visible toplevel window of @type (or a subtype), or NULL. */
static inline GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Sets the text of an editable row (an AdwEntryRow) and emits "apply", as pressing Enter does. */
static inline void
type_and_apply (gpointer    row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* Whether @widget shows an error (has the "error" style class). */
static inline gboolean
has_error (gpointer widget)
{
  return gtk_widget_has_css_class (GTK_WIDGET (widget), "error");
}

G_END_DECLS
