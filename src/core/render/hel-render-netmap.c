/* hel-render-netmap.c: draws a network map as an eco-map: rings, sectors, ties, people, legend. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hel-raster-cover.h"
#include "hel-raster-line.h"
#include "hel-render-netmap-private.h"

/* Sizes below are in pixels at a "unit" of 1, which is a map shown about 800 pixels high. */
#define REFERENCE_SCALE 120.0

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


/* Shaping text is most of the cost of a frame; a widget that keeps one of these across frames
 * pays it once per name and size. Bounded, so zooming through many sizes cannot grow it. */
#define TEXT_CACHE_LIMIT 6000
/* About 3,000 people at a comfortable size; beyond that people are drawn afresh. */
#define PEOPLE_CACHE_BYTES (64 * 1024 * 1024)

static void
picture_free (gpointer data)
{
  Picture *picture = data;

  cairo_surface_destroy (picture->surface);
  g_free (picture->solid);
  g_free (picture);
}

HelNetmapRenderCache *
hel_netmap_render_cache_new (void)
{
  HelNetmapRenderCache *cache = g_new0 (HelNetmapRenderCache, 1);

  cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  cache->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, picture_free);
  return cache;
}

static void
clear_people (HelNetmapRenderCache *cache)
{
  g_hash_table_remove_all (cache->people);
  cache->people_bytes = 0;
}

void
hel_netmap_render_cache_clear (HelNetmapRenderCache *cache)
{
  g_return_if_fail (cache != NULL);
  g_hash_table_remove_all (cache->layouts);
  clear_people (cache);
  g_clear_pointer (&cache->backdrop, cairo_surface_destroy);
}

void
hel_netmap_render_cache_free (HelNetmapRenderCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->layouts);
  g_hash_table_unref (cache->people);
  g_object_unref (cache->context);
  g_free (cache->people_font);
  hel_raster_cover_free (cache->cover);
  g_clear_pointer (&cache->backdrop, cairo_surface_destroy);
  g_free (cache->backdrop_key);
  g_free (cache->backdrop_font);
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
  HelNetmapRenderCache *cache = p->options->cache;
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
  /* No current point left behind: an arc after it would begin with a line from here. */
  cairo_new_path (p->cr);
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

void
_hel_netmap_to_widget (Painter *p,
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

/* ---- the background: bands, rings, sectors, labels, the centre ---- */

static void
draw_rings (Painter *p)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double cx, cy, s = p->view->scale, u = p->unit;

  _hel_netmap_to_widget (p, 0, 0, &cx, &cy);

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

  _hel_netmap_to_widget (p, 0, 0, &cx, &cy);
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

/* A rectangle in widget pixels. */
typedef struct {
  double x, y, w, h;
} Box;

static gboolean
boxes_meet (const Box *a,
            const Box *b,
            double     gap)
{
  return a->x < b->x + b->w + gap && b->x < a->x + a->w + gap &&
         a->y < b->y + b->h + gap && b->y < a->y + a->h + gap;
}

static void overlay_boxes (Painter *p,
                           Box     *title,
                           Box     *legend);

static void
draw_sector_labels (Painter *p)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  const double e = HEL_NETMAP_EXTENT - 0.04;
  double s = p->view->scale, u = p->unit, gap = 6 * u;
  Box overlays[2];
  guint n_overlays = 0;

  if (!p->options->legend_elsewhere)
    {
      overlay_boxes (p, &overlays[0], &overlays[1]);
      n_overlays = 2;
    }
  set_font (p, 15.5 * u * st->text_scale, PANGO_WEIGHT_BOLD);
  for (int i = 0; i < HEL_NETMAP_N_SECTORS; i++)
    {
      gboolean left = i == HEL_NETMAP_SECTOR_FAMILY || i == HEL_NETMAP_SECTOR_PROFESSIONALS;
      gboolean top = i == HEL_NETMAP_SECTOR_FAMILY || i == HEL_NETMAP_SECTOR_FRIENDS;
      gboolean moved = FALSE;
      double ax, ay, w, h;
      Box ink;

      /* In the corners of the square around the rings, where no ring reaches. */
      _hel_netmap_to_widget (p, left ? -e : e, top ? -e : e, &ax, &ay);
      layout_text (p, hel_netmap_sector_label ((HelNetmapSector) i), 1.55 * s,
                   left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, &w, &h);
      /* A right-aligned layout fills its whole width with the text at its right end. */
      ink.x = left ? ax : ax - w;
      ink.y = top ? ay : ay - h;
      ink.w = w;
      ink.h = h;
      /* The title and the legend stay put on screen; when the surface is too narrow to keep
       * them beside the rings, a corner's label steps out of their way: below the title,
       * above the legend. */
      for (guint k = 0; k < n_overlays; k++)
        if (boxes_meet (&ink, &overlays[k], gap))
          {
            ink.y = top ? overlays[k].y + overlays[k].h + gap : overlays[k].y - gap - ink.h;
            moved = TRUE;
          }
      if (ink.x > p->width || ink.y > p->height || ink.x + ink.w < 0 || ink.y + ink.h < 0)
        continue;
      if (moved)
        {
          /* Now over the rings: a halo, so lines do not cut through it. */
          rounded_rect (cr, ink.x - 5 * u, ink.y - 1 * u, ink.w + 10 * u, ink.h + 2 * u, 6 * u);
          set_colour (cr, &st->label_halo);
          cairo_fill (cr);
        }
      set_colour (cr, &st->text);
      show_layout_at (p, left ? ink.x : ink.x + w - 1.55 * s, ink.y);
    }
}

void
_hel_netmap_draw_centre (Painter *p)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double cx, cy, r, w, h, u = p->unit;
  const char *name;
  g_autofree char *initials = NULL;

  if (!point_visible (p, 0, 0, HEL_NETMAP_CENTRE_RADIUS))
    return;
  _hel_netmap_to_widget (p, 0, 0, &cx, &cy);
  r = HEL_NETMAP_CENTRE_RADIUS * p->view->scale;

  cairo_new_path (cr);
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

/* A straight piece of a tie, @from to @to pixels along it and @side pixels to its left.
 * On pixels the pieces go to our own rasterizer (@raster), which strokes what Cairo would
 * at a fraction of the cost; elsewhere to Cairo. */
typedef struct {
  cairo_t       *cr;
  HelRasterLine *raster;
  double         x1, y1, ux, uy, nx, ny;
  guint          segments;
} TieFrame;

static void
tie_point (TieFrame *f,
           double    along,
           double    side,
           gboolean  move)
{
  double x = f->x1 + f->ux * along + f->nx * side, y = f->y1 + f->uy * along + f->ny * side;

  if (f->raster != NULL)
    {
      if (move)
        hel_raster_line_move_to (f->raster, x, y);
      else
        hel_raster_line_line_to (f->raster, x, y);
    }
  else if (move)
    cairo_move_to (f->cr, x, y);
  else
    cairo_line_to (f->cr, x, y);
  if (!move)
    f->segments++;
}

/* Strokes the pieces made since the last stroke, @width wide with butt ends, round joins. */
static void
tie_stroke (TieFrame *f,
            double    width)
{
  if (f->raster != NULL)
    hel_raster_line_stroke (f->raster, width, HEL_RASTER_CAP_BUTT);
  else
    {
      cairo_set_line_width (f->cr, width);
      cairo_stroke (f->cr);
    }
}

static void
tie_piece (TieFrame *f,
           double    from,
           double    to,
           double    side)
{
  if (!(to > from))
    return;
  tie_point (f, from, side, TRUE);
  tie_point (f, to, side, FALSE);
}

/* Draws one tie of @kind between two widget points in the eco-map way; only the part from
 * @from to @to pixels along it is made (it is in view), so a long tie through the view costs
 * what is seen. The pattern keeps its phase: a clipped tie looks the same where it is drawn.
 * Also used by the legend. Returns how many straight pieces were stroked. */
static guint
draw_tie_shape (cairo_t               *cr,
                HelRasterLine         *raster,
                const HelNetmapStyle  *st,
                HelNetmapTieKind       kind,
                HelNetmapArrow         arrow,
                double                 x1,
                double                 y1,
                double                 x2,
                double                 y2,
                double                 u,
                double                 from,
                double                 to)
{
  double dx = x2 - x1, dy = y2 - y1;
  double len = hypot (dx, dy);
  double head, lw, start = 0, end, a, b;
  gboolean head_forward = arrow == HEL_NETMAP_ARROW_FORWARD || arrow == HEL_NETMAP_ARROW_BOTH;
  gboolean head_back = arrow == HEL_NETMAP_ARROW_BACK || arrow == HEL_NETMAP_ARROW_BOTH;
  const HelNetmapColour *colour;
  TieFrame f;

  if (!(len > 1))
    return 0;
  f.cr = cr;
  f.raster = raster;
  f.ux = dx / len;
  f.uy = dy / len;
  f.nx = -f.uy;
  f.ny = f.ux;
  f.segments = 0;
  lw = 2.0 * u * st->line_scale;
  head = MIN (12 * u * MAX (st->line_scale, 1.0), len / 3);

  colour = kind == HEL_NETMAP_TIE_STRESSFUL || kind == HEL_NETMAP_TIE_CONFLICT
           ? &st->tie_strain : &st->tie;
  set_colour (cr, colour);
  if (raster != NULL)
    hel_raster_line_set_colour (raster, colour->red, colour->green, colour->blue, colour->alpha);

  /* The line stops where an arrowhead begins, so the tip stays sharp. The pattern is laid
   * out from the line's start; a and b are what of it is in view. */
  end = len;
  if (head_forward)
    end -= head * 0.8;
  if (head_back)
    start += head * 0.8;
  f.x1 = x1 + f.ux * start;
  f.y1 = y1 + f.uy * start;
  len = end - start;
  a = MAX (from - start, 0);
  b = MIN (to - start, len);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (b > a)
    switch (kind)
      {
      case HEL_NETMAP_TIE_STRONG:
        {
          double gap = 3.4 * u * st->line_scale, width = 1.7 * u * st->line_scale;
          /* Lines a pixel and a half apart share no pixel: each is a stroke of its own,
           * which our rasterizer draws faster (see hel_raster_line_stroke()). */
          gboolean apart = raster != NULL && gap - width >= 1.5;

          for (int k = -1; k <= 1; k++)
            {
              tie_piece (&f, a, b, gap * k);
              if (apart)
                tie_stroke (&f, width);
            }
          if (!apart)
            tie_stroke (&f, width);
        }
        break;

      case HEL_NETMAP_TIE_WEAK:
        {
          double dashes[2] = { 7 * u, 5 * u };
          guint segments = f.segments;

          if (raster != NULL)
            {
              /* The dashes as pieces of their own, where Cairo's dashing puts them: every
               * 12 u from the line's start, 7 u long. */
              double period = dashes[0] + dashes[1];

              for (double t = floor (a / period) * period; t < b; t += period)
                {
                  tie_piece (&f, MAX (t, a), MIN (t + dashes[0], b), 0);
                  tie_stroke (&f, lw);
                }
            }
          else
            {
              /* Started at a, the dashes fall where they would from the line's start. */
              cairo_set_dash (cr, dashes, 2, a);
              tie_piece (&f, a, b, 0);
            }
          f.segments = segments + 1 + (guint) ((b - a) / (12 * u));
          tie_stroke (&f, lw);
        }
        break;

      case HEL_NETMAP_TIE_STRESSFUL:
        {
          double amp = 4.5 * u, lead = MIN (5 * u, len / 4);
          int n = MAX (2, (int) floor ((len - 2 * lead) / (6 * u)));
          double step = (len - 2 * lead) / n;
          /* The corners: the start, the lead, n zigzag points, the lead back, the end. Only
           * the legs that reach into [a, b] are made. */
          int last = n + 3, first_in = 0, last_in = last;
          gboolean moved = FALSE;

          for (int j = 0; j <= last; j++)
            {
              double t = j == 0 ? 0 : j == 1 ? lead : j == last ? len
                       : j == last - 1 ? len - lead : lead + step * (j - 2 + 0.5);
              if (t <= a)
                first_in = j;
              if (t >= b)
                {
                  last_in = j;
                  break;
                }
            }
          for (int j = first_in; j <= last_in; j++)
            {
              double t, side = 0;

              if (j == 0)
                t = 0;
              else if (j == 1)
                t = lead;
              else if (j == last)
                t = len;
              else if (j == last - 1)
                t = len - lead;
              else
                {
                  t = lead + step * (j - 2 + 0.5);
                  side = (j - 2) % 2 == 0 ? amp : -amp;
                }
              tie_point (&f, t, side, !moved);
              moved = TRUE;
            }
          tie_stroke (&f, 1.8 * u * st->line_scale);
        }
        break;

      case HEL_NETMAP_TIE_CONFLICT:
        {
          double spacing = 9 * u, half = 5.5 * u, lead = MIN (8 * u, len / 4);
          double slant = half * 0.45;
          int k0 = (int) MAX (0, ceil ((a - slant - lead) / spacing));

          tie_piece (&f, a, b, 0);
          tie_stroke (&f, lw);
          /* Short slanted cross strokes all along: hatching. */
          for (int k = k0;; k++)
            {
              double t = lead + k * spacing;
              if (t > len - lead || t - slant > b)
                break;
              tie_point (&f, t - slant, -half, TRUE);
              tie_point (&f, t + slant, half, FALSE);
              /* 9 u apart, they never share a pixel: one stroke each (see above). */
              if (raster != NULL)
                tie_stroke (&f, 1.6 * u * st->line_scale);
            }
          if (raster == NULL)
            tie_stroke (&f, 1.6 * u * st->line_scale);
        }
        break;

      case HEL_NETMAP_TIE_BROKEN:
        {
          double gap = MIN (16 * u, len / 3), bar = 6 * u;
          double ga = len / 2 - gap / 2, gb = len / 2 + gap / 2;
          /* The bars cross the lines' ends. In one colour that covers, each may still be a
           * stroke of its own for our rasterizer (where both cover a pixel entirely it is
           * that colour, on the edges they add up as coverage does); see above. */
          gboolean apart = raster != NULL && colour->alpha >= 1;

          tie_piece (&f, a, MIN (b, ga), 0);
          if (apart)
            tie_stroke (&f, lw);
          tie_piece (&f, MAX (a, gb), b, 0);
          if (apart)
            tie_stroke (&f, lw);
          /* End bars on both sides of the gap, so the break reads as deliberate. */
          if (ga + bar >= a && ga - bar <= b)
            {
              tie_point (&f, ga, -bar, TRUE);
              tie_point (&f, ga, bar, FALSE);
              if (apart)
                tie_stroke (&f, lw);
            }
          if (gb + bar >= a && gb - bar <= b)
            {
              tie_point (&f, gb, -bar, TRUE);
              tie_point (&f, gb, bar, FALSE);
            }
          tie_stroke (&f, lw);
        }
        break;

      case HEL_NETMAP_TIE_NORMAL:
      default:
        tie_piece (&f, a, b, 0);
        tie_stroke (&f, lw);
        break;
      }
  cairo_restore (cr);

  /* (ux, uy) points from the first end to the second. */
  if (head_forward && to >= end)
    arrow_head (cr, x2, y2, f.ux, f.uy, head, head * 0.5);
  if (head_back && from <= start)
    arrow_head (cr, x1, y1, -f.ux, -f.uy, head, head * 0.5);
  return f.segments;
}

/* The part of the segment (x1, y1)-(x2, y2) inside @rect, as fractions of the way along it;
 * FALSE if none (Liang-Barsky). */
static gboolean
clip_segment (const HelNetmapRect *rect,
              double               x1,
              double               y1,
              double               x2,
              double               y2,
              double              *t0,
              double              *t1)
{
  double dx = x2 - x1, dy = y2 - y1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x1 - rect->x, rect->x + rect->width - x1, y1 - rect->y,
                  rect->y + rect->height - y1 };

  *t0 = 0;
  *t1 = 1;
  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        *t0 = MAX (*t0, q[i] / p[i]);
      else
        *t1 = MIN (*t1, q[i] / p[i]);
    }
  return *t0 < *t1;
}

/* Whether every pixel within @reach of the point @t pixels along a tie from (@x1, @y1)
 * towards (@ux, @uy) will be covered by people. */
static gboolean
tie_hidden_at (Painter *p,
               double   x1,
               double   y1,
               double   ux,
               double   uy,
               double   t,
               double   reach)
{
  double x = x1 + ux * t, y = y1 + uy * t, dx, dy;

  /* To the target's pixels (only a scale and a move: see takes_pictures()). */
  cairo_matrix_transform_point (&p->matrix, &x, &y);
  dx = x + p->cover_ox;
  dy = y + p->cover_oy;
  reach *= p->matrix.xx;
  return hel_raster_cover_box_hidden (p->cover, floor (dx - reach), floor (dy - reach),
                                      ceil (dx + reach), ceil (dy + reach));
}

/* In a crowd a tie runs from under one person to under another: narrows [*from, *to] (pixels
 * along the tie from its first end, as draw_tie_shape() takes them) past the stretches at
 * either end that people will cover, so those are not drawn; the pixels that show are the
 * same. FALSE if all of it will be covered. */
static gboolean
trim_hidden_ends (Painter *p,
                  double   x1,
                  double   y1,
                  double   x2,
                  double   y2,
                  double   len,
                  double  *from,
                  double  *to)
{
  double ux = (x2 - x1) / len, uy = (y2 - y1) / len;
  double u = p->unit, k = p->matrix.xx;
  /* What a tie draws beside its line at most (hatching, bars, zigzags, arrowheads are
   * within 7 u), and a pixel of antialiasing. */
  double side = 7 * u * MAX (p->style->line_scale, 1.0) + 2 / k;
  /* Samples four device pixels apart; each box reaches to the next. */
  double step = 4 / k, reach = side + step;
  /* At a new end the pattern may differ from the whole tie's up to a zigzag leg or an
   * arrowhead back (each at most 12 u): only that far inside a covered stretch is an end
   * moved to. */
  double slack = 12 * u * MAX (p->style->line_scale, 1.0) + 2 * step;
  double lo = MAX (*from, 0), hi = MIN (*to, len), t;

  if (!(hi > lo))
    return TRUE;
  for (t = lo; t <= hi && tie_hidden_at (p, x1, y1, ux, uy, t, reach); t += step)
    ;
  /* Every sample covered, the last one reaching past hi: all of it. */
  if (t > hi)
    return FALSE;
  if (t - step >= lo + slack)
    *from = t - step;
  lo = MAX (*from, 0);
  for (t = hi; t >= lo && tie_hidden_at (p, x1, y1, ux, uy, t, reach); t -= step)
    ;
  if (t + step <= hi - slack)
    *to = t + step;
  return TRUE;
}

void
_hel_netmap_draw_tie (Painter            *p,
          const HelNetmapTie *tie)
{
  double x1, y1, x2, y2, wx1, wy1, wx2, wy2, t0, t1, len, from, to;
  /* What pokes out sideways or along a tie (the selection, hatching, arrowheads). */
  double margin = 16 * p->unit * MAX (p->style->line_scale, 1.0) / p->view->scale;
  HelNetmapRect view = p->visible;

  if (!hel_netmap_tie_endpoints (p->map, tie, &x1, &y1, &x2, &y2))
    return;
  view.x -= margin;
  view.y -= margin;
  view.width += 2 * margin;
  view.height += 2 * margin;
  if (!clip_segment (&view, x1, y1, x2, y2, &t0, &t1))
    {
      p->stats->ties_culled++;
      return;
    }
  _hel_netmap_to_widget (p, x1, y1, &wx1, &wy1);
  _hel_netmap_to_widget (p, x2, y2, &wx2, &wy2);
  len = hypot (wx2 - wx1, wy2 - wy1);
  from = t0 > 0 ? t0 * len : -G_MAXDOUBLE;
  to = t1 < 1 ? t1 * len : G_MAXDOUBLE;
  if (t0 > 0 || t1 < 1)
    p->stats->ties_clipped++;
  if (tie->id > 0 && tie->id == p->options->selected_tie_id && p->raster != NULL)
    {
      hel_raster_line_set_colour (p->raster, p->style->selection.red, p->style->selection.green,
                                  p->style->selection.blue, 0.35);
      hel_raster_line_move_to (p->raster, wx1 + (wx2 - wx1) * t0, wy1 + (wy2 - wy1) * t0);
      hel_raster_line_line_to (p->raster, wx1 + (wx2 - wx1) * t1, wy1 + (wy2 - wy1) * t1);
      hel_raster_line_stroke (p->raster, 14 * p->unit, HEL_RASTER_CAP_ROUND);
    }
  else if (tie->id > 0 && tie->id == p->options->selected_tie_id)
    {
      cairo_save (p->cr);
      cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (p->cr, 14 * p->unit);
      cairo_set_source_rgba (p->cr, p->style->selection.red, p->style->selection.green,
                             p->style->selection.blue, 0.35);
      cairo_move_to (p->cr, wx1 + (wx2 - wx1) * t0, wy1 + (wy2 - wy1) * t0);
      cairo_line_to (p->cr, wx1 + (wx2 - wx1) * t1, wy1 + (wy2 - wy1) * t1);
      cairo_stroke (p->cr);
      cairo_restore (p->cr);
    }
  if (p->cover != NULL && !trim_hidden_ends (p, wx1, wy1, wx2, wy2, len, &from, &to))
    {
      p->stats->ties_hidden++;
      return;
    }
  p->stats->tie_segments += draw_tie_shape (p->cr, p->raster, p->style, tie->kind, tie->arrow,
                                            wx1, wy1, wx2, wy2, p->unit, from, to);
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

/* One person centred at (x, y) in widget pixels on p->cr: the selection ring, the shape, the
 * initials inside and the name (and actor) under it, as far as their size allows. */
static void
draw_person (Painter               *p,
             const HelNetmapNode   *node,
             double                 x,
             double                 y,
             double                 r,
             const HelNetmapColour *fill,
             gboolean               selected)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double u = p->unit, h;

  if (selected)
    {
      node_shape (cr, node->kind, x, y, r + 5 * u);
      set_colour (cr, &st->selection);
      cairo_set_line_width (cr, 3 * u * st->line_scale);
      cairo_stroke (cr);
    }
  node_shape (cr, node->kind, x, y, r);
  set_colour (cr, fill);
  cairo_fill_preserve (cr);
  set_colour (cr, &st->node_outline);
  cairo_set_line_width (cr, 1.5 * u * st->line_scale);
  cairo_stroke (cr);

  if (r < 7)
    return;

  /* Initials inside, in black or white, whichever reads on the fill. */
  {
    g_autofree char *initials = initials_of (node->name);
    double lum = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;
    double w, ih;

    if (initials != NULL && *initials != '\0')
      {
        set_font (p, r * 0.85, PANGO_WEIGHT_BOLD);
        layout_text (p, initials, -1, PANGO_ALIGN_CENTER, &w, &ih);
        if (lum > 0.55 || fill->alpha < 0.5)
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
  }
}

/* How far a person's drawing reaches from its centre, in widget pixels: sideways and down
 * as measured (the names' layouts are cached), up to the selection ring. */
static void
person_extent (Painter             *p,
               const HelNetmapNode *node,
               double               r,
               gboolean             selected,
               double              *across,
               double              *above,
               double              *below)
{
  const HelNetmapStyle *st = p->style;
  double u = p->unit, w, h, pad = 3 * u;
  g_autofree char *initials = NULL;
  const char *name = node->name && *node->name ? node->name : "?";

  /* The outline or the selection ring, and a pixel for antialiasing. */
  *above = r + (selected ? 6.5 * u : 1.0 * u) * st->line_scale + 2;
  *across = *above;
  *below = *above;
  if (r < 9)
    return;
  if (p->options->initials_only)
    name = initials = initials_of (name);
  /* As draw_label() lays them out; a few pixels more for what a glyph's ink may overhang. */
  p->max_lines = 2;
  set_font (p, 12.5 * u * st->text_scale, PANGO_WEIGHT_SEMIBOLD);
  layout_text (p, name, 150 * u * st->text_scale, PANGO_ALIGN_CENTER, &w, &h);
  *across = MAX (*across, w / 2 + pad + 4);
  *below = MAX (*below, r + 3 * u + h + 3);
  if (node->actor != NULL && *node->actor != '\0')
    {
      double h2;

      set_font (p, 11 * u * st->text_scale, PANGO_WEIGHT_NORMAL);
      layout_text (p, node->actor, 150 * u * st->text_scale, PANGO_ALIGN_CENTER, &w, &h2);
      *across = MAX (*across, w / 2 + pad + 4);
      *below = MAX (*below, r + 3 * u + h + h2 + 3);
    }
  p->max_lines = 0;
}

static gboolean
same_style (const HelNetmapStyle *a,
            const HelNetmapStyle *b,
            const char           *b_font)
{
  /* Everything but the font's name is numbers. */
  return memcmp (a, b, G_STRUCT_OFFSET (HelNetmapStyle, font_family)) == 0 &&
         a->text_scale == b->text_scale && a->line_scale == b->line_scale &&
         g_strcmp0 (a->font_family, b_font) == 0;
}

/* The cached picture of a person for this zoom and style, drawn now if it is not there; NULL
 * when the cache is full (deep in a crowd of thousands: drawing them afresh is cheaper than
 * drawing and dropping pictures). The picture is in device pixels with the centre on a pixel
 * corner, so painting it is a copy. */
/* The smallest box around the ink of @surface's rows @top to @bottom (excluded); FALSE if
 * they have none. */
static gboolean
ink_box (cairo_surface_t       *surface,
         int                    top,
         int                    bottom,
         cairo_rectangle_int_t *box)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int x0 = width, x1 = -1, y0 = bottom, y1 = -1;

  for (int y = top; y < bottom; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if (row[x] != 0)
          {
            x0 = MIN (x0, x);
            x1 = MAX (x1, x);
            y0 = MIN (y0, y);
            y1 = y;
          }
    }
  if (x1 < 0)
    return FALSE;
  *box = (cairo_rectangle_int_t) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
  return TRUE;
}

/* The longest run of opaque pixels in each row of @picture (pictures are at most a few
 * hundred pixels wide: 16 bits hold them). */
static void
find_solid_runs (Picture *picture)
{
  const guint8 *data = cairo_image_surface_get_data (picture->surface);
  int stride = cairo_image_surface_get_stride (picture->surface);
  int width = MIN (cairo_image_surface_get_width (picture->surface), G_MAXINT16);
  int height = cairo_image_surface_get_height (picture->surface);

  picture->solid = g_new0 (gint16, 2 * (gsize) MAX (height, 1));
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);
      int best0 = 0, best1 = 0;

      for (int x = 0; x < width;)
        {
          int x0 = x;

          while (x < width && row[x] >= 0xff000000u)
            x++;
          if (x - x0 > best1 - best0)
            {
              best0 = x0;
              best1 = x;
            }
          if (x == x0)
            x++;
        }
      picture->solid[2 * y] = (gint16) best0;
      picture->solid[2 * y + 1] = (gint16) best1;
    }
}

static const Picture *
person_picture (Painter               *p,
                const HelNetmapNode   *node,
                double                 r,
                const HelNetmapColour *fill,
                gboolean               selected)
{
  HelNetmapRenderCache *cache = p->options->cache;
  const HelNetmapStyle *st = p->style;
  double k = p->matrix.xx;
  double across, above, below;
  g_autofree char *key = NULL;
  Picture *picture;
  cairo_t *cr, *saved;
  int x, y, w, h;

  if (cache->people_scale != p->view->scale || cache->people_device_scale != k ||
      !same_style (st, &cache->people_style, cache->people_font))
    {
      clear_people (cache);
      cache->people_scale = p->view->scale;
      cache->people_device_scale = k;
      cache->people_style = *st;
      g_free (cache->people_font);
      cache->people_font = g_strdup (st->font_family);
      /* A pointer into the caller's memory must not be compared later. */
      cache->people_style.font_family = NULL;
    }

  /* The name's length keeps "A|B" + "C" apart from "A" + "B|C". */
  key = g_strdup_printf ("%d|%02x%02x%02x%02x|%d|%d|%zu|%s|%s", (int) node->kind,
                         (int) round (fill->red * 255), (int) round (fill->green * 255),
                         (int) round (fill->blue * 255), (int) round (fill->alpha * 255),
                         selected, p->options->initials_only,
                         node->name ? strlen (node->name) : 0, node->name ? node->name : "",
                         node->actor ? node->actor : "");
  picture = g_hash_table_lookup (cache->people, key);
  if (picture != NULL)
    return picture;

  person_extent (p, node, r, selected, &across, &above, &below);
  /* The centre on a whole widget pixel too (k is a whole number on screens), as where the
   * plain drawing aligns the names' boxes. */
  x = (int) ceil (ceil (across) * k);
  y = (int) ceil (ceil (above) * k);
  w = 2 * x;
  h = y + (int) ceil (below * k);
  if (cache->people_bytes + (gsize) w * h * 4 > PEOPLE_CACHE_BYTES)
    return NULL;
  picture = g_new0 (Picture, 1);
  picture->x = x;
  picture->y = y;
  picture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);

  /* The caller's scale, moved so the centre lands on the picture's (x, y). */
  cr = cairo_create (picture->surface);
  cairo_scale (cr, k, k);
  saved = p->cr;
  p->cr = cr;
  draw_person (p, node, picture->x / k, picture->y / k, r, fill, selected);
  p->cr = saved;
  cairo_destroy (cr);
  cairo_surface_flush (picture->surface);
  /* The shape above, the names below (a selection ring may reach into their rows: each
   * box is the ink of its own rows, whatever they hold). */
  {
    int split = CLAMP (picture->y + (int) floor ((r + 1.5 * p->unit) * k), 0, h);

    if (ink_box (picture->surface, 0, split, &picture->boxes[picture->n_boxes]))
      picture->n_boxes++;
    if (ink_box (picture->surface, split, h, &picture->boxes[picture->n_boxes]))
      picture->n_boxes++;
  }
  find_solid_runs (picture);

  cache->people_bytes += (gsize) w * h * 4;
  g_hash_table_insert (cache->people, g_steal_pointer (&key), picture);
  return picture;
}

/* FALSE when @node is out of view (and counted as culled). */
gboolean
_hel_netmap_prepare_node (Painter             *p,
              const HelNetmapNode *node,
              PersonItem          *item)
{
  const HelNetmapStyle *st = p->style;
  double s = p->view->scale, u = p->unit;
  double r = HEL_NETMAP_NODE_RADIUS * s;
  /* What a person's drawing may cover, in map units: the selection ring above, names of up
   * to two lines each below and their wrapping width across (see person_extent()). */
  double above = (r + 6.5 * u * MAX (st->line_scale, 1.0) + 2) / s;
  double across = MAX (above, (75 * u * st->text_scale + 3 * u + 4) / s);
  double below = MAX (above, (r + 3 * u + 61 * u * st->text_scale + 3) / s);

  if (node->x + across < p->in_view.x || node->x - across > p->in_view.x + p->in_view.width ||
      node->y + below < p->in_view.y || node->y - above > p->in_view.y + p->in_view.height)
    {
      p->stats->nodes_culled++;
      return FALSE;
    }
  p->stats->nodes_drawn++;
  memset (item, 0, sizeof *item);
  item->node = node;
  item->r = r;
  item->selected = node->id > 0 && node->id == p->options->selected_node_id;
  _hel_netmap_to_widget (p, node->x, node->y, &item->x, &item->y);
  item->fill = node_fill (st, node);

  /* Far out, a few hundred people are dots: no text, one fill. */
  if (r < 3)
    {
      item->paint = PERSON_DOT;
      return TRUE;
    }
  if (r >= 9)
    p->stats->labels_drawn++;

  item->picture = p->pictures ? person_picture (p, node, r, &item->fill, item->selected) : NULL;
  if (item->picture != NULL)
    {
      double dx = round (item->x), dy = round (item->y);

      /* Onto whole pixels: at most half a pixel off, and a plain copy to paint. */
      cairo_user_to_device (p->cr, &dx, &dy);
      item->dx = (int) round (dx) - item->picture->x;
      item->dy = (int) round (dy) - item->picture->y;
      item->paint = PERSON_PICTURE;
      p->stats->nodes_from_cache++;
      return TRUE;
    }
  item->paint = PERSON_DRAWN;
  return TRUE;
}

void
_hel_netmap_paint_node (Painter          *p,
            const PersonItem *item)
{
  cairo_t *cr = p->cr;
  const Picture *picture = item->picture;

  switch (item->paint)
    {
    case PERSON_DOT:
      set_colour (cr, &item->fill);
      cairo_rectangle (cr, item->x - item->r, item->y - item->r, 2 * item->r, 2 * item->r);
      cairo_fill (cr);
      break;

    case PERSON_PICTURE:
      cairo_identity_matrix (cr);
      cairo_set_source_surface (cr, picture->surface, item->dx, item->dy);
      for (int i = 0; i < picture->n_boxes; i++)
        cairo_rectangle (cr, item->dx + picture->boxes[i].x, item->dy + picture->boxes[i].y,
                         picture->boxes[i].width, picture->boxes[i].height);
      cairo_fill (cr);
      cairo_set_matrix (cr, &p->matrix);
      break;

    case PERSON_DRAWN:
    default:
      draw_person (p, item->node, item->x, item->y, item->r, &item->fill, item->selected);
      break;
    }
}

static void
draw_node (Painter             *p,
           const HelNetmapNode *node)
{
  PersonItem item;

  if (_hel_netmap_prepare_node (p, node, &item))
    _hel_netmap_paint_node (p, &item);
}

gboolean
_hel_netmap_tie_touches (const HelNetmapTie *tie,
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

/* The legend is a box in the bottom right corner beside the rings; on a surface too narrow
 * to spare that column (a window's canvas beside its list) it becomes a strip along the
 * bottom, under the rings, so it hides no one and no sector's name. */
typedef struct {
  double   x, y, w, h;         /* where the legend's box is on the surface */
  double   margin, pad, row, sample, title_h, text_x, column;
  int      columns;
  gboolean strip;
} LegendMetrics;

#define LEGEND_ENTRIES (HEL_NETMAP_N_TIE_KINDS + 1 + HEL_NETMAP_N_NODE_KINDS)

static const char *
legend_label (int k)
{
  return k < HEL_NETMAP_N_TIE_KINDS ? hel_netmap_tie_kind_label ((HelNetmapTieKind) k)
       : k == HEL_NETMAP_N_TIE_KINDS ? _("Support flows this way")
       : hel_netmap_node_kind_label ((HelNetmapNodeKind) (k - HEL_NETMAP_N_TIE_KINDS - 1));
}

static void
legend_measure (Painter       *p,
                LegendMetrics *m)
{
  const HelNetmapStyle *st = p->style;
  double lu = legend_unit (p->width, p->height), w, h, widest = 0, title_w;
  int rows;

  m->margin = 14 * lu;
  m->pad = 12 * lu;
  m->sample = 46 * lu;
  m->text_x = m->sample + 10 * lu;

  set_font (p, 14 * lu * st->text_scale, PANGO_WEIGHT_BOLD);
  layout_text (p, C_("netmap", "Legend"), -1, PANGO_ALIGN_LEFT, &title_w, &h);
  m->title_h = h + 6 * lu;

  set_font (p, 12.5 * lu * st->text_scale, PANGO_WEIGHT_NORMAL);
  m->row = 0;
  for (int k = 0; k < LEGEND_ENTRIES; k++)
    {
      layout_text (p, legend_label (k), -1, PANGO_ALIGN_LEFT, &w, &h);
      widest = MAX (widest, w);
      m->row = MAX (m->row, h);
    }
  m->row = MAX (m->row + 7 * lu, 20 * lu);
  m->column = m->text_x + widest;

  /* The box, as the map's fit leaves room for it (see hel_netmap_view_fit()). */
  m->w = MAX (m->column, title_w) + 2 * m->pad;
  m->h = m->pad + m->title_h + m->row * LEGEND_ENTRIES + m->pad * 0.6;
  m->columns = 1;
  m->strip = (p->strip_legend || p->width - (m->w + 2 * m->margin) < p->height * 0.8) &&
             p->width > 2 * m->margin + 2 * m->pad + m->column;
  if (m->strip)
    {
      double gap = 18 * lu;

      m->w = p->width - 2 * m->margin;
      m->columns = (int) floor ((m->w - 2 * m->pad + gap) / (m->column + gap));
      m->columns = CLAMP (m->columns, 1, LEGEND_ENTRIES);
      /* As few rows as the columns allow, spread over the width. */
      rows = (LEGEND_ENTRIES + m->columns - 1) / m->columns;
      m->columns = (LEGEND_ENTRIES + rows - 1) / rows;
      m->column = (m->w - 2 * m->pad) / m->columns;
      m->h = m->pad + m->title_h + m->row * rows + m->pad * 0.6;
    }
  m->x = MAX (floor (p->width - m->w - m->margin), 0);
  m->y = MAX (floor (p->height - m->h - m->margin), 0);
}

static void
draw_legend (Painter *p)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double lu = legend_unit (p->width, p->height), w, h;
  LegendMetrics m;

  legend_measure (p, &m);
  rounded_rect (cr, m.x + 0.5, m.y + 0.5, m.w, m.h, 8 * lu);
  set_colour (cr, &st->legend_fill);
  cairo_fill_preserve (cr);
  set_colour (cr, &st->legend_border);
  cairo_set_line_width (cr, 1.0 * lu * st->line_scale);
  cairo_stroke (cr);

  set_font (p, 14 * lu * st->text_scale, PANGO_WEIGHT_BOLD);
  layout_text (p, C_("netmap", "Legend"), -1, PANGO_ALIGN_LEFT, &w, &h);
  set_colour (cr, &st->text);
  show_layout_at (p, m.x + m.pad, m.y + m.pad);

  /* Down the first column, then the next. */
  for (int k = 0; k < LEGEND_ENTRIES; k++)
    {
      int rows = (LEGEND_ENTRIES + m.columns - 1) / m.columns;
      double left = m.x + m.pad + (k / rows) * m.column;
      double mid = m.y + m.pad + m.title_h + (k % rows) * m.row + m.row / 2;
      double sx1 = left, sx2 = left + m.sample;

      if (k < HEL_NETMAP_N_TIE_KINDS)
        draw_tie_shape (cr, NULL, st, (HelNetmapTieKind) k, HEL_NETMAP_ARROW_NONE, sx1, mid, sx2,
                        mid, lu, -G_MAXDOUBLE, G_MAXDOUBLE);
      else if (k == HEL_NETMAP_N_TIE_KINDS)
        draw_tie_shape (cr, NULL, st, HEL_NETMAP_TIE_NORMAL, HEL_NETMAP_ARROW_FORWARD, sx1, mid,
                        sx2, mid, lu, -G_MAXDOUBLE, G_MAXDOUBLE);
      else
        {
          HelNetmapNodeKind kind = (HelNetmapNodeKind) (k - HEL_NETMAP_N_TIE_KINDS - 1);
          node_shape (cr, kind, (sx1 + sx2) / 2, mid, 7.5 * lu);
          set_colour (cr, &st->node_default[kind]);
          cairo_fill_preserve (cr);
          set_colour (cr, &st->node_outline);
          cairo_set_line_width (cr, 1.2 * lu * st->line_scale);
          cairo_stroke (cr);
        }
      set_font (p, 12.5 * lu * st->text_scale, PANGO_WEIGHT_NORMAL);
      layout_text (p, legend_label (k), -1, PANGO_ALIGN_LEFT, &w, &h);
      set_colour (cr, &st->text);
      show_layout_at (p, left + m.text_x, mid - h / 2);
    }
}

/* "Network map: Familien Jensen", with initials on the projector. */
static char *
title_text (Painter *p)
{
  const char *name = p->map->title && *p->map->title ? p->map->title : p->map->centre_name;
  g_autofree char *initials = NULL;

  if (p->options->initials_only && name == p->map->centre_name)
    name = initials = initials_of (name);
  /* Translators: the heading of a network map; %s is the family or the person */
  return name && *name ? g_strdup_printf (_("Network map: %s"), name)
                       : g_strdup (_("Network map"));
}

/* The title block in the top right corner: the title, the caption under it. @box (may be
 * NULL) gets where its text is. */
static void
draw_title_block (Painter *p,
                  gboolean paint,
                  Box     *box)
{
  cairo_t *cr = p->cr;
  const HelNetmapStyle *st = p->style;
  double lu = legend_unit (p->width, p->height), margin = 14 * lu, w, h, max_w, widest, bottom;
  g_autofree char *title = title_text (p);

  max_w = MAX (p->width * 0.3, 200 * lu);
  set_font (p, 17 * lu * st->text_scale, PANGO_WEIGHT_BOLD);
  layout_text (p, title, max_w, PANGO_ALIGN_RIGHT, &w, &h);
  if (paint)
    {
      set_colour (cr, &st->text);
      show_layout_at (p, p->width - margin - max_w, margin);
    }
  widest = w;
  bottom = margin + h;
  if (p->options->caption != NULL && *p->options->caption != '\0')
    {
      double top = margin + h + 2 * lu;
      set_font (p, 13 * lu * st->text_scale, PANGO_WEIGHT_NORMAL);
      layout_text (p, p->options->caption, max_w, PANGO_ALIGN_RIGHT, &w, &h);
      if (paint)
        {
          set_colour (cr, &st->muted_text);
          show_layout_at (p, p->width - margin - max_w, top);
        }
      widest = MAX (widest, w);
      bottom = top + h;
    }
  if (box != NULL)
    *box = (Box) { p->width - margin - widest, margin, widest, bottom - margin };
}

static void
draw_title (Painter *p)
{
  draw_title_block (p, TRUE, NULL);
}

/* Where the title and the legend are on the surface, for the sector labels to keep clear. */
static void
overlay_boxes (Painter *p,
               Box     *title,
               Box     *legend)
{
  LegendMetrics m;

  draw_title_block (p, FALSE, title);
  legend_measure (p, &m);
  *legend = (Box) { m.x, m.y, m.w, m.h };
}

/* ---- entry points ---- */

/* Whether people may be painted from cached pictures (and ties drawn by our own rasterizer):
 * only onto pixels, never into a vector file (SVG, PDF) or a recording that may end up in
 * one, and only when whole device pixels are known (no rotation, one scale in both
 * directions). */
static gboolean
takes_pictures (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t m;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_get_matrix (cr, &m);
  return sx == 1 && sy == 1 && m.xy == 0 && m.yx == 0 && m.xx > 0 && m.xx == m.yy;
}

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
  if (options->cache != NULL)
    pango_cairo_update_context (cr, options->cache->context);
  p->font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  p->pictures = options->cache != NULL && takes_pictures (cr);
  cairo_get_matrix (cr, &p->matrix);
  hel_netmap_view_visible_rect (view, width, height, &p->visible);
  p->in_view = p->visible;
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
  g_clear_pointer (&p->raster, hel_raster_line_free);
}

static void
draw_backdrop (Painter *p)
{
  set_colour (p->cr, &p->style->background);
  cairo_rectangle (p->cr, 0, 0, p->width, p->height);
  cairo_fill (p->cr);
  draw_rings (p);
  draw_sector_labels (p);
  draw_ring_labels (p);
}

/* The backdrop from the cache when this frame's is the last one's (drawn into the cache
 * first when not): most of a full frame's pixels, blended through three discs, for a copy.
 * Only onto a whole image that the backdrop covers, with an opaque background, so the
 * pixels are the same as drawing it; FALSE (nothing drawn) elsewhere. */
static gboolean
paint_backdrop (Painter *p)
{
  HelNetmapRenderCache *cache = p->options->cache;
  cairo_surface_t *target;
  cairo_rectangle_int_t clip;
  g_autofree char *title = NULL, *key = NULL;
  double ox, oy, x0 = 0, y0 = 0, x1 = p->width, y1 = p->height;
  int width, height, stride;
  const guint8 *from;
  guint8 *to;

  if (!p->pictures || p->raster == NULL || p->options->draw_hidden ||
      p->style->background.alpha < 1)
    return FALSE;
  target = cairo_get_group_target (p->cr);
  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);
  cairo_surface_get_device_offset (target, &ox, &oy);
  hel_raster_line_get_clip (p->raster, &clip);
  cairo_user_to_device (p->cr, &x0, &y0);
  cairo_user_to_device (p->cr, &x1, &y1);
  if (clip.x != 0 || clip.y != 0 || clip.width != width || clip.height != height ||
      x0 + ox > 0 || y0 + oy > 0 || x1 + ox < width || y1 + oy < height)
    return FALSE;

  title = title_text (p);
  key = g_strdup_printf ("%d %d %.17g %.17g|%.17g %.17g %.17g|%.17g %.17g %.17g|%.17g %.17g|"
                         "%d %d %d|%s|%s", width, height, ox, oy, p->matrix.xx, p->matrix.x0,
                         p->matrix.y0, p->view->scale, p->view->origin_x, p->view->origin_y,
                         p->width, p->height, p->options->legend_elsewhere, p->strip_legend,
                         cairo_get_antialias (p->cr), title,
                         p->options->caption ? p->options->caption : "");
  if (cache->backdrop == NULL || g_strcmp0 (key, cache->backdrop_key) != 0 ||
      !same_style (p->style, &cache->backdrop_style, cache->backdrop_font))
    {
      cairo_t *saved = p->cr, *cr;

      g_clear_pointer (&cache->backdrop, cairo_surface_destroy);
      cache->backdrop = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_surface_set_device_offset (cache->backdrop, ox, oy);
      cr = cairo_create (cache->backdrop);
      cairo_set_antialias (cr, cairo_get_antialias (saved));
      cairo_set_tolerance (cr, cairo_get_tolerance (saved));
      cairo_set_matrix (cr, &p->matrix);
      p->cr = cr;
      draw_backdrop (p);
      p->cr = saved;
      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        {
          cairo_destroy (cr);
          g_clear_pointer (&cache->backdrop, cairo_surface_destroy);
          return FALSE;
        }
      cairo_destroy (cr);
      cairo_surface_flush (cache->backdrop);
      g_free (cache->backdrop_key);
      cache->backdrop_key = g_steal_pointer (&key);
      cache->backdrop_style = *p->style;
      cache->backdrop_style.font_family = NULL;
      g_free (cache->backdrop_font);
      cache->backdrop_font = g_strdup (p->style->font_family);
    }

  cairo_surface_flush (target);
  from = cairo_image_surface_get_data (cache->backdrop);
  to = cairo_image_surface_get_data (target);
  stride = cairo_image_surface_get_stride (target);
  if (from == NULL || to == NULL || stride != cairo_image_surface_get_stride (cache->backdrop))
    return FALSE;
  memcpy (to, from, (gsize) stride * height);
  cairo_surface_mark_dirty (target);
  return TRUE;
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
  /* Ties straight into the pixels where the people come from pictures too: images only,
   * never SVG, PDF or a recording. */
  if (options->layers & (HEL_NETMAP_LAYER_STATIC | HEL_NETMAP_LAYER_ACTIVE))
    p.raster = takes_pictures (cr) ? hel_raster_line_new_for_cairo (cr) : NULL;

  cairo_save (cr);
  if (options->layers & HEL_NETMAP_LAYER_STATIC)
    {
      if (!paint_backdrop (&p))
        draw_backdrop (&p);
      if (!_hel_netmap_draw_still_covered (&p, active))
        {
          for (guint i = 0; i < map->ties->len; i++)
            {
              const HelNetmapTie *tie = map->ties->pdata[i];
              if (!_hel_netmap_tie_touches (tie, active))
                _hel_netmap_draw_tie (&p, tie);
            }
          _hel_netmap_draw_centre (&p);
          for (guint i = 0; i < map->nodes->len; i++)
            {
              const HelNetmapNode *node = map->nodes->pdata[i];
              if (active <= 0 || node->id != active)
                draw_node (&p, node);
            }
        }
    }
  if ((options->layers & HEL_NETMAP_LAYER_ACTIVE) && active > 0)
    {
      const HelNetmapNode *node = hel_netmap_find_node (map, active);

      for (guint i = 0; i < map->ties->len; i++)
        {
          const HelNetmapTie *tie = map->ties->pdata[i];
          if (_hel_netmap_tie_touches (tie, active))
            _hel_netmap_draw_tie (&p, tie);
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

/* The legend's metrics on a width x height surface, without a surface to draw on. */
static void
measure_legend_for (const HelNetmapStyle *style,
                    double                width,
                    double                height,
                    gboolean              strip,
                    LegendMetrics        *m)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  HelNetmapView view = { REFERENCE_SCALE, 0, 0 };
  HelNetmapRenderOptions options;
  HelNetmapRenderStats stats;
  g_autoptr(HelNetmap) empty = hel_netmap_new (0, 0, NULL);
  Painter p;

  hel_netmap_render_options_init (&options);
  painter_init (&p, cr, empty, style, &view, &options, width, height, &stats);
  p.strip_legend = strip;
  legend_measure (&p, m);
  painter_clear (&p);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

void
hel_render_netmap_legend_size (const HelNetmapStyle *style,
                               double                width,
                               double                height,
                               double               *legend_width,
                               double               *legend_height)
{
  LegendMetrics m;

  measure_legend_for (style, width, height, FALSE, &m);
  *legend_width = m.w + 2 * m.margin;
  *legend_height = m.h + 2 * m.margin;
}

void
hel_render_netmap_fit_view (HelNetmapView        *view,
                            const HelNetmapStyle *style,
                            double                width,
                            double                height)
{
  LegendMetrics m;

  measure_legend_for (style, width, height, FALSE, &m);
  /* Beside the legend's column, or above its strip. */
  if (m.strip)
    hel_netmap_view_fit (view, width, MAX (height - m.h - m.margin, height * 0.5), 0);
  else
    hel_netmap_view_fit (view, width, height, m.w + 2 * m.margin);
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
  double lw, below, lu = legend_unit (width, height), half, header;
  HelNetmapRenderOptions options;
  LegendMetrics legend;
  HelNetmapView view;
  Painter p;

  g_return_if_fail (cr != NULL && before != NULL && after != NULL && style != NULL);
  if (!(width > 0) || !(height > 0))
    return;

  /* The legend in a column beside the two maps when they keep most of their size, else in a
   * strip along the bottom that takes its height from both. */
  measure_legend_for (style, width, height, FALSE, &legend);
  if (!legend.strip && width - (legend.w + 2 * legend.margin) < height)
    measure_legend_for (style, width, height, TRUE, &legend);
  lw = legend.strip ? 0 : legend.w + 2 * legend.margin;
  below = legend.strip ? legend.h + legend.margin : 0;
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

      hel_netmap_view_fit (&view, half, MAX (height - header - below, height * 0.3), 0);
      view.origin_y += header;
      cairo_save (cr);
      cairo_translate (cr, i * half, 0);
      cairo_rectangle (cr, 0, 0, half, height);
      cairo_clip (cr);
      options.layers = HEL_NETMAP_LAYER_STATIC;
      options.legend_elsewhere = TRUE;
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
  cairo_line_to (cr, half, height - 8 * lu - below);
  cairo_stroke (cr);

  hel_netmap_view_fit (&view, width, height, 0);
  painter_init (&p, cr, after, style, &view, &options, width, height, &(HelNetmapRenderStats) { 0 });
  p.strip_legend = legend.strip;
  draw_legend (&p);
  painter_clear (&p);
  cairo_restore (cr);
}
