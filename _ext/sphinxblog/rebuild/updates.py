"""Which pages to write again when posts change, so that listings stay true.

Sphinx rewrites a page only when its own source changed.  Every page that
shows other posts (its listings, a post's header and footer, its links by
old URL, the later pages of a long listing, the sidebar's recent posts) is
described by its views (:mod:`sphinxblog.pages.views`): frozen records of
exactly what it shows, made from the catalog alone.  A digest of each
page's views is kept from one build to the next, and Sphinx is asked to
write again exactly the pages whose digest changed, as its own toctree
collector does for the pages a changed toctree shows.  So editing a post's
text rewrites that post alone; retagging it rewrites the post, its old and
new tag pages, the tag index and the posts whose related posts change; a
new or re-dated post also rewrites its neighbours, the listings and (when
the recent posts change) every HTML page, whose sidebar shows them.

The renderers draw the same views (:mod:`sphinxblog.pages.fill`), so what
is compared is what is written.  The digests of one output folder are
saved beside the doctrees when a build ends, and forgotten when a build
stops before its end (:mod:`sphinxblog.rebuild.interrupted`).
"""

from __future__ import annotations

import hashlib
import pickle
from typing import TYPE_CHECKING

from sphinxblog.core.files import replace_if_changed
from sphinxblog.migrate.oldlinks import find_document
from sphinxblog.pages.fill import (
    first_pages,
    later_page_title,
    later_pages_of,
    page_views,
    site_of,
)
from sphinxblog.pages.views import sidebar, view_of
from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import ShownPages, blog_data, state_file

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinxblog.reading.store import BlogData

#: the keys, beside page names, of what the pages depend on together
_INPUTS = " inputs"
_SHELL = " shell"
SIDEBAR = " sidebar"


def digest(value: object) -> bytes:
    """A short, stable fingerprint of *value*'s ``repr()``: views are frozen records
    of strings, numbers, dates and tuples, whose ``repr()`` says all they hold."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=12).digest()


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


def _title(env: BuildEnvironment, docname: str) -> str | None:
    return env.titles[docname].astext() if docname in env.titles else None


def _inputs(env: BuildEnvironment, data: BlogData, shell: bytes) -> bytes:
    """A digest of everything the views are made from: while it stays the same,
    no page shows anything new, and not even the views are made."""
    catalog = data.catalog
    return digest((
        catalog.posts, catalog.translated, catalog.hidden, catalog.future, shell,
        sorted(data.post_authors.items()), sorted(data.profiles.items()),
        sorted(data.listings.items()), sorted(data.old_links.items()), sorted(env.found_docs),
        [(docname, _title(env, docname)) for docname in sorted(data.listings)],
    ))  # fmt: skip


def _page_digest(env: BuildEnvironment, data: BlogData, docname: str, views: object) -> bytes:
    """A digest of what page *docname* shows: its views and where its links by old
    URL lead."""
    found = env.found_docs
    old_links = [
        find_document(target, data.posts, found) for target in data.old_links.get(docname, ())
    ]
    return digest((views, old_links))


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages whose views changed since they were last written."""
    data, builder = blog_data(env), app.builder
    output = output_of(builder)
    data.later_to_write, data.shown_made = set(), False
    if output.writes_everything:  # every page is written: nothing to decide
        data.shown = ShownPages()
        return []
    # per builder and output folder: `make latex` and `make html` share one
    # environment, and what one builder has written says nothing of the other's pages
    data.shown = before = _load_shown(app)
    shell = digest(_shell(builder))
    inputs = _inputs(env, data, shell)
    if before.shown.get(_INPUTS) == inputs:
        return []
    catalog, site = data.catalog, site_of(builder)
    data.shown = now = ShownPages(shown={_INPUTS: inputs, _SHELL: shell})
    data.shown_made = True
    now.shown[SIDEBAR] = digest(sidebar(catalog, site))
    showing = data.listings.keys() | data.old_links.keys()
    showing |= {post.docname for post in (*catalog.posts, *catalog.translated, *catalog.hidden)}
    showing &= env.found_docs
    for docname in sorted(showing):
        shown = first_pages(docname, data, site)
        now.shown[docname] = _page_digest(env, data, docname, page_views(shown, catalog, site))
        for pagename, (listing, page) in later_pages_of(shown).items():
            now.later[pagename] = docname
            title = later_page_title(_title(env, docname) or "", page)
            now.shown[pagename] = digest((title, view_of(listing, catalog, site, page)))

    def changed(page: str) -> bool:
        return before.shown.get(page) != now.shown.get(page)

    every_page = changed(SIDEBAR) and output.html
    # the later pages are no documents: Sphinx writes them again for nothing
    around_changed = changed(_SHELL) or changed(SIDEBAR)
    written = env.found_docs if every_page else data.read_now
    data.later_to_write = {
        pagename
        for pagename, docname in now.later.items()
        if around_changed or docname in written or changed(pagename)
    }
    if every_page:
        return sorted(env.found_docs)
    return sorted(docname for docname in showing if changed(docname))


#: the version of the file of digests: another version's file is not read
_SHOWN_FORMAT = 2


def _shown_file(app: Sphinx) -> Path:
    return state_file(app, "shown", ".pickle")


def _load_shown(app: Sphinx) -> ShownPages:
    """What the pages of this builder's output folder showed when last written."""
    try:
        with _shown_file(app).open("rb") as file:
            version, *fields = pickle.load(file)
    except Exception:  # missing or damaged: as none, and every page is written
        return ShownPages()
    return ShownPages(*fields) if version == _SHOWN_FORMAT else ShownPages()


def save_shown(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: keep what the pages show for the next build, once written."""
    data = blog_data(app.env)
    if exception is not None or not data.shown_made:
        return
    fields = (_SHOWN_FORMAT, data.shown.shown, data.shown.later)
    replace_if_changed(_shown_file(app), pickle.dumps(fields, pickle.HIGHEST_PROTOCOL))


def forget_shown(app: Sphinx) -> None:
    """Make the next :func:`pages_to_rewrite` take every page for changed."""
    _shown_file(app).unlink(missing_ok=True)


def note_documents_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``, after other handlers: the documents this build reads,
    which Sphinx writes whatever their listings show."""
    blog_data(env).read_now = frozenset(docnames)
