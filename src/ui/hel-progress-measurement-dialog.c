/* hel-progress-measurement-dialog.c: entering and correcting a measurement. The questionnaire
 * decides the answer rows (the instrument is data); the store checks and scores, and a refused
 * value is shown at its row with everything typed kept. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hel-field-error.h"
#include "hel-progress-measurement-dialog.h"
#include "hel-store-progress.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

#define MAX_WAVES 16

struct _HelProgressMeasurementDialog
{
  AdwWindow          parent_instance;

  HelStore          *store;
  HelMember         *member;
  HelMeasurement    *measurement;   /* the one being corrected, or NULL */
  HelInstrument     *instrument;
  GArray            *kinds;         /* HelInstrumentKind per instrument_row item */
  GPtrArray         *answer_rows;   /* GtkWidget* per instrument item */
  GPtrArray         *band_tags;     /* GtkLabel* per item: its SDQ band as typed, or NULL */
  HelSdqBandSet      sdq_bands;     /* each scale's own table, for the tags */
  int                interval;
  gboolean           wave_touched;
  gboolean           filling;
  char              *score_text;

  AdwActionRow      *person_row;
  AdwComboRow       *instrument_row;
  AdwEntryRow       *date_row;
  AdwComboRow       *wave_row;
  AdwComboRow       *rater_row;
  GtkLabel          *details_error;
  AdwPreferencesGroup *answers_group;
  GtkListBox        *answers_list;
  GtkLabel          *answers_error;
  AdwActionRow      *score_row;
  AdwPreferencesGroup *history_group;
  GtkListBox        *history_list;
};

G_DEFINE_FINAL_TYPE (HelProgressMeasurementDialog, hel_progress_measurement_dialog,
                     ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static HelInstrumentKind
current_kind (HelProgressMeasurementDialog *self)
{
  guint i = adw_combo_row_get_selected (self->instrument_row);

  if (i >= self->kinds->len)
    return HEL_INSTRUMENT_WHO5;
  return g_array_index (self->kinds, HelInstrumentKind, i);
}

/* The WHO-5 answer list reads as on the paper form: 5 "All of the time" first. */
static int
who5_value_for_index (guint index)
{
  return index == 0 ? HEL_SCORING_MISSING : HEL_WHO5_ANSWER_MAX - (int) (index - 1);
}

static guint
who5_index_for_value (int value)
{
  return value == HEL_SCORING_MISSING ? 0 : (guint) (HEL_WHO5_ANSWER_MAX - value + 1);
}

/* Reads the answers; a text that is no whole number is an error at its row. */
static int *
read_values (HelProgressMeasurementDialog *self,
             gboolean                      mark_errors,
             gboolean                     *ok)
{
  int *values = g_new (int, MAX (self->instrument->items->len, 1));

  *ok = TRUE;
  for (guint i = 0; i < self->instrument->items->len; i++)
    {
      GtkWidget *row = self->answer_rows->pdata[i];

      values[i] = HEL_SCORING_MISSING;
      if (ADW_IS_COMBO_ROW (row))
        values[i] = who5_value_for_index (adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
      else
        {
          g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
          gint64 number;

          if (*text == '\0')
            continue;
          if (!g_ascii_string_to_signed (text, 10, -1000, 1000, &number, NULL))
            {
              *ok = FALSE;
              if (mark_errors)
                {
                  g_autoptr(GError) error = NULL;
                  const HelInstrumentItem *item = self->instrument->items->pdata[i];
                  g_set_error (&error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_FORMAT,
                               _("%s: type a whole number from %d to %d."), item->label,
                               item->min, item->max);
                  hel_field_error_set (row, error);
                }
              continue;
            }
          values[i] = (int) number;
        }
    }
  return values;
}

static const char * const band_classes[] = { "normal", "borderline", "abnormal", "very-high" };

/* Each typed SDQ scale score gets the band it falls in by the scale's own table, in the band's
 * colour, as the person types; nothing while the row is empty or not a score. */
static void
update_band_tags (HelProgressMeasurementDialog *self,
                  const int                    *values)
{
  for (guint i = 0; i < self->band_tags->len; i++)
    {
      GtkWidget *tag = self->band_tags->pdata[i];
      const HelInstrumentItem *item = self->instrument->items->pdata[i];
      const HelSdqBandTable *table = NULL;
      HelSdqField field;
      int band = -1;

      if (tag == NULL)
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (band_classes); c++)
        gtk_widget_remove_css_class (tag, band_classes[c]);
      if (hel_sdq_field_from_code (item->key, &field) && values[i] != HEL_SCORING_MISSING)
        {
          table = &self->sdq_bands.table[hel_sdq_band_scale_for_field (field)];
          band = hel_sdq_band_for_score (table, values[i]);
        }
      gtk_widget_set_visible (tag, band >= 0);
      if (band < 0)
        continue;
      gtk_label_set_text (GTK_LABEL (tag), hel_sdq_band_label_for_scale (table->scale,
                                                                         table->code[band]));
      for (guint c = 0; c < G_N_ELEMENTS (band_classes); c++)
        if (g_str_equal (band_classes[c], table->code[band]))
          gtk_widget_add_css_class (tag, band_classes[c]);
    }
}

static void
update_score (HelProgressMeasurementDialog *self)
{
  g_autofree int *values = NULL;
  g_autoptr(GError) error = NULL;
  HelInstrumentScore score;
  gboolean ok;

  values = read_values (self, FALSE, &ok);
  update_band_tags (self, values);
  g_clear_pointer (&self->score_text, g_free);
  if (!ok || !hel_instrument_score (self->instrument, values, &score, NULL, &error))
    self->score_text = g_strdup (_("Check the answers"));
  else if (!score.complete)
    self->score_text = g_strdup (self->instrument->kind == HEL_INSTRUMENT_BIP
                                 ? _("No indicator answered yet")
                                 : _("Incomplete, not scored"));
  else
    {
      g_autofree char *number = hel_format_decimal (score.score,
                                                    self->instrument->kind == HEL_INSTRUMENT_BIP);
      const char *band = "";

      if (self->instrument->kind == HEL_INSTRUMENT_WHO5)
        band = hel_who5_band_label (hel_who5_band_for_percent ((int) score.score));
      else if (self->instrument->kind == HEL_INSTRUMENT_SDQ)
        band = hel_sdq_band_label (score.band);
      self->score_text = *band ? g_strdup_printf ("%s · %s", number, band) : g_strdup (number);
    }
  adw_action_row_set_subtitle (self->score_row, self->score_text);
}

static void
answer_changed_cb (HelProgressMeasurementDialog *self)
{
  if (self->filling)
    return;
  update_score (self);
}

static void
clear_answer_rows (HelProgressMeasurementDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->answers_list))) != NULL)
    gtk_list_box_remove (self->answers_list, child);
  g_ptr_array_set_size (self->answer_rows, 0);
  g_ptr_array_set_size (self->band_tags, 0);
}

static void
build_answer_rows (HelProgressMeasurementDialog *self)
{
  g_autoptr(GError) error = NULL;
  HelInstrumentKind kind = current_kind (self);

  clear_answer_rows (self);
  g_clear_pointer (&self->instrument, hel_instrument_free);
  self->instrument = hel_store_load_instrument (self->store, kind, &error);
  if (self->instrument == NULL)
    {
      hel_field_error_set (GTK_WIDGET (self->answers_error), error);
      hel_field_error_show_children (self->answers_error, GTK_WIDGET (self->answers_list));
      self->instrument = hel_instrument_new_who5 ();
    }
  switch (kind)
    {
    case HEL_INSTRUMENT_WHO5:
      adw_preferences_group_set_title (self->answers_group, _("Over the last two weeks …"));
      adw_preferences_group_set_description (self->answers_group,
                                             _("Choose the answer nearest to how the person has "
                                               "been feeling. A question left unanswered makes "
                                               "the measurement incomplete: it is kept but not "
                                               "scored."));
      break;
    case HEL_INSTRUMENT_SDQ:
      /* The tags show the bands the store will use; without them the shipped tables. */
      if (!hel_store_load_sdq_band_set (self->store, &self->sdq_bands, NULL))
        hel_sdq_band_set_init_default (&self->sdq_bands);
      adw_preferences_group_set_title (self->answers_group, _("Scores from the SDQ form"));
      adw_preferences_group_set_description (self->answers_group,
                                             _("Type the scale scores from the scored paper "
                                               "form the parents filled in (0-10 each). Helhed "
                                               "adds up the total difficulties and bands it."));
      break;
    case HEL_INSTRUMENT_BIP:
    case HEL_N_INSTRUMENTS:
    default:
      adw_preferences_group_set_title (self->answers_group, _("Job-readiness indicators"));
      adw_preferences_group_set_description (self->answers_group,
                                             _("Each indicator on its own scale; leave out what "
                                               "was not talked about."));
      break;
    }

  for (guint i = 0; i < self->instrument->items->len; i++)
    {
      const HelInstrumentItem *item = self->instrument->items->pdata[i];
      GtkWidget *row, *tag = NULL;

      if (kind == HEL_INSTRUMENT_WHO5)
        {
          g_autoptr(GtkStringList) answers = gtk_string_list_new (NULL);
          g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, item->label);

          gtk_string_list_append (answers, _("Not answered"));
          for (int v = HEL_WHO5_ANSWER_MAX; v >= 0; v--)
            {
              g_autofree char *answer = g_strdup_printf ("%d · %s", v, hel_who5_answer_text (v));
              gtk_string_list_append (answers, answer);
            }
          row = adw_combo_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (answers));
          g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (answer_changed_cb), self);
        }
      else
        {
          /* Translators: an answer row: “Conduct problems (0-10)” */
          g_autofree char *title = g_strdup_printf (_("%s (%d-%d)"), item->label, item->min,
                                                    item->max);
          row = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
          g_signal_connect_swapped (row, "changed", G_CALLBACK (answer_changed_cb), self);
          if (kind == HEL_INSTRUMENT_SDQ)
            {
              tag = gtk_label_new (NULL);
              gtk_widget_add_css_class (tag, "sdq-band");
              gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
              gtk_widget_set_visible (tag, FALSE);
              adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), tag);
            }
        }
      gtk_widget_set_name (row, item->key);
      gtk_list_box_append (self->answers_list, row);
      g_ptr_array_add (self->answer_rows, row);
      g_ptr_array_add (self->band_tags, tag);
    }
  update_score (self);
}

static void
fill_answers (HelProgressMeasurementDialog *self,
              const HelMeasurement         *m)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->instrument->items->len; i++)
    {
      const HelInstrumentItem *item = self->instrument->items->pdata[i];
      GtkWidget *row = self->answer_rows->pdata[i];
      int value = hel_measurement_get_answer (m, item->key);

      if (ADW_IS_COMBO_ROW (row))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), who5_index_for_value (value));
      else if (value != HEL_SCORING_MISSING)
        {
          char text[16];
          g_snprintf (text, sizeof text, "%d", value);
          gtk_editable_set_text (GTK_EDITABLE (row), text);
        }
    }
  self->filling = FALSE;
  update_score (self);
}

static void
instrument_changed_cb (HelProgressMeasurementDialog *self)
{
  if (self->filling)
    return;
  build_answer_rows (self);
}

static void
date_changed_cb (HelProgressMeasurementDialog *self)
{
  g_autofree char *iso = NULL;
  int wave;

  if (self->filling || self->wave_touched)
    return;
  if (!hel_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &iso, NULL))
    return;
  wave = hel_store_suggest_wave (self->store, hel_member_get_id (self->member), iso, NULL);
  self->filling = TRUE;
  adw_combo_row_set_selected (self->wave_row, MIN ((guint) (wave / self->interval), MAX_WAVES - 1));
  self->filling = FALSE;
}

static void
wave_changed_cb (HelProgressMeasurementDialog *self)
{
  if (!self->filling)
    self->wave_touched = TRUE;
}

static void
clear_errors (HelProgressMeasurementDialog *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->instrument_row), GTK_WIDGET (self->date_row),
                        GTK_WIDGET (self->wave_row), GTK_WIDGET (self->details_error),
                        GTK_WIDGET (self->answers_error) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    hel_field_error_set (rows[i], NULL);
  for (guint i = 0; i < self->answer_rows->len; i++)
    hel_field_error_set (self->answer_rows->pdata[i], NULL);
}

static void
show_errors (HelProgressMeasurementDialog *self)
{
  hel_field_error_show (self->details_error, GTK_WIDGET (self->instrument_row),
                        GTK_WIDGET (self->date_row), GTK_WIDGET (self->wave_row),
                        GTK_WIDGET (self->details_error), NULL);
  hel_field_error_show_children (self->answers_error, GTK_WIDGET (self->answers_list));
}

GtkWidget *
_hel_progress_measurement_dialog_get_row (HelProgressMeasurementDialog *self,
                                          const char                   *field)
{
  if (g_str_equal (field, "date"))
    return GTK_WIDGET (self->date_row);
  if (g_str_equal (field, "wave"))
    return GTK_WIDGET (self->wave_row);
  if (g_str_equal (field, "instrument"))
    return GTK_WIDGET (self->instrument_row);
  if (g_str_equal (field, "rater"))
    return GTK_WIDGET (self->rater_row);
  if (g_str_has_prefix (field, "answer:"))
    {
      int i = hel_instrument_find_item (self->instrument, field + 7);
      if (i >= 0)
        return self->answer_rows->pdata[i];
    }
  return NULL;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelProgressMeasurementDialog *self = HEL_PROGRESS_MEASUREMENT_DIALOG (widget);
  g_autoptr(HelMeasurement) m = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *bad_field = NULL;
  g_autofree int *values = NULL;
  gboolean ok;
  guint wave_index;

  clear_errors (self);
  if (!hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), TRUE, &date,
                          &error))
    {
      hel_field_error_set (GTK_WIDGET (self->date_row), error);
      g_clear_error (&error);
    }
  values = read_values (self, TRUE, &ok);
  if (date == NULL || !ok)
    {
      show_errors (self);
      return;
    }

  m = self->measurement ? hel_measurement_copy (self->measurement)
                        : hel_measurement_new (hel_member_get_id (self->member), current_kind (self),
                                               date);
  m->instrument = current_kind (self);
  g_free (m->date);
  m->date = g_strdup (date);
  wave_index = adw_combo_row_get_selected (self->wave_row);
  m->wave = wave_index == GTK_INVALID_LIST_POSITION ? -1 : (int) wave_index * self->interval;
  m->rater = (HelRater) MIN (adw_combo_row_get_selected (self->rater_row), HEL_N_RATERS - 1);
  g_array_set_size (m->answers, 0);
  for (guint i = 0; i < self->instrument->items->len; i++)
    hel_measurement_set_answer (m, ((HelInstrumentItem *) self->instrument->items->pdata[i])->key,
                                values[i]);

  if (!hel_store_save_measurement (self->store, m, g_get_real_name (), &bad_field, &error))
    {
      GtkWidget *row = bad_field ? _hel_progress_measurement_dialog_get_row (self, bad_field)
                                 : NULL;
      hel_field_error_set (row ? row : GTK_WIDGET (self->details_error), error);
      show_errors (self);
      if (row != NULL)
        gtk_widget_grab_focus (row);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, m->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
hel_progress_measurement_dialog_dispose (GObject *object)
{
  HelProgressMeasurementDialog *self = HEL_PROGRESS_MEASUREMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_PROGRESS_MEASUREMENT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->member);
  G_OBJECT_CLASS (hel_progress_measurement_dialog_parent_class)->dispose (object);
}

static void
hel_progress_measurement_dialog_finalize (GObject *object)
{
  HelProgressMeasurementDialog *self = HEL_PROGRESS_MEASUREMENT_DIALOG (object);

  g_clear_pointer (&self->measurement, hel_measurement_free);
  g_clear_pointer (&self->instrument, hel_instrument_free);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->answer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->band_tags, g_ptr_array_unref);
  g_clear_pointer (&self->score_text, g_free);
  G_OBJECT_CLASS (hel_progress_measurement_dialog_parent_class)->finalize (object);
}

static void
hel_progress_measurement_dialog_class_init (HelProgressMeasurementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_progress_measurement_dialog_dispose;
  object_class->finalize = hel_progress_measurement_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/hel-progress-measurement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, instrument_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, wave_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, rater_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, details_error);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, answers_group);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, answers_list);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, answers_error);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, score_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, HelProgressMeasurementDialog, history_list);

  gtk_widget_class_install_action (widget_class, "measurement.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "measurement.save", NULL);
}

/* The band tags' colours are in the app's style.css (.sdq-band), which AdwApplication loads. */
static void
hel_progress_measurement_dialog_init (HelProgressMeasurementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kinds = g_array_new (FALSE, FALSE, sizeof (HelInstrumentKind));
  self->answer_rows = g_ptr_array_new ();
  self->band_tags = g_ptr_array_new ();
  hel_sdq_band_set_init_default (&self->sdq_bands);
  self->interval = HEL_WAVE_DEFAULT_INTERVAL;
}

static void
fill_history (HelProgressMeasurementDialog *self)
{
  g_autoptr(GPtrArray) edits = hel_store_list_measurement_edits (self->store,
                                                                 self->measurement->id, NULL);

  for (guint i = 0; edits != NULL && i < edits->len; i++)
    {
      const HelMeasurementEdit *edit = edits->pdata[i];
      g_autofree char *day = g_strndup (edit->edited_at, 10);
      g_autofree char *when = hel_date_format (day);
      /* Translators: a change of a measurement: “23.11.2026 · Hanne Lind · answers” */
      g_autofree char *title = g_strdup_printf (_("%s · %s · %s"), when,
                                                edit->edited_by ? edit->edited_by : "–",
                                                edit->field);
      g_autofree char *old = g_strdup_printf (_("Before: %s"), edit->old_value ? edit->old_value
                                                                              : "–");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), old);
      gtk_list_box_append (self->history_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), edits != NULL && edits->len > 0);
}

GtkWidget *
hel_progress_measurement_dialog_new (GtkWindow         *parent,
                                     HelStore          *store,
                                     gint64             member_id,
                                     gint64             measurement_id,
                                     HelInstrumentKind  kind,
                                     GError           **error)
{
  HelProgressMeasurementDialog *self;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) waves = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) raters = gtk_string_list_new (NULL);
  g_autofree char *today = hel_date_today ();
  g_autofree char *today_text = hel_date_format (today);
  gboolean adult;
  guint selected = 0;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  /* GTK owns a new window (its toplevel list); it goes with gtk_window_destroy(). */
  self = g_object_new (HEL_TYPE_PROGRESS_MEASUREMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (measurement_id > 0)
    {
      self->measurement = hel_store_get_measurement (store, measurement_id, error);
      if (self->measurement == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      member_id = self->measurement->member_id;
      kind = self->measurement->instrument;
    }
  self->member = hel_store_get_member (store, member_id, error);
  if (self->member == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  self->interval = hel_store_get_wave_interval (store, NULL);
  adult = hel_role_is_adult (hel_member_get_role (self->member));

  self->filling = TRUE;
  adw_action_row_set_subtitle (self->person_row, hel_member_get_first_name (self->member));
  for (guint k = 0; k < HEL_N_INSTRUMENTS; k++)
    if (hel_instrument_kind_for_adults (k) == adult)
      {
        if (k == kind)
          selected = self->kinds->len;
        g_array_append_val (self->kinds, k);
        gtk_string_list_append (kinds, hel_instrument_kind_label (k));
      }
  adw_combo_row_set_model (self->instrument_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->instrument_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->instrument_row), self->measurement == NULL);

  for (guint w = 0; w < MAX_WAVES; w++)
    {
      g_autofree char *label = hel_wave_label ((int) w * self->interval);
      gtk_string_list_append (waves, label);
    }
  adw_combo_row_set_model (self->wave_row, G_LIST_MODEL (waves));
  for (guint r = 0; r < HEL_N_RATERS; r++)
    gtk_string_list_append (raters, hel_rater_label (r));
  adw_combo_row_set_model (self->rater_row, G_LIST_MODEL (raters));
  self->filling = FALSE;

  build_answer_rows (self);
  g_signal_connect_swapped (self->instrument_row, "notify::selected",
                            G_CALLBACK (instrument_changed_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect_swapped (self->wave_row, "notify::selected", G_CALLBACK (wave_changed_cb), self);

  if (self->measurement != NULL)
    {
      g_autofree char *date = hel_date_format (self->measurement->date);

      gtk_window_set_title (GTK_WINDOW (self), _("Correct Measurement"));
      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
      adw_combo_row_set_selected (self->wave_row,
                                  MIN ((guint) (self->measurement->wave / self->interval),
                                       MAX_WAVES - 1));
      adw_combo_row_set_selected (self->rater_row, self->measurement->rater);
      self->filling = FALSE;
      self->wave_touched = TRUE;
      fill_answers (self, self->measurement);
      fill_history (self);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  return GTK_WIDGET (self);
}

HelInstrumentKind
_hel_progress_measurement_dialog_get_kind (HelProgressMeasurementDialog *self)
{
  return current_kind (self);
}

void
_hel_progress_measurement_dialog_set_kind (HelProgressMeasurementDialog *self,
                                           HelInstrumentKind             kind)
{
  for (guint i = 0; i < self->kinds->len; i++)
    if (g_array_index (self->kinds, HelInstrumentKind, i) == kind)
      adw_combo_row_set_selected (self->instrument_row, i);
}

const char *
_hel_progress_measurement_dialog_get_score (HelProgressMeasurementDialog *self)
{
  return self->score_text;
}

GtkWidget *
_hel_progress_measurement_dialog_get_band_tag (HelProgressMeasurementDialog *self,
                                               const char                   *key)
{
  int i = hel_instrument_find_item (self->instrument, key);

  return i >= 0 ? self->band_tags->pdata[i] : NULL;
}
