/* hel-store-board.c: board meetings in the store: load whole, write one edit at a time. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hel-store-board.h"
#include "hel-collate.h"
#include "hel-store-private.h"
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

#define MEETING_OF_ITEM "SELECT meeting_id FROM agenda_item WHERE id = ?1"
#define MEETING_OF_PARTICIPANT "SELECT meeting_id FROM meeting_participant WHERE id = ?1"
#define MEETING_OF_NOTE \
  "SELECT a.meeting_id FROM board_note n JOIN agenda_item a ON a.id = n.item_id WHERE n.id = ?1"
#define MEETING_OF_STROKE \
  "SELECT a.meeting_id FROM board_stroke s JOIN agenda_item a ON a.id = s.item_id WHERE s.id = ?1"
#define MEETING_OF_AGREEMENT \
  "SELECT a.meeting_id FROM agreement g JOIN agenda_item a ON a.id = g.item_id WHERE g.id = ?1"
#define FAMILY_OF_ITEM "SELECT family_id FROM agenda_item WHERE id = ?1"
#define FAMILY_OF_AGREEMENT \
  "SELECT a.family_id FROM agreement g JOIN agenda_item a ON a.id = g.item_id WHERE g.id = ?1"
#define FAMILY_OF_SUBGOAL \
  "SELECT g.family_id FROM subgoal s JOIN goal g ON g.id = s.goal_id WHERE s.id = ?1"
#define FAMILY_OF_MEMBER "SELECT family_id FROM member WHERE id = ?1"
#define STEP_OF_AGREEMENT "SELECT coalesce(step_id, 0) FROM agreement WHERE id = ?1"

/* Begin ... commit with the change notice; on !ok roll back. */
static gboolean
finish (HelStore *self,
        gint64    meeting_id,
        gboolean  ok,
        GError  **error)
{
  return _hel_store_finish (self, ok, meeting_id > 0 ? "meeting" : NULL, meeting_id, error);
}

/* ---- strokes as text: "x y x y ..." with four decimals, the C locale's point ---- */

static char *
points_to_text (GArray *points)
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

static void
points_from_text (HelBoardStroke *stroke,
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

/* The agreement's columns: a linked agreement's text, owner, deadline and done are the
 * step's. Then the owner's name and the date of the meeting where it was agreed. */
#define AGREEMENT_COLUMNS \
  "g.id, g.item_id, coalesce(g.step_id, 0), " \
  "CASE WHEN t.id IS NULL THEN g.what ELSE t.what END, " \
  "CASE WHEN t.id IS NULL THEN g.owner_kind ELSE t.owner_kind END, " \
  "CASE WHEN t.id IS NULL THEN g.owner_member_id ELSE t.owner_member_id END, " \
  "CASE WHEN t.id IS NULL THEN g.owner_caseworker_id ELSE t.owner_caseworker_id END, " \
  "CASE WHEN t.id IS NULL THEN g.owner_name ELSE t.owner_name END, " \
  "CASE WHEN t.id IS NULL THEN g.due ELSE t.due END, " \
  "CASE WHEN t.id IS NULL THEN g.done ELSE t.done END, " \
  "CASE WHEN t.id IS NULL THEN g.done_date ELSE t.done_date END, " \
  "g.created, g.position, gm.date "
#define AGREEMENT_JOINS \
  "FROM agreement g LEFT JOIN step t ON t.id = g.step_id " \
  "JOIN agenda_item gi ON gi.id = g.item_id JOIN meeting gm ON gm.id = gi.meeting_id "
#define N_AGREEMENT_COLUMNS 14

static HelAgreement *
read_agreement_row (sqlite3_stmt *stmt)
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
static void
fill_owner_label (HelStore     *self,
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
      points_from_text (s, _hel_column_text (stmt, 3));
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
      HelAgreement *a = read_agreement_row (stmt);

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
      HelAgreement *a = read_agreement_row (stmt);
      HelAgendaItem *item = g_hash_table_lookup (items, &a->item_id);

      g_ptr_array_add (item->agreements, a);
    }
  if (local_error)
    goto fail;

  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];
      for (guint k = 0; k < item->agreements->len; k++)
        fill_owner_label (self, item->agreements->pdata[k]);
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

/* The newest meeting of a team (0: the project group) and kind before @before (NULL: any). */
static gint64
last_meeting_id (HelStore       *self,
                 gint64          team_id,
                 HelMeetingKind  kind,
                 const char     *before,
                 gint64          not_id)
{
  sqlite3_stmt *stmt = _hel_store_prepare (self,
                                           "SELECT id FROM meeting WHERE coalesce(team_id, 0) = ?1 "
                                           "AND kind = ?2 AND (?3 IS NULL OR date <= ?3) AND id <> ?4 "
                                           "ORDER BY date DESC, time DESC, id DESC LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, team_id);
  sqlite3_bind_text (stmt, 2, hel_meeting_kind_to_code (kind), -1, SQLITE_STATIC);
  _hel_bind_text_or_null (stmt, 3, before);
  sqlite3_bind_int64 (stmt, 4, not_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

char *
hel_store_last_meeting_date (HelStore       *self,
                             gint64          team_id,
                             HelMeetingKind  kind,
                             GError        **error)
{
  gint64 id;
  sqlite3_stmt *stmt;
  char *date = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), NULL);

  id = last_meeting_id (self, team_id, kind, NULL, 0);
  if (id == 0)
    return NULL;
  stmt = _hel_store_prepare (self, "SELECT date FROM meeting WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    date = g_strdup (_hel_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return date;
}

/* ---- the meeting itself ---- */

static gboolean
validate_meeting (HelStore   *self,
                  HelMeeting *meeting,
                  char      **time_out,
                  GError    **error)
{
  HelMeetingData *d = hel_meeting_data (meeting);

  if ((guint) d->kind >= HEL_N_MEETING_KINDS)
    return _hel_store_invalid (error, _("Unknown kind of meeting."));
  if (!hel_date_is_valid_iso (d->date))
    return _hel_store_invalid (error, _("The meeting needs a valid date."));
  *time_out = NULL;
  if (d->time != NULL && *d->time != '\0' && !hel_board_time_parse (d->time, time_out))
    return _hel_store_invalid (error, _("The time is not a time of day. Write it as 09:30."));
  if (d->team_id > 0 && _hel_store_lookup_id (self, "SELECT id FROM team WHERE id = ?1",
                                              d->team_id) == 0)
    return _hel_store_not_found (error, _("The team no longer exists."));
  return TRUE;
}

static gboolean
insert_participant (HelStore       *self,
                    gint64          meeting_id,
                    HelParticipant *p,
                    gboolean        keep_id,
                    GError        **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *name = NULL;
  HelDiscipline discipline = p->discipline;

  if (p->caseworker_id > 0)
    {
      stmt = _hel_store_prepare (self, "SELECT name, discipline FROM caseworker WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, p->caseworker_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          name = g_strdup (_hel_column_text (stmt, 0));
          if (!hel_discipline_from_code (_hel_column_text (stmt, 1), &discipline))
            discipline = HEL_DISCIPLINE_OTHER;
        }
      sqlite3_reset (stmt);
      if (name == NULL)
        return _hel_store_not_found (error, _("The caseworker no longer exists."));
    }
  else if (!hel_text_require (p->name, _("the guest’s name"), &name, error))
    return FALSE;
  if ((guint) discipline >= HEL_N_DISCIPLINES)
    return _hel_store_invalid (error, _("Unknown discipline."));

  stmt = _hel_store_prepare (self, "INSERT INTO meeting_participant (id, meeting_id, caseworker_id, "
                                   "name, role, discipline, removed, position) VALUES (?1, ?2, ?3, "
                                   "?4, ?5, ?6, ?7, coalesce(?8, (SELECT coalesce(max(position), -1) "
                                   "+ 1 FROM meeting_participant WHERE meeting_id = ?2))) "
                                   "RETURNING id, position", error);
  if (stmt == NULL)
    return FALSE;
  _hel_bind_id_or_null (stmt, 1, keep_id ? p->id : 0);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  _hel_bind_id_or_null (stmt, 3, p->caseworker_id);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 5, p->role);
  sqlite3_bind_text (stmt, 6, hel_discipline_to_code (discipline), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, p->removed ? 1 : 0);
  if (keep_id)
    sqlite3_bind_int (stmt, 8, p->position);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      p->id = sqlite3_column_int64 (stmt, 0);
      p->position = sqlite3_column_int (stmt, 1);
    }
  if (!_hel_store_step_done (self, stmt, error))
    return FALSE;
  g_free (p->name);
  p->name = g_steal_pointer (&name);
  p->discipline = discipline;
  return TRUE;
}

static gboolean
insert_item (HelStore      *self,
             gint64         meeting_id,
             HelAgendaItem *item,
             GError       **error)
{
  sqlite3_stmt *stmt;

  if (item->minutes < 1 || item->minutes > HEL_BOARD_MAX_MINUTES)
    return _hel_store_invalid (error, _("The time box is from 1 to 120 minutes."));
  if (_hel_store_lookup_id (self, "SELECT id FROM family WHERE id = ?1", item->family_id) == 0)
    return _hel_store_not_found (error, _("The family no longer exists."));
  stmt = _hel_store_prepare (self, "SELECT 1 FROM agenda_item WHERE meeting_id = ?1 AND family_id = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, item->family_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _hel_store_invalid (error, _("The family is already on the agenda."));
    }
  sqlite3_reset (stmt);

  stmt = _hel_store_prepare (self, "INSERT INTO agenda_item (meeting_id, family_id, minutes, position) "
                                   "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 "
                                   "FROM agenda_item WHERE meeting_id = ?1)) RETURNING id, position",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, item->family_id);
  sqlite3_bind_int (stmt, 3, item->minutes);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      item->id = sqlite3_column_int64 (stmt, 0);
      item->position = sqlite3_column_int (stmt, 1);
    }
  return _hel_store_step_done (self, stmt, error);
}

/* Renumbers the rows listed by @list_sql (ids in order, one parameter) with @id at @new_index. */
static gboolean
reorder (HelStore   *self,
         const char *list_sql,
         gint64      list_param,
         const char *update_sql,
         gint64      id,
         guint       new_index,
         GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  GError *local_error = NULL;

  stmt = _hel_store_prepare (self, list_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, list_param);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      if (row != id)
        g_array_append_val (ids, row);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (id > 0)
    g_array_insert_val (ids, MIN (new_index, ids->len), id);

  stmt = _hel_store_prepare (self, update_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);
      if (!_hel_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Brings the open agreements of the last meeting of the same team and kind to @meeting_id:
 * their families go first on the agenda, the agreements are carried (not copied). */
static gboolean
carry_over (HelStore   *self,
            HelMeeting *meeting,
            gint64      previous_id,
            GError    **error)
{
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(GArray) families = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  GError *local_error = NULL;
  guint front = 0;

  /* Open agreements that were on the previous meeting's boards, agreed there or carried there. */
  stmt = _hel_store_prepare (self,
                             "SELECT DISTINCT a.family_id, a.position FROM agenda_item a "
                             "JOIN agreement g ON g.item_id = a.id OR g.id IN "
                             "  (SELECT agreement_id FROM agreement_carry WHERE item_id = a.id) "
                             "LEFT JOIN step s ON s.id = g.step_id "
                             "JOIN family f ON f.id = a.family_id "
                             "WHERE a.meeting_id = ?1 AND coalesce(s.done, g.done) = 0 "
                             "AND f.end_date IS NULL ORDER BY a.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, previous_id);
  while (_hel_store_step_rows (self, stmt, &local_error))
    {
      gint64 family_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (families, family_id);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; i < families->len; i++)
    {
      gint64 family_id = g_array_index (families, gint64, i);
      HelAgendaItem *item = hel_meeting_find_family (meeting, family_id);

      if (item == NULL)
        {
          item = hel_agenda_item_new (family_id);
          if (!insert_item (self, d->id, item, error))
            {
              hel_agenda_item_free (item);
              return FALSE;
            }
          g_ptr_array_add (d->items, item);
        }
      /* Followed up first: this family moves to the front, after the ones before it. */
      if (!reorder (self, "SELECT id FROM agenda_item WHERE meeting_id = ?1 ORDER BY position, id",
                    d->id, "UPDATE agenda_item SET position = ?2 WHERE id = ?1", item->id, front++,
                    error))
        return FALSE;

      stmt = _hel_store_prepare (self,
                                 "INSERT OR IGNORE INTO agreement_carry (agreement_id, item_id) "
                                 "SELECT g.id, ?3 FROM agreement g JOIN agenda_item a ON "
                                 "(g.item_id = a.id OR g.id IN (SELECT agreement_id FROM "
                                 " agreement_carry WHERE item_id = a.id)) "
                                 "LEFT JOIN step s ON s.id = g.step_id "
                                 "WHERE a.meeting_id = ?1 AND a.family_id = ?2 "
                                 "AND coalesce(s.done, g.done) = 0", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, previous_id);
      sqlite3_bind_int64 (stmt, 2, family_id);
      sqlite3_bind_int64 (stmt, 3, item->id);
      if (!_hel_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hel_store_create_meeting (HelStore              *self,
                          HelMeeting            *meeting,
                          HelMeetingCreateFlags  flags,
                          GError               **error)
{
  HelMeetingData *d;
  g_autofree char *time = NULL;
  g_autofree char *now = _hel_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 previous_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);
  d = hel_meeting_data (meeting);
  g_return_val_if_fail (d->id == 0, FALSE);

  if (!validate_meeting (self, meeting, &time, error))
    return FALSE;
  if (!hel_store_begin (self, error))
    return FALSE;

  previous_id = last_meeting_id (self, d->team_id, d->kind, d->date, 0);
  stmt = _hel_store_prepare (self, "INSERT INTO meeting (kind, team_id, date, time, created) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", error);
  if (stmt == NULL)
    return finish (self, 0, FALSE, error);
  sqlite3_bind_text (stmt, 1, hel_meeting_kind_to_code (d->kind), -1, SQLITE_STATIC);
  _hel_bind_id_or_null (stmt, 2, d->team_id);
  sqlite3_bind_text (stmt, 3, d->date, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 4, time);
  sqlite3_bind_text (stmt, 5, d->created ? d->created : now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    d->id = sqlite3_column_int64 (stmt, 0);
  if (!_hel_store_step_done (self, stmt, error))
    {
      d->id = 0;
      return finish (self, 0, FALSE, error);
    }

#define FAIL_IF(cond) G_STMT_START { if (cond) { d->id = 0; return finish (self, 0, FALSE, error); } } G_STMT_END

  if (d->participants->len == 0)
    {
      /* The caseworkers of the last meeting, or else the team's (all, for the project group). */
      stmt = previous_id > 0
             ? _hel_store_prepare (self, "SELECT caseworker_id FROM meeting_participant "
                                         "WHERE meeting_id = ?1 AND caseworker_id IS NOT NULL "
                                         "AND removed = 0 ORDER BY position, id", error)
             : _hel_store_prepare (self, "SELECT id FROM caseworker WHERE ?1 = 0 OR team_id = ?1 "
                                         "ORDER BY discipline, name, id", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, previous_id > 0 ? previous_id : d->team_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (d->participants,
                         hel_participant_new (sqlite3_column_int64 (stmt, 0), NULL, NULL,
                                              HEL_DISCIPLINE_OTHER));
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < d->participants->len; i++)
    FAIL_IF (!insert_participant (self, d->id, d->participants->pdata[i], FALSE, error));

  if (d->items->len == 0 && previous_id > 0)
    {
      stmt = _hel_store_prepare (self, "SELECT a.family_id, a.minutes FROM agenda_item a "
                                       "JOIN family f ON f.id = a.family_id WHERE a.meeting_id = ?1 "
                                       "AND f.end_date IS NULL ORDER BY a.position, a.id", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, previous_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          HelAgendaItem *item = hel_agenda_item_new (sqlite3_column_int64 (stmt, 0));
          item->minutes = sqlite3_column_int (stmt, 1);
          g_ptr_array_add (d->items, item);
        }
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < d->items->len; i++)
    FAIL_IF (!insert_item (self, d->id, d->items->pdata[i], error));

  ok = TRUE;
  if ((flags & HEL_MEETING_CREATE_CARRY_OVER) && previous_id > 0)
    ok = carry_over (self, meeting, previous_id, error);
#undef FAIL_IF
  if (!ok)
    d->id = 0;
  if (ok)
    {
      g_free (d->time);
      d->time = g_steal_pointer (&time);
      if (d->created == NULL)
        d->created = g_strdup (now);
    }
  return finish (self, ok ? d->id : 0, ok, error);
}

gboolean
hel_store_save_meeting (HelStore   *self,
                        HelMeeting *meeting,
                        GError    **error)
{
  HelMeetingData *d;
  g_autofree char *time = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);
  d = hel_meeting_data (meeting);

  if (d->id <= 0)
    return hel_store_create_meeting (self, meeting, HEL_MEETING_CREATE_DEFAULT, error);
  if (!validate_meeting (self, meeting, &time, error))
    return FALSE;
  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "UPDATE meeting SET kind = ?2, team_id = ?3, date = ?4, time = ?5 "
                                   "WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, d->id);
      sqlite3_bind_text (stmt, 2, hel_meeting_kind_to_code (d->kind), -1, SQLITE_STATIC);
      _hel_bind_id_or_null (stmt, 3, d->team_id);
      sqlite3_bind_text (stmt, 4, d->date, -1, SQLITE_TRANSIENT);
      _hel_bind_text_or_null (stmt, 5, time);
      ok = _hel_store_step_done (self, stmt, error);
      if (ok && sqlite3_changes (_hel_store_get_handle (self)) == 0)
        ok = _hel_store_not_found (error, _("The meeting no longer exists."));
    }
  if (ok)
    {
      g_free (d->time);
      d->time = g_steal_pointer (&time);
    }
  return finish (self, d->id, ok, error);
}

/* Shape of most edits: find the meeting through @meeting_sql, run @sql with @id bound to ?1. */
static gboolean
simple_edit (HelStore   *self,
             const char *meeting_sql,
             gint64      id,
             const char *sql,
             const char *missing,
             GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  gboolean ok = FALSE;

  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, meeting_sql, id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, missing);
      return finish (self, 0, FALSE, error);
    }
  stmt = _hel_store_prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_delete_meeting (HelStore *self,
                          gint64    meeting_id,
                          GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return simple_edit (self, "SELECT id FROM meeting WHERE id = ?1", meeting_id,
                      "DELETE FROM meeting WHERE id = ?1", _("The meeting no longer exists."),
                      error);
}

/* ---- participants ---- */

gboolean
hel_store_add_participant (HelStore       *self,
                           gint64          meeting_id,
                           HelParticipant *participant,
                           GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (participant != NULL, FALSE);

  if (participant->caseworker_id <= 0 &&
      !hel_text_require (participant->name, _("the guest’s name"), NULL, error))
    return FALSE;
  if (!hel_store_begin (self, error))
    return FALSE;
  if (_hel_store_lookup_id (self, "SELECT id FROM meeting WHERE id = ?1", meeting_id) == 0)
    {
      _hel_store_not_found (error, _("The meeting no longer exists."));
      return finish (self, 0, FALSE, error);
    }
  participant->id = 0;
  if (participant->caseworker_id > 0)
    {
      sqlite3_stmt *stmt = _hel_store_prepare (self, "SELECT id, removed FROM meeting_participant "
                                                     "WHERE meeting_id = ?1 AND caseworker_id = ?2",
                                               error);
      gboolean removed = FALSE;

      if (stmt == NULL)
        return finish (self, meeting_id, FALSE, error);
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int64 (stmt, 2, participant->caseworker_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          participant->id = sqlite3_column_int64 (stmt, 0);
          removed = sqlite3_column_int (stmt, 1) != 0;
        }
      sqlite3_reset (stmt);
      if (participant->id > 0 && !removed)
        {
          _hel_store_invalid (error, _("The caseworker is already in the meeting."));
          return finish (self, meeting_id, FALSE, error);
        }
      if (participant->id > 0)
        {
          /* Someone who left and comes back is the same participant, with their notes. */
          stmt = _hel_store_prepare (self, "UPDATE meeting_participant SET removed = 0 WHERE id = ?1",
                                     error);
          if (stmt == NULL)
            return finish (self, meeting_id, FALSE, error);
          sqlite3_bind_int64 (stmt, 1, participant->id);
          participant->removed = FALSE;
          return finish (self, meeting_id, _hel_store_step_done (self, stmt, error), error);
        }
    }
  ok = insert_participant (self, meeting_id, participant, FALSE, error);
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_set_participant_removed (HelStore *self,
                                   gint64    participant_id,
                                   gboolean  removed,
                                   GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return simple_edit (self, MEETING_OF_PARTICIPANT, participant_id,
                      removed ? "UPDATE meeting_participant SET removed = 1 WHERE id = ?1"
                              : "UPDATE meeting_participant SET removed = 0 WHERE id = ?1",
                      _("The participant is no longer in the meeting."), error);
}

/* ---- agenda ---- */

gboolean
hel_store_add_agenda_item (HelStore *self,
                           gint64    meeting_id,
                           gint64    family_id,
                           int       minutes,
                           gint64   *item_id_out,
                           GError  **error)
{
  g_autoptr(HelAgendaItem) item = hel_agenda_item_new (family_id);
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  item->minutes = minutes > 0 ? minutes : HEL_BOARD_DEFAULT_MINUTES;
  if (item->minutes > HEL_BOARD_MAX_MINUTES)
    return _hel_store_invalid (error, _("The time box is from 1 to 120 minutes."));
  if (!hel_store_begin (self, error))
    return FALSE;
  if (_hel_store_lookup_id (self, "SELECT id FROM meeting WHERE id = ?1", meeting_id) == 0)
    {
      _hel_store_not_found (error, _("The meeting no longer exists."));
      return finish (self, 0, FALSE, error);
    }
  ok = insert_item (self, meeting_id, item, error);
  if (ok && item_id_out)
    *item_id_out = item->id;
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_set_agenda_minutes (HelStore *self,
                              gint64    item_id,
                              int       minutes,
                              GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (minutes < 1 || minutes > HEL_BOARD_MAX_MINUTES)
    return _hel_store_invalid (error, _("The time box is from 1 to 120 minutes."));
  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_ITEM, item_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The family is no longer on the agenda."));
      return finish (self, 0, FALSE, error);
    }
  stmt = _hel_store_prepare (self, "UPDATE agenda_item SET minutes = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int (stmt, 2, minutes);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_move_agenda_item (HelStore *self,
                            gint64    item_id,
                            guint     new_index,
                            GError  **error)
{
  gint64 meeting_id;
  gboolean ok;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_ITEM, item_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The family is no longer on the agenda."));
      return finish (self, 0, FALSE, error);
    }
  ok = reorder (self, "SELECT id FROM agenda_item WHERE meeting_id = ?1 ORDER BY position, id",
                meeting_id, "UPDATE agenda_item SET position = ?2 WHERE id = ?1", item_id,
                new_index, error);
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_remove_agenda_item (HelStore *self,
                              gint64    item_id,
                              GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return simple_edit (self, MEETING_OF_ITEM, item_id, "DELETE FROM agenda_item WHERE id = ?1",
                      _("The family is no longer on the agenda."), error);
}

/* ---- notes ---- */

/* A note's author is a participant of its meeting: their name and discipline as they are now,
 * kept on the note so it keeps its colour and name when they leave. */
static gboolean
read_note_author (HelStore       *self,
                  gint64          meeting_id,
                  gint64          author_id,
                  char          **name_out,
                  HelDiscipline  *discipline_out,
                  GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = _hel_store_prepare (self, "SELECT coalesce(c.name, p.name), "
                                   "coalesce(c.discipline, p.discipline) "
                                   "FROM meeting_participant p LEFT JOIN caseworker c "
                                   "ON c.id = p.caseworker_id WHERE p.id = ?1 "
                                   "AND p.meeting_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, author_id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _hel_store_invalid (error, _("The note’s author is not in this meeting."));
    }
  g_free (*name_out);
  *name_out = g_strdup (_hel_column_text (stmt, 0));
  if (!hel_discipline_from_code (_hel_column_text (stmt, 1), discipline_out))
    *discipline_out = HEL_DISCIPLINE_OTHER;
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
hel_store_save_note (HelStore     *self,
                     gint64        item_id,
                     HelBoardNote *note,
                     GError      **error)
{
  g_autofree char *text = NULL;
  g_autofree char *now = _hel_store_now_utc ();
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  if (!hel_text_require (note->text, _("the note"), &text, error))
    return FALSE;
  if ((guint) note->column >= HEL_BOARD_AGREEMENTS)
    return _hel_store_invalid (error,
                               _("Notes go in Worries, Working well or What needs to happen; an "
                                        "agreement is made as an agreement."));
  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_ITEM, item_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The family is no longer on the agenda."));
      return finish (self, 0, FALSE, error);
    }

  if (note->id > 0)
    {
      gint64 stored_author = _hel_store_lookup_id (self, "SELECT coalesce(author_id, 0) FROM board_note "
                                                         "WHERE id = ?1", note->id);
      g_autofree char *author_name = NULL;
      HelDiscipline discipline = HEL_DISCIPLINE_OTHER;
      gboolean new_author = note->author_id != stored_author;

      /* Only a new author changes the name and colour: a note written by someone whose
       * discipline changed later keeps the colour it was written in. */
      if (new_author && note->author_id > 0 &&
          !read_note_author (self, meeting_id, note->author_id, &author_name, &discipline, error))
        return finish (self, meeting_id, FALSE, error);
      stmt = new_author
             ? _hel_store_prepare (self, "UPDATE board_note SET text = ?2, internal = ?3, "
                                         "author_id = ?5, author_name = ?6, discipline = ?7 "
                                         "WHERE id = ?1 AND item_id = ?4", error)
             : _hel_store_prepare (self, "UPDATE board_note SET text = ?2, internal = ?3 "
                                         "WHERE id = ?1 AND item_id = ?4", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, note->id);
          sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3, note->internal ? 1 : 0);
          sqlite3_bind_int64 (stmt, 4, item_id);
          if (new_author)
            {
              _hel_bind_id_or_null (stmt, 5, note->author_id);
              _hel_bind_text_or_null (stmt, 6, author_name);
              sqlite3_bind_text (stmt, 7, hel_discipline_to_code (discipline), -1, SQLITE_STATIC);
            }
          ok = _hel_store_step_done (self, stmt, error);
          if (ok && sqlite3_changes (_hel_store_get_handle (self)) == 0)
            ok = _hel_store_not_found (error, _("The note no longer exists."));
          if (ok && new_author)
            {
              g_free (note->author_name);
              note->author_name = g_steal_pointer (&author_name);
              note->discipline = discipline;
            }
        }
    }
  else
    {
      g_autofree char *author_name = g_strdup (note->author_name);
      HelDiscipline discipline = note->discipline;

      if (note->author_id > 0 &&
          !read_note_author (self, meeting_id, note->author_id, &author_name, &discipline, error))
        return finish (self, meeting_id, FALSE, error);
      if ((guint) discipline >= HEL_N_DISCIPLINES)
        discipline = HEL_DISCIPLINE_OTHER;
      stmt = _hel_store_prepare (self, "INSERT INTO board_note (item_id, column_code, text, author_id, "
                                       "author_name, discipline, internal, created, position) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                       "(SELECT coalesce(max(position), -1) + 1 FROM board_note "
                                       "WHERE item_id = ?1 AND column_code = ?2)) "
                                       "RETURNING id, position", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, item_id);
          sqlite3_bind_text (stmt, 2, hel_board_column_to_code (note->column), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
          _hel_bind_id_or_null (stmt, 4, note->author_id);
          _hel_bind_text_or_null (stmt, 5, author_name);
          sqlite3_bind_text (stmt, 6, hel_discipline_to_code (discipline), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 7, note->internal ? 1 : 0);
          sqlite3_bind_text (stmt, 8, note->created ? note->created : now, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              note->id = sqlite3_column_int64 (stmt, 0);
              note->position = sqlite3_column_int (stmt, 1);
            }
          ok = _hel_store_step_done (self, stmt, error);
          if (ok)
            {
              g_free (note->author_name);
              note->author_name = g_steal_pointer (&author_name);
              note->discipline = discipline;
              if (note->created == NULL)
                note->created = g_strdup (now);
            }
        }
    }
  if (ok)
    {
      g_free (note->text);
      note->text = g_steal_pointer (&text);
    }
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_move_note (HelStore       *self,
                     gint64          note_id,
                     HelBoardColumn  column,
                     guint           new_index,
                     GError        **error)
{
  g_autofree char *list_sql = NULL;
  sqlite3_stmt *stmt;
  gint64 meeting_id, item_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if ((guint) column >= HEL_BOARD_AGREEMENTS)
    return _hel_store_invalid (error,
                               _("Notes go in Worries, Working well or What needs to happen; an "
                                        "agreement is made as an agreement."));
  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_NOTE, note_id);
  item_id = _hel_store_lookup_id (self, "SELECT item_id FROM board_note WHERE id = ?1", note_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The note no longer exists."));
      return finish (self, 0, FALSE, error);
    }
  stmt = _hel_store_prepare (self, "UPDATE board_note SET column_code = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, note_id);
      sqlite3_bind_text (stmt, 2, hel_board_column_to_code (column), -1, SQLITE_STATIC);
      ok = _hel_store_step_done (self, stmt, error);
    }
  /* The column is part of the list's SQL so each column keeps its own cached statement. */
  list_sql = g_strdup_printf ("SELECT id FROM board_note WHERE item_id = ?1 AND column_code = '%s' "
                              "ORDER BY position, id", hel_board_column_to_code (column));
  ok = ok && reorder (self, list_sql, item_id, "UPDATE board_note SET position = ?2 WHERE id = ?1",
                      note_id, new_index, error);
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_delete_note (HelStore *self,
                       gint64    note_id,
                       GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return simple_edit (self, MEETING_OF_NOTE, note_id, "DELETE FROM board_note WHERE id = ?1",
                      _("The note no longer exists."), error);
}

/* ---- the pen ---- */

gboolean
hel_store_add_stroke (HelStore       *self,
                      gint64          item_id,
                      HelBoardStroke *stroke,
                      GError        **error)
{
  g_autofree char *points = NULL;
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (stroke != NULL, FALSE);

  if (stroke->points->len == 0)
    return _hel_store_invalid (error, _("A pen stroke needs at least one point."));
  if (!(stroke->width > 0 && stroke->width <= 100))
    return _hel_store_invalid (error, _("The pen’s width is out of range."));
  points = points_to_text (stroke->points);
  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_ITEM, item_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The family is no longer on the agenda."));
      return finish (self, 0, FALSE, error);
    }
  stmt = _hel_store_prepare (self, "INSERT INTO board_stroke (item_id, width, points) "
                                   "VALUES (?1, ?2, ?3) RETURNING id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_double (stmt, 2, stroke->width);
      sqlite3_bind_text (stmt, 3, points, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        stroke->id = sqlite3_column_int64 (stmt, 0);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_delete_stroke (HelStore *self,
                         gint64    stroke_id,
                         GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return simple_edit (self, MEETING_OF_STROKE, stroke_id, "DELETE FROM board_stroke WHERE id = ?1",
                      _("The pen stroke no longer exists."), error);
}

/* ---- scales ---- */

gboolean
hel_store_set_scale (HelStore *self,
                     gint64    item_id,
                     gint64    participant_id,
                     int       value,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (value < -1 || value > 10)
    return _hel_store_invalid (error, _("The scale goes from 0 to 10."));
  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_ITEM, item_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The family is no longer on the agenda."));
      return finish (self, 0, FALSE, error);
    }
  if (_hel_store_lookup_id (self, MEETING_OF_PARTICIPANT, participant_id) != meeting_id)
    {
      _hel_store_invalid (error, _("Only the meeting’s participants place a number on the scale."));
      return finish (self, meeting_id, FALSE, error);
    }
  stmt = value < 0
         ? _hel_store_prepare (self, "DELETE FROM board_scale WHERE item_id = ?1 "
                                     "AND participant_id = ?2", error)
         : _hel_store_prepare (self, "INSERT INTO board_scale (item_id, participant_id, value) "
                                     "VALUES (?1, ?2, ?3) ON CONFLICT (item_id, participant_id) "
                                     "DO UPDATE SET value = excluded.value", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      if (value >= 0)
        sqlite3_bind_int (stmt, 3, value);
      ok = _hel_store_step_done (self, stmt, error);
    }
  return finish (self, meeting_id, ok, error);
}

/* ---- agreements ---- */

static gboolean
validate_agreement (HelStore     *self,
                    gint64        family_id,
                    HelAgreement *a,
                    char        **what_out,
                    GError      **error)
{
  if (!hel_text_require (a->what, _("what is agreed"), what_out, error))
    return FALSE;
  if ((guint) a->owner_kind >= HEL_N_OWNER_KINDS)
    return _hel_store_invalid (error, _("Unknown kind of owner."));
  if (a->due != NULL && *a->due != '\0' && !hel_date_is_valid_iso (a->due))
    return _hel_store_invalid (error, _("The deadline is not a valid date."));
  if (a->owner_kind == HEL_OWNER_MEMBER && a->owner_member_id > 0 &&
      _hel_store_lookup_id (self, FAMILY_OF_MEMBER, a->owner_member_id) != family_id)
    return _hel_store_invalid (error,
                               _("The person responsible is no longer in the family. Choose someone else."));
  if (a->owner_kind == HEL_OWNER_CASEWORKER && a->owner_caseworker_id > 0 &&
      _hel_store_lookup_id (self, "SELECT id FROM caseworker WHERE id = ?1",
                            a->owner_caseworker_id) == 0)
    return _hel_store_invalid (error,
                               _("The caseworker responsible no longer exists. Choose someone else."));
  if (a->owner_kind == HEL_OWNER_EXTERNAL &&
      !hel_text_require (a->owner_name, _("the name of the person responsible"), NULL, error))
    return FALSE;
  return TRUE;
}

/* Writes what, owner, due and done into the step (linked) or the agreement itself. */
static gboolean
write_agreement_fields (HelStore     *self,
                        HelAgreement *a,
                        const char   *what,
                        gint64        step_id,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  if (step_id > 0)
    stmt = _hel_store_prepare (self, "UPDATE step SET what = ?2, owner_kind = ?3, "
                                     "owner_member_id = ?4, owner_caseworker_id = ?5, owner_name = ?6, "
                                     "due = ?7, done = ?8, done_date = ?9 WHERE id = ?1", error);
  else
    stmt = _hel_store_prepare (self, "UPDATE agreement SET what = ?2, owner_kind = ?3, "
                                     "owner_member_id = ?4, owner_caseworker_id = ?5, owner_name = ?6, "
                                     "due = ?7, done = ?8, done_date = ?9 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id > 0 ? step_id : a->id);
  sqlite3_bind_text (stmt, 2, what, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, hel_owner_kind_to_code (a->owner_kind), -1, SQLITE_STATIC);
  _hel_bind_id_or_null (stmt, 4, a->owner_kind == HEL_OWNER_MEMBER ? a->owner_member_id : 0);
  _hel_bind_id_or_null (stmt, 5, a->owner_kind == HEL_OWNER_CASEWORKER ? a->owner_caseworker_id : 0);
  _hel_bind_text_or_null (stmt, 6, a->owner_kind == HEL_OWNER_EXTERNAL ? a->owner_name : NULL);
  _hel_bind_text_or_null (stmt, 7, a->due);
  sqlite3_bind_int (stmt, 8, a->done ? 1 : 0);
  _hel_bind_text_or_null (stmt, 9, a->done ? a->done_date : NULL);
  return _hel_store_step_done (self, stmt, error);
}

gboolean
hel_store_save_agreement (HelStore     *self,
                          gint64        item_id,
                          HelAgreement *agreement,
                          GError      **error)
{
  g_autofree char *what = NULL;
  g_autofree char *today = hel_date_today ();
  sqlite3_stmt *stmt;
  gint64 meeting_id, family_id, step_id = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (agreement != NULL, FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_ITEM, item_id);
  family_id = _hel_store_lookup_id (self, FAMILY_OF_ITEM, item_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The family is no longer on the agenda."));
      return finish (self, 0, FALSE, error);
    }
  if (!validate_agreement (self, family_id, agreement, &what, error))
    return finish (self, meeting_id, FALSE, error);
  if (agreement->done && agreement->done_date == NULL)
    agreement->done_date = g_strdup (today);

  if (agreement->id > 0)
    {
      gint64 own_meeting = _hel_store_lookup_id (self, MEETING_OF_AGREEMENT, agreement->id);

      if (own_meeting == 0)
        {
          _hel_store_not_found (error, _("The agreement no longer exists."));
          return finish (self, meeting_id, FALSE, error);
        }
      step_id = _hel_store_lookup_id (self, STEP_OF_AGREEMENT, agreement->id);
      ok = write_agreement_fields (self, agreement, what, step_id, error);
      /* A carried agreement belongs to the meeting where it was agreed: both boards change. */
      if (own_meeting != meeting_id)
        _hel_store_queue_change (self, "meeting", own_meeting);
      if (step_id > 0)
        _hel_store_queue_change (self, "plan", family_id);
    }
  else
    {
      stmt = _hel_store_prepare (self, "INSERT INTO agreement (item_id, what, created, position) "
                                       "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 "
                                       "FROM agreement WHERE item_id = ?1)) RETURNING id, position",
                                 error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, item_id);
          sqlite3_bind_text (stmt, 2, what, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, agreement->created ? agreement->created : today, -1,
                             SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              agreement->id = sqlite3_column_int64 (stmt, 0);
              agreement->position = sqlite3_column_int (stmt, 1);
            }
          ok = _hel_store_step_done (self, stmt, error) &&
               write_agreement_fields (self, agreement, what, 0, error);
          if (ok)
            {
              agreement->item_id = item_id;
              if (agreement->created == NULL)
                agreement->created = g_strdup (today);
            }
          else
            agreement->id = 0;
        }
    }
  if (ok)
    {
      g_free (agreement->what);
      agreement->what = g_steal_pointer (&what);
      if (!agreement->done)
        g_clear_pointer (&agreement->done_date, g_free);
    }
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_set_agreement_done (HelStore *self,
                              gint64    agreement_id,
                              gboolean  done,
                              GError  **error)
{
  g_autofree char *today = hel_date_today ();
  sqlite3_stmt *stmt;
  gint64 meeting_id, step_id, family_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_AGREEMENT, agreement_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The agreement no longer exists."));
      return finish (self, 0, FALSE, error);
    }
  step_id = _hel_store_lookup_id (self, STEP_OF_AGREEMENT, agreement_id);
  family_id = _hel_store_lookup_id (self, FAMILY_OF_AGREEMENT, agreement_id);
  stmt = step_id > 0
         ? _hel_store_prepare (self, "UPDATE step SET done = ?2, done_date = ?3 WHERE id = ?1", error)
         : _hel_store_prepare (self, "UPDATE agreement SET done = ?2, done_date = ?3 WHERE id = ?1",
                               error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, step_id > 0 ? step_id : agreement_id);
      sqlite3_bind_int (stmt, 2, done ? 1 : 0);
      _hel_bind_text_or_null (stmt, 3, done ? today : NULL);
      ok = _hel_store_step_done (self, stmt, error);
    }
  if (ok && step_id > 0)
    _hel_store_queue_change (self, "plan", family_id);
  /* The meetings that follow it up show it too. */
  if (ok)
    {
      stmt = _hel_store_prepare (self, "SELECT DISTINCT a.meeting_id FROM agreement_carry c "
                                       "JOIN agenda_item a ON a.id = c.item_id "
                                       "WHERE c.agreement_id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, agreement_id);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            _hel_store_queue_change (self, "meeting", sqlite3_column_int64 (stmt, 0));
          sqlite3_reset (stmt);
        }
    }
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_delete_agreement (HelStore *self,
                            gint64    agreement_id,
                            GError  **error)
{
  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  return simple_edit (self, MEETING_OF_AGREEMENT, agreement_id,
                      "DELETE FROM agreement WHERE id = ?1", _("The agreement no longer exists."),
                      error);
}

gboolean
hel_store_link_agreement (HelStore *self,
                          gint64    agreement_id,
                          gint64    subgoal_id,
                          gint64   *step_id_out,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id, family_id, step_id = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_AGREEMENT, agreement_id);
  family_id = _hel_store_lookup_id (self, FAMILY_OF_AGREEMENT, agreement_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The agreement no longer exists."));
      return finish (self, 0, FALSE, error);
    }
  if (_hel_store_lookup_id (self, FAMILY_OF_SUBGOAL, subgoal_id) != family_id)
    {
      _hel_store_invalid (error,
                          _("An agreement can only become a step under a small goal in the same "
                                   "family’s plan."));
      return finish (self, meeting_id, FALSE, error);
    }
  if (_hel_store_lookup_id (self, STEP_OF_AGREEMENT, agreement_id) > 0)
    {
      _hel_store_invalid (error, _("The agreement is already a step in the family plan."));
      return finish (self, meeting_id, FALSE, error);
    }

  /* The step takes over what the agreement says; from now on the agreement only points to it. */
  stmt = _hel_store_prepare (self, "INSERT INTO step (subgoal_id, what, owner_kind, owner_member_id, "
                                   "owner_caseworker_id, owner_name, due, done, done_date, position) "
                                   "SELECT ?2, what, owner_kind, owner_member_id, owner_caseworker_id, "
                                   "owner_name, due, done, done_date, (SELECT coalesce(max(position), "
                                   "-1) + 1 FROM step WHERE subgoal_id = ?2) FROM agreement "
                                   "WHERE id = ?1 RETURNING id", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, agreement_id);
      sqlite3_bind_int64 (stmt, 2, subgoal_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        step_id = sqlite3_column_int64 (stmt, 0);
      ok = _hel_store_step_done (self, stmt, error) && step_id > 0;
    }
  stmt = ok ? _hel_store_prepare (self, "UPDATE agreement SET step_id = ?2, what = NULL, "
                                        "owner_kind = 'none', owner_member_id = NULL, "
                                        "owner_caseworker_id = NULL, owner_name = NULL, due = NULL, "
                                        "done = 0, done_date = NULL WHERE id = ?1", error) : NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, agreement_id);
      sqlite3_bind_int64 (stmt, 2, step_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  else
    ok = FALSE;
  if (ok)
    {
      _hel_store_queue_change (self, "plan", family_id);
      if (step_id_out)
        *step_id_out = step_id;
    }
  return finish (self, meeting_id, ok, error);
}

gboolean
hel_store_unlink_agreement (HelStore *self,
                            gint64    agreement_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id, family_id, step_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  meeting_id = _hel_store_lookup_id (self, MEETING_OF_AGREEMENT, agreement_id);
  family_id = _hel_store_lookup_id (self, FAMILY_OF_AGREEMENT, agreement_id);
  step_id = _hel_store_lookup_id (self, STEP_OF_AGREEMENT, agreement_id);
  if (meeting_id == 0)
    {
      _hel_store_not_found (error, _("The agreement no longer exists."));
      return finish (self, 0, FALSE, error);
    }
  if (step_id == 0)
    return finish (self, meeting_id, TRUE, error);
  /* The trigger agreement_keeps_step hands the step's text, owner and deadline back. */
  stmt = _hel_store_prepare (self, "DELETE FROM step WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, step_id);
      ok = _hel_store_step_done (self, stmt, error);
    }
  if (ok)
    _hel_store_queue_change (self, "plan", family_id);
  return finish (self, meeting_id, ok, error);
}

/* ---- undo and import: make the stored meeting equal to a snapshot ---- */

static gboolean
restore_agreement (HelStore      *self,
                   HelAgendaItem *item,
                   HelAgreement  *a,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 step_id = 0, family_id = item->family_id;
  gboolean step_exists;

  step_exists = a->step_id > 0 &&
                _hel_store_lookup_id (self, "SELECT id FROM step WHERE id = ?1",
                                      a->step_id) == a->step_id;
  if (step_exists)
    step_id = a->step_id;

  if (!a->carried)
    {
      /* Own fields NULL while linked: the step holds them. Owners that are gone are dropped. */
      stmt = _hel_store_prepare (self,
                                 "INSERT INTO agreement (id, item_id, step_id, what, owner_kind, "
                                 "owner_member_id, owner_caseworker_id, owner_name, due, done, "
                                 "done_date, created, position) VALUES (?1, ?2, ?3, ?4, ?5, "
                                 "(SELECT id FROM member WHERE id = ?6), "
                                 "(SELECT id FROM caseworker WHERE id = ?7), ?8, ?9, ?10, ?11, "
                                 "?12, ?13) ON CONFLICT (id) DO UPDATE SET item_id = excluded.item_id, "
                                 "step_id = excluded.step_id, what = excluded.what, "
                                 "owner_kind = excluded.owner_kind, "
                                 "owner_member_id = excluded.owner_member_id, "
                                 "owner_caseworker_id = excluded.owner_caseworker_id, "
                                 "owner_name = excluded.owner_name, due = excluded.due, "
                                 "done = excluded.done, done_date = excluded.done_date, "
                                 "created = excluded.created, position = excluded.position", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
      sqlite3_bind_int64 (stmt, 2, item->id);
      _hel_bind_id_or_null (stmt, 3, step_id);
      if (step_id == 0)
        {
          sqlite3_bind_text (stmt, 4, a->what, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, hel_owner_kind_to_code (a->owner_kind), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 6, a->owner_member_id);
          sqlite3_bind_int64 (stmt, 7, a->owner_caseworker_id);
          _hel_bind_text_or_null (stmt, 8, a->owner_name);
          _hel_bind_text_or_null (stmt, 9, a->due);
          sqlite3_bind_int (stmt, 10, a->done ? 1 : 0);
          _hel_bind_text_or_null (stmt, 11, a->done_date);
        }
      else
        {
          sqlite3_bind_text (stmt, 5, "none", -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 10, 0);
        }
      sqlite3_bind_text (stmt, 12, a->created, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 13, a->position);
      if (!_hel_store_run (self, stmt, error))
        return FALSE;
    }
  else
    {
      /* Followed up here, agreed elsewhere: the link, and its state as this snapshot has it. */
      if (_hel_store_lookup_id (self, "SELECT id FROM agreement WHERE id = ?1", a->id) == 0)
        return TRUE;
      stmt = _hel_store_prepare (self, "INSERT OR IGNORE INTO agreement_carry (agreement_id, item_id) "
                                       "VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
      sqlite3_bind_int64 (stmt, 2, item->id);
      if (!_hel_store_run (self, stmt, error))
        return FALSE;
      step_id = _hel_store_lookup_id (self, STEP_OF_AGREEMENT, a->id);
      if (step_id == 0)
        {
          stmt = _hel_store_prepare (self, "UPDATE agreement SET due = ?2, done = ?3, done_date = ?4 "
                                           "WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, a->id);
          _hel_bind_text_or_null (stmt, 2, a->due);
          sqlite3_bind_int (stmt, 3, a->done ? 1 : 0);
          _hel_bind_text_or_null (stmt, 4, a->done_date);
          return _hel_store_run (self, stmt, error);
        }
    }

  if (step_id > 0)
    {
      gint64 owner_member = a->owner_member_id;

      /* The step is the agreement: its text, owner and deadline as the snapshot has them. */
      if (owner_member > 0 && _hel_store_lookup_id (self, FAMILY_OF_MEMBER,
                                                    owner_member) != family_id)
        owner_member = 0;
      stmt = _hel_store_prepare (self, "UPDATE step SET what = ?2, owner_kind = ?3, "
                                       "owner_member_id = (SELECT id FROM member WHERE id = ?4), "
                                       "owner_caseworker_id = (SELECT id FROM caseworker WHERE id = ?5), "
                                       "owner_name = ?6, due = ?7, done = ?8, done_date = ?9 "
                                       "WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, step_id);
      sqlite3_bind_text (stmt, 2, a->what, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, hel_owner_kind_to_code (a->owner_kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, owner_member);
      sqlite3_bind_int64 (stmt, 5, a->owner_caseworker_id);
      _hel_bind_text_or_null (stmt, 6, a->owner_name);
      _hel_bind_text_or_null (stmt, 7, a->due);
      sqlite3_bind_int (stmt, 8, a->done ? 1 : 0);
      _hel_bind_text_or_null (stmt, 9, a->done_date);
      if (!_hel_store_run (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (_hel_store_get_handle (self)) > 0)
        _hel_store_queue_change (self, "plan", family_id);
    }
  return TRUE;
}

gboolean
hel_store_restore_meeting (HelStore   *self,
                           HelMeeting *meeting,
                           GError    **error)
{
  HelMeetingData *d;
  g_autoptr(GArray) participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) note_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) stroke_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) agreement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting != NULL, FALSE);
  d = hel_meeting_data (meeting);
  g_return_val_if_fail (d->id > 0, FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;

#define FAIL_IF(cond) G_STMT_START { if (cond) return finish (self, d->id, FALSE, error); } G_STMT_END

  stmt = _hel_store_prepare (self, "INSERT INTO meeting (id, kind, team_id, date, time, created) "
                                   "VALUES (?1, ?2, (SELECT id FROM team WHERE id = ?3), ?4, ?5, ?6) "
                                   "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
                                   "team_id = excluded.team_id, date = excluded.date, "
                                   "time = excluded.time, created = excluded.created", error);
  FAIL_IF (stmt == NULL);
  sqlite3_bind_int64 (stmt, 1, d->id);
  sqlite3_bind_text (stmt, 2, hel_meeting_kind_to_code (d->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, d->team_id);
  sqlite3_bind_text (stmt, 4, d->date, -1, SQLITE_TRANSIENT);
  _hel_bind_text_or_null (stmt, 5, d->time);
  sqlite3_bind_text (stmt, 6, d->created, -1, SQLITE_TRANSIENT);
  FAIL_IF (!_hel_store_run (self, stmt, error));

  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];

      g_array_append_val (participant_ids, p->id);
      stmt = _hel_store_prepare (self, "INSERT INTO meeting_participant (id, meeting_id, caseworker_id, "
                                       "name, role, discipline, removed, position) VALUES (?1, ?2, "
                                       "(SELECT id FROM caseworker WHERE id = ?3), ?4, ?5, ?6, ?7, ?8) "
                                       "ON CONFLICT (id) DO UPDATE SET meeting_id = excluded.meeting_id, "
                                       "caseworker_id = excluded.caseworker_id, name = excluded.name, "
                                       "role = excluded.role, discipline = excluded.discipline, "
                                       "removed = excluded.removed, position = excluded.position", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, p->id);
      sqlite3_bind_int64 (stmt, 2, d->id);
      sqlite3_bind_int64 (stmt, 3, p->caseworker_id);
      sqlite3_bind_text (stmt, 4, hel_participant_get_name (p), -1, SQLITE_TRANSIENT);
      _hel_bind_text_or_null (stmt, 5, p->role);
      sqlite3_bind_text (stmt, 6, hel_discipline_to_code (p->discipline), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, p->removed ? 1 : 0);
      sqlite3_bind_int (stmt, 8, p->position);
      FAIL_IF (!_hel_store_run (self, stmt, error));
    }

  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];

      /* A family erased since the snapshot cannot come back with its board. */
      if (_hel_store_lookup_id (self, "SELECT id FROM family WHERE id = ?1", item->family_id) == 0)
        continue;
      g_array_append_val (item_ids, item->id);
      stmt = _hel_store_prepare (self, "INSERT INTO agenda_item (id, meeting_id, family_id, minutes, "
                                       "position) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE "
                                       "SET meeting_id = excluded.meeting_id, family_id = "
                                       "excluded.family_id, minutes = excluded.minutes, "
                                       "position = excluded.position", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, item->id);
      sqlite3_bind_int64 (stmt, 2, d->id);
      sqlite3_bind_int64 (stmt, 3, item->family_id);
      sqlite3_bind_int (stmt, 4, item->minutes);
      sqlite3_bind_int (stmt, 5, item->position);
      FAIL_IF (!_hel_store_run (self, stmt, error));

      for (guint k = 0; k < item->notes->len; k++)
        {
          HelBoardNote *n = item->notes->pdata[k];

          g_array_append_val (note_ids, n->id);
          stmt = _hel_store_prepare (self, "INSERT INTO board_note (id, item_id, column_code, text, "
                                           "author_id, author_name, discipline, internal, created, "
                                           "position) VALUES (?1, ?2, ?3, ?4, (SELECT id FROM "
                                           "meeting_participant WHERE id = ?5), ?6, ?7, ?8, ?9, ?10) "
                                           "ON CONFLICT (id) DO UPDATE SET item_id = excluded.item_id, "
                                           "column_code = excluded.column_code, text = excluded.text, "
                                           "author_id = excluded.author_id, "
                                           "author_name = excluded.author_name, "
                                           "discipline = excluded.discipline, "
                                           "internal = excluded.internal, created = excluded.created, "
                                           "position = excluded.position", error);
          FAIL_IF (stmt == NULL);
          sqlite3_bind_int64 (stmt, 1, n->id);
          sqlite3_bind_int64 (stmt, 2, item->id);
          sqlite3_bind_text (stmt, 3, hel_board_column_to_code (n->column), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, n->text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 5, n->author_id);
          _hel_bind_text_or_null (stmt, 6, n->author_name);
          sqlite3_bind_text (stmt, 7, hel_discipline_to_code (n->discipline), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 8, n->internal ? 1 : 0);
          sqlite3_bind_text (stmt, 9, n->created, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 10, n->position);
          FAIL_IF (!_hel_store_run (self, stmt, error));
        }

      for (guint k = 0; k < item->strokes->len; k++)
        {
          HelBoardStroke *s = item->strokes->pdata[k];
          g_autofree char *points = points_to_text (s->points);

          g_array_append_val (stroke_ids, s->id);
          stmt = _hel_store_prepare (self, "INSERT INTO board_stroke (id, item_id, width, points) "
                                           "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET "
                                           "item_id = excluded.item_id, width = excluded.width, "
                                           "points = excluded.points", error);
          FAIL_IF (stmt == NULL);
          sqlite3_bind_int64 (stmt, 1, s->id);
          sqlite3_bind_int64 (stmt, 2, item->id);
          sqlite3_bind_double (stmt, 3, s->width);
          sqlite3_bind_text (stmt, 4, points, -1, SQLITE_TRANSIENT);
          FAIL_IF (!_hel_store_run (self, stmt, error));
        }

      stmt = _hel_store_prepare (self, "DELETE FROM board_scale WHERE item_id = ?1", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, item->id);
      FAIL_IF (!_hel_store_run (self, stmt, error));
      for (guint k = 0; k < item->scales->len; k++)
        {
          HelBoardScale *s = &g_array_index (item->scales, HelBoardScale, k);

          stmt = _hel_store_prepare (self, "INSERT OR IGNORE INTO board_scale (item_id, participant_id, "
                                           "value) SELECT ?1, id, ?3 FROM meeting_participant "
                                           "WHERE id = ?2 AND meeting_id = ?4", error);
          FAIL_IF (stmt == NULL);
          sqlite3_bind_int64 (stmt, 1, item->id);
          sqlite3_bind_int64 (stmt, 2, s->participant_id);
          sqlite3_bind_int (stmt, 3, s->value);
          sqlite3_bind_int64 (stmt, 4, d->id);
          FAIL_IF (!_hel_store_run (self, stmt, error));
        }

      stmt = _hel_store_prepare (self, "DELETE FROM agreement_carry WHERE item_id = ?1", error);
      FAIL_IF (stmt == NULL);
      sqlite3_bind_int64 (stmt, 1, item->id);
      FAIL_IF (!_hel_store_run (self, stmt, error));
      for (guint k = 0; k < item->agreements->len; k++)
        {
          HelAgreement *a = item->agreements->pdata[k];

          if (!a->carried)
            g_array_append_val (agreement_ids, a->id);
          FAIL_IF (!restore_agreement (self, item, a, error));
        }
    }

  /* What the snapshot does not have goes: children before parents. */
  {
    static const char * const deletes[] = {
      "DELETE FROM agreement WHERE id NOT IN (SELECT value FROM json_each(?2)) AND item_id IN "
      "(SELECT id FROM agenda_item WHERE meeting_id = ?1)",
      "DELETE FROM board_stroke WHERE id NOT IN (SELECT value FROM json_each(?2)) AND item_id IN "
      "(SELECT id FROM agenda_item WHERE meeting_id = ?1)",
      "DELETE FROM board_note WHERE id NOT IN (SELECT value FROM json_each(?2)) AND item_id IN "
      "(SELECT id FROM agenda_item WHERE meeting_id = ?1)",
      "DELETE FROM agenda_item WHERE id NOT IN (SELECT value FROM json_each(?2)) AND meeting_id = ?1",
      "DELETE FROM meeting_participant WHERE id NOT IN (SELECT value FROM json_each(?2)) "
      "AND meeting_id = ?1",
    };
    GArray *keep[] = { agreement_ids, stroke_ids, note_ids, item_ids, participant_ids };

    for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
      {
        g_free (json);
        json = _hel_store_ids_json (keep[i]);
        stmt = _hel_store_prepare (self, deletes[i], error);
        FAIL_IF (stmt == NULL);
        sqlite3_bind_int64 (stmt, 1, d->id);
        sqlite3_bind_text (stmt, 2, json, -1, SQLITE_TRANSIENT);
        FAIL_IF (!_hel_store_run (self, stmt, error));
      }
  }
#undef FAIL_IF
  return finish (self, d->id, TRUE, error);
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

      open->agreement = read_agreement_row (stmt);
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
    fill_owner_label (self, ((HelOpenAgreement *) list->pdata[i])->agreement);
  g_ptr_array_sort (list, compare_open);
  return g_steal_pointer (&list);
}

/* ---- a note dropped on Agreements ---- */

gboolean
hel_store_convert_note_to_agreement (HelStore *self,
                                     gint64    note_id,
                                     gint64   *agreement_id_out,
                                     GError  **error)
{
  g_autoptr(HelAgreement) agreement = NULL;
  sqlite3_stmt *stmt;
  gint64 meeting_id, item_id, caseworker_id;
  gboolean ok, by_participant;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  if (!hel_store_begin (self, error))
    return FALSE;
  stmt = _hel_store_prepare (self, "SELECT a.meeting_id, n.item_id, n.text, p.id IS NOT NULL, "
                                   "coalesce(p.caseworker_id, 0), p.name "
                                   "FROM board_note n JOIN agenda_item a ON a.id = n.item_id "
                                   "LEFT JOIN meeting_participant p ON p.id = n.author_id "
                                   "WHERE n.id = ?1", error);
  if (stmt == NULL)
    return _hel_store_finish (self, FALSE, NULL, 0, error);
  sqlite3_bind_int64 (stmt, 1, note_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _hel_store_not_found (error, _("The note no longer exists."));
      return _hel_store_finish (self, FALSE, NULL, 0, error);
    }
  meeting_id = sqlite3_column_int64 (stmt, 0);
  item_id = sqlite3_column_int64 (stmt, 1);
  agreement = hel_agreement_new (_hel_column_text (stmt, 2));
  by_participant = sqlite3_column_int (stmt, 3) != 0;
  caseworker_id = sqlite3_column_int64 (stmt, 4);
  /* The note's author is who wrote it down: the owner until someone else is chosen. A member
   * of the family never writes notes, so there is no member to take over. */
  if (caseworker_id > 0 &&
      _hel_store_lookup_id (self, "SELECT id FROM caseworker WHERE id = ?1", caseworker_id) > 0)
    {
      agreement->owner_kind = HEL_OWNER_CASEWORKER;
      agreement->owner_caseworker_id = caseworker_id;
    }
  else if (by_participant && caseworker_id == 0 && _hel_column_text (stmt, 5) != NULL)
    {
      agreement->owner_kind = HEL_OWNER_EXTERNAL;
      agreement->owner_name = g_strdup (_hel_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);

  /* No deadline yet: a draft, shown as incomplete until the room sets one. */
  ok = hel_store_save_agreement (self, item_id, agreement, error);
  if (ok)
    {
      stmt = _hel_store_prepare (self, "DELETE FROM board_note WHERE id = ?1", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, note_id);
      ok = _hel_store_run (self, stmt, error);
    }
  if (ok && agreement_id_out != NULL)
    *agreement_id_out = agreement->id;
  return _hel_store_finish (self, ok, "meeting", meeting_id, error);
}
