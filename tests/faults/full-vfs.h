/* full-vfs.h: a test VFS for SQLite that behaves like a full disk on request: while
 * full_vfs_set_full (TRUE), every write and every growth of a file fails with SQLITE_FULL.
 * It wraps the default VFS and becomes the default, so the store uses it unchanged. */
#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;   /* the wrapped VFS's file, allocated right after this struct */
} FullFile;

static sqlite3_vfs *full_vfs_real;
static gboolean full_vfs_full;
static guint full_vfs_refused;   /* writes refused since the disk became full */

#define REAL(f) (((FullFile *) (f))->real)

static int
full_close (sqlite3_file *f)
{
  return REAL (f)->pMethods->xClose (REAL (f));
}

static int
full_read (sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
  return REAL (f)->pMethods->xRead (REAL (f), buffer, amount, offset);
}

static int
full_write (sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
  if (full_vfs_full)
    {
      full_vfs_refused++;
      return SQLITE_FULL;
    }
  return REAL (f)->pMethods->xWrite (REAL (f), buffer, amount, offset);
}

static int
full_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
full_sync (sqlite3_file *f, int flags)
{
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
full_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
full_lock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
full_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
full_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
full_file_control (sqlite3_file *f, int op, void *arg)
{
  /* Growing a file in advance (WAL, chunk size) is a write too. */
  if (full_vfs_full && op == SQLITE_FCNTL_SIZE_HINT)
    return SQLITE_FULL;
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
full_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
full_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
full_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
full_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
full_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
full_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
full_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
full_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, p);
}

static const sqlite3_io_methods full_io_methods = {
  3,
  full_close, full_read, full_write, full_truncate, full_sync, full_file_size, full_lock,
  full_unlock, full_check_reserved_lock, full_file_control, full_sector_size,
  full_device_characteristics, full_shm_map, full_shm_lock, full_shm_barrier, full_shm_unmap,
  full_fetch, full_unfetch,
};

static int
full_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
  FullFile *file = (FullFile *) f;
  int rc;

  file->real = (sqlite3_file *) (file + 1);
  rc = full_vfs_real->xOpen (full_vfs_real, name, file->real, flags, out_flags);
  /* Closing a file the real VFS could not open must not call its methods. */
  file->base.pMethods = file->real->pMethods != NULL ? &full_io_methods : NULL;
  return rc;
}

static int
full_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return full_vfs_real->xDelete (full_vfs_real, name, sync_dir);
}

static int
full_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return full_vfs_real->xAccess (full_vfs_real, name, flags, out);
}

static int
full_full_pathname (sqlite3_vfs *vfs, const char *name, int n, char *out)
{
  return full_vfs_real->xFullPathname (full_vfs_real, name, n, out);
}

static void *
full_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return full_vfs_real->xDlOpen (full_vfs_real, name);
}

static void
full_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  full_vfs_real->xDlError (full_vfs_real, n, out);
}

static void (*full_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return full_vfs_real->xDlSym (full_vfs_real, handle, symbol);
}

static void
full_dl_close (sqlite3_vfs *vfs, void *handle)
{
  full_vfs_real->xDlClose (full_vfs_real, handle);
}

static int
full_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return full_vfs_real->xRandomness (full_vfs_real, n, out);
}

static int
full_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return full_vfs_real->xSleep (full_vfs_real, microseconds);
}

static int
full_current_time (sqlite3_vfs *vfs, double *out)
{
  return full_vfs_real->xCurrentTime (full_vfs_real, out);
}

static int
full_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return full_vfs_real->xGetLastError (full_vfs_real, n, out);
}

static int
full_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return full_vfs_real->xCurrentTimeInt64 (full_vfs_real, out);
}

/* Makes the wrapper the default VFS; call once before opening any database. */
static inline void
full_vfs_install (void)
{
  static sqlite3_vfs vfs;

  if (full_vfs_real != NULL)
    return;
  sqlite3_initialize ();
  full_vfs_real = sqlite3_vfs_find (NULL);
  g_assert_nonnull (full_vfs_real);
  vfs.iVersion = 2;
  vfs.szOsFile = (int) sizeof (FullFile) + full_vfs_real->szOsFile;
  vfs.mxPathname = full_vfs_real->mxPathname;
  vfs.zName = "helhed-full-disk";
  vfs.xOpen = full_open;
  vfs.xDelete = full_delete;
  vfs.xAccess = full_access;
  vfs.xFullPathname = full_full_pathname;
  vfs.xDlOpen = full_dl_open;
  vfs.xDlError = full_dl_error;
  vfs.xDlSym = full_dl_sym;
  vfs.xDlClose = full_dl_close;
  vfs.xRandomness = full_randomness;
  vfs.xSleep = full_sleep;
  vfs.xCurrentTime = full_current_time;
  vfs.xGetLastError = full_get_last_error;
  vfs.xCurrentTimeInt64 = full_current_time_int64;
  g_assert_cmpint (sqlite3_vfs_register (&vfs, 1), ==, SQLITE_OK);
}

static inline void
full_vfs_set_full (gboolean full)
{
  full_vfs_full = full;
  full_vfs_refused = 0;
}
