"""MkDocs Material (Python-Markdown, PyMdown) markup, as MyST and sphinx-design.

``!!! kind "Title"`` with an indented body becomes an admonition, ``???``
and ``???+`` a dropdown (open for ``+``), consecutive ``=== "Tab"`` a tab set;
``<div markdown>`` a container whose content is Markdown; attribute lists
(``{ .class }``, ``{ #id }``, ``{: .class }``) and icons (``:octicons-…:``,
``:material-…:``, ``:fontawesome-…:``, ``:simple-…:``) are dropped.
"""

from __future__ import annotations

import re

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import (
    Block,
    Signs,
    admonition_line,
    code_mask,
    colons,
    dropdown_line,
    is_blank,
    mask_spans,
    sub_outside_code,
)

HEADER = re.compile(
    r"^(?P<indent> *+)(?P<mark>!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+[\w-]+)*"
    r"""\s*(?:"(?P<title>[^"]*)"|'(?P<single>[^']*)')?\s*$"""
)
TAB = re.compile(r"""^(?P<indent> *+)===(?P<flag>[!+]*)\s+["'](?P<title>.*)["']\s*$""")
_TOKEN = r"""(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+))"""
#: right after a word only as ``{:``: ``:kbd{value="Ctrl"}`` is another tool's component
ATTRIBUTES = re.compile(
    r"(?:\s+|(?<![\w:-])|(?=\{:))\{:?\s*" + _TOKEN + r"(?:\s+" + _TOKEN + r")*\s*\}"
)
HEADING_ID = re.compile(r"^#{1,6}\s.*\{:?[^}]*#([A-Za-z][\w-]*)[^}]*\}\s*$")
ICON = re.compile(r":(?:octicons|material|fontawesome|simple)-[\w-]+:")
DIV = re.compile(r"""^(?P<indent>\s*)<div\b(?P<attributes>[^>]*\bmarkdown\b[^>]*)>\s*$""")
CLASS = re.compile(r"""\bclass=["']([^"']*)["']""")
#: admonitions, dropdowns and tabs, ``<div``, a heading with ``{`` (its id), icons,
#: attribute lists
may_hold = Signs(
    r"\n *(?:!!!|\?\?\?|===)",
    r"<div\b",
    r"\n#{1,6}\s[^\n]*\{",
    r":(?:octicons|material|fontawesome|simple)-",
    r"\{:?\s*(?:[.#][\w-]|[\w-]+=)",
)


def translate(text: str) -> tuple[str, list[Problem]]:
    lines = _blocks(text.split("\n"), closed_after=False)
    lines = _divs(lines)
    mask = code_mask(lines)
    _heading_ids(lines, mask)
    for number, line in enumerate(lines):
        if mask[number] or not ("{" in line or ":" in line):
            continue
        line = sub_outside_code(ICON, lambda m: "", line)
        stripped = sub_outside_code(ATTRIBUTES, lambda m: "", line)
        if stripped != line and not stripped.strip() and not mask_spans(line):
            stripped = ""
        lines[number] = stripped
    return "\n".join(lines), []


#: admonitions and tabs nested deeper than this are left as they are
MAX_DEPTH = 32


def _blocks(lines: list[str], closed_after: bool, depth: int = 0) -> list[str]:
    """*lines* with their admonitions, dropdowns and tab sets translated, as many lines.

    *closed_after*: a fence closes right after *lines*, which ends whatever is still
    open there (MyST ends a nested fence with the one around it).
    """
    if depth > MAX_DEPTH:
        return lines
    mask = code_mask(lines)
    out = list(lines)
    number = 0
    while number < len(lines):
        header = None if mask[number] else HEADER.match(lines[number])
        tab = None if mask[number] or header else TAB.match(lines[number])
        if header:
            end = _body_end(lines, number, len(header["indent"]))
            last = closed_after and end == len(lines)
            out[number:end] = _admonition(lines[number:end], header, last, depth)
            number = end
        elif tab:
            tabs, end = [], number
            while (
                end < len(lines)
                and (match := TAB.match(lines[end]))
                and (
                    match["indent"] == tab["indent"] and (end == number or "!" not in match["flag"])
                )
            ):
                stop = _body_end(lines, end, len(tab["indent"]))
                tabs.append((end - number, match["title"], stop))
                end = stop
            last = closed_after and end == len(lines)
            # a blank line before the tabs takes the tab set's opening fence
            lead = int(number > 0 and is_blank(out[number - 1]) and not mask[number - 1])
            first = number - lead
            tabs = [(offset + lead, title, stop) for offset, title, stop in tabs]
            out[first:end] = _tabs(lines[first:end], tab["indent"], tabs, first, last, depth)
            number = end
        else:
            number += 1
    return out


def _body_end(lines: list[str], header: int, indent: int) -> int:
    end = header + 1
    while end < len(lines) and (is_blank(lines[end]) or _indent(lines[end]) >= indent + 4):
        end += 1
    return end


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _body(lines: list[str], indent: int, closed_after: bool, depth: int) -> list[str]:
    body = []
    for line in lines:
        expanded = line.expandtabs(4)
        body.append("" if is_blank(line) else expanded[:indent] + expanded[indent + 4 :])
    return _blocks(body, closed_after, depth + 1)


def _keep_body(block: Block, body: list[str], offset: int) -> None:
    mask = code_mask(body)
    for index, line in enumerate(body):
        if line.strip() or mask[index]:
            block.keep(offset + index, line)


def _admonition(region: list[str], header: re.Match[str], closed_after: bool, depth: int):
    indent = header["indent"]
    body = _body(region[1:], len(indent), True, depth)
    fence = indent + ":" * colons(body)
    title = header["title"] if header["title"] is not None else header["single"]
    kind = header["kind"]
    block = Block(len(region))
    if header["mark"] == "!!!":
        block.add(admonition_line(fence, kind, title or ""))
    else:
        named = title if title is not None else kind.capitalize()
        block.add(dropdown_line(fence, kind, named, header["mark"].endswith("+")))
    _keep_body(block, body, 1)
    if not closed_after:
        block.add(fence)
    return block.lines()


def _tabs(region, indent: str, tabs, start: int, closed_after: bool, depth: int) -> list[str]:
    bodies = [
        _body(region[first + 1 : end - start], len(indent), True, depth) for first, _, end in tabs
    ]
    item = colons([line for body in bodies for line in body])
    block = Block(len(region))
    block.add(f"{indent}{':' * (item + 1)}{{tab-set}}")
    for number, ((first, title, _), body) in enumerate(zip(tabs, bodies, strict=True)):
        block.add(f"{indent}{':' * item}{{tab-item}} {title}")
        _keep_body(block, body, first + 1)
        if number < len(tabs) - 1:
            block.add(f"{indent}{':' * item}")
    if not closed_after:
        block.add(f"{indent}{':' * (item + 1)}")
    return block.lines()


def _heading_ids(lines: list[str], mask: list[bool]) -> None:
    """``## Title { #id }``: the id as a MyST target, on the blank line before the heading."""
    for number, line in enumerate(lines):
        match = None if mask[number] else HEADING_ID.match(line)
        if match and number and not mask[number - 1] and is_blank(lines[number - 1]):
            lines[number - 1] = f"({match[1]})="


def _divs(lines: list[str]) -> list[str]:
    """``<div markdown>`` … ``</div>`` on lines of their own, as a container."""
    mask = code_mask(lines)
    for number, line in enumerate(lines):
        match = None if mask[number] else DIV.match(line)
        if not match:
            continue
        depth, end = 0, number + 1
        while end < len(lines):
            if not mask[end]:
                depth += len(re.findall(r"<div\b", lines[end]))
                if re.match(r"^\s*</div>\s*$", lines[end]):
                    if depth == 0:
                        break
                    depth -= 1
            end += 1
        if end == len(lines):
            continue
        classes = CLASS.search(match["attributes"])
        fence = match["indent"] + ":" * colons(lines[number + 1 : end])
        lines[number] = f"{fence}{{container}} {classes[1] if classes else ''}".rstrip()
        lines[end] = fence
    return lines
