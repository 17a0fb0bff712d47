/* hel-family-list.c: the sidebar list of families with search and filters. */
#include "config.h"

#include <glib/gi18n.h>

#include "hel-family-list.h"
#include "hel-store-plan.h"
#include "hel-validate.h"

typedef enum {
  STATUS_ACTIVE,
  STATUS_ENDED,
  STATUS_ALL,
} StatusFilter;

struct _HelFamilyList
{
  GtkWidget           parent_instance;

  HelStore           *store;
  GListStore         *families;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  GHashTable         *team_names;     /* id -> name */
  GArray             *team_ids;       /* dropdown position -> id, 0 = all */
  GArray             *caseworker_ids;
  GHashTable         *hidden;         /* ids of families with an erase pending */
  GHashTable         *due;            /* family id -> HelDueCounts, from the family plans */
  GHashTable         *bound_rows;     /* row boxes now showing a family */
  gint64              selected_id;
  gboolean            reloading;
  gboolean            filters_stale;  /* teams or caseworkers changed */

  GtkSearchEntry     *search_entry;
  GtkDropDown        *team_dropdown;
  GtkDropDown        *caseworker_dropdown;
  GtkToggleButton    *active_toggle;
  GtkToggleButton    *ended_toggle;
  GtkWidget          *status_box;
  GtkListView        *list_view;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (HelFamilyList, hel_family_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_ID,
  N_PROPS
};

enum {
  FAMILY_ACTIVATED,
  LEAVE_LIST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
family_is_ended (HelFamily *family)
{
  const char *end = hel_family_get_end_date (family);

  return end != NULL && *end != '\0';
}

static gint64
dropdown_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || pos == GTK_INVALID_LIST_POSITION || pos >= ids->len)
    return 0;
  return g_array_index (ids, gint64, pos);
}

static StatusFilter
get_status_filter (HelFamilyList *self)
{
  if (gtk_toggle_button_get_active (self->active_toggle))
    return STATUS_ACTIVE;
  if (gtk_toggle_button_get_active (self->ended_toggle))
    return STATUS_ENDED;
  return STATUS_ALL;
}

static gboolean
family_filter_func (gpointer item,
                    gpointer user_data)
{
  HelFamilyList *self = user_data;
  HelFamily *family = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gint64 team_id = dropdown_id (self->team_dropdown, self->team_ids);
  gint64 caseworker_id = dropdown_id (self->caseworker_dropdown, self->caseworker_ids);

  if (g_hash_table_contains (self->hidden, &(gint64) { hel_family_get_id (family) }))
    return FALSE;

  switch (get_status_filter (self))
    {
    case STATUS_ACTIVE:
      if (family_is_ended (family))
        return FALSE;
      break;
    case STATUS_ENDED:
      if (!family_is_ended (family))
        return FALSE;
      break;
    case STATUS_ALL:
    default:
      break;
    }

  if (team_id > 0 && hel_family_get_team_id (family) != team_id)
    return FALSE;
  if (caseworker_id > 0 &&
      hel_family_get_primary_caseworker_id (family) != caseworker_id &&
      hel_family_get_secondary_caseworker_id (family) != caseworker_id)
    return FALSE;

  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);
      g_autofree char *name = g_utf8_casefold (hel_family_get_name (family), -1);

      if (strstr (name, g_strstrip (needle)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
update_stack (HelFamilyList *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->families));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (n_shown > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (n_all == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "no-match");
}

static void
set_selected_id (HelFamilyList *self,
                 gint64         id)
{
  if (self->selected_id == id)
    return;
  self->selected_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static void
selection_changed_cb (HelFamilyList *self)
{
  HelFamily *family;

  if (self->reloading)
    return;
  family = gtk_single_selection_get_selected_item (self->selection);
  set_selected_id (self, family != NULL ? hel_family_get_id (family) : 0);
}

static void
filter_changed (HelFamilyList *self)
{
  gint64 keep = self->selected_id;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
  /* A family filtered away stays selected only if it is still in view. */
  if (keep > 0 && !hel_family_list_select_family (self, keep))
    set_selected_id (self, 0);
}

static void
search_changed_cb (HelFamilyList *self)
{
  filter_changed (self);
}

static void
status_toggled_cb (HelFamilyList   *self,
                   GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    filter_changed (self);
}

/* In a list view every family is a Tab stop (GTK 4.8), so Tab would walk through all of them
 * before reaching the family page. Arrow keys move between families; Tab leaves the list:
 * forwards to the family page, backwards to the status filter above it. */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     HelFamilyList         *self)
{
  gboolean handled = FALSE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    {
      g_signal_emit (self, signals[LEAVE_LIST], 0, &handled);
      return handled;
    }
  if (keyval == GDK_KEY_ISO_Left_Tab)
    {
      /* The chosen one of Active / Ended / All */
      for (GtkWidget *toggle = gtk_widget_get_first_child (self->status_box);
           toggle != NULL; toggle = gtk_widget_get_next_sibling (toggle))
        if (GTK_IS_TOGGLE_BUTTON (toggle) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
          return gtk_widget_grab_focus (toggle);
    }
  return FALSE;
}

static void
dropdown_changed_cb (HelFamilyList *self)
{
  if (!self->reloading)
    filter_changed (self);
}

static void
list_activate_cb (HelFamilyList *self,
                  guint          position)
{
  g_autoptr(HelFamily) family = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (family == NULL)
    return;
  /* Enter on a row reached with Tab shows that family, even if it was not selected. */
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[FAMILY_ACTIVATED], 0, hel_family_get_id (family));
}

static void
search_activate_cb (HelFamilyList *self)
{
  /* Enter in the search field opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    list_activate_cb (self, 0);
}

/* Rows: name, a dim line with team and member count, an "Ended" tag. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  /* Name and pills on the first line, team and members under them across the whole row (the
   * pills beside both lines cut the second short) */
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *tag = gtk_label_new (_("Ended"));
  GtkWidget *due = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "family-row");
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "tag");
  gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (due, "due-pill");

  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), due);
  gtk_box_append (GTK_BOX (top), tag);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), detail);
  g_object_set_data (G_OBJECT (box), "due", due);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "tag", tag);
  gtk_list_item_set_child (item, box);
}

/* The plan's overdue and due-soon counts at a glance: overdue wins the colour. A family whose
 * participation has ended has nothing due any more: its row shows only "Ended" (with both
 * the name had no room). */
static void
update_due_pill (HelFamilyList *self,
                 GtkWidget     *box)
{
  GtkWidget *pill = g_object_get_data (G_OBJECT (box), "due");
  gint64 *id = g_object_get_data (G_OBJECT (box), "family-id");
  HelDueCounts *counts = id && self->due ? g_hash_table_lookup (self->due, id) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (pill, "overdue");
  gtk_widget_remove_css_class (pill, "due-soon");
  if (counts == NULL || (counts->overdue == 0 && counts->due_soon == 0) ||
      g_object_get_data (G_OBJECT (box), "ended") != NULL)
    {
      gtk_widget_set_visible (pill, FALSE);
      return;
    }
  if (counts->overdue > 0)
    {
      /* Translators: a small badge in the family list: how many goals/steps are overdue */
      text = g_strdup_printf (ngettext ("%u overdue", "%u overdue", counts->overdue), counts->overdue);
      gtk_widget_add_css_class (pill, "overdue");
    }
  else
    {
      /* Translators: a small badge in the family list: due within 14 days */
      text = g_strdup_printf (ngettext ("%u due soon", "%u due soon", counts->due_soon),
                              counts->due_soon);
      gtk_widget_add_css_class (pill, "due-soon");
    }
  gtk_label_set_text (GTK_LABEL (pill), text);
  gtk_widget_set_visible (pill, TRUE);
}

static void
reload_due (HelFamilyList *self)
{
  g_autofree char *today = hel_date_today ();
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer box;

  g_clear_pointer (&self->due, g_hash_table_unref);
  if (self->store != NULL && (self->due = hel_store_plan_due_counts (self->store, today, &error)) == NULL)
    g_warning ("Could not read the family plans' due dates: %s", error->message);
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &box, NULL))
    update_due_pill (self, box);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HelFamilyList            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  if (box != NULL)
    g_hash_table_remove (self->bound_rows, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HelFamilyList            *self)
{
  HelFamily *family = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *team = g_hash_table_lookup (self->team_names,
                                          &(gint64) { hel_family_get_team_id (family) });
  guint n = hel_family_get_member_count (family);
  g_autofree char *members = g_strdup_printf (ngettext ("%u member", "%u members", n), n);
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;
  gboolean ended = family_is_ended (family);

  detail = team != NULL ? g_strdup_printf ("%s · %s", team, members) : g_strdup (members);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "name"), hel_family_get_name (family));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "detail"), detail);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "tag"), ended);
  g_object_set_data (G_OBJECT (box), "ended", ended ? GINT_TO_POINTER (1) : NULL);
  g_object_set_data_full (G_OBJECT (box), "family-id",
                          g_memdup2 (&(gint64) { hel_family_get_id (family) }, sizeof (gint64)),
                          g_free);
  g_hash_table_add (self->bound_rows, box);
  update_due_pill (self, box);

  /* Translators: what a screen reader says for a family row: name, team and members */
  accessible = ended ? g_strdup_printf (_("%s, %s, ended"), hel_family_get_name (family), detail)
                     : g_strdup_printf (_("%s, %s"), hel_family_get_name (family), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  /* The row a screen reader lands on is the list's own item around the box (GTK 4.8 has no
   * API for its name), so it is named too. */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
reload_filters (HelFamilyList *self)
{
  g_autoptr(GtkStringList) team_strings = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) caseworker_strings = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) caseworkers = NULL;
  gint64 team_id = dropdown_id (self->team_dropdown, self->team_ids);
  gint64 caseworker_id = dropdown_id (self->caseworker_dropdown, self->caseworker_ids);
  guint team_pos = 0, caseworker_pos = 0;
  gint64 all = 0;

  g_hash_table_remove_all (self->team_names);
  g_array_set_size (self->team_ids, 0);
  g_array_set_size (self->caseworker_ids, 0);

  gtk_string_list_append (team_strings, _("All teams"));
  g_array_append_val (self->team_ids, all);
  gtk_string_list_append (caseworker_strings, _("All caseworkers"));
  g_array_append_val (self->caseworker_ids, all);

  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if ((teams = hel_store_list_teams (self->store, &error)) == NULL)
        g_warning ("Could not list the teams: %s", error->message);
      g_clear_error (&error);
      if ((caseworkers = hel_store_list_caseworkers (self->store, &error)) == NULL)
        g_warning ("Could not list the caseworkers: %s", error->message);
    }

  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      HelTeam *team = g_ptr_array_index (teams, i);
      gint64 id = hel_team_get_id (team);

      g_hash_table_insert (self->team_names, g_memdup2 (&id, sizeof id),
                           g_strdup (hel_team_get_name (team)));
      gtk_string_list_append (team_strings, hel_team_get_name (team));
      g_array_append_val (self->team_ids, id);
      if (id == team_id)
        team_pos = self->team_ids->len - 1;
    }
  for (guint i = 0; caseworkers != NULL && i < caseworkers->len; i++)
    {
      HelCaseworker *caseworker = g_ptr_array_index (caseworkers, i);
      gint64 id = hel_caseworker_get_id (caseworker);

      gtk_string_list_append (caseworker_strings, hel_caseworker_get_name (caseworker));
      g_array_append_val (self->caseworker_ids, id);
      if (id == caseworker_id)
        caseworker_pos = self->caseworker_ids->len - 1;
    }

  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (team_strings));
  gtk_drop_down_set_selected (self->team_dropdown, team_pos);
  gtk_drop_down_set_model (self->caseworker_dropdown, G_LIST_MODEL (caseworker_strings));
  gtk_drop_down_set_selected (self->caseworker_dropdown, caseworker_pos);
}

static void reload_families (HelFamilyList *self);

/**
 * hel_family_list_reload:
 *
 * Reads the families, teams and caseworkers again and keeps the selection by id.
 */
void
hel_family_list_reload (HelFamilyList *self)
{
  /* Called from outside, everything is read again. */
  self->filters_stale = TRUE;
  reload_families (self);
}

static void
reload_families (HelFamilyList *self)
{
  g_autoptr(GPtrArray) families = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep;

  keep = self->selected_id;
  self->reloading = TRUE;
  if (self->filters_stale)
    reload_filters (self);
  self->filters_stale = FALSE;
  if (self->store != NULL && (families = hel_store_list_families (self->store, &error)) == NULL)
    g_warning ("Could not list the families: %s", error->message);
  reload_due (self);
  if (families != NULL)
    g_list_store_splice (self->families, 0, g_list_model_get_n_items (G_LIST_MODEL (self->families)),
                         families->pdata, families->len);
  else
    g_list_store_remove_all (self->families);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->reloading = FALSE;

  update_stack (self);
  if (keep <= 0 || !hel_family_list_select_family (self, keep))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      set_selected_id (self, 0);
    }
}

static void
store_changed_cb (HelFamilyList *self,
                  gint64         id,
                  HelStore      *store)
{
  reload_families (self);
}

static void
store_lists_changed_cb (HelFamilyList *self,
                        gint64         id,
                        HelStore      *store)
{
  self->filters_stale = TRUE;
  reload_families (self);
}

HelStore *
hel_family_list_get_store (HelFamilyList *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY_LIST (self), NULL);
  return self->store;
}

void
hel_family_list_set_store (HelFamilyList *self,
                           HelStore      *store)
{
  g_return_if_fail (HEL_IS_FAMILY_LIST (self));
  g_return_if_fail (store == NULL || HEL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::family", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::plan", G_CALLBACK (reload_due), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::team", G_CALLBACK (store_lists_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::caseworker", G_CALLBACK (store_lists_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  self->filters_stale = TRUE;
  hel_family_list_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
hel_family_list_get_selected_id (HelFamilyList *self)
{
  g_return_val_if_fail (HEL_IS_FAMILY_LIST (self), 0);
  return self->selected_id;
}

/**
 * hel_family_list_select_family:
 *
 * Selects the family if it is in view. Returns %FALSE when the filters hide it.
 */
gboolean
hel_family_list_select_family (HelFamilyList *self,
                               gint64         family_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (HEL_IS_FAMILY_LIST (self), FALSE);

  model = G_LIST_MODEL (self->filtered);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelFamily) family = g_list_model_get_item (model, i);

      if (hel_family_get_id (family) == family_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          set_selected_id (self, family_id);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * hel_family_list_set_family_hidden:
 *
 * Hides a family whose erasure is pending (or shows it again on undo).
 */
void
hel_family_list_set_family_hidden (HelFamilyList *self,
                                   gint64         family_id,
                                   gboolean       hidden)
{
  g_return_if_fail (HEL_IS_FAMILY_LIST (self));

  if (hidden)
    g_hash_table_add (self->hidden, g_memdup2 (&family_id, sizeof family_id));
  else
    g_hash_table_remove (self->hidden, &family_id);
  filter_changed (self);
}

void
hel_family_list_focus_search (HelFamilyList *self)
{
  g_return_if_fail (HEL_IS_FAMILY_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
hel_family_list_clear_filters (HelFamilyList *self)
{
  g_return_if_fail (HEL_IS_FAMILY_LIST (self));

  self->reloading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->team_dropdown, 0);
  gtk_drop_down_set_selected (self->caseworker_dropdown, 0);
  gtk_toggle_button_set_active (self->active_toggle, TRUE);
  self->reloading = FALSE;
  filter_changed (self);
}

static void
hel_family_list_dispose (GObject *object)
{
  GtkWidget *child;
  HelFamilyList *self = HEL_FAMILY_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEL_TYPE_FAMILY_LIST);
  /* The template's root box has no id, so dispose_template leaves it to us. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  G_OBJECT_CLASS (hel_family_list_parent_class)->dispose (object);
}

static void
hel_family_list_finalize (GObject *object)
{
  HelFamilyList *self = HEL_FAMILY_LIST (object);

  g_clear_pointer (&self->team_names, g_hash_table_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->due, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->caseworker_ids, g_array_unref);
  G_OBJECT_CLASS (hel_family_list_parent_class)->finalize (object);
}

static void
hel_family_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HelFamilyList *self = HEL_FAMILY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_family_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HelFamilyList *self = HEL_FAMILY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      hel_family_list_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hel_family_list_class_init (HelFamilyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hel_family_list_dispose;
  object_class->finalize = hel_family_list_finalize;
  object_class->get_property = hel_family_list_get_property;
  object_class->set_property = hel_family_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HEL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The person chose a family (Enter or a click): show it, also when the leaflet is folded. */
  signals[FAMILY_ACTIVATED] =
    g_signal_new ("family-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Tab in the list: the focus goes on to what is beside it (the window puts it on the family
   * page). Returns TRUE when it went. */
  signals[LEAVE_LIST] =
    g_signal_new ("leave-list", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hel-family-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HelFamilyList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyList, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyList, caseworker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyList, active_toggle);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyList, status_box);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyList, ended_toggle);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyList, list_view);
  gtk_widget_class_bind_template_child (widget_class, HelFamilyList, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   HelFamilyList   *self)
{
  /* A click on the already selected family still shows it when the leaflet is folded. */
  if (self->selected_id > 0)
    g_signal_emit (self, signals[FAMILY_ACTIVATED], 0, self->selected_id);
}

static void
hel_family_list_init (HelFamilyList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *key;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->team_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->caseworker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->families = g_list_store_new (HEL_TYPE_FAMILY);
  self->filter = gtk_custom_filter_new (family_filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->families),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect_after (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), key);

  g_signal_connect_swapped (self->team_dropdown, "notify::selected",
                            G_CALLBACK (dropdown_changed_cb), self);
  g_signal_connect_swapped (self->caseworker_dropdown, "notify::selected",
                            G_CALLBACK (dropdown_changed_cb), self);
  reload_filters (self);
  update_stack (self);
}

GtkWidget *
_hel_family_list_get_list_view (HelFamilyList *self)
{
  return GTK_WIDGET (self->list_view);
}
