/* hel-progress-settings-page.c: the "Measurements" page of Preferences: how often to measure,
 * the SDQ band table and the BIP-inspired indicators. Each edit is checked, then saved through
 * the store in one transaction; a refused value stays where it was typed, marked at its row. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hel-field-error.h"
#include "hel-progress-settings-page.h"
#include "hel-store-progress.h"

struct _HelProgressSettingsPage
{
  AdwPreferencesPage  parent_instance;

  HelStore           *store;
  gboolean            loading;
  HelSdqBandScale     scale;         /* the score whose bands are shown */
  HelSdqBandTable     bands;         /* its table as stored */
  GPtrArray          *band_rows;     /* AdwActionRow per band (owned by sdq_list) */
  GHashTable         *bip_rows;      /* indicator id -> AdwExpanderRow (owned by bip_list) */
  AdwMessageDialog   *dialog;        /* weak */

  AdwActionRow       *interval_row;
  GtkSpinButton      *interval_spin;
  GtkLabel           *interval_error_label;
  GtkListBox         *sdq_list;
  AdwComboRow        *sdq_scale_row;
  AdwComboRow        *sdq_table_row;
  GtkButton          *sdq_reset_button;
  GtkLabel           *sdq_error_label;
  GtkListBox         *bip_list;
  AdwEntryRow        *add_bip_row;
  GtkLabel           *bip_error_label;
};

G_DEFINE_FINAL_TYPE (HelProgressSettingsPage, hel_progress_settings_page,
                     ADW_TYPE_PREFERENCES_PAGE)

#define INDICATOR_KEY "hel-bip-indicator"

static void reload (HelProgressSettingsPage *self);

static GtkWidget *
spin_new (int lower,
          int upper,
          int value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  return spin;
}

static void
set_spin (HelProgressSettingsPage *self,
          GtkSpinButton           *spin,
          int                      value)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  if ((int) gtk_spin_button_get_value (spin) != value)
    gtk_spin_button_set_value (spin, value);
  self->loading = was_loading;
}

static void
toast (HelProgressSettingsPage *self,
       const char              *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

/* ---- Schedule ---- */

static void
interval_changed_cb (GtkSpinButton           *spin,
                     HelProgressSettingsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL)
    return;
  if (!hel_store_set_wave_interval (self->store, gtk_spin_button_get_value_as_int (spin),
                                    &error))
    hel_field_error_set (GTK_WIDGET (self->interval_row), error);
  else
    hel_field_error_set (GTK_WIDGET (self->interval_row), NULL);
  hel_field_error_show (self->interval_error_label, GTK_WIDGET (self->interval_row), NULL);
}

/* ---- SDQ bands ---- */

static char *
band_subtitle (const HelSdqBandTable *table,
               guint                  band)
{
  double share = table->population_share[band];
  g_autofree char *percent = hel_format_decimal (share, share == floor (share) ? 0 : 1);
  int lowest = hel_sdq_band_lowest (table, band);
  int highest = hel_sdq_band_highest (table, band);

  if (lowest == highest)
    /* Translators: an SDQ band of one score and its population share: “7 · 10 % of …” */
    return g_strdup_printf (_("%d · %s %% of children in the population"), lowest, percent);
  /* Translators: an SDQ band's totals and its population share: “0–13 · 80 % of …” */
  return g_strdup_printf (_("%d–%d · %s %% of children in the population"),
                          lowest, highest, percent);
}

static gboolean
bands_have_errors (HelProgressSettingsPage *self)
{
  for (guint i = 0; i < self->band_rows->len; i++)
    if (hel_field_error_get (self->band_rows->pdata[i]) != NULL)
      return TRUE;
  return FALSE;
}

static void
show_band_errors (HelProgressSettingsPage *self)
{
  hel_field_error_show_children (self->sdq_error_label, GTK_WIDGET (self->sdq_list));
}

static void
clear_band_errors (HelProgressSettingsPage *self)
{
  for (guint i = 0; i < self->band_rows->len; i++)
    hel_field_error_set (self->band_rows->pdata[i], NULL);
  hel_field_error_set (GTK_WIDGET (self->sdq_error_label), NULL);
}

static void
update_band_subtitles (HelProgressSettingsPage *self,
                       const HelSdqBandTable   *table)
{
  for (guint i = 0; i < self->band_rows->len && i < table->n_bands; i++)
    {
      g_autofree char *subtitle = band_subtitle (table, i);
      adw_action_row_set_subtitle (self->band_rows->pdata[i], subtitle);
    }
}

static void
band_changed_cb (GtkSpinButton           *spin,
                 HelProgressSettingsPage *self)
{
  int limits[HEL_SDQ_MAX_BANDS] = { 0 };
  HelSdqBandTable table = self->bands;
  g_autoptr(GError) error = NULL;
  guint bad = 0;

  if (self->loading || self->store == NULL)
    return;
  clear_band_errors (self);
  for (guint i = 0; i + 1 < table.n_bands; i++)
    limits[i] = gtk_spin_button_get_value_as_int (g_object_get_data (self->band_rows->pdata[i],
                                                                     "spin"));
  /* Nothing is written until every limit fits; the typed values stay as they are. */
  if (!hel_sdq_band_table_set_limits (&table, limits, &bad, &error))
    hel_field_error_set (self->band_rows->pdata[MIN (bad, self->band_rows->len - 1)], error);
  else if (!hel_store_save_sdq_bands (self->store, &table, &error))
    hel_field_error_set (GTK_WIDGET (self->sdq_error_label), error);
  else
    {
      self->bands = table;
      update_band_subtitles (self, &table);
    }
  show_band_errors (self);
}

static void
build_band_rows (HelProgressSettingsPage *self)
{
  gboolean reversed = hel_sdq_band_scale_is_reversed (self->bands.scale);

  for (guint i = 0; i < self->band_rows->len; i++)
    gtk_list_box_remove (self->sdq_list, self->band_rows->pdata[i]);
  g_ptr_array_set_size (self->band_rows, 0);

  for (guint i = 0; i < self->bands.n_bands; i++)
    {
      const char *label = hel_sdq_band_label (self->bands.code[i]);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      if (i + 1 < self->bands.n_bands)
        {
          /* Prosocial behaviour runs the other way: a band reaches down to its limit. */
          GtkWidget *words = gtk_label_new (reversed ? _("down to") : _("up to"));
          GtkWidget *spin = spin_new (0, hel_sdq_band_scale_max (self->bands.scale),
                                      hel_sdq_band_limit (&self->bands, i));
          /* Translators: the accessible name of a spin button: “Upper limit of Normal” */
          g_autofree char *name = reversed ? g_strdup_printf (_("Lower limit of %s"), label)
                                           : g_strdup_printf (_("Upper limit of %s"), label);

          gtk_widget_add_css_class (words, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), words);
          gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
          g_signal_connect (spin, "value-changed", G_CALLBACK (band_changed_cb), self);
          g_object_set_data (G_OBJECT (row), "spin", spin);
        }
      g_ptr_array_add (self->band_rows, row);
      gtk_list_box_append (self->sdq_list, row);
    }
  update_band_subtitles (self, &self->bands);
}

/* Shows @table (of the chosen scale) as stored: rows rebuilt when the number of bands or the
 * scale changed, otherwise the limits set in place. */
static void
show_table (HelProgressSettingsPage *self,
            const HelSdqBandTable   *table)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  adw_combo_row_set_selected (self->sdq_table_row, table->n_bands - 2);
  if (table->n_bands != self->bands.n_bands || table->scale != self->bands.scale ||
      self->band_rows->len != table->n_bands)
    {
      self->bands = *table;
      build_band_rows (self);
    }
  else
    {
      self->bands = *table;
      for (guint i = 0; i + 1 < table->n_bands; i++)
        set_spin (self, g_object_get_data (self->band_rows->pdata[i], "spin"),
                  hel_sdq_band_limit (table, i));
      update_band_subtitles (self, table);
    }
  self->loading = was_loading;
}

static void
reload_bands (HelProgressSettingsPage *self)
{
  HelSdqBandTable table;
  g_autoptr(GError) error = NULL;

  if (!hel_store_load_sdq_band_table (self->store, self->scale, &table, &error))
    {
      hel_field_error_set (GTK_WIDGET (self->sdq_error_label), error);
      show_band_errors (self);
      return;
    }
  /* What someone is correcting stays as typed. */
  if (bands_have_errors (self) && table.n_bands == self->bands.n_bands &&
      table.scale == self->bands.scale)
    return;
  show_table (self, &table);
}

static void
save_published_table (HelProgressSettingsPage *self,
                      guint                    n_bands)
{
  HelSdqBandTable table;
  g_autoptr(GError) error = NULL;

  hel_sdq_band_table_init_published (&table, self->scale, n_bands);
  clear_band_errors (self);
  if (!hel_store_save_sdq_bands (self->store, &table, &error))
    hel_field_error_set (GTK_WIDGET (self->sdq_error_label), error);
  else
    {
      self->bands = table;
      self->loading = TRUE;
      build_band_rows (self);
      self->loading = FALSE;
    }
  show_band_errors (self);
}

static void
sdq_scale_selected_cb (AdwComboRow             *row,
                       GParamSpec              *pspec,
                       HelProgressSettingsPage *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || selected >= HEL_SDQ_N_BAND_SCALES || selected == self->scale)
    return;
  /* Another scale: limits that were refused are dropped (nothing of them was saved). */
  clear_band_errors (self);
  show_band_errors (self);
  self->scale = (HelSdqBandScale) selected;
  if (self->store != NULL)
    reload_bands (self);
  else
    {
      HelSdqBandTable table;

      hel_sdq_band_table_init_scale_default (&table, self->scale);
      show_table (self, &table);
    }
}

static void
sdq_table_selected_cb (AdwComboRow             *row,
                       GParamSpec              *pspec,
                       HelProgressSettingsPage *self)
{
  guint n_bands = adw_combo_row_get_selected (row) + 2;

  if (self->loading || self->store == NULL || n_bands == self->bands.n_bands)
    return;
  save_published_table (self, n_bands);
}

static void
sdq_reset_clicked_cb (GtkButton               *button,
                      HelProgressSettingsPage *self)
{
  HelSdqBandSet set;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  /* Every scale and the total back to what Helhed ships, in one transaction. */
  hel_sdq_band_set_init_default (&set);
  clear_band_errors (self);
  if (!hel_store_save_sdq_band_set (self->store, &set, &error))
    hel_field_error_set (GTK_WIDGET (self->sdq_error_label), error);
  else
    {
      self->loading = TRUE;
      self->bands = set.table[self->scale];
      adw_combo_row_set_selected (self->sdq_table_row, self->bands.n_bands - 2);
      build_band_rows (self);
      self->loading = FALSE;
    }
  show_band_errors (self);
}

/* ---- BIP indicators ---- */

static const HelBipIndicator *
row_indicator (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), INDICATOR_KEY);
}

static int
sort_indicators (GtkListBoxRow *a,
                 GtkListBoxRow *b,
                 gpointer       user_data)
{
  const HelBipIndicator *ia = row_indicator (a);
  const HelBipIndicator *ib = row_indicator (b);

  /* The "Add …" row has no indicator and stays last. */
  if (ia == NULL || ib == NULL)
    return (ia == NULL) - (ib == NULL);
  if (ia->position != ib->position)
    return ia->position < ib->position ? -1 : 1;
  return ia->id < ib->id ? -1 : ia->id > ib->id;
}

static void
show_bip_errors (HelProgressSettingsPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *own = hel_field_error_get (GTK_WIDGET (self->bip_error_label));

  /* The messages of the rows inside the expanders, then the list's own. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->bip_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *names[] = { "name-row", "scale-row" };

      if (row == GTK_WIDGET (self->add_bip_row) && hel_field_error_get (row) != NULL)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", hel_field_error_get (row));
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          GtkWidget *part = g_object_get_data (G_OBJECT (row), names[i]);
          if (part != NULL && hel_field_error_get (part) != NULL)
            g_string_append_printf (text, "%s%s", text->len ? "\n" : "",
                                    hel_field_error_get (part));
        }
    }
  if (own != NULL)
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "", own);
  gtk_label_set_text (self->bip_error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->bip_error_label), text->len > 0);
}

/* Marks @part and the expander it sits in, so the mark shows while it is collapsed. */
static void
mark_part (HelProgressSettingsPage *self,
           GtkWidget               *expander,
           const char              *part_name,
           const GError            *error)
{
  GtkWidget *part = g_object_get_data (G_OBJECT (expander), part_name);
  gboolean any;

  hel_field_error_set (part, error);
  any = hel_field_error_get (g_object_get_data (G_OBJECT (expander), "name-row")) != NULL ||
        hel_field_error_get (g_object_get_data (G_OBJECT (expander), "scale-row")) != NULL;
  if (any)
    gtk_widget_add_css_class (expander, "error");
  else
    gtk_widget_remove_css_class (expander, "error");
  if (error != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  show_bip_errors (self);
}

static gboolean
part_is_busy (GtkWidget *part)
{
  return (gtk_widget_get_state_flags (part) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0 ||
         hel_field_error_get (part) != NULL;
}

static char *
scale_subtitle (const HelBipIndicator *indicator)
{
  /* Translators: an indicator's scale, e.g. “Scale 1–5” */
  return g_strdup_printf (_("Scale %d–%d"), indicator->scale_min, indicator->scale_max);
}

/* Saves @copy (the row's indicator with one change); marks @part_name when refused. */
static gboolean
save_indicator (HelProgressSettingsPage *self,
                GtkWidget               *expander,
                HelBipIndicator         *copy,
                const char              *part_name)
{
  g_autoptr(GError) error = NULL;

  if (!hel_store_save_bip_indicator (self->store, copy, &error))
    {
      mark_part (self, expander, part_name, error);
      return FALSE;
    }
  mark_part (self, expander, part_name, NULL);
  return TRUE;
}

static void
name_apply_cb (AdwEntryRow             *name_row,
               HelProgressSettingsPage *self)
{
  GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (name_row), ADW_TYPE_EXPANDER_ROW);
  g_autoptr(HelBipIndicator) copy = hel_bip_indicator_copy (row_indicator (expander));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_row))));

  if (self->store == NULL)
    return;
  g_free (copy->name);
  copy->name = g_steal_pointer (&text);
  /* A shipped indicator emptied or given its shipped name again follows the UI language. */
  if (copy->code != NULL && (copy->name[0] == '\0' ||
                             g_strcmp0 (copy->name, hel_bip_shipped_label (copy->code)) == 0))
    g_clear_pointer (&copy->name, g_free);
  save_indicator (self, expander, copy, "name-row");
}

static void
name_focus_leave_cb (GtkEventControllerFocus *controller,
                     HelProgressSettingsPage *self)
{
  GtkWidget *name_row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *expander = gtk_widget_get_ancestor (name_row, ADW_TYPE_EXPANDER_ROW);
  g_autofree char *text = NULL;

  if (self->store == NULL || self->loading || expander == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_row))));
  if (g_strcmp0 (text, hel_bip_indicator_get_label (row_indicator (expander))) != 0)
    name_apply_cb (ADW_ENTRY_ROW (name_row), self);
}

static void
scale_changed_cb (GtkSpinButton           *spin,
                  HelProgressSettingsPage *self)
{
  GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_EXPANDER_ROW);
  g_autoptr(HelBipIndicator) copy = NULL;

  if (self->loading || self->store == NULL || expander == NULL)
    return;
  copy = hel_bip_indicator_copy (row_indicator (expander));
  copy->scale_min = gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (expander),
                                                                         "min-spin"));
  copy->scale_max = gtk_spin_button_get_value_as_int (g_object_get_data (G_OBJECT (expander),
                                                                         "max-spin"));
  save_indicator (self, expander, copy, "scale-row");
}

static GArray *
indicator_order (HelProgressSettingsPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkListBoxRow *row;

  /* The rows' order as sorted, which is not necessarily their order as children. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->bip_list, i)) != NULL; i++)
    if (row_indicator (row) != NULL)
      g_array_append_val (ids, row_indicator (row)->id);
  return ids;
}

static void
move_clicked_cb (GtkButton               *button,
                 HelProgressSettingsPage *self)
{
  GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));
  g_autoptr(GArray) ids = indicator_order (self);
  g_autoptr(GError) error = NULL;
  gint64 id = row_indicator (expander)->id;
  guint at = 0;

  if (self->store == NULL)
    return;
  while (at < ids->len && g_array_index (ids, gint64, at) != id)
    at++;
  if (at >= ids->len || (step < 0 && at == 0) || (step > 0 && at + 1 >= ids->len))
    return;
  g_array_index (ids, gint64, at) = g_array_index (ids, gint64, at + step);
  g_array_index (ids, gint64, at + step) = id;
  hel_field_error_set (GTK_WIDGET (self->bip_error_label), NULL);
  if (!hel_store_set_bip_indicator_order (self->store, (const gint64 *) ids->data, ids->len,
                                          &error))
    hel_field_error_set (GTK_WIDGET (self->bip_error_label), error);
  show_bip_errors (self);
}

static void
remove_indicator (HelProgressSettingsPage *self,
                  gint64                   id)
{
  g_autoptr(GError) error = NULL;

  hel_field_error_set (GTK_WIDGET (self->bip_error_label), NULL);
  if (!hel_store_delete_bip_indicator (self->store, id, &error))
    hel_field_error_set (GTK_WIDGET (self->bip_error_label), error);
  else
    toast (self, _("Indicator removed"));
  show_bip_errors (self);
}

static void
remove_response_cb (AdwMessageDialog        *dialog,
                    const char              *response,
                    HelProgressSettingsPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "indicator-id");

  if (g_strcmp0 (response, "remove") == 0 && self->store != NULL)
    remove_indicator (self, *id);
}

static void
remove_clicked_cb (GtkButton               *button,
                   HelProgressSettingsPage *self)
{
  GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  const HelBipIndicator *indicator = row_indicator (expander);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  int n;

  if (self->store == NULL)
    return;
  n = hel_store_count_bip_indicator_answers (self->store, indicator->id, &error);
  if (n < 0)
    {
      hel_field_error_set (GTK_WIDGET (self->bip_error_label), error);
      show_bip_errors (self);
      return;
    }
  if (n == 0)
    {
      remove_indicator (self, indicator->id);
      return;
    }
  heading = g_strdup_printf (_("Remove the indicator “%s”?"),
                             hel_bip_indicator_get_label (indicator));
  body = g_strdup_printf (ngettext ("%d measurement answers it. Its answer there no longer "
                                    "shows on the form or in the charts; the other answers "
                                    "still count.",
                                    "%d measurements answer it. Their answers to it no longer "
                                    "show on the form or in the charts; the other answers "
                                    "still count.", n), n);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "indicator-id",
                          g_memdup2 (&indicator->id, sizeof indicator->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  return button;
}

static void
update_indicator_row (HelProgressSettingsPage *self,
                      GtkWidget               *expander,
                      const HelBipIndicator   *indicator)
{
  GtkWidget *name_row = g_object_get_data (G_OBJECT (expander), "name-row");
  GtkWidget *scale_row = g_object_get_data (G_OBJECT (expander), "scale-row");
  g_autofree char *subtitle = scale_subtitle (indicator);
  gboolean was_loading = self->loading;

  g_object_set_data_full (G_OBJECT (expander), INDICATOR_KEY,
                          hel_bip_indicator_copy (indicator),
                          (GDestroyNotify) hel_bip_indicator_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 hel_bip_indicator_get_label (indicator));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  self->loading = TRUE;
  if (!part_is_busy (name_row) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (name_row)),
                 hel_bip_indicator_get_label (indicator)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (name_row), hel_bip_indicator_get_label (indicator));
  if (hel_field_error_get (scale_row) == NULL)
    {
      set_spin (self, g_object_get_data (G_OBJECT (expander), "min-spin"), indicator->scale_min);
      set_spin (self, g_object_get_data (G_OBJECT (expander), "max-spin"), indicator->scale_max);
    }
  self->loading = was_loading;
}

static GtkWidget *
indicator_row_new (HelProgressSettingsPage *self,
                   const HelBipIndicator   *indicator)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *scale_row = adw_action_row_new ();
  GtkWidget *min_spin = spin_new (0, 99, indicator->scale_min);
  GtkWidget *max_spin = spin_new (1, 100, indicator->scale_max);
  GtkWidget *to = gtk_label_new (_("to"));
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move up"));
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move down"));
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove indicator"));
  GtkWidget *order_row = adw_action_row_new ();
  GtkWidget *order_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name_row), hel_bip_indicator_get_label (indicator));
  g_signal_connect (name_row, "apply", G_CALLBACK (name_apply_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (name_focus_leave_cb), self);
  gtk_widget_add_controller (name_row, focus);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (scale_row), _("Scale"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (scale_row),
                               _("The lowest and the highest answer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (min_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lowest answer"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (max_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Highest answer"), -1);
  gtk_widget_add_css_class (to, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (scale_row), min_spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (scale_row), to);
  adw_action_row_add_suffix (ADW_ACTION_ROW (scale_row), max_spin);
  g_signal_connect (min_spin, "value-changed", G_CALLBACK (scale_changed_cb), self);
  g_signal_connect (max_spin, "value-changed", G_CALLBACK (scale_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), scale_row);

  /* Moving sits inside: beside the expander's own arrow, up and down arrows would mislead. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (order_row), _("Order in the form"));
  gtk_widget_add_css_class (order_box, "linked");
  gtk_widget_set_valign (order_box, GTK_ALIGN_CENTER);
  gtk_widget_remove_css_class (up, "flat");
  gtk_widget_remove_css_class (down, "flat");
  gtk_box_append (GTK_BOX (order_box), up);
  gtk_box_append (GTK_BOX (order_box), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (order_row), order_box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), order_row);
  g_object_set_data (G_OBJECT (up), "step", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "step", GINT_TO_POINTER (1));
  g_signal_connect (up, "clicked", G_CALLBACK (move_clicked_cb), self);
  g_signal_connect (down, "clicked", G_CALLBACK (move_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

  g_object_set_data (G_OBJECT (expander), "name-row", name_row);
  g_object_set_data (G_OBJECT (expander), "scale-row", scale_row);
  g_object_set_data (G_OBJECT (expander), "min-spin", min_spin);
  g_object_set_data (G_OBJECT (expander), "max-spin", max_spin);
  g_object_set_data (G_OBJECT (expander), "order-row", order_row);
  g_object_set_data (G_OBJECT (expander), "up-button", up);
  g_object_set_data (G_OBJECT (expander), "down-button", down);
  g_object_set_data (G_OBJECT (expander), "remove-button", remove);
  update_indicator_row (self, expander, indicator);
  return expander;
}

static void
reload_indicators (HelProgressSettingsPage *self)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  indicators = hel_store_list_bip_indicators (self->store, &error);
  if (indicators == NULL)
    {
      hel_field_error_set (GTK_WIDGET (self->bip_error_label), error);
      show_bip_errors (self);
      return;
    }
  /* Rows keep their identity, so the one being edited is updated in place, never replaced. */
  for (guint i = 0; i < indicators->len; i++)
    {
      const HelBipIndicator *indicator = indicators->pdata[i];
      GtkWidget *row = g_hash_table_lookup (self->bip_rows, &indicator->id);

      if (row == NULL)
        {
          row = indicator_row_new (self, indicator);
          g_hash_table_insert (self->bip_rows, g_memdup2 (&indicator->id, sizeof indicator->id),
                               row);
          gtk_list_box_append (self->bip_list, row);
        }
      else
        update_indicator_row (self, row, indicator);
      g_hash_table_lookup_extended (self->bip_rows, &indicator->id, &key, NULL);
      g_hash_table_add (seen, key);
    }
  g_hash_table_iter_init (&iter, self->bip_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        gtk_list_box_remove (self->bip_list, value);
        g_hash_table_iter_remove (&iter);
      }
  gtk_list_box_invalidate_sort (self->bip_list);
  /* The first cannot move up, the last not down. */
  for (guint i = 0; i < indicators->len; i++)
    {
      const HelBipIndicator *indicator = indicators->pdata[i];
      GtkWidget *row = g_hash_table_lookup (self->bip_rows, &indicator->id);

      /* Translators: an indicator's place on the form: “Question 2 of 5” */
      g_autofree char *place = g_strdup_printf (_("Question %u of %u"), i + 1, indicators->len);

      adw_action_row_set_subtitle (g_object_get_data (G_OBJECT (row), "order-row"), place);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "up-button"), i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "down-button"),
                                i + 1 < indicators->len);
    }
  show_bip_errors (self);
}

static void
add_bip_apply_cb (AdwEntryRow             *row,
                  HelProgressSettingsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(HelBipIndicator) indicator = hel_bip_indicator_new (text, 1, 5);
  g_autoptr(GError) error = NULL;
  GtkWidget *new_row;

  if (self->store == NULL)
    return;
  if (!hel_store_save_bip_indicator (self->store, indicator, &error))
    {
      hel_field_error_set (GTK_WIDGET (row), error);
      show_bip_errors (self);
      return;
    }
  hel_field_error_set (GTK_WIDGET (row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  reload_indicators (self);
  /* The new indicator opens, ready for its scale. */
  new_row = g_hash_table_lookup (self->bip_rows, &indicator->id);
  if (new_row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (new_row), TRUE);
}

/* ---- The store ---- */

static void
reload (HelProgressSettingsPage *self)
{
  gboolean was_loading = self->loading;

  if (self->store == NULL)
    return;
  if (hel_field_error_get (GTK_WIDGET (self->interval_row)) == NULL)
    {
      self->loading = TRUE;
      gtk_spin_button_set_value (self->interval_spin,
                                 hel_store_get_wave_interval (self->store, NULL));
      self->loading = was_loading;
    }
  reload_bands (self);
  reload_indicators (self);
}

static void
progress_changed_cb (HelStore                *store,
                     gint64                   id,
                     HelProgressSettingsPage *self)
{
  /* Settings changes come with id 0; a family's measurement may have answered an indicator. */
  reload (self);
}

void
hel_progress_settings_page_set_store (HelProgressSettingsPage *self,
                                      HelStore                *store)
{
  g_return_if_fail (HEL_IS_PROGRESS_SETTINGS_PAGE (self));
  g_return_if_fail (store == NULL || HEL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;
  g_signal_connect (store, "changed::progress", G_CALLBACK (progress_changed_cb), self);
  reload (self);
}

/* ---- GObject ---- */

static void
hel_progress_settings_page_dispose (GObject *object)
{
  HelProgressSettingsPage *self = HEL_PROGRESS_SETTINGS_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  g_clear_pointer (&self->bip_rows, g_hash_table_unref);
  g_clear_pointer (&self->band_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_PROGRESS_SETTINGS_PAGE);
  G_OBJECT_CLASS (hel_progress_settings_page_parent_class)->dispose (object);
}

static void
hel_progress_settings_page_class_init (HelProgressSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_progress_settings_page_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/helhed/Helhed/ui/hel-progress-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, interval_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage,
                                        interval_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, sdq_list);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, sdq_scale_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, sdq_table_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, sdq_reset_button);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, sdq_error_label);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, bip_list);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, add_bip_row);
  gtk_widget_class_bind_template_child (widget_class, HelProgressSettingsPage, bip_error_label);
}

static void
hel_progress_settings_page_init (HelProgressSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->band_rows = g_ptr_array_new ();
  self->bip_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->loading = TRUE;
  {
    g_autoptr(GtkStringList) scales = gtk_string_list_new (NULL);

    for (guint i = 0; i < HEL_SDQ_N_BAND_SCALES; i++)
      gtk_string_list_append (scales, hel_sdq_band_scale_label ((HelSdqBandScale) i));
    adw_combo_row_set_model (self->sdq_scale_row, G_LIST_MODEL (scales));
  }
  self->scale = HEL_SDQ_BANDS_TOTAL;
  adw_combo_row_set_selected (self->sdq_scale_row, self->scale);
  hel_sdq_band_table_init_scale_default (&self->bands, self->scale);
  adw_combo_row_set_selected (self->sdq_table_row, self->bands.n_bands - 2);
  build_band_rows (self);
  self->loading = FALSE;
  gtk_list_box_set_sort_func (self->bip_list, sort_indicators, NULL, NULL);
  g_signal_connect (self->interval_spin, "value-changed", G_CALLBACK (interval_changed_cb), self);
  g_signal_connect (self->sdq_scale_row, "notify::selected",
                    G_CALLBACK (sdq_scale_selected_cb), self);
  g_signal_connect (self->sdq_table_row, "notify::selected",
                    G_CALLBACK (sdq_table_selected_cb), self);
  g_signal_connect (self->sdq_reset_button, "clicked", G_CALLBACK (sdq_reset_clicked_cb), self);
  g_signal_connect (self->add_bip_row, "apply", G_CALLBACK (add_bip_apply_cb), self);
}

GtkWidget *
hel_progress_settings_page_new (void)
{
  return g_object_new (HEL_TYPE_PROGRESS_SETTINGS_PAGE, NULL);
}

/* ---- For the tests ---- */

GtkSpinButton *
_hel_progress_settings_page_get_interval_spin (HelProgressSettingsPage *self)
{
  return self->interval_spin;
}

GtkWidget *
_hel_progress_settings_page_get_interval_row (HelProgressSettingsPage *self)
{
  return GTK_WIDGET (self->interval_row);
}

AdwComboRow *
_hel_progress_settings_page_get_sdq_scale_row (HelProgressSettingsPage *self)
{
  return self->sdq_scale_row;
}

AdwComboRow *
_hel_progress_settings_page_get_sdq_table_row (HelProgressSettingsPage *self)
{
  return self->sdq_table_row;
}

AdwActionRow *
_hel_progress_settings_page_get_band_row (HelProgressSettingsPage *self,
                                          guint                    band)
{
  return band < self->band_rows->len ? self->band_rows->pdata[band] : NULL;
}

GtkSpinButton *
_hel_progress_settings_page_get_band_spin (HelProgressSettingsPage *self,
                                           guint                    band)
{
  return band < self->band_rows->len ? g_object_get_data (self->band_rows->pdata[band], "spin")
                                     : NULL;
}

GtkLabel *
_hel_progress_settings_page_get_sdq_error_label (HelProgressSettingsPage *self)
{
  return self->sdq_error_label;
}

GtkButton *
_hel_progress_settings_page_get_sdq_reset_button (HelProgressSettingsPage *self)
{
  return self->sdq_reset_button;
}

AdwEntryRow *
_hel_progress_settings_page_get_add_bip_row (HelProgressSettingsPage *self)
{
  return self->add_bip_row;
}

AdwExpanderRow *
_hel_progress_settings_page_get_bip_row (HelProgressSettingsPage *self,
                                         gint64                   id)
{
  return g_hash_table_lookup (self->bip_rows, &id);
}

GArray *
_hel_progress_settings_page_get_bip_order (HelProgressSettingsPage *self)
{
  return indicator_order (self);
}

GtkLabel *
_hel_progress_settings_page_get_bip_error_label (HelProgressSettingsPage *self)
{
  return self->bip_error_label;
}

AdwMessageDialog *
_hel_progress_settings_page_get_dialog (HelProgressSettingsPage *self)
{
  return self->dialog;
}
