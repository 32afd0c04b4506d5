"""Heading ids in linear time, the same ids MyST gives.

With ``myst_heading_anchors``, MyST numbers a repeated heading's slug
(``x``, ``x-1``, ``x-2``, …) by trying every number from 1 on, each time:
a post with *n* identical headings costs *n²/2* tries (12,000 "Example"
headings: 15 s of a build).  MyST tries a slug function's answer first, so
a slug function that already answers with the first free number makes each
heading one try.  It keeps, per document, the slugs given and the next
number of each base: the same set MyST keeps, so the ids are MyST's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from myst_parser.slugs import github_slugify

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


class NumberedSlugs:
    """GitHub-style slugs of one document's headings, repeats numbered as MyST numbers them."""

    def __init__(self) -> None:
        self.given: set[str] = set()
        self.next_number: dict[str, int] = {}

    def clear(self) -> None:
        self.given.clear()
        self.next_number.clear()

    def __call__(self, title: str) -> str:
        base = github_slugify(title)
        if not base:
            return base  # no anchor, and no part in numbering (as in MyST)
        number = self.next_number.get(base, 0)
        slug = f"{base}-{number}" if number else base
        while slug in self.given:
            number += 1
            slug = f"{base}-{number}"
        self.next_number[base] = number + 1
        self.given.add(slug)
        return slug


#: the slugs of the document being read; each process reads one document at a time
document_slugs = NumberedSlugs()


def github_slug(title: str) -> str:
    """``myst_heading_slug_func``: the slug of *title* in the document being read."""
    return document_slugs(title)


def use_numbered_slugs(app: Sphinx, config: Config) -> None:
    """``config-inited``: number repeated headings in linear time, unless the site
    chose a slug function itself."""
    if "myst_heading_slug_func" in config and config.myst_heading_slug_func is None:
        # an import path, not the function: Sphinx compares it with the last build's
        config.myst_heading_slug_func = f"{__name__}.github_slug"


def start_document(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: a new document's headings are numbered from scratch."""
    document_slugs.clear()
