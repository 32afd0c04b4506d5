"""What a post shows around its text: date and tags under the title, and links
to the chronologically newer and older posts at the end."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinxblog.authorpages import byline
from sphinxblog.language import language_class, same_language, site_language
from sphinxblog.links import NO_SEARCH, date_node, format_day, reading_time_node
from sphinxblog.listings import post_items, post_link, tag_link
from sphinxblog.placeholders import post_footer, post_header
from sphinxblog.posts import post_from_front_matter
from sphinxblog.reading import post_matcher
from sphinxblog.store import blog_data, front_matter_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

    from sphinxblog.catalog import Catalog
    from sphinxblog.listings import Renderer
    from sphinxblog.pagination import Page

_ = get_translation("sphinxblog")
logger = logging.getLogger(__name__)

# sphinx-design's badge classes: themed, with dark-mode variants
_TAG_BADGE = ["sd-sphinx-override", "sd-badge", "sd-outline-primary", "sd-text-primary", "blog-tag"]
_DRAFT_BADGE = [
    "sd-sphinx-override",
    "sd-badge",
    "sd-bg-warning",
    "sd-bg-text-warning",
    "blog-draft",
]


class RemoveRepeatedTitle(SphinxTransform):
    """Drop the front-matter title when the post's text repeats it as ``# Heading``.

    MyST renders a front-matter ``title`` as the page's first heading; posts
    brought from other generators often also start with the same heading.
    """

    default_priority = 700

    def apply(self, **kwargs: object) -> None:
        if not post_matcher(self.config)(self.env.docname):
            return
        sections = [node for node in self.document.children if isinstance(node, nodes.section)]
        if len(sections) < 2 or len(sections[0].children) != 1:
            return
        title, repeated = sections[:2]
        if title[0].astext().casefold() == repeated[0].astext().casefold():
            self.document.remove(title)
            # the heading keeps the title's id: the one the old site gave it
            # (MyST numbered the repeated heading's, ``title-1``)
            repeated["ids"] = [*title["ids"], *repeated["ids"]]
            for name in title["ids"]:
                self.document.ids[name] = repeated


class OnePostOneTitle(SphinxTransform):
    """Give each post exactly one title: the top section holds the whole post.

    With ``myst_title_to_header`` a front-matter title is the first section, and
    the post's own ``# Heading`` sections follow it as more top-level sections:
    more titles on the page, and more chapters in the PDF. They become sections
    under the title. A post with no title anywhere gets its record's title (from
    the file name; :mod:`sphinxblog.posts` warns) as its heading, so that in the
    book it is a chapter of its own rather than text run into the one before.
    """

    default_priority = 710  # after RemoveRepeatedTitle (700)

    def apply(self, **kwargs: object) -> None:
        docname = self.env.docname
        if not post_matcher(self.config)(docname):
            return
        sections = [node for node in self.document.children if isinstance(node, nodes.section)]
        if not sections:
            self._add_title(docname)
            return
        first = sections[0]
        for section in sections[1:]:
            self.document.remove(section)
            first += section

    def _add_title(self, docname: str) -> None:
        front_matter = front_matter_of(self.env, docname)
        post, problems = post_from_front_matter(docname, front_matter, None)
        # the post collector finds this heading and no longer misses a title: say it here
        for problem in problems:
            if problem.subtype == "title":
                logger.warning(
                    "%s", problem.message,
                    location=(docname, problem.line), type="blog", subtype="title",
                )  # fmt: skip
        section = nodes.section()
        section += nodes.title(post.title, post.title)
        kept = (nodes.docinfo, nodes.Invisible, nodes.comment)
        for node in list(self.document.children):
            if not isinstance(node, kept):
                self.document.remove(node)
                section += node
        self.document += section
        self.document.note_implicit_target(section, section)


def add_post_placeholders(app: Sphinx, doctree: nodes.document) -> None:
    """Mark where a post's header and footer go, while its doctree is read.

    Placeholders carry the post's docname so that they are filled right even
    where builders assemble many documents into one (singlehtml, LaTeX, ePub).
    """
    docname = app.env.docname
    if not post_matcher(app.config)(docname):
        return
    _mark_language(app, doctree, docname)
    sections = [node for node in doctree.children if isinstance(node, nodes.section)]
    if not sections:
        doctree.insert(0, post_header(docname=docname))
        doctree += post_footer(docname=docname)
        return
    first, last = sections[0], sections[-1]
    first.insert(1 if isinstance(first[0], nodes.title) else 0, post_header(docname=docname))
    last += post_footer(docname=docname)


def _mark_language(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put the post's language on its text where it is not the site's.

    The class becomes a ``lang`` attribute in every HTML writer (html, dirhtml,
    singlehtml, the ePub's XHTML) and in the feeds' full text, which render
    the post's top-level elements, not the page around them.
    """
    # the post collector is connected earlier and has already made the record
    post = blog_data(app.env).posts.get(docname)
    if post is None or not post.language:
        return
    if same_language(post.language, site_language(app.config.language)):
        return
    for node in doctree.children:
        # targets, comments and raw output have no element of their own to carry it
        if isinstance(node, nodes.Element) and not isinstance(
            node, nodes.Invisible | nodes.raw | nodes.docinfo
        ):
            node["classes"].append(language_class(post.language))


def _site_language_classes(post_language: str, config: Config) -> list[str]:
    """The class that gives back the site's language to the blog's own words
    (dates, labels) inside a post in another language."""
    site = site_language(config.language)
    return [] if same_language(post_language or site, site) else [language_class(site)]


def _header(
    node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    post = catalog.post(node["docname"])
    if post is None:
        return []
    config = builder.config
    items: list[nodes.Node] = []
    if post.draft:
        items.append(nodes.inline(_("Draft"), _("Draft"), classes=_DRAFT_BADGE))
    if post.day is not None:
        items.append(date_node(post.day, config))
    if isinstance(post.updated, dt.date):
        updated = _("Updated %s") % format_day(_day(post.updated), config)
        items.append(nodes.inline(updated, updated, classes=["blog-updated", NO_SEARCH]))
    if post.authors:
        items.append(byline(post, builder, fromdocname))
    if post.words:
        items.append(reading_time_node(post.words, config))
    if post.tags:
        badges = nodes.inline(classes=["blog-post-tags"])
        for name in post.tags:
            tag = catalog.tag(name)
            if tag is None:  # a tag only drafts use has no page yet
                badges += nodes.inline(name, name, classes=list(_TAG_BADGE))
            else:
                badges += tag_link(builder, fromdocname, tag, list(_TAG_BADGE))
            badges += nodes.Text(" ")
        items.append(badges)
    meta = nodes.paragraph(
        classes=["blog-post-meta", *_site_language_classes(post.language, config)]
    )
    for item in items:
        meta += [item, nodes.Text(" ")]
    return [meta]


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _footer(
    node: nodes.Element, catalog: Catalog, builder: Builder, fromdocname: str, page: Page
) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    post = catalog.post(node["docname"])
    config = builder.config
    # the footer is in the site's language, whatever the post's
    language = _site_language_classes(post.language if post else "", config)
    related = catalog.related(post, config.blog_related_posts) if post else []
    if related:
        # a rubric, not a section: it must not join the page's table of contents
        box = nodes.container(classes=["blog-related", NO_SEARCH, *language])
        box += nodes.rubric(_("Related posts"), _("Related posts"))
        box += post_items(builder, fromdocname, related)
        result.append(box)
    newer, older = catalog.neighbours(node["docname"])
    if newer is None and older is None:
        return result
    navigation = nodes.container(classes=["blog-post-nav", NO_SEARCH, *language])
    for post, label, css_class in (
        (older, _("Older"), "blog-older"),
        (newer, _("Newer"), "blog-newer"),
    ):
        if post is None:
            continue
        paragraph = nodes.paragraph(classes=[css_class])
        paragraph += nodes.inline(label, label, classes=["blog-nav-label"])
        paragraph += nodes.Text(" ")
        paragraph += post_link(builder, fromdocname, post)
        navigation += paragraph
    return [*result, navigation]


#: the renderer of each placeholder (:func:`sphinxblog.render.render`)
RENDERERS: dict[type[nodes.Element], Renderer] = {post_header: _header, post_footer: _footer}
