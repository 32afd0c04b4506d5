"""Headings that start below the page's title: raised so that no level is skipped.

A post's title is the page's first heading; Hexo and Jekyll themes often show
it and the post's own headings start at ``###``. Left as they are, the page
would go from its title straight to a third level, which readers of the page
structure (a screen reader's list of headings) and checkers take for a gap.
Where a post's headings all start deeper than the second level, each is
raised by as many levels; their text, and so their ids, stay.
"""

from __future__ import annotations

import re

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import Signs, code_mask

HEADING = re.compile(r"^(#{1,6})(?=[ \t]|$)")
#: a heading of the third level or deeper
may_hold = Signs(r"\n###")


def translate(text: str) -> tuple[str, list[Problem]]:
    lines = text.split("\n")
    mask = code_mask(lines)
    levels = [
        len(match[1]) for number, line in enumerate(lines)
        if not mask[number] and (match := HEADING.match(line))
    ]  # fmt: skip
    if not levels or min(levels) <= 2 or _setext(lines, mask):
        return text, []
    shift = min(levels) - 2
    for number, line in enumerate(lines):
        if not mask[number] and (match := HEADING.match(line)):
            lines[number] = "#" * (len(match[1]) - shift) + line[len(match[1]) :]
    return "\n".join(lines), []


def _setext(lines: list[str], mask: list[bool]) -> bool:
    """Whether the text has a heading underlined with ``===`` or ``---`` (a first or
    second level one)."""
    return any(
        not mask[number] and re.match(r"^ {0,3}(=+|-+)[ \t]*$", line) and lines[number - 1].strip()
        and not HEADING.match(lines[number - 1])
        for number, line in enumerate(lines) if number
    )  # fmt: skip
