/* hel-bench.c: helhed-tool bench: the figures for every hot path, measured on data it makes. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hel-bench.h"
#include "hel-bench-board.h"
#include "hel-bench-progress.h"
#include "hel-demo.h"
#include "hel-json.h"
#include "hel-render-netmap.h"
#include "hel-store-plan.h"

struct _HelBench {
  gboolean    quick;
  char       *dir;
  char       *app_path;        /* as given; resolved lazily */
  char       *app;             /* resolved, or NULL */
  char       *app_error;       /* why there is none */
  char       *demo_db;
  GHashTable *family_dbs;      /* n (GUINT_TO_POINTER) -> path */
};

double
hel_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

guint
hel_bench_repeats (HelBench *bench,
                   guint     normal)
{
  return bench->quick ? MAX (3, normal / 5) : normal;
}

const char *
hel_bench_dir (HelBench *bench)
{
  return bench->dir;
}

/* ---- data ------------------------------------------------------------------------------- */

static const char * const first_names[] = {
  "Anne", "Mette", "Søren", "Jens", "Åse", "Mikkel", "Freja", "Noah", "Ida", "Oliver", "Emma",
  "Lærke", "Bo", "Karen", "Jørgen",
};
static const char * const last_names[] = {
  "Østergaard", "Hansen", "Nørgaard", "Jensen", "Løkke", "Berg", "Holm", "Ågård", "Madsen",
};

const char *
hel_bench_families_db (HelBench *bench,
                       guint     n_families,
                       GError  **error)
{
  g_autofree char *name = g_strdup_printf ("families-%u.db", n_families);
  g_autofree char *path = g_build_filename (bench->dir, name, NULL);
  g_autoptr(HelStore) store = NULL;
  const char *known = g_hash_table_lookup (bench->family_dbs, GUINT_TO_POINTER (n_families));
  GRand *rand;

  if (known != NULL)
    return known;
  store = hel_store_open (path, HEL_STORE_OPEN_CREATE, error);
  if (store == NULL || !hel_store_begin (store, error))
    return NULL;
  rand = g_rand_new_with_seed (n_families);
  for (guint i = 0; i < n_families; i++)
    {
      g_autoptr(HelFamily) family = hel_family_new ();
      g_autofree char *family_name = g_strdup_printf ("Familien %s %u",
                                                      last_names[i % G_N_ELEMENTS (last_names)],
                                                      i + 1);
      gint64 family_id;

      hel_family_set_name (family, family_name);
      hel_family_set_start_date (family, "2025-01-15");
      if (!hel_store_save_family (store, family, error))
        goto failed;
      family_id = hel_family_get_id (family);
      for (guint m = 0; m < 3; m++)
        {
          g_autoptr(HelMember) member = hel_member_new ();

          hel_member_set_family_id (member, family_id);
          hel_member_set_role (member, m == 0 ? HEL_ROLE_MOTHER : HEL_ROLE_CHILD);
          hel_member_set_first_name (member, first_names[g_rand_int_range (rand, 0,
                                                           G_N_ELEMENTS (first_names))]);
          hel_member_set_last_name (member, last_names[i % G_N_ELEMENTS (last_names)]);
          if (!hel_store_save_member (store, member, error))
            goto failed;
        }
      if (i % 4 == 0)
        {
          HelGoal *goal = hel_goal_new ("Mor i arbejde");
          gboolean saved = hel_store_save_goal (store, family_id, goal, error);

          hel_goal_free (goal);
          if (!saved)
            goto failed;
        }
    }
  g_rand_free (rand);
  if (!hel_store_commit (store, error))
    return NULL;
  g_hash_table_insert (bench->family_dbs, GUINT_TO_POINTER (n_families), g_strdup (path));
  return g_hash_table_lookup (bench->family_dbs, GUINT_TO_POINTER (n_families));

failed:
  g_rand_free (rand);
  hel_store_rollback (store);
  return NULL;
}

static const char *
demo_db (HelBench *bench,
         GError  **error)
{
  g_autoptr(HelStore) store = NULL;
  g_autofree char *path = NULL;

  if (bench->demo_db != NULL)
    return bench->demo_db;
  path = g_build_filename (bench->dir, "demo.db", NULL);
  store = hel_store_open (path, HEL_STORE_OPEN_CREATE, error);
  if (store == NULL || !hel_demo_generate (store, HEL_DEMO_DEFAULT_SEED, error))
    return NULL;
  bench->demo_db = g_steal_pointer (&path);
  return bench->demo_db;
}

/* ---- the app ---------------------------------------------------------------------------- */

const char *
hel_bench_app (HelBench *bench,
               GError  **error)
{
  if (bench->app == NULL && bench->app_error == NULL)
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *tool_dir = self ? g_path_get_dirname (self) : NULL;
      g_autofree char *in_build = tool_dir ? g_build_filename (tool_dir, "..", "ui", "helhed", NULL)
                                           : NULL;

      if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
        bench->app_error = g_strdup (_("no display (run under xvfb-run for the GUI figures)"));
      else if (bench->app_path != NULL)
        bench->app = g_strdup (bench->app_path);
      else if (in_build != NULL && g_file_test (in_build, G_FILE_TEST_IS_EXECUTABLE))
        bench->app = g_canonicalize_filename (in_build, NULL);
      else if ((bench->app = g_find_program_in_path ("helhed")) == NULL)
        bench->app_error = g_strdup (_("helhed was not found (give it with --app)"));
    }
  if (bench->app == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, bench->app_error);
  return bench->app;
}

/* A clean environment for a GUI process: no settings or data of the person running this. */
static GSubprocessLauncher *
gui_launcher (HelBench *bench)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                             G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autofree char *xdg = g_build_filename (bench->dir, "xdg", NULL);
  g_autofree char *schemas = NULL;

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", xdg, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", xdg, TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  /* A build-tree app needs the build tree's settings schema. */
  if (bench->app != NULL)
    {
      g_autofree char *app_dir = g_path_get_dirname (bench->app);

      schemas = g_build_filename (app_dir, "..", "..", "data", "gschemas.compiled", NULL);
      if (g_file_test (schemas, G_FILE_TEST_EXISTS))
        {
          g_autofree char *schema_dir = g_path_get_dirname (schemas);
          g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
        }
    }
  return launcher;
}

/* One start of the app that reports its first frame: "first-frame MS ms peak-rss KB kB". */
static gboolean
start_app_once (HelBench   *bench,
                const char *db,
                gboolean    no_gl,
                double     *first_frame_ms,
                double     *peak_rss_mb,
                GError    **error)
{
  g_autoptr(GSubprocessLauncher) launcher = gui_launcher (bench);
  g_autoptr(GSubprocess) app = NULL;
  g_autofree char *out = NULL;
  double ms = -1, kb = -1;

  /* Without OpenGL: what the app itself holds, without a software GL driver's ~70 MB. */
  if (no_gl)
    {
      g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
      g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
    }

  app = g_subprocess_launcher_spawn (launcher, error, bench->app, "--db", db,
                                     "--quit-after-first-frame", NULL);
  if (app == NULL || !g_subprocess_communicate_utf8 (app, NULL, NULL, &out, NULL, error))
    return FALSE;
  if (out == NULL || sscanf (out, "first-frame %lf ms peak-rss %lf kB", &ms, &kb) < 1 || ms < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("the app did not report its first frame (exit status %d)"),
                   g_subprocess_get_exit_status (app));
      return FALSE;
    }
  *first_frame_ms = ms;
  *peak_rss_mb = kb / 1024.0;
  return TRUE;
}

static gboolean
measure_gui_start (HelBench             *bench,
                   const HelBenchFigure *figure,
                   GArray               *samples,
                   GError              **error)
{
  const char *db = demo_db (bench, error);
  double ms, mb;

  if (db == NULL || hel_bench_app (bench, error) == NULL)
    return FALSE;
  /* The first start fills the disk cache; what is measured is a start like every later one. */
  if (!start_app_once (bench, db, FALSE, &ms, &mb, error))
    return FALSE;
  for (guint i = 0, n = hel_bench_repeats (bench, 10); i < n; i++)
    {
      if (!start_app_once (bench, db, FALSE, &ms, &mb, error))
        return FALSE;
      g_array_append_val (samples, ms);
    }
  return TRUE;
}

static gboolean
measure_gui_memory (HelBench             *bench,
                    const HelBenchFigure *figure,
                    GArray               *samples,
                    GError              **error)
{
  const char *db = hel_bench_families_db (bench, figure->size, error);
  gboolean no_gl = g_str_has_suffix (figure->name, ".no-gl");
  double ms, mb;

  if (db == NULL || hel_bench_app (bench, error) == NULL)
    return FALSE;
  for (guint i = 0, n = hel_bench_repeats (bench, 5); i < n; i++)
    {
      if (!start_app_once (bench, db, no_gl, &ms, &mb, error))
        return FALSE;
      if (mb <= 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("the app did not report its peak memory"));
          return FALSE;
        }
      g_array_append_val (samples, mb);
    }
  return TRUE;
}

/* Until a window of @pid is mapped: the one measure that works the same for any X11 app. */
static gboolean
wait_for_window (GPid    pid,
                 double  deadline_ms,
                 GError **error)
{
  g_autofree char *pid_text = g_strdup_printf ("%d", (int) pid);
  const char *argv[] = { "xdotool", "search", "--onlyvisible", "--pid", pid_text, NULL };

  while (hel_bench_now_ms () < deadline_ms)
    {
      int status = -1;

      if (!g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                         G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, error))
        return FALSE;
      if (g_spawn_check_wait_status (status, NULL))
        return TRUE;
      g_usleep (2000);
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       _("no window appeared within 20 seconds"));
  return FALSE;
}

/* VmHWM of @pid in MB, or -1. */
static double
peak_rss_of (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *hwm;

  if (!g_file_get_contents (path, &status, NULL, NULL) ||
      (hwm = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtod (hwm + strlen ("VmHWM:"), NULL) / 1024.0;
}

/* From exec until a window of the process is on screen; with @peak_rss_mb, also the peak memory
 * half a second later (the first frames painted). */
static gboolean
time_window (HelBench           *bench,
             const char * const *argv,
             double             *ms,
             double             *peak_rss_mb,
             GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = gui_launcher (bench);
  g_autoptr(GSubprocess) process = NULL;
  double start = hel_bench_now_ms ();
  gboolean found;
  GPid pid;

  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return FALSE;
  pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);
  found = wait_for_window (pid, start + 20000, error);
  *ms = hel_bench_now_ms () - start;
  if (found && peak_rss_mb != NULL)
    {
      g_usleep (500000);
      *peak_rss_mb = peak_rss_of (pid);
    }
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  return found;
}

/* Helhed and the peer measured alike: from exec to their window on screen. */
static gboolean
measure_window_shown (HelBench             *bench,
                      const HelBenchFigure *figure,
                      GArray               *samples,
                      GError              **error)
{
  gboolean peer = g_str_has_suffix (figure->name, "peer");
  g_autofree char *editor = g_find_program_in_path ("gnome-text-editor");
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  const char *db = demo_db (bench, error);
  const char *app_argv[] = { hel_bench_app (bench, error), "--db", db, NULL };
  const char *peer_argv[] = { editor, "--standalone", NULL };
  const char * const *argv = peer ? peer_argv : app_argv;
  double ms;

  if (db == NULL || app_argv[0] == NULL)
    return FALSE;
  if (xdotool == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("xdotool is not installed (apt-get install xdotool)"));
      return FALSE;
    }
  if (peer && editor == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("gnome-text-editor is not installed (apt-get install "
                             "gnome-text-editor)"));
      return FALSE;
    }
  if (!time_window (bench, argv, &ms, NULL, error))
    return FALSE;
  for (guint i = 0, n = hel_bench_repeats (bench, 10); i < n; i++)
    {
      if (!time_window (bench, argv, &ms, NULL, error))
        return FALSE;
      g_array_append_val (samples, ms);
    }
  return TRUE;
}

/* The peer's memory, measured from outside once its empty window is up: what any GTK 4 app
 * costs on this display (a software OpenGL driver alone maps ~60 MB of LLVM). */
static gboolean
measure_peer_memory (HelBench             *bench,
                     const HelBenchFigure *figure,
                     GArray               *samples,
                     GError              **error)
{
  g_autofree char *editor = g_find_program_in_path ("gnome-text-editor");
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  const char *argv[] = { editor, "--standalone", NULL };
  double ms, mb = -1;

  if (editor == NULL || xdotool == NULL || hel_bench_app (bench, error) == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("gnome-text-editor or xdotool is not installed"));
      return FALSE;
    }
  for (guint i = 0, n = hel_bench_repeats (bench, 5); i < n; i++)
    {
      if (!time_window (bench, argv, &ms, &mb, error))
        return FALSE;
      if (mb > 0)
        g_array_append_val (samples, mb);
    }
  return TRUE;
}

/* ---- the store -------------------------------------------------------------------------- */

static gboolean
measure_open_list (HelBench             *bench,
                   const HelBenchFigure *figure,
                   GArray               *samples,
                   GError              **error)
{
  const char *db = hel_bench_families_db (bench, figure->size, error);

  if (db == NULL)
    return FALSE;
  for (guint i = 0, n = hel_bench_repeats (bench, 20); i < n; i++)
    {
      double start = hel_bench_now_ms ();
      g_autoptr(HelStore) store = hel_store_open (db, HEL_STORE_OPEN_DEFAULT, error);
      g_autoptr(GPtrArray) families = store ? hel_store_list_families (store, error) : NULL;
      double ms = hel_bench_now_ms () - start;

      if (families == NULL)
        return FALSE;
      g_assert (families->len == figure->size);
      g_array_append_val (samples, ms);
    }
  return TRUE;
}

/* What an autosave does when a name is typed and the field is left: one durable commit. */
static gboolean
measure_autosave (HelBench             *bench,
                  const HelBenchFigure *figure,
                  GArray               *samples,
                  GError              **error)
{
  const char *db = hel_bench_families_db (bench, figure->size, error);
  g_autoptr(HelStore) store = db ? hel_store_open (db, HEL_STORE_OPEN_DEFAULT, error) : NULL;
  g_autoptr(HelFamily) family = store ? hel_store_get_family (store, 1, error) : NULL;

  if (family == NULL)
    return FALSE;
  for (guint i = 0, n = hel_bench_repeats (bench, 200); i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Familien Østergaard %u", i);
      double start, ms;

      hel_family_set_name (family, name);
      start = hel_bench_now_ms ();
      if (!hel_store_save_family (store, family, error))
        return FALSE;
      ms = hel_bench_now_ms () - start;
      g_array_append_val (samples, ms);
    }
  return TRUE;
}

static gboolean
measure_import (HelBench             *bench,
                const HelBenchFigure *figure,
                GArray               *samples,
                GError              **error)
{
  /* Four rows a family (the family and three members) and a goal for every fourth. */
  guint n_families = figure->size * 4 / 17;
  const char *db = hel_bench_families_db (bench, n_families, error);
  g_autoptr(HelStore) source = db ? hel_store_open (db, HEL_STORE_OPEN_DEFAULT, error) : NULL;
  g_autoptr(GBytes) json = source ? hel_json_export_to_bytes (source, HEL_JSON_EXPORT_DEFAULT,
                                                              error) : NULL;
  gsize length;
  const char *data;

  if (json == NULL)
    return FALSE;
  data = g_bytes_get_data (json, &length);
  for (guint i = 0, n = hel_bench_repeats (bench, 5); i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("import-%u.db", i);
      g_autofree char *path = g_build_filename (bench->dir, name, NULL);
      g_autoptr(HelStore) store = hel_store_open (path, HEL_STORE_OPEN_CREATE, error);
      double start, ms;

      if (store == NULL)
        return FALSE;
      start = hel_bench_now_ms ();
      if (!hel_json_import_from_data (store, data, (gssize) length, HEL_JSON_IMPORT_DEFAULT,
                                      error))
        return FALSE;
      ms = hel_bench_now_ms () - start;
      g_array_append_val (samples, ms);
    }
  return TRUE;
}

/* ---- the network map -------------------------------------------------------------------- */

#define SCREEN_WIDTH  1920
#define SCREEN_HEIGHT 1080

/* @n people spread over the rings and sectors, a third tied to the centre, some to each other,
 * every tie kind, some with their own colour. */
static HelNetmap *
make_netmap (guint n)
{
  HelNetmap *map = hel_netmap_new (1, 0, "Familien Østergaard");
  GRand *rand = g_rand_new_with_seed (n);

  map->id = 1;
  map->centre_name = g_strdup ("Åse Østergaard");
  for (guint i = 0; i < n; i++)
    {
      double r = g_rand_double_range (rand, 0.6, 2.9);
      double a = g_rand_double_range (rand, 0, 2 * G_PI);
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               first_names[i % G_N_ELEMENTS (first_names)],
                                               last_names[(i / 3) % G_N_ELEMENTS (last_names)]);
      HelNetmapNode *node = hel_netmap_node_new (name, r * cos (a), r * sin (a));

      node->id = i + 1;
      node->position = (int) i;
      node->kind = i % 3 == 0 ? HEL_NETMAP_NODE_PROFESSIONAL : HEL_NETMAP_NODE_PRIVATE;
      if (i % 7 == 0)
        node->colour = g_strdup ("#e66100");
      g_ptr_array_add (map->nodes, node);
    }
  for (guint i = 0; i < n; i++)
    {
      HelNetmapTie *tie;

      if (i % 3 == 0)
        tie = hel_netmap_tie_new (0, i + 1, (HelNetmapTieKind) (i % HEL_NETMAP_N_TIE_KINDS),
                                  (HelNetmapArrow) (i % HEL_NETMAP_N_ARROWS));
      else if (i % 3 == 1 && i + 1 < n)
        tie = hel_netmap_tie_new (i + 1, i + 2, (HelNetmapTieKind) (i % HEL_NETMAP_N_TIE_KINDS),
                                  HEL_NETMAP_ARROW_NONE);
      else
        continue;
      tie->id = map->ties->len + 1;
      g_ptr_array_add (map->ties, tie);
    }
  hel_netmap_invalidate_index (map);
  g_rand_free (rand);
  return map;
}

typedef struct {
  HelNetmap          *map;
  HelNetmapStyle      style;
  HelNetmapView       view;
  HelNetmapRenderCache *cache;
  cairo_surface_t    *surface;
  cairo_t            *cr;
} MapScene;

static void
map_scene_init (MapScene *scene,
                guint     n,
                double    zoom)
{
  scene->map = make_netmap (n);
  hel_netmap_style_init (&scene->style, HEL_NETMAP_THEME_LIGHT);
  hel_render_netmap_fit_view (&scene->view, &scene->style, SCREEN_WIDTH, SCREEN_HEIGHT);
  if (zoom != 1.0)
    {
      double wx, wy;

      /* Centred on the outer ring of the friends' sector, where a tenth of the people are in
       * a tenth of the screen's area (the middle is crowded: there a tenth of the area holds
       * a third of them). */
      hel_netmap_view_map_to_widget (&scene->view, 2.6, -1.6, &wx, &wy);
      hel_netmap_view_pan (&scene->view, SCREEN_WIDTH / 2.0 - wx, SCREEN_HEIGHT / 2.0 - wy);
      hel_netmap_view_zoom_at (&scene->view, zoom, SCREEN_WIDTH / 2.0, SCREEN_HEIGHT / 2.0);
    }
  scene->cache = hel_netmap_render_cache_new ();
  scene->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_WIDTH, SCREEN_HEIGHT);
  scene->cr = cairo_create (scene->surface);
}

static void
map_scene_clear (MapScene *scene)
{
  cairo_destroy (scene->cr);
  cairo_surface_destroy (scene->surface);
  hel_netmap_render_cache_free (scene->cache);
  hel_netmap_free (scene->map);
}

static double
render_frame (MapScene       *scene,
              HelNetmapLayer  layers,
              gint64          active_node_id,
              gboolean        use_cache)
{
  HelNetmapRenderOptions options;
  double start = hel_bench_now_ms ();

  hel_netmap_render_options_init (&options);
  options.layers = layers;
  options.active_node_id = active_node_id;
  options.cache = use_cache ? scene->cache : NULL;
  hel_render_netmap_layers (scene->cr, scene->map, &scene->style, &scene->view, &options,
                            SCREEN_WIDTH, SCREEN_HEIGHT, NULL);
  cairo_surface_flush (scene->surface);
  return hel_bench_now_ms () - start;
}

/* A full frame as the canvas draws it after a resize or an edit: shaped names and pictures of
 * people are cached. The ".cold" figure draws every name and shape afresh, as the first frame
 * and the exports do. */
static gboolean
measure_map_render (HelBench             *bench,
                    const HelBenchFigure *figure,
                    GArray               *samples,
                    GError              **error)
{
  gboolean cold = g_str_has_suffix (figure->name, ".cold");
  gboolean zoomed = strstr (figure->name, "zoomed") != NULL;
  MapScene scene;

  /* Zoomed so a tenth of the screen's area and of the people are in view. */
  map_scene_init (&scene, figure->size, zoomed ? sqrt (10.0) : 1.0);
  render_frame (&scene, HEL_NETMAP_LAYER_ALL, 0, !cold);
  for (guint i = 0, n = hel_bench_repeats (bench, 30); i < n; i++)
    {
      double ms = render_frame (&scene, HEL_NETMAP_LAYER_ALL, 0, !cold);
      g_array_append_val (samples, ms);
    }
  map_scene_clear (&scene);
  return TRUE;
}

/* A frame while one person is dragged: the cached still layer is painted, the person and their
 * ties and the legend are drawn on top (what the canvas does). */
static gboolean
measure_map_drag (HelBench             *bench,
                  const HelBenchFigure *figure,
                  GArray               *samples,
                  GError              **error)
{
  MapScene scene;
  HelNetmapNode *dragged;
  cairo_surface_t *still;
  cairo_t *still_cr;
  HelNetmapRenderOptions options;

  map_scene_init (&scene, figure->size, 1.0);
  /* A person tied to the centre, in the middle of the crowd. */
  dragged = g_ptr_array_index (scene.map->nodes, 3 * (figure->size / 6));
  still = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCREEN_WIDTH, SCREEN_HEIGHT);
  still_cr = cairo_create (still);
  hel_netmap_render_options_init (&options);
  options.layers = HEL_NETMAP_LAYER_STATIC;
  options.active_node_id = dragged->id;
  options.cache = scene.cache;
  hel_render_netmap_layers (still_cr, scene.map, &scene.style, &scene.view, &options,
                            SCREEN_WIDTH, SCREEN_HEIGHT, NULL);
  cairo_destroy (still_cr);

  for (guint i = 0, n = hel_bench_repeats (bench, 60) + 1; i < n; i++)
    {
      double start = hel_bench_now_ms (), ms;

      dragged->x += 0.002;
      dragged->y -= 0.001;
      cairo_set_source_surface (scene.cr, still, 0, 0);
      cairo_set_operator (scene.cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (scene.cr);
      cairo_set_operator (scene.cr, CAIRO_OPERATOR_OVER);
      render_frame (&scene, HEL_NETMAP_LAYER_ACTIVE | HEL_NETMAP_LAYER_LEGEND, dragged->id, TRUE);
      ms = hel_bench_now_ms () - start;
      if (i > 0)
        g_array_append_val (samples, ms);
    }
  cairo_surface_destroy (still);
  map_scene_clear (&scene);
  return TRUE;
}

/* ---- the figures ------------------------------------------------------------------------ */

/* Targets from issue 7, on a 2-core machine like CI's. Board, charts and report: add your rows
 * here (e.g. "board.projector-frame", 40 notes, 8 ms; "charts.who5", 10000, 10 ms;
 * "report.status-pdf", 50 and 1000 families, 2000 and 10000 ms). */
static const HelBenchFigure figures[] = {
  { "gui.start",              "ms",  50,    400, FALSE, measure_gui_start },
  { "gui.window-shown",       "ms",  50,    400, FALSE, measure_window_shown },
  { "gui.window-shown.peer",  "ms",  0,     400, FALSE, measure_window_shown },
  { "gui.peak-rss",           "MB",  1000,  150, FALSE, measure_gui_memory },
  { "gui.peak-rss.no-gl",     "MB",  1000,  150, FALSE, measure_gui_memory },
  { "gui.peak-rss.peer",      "MB",  0,     150, FALSE, measure_peer_memory },
  { "store.open-list",        "ms",  1000,  20,  FALSE, measure_open_list },
  { "store.open-list",        "ms",  10000, 200, FALSE, measure_open_list },
  { "store.autosave-edit",    "ms",  1000,  2,   TRUE,  measure_autosave },
  { "store.import-json",      "ms",  10000, 1000, FALSE, measure_import },
  { "netmap.render",          "ms",  500,   8,   FALSE, measure_map_render },
  { "netmap.render",          "ms",  2000,  25,  FALSE, measure_map_render },
  { "netmap.render.cold",     "ms",  500,   0,   FALSE, measure_map_render },
  { "netmap.drag-frame",      "ms",  500,   4,   FALSE, measure_map_drag },
  { "netmap.render.zoomed",   "ms",  5000,  8,   FALSE, measure_map_render },
  { "board.projector-frame",  "ms",  40,    8,   FALSE, hel_bench_measure_board_frame },
  { "board.drag-frame",       "ms",  40,    4,   FALSE, hel_bench_measure_board_drag },
  { "board.drop-note",        "ms",  2000,  50,  FALSE, hel_bench_measure_board_drop },
  { "chart.project-who5",     "ms",  10000, 10,  FALSE, hel_bench_measure_progress_chart },
  { "report.status-pdf",      "ms",  50,    2000, FALSE, hel_bench_measure_progress_report },
  { "report.status-pdf",      "ms",  1000,  10000, FALSE, hel_bench_measure_progress_report },
};

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted samples. */
static double
percentile (GArray *sorted,
            double  p)
{
  guint rank = (guint) ceil (p / 100.0 * sorted->len);

  return g_array_index (sorted, double, CLAMP (rank, 1, sorted->len) - 1);
}

static void
print_json_number (GString *out,
                   double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
}

int
hel_bench_run (gboolean    json,
               gboolean    quick,
               const char *app_path,
               const char *only)
{
  HelBench bench = { quick, NULL, g_strdup (app_path), NULL, NULL, NULL, NULL };
  g_autoptr(GString) out = g_string_new (json ? "[\n" : NULL);
  g_autoptr(GError) error = NULL;
  guint printed = 0;

  bench.dir = g_dir_make_tmp ("helhed-bench-XXXXXX", &error);
  if (bench.dir == NULL)
    {
      g_printerr ("helhed-tool bench: %s\n", error->message);
      return 1;
    }
  bench.family_dbs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (!json)
    g_print ("%-24s %7s %5s %10s %10s %8s  %s\n", _("figure"), _("size"), _("unit"),
             _("median"), _("p95"), _("target"), _("verdict"));

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      const HelBenchFigure *figure = &figures[i];
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GError) figure_error = NULL;
      gboolean measured;
      double median = 0, p95 = 0;
      const char *verdict;

      if (only != NULL && !g_str_has_prefix (figure->name, only))
        continue;
      measured = figure->measure (&bench, figure, samples, &figure_error) && samples->len > 0;
      if (measured)
        {
          g_array_sort (samples, compare_doubles);
          median = percentile (samples, 50);
          p95 = percentile (samples, 95);
        }
      if (!measured)
        verdict = figure_error ? figure_error->message : _("no samples");
      else if (figure->target <= 0)
        verdict = _("(no target)");
      else
        verdict = (figure->on_p95 ? p95 : median) <= figure->target ? _("ok") : _("MISSED");

      if (json)
        {
          g_string_append_printf (out, "%s  {\"name\": \"%s\", \"unit\": \"%s\", \"size\": %u, ",
                                  printed++ ? ",\n" : "", figure->name, figure->unit,
                                  figure->size);
          g_string_append (out, "\"median\": ");
          if (measured)
            print_json_number (out, median);
          else
            g_string_append (out, "null");
          g_string_append (out, ", \"p95\": ");
          if (measured)
            print_json_number (out, p95);
          else
            g_string_append (out, "null");
          g_string_append (out, ", \"target\": ");
          if (figure->target > 0)
            print_json_number (out, figure->target);
          else
            g_string_append (out, "null");
          if (!measured)
            {
              g_autofree char *note = g_strescape (verdict, NULL);
              g_string_append_printf (out, ", \"note\": \"%s\"", note);
            }
          g_string_append (out, "}");
        }
      else if (measured)
        g_print ("%-24s %7u %5s %10.2f %10.2f %8.0f  %s\n", figure->name, figure->size,
                 figure->unit, median, p95, figure->target, verdict);
      else
        g_print ("%-24s %7u %5s %10s %10s %8.0f  %s\n", figure->name, figure->size, figure->unit,
                 "-", "-", figure->target, verdict);
    }
  if (json)
    {
      g_string_append (out, "\n]\n");
      fputs (out->str, stdout);
    }

  /* The temporary data goes; the folder holds only what this run made. */
  remove_tree (bench.dir);
  g_hash_table_unref (bench.family_dbs);
  g_free (bench.dir);
  g_free (bench.app_path);
  g_free (bench.app);
  g_free (bench.app_error);
  g_free (bench.demo_db);
  return 0;
}
