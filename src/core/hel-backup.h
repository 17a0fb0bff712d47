/* hel-backup.h: automatic daily backups of the database, kept in a private folder, and
 * restoring one of them. */
#pragma once

#include <gio/gio.h>

#include "hel-store.h"

G_BEGIN_DECLS

/* How many automatic backups are kept; older ones are removed when a new one is made. */
#define HEL_BACKUP_KEEP 7
/* A new automatic backup is made when the newest is older than this. */
#define HEL_BACKUP_INTERVAL G_TIME_SPAN_DAY

typedef struct {
  char      *path;
  GDateTime *time;     /* when it was made (UTC), from its name */
  goffset    size;
} HelBackupInfo;

void         hel_backup_info_free   (HelBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelBackupInfo, hel_backup_info_free)

/* The folder for the backups of the database at @db_path: $XDG_DATA_HOME/helhed/backups for
 * the usual database, "FILE.backups" beside any other, so backups of two databases never mix. */
char        *hel_backup_dir_for     (const char    *db_path);
/* The backups in @dir, newest first; an empty array when there is no folder yet. */
GPtrArray   *hel_backup_list        (const char    *dir,
                                     GError       **error);
/* TRUE when there is no backup in @dir, or the newest is older than HEL_BACKUP_INTERVAL. */
gboolean     hel_backup_is_due      (const char    *dir,
                                     GDateTime     *now);
/* Makes a verified backup named by @now in @dir (0700; the file 0600), then keeps the newest
 * HEL_BACKUP_KEEP. Returns its path. */
char        *hel_backup_make        (HelStore      *store,
                                     const char    *dir,
                                     GDateTime     *now,
                                     GError       **error);
/* Removes all but the newest @keep backups in @dir; other files there are left alone. */
gboolean     hel_backup_prune       (const char    *dir,
                                     guint          keep,
                                     GError       **error);
/* hel_backup_make when one is due; NULL and no error when not. */
char        *hel_backup_auto        (HelStore      *store,
                                     const char    *dir,
                                     GDateTime     *now,
                                     GError       **error);
/* Puts the backup at @backup_path in place of the database at @db_path, which nobody may have
 * open. The backup is checked (and brought to today's schema) before anything is replaced;
 * the database it replaces is first saved as a backup in @dir (or, when it cannot be opened,
 * kept beside it as "FILE.damaged-DATE"). */
gboolean     hel_backup_restore     (const char    *backup_path,
                                     const char    *db_path,
                                     const char    *dir,
                                     GError       **error);

/* hel_backup_auto in a worker thread with its own connection to @db_path, so the window does
 * not wait. The result is the new backup's path, or NULL when none was due. */
void         hel_backup_auto_async  (const char          *db_path,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
char        *hel_backup_auto_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
