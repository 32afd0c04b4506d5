"""Every file a web build writes into its output folder: one list, for two uses.

A redirect page (:mod:`sphinxblog.redirects`) must never take the place of a
page, a feed or a file of Sphinx's, nor need one of them as a folder, nor lie
inside a folder Sphinx fills (``_static``); whichever is written last would
win, or the build would stop on ``FileExistsError``.  And a file of the
blog's kinds that is not on the list is one no build wants any more
(:mod:`sphinxblog.stale` removes it).
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from sphinxblog import sitemap
from sphinxblog.addresses import SITE_FEEDS, feeds_enabled
from sphinxblog.feeds import author_feeds, tag_feeds
from sphinxblog.laterpages import later_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

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


def blog_files(app: Sphinx) -> dict[str, str]:
    """The files besides pages that the blog alone writes into a web build's
    output folder, by path from it, and what each is: the site's feeds, the
    feed of each tag and of each author, and the sitemap."""
    config, builder = app.config, app.builder
    files = {}
    if feeds_enabled(builder):
        for kind in config.blog_feeds:
            files[SITE_FEEDS[kind]] = _FEED_NAMES[kind]
        for path, tag in tag_feeds(app).items():
            files[path] = f"the feed of the tag {tag.name!r}"
        for path, name in author_feeds(app).items():
            files[path] = f"the feed of the author {name!r}"
    if config.html_baseurl and builder.name in sitemap.BUILDERS:
        files[sitemap.FILENAME] = "the sitemap"
    return files


def site_outputs(app: Sphinx, builder: StandaloneHTMLBuilder) -> SiteOutputs:
    """What the build writes into the output folder (html, dirhtml), once it has
    written its documents and later listing pages: documents (as
    ``builder.get_outfilename`` names them), Sphinx's index and search pages and
    files, the later pages of long listings, the files of ``html_extra_path``,
    the blog's own files (:func:`blog_files`), and the folders of all of these."""
    config, env = app.config, app.env
    outdir = Path(app.outdir)
    outputs = SiteOutputs()

    def add_page(pagename: str, what: str = "a page of the site") -> None:
        path = Path(builder.get_outfilename(pagename))
        if path.is_relative_to(outdir):
            outputs.add(path.relative_to(outdir).as_posix(), what)

    for docname in env.found_docs:
        add_page(docname)
    for pagename in later_pages(app):
        add_page(pagename, "a later page of a listing")
    sphinx_pages = ["genindex", "genindex-all", "search", *config.html_additional_pages]
    sphinx_pages += [name for name, *_rest in getattr(builder, "domain_indices", ())]
    for pagename in sphinx_pages:
        add_page(pagename, "a page Sphinx writes")
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
