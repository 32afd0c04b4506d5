"""Docusaurus (MDX) markup, as MyST and sphinx-design.

``:::note Title`` and ``:::tip[Title]`` become MyST admonitions (``:::{note}``),
``<Tabs>``/``<TabItem value label>`` a tab set, ``<details><summary>`` a
dropdown, Starlight's ``<Aside type="tip" title="…">`` an admonition; MDX
``import``/``export`` lines and ``{/* comments */}`` are dropped. Any other
JSX component is dropped, its text kept, with a warning naming it.
``<!-- truncate -->`` already ends a post's summary.
"""

from __future__ import annotations

import re

from sphinxblog.core.problems import Problem
from sphinxblog.migrate.markup.common import (
    Signs,
    admonition_line,
    code_mask,
    colons,
    dedent,
    indent_of,
    problem,
    sub_outside_code,
)

ADMONITION = re.compile(
    r"^(?P<indent>\s*)(?P<colons>:{3,})\s*(?P<kind>[a-zA-Z][\w-]*)"
    r"(?:\[(?P<bracket>[^\]]*)\]|\{[^}]*\})?\s*(?P<title>.*?)\s*$"
)
#: MDX's ECMAScript lines, at the start of a line: ``import X from 'y'``, ``export const``
IMPORT = re.compile(
    r"""^(import\s+(['"]|[\w$*{][^'"]*\bfrom\s+['"]|\{\s*$|type\s)"""
    r"|export\s+(const|default|function|let|var)\b)"
)
COMMENT = re.compile(r"\{/\*.*?\*/\}")
_VALUE = r"""(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}))?"""
TAG = re.compile(r"<(/?)([A-Z][\w.]*)((?:\s+[\w-]+" + _VALUE + r")*)\s*(/?)>")
_ATTRIBUTE = re.compile(r"""([\w-]+)(?:=("[^"]*"|'[^']*'|\{[^}]*\}))?""")
DETAILS = re.compile(r"^\s*<details(\s+open)?\s*>\s*(?:<summary>(.*?)</summary>)?\s*$")
SUMMARY = re.compile(r"^\s*<summary>(.*?)</summary>\s*$")
END_DETAILS = re.compile(r"^\s*</details>\s*$")
#: an ``import``/``export`` line, a ``:::kind`` fence, a component (``<Tabs>``,
#: ``</Tabs>``) or ``<details>``, a ``{/*`` comment
may_hold = Signs(
    r"\n(?:import|export)\s", r"\n\s*:{3,}\s*[a-zA-Z]", r"<(?:/?[A-Z]|details)", r"\{/\*"
)


def attributes(raw: str) -> dict[str, str]:
    found = {}
    for key, value in _ATTRIBUTE.findall(raw):
        found[key] = value[1:-1].strip("\"'`") if value else "true"
    return found


def translate(text: str) -> tuple[str, list[Problem]]:
    lines = text.split("\n")
    problems: list[Problem] = []
    _imports(lines, code_mask(lines))
    _admonitions(lines, code_mask(lines))
    _tabs(lines, code_mask(lines))
    _details(lines, code_mask(lines))
    _asides(lines, code_mask(lines))
    mask = code_mask(lines)
    for number, line in enumerate(lines):
        if not mask[number] and ("<" in line or "{/*" in line):
            lines[number] = _components(line, number, problems)
    return "\n".join(lines), problems


def _imports(lines: list[str], mask: list[bool]) -> None:
    number = 0
    while number < len(lines):
        if mask[number] or not IMPORT.match(lines[number]):
            number += 1
            continue
        depth = 0
        while number < len(lines):  # up to the end of the statement
            line = lines[number]
            depth += line.count("{") + line.count("(") - line.count("}") - line.count(")")
            lines[number] = ""
            number += 1
            if depth <= 0 and not line.rstrip().endswith((",", "=", "{", "(")):
                break


def _admonitions(lines: list[str], mask: list[bool]) -> None:
    """``:::kind`` fences; text written on a fence's own line gets a line of its own.

    ``:::tip[Title] First words`` opens an admonition whose text starts on
    that line, and ``last words :::`` closes one: the text and the fence are
    then two lines held by one, so that neither the text nor the closing
    fence is lost.
    """
    opened: list[int] = []  # the colons of each admonition not yet closed
    for number, line in enumerate(lines):
        if mask[number]:
            continue
        match = ADMONITION.match(line)
        if match:
            fence = match["colons"]
            rest, closed = _closing(match["title"], fence)
            if match["bracket"] is not None:
                title, text = match["bracket"], rest
            elif closed:  # ":::note words :::": the words are its text
                title, text = "", rest
            else:
                title, text = rest, ""
            opening = admonition_line(match["indent"] + fence, match["kind"].lower(), title.strip())
            lines[number] = "\n".join([opening, *([text] if text else [])])
            if closed:
                lines[number] += "\n" + match["indent"] + fence
            else:
                opened.append(len(fence))
            continue
        if not opened:
            continue
        bare = re.match(r"^\s*(:{3,})\s*$", line)
        if bare and len(bare[1]) >= opened[-1]:
            opened.pop()
            continue
        text, closed = _closing(line, ":" * opened[-1])
        if closed and text.strip():
            lines[number] = f"{text}\n{':' * opened.pop()}"


def _closing(text: str, fence: str) -> tuple[str, bool]:
    """*text* without a closing *fence* at its end, and whether it had one."""
    match = re.search(rf"(?:^|\s)(:{{{len(fence)},}})\s*$", text)
    if match is None:
        return text, False
    return text[: match.start()].rstrip(), True


def _tabs(lines: list[str], mask: list[bool]) -> None:
    """``<Tabs>`` and ``<TabItem>`` written on lines of their own."""
    number = 0
    while number < len(lines):
        match = None if mask[number] else re.match(r"^\s*<Tabs\b[^>]*>\s*$", lines[number])
        if not match:
            number += 1
            continue
        end = number + 1
        while end < len(lines) and (mask[end] or not re.match(r"^\s*</Tabs>\s*$", lines[end])):
            end += 1
        if end == len(lines):
            return
        items, start = [], None
        for inner in range(number + 1, end):
            if mask[inner]:
                continue
            if re.match(r"^\s*<TabItem\b", lines[inner]):
                start = inner
            elif re.match(r"^\s*</TabItem>\s*$", lines[inner]) and start is not None:
                items.append((start, inner))
                start = None
        body = [line for first, last in items for line in lines[first + 1 : last]]
        item_colons = colons(body)
        for first, last in items:
            label = attributes(lines[first]).get("label") or attributes(lines[first]).get(
                "value", "Tab"
            )
            content = [line for line in lines[first + 1 : last] if line.strip()]
            width = min((indent_of(line) for line in content), default=0)
            lines[first + 1 : last] = dedent(lines[first + 1 : last], width)
            lines[first] = f"{':' * item_colons}{{tab-item}} {label}"
            lines[last] = ":" * item_colons
        lines[number] = f"{':' * (item_colons + 1)}{{tab-set}}"
        lines[end] = ":" * (item_colons + 1)
        number = end + 1


def _details(lines: list[str], mask: list[bool]) -> None:
    opened: list[int] = []
    for number, line in enumerate(lines):
        if mask[number]:
            continue
        if match := DETAILS.match(line):
            opened.append(number)
            state = "open" if match[1] else "closed"
            summary = match[2]
            if summary is None and number + 1 < len(lines):
                inner = SUMMARY.match(lines[number + 1])
                if inner:
                    summary = inner[1]
                    lines[number + 1] = ""
            lines[number] = f"{{blog-dropdown}} {state} plain {summary or 'Details'}"
        elif END_DETAILS.match(line) and opened:
            start = opened.pop()
            count = colons(lines[start + 1 : number])
            lines[start] = ":" * count + lines[start]
            lines[number] = ":" * count
    for start in opened:  # never closed: the summary stays, as bold text
        lines[start] = "**" + lines[start].split(" ", 3)[-1] + "**"


#: Starlight's aside opening a line, and what follows it there
ASIDE = re.compile(r"^(?P<indent>\s*)<Aside\b(?P<attributes>[^>]*)>(?P<rest>.*)$")
ASIDE_END = re.compile(r"^(?P<before>.*?)</Aside>\s*$")


def _asides(lines: list[str], mask: list[bool]) -> None:
    """Starlight's ``<Aside>`` … ``</Aside>`` (text may follow the opening tag and
    precede the closing one, or both be on one line), as an admonition of its
    ``type`` (``note`` by default) titled by its ``title``."""
    opened: list[tuple[int, re.Match[str]]] = []
    for number, line in enumerate(lines):
        if mask[number]:
            continue
        match = ASIDE.match(line)
        if match and not match["attributes"].rstrip().endswith("/"):
            opened.append((number, match))
            line = match["rest"]
        end = ASIDE_END.match(line)
        if not end or not opened:
            continue
        start, opening = opened.pop()
        found = attributes(opening["attributes"])
        fence = opening["indent"] + ":" * colons(lines[start + 1 : number])
        head = admonition_line(fence, found.get("type", "note"), found.get("title", ""))
        if start == number:  # all on one line: the line holds the three
            lines[number] = "\n".join([head, end["before"].strip(), fence])
            continue
        rest = opening["rest"].strip()
        lines[start] = f"{head}\n{rest}" if rest else head
        before = end["before"].strip()
        lines[number] = f"{before}\n{fence}" if before else fence


def _components(line: str, number: int, problems: list[Problem]) -> str:
    line = COMMENT.sub("", line)

    def drop(match: re.Match[str]) -> str:
        before = match.string[match.start() - 1 : match.start()]
        if not match[1] and not match[3].strip() and (before.isalnum() or before == "_"):
            return f"\\<{match[2]}\\>"  # a type's parameter (Vec<String>), not a component
        if match[1]:
            return ""
        # a component with no content of its own (<Person name="Ada" />) says what it
        # shows in its attributes: their words stay, so no sentence is left dangling
        shown = _shown_attributes(match[3]) if match[4] else ""
        kept = f"its words kept: {shown!r}" if shown else "its text kept"
        if match[4] and not shown and _in_a_sentence(match):
            # nothing to say in its place: its name marks the gap, so no sentence dangles
            shown = f"`<{match[2]} />`"
            kept = f"its name kept as {shown}"
        problems.append(problem(number, f"JSX component <{match[2]}> is not rendered: "
                                f"dropped, {kept} (write it in Markdown or a MyST "
                                "directive)"))  # fmt: skip
        return shown

    return sub_outside_code(TAG, drop, line)


def _in_a_sentence(match: re.Match[str]) -> bool:
    """Whether *match* is inside a sentence: words before it on its line, and the
    sentence going on (or ending) after it."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    return bool(re.search(r"\w", before)) and bool(after.strip())


#: the attributes whose value is text a component shows (not a style, a URL or code)
_SHOWN = ("children", "text", "label", "title", "name", "alt", "caption", "value")


def _shown_attributes(raw: str) -> str:
    found = attributes(raw)
    return " ".join(found[key] for key in _SHOWN if key in found and found[key] not in {"true", ""})
