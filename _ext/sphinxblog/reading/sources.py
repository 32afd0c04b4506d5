"""Which files of a blog Sphinx reads, and by what names: Markdown under every
generator's suffix, a warning for each file among the posts that the site cannot
read, a safe name for a document whose file name would break its links or the
ePub (``posts/My first post.md`` is ``posts/My-first-post``), and none whose name
would break the build (it is left out, with a warning)."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from sphinx.project import EXCLUDE_PATHS, Project
from sphinx.util import logging
from sphinx.util.matching import Matcher, compile_matchers

from sphinxblog.core.files import name_problems, printable, safe_docname
from sphinxblog.core.frontmatter import read_front_matter
from sphinxblog.core.locations import file_location
from sphinxblog.reading.collector import post_matcher
from sphinxblog.reading.sourcelinks import glob_escape

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: Markdown files as other generators name them: Jekyll's default, MDX
#: (Docusaurus, Gatsby) and Quarto's, read as MyST Markdown
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx", ".qmd")

#: suffixes of documents (not images or other assets) that a post could be written in
DOCUMENT_SUFFIXES = frozenset({
    ".md", ".markdown", ".mdx", ".mdown", ".mkd", ".mkdn", ".rmd", ".qmd", ".rst", ".rest",
    ".txt", ".text", ".html", ".htm", ".xhtml", ".org", ".adoc", ".asciidoc", ".asc",
    ".textile", ".ipynb", ".tex", ".typ", ".djot", ".wiki", ".mediawiki", ".creole", ".pod",
    ".rdoc", ".pandoc",
})  # fmt: skip

_ABLOG_POST = re.compile(r"^\.\.\s+post::", re.MULTILINE)


def add_markdown_suffixes(app: Sphinx, config: Config) -> None:
    """``config-inited``, after Sphinx has made ``source_suffix`` a mapping: read
    ``.markdown``, ``.mdx`` and ``.qmd`` files as Markdown too, unless the site maps them."""
    suffixes = config.source_suffix
    if not isinstance(suffixes, dict) or ".md" not in suffixes:
        return
    missing = {suffix: suffixes[".md"] for suffix in MARKDOWN_SUFFIXES if suffix not in suffixes}
    if missing:
        config.source_suffix = {**suffixes, **missing}


def unread_files(srcdir: Path, config: Config, exclude: list[str]) -> list[Path]:
    """Files among the posts whose suffix names a document the site does not read."""
    is_post = post_matcher(config)
    excluded = Matcher(exclude)
    read = {suffix.lower() for suffix in config.source_suffix}
    found = []
    for folder, dirnames, filenames in os.walk(srcdir):
        relative = Path(folder).relative_to(srcdir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        dirnames[:] = sorted(
            name for name in dirnames
            if not name.startswith(".") and not excluded(prefix + name)
        )  # fmt: skip
        for name in sorted(filenames):
            suffix = os.path.splitext(name)[1].lower()
            path = prefix + name
            unread = suffix in DOCUMENT_SUFFIXES and suffix not in read
            if unread and is_post(path) and not excluded(path):
                found.append(Path(folder, name))
    return found


def not_sources(app: Sphinx, config: Config) -> list[str]:
    """The patterns of what is not a source: ``exclude_patterns``, the templates and
    the output folder where it is inside the source folder."""
    srcdir, outdir = Path(app.srcdir), Path(app.outdir)
    exclude = [*config.exclude_patterns, *config.templates_path]
    if outdir.is_relative_to(srcdir):
        exclude.append(outdir.relative_to(srcdir).as_posix())
    return exclude


def warn_unread_files(app: Sphinx) -> None:
    """``builder-inited``: name each file among the posts that the site cannot read,
    so that no post is left out without a word."""
    config = app.config
    srcdir = Path(app.srcdir)
    read = ", ".join(sorted(config.source_suffix))
    for path in unread_files(srcdir, config, not_sources(app, config)):
        text = path.read_text(encoding="utf-8", errors="replace")
        ablog = _ABLOG_POST.search(text) if path.suffix == ".rst" else None
        if ablog:
            line = text.count("\n", 0, ablog.start()) + 1
            logger.warning(
                "%s is an ABlog reStructuredText post, which the site does not read (it reads "
                "%s); convert it to MyST Markdown with YAML front matter",
                path.name, read,
                location=file_location(f"{path}:{line}"), type="blog", subtype="source",
            )  # fmt: skip
            continue
        logger.warning(
            "%s is not read: the site reads %s files; convert it to Markdown to publish it",
            path.name, read,
            location=file_location(f"{path}:1"), type="blog", subtype="source",
        )  # fmt: skip


def document_paths(
    srcdir: Path, suffixes: tuple[str, ...], exclude: list[str], followlinks: bool = True
) -> list[str]:
    """The documents under *srcdir* that Sphinx would find, by their paths from it as they
    are on disk (Sphinx matches and names them in composed Unicode); through symbolic
    links where *followlinks*, as Sphinx looks, once the links that loop are excluded."""
    excluded = compile_matchers([*exclude, *EXCLUDE_PATHS])

    def kept(path: str) -> bool:
        return not any(matches(unicodedata.normalize("NFC", path)) for matches in excluded)

    found = []
    for folder, dirnames, filenames in os.walk(srcdir, followlinks=followlinks):
        relative = Path(folder).relative_to(srcdir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        dirnames[:] = sorted(name for name in dirnames if kept(prefix + name))
        found += [
            prefix + name for name in sorted(filenames)
            if name.endswith(suffixes) and kept(prefix + name)
        ]  # fmt: skip
    return found


def is_partial(path: str) -> bool:
    """Whether *path* names a file that Quarto, Jekyll and Hugo make no page of: one whose
    name starts with ``_`` (a partial that posts include, Hugo's ``_index.md``)."""
    return path.rpartition("/")[2].startswith("_")


class SafeNamesProject(Project):
    """Sphinx's project, naming each document safely (:func:`safe_docname`): a post
    whose file name holds spaces or quotes (Hexo names posts after their titles,
    Obsidian notes have spaces) is read from its file, unchanged, and written as a
    page every link and the ePub can reach. The partials among the posts
    (:func:`is_partial`) are no documents: a post includes them."""

    #: the partials among the posts: their paths from the source folder, by the
    #: docname Sphinx would give them
    partials: Mapping[str, str] = MappingProxyType({})

    def path2doc(self, filename: str | os.PathLike[str]) -> str | None:
        docname = super().path2doc(filename)
        if docname is None or docname in self.partials:
            return None
        return safe_docname(docname)


def source_copy(docname: str, path: str, link_suffix: str) -> str:
    """The name of the copy of the source *path* of *docname* that "Show Source" links,
    as Sphinx names it, and as it is named where the document was renamed."""
    suffix = (
        path[len(docname) :] if path.startswith(docname + ".") else "." + path.rpartition(".")[2]
    )
    return docname + suffix + ("" if suffix == link_suffix else link_suffix)


def name_documents_safely(app: Sphinx) -> None:
    """``builder-inited``, before Sphinx looks for the documents: name them safely, and
    leave the partials among the posts out.

    Sphinx makes its project before any event an extension could give it another
    in; its class changes, and the partials are noted on it."""
    if not isinstance(app.project, SafeNamesProject):
        app.project.__class__ = SafeNamesProject
    assert isinstance(app.project, SafeNamesProject)
    app.project.partials = {
        Project.path2doc(app.project, path) or path: path for path in partial_paths(app)
    }


def partial_paths(app: Sphinx) -> list[str]:
    """The partials among the posts (:func:`is_partial`), by their paths from the source
    folder."""
    config = app.config
    is_post = post_matcher(config)
    suffixes = tuple(config.source_suffix)
    return [
        path
        for path in document_paths(Path(app.srcdir), suffixes, not_sources(app, config))
        if is_partial(path) and is_post(path)
    ]


def warn_unincluded_partials(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: name each partial among the posts that holds text but
    that no post includes, so that its text is not left out without a word."""
    srcdir = Path(app.srcdir)
    included = {
        (srcdir / dependency).resolve()
        for dependencies in env.dependencies.values()
        for dependency in dependencies
    }
    partials: Mapping[str, str] = getattr(app.project, "partials", {})  # noted at start
    for path in partials.values():
        full = srcdir / path
        if full.resolve() in included:
            continue
        text = full.read_text(encoding="utf-8", errors="replace")
        header = read_front_matter(text)
        if not "".join(text.splitlines(keepends=True)[header.span :]).strip():
            continue  # a section's header only (Hugo's _index.md): nothing to lose
        logger.warning(
            "%s is not published: its name starts with '_', which marks a partial (or "
            "Hugo's page of a section), and no post includes it; include it with "
            "{{< include %s >}} or rename it to publish it as a post",
            path, full.name,
            location=file_location(f"{full}:{header.span + 1}"), type="blog", subtype="source",
        )  # fmt: skip


def exclude_unsafe_names(app: Sphinx, config: Config) -> None:
    """``config-inited``, once ``source_suffix`` is complete: leave out, with a warning
    that says how to rename it, each document whose name would break the build, or
    that a case-insensitive disk or its safe name makes another's
    (:func:`~sphinxblog.core.files.name_problems`)."""
    srcdir = Path(app.srcdir)
    paths = document_paths(srcdir, tuple(config.source_suffix), not_sources(app, config))
    left_out = []
    for problem in name_problems(paths):
        logger.warning(
            "%s", problem.message,
            location=file_location(f"{srcdir}{os.sep}{printable(problem.path)}"),
            type="blog", subtype="source",
        )  # fmt: skip
        if problem.left_out:
            left_out.append(glob_escape(unicodedata.normalize("NFC", problem.path)))
    if left_out:
        config.exclude_patterns = [*config.exclude_patterns, *left_out]
