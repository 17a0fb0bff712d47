/* hel-store-board-private.h: what the board store's files share (hel-store-board*.c). */
#pragma once

#include "hel-store-board.h"
#include "hel-store-private.h"

G_BEGIN_DECLS

#define MEETING_BY_ID "SELECT id FROM meeting WHERE id = ?1"
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
#define AGENDA_IN_ORDER "SELECT id FROM agenda_item WHERE meeting_id = ?1 ORDER BY position, id"
#define AGENDA_SET_POSITION "UPDATE agenda_item SET position = ?2 WHERE id = ?1"

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

/* Ends an edit of a meeting: commits with "changed::meeting" for @meeting_id, or rolls back. */
static inline gboolean
_hel_board_finish (HelStore *self,
                   gint64    meeting_id,
                   gboolean  ok,
                   GError  **error)
{
  return _hel_store_finish (self, ok, meeting_id > 0 ? "meeting" : NULL, meeting_id, error);
}

/* A stroke's points as stored: "x y x y ..." with four decimals and the C locale's point. */
char         *_hel_board_points_to_text     (GArray         *points);
void          _hel_board_points_from_text   (HelBoardStroke *stroke,
                                             const char     *text);
/* An agreement from a row that starts with AGREEMENT_COLUMNS. */
HelAgreement *_hel_board_read_agreement_row (sqlite3_stmt   *stmt);
/* The owner's name at full privacy; the views shorten it as their privacy says. */
void          _hel_board_fill_owner_label   (HelStore       *self,
                                             HelAgreement   *a);

G_END_DECLS
