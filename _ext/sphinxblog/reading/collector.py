"""Reading the blog's documents into the store: one collector, as Sphinx's own.

For a post, the record starts from the front matter scanned when the build
began (:mod:`sphinxblog.reading.scan`), parsed once, and takes from the doctree what
only the text has: the heading, the summary, the number of words and the
language.  For every page, the placeholders it holds say what it lists, and
its links by old URL what it depends on.
"""

from __future__ import annotations

import dataclasses
import functools
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.util import logging
from sphinx.util.matching import Matcher
from sphinx.util.nodes import clean_astext

from sphinxblog.core.authors import (
    DEFAULT_FILES,
    Author,
    avatar_candidates,
    avatar_problem,
    inline_problems,
    resolve_authors,
)
from sphinxblog.core.frontmatter import FrontMatter
from sphinxblog.core.language import guess_language, language_of_path
from sphinxblog.core.locations import FileLocation, file_location
from sphinxblog.core.oldurls import pattern_addresses
from sphinxblog.core.posts import (
    MORE_MARKERS,
    SUMMARY_STARTS,
    Post,
    cut_summary,
    post_from_front_matter,
)
from sphinxblog.core.problems import Problem, short_repr
from sphinxblog.core.translations import resolve_post_reference
from sphinxblog.core.urls import front_matter_address_problem
from sphinxblog.reading.config import site_zone
from sphinxblog.reading.diagrams import diagram
from sphinxblog.reading.metafiles import note_meta_file
from sphinxblog.reading.placeholders import listings_in
from sphinxblog.reading.store import blog_data, front_matter_of

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


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


class BlogCollector(EnvironmentCollector):
    """Keeps the store's per-document entries in step with the documents read."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        blog_data(env).forget(docname)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
    ) -> None:
        blog_data(env).merge(docnames, blog_data(other))

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        data, docname = blog_data(app.env), app.env.docname
        if listings := listings_in(doctree):
            data.listings[docname] = listings
        if old_links := old_links_in(doctree):
            data.old_links[docname] = old_links
        if drawn := sum(1 for _diagram in doctree.findall(diagram)):
            data.diagrams[docname] = drawn
        if post_matcher(app.config)(docname):
            data.posts[docname] = read_post(app, docname, doctree)
            if authors := read_authors(app, data.posts[docname]):
                data.post_authors[docname] = authors


# --- posts ---------------------------------------------------------------------------------


def summary_of(doctree: nodes.document) -> str | None:
    """The text before a ``<!-- more -->`` marker (from Pelican's begin marker,
    where there is one), else the first paragraph, cut at
    :data:`~sphinxblog.core.posts.SUMMARY_WORDS` words."""
    # the text of a paragraph is taken only where it is shown: without a marker,
    # the first paragraph's alone
    paragraphs: list[nodes.Node] = []
    for node in doctree.findall(lambda n: isinstance(n, nodes.paragraph | nodes.raw)):
        if isinstance(node, nodes.raw):
            marker = node.astext().strip()
            if marker in MORE_MARKERS:
                return cut_summary(" ".join(map(_one_line, paragraphs))) or None
            if marker in SUMMARY_STARTS:
                paragraphs = []
        elif isinstance(node.parent, nodes.section | nodes.document):
            paragraphs.append(node)
    return cut_summary(_one_line(paragraphs[0])) if paragraphs else None


def _one_line(paragraph: nodes.Node) -> str:
    return " ".join(paragraph.astext().split())


_NOT_PROSE = (nodes.literal_block, nodes.literal, nodes.raw, nodes.comment)


def prose_of(doctree: nodes.document) -> str:
    """The post's words outside code, whose letters say nothing of its language."""
    texts: list[str] = []
    # in document order, never entering code: one step per node, not one per ancestor
    waiting: list[nodes.Node] = [doctree]
    while waiting:
        node = waiting.pop()
        if isinstance(node, nodes.Text):
            texts.append(str(node))
        elif isinstance(node, nodes.Element) and not isinstance(node, _NOT_PROSE):
            waiting += reversed(node.children)
    return " ".join(texts)


#: the class of a post's cover image node (:mod:`sphinxblog.reading.covers`)
COVER = "blog-cover"


def _cover(doctree: nodes.document) -> tuple[str, str]:
    """The post's cover as its page shows it: by path from the source folder, and its
    alt text; empty without one."""
    for image in doctree.findall(nodes.image):
        if COVER in image["classes"]:
            return image["uri"].lstrip("/"), image.get("alt", "")
    return "", ""


def read_post(app: Sphinx, docname: str, doctree: nodes.document) -> Post:
    """The record of the post *docname*, its problems reported at their lines."""
    env = app.env
    front_matter = front_matter_of(env, docname)
    heading = clean_astext(env.titles[docname]) if doctree.next_node(nodes.section) else None
    post, problems = post_from_front_matter(docname, front_matter, heading, site_zone(app.config))
    cover, cover_alt = _cover(doctree)
    post = dataclasses.replace(
        post,
        cover=cover,
        cover_alt=cover_alt,
        summary=post.summary or summary_of(doctree),
        words=len(doctree.astext().split()),
        language=post.language
        or language_of_path(docname)
        or guess_language(prose_of(doctree), app.config.language),
        aliases=tuple(dict.fromkeys((
            *post.aliases,
            *pattern_addresses(app.config.blog_old_url_patterns, docname, post.day),
        ))),
    )  # fmt: skip
    for problem in problems:
        logger.warning(
            "%s", problem.message,
            location=_location(docname, problem), type="blog", subtype=problem.subtype,
        )  # fmt: skip
    note_meta_file(env, docname)
    metadata = env.metadata[docname]
    # Posts stay out of the sidebar's toctree on purpose; listings link them.
    metadata["orphan"] = True
    if post.draft:
        metadata["nosearch"] = True
    # what sphinxext-opengraph puts into the page's social-card tags
    metadata["og:type"] = "article"
    if post.summary:
        metadata.setdefault("og:description", post.summary)
    _drop_unsafe_addresses(docname, front_matter, metadata)
    if post.translation_of:
        _check_translation_of(app, post, front_matter)
    if isinstance(post.extra.get("image"), str):
        image = post.extra["image"]
        if _address_is_safe(docname, front_matter, "image", image):
            metadata.setdefault("og:image", image)
    return post


def _check_translation_of(app: Sphinx, post: Post, front_matter: FrontMatter) -> None:
    """Warn where ``translation_of`` names no post: the two stay apart."""
    is_post = post_matcher(app.config)
    posts = {docname for docname in app.env.found_docs if is_post(docname)}
    if resolve_post_reference(post.translation_of, post.docname, posts, app.config.source_suffix):
        return
    key = next(
        (k for k in front_matter.data if k.casefold() in {"translation_of", "translationof"}), ""
    )
    logger.warning(
        "translation_of %r names no post of the site; the post is linked to no other",
        post.translation_of[:80], location=(post.docname, front_matter.line_of(key) or 1),
        type="blog", subtype="translation",
    )  # fmt: skip


def _location(docname: str, problem: Problem) -> tuple[str, int | None] | FileLocation:
    """Where *problem* is: in the post, or in a file of its own (Nikola's ``.meta``)."""
    if problem.path is None:
        return docname, problem.line
    return file_location(problem.path if problem.line is None else f"{problem.path}:{problem.line}")


def _address_is_safe(docname: str, front_matter: FrontMatter, key: str, value: str) -> bool:
    """Whether the address *value* of the front-matter *key* may reach the page's
    head; if not, a warning at its line says so."""
    problem = front_matter_address_problem(key, value)
    if problem is not None:
        logger.warning(
            "%s %s %s; it is left out", key, short_repr(value), problem,
            location=(docname, front_matter.line_of(key)), type="blog", subtype="image",
        )  # fmt: skip
    return problem is None


def _drop_unsafe_addresses(
    docname: str, front_matter: FrontMatter, metadata: dict[str, object]
) -> None:
    """Take out of the page's metadata the ``og:`` addresses that sphinxext-opengraph
    would write into its head as they are, where they are not safe."""
    for key, value in front_matter.data.items():
        is_og = isinstance(key, str) and key.casefold().startswith("og:") and key in metadata
        if (
            is_og
            and isinstance(value, str)
            and not _address_is_safe(docname, front_matter, key, value)
        ):
            del metadata[key]


# --- authors -------------------------------------------------------------------------------


def _raw_authors(front_matter: FrontMatter) -> tuple[object, str | None]:
    """A post's ``authors`` (else ``author``) value, and the key as written."""
    for wanted in ("authors", "author"):
        for key, value in front_matter.data.items():
            if isinstance(key, str) and key.lower() == wanted:
                return value, key
    return None, None


def authors_file(app: Sphinx) -> Path | None:
    """The site's authors file: ``blog_authors_file``, else the first of
    :data:`~sphinxblog.core.authors.DEFAULT_FILES`."""
    srcdir = Path(app.srcdir)
    named: str = app.config.blog_authors_file
    if named:
        return srcdir / named
    return next((srcdir / name for name in DEFAULT_FILES if (srcdir / name).is_file()), None)


def _excluded(config: Config, path: str) -> bool:
    """Whether *path* (from the source folder) is in ``exclude_patterns``, itself or
    a folder holding it (``_build`` excludes ``_build/a.png``), as Sphinx reads them."""
    matches = _matcher(tuple(config.exclude_patterns))
    parts = path.split("/")
    return any(matches("/".join(parts[:end])) for end in range(1, len(parts) + 1))


def local_avatar(app: Sphinx, avatar: str, folder: str) -> str | None:
    """The path from the source folder of a local *avatar* that exists: an image
    file in the source folder, also once symbolic links are followed, and not
    in ``exclude_patterns``."""
    srcdir = Path(app.srcdir)
    root = srcdir.resolve()
    for candidate in avatar_candidates(avatar, folder):
        path = srcdir / candidate
        if not path.is_file() or _excluded(app.config, candidate):
            continue
        real = path.resolve()
        if real.is_relative_to(root) and not avatar_problem(real.relative_to(root).as_posix()):
            return candidate
    return None


def read_authors(app: Sphinx, post: Post) -> tuple[Author, ...]:
    """*post*'s authors, matched with the profiles; a key without one is warned of."""
    if not post.authors:
        return ()
    env, docname = app.env, post.docname
    profiles = blog_data(env).profiles
    front_matter = front_matter_of(env, docname)
    raw, key = _raw_authors(front_matter)
    authors, unknown = resolve_authors(post.authors, raw, profiles)
    path = authors_file(app)
    line = front_matter.line_of(key) if key else None
    for problem in inline_problems(raw):
        logger.warning(
            "%s", problem.message,
            location=(docname, line), type="blog", subtype=problem.subtype,
        )  # fmt: skip
    for name in unknown:
        logger.warning(
            "author %r is not in the authors file (%s); shown as written",
            name, path.name if path else "none",
            location=(docname, line), type="blog", subtype="authors_file",
        )  # fmt: skip
    folder = posixpath.dirname(docname)
    resolved = []
    for author in authors:
        if author.key not in profiles and author.avatar:
            avatar = local_avatar(app, author.avatar, folder) or ""
            author = dataclasses.replace(author, avatar=avatar)
        if author.avatar:
            env.images.add_file(docname, author.avatar)
        resolved.append(author)
    if path is not None and path.is_file():
        env.note_dependency(str(path))
    return tuple(resolved)


# --- links by old URL ----------------------------------------------------------------------


def is_old_link(node: addnodes.pending_xref) -> bool:
    """Whether *node* links a path MyST found no file for: a site-absolute one, as the
    old site's pages did, or a relative one to a file the old site had beside the post."""
    target = node.get("reftarget", "")
    if node.get("reftype") != "myst" or node.get("refdomain") == "doc":
        return False
    if target.startswith("/"):
        return not target.startswith("//")
    return is_relative_path(target)


def is_relative_path(target: str) -> bool:
    """Whether a link *target* is a relative path to a file (``../setup.md#x``,
    ``other.html``), not a label or a heading MyST may still find."""
    path = target.partition("#")[0].partition("?")[0]
    return bool(path) and ("/" in path or bool(_FILE_SUFFIX.search(path)))


_FILE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}$")


def old_links_in(doctree: nodes.document) -> tuple[str, ...]:
    """The old URLs *doctree* links: it is written again when the post one of
    them means comes, goes or changes its date."""
    links = doctree.findall(addnodes.pending_xref)
    return tuple(sorted({node["reftarget"] for node in links if is_old_link(node)}))
