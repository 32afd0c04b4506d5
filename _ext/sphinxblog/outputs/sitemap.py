"""``sitemap.xml``: every page readers should find (html and dirhtml, with ``html_baseurl``),
and ``robots.txt``, which names it.

It lists the documents, tag pages included, and the later pages of long
listings; not drafts, held future posts, expired posts, the book's start page
(the PDF's and ePub's, not the web's), nor Sphinx's index and search pages,
nor redirects.  A post's entry has its ``<lastmod>``: the day it was updated,
else its date; a post with versions in other languages names each of them, as
Google reads it.  Both files are made anew from the environment after every
build, whatever that build wrote, and replaced only when their text changes;
a site's own (in ``html_extra_path``) wins.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from sphinxblog.core.files import replace_if_changed
from sphinxblog.outputs.feeds import site_address
from sphinxblog.outputs.sitefiles import found_pages
from sphinxblog.reading.addresses import ROBOTS, SITEMAP
from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import catalog_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from sphinxblog.core.catalog import Catalog
    from sphinxblog.core.posts import Post


def sitemap_pages(app: Sphinx) -> list[str]:
    """The page names the sitemap lists (:func:`~sphinxblog.outputs.sitefiles.found_pages`):
    the home page first, then in order of name."""
    root = app.config.root_doc
    return sorted(found_pages(app), key=lambda name: (name != root, name))


def page_url(builder: Builder, base: str, pagename: str) -> str:
    """The page's absolute URL, percent-encoded as the feeds' addresses are."""
    return site_address(base, builder.get_target_uri(pagename))


def last_modified(post: Post | None) -> str | None:
    """A post's ``<lastmod>`` in W3C's date-time form: the day or moment it was updated,
    else its date; none for another page, or a time written without an offset."""
    when = None if post is None else post.updated or post.date
    if isinstance(when, dt.datetime):
        return when.isoformat(timespec="seconds") if when.tzinfo else when.date().isoformat()
    return when.isoformat() if when is not None else None


def alternates(catalog: Catalog, pagename: str) -> list[tuple[str, str]]:
    """The versions of a post's story in other languages, for search engines: each
    (``hreflang``, page name), the post's own among them, and ``x-default``, the
    version listings show; none for a post without other versions."""
    post = catalog.post(pagename)
    versions = catalog.versions(post) if post is not None else ()
    if len(versions) < 2:
        return []
    found = [(version.language or catalog.language, version.docname) for version in versions]
    return [*found, ("x-default", catalog.listed(versions[0]).docname)]


#: an entry of the sitemap: its URL, when it last changed, and its versions in other
#: languages (``hreflang``, URL)
SitemapEntry = tuple[str, str | None, list[tuple[str, str]]]


def sitemap_text(entries: list[SitemapEntry]) -> str:
    """The sitemap protocol's XML (https://www.sitemaps.org/protocol.html) for *entries*:
    each page's URL, when it last changed where known, and its versions in other
    languages as Google reads them (``xhtml:link``)."""
    entries_text = "".join(
        f"  <url><loc>{escape(url)}</loc>"
        + (f"<lastmod>{changed}</lastmod>" if changed else "")
        + "".join(
            f'<xhtml:link rel="alternate" hreflang="{escape(language)}" href="{escape(other)}"/>'
            for language, other in versions
        )
        + "</url>\n"
        for url, changed, versions in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        f"{entries_text}</urlset>\n"
    )


def _file_to_write(app: Sphinx, exception: Exception | None, name: str) -> Path | None:
    """Where the build writes the site file *name*: ``None`` where it writes none (no
    web build, or the site's own file in ``html_extra_path``, which Sphinx copies);
    without a base URL, an earlier build's is removed, as a clean build would have none."""
    output = output_of(app.builder)
    if exception is not None or not output.site:
        return None
    if any(Path(app.srcdir, extra, name).is_file() for extra in app.config.html_extra_path):
        return None
    target = Path(app.outdir, name)
    if not output.sitemap:
        target.unlink(missing_ok=True)
        return None
    return target


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the sitemap, or none without a base URL."""
    target = _file_to_write(app, exception, SITEMAP)
    if target is None:
        return
    catalog = catalog_of(app.env)
    base = app.config.html_baseurl

    def url(page: str) -> str:
        return page_url(app.builder, base, page)

    entries = [
        (
            url(page), last_modified(catalog.post(page)),
            [(language, url(other)) for language, other in alternates(catalog, page)],
        )
        for page in sitemap_pages(app)
    ]  # fmt: skip
    replace_if_changed(target, sitemap_text(entries).encode("utf-8"))


def robots_text(sitemap_url: str) -> str:
    """``robots.txt`` letting every crawler in, and naming the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n"


def write_robots(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: ``robots.txt`` naming the sitemap, where there is one."""
    target = _file_to_write(app, exception, ROBOTS)
    if target is not None:
        sitemap_url = site_address(app.config.html_baseurl, SITEMAP)
        replace_if_changed(target, robots_text(sitemap_url).encode("utf-8"))
