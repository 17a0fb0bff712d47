/* hel-board.c: the board meeting tree: construction, lookup, privacy of names, rhythm and JSON. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hel-board.h"
#include "hel-json-read.h"
#include "hel-validate.h"

struct _HelMeeting
{
  gatomicrefcount ref_count;
  HelMeetingData  data;
};

G_DEFINE_BOXED_TYPE (HelMeeting, hel_meeting, hel_meeting_ref, hel_meeting_unref)

typedef struct {
  const char *code;
  const char *label;
} CodeLabel;

static const CodeLabel meeting_kinds[HEL_N_MEETING_KINDS] = {
  { "team", N_("Team meeting") },
  { "project-group", N_("Project group meeting") },
};

static const CodeLabel board_columns[HEL_BOARD_N_COLUMNS] = {
  { "worries", N_("Worries") },
  { "working-well", N_("Working well") },
  { "needs", N_("What needs to happen") },
  { "agreements", N_("Agreements") },
};

static const CodeLabel privacy_modes[HEL_N_PRIVACY_MODES] = {
  { "full", N_("Full names shown") },
  { "first-names", N_("First names shown") },
  { "initials", N_("Initials shown") },
};

static gboolean
find_code (const CodeLabel *table,
           guint            n,
           const char      *code,
           guint           *out)
{
  for (guint i = 0; code != NULL && i < n; i++)
    if (g_str_equal (code, table[i].code))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hel_meeting_kind_to_code (HelMeetingKind kind)
{
  g_return_val_if_fail ((guint) kind < HEL_N_MEETING_KINDS, NULL);
  return meeting_kinds[kind].code;
}

gboolean
hel_meeting_kind_from_code (const char     *code,
                            HelMeetingKind *kind)
{
  guint i;

  if (!find_code (meeting_kinds, HEL_N_MEETING_KINDS, code, &i))
    return FALSE;
  *kind = (HelMeetingKind) i;
  return TRUE;
}

const char *
hel_meeting_kind_label (HelMeetingKind kind)
{
  g_return_val_if_fail ((guint) kind < HEL_N_MEETING_KINDS, "");
  return g_dgettext (GETTEXT_PACKAGE, meeting_kinds[kind].label);
}

guint
hel_meeting_kind_rhythm_days (HelMeetingKind kind)
{
  return kind == HEL_MEETING_PROJECT_GROUP ? HEL_BOARD_PROJECT_GROUP_RHYTHM_DAYS
                                           : HEL_BOARD_TEAM_RHYTHM_DAYS;
}

const char *
hel_board_column_to_code (HelBoardColumn column)
{
  g_return_val_if_fail ((guint) column < HEL_BOARD_N_COLUMNS, NULL);
  return board_columns[column].code;
}

gboolean
hel_board_column_from_code (const char     *code,
                            HelBoardColumn *column)
{
  guint i;

  if (!find_code (board_columns, HEL_BOARD_N_COLUMNS, code, &i))
    return FALSE;
  *column = (HelBoardColumn) i;
  return TRUE;
}

const char *
hel_board_column_label (HelBoardColumn column)
{
  g_return_val_if_fail ((guint) column < HEL_BOARD_N_COLUMNS, "");
  return g_dgettext (GETTEXT_PACKAGE, board_columns[column].label);
}

const char *
hel_privacy_to_code (HelPrivacy privacy)
{
  g_return_val_if_fail ((guint) privacy < HEL_N_PRIVACY_MODES, NULL);
  return privacy_modes[privacy].code;
}

gboolean
hel_privacy_from_code (const char *code,
                       HelPrivacy *privacy)
{
  guint i;

  if (!find_code (privacy_modes, HEL_N_PRIVACY_MODES, code, &i))
    return FALSE;
  *privacy = (HelPrivacy) i;
  return TRUE;
}

const char *
hel_privacy_label (HelPrivacy privacy)
{
  g_return_val_if_fail ((guint) privacy < HEL_N_PRIVACY_MODES, "");
  return g_dgettext (GETTEXT_PACKAGE, privacy_modes[privacy].label);
}

/* ---- names as privacy allows ---- */

static void
append_initial (GString    *out,
                const char *word)
{
  gunichar c = g_utf8_get_char (word);

  if (g_unichar_isalpha (c))
    g_string_append_unichar (out, g_unichar_toupper (c));
}

char *
hel_privacy_person_name (const char *full_name,
                         HelPrivacy  privacy)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (full_name == NULL)
    return g_strdup ("");
  if (privacy == HEL_PRIVACY_FULL_NAMES)
    return g_strstrip (g_strdup (full_name));

  words = g_strsplit_set (full_name, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (privacy == HEL_PRIVACY_FIRST_NAMES)
        return g_strdup (words[i]);
      /* Double names count each part: "Anne-Marie Hansen" is AMH. */
      {
        g_auto(GStrv) parts = g_strsplit (words[i], "-", -1);
        for (guint k = 0; parts[k] != NULL; k++)
          if (*parts[k] != '\0')
            append_initial (out, parts[k]);
      }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
hel_privacy_family_name (const char *family_name,
                         HelPrivacy  privacy)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean first = TRUE;

  if (family_name == NULL)
    return g_strdup ("");
  if (privacy == HEL_PRIVACY_FULL_NAMES)
    return g_strstrip (g_strdup (family_name));

  /* The first word is "Familien" (or whatever the team writes); the names become initials. */
  words = g_strsplit_set (family_name, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (!first)
        g_string_append_c (out, ' ');
      if (first && words[i + 1] != NULL)
        g_string_append (out, words[i]);
      else
        {
          append_initial (out, words[i]);
          g_string_append_c (out, '.');
        }
      first = FALSE;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
hel_board_time_parse (const char  *text,
                      char       **time_out)
{
  g_autofree char *trimmed = NULL;
  const char *p;
  guint hours = 0, minutes = 0, n = 0;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  for (p = trimmed; g_ascii_isdigit (*p) && n < 3; p++, n++)
    hours = hours * 10 + (guint) (*p - '0');
  if (n == 0 || n > 2 || (*p != ':' && *p != '.'))
    return FALSE;
  p++;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != '\0')
    return FALSE;
  minutes = (guint) (p[0] - '0') * 10 + (guint) (p[1] - '0');
  if (hours > 23 || minutes > 59)
    return FALSE;
  if (time_out != NULL)
    *time_out = g_strdup_printf ("%02u:%02u", hours, minutes);
  return TRUE;
}

char *
hel_meeting_propose_date (HelMeetingKind  kind,
                          const char     *last_date,
                          const char     *today)
{
  guint rhythm = hel_meeting_kind_rhythm_days (kind);
  GDate date, now;

  g_return_val_if_fail (hel_date_is_valid_iso (today), NULL);

  if (last_date == NULL || !hel_date_to_gdate (last_date, &date))
    return g_strdup (today);
  hel_date_to_gdate (today, &now);
  g_date_add_days (&date, rhythm);
  while (g_date_compare (&date, &now) < 0)
    g_date_add_days (&date, rhythm);
  return hel_date_from_gdate (&date);
}

/* ---- construction ---- */

HelParticipant *
hel_participant_new (gint64         caseworker_id,
                     const char    *name,
                     const char    *role,
                     HelDiscipline  discipline)
{
  HelParticipant *p = g_new0 (HelParticipant, 1);

  p->caseworker_id = caseworker_id;
  p->name = g_strdup (name);
  p->role = g_strdup (role);
  p->discipline = discipline;
  return p;
}

void
hel_participant_free (HelParticipant *participant)
{
  if (participant == NULL)
    return;
  g_free (participant->name);
  g_free (participant->role);
  g_free (participant);
}

const char *
hel_participant_get_name (HelParticipant *participant)
{
  g_return_val_if_fail (participant != NULL, "");
  return participant->name ? participant->name : "";
}

HelBoardNote *
hel_board_note_new (HelBoardColumn  column,
                    const char     *text)
{
  HelBoardNote *note = g_new0 (HelBoardNote, 1);

  note->column = column;
  note->text = g_strdup (text);
  note->discipline = HEL_DISCIPLINE_OTHER;
  return note;
}

HelBoardNote *
hel_board_note_copy (const HelBoardNote *note)
{
  HelBoardNote *copy = g_memdup2 (note, sizeof *note);

  copy->text = g_strdup (note->text);
  copy->author_name = g_strdup (note->author_name);
  copy->created = g_strdup (note->created);
  return copy;
}

void
hel_board_note_free (HelBoardNote *note)
{
  if (note == NULL)
    return;
  g_free (note->text);
  g_free (note->author_name);
  g_free (note->created);
  g_free (note);
}

HelBoardStroke *
hel_board_stroke_new (double width)
{
  HelBoardStroke *stroke = g_new0 (HelBoardStroke, 1);

  stroke->width = width;
  stroke->points = g_array_new (FALSE, FALSE, sizeof (HelBoardPoint));
  return stroke;
}

void
hel_board_stroke_add_point (HelBoardStroke *stroke,
                            double          x,
                            double          y)
{
  HelBoardPoint p = { round (CLAMP (x, 0.0, 1.0) * 10000.0) / 10000.0,
                      round (CLAMP (y, 0.0, 1.0) * 10000.0) / 10000.0 };

  g_array_append_val (stroke->points, p);
}

void
hel_board_stroke_free (HelBoardStroke *stroke)
{
  if (stroke == NULL)
    return;
  g_array_unref (stroke->points);
  g_free (stroke);
}

HelAgreement *
hel_agreement_new (const char *what)
{
  HelAgreement *a = g_new0 (HelAgreement, 1);

  a->what = g_strdup (what);
  return a;
}

HelAgreement *
hel_agreement_copy (const HelAgreement *agreement)
{
  HelAgreement *copy = g_memdup2 (agreement, sizeof *agreement);

  copy->what = g_strdup (agreement->what);
  copy->owner_name = g_strdup (agreement->owner_name);
  copy->due = g_strdup (agreement->due);
  copy->done_date = g_strdup (agreement->done_date);
  copy->created = g_strdup (agreement->created);
  copy->owner_label = g_strdup (agreement->owner_label);
  copy->agreed_on = g_strdup (agreement->agreed_on);
  return copy;
}

void
hel_agreement_free (HelAgreement *agreement)
{
  if (agreement == NULL)
    return;
  g_free (agreement->what);
  g_free (agreement->owner_name);
  g_free (agreement->due);
  g_free (agreement->done_date);
  g_free (agreement->created);
  g_free (agreement->owner_label);
  g_free (agreement->agreed_on);
  g_free (agreement);
}

gboolean
hel_agreement_is_complete (const HelAgreement *agreement)
{
  g_return_val_if_fail (agreement != NULL, FALSE);

  if (agreement->due == NULL || *agreement->due == '\0')
    return FALSE;
  switch (agreement->owner_kind)
    {
    case HEL_OWNER_MEMBER:
      return agreement->owner_member_id > 0;
    case HEL_OWNER_CASEWORKER:
      return agreement->owner_caseworker_id > 0;
    case HEL_OWNER_EXTERNAL:
      return agreement->owner_name != NULL && *agreement->owner_name != '\0';
    case HEL_OWNER_NONE:
    case HEL_N_OWNER_KINDS:
    default:
      return FALSE;
    }
}

HelDueState
hel_agreement_due_state (const HelAgreement *agreement,
                         const char         *today)
{
  g_return_val_if_fail (agreement != NULL, HEL_DUE_NONE);
  if (agreement->done)
    return HEL_DUE_NONE;
  return hel_due_state_for_date (agreement->due, today);
}

HelAgendaItem *
hel_agenda_item_new (gint64 family_id)
{
  HelAgendaItem *item = g_new0 (HelAgendaItem, 1);

  item->family_id = family_id;
  item->minutes = HEL_BOARD_DEFAULT_MINUTES;
  item->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_board_note_free);
  item->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_board_stroke_free);
  item->scales = g_array_new (FALSE, FALSE, sizeof (HelBoardScale));
  item->agreements = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_agreement_free);
  return item;
}

void
hel_agenda_item_free (HelAgendaItem *item)
{
  if (item == NULL)
    return;
  g_ptr_array_unref (item->notes);
  g_ptr_array_unref (item->strokes);
  g_array_unref (item->scales);
  g_ptr_array_unref (item->agreements);
  g_free (item->family_name);
  g_strfreev (item->adults);
  g_free (item);
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const HelBoardNote *x = *(HelBoardNote * const *) a;
  const HelBoardNote *y = *(HelBoardNote * const *) b;

  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

GPtrArray *
hel_agenda_item_column_notes (HelAgendaItem  *item,
                              HelBoardColumn  column)
{
  GPtrArray *notes = g_ptr_array_new ();

  g_return_val_if_fail (item != NULL, notes);
  for (guint i = 0; i < item->notes->len; i++)
    {
      HelBoardNote *note = item->notes->pdata[i];
      if (note->column == column)
        g_ptr_array_add (notes, note);
    }
  g_ptr_array_sort (notes, compare_notes);
  return notes;
}

int
hel_agenda_item_get_scale (HelAgendaItem *item,
                           gint64         participant_id)
{
  g_return_val_if_fail (item != NULL, -1);
  for (guint i = 0; i < item->scales->len; i++)
    {
      HelBoardScale *s = &g_array_index (item->scales, HelBoardScale, i);
      if (s->participant_id == participant_id)
        return s->value;
    }
  return -1;
}

HelMeeting *
hel_meeting_new (void)
{
  HelMeeting *meeting = g_new0 (HelMeeting, 1);

  g_atomic_ref_count_init (&meeting->ref_count);
  meeting->data.participants = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_participant_free);
  meeting->data.items = g_ptr_array_new_with_free_func ((GDestroyNotify) hel_agenda_item_free);
  return meeting;
}

HelMeeting *
hel_meeting_ref (HelMeeting *meeting)
{
  g_return_val_if_fail (meeting != NULL, NULL);
  g_atomic_ref_count_inc (&meeting->ref_count);
  return meeting;
}

void
hel_meeting_unref (HelMeeting *meeting)
{
  g_return_if_fail (meeting != NULL);
  if (!g_atomic_ref_count_dec (&meeting->ref_count))
    return;
  g_free (meeting->data.date);
  g_free (meeting->data.time);
  g_free (meeting->data.created);
  g_free (meeting->data.team_name);
  g_ptr_array_unref (meeting->data.participants);
  g_ptr_array_unref (meeting->data.items);
  g_free (meeting);
}

HelMeetingData *
hel_meeting_data (HelMeeting *meeting)
{
  g_return_val_if_fail (meeting != NULL, NULL);
  return &meeting->data;
}

HelMeeting *
hel_meeting_copy (HelMeeting *meeting)
{
  g_autoptr(JsonNode) node = NULL;
  HelMeeting *copy;

  g_return_val_if_fail (meeting != NULL, NULL);

  /* One serialisation for copies, undo and the export keeps them from drifting apart;
   * the names read with the meeting ride along. */
  node = hel_meeting_to_json (meeting);
  copy = hel_meeting_from_json (node, NULL);
  g_assert (copy != NULL);
  copy->data.team_name = g_strdup (meeting->data.team_name);
  for (guint i = 0; i < meeting->data.items->len; i++)
    {
      HelAgendaItem *from = meeting->data.items->pdata[i];
      HelAgendaItem *to = copy->data.items->pdata[i];

      to->family_name = g_strdup (from->family_name);
      to->adults = g_strdupv (from->adults);
      for (guint k = 0; k < from->agreements->len; k++)
        {
          HelAgreement *a = from->agreements->pdata[k];
          HelAgreement *b = to->agreements->pdata[k];

          b->owner_label = g_strdup (a->owner_label);
          b->agreed_on = g_strdup (a->agreed_on);
          b->item_id = a->item_id;
        }
    }
  return copy;
}

/* Field by field what hel_meeting_to_json() writes: the board session compares the meeting
 * before and after every edit, and a meeting of 50 families with 40 notes each made that
 * through JSON cost a drop 20 ms. */
static gboolean
agreements_equal (GPtrArray *a,
                  GPtrArray *b,
                  gboolean   carried)
{
  guint i = 0, k = 0;

  for (;;)
    {
      HelAgreement *x, *y;

      while (i < a->len && !((HelAgreement *) a->pdata[i])->carried != !carried)
        i++;
      while (k < b->len && !((HelAgreement *) b->pdata[k])->carried != !carried)
        k++;
      if (i == a->len || k == b->len)
        return i == a->len && k == b->len;
      x = a->pdata[i++];
      y = b->pdata[k++];
      if (x->id != y->id || x->step_id != y->step_id || g_strcmp0 (x->what, y->what) != 0 ||
          x->owner_kind != y->owner_kind || x->owner_member_id != y->owner_member_id ||
          x->owner_caseworker_id != y->owner_caseworker_id ||
          g_strcmp0 (x->owner_name, y->owner_name) != 0 || g_strcmp0 (x->due, y->due) != 0 ||
          !x->done != !y->done || g_strcmp0 (x->done_date, y->done_date) != 0 ||
          g_strcmp0 (x->created, y->created) != 0 || x->position != y->position)
        return FALSE;
    }
}

static gboolean
agenda_item_equal (HelAgendaItem *x,
                   HelAgendaItem *y)
{
  if (x->id != y->id || x->family_id != y->family_id || x->minutes != y->minutes ||
      x->position != y->position || x->notes->len != y->notes->len ||
      x->strokes->len != y->strokes->len || x->scales->len != y->scales->len)
    return FALSE;
  for (guint k = 0; k < x->notes->len; k++)
    {
      HelBoardNote *m = x->notes->pdata[k], *n = y->notes->pdata[k];

      if (m->id != n->id || m->column != n->column || g_strcmp0 (m->text, n->text) != 0 ||
          m->author_id != n->author_id || g_strcmp0 (m->author_name, n->author_name) != 0 ||
          m->discipline != n->discipline || !m->internal != !n->internal ||
          g_strcmp0 (m->created, n->created) != 0 || m->position != n->position)
        return FALSE;
    }
  for (guint k = 0; k < x->strokes->len; k++)
    {
      HelBoardStroke *s = x->strokes->pdata[k], *t = y->strokes->pdata[k];

      if (s->id != t->id || s->width != t->width || s->points->len != t->points->len ||
          memcmp (s->points->data, t->points->data, sizeof (HelBoardPoint) * s->points->len) != 0)
        return FALSE;
    }
  for (guint k = 0; k < x->scales->len; k++)
    {
      HelBoardScale *s = &g_array_index (x->scales, HelBoardScale, k);
      HelBoardScale *t = &g_array_index (y->scales, HelBoardScale, k);

      if (s->participant_id != t->participant_id || s->value != t->value)
        return FALSE;
    }
  return agreements_equal (x->agreements, y->agreements, FALSE) &&
         agreements_equal (x->agreements, y->agreements, TRUE);
}

gboolean
hel_meeting_equal (HelMeeting *a,
                   HelMeeting *b)
{
  HelMeetingData *x, *y;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  x = &a->data;
  y = &b->data;
  if (x->id != y->id || x->kind != y->kind || x->team_id != y->team_id ||
      g_strcmp0 (x->date, y->date) != 0 || g_strcmp0 (x->time, y->time) != 0 ||
      g_strcmp0 (x->created, y->created) != 0 || x->participants->len != y->participants->len ||
      x->items->len != y->items->len)
    return FALSE;
  for (guint i = 0; i < x->participants->len; i++)
    {
      HelParticipant *p = x->participants->pdata[i], *q = y->participants->pdata[i];

      if (p->id != q->id || p->caseworker_id != q->caseworker_id ||
          g_strcmp0 (p->name, q->name) != 0 || g_strcmp0 (p->role, q->role) != 0 ||
          p->discipline != q->discipline || !p->removed != !q->removed ||
          p->position != q->position)
        return FALSE;
    }
  for (guint i = 0; i < x->items->len; i++)
    if (!agenda_item_equal (x->items->pdata[i], y->items->pdata[i]))
      return FALSE;
  return TRUE;
}

HelAgendaItem *
hel_meeting_find_item (HelMeeting *meeting,
                       gint64      item_id)
{
  g_return_val_if_fail (meeting != NULL, NULL);
  for (guint i = 0; i < meeting->data.items->len; i++)
    {
      HelAgendaItem *item = meeting->data.items->pdata[i];
      if (item->id == item_id)
        return item;
    }
  return NULL;
}

HelAgendaItem *
hel_meeting_find_family (HelMeeting *meeting,
                         gint64      family_id)
{
  g_return_val_if_fail (meeting != NULL, NULL);
  for (guint i = 0; i < meeting->data.items->len; i++)
    {
      HelAgendaItem *item = meeting->data.items->pdata[i];
      if (item->family_id == family_id)
        return item;
    }
  return NULL;
}

HelParticipant *
hel_meeting_find_participant (HelMeeting *meeting,
                              gint64      participant_id)
{
  g_return_val_if_fail (meeting != NULL, NULL);
  for (guint i = 0; i < meeting->data.participants->len; i++)
    {
      HelParticipant *p = meeting->data.participants->pdata[i];
      if (p->id == participant_id)
        return p;
    }
  return NULL;
}

HelBoardNote *
hel_meeting_find_note (HelMeeting     *meeting,
                       gint64          note_id,
                       HelAgendaItem **item_out)
{
  g_return_val_if_fail (meeting != NULL, NULL);
  for (guint i = 0; i < meeting->data.items->len; i++)
    {
      HelAgendaItem *item = meeting->data.items->pdata[i];
      for (guint k = 0; k < item->notes->len; k++)
        {
          HelBoardNote *note = item->notes->pdata[k];
          if (note->id == note_id)
            {
              if (item_out)
                *item_out = item;
              return note;
            }
        }
    }
  return NULL;
}

HelAgreement *
hel_meeting_find_agreement (HelMeeting     *meeting,
                            gint64          agreement_id,
                            HelAgendaItem **item_out)
{
  g_return_val_if_fail (meeting != NULL, NULL);
  for (guint i = 0; i < meeting->data.items->len; i++)
    {
      HelAgendaItem *item = meeting->data.items->pdata[i];
      for (guint k = 0; k < item->agreements->len; k++)
        {
          HelAgreement *a = item->agreements->pdata[k];
          if (a->id == agreement_id)
            {
              if (item_out)
                *item_out = item;
              return a;
            }
        }
    }
  return NULL;
}

/* ---- JSON ---- */

static void
add_agreement (JsonBuilder  *b,
               HelAgreement *a)
{
  json_builder_begin_object (b);
  hel_json_add_int (b, "id", a->id);
  hel_json_add_int (b, "step_id", a->step_id);
  hel_json_add_string (b, "what", a->what);
  hel_json_add_string (b, "owner_kind", hel_owner_kind_to_code (a->owner_kind));
  hel_json_add_int (b, "owner_member_id", a->owner_member_id);
  hel_json_add_int (b, "owner_caseworker_id", a->owner_caseworker_id);
  hel_json_add_string (b, "owner_name", a->owner_name);
  hel_json_add_string (b, "due", a->due);
  hel_json_add_bool (b, "done", a->done);
  hel_json_add_string (b, "done_date", a->done_date);
  hel_json_add_string (b, "created", a->created);
  hel_json_add_int (b, "position", a->position);
  json_builder_end_object (b);
}

JsonNode *
hel_meeting_to_json (HelMeeting *meeting)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  HelMeetingData *d;

  g_return_val_if_fail (meeting != NULL, NULL);
  d = &meeting->data;

  json_builder_begin_object (b);
  hel_json_add_int (b, "id", d->id);
  hel_json_add_string (b, "kind", hel_meeting_kind_to_code (d->kind));
  hel_json_add_int (b, "team_id", d->team_id);
  hel_json_add_string (b, "date", d->date);
  hel_json_add_string (b, "time", d->time);
  hel_json_add_string (b, "created", d->created);

  json_builder_set_member_name (b, "participants");
  json_builder_begin_array (b);
  for (guint i = 0; i < d->participants->len; i++)
    {
      HelParticipant *p = d->participants->pdata[i];

      json_builder_begin_object (b);
      hel_json_add_int (b, "id", p->id);
      hel_json_add_int (b, "caseworker_id", p->caseworker_id);
      hel_json_add_string (b, "name", p->name);
      hel_json_add_string (b, "role", p->role);
      hel_json_add_string (b, "discipline", hel_discipline_to_code (p->discipline));
      hel_json_add_bool (b, "removed", p->removed);
      hel_json_add_int (b, "position", p->position);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "agenda");
  json_builder_begin_array (b);
  for (guint i = 0; i < d->items->len; i++)
    {
      HelAgendaItem *item = d->items->pdata[i];

      json_builder_begin_object (b);
      hel_json_add_int (b, "id", item->id);
      hel_json_add_int (b, "family_id", item->family_id);
      hel_json_add_int (b, "minutes", item->minutes);
      hel_json_add_int (b, "position", item->position);

      json_builder_set_member_name (b, "notes");
      json_builder_begin_array (b);
      for (guint k = 0; k < item->notes->len; k++)
        {
          HelBoardNote *n = item->notes->pdata[k];

          json_builder_begin_object (b);
          hel_json_add_int (b, "id", n->id);
          hel_json_add_string (b, "column", hel_board_column_to_code (n->column));
          hel_json_add_string (b, "text", n->text);
          hel_json_add_int (b, "author_id", n->author_id);
          hel_json_add_string (b, "author_name", n->author_name);
          hel_json_add_string (b, "discipline", hel_discipline_to_code (n->discipline));
          hel_json_add_bool (b, "internal", n->internal);
          hel_json_add_string (b, "created", n->created);
          hel_json_add_int (b, "position", n->position);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);

      json_builder_set_member_name (b, "strokes");
      json_builder_begin_array (b);
      for (guint k = 0; k < item->strokes->len; k++)
        {
          HelBoardStroke *s = item->strokes->pdata[k];

          json_builder_begin_object (b);
          hel_json_add_int (b, "id", s->id);
          json_builder_set_member_name (b, "width");
          json_builder_add_double_value (b, s->width);
          json_builder_set_member_name (b, "points");
          json_builder_begin_array (b);
          for (guint j = 0; j < s->points->len; j++)
            {
              HelBoardPoint *pt = &g_array_index (s->points, HelBoardPoint, j);
              json_builder_add_double_value (b, pt->x);
              json_builder_add_double_value (b, pt->y);
            }
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);

      json_builder_set_member_name (b, "scales");
      json_builder_begin_array (b);
      for (guint k = 0; k < item->scales->len; k++)
        {
          HelBoardScale *s = &g_array_index (item->scales, HelBoardScale, k);

          json_builder_begin_object (b);
          hel_json_add_int (b, "participant_id", s->participant_id);
          hel_json_add_int (b, "value", s->value);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);

      json_builder_set_member_name (b, "agreements");
      json_builder_begin_array (b);
      for (guint k = 0; k < item->agreements->len; k++)
        if (!((HelAgreement *) item->agreements->pdata[k])->carried)
          add_agreement (b, item->agreements->pdata[k]);
      json_builder_end_array (b);

      /* Agreements from earlier meetings followed up here: their ids, and their state (done,
       * a new deadline) as this meeting left it, which lives in the agreement itself. */
      json_builder_set_member_name (b, "carried");
      json_builder_begin_array (b);
      for (guint k = 0; k < item->agreements->len; k++)
        if (((HelAgreement *) item->agreements->pdata[k])->carried)
          add_agreement (b, item->agreements->pdata[k]);
      json_builder_end_array (b);

      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/* Reading is strict: a meeting from a file or an undo snapshot must be whole and well-formed.
 * Errors name the place: "agenda[2].notes[0].column: is not a known column" (hel-json-read.h). */
static gboolean
read_discipline (HelJsonReader *r,
                 JsonObject    *o,
                 HelDiscipline *out)
{
  g_autofree char *code = NULL;

  if (!hel_json_read_string (r, o, "discipline", HEL_JSON_NOT_EMPTY, &code))
    return FALSE;
  if (!hel_discipline_from_code (code, out))
    return hel_json_reader_fail (r, "discipline", _("is not a known discipline"));
  return TRUE;
}

static HelAgreement *
read_agreement (HelJsonReader *r,
                JsonObject    *o)
{
  g_autoptr(HelAgreement) a = hel_agreement_new (NULL);
  g_autofree char *kind = NULL;

  if (!hel_json_read_int (r, o, "id", 0, G_MAXINT64, &a->id) ||
      !hel_json_read_int (r, o, "step_id", 0, G_MAXINT64, &a->step_id) ||
      !hel_json_read_string (r, o, "what", HEL_JSON_NOT_EMPTY, &a->what) ||
      !hel_json_read_string (r, o, "owner_kind", HEL_JSON_NOT_EMPTY, &kind) ||
      !hel_json_read_int (r, o, "owner_member_id", 0, G_MAXINT64, &a->owner_member_id) ||
      !hel_json_read_int (r, o, "owner_caseworker_id", 0, G_MAXINT64, &a->owner_caseworker_id) ||
      !hel_json_read_string (r, o, "owner_name", HEL_JSON_OPTIONAL, &a->owner_name) ||
      !hel_json_read_string (r, o, "due", HEL_JSON_DATE, &a->due) ||
      !hel_json_read_bool (r, o, "done", &a->done) ||
      !hel_json_read_string (r, o, "done_date", HEL_JSON_DATE, &a->done_date) ||
      !hel_json_read_string (r, o, "created", HEL_JSON_NOT_EMPTY | HEL_JSON_DATE, &a->created) ||
      !hel_json_read_int32 (r, o, "position", G_MININT, G_MAXINT, &a->position))
    return NULL;
  if (!hel_owner_kind_from_code (kind, &a->owner_kind))
    {
      hel_json_reader_fail (r, "owner_kind", _("is not a known kind of owner"));
      return NULL;
    }
  return g_steal_pointer (&a);
}

/* Where the agreements of one list go: the item, as agreed there or carried to it. */
typedef struct {
  HelAgendaItem *item;
  gboolean       carried;
} AgreementList;

static gboolean
read_agreement_cb (HelJsonReader *r,
                   JsonObject    *element,
                   gpointer       user_data)
{
  AgreementList *list = user_data;
  HelAgreement *a = read_agreement (r, element);

  if (a == NULL)
    return FALSE;
  a->carried = list->carried;
  a->item_id = list->carried ? 0 : list->item->id;
  g_ptr_array_add (list->item->agreements, a);
  return TRUE;
}

static gboolean
read_note_cb (HelJsonReader *r,
              JsonObject    *no,
              gpointer       user_data)
{
  HelAgendaItem *item = user_data;
  HelBoardNote *n = hel_board_note_new (HEL_BOARD_WORRIES, NULL);
  g_autofree char *column = NULL;

  g_ptr_array_add (item->notes, n);
  if (!hel_json_read_int (r, no, "id", 0, G_MAXINT64, &n->id) ||
      !hel_json_read_string (r, no, "column", HEL_JSON_NOT_EMPTY, &column) ||
      !hel_json_read_string (r, no, "text", HEL_JSON_NOT_EMPTY, &n->text) ||
      !hel_json_read_int (r, no, "author_id", 0, G_MAXINT64, &n->author_id) ||
      !hel_json_read_string (r, no, "author_name", HEL_JSON_OPTIONAL, &n->author_name) ||
      !read_discipline (r, no, &n->discipline) ||
      !hel_json_read_bool (r, no, "internal", &n->internal) ||
      !hel_json_read_string (r, no, "created", HEL_JSON_NOT_EMPTY, &n->created) ||
      !hel_json_read_int32 (r, no, "position", G_MININT, G_MAXINT, &n->position))
    return FALSE;
  if (!hel_board_column_from_code (column, &n->column) || n->column == HEL_BOARD_AGREEMENTS)
    return hel_json_reader_fail (r, "column",
                                 _("is not a column for notes (worries, working-well, needs)"));
  return TRUE;
}

static gboolean
read_stroke_cb (HelJsonReader *r,
                JsonObject    *so,
                gpointer       user_data)
{
  HelAgendaItem *item = user_data;
  HelBoardStroke *s = hel_board_stroke_new (1);
  JsonArray *points;
  guint n;

  g_ptr_array_add (item->strokes, s);
  if (!hel_json_read_int (r, so, "id", 0, G_MAXINT64, &s->id) ||
      !hel_json_read_number (r, json_object_get_member (so, "width"), "width", 0.1, 100,
                             &s->width) ||
      (points = hel_json_read_array (r, so, "points")) == NULL)
    return FALSE;
  n = json_array_get_length (points);
  if (n < 2 || n % 2 != 0)
    return hel_json_reader_fail (r, "points",
                                 _("must be pairs of numbers x, y (at least one point)"));
  for (guint k = 0; k < n; k += 2)
    {
      double x, y;

      if (!hel_json_read_number (r, json_array_get_element (points, k), "points", 0, 1, &x) ||
          !hel_json_read_number (r, json_array_get_element (points, k + 1), "points", 0, 1, &y))
        return FALSE;
      hel_board_stroke_add_point (s, x, y);
    }
  return TRUE;
}

static gboolean
read_scale_cb (HelJsonReader *r,
               JsonObject    *so,
               gpointer       user_data)
{
  HelAgendaItem *item = user_data;
  HelBoardScale s;

  if (!hel_json_read_int (r, so, "participant_id", 1, G_MAXINT64, &s.participant_id) ||
      !hel_json_read_int32 (r, so, "value", 0, 10, &s.value))
    return FALSE;
  g_array_append_val (item->scales, s);
  return TRUE;
}

static HelAgendaItem *
read_item (HelJsonReader *r,
           JsonObject    *o)
{
  g_autoptr(HelAgendaItem) item = hel_agenda_item_new (0);
  AgreementList carried = { item, TRUE }, agreed = { item, FALSE };

  if (!hel_json_read_int (r, o, "id", 0, G_MAXINT64, &item->id) ||
      !hel_json_read_int (r, o, "family_id", 1, G_MAXINT64, &item->family_id) ||
      !hel_json_read_int32 (r, o, "minutes", 1, HEL_BOARD_MAX_MINUTES, &item->minutes) ||
      !hel_json_read_int32 (r, o, "position", G_MININT, G_MAXINT, &item->position))
    return NULL;

  if (!hel_json_read_objects (r, o, "notes", read_note_cb, item) ||
      !hel_json_read_objects (r, o, "strokes", read_stroke_cb, item) ||
      !hel_json_read_objects (r, o, "scales", read_scale_cb, item))
    return NULL;

  /* Carried ones first, as the board shows them: they are followed up first. */
  if (!hel_json_read_objects (r, o, "carried", read_agreement_cb, &carried) ||
      !hel_json_read_objects (r, o, "agreements", read_agreement_cb, &agreed))
    return NULL;
  return g_steal_pointer (&item);
}

static gboolean
read_item_cb (HelJsonReader *r,
              JsonObject    *io,
              gpointer       user_data)
{
  HelMeetingData *d = user_data;
  HelAgendaItem *item = read_item (r, io);

  if (item == NULL)
    return FALSE;
  g_ptr_array_add (d->items, item);
  return TRUE;
}

static gboolean
read_participant_cb (HelJsonReader *r,
                     JsonObject    *po,
                     gpointer       user_data)
{
  HelMeetingData *d = user_data;
  HelParticipant *p = hel_participant_new (0, NULL, NULL, HEL_DISCIPLINE_OTHER);

  g_ptr_array_add (d->participants, p);
  return hel_json_read_int (r, po, "id", 0, G_MAXINT64, &p->id) &&
         hel_json_read_int (r, po, "caseworker_id", 0, G_MAXINT64, &p->caseworker_id) &&
         hel_json_read_string (r, po, "name", HEL_JSON_NOT_EMPTY, &p->name) &&
         hel_json_read_string (r, po, "role", HEL_JSON_OPTIONAL, &p->role) &&
         read_discipline (r, po, &p->discipline) &&
         hel_json_read_bool (r, po, "removed", &p->removed) &&
         hel_json_read_int32 (r, po, "position", G_MININT, G_MAXINT, &p->position);
}

HelMeeting *
hel_meeting_from_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(HelMeeting) meeting = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  g_autofree char *kind = NULL;
  HelJsonReader r = { error, path, G_IO_ERROR, G_IO_ERROR_INVALID_DATA };
  JsonObject *o;
  HelMeetingData *d;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The meeting must be an object."));
      return NULL;
    }
  o = json_node_get_object (node);
  meeting = hel_meeting_new ();
  d = &meeting->data;
  if (!hel_json_read_int (&r, o, "id", 0, G_MAXINT64, &d->id) ||
      !hel_json_read_string (&r, o, "kind", HEL_JSON_NOT_EMPTY, &kind) ||
      !hel_json_read_int (&r, o, "team_id", 0, G_MAXINT64, &d->team_id) ||
      !hel_json_read_string (&r, o, "date", HEL_JSON_NOT_EMPTY | HEL_JSON_DATE, &d->date) ||
      !hel_json_read_string (&r, o, "time", HEL_JSON_OPTIONAL, &d->time) ||
      !hel_json_read_string (&r, o, "created", HEL_JSON_NOT_EMPTY, &d->created))
    return NULL;
  if (!hel_meeting_kind_from_code (kind, &d->kind))
    {
      hel_json_reader_fail (&r, "kind", _("is not a known kind of meeting (team, project-group)"));
      return NULL;
    }
  if (d->time != NULL && !hel_board_time_parse (d->time, NULL))
    {
      hel_json_reader_fail (&r, "time", _("is not a time of day (HH:MM)"));
      return NULL;
    }

  if (!hel_json_read_objects (&r, o, "participants", read_participant_cb, d) ||
      !hel_json_read_objects (&r, o, "agenda", read_item_cb, d))
    return NULL;
  return g_steal_pointer (&meeting);
}
