"""Directives that list posts: recent posts, the archive, the tag, series and author
indexes, a tag's, a series' or an author's posts, the feeds' links and a book's toctree of posts.

Each directive leaves a placeholder (:mod:`sphinxblog.reading.placeholders`),
filled with its view at ``doctree-resolved`` (:mod:`sphinxblog.pages.fill`),
when every post has been read (the ``todolist`` pattern), so listings are
complete in serial and parallel builds alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinxblog.reading.placeholders import (
    POST_TOCTREE,
    ListStyle,
    PostFilter,
    archive,
    authorindex,
    authorposts,
    feedlinks,
    postlist,
    seriesindex,
    seriesposts,
    tagindex,
    tagposts,
)
from sphinxblog.reading.store import blog_data

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

_ = get_translation("sphinxblog")
logger = logging.getLogger(__name__)


class _ListingDirective(SphinxDirective):
    node_class: ClassVar[type[nodes.Element]]

    def run(self) -> list[nodes.Node]:
        node = self.node_class(**self.options)
        if "summary" in self.options:
            node["summary"] = True  # a flag's value is None
        self.set_source_info(node)
        return [node]


def _names(text: str) -> tuple[str, ...]:
    """ABlog's list option: names separated by commas."""
    return tuple(name.strip() for name in (text or "").split(",") if name.strip())


#: the CSS list styles ``:list-style:`` takes (each a class in sphinxblog.css)
LIST_STYLES = (
    "none", "disc", "circle", "square", "decimal", "lower-alpha", "upper-alpha",
    "lower-roman", "upper-roman",
)  # fmt: skip


def _list_style(text: str) -> str:
    return directives.choice(text.strip().lower(), LIST_STYLES)


class PostListDirective(_ListingDirective):
    """``{postlist}``: the newest posts, pinned ones first; ``:limit:`` (or the argument,
    as ABlog takes it) how many, ``:tag:`` of which tag; ABlog's filters (``:author:``,
    ``:category:``, ``:tags:``, ``:language:``, ``:location:``) and ``:series:``,
    ``:year:``; ABlog's ``:date:``, ``:format:``, ``:excerpts:``, ``:expand:``,
    ``:sort:`` and ``:list-style:``; ``:nopin:`` for dates alone; ``:images:`` for cards
    with each post's cover."""

    node_class = postlist
    optional_arguments = 1
    option_spec: ClassVar[OptionSpec] = {
        "limit": directives.nonnegative_int,
        "tag": directives.unchanged_required,
        "summary": directives.flag,
        "author": _names,
        "category": _names,
        "tags": _names,
        "language": _names,
        "location": _names,
        "series": directives.unchanged_required,
        "year": directives.nonnegative_int,
        "date": directives.unchanged_required,
        "format": directives.unchanged_required,
        "excerpts": directives.flag,
        "expand": directives.unchanged_required,
        "sort": directives.flag,
        "list-style": _list_style,
        "nopin": directives.flag,
        "images": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        options = self.options
        limit = options.get("limit")
        if limit is None and self.arguments:
            limit = directives.nonnegative_int(self.arguments[0])
        node = postlist(
            tag=options.get("tag", ""),
            limit=limit,
            filter=PostFilter(
                authors=options.get("author", ()),
                tags=(*options.get("tags", ()), *options.get("category", ())),
                languages=options.get("language", ()),
                locations=options.get("location", ()),
                series=options.get("series", ""),
                year=options.get("year"),
            ),
            style=ListStyle(
                date_format=options.get("date", ""),
                template=options.get("format", ""),
                expand=options.get("expand", ""),
                oldest_first="sort" in options,
                list_style=options.get("list-style", ""),
                pinned="nopin" not in options,
                images="images" in options,
            ),
        )
        if "summary" in options or "excerpts" in options:
            node["summary"] = True
        self.set_source_info(node)
        return [node]


class ArchiveDirective(_ListingDirective):
    """``{archive}``: every post, newest first, under year and month headings."""

    node_class = archive
    option_spec: ClassVar[OptionSpec] = {"summary": directives.flag}


class TagIndexDirective(_ListingDirective):
    """``{tagindex}``: every tag with its number of posts."""

    node_class = tagindex


class FeedLinksDirective(SphinxDirective):
    """``{feeds}``: links to the site's feeds, in HTML output that has them."""

    def run(self) -> list[nodes.Node]:
        return [feedlinks()]


class TagPostsDirective(_ListingDirective):
    """``{tagposts} slug``: the posts of one tag (used by the generated tag pages)."""

    node_class = tagposts
    required_arguments = 1
    option_spec: ClassVar[OptionSpec] = {"summary": directives.flag}

    def run(self) -> list[nodes.Node]:
        node = tagposts(slug=self.arguments[0], **self.options)
        if "summary" in self.options:
            node["summary"] = True  # a flag's value is None
        self.set_source_info(node)
        return [node]


class PostTocTreeDirective(SphinxDirective):
    """``{posttoctree}``: a toctree of every post, oldest first (``:reversed:`` for
    newest first), for the start document of a book (LaTeX, ePub).

    Toctrees are made while reading, before the posts are read, so the order
    comes from the front matter scanned when the build began.  In a web build
    the toctree is empty: there the posts have listings, and a toctree would
    give every post a parent page to rewrite with each new post, and links
    to render on every post for the theme's previous/next buttons.
    """

    option_spec: ClassVar[OptionSpec] = {
        "caption": directives.unchanged_required,
        "maxdepth": int,
        "reversed": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        docnames = list(blog_data(self.env).toctree)
        if "reversed" in self.options:
            docnames.reverse()
        toctree = addnodes.toctree(
            parent=self.env.docname,
            entries=[(None, docname) for docname in docnames],
            includefiles=docnames,
            maxdepth=self.options.get("maxdepth", 1),
            caption=self.options.get("caption"),
            # hidden: books read it; a web page listing every post would be rewritten
            # with each of them, for no reader (the archive lists them all)
            glob=False, hidden=True, includehidden=False, numbered=0, titlesonly=False,
        )  # fmt: skip
        self.set_source_info(toctree)
        wrapper = nodes.compound(classes=["toctree-wrapper", POST_TOCTREE])
        wrapper += toctree
        return [wrapper]


class _TermPostsDirective(SphinxDirective):
    """One term's listing, by the term's slug (the generated pages)."""

    node_class: ClassVar[type[nodes.Element]]
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        node = self.node_class(slug=self.arguments[0])
        self.set_source_info(node)
        return [node]


class _TermIndexDirective(SphinxDirective):
    """Every term of a taxonomy with its number of posts."""

    node_class: ClassVar[type[nodes.Element]]

    def run(self) -> list[nodes.Node]:
        node = self.node_class()
        self.set_source_info(node)
        return [node]


class AuthorPostsDirective(_TermPostsDirective):
    """``{authorposts} slug``: one author's profile and posts (the generated pages)."""

    node_class = authorposts


class AuthorIndexDirective(_TermIndexDirective):
    """``{authorindex}``: every author with their number of posts."""

    node_class = authorindex


class SeriesPostsDirective(_TermPostsDirective):
    """``{seriesposts} slug``: the posts of one series in reading order (the generated
    series pages)."""

    node_class = seriesposts


class SeriesIndexDirective(_TermIndexDirective):
    """``{seriesindex}``: every series with its number of posts."""

    node_class = seriesindex
