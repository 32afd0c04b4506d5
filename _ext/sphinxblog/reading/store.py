"""The blog's state in the build environment: one typed store.

Per document, the store holds each post's record and authors, the listings
each page shows and the old URLs it links;
:class:`~sphinxblog.reading.collector.BlogCollector` clears, merges and fills them as
Sphinx reads, as Sphinx's own collectors do.

Per build, and never pickled, it holds the posts' front matter as scanned
when the build began (:mod:`sphinxblog.reading.scan`), or as first read since,
so that each post is parsed once per build, the catalog of this build, and what each page of the
output folder showed of other documents when it was last written
(:class:`ShownPages`: digests of each page's views).  Those are kept in a
file of their own beside the doctrees (:func:`state_file`), saved when a
build ends, after Sphinx has saved the environment.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinxblog.core.catalog import Catalog
from sphinxblog.core.frontmatter import FrontMatter
from sphinxblog.reading.metafiles import read_post_front_matter

if TYPE_CHECKING:
    from collections.abc import Hashable, Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinxblog.core.authors import Author
    from sphinxblog.core.moved import MovedIn
    from sphinxblog.core.posts import Post
    from sphinxblog.core.tagfile import TagInfo
    from sphinxblog.reading.output import Output
    from sphinxblog.reading.placeholders import Listing


#: the per-document fields of :class:`BlogData`
_PER_DOCUMENT = (
    "posts", "post_authors", "listings", "old_links", "moved", "lookups", "diagrams",
)  # fmt: skip


@dataclass
class ShownPages:
    """What each page of one output folder showed of other documents when it was
    last written (:mod:`sphinxblog.rebuild.updates`)."""

    #: a digest of each page's views
    shown: dict[str, bytes] = field(default_factory=dict)
    #: the later pages of long listings, with the document of each
    later: dict[str, str] = field(default_factory=dict)


@dataclass
class BlogData:
    """Everything the blog keeps in the environment (``env.sphinxblog``)."""

    #: per document: the post records
    posts: dict[str, Post] = field(default_factory=dict)
    #: per post naming authors: the authors, matched with the profiles
    post_authors: dict[str, tuple[Author, ...]] = field(default_factory=dict)
    #: per document showing other posts: what each of its placeholders lists
    listings: dict[str, tuple[Listing, ...]] = field(default_factory=dict)
    #: per document: the old site-absolute URLs it links
    old_links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: per post: what moving it in from another generator did (its header, its markup)
    moved: dict[str, MovedIn] = field(default_factory=dict)
    #: per post: what its translated markup looked up, and found (links by name or title)
    lookups: dict[str, tuple[tuple[tuple[str, str], str | None], ...]] = field(default_factory=dict)
    #: per document drawing diagrams: how many (its web page loads Mermaid)
    diagrams: dict[str, int] = field(default_factory=dict)

    #: the author profiles of the authors file, and their fingerprint when posts were read
    profiles: dict[str, Author] = field(default_factory=dict)
    profiles_read: str = ""
    #: each tag's label and description (the tags file's, then conf.py's), by key
    tag_info: dict[str, TagInfo] = field(default_factory=dict)
    #: the posts of a book's toctree, in order, when the toctrees were read
    toctree_read: tuple[str, ...] | None = None

    #: per build (never pickled): the front matter of the posts scanned when it
    #: began and of those read since (:func:`front_matter_of`), and its catalog
    scanned: dict[str, FrontMatter] = field(default_factory=dict)
    catalog: Catalog = field(default_factory=Catalog)
    #: the posts of a book's toctree in this build, oldest first
    toctree: tuple[str, ...] = ()
    #: the documents read in this build
    read_now: frozenset[str] = frozenset()
    #: what the pages of this builder's output folder show, as of this build
    shown: ShownPages = field(default_factory=ShownPages)
    #: whether this build made the digests of what its pages show (to save them)
    shown_made: bool = False
    #: the later pages whose rendering changed in this build
    later_to_write: set[str] = field(default_factory=set)
    #: what this build's output holds, and the builder it describes
    #: (:func:`sphinxblog.reading.output.output_of`)
    output: Output | None = None
    output_builder: object = None
    #: the social card of each post that has one, by docname: its path from the output
    #: folder (:mod:`sphinxblog.outputs.socialcards`), and the drawing of the missing ones
    cards: dict[str, str] | None = None
    card_job: object = None
    #: the site's navigation as the theme was given it, by place in the site, and the
    #: documents that a toctree names (:mod:`sphinxblog.outputs.navigation`)
    navigations: dict[Hashable, str] = field(default_factory=dict)
    in_toctrees: frozenset[str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        # made anew by every build: a parallel reader's share of the environment
        # and the pickled environment would otherwise carry a copy of every post
        made_anew = {
            "scanned": {}, "catalog": Catalog(), "read_now": frozenset(), "shown": ShownPages(),
            "shown_made": False, "later_to_write": set(),
            "output": None, "output_builder": None, "cards": None, "card_job": None,
            "navigations": {}, "in_toctrees": None,
        }  # fmt: skip
        return {**self.__dict__, **made_anew}

    def forget(self, docname: str) -> None:
        for name in _PER_DOCUMENT:
            getattr(self, name).pop(docname, None)

    def merge(self, docnames: Set[str], other: BlogData) -> None:
        for name in _PER_DOCUMENT:
            ours, theirs = getattr(self, name), getattr(other, name)
            ours.update((docname, theirs[docname]) for docname in docnames & theirs.keys())


def state_file(app: Sphinx, name: str, suffix: str = "") -> Path:
    """A file beside the doctrees about this builder's output folder.

    The doctrees are shared by builders and output folders (``make check``
    writes elsewhere than ``make html``), so each pair has its own.
    """
    # imported here: the record of the output is kept in this store
    from sphinxblog.reading.output import output_of

    folder = hashlib.blake2b(str(app.outdir).encode("utf-8"), digest_size=6).hexdigest()
    return Path(app.doctreedir, f"blog-{name}-{output_of(app.builder).name}-{folder}{suffix}")


def blog_data(env: BuildEnvironment) -> BlogData:
    """The blog's store in *env*, made empty in a new environment."""
    data: BlogData | None = getattr(env, "sphinxblog", None)
    if data is None:
        # an attribute of the environment, which declares none for extensions
        data = env.sphinxblog = BlogData()  # type: ignore[attr-defined]
    return data


def catalog_of(env: BuildEnvironment) -> Catalog:
    """This build's catalog: scanned when it began, with the records read once read."""
    return blog_data(env).catalog


def front_matter_of(env: BuildEnvironment, docname: str) -> FrontMatter:
    """The front matter of *docname*: as scanned when the build began, else read
    now, once: a post is parsed at most once per build, however many steps of
    its reading ask."""
    scanned = blog_data(env).scanned
    front_matter = scanned.get(docname)
    if front_matter is None:
        path = Path(env.doc2path(docname))
        front_matter = read_post_front_matter(path, env.config.source_encoding)
        scanned[docname] = front_matter
    return front_matter
