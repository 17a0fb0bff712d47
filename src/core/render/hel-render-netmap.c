/* hel-render-netmap.c: draws a network map as an eco-map: rings, sectors, ties, people, legend. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hel-render-netmap.h"

/* Sizes below are in pixels at a "unit" of 1, which is a map shown about 800 pixels high. */
#define REFERENCE_SCALE 120.0

typedef struct {
  cairo_t                      *cr;
  const HelNetmap              *map;
  const HelNetmapStyle         *style;
  const HelNetmapView          *view;
  const HelNetmapRenderOptions *options;
  HelNetmapRenderStats         *stats;
  PangoLayout                  *layout;     /* without a text cache */
  PangoLayout                  *current;    /* what layout_text() made */
  PangoFontDescription         *font;
  int                           font_quarters;
  PangoWeight                   font_weight;
  int                           max_lines;  /* 0: no limit */
  double                        width, height;
  double                        unit;        /* zoom-dependent size of lines and names */
  HelNetmapRect                 visible;     /* map units, grown by what pokes out of a shape */
} Painter;

/* ---- styles ---- */

static HelNetmapColour
rgb (guint32 hex)
{
  HelNetmapColour c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                        (hex & 0xff) / 255.0, 1.0 };
  return c;
}

static HelNetmapColour
rgba (guint32 hex,
      double  alpha)
{
  HelNetmapColour c = rgb (hex);
  c.alpha = alpha;
  return c;
}

void
hel_netmap_style_init (HelNetmapStyle *style,
                       HelNetmapTheme  theme)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->font_family = "Sans";
  style->text_scale = 1.0;
  style->line_scale = 1.0;

  switch (theme)
    {
    case HEL_NETMAP_THEME_DARK:
      style->background = rgb (0x242424);
      style->ring_fill[0] = rgb (0x35404d);
      style->ring_fill[1] = rgb (0x2f363f);
      style->ring_fill[2] = rgb (0x2a2e33);
      style->ring_line = rgb (0x8094aa);
      style->sector_line = rgba (0x8094aa, 0.55);
      style->text = rgb (0xf2f2f2);
      style->muted_text = rgb (0xb8c0c8);
      style->label_halo = rgba (0x242424, 0.82);
      style->centre_fill = rgb (0x78aeed);
      style->centre_text = rgb (0x101418);
      style->node_outline = rgba (0x000000, 0.55);
      style->node_default[HEL_NETMAP_NODE_PRIVATE] = rgb (0x8ff0a4);
      style->node_default[HEL_NETMAP_NODE_PROFESSIONAL] = rgb (0x99c1f1);
      style->tie = rgb (0xe8e8e8);
      style->tie_strain = rgb (0xff7b63);
      style->selection = rgb (0x78aeed);
      style->legend_fill = rgba (0x303030, 0.96);
      style->legend_border = rgb (0x5e5e5e);
      break;

    case HEL_NETMAP_THEME_HIGH_CONTRAST:
      style->background = rgb (0xffffff);
      style->ring_fill[0] = rgb (0xffffff);
      style->ring_fill[1] = rgb (0xffffff);
      style->ring_fill[2] = rgb (0xffffff);
      style->ring_line = rgb (0x000000);
      style->sector_line = rgb (0x000000);
      style->text = rgb (0x000000);
      style->muted_text = rgb (0x000000);
      style->label_halo = rgba (0xffffff, 0.95);
      style->centre_fill = rgb (0x000000);
      style->centre_text = rgb (0xffffff);
      style->node_outline = rgb (0x000000);
      style->node_default[HEL_NETMAP_NODE_PRIVATE] = rgb (0xffffff);
      style->node_default[HEL_NETMAP_NODE_PROFESSIONAL] = rgb (0xd0d0d0);
      style->tie = rgb (0x000000);
      style->tie_strain = rgb (0xa00000);
      style->selection = rgb (0x0040c0);
      style->legend_fill = rgb (0xffffff);
      style->legend_border = rgb (0x000000);
      style->line_scale = 1.5;
      break;

    case HEL_NETMAP_THEME_LIGHT:
    default:
      style->background = rgb (0xfafafa);
      style->ring_fill[0] = rgb (0xdde9f6);
      style->ring_fill[1] = rgb (0xe9f0f8);
      style->ring_fill[2] = rgb (0xf3f6fa);
      style->ring_line = rgb (0x5b7593);
      style->sector_line = rgba (0x5b7593, 0.5);
      style->text = rgb (0x1e1e1e);
      style->muted_text = rgb (0x5a5f66);
      style->label_halo = rgba (0xffffff, 0.85);
      style->centre_fill = rgb (0x1c71d8);
      style->centre_text = rgb (0xffffff);
      style->node_outline = rgba (0x000000, 0.45);
      style->node_default[HEL_NETMAP_NODE_PRIVATE] = rgb (0x57e389);
      style->node_default[HEL_NETMAP_NODE_PROFESSIONAL] = rgb (0x99c1f1);
      style->tie = rgb (0x2e3436);
      style->tie_strain = rgb (0xc01c28);
      style->selection = rgb (0x3584e4);
      style->legend_fill = rgba (0xffffff, 0.96);
      style->legend_border = rgb (0xb0b8c0);
      break;
    }
}

void
hel_netmap_render_options_init (HelNetmapRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->layers = HEL_NETMAP_LAYER_ALL;
}

static void
set_colour (cairo_t               *cr,
            const HelNetmapColour *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* ---- text ---- */

struct _HelNetmapTextCache
{
  PangoContext *context;
  GHashTable   *layouts;   /* "size|weight|width|align|lines|text" -> PangoLayout */
};

/* Shaping text is most of the cost of a frame; a widget that keeps one of these across frames
 * pays it once per name and size. Bounded, so zooming through many sizes cannot grow it. */
#define TEXT_CACHE_LIMIT 6000

HelNetmapTextCache *
hel_netmap_text_cache_new (void)
{
  HelNetmapTextCache *cache = g_new0 (HelNetmapTextCache, 1);

  cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return cache;
}

void
hel_netmap_text_cache_clear (HelNetmapTextCache *cache)
{
  g_return_if_fail (cache != NULL);
  g_hash_table_remove_all (cache->layouts);
}

void
hel_netmap_text_cache_free (HelNetmapTextCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->layouts);
  g_object_unref (cache->context);
  g_free (cache);
}

static void
set_font (Painter    *p,
          double      pixels,
          PangoWeight weight)
{
  /* Quarter pixels: finer than the eye sees, coarse enough for the cache to hit. */
  p->font_quarters = (int) round (MAX (pixels, 1) * 4);
  p->font_weight = weight;
}

/* Lays out @text at most @max_width wide (-1: no limit; p->max_lines > 0 ellipsizes after
 * that many lines) in the font of the last set_font(), makes it current, returns its size. */
static void
layout_text (Painter       *p,
             const char    *text,
             double         max_width,
             PangoAlignment align,
             double        *w,
             double        *h)
{
  g_autofree char *valid = NULL;
  g_autofree char *key = NULL;
  HelNetmapTextCache *cache = p->options->text_cache;
  int width = max_width > 0 ? (int) round (max_width) : -1;
  PangoLayout *layout = NULL;
  int pw, ph;

  /* Names come from people's typing and old files; Pango wants valid UTF-8. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (cache != NULL)
    {
      key = g_strdup_printf ("%d|%d|%d|%d|%d|%s", p->font_quarters, (int) p->font_weight, width,
                             (int) align, p->max_lines, text);
      layout = g_hash_table_lookup (cache->layouts, key);
    }
  if (layout == NULL)
    {
      layout = cache != NULL ? pango_layout_new (cache->context) : p->layout;
      pango_font_description_set_absolute_size (p->font, p->font_quarters / 4.0 * PANGO_SCALE);
      pango_font_description_set_weight (p->font, p->font_weight);
      pango_layout_set_font_description (layout, p->font);
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_alignment (layout, align);
      pango_layout_set_width (layout, width > 0 ? width * PANGO_SCALE : -1);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, p->max_lines > 0 ? PANGO_ELLIPSIZE_END
                                                           : PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (layout, p->max_lines > 0 ? -p->max_lines : -1);
      if (cache != NULL)
        {
          if (g_hash_table_size (cache->layouts) >= TEXT_CACHE_LIMIT)
            g_hash_table_remove_all (cache->layouts);
          g_hash_table_insert (cache->layouts, g_steal_pointer (&key), layout);
        }
    }
  p->current = layout;
  pango_layout_get_pixel_size (layout, &pw, &ph);
  *w = pw;
  *h = ph;
}

static void
show_layout_at (Painter *p,
                double   x,
                double   y)
{
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, p->current);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* "Anna Sofie Jensen" -> "AJ"; "Far (Thomas)" -> "FT"; "Jobcenter" -> "J". */
static char *
initials_of (const char *name)
{
  gunichar first = 0, last = 0;
  gboolean in_word = FALSE;
  GString *s = g_string_new (NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_string_free (s, FALSE);
  for (const char *c = name; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (g_unichar_isalnum (ch))
        {
          if (!in_word)
            {
              if (first == 0)
                first = ch;
              else
                last = ch;
            }
          in_word = TRUE;
        }
      else if (g_unichar_isspace (ch) || ch == '-')
        in_word = FALSE;
    }
  if (first != 0)
    g_string_append_unichar (s, g_unichar_toupper (first));
  if (last != 0)
    g_string_append_unichar (s, g_unichar_toupper (last));
  return g_string_free (s, FALSE);
}

/* ---- geometry helpers ---- */

static void
to_widget (Painter *p,
           double   x,
           double   y,
           double  *wx,
           double  *wy)
{
  hel_netmap_view_map_to_widget (p->view, x, y, wx, wy);
}

static gboolean
point_visible (Painter *p,
               double   x,
               double   y,
               double   margin)
{
  return x + margin >= p->visible.x && x - margin <= p->visible.x + p->visible.width &&
         y + margin >= p->visible.y && y - margin <= p->visible.y + p->visible.height;
}

static gboolean
segment_visible (Painter *p,
                 double   x1,
                 double   y1,
                 double   x2,
                 double   y2,
                 double   margin)
{
  return MAX (x1, x2) + margin >= p->visible.x &&
         MIN (x1, x2) - margin <= p->visible.x + p->visible.width &&
         MAX (y1, y2) + margin >= p->visible.y &&
         MIN (y1, y2) - margin <= p->visible.y + p->visible.height;
}

/* ---- the background: bands, rings, sectors, labels, the centre ---- */

static void
draw_rings (Painter *p)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double cx, cy, s = p->view->scale, u = p->unit;

  to_widget (p, 0, 0, &cx, &cy);

  for (int r = HEL_NETMAP_N_RINGS; r >= 1; r--)
    {
      cairo_arc (cr, cx, cy, r * HEL_NETMAP_RING_WIDTH * s, 0, 2 * G_PI);
      set_colour (cr, &st->ring_fill[r - 1]);
      cairo_fill (cr);
    }

  /* Sector lines from the centre to a little beyond the outer ring. */
  cairo_set_line_width (cr, 1.5 * u * st->line_scale);
  set_colour (cr, &st->sector_line);
  for (int i = 0; i < 4; i++)
    {
      double dx = i == 0 ? 1 : i == 2 ? -1 : 0;
      double dy = i == 1 ? 1 : i == 3 ? -1 : 0;
      cairo_move_to (cr, cx + dx * HEL_NETMAP_CENTRE_RADIUS * s, cy + dy * HEL_NETMAP_CENTRE_RADIUS * s);
      cairo_line_to (cr, cx + dx * (HEL_NETMAP_OUTER_RADIUS + 0.1) * s,
                     cy + dy * (HEL_NETMAP_OUTER_RADIUS + 0.1) * s);
    }
  cairo_stroke (cr);

  set_colour (cr, &st->ring_line);
  for (int r = 1; r <= HEL_NETMAP_N_RINGS; r++)
    {
      cairo_set_line_width (cr, (r == HEL_NETMAP_N_RINGS ? 2.5 : 1.5) * u * st->line_scale);
      cairo_arc (cr, cx, cy, r * HEL_NETMAP_RING_WIDTH * s, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

static void
draw_ring_labels (Painter *p)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double cx, cy, s = p->view->scale, u = p->unit;

  to_widget (p, 0, 0, &cx, &cy);
  set_font (p, 11.5 * u * st->text_scale, PANGO_WEIGHT_SEMIBOLD);
  for (int r = 0; r < HEL_NETMAP_N_RINGS; r++)
    {
      double w, h, y;
      /* In the band, on the upright sector line, with a halo so the line does not cut it. */
      double band_mid = (r + (r == 0 ? 0.72 : 0.5)) * HEL_NETMAP_RING_WIDTH;

      layout_text (p, hel_netmap_ring_label ((HelNetmapRing) r), -1, PANGO_ALIGN_CENTER, &w, &h);
      y = cy - band_mid * s - h / 2;
      if (y + h < 0 || y > p->height)
        continue;
      rounded_rect (cr, cx - w / 2 - 5 * u, y - 1 * u, w + 10 * u, h + 2 * u, h / 2);
      set_colour (cr, &st->ring_fill[r]);
      cairo_fill (cr);
      set_colour (cr, &st->muted_text);
      show_layout_at (p, cx - w / 2, y);
    }
}

static void
draw_sector_labels (Painter *p)
{
  const HelNetmapStyle *st = p->style;
  const double e = HEL_NETMAP_EXTENT - 0.04;
  double s = p->view->scale, u = p->unit;

  set_font (p, 15.5 * u * st->text_scale, PANGO_WEIGHT_BOLD);
  set_colour (p->cr, &st->text);
  for (int i = 0; i < HEL_NETMAP_N_SECTORS; i++)
    {
      gboolean left = i == HEL_NETMAP_SECTOR_FAMILY || i == HEL_NETMAP_SECTOR_PROFESSIONALS;
      gboolean top = i == HEL_NETMAP_SECTOR_FAMILY || i == HEL_NETMAP_SECTOR_FRIENDS;
      double ax, ay, w, h;

      /* In the corners of the square around the rings, where no ring reaches. */
      to_widget (p, left ? -e : e, top ? -e : e, &ax, &ay);
      layout_text (p, hel_netmap_sector_label ((HelNetmapSector) i), 1.55 * s,
                   left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, &w, &h);
      /* A right-aligned layout fills its whole width: it starts one width to the left. */
      if (!left)
        ax -= 1.55 * s;
      if (!top)
        ay -= h;
      if (ax > p->width || ay > p->height || ax + 1.55 * s < 0 || ay + h < 0)
        continue;
      show_layout_at (p, ax, ay);
    }
}

static void
draw_centre (Painter *p)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double cx, cy, r, w, h, u = p->unit;
  const char *name;
  g_autofree char *initials = NULL;

  if (!point_visible (p, 0, 0, HEL_NETMAP_CENTRE_RADIUS))
    return;
  to_widget (p, 0, 0, &cx, &cy);
  r = HEL_NETMAP_CENTRE_RADIUS * p->view->scale;

  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  set_colour (cr, &st->centre_fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2 * u * st->line_scale);
  set_colour (cr, &st->ring_line);
  cairo_stroke (cr);

  name = p->map->centre_name && *p->map->centre_name ? p->map->centre_name : p->map->title;
  if (name == NULL || *name == '\0' || r < 10)
    return;
  if (p->options->initials_only)
    name = initials = initials_of (name);
  set_font (p, MIN (14 * u * st->text_scale, r * 0.5), PANGO_WEIGHT_BOLD);
  p->max_lines = 2;
  layout_text (p, name, 1.7 * r, PANGO_ALIGN_CENTER, &w, &h);
  p->max_lines = 0;
  set_colour (cr, &st->centre_text);
  show_layout_at (p, cx - 0.85 * r, cy - h / 2);
}

/* ---- ties ---- */

static void
arrow_head (cairo_t *cr,
            double   tip_x,
            double   tip_y,
            double   ux,
            double   uy,
            double   length,
            double   half_width)
{
  /* (ux, uy) points along the line towards the tip. */
  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, tip_x - ux * length - uy * half_width, tip_y - uy * length + ux * half_width);
  cairo_line_to (cr, tip_x - ux * length * 0.75, tip_y - uy * length * 0.75);
  cairo_line_to (cr, tip_x - ux * length + uy * half_width, tip_y - uy * length - ux * half_width);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Draws one tie of @kind between two widget points in the eco-map way. Also used by the legend. */
static void
draw_tie_shape (cairo_t               *cr,
                const HelNetmapStyle  *st,
                HelNetmapTieKind       kind,
                HelNetmapArrow         arrow,
                double                 x1,
                double                 y1,
                double                 x2,
                double                 y2,
                double                 u)
{
  double dx = x2 - x1, dy = y2 - y1;
  double len = hypot (dx, dy);
  double ux, uy, nx, ny, head, lw;
  double sx1 = x1, sy1 = y1, sx2 = x2, sy2 = y2;

  if (!(len > 1))
    return;
  ux = dx / len;
  uy = dy / len;
  nx = -uy;
  ny = ux;
  lw = 2.0 * u * st->line_scale;
  head = MIN (12 * u * MAX (st->line_scale, 1.0), len / 3);

  set_colour (cr, kind == HEL_NETMAP_TIE_STRESSFUL || kind == HEL_NETMAP_TIE_CONFLICT
                  ? &st->tie_strain : &st->tie);

  /* The line stops where an arrowhead begins, so the tip stays sharp. */
  if (arrow == HEL_NETMAP_ARROW_FORWARD || arrow == HEL_NETMAP_ARROW_BOTH)
    {
      sx2 -= ux * head * 0.8;
      sy2 -= uy * head * 0.8;
    }
  if (arrow == HEL_NETMAP_ARROW_BACK || arrow == HEL_NETMAP_ARROW_BOTH)
    {
      sx1 += ux * head * 0.8;
      sy1 += uy * head * 0.8;
    }
  dx = sx2 - sx1;
  dy = sy2 - sy1;
  len = hypot (dx, dy);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (kind)
    {
    case HEL_NETMAP_TIE_STRONG:
      {
        double gap = 3.4 * u * st->line_scale;
        cairo_set_line_width (cr, 1.7 * u * st->line_scale);
        for (int k = -1; k <= 1; k++)
          {
            cairo_move_to (cr, sx1 + nx * gap * k, sy1 + ny * gap * k);
            cairo_line_to (cr, sx2 + nx * gap * k, sy2 + ny * gap * k);
          }
        cairo_stroke (cr);
      }
      break;

    case HEL_NETMAP_TIE_WEAK:
      {
        double dashes[2] = { 7 * u, 5 * u };
        cairo_set_dash (cr, dashes, 2, 0);
        cairo_set_line_width (cr, lw);
        cairo_move_to (cr, sx1, sy1);
        cairo_line_to (cr, sx2, sy2);
        cairo_stroke (cr);
      }
      break;

    case HEL_NETMAP_TIE_STRESSFUL:
      {
        double amp = 4.5 * u, lead = MIN (5 * u, len / 4);
        int n = MAX (2, (int) floor ((len - 2 * lead) / (6 * u)));
        double step = (len - 2 * lead) / n;

        cairo_set_line_width (cr, 1.8 * u * st->line_scale);
        cairo_move_to (cr, sx1, sy1);
        cairo_line_to (cr, sx1 + ux * lead, sy1 + uy * lead);
        for (int i = 0; i < n; i++)
          {
            double t = lead + step * (i + 0.5);
            double side = i % 2 == 0 ? 1 : -1;
            cairo_line_to (cr, sx1 + ux * t + nx * amp * side, sy1 + uy * t + ny * amp * side);
          }
        cairo_line_to (cr, sx2 - ux * lead, sy2 - uy * lead);
        cairo_line_to (cr, sx2, sy2);
        cairo_stroke (cr);
      }
      break;

    case HEL_NETMAP_TIE_CONFLICT:
      {
        double spacing = 9 * u, half = 5.5 * u, lead = MIN (8 * u, len / 4);

        cairo_set_line_width (cr, lw);
        cairo_move_to (cr, sx1, sy1);
        cairo_line_to (cr, sx2, sy2);
        cairo_stroke (cr);
        /* Short slanted cross strokes all along: hatching. */
        cairo_set_line_width (cr, 1.6 * u * st->line_scale);
        for (double t = lead; t <= len - lead; t += spacing)
          {
            double px = sx1 + ux * t, py = sy1 + uy * t;
            cairo_move_to (cr, px - nx * half - ux * half * 0.45, py - ny * half - uy * half * 0.45);
            cairo_line_to (cr, px + nx * half + ux * half * 0.45, py + ny * half + uy * half * 0.45);
          }
        cairo_stroke (cr);
      }
      break;

    case HEL_NETMAP_TIE_BROKEN:
      {
        double gap = MIN (16 * u, len / 3), bar = 6 * u;
        double mx = (sx1 + sx2) / 2, my = (sy1 + sy2) / 2;
        double ax = mx - ux * gap / 2, ay = my - uy * gap / 2;
        double bx = mx + ux * gap / 2, by = my + uy * gap / 2;

        cairo_set_line_width (cr, lw);
        cairo_move_to (cr, sx1, sy1);
        cairo_line_to (cr, ax, ay);
        cairo_move_to (cr, bx, by);
        cairo_line_to (cr, sx2, sy2);
        /* End bars on both sides of the gap, so the break reads as deliberate. */
        cairo_move_to (cr, ax - nx * bar, ay - ny * bar);
        cairo_line_to (cr, ax + nx * bar, ay + ny * bar);
        cairo_move_to (cr, bx - nx * bar, by - ny * bar);
        cairo_line_to (cr, bx + nx * bar, by + ny * bar);
        cairo_stroke (cr);
      }
      break;

    case HEL_NETMAP_TIE_NORMAL:
    default:
      cairo_set_line_width (cr, lw);
      cairo_move_to (cr, sx1, sy1);
      cairo_line_to (cr, sx2, sy2);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);

  if (arrow == HEL_NETMAP_ARROW_FORWARD || arrow == HEL_NETMAP_ARROW_BOTH)
    arrow_head (cr, x2, y2, ux, uy, head, head * 0.5);
  if (arrow == HEL_NETMAP_ARROW_BACK || arrow == HEL_NETMAP_ARROW_BOTH)
    arrow_head (cr, x1, y1, -ux, -uy, head, head * 0.5);
}

static void
draw_tie (Painter            *p,
          const HelNetmapTie *tie)
{
  double x1, y1, x2, y2, wx1, wy1, wx2, wy2;
  double margin = 12 * p->unit / p->view->scale;

  if (!hel_netmap_tie_endpoints (p->map, tie, &x1, &y1, &x2, &y2))
    return;
  if (!segment_visible (p, x1, y1, x2, y2, margin))
    {
      p->stats->ties_culled++;
      return;
    }
  to_widget (p, x1, y1, &wx1, &wy1);
  to_widget (p, x2, y2, &wx2, &wy2);
  if (tie->id > 0 && tie->id == p->options->selected_tie_id)
    {
      cairo_save (p->cr);
      cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (p->cr, 14 * p->unit);
      cairo_set_source_rgba (p->cr, p->style->selection.red, p->style->selection.green,
                             p->style->selection.blue, 0.35);
      cairo_move_to (p->cr, wx1, wy1);
      cairo_line_to (p->cr, wx2, wy2);
      cairo_stroke (p->cr);
      cairo_restore (p->cr);
    }
  draw_tie_shape (p->cr, p->style, tie->kind, tie->arrow, wx1, wy1, wx2, wy2, p->unit);
  p->stats->ties_drawn++;
}

/* ---- people ---- */

static void
node_shape (cairo_t           *cr,
            HelNetmapNodeKind  kind,
            double             x,
            double             y,
            double             r)
{
  /* Private people are round, professionals square with round corners: readable in grey. */
  if (kind == HEL_NETMAP_NODE_PROFESSIONAL)
    rounded_rect (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, r * 0.38);
  else
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
    }
}

static HelNetmapColour
node_fill (const HelNetmapStyle *st,
           const HelNetmapNode  *node)
{
  double c[4];

  if (node->colour != NULL && hel_netmap_parse_colour (node->colour, c))
    {
      HelNetmapColour colour = { c[0], c[1], c[2], c[3] };
      return colour;
    }
  return st->node_default[(guint) node->kind < HEL_NETMAP_N_NODE_KINDS ? node->kind : 0];
}

static void
draw_label (Painter    *p,
            const char *text,
            double      x,
            double      top,
            double      font_px,
            PangoWeight weight,
            const HelNetmapColour *colour,
            double     *height_out)
{
  cairo_t *cr = p->cr;
  double w, h, pad = 3 * p->unit;

  set_font (p, font_px, weight);
  p->max_lines = 2;
  layout_text (p, text, 150 * p->unit * p->style->text_scale, PANGO_ALIGN_CENTER, &w, &h);
  p->max_lines = 0;
  /* A pixel-aligned box: cairo fills those without rasterising a path, which matters at a few
   * hundred names a frame. */
  cairo_rectangle (cr, floor (x - w / 2 - pad), floor (top), ceil (w + 2 * pad), ceil (h));
  set_colour (cr, &p->style->label_halo);
  cairo_fill (cr);
  set_colour (cr, colour);
  /* A wrapped layout is as wide as its width; centre what was measured. */
  show_layout_at (p, x - 75 * p->unit * p->style->text_scale, top);
  *height_out = h;
}

static void
draw_node (Painter             *p,
           const HelNetmapNode *node)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double s = p->view->scale, u = p->unit;
  double label_reach = (80 * u * st->text_scale) / s;
  double x, y, r, h;
  HelNetmapColour fill;
  gboolean selected = node->id > 0 && node->id == p->options->selected_node_id;

  if (!point_visible (p, node->x, node->y, MAX (label_reach, HEL_NETMAP_NODE_RADIUS * 2)))
    {
      p->stats->nodes_culled++;
      return;
    }
  p->stats->nodes_drawn++;
  to_widget (p, node->x, node->y, &x, &y);
  r = HEL_NETMAP_NODE_RADIUS * s;
  fill = node_fill (st, node);

  /* Far out, a few hundred people are dots: no text, one fill. */
  if (r < 3)
    {
      set_colour (cr, &fill);
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      cairo_fill (cr);
      return;
    }

  if (selected)
    {
      node_shape (cr, node->kind, x, y, r + 5 * u);
      set_colour (cr, &st->selection);
      cairo_set_line_width (cr, 3 * u * st->line_scale);
      cairo_stroke (cr);
    }
  node_shape (cr, node->kind, x, y, r);
  set_colour (cr, &fill);
  cairo_fill_preserve (cr);
  set_colour (cr, &st->node_outline);
  cairo_set_line_width (cr, 1.5 * u * st->line_scale);
  cairo_stroke (cr);

  if (r < 7)
    return;

  /* Initials inside, in black or white, whichever reads on the fill. */
  {
    g_autofree char *initials = initials_of (node->name);
    double lum = 0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue;
    double w, ih;

    if (initials != NULL && *initials != '\0')
      {
        set_font (p, r * 0.85, PANGO_WEIGHT_BOLD);
        layout_text (p, initials, -1, PANGO_ALIGN_CENTER, &w, &ih);
        if (lum > 0.55 || fill.alpha < 0.5)
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        else
          cairo_set_source_rgb (cr, 1, 1, 1);
        show_layout_at (p, x - w / 2, y - ih / 2);
      }
  }

  if (r < 9)
    return;
  {
    g_autofree char *initials = NULL;
    const char *name = node->name && *node->name ? node->name : "?";
    double top = y + r + 3 * u;

    if (p->options->initials_only)
      name = initials = initials_of (name);
    draw_label (p, name, x, top, 12.5 * u * st->text_scale, PANGO_WEIGHT_SEMIBOLD, &st->text, &h);
    if (node->actor != NULL && *node->actor != '\0')
      {
        double h2;
        draw_label (p, node->actor, x, top + h, 11 * u * st->text_scale, PANGO_WEIGHT_NORMAL,
                    &st->muted_text, &h2);
      }
    p->stats->labels_drawn++;
  }
}

static gboolean
tie_touches (const HelNetmapTie *tie,
             gint64              node_id)
{
  return node_id > 0 && (tie->from_id == node_id || tie->to_id == node_id);
}

/* ---- the legend and the title, fixed on screen ---- */

static double
legend_unit (double width,
             double height)
{
  return CLAMP (MIN (width, height) / 760.0, 0.75, 2.2);
}

typedef struct {
  double w, h, pad, row, sample, title_h, text_x;
} LegendMetrics;

static void
legend_measure (Painter       *p,
                LegendMetrics *m)
{
  const HelNetmapStyle *st = p->style;
  double lu = legend_unit (p->width, p->height), w, h, widest = 0;

  m->pad = 12 * lu;
  m->sample = 46 * lu;
  m->text_x = m->pad + m->sample + 10 * lu;

  set_font (p, 14 * lu * st->text_scale, PANGO_WEIGHT_BOLD);
  layout_text (p, C_("netmap", "Legend"), -1, PANGO_ALIGN_LEFT, &w, &h);
  m->title_h = h + 6 * lu;
  widest = w - m->text_x + m->pad;

  set_font (p, 12.5 * lu * st->text_scale, PANGO_WEIGHT_NORMAL);
  m->row = 0;
  for (int k = 0; k < HEL_NETMAP_N_TIE_KINDS + 1 + HEL_NETMAP_N_NODE_KINDS; k++)
    {
      const char *label = k < HEL_NETMAP_N_TIE_KINDS ? hel_netmap_tie_kind_label (k)
                        : k == HEL_NETMAP_N_TIE_KINDS ? _("Support flows this way")
                        : hel_netmap_node_kind_label (k - HEL_NETMAP_N_TIE_KINDS - 1);
      layout_text (p, label, -1, PANGO_ALIGN_LEFT, &w, &h);
      widest = MAX (widest, w);
      m->row = MAX (m->row, h);
    }
  m->row = MAX (m->row + 7 * lu, 20 * lu);
  m->w = m->text_x + widest + m->pad;
  m->h = m->pad + m->title_h + m->row * (HEL_NETMAP_N_TIE_KINDS + 1 + HEL_NETMAP_N_NODE_KINDS)
         + m->pad * 0.6;
}

static void
draw_legend (Painter *p)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double lu = legend_unit (p->width, p->height), margin = 14 * lu, x0, y0, y, w, h;
  LegendMetrics m;

  legend_measure (p, &m);
  x0 = floor (p->width - m.w - margin);
  y0 = floor (p->height - m.h - margin);
  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);

  rounded_rect (cr, x0 + 0.5, y0 + 0.5, m.w, m.h, 8 * lu);
  set_colour (cr, &st->legend_fill);
  cairo_fill_preserve (cr);
  set_colour (cr, &st->legend_border);
  cairo_set_line_width (cr, 1.0 * lu * st->line_scale);
  cairo_stroke (cr);

  set_font (p, 14 * lu * st->text_scale, PANGO_WEIGHT_BOLD);
  layout_text (p, C_("netmap", "Legend"), -1, PANGO_ALIGN_LEFT, &w, &h);
  set_colour (cr, &st->text);
  show_layout_at (p, x0 + m.pad, y0 + m.pad);

  y = y0 + m.pad + m.title_h;
  for (int k = 0; k < HEL_NETMAP_N_TIE_KINDS + 1 + HEL_NETMAP_N_NODE_KINDS; k++)
    {
      double mid = y + m.row / 2, sx1 = x0 + m.pad, sx2 = x0 + m.pad + m.sample;
      const char *label;

      if (k < HEL_NETMAP_N_TIE_KINDS)
        {
          draw_tie_shape (cr, st, (HelNetmapTieKind) k, HEL_NETMAP_ARROW_NONE, sx1, mid, sx2, mid,
                          lu);
          label = hel_netmap_tie_kind_label ((HelNetmapTieKind) k);
        }
      else if (k == HEL_NETMAP_N_TIE_KINDS)
        {
          draw_tie_shape (cr, st, HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_ARROW_FORWARD, sx1, mid, sx2,
                          mid, lu);
          label = _("Support flows this way");
        }
      else
        {
          HelNetmapNodeKind kind = (HelNetmapNodeKind) (k - HEL_NETMAP_N_TIE_KINDS - 1);
          node_shape (cr, kind, (sx1 + sx2) / 2, mid, 7.5 * lu);
          set_colour (cr, &st->node_default[kind]);
          cairo_fill_preserve (cr);
          set_colour (cr, &st->node_outline);
          cairo_set_line_width (cr, 1.2 * lu * st->line_scale);
          cairo_stroke (cr);
          label = hel_netmap_node_kind_label (kind);
        }
      set_font (p, 12.5 * lu * st->text_scale, PANGO_WEIGHT_NORMAL);
      layout_text (p, label, -1, PANGO_ALIGN_LEFT, &w, &h);
      set_colour (cr, &st->text);
      show_layout_at (p, x0 + m.text_x, mid - h / 2);
      y += m.row;
    }
}

static void
draw_title (Painter *p)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double lu = legend_unit (p->width, p->height), margin = 14 * lu, w, h, max_w;
  g_autofree char *title = NULL;
  const char *name = p->map->title && *p->map->title ? p->map->title : p->map->centre_name;
  g_autofree char *initials = NULL;

  if (p->options->initials_only && name == p->map->centre_name)
    name = initials = initials_of (name);
  /* Translators: the heading of a network map; %s is the family or the person */
  title = name && *name ? g_strdup_printf (_("Network map: %s"), name) : g_strdup (_("Network map"));
  max_w = MAX (p->width * 0.3, 200 * lu);

  set_font (p, 17 * lu * st->text_scale, PANGO_WEIGHT_BOLD);
  layout_text (p, title, max_w, PANGO_ALIGN_RIGHT, &w, &h);
  set_colour (cr, &st->text);
  show_layout_at (p, p->width - margin - max_w, margin);
  if (p->options->caption != NULL && *p->options->caption != '\0')
    {
      double top = margin + h + 2 * lu;
      set_font (p, 13 * lu * st->text_scale, PANGO_WEIGHT_NORMAL);
      layout_text (p, p->options->caption, max_w, PANGO_ALIGN_RIGHT, &w, &h);
      set_colour (cr, &st->muted_text);
      show_layout_at (p, p->width - margin - max_w, top);
    }
}

/* ---- entry points ---- */

static void
painter_init (Painter                      *p,
              cairo_t                      *cr,
              const HelNetmap              *map,
              const HelNetmapStyle         *style,
              const HelNetmapView          *view,
              const HelNetmapRenderOptions *options,
              double                        width,
              double                        height,
              HelNetmapRenderStats         *stats)
{
  double grow;

  memset (p, 0, sizeof *p);
  p->cr = cr;
  p->map = map;
  p->style = style;
  p->view = view;
  p->options = options;
  p->stats = stats;
  p->width = width;
  p->height = height;
  p->unit = CLAMP (view->scale / REFERENCE_SCALE, 0.55, 2.4);
  p->layout = pango_cairo_create_layout (cr);
  if (options->text_cache != NULL)
    pango_cairo_update_context (cr, options->text_cache->context);
  p->font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  hel_netmap_view_visible_rect (view, width, height, &p->visible);
  /* A shape pokes out of its centre by its radius; ties check their own width. */
  grow = HEL_NETMAP_NODE_RADIUS;
  p->visible.x -= grow;
  p->visible.y -= grow;
  p->visible.width += 2 * grow;
  p->visible.height += 2 * grow;
}

static void
painter_clear (Painter *p)
{
  g_clear_object (&p->layout);
  g_clear_pointer (&p->font, pango_font_description_free);
}

void
hel_render_netmap_layers (cairo_t                      *cr,
                          const HelNetmap              *map,
                          const HelNetmapStyle         *style,
                          const HelNetmapView          *view,
                          const HelNetmapRenderOptions *options,
                          double                        width,
                          double                        height,
                          HelNetmapRenderStats         *stats)
{
  HelNetmapRenderOptions default_options;
  HelNetmapRenderStats unused_stats;
  HelNetmapView safe_view;
  Painter p;
  gint64 active;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (map != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (view != NULL);

  if (options == NULL)
    {
      hel_netmap_render_options_init (&default_options);
      options = &default_options;
    }
  if (stats == NULL)
    stats = &unused_stats;
  memset (stats, 0, sizeof *stats);
  if (!(width > 0) || !(height > 0))
    return;
  safe_view = *view;
  if (!(safe_view.scale > 0) || !isfinite (safe_view.scale) ||
      !isfinite (safe_view.origin_x) || !isfinite (safe_view.origin_y))
    hel_netmap_view_fit (&safe_view, width, height, 0);
  safe_view.scale = CLAMP (safe_view.scale, HEL_NETMAP_MIN_SCALE, HEL_NETMAP_MAX_SCALE);

  painter_init (&p, cr, map, style, &safe_view, options, width, height, stats);
  active = options->active_node_id;

  cairo_save (cr);
  if (options->layers & HEL_NETMAP_LAYER_STATIC)
    {
      set_colour (cr, &style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
      draw_rings (&p);
      draw_sector_labels (&p);
      draw_ring_labels (&p);
      for (guint i = 0; i < map->ties->len; i++)
        {
          const HelNetmapTie *tie = map->ties->pdata[i];
          if (!tie_touches (tie, active))
            draw_tie (&p, tie);
        }
      draw_centre (&p);
      for (guint i = 0; i < map->nodes->len; i++)
        {
          const HelNetmapNode *node = map->nodes->pdata[i];
          if (active <= 0 || node->id != active)
            draw_node (&p, node);
        }
    }
  if ((options->layers & HEL_NETMAP_LAYER_ACTIVE) && active > 0)
    {
      const HelNetmapNode *node = hel_netmap_find_node (map, active);

      for (guint i = 0; i < map->ties->len; i++)
        {
          const HelNetmapTie *tie = map->ties->pdata[i];
          if (tie_touches (tie, active))
            draw_tie (&p, tie);
        }
      if (node != NULL)
        draw_node (&p, node);
    }
  if (options->layers & HEL_NETMAP_LAYER_LEGEND)
    {
      draw_title (&p);
      draw_legend (&p);
    }
  cairo_restore (cr);
  painter_clear (&p);
}

void
hel_render_netmap (cairo_t              *cr,
                   const HelNetmap      *map,
                   const HelNetmapStyle *style,
                   const HelNetmapView  *view,
                   double                width,
                   double                height)
{
  hel_render_netmap_layers (cr, map, style, view, NULL, width, height, NULL);
}

void
hel_render_netmap_legend_size (const HelNetmapStyle *style,
                               double                width,
                               double                height,
                               double               *legend_width,
                               double               *legend_height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  HelNetmapView view = { REFERENCE_SCALE, 0, 0 };
  HelNetmapRenderOptions options;
  HelNetmapRenderStats stats;
  g_autoptr(HelNetmap) empty = hel_netmap_new (0, 0, NULL);
  LegendMetrics m;
  Painter p;

  hel_netmap_render_options_init (&options);
  painter_init (&p, cr, empty, style, &view, &options, width, height, &stats);
  legend_measure (&p, &m);
  painter_clear (&p);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  *legend_width = m.w + 2 * 14 * legend_unit (width, height);
  *legend_height = m.h + 2 * 14 * legend_unit (width, height);
}

void
hel_render_netmap_fit_view (HelNetmapView        *view,
                            const HelNetmapStyle *style,
                            double                width,
                            double                height)
{
  double lw, lh;

  hel_render_netmap_legend_size (style, width, height, &lw, &lh);
  hel_netmap_view_fit (view, width, height, lw);
}

static char *
ring_summary (const HelNetmap *map)
{
  guint counts[HEL_NETMAP_N_RINGS];
  g_autofree char *people = NULL;

  hel_netmap_count_by_ring (map, counts);
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                         map->nodes->len), map->nodes->len);
  /* Translators: "12 people: 4 close, 5 effective, 3 available" */
  return g_strdup_printf (_("%s: %u close, %u effective, %u available"), people,
                          counts[HEL_NETMAP_RING_CLOSE], counts[HEL_NETMAP_RING_EFFECTIVE],
                          counts[HEL_NETMAP_RING_AVAILABLE]);
}

void
hel_render_netmap_compare (cairo_t              *cr,
                           const HelNetmap      *before,
                           const char           *before_caption,
                           const HelNetmap      *after,
                           const char           *after_caption,
                           const HelNetmapStyle *style,
                           double                width,
                           double                height)
{
  const HelNetmap *maps[2] = { before, after };
  const char *captions[2] = { before_caption, after_caption };
  double lw, lh, lu = legend_unit (width, height), half, header;
  HelNetmapRenderOptions options;
  HelNetmapView view;
  Painter p;

  g_return_if_fail (cr != NULL && before != NULL && after != NULL && style != NULL);
  if (!(width > 0) || !(height > 0))
    return;

  hel_render_netmap_legend_size (style, width, height, &lw, &lh);
  if (width - lw < height)
    lw = 0;
  half = (width - lw) / 2;
  header = 56 * lu;

  hel_netmap_render_options_init (&options);
  cairo_save (cr);
  set_colour (cr, &style->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *summary = ring_summary (maps[i]);
      HelNetmapRenderStats stats;
      double w, h;

      hel_netmap_view_fit (&view, half, height - header, 0);
      view.origin_y += header;
      cairo_save (cr);
      cairo_translate (cr, i * half, 0);
      cairo_rectangle (cr, 0, 0, half, height);
      cairo_clip (cr);
      options.layers = HEL_NETMAP_LAYER_STATIC;
      hel_render_netmap_layers (cr, maps[i], style, &view, &options, half, height, &stats);

      painter_init (&p, cr, maps[i], style, &view, &options, half, height, &stats);
      set_font (&p, 16 * lu * style->text_scale, PANGO_WEIGHT_BOLD);
      layout_text (&p, captions[i] ? captions[i] : "", half - 24 * lu, PANGO_ALIGN_LEFT, &w, &h);
      set_colour (cr, &style->text);
      show_layout_at (&p, 12 * lu, 10 * lu);
      set_font (&p, 12.5 * lu * style->text_scale, PANGO_WEIGHT_NORMAL);
      layout_text (&p, summary, half - 24 * lu, PANGO_ALIGN_LEFT, &w, &h);
      set_colour (cr, &style->muted_text);
      show_layout_at (&p, 12 * lu, 10 * lu + 22 * lu);
      painter_clear (&p);
      cairo_restore (cr);
    }

  /* The divider between the two. */
  set_colour (cr, &style->legend_border);
  cairo_set_line_width (cr, 1.5 * lu);
  cairo_move_to (cr, half, 8 * lu);
  cairo_line_to (cr, half, height - 8 * lu);
  cairo_stroke (cr);

  hel_netmap_view_fit (&view, width, height, 0);
  painter_init (&p, cr, after, style, &view, &options, width, height, &(HelNetmapRenderStats) { 0 });
  draw_legend (&p);
  painter_clear (&p);
  cairo_restore (cr);
}
