/* hel-store.c: opening, migrating and guarding the SQLite database; transactions; backups. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hel-store-private.h"

struct _HelStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt* */
  guint       depth;        /* transaction nesting */
  GArray     *pending;      /* PendingChange, emitted at the outer commit */
  int         schema_version;
};

typedef struct {
  GQuark what;
  gint64 id;
} PendingChange;

G_DEFINE_FINAL_TYPE (HelStore, hel_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (hel-store-error-quark, hel_store_error)
G_DEFINE_BOXED_TYPE (HelIncomePeriod, hel_income_period, hel_income_period_copy, hel_income_period_free)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Each entry moves a database from version i to i + 1. Never edit a released entry: add one. */
static const char *migrations[] = {
  /* 0 -> 1: the foundation: teams, caseworkers, families, members, income support. */
  "CREATE TABLE team ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
  "CREATE TABLE caseworker ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  discipline TEXT NOT NULL,"
  "  team_id INTEGER REFERENCES team(id) ON DELETE SET NULL,"
  "  phone TEXT,"
  "  email TEXT);"
  "CREATE TABLE family ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  team_id INTEGER REFERENCES team(id) ON DELETE SET NULL,"
  "  primary_caseworker_id INTEGER REFERENCES caseworker(id) ON DELETE SET NULL,"
  "  secondary_caseworker_id INTEGER REFERENCES caseworker(id) ON DELETE SET NULL,"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT,"
  "  end_reason TEXT,"
  "  end_note TEXT,"
  "  consent_date TEXT,"
  "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
  "  modified TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
  "CREATE TABLE member ("
  "  id INTEGER PRIMARY KEY,"
  "  family_id INTEGER NOT NULL REFERENCES family(id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL,"
  "  first_name TEXT NOT NULL,"
  "  last_name TEXT,"
  "  birth_date TEXT,"
  "  cpr TEXT,"
  "  gender TEXT NOT NULL DEFAULT 'unknown',"
  "  in_household INTEGER NOT NULL DEFAULT 1,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX member_by_family ON member(family_id, position);"
  "CREATE TABLE income_period ("
  "  id INTEGER PRIMARY KEY,"
  "  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  start_date TEXT NOT NULL,"
  "  UNIQUE (member_id, start_date));",

  /* 1 -> 2: the family plan: wishes, big goals, small goals, steps, follow-up, versions.
   * AUTOINCREMENT so an undo never brings back an id that a newer row now uses. */
  "ALTER TABLE family ADD COLUMN wishes TEXT;"
  "ALTER TABLE member ADD COLUMN wishes TEXT;"
  "CREATE TABLE goal ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  family_id INTEGER NOT NULL REFERENCES family(id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX goal_by_family ON goal(family_id, position);"
  "CREATE TABLE subgoal ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,"
  "  wording TEXT NOT NULL,"
  "  deadline TEXT,"
  "  status TEXT NOT NULL DEFAULT 'not-started',"
  "  scale INTEGER CHECK (scale BETWEEN 0 AND 10),"
  "  next_followup TEXT,"
  "  created TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX subgoal_by_goal ON subgoal(goal_id, position);"
  "CREATE TABLE subgoal_owner ("
  "  subgoal_id INTEGER NOT NULL REFERENCES subgoal(id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (subgoal_id, member_id)) WITHOUT ROWID;"
  "CREATE INDEX subgoal_owner_by_member ON subgoal_owner(member_id);"
  "CREATE TABLE step ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  subgoal_id INTEGER NOT NULL REFERENCES subgoal(id) ON DELETE CASCADE,"
  "  what TEXT NOT NULL,"
  "  owner_kind TEXT NOT NULL DEFAULT 'none',"
  "  owner_member_id INTEGER REFERENCES member(id) ON DELETE SET NULL,"
  "  owner_caseworker_id INTEGER REFERENCES caseworker(id) ON DELETE SET NULL,"
  "  owner_name TEXT,"
  "  due TEXT,"
  "  done INTEGER NOT NULL DEFAULT 0,"
  "  done_date TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX step_by_subgoal ON step(subgoal_id, position);"
  "CREATE INDEX step_by_member ON step(owner_member_id);"
  "CREATE TABLE followup ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  subgoal_id INTEGER NOT NULL REFERENCES subgoal(id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  author TEXT,"
  "  internal INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX followup_by_subgoal ON followup(subgoal_id, date);"
  "CREATE TABLE scale_entry ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  subgoal_id INTEGER NOT NULL REFERENCES subgoal(id) ON DELETE CASCADE,"
  "  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),"
  "  set_by TEXT,"
  "  set_at TEXT NOT NULL);"
  "CREATE INDEX scale_entry_by_subgoal ON scale_entry(subgoal_id, set_at);"
  "CREATE TABLE plan_version ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  family_id INTEGER NOT NULL REFERENCES family(id) ON DELETE CASCADE,"
  "  created TEXT NOT NULL,"
  "  participants TEXT,"
  "  snapshot TEXT NOT NULL);"
  "CREATE INDEX plan_version_by_family ON plan_version(family_id, created);",

  /* 2 -> 3: network maps: one per family and one per member, people, ties, versions.
   * AUTOINCREMENT so an undo or an old version never brings back an id another map now uses. */
  "CREATE TABLE netmap ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  family_id INTEGER NOT NULL REFERENCES family(id) ON DELETE CASCADE,"
  "  member_id INTEGER REFERENCES member(id) ON DELETE CASCADE,"
  "  title TEXT,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL);"
  "CREATE UNIQUE INDEX netmap_by_owner ON netmap(family_id, coalesce(member_id, 0));"
  "CREATE INDEX netmap_by_member ON netmap(member_id);"
  "CREATE TABLE netmap_node ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  netmap_id INTEGER NOT NULL REFERENCES netmap(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  x REAL NOT NULL,"
  "  y REAL NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'private',"
  "  actor TEXT,"
  "  colour TEXT,"
  "  note TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX netmap_node_by_map ON netmap_node(netmap_id, position);"
  "CREATE TABLE netmap_tie ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  netmap_id INTEGER NOT NULL REFERENCES netmap(id) ON DELETE CASCADE,"
  "  from_node_id INTEGER REFERENCES netmap_node(id) ON DELETE CASCADE,"
  "  to_node_id INTEGER NOT NULL REFERENCES netmap_node(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'normal',"
  "  arrow TEXT NOT NULL DEFAULT 'none',"
  "  CHECK (from_node_id IS NULL OR from_node_id <> to_node_id));"
  /* One tie per pair whichever way it was drawn; NULL (the centre) counts as 0. */
  "CREATE UNIQUE INDEX netmap_tie_pair ON netmap_tie(netmap_id,"
  "  min(coalesce(from_node_id, 0), to_node_id), max(coalesce(from_node_id, 0), to_node_id));"
  "CREATE INDEX netmap_tie_by_from ON netmap_tie(from_node_id);"
  "CREATE INDEX netmap_tie_by_to ON netmap_tie(to_node_id);"
  "CREATE TABLE netmap_version ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  netmap_id INTEGER NOT NULL REFERENCES netmap(id) ON DELETE CASCADE,"
  "  created TEXT NOT NULL,"
  "  label TEXT,"
  "  snapshot TEXT NOT NULL);"
  "CREATE INDEX netmap_version_by_map ON netmap_version(netmap_id, created);",

  /* progress: measurements (WHO-5, SDQ, BIP) with their edit history, the editable SDQ band
   * table and BIP indicator set, school absence, notifications of concern, interventions and
   * extra expenses. AUTOINCREMENT so an undo never brings back an id a newer row now uses. */
  "CREATE TABLE progress_setting ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "INSERT INTO progress_setting (key, value) VALUES ('wave_interval', '4');"
  "CREATE TABLE sdq_band ("
  "  position INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL,"
  "  lowest INTEGER NOT NULL CHECK (lowest BETWEEN 0 AND 40),"
  "  population_share REAL NOT NULL DEFAULT 0);"
  "INSERT INTO sdq_band VALUES (0, 'normal', 0, 80), (1, 'borderline', 14, 10),"
  "  (2, 'abnormal', 17, 10);"
  "CREATE TABLE bip_indicator ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  code TEXT,"
  "  name TEXT,"
  "  scale_min INTEGER NOT NULL,"
  "  scale_max INTEGER NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (scale_min < scale_max));"
  "INSERT INTO bip_indicator (code, scale_min, scale_max, position) VALUES"
  "  ('health', 1, 5, 0), ('daily-life', 1, 5, 1), ('belief', 1, 5, 2),"
  "  ('cooperation', 1, 5, 3), ('job-search', 1, 5, 4);"
  "CREATE TABLE measurement ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
  "  instrument TEXT NOT NULL,"
  "  date TEXT NOT NULL,"
  "  wave INTEGER NOT NULL CHECK (wave >= 0),"
  "  rater TEXT NOT NULL DEFAULT 'together',"
  "  answers TEXT NOT NULL DEFAULT '',"
  "  complete INTEGER NOT NULL DEFAULT 0,"
  "  score REAL,"
  "  band TEXT,"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL);"
  "CREATE UNIQUE INDEX measurement_by_member ON measurement(member_id, instrument, wave);"
  "CREATE INDEX measurement_by_wave ON measurement(instrument, wave, score);"
  "CREATE TABLE measurement_edit ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  measurement_id INTEGER NOT NULL REFERENCES measurement(id) ON DELETE CASCADE,"
  "  edited_at TEXT NOT NULL,"
  "  edited_by TEXT,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT);"
  "CREATE INDEX measurement_edit_by_measurement ON measurement_edit(measurement_id, id);"
  "CREATE TABLE school_absence ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
  "  quarter TEXT NOT NULL,"
  "  percent REAL NOT NULL CHECK (percent BETWEEN 0 AND 100),"
  "  UNIQUE (member_id, quarter));"
  "CREATE INDEX school_absence_by_quarter ON school_absence(quarter);"
  "CREATE TABLE concern_notification ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  count INTEGER NOT NULL CHECK (count >= 0),"
  "  UNIQUE (member_id, year));"
  "CREATE TABLE intervention ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  actor TEXT,"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT,"
  "  employment_oriented INTEGER NOT NULL DEFAULT 0,"
  "  company_placement INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (end_date IS NULL OR end_date >= start_date));"
  "CREATE INDEX intervention_by_member ON intervention(member_id, start_date);"
  "CREATE TABLE expense ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  family_id INTEGER NOT NULL REFERENCES family(id) ON DELETE CASCADE,"
  "  quarter TEXT NOT NULL,"
  "  department TEXT NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  UNIQUE (family_id, quarter, department));"
  "CREATE INDEX expense_by_quarter ON expense(quarter, department);",

  /* board meetings: meetings, participants (guests too), the agenda of families with their
   * time boxes, sticky notes, pen strokes, 0-10 scales and agreements. An agreement linked to
   * the family plan IS that plan step (step_id): while linked, its text, owner, deadline and
   * done live in the step. When the step goes, the trigger hands them back to the agreement.
   * AUTOINCREMENT so an undo never brings back an id a newer row now uses. */
  "CREATE TABLE meeting ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind TEXT NOT NULL DEFAULT 'team',"
  "  team_id INTEGER REFERENCES team(id) ON DELETE SET NULL,"
  "  date TEXT NOT NULL,"
  "  time TEXT,"
  "  created TEXT NOT NULL);"
  "CREATE INDEX meeting_by_date ON meeting(date, time);"
  "CREATE INDEX meeting_by_team ON meeting(team_id, kind, date);"
  "CREATE TABLE meeting_participant ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
  "  caseworker_id INTEGER REFERENCES caseworker(id) ON DELETE SET NULL,"
  "  name TEXT,"
  "  role TEXT,"
  "  discipline TEXT NOT NULL DEFAULT 'other',"
  "  removed INTEGER NOT NULL DEFAULT 0,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (caseworker_id IS NOT NULL OR name IS NOT NULL));"
  "CREATE INDEX meeting_participant_by_meeting ON meeting_participant(meeting_id, position);"
  "CREATE INDEX meeting_participant_by_caseworker ON meeting_participant(caseworker_id);"
  "CREATE TABLE agenda_item ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
  "  family_id INTEGER NOT NULL REFERENCES family(id) ON DELETE CASCADE,"
  "  minutes INTEGER NOT NULL DEFAULT 8 CHECK (minutes BETWEEN 1 AND 120),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (meeting_id, family_id));"
  "CREATE INDEX agenda_item_by_family ON agenda_item(family_id);"
  "CREATE TABLE board_note ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,"
  "  column_code TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  author_id INTEGER REFERENCES meeting_participant(id) ON DELETE SET NULL,"
  "  author_name TEXT,"
  "  discipline TEXT NOT NULL DEFAULT 'other',"
  "  internal INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX board_note_by_item ON board_note(item_id, column_code, position);"
  "CREATE INDEX board_note_by_author ON board_note(author_id);"
  "CREATE TABLE board_stroke ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,"
  "  width REAL NOT NULL,"
  "  points TEXT NOT NULL);"
  "CREATE INDEX board_stroke_by_item ON board_stroke(item_id);"
  "CREATE TABLE board_scale ("
  "  item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,"
  "  participant_id INTEGER NOT NULL REFERENCES meeting_participant(id) ON DELETE CASCADE,"
  "  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),"
  "  PRIMARY KEY (item_id, participant_id)) WITHOUT ROWID;"
  "CREATE INDEX board_scale_by_participant ON board_scale(participant_id);"
  "CREATE TABLE agreement ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,"
  "  step_id INTEGER UNIQUE REFERENCES step(id) ON DELETE SET NULL,"
  "  what TEXT,"
  "  owner_kind TEXT NOT NULL DEFAULT 'none',"
  "  owner_member_id INTEGER REFERENCES member(id) ON DELETE SET NULL,"
  "  owner_caseworker_id INTEGER REFERENCES caseworker(id) ON DELETE SET NULL,"
  "  owner_name TEXT,"
  "  due TEXT,"
  "  done INTEGER NOT NULL DEFAULT 0,"
  "  done_date TEXT,"
  "  created TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (step_id IS NOT NULL OR what IS NOT NULL));"
  "CREATE INDEX agreement_by_item ON agreement(item_id, position);"
  "CREATE INDEX agreement_by_member ON agreement(owner_member_id);"
  "CREATE INDEX agreement_by_caseworker ON agreement(owner_caseworker_id);"
  "CREATE TABLE agreement_carry ("
  "  agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,"
  "  item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (agreement_id, item_id)) WITHOUT ROWID;"
  "CREATE INDEX agreement_carry_by_item ON agreement_carry(item_id);"
  "CREATE TRIGGER agreement_keeps_step BEFORE DELETE ON step BEGIN"
  "  UPDATE agreement SET what = OLD.what, owner_kind = OLD.owner_kind,"
  "    owner_member_id = OLD.owner_member_id, owner_caseworker_id = OLD.owner_caseworker_id,"
  "    owner_name = OLD.owner_name, due = OLD.due, done = OLD.done, done_date = OLD.done_date,"
  "    step_id = NULL"
  "  WHERE step_id = OLD.id;"
  "END;",

  /* progress: SDQ bands for each scale and the impact score, not only the total (the newer
   * four-band table and Danish norms band every scale). The total's rows move over unchanged
   * as scale 'total'; each scale gets the published four-band parent-report limits. */
  "CREATE TABLE sdq_band_by_scale ("
  "  scale TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  code TEXT NOT NULL,"
  "  lowest INTEGER NOT NULL CHECK (lowest BETWEEN 0 AND 40),"
  "  population_share REAL NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (scale, position)) WITHOUT ROWID;"
  "INSERT INTO sdq_band_by_scale (scale, position, code, lowest, population_share)"
  "  SELECT 'total', position, code, lowest, population_share FROM sdq_band;"
  "DROP TABLE sdq_band;"
  "ALTER TABLE sdq_band_by_scale RENAME TO sdq_band;"
  "INSERT INTO sdq_band (scale, position, code, lowest, population_share) VALUES"
  "  ('emotional', 0, 'normal', 0, 80), ('emotional', 1, 'borderline', 4, 10),"
  "  ('emotional', 2, 'abnormal', 5, 5), ('emotional', 3, 'very-high', 7, 5),"
  "  ('conduct', 0, 'normal', 0, 80), ('conduct', 1, 'borderline', 3, 10),"
  "  ('conduct', 2, 'abnormal', 4, 5), ('conduct', 3, 'very-high', 6, 5),"
  "  ('hyperactivity', 0, 'normal', 0, 80), ('hyperactivity', 1, 'borderline', 6, 10),"
  "  ('hyperactivity', 2, 'abnormal', 8, 5), ('hyperactivity', 3, 'very-high', 9, 5),"
  "  ('peer', 0, 'normal', 0, 80), ('peer', 1, 'borderline', 3, 10),"
  "  ('peer', 2, 'abnormal', 4, 5), ('peer', 3, 'very-high', 5, 5),"
  "  ('prosocial', 0, 'normal', 8, 80), ('prosocial', 1, 'borderline', 7, 10),"
  "  ('prosocial', 2, 'abnormal', 6, 5), ('prosocial', 3, 'very-high', 0, 5),"
  "  ('impact', 0, 'normal', 0, 80), ('impact', 1, 'borderline', 1, 10),"
  "  ('impact', 2, 'abnormal', 2, 5), ('impact', 3, 'very-high', 3, 5);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HEL_STORE_SCHEMA_VERSION);

static void
hel_store_finalize (GObject *object)
{
  HelStore *self = HEL_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Fold the WAL back so no edits linger in the side files. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (hel_store_parent_class)->finalize (object);
}

static void
hel_store_class_init (HelStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hel_store_finalize;

  /**
   * HelStore::changed:
   * @detail: what changed: "family", "member", "team", "caseworker"
   * @id: the id of the changed row (for "member": the member; a member change also
   *      emits "family" with the family's id)
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
hel_store_init (HelStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
}

HelIncomePeriod *
hel_income_period_new (gint64      member_id,
                       guint       kind,
                       const char *start_date)
{
  HelIncomePeriod *period = g_new0 (HelIncomePeriod, 1);

  period->member_id = member_id;
  period->kind = kind;
  period->start_date = g_strdup (start_date);
  return period;
}

HelIncomePeriod *
hel_income_period_copy (const HelIncomePeriod *period)
{
  HelIncomePeriod *copy = hel_income_period_new (period->member_id, period->kind,
                                                 period->start_date);
  copy->id = period->id;
  return copy;
}

void
hel_income_period_free (HelIncomePeriod *period)
{
  if (period == NULL)
    return;
  g_free (period->start_date);
  g_free (period);
}

char *
hel_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "helhed", "helhed.db", NULL);
}

gboolean
_hel_store_fail (HelStore *self,
                 int       rc,
                 GError  **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  /* The technical reason goes into the message after the plain words, never row data:
   * SQLite's messages name tables and constraints, not values. */
  switch (rc & 0xff)
    {
    case SQLITE_READONLY:
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_READ_ONLY,
                   _("The change could not be saved because the database is read-only (%s)."), detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_LOCKED,
                   _("The database is busy in another program. Close it and try again (%s)."), detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Restore it from a backup."), detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FULL,
                   _("The disk is full, so the change could not be saved. Free some space and try again."));
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CANT_OPEN,
                   _("The database file could not be read or written (%s)."), detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_INVALID,
                   _("The change breaks a rule of the database (%s)."), detail);
      break;
    default:
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FAILED,
                   _("The database reported an error (%s)."), detail);
      break;
    }
  return FALSE;
}

sqlite3 *
_hel_store_get_handle (HelStore *self)
{
  g_return_val_if_fail (HEL_IS_STORE (self), NULL);
  return self->db;
}

sqlite3_stmt *
_hel_store_prepare (HelStore   *self,
                    const char *sql,
                    GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _hel_store_fail (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_hel_store_exec (HelStore   *self,
                 const char *sql,
                 GError    **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _hel_store_fail (self, rc, error);
  return TRUE;
}

gboolean
_hel_store_step_done (HelStore     *self,
                      sqlite3_stmt *stmt,
                      GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _hel_store_fail (self, rc, error);
  return TRUE;
}

void
_hel_bind_text_or_null (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_hel_bind_id_or_null (sqlite3_stmt *stmt,
                      int           index,
                      gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
_hel_column_text (sqlite3_stmt *stmt,
                  int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

void
_hel_store_queue_change (HelStore   *self,
                         const char *what,
                         gint64      id)
{
  PendingChange change = { g_quark_from_static_string (what), id };

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingChange *p = &g_array_index (self->pending, PendingChange, i);
      if (p->what == change.what && p->id == change.id)
        return;
    }
  g_array_append_val (self->pending, change);
}

gboolean
hel_store_begin (HelStore *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock up front, so a busy database fails here, not halfway. */
  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT hel_%u", self->depth);
  if (!_hel_store_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
hel_store_begin_read (HelStore *self,
                      GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  /* DEFERRED takes no lock until the first read, and only a read lock then: reading goes on
   * while another program writes (WAL), and sees one moment of the database. */
  sql = self->depth == 0 ? g_strdup ("BEGIN DEFERRED")
                         : g_strdup_printf ("SAVEPOINT hel_%u", self->depth);
  if (!_hel_store_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
hel_store_commit (HelStore *self,
                  GError  **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GArray) changes = NULL;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE hel_%u", self->depth - 1);
  if (!_hel_store_exec (self, sql, error))
    {
      hel_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth > 0)
    return TRUE;

  changes = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *change = &g_array_index (changes, PendingChange, i);
      g_signal_emit (self, signals[CHANGED], change->what, change->id);
    }
  return TRUE;
}

void
hel_store_rollback (HelStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (HEL_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO hel_%u; RELEASE hel_%u", self->depth - 1, self->depth - 1);
  /* A failed COMMIT may already have rolled back; then this finds no transaction. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->depth--;
  if (self->depth == 0)
    g_array_set_size (self->pending, 0);
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;
  return value;
}

static void
restrict_file (const char *path,
               const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);

  if (g_file_test (file, G_FILE_TEST_EXISTS))
    g_chmod (file, 0600);
}

static gboolean
migrate_to (HelStore *self,
            int       target,
            GError  **error)
{
  for (int v = self->schema_version; v < target; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!hel_store_begin (self, error))
        return FALSE;
      if (!_hel_store_exec (self, migrations[v], error) ||
          !_hel_store_exec (self, bump, error))
        {
          hel_store_rollback (self);
          g_prefix_error (error, _("The database could not be updated to version %d: "), v + 1);
          return FALSE;
        }
      if (v == 0)
        {
          g_autofree char *app_id =
            g_strdup_printf ("PRAGMA application_id = %d", HEL_STORE_APPLICATION_ID);
          if (!_hel_store_exec (self, app_id, error))
            {
              hel_store_rollback (self);
              return FALSE;
            }
        }
      if (!hel_store_commit (self, error))
        return FALSE;
      self->schema_version = v + 1;
    }
  return TRUE;
}

static gboolean
migrate (HelStore *self,
         GError  **error)
{
  return migrate_to (self, HEL_STORE_SCHEMA_VERSION, error);
}

static gboolean
check_identity (HelStore *self,
                GError  **error)
{
  int rc, app_id, n_tables;

  app_id = query_int (self->db, "PRAGMA application_id", &rc);
  if (rc != SQLITE_OK)
    return _hel_store_fail (self, rc, error);
  self->schema_version = query_int (self->db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    return _hel_store_fail (self, rc, error);
  n_tables = query_int (self->db, "SELECT count(*) FROM sqlite_schema", &rc);
  if (rc != SQLITE_OK)
    return _hel_store_fail (self, rc, error);

  if (app_id != HEL_STORE_APPLICATION_ID && (n_tables > 0 || self->schema_version > 0))
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_HELHED,
                   _("“%s” is a database, but not one of Helhed’s. It was left unchanged."),
                   self->path);
      return FALSE;
    }
  if (self->schema_version > HEL_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NEWER_SCHEMA,
                   _("This database was made by a newer version of Helhed (format %d; this "
                     "version reads up to %d). Update Helhed to open it. The file was not changed."),
                   self->schema_version, HEL_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

HelStore *
hel_store_open (const char        *path,
                HelStoreOpenFlags  flags,
                GError           **error)
{
  g_autoptr(HelStore) self = NULL;
  g_autofree char *report = NULL;
  gboolean exists;
  int rc;
  mode_t old_umask;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HEL_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CANT_OPEN,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }
  if (exists && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      GStatBuf st;

      /* SQLite would take an empty file for a new database and quietly start one; an empty
       * file where a database should be is a loss (a full disk, a bad copy) to be told. */
      if (g_stat (path, &st) == 0 && st.st_size == 0)
        {
          g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CORRUPT,
                       _("“%s” is empty: it holds no Helhed data. If it held your families, "
                         "restore a backup; the empty file was not changed."), path);
          return NULL;
        }
    }
  if (!exists && !(flags & HEL_STORE_OPEN_CREATE))
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), path);
      return NULL;
    }
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (!g_file_test (dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CANT_OPEN,
                       _("The folder “%s” could not be created: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }
  else if (g_access (path, R_OK | W_OK) != 0)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_READ_ONLY,
                   _("Helhed may not write to “%s”. Check the file’s permissions, or open a copy."),
                   path);
      return NULL;
    }

  /* Helhed's own folder is for this user alone, also when it was made before with another
   * mode (a folder named with --db is the user's to choose and is left as it is). */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *default_path = hel_store_default_path ();
    g_autofree char *default_dir = g_path_get_dirname (default_path);

    if (g_strcmp0 (dir, default_dir) == 0 && g_file_test (dir, G_FILE_TEST_IS_DIR))
      g_chmod (dir, 0700);
  }

  /* Health and social data: the database and its side files are for this user alone. */
  old_umask = umask (077);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (self->db, 1);
      sqlite3_busy_timeout (self->db, 2000);
      /* Name lists sort the Danish way; the queries ask for it, the schema never names it. */
      rc = sqlite3_create_collation_v2 (self->db, HEL_COLLATE_DANISH, SQLITE_UTF8, NULL,
                                        _hel_store_collate_danish, NULL);
    }
  if (rc == SQLITE_OK)
    {
      /* No journal mode yet: switching to WAL writes the file's header, and a file that turns
       * out not to be ours must be left exactly as it was. */
      rc = sqlite3_exec (self->db,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA secure_delete = ON;",
                         NULL, NULL, NULL);
    }
  umask (old_umask);
  if (rc != SQLITE_OK)
    {
      _hel_store_fail (self, rc, error);
      g_prefix_error (error, _("Could not open “%s”: "), path);
      return NULL;
    }
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_READ_ONLY,
                   _("Helhed may not write to “%s”. Check the file’s permissions, or open a copy."),
                   path);
      return NULL;
    }

  if (!check_identity (self, error))
    return NULL;
  if (exists && self->schema_version > 0 && !hel_store_check_integrity (self, &report, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_CORRUPT,
                     _("The database file “%s” is damaged. Restore it from a backup. (%s)"),
                     path, report);
      return NULL;
    }

  old_umask = umask (077);
  rc = sqlite3_exec (self->db,
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;",
                     NULL, NULL, NULL);
  umask (old_umask);
  if (rc != SQLITE_OK)
    {
      _hel_store_fail (self, rc, error);
      g_prefix_error (error, _("Could not open “%s”: "), path);
      return NULL;
    }
  /* Only a file that is ours gets its mode tightened; a refused file is left as it was. */
  g_chmod (path, 0600);
  restrict_file (path, "-wal");
  restrict_file (path, "-shm");
  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
hel_store_get_path (HelStore *self)
{
  g_return_val_if_fail (HEL_IS_STORE (self), NULL);
  return self->path;
}

int
hel_store_get_schema_version (HelStore *self)
{
  g_return_val_if_fail (HEL_IS_STORE (self), 0);
  return self->schema_version;
}

/* Returns TRUE when the database is sound; FALSE with *report set when it is damaged,
 * FALSE with error set when the check itself could not run. */
gboolean
hel_store_check_integrity (HelStore  *self,
                           char     **report,
                           GError   **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _hel_store_fail (self, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = _hel_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", line);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        {
          if (report)
            *report = g_strdup (sqlite3_errmsg (self->db));
          return FALSE;
        }
      return _hel_store_fail (self, rc, error);
    }

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _hel_store_fail (self, rc, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%sforeign key: %s row %lld", text->len ? "\n" : "",
                            _hel_column_text (stmt, 0), (long long) sqlite3_column_int64 (stmt, 1));
  sqlite3_finalize (stmt);

  if (text->len > 0)
    {
      if (report)
        *report = g_string_free (g_steal_pointer (&text), FALSE);
      return FALSE;
    }
  if (report)
    *report = g_strdup ("ok");
  return TRUE;
}

gboolean
hel_store_backup (HelStore   *self,
                  const char *dest_path,
                  GError    **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *wal_path = NULL;
  g_autofree char *shm_path = NULL;
  g_autoptr(HelStore) copy = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  mode_t old_umask;
  int rc;

  g_return_val_if_fail (HEL_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  /* Write beside the target and rename, so a failed backup never replaces a good one. */
  tmp_path = g_strconcat (dest_path, ".part", NULL);
  g_unlink (tmp_path);
  old_umask = umask (077);
  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  umask (old_umask);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FAILED,
                   _("The backup to “%s” failed: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  sqlite3_close_v2 (dest);
  g_chmod (tmp_path, 0600);

  /* A backup that cannot be opened is no backup: check it before it counts. */
  copy = hel_store_open (tmp_path, HEL_STORE_OPEN_DEFAULT, error);
  if (copy == NULL)
    {
      g_prefix_error (error, _("The backup could not be verified: "));
      g_unlink (tmp_path);
      return FALSE;
    }
  g_clear_object (&copy);
  wal_path = g_strconcat (tmp_path, "-wal", NULL);
  shm_path = g_strconcat (tmp_path, "-shm", NULL);
  g_unlink (wal_path);
  g_unlink (shm_path);

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, HEL_STORE_ERROR, HEL_STORE_ERROR_FAILED,
                   _("The backup could not be saved as “%s”: %s"), dest_path,
                   g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}

/* For the fault tests' fixture maker only: a database at an earlier schema, as an older Helhed
 * made it (the migrations are never edited, so the first @version of them are that). A new
 * file is created; an existing one is moved up to @version, never down. */
HelStore *
_hel_store_open_at_version (const char  *path,
                            int          version,
                            GError     **error)
{
  g_autoptr(HelStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= HEL_STORE_SCHEMA_VERSION, NULL);

  self = g_object_new (HEL_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_collation_v2 (self->db, HEL_COLLATE_DANISH, SQLITE_UTF8, NULL,
                                      _hel_store_collate_danish, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _hel_store_fail (self, rc, error);
      return NULL;
    }
  if (!check_identity (self, error) || !migrate_to (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}
