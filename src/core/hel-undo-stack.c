/* hel-undo-stack.c: a bounded undo/redo history of store edits. */
#include "config.h"

#include "hel-undo-stack.h"

typedef struct {
  char           *label;
  HelUndoFunc     undo;
  HelUndoFunc     redo;
  gpointer        data;
  GDestroyNotify  free_data;
  guint64         serial;
} Entry;

struct _HelUndoStack
{
  GObject  parent_instance;
  GQueue   undo;     /* newest at the head */
  GQueue   redo;
  guint    limit;
  guint64  last_serial;
};

G_DEFINE_FINAL_TYPE (HelUndoStack, hel_undo_stack, G_TYPE_OBJECT)

enum { PROP_0, PROP_CAN_UNDO, PROP_CAN_REDO, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
entry_free (gpointer p)
{
  Entry *entry = p;

  if (entry->free_data)
    entry->free_data (entry->data);
  g_free (entry->label);
  g_free (entry);
}

static void
notify_state (HelUndoStack *self,
              gboolean      could_undo,
              gboolean      could_redo)
{
  if (could_undo != hel_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != hel_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
hel_undo_stack_finalize (GObject *object)
{
  HelUndoStack *self = HEL_UNDO_STACK (object);

  g_queue_clear_full (&self->undo, entry_free);
  g_queue_clear_full (&self->redo, entry_free);
  G_OBJECT_CLASS (hel_undo_stack_parent_class)->finalize (object);
}

static void
hel_undo_stack_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HelUndoStack *self = HEL_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hel_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, hel_undo_stack_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_undo_stack_class_init (HelUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hel_undo_stack_finalize;
  object_class->get_property = hel_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hel_undo_stack_init (HelUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

HelUndoStack *
hel_undo_stack_new (guint limit)
{
  HelUndoStack *self = g_object_new (HEL_TYPE_UNDO_STACK, NULL);

  self->limit = MAX (limit, 1);
  return self;
}

void
hel_undo_stack_push (HelUndoStack   *self,
                     const char     *label,
                     HelUndoFunc     undo,
                     HelUndoFunc     redo,
                     gpointer        data,
                     GDestroyNotify  free_data)
{
  gboolean could_undo, could_redo;
  Entry *entry;

  g_return_if_fail (HEL_IS_UNDO_STACK (self));
  g_return_if_fail (undo != NULL && redo != NULL);

  could_undo = hel_undo_stack_can_undo (self);
  could_redo = hel_undo_stack_can_redo (self);

  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (label);
  entry->undo = undo;
  entry->redo = redo;
  entry->data = data;
  entry->free_data = free_data;
  entry->serial = ++self->last_serial;

  g_queue_clear_full (&self->redo, entry_free);
  g_queue_push_head (&self->undo, entry);
  while (self->undo.length > self->limit)
    entry_free (g_queue_pop_tail (&self->undo));

  notify_state (self, could_undo, could_redo);
}

gboolean
hel_undo_stack_can_undo (HelUndoStack *self)
{
  g_return_val_if_fail (HEL_IS_UNDO_STACK (self), FALSE);
  return self->undo.length > 0;
}

gboolean
hel_undo_stack_can_redo (HelUndoStack *self)
{
  g_return_val_if_fail (HEL_IS_UNDO_STACK (self), FALSE);
  return self->redo.length > 0;
}

const char *
hel_undo_stack_undo_label (HelUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (HEL_IS_UNDO_STACK (self), NULL);
  entry = g_queue_peek_head (&self->undo);
  return entry ? entry->label : NULL;
}

guint64
hel_undo_stack_get_undo_serial (HelUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (HEL_IS_UNDO_STACK (self), 0);
  entry = g_queue_peek_head (&self->undo);
  return entry ? entry->serial : 0;
}

const char *
hel_undo_stack_redo_label (HelUndoStack *self)
{
  Entry *entry;

  g_return_val_if_fail (HEL_IS_UNDO_STACK (self), NULL);
  entry = g_queue_peek_head (&self->redo);
  return entry ? entry->label : NULL;
}

static gboolean
move_entry (HelUndoStack *self,
            GQueue       *from,
            GQueue       *to,
            gboolean      undo,
            GError      **error)
{
  gboolean could_undo = hel_undo_stack_can_undo (self);
  gboolean could_redo = hel_undo_stack_can_redo (self);
  Entry *entry = g_queue_peek_head (from);

  if (entry == NULL)
    return FALSE;
  if (!(undo ? entry->undo : entry->redo) (entry->data, error))
    return FALSE;
  g_queue_pop_head (from);
  g_queue_push_head (to, entry);
  notify_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
hel_undo_stack_undo (HelUndoStack *self,
                     GError      **error)
{
  g_return_val_if_fail (HEL_IS_UNDO_STACK (self), FALSE);
  return move_entry (self, &self->undo, &self->redo, TRUE, error);
}

gboolean
hel_undo_stack_redo (HelUndoStack *self,
                     GError      **error)
{
  g_return_val_if_fail (HEL_IS_UNDO_STACK (self), FALSE);
  return move_entry (self, &self->redo, &self->undo, FALSE, error);
}

void
hel_undo_stack_clear (HelUndoStack *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (HEL_IS_UNDO_STACK (self));
  could_undo = hel_undo_stack_can_undo (self);
  could_redo = hel_undo_stack_can_redo (self);
  g_queue_clear_full (&self->undo, entry_free);
  g_queue_clear_full (&self->redo, entry_free);
  notify_state (self, could_undo, could_redo);
}
