"""Where the blog's outputs are, for the pages that link them: the feeds' paths,
and the document a book starts at.

Pages (listings, tag and author pages, the head of every page) link the
feeds that :mod:`sphinxblog.outputs.feeds` writes, and the home page of an ePub is
its book's start (:mod:`sphinxblog.book.extension`); all take them from here.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from sphinxblog.reading.config import tags_folder

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


SITE_FEEDS = {"atom": "atom.xml", "rss": "rss.xml", "json": "feed.json"}
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
#: the page hosts serve for an address with nothing there (Read the Docs, GitHub
#: Pages, Netlify look for ``404.html``, Read the Docs for ``404/index.html`` too)
NOT_FOUND = "404"
MEDIA_TYPES = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}


def tag_feed_path(config: Config, slug: str) -> str:
    return f"{tags_folder(config)}/{slug}.xml"


#: where the generated author pages go, inside the source folder
AUTHORS_FOLDER = "authors"


def author_feed_path(slug: str) -> str:
    return f"{AUTHORS_FOLDER}/{slug}.xml"


#: where the generated series pages go, inside the source folder
SERIES_FOLDER = "series"


def series_feed_path(slug: str) -> str:
    return f"{SERIES_FOLDER}/{slug}.xml"


#: where the social cards of posts without a cover go, in the output folder
CARDS_FOLDER = "_social"


def language_feed_path(language: str) -> str:
    """The feed of a language (BCP 47), on a site with posts in several."""
    return f"atom.{language}.xml"


#: the feeds :func:`language_feed_path` names
LANGUAGE_FEED = re.compile(r"^atom\.[A-Za-z0-9-]+\.xml$")


def relative_path(builder: Builder, fromdocname: str, path: str) -> str:
    """*path* (from the output root) as a link from the page *fromdocname*."""
    return posixpath.relpath(path, posixpath.dirname(builder.get_target_uri(fromdocname)) or ".")


def book_start(config: Config, env: BuildEnvironment) -> str:
    """The book's start document: the first LaTeX document's, else the root document."""
    documents = config.latex_documents
    if documents and documents[0][0] in env.found_docs:
        start: str = documents[0][0]
        return start
    root: str = config.root_doc
    return root
