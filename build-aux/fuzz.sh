#!/usr/bin/env bash
# fuzz.sh: builds the libFuzzer targets with clang in ./build-fuzz and gives each SECONDS of
# fuzzing (default 30), starting from its corpus in tests/fuzz/corpus/. Exits 1 when a target
# crashed; the input is kept in build-fuzz/crashes/TARGET/ (add it to the corpus once fixed).
#
#   ./build-aux/fuzz.sh [SECONDS]
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
seconds=${1:-30}
build=${FUZZ_BUILDDIR:-build-fuzz}
targets=(fuzz-cpr fuzz-date fuzz-json-import fuzz-netmap-json fuzz-plan-json)

command -v clang >/dev/null || { echo "fuzz.sh: clang is missing (apt-get install clang)" >&2; exit 2; }
# Warnings are errors here too: the core and the fuzz targets build warning-free with clang.
if [[ ! -f $build/build.ninja ]]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dwerror=true >/dev/null ||
    { echo "fuzz.sh: setup failed"; exit 1; }
else
  meson configure "$build" -Dwerror=true >/dev/null || { echo "fuzz.sh: configure failed"; exit 1; }
fi
ninja -C "$build" "${targets[@]/#/tests/fuzz/}" >/dev/null || { echo "fuzz.sh: build failed"; exit 1; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failed=0
for t in "${targets[@]}"; do
  mkdir -p "$work/$t" "$build/crashes/$t"
  # New inputs go to a scratch folder: the corpus in the tree only grows by hand.
  if "$build/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$top/$build/crashes/$t/" "$work/$t" "tests/fuzz/corpus/$t" \
       >"$work/$t.log" 2>&1; then
    echo "fuzz.sh: $t: $(grep -o 'Done [0-9]* runs' "$work/$t.log" | tail -n1), no crash"
  else
    echo "fuzz.sh: $t CRASHED; the input is in $build/crashes/$t/"
    grep -E 'ERROR|SUMMARY|assertion' "$work/$t.log" | head -n 20
    failed=1
  fi
done
exit "$failed"
