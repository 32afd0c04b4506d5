"""VitePress markup, as MyST and sphinx-design.

Custom containers ``::: info``, ``::: tip``, ``::: warning``, ``::: danger``
(with an optional title) become admonitions, ``::: details Title`` a
dropdown (open with ``{open}``), ``::: raw`` its content alone; nested ones
(more colons outside) too; ``::: code-group`` is a tab set of its code blocks, each
tab named by its ``[label]``, and ``::: v-pre`` shows its content as written
(its ``{{ … }}`` kept as text). ``[[toc]]`` is dropped: the theme shows the page's
contents. ``{{ $frontmatter.key }}`` becomes the front matter's value where
it is a string or a number; any other Vue expression is dropped with a
warning. GitHub-style alerts (``> [!NOTE]``) are :mod:`.obsidian`'s.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import (
    Signs,
    Site,
    admonition_line,
    code_mask,
    colons,
    dropdown_line,
    front_matter_value,
    problem,
    sub_outside_code,
)

if TYPE_CHECKING:
    from collections.abc import Callable

#: the containers VitePress's default theme has; but for ``details``, written with
#: a space after the colons (``:::tip`` without one is Docusaurus's, read there)
CONTAINER = re.compile(
    r"^(?P<indent>[ \t]*)(?P<colons>:{3,})(?:[ \t]+(?P<kind>info|tip|warning|danger|raw)"
    r"|[ \t]*(?P<details>details)|[ \t]+(?P<group>code-group)|[ \t]+(?P<pre>v-pre))"
    r"(?=[ \t{]|$)(?P<rest>.*)$"
)
#: a code fence's info in a code group: ``sh [npm]``
LABELLED = re.compile(
    r"^(?P<fence>[ \t]*(?:`{3,}|~{3,}))(?P<before>[^\[`]*?)\s*\[(?P<label>[^\]]+)\](?P<after>.*)$"
)
ATTRIBUTES = re.compile(r"\s*\{(?P<inside>[^{}]*)\}\s*$")
CLOSING = re.compile(r"^[ \t]*(:{3,})[ \t]*$")
TOC = re.compile(r"\[\[\s*toc\s*\]\]", re.IGNORECASE)
#: Vue's interpolation of VitePress's ``$frontmatter`` (and Nuxt Content's ``$doc``)
EXPRESSION = re.compile(r"\{\{\s*(\$[^{}]*?)\s*\}\}")
FRONT_MATTER = re.compile(r"^\$(frontmatter|doc)((?:\.[A-Za-z_][\w-]*)+)$")
#: a container, ``[[toc]]``, a ``{{ $…`` expression
may_hold = Signs(
    r"\n[ \t]*:{3,}[ \t]*(?:info|tip|warning|danger|details|raw|code-group|v-pre)",
    r"\[\[[ \t]*[tT][oO][cC]",
    r"\{\{\s*\$",
)


def translate(text: str, site: Site | None = None) -> tuple[str, list[Problem]]:
    site = site or Site()
    lines = text.split("\n")
    problems: list[Problem] = []
    shown_as_written = _containers(lines, code_mask(lines))
    mask = code_mask(lines)
    for number, line in enumerate(lines):
        if mask[number] or number in shown_as_written:
            continue
        if "[[" in line:
            dropped = sub_outside_code(TOC, lambda m: "", line)
            line = "" if dropped != line and not dropped.strip() else dropped
        if "{{" in line:
            line = sub_outside_code(EXPRESSION, _expression_at(number, site, problems), line)
        lines[number] = line
    return "\n".join(lines), problems


def _containers(lines: list[str], mask: list[bool]) -> set[int]:
    """Containers whose closing line is found, the innermost first, so that each
    fence outnumbers the fences it holds; ``details`` also when never closed. Gives
    the lines of ``v-pre`` containers, whose expressions are text."""
    opened: list[tuple[int, re.Match[str]]] = []
    pairs: list[tuple[int, int | None, re.Match[str]]] = []
    for number, line in enumerate(lines):
        if mask[number]:
            continue
        if match := CONTAINER.match(line):
            opened.append((number, match))
        elif (bare := CLOSING.match(line)) and opened:
            # a closing line ends the innermost container it is long enough for
            while opened and len(bare[1]) < len(opened[-1][1]["colons"]):
                start, match = opened.pop()
                pairs.append((start, None, match))
            if opened:
                start, match = opened.pop()
                pairs.append((start, number, match))
    pairs += [(start, None, match) for start, match in opened]
    pairs.sort(key=lambda pair: (pair[1] if pair[1] is not None else len(lines)) - pair[0])
    shown_as_written: set[int] = set()
    for start, end, match in pairs:
        if end is None and not match["details"]:
            continue  # never closed: Docusaurus's reading of it is the same
        if match["group"] and end is not None and _code_group(lines, start, end, match):
            continue
        if match["pre"] and end is not None:
            lines[start] = lines[end] = ""
            shown_as_written.update(range(start, end))
            continue
        stop = len(lines) if end is None else end
        fence = match["indent"] + ":" * max(len(match["colons"]), colons(lines[start + 1 : stop]))
        lines[start] = _opening(fence, match)
        if end is not None:
            lines[end] = fence if lines[start] else ""
    return shown_as_written


def _code_group(lines: list[str], start: int, end: int, match: re.Match[str]) -> bool:
    """``::: code-group`` holding only code blocks, as ``{blog-code-group}``: a tab set
    with a tab for each block, named by its ``[label]`` (its caption, by then)."""
    region = lines[start + 1 : end]
    mask = code_mask(region)
    if not any(mask) or any(line.strip() and not mask[n] for n, line in enumerate(region)):
        return False  # no block, or text between the blocks: a container keeps it
    fence = match["indent"] + ":" * max(len(match["colons"]), colons(region))
    lines[start], lines[end] = f"{fence}{{blog-code-group}}", fence
    return True


def _opening(fence: str, match: re.Match[str]) -> str:
    title, is_open = match["rest"].strip(), False
    if attributes := ATTRIBUTES.search(title):
        is_open = "open" in attributes["inside"].split()
        title = title[: attributes.start()].strip()
    if match["details"]:
        return dropdown_line(fence, "plain", title or "Details", is_open)
    if match["kind"] == "raw":
        return ""
    return admonition_line(fence, match["kind"], title)


def _expression_at(
    number: int, site: Site, problems: list[Problem]
) -> Callable[[re.Match[str]], str]:
    return lambda match: _expression(match[1], number, site, problems)


def _expression(expression: str, number: int, site: Site, problems: list[Problem]) -> str:
    found = FRONT_MATTER.match(expression)
    value = front_matter_value(site.params, found[2][1:]) if found else None
    if value is not None:
        return value
    tool = "Nuxt Content (MDC)" if found and found[1] == "doc" else "VitePress (Vue)"
    why = "names no string or number of the front matter" if found else "is not run"
    problems.append(problem(number, f"{tool} expression {{{{ {expression} }}}} {why}: "
                            "dropped (write its value)"))  # fmt: skip
    return ""
