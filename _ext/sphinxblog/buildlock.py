"""Run a build while holding a lock: one Sphinx build at a time in a build folder.

Two builds at once in one folder share the doctrees and the output pages, and
one of them dies renaming Sphinx's ``searchindex.js.tmp``.  The Makefile runs
each Sphinx target through this script (standard library only, run as a file):

    python _ext/sphinxblog/buildlock.py _build/.lock sphinx-build -M html . _build

A second build says that it waits and starts when the first ends.  The lock
belongs to the open lock file, which this process hands on to the command it
becomes: the lock ends with the build, even a killed one, and never stays behind.
"""

from __future__ import annotations

import fcntl
import os
import sys


def hold_lock(path: str) -> int:
    """An open descriptor of *path* holding its exclusive lock; waits for it, saying so."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(
            f"Another build is running in {folder or '.'} (make html, livehtml, …); "
            "waiting for it to end. Ctrl-C stops waiting.",
            file=sys.stderr,
            flush=True,
        )
        fcntl.flock(descriptor, fcntl.LOCK_EX)
    return descriptor


def main(arguments: list[str]) -> int:
    if len(arguments) < 2:
        print("usage: buildlock.py LOCKFILE COMMAND [ARGUMENT ...]", file=sys.stderr)
        return 2
    path, command = arguments[0], arguments[1:]
    try:
        descriptor = hold_lock(path)
    except KeyboardInterrupt:
        return 130
    os.set_inheritable(descriptor, True)
    try:
        os.execvp(command[0], command)  # the command holds the lock until it ends
    except OSError as error:
        print(f"buildlock.py: cannot run {command[0]}: {error}", file=sys.stderr)
        return 127


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
