#!/usr/bin/env python3
"""check-a11y.py: the running app, seen through the AT-SPI tree as a screen reader sees it.

Usage: check-a11y.py --app BUILDDIR/src/ui/helhed --tool BUILDDIR/src/tool/helhed-tool

1. Makes a demo database with `helhed-tool demo --db FILE` in a temporary directory.
2. Starts the accessibility bus (exit 77, a meson SKIP, only when that is impossible), then
   `helhed --db FILE` with the AT-SPI bridge on.
3. Fails when a push button, toggle button or menu button that is showing has no name: a screen
   reader would say just "button".
4. Fails unless the family rows are named; chooses one through the list's selection and checks
   that the family's page shows, with every button on it named.
5. Finds the button named "New family", invokes its action, and fails unless a window or dialog for
   the new family appears.

It needs a display and a session bus; without them it re-runs itself under xvfb-run and
dbus-run-session. Run it in English (LANGUAGE=C), as the meson test does.
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings

# Atspi 2.46 marks get_action_name deprecated without a replacement in its typelib.
warnings.filterwarnings('ignore', category=DeprecationWarning)

SKIP = 77
SYSTEM_PYTHON = '/usr/bin/python3'
NEW_FAMILY_NAMES = ('new family',)


def reexec_if_needed():
    """Gets to a Python with gi + Atspi, a display and a session bus, re-running this script."""
    argv = [os.path.abspath(__file__)] + sys.argv[1:]
    try:
        import gi  # noqa: F401
        gi.require_version('Atspi', '2.0')
        from gi.repository import Atspi  # noqa: F401
    except (ImportError, ValueError) as e:
        # A pyenv or venv python3 first on PATH does not see Debian's python3-gi.
        if os.path.exists(SYSTEM_PYTHON) and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) \
                and not os.environ.get('HELHED_A11Y_REEXEC'):
            os.environ['HELHED_A11Y_REEXEC'] = '1'
            os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + argv)
        print(f'FAIL: cannot import Atspi from gi ({e}); apt-get install python3-gi gir1.2-atspi-2.0 at-spi2-core')
        sys.exit(1)

    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        if shutil.which('xvfb-run') and not os.environ.get('HELHED_A11Y_XVFB'):
            os.environ['HELHED_A11Y_XVFB'] = '1'
            os.execvp('xvfb-run', ['xvfb-run', '-a', sys.executable] + argv)
        print('FAIL: no display and no xvfb-run (apt-get install xvfb xauth)')
        sys.exit(1)

    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        if shutil.which('dbus-run-session') and not os.environ.get('HELHED_A11Y_DBUS'):
            os.environ['HELHED_A11Y_DBUS'] = '1'
            os.execvp('dbus-run-session', ['dbus-run-session', '--', sys.executable] + argv)
        print('SKIP: no session bus and no dbus-run-session, so no accessibility bus')
        sys.exit(SKIP)


reexec_if_needed()

import gi  # noqa: E402
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

BUTTON_ROLES = {Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON}
for _name in ('PUSH_BUTTON_MENU', 'MENU_BUTTON'):
    if hasattr(Atspi.Role, _name):
        BUTTON_ROLES.add(getattr(Atspi.Role, _name))
WINDOW_ROLES = {Atspi.Role.FRAME, Atspi.Role.DIALOG, Atspi.Role.WINDOW, Atspi.Role.ALERT,
                Atspi.Role.FILE_CHOOSER}


def pump(seconds=0.0):
    """Lets libatspi handle the bus's signals (new apps, new windows) for a while."""
    ctx = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while True:
        while ctx.pending():
            ctx.iteration(False)
        if time.monotonic() >= end:
            return
        time.sleep(0.05)


def start_a11y_bus(procs):
    """The at-spi bus; returns False when it cannot be started (the test then SKIPs)."""
    def bus_address():
        r = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.a11y.Bus', '--object-path',
                            '/org/a11y/bus', '--method', 'org.a11y.Bus.GetAddress'],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=15)
        return r.stdout.strip() if r.returncode == 0 else None

    launcher = next((p for p in ('/usr/libexec/at-spi-bus-launcher', '/usr/lib/at-spi2-core/at-spi-bus-launcher')
                     if os.path.exists(p)), None)
    if launcher:
        procs.append(subprocess.Popen([launcher, '--launch-immediately'],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    if not shutil.which('gdbus'):
        time.sleep(1)
        return launcher is not None
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            addr = bus_address()
        except subprocess.TimeoutExpired:
            addr = None
        if addr:
            print(f'accessibility bus: {addr}')
            return True
        time.sleep(0.3)
    return False


def safe(fn, default=None):
    try:
        return fn()
    except GLib.Error:
        return default


def describe(acc):
    role = safe(acc.get_role_name, '?')
    name = safe(acc.get_name, '') or ''
    return f'{role} "{name}"'


def walk(acc, depth=0, path=()):
    """Yields (accessible, path) for every visible node of the subtree: a node whose ancestor is
    hidden is not on screen. Guards against cycles and huge trees."""
    if acc is None or depth > 60:
        return
    if depth > 0 and not is_showing(acc):
        return
    yield acc, path
    n = safe(acc.get_child_count, 0) or 0
    for i in range(min(n, 2000)):
        child = safe(lambda: acc.get_child_at_index(i))
        if child is not None:
            yield from walk(child, depth + 1, path + (describe(acc),))


def find_app(pid, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pump(0.2)
        desktop = Atspi.get_desktop(0)
        for i in range(safe(desktop.get_child_count, 0) or 0):
            app = safe(lambda: desktop.get_child_at_index(i))
            if app is None:
                continue
            if safe(app.get_process_id) == pid:
                # Wait until the main window is in the tree, not just the application object.
                if (safe(app.get_child_count, 0) or 0) > 0:
                    return app
    return None


def is_showing(acc):
    """GTK 4.8 sets SHOWING only on windows; below them VISIBLE is what it reports, and walk()
    only descends through visible nodes, so a visible node there is on screen."""
    states = safe(acc.get_state_set)
    return states is not None and (states.contains(Atspi.StateType.SHOWING) or
                                   states.contains(Atspi.StateType.VISIBLE))


def toplevels(app):
    result = []
    for i in range(safe(app.get_child_count, 0) or 0):
        w = safe(lambda: app.get_child_at_index(i))
        if w is not None and safe(w.get_role) in WINDOW_ROLES and is_showing(w):
            result.append(w)
    return result


# GTK 4.8 names a widget without a label after its type ("GtkImage", "GtkMenuButton"): that is
# as good as no name for a person who listens to the screen.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Hel|Gdk)[A-Z][A-Za-z0-9]*$')


def spoken_name(acc):
    name = (safe(acc.get_name, '') or '').strip()
    return '' if TYPE_NAME.match(name) else name


def check_names(app):
    unnamed, notes, buttons = [], [], 0
    for acc, path in walk(app):
        if safe(acc.get_role) not in BUTTON_ROLES:
            continue
        buttons += 1
        if spoken_name(acc):
            continue
        where = ' > '.join(path[-4:])
        parent = safe(acc.get_parent)
        if parent is not None and safe(parent.get_role) == Atspi.Role.COMBO_BOX and spoken_name(parent):
            # GtkDropDown in GTK 4.8 exports its own inner toggle button without a name; the app
            # cannot reach it, and the named combo box around it is what a screen reader announces.
            notes.append(f'{describe(acc)} inside {describe(parent)} (GtkDropDown in GTK 4.8)')
            continue
        desc = (safe(acc.get_description, '') or '').strip()
        hint = f' (its description is "{desc}": make that its label)' if desc else ''
        unnamed.append(f'{describe(acc)} in {where}{hint}')
    for n in notes:
        print(f'note: unnamed button accepted: {n}')
    return buttons, unnamed


def check_family_rows(app):
    """The sidebar's families: each row a screen reader lands on says which family it is."""
    rows = [acc for acc, _ in walk(app)
            if safe(acc.get_role) in (Atspi.Role.LIST_ITEM, Atspi.Role.TABLE_ROW, Atspi.Role.TREE_ITEM)]
    named = [r for r in rows if spoken_name(r).startswith('Familien ')]
    return rows, named


def find_new_family_button(app):
    for acc, _ in walk(app):
        if safe(acc.get_role) in BUTTON_ROLES and is_showing(acc):
            name = spoken_name(acc).lower().rstrip('….').replace('_', '')
            if name in NEW_FAMILY_NAMES:
                return acc
    return None


def invoke(acc):
    action = acc  # Atspi.Accessible implements Atspi.Action
    n = safe(lambda: Atspi.Action.get_n_actions(action), 0) or 0
    if n == 0:
        return False, 'it has no AT-SPI action'
    names = [safe(lambda: Atspi.Action.get_action_name(action, i), '') for i in range(n)]
    index = next((i for i, a in enumerate(names) if a in ('click', 'press', 'activate')), 0)
    ok = safe(lambda: Atspi.Action.do_action(action, index), False)
    return bool(ok), f'action "{names[index]}"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--app', required=True)
    parser.add_argument('--tool', required=True)
    parser.add_argument('--timeout', type=float, default=30)
    args = parser.parse_args()

    for what, path in (('the app', args.app), ('helhed-tool', args.tool)):
        if not os.access(path, os.X_OK):
            print(f'FAIL: {what} is not built: {path}')
            return 1

    procs = []
    tmp = tempfile.mkdtemp(prefix='helhed-a11y-')
    try:
        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env['GTK_A11Y'] = 'atspi'
        env.setdefault('LANGUAGE', 'C')
        env.setdefault('GSK_RENDERER', 'cairo')
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        # Nothing of the person running the test is read or written.
        for var, sub in (('HOME', 'home'), ('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
                         ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')):
            env[var] = os.path.join(tmp, sub)
            os.makedirs(env[var], exist_ok=True)
        db = os.path.join(tmp, 'demo.db')

        r = subprocess.run([args.tool, 'demo', '--db', db], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=120)
        if r.returncode != 0 or not os.path.exists(db):
            print(f'FAIL: helhed-tool demo --db {db} exited with {r.returncode}:\n{r.stdout}')
            return 1

        if not start_a11y_bus(procs):
            print('SKIP: the AT-SPI bus could not be started (apt-get install at-spi2-core)')
            return SKIP
        os.environ.pop('NO_AT_BRIDGE', None)

        log_path = os.path.join(tmp, 'helhed.log')
        log = open(log_path, 'w')
        app_proc = subprocess.Popen([args.app, '--db', db], env=env, stdout=log, stderr=subprocess.STDOUT)
        procs.append(app_proc)

        app = find_app(app_proc.pid, args.timeout)
        if app is None:
            log.flush()
            state = 'exited with %d' % app_proc.returncode if app_proc.poll() is not None else 'is running'
            print(f'FAIL: helhed {state} but did not appear in the AT-SPI tree within {args.timeout:.0f} s')
            print(open(log_path).read()[-4000:])
            return 1
        print(f'found {describe(app)} (pid {app_proc.pid}) with {len(toplevels(app))} window(s)')
        pump(1.0)  # let the first page settle

        failed = False
        buttons, unnamed = check_names(app)
        print(f'{buttons} showing buttons in the main window')
        if buttons == 0:
            print('FAIL: no buttons at all in the tree: is the AT-SPI bridge working?')
            failed = True
        for u in unnamed:
            print(f'FAIL: button without a name: {u}')
        failed = failed or bool(unnamed)

        rows, named = check_family_rows(app)
        print(f'{len(rows)} list rows showing, {len(named)} named after their family')
        if len(named) < 5:
            print('FAIL: the family rows have no names a screen reader can say: ' +
                  ', '.join(describe(r) for r in rows[:5]))
            failed = True

        # A family opened as a screen-reader user would: chosen through the list's selection.
        # Its page must then show, with every button named.
        if named:
            row = named[0]
            family = spoken_name(row).split(',')[0]
            parent = safe(row.get_parent)
            index = safe(row.get_index_in_parent, -1)
            chosen = safe(lambda: Atspi.Selection.select_child(parent, index), False)
            print(f'chose {describe(row)} through the list\'s selection: {"ok" if chosen else "refused"}')
            heading = None
            deadline = time.monotonic() + 10
            while heading is None and time.monotonic() < deadline:
                pump(0.3)
                heading = next((acc for acc, _ in walk(app)
                                if safe(acc.get_role) in (Atspi.Role.LABEL, Atspi.Role.HEADING)
                                and spoken_name(acc) == family), None)
            if not chosen or heading is None:
                print(f'FAIL: the page of {family} did not show after choosing its row')
                failed = True
            else:
                buttons, unnamed = check_names(app)
                print(f'{buttons} showing buttons with {family} open')
                for u in unnamed:
                    print(f'FAIL: button without a name on the family page: {u}')
                failed = failed or bool(unnamed)
                # The page's own buttons are there by name: removing each member, ending it
                names = [spoken_name(a).replace('_', '') for a, _ in walk(app)
                         if safe(a.get_role) in BUTTON_ROLES]
                removes = [n for n in names if n.startswith('Remove ')]
                print(f'member buttons: {removes}')
                if not removes or not any(n.startswith('End Participation') for n in names):
                    print('FAIL: the family page has no named "Remove …" or "End Participation" button')
                    failed = True

        button = find_new_family_button(app)
        if button is None:
            print('FAIL: no showing button is named "New family"')
            failed = True
        else:
            before = {safe(w.get_name, '') + '/' + safe(w.get_role_name, '') for w in toplevels(app)}
            n_before = len(toplevels(app))
            ok, how = invoke(button)
            print(f'invoked {describe(button)} through {how}: {"ok" if ok else "refused"}')
            appeared = None
            deadline = time.monotonic() + 10
            while appeared is None and time.monotonic() < deadline:
                pump(0.3)
                wins = toplevels(app)
                fresh = [w for w in wins if safe(w.get_name, '') + '/' + safe(w.get_role_name, '') not in before]
                if fresh:
                    appeared = fresh[0]
                elif len(wins) > n_before:
                    appeared = wins[-1]
            if appeared is None:
                print('FAIL: no window or dialog for the new family appeared; the windows are: ' +
                      ', '.join(describe(w) for w in toplevels(app)))
                failed = True
            else:
                print(f'a new window appeared: {describe(appeared)}')
                d_buttons, d_unnamed = check_names(appeared)
                print(f'{d_buttons} showing buttons in it')
                for u in d_unnamed:
                    print(f'FAIL: button without a name: {u}')
                failed = failed or bool(d_unnamed)

        if app_proc.poll() is not None:
            print(f'FAIL: helhed exited with {app_proc.returncode} during the test')
            failed = True
        log.flush()
        tail = open(log_path).read().strip()
        if tail:
            print('--- helhed output ---\n' + tail[-4000:])
        print('a11y: ' + ('FAILED' if failed else 'ok'))
        return 1 if failed else 0
    finally:
        for p in reversed(procs):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
