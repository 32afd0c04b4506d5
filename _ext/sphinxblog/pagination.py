"""The second and later pages of long listings, written after the build (HTML only).

The first page is the document itself; the others are rendered from its
listing's placeholder into the theme's ``page.html``.  They are rendered again
only when their document was (its listing changed) or a page is missing, and
written only when their text changed, so a rebuild leaves them alone.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.nodes import clean_astext

from sphinxblog.catalog import catalog_of
from sphinxblog.listings import (
    Page,
    listing_pages_of,
    listing_posts,
    page_name,
    page_size,
    render_listing,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinxblog.catalog import Catalog

_ = get_translation("sphinxblog")


def _paginated(doctree: nodes.document, catalog: Catalog) -> nodes.Element | None:
    return next(
        (
            node
            for node in doctree.findall(nodes.Element)
            if listing_posts(node, catalog) is not None
        ),
        None,
    )


def write_pages(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: pages 2 and on of every listing longer than a page."""
    builder, env = app.builder, app.env
    size = page_size(builder)
    if exception is not None or not size:
        return
    catalog = catalog_of(env)
    outdir = Path(app.outdir)
    for docname in sorted(listing_pages_of(env)):
        if docname not in env.found_docs:
            continue
        document = Path(builder.get_outfilename(docname))
        second = Path(builder.get_outfilename(page_name(docname, 2)))
        if (
            second.exists()
            and document.exists()
            and second.stat().st_mtime >= document.stat().st_mtime
        ):
            continue  # not rewritten in this build: neither its listing nor its pages changed
        node = _paginated(env.get_doctree(docname), catalog)
        posts = listing_posts(node, catalog) if node is not None else ()
        count = -(-len(posts) // size) if posts else 1
        _remove_pages_after(outdir, builder, docname, count)
        for number in range(2, count + 1):
            pagename = page_name(docname, number)
            target = Path(builder.get_outfilename(pagename))
            if (
                target.exists()
                and document.exists()
                and target.stat().st_mtime >= document.stat().st_mtime
            ):
                continue  # its document was not rewritten: its listing did not change
            page = Page(docname, number, count)
            title = _("%s (page %d of %d)") % (clean_astext(env.titles[docname]), number, count)
            # a section, so that the title is the page's h1 and the archive's years h2
            section = nodes.section(ids=[f"page-{number}"])
            section += nodes.title(title, title)
            section += render_listing(node.deepcopy(), catalog, builder, pagename, page)
            body = builder.render_partial(section)["fragment"]
            _write_page(builder, pagename, {"title": title, "body": body}, target)


def _write_page(builder, pagename: str, context: dict, target: Path) -> None:
    """Render through the theme into a scratch file; replace *target* only if it differs."""
    with tempfile.TemporaryDirectory() as scratch:
        rendered = Path(scratch, "page.html")
        builder.handle_page(pagename, context, "page.html", outfilename=rendered)
        data = rendered.read_bytes()
    if not target.exists() or target.read_bytes() != data:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    else:
        target.touch()  # up to date with its document


def _remove_pages_after(outdir: Path, builder, docname: str, count: int) -> None:
    """Delete the pages past *count* left by a longer listing."""
    number = count + 1
    while (path := Path(builder.get_outfilename(page_name(docname, number)))).exists():
        path.unlink()
        if path.name == "index.html" and not any(path.parent.iterdir()):
            path.parent.rmdir()
        number += 1
