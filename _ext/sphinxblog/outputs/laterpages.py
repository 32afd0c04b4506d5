"""The second and later pages of long listings (HTML only), written at ``html-collect-pages``.

The first page is the document itself; the others are rendered from their
listing's view into the theme's ``page.html`` after the documents, when
Sphinx has prepared writing.  Which of them to write is decided with the
documents (:func:`sphinxblog.rebuild.updates.pages_to_rewrite`), from a
digest of each page's view: a retagged post rewrites the later pages of its
tags from its own position on, a rebuild that changed nothing writes none,
and a page missing from the output is always written.  The later pages of
a listing whose own page Sphinx writes in this build are all written.  A
build stopped before its end makes the next one write them all
(:mod:`sphinxblog.rebuild.interrupted`).
"""

from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util.docutils import new_document
from sphinx.util.osutil import relative_uri
from sphinx.util.parallel import ParallelTasks, make_chunks

from sphinxblog.pages.fill import first_pages, later_page, later_pages_of, site_of
from sphinxblog.pages.pagination import page_name
from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import blog_data

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from sphinxblog.pages.pagination import Page
    from sphinxblog.reading.placeholders import Listing


def later_pages(app: Sphinx) -> set[str]:
    """The page names of the later pages of this build's listings."""
    if not output_of(app.builder).page_size:
        return set()
    return set(blog_data(app.env).shown.later)


def write_pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: the later pages that changed or are missing.

    They are written here, through the builder's own ``handle_page``, rather
    than handed back to Sphinx, so that their ``html-page-context`` handlers
    get the page's doctree (for its description and social-card tags).
    """
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    if not output_of(builder).page_size:
        return []
    data, site = blog_data(app.env), site_of(builder)
    to_write: list[tuple[str, Listing, Page]] = []
    for docname in sorted(set(data.shown.later.values()) | data.listings.keys()):
        found = docname in app.env.found_docs
        later = later_pages_of(first_pages(docname, data, site)) if found else {}
        _remove_pages_after(builder, docname, len(later) + 1)
        to_write += [
            (pagename, listing, page)
            for pagename, (listing, page) in later.items()
            if pagename in data.later_to_write
            or not Path(builder.get_outfilename(pagename)).exists()
        ]
    if builder.parallel_ok and len(to_write) > 1:
        # as Sphinx writes documents with -j: the pages are independent files
        tasks = ParallelTasks(app.parallel)
        for chunk in make_chunks(to_write, app.parallel):  # type: ignore[arg-type]
            tasks.add_task(functools.partial(_write_pages, app), chunk)
        tasks.join()
    else:
        _write_pages(app, to_write)
    return []


def _write_pages(app: Sphinx, pages: list[tuple[str, Listing, Page]]) -> None:
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    data, site = blog_data(app.env), site_of(builder)
    settings: dict[str, Any] = {}  # each listing's document read once, not once a page
    for pagename, listing, page in pages:
        docname = page.docname
        if docname not in settings:
            settings[docname] = app.env.get_doctree(docname).settings
        section = later_page(builder, data.catalog, site, listing, page)
        prepare_page(builder, docname, pagename)
        document = new_document(pagename, settings[docname])
        document += section
        title = section[0].astext()
        context = {
            "title": html.escape(title),  # HTML, as Sphinx gives every page's title
            "pagetitle": title,  # text, as sphinx-book-theme gives it
            "body": builder.render_partial(section)["fragment"],
            "meta": None,
            "metatags": "",
        }
        builder.handle_page(pagename, context, "page.html", event_arg=document)


def prepare_page(builder: StandaloneHTMLBuilder, docname: str, pagename: str) -> None:
    """What Sphinx sets before it renders each document (``write_doc``), for this page.

    Sphinx sets none of it in a build that writes no document, and otherwise
    leaves the last document's, whose figure numbers and image paths are not ours.
    """
    uri = builder.get_target_uri(pagename)
    builder.secnumbers = builder.env.toc_secnumbers.get(docname, {})
    builder.fignumbers = builder.env.toc_fignumbers.get(docname, {})
    builder.imgpath = relative_uri(uri, builder.imagedir)
    builder.dlpath = relative_uri(uri, "_downloads")
    builder.current_docname = docname


def _remove_pages_after(builder: StandaloneHTMLBuilder, docname: str, count: int) -> None:
    """Delete the pages past *count* left by a longer listing."""
    number = count + 1
    while (path := Path(builder.get_outfilename(page_name(docname, number)))).exists():
        path.unlink()
        if path.name == "index.html" and not any(path.parent.iterdir()):
            path.parent.rmdir()
        number += 1
