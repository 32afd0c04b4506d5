"""Which files of a blog Sphinx reads: Markdown under every generator's suffix, and a
warning for each file among the posts that the site cannot read."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging
from sphinx.util.matching import Matcher

from sphinxblog.locations import file_location
from sphinxblog.reading import post_matcher

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: Markdown files as other generators name them: Jekyll's default, and MDX
#: (Docusaurus, Gatsby), read as MyST Markdown
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")

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
    ``.markdown`` and ``.mdx`` files as Markdown too, unless the site maps them."""
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


def warn_unread_files(app: Sphinx) -> None:
    """``builder-inited``: name each file among the posts that the site cannot read,
    so that no post is left out without a word."""
    config = app.config
    srcdir = Path(app.srcdir)
    exclude = [*config.exclude_patterns, *config.templates_path]
    outdir = Path(app.outdir)
    if outdir.is_relative_to(srcdir):
        exclude.append(outdir.relative_to(srcdir).as_posix())
    read = ", ".join(sorted(config.source_suffix))
    for path in unread_files(srcdir, config, exclude):
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
