"""Headings that skip levels: raised so that none is skipped.

A post's title is the page's first heading; Hexo and Jekyll themes often show
it and the post's own headings start at ``###``, and posts written for other
themes go from ``##`` to ``#####``. Left as they are, the page would skip
levels, which readers of the page structure (a screen reader's list of
headings), checkers and MyST (a warning each) take for gaps. Each heading is
raised to one level below the heading it falls under (the last one above it
written at a higher level), and the first ones to the second level (or the
first, where the post uses it): the nesting the author wrote stays, without
gaps; the headings' text, and so their ids, stay.
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
    found = sorted(
        [(number, len(match[1]), True) for number, line in enumerate(lines)
         if not mask[number] and (match := HEADING.match(line))]
        + [(number, level, False) for number, level in _setext(lines, mask)]
    )  # fmt: skip
    if not found:
        return text, []
    top = min(min(level for _number, level, _atx in found), 2)
    above: list[tuple[int, int]] = []  # the headings a next one may fall under: written, made
    for number, written, atx in found:
        while above and above[-1][0] >= written:
            above.pop()
        made = above[-1][1] + 1 if above else top
        if not atx:
            made = written  # underlined: first or second level, as written
        elif made != written:
            lines[number] = "#" * made + lines[number][written:]
        above.append((written, made))
    return "\n".join(lines), []


def _setext(lines: list[str], mask: list[bool]) -> list[tuple[int, int]]:
    """The headings underlined with ``===`` (first level) or ``---`` (second), by the
    number of their text's line."""
    return [
        (number - 1, 1 if underline[1].startswith("=") else 2)
        for number, line in enumerate(lines)
        if number and not mask[number] and (underline := re.match(r"^ {0,3}(=+|-+)[ \t]*$", line))
        and lines[number - 1].strip() and not HEADING.match(lines[number - 1])
        and not mask[number - 1]
    ]  # fmt: skip
