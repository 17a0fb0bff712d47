/* hel-plan-document.c: the printable family plan (A4, plain Danish) for the family to keep. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hel-danish.h"
#include "hel-plan-document.h"
#include "hel-private-file.h"
#include "hel-store-plan.h"
#include "hel-validate.h"

/* The family reads its plan in Danish, whatever language the app runs in. */
#undef _
#undef C_
#define _(text) hel_danish (text)
#define C_(context, text) hel_danish_context (context, text)

/* 23.11.2026: the date as Danes write it (hel_date_format () follows the app's language). */
static char *
document_date (const char *iso)
{
  GDate d;
  char buf[64];

  if (!hel_date_to_gdate (iso, &d))
    return g_strdup ("");
  /* The same text as hel_date_format () translates, so the catalogue holds its Danish form */
  if (g_date_strftime (buf, sizeof buf, hel_danish ("%Y-%m-%d"), &d) == 0)
    return g_strdup (iso);
  return g_strdup (buf);
}

/* Page geometry, in points. */
#define MARGIN        (2.0 * 72.0 / 2.54)   /* 2 cm */
#define HEADER_HEIGHT 26.0                  /* the running header on pages after the first */
#define FOOTER_HEIGHT 24.0
#define CHECKBOX_SIZE 10.0
#define SCALE_BOX     13.0
#define SCALE_GAP     3.0
#define SUBGOAL_INDENT 14.0

#define FONT_FAMILY   "Cantarell, Sans"

/* One accent colour for headings; a green only for what the family has achieved. */
#define TEXT_RGB      0.12, 0.12, 0.12
#define GREY_RGB      0.37, 0.36, 0.39
#define RULE_RGB      0.75, 0.75, 0.74
#define ACCENT_RGB    0.10, 0.37, 0.71
#define SUCCESS_RGB   0.18, 0.49, 0.20
#define GREY_HEX      "#5e5c64"
#define ACCENT_HEX    "#1a5fb4"
#define SUCCESS_HEX   "#2e7d32"

/* ---- the plain data: only what the family may see ---- */

typedef struct {
  char     *what;
  char     *who;
  char     *due;          /* ISO or NULL */
  gboolean  done;
  char     *done_date;
} DocStep;

typedef struct {
  char          *date;
  char          *text;
} DocNote;

typedef struct {
  char          *wording;
  char          *owners;  /* first names, "Maja and Malthe", or NULL */
  char          *deadline;
  HelGoalStatus  status;
  int            scale;
  char          *next_followup;
  GPtrArray     *steps;   /* DocStep */
  GPtrArray     *notes;   /* DocNote, only those that are not internal */
} DocSubgoal;

typedef struct {
  char      *title;
  GPtrArray *subgoals;    /* DocSubgoal */
} DocGoal;

typedef struct {
  char *who;              /* NULL: the whole family */
  char *text;
} DocWish;

typedef struct {
  gboolean       primary;
  char          *name;
  HelDiscipline  discipline;
  char          *phone;
  char          *email;
} DocCaseworker;

/* ---- the layout: a column of blocks, cut into pages ---- */

typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_GOAL,
  BLOCK_TEXT,
  BLOCK_WISH,
  BLOCK_SUBGOAL,
  BLOCK_META,
  BLOCK_SCALE,
  BLOCK_STEP_HEAD,
  BLOCK_STEP,
  BLOCK_NOTE,
  BLOCK_CASEWORKERS,
} BlockKind;

typedef struct {
  BlockKind  kind;
  char      *text[3];         /* Pango markup */
  double     space_before;
  gboolean   keep_with_next;  /* never end a page with this block */
  gboolean   splittable;      /* may be cut between lines */
  int        value;           /* BLOCK_SCALE: 0-10 or -1; BLOCK_STEP: done; BLOCK_SUBGOAL: status */
  double     height;
  GArray    *breaks;          /* double: where the block may be cut (below each line but the last) */
} Block;

typedef struct {
  guint  block;
  double from;                /* the part of the block shown: from..to, in block coordinates */
  double to;
  double y;                   /* where it starts on the page */
} Slice;

struct _HelPlanDocument
{
  GObject    parent_instance;

  char      *family_name;
  char      *printed;         /* today, formatted */
  GPtrArray *wishes;          /* DocWish */
  GPtrArray *goals;           /* DocGoal */
  GPtrArray *caseworkers;     /* DocCaseworker */

  double     page_width;
  double     page_height;
  GPtrArray *blocks;          /* Block */
  GPtrArray *pages;           /* GArray of Slice */
};

G_DEFINE_FINAL_TYPE (HelPlanDocument, hel_plan_document, G_TYPE_OBJECT)

static void
doc_step_free (DocStep *step)
{
  g_free (step->what);
  g_free (step->who);
  g_free (step->due);
  g_free (step->done_date);
  g_free (step);
}

static void
doc_note_free (DocNote *note)
{
  g_free (note->date);
  g_free (note->text);
  g_free (note);
}

static void
doc_subgoal_free (DocSubgoal *sg)
{
  g_free (sg->wording);
  g_free (sg->owners);
  g_free (sg->deadline);
  g_free (sg->next_followup);
  g_ptr_array_unref (sg->steps);
  g_ptr_array_unref (sg->notes);
  g_free (sg);
}

static void
doc_goal_free (DocGoal *goal)
{
  g_free (goal->title);
  g_ptr_array_unref (goal->subgoals);
  g_free (goal);
}

static void
doc_wish_free (DocWish *wish)
{
  g_free (wish->who);
  g_free (wish->text);
  g_free (wish);
}

static void
doc_caseworker_free (DocCaseworker *cw)
{
  g_free (cw->name);
  g_free (cw->phone);
  g_free (cw->email);
  g_free (cw);
}

static void
block_free (Block *block)
{
  for (guint i = 0; i < G_N_ELEMENTS (block->text); i++)
    g_free (block->text[i]);
  if (block->breaks != NULL)
    g_array_unref (block->breaks);
  g_free (block);
}

static void
hel_plan_document_finalize (GObject *object)
{
  HelPlanDocument *self = HEL_PLAN_DOCUMENT (object);

  g_free (self->family_name);
  g_free (self->printed);
  g_ptr_array_unref (self->wishes);
  g_ptr_array_unref (self->goals);
  g_ptr_array_unref (self->caseworkers);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (hel_plan_document_parent_class)->finalize (object);
}

static void
hel_plan_document_class_init (HelPlanDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hel_plan_document_finalize;
}

static void
hel_plan_document_init (HelPlanDocument *self)
{
  self->wishes = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_wish_free);
  self->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_goal_free);
  self->caseworkers = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_caseworker_free);
}

/* ---- loading ---- */

/* Text from the database as valid UTF-8 without surrounding blanks; NULL when empty. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  g_strstrip (valid);
  if (*valid == '\0')
    return NULL;
  return g_steal_pointer (&valid);
}

static const char *
lookup_name (GHashTable *names,
             gint64      id)
{
  if (id <= 0)
    return NULL;
  return g_hash_table_lookup (names, &id);
}

static void
insert_name (GHashTable *names,
             gint64      id,
             const char *name)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_replace (names, key, clean_text (name));
}

/* "Maja", "Maja and Malthe", "Maja, Malthe and Sofie" */
static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) head = g_string_new (NULL);

  if (names->len == 0)
    return NULL;
  if (names->len == 1)
    return g_strdup (g_ptr_array_index (names, 0));
  for (guint i = 0; i + 1 < names->len; i++)
    {
      if (i > 0)
        g_string_append (head, ", ");
      g_string_append (head, g_ptr_array_index (names, i));
    }
  /* Translators: the last two names of a list, "Maja, Malthe and Sofie" */
  return g_strdup_printf (_("%s and %s"), head->str,
                          (const char *) g_ptr_array_index (names, names->len - 1));
}

static gboolean
add_caseworker (HelPlanDocument *self,
                HelStore        *store,
                gint64           id,
                gboolean         primary,
                GHashTable      *caseworker_names,
                GError         **error)
{
  g_autoptr(HelCaseworker) cw = NULL;
  g_autoptr(GError) local_error = NULL;
  DocCaseworker *doc_cw;

  if (id <= 0)
    return TRUE;
  cw = hel_store_get_caseworker (store, id, &local_error);
  if (cw == NULL)
    {
      /* A caseworker who has since been removed is simply not printed. */
      if (g_error_matches (local_error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  doc_cw = g_new0 (DocCaseworker, 1);
  doc_cw->primary = primary;
  doc_cw->name = clean_text (hel_caseworker_get_name (cw));
  doc_cw->discipline = hel_caseworker_get_discipline (cw);
  doc_cw->phone = clean_text (hel_caseworker_get_phone (cw));
  doc_cw->email = clean_text (hel_caseworker_get_email (cw));
  g_ptr_array_add (self->caseworkers, doc_cw);
  insert_name (caseworker_names, id, hel_caseworker_get_name (cw));
  return TRUE;
}

static char *
step_owner (HelStep    *step,
            GHashTable *member_names,
            GHashTable *caseworker_names)
{
  switch (step->owner_kind)
    {
    case HEL_OWNER_MEMBER:
      return g_strdup (lookup_name (member_names, step->owner_member_id));
    case HEL_OWNER_CASEWORKER:
      return g_strdup (lookup_name (caseworker_names, step->owner_caseworker_id));
    case HEL_OWNER_EXTERNAL:
      return clean_text (step->owner_name);
    case HEL_OWNER_NONE:
    case HEL_N_OWNER_KINDS:
    default:
      return NULL;
    }
}

static DocSubgoal *
copy_subgoal (HelSubgoal *sg,
              GHashTable *member_names,
              GHashTable *caseworker_names)
{
  DocSubgoal *doc_sg = g_new0 (DocSubgoal, 1);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();

  doc_sg->wording = clean_text (sg->wording);
  doc_sg->deadline = g_strdup (sg->deadline);
  doc_sg->status = sg->status;
  doc_sg->scale = (sg->scale >= 0 && sg->scale <= 10) ? sg->scale : -1;
  doc_sg->next_followup = g_strdup (sg->next_followup);
  doc_sg->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_step_free);
  doc_sg->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_note_free);

  for (guint i = 0; sg->owners != NULL && i < sg->owners->len; i++)
    {
      const char *name = lookup_name (member_names, g_array_index (sg->owners, gint64, i));
      if (name != NULL)
        g_ptr_array_add (owners, (gpointer) name);
    }
  doc_sg->owners = join_names (owners);

  for (guint i = 0; i < sg->steps->len; i++)
    {
      HelStep *step = g_ptr_array_index (sg->steps, i);
      DocStep *doc_step = g_new0 (DocStep, 1);

      doc_step->what = clean_text (step->what);
      doc_step->who = step_owner (step, member_names, caseworker_names);
      doc_step->due = g_strdup (step->due);
      doc_step->done = step->done;
      doc_step->done_date = g_strdup (step->done_date);
      g_ptr_array_add (doc_sg->steps, doc_step);
    }

  /* Internal notes never leave the team: they are not even copied. */
  for (guint i = 0; i < sg->followups->len; i++)
    {
      HelFollowup *followup = g_ptr_array_index (sg->followups, i);
      DocNote *note;

      if (followup->internal || followup->text == NULL)
        continue;
      note = g_new0 (DocNote, 1);
      note->date = g_strdup (followup->date);
      note->text = clean_text (followup->text);
      if (note->text == NULL)
        {
          doc_note_free (note);
          continue;
        }
      g_ptr_array_add (doc_sg->notes, note);
    }
  return doc_sg;
}

HelPlanDocument *
hel_plan_document_new (HelStore  *store,
                       gint64     family_id,
                       GError   **error)
{
  g_autoptr(HelPlanDocument) self = NULL;
  g_autoptr(HelFamily) family = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(HelPlan) plan = NULL;
  g_autoptr(GHashTable) member_names = NULL;
  g_autoptr(GHashTable) caseworker_names = NULL;
  g_autofree char *today = NULL;
  HelPlanData *data;

  g_return_val_if_fail (HEL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  family = hel_store_get_family (store, family_id, error);
  if (family == NULL)
    return NULL;
  members = hel_store_list_members (store, family_id, error);
  if (members == NULL)
    return NULL;
  plan = hel_store_load_plan (store, family_id, error);
  if (plan == NULL)
    return NULL;

  self = g_object_new (HEL_TYPE_PLAN_DOCUMENT, NULL);
  self->family_name = clean_text (hel_family_get_name (family));
  if (self->family_name == NULL)
    self->family_name = g_strdup ("");
  today = hel_date_today ();
  self->printed = document_date (today);

  /* First names only: no last names, birth dates or CPR numbers on the family's paper. */
  member_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < members->len; i++)
    {
      HelMember *member = g_ptr_array_index (members, i);
      insert_name (member_names, hel_member_get_id (member), hel_member_get_first_name (member));
    }

  caseworker_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!add_caseworker (self, store, hel_family_get_primary_caseworker_id (family), TRUE,
                       caseworker_names, error))
    return NULL;
  if (hel_family_get_secondary_caseworker_id (family) != hel_family_get_primary_caseworker_id (family)
      && !add_caseworker (self, store, hel_family_get_secondary_caseworker_id (family), FALSE,
                          caseworker_names, error))
    return NULL;

  data = hel_plan_data (plan);

  /* Steps may belong to other caseworkers than the family's two. */
  for (guint g = 0; g < data->goals->len; g++)
    {
      HelGoal *goal = g_ptr_array_index (data->goals, g);
      for (guint s = 0; s < goal->subgoals->len; s++)
        {
          HelSubgoal *sg = g_ptr_array_index (goal->subgoals, s);
          for (guint t = 0; t < sg->steps->len; t++)
            {
              HelStep *step = g_ptr_array_index (sg->steps, t);
              g_autoptr(HelCaseworker) cw = NULL;

              if (step->owner_kind != HEL_OWNER_CASEWORKER || step->owner_caseworker_id <= 0
                  || lookup_name (caseworker_names, step->owner_caseworker_id) != NULL)
                continue;
              cw = hel_store_get_caseworker (store, step->owner_caseworker_id, NULL);
              if (cw != NULL)
                insert_name (caseworker_names, step->owner_caseworker_id,
                             hel_caseworker_get_name (cw));
            }
        }
    }

  /* Wishes: the family's own first, then each member's in the household order. */
  {
    char *text = clean_text (data->wishes);
    if (text != NULL)
      {
        DocWish *wish = g_new0 (DocWish, 1);
        wish->text = text;
        g_ptr_array_add (self->wishes, wish);
      }
  }
  for (guint i = 0; data->member_wishes != NULL && i < members->len; i++)
    {
      HelMember *member = g_ptr_array_index (members, i);
      gint64 id = hel_member_get_id (member);
      char *text = clean_text (g_hash_table_lookup (data->member_wishes, &id));
      DocWish *wish;

      if (text == NULL)
        continue;
      wish = g_new0 (DocWish, 1);
      wish->who = g_strdup (lookup_name (member_names, id));
      if (wish->who == NULL)
        wish->who = g_strdup ("");  /* a member without a name: no label, not "all of us" */
      wish->text = text;
      g_ptr_array_add (self->wishes, wish);
    }

  for (guint g = 0; g < data->goals->len; g++)
    {
      HelGoal *goal = g_ptr_array_index (data->goals, g);
      DocGoal *doc_goal = g_new0 (DocGoal, 1);

      doc_goal->title = clean_text (goal->title);
      doc_goal->subgoals = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_subgoal_free);
      for (guint s = 0; s < goal->subgoals->len; s++)
        {
          HelSubgoal *sg = g_ptr_array_index (goal->subgoals, s);
          if (sg->status == HEL_GOAL_DROPPED)
            continue;
          g_ptr_array_add (doc_goal->subgoals, copy_subgoal (sg, member_names, caseworker_names));
        }
      g_ptr_array_add (self->goals, doc_goal);
    }

  return g_steal_pointer (&self);
}

const char *
hel_plan_document_get_family_name (HelPlanDocument *doc)
{
  g_return_val_if_fail (HEL_IS_PLAN_DOCUMENT (doc), NULL);
  return doc->family_name;
}

/* ---- building the blocks ---- */

static Block *
add_block (GPtrArray  *blocks,
           BlockKind   kind,
           double      space_before,
           gboolean    keep_with_next,
           const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = space_before;
  block->keep_with_next = keep_with_next;
  block->text[0] = g_strdup (text);
  g_ptr_array_add (blocks, block);
  return block;
}

static char *
format_date (const char *iso)
{
  char *text;

  if (iso == NULL || *iso == '\0')
    return NULL;
  text = document_date (iso);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static const char *
status_words (HelGoalStatus status)
{
  switch (status)
    {
    case HEL_GOAL_NOT_STARTED:
      return _("Not started yet");
    case HEL_GOAL_IN_PROGRESS:
      return _("We are working on it");
    case HEL_GOAL_ACHIEVED:
      return _("Achieved ✓ Well done!");
    case HEL_GOAL_PAUSED:
      return _("On pause for now");
    case HEL_GOAL_DROPPED:
    case HEL_N_GOAL_STATUSES:
    default:
      return "";
    }
}

static void
append_meta (GString    *meta,
             const char *label,
             const char *value)
{
  g_autofree char *piece = NULL;

  if (meta->len > 0)
    g_string_append (meta, "    ");
  piece = g_markup_printf_escaped ("<span foreground=\"" GREY_HEX "\">%s</span> %s", label, value);
  g_string_append (meta, piece);
}

static void
build_subgoal (GPtrArray  *blocks,
               DocSubgoal *sg,
               double      space_before)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *wording = NULL;
  g_autofree char *deadline = format_date (sg->deadline);
  g_autofree char *next = format_date (sg->next_followup);
  gboolean achieved = sg->status == HEL_GOAL_ACHIEVED;
  gboolean has_steps = sg->steps->len > 0;
  Block *block;

  wording = g_markup_escape_text (sg->wording != NULL ? sg->wording : "", -1);
  block = add_block (blocks, BLOCK_SUBGOAL, space_before, TRUE, wording);
  block->value = sg->status;

  if (sg->owners != NULL)
    append_meta (meta, _("Goal for:"), sg->owners);
  if (deadline != NULL)
    append_meta (meta, C_("plan-pdf", "By:"), deadline);
  if (achieved)
    {
      g_autofree char *piece = NULL;
      if (meta->len > 0)
        g_string_append (meta, "    ");
      piece = g_markup_printf_escaped ("<span foreground=\"" SUCCESS_HEX "\" weight=\"bold\">%s</span>",
                                       status_words (sg->status));
      g_string_append (meta, piece);
    }
  else
    {
      append_meta (meta, C_("plan-pdf", "Status:"), status_words (sg->status));
      if (next != NULL)
        append_meta (meta, _("Next follow-up:"), next);
    }
  add_block (blocks, BLOCK_META, 2, TRUE, meta->str);

  block = add_block (blocks, BLOCK_SCALE, 4, has_steps || sg->notes->len > 0, NULL);
  block->value = sg->scale;
  block->text[0] = g_markup_escape_text (_("How far we have come:"), -1);
  block->text[1] = g_markup_escape_text (sg->scale >= 0 ? _("(10 = the goal is reached)")
                                                        : C_("plan-pdf", "Not set yet"), -1);

  if (has_steps)
    {
      block = add_block (blocks, BLOCK_STEP_HEAD, 8, TRUE, NULL);
      block->text[0] = g_markup_escape_text (_("What we will do"), -1);
      block->text[1] = g_markup_escape_text (_("Who helps"), -1);
      block->text[2] = g_markup_escape_text (C_("plan-pdf", "By"), -1);
    }
  for (guint i = 0; i < sg->steps->len; i++)
    {
      DocStep *step = g_ptr_array_index (sg->steps, i);
      g_autofree char *due = format_date (step->due);
      g_autofree char *done = format_date (step->done_date);

      block = add_block (blocks, BLOCK_STEP, 0, FALSE, NULL);
      block->value = step->done;
      block->text[0] = g_markup_escape_text (step->what != NULL ? step->what : "", -1);
      block->text[1] = g_markup_escape_text (step->who != NULL ? step->who : "", -1);
      if (step->done && done != NULL)
        {
          /* Translators: a step that was done, with the date it was done */
          g_autofree char *text = g_strdup_printf (C_("plan-pdf", "Done %s"), done);
          block->text[2] = g_markup_printf_escaped ("<span foreground=\"" SUCCESS_HEX "\">%s</span>",
                                                    text);
        }
      else if (step->done)
        block->text[2] = g_markup_printf_escaped ("<span foreground=\"" SUCCESS_HEX "\">%s</span>",
                                                  C_("plan-pdf", "Done"));
      else
        block->text[2] = g_markup_escape_text (due != NULL ? due : "", -1);
    }

  for (guint i = 0; i < sg->notes->len; i++)
    {
      DocNote *note = g_ptr_array_index (sg->notes, i);
      g_autofree char *date = format_date (note->date);
      g_autofree char *label = date != NULL
        /* Translators: before a follow-up note that the family may read, with its date */
        ? g_strdup_printf (C_("plan-pdf", "Follow-up %s:"), date)
        : g_strdup (C_("plan-pdf", "Follow-up:"));
      g_autofree char *text = g_markup_printf_escaped ("<b>%s</b> %s", label, note->text);

      block = add_block (blocks, BLOCK_NOTE, i == 0 ? 8 : 3, FALSE, text);
      block->splittable = TRUE;
    }
}

static char *
caseworker_markup (DocCaseworker *cw)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *role = g_markup_printf_escaped (
    "<span foreground=\"" GREY_HEX "\" size=\"small\">%s</span>\n",
    cw->primary ? _("Primary caseworker") : _("Secondary caseworker"));
  g_autofree char *name = g_markup_printf_escaped ("<span size=\"large\" weight=\"bold\">%s</span>\n%s",
                                                   cw->name != NULL ? cw->name : "",
                                                   hel_danish (hel_discipline_label (cw->discipline)));

  g_string_append (text, role);
  g_string_append (text, name);
  if (cw->phone != NULL)
    {
      g_autofree char *line = g_markup_printf_escaped ("\n<span foreground=\"" GREY_HEX "\">%s</span> <b>%s</b>",
                                                       _("Phone"), cw->phone);
      g_string_append (text, line);
    }
  if (cw->email != NULL)
    {
      g_autofree char *line = g_markup_printf_escaped ("\n<span foreground=\"" GREY_HEX "\">%s</span> %s",
                                                       _("Email"), cw->email);
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GPtrArray *
build_blocks (HelPlanDocument *self)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  Block *block;

  block = add_block (blocks, BLOCK_TITLE, 0, FALSE, NULL);
  block->text[0] = g_markup_escape_text (_("Our family plan"), -1);
  block->text[1] = g_markup_escape_text (self->family_name, -1);
  {
    g_autofree char *printed = g_strdup_printf (_("Printed %s"), self->printed);
    block->text[2] = g_markup_escape_text (printed, -1);
  }
  block = add_block (blocks, BLOCK_TEXT, 10, FALSE, NULL);
  block->text[0] = g_markup_escape_text (_("This is our plan: what we wish for, our goals and what "
                                           "we have agreed to do. Tick the boxes when something "
                                           "is done."), -1);
  block->splittable = TRUE;

  if (self->wishes->len > 0)
    {
      add_block (blocks, BLOCK_HEADING, 22, TRUE, NULL)->text[0] =
        g_markup_escape_text (_("What we wish for"), -1);
      for (guint i = 0; i < self->wishes->len; i++)
        {
          DocWish *wish = g_ptr_array_index (self->wishes, i);
          block = add_block (blocks, BLOCK_WISH, i == 0 ? 4 : 10, FALSE, NULL);
          if (wish->who != NULL && *wish->who == '\0')
            block->text[0] = g_markup_escape_text (wish->text, -1);
          else
            block->text[0] = g_markup_printf_escaped ("<b>%s</b>\n%s",
                                                      wish->who != NULL ? wish->who
                                                                        : _("All of us"),
                                                      wish->text);
          block->splittable = TRUE;
        }
    }

  add_block (blocks, BLOCK_HEADING, 22, TRUE, NULL)->text[0] =
    g_markup_escape_text (_("Our goals"), -1);
  if (self->goals->len == 0)
    {
      block = add_block (blocks, BLOCK_TEXT, 4, FALSE, NULL);
      block->text[0] = g_markup_escape_text (_("We have not written down any goals yet."), -1);
    }
  for (guint g = 0; g < self->goals->len; g++)
    {
      DocGoal *goal = g_ptr_array_index (self->goals, g);

      block = add_block (blocks, BLOCK_GOAL, g == 0 ? 6 : 18, TRUE, NULL);
      block->text[0] = g_markup_escape_text (goal->title != NULL ? goal->title : "", -1);
      if (goal->subgoals->len == 0)
        {
          block = add_block (blocks, BLOCK_TEXT, 4, FALSE, NULL);
          block->text[0] = g_markup_printf_escaped ("<span foreground=\"" GREY_HEX "\">%s</span>",
                                                    _("No small goals yet."));
        }
      for (guint s = 0; s < goal->subgoals->len; s++)
        build_subgoal (blocks, g_ptr_array_index (goal->subgoals, s), s == 0 ? 6 : 14);
    }

  if (self->caseworkers->len > 0)
    {
      add_block (blocks, BLOCK_HEADING, 24, TRUE, NULL)->text[0] =
        g_markup_escape_text (_("Your caseworkers"), -1);
      /* Two cards side by side per row. */
      for (guint i = 0; i < self->caseworkers->len; i += 2)
        {
          block = add_block (blocks, BLOCK_CASEWORKERS, i == 0 ? 6 : 10, FALSE, NULL);
          block->text[0] = caseworker_markup (g_ptr_array_index (self->caseworkers, i));
          if (i + 1 < self->caseworkers->len)
            block->text[1] = caseworker_markup (g_ptr_array_index (self->caseworkers, i + 1));
        }
      block = add_block (blocks, BLOCK_TEXT, 10, FALSE, NULL);
      block->text[0] = g_markup_escape_text (_("Call us if something is difficult or if you have "
                                               "questions about the plan."), -1);
    }

  return blocks;
}

/* ---- measuring and drawing ---- */

static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics, so that the layout is the same on paper, in the PDF and on screen. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);  /* user units are points */
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("da"));
  return context;
}

static PangoLayout *
make_layout (PangoContext *context,
             const char   *font,
             const char   *markup,
             double        width,
             double        line_spacing)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) line_spacing);
  pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static double
content_width (HelPlanDocument *self)
{
  return self->page_width - 2 * MARGIN;
}

/* Step table columns, relative to the content's left edge: checkbox, what, who, by. */
static void
step_columns (HelPlanDocument *self,
              double           x[4],
              double           w[3])
{
  double left = SUBGOAL_INDENT;
  double avail = content_width (self) - left - CHECKBOX_SIZE - 8;

  x[0] = left;
  x[1] = left + CHECKBOX_SIZE + 8;
  w[0] = avail * 0.47;
  w[1] = avail * 0.27;
  w[2] = avail - w[0] - w[1] - 2 * 10;
  x[2] = x[1] + w[0] + 10;
  x[3] = x[2] + w[1] + 10;
}

/* The block's Pango layouts, their positions (relative to the block's top left corner at the
 * content's left edge) and the block's height. Measuring and drawing both go through here. */
typedef struct {
  PangoLayout *layout[3];
  double       x[3];
  double       y[3];
  double       height;
  double       card_width;
} Shaped;

static void
shaped_clear (Shaped *shaped)
{
  for (guint i = 0; i < G_N_ELEMENTS (shaped->layout); i++)
    g_clear_object (&shaped->layout[i]);
}

static void
shape_block (HelPlanDocument *self,
             PangoContext    *context,
             Block           *block,
             Shaped          *out)
{
  double width = content_width (self);

  memset (out, 0, sizeof *out);
  switch (block->kind)
    {
    case BLOCK_TITLE:
      out->layout[0] = make_layout (context, FONT_FAMILY " Bold 24", block->text[0], width, 0);
      out->layout[1] = make_layout (context, FONT_FAMILY " 16", block->text[1], width, 0);
      out->layout[2] = make_layout (context, FONT_FAMILY " 10", block->text[2], width, 0);
      out->y[1] = layout_height (out->layout[0]) + 2;
      out->y[2] = out->y[1] + layout_height (out->layout[1]) + 4;
      out->height = out->y[2] + layout_height (out->layout[2]) + 10;  /* and a rule */
      break;

    case BLOCK_HEADING:
      out->layout[0] = make_layout (context, FONT_FAMILY " Bold 15", block->text[0], width, 0);
      out->height = layout_height (out->layout[0]) + 6;               /* and a rule */
      break;

    case BLOCK_GOAL:
      out->x[0] = 10;
      out->layout[0] = make_layout (context, FONT_FAMILY " Bold 13", block->text[0], width - 10, 0);
      out->height = layout_height (out->layout[0]);
      break;

    case BLOCK_TEXT:
      out->layout[0] = make_layout (context, FONT_FAMILY " 11", block->text[0], width, 1.2);
      out->height = layout_height (out->layout[0]);
      break;

    case BLOCK_WISH:
      out->x[0] = 10;
      out->layout[0] = make_layout (context, FONT_FAMILY " 11", block->text[0], width - 10, 1.2);
      out->height = layout_height (out->layout[0]);
      break;

    case BLOCK_SUBGOAL:
      out->x[0] = SUBGOAL_INDENT;
      out->layout[0] = make_layout (context, FONT_FAMILY " Bold 11.5", block->text[0],
                                    width - SUBGOAL_INDENT, 1.15);
      out->height = layout_height (out->layout[0]);
      break;

    case BLOCK_META:
      out->x[0] = SUBGOAL_INDENT;
      out->layout[0] = make_layout (context, FONT_FAMILY " 10", block->text[0],
                                    width - SUBGOAL_INDENT, 1.15);
      out->height = layout_height (out->layout[0]);
      break;

    case BLOCK_SCALE:
      {
        double boxes = 11 * SCALE_BOX + 10 * SCALE_GAP;
        double label_w;

        out->x[0] = SUBGOAL_INDENT;
        out->layout[0] = make_layout (context, FONT_FAMILY " 10", block->text[0],
                                      width - SUBGOAL_INDENT, 0);
        label_w = layout_width (out->layout[0]);
        out->layout[1] = make_layout (context, FONT_FAMILY " Italic 9", block->text[1], 0, 0);
        /* The boxes (or "not set yet") go after the label, or under it if the page is narrow. */
        out->x[2] = SUBGOAL_INDENT + label_w + 8;
        out->y[2] = 0;
        if (block->value >= 0 && out->x[2] + boxes > width)
          {
            out->x[2] = SUBGOAL_INDENT;
            out->y[2] = layout_height (out->layout[0]) + 3;
          }
        out->x[1] = block->value >= 0 ? out->x[2] + boxes + 8 : out->x[2];
        if (out->x[1] + layout_width (out->layout[1]) > width)
          g_clear_object (&out->layout[1]);  /* the hint is left out where it does not fit */
        out->height = MAX (layout_height (out->layout[0]),
                           out->y[2] + (block->value >= 0 ? SCALE_BOX : 0));
        if (out->layout[1] != NULL)
          {
            out->y[1] = out->y[2] + (block->value >= 0 ? (SCALE_BOX - layout_height (out->layout[1])) / 2 : 0);
            out->height = MAX (out->height, out->y[1] + layout_height (out->layout[1]));
          }
      }
      break;

    case BLOCK_STEP_HEAD:
    case BLOCK_STEP:
      {
        double x[4], w[3];
        const char *font = block->kind == BLOCK_STEP ? FONT_FAMILY " 11" : FONT_FAMILY " Bold 8.5";
        double pad = block->kind == BLOCK_STEP ? 4 : 0;

        step_columns (self, x, w);
        out->height = 0;
        for (guint i = 0; i < 3; i++)
          {
            out->layout[i] = make_layout (context, font, block->text[i], w[i], 1.1);
            out->x[i] = x[i + 1];
            out->y[i] = pad;
            out->height = MAX (out->height, layout_height (out->layout[i]));
          }
        out->height += 2 * pad + (block->kind == BLOCK_STEP_HEAD ? 3 : 0);
      }
      break;

    case BLOCK_NOTE:
      out->x[0] = SUBGOAL_INDENT;
      out->layout[0] = make_layout (context, FONT_FAMILY " 10", block->text[0],
                                    width - SUBGOAL_INDENT, 1.15);
      out->height = layout_height (out->layout[0]);
      break;

    case BLOCK_CASEWORKERS:
      {
        double pad = 10;

        out->card_width = (width - 14) / 2;
        out->height = 0;
        for (guint i = 0; i < 2; i++)
          {
            if (block->text[i] == NULL)
              continue;
            out->layout[i] = make_layout (context, FONT_FAMILY " 11", block->text[i],
                                          out->card_width - 2 * pad, 1.15);
            out->x[i] = i * (out->card_width + 14) + pad;
            out->y[i] = pad;
            out->height = MAX (out->height, layout_height (out->layout[i]) + 2 * pad);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Where a one-layout block may be cut: below each of its lines but the last. */
static GArray *
block_breaks (Shaped *shaped)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter;

  if (shaped->layout[0] == NULL || shaped->layout[1] != NULL)
    return breaks;
  iter = pango_layout_get_iter (shaped->layout[0]);
  do
    {
      int y0, y1;
      double cut;

      if (pango_layout_iter_at_last_line (iter))
        break;
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      cut = shaped->y[0] + (double) y1 / PANGO_SCALE;
      g_array_append_val (breaks, cut);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return breaks;
}

static void
draw_checkbox (cairo_t *cr,
               double   x,
               double   y,
               gboolean done)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, x + 0.5, y + 0.5, CHECKBOX_SIZE - 1, CHECKBOX_SIZE - 1);
  cairo_set_source_rgb (cr, TEXT_RGB);
  cairo_stroke (cr);
  if (done)
    {
      cairo_set_source_rgb (cr, SUCCESS_RGB);
      cairo_set_line_width (cr, 1.8);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, x + 2.2, y + CHECKBOX_SIZE * 0.52);
      cairo_line_to (cr, x + CHECKBOX_SIZE * 0.42, y + CHECKBOX_SIZE - 2.4);
      cairo_line_to (cr, x + CHECKBOX_SIZE - 1.8, y + 2.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_scale (PangoContext *context,
            cairo_t      *cr,
            double        x,
            double        y,
            int           value)
{
  for (int i = 0; i <= 10; i++)
    {
      double bx = x + i * (SCALE_BOX + SCALE_GAP);
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autoptr(PangoLayout) layout = make_layout (context, FONT_FAMILY " 7.5", number, 0, 0);
      int w, h;

      cairo_rectangle (cr, bx + 0.4, y + 0.4, SCALE_BOX - 0.8, SCALE_BOX - 0.8);
      if (i == value)
        {
          cairo_set_source_rgb (cr, ACCENT_RGB);
          cairo_fill_preserve (cr);
        }
      cairo_set_line_width (cr, 0.8);
      if (i == value)
        cairo_set_source_rgb (cr, ACCENT_RGB);
      else
        cairo_set_source_rgb (cr, GREY_RGB);
      cairo_stroke (cr);

      pango_layout_get_size (layout, &w, &h);
      if (i == value)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        cairo_set_source_rgb (cr, GREY_RGB);
      cairo_move_to (cr, bx + (SCALE_BOX - (double) w / PANGO_SCALE) / 2,
                     y + (SCALE_BOX - (double) h / PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

/* Shows a layout; where a clip hides part of it (a block cut between pages), only the lines
 * inside the clip, so that the PDF holds no hidden copies of text shown on other pages. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  PangoLayoutIter *iter;
  double clip_x1, clip_y1, clip_x2, clip_y2;

  if (layout == NULL)
    return;
  cairo_clip_extents (cr, &clip_x1, &clip_y1, &clip_x2, &clip_y2);
  if (y >= clip_y1 && y + layout_height (layout) <= clip_y2)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int y0, y1;
      double mid;

      /* Blocks are cut between lines; the clip's extents may be rounded out to whole units. */
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      mid = y + (double) (y0 + y1) / 2 / PANGO_SCALE;
      if (mid < clip_y1 || mid > clip_y2)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Draws a block with its top left corner at (left, top). */
static void
draw_block (HelPlanDocument *self,
            PangoContext    *context,
            cairo_t         *cr,
            Block           *block,
            double           left,
            double           top)
{
  Shaped shaped;
  double width = content_width (self);

  shape_block (self, context, block, &shaped);
  cairo_save (cr);
  cairo_set_source_rgb (cr, TEXT_RGB);

  switch (block->kind)
    {
    case BLOCK_TITLE:
      cairo_set_source_rgb (cr, ACCENT_RGB);
      show_layout (cr, shaped.layout[0], left, top);
      cairo_set_source_rgb (cr, TEXT_RGB);
      show_layout (cr, shaped.layout[1], left, top + shaped.y[1]);
      cairo_set_source_rgb (cr, GREY_RGB);
      show_layout (cr, shaped.layout[2], left, top + shaped.y[2]);
      cairo_set_source_rgb (cr, ACCENT_RGB);
      cairo_rectangle (cr, left, top + shaped.height - 2, width, 2);
      cairo_fill (cr);
      break;

    case BLOCK_HEADING:
      cairo_set_source_rgb (cr, ACCENT_RGB);
      show_layout (cr, shaped.layout[0], left, top);
      cairo_rectangle (cr, left, top + shaped.height - 1.5, width, 0.75);
      cairo_fill (cr);
      break;

    case BLOCK_GOAL:
      cairo_set_source_rgb (cr, ACCENT_RGB);
      cairo_rectangle (cr, left, top + 1, 4, shaped.height - 2);
      cairo_fill (cr);
      show_layout (cr, shaped.layout[0], left + shaped.x[0], top);
      break;

    case BLOCK_SUBGOAL:
      {
        double mid = top + 8;

        cairo_new_path (cr);  /* no line from where the last text ended */
        if (block->value == HEL_GOAL_ACHIEVED)
          {
            /* A green disc with a tick: a success the family can see at a glance. */
            cairo_set_source_rgb (cr, SUCCESS_RGB);
            cairo_arc (cr, left + 5, mid, 4.5, 0, 2 * G_PI);
            cairo_fill (cr);
            cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_set_line_width (cr, 1.3);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_move_to (cr, left + 2.8, mid + 0.2);
            cairo_line_to (cr, left + 4.4, mid + 1.8);
            cairo_line_to (cr, left + 7.3, mid - 1.8);
            cairo_stroke (cr);
          }
        else
          {
            cairo_set_source_rgb (cr, ACCENT_RGB);
            cairo_arc (cr, left + 5, mid, 2.5, 0, 2 * G_PI);
            cairo_fill (cr);
          }
        cairo_set_source_rgb (cr, TEXT_RGB);
        show_layout (cr, shaped.layout[0], left + shaped.x[0], top);
      }
      break;

    case BLOCK_TEXT:
    case BLOCK_WISH:
    case BLOCK_META:
    case BLOCK_NOTE:
      show_layout (cr, shaped.layout[0], left + shaped.x[0], top);
      break;

    case BLOCK_SCALE:
      cairo_set_source_rgb (cr, GREY_RGB);
      show_layout (cr, shaped.layout[0], left + shaped.x[0], top);
      if (block->value >= 0)
        draw_scale (context, cr, left + shaped.x[2], top + shaped.y[2], block->value);
      cairo_set_source_rgb (cr, GREY_RGB);
      show_layout (cr, shaped.layout[1], left + shaped.x[1], top + shaped.y[1]);
      break;

    case BLOCK_STEP_HEAD:
      cairo_set_source_rgb (cr, GREY_RGB);
      for (guint i = 0; i < 3; i++)
        show_layout (cr, shaped.layout[i], left + shaped.x[i], top + shaped.y[i]);
      cairo_set_source_rgb (cr, RULE_RGB);
      cairo_rectangle (cr, left + SUBGOAL_INDENT, top + shaped.height - 0.75,
                       width - SUBGOAL_INDENT, 0.75);
      cairo_fill (cr);
      break;

    case BLOCK_STEP:
      {
        double x[4], w[3];
        int baseline = pango_layout_get_baseline (shaped.layout[0]);

        step_columns (self, x, w);
        /* The box sits on the first line of the text, as on a paper checklist. */
        draw_checkbox (cr, left + x[0],
                       top + shaped.y[0] + (double) baseline / PANGO_SCALE - CHECKBOX_SIZE + 1,
                       block->value);
        if (block->value)
          cairo_set_source_rgb (cr, GREY_RGB);
        else
          cairo_set_source_rgb (cr, TEXT_RGB);
        show_layout (cr, shaped.layout[0], left + shaped.x[0], top + shaped.y[0]);
        cairo_set_source_rgb (cr, TEXT_RGB);
        for (guint i = 1; i < 3; i++)
          show_layout (cr, shaped.layout[i], left + shaped.x[i], top + shaped.y[i]);
        cairo_set_source_rgb (cr, RULE_RGB);
        cairo_rectangle (cr, left + SUBGOAL_INDENT, top + shaped.height - 0.5,
                         width - SUBGOAL_INDENT, 0.5);
        cairo_fill (cr);
      }
      break;

    case BLOCK_CASEWORKERS:
      for (guint i = 0; i < 2; i++)
        {
          if (shaped.layout[i] == NULL)
            continue;
          cairo_set_source_rgb (cr, RULE_RGB);
          cairo_set_line_width (cr, 0.8);
          cairo_rectangle (cr, left + i * (shaped.card_width + 14) + 0.4, top + 0.4,
                           shaped.card_width - 0.8, shaped.height - 0.8);
          cairo_stroke (cr);
          cairo_set_source_rgb (cr, TEXT_RGB);
          show_layout (cr, shaped.layout[i], left + shaped.x[i], top + shaped.y[i]);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_restore (cr);
  shaped_clear (&shaped);
}

/* ---- pagination ---- */

static double
body_top (guint page)
{
  return MARGIN + (page > 0 ? HEADER_HEIGHT : 0);
}

static double
body_bottom (HelPlanDocument *self)
{
  return self->page_height - MARGIN - FOOTER_HEIGHT;
}

/* The height a group of blocks kept together needs: from @i through the first block that
 * does not keep with the next (of which two lines are enough, when it may be split). */
static double
keep_group_height (HelPlanDocument *self,
                   guint            i,
                   double           space_before)
{
  double height = space_before;

  for (guint j = i; j < self->blocks->len; j++)
    {
      Block *block = g_ptr_array_index (self->blocks, j);
      gboolean last = !block->keep_with_next || j + 1 == self->blocks->len;

      if (j > i)
        height += block->space_before;
      if (last && block->splittable && block->breaks->len >= 3)
        height += g_array_index (block->breaks, double, 1);
      else
        height += block->height;
      if (last)
        break;
    }
  return height;
}

/* The lowest cut in (from, limit]; strict: leave at least two lines on either side. */
static double
find_break (Block   *block,
            double   from,
            double   limit,
            gboolean strict)
{
  double best = -1;
  guint n_lines = block->breaks->len + 1;

  for (guint k = 0; k < block->breaks->len; k++)
    {
      double cut = g_array_index (block->breaks, double, k);

      if (cut <= from + 0.01 || cut > limit)
        continue;
      if (strict && (k < 1 || k + 3 > n_lines))
        continue;
      best = cut;
    }
  return best;
}

static void
add_slice (GArray *page,
           guint   block,
           double  from,
           double  to,
           double  y)
{
  Slice slice = { block, from, to, y };
  g_array_append_val (page, slice);
}

static GArray *
new_page (GPtrArray *pages)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Slice));
  g_ptr_array_add (pages, page);
  return page;
}

static void
cut_pages (HelPlanDocument *self)
{
  GArray *page;
  double bottom = body_bottom (self);
  double y;
  double offset = 0;
  gboolean empty = TRUE;
  guint i = 0;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  page = new_page (self->pages);
  y = body_top (0);

#define NEXT_PAGE() G_STMT_START {                      \
    page = new_page (self->pages);                      \
    y = body_top (self->pages->len - 1);                \
    empty = TRUE;                                       \
  } G_STMT_END

  while (i < self->blocks->len)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double space = (empty || offset > 0) ? 0 : block->space_before;
      double rest = block->height - offset;
      double avail = bottom - y;
      double next_body = bottom - body_top (self->pages->len);
      double cut;

      /* A heading and what follows it move to the next page together. */
      if (offset == 0 && !empty)
        {
          double need = keep_group_height (self, i, space);
          if (need > avail && need - space <= next_body)
            {
              NEXT_PAGE ();
              continue;
            }
        }

      if (space + rest <= avail + 0.01)
        {
          add_slice (page, i, offset, block->height, y + space);
          y += space + rest;
          empty = FALSE;
          offset = 0;
          i++;
          continue;
        }

      /* It does not fit: cut long text between lines, or start a new page. */
      if (block->splittable || rest > next_body)
        {
          cut = find_break (block, offset, offset + avail - space, block->splittable && rest <= next_body);
          if (cut > offset)
            {
              add_slice (page, i, offset, cut, y + space);
              offset = cut;
              NEXT_PAGE ();
              continue;
            }
        }
      if (!empty)
        {
          NEXT_PAGE ();
          continue;
        }

      /* Taller than a whole page and nowhere to cut it: cut it at the page's end. */
      add_slice (page, i, offset, offset + avail, y);
      offset += avail;
      NEXT_PAGE ();
    }

#undef NEXT_PAGE

  /* A new page may have been started for nothing at the very end. */
  if (self->pages->len > 1 && page->len == 0)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);
}

guint
hel_plan_document_paginate (HelPlanDocument *doc,
                            cairo_t         *cr,
                            double           page_width,
                            double           page_height)
{
  PangoContext *context;

  g_return_val_if_fail (HEL_IS_PLAN_DOCUMENT (doc), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (page_width > 2 * MARGIN + 100 && page_height > 2 * MARGIN + 200, 0);

  doc->page_width = page_width;
  doc->page_height = page_height;
  g_clear_pointer (&doc->blocks, g_ptr_array_unref);
  doc->blocks = build_blocks (doc);

  context = create_context (cr);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);
      Shaped shaped;

      shape_block (doc, context, block, &shaped);
      block->height = shaped.height;
      block->breaks = block_breaks (&shaped);
      shaped_clear (&shaped);
    }
  g_object_unref (context);
  cut_pages (doc);
  return doc->pages->len;
}

guint
hel_plan_document_get_n_pages (HelPlanDocument *doc)
{
  g_return_val_if_fail (HEL_IS_PLAN_DOCUMENT (doc), 0);
  return doc->pages != NULL ? doc->pages->len : 0;
}

static void
draw_header_and_footer (HelPlanDocument *doc,
                        PangoContext    *context,
                        cairo_t         *cr,
                        guint            page_nr)
{
  double width = content_width (doc);
  double bottom = doc->page_height - MARGIN;
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, doc->pages->len);
  g_autofree char *page_markup = g_markup_escape_text (page_text, -1);
  g_autofree char *name_markup = g_markup_escape_text (doc->family_name, -1);
  g_autoptr(PangoLayout) page_layout = make_layout (context, FONT_FAMILY " 9", page_markup, 0, 0);
  g_autoptr(PangoLayout) name_layout = make_layout (context, FONT_FAMILY " 9", name_markup,
                                                    width * 0.7, 0);
  double h;

  pango_layout_set_ellipsize (name_layout, PANGO_ELLIPSIZE_END);
  cairo_save (cr);

  /* Footer: a thin rule, the family's name on the left, the page number on the right. */
  h = MAX (layout_height (page_layout), layout_height (name_layout));
  cairo_set_source_rgb (cr, RULE_RGB);
  cairo_rectangle (cr, MARGIN, bottom - h - 6, width, 0.5);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, GREY_RGB);
  show_layout (cr, name_layout, MARGIN, bottom - h);
  show_layout (cr, page_layout, MARGIN + width - layout_width (page_layout), bottom - h);

  if (page_nr > 0)
    {
      g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>  ·  %s", _("Our family plan"),
                                                        doc->family_name);
      g_autoptr(PangoLayout) head = make_layout (context, FONT_FAMILY " 9", title, width, 0);

      pango_layout_set_ellipsize (head, PANGO_ELLIPSIZE_END);
      cairo_set_source_rgb (cr, GREY_RGB);
      show_layout (cr, head, MARGIN, MARGIN);
      cairo_set_source_rgb (cr, RULE_RGB);
      cairo_rectangle (cr, MARGIN, MARGIN + layout_height (head) + 4, width, 0.5);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

void
hel_plan_document_draw_page (HelPlanDocument *doc,
                             cairo_t         *cr,
                             guint            page_nr)
{
  PangoContext *context;
  GArray *page;

  g_return_if_fail (HEL_IS_PLAN_DOCUMENT (doc));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (doc->pages != NULL);
  g_return_if_fail (page_nr < doc->pages->len);

  context = create_context (cr);
  page = g_ptr_array_index (doc->pages, page_nr);
  for (guint i = 0; i < page->len; i++)
    {
      Slice *slice = &g_array_index (page, Slice, i);
      Block *block = g_ptr_array_index (doc->blocks, slice->block);
      gboolean partial = slice->from > 0 || slice->to < block->height;

      cairo_save (cr);
      if (partial)
        {
          /* Only the lines that belong on this page. */
          cairo_rectangle (cr, MARGIN, slice->y, content_width (doc), slice->to - slice->from);
          cairo_clip (cr);
        }
      draw_block (doc, context, cr, block, MARGIN, slice->y - slice->from);
      cairo_restore (cr);
    }
  draw_header_and_footer (doc, context, cr, page_nr);
  g_object_unref (context);
}

/* ---- the PDF ---- */

static guint
paginate_cb (gpointer  doc,
             cairo_t  *cr,
             double    width,
             double    height)
{
  return hel_plan_document_paginate (doc, cr, width, height);
}

static void
draw_page_cb (gpointer  doc,
              cairo_t  *cr,
              guint     page)
{
  hel_plan_document_draw_page (doc, cr, page);
}

gboolean
hel_plan_document_write_pdf (HelPlanDocument *doc,
                             const char      *path,
                             GError         **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (HEL_IS_PLAN_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The plan is personal data: written whole or not at all, mode 0600. */
  title = g_strdup_printf ("%s – %s", _("Our family plan"), doc->family_name);
  return hel_private_file_write_pages (path, title, HEL_PLAN_DOCUMENT_A4_WIDTH,
                                       HEL_PLAN_DOCUMENT_A4_HEIGHT, paginate_cb, draw_page_cb,
                                       doc, error);
}
