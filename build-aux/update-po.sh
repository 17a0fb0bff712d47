#!/usr/bin/env bash
# update-po.sh: regenerate po/helhed.pot, merge po/da.po with it and fill what is missing from the
# developers' fragments in po/parts/*.po.
#
#   build-aux/update-po.sh               update po/helhed.pot and po/da.po, print what is left
#   build-aux/update-po.sh --pot-only F  only extract the template into F (used by the PO test)
#
# Developers write the Danish for their own strings as plain PO entries in po/parts/<area>.po:
#
#   msgid "New family"
#   msgstr "Ny familie"
#
# A translation already in da.po wins over a fragment; a fragment fills what da.po lacks.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

lang=da
pot=po/helhed.pot
po=po/$lang.po

for t in xgettext msgmerge msgcat msgattrib msgfmt; do
  command -v "$t" >/dev/null || { echo "update-po: $t is missing (apt-get install gettext)" >&2; exit 2; }
done

version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" meson.build | head -n1)

# The same keywords and flags as meson's i18n 'glib' preset, so `ninja helhed-pot` and this script
# agree. .ui (GtkBuilder), .desktop.in and .metainfo.xml.in are recognised by their names: xgettext
# drops the .in and uses its Desktop parser and the ITS rules shipped by GTK and AppStream.
extract_pot () {
  local out=$1 missing=0 f
  while IFS= read -r f; do
    [[ -z $f || $f == \#* ]] && continue
    if [[ ! -f $f ]]; then
      echo "update-po: $f is listed in po/POTFILES.in but does not exist" >&2
      missing=1
    fi
  done < po/POTFILES.in
  [[ $missing == 0 ]] || return 1
  xgettext \
    --files-from=po/POTFILES.in \
    --directory="$top" \
    --output="$out" \
    --package-name=helhed \
    --package-version="${version:-0}" \
    --msgid-bugs-address=https://github.com/helhed/helhed/issues \
    --from-code=UTF-8 \
    --add-comments=Translators \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format \
    --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
    --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
    --flag=g_set_error:4:c-format --flag=g_prefix_error:2:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
    --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format
  # The date in the header changes on every run; keep the template stable in git.
  sed -i '/^"POT-Creation-Date: /d' "$out"
}

if [[ ${1:-} == --pot-only ]]; then
  [[ -n ${2:-} ]] || { echo "usage: $0 --pot-only OUT.pot" >&2; exit 2; }
  extract_pot "$2"
  exit 0
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# 0. po/POTFILES.in: the data files listed there plus every file in src/ and resources/ that has
#    translatable strings (found by the same scan as the PO test).
{
  sed -n '/^#/p' po/POTFILES.in
  { grep -v '^#' po/POTFILES.in | grep -v -e '^src/' -e '^resources/' | sed '/^$/d'
    python3 tests/infra/check-po.py --list-sources "$top"; } | sort -u
} > "$tmp/POTFILES.in"
if ! cmp -s "$tmp/POTFILES.in" po/POTFILES.in; then
  { diff po/POTFILES.in "$tmp/POTFILES.in" || true; } | sed -n 's/^> /update-po: added to po\/POTFILES.in: /p; s/^< /update-po: removed from po\/POTFILES.in: /p'
  cp "$tmp/POTFILES.in" po/POTFILES.in
fi

extract_pot "$pot"
echo "update-po: $(grep -c '^msgid ' "$pot") entries in $pot (including the header)"

if [[ ! -f $po ]]; then
  cat > "$po" <<HEADER
# Danish translation of Helhed.
# Copyright (C) 2026 The Helhed authors
# This file is distributed under the same license as the helhed package.
#
msgid ""
msgstr ""
"Project-Id-Version: helhed ${version}\n"
"Report-Msgid-Bugs-To: https://github.com/helhed/helhed/issues\n"
"PO-Revision-Date: $(date +%Y-%m-%d\ %H:%M%z)\n"
"Last-Translator: Helhed-projektet\n"
"Language-Team: Danish\n"
"Language: da\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
HEADER
fi

# 1. The existing translation against the new template; keep only what is really translated.
msgmerge --quiet --force-po --previous "$po" "$pot" -o "$tmp/merged.po"
msgattrib --force-po --translated --no-fuzzy --no-obsolete "$tmp/merged.po" -o "$tmp/existing.po"

# 2. The fragments. A fragment without a header gets one, so its UTF-8 is read as UTF-8; the
#    fragment's own "# ..." comments are notes for developers and stay out of da.po.
parts=()
shopt -s nullglob
for f in po/parts/*.po; do
  part="$tmp/part-$(basename "$f")"
  : > "$part"
  if ! grep -q '^"Content-Type: text/plain; charset=' "$f"; then
    printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n\n' \
      > "$part"
  fi
  sed -e '/^#\( \|$\)/d' "$f" >> "$part"
  msgfmt --check-format -o /dev/null "$part" ||
    { echo "update-po: $f has errors (see above)" >&2; exit 1; }
  parts+=("$part")
done
shopt -u nullglob

if ((${#parts[@]})); then
  msgcat --force-po --use-first "${parts[@]}" -o "$tmp/parts-all.po"
  msgattrib --force-po --translated --no-fuzzy --no-obsolete "$tmp/parts-all.po" -o "$tmp/parts.po"
  # 3. da.po first: its translations win; the fragments fill the gaps.
  msgcat --force-po --use-first "$tmp/existing.po" "$tmp/parts.po" -o "$tmp/combined.po"
else
  cp "$tmp/existing.po" "$tmp/combined.po"
fi

# 4. Against the template once more, so only the entries the program uses remain, in its order.
#    No fuzzy matching: msgmerge's guesses ("Family" from "Family group") look translated to a
#    hurried eye; a string without a real translation stays plainly untranslated.
msgmerge --quiet --force-po --no-fuzzy-matching "$tmp/combined.po" "$pot" -o "$tmp/final.po"
msgattrib --force-po --no-obsolete "$tmp/final.po" -o "$po"

echo "update-po: $po: $(msgfmt --check --statistics -o /dev/null "$po" 2>&1)"
untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
# msgattrib prints the header too when there is anything to print.
((untranslated > 0)) && untranslated=$((untranslated - 1))
((fuzzy > 0)) && fuzzy=$((fuzzy - 1))
echo "update-po: $untranslated untranslated, $fuzzy fuzzy"
if ((untranslated + fuzzy > 0)); then
  echo "update-po: still to translate (add them to a file in po/parts/ and run this again):"
  msgattrib --no-wrap --untranslated --no-obsolete "$po" |
    grep -E '^(msgctxt|msgid|msgid_plural) ' | grep -v '^msgid ""$' | sed 's/^/  /' || true
  msgattrib --no-wrap --only-fuzzy --no-obsolete "$po" |
    grep -E '^(msgctxt|msgid|msgid_plural) ' | grep -v '^msgid ""$' | sed 's/^/  fuzzy: /' || true
fi
