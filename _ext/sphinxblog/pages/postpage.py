"""A post's page as it is read: one title, its language, and where its header
(date, authors, tags) and footer (related and neighbouring posts) go.

The header and footer are placeholders, filled with their views when the
page is written (:mod:`sphinxblog.pages.fill`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinxblog.core.language import language_class, same_language, site_language
from sphinxblog.core.posts import post_from_front_matter
from sphinxblog.reading.collector import post_matcher
from sphinxblog.reading.placeholders import post_footer, post_header
from sphinxblog.reading.store import blog_data, front_matter_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx


_ = get_translation("sphinxblog")
logger = logging.getLogger(__name__)


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
    the file name; :mod:`sphinxblog.core.posts` warns) as its heading, so that in the
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
