/* hel-netmap-page-popovers.c: the network map page's popovers: adding a person or a tie,
 * editing a person (name, sector, ring, kind, actor, colour, note, ties) or a tie. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hel-netmap-page-private.h"
#include "hel-store-netmap.h"

#define PART_PREFIX "hel-netmap-part-"

/* Colours a person can have: name for the screen reader, value as stored. */
static const struct {
  const char *name;
  const char *value;
} swatches[] = {
  { N_("Default colour"), NULL },
  { N_("Blue"), "#62a0ea" },
  { N_("Green"), "#57e389" },
  { N_("Yellow"), "#f8e45c" },
  { N_("Orange"), "#ffa348" },
  { N_("Red"), "#ed333b" },
  { N_("Purple"), "#c061cb" },
  { N_("Brown"), "#cdab8f" },
  { N_("Grey"), "#c0bfbc" },
};

void
_hel_netmap_page_append_swatch_css (GString *css)
{
  for (guint i = 1; i < G_N_ELEMENTS (swatches); i++)
    g_string_append_printf (css, ".hel-netmap-swatch-%u { background: %s; }", i, swatches[i].value);
}

/* ---- small helpers ---- */

static void
set_part (GtkWidget  *popover,
          const char *part,
          gpointer    widget)
{
  g_autofree char *key = g_strconcat (PART_PREFIX, part, NULL);
  g_object_set_data (G_OBJECT (popover), key, widget);
}

GtkWidget *
_hel_netmap_page_popover_part (GtkWidget  *popover,
                               const char *part)
{
  g_autofree char *key = g_strconcat (PART_PREFIX, part, NULL);

  g_return_val_if_fail (GTK_IS_POPOVER (popover), NULL);
  return g_object_get_data (G_OBJECT (popover), key);
}

/* Marks a field wrong and says why, right below it and to the screen reader; NULL clears. */
static void
show_field_error (GtkWidget    *field,
                  GtkLabel     *label,
                  const GError *error)
{
  if (field != NULL)
    {
      if (error != NULL)
        {
          gtk_widget_add_css_class (field, "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
          gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_widget_remove_css_class (field, "error");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (field),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
  if (label != NULL)
    {
      gtk_label_set_text (label, error ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
    }
}

static GtkWidget *
error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

static GtkWidget *
field_label_new (const char *text,
                 GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  return label;
}

static GtkDropDown *
drop_down_new (const char * const *labels,
               guint               n)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (strings, labels[i]);
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL));
}

static GtkDropDown *
sector_drop_down_new (void)
{
  const char *labels[HEL_NETMAP_N_SECTORS];

  for (guint i = 0; i < HEL_NETMAP_N_SECTORS; i++)
    labels[i] = hel_netmap_sector_label (i);
  return drop_down_new (labels, HEL_NETMAP_N_SECTORS);
}

static GtkDropDown *
ring_drop_down_new (void)
{
  const char *labels[HEL_NETMAP_N_RINGS];

  for (guint i = 0; i < HEL_NETMAP_N_RINGS; i++)
    labels[i] = hel_netmap_ring_label (i);
  return drop_down_new (labels, HEL_NETMAP_N_RINGS);
}

static GtkDropDown *
kind_drop_down_new (void)
{
  const char *labels[HEL_NETMAP_N_NODE_KINDS];

  for (guint i = 0; i < HEL_NETMAP_N_NODE_KINDS; i++)
    labels[i] = hel_netmap_node_kind_label (i);
  return drop_down_new (labels, HEL_NETMAP_N_NODE_KINDS);
}

static GtkDropDown *
tie_kind_drop_down_new (void)
{
  const char *labels[HEL_NETMAP_N_TIE_KINDS];

  for (guint i = 0; i < HEL_NETMAP_N_TIE_KINDS; i++)
    labels[i] = hel_netmap_tie_kind_label (i);
  return drop_down_new (labels, HEL_NETMAP_N_TIE_KINDS);
}

/* ---- popovers ---- */

static void
popover_closed_cb (GtkPopover    *popover,
                   HelNetmapPage *self)
{
  if (self->popover == GTK_WIDGET (popover))
    self->popover = NULL;
}

static gboolean
unparent_idle_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
canvas_popover_closed_cb (GtkPopover *popover)
{
  /* Not from inside its own "closed": the popover's buttons may still be mid-signal. */
  g_idle_add (unparent_idle_cb, g_object_ref (popover));
}

static GtkWidget *
popover_new (HelNetmapPage *self,
             const char    *heading,
             GtkWidget    **box_out)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (heading);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  g_signal_connect_object (popover, "closed", G_CALLBACK (popover_closed_cb), self, 0);
  *box_out = box;
  return popover;
}

/* Shows @popover on the canvas, pointing at @rect (widget pixels). */
void
_hel_netmap_page_popup_on_canvas (HelNetmapPage      *self,
                                  GtkWidget          *popover,
                                  const GdkRectangle *rect)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_set_parent (popover, GTK_WIDGET (self->canvas));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), rect);
  g_signal_connect (popover, "closed", G_CALLBACK (canvas_popover_closed_cb), NULL);
  self->popover = popover;
  gtk_popover_popup (GTK_POPOVER (popover));
}

static GtkWidget *
button_row_new (GtkWidget *start,
                GtkWidget *end)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_hexpand (spacer, TRUE);
  if (start != NULL)
    gtk_box_append (GTK_BOX (row), start);
  gtk_box_append (GTK_BOX (row), spacer);
  gtk_box_append (GTK_BOX (row), end);
  return row;
}

/* -- adding a person -- */

static void
add_apply_cb (GtkWidget *button,
              GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  GtkWidget *name = _hel_netmap_page_popover_part (popover, "name");
  GtkWidget *sector = _hel_netmap_page_popover_part (popover, "sector");
  GtkWidget *ring = _hel_netmap_page_popover_part (popover, "ring");
  GtkWidget *kind = _hel_netmap_page_popover_part (popover, "kind");
  GtkWidget *actor = _hel_netmap_page_popover_part (popover, "actor");
  GtkLabel *error_label = GTK_LABEL (_hel_netmap_page_popover_part (popover, "error"));
  double *at = g_object_get_data (G_OBJECT (popover), "hel-netmap-at");
  g_autoptr(GError) error = NULL;
  double x, y;
  gint64 id;

  if (at != NULL)
    {
      x = at[0];
      y = at[1];
    }
  else
    _hel_netmap_page_free_spot (self, gtk_drop_down_get_selected (GTK_DROP_DOWN (sector)),
                                gtk_drop_down_get_selected (GTK_DROP_DOWN (ring)), &x, &y);
  id = _hel_netmap_page_add_node (self, gtk_editable_get_text (GTK_EDITABLE (name)), x, y,
                                  gtk_drop_down_get_selected (GTK_DROP_DOWN (kind)),
                                  gtk_editable_get_text (GTK_EDITABLE (actor)), &error);
  show_field_error (name, error_label, error);
  if (id > 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (name), "");
      gtk_popover_popdown (GTK_POPOVER (popover));
    }
  else
    gtk_widget_grab_focus (name);
}

static void
add_name_activate_cb (GtkEntry  *entry,
                      GtkWidget *popover)
{
  add_apply_cb (NULL, popover);
}

/* @at: the map position of a double click, or NULL to choose a sector and ring. */
GtkWidget *
_hel_netmap_page_add_popover_new (HelNetmapPage *self,
                                  const double  *at)
{
  GtkWidget *box, *popover = popover_new (self, _("Add a Person"), &box);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *error = error_label_new ();
  GtkWidget *kind = GTK_WIDGET (kind_drop_down_new ());
  GtkWidget *actor = gtk_entry_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Add"));

  g_object_set_data (G_OBJECT (popover), "hel-netmap-page", self);
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("e.g. Grandma Inge"));
  gtk_entry_set_activates_default (GTK_ENTRY (name), FALSE);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Name"), name));
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), error);

  if (at != NULL)
    {
      g_autofree char *place = _hel_netmap_page_describe_place (at[0], at[1]);
      GtkWidget *where = gtk_label_new (place);

      gtk_label_set_xalign (GTK_LABEL (where), 0);
      gtk_widget_add_css_class (where, "dim-label");
      gtk_box_append (GTK_BOX (box), where);
      g_object_set_data_full (G_OBJECT (popover), "hel-netmap-at", g_memdup2 (at, 2 * sizeof *at),
                              g_free);
    }
  else
    {
      GtkWidget *sector = GTK_WIDGET (sector_drop_down_new ());
      GtkWidget *ring = GTK_WIDGET (ring_drop_down_new ());
      gint64 selected = hel_netmap_canvas_get_selected_node (self->canvas);
      HelNetmapNode *near = selected > 0 && self->map ? hel_netmap_find_node (self->map, selected)
                                                       : NULL;

      /* Next to the person selected: the family's members are added one after the other. */
      gtk_drop_down_set_selected (GTK_DROP_DOWN (sector),
                                  near ? hel_netmap_sector_at (near->x, near->y)
                                       : HEL_NETMAP_SECTOR_FAMILY);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (ring),
                                  near ? MIN (hel_netmap_ring_at (near->x, near->y),
                                              HEL_NETMAP_RING_AVAILABLE)
                                       : HEL_NETMAP_RING_EFFECTIVE);
      gtk_box_append (GTK_BOX (box), field_label_new (_("_Sector"), sector));
      gtk_box_append (GTK_BOX (box), sector);
      gtk_box_append (GTK_BOX (box), field_label_new (_("_Closeness"), ring));
      gtk_box_append (GTK_BOX (box), ring);
      set_part (popover, "sector", sector);
      set_part (popover, "ring", ring);
    }
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Kind"), kind));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_entry_set_placeholder_text (GTK_ENTRY (actor), _("e.g. Jobcenter, PPR, Mentor"));
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Actor (optional)"), actor));
  gtk_box_append (GTK_BOX (box), actor);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_box_append (GTK_BOX (box), button_row_new (NULL, apply));

  set_part (popover, "name", name);
  set_part (popover, "kind", kind);
  set_part (popover, "actor", actor);
  set_part (popover, "error", error);
  set_part (popover, "apply", apply);
  g_signal_connect (apply, "clicked", G_CALLBACK (add_apply_cb), popover);
  g_signal_connect (name, "activate", G_CALLBACK (add_name_activate_cb), popover);
  g_signal_connect (actor, "activate", G_CALLBACK (add_name_activate_cb), popover);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), apply);
  return popover;
}

void
_hel_netmap_page_add_button_create_popup_cb (GtkMenuButton *button,
                                             gpointer       data)
{
  HelNetmapPage *self = data;
  GtkWidget *popover = _hel_netmap_page_add_popover_new (self, NULL);

  if (self->popover != NULL && self->popover != popover)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_menu_button_set_popover (button, popover);
  self->popover = popover;
}

/* -- adding a tie -- */

static GArray *
tie_choices (HelNetmapPage *self,
             GtkDropDown   *drop_down,
             gboolean       with_centre)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) order = hel_netmap_canvas_sorted_nodes (self->map);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (with_centre)
    {
      g_autofree char *centre = g_strdup_printf (_("%s (the centre)"),
                                                 _hel_netmap_page_person_name (self, 0));
      gtk_string_list_append (strings, centre);
      g_array_append_val (ids, (gint64) { 0 });
    }
  for (guint i = 0; i < order->len; i++)
    {
      HelNetmapNode *node = order->pdata[i];
      gtk_string_list_append (strings, node->name);
      g_array_append_val (ids, node->id);
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (strings));
  gtk_drop_down_set_enable_search (drop_down, TRUE);
  {
    /* The drop-down takes its own reference. */
    g_autoptr(GtkExpression) by_name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                                     "string");
    gtk_drop_down_set_expression (drop_down, by_name);
  }
  return ids;
}

static gint64
chosen_id (GtkWidget *drop_down)
{
  GArray *ids = g_object_get_data (G_OBJECT (drop_down), "hel-netmap-ids");
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));

  return ids && i < ids->len ? g_array_index (ids, gint64, i) : -1;
}

static void
select_id (GtkWidget *drop_down,
           gint64     id)
{
  GArray *ids = g_object_get_data (G_OBJECT (drop_down), "hel-netmap-ids");

  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
}

static void
add_tie_apply_cb (GtkWidget *button,
                  GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  GtkWidget *from = _hel_netmap_page_popover_part (popover, "from");
  GtkWidget *to = _hel_netmap_page_popover_part (popover, "to");
  GtkWidget *kind = _hel_netmap_page_popover_part (popover, "tie-kind");
  GtkLabel *error_label = GTK_LABEL (_hel_netmap_page_popover_part (popover, "error"));
  g_autoptr(GError) error = NULL;
  gint64 a = chosen_id (from), b = chosen_id (to);

  if (a < 0 || b < 0)
    g_set_error_literal (&error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_NO_SUCH_NODE,
                         _("Add people to the map first, then tie them together."));
  else
    _hel_netmap_page_connect_people (self, a, b,
                                     gtk_drop_down_get_selected (GTK_DROP_DOWN (kind)), &error);
  show_field_error (to, error_label, error);
  if (error == NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
add_tie_popover_new (HelNetmapPage *self)
{
  GtkWidget *box, *popover = popover_new (self, _("Add a Tie"), &box);
  GtkWidget *from = gtk_drop_down_new (NULL, NULL);
  GtkWidget *to = gtk_drop_down_new (NULL, NULL);
  GtkWidget *kind = GTK_WIDGET (tie_kind_drop_down_new ());
  GtkWidget *error = error_label_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Add Tie"));
  gint64 selected = hel_netmap_canvas_get_selected_node (self->canvas);

  g_object_set_data (G_OBJECT (popover), "hel-netmap-page", self);
  g_object_set_data_full (G_OBJECT (from), "hel-netmap-ids",
                          tie_choices (self, GTK_DROP_DOWN (from), TRUE),
                          (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (to), "hel-netmap-ids",
                          tie_choices (self, GTK_DROP_DOWN (to), FALSE),
                          (GDestroyNotify) g_array_unref);
  /* From the centre to the person selected: the most common tie. */
  select_id (from, 0);
  if (selected > 0)
    select_id (to, selected);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), HEL_NETMAP_TIE_NORMAL);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_From"), from));
  gtk_box_append (GTK_BOX (box), from);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_To"), to));
  gtk_box_append (GTK_BOX (box), to);
  gtk_box_append (GTK_BOX (box), error);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Kind of tie"), kind));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_box_append (GTK_BOX (box), button_row_new (NULL, apply));
  set_part (popover, "from", from);
  set_part (popover, "to", to);
  set_part (popover, "tie-kind", kind);
  set_part (popover, "error", error);
  set_part (popover, "apply", apply);
  g_signal_connect (apply, "clicked", G_CALLBACK (add_tie_apply_cb), popover);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), apply);
  return popover;
}

void
_hel_netmap_page_tie_button_create_popup_cb (GtkMenuButton *button,
                                             gpointer       data)
{
  HelNetmapPage *self = data;
  GtkWidget *popover = add_tie_popover_new (self);

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_menu_button_set_popover (button, popover);
  self->popover = popover;
}

/* -- editing a tie -- */

static const char *
arrow_label (HelNetmapArrow arrow)
{
  switch (arrow)
    {
    case HEL_NETMAP_ARROW_FORWARD: return _("Support flows one way (→)");
    case HEL_NETMAP_ARROW_BACK: return _("Support flows the other way (←)");
    case HEL_NETMAP_ARROW_BOTH: return _("Support flows both ways (↔)");
    case HEL_NETMAP_ARROW_NONE:
    case HEL_NETMAP_N_ARROWS:
    default: return _("No arrow");
    }
}

static void
tie_changed_cb (GtkWidget *drop_down,
                GParamSpec *pspec,
                GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  gint64 tie_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (drop_down), "hel-netmap-tie"));
  GtkWidget *kind = g_object_get_data (G_OBJECT (drop_down), "hel-netmap-kind");
  GtkWidget *arrow = g_object_get_data (G_OBJECT (drop_down), "hel-netmap-arrow");
  HelNetmapTie *tie = self->map ? hel_netmap_find_tie (self->map, tie_id) : NULL;
  g_autoptr(HelNetmapTie) edited = NULL;
  g_autoptr(GError) error = NULL;

  if (tie == NULL)
    return;
  edited = hel_netmap_tie_copy (tie);
  if (kind != NULL)
    edited->kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (kind));
  if (arrow != NULL)
    edited->arrow = gtk_drop_down_get_selected (GTK_DROP_DOWN (arrow));
  if (edited->kind == tie->kind && edited->arrow == tie->arrow)
    return;
  if (!_hel_netmap_page_save_tie (self, edited, &error))
    _hel_netmap_page_show_error (self, error);
}

static void
tie_delete_cb (GtkWidget *button,
               GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  gint64 tie_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "hel-netmap-tie"));

  if (g_object_get_data (G_OBJECT (button), "hel-netmap-closes") != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  else
    gtk_widget_set_visible (gtk_widget_get_parent (button), FALSE);
  _hel_netmap_page_delete_tie (self, tie_id);
}

/* The kind (and arrow) choosers of one tie, saved as soon as they change. */
static void
tie_controls (HelNetmapPage *self,
              GtkWidget     *popover,
              HelNetmapTie  *tie,
              GtkWidget    **kind_out,
              GtkWidget    **arrow_out)
{
  GtkWidget *kind = GTK_WIDGET (tie_kind_drop_down_new ());

  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), tie->kind);
  g_object_set_data (G_OBJECT (kind), "hel-netmap-tie", GSIZE_TO_POINTER (tie->id));
  g_object_set_data (G_OBJECT (kind), "hel-netmap-kind", kind);
  *kind_out = kind;
  if (arrow_out != NULL)
    {
      const char *labels[HEL_NETMAP_N_ARROWS];
      GtkWidget *arrow;

      for (guint i = 0; i < HEL_NETMAP_N_ARROWS; i++)
        labels[i] = arrow_label (i);
      arrow = GTK_WIDGET (drop_down_new (labels, HEL_NETMAP_N_ARROWS));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (arrow), tie->arrow);
      g_object_set_data (G_OBJECT (arrow), "hel-netmap-tie", GSIZE_TO_POINTER (tie->id));
      g_object_set_data (G_OBJECT (arrow), "hel-netmap-kind", kind);
      g_object_set_data (G_OBJECT (arrow), "hel-netmap-arrow", arrow);
      g_object_set_data (G_OBJECT (kind), "hel-netmap-arrow", arrow);
      g_signal_connect (arrow, "notify::selected", G_CALLBACK (tie_changed_cb), popover);
      *arrow_out = arrow;
    }
  g_signal_connect (kind, "notify::selected", G_CALLBACK (tie_changed_cb), popover);
}

static GtkWidget *
tie_popover_new (HelNetmapPage *self,
                 HelNetmapTie  *tie)
{
  g_autofree char *heading = g_strdup_printf (_("Tie: %s – %s"),
                                              _hel_netmap_page_person_name (self, tie->from_id),
                                              _hel_netmap_page_person_name (self, tie->to_id));
  GtkWidget *box, *popover = popover_new (self, heading, &box);
  GtkWidget *kind, *arrow;
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Tie"));

  g_object_set_data (G_OBJECT (popover), "hel-netmap-page", self);
  tie_controls (self, popover, tie, &kind, &arrow);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Kind of tie"), kind));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Direction of support"), arrow));
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_set_data (G_OBJECT (remove), "hel-netmap-tie", GSIZE_TO_POINTER (tie->id));
  g_object_set_data (G_OBJECT (remove), "hel-netmap-closes", GINT_TO_POINTER (1));
  g_signal_connect (remove, "clicked", G_CALLBACK (tie_delete_cb), popover);
  gtk_box_append (GTK_BOX (box), button_row_new (remove, gtk_label_new (NULL)));
  set_part (popover, "tie-kind", kind);
  set_part (popover, "arrow", arrow);
  set_part (popover, "delete", remove);
  return popover;
}

void
_hel_netmap_page_edit_tie (HelNetmapPage *self,
                           gint64         tie_id)
{
  HelNetmapTie *tie = self->map ? hel_netmap_find_tie (self->map, tie_id) : NULL;
  GdkRectangle rect;

  if (tie == NULL || !hel_netmap_canvas_get_tie_rect (self->canvas, tie_id, &rect))
    return;
  _hel_netmap_page_popup_on_canvas (self, tie_popover_new (self, tie), &rect);
}

/* -- editing a person -- */

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
nonempty (char *text)
{
  if (text != NULL && *g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Saves what the person editor shows when it differs from the map. @closing: the editor is
 * going away, so an empty name keeps the old one rather than losing the other changes. */
static gboolean
apply_node_editor (GtkWidget *popover,
                   gboolean   closing)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  gint64 node_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (popover), "hel-netmap-node"));
  GtkWidget *name = _hel_netmap_page_popover_part (popover, "name");
  GtkLabel *error_label = GTK_LABEL (_hel_netmap_page_popover_part (popover, "error"));
  HelNetmapNode *node = self->map ? hel_netmap_find_node (self->map, node_id) : NULL;
  g_autoptr(HelNetmapNode) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_name = NULL;

  if (node == NULL || g_object_get_data (G_OBJECT (popover), "hel-netmap-deleted"))
    return TRUE;
  edited = hel_netmap_node_copy (node);
  new_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name))));
  if (*new_name == '\0' && closing)
    {
      g_autofree char *message = g_strdup_printf (_("A person needs a name, so “%s” kept it."),
                                                  node->name);
      _hel_netmap_page_show_message (self, message, FALSE);
    }
  else
    {
      g_free (edited->name);
      edited->name = g_steal_pointer (&new_name);
    }
  edited->kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (_hel_netmap_page_popover_part (popover,
                                                                                         "kind")));
  g_free (edited->actor);
  edited->actor = nonempty (g_strdup (gtk_editable_get_text (
                                        GTK_EDITABLE (_hel_netmap_page_popover_part (popover,
                                                                                     "actor")))));
  g_free (edited->note);
  edited->note = nonempty (text_view_text (GTK_TEXT_VIEW (_hel_netmap_page_popover_part (popover,
                                                                                         "note"))));
  g_free (edited->colour);
  edited->colour = g_strdup (g_object_get_data (G_OBJECT (popover), "hel-netmap-colour"));

  if (g_strcmp0 (edited->name, node->name) == 0 && edited->kind == node->kind &&
      g_strcmp0 (edited->actor, node->actor) == 0 && g_strcmp0 (edited->note, node->note) == 0 &&
      g_strcmp0 (edited->colour, node->colour) == 0)
    {
      show_field_error (name, error_label, NULL);
      return TRUE;
    }
  _hel_netmap_page_save_node (self, edited, &error);
  if (closing && error != NULL)
    _hel_netmap_page_show_error (self, error);
  else
    show_field_error (name, error_label, error);
  return error == NULL;
}

static void
node_field_activate_cb (GtkWidget *field,
                        GtkWidget *popover)
{
  if (apply_node_editor (popover, FALSE))
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
node_choice_changed_cb (GtkWidget  *widget,
                        GParamSpec *pspec,
                        GtkWidget  *popover)
{
  if (!g_object_get_data (G_OBJECT (popover), "hel-netmap-loading"))
    apply_node_editor (popover, FALSE);
}

static void
swatch_toggled_cb (GtkToggleButton *button,
                   GtkWidget       *popover)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  g_object_set_data_full (G_OBJECT (popover), "hel-netmap-colour",
                          g_strdup (g_object_get_data (G_OBJECT (button), "hel-netmap-value")),
                          g_free);
  node_choice_changed_cb (GTK_WIDGET (button), NULL, popover);
}

static void
node_editor_closed_cb (GtkPopover *popover)
{
  apply_node_editor (GTK_WIDGET (popover), TRUE);
}

static void
node_delete_cb (GtkWidget *button,
                GtkWidget *popover)
{
  HelNetmapPage *self = g_object_get_data (G_OBJECT (popover), "hel-netmap-page");
  gint64 node_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (popover), "hel-netmap-node"));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (ids, node_id);
  g_object_set_data (G_OBJECT (popover), "hel-netmap-deleted", GINT_TO_POINTER (1));
  gtk_popover_popdown (GTK_POPOVER (popover));
  _hel_netmap_page_delete_nodes (self, ids);
}

static void
node_done_cb (GtkWidget *button,
              GtkWidget *popover)
{
  node_field_activate_cb (button, popover);
}

static GtkWidget *
swatch_box_new (GtkWidget     *popover,
                HelNetmapNode *node)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkToggleButton *group = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (swatches); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      g_autofree char *css = g_strdup_printf ("hel-netmap-swatch-%u", i);

      gtk_widget_add_css_class (button, "hel-netmap-swatch");
      gtk_widget_add_css_class (button, css);
      gtk_widget_set_tooltip_text (button, _(swatches[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(swatches[i].name), -1);
      if (swatches[i].value == NULL)
        gtk_button_set_icon_name (GTK_BUTTON (button), "edit-clear-symbolic");
      g_object_set_data (G_OBJECT (button), "hel-netmap-value", (gpointer) swatches[i].value);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      if (g_ascii_strcasecmp (node->colour ? node->colour : "",
                              swatches[i].value ? swatches[i].value : "") == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      g_signal_connect (button, "toggled", G_CALLBACK (swatch_toggled_cb), popover);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static GtkWidget *
node_ties_box_new (HelNetmapPage *self,
                   GtkWidget     *popover,
                   HelNetmapNode *node)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  for (guint i = 0; i < self->map->ties->len; i++)
    {
      HelNetmapTie *tie = self->map->ties->pdata[i];
      gint64 other = tie->from_id == node->id ? tie->to_id : tie->from_id;
      g_autofree char *remove_label = NULL;
      GtkWidget *row, *label, *kind, *remove;

      if (tie->from_id != node->id && tie->to_id != node->id)
        continue;
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (_hel_netmap_page_person_name (self, other));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      tie_controls (self, popover, tie, &kind, NULL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (remove, "flat");
      remove_label = g_strdup_printf (_("Remove the tie to %s"),
                                      _hel_netmap_page_person_name (self, other));
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "hel-netmap-tie", GSIZE_TO_POINTER (tie->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (tie_delete_cb), popover);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), kind);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_box_append (GTK_BOX (box), row);
    }
  if (gtk_widget_get_first_child (box) == NULL)
    {
      GtkWidget *none = gtk_label_new (_("No ties yet. Drag the + beside the person onto someone "
                                         "on the map, or use Add Tie."));
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (none), 34);
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
  return box;
}

static GtkWidget *
node_popover_new (HelNetmapPage *self,
                  HelNetmapNode *node)
{
  GtkWidget *box, *popover = popover_new (self, _("Edit Person"), &box);
  g_autofree char *place = _hel_netmap_page_describe_place (node->x, node->y);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *error = error_label_new ();
  GtkWidget *where = gtk_label_new (place);
  GtkWidget *kind = GTK_WIDGET (kind_drop_down_new ());
  GtkWidget *actor = gtk_entry_new ();
  GtkWidget *note = gtk_text_view_new ();
  GtkWidget *note_frame = gtk_frame_new (NULL);
  GtkWidget *colours = swatch_box_new (popover, node);
  GtkWidget *ties_heading = gtk_label_new (_("Ties"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Person"));
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));
  GtkWidget *colour_label = gtk_label_new (_("Colour"));

  g_object_set_data (G_OBJECT (popover), "hel-netmap-page", self);
  g_object_set_data (G_OBJECT (popover), "hel-netmap-node", GSIZE_TO_POINTER (node->id));
  g_object_set_data (G_OBJECT (popover), "hel-netmap-loading", GINT_TO_POINTER (1));
  g_object_set_data_full (G_OBJECT (popover), "hel-netmap-colour", g_strdup (node->colour), g_free);

  gtk_editable_set_text (GTK_EDITABLE (name), node->name);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Name"), name));
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), error);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (box), where);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), node->kind);
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Kind"), kind));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_editable_set_text (GTK_EDITABLE (actor), node->actor ? node->actor : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (actor), _("e.g. Jobcenter, PPR, Mentor"));
  gtk_box_append (GTK_BOX (box), field_label_new (_("_Actor (optional)"), actor));
  gtk_box_append (GTK_BOX (box), actor);

  gtk_label_set_xalign (GTK_LABEL (colour_label), 0);
  gtk_widget_add_css_class (colour_label, "caption-heading");
  gtk_box_append (GTK_BOX (box), colour_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (colours), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Colour"), -1);
  gtk_box_append (GTK_BOX (box), colours);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note)),
                            node->note ? node->note : "", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (note), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (note), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (note), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (note), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (note), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (note), 6);
  gtk_widget_set_size_request (note, -1, 60);
  gtk_frame_set_child (GTK_FRAME (note_frame), note);
  gtk_box_append (GTK_BOX (box), field_label_new (_("N_ote"), note));
  gtk_box_append (GTK_BOX (box), note_frame);

  gtk_label_set_xalign (GTK_LABEL (ties_heading), 0);
  gtk_widget_add_css_class (ties_heading, "caption-heading");
  gtk_widget_set_margin_top (ties_heading, 6);
  gtk_box_append (GTK_BOX (box), ties_heading);
  gtk_box_append (GTK_BOX (box), node_ties_box_new (self, popover, node));

  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_add_css_class (done, "suggested-action");
  gtk_box_append (GTK_BOX (box), button_row_new (remove, done));

  set_part (popover, "name", name);
  set_part (popover, "error", error);
  set_part (popover, "kind", kind);
  set_part (popover, "actor", actor);
  set_part (popover, "note", note);
  set_part (popover, "delete", remove);
  set_part (popover, "apply", done);
  g_signal_connect (name, "activate", G_CALLBACK (node_field_activate_cb), popover);
  g_signal_connect (actor, "activate", G_CALLBACK (node_field_activate_cb), popover);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (node_choice_changed_cb), popover);
  g_signal_connect (remove, "clicked", G_CALLBACK (node_delete_cb), popover);
  g_signal_connect (done, "clicked", G_CALLBACK (node_done_cb), popover);
  /* Runs before the page forgets the popover, so typing is saved when it closes. */
  g_signal_connect (popover, "closed", G_CALLBACK (node_editor_closed_cb), NULL);
  g_object_set_data (G_OBJECT (popover), "hel-netmap-loading", NULL);
  return popover;
}

void
_hel_netmap_page_edit_node (HelNetmapPage *self,
                            gint64         node_id)
{
  HelNetmapNode *node = self->map ? hel_netmap_find_node (self->map, node_id) : NULL;
  GdkRectangle rect;

  if (node == NULL || !hel_netmap_canvas_get_node_rect (self->canvas, node_id, &rect))
    return;
  _hel_netmap_page_popup_on_canvas (self, node_popover_new (self, node), &rect);
}

void
_hel_netmap_page_row_edit_create_popup_cb (GtkMenuButton *button,
                                           gpointer       data)
{
  HelNetmapPage *self = data;
  gint64 node_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), ROW_ID_KEY));
  HelNetmapNode *node = self->map ? hel_netmap_find_node (self->map, node_id) : NULL;
  GtkWidget *popover;

  if (node == NULL)
    return;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  popover = node_popover_new (self, node);
  gtk_menu_button_set_popover (button, popover);
  self->popover = popover;
}
