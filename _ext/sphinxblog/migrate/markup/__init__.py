"""Other generators' body markup, read as MyST and sphinx-design.

Each module translates one generator's markup with a pure function,
``translate(text) -> (text, problems)``, that gives back as many lines as it
got; :func:`translate` runs them all on a post, leaving its front matter
and the content of its code blocks as they are.  Each module also has a
quick search (``may_hold``) for what its markup cannot be written without:
a translator runs only where it finds something, so a post holding no other
generator's markup costs one search per generator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinxblog.core.frontmatter import FrontMatter, read_front_matter
from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup import (
    ablog,
    docusaurus,
    emoji,
    fences,
    foreign,
    hugo,
    liquid,
    material,
    mdc,
    obsidian,
    pelican,
    quarto,
    spans,
    vitepress,
)
from sphinxblog.migrate.markup.common import Site

if TYPE_CHECKING:
    from collections.abc import Callable


def split_front_matter(text: str, header: FrontMatter | None = None) -> tuple[str, str, dict]:
    """*text* as its header (YAML, TOML, JSON or Pelican's lines), the rest, and its values.

    The header is read as the blog reads it, within the same limits, unless
    *header* is given: *text*'s, read already.
    """
    header = header or read_front_matter(text)
    if not header.span:
        return "", text, {}
    lines = text.splitlines(keepends=True)
    return "".join(lines[: header.span]), "".join(lines[header.span :]), header.data


def translate(
    text: str, site: Site | None = None, header: FrontMatter | None = None
) -> tuple[str, list[Problem]]:
    """A post's *text* with every generator's markup translated; its line numbers unchanged.

    *header* is *text*'s front matter, where it was read already.
    """
    site = site or Site()
    front, body, data = split_front_matter(text, header)
    own = data.get("substitutions")
    if not isinstance(own, dict):
        own = {}
    names = site.substitutions | {str(name) for name in own}
    site = Site(site.docname, site.docnames, data or site.params, names)
    offset = front.count("\n")
    problems: list[Problem] = []
    shown_as_written: set[int] = set()
    if spans.may_hold(body):
        body = spans.join_split_tags(body)
        shown_as_written = spans.raw_lines(body)
    steps = (
        ablog.translate,
        lambda t: hugo.translate(t, site),
        lambda t: liquid.translate(t, site),
        lambda t: pelican.translate(t, site),
        lambda t: quarto.translate(t, site),
        lambda t: vitepress.translate(t, site),
        lambda t: mdc.translate(t, site),
        lambda t: obsidian.translate(t, site),
        docusaurus.translate,
        material.translate,
        emoji.translate,
        fences.translate,
        lambda t: spans.drop_leftovers(t, shown_as_written),
        lambda t: (t, foreign.name_leftovers(t, shown_as_written)),
    )
    for may_hold, step in zip(_MAY_HOLD, steps, strict=True):
        # a step gives back text that holds none of its markup as it was: most
        # posts hold no other generator's markup, and skip every step
        if not may_hold(body):
            continue
        body, found = step(body)
        problems += [Problem(p.subtype, p.message, (p.line or 1) + offset) for p in found]
    problems.sort(key=lambda p: p.line or 0)
    return front + body, problems


#: for each step of :func:`translate`, in its order: whether a text may hold
#: the markup the step translates (a quick search, never a false "no")
_MAY_HOLD: tuple[Callable[[str], bool], ...] = (
    ablog.may_hold, hugo.may_hold, liquid.may_hold, pelican.may_hold, quarto.may_hold,
    vitepress.may_hold, mdc.may_hold, obsidian.may_hold, docusaurus.may_hold, material.may_hold,
    emoji.may_hold, fences.may_hold, spans.may_hold, foreign.may_hold,
)  # fmt: skip


def may_hold_markup(text: str) -> bool:
    """Whether *text* may hold markup that :func:`translate` changes or warns of:
    where not, it gives *text* back as it is."""
    return any(may_hold(text) for may_hold in _MAY_HOLD)
