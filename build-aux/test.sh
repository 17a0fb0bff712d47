#!/usr/bin/env bash
# test.sh: install what the tests need on Debian 12, build in ./build-test with warnings as
# errors, run every test under Xvfb with a session bus; build again with AddressSanitizer and
# UndefinedBehaviorSanitizer in ./build-test-asan and run every test there too; run the core tests
# under valgrind; give each fuzz target a short run when clang is there; end with one line "N passed, N failed" for it all.
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

summary () { echo "$1 passed, $2 failed"; }

sudo=
if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "test.sh: run as root or install sudo" >&2; summary 0 1; exit 1; }
  sudo=sudo
fi

deps=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream python3 locales
  xvfb xauth dbus dbus-x11 at-spi2-core python3-gi gir1.2-atspi-2.0
  poppler-utils sqlite3 clang libclang-rt-dev valgrind
)
installed=$(dpkg-query -W -f='${Status}\n' "${deps[@]}" 2>/dev/null | grep -c 'ok installed' || true)
if [[ $installed != "${#deps[@]}" ]]; then
  { $sudo apt-get update &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${deps[@]}"; } ||
    { echo "test.sh: apt-get failed" >&2; summary 0 1; exit 1; }
fi

# The Danish locale, for the tests that check Danish dates and texts.
if ! locale -a 2>/dev/null | grep -qi '^da_DK\.utf-\?8$'; then
  $sudo sed -i 's/^# *\(da_DK.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^da_DK.UTF-8 UTF-8' /etc/locale.gen || echo 'da_DK.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
  $sudo locale-gen >/dev/null
fi

log=$(mktemp); trap 'rm -f "$log"' EXIT
total_passed=0
total_failed=0

# run_suite DIR: runs meson test in DIR under Xvfb (extra meson test options may follow) and adds
# its counts to the totals.
run_suite () {
  local dir=$1; shift
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    meson test -C "$dir" --print-errorlogs "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}

  # meson's summary: "Ok: N", "Expected Fail: N", "Fail: N", "Unexpected Pass: N", "Skipped: N",
  # "Timeout: N".
  count () { sed -n "s/^$1: *\([0-9][0-9]*\).*/\1/p" "$log" | tail -n1; }
  local ok xfail fail xpass timeout skipped passed failed
  ok=$(count 'Ok'); xfail=$(count 'Expected Fail'); fail=$(count 'Fail')
  xpass=$(count 'Unexpected Pass'); timeout=$(count 'Timeout'); skipped=$(count 'Skipped')
  if [[ -z $ok || -z $fail ]]; then
    echo "test.sh: meson test in $dir did not finish (exit $rc)"
    total_failed=$((total_failed + 1))
    return
  fi
  passed=$((ok + ${xfail:-0}))
  failed=$((fail + ${xpass:-0} + ${timeout:-0}))
  ((${skipped:-0} > 0)) && echo "test.sh: ${skipped} skipped in $dir"
  if ((failed == 0 && rc != 0)); then
    echo "test.sh: meson test in $dir exited with $rc"
    failed=1
  fi
  echo "test.sh: $dir: $passed passed, $failed failed"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

# 1. The normal build.
if [[ ! -f build-test/build.ninja ]]; then
  meson setup build-test -Dwerror=true || { summary 0 1; exit 1; }
fi
if ! meson compile -C build-test; then
  echo "test.sh: the build failed"
  summary 0 1
  exit 1
fi
run_suite build-test

# 2. The same suite with AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer.
# The slow unwinder gives whole allocation stacks, so the suppressions (library caches only,
# tests/sanitizers/lsan.supp) can name the library; GL stays off (the tests draw with Cairo), so
# Mesa's driver is never loaded. One test at a time: under ASan the widget tests' timing is
# slow enough already.
if [[ ! -f build-test-asan/build.ninja ]]; then
  meson setup build-test-asan -Dwerror=true -Db_sanitize=address,undefined ||
    { summary "$total_passed" $((total_failed + 1)); exit 1; }
fi
if meson compile -C build-test-asan; then
  ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=16 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$top/tests/sanitizers/lsan.supp \
  G_SLICE=always-malloc GDK_DEBUG=gl-disable \
    run_suite build-test-asan --timeout-multiplier 10 --num-processes 1
else
  echo "test.sh: the sanitizer build failed"
  total_failed=$((total_failed + 1))
fi

# 3. The core tests under valgrind's memcheck: no invalid reads or writes, no definite leaks
# (fontconfig's cache is suppressed, as for LeakSanitizer).
if command -v valgrind >/dev/null; then
  run_suite build-test --suite core --no-rebuild --timeout-multiplier 20 \
    --wrap="valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 --suppressions=$top/tests/sanitizers/valgrind.supp" \
    --logbase testlog-valgrind
else
  echo "test.sh: valgrind is missing: no memcheck run"
  total_failed=$((total_failed + 1))
fi

# 4. A short fuzzing run per target (clang only); what it finds fails the run, and the input
# goes into tests/fuzz/corpus/TARGET/ as a regression test once fixed.
if command -v clang >/dev/null; then
  if ./build-aux/fuzz.sh 30; then
    total_passed=$((total_passed + 1))
  else
    total_failed=$((total_failed + 1))
  fi
else
  echo "test.sh: clang is missing: no fuzzing run"
fi

summary "$total_passed" "$total_failed"
((total_failed == 0))
