#!/usr/bin/env bash
# run.sh: build Helhed on Debian 12 and start it from the build tree.
#
#   ./build-aux/run.sh [HELHED OPTIONS...]
#
# Installs the build dependencies (apt-get, through sudo when not root), builds in ./build, makes
# a demo database the first time (when there is none at the default location), and starts the app
# with the translations and settings schema of the build tree. It shows Danish when your locale is
# Danish; `LANGUAGE=da ./build-aux/run.sh` shows Danish whatever your locale.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

sudo=
if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "run.sh: run as root or install sudo" >&2; exit 1; }
  sudo=sudo
fi

deps=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream locales
)
# apt-get only when something is missing, so the second run starts at once.
installed=$(dpkg-query -W -f='${Status}\n' "${deps[@]}" 2>/dev/null | grep -c 'ok installed' || true)
if [[ $installed != "${#deps[@]}" ]]; then
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${deps[@]}"
fi

# Danish needs a Danish locale for the dates and for gettext to honour LANGUAGE=da.
if ! locale -a 2>/dev/null | grep -qi '^da_DK\.utf-\?8$'; then
  if [[ -f /etc/locale.gen ]]; then
    $sudo sed -i 's/^# *\(da_DK.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^da_DK.UTF-8 UTF-8' /etc/locale.gen || echo 'da_DK.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
    $sudo locale-gen >/dev/null
  fi
fi

if [[ ! -f build/build.ninja ]]; then
  meson setup build
fi
meson compile -C build

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
db=$data_home/helhed/helhed.db
if [[ ! -e $db ]]; then
  mkdir -p "$(dirname "$db")"
  chmod 700 "$(dirname "$db")"
  echo "run.sh: no database at $db yet; making one with demo families"
  build/src/tool/helhed-tool demo --db "$db"
fi

# gettext ignores LANGUAGE in the C locale: when Danish is asked for there, use the Danish locale.
if [[ ${LANGUAGE:-} == da* ]]; then
  case ${LC_ALL:-${LC_MESSAGES:-${LANG:-C}}} in
    C|C.*|POSIX|'') export LC_ALL=da_DK.UTF-8 ;;
  esac
fi

export HELHED_LOCALEDIR="$top/build/po"
export GSETTINGS_SCHEMA_DIR="$top/build/data"
echo "run.sh: starting Helhed with $db"
exec build/src/ui/helhed --db "$db" "$@"
