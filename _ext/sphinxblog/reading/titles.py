"""A post's title is text: markup in it is shown, never run.

MyST turns a front-matter ``title`` into the page's first heading and passes
inline HTML in it through as raw HTML, so ``title: "<script>…</script>"``
would run on the post's page and break the ePub's XHTML.  Inline Markdown
(emphasis, code) stays; raw HTML becomes the text it is, with a warning.

sphinx-book-theme also writes each page's title, unescaped, into a heading
that only printing shows (``pagetitle``); every page the blog generates has a
title taken from the posts (tag names, listing pages), so that title is
escaped here for every page.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinxblog.reading.collector import post_matcher
from sphinxblog.reading.config import tags_folder
from sphinxblog.reading.store import front_matter_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


class PostTitleAsText(SphinxTransform):
    """Show raw HTML in a post's title as text."""

    # before RemoveRepeatedTitle (700) compares the title with the first heading
    default_priority = 690

    def apply(self, **kwargs: object) -> None:
        if not post_matcher(self.config)(self.env.docname):
            return
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None or not section.children or not isinstance(section[0], nodes.title):
            return
        title = section[0]
        raw = list(title.findall(nodes.raw))
        for node in raw:
            node.replace_self(nodes.Text(node.astext()))
        if raw:
            logger.warning(
                "title holds HTML markup (%s); it is shown as text",
                _short(raw[0].astext()),
                location=(self.env.docname, self._title_line(title)), type="blog", subtype="title",
            )  # fmt: skip

    def _title_line(self, title: nodes.title) -> int | None:
        """The front matter's ``title:`` line, where the title came from there."""
        front_matter = front_matter_of(self.env, self.env.docname)
        key = next((key for key in front_matter.data if key.casefold() == "title"), None)
        return front_matter.line_of(key) if key else title.line


class TagTitleAsWritten(SphinxTransform):
    """Keep a tag page's title exactly as the tag is spelled.

    Its badges, feeds and listings write the tag's name as it is; Docutils'
    smart quotes would turn a ``"`` in the page's heading into ``“``.
    """

    default_priority = 690  # before smart quotes (750)

    def apply(self, **kwargs: object) -> None:
        if not self.env.docname.startswith(f"{tags_folder(self.config)}/"):
            return
        title = next(iter(self.document.findall(nodes.title)), None)
        if title is not None:
            title["support_smartquotes"] = False


def _short(text: str, length: int = 40) -> str:
    return repr(text if len(text) <= length else text[:length] + "…")


def escape_print_title(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``, after the theme's: the print heading's title as safe HTML."""
    if "pagetitle" in context:
        context["pagetitle"] = html.escape(str(context["pagetitle"]))
