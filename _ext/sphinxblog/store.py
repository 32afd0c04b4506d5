"""The blog's state in the build environment: one typed store.

Per document, the store holds each post's record and authors, the listings
each page shows and the old URLs it links;
:class:`~sphinxblog.reading.BlogCollector` clears, merges and fills them as
Sphinx reads, as Sphinx's own collectors do.  Per builder, it remembers a
fingerprint of what each page showed of other documents when it was last
written (:mod:`sphinxblog.updates`).

Per build, and never pickled, it holds the posts' front matter as scanned
when the build began (:mod:`sphinxblog.scan`), so that reading a post does
not parse it again, and the catalog of this build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinxblog.catalog import Catalog
from sphinxblog.frontmatter import FrontMatter, read_front_matter

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.environment import BuildEnvironment

    from sphinxblog.authors import Author
    from sphinxblog.placeholders import Listing
    from sphinxblog.posts import Post


#: the per-document fields of :class:`BlogData`
_PER_DOCUMENT = ("posts", "post_authors", "listings", "old_links")


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

    #: per builder: a fingerprint of what each page showed when last written
    shown: dict[str, dict[str, bytes]] = field(default_factory=dict)
    #: per builder: what each page's rendering read of the catalog, and a fingerprint
    #: of what that was (:mod:`sphinxblog.updates`)
    reads: dict[str, dict[str, frozenset[tuple[Any, ...]]]] = field(default_factory=dict)
    answers: dict[str, dict[str, bytes]] = field(default_factory=dict)
    #: per builder: the later pages of long listings, with the document of each
    later: dict[str, dict[str, str]] = field(default_factory=dict)
    #: the author profiles of the authors file, and their fingerprint when posts were read
    profiles: dict[str, Author] = field(default_factory=dict)
    profiles_read: str = ""
    #: the posts of a book's toctree, in order, when the toctrees were read
    toctree_read: tuple[str, ...] | None = None

    #: per build (never pickled): the posts scanned when it began, and its catalog
    scanned: dict[str, FrontMatter] = field(default_factory=dict)
    catalog: Catalog = field(default_factory=Catalog)
    #: the posts of a book's toctree in this build, oldest first
    toctree: tuple[str, ...] = ()
    #: the later pages whose rendering changed in this build
    later_to_write: set[str] = field(default_factory=set)
    #: the authors' pages of a catalog (:func:`sphinxblog.authorpages.author_pages`)
    author_pages: tuple[Catalog, dict[str, Any]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        # made anew by every build: a parallel reader's share of the environment
        # and the pickled environment would otherwise carry a copy of every post
        made_anew = {"scanned": {}, "catalog": Catalog(), "later_to_write": set()}
        return {**self.__dict__, **made_anew, "author_pages": None}

    def forget(self, docname: str) -> None:
        for name in _PER_DOCUMENT:
            getattr(self, name).pop(docname, None)

    def merge(self, docnames: Set[str], other: BlogData) -> None:
        for name in _PER_DOCUMENT:
            ours, theirs = getattr(self, name), getattr(other, name)
            ours.update((docname, theirs[docname]) for docname in docnames & theirs.keys())


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
    """The front matter of *docname*: as scanned when the build began, else read now."""
    scanned = blog_data(env).scanned.get(docname)
    if scanned is not None:
        return scanned
    path = Path(env.doc2path(docname))
    return read_front_matter(path.read_text(encoding=env.config.source_encoding, errors="replace"))
