/* hel-store-families.c: families, their members and the members' income support in the store. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-store-private.h"
#include "hel-validate.h"

#define FAMILY_COLUMNS \
  "f.id, f.name, f.team_id, f.primary_caseworker_id, f.secondary_caseworker_id, f.start_date, " \
  "f.end_date, f.end_reason, f.end_note, f.consent_date, " \
  "(SELECT count(*) FROM member m WHERE m.family_id = f.id)"

static HelFamily *
family_from_row (sqlite3_stmt *stmt)
{
  HelFamily *family = hel_family_new ();
  HelEndReason reason = HEL_END_OTHER;

  hel_end_reason_from_code (_hel_column_text (stmt, 7), &reason);
  hel_family_set_id (family, sqlite3_column_int64 (stmt, 0));
  hel_family_set_name (family, _hel_column_text (stmt, 1));
  hel_family_set_team_id (family, sqlite3_column_int64 (stmt, 2));
  hel_family_set_primary_caseworker_id (family, sqlite3_column_int64 (stmt, 3));
  hel_family_set_secondary_caseworker_id (family, sqlite3_column_int64 (stmt, 4));
  hel_family_set_start_date (family, _hel_column_text (stmt, 5));
  hel_family_set_end_date (family, _hel_column_text (stmt, 6));
  hel_family_set_end_reason (family, reason);
  hel_family_set_end_note (family, _hel_column_text (stmt, 8));
  hel_family_set_consent_date (family, _hel_column_text (stmt, 9));
  hel_family_set_member_count (family, (guint) sqlite3_column_int (stmt, 10));
  return family;
}

GPtrArray *
hel_store_list_families (HelStore *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT " FAMILY_COLUMNS " FROM family f "
                                   "ORDER BY f.name COLLATE " HEL_COLLATE_DANISH ", f.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, family_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hel_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

HelFamily *
hel_store_get_family (HelStore *self,
                      gint64    family_id,
                      GError  **error)
{
  HelFamily *family = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT " FAMILY_COLUMNS " FROM family f WHERE f.id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    family = family_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                 _("The family no longer exists."));
  else if (rc != SQLITE_ROW)
    _hel_store_fail (self, rc, error);
  return family;
}

gboolean
hel_store_count_family_records (HelStore               *self,
                                gint64                  family_id,
                                HelFamilyRecordCounts  *counts,
                                GError                **error)
{
#define OF_MEMBERS(table) \
  "(SELECT count(*) FROM " table " x JOIN member m ON m.id = x.member_id WHERE m.family_id = ?1)"
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  stmt = _hel_store_prepare (self,
    "SELECT (SELECT count(*) FROM member WHERE family_id = ?1), "
    "(SELECT count(*) FROM goal WHERE family_id = ?1), "
    "(SELECT count(*) FROM subgoal s JOIN goal g ON g.id = s.goal_id WHERE g.family_id = ?1), "
    "(SELECT count(*) FROM plan_version WHERE family_id = ?1), "
    "(SELECT count(*) FROM netmap_node n JOIN netmap k ON k.id = n.netmap_id "
    " WHERE k.family_id = ?1), "
    OF_MEMBERS ("measurement") ", "
    "(SELECT count(*) FROM agenda_item WHERE family_id = ?1), "
    OF_MEMBERS ("school_absence") " + " OF_MEMBERS ("concern_notification") " + "
    OF_MEMBERS ("intervention") " + " OF_MEMBERS ("income_period") " + "
    "(SELECT count(*) FROM expense WHERE family_id = ?1)", error);
#undef OF_MEMBERS
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, family_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      counts->members = (guint) sqlite3_column_int64 (stmt, 0);
      counts->goals = (guint) sqlite3_column_int64 (stmt, 1);
      counts->subgoals = (guint) sqlite3_column_int64 (stmt, 2);
      counts->plan_versions = (guint) sqlite3_column_int64 (stmt, 3);
      counts->map_people = (guint) sqlite3_column_int64 (stmt, 4);
      counts->measurements = (guint) sqlite3_column_int64 (stmt, 5);
      counts->board_items = (guint) sqlite3_column_int64 (stmt, 6);
      counts->figures = (guint) sqlite3_column_int64 (stmt, 7);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _hel_store_fail (self, rc, error);
  return TRUE;
}

static gboolean
validate_family (HelFamily *family,
                 char     **name_out,
                 GError   **error)
{
  const char *start = hel_family_get_start_date (family);
  const char *end = hel_family_get_end_date (family);
  const char *consent = hel_family_get_consent_date (family);
  gint64 primary = hel_family_get_primary_caseworker_id (family);
  gint64 secondary = hel_family_get_secondary_caseworker_id (family);

  if (!hel_text_require (hel_family_get_name (family), _("the family’s name"), name_out, error))
    return FALSE;
  if (!hel_date_is_valid_iso (start))
    return _hel_store_invalid (error, _("The family needs a valid start date."));
  if (end != NULL && *end != '\0')
    {
      if (!hel_date_is_valid_iso (end))
        return _hel_store_invalid (error, _("The end date is not a valid date."));
      if (hel_date_compare (end, start) < 0)
        return _hel_store_invalid (error, _("The family cannot end before it started."));
    }
  if (consent != NULL && *consent != '\0' && !hel_date_is_valid_iso (consent))
    return _hel_store_invalid (error, _("The consent date is not a valid date."));
  if (primary > 0 && primary == secondary)
    return _hel_store_invalid (error,
                               _("The primary and the secondary caseworker must be two different people."));
  return TRUE;
}

gboolean
hel_store_save_family (HelStore  *self,
                       HelFamily *family,
                       GError   **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gboolean ended;
  gint64 id;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEL_IS_FAMILY (family), FALSE);

  if (!validate_family (family, &name, error))
    return FALSE;

  id = hel_family_get_id (family);
  ended = hel_family_get_end_date (family) != NULL && *hel_family_get_end_date (family) != '\0';
  if (!hel_store_begin (self, error))
    return FALSE;
  if (id > 0)
    stmt = _hel_store_prepare (self,
                               "UPDATE family SET name = ?2, team_id = ?3, "
                               "primary_caseworker_id = ?4, secondary_caseworker_id = ?5, "
                               "start_date = ?6, end_date = ?7, end_reason = ?8, end_note = ?9, "
                               "consent_date = ?10, "
                               "modified = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1",
                               error);
  else
    stmt = _hel_store_prepare (self,
                               "INSERT INTO family (name, team_id, primary_caseworker_id, "
                               "secondary_caseworker_id, start_date, end_date, end_reason, "
                               "end_note, consent_date) "
                               "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    goto fail;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  _hel_bind_id_or_null (stmt, 3, hel_family_get_team_id (family));
  _hel_bind_id_or_null (stmt, 4, hel_family_get_primary_caseworker_id (family));
  _hel_bind_id_or_null (stmt, 5, hel_family_get_secondary_caseworker_id (family));
  sqlite3_bind_text (stmt, 6, hel_family_get_start_date (family), -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 7, ended ? hel_family_get_end_date (family) : NULL);
  _hel_bind_text_or_null (stmt, 8, ended ? hel_end_reason_to_code (hel_family_get_end_reason (family))
                                         : NULL);
  _hel_bind_text_or_null (stmt, 9, ended ? hel_family_get_end_note (family) : NULL);
  _hel_bind_text_or_null (stmt, 10, hel_family_get_consent_date (family));
  if (!_hel_store_step_done (self, stmt, error))
    goto fail;
  if (id > 0 && sqlite3_changes (_hel_store_get_handle (self)) == 0)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                   _("The family no longer exists."));
      goto fail;
    }
  if (id <= 0)
    id = sqlite3_last_insert_rowid (_hel_store_get_handle (self));
  _hel_store_queue_change (self, "family", id);
  if (!hel_store_commit (self, error))
    return FALSE;
  hel_family_set_id (family, id);
  hel_family_set_name (family, name);
  return TRUE;

fail:
  hel_store_rollback (self);
  return FALSE;
}

gboolean
hel_store_erase_family (HelStore *self,
                        gint64    family_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  /* Members, income support and everything hung on the family go with it (ON DELETE CASCADE);
   * secure_delete zeroes the freed pages. */
  stmt = _hel_store_prepare (self, "DELETE FROM family WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, family_id);
  if (!_hel_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (_hel_store_get_handle (self)) == 0)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                   _("The family no longer exists."));
      goto fail;
    }
  _hel_store_queue_change (self, "family", family_id);
  if (!hel_store_commit (self, error))
    return FALSE;

  /* Erased means erased: copy the WAL into the (zeroed) main file and empty it, so the old
   * pages do not linger in the write-ahead log either. Best effort: a reader may hold it. */
  sqlite3_wal_checkpoint_v2 (_hel_store_get_handle (self), NULL, SQLITE_CHECKPOINT_TRUNCATE,
                             NULL, NULL);
  return TRUE;

fail:
  hel_store_rollback (self);
  return FALSE;
}

#define MEMBER_COLUMNS \
  "m.id, m.family_id, m.role, m.first_name, m.last_name, m.birth_date, m.cpr, m.gender, " \
  "m.in_household, m.position, p.kind, p.start_date"
#define MEMBER_FROM \
  " FROM member m LEFT JOIN income_period p ON p.id = (SELECT id FROM income_period q " \
  "WHERE q.member_id = m.id ORDER BY q.start_date DESC LIMIT 1)"

static HelMember *
member_from_row (sqlite3_stmt *stmt)
{
  HelMember *member = hel_member_new ();
  HelRole role = HEL_ROLE_OTHER_ADULT;
  HelGender gender = HEL_GENDER_UNKNOWN;
  HelIncomeKind kind = HEL_INCOME_OTHER;

  hel_role_from_code (_hel_column_text (stmt, 2), &role);
  hel_gender_from_code (_hel_column_text (stmt, 7), &gender);
  hel_income_kind_from_code (_hel_column_text (stmt, 10), &kind);
  hel_member_set_id (member, sqlite3_column_int64 (stmt, 0));
  hel_member_set_family_id (member, sqlite3_column_int64 (stmt, 1));
  hel_member_set_role (member, role);
  hel_member_set_first_name (member, _hel_column_text (stmt, 3));
  hel_member_set_last_name (member, _hel_column_text (stmt, 4));
  hel_member_set_birth_date (member, _hel_column_text (stmt, 5));
  hel_member_set_cpr (member, _hel_column_text (stmt, 6));
  hel_member_set_gender (member, gender);
  hel_member_set_in_household (member, sqlite3_column_int (stmt, 8) != 0);
  hel_member_set_position (member, sqlite3_column_int (stmt, 9));
  hel_member_set_income_kind (member, kind);
  hel_member_set_income_start (member, _hel_column_text (stmt, 11));
  return member;
}

GPtrArray *
hel_store_list_members (HelStore *self,
                        gint64    family_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT " MEMBER_COLUMNS MEMBER_FROM
                                   " WHERE m.family_id = ?1 ORDER BY m.position, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, member_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hel_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

HelMember *
hel_store_get_member (HelStore *self,
                      gint64    member_id,
                      GError  **error)
{
  HelMember *member = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT " MEMBER_COLUMNS MEMBER_FROM " WHERE m.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    member = member_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                 _("The family member no longer exists."));
  else if (rc != SQLITE_ROW)
    _hel_store_fail (self, rc, error);
  return member;
}

static gboolean
validate_member (HelMember *member,
                 char     **first_name_out,
                 char     **cpr_out,
                 GError   **error)
{
  const char *birth = hel_member_get_birth_date (member);
  const char *cpr = hel_member_get_cpr (member);
  g_autofree char *today = hel_date_today ();

  if (!hel_text_require (hel_member_get_first_name (member), _("a first name"), first_name_out,
                         error))
    return FALSE;
  if (birth != NULL && *birth != '\0')
    {
      if (!hel_date_is_valid_iso (birth))
        return _hel_store_invalid (error, _("The birth date is not a valid date."));
      if (hel_date_compare (birth, today) > 0)
        return _hel_store_invalid (error, _("The birth date lies in the future."));
    }
  if (cpr != NULL && *cpr != '\0')
    {
      g_autofree char *cpr_birth = NULL;

      if (!hel_cpr_parse (cpr, cpr_out, &cpr_birth, error))
        return FALSE;
      if (birth != NULL && *birth != '\0' && g_strcmp0 (birth, cpr_birth) != 0)
        return _hel_store_invalid (error, _("The CPR number does not match the birth date."));
    }
  return TRUE;
}

gboolean
hel_store_save_member (HelStore  *self,
                       HelMember *member,
                       GError   **error)
{
  g_autofree char *first_name = NULL;
  g_autofree char *cpr = NULL;
  sqlite3_stmt *stmt;
  gint64 id, family_id;
  int position = -1;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEL_IS_MEMBER (member), FALSE);

  if (!validate_member (member, &first_name, &cpr, error))
    return FALSE;

  id = hel_member_get_id (member);
  family_id = hel_member_get_family_id (member);
  if (!hel_store_begin (self, error))
    return FALSE;
  if (id > 0)
    stmt = _hel_store_prepare (self,
                               "UPDATE member SET family_id = ?2, role = ?3, first_name = ?4, "
                               "last_name = ?5, birth_date = ?6, cpr = ?7, gender = ?8, "
                               "in_household = ?9, position = ?10 WHERE id = ?1", error);
  else
    stmt = _hel_store_prepare (self,
                               "INSERT INTO member (family_id, role, first_name, last_name, "
                               "birth_date, cpr, gender, in_household, position) "
                               "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                               "(SELECT coalesce(max(position), -1) + 1 FROM member "
                               " WHERE family_id = ?2)) RETURNING position", error);
  if (stmt == NULL)
    goto fail;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, family_id);
  sqlite3_bind_text (stmt, 3, hel_role_to_code (hel_member_get_role (member)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, first_name, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 5, hel_member_get_last_name (member));
  _hel_bind_text_or_null (stmt, 6, hel_member_get_birth_date (member));
  _hel_bind_text_or_null (stmt, 7, cpr);
  sqlite3_bind_text (stmt, 8, hel_gender_to_code (hel_member_get_gender (member)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, hel_member_get_in_household (member) ? 1 : 0);
  if (id > 0)
    sqlite3_bind_int (stmt, 10, hel_member_get_position (member));
  else if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  if (!_hel_store_step_done (self, stmt, error))
    {
      if (error && *error && g_error_matches (*error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID))
        {
          g_clear_error (error);
          g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                       _("The family no longer exists."));
        }
      goto fail;
    }
  if (id > 0 && sqlite3_changes (_hel_store_get_handle (self)) == 0)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                   _("The family member no longer exists."));
      goto fail;
    }
  if (id <= 0)
    id = sqlite3_last_insert_rowid (_hel_store_get_handle (self));
  _hel_store_queue_change (self, "member", id);
  _hel_store_queue_change (self, "family", family_id);
  if (!hel_store_commit (self, error))
    return FALSE;
  hel_member_set_id (member, id);
  if (position >= 0)
    hel_member_set_position (member, position);
  hel_member_set_first_name (member, first_name);
  hel_member_set_cpr (member, cpr);
  return TRUE;

fail:
  hel_store_rollback (self);
  return FALSE;
}

gboolean
hel_store_delete_member (HelStore *self,
                         gint64    member_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 family_id = 0;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "DELETE FROM member WHERE id = ?1 RETURNING family_id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    family_id = sqlite3_column_int64 (stmt, 0);
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hel_store_fail (self, rc, error);
      goto fail;
    }
  if (family_id == 0)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                   _("The family member no longer exists."));
      goto fail;
    }
  _hel_store_queue_change (self, "member", member_id);
  _hel_store_queue_change (self, "family", family_id);
  return hel_store_commit (self, error);

fail:
  hel_store_rollback (self);
  return FALSE;
}

GPtrArray *
hel_store_list_income_periods (HelStore *self,
                               gint64    member_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_income_period_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT id, kind, start_date FROM income_period "
                                   "WHERE member_id = ?1 ORDER BY start_date", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HelIncomeKind kind = HEL_INCOME_OTHER;
      HelIncomePeriod *period;

      hel_income_kind_from_code (_hel_column_text (stmt, 1), &kind);
      period = hel_income_period_new (member_id, kind, _hel_column_text (stmt, 2));
      period->id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (list, period);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hel_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gint64
family_of_member (HelStore *self,
                  gint64    member_id)
{
  return _hel_store_lookup_id (self, "SELECT family_id FROM member WHERE id = ?1", member_id);
}

/* A period starting on the same day as an existing one replaces it. */
gboolean
hel_store_add_income_period (HelStore        *self,
                             HelIncomePeriod *period,
                             GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 family_id;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (period->kind >= HEL_N_INCOME_KINDS)
    return _hel_store_invalid (error, _("Unknown kind of income support."));
  if (!hel_date_is_valid_iso (period->start_date))
    return _hel_store_invalid (error, _("The income support needs a valid start date."));

  if (!hel_store_begin (self, error))
    return FALSE;
  family_id = family_of_member (self, period->member_id);
  if (family_id == 0)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                   _("The family member no longer exists."));
      goto fail;
    }
  stmt = _hel_store_prepare (self, "INSERT INTO income_period (member_id, kind, start_date) "
                                   "VALUES (?1, ?2, ?3) ON CONFLICT (member_id, start_date) "
                                   "DO UPDATE SET kind = excluded.kind RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, period->member_id);
  sqlite3_bind_text (stmt, 2, hel_income_kind_to_code (period->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, period->start_date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    period->id = sqlite3_column_int64 (stmt, 0);
  if (!_hel_store_step_done (self, stmt, error))
    goto fail;
  _hel_store_queue_change (self, "member", period->member_id);
  _hel_store_queue_change (self, "family", family_id);
  return hel_store_commit (self, error);

fail:
  hel_store_rollback (self);
  return FALSE;
}

gboolean
hel_store_delete_income_period (HelStore *self,
                                gint64    period_id,
                                GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 member_id = 0, family_id;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "DELETE FROM income_period WHERE id = ?1 RETURNING member_id",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, period_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    member_id = sqlite3_column_int64 (stmt, 0);
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hel_store_fail (self, rc, error);
      goto fail;
    }
  family_id = family_of_member (self, member_id);
  if (member_id > 0)
    {
      _hel_store_queue_change (self, "member", member_id);
      _hel_store_queue_change (self, "family", family_id);
    }
  return hel_store_commit (self, error);

fail:
  hel_store_rollback (self);
  return FALSE;
}
