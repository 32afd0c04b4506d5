"""Redirect pages from a post's old paths (Hugo ``aliases``, Jekyll ``redirect_from``).

A small HTML file per alias, written into the output folder after the build,
sends readers (``<meta http-equiv="refresh">``) and search engines
(``rel="canonical"``) on to the post.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinxblog.catalog import catalog_of
from sphinxblog.links import has_tag_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

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
    builder = app.builder
    if exception is not None or not has_tag_pages(builder):  # web builders only
        return
    outdir = Path(app.outdir).resolve()
    taken: dict[str, str] = {}
    for post in catalog_of(app.env).posts:
        target_uri = builder.get_target_uri(post.docname)
        for alias in post.aliases:
            relative = alias_file(alias)
            path = (outdir / relative).resolve()
            problem = None
            if not path.is_relative_to(outdir):
                problem = "would be written outside the output folder"
            elif relative in taken:
                problem = f"is already an alias of {taken[relative]}"
            elif path.exists() and MARKER not in path.read_text(encoding="utf-8", errors="replace"):
                problem = "is a page of the site"
            if problem:
                logger.warning(
                    "alias %r %s; no redirect written", alias, problem,
                    location=post.docname, type="blog", subtype="alias",
                )  # fmt: skip
                continue
            taken[relative] = post.docname
            target = posixpath.relpath(target_uri or "index.html", posixpath.dirname(relative))
            if target_uri.endswith("/") and not target.endswith("/"):
                target += "/"
            base = app.config.html_baseurl
            canonical = (base.rstrip("/") + "/" + target_uri) if base else target
            language = post.language or app.config.language or "en"
            text = redirect_page(target, canonical, post.title, language)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
