"""Directives that list posts: recent posts, the archive, the tag index, a tag's posts.

Each directive leaves a placeholder (:mod:`sphinxblog.placeholders`) that is
rendered here at ``doctree-resolved`` (:mod:`sphinxblog.render`), when every
post has been read (the ``todolist`` pattern), so listings are complete in
serial and parallel builds alike.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinxblog.addresses import SITE_FEEDS, feeds_enabled, relative_path, tag_feed_path
from sphinxblog.config import tags_folder
from sphinxblog.language import language_class, same_language, site_language
from sphinxblog.links import (
    NO_SEARCH,
    date_node,
    has_tag_pages,
    link,
    month_name,
    reading_time_node,
)
from sphinxblog.pagination import Page, page_count, page_name, page_of, page_size, pager
from sphinxblog.placeholders import POST_TOCTREE, archive, postlist, tagindex, tagposts
from sphinxblog.store import blog_data

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.builders import Builder
    from sphinx.util.typing import OptionSpec

    from sphinxblog.catalog import Catalog, Tag
    from sphinxblog.posts import Post

    #: renders a placeholder on a page: (node, catalog, builder, fromdocname, page)
    Renderer = Callable[[nodes.Element, Catalog, Builder, str, Page], list[nodes.Node]]

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


class PostListDirective(_ListingDirective):
    """``{postlist}``: the newest posts; ``:limit:`` how many, ``:tag:`` of which tag."""

    node_class = postlist
    option_spec: ClassVar[OptionSpec] = {
        "limit": directives.nonnegative_int,
        "tag": directives.unchanged_required,
        "summary": directives.flag,
    }


class ArchiveDirective(_ListingDirective):
    """``{archive}``: every post, newest first, under year and month headings."""

    node_class = archive
    option_spec: ClassVar[OptionSpec] = {"summary": directives.flag}


class TagIndexDirective(_ListingDirective):
    """``{tagindex}``: every tag with its number of posts."""

    node_class = tagindex


class feedlinks(nodes.General, nodes.Element):
    """Placeholder for links to the site's feeds."""


class FeedLinksDirective(SphinxDirective):
    """``{feeds}``: links to the site's feeds, in HTML output that has them."""

    def run(self) -> list[nodes.Node]:
        return [feedlinks()]


def _render_feedlinks(
    node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    if not feeds_enabled(builder):
        return []
    names = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
    paragraph = nodes.paragraph(classes=["blog-feeds", NO_SEARCH])
    paragraph += nodes.Text(_("Subscribe:") + " ")
    for kind in (kind for kind in SITE_FEEDS if kind in builder.config.blog_feeds):
        uri = relative_path(builder, fromdocname, SITE_FEEDS[kind])
        paragraph += nodes.reference(names[kind], names[kind], refuri=uri, classes=["blog-feed"])
        paragraph += nodes.Text(" ")
    return [paragraph]


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


# --- rendering ---------------------------------------------------------------------------


def _own_language(post: Post, around: str) -> list[str]:
    """The class marking *post*'s title or summary with its language, where the
    text *around* it is in another."""
    if not post.language or same_language(post.language, around):
        return []
    return [language_class(post.language)]


def post_link(
    builder: Builder, fromdocname: str, post: Post, around: str | None = None
) -> nodes.Node:
    """A link to *post* showing its title, marked with its language unless that
    is the language *around* it (by default the site's)."""
    around = around or site_language(builder.config.language)
    classes = ["blog-post-title", *_own_language(post, around)]
    return link(builder, fromdocname, post.docname, post.title, classes)


def post_items(
    builder: Builder,
    fromdocname: str,
    posts: Iterable[Post],
    summaries: bool = False,
    around: str | None = None,
) -> nodes.bullet_list:
    """A list of posts, each with its date and a link to it (and its summary).

    Titles and summaries in another language than the one *around* the list
    (by default the site's) are marked with theirs.
    """
    around = around or site_language(builder.config.language)
    items = nodes.bullet_list(classes=["blog-postlist", NO_SEARCH])
    for post in posts:
        paragraph = nodes.paragraph()
        if post.day is not None:
            paragraph += date_node(post.day, builder.config)
            paragraph += nodes.Text(" ")
        paragraph += post_link(builder, fromdocname, post, around)
        if post.words:
            paragraph += [nodes.Text(" "), reading_time_node(post.words, builder.config)]
        item = nodes.list_item("", paragraph)
        if summaries and post.summary:
            classes = ["blog-summary", *_own_language(post, around)]
            item += nodes.paragraph(post.summary, post.summary, classes=classes)
        items += item
    return items


def language_around(node: nodes.Node, default: str) -> str:
    """The language of the text *node* is in: the nearest ``language-*`` class
    of it or its ancestors (a post in another language than the site's has one),
    else *default*."""
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, nodes.Element):
            name: str
            for name in current.get("classes", ()):
                if name.startswith("language-"):
                    return name.removeprefix("language-")
        current = current.parent
    return default


def tag_link(builder: Builder, fromdocname: str, tag: Tag, classes: list[str]) -> nodes.Node:
    """A link to *tag*: its own page, or its section of the tag index in a book."""
    folder = tags_folder(builder.config)
    if has_tag_pages(builder):
        return link(builder, fromdocname, f"{folder}/{tag.slug}", tag.name, classes)
    return link(builder, fromdocname, f"{folder}/index", tag.name, classes, f"tag-{tag.slug}")


def listing_posts(node: nodes.Element, catalog: Catalog) -> tuple[Post, ...] | None:
    """The posts a listing shows in full, page after page; None for other listings."""
    if isinstance(node, archive):
        return catalog.posts
    if isinstance(node, tagposts):
        tag = catalog.tag_by_slug(node["slug"])
        return tag.posts if tag else ()
    if isinstance(node, postlist) and "limit" not in node:
        return _postlist_posts(node, catalog)
    return None


def _postlist_posts(node: nodes.Element, catalog: Catalog) -> tuple[Post, ...]:
    """Every post, or every post of the ``:tag:`` option's tag."""
    if "tag" not in node:
        return catalog.posts
    tag = catalog.tag(node["tag"])
    return tag.posts if tag else ()


def first_page(node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str) -> Page:
    """The first page of the listing *node* on *fromdocname*, and how many it has."""
    posts = listing_posts(node, catalog) or ()
    return Page(fromdocname, 1, page_count(posts, page_size(builder)))


def _render_postlist(
    node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    posts = listing_posts(node, catalog)
    if posts is None:  # a :limit: list
        posts = _postlist_posts(node, catalog)[: node["limit"]]
    if not posts:
        return [nodes.paragraph(text=_("No posts yet."), classes=["blog-empty"])]
    shown = page_of(posts, page, page_size(builder))
    # a post in another language than the site's may list posts in its text
    around = language_around(node, site_language(builder.config.language))
    items = post_items(builder, fromdocname, shown, "summary" in node, around)
    result: list[nodes.Node] = [items]
    return [*result, pager(builder, fromdocname, page)] if page.count > 1 else result


def _day(post: Post) -> dt.date:
    """The day of a dated post."""
    assert post.day is not None, post.docname
    return post.day


def _render_archive(
    node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    config = builder.config
    if not catalog.shown_count():
        return [nodes.paragraph(text=_("No posts yet."), classes=["blog-empty"])]
    # a page reads its own posts alone, so that an edit rewrites the pages it is on
    size = page_size(builder) if page.count > 1 else 0
    start = (page.number - 1) * size
    shown = catalog.window(start, start + size) if size else catalog.posts
    # each year links to where it starts: on this page, or on another one
    year_pages = catalog.year_pages(size)
    year_links = nodes.paragraph(classes=["blog-archive-years"])
    for year, number in year_pages.items():
        if number == page.number:
            reference = nodes.reference(str(year), str(year), internal=True, refid=f"year-{year}")
        else:
            uri = builder.get_relative_uri(fromdocname, page_name(page.docname, number))
            reference = nodes.reference(str(year), str(year), refuri=f"{uri}#year-{year}")
        year_links += [reference, nodes.Text(" ")]
    dated = [post for post in shown if post.date is not None]
    sections: list[nodes.Node] = []
    for year, year_posts in itertools.groupby(dated, key=lambda post: _day(post).year):
        year_id = f"year-{year}"
        year_section = nodes.section(ids=[year_id], classes=["blog-archive-year"])
        year_section += nodes.title(str(year), str(year))
        for (_year, month), by_month in itertools.groupby(
            year_posts, key=lambda post: (_day(post).year, _day(post).month)
        ):
            month_posts = list(by_month)
            heading = month_name(_day(month_posts[0]), config)
            month_section = nodes.section(
                ids=[f"month-{year}-{month:02}"], classes=["blog-archive-month"]
            )
            month_section += nodes.title(heading, heading)
            month_section += post_items(builder, fromdocname, month_posts, "summary" in node)
            year_section += month_section
        sections.append(year_section)
    undated = [post for post in shown if post.date is None]
    if undated:
        section = nodes.section(ids=["undated"], classes=["blog-archive-undated"])
        section += nodes.title(_("Undated"), _("Undated"))
        section += post_items(builder, fromdocname, undated, "summary" in node)
        sections.append(section)
    if page.count > 1:
        sections.append(pager(builder, fromdocname, page))
    return [year_links, *sections]


def _render_tagindex(
    node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    if not catalog.tags:
        return [nodes.paragraph(text=_("No tags yet."), classes=["blog-empty"])]
    tags = sorted(catalog.tags.values(), key=lambda tag: tag.key)
    items = nodes.bullet_list(classes=["blog-tagindex", NO_SEARCH])
    for tag in tags:
        paragraph = nodes.paragraph()
        paragraph += tag_link(builder, fromdocname, tag, ["blog-tag"])
        count = str(len(tag.posts))
        paragraph += [nodes.Text(" "), nodes.inline(count, count, classes=["blog-tag-count"])]
        items += nodes.list_item("", paragraph)
    if has_tag_pages(builder):
        return [items]
    # a book has no page per tag: each tag's posts follow, under its own heading
    sections = []
    for tag in tags:
        section = nodes.section(ids=[f"tag-{tag.slug}"], classes=["blog-tag-section"])
        section += nodes.title(tag.name, tag.name)
        section += post_items(builder, fromdocname, tag.posts)
        sections.append(section)
    return [items, *sections]


def _render_tagposts(
    node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    tag = catalog.tag_by_slug(node["slug"])
    posts = tag.posts if tag else ()
    if not posts:
        return [nodes.paragraph(text=_("No posts have this tag."), classes=["blog-empty"])]
    count = nodes.paragraph(classes=["blog-tag-summary", NO_SEARCH])
    if page.number == 1:
        # the first page only: later pages then change only where posts moved
        count += nodes.Text(_("%d posts") % len(posts) if len(posts) != 1 else _("1 post"))
        count += nodes.Text(" · ")
    index = f"{tags_folder(builder.config)}/index"
    count += link(builder, fromdocname, index, _("All tags"), ["blog-all-tags"])
    if feeds_enabled(builder) and builder.config.blog_tag_feeds and tag is not None:
        uri = relative_path(builder, fromdocname, tag_feed_path(builder.config, tag))
        feed = _("Atom feed")
        count += [nodes.Text(" · "), nodes.reference(feed, feed, refuri=uri, classes=["blog-feed"])]
    shown = page_of(posts, page, page_size(builder))
    result: list[nodes.Node] = [count, post_items(builder, fromdocname, shown, "summary" in node)]
    return [*result, pager(builder, fromdocname, page)] if page.count > 1 else result


#: the renderer of each placeholder (:func:`sphinxblog.render.render`)
RENDERERS: dict[type[nodes.Element], Renderer] = {
    postlist: _render_postlist,
    archive: _render_archive,
    tagindex: _render_tagindex,
    tagposts: _render_tagposts,
    feedlinks: _render_feedlinks,
}
