"""Headings that skip levels: raised so that none is skipped.

A post's title is the page's first heading; Hexo and Jekyll themes often show
it and the post's own headings start at ``###``, and posts written for other
themes go from ``##`` to ``#####``. Left as they are, the page would skip
levels, which readers of the page structure (a screen reader's list of
headings), checkers and MyST (a warning each) take for gaps. The levels a
post uses are made consecutive, from the second (or the first, where the post
uses it), in their order; their text, and so their ids, stay.
"""

from __future__ import annotations

import re

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import Signs, code_mask

HEADING = re.compile(r"^(#{1,6})(?=[ \t]|$)")
#: a heading of the third level or deeper: the first that can follow a gap
may_hold = Signs(r"\n###")


def translate(text: str) -> tuple[str, list[Problem]]:
    lines = text.split("\n")
    mask = code_mask(lines)
    levels = {
        len(match[1]) for number, line in enumerate(lines)
        if not mask[number] and (match := HEADING.match(line))
    } | _setext_levels(lines, mask)  # fmt: skip
    if not levels:
        return text, []
    first = min(min(levels), 2)
    wanted = {level: first + rank for rank, level in enumerate(sorted(levels))}
    if all(level == new for level, new in wanted.items()):
        return text, []
    for number, line in enumerate(lines):
        if not mask[number] and (match := HEADING.match(line)):
            lines[number] = "#" * wanted[len(match[1])] + line[len(match[1]) :]
    return "\n".join(lines), []


def _setext_levels(lines: list[str], mask: list[bool]) -> set[int]:
    """The levels of the headings underlined with ``===`` (first) or ``---`` (second):
    they stay as they are."""
    return {
        1 if underline[1].startswith("=") else 2
        for number, line in enumerate(lines)
        if number and not mask[number] and (underline := re.match(r"^ {0,3}(=+|-+)[ \t]*$", line))
        and lines[number - 1].strip() and not HEADING.match(lines[number - 1])
        and not mask[number - 1]
    }  # fmt: skip
