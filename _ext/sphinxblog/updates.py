"""Which pages to write again when posts change, so that listings stay true.

Sphinx rewrites a page only when its own source changed.  After each read,
every page that shows other posts (its listings, a post's header and footer,
its links by old URL, the later pages of a long listing, the sidebar's recent
posts) is rendered by the very functions that write it
(:mod:`sphinxblog.render`), and Sphinx is asked to rewrite exactly the pages
whose rendering changed: editing a post's text rewrites that post alone;
retagging it rewrites the post, its old and new tag pages and the tag index;
a new or re-dated post also rewrites its neighbours, the listings and (when
the recent posts change) every HTML page, whose sidebar shows them.

Nothing here describes a page a second time: a fingerprint of the rendered
nodes is kept per builder and page in the store.  When nothing they depend
on changed (the same posts, listings and settings), nothing is rendered.
Otherwise a page is rendered again only where something it read of the
catalog while it was last rendered (a tag, a post's neighbours or related
posts, the list of posts) is now different, as a build system's recorded
dependencies work; a change to the listings, the authors, the settings or
the templates renders every page.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.nodes import clean_astext

from sphinxblog.authorpages import author_pages
from sphinxblog.catalog import Catalog, Tag
from sphinxblog.config import tags_folder
from sphinxblog.context import recent_posts
from sphinxblog.listings import first_page, listing_posts
from sphinxblog.oldlinks import find_document
from sphinxblog.pagination import Page, page_count, page_name, page_size
from sphinxblog.placeholders import post_footer, post_header
from sphinxblog.posts import Post
from sphinxblog.render import render
from sphinxblog.store import BlogData, blog_data

if TYPE_CHECKING:
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


def _feed(fingerprint: hashlib.blake2b, tree: nodes.Node) -> None:
    """Add *tree* to *fingerprint*: every node's kind and attributes, and every text.

    The tree, rendered only to be fingerprinted, is unlinked as it is read, so
    that it is freed at once: a node and its parent refer to each other, and
    thousands of pages' renderings left for the next full garbage collection
    would raise the build's peak memory.
    """
    for node in tree.findall():
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


def _rendered(
    builder: Builder, catalog: Catalog, docname: str, data: BlogData
) -> tuple[bytes, set[tuple[Any, ...]]]:
    """A fingerprint of what page *docname* shows of other documents, as the page
    renders it, and what the rendering read of the catalog."""
    reading = _Reading(catalog, docname)
    seen = cast("Catalog", reading)
    placeholders = [
        listing.node() for listing in data.listings.get(docname, ()) if listing.kind != "toctree"
    ]
    if catalog.post(docname) is not None:
        placeholders += [post_header(docname=docname), post_footer(docname=docname)]
    fingerprint, paginated = hashlib.blake2b(digest_size=12), False
    for node in placeholders:
        page = Page(docname)
        if not paginated and listing_posts(node, seen) is not None:
            page, paginated = first_page(node, seen, builder, docname), True
        for child in render(node, seen, builder, docname, page):
            _feed(fingerprint, child)
    found = builder.env.found_docs
    for target in data.old_links.get(docname, ()):
        reading.read.add((" old link", target))
        fingerprint.update(repr(find_document(target, data.posts, found)).encode("utf-8"))
    return fingerprint.digest(), reading.read


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


class _Pages:
    """The renderings of one build, compared with the last build's."""

    def __init__(self, app: Sphinx, data: BlogData, context: bytes) -> None:
        self.builder, self.env, self.data = app.builder, app.env, data
        name = app.builder.name
        self.before = data.shown.get(name, {})
        old_reads = data.reads.get(name, {})
        # the last build's readings count only where they were made in the same context
        self.old_reads = old_reads if self.before.get(_CONTEXT) == context else {}
        self.old_answers = data.answers.get(name, {})
        self.shown: dict[str, bytes] = {_CONTEXT: context}
        self.reads: dict[str, frozenset[tuple[Any, ...]]] = {}
        self.answers: dict[str, bytes] = {}
        # each reading once, shared by the pages that read it
        self._readings: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._answers: dict[tuple[Any, ...], bytes] = {}
        # by id, with the record itself, which keeps the id its own while the build lasts
        self._records: dict[int, tuple[object, bytes]] = {}

    def _fingerprint_of(self, key: tuple[Any, ...]) -> bytes:
        if key not in self._answers:
            self._answers[key] = self._fingerprint(_answer(self.env, self.data, key))
        return self._answers[key]

    def answers_of(self, docname: str, read: frozenset[tuple[Any, ...]]) -> bytes:
        """A fingerprint of what the readings *read* of a page of *docname* give now."""
        answers = []
        for key in read:
            name, *args = key
            of_docname = (name, *(docname if arg is THIS_PAGE else arg for arg in args))
            answers.append((repr(key), self._fingerprint_of(of_docname)))
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
        self.shown[page], self.reads[page] = self.before[page], read
        self.answers[page] = answers
        return True

    def note(self, page: str, docname: str, rendered: bytes, read: set[tuple[Any, ...]]) -> None:
        """Keep what *page* of *docname* shows as rendered, and what it read."""
        shared = frozenset(self._readings.setdefault(key, key) for key in read)
        self.shown[page], self.reads[page] = rendered, shared
        self.answers[page] = self.answers_of(docname, shared)

    def keep(self) -> None:
        name = self.builder.name
        self.data.shown[name], self.data.reads[name] = self.shown, self.reads
        self.data.answers[name] = self.answers


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages whose rendering of other posts changed."""
    data, builder = blog_data(env), app.builder
    catalog = data.catalog
    # per builder: `make latex` and `make html` share one environment, and what
    # one builder has written says nothing about the other's pages
    before = data.shown.get(builder.name, {})
    context = _context(app, data)
    titles = [(docname, _answer(env, data, (" title", docname))) for docname in data.listings]
    inputs = digest((
        catalog.posts, catalog.hidden, catalog.future, context, sorted(data.listings.items()),
        sorted(data.old_links.items()), sorted(env.found_docs), sorted(titles),
    ))  # fmt: skip
    if before.get(_INPUTS) == inputs:
        data.later_to_write = set()
        return []
    pages = _Pages(app, data, context)
    pages.shown[_INPUTS] = inputs
    pages.shown[_SHELL] = digest(_shell(builder))
    pages.shown[SIDEBAR] = digest(recent_posts(builder, catalog, app.config.root_doc))
    showing = data.listings.keys() | data.old_links.keys()
    showing |= {post.docname for post in (*catalog.posts, *catalog.hidden)}
    later: dict[str, str] = {}
    for docname in sorted(showing & env.found_docs):
        if not pages.unchanged(docname, docname):
            pages.note(docname, docname, *_rendered(builder, catalog, docname, data))
        for pagename, (node, page) in later_pages_of(builder, catalog, docname, data).items():
            later[pagename] = docname
            if not pages.unchanged(pagename, docname):
                reading = _Reading(catalog, docname)
                reading.read.add((" title", THIS_PAGE))
                seen = cast("Catalog", reading)
                section = later_page(builder, seen, docname, node.deepcopy(), page)
                fingerprint = hashlib.blake2b(digest_size=12)
                _feed(fingerprint, section)
                pages.note(pagename, docname, fingerprint.digest(), reading.read)
    pages.keep()
    data.later[builder.name] = later
    shown = pages.shown
    if shown[_SHELL] != before.get(_SHELL):
        data.later_to_write = set(later)
    else:
        data.later_to_write = {name for name in later if before.get(name) != shown[name]}
    if shown[SIDEBAR] != before.get(SIDEBAR) and builder.format == "html":
        return sorted(env.found_docs)
    return sorted(
        docname
        for docname in showing & env.found_docs
        if before.get(docname) != shown[docname]
    )


def forget_shown(app: Sphinx) -> None:
    """Make the next :func:`pages_to_rewrite` render and compare every page again."""
    data = blog_data(app.env)
    for memory in (data.shown, data.reads, data.answers):
        memory.pop(app.builder.name, None)
