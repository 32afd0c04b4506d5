"""Shortcodes and template tags written across several lines, and what is left over.

Hugo's ``{{< figure … >}}`` and Liquid's ``{% include … %}`` may span lines;
the translators read them on one line.  :func:`join_split_tags` moves such a
tag onto its first line and leaves the lines it took blank, so that every
later line keeps its number.  Whatever tag no translator took is dropped by
:func:`drop_leftovers`, with a warning: another generator's markup never
reaches a reader as it was written.
"""

from __future__ import annotations

import re

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import Signs, code_mask, problem

#: (opening, closing) of the tags that may span lines
_PAIRS = (("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"))
#: the longest a tag may run, in lines, before it is taken for unclosed
_MOST_LINES = 20
_LEFTOVER = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}")
#: how a tag that may span lines, or be left over, opens
may_hold = Signs(r"\{(?:\{[<%]|%)")


def join_split_tags(text: str) -> str:
    lines = text.split("\n")
    mask = code_mask(lines)
    number = 0
    while number < len(lines):
        if not mask[number]:
            end = _end_of_split_tag(lines, mask, number)
            if end is not None:
                joined = " ".join(part.strip() for part in lines[number : end + 1])
                lines[number] = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
                lines[number] += joined
                for blank in range(number + 1, end + 1):
                    lines[blank] = ""
                number = end
        number += 1
    return "\n".join(lines)


def _end_of_split_tag(lines: list[str], mask: list[bool], number: int) -> int | None:
    """The line where a tag opened on line *number*, and not closed there, closes."""
    line = lines[number]
    for opening, closing in _PAIRS:
        start = line.rfind(opening)
        if start < 0 or closing in line[start + len(opening) :]:
            continue
        for later in range(number + 1, min(len(lines), number + _MOST_LINES)):
            if mask[later] or not lines[later].strip():
                return None  # a code block or a paragraph's end: not one tag
            if closing in lines[later]:
                return later
        return None
    return None


_RAW_OPENING = re.compile(r"\{%-?\s*raw\s*-?%\}")
_RAW_CLOSING = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_INLINE_CODE_SPLIT = re.compile(r"(`+[^`]+?`+)")


def raw_lines(text: str) -> set[int]:
    """The lines of Liquid's ``{% raw %}`` blocks, whose tags are text to show."""
    inside, found = False, set()
    for number, line in enumerate(text.split("\n")):
        if _RAW_OPENING.search(line):
            inside = True
        if inside:
            found.add(number)
        if _RAW_CLOSING.search(line):
            inside = False
    return found


def drop_leftovers(
    text: str, keep: set[int] | frozenset[int] = frozenset()
) -> tuple[str, list[Problem]]:
    """*text* without the tags no translator took (outside code, inline code and the
    lines in *keep*), and a problem for each."""
    lines = text.split("\n")
    mask = code_mask(lines)
    problems: list[Problem] = []
    for number, line in enumerate(lines):
        if mask[number] or number in keep or not _LEFTOVER.search(line):
            continue
        pieces = []
        # inline code shows markup on purpose: only the text around it is looked at
        for piece in _INLINE_CODE_SPLIT.split(line):
            if not piece.startswith("`"):
                for tag in _LEFTOVER.findall(piece):
                    shown = tag if len(tag) <= 60 else tag[:57] + "…"
                    problems.append(problem(
                        number, f"{shown} is not rendered: dropped (write it in Markdown or MyST)"
                    ))  # fmt: skip
                piece = _LEFTOVER.sub("", piece)
            pieces.append(piece)
        lines[number] = "".join(pieces)
    return "\n".join(lines), problems
