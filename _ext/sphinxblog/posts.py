"""Post records: what each post's front matter says, kept in the environment."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging
from sphinx.util.matching import Matcher
from sphinx.util.nodes import clean_astext

from sphinxblog.config import site_zone
from sphinxblog.dates import Date, date_from_path
from sphinxblog.envdata import PerDocumentCollector, env_dict
from sphinxblog.frontmatter import FrontMatter, interpret, read_front_matter
from sphinxblog.language import guess_language
from sphinxblog.oldurls import bundle_addresses, pattern_addresses, slug_addresses
from sphinxblog.problems import Problem

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Post:
    """One post, as listings, feeds and templates need it."""

    docname: str
    title: str
    #: a calendar date, or a date-time with the offset it was written with
    date: Date | None
    #: tag names as this post spells them, without case duplicates
    tags: tuple[str, ...] = ()
    updated: Date | None = None
    authors: tuple[str, ...] = ()
    #: plain text: from the front matter, the text before ``<!-- more -->``,
    #: or the first paragraph
    summary: str | None = None
    draft: bool = False
    #: old paths that redirect to the post
    aliases: tuple[str, ...] = ()
    #: words in the post's text, for its reading time
    words: int = 0
    #: the BCP 47 tag of the post's text: its front matter's, else guessed
    #: from its script (see :mod:`sphinxblog.language`)
    language: str = ""

    #: front-matter keys the blog does not know, for templates; left out of
    #: comparisons and ``repr()`` (and so of the digests of what pages show):
    #: no listing shows them, and a value shared through YAML aliases is small
    #: only until it is written out
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def day(self) -> dt.date | None:
        """The calendar day the author wrote, never shifted through a time zone."""
        if isinstance(self.date, dt.datetime):
            return self.date.date()
        return self.date

    @property
    def sort_key(self) -> tuple[dt.date, dt.datetime, str]:
        """Chronological order that never compares naive and aware date-times.

        Posts order by the day written first, so that a day, month or year of
        a listing is never split; within a day, date-times with an offset order
        by the instant they name (12:00 +05:00 before 12:00 -05:00), those
        without one by the time written, as if it were UTC, and a date-only
        post counts as midnight of its day.
        """
        if isinstance(self.date, dt.datetime):
            moment = self.date
            if moment.utcoffset() is not None:
                try:
                    moment = moment.astimezone(dt.UTC)
                except OverflowError:  # within hours of year 1 or 9999: as written
                    pass
            return self.date.date(), moment.replace(tzinfo=None), self.docname
        day = self.date or dt.date.min
        return day, dt.datetime.combine(day, dt.time()), self.docname


def post_matcher(config: Config) -> Matcher:
    patterns = config.blog_post_pattern
    return _matcher((patterns,) if isinstance(patterns, str) else tuple(patterns))


@functools.lru_cache(maxsize=16)
def _matcher(patterns: tuple[str, ...]) -> Matcher:
    # every document asks, and compiling the patterns costs more than matching
    return Matcher(list(patterns))


def read_source(path: Path, encoding: str) -> str:
    """A source file's text; undecodable bytes are replaced, as Sphinx's reader does."""
    return path.read_text(encoding=encoding, errors="replace")


def posts_of(env: BuildEnvironment) -> dict[str, Post]:
    """The post records in *env*, by docname."""
    return env_dict(env, PostCollector.attribute)


#: the comments that end a post's summary: most generators', and Docusaurus'
#: where Pelican's summary starts (its end is translated to ``<!-- more -->``)
SUMMARY_STARTS = frozenset({"<!-- PELICAN_BEGIN_SUMMARY -->", "<!--PELICAN_BEGIN_SUMMARY-->"})
MORE_MARKERS = frozenset({"<!-- more -->", "<!--more-->", "<!-- truncate -->", "<!--truncate-->"})


def summary_of(doctree: nodes.document) -> str | None:
    """The text before a ``<!-- more -->`` marker (from Pelican's begin marker,
    where there is one), else the first paragraph, cut at :data:`SUMMARY_WORDS` words."""
    paragraphs: list[str] = []
    for node in doctree.findall(lambda n: isinstance(n, nodes.paragraph | nodes.raw)):
        if isinstance(node, nodes.raw):
            marker = node.astext().strip()
            if marker in MORE_MARKERS:
                return _cut(" ".join(paragraphs)) or None
            if marker in SUMMARY_STARTS:
                paragraphs = []
        elif isinstance(node.parent, nodes.section | nodes.document):
            paragraphs.append(" ".join(node.astext().split()))
    return _cut(paragraphs[0]) if paragraphs else None


#: the longest summary taken from a post's text (one the author writes is kept whole)
SUMMARY_WORDS = 60


def _cut(text: str) -> str:
    words = text.split()
    return text if len(words) <= SUMMARY_WORDS else " ".join(words[:SUMMARY_WORDS]) + " …"


_NOT_PROSE = (nodes.literal_block, nodes.literal, nodes.raw, nodes.comment)


def prose_of(doctree: nodes.document) -> str:
    """The post's words outside code, whose letters say nothing of its language."""
    return " ".join(
        str(text)
        for text in doctree.findall(nodes.Text)
        if not any(isinstance(node, _NOT_PROSE) for node in _ancestors(text))
    )


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


_UNDATED = "the post is listed as undated, after dated posts"


def post_from_front_matter(
    docname: str,
    front_matter: FrontMatter,
    heading: str | None,
    zone: ZoneInfo | None = None,
) -> tuple[Post, list[Problem]]:
    """Build a post record; every problem found on the way comes back with it."""
    metadata, problems = interpret(front_matter, zone)

    title = metadata.title or heading
    if not title:
        title = docname.rpartition("/")[2]
        problems.append(
            Problem(
                "title",
                f"post has no title; add 'title:' to its front matter or start it "
                f"with a '# Heading' (shown as {title!r} meanwhile)",
                1,
            )
        )

    date = metadata.date or date_from_path(docname)
    if date is None and not any(p.subtype == "date" for p in problems):
        problems.append(Problem("date", f"post has no date; {_UNDATED}", 1))
    elif metadata.date is None:
        fallback = f"the date in its path ({date}) is used" if date else _UNDATED
        problems = [
            dataclasses.replace(p, message=f"{p.message}; {fallback}") if p.subtype == "date" else p
            for p in problems
        ]

    aliases = metadata.aliases
    if metadata.slug:
        implied, found = slug_addresses(metadata.slug, front_matter.form, docname)
        aliases += implied
        key = next((key for key in front_matter.data if key.casefold() == "slug"), "slug")
        problems += [dataclasses.replace(p, line=front_matter.line_of(key)) for p in found]
    aliases += bundle_addresses(docname)

    post = Post(
        docname=docname,
        title=title,
        date=date,
        tags=metadata.tags,
        updated=metadata.updated,
        authors=metadata.authors,
        summary=metadata.summary,
        draft=bool(metadata.draft),
        aliases=tuple(dict.fromkeys(aliases)),
        language=metadata.language or "",
        extra=metadata.extra,
    )
    return post, problems


class PostCollector(PerDocumentCollector):
    """Collects a :class:`Post` for each document that matches ``blog_post_pattern``."""

    attribute = "blog_posts"

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        docname = env.docname
        if not post_matcher(app.config)(docname):
            return
        source = Path(env.doc2path(docname))
        front_matter = read_front_matter(read_source(source, app.config.source_encoding))
        heading = clean_astext(env.titles[docname]) if doctree.next_node(nodes.section) else None
        post, problems = post_from_front_matter(
            docname, front_matter, heading, site_zone(app.config)
        )
        text = doctree.astext()
        post = dataclasses.replace(
            post,
            summary=post.summary or summary_of(doctree),
            words=len(text.split()),
            language=post.language or guess_language(prose_of(doctree), app.config.language),
            aliases=tuple(dict.fromkeys((
                *post.aliases,
                *pattern_addresses(app.config.blog_old_url_patterns, docname, post.day),
            ))),
        )  # fmt: skip
        for problem in problems:
            logger.warning(
                "%s", problem.message,
                location=(docname, problem.line), type="blog", subtype=problem.subtype,
            )  # fmt: skip
        posts_of(env)[docname] = post
        # Posts stay out of the sidebar's toctree on purpose; listings link them.
        env.metadata[docname]["orphan"] = True
        if post.draft:
            env.metadata[docname]["nosearch"] = True
        # what sphinxext-opengraph puts into the page's social-card tags
        metadata = env.metadata[docname]
        metadata["og:type"] = "article"
        if post.summary:
            metadata.setdefault("og:description", post.summary)
        if isinstance(post.extra.get("image"), str):
            metadata.setdefault("og:image", post.extra["image"])
