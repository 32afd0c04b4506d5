"""Reading a post: other generators' markup translated before MyST parses it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from sphinxblog.core.locations import file_location
from sphinxblog.core.moved import MovedIn
from sphinxblog.core.notebooks import is_notebook
from sphinxblog.migrate.markup import answer_again, may_hold_markup, translate_counted
from sphinxblog.migrate.markup.common import Site
from sphinxblog.reading.collector import post_matcher
from sphinxblog.reading.store import blog_data, front_matter_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def translate_post(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: a post's other generators' markup as MyST, each line on its number.

    The file on disk is unchanged; each construct that cannot be rendered is
    dropped with a ``blog.markup`` warning at its line.
    """
    # a notebook's cells are Jupyter's Markdown: nothing moved in
    if not post_matcher(app.config)(docname) or is_notebook(app.env.doc2path(docname)):
        return
    front_matter = front_matter_of(app.env, docname)
    header = MovedIn(front_matter.form if front_matter.span else "")
    moved = blog_data(app.env).moved
    if header.foreign:  # most posts have a YAML header: they need no record
        moved[docname] = header
    if app.env.doc2path(docname).suffix == ".rst" or not may_hold_markup(source[0]):
        return
    substitutions: frozenset[str] = frozenset()
    if "substitution" in getattr(app.config, "myst_enable_extensions", ()):
        substitutions = frozenset(getattr(app.config, "myst_substitutions", {}))
    site = Site(
        docname,
        frozenset(app.env.found_docs),
        substitutions=substitutions,
        titles=_titles(app.env) if "[[" in source[0] else {},
        files=_source_files(app) if "![[" in source[0] else frozenset(),
        **_asset_folder(app, docname),
    )
    source[0], problems, (translated, left) = translate_counted(source[0], site, front_matter)
    if site.lookups:
        blog_data(app.env).lookups[docname] = tuple(sorted(site.lookups.items(), key=str))
    if translated or left:
        moved[docname] = MovedIn(header.header, translated, left)
    for found in problems:
        logger.warning(
            "%s", found.message, location=(docname, found.line), type="blog", subtype="markup"
        )


def translate_included(
    app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]
) -> None:
    """``include-read``: a file a post includes (Quarto's partials) translated as the
    post is, each warning at the included file's line."""
    docname = app.env.docname  # MyST gives the including file's stem, not its name
    if not post_matcher(app.config)(docname) or not may_hold_markup(content[0]):
        return
    site = Site(docname, frozenset(app.env.found_docs))
    content[0], problems, _counts = translate_counted(content[0], site)
    path = Path(app.srcdir) / relative_path
    for found in problems:
        logger.warning(
            "%s", found.message, location=file_location(f"{path}:{found.line}"),
            type="blog", subtype="markup",
        )  # fmt: skip


def _asset_folder(app: Sphinx, docname: str) -> dict[str, Any]:
    """The folder named as the post, beside it, and the files in it (Hexo's pictures)."""
    folder = Path(app.env.doc2path(docname)).with_suffix("")
    if not folder.is_dir():
        return {}
    files = frozenset(
        path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()
    )
    return {"asset_folder": folder.name, "asset_files": files}


def _titles(env: BuildEnvironment) -> dict[str, str]:
    """Each post's title, as this build's catalog has it: scanned when the build
    began (a changed post's), or read (an unchanged post's, or one read since)."""
    catalog = blog_data(env).catalog
    return {post.docname: post.title for post in (*catalog.published, *catalog.hidden)}


def _site_now(app: Sphinx, docname: str, kinds: set[str]) -> Site:
    """The site as the translators would see it now, for lookups of *kinds*."""
    return Site(
        docname,
        frozenset(app.env.found_docs),
        titles=_titles(app.env) if "note" in kinds else {},
        files=_source_files(app) if "file" in kinds else frozenset(),
    )


def reread_for_lookups(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: read a post again when a link its markup names would now
    lead elsewhere (a post came, went or took that title; a file came or went)."""
    data = blog_data(env)
    kinds = {kind for answers in data.lookups.values() for (kind, _query), _found in answers}
    if not kinds:
        return []
    site = _site_now(app, "", kinds)
    return sorted(
        docname
        for docname, answers in data.lookups.items()
        if any(answer_again(site, kind, query) != found for (kind, query), found in answers)
    )


def _source_files(app: Sphinx) -> frozenset[str]:
    """The files of the source folder that are not documents, relative to it (not the
    output's, nor hidden ones)."""
    srcdir = Path(app.srcdir)
    skip = {Path(app.outdir).resolve(), Path(app.doctreedir).resolve()}
    suffixes = tuple(app.config.source_suffix)
    found = set()
    for folder, subfolders, files in os.walk(srcdir):
        subfolders[:] = [
            name for name in subfolders
            if not name.startswith(".") and (Path(folder) / name).resolve() not in skip
        ]  # fmt: skip
        relative = Path(folder).relative_to(srcdir).as_posix()
        found |= {
            name if relative == "." else f"{relative}/{name}"
            for name in files
            if not name.endswith(suffixes) and not name.startswith(".")
        }
    return frozenset(found)
