"""A page's views, and its placeholders filled with them when it is written.

Every part of a page that shows other posts is a placeholder harvested as a
:class:`~sphinxblog.reading.placeholders.Listing` record; a post has its
header and footer besides.  :func:`page_views` makes what a page shows from
those records alone (no doctree), which is what
:mod:`sphinxblog.rebuild.updates` compares between builds; and
:func:`fill_placeholders` renders the very same views into the page when
Sphinx writes it (``doctree-resolved``, the ``todolist`` pattern), once every
post is known, in serial and parallel builds alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.nodes import clean_astext

from sphinxblog.core.language import site_language
from sphinxblog.pages.pagination import Page, page_name
from sphinxblog.pages.render import feed_links, render
from sphinxblog.pages.views import Site, pages_of, view_of
from sphinxblog.reading.output import output_of
from sphinxblog.reading.placeholders import NODES, Listing, feedlinks
from sphinxblog.reading.store import blog_data

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from sphinxblog.core.catalog import Catalog
    from sphinxblog.pages.views import View
    from sphinxblog.reading.store import BlogData

_ = get_translation("sphinxblog")


def site_of(builder: Builder) -> Site:
    """The settings and output capabilities that views depend on, for this build."""
    config, output = builder.config, output_of(builder)
    return Site(
        page_size=output.page_size,
        related=config.blog_related_posts,
        sidebar_posts=config.blog_sidebar_posts,
        words_per_minute=config.blog_words_per_minute,
        term_pages=output.pages,
        feeds=output.feeds,
        tag_feeds=output.feeds and config.blog_tag_feeds,
        book=output.book,
        language=site_language(config.language),
    )


def page_listings(docname: str, data: BlogData) -> list[Listing]:
    """What page *docname* shows of other posts, in the order it is filled: its
    listings in document order, then a post's header and footer."""
    listings = [listing for listing in data.listings.get(docname, ()) if listing.kind != "toctree"]
    if data.catalog.post(docname) is not None:
        listings += [Listing("post_header", docname), Listing("post_footer", docname)]
    return listings


def first_pages(docname: str, data: BlogData, site: Site) -> list[tuple[Listing, Page]]:
    """What page *docname* shows of other posts, each on its first page: the first
    listing of posts in full is paginated, and its later pages are written beside it."""
    listings = page_listings(docname, data)
    return list(zip(listings, pages_of(listings, docname, data.catalog, site), strict=True))


def page_views(
    shown: list[tuple[Listing, Page]], catalog: Catalog, site: Site
) -> list[View | None]:
    """The views of a page's first page (:func:`first_pages`)."""
    return [view_of(listing, catalog, site, page) for listing, page in shown]


def later_pages_of(shown: list[tuple[Listing, Page]]) -> dict[str, tuple[Listing, Page]]:
    """The later pages of a page's paginated listing (:func:`first_pages`), by page name."""
    for listing, page in shown:
        if page.count > 1:
            return {
                page_name(page.docname, number): (listing, Page(page.docname, number, page.count))
                for number in range(2, page.count + 1)
            }
    return {}


def later_page_title(title: str, page: Page) -> str:
    return _("%s (page %d of %d)") % (title, page.number, page.count)


def later_page(
    builder: Builder, catalog: Catalog, site: Site, listing: Listing, page: Page
) -> nodes.section:
    """Page *page* (2 and on) of *listing*, as a section: its title is the page's
    ``<h1>``, and the archive's years its ``<h2>``."""
    title = later_page_title(clean_astext(builder.env.titles[page.docname]), page)
    section = nodes.section(ids=[f"page-{page.number}"])
    section += nodes.title(title, title)
    view = view_of(listing, catalog, site, page)
    section += render(view, builder, page_name(page.docname, page.number), site.language)
    return section


def language_around(node: nodes.Node, default: str) -> str:
    """The language of the text *node* is in: the nearest ``language-*`` class
    of it or its ancestors (a post in another language than the site's has one),
    else *default*."""
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, nodes.Element):
            name: str
            for name in current.get("classes", ()):
                if name.startswith("language-"):
                    return name.removeprefix("language-")
        current = current.parent
    return default


def _is_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, NODES)


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: every placeholder of *doctree*, rendered from its view."""
    builder, data = app.builder, blog_data(app.env)
    site = site_of(builder)
    found: list[nodes.Element] = list(doctree.findall(_is_placeholder))  # type: ignore[arg-type]
    shown = [node for node in found if not isinstance(node, feedlinks)]
    listings = [Listing.of(node) for node in shown]
    pages = pages_of(listings, docname, data.catalog, site)
    for node, listing, page in zip(shown, listings, pages, strict=True):
        view = view_of(listing, data.catalog, site, page)
        node.replace_self(render(view, builder, docname, language_around(node, site.language)))
    for node in found:
        if isinstance(node, feedlinks):
            node.replace_self(feed_links(builder, docname))
