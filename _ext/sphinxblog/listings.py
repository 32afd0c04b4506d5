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
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinxblog.catalog import catalog_of
from sphinxblog.envdata import PerDocumentCollector, env_dict
from sphinxblog.frontmatter import tag_key
from sphinxblog.links import date_node, format_day, link
from sphinxblog.tagpages import tags_folder

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from sphinxblog.catalog import Catalog
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
        return "posts"

    def run(self) -> list[nodes.Node]:
        listing_pages_of(self.env).setdefault(self.env.docname, set()).add(self.listing())
        node = self.node_class(**self.options)
        self.set_source_info(node)
        return [node]


class PostListDirective(_ListingDirective):
    """``{postlist}``: the newest posts; ``:limit:`` how many, ``:tag:`` of which tag."""

    node_class = postlist
    option_spec: ClassVar[OptionSpec] = {
        "limit": directives.nonnegative_int,
        "tag": directives.unchanged_required,
    }

    def listing(self) -> str:
        return f"tag:{tag_key(self.options['tag'])}" if "tag" in self.options else "posts"


class ArchiveDirective(_ListingDirective):
    """``{archive}``: every post, newest first, under year and month headings."""

    node_class = archive


class TagIndexDirective(_ListingDirective):
    """``{tagindex}``: every tag with its number of posts."""

    node_class = tagindex

    def listing(self) -> str:
        return "tags"


class TagPostsDirective(_ListingDirective):
    """``{tagposts} slug``: the posts of one tag (used by the generated tag pages)."""

    node_class = tagposts
    required_arguments = 1

    def listing(self) -> str:
        return f"slug:{self.arguments[0]}"

    def run(self) -> list[nodes.Node]:
        (node,) = super().run()
        node["slug"] = self.arguments[0]
        return [node]


# --- rendering ---------------------------------------------------------------------------


def post_items(builder: Builder, fromdocname: str, posts: Iterable[Post]) -> nodes.bullet_list:
    """A list of posts, each with its date and a link to it."""
    items = nodes.bullet_list(classes=["blog-postlist"])
    for post in posts:
        paragraph = nodes.paragraph()
        if post.day is not None:
            paragraph += date_node(post.day, builder.config)
            paragraph += nodes.Text(" ")
        paragraph += link(builder, fromdocname, post.docname, post.title, ["blog-post-title"])
        items += nodes.list_item("", paragraph)
    return items


def tag_page(builder: Builder, tag_slug: str) -> str:
    return f"{tags_folder(builder.config)}/{tag_slug}"


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
    return [post_items(builder, fromdocname, posts)]


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
            month_section += post_items(builder, fromdocname, month_posts)
            year_section += month_section
        sections.append(year_section)
    undated = [post for post in catalog.posts if post.date is None]
    if undated:
        section = nodes.section(ids=["undated"], classes=["blog-archive-undated"])
        section += nodes.title(_("Undated"), _("Undated"))
        section += post_items(builder, fromdocname, undated)
        sections.append(section)
    return [year_links, *sections]


def _render_tagindex(
    node: tagindex, catalog: Catalog, builder: Builder, fromdocname: str
) -> list[nodes.Node]:
    if not catalog.tags:
        return [nodes.paragraph(text=_("No tags yet."), classes=["blog-empty"])]
    items = nodes.bullet_list(classes=["blog-tagindex"])
    for tag in sorted(catalog.tags.values(), key=lambda tag: tag.key):
        paragraph = nodes.paragraph()
        paragraph += link(builder, fromdocname, tag_page(builder, tag.slug), tag.name, ["blog-tag"])
        count = str(len(tag.posts))
        paragraph += [nodes.Text(" "), nodes.inline(count, count, classes=["blog-tag-count"])]
        items += nodes.list_item("", paragraph)
    return [items]


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
    return [count, post_items(builder, fromdocname, posts)]


_RENDERERS = {
    postlist: _render_postlist,
    archive: _render_archive,
    tagindex: _render_tagindex,
    tagposts: _render_tagposts,
}


def fill_listings(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    catalog = catalog_of(app.env)
    for node_class, render in _RENDERERS.items():
        for node in list(doctree.findall(node_class)):
            node.replace_self(render(node, catalog, app.builder, fromdocname))


class ListingCollector(PerDocumentCollector):
    """Keeps :func:`listing_pages_of` in step; the directives record as they run."""

    attribute = "blog_listing_pages"
