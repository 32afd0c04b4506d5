"""Every file a web build writes into its output folder: one list, for every use.

A redirect page (:mod:`sphinxblog.outputs.redirects`) must never take the place of a
page, a feed or a file of Sphinx's, nor need one of them as a folder, nor lie
inside a folder Sphinx fills (``_static``); whichever is written last would
win, or the build would stop on ``FileExistsError``.  A file of the blog's
kinds (:func:`of_blog_kind`) that is not on the list is one no build wants any
more (:mod:`sphinxblog.rebuild.stale` removes it).  The sitemap
(:mod:`sphinxblog.outputs.sitemap`) lists the pages of the list that readers
find (:func:`found_pages`); the search index
(:mod:`sphinxblog.outputs.searchindex`) holds them, without the later pages,
which have no words of their own.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinxblog.outputs.feeds import author_feeds, language_feeds, series_feeds, tag_feeds
from sphinxblog.outputs.laterpages import later_pages
from sphinxblog.outputs.notfound import writes_not_found_page
from sphinxblog.outputs.socialcards import social_cards
from sphinxblog.reading.addresses import (
    AUTHORS_FOLDER,
    CARDS_FOLDER,
    LANGUAGE_FEED,
    NOT_FOUND,
    ROBOTS,
    SERIES_FOLDER,
    SITE_FEEDS,
    SITEMAP,
    book_start,
)  # fmt: skip
from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import catalog_of
from sphinxblog.reading.termpages import tag_folders

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment

_FEED_NAMES = {
    "atom": "the site's Atom feed",
    "rss": "the site's RSS feed",
    "json": "the site's JSON feed",
}
#: Sphinx's own files in the output folder of its HTML builders
_SPHINX_FILES = {
    "objects.inv": "the inventory Sphinx writes",
    ".buildinfo": "the build information Sphinx writes",
}
#: folders whose every file Sphinx (or another extension) writes
_SPHINX_FOLDERS = ("_static", "_sources", "_downloads")


class SiteOutputs:
    """The files of one build's output folder, by path from it (with ``/``), and
    what each is; paths are compared without regard to case, as on macOS and
    Windows, where ``Archive.html`` would overwrite ``archive.html``."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[str, str]] = {}
        self._folders: dict[str, str] = {}
        self._owned: dict[str, str] = {}

    def add(self, path: str, what: str) -> None:
        self._files[path.casefold()] = (path, what)
        folder = posixpath.dirname(path)
        while folder and folder.casefold() not in self._folders:
            self._folders[folder.casefold()] = folder
            folder = posixpath.dirname(folder)

    def holds(self, path: str) -> bool:
        """Whether *path*, spelled as it is, is a file of the site."""
        return self._files.get(path.casefold(), ("",))[0] == path

    def add_folder(self, folder: str) -> None:
        """*folder*, all of whose files others write."""
        self._owned[folder.casefold()] = folder

    def clash(self, path: str) -> str | None:
        """Why a new file at *path* would break the site, or ``None`` if it would not."""
        key = path.casefold()
        if key in self._files:
            written, what = self._files[key]
            return what if written == path else f"{what} ({written}) on a case-insensitive disk"
        if key in self._folders:
            return f"a folder of the site ({self._folders[key]})"
        folder = posixpath.dirname(key)
        while folder:
            if folder in self._files:
                written, what = self._files[folder]
                return f"inside {written}, {what}, which is a file"
            if folder in self._owned:
                return f"inside {self._owned[folder]}, a folder Sphinx writes"
            folder = posixpath.dirname(folder)
        return None


def hidden_pages(env: BuildEnvironment) -> set[str]:
    """Drafts and held future posts: written, but in no listing, feed or index."""
    return {post.docname for post in catalog_of(env).hidden}


def site_pages(app: Sphinx) -> dict[str, str]:
    """The pages the build writes of its own, by page name, and what each is: the
    documents and the later pages of long listings (not Sphinx's index and search)."""
    pages = dict.fromkeys(app.env.found_docs, "a page of the site")
    pages.update(dict.fromkeys(later_pages(app), "a later page of a listing"))
    return pages


def found_pages(app: Sphinx) -> set[str]:
    """The pages of the site that readers should find (the sitemap's): those of
    :func:`site_pages` but the hidden ones, the book's start page (the PDF's
    and ePub's, not the web's) and a 404 page of the site's own."""
    env, config = app.env, app.config
    left_out = hidden_pages(env) | {NOT_FOUND}
    start = book_start(config, env)
    if start != config.root_doc:
        left_out.add(start)
    return site_pages(app).keys() - left_out


def blog_files(app: Sphinx) -> dict[str, str]:
    """The files besides pages that the blog alone writes into a web build's
    output folder, by path from it, and what each is: the site's feeds, the
    feed of each tag, series and author, the sitemap and robots.txt."""
    output = output_of(app.builder)
    files = {}
    if output.feeds:
        for kind in app.config.blog_feeds:
            files[SITE_FEEDS[kind]] = _FEED_NAMES[kind]
        for path, tag in tag_feeds(app).items():
            files[path] = f"the feed of the tag {tag.name!r}"
        for path, name in author_feeds(app).items():
            files[path] = f"the feed of the author {name!r}"
        for path, name in series_feeds(app).items():
            files[path] = f"the feed of the series {name!r}"
        for path, language in language_feeds(app).items():
            files[path] = f"the feed of the posts in {language!r}"
    for docname, path in social_cards(app).items():
        files[path] = f"the social card of {docname!r}"
    if output.sitemap:
        files[SITEMAP] = "the sitemap"
        files[ROBOTS] = "the robots file"
    return files


#: a later page of a listing, wherever the listing is
_LATER_PAGE = re.compile(r"(^|/)page/[0-9]+(\.html|/index\.html)$")
#: the files at the top of the output folder that the blog alone writes
_BLOG_FILE_NAMES = frozenset({
    *SITE_FEEDS.values(), SITEMAP, ROBOTS, f"{NOT_FOUND}.html", f"{NOT_FOUND}/index.html",
})  # fmt: skip


def of_blog_kind(app: Sphinx) -> Callable[[str], bool]:
    """Whether a file of the output folder (by path from it) is of a kind the blog
    alone writes, whatever build wrote it: in a tag folder (this build's or an
    earlier one's), an author's or a series' feed, a later page of a listing, the site's feeds,
    the sitemap, robots.txt and the 404 page.  Such a file not in :func:`site_outputs` is stale."""
    folders = tuple(f"{name}/" for name in tag_folders(app))
    term_feeds = (f"{AUTHORS_FOLDER}/", f"{SERIES_FOLDER}/")
    cards = f"{CARDS_FOLDER}/"

    def of_kind(file: str) -> bool:
        return (
            file.startswith(folders)
            or (file.startswith(term_feeds) and file.endswith(".xml"))
            or _LATER_PAGE.search(file) is not None
            or file in _BLOG_FILE_NAMES
            or LANGUAGE_FEED.match(file) is not None
            or file.startswith(cards)
        )

    return of_kind


def site_outputs(app: Sphinx, builder: StandaloneHTMLBuilder) -> SiteOutputs:
    """What the build writes into the output folder (html, dirhtml), once it has
    written its documents and later listing pages: documents (as
    ``builder.get_outfilename`` names them), Sphinx's index and search pages and
    files, the blog's 404 page, the later pages of long listings, the files of ``html_extra_path``,
    the blog's own files (:func:`blog_files`), and the folders of all of these."""
    config = app.config
    outdir = Path(app.outdir)
    outputs = SiteOutputs()

    prefix = os.path.join(outdir, "")

    def add_page(pagename: str, what: str = "a page of the site") -> None:
        # strings, not paths: it runs for every page of the site
        path = os.fspath(builder.get_outfilename(pagename))
        if path.startswith(prefix):
            outputs.add(path[len(prefix) :].replace(os.sep, "/"), what)

    for pagename, what in site_pages(app).items():
        add_page(pagename, what)
    sphinx_pages = ["genindex", "genindex-all", "search", *config.html_additional_pages]
    sphinx_pages += [name for name, *_rest in getattr(builder, "domain_indices", ())]
    for pagename in sphinx_pages:
        add_page(pagename, "a page Sphinx writes")
    if writes_not_found_page(app):
        add_page(NOT_FOUND, "the page for addresses not found")
    outputs.add(builder.searchindex_filename, "the search index")
    for name, what in _SPHINX_FILES.items():
        outputs.add(name, what)
    for folder in (*_SPHINX_FOLDERS, builder.imagedir):
        outputs.add_folder(folder)
    for extra in config.html_extra_path:
        source = Path(app.confdir, extra)
        if source.is_file():
            outputs.add(source.name, "a file of html_extra_path")
        for folder, _subfolders, files in os.walk(source):
            relative = Path(folder).relative_to(source).as_posix()
            for name in files:
                path = name if relative == "." else f"{relative}/{name}"
                outputs.add(path, "a file of html_extra_path")
    for path, what in blog_files(app).items():
        outputs.add(path, what)
    return outputs
