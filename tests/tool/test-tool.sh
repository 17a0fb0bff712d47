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
