"""Directives that list posts: recent posts, the archive, the tag index, a tag's posts.

Each directive leaves a placeholder that is filled at ``doctree-resolved``,
when every post has been read (the ``todolist`` pattern), so listings are
complete in serial and parallel builds alike.
"""

from __future__ import annotations

import itertools
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinxblog.catalog import catalog_of
from sphinxblog.config import tags_folder
from sphinxblog.envdata import PerDocumentCollector, env_dict
from sphinxblog.feeds import SITE_FEEDS, feeds_enabled, relative_path, tag_feed_path
from sphinxblog.language import language_class, same_language, site_language
from sphinxblog.links import (
    NO_SEARCH,
    date_node,
    has_tag_pages,
    link,
    month_name,
    reading_time_node,
)
from sphinxblog.values import tag_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from sphinxblog.catalog import Catalog, Tag
    from sphinxblog.posts import Post

_ = get_translation("sphinxblog")
logger = logging.getLogger(__name__)


class postlist(nodes.General, nodes.Element):
    """Placeholder for the newest posts, optionally of one tag."""


class archive(nodes.General, nodes.Element):
    """Placeholder for every post by year and month."""


class tagindex(nodes.General, nodes.Element):
    """Placeholder for every tag with its number of posts."""


class tagposts(nodes.General, nodes.Element):
    """Placeholder for the posts of the tag whose slug is ``slug``."""


def listing_pages_of(env: BuildEnvironment) -> dict[str, set[str]]:
    """Which listings each document shows: ``posts``, ``tags``, ``tag:<key>`` or ``slug:<slug>``."""
    return env_dict(env, ListingCollector.attribute)


class _ListingDirective(SphinxDirective):
    node_class: ClassVar[type[nodes.Element]]

    def listing(self) -> str:
        """What the listing shows, for :mod:`sphinxblog.updates`."""
        return self._with_summary("posts")

    def _with_summary(self, listing: str) -> str:
        kind, colon, value = listing.partition(":")
        return f"{kind}+summary{colon}{value}" if "summary" in self.options else listing

    def run(self) -> list[nodes.Node]:
        listing_pages_of(self.env).setdefault(self.env.docname, set()).add(self.listing())
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

    def listing(self) -> str:
        if "tag" in self.options:
            return self._with_summary(f"tag:{tag_key(self.options['tag'])}")
        return self._with_summary("posts")


class ArchiveDirective(_ListingDirective):
    """``{archive}``: every post, newest first, under year and month headings."""

    node_class = archive
    option_spec: ClassVar[OptionSpec] = {"summary": directives.flag}


class TagIndexDirective(_ListingDirective):
    """``{tagindex}``: every tag with its number of posts."""

    node_class = tagindex

    def listing(self) -> str:
        return "tags"


class feedlinks(nodes.General, nodes.Element):
    """Placeholder for links to the site's feeds."""


class FeedLinksDirective(SphinxDirective):
    """``{feeds}``: links to the site's feeds, in HTML output that has them."""

    def run(self) -> list[nodes.Node]:
        return [feedlinks()]


def _render_feedlinks(
    node: feedlinks, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
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

    def listing(self) -> str:
        return self._with_summary(f"slug:{self.arguments[0]}")

    def run(self) -> list[nodes.Node]:
        (node,) = super().run()
        node["slug"] = self.arguments[0]
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
        listing_pages_of(self.env).setdefault(self.env.docname, set()).add("toctree")
        docnames = post_toctree_order(self.env)
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
        wrapper = nodes.compound(classes=["toctree-wrapper", "blog-post-toctree"])
        wrapper += toctree
        return [wrapper]


def post_toctree_order(env: BuildEnvironment) -> list[str]:
    """Posts oldest first, then undated ones, as scanned when the build began;
    none in a web build, which lists them on pages of its own."""
    order = getattr(env, "blog_post_toctree_order", None)
    return list(oldest_first(catalog_of(env)) if order is None else order)


def oldest_first(catalog: Catalog) -> list[str]:
    """The docnames of a book's chapters: posts oldest first, then undated ones."""
    dated = [post.docname for post in reversed(catalog.dated)]
    return dated + [post.docname for post in catalog.posts if post.date is None]


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


# --- pages of long listings (HTML only; books keep one complete list) ------------------


@dataclass(frozen=True)
class Page:
    """Page *number* of *count* of the listing on document *docname*."""

    docname: str
    number: int = 1
    count: int = 1


def page_name(docname: str, number: int) -> str:
    """Where page *number* of a listing goes: ``tags/python/page/2``, ``page/2``."""
    if number == 1:
        return docname
    base = (
        docname.removesuffix("index") if posixpath.basename(docname) == "index" else docname + "/"
    )
    return f"{base}page/{number}"


def page_size(builder: Builder) -> int:
    return builder.config.blog_page_size if has_tag_pages(builder) else 0


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


def _postlist_posts(node: postlist, catalog: Catalog) -> tuple[Post, ...]:
    """Every post, or every post of the ``:tag:`` option's tag."""
    if "tag" not in node:
        return catalog.posts
    tag = catalog.tags.get(tag_key(node["tag"]))
    return tag.posts if tag else ()


def _page_of(posts: tuple[Post, ...], page: Page, size: int) -> tuple[Post, ...]:
    return posts[(page.number - 1) * size : page.number * size] if page.count > 1 else posts


def pager(builder: Builder, fromdocname: str, page: Page) -> nodes.paragraph:
    """Links to the newer and older pages of a listing."""
    paragraph = nodes.paragraph(classes=["blog-pager", NO_SEARCH])
    if page.number > 1:
        target = page_name(page.docname, page.number - 1)
        uri = builder.get_relative_uri(fromdocname, target)
        paragraph += nodes.reference(
            "", "← " + _("Newer posts"), refuri=uri, classes=["blog-newer"]
        )
    text = _("Page %d of %d") % (page.number, page.count)
    paragraph += nodes.inline(text, text, classes=["blog-page-number"])
    if page.number < page.count:
        target = page_name(page.docname, page.number + 1)
        uri = builder.get_relative_uri(fromdocname, target)
        paragraph += nodes.reference(
            "", _("Older posts") + " →", refuri=uri, classes=["blog-older"]
        )
    return paragraph


def page_count(posts: tuple[Post, ...], size: int) -> int:
    """How many pages of *size* posts a listing of *posts* takes (one if it is empty)."""
    return -(-len(posts) // size) if size and posts else 1


def _first_page(node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str) -> Page:
    return Page(fromdocname, 1, page_count(listing_posts(node, catalog), page_size(builder)))


def _render_postlist(
    node: postlist, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    posts = listing_posts(node, catalog)
    if posts is None:  # a :limit: list
        posts = _postlist_posts(node, catalog)[: node["limit"]]
    if not posts:
        return [nodes.paragraph(text=_("No posts yet."), classes=["blog-empty"])]
    shown = _page_of(posts, page, page_size(builder))
    # a post in another language than the site's may list posts in its text
    around = language_around(node, site_language(builder.config.language))
    items = post_items(builder, fromdocname, shown, "summary" in node, around)
    result: list[nodes.Node] = [items]
    return [*result, pager(builder, fromdocname, page)] if page.count > 1 else result


def _render_archive(
    node: archive, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    config = builder.config
    if not catalog.posts:
        return [nodes.paragraph(text=_("No posts yet."), classes=["blog-empty"])]
    size = page_size(builder)
    shown = _page_of(catalog.posts, page, size)
    # each year links to where it starts: on this page, or on another one
    year_pages: dict[int, int] = {}
    for index, post in enumerate(catalog.dated):
        year_pages.setdefault(post.day.year, index // size + 1 if page.count > 1 else 1)
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
    for year, year_posts in itertools.groupby(dated, key=lambda post: post.day.year):
        year_id = f"year-{year}"
        year_section = nodes.section(ids=[year_id], classes=["blog-archive-year"])
        year_section += nodes.title(str(year), str(year))
        for (_year, month), month_posts in itertools.groupby(
            year_posts, key=lambda post: (post.day.year, post.day.month)
        ):
            month_posts = list(month_posts)
            heading = month_name(month_posts[0].day, config)
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
    node: tagindex, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
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
    node: tagposts, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
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
    shown = _page_of(posts, page, page_size(builder))
    result = [count, post_items(builder, fromdocname, shown, "summary" in node)]
    return [*result, pager(builder, fromdocname, page)] if page.count > 1 else result


_RENDERERS = {
    postlist: _render_postlist,
    archive: _render_archive,
    tagindex: _render_tagindex,
    tagposts: _render_tagposts,
    feedlinks: _render_feedlinks,
}


def render_listing(
    node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    """The nodes that replace the placeholder *node* on *page* of its listing."""
    return _RENDERERS[type(node)](node, catalog, builder, fromdocname, page)


def fill_listings(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    catalog = catalog_of(app.env)
    paginated = False  # one listing a page paginates; the pages after it are written later
    for node in list(doctree.findall(lambda n: type(n) in _RENDERERS)):
        page = Page(fromdocname)
        if not paginated and listing_posts(node, catalog) is not None:
            page, paginated = _first_page(node, catalog, app.builder, fromdocname), True
        node.replace_self(render_listing(node, catalog, app.builder, fromdocname, page))


class ListingCollector(PerDocumentCollector):
    """Keeps :func:`listing_pages_of` in step; the directives record as they run."""

    attribute = "blog_listing_pages"
