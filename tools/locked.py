"""Run a command holding a source folder's build lock: ``python tools/locked.py FOLDER CMD ...``.

``make clean`` runs its ``rm`` through it, so that it never removes a folder
under a running build.  The lock itself is the extension's
(``_ext/sphinxblog/core/lock.py``), loaded by its path: importing the package
would import Sphinx, and this runs with any Python, before the project's
environment exists.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

_LOCK = Path(__file__).resolve().parent.parent / "_ext" / "sphinxblog" / "core" / "lock.py"


def _load_lock():  # noqa: ANN202 - a module loaded by path
    spec = importlib.util.spec_from_file_location("blog_lock", _LOCK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(arguments: list[str]) -> int:
    if len(arguments) < 2:
        print("usage: locked.py SOURCE_FOLDER COMMAND [ARGUMENT ...]", file=sys.stderr)
        return 2
    folder, command = arguments[0], arguments[1:]
    try:
        lock = _load_lock()
        descriptor = lock.hold_lock(folder, lock.say_on_stderr)
    except KeyboardInterrupt:
        return 130
    os.set_inheritable(descriptor, True)
    try:
        os.execvp(command[0], command)  # the command holds the lock until it ends
    except OSError as error:
        print(f"locked.py: cannot run {command[0]}: {error}", file=sys.stderr)
        return 127


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
