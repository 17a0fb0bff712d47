/* hel-store-private.h: what the store's own files and the core exporters share. */
#pragma once

#include <sqlite3.h>

#include "hel-store.h"

G_BEGIN_DECLS

sqlite3      *_hel_store_get_handle  (HelStore      *self);
/* A cached prepared statement, reset and unbound, ready for binding. */
sqlite3_stmt *_hel_store_prepare     (HelStore      *self,
                                      const char    *sql,
                                      GError       **error);
/* Set error from the last SQLite failure, in words a person can act on. */
gboolean      _hel_store_fail        (HelStore      *self,
                                      int            rc,
                                      GError       **error);
gboolean      _hel_store_exec        (HelStore      *self,
                                      const char    *sql,
                                      GError       **error);
/* Runs a prepared statement that returns no rows (INSERT/UPDATE/DELETE). */
gboolean      _hel_store_step_done   (HelStore      *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
/* Queue a change notice, emitted as "changed::<what>" when the outer transaction commits. */
void          _hel_store_queue_change (HelStore     *self,
                                      const char    *what,
                                      gint64         id);

void          _hel_bind_text_or_null (sqlite3_stmt  *stmt,
                                      int            index,
                                      const char    *text);
void          _hel_bind_id_or_null   (sqlite3_stmt  *stmt,
                                      int            index,
                                      gint64         id);
const char   *_hel_column_text       (sqlite3_stmt  *stmt,
                                      int            column);

/* Test-only: a new database migrated to @version only (the fault tests' fixture maker). */
HelStore     *_hel_store_open_at_version (const char *path,
                                      int            version,
                                      GError       **error);

G_END_DECLS
