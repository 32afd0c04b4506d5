"""Pages of long listings (HTML only; a book keeps one complete list).

A listing longer than ``blog_page_size`` posts shows its first page on its
own document, with a pager; the later pages are written beside it
(:mod:`sphinxblog.outputs.laterpages`): ``tags/python/page/2``, ``page/2``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation

from sphinxblog.reading.links import NO_SEARCH

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from sphinxblog.core.posts import Post

_ = get_translation("sphinxblog")


@dataclass(frozen=True)
class Page:
    """Page *number* of *count* of the listing on document *docname*."""

    docname: str
    number: int = 1
    count: int = 1


def page_name(docname: str, number: int) -> str:
    """Where page *number* of a listing goes: ``tags/python/page/2``, ``page/2``."""
    if number == 1:
        return docname
    base = (
        docname.removesuffix("index") if posixpath.basename(docname) == "index" else docname + "/"
    )
    return f"{base}page/{number}"


def pager(builder: Builder, fromdocname: str, page: Page) -> nodes.paragraph:
    """Links to the newer and older pages of a listing."""
    paragraph = nodes.paragraph(classes=["blog-pager", NO_SEARCH])
    if page.number > 1:
        target = page_name(page.docname, page.number - 1)
        uri = builder.get_relative_uri(fromdocname, target)
        paragraph += nodes.reference(
            "", "← " + _("Newer posts"), refuri=uri, classes=["blog-newer"]
        )
    text = _("Page %d of %d") % (page.number, page.count)
    paragraph += nodes.inline(text, text, classes=["blog-page-number"])
    if page.number < page.count:
        target = page_name(page.docname, page.number + 1)
        uri = builder.get_relative_uri(fromdocname, target)
        paragraph += nodes.reference(
            "", _("Older posts") + " →", refuri=uri, classes=["blog-older"]
        )
    return paragraph


def page_count(posts: tuple[Post, ...], size: int) -> int:
    """How many pages of *size* posts a listing of *posts* takes (one if it is empty)."""
    return -(-len(posts) // size) if size and posts else 1
