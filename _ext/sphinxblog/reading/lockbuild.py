"""Every build holds its source folder's lock, however it was started.

``make``, ``sphinx-build``, ``sphinx-autobuild`` and Read the Docs all start
Sphinx differently, and two builds of one site at once share its generated
tag pages, doctrees and output (:mod:`sphinxblog.core.lock`).  So the
extension takes the lock itself, before Sphinx loads the saved environment,
and lets it go at the very end of the build.  A second build says once on
stderr that it waits (even with ``-q``: it is not a warning, and ``-W`` does
not fail on it), then runs when the first has ended.  Where no lock can be
taken (no temporary folder to write in), the build says so and goes on.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinxblog.core.lock import hold_lock, let_go, say_on_stderr

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: the lock this process holds, by source folder, as the call that lets it go.
#: A lock is a property of the process: an application that never reached its
#: build's end (created and not built, or stopped by an error in its
#: configuration) must not keep a later application of the same process
#: (sphinx.testing, a server) waiting on itself.
_HELD: dict[str, weakref.finalize[[str, int], Sphinx]] = {}


def take_lock(app: Sphinx, config: Config) -> None:
    """``config-inited``, first: wait for any other build of this source folder."""
    folder = str(app.srcdir)
    if folder in _HELD:
        _HELD.pop(folder)()
    try:
        descriptor = hold_lock(folder, say_on_stderr)
    except OSError as error:
        logger.info(
            "cannot take the lock of the builds of %s (%s): building without it",
            folder, error.strerror or error,
        )  # fmt: skip
        return
    # lets go once: at the build's end, or when an application dropped before is collected
    _HELD[folder] = weakref.finalize(app, let_go, folder, descriptor)


def release_lock(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, after every other handler: the next build may start."""
    folder = str(app.srcdir)
    if folder in _HELD:
        _HELD.pop(folder)()
