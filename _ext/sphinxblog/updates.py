"""Which pages to write again when posts change, so that listings stay true.

Sphinx rewrites a page only when its own source changed.  After each read,
every page that shows other posts (its listings, a post's header and footer,
its links by old URL, the later pages of a long listing, the sidebar's recent
posts) is rendered by the very functions that write it
(:mod:`sphinxblog.render`), and Sphinx is asked to rewrite exactly the pages
whose rendering changed: editing a post's text rewrites that post alone;
retagging it rewrites the post, its old and new tag pages and the tag index;
a new or re-dated post also rewrites its neighbours, the listings and (when
the recent posts change) every HTML page, whose sidebar shows them.

Nothing here describes a page a second time: a fingerprint of the rendered
nodes is kept per builder and page in the store.  When nothing they depend
on changed (the same posts, listings and settings), nothing is rendered.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.nodes import clean_astext

from sphinxblog.context import recent_posts
from sphinxblog.listings import first_page, listing_posts
from sphinxblog.oldlinks import find_document
from sphinxblog.pagination import Page, page_count, page_name, page_size
from sphinxblog.placeholders import post_footer, post_header
from sphinxblog.render import render
from sphinxblog.store import BlogData, blog_data

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinxblog.catalog import Catalog

_ = get_translation("sphinxblog")

#: the keys, beside page names, of what every page shows and what it depends on
SIDEBAR = " sidebar"
_INPUTS = " inputs"
_SHELL = " shell"


def digest(value: object) -> bytes:
    """A short, stable fingerprint of *value*'s ``repr()``."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=12).digest()


def later_page(
    builder: Builder, catalog: Catalog, docname: str, node: nodes.Element, page: Page
) -> nodes.section:
    """Page *page* (2 and on) of the listing *node* of *docname*, as a section:
    its title is the page's ``<h1>``, and the archive's years its ``<h2>``."""
    title = _("%s (page %d of %d)") % (
        clean_astext(builder.env.titles[docname]), page.number, page.count
    )
    section = nodes.section(ids=[f"page-{page.number}"])
    section += nodes.title(title, title)
    section += render(node, catalog, builder, page_name(docname, page.number), page)
    return section


def later_pages_of(
    builder: Builder, catalog: Catalog, docname: str, data: BlogData
) -> dict[str, tuple[nodes.Element, Page]]:
    """The later pages of *docname*'s paginated listing, by page name."""
    size = page_size(builder)
    if not size:
        return {}
    for listing in data.listings.get(docname, ()):
        if listing.kind == "toctree":
            continue
        node = listing.node()
        posts = listing_posts(node, catalog)
        if posts is not None:
            count = page_count(posts, size)
            return {
                page_name(docname, number): (node, Page(docname, number, count))
                for number in range(2, count + 1)
            }
    return {}


def _rendered(builder: Builder, catalog: Catalog, docname: str, data: BlogData) -> str:
    """What page *docname* shows of other documents, as the page renders it."""
    placeholders = [
        listing.node() for listing in data.listings.get(docname, ()) if listing.kind != "toctree"
    ]
    if catalog.post(docname) is not None:
        placeholders += [post_header(docname=docname), post_footer(docname=docname)]
    parts, paginated = [], False
    for node in placeholders:
        page = Page(docname)
        if not paginated and listing_posts(node, catalog) is not None:
            page, paginated = first_page(node, catalog, builder, docname), True
        parts += [child.pformat() for child in render(node, catalog, builder, docname, page)]
    found = builder.env.found_docs
    for target in data.old_links.get(docname, ()):
        parts.append(repr(find_document(target, data.posts, found)))
    return "".join(parts)


def _inputs(app: Sphinx, data: BlogData) -> bytes:
    """A fingerprint of everything the renderings depend on."""
    config = app.config
    catalog = data.catalog
    settings = [config[name] for name in sorted(config.values) if name.startswith("blog_")]
    return digest((
        catalog.posts, catalog.hidden, catalog.future, sorted(data.listings.items()),
        sorted(data.old_links.items()), sorted(data.post_authors.items()),
        sorted(app.env.found_docs), settings, _shell(app.builder),
    ))  # fmt: skip


def _shell(builder: Builder) -> tuple[object, ...]:
    """What every page shows around the blog's own parts: when it changes, Sphinx
    writes every document again, and the later pages are written with them."""
    build_info = getattr(builder, "build_info", None)
    templates = getattr(builder, "templates", None)
    return (
        getattr(build_info, "config_hash", ""),
        getattr(build_info, "tags_hash", ""),
        templates.newest_template_mtime() if templates is not None else 0,
    )


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages whose rendering of other posts changed."""
    data, builder = blog_data(env), app.builder
    catalog = data.catalog
    # per builder: `make latex` and `make html` share one environment, and what
    # one builder has written says nothing about the other's pages
    before = data.shown.get(builder.name, {})
    inputs = _inputs(app, data)
    if before.get(_INPUTS) == inputs:
        data.later_to_write = set()
        return []
    shown = {_INPUTS: inputs, _SHELL: digest(_shell(builder))}
    shown[SIDEBAR] = digest(recent_posts(builder, catalog, app.config.root_doc))
    showing = data.listings.keys() | data.old_links.keys()
    showing |= {post.docname for post in (*catalog.posts, *catalog.hidden)}
    later: dict[str, str] = {}
    for docname in sorted(showing & env.found_docs):
        shown[docname] = digest(_rendered(builder, catalog, docname, data))
        for pagename, (node, page) in later_pages_of(builder, catalog, docname, data).items():
            section = later_page(builder, catalog, docname, node.deepcopy(), page)
            shown[pagename] = digest(section.pformat())
            later[pagename] = docname
    data.shown[builder.name] = shown
    data.later[builder.name] = later
    if shown[_SHELL] != before.get(_SHELL):
        data.later_to_write = set(later)
    else:
        data.later_to_write = {name for name in later if before.get(name) != shown[name]}
    if shown[SIDEBAR] != before.get(SIDEBAR) and builder.format == "html":
        return sorted(env.found_docs)
    return sorted(
        docname
        for docname in showing & env.found_docs
        if before.get(docname) != shown[docname]
    )


def forget_shown(app: Sphinx) -> None:
    """Make the next :func:`pages_to_rewrite` render and compare every page again."""
    blog_data(app.env).shown.pop(app.builder.name, None)
