"""Builds that stopped before their end: killed, interrupted or failed.

Sphinx saves the environment before it writes a page, so a build stopped while
writing leaves output that the next build takes for up to date: listings it
was told to rewrite (the saved environment already holds their new view),
pages cut off mid-write, a search index without the pages the stopped build
wrote, later listing pages of an older listing.  So every build leaves a mark
beside the doctrees before it saves the environment and takes it away at its
very end.  A build that finds an earlier build's mark writes every page again
(without reading the sources again) and renders every later listing page
again, as a clean build would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import state_file
from sphinxblog.rebuild.updates import forget_shown

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def check_previous_build(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every page, if the last build here stopped before its end."""
    mark = state_file(app, "unfinished")
    stopped = mark.exists()
    mark.parent.mkdir(parents=True, exist_ok=True)
    mark.write_text(str(app.outdir), encoding="utf-8")
    if not stopped:
        return []
    name = output_of(app.builder).name
    logger.info("the last %s build stopped before its end: writing every page", name)
    forget_shown(app)
    return sorted(env.found_docs)


def mark_finished(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, after every other handler: the build reached its end."""
    if exception is None:
        state_file(app, "unfinished").unlink(missing_ok=True)
