/* hel-json-board.c: the "meetings" section of the JSON document: export, checks and import. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hel-json.h"
#include "hel-json-board.h"
#include "hel-store-board.h"
#include "hel-store-private.h"
#include "hel-validate.h"

gboolean
_hel_json_export_meetings (HelStore    *store,
                           JsonBuilder *builder,
                           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* By id: a meeting that follows up an agreement comes after the one where it was made. */
  stmt = _hel_store_prepare (store, "SELECT id FROM meeting ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _hel_store_fail (store, rc, error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(HelMeeting) meeting = hel_store_load_meeting (store, g_array_index (ids, gint64, i),
                                                              error);
      if (meeting == NULL)
        return FALSE;
      json_builder_add_value (builder, hel_meeting_to_json (meeting));
    }
  json_builder_end_array (builder);
  return TRUE;
}

typedef enum { SEEN_MEETING, SEEN_PARTICIPANT, SEEN_ITEM, SEEN_NOTE, SEEN_STROKE, SEEN_AGREEMENT,
               N_SEEN } SeenKind;

typedef struct {
  HelJsonBoardImport *im;
  GHashTable         *seen[N_SEEN];
  GHashTable         *agreement_family;   /* agreement id -> family id, for carried ones */
  guint               line;
  const char         *path;
} Check;

static gboolean
check_fail (Check       *c,
            const char  *where,
            GError     **error,
            const char  *reason)
{
  g_autofree char *location = c->line ? g_strdup_printf (_("%s (line %u)"), c->path, c->line)
                                      : g_strdup (c->path);

  g_set_error (error, HEL_JSON_ERROR, HEL_JSON_ERROR_INVALID, "%s.%s: %s", location, where, reason);
  return FALSE;
}

static gboolean
claim (Check   *c,
       SeenKind kind,
       gint64   id)
{
  if (id <= 0 || g_hash_table_contains (c->seen[kind], &id))
    return FALSE;
  g_hash_table_add (c->seen[kind], g_memdup2 (&id, sizeof id));
  return TRUE;
}

static gboolean
check_agreement (Check         *c,
                 HelMeeting    *meeting,
                 HelAgendaItem *item,
                 HelAgreement  *a,
                 const char    *where,
                 GError       **error)
{
  HelStore *store = c->im->store;

  if (a->carried)
    {
      gpointer family = g_hash_table_lookup (c->agreement_family, &a->id);

      if (family == NULL)
        return check_fail (c, where, error,
                           _("follows up an agreement that is not in an earlier meeting in the file"));
      if (*(gint64 *) family != item->family_id)
        return check_fail (c, where, error, _("follows up another family’s agreement"));
      return TRUE;
    }
  if (!claim (c, SEEN_AGREEMENT, a->id))
    return check_fail (c, where, error, _("the id is missing or used twice"));
  g_hash_table_insert (c->agreement_family, g_memdup2 (&a->id, sizeof a->id),
                       g_memdup2 (&item->family_id, sizeof item->family_id));
  if (a->step_id > 0 &&
      _hel_store_lookup_id (store, "SELECT g.family_id FROM step t JOIN subgoal s "
                                   "ON s.id = t.subgoal_id JOIN goal g ON g.id = s.goal_id "
                                   "WHERE t.id = ?1", a->step_id) != item->family_id)
    return check_fail (c, where, error, _("is linked to a step that is not in this family’s plan"));
  if (a->owner_member_id > 0 &&
      _hel_store_lookup_id (store, "SELECT family_id FROM member WHERE id = ?1",
                            a->owner_member_id) != item->family_id)
    return check_fail (c, where, error, _("refers to a member who is not in this family"));
  if (a->owner_caseworker_id > 0 && !g_hash_table_contains (c->im->caseworker_ids, &a->owner_caseworker_id))
    return check_fail (c, where, error, _("refers to a caseworker who is not in the file"));
  (void) meeting;
  return TRUE;
}

static gboolean
check_meeting (Check      *c,
               HelMeeting *meeting,
               GError    **error)
{
  HelMeetingData *d = hel_meeting_data (meeting);
  g_autoptr(GHashTable) participants = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!claim (c, SEEN_MEETING, d->id))
    return check_fail (c, "id", error, _("is used twice"));
  if (d->team_id > 0 && !g_hash_table_contains (c->im->team_ids, &d->team_id))
    return check_fail (c, "team_id", error, _("refers to a team that is not in the file"));
  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];
      g_autofree char *where = g_strdup_printf ("participants[%u]", i);

      if (!claim (c, SEEN_PARTICIPANT, p->id))
        return check_fail (c, where, error, _("the id is missing or used twice"));
      if (p->caseworker_id > 0 && !g_hash_table_contains (c->im->caseworker_ids, &p->caseworker_id))
        return check_fail (c, where, error, _("refers to a caseworker who is not in the file"));
      g_hash_table_add (participants, &p->id);
    }
  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];
      g_autofree char *where = g_strdup_printf ("agenda[%u]", i);

      if (!claim (c, SEEN_ITEM, item->id))
        return check_fail (c, where, error, _("the id is missing or used twice"));
      if (!g_hash_table_contains (c->im->family_ids, &item->family_id))
        return check_fail (c, where, error, _("refers to a family that is not in the file"));
      for (guint k = 0; k < i; k++)
        if (((HelAgendaItem *) d->items->pdata[k])->family_id == item->family_id)
          return check_fail (c, where, error, _("has the same family twice on the agenda"));
      for (guint k = 0; k < item->notes->len; k++)
        {
          HelBoardNote *n = item->notes->pdata[k];
          g_autofree char *nwhere = g_strdup_printf ("%s.notes[%u]", where, k);

          if (!claim (c, SEEN_NOTE, n->id))
            return check_fail (c, nwhere, error, _("the id is missing or used twice"));
          if (n->author_id > 0 && !g_hash_table_contains (participants, &n->author_id))
            return check_fail (c, nwhere, error, _("the author is not a participant of the meeting"));
        }
      for (guint k = 0; k < item->strokes->len; k++)
        if (!claim (c, SEEN_STROKE, ((HelBoardStroke *) item->strokes->pdata[k])->id))
          return check_fail (c, where, error, _("a pen stroke’s id is missing or used twice"));
      for (guint k = 0; k < item->scales->len; k++)
        {
          HelBoardScale *s = &g_array_index (item->scales, HelBoardScale, k);

          if (!g_hash_table_contains (participants, &s->participant_id))
            return check_fail (c, where, error, _("a scale number is from someone not in the meeting"));
          for (guint j = 0; j < k; j++)
            if (g_array_index (item->scales, HelBoardScale, j).participant_id == s->participant_id)
              return check_fail (c, where, error, _("someone has two numbers on the scale"));
        }
      for (guint k = 0; k < item->agreements->len; k++)
        {
          HelAgreement *a = item->agreements->pdata[k];
          g_autofree char *awhere = g_strdup_printf ("%s.%s", where, a->carried ? "carried"
                                                                                : "agreements");

          if (!check_agreement (c, meeting, item, a, awhere, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_hel_json_import_meetings (HelJsonBoardImport *im,
                           JsonArray          *array,
                           const char         *section,
                           GError            **error)
{
  Check c = { im };
  gboolean ok = TRUE;

  for (guint k = 0; k < N_SEEN; k++)
    c.seen[k] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c.agreement_family = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", section, i);
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(HelMeeting) meeting = NULL;

      c.path = path;
      c.line = JSON_NODE_HOLDS_OBJECT (node)
               ? GPOINTER_TO_UINT (g_hash_table_lookup (im->lines, json_node_get_object (node)))
               : GPOINTER_TO_UINT (g_hash_table_lookup (im->lines, node));
      meeting = hel_meeting_from_json (node, error);
      if (meeting == NULL)
        {
          g_autofree char *location = c.line ? g_strdup_printf (_("%s (line %u)"), path, c.line)
                                             : g_strdup (path);
          g_prefix_error (error, "%s.", location);
          if (error && *error)
            {
              (*error)->domain = HEL_JSON_ERROR;
              (*error)->code = HEL_JSON_ERROR_INVALID;
            }
          ok = FALSE;
        }
      else
        ok = check_meeting (&c, meeting, error) &&
             hel_store_restore_meeting (im->store, meeting, error);
    }
  for (guint k = 0; k < N_SEEN; k++)
    g_hash_table_unref (c.seen[k]);
  g_hash_table_unref (c.agreement_family);
  return ok;
}
