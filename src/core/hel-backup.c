/* hel-backup.c: automatic daily backups of the database, kept in a private folder, and
 * restoring one of them. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "hel-backup.h"

#define NAME_PREFIX "helhed-"

void
hel_backup_info_free (HelBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

char *
hel_backup_dir_for (const char *db_path)
{
  g_autofree char *usual = hel_store_default_path ();
  GStatBuf a, b;

  g_return_val_if_fail (db_path != NULL, NULL);

  if (g_strcmp0 (db_path, usual) == 0 ||
      (g_stat (db_path, &a) == 0 && g_stat (usual, &b) == 0 &&
       a.st_dev == b.st_dev && a.st_ino == b.st_ino))
    return g_build_filename (g_get_user_data_dir (), "helhed", "backups", NULL);
  return g_strconcat (db_path, ".backups", NULL);
}

/* "helhed-2025-03-01T081500Z.db", or "...Z-2.db" for a second one in the same second. */
static GDateTime *
time_from_name (const char *name)
{
  int year, month, day, hour, minute, second, end = 0;
  guint extra;

  if (!g_str_has_prefix (name, NAME_PREFIX) ||
      sscanf (name + strlen (NAME_PREFIX), "%4d-%2d-%2dT%2d%2d%2dZ%n", &year, &month, &day, &hour,
              &minute, &second, &end) != 6 || end == 0)
    return NULL;
  name += strlen (NAME_PREFIX) + end;
  if (!g_str_equal (name, ".db") &&
      !(name[0] == '-' && sscanf (name, "-%u.db", &extra) == 1 && g_str_has_suffix (name, ".db")))
    return NULL;
  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const HelBackupInfo *ia = *(HelBackupInfo * const *) a;
  const HelBackupInfo *ib = *(HelBackupInfo * const *) b;
  int cmp = g_date_time_compare (ib->time, ia->time);

  return cmp != 0 ? cmp : -strcmp (ia->path, ib->path);
}

GPtrArray *
hel_backup_list (const char *dir,
                 GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_backup_info_free);
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);

  folder = g_dir_open (dir, 0, &local_error);
  if (folder == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CANT_OPEN,
                   _("The backup folder “%s” could not be read: %s"), dir, local_error->message);
      return NULL;
    }
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      GDateTime *time = time_from_name (name);
      HelBackupInfo *info;
      GStatBuf buf;

      if (time == NULL)
        continue;
      info = g_new0 (HelBackupInfo, 1);
      info->path = g_build_filename (dir, name, NULL);
      info->time = time;
      info->size = g_stat (info->path, &buf) == 0 ? buf.st_size : 0;
      g_ptr_array_add (list, info);
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

gboolean
hel_backup_is_due (const char *dir,
                   GDateTime  *now)
{
  g_autoptr(GPtrArray) list = hel_backup_list (dir, NULL);
  HelBackupInfo *newest;
  GTimeSpan age;

  g_return_val_if_fail (now != NULL, FALSE);

  if (list == NULL || list->len == 0)
    return TRUE;
  newest = g_ptr_array_index (list, 0);
  age = g_date_time_difference (now, newest->time);
  /* A newest backup from the future means the clock was wrong then or now: make one. */
  return age >= HEL_BACKUP_INTERVAL || age < -G_TIME_SPAN_HOUR;
}

static char *
free_name (const char *dir,
           GDateTime  *now)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *stamp = g_date_time_format (utc, "%Y-%m-%dT%H%M%SZ");

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf (NAME_PREFIX "%s.db", stamp)
                                     : g_strdup_printf (NAME_PREFIX "%s-%u.db", stamp, n);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static gboolean
ensure_private_dir (const char *dir,
                    GError    **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CANT_OPEN,
                   _("The backup folder “%s” could not be made: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* The copies hold the same personal data as the database. */
  g_chmod (dir, 0700);
  return TRUE;
}

char *
hel_backup_make (HelStore   *store,
                 const char *dir,
                 GDateTime  *now,
                 GError    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);
  g_return_val_if_fail (dir != NULL && now != NULL, NULL);

  if (!ensure_private_dir (dir, error))
    return NULL;
  path = free_name (dir, now);
  /* hel_store_backup writes beside, opens the copy to verify it, and only then renames. */
  if (!hel_store_backup (store, path, error))
    return NULL;
  g_chmod (path, 0600);
  if (!hel_backup_prune (dir, HEL_BACKUP_KEEP, error))
    return NULL;
  return g_steal_pointer (&path);
}

gboolean
hel_backup_prune (const char *dir,
                  guint       keep,
                  GError    **error)
{
  g_autoptr(GPtrArray) list = hel_backup_list (dir, error);

  if (list == NULL)
    return FALSE;
  for (guint i = keep; i < list->len; i++)
    {
      HelBackupInfo *info = g_ptr_array_index (list, i);

      if (g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FAILED,
                       _("The old backup “%s” could not be removed: %s"), info->path,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

char *
hel_backup_auto (HelStore   *store,
                 const char *dir,
                 GDateTime  *now,
                 GError    **error)
{
  g_return_val_if_fail (HEL_IS_STORE (store), NULL);

  if (!hel_backup_is_due (dir, now))
    return NULL;
  return hel_backup_make (store, dir, now, error);
}

static void
remove_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* A private copy beside the target, so the final step is one rename on the same disk. */
static gboolean
copy_private (const char *from,
              const char *to,
              GError    **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFileInputStream) in = NULL;

  g_unlink (to);
  in = g_file_read (source, NULL, error);
  if (in == NULL)
    return FALSE;
  out = g_file_create (dest, G_FILE_CREATE_PRIVATE, NULL, error);
  if (out == NULL)
    return FALSE;
  if (g_output_stream_splice (G_OUTPUT_STREAM (out), G_INPUT_STREAM (in),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    {
      g_unlink (to);
      return FALSE;
    }
  return TRUE;
}

gboolean
hel_backup_restore (const char *backup_path,
                    const char *db_path,
                    const char *dir,
                    GError    **error)
{
  g_autofree char *part = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (backup_path != NULL && db_path != NULL && dir != NULL, FALSE);

  /* 1. A checked copy of the backup beside the database: opening it runs the integrity check
   *    and brings an older backup to today's schema. */
  part = g_strconcat (db_path, ".restoring", NULL);
  remove_side_files (part);
  if (!copy_private (backup_path, part, &local_error))
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CANT_OPEN,
                   _("The backup “%s” could not be copied: %s"), backup_path, local_error->message);
      return FALSE;
    }
  {
    g_autoptr(HelStore) check = hel_store_open (part, HEL_STORE_OPEN_DEFAULT, &local_error);

    if (check == NULL)
      {
        g_set_error (error, local_error->domain, local_error->code,
                     _("The backup cannot be restored: %s"), local_error->message);
        g_unlink (part);
        remove_side_files (part);
        return FALSE;
      }
  }
  remove_side_files (part);

  /* 2. What is there now is kept: as a backup when it opens, else beside it as it is. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(HelStore) current = hel_store_open (db_path, HEL_STORE_OPEN_DEFAULT, NULL);
      g_autofree char *saved = NULL;

      if (current != NULL)
        {
          saved = ensure_private_dir (dir, &local_error) ? free_name (dir, now) : NULL;
          if (saved == NULL || !hel_store_backup (current, saved, &local_error))
            {
              g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FAILED,
                           _("Nothing was restored: the database as it is now could not be "
                             "saved first (%s)."), local_error->message);
              g_clear_object (&current);
              g_unlink (part);
              return FALSE;
            }
          g_chmod (saved, 0600);
        }
      else
        {
          g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H%M%SZ");
          g_autofree char *damaged = g_strdup_printf ("%s.damaged-%s", db_path, stamp);

          if (g_rename (db_path, damaged) != 0)
            {
              int saved_errno = errno;
              g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FAILED,
                           _("Nothing was restored: the damaged database could not be moved "
                             "aside: %s"), g_strerror (saved_errno));
              g_unlink (part);
              return FALSE;
            }
        }
    }

  /* 3. One rename puts it in place; the old side files belong to the old file. */
  remove_side_files (db_path);
  if (g_rename (part, db_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FAILED,
                   _("The backup could not be put in place of “%s”: %s"), db_path,
                   g_strerror (saved_errno));
      g_unlink (part);
      return FALSE;
    }
  g_chmod (db_path, 0600);
  return TRUE;
}

static void
auto_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *db_path = task_data;
  g_autofree char *dir = hel_backup_dir_for (db_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(HelStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *made;

  /* Cheap first: most starts need no backup and open nothing. */
  if (!hel_backup_is_due (dir, now))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  store = hel_store_open (db_path, HEL_STORE_OPEN_DEFAULT, &error);
  made = store ? hel_backup_auto (store, dir, now, &error) : NULL;
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, made, g_free);
}

void
hel_backup_auto_async (const char          *db_path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hel_backup_auto_async);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, auto_backup_thread);
}

char *
hel_backup_auto_finish (GAsyncResult *result,
                        GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
