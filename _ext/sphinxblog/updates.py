"""Which pages to write again when posts change, so that listings stay true.

Sphinx rewrites a page only when its own source changed.  Every page that
shows other posts (its listings, a post's header and footer, its links by
old URL, the later pages of a long listing, the sidebar's recent posts) is
fingerprinted as rendered by the very functions that write it
(:mod:`sphinxblog.render`), and Sphinx is asked to rewrite exactly the pages
whose rendering changed: editing a post's text rewrites that post alone;
retagging it rewrites the post, its old and new tag pages and the tag index;
a new or re-dated post also rewrites its neighbours, the listings and (when
the recent posts change) every HTML page, whose sidebar shows them.

Nothing here describes a page a second time, and nothing is rendered only
to be fingerprinted when Sphinx writes the page anyway:

- a page written in this build (its source was read, or every page is
  written) is fingerprinted as it is written (:func:`fill_placeholders`);
- any other page is rendered after reading, and written again if its
  fingerprint changed (:func:`pages_to_rewrite`); but not even rendered when
  nothing it read of the catalog when it was last rendered (a tag, a post's
  neighbours or related posts, the list of posts) is now different, as a
  build system's recorded dependencies work.  A change to the listings, the
  authors, the settings or the templates renders every page.

The fingerprints of one output folder are saved beside the doctrees when a
build ends (Sphinx saves the environment before it writes), and forgotten
when a build stops before its end (:mod:`sphinxblog.interrupted`).
"""

from __future__ import annotations

import hashlib
import pickle
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.nodes import clean_astext

from sphinxblog.authorpages import author_pages
from sphinxblog.catalog import Catalog, Tag
from sphinxblog.config import tags_folder
from sphinxblog.context import recent_posts
from sphinxblog.files import replace_if_changed
from sphinxblog.listings import listing_posts
from sphinxblog.oldlinks import find_document
from sphinxblog.pagination import Page, page_count, page_name, page_size
from sphinxblog.placeholders import post_footer, post_header
from sphinxblog.posts import Post
from sphinxblog.render import page_renderings, placeholders_in, render
from sphinxblog.store import BlogData, ShownPages, blog_data, state_file

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence, Set
    from pathlib import Path

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


_ = get_translation("sphinxblog")

#: the keys, beside page names, of what every page shows and what it depends on
SIDEBAR = " sidebar"
_INPUTS = " inputs"
_SHELL = " shell"
_CONTEXT = " context"


def digest(value: object) -> bytes:
    """A short, stable fingerprint of *value*'s ``repr()``."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=12).digest()


def _feed(fingerprint: hashlib.blake2b, tree: nodes.Node, *, unlink: bool) -> None:
    """Add *tree* to *fingerprint*: every node's kind and attributes, and every text.

    A tree rendered only to be fingerprinted is unlinked as it is read
    (*unlink*), so that it is freed at once: a node and its parent refer to
    each other, and thousands of pages' renderings left for the next full
    garbage collection would raise the build's peak memory.
    """
    for node in tree.findall():
        if unlink:
            node.parent = None
        if isinstance(node, nodes.Text):
            fingerprint.update(b"\0t" + str(node).encode("utf-8"))
        elif isinstance(node, nodes.Element):
            # in the order the renderers set them: the same code renders them alike
            fingerprint.update(f"\0{node.tagname} {node.attributes!r}".encode())


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


#: a reading's argument that is the page's own document: most of what a page reads
#: is about itself, and so many pages share one reading (kept once in the environment)
THIS_PAGE = ...


class _Reading:
    """A catalog that notes what a rendering of *docname* reads of it: each attribute
    and each call, with a post given as its docname (see :func:`_answer`)."""

    def __init__(self, catalog: Catalog, docname: str) -> None:
        self._catalog, self._docname = catalog, docname
        self.read: set[tuple[Any, ...]] = {(" listings", THIS_PAGE)}

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._catalog, name)
        if not callable(value):
            self.read.add((name,))
            return value

        def call(*args: Any) -> Any:
            named = (getattr(arg, "docname", arg) for arg in args)
            self.read.add((name, *(THIS_PAGE if arg == self._docname else arg for arg in named)))
            return value(*args)

        return call


_GONE = object()


def _answer(env: BuildEnvironment, data: BlogData, key: tuple[Any, ...]) -> object:
    """What the reading *key* (:class:`_Reading`, or one of the page's own: its
    listings, title and links by old URL) gives in this build, where its
    arguments name documents, not :data:`THIS_PAGE`."""
    name, *args = key
    if name == " listings":
        return data.listings.get(args[0])
    if name == " title":
        return env.titles[args[0]].astext() if args[0] in env.titles else None
    if name == " old link":
        return find_document(args[0], data.posts, env.found_docs)
    catalog = data.catalog
    value = getattr(catalog, name)
    if not callable(value):
        return value
    if name in {"related", "tags_of"}:  # given a post, noted as its docname
        post = catalog.post(args[0])
        return _GONE if post is None else value(post, *args[1:])
    return value(*args)


class _Recording:
    """One rendering of a page, noted as it is made: what it reads of the catalog
    (through :attr:`catalog`) and a fingerprint of what it renders."""

    def __init__(self, catalog: Catalog, docname: str) -> None:
        self.reading = _Reading(catalog, docname)
        self.catalog = cast("Catalog", self.reading)
        self.fingerprint = hashlib.blake2b(digest_size=12)

    def add(self, rendered: Iterable[nodes.Node], *, unlink: bool) -> None:
        for tree in rendered:
            _feed(self.fingerprint, tree, unlink=unlink)

    def add_old_links(self, docname: str, data: BlogData, found: set[str]) -> None:
        """Add the documents that *docname*'s links by old URL lead to."""
        for target in data.old_links.get(docname, ()):
            self.reading.read.add((" old link", target))
            self.fingerprint.update(repr(find_document(target, data.posts, found)).encode())


#: the placeholders of a page in the order they are fingerprinted: its listings in
#: document order, then a post's header and footer, whose places vary with its text
_FINGERPRINT_ORDER: dict[type[nodes.Element], int] = {post_header: 1, post_footer: 2}


def _in_fingerprint_order(
    renderings: Sequence[tuple[nodes.Element, list[nodes.Node]]],
) -> list[tuple[nodes.Element, list[nodes.Node]]]:
    return sorted(renderings, key=lambda pair: _FINGERPRINT_ORDER.get(type(pair[0]), 0))


def _rendered(builder: Builder, catalog: Catalog, docname: str, data: BlogData) -> _Recording:
    """Page *docname*'s rendering of other documents, made from the store alone:
    its placeholders are made again from its listings (its doctree is not read)."""
    recording = _Recording(catalog, docname)
    placeholders = [
        listing.node() for listing in data.listings.get(docname, ()) if listing.kind != "toctree"
    ]
    if catalog.post(docname) is not None:
        placeholders += [post_header(docname=docname), post_footer(docname=docname)]
    renderings = page_renderings(placeholders, recording.catalog, builder, docname)
    for _placeholder, rendered in _in_fingerprint_order(list(renderings)):
        recording.add(rendered, unlink=True)
    recording.add_old_links(docname, data, builder.env.found_docs)
    return recording


def _later_page(
    renderings: Renderings, docname: str, pagename: str, node: nodes.Element, page: Page,
    *, unlink: bool,
) -> nodes.section:  # fmt: skip
    """The later page *pagename* of *docname*'s listing *node*, noted in *renderings*."""
    builder = renderings.builder
    recording = _Recording(renderings.data.catalog, docname)
    recording.reading.read.add((" title", THIS_PAGE))
    section = later_page(builder, recording.catalog, docname, node, page)
    recording.add([section], unlink=unlink)
    renderings.note(pagename, docname, recording)
    return section


def _context(app: Sphinx, data: BlogData) -> bytes:
    """A fingerprint of what renderings depend on beside the catalog and the pages'
    own listings, titles and links: when it changes, every page is rendered again."""
    config, env = app.config, app.env
    settings = [config[name] for name in sorted(config.values) if name.startswith("blog_")]
    # a post's byline links its authors' pages; a tag's badge links the tag's page
    authors = sorted((key, page.slug) for key, page in author_pages(env).items())
    folder = tags_folder(config)
    slugs = sorted(tag.slug for tag in data.catalog.tags.values())
    pageless = [slug for slug in slugs if f"{folder}/{slug}" not in env.found_docs]
    return digest((
        sorted(data.post_authors.items()), sorted(data.profiles.items()), authors, pageless,
        settings, _shell(app.builder),
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


class Renderings:
    """The renderings of one build, compared with the last build's (*before*)."""

    def __init__(self, app: Sphinx, data: BlogData, context: bytes, before: ShownPages) -> None:
        self.builder, self.env, self.data = app.builder, app.env, data
        self.before = before.shown
        # the last build's readings count only where they were made in the same context
        self.old_reads = before.reads if self.before.get(_CONTEXT) == context else {}
        self.old_answers = before.answers
        self.now = ShownPages(shown={_CONTEXT: context})
        #: the documents whose pages are noted as they are written, not rendered before
        self.to_note: set[str] = set()
        # each reading once, shared by the pages that read it
        self._readings: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._answers: dict[tuple[Any, ...], bytes] = {}
        # by id, with the record itself, which keeps the id its own while the build lasts
        self._records: dict[int, tuple[object, bytes]] = {}

    def _fingerprint_of(self, key: tuple[Any, ...]) -> bytes:
        if key not in self._answers:
            self._answers[key] = self._fingerprint(_answer(self.env, self.data, key))
        return self._answers[key]

    def answers_of(self, docname: str, read: tuple[tuple[Any, ...], ...]) -> bytes:
        """A fingerprint of what the readings *read* of a page of *docname* give now."""
        answers = []
        for key in read:
            name, *args = key
            if any(arg is THIS_PAGE for arg in args):
                # of this page alone: kept for the build, thousands would only cost memory
                of_docname = (name, *(docname if arg is THIS_PAGE else arg for arg in args))
                answer = self._fingerprint(_answer(self.env, self.data, of_docname))
            else:
                answer = self._fingerprint_of(key)
            answers.append((repr(key), answer))
        return digest(sorted(answers))

    def _fingerprint(self, value: object) -> bytes:
        """:func:`digest` of *value*, with each post and tag fingerprinted once a build:
        thousands of readings share the same few records."""
        if isinstance(value, Post | Tag):
            if id(value) not in self._records:
                if isinstance(value, Tag):
                    posts = [self._fingerprint(post) for post in value.posts]
                    made = digest((value.key, value.name, value.slug, posts))
                else:
                    made = digest(value)
                self._records[id(value)] = (value, made)
            return self._records[id(value)][1]
        if isinstance(value, tuple | list):
            return digest([self._fingerprint(item) for item in value])
        if isinstance(value, dict):
            return digest([(key, self._fingerprint(item)) for key, item in value.items()])
        return digest(value)

    def unchanged(self, page: str, docname: str) -> bool:
        """Whether *page* of *docname* would render as last time: everything it read
        is the same."""
        read = self.old_reads.get(page)
        if read is None or page not in self.before:
            return False
        answers = self.answers_of(docname, read)
        if answers != self.old_answers.get(page):
            return False
        now = self.now
        now.shown[page], now.reads[page], now.answers[page] = self.before[page], read, answers
        return True

    def note(self, page: str, docname: str, recording: _Recording) -> None:
        """Keep what *page* of *docname* shows as rendered, and what it read."""
        # a tuple: a third of a set's size, and a page's readings are only gone through
        shared = tuple(self._readings.setdefault(key, key) for key in recording.reading.read)
        now = self.now
        now.shown[page], now.reads[page] = recording.fingerprint.digest(), shared
        now.answers[page] = self.answers_of(docname, shared)

    def changed(self, page: str) -> bool:
        """Whether *page* shows something else than when it was last written."""
        return self.before.get(page) != self.now.shown.get(page)


#: the version of the file of fingerprints: another version's file is not read
_SHOWN_FORMAT = 1


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
    if exception is not None or data.renderings is None:
        return
    shown = data.shown
    fields = (_SHOWN_FORMAT, shown.shown, shown.reads, shown.answers, shown.later)
    replace_if_changed(_shown_file(app), pickle.dumps(fields, pickle.HIGHEST_PROTOCOL))


def forget_shown(app: Sphinx) -> None:
    """Make the next :func:`pages_to_rewrite` take every page for changed."""
    _shown_file(app).unlink(missing_ok=True)


def note_documents_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``, after other handlers: the documents this build reads,
    which Sphinx writes whatever their listings show."""
    blog_data(env).read_now = frozenset(docnames)


def _writes_every_document(builder: Builder) -> bool:
    """Whether *builder* writes every document in every build (LaTeX, singlehtml):
    then no page needs a fingerprint, and none could be taken page by page, for
    it resolves the documents assembled into one."""
    return isinstance(builder.get_outdated_docs(), str)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages whose rendering of other posts changed."""
    data, builder = blog_data(env), app.builder
    data.shown, data.renderings, data.later_to_write = ShownPages(), None, set()
    if _writes_every_document(builder):
        return []
    catalog = data.catalog
    # per builder and output folder: `make latex` and `make html` share one
    # environment, and what one builder has written says nothing of the other's pages
    data.shown = before = _load_shown(app)
    context = _context(app, data)
    titles = [(docname, _answer(env, data, (" title", docname))) for docname in data.listings]
    inputs = digest((
        catalog.posts, catalog.hidden, catalog.future, context, sorted(data.listings.items()),
        sorted(data.old_links.items()), sorted(env.found_docs), sorted(titles),
    ))  # fmt: skip
    if before.shown.get(_INPUTS) == inputs:
        return []
    data.renderings = pages = Renderings(app, data, context, before)
    data.shown = now = pages.now
    now.shown[_INPUTS] = inputs
    now.shown[_SHELL] = digest(_shell(builder))
    now.shown[SIDEBAR] = digest(recent_posts(builder, catalog, app.config.root_doc))
    showing = data.listings.keys() | data.old_links.keys()
    showing |= {post.docname for post in (*catalog.posts, *catalog.hidden)}
    showing &= env.found_docs
    every_page = pages.changed(SIDEBAR) and builder.format == "html"
    written: Set[str]
    if every_page:
        written = env.found_docs
    elif not before.shown:  # nothing is known of the output: every page is written
        written = showing
    else:
        written = data.read_now
    shell_changed = pages.changed(_SHELL)
    for docname in sorted(showing):
        later = later_pages_of(builder, catalog, docname, data)
        now.later.update(dict.fromkeys(later, docname))
        if docname in written:
            # written in this build whatever it shows: fingerprinted as it is written
            pages.to_note.add(docname)
            data.later_to_write.update(later)
            continue
        if not pages.unchanged(docname, docname):
            pages.note(docname, docname, _rendered(builder, catalog, docname, data))
        for pagename, (node, page) in later.items():
            if not pages.unchanged(pagename, docname):
                _later_page(pages, docname, pagename, node.deepcopy(), page, unlink=True)
            if shell_changed or pages.changed(pagename):
                data.later_to_write.add(pagename)
    if every_page:
        return sorted(env.found_docs)
    return sorted(
        docname for docname in showing if docname in pages.to_note or pages.changed(docname)
    )


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: every placeholder of *doctree*, rendered; the page
    fingerprinted if this build writes it without having rendered it before."""
    data, builder = blog_data(app.env), app.builder
    renderings: Renderings | None = data.renderings
    placeholders = placeholders_in(doctree)
    # noted once: feeds resolve posts again, unchanged
    if renderings is None or docname not in renderings.to_note or docname in renderings.now.shown:
        for node, rendered in page_renderings(placeholders, data.catalog, builder, docname):
            node.replace_self(rendered)
        return
    recording = _Recording(data.catalog, docname)
    made = list(page_renderings(placeholders, recording.catalog, builder, docname))
    for _placeholder, rendered in _in_fingerprint_order(made):
        recording.add(rendered, unlink=False)
    recording.add_old_links(docname, data, app.env.found_docs)
    renderings.note(docname, docname, recording)
    for node, rendered in made:
        node.replace_self(rendered)


def render_later_page(
    app: Sphinx, docname: str, pagename: str, node: nodes.Element, page: Page
) -> nodes.section:
    """The later page *pagename* of *docname*'s listing *node*, to be written;
    fingerprinted if its document's pages are noted as they are written."""
    data = blog_data(app.env)
    renderings: Renderings | None = data.renderings
    if renderings is None or docname not in renderings.to_note:
        return later_page(app.builder, data.catalog, docname, node, page)
    return _later_page(renderings, docname, pagename, node, page, unlink=False)
