"""Directives that list posts: recent posts, the archive, the tag index, a tag's posts.

Each directive leaves a placeholder that is filled at ``doctree-resolved``,
when every post has been read (the ``todolist`` pattern), so listings are
complete in serial and parallel builds alike.
"""

from __future__ import annotations

import itertools
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
from sphinxblog.links import date_node, format_day, has_tag_pages, link, reading_time_node
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
    node: feedlinks, catalog: Catalog, builder: Builder, fromdocname: str
) -> list[nodes.Node]:
    if not feeds_enabled(builder):
        return []
    names = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
    paragraph = nodes.paragraph(classes=["blog-feeds"])
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
    comes from the front matter scanned when the build began.
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
            glob=False, hidden=False, includehidden=False, numbered=0, titlesonly=False,
        )  # fmt: skip
        self.set_source_info(toctree)
        wrapper = nodes.compound(classes=["toctree-wrapper", "blog-post-toctree"])
        wrapper += toctree
        return [wrapper]


def post_toctree_order(env: BuildEnvironment) -> list[str]:
    """Posts oldest first, then undated ones, as scanned when the build began."""
    scanned = getattr(env, "blog_scanned_catalog", None) or catalog_of(env)
    dated = [post.docname for post in reversed(scanned.dated)]
    return dated + [post.docname for post in scanned.posts if post.date is None]


# --- rendering ---------------------------------------------------------------------------


def post_items(
    builder: Builder, fromdocname: str, posts: Iterable[Post], summaries: bool = False
) -> nodes.bullet_list:
    """A list of posts, each with its date and a link to it (and its summary)."""
    items = nodes.bullet_list(classes=["blog-postlist"])
    for post in posts:
        paragraph = nodes.paragraph()
        if post.day is not None:
            paragraph += date_node(post.day, builder.config)
            paragraph += nodes.Text(" ")
        paragraph += link(builder, fromdocname, post.docname, post.title, ["blog-post-title"])
        if post.words:
            paragraph += [nodes.Text(" "), reading_time_node(post.words, builder.config)]
        item = nodes.list_item("", paragraph)
        if summaries and post.summary:
            item += nodes.paragraph(post.summary, post.summary, classes=["blog-summary"])
        items += item
    return items


def tag_link(builder: Builder, fromdocname: str, tag: Tag, classes: list[str]) -> nodes.Node:
    """A link to *tag*: its own page, or its section of the tag index in a book."""
    folder = tags_folder(builder.config)
    if has_tag_pages(builder):
        return link(builder, fromdocname, f"{folder}/{tag.slug}", tag.name, classes)
    return link(builder, fromdocname, f"{folder}/index", tag.name, classes, f"tag-{tag.slug}")


def _render_postlist(
    node: postlist, catalog: Catalog, builder: Builder, fromdocname: str
) -> list[nodes.Node]:
    posts = catalog.posts
    if "tag" in node:
        tag = catalog.tags.get(tag_key(node["tag"]))
        posts = tag.posts if tag else ()
    if "limit" in node:
        posts = posts[: node["limit"]]
    if not posts:
        return [nodes.paragraph(text=_("No posts yet."), classes=["blog-empty"])]
    return [post_items(builder, fromdocname, posts, "summary" in node)]


def _render_archive(
    node: archive, catalog: Catalog, builder: Builder, fromdocname: str
) -> list[nodes.Node]:
    config = builder.config
    if not catalog.posts:
        return [nodes.paragraph(text=_("No posts yet."), classes=["blog-empty"])]
    years = itertools.groupby(catalog.dated, key=lambda post: post.day.year)
    year_links = nodes.paragraph(classes=["blog-archive-years"])
    sections: list[nodes.Node] = []
    for year, year_posts in years:
        year_id = f"year-{year}"
        reference = nodes.reference(str(year), str(year), internal=True, refid=year_id)
        year_links += [reference, nodes.Text(" ")]
        year_section = nodes.section(ids=[year_id], classes=["blog-archive-year"])
        year_section += nodes.title(str(year), str(year))
        for (_year, month), month_posts in itertools.groupby(
            year_posts, key=lambda post: (post.day.year, post.day.month)
        ):
            month_posts = list(month_posts)
            month_name = format_day(month_posts[0].day, config, "%B")
            month_section = nodes.section(
                ids=[f"month-{year}-{month:02}"], classes=["blog-archive-month"]
            )
            month_section += nodes.title(month_name, month_name)
            month_section += post_items(builder, fromdocname, month_posts, "summary" in node)
            year_section += month_section
        sections.append(year_section)
    undated = [post for post in catalog.posts if post.date is None]
    if undated:
        section = nodes.section(ids=["undated"], classes=["blog-archive-undated"])
        section += nodes.title(_("Undated"), _("Undated"))
        section += post_items(builder, fromdocname, undated, "summary" in node)
        sections.append(section)
    return [year_links, *sections]


def _render_tagindex(
    node: tagindex, catalog: Catalog, builder: Builder, fromdocname: str
) -> list[nodes.Node]:
    if not catalog.tags:
        return [nodes.paragraph(text=_("No tags yet."), classes=["blog-empty"])]
    tags = sorted(catalog.tags.values(), key=lambda tag: tag.key)
    items = nodes.bullet_list(classes=["blog-tagindex"])
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
    node: tagposts, catalog: Catalog, builder: Builder, fromdocname: str
) -> list[nodes.Node]:
    tag = catalog.tag_by_slug(node["slug"])
    posts = tag.posts if tag else ()
    if not posts:
        return [nodes.paragraph(text=_("No posts have this tag."), classes=["blog-empty"])]
    count = nodes.paragraph(classes=["blog-tag-summary"])
    count += nodes.Text(_("%d posts") % len(posts) if len(posts) != 1 else _("1 post"))
    count += nodes.Text(" · ")
    index = f"{tags_folder(builder.config)}/index"
    count += link(builder, fromdocname, index, _("All tags"), ["blog-all-tags"])
    if feeds_enabled(builder) and builder.config.blog_tag_feeds and tag is not None:
        uri = relative_path(builder, fromdocname, tag_feed_path(builder.config, tag))
        feed = _("Atom feed")
        count += [nodes.Text(" · "), nodes.reference(feed, feed, refuri=uri, classes=["blog-feed"])]
    return [count, post_items(builder, fromdocname, posts, "summary" in node)]


_RENDERERS = {
    postlist: _render_postlist,
    archive: _render_archive,
    tagindex: _render_tagindex,
    tagposts: _render_tagposts,
    feedlinks: _render_feedlinks,
}


def fill_listings(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    catalog = catalog_of(app.env)
    for node_class, render in _RENDERERS.items():
        for node in list(doctree.findall(node_class)):
            node.replace_self(render(node, catalog, app.builder, fromdocname))


class ListingCollector(PerDocumentCollector):
    """Keeps :func:`listing_pages_of` in step; the directives record as they run."""

    attribute = "blog_listing_pages"
