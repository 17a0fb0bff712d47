#!/usr/bin/env python3
"""check-flatpak.py: the Flatpak manifest keeps the sandbox tight and builds this tree.

Usage: check-flatpak.py MANIFEST APPLICATION_ID
Helhed holds sensitive data about families: it gets a display, the GPU and IPC, and nothing else.
Files come and go through the portals; there is no network, no home directory, no D-Bus names.
"""
import json
import sys

ALLOWED_FINISH_ARGS = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}
RUNTIME_VERSION = '50'


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    path, app_id = sys.argv[1], sys.argv[2]
    problems = []
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f'FAIL: {path} cannot be read as JSON: {e}')
        return 1

    def expect(cond, msg):
        if not cond:
            problems.append(msg)

    got_id = manifest.get('app-id', manifest.get('id'))
    expect(got_id == app_id, f'app-id is {got_id!r}, expected {app_id!r}')
    expect(manifest.get('runtime') == 'org.gnome.Platform',
           f'runtime is {manifest.get("runtime")!r}, expected org.gnome.Platform')
    expect(manifest.get('sdk') == 'org.gnome.Sdk', f'sdk is {manifest.get("sdk")!r}, expected org.gnome.Sdk')
    expect(str(manifest.get('runtime-version')) == RUNTIME_VERSION,
           f'runtime-version is {manifest.get("runtime-version")!r}, expected "{RUNTIME_VERSION}" (GNOME 50)')
    expect(manifest.get('command') == 'helhed', f'command is {manifest.get("command")!r}, expected helhed')

    args = manifest.get('finish-args', [])
    expect(isinstance(args, list), 'finish-args must be a list')
    args = args if isinstance(args, list) else []
    for a in args:
        if a.startswith('--filesystem'):
            problems.append(f'{a}: no file system access; files go through the portals')
        elif a.startswith('--share=network'):
            problems.append(f'{a}: Helhed does not use the network')
        elif a == '--socket=x11':
            problems.append(f'{a}: use --socket=fallback-x11 so X11 is only used without Wayland')
        elif a.startswith(('--talk-name', '--own-name', '--system-talk-name', '--system-own-name')):
            problems.append(f'{a}: no D-Bus names beyond what the portals give')
        elif a == '--device=all':
            problems.append(f'{a}: only --device=dri is needed')
        elif a not in ALLOWED_FINISH_ARGS:
            problems.append(f'{a}: not in the allowed set {sorted(ALLOWED_FINISH_ARGS)}')
    if len(args) != len(set(args)):
        problems.append('finish-args has duplicates')
    for a in sorted(ALLOWED_FINISH_ARGS - set(args)):
        problems.append(f'finish-args lacks {a}')

    modules = manifest.get('modules', [])
    main_module = next((m for m in modules if isinstance(m, dict) and m.get('name') == 'helhed'), None)
    if main_module is None:
        problems.append('there is no module named helhed')
    else:
        expect(main_module is modules[-1], 'the helhed module must be the last module')
        expect(main_module.get('buildsystem') == 'meson',
               f'module helhed builds with {main_module.get("buildsystem")!r}, expected meson')
        sources = main_module.get('sources', [])
        expect(any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '..' for s in sources),
               'module helhed must build this tree: sources [{"type": "dir", "path": ".."}]')

    for p in problems:
        print('FAIL: ' + p)
    if not problems:
        print(f'{path}: {got_id}, GNOME {manifest["runtime-version"]}, finish-args {" ".join(args)}: ok')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
