"""Reading a post: other generators' markup translated before MyST parses it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinxblog.migrate.markup import may_hold_markup, translate
from sphinxblog.migrate.markup.common import Site
from sphinxblog.reading.collector import post_matcher
from sphinxblog.reading.store import front_matter_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def translate_post(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: a post's other generators' markup as MyST, each line on its number.

    The file on disk is unchanged; each construct that cannot be rendered is
    dropped with a ``blog.markup`` warning at its line.
    """
    if not post_matcher(app.config)(docname):
        return
    if app.env.doc2path(docname).suffix == ".rst" or not may_hold_markup(source[0]):
        return
    substitutions: frozenset[str] = frozenset()
    if "substitution" in getattr(app.config, "myst_enable_extensions", ()):
        substitutions = frozenset(getattr(app.config, "myst_substitutions", {}))
    site = Site(docname, frozenset(app.env.found_docs), substitutions=substitutions)
    source[0], problems = translate(source[0], site, front_matter_of(app.env, docname))
    for found in problems:
        logger.warning(
            "%s", found.message, location=(docname, found.line), type="blog", subtype="markup"
        )
