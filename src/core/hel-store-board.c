/* hel-store-board.c: board meetings in the store: loading, and open agreements across families. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hel-collate.h"
#include "hel-store-board-private.h"
#include "hel-validate.h"

void
hel_meeting_summary_free (HelMeetingSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->team_name);
  g_free (summary->date);
  g_free (summary->time);
  g_free (summary);
}

void
hel_open_agreement_free (HelOpenAgreement *open)
{
  if (open == NULL)
    return;
  hel_agreement_free (open->agreement);
  g_free (open->family_name);
  g_free (open);
}

/* ---- strokes as text: "x y x y ..." with four decimals, the C locale's point ---- */

char *
_hel_board_points_to_text (GArray *points)
{
  GString *s = g_string_new (NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < points->len; i++)
    {
      HelBoardPoint *p = &g_array_index (points, HelBoardPoint, i);
      g_string_append_printf (s, "%s%s", i ? " " : "", g_ascii_formatd (buf, sizeof buf, "%.4f", p->x));
      g_string_append_printf (s, " %s", g_ascii_formatd (buf, sizeof buf, "%.4f", p->y));
    }
  return g_string_free (s, FALSE);
}

void
_hel_board_points_from_text (HelBoardStroke *stroke,
                             const char     *text)
{
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      char *end;
      double x = g_ascii_strtod (p, &end), y;

      if (end == p)
        break;
      p = end;
      y = g_ascii_strtod (p, &end);
      if (end == p)
        break;
      p = end;
      hel_board_stroke_add_point (stroke, x, y);
    }
}

/* ---- loading ---- */

HelAgreement *
_hel_board_read_agreement_row (sqlite3_stmt *stmt)
{
  HelAgreement *a = hel_agreement_new (_hel_column_text (stmt, 3));

  a->id = sqlite3_column_int64 (stmt, 0);
  a->item_id = sqlite3_column_int64 (stmt, 1);
  a->step_id = sqlite3_column_int64 (stmt, 2);
  if (!hel_owner_kind_from_code (_hel_column_text (stmt, 4), &a->owner_kind))
    a->owner_kind = HEL_OWNER_NONE;
  a->owner_member_id = sqlite3_column_int64 (stmt, 5);
  a->owner_caseworker_id = sqlite3_column_int64 (stmt, 6);
  a->owner_name = g_strdup (_hel_column_text (stmt, 7));
  a->due = g_strdup (_hel_column_text (stmt, 8));
  a->done = sqlite3_column_int (stmt, 9) != 0;
  a->done_date = g_strdup (_hel_column_text (stmt, 10));
  a->created = g_strdup (_hel_column_text (stmt, 11));
  a->position = sqlite3_column_int (stmt, 12);
  a->agreed_on = g_strdup (_hel_column_text (stmt, 13));
  return a;
}

/* The owner's name at full privacy; the views shorten it as their privacy says. */
void
_hel_board_fill_owner_label (HelStore     *self,
                             HelAgreement *a)
{
  sqlite3_stmt *stmt = NULL;

  g_clear_pointer (&a->owner_label, g_free);
  switch (a->owner_kind)
    {
    case HEL_OWNER_MEMBER:
      stmt = _hel_store_prepare (self, "SELECT trim(first_name || ' ' || coalesce(last_name, '')) "
                                       "FROM member WHERE id = ?1", NULL);
      if (stmt)
        sqlite3_bind_int64 (stmt, 1, a->owner_member_id);
      break;
    case HEL_OWNER_CASEWORKER:
      stmt = _hel_store_prepare (self, "SELECT name FROM caseworker WHERE id = ?1", NULL);
      if (stmt)
        sqlite3_bind_int64 (stmt, 1, a->owner_caseworker_id);
      break;
    case HEL_OWNER_EXTERNAL:
      a->owner_label = g_strdup (a->owner_name);
      return;
    case HEL_OWNER_NONE:
    case HEL_N_OWNER_KINDS:
    default:
      return;
    }
  if (stmt == NULL)
    return;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    a->owner_label = g_strdup (_hel_column_text (stmt, 0));
  sqlite3_reset (stmt);
}

static GStrv
load_adults (HelStore *self,
             gint64    family_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  stmt = _hel_store_prepare (self, "SELECT trim(first_name || ' ' || coalesce(last_name, '')) "
                                   "FROM member WHERE family_id = ?1 AND in_household = 1 AND "
                                   "role IN ('mother', 'father', 'foster-parent', 'other-adult') "
                                   "ORDER BY position, id", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, family_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, _hel_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

HelMeeting *
hel_store_load_meeting (HelStore *self,
                        gint64    meeting_id,
                        GError  **error)
{
  g_autoptr(HelMeeting) meeting = NULL;
  g_autoptr(GHashTable) items = g_hash_table_new (g_int64_hash, g_int64_equal);
  HelMeetingData *d;
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT m.kind, coalesce(m.team_id, 0), m.date, m.time, "
                                   "m.created, t.name FROM meeting m "
                                   "LEFT JOIN team t ON t.id = m.team_id WHERE m.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        _hel_store_not_found (error, _("The meeting no longer exists."));
      else
        _hel_store_fail (self, rc, error);
      return NULL;
    }
  meeting = hel_meeting_new ();
  d = hel_meeting_data (meeting);
  d->id = meeting_id;
  if (!hel_meeting_kind_from_code (_hel_column_text (stmt, 0), &d->kind))
    d->kind = HEL_MEETING_TEAM;
  d->team_id = sqlite3_column_int64 (stmt, 1);
  d->date = g_strdup (_hel_column_text (stmt, 2));
  d->time = g_strdup (_hel_column_text (stmt, 3));
  d->created = g_strdup (_hel_column_text (stmt, 4));
  d->team_name = g_strdup (_hel_column_text (stmt, 5));
  sqlite3_reset (stmt);

  /* A caseworker's current name and discipline win over what was copied when they joined. */
  stmt = _hel_store_prepare (self, "SELECT p.id, coalesce(p.caseworker_id, 0), "
                                   "coalesce(c.name, p.name), p.role, "
                                   "coalesce(c.discipline, p.discipline), p.removed, p.position "
                                   "FROM meeting_participant p "
                                   "LEFT JOIN caseworker c ON c.id = p.caseworker_id "
                                   "WHERE p.meeting_id = ?1 ORDER BY p.position, p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelParticipant *p = hel_participant_new (sqlite3_column_int64 (stmt, 1),
                                               _hel_column_text (stmt, 2),
                                               _hel_column_text (stmt, 3), HEL_DISCIPLINE_OTHER);
      p->id = sqlite3_column_int64 (stmt, 0);
      if (!hel_discipline_from_code (_hel_column_text (stmt, 4), &p->discipline))
        p->discipline = HEL_DISCIPLINE_OTHER;
      p->removed = sqlite3_column_int (stmt, 5) != 0;
      p->position = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (d->participants, p);
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self, "SELECT a.id, a.family_id, a.minutes, a.position, f.name "
                                   "FROM agenda_item a JOIN family f ON f.id = a.family_id "
                                   "WHERE a.meeting_id = ?1 ORDER BY a.position, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelAgendaItem *item = hel_agenda_item_new (sqlite3_column_int64 (stmt, 1));

      item->id = sqlite3_column_int64 (stmt, 0);
      item->minutes = sqlite3_column_int (stmt, 2);
      item->position = sqlite3_column_int (stmt, 3);
      item->family_name = g_strdup (_hel_column_text (stmt, 4));
      g_ptr_array_add (d->items, item);
      g_hash_table_insert (items, &item->id, item);
    }
  if (local_error)
    goto fail;
  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];
      item->adults = load_adults (self, item->family_id);
    }

  stmt = _hel_store_prepare (self, "SELECT n.id, n.item_id, n.column_code, n.text, "
                                   "coalesce(n.author_id, 0), n.author_name, n.discipline, "
                                   "n.internal, n.created, n.position FROM board_note n "
                                   "JOIN agenda_item a ON a.id = n.item_id WHERE a.meeting_id = ?1 "
                                   "ORDER BY n.item_id, n.column_code, n.position, n.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 1);
      HelAgendaItem *item = g_hash_table_lookup (items, &item_id);
      HelBoardNote *n = hel_board_note_new (HEL_BOARD_WORRIES, _hel_column_text (stmt, 3));

      n->id = sqlite3_column_int64 (stmt, 0);
      if (!hel_board_column_from_code (_hel_column_text (stmt, 2), &n->column) ||
          n->column == HEL_BOARD_AGREEMENTS)
        n->column = HEL_BOARD_WORRIES;
      n->author_id = sqlite3_column_int64 (stmt, 4);
      n->author_name = g_strdup (_hel_column_text (stmt, 5));
      if (!hel_discipline_from_code (_hel_column_text (stmt, 6), &n->discipline))
        n->discipline = HEL_DISCIPLINE_OTHER;
      n->internal = sqlite3_column_int (stmt, 7) != 0;
      n->created = g_strdup (_hel_column_text (stmt, 8));
      n->position = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (item->notes, n);
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self, "SELECT s.id, s.item_id, s.width, s.points FROM board_stroke s "
                                   "JOIN agenda_item a ON a.id = s.item_id WHERE a.meeting_id = ?1 "
                                   "ORDER BY s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 1);
      HelAgendaItem *item = g_hash_table_lookup (items, &item_id);
      HelBoardStroke *s = hel_board_stroke_new (sqlite3_column_double (stmt, 2));

      s->id = sqlite3_column_int64 (stmt, 0);
      _hel_board_points_from_text (s, _hel_column_text (stmt, 3));
      g_ptr_array_add (item->strokes, s);
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self, "SELECT s.item_id, s.participant_id, s.value FROM board_scale s "
                                   "JOIN agenda_item a ON a.id = s.item_id WHERE a.meeting_id = ?1 "
                                   "ORDER BY s.item_id, s.participant_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 0);
      HelAgendaItem *item = g_hash_table_lookup (items, &item_id);
      HelBoardScale s = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2) };

      g_array_append_val (item->scales, s);
    }
  if (local_error)
    goto fail;

  /* Carried agreements first, oldest first; then this meeting's own, in order. */
  stmt = _hel_store_prepare (self, "SELECT " AGREEMENT_COLUMNS ", c.item_id " AGREEMENT_JOINS
                                   "JOIN agreement_carry c ON c.agreement_id = g.id "
                                   "JOIN agenda_item ci ON ci.id = c.item_id "
                                   "WHERE ci.meeting_id = ?1 ORDER BY gm.date, g.position, g.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 item_id = sqlite3_column_int64 (stmt, N_AGREEMENT_COLUMNS);
      HelAgendaItem *item = g_hash_table_lookup (items, &item_id);
      HelAgreement *a = _hel_board_read_agreement_row (stmt);

      a->carried = TRUE;
      g_ptr_array_add (item->agreements, a);
    }
  if (local_error)
    goto fail;

  stmt = _hel_store_prepare (self, "SELECT " AGREEMENT_COLUMNS AGREEMENT_JOINS
                                   "WHERE gi.meeting_id = ?1 ORDER BY g.position, g.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelAgreement *a = _hel_board_read_agreement_row (stmt);
      HelAgendaItem *item = g_hash_table_lookup (items, &a->item_id);

      g_ptr_array_add (item->agreements, a);
    }
  if (local_error)
    goto fail;

  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];
      for (guint k = 0; k < item->agreements->len; k++)
        _hel_board_fill_owner_label (self, item->agreements->pdata[k]);
    }
  return g_steal_pointer (&meeting);

fail:
  g_propagate_error (error, local_error);
  return NULL;
}

GPtrArray *
hel_store_list_meetings (HelStore *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_meeting_summary_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self,
                             "SELECT m.id, m.kind, coalesce(m.team_id, 0), t.name, m.date, m.time, "
                             "(SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id), "
                             "(SELECT count(*) FROM agreement g JOIN agenda_item a ON a.id = g.item_id "
                             " LEFT JOIN step s ON s.id = g.step_id WHERE a.meeting_id = m.id "
                             " AND coalesce(s.done, g.done) = 0) "
                             "FROM meeting m LEFT JOIN team t ON t.id = m.team_id "
                             "ORDER BY m.date DESC, m.time DESC, m.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelMeetingSummary *s = g_new0 (HelMeetingSummary, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      if (!hel_meeting_kind_from_code (_hel_column_text (stmt, 1), &s->kind))
        s->kind = HEL_MEETING_TEAM;
      s->team_id = sqlite3_column_int64 (stmt, 2);
      s->team_name = g_strdup (_hel_column_text (stmt, 3));
      s->date = g_strdup (_hel_column_text (stmt, 4));
      s->time = g_strdup (_hel_column_text (stmt, 5));
      s->n_families = (guint) sqlite3_column_int (stmt, 6);
      s->n_open_agreements = (guint) sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, s);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- open agreements across families ---- */

static int
compare_open (gconstpointer pa,
              gconstpointer pb)
{
  const HelOpenAgreement *a = *(HelOpenAgreement * const *) pa;
  const HelOpenAgreement *b = *(HelOpenAgreement * const *) pb;
  const char *la = a->agreement->owner_label, *lb = b->agreement->owner_label;
  const char *da = a->agreement->due, *db = b->agreement->due;
  int c;

  /* Agreements without an owner come last: they are what needs deciding. */
  if ((la == NULL) != (lb == NULL))
    return la == NULL ? 1 : -1;
  if (la != NULL && (c = hel_collate_names (la, lb)) != 0)
    return c;
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  if (da != NULL && (c = strcmp (da, db)) != 0)
    return c;
  if ((c = hel_collate_names (a->family_name, b->family_name)) != 0)
    return c;
  return a->agreement->id < b->agreement->id ? -1 : a->agreement->id > b->agreement->id;
}

GPtrArray *
hel_store_list_open_agreements (HelStore *self,
                                gint64    team_id,
                                GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_open_agreement_free);
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  stmt = _hel_store_prepare (self, "SELECT " AGREEMENT_COLUMNS ", gm.id, gi.family_id, f.name "
                                   AGREEMENT_JOINS "JOIN family f ON f.id = gi.family_id "
                                   "WHERE CASE WHEN t.id IS NULL THEN g.done ELSE t.done END = 0 "
                                   "AND (?1 = 0 OR f.team_id = ?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, team_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      HelOpenAgreement *open = g_new0 (HelOpenAgreement, 1);

      open->agreement = _hel_board_read_agreement_row (stmt);
      open->meeting_id = sqlite3_column_int64 (stmt, N_AGREEMENT_COLUMNS);
      open->family_id = sqlite3_column_int64 (stmt, N_AGREEMENT_COLUMNS + 1);
      open->family_name = g_strdup (_hel_column_text (stmt, N_AGREEMENT_COLUMNS + 2));
      g_ptr_array_add (list, open);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    _hel_board_fill_owner_label (self, ((HelOpenAgreement *) list->pdata[i])->agreement);
  g_ptr_array_sort (list, compare_open);
  return g_steal_pointer (&list);
}
