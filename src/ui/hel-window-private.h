/* hel-window-private.h: the window's insides, shared by hel-window*.c and the widget tests. */
#pragma once

#include "hel-board-view.h"
#include "hel-family-list.h"
#include "hel-family-page.h"
#include "hel-progress-view.h"
#include "hel-window.h"

G_BEGIN_DECLS

struct _HelWindow
{
  AdwApplicationWindow  parent_instance;

  HelStore             *store;
  char                 *store_path;       /* for "Create a new database here" */
  GHashTable           *pending_erases;   /* family id -> AdwToast */
  GSettings            *settings;         /* NULL when the schema is not installed */
  gboolean              restoring;        /* reopening the last family: nothing to remember */
  guint                 show_content_id;  /* idle: show the family page after a fold */

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwLeaflet           *leaflet;
  HelFamilyList        *family_list;
  HelFamilyPage        *family_page;
  /* Board meeting and Progress are built when their page is first shown (start-up draws only
   * the families); until then their page holds an empty AdwBin. */
  AdwBin               *board_bin;
  AdwBin               *progress_bin;
  HelBoardView         *board_view;       /* NULL until first shown */
  HelProgressView      *progress_view;    /* NULL until first shown */
  AdwStatusPage        *error_page;
  GtkWidget            *create_db_button;
};

void           _hel_window_init_actions     (HelWindow *self);
void           _hel_window_update_actions   (HelWindow *self);
void           _hel_window_request_erase    (HelWindow *self,
                                             gint64     family_id);
/* Erases at once what is still waiting for its undo toast to close. */
void           _hel_window_flush_erases     (HelWindow *self);
/* Shows the family, on the narrow layout by moving to the page. */
void           _hel_window_show_family      (HelWindow *self,
                                             gint64     family_id);

/* The views, built now if their page was not shown yet. */
HelBoardView  *_hel_window_get_board_view   (HelWindow *self);
HelProgressView *_hel_window_get_progress_view (HelWindow *self);

/* Test hooks */
HelFamilyList *_hel_window_get_family_list  (HelWindow *self);
HelFamilyPage *_hel_window_get_family_page  (HelWindow *self);
const char    *_hel_window_get_visible_page (HelWindow *self);
AdwStatusPage *_hel_window_get_error_page   (HelWindow *self);
GtkWidget     *_hel_window_get_create_db_button (HelWindow *self);
/* The toast whose closing erases the family, or NULL. */
AdwToast      *_hel_window_get_erase_toast  (HelWindow *self,
                                             gint64     family_id);

G_END_DECLS
