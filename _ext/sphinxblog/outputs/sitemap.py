"""``sitemap.xml``: every page readers should find (html and dirhtml, with ``html_baseurl``).

It lists the documents, tag pages included, and the later pages of long
listings; not drafts, held future posts, the book's start page (the PDF's and
ePub's, not the web's), nor Sphinx's index and search pages, nor redirects.
It is made anew from the environment after every build, whatever that build
wrote, and the file is replaced only when its text changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from sphinxblog.core.files import replace_if_changed
from sphinxblog.outputs.feeds import uri, uri_path
from sphinxblog.outputs.sitefiles import found_pages
from sphinxblog.reading.addresses import SITEMAP
from sphinxblog.reading.output import output_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def sitemap_pages(app: Sphinx) -> list[str]:
    """The page names the sitemap lists (:func:`~sphinxblog.outputs.sitefiles.found_pages`):
    the home page first, then in order of name."""
    root = app.config.root_doc
    return sorted(found_pages(app), key=lambda name: (name != root, name))


def page_url(builder: Builder, base: str, pagename: str) -> str:
    """The page's absolute URL, percent-encoded as the feeds' addresses are."""
    return uri(base.rstrip("/") + "/" + uri_path(builder.get_target_uri(pagename)))


def sitemap_text(urls: list[str]) -> str:
    """The sitemap protocol's XML (https://www.sitemaps.org/protocol.html) for *urls*."""
    entries = "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    )


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the sitemap, or none without a base URL."""
    builder, config = app.builder, app.config
    output = output_of(builder)
    if exception is not None or not output.site:
        return
    target = Path(app.outdir, SITEMAP)
    if any(Path(app.srcdir, extra, SITEMAP).is_file() for extra in config.html_extra_path):
        return  # the site's own, which Sphinx copies
    if not output.sitemap:
        target.unlink(missing_ok=True)  # without a base URL: a clean build would have none
        return
    urls = [page_url(builder, config.html_baseurl, page) for page in sitemap_pages(app)]
    text = sitemap_text(urls)
    replace_if_changed(target, text.encode("utf-8"))
