/* hel-ui-util.c: small helpers the family widgets share: id-backed combo rows, row errors. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-ui-util.h"
#include "hel-validate.h"

#define COMBO_IDS_KEY "hel-combo-ids"

static void
combo_fill (AdwComboRow *row,
            GPtrArray   *names,
            GArray      *ids,
            gint64       selected_id)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (names, i));
      if (g_array_index (ids, gint64, i) == selected_id)
        selected = i;
    }
  g_object_set_data_full (G_OBJECT (row), COMBO_IDS_KEY, g_array_ref (ids),
                          (GDestroyNotify) g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, names->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
}

void
hel_ui_combo_fill_teams (AdwComboRow *row,
                         HelStore    *store,
                         gboolean     with_none,
                         gint64       selected_id)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  if (with_none)
    {
      gint64 none = 0;
      /* Translators: no team chosen */
      g_ptr_array_add (names, (gpointer) C_("team", "None"));
      g_array_append_val (ids, none);
    }
  if (store != NULL && (teams = hel_store_list_teams (store, &error)) == NULL)
    g_warning ("Could not list the teams: %s", error->message);
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      HelTeam *team = g_ptr_array_index (teams, i);
      gint64 id = hel_team_get_id (team);

      g_ptr_array_add (names, (gpointer) hel_team_get_name (team));
      g_array_append_val (ids, id);
    }
  combo_fill (row, names, ids, selected_id);
}

void
hel_ui_combo_fill_caseworkers (AdwComboRow *row,
                               HelStore    *store,
                               gboolean     with_none,
                               gint64       selected_id)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) caseworkers = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  if (with_none)
    {
      gint64 none = 0;
      /* Translators: no caseworker chosen */
      g_ptr_array_add (names, (gpointer) C_("caseworker", "None"));
      g_array_append_val (ids, none);
    }
  if (store != NULL && (caseworkers = hel_store_list_caseworkers (store, &error)) == NULL)
    g_warning ("Could not list the caseworkers: %s", error->message);
  for (guint i = 0; caseworkers != NULL && i < caseworkers->len; i++)
    {
      HelCaseworker *caseworker = g_ptr_array_index (caseworkers, i);
      gint64 id = hel_caseworker_get_id (caseworker);

      g_ptr_array_add (names, (gpointer) hel_caseworker_get_name (caseworker));
      g_array_append_val (ids, id);
    }
  combo_fill (row, names, ids, selected_id);
}

gint64
hel_ui_combo_get_id (AdwComboRow *row)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), COMBO_IDS_KEY);
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

void
hel_ui_combo_set_id (AdwComboRow *row,
                     gint64       id)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), COMBO_IDS_KEY);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
}

void
hel_ui_row_set_error (GtkWidget  *row,
                      GtkLabel   *message_label,
                      const char *message)
{
  if (row != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }
  if (message_label != NULL)
    {
      gtk_label_set_text (message_label, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (message_label), message != NULL);
    }
  /* A screen reader hears why the row is marked, not only that it is. */
  if (row != NULL && message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else if (row != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (row != NULL)
    {
      if (message != NULL)
        gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                     GTK_ACCESSIBLE_INVALID_TRUE, -1);
      else
        gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

gboolean
hel_ui_parse_date (const char  *text,
                   gboolean     required,
                   char       **iso_out,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0' && !required)
    {
      *iso_out = NULL;
      return TRUE;
    }
  return hel_date_parse (trimmed, iso_out, error);
}
