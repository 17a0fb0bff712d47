/* hel-store-private.h: what the store's own files and the core exporters share. */
#pragma once

#include <sqlite3.h>

#include "hel-plan.h"
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

/* Shared by the store files (hel-store-util.c). */
/* Set a HEL_STORE_ERROR_INVALID / _NOT_FOUND error with @message; return FALSE. */
gboolean      _hel_store_invalid     (GError       **error,
                                      const char    *message);
gboolean      _hel_store_not_found   (GError       **error,
                                      const char    *message);
/* A one-row, one-column integer query with one id parameter; 0 when there is no row. */
gint64        _hel_store_lookup_id   (HelStore      *self,
                                      const char    *sql,
                                      gint64         param);
/* For loops over rows: TRUE while there is a row; at the end resets the statement (and sets
 * @error if the step failed, so a loop that ends tells the caller why). */
gboolean      _hel_store_step_rows   (HelStore      *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
/* Runs @stmt, which may be NULL when preparing it failed (then @error is already set). */
gboolean      _hel_store_run         (HelStore      *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
/* Ends the transaction an edit began: on !@ok rolls back and returns FALSE; otherwise queues
 * "changed::<what>" for @id (unless @what is NULL) and commits. */
gboolean      _hel_store_finish      (HelStore      *self,
                                      gboolean       ok,
                                      const char    *what,
                                      gint64         id,
                                      GError       **error);
/* Begins an edit of a row that belongs to something (a family's plan, a meeting): returns the
 * owner's id, found with @owner_sql (one id parameter: @id). When the row is gone, sets @missing
 * as not found, rolls back and returns 0; also 0 when the transaction cannot begin. */
gint64        _hel_store_begin_edit  (HelStore      *self,
                                      const char    *owner_sql,
                                      gint64         id,
                                      const char    *missing,
                                      GError       **error);
/* A whole edit of one statement, @sql with @id bound to ?1: begin, find the owner as
 * _hel_store_begin_edit does, run, queue "changed::<what>" for the owner, commit. */
gboolean      _hel_store_edit_row    (HelStore      *self,
                                      const char    *what,
                                      const char    *owner_sql,
                                      gint64         id,
                                      const char    *sql,
                                      const char    *missing,
                                      GError       **error);
/* Runs an INSERT ... RETURNING id, position; *@id_out and *@position_out get the new row's. */
gboolean      _hel_store_insert_positioned (HelStore *self,
                                      sqlite3_stmt  *stmt,
                                      gint64        *id_out,
                                      int           *position_out,
                                      GError       **error);
/* Renumbers the rows listed by @list_sql (ids in order, one parameter: @list_param) from 0,
 * with @id moved to @new_index (clamped; an @id of 0 only renumbers). @update_sql sets the
 * position ?2 of the row ?1. Within the caller's transaction. */
gboolean      _hel_store_reorder     (HelStore      *self,
                                      const char    *list_sql,
                                      gint64         list_param,
                                      const char    *update_sql,
                                      gint64         id,
                                      guint          new_index,
                                      GError       **error);
/* Who answers for a step or an agreement: a member of @family_id, a caseworker who exists, or
 * a named outsider (@kind must already be known). */
gboolean      _hel_store_check_owner (HelStore      *self,
                                      gint64         family_id,
                                      HelOwnerKind   kind,
                                      gint64         member_id,
                                      gint64         caseworker_id,
                                      const char    *name,
                                      GError       **error);
/* Binds owner_kind, owner_member_id, owner_caseworker_id and owner_name to @first .. @first + 3;
 * only the one @kind uses is set, the others NULL. */
void          _hel_bind_owner        (sqlite3_stmt  *stmt,
                                      int            first,
                                      HelOwnerKind   kind,
                                      gint64         member_id,
                                      gint64         caseworker_id,
                                      const char    *name);
/* Now as the store writes timestamps: UTC, "YYYY-MM-DDTHH:MM:SSZ". */
char         *_hel_store_now_utc     (void);
/* A JSON array of the gint64 ids in @ids, for json_each () in SQL. */
char         *_hel_store_ids_json    (GArray        *ids);

/* The "HELHED_DA" collation: names in Danish order (… z, æ, ø, å; "Aa" at the start of a
 * name is å; ä, ö, ü go with æ, ø, y; case and accents only break ties). Without the process
 * locale, so it is the same on every machine. Used in queries only, never in the schema:
 * other tools must still open the file. */
#define HEL_COLLATE_DANISH "HELHED_DA"
int           _hel_store_collate_danish (void       *user_data,
                                      int            a_len,
                                      const void    *a,
                                      int            b_len,
                                      const void    *b);

/* Test-only: a new database migrated to @version only (the fault tests' fixture maker). */
HelStore     *_hel_store_open_at_version (const char *path,
                                      int            version,
                                      GError       **error);

G_END_DECLS
