"""One Sphinx build at a time of a source folder: the lock, and a command run holding it.

Two builds of one site at once share its generated tag pages, doctrees and
output pages: one of them dies renaming Sphinx's ``searchindex.js.tmp`` or
reading a page the other removed.  So every build takes its source folder's
lock before Sphinx loads the environment (:mod:`sphinxblog.reading.lockbuild`), and a
second one says that it waits and starts when the first ends.  ``make clean``
runs its ``rm`` through ``tools/locked.py``, which loads this file by its
path (standard library only: any Python runs it, before the project's own
environment exists), so that it never removes a folder under a running build::

    python tools/locked.py . rm -rf _build tags authors

The lock file is not in the project: a lock on a file that ``make clean``
(or anyone) deletes is held by nobody who comes later.  It lives in a folder
of the user's own in the temporary folder, named by a digest of the source
folder's real path; a folder there that another user could write in is not
used (they could hold every build back).
The lock belongs to an open file, so it ends with its process, even a killed
one, and never stays behind.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import stat
import sys
import tempfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def lock_file(folder: str) -> str:
    """The lock file of the builds of the source *folder*, wherever it is reached from."""
    digest = hashlib.blake2b(os.path.realpath(folder).encode("utf-8"), digest_size=8)
    locks = os.path.join(tempfile.gettempdir(), f"sphinxblog-locks-{os.getuid()}")
    return os.path.join(locks, f"{digest.hexdigest()}.lock")


def waiting_message(folder: str) -> str:
    return (
        f"Another build is running in {os.path.realpath(folder)}: waiting for it to finish "
        "(make html, livehtml, sphinx-build, …). Ctrl-C stops waiting."
    )


def _is_still(path: str, descriptor: int) -> bool:
    """Whether *path* is still the file open as *descriptor* (not removed or replaced)."""
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


def _make_own_folder(path: str) -> None:
    """Make *path*, or check that the folder there is the user's alone."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    found = os.lstat(path)
    if (
        not stat.S_ISDIR(found.st_mode)
        or found.st_uid != os.getuid()
        or found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        raise PermissionError(f"{path} is not a folder of this user's alone")


def hold_lock(folder: str, say: Callable[[str], None]) -> int:
    """An open descriptor holding the exclusive lock of the builds of *folder*.

    Waits for it, calling *say* once.  A holder removes the file as it lets go
    (:func:`let_go`), so a lock won on a file no longer there is tried again
    on the file that is.
    """
    path = lock_file(folder)
    _make_own_folder(os.path.dirname(path))
    said = False
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not said:
                    say(waiting_message(folder))
                    said = True
                fcntl.flock(descriptor, fcntl.LOCK_EX)
        except BaseException:  # Ctrl-C while waiting
            os.close(descriptor)
            raise
        if _is_still(path, descriptor):
            return descriptor
        os.close(descriptor)


def let_go(folder: str, descriptor: int) -> None:
    """End the lock held as *descriptor*, removing its file while it is still held."""
    path = lock_file(folder)
    if _is_still(path, descriptor):
        os.unlink(path)
    os.close(descriptor)


def say_on_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
