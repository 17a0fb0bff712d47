#!/usr/bin/env python3
"""check-po.py: the Danish translation is complete and po/POTFILES.in lists every source file
with translatable strings.

Usage: check-po.py SOURCE_ROOT
       check-po.py --list-sources SOURCE_ROOT   (the files in src/ and resources/ with strings)
Extracts a fresh template with build-aux/update-po.sh --pot-only (the same xgettext call the
developers use), merges po/da.po against it in a temporary directory, and fails with the list of
missing or fuzzy msgids, so a developer knows what to put in po/parts/.
"""
import os
import re
import subprocess
import sys
import tempfile

MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\(|(?<![A-Za-z0-9_])ngettext\s*\(|'
                     r'translatable\s*=\s*"(?:yes|true|1)"')
SCANNED_SUFFIXES = ('.c', '.h', '.ui', '.xml', '.in', '.blp')


def potfiles(root):
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def files_with_strings(root):
    found = []
    for top in ('src', 'resources'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SCANNED_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    with open(path, encoding='utf-8') as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue
                # A comment that merely mentions _() is no string.
                if name.endswith(('.c', '.h')):
                    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
                    text = re.sub(r'//[^\n]*', '', text)
                if MARKERS.search(text):
                    found.append(os.path.relpath(path, root))
    return found


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def entries(po_text):
    """Yields (flags, msgctxt, msgid) for each entry of a PO file written with --no-wrap."""
    for block in po_text.split('\n\n'):
        flags, ctxt, msgid = '', None, None
        for line in block.splitlines():
            if line.startswith('#,'):
                flags = line
            elif line.startswith('msgctxt '):
                ctxt = line[len('msgctxt '):]
            elif line.startswith('msgid '):
                msgid = line[len('msgid '):]
        if msgid is not None and msgid != '""':
            yield flags, ctxt, msgid


def main():
    args = sys.argv[1:]
    list_only = '--list-sources' in args
    args = [a for a in args if a != '--list-sources']
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), '..', '..'))
    if list_only:
        # Used by build-aux/update-po.sh to keep po/POTFILES.in in step with the sources.
        print('\n'.join(files_with_strings(root)))
        return 0
    failed = False

    listed = set(potfiles(root))
    for path in sorted(listed):
        if not os.path.isfile(os.path.join(root, path)):
            print(f'FAIL: po/POTFILES.in lists {path}, which does not exist')
            failed = True
    for path in files_with_strings(root):
        if path not in listed:
            print(f'FAIL: {path} has translatable strings but is not listed in po/POTFILES.in')
            failed = True
    if failed:
        print('Add the files to po/POTFILES.in (and remove what no longer exists), then run '
              'build-aux/update-po.sh.')
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'helhed.pot')
        r = run([os.path.join(root, 'build-aux', 'update-po.sh'), '--pot-only', pot])
        if r.returncode != 0:
            print('FAIL: xgettext could not extract the strings:\n' + r.stdout)
            return 1
        merged = os.path.join(tmp, 'da.po')
        r = run(['msgmerge', '--quiet', '--no-wrap', '--force-po', '--no-fuzzy-matching',
                 os.path.join(root, 'po', 'da.po'), pot, '-o', merged])
        if r.returncode != 0:
            print('FAIL: msgmerge failed:\n' + r.stdout)
            return 1

        # The file as it is must compile with consistent format strings ...
        r = run(['msgfmt', '--check', '--statistics', '-o', os.devnull,
                 os.path.join(root, 'po', 'da.po')])
        print('po/da.po: ' + r.stdout.strip())
        if r.returncode != 0:
            print('FAIL: msgfmt --check po/da.po')
            failed = True

        # ... and, merged with what the sources contain today, be complete.
        r = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, merged])
        stats = r.stdout.strip()
        print('po/da.po merged with the current sources: ' + stats)
        if r.returncode != 0:
            print('FAIL: msgfmt --check on the merged da.po')
            failed = True

        missing, fuzzy = [], []
        for option, bucket in (('--untranslated', missing), ('--only-fuzzy', fuzzy)):
            r = run(['msgattrib', '--no-wrap', '--no-obsolete', option, merged])
            for fl, ctxt, msgid in entries(r.stdout):
                bucket.append((ctxt + ' | ' if ctxt else '') + msgid)
        if missing:
            failed = True
            print(f'FAIL: {len(missing)} untranslated messages; add them to a file in po/parts/ and '
                  'run build-aux/update-po.sh:')
            for m in missing:
                print('  msgid ' + m)
        if fuzzy:
            failed = True
            print(f'FAIL: {len(fuzzy)} fuzzy messages; check the translation and remove the fuzzy flag:')
            for m in fuzzy:
                print('  msgid ' + m)
        if not missing and not fuzzy and ('untranslated' in stats or 'fuzzy' in stats):
            failed = True
            print('FAIL: msgfmt reports untranslated or fuzzy messages')

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
