"""Post records: what each post's front matter says, kept in the environment."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx.util.matching import Matcher
from sphinx.util.nodes import clean_astext

from sphinxblog.envdata import PerDocumentCollector, env_dict
from sphinxblog.frontmatter import (
    FrontMatter,
    Problem,
    parse_date,
    parse_tags,
    parse_title,
    read_front_matter,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Post:
    """One post, as listings need it."""

    docname: str
    title: str
    #: a calendar date, or a date-time with the offset it was written with
    date: dt.date | dt.datetime | None
    #: tag names as this post spells them, without case duplicates
    tags: tuple[str, ...] = ()

    @property
    def day(self) -> dt.date | None:
        """The calendar day the author wrote, never shifted through a time zone."""
        if isinstance(self.date, dt.datetime):
            return self.date.date()
        return self.date

    @property
    def sort_key(self) -> tuple[dt.date, dt.time, str]:
        """Chronological order that never compares naive and aware date-times.

        Date-times order by the wall-clock time written; a date-only post
        counts as midnight of its day.
        """
        if isinstance(self.date, dt.datetime):
            return self.date.date(), self.date.time().replace(tzinfo=None), self.docname
        return self.date or dt.date.min, dt.time(), self.docname


def post_matcher(config: Config) -> Matcher:
    patterns = config.blog_post_pattern
    return Matcher([patterns] if isinstance(patterns, str) else patterns)


def read_source(path: Path, encoding: str) -> str:
    """A source file's text; undecodable bytes are replaced, as Sphinx's reader does."""
    return path.read_text(encoding=encoding, errors="replace")


def posts_of(env: BuildEnvironment) -> dict[str, Post]:
    """The post records in *env*, by docname."""
    return env_dict(env, PostCollector.attribute)


def post_from_front_matter(
    docname: str, front_matter: FrontMatter, heading: str | None
) -> tuple[Post, list[Problem]]:
    """Build a post record; every problem found on the way comes back with it."""
    problems = list(front_matter.problems)
    data = front_matter.data

    title, problem = parse_title(data.get("title"))
    if problem:
        problems.append(dataclasses.replace(problem, line=front_matter.line_of("title")))
    title = title or heading
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

    date = None
    if "date" not in data:
        problems.append(
            Problem("date", "post has no date; it is listed as undated, after dated posts", 1)
        )
    else:
        date, problem = parse_date(data["date"])
        if problem:
            message = f"{problem.message}; the post is listed as undated, after dated posts"
            problems.append(Problem("date", message, front_matter.line_of("date")))

    tags, tag_problems = parse_tags(data.get("tags"))
    problems += [dataclasses.replace(p, line=front_matter.line_of("tags")) for p in tag_problems]
    return Post(docname, title, date, tags), problems


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
        post, problems = post_from_front_matter(docname, front_matter, heading)
        for problem in problems:
            logger.warning(
                "%s", problem.message,
                location=(docname, problem.line), type="blog", subtype=problem.subtype,
            )  # fmt: skip
        posts_of(env)[docname] = post
        # Posts stay out of the sidebar's toctree on purpose; listings link them.
        env.metadata[docname]["orphan"] = True
