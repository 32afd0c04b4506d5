"""The summary of a blog moving in, printed when the build ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinxblog.core.moved import MovedIn, summary
from sphinxblog.migrate.oldlinks import leads_nowhere
from sphinxblog.reading.store import blog_data

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def report_moving_in(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: what moving the posts in did, where any came from another
    generator: headers by kind, markup translated and left, links leading nowhere."""
    if exception is not None:
        return
    data = blog_data(app.env)
    records = [data.moved.get(docname, MovedIn()) for docname in data.posts]
    unresolved = sum(
        leads_nowhere(target, data.posts, app.env.found_docs, app.config.blog_old_site_url)
        for targets in data.old_links.values()
        for target in targets
    )
    lines = summary(records, unresolved)
    if lines:
        logger.info("moving in: " + lines[0])
        for line in lines[1:]:
            logger.info("  " + line)
