"""The page for addresses that lead nowhere: ``404.html`` (html, dirhtml).

Hosts serve it at whatever address was asked for (``/posts/2019/old-name/``),
so its relative links would lead from there into nothing: every page named
``404`` (the blog's, or the site's own ``404`` document, which wins) gets a
``<base>`` naming where the site lives, the path of ``html_baseurl`` (Read
the Docs gives the version's, such as ``/en/latest/``), else ``/``.  Its
stylesheets, scripts and links then resolve from the site's root at any
depth.  It asks search engines not to index it and is in no sitemap.

It points the reader on: the home page, the archive and the tag index, and
the newest posts.
"""

from __future__ import annotations

import html
import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.locale import get_translation

from sphinxblog.outputs.laterpages import prepare_page
from sphinxblog.reading.addresses import NOT_FOUND
from sphinxblog.reading.config import tags_folder
from sphinxblog.reading.links import doc_uri, without_permalinks
from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import blog_data, catalog_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

_ = get_translation("sphinxblog")

#: the newest posts the page lists
RECENT_POSTS = 5


def writes_not_found_page(app: Sphinx) -> bool:
    """Whether this build writes the blog's own 404 page: a web site, the setting
    on, and no document of the site's at that name."""
    return (
        output_of(app.builder).site
        and app.config.blog_not_found_page
        and NOT_FOUND not in app.env.found_docs
        and NOT_FOUND not in app.config.html_additional_pages
    )


def site_root(baseurl: str) -> str:
    """The path the site lives at, from its base URL (``https://x.org/blog`` gives
    ``/blog/``); ``/`` without one."""
    path = urlsplit(baseurl).path if baseurl else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def base_href(baseurl: str, page_uri: str) -> str:
    """The ``<base>`` of the 404 page at *page_uri* (``404.html``, or dirhtml's
    ``404/``): the folder it is written in, under the site's root path."""
    folder = posixpath.dirname(page_uri)
    return site_root(baseurl) + (f"{folder}/" if folder else "")


def _link(builder: StandaloneHTMLBuilder, docname: str, text: str) -> nodes.list_item:
    uri = doc_uri(builder, NOT_FOUND, docname)
    reference = nodes.reference("", text, internal=True, refuri=uri)
    return nodes.list_item("", nodes.paragraph("", "", reference))


def _archive_page(app: Sphinx) -> str | None:
    """The first page (by name) holding the archive listing."""
    listings = blog_data(app.env).listings
    found = [name for name, shown in listings.items() if any(x.kind == "archive" for x in shown)]
    return min(found) if found else None


def not_found_section(app: Sphinx) -> nodes.section:
    """What the page says, as nodes for the theme's ``page.html``."""
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    section = nodes.section(ids=["page-not-found"])
    section += nodes.title("", _("Page not found"))
    section += nodes.paragraph(
        "", _("Nothing is published at this address. The page may have moved, or the "
              "address may be mistyped; the search may find what you were looking for."),
    )  # fmt: skip
    places = nodes.bullet_list()
    places += _link(builder, app.config.root_doc, _("Home page"))
    if (archive := _archive_page(app)) is not None:
        places += _link(builder, archive, _("Archive"))
    tag_index = f"{tags_folder(app.config)}/index"
    if tag_index in app.env.found_docs:
        places += _link(builder, tag_index, _("Tags"))
    section += places
    if posts := catalog_of(app.env).dated[:RECENT_POSTS]:
        section += nodes.rubric("", _("Recent posts"))
        recent = nodes.bullet_list()
        for post in posts:
            recent += _link(builder, post.docname, post.title)
        section += recent
    return section


def write_not_found_page(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: the blog's 404 page, where the site has none of its own.

    It is rendered in every build (it lists the newest posts) and written through
    the builder's ``handle_page``; where its bytes are those already there, the
    file keeps its time, so a build that changed nothing leaves the output as it was.
    """
    if not writes_not_found_page(app):
        return []
    builder: StandaloneHTMLBuilder = app.builder  # type: ignore[assignment]
    prepare_page(builder, app.config.root_doc, NOT_FOUND)
    section = not_found_section(app)
    title = section[0].astext()
    context = {
        "title": html.escape(title),
        "pagetitle": title,
        "body": without_permalinks(builder.render_partial(section)["fragment"]),
        "meta": None,
        "metatags": "",
    }
    path = Path(builder.get_outfilename(NOT_FOUND))
    before = path.read_bytes() if path.is_file() else None
    times = path.stat() if before is not None else None
    builder.handle_page(NOT_FOUND, context, "page.html")
    if times is not None and path.read_bytes() == before:
        os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))
    return []


def anchor_not_found_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: a 404 page (the blog's or the site's) resolves its links
    from the site's root, and is not indexed."""
    if pagename != NOT_FOUND or not output_of(app.builder).site:
        return
    base = base_href(app.config.html_baseurl, app.builder.get_target_uri(NOT_FOUND))
    head = f'<base href="{html.escape(base)}" />\n<meta name="robots" content="noindex" />\n'
    # first: the base applies only to the addresses after it
    context["metatags"] = head + context.get("metatags", "")
