/* hel-progress-undo.c: undo and redo for the progress figures. A measurement goes back to the
 * snapshot taken when its dialog opened (or away, when it was new); a figure to its old value. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hel-progress-measurement-dialog.h"
#include "hel-progress-undo.h"
#include "hel-store-progress.h"

/* ---- Toasts ---- */

static void
toast_undo_cb (AdwToast   *toast,
               GtkWidget  *widget)
{
  const char *action = g_object_get_data (G_OBJECT (toast), "undo-action");

  gtk_widget_activate_action (widget, action, NULL);
}

void
hel_progress_undo_toast (GtkWidget  *widget,
                         const char *message,
                         const char *undo_action)
{
  AdwToastOverlay *overlay = (AdwToastOverlay *) gtk_widget_get_ancestor (widget,
                                                                          ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (message);
  if (undo_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "undo-action", g_strdup (undo_action), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), widget, 0);
    }
  adw_toast_overlay_add_toast (overlay, toast);
}

/* ---- Shortcuts ---- */

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  const char *action = user_data;

  /* Not ours while another view or section is showing: let the next one have the key. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_activate_action (widget, action, NULL);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  GtkShortcutTrigger *keys = gtk_shortcut_trigger_parse_string (trigger);
  GtkShortcutAction *activate = gtk_callback_action_new (shortcut_cb, g_strdup (action), g_free);

  gtk_shortcut_controller_add_shortcut (controller, gtk_shortcut_new (keys, activate));
}

void
hel_progress_undo_add_shortcuts (GtkWidget  *widget,
                                 const char *undo_action,
                                 const char *redo_action)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>z", undo_action);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Shift>z", redo_action);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>y", redo_action);
  gtk_widget_add_controller (widget, controller);
}

/* ---- Measurements ---- */

typedef struct {
  HelStore       *store;
  gint64          id;
  HelMeasurement *before;   /* NULL: it did not exist */
  HelMeasurement *after;
} MeasurementUndo;

static void
measurement_undo_free (gpointer data)
{
  MeasurementUndo *u = data;

  g_object_unref (u->store);
  g_clear_pointer (&u->before, hel_measurement_free);
  g_clear_pointer (&u->after, hel_measurement_free);
  g_free (u);
}

static gboolean
measurement_undo_cb (gpointer  data,
                     GError  **error)
{
  MeasurementUndo *u = data;

  return hel_store_restore_measurement (u->store, u->id, u->before, g_get_real_name (), error);
}

static gboolean
measurement_redo_cb (gpointer  data,
                     GError  **error)
{
  MeasurementUndo *u = data;

  return hel_store_restore_measurement (u->store, u->id, u->after, g_get_real_name (), error);
}

typedef struct {
  HelUndoStack   *undo;
  GtkWidget      *owner;      /* weak */
  char           *undo_action;
  HelStore       *store;
  HelMeasurement *before;
} DialogWatch;

static void
dialog_watch_free (gpointer data)
{
  DialogWatch *w = data;

  g_object_unref (w->undo);
  g_clear_weak_pointer (&w->owner);
  g_free (w->undo_action);
  g_object_unref (w->store);
  g_clear_pointer (&w->before, hel_measurement_free);
  g_free (w);
}

static void
dialog_saved_cb (HelProgressMeasurementDialog *dialog,
                 gint64                        id,
                 DialogWatch                  *w)
{
  MeasurementUndo *u;
  HelMeasurement *after = hel_store_get_measurement (w->store, id, NULL);

  if (after == NULL)
    return;
  u = g_new0 (MeasurementUndo, 1);
  u->store = g_object_ref (w->store);
  u->id = id;
  u->before = w->before ? hel_measurement_copy (w->before) : NULL;
  u->after = after;
  hel_undo_stack_push (w->undo, w->before ? _("Correct measurement") : _("New measurement"),
                       measurement_undo_cb, measurement_redo_cb, u, measurement_undo_free);
  if (w->owner != NULL)
    hel_progress_undo_toast (w->owner, w->before ? _("Measurement corrected")
                                                 : _("Measurement saved"), w->undo_action);
}

GtkWidget *
hel_progress_undo_open_measurement (HelUndoStack      *undo,
                                    GtkWidget         *owner,
                                    const char        *undo_action,
                                    HelStore          *store,
                                    gint64             member_id,
                                    gint64             measurement_id,
                                    HelInstrumentKind  kind,
                                    GError           **error)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkWidget *dialog;
  DialogWatch *w;

  g_return_val_if_fail (HEL_IS_UNDO_STACK (undo), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  dialog = hel_progress_measurement_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                store, member_id, measurement_id, kind, error);
  if (dialog == NULL)
    return NULL;
  w = g_new0 (DialogWatch, 1);
  w->undo = g_object_ref (undo);
  g_set_weak_pointer (&w->owner, owner);
  w->undo_action = g_strdup (undo_action);
  w->store = g_object_ref (store);
  /* The snapshot is what the store held when the dialog opened: what an undo goes back to. */
  if (measurement_id > 0)
    w->before = hel_store_get_measurement (store, measurement_id, NULL);
  g_object_set_data_full (G_OBJECT (dialog), "hel-undo-watch", w, dialog_watch_free);
  g_signal_connect (dialog, "saved", G_CALLBACK (dialog_saved_cb), w);
  return dialog;
}

/* A removed measurement: undo brings it back with its history, redo removes it again. */
typedef struct {
  HelStore       *store;
  HelMeasurement *snapshot;
  GPtrArray      *edits;
} RemovalUndo;

static void
removal_undo_free (gpointer data)
{
  RemovalUndo *u = data;

  g_object_unref (u->store);
  hel_measurement_free (u->snapshot);
  g_clear_pointer (&u->edits, g_ptr_array_unref);
  g_free (u);
}

static gboolean
removal_undo_cb (gpointer  data,
                 GError  **error)
{
  RemovalUndo *u = data;

  return hel_store_undelete_measurement (u->store, u->snapshot, u->edits, g_get_real_name (),
                                         error);
}

static gboolean
removal_redo_cb (gpointer  data,
                 GError  **error)
{
  RemovalUndo *u = data;

  return hel_store_restore_measurement (u->store, u->snapshot->id, NULL, g_get_real_name (),
                                        error);
}

gboolean
hel_progress_undo_delete_measurement (HelUndoStack *undo,
                                      GtkWidget    *owner,
                                      const char   *undo_action,
                                      HelStore     *store,
                                      gint64        measurement_id,
                                      GError      **error)
{
  g_autoptr(HelMeasurement) snapshot = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  RemovalUndo *u;

  g_return_val_if_fail (HEL_IS_UNDO_STACK (undo), FALSE);

  snapshot = hel_store_get_measurement (store, measurement_id, error);
  if (snapshot == NULL)
    return FALSE;
  edits = hel_store_list_measurement_edits (store, measurement_id, error);
  if (edits == NULL || !hel_store_delete_measurement (store, measurement_id, error))
    return FALSE;
  u = g_new0 (RemovalUndo, 1);
  u->store = g_object_ref (store);
  u->snapshot = g_steal_pointer (&snapshot);
  u->edits = g_steal_pointer (&edits);
  hel_undo_stack_push (undo, _("Remove measurement"), removal_undo_cb, removal_redo_cb, u,
                       removal_undo_free);
  if (owner != NULL)
    hel_progress_undo_toast (owner, _("Measurement removed"), undo_action);
  return TRUE;
}

/* ---- Figures ---- */

double
hel_progress_figure_get (HelStore           *store,
                         const HelFigureKey *key,
                         GError            **error)
{
  g_autoptr(GPtrArray) list = NULL;

  switch (key->kind)
    {
    case HEL_FIGURE_ABSENCE:
      list = hel_store_list_school_absence (store, key->family_id, error);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          const HelSchoolAbsence *a = list->pdata[i];
          if (a->member_id == key->owner_id && g_strcmp0 (a->quarter, key->quarter) == 0)
            return a->percent;
        }
      break;
    case HEL_FIGURE_NOTIFICATIONS:
      list = hel_store_list_concern_notifications (store, key->family_id, error);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          const HelConcernNotification *n = list->pdata[i];
          if (n->member_id == key->owner_id && n->year == key->year)
            return n->count;
        }
      break;
    case HEL_FIGURE_EXPENSE:
    default:
      list = hel_store_list_expenses (store, key->family_id, error);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          const HelExpense *e = list->pdata[i];
          if (g_strcmp0 (e->quarter, key->quarter) == 0 && e->department == key->department)
            return (double) e->amount;
        }
      break;
    }
  return NAN;
}

gboolean
hel_progress_figure_set (HelStore           *store,
                         const HelFigureKey *key,
                         double              value,
                         char              **bad_field,
                         GError            **error)
{
  switch (key->kind)
    {
    case HEL_FIGURE_ABSENCE:
      return hel_store_set_school_absence (store, key->owner_id, key->quarter, value, bad_field,
                                           error);
    case HEL_FIGURE_NOTIFICATIONS:
      return hel_store_set_concern_notifications (store, key->owner_id, key->year,
                                                  isnan (value) ? -1 : (int) value, bad_field,
                                                  error);
    case HEL_FIGURE_EXPENSE:
    default:
      return hel_store_set_expense (store, key->family_id, key->quarter, key->department,
                                    isnan (value) ? -1 : (gint64) value, bad_field, error);
    }
}

typedef struct {
  HelStore     *store;
  HelFigureKey  key;
  double        before;
  double        after;
} FigureUndo;

static void
figure_undo_free (gpointer data)
{
  FigureUndo *u = data;

  g_object_unref (u->store);
  g_free ((char *) u->key.quarter);
  g_free (u);
}

static gboolean
figure_undo_cb (gpointer  data,
                GError  **error)
{
  FigureUndo *u = data;

  return hel_progress_figure_set (u->store, &u->key, u->before, NULL, error);
}

static gboolean
figure_redo_cb (gpointer  data,
                GError  **error)
{
  FigureUndo *u = data;

  return hel_progress_figure_set (u->store, &u->key, u->after, NULL, error);
}

void
hel_progress_undo_push_figure (HelUndoStack       *undo,
                               HelStore           *store,
                               const HelFigureKey *key,
                               double              before,
                               double              after,
                               const char         *label)
{
  FigureUndo *u;

  g_return_if_fail (HEL_IS_UNDO_STACK (undo));

  /* Saving the same value again changes nothing and is nothing to undo. */
  if ((isnan (before) && isnan (after)) || before == after)
    return;
  u = g_new0 (FigureUndo, 1);
  u->store = g_object_ref (store);
  u->key = *key;
  u->key.quarter = g_strdup (key->quarter);
  u->before = before;
  u->after = after;
  hel_undo_stack_push (undo, label, figure_undo_cb, figure_redo_cb, u, figure_undo_free);
}
