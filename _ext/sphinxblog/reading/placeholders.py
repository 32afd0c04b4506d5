"""The placeholders pages put where other posts' data goes, and what each one lists.

Directives leave a placeholder node; the store harvests a :class:`Listing`
record from each when the page is read (:mod:`sphinxblog.reading.store`), and the
placeholder is rendered when the page is written, once every post is known
(the ``todolist`` pattern).  What a page shows is made from these records
alone (:mod:`sphinxblog.pages.views`), so that which pages to write again is
decided without their doctrees (:mod:`sphinxblog.rebuild.updates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterator


class postlist(nodes.General, nodes.Element):
    """The newest posts (``limit``), optionally of one tag (``tag``)."""


class archive(nodes.General, nodes.Element):
    """Every post by year and month."""


class tagindex(nodes.General, nodes.Element):
    """Every tag with its number of posts."""


class tagposts(nodes.General, nodes.Element):
    """The posts of the tag whose slug is ``slug``."""


class authorposts(nodes.General, nodes.Element):
    """The profile and posts of the author whose slug is ``slug``."""


class authorindex(nodes.General, nodes.Element):
    """Every author with their number of posts."""


class seriesposts(nodes.General, nodes.Element):
    """The posts of the series whose slug is ``slug``, in reading order."""


class seriesindex(nodes.General, nodes.Element):
    """Every series with its number of posts."""


class post_header(nodes.General, nodes.Element):
    """The date, authors and tags of the post ``docname``, under its title."""


class post_footer(nodes.General, nodes.Element):
    """Related posts and links to the posts next to ``docname``, after its text."""


class feedlinks(nodes.General, nodes.Element):
    """Links to the site's feeds."""


#: the class of the wrapper around a ``{posttoctree}``'s toctree
POST_TOCTREE = "blog-post-toctree"

LISTINGS: tuple[type[nodes.Element], ...] = (
    postlist, archive, tagindex, tagposts, authorposts, authorindex, seriesposts, seriesindex,
)  # fmt: skip
NODES: tuple[type[nodes.Element], ...] = (*LISTINGS, post_header, post_footer, feedlinks)


@dataclass(frozen=True, order=True)
class PostFilter:
    """Which posts a ``{postlist}`` shows besides its tag (ABlog's options): a post
    passes where it has one of each non-empty set."""

    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    #: the ``location`` key of the front matter (ABlog's)
    locations: tuple[str, ...] = ()
    #: a series' name (any spelling)
    series: str = ""
    year: int | None = None


@dataclass(frozen=True, order=True)
class ListStyle:
    """How a ``{postlist}`` shows its posts (ABlog's options, and pinned posts)."""

    #: ``strftime`` codes for the dates (empty: the site's date format)
    date_format: str = ""
    #: ABlog's line of each post: ``{title}``, ``{date}``, ``{author}``, ``{tags}``,
    #: ``{category}``, ``{language}``, ``{location}`` among text (empty: the blog's line)
    template: str = ""
    #: the text of a link after each summary ("Read more")
    expand: str = ""
    oldest_first: bool = False
    #: a CSS ``list-style-type`` (``none``, ``disc``, ``circle``, ``square``, ``decimal``)
    list_style: str = ""
    #: pinned posts first, marked as pinned
    pinned: bool = True
    #: each post as a card with its cover, where it has one
    images: bool = False


@dataclass(frozen=True, order=True)
class Listing:
    """What one placeholder on a page shows of the other posts."""

    #: the placeholder's node class name, or ``toctree`` for a post toctree
    kind: str
    #: the tag of a ``postlist``, the slug of a ``tagposts``, ``seriesposts`` or ``authorposts``,
    #: the post of a ``post_header`` or ``post_footer``
    key: str = ""
    summary: bool = False
    limit: int | None = None
    filter: PostFilter = PostFilter()
    style: ListStyle = ListStyle()

    @classmethod
    def of(cls, node: nodes.Element) -> Listing:
        if isinstance(node, nodes.compound):
            return cls("toctree")
        if isinstance(node, post_header | post_footer):
            return cls(type(node).__name__, node["docname"])
        key = node.get("tag") or node.get("slug") or ""
        return cls(
            type(node).__name__, key, bool(node.get("summary")), node.get("limit"),
            node.get("filter", PostFilter()), node.get("style", ListStyle()),
        )  # fmt: skip


def _is_listing(node: nodes.Node) -> bool:
    if isinstance(node, nodes.compound):
        return POST_TOCTREE in node["classes"]
    return isinstance(node, LISTINGS)


def listing_nodes(doctree: nodes.Node) -> Iterator[nodes.Element]:
    """The listing placeholders (and post toctrees) in *doctree*, in document order."""
    yield from doctree.findall(_is_listing)  # type: ignore[misc]


def listings_in(doctree: nodes.Node) -> tuple[Listing, ...]:
    """What *doctree*'s placeholders list, in document order."""
    return tuple(Listing.of(node) for node in listing_nodes(doctree))
