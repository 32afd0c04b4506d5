"""Rendering the placeholders: the one place that renders what a page shows of other posts.

Pages are filled at ``doctree-resolved`` (:func:`sphinxblog.updates.fill_placeholders`,
which fingerprints them as it does); :mod:`sphinxblog.updates` renders the
same placeholders with the same functions to decide which pages to write
again, and :mod:`sphinxblog.laterpages` to write the later pages of long
listings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinxblog import authorpages, listings, postpage
from sphinxblog.pagination import Page

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from docutils import nodes
    from sphinx.builders import Builder

    from sphinxblog.catalog import Catalog
    from sphinxblog.listings import Renderer

RENDERERS: dict[type[nodes.Element], Renderer] = {
    **listings.RENDERERS,
    **authorpages.RENDERERS,
    **postpage.RENDERERS,
}


def render(
    node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    """The nodes that replace the placeholder *node* on *page* of *fromdocname*."""
    return RENDERERS[type(node)](node, catalog, builder, fromdocname, page)


def _is_placeholder(node: nodes.Node) -> bool:
    return type(node) in RENDERERS


def placeholders_in(doctree: nodes.Node) -> list[nodes.Element]:
    """The placeholders of *doctree*, in document order."""
    return list(doctree.findall(_is_placeholder))  # type: ignore[arg-type]


def page_renderings(
    placeholders: Iterable[nodes.Element], catalog: Catalog, builder: Builder, docname: str
) -> Iterator[tuple[nodes.Element, list[nodes.Node]]]:
    """Each of page *docname*'s *placeholders* with the nodes that replace it.

    The first listing of posts on a page is paginated; the pages after its
    first are written beside it (:mod:`sphinxblog.laterpages`).
    """
    paginated = False
    for node in placeholders:
        page = Page(docname)
        if not paginated and listings.listing_posts(node, catalog) is not None:
            page, paginated = listings.first_page(node, catalog, builder, docname), True
        yield node, render(node, catalog, builder, docname, page)
