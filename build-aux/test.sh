#!/usr/bin/env bash
# test.sh: install what the tests need on Debian 12, build in ./build-test with warnings as
# errors, run every test under Xvfb with a session bus, and end with the line "N passed, N failed".
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
  poppler-utils sqlite3
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

if [[ ! -f build-test/build.ninja ]]; then
  meson setup build-test -Dwerror=true || { summary 0 1; exit 1; }
fi
if ! meson compile -C build-test; then
  echo "test.sh: the build failed"
  summary 0 1
  exit 1
fi

log=$(mktemp); trap 'rm -f "$log"' EXIT
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C build-test --print-errorlogs 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# meson's summary: "Ok: N", "Expected Fail: N", "Fail: N", "Unexpected Pass: N", "Skipped: N",
# "Timeout: N".
count () { sed -n "s/^$1: *\([0-9][0-9]*\).*/\1/p" "$log" | tail -n1; }
ok=$(count 'Ok'); xfail=$(count 'Expected Fail'); fail=$(count 'Fail')
xpass=$(count 'Unexpected Pass'); timeout=$(count 'Timeout'); skipped=$(count 'Skipped')
if [[ -z $ok || -z $fail ]]; then
  echo "test.sh: meson test did not finish (exit $rc)"
  summary 0 1
  exit 1
fi
passed=$((ok + ${xfail:-0}))
failed=$((fail + ${xpass:-0} + ${timeout:-0}))
((${skipped:-0} > 0)) && echo "test.sh: ${skipped} skipped"
if ((failed == 0 && rc != 0)); then
  echo "test.sh: meson test exited with $rc"
  failed=1
fi
summary "$passed" "$failed"
((failed == 0))
