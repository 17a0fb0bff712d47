#!/bin/sh
# test-tool.sh: helhed-tool end to end: demo, list, export/import round trip, check, backup,
# bad input and usage errors. Usage: test-tool.sh PATH/TO/helhed-tool. Speaks TAP.

TOOL=${1:?usage: test-tool.sh PATH/TO/helhed-tool}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/helhed-tool-XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT INT TERM
LC_ALL=C.UTF-8
export LC_ALL

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () {  # check DESCRIPTION COMMAND...
  desc=$1; shift
  if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
# run EXPECTED_STATUS COMMAND...: runs the tool, keeps stdout/stderr in $WORK/out, $WORK/err
run () {
  want=$1; shift
  "$TOOL" "$@" >"$WORK/out" 2>"$WORK/err"
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "# helhed-tool $*: exit $got, wanted $want" >&2
    sed 's/^/# stderr: /' "$WORK/err" >&2
    return 1
  fi
  return 0
}
same_bytes () { cmp -s "$1" "$2"; }
mode_of () { stat -c %a "$1"; }

DB=$WORK/demo.db

# demo and list
check "demo creates the database" run 0 demo --db "$DB"
check "demo refuses a database that holds data" run 1 demo --db "$DB"
check "  ... and says why" grep -q "already holds data" "$WORK/err"
check "list works" run 0 list --db "$DB"
cp "$WORK/out" "$WORK/list"
check "list prints 50 families" test "$(wc -l < "$WORK/list")" -eq 50
check "35 families in the east" test "$(grep -c "	Familiegruppe Øst	" "$WORK/list")" -eq 35
check "15 families in the south-west" \
  test "$(grep -c "	Familiegruppe Sydvest	" "$WORK/list")" -eq 15
check "every line has five tab-separated fields" \
  test "$(awk -F '\t' 'NF != 5' "$WORK/list" | wc -l)" -eq 0
check "status is active or ended" \
  test "$(cut -f4 "$WORK/list" | sort -u | tr '\n' ' ')" = "active ended "
members=$(awk -F '\t' '{ s += $5 } END { print s }' "$WORK/list")
check "member counts add up to 154 (62 + 3 absent adults, 89 children)" test "$members" -eq 154
check "the same seed gives the same list" sh -c "
  '$TOOL' demo --db '$WORK/again.db' >/dev/null &&
  '$TOOL' list --db '$WORK/again.db' | cmp -s - '$WORK/list'"
check "another seed gives other families" sh -c "
  '$TOOL' demo --db '$WORK/other.db' --seed 5 >/dev/null &&
  ! '$TOOL' list --db '$WORK/other.db' | cmp -s - '$WORK/list'"

# export -> import -> export
check "export json to a file" run 0 export json --db "$DB" -o "$WORK/one.json"
check "the export is private (0600)" test "$(mode_of "$WORK/one.json")" = 600
check "the export carries format and version" grep -q '"format" : "helhed"' "$WORK/one.json"
check "import json into a new database" run 0 import json --db "$WORK/copy.db" "$WORK/one.json"
check "  ... and reports 50 families" grep -q "50 families" "$WORK/out"
check "export the copy to standard output" run 0 export json --db "$WORK/copy.db" -o -
cp "$WORK/out" "$WORK/two.json"
grep -v '"exported"' "$WORK/one.json" > "$WORK/one.cmp"
grep -v '"exported"' "$WORK/two.json" > "$WORK/two.cmp"
check "the round trip is exact" same_bytes "$WORK/one.cmp" "$WORK/two.cmp"
check "--no-timestamp exports are byte-identical" sh -c "
  '$TOOL' export json --db '$DB' --no-timestamp -o '$WORK/a.json' &&
  '$TOOL' export json --db '$WORK/copy.db' --no-timestamp -o '$WORK/b.json' &&
  cmp -s '$WORK/a.json' '$WORK/b.json' && ! grep -q '\"exported\"' '$WORK/a.json'"
check "import from standard input" sh -c "
  '$TOOL' import json --db '$WORK/stdin.db' - < '$WORK/one.json' >/dev/null"
check "import refuses a database that holds data" run 1 import json --db "$DB" "$WORK/one.json"
check "  ... and names --replace" grep -q -- "--replace" "$WORK/err"
check "import --replace replaces" run 0 import json --db "$WORK/other.db" --replace "$WORK/one.json"
check "  ... with the imported families" sh -c "
  '$TOOL' list --db '$WORK/other.db' | cmp -s - '$WORK/list'"

# while another program holds the write lock (the app saving): reading commands go on
python3 - "$DB" "$WORK/locked" <<'PY' &
import sqlite3, sys, os, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
for _ in range(200):
    if os.path.exists(sys.argv[2] + ".release"):
        break
    time.sleep(0.05)
db.execute("ROLLBACK")
PY
locker=$!
i=0
while [ ! -e "$WORK/locked" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check "export json while another program writes" \
  run 0 export json --db "$DB" --no-timestamp -o "$WORK/locked.json"
check "  ... gives the same data" sh -c "
  '$TOOL' export json --db '$WORK/copy.db' --no-timestamp -o - | cmp -s - '$WORK/locked.json'"
check "list while another program writes" run 0 list --db "$DB"
: > "$WORK/locked.release"
wait $locker

# the default place: a private folder, made private also when it was there before
mkdir -p "$WORK/xdg/helhed" && chmod 755 "$WORK/xdg/helhed"
check "demo at the default place" sh -c "XDG_DATA_HOME='$WORK/xdg' '$TOOL' demo >/dev/null"
check "  ... the folder is made private (0700)" test "$(mode_of "$WORK/xdg/helhed")" = 700
check "  ... the database is private (0600)" test "$(mode_of "$WORK/xdg/helhed/helhed.db")" = 600
mkdir -p "$WORK/mine" && chmod 755 "$WORK/mine"
check "a folder named with --db is left as it is" sh -c "
  '$TOOL' demo --db '$WORK/mine/h.db' >/dev/null && test \"\$(stat -c %a '$WORK/mine')\" = 755"

# an empty file where the database should be: refused, never made a new database
: > "$WORK/empty.db"
check "check refuses an empty file" run 1 check --db "$WORK/empty.db"
check "  ... saying it is empty" grep -q "is empty" "$WORK/err"
check "list refuses an empty file" run 1 list --db "$WORK/empty.db"
check "  ... and leaves it empty" test ! -s "$WORK/empty.db"

# bad JSON: a message with the line, the database unchanged
"$TOOL" export json --db "$DB" --no-timestamp -o "$WORK/before.json" >/dev/null 2>&1
sed '7s/"id" : 1,/"id" : 1,,/' "$WORK/one.json" > "$WORK/broken.json"
check "broken JSON is refused" run 1 import json --db "$DB" --replace "$WORK/broken.json"
check "  ... with its line number" grep -q "line 7" "$WORK/err"
"$TOOL" export json --db "$DB" --no-timestamp -o "$WORK/after.json" >/dev/null 2>&1
check "  ... and the database is unchanged" same_bytes "$WORK/before.json" "$WORK/after.json"
check "broken JSON into a new database" run 1 import json --db "$WORK/never.db" "$WORK/broken.json"
check "  ... leaves no database behind" test ! -e "$WORK/never.db"
sed '0,/"role" : "mother"/s//"role" : "mor"/' "$WORK/one.json" > "$WORK/badrole.json"
check "an unknown role is refused" run 1 import json --db "$DB" --replace "$WORK/badrole.json"
check "  ... naming the field and line" \
  grep -q "families\[[0-9]*\]\.members\[[0-9]*\]\.role (line [0-9]*)" "$WORK/err"
"$TOOL" export json --db "$DB" --no-timestamp -o "$WORK/after.json" >/dev/null 2>&1
check "  ... and the database is unchanged" same_bytes "$WORK/before.json" "$WORK/after.json"
sed 's/"version" : [0-9]*/"version" : 99/' "$WORK/one.json" > "$WORK/future.json"
check "a newer format version is refused" \
  run 1 import json --db "$WORK/never.db" "$WORK/future.json"
check "  ... saying so" grep -q "newer version" "$WORK/err"
check "error messages carry no CPR numbers" sh -c "
  sed '0,/\"cpr\" : \"[0-9-]*\"/s//\"cpr\" : \"999999-9999\"/' '$WORK/one.json' \
    > '$WORK/badcpr.json';
  '$TOOL' import json --db '$WORK/never.db' '$WORK/badcpr.json' 2>&1 | grep -q 'cpr' &&
  ! '$TOOL' import json --db '$WORK/never.db' '$WORK/badcpr.json' 2>&1 | grep -q '999999'"

# check
check "check says ok" run 0 check --db "$DB"
check "  ... on standard output" test "$(cat "$WORK/out")" = ok
head -c 20000 /dev/urandom > "$WORK/garbage.db"
check "check on a garbage file fails" run 1 check --db "$WORK/garbage.db"
check "  ... with a message" test -s "$WORK/err"
check "check on a missing file fails" run 1 check --db "$WORK/missing.db"
# the wrong file given with --db: a clear message, exit 1, the file left as it was
sqlite3 "$WORK/stranger.db" "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('kage');"
cp "$WORK/stranger.db" "$WORK/stranger-before.db"
check "list on another program's database fails" run 1 list --db "$WORK/stranger.db"
check "  ... saying it is not Helhed's" grep -q "not one of Helhed" "$WORK/err"
check "  ... and leaves it unchanged" same_bytes "$WORK/stranger.db" "$WORK/stranger-before.db"
head -c 50000 "$DB" > "$WORK/truncated.db"
check "list on a truncated database fails" run 1 list --db "$WORK/truncated.db"
check "  ... saying it is damaged" grep -q "damaged" "$WORK/err"
check "list on a folder fails" run 1 list --db "$WORK"
check "  ... with a message" grep -q "folder" "$WORK/err"

# backup
check "backup works" run 0 backup --db "$DB" -o "$WORK/backup.db"
check "the backup exists" test -f "$WORK/backup.db"
check "the backup is private (0600)" test "$(mode_of "$WORK/backup.db")" = 600
check "the backup passes check" run 0 check --db "$WORK/backup.db"
check "the backup holds the same families" sh -c "
  '$TOOL' list --db '$WORK/backup.db' | cmp -s - '$WORK/list'"
check "backup refuses to overwrite the database" run 2 backup --db "$DB" -o "$DB"
check "export refuses to overwrite the database" run 2 export json --db "$DB" -o "$DB"

# usage errors exit 2, help exits 0
check "no command" run 2
# automatic backups: backup --auto, backups, restore
AUTO=$WORK/auto.db
cp "$DB" "$AUTO"
check "backup --auto makes the first backup" run 0 backup --auto --db "$AUTO"
check "  ... in FILE.backups, private (0700)" test "$(mode_of "$AUTO.backups")" = 700
check "backup --auto makes no second one the same day" run 0 backup --auto --db "$AUTO"
check "  ... and says so" grep -q "No backup was due" "$WORK/out"
check "backups lists one" run 0 backups --db "$AUTO"
check "  ... with its file" test "$(wc -l <"$WORK/out")" -eq 1
FIRST=$(cut -f3 "$WORK/out")
check "  ... which is private (0600)" test "$(mode_of "$FIRST")" = 600
check "backup --auto with -o is a usage error" run 2 backup --auto --db "$AUTO" -o x.db
check "restore needs a backup" run 2 restore --db "$AUTO"
check "restore refuses the database itself" run 2 restore --db "$AUTO" "$AUTO"
check "restore of a missing file fails" run 1 restore --db "$AUTO" "$WORK/nothing.db"
printf 'garbage%.0s' $(seq 1 2000) >"$WORK/garbage.db"
check "restore refuses a broken backup" run 1 restore --db "$AUTO" "$WORK/garbage.db"
check "  ... and leaves the database as it was" sh -c "
  '$TOOL' list --db '$AUTO' | cmp -s - '$WORK/list'"
"$TOOL" demo --db "$WORK/seven.db" --seed 7 >/dev/null 2>&1
"$TOOL" export json --db "$WORK/seven.db" -o "$WORK/other-export.json" >/dev/null 2>&1
"$TOOL" import json --replace --db "$AUTO" "$WORK/other-export.json" >/dev/null 2>&1
check "(the database changed after the backup)" sh -c "
  ! '$TOOL' list --db '$AUTO' | cmp -s - '$WORK/list'"
check "restore puts a backup in place" run 0 restore --db "$AUTO" "$FIRST"
check "  ... with the families of the backup" sh -c "
  '$TOOL' list --db '$AUTO' | cmp -s - '$WORK/list'"
check "  ... and keeps what was there as a backup" run 0 backups --db "$AUTO"
check "  ... (now two)" test "$(wc -l <"$WORK/out")" -eq 2

# export netmap: the format from the extension
magic () { head -c "$2" "$1" | od -An -c | tr -d ' \n'; }
check "export netmap to PNG" run 0 export netmap --db "$DB" --family 1 -o "$WORK/map.png"
check "  ... is a PNG" test "$(magic "$WORK/map.png" 4)" = "211PNG"
check "export netmap to SVG" run 0 export netmap --db "$DB" --family 1 -o "$WORK/map.svg"
check "  ... is an SVG" grep -q "<svg" "$WORK/map.svg"
check "export netmap to PDF" run 0 export netmap --db "$DB" --family 1 -o "$WORK/MAP.PDF"
check "  ... is a PDF" test "$(magic "$WORK/MAP.PDF" 4)" = "%PDF"
check "  ... private (0600)" test "$(mode_of "$WORK/MAP.PDF")" = 600
MEMBER_MAP=$(sqlite3 "$DB" "SELECT family_id || ' ' || member_id FROM netmap WHERE member_id IS NOT NULL LIMIT 1" 2>/dev/null)
if [ -n "$MEMBER_MAP" ]; then
  set -- $MEMBER_MAP
  check "export a member's own map" run 0 export netmap --db "$DB" --family "$1" --member "$2" -o "$WORK/own.png"
fi
check "export netmap with a bad extension" run 2 export netmap --db "$DB" --family 1 -o "$WORK/map.jpg"
check "  ... says which extensions work" grep -q "\.png, \.svg or \.pdf" "$WORK/err"
check "  ... and writes nothing" test ! -e "$WORK/map.jpg"
check "export netmap without a family" run 2 export netmap --db "$DB" -o "$WORK/map.png"
check "export netmap of a missing family" run 1 export netmap --db "$DB" --family 999 -o "$WORK/x.png"
check "export netmap of a member without a map" run 1 \
  export netmap --db "$DB" --family 1 --member 99999 -o "$WORK/x.png"

check "meetings" run 0 meetings --db "$DB"
check "  ... lists a team meeting" grep -q "team" "$WORK/out"
MEETING=$(head -n1 "$WORK/out" | cut -f1)
check "export minutes" run 0 export minutes --db "$DB" --meeting "$MEETING" -o "$WORK/minutes.pdf"
check "  ... is a PDF" grep -q "^%PDF" "$WORK/minutes.pdf"
check "  ... is for the owner only" test "$(stat -c %a "$WORK/minutes.pdf")" = 600
if command -v pdftotext >/dev/null; then
  pdftotext "$WORK/minutes.pdf" "$WORK/minutes.txt"
  check "  ... carries no CPR number" sh -c "! grep -Eq '[0-9]{6}-[0-9]{4}' '$WORK/minutes.txt'"
fi
check "export minutes with first names" run 0 export minutes --db "$DB" --meeting "$MEETING" \
  --names first-names -o "$WORK/minutes2.pdf"
check "export minutes without a meeting" run 2 export minutes --db "$DB" -o "$WORK/x.pdf"
check "export minutes with bad --names" run 2 export minutes --db "$DB" --meeting 1 --names all \
  -o "$WORK/x.pdf"
check "export minutes of a missing meeting" run 1 export minutes --db "$DB" --meeting 99999 \
  -o "$WORK/x.pdf"

check "export chart" run 0 export chart --db "$DB" project-who5 -o "$WORK/who5.png"
check "  ... is a PNG" sh -c "head -c 4 '$WORK/who5.png' | grep -q PNG"
check "  ... is for the owner only" test "$(stat -c %a "$WORK/who5.png")" = 600
check "export chart as SVG for one team" run 0 export chart --db "$DB" project-sdq --team 1 \
  --families active -o "$WORK/sdq.svg"
check "export chart as PDF for a period" run 0 export chart --db "$DB" project-absence \
  --from 01.01.2025 --to 31.12.2026 -o "$WORK/absence.pdf"
check "  ... is a PDF" grep -q "^%PDF" "$WORK/absence.pdf"
PERSON=$(sqlite3 "$DB" "SELECT member_id FROM measurement WHERE instrument = 'who5' LIMIT 1" 2>/dev/null || echo 1)
check "export a person's chart" run 0 export chart --db "$DB" person-who5 --person "$PERSON" \
  -o "$WORK/person.png"
check "export the family overview" run 0 export chart --db "$DB" family-overview --family 1 \
  -o "$WORK/family.png"
check "export chart without a kind" run 2 export chart --db "$DB" -o "$WORK/x.png"
check "export chart of an unknown kind" run 2 export chart --db "$DB" pie -o "$WORK/x.png"
check "export a person chart without --person" run 2 export chart --db "$DB" person-sdq \
  -o "$WORK/x.png"
check "export chart to a .jpg" run 2 export chart --db "$DB" project-who5 -o "$WORK/x.jpg"
check "export chart with a bad date" run 2 export chart --db "$DB" project-who5 --from 31.02.2025 \
  -o "$WORK/x.png"
check "export chart of a missing person" run 1 export chart --db "$DB" person-who5 --person 99999 \
  -o "$WORK/x.png"
check "report" run 0 report --db "$DB" -o "$WORK/report.pdf" --csv "$WORK/report.csv"
check "  ... is a PDF" grep -q "^%PDF" "$WORK/report.pdf"
check "  ... is for the owner only" test "$(stat -c %a "$WORK/report.pdf")" = 600
check "  ... with a CSV of the tables" grep -q "<5" "$WORK/report.csv"
if command -v pdftotext >/dev/null; then
  pdftotext "$WORK/report.pdf" "$WORK/report.txt"
  check "  ... carries no CPR number" sh -c "! grep -Eq '[0-9]{6}-?[0-9]{4}' '$WORK/report.txt'"
  check "  ... names no family" sh -c "! grep -q 'Familien ' '$WORK/report.txt'"
fi
check "report for one team and a period" run 0 report --db "$DB" --team 2 --from 01.01.2025 \
  --to 30.06.2026 -o "$WORK/report2.pdf"
check "report without -o" run 2 report --db "$DB"
check "report for an unknown team" run 2 report --db "$DB" --team Nowhere -o "$WORK/x.pdf"
check "report with the period backwards" run 2 report --db "$DB" --from 01.01.2026 \
  --to 01.01.2025 -o "$WORK/x.pdf"

check "unknown command" run 2 frobnicate
check "export without a format" run 2 export
check "export with an unknown format" run 2 export yaml --db "$DB" -o x
check "unknown option" run 2 list --db "$DB" --colour
check "export without -o" run 2 export json --db "$DB"
check "import without a file" run 2 import json --db "$DB"
check "import with two files" run 2 import json --db "$DB" a.json b.json
check "a bad seed" run 2 demo --db "$WORK/seed.db" --seed minus-one
check "help" run 0 --help
check "  ... lists export json" grep -q "export json" "$WORK/out"
check "command help" run 0 import json --help
check "  ... mentions --replace" grep -q -- "--replace" "$WORK/out"

echo "1..$n"
[ "$failed" -eq 0 ]
