/* fixture-rows.h: the sample rows each schema version adds to the migration fixtures.
 *
 * fixture_rows[i] is written right after migration i, in the SQL of that version, as Helhed at
 * version i + 1 would have stored it. A new migration needs a new entry here (make-fixtures
 * refuses to run without one) and the test checks that the rows of every older version survive
 * the migrations to today's schema. */
#pragma once

#include <glib.h>

typedef struct {
  /* Plain SQL for the tables this version added; may call snapshot functions below. */
  const char *sql;
} FixtureRows;

/* Version 1: teams, caseworkers, families, members, income support. */
#define FIXTURE_V1_SQL \
  "INSERT INTO team (id, name) VALUES (1, 'Team Nord'), (2, 'Team Syd');" \
  "INSERT INTO caseworker (id, name, discipline, team_id, phone, email) VALUES" \
  "  (1, 'Birgitte Holm', 'job-centre', 1, '+45 20 30 40 50', 'bh@example.org')," \
  "  (2, 'Søren Ågård', 'family-group', 1, NULL, NULL);" \
  "INSERT INTO family (id, name, team_id, primary_caseworker_id, secondary_caseworker_id," \
  "  start_date, end_date, end_reason, end_note, consent_date, created, modified) VALUES" \
  "  (1, 'Familien Østergaard', 1, 1, 2, '2024-01-15', NULL, NULL, NULL, '2024-01-20'," \
  "   '2024-01-15T09:00:00Z', '2024-01-15T09:00:00Z')," \
  "  (2, 'Familien Hansen', 2, 2, NULL, '2023-05-01', '2024-03-01', 'moved', 'Flyttet til Aarhus'," \
  "   NULL, '2023-05-01T10:00:00Z', '2024-03-01T10:00:00Z')," \
  "  (3, 'Familien Nørgaard-Løkke', NULL, NULL, NULL, '2024-06-01', NULL, NULL, NULL, NULL," \
  "   '2024-06-01T08:30:00Z', '2024-06-01T08:30:00Z');" \
  "INSERT INTO member (id, family_id, role, first_name, last_name, birth_date, cpr, gender," \
  "  in_household, position) VALUES" \
  "  (1, 1, 'mother', 'Åse', 'Østergaard', '1988-02-11', '1102884321', 'female', 1, 0)," \
  "  (2, 1, 'child', 'Mikkel', 'Østergaard', '2012-09-03', NULL, 'male', 1, 1)," \
  "  (3, 1, 'father', 'Jens', 'Berg', '1985-12-24', NULL, 'male', 0, 2)," \
  "  (4, 2, 'mother', 'Lene', 'Hansen', NULL, NULL, 'unknown', 1, 0)," \
  "  (5, 3, 'foster-parent', 'Ib', 'Løkke', '1970-07-07', NULL, 'male', 1, 0);" \
  "INSERT INTO income_period (id, member_id, kind, start_date) VALUES" \
  "  (1, 1, 'cash-benefit', '2023-01-01'), (2, 1, 'flex-job', '2024-08-01')," \
  "  (3, 3, 'unemployment-benefit', '2022-03-15');"

/* Version 2: the family plan. make-fixtures adds a saved plan version (JSON snapshot). */
#define FIXTURE_V2_SQL \
  "UPDATE family SET wishes = 'At vi kan bo sammen i ro' WHERE id = 1;" \
  "UPDATE member SET wishes = 'Et arbejde med mennesker' WHERE id = 1;" \
  "INSERT INTO goal (id, family_id, title, created, position) VALUES" \
  "  (1, 1, 'Mor i arbejde', '2024-02-01', 0), (2, 1, 'Mikkel i skole hver dag', '2024-02-01', 1);" \
  "INSERT INTO subgoal (id, goal_id, wording, deadline, status, scale, next_followup, created," \
  "  position) VALUES" \
  "  (1, 1, 'Åse søger tre job om måneden', '2024-06-30', 'in-progress', 4, '2024-04-01'," \
  "   '2024-02-01', 0)," \
  "  (2, 2, 'Mikkel møder kl. 8', NULL, 'not-started', NULL, NULL, '2024-02-01', 0);" \
  "INSERT INTO subgoal_owner (subgoal_id, member_id) VALUES (1, 1), (2, 2);" \
  "INSERT INTO step (id, subgoal_id, what, owner_kind, owner_member_id, owner_caseworker_id," \
  "  owner_name, due, done, done_date, position) VALUES" \
  "  (1, 1, 'Skriv CV', 'member', 1, NULL, NULL, '2024-03-01', 1, '2024-02-20', 0)," \
  "  (2, 1, 'Aftale med virksomhedskonsulent', 'caseworker', NULL, 1, NULL, '2024-03-15', 0," \
  "   NULL, 1)," \
  "  (3, 2, 'Vækkeur', 'external', NULL, NULL, 'Mentor Lise', NULL, 0, NULL, 0);" \
  "INSERT INTO followup (id, subgoal_id, date, text, author, internal) VALUES" \
  "  (1, 1, '2024-03-01', 'CV er skrevet; to ansøgninger sendt', 'Birgitte Holm', 0);" \
  "INSERT INTO scale_entry (id, subgoal_id, value, set_by, set_at) VALUES" \
  "  (1, 1, 2, 'Åse', '2024-02-01T10:00:00Z'), (2, 1, 4, 'Åse', '2024-03-01T10:00:00Z');"

/* Version 3: network maps. */
#define FIXTURE_V3_SQL \
  "INSERT INTO netmap (id, family_id, member_id, title, created, modified) VALUES" \
  "  (1, 1, NULL, NULL, '2024-04-01T09:00:00Z', '2024-04-01T09:00:00Z')," \
  "  (2, 1, 2, 'Mikkels netværk', '2024-04-02T09:00:00Z', '2024-04-02T09:00:00Z');" \
  "INSERT INTO netmap_node (id, netmap_id, name, x, y, kind, actor, colour, note, position) VALUES" \
  "  (1, 1, 'Mormor', -1.2, -0.9, 'private', NULL, NULL, 'Ringer hver søndag', 0)," \
  "  (2, 1, 'Birgitte (jobcenter)', 1.8, 1.2, 'professional', 'Jobcenter', '#3584e4', NULL, 1)," \
  "  (3, 1, 'Naboen', 0.3, -2.4, 'private', NULL, NULL, NULL, 2)," \
  "  (4, 2, 'Klasselærer', 1.1, -0.6, 'professional', 'Skole', NULL, NULL, 0);" \
  "INSERT INTO netmap_tie (id, netmap_id, from_node_id, to_node_id, kind, arrow) VALUES" \
  "  (1, 1, NULL, 1, 'strong', 'none'), (2, 1, NULL, 2, 'normal', 'forward')," \
  "  (3, 1, 1, 3, 'conflict', 'both');"
/* ... and make-fixtures adds a saved version of map 1. */

/* Version 4: progress: measurements and their edits, the SDQ bands and BIP indicators (the
 * migration stores the defaults), absence, notifications, interventions, expenses. */
#define FIXTURE_V4_SQL \
  "UPDATE progress_setting SET value = '6' WHERE key = 'wave_interval';" \
  "UPDATE bip_indicator SET name = 'Tro på job' WHERE code = 'belief';" \
  "INSERT INTO measurement (id, member_id, instrument, date, wave, rater, answers, complete," \
  "  score, band, created, modified) VALUES" \
  "  (1, 1, 'who5', '2024-01-20', 0, 'together', '1=2;2=2;3=1;4=2;5=2', 1, 36, 'poor'," \
  "   '2024-01-20T10:00:00Z', '2024-02-01T10:00:00Z')," \
  "  (2, 2, 'sdq', '2024-01-22', 0, 'family', 'emotional=4;conduct=3;hyperactivity=6;peer=2;" \
  "prosocial=7;impact=2', 1, 15, 'borderline', '2024-01-22T10:00:00Z', '2024-01-22T10:00:00Z');" \
  "INSERT INTO measurement_edit (id, measurement_id, edited_at, edited_by, field, old_value)" \
  "  VALUES (1, 1, '2024-02-01T10:00:00Z', 'Birgitte Holm', 'answers', '1=2;2=2;3=1;4=2;5=1');" \
  "INSERT INTO school_absence (id, member_id, quarter, percent) VALUES (1, 2, '2024-Q1', 12.5);" \
  "INSERT INTO concern_notification (id, member_id, year, count) VALUES (1, 2, 2023, 3);" \
  "INSERT INTO intervention (id, member_id, kind, actor, start_date, end_date," \
  "  employment_oriented, company_placement) VALUES" \
  "  (1, 1, 'Virksomhedspraktik', 'Jobcenter', '2024-03-01', '2024-05-31', 1, 1);" \
  "INSERT INTO expense (id, family_id, quarter, department, amount) VALUES" \
  "  (1, 1, '2024-Q1', 'fe-child-family', 84000), (2, 1, '2024-Q1', 'school', 9000);"

/* Version 5: board meetings (no rows of their own yet). The SDQ band table as a municipality
 * changed it to its own four-band total, so version 6 (a table per scale) shows it keeps it. */
#define FIXTURE_V5_SQL \
  "DELETE FROM sdq_band;" \
  "INSERT INTO sdq_band (position, code, lowest, population_share) VALUES" \
  "  (0, 'normal', 0, 78), (1, 'borderline', 13, 12), (2, 'abnormal', 16, 6)," \
  "  (3, 'very-high', 19, 4);"

static const FixtureRows fixture_rows[] = {
  { FIXTURE_V1_SQL },
  { FIXTURE_V2_SQL },
  { FIXTURE_V3_SQL },
  { FIXTURE_V4_SQL },
  { FIXTURE_V5_SQL },
  /* Version 4 and later: add the rows your migration's tables hold, then run make-fixtures. */
};
