/* hel-progress-family-page.c: the family's measurements. The family at a glance, then one group
 * per person (chart, measurements, "New Measurement"), what is due, and small forms for school
 * absence, notifications, interventions and expenses with what is recorded; bad input is marked
 * at its row and kept. Measurements and figures can be undone (Ctrl+Z) and redone. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hel-field-error.h"
#include "hel-progress-chart.h"
#include "hel-progress-family-page.h"
#include "hel-progress-measurement-dialog.h"
#include "hel-progress-undo.h"
#include "hel-statistics.h"
#include "hel-store-progress.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

struct _HelProgressFamilyPage
{
  GtkWidget   parent_instance;

  HelStore   *store;
  gint64      family_id;
  GPtrArray  *members;        /* HelMember*, in the household */
  GArray     *children;       /* gint64 per absence/notification child combo item */
  GHashTable *widgets;        /* name -> GtkWidget* (not owned) */
  guint       reload_id;
  HelUndoStack *undo;
  AdwMessageDialog *question;  /* weak: "Remove measurement?" while it is open */

  GtkWidget  *scroller;
  GtkWidget  *overview;       /* HelProgressChart */
  GtkWidget  *due_group;
  GtkListBox *due_list;
  GtkWidget  *people_box;     /* one group per person, rebuilt */
  GtkListBox *interventions_list;
};

G_DEFINE_FINAL_TYPE (HelProgressFamilyPage, hel_progress_family_page, GTK_TYPE_WIDGET)

static void
toast (HelProgressFamilyPage *self,
       const char            *message)
{
  AdwToastOverlay *overlay = (AdwToastOverlay *) gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                                          ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
}

static GtkWidget *
widget (HelProgressFamilyPage *self,
        const char            *name)
{
  return g_hash_table_lookup (self->widgets, name);
}

static const char *
text_of (HelProgressFamilyPage *self,
         const char            *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget (self, name)));
}

static GtkWidget *
remember (HelProgressFamilyPage *self,
          const char            *name,
          GtkWidget             *w)
{
  gtk_widget_set_name (w, name);
  g_hash_table_insert (self->widgets, g_strdup (name), w);
  return w;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* ---- Measurements ---- */

static void
open_dialog (HelProgressFamilyPage *self,
             gint64                 member_id,
             gint64                 measurement_id,
             HelInstrumentKind      kind)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  dialog = hel_progress_undo_open_measurement (self->undo, GTK_WIDGET (self), "figures.undo",
                                               self->store, member_id, measurement_id, kind,
                                               &error);
  if (dialog == NULL)
    toast (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_measurement_cb (GtkButton             *button,
                    HelProgressFamilyPage *self)
{
  open_dialog (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "member-id")), 0,
               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "instrument")));
}

static void
measurement_activated_cb (AdwActionRow          *row,
                          HelProgressFamilyPage *self)
{
  open_dialog (self, 0, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "measurement-id")),
               HEL_INSTRUMENT_WHO5);
}

/* ---- Removing a measurement, with undo ---- */

static void
remove_question_response_cb (AdwMessageDialog      *dialog,
                             const char            *response,
                             HelProgressFamilyPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "measurement-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->store == NULL)
    return;
  if (!hel_progress_undo_delete_measurement (self->undo, GTK_WIDGET (self), "figures.undo",
                                             self->store, id, &error))
    toast (self, error->message);
}

static void
remove_measurement_cb (GtkButton             *button,
                       HelProgressFamilyPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "removes-measurement"));
  g_autoptr(HelMeasurement) m = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *wave = NULL;
  g_autofree char *date = NULL;
  const char *name = g_object_get_data (G_OBJECT (button), "person-name");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  m = hel_store_get_measurement (self->store, id, &error);
  if (m != NULL)
    edits = hel_store_list_measurement_edits (self->store, id, &error);
  if (m == NULL || edits == NULL)
    {
      toast (self, error->message);
      return;
    }
  wave = hel_wave_label (m->wave);
  date = hel_date_format (m->date);
  /* Translators: “Liva’s SDQ at 8 months (01.10.2024) is removed: its answers and its score.” */
  g_string_append_printf (body, _("%s’s %s at %s (%s) is removed: its answers and its score."),
                          name, hel_instrument_kind_label (m->instrument), wave, date);
  if (edits->len > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, ngettext ("The record of its %u correction goes with it.",
                                              "The record of its %u corrections goes with it.",
                                              edits->len), edits->len);
    }
  g_string_append_c (body, ' ');
  g_string_append (body, _("You can undo this right after (Ctrl+Z)."));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove Measurement?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "measurement-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_question_response_cb), self,
                           0);
  g_set_weak_pointer (&self->question, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe_score (const HelMeasurement *m)
{
  g_autofree char *number = NULL;

  if (!m->complete || isnan (m->score))
    return g_strdup (_("Incomplete, not scored"));
  number = hel_format_decimal (m->score, m->instrument == HEL_INSTRUMENT_BIP);
  if (m->instrument == HEL_INSTRUMENT_WHO5)
    return g_strdup_printf ("%s · %s", number,
                            hel_who5_band_label (hel_who5_band_for_percent ((int) m->score)));
  if (m->instrument == HEL_INSTRUMENT_SDQ && m->band != NULL)
    return g_strdup_printf ("%s · %s", number, hel_sdq_band_label (m->band));
  return g_steal_pointer (&number);
}

static GtkWidget *
person_group (HelProgressFamilyPage *self,
              HelMember             *member)
{
  gint64 id = hel_member_get_id (member);
  gboolean adult = hel_role_is_adult (hel_member_get_role (member));
  HelInstrumentKind main_kind = adult ? HEL_INSTRUMENT_WHO5 : HEL_INSTRUMENT_SDQ;
  g_autoptr(GPtrArray) list = hel_store_list_measurements (self->store, id, HEL_N_INSTRUMENTS,
                                                           NULL);
  g_autofree char *name = g_strdup_printf ("member-%" G_GINT64_FORMAT, id);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_New Measurement…"));
  GtkWidget *rows = gtk_list_box_new ();

  remember (self, name, group);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   hel_member_get_first_name (member));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         hel_role_label (hel_member_get_role (member)));
  g_object_set_data (G_OBJECT (button), "member-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (button), "instrument", GUINT_TO_POINTER (main_kind));
  g_signal_connect (button, "clicked", G_CALLBACK (new_measurement_cb), self);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  if (list != NULL && list->len > 0)
    {
      HelChart *c = hel_chart_new (self->store, adult ? HEL_CHART_PERSON_WHO5
                                                      : HEL_CHART_PERSON_SDQ,
                                   id, NULL, NULL);
      GtkWidget *chart = hel_progress_chart_new ();

      hel_progress_chart_set_chart (HEL_PROGRESS_CHART (chart), c);
      gtk_widget_set_size_request (chart, 320, 320);
      gtk_widget_add_css_class (chart, "card");
      gtk_widget_set_margin_bottom (chart, 12);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), chart);
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (rows, "boxed-list");
  for (guint i = list ? list->len : 0; i > 0; i--)
    {
      const HelMeasurement *m = list->pdata[i - 1];
      g_autofree char *wave = hel_wave_label (m->wave);
      g_autofree char *date = hel_date_format (m->date);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s",
                                                hel_instrument_kind_label (m->instrument), wave,
                                                date);
      g_autofree char *subtitle = describe_score (m);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: the accessible name of a remove button: “Remove SDQ · Baseline · …” */
      g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this measurement"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_name, -1);
      g_object_set_data (G_OBJECT (remove), "removes-measurement", GSIZE_TO_POINTER ((gsize) m->id));
      g_object_set_data_full (G_OBJECT (remove), "person-name",
                              g_strdup (hel_member_get_first_name (member)), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_measurement_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_object_set_data (G_OBJECT (row), "remove-button", remove);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("document-edit-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Correct this measurement"));
      g_object_set_data (G_OBJECT (row), "measurement-id", GSIZE_TO_POINTER ((gsize) m->id));
      g_signal_connect (row, "activated", G_CALLBACK (measurement_activated_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (rows), row);
    }
  if (list == NULL || list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No measurements yet"));
      gtk_list_box_append (GTK_LIST_BOX (rows), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), rows);
  return group;
}

static void
due_activated_cb (AdwActionRow          *row,
                  HelProgressFamilyPage *self)
{
  open_dialog (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "member-id")), 0,
               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "instrument")));
}

static void
fill_due (HelProgressFamilyPage *self)
{
  g_autofree char *today = hel_date_today ();
  g_autoptr(GPtrArray) due = hel_store_list_due_measurements (self->store, self->family_id, 0,
                                                              today, NULL);

  clear_list (self->due_list);
  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      const HelDueMeasurement *d = due->pdata[i];
      g_autofree char *wave = hel_wave_label (d->wave);
      g_autofree char *date = hel_date_format (d->due_date);
      g_autofree char *title = g_strdup_printf ("%s · %s", d->member_name,
                                                hel_instrument_kind_label (d->instrument));
      g_autofree char *subtitle = g_strdup_printf (d->overdue ? _("%s · overdue since %s")
                                                              : _("%s · due %s"), wave, date);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (d->overdue)
        gtk_widget_add_css_class (row, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "member-id", GSIZE_TO_POINTER ((gsize) d->member_id));
      g_object_set_data (G_OBJECT (row), "instrument", GUINT_TO_POINTER (d->instrument));
      g_signal_connect (row, "activated", G_CALLBACK (due_activated_cb), self);
      gtk_list_box_append (self->due_list, row);
    }
  gtk_widget_set_visible (self->due_group, due != NULL && due->len > 0);
}

static void
fill_interventions (HelProgressFamilyPage *self)
{
  g_autoptr(GPtrArray) list = hel_store_list_interventions (self->store, self->family_id, NULL);

  clear_list (self->interventions_list);
  for (guint i = list ? list->len : 0; i > 0; i--)
    {
      const HelIntervention *in = list->pdata[i - 1];
      const char *who = "";
      g_autofree char *start = hel_date_format (in->start_date);
      g_autofree char *end = in->end_date ? hel_date_format (in->end_date) : NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      for (guint m = 0; m < self->members->len; m++)
        if (hel_member_get_id (self->members->pdata[m]) == in->member_id)
          who = hel_member_get_first_name (self->members->pdata[m]);
      title = g_strdup_printf ("%s · %s", who, in->kind);
      /* Translators: an intervention's actor and period: “Jobcenter · 01.03.2025 – 31.05.2025” */
      subtitle = g_strdup_printf (_("%s · %s – %s%s"), in->actor ? in->actor : "–", start,
                                  end ? end : _("ongoing"),
                                  in->company_placement ? _(" · company placement") : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->interventions_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->interventions_list), list != NULL && list->len > 0);
}

/* ---- What is recorded: absence, notifications, expenses, each removable with undo ---- */

typedef struct {
  HelFigureKey  key;
  char         *quarter;
  const char   *label;     /* the undo entry's */
  const char   *message;   /* the toast's */
} RecordedFigure;

static void
recorded_figure_free (gpointer data)
{
  RecordedFigure *r = data;

  g_free (r->quarter);
  g_free (r);
}

static void
remove_figure_cb (GtkButton             *button,
                  HelProgressFamilyPage *self)
{
  RecordedFigure *r = g_object_get_data (G_OBJECT (button), "figure");
  g_autoptr(GError) error = NULL;
  double before = hel_progress_figure_get (self->store, &r->key, NULL);

  if (!hel_progress_figure_set (self->store, &r->key, NAN, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  hel_progress_undo_push_figure (self->undo, self->store, &r->key, before, NAN, r->label);
  hel_progress_undo_toast (GTK_WIDGET (self), r->message, "figures.undo");
}

static const char *
member_name (HelProgressFamilyPage *self,
             gint64                 member_id)
{
  for (guint m = 0; m < self->members->len; m++)
    if (hel_member_get_id (self->members->pdata[m]) == member_id)
      return hel_member_get_first_name (self->members->pdata[m]);
  return "–";
}

static void
add_recorded_row (HelProgressFamilyPage *self,
                  const char            *form,
                  RecordedFigure        *r,
                  const char            *title,
                  const char            *subtitle)
{
  g_autofree char *name = g_strdup_printf ("%s-recorded", form);
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (widget (self, name));
  GPtrArray *rows = g_object_get_data (G_OBJECT (expander), "rows");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: the accessible name of a remove button: “Remove Malthe · 3. kvt. 2025” */
  g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), title);

  r->key.quarter = r->quarter;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  g_object_set_data_full (G_OBJECT (button), "figure", r, recorded_figure_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_figure_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "remove-button", button);
  adw_expander_row_add_row (expander, row);
  g_ptr_array_add (rows, row);
}

static void
clear_recorded (HelProgressFamilyPage *self,
                const char            *form)
{
  g_autofree char *name = g_strdup_printf ("%s-recorded", form);
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (widget (self, name));
  GPtrArray *rows = g_object_get_data (G_OBJECT (expander), "rows");

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (expander, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
finish_recorded (HelProgressFamilyPage *self,
                 const char            *form)
{
  g_autofree char *name = g_strdup_printf ("%s-recorded", form);
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (widget (self, name));
  guint n = ((GPtrArray *) g_object_get_data (G_OBJECT (expander), "rows"))->len;
  g_autofree char *subtitle = n > 0 ? g_strdup_printf (ngettext ("%u figure, newest first",
                                                                 "%u figures, newest first", n),
                                                       n)
                                    : g_strdup (_("Nothing recorded yet"));

  adw_expander_row_set_subtitle (expander, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (expander), n > 0);
  if (n == 0)
    adw_expander_row_set_expanded (expander, FALSE);
}

static void
fill_recorded (HelProgressFamilyPage *self)
{
  g_autoptr(GPtrArray) absence = hel_store_list_school_absence (self->store, self->family_id,
                                                                NULL);
  g_autoptr(GPtrArray) notifications = hel_store_list_concern_notifications (self->store,
                                                                             self->family_id,
                                                                             NULL);
  g_autoptr(GPtrArray) expenses = hel_store_list_expenses (self->store, self->family_id, NULL);

  clear_recorded (self, "absence");
  for (guint i = absence ? absence->len : 0; i > 0; i--)
    {
      const HelSchoolAbsence *a = absence->pdata[i - 1];
      RecordedFigure *r = g_new0 (RecordedFigure, 1);
      g_autofree char *quarter = hel_quarter_label (a->quarter);
      g_autofree char *title = g_strdup_printf ("%s · %s", member_name (self, a->member_id),
                                                quarter);
      g_autofree char *number = hel_format_decimal (a->percent, 1);
      /* Translators: school absence in percent, e.g. “12,5 %” */
      g_autofree char *subtitle = g_strdup_printf (_("%s %%"), number);

      r->key = (HelFigureKey) { HEL_FIGURE_ABSENCE, self->family_id, a->member_id, NULL, 0, 0 };
      r->quarter = g_strdup (a->quarter);
      r->label = _("Remove school absence");
      r->message = _("School absence removed");
      add_recorded_row (self, "absence", r, title, subtitle);
    }
  finish_recorded (self, "absence");

  clear_recorded (self, "notification");
  for (guint i = notifications ? notifications->len : 0; i > 0; i--)
    {
      const HelConcernNotification *n = notifications->pdata[i - 1];
      RecordedFigure *r = g_new0 (RecordedFigure, 1);
      g_autofree char *title = g_strdup_printf ("%s · %d", member_name (self, n->member_id),
                                                n->year);
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%d notification",
                                                             "%d notifications", n->count),
                                                   n->count);

      r->key = (HelFigureKey) { HEL_FIGURE_NOTIFICATIONS, self->family_id, n->member_id, NULL,
                                n->year, 0 };
      r->label = _("Remove notifications");
      r->message = _("Notifications removed");
      add_recorded_row (self, "notification", r, title, subtitle);
    }
  finish_recorded (self, "notification");

  clear_recorded (self, "expense");
  for (guint i = expenses ? expenses->len : 0; i > 0; i--)
    {
      const HelExpense *e = expenses->pdata[i - 1];
      RecordedFigure *r = g_new0 (RecordedFigure, 1);
      g_autofree char *quarter = hel_quarter_label (e->quarter);
      /* Translators: “Family and Employment: Income support”, as in the form */
      g_autofree char *department = e->department < HEL_DEPT_N_FAMILY_EMPLOYMENT
                                    ? g_strdup_printf (_("Family and Employment: %s"),
                                                       hel_department_label (e->department))
                                    : g_strdup (hel_department_label (e->department));
      g_autofree char *title = g_strdup_printf ("%s · %s", quarter, department);
      g_autofree char *amount = hel_statistics_format_amount (e->amount);
      /* Translators: an amount in Danish kroner, e.g. “12.500 kr.” */
      g_autofree char *subtitle = g_strdup_printf (_("%s kr."), amount);

      r->key = (HelFigureKey) { HEL_FIGURE_EXPENSE, self->family_id, self->family_id, NULL, 0,
                                e->department };
      r->quarter = g_strdup (e->quarter);
      r->label = _("Remove expense");
      r->message = _("Expense removed");
      add_recorded_row (self, "expense", r, title, subtitle);
    }
  finish_recorded (self, "expense");
}

static void
fill_member_combos (HelProgressFamilyPage *self)
{
  g_autoptr(GtkStringList) children = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) everyone = gtk_string_list_new (NULL);

  g_array_set_size (self->children, 0);
  for (guint i = 0; i < self->members->len; i++)
    {
      HelMember *member = self->members->pdata[i];
      gint64 id = hel_member_get_id (member);

      gtk_string_list_append (everyone, hel_member_get_first_name (member));
      if (!hel_role_is_adult (hel_member_get_role (member)))
        {
          g_array_append_val (self->children, id);
          gtk_string_list_append (children, hel_member_get_first_name (member));
        }
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (widget (self, "absence-child")), G_LIST_MODEL (children));
  adw_combo_row_set_model (ADW_COMBO_ROW (widget (self, "notification-child")),
                           G_LIST_MODEL (children));
  adw_combo_row_set_model (ADW_COMBO_ROW (widget (self, "intervention-member")),
                           G_LIST_MODEL (everyone));
}

void
_hel_progress_family_page_reload (HelProgressFamilyPage *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* Forget the person groups; the forms stay. */
  {
    GHashTableIter iter;
    gpointer key;
    g_hash_table_iter_init (&iter, self->widgets);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (g_str_has_prefix (key, "member-"))
        g_hash_table_iter_remove (&iter);
  }
  while ((child = gtk_widget_get_first_child (self->people_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->people_box), child);
  g_ptr_array_set_size (self->members, 0);
  gtk_widget_set_visible (self->scroller, self->store != NULL && self->family_id > 0);
  if (self->store == NULL || self->family_id <= 0)
    return;

  {
    g_autoptr(GPtrArray) members = hel_store_list_members (self->store, self->family_id, NULL);
    for (guint i = 0; members != NULL && i < members->len; i++)
      if (hel_member_get_in_household (members->pdata[i]))
        g_ptr_array_add (self->members, g_object_ref (members->pdata[i]));
  }
  hel_progress_chart_set_chart (HEL_PROGRESS_CHART (self->overview),
                                hel_chart_new (self->store, HEL_CHART_FAMILY_OVERVIEW,
                                               self->family_id, NULL, NULL));
  fill_due (self);
  for (guint i = 0; i < self->members->len; i++)
    gtk_box_append (GTK_BOX (self->people_box), person_group (self, self->members->pdata[i]));
  fill_member_combos (self);
  fill_interventions (self);
  fill_recorded (self);
}

static gboolean
reload_cb (gpointer data)
{
  HelProgressFamilyPage *self = data;

  self->reload_id = 0;
  _hel_progress_family_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (HelProgressFamilyPage *self,
                  gint64                 id)
{
  if (self->reload_id == 0 && self->family_id > 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

/* ---- Other figures ---- */

static void
mark (HelProgressFamilyPage *self,
      const char            *form,
      const char            *field,
      const GError          *error)
{
  g_autofree char *name = field ? g_strdup_printf ("%s-%s", form, field) : NULL;
  GtkWidget *row = name ? widget (self, name) : NULL;
  g_autofree char *label_name = g_strdup_printf ("%s-error", form);

  hel_field_error_set (row ? row : widget (self, label_name), error);
}

static void
show_form_errors (HelProgressFamilyPage *self,
                  const char            *form,
                  const char * const    *fields)
{
  g_autofree char *label_name = g_strdup_printf ("%s-error", form);
  GtkLabel *label = GTK_LABEL (widget (self, label_name));
  GString *text = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", form, fields[i]);
      const char *message = hel_field_error_get (widget (self, name));
      if (message != NULL)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", message);
    }
  if (hel_field_error_get (GTK_WIDGET (label)) != NULL)
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "",
                            hel_field_error_get (GTK_WIDGET (label)));
  gtk_label_set_text (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
  g_string_free (text, TRUE);
}

static void
clear_form (HelProgressFamilyPage *self,
            const char            *form,
            const char * const    *fields)
{
  g_autofree char *label_name = g_strdup_printf ("%s-error", form);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", form, fields[i]);
      hel_field_error_set (widget (self, name), NULL);
    }
  hel_field_error_set (widget (self, label_name), NULL);
}

/* A number as people type it: "12,5" or "12.5". */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  g_strdelimit (copy, ",", '.');
  if (*copy == '\0')
    return FALSE;
  *value = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static gint64
selected_id (GArray      *ids,
             AdwComboRow *row)
{
  guint i = adw_combo_row_get_selected (row);

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

/* Saves one figure through the store and puts the change on the undo stack; on bad input marks
 * the field of @form the store names and returns FALSE. */
static gboolean
save_figure (HelProgressFamilyPage *self,
             const HelFigureKey    *key,
             double                 value,
             const char            *form,
             const char            *label,
             const char            *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;
  double before = hel_progress_figure_get (self->store, key, NULL);

  if (!hel_progress_figure_set (self->store, key, value, &bad, &error))
    {
      mark (self, form, bad, error);
      return FALSE;
    }
  hel_progress_undo_push_figure (self->undo, self->store, key, before, value, label);
  hel_progress_undo_toast (GTK_WIDGET (self), message, "figures.undo");
  return TRUE;
}

static void
save_absence_cb (GtkWidget  *w,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelProgressFamilyPage *self = HEL_PROGRESS_FAMILY_PAGE (w);
  static const char * const fields[] = { "child", "quarter", "percent", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (text_of (self, "absence-quarter")));
  g_autofree char *quarter = g_ascii_strup (typed, -1);
  gint64 child = selected_id (self->children, ADW_COMBO_ROW (widget (self, "absence-child")));
  double percent;

  clear_form (self, "absence", fields);
  if (child == 0)
    {
      g_set_error (&error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_EMPTY,
                   _("The family has no children in the household."));
      mark (self, "absence", "child", error);
    }
  else if (!parse_number (text_of (self, "absence-percent"), &percent))
    {
      g_set_error (&error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
                   _("Type the absence as a percentage, e.g. 12,5."));
      mark (self, "absence", "percent", error);
    }
  else
    {
      HelFigureKey key = { HEL_FIGURE_ABSENCE, self->family_id, child, quarter, 0, 0 };

      if (save_figure (self, &key, percent, "absence", _("Save school absence"),
                       _("School absence saved")))
        gtk_editable_set_text (GTK_EDITABLE (widget (self, "absence-percent")), "");
    }
  show_form_errors (self, "absence", fields);
}

static void
save_notification_cb (GtkWidget  *w,
                      const char *action_name,
                      GVariant   *parameter)
{
  HelProgressFamilyPage *self = HEL_PROGRESS_FAMILY_PAGE (w);
  static const char * const fields[] = { "child", "year", "count", NULL };
  g_autoptr(GError) error = NULL;
  gint64 child = selected_id (self->children, ADW_COMBO_ROW (widget (self, "notification-child")));
  gint64 year, count;

  clear_form (self, "notification", fields);
  if (child == 0)
    {
      g_set_error (&error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_EMPTY,
                   _("The family has no children in the household."));
      mark (self, "notification", "child", error);
    }
  else if (!g_ascii_string_to_signed (text_of (self, "notification-year"), 10, 0, 9999, &year,
                                      NULL))
    {
      g_set_error (&error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
                   _("Type the year, e.g. 2025."));
      mark (self, "notification", "year", error);
    }
  else if (!g_ascii_string_to_signed (text_of (self, "notification-count"), 10, 0, 1000, &count,
                                      NULL))
    {
      g_set_error (&error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
                   _("Type the number of notifications, a whole number from 0."));
      mark (self, "notification", "count", error);
    }
  else
    {
      HelFigureKey key = { HEL_FIGURE_NOTIFICATIONS, self->family_id, child, NULL, (int) year, 0 };

      if (save_figure (self, &key, (double) count, "notification", _("Save notifications"),
                       _("Notifications saved")))
        gtk_editable_set_text (GTK_EDITABLE (widget (self, "notification-count")), "");
    }
  show_form_errors (self, "notification", fields);
}

static void
add_intervention_cb (GtkWidget  *w,
                     const char *action_name,
                     GVariant   *parameter)
{
  HelProgressFamilyPage *self = HEL_PROGRESS_FAMILY_PAGE (w);
  static const char * const fields[] = { "member", "kind", "actor", "start", "end", NULL };
  g_autoptr(HelIntervention) in = g_new0 (HelIntervention, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;
  guint m = adw_combo_row_get_selected (ADW_COMBO_ROW (widget (self, "intervention-member")));

  clear_form (self, "intervention", fields);
  if (m >= self->members->len)
    {
      g_set_error (&error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_EMPTY, _("Choose a person."));
      mark (self, "intervention", "member", error);
      show_form_errors (self, "intervention", fields);
      return;
    }
  in->member_id = hel_member_get_id (self->members->pdata[m]);
  in->kind = g_strdup (text_of (self, "intervention-kind"));
  in->actor = g_strstrip (g_strdup (text_of (self, "intervention-actor")));
  in->employment_oriented = gtk_switch_get_active (GTK_SWITCH (widget (self, "intervention-employment")));
  in->company_placement = gtk_switch_get_active (GTK_SWITCH (widget (self, "intervention-placement")));
  if (!hel_ui_parse_date (text_of (self, "intervention-start"), TRUE, &in->start_date, &error))
    mark (self, "intervention", "start", error);
  else if (!hel_ui_parse_date (text_of (self, "intervention-end"), FALSE, &in->end_date, &error))
    mark (self, "intervention", "end", error);
  else if (!hel_store_save_intervention (self->store, in, &bad, &error))
    mark (self, "intervention", bad, error);
  else
    {
      const char *names[] = { "intervention-kind", "intervention-actor", "intervention-start",
                              "intervention-end" };
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        gtk_editable_set_text (GTK_EDITABLE (widget (self, names[i])), "");
      toast (self, _("Intervention added"));
    }
  show_form_errors (self, "intervention", fields);
}

static void
save_expense_cb (GtkWidget  *w,
                 const char *action_name,
                 GVariant   *parameter)
{
  HelProgressFamilyPage *self = HEL_PROGRESS_FAMILY_PAGE (w);
  static const char * const fields[] = { "quarter", "department", "amount", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (text_of (self, "expense-quarter")));
  g_autofree char *quarter = g_ascii_strup (typed, -1);
  g_autofree char *digits = g_strdup (text_of (self, "expense-amount"));
  guint dept = adw_combo_row_get_selected (ADW_COMBO_ROW (widget (self, "expense-department")));
  gint64 amount;
  char *out = digits;

  clear_form (self, "expense", fields);
  /* "12.000" and "12 000" are twelve thousand kroner. */
  for (const char *p = digits; *p; p++)
    if (*p != '.' && *p != ' ')
      *out++ = *p;
  *out = '\0';
  if (!g_ascii_string_to_signed (digits, 10, 0, G_GINT64_CONSTANT (10000000000), &amount, NULL))
    {
      g_set_error (&error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
                   _("Type the amount in whole kroner, e.g. 12.500."));
      mark (self, "expense", "amount", error);
    }
  else
    {
      HelFigureKey key = { HEL_FIGURE_EXPENSE, self->family_id, self->family_id, quarter, 0,
                           (HelDepartment) dept };

      if (save_figure (self, &key, (double) amount, "expense", _("Save expense"),
                       _("Expense saved")))
        gtk_editable_set_text (GTK_EDITABLE (widget (self, "expense-amount")), "");
    }
  show_form_errors (self, "expense", fields);
}

/* ---- Undo ---- */

static void
undo_action_cb (GtkWidget  *w,
                const char *action_name,
                GVariant   *parameter)
{
  HelProgressFamilyPage *self = HEL_PROGRESS_FAMILY_PAGE (w);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (action_name, "figures.undo"))
    ok = !hel_undo_stack_can_undo (self->undo) || hel_undo_stack_undo (self->undo, &error);
  else
    ok = !hel_undo_stack_can_redo (self->undo) || hel_undo_stack_redo (self->undo, &error);
  if (!ok)
    toast (self, error->message);
}

static void
undo_state_cb (HelProgressFamilyPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "figures.undo",
                                 hel_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "figures.redo",
                                 hel_undo_stack_can_redo (self->undo));
}

/* ---- Building ---- */

static GtkWidget *
entry_row (HelProgressFamilyPage *self,
           GtkWidget             *group,
           const char            *name,
           const char            *title)
{
  GtkWidget *row = remember (self, name, adw_entry_row_new ());

  /* Ctrl+Z is the page's undo of saved edits, also in a focused entry. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
combo_row (HelProgressFamilyPage *self,
           GtkWidget             *group,
           const char            *name,
           const char            *title)
{
  GtkWidget *row = remember (self, name, adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
switch_row (HelProgressFamilyPage *self,
            GtkWidget             *group,
            const char            *name,
            const char            *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = remember (self, name, gtk_switch_new ());

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
recorded_row (HelProgressFamilyPage *self,
              GtkWidget             *group,
              const char            *form_name)
{
  g_autofree char *name = g_strdup_printf ("%s-recorded", form_name);
  GtkWidget *row = remember (self, name, adw_expander_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Recorded"));
  g_object_set_data_full (G_OBJECT (row), "rows", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
form (HelProgressFamilyPage *self,
      GtkWidget             *box,
      const char            *name,
      const char            *title,
      const char            *description,
      const char            *button_label,
      const char            *action)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *label_name = g_strdup_printf ("%s-error", name);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  gtk_box_append (GTK_BOX (box), group);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  remember (self, label_name, label);
  gtk_box_append (GTK_BOX (box), label);
  return group;
}

static void
build (HelProgressFamilyPage *self)
{
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);
  g_autofree char *today = hel_date_today ();
  g_autofree char *quarter = hel_quarter_for_date (today);
  g_autofree char *year = g_strndup (today, 4);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group, *list;

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  /* No fixed height: the table is as high as its rows (hel_chart_get_natural_height ()). */
  self->overview = remember (self, "overview", hel_progress_chart_new ());
  gtk_widget_add_css_class (self->overview, "card");
  gtk_box_append (GTK_BOX (box), self->overview);

  self->due_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->due_group),
                                   _("Measurements Due"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->due_list = GTK_LIST_BOX (list);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->due_group), list);
  gtk_box_append (GTK_BOX (box), self->due_group);

  self->people_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (box), self->people_box);

  group = form (self, box, "absence", _("School Absence"),
                _("Per child per quarter, in percent, as the school reports it"), _("_Save"),
                "figures.save-absence");
  combo_row (self, group, "absence-child", _("Child"));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (self, group, "absence-quarter",
                                                  _("Quarter (e.g. 2025-Q3)"))), quarter);
  entry_row (self, group, "absence-percent", _("Absence in percent"));
  recorded_row (self, group, "absence");

  group = form (self, box, "notification", _("Notifications of Concern"),
                _("Per child per year"), _("_Save"), "figures.save-notification");
  combo_row (self, group, "notification-child", _("Child"));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (self, group, "notification-year", _("Year"))),
                         year);
  entry_row (self, group, "notification-count", _("Number of notifications"));
  recorded_row (self, group, "notification");

  group = form (self, box, "intervention", _("Interventions"),
                _("What each person receives, from whom, and when"), _("_Add"),
                "figures.add-intervention");
  combo_row (self, group, "intervention-member", _("Person"));
  entry_row (self, group, "intervention-kind", _("Intervention, e.g. mentor"));
  entry_row (self, group, "intervention-actor", _("Actor, e.g. the job centre"));
  entry_row (self, group, "intervention-start", _("Start (day.month.year)"));
  entry_row (self, group, "intervention-end", _("End, if it has ended"));
  switch_row (self, group, "intervention-employment", _("Employment-oriented offer"));
  switch_row (self, group, "intervention-placement",
              _("Company placement (virksomhedspraktik, løntilskud)"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->interventions_list = GTK_LIST_BOX (list);
  gtk_box_append (GTK_BOX (box), list);

  group = form (self, box, "expense", _("Extra Expenses"),
                _("The family’s extra expenses per department per quarter, in kroner"),
                _("_Save"), "figures.save-expense");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (self, group, "expense-quarter",
                                                  _("Quarter (e.g. 2025-Q3)"))), quarter);
  for (guint d = 0; d < HEL_N_DEPARTMENTS; d++)
    {
      /* Translators: “Family and Employment: Income support” */
      g_autofree char *label = d < HEL_DEPT_N_FAMILY_EMPLOYMENT
                               ? g_strdup_printf (_("Family and Employment: %s"),
                                                  hel_department_label (d))
                               : g_strdup (hel_department_label (d));
      gtk_string_list_append (departments, label);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (combo_row (self, group, "expense-department",
                                                     _("Department"))),
                           G_LIST_MODEL (departments));
  entry_row (self, group, "expense-amount", _("Amount in kroner"));
  recorded_row (self, group, "expense");
}

static void
hel_progress_family_page_dispose (GObject *object)
{
  HelProgressFamilyPage *self = HEL_PROGRESS_FAMILY_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  g_clear_weak_pointer (&self->question);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  /* The entries hold the store too. */
  if (self->undo != NULL)
    hel_undo_stack_clear (self->undo);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  G_OBJECT_CLASS (hel_progress_family_page_parent_class)->dispose (object);
}

static void
hel_progress_family_page_finalize (GObject *object)
{
  HelProgressFamilyPage *self = HEL_PROGRESS_FAMILY_PAGE (object);

  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->children, g_array_unref);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_object (&self->undo);
  G_OBJECT_CLASS (hel_progress_family_page_parent_class)->finalize (object);
}

static void
hel_progress_family_page_class_init (HelProgressFamilyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_progress_family_page_dispose;
  object_class->finalize = hel_progress_family_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "figures.save-absence", NULL, save_absence_cb);
  gtk_widget_class_install_action (widget_class, "figures.save-notification", NULL,
                                   save_notification_cb);
  gtk_widget_class_install_action (widget_class, "figures.add-intervention", NULL,
                                   add_intervention_cb);
  gtk_widget_class_install_action (widget_class, "figures.save-expense", NULL, save_expense_cb);
  gtk_widget_class_install_action (widget_class, "figures.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "figures.redo", NULL, undo_action_cb);
}

static void
hel_progress_family_page_init (HelProgressFamilyPage *self)
{
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->children = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo = hel_undo_stack_new (100);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (undo_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (undo_state_cb), self,
                           G_CONNECT_SWAPPED);
  undo_state_cb (self);
  hel_progress_undo_add_shortcuts (GTK_WIDGET (self), "figures.undo", "figures.redo");
  build (self);
  gtk_widget_set_visible (self->scroller, FALSE);
}

GtkWidget *
hel_progress_family_page_new (HelStore *store)
{
  HelProgressFamilyPage *self;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  self = g_object_new (HEL_TYPE_PROGRESS_FAMILY_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed::progress", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::member", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
hel_progress_family_page_set_family (HelProgressFamilyPage *self,
                                     gint64                 family_id)
{
  g_return_if_fail (HEL_IS_PROGRESS_FAMILY_PAGE (self));

  if (self->family_id == family_id)
    return;
  self->family_id = family_id;
  /* Undo belongs to the family it was done in. */
  hel_undo_stack_clear (self->undo);
  _hel_progress_family_page_reload (self);
}

gint64
hel_progress_family_page_get_family (HelProgressFamilyPage *self)
{
  g_return_val_if_fail (HEL_IS_PROGRESS_FAMILY_PAGE (self), 0);
  return self->family_id;
}

AdwMessageDialog *
_hel_progress_family_page_get_question (HelProgressFamilyPage *self)
{
  return self->question;
}

HelUndoStack *
_hel_progress_family_page_get_undo_stack (HelProgressFamilyPage *self)
{
  return self->undo;
}

GtkWidget *
_hel_progress_family_page_get_widget (HelProgressFamilyPage *self,
                                      const char            *name)
{
  return widget (self, name);
}
