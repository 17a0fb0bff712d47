/* hel-progress-view.c: the Progress page. Filters (team, active/ended, period) feed the pooled
 * project charts; "Measurements due" lists what the team should measure next and opens the form
 * (what it saves can be undone, Ctrl+Z); every chart exports to PNG/SVG/PDF and the status report
 * to PDF and CSV. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-field-error.h"
#include "hel-progress-chart.h"
#include "hel-progress-undo.h"
#include "hel-progress-view.h"
#include "hel-report-document.h"
#include "hel-store-progress.h"
#include "hel-ui-util.h"
#include "hel-validate.h"

/* How many due rows show before "and n more". */
#define DUE_ROWS 5

static const HelChartKind project_charts[] = {
  HEL_CHART_PROJECT_WHO5, HEL_CHART_PROJECT_SDQ, HEL_CHART_PROJECT_ABSENCE,
  HEL_CHART_PROJECT_INCOME, HEL_CHART_PROJECT_EMPLOYMENT, HEL_CHART_PROJECT_NOTIFICATIONS,
  HEL_CHART_PROJECT_ECONOMY,
};

struct _HelProgressView
{
  GtkWidget            parent_instance;

  HelStore            *store;
  HelStatisticsFilter  filter;
  GArray              *team_ids;       /* gint64 per team_dropdown item; [0] = 0 (all) */
  guint                refresh_id;
  gboolean             filling;
  GtkWidget           *charts[G_N_ELEMENTS (project_charts)];
  GtkFileChooserNative *chooser;
  HelUndoStack        *undo;

  GtkDropDown         *team_dropdown;
  GtkDropDown         *families_dropdown;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkLabel            *filter_error;
  AdwPreferencesGroup *due_group;
  GtkListBox          *due_list;
  GtkFlowBox          *charts_box;
};

G_DEFINE_FINAL_TYPE (HelProgressView, hel_progress_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
toast (HelProgressView *self,
       const char      *message)
{
  AdwToastOverlay *overlay = (AdwToastOverlay *) gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                                          ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
}

/* ---- Measurements due ---- */

static void
due_row_activated_cb (AdwActionRow    *row,
                      HelProgressView *self)
{
  gint64 member_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "member-id"));
  HelInstrumentKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "instrument"));
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  dialog = hel_progress_undo_open_measurement (self->undo, GTK_WIDGET (self), "progress.undo",
                                               self->store, member_id, 0, kind, &error);
  if (dialog == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_due (HelProgressView *self)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = hel_date_today ();
  GtkWidget *child;
  guint overdue = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->due_list))) != NULL)
    gtk_list_box_remove (self->due_list, child);
  if (self->store == NULL)
    return;
  due = hel_store_list_due_measurements (self->store, 0, self->filter.team_id, today, &error);
  if (due == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < due->len; i++)
    overdue += ((HelDueMeasurement *) due->pdata[i])->overdue;
  for (guint i = 0; i < due->len && i < DUE_ROWS; i++)
    {
      const HelDueMeasurement *d = due->pdata[i];
      g_autofree char *wave = hel_wave_label (d->wave);
      g_autofree char *date = hel_date_format (d->due_date);
      /* Translators: a measurement due: “Familien Hansen · Maja” */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), d->family_name, d->member_name);
      /* Translators: “WHO-5 wellbeing · 4 months · due 15.05.2025” */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · due %s"),
                                                   hel_instrument_kind_label (d->instrument),
                                                   wave, date);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *state = gtk_label_new (d->overdue ? _("Overdue") : _("Due"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (state, d->overdue ? "error" : "warning");
      gtk_widget_add_css_class (state, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "member-id", GSIZE_TO_POINTER ((gsize) d->member_id));
      g_object_set_data (G_OBJECT (row), "instrument", GUINT_TO_POINTER (d->instrument));
      g_signal_connect (row, "activated", G_CALLBACK (due_row_activated_cb), self);
      gtk_list_box_append (self->due_list, row);
    }
  if (due->len > DUE_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more", "And %u more",
                                                         due->len - DUE_ROWS),
                                               due->len - DUE_ROWS);
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->due_list, row);
    }
  if (due->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Nothing is due: every family is measured up to date."));
      gtk_list_box_append (self->due_list, row);
    }
  {
    /* Translators: the title of the list of measurements due, with counts */
    g_autofree char *title = g_strdup_printf (_("Measurements Due (%u, %u overdue)"), due->len,
                                              overdue);
    adw_preferences_group_set_title (self->due_group, title);
  }
}

/* ---- Charts ---- */

static void
fill_charts (HelProgressView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (project_charts); i++)
    {
      g_autoptr(GError) error = NULL;
      HelChart *chart = NULL;

      if (self->store != NULL)
        chart = hel_chart_new (self->store, project_charts[i], 0, &self->filter, &error);
      if (error != NULL)
        toast (self, error->message);
      hel_progress_chart_set_chart (HEL_PROGRESS_CHART (self->charts[i]), chart);
    }
}

void
_hel_progress_view_refresh (HelProgressView *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  fill_due (self);
  fill_charts (self);
}

static gboolean
refresh_cb (gpointer data)
{
  HelProgressView *self = data;

  self->refresh_id = 0;
  _hel_progress_view_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (HelProgressView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
store_changed_cb (HelProgressView *self)
{
  queue_refresh (self);
}

/* ---- Filters ---- */

static void
fill_teams (HelProgressView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) teams = NULL;
  gint64 none = 0;
  guint selected = 0;

  g_array_set_size (self->team_ids, 0);
  g_array_append_val (self->team_ids, none);
  gtk_string_list_append (names, _("All teams"));
  teams = self->store ? hel_store_list_teams (self->store, NULL) : NULL;
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      gint64 id = hel_team_get_id (teams->pdata[i]);
      if (id == self->filter.team_id)
        selected = self->team_ids->len;
      g_array_append_val (self->team_ids, id);
      gtk_string_list_append (names, hel_team_get_name (teams->pdata[i]));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->team_dropdown, selected);
  self->filling = FALSE;
  if (selected == 0)
    self->filter.team_id = 0;
}

static void
filter_changed_cb (HelProgressView *self)
{
  g_autoptr(GError) from_error = NULL;
  g_autoptr(GError) to_error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint team;

  if (self->filling)
    return;
  team = gtk_drop_down_get_selected (self->team_dropdown);
  self->filter.team_id = team < self->team_ids->len ? g_array_index (self->team_ids, gint64, team)
                                                    : 0;
  self->filter.families = (HelStatisticsFamilies) MIN (gtk_drop_down_get_selected (self->families_dropdown),
                                                       HEL_STATISTICS_ENDED_FAMILIES);

  /* A date that does not parse stays as typed, marked, and the charts keep the last period. */
  hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), FALSE, &from,
                     &from_error);
  hel_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), FALSE, &to, &to_error);
  if (from_error == NULL && to_error == NULL && from && to && hel_date_compare (from, to) > 0)
    g_set_error (&to_error, HEL_VALIDATE_ERROR, HEL_VALIDATE_ERROR_RANGE,
                 _("The period ends before it begins."));
  hel_field_error_set (GTK_WIDGET (self->from_entry), from_error);
  hel_field_error_set (GTK_WIDGET (self->to_entry), to_error);
  hel_field_error_show (self->filter_error, GTK_WIDGET (self->from_entry),
                        GTK_WIDGET (self->to_entry), NULL);
  if (from_error == NULL && to_error == NULL)
    {
      g_free (self->filter.from);
      self->filter.from = g_steal_pointer (&from);
      g_free (self->filter.to);
      self->filter.to = g_steal_pointer (&to);
    }
  queue_refresh (self);
}

/* ---- Files ---- */

typedef enum {
  SAVE_REPORT,
  SAVE_CSV,
  SAVE_CHART,
} SaveKind;

gboolean
_hel_progress_view_write_report (HelProgressView *self,
                                 const char      *path,
                                 gboolean         csv,
                                 GError         **error)
{
  g_autoptr(HelReportDocument) report = NULL;

  report = hel_report_document_new (self->store, &self->filter, error);
  if (report == NULL)
    return FALSE;
  return csv ? hel_report_document_write_csv (report, path, error)
             : hel_report_document_write_pdf (report, path, error);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     HelProgressView *self)
{
  SaveKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "kind"));
  guint chart = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "chart"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (kind == SAVE_CHART)
    {
      const HelChart *c = hel_progress_chart_get_chart (HEL_PROGRESS_CHART (self->charts[chart]));
      g_autofree char *lower = g_ascii_strdown (path, -1);
      gboolean png = g_str_has_suffix (lower, ".png");

      if (c != NULL)
        ok = hel_chart_export (c, NULL, png ? 1600 : 842, png ? 1000 : 526, path, &error);
    }
  else
    ok = _hel_progress_view_write_report (self, path, kind == SAVE_CSV, &error);
  if (ok)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a toast after saving a file: “Saved statusrapport.pdf” */
      g_autofree char *message = g_strdup_printf (_("Saved %s"), name);
      toast (self, message);
    }
  else if (error != NULL)
    toast (self, error->message);
}

static void
choose_file (HelProgressView *self,
             SaveKind         kind,
             guint            chart)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *title = kind == SAVE_REPORT ? _("Save Status Report")
                      : kind == SAVE_CSV ? _("Save Tables as CSV") : _("Export Chart");
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->store == NULL)
    return;
  /* GTK 4.8 has no GtkFileDialog; the portal-backed native chooser exists in both. */
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                           : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  if (kind == SAVE_REPORT)
    /* Translators: the suggested file name of the status report */
    name = g_strdup_printf ("%s.pdf", _("status-report"));
  else if (kind == SAVE_CSV)
    /* Translators: the suggested file name of the report's tables */
    name = g_strdup_printf ("%s.csv", _("status-tables"));
  else
    name = g_strdup_printf ("%s.png", hel_chart_kind_to_code (project_charts[chart]));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (self->chooser), "chart", GUINT_TO_POINTER (chart));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
report_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_file (HEL_PROGRESS_VIEW (widget), SAVE_REPORT, 0);
}

static void
csv_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (HEL_PROGRESS_VIEW (widget), SAVE_CSV, 0);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_file (HEL_PROGRESS_VIEW (widget), SAVE_CHART, g_variant_get_uint32 (parameter));
}

/* ---- Undo ---- */

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HelProgressView *self = HEL_PROGRESS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (action_name, "progress.undo"))
    ok = !hel_undo_stack_can_undo (self->undo) || hel_undo_stack_undo (self->undo, &error);
  else
    ok = !hel_undo_stack_can_redo (self->undo) || hel_undo_stack_redo (self->undo, &error);
  if (!ok)
    toast (self, error->message);
}

static void
undo_state_cb (HelProgressView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.undo",
                                 hel_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.redo",
                                 hel_undo_stack_can_redo (self->undo));
}

HelUndoStack *
_hel_progress_view_get_undo_stack (HelProgressView *self)
{
  return self->undo;
}

/* ---- GObject ---- */

static void
hel_progress_view_dispose (GObject *object)
{
  HelProgressView *self = HEL_PROGRESS_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->undo != NULL)
    hel_undo_stack_clear (self->undo);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_PROGRESS_VIEW);
  /* The template's root box has no id, so GTK 4.8 does not unparent it for us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (hel_progress_view_parent_class)->dispose (object);
}

static void
hel_progress_view_finalize (GObject *object)
{
  HelProgressView *self = HEL_PROGRESS_VIEW (object);

  hel_statistics_filter_clear (&self->filter);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_object (&self->undo);
  G_OBJECT_CLASS (hel_progress_view_parent_class)->finalize (object);
}

static void
hel_progress_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HelProgressView *self = HEL_PROGRESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_progress_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HelProgressView *self = HEL_PROGRESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      hel_progress_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_progress_view_class_init (HelProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_progress_view_dispose;
  object_class->finalize = hel_progress_view_finalize;
  object_class->get_property = hel_progress_view_get_property;
  object_class->set_property = hel_progress_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HEL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/ui/hel-progress-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HelProgressView, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelProgressView, families_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelProgressView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HelProgressView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HelProgressView, filter_error);
  gtk_widget_class_bind_template_child (widget_class, HelProgressView, due_group);
  gtk_widget_class_bind_template_child (widget_class, HelProgressView, due_list);
  gtk_widget_class_bind_template_child (widget_class, HelProgressView, charts_box);

  gtk_widget_class_install_action (widget_class, "progress.report", NULL, report_action_cb);
  gtk_widget_class_install_action (widget_class, "progress.csv", NULL, csv_action_cb);
  gtk_widget_class_install_action (widget_class, "progress.export-chart", "u", export_action_cb);
  gtk_widget_class_install_action (widget_class, "progress.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "progress.redo", NULL, undo_action_cb);
}

static void
hel_progress_view_init (HelProgressView *self)
{
  g_autoptr(GtkStringList) families = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  hel_statistics_filter_init (&self->filter);
  self->undo = hel_undo_stack_new (100);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (undo_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (undo_state_cb), self,
                           G_CONNECT_SWAPPED);
  undo_state_cb (self);
  hel_progress_undo_add_shortcuts (GTK_WIDGET (self), "progress.undo", "progress.redo");
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (families, _("Active and ended families"));
  gtk_string_list_append (families, _("Active families"));
  gtk_string_list_append (families, _("Families that have ended"));
  gtk_drop_down_set_model (self->families_dropdown, G_LIST_MODEL (families));
  fill_teams (self);

  for (guint i = 0; i < G_N_ELEMENTS (project_charts); i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Export…"));
      g_autofree char *tooltip = g_strdup_printf (_("Save “%s” as PNG, SVG or PDF"),
                                                  hel_chart_kind_label (project_charts[i]));

      self->charts[i] = hel_progress_chart_new ();
      /* Plots a little taller than their smallest and as high as their neighbour; the
       * economy's table, and its card, as high as its rows (the grid's cells are all as
       * high as the highest: the card would have empty space under the table). */
      gtk_widget_set_size_request (self->charts[i], 360, -1);
      hel_progress_chart_set_plot_height (HEL_PROGRESS_CHART (self->charts[i]), 400);
      gtk_widget_set_vexpand (self->charts[i], project_charts[i] != HEL_CHART_PROJECT_ECONOMY);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "progress.export-chart");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (bar, GTK_ALIGN_END);
      gtk_widget_set_margin_end (bar, 6);
      gtk_widget_set_margin_bottom (bar, 6);
      gtk_box_append (GTK_BOX (bar), button);
      gtk_box_append (GTK_BOX (card), self->charts[i]);
      gtk_box_append (GTK_BOX (card), bar);
      if (project_charts[i] == HEL_CHART_PROJECT_ECONOMY)
        gtk_widget_set_valign (card, GTK_ALIGN_START);
      gtk_flow_box_append (self->charts_box, card);
    }

  g_signal_connect_swapped (self->team_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->families_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (filter_changed_cb), self);
}

GtkWidget *
hel_progress_view_new (void)
{
  return g_object_new (HEL_TYPE_PROGRESS_VIEW, NULL);
}

void
hel_progress_view_set_store (HelProgressView *self,
                             HelStore        *store)
{
  g_return_if_fail (HEL_IS_PROGRESS_VIEW (self));
  g_return_if_fail (store == NULL || HEL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* Its entries hold the old store, which must be let go of (restoring a backup needs that). */
  hel_undo_stack_clear (self->undo);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      static const char * const details[] = { "changed::progress", "changed::family",
                                              "changed::member", "changed::team" };
      for (guint i = 0; i < G_N_ELEMENTS (details); i++)
        g_signal_connect_object (store, details[i], G_CALLBACK (store_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  self->filter.team_id = 0;
  fill_teams (self);
  queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

HelStore *
hel_progress_view_get_store (HelProgressView *self)
{
  g_return_val_if_fail (HEL_IS_PROGRESS_VIEW (self), NULL);
  return self->store;
}

GtkListBox *
_hel_progress_view_get_due_list (HelProgressView *self)
{
  return self->due_list;
}

GtkFlowBox *
_hel_progress_view_get_charts_box (HelProgressView *self)
{
  return self->charts_box;
}

GtkEditable *
_hel_progress_view_get_from_entry (HelProgressView *self)
{
  return GTK_EDITABLE (self->from_entry);
}

GtkLabel *
_hel_progress_view_get_filter_error (HelProgressView *self)
{
  return self->filter_error;
}

const HelStatisticsFilter *
_hel_progress_view_get_filter (HelProgressView *self)
{
  return &self->filter;
}
