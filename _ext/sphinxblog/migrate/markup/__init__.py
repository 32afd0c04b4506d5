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

import dataclasses
import difflib
from typing import TYPE_CHECKING

from sphinxblog.core.frontmatter import FrontMatter, read_front_matter
from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup import (
    ablog,
    assets,
    docusaurus,
    emoji,
    fences,
    foreign,
    headings,
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
    text, problems, _counts = translate_counted(text, site, header)
    return text, problems


#: per kind of markup (:data:`KINDS`): lines translated, constructs left with a warning
Counts = tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]


def translate_counted(
    text: str, site: Site | None = None, header: FrontMatter | None = None
) -> tuple[str, list[Problem], Counts]:
    """:func:`translate`, and how many lines each kind of markup changed and how many
    of its constructs were left or dropped (for the summary of a blog moving in)."""
    site = site or Site()
    front, body, data = split_front_matter(text, header)
    own = data.get("substitutions")
    if not isinstance(own, dict):
        own = {}
    names = site.substitutions | {str(name) for name in own}
    site = dataclasses.replace(site, params=data or site.params, substitutions=names)
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
        lambda t: assets.translate(t, site),
        headings.translate,
        emoji.translate,
        fences.translate,
        lambda t: spans.drop_leftovers(t, shown_as_written),
        lambda t: (t, foreign.name_leftovers(t, shown_as_written)),
    )
    translated: dict[str, int] = {}
    left: dict[str, int] = {}
    #: for each line of the text as it is now, the line of the post it came from
    origin: list[int] | None = None
    for kind, may_hold, step in zip(KINDS, _MAY_HOLD, steps, strict=True):
        # a step gives back text that holds none of its markup as it was: most
        # posts hold no other generator's markup, and skip every step
        if not may_hold(body):
            continue
        before = body
        body, found = step(body)
        problems += [
            Problem(p.subtype, p.message, _origin_of(p.line or 1, origin) + offset) for p in found
        ]
        if body != before:
            old, new = before.split("\n"), body.split("\n")
            changed = sum(a != b for a, b in zip(old, new, strict=False))
            translated[kind] = changed + abs(len(old) - len(new))
            if len(old) != len(new):  # a line made to hold two: later lines moved
                origin = _moved_lines(old, new, origin)
        if found:
            left[kind] = len(found)
    problems.sort(key=lambda p: p.line or 0)
    return front + body, problems, (tuple(translated.items()), tuple(left.items()))


def _origin_of(line: int, origin: list[int] | None) -> int:
    """The post's line (1-based) that *line* of the text as it is now came from."""
    if origin is None:
        return line
    return origin[min(line, len(origin)) - 1] + 1


def _moved_lines(old: list[str], new: list[str], origin: list[int] | None) -> list[int]:
    """For each of the *new* lines, the post's line (0-based) it came from, where *old*
    lines came from *origin* (themselves, if None): so that a step after one that moved
    lines still names the line of the file."""
    origin = origin if origin is not None else list(range(len(old)))
    moved: list[int] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        for index in range(new_end - new_start):
            if tag == "equal":
                moved.append(origin[old_start + index])
            elif old_end > old_start:  # replaced: spread over the lines it replaced
                moved.append(origin[min(old_start + index, old_end - 1)])
            else:  # inserted: the line before
                moved.append(origin[max(old_start - 1, 0)])
    return moved


#: each step of :func:`translate_counted`, as the summary of a blog moving in names it
KINDS = (
    "ABlog's {post} directive", "Hugo shortcodes", "Liquid and Nunjucks tags", "Pelican links",
    "Quarto markup", "VitePress containers", "MDC components", "Obsidian links and callouts",
    "Docusaurus and MDX", "MkDocs Material", "pictures in the post's folder",
    "heading levels", "emoji shortcodes", "code fence options",
    "tags no translator took", "other tools' markup",
)  # fmt: skip


#: for each step of :func:`translate`, in its order: whether a text may hold
#: the markup the step translates (a quick search, never a false "no")
_MAY_HOLD: tuple[Callable[[str], bool], ...] = (
    ablog.may_hold, hugo.may_hold, liquid.may_hold, pelican.may_hold, quarto.may_hold,
    vitepress.may_hold, mdc.may_hold, obsidian.may_hold, docusaurus.may_hold, material.may_hold,
    assets.may_hold, headings.may_hold, emoji.may_hold, fences.may_hold, spans.may_hold,
    foreign.may_hold,
)  # fmt: skip


def answer_again(site: Site, kind: str, query: str) -> str | None:
    """The answer *site* gives now to a lookup a translator made (:attr:`Site.lookups`)."""
    if kind == "note":
        return obsidian.find_note(site, query)
    if kind == "file":
        return obsidian.find_file(site, query)
    return site.find(query)


def may_hold_markup(text: str) -> bool:
    """Whether *text* may hold markup that :func:`translate` changes or warns of:
    where not, it gives *text* back as it is."""
    return any(may_hold(text) for may_hold in _MAY_HOLD)
