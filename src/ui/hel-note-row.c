/* hel-note-row.c: one follow-up note of a small goal. The date and the text are entries, so a
 * note written on the wrong day or with a slip is corrected where it stands; each is saved when
 * applied (Enter or leaving the field), with undo. Who wrote the note does not change. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-note-row.h"
#include "hel-plan-view-private.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

struct _HelNoteRow
{
  GtkListBoxRow  parent_instance;

  HelPlanView   *view;            /* unowned */
  gint64         note_id;

  GtkWidget     *date_entry;
  GtkWidget     *text_entry;
  GtkLabel      *author_label;
  GtkWidget     *delete_button;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (HelNoteRow, hel_note_row, GTK_TYPE_LIST_BOX_ROW)

/* The note as last read from the store, or NULL when it is gone. */
static HelFollowup *
current (HelNoteRow *self)
{
  HelPlan *plan = _hel_plan_view_get_plan (self->view);
  HelPlanData *d = plan ? hel_plan_data (plan) : NULL;

  for (guint i = 0; d != NULL && i < d->goals->len; i++)
    {
      HelGoal *goal = d->goals->pdata[i];

      for (guint j = 0; j < goal->subgoals->len; j++)
        {
          HelSubgoal *sg = goal->subgoals->pdata[j];

          for (guint k = 0; k < sg->followups->len; k++)
            if (((HelFollowup *) sg->followups->pdata[k])->id == self->note_id)
              return sg->followups->pdata[k];
        }
    }
  return NULL;
}

static void
show_error (HelNoteRow   *self,
            GtkWidget    *field,
            const GError *error)
{
  GtkWidget *fields[] = { self->date_entry, self->text_entry };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != field || error == NULL)
      _hel_plan_show_error (fields[i], GTK_WIDGET (self->error_label), NULL);
  if (field != NULL)
    _hel_plan_show_error (field, GTK_WIDGET (self->error_label), error);
}

static gboolean
save (HelNoteRow  *self,
      const char  *date,
      const char  *text,
      const char  *label,
      GtkWidget   *field)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  HelFollowup *t = current (self);
  HelFollowup *c;
  HelPlan *before;
  gboolean ok;

  if (t == NULL)
    return FALSE;
  c = hel_followup_new (date ? date : t->date, text ? text : t->text, t->author);
  c->id = t->id;
  c->internal = t->internal;
  before = _hel_plan_view_begin_edit (self->view);
  ok = hel_store_update_followup (_hel_plan_view_get_store (self->view), c, &error);
  _hel_plan_view_end_edit (self->view, before, label, ok);
  show_error (self, field, error);
  hel_followup_free (c);
  return ok;
}

static void
text_commit (GtkWidget  *entry,
             HelNoteRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_entry));

  if (save (self, NULL, text, _("Edit follow-up note"), self->text_entry))
    _hel_plan_entry_set_shown (GTK_EDITABLE (self->text_entry), text);
}

static void
date_commit (GtkWidget  *entry,
             HelNoteRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  /* A note is about a day, so the date cannot be left empty. */
  if (!hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), TRUE, &iso,
                          &error))
    {
      show_error (self, self->date_entry, error);
      return;
    }
  if (save (self, iso, NULL, _("Change follow-up date"), self->date_entry))
    {
      g_autofree char *shown = hel_date_format (iso);
      _hel_plan_entry_set_shown (GTK_EDITABLE (self->date_entry), shown);
    }
}

static void
delete_clicked_cb (HelNoteRow *self)
{
  g_autoptr(GObject) keep G_GNUC_UNUSED = g_object_ref (G_OBJECT (self));
  g_autoptr(GError) error = NULL;
  HelPlanView *view = self->view;
  HelPlan *before = _hel_plan_view_begin_edit (view);
  gboolean ok = hel_store_delete_followup (_hel_plan_view_get_store (view), self->note_id,
                                           &error);

  if (_hel_plan_view_end_edit (view, before, _("Delete follow-up note"), ok))
    _hel_plan_view_toast (view, _("Follow-up note deleted"), TRUE);
  else
    _hel_plan_view_error_toast (view, error);
}

void
hel_note_row_update (HelNoteRow        *self,
                     const HelFollowup *note)
{
  g_return_if_fail (HEL_IS_NOTE_ROW (self));
  g_return_if_fail (note != NULL);

  _hel_plan_entry_fill (GTK_EDITABLE (self->text_entry), note->text);
  _hel_plan_entry_fill_date (GTK_EDITABLE (self->date_entry), note->date);
  gtk_label_set_text (self->author_label, note->author ? note->author : "");
  gtk_widget_set_visible (GTK_WIDGET (self->author_label), note->author && *note->author);
}

GtkWidget *
hel_note_row_new (HelPlanView *view,
                  gint64       note_id)
{
  HelNoteRow *self = g_object_new (HEL_TYPE_NOTE_ROW, NULL);

  self->view = view;
  self->note_id = note_id;
  return GTK_WIDGET (self);
}

static void
hel_note_row_class_init (HelNoteRowClass *klass)
{
}

static GtkWidget *
entry_new (const char *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return entry;
}

static void
hel_note_row_init (HelNoteRow *self)
{
  GtkWidget *box, *line;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "hel-plan-note");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  /* [date] [text ..................] author [trash] */
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->date_entry = entry_new (_("Date of the follow-up"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 10);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->date_entry), _("Date"));
  g_signal_connect (self->date_entry, "activate", G_CALLBACK (date_commit), self);
  _hel_plan_watch_focus_out (self->date_entry, G_CALLBACK (date_commit), self);
  gtk_box_append (GTK_BOX (line), self->date_entry);

  self->text_entry = entry_new (_("Follow-up note"));
  gtk_widget_set_hexpand (self->text_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->text_entry), _("What happened"));
  g_signal_connect (self->text_entry, "activate", G_CALLBACK (text_commit), self);
  _hel_plan_watch_focus_out (self->text_entry, G_CALLBACK (text_commit), self);
  gtk_box_append (GTK_BOX (line), self->text_entry);

  self->author_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->author_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->author_label, 16);
  gtk_widget_add_css_class (GTK_WIDGET (self->author_label), "dim-label");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->author_label), _("Written by"));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->author_label));

  self->delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (self->delete_button, "flat");
  gtk_widget_set_valign (self->delete_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete follow-up note"), -1);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (line), self->delete_button);
  gtk_box_append (GTK_BOX (box), line);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "field-error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
}

/* ---- test hooks ---- */

GtkEditable *
_hel_note_row_get_text_entry (HelNoteRow *self)
{
  return GTK_EDITABLE (self->text_entry);
}

GtkEditable *
_hel_note_row_get_date_entry (HelNoteRow *self)
{
  return GTK_EDITABLE (self->date_entry);
}

GtkLabel *
_hel_note_row_get_error_label (HelNoteRow *self)
{
  return self->error_label;
}

GtkWidget *
_hel_note_row_get_delete_button (HelNoteRow *self)
{
  return self->delete_button;
}
