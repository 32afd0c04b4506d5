"""Filling the placeholders: the one place that renders what a page shows of other posts.

Pages are filled at ``doctree-resolved``; :mod:`sphinxblog.updates` renders
the same placeholders with the same functions to decide which pages to
write again, and :mod:`sphinxblog.laterpages` to write the later pages of
long listings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinxblog import authorpages, listings, postpage
from sphinxblog.pagination import Page
from sphinxblog.store import catalog_of

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
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


def fill_placeholders(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    """``doctree-resolved``: every placeholder of *doctree*, rendered.

    The first listing of posts on a page is paginated; the pages after its
    first are written beside it (:mod:`sphinxblog.laterpages`).
    """
    catalog = catalog_of(app.env)
    paginated = False
    placeholders: list[nodes.Element] = list(doctree.findall(_is_placeholder))  # type: ignore[arg-type]
    for node in placeholders:
        page = Page(fromdocname)
        if not paginated and listings.listing_posts(node, catalog) is not None:
            page, paginated = listings.first_page(node, catalog, app.builder, fromdocname), True
        node.replace_self(render(node, catalog, app.builder, fromdocname, page))
