/* test-netmap.c: the network map model: sectors and rings, hit tests, the view, checks, JSON. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hel-netmap.h"

static HelNetmap *
make_map (void)
{
  HelNetmap *map = hel_netmap_new (1, 0, "Familien Jensen");
  HelNetmapNode *node;
  g_autoptr(GError) error = NULL;

  map->centre_name = g_strdup ("Familien Jensen");
  node = hel_netmap_node_new ("Mormor", -0.6, -0.6);
  g_assert_true (hel_netmap_add_node (map, node, &error));
  node = hel_netmap_node_new ("Mentor Lise", 1.2, 1.2);
  node->kind = HEL_NETMAP_NODE_PROFESSIONAL;
  node->actor = g_strdup ("Mentor");
  node->colour = g_strdup ("#3584e4");
  node->note = g_strdup ("Ses hver tirsdag");
  g_assert_true (hel_netmap_add_node (map, node, &error));
  node = hel_netmap_node_new ("Jobcenter", -2.5, 0.5);
  node->kind = HEL_NETMAP_NODE_PROFESSIONAL;
  node->actor = g_strdup ("Jobcenter");
  g_assert_true (hel_netmap_add_node (map, node, &error));
  g_assert_no_error (error);

  g_assert_true (hel_netmap_add_tie (map, hel_netmap_tie_new (0, 1, HEL_NETMAP_TIE_STRONG,
                                                              HEL_NETMAP_ARROW_BACK), &error));
  g_assert_true (hel_netmap_add_tie (map, hel_netmap_tie_new (0, 2, HEL_NETMAP_TIE_WEAK,
                                                              HEL_NETMAP_ARROW_NONE), &error));
  g_assert_true (hel_netmap_add_tie (map, hel_netmap_tie_new (1, 3, HEL_NETMAP_TIE_CONFLICT,
                                                              HEL_NETMAP_ARROW_BOTH), &error));
  g_assert_no_error (error);
  return map;
}

static void
test_sector_and_ring (void)
{
  /* y grows downwards, as on screen. */
  g_assert_cmpint (hel_netmap_sector_at (-1, -1), ==, HEL_NETMAP_SECTOR_FAMILY);
  g_assert_cmpint (hel_netmap_sector_at (1, -1), ==, HEL_NETMAP_SECTOR_FRIENDS);
  g_assert_cmpint (hel_netmap_sector_at (1, 1), ==, HEL_NETMAP_SECTOR_SCHOOL_WORK);
  g_assert_cmpint (hel_netmap_sector_at (-1, 1), ==, HEL_NETMAP_SECTOR_PROFESSIONALS);
  g_assert_cmpint (hel_netmap_sector_at (0, 0), ==, HEL_NETMAP_SECTOR_FAMILY);

  g_assert_cmpint (hel_netmap_ring_at (0.5, 0), ==, HEL_NETMAP_RING_CLOSE);
  g_assert_cmpint (hel_netmap_ring_at (0, 1.0), ==, HEL_NETMAP_RING_CLOSE);
  g_assert_cmpint (hel_netmap_ring_at (1.2, 1.2), ==, HEL_NETMAP_RING_EFFECTIVE);
  g_assert_cmpint (hel_netmap_ring_at (-2.5, 0.5), ==, HEL_NETMAP_RING_AVAILABLE);
  g_assert_cmpint (hel_netmap_ring_at (3.1, 0), ==, HEL_NETMAP_RING_OUTSIDE);
  g_assert_cmpint (hel_netmap_ring_at (NAN, 0), ==, HEL_NETMAP_RING_OUTSIDE);

  g_assert_cmpstr (hel_netmap_sector_label (HEL_NETMAP_SECTOR_SCHOOL_WORK), ==, "School and work");
  g_assert_cmpstr (hel_netmap_ring_label (HEL_NETMAP_RING_EFFECTIVE), ==, "Effective");
}

static void
test_clamp (void)
{
  double x = 10, y = 0;

  /* Outside the outer ring: pulled in along the same angle. */
  g_assert_true (hel_netmap_clamp_position (&x, &y));
  g_assert_cmpfloat_with_epsilon (x, HEL_NETMAP_OUTER_RADIUS - HEL_NETMAP_NODE_RADIUS, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-9);
  g_assert_cmpint (hel_netmap_ring_at (x, y), ==, HEL_NETMAP_RING_AVAILABLE);

  x = -30;
  y = 40;
  g_assert_true (hel_netmap_clamp_position (&x, &y));
  g_assert_cmpfloat_with_epsilon (hypot (x, y), HEL_NETMAP_OUTER_RADIUS - HEL_NETMAP_NODE_RADIUS,
                                  1e-9);
  g_assert_cmpint (hel_netmap_sector_at (x, y), ==, HEL_NETMAP_SECTOR_PROFESSIONALS);

  /* On top of the centre person: pushed out. */
  x = 0;
  y = 0;
  g_assert_true (hel_netmap_clamp_position (&x, &y));
  g_assert_cmpfloat (hypot (x, y), >, HEL_NETMAP_CENTRE_RADIUS);
  g_assert_cmpint (hel_netmap_ring_at (x, y), ==, HEL_NETMAP_RING_CLOSE);

  /* Nowhere: still a place. */
  x = NAN;
  y = INFINITY;
  g_assert_true (hel_netmap_clamp_position (&x, &y));
  g_assert_true (isfinite (x) && isfinite (y));

  /* Inside: left alone. */
  x = 1.5;
  y = -0.5;
  g_assert_false (hel_netmap_clamp_position (&x, &y));
  g_assert_cmpfloat (x, ==, 1.5);
  g_assert_cmpstr (hel_netmap_clamped_message (), !=, NULL);

  /* Adding a node outside clamps it too. */
  {
    g_autoptr(HelNetmap) map = hel_netmap_new (1, 0, NULL);
    g_assert_true (hel_netmap_add_node (map, hel_netmap_node_new ("Langt væk", 0, -9), NULL));
    g_assert_cmpint (hel_netmap_ring_at (((HelNetmapNode *) map->nodes->pdata[0])->x,
                                         ((HelNetmapNode *) map->nodes->pdata[0])->y),
                     ==, HEL_NETMAP_RING_AVAILABLE);
  }
}

static void
test_hit_testing (void)
{
  g_autoptr(HelNetmap) map = make_map ();
  HelNetmapNode *node;
  HelNetmapTie *tie;
  double x1, y1, x2, y2;

  node = hel_netmap_hit_node (map, -0.6, -0.6, 0);
  g_assert_nonnull (node);
  g_assert_cmpstr (node->name, ==, "Mormor");
  node = hel_netmap_hit_node (map, -0.6 + HEL_NETMAP_NODE_RADIUS * 0.9, -0.6, 0);
  g_assert_nonnull (node);
  g_assert_null (hel_netmap_hit_node (map, -0.6 + HEL_NETMAP_NODE_RADIUS * 1.5, -0.6, 0));
  g_assert_nonnull (hel_netmap_hit_node (map, -0.6 + HEL_NETMAP_NODE_RADIUS * 1.5, -0.6, 0.1));
  g_assert_null (hel_netmap_hit_node (map, 2.5, -2.5, 0.05));

  /* Two nodes on top of each other: the one drawn last wins. */
  g_assert_true (hel_netmap_add_node (map, hel_netmap_node_new ("Oven på", -0.6, -0.6), NULL));
  g_assert_cmpstr (hel_netmap_hit_node (map, -0.6, -0.6, 0)->name, ==, "Oven på");

  g_assert_true (hel_netmap_hit_centre (0.1, 0.1, 0));
  g_assert_false (hel_netmap_hit_centre (0.6, 0.0, 0));

  /* Ties to the centre start at the edge of the centre disc, end at the edge of the node. */
  tie = hel_netmap_find_tie_between (map, 0, 2);
  g_assert_nonnull (tie);
  g_assert_true (hel_netmap_tie_endpoints (map, tie, &x1, &y1, &x2, &y2));
  g_assert_cmpfloat_with_epsilon (hypot (x1, y1), HEL_NETMAP_CENTRE_RADIUS, 1e-9);
  g_assert_cmpfloat_with_epsilon (hypot (x2 - 1.2, y2 - 1.2), HEL_NETMAP_NODE_RADIUS, 1e-9);
  g_assert_cmpfloat_with_epsilon (x1, y1, 1e-9);

  /* A point halfway along that tie hits it; one off to the side does not. */
  tie = hel_netmap_hit_tie (map, 0.8, 0.8, 0.05);
  g_assert_nonnull (tie);
  g_assert_cmpint (tie->to_id, ==, 2);
  g_assert_null (hel_netmap_hit_tie (map, 0.8, 0.2, 0.05));
  /* The tie between Mormor and Jobcenter. */
  tie = hel_netmap_hit_tie (map, (-0.6 - 2.5) / 2, (-0.6 + 0.5) / 2, 0.05);
  g_assert_nonnull (tie);
  g_assert_cmpint (tie->kind, ==, HEL_NETMAP_TIE_CONFLICT);
}

static void
test_view (void)
{
  HelNetmapView view;
  HelNetmapRect rect;
  double wx, wy, x, y;

  hel_netmap_view_fit (&view, 800, 600, 0);
  g_assert_cmpfloat_with_epsilon (view.scale, 600 / (2 * HEL_NETMAP_EXTENT), 1e-9);
  g_assert_cmpfloat (view.origin_x, ==, 400);
  g_assert_cmpfloat (view.origin_y, ==, 300);

  /* Round trip. */
  hel_netmap_view_map_to_widget (&view, 1.5, -2, &wx, &wy);
  hel_netmap_view_widget_to_map (&view, wx, wy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, -2, 1e-9);

  /* Room for the legend on a wide widget, none on a narrow one. */
  hel_netmap_view_fit (&view, 1280, 800, 250);
  g_assert_cmpfloat (view.origin_x, ==, (1280 - 250) / 2.0);
  hel_netmap_view_fit (&view, 600, 800, 250);
  g_assert_cmpfloat (view.origin_x, ==, 300);

  /* Zoom keeps the point under the pointer in place. */
  hel_netmap_view_fit (&view, 800, 600, 0);
  hel_netmap_view_widget_to_map (&view, 600, 150, &x, &y);
  hel_netmap_view_zoom_at (&view, 2.5, 600, 150);
  hel_netmap_view_map_to_widget (&view, x, y, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (wy, 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (view.scale, 2.5 * 600 / (2 * HEL_NETMAP_EXTENT), 1e-9);

  /* Zoom is clamped and ignores nonsense. */
  hel_netmap_view_zoom_at (&view, 1e9, 0, 0);
  g_assert_cmpfloat (view.scale, ==, HEL_NETMAP_MAX_SCALE);
  hel_netmap_view_zoom_at (&view, 1e-12, 0, 0);
  g_assert_cmpfloat (view.scale, ==, HEL_NETMAP_MIN_SCALE);
  hel_netmap_view_zoom_at (&view, NAN, 0, 0);
  hel_netmap_view_zoom_at (&view, -2, 0, 0);
  g_assert_cmpfloat (view.scale, ==, HEL_NETMAP_MIN_SCALE);

  /* Pan moves the picture. */
  hel_netmap_view_fit (&view, 800, 600, 0);
  hel_netmap_view_pan (&view, 30, -20);
  hel_netmap_view_map_to_widget (&view, 0, 0, &wx, &wy);
  g_assert_cmpfloat (wx, ==, 430);
  g_assert_cmpfloat (wy, ==, 280);

  /* The visible rectangle. */
  hel_netmap_view_fit (&view, 800, 600, 0);
  hel_netmap_view_visible_rect (&view, 800, 600, &rect);
  g_assert_cmpfloat_with_epsilon (rect.y, -HEL_NETMAP_EXTENT, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.height, 2 * HEL_NETMAP_EXTENT, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.x + rect.width / 2, 0, 1e-9);
}

static void
test_validation (void)
{
  g_autoptr(HelNetmap) map = make_map ();
  g_autoptr(GError) error = NULL;
  HelNetmapNode *node;
  double rgba[4];

  /* Empty names. */
  node = hel_netmap_node_new ("   ", 1, 1);
  g_assert_false (hel_netmap_add_node (map, node, &error));
  g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_EMPTY_NAME);
  g_assert_cmpstr (error->message, ==, "Enter a name for the person on the network map.");
  g_clear_error (&error);
  g_assert_false (hel_netmap_add_node (map, hel_netmap_node_new (NULL, 1, 1), &error));
  g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_EMPTY_NAME);
  g_clear_error (&error);

  /* Names are trimmed. */
  node = hel_netmap_node_new ("  Faster  ", 1, -1);
  g_assert_true (hel_netmap_add_node (map, node, &error));
  g_assert_cmpstr (node->name, ==, "Faster");

  /* Colours. */
  node = hel_netmap_node_new ("Farve", 1, 1);
  node->colour = g_strdup ("red");
  g_assert_false (hel_netmap_add_node (map, node, &error));
  g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hel_netmap_parse_colour ("#ff8000", rgba));
  g_assert_cmpfloat_with_epsilon (rgba[1], 128 / 255.0, 1e-9);
  g_assert_cmpfloat (rgba[3], ==, 1);
  g_assert_true (hel_netmap_parse_colour ("#ff800080", rgba));
  g_assert_cmpfloat_with_epsilon (rgba[3], 128 / 255.0, 1e-9);
  g_assert_true (hel_netmap_parse_colour ("#fff", rgba));
  g_assert_false (hel_netmap_parse_colour ("#ff80", rgba));
  g_assert_false (hel_netmap_parse_colour ("#gg0000", rgba));
  g_assert_false (hel_netmap_parse_colour (NULL, rgba));

  /* A tie to oneself. */
  g_assert_false (hel_netmap_add_tie (map, hel_netmap_tie_new (2, 2, HEL_NETMAP_TIE_NORMAL,
                                                               HEL_NETMAP_ARROW_NONE), &error));
  g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_SELF_TIE);
  g_clear_error (&error);
  /* The centre to the centre. */
  g_assert_false (hel_netmap_add_tie (map, hel_netmap_tie_new (0, 0, HEL_NETMAP_TIE_NORMAL,
                                                               HEL_NETMAP_ARROW_NONE), &error));
  g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_SELF_TIE);
  g_clear_error (&error);

  /* A duplicate, either way round. */
  g_assert_false (hel_netmap_add_tie (map, hel_netmap_tie_new (3, 1, HEL_NETMAP_TIE_NORMAL,
                                                               HEL_NETMAP_ARROW_NONE), &error));
  g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_DUPLICATE_TIE);
  g_clear_error (&error);
  g_assert_false (hel_netmap_add_tie (map, hel_netmap_tie_new (0, 1, HEL_NETMAP_TIE_WEAK,
                                                               HEL_NETMAP_ARROW_NONE), &error));
  g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_DUPLICATE_TIE);
  g_clear_error (&error);
  /* Editing the existing tie is not a duplicate of itself. */
  {
    HelNetmapTie edited = *hel_netmap_find_tie_between (map, 0, 1);
    edited.kind = HEL_NETMAP_TIE_BROKEN;
    g_assert_true (hel_netmap_validate_tie (map, &edited, &error));
    g_assert_no_error (error);
  }

  /* A missing end, a bad kind. */
  g_assert_false (hel_netmap_add_tie (map, hel_netmap_tie_new (1, 99, HEL_NETMAP_TIE_NORMAL,
                                                               HEL_NETMAP_ARROW_NONE), &error));
  g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_NO_SUCH_NODE);
  g_clear_error (&error);
  g_assert_false (hel_netmap_add_tie (map, hel_netmap_tie_new (1, 2, 42, HEL_NETMAP_ARROW_NONE),
                                      &error));
  g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_INVALID);
  g_clear_error (&error);

  /* Removing a person removes their ties. */
  g_assert_cmpuint (map->ties->len, ==, 3);
  g_assert_true (hel_netmap_remove_node (map, 1));
  g_assert_cmpuint (map->ties->len, ==, 1);
  g_assert_null (hel_netmap_find_node (map, 1));
  g_assert_nonnull (hel_netmap_find_node (map, 2));
  g_assert_false (hel_netmap_remove_node (map, 1));
}

static void
test_json (void)
{
  g_autoptr(HelNetmap) map = make_map ();
  g_autoptr(HelNetmap) back = NULL;
  g_autoptr(HelNetmap) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = hel_netmap_to_json_string (map);

  back = hel_netmap_from_json_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (hel_netmap_equal (map, back));
  g_assert_cmpstr (((HelNetmapNode *) back->nodes->pdata[1])->note, ==, "Ses hver tirsdag");
  g_assert_cmpint (((HelNetmapTie *) back->ties->pdata[2])->arrow, ==, HEL_NETMAP_ARROW_BOTH);

  copy = hel_netmap_copy (map);
  g_assert_true (hel_netmap_equal (map, copy));
  ((HelNetmapNode *) copy->nodes->pdata[0])->x += 0.5;
  g_assert_false (hel_netmap_equal (map, copy));

  /* Strict reading, with the field named. */
#define BAD(json, needle) G_STMT_START {                                  \
    g_autoptr(HelNetmap) bad = hel_netmap_from_json_string (json, &error); \
    g_assert_null (bad);                                                   \
    g_assert_error (error, HEL_NETMAP_ERROR, HEL_NETMAP_ERROR_FORMAT);     \
    g_assert_nonnull (strstr (error->message, needle));                    \
    g_clear_error (&error);                                                \
  } G_STMT_END
  BAD ("not json", "could not be read");
  BAD ("[]", "must be an object");
  BAD ("{\"format\":\"something\",\"version\":1}", "format");
  BAD ("{\"format\":\"helhed-netmap\",\"version\":99}", "newer");
  BAD ("{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
       "\"nodes\":[{\"id\":1,\"name\":\"\",\"x\":0,\"y\":1,\"kind\":\"private\"}],\"ties\":[]}",
       "nodes[0]");
  BAD ("{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
       "\"nodes\":[{\"id\":1,\"name\":\"A\",\"x\":\"left\",\"y\":1,\"kind\":\"private\"}],"
       "\"ties\":[]}", "nodes[0].x");
  BAD ("{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
       "\"nodes\":[{\"id\":1,\"name\":\"A\",\"x\":0,\"y\":1,\"kind\":\"private\"}],"
       "\"ties\":[{\"id\":1,\"from\":1,\"to\":1,\"kind\":\"strong\",\"arrow\":\"none\"}]}",
       "ties[0]");
  BAD ("{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
       "\"nodes\":[{\"id\":1,\"name\":\"A\",\"x\":0,\"y\":1,\"kind\":\"private\"}],"
       "\"ties\":[{\"id\":1,\"from\":0,\"to\":1,\"kind\":\"friendly\",\"arrow\":\"none\"}]}",
       "ties[0].kind");
  /* Coordinates beyond a million map units are refused, and so is one that is no number. */
  BAD ("{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
       "\"nodes\":[{\"id\":1,\"name\":\"A\",\"x\":0,\"y\":-1000001,\"kind\":\"private\"}],"
       "\"ties\":[]}", "nodes[0].y: is too far from the centre");
  BAD ("{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
       "\"nodes\":[{\"id\":1,\"name\":\"A\",\"x\":1e999,\"y\":1,\"kind\":\"private\"}],"
       "\"ties\":[]}", "nodes[0].x: must be a number");
  BAD ("{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
       "\"nodes\":[7],\"ties\":[]}", "nodes[0]: must be an object");
  BAD ("{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
       "\"nodes\":[{\"id\":1,\"name\":\"A\",\"x\":0,\"y\":1,\"kind\":\"private\"},"
       "{\"id\":1,\"name\":\"B\",\"x\":1,\"y\":0,\"kind\":\"private\"}],\"ties\":[]}",
       "nodes[1]: has the same id as another person");
  BAD ("{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
       "\"nodes\":[],\"ties\":{}}", "ties: must be a list");
#undef BAD
  /* A million map units from the centre is still read. */
  {
    g_autoptr(HelNetmap) far = hel_netmap_from_json_string (
      "{\"format\":\"helhed-netmap\",\"version\":1,\"id\":1,\"family_id\":1,\"member_id\":0,"
      "\"nodes\":[{\"id\":1,\"name\":\"A\",\"x\":1000000,\"y\":-1000000,\"kind\":\"private\"}],"
      "\"ties\":[]}", &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (((HelNetmapNode *) far->nodes->pdata[0])->x, ==, 1e6);
  }
}

static void
test_many_nodes (void)
{
  g_autoptr(HelNetmap) map = hel_netmap_new (1, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HelNetmap) back = NULL;
  g_autofree char *text = NULL;

  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %d", i);
      double angle = i * 0.37, d = 0.5 + (i % 25) * 0.1;
      g_assert_true (hel_netmap_add_node (map, hel_netmap_node_new (name, d * cos (angle),
                                                                    d * sin (angle)), &error));
    }
  for (int i = 1; i < 1000; i++)
    g_assert_true (hel_netmap_add_tie (map, hel_netmap_tie_new (i % 3 == 0 ? 0 : i, i + 1,
                                                                (HelNetmapTieKind) (i % 6),
                                                                HEL_NETMAP_ARROW_NONE), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (map->nodes->len, ==, 1000);
  g_assert_nonnull (hel_netmap_find_node (map, 777));
  text = hel_netmap_to_json_string (map);
  back = hel_netmap_from_json_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (hel_netmap_equal (map, back));
}

/* The index of people by id is built on demand; hel_netmap_index_now() builds it before
 * threads look people up, and says when lookups would rebuild it (an id used twice). */
static void
test_index_now (void)
{
  g_autoptr(HelNetmap) map = hel_netmap_new (1, 0, "Prøve");
  HelNetmapNode *a = hel_netmap_node_new ("A", 0.5, 0.5), *b = hel_netmap_node_new ("B", 1, 1);

  a->id = 7;
  b->id = 8;
  g_ptr_array_add (map->nodes, a);
  g_ptr_array_add (map->nodes, b);
  hel_netmap_invalidate_index (map);
  g_assert_true (hel_netmap_index_now (map));
  g_assert_true (hel_netmap_find_node (map, 8) == b);
  /* Changed directly, the map's index is out of date until it is built again. */
  b->id = 7;
  hel_netmap_invalidate_index (map);
  g_assert_false (hel_netmap_index_now (map));
  b->id = 9;
  hel_netmap_invalidate_index (map);
  g_assert_true (hel_netmap_index_now (map));
  g_assert_true (hel_netmap_find_node (map, 9) == b);
  g_assert_null (hel_netmap_find_node (map, 8));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/netmap/geometry/sector-and-ring", test_sector_and_ring);
  g_test_add_func ("/netmap/geometry/clamp", test_clamp);
  g_test_add_func ("/netmap/geometry/hit-testing", test_hit_testing);
  g_test_add_func ("/netmap/geometry/view", test_view);
  g_test_add_func ("/netmap/validation", test_validation);
  g_test_add_func ("/netmap/index-now", test_index_now);
  g_test_add_func ("/netmap/json", test_json);
  g_test_add_func ("/netmap/many-nodes", test_many_nodes);

  return g_test_run ();
}
