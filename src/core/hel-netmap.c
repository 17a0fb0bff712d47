/* hel-netmap.c: the network map model: construction, geometry, view transforms, checks, JSON. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hel-json-read.h"
#include "hel-netmap.h"

G_DEFINE_QUARK (hel-netmap-error-quark, hel_netmap_error)
G_DEFINE_BOXED_TYPE (HelNetmap, hel_netmap, hel_netmap_copy, hel_netmap_free)

#define NETMAP_JSON_FORMAT "helhed-netmap"
#define NETMAP_JSON_VERSION 1

static const struct { const char *code; const char *label; } sectors[HEL_NETMAP_N_SECTORS] = {
  { "family", NC_("netmap", "Family") },
  { "friends", NC_("netmap", "Friends and network") },
  { "school-work", NC_("netmap", "School and work") },
  { "professionals", NC_("netmap", "Professionals") },
};

static const struct { const char *code; const char *label; } rings[HEL_NETMAP_N_RINGS + 1] = {
  { "close", NC_("netmap", "Close") },
  { "effective", NC_("netmap", "Effective") },
  { "available", NC_("netmap", "Available") },
  { "outside", NC_("netmap", "Outside the rings") },
};

static const struct { const char *code; const char *label; } node_kinds[HEL_NETMAP_N_NODE_KINDS] = {
  { "private", NC_("netmap", "Private") },
  { "professional", NC_("netmap", "Professional") },
};

static const struct { const char *code; const char *label; } tie_kinds[HEL_NETMAP_N_TIE_KINDS] = {
  { "strong", NC_("netmap", "Strong") },
  { "normal", NC_("netmap", "Normal") },
  { "weak", NC_("netmap", "Weak") },
  { "stressful", NC_("netmap", "Stressful") },
  { "conflict", NC_("netmap", "Conflict") },
  { "broken", NC_("netmap", "Broken off") },
};

static const char *arrows[HEL_NETMAP_N_ARROWS] = { "none", "forward", "back", "both" };

/* ---- names and codes ---- */

const char *
hel_netmap_sector_label (HelNetmapSector sector)
{
  g_return_val_if_fail ((guint) sector < HEL_NETMAP_N_SECTORS, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "netmap", sectors[sector].label);
}

const char *
hel_netmap_sector_to_code (HelNetmapSector sector)
{
  g_return_val_if_fail ((guint) sector < HEL_NETMAP_N_SECTORS, NULL);
  return sectors[sector].code;
}

const char *
hel_netmap_ring_label (HelNetmapRing ring)
{
  g_return_val_if_fail ((guint) ring <= HEL_NETMAP_RING_OUTSIDE, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "netmap", rings[ring].label);
}

const char *
hel_netmap_ring_to_code (HelNetmapRing ring)
{
  g_return_val_if_fail ((guint) ring <= HEL_NETMAP_RING_OUTSIDE, NULL);
  return rings[ring].code;
}

const char *
hel_netmap_node_kind_label (HelNetmapNodeKind kind)
{
  g_return_val_if_fail ((guint) kind < HEL_NETMAP_N_NODE_KINDS, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "netmap", node_kinds[kind].label);
}

const char *
hel_netmap_node_kind_to_code (HelNetmapNodeKind kind)
{
  g_return_val_if_fail ((guint) kind < HEL_NETMAP_N_NODE_KINDS, NULL);
  return node_kinds[kind].code;
}

gboolean
hel_netmap_node_kind_from_code (const char        *code,
                                HelNetmapNodeKind *kind)
{
  for (guint i = 0; code != NULL && i < HEL_NETMAP_N_NODE_KINDS; i++)
    if (g_str_equal (code, node_kinds[i].code))
      {
        *kind = (HelNetmapNodeKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_netmap_tie_kind_label (HelNetmapTieKind kind)
{
  g_return_val_if_fail ((guint) kind < HEL_NETMAP_N_TIE_KINDS, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "netmap", tie_kinds[kind].label);
}

const char *
hel_netmap_tie_kind_to_code (HelNetmapTieKind kind)
{
  g_return_val_if_fail ((guint) kind < HEL_NETMAP_N_TIE_KINDS, NULL);
  return tie_kinds[kind].code;
}

gboolean
hel_netmap_tie_kind_from_code (const char       *code,
                               HelNetmapTieKind *kind)
{
  for (guint i = 0; code != NULL && i < HEL_NETMAP_N_TIE_KINDS; i++)
    if (g_str_equal (code, tie_kinds[i].code))
      {
        *kind = (HelNetmapTieKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_netmap_arrow_to_code (HelNetmapArrow arrow)
{
  g_return_val_if_fail ((guint) arrow < HEL_NETMAP_N_ARROWS, NULL);
  return arrows[arrow];
}

gboolean
hel_netmap_arrow_from_code (const char     *code,
                            HelNetmapArrow *arrow)
{
  for (guint i = 0; code != NULL && i < HEL_NETMAP_N_ARROWS; i++)
    if (g_str_equal (code, arrows[i]))
      {
        *arrow = (HelNetmapArrow) i;
        return TRUE;
      }
  return FALSE;
}

/* ---- construction ---- */

HelNetmapNode *
hel_netmap_node_new (const char *name,
                     double      x,
                     double      y)
{
  HelNetmapNode *node = g_new0 (HelNetmapNode, 1);

  node->name = g_strdup (name);
  node->x = x;
  node->y = y;
  return node;
}

HelNetmapNode *
hel_netmap_node_copy (const HelNetmapNode *node)
{
  HelNetmapNode *copy = hel_netmap_node_new (node->name, node->x, node->y);

  copy->id = node->id;
  copy->kind = node->kind;
  copy->actor = g_strdup (node->actor);
  copy->colour = g_strdup (node->colour);
  copy->note = g_strdup (node->note);
  copy->position = node->position;
  return copy;
}

void
hel_netmap_node_free (HelNetmapNode *node)
{
  if (node == NULL)
    return;
  g_free (node->name);
  g_free (node->actor);
  g_free (node->colour);
  g_free (node->note);
  g_free (node);
}

HelNetmapTie *
hel_netmap_tie_new (gint64           from_id,
                    gint64           to_id,
                    HelNetmapTieKind kind,
                    HelNetmapArrow   arrow)
{
  HelNetmapTie *tie = g_new0 (HelNetmapTie, 1);

  tie->from_id = from_id;
  tie->to_id = to_id;
  tie->kind = kind;
  tie->arrow = arrow;
  return tie;
}

HelNetmapTie *
hel_netmap_tie_copy (const HelNetmapTie *tie)
{
  return g_memdup2 (tie, sizeof *tie);
}

void
hel_netmap_tie_free (HelNetmapTie *tie)
{
  g_free (tie);
}

HelNetmap *
hel_netmap_new (gint64      family_id,
                gint64      member_id,
                const char *title)
{
  HelNetmap *map = g_new0 (HelNetmap, 1);

  map->family_id = family_id;
  map->member_id = member_id;
  map->title = g_strdup (title);
  map->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_netmap_node_free);
  map->ties = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_netmap_tie_free);
  return map;
}

HelNetmap *
hel_netmap_copy (const HelNetmap *map)
{
  HelNetmap *copy;

  g_return_val_if_fail (map != NULL, NULL);

  copy = hel_netmap_new (map->family_id, map->member_id, map->title);
  copy->id = map->id;
  copy->centre_name = g_strdup (map->centre_name);
  for (guint i = 0; i < map->nodes->len; i++)
    g_ptr_array_add (copy->nodes, hel_netmap_node_copy (map->nodes->pdata[i]));
  for (guint i = 0; i < map->ties->len; i++)
    g_ptr_array_add (copy->ties, hel_netmap_tie_copy (map->ties->pdata[i]));
  return copy;
}

void
hel_netmap_free (HelNetmap *map)
{
  if (map == NULL)
    return;
  g_free (map->title);
  g_free (map->centre_name);
  g_ptr_array_unref (map->nodes);
  g_ptr_array_unref (map->ties);
  g_clear_pointer (&map->node_index, g_hash_table_unref);
  g_free (map);
}

gboolean
hel_netmap_equal (const HelNetmap *a,
                  const HelNetmap *b)
{
  g_autoptr(JsonNode) na = NULL;
  g_autoptr(JsonNode) nb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  na = hel_netmap_to_json (a);
  nb = hel_netmap_to_json (b);
  return json_node_equal (na, nb);
}

/* ---- lookup ---- */

void
hel_netmap_invalidate_index (HelNetmap *map)
{
  g_clear_pointer (&map->node_index, g_hash_table_unref);
}

/* The index is a cache, so a const map may still build it. */
static void
ensure_index (HelNetmap *self)
{
  if (self->node_index != NULL && g_hash_table_size (self->node_index) != self->nodes->len)
    hel_netmap_invalidate_index (self);
  if (self->node_index == NULL)
    {
      self->node_index = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < self->nodes->len; i++)
        {
          HelNetmapNode *n = self->nodes->pdata[i];
          g_hash_table_insert (self->node_index, &n->id, n);
        }
    }
}

gboolean
hel_netmap_index_now (const HelNetmap *map)
{
  g_return_val_if_fail (map != NULL, FALSE);

  ensure_index ((HelNetmap *) map);
  /* With an id twice (people not yet saved) every lookup would build it again. */
  return g_hash_table_size (map->node_index) == map->nodes->len;
}

HelNetmapNode *
hel_netmap_find_node (const HelNetmap *map,
                      gint64           node_id)
{
  HelNetmapNode *node;

  g_return_val_if_fail (map != NULL, NULL);

  if (node_id <= 0)
    return NULL;
  ensure_index ((HelNetmap *) map);
  node = g_hash_table_lookup (map->node_index, &node_id);
  return node != NULL && node->id == node_id ? node : NULL;
}

HelNetmapTie *
hel_netmap_find_tie (const HelNetmap *map,
                     gint64           tie_id)
{
  g_return_val_if_fail (map != NULL, NULL);

  for (guint i = 0; i < map->ties->len; i++)
    {
      HelNetmapTie *tie = map->ties->pdata[i];
      if (tie->id == tie_id)
        return tie;
    }
  return NULL;
}

HelNetmapTie *
hel_netmap_find_tie_between (const HelNetmap *map,
                             gint64           a_id,
                             gint64           b_id)
{
  g_return_val_if_fail (map != NULL, NULL);

  for (guint i = 0; i < map->ties->len; i++)
    {
      HelNetmapTie *tie = map->ties->pdata[i];
      if ((tie->from_id == a_id && tie->to_id == b_id) ||
          (tie->from_id == b_id && tie->to_id == a_id))
        return tie;
    }
  return NULL;
}

/* ---- validation ---- */

gboolean
hel_netmap_parse_colour (const char *text,
                         double      rgba[4])
{
  guint values[8];
  gsize len;

  if (text == NULL || text[0] != '#')
    return FALSE;
  text++;
  len = strlen (text);
  if (len != 3 && len != 6 && len != 8)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      int v = g_ascii_xdigit_value (text[i]);
      if (v < 0)
        return FALSE;
      values[i] = (guint) v;
    }
  if (len == 3)
    {
      for (int c = 0; c < 3; c++)
        rgba[c] = values[c] * 17 / 255.0;
      rgba[3] = 1.0;
    }
  else
    {
      for (int c = 0; c < 3; c++)
        rgba[c] = (values[2 * c] * 16 + values[2 * c + 1]) / 255.0;
      rgba[3] = len == 8 ? (values[6] * 16 + values[7]) / 255.0 : 1.0;
    }
  return TRUE;
}

static gboolean
fail (GError        **error,
      HelNetmapError  code,
      const char     *message)
{
  g_set_error_literal (error, HEL_NETMAP_ERROR, code, message);
  return FALSE;
}

gboolean
hel_netmap_validate_node (HelNetmapNode *node,
                          GError       **error)
{
  double rgba[4];
  char *trimmed;

  g_return_val_if_fail (node != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (node->name ? node->name : ""));
  if (*trimmed == '\0')
    {
      g_free (trimmed);
      return fail (error, HEL_NETMAP_ERROR_EMPTY_NAME,
                   _("Enter a name for the person on the network map."));
    }
  g_free (node->name);
  node->name = trimmed;
  if ((guint) node->kind >= HEL_NETMAP_N_NODE_KINDS)
    return fail (error, HEL_NETMAP_ERROR_INVALID, _("Unknown kind of person on the network map."));
  if (node->colour != NULL && *node->colour != '\0' && !hel_netmap_parse_colour (node->colour, rgba))
    return fail (error, HEL_NETMAP_ERROR_INVALID,
                 _("The colour is not understood. Use the form #rrggbb."));
  if (!isfinite (node->x) || !isfinite (node->y))
    return fail (error, HEL_NETMAP_ERROR_INVALID, _("The person has no place on the map."));
  return TRUE;
}

gboolean
hel_netmap_validate_tie (const HelNetmap    *map,
                         const HelNetmapTie *tie,
                         GError            **error)
{
  HelNetmapTie *existing;

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (tie != NULL, FALSE);

  if ((guint) tie->kind >= HEL_NETMAP_N_TIE_KINDS)
    return fail (error, HEL_NETMAP_ERROR_INVALID, _("Unknown kind of tie."));
  if ((guint) tie->arrow >= HEL_NETMAP_N_ARROWS)
    return fail (error, HEL_NETMAP_ERROR_INVALID, _("Unknown direction of support."));
  if (tie->from_id == tie->to_id || tie->to_id <= 0)
    return fail (error, HEL_NETMAP_ERROR_SELF_TIE,
                 _("A tie joins two different people. Choose someone else to tie to."));
  if ((tie->from_id > 0 && hel_netmap_find_node (map, tie->from_id) == NULL) ||
      hel_netmap_find_node (map, tie->to_id) == NULL)
    return fail (error, HEL_NETMAP_ERROR_NO_SUCH_NODE,
                 _("The person at one end of the tie is no longer on the map."));
  existing = hel_netmap_find_tie_between (map, tie->from_id, tie->to_id);
  if (existing != NULL && (tie->id <= 0 || existing->id != tie->id))
    return fail (error, HEL_NETMAP_ERROR_DUPLICATE_TIE,
                 _("These two are already tied. Change the existing tie instead."));
  return TRUE;
}

/* ---- in-memory edits ---- */

gboolean
hel_netmap_add_node (HelNetmap     *map,
                     HelNetmapNode *node,
                     GError       **error)
{
  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (!hel_netmap_validate_node (node, error) ||
      (node->id > 0 && hel_netmap_find_node (map, node->id) != NULL))
    {
      if (error != NULL && *error == NULL)
        fail (error, HEL_NETMAP_ERROR_INVALID, _("The person is already on the map."));
      hel_netmap_node_free (node);
      return FALSE;
    }
  hel_netmap_clamp_position (&node->x, &node->y);
  if (node->id <= 0)
    {
      gint64 max_id = 0;
      for (guint i = 0; i < map->nodes->len; i++)
        max_id = MAX (max_id, ((HelNetmapNode *) map->nodes->pdata[i])->id);
      node->id = max_id + 1;
    }
  node->position = map->nodes->len > 0
    ? ((HelNetmapNode *) map->nodes->pdata[map->nodes->len - 1])->position + 1 : 0;
  g_ptr_array_add (map->nodes, node);
  if (map->node_index != NULL)
    g_hash_table_insert (map->node_index, &node->id, node);
  return TRUE;
}

gboolean
hel_netmap_add_tie (HelNetmap    *map,
                    HelNetmapTie *tie,
                    GError      **error)
{
  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (tie != NULL, FALSE);

  if (!hel_netmap_validate_tie (map, tie, error))
    {
      hel_netmap_tie_free (tie);
      return FALSE;
    }
  if (tie->id <= 0)
    {
      gint64 max_id = 0;
      for (guint i = 0; i < map->ties->len; i++)
        max_id = MAX (max_id, ((HelNetmapTie *) map->ties->pdata[i])->id);
      tie->id = max_id + 1;
    }
  g_ptr_array_add (map->ties, tie);
  return TRUE;
}

gboolean
hel_netmap_remove_node (HelNetmap *map,
                        gint64     node_id)
{
  HelNetmapNode *node = hel_netmap_find_node (map, node_id);

  if (node == NULL)
    return FALSE;
  for (guint i = map->ties->len; i > 0; i--)
    {
      HelNetmapTie *tie = map->ties->pdata[i - 1];
      if (tie->from_id == node_id || tie->to_id == node_id)
        g_ptr_array_remove_index (map->ties, i - 1);
    }
  hel_netmap_invalidate_index (map);
  g_ptr_array_remove (map->nodes, node);
  return TRUE;
}

gboolean
hel_netmap_remove_tie (HelNetmap *map,
                       gint64     tie_id)
{
  HelNetmapTie *tie = hel_netmap_find_tie (map, tie_id);

  return tie != NULL && g_ptr_array_remove (map->ties, tie);
}

/* ---- geometry ---- */

HelNetmapSector
hel_netmap_sector_at (double x,
                      double y)
{
  /* Quadrants on screen (y down): family upper left, friends upper right, school and work
   * lower right, professionals lower left. The centre point itself counts as family. */
  if (y <= 0)
    return x <= 0 ? HEL_NETMAP_SECTOR_FAMILY : HEL_NETMAP_SECTOR_FRIENDS;
  return x > 0 ? HEL_NETMAP_SECTOR_SCHOOL_WORK : HEL_NETMAP_SECTOR_PROFESSIONALS;
}

HelNetmapRing
hel_netmap_ring_at (double x,
                    double y)
{
  double d = hypot (x, y);

  if (!isfinite (d) || d > HEL_NETMAP_OUTER_RADIUS)
    return HEL_NETMAP_RING_OUTSIDE;
  if (d <= HEL_NETMAP_RING_WIDTH)
    return HEL_NETMAP_RING_CLOSE;
  if (d <= 2 * HEL_NETMAP_RING_WIDTH)
    return HEL_NETMAP_RING_EFFECTIVE;
  return HEL_NETMAP_RING_AVAILABLE;
}

gboolean
hel_netmap_clamp_position (double *x,
                           double *y)
{
  const double max_d = HEL_NETMAP_OUTER_RADIUS - HEL_NETMAP_NODE_RADIUS;
  const double min_d = HEL_NETMAP_CENTRE_RADIUS + HEL_NETMAP_NODE_RADIUS;
  double d;

  if (!isfinite (*x) || !isfinite (*y))
    {
      /* Nowhere at all: the outer edge of the family sector, where it will be noticed. */
      *x = -max_d * G_SQRT2 / 2;
      *y = -max_d * G_SQRT2 / 2;
      return TRUE;
    }
  d = hypot (*x, *y);
  if (d > max_d)
    {
      *x *= max_d / d;
      *y *= max_d / d;
      return TRUE;
    }
  if (d < min_d)
    {
      if (d < 1e-9)
        {
          *x = -min_d * G_SQRT2 / 2;
          *y = -min_d * G_SQRT2 / 2;
        }
      else
        {
          *x *= min_d / d;
          *y *= min_d / d;
        }
      return TRUE;
    }
  return FALSE;
}

const char *
hel_netmap_clamped_message (void)
{
  return _("The person was placed on the edge of the map: everyone on a network map sits "
           "within the three rings.");
}

HelNetmapNode *
hel_netmap_hit_node (const HelNetmap *map,
                     double           x,
                     double           y,
                     double           tolerance)
{
  const double reach = HEL_NETMAP_NODE_RADIUS + MAX (tolerance, 0);

  g_return_val_if_fail (map != NULL, NULL);

  /* From the top of the drawing order down, so the click lands on what is seen. */
  for (guint i = map->nodes->len; i > 0; i--)
    {
      HelNetmapNode *node = map->nodes->pdata[i - 1];
      double dx = x - node->x, dy = y - node->y;

      if (fabs (dx) <= reach && fabs (dy) <= reach && dx * dx + dy * dy <= reach * reach)
        return node;
    }
  return NULL;
}

gboolean
hel_netmap_hit_centre (double x,
                       double y,
                       double tolerance)
{
  return hypot (x, y) <= HEL_NETMAP_CENTRE_RADIUS + MAX (tolerance, 0);
}

static double
distance_to_segment (double px, double py,
                     double x1, double y1,
                     double x2, double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (px - (x1 + t * dx), py - (y1 + t * dy));
}

gboolean
hel_netmap_tie_endpoints (const HelNetmap    *map,
                          const HelNetmapTie *tie,
                          double             *x1,
                          double             *y1,
                          double             *x2,
                          double             *y2)
{
  HelNetmapNode *from = tie->from_id > 0 ? hel_netmap_find_node (map, tie->from_id) : NULL;
  HelNetmapNode *to = hel_netmap_find_node (map, tie->to_id);
  double ax, ay, bx, by, ra, rb, dx, dy, len;

  if (to == NULL || (tie->from_id > 0 && from == NULL))
    return FALSE;
  ax = from ? from->x : 0;
  ay = from ? from->y : 0;
  ra = from ? HEL_NETMAP_NODE_RADIUS : HEL_NETMAP_CENTRE_RADIUS;
  bx = to->x;
  by = to->y;
  rb = HEL_NETMAP_NODE_RADIUS;
  dx = bx - ax;
  dy = by - ay;
  len = hypot (dx, dy);
  if (!(len > ra + rb))
    return FALSE;
  *x1 = ax + dx / len * ra;
  *y1 = ay + dy / len * ra;
  *x2 = bx - dx / len * rb;
  *y2 = by - dy / len * rb;
  return TRUE;
}

HelNetmapTie *
hel_netmap_hit_tie (const HelNetmap *map,
                    double           x,
                    double           y,
                    double           tolerance)
{
  HelNetmapTie *best = NULL;
  double best_d = MAX (tolerance, 0);

  g_return_val_if_fail (map != NULL, NULL);

  for (guint i = 0; i < map->ties->len; i++)
    {
      HelNetmapTie *tie = map->ties->pdata[i];
      double x1, y1, x2, y2, d;

      if (!hel_netmap_tie_endpoints (map, tie, &x1, &y1, &x2, &y2))
        continue;
      if (x < MIN (x1, x2) - best_d || x > MAX (x1, x2) + best_d ||
          y < MIN (y1, y2) - best_d || y > MAX (y1, y2) + best_d)
        continue;
      d = distance_to_segment (x, y, x1, y1, x2, y2);
      if (d <= best_d)
        {
          best = tie;
          best_d = d;
        }
    }
  return best;
}

void
hel_netmap_count_by_ring (const HelNetmap *map,
                          guint            counts[HEL_NETMAP_N_RINGS])
{
  for (guint r = 0; r < HEL_NETMAP_N_RINGS; r++)
    counts[r] = 0;
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HelNetmapNode *node = map->nodes->pdata[i];
      HelNetmapRing ring = hel_netmap_ring_at (node->x, node->y);
      /* A stored node is never outside; an unclamped one counts with the outer ring. */
      counts[MIN (ring, HEL_NETMAP_RING_AVAILABLE)]++;
    }
}

/* ---- the view ---- */

void
hel_netmap_view_map_to_widget (const HelNetmapView *view,
                               double               x,
                               double               y,
                               double              *wx,
                               double              *wy)
{
  *wx = view->origin_x + x * view->scale;
  *wy = view->origin_y + y * view->scale;
}

void
hel_netmap_view_widget_to_map (const HelNetmapView *view,
                               double               wx,
                               double               wy,
                               double              *x,
                               double              *y)
{
  double scale = view->scale > 0 ? view->scale : 1;

  *x = (wx - view->origin_x) / scale;
  *y = (wy - view->origin_y) / scale;
}

void
hel_netmap_view_fit (HelNetmapView *view,
                     double         width,
                     double         height,
                     double         reserve_right)
{
  double usable_w;

  width = MAX (width, 1);
  height = MAX (height, 1);
  /* Spare the legend's strip only when the map keeps most of its size without it. */
  usable_w = width - MAX (reserve_right, 0);
  if (usable_w < height * 0.8)
    usable_w = width;
  view->scale = CLAMP (MIN (usable_w, height) / (2 * HEL_NETMAP_EXTENT), HEL_NETMAP_MIN_SCALE,
                       HEL_NETMAP_MAX_SCALE);
  view->origin_x = usable_w / 2;
  view->origin_y = height / 2;
}

void
hel_netmap_view_zoom_at (HelNetmapView *view,
                         double         factor,
                         double         wx,
                         double         wy)
{
  double mx, my, scale;

  if (!(factor > 0) || !isfinite (factor))
    return;
  hel_netmap_view_widget_to_map (view, wx, wy, &mx, &my);
  scale = CLAMP (view->scale * factor, HEL_NETMAP_MIN_SCALE, HEL_NETMAP_MAX_SCALE);
  view->scale = scale;
  view->origin_x = wx - mx * scale;
  view->origin_y = wy - my * scale;
}

void
hel_netmap_view_pan (HelNetmapView *view,
                     double         dx,
                     double         dy)
{
  if (!isfinite (dx) || !isfinite (dy))
    return;
  view->origin_x += dx;
  view->origin_y += dy;
}

void
hel_netmap_view_visible_rect (const HelNetmapView *view,
                              double               width,
                              double               height,
                              HelNetmapRect       *rect)
{
  double scale = view->scale > 0 ? view->scale : 1;

  hel_netmap_view_widget_to_map (view, 0, 0, &rect->x, &rect->y);
  rect->width = width / scale;
  rect->height = height / scale;
}

/* ---- JSON ---- */

static void
add_double (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  /* Rounded to a thousandth of a ring: a version compares equal to what was saved. */
  json_builder_add_double_value (b, round (value * 1000.0) / 1000.0);
}

JsonNode *
hel_netmap_to_json (const HelNetmap *map)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (map != NULL, NULL);

  json_builder_begin_object (b);
  hel_json_add_string (b, "format", NETMAP_JSON_FORMAT);
  hel_json_add_int (b, "version", NETMAP_JSON_VERSION);
  hel_json_add_int (b, "id", map->id);
  hel_json_add_int (b, "family_id", map->family_id);
  hel_json_add_int (b, "member_id", map->member_id);
  hel_json_add_string (b, "title", map->title);
  hel_json_add_string (b, "centre_name", map->centre_name);

  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  for (guint i = 0; i < map->nodes->len; i++)
    {
      HelNetmapNode *node = map->nodes->pdata[i];

      json_builder_begin_object (b);
      hel_json_add_int (b, "id", node->id);
      hel_json_add_string (b, "name", node->name);
      add_double (b, "x", node->x);
      add_double (b, "y", node->y);
      hel_json_add_string (b, "kind", hel_netmap_node_kind_to_code (node->kind));
      hel_json_add_string (b, "actor", node->actor);
      hel_json_add_string (b, "colour", node->colour);
      hel_json_add_string (b, "note", node->note);
      hel_json_add_int (b, "position", node->position);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "ties");
  json_builder_begin_array (b);
  for (guint i = 0; i < map->ties->len; i++)
    {
      HelNetmapTie *tie = map->ties->pdata[i];

      json_builder_begin_object (b);
      hel_json_add_int (b, "id", tie->id);
      hel_json_add_int (b, "from", tie->from_id);
      hel_json_add_int (b, "to", tie->to_id);
      hel_json_add_string (b, "kind", hel_netmap_tie_kind_to_code (tie->kind));
      hel_json_add_string (b, "arrow", hel_netmap_arrow_to_code (tie->arrow));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

char *
hel_netmap_to_json_string (const HelNetmap *map)
{
  g_autoptr(JsonNode) node = hel_netmap_to_json (map);

  return json_to_string (node, FALSE);
}

/* Positions are a few map units from the centre. A huge one would come back from JSON-GLib
 * as "1e+104.0", which no reader accepts: a version saved with it could never be opened. */
#define COORDINATE_LIMIT 1e6

static gboolean
read_coordinate (HelJsonReader *r,
                 JsonObject    *o,
                 const char    *member,
                 double        *out)
{
  return hel_json_read_double (r, o, member, -COORDINATE_LIMIT, COORDINATE_LIMIT,
                               _("is too far from the centre"), out);
}

static gboolean
read_id (HelJsonReader *r,
         JsonObject    *o,
         const char    *member,
         gint64        *out)
{
  return hel_json_read_int (r, o, member, 0, G_MAXINT64, out);
}

static HelNetmapNode *
read_node (HelJsonReader *r,
           JsonObject    *o)
{
  g_autoptr(HelNetmapNode) node = hel_netmap_node_new (NULL, 0, 0);
  g_autofree char *kind = NULL;
  gint64 position = 0;
  GError *local_error = NULL;

  if (!read_id (r, o, "id", &node->id) ||
      !hel_json_read_string (r, o, "name", HEL_JSON_REQUIRED, &node->name) ||
      !read_coordinate (r, o, "x", &node->x) ||
      !read_coordinate (r, o, "y", &node->y) ||
      !hel_json_read_string (r, o, "kind", HEL_JSON_REQUIRED, &kind) ||
      !hel_json_read_string (r, o, "actor", HEL_JSON_OPTIONAL, &node->actor) ||
      !hel_json_read_string (r, o, "colour", HEL_JSON_OPTIONAL, &node->colour) ||
      !hel_json_read_string (r, o, "note", HEL_JSON_OPTIONAL, &node->note))
    return NULL;
  if (json_object_has_member (o, "position") && !read_id (r, o, "position", &position))
    return NULL;
  node->position = (int) MIN (position, G_MAXINT);
  if (!hel_netmap_node_kind_from_code (kind, &node->kind))
    {
      hel_json_reader_fail (r, "kind", _("is not a known kind of person"));
      return NULL;
    }
  if (!hel_netmap_validate_node (node, &local_error))
    {
      hel_json_reader_fail_here (r, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  return g_steal_pointer (&node);
}

static HelNetmapTie *
read_tie (HelJsonReader *r,
          JsonObject    *o)
{
  g_autoptr(HelNetmapTie) tie = hel_netmap_tie_new (0, 0, HEL_NETMAP_TIE_NORMAL,
                                                    HEL_NETMAP_ARROW_NONE);
  g_autofree char *kind = NULL;
  g_autofree char *arrow = NULL;

  if (!read_id (r, o, "id", &tie->id) ||
      !read_id (r, o, "from", &tie->from_id) ||
      !read_id (r, o, "to", &tie->to_id) ||
      !hel_json_read_string (r, o, "kind", HEL_JSON_REQUIRED, &kind) ||
      !hel_json_read_string (r, o, "arrow", HEL_JSON_REQUIRED, &arrow))
    return NULL;
  if (!hel_netmap_tie_kind_from_code (kind, &tie->kind))
    {
      hel_json_reader_fail (r, "kind", _("is not a known kind of tie"));
      return NULL;
    }
  if (!hel_netmap_arrow_from_code (arrow, &tie->arrow))
    {
      hel_json_reader_fail (r, "arrow", _("is not a known direction"));
      return NULL;
    }
  return g_steal_pointer (&tie);
}

/* One person of the map, checked on its own and for an id another person has. */
static gboolean
add_node_cb (HelJsonReader *r,
             JsonObject    *element,
             gpointer       user_data)
{
  HelNetmap *map = user_data;
  HelNetmapNode *node = read_node (r, element);

  if (node == NULL)
    return FALSE;
  if (node->id > 0 && hel_netmap_find_node (map, node->id) != NULL)
    {
      hel_netmap_node_free (node);
      return hel_json_reader_fail_here (r, _("has the same id as another person"));
    }
  g_ptr_array_add (map->nodes, node);
  if (map->node_index != NULL)
    g_hash_table_insert (map->node_index, &node->id, node);
  return TRUE;
}

/* One tie, read after the people: it must join two of them. */
static gboolean
add_tie_cb (HelJsonReader *r,
            JsonObject    *element,
            gpointer       user_data)
{
  HelNetmap *map = user_data;
  HelNetmapTie *tie = read_tie (r, element);
  GError *local_error = NULL;

  if (tie == NULL)
    return FALSE;
  if (!hel_netmap_validate_tie (map, tie, &local_error))
    {
      hel_netmap_tie_free (tie);
      hel_json_reader_fail_here (r, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  g_ptr_array_add (map->ties, tie);
  return TRUE;
}

HelNetmap *
hel_netmap_from_json (JsonNode *root,
                      GError  **error)
{
  g_autoptr(GString) path = g_string_new (NULL);
  HelJsonReader r = { error, path, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_FORMAT };
  g_autoptr(HelNetmap) map = NULL;
  g_autofree char *format = NULL;
  JsonObject *o;
  gint64 version = 0;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      hel_json_reader_fail (&r, "$", _("must be an object"));
      return NULL;
    }
  o = json_node_get_object (root);
  if (!hel_json_read_string (&r, o, "format", HEL_JSON_REQUIRED, &format))
    return NULL;
  if (!g_str_equal (format, NETMAP_JSON_FORMAT))
    {
      hel_json_reader_fail (&r, "format", _("is not a Helhed network map"));
      return NULL;
    }
  if (!read_id (&r, o, "version", &version))
    return NULL;
  if (version > NETMAP_JSON_VERSION)
    {
      hel_json_reader_fail (&r, "version", _("is newer than this version of Helhed reads"));
      return NULL;
    }

  map = hel_netmap_new (0, 0, NULL);
  if (!read_id (&r, o, "id", &map->id) ||
      !read_id (&r, o, "family_id", &map->family_id) ||
      !read_id (&r, o, "member_id", &map->member_id) ||
      !hel_json_read_string (&r, o, "title", HEL_JSON_OPTIONAL, &map->title) ||
      !hel_json_read_string (&r, o, "centre_name", HEL_JSON_OPTIONAL, &map->centre_name) ||
      !hel_json_read_objects (&r, o, "nodes", add_node_cb, map) ||
      !hel_json_read_objects (&r, o, "ties", add_tie_cb, map))
    return NULL;
  return g_steal_pointer (&map);
}

HelNetmap *
hel_netmap_from_json_string (const char *text,
                             GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GError *local_error = NULL;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, &local_error))
    {
      g_set_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_FORMAT,
                   _("The network map could not be read: %s"),
                   local_error ? local_error->message : _("there is nothing to read"));
      g_clear_error (&local_error);
      return NULL;
    }
  return hel_netmap_from_json (json_parser_get_root (parser), error);
}
