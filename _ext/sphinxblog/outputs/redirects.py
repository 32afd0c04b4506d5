"""Redirect pages from a post's old paths (Hugo ``aliases``, Jekyll ``redirect_from``).

A small HTML file per alias, written into the output folder after the build,
sends readers (``<meta http-equiv="refresh">``) and search engines
(``rel="canonical"``) on to the post.  An alias is checked first against
everything the build writes (:mod:`sphinxblog.outputs.sitefiles`) and the other aliases:
one that would take a page, a feed or a file of Sphinx's, need one as a
folder, or lie in Sphinx's folders gets a warning and no redirect.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sphinx.util import logging

from sphinxblog.outputs.sitefiles import site_outputs
from sphinxblog.reading.output import output_of
from sphinxblog.reading.store import catalog_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder

    from sphinxblog.outputs.sitefiles import SiteOutputs

logger = logging.getLogger(__name__)

#: marks a file as a redirect of ours, which a later build may rewrite
MARKER = "<!-- sphinxblog redirect -->"


def alias_file(alias: str) -> str:
    """Where an alias's page goes in the output: ``old.html`` or ``old/index.html``."""
    if alias.endswith((".html", ".htm")):
        return alias
    return posixpath.join(alias.rstrip("/"), "index.html")


def redirect_page(target: str, canonical: str, title: str, language: str = "en") -> str:
    """A page that sends readers to *target*; *language* is the post's."""
    target, canonical, title, language = (
        html.escape(text, quote=True) for text in (target, canonical, title, language)
    )
    return (
        f'<!DOCTYPE html>\n{MARKER}\n<html lang="{language}"><head><meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f'<link rel="canonical" href="{canonical}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        f'<meta name="robots" content="noindex">\n</head>\n'
        f'<body><p><a href="{target}">{title}</a></p></body></html>\n'
    )


def write_redirects(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: a redirect page for each alias of each post readers see."""
    if exception is not None or not output_of(app.builder).site:
        return
    builder = cast("StandaloneHTMLBuilder", app.builder)
    posts = [post for post in catalog_of(app.env).posts if post.aliases]
    if not posts:
        return
    outdir = Path(app.outdir).resolve()
    outputs = site_outputs(app, builder)
    for post in posts:
        target_uri = builder.get_target_uri(post.docname)
        own = Path(builder.get_outfilename(post.docname)).resolve()
        for alias in post.aliases:
            relative = posixpath.normpath(alias_file(alias))
            if (outdir / relative).resolve() == own:
                continue  # the post's old address is its address here too
            path = outdir / relative
            problem = _problem(outdir, path, relative, outputs)
            if problem is None:
                base = app.config.html_baseurl
                canonical = (base.rstrip("/") + "/" + target_uri) if base else ""
                language = post.language or app.config.language or "en"
                problem = _write(path, relative, target_uri, canonical, post.title, language)
            if problem:
                where = f" ({relative})" if relative != alias else ""
                logger.warning(
                    "alias %r%s %s; no redirect written", alias, where, problem,
                    location=post.docname, type="blog", subtype="alias",
                )  # fmt: skip
                continue
            outputs.add(relative, f"already an alias of {post.docname}")


def _problem(outdir: Path, path: Path, relative: str, outputs: SiteOutputs) -> str | None:
    """Why no redirect may be written at *path* (*relative* to *outdir*), if it may not."""
    clash = outputs.clash(relative)
    if clash is not None:
        return f"is {clash}"
    try:
        if not path.resolve().is_relative_to(outdir):
            return "would be written outside the output folder"
        if path.is_symlink() or path.is_dir():
            return "is a folder or a link in the output folder"
        if path.is_file() and MARKER not in path.read_text(encoding="utf-8", errors="replace"):
            return "is a file in the output folder that the blog did not write"
    except (OSError, RuntimeError) as error:  # unreadable, or links in a loop
        return f"cannot be checked: {getattr(error, 'strerror', None) or error}"
    return None


def _write(
    path: Path, relative: str, target_uri: str, canonical: str, title: str, language: str
) -> str | None:
    """Write the redirect page at *path* if its text changed; why not, if it could not."""
    target = posixpath.relpath(target_uri or "index.html", posixpath.dirname(relative) or ".")
    if target_uri.endswith("/") and not target.endswith("/"):
        target += "/"
    text = redirect_page(target, canonical or target, title, language)
    try:
        if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:  # a file of an earlier build where a folder is wanted
        return f"cannot be written: {error.strerror or error}"
    return None
